//! Growth: goals on statements, 1-on-1 notes, and assessment cycles.

use crate::assessments::NewAssessment;
use crate::model::{Cycle, CycleProgress, CycleTarget, Goal, GoalStatus, NewGoal, Note};
use crate::store::json;
use crate::{Result, Store, StoreError, Write, valid_date};

const GOAL_SELECT: &str =
    "SELECT id, person_id, track, level, statement_id, statement_text, goal, actions,
    target_date, status, created_by, created_at, updated_at, version FROM goals";

const CYCLE_SELECT: &str =
    "SELECT id, name, target, manager_id, self_due, manager_due, opened_at, closed_at FROM cycles";

impl Store {
    /// A person's goals, open ones first, newest first.
    pub async fn goals_of(&self, person: i64) -> Result<Vec<Goal>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{GOAL_SELECT} WHERE person_id = $1 ORDER BY CASE status WHEN 'open' THEN 0 ELSE 1 END, id DESC"
        )))
        .bind(person)
        .fetch_all(&self.pool)
        .await?)
    }

    /// One goal.
    pub async fn goal(&self, id: i64) -> Result<Option<Goal>> {
        Ok(
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{GOAL_SELECT} WHERE id = $1")))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// A person's 1-on-1 notes, newest first: all of them, or only those
    /// written while `manager` was their manager.
    pub async fn notes_of(&self, person: i64, manager: Option<i64>) -> Result<Vec<Note>> {
        // `$2` is null for all of them.
        Ok(sqlx::query_as(
            "SELECT id, person_id, author_id, goal_id, body, created_at FROM notes
             WHERE person_id = $1 AND ($2 IS NULL OR manager_id = $2) ORDER BY id DESC",
        )
        .bind(person)
        .bind(manager)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every cycle, newest first.
    pub async fn cycles(&self) -> Result<Vec<Cycle>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{CYCLE_SELECT} ORDER BY id DESC"
        )))
        .fetch_all(&self.pool)
        .await?)
    }

    /// One cycle.
    pub async fn cycle(&self, id: i64) -> Result<Option<Cycle>> {
        Ok(
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{CYCLE_SELECT} WHERE id = $1")))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// How far a cycle has come.
    pub async fn cycle_progress(&self, id: i64) -> Result<CycleProgress> {
        Ok(sqlx::query_as(
            "SELECT COUNT(*) AS total,
                COUNT(self_submitted_at) AS self_submitted,
                COUNT(manager_submitted_at) AS manager_submitted,
                COUNT(shared_at) AS shared,
                COUNT(acknowledged_at) AS acknowledged
             FROM assessments WHERE cycle_id = $1 AND supersedes IS NULL",
        )
        .bind(id)
        .fetch_one(&self.pool)
        .await?)
    }

    /// Assessments of open cycles where `person` still owes a side: as the
    /// person assessed, or as their manager. For reminders.
    pub async fn pending_for(&self, person: i64) -> Result<Vec<(crate::model::Assessment, Cycle)>> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT a.id, c.id FROM assessments a JOIN cycles c ON c.id = a.cycle_id
             WHERE c.closed_at IS NULL AND a.shared_at IS NULL
               AND ((a.person_id = $1 AND a.self_submitted_at IS NULL)
                 OR (a.manager_id = $1 AND a.manager_submitted_at IS NULL))
             ORDER BY a.id LIMIT 200",
        )
        .bind(person)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for (a, c) in rows {
            if let (Some(a), Some(c)) = (self.assessment(a).await?, self.cycle(c).await?) {
                out.push((a, c));
            }
        }
        Ok(out)
    }
}

impl Write {
    /// Sets a goal for `person`.
    pub async fn add_goal(&mut self, person: i64, goal: &NewGoal) -> Result<i64> {
        if goal.goal.trim().is_empty() {
            return Err(StoreError::Invalid("say what the goal is".into()));
        }
        if let Some(d) = &goal.target_date
            && !valid_date(d)
        {
            return Err(StoreError::Invalid(format!(
                "target date `{d}` is not a date (YYYY-MM-DD)"
            )));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO goals (person_id, track, level, statement_id, statement_text, goal, actions, target_date,
                created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
        )
        .bind(person)
        .bind(&goal.track)
        .bind(&goal.level)
        .bind(&goal.statement_id)
        .bind(&goal.statement_text)
        .bind(goal.goal.trim())
        .bind(goal.actions.trim())
        .bind(&goal.target_date)
        .bind(self.actor().person_id)
        .bind(self.at)
        .fetch_one(self.conn())
        .await?;
        self.audit(
            "goal.add",
            &format!("goal:{id}"),
            None,
            Some(format!(
                "{{\"person\":{person},\"statement\":{}}}",
                serde_json::Value::String(goal.statement_id.clone())
            )),
        )
        .await?;
        Ok(id)
    }

    /// Marks a goal done, dropped or open again.
    pub async fn set_goal_status(
        &mut self,
        id: i64,
        status: GoalStatus,
        version: i64,
    ) -> Result<()> {
        let done = sqlx::query(
            "UPDATE goals SET status = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND version = $4",
        )
        .bind(status.as_str())
        .bind(self.at)
        .bind(id)
        .bind(version)
        .execute(self.conn())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict(
                "this goal was changed since you opened it; reload to see the changes".into(),
            ));
        }
        self.audit(
            "goal.status",
            &format!("goal:{id}"),
            None,
            json(&status.as_str()),
        )
        .await
    }

    /// Adds a 1-on-1 note. The audit entry names the note, not its words.
    pub async fn add_note(&mut self, person: i64, goal: Option<i64>, body: &str) -> Result<i64> {
        if body.trim().is_empty() {
            return Err(StoreError::Invalid("the note is empty".into()));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO notes (person_id, author_id, manager_id, goal_id, body, created_at)
             VALUES ($1, $2, (SELECT manager_id FROM people WHERE id = $1), $3, $4, $5) RETURNING id",
        )
        .bind(person)
        .bind(self.actor().person_id)
        .bind(goal)
        .bind(body.trim())
        .bind(self.at)
        .fetch_one(self.conn())
        .await?;
        self.audit(
            "note.add",
            &format!("note:{id}"),
            None,
            Some(format!("{{\"person\":{person}}}")),
        )
        .await?;
        Ok(id)
    }

    /// Opens a cycle and an assessment for each of `people` (in this
    /// change), pinned to the revision `snapshot`.
    #[allow(clippy::too_many_arguments)]
    pub async fn open_cycle(
        &mut self,
        name: &str,
        target: CycleTarget,
        manager: Option<i64>,
        self_due: Option<&str>,
        manager_due: Option<&str>,
        people: &[NewAssessment],
        revision: &str,
        snapshot: i64,
    ) -> Result<i64> {
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("give the cycle a name".into()));
        }
        for d in [self_due, manager_due].into_iter().flatten() {
            if !valid_date(d) {
                return Err(StoreError::Invalid(format!(
                    "due date `{d}` is not a date (YYYY-MM-DD)"
                )));
            }
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO cycles (name, target, manager_id, self_due, manager_due, opened_by, opened_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(name.trim())
        .bind(target.as_str())
        .bind(manager)
        .bind(self_due)
        .bind(manager_due)
        .bind(self.actor().person_id)
        .bind(self.at)
        .fetch_one(self.conn())
        .await?;
        for p in people {
            let new = NewAssessment {
                cycle_id: Some(id),
                ..p.clone()
            };
            self.open_assessment(&new, revision, snapshot).await?;
        }
        self.audit(
            "cycle.open",
            &format!("cycle:{id}"),
            None,
            Some(format!(
                "{{\"name\":{},\"target\":\"{}\",\"people\":{}}}",
                serde_json::Value::String(name.trim().to_string()),
                target.as_str(),
                people.len()
            )),
        )
        .await?;
        Ok(id)
    }

    /// Closes a cycle: reminders stop; its assessments stay as they are.
    pub async fn close_cycle(&mut self, id: i64) -> Result<()> {
        let done =
            sqlx::query("UPDATE cycles SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL")
                .bind(self.at)
                .bind(id)
                .execute(self.conn())
                .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict("the cycle is closed already".into()));
        }
        self.audit("cycle.close", &format!("cycle:{id}"), None, None)
            .await
    }
}
