//! What waits for people: the facts behind the "Waiting for you" list and
//! its notifications. Each query serves one person (the home page) or
//! everyone at once (the notifier), so a pass over 10,000 people is a few
//! queries, not a few per person.

use crate::{Result, Store};

/// An assessment someone still owes a step on: the person assessed or
/// their assessing manager.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenAssessment {
    /// The assessment.
    pub id: i64,
    /// The person assessed.
    pub person_id: i64,
    /// Their name.
    pub person_name: String,
    /// The assessing manager.
    pub manager_id: Option<i64>,
    /// The cycle's name, if it belongs to one.
    pub cycle: Option<String>,
    /// When the self-assessment is due (`YYYY-MM-DD`), if the cycle says.
    pub self_due: Option<String>,
    /// When the manager's side is due, if the cycle says.
    pub manager_due: Option<String>,
    /// Whether the person submitted their side.
    pub self_submitted: bool,
    /// Whether the manager submitted theirs.
    pub manager_submitted: bool,
    /// Whether the manager shared it with the person.
    pub shared: bool,
}

#[derive(sqlx::FromRow)]
struct OpenAssessmentRow {
    id: i64,
    person_id: i64,
    person_name: String,
    manager_id: Option<i64>,
    cycle: Option<String>,
    self_due: Option<String>,
    manager_due: Option<String>,
    self_submitted: i64,
    manager_submitted: i64,
    shared: i64,
}

impl From<OpenAssessmentRow> for OpenAssessment {
    fn from(r: OpenAssessmentRow) -> Self {
        OpenAssessment {
            id: r.id,
            person_id: r.person_id,
            person_name: r.person_name,
            manager_id: r.manager_id,
            cycle: r.cycle,
            self_due: r.self_due,
            manager_due: r.manager_due,
            self_submitted: r.self_submitted != 0,
            manager_submitted: r.manager_submitted != 0,
            shared: r.shared != 0,
        }
    }
}

/// A rollout step waiting: a level to acknowledge (for one person) or
/// proposals to confirm (for HR; `person_id` is then `None`).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenRolloutStep {
    /// The rollout.
    pub rollout_id: i64,
    /// Its name.
    pub rollout: String,
    /// Whose level waits for acknowledgement, or `None` for proposals.
    pub person_id: Option<i64>,
    /// How many entries wait.
    pub count: i64,
}

/// Assessments still open: not superseded, and either not shared yet (in
/// an open cycle or none) or shared and not acknowledged.
const OPEN_ASSESSMENTS: &str = "SELECT a.id, a.person_id, p.name AS person_name, a.manager_id,
        c.name AS cycle, c.self_due, c.manager_due,
        CASE WHEN a.self_submitted_at IS NULL THEN 0 ELSE 1 END AS self_submitted,
        CASE WHEN a.manager_submitted_at IS NULL THEN 0 ELSE 1 END AS manager_submitted,
        CASE WHEN a.shared_at IS NULL THEN 0 ELSE 1 END AS shared
     FROM assessments a JOIN people p ON p.id = a.person_id
     LEFT JOIN cycles c ON c.id = a.cycle_id
     WHERE p.active = 1
       AND NOT EXISTS (SELECT 1 FROM assessments n WHERE n.supersedes = a.id)
       AND ((a.shared_at IS NULL AND (c.id IS NULL OR c.closed_at IS NULL))
         OR (a.shared_at IS NOT NULL AND a.acknowledged_at IS NULL))";

/// The most of each kind one person's list shows.
const PER_PERSON: i64 = 200;

impl Store {
    /// Open assessments where `person` is assessed or assessing; `None`:
    /// everyone's.
    pub async fn open_assessments(&self, person: Option<i64>) -> Result<Vec<OpenAssessment>> {
        let rows: Vec<OpenAssessmentRow> = match person {
            Some(p) => {
                sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "{OPEN_ASSESSMENTS} AND (a.person_id = $1 OR a.manager_id = $1) ORDER BY a.id LIMIT $2"
                )))
                .bind(p)
                .bind(PER_PERSON)
                .fetch_all(&self.pool)
                .await?
            }
            None => {
                sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "{OPEN_ASSESSMENTS} ORDER BY a.id"
                )))
                .fetch_all(&self.pool)
                .await?
            }
        };
        Ok(rows.into_iter().map(OpenAssessment::from).collect())
    }

    /// Confirmed levels of the open rollout waiting for their person's
    /// acknowledgement: `person`'s, or (`None`) everyone's.
    pub async fn levels_to_acknowledge(&self, person: Option<i64>) -> Result<Vec<OpenRolloutStep>> {
        let sql = "SELECT e.rollout_id, r.name AS rollout, e.person_id, CAST(1 AS BIGINT) AS count
             FROM rollout_entries e JOIN rollouts r ON r.id = e.rollout_id
             JOIN people p ON p.id = e.person_id
             WHERE r.closed_at IS NULL AND e.status = 'confirmed' AND p.active = 1";
        Ok(match person {
            Some(p) => {
                sqlx::query_as(sqlx::AssertSqlSafe(format!("{sql} AND e.person_id = $1")))
                    .bind(p)
                    .fetch_all(&self.pool)
                    .await?
            }
            None => {
                sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .fetch_all(&self.pool)
                    .await?
            }
        })
    }

    /// Proposals in open rollouts waiting for HR to confirm, per rollout.
    pub async fn proposals_to_confirm(&self) -> Result<Vec<OpenRolloutStep>> {
        Ok(sqlx::query_as(
            "SELECT e.rollout_id, r.name AS rollout, CAST(NULL AS BIGINT) AS person_id, COUNT(*) AS count
             FROM rollout_entries e JOIN rollouts r ON r.id = e.rollout_id
             WHERE r.closed_at IS NULL AND e.status = 'proposed'
             GROUP BY e.rollout_id, r.name ORDER BY e.rollout_id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Active people who can sign in (a password or an identity) and
    /// may hear of things: (id, email, name, is HR or admin).
    pub async fn reachable_people(&self) -> Result<Vec<(i64, String, String, bool)>> {
        let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT id, email, name, CASE WHEN role IN ('hr', 'admin') THEN 1 ELSE 0 END
             FROM people WHERE active = 1 AND (password_hash IS NOT NULL OR idp_subject IS NOT NULL)",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, email, name, hr)| (id, email, name, hr != 0))
            .collect())
    }
}
