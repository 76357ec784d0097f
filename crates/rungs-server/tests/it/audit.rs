//! The audit log: append-only, and tampering is detected.

use axum::http::StatusCode;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_refuses_edits_and_verify_finds_them() {
    for backend in backends("audit").await {
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        admin.post_csv("/api/v1/roster", ROSTER).await;
        let ok = app.store().verify_audit().await.expect("verify");
        assert!(ok.ok(), "{ok:?}");
        assert!(ok.entries >= 6);
        // The triggers refuse changes to the log.
        let pool = raw_pool(&backend).await;
        for change in [
            "UPDATE audit SET actor = 'someone else' WHERE seq = 2",
            "DELETE FROM audit WHERE seq = 3",
        ] {
            match sqlx::query(change).execute(&pool).await {
                Ok(_) => panic!("{} allowed {change}", backend.name),
                Err(e) => assert!(
                    e.to_string().contains("the audit log is append-only"),
                    "{} refused {change} for another reason: {e}",
                    backend.name
                ),
            }
        }
        // With the triggers dropped (someone with database access), verify
        // still sees the edit.
        drop_triggers(&backend, &pool).await;
        sqlx::query("UPDATE audit SET actor = 'someone else' WHERE seq = 2")
            .execute(&pool)
            .await
            .expect("update");
        let broken = app.store().verify_audit().await.expect("verify");
        assert_eq!(
            broken.problem.as_deref(),
            Some("entry 2 was changed after it was written"),
            "{}",
            backend.name
        );
        let api = admin.get("/api/v1/audit/verify").await;
        assert_eq!(api.status, StatusCode::OK);
        assert!(api.json()["problem"].is_string());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removing_the_last_entries_is_detected() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    admin.post_csv("/api/v1/roster", ROSTER).await;
    let pool = raw_pool(&backend).await;
    drop_triggers(&backend, &pool).await;
    sqlx::query("DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)")
        .execute(&pool)
        .await
        .expect("delete");
    let broken = app.store().verify_audit().await.expect("verify");
    assert!(
        broken
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("removed from the end")),
        "{broken:?}"
    );
}

async fn drop_triggers(backend: &Backend, pool: &sqlx::AnyPool) {
    let statements: &[&str] = match backend.name {
        "sqlite" => &[
            "DROP TRIGGER audit_no_update",
            "DROP TRIGGER audit_no_delete",
        ],
        _ => &["DROP TRIGGER audit_no_change ON audit"],
    };
    for s in statements {
        sqlx::query(*s).execute(pool).await.expect("drop trigger");
    }
}

/// The audit page names people and links them, narrows by who, what,
/// subject and dates, shows each change as before and after, and does not
/// show an anonymised person's old details.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_log_reads_as_names_filters_and_hides_the_anonymised() {
    for backend in backends("audit_readable").await {
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let on = backend.name;
        admin.post_csv("/api/v1/roster", ROSTER).await;
        // A change: Bo's job title, through the roster again.
        let changed = ROSTER.replace("Bo Chen,Software Engineer", "Bo Chen,Senior Engineer");
        admin.post_csv("/api/v1/roster", &changed).await;
        let (mara, bo, cy) = (
            id_of(&mut admin, "mara@example.org").await,
            id_of(&mut admin, "bo@example.org").await,
            id_of(&mut admin, "cy@example.org").await,
        );
        let me = id_of(&mut admin, "ada@example.org").await;

        let page = admin.get("/app/audit").await;
        assert_eq!(page.status, StatusCode::OK, "{on}");
        let body = &page.body;
        // Names and links, not ids.
        assert!(
            body.contains(&format!("<a href=\"/app/people/{mara}\">Mara Lind</a>")),
            "{on}: {body}"
        );
        assert!(
            body.contains(&format!("<a href=\"/app/people/{me}\">Ada Admin</a>")),
            "{on}: {body}"
        );
        assert!(
            !body.contains(&format!(">person:{mara}<")),
            "{on}: an id shown as the subject"
        );
        // Before and after, field by field.
        assert!(
            body.contains("<dt>job title</dt><dd><del>Software Engineer</del> → <ins>Senior Engineer</ins></dd>"),
            "{on}: {body}"
        );

        // Filters: what, who, subject by name, dates.
        let rows = |body: &str| body.matches("<tr>").count().saturating_sub(1);
        let updates = admin.get("/app/audit?what=person.update").await.body;
        assert_eq!(rows(&updates), 1, "{on}: one update: {updates}");
        let creates = admin.get("/app/audit?what=person.create").await.body;
        assert_eq!(
            rows(&creates),
            6,
            "{on}: the administrator and five people created: {creates}"
        );
        let kind = admin.get("/app/audit?what=person.").await.body;
        assert!(rows(&kind) >= 6, "{on}: every person action: {kind}");
        let about_bo = admin.get("/app/audit?subject=Bo+Chen").await.body;
        assert_eq!(
            rows(&about_bo),
            2,
            "{on}: Bo created and changed: {about_bo}"
        );
        let by_someone_else = admin.get("/app/audit?who=person:999").await.body;
        assert!(by_someone_else.contains("No entries match"), "{on}");
        let by_me = admin
            .get(&format!("/app/audit?who=person:{me}&subject=person:{cy}"))
            .await
            .body;
        assert_eq!(rows(&by_me), 1, "{on}: {by_me}");
        let today = chrono::Utc::now().date_naive();
        let (yesterday, tomorrow) = (
            today.pred_opt().expect("a day"),
            today.succ_opt().expect("a day"),
        );
        let today_only = admin
            .get(&format!(
                "/app/audit?from={today}&to={today}&what=person.create"
            ))
            .await
            .body;
        assert_eq!(rows(&today_only), 6, "{on}: {today_only}");
        let before = admin.get(&format!("/app/audit?to={yesterday}")).await.body;
        assert!(before.contains("No entries match"), "{on}");
        let after = admin.get(&format!("/app/audit?from={tomorrow}")).await.body;
        assert!(after.contains("No entries match"), "{on}");
        let bad = admin.get("/app/audit?from=yesterday").await;
        assert!(
            bad.body.contains("`yesterday` is not a date"),
            "{on}: {}",
            bad.body
        );
        // The export takes the same filters.
        let export = admin.get("/api/v1/audit?what=person.update").await.json();
        let actions: Vec<&str> = export
            .as_array()
            .expect("entries")
            .iter()
            .filter_map(|e| e["action"].as_str())
            .collect();
        assert_eq!(actions, ["person.update"], "{on}");
        assert!(
            updates.contains("/api/v1/audit?limit=1000&amp;what=person.update"),
            "{on}: {updates}"
        );

        // Anonymised: named as such, old details not shown again.
        let mut w = app
            .store()
            .write(&rungs_store::Actor::person(me))
            .await
            .expect("write");
        w.anonymise_person(bo).await.expect("anonymise");
        w.commit().await.expect("commit");
        let about_bo = admin
            .get(&format!("/app/audit?subject=person:{bo}"))
            .await
            .body;
        assert!(
            about_bo.contains(&format!("Anonymised person ({bo})")),
            "{on}: {about_bo}"
        );
        assert!(about_bo.contains("(anonymised)"), "{on}: {about_bo}");
        for gone in ["Bo Chen", "bo@example.org", "Software Engineer"] {
            assert!(
                !about_bo.contains(gone),
                "{on}: {gone} shown again: {about_bo}"
            );
        }
        // Still verifiable.
        let verify = admin.get("/api/v1/audit/verify").await.json();
        assert_eq!(verify["problem"], serde_json::Value::Null, "{on}");
    }
}
