//! Bad input gets a clear error and changes nothing.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::*;

async fn people_count(admin: &mut Client) -> usize {
    admin
        .get("/api/v1/people")
        .await
        .json()
        .as_array()
        .expect("a list of people")
        .len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_rosters_are_refused_whole_with_lines() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    let header = "email,name,job title,manager email,start date\n";
    let cases: &[(&str, String, &[&str])] = &[
        (
            "a bad email",
            format!("{header}ok@example.org,Ok,,,\nnot-an-email,Bad,,,\n"),
            &["line 3", "not an email"],
        ),
        (
            "an unknown manager",
            format!("{header}a@example.org,A,,ghost@example.org,\n"),
            &["line 2", "ghost@example.org"],
        ),
        (
            "a duplicate",
            format!("{header}a@example.org,A,,,\nA@example.org,B,,,\n"),
            &["line 3", "also on row 2"],
        ),
        (
            "a bad date",
            format!("{header}a@example.org,A,,,2023-02-30\n"),
            &["line 2", "2023-02-30"],
        ),
        (
            "a ragged row",
            format!("{header}a@example.org,A\n"),
            &["line 2", "CSV"],
        ),
        (
            "a circle",
            format!("{header}a@example.org,A,,b@example.org,\nb@example.org,B,,a@example.org,\n"),
            &["circle"],
        ),
        (
            "no email column",
            "name,title\nA,B\n".to_string(),
            &["line 1", "no email column"],
        ),
        ("no rows", header.to_string(), &["no people"]),
    ];
    for (what, csv, expected) in cases {
        let r = admin.post_csv("/api/v1/roster", csv).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{what}: {}",
            r.body
        );
        let text = r.json()["problems"]
            .as_array()
            .expect("problems")
            .iter()
            .map(|p| format!("line {} {} {}", p["line"], p["column"], p["message"]))
            .collect::<Vec<_>>()
            .join("\n");
        for e in *expected {
            assert!(text.contains(e), "{what}: expected {e:?} in\n{text}");
        }
        assert_eq!(
            people_count(&mut admin).await,
            1,
            "{what}: nothing may be written"
        );
    }
    // Not UTF-8 (a Latin-1 export): read as Windows-1252, as spreadsheets
    // on Windows save it.
    let latin1: Vec<u8> = b"email,name\nzoe@example.org,Zo\xe9\n".to_vec();
    let r = admin
        .send(
            axum::http::Request::post("/api/v1/roster?dry_run=true")
                .header("x-csrf-token", admin.csrf.clone())
                .body(axum::body::Body::from(latin1))
                .expect("request"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["plan"]["creates"][0]["name"], "Zoé", "{}", r.body);
    assert_eq!(r.json()["reading"]["encoding"], "Windows-1252 (not UTF-8)");
    // Too large.
    let huge = "x".repeat(21 * 1024 * 1024);
    let r = admin.post_csv("/api/v1/roster", &huge).await;
    assert_eq!(
        r.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        &r.body[..r.body.len().min(200)]
    );
    assert_eq!(people_count(&mut admin).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_requests_change_nothing() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    let form = [
        ("name", "Eve"),
        ("email", "eve@example.org"),
        ("role", "admin"),
    ];
    // No token, a wrong token, another site's origin.
    let none = admin.post_form_raw("/app/people", &form).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.body.contains("CSRF"));
    let mut wrong: Vec<(&str, &str)> = form.to_vec();
    wrong.push(("csrf", "0000"));
    assert_eq!(
        admin.post_form_raw("/app/people", &wrong).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let mut right: Vec<(&str, &str)> = form.to_vec();
    let csrf = admin.csrf.clone();
    right.push(("csrf", &csrf));
    let cross = admin
        .send(
            axum::http::Request::post("/app/people")
                .header("content-type", "application/x-www-form-urlencoded")
                .header("origin", "https://evil.example")
                .header("sec-fetch-site", "cross-site")
                .body(axum::body::Body::from(
                    serde_urlencoded::to_string(&right).expect("form"),
                ))
                .expect("request"),
        )
        .await;
    assert_eq!(
        cross.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        cross.body
    );
    assert_eq!(people_count(&mut admin).await, 1);
    // The same form with the token from the page works.
    let ok = admin.post_form("/app/people", &form).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    assert_eq!(people_count(&mut admin).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_edits_conflict_instead_of_overwriting() {
    for backend in backends("concurrent").await {
        let on = backend.name;
        let (_app, mut admin) = organisation(backend.store.clone()).await;
        let bo = id_of(&mut admin, "bo@example.org").await;
        for round in 0..5 {
            // Two editors open Bo's record at the same version and save at
            // the same moment, each on a task of its own.
            let version =
                admin.get(&format!("/api/v1/people/{bo}")).await.json()["person"]["version"]
                    .clone();
            let saves = ["Engineer II", "Engineer III"].map(|title| {
                let mut editor = admin.clone();
                let fields = json!({"version": version, "email": "bo@example.org", "name": "Bo Chen", "job_title": title});
                tokio::spawn(async move {
                    let r = editor
                        .json("PUT", &format!("/api/v1/people/{bo}"), fields)
                        .await;
                    (title, r)
                })
            });
            let mut won = Vec::new();
            for save in saves {
                let (title, r) = save.await.expect("the editor's task");
                match r.status {
                    StatusCode::OK => won.push(title),
                    StatusCode::CONFLICT => assert!(
                        r.json()["error"]
                            .as_str()
                            .expect("an error")
                            .contains("changed by someone else"),
                        "{}",
                        r.body
                    ),
                    other => panic!("{other} on {on}: {}", r.body),
                }
            }
            assert_eq!(
                won.len(),
                1,
                "round {round} on {on}: exactly one edit stands"
            );
            let now = admin.get(&format!("/api/v1/people/{bo}")).await.json();
            assert_eq!(
                now["person"]["job_title"], won[0],
                "round {round} on {on}: the edit that was accepted is the one stored"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_is_rate_limited_and_says_nothing_about_accounts() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    let _admin = admin(&app, &token).await;
    let mut guesser = Client::new(&app);
    for _ in 0..5 {
        let r = guesser
            .post_form_raw(
                "/app/login",
                &[
                    ("email", "ada@example.org"),
                    ("password", "wrong password!"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(r.body.contains("do not match an active account"));
    }
    let blocked = guesser
        .post_form_raw(
            "/app/login",
            &[("email", "ada@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        blocked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    // Others behind the same address (an office) still sign in, many times.
    let mut admin_again = Client::new(&app);
    admin_again.cookie = _admin.cookie.clone();
    admin_again.get("/app").await;
    admin_again.post_csv("/api/v1/roster", ROSTER).await;
    for _ in 0..3 {
        person_client(&app, &mut admin_again, "bo@example.org").await;
        person_client(&app, &mut admin_again, "cy@example.org").await;
    }
    let fresh = sqlite().await;
    let (other, _) = start(fresh.store.clone(), config()).await;
    let unknown = Client::new(&other)
        .post_form_raw(
            "/app/login",
            &[
                ("email", "nobody@example.org"),
                ("password", "whatever it is"),
            ],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert!(
        unknown.body.contains("do not match an active account"),
        "the same words for an unknown email"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_framework_with_errors_is_refused_and_the_old_one_keeps_serving() {
    let dir = tempfile::tempdir().expect("dir");
    rungs_core::SourceSet::example()
        .write_to(dir.path())
        .expect("write example");
    let mut config = config();
    config.framework.root = Some(dir.path().to_path_buf());
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config).await;
    let mut admin = admin(&app, &token).await;
    admin.post_csv("/api/v1/roster", ROSTER).await;
    let ari = id_of(&mut admin, "ari@example.org").await;
    let placed = admin
        .json(
            "POST",
            &format!("/api/v1/people/{ari}/placements"),
            json!({"track": "engineering", "level": "distinguished", "reason": "hire"}),
        )
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    let before = admin.get("/app/framework").await;
    // Break the framework: the reload is refused with file:line:col.
    let senior = dir.path().join("tracks/engineering/senior.md");
    let text = std::fs::read_to_string(&senior).expect("read");
    std::fs::write(&senior, text.replacen("rank: 3", "rank: three", 1)).expect("write");
    let refused = admin
        .json("POST", "/api/v1/framework/reload", json!({}))
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    let errors = refused.json()["errors"].to_string();
    assert!(errors.contains("senior.md:"), "{errors}");
    assert_eq!(
        admin.get("/tracks/engineering/senior.html").await.status,
        StatusCode::OK,
        "the old ladder still serves"
    );
    // Fixed, and with the distinguished level removed: the reload takes, and the
    // placement on the removed level is flagged.
    std::fs::write(&senior, text).expect("write");
    std::fs::remove_file(dir.path().join("tracks/engineering/distinguished.md")).expect("remove");
    let reloaded = admin
        .json("POST", "/api/v1/framework/reload", json!({}))
        .await;
    assert_eq!(reloaded.status, StatusCode::OK, "{}", reloaded.body);
    let revision = reloaded.json()["revision"]
        .as_str()
        .expect("a revision")
        .to_string();
    assert!(
        revision.starts_with("sha256:"),
        "outside git the revision is a content hash: {revision}"
    );
    assert!(!before.body.contains(&revision), "a new revision");
    let placements = admin
        .get(&format!("/api/v1/people/{ari}/placements"))
        .await
        .json();
    assert_eq!(placements[0]["needs_review"], true, "{placements}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_upload_page_maps_columns_and_a_dry_run_writes_nothing() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    admin.get("/app/roster").await;
    let csv = "Mail,Who,Boss\nkim@example.org,Kim Lee,\nlou@example.org,Lou Diaz,kim@example.org\n";
    let mapping = [
        ("map_email", "Mail"),
        ("map_name", "Who"),
        ("map_manager_email", "Boss"),
    ];
    let mut dry: Vec<(&str, &str)> = mapping.to_vec();
    dry.push(("dry_run", "true"));
    let r = admin.post_multipart("/app/roster", &dry, csv).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(
        r.body.contains("Dry run") && r.body.contains("2 to add"),
        "{}",
        r.body
    );
    assert_eq!(people_count(&mut admin).await, 1);
    let r = admin.post_multipart("/app/roster", &mapping, csv).await;
    assert!(r.body.contains("Imported"), "{}", r.body);
    assert_eq!(people_count(&mut admin).await, 3);
    let lou = id_of(&mut admin, "lou@example.org").await;
    let kim = id_of(&mut admin, "kim@example.org").await;
    assert_eq!(
        admin.get(&format!("/api/v1/people/{lou}")).await.json()["person"]["manager_id"],
        kim
    );
    // Without the mapping, "Who" means nothing ("Mail" is a known heading):
    // refused, with why.
    let r = admin.post_multipart("/app/roster", &[], csv).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("no name column"), "{}", r.body);
    // A mapping to a column the file does not have.
    let r = admin
        .post_multipart("/app/roster", &[("map_email", "E-post")], csv)
        .await;
    assert!(r.body.contains("no column `E-post`"), "{}", r.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hr_cannot_reach_administrators_and_tokens_cannot_multiply() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    admin.post_csv("/api/v1/roster", ROSTER).await;
    let dee = id_of(&mut admin, "dee@example.org").await;
    let ada = id_of(&mut admin, "ada@example.org").await;
    let version =
        admin.get(&format!("/api/v1/people/{dee}")).await.json()["person"]["version"].clone();
    let made_hr = admin
        .json("PUT", &format!("/api/v1/people/{dee}"), json!({"version": version, "name": "Dee Park", "email": "dee@example.org", "role": "hr"}))
        .await;
    assert_eq!(made_hr.status, StatusCode::OK, "{}", made_hr.body);
    let mut hr = person_client(&app, &mut admin, "dee@example.org").await;
    // HR cannot edit an administrator (taking their email would take their
    // account), on the page or through a roster.
    let version =
        hr.get(&format!("/api/v1/people/{ada}")).await.json()["person"]["version"].clone();
    let edit = hr
        .json("PUT", &format!("/api/v1/people/{ada}"), json!({"version": version, "name": "Ada Admin", "email": "dee-alt@example.org", "role": "admin"}))
        .await;
    assert_eq!(edit.status, StatusCode::FORBIDDEN, "{}", edit.body);
    let roster = hr
        .post_csv(
            "/api/v1/roster",
            "email,name,active\nada@example.org,Ada Admin,no\n",
        )
        .await;
    assert_eq!(
        roster.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        roster.body
    );
    assert!(
        roster.body.contains("only an administrator"),
        "{}",
        roster.body
    );
    // Nor can an administrator's roster leave nobody to administer.
    let alone = admin
        .post_csv(
            "/api/v1/roster",
            "email,name,active\nada@example.org,Ada Admin,no\n",
        )
        .await;
    assert_eq!(alone.status, StatusCode::CONFLICT, "{}", alone.body);
    assert_eq!(
        admin.get("/api/v1/me").await.status,
        StatusCode::OK,
        "still an active administrator"
    );
    // HR does not confirm their own level.
    let rollout = admin.open_rollout("New ladder").await;
    let proposed = hr
        .json(
            "POST",
            &format!("/api/v1/rollouts/{rollout}/people/{dee}/propose"),
            json!({"version": 1, "level": "engineering-management/manager"}),
        )
        .await;
    assert_eq!(proposed.status, StatusCode::OK, "{}", proposed.body);
    let own = hr
        .json(
            "POST",
            &format!("/api/v1/rollouts/{rollout}/people/{dee}/confirm"),
            json!({"version": 2}),
        )
        .await;
    assert_eq!(own.status, StatusCode::FORBIDDEN, "{}", own.body);
    // An employee sees who their manager is, not the manager's record.
    let mut bo = person_client(&app, &mut admin, "bo@example.org").await;
    let me = bo.get("/api/v1/me").await.json();
    let manager = me["manager"].as_object().expect("manager");
    assert_eq!(
        manager.keys().collect::<Vec<_>>(),
        vec!["email", "id", "name"],
        "{me}"
    );
    // A token cannot make tokens, and a new password revokes the old ones.
    let made = bo
        .post_form("/app/tokens", &[("name", "script"), ("scope", "write")])
        .await;
    let secret = made
        .body
        .split("<code class=\"app-secret\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("secret");
    let mut script = Client::new(&app);
    script.bearer = Some(secret.to_string());
    assert_eq!(
        script
            .post_form_raw("/app/tokens", &[("name", "more"), ("scope", "write")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(script.get("/api/v1/me").await.status, StatusCode::OK);
    person_client(&app, &mut admin, "bo@example.org").await;
    assert_eq!(
        script.get("/api/v1/me").await.status,
        StatusCode::UNAUTHORIZED,
        "the reset revoked the token"
    );
}
