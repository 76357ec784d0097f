//! Reading a JSON export never panics; what passes the import check exports
//! only paths inside the output folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(framework) = rungs_core::export::json::from_json(text)
        && rungs_core::import::check(&framework).is_ok()
    {
        rungs_fuzz::assert_paths_stay_inside(&framework);
    }
});
