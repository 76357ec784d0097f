//! What a ladder edit does to people, before a reload: the preview in the
//! API and the app, the reload's confirmation, statement health, and the
//! `impact` token that reads aggregates and nothing else.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::support::*;

const TOML: &str = "title = \"Impact ladder\"\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n[[areas]]\nid = \"people\"\ntitle = \"People\"\n";
const MID: &str = "---\ntitle: Mid\nrank: 1\n---\n## Craft\n- You ship small features with tests. {#ship}\n## People\n- You answer questions from teammates. {#answer}\n";
const SENIOR: &str = "---\ntitle: Senior\nrank: 2\n---\n## Craft\n- You design services that other teams build on. {#design}\n- You review changes carefully and explain what you ask for. {#review}\n## People\n- You mentor two engineers through their first year. {#mentor}\n";

fn write_ladder(dir: &std::path::Path, mid: &str, senior: &str) {
    std::fs::create_dir_all(dir.join("tracks/eng")).expect("mkdir");
    std::fs::write(dir.join("rungs.toml"), TOML).expect("write");
    std::fs::write(dir.join("tracks/eng/_index.md"), "---\ntitle: Eng\n---\n").expect("write");
    std::fs::write(dir.join("tracks/eng/mid.md"), mid).expect("write");
    std::fs::write(dir.join("tracks/eng/senior.md"), senior).expect("write");
}

/// Seven people at Senior and two at Mid, each with a shared assessment
/// rated "Consistently" (3) by both sides on every statement.
async fn seed(backend: &Backend, admin: &mut Client) -> Vec<i64> {
    let mut roster =
        String::from("Work Email,Full Name,Job Title,Department,Manager Email,Start Date\n");
    roster.push_str("lead@example.org,Lee Lead,Engineering Manager,Core,,2019-01-01\n");
    for i in 1..=7 {
        roster.push_str(&format!(
            "s{i}@example.org,Senior Person {i},Senior Engineer,Core,lead@example.org,2020-01-01\n"
        ));
    }
    for i in 1..=2 {
        roster.push_str(&format!(
            "m{i}@example.org,Mid Person {i},Engineer,Core,lead@example.org,2022-01-01\n"
        ));
    }
    let r = admin.post_csv("/api/v1/roster", &roster).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let lead = id_of(admin, "lead@example.org").await;
    let pool = raw_pool(backend).await;
    let (snapshot, revision): (i64, String) =
        sqlx::query_as("SELECT id, revision FROM framework_snapshots ORDER BY id DESC LIMIT 1")
            .fetch_one(&pool)
            .await
            .expect("snapshot");
    let mut people = Vec::new();
    for (prefix, level, n, statements) in [
        ("s", "senior", 7, &["design", "review", "mentor"][..]),
        ("m", "mid", 2, &["ship", "answer"][..]),
    ] {
        for i in 1..=n {
            let person = id_of(admin, &format!("{prefix}{i}@example.org")).await;
            people.push(person);
            let (assessment,): (i64,) = sqlx::query_as(
                "INSERT INTO assessments (person_id, manager_id, track, level, revision, snapshot_id,
                 self_submitted_at, manager_submitted_at, shared_at, created_at, updated_at)
                 VALUES ($1, $2, 'eng', $3, $4, $5, 1, 1, 1, 1, 1) RETURNING id",
            )
            .bind(person)
            .bind(lead)
            .bind(level)
            .bind(&revision)
            .bind(snapshot)
            .fetch_one(&pool)
            .await
            .expect("assessment");
            for statement in statements {
                for side in ["self", "manager"] {
                    sqlx::query(
                        "INSERT INTO ratings (assessment_id, side, track, level, statement_id, rating, rated_text, link)
                         VALUES ($1, $2, 'eng', $3, $4, 3, '', 'current')",
                    )
                    .bind(assessment)
                    .bind(side)
                    .bind(level)
                    .bind(*statement)
                    .execute(&pool)
                    .await
                    .expect("rating");
                }
            }
        }
    }
    pool.close().await;
    people
}

fn level<'a>(preview: &'a Value, id: &str) -> Option<&'a Value> {
    preview["impact"]["levels"]
        .as_array()?
        .iter()
        .find(|l| l["level"] == id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edits_judged_by_their_effect_on_people() {
    for backend in backends("impact").await {
        story(backend).await;
    }
}

async fn story(backend: Backend) {
    let ladder = tempfile::tempdir().expect("temp dir");
    write_ladder(ladder.path(), MID, SENIOR);
    let mut cfg = config();
    cfg.framework.root = Some(ladder.path().to_path_buf());
    let (app, token) = start(backend.store.clone(), cfg).await;
    let mut admin = admin(&app, &token).await;
    seed(&backend, &mut admin).await;
    let name = backend.name;

    // Nothing on disk changed: nothing to say.
    let same = admin.get("/api/v1/framework/impact").await;
    assert_eq!(same.status, StatusCode::OK, "{name}: {}", same.body);
    let same = same.json();
    assert_eq!(same["old"], same["new"], "{name}");
    assert_eq!(same["impact"]["levels"], json!([]), "{name}");

    // A pure rewording changes nobody's readiness; the ratings follow it.
    write_ladder(
        ladder.path(),
        MID,
        &SENIOR.replace(
            "explain what you ask for",
            "explain what you ask of authors",
        ),
    );
    let reworded = admin.get("/api/v1/framework/impact").await.json();
    assert_eq!(
        reworded["impact"]["statements"]["reworded"], 1,
        "{name}: {reworded}"
    );
    assert_eq!(
        reworded["impact"]["ratings"]["reworded"], 14,
        "{name}: {reworded}"
    );
    let senior = level(&reworded, "senior").expect("senior listed");
    assert_eq!(senior["figures"]["ready_before"], 7, "{name}: {reworded}");
    assert_eq!(senior["figures"]["ready_after"], 7, "{name}: {reworded}");
    assert_eq!(reworded["impact"]["stop_being_ready"], 0, "{name}");
    assert_eq!(reworded["verdict"]["pass"], true, "{name}");

    // A move (the mentoring statement to Craft, same words) keeps readiness.
    write_ladder(
        ladder.path(),
        MID,
        "---\ntitle: Senior\nrank: 2\n---\n## Craft\n- You design services that other teams build on. {#design}\n- You review changes carefully and explain what you ask for. {#review}\n- You mentor two engineers through their first year. {#mentor}\n",
    );
    let moved = admin.get("/api/v1/framework/impact").await.json();
    assert_eq!(moved["impact"]["statements"]["moved"], 1, "{name}: {moved}");
    let senior = level(&moved, "senior").expect("senior listed");
    assert_eq!(senior["figures"]["ready_after"], 7, "{name}: {moved}");
    assert_eq!(senior["figures"]["stop_being_ready"], 0, "{name}: {moved}");

    // Tightening: Senior asks one more thing of Craft, Mid too. The seven
    // at Senior stop being ready; Mid's two are too few to show.
    write_ladder(
        ladder.path(),
        &MID.replace(
            "## People",
            "- You write the design notes for your features. {#notes}\n## People",
        ),
        &SENIOR.replace(
            "## People",
            "- You set the testing standards every team follows. {#standards}\n## People",
        ),
    );
    let tight = admin.get("/api/v1/framework/impact").await;
    assert_eq!(tight.status, StatusCode::OK, "{name}: {}", tight.body);
    let body = tight.body.clone();
    let tight = tight.json();
    let senior = level(&tight, "senior").expect("senior listed");
    assert_eq!(senior["figures"]["assessed"], 7, "{name}: {tight}");
    assert_eq!(senior["figures"]["stop_being_ready"], 7, "{name}: {tight}");
    assert_eq!(tight["impact"]["stop_being_ready"], 7, "{name}: {tight}");
    let mid = level(&tight, "mid").expect("mid listed");
    assert_eq!(mid["figures"], Value::Null, "{name}: {tight}");
    assert_eq!(tight["impact"]["hidden_levels"], 1, "{name}");
    assert_eq!(tight["verdict"]["pass"], false, "{name}");
    // No name, no address, and not the hidden group's total (7 + 2).
    for needle in ["Person", "@example.org", "\"people\":[", ":9,"] {
        assert!(!body.contains(needle), "{name}: {needle} in {body}");
    }

    // The app names the people for those whose role reads everyone.
    let page = admin.get("/app/impact").await;
    assert_eq!(page.status, StatusCode::OK, "{name}: {}", page.body);
    assert!(page.body.contains("Senior Person 3"), "{name}");
    assert!(page.body.contains("stops being ready"), "{name}");
    assert!(page.body.contains("fewer than 5 people assessed"), "{name}");

    // Statement health: Senior's figures, none for Mid's two people.
    let health = admin.get("/api/v1/framework/health").await;
    assert_eq!(health.status, StatusCode::OK, "{name}: {}", health.body);
    let health = health.json();
    let statements = health["health"]["statements"]
        .as_array()
        .expect("statements");
    let design = statements
        .iter()
        .find(|s| s["id"] == "design")
        .expect("design");
    assert_eq!(design["figures"]["people"], 7, "{name}: {design}");
    assert_eq!(design["figures"]["met_percent"], 100, "{name}");
    assert!(
        design["suggestions"][0]
            .as_str()
            .is_some_and(|s| s.starts_with("everyone assessed at Senior")),
        "{name}: {design}"
    );
    let ship = statements.iter().find(|s| s["id"] == "ship").expect("ship");
    assert_eq!(ship["figures"], Value::Null, "{name}: {ship}");
    let csv = admin.get("/app/impact/health.csv").await;
    assert_eq!(csv.status, StatusCode::OK, "{name}");
    assert!(csv.body.starts_with("track,level,area,statement"), "{name}");

    // An `impact` token reads the aggregates and no person.
    let made = admin
        .post_form("/app/tokens", &[("name", "ci"), ("scope", "impact")])
        .await;
    let secret = made
        .body
        .split("<code class=\"app-secret\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("secret");
    let mut ci = Client::new(&app);
    ci.bearer = Some(secret.to_string());
    let read = ci.get("/api/v1/framework/impact").await;
    assert_eq!(read.status, StatusCode::OK, "{name}: {}", read.body);
    assert_eq!(read.json()["impact"]["stop_being_ready"], 7, "{name}");
    assert_eq!(
        ci.get("/api/v1/framework/health").await.status,
        StatusCode::OK,
        "{name}"
    );
    let ari = id_of(&mut admin, "s1@example.org").await;
    for path in [
        "/api/v1/me".to_string(),
        "/api/v1/people".to_string(),
        format!("/api/v1/people/{ari}"),
        format!("/api/v1/people/{ari}/growth"),
        "/api/v1/insights".to_string(),
        "/api/v1/team".to_string(),
        "/app/impact".to_string(),
    ] {
        let r = ci.get(&path).await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "{name}: {path}: {}",
            r.body
        );
        assert!(!r.body.contains("Senior Person"), "{name}: {path}");
    }
    // The preview of two versions sent as files, as `rungs impact --server`
    // sends them: writes nothing, allowed to the token.
    let files = |senior: &str| {
        json!({
            "rungs.toml": TOML,
            "tracks/eng/_index.md": "---\ntitle: Eng\n---\n",
            "tracks/eng/mid.md": MID,
            "tracks/eng/senior.md": senior,
        })
    };
    let sent = ci
        .json(
            "POST",
            "/api/v1/framework/impact",
            json!({
                "old_name": "main",
                "new_name": "branch",
                "old": files(SENIOR),
                "new": files(&SENIOR.replace(
                    "## People",
                    "- You set the testing standards every team follows. {#standards}\n## People",
                )),
            }),
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{name}: {}", sent.body);
    assert_eq!(sent.json()["impact"]["stop_being_ready"], 7, "{name}");
    let broken = ci
        .json(
            "POST",
            "/api/v1/framework/impact",
            json!({"old": files(SENIOR), "new": {"rungs.toml": "title = "}}),
        )
        .await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
    // Nor does it write anything else.
    let write = ci
        .json("POST", "/api/v1/rollouts", json!({"name": "x"}))
        .await;
    assert_eq!(write.status, StatusCode::FORBIDDEN, "{name}");

    // The reload asks first, then goes ahead when confirmed.
    let asked = admin.post_form("/app/framework/reload", &[]).await;
    assert_eq!(asked.status, StatusCode::CONFLICT, "{name}: {}", asked.body);
    assert!(asked.body.contains("stop being ready"), "{name}");
    let before = admin.get("/api/v1/framework/impact").await.json()["old"].clone();
    let done = admin
        .post_form("/app/framework/reload", &[("confirm", "yes")])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{name}: {}", done.body);
    let after = admin.get("/api/v1/framework/impact").await.json();
    assert_ne!(after["old"], before, "{name}");
    assert_eq!(after["impact"]["levels"], json!([]), "{name}");
}
