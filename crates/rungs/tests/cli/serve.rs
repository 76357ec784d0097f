//! `rungs serve` while the framework changes under it, and against clients
//! that misbehave.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

use super::{Serve, rungs, tmp};

fn new_framework(dir: &Path) {
    assert_eq!(rungs(&["new", "careers"], dir).status.code(), Some(0));
}

fn status(response: &str) -> &str {
    response.lines().next().unwrap_or("")
}

fn ok(response: &str) -> bool {
    response.starts_with("HTTP/1.1 200")
}

fn not_found(response: &str) -> bool {
    response.starts_with("HTTP/1.1 404")
}

/// Makes a FIFO, or says why the test cannot run (a failure under
/// RUNGS_REQUIRE_ALL=1).
fn mkfifo(path: &Path) -> bool {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    if matches!(made, Ok(s) if s.success()) {
        return true;
    }
    assert!(
        std::env::var_os("RUNGS_REQUIRE_ALL").is_none(),
        "mkfifo is not available: {made:?}"
    );
    eprintln!("skipped: mkfifo is not available ({made:?})");
    false
}

#[test]
fn serve_follows_folders_moved_out_moved_in_created_and_deleted() {
    let dir = tmp();
    new_framework(dir.path());
    let tracks = dir.path().join("careers/tracks");
    let (serve, _) = Serve::start_with("careers", dir.path(), &[]);
    let page = serve.get("tracks/engineering-management/index.html");
    assert!(ok(&page), "{}", status(&page));

    // Moved out of the framework: no longer served.
    let outside = dir.path().join("management");
    std::fs::rename(tracks.join("engineering-management"), &outside)
        .unwrap_or_else(|e| panic!("{e}"));
    let page = serve.poll("tracks/engineering-management/index.html", not_found);
    assert!(not_found(&page), "{}", status(&page));

    // Moved back in under another name: served under it.
    std::fs::rename(&outside, tracks.join("leadership")).unwrap_or_else(|e| panic!("{e}"));
    let page = serve.poll("tracks/leadership/manager.html", ok);
    assert!(ok(&page), "{}", status(&page));

    // A new folder with level files.
    let design = tracks.join("design");
    std::fs::create_dir(&design).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        design.join("_index.md"),
        "---\ntitle: Product Design\ndescription: Designers.\nkind: ic\nweight: 9\n---\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let level = std::fs::read_to_string(tracks.join("engineering/engineer.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(design.join("designer.md"), level).unwrap_or_else(|e| panic!("{e}"));
    let page = serve.poll("tracks/design/designer.html", ok);
    assert!(ok(&page), "{}", status(&page));
    let index = serve.poll("tracks/design/index.html", |r| r.contains("Product Design"));
    assert!(index.contains("Product Design"), "{}", status(&index));

    // Deleted: gone.
    std::fs::remove_dir_all(&design).unwrap_or_else(|e| panic!("{e}"));
    let page = serve.poll("tracks/design/designer.html", not_found);
    assert!(not_found(&page), "{}", status(&page));
    // Ignored folders stay ignored, as in `rungs build`.
    std::fs::create_dir_all(tracks.join(".hidden")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        tracks.join(".hidden/_index.md"),
        "---\ntitle: Hidden\n---\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let page = serve.get("tracks/.hidden/index.html");
    assert!(not_found(&page), "{}", status(&page));
}

#[test]
fn serve_recovers_when_the_framework_folder_is_deleted_and_recreated() {
    let dir = tmp();
    new_framework(dir.path());
    let (serve, _) = Serve::start_with("careers", dir.path(), &[]);
    assert!(ok(&serve.get("tracks/engineering/senior.html")));

    std::fs::remove_dir_all(dir.path().join("careers")).unwrap_or_else(|e| panic!("{e}"));
    let home = serve.poll("index.html", |r| r.contains("rungs.toml"));
    assert!(
        home.contains("rungs.toml"),
        "no overlay for the missing folder: {home}"
    );

    new_framework(dir.path());
    let page = serve.poll("tracks/engineering/senior.html", ok);
    assert!(ok(&page), "{}", status(&page));
    // Watched again: a later edit shows up.
    let level = dir.path().join("careers/tracks/engineering/senior.md");
    let mut text = std::fs::read_to_string(&level).unwrap_or_else(|e| panic!("{e}"));
    text.push_str("\n- You notice the preview came back by itself.\n");
    std::fs::write(&level, text).unwrap_or_else(|e| panic!("{e}"));
    let page = serve.poll("tracks/engineering/senior.html", |r| {
        r.contains("came back by itself")
    });
    assert!(page.contains("came back by itself"), "{}", status(&page));
}

#[test]
fn serve_closes_idle_and_partial_connections_and_keeps_answering() {
    let dir = tmp();
    new_framework(dir.path());
    let (serve, _) = Serve::start_with("careers", dir.path(), &["--header-timeout-ms", "500"]);
    let mut idle: Vec<TcpStream> = (0..50)
        .map(|i| {
            let mut stream = TcpStream::connect(&serve.addr).unwrap_or_else(|e| panic!("{e}"));
            if i % 2 == 0 {
                // Half a request head.
                let _ = stream.write_all(b"GET /index.html HTTP/1.1\r\nHost: loc");
            }
            stream
        })
        .collect();
    let page = serve.get("index.html");
    assert!(ok(&page), "{}", status(&page));
    for stream in &mut idle {
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap_or_else(|e| panic!("{e}"));
        let mut rest = Vec::new();
        match stream.read_to_end(&mut rest) {
            // Closed by the server (possibly after a 408 for the half request).
            Ok(_) => {}
            Err(e) => assert!(
                !matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ),
                "an idle connection stayed open: {e}"
            ),
        }
    }
}

/// A request with the given Host header.
fn get_with_host(addr: &str, host: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap_or_else(|e| panic!("{e}"));
    let request = format!("GET /index.html HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response
}

#[test]
fn serve_refuses_hosts_that_are_not_this_machine() {
    let dir = tmp();
    new_framework(dir.path());
    let (serve, before) = Serve::start_with("careers", dir.path(), &["--host", "localhost"]);
    assert!(serve.addr.starts_with("127.0.0.1:"), "{}", serve.addr);
    // Everything printed before the address line: the warning would be there.
    assert!(!before.iter().any(|l| l.contains("warning")), "{before:?}");
    let port = serve
        .addr
        .rsplit_once(':')
        .map(|(_, port)| port)
        .unwrap_or_else(|| panic!("no port in {}", serve.addr));
    for host in [
        format!("localhost:{port}"),
        "localhost".to_string(),
        serve.addr.clone(),
        format!("[::1]:{port}"),
    ] {
        let page = get_with_host(&serve.addr, &host);
        assert!(ok(&page), "{host}: {}", status(&page));
    }
    for host in [
        format!("attacker.example:{port}"),
        "attacker.example".to_string(),
    ] {
        let page = get_with_host(&serve.addr, &host);
        assert!(page.starts_with("HTTP/1.1 421"), "{host}: {page}");
        assert!(
            page.contains("text/plain") && !page.contains("<html"),
            "{page}"
        );
    }
}

#[test]
fn serve_warns_when_listening_beyond_this_machine() {
    let dir = tmp();
    new_framework(dir.path());
    let (_serve, before) = Serve::start_with("careers", dir.path(), &["--host", "0.0.0.0"]);
    assert!(
        before
            .iter()
            .any(|l| l.contains("warning") && l.contains("no authentication")),
        "{before:?}"
    );
    let bad = rungs(&["serve", "careers", "--host", "example.com"], dir.path());
    assert_eq!(bad.status.code(), Some(2), "{}", super::stderr(&bad));
}

#[test]
fn serve_never_opens_a_fifo_and_keeps_rebuilding() {
    let dir = tmp();
    new_framework(dir.path());
    let engineering = dir.path().join("careers/tracks/engineering");
    // One before it starts (the first load), one while it runs (a re-read).
    if !mkfifo(&engineering.join("before.md")) {
        return;
    }
    let (serve, _) = Serve::start_with("careers", dir.path(), &[]);
    assert!(mkfifo(&engineering.join("while.md")));
    let level = engineering.join("senior.md");
    let mut text = std::fs::read_to_string(&level).unwrap_or_else(|e| panic!("{e}"));
    text.push_str("\n- You keep editing next to a FIFO.\n");
    std::fs::write(&level, text).unwrap_or_else(|e| panic!("{e}"));
    let page = serve.poll("tracks/engineering/senior.html", |r| {
        r.contains("next to a FIFO")
    });
    assert!(page.contains("next to a FIFO"), "{}", status(&page));
    assert!(
        page.contains("not a regular file"),
        "no diagnostic for the FIFOs"
    );
}

#[test]
fn serve_logs_each_request_with_the_id_it_sends_back() {
    let dir = tmp();
    new_framework(dir.path());
    let (serve, _) = Serve::start_with("careers", dir.path(), &[]);
    let page = serve.get("tracks/engineering/senior.html");
    assert!(ok(&page), "{}", status(&page));
    let id = page
        .lines()
        .find_map(|l| l.strip_prefix("x-request-id: "))
        .unwrap_or_else(|| panic!("no x-request-id in {page}"));
    let line = serve
        .wait_for(&format!("request_id={id}"))
        .unwrap_or_else(|| panic!("no log line for request {id}"));
    assert!(
        line.contains(" INFO request: method=GET route=(site) status=200 duration_ms="),
        "{line}"
    );
}
