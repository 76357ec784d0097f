//! The HTTP side: pages from memory, with the live-reload script and the
//! error overlay injected; server-sent events announcing rebuilds.

use std::convert::Infallible;
use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::{Preview, ServeError};

/// Where pages listen for rebuilds.
pub const EVENTS: &str = "/__rungs/events";

pub async fn run(
    addr: SocketAddr,
    preview: Preview,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let app = Router::new()
        .route(EVENTS, get(events))
        .fallback(get(page))
        .with_state(preview);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    let bound = listener
        .local_addr()
        .map_err(|source| ServeError::Bind { addr, source })?;
    ready(bound);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|source| ServeError::Bind {
            addr: bound,
            source,
        })
}

async fn events(
    State(preview): State<Preview>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(preview.subscribe())
        .filter_map(|version| version.ok())
        .map(|version| Ok(Event::default().data(version.to_string())));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn page(State(preview): State<Preview>, uri: Uri) -> Response {
    let built = preview.current();
    let mut path = uri.path().trim_start_matches('/').to_string();
    if path.is_empty() || path.ends_with('/') {
        path.push_str("index.html");
    }
    let (status, path) = match built.site.get(&path) {
        Some(_) => (StatusCode::OK, path),
        None if built.site.get(&format!("{path}/index.html")).is_some() => {
            (StatusCode::OK, format!("{path}/index.html"))
        }
        None => (StatusCode::NOT_FOUND, "404.html".to_string()),
    };
    let bytes = built.site.get(&path).map(<[u8]>::to_vec);
    let content_type = content_type(&path);
    let body = match bytes {
        Some(bytes) if content_type.starts_with("text/html") => inject(bytes, built.version, built.overlay.as_deref()),
        Some(bytes) => bytes,
        // Nothing was built (no rungs.toml, a broken theme): show the overlay alone.
        None => inject(b"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>rungs</title></head><body></body></html>".to_vec(), built.version, built.overlay.as_deref()),
    };
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CACHE_CONTROL, "no-store")
        .body(Body::from(body))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// Adds the reload script (and the overlay) before `</body>`.
fn inject(mut html: Vec<u8>, version: u64, overlay: Option<&str>) -> Vec<u8> {
    let script = format!(
        "<script>(function(){{var v={version};var es=new EventSource(\"{EVENTS}\");\
         es.onmessage=function(e){{if(Number(e.data)>v){{es.close();location.reload();}}}};}})();</script>"
    );
    let addition = format!("{}{script}", overlay.unwrap_or(""));
    let at = find_last(&html, b"</body>").unwrap_or(html.len());
    html.splice(at..at, addition.into_bytes());
    html
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reload_script_and_overlay_go_before_the_body_end() {
        let html = inject(
            b"<html><body><p>x</p></body></html>".to_vec(),
            7,
            Some("<div id=\"o\"></div>"),
        );
        let text = String::from_utf8_lossy(&html);
        assert!(
            text.contains("<p>x</p><div id=\"o\"></div><script>"),
            "{text}"
        );
        assert!(
            text.contains("var v=7;") && text.ends_with("</script></body></html>"),
            "{text}"
        );
        assert_eq!(content_type("a/b.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("x.unknown"), "application/octet-stream");
    }
}
