//! Serving a router on a listener with limits: how long a client may take
//! to send a request head and a body, and how many connections are open at
//! once. Both servers serve through [`serve`], so neither can be held open
//! by clients that send half a request and wait.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{ConnectInfo, Request};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tower::ServiceExt;
use tower_http::timeout::RequestBodyDeadlineLayer;

/// How long clients may take, and how many may be connected at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// A connection that has not sent a whole request head this long after
    /// it opened (or after its previous response, when kept alive) is
    /// closed.
    pub header_timeout: Duration,
    /// A request body that has not arrived whole this long after its head
    /// is cut off: the handler sees a failed read and answers with an error.
    pub body_timeout: Duration,
    /// Connections served at once. One more is answered `503 Service
    /// Unavailable` and closed at once, so that it neither waits unseen in
    /// the kernel's queue nor takes a file descriptor for long.
    pub max_connections: usize,
    /// After the shutdown signal, how long requests in flight may take to
    /// finish before their connections are dropped.
    pub drain: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(60),
            max_connections: 512,
            drain: Duration::from_secs(30),
        }
    }
}

/// What a connection over the limit is told before it is closed.
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\nretry-after: 5\r\ncontent-length: 45\r\n\r\ntoo many connections at once: try again soon\n";

/// Serves `router` on `listener` within `limits` until `shutdown`
/// completes; then stops accepting, lets the requests in flight finish
/// (within `limits.drain`) and returns.
///
/// Each request carries the client's address as
/// `axum::extract::ConnectInfo<SocketAddr>`.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send,
) {
    let router = router.layer(RequestBodyDeadlineLayer::new(limits.body_timeout));
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut busy_logged: Option<Instant> = None;
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let (stream, peer) = match accepted {
            Ok(accepted) => accepted,
            // Out of file descriptors, or a connection reset before it was
            // accepted: keep serving the others, and do not spin on EMFILE.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(permit) = slots.clone().try_acquire_owned() else {
            // Logged at most once a minute: a flood must not flood the log.
            if busy_logged.is_none_or(|at| at.elapsed() > Duration::from_secs(60)) {
                busy_logged = Some(Instant::now());
                tracing::warn!(
                    max_connections = limits.max_connections,
                    "connection limit reached: refusing new connections until some close"
                );
            }
            tokio::spawn(refuse(stream));
            continue;
        };
        // Answers are written whole; do not let them wait for an ACK.
        let _ = stream.set_nodelay(true);
        let service =
            router
                .clone()
                .map_request(move |mut request: Request<hyper::body::Incoming>| {
                    request.extensions_mut().insert(ConnectInfo(peer));
                    request
                });
        let service = TowerToHyperService::new(service);
        let mut builder = http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout);
        let connection = builder.serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // An error here is one client's broken connection; nothing to report.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    // Connections between requests close now; those in a request close
    // after its response.
    let _ = tokio::time::timeout(limits.drain, graceful.shutdown()).await;
}

/// Tells a connection over the limit so, briefly, and closes it.
async fn refuse(mut stream: TcpStream) {
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        let _ = stream.write_all(BUSY).await;
        let _ = stream.shutdown().await;
    })
    .await;
}

/// The address of the client, as [`serve`] records it.
pub fn peer(request: &Request) -> Option<SocketAddr> {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0)
}
