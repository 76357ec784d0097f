//! Privileged people are changed by administrators only, whichever way
//! the change comes.

use super::*;

/// Confirming a rollout's proposal is a placement, and HR places neither
/// administrators nor themselves: a proposal for an administrator's level,
/// which HR may make, is confirmed by an administrator only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hr_cannot_set_an_administrators_level_through_a_rollout() {
    for backend in backends("hr_confirm").await {
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let imported = admin.post_csv("/api/v1/roster", ROSTER).await;
        assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
        let dee = make_dee_hr(&mut admin).await;
        let opened = admin
            .json("POST", "/api/v1/rollouts", json!({"name": "New ladder"}))
            .await;
        assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
        let rollout = opened.json()["id"].as_i64().expect("rollout id");
        let admin_id = admin.get("/api/v1/me").await.json()["person"]["id"]
            .as_i64()
            .expect("admin id");
        let bo = id_of(&mut admin, "bo@example.org").await;
        let mut hr = person_client(&app, &mut admin, "dee@example.org").await;
        // HR proposes for anyone: an employee, the administrator, themselves.
        for id in [bo, admin_id, dee] {
            let proposed = rollout_step(&mut hr, rollout, id, "propose", 1).await;
            assert_eq!(proposed.status, StatusCode::OK, "{id}: {}", proposed.body);
        }
        // HR confirms the employee's level only.
        let confirmed = rollout_step(&mut hr, rollout, bo, "confirm", 2).await;
        assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.body);
        for (who, id) in [("the administrator", admin_id), ("HR themselves", dee)] {
            let refused = rollout_step(&mut hr, rollout, id, "confirm", 2).await;
            assert_eq!(
                refused.status,
                StatusCode::FORBIDDEN,
                "{who} on {}: {}",
                backend.name,
                refused.body
            );
            let placements = admin
                .get(&format!("/api/v1/people/{id}/placements"))
                .await
                .json();
            assert_eq!(
                placements.as_array().map(Vec::len),
                Some(0),
                "{who}: nothing was placed: {placements}"
            );
        }
        // The administrator's level is the administrator's to confirm.
        let by_admin = rollout_step(&mut admin, rollout, admin_id, "confirm", 2).await;
        assert_eq!(by_admin.status, StatusCode::OK, "{}", by_admin.body);
    }
}

/// One step of a rollout entry through the API, at `version`; a proposal
/// is for Staff Engineer.
async fn rollout_step(
    client: &mut Client,
    rollout: i64,
    person: i64,
    step: &str,
    version: i64,
) -> Response {
    client
        .json(
            "POST",
            &format!("/api/v1/rollouts/{rollout}/people/{person}/{step}"),
            json!({"version": version, "level": "engineering/staff"}),
        )
        .await
}
