//! The server as a program embeds it: `serve` on a listener until told to
//! stop, the lock beside the SQLite database, backup, restore and the
//! audit check.

use std::time::Duration;

use rungs_server::{Config, Database};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::config;

/// One request over a fresh connection: the response's head.
async fn head(addr: std::net::SocketAddr, path: &str) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .unwrap_or_else(|e| panic!("connect {addr}: {e}"));
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&raw).into_owned();
    text.split("\r\n\r\n")
        .next()
        .expect("split gives at least one part")
        .to_string()
}

/// Fails unless `result` is an error whose message contains `needle`.
fn assert_refused(result: Result<(), rungs_server::ServerError>, needle: &str) {
    match result {
        Err(e) if e.to_string().contains(needle) => {}
        other => panic!("expected an error saying {needle:?}, got {other:?}"),
    }
}

#[tokio::test]
async fn serve_stops_when_told_and_holds_the_database_against_a_restore() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let database = Database::Sqlite(dir.path().join("data/rungs.sqlite"));
    let config = Config {
        database: database.clone(),
        ..config()
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(rungs_server::serve(config, listener, async {
        let _ = stopped.await;
    }));

    // Served, with a request id in the answer.
    let mut answer = String::new();
    for _ in 0..200 {
        answer = head(addr, "/app/login").await;
        if answer.starts_with("HTTP/1.1 200") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let id = answer
        .lines()
        .find_map(|l| l.strip_prefix("x-request-id: "))
        .unwrap_or_else(|| panic!("no x-request-id in {answer}"));
    assert_eq!(id.len(), 16, "{id}");

    // Backed up while it runs; not restored while it runs.
    let backup = dir.path().join("backup.sqlite");
    rungs_server::backup(&database, &backup)
        .await
        .unwrap_or_else(|e| panic!("backup: {e}"));
    assert_refused(
        rungs_server::restore(&database, &backup).await,
        "stop it first",
    );

    // Told to stop: it stops, cleanly.
    let _ = stop.send(());
    let ended = tokio::time::timeout(Duration::from_secs(30), server)
        .await
        .unwrap_or_else(|_| panic!("the server did not stop"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(ended.is_ok(), "{ended:?}");

    // Stopped: the restore goes through, and the audit log is intact.
    rungs_server::restore(&database, &backup)
        .await
        .unwrap_or_else(|e| panic!("restore: {e}"));
    let verification = rungs_server::verify_audit(&database, None, None)
        .await
        .unwrap_or_else(|e| panic!("verify: {e}"));
    assert!(
        verification.problem.is_none() && verification.entries > 0,
        "{verification:?}"
    );
    // Not a database: refused.
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, "not a database").unwrap_or_else(|e| panic!("{e}"));
    assert_refused(
        rungs_server::restore(&database, &junk).await,
        "not an SQLite database",
    );
}
