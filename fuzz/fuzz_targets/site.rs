//! Building the site of a loaded framework never panics, and every output
//! path stays inside the output folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|files: Vec<(String, Vec<u8>)>| {
    let set = rungs_fuzz::sources(&files, Some(rungs_fuzz::CONFIG));
    let Ok(loaded) = rungs_core::load(&set) else {
        return;
    };
    // `rungs build --force` builds despite errors, so the fuzzer does too.
    if let Ok(site) = rungs_site::build(&loaded.framework, &set) {
        for path in site.files.keys() {
            assert!(
                rungs_core::join_inside(std::path::Path::new("/out"), path).is_ok(),
                "a site path leaves its folder: {path}"
            );
        }
    }
});
