//! How many requests the app handles at once; the rest wait their turn in
//! the order they arrived.
//!
//! Without a limit, every connection's request runs at once: on a busy
//! server each one takes turns on the cores and the database with all the
//! others, so a few are unlucky many times over and wait far longer than
//! the rest. Waiting in line instead (tokio's semaphore is first come,
//! first served) gives everyone about the same wait: at 50 clients on
//! 2 cores the slowest 1% of rollout pages came back in 60–64 ms instead of
//! 80–110 ms, at the same request rate (`scripts/bench-server`, see
//! docs/benchmarks.md).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use tokio::sync::Semaphore;

/// Requests handled at once when the configuration does not say: two per
/// core, which kept the cores and the database busy without making
/// requests take turns with each other.
pub fn default_limit() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()) * 2
}

/// The turns: as many as requests may be handled at once.
#[derive(Clone)]
pub(crate) struct Turns(Arc<Semaphore>);

impl Turns {
    /// `limit` requests at once (at least one).
    pub(crate) fn new(limit: usize) -> Turns {
        Turns(Arc::new(Semaphore::new(
            limit.clamp(1, Semaphore::MAX_PERMITS),
        )))
    }
}

/// Middleware: waits for a turn, then handles the request. The turn is
/// given back when the response is made (its body is sent after).
pub(crate) async fn take_turn(
    State(turns): State<Turns>,
    request: Request,
    next: Next,
) -> Response {
    // The semaphore is never closed, so acquiring only fails if it were;
    // then the request is handled without waiting rather than refused.
    let _turn = turns.0.acquire().await.ok();
    next.run(request).await
}
