//! The database holds the store's invariants itself: a write behind the
//! store's back that breaks one fails, on both databases.

use rungs_store::model::{NewGoal, NewPlacement, PlacementReason};
use rungs_store::{Actor, NewAssessment, PersonFields, Store, Suggestion};

use crate::support::*;

/// What a bad write must meet.
enum Refusal {
    /// A unique index.
    Unique,
    /// The rule of this name (PostgreSQL's CHECK, SQLite's trigger).
    Rule(&'static str),
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_that_break_an_invariant_fail_on_both_databases() {
    for (db, store) in databases("invariants").await {
        let on = db.name;
        let ids = setup(&store).await;
        let (p, a, g) = (ids.person, ids.assessment, ids.goal);
        // Each bad write after a good one like it, which must pass: the bad
        // one fails for its rule, not for a typo.
        let insert_placement = |from: &str, until: &str| {
            format!(
                "INSERT INTO placements (person_id, track, level, from_date, until_date, reason, revision, created_at)
                 VALUES ({p}, 'engineering', 'senior', '{from}', {until}, 'correction', 'r1', 0)"
            )
        };
        let revise = format!(
            "INSERT INTO assessments (person_id, track, level, revision, snapshot_id, supersedes, created_at, updated_at)
             SELECT person_id, track, level, revision, snapshot_id, {a}, 0, 0 FROM assessments WHERE id = {a}"
        );
        let cases = [
            (
                "a second open placement",
                insert_placement("2019-01-01", "'2019-06-01'"),
                insert_placement("2030-01-01", "NULL"),
                Refusal::Unique,
            ),
            (
                "a placement ending before it starts",
                insert_placement("2018-01-01", "'2018-06-01'"),
                insert_placement("2017-06-01", "'2017-01-01'"),
                Refusal::Rule("placements_dates"),
            ),
            (
                "an unknown placement reason",
                format!("UPDATE placements SET reason = 'promotion' WHERE person_id = {p}"),
                format!("UPDATE placements SET reason = 'luck' WHERE person_id = {p}"),
                Refusal::Rule("placements_reason"),
            ),
            (
                "a second open rollout",
                "INSERT INTO rollouts (name, revision, created_at, closed_at) VALUES ('Old', 'r1', 0, 1)".into(),
                "INSERT INTO rollouts (name, revision, created_at) VALUES ('Again', 'r1', 0)".into(),
                Refusal::Unique,
            ),
            (
                "an unknown role",
                format!("UPDATE people SET role = 'hr' WHERE id = {p}"),
                format!("UPDATE people SET role = 'boss' WHERE id = {p}"),
                Refusal::Rule("people_role"),
            ),
            (
                "a flag that is neither 0 nor 1",
                format!("UPDATE people SET active = 0 WHERE id = {p}"),
                format!("UPDATE people SET active = 2 WHERE id = {p}"),
                Refusal::Rule("people_active"),
            ),
            (
                "a proposed level with no level",
                format!(
                    "UPDATE rollout_entries SET status = 'proposed', proposed_track = 'engineering',
                     proposed_level = 'senior' WHERE person_id = {p}"
                ),
                format!("UPDATE rollout_entries SET proposed_level = NULL WHERE person_id = {p}"),
                Refusal::Rule("rollout_entries_proposed"),
            ),
            (
                "an unknown rollout status",
                format!("UPDATE rollout_entries SET status = 'confirmed' WHERE person_id = {p}"),
                format!("UPDATE rollout_entries SET status = 'maybe' WHERE person_id = {p}"),
                Refusal::Rule("rollout_entries_status"),
            ),
            (
                "an assessment shared before both sides submitted",
                format!(
                    "UPDATE assessments SET shared_at = 5, self_submitted_at = 4, manager_submitted_at = 4
                     WHERE id = {a}"
                ),
                format!("UPDATE assessments SET manager_submitted_at = NULL WHERE id = {a}"),
                Refusal::Rule("assessments_shared"),
            ),
            (
                "an assessment acknowledged before it was shared",
                format!("UPDATE assessments SET acknowledged_at = 6 WHERE id = {a}"),
                format!("UPDATE assessments SET shared_at = NULL WHERE id = {a}"),
                Refusal::Rule("assessments_acknowledged"),
            ),
            (
                "a second revision of one assessment",
                revise.clone(),
                revise,
                Refusal::Unique,
            ),
            (
                "an unknown rating side",
                format!(
                    "INSERT INTO ratings (assessment_id, side, track, level, statement_id, rated_text)
                     VALUES ({a}, 'manager', 'engineering', 'senior', 's1', 'Text')"
                ),
                format!(
                    "INSERT INTO ratings (assessment_id, side, track, level, statement_id, rated_text)
                     VALUES ({a}, 'peer', 'engineering', 'senior', 's1', 'Text')"
                ),
                Refusal::Rule("ratings_side"),
            ),
            (
                "an unknown rating mark",
                format!("UPDATE ratings SET link = 'moved' WHERE assessment_id = {a}"),
                format!("UPDATE ratings SET link = 'lost' WHERE assessment_id = {a}"),
                Refusal::Rule("ratings_link"),
            ),
            (
                "an unknown goal status",
                format!("UPDATE goals SET status = 'done' WHERE id = {g}"),
                format!("UPDATE goals SET status = 'someday' WHERE id = {g}"),
                Refusal::Rule("goals_status"),
            ),
            (
                "an unknown token scope",
                format!(
                    "INSERT INTO api_tokens (person_id, name, token_hash, scope, created_at)
                     VALUES ({p}, 'x', 'h1', 'read', 0)"
                ),
                format!(
                    "INSERT INTO api_tokens (person_id, name, token_hash, scope, created_at)
                     VALUES ({p}, 'x', 'h2', 'admin', 0)"
                ),
                Refusal::Rule("api_tokens_scope"),
            ),
            (
                "a second live reset link",
                format!(
                    "INSERT INTO one_time_links (token_hash, purpose, person_id, expires_at, used_at)
                     VALUES ('l1', 'reset', {p}, 0, 1)"
                ),
                format!(
                    "INSERT INTO one_time_links (token_hash, purpose, person_id, expires_at)
                     VALUES ('l2', 'reset', {p}, 0)"
                ),
                Refusal::Unique,
            ),
            (
                "an unknown link purpose",
                "INSERT INTO one_time_links (token_hash, purpose, expires_at) VALUES ('l3', 'setup', 0)"
                    .into(),
                "INSERT INTO one_time_links (token_hash, purpose, expires_at) VALUES ('l4', 'invite', 0)"
                    .into(),
                Refusal::Rule("one_time_links_purpose"),
            ),
            (
                "an unknown cycle target",
                "INSERT INTO cycles (name, target, opened_at) VALUES ('H1', 'next', 0)".into(),
                "INSERT INTO cycles (name, target, opened_at) VALUES ('H1', 'later', 0)".into(),
                Refusal::Rule("cycles_target"),
            ),
        ];
        for (what, good, bad, refusal) in &cases {
            sqlx::query(sqlx::AssertSqlSafe(good.clone()))
                .execute(&db.raw)
                .await
                .unwrap_or_else(|e| panic!("{on} refused the good twin of {what}: {good}: {e}"));
            let error = match sqlx::query(sqlx::AssertSqlSafe(bad.clone()))
                .execute(&db.raw)
                .await
            {
                Ok(_) => panic!("{on} allowed {what}: {bad}"),
                Err(e) => e,
            };
            let refused_for_the_rule = match (&error, refusal) {
                (sqlx::Error::Database(e), Refusal::Unique) => e.is_unique_violation(),
                (sqlx::Error::Database(e), Refusal::Rule(name)) => e.message().contains(name),
                _ => false,
            };
            assert!(
                refused_for_the_rule,
                "{on} refused {what} for another reason: {error}"
            );
        }
        store.close().await;
    }
}

/// What the cases write about.
struct Ids {
    person: i64,
    assessment: i64,
    goal: i64,
}

/// A person placed, in an open rollout, with a live reset link, an
/// assessment and a goal, all through the store.
async fn setup(store: &Store) -> Ids {
    let actor = Actor::system();
    let snapshot = store
        .ensure_snapshot(&actor, "r1", "{}")
        .await
        .expect("snapshot");
    let mut w = store.write(&actor).await.expect("write");
    let person = w
        .create_person(PersonFields {
            email: "ines@example.org".into(),
            name: "Inès Duval".into(),
            active: true,
            ..Default::default()
        })
        .await
        .expect("person");
    let placement = NewPlacement {
        track: "engineering".into(),
        level: "engineer".into(),
        from_date: Some("2020-01-01".into()),
        reason: PlacementReason::Hire,
        note: String::new(),
    };
    w.place(person.id, &placement, "r1").await.expect("place");
    w.open_rollout(
        "Now",
        "r1",
        &[Suggestion {
            person_id: person.id,
            level: None,
            reason: "no title matched".into(),
        }],
    )
    .await
    .expect("rollout");
    w.create_link(rungs_store::model::LinkPurpose::Reset, Some(person.id), 60)
        .await
        .expect("link");
    let new = NewAssessment {
        person_id: person.id,
        manager_id: None,
        track: "engineering".into(),
        level: "engineer".into(),
        cycle_id: None,
    };
    let assessment = w
        .open_assessment(&new, "r1", snapshot)
        .await
        .expect("assessment");
    let goal = NewGoal {
        track: "engineering".into(),
        level: "senior".into(),
        statement_id: "s1".into(),
        statement_text: "Owns features".into(),
        goal: "Own the importer".into(),
        actions: String::new(),
        target_date: None,
    };
    let goal = w.add_goal(person.id, &goal).await.expect("goal");
    w.commit().await.expect("commit");
    Ids {
        person: person.id,
        assessment,
        goal,
    }
}
