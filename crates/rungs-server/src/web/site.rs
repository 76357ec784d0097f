//! The published site's pages (what `rungs build` writes), served at `/`,
//! and the app's own stylesheet.

use axum::extract::State;
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::state::App;

pub(crate) async fn app_css(State(app): State<App>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        app.ladder().app_css.clone(),
    )
        .into_response()
}

/// The published site's pages (what `rungs build` writes).
pub(crate) async fn site(State(app): State<App>, uri: Uri) -> Response {
    let ladder = app.ladder();
    // Pages named in any script are asked for percent-encoded.
    let requested = uri.path().trim_start_matches('/');
    let decoded = rungs_core::text::percent_decode(requested);
    let path = decoded.as_deref().unwrap_or(requested);
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
        // The site's own page, under the site's policy (the app's would
        // block its stylesheet and scripts).
        Some(b) => (
            StatusCode::NOT_FOUND,
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CONTENT_SECURITY_POLICY, ladder.site_csp.as_str()),
            ],
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
