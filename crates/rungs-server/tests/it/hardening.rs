//! Attacks on the server as a whole: connections held open, other hosts,
//! cached pages, tokens in URLs, a `next` that breaks headers, unbounded
//! or invisible text, sessions that outlive a deactivation, a roster that
//! clears what it does not mention.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tower::ServiceExt;

use crate::support::*;

/// Reads until the server closes the connection (or `limit` passes):
/// what it sent, and whether it closed.
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> (String, bool) {
    let mut got = Vec::new();
    let closed = tokio::time::timeout(limit, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await
    .is_ok();
    (String::from_utf8_lossy(&got).into_owned(), closed)
}

/// A whole request on a new connection; the response's text.
async fn request(addr: std::net::SocketAddr, text: &str) -> String {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    stream.write_all(text.as_bytes()).await.expect("write");
    let (response, closed) = read_until_closed(&mut stream, Duration::from_secs(10)).await;
    assert!(closed, "no answer to a whole request: {response}");
    response
}

/// A server on a loopback port with the given header timeout and four
/// connections at most, stopped when the returned sender is used.
struct Serving {
    addr: std::net::SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    server: tokio::task::JoinHandle<Result<(), rungs_server::ServerError>>,
    _backend: Backend,
}

async fn serving(header_timeout: Duration) -> Serving {
    let backend = sqlite().await;
    let mut config = config();
    config.limits = rungs_server::Limits {
        header_timeout,
        body_timeout: Duration::from_secs(1),
        max_connections: 4,
        drain: Duration::from_secs(1),
    };
    let (app, _) = start(backend.store.clone(), config).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.clone().serve(listener, async {
        let _ = stopped.await;
    }));
    Serving {
        addr,
        stop,
        server,
        _backend: backend,
    }
}

impl Serving {
    fn page(&self) -> String {
        format!(
            "GET /app/login HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
    }

    async fn stop(self) {
        let _ = self.stop.send(());
        let ended = tokio::time::timeout(Duration::from_secs(5), self.server).await;
        assert!(ended.is_ok(), "the server did not stop");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_sent_requests_are_closed() {
    let serving = serving(Duration::from_secs(1)).await;
    let addr = serving.addr;
    assert!(
        request(addr, &serving.page())
            .await
            .starts_with("HTTP/1.1 200")
    );

    // Half a request head: closed within the header timeout.
    let started = Instant::now();
    let mut half = TcpStream::connect(addr).await.expect("connect");
    half.write_all(b"GET / HT").await.expect("write");
    let (_, closed) = read_until_closed(&mut half, Duration::from_secs(5)).await;
    assert!(closed, "a half-sent request head stayed open");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );

    // A body that never arrives whole: answered and closed within the
    // body timeout, however long the client waits.
    let started = Instant::now();
    let mut slow = TcpStream::connect(addr).await.expect("connect");
    slow.write_all(
        format!("POST /app/login HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=a")
            .as_bytes(),
    )
    .await
    .expect("write");
    let (answer, closed) = read_until_closed(&mut slow, Duration::from_secs(5)).await;
    assert!(closed, "a half-sent body stayed open: {answer}");
    assert!(
        !answer.starts_with("HTTP/1.1 2") && !answer.starts_with("HTTP/1.1 3"),
        "{answer}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    serving.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_over_the_cap_are_refused_at_once() {
    // The header timeout is long enough that no idle connection is closed
    // (freeing its place) while the test runs on a busy machine, and a
    // refusal is told apart from a timeout by how soon it comes.
    let header_timeout = Duration::from_secs(6);
    let serving = serving(header_timeout).await;
    let addr = serving.addr;
    let page = serving.page();
    assert!(request(addr, &page).await.starts_with("HTTP/1.1 200"));

    // Four idle connections take every place: a fifth is told so and
    // closed at once, rather than left waiting. A place is given back a
    // moment after its connection closes, so on a busy machine one of the
    // four may be refused in the fifth's stead while the first request's
    // connection winds down; the fill is then tried again.
    let mut idle = Vec::new();
    for attempt in 1..=5 {
        // The places of the connections closed before are given back.
        idle.clear();
        tokio::time::sleep(Duration::from_millis(500 * attempt)).await;
        for _ in 0..4 {
            idle.push(TcpStream::connect(addr).await.expect("connect"));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        let started = Instant::now();
        let mut over = TcpStream::connect(addr).await.expect("connect");
        let (refused, closed) = read_until_closed(&mut over, header_timeout / 2).await;
        if closed && refused.starts_with("HTTP/1.1 503") {
            assert!(
                started.elapsed() < header_timeout / 2,
                "{:?}",
                started.elapsed()
            );
            break;
        }
        let mut one_refused = false;
        for stream in &mut idle {
            let (answer, _) = read_until_closed(stream, Duration::from_millis(100)).await;
            one_refused |= answer.starts_with("HTTP/1.1 503");
        }
        assert!(
            one_refused && attempt < 5,
            "attempt {attempt}: five connections and none refused (closed: {closed}, answer: {refused:?})"
        );
    }
    // One idle client goes: a normal request is served again.
    drop(idle.pop());
    let mut served = String::new();
    for _ in 0..20 {
        served = request(addr, &page).await;
        if served.starts_with("HTTP/1.1 200") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(served.starts_with("HTTP/1.1 200"), "{served}");
    // The idle ones are closed by the header timeout.
    for stream in &mut idle {
        let (_, closed) = read_until_closed(stream, header_timeout * 2).await;
        assert!(closed, "an idle connection stayed open");
    }
    serving.stop().await;
}

/// A request straight to the router, with the given Host.
async fn with_host(app: &rungs_server::App, host: &str, path: &str) -> axum::response::Response {
    app.router()
        .oneshot(
            Request::get(path)
                .header(header::HOST, host)
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("infallible")
}

#[tokio::test]
async fn other_hosts_are_misdirected() {
    let backend = sqlite().await;
    let mut config = config();
    config.base_url = Some("https://ladder.example.com".into());
    let (app, _) = start(backend.store.clone(), config).await;
    for host in [
        "ladder.example.com",
        "ladder.example.com:443",
        "localhost:8080",
        "127.0.0.1:8080",
        "[::1]:8080",
    ] {
        let r = with_host(&app, host, "/app/login").await;
        assert_eq!(r.status(), StatusCode::OK, "{host}");
    }
    for host in [
        "rebound.example",
        "rebound.example:8080",
        "ladder.example.com.rebound.example",
    ] {
        for path in ["/", "/app/login", "/api/v1/me"] {
            let r = with_host(&app, host, path).await;
            assert_eq!(r.status(), StatusCode::MISDIRECTED_REQUEST, "{host}{path}");
        }
    }
}

#[tokio::test]
async fn app_answers_are_not_stored_and_the_sites_404_keeps_the_sites_policy() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    for path in ["/app", "/app/tokens", "/api/v1/me", "/app/people/999999"] {
        let r = admin.get(path).await;
        assert_eq!(
            r.headers.get(header::CACHE_CONTROL).map(|v| v.as_bytes()),
            Some(&b"no-store"[..]),
            "{path}: {:?}",
            r.headers
        );
    }
    let mut anonymous = Client::new(&app);
    for path in ["/app/login", "/api/v1/people"] {
        let r = anonymous.get(path).await;
        assert_eq!(
            r.headers.get(header::CACHE_CONTROL).map(|v| v.as_bytes()),
            Some(&b"no-store"[..]),
            "{path}"
        );
    }
    let home = anonymous.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(
        home.headers.get(header::CACHE_CONTROL).is_none(),
        "{:?}",
        home.headers
    );
    let site_policy = home
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .expect("the site's policy")
        .clone();
    let missing = anonymous.get("/no/such/page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(
        missing.headers.get(header::CONTENT_SECURITY_POLICY),
        Some(&site_policy),
        "the site's 404 page is the site's, under its policy"
    );

    // A token shown once, then sign-out: the session ends; the token,
    // which was made to outlive it, still works until revoked.
    let page = admin
        .post_form("/app/tokens", &[("name", "script"), ("scope", "read")])
        .await;
    let secret = page
        .body
        .split("<code class=\"app-secret\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the new token")
        .to_string();
    let cookie = admin.cookie.clone();
    let out = admin.post_form("/app/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER, "{}", out.body);
    let mut old = Client::new(&app);
    old.cookie = cookie;
    let r = old.get("/app/tokens").await;
    assert_eq!(
        r.location.as_deref(),
        Some("/app/login"),
        "the session ended"
    );
    let mut script = Client::new(&app);
    script.bearer = Some(secret);
    assert_eq!(script.get("/api/v1/me").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_next_that_would_break_the_redirect_is_refused_before_signing_in() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    admin(&app, &token).await;
    let long = format!("/app/{}", "x".repeat(5000));
    for next in ["/app\r\nSet-Cookie: planted=1", "/app\n", long.as_str()] {
        let mut client = Client::new(&app);
        let r = client
            .post_form_raw(
                "/app/login",
                &[
                    ("email", "ada@example.org"),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{next:?}: {}", r.body);
        assert!(
            r.headers.get(header::SET_COOKIE).is_none(),
            "{:?}",
            r.headers
        );
        assert!(client.cookie.is_none());
        let page = client
            .get(&format!("/app/login?next={}", urlencode(next)))
            .await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{next:?}");
    }
    // Another site is not refused, only replaced by the app's home.
    let mut client = Client::new(&app);
    let r = client
        .post_form_raw(
            "/app/login",
            &[
                ("email", "ada@example.org"),
                ("password", PASSWORD),
                ("next", "https://elsewhere.example/"),
            ],
        )
        .await;
    assert_eq!(r.location.as_deref(), Some("/app"));
}

fn urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("x", text)])
        .expect("encode")
        .trim_start_matches("x=")
        .to_string()
}

#[tokio::test]
async fn a_csrf_token_in_the_url_is_not_accepted() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    admin.get("/app/roster").await;
    let boundary = "XB";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\nContent-Type: text/csv\r\n\r\n{ROSTER}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\ntrue\r\n--{boundary}--\r\n"
    );
    let request = Request::post(format!("/app/roster?csrf={}", admin.csrf))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("request");
    let r = admin.send(request).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("CSRF token"), "{}", r.body);
    // The page's form sends it in the body.
    let page = admin.get("/app/roster").await;
    assert!(
        !page.body.contains("csrf="),
        "no token in a URL of the page"
    );
    let r = admin
        .post_multipart("/app/roster", &[("dry_run", "true")], ROSTER)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Dry run"), "{}", r.body);
}

#[tokio::test]
async fn team_names_are_bounded_and_plain() {
    for backend in backends("teams").await {
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let long = "T".repeat(201);
        for (team, why) in [
            (long.as_str(), "longer than 200"),
            ("Payments\u{7}", "U+0007"),
            ("Pay\u{1b}[31mments", "U+001B"),
            ("Pay\u{202e}stnem", "U+202E"),
            ("Pay\u{2066}ments", "U+2066"),
        ] {
            let csv = format!("email,name,team\nzed@example.org,Zed Zane,{team}\n");
            let r = admin.post_csv("/api/v1/roster", &csv).await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: {team:?}",
                backend.name
            );
            assert!(
                r.body.contains("team") && r.body.contains(why),
                "{}: {}",
                backend.name,
                r.body
            );
        }
        for (name, why) in [("Zed\u{202e}enaZ", "U+202E"), ("Zed\u{7}", "U+0007")] {
            let r = admin
                .json(
                    "POST",
                    "/api/v1/people",
                    json!({"email": "zed@example.org", "name": name}),
                )
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: {name:?}",
                backend.name
            );
            assert!(r.body.contains(why), "{}", r.body);
        }
        let people = admin.get("/api/v1/people").await.json();
        assert!(
            !people.to_string().contains("zed@example.org"),
            "{}: nothing written",
            backend.name
        );
        // Scripts that need joiners keep them.
        let r = admin
            .post_csv(
                "/api/v1/roster",
                "email,name,team\nzed@example.org,Zed Zane,\u{0645}\u{06cc}\u{200c}\u{0631}\n",
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}: {}", backend.name, r.body);
    }
}

#[tokio::test]
async fn deactivating_a_person_ends_their_sessions_and_tokens_for_good() {
    for backend in backends("reactivate").await {
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let r = admin.post_csv("/api/v1/roster", ROSTER).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let mut bo = person_client(&app, &mut admin, "bo@example.org").await;
        let page = bo
            .post_form("/app/tokens", &[("name", "script"), ("scope", "read")])
            .await;
        let secret = page
            .body
            .split("<code class=\"app-secret\">")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .expect("the new token")
            .to_string();
        let mut script = Client::new(&app);
        script.bearer = Some(secret);
        assert_eq!(script.get("/api/v1/me").await.status, StatusCode::OK);

        let id = id_of(&mut admin, "bo@example.org").await;
        for active in [false, true] {
            let person = admin.get(&format!("/api/v1/people/{id}")).await.json();
            let r = admin
                .json(
                    "PUT",
                    &format!("/api/v1/people/{id}"),
                    json!({"version": person["person"]["version"], "name": "Bo Chen", "email": "bo@example.org", "active": active}),
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "{}: {}", backend.name, r.body);
        }
        // Active again: what he held before is gone.
        let r = bo.get("/app").await;
        assert_eq!(
            r.location.as_deref(),
            Some("/app/login"),
            "{}: the old session",
            backend.name
        );
        assert_eq!(
            script.get("/api/v1/me").await.status,
            StatusCode::UNAUTHORIZED,
            "{}: the old token",
            backend.name
        );
        // A roster that deactivates does the same.
        let mut cy = person_client(&app, &mut admin, "cy@example.org").await;
        let without_cy: String = ROSTER
            .lines()
            .filter(|l| !l.starts_with("cy@"))
            .map(|l| format!("{l}\n"))
            .collect();
        let r = admin
            .post_csv("/api/v1/roster?deactivate_missing=true", &without_cy)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let r = admin
            .post_csv(
                "/api/v1/roster",
                "email,name,active\ncy@example.org,Cy Duarte,yes\n",
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let r = cy.get("/app").await;
        assert_eq!(
            r.location.as_deref(),
            Some("/app/login"),
            "{}: roster",
            backend.name
        );
    }
}

#[tokio::test]
async fn a_roster_without_a_column_keeps_that_field() {
    for backend in backends("roster_columns").await {
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let r = admin.post_csv("/api/v1/roster", ROSTER).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let ari = id_of(&mut admin, "ari@example.org").await;
        let before = admin.get(&format!("/api/v1/people/{ari}")).await.json()["person"].clone();
        assert_eq!(before["team"], "Platform");

        // Names and emails only: nothing else changes, for anyone.
        let r = admin
            .post_csv(
                "/api/v1/roster",
                "email,name\nari@example.org,Ari Okafor\nbo@example.org,Bo Chen\n",
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}: {}", backend.name, r.body);
        let plan = r.json();
        assert_eq!(
            plan["plan"]["updates"],
            json!([]),
            "{}: {plan}",
            backend.name
        );
        let after = admin.get(&format!("/api/v1/people/{ari}")).await.json()["person"].clone();
        for field in ["team", "job_title", "manager_id", "start_date"] {
            assert_eq!(after[field], before[field], "{}: {field}", backend.name);
        }
        // A column that is there, with an empty cell, clears the field.
        let r = admin
            .post_csv(
                "/api/v1/roster",
                "email,name,team,manager email\nari@example.org,Ari Okafor,,\n",
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}: {}", backend.name, r.body);
        let after = admin.get(&format!("/api/v1/people/{ari}")).await.json()["person"].clone();
        assert!(after["team"].is_null(), "{}: {after}", backend.name);
        assert!(after["manager_id"].is_null(), "{}: {after}", backend.name);
        assert_eq!(after["job_title"], before["job_title"], "{}", backend.name);
    }
}
