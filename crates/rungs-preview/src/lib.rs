//! rungs-preview: `rungs serve`, a live preview of a framework's website.
//!
//! The site is built in memory and served on localhost. A watcher re-reads
//! changed files, rebuilds (only the tracks that changed, when it can), and
//! tells open pages to reload through server-sent events. When the framework
//! has errors, every page shows them in an overlay with file:line:column,
//! instead of a stale page. The pages `rungs build` makes from other
//! sources (`rungs_site::add_generated_pages`) are previewed too.
//!
//! # Blocking work stays off the async runtime
//!
//! Loading a framework ([`rungs_core::load`], [`rungs_core::load_cached`],
//! [`SourceSet::read_dir`]) and building its site (`rungs_site::build`,
//! `rungs_site::rebuild`) read files and use rayon to spread CPU-bound work
//! over all cores. Called on a tokio worker thread they would stall every
//! connection that worker serves, and a rayon pool waiting on a worker can
//! starve the runtime. So here the first build happens before the runtime
//! starts, rebuilds run on the watcher's own thread, and request handlers
//! only clone an `Arc` of the finished site. A server embedding these
//! crates should do the same, or wrap each load and build in
//! `tokio::task::spawn_blocking`.

#![warn(missing_docs)]

mod overlay;
mod preview;
mod server;
mod watch;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use rungs_core::SourceSet;

pub use preview::Preview;
pub use server::Limits;

/// What to serve and where.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    /// The framework directory; `None` serves the built-in example (not watched).
    pub root: Option<PathBuf>,
    /// Address to listen on; port 0 picks a free port.
    pub addr: SocketAddr,
    /// Connection limits and timeouts.
    pub limits: Limits,
    /// Shown the diagnostics of the first build and of every rebuild, as
    /// `rungs check` would print them (the browser overlay shows the errors).
    pub report: Option<Reporter>,
}

/// Receives the diagnostics of each build of the preview, with the files
/// they point into.
#[derive(Clone)]
pub struct Reporter(pub Arc<Report>);

/// The function behind a [`Reporter`]: the diagnostics of one build, and
/// the files they point into.
pub type Report = dyn Fn(&[rungs_core::Diagnostic], &SourceSet) + Send + Sync;

impl std::fmt::Debug for Reporter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Reporter")
    }
}

/// Why serving stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The directory could not be read.
    #[error("cannot read `{path}`: {source}")]
    Read {
        /// The directory.
        path: String,
        /// The error.
        #[source]
        source: std::io::Error,
    },
    /// The address could not be bound, or the server failed.
    #[error("cannot serve on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The error.
        #[source]
        source: std::io::Error,
    },
    /// The file watcher could not start.
    #[error("cannot watch `{path}` for changes: {source}")]
    Watch {
        /// The directory.
        path: String,
        /// The error.
        #[source]
        source: notify::Error,
    },
}

/// Serves until interrupted (Ctrl-C). `ready` is called with the bound address.
pub fn serve(
    config: ServeConfig,
    ready: impl FnOnce(SocketAddr) + Send + 'static,
) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| ServeError::Bind {
            addr: config.addr,
            source,
        })?;
    // The watcher reports absolute paths: a relative directory (`rungs serve
    // careers`) must be made absolute too, or no change would match it.
    let root = config.root.map(|r| std::path::absolute(&r).unwrap_or(r));
    // Loading and building are blocking and rayon-parallel: the first build
    // runs here, on this thread, before the runtime serves anything, and
    // rebuilds run on the watcher's thread (see the crate documentation).
    let preview = Preview::start(root.as_deref(), config.report)?;
    let _watcher = match &root {
        Some(root) => Some(watch::watch(root, preview.clone())?),
        None => None,
    };
    runtime.block_on(server::run(config.addr, config.limits, preview, ready))
}
