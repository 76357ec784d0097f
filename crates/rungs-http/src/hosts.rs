//! Which `Host` headers a server answers: its own names and this machine's,
//! so that a web page elsewhere cannot read it, or post to it, by pointing
//! a domain name of its own at the server's address (DNS rebinding).

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The names a server answers to. `localhost` and loopback addresses are
/// always allowed (a reverse proxy on the same machine may send them);
/// ports are not compared (a rebinding page needs a name of its own, which
/// is what this refuses).
#[derive(Clone, Debug, Default)]
pub struct AllowedHosts {
    names: Arc<Vec<String>>,
    bound: Option<IpAddr>,
}

impl AllowedHosts {
    /// Only this machine's names.
    pub fn loopback() -> AllowedHosts {
        AllowedHosts::default()
    }

    /// Also `name` (a host name or an IP address, as in a URL).
    pub fn with_name(mut self, name: &str) -> AllowedHosts {
        let name = bare(name).unwrap_or(name).to_ascii_lowercase();
        let name = name.strip_suffix('.').unwrap_or(&name).to_string();
        if !name.is_empty() {
            Arc::make_mut(&mut self.names).push(name);
        }
        self
    }

    /// Also the host of `url` (`http://host:port/path`), if it has one.
    pub fn with_url(self, url: &str) -> AllowedHosts {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
        self.with_name(authority)
    }

    /// Also the address the server listens on. When that is every interface
    /// (0.0.0.0 or ::), any IP address is allowed: rebinding needs a domain
    /// name, and an address typed by hand is this machine.
    pub fn with_bound(mut self, ip: IpAddr) -> AllowedHosts {
        self.bound = Some(ip);
        self
    }

    /// Whether a `Host` header names this server.
    pub fn allows(&self, host: &str) -> bool {
        let Some(name) = bare(host) else { return false };
        let name = name.strip_suffix('.').unwrap_or(name);
        if name.eq_ignore_ascii_case("localhost")
            || self.names.iter().any(|n| n.eq_ignore_ascii_case(name))
        {
            return true;
        }
        match name.parse::<IpAddr>() {
            Ok(ip) => {
                ip.is_loopback()
                    || self
                        .bound
                        .is_some_and(|bound| ip == bound || bound.is_unspecified())
            }
            Err(_) => false,
        }
    }
}

/// The name in a `Host` value, without its port (and an IPv6 address
/// without its brackets); `None` when it is malformed.
fn bare(host: &str) -> Option<&str> {
    if let Some(rest) = host.strip_prefix('[') {
        return match rest.split_once(']') {
            Some((ip, port)) if port.is_empty() || valid_port(port) => Some(ip),
            _ => None,
        };
    }
    match host.rsplit_once(':') {
        Some((name, port)) if valid_port(port) => Some(name),
        Some(_) => None,
        None => Some(host),
    }
}

fn valid_port(port: &str) -> bool {
    port.strip_prefix(':')
        .unwrap_or(port)
        .parse::<u16>()
        .is_ok()
}

/// A middleware answering `421 Misdirected Request` to a request whose
/// `Host` the server does not answer to. Add it with
/// `axum::middleware::from_fn_with_state(allowed, check_host)`.
pub async fn check_host(
    State(allowed): State<AllowedHosts>,
    request: Request,
    next: Next,
) -> Response {
    let host = request.headers().get(header::HOST).map(|h| h.to_str());
    match host {
        // HTTP/1.0 clients may send no Host; browsers always send one.
        None => next.run(request).await,
        Some(Ok(host)) if allowed.allows(host) => next.run(request).await,
        _ => (
            StatusCode::MISDIRECTED_REQUEST,
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            "this server answers only requests for its own address, localhost or the address it \
             listens on (the Host header names another server)\n",
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hosts_naming_this_machine_are_served() {
        let loopback = AllowedHosts::loopback().with_bound([127, 0, 0, 1].into());
        for host in [
            "localhost",
            "localhost:3000",
            "LOCALHOST:3000",
            "127.0.0.1",
            "127.0.0.1:3000",
            "[::1]",
            "[::1]:3000",
        ] {
            assert!(loopback.allows(host), "{host}");
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
            assert!(!loopback.allows(host), "{host}");
        }
        let lan = AllowedHosts::loopback().with_bound([192, 168, 1, 5].into());
        assert!(lan.allows("192.168.1.5:3000"));
        assert!(!lan.allows("192.168.1.6:3000"));
        let any = AllowedHosts::loopback().with_bound([0, 0, 0, 0].into());
        assert!(any.allows("192.168.1.6:3000"));
        assert!(!any.allows("evil.example"));
    }

    #[test]
    fn the_base_url_names_the_server() {
        let allowed = AllowedHosts::loopback()
            .with_bound([127, 0, 0, 1].into())
            .with_url("https://Ladder.Example.com/");
        assert!(allowed.allows("ladder.example.com"));
        assert!(allowed.allows("ladder.example.com:443"));
        assert!(allowed.allows("LADDER.example.com."));
        assert!(allowed.allows("127.0.0.1:8080"));
        assert!(!allowed.allows("rebound.example"));
        assert!(!allowed.allows("ladder.example.com.evil.example"));
        let ipv6 = AllowedHosts::loopback().with_url("http://[2001:db8::1]:8080");
        assert!(ipv6.allows("[2001:db8::1]:8080"));
        assert!(!ipv6.allows("[2001:db8::2]:8080"));
    }
}
