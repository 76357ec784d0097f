//! `rungs impact OLD NEW --data DIR` on a data directory that a real
//! `rungs server` filled: people from a roster import, their placements,
//! and assessments rated, submitted and shared through the API. The edits
//! are made to copies of the ladder, as a pull request would make them.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use super::server::{Server, admin, request, sign_in, start};
use super::{parse_json, path, rungs, stderr, stdout, tmp};

/// The ladder before any edit: one track, three levels, two areas, and
/// the default promotion rule (every statement of every area rated
/// "Consistently" or higher by the manager; 5 people before figures show).
const TOML: &str = r#"title = "Lighthouse Engineering"

[[areas]]
id = "craft"
title = "Craft"

[[areas]]
id = "impact"
title = "Impact"
"#;

const TRACK: &str = "---\ntitle: Engineering\n---\n";

const ENGINEER: &str = "---
title: Engineer
rank: 1
---
## Craft
- You ship well-tested changes to a service you know. {#en-ship}
## Impact
- You finish the tasks you pick up. {#en-finish}
";

const SENIOR: &str = "---
title: Senior Engineer
rank: 2
---
## Craft
- You design services that others can run without you. {#sr-design}
- You review changes thoroughly and kindly. {#sr-review}
## Impact
- You deliver projects that span several teams. {#sr-deliver}
- You mentor the engineers around you. {#sr-mentor}
";

const STAFF: &str = "---
title: Staff Engineer
rank: 3
---
## Craft
- You set the technical direction of a group of teams. {#st-direction}
## Impact
- You grow senior engineers into leads. {#st-grow}
";

/// Who is assessed, at which level, and the manager's ratings in the
/// order of the level's statements. With the default rule (at least
/// "Consistently"), five of the six Seniors are ready; raising the bar to
/// "Role model" leaves two (Noor's "not applicable" is left out), so three
/// stop being ready: two in Craft only, one (Ines) in both areas.
const PEOPLE: &[(&str, &str, &str, &[&str])] = &[
    (
        "amara@lighthouse.example",
        "Amara Okafor",
        "senior",
        &["Role model", "Role model", "Role model", "Role model"],
    ),
    (
        "bruno@lighthouse.example",
        "Bruno Castellanos",
        "senior",
        &["Consistently", "Role model", "Role model", "Role model"],
    ),
    (
        "ines@lighthouse.example",
        "Ines Wallraff",
        "senior",
        &[
            "Consistently",
            "Consistently",
            "Consistently",
            "Consistently",
        ],
    ),
    (
        "kofi@lighthouse.example",
        "Kofi Mensah-Lindqvist",
        "senior",
        &["Role model", "Consistently", "Role model", "Role model"],
    ),
    (
        "lena@lighthouse.example",
        "Lena Marchetti",
        "senior",
        &["Sometimes", "Role model", "Role model", "Role model"],
    ),
    (
        "noor@lighthouse.example",
        "Noor Haddad",
        "senior",
        &["Role model", "Role model", "Role model", "n/a"],
    ),
    // Two Staff engineers: a group below `smallest_group`, so no figures of
    // theirs may show anywhere (one of them stops being ready too).
    (
        "tobias@lighthouse.example",
        "Tobias Eriksen",
        "staff",
        &["Consistently", "Role model"],
    ),
    (
        "yara@lighthouse.example",
        "Yara Quintero",
        "staff",
        &["Role model", "Role model"],
    ),
];

/// An Engineer whose assessment is opened but not shared: open work.
const OPEN: (&str, &str) = ("wren@lighthouse.example", "Wren Abernathy");

const SENIOR_IDS: [&str; 4] = ["sr-design", "sr-review", "sr-deliver", "sr-mentor"];
const STAFF_IDS: [&str; 2] = ["st-direction", "st-grow"];

/// The raised bar: every statement must be rated "Role model".
const RAISED: &str = "\n[assessments.promotion]\nat_least = \"Role model\"\n";

/// Writes the ladder to `dir`; `toml_extra` is appended to rungs.toml and
/// `senior` replaces the Senior page.
fn write_ladder(dir: &Path, toml_extra: &str, senior: &str) {
    let eng = dir.join("tracks/eng");
    std::fs::create_dir_all(&eng).unwrap_or_else(|e| panic!("{e}"));
    for (file, text) in [
        (dir.join("rungs.toml"), format!("{TOML}{toml_extra}")),
        (eng.join("_index.md"), TRACK.to_string()),
        (eng.join("engineer.md"), ENGINEER.to_string()),
        (eng.join("senior.md"), senior.to_string()),
        (eng.join("staff.md"), STAFF.to_string()),
    ] {
        std::fs::write(&file, text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    }
}

/// The seeded data directory and the old ladder, made once for the tests
/// of this module (the server signs in ten people, which takes a while in
/// a debug build). Kept under cargo's temporary directory for the target,
/// and removed by a run an hour later ([`remove_stale`]).
struct Seeded {
    _root: tempfile::TempDir,
    old: PathBuf,
    data: PathBuf,
}

fn seeded() -> &'static Seeded {
    static SEEDED: OnceLock<Seeded> = OnceLock::new();
    SEEDED.get_or_init(seed)
}

fn json_of(r: &super::server::Response, what: &str) -> serde_json::Value {
    assert_eq!(r.status, 200, "{what}: {}", r.body);
    parse_json(&r.body)
}

fn int(v: &serde_json::Value, what: &str) -> i64 {
    v.as_i64()
        .unwrap_or_else(|| panic!("{what} is not a number: {v}"))
}

/// A JSON call with a session cookie and its CSRF token.
fn call(
    server: &Server,
    (cookie, csrf): &(String, String),
    method: &str,
    path: &str,
    body: &serde_json::Value,
) -> serde_json::Value {
    let r = request(
        &server.addr,
        method,
        path,
        &[
            ("Cookie", cookie),
            ("X-CSRF-Token", csrf),
            ("Content-Type", "application/json"),
        ],
        body.to_string().as_bytes(),
    );
    json_of(&r, &format!("{method} {path}"))
}

/// A password for `person`, through an administrator's reset link, and
/// their session.
fn session_of(server: &Server, admin: &(String, String), id: i64, email: &str) -> (String, String) {
    let r = request(
        &server.addr,
        "POST",
        &format!("/app/people/{id}/reset-link"),
        &[
            ("Cookie", &admin.0),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        format!("csrf={}", admin.1).as_bytes(),
    );
    assert_eq!(r.status, 200, "reset link for {email}: {}", r.body);
    // The link is HTML-escaped (`/` as `&#x2f;`): look for the token.
    let at = r
        .body
        .find("reset?token=")
        .unwrap_or_else(|| panic!("no reset link for {email} in {}", r.body));
    let token: String = r.body[at + 12..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    let r = request(
        &server.addr,
        "POST",
        "/app/reset",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        format!("token={token}&password=correct+horse+battery+staple").as_bytes(),
    );
    assert!(
        r.status == 200 || r.status == 303,
        "setting {email}'s password: {} {}",
        r.status,
        r.body
    );
    sign_in(server, email)
}

/// Removes the data directories earlier runs left: a static is never
/// dropped, so each run's stays behind. Only those older than an hour go
/// (a run of this binary in another process is younger).
fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let stale = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(3600));
        if stale
            && e.file_name()
                .to_string_lossy()
                .starts_with("rungs-impact-cli")
        {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

fn seed() -> Seeded {
    remove_stale(Path::new(env!("CARGO_TARGET_TMPDIR")));
    let root = tempfile::Builder::new()
        .prefix("rungs-impact-cli")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .unwrap_or_else(|e| panic!("{e}"));
    let old = root.path().join("old");
    write_ladder(&old, "", SENIOR);
    let data = root.path().join("data");
    let server = start(&[path(&old), "--data", path(&data)]);
    let ada = admin(&server);

    // The roster: everyone reports to Ada (the administrator, who assesses
    // them), placed at the level they are assessed against.
    let mut csv = String::from("email,name,manager email,track,level\n");
    for (email, name, level, _) in PEOPLE {
        csv.push_str(&format!("{email},{name},ada@example.org,eng,{level}\n"));
    }
    csv.push_str(&format!(
        "{},{},ada@example.org,eng,engineer\n",
        OPEN.0, OPEN.1
    ));
    let r = request(
        &server.addr,
        "POST",
        "/api/v1/roster",
        &[
            ("Cookie", &ada.0),
            ("X-CSRF-Token", &ada.1),
            ("Content-Type", "text/csv"),
        ],
        csv.as_bytes(),
    );
    assert_eq!(r.status, 200, "roster import: {}", r.body);
    let people = json_of(
        &request(
            &server.addr,
            "GET",
            "/api/v1/people",
            &[("Cookie", &ada.0)],
            b"",
        ),
        "people",
    );
    let id_of = |email: &str| -> i64 {
        people
            .as_array()
            .and_then(|all| all.iter().find(|p| p["email"] == email))
            .map(|p| int(&p["id"], "a person's id"))
            .unwrap_or_else(|| panic!("{email} was not imported: {people}"))
    };

    for (email, _, level, ratings) in PEOPLE {
        let person = id_of(email);
        let opened = call(
            &server,
            &ada,
            "POST",
            &format!("/api/v1/people/{person}/assessments"),
            &serde_json::json!({ "track": "eng", "level": level }),
        );
        let id = int(&opened["assessment"]["id"], "the assessment's id");
        let version = |v: &serde_json::Value| int(&v["assessment"]["version"], "version");
        let ids: &[&str] = if *level == "senior" {
            &SENIOR_IDS
        } else {
            &STAFF_IDS
        };
        let given: Vec<serde_json::Value> = ids
            .iter()
            .zip(ratings.iter())
            .map(|(s, r)| serde_json::json!({ "statement": s, "rating": r }))
            .collect();
        let rated = call(
            &server,
            &ada,
            "PUT",
            &format!("/api/v1/assessments/{id}/ratings"),
            &serde_json::json!({ "version": version(&opened), "ratings": given }),
        );
        let submitted = call(
            &server,
            &ada,
            "POST",
            &format!("/api/v1/assessments/{id}/step"),
            &serde_json::json!({ "step": "submit", "version": version(&rated) }),
        );
        // The person's own side: submitted as they left it (the rule reads
        // the manager's ratings only).
        let own = session_of(&server, &ada, person, email);
        let seen = json_of(
            &request(
                &server.addr,
                "GET",
                &format!("/api/v1/assessments/{id}"),
                &[("Cookie", &own.0)],
                b"",
            ),
            "the person's view",
        );
        assert_eq!(version(&seen), version(&submitted));
        let both = call(
            &server,
            &own,
            "POST",
            &format!("/api/v1/assessments/{id}/step"),
            &serde_json::json!({ "step": "submit", "version": version(&seen) }),
        );
        let shared = call(
            &server,
            &ada,
            "POST",
            &format!("/api/v1/assessments/{id}/step"),
            &serde_json::json!({ "step": "share", "version": version(&both) }),
        );
        assert_eq!(shared["state"], "shared", "{shared}");
    }
    // Open work: an Engineer's assessment, opened and not shared.
    call(
        &server,
        &ada,
        "POST",
        &format!("/api/v1/people/{}/assessments", id_of(OPEN.0)),
        &serde_json::json!({ "track": "eng", "level": "engineer" }),
    );
    drop(server);
    Seeded {
        _root: root,
        old,
        data,
    }
}

/// `rungs impact OLD NEW --data DIR ARGS…`, run in `cwd`.
fn impact(old: &Path, new: &Path, data: &Path, args: &[&str], cwd: &Path) -> Output {
    let mut all = vec!["impact", path(old), path(new), "--data", path(data)];
    all.extend_from_slice(args);
    rungs(&all, cwd)
}

/// A copy of the old ladder with `toml_extra` and another Senior page.
fn edited(dir: &Path, name: &str, toml_extra: &str, senior: &str) -> PathBuf {
    let at = dir.join(name);
    write_ladder(&at, toml_extra, senior);
    at
}

fn senior_level(json: &serde_json::Value) -> &serde_json::Value {
    json["impact"]["levels"]
        .as_array()
        .and_then(|l| l.iter().find(|l| l["level"] == "senior"))
        .unwrap_or_else(|| panic!("no Senior level in {json}"))
}

#[test]
fn raising_the_bar_counts_the_seniors_who_stop_being_ready() {
    let s = seeded();
    let dir = tmp();
    let new = edited(dir.path(), "new", RAISED, SENIOR);
    let o = impact(&s.old, &new, &s.data, &["--format", "json"], dir.path());
    // Without --exit-code, the verdict does not change the exit code.
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json = parse_json(&stdout(&o));
    let senior = &senior_level(&json)["figures"];
    assert_eq!(senior["assessed"], 6, "{json}");
    assert_eq!(senior["ready_before"], 5, "{json}");
    assert_eq!(senior["ready_after"], 2, "{json}");
    assert_eq!(senior["stop_being_ready"], 3, "{json}");
    assert_eq!(senior["become_ready"], 0, "{json}");
    let areas = senior["areas"]
        .as_array()
        .unwrap_or_else(|| panic!("no areas in {senior}"));
    let stops = |area: &str| {
        areas
            .iter()
            .find(|a| a["area"] == area)
            .map(|a| a["stops_meeting"].clone())
            .unwrap_or_else(|| panic!("no {area} in {senior}"))
    };
    assert_eq!(stops("craft"), 3, "{senior}");
    assert_eq!(stops("impact"), 1, "{senior}");
    let total = &json["impact"];
    assert_eq!(total["rule_changed"], true);
    // The Staff engineer who stops being ready is in a hidden group: not
    // in the total, and the level shows no figures.
    assert_eq!(total["stop_being_ready"], 3, "{json}");
    assert_eq!(total["hidden_levels"], 1, "{json}");
    let staff = total["levels"]
        .as_array()
        .and_then(|l| l.iter().find(|l| l["level"] == "staff"))
        .unwrap_or_else(|| panic!("no Staff level in {json}"));
    assert!(staff["figures"].is_null(), "{staff}");
    // A changed rule judges every level again: the Engineer's open
    // assessment is open work on a changed level.
    assert_eq!(total["open_assessments"], 1, "{json}");
    assert_eq!(json["verdict"]["pass"], false, "{json}");
}

#[test]
fn a_pure_rewording_changes_nobodys_readiness() {
    let s = seeded();
    let dir = tmp();
    let new = edited(
        dir.path(),
        "new",
        "",
        &SENIOR.replace("thoroughly and kindly", "carefully and with kindness"),
    );
    let o = impact(
        &s.old,
        &new,
        &s.data,
        &["--format", "json", "--exit-code"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let json = parse_json(&stdout(&o));
    let total = &json["impact"];
    assert_eq!(total["statements"]["reworded"], 1, "{json}");
    assert_eq!(total["statements"]["moved"], 0, "{json}");
    assert_eq!(total["statements"]["removed"], 0, "{json}");
    // The six Seniors' manager ratings of the statement follow it.
    assert_eq!(total["ratings"]["reworded"], 6, "{json}");
    assert_eq!(total["ratings"]["archived"], 0, "{json}");
    assert_eq!(total["rule_changed"], false);
    assert_eq!(total["become_ready"], 0);
    assert_eq!(total["stop_being_ready"], 0);
    let levels = total["levels"]
        .as_array()
        .unwrap_or_else(|| panic!("no levels in {json}"));
    assert_eq!(levels.len(), 1, "only Senior changed: {json}");
    let figures = &senior_level(&json)["figures"];
    assert_eq!(figures["ready_before"], 5, "{json}");
    assert_eq!(figures["ready_after"], 5, "{json}");
    assert_eq!(json["verdict"]["pass"], true);
    assert_eq!(json["verdict"]["over"], serde_json::json!([]));
    // The same in words.
    let o = impact(&s.old, &new, &s.data, &["--exit-code"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("within the [impact] limits"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn exit_code_fails_past_the_limits_unless_this_edit_allows_it() {
    let s = seeded();
    let dir = tmp();
    let over = edited(dir.path(), "over", RAISED, SENIOR);
    let o = impact(&s.old, &over, &s.data, &["--exit-code"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains(
            "over the limit: 3 (and more in levels too small to show) people stop being ready; [impact] allows 0"
        ),
        "{text}"
    );
    assert!(text.contains("add an `allow` note"), "{text}");
    // A CI log shows why the step failed even when the report went to a file.
    assert!(
        stderr(&o).contains("past the [impact] limits"),
        "{}",
        stderr(&o)
    );

    // A limit that the edit stays within.
    let loose = edited(
        dir.path(),
        "loose",
        &format!("{RAISED}\n[impact]\nstop_being_ready = 10\n"),
        SENIOR,
    );
    let o = impact(&s.old, &loose, &s.data, &["--exit-code"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));

    // An allow note of the edit's own.
    let note = "Senior's bar rises to Role model on purpose; agreed with HR";
    let allowed = edited(
        dir.path(),
        "allowed",
        &format!("{RAISED}\n[impact]\nallow = \"{note}\"\n"),
        SENIOR,
    );
    let o = impact(
        &s.old,
        &allowed,
        &s.data,
        &["--exit-code", "--format", "json"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let json = parse_json(&stdout(&o));
    assert_eq!(json["verdict"]["pass"], true, "{json}");
    assert_eq!(json["verdict"]["allowed_by"], note, "{json}");

    // The same note already in the old version is not this edit's reason.
    let old_with_note = edited(
        dir.path(),
        "old-with-note",
        &format!("\n[impact]\nallow = \"{note}\"\n"),
        SENIOR,
    );
    let o = impact(
        &old_with_note,
        &allowed,
        &s.data,
        &["--exit-code"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn markdown_names_no_one_and_shows_no_small_group() {
    let s = seeded();
    let dir = tmp();
    let new = edited(dir.path(), "new", RAISED, SENIOR);
    let o = impact(&s.old, &new, &s.data, &["--format", "markdown"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.contains("| Senior Engineer (Engineering) | "), "{md}");
    let everyone = PEOPLE.iter().map(|p| (p.0, p.1)).chain([OPEN]);
    for (email, name) in everyone {
        for needle in [email, name, name.split(' ').next().unwrap_or(name)] {
            assert!(!md.contains(needle), "{needle} in:\n{md}");
        }
    }
    // The Senior row has its figures; the Staff row (two people) none.
    let row = |title: &str| {
        md.lines()
            .find(|l| l.starts_with(&format!("| {title} ")))
            .unwrap_or_else(|| panic!("no row for {title} in:\n{md}"))
            .to_string()
    };
    assert_eq!(
        row("Senior Engineer (Engineering)"),
        "| Senior Engineer (Engineering) | 0 | 6 | 5 | 2 | 0 | 3 |"
    );
    assert_eq!(
        row("Staff Engineer (Engineering)"),
        "| Staff Engineer (Engineering) | 0 | fewer than 5 | | | | |"
    );
    // Areas only of levels shown; the total leaves the hidden group out.
    assert!(
        !md.lines()
            .any(|l| l.starts_with("| Staff Engineer") && l.contains("Craft")),
        "{md}"
    );
    assert!(
        md.contains(
            "**Readiness:** 0 become ready, 3 stop being ready (not counting 1 level with fewer than 5 people assessed)."
        ),
        "{md}"
    );
    assert!(!md.contains("4 people stop"), "{md}");
}

/// The files under `dir`, for "nothing was written".
fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p.clone());
            }
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn bad_inputs_name_the_problem_and_write_nothing() {
    let dir = tmp();
    let old = dir.path().join("old");
    write_ladder(&old, "", SENIOR);
    let new = edited(dir.path(), "new", RAISED, SENIOR);
    let before = listing(dir.path());
    let nowhere = dir.path().join("no-such-data");

    // A data directory that does not exist.
    let o = impact(&old, &new, &nowhere, &[], dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("no database at") && stderr(&o).contains("no-such-data"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));

    // A version that is neither a directory nor a revision.
    let o = rungs(
        &[
            "impact",
            "no-such-version",
            path(&new),
            "--data",
            path(&nowhere),
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("no-such-version"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));

    // Both --data and --database: which one is meant? Before, a database
    // that opened was read and the directory silently ignored.
    let seeded = seeded();
    let database = format!("sqlite:{}", path(&seeded.data.join("rungs.sqlite")));
    let o = impact(&old, &new, &nowhere, &["--database", &database], dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("--data") && err.contains("--database") && err.contains("cannot be used with"),
        "{err}"
    );
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));

    assert_eq!(listing(dir.path()), before, "a bad input wrote files");
}

#[test]
fn an_unknown_git_revision_is_named() {
    let dir = tmp();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap_or_else(|e| panic!("{e}"));
    let Some(git) = super::git_in(&repo) else {
        return;
    };
    let careers = repo.join("careers");
    write_ladder(&careers, "", SENIOR);
    let _ = git(&["add", "-A"]);
    let committed = git(&["commit", "-qm", "ladder"]).map(|o| o.status.success());
    assert!(matches!(committed, Ok(true)), "git commit: {committed:?}");
    let before = listing(dir.path());
    let data = dir.path().join("data");
    let o = rungs(
        &[
            "impact",
            "v9.9-does-not-exist",
            "HEAD",
            "--dir",
            path(&careers),
            "--data",
            path(&data),
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("v9.9-does-not-exist"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert_eq!(
        listing(dir.path()),
        before,
        "an unknown revision wrote files"
    );
}
