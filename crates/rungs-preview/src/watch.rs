//! Watching the framework directory and rebuilding on changes.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::{Preview, ServeError};

/// Editors write a file in several steps; wait this long for the burst to end.
const SETTLE: Duration = Duration::from_millis(15);

/// Starts watching `root`; the returned watcher must be kept alive.
pub fn watch(root: &Path, preview: Preview) -> Result<notify::RecommendedWatcher, ServeError> {
    let (tx, rx) = mpsc::channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if event.kind.is_access() {
                return;
            }
            for path in event.paths {
                let _ = tx.send(path);
            }
        }
    })
    .map_err(|source| ServeError::Watch {
        path: root.display().to_string(),
        source,
    })?;
    watcher
        .watch(root, RecursiveMode::Recursive)
        .map_err(|source| ServeError::Watch {
            path: root.display().to_string(),
            source,
        })?;
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut paths = vec![first];
            while let Ok(more) = rx.recv_timeout(SETTLE) {
                paths.push(more);
            }
            paths.sort();
            paths.dedup();
            preview.changed(&paths);
        }
    });
    Ok(watcher)
}
