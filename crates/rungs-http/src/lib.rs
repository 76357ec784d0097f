//! rungs-http: what `rungs serve` and `rungs server` share over HTTP.
//!
//! - [`serve`] serves a router within [`Limits`]: a request head must
//!   arrive within a timeout, a body within another, and at most so many
//!   connections are open at once.
//! - [`AllowedHosts`] and [`check_host`] answer `421 Misdirected Request`
//!   to a `Host` header that names another server (DNS rebinding).
//! - [`log_requests`] logs each request.
//!
//! [`log_requests`] is a middleware that writes one log line per request,
//! through `tracing` (target [`TARGET`], level `info`, `error` for a 5xx):
//!
//! ```text
//! 2025-06-02T09:14:03.120514Z  INFO request: method=GET route=/app/people/{id} status=200 duration_ms=3.1 request_id=5f0c2a9e41d7b368
//! ```
//!
//! - `route` is the route template, never the path asked for: ids stay out
//!   of the log, and lines group by route. A request no route matched (a
//!   page of the published site, or nothing) reads [`FALLBACK_ROUTE`].
//! - `duration_ms` runs until the response starts (a long download, or a
//!   stream of events, is not counted).
//! - `request_id` is generated for each request and sent back in the
//!   `x-request-id` response header, so a person reporting a problem can
//!   quote it. Whatever is logged while the request is handled is inside a
//!   span `request{id=…}` carrying it too.
//!
//! Nothing from the request but its method is logged: no path, query,
//! header or body (the method is a token the HTTP parser has checked).

#![warn(missing_docs)]

mod hosts;
mod listen;

pub use hosts::{AllowedHosts, check_host};
pub use listen::{Limits, peer, serve};

use std::fmt;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request};
use axum::http::HeaderValue;
use axum::http::header::HeaderName;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

/// The `tracing` target of the request lines (`RUST_LOG=request=warn`
/// leaves only the failed ones).
pub const TARGET: &str = "request";

/// The response header that carries the request id.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The `route` of a request no route matched.
pub const FALLBACK_ROUTE: &str = "(site)";

/// Logs the request when its response starts, and sends its id back in
/// `x-request-id`. Add it with `Router::layer(axum::middleware::from_fn(log_requests))`,
/// so that the matched route is known.
pub async fn log_requests(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = RequestId::new();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned());
    // At `error`, so the id is on every error logged while handling it.
    let span = tracing::error_span!(target: TARGET, "request", id = %id);
    let mut response = next.run(request).instrument(span).await;
    let status = response.status().as_u16();
    let route = route.as_deref().unwrap_or(FALLBACK_ROUTE);
    let duration_ms = Millis(started.elapsed());
    if response.status().is_server_error() {
        tracing::error!(target: TARGET, %method, %route, status, %duration_ms, request_id = %id);
    } else {
        tracing::info!(target: TARGET, %method, %route, status, %duration_ms, request_id = %id);
    }
    if let Ok(value) = HeaderValue::from_str(&id.to_string()) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// A request's id: 16 hex digits, random (unique enough to find one
/// request in a log; not a secret).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RequestId(u64);

impl RequestId {
    fn new() -> RequestId {
        RequestId(fastrand::u64(..))
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// A duration in milliseconds, to a tenth.
struct Millis(Duration);

impl fmt::Display for Millis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1}", self.0.as_secs_f64() * 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    use axum::Router;
    use axum::body::Body;
    use axum::http::StatusCode;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    /// Log lines, collected.
    #[derive(Clone, Default)]
    struct Lines(Arc<Mutex<Vec<u8>>>);

    impl Write for Lines {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if let Ok(mut lines) = self.0.lock() {
                lines.extend_from_slice(buf);
            }
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Lines {
        fn text(&self) -> String {
            self.0
                .lock()
                .map(|l| String::from_utf8_lossy(&l).into_owned())
                .unwrap_or_default()
        }
    }

    async fn fail() -> StatusCode {
        tracing::error!(reason = "database gone", "internal error");
        StatusCode::INTERNAL_SERVER_ERROR
    }

    fn app() -> Router {
        Router::new()
            .route("/people/{id}", get(|| async { "someone" }))
            .route("/fail", get(fail))
            .fallback(|| async { (StatusCode::NOT_FOUND, "nothing") })
            .layer(axum::middleware::from_fn(log_requests))
    }

    async fn get_path(path: &str, lines: &Lines) -> Response {
        let writer = lines.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .without_time()
            .finish();
        let _default = tracing::subscriber::set_default(subscriber);
        let request = Request::builder()
            .uri(path)
            .body(Body::empty())
            .unwrap_or_else(|e| panic!("{e}"));
        app().oneshot(request).await.unwrap_or_else(|e| match e {})
    }

    fn request_id(response: &Response) -> String {
        let id = response
            .headers()
            .get(REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("no x-request-id in {:?}", response.headers()))
            .to_string();
        assert!(
            id.len() == 16 && id.chars().all(|c| c.is_ascii_hexdigit()),
            "{id}"
        );
        id
    }

    #[tokio::test]
    async fn one_line_per_request_with_the_route_template_and_the_id() {
        let lines = Lines::default();
        let response = get_path("/people/42?secret=x", &lines).await;
        assert_eq!(response.status(), StatusCode::OK);
        let id = request_id(&response);
        let log = lines.text();
        assert_eq!(log.lines().count(), 1, "{log}");
        assert!(
            log.contains(" INFO request: method=GET route=/people/{id} status=200 duration_ms=")
                && log.trim_end().ends_with(&format!("request_id={id}")),
            "{log}"
        );
        // Neither the person's id nor the query is logged. (The request id
        // is random hex, which may itself hold "42": it is left out.)
        let rest = log.replace(&id, "");
        assert!(!rest.contains("42") && !rest.contains("secret"), "{log}");
    }

    #[tokio::test]
    async fn an_unmatched_path_is_the_fallback_and_ids_differ() {
        let lines = Lines::default();
        let first = get_path("/no/such/page", &lines).await;
        let second = get_path("/no/such/page", &lines).await;
        assert_ne!(request_id(&first), request_id(&second));
        let log = lines.text();
        assert_eq!(log.matches("route=(site) status=404").count(), 2, "{log}");
        assert!(!log.contains("/no/such"), "{log}");
    }

    #[tokio::test]
    async fn a_server_error_is_logged_at_error_with_the_id_on_what_the_handler_logged() {
        let lines = Lines::default();
        let response = get_path("/fail", &lines).await;
        let id = request_id(&response);
        let log = lines.text();
        let logged: Vec<&str> = log.lines().collect();
        assert_eq!(logged.len(), 2, "{log}");
        assert!(
            logged[0].contains(&format!("ERROR request{{id={id}}}: "))
                && logged[0].contains("internal error reason=\"database gone\""),
            "{log}"
        );
        assert!(
            logged[1].contains("ERROR request: method=GET route=/fail status=500"),
            "{log}"
        );
    }
}
