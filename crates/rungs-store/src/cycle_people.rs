//! The people of an assessment cycle by name: whom it left out when it
//! opened and why, whose side is still owed (and so who is late), and the
//! reminders HR sent.

use serde::Serialize;
use utoipa::ToSchema;

use crate::store::json;
use crate::{Result, Store, Write};

/// Someone a cycle left out when it opened, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema, sqlx::FromRow)]
pub struct LeftOut {
    /// The person.
    pub person_id: i64,
    /// Their name.
    pub name: String,
    /// Why, in words ("not placed on a level yet").
    pub reason: String,
}

/// One side of a cycle's assessment that is still owed: the person's own
/// (`self`) or their manager's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Owed {
    /// The assessment.
    pub assessment_id: i64,
    /// Whom it assesses.
    pub person_id: i64,
    /// Their name.
    pub person: String,
    /// `self` or `manager`.
    pub side: String,
    /// Who owes it: the person, or their manager (none when they have no
    /// manager).
    pub owner_id: Option<i64>,
    /// That person's name.
    pub owner: Option<String>,
}

#[derive(sqlx::FromRow)]
struct OwedRow {
    assessment_id: i64,
    person_id: i64,
    person: String,
    manager_id: Option<i64>,
    manager: Option<String>,
    self_owed: i64,
    manager_owed: i64,
}

/// A reminder HR sent for a cycle, as the audit log holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Reminded {
    /// When (Unix seconds).
    pub at: i64,
    /// How many people it went to.
    pub people: usize,
}

impl Store {
    /// Whom cycle `id` left out, by name.
    pub async fn cycle_left_out(&self, id: i64) -> Result<Vec<LeftOut>> {
        Ok(sqlx::query_as(
            "SELECT x.person_id, p.name, x.reason FROM cycle_left_out x
             JOIN people p ON p.id = x.person_id
             WHERE x.cycle_id = $1 ORDER BY p.search_key, p.id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The cycles that left `person` out, `(cycle id, why)`, oldest first
    /// (for their data export).
    pub async fn left_out_of(&self, person: i64) -> Result<Vec<(i64, String)>> {
        Ok(sqlx::query_as(
            "SELECT cycle_id, reason FROM cycle_left_out WHERE person_id = $1 ORDER BY cycle_id",
        )
        .bind(person)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every side still owed in cycle `id` (its assessments not yet
    /// shared, as the cycle's progress counts them), by the assessed
    /// person's name.
    pub async fn cycle_owed(&self, id: i64) -> Result<Vec<Owed>> {
        let rows: Vec<OwedRow> = sqlx::query_as(
            "SELECT a.id AS assessment_id, a.person_id, p.name AS person,
                a.manager_id, m.name AS manager,
                CASE WHEN a.self_submitted_at IS NULL THEN 1 ELSE 0 END AS self_owed,
                CASE WHEN a.manager_submitted_at IS NULL THEN 1 ELSE 0 END AS manager_owed
             FROM assessments a JOIN people p ON p.id = a.person_id
             LEFT JOIN people m ON m.id = a.manager_id
             WHERE a.cycle_id = $1 AND a.shared_at IS NULL AND a.supersedes IS NULL
             ORDER BY p.search_key, p.id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for r in rows {
            if r.self_owed != 0 {
                out.push(Owed {
                    assessment_id: r.assessment_id,
                    person_id: r.person_id,
                    person: r.person.clone(),
                    side: "self".into(),
                    owner_id: Some(r.person_id),
                    owner: Some(r.person.clone()),
                });
            }
            if r.manager_owed != 0 {
                out.push(Owed {
                    assessment_id: r.assessment_id,
                    person_id: r.person_id,
                    person: r.person,
                    side: "manager".into(),
                    owner_id: r.manager_id,
                    owner: r.manager,
                });
            }
        }
        Ok(out)
    }

    /// The reminders sent for cycle `id`, newest first.
    pub async fn cycle_reminders(&self, id: i64) -> Result<Vec<Reminded>> {
        let rows: Vec<(i64, Option<String>)> = sqlx::query_as(
            "SELECT at, after_json FROM audit WHERE subject = $1 AND action = 'cycle.remind'
             ORDER BY seq DESC",
        )
        .bind(format!("cycle:{id}"))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(at, after)| Reminded {
                at,
                people: after
                    .and_then(|a| serde_json::from_str::<serde_json::Value>(&a).ok())
                    .and_then(|v| v["people"].as_array().map(Vec::len))
                    .unwrap_or(0),
            })
            .collect())
    }
}

impl Write {
    /// Records whom cycle `id` left out and why (when it opens, in the
    /// same change).
    pub async fn record_left_out(&mut self, id: i64, people: &[(i64, String)]) -> Result<()> {
        for (person, reason) in people {
            sqlx::query(
                "INSERT INTO cycle_left_out (cycle_id, person_id, reason) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(person)
            .bind(reason)
            .execute(self.conn())
            .await?;
        }
        Ok(())
    }

    /// Records a reminder for cycle `id` to `people` (by id) in the audit
    /// log: what was sent, to whom, by whom and when.
    pub async fn remind_cycle(&mut self, id: i64, people: &[i64]) -> Result<()> {
        self.audit(
            "cycle.remind",
            &format!("cycle:{id}"),
            None,
            json(&serde_json::json!({ "people": people })),
        )
        .await
    }
}
