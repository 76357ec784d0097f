//! Promotions, as people use them: a ready assessment becomes a case, two
//! peers answer, a calibration session compares three managers' cases
//! (the one rating far above the group is flagged), the chair approves one
//! and says "not now" to another, placements and growth plans follow, and
//! the person sees the decision but never the committee's comments. Then:
//! a ladder edit during an open case relinks its ratings and the case says
//! so.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::support::*;

const ROSTER_PLUS: &str = "eve@example.org,Eve Marsh,Engineering Manager,Data,,2019-05-01\n\
fin@example.org,Fin Okoro,Engineer,Data,eve@example.org,2022-03-01\n\
gus@example.org,Gus Varga,Staff Engineer,Platform,,2018-04-01\n\
hal@example.org,Hal Ibsen,Principal Engineer,Payments,,2017-09-01\n";

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

fn statements(view: &Value) -> Vec<String> {
    let ids: Vec<String> = view["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .flat_map(|a| a["rows"].as_array().expect("rows").iter())
        .map(|r| r["statement_id"].as_str().expect("id").to_string())
        .collect();
    assert!(!ids.is_empty(), "no statements: {view}");
    ids
}

/// A shared assessment of `person` against `level`: the person rates
/// every statement "Consistently", the manager as `rating(i)` says.
async fn shared_assessment(
    person_c: &mut Client,
    manager: &mut Client,
    person: i64,
    level: &str,
    rating: impl Fn(usize) -> &'static str,
) -> i64 {
    let opened = manager
        .json(
            "POST",
            &format!("/api/v1/people/{person}/assessments"),
            json!({"track": "engineering", "level": level}),
        )
        .await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
    let view = opened.json();
    let id = view["assessment"]["id"].as_i64().expect("id");
    let ids = statements(&view);
    for (client, words) in [(&mut *person_c, None), (&mut *manager, Some(&rating))] {
        let now = client
            .get(&format!("/api/v1/assessments/{id}"))
            .await
            .json();
        let ratings: Vec<Value> = ids
            .iter()
            .enumerate()
            .map(|(i, s)| json!({"statement": s, "rating": words.map_or("Consistently", |f| f(i))}))
            .collect();
        let r = client
            .json(
                "PUT",
                &format!("/api/v1/assessments/{id}/ratings"),
                json!({"version": now["assessment"]["version"], "ratings": ratings}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assessment_step(client, id, "submit").await;
    }
    assessment_step(manager, id, "share").await;
    id
}

async fn open_case(manager: &mut Client, person: i64, level: &str) -> Value {
    let r = manager
        .json(
            "POST",
            &format!("/api/v1/people/{person}/promotions"),
            json!({"track": "engineering", "level": level}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.json()
}

async fn write_case(manager: &mut Client, case: i64, narrative: &str) {
    let now = manager
        .get(&format!("/api/v1/promotions/{case}"))
        .await
        .json();
    let r = manager
        .json(
            "PUT",
            &format!("/api/v1/promotions/{case}"),
            json!({"version": now["case"]["version"], "narrative": narrative,
                   "recommendation": "Promote: I have seen this for a year."}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

/// Asks `peer` and has them answer; returns the request id.
async fn peer_answers(
    manager: &mut Client,
    case: i64,
    peer: &mut Client,
    email: &str,
    rating: &str,
) -> i64 {
    let r = manager
        .json(
            "POST",
            &format!("/api/v1/promotions/{case}/feedback"),
            json!({"peer": email, "about": ["craft"], "due_date": "2031-01-31"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let request = r.json()["id"].as_i64().expect("request");
    let answered = peer
        .json(
            "POST",
            &format!("/api/v1/feedback/{request}"),
            json!({"rating": rating, "words": "Reviews my designs carefully and teaches as she goes."}),
        )
        .await;
    assert_eq!(answered.status, StatusCode::OK, "{}", answered.body);
    request
}

async fn case_step(client: &mut Client, case: i64, step: Value) -> crate::support::Response {
    client
        .json("POST", &format!("/api/v1/promotions/{case}/step"), step)
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn promotion_story() {
    for backend in backends("promo").await {
        eprintln!("promotion story on {}", backend.name);
        story(backend).await;
    }
}

async fn story(backend: Backend) {
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    let roster = format!("{ROSTER}{ROSTER_PLUS}");
    let imported = admin.post_csv("/api/v1/roster", &roster).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    let ari = id_of(&mut admin, "ari@example.org").await;
    let cy = id_of(&mut admin, "cy@example.org").await;
    let fin = id_of(&mut admin, "fin@example.org").await;
    place(&mut admin, ari, "senior", "2021-06-15").await;
    place(&mut admin, cy, "engineer", "2022-02-01").await;
    place(&mut admin, fin, "engineer", "2022-03-01").await;
    let mut mara = person_client(&app, &mut admin, "mara@example.org").await;
    let mut dee = person_client(&app, &mut admin, "dee@example.org").await;
    let mut eve = person_client(&app, &mut admin, "eve@example.org").await;
    let mut ari_c = person_client(&app, &mut admin, "ari@example.org").await;
    let mut bo_c = person_client(&app, &mut admin, "bo@example.org").await;
    let mut cy_c = person_client(&app, &mut admin, "cy@example.org").await;
    let mut fin_c = person_client(&app, &mut admin, "fin@example.org").await;
    let mut gus = person_client(&app, &mut admin, "gus@example.org").await;
    let mut hal = person_client(&app, &mut admin, "hal@example.org").await;

    // Three managers assess: Mara rates Ari "Consistently" throughout
    // (ready), Dee rates Cy "Role model" throughout, Eve rates Fin short on
    // one statement.
    shared_assessment(&mut ari_c, &mut mara, ari, "staff", |_| "Consistently").await;
    shared_assessment(&mut cy_c, &mut dee, cy, "senior", |_| "Role model").await;
    shared_assessment(&mut fin_c, &mut eve, fin, "senior", |i| {
        if i == 0 { "Sometimes" } else { "Consistently" }
    })
    .await;

    // A peer may not nominate; the manager does, and the case holds the
    // shared assessment with readiness by the rule.
    let refused = bo_c
        .json(
            "POST",
            &format!("/api/v1/people/{ari}/promotions"),
            json!({"track": "engineering", "level": "staff"}),
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND, "{}", refused.body);
    let opened = open_case(&mut mara, ari, "staff").await;
    let ari_case = opened["case"]["id"].as_i64().expect("case");
    assert_eq!(opened["case"]["state"], "draft");
    assert!(opened["case"]["assessment_id"].is_i64(), "{opened}");
    assert_eq!(opened["readiness"]["ready"], true, "{opened}");
    assert_eq!(opened["current"]["level"], "senior");
    assert_eq!(opened["target"]["level"], "staff");
    assert!(
        opened["case"]["revision"]
            .as_str()
            .is_some_and(|r| !r.is_empty())
    );
    let twice = mara
        .json(
            "POST",
            &format!("/api/v1/people/{ari}/promotions"),
            json!({"track": "engineering", "level": "staff"}),
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "{}", twice.body);
    // Ari does not see a draft about her.
    assert_eq!(
        ari_c
            .get(&format!("/api/v1/promotions/{ari_case}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The case needs a narrative and two peers before it is submitted.
    let early = case_step(&mut mara, ari_case, json!({"step": "submit"})).await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{}", early.body);
    assert!(
        early.body.contains("narrative") && early.body.contains("2 peer responses"),
        "{}",
        early.body
    );
    write_case(
        &mut mara,
        ari_case,
        "Ari led the storage migration and mentors two engineers.",
    )
    .await;
    let statement = statements(&opened["assessment"])[0].clone();
    let ev = mara
        .json(
            "POST",
            &format!("/api/v1/promotions/{ari_case}/evidence"),
            json!({"statement": statement, "url": "https://docs.example.org/storage-migration", "note": "design doc"}),
        )
        .await;
    assert_eq!(ev.status, StatusCode::OK, "{}", ev.body);
    let bad_ev = mara
        .json(
            "POST",
            &format!("/api/v1/promotions/{ari_case}/evidence"),
            json!({"statement": "no-such-statement", "url": "https://x.example.org"}),
        )
        .await;
    assert_eq!(
        bad_ev.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        bad_ev.body
    );
    let bo_request = peer_answers(
        &mut mara,
        ari_case,
        &mut bo_c,
        "bo@example.org",
        "Consistently",
    )
    .await;
    // Answered once; nobody else answers for Bo.
    let again = bo_c
        .json(
            "POST",
            &format!("/api/v1/feedback/{bo_request}"),
            json!({"rating": "3", "words": "again"}),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    let not_mine = cy_c
        .json(
            "POST",
            &format!("/api/v1/feedback/{bo_request}"),
            json!({"rating": "3", "words": "me too"}),
        )
        .await;
    assert_eq!(not_mine.status, StatusCode::NOT_FOUND, "{}", not_mine.body);
    let off_scale = mara
        .json(
            "POST",
            &format!("/api/v1/promotions/{ari_case}/feedback"),
            json!({"peer": "gus@example.org", "about": ["no-such-area"]}),
        )
        .await;
    assert_eq!(
        off_scale.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        off_scale.body
    );
    peer_answers(
        &mut mara,
        ari_case,
        &mut cy_c,
        "cy@example.org",
        "Role model",
    )
    .await;
    let packet = mara
        .get(&format!("/api/v1/promotions/{ari_case}"))
        .await
        .json();
    assert_eq!(packet["peers"].as_array().map(Vec::len), Some(2));
    assert_eq!(packet["agreement"]["answers"], 2);
    assert_eq!(
        packet["agreement"]["agrees"], true,
        "{}",
        packet["agreement"]
    );
    assert_eq!(packet["missing"], json!([]));
    let submitted = case_step(&mut mara, ari_case, json!({"step": "submit"})).await;
    assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.body);
    assert_eq!(submitted.json()["case"]["state"], "submitted");

    // Dee's and Eve's cases, each with two peers.
    let cy_case = open_case(&mut dee, cy, "senior").await["case"]["id"]
        .as_i64()
        .expect("case");
    write_case(
        &mut dee,
        cy_case,
        "Cy carried the payments on-call rotation.",
    )
    .await;
    peer_answers(
        &mut dee,
        cy_case,
        &mut bo_c,
        "bo@example.org",
        "Consistently",
    )
    .await;
    peer_answers(
        &mut dee,
        cy_case,
        &mut ari_c,
        "ari@example.org",
        "Consistently",
    )
    .await;
    assert_eq!(
        case_step(&mut dee, cy_case, json!({"step": "submit"}))
            .await
            .status,
        StatusCode::OK
    );
    let fin_case = open_case(&mut eve, fin, "senior").await["case"]["id"]
        .as_i64()
        .expect("case");
    write_case(&mut eve, fin_case, "Fin rebuilt the ingestion pipeline.").await;
    peer_answers(&mut eve, fin_case, &mut bo_c, "bo@example.org", "Sometimes").await;
    peer_answers(
        &mut eve,
        fin_case,
        &mut ari_c,
        "ari@example.org",
        "Consistently",
    )
    .await;
    assert_eq!(
        case_step(&mut eve, fin_case, json!({"step": "submit"}))
            .await
            .status,
        StatusCode::OK
    );

    // HR opens a session; only HR does, and only HR puts cases in it.
    let no = mara
        .json(
            "POST",
            "/api/v1/calibrations",
            json!({"name": "x", "chair": "mara@example.org"}),
        )
        .await;
    assert_eq!(no.status, StatusCode::FORBIDDEN);
    let s = admin
        .json(
            "POST",
            "/api/v1/calibrations",
            json!({"name": "Spring promotions", "scope": "Engineering, senior and staff",
                   "chair": "ada@example.org", "members": ["gus@example.org", "hal@example.org"]}),
        )
        .await;
    assert_eq!(s.status, StatusCode::OK, "{}", s.body);
    let session = s.json()["id"].as_i64().expect("session");
    let by_manager = case_step(
        &mut mara,
        ari_case,
        json!({"step": "calibrate", "session": session}),
    )
    .await;
    assert_eq!(
        by_manager.status,
        StatusCode::FORBIDDEN,
        "{}",
        by_manager.body
    );
    for case in [ari_case, cy_case, fin_case] {
        let r = case_step(
            &mut admin,
            case,
            json!({"step": "calibrate", "session": session}),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }

    // The committee sees the cases side by side; Dee, rating everyone
    // "Role model", stands out.
    assert_eq!(
        bo_c.get(&format!("/api/v1/calibrations/{session}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let view = gus.get(&format!("/api/v1/calibrations/{session}")).await;
    assert_eq!(view.status, StatusCode::OK, "{}", view.body);
    let view = view.json();
    assert_eq!(view["cases"].as_array().map(Vec::len), Some(3));
    assert_eq!(view["quorum"], true);
    let flagged: Vec<&str> = view["managers"]
        .as_array()
        .expect("managers")
        .iter()
        .filter(|m| m["flagged"] == true)
        .map(|m| m["manager"].as_str().expect("name"))
        .collect();
    assert_eq!(flagged, ["Dee Park"], "{}", view["managers"]);
    let ari_row = view["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .find(|c| c["id"] == ari_case)
        .expect("Ari's row")
        .clone();
    assert_eq!(ari_row["ready"], true);
    assert_eq!(ari_row["peer_answers"], 2);
    assert_eq!(ari_row["self_gap"], 0.0);
    assert!(
        ari_row["months_in_level"]
            .as_f64()
            .is_some_and(|m| m > 12.0),
        "{ari_row}"
    );
    // Three cases over two levels: groups below `smallest_group` show no figures.
    assert!(
        view["levels"]
            .as_array()
            .expect("levels")
            .iter()
            .all(|l| l["proposed"].is_null())
    );
    let page = gus.get(&format!("/app/calibrations/{session}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("flagged") && page.body.contains("Dee Park"),
        "{}",
        page.body
    );

    // Reviewers comment and vote; a read from outside Ari's line is audited.
    let c = gus
        .json(
            "POST",
            &format!("/api/v1/promotions/{ari_case}/comments"),
            json!({"body": "Private: strongest case this round.", "vote": "approve"}),
        )
        .await;
    assert_eq!(c.status, StatusCode::OK, "{}", c.body);
    let hal_view = hal
        .get(&format!("/api/v1/promotions/{ari_case}"))
        .await
        .json();
    assert_eq!(hal_view["seat"], "committee");
    assert!(
        hal_view["comments"][0]["comment"]["body"]
            .as_str()
            .is_some_and(|b| b.starts_with("Private"))
    );
    let audit = backend
        .store
        .audit_of(&format!("case:{ari_case}"))
        .await
        .expect("audit");
    assert!(
        audit.iter().any(|e| e.action == "promotion.read"),
        "{audit:?}"
    );
    // Only the chair decides.
    let gus_decides = gus
        .json(
            "POST",
            &format!("/api/v1/promotions/{ari_case}/decision"),
            json!({"outcome": "approved", "reasons": "x"}),
        )
        .await;
    assert_eq!(
        gus_decides.status,
        StatusCode::FORBIDDEN,
        "{}",
        gus_decides.body
    );
    let no_reasons = admin
        .json(
            "POST",
            &format!("/api/v1/promotions/{ari_case}/decision"),
            json!({"outcome": "approved", "reasons": " "}),
        )
        .await;
    assert_eq!(
        no_reasons.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        no_reasons.body
    );
    let today = rungs_store::today();
    let approved = admin
        .json(
            "POST",
            &format!("/api/v1/promotions/{ari_case}/decision"),
            json!({"outcome": "approved", "reasons": "Every area met; peers agree; impact across two teams.",
                   "effective_date": today}),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.body);
    assert_eq!(approved.json()["case"]["state"], "decided");
    let not_now = admin
        .json(
            "POST",
            &format!("/api/v1/promotions/{fin_case}/decision"),
            json!({"outcome": "not-now", "reasons": "Craft is not yet consistent.",
                   "work_on": "Lead one design review a month."}),
        )
        .await;
    assert_eq!(not_now.status, StatusCode::OK, "{}", not_now.body);

    // Placements and growth plans follow.
    let placements = admin
        .get(&format!("/api/v1/people/{ari}/placements"))
        .await
        .json();
    let current = placements
        .as_array()
        .expect("placements")
        .iter()
        .find(|p| p["until_date"].is_null())
        .expect("a current placement")
        .clone();
    assert_eq!(current["level"], "staff");
    assert_eq!(current["reason"], "promotion");
    assert_eq!(current["from_date"], today.as_str());
    assert!(current["decided_by"].is_i64(), "{current}");
    let growth = eve
        .get(&format!("/api/v1/people/{fin}/growth"))
        .await
        .json();
    let goals = growth["goals"].as_array().expect("goals");
    assert!(
        goals.iter().any(|g| g["goal"]
            .as_str()
            .is_some_and(|t| t.contains("Lead one design review"))),
        "{growth}"
    );
    let fin_placements = admin
        .get(&format!("/api/v1/people/{fin}/placements"))
        .await
        .json();
    assert!(
        fin_placements
            .as_array()
            .expect("p")
            .iter()
            .all(|p| p["level"] == "engineer")
    );

    // Ari sees nothing until told; then the decision and its reasons, and
    // never the committee's comments or the recommendation.
    assert_eq!(
        ari_c
            .get(&format!("/api/v1/promotions/{ari_case}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let told = case_step(&mut mara, ari_case, json!({"step": "communicate"})).await;
    assert_eq!(told.status, StatusCode::OK, "{}", told.body);
    let mine = ari_c.get(&format!("/api/v1/promotions/{ari_case}")).await;
    assert_eq!(mine.status, StatusCode::OK, "{}", mine.body);
    assert!(!mine.body.contains("Private"), "{}", mine.body);
    let mine = mine.json();
    assert_eq!(mine["seat"], "person");
    assert_eq!(mine["decision"]["outcome"], "approved");
    assert!(
        mine["decision"]["reasons"]
            .as_str()
            .is_some_and(|r| r.contains("Every area met"))
    );
    assert!(mine["comments"].is_null());
    assert_eq!(mine["case"]["recommendation"], "");
    let page = ari_c.get(&format!("/app/promotions/{ari_case}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Decision: Approved") && !page.body.contains("Private"),
        "{}",
        page.body
    );
    let printed = ari_c
        .get(&format!("/app/promotions/{ari_case}/packet"))
        .await;
    assert_eq!(printed.status, StatusCode::OK);
    assert!(printed.body.contains("Every area met"));
    // Once told, the committee no longer reads it; HR marks it effective.
    assert_eq!(
        gus.get(&format!("/api/v1/promotions/{ari_case}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let effective = case_step(&mut admin, ari_case, json!({"step": "effective"})).await;
    assert_eq!(effective.status, StatusCode::OK, "{}", effective.body);
    let history: Vec<String> = ari_c
        .get(&format!("/api/v1/promotions/{ari_case}"))
        .await
        .json()["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|e| {
            e["event"]["step"]
                .as_str()
                .expect("an event has a step")
                .to_string()
        })
        .collect();
    for step in [
        "opened",
        "submitted",
        "in-calibration",
        "decided",
        "communicated",
        "effective",
    ] {
        assert!(history.iter().any(|h| h == step), "{step} in {history:?}");
    }
    // Fin, told too, reads "not now" and what to work on.
    assert_eq!(
        case_step(&mut eve, fin_case, json!({"step": "communicate"}))
            .await
            .status,
        StatusCode::OK
    );
    let fins = fin_c
        .get(&format!("/api/v1/promotions/{fin_case}"))
        .await
        .json();
    assert_eq!(fins["decision"]["outcome"], "not-now");
    assert_eq!(
        fins["decision"]["work_on"],
        "Lead one design review a month."
    );
    // Every write was audited, and the chain holds.
    let verified = admin.get("/api/v1/audit/verify").await;
    assert_eq!(verified.status, StatusCode::OK, "{}", verified.body);
    assert!(
        verified.body.contains("\"problem\":null"),
        "{}",
        verified.body
    );
}

fn git(dir: &std::path::Path, args: &[&str]) -> bool {
    std::process::Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ladder_edit_relinks_an_open_case() {
    let probe = tempfile::tempdir().expect("dir");
    if !git(probe.path(), &["init", "-q"]) {
        assert!(
            std::env::var("RUNGS_REQUIRE_ALL").map_or(true, |v| v != "1"),
            "RUNGS_REQUIRE_ALL=1 but git is missing"
        );
        eprintln!("skipping: git is not installed");
        return;
    }
    for backend in backends("promo_relink").await {
        eprintln!("relinked case on {}", backend.name);
        relinked(backend).await;
    }
}

async fn relinked(backend: Backend) {
    let ladder = tempfile::tempdir().expect("dir");
    let root = ladder.path();
    for file in rungs_core::SourceSet::example().iter() {
        let path = root.join(&*file.path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, file.bytes()).expect("write");
    }
    assert!(git(root, &["init", "-q"]));
    assert!(git(root, &["add", "-A"]) && git(root, &["commit", "-q", "-m", "example"]));
    let mut cfg = config();
    cfg.framework.root = Some(root.to_path_buf());
    let (app, token) = start(backend.store.clone(), cfg).await;
    let mut admin = admin(&app, &token).await;
    admin.post_csv("/api/v1/roster", ROSTER).await;
    let bo = id_of(&mut admin, "bo@example.org").await;
    place(&mut admin, bo, "engineer", "2023-01-09").await;
    let mut bo_c = person_client(&app, &mut admin, "bo@example.org").await;
    let mut mara = person_client(&app, &mut admin, "mara@example.org").await;
    shared_assessment(&mut bo_c, &mut mara, bo, "senior", |_| "Consistently").await;
    let opened = open_case(&mut mara, bo, "senior").await;
    let case = opened["case"]["id"].as_i64().expect("case");
    assert!(
        opened["ladder_change"].is_null(),
        "{}",
        opened["ladder_change"]
    );
    let before = opened["case"]["revision"]
        .as_str()
        .expect("rev")
        .to_string();

    // A statement of the target level is reworded, another removed.
    let senior = root.join("tracks/engineering/senior.md");
    let text = std::fs::read_to_string(&senior).expect("read");
    let edited = text
        .replacen("thoroughly, kindly and quickly.", "thoroughly, kindly and within a day.", 1)
        .replacen(
            "- You make technical debt visible and negotiate time to pay it down.\n  - Example: you turn a recurring incident into a costed proposal for the team's planning.\n",
            "",
            1,
        );
    assert_ne!(
        edited, text,
        "the example has the statements this test edits"
    );
    std::fs::write(&senior, edited).expect("write");
    assert!(git(root, &["add", "-A"]) && git(root, &["commit", "-q", "-m", "edit"]));
    let reloaded = admin
        .json("POST", "/api/v1/framework/reload", json!({}))
        .await;
    assert_eq!(reloaded.status, StatusCode::OK, "{}", reloaded.body);

    let after = mara.get(&format!("/api/v1/promotions/{case}")).await.json();
    assert_eq!(
        after["case"]["revision"],
        before.as_str(),
        "the case keeps its revision"
    );
    let change = &after["ladder_change"];
    assert!(change.is_object(), "{after}");
    assert!(
        change["reworded"].as_u64().is_some_and(|n| n >= 1),
        "{change}"
    );
    assert!(
        change["archived"].as_u64().is_some_and(|n| n >= 1),
        "{change}"
    );
    assert!(
        change["words"]
            .as_str()
            .is_some_and(|w| w.contains("reworded")),
        "{change}"
    );
    // Removed statements no longer count; the case's readiness is recomputed.
    assert!(after["readiness"]["ready"].is_boolean());
    let page = mara.get(&format!("/app/promotions/{case}")).await;
    assert!(
        page.body
            .contains("The ladder changed since this case was opened"),
        "{}",
        page.body
    );
}

mod calibration;
