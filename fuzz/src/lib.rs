//! Helpers shared by the fuzz targets: turning fuzzer input into framework
//! files, and the properties every target checks.

use rungs_core::SourceSet;
use rungs_core::join_inside;

/// A few files from the fuzzer: paths are kept short and relative, as
/// `SourceSet::read_dir` would produce them.
pub fn sources(files: &[(String, Vec<u8>)], config: Option<&[u8]>) -> SourceSet {
    let mut set = SourceSet::new();
    for (path, bytes) in files.iter().take(64) {
        let path: String = path.chars().take(200).collect();
        if path.is_empty()
            || path.starts_with('/')
            || path.split('/').any(|p| p == ".." || p.is_empty())
        {
            continue;
        }
        set.insert(&path, bytes.clone());
    }
    if let Some(config) = config {
        set.insert("rungs.toml", config.to_vec());
    }
    set
}

/// A plausible rungs.toml, so that the fuzzer reaches past the config.
pub const CONFIG: &[u8] = b"title = \"Fuzz\"\n\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n\n[[areas]]\ntitle = \"Delivery\"\n";

/// Every id that becomes a path is one that the writers accept, whatever
/// the framework came from.
pub fn assert_paths_stay_inside(framework: &rungs_core::Framework) {
    let root = std::path::Path::new("/out");
    for file in rungs_core::export::native::to_sources(framework).iter() {
        assert!(
            join_inside(root, &file.path).is_ok(),
            "an export path leaves its folder: {}",
            file.path
        );
    }
}
