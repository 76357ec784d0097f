//! Calibration sessions closed with their cases decided, and what a
//! person's data export holds of their case.

use super::*;

/// A submitted case for `person` (at `from`) to `level`, written by
/// `manager` and answered by Bo and Hal.
#[allow(clippy::too_many_arguments)]
async fn submitted_case(
    admin: &mut Client,
    manager: &mut Client,
    person_c: &mut Client,
    person: i64,
    from: &str,
    level: &str,
    bo: &mut Client,
    hal: &mut Client,
) -> i64 {
    place(admin, person, from, "2021-06-15").await;
    shared_assessment(person_c, manager, person, level, |_| "Consistently").await;
    let case = open_case(manager, person, level).await["case"]["id"]
        .as_i64()
        .expect("case");
    write_case(manager, case, "Led the storage migration.").await;
    peer_answers(manager, case, bo, "bo@example.org", "Consistently").await;
    peer_answers(manager, case, hal, "hal@example.org", "Consistently").await;
    let r = case_step(manager, case, json!({"step": "submit"})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    case
}

async fn new_session(admin: &mut Client, name: &str) -> i64 {
    let s = admin
        .json(
            "POST",
            "/api/v1/calibrations",
            json!({"name": name, "chair": "ada@example.org",
                   "members": ["gus@example.org", "hal@example.org"]}),
        )
        .await;
    assert_eq!(s.status, StatusCode::OK, "{}", s.body);
    s.json()["id"].as_i64().expect("session")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_a_calibration_session() {
    for backend in backends("promo_close").await {
        eprintln!("closing a session on {}", backend.name);
        closing(backend).await;
    }
}

async fn closing(backend: Backend) {
    let on = backend.name;
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    let roster = format!("{ROSTER}{ROSTER_PLUS}");
    let imported = admin.post_csv("/api/v1/roster", &roster).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    let ari = id_of(&mut admin, "ari@example.org").await;
    let cy = id_of(&mut admin, "cy@example.org").await;
    let mut mara = person_client(&app, &mut admin, "mara@example.org").await;
    let mut dee = person_client(&app, &mut admin, "dee@example.org").await;
    let mut ari_c = person_client(&app, &mut admin, "ari@example.org").await;
    let mut cy_c = person_client(&app, &mut admin, "cy@example.org").await;
    let mut bo_c = person_client(&app, &mut admin, "bo@example.org").await;
    let mut gus = person_client(&app, &mut admin, "gus@example.org").await;
    let mut hal = person_client(&app, &mut admin, "hal@example.org").await;
    let ari_case = submitted_case(
        &mut admin, &mut mara, &mut ari_c, ari, "senior", "staff", &mut bo_c, &mut hal,
    )
    .await;
    let cy_case = submitted_case(
        &mut admin, &mut dee, &mut cy_c, cy, "engineer", "senior", &mut bo_c, &mut hal,
    )
    .await;
    let session = new_session(&mut admin, "Spring promotions").await;
    for case in [ari_case, cy_case] {
        let r = case_step(
            &mut admin,
            case,
            json!({"step": "calibrate", "session": session}),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "on {on}: {}", r.body);
    }
    let decided = admin
        .json(
            "POST",
            &format!("/api/v1/promotions/{ari_case}/decision"),
            json!({"outcome": "approved", "reasons": "Every area met."}),
        )
        .await;
    assert_eq!(decided.status, StatusCode::OK, "on {on}: {}", decided.body);

    // Only the chair and HR close it: a member is forbidden, anyone else
    // does not find it.
    let close = format!("/api/v1/calibrations/{session}/close");
    let page_close = format!("/app/calibrations/{session}/close");
    let by_member = gus.json("POST", &close, json!({})).await;
    assert_eq!(by_member.status, StatusCode::FORBIDDEN, "on {on}");
    let by_member = gus.post_form(&page_close, &[("confirm", "yes")]).await;
    assert_eq!(by_member.status, StatusCode::FORBIDDEN, "on {on}");
    let by_manager = mara.json("POST", &close, json!({})).await;
    assert_eq!(by_manager.status, StatusCode::NOT_FOUND, "on {on}");
    let page = gus.get(&format!("/app/calibrations/{session}")).await;
    assert!(
        !page.body.contains("Close the session"),
        "on {on}: a member is not offered to close it"
    );

    // The page says what will happen first, and changes nothing.
    let asked = admin.post_form(&page_close, &[]).await;
    assert_eq!(asked.status, StatusCode::OK, "on {on}: {}", asked.body);
    for words in [
        "Close the session Spring promotions?",
        "no more comments, votes or decisions",
        "It holds 2 cases, 1 decided.",
        "1 case without a decision will wait in calibration",
        &format!("action=\"{page_close}\""),
        "name=\"confirm\" value=\"yes\"",
    ] {
        assert!(
            asked.body.contains(words),
            "on {on}: `{words}` in {}",
            asked.body
        );
    }
    let still = admin
        .get(&format!("/api/v1/calibrations/{session}"))
        .await
        .json();
    assert!(still["session"]["closed_at"].is_null(), "on {on}: {still}");
    assert!(still["can_close"] == true, "on {on}");
    let audited = |entries: &[rungs_store::audit::AuditEntry]| {
        entries.iter().any(|e| e.action == "calibration.close")
    };
    let audit = backend
        .store
        .audit_of(&format!("session:{session}"))
        .await
        .expect("audit");
    assert!(!audited(&audit), "on {on}: not closed yet");

    // Confirmed: closed, audited with its undecided case.
    let done = admin.post_form(&page_close, &[("confirm", "yes")]).await;
    assert!(done.status.is_redirection(), "on {on}: {}", done.body);
    let audit = backend
        .store
        .audit_of(&format!("session:{session}"))
        .await
        .expect("audit");
    let entry = audit
        .iter()
        .find(|e| e.action == "calibration.close")
        .unwrap_or_else(|| panic!("on {on}: calibration.close in {audit:?}"));
    let after = entry
        .after
        .as_deref()
        .expect("closing records what was decided");
    assert!(
        after.contains(&format!("\"undecided\":[{cy_case}]")),
        "on {on}: {after}"
    );
    let view = admin
        .get(&format!("/api/v1/calibrations/{session}"))
        .await
        .json();
    assert!(view["session"]["closed_at"].is_i64(), "on {on}: {view}");
    assert_eq!(view["can_close"], false, "on {on}");
    let page = gus.get(&format!("/app/calibrations/{session}")).await;
    assert!(page.body.contains("Closed on "), "on {on}: {}", page.body);

    // No more comments, votes or decisions, in the API and in the pages:
    // a conflict that says why.
    let comment = gus
        .json(
            "POST",
            &format!("/api/v1/promotions/{cy_case}/comments"),
            json!({"body": "late", "vote": "approve"}),
        )
        .await;
    refused_as_closed(&comment, on);
    let comment = gus
        .post_form(
            &format!("/app/promotions/{cy_case}/comments"),
            &[("body", "late"), ("vote", "approve")],
        )
        .await;
    refused_as_closed(&comment, on);
    let decision = admin
        .json(
            "POST",
            &format!("/api/v1/promotions/{cy_case}/decision"),
            json!({"outcome": "approved", "reasons": "late"}),
        )
        .await;
    refused_as_closed(&decision, on);
    let decision = admin
        .post_form(
            &format!("/app/promotions/{cy_case}/decision"),
            &[("outcome", "approved"), ("reasons", "late")],
        )
        .await;
    assert_eq!(
        decision.status,
        StatusCode::CONFLICT,
        "on {on}: {}",
        decision.body
    );
    // The committee still reads the case, without the forms; the page says why.
    let read = gus.get(&format!("/app/promotions/{cy_case}")).await;
    assert_eq!(read.status, StatusCode::OK, "on {on}");
    assert!(
        read.body.contains("is closed: it takes no more comments")
            && !read.body.contains("Comment and vote"),
        "on {on}: {}",
        read.body
    );
    let packet = gus
        .get(&format!("/api/v1/promotions/{cy_case}"))
        .await
        .json();
    assert_eq!(packet["can"]["comment"], false, "on {on}");
    // Closed once: again is a conflict.
    let again = admin.json("POST", &close, json!({})).await;
    assert_eq!(
        again.status,
        StatusCode::CONFLICT,
        "on {on}: {}",
        again.body
    );
    assert!(
        again.body.contains("already closed"),
        "on {on}: {}",
        again.body
    );
    // A closed session takes no new cases.
    let no_new = admin
        .json(
            "POST",
            &format!("/api/v1/promotions/{cy_case}/step"),
            json!({"step": "calibrate", "session": session}),
        )
        .await;
    assert_eq!(
        no_new.status,
        StatusCode::CONFLICT,
        "on {on}: {}",
        no_new.body
    );
    // The decided case goes on: Mara tells Ari.
    let told = case_step(&mut mara, ari_case, json!({"step": "communicate"})).await;
    assert_eq!(told.status, StatusCode::OK, "on {on}: {}", told.body);

    // HR puts the undecided case in another session, where it is decided.
    let autumn = new_session(&mut admin, "Autumn promotions").await;
    let moved_by_manager = case_step(
        &mut dee,
        cy_case,
        json!({"step": "calibrate", "session": autumn}),
    )
    .await;
    assert_eq!(moved_by_manager.status, StatusCode::FORBIDDEN, "on {on}");
    let moved = case_step(
        &mut admin,
        cy_case,
        json!({"step": "calibrate", "session": autumn}),
    )
    .await;
    assert_eq!(moved.status, StatusCode::OK, "on {on}: {}", moved.body);
    let moved = moved.json();
    assert_eq!(moved["case"]["session_id"], autumn, "on {on}");
    assert_eq!(moved["case"]["state"], "in-calibration", "on {on}");
    let decided = admin
        .json(
            "POST",
            &format!("/api/v1/promotions/{cy_case}/decision"),
            json!({"outcome": "not-now", "reasons": "Not yet.", "work_on": "Lead a review."}),
        )
        .await;
    assert_eq!(decided.status, StatusCode::OK, "on {on}: {}", decided.body);
    let verified = admin.get("/api/v1/audit/verify").await;
    assert!(
        verified.body.contains("\"problem\":null"),
        "on {on}: {}",
        verified.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_export_holds_the_cases_as_the_person_reads_them() {
    for backend in backends("promo_export").await {
        eprintln!("a person's export on {}", backend.name);
        exported(backend).await;
    }
}

/// With feedback anonymous to the person and decisions told at once, Ari's
/// data export (hers and HR's of her) holds her case with the decision and
/// its reasons, the peers' words without their names, and none of the
/// committee's comments, votes or the recommendation.
async fn exported(backend: Backend) {
    let on = backend.name;
    let ladder = tempfile::tempdir().expect("dir");
    let root = ladder.path();
    for file in rungs_core::SourceSet::example().iter() {
        let path = root.join(&*file.path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, file.bytes()).expect("write");
    }
    let toml = root.join("rungs.toml");
    let text = std::fs::read_to_string(&toml).expect("read");
    let edited = text
        .replacen(
            "peer_feedback = \"named\"",
            "peer_feedback = \"anonymous-to-person\"",
            1,
        )
        .replacen(
            "communicate = \"manager\"",
            "communicate = \"on-decision\"",
            1,
        );
    assert_ne!(edited, text, "the example has a [promotions] table");
    std::fs::write(&toml, edited).expect("write");
    let mut cfg = config();
    cfg.framework.root = Some(root.to_path_buf());
    let (app, token) = start(backend.store.clone(), cfg).await;
    let mut admin = admin(&app, &token).await;
    let roster = format!("{ROSTER}{ROSTER_PLUS}");
    let imported = admin.post_csv("/api/v1/roster", &roster).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    let ari = id_of(&mut admin, "ari@example.org").await;
    let bo = id_of(&mut admin, "bo@example.org").await;
    let hal_id = id_of(&mut admin, "hal@example.org").await;
    let mut mara = person_client(&app, &mut admin, "mara@example.org").await;
    let mut ari_c = person_client(&app, &mut admin, "ari@example.org").await;
    let mut bo_c = person_client(&app, &mut admin, "bo@example.org").await;
    let mut gus = person_client(&app, &mut admin, "gus@example.org").await;
    let mut hal = person_client(&app, &mut admin, "hal@example.org").await;

    // Nothing about a case before she may read it.
    let case = submitted_case(
        &mut admin, &mut mara, &mut ari_c, ari, "senior", "staff", &mut bo_c, &mut hal,
    )
    .await;
    let before = ari_c
        .get(&format!("/api/v1/people/{ari}/export"))
        .await
        .json();
    assert_eq!(
        before["promotions"],
        json!([]),
        "on {on}: {}",
        before["promotions"]
    );

    let session = new_session(&mut admin, "Spring promotions").await;
    let r = case_step(
        &mut admin,
        case,
        json!({"step": "calibrate", "session": session}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "on {on}: {}", r.body);
    let c = gus
        .json(
            "POST",
            &format!("/api/v1/promotions/{case}/comments"),
            json!({"body": "Private: strongest case this round.", "vote": "approve"}),
        )
        .await;
    assert_eq!(c.status, StatusCode::OK, "on {on}: {}", c.body);
    let decided = admin
        .json(
            "POST",
            &format!("/api/v1/promotions/{case}/decision"),
            json!({"outcome": "approved", "reasons": "Every area met; peers agree."}),
        )
        .await;
    assert_eq!(decided.status, StatusCode::OK, "on {on}: {}", decided.body);
    assert_eq!(decided.json()["case"]["state"], "communicated", "on {on}");

    for (who, client) in [("Ari", &mut ari_c), ("HR", &mut admin)] {
        let export = client.get(&format!("/api/v1/people/{ari}/export")).await;
        assert_eq!(export.status, StatusCode::OK, "on {on}: {}", export.body);
        let body = export.body.clone();
        let export = export.json();
        let cases = export["promotions"].as_array().expect("promotions");
        assert_eq!(cases.len(), 1, "{who} on {on}: {}", export["promotions"]);
        let mine = &cases[0];
        assert_eq!(mine["case"]["id"], case, "{who} on {on}");
        assert_eq!(mine["seat"], "person", "{who} on {on}");
        assert_eq!(mine["decision"]["outcome"], "approved", "{who} on {on}");
        assert_eq!(
            mine["decision"]["reasons"], "Every area met; peers agree.",
            "{who} on {on}"
        );
        // Never the committee's parts.
        assert!(
            mine["comments"].is_null(),
            "{who} on {on}: {}",
            mine["comments"]
        );
        assert_eq!(mine["case"]["recommendation"], "", "{who} on {on}");
        assert!(!body.contains("Private"), "{who} on {on}: {body}");
        assert!(
            !body.contains("I have seen this for a year"),
            "{who} on {on}"
        );
        // The peers' words, not who wrote them.
        let peers = mine["peers"].as_array().expect("peers");
        assert_eq!(peers.len(), 2, "{who} on {on}");
        assert!(
            peers.iter().all(|p| p["peer"].is_null()),
            "{who} on {on}: {peers:?}"
        );
        assert!(
            peers.iter().all(|p| p["words"]
                .as_str()
                .is_some_and(|w| w.contains("Reviews my designs"))),
            "{who} on {on}"
        );
        for name in ["Bo Chen", "bo@example.org", "Hal Ibsen", "hal@example.org"] {
            assert!(!body.contains(name), "{who} on {on}: {name} in the export");
        }
        for event in mine["history"].as_array().expect("history") {
            assert!(
                event["event"]["actor_id"].is_null(),
                "{who} on {on}: {event}"
            );
            let note = event["event"]["note"].as_str().unwrap_or("");
            for peer in [bo, hal_id] {
                assert_ne!(note, format!("person:{peer}"), "{who} on {on}: {event}");
            }
        }
        assert_eq!(mine["can"]["edit"], false, "{who} on {on}");
    }
    // The packet Ari reads names no peer either.
    let packet = ari_c.get(&format!("/api/v1/promotions/{case}")).await;
    assert_eq!(packet.status, StatusCode::OK, "on {on}: {}", packet.body);
    for name in ["Bo Chen", "bo@example.org", &format!("person:{bo}")] {
        assert!(
            !packet.body.contains(name),
            "on {on}: {name} in {}",
            packet.body
        );
    }
}

/// A change refused because the session is closed: a conflict that says so.
fn refused_as_closed(r: &crate::support::Response, on: &str) {
    assert_eq!(r.status, StatusCode::CONFLICT, "on {on}: {}", r.body);
    assert!(r.body.contains("is closed"), "on {on}: {}", r.body);
}
