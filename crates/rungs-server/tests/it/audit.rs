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
