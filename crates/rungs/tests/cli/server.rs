//! `rungs server` as a process: a killed import leaves all or nothing (on
//! SQLite and PostgreSQL), two
//! servers share sessions through the database, backup and restore, the
//! audit chain checked from the command line.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `rungs server`, killed when dropped.
pub(super) struct Server {
    child: Child,
    pub(super) addr: String,
    setup: Option<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(super) fn start(args: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .arg("server")
        .args(["--listen", "127.0.0.1:0"])
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("RUNGS_DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start rungs server: {e}"));
    let stderr = child.stderr.take().unwrap_or_else(|| panic!("stderr"));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut addr = None;
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("rungs server: http://") {
                addr = rest.split('/').next().map(str::to_string);
                let _ = tx.send((addr.clone(), None));
            }
            if let Some(at) = line.find("/app/setup?token=") {
                let _ = tx.send((addr.clone(), Some(line[at..].trim().to_string())));
            }
        }
    });
    let (addr, _) = rx
        .recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("the server did not start"));
    // The setup link, if any, follows the address line at once.
    let setup = rx
        .recv_timeout(Duration::from_millis(500))
        .ok()
        .and_then(|(_, s)| s);
    Server {
        child,
        addr: addr.unwrap_or_else(|| panic!("no address")),
        setup,
    }
}

pub(super) struct Response {
    pub(super) status: u16,
    head: String,
    pub(super) body: String,
}

pub(super) fn request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect {addr}: {e}"));
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream
        .write_all(head.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    stream.write_all(body).unwrap_or_else(|e| panic!("{e}"));
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).to_string();
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("{method} {path}: not an HTTP response: {text:?}"));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{method} {path}: no status in {head}"));
    Response {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

fn cookie(r: &Response) -> String {
    r.head
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: rungs_session="))
        .and_then(|v| v.split(';').next())
        .map(|v| format!("rungs_session={v}"))
        .unwrap_or_else(|| panic!("no session cookie in\n{}", r.head))
}

fn csrf(body: &str) -> String {
    let at = body
        .find("name=\"csrf\" value=\"")
        .unwrap_or_else(|| panic!("no csrf in {body}"))
        + 19;
    body[at..]
        .split_once('"')
        .map(|(token, _)| token.to_string())
        .unwrap_or_else(|| panic!("an unterminated csrf value in {body}"))
}

/// Creates the administrator through the setup link: their cookie and
/// CSRF token.
pub(super) fn admin(server: &Server) -> (String, String) {
    let link = server
        .setup
        .clone()
        .unwrap_or_else(|| panic!("no setup link"));
    let token = link
        .split_once("token=")
        .map(|(_, token)| token)
        .unwrap_or_else(|| panic!("no token in {link}"));
    let form = format!(
        "token={token}&name=Ada+Admin&email=ada%40example.org&password=correct+horse+battery+staple"
    );
    let r = request(
        &server.addr,
        "POST",
        "/app/setup",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        form.as_bytes(),
    );
    assert_eq!(r.status, 303, "{}{}", r.head, r.body);
    let cookie = cookie(&r);
    let home = request(&server.addr, "GET", "/app", &[("Cookie", &cookie)], b"");
    (cookie.clone(), csrf(&home.body))
}

fn people_count(server: &Server, cookie: &str) -> usize {
    let r = request(
        &server.addr,
        "GET",
        "/api/v1/people",
        &[("Cookie", cookie)],
        b"",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    super::parse_json(&r.body)
        .as_array()
        .map(Vec::len)
        .unwrap_or_else(|| panic!("not a list of people: {}", r.body))
}

/// `rungs server SUBCOMMAND FILE --data DATA`.
fn maintain(subcommand: &str, file: &Path, data: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(["server", subcommand])
        .arg(file)
        .args(["--data", data])
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn roster(n: usize) -> String {
    let mut csv = String::from("email,name,job title,team,manager email\n");
    for i in 0..n {
        let manager = if i % 10 == 0 {
            String::new()
        } else {
            format!("p{}@example.org", i - i % 10)
        };
        csv.push_str(&format!(
            "p{i}@example.org,Person {i},Engineer,Team {},{manager}\n",
            i / 10
        ));
    }
    csv
}

pub(super) fn sign_in(server: &Server, email: &str) -> (String, String) {
    let form = format!(
        "email={}&password=correct+horse+battery+staple&next=%2Fapp",
        email.replace('@', "%40")
    );
    let r = request(
        &server.addr,
        "POST",
        "/app/login",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        form.as_bytes(),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let cookie = cookie(&r);
    let home = request(&server.addr, "GET", "/app", &[("Cookie", &cookie)], b"");
    (cookie.clone(), csrf(&home.body))
}

/// The server arguments of each database under test: SQLite in `data`,
/// and PostgreSQL when `RUNGS_TEST_POSTGRES_URL` is set (required under
/// `RUNGS_REQUIRE_ALL=1`), in an empty schema of its own named after `name`.
/// Both keep `data` as the data directory: the audit key is made there.
fn databases(data: &str, name: &str) -> Vec<Vec<String>> {
    let mut databases: Vec<Vec<String>> = vec![vec!["--data".into(), data.to_string()]];
    match std::env::var("RUNGS_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => {
            // The server reaches its schema through the URL's search_path.
            let schema = format!("cli_{name}_{}", std::process::id());
            let psql = Command::new("psql")
                .args([&url, "-q", "-c", &format!("CREATE SCHEMA {schema}")])
                .output();
            match psql {
                Ok(o) if o.status.success() => {
                    let sep = if url.contains('?') { '&' } else { '?' };
                    databases.push(vec![
                        "--data".into(),
                        data.to_string(),
                        "--database".into(),
                        format!("{url}{sep}options=-c%20search_path%3D{schema}"),
                    ]);
                }
                other => panic!("cannot create a schema with psql: {other:?}"),
            }
        }
        _ if std::env::var("RUNGS_REQUIRE_ALL").as_deref() == Ok("1") => {
            panic!("RUNGS_REQUIRE_ALL=1 but RUNGS_TEST_POSTGRES_URL is not set")
        }
        _ => eprintln!("skipping PostgreSQL: RUNGS_TEST_POSTGRES_URL is not set"),
    }
    databases
}

#[test]
fn a_killed_import_leaves_all_of_it_or_none() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let csv = roster(10_000);
    let data = dir.path().join("data").to_string_lossy().to_string();
    let runs = databases(&data, "kill");
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        kill_during_import(&args, &csv, dir.path());
    }
}

/// Imports `csv` once to time it, then kills the server at three moments
/// of the same import: the database has all of it or none of it, and the
/// audit chain verifies.
fn kill_during_import(args: &[&str], csv: &str, scratch_dir: &Path) {
    // How long an import takes here, on a scratch database (SQLite: the
    // import's cost is the server's, near enough for either database).
    let scratch = scratch_dir
        .join(format!("scratch-{}", args.len()))
        .to_string_lossy()
        .to_string();
    let timing = start(&["--data", &scratch]);
    let (cookie, token) = admin(&timing);
    let started = std::time::Instant::now();
    let done = request(
        &timing.addr,
        "POST",
        "/api/v1/roster",
        &[
            ("Cookie", &cookie),
            ("X-CSRF-Token", &token),
            ("Content-Type", "text/csv"),
        ],
        csv.as_bytes(),
    );
    let took = started.elapsed().as_millis() as u64;
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(people_count(&timing, &cookie), 10_001);
    drop(timing);
    // Kill at different moments of the import; each time the database has
    // the whole import or none of it, and the audit chain holds.
    for delay_ms in [took / 10, took / 2, took * 9 / 10] {
        let server = start(args);
        let (cookie, token) = if server.setup.is_some() {
            admin(&server)
        } else {
            sign_in(&server, "ada@example.org")
        };
        let before = people_count(&server, &cookie);
        let addr = server.addr.clone();
        let body = csv.to_string();
        let headers = [
            ("Cookie".to_string(), cookie.clone()),
            ("X-CSRF-Token".to_string(), token.clone()),
            ("Content-Type".to_string(), "text/csv".to_string()),
        ];
        let import = std::thread::spawn(move || {
            let h: Vec<(&str, &str)> = headers
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            request(&addr, "POST", "/api/v1/roster", &h, body.as_bytes())
        });
        std::thread::sleep(Duration::from_millis(delay_ms));
        drop(server); // SIGKILL
        let _ = import.join();
        let server = start(args);
        let (cookie, _) = sign_in(&server, "ada@example.org");
        let after = people_count(&server, &cookie);
        eprintln!(
            "{args:?}: killed {delay_ms} ms into the import: {before} people before, {after} after"
        );
        assert!(
            after == before || after == 10_001,
            "{args:?}: after a kill at {delay_ms} ms: {before} people before, {after} after"
        );
        drop(server);
        let verify = Command::new(env!("CARGO_BIN_EXE_rungs"))
            .args(["server", "audit", "verify"])
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            verify.status.success(),
            "{args:?}: {}{}",
            String::from_utf8_lossy(&verify.stdout),
            String::from_utf8_lossy(&verify.stderr)
        );
    }
}

#[test]
fn two_servers_share_sessions_through_the_database() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("data").to_string_lossy().to_string();
    let databases = databases(&data, "share");
    for args in databases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let first = start(&args);
        let (cookie, _) = admin(&first);
        let second = start(&args);
        assert!(
            second.setup.is_none(),
            "an administrator exists: no second setup link"
        );
        let me = request(
            &second.addr,
            "GET",
            "/api/v1/me",
            &[("Cookie", &cookie)],
            b"",
        );
        assert_eq!(
            me.status, 200,
            "a session made on one server works on the other ({:?}): {}",
            args, me.body
        );
        assert!(me.body.contains("ada@example.org"));
    }
}

#[test]
fn backup_and_restore_keep_every_committed_change() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("data").to_string_lossy().to_string();
    let backup = dir.path().join("backup.sqlite");
    let server = start(&["--data", &data]);
    let (cookie, token) = admin(&server);
    let r = request(
        &server.addr,
        "POST",
        "/api/v1/roster",
        &[
            ("Cookie", &cookie),
            ("X-CSRF-Token", &token),
            ("Content-Type", "text/csv"),
        ],
        roster(20).as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    // Online backup while the server runs.
    let out = maintain("backup", &backup, &data);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Restore refuses while the server runs.
    let refused = maintain("restore", &backup, &data);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("stop it first"));
    drop(server);
    // A later change, then the restore takes the database back.
    let server = start(&["--data", &data]);
    let (cookie, token) = sign_in(&server, "ada@example.org");
    request(
        &server.addr,
        "POST",
        "/api/v1/roster",
        &[
            ("Cookie", &cookie),
            ("X-CSRF-Token", &token),
            ("Content-Type", "text/csv"),
        ],
        roster(40).as_bytes(),
    );
    assert_eq!(people_count(&server, &cookie), 41);
    drop(server);
    let restored = maintain("restore", &backup, &data);
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    let server = start(&["--data", &data]);
    let (cookie, _) = sign_in(&server, "ada@example.org");
    assert_eq!(people_count(&server, &cookie), 21);
    // Not a database: refused, nothing replaced.
    drop(server);
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, "not a database").unwrap_or_else(|e| panic!("{e}"));
    let bad = maintain("restore", &junk, &data);
    assert!(!bad.status.success());
    assert!(Path::new(&data).join("rungs.sqlite").exists());
}

/// `rungs server audit`: the key made on the first start (owner-only), a
/// checkpoint printed, verified against, and refused when changed or
/// checked under another key.
#[test]
fn the_audit_log_is_keyed_and_checkpointed_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("data").to_string_lossy().to_string();
    let server = start(&["--data", &data]);
    let _ = admin(&server);
    drop(server);
    let key = Path::new(&data).join("audit.key");
    let text = std::fs::read_to_string(&key).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text.trim().len(), 64, "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key)
            .unwrap_or_else(|e| panic!("{e}"))
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    let audit = |args: &[&str], key: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rungs"));
        command
            .args(["server", "audit"])
            .args(args)
            .args(["--data", &data])
            .env_remove("RUNGS_DATABASE_URL")
            .env_remove("RUNGS_AUDIT_KEY");
        if let Some(key) = key {
            command.env("RUNGS_AUDIT_KEY", key);
        }
        command.output().unwrap_or_else(|e| panic!("{e}"))
    };
    let taken = audit(&["checkpoint"], None);
    assert!(taken.status.success(), "{taken:?}");
    let line = String::from_utf8_lossy(&taken.stdout).to_string();
    let checkpoint: serde_json::Value =
        serde_json::from_str(line.trim()).unwrap_or_else(|e| panic!("{e}: {line}"));
    assert!(checkpoint["seq"].as_i64().is_some_and(|s| s > 0), "{line}");
    assert!(checkpoint["mac"].is_string(), "{line}");
    let file = dir.path().join("audit.checkpoint");
    std::fs::write(&file, &line).unwrap_or_else(|e| panic!("{e}"));
    let since = file.to_string_lossy().to_string();

    let verified = audit(&["verify", "--since", &since], None);
    let out = String::from_utf8_lossy(&verified.stdout);
    assert!(verified.status.success(), "{out}");
    assert!(
        out.contains("hash chain and MACs") && out.contains("as checkpointed"),
        "{out}"
    );

    let other = audit(&["verify"], Some(&"ab".repeat(32)));
    let out = String::from_utf8_lossy(&other.stdout);
    assert_eq!(other.status.code(), Some(1), "{out}");
    assert!(out.contains("MAC"), "{out}");

    let mut changed = checkpoint.clone();
    changed["seq"] = serde_json::json!(checkpoint["seq"].as_i64().unwrap_or(0) - 1);
    std::fs::write(&file, changed.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let refused = audit(&["verify", "--since", &since], None);
    let out = String::from_utf8_lossy(&refused.stdout);
    assert_eq!(refused.status.code(), Some(1), "{out}");
    assert!(out.contains("checkpoint's MAC"), "{out}");
}

/// `--log-format json`: every log line is a JSON object.
#[test]
fn the_log_can_be_json_lines() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = dir.path().join("data").to_string_lossy().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(["server", "--listen", "127.0.0.1:0", "--log-format", "json"])
        .args(["--data", &data])
        .env_remove("RUNGS_DATABASE_URL")
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start rungs server: {e}"));
    let stderr = child.stderr.take().unwrap_or_else(|| panic!("stderr"));
    let mut logged = None;
    for line in BufReader::new(stderr).lines().map_while(Result::ok) {
        if line.starts_with('{') {
            logged = Some(line);
            break;
        }
        if line.starts_with("rungs server: http://") {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    // The first start makes the audit key, and says so in the log.
    let line = logged.unwrap_or_else(|| panic!("no JSON line before the server started"));
    let event: serde_json::Value =
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
    assert_eq!(event["level"], "WARN", "{line}");
    assert!(
        event["fields"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("audit key")),
        "{line}"
    );
}
