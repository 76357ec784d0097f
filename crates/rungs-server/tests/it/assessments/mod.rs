//! Assessments, on every database: self-assessment → manager assessment →
//! shared view with disagreements → acknowledgment → a new version; the
//! offline sheet; growth plans and 1-on-1 notes; the team heatmap, HR's
//! aggregates and cycles. Then a ladder edited in git between two
//! assessments: ratings carried, reworded, moved, split, archived, and new
//! statements unrated, across a reload and across a restart.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn assessment_story() {
    for backend in backends("assess").await {
        eprintln!("assessment story on {}", backend.name);
        story(backend).await;
    }
}

async fn place(admin: &mut Client, id: i64, level: &str, from: &str) {
    let r = admin
        .json(
            "POST",
            &format!("/api/v1/people/{id}/placements"),
            json!({"track": "engineering", "level": level, "from_date": from, "reason": "hire", "note": ""}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

/// Every statement id of the assessment, in page order.
fn statements(view: &Value) -> Vec<String> {
    rows(view)
        .iter()
        .map(|r| r["statement_id"].as_str().expect("id").to_string())
        .collect()
}

/// Every row of the assessment (one per statement): never none, so an
/// assertion over all of them says something.
fn rows(view: &Value) -> Vec<Value> {
    let rows: Vec<Value> = view["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .flat_map(|a| a["rows"].as_array().expect("rows").iter().cloned())
        .collect();
    assert!(!rows.is_empty(), "an assessment with no statements: {view}");
    rows
}

// A step with text, as `support` takes it; the tests here call it `step`.
use crate::support::assessment_step_with as step;

async fn story(backend: Backend) {
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    assert_eq!(
        admin.post_csv("/api/v1/roster", ROSTER).await.status,
        StatusCode::OK
    );
    let bo = id_of(&mut admin, "bo@example.org").await;
    let ari = id_of(&mut admin, "ari@example.org").await;
    place(&mut admin, bo, "engineer", "2023-01-09").await;
    place(&mut admin, ari, "senior", "2021-06-15").await;
    let mut bo_c = person_client(&app, &mut admin, "bo@example.org").await;
    let mut mara = person_client(&app, &mut admin, "mara@example.org").await;
    let mut ari_c = person_client(&app, &mut admin, "ari@example.org").await;
    let mut dee = person_client(&app, &mut admin, "dee@example.org").await;

    // Bo opens a self-assessment against the next level from his growth page.
    let growth = bo_c.get(&format!("/app/people/{bo}/growth")).await;
    assert_eq!(growth.status, StatusCode::OK, "{}", growth.body);
    assert!(
        growth.body.contains("Next level: Senior Engineer"),
        "{}",
        growth.body
    );
    let opened = bo_c
        .post_form(
            &format!("/app/people/{bo}/assessments"),
            &[("level", "engineering/senior")],
        )
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let id: i64 = opened
        .location
        .as_deref()
        .and_then(|l| l.rsplit('/').next())
        .and_then(|s| s.parse().ok())
        .expect("redirect to the assessment");
    let view = bo_c.get(&format!("/api/v1/assessments/{id}")).await.json();
    assert_eq!(view["seat"], "person");
    assert_eq!(view["state"], "draft");
    assert_eq!(view["can"]["edit"], true);
    assert_eq!(view["sees_manager"], false);
    let ids = statements(&view);
    assert!(ids.len() >= 8, "{ids:?}");
    let version = view["assessment"]["version"].as_i64().expect("version");

    // Ratings must be on the scale and of the level; nothing is saved otherwise.
    let bad = bo_c
        .json(
            "PUT",
            &format!("/api/v1/assessments/{id}/ratings"),
            json!({"version": version, "ratings": [
                {"statement": ids[0], "rating": "great"},
                {"statement": "not-a-statement", "rating": "Sometimes"}
            ]}),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("`great` is not a rating"), "{}", bad.body);
    assert!(
        bad.body.contains("`not-a-statement` is not a statement"),
        "{}",
        bad.body
    );

    // Saving what is already there (an unrated statement left unrated, as
    // the page's form sends for every row) changes nothing: no new version,
    // no audit entry.
    let audit_before = admin.get("/api/v1/audit/verify").await.json()["entries"]
        .as_i64()
        .expect("audit entries");
    let unchanged = bo_c
        .json(
            "PUT",
            &format!("/api/v1/assessments/{id}/ratings"),
            json!({"version": version, "ratings": [{"statement": ids[1], "rating": "", "comment": "", "evidence": ""}]}),
        )
        .await;
    assert_eq!(unchanged.status, StatusCode::OK, "{}", unchanged.body);
    assert_eq!(
        unchanged.json()["assessment"]["version"],
        version,
        "{}",
        unchanged.body
    );
    let audit_after = admin.get("/api/v1/audit/verify").await.json()["entries"]
        .as_i64()
        .expect("audit entries");
    assert_eq!(
        audit_after, audit_before,
        "nothing changed, nothing audited"
    );

    // Bo rates himself: "Consistently" on the first, "Sometimes" elsewhere.
    let mine: Vec<Value> = ids
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({"statement": s, "rating": if i == 0 { "Consistently" } else { "sometimes" },
                   "comment": format!("comment {i}"), "evidence": "https://git.example.org/pr/1"})
        })
        .collect();
    let saved = bo_c
        .json(
            "PUT",
            &format!("/api/v1/assessments/{id}/ratings"),
            json!({"version": version, "ratings": mine}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let saved = saved.json();
    assert_eq!(saved["counts"]["rated_person"], ids.len());
    // A stale version is refused.
    let stale = bo_c
        .json(
            "PUT",
            &format!("/api/v1/assessments/{id}/ratings"),
            json!({"version": version, "ratings": [{"statement": ids[1], "rating": "n/a"}]}),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);

    // The manager sees the assessment but not Bo's draft ratings.
    let seen = mara.get(&format!("/api/v1/assessments/{id}")).await.json();
    assert_eq!(seen["seat"], "assessor");
    assert_eq!(seen["sees_person"], false);
    assert!(rows(&seen).iter().all(|r| r["person"].is_null()), "{seen}");
    // Peers and other managers do not even learn it exists; HR sees no draft.
    assert_eq!(
        ari_c.get(&format!("/api/v1/assessments/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        dee.get(&format!("/app/assessments/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    let hr_view = admin.get(&format!("/api/v1/assessments/{id}")).await.json();
    assert_eq!(hr_view["seat"], "hr");
    assert!(
        rows(&hr_view)
            .iter()
            .all(|r| r["person"].is_null() && r["manager"].is_null()),
        "HR sees no draft: {hr_view}"
    );
    // Nobody but the two writes ratings.
    let hr_rate = admin
        .json(
            "PUT",
            &format!("/api/v1/assessments/{id}/ratings"),
            json!({"version": saved["assessment"]["version"], "ratings": [{"statement": ids[0], "rating": "1"}]}),
        )
        .await;
    assert_eq!(hr_rate.status, StatusCode::FORBIDDEN);

    // The manager rates through the page's form: "Not yet" on the first.
    let page = mara.get(&format!("/app/assessments/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    // Someone else's assessment belongs under "My team", not "My growth".
    assert!(
        page.body
            .contains(r#"<a href="/app/people" aria-current="page">"#),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("Your assessment of Bo Chen"),
        "{}",
        page.body
    );
    let version = seen["assessment"]["version"]
        .as_i64()
        .expect("v")
        .to_string();
    let mut form: Vec<(String, String)> = vec![("version".into(), version)];
    for (i, s) in ids.iter().enumerate() {
        form.push((
            format!("rating.{s}"),
            if i == 0 { "1".into() } else { "3".into() },
        ));
        form.push((format!("comment.{s}"), String::new()));
        form.push((format!("evidence.{s}"), String::new()));
    }
    form.push(("action".into(), "save".into()));
    let fields: Vec<(&str, &str)> = form.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let saved = mara
        .post_form(&format!("/app/assessments/{id}"), &fields)
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert!(saved.body.contains("Saved ("), "{}", saved.body);

    // Sharing waits for both sides.
    let early = step(&mut mara, id, "share", "").await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{}", early.body);
    assert_eq!(
        step(&mut bo_c, id, "submit", "").await.status,
        StatusCode::OK
    );
    let now = bo_c.get(&format!("/api/v1/assessments/{id}")).await.json()["assessment"]["version"]
        .clone();
    let late = bo_c
        .json(
            "PUT",
            &format!("/api/v1/assessments/{id}/ratings"),
            json!({"version": now, "ratings": [{"statement": ids[0], "rating": "1"}]}),
        )
        .await;
    assert_eq!(
        late.status,
        StatusCode::CONFLICT,
        "submitted ratings are final: {}",
        late.body
    );
    // The manager submits from the form.
    let v = mara.get(&format!("/api/v1/assessments/{id}")).await.json()["assessment"]["version"]
        .to_string();
    let submitted = mara
        .post_form(
            &format!("/app/assessments/{id}"),
            &[("version", &v), ("action", "submit")],
        )
        .await;
    assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.body);
    assert!(submitted.body.contains("Submitted."), "{}", submitted.body);
    // Only the assessing manager shares; the person cannot.
    assert_eq!(
        step(&mut bo_c, id, "share", "").await.status,
        StatusCode::FORBIDDEN
    );
    let shared = step(&mut mara, id, "share", "").await;
    assert_eq!(shared.status, StatusCode::OK, "{}", shared.body);

    // Shared: both sides, disagreements highlighted, readiness explained.
    let both = bo_c.get(&format!("/api/v1/assessments/{id}")).await.json();
    assert_eq!(both["state"], "shared");
    assert_eq!(both["sees_manager"], true);
    assert!(
        both["counts"]["disagreements"].as_u64() >= Some(ids.len() as u64 - 1),
        "{both}"
    );
    let first = &rows(&both)[0];
    assert_eq!(first["disagree"], true);
    assert_eq!(first["person"]["label"], "Consistently");
    assert_eq!(first["manager"]["label"], "Not yet");
    assert_eq!(first["person"]["evidence"], "https://git.example.org/pr/1");
    let readiness = &both["readiness"];
    assert_eq!(readiness["ready"], false, "{readiness}");
    assert!(
        readiness["summary"]
            .as_str()
            .is_some_and(|s| s.contains("Not yet ready: not yet met in Craft")),
        "{readiness}"
    );
    let page = bo_c.get(&format!("/app/assessments/{id}")).await;
    assert!(page.body.contains("Ratings differ"), "{}", page.body);
    assert!(page.body.contains("app-disagree"));
    // HR and the skip-level view see it now.
    let hr_view = admin.get(&format!("/api/v1/assessments/{id}")).await.json();
    assert_eq!(hr_view["sees_person"], true);
    assert!(!hr_view["readiness"].is_null());

    // Acknowledged: locked. Only the person acknowledges.
    assert_eq!(
        step(&mut mara, id, "acknowledge", "").await.status,
        StatusCode::FORBIDDEN
    );
    let ack = step(
        &mut bo_c,
        id,
        "acknowledge",
        "Fair; I will work on design docs.",
    )
    .await;
    assert_eq!(ack.status, StatusCode::OK, "{}", ack.body);
    assert_eq!(ack.json()["state"], "acknowledged");
    let printable = bo_c.get(&format!("/app/assessments/{id}/print")).await;
    assert_eq!(printable.status, StatusCode::OK);
    assert!(printable.body.contains("Ladder revision"));
    assert!(printable.body.contains("Fair; I will work on design docs."));
    // The state is said once, and a note ending in a stop gets no second one.
    assert!(
        !printable.body.contains("acknowledged, acknowledged"),
        "{}",
        printable.body
    );
    assert!(
        printable.body.contains("<dd>acknowledged 2"),
        "{}",
        printable.body
    );
    let page = bo_c.get(&format!("/app/assessments/{id}")).await;
    assert!(
        page.body
            .contains("<q>Fair; I will work on design docs.</q> Locked."),
        "{}",
        page.body
    );
    assert!(printable.body.contains("Not yet ready"));
    assert!(
        printable.body.contains("app-rating\">Consistently")
            && printable.body.contains("Ratings differ"),
        "both sides' ratings are printed"
    );

    // A change after locking is a new version with a reason; the original stays.
    let no_reason = step(&mut mara, id, "revise", " ").await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let revised = step(&mut mara, id, "revise", "Missed the design review of March").await;
    assert_eq!(revised.status, StatusCode::OK, "{}", revised.body);
    let revised = revised.json();
    let v2 = revised["assessment"]["id"].as_i64().expect("id");
    assert_ne!(v2, id);
    assert_eq!(revised["assessment"]["supersedes"], id);
    assert_eq!(revised["state"], "draft");
    assert_eq!(
        revised["counts"]["rated_manager"],
        ids.len(),
        "ratings copied"
    );
    let old = mara.get(&format!("/api/v1/assessments/{id}")).await.json();
    assert_eq!(old["state"], "acknowledged");
    assert_eq!(old["revised_by"], v2);
    assert_eq!(
        step(&mut mara, id, "revise", "again").await.status,
        StatusCode::CONFLICT,
        "only the newest version is revised"
    );

    // The manager fills the new version offline and imports it back.
    let sheet = mara.get(&format!("/app/assessments/{v2}/sheet.csv")).await;
    assert_eq!(sheet.status, StatusCode::OK);
    assert!(
        sheet
            .body
            .starts_with("statement_id,area,statement,rating,comment,evidence")
    );
    let mut lines: Vec<String> = sheet.body.lines().map(str::to_string).collect();
    assert_eq!(lines.len(), ids.len() + 1);
    lines[1] = lines[1].replacen(",Not yet,", ",Role model,", 1);
    let filled = lines.join("\n");
    let broken = format!(
        "{}\nno-such-statement,Craft,x,Sometimes,,\n{},Craft,x,Brilliant,,\n",
        lines[0], ids[1]
    );
    let refused = mara
        .post_csv(&format!("/api/v1/assessments/{v2}/sheet"), &broken)
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("row 2, column statement_id"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("row 3, column rating"),
        "{}",
        refused.body
    );
    let imported = mara
        .post_csv(&format!("/api/v1/assessments/{v2}/sheet"), &filled)
        .await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    assert_eq!(imported.json()["changed"], 1, "{}", imported.body);
    let after = mara.get(&format!("/api/v1/assessments/{v2}")).await.json();
    assert_eq!(rows(&after)[0]["manager"]["label"], "Role model");

    // Growth: suggestions from the next level's lowest ratings, a goal, notes.
    let g = bo_c
        .get(&format!("/api/v1/people/{bo}/growth"))
        .await
        .json();
    let suggestions = g["suggestions"].as_array().expect("suggestions");
    assert_eq!(suggestions[0]["rating"], "Not yet", "{g}");
    let key = suggestions[0]["key"].as_str().expect("key").to_string();
    let goal = bo_c
        .post_form(
            &format!("/app/people/{bo}/goals"),
            &[
                ("statement", &key),
                ("goal", "Write two design documents"),
                ("actions", "Pair with Ari on the next one"),
                ("target_date", "2027-03-31"),
            ],
        )
        .await;
    assert_eq!(goal.status, StatusCode::SEE_OTHER, "{}", goal.body);
    let bad_goal = bo_c
        .post_form(
            &format!("/app/people/{bo}/goals"),
            &[
                ("statement", &key),
                ("goal", "x"),
                ("target_date", "2027-02-30"),
            ],
        )
        .await;
    assert_eq!(bad_goal.status, StatusCode::UNPROCESSABLE_ENTITY);
    let goal_id = bo_c
        .get(&format!("/api/v1/people/{bo}/growth"))
        .await
        .json()["goals"][0]["id"]
        .as_i64()
        .expect("the goal's id")
        .to_string();
    let note = bo_c
        .post_form(
            &format!("/app/people/{bo}/notes"),
            &[
                ("body", "Talked about the design review."),
                ("goal", &goal_id),
            ],
        )
        .await;
    assert_eq!(note.status, StatusCode::SEE_OTHER, "{}", note.body);
    // A note says who wrote it and which goal it checks in on.
    let page = mara.get(&format!("/app/people/{bo}/growth")).await;
    assert!(
        page.body
            .contains("Bo Chen · checks in on <a href=\"#goals\">Write two design documents</a>"),
        "{}",
        page.body
    );
    let mg = mara
        .get(&format!("/api/v1/people/{bo}/growth"))
        .await
        .json();
    assert_eq!(
        mg["notes"].as_array().map(Vec::len),
        Some(1),
        "the manager reads 1-on-1 notes"
    );
    assert_eq!(mg["goals"][0]["goal"], "Write two design documents");
    assert_eq!(mg["notes"][0]["author"], "Bo Chen");
    assert_eq!(mg["notes"][0]["goal"], "Write two design documents");
    let timeline: Vec<&str> = mg["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .map(|e| e["kind"].as_str().expect("a kind"))
        .collect();
    for kind in ["assessment", "placement", "goal", "note"] {
        assert!(timeline.contains(&kind), "{kind} in {timeline:?}");
    }
    let hg = admin
        .get(&format!("/api/v1/people/{bo}/growth"))
        .await
        .json();
    assert!(
        hg["notes"].is_null(),
        "HR does not read notes unless allowed: {hg}"
    );
    assert_eq!(
        admin
            .post_form(&format!("/app/people/{bo}/notes"), &[("body", "x")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        ari_c
            .get(&format!("/api/v1/people/{bo}/growth"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The team heatmap: Bo's latest shared assessment, readiness marked.
    let team = mara.get("/api/v1/team").await.json();
    let bo_row = team["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["person"]["id"] == bo)
        .cloned()
        .expect("Bo in Mara's team");
    assert_eq!(bo_row["assessment_id"], id, "the latest shared one");
    assert_eq!(bo_row["ready"], false);
    let filtered = mara
        .get("/api/v1/team?level=engineering/senior")
        .await
        .json();
    let at_senior: Vec<&Value> = filtered["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| &r["person"]["id"])
        .collect();
    assert!(
        at_senior.contains(&&json!(ari)) && !at_senior.contains(&&json!(bo)),
        "Ari is at the senior level, Bo is not: {filtered}"
    );
    let page = mara.get("/app/team").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Bo Chen") && page.body.contains("app-heat"),
        "{}",
        page.body
    );
    let csv = mara.get("/app/team.csv").await;
    assert!(
        csv.body
            .starts_with("name,email,level,assessed_against,ready"),
        "{}",
        csv.body
    );
    assert!(!dee.get("/api/v1/team").await.body.contains("Bo Chen"));

    // HR's aggregates: no names, small groups without figures.
    assert_eq!(
        mara.get("/api/v1/insights").await.status,
        StatusCode::FORBIDDEN
    );
    let agg = admin.get("/api/v1/insights").await.json();
    let engineer = agg["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .find(|g| g["level"]["level"] == "engineer")
        .cloned()
        .expect("the engineer group");
    assert!(
        engineer["figures"].is_null(),
        "one person is fewer than 5: {engineer}"
    );
    assert!(engineer["people"].is_null(), "nor its size: {engineer}");
    assert!(!agg.to_string().contains("Bo Chen"));

    // Someone with no manager is assessed by HR.
    let mara_id = id_of(&mut admin, "mara@example.org").await;
    let top = open_assessment(&mut admin, mara_id, "engineering-management", "manager")
        .await
        .json();
    assert_eq!(top["seat"], "assessor", "{top}");
    assert_eq!(top["can"]["edit"], true);

    // A cycle: everyone placed gets an assessment; reminders in the app.
    assert_eq!(
        mara.post_form("/app/cycles", &[("name", "Spring"), ("target", "next")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let cycle = admin
        .post_form(
            "/app/cycles",
            &[
                ("name", "Spring review"),
                ("target", "next"),
                ("self_due", "2027-04-01"),
            ],
        )
        .await;
    assert_eq!(cycle.status, StatusCode::OK, "{}", cycle.body);
    assert!(
        cycle.body.contains("Cycle opened: 2 assessments."),
        "{}",
        cycle.body
    );
    assert!(
        cycle.body.contains("people were left out"),
        "{}",
        cycle.body
    );
    let home = bo_c.get("/app").await;
    assert!(home.body.contains("Your self-assessment"), "{}", home.body);
    assert!(home.body.contains("due 2027-04-01"));
    let mhome = mara.get("/app").await;
    assert!(
        mhome.body.contains("Your assessment of Bo Chen"),
        "{}",
        mhome.body
    );

    // Every write was audited, and the chain holds.
    let verify = admin.get("/api/v1/audit/verify").await.json();
    assert!(verify["problem"].is_null(), "{verify}");
    let log = admin.get("/api/v1/audit?limit=200").await.body;
    for action in [
        "assessment.open",
        "assessment.rate",
        "assessment.share",
        "assessment.acknowledge",
        "assessment.revise",
        "goal.add",
        "note.add",
        "cycle.open",
    ] {
        assert!(log.contains(action), "{action} audited");
    }
    for words in [
        "Talked about the design review",
        "Fair; I will work",
        "Missed the design review",
        "comment 1",
    ] {
        assert!(
            !log.contains(words),
            "the audit log holds no free text: {words}"
        );
    }

    // A comment a spreadsheet would run as a formula is quoted in the sheet,
    // and comes back as written.
    let v = mara.get(&format!("/api/v1/assessments/{v2}")).await.json()["assessment"]["version"]
        .clone();
    let formula = "=HYPERLINK(\"https://evil.example\")";
    let r = mara
        .json(
            "PUT",
            &format!("/api/v1/assessments/{v2}/ratings"),
            json!({"version": v, "ratings": [{"statement": ids[1], "rating": "3", "comment": formula}]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let sheet = mara
        .get(&format!("/app/assessments/{v2}/sheet.csv"))
        .await
        .body;
    assert!(sheet.contains("'=HYPERLINK"), "{sheet}");
    let back = mara
        .post_csv(&format!("/api/v1/assessments/{v2}/sheet"), &sheet)
        .await;
    assert_eq!(back.status, StatusCode::OK, "{}", back.body);
    assert_eq!(back.json()["changed"], 0, "the round trip changes nothing");
    let after = mara.get(&format!("/api/v1/assessments/{v2}")).await.json();
    assert_eq!(rows(&after)[1]["manager"]["comment"], formula);
    // A full-width `＝` starts a formula in some spreadsheets too.
    let v = after["assessment"]["version"].clone();
    let wide = "\u{FF1D}HYPERLINK(\"https://evil.example\")";
    let r = mara
        .json(
            "PUT",
            &format!("/api/v1/assessments/{v2}/ratings"),
            json!({"version": v, "ratings": [{"statement": ids[1], "rating": "3", "comment": wide}]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let sheet = mara
        .get(&format!("/app/assessments/{v2}/sheet.csv"))
        .await
        .body;
    assert!(sheet.contains("'\u{FF1D}HYPERLINK"), "{sheet}");
    // The page's own form imports the sheet: its CSRF token is a field of
    // the multipart body, as the browser sends it.
    mara.get(&format!("/app/assessments/{v2}")).await;
    let r = mara
        .post_multipart(&format!("/app/assessments/{v2}/sheet"), &[], &sheet)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Imported"), "{}", r.body);
    let after = mara.get(&format!("/api/v1/assessments/{v2}")).await.json();
    assert_eq!(rows(&after)[1]["manager"]["comment"], wide);

    // Bo moves to Dee's team: Mara no longer sees his assessments, and Dee
    // does not read the notes of Mara's time.
    let person = admin.get(&format!("/api/v1/people/{bo}")).await.json();
    let dee_id = id_of(&mut admin, "dee@example.org").await;
    let moved = admin
        .json(
            "PUT",
            &format!("/api/v1/people/{bo}"),
            json!({"version": person["person"]["version"], "name": "Bo Chen", "email": "bo@example.org", "manager_id": dee_id}),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    assert_eq!(
        mara.get(&format!("/api/v1/assessments/{id}")).await.status,
        StatusCode::NOT_FOUND,
        "a former manager has no seat"
    );
    let dg = dee.get(&format!("/api/v1/people/{bo}/growth")).await.json();
    assert_eq!(dg["notes"].as_array().map(Vec::len), Some(0), "{dg}");
    let own = bo_c
        .get(&format!("/api/v1/people/{bo}/growth"))
        .await
        .json();
    assert_eq!(
        own["notes"].as_array().map(Vec::len),
        Some(1),
        "Bo keeps his notes"
    );

    // Bo's export holds his assessments, goals and notes; anonymising him
    // removes what was written about him.
    let export = bo_c
        .get(&format!("/api/v1/people/{bo}/export"))
        .await
        .json();
    assert!(
        export["assessments"]
            .as_array()
            .is_some_and(|a| a.len() >= 3),
        "{export}"
    );
    assert_eq!(export["goals"][0]["goal"], "Write two design documents");
    assert_eq!(
        export["notes"][0]["body"],
        "Talked about the design review."
    );
    let anonymised = admin
        .post_form(
            &format!("/app/people/{bo}/anonymise"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(anonymised.status, StatusCode::OK, "{}", anonymised.body);
    let after = admin
        .get(&format!("/api/v1/people/{bo}/export"))
        .await
        .json();
    assert!(after["notes"].is_null(), "HR reads no notes: {after}");
    let text = after.to_string();
    for gone in [
        "Talked about the design review",
        "rated before",
        "https://git.example.org/pr/1",
        "Fair; I will work",
        "Write two design documents",
        "Missed the design review",
    ] {
        assert!(
            !text.contains(gone),
            "{gone} is still held after anonymising"
        );
    }
}

mod ladder_edits;
