//! Upgrading: a database written before the invariants and the search key
//! (migrations up to 0004) migrates and reads as before, its people found
//! by the keys filled at the first start; one that breaks an invariant is
//! refused and left as it was.

use rungs_store::{Page, Scope, Store};
use sqlx::migrate::Migrator;

use crate::support::*;

/// The last migration of the version before.
const BEFORE: i64 = 4;

/// Migrates `db` to the schema of the version before.
async fn migrate_to_before(db: &Db) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut copied = 0;
    for entry in std::fs::read_dir(db.migrations()).expect("migrations") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a file name")
            .to_string();
        let version: i64 = name
            .split('_')
            .next()
            .and_then(|v| v.parse().ok())
            .expect("a numbered migration");
        if version <= BEFORE {
            std::fs::copy(&path, dir.path().join(&name)).expect("copy");
            copied += 1;
        }
    }
    assert_eq!(copied, BEFORE, "the migrations of the version before");
    Migrator::new(dir.path())
        .await
        .expect("read migrations")
        .run(&db.raw)
        .await
        .expect("migrate to the version before");
}

/// What the version before wrote: people (one with accents), teams,
/// placements (closed and open), a closed and an open rollout with entries
/// in every status, sign-in state, an assessment revised once with ratings,
/// a goal, a note, a cycle.
const WRITTEN_BEFORE: &[&str] = &[
    "INSERT INTO teams (name) VALUES ('Platform')",
    "INSERT INTO people (email, name, job_title, team_id, active, role, password_hash, created_at, updated_at)
     VALUES ('ada@example.org', 'Ada Admin', '', NULL, 1, 'admin', 'argon', 1, 1)",
    "INSERT INTO people (email, name, job_title, team_id, manager_id, start_date, active, role, created_at, updated_at,
        previous_title, idp_subject)
     VALUES ('elodie@example.org', 'Élodie Martin', 'Senior Engineer', 1, 1, '2021-06-15', 1, 'employee', 1, 1,
        'Staff Engineer', 'https://idp/|elodie')",
    "INSERT INTO people (email, name, job_title, active, role, created_at, updated_at)
     VALUES ('bo@example.org', 'Bo Chen', 'Engineer', 0, 'hr', 1, 1)",
    "INSERT INTO placements (person_id, track, level, from_date, until_date, reason, decided_by, revision, created_at)
     VALUES (2, 'engineering', 'engineer', '2021-06-15', '2023-01-01', 'hire', 1, 'r1', 1)",
    "INSERT INTO placements (person_id, track, level, from_date, reason, decided_by, revision, needs_review, created_at)
     VALUES (2, 'engineering', 'senior', '2023-01-01', 'promotion', 1, 'r1', 1, 2)",
    "INSERT INTO rollouts (name, revision, created_at, closed_at) VALUES ('2025', 'r1', 1, 2)",
    "INSERT INTO rollouts (name, revision, created_at) VALUES ('2026', 'r1', 3)",
    "INSERT INTO rollout_entries (rollout_id, person_id, status, suggestion_reason)
     VALUES (1, 1, 'suggested', 'no title')",
    "INSERT INTO rollout_entries (rollout_id, person_id, status, proposed_track, proposed_level, proposed_by, confirmed_by)
     VALUES (1, 2, 'acknowledged', 'engineering', 'senior', 1, 1)",
    "INSERT INTO rollout_entries (rollout_id, person_id, status, proposed_track, proposed_level)
     VALUES (2, 2, 'proposed', 'engineering', 'staff')",
    "INSERT INTO rollout_entries (rollout_id, person_id, status, proposed_track, proposed_level, confirmed_by)
     VALUES (2, 3, 'confirmed', 'engineering', 'engineer', 1)",
    "INSERT INTO sessions (token_hash, person_id, csrf, created_at, expires_at) VALUES ('s', 1, 'c', 1, 2)",
    "INSERT INTO api_tokens (person_id, name, token_hash, scope, created_at) VALUES (2, 'ci', 't', 'read', 1)",
    "INSERT INTO one_time_links (token_hash, purpose, person_id, expires_at, used_at) VALUES ('l1', 'reset', 2, 9, 5)",
    "INSERT INTO one_time_links (token_hash, purpose, person_id, expires_at) VALUES ('l2', 'reset', 2, 9)",
    "INSERT INTO one_time_links (token_hash, purpose, expires_at) VALUES ('l3', 'setup', 9)",
    "INSERT INTO revisions (revision, loaded_at) VALUES ('r1', 1)",
    "INSERT INTO framework_snapshots (revision, framework_json, stored_at) VALUES ('r1', '{}', 1)",
    "INSERT INTO cycles (name, target, opened_at) VALUES ('H1', 'own', 1)",
    "INSERT INTO assessments (person_id, manager_id, track, level, cycle_id, revision, snapshot_id,
        self_submitted_at, manager_submitted_at, shared_at, acknowledged_at, created_at, updated_at)
     VALUES (2, 1, 'engineering', 'senior', 1, 'r1', 1, 1, 1, 2, 3, 1, 3)",
    "INSERT INTO assessments (person_id, manager_id, track, level, revision, snapshot_id, supersedes,
        change_reason, created_at, updated_at)
     VALUES (2, 1, 'engineering', 'senior', 'r1', 1, 1, 'a typo', 4, 4)",
    "INSERT INTO ratings (assessment_id, side, track, level, statement_id, rating, rated_text, link)
     VALUES (1, 'self', 'engineering', 'senior', 's1', 2, 'Owns features', 'reworded')",
    "INSERT INTO ratings (assessment_id, side, track, level, statement_id, rating, rated_text)
     VALUES (1, 'manager', 'engineering', 'senior', 's1', 3, 'Owns features')",
    "INSERT INTO goals (person_id, track, level, statement_id, statement_text, goal, status, created_at, updated_at)
     VALUES (2, 'engineering', 'staff', 's9', 'Leads', 'Lead the importer', 'done', 1, 1)",
    "INSERT INTO notes (person_id, author_id, manager_id, goal_id, body, created_at)
     VALUES (2, 1, 1, 1, 'Went well', 1)",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_the_version_before_wrote_migrates_and_reads_as_before() {
    for db in empty_databases("upgrade").await {
        let on = db.name;
        migrate_to_before(&db).await;
        assert!(!WRITTEN_BEFORE.is_empty());
        for sql in WRITTEN_BEFORE {
            exec(&db.raw, sql).await;
        }
        let store = db
            .open()
            .await
            .unwrap_or_else(|e| panic!("{on}: the upgrade failed: {e}"));
        reads_as_before(&store, on).await;
        store.close().await;
    }
}

async fn reads_as_before(store: &Store, on: &str) {
    let elodie = store
        .person_by_email("elodie@example.org")
        .await
        .expect("read")
        .expect("Élodie");
    assert_eq!(
        (
            elodie.name.as_str(),
            elodie.track.as_deref(),
            elodie.level.as_deref()
        ),
        ("Élodie Martin", Some("engineering"), Some("senior")),
        "on {on}"
    );
    assert!(elodie.identity_linked && !elodie.has_password, "on {on}");
    let placements = store.placements(elodie.id).await.expect("placements");
    assert_eq!(placements.len(), 2, "on {on}");
    assert!(placements[0].needs_review && placements[0].until_date.is_none());
    let open = store.open_rollout().await.expect("rollout").expect("open");
    assert_eq!(open.name, "2026", "on {on}");
    let assessments = store.assessments_of(elodie.id).await.expect("assessments");
    assert_eq!(assessments.len(), 2, "on {on}");
    assert_eq!(store.revised_by(1).await.expect("revised"), Some(2));
    assert_eq!(store.ratings(1).await.expect("ratings").len(), 2, "on {on}");
    assert_eq!(store.goals_of(elodie.id).await.expect("goals").len(), 1);
    assert_eq!(store.cycles().await.expect("cycles").len(), 1, "on {on}");
    let names: Vec<String> = store
        .people()
        .await
        .expect("people")
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Ada Admin", "Bo Chen", "Élodie Martin"], "on {on}");
    for search in ["elodie", "ÉLODIE", "elodie@example"] {
        let (found, _) = store
            .people_page(&Scope::Everyone, search, Page::ALL)
            .await
            .expect("search");
        assert_eq!(found.len(), 1, "{search:?} on {on}");
        assert_eq!(found[0].id, elodie.id, "{search:?} on {on}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_that_breaks_an_invariant_is_refused_and_left_as_it_was() {
    for db in empty_databases("refused").await {
        let on = db.name;
        migrate_to_before(&db).await;
        for sql in [
            "INSERT INTO people (email, name, created_at, updated_at) VALUES ('a@example.org', 'A', 1, 1)",
            "INSERT INTO placements (person_id, track, level, from_date, reason, revision, created_at)
             VALUES (1, 'engineering', 'engineer', '2020-01-01', 'hire', 'r1', 1)",
            "INSERT INTO placements (person_id, track, level, from_date, reason, revision, created_at)
             VALUES (1, 'engineering', 'senior', '2021-01-01', 'promotion', 'r1', 1)",
        ] {
            exec(&db.raw, sql).await;
        }
        let refused = db.open().await;
        let message = match refused {
            Ok(_) => panic!("{on} opened a database with two open placements for one person"),
            Err(e) => e.to_string(),
        };
        assert!(
            message.contains("placements"),
            "{on}: the error names the table: {message}"
        );
        let applied: i64 =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(&db.raw)
                .await
                .expect("migrations");
        assert_eq!(applied, BEFORE, "{on}: the failed migration left nothing");
        let placements: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM placements")
            .fetch_one(&db.raw)
            .await
            .expect("count");
        assert_eq!(placements, 2, "{on}: the data is as it was");
    }
}
