//! Destructive actions in the app ask first: the form's post shows what
//! will happen, in words, and changes nothing; posting again with
//! `confirm=yes` acts, and the audit log names the action.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::*;

/// Asserts that `page` is a confirmation page saying each of `words`, with
/// a button that posts to `action` with `confirm=yes`.
fn asks(page: &Response, action: &str, words: &[&str], on: &str) {
    assert_eq!(page.status, StatusCode::OK, "on {on}: {}", page.body);
    for w in words {
        assert!(
            page.body.contains(w),
            "on {on}: `{w}` missing in {}",
            page.body
        );
    }
    assert!(
        page.body.contains(&format!("action=\"{action}\"")),
        "on {on}: {}",
        page.body
    );
    assert!(
        page.body.contains("name=\"confirm\" value=\"yes\""),
        "on {on}: {}",
        page.body
    );
}

async fn audited(backend: &Backend, subject: &str, action: &str) -> bool {
    backend
        .store
        .audit_of(subject)
        .await
        .expect("audit")
        .iter()
        .any(|a| a.action == action)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn destructive_actions_ask_first_and_act_when_confirmed() {
    for backend in backends("confirm").await {
        let on = backend.name;
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let imported = admin.post_csv("/api/v1/roster", ROSTER).await;
        assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
        let bo = id_of(&mut admin, "bo@example.org").await;

        // Anonymising.
        let anonymise = format!("/app/people/{bo}/anonymise");
        let asked = admin.post_form(&anonymise, &[]).await;
        asks(
            &asked,
            &anonymise,
            &[
                "Anonymising Bo Chen removes their name, email",
                "This cannot be undone",
                "0 assessments are",
            ],
            on,
        );
        let still = admin.get(&format!("/api/v1/people/{bo}")).await.json();
        assert_eq!(still["person"]["name"], "Bo Chen", "on {on}");
        assert!(!audited(&backend, &format!("person:{bo}"), "person.anonymise").await);
        let done = admin.post_form(&anonymise, &[("confirm", "yes")]).await;
        assert_eq!(done.status, StatusCode::OK, "on {on}: {}", done.body);
        let gone = admin.get(&format!("/api/v1/people/{bo}")).await.json();
        assert_eq!(gone["person"]["name"], format!("Former employee {bo}"));
        assert!(audited(&backend, &format!("person:{bo}"), "person.anonymise").await);

        // Closing a rollout.
        let rollout = admin.open_rollout("New ladder").await;
        let close = format!("/app/rollouts/{rollout}/close");
        let asked = admin.post_form(&close, &[]).await;
        asks(
            &asked,
            &close,
            &[
                "Closing New ladder ends it",
                "still without a confirmed level",
            ],
            on,
        );
        let open = admin.get("/api/v1/rollouts").await.json();
        assert!(open[0]["closed_at"].is_null(), "on {on}: {open}");
        let done = admin.post_form(&close, &[("confirm", "yes")]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "on {on}: {}", done.body);
        let closed = admin.get("/api/v1/rollouts").await.json();
        assert!(closed[0]["closed_at"].is_i64(), "on {on}: {closed}");
        assert!(audited(&backend, &format!("rollout:{rollout}"), "rollout.close").await);

        // Closing a cycle.
        let cycle = admin
            .json(
                "POST",
                "/api/v1/cycles",
                json!({"name": "Spring", "target": "next"}),
            )
            .await;
        assert_eq!(cycle.status, StatusCode::OK, "on {on}: {}", cycle.body);
        let cycle = cycle.json()["id"].as_i64().expect("cycle id");
        let close = format!("/app/cycles/{cycle}/close");
        let asked = admin.post_form(&close, &[]).await;
        asks(
            &asked,
            &close,
            &["Closing Spring stops its reminders", "not shared yet"],
            on,
        );
        assert!(!audited(&backend, &format!("cycle:{cycle}"), "cycle.close").await);
        let done = admin.post_form(&close, &[("confirm", "yes")]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "on {on}: {}", done.body);
        assert!(audited(&backend, &format!("cycle:{cycle}"), "cycle.close").await);

        // Revoking an API token.
        let made = admin
            .post_form("/app/tokens", &[("name", "nightly"), ("scope", "read")])
            .await;
        let secret = made
            .body
            .split("<code class=\"app-secret\">")
            .nth(1)
            .and_then(|s| s.split('<').next())
            .expect("secret")
            .to_string();
        let mut script = Client::new(&app);
        script.bearer = Some(secret);
        let tokens = admin.get("/app/tokens").await;
        let id = tokens
            .body
            .split("/app/tokens/")
            .nth(1)
            .and_then(|s| s.split('/').next())
            .expect("token id")
            .to_string();
        let revoke = format!("/app/tokens/{id}/revoke");
        let asked = admin.post_form(&revoke, &[]).await;
        asks(
            &asked,
            &revoke,
            &[
                "Revoking nightly (read access) stops every script",
                "cannot be undone",
            ],
            on,
        );
        assert_eq!(
            script.get("/api/v1/me").await.status,
            StatusCode::OK,
            "on {on}"
        );
        let done = admin.post_form(&revoke, &[("confirm", "yes")]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "on {on}: {}", done.body);
        assert_eq!(
            script.get("/api/v1/me").await.status,
            StatusCode::UNAUTHORIZED,
            "on {on}"
        );
        // Deactivating through the person form: Dee manages Cy.
        let dee = id_of(&mut admin, "dee@example.org").await;
        let before = admin.get(&format!("/api/v1/people/{dee}")).await.json();
        let version = before["person"]["version"].to_string();
        let form = [
            ("version", version.as_str()),
            ("name", "Dee Park"),
            ("email", "dee@example.org"),
            ("job_title", "Engineering Manager"),
            ("team", "Payments"),
            ("manager_id", ""),
            ("start_date", "2019-11-11"),
            ("role", "employee"),
            ("active", "false"),
        ];
        let edit = format!("/app/people/{dee}");
        let asked = admin.post_form(&edit, &form).await;
        asks(
            &asked,
            &edit,
            &[
                "Deactivate Dee Park?",
                "signs them out everywhere at once",
                "1 person still reports to Dee Park",
                "name=\"job_title\" value=\"Engineering Manager\"",
            ],
            on,
        );
        let still = admin.get(&format!("/api/v1/people/{dee}")).await.json();
        assert_eq!(still["person"]["active"], true, "on {on}: {still}");
        assert_eq!(still["person"]["version"], before["person"]["version"]);
        let mut confirmed = form.to_vec();
        confirmed.push(("confirm", "yes"));
        let done = admin.post_form(&edit, &confirmed).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "on {on}: {}", done.body);
        let after = admin.get(&format!("/api/v1/people/{dee}")).await.json();
        assert_eq!(after["person"]["active"], false, "on {on}: {after}");
        assert_eq!(after["person"]["job_title"], "Engineering Manager");
        // Editing someone already inactive asks nothing.
        let version = after["person"]["version"].to_string();
        let mut again = form.to_vec();
        again[0] = ("version", version.as_str());
        again[3] = ("job_title", "Director");
        let saved = admin.post_form(&edit, &again).await;
        assert_eq!(
            saved.status,
            StatusCode::SEE_OTHER,
            "on {on}: {}",
            saved.body
        );
        app.store().close().await;
    }
}
