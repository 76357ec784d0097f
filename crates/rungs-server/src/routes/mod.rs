//! The route table: the published site at `/`, the people app at `/app`,
//! the API at `/api/v1`. [`route_table`] lists every route, so the
//! permission tests can check that none is left out.

/// A template context from `key => value` pairs (or `key` for a variable of
/// that name); values are anything serde can serialise.
macro_rules! ctx {
    ($($key:ident $(=> $value:expr)?),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut map = serde_json::Map::new();
        $( map.insert(stringify!($key).to_string(), serde_json::to_value(ctx!(@v $key $(, $value)?)).unwrap_or_default()); )*
        minijinja::Value::from(minijinja::value::Serde(&map))
    }};
    (@v $key:ident) => { &$key };
    (@v $key:ident, $value:expr) => { &$value };
}

mod api;
mod assess;
mod pages;

use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post, put};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::ServerError;
use crate::state::App;

pub use api::openapi_json;

/// The most a roster upload may be.
pub(crate) const UPLOAD_LIMIT: usize = 20 * 1024 * 1024;

/// Forms anyone may post (signing in): 64 KiB at most, as for signed-in
/// forms, rather than the upload limit.
fn small_forms() -> DefaultBodyLimit {
    DefaultBodyLimit::max(64 * 1024)
}

/// Every route: method(s), path, handler. The site's pages are the fallback.
fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        ("/app", get(pages::home)),
        ("/app/assets/app.css", get(pages::app_css)),
        (
            "/app/login",
            get(pages::login_page)
                .post(pages::login)
                .layer(small_forms()),
        ),
        ("/app/logout", post(pages::logout)),
        ("/app/oidc/start", get(pages::oidc_start)),
        ("/app/oidc/callback", get(pages::oidc_callback)),
        (
            "/app/setup",
            get(pages::setup_page)
                .post(pages::setup)
                .layer(small_forms()),
        ),
        (
            "/app/reset",
            get(pages::reset_page)
                .post(pages::reset)
                .layer(small_forms()),
        ),
        ("/app/people", get(pages::people).post(pages::create_person)),
        ("/app/people/new", get(pages::new_person)),
        (
            "/app/people/{id}",
            get(pages::person).post(pages::update_person),
        ),
        ("/app/people/{id}/placements", post(pages::place)),
        ("/app/people/{id}/reset-link", post(pages::reset_link)),
        ("/app/people/{id}/anonymise", post(pages::anonymise)),
        (
            "/app/people/{id}/unlink-identity",
            post(pages::unlink_identity),
        ),
        ("/app/roster", get(pages::roster_page).post(pages::roster)),
        ("/app/rollout", get(pages::rollout)),
        ("/app/rollouts", post(pages::open_rollout)),
        ("/app/rollouts/{id}/close", post(pages::close_rollout)),
        (
            "/app/rollouts/{id}/people/{person}/propose",
            post(pages::propose),
        ),
        (
            "/app/rollouts/{id}/people/{person}/confirm",
            post(pages::confirm),
        ),
        (
            "/app/rollouts/{id}/people/{person}/acknowledge",
            post(pages::acknowledge),
        ),
        (
            "/app/assessments/{id}",
            get(assess::assessment).post(assess::rate),
        ),
        ("/app/assessments/{id}/share", post(assess::share)),
        (
            "/app/assessments/{id}/acknowledge",
            post(assess::acknowledge),
        ),
        ("/app/assessments/{id}/revise", post(assess::revise)),
        ("/app/assessments/{id}/print", get(assess::print)),
        ("/app/assessments/{id}/sheet.csv", get(assess::sheet)),
        ("/app/assessments/{id}/sheet", post(assess::import_sheet)),
        ("/app/people/{id}/growth", get(assess::growth_page)),
        ("/app/people/{id}/assessments", post(assess::open)),
        ("/app/people/{id}/goals", post(assess::add_goal)),
        ("/app/people/{id}/notes", post(assess::add_note)),
        ("/app/goals/{id}/status", post(assess::goal_status)),
        ("/app/team", get(assess::team_page)),
        ("/app/team.csv", get(assess::team_csv)),
        ("/app/insights", get(assess::insights)),
        ("/app/cycles", get(assess::cycles).post(assess::open_cycle)),
        ("/app/cycles/{id}/close", post(assess::close_cycle)),
        ("/app/audit", get(pages::audit)),
        ("/app/framework", get(pages::framework)),
        ("/app/framework/reload", post(pages::reload)),
        ("/app/tokens", get(pages::tokens).post(pages::create_token)),
        ("/app/tokens/{id}/revoke", post(pages::revoke_token)),
        ("/api/v1/openapi.json", get(api::openapi)),
        ("/api/v1/me", get(api::me)),
        ("/api/v1/levels", get(api::levels)),
        ("/api/v1/people", get(api::people).post(api::create_person)),
        (
            "/api/v1/people/{id}",
            get(api::person).put(api::update_person),
        ),
        (
            "/api/v1/people/{id}/placements",
            get(api::placements).post(api::place),
        ),
        ("/api/v1/people/{id}/export", get(api::export)),
        ("/api/v1/roster", post(api::roster)),
        (
            "/api/v1/rollouts",
            get(api::rollouts).post(api::open_rollout),
        ),
        ("/api/v1/rollouts/{id}", get(api::rollout)),
        (
            "/api/v1/rollouts/{id}/people/{person}/propose",
            post(api::propose),
        ),
        (
            "/api/v1/rollouts/{id}/people/{person}/confirm",
            post(api::confirm),
        ),
        (
            "/api/v1/rollouts/{id}/people/{person}/acknowledge",
            post(api::acknowledge),
        ),
        (
            "/api/v1/people/{id}/assessments",
            get(assess::api_list).post(assess::api_open),
        ),
        ("/api/v1/people/{id}/growth", get(assess::api_growth)),
        ("/api/v1/assessments/{id}", get(assess::api_view)),
        ("/api/v1/assessments/{id}/ratings", put(assess::api_rate)),
        ("/api/v1/assessments/{id}/step", post(assess::api_step)),
        ("/api/v1/assessments/{id}/sheet", post(assess::api_sheet)),
        ("/api/v1/team", get(assess::api_team)),
        ("/api/v1/insights", get(assess::api_insights)),
        ("/api/v1/audit", get(api::audit)),
        ("/api/v1/audit/verify", get(api::verify)),
        ("/api/v1/framework/reload", post(api::reload)),
    ]
}

/// The paths of every route the app serves (besides the site's pages).
pub fn route_table() -> Vec<&'static str> {
    routes().into_iter().map(|(path, _)| path).collect()
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
            .fallback(site)
            .layer(middleware::from_fn_with_state(self.clone(), crate::auth::authenticate))
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
            // Outermost: one log line per request, with the final status.
            .layer(middleware::from_fn(rungs_http::log_requests))
            .with_state(self.clone())
    }
}

/// The published site's pages (what `rungs build` writes).
async fn site(State(app): State<App>, uri: Uri) -> Response {
    let ladder = app.ladder();
    let path = uri.path().trim_start_matches('/');
    let candidates = if path.is_empty() || path.ends_with('/') {
        vec![format!("{path}index.html")]
    } else {
        vec![
            path.to_string(),
            format!("{path}/index.html"),
            format!("{path}.html"),
        ]
    };
    for candidate in candidates {
        if let Some(bytes) = ladder.site.files.get(&candidate) {
            let mime = mime_of(&candidate);
            return (
                [
                    (header::CONTENT_TYPE, mime),
                    (header::CONTENT_SECURITY_POLICY, ladder.site_csp.as_str()),
                ],
                bytes.to_vec(),
            )
                .into_response();
        }
    }
    match ladder.site.files.get("404.html") {
        Some(b) => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            b.to_vec(),
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

fn mime_of(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// An error as a response: JSON for the API, a short page otherwise.
pub(crate) fn error_response(e: &ServerError, json: bool) -> Response {
    e.log();
    let status = e.status();
    if json {
        return (
            status,
            axum::Json(serde_json::json!({"error": e.to_string()})),
        )
            .into_response();
    }
    let body = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><link rel=\"stylesheet\" href=\"/assets/rungs.css\"><link rel=\"stylesheet\" href=\"/app/assets/app.css\"></head><body class=\"app\"><main class=\"app-main\"><h1>{}</h1><p role=\"alert\">{}</p><p><a href=\"/app\">Back to the app</a></p></main></body></html>",
        status.canonical_reason().unwrap_or("Error"),
        status.canonical_reason().unwrap_or("Error"),
        html_escape(&e.to_string())
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Errors from API handlers are JSON.
pub(crate) struct ApiError(pub ServerError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error_response(&self.0, true)
    }
}

impl<E: Into<ServerError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

/// Errors from page handlers: a short page, or the sign-in page when the
/// viewer is not signed in.
impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        match self {
            ServerError::Unauthenticated => {
                axum::response::Redirect::to("/app/login").into_response()
            }
            e => error_response(&e, false),
        }
    }
}
