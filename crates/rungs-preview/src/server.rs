//! The HTTP side: pages from memory, with the live-reload script and the
//! error overlay injected; server-sent events announcing rebuilds.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{StatusCode, Uri, header};
use axum::middleware;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use rungs_http::AllowedHosts;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::{Preview, ServeError};

/// Where pages listen for rebuilds.
pub const EVENTS: &str = "/__rungs/events";

/// Serves until Ctrl-C, through [`rungs_http::serve`]: at most
/// `limits.max_connections` are open at once (one more is answered 503),
/// and one that does not send a complete request head within
/// `limits.header_timeout` (idle, half a request, or idle between requests
/// on a kept-alive connection) is closed, so idle clients cannot starve the
/// preview. Event streams, which stay open, are limited apart (see
/// [`Streams`]), so open pages cannot take every connection.
pub async fn run(
    addr: SocketAddr,
    limits: Limits,
    preview: Preview,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    let bound = listener
        .local_addr()
        .map_err(|source| ServeError::Bind { addr, source })?;
    let streams = Arc::new(Streams::new(limits.max_connections / 2, PER_CLIENT_STREAMS));
    let app = Router::new()
        .route(EVENTS, get(events))
        .fallback(get(page))
        .layer(Extension(streams))
        .layer(middleware::from_fn_with_state(
            AllowedHosts::loopback().with_bound(bound.ip()),
            rungs_http::check_host,
        ))
        // Outermost: one log line per request, refused ones too.
        .layer(middleware::from_fn(rungs_http::log_requests))
        .with_state(preview);
    ready(bound);
    let shared = rungs_http::Limits {
        header_timeout: limits.header_timeout,
        // Nothing is posted to the preview: a body is never waited for long.
        body_timeout: limits.header_timeout,
        max_connections: limits.max_connections.max(1),
        // Ctrl-C ends the preview at once: event streams never finish.
        drain: Duration::ZERO,
    };
    rungs_http::serve(listener, app, shared, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    Ok(())
}

/// How many connections the preview keeps open, and how long it waits for
/// a request.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// A connection that has not sent a whole request head after this long
    /// is closed.
    pub header_timeout: Duration,
    /// Connections served at once (each open page holds one for its
    /// live-reload events).
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_secs(10),
            max_connections: 256,
        }
    }
}

/// Event streams one client (address) may hold open: many tabs of the
/// preview, not hundreds.
const PER_CLIENT_STREAMS: usize = 16;

/// The live-reload event streams open, in all and per client. A stream
/// holds its connection for as long as the page is open, so without a
/// limit of their own, open streams could take every connection and no
/// page would load.
pub(crate) struct Streams {
    total: usize,
    per_client: usize,
    open: Mutex<HashMap<IpAddr, usize>>,
}

impl Streams {
    fn new(total: usize, per_client: usize) -> Streams {
        Streams {
            total: total.max(1),
            per_client: per_client.max(1),
            open: Mutex::new(HashMap::new()),
        }
    }

    /// A place for one more stream from `client`, if there is room.
    fn open(self: &Arc<Self>, client: IpAddr) -> Option<StreamSlot> {
        let mut open = self.open.lock().ok()?;
        let all: usize = open.values().sum();
        let mine = open.get(&client).copied().unwrap_or(0);
        if all >= self.total || mine >= self.per_client {
            return None;
        }
        open.insert(client, mine + 1);
        Some(StreamSlot {
            streams: self.clone(),
            client,
        })
    }
}

/// One open stream; its place is given back when the stream ends.
struct StreamSlot {
    streams: Arc<Streams>,
    client: IpAddr,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.streams.open.lock()
            && let Some(n) = open.get_mut(&self.client)
        {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.client);
            }
        }
    }
}

async fn events(
    State(preview): State<Preview>,
    Extension(streams): Extension<Arc<Streams>>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
) -> Response {
    let client = peer.map_or(IpAddr::from([0, 0, 0, 0]), |p| p.0.0.ip());
    let Some(slot) = streams.open(client) else {
        return (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "too many pages of the preview are open: close some, then reload\n",
        )
            .into_response();
    };
    let stream = BroadcastStream::new(preview.subscribe())
        .filter_map(|version| version.ok())
        .map(move |version| {
            // Held by the stream: dropped, and the place freed, when it ends.
            let _held = &slot;
            Ok::<_, Infallible>(Event::default().data(version.to_string()))
        });
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

async fn page(State(preview): State<Preview>, uri: Uri) -> Response {
    let built = preview.current();
    // Pages named in any script are asked for percent-encoded.
    let requested = uri.path().trim_start_matches('/');
    let mut path = rungs_core::text::percent_decode(requested)
        .map_or_else(|| requested.to_string(), |p| p.into_owned());
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

    #[test]
    fn event_streams_are_limited_per_client_and_in_all() {
        let streams = Arc::new(Streams::new(3, 2));
        let a = IpAddr::from([127, 0, 0, 1]);
        let b = IpAddr::from([127, 0, 0, 2]);
        let first = streams.open(a);
        let second = streams.open(a);
        assert!(first.is_some() && second.is_some());
        assert!(streams.open(a).is_none(), "a third stream from one client");
        let other = streams.open(b);
        assert!(other.is_some());
        assert!(streams.open(b).is_none(), "a fourth stream in all");
        drop(first);
        assert!(
            streams.open(a).is_some(),
            "a closed stream gives its place back"
        );
    }
}
