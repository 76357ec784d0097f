//! The audit log: append-only, and tampering is detected.

use axum::http::StatusCode;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_refuses_edits_and_verify_finds_them() {
    for backend in backends("audit").await {
        let (app, mut admin) = organisation(backend.store.clone()).await;
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
    let (app, _admin) = organisation(backend.store.clone()).await;
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

/// Someone with write access to the database, the triggers dropped,
/// removes the last entries and moves the head back to the entry before
/// them, as if they had never been written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cutting_the_end_and_moving_the_head_is_detected() {
    for backend in backends("audit_cut").await {
        let (app, _admin) = organisation(backend.store.clone()).await;
        let pool = raw_pool(&backend).await;
        drop_triggers(&backend, &pool).await;
        let entries = app.store().audit_page(None, 1000).await.expect("audit");
        let last = entries[0].seq;
        let keep = entries
            .iter()
            .find(|e| e.seq == last - 2)
            .expect("an entry before the last two");
        sqlx::query("DELETE FROM audit WHERE seq > $1")
            .bind(keep.seq)
            .execute(&pool)
            .await
            .expect("delete");
        sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
            .bind(keep.seq)
            .bind(&keep.hash)
            .execute(&pool)
            .await
            .expect("move the head");
        let broken = app.store().verify_audit().await.expect("verify");
        assert!(
            broken
                .problem
                .as_deref()
                .is_some_and(|p| p.contains("head")),
            "{}: {broken:?}",
            backend.name
        );
    }
}

/// Someone with write access rewrites an entry and recomputes the hash of
/// it and of every entry after it, and the head.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rewriting_an_entry_and_recomputing_the_chain_is_detected() {
    for backend in backends("audit_rewrite").await {
        let (app, _admin) = organisation(backend.store.clone()).await;
        let pool = raw_pool(&backend).await;
        drop_triggers(&backend, &pool).await;
        let mut entries = app.store().audit_page(None, 1000).await.expect("audit");
        entries.reverse();
        let target = 2;
        let mut prev = entries[target - 2].hash.clone();
        for e in entries.iter_mut().skip(target - 1) {
            if e.seq == target as i64 {
                e.actor = "someone else".into();
            }
            e.prev_hash = prev.clone();
            e.hash = e.expected_hash();
            prev = e.hash.clone();
            sqlx::query("UPDATE audit SET actor = $1, prev_hash = $2, hash = $3 WHERE seq = $4")
                .bind(&e.actor)
                .bind(&e.prev_hash)
                .bind(&e.hash)
                .bind(e.seq)
                .execute(&pool)
                .await
                .expect("rewrite");
        }
        sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
            .bind(&prev)
            .execute(&pool)
            .await
            .expect("move the head");
        let broken = app.store().verify_audit().await.expect("verify");
        assert!(
            broken
                .problem
                .as_deref()
                .is_some_and(|p| p.contains(&format!("entry {target}"))),
            "{}: {broken:?}",
            backend.name
        );
    }
}

/// The head as it stood earlier, copied then and put back after cutting
/// the entries written since: the key cannot tell (that head was genuine),
/// a checkpoint taken in between can.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cutting_below_a_checkpoint_is_detected_even_with_an_old_head_put_back() {
    for backend in backends("audit_checkpoint").await {
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let pool = raw_pool(&backend).await;
        let saved: (i64, String, Option<String>, Option<i64>) =
            sqlx::query_as("SELECT seq, hash, mac, keyed_from FROM audit_head WHERE id = 1")
                .fetch_one(&pool)
                .await
                .expect("head");
        admin.post_csv("/api/v1/roster", ROSTER).await;
        let checkpoint = app.store().audit_checkpoint().await.expect("checkpoint");
        assert!(checkpoint.seq > saved.0, "{checkpoint:?}");
        assert!(checkpoint.mac.is_some(), "signed with the key");
        let intact = app
            .store()
            .verify_audit_since(&checkpoint)
            .await
            .expect("verify");
        assert!(intact.ok(), "{}: {intact:?}", backend.name);

        drop_triggers(&backend, &pool).await;
        sqlx::query("DELETE FROM audit WHERE seq > $1")
            .bind(saved.0)
            .execute(&pool)
            .await
            .expect("cut");
        sqlx::query(
            "UPDATE audit_head SET seq = $1, hash = $2, mac = $3, keyed_from = $4 WHERE id = 1",
        )
        .bind(saved.0)
        .bind(&saved.1)
        .bind(&saved.2)
        .bind(saved.3)
        .execute(&pool)
        .await
        .expect("put the old head back");
        // What the key alone cannot see (docs/security.md says so).
        let replayed = app.store().verify_audit().await.expect("verify");
        assert!(replayed.ok(), "{}: {replayed:?}", backend.name);
        let broken = app
            .store()
            .verify_audit_since(&checkpoint)
            .await
            .expect("verify");
        assert!(
            broken
                .problem
                .as_deref()
                .is_some_and(|p| p.contains("cut below the checkpoint")),
            "{}: {broken:?}",
            backend.name
        );
        // Nor can the checkpoint be changed to match.
        let mut forged = checkpoint.clone();
        forged.seq = saved.0;
        forged.hash = saved.1.clone();
        let refused = app
            .store()
            .verify_audit_since(&forged)
            .await
            .expect("verify");
        assert!(
            refused
                .problem
                .as_deref()
                .is_some_and(|p| p.contains("checkpoint's MAC")),
            "{}: {refused:?}",
            backend.name
        );
    }
}

/// A log written before the server had a key keeps verifying; from the
/// first start with a key on, entries are keyed; another key is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_log_from_before_keys_keeps_verifying_and_is_keyed_from_then_on() {
    for backend in backends("audit_legacy").await {
        let mut unkeyed = config();
        unkeyed.audit_key = None;
        let (app, token) = start(backend.store.clone(), unkeyed).await;
        let mut admin = admin(&app, &token).await;
        admin.post_csv("/api/v1/roster", ROSTER).await;
        let before = app.store().verify_audit().await.expect("verify");
        assert!(before.ok() && !before.keyed, "{before:?}");
        drop(admin);
        drop(app);

        let (app, _) = rungs_server::App::start_with_store(config(), backend.store.clone())
            .await
            .expect("start with a key");
        let keyed = app.store().verify_audit().await.expect("verify");
        assert!(keyed.ok() && keyed.keyed, "{}: {keyed:?}", backend.name);
        assert_eq!(keyed.entries, before.entries + 1);
        let newest = &app.store().audit_page(None, 1).await.expect("audit")[0];
        assert_eq!(newest.action, "audit.keyed");
        assert!(newest.mac.is_some());
        let oldest = &app.store().audit_page(Some(2), 1).await.expect("audit")[0];
        assert!(oldest.mac.is_none(), "entries from before keep no MAC");
        drop(app);

        let mut other = config();
        other.audit_key = Some(rungs_server::AuditKey::from_hex(&"ab".repeat(32)).expect("key"));
        match rungs_server::App::start_with_store(other, backend.store.clone()).await {
            Ok(_) => panic!("{}: started with another key", backend.name),
            Err(e) => assert!(
                e.to_string().contains("does not match the audit key"),
                "{e}"
            ),
        }
    }
}

/// Two server processes on one database writing at once: the writes
/// queue on the head's lock, and the log stays one chain.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_writing_at_once_keep_one_chain() {
    for backend in backends("audit_two").await {
        let (app, _token) = start(backend.store.clone(), config()).await;
        let first = app.store().clone();
        let second = second_store(&backend).await.with_audit_key(test_key());
        let mut tasks = Vec::new();
        for i in 0..20 {
            for store in [first.clone(), second.clone()] {
                tasks.push(tokio::spawn(async move {
                    let mut w = store
                        .write(&rungs_store::Actor::system())
                        .await
                        .expect("write");
                    w.audit("test.write", &format!("test:{i}"), None, None)
                        .await
                        .expect("audit");
                    w.commit().await.expect("commit");
                }));
            }
        }
        for task in tasks {
            task.await.expect("a writer");
        }
        let verification = first.verify_audit().await.expect("verify");
        assert!(
            verification.ok() && verification.keyed,
            "{}: {verification:?}",
            backend.name
        );
        let written = first
            .audit_page(None, 1000)
            .await
            .expect("audit")
            .into_iter()
            .filter(|e| e.action == "test.write")
            .count();
        assert_eq!(written, 40, "{}", backend.name);
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
