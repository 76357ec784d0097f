//! The previewed site: built in memory, rebuilt on changes, versioned so
//! pages know when to reload.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use rungs_core::{Framework, LoadCache, SourceSet};
use rungs_site::Site;
use tokio::sync::broadcast;

use crate::ServeError;
use crate::overlay;

/// One build: the site, the overlay to show (if the framework has errors)
/// and a version number that grows with every rebuild.
pub struct Built {
    /// The pages and assets.
    pub site: Site,
    /// HTML of the error overlay, when there are errors.
    pub overlay: Option<String>,
    /// Incremented on every rebuild.
    pub version: u64,
    /// What loading found (errors and warnings), in order.
    pub diagnostics: Vec<rungs_core::Diagnostic>,
    framework: Option<Framework>,
}

/// The framework's files, and its level pages as last parsed.
struct Sources {
    files: SourceSet,
    cache: LoadCache,
}

struct Inner {
    root: Option<PathBuf>,
    sources: Mutex<Sources>,
    report: Option<crate::Reporter>,
    built: RwLock<Arc<Built>>,
    reloads: broadcast::Sender<u64>,
}

/// Shared handle to the preview.
#[derive(Clone)]
pub struct Preview {
    inner: Arc<Inner>,
}

impl Preview {
    /// Reads the framework and builds it once.
    pub fn start(
        root: Option<&Path>,
        report: Option<crate::Reporter>,
    ) -> Result<Preview, ServeError> {
        let sources = match root {
            Some(r) => SourceSet::read_dir(r).map_err(|source| ServeError::Read {
                path: r.display().to_string(),
                source,
            })?,
            None => SourceSet::example(),
        };
        let mut cache = LoadCache::default();
        let built = build(&sources, &mut cache, root, None, 1);
        if let Some(crate::Reporter(report)) = &report {
            report(&built.diagnostics, &sources);
        }
        let (reloads, _) = broadcast::channel(16);
        Ok(Preview {
            inner: Arc::new(Inner {
                root: root.map(Path::to_path_buf),
                sources: Mutex::new(Sources {
                    files: sources,
                    cache,
                }),
                report,
                built: RwLock::new(Arc::new(built)),
                reloads,
            }),
        })
    }

    /// The current build.
    pub fn current(&self) -> Arc<Built> {
        match self.inner.built.read() {
            Ok(b) => b.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Subscribes to reload notifications (the new version number).
    pub fn subscribe(&self) -> broadcast::Receiver<u64> {
        self.inner.reloads.subscribe()
    }

    /// Re-reads the given paths (absolute, under the root) and rebuilds.
    ///
    /// A changed file is re-read alone, and only the pages it affects are
    /// rebuilt. A folder that appeared, disappeared or moved (or the root
    /// itself) makes the whole framework be read again and the whole site
    /// be rebuilt: correct before fast, and it happens far less often than
    /// saving a file.
    pub fn changed(&self, paths: &[PathBuf]) {
        let Some(root) = &self.inner.root else { return };
        let start = Instant::now();
        let mut sources = match self.inner.sources.lock() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        };
        let mut changed = Vec::new();
        let mut rescan = false;
        for path in paths {
            let Ok(rel) = path.strip_prefix(root) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            if rel.is_empty() {
                rescan = true;
                continue;
            }
            if rungs_core::is_ignored(&rel) {
                continue;
            }
            match std::fs::symlink_metadata(path) {
                // A folder (or a link to one) created or moved in; its files
                // may have been written before it was watched.
                Ok(_) if path.is_dir() => rescan = true,
                Ok(_) => {
                    // As `rungs check` reads files: never a FIFO or device
                    // (opening one would block this thread, and with it every
                    // later rebuild), nor a link leaving the framework.
                    sources.files.unreadable.retain(|(p, _)| *p != rel);
                    match SourceSet::read_file(root, &rel) {
                        Ok(Some(bytes)) => sources.files.insert(&rel, bytes),
                        Ok(None) => sources.files.remove(&rel),
                        Err(reason) => {
                            sources.files.remove(&rel);
                            sources.files.unreadable.push((rel.clone(), reason));
                        }
                    }
                }
                Err(_) => {
                    // Gone: a file, or a folder deleted or moved out.
                    let folder = format!("{rel}/");
                    if sources.files.iter().any(|f| f.path.starts_with(&folder)) {
                        rescan = true;
                    }
                    sources.files.remove(&rel);
                    sources.files.unreadable.retain(|(p, _)| *p != rel);
                }
            }
            changed.push(rel);
        }
        if rescan {
            // A missing root reads as an empty framework: the overlay says
            // there is no rungs.toml until the folder comes back.
            sources.files = SourceSet::read_dir(root).unwrap_or_default();
            changed.push(String::new());
        }
        if changed.is_empty() {
            return;
        }
        let previous = self.current();
        let Sources { files, cache } = &mut *sources;
        let built = build(
            files,
            cache,
            Some(root),
            (!rescan).then_some((&*previous, changed.as_slice())),
            previous.version + 1,
        );
        if let Some(crate::Reporter(report)) = &self.inner.report {
            report(&built.diagnostics, files);
        }
        let version = built.version;
        let pages = built.site.files.len();
        if let Ok(mut slot) = self.inner.built.write() {
            *slot = Arc::new(built);
        }
        drop(sources);
        tracing::info!(
            files = pages,
            duration_ms = start.elapsed().as_millis() as u64,
            "rebuilt the site"
        );
        let _ = self.inner.reloads.send(version);
    }
}

/// Loads and builds; errors become an overlay, never a failure. With a
/// `root` (not for the built-in example), the generated pages are added.
fn build(
    sources: &SourceSet,
    cache: &mut LoadCache,
    root: Option<&Path>,
    previous: Option<(&Built, &[String])>,
    version: u64,
) -> Built {
    let loaded = match rungs_core::load_cached(sources, cache) {
        Ok(l) => l,
        Err(e) => {
            let message = format!("{e}: add a rungs.toml to this directory (see `rungs new`)");
            return Built {
                site: Site::default(),
                overlay: Some(overlay::message(&message)),
                version,
                diagnostics: Vec::new(),
                framework: None,
            };
        }
    };
    let diagnostics = loaded.diagnostics.sorted();
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == rungs_core::Severity::Error)
        .cloned()
        .collect();
    let mut framework = loaded.framework;
    // The generated pages come from the framework as it is now; without
    // them the site is still worth showing, with the reason on top.
    let generated = match root {
        Some(root) => rungs_site::add_generated_pages(&mut framework, sources, root),
        None => Ok(()),
    };
    let site = match previous.and_then(|(p, changed)| p.framework.as_ref().map(|f| (f, p, changed)))
    {
        Some((old, p, changed)) if errors.is_empty() => {
            rungs_site::rebuild(old, p.site.clone(), &framework, sources, changed)
        }
        _ => rungs_site::build(&framework, sources),
    };
    match site {
        Ok(site) => Built {
            site,
            overlay: if !errors.is_empty() {
                Some(overlay::diagnostics(&errors))
            } else {
                generated
                    .err()
                    .map(|e| overlay::generated_pages(&e.to_string()))
            },
            version,
            diagnostics,
            // Only a clean build is a safe base for an incremental rebuild.
            framework: errors.is_empty().then_some(framework),
        },
        Err(e) => Built {
            site: Site::default(),
            overlay: Some(overlay::message(&e.to_string())),
            version,
            diagnostics,
            framework: None,
        },
    }
}
