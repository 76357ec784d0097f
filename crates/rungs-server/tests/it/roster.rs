//! HR exports imported as they are: the sample exports in `tests/data/roster`
//! (invented people, each system's own headings and date formats), read
//! without a mapping on both databases; their broken variants refused whole
//! with every problem once, by spreadsheet row and the file's own column.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::Value;

use crate::support::*;

fn sample(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/roster/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Posts raw bytes to the roster API (exports are not always UTF-8).
async fn post_roster(client: &mut Client, query: &str, bytes: Vec<u8>) -> Response {
    let request = Request::post(format!("/api/v1/roster{query}"))
        .header(header::CONTENT_TYPE, "text/csv")
        .header("x-csrf-token", client.csrf.clone())
        .body(Body::from(bytes))
        .expect("request");
    client.send(request).await
}

async fn people(client: &mut Client) -> Vec<Value> {
    client
        .get("/api/v1/people")
        .await
        .json()
        .as_array()
        .expect("a list of people")
        .clone()
}

fn by_email<'a>(people: &'a [Value], email: &str) -> &'a Value {
    people
        .iter()
        .find(|p| p["email"] == email)
        .unwrap_or_else(|| panic!("{email} was not imported"))
}

/// `(row, column, message)` of each problem, in order.
fn problems(outcome: &Value) -> Vec<(u64, String, String)> {
    outcome["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                p["line"].as_u64().unwrap_or(0),
                p["column"].as_str().unwrap_or("").to_string(),
                p["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

const DOMAIN: &str = "loomworks.example";

fn at(name: &str) -> String {
    format!("{name}@{DOMAIN}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_hr_systems_export_imports_without_a_mapping() {
    // File, system, how it is encoded, Benjamin Carter's display name there.
    let exports = [
        (
            "bamboohr.csv",
            "BambooHR",
            "UTF-8 with a byte-order mark",
            "Ben",
        ),
        ("hibob.csv", "HiBob", "UTF-8", "Ben Carter"),
        (
            "personio.csv",
            "Personio",
            "Windows-1252 (not UTF-8)",
            "Ben",
        ),
        (
            "workday.csv",
            "Workday",
            "UTF-8 with a byte-order mark",
            "Ben",
        ),
        ("rippling.csv", "Rippling", "UTF-8", "Ben"),
    ];
    for (file, system, encoding, ben) in exports {
        for backend in backends(&format!("roster_{}", system.to_lowercase())).await {
            let (app, token) = start(backend.store.clone(), config()).await;
            let mut admin = admin(&app, &token).await;
            let what = format!("{file} on {}", backend.name);
            let r = post_roster(&mut admin, "", sample(file)).await;
            assert_eq!(r.status, StatusCode::OK, "{what}: {}", r.body);
            let outcome = r.json();
            assert_eq!(outcome["applied"], true, "{what}");
            assert_eq!(
                outcome["plan"]["creates"].as_array().map(Vec::len),
                Some(40),
                "{what}"
            );
            assert_eq!(outcome["reading"]["system"], system, "{what}");
            assert_eq!(outcome["reading"]["encoding"], encoding, "{what}");
            let all = people(&mut admin).await;
            assert_eq!(all.len(), 41, "{what}: the administrator and 40 people");
            // A preferred name is shown beside the legal name, never instead.
            let carter = by_email(&all, &at("benjamin.carter"));
            assert_eq!(carter["name"], "Benjamin Carter", "{what}");
            assert_eq!(carter["display_name"], ben, "{what}");
            assert_eq!(carter["start_date"], "2015-03-15", "{what}");
            // Unicode names, whatever the file's encoding.
            assert_eq!(
                by_email(&all, &at("jurgen.baumgartner"))["name"],
                "Jürgen Baumgärtner",
                "{what}"
            );
            assert_eq!(
                by_email(&all, &at("chloe.lefevre"))["name"],
                "Chloé Lefèvre",
                "{what}"
            );
            // Leavers are inactive; "Full-Time" or "onboarding" is not leaving.
            assert_eq!(
                by_email(&all, &at("yasmin.elamin"))["active"],
                false,
                "{what}"
            );
            assert_eq!(
                by_email(&all, &at("nils.ekstrom"))["active"],
                false,
                "{what}"
            );
            assert_eq!(
                by_email(&all, &at("jonah.whitfield"))["active"],
                true,
                "{what}"
            );
            assert_eq!(
                by_email(&all, &at("kwame.asante"))["active"],
                true,
                "{what}"
            );
            // Managers named after their reports are found, by name or email.
            let ingrid = by_email(&all, &at("ingrid.halvorsen"))["id"].clone();
            assert_eq!(
                by_email(&all, &at("mateus.oliveira"))["manager_id"],
                ingrid,
                "{what}"
            );
            let maggie = by_email(&all, &at("marguerite.okonkwohale"))["id"].clone();
            assert_eq!(
                by_email(&all, &at("priya.raghunathan"))["manager_id"],
                maggie,
                "{what}"
            );
            assert_eq!(
                by_email(&all, &at("marguerite.okonkwohale"))["manager_id"],
                Value::Null,
                "{what}"
            );
            // Importing the same export again changes nothing.
            let again = post_roster(&mut admin, "", sample(file)).await.json();
            assert_eq!(again["plan"]["unchanged"], 40, "{what}: {again}");
            assert_eq!(
                again["plan"]["updates"].as_array().map(Vec::len),
                Some(0),
                "{what}: {again}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_status_column_wins_over_the_employment_type() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    let r = post_roster(&mut admin, "?dry_run=true", sample("bamboohr.csv")).await;
    let outcome = r.json();
    let columns = outcome["reading"]["columns"]
        .as_array()
        .expect("columns")
        .clone();
    let column_of = |field: &str| {
        columns
            .iter()
            .find(|c| c["field"] == field)
            .map(|c| c["column"].clone())
            .unwrap_or(Value::Null)
    };
    assert_eq!(column_of("active"), "Status");
    assert_eq!(column_of("first_name"), "First Name");
    assert_eq!(column_of("display_name"), "Preferred Name");
    assert_eq!(column_of("manager_email"), "Reports To");
    assert_eq!(column_of("employee_number"), "Employee #");
    assert_eq!(
        column_of("name"),
        Value::Null,
        "first and last name are enough"
    );
    assert!(
        outcome["reading"]["notes"]
            .to_string()
            .contains("Employment Status"),
        "{outcome}"
    );
    // Even when "Employment Status" comes first in the file.
    let swapped = "Work Email,First Name,Last Name,Employment Status,Status\n\
        a@example.org,Ann,Aho,Full-Time,Active\n\
        b@example.org,Ben,Berg,Part-Time,Terminated\n";
    let r = post_roster(&mut admin, "", swapped.as_bytes().to_vec()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let all = people(&mut admin).await;
    assert_eq!(by_email(&all, "a@example.org")["active"], true);
    assert_eq!(by_email(&all, "b@example.org")["active"], false);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_export_is_refused_with_every_problem_once() {
    for backend in backends("roster_invalid").await {
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let r = post_roster(&mut admin, "", sample("bamboohr-invalid.csv")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let expected: Vec<(u64, String, String)> = [
            (4, "Work Email", "`ravi.menon(at)loomworks.example` is not an email address"),
            (5, "Reports To", "no one in this file or already in rungs has the email, employee number or name `Pat Nobody`"),
            (21, "Reports To", "`Alex Kim` could be 2 people: Alex Kim <akim@loomworks.example> (row 24), Alex Kim <alex.kim@loomworks.example> (row 9); name the manager by email or employee number"),
            (25, "Work Email", "kwame.asante@loomworks.example is also on row 13"),
            (28, "Hire Date", "`2/30/2019` is not a date: February 2019 has no day 30"),
            (40, "Status", "`Furloughed` does not say whether they work here (active or terminated)"),
        ]
        .into_iter()
        .map(|(row, column, message)| (row, column.to_string(), message.to_string()))
        .collect();
        assert_eq!(problems(&r.json()), expected, "on {}", backend.name);
        assert_eq!(
            people(&mut admin).await.len(),
            1,
            "nothing written on {}",
            backend.name
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ambiguous_dates_ask_for_the_format_once() {
    for backend in backends("roster_dates").await {
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let r = post_roster(&mut admin, "", sample("hibob-ambiguous-dates.csv")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert_eq!(
            problems(&r.json()),
            vec![(
                2,
                "Start date".to_string(),
                "`12/03/2023` could be day first or month first, and no date in the file settles it: \
                 choose the date format (month first, as in the US, or day first)"
                    .to_string()
            )]
        );
        assert_eq!(people(&mut admin).await.len(), 1);
        let r = post_roster(
            &mut admin,
            "?date_format=day_first",
            sample("hibob-ambiguous-dates.csv"),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let all = people(&mut admin).await;
        assert_eq!(
            by_email(&all, &at("ravi.menon"))["start_date"],
            "2023-03-12"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn managers_by_number_and_already_known_and_rows_as_a_spreadsheet_counts_them() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    let first = "Employee ID,Name,Email,Manager ID\n\
        7,Uma Ruiz,uma@example.org,\n";
    assert_eq!(
        post_roster(&mut admin, "", first.as_bytes().to_vec())
            .await
            .status,
        StatusCode::OK
    );
    // Uma is already in rungs: named by number or name in a later file.
    let second = "Employee ID,Name,Email,Manager ID\n\
        8,Vic Hale,vic@example.org,7\n\
        9,Wen Ito,wen@example.org,Uma Ruiz\n";
    let r = post_roster(&mut admin, "", second.as_bytes().to_vec()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let all = people(&mut admin).await;
    let uma = by_email(&all, "uma@example.org")["id"].clone();
    assert_eq!(by_email(&all, "vic@example.org")["manager_id"], uma);
    assert_eq!(by_email(&all, "wen@example.org")["manager_id"], uma);
    // A byte-order mark, CRLF and a cell over two lines: the bad row is
    // row 4 of the spreadsheet, as the header is row 1.
    let bytes = "\u{feff}Email,Name,Team\r\n\
        a@example.org,Ann Aho,Core\r\n\
        b@example.org,Ben Berg,\"Core\r\nand Web\"\r\n\
        not-an-email,Cy Cole,Core\r\n";
    let r = post_roster(&mut admin, "", bytes.as_bytes().to_vec()).await;
    assert_eq!(
        problems(&r.json()),
        vec![(
            4,
            "Email".to_string(),
            "`not-an-email` is not an email address".to_string()
        )]
    );
    // Broken UTF-8 is reported, not guessed at.
    let broken = b"\xEF\xBB\xBFEmail,Name\nzoe@example.org,Zo\xC3\n".to_vec();
    let r = post_roster(&mut admin, "", broken).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("not readable"), "{}", r.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_upload_page_shows_the_mapping_and_keeps_the_file_between_runs() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    admin.get("/app/roster").await;
    let file = String::from_utf8(sample("rippling.csv")).expect("UTF-8");
    let r = admin
        .post_multipart("/app/roster", &[("dry_run", "true")], &file)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(
        r.body
            .contains("Looks like a <strong>Rippling</strong> export"),
        "{}",
        r.body
    );
    // Each field with a dropdown of the file's headings and the first person's cell.
    assert!(r.body.contains("name=\"map_manager_email\""), "{}", r.body);
    assert!(
        r.body.contains("<option value=\"Manager email\" selected>"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("<td>jonah.whitfield@loomworks.example</td>"),
        "{}",
        r.body
    );
    assert!(r.body.contains("Dry run"), "{}", r.body);
    assert_eq!(people(&mut admin).await.len(), 1);
    // The page sends the file back: the next run needs no new upload, and
    // keeps a changed choice (no team column).
    let kept = r
        .body
        .split("name=\"kept\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the upload is kept")
        .to_string();
    let r = admin
        .post_multipart(
            "/app/roster",
            &[
                ("kept", &kept),
                ("kept_name", "rippling.csv"),
                ("map_team", "-"),
                ("dry_run", "true"),
            ],
            "",
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(
        r.body.contains("Using <strong>rippling.csv</strong>"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("<option value=\"-\" selected>(not used)</option>"),
        "the choice is kept: {}",
        r.body
    );
    let r = admin
        .post_multipart("/app/roster", &[("kept", &kept), ("map_team", "-")], "")
        .await;
    assert!(r.body.contains("Imported"), "{}", r.body);
    let all = people(&mut admin).await;
    assert_eq!(all.len(), 41);
    assert_eq!(
        by_email(&all, &at("mei.lin"))["team"],
        Value::Null,
        "the team column was left out"
    );
    // A refused file shows its problems with the file's column names.
    let broken = String::from_utf8(sample("bamboohr-invalid.csv")).expect("UTF-8");
    let r = admin
        .post_multipart("/app/roster", &[("dry_run", "true")], &broken)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("6 problem(s)"), "{}", r.body);
    assert!(
        r.body.contains("<td>28</td><td>Hire Date</td>"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("name=\"kept\""),
        "a refused file is kept too"
    );
}

/// A roster larger than one statement's worth of rows (people and audit
/// entries are written a few hundred at a time): everyone is created with
/// their team and manager, including managers who come later in the file
/// and in another batch, the chain of audit entries still verifies, and a
/// second import that moves people between managers changes just them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_roster_of_many_batches_imports_whole_and_audited() {
    const PEOPLE: usize = 1_234;
    // The last ten people lead and everyone else reports to one of them:
    // most managers come in a later batch than their reports.
    let lead = |i: usize| PEOPLE - 10 + i % 10;
    let roster = |moved: &dyn Fn(usize) -> bool| {
        let mut csv = String::from("Work Email,First Name,Last Name,Department,Manager Email\n");
        for i in 0..PEOPLE {
            let manager = if i >= PEOPLE - 10 {
                String::new()
            } else if moved(i) {
                format!("p{}@batch.example", lead(i + 1))
            } else {
                format!("p{}@batch.example", lead(i))
            };
            csv.push_str(&format!(
                "p{i}@batch.example,Pat,Number {i},Team {},{manager}\n",
                i % 37
            ));
        }
        csv.into_bytes()
    };
    for backend in backends("roster_batches").await {
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let what = backend.name;
        let entries_before = admin.get("/api/v1/audit/verify").await.json()["entries"]
            .as_i64()
            .unwrap_or(-1);

        let r = post_roster(&mut admin, "", roster(&|_| false)).await;
        assert_eq!(r.status, StatusCode::OK, "{what}: {}", r.body);
        let outcome = r.json();
        assert_eq!(
            outcome["plan"]["creates"].as_array().map(Vec::len),
            Some(PEOPLE),
            "{what}"
        );

        let all = people(&mut admin).await;
        let id_of = |people: &[Value], i: usize| {
            by_email(people, &format!("p{i}@batch.example"))["id"].clone()
        };
        for i in [0, 1, 499, 500, 501, 999, 1000, PEOPLE - 11, PEOPLE - 1] {
            let p = by_email(&all, &format!("p{i}@batch.example"));
            assert_eq!(p["name"], format!("Pat Number {i}"), "{what}: {p}");
            assert_eq!(p["team"], format!("Team {}", i % 37), "{what}: {p}");
            let expected = if i >= PEOPLE - 10 {
                Value::Null
            } else {
                id_of(&all, lead(i))
            };
            assert_eq!(p["manager_id"], expected, "{what}: person {i}: {p}");
        }
        let verify = admin.get("/api/v1/audit/verify").await.json();
        assert_eq!(verify["problem"], Value::Null, "{what}: {verify}");
        let entries = verify["entries"].as_i64().unwrap_or(-1);
        assert_eq!(
            entries - entries_before,
            PEOPLE as i64,
            "{what}: one entry per person created"
        );

        // Every seventh person moves to the next lead; nobody else changes.
        let moved = |i: usize| i.is_multiple_of(7) && i < PEOPLE - 10 && lead(i) != lead(i + 1);
        let r = post_roster(&mut admin, "", roster(&moved)).await;
        assert_eq!(r.status, StatusCode::OK, "{what}: {}", r.body);
        let outcome = r.json();
        let expected = (0..PEOPLE).filter(|&i| moved(i)).count();
        let updates = outcome["plan"]["updates"]
            .as_array()
            .cloned()
            .unwrap_or_else(|| panic!("{what}: no list of updates in {outcome}"));
        assert_eq!(updates.len(), expected, "{what}: {outcome}");
        assert!(
            updates
                .iter()
                .all(|u| u["fields"] == serde_json::json!(["manager"])),
            "{what}"
        );
        let all = people(&mut admin).await;
        let p7 = by_email(&all, "p7@batch.example");
        assert_eq!(p7["manager_id"], id_of(&all, lead(8)), "{what}: {p7}");
        let verify = admin.get("/api/v1/audit/verify").await.json();
        assert_eq!(verify["problem"], Value::Null, "{what}: {verify}");
        assert_eq!(
            verify["entries"].as_i64().unwrap_or(-1) - entries,
            expected as i64,
            "{what}"
        );
    }
}
