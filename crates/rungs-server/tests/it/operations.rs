//! Running the server in production: probes, metrics, a graceful stop,
//! backups of both databases, and two server processes on one database.

use std::time::Duration;

use axum::http::StatusCode;
use rungs_server::{App, Config, Database};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::*;

const METRICS_TOKEN: &str = "a-metrics-token-for-the-tests";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn probes_answer_without_sign_in_and_readiness_follows_the_database() {
    for backend in backends("probes").await {
        let (app, _token) = start(backend.store.clone(), config()).await;
        let mut anyone = Client::new(&app);
        let health = anyone.get("/healthz").await;
        assert_eq!(health.status, StatusCode::OK, "{}", backend.name);
        let ready = anyone.get("/readyz").await;
        assert_eq!(ready.status, StatusCode::OK, "{}", ready.body);
        assert!(ready.body.starts_with("ready: sha256:"), "{}", ready.body);
        // Off without a token.
        assert_eq!(anyone.get("/metrics").await.status, StatusCode::NOT_FOUND);
        // The database gone: alive, not ready.
        app.store().close().await;
        let ready = anyone.get("/readyz").await;
        assert_eq!(
            ready.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{}",
            ready.body
        );
        assert_eq!(anyone.get("/healthz").await.status, StatusCode::OK);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_routes_pool_and_imports_for_the_token_only() {
    let backend = sqlite().await;
    let mut cfg = config();
    cfg.metrics_token = Some(METRICS_TOKEN.into());
    let (app, token) = start(backend.store.clone(), cfg).await;
    let mut admin = admin(&app, &token).await;
    let imported = admin.post_csv("/api/v1/roster", ROSTER).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    let ari = id_of(&mut admin, "ari@example.org").await;
    admin.get(&format!("/api/v1/people/{ari}")).await;

    let mut scraper = Client::new(&app);
    let refused = scraper.get("/metrics").await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    // A person's session is not the metrics token.
    assert_eq!(admin.get("/metrics").await.status, StatusCode::UNAUTHORIZED);
    scraper.bearer = Some("not-the-metrics-token-at-all".into());
    assert_eq!(
        scraper.get("/metrics").await.status,
        StatusCode::UNAUTHORIZED
    );
    scraper.bearer = Some(METRICS_TOKEN.into());
    let metrics = scraper.get("/metrics").await;
    assert_eq!(metrics.status, StatusCode::OK, "{}", metrics.body);
    let text = metrics.body;
    for needle in [
        // Routes by template: the id is not in the label.
        "rungs_http_requests_total{route=\"/api/v1/people/{id}\",method=\"GET\",status=\"200\"} 1",
        "rungs_http_requests_total{route=\"/api/v1/roster\",method=\"POST\",status=\"200\"} 1",
        "rungs_http_requests_total{route=\"/metrics\",method=\"GET\",status=\"401\"} 3",
        "rungs_http_request_duration_seconds_bucket{le=",
        "rungs_db_pool_connections{state=\"size\"}",
        "rungs_db_pool_connections{state=\"idle\"}",
        "rungs_roster_import_duration_seconds_count 1",
        "rungs_relink_duration_seconds_count 1",
    ] {
        assert!(text.contains(needle), "no {needle} in\n{text}");
    }
    assert!(!text.contains(&format!("people/{ari}")), "{text}");
}

/// One request over a fresh connection: the response's head.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_over_the_limit_wait_their_turn_and_all_are_answered() {
    let backend = sqlite().await;
    let config = Config {
        max_in_flight: 1,
        ..config()
    };
    let (app, _token) = start(backend.store.clone(), config).await;
    // One turn for sixteen requests at once: each turn must be given back,
    // or the second request would wait for ever.
    let mut waiting = tokio::task::JoinSet::new();
    for i in 0..16 {
        let mut client = Client::new(&app);
        let path = if i % 2 == 0 { "/app" } else { "/app/login" };
        waiting.spawn(async move { client.get(path).await.status });
    }
    let answered = tokio::time::timeout(Duration::from_secs(20), waiting.join_all())
        .await
        .expect("every request answered in turn");
    assert_eq!(answered.len(), 16);
    for status in answered {
        assert!(
            status == StatusCode::OK || status == StatusCode::SEE_OTHER,
            "{status}"
        );
    }
}

async fn head(addr: std::net::SocketAddr, path: &str) -> String {
    let Ok(mut stream) = tokio::net::TcpStream::connect(addr).await else {
        return String::new();
    };
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).await.is_err() {
        return String::new();
    }
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw).await;
    String::from_utf8_lossy(&raw).into_owned()
}

/// Told to stop (SIGTERM in the binary), the server stops accepting, and
/// finishes a request that is half-way through arriving before it ends.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_graceful_stop_finishes_the_request_in_flight() {
    let dir = tempfile::tempdir().expect("dir");
    let config = Config {
        database: Database::Sqlite(dir.path().join("rungs.sqlite")),
        ..config()
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(rungs_server::serve(config, listener, async {
        let _ = stopped.await;
    }));
    let mut up = String::new();
    for _ in 0..400 {
        up = head(addr, "/healthz").await;
        if up.starts_with("HTTP/1.1 200") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(up.starts_with("HTTP/1.1 200"), "{up}");

    // A sign-in whose head has arrived and whose body has not, yet.
    let body = "email=nobody%40example.org&password=not+the+password";
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let start = format!(
        "POST /app/login HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{}",
        body.len(),
        &body[..10]
    );
    stream.write_all(start.as_bytes()).await.expect("write");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let _ = stop.send(());
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        !server.is_finished(),
        "the server ended with a request in flight"
    );
    stream
        .write_all(&body.as_bytes()[10..])
        .await
        .expect("the rest of the body");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.expect("read");
    let answer = String::from_utf8_lossy(&raw);
    let status: u16 = answer
        .strip_prefix("HTTP/1.1 ")
        .and_then(|s| s.get(..3))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no answer to the request in flight: {answer:?}"));
    assert!(status < 500 && status != 408, "{answer}");
    let ended = tokio::time::timeout(Duration::from_secs(30), server)
        .await
        .expect("the server stopped")
        .expect("joined");
    assert!(ended.is_ok(), "{ended:?}");
    assert!(
        head(addr, "/healthz").await.is_empty(),
        "nothing answers after the stop"
    );
}

/// PostgreSQL: a backup while the server runs, restored into a database
/// made for it; refused into a database that is not empty.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_backup_restores_into_a_fresh_database() {
    let Some(base) = postgres_url("postgres backup") else {
        return;
    };
    let stamp = format!("{}_{}", std::process::id(), rungs_store::now());
    let source_name = format!("rungs_backup_from_{stamp}");
    let target_name = format!("rungs_backup_to_{stamp}");
    create_database(&base, &source_name).await;
    create_database(&base, &target_name).await;
    let source = with_database(&base, &source_name);
    let target = with_database(&base, &target_name);

    let store = rungs_store_postgres::open(&source).await.expect("open");
    let (app, token) = start(store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    let imported = admin.post_csv("/api/v1/roster", ROSTER).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    let people = admin.get("/api/v1/people").await.json();

    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("rungs.dump");
    rungs_server::backup(&Database::Postgres(source.clone()), &file)
        .await
        .unwrap_or_else(|e| panic!("backup: {e}"));
    match rungs_server::backup(&Database::Postgres(source.clone()), &file).await {
        Ok(()) => panic!("a backup overwrote {}", file.display()),
        Err(e) => assert!(e.to_string().contains("exists"), "{e}"),
    }
    match rungs_server::restore(&Database::Postgres(source.clone()), &file).await {
        Ok(()) => panic!("restored over a database in use"),
        Err(e) => assert!(e.to_string().contains("not empty"), "{e}"),
    }
    rungs_server::restore(&Database::Postgres(target.clone()), &file)
        .await
        .unwrap_or_else(|e| panic!("restore: {e}"));

    let restored = rungs_store_postgres::open(&target)
        .await
        .expect("open restored");
    let (app2, _) = App::start_with_store(config(), restored.clone())
        .await
        .expect("start on the restored database");
    let mut admin2 = Client::new(&app2);
    admin2.sign_in("ada@example.org", PASSWORD).await;
    assert_eq!(admin2.get("/api/v1/people").await.json(), people);
    let verification =
        rungs_server::verify_audit(&Database::Postgres(target.clone()), Some(test_key()), None)
            .await
            .expect("verify");
    assert!(verification.ok() && verification.keyed, "{verification:?}");
    // A file that is no PostgreSQL backup.
    let junk = dir.path().join("junk.dump");
    std::fs::write(&junk, "SQLite format 3\0").expect("write");
    match rungs_server::restore(&Database::Postgres(target.clone()), &junk).await {
        Ok(()) => panic!("restored junk"),
        Err(e) => assert!(e.to_string().contains("not a PostgreSQL backup"), "{e}"),
    }
    store.close().await;
    restored.close().await;
    drop((app, app2));
    drop_database(&base, &source_name).await;
    drop_database(&base, &target_name).await;
}

/// Two servers start on one database after the ladder changed: the
/// revision, its snapshot and the relink of older assessments are each
/// written once, not by both.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_starting_on_one_database_relink_once() {
    for backend in backends("relink_once").await {
        let ladder = tempfile::tempdir().expect("dir");
        let root = ladder.path();
        for file in rungs_core::SourceSet::example().iter() {
            let path = root.join(&*file.path);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, file.bytes()).expect("write");
        }
        let mut cfg = config();
        cfg.framework.root = Some(root.to_path_buf());
        let (app, token) = start(backend.store.clone(), cfg.clone()).await;
        let mut admin = admin(&app, &token).await;
        admin.post_csv("/api/v1/roster", ROSTER).await;
        let bo = id_of(&mut admin, "bo@example.org").await;
        let placed = admin
            .json(
                "POST",
                &format!("/api/v1/people/{bo}/placements"),
                json!({"track": "engineering", "level": "engineer", "from_date": "2023-01-09", "reason": "hire", "note": ""}),
            )
            .await;
        assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
        let mut bo_c = person_client(&app, &mut admin, "bo@example.org").await;
        let opened = open_assessment(&mut bo_c, bo, "engineering", "senior").await;
        assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
        drop((admin, bo_c, app));

        let senior = root.join("tracks/engineering/senior.md");
        let text = std::fs::read_to_string(&senior).expect("read");
        assert!(text.contains("kindly and quickly."), "the example changed");
        std::fs::write(
            &senior,
            text.replacen("kindly and quickly.", "kindly and within a day.", 1),
        )
        .expect("write");

        let second = second_store(&backend).await;
        let (one, two) = tokio::join!(
            App::start_with_store(cfg.clone(), backend.store.clone()),
            App::start_with_store(cfg.clone(), second.clone()),
        );
        let (one, _) = one.unwrap_or_else(|e| panic!("{}: first server: {e}", backend.name));
        let (_two, _) = two.unwrap_or_else(|e| panic!("{}: second server: {e}", backend.name));
        let log = one.store().audit_page(None, 1000).await.expect("audit");
        let count = |action: &str| log.iter().filter(|e| e.action == action).count();
        assert_eq!(
            count("assessments.relink"),
            1,
            "{}: relinked once",
            backend.name
        );
        assert_eq!(
            count("framework.snapshot"),
            2,
            "{}: each revision stored once",
            backend.name
        );
        assert_eq!(
            count("framework.load"),
            2,
            "{}: each revision recorded once",
            backend.name
        );
        let verification = one.store().verify_audit().await.expect("verify");
        assert!(verification.ok(), "{}: {verification:?}", backend.name);
        second.close().await;
    }
}

/// `RUNGS_TEST_POSTGRES_URL`, or `None` after saying why (a failure under
/// `RUNGS_REQUIRE_ALL=1`).
fn postgres_url(test: &str) -> Option<String> {
    match std::env::var("RUNGS_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("RUNGS_REQUIRE_ALL").map_or(true, |v| v != "1"),
                "RUNGS_REQUIRE_ALL=1 but RUNGS_TEST_POSTGRES_URL is not set"
            );
            eprintln!("skipping {test}: RUNGS_TEST_POSTGRES_URL is not set");
            None
        }
    }
}

/// `url` naming database `name` instead.
fn with_database(url: &str, name: &str) -> String {
    let (before, after) = url
        .split_once('?')
        .map_or((url, None), |(b, a)| (b, Some(a)));
    let base = before.rsplit_once('/').map_or(before, |(b, _)| b);
    match after {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

async fn create_database(url: &str, name: &str) {
    rungs_store::install_drivers();
    let pool = sqlx::AnyPool::connect(url).await.expect("connect");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&pool)
        .await
        .unwrap_or_else(|e| panic!("create database {name}: {e}"));
    pool.close().await;
}

async fn drop_database(url: &str, name: &str) {
    let pool = sqlx::AnyPool::connect(url).await.expect("connect");
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&pool)
    .await;
    pool.close().await;
}
