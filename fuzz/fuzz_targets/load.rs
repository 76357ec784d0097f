//! Loading a framework from arbitrary files never panics, and what loads
//! cleanly exports only paths inside the output folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (bool, Vec<(String, Vec<u8>)>)| {
    let (plausible, files) = input;
    let set = rungs_fuzz::sources(&files, plausible.then_some(rungs_fuzz::CONFIG));
    if let Ok(loaded) = rungs_core::load(&set)
        && loaded.diagnostics.errors() == 0
    {
        rungs_fuzz::assert_paths_stay_inside(&loaded.framework);
    }
});
