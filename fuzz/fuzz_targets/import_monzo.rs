//! The monzo importer never panics on arbitrary files, and what it returns
//! has only ids that stay inside an output folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|files: Vec<(String, Vec<u8>)>| {
    let set = rungs_fuzz::sources(&files, None);
    if let Ok(imported) = rungs_core::import::monzo::import(&set) {
        rungs_fuzz::assert_paths_stay_inside(&imported.framework);
    }
});
