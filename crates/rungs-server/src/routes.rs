//! The route table: the published site at `/`, the people app at `/app`,
//! the API at `/api/v1`. Each domain module lists its own routes;
//! [`route_table`] lists every one, so the permission tests can check that
//! none is left out.

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{MethodRouter, get};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::state::App;

/// The most a roster upload may be.
pub(crate) const UPLOAD_LIMIT: usize = 20 * 1024 * 1024;

/// Forms anyone may post (signing in): 64 KiB at most, as for signed-in
/// forms, rather than the upload limit.
pub(crate) fn small_forms() -> DefaultBodyLimit {
    DefaultBodyLimit::max(64 * 1024)
}

/// Every route: method(s), path, handler. The site's pages are the fallback.
fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    let mut all = vec![
        ("/app/assets/app.css", get(crate::web::app_css)),
        ("/api/v1/openapi.json", get(crate::openapi::openapi)),
    ];
    all.extend(crate::account::routes());
    all.extend(crate::people::routes());
    all.extend(crate::rollout::routes());
    all.extend(crate::assessments::routes());
    all.extend(crate::growth::routes());
    all.extend(crate::promotions::routes());
    all.extend(crate::team::routes());
    all.extend(crate::admin::routes());
    all.extend(crate::impact::routes());
    all.extend(crate::scim::routes());
    all.extend(crate::invite::routes());
    all.extend(crate::todo::routes());
    all
}

/// The paths of every route the app serves (besides the site's pages),
/// the operational ones (`/healthz`, `/readyz`, `/metrics`) included.
pub fn route_table() -> Vec<&'static str> {
    routes()
        .into_iter()
        .chain(crate::ops::routes())
        .map(|(path, _)| path)
        .collect()
}

impl App {
    /// The whole application: site, app, API, with security headers and
    /// limits.
    pub fn router(&self) -> Router {
        let mut router = Router::new();
        for (path, route) in routes() {
            router = router.route(path, route);
        }
        router
            .fallback(crate::web::site)
            .layer(middleware::from_fn_with_state(self.clone(), crate::auth::authenticate))
            // Outside sign-in, whose session lookup is a database read too.
            .layer(middleware::from_fn_with_state(
                self.turns.clone(),
                crate::in_flight::take_turn,
            ))
            // Before anything reads a session: a page elsewhere that points
            // a name of its own at this server is answered 421.
            .layer(middleware::from_fn_with_state(
                self.config.allowed_hosts(),
                rungs_http::check_host,
            ))
            // Beside sign-in and the host check, not under them: probes
            // have no session, and orchestrators probe by the address of
            // the machine or container, not by the site's name.
            .merge(crate::ops::router())
            .layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
            .layer(tower_http::timeout::TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                Duration::from_secs(60),
            ))
            // The site's pages set their own (see `site`).
            .layer(SetResponseHeaderLayer::if_not_present(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
                ),
            ))
            .layer(SetResponseHeaderLayer::overriding(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
            .layer(SetResponseHeaderLayer::overriding(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ))
            .layer(SetResponseHeaderLayer::overriding(
                header::REFERRER_POLICY,
                HeaderValue::from_static("same-origin"),
            ))
            .layer(middleware::from_fn(no_store))
            .layer(middleware::from_fn_with_state(self.clone(), crate::metrics::count_requests))
            // Outermost: one log line per request, with the final status.
            .layer(middleware::from_fn(rungs_http::log_requests))
            .with_state(self.clone())
    }
}

/// Whether a path is the app's or the API's (not the published site's).
fn private_path(path: &str) -> bool {
    ["/app", "/api"].iter().any(|prefix| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// `Cache-Control: no-store` on every answer of the app and the API, so
/// that after signing out, Back (or the next person at a shared computer)
/// shows nothing from the browser's cache: not a note, not a token shown
/// once. The published site's pages stay cacheable.
async fn no_store(request: Request, next: Next) -> Response {
    let private = private_path(request.uri().path());
    let mut response = next.run(request).await;
    if private {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_app_and_the_api_are_private_and_the_site_is_not() {
        for path in ["/app", "/app/people/3", "/api/v1/me", "/api"] {
            assert!(super::private_path(path), "{path}");
        }
        for path in [
            "/",
            "/index.html",
            "/apply.html",
            "/application/x",
            "/tracks/app",
        ] {
            assert!(!super::private_path(path), "{path}");
        }
    }
}
