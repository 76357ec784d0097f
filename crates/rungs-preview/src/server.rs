//! The HTTP side: pages from memory, with the live-reload script and the
//! error overlay injected; server-sent events announcing rebuilds.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::sync::Semaphore;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::{Preview, ServeError};

/// Where pages listen for rebuilds.
pub const EVENTS: &str = "/__rungs/events";

/// Serves until Ctrl-C. Each connection is served on its own task; at most
/// `limits.max_connections` are open at once (more wait in the kernel's
/// backlog), and one that does not send a complete request head within
/// `limits.header_timeout` (idle, half a request, or idle between requests
/// on a kept-alive connection) is closed, so idle clients cannot starve the
/// preview.
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
    let app = Router::new()
        .route(EVENTS, get(events))
        .fallback(get(page))
        .layer(middleware::from_fn_with_state(bound.ip(), check_host))
        // Outermost: one log line per request, refused ones too.
        .layer(middleware::from_fn(rungs_http::log_requests))
        .with_state(preview);
    ready(bound);
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let shutdown = tokio::signal::ctrl_c();
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = slots.clone().acquire_owned() => permit,
            _ = &mut shutdown => return Ok(()),
        };
        // The semaphore is never closed.
        let Ok(permit) = permit else { return Ok(()) };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = &mut shutdown => return Ok(()),
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            // Out of file descriptors, or a connection reset before it was
            // accepted: keep serving the others, and do not spin on EMFILE.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(app.clone());
        let header_timeout = limits.header_timeout;
        tokio::spawn(async move {
            let mut builder = http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout);
            // An error here is one client's broken connection; nothing to report.
            let _ = builder
                .serve_connection(TokioIo::new(stream), service)
                .await;
            drop(permit);
        });
    }
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

/// Refuses requests whose `Host` is not this machine, so that a web page
/// elsewhere cannot read the preview by pointing its own domain name at
/// 127.0.0.1 (DNS rebinding).
async fn check_host(State(bound): State<IpAddr>, request: Request, next: Next) -> Response {
    let host = request.headers().get(header::HOST).map(|h| h.to_str());
    match host {
        // HTTP/1.0 clients may send no Host; browsers always send one.
        None => next.run(request).await,
        Some(Ok(host)) if host_allowed(host, bound) => next.run(request).await,
        _ => (
            StatusCode::MISDIRECTED_REQUEST,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "rungs serve answers only requests for localhost or the address it listens on \
             (the Host header names another server)\n",
        )
            .into_response(),
    }
}

/// Whether a `Host` header names this server: `localhost`, a loopback
/// address or the bound address, with or without a port. When bound to all
/// interfaces (0.0.0.0 or ::), any IP address is accepted: DNS rebinding
/// needs a domain name, and an address typed by hand is this machine.
fn host_allowed(host: &str, bound: IpAddr) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        match rest.split_once(']') {
            Some((ip, port)) if port.is_empty() || valid_port(port) => ip,
            _ => return false,
        }
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if valid_port(port) => name,
            Some(_) => return false,
            None => host,
        }
    };
    let name = name.strip_suffix('.').unwrap_or(name);
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback() || ip == bound || bound.is_unspecified(),
        Err(_) => false,
    }
}

fn valid_port(port: &str) -> bool {
    port.strip_prefix(':')
        .unwrap_or(port)
        .parse::<u16>()
        .is_ok()
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
    fn only_hosts_naming_this_machine_are_served() {
        let loopback: IpAddr = [127, 0, 0, 1].into();
        for host in [
            "localhost",
            "localhost:3000",
            "LOCALHOST:3000",
            "127.0.0.1",
            "127.0.0.1:3000",
            "[::1]",
            "[::1]:3000",
        ] {
            assert!(host_allowed(host, loopback), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:3000",
            "localhost.evil.example",
            "192.168.1.5:3000",
            "127.0.0.1:notaport",
            "[::1]x",
            "",
        ] {
            assert!(!host_allowed(host, loopback), "{host}");
        }
        let lan: IpAddr = [192, 168, 1, 5].into();
        assert!(host_allowed("192.168.1.5:3000", lan));
        assert!(!host_allowed("192.168.1.6:3000", lan));
        let any: IpAddr = [0, 0, 0, 0].into();
        assert!(host_allowed("192.168.1.6:3000", any));
        assert!(!host_allowed("evil.example", any));
    }
}
