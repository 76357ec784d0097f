//! What operators and load balancers ask, without signing in:
//! `/healthz` (the process answers), `/readyz` (the database answers and a
//! ladder is loaded; not while shutting down, so a load balancer stops
//! sending requests before the process ends), and `/metrics` (Prometheus
//! text, only with the metrics token as a bearer token, and only when one
//! is configured). These routes sit outside sign-in: a probe has no
//! session, and the metrics token is not an API token.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};

use crate::state::App;

/// The operational routes.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        ("/healthz", get(healthz)),
        ("/readyz", get(readyz)),
        ("/metrics", get(metrics)),
    ]
}

/// They, as a router (added beside the signed-in routes, not under them).
pub(crate) fn router() -> Router<App> {
    let mut router = Router::new();
    for (path, route) in routes() {
        router = router.route(path, route);
    }
    router
}

/// The process is up and answering.
async fn healthz() -> &'static str {
    "ok\n"
}

/// Ready for requests: the database answers, the ladder is loaded, and the
/// server is not shutting down.
async fn readyz(State(app): State<App>) -> Response {
    if app.draining() {
        return (StatusCode::SERVICE_UNAVAILABLE, "shutting down\n").into_response();
    }
    if let Err(e) = app.store.ping().await {
        tracing::warn!(error = %e, "not ready: the database does not answer");
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "the database does not answer\n",
        )
            .into_response();
    }
    let ladder = app.ladder();
    if ladder.snapshot == 0 {
        return (StatusCode::SERVICE_UNAVAILABLE, "no ladder loaded\n").into_response();
    }
    (StatusCode::OK, format!("ready: {}\n", ladder.revision)).into_response()
}

/// Prometheus text, for the bearer of the metrics token. Without a token
/// configured, there is nothing here (404); with a wrong or missing one,
/// 401.
async fn metrics(State(app): State<App>, headers: HeaderMap) -> Response {
    let Some(expected) = &app.config.metrics_token else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    // Compared as hashes, so the time taken says nothing of the token.
    let allowed = given
        .is_some_and(|g| rungs_store::hash_secret(g.trim()) == rungs_store::hash_secret(expected));
    if !allowed {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "the metrics token is needed\n",
        )
            .into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        app.metrics.render(app.store.pool_status()),
    )
        .into_response()
}
