//! Serving: the app on a listener until told to stop, then a clean end
//! (requests in flight finish, the store's connections close).

use std::future::Future;

use tokio::net::TcpListener;

use crate::config::Config;
use crate::error::ServerError;
use crate::state::App;

/// Starts the server (see [`App::start`]) and serves it on `listener`
/// until `shutdown` completes; then it stops accepting connections, lets
/// the requests in flight finish and closes the store.
///
/// The address people use defaults to the one `listener` is bound to.
/// When no administrator exists yet, the one-time setup link is logged
/// (`tracing`, at `warn`): it is the one way in on a new server.
pub async fn serve(
    mut config: Config,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    if let Ok(bound) = listener.local_addr() {
        config.listen = bound;
    }
    let (app, setup) = App::start(config).await?;
    tracing::info!(
        address = %app.config.base(),
        database = app.store.backend_name(),
        "rungs server started"
    );
    if let Some(link) = setup {
        tracing::warn!(%link, "no administrator yet: open the link within 24 hours to create one");
    }
    app.serve(listener, shutdown).await
}

/// How often the database's planner statistics are refreshed.
const STATISTICS_EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

impl App {
    /// Refreshes the planner's statistics every hour. A table that grew
    /// tenfold since it was last measured (sessions, from one at setup to
    /// one per person signed in) would otherwise keep a plan made for its
    /// old size: a scan of every session on every request.
    fn spawn_statistics_task(&self) -> tokio::task::JoinHandle<()> {
        let store = self.store.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(STATISTICS_EVERY);
            // The first tick is at once: startup already measured nothing
            // new, so skip it.
            every.tick().await;
            loop {
                every.tick().await;
                if let Err(e) = store.analyze().await {
                    tracing::warn!(error = %e, "planner statistics not refreshed");
                }
            }
        })
    }

    /// Serves the app on `listener` until `shutdown` completes; then stops
    /// accepting connections, lets the requests in flight finish and closes
    /// the store. Clients are held to the configured [`crate::Limits`]:
    /// time to send a request head and a body, connections at once.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        let router = self.router();
        // Mail goes out (and people hear of what waits) while serving.
        let mail = self.spawn_mail_task();
        let statistics = self.spawn_statistics_task();
        let draining = self.draining.clone();
        let shutdown = async move {
            shutdown.await;
            // `/readyz` answers 503 from now on, so a load balancer stops
            // sending new requests while those in flight finish.
            draining.store(true, std::sync::atomic::Ordering::Relaxed);
            tracing::info!("shutting down: finishing the requests in flight");
        };
        rungs_http::serve(listener, router, self.config.limits, shutdown).await;
        if let Some(task) = mail {
            task.abort();
        }
        statistics.abort();
        self.store.close().await;
        Ok(())
    }
}
