//! Ratings follow the ladder as it is edited in git, and a stored ladder
//! that cannot be read does not stop the server.

use super::*;

/// Writes the built-in example ladder to `dir` and commits it.
fn example_in_git(dir: &std::path::Path) {
    for file in rungs_core::SourceSet::example().iter() {
        let path = dir.join(&*file.path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, file.bytes()).expect("write");
    }
    git(dir, &["init", "-q"]);
    commit(dir, "the example");
}

fn git(dir: &std::path::Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn commit(dir: &std::path::Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

fn edit(dir: &std::path::Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} has {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

fn git_available() -> bool {
    std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ratings_follow_ladder_edits() {
    if !git_available() {
        assert!(
            std::env::var("RUNGS_REQUIRE_ALL").map_or(true, |v| v != "1"),
            "RUNGS_REQUIRE_ALL=1 but git is missing"
        );
        eprintln!("skipping: git is not installed");
        return;
    }
    for backend in backends("relink").await {
        eprintln!("relink on {}", backend.name);
        follow(backend).await;
    }
}

fn find_row<'a>(rows: &'a [Value], needle: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["text"].as_str().is_some_and(|t| t.contains(needle)))
        .unwrap_or_else(|| panic!("no row with {needle:?} in {rows:?}"))
}

async fn follow(backend: Backend) {
    let ladder = tempfile::tempdir().expect("dir");
    let root = ladder.path();
    example_in_git(root);
    let mut cfg = config();
    cfg.framework.root = Some(root.to_path_buf());
    let (app, token) = start(backend.store.clone(), cfg.clone()).await;
    let mut admin = admin(&app, &token).await;
    admin.post_csv("/api/v1/roster", ROSTER).await;
    let bo = id_of(&mut admin, "bo@example.org").await;
    place(&mut admin, bo, "engineer", "2023-01-09").await;
    let mut bo_c = person_client(&app, &mut admin, "bo@example.org").await;
    let opened = open_assessment(&mut bo_c, bo, "engineering", "senior").await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
    let view = opened.json();
    let id = view["assessment"]["id"].as_i64().expect("id");
    let first_revision = view["assessment"]["revision"]
        .as_str()
        .expect("rev")
        .to_string();
    assert!(first_revision.starts_with("git:"), "{first_revision}");
    let all: Vec<Value> = statements(&view)
        .iter()
        .map(|s| json!({"statement": s, "rating": "Consistently", "comment": "rated before the edit"}))
        .collect();
    let r = bo_c
        .json(
            "PUT",
            &format!("/api/v1/assessments/{id}/ratings"),
            json!({"version": view["assessment"]["version"], "ratings": all}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    // The ladder changes in git: a rewording, a move to another level, a
    // split, a removal and a new statement.
    let senior = "tracks/engineering/senior.md";
    edit(
        root,
        senior,
        "thoroughly, kindly and quickly.",
        "thoroughly, kindly and within a day.",
    );
    edit(
        root,
        senior,
        "- You design components and services that other engineers build on, and you document the trade-offs you chose. {#designs-components}\n",
        "",
    );
    edit(
        root,
        "tracks/engineering/staff.md",
        "## Craft\n",
        "## Craft\n- You design components and services that other engineers build on, and you document the trade-offs you chose. {#designs-components}\n",
    );
    edit(
        root,
        senior,
        "- You lead projects of several engineers over weeks or months, keeping scope, quality and dates in balance.\n",
        "- You lead projects of several engineers over weeks or months.\n- You keep scope, quality and dates of your projects in balance.\n",
    );
    edit(
        root,
        senior,
        "- You make technical debt visible and negotiate time to pay it down.\n  - Example: you turn a recurring incident into a costed proposal for the team's planning.\n",
        "- You write the runbook of every service your team owns.\n",
    );
    commit(root, "senior: reword, move, split, replace");
    let reloaded = admin
        .json("POST", "/api/v1/framework/reload", json!({}))
        .await;
    assert_eq!(reloaded.status, StatusCode::OK, "{}", reloaded.body);

    let after = bo_c.get(&format!("/api/v1/assessments/{id}")).await.json();
    assert_eq!(
        after["assessment"]["revision"],
        first_revision.as_str(),
        "pinned to the revision it was made against"
    );
    assert_ne!(
        after["assessment"]["linked_revision"],
        first_revision.as_str(),
        "relinked to the new one"
    );
    let now = rows(&after);
    // Reworded: the rating stands, marked, with the word diff.
    let reworded = find_row(&now, "within a day");
    assert_eq!(reworded["person"]["link"], "reworded", "{reworded}");
    assert_eq!(reworded["person"]["label"], "Consistently");
    assert_eq!(reworded["person"]["comment"], "rated before the edit");
    let diff = reworded["person"]["diff"].to_string();
    assert!(
        diff.contains("quickly") && diff.contains("within"),
        "{diff}"
    );
    // Unchanged statements keep their rating, unmarked.
    let kept = find_row(&now, "deep knowledge of at least one area");
    assert_eq!(kept["person"]["link"], "current");
    // The split statement is up for review.
    let split = now
        .iter()
        .filter(|r| {
            r["text"]
                .as_str()
                .is_some_and(|t| t.contains("You lead projects") || t.contains("in balance"))
        })
        .filter(|r| !r["person"].is_null())
        .collect::<Vec<_>>();
    assert_eq!(split.len(), 1, "the rating goes to one part: {split:?}");
    assert_eq!(split[0]["person"]["link"], "review");
    // The new statement is unrated.
    let fresh = find_row(&now, "runbook");
    assert!(fresh["person"].is_null(), "{fresh}");
    assert!(
        after["counts"]["new_statements"].as_u64() >= Some(1),
        "{}",
        after["counts"]
    );
    // Moved and removed ones are listed apart, the removed one with its words.
    let elsewhere = after["elsewhere"].as_array().expect("elsewhere").clone();
    let moved = find_row(&elsewhere, "You design components and services");
    assert_eq!(moved["whereabouts"], "Moved to Staff Engineer");
    assert_eq!(moved["person"]["link"], "moved");
    let removed = find_row(&elsewhere, "technical debt visible");
    assert_eq!(removed["whereabouts"], "Removed from the ladder");
    assert_eq!(removed["person"]["link"], "archived");
    // The page says so.
    let page = bo_c.get(&format!("/app/assessments/{id}")).await;
    assert!(
        page.body
            .contains("The ladder changed since this assessment was made"),
        "{}",
        page.body
    );
    assert!(page.body.contains("reworded since rated"));
    assert!(page.body.contains("<del>"), "the word diff shows");

    // Another edit while the server is down: the next start relinks from
    // the stored snapshot.
    drop(app);
    edit(root, senior, "within a day.", "within a working day.");
    commit(root, "senior: reword again");
    let (app2, _) = rungs_server::App::start_with_store(cfg, backend.store.clone())
        .await
        .expect("restart");
    let mut bo2 = Client::new(&app2);
    bo2.sign_in("bo@example.org", PASSWORD).await;
    let restarted = bo2.get(&format!("/api/v1/assessments/{id}")).await.json();
    let restarted_rows = rows(&restarted);
    let again = find_row(&restarted_rows, "within a working day");
    assert_eq!(again["person"]["link"], "reworded", "{again}");
    assert_eq!(
        again["person"]["rated_text"]
            .as_str()
            .map(|t| t.contains("quickly")),
        Some(true),
        "the words as rated are kept"
    );
    let review = rows(&restarted)
        .into_iter()
        .filter(|r| r["person"]["link"] == "review")
        .count();
    assert_eq!(review, 1, "a mark never weakens across relinks");
}

/// A stored ladder an older rungs wrote that this one cannot read does not
/// keep the server from starting: the ratings keep their statement ids.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreadable_stored_ladder_does_not_stop_the_server() {
    for backend in backends("unreadable").await {
        unreadable(backend).await;
    }
}

async fn unreadable(backend: Backend) {
    let (app, mut admin) = organisation(backend.store.clone()).await;
    let bo = id_of(&mut admin, "bo@example.org").await;
    let opened = open_assessment(&mut admin, bo, "engineering", "senior")
        .await
        .json();
    let id = opened["assessment"]["id"].as_i64().expect("id");
    drop(app);
    // Pin the assessment to a revision whose stored ladder does not read.
    let pool = raw_pool(&backend).await;
    sqlx::query("INSERT INTO framework_snapshots (revision, framework_json, stored_at) VALUES ('sha256:old', '{\"not\": \"a ladder\"}', 0)")
        .execute(&pool)
        .await
        .expect("insert");
    sqlx::query("UPDATE assessments SET snapshot_id = (SELECT id FROM framework_snapshots WHERE revision = 'sha256:old')")
        .execute(&pool)
        .await
        .expect("update");
    pool.close().await;
    let (app, _) = rungs_server::App::start_with_store(config(), backend.store.clone())
        .await
        .expect("the server starts");
    let mut admin = Client::new(&app);
    admin.sign_in("ada@example.org", PASSWORD).await;
    let view = admin.get(&format!("/api/v1/assessments/{id}")).await;
    assert_eq!(view.status, StatusCode::OK, "{}", view.body);
    assert_ne!(view.json()["assessment"]["linked_revision"], "sha256:old");
}
