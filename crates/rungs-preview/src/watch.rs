//! Watching the framework directory and rebuilding on changes.
//!
//! Rebuilds run on a thread of their own, never on the async runtime: they
//! read files and use rayon (see the crate documentation).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::{Preview, ServeError};

/// Editors write a file in several steps; wait this long for the burst to end.
const SETTLE: Duration = Duration::from_millis(15);

/// The watcher; dropping it stops watching.
pub struct Watching {
    _watcher: Arc<Mutex<RecommendedWatcher>>,
}

/// Starts watching `root` (an absolute path); the returned value must be
/// kept alive.
///
/// The parent folder is watched too (not recursively), so that a framework
/// folder that is deleted and created again, or replaced by another moved
/// into its place, is watched again and re-read, without a restart.
pub fn watch(root: &Path, preview: Preview) -> Result<Watching, ServeError> {
    let (tx, rx) = mpsc::channel::<PathBuf>();
    let error = |source| ServeError::Watch {
        path: root.display().to_string(),
        source,
    };
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
    .map_err(error)?;
    watcher
        .watch(root, RecursiveMode::Recursive)
        .map_err(error)?;
    if let Some(parent) = root.parent() {
        // Without it a recreated folder goes unnoticed, but the preview
        // still works until then: not worth refusing to start.
        let _ = watcher.watch(parent, RecursiveMode::NonRecursive);
    }
    let watcher = Arc::new(Mutex::new(watcher));
    let rearm = Arc::clone(&watcher);
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut paths = vec![first];
            while let Ok(more) = rx.recv_timeout(SETTLE) {
                paths.push(more);
            }
            // Siblings of the framework folder (from the parent's watch).
            paths.retain(|p| p.starts_with(&root));
            if paths.is_empty() {
                continue;
            }
            paths.sort();
            paths.dedup();
            if paths.contains(&root) && root.is_dir() {
                // The folder itself was created or moved in: the old watch
                // died with the old folder.
                let mut watcher = match rearm.lock() {
                    Ok(w) => w,
                    Err(poisoned) => poisoned.into_inner(),
                };
                let _ = watcher.unwatch(&root);
                if let Err(e) = watcher.watch(&root, RecursiveMode::Recursive) {
                    tracing::error!(
                        directory = ?root,
                        error = %e,
                        "cannot watch the framework for changes again"
                    );
                }
            }
            preview.changed(&paths);
        }
    });
    Ok(Watching { _watcher: watcher })
}
