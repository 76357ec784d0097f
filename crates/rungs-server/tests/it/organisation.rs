//! HR's organisation view: the team page over everyone with filters,
//! readiness by level naming its group threshold, and cycles that say who
//! is late and who was left out, with reminders; on both databases.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::support::*;

/// Places `id` at `track/level` through the API.
async fn place(admin: &mut Client, id: i64, level: &str) {
    let (track, level) = level.split_once('/').expect("track/level");
    let placed = admin
        .json(
            "POST",
            &format!("/api/v1/people/{id}/placements"),
            json!({"track": track, "level": level, "reason": "correction"}),
        )
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
}

fn row_names(map: &Value) -> Vec<String> {
    let mut names: Vec<String> = map["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("no rows: {map}"))
        .iter()
        .map(|r| r["person"]["name"].as_str().expect("name").to_string())
        .collect();
    names.sort();
    names
}

/// The engineering track's levels, lowest first.
async fn engineering(admin: &mut Client) -> Vec<String> {
    admin
        .get("/api/v1/levels")
        .await
        .json()
        .as_array()
        .expect("levels")
        .iter()
        .filter(|l| l["track"] == "engineering")
        .map(|l| format!("engineering/{}", l["level"].as_str().expect("level")))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hr_team_page_covers_everyone_with_filters() {
    for backend in backends("org_team").await {
        let on = backend.name;
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let imported = admin.post_csv("/api/v1/roster", ROSTER).await;
        assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
        let mara = id_of(&mut admin, "mara@example.org").await;
        let ari = id_of(&mut admin, "ari@example.org").await;
        let levels = engineering(&mut admin).await;
        place(&mut admin, ari, &levels[1]).await;

        // HR, with no manager asked for: everyone, across managers.
        let all = admin.get("/api/v1/team").await;
        assert_eq!(all.status, StatusCode::OK, "{}", all.body);
        let names = row_names(&all.json());
        for who in [
            "Ari Okafor",
            "Bo Chen",
            "Cy Duarte",
            "Dee Park",
            "Mara Lind",
        ] {
            assert!(
                names.contains(&who.to_string()),
                "on {on}: {who} in {names:?}"
            );
        }
        // By team, by manager, by level.
        let payments = row_names(&admin.get("/api/v1/team?team=Payments").await.json());
        assert_eq!(payments, ["Cy Duarte", "Dee Park"], "on {on}");
        let below_mara = row_names(
            &admin
                .get(&format!("/api/v1/team?manager={mara}"))
                .await
                .json(),
        );
        assert_eq!(below_mara, ["Ari Okafor", "Bo Chen"], "on {on}");
        let at_level = row_names(
            &admin
                .get(&format!("/api/v1/team?level={}", levels[1]))
                .await
                .json(),
        );
        assert_eq!(at_level, ["Ari Okafor"], "on {on}");
        // The page offers the filters and lists people of both managers.
        let page = admin.get("/app/team?manager=").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(
            page.body.contains("Cy Duarte")
                && page.body.contains("Ari Okafor")
                && page.body.contains("id=\"f-manager\"")
                && page.body.contains("id=\"f-team\""),
            "{}",
            page.body
        );
        // A manager still sees only her own people, and no manager filter.
        let mut mara_client = person_client(&app, &mut admin, "mara@example.org").await;
        let hers = row_names(&mara_client.get("/api/v1/team").await.json());
        assert_eq!(hers, ["Ari Okafor", "Bo Chen"], "on {on}");
        let page = mara_client.get("/app/team").await;
        assert!(!page.body.contains("id=\"f-manager\""), "{}", page.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_names_its_threshold_and_suggests_lowering_it() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    let imported = admin.post_csv("/api/v1/roster", ROSTER).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    let ari = id_of(&mut admin, "ari@example.org").await;
    let levels = engineering(&mut admin).await;
    place(&mut admin, ari, &levels[1]).await;
    let agg = admin.get("/api/v1/insights").await.json();
    assert_eq!(agg["smallest_group"], 5, "{agg}");
    assert_eq!(agg["hidden"], 1, "{agg}");
    let page = admin.get("/app/insights").await;
    assert!(
        page.body.contains("smallest_group = 5"),
        "the threshold is named: {}",
        page.body
    );
    assert!(
        page.body.contains("Every level has fewer than 5 people")
            && page.body.contains("lower <code>smallest_group</code>"),
        "{}",
        page.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cycles_name_who_is_late_and_who_was_left_out() {
    for backend in backends("org_cycles").await {
        let on = backend.name;
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let imported = admin.post_csv("/api/v1/roster", ROSTER).await;
        assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
        let ari = id_of(&mut admin, "ari@example.org").await;
        let bo = id_of(&mut admin, "bo@example.org").await;
        let mara = id_of(&mut admin, "mara@example.org").await;
        let levels = engineering(&mut admin).await;
        // Ari at the top of the track, Bo at the bottom; Cy not placed.
        place(&mut admin, ari, levels.last().expect("a level")).await;
        place(&mut admin, bo, &levels[0]).await;
        let opened = admin
            .json(
                "POST",
                "/api/v1/cycles",
                json!({"name": "Spring", "target": "next", "self_due": "2000-01-31", "manager_due": "2999-12-31"}),
            )
            .await;
        assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
        let opened = opened.json();
        assert_eq!(opened["assessments"], 1, "{opened}");
        let id = opened["id"].as_i64().expect("cycle id");

        let detail = admin.get(&format!("/api/v1/cycles/{id}")).await;
        assert_eq!(detail.status, StatusCode::OK, "{}", detail.body);
        let detail = detail.json();
        let left_out = detail["left_out"].as_array().expect("left out");
        assert_eq!(
            left_out.len() as i64,
            opened["left_out"].as_i64().expect("count"),
            "every one left out is named: {detail}"
        );
        let reason = |name: &str| {
            left_out
                .iter()
                .find(|l| l["name"] == name)
                .and_then(|l| l["reason"].as_str())
                .unwrap_or_else(|| panic!("{name} not left out: {detail}"))
                .to_string()
        };
        assert!(reason("Ari Okafor").contains("no next level"), "on {on}");
        assert!(reason("Cy Duarte").contains("not placed"), "on {on}");
        let cy = id_of(&mut admin, "cy@example.org").await;
        let export = admin
            .get(&format!("/api/v1/people/{cy}/export"))
            .await
            .json();
        assert_eq!(
            export["cycles_left_out"],
            json!([{"cycle": id, "reason": "not placed on a level yet"}]),
            "their export says so"
        );
        // Bo's own side is late; Mara's is due later.
        let waiting = detail["waiting"].as_array().expect("waiting");
        assert_eq!(waiting.len(), 2, "{detail}");
        assert_eq!(waiting[0]["owed"]["side"], "self", "late first: {detail}");
        assert_eq!(waiting[0]["owed"]["person_id"], bo);
        assert_eq!(waiting[0]["late"], true);
        assert_eq!(waiting[1]["owed"]["owner_id"], mara);
        assert_eq!(waiting[1]["late"], false);
        assert_eq!(detail["late"], 1);

        // The page says the same in words.
        let page = admin.get("/app/cycles").await;
        assert!(
            page.body
                .contains("<strong>Late</strong> (due 2000-01-31): Bo Chen's self-assessment")
                && page.body.contains("Mara Lind's assessment of Bo Chen")
                && page.body.contains("Cy Duarte: not placed on a level yet"),
            "on {on}: {}",
            page.body
        );

        // A reminder from the page goes to both, and is audited.
        let reminded = admin
            .post_form(&format!("/app/cycles/{id}/remind"), &[])
            .await;
        assert_eq!(reminded.status, StatusCode::OK, "{}", reminded.body);
        assert!(
            reminded.body.contains("Reminder recorded for 2 people"),
            "{}",
            reminded.body
        );
        let audit = backend
            .store
            .audit_of(&format!("cycle:{id}"))
            .await
            .expect("audit");
        assert!(
            audit.iter().any(|a| a.action == "cycle.remind"),
            "on {on}: {audit:?}"
        );
        let again = admin
            .json("POST", &format!("/api/v1/cycles/{id}/remind"), json!({}))
            .await;
        assert_eq!(again.status, StatusCode::OK, "{}", again.body);
        let mut people: Vec<i64> = again.json()["people"]
            .as_array()
            .expect("people")
            .iter()
            .filter_map(Value::as_i64)
            .collect();
        people.sort_unstable();
        let mut expected = vec![bo, mara];
        expected.sort_unstable();
        assert_eq!(people, expected, "on {on}");
        let detail = admin.get(&format!("/api/v1/cycles/{id}")).await.json();
        assert_eq!(detail["reminders"].as_array().map(Vec::len), Some(2));
        assert_eq!(detail["reminders"][0]["people"], 2);

        // Closed through the API: nobody is late any more, and reminders stop.
        let closed = admin
            .json("POST", &format!("/api/v1/cycles/{id}/close"), json!({}))
            .await;
        assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
        assert_eq!(closed.json()["late"], 0);
        let after = admin
            .json("POST", &format!("/api/v1/cycles/{id}/remind"), json!({}))
            .await;
        assert_eq!(after.status, StatusCode::CONFLICT, "{}", after.body);
        let listed = admin.get("/api/v1/cycles").await.json();
        assert!(listed[0]["cycle"]["closed_at"].is_i64(), "{listed}");
    }
}
