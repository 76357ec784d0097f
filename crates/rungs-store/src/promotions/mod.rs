//! Promotion cases, peer feedback, calibration sessions, comments, votes
//! and decisions. A decision is one transaction: the case, the placement an
//! approval starts, the goals a "not now" adds, the history and the audit.

pub(crate) mod model;

use crate::model::{NewGoal, NewPlacement, UnknownWord};
use crate::params::id_list;
use crate::store::json;
use crate::{Result, Store, StoreError, Write, valid_date};
use model::{
    CASE_COLUMNS, CalibrationSession, Case, CaseEvent, CaseRow, CaseState, Comment, CommentRow,
    Decision, Evidence, FeedbackRequest, NewCase, NewSession, Outcome,
};

const FEEDBACK_SELECT: &str =
    "SELECT id, case_id, peer_id, about, due_date, requested_by, requested_at,
    rating, words, answered_at FROM feedback_requests";

const SESSION_SELECT: &str =
    "SELECT id, name, scope, chair_id, opened_by, opened_at, closed_at FROM calibration_sessions";

fn decoded(e: UnknownWord) -> StoreError {
    StoreError::Database(sqlx::Error::Decode(Box::new(e)))
}

fn cases(rows: Vec<CaseRow>) -> Result<Vec<Case>> {
    rows.into_iter()
        .map(|r| Case::try_from(r).map_err(decoded))
        .collect()
}

impl Store {
    /// One case.
    pub async fn case(&self, id: i64) -> Result<Option<Case>> {
        let row: Option<CaseRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {CASE_COLUMNS} FROM promotion_cases WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Case::try_from(r).map_err(decoded)).transpose()
    }

    /// A person's cases, newest first.
    pub async fn cases_of(&self, person: i64) -> Result<Vec<Case>> {
        cases(
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {CASE_COLUMNS} FROM promotion_cases WHERE person_id = $1 ORDER BY id DESC"
            )))
            .bind(person)
            .fetch_all(&self.pool)
            .await?,
        )
    }

    /// The cases of a calibration session, in the order they were added.
    pub async fn cases_in_session(&self, session: i64) -> Result<Vec<Case>> {
        cases(
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {CASE_COLUMNS} FROM promotion_cases WHERE session_id = $1 ORDER BY id"
            )))
            .bind(session)
            .fetch_all(&self.pool)
            .await?,
        )
    }

    /// Cases in `states`, newest first, at most `limit` (HR's lists).
    pub async fn cases_in_states(&self, states: &[CaseState], limit: i64) -> Result<Vec<Case>> {
        let words: Vec<String> = states.iter().map(|s| format!("'{}'", s.as_str())).collect();
        cases(
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {CASE_COLUMNS} FROM promotion_cases WHERE state IN ({}) ORDER BY id DESC LIMIT $1",
                if words.is_empty() { "NULL".to_string() } else { words.join(", ") }
            )))
            .bind(limit)
            .fetch_all(&self.pool)
            .await?,
        )
    }

    /// The evidence links of a case.
    pub async fn evidence_of(&self, case: i64) -> Result<Vec<Evidence>> {
        Ok(sqlx::query_as(
            "SELECT id, case_id, statement_id, url, note, added_by, added_at
             FROM promotion_evidence WHERE case_id = $1 ORDER BY id",
        )
        .bind(case)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The feedback requests of many cases.
    pub async fn feedback_of(&self, cases: &[i64]) -> Result<Vec<FeedbackRequest>> {
        let mut out = Vec::new();
        for chunk in cases.chunks(2000) {
            let rows: Vec<FeedbackRequest> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{FEEDBACK_SELECT} WHERE case_id IN {} ORDER BY id",
                id_list(chunk)
            )))
            .fetch_all(&self.pool)
            .await?;
            out.extend(rows);
        }
        Ok(out)
    }

    /// One feedback request.
    pub async fn feedback_request(&self, id: i64) -> Result<Option<FeedbackRequest>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{FEEDBACK_SELECT} WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The feedback `peer` was asked for, newest first.
    pub async fn feedback_asked_of(&self, peer: i64) -> Result<Vec<FeedbackRequest>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{FEEDBACK_SELECT} WHERE peer_id = $1 ORDER BY id DESC LIMIT 200"
        )))
        .bind(peer)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The comments and votes of many cases, oldest first.
    pub async fn comments_of(&self, cases: &[i64]) -> Result<Vec<Comment>> {
        let mut out = Vec::new();
        for chunk in cases.chunks(2000) {
            let rows: Vec<CommentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT id, case_id, author_id, body, vote, created_at FROM promotion_comments
                 WHERE case_id IN {} ORDER BY id",
                id_list(chunk)
            )))
            .fetch_all(&self.pool)
            .await?;
            for r in rows {
                out.push(Comment::try_from(r).map_err(decoded)?);
            }
        }
        Ok(out)
    }

    /// A case's history, oldest first.
    pub async fn case_events(&self, case: i64) -> Result<Vec<CaseEvent>> {
        Ok(sqlx::query_as(
            "SELECT case_id, actor_id, step, note, at FROM promotion_events WHERE case_id = $1 ORDER BY id",
        )
        .bind(case)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every calibration session, newest first.
    pub async fn calibration_sessions(&self) -> Result<Vec<CalibrationSession>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SESSION_SELECT} ORDER BY id DESC LIMIT 200"
        )))
        .fetch_all(&self.pool)
        .await?)
    }

    /// One session.
    pub async fn calibration_session(&self, id: i64) -> Result<Option<CalibrationSession>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SESSION_SELECT} WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The committee of a session.
    pub async fn calibration_members(&self, session: i64) -> Result<Vec<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT person_id FROM calibration_members WHERE session_id = $1 ORDER BY person_id",
        )
        .bind(session)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The open sessions `person` sits on.
    pub async fn calibration_sessions_of(&self, person: i64) -> Result<Vec<CalibrationSession>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SESSION_SELECT} WHERE id IN (SELECT session_id FROM calibration_members WHERE person_id = $1)
             ORDER BY id DESC"
        )))
        .bind(person)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Names of many people, by id.
    pub async fn names_of(&self, people: &[i64]) -> Result<Vec<(i64, String)>> {
        let mut out = Vec::new();
        for chunk in people.chunks(2000) {
            let rows: Vec<(i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT id, name FROM people WHERE id IN {}",
                id_list(chunk)
            )))
            .fetch_all(&self.pool)
            .await?;
            out.extend(rows);
        }
        Ok(out)
    }
}

impl Write {
    async fn case_for_change(&mut self, id: i64, version: Option<i64>) -> Result<Case> {
        let row: CaseRow = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {CASE_COLUMNS} FROM promotion_cases WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("case {id}")))?;
        let case = Case::try_from(row).map_err(decoded)?;
        if version.is_some_and(|v| v != case.version) {
            return Err(StoreError::Conflict(
                "this case was changed since you opened it; reload to see the changes".into(),
            ));
        }
        Ok(case)
    }

    /// Refuses a change the committee makes to a case whose session is
    /// closed: a closed session takes no more comments, votes or decisions.
    async fn session_open_for(&mut self, case: &Case) -> Result<()> {
        let Some(session) = case.session_id else {
            return Ok(());
        };
        let closed: Option<(String, Option<i64>)> =
            sqlx::query_as("SELECT name, closed_at FROM calibration_sessions WHERE id = $1")
                .bind(session)
                .fetch_optional(self.conn())
                .await?;
        match closed {
            Some((name, Some(_))) => Err(StoreError::Conflict(format!(
                "the calibration session {name} is closed: it takes no more comments, votes or decisions"
            ))),
            _ => Ok(()),
        }
    }

    async fn event(&mut self, case: i64, step: &str, note: &str) -> Result<()> {
        let actor = self.actor().person_id;
        let at = self.at;
        sqlx::query(
            "INSERT INTO promotion_events (case_id, actor_id, step, note, at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(case)
        .bind(actor)
        .bind(step)
        .bind(note)
        .bind(at)
        .execute(self.conn())
        .await?;
        sqlx::query(
            "UPDATE promotion_cases SET version = version + 1, updated_at = $1 WHERE id = $2",
        )
        .bind(at)
        .bind(case)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Opens a case (a draft).
    pub async fn open_case(&mut self, new: &NewCase) -> Result<i64> {
        let open: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM promotion_cases WHERE person_id = $1 AND state IN ('draft', 'submitted', 'in-calibration')",
        )
        .bind(new.person_id)
        .fetch_one(self.conn())
        .await?;
        if open > 0 {
            return Err(StoreError::Conflict(
                "this person already has an open promotion case".into(),
            ));
        }
        let (from_track, from_level) = match &new.from {
            Some((t, l)) => (Some(t.clone()), Some(l.clone())),
            None => (None, None),
        };
        let opened_by = self.actor().person_id;
        let at = self.at;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO promotion_cases (person_id, manager_id, from_track, from_level, track, level,
                assessment_id, revision, opened_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
        )
        .bind(new.person_id)
        .bind(new.manager_id)
        .bind(from_track)
        .bind(from_level)
        .bind(&new.track)
        .bind(&new.level)
        .bind(new.assessment_id)
        .bind(&new.revision)
        .bind(opened_by)
        .bind(at)
        .fetch_one(self.conn())
        .await?;
        self.event(id, "opened", &format!("for {}/{}", new.track, new.level))
            .await?;
        self.audit(
            "promotion.open",
            &format!("case:{id}"),
            None,
            Some(format!(
                "{{\"person\":{},\"track\":{},\"level\":{}}}",
                new.person_id,
                serde_json::Value::String(new.track.clone()),
                serde_json::Value::String(new.level.clone())
            )),
        )
        .await?;
        Ok(id)
    }

    /// Changes a draft's narrative and recommendation (`None` keeps one),
    /// and its assessment.
    pub async fn edit_case(
        &mut self,
        id: i64,
        version: i64,
        narrative: Option<&str>,
        recommendation: Option<&str>,
        assessment: Option<i64>,
    ) -> Result<Case> {
        let before = self.case_for_change(id, Some(version)).await?;
        if before.state != CaseState::Draft {
            return Err(StoreError::Conflict(format!(
                "the case is {}: only a draft is edited",
                before.state.label().to_lowercase()
            )));
        }
        sqlx::query(
            "UPDATE promotion_cases SET narrative = $1, recommendation = $2, assessment_id = $3 WHERE id = $4",
        )
        .bind(narrative.map_or(before.narrative.as_str(), str::trim))
        .bind(recommendation.map_or(before.recommendation.as_str(), str::trim))
        .bind(assessment.or(before.assessment_id))
        .bind(id)
        .execute(self.conn())
        .await?;
        self.event(id, "edited", "").await?;
        let after = self.case_for_change(id, None).await?;
        self.audit(
            "promotion.edit",
            &format!("case:{id}"),
            json(&before),
            json(&after),
        )
        .await?;
        Ok(after)
    }

    /// Adds an evidence link about a statement.
    pub async fn add_evidence(
        &mut self,
        case: i64,
        statement: &str,
        url: &str,
        note: &str,
    ) -> Result<i64> {
        let c = self.case_for_change(case, None).await?;
        if c.state > CaseState::InCalibration {
            return Err(StoreError::Conflict(
                "the case is decided: evidence is closed".into(),
            ));
        }
        let url = url.trim();
        if url.is_empty() || url.len() > 2000 {
            return Err(StoreError::Invalid(
                "give the evidence's link (at most 2,000 characters)".into(),
            ));
        }
        let actor = self.actor().person_id;
        let at = self.at;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO promotion_evidence (case_id, statement_id, url, note, added_by, added_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(case)
        .bind(statement)
        .bind(url)
        .bind(note.trim())
        .bind(actor)
        .bind(at)
        .fetch_one(self.conn())
        .await?;
        self.event(case, "evidence", statement).await?;
        self.audit(
            "promotion.evidence",
            &format!("case:{case}"),
            None,
            Some(format!(
                "{{\"statement\":{},\"url\":{}}}",
                serde_json::Value::String(statement.into()),
                serde_json::Value::String(url.into())
            )),
        )
        .await?;
        Ok(id)
    }

    /// Moves a case from `from` to `to`, recording the step.
    pub async fn move_case(
        &mut self,
        id: i64,
        from: CaseState,
        to: CaseState,
        note: &str,
    ) -> Result<Case> {
        let before = self.case_for_change(id, None).await?;
        if before.state != from {
            return Err(StoreError::Conflict(format!(
                "the case is {}, not {}",
                before.state.label().to_lowercase(),
                from.label().to_lowercase()
            )));
        }
        let at = self.at;
        let communicated = (to == CaseState::Communicated).then_some(at);
        sqlx::query(
            "UPDATE promotion_cases SET state = $1, communicated_at = COALESCE($2, communicated_at) WHERE id = $3",
        )
        .bind(to.as_str())
        .bind(communicated)
        .bind(id)
        .execute(self.conn())
        .await?;
        self.event(id, to.as_str(), note).await?;
        self.audit(
            &format!("promotion.{}", to.as_str()),
            &format!("case:{id}"),
            Some(format!("\"{}\"", from.as_str())),
            Some(format!("\"{}\"", to.as_str())),
        )
        .await?;
        self.case_for_change(id, None).await
    }

    /// Puts a submitted case in a session (it is then in calibration), or
    /// moves a case left undecided in a closed session to an open one.
    pub async fn calibrate_case(&mut self, id: i64, session: i64) -> Result<Case> {
        let s: Option<(i64, Option<i64>)> =
            sqlx::query_as("SELECT id, closed_at FROM calibration_sessions WHERE id = $1")
                .bind(session)
                .fetch_optional(self.conn())
                .await?;
        match s {
            None => return Err(StoreError::NotFound(format!("session {session}"))),
            Some((_, Some(_))) => {
                return Err(StoreError::Conflict("the session is closed".into()));
            }
            Some(_) => {}
        }
        let before = self.case_for_change(id, None).await?;
        if before.state == CaseState::InCalibration {
            // Only out of a closed session: an open one still decides it.
            let from = before.session_id;
            let closed: Option<i64> = match from {
                Some(s) => {
                    sqlx::query_scalar("SELECT closed_at FROM calibration_sessions WHERE id = $1")
                        .bind(s)
                        .fetch_optional(self.conn())
                        .await?
                        .flatten()
                }
                None => None,
            };
            if closed.is_none() || from == Some(session) {
                return Err(StoreError::Conflict(
                    "the case is in calibration in an open session".into(),
                ));
            }
            sqlx::query("UPDATE promotion_cases SET session_id = $1 WHERE id = $2")
                .bind(session)
                .bind(id)
                .execute(self.conn())
                .await?;
            self.event(id, "in-calibration", &format!("session {session}"))
                .await?;
            self.audit(
                "promotion.in-calibration",
                &format!("case:{id}"),
                from.map(|s| format!("{{\"session\":{s}}}")),
                Some(format!("{{\"session\":{session}}}")),
            )
            .await?;
            return self.case_for_change(id, None).await;
        }
        sqlx::query(
            "UPDATE promotion_cases SET session_id = $1 WHERE id = $2 AND state = 'submitted'",
        )
        .bind(session)
        .bind(id)
        .execute(self.conn())
        .await?;
        self.move_case(
            id,
            CaseState::Submitted,
            CaseState::InCalibration,
            &format!("session {session}"),
        )
        .await
    }

    /// Closes a calibration session: from now on it takes no comments,
    /// votes or decisions. Its decided cases go on (told, effective); its
    /// undecided ones stay in calibration until HR puts them in another
    /// session. Audited with the cases it held.
    pub async fn close_session(&mut self, id: i64) -> Result<CalibrationSession> {
        let before: CalibrationSession = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SESSION_SELECT} WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("session {id}")))?;
        let at = self.at;
        let done = sqlx::query(
            "UPDATE calibration_sessions SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL",
        )
        .bind(at)
        .bind(id)
        .execute(self.conn())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict(format!(
                "the calibration session {} is already closed",
                before.name
            )));
        }
        let held: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, state FROM promotion_cases WHERE session_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(self.conn())
        .await?;
        let undecided: Vec<i64> = held
            .iter()
            .filter(|(_, state)| state == CaseState::InCalibration.as_str())
            .map(|(c, _)| *c)
            .collect();
        let cases: Vec<i64> = held.iter().map(|(c, _)| *c).collect();
        for case in &undecided {
            self.event(*case, "session-closed", &format!("session {id}"))
                .await?;
        }
        self.audit(
            "calibration.close",
            &format!("session:{id}"),
            None,
            Some(format!(
                "{{\"cases\":{cases:?},\"undecided\":{undecided:?}}}"
            )),
        )
        .await?;
        Ok(CalibrationSession {
            closed_at: Some(at),
            ..before
        })
    }

    /// Asks `peer` for feedback on a case.
    pub async fn request_feedback(
        &mut self,
        case: i64,
        peer: i64,
        about: &str,
        due_date: &str,
    ) -> Result<i64> {
        let c = self.case_for_change(case, None).await?;
        if c.state > CaseState::InCalibration {
            return Err(StoreError::Conflict(
                "the case is decided: feedback is closed".into(),
            ));
        }
        if peer == c.person_id {
            return Err(StoreError::Invalid(
                "a person gives no peer feedback on their own case".into(),
            ));
        }
        if !valid_date(due_date) {
            return Err(StoreError::Invalid(format!(
                "due date `{due_date}` is not a date (YYYY-MM-DD)"
            )));
        }
        let twice: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM feedback_requests WHERE case_id = $1 AND peer_id = $2",
        )
        .bind(case)
        .bind(peer)
        .fetch_one(self.conn())
        .await?;
        if twice > 0 {
            return Err(StoreError::Conflict(
                "this colleague was already asked".into(),
            ));
        }
        self.person(peer).await?;
        let actor = self.actor().person_id;
        let at = self.at;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO feedback_requests (case_id, peer_id, about, due_date, requested_by, requested_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(case)
        .bind(peer)
        .bind(about.trim())
        .bind(due_date)
        .bind(actor)
        .bind(at)
        .fetch_one(self.conn())
        .await?;
        self.event(case, "feedback-requested", &format!("person:{peer}"))
            .await?;
        self.audit(
            "feedback.request",
            &format!("case:{case}"),
            None,
            Some(format!(
                "{{\"request\":{id},\"peer\":{peer},\"due\":\"{due_date}\"}}"
            )),
        )
        .await?;
        Ok(id)
    }

    /// Records a peer's answer (once).
    pub async fn answer_feedback(&mut self, id: i64, rating: i64, words: &str) -> Result<()> {
        let done = sqlx::query(
            "UPDATE feedback_requests SET rating = $1, words = $2, answered_at = $3
             WHERE id = $4 AND answered_at IS NULL",
        )
        .bind(rating)
        .bind(words.trim())
        .bind(self.at)
        .bind(id)
        .execute(self.conn())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict(
                "this feedback was already given".into(),
            ));
        }
        let case: i64 = sqlx::query_scalar("SELECT case_id FROM feedback_requests WHERE id = $1")
            .bind(id)
            .fetch_one(self.conn())
            .await?;
        self.event(case, "feedback-given", "").await?;
        self.audit(
            "feedback.answer",
            &format!("case:{case}"),
            None,
            Some(format!("{{\"request\":{id},\"rating\":{rating}}}")),
        )
        .await
    }

    /// Opens a calibration session with its committee.
    pub async fn open_session(&mut self, new: &NewSession) -> Result<i64> {
        if new.name.trim().is_empty() {
            return Err(StoreError::Invalid("give the session a name".into()));
        }
        let mut members = new.members.clone();
        if !members.contains(&new.chair_id) {
            members.push(new.chair_id);
        }
        members.sort_unstable();
        members.dedup();
        for m in &members {
            self.person(*m).await?;
        }
        let actor = self.actor().person_id;
        let at = self.at;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO calibration_sessions (name, scope, chair_id, opened_by, opened_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(new.name.trim())
        .bind(new.scope.trim())
        .bind(new.chair_id)
        .bind(actor)
        .bind(at)
        .fetch_one(self.conn())
        .await?;
        for m in &members {
            sqlx::query("INSERT INTO calibration_members (session_id, person_id) VALUES ($1, $2)")
                .bind(id)
                .bind(m)
                .execute(self.conn())
                .await?;
        }
        self.audit(
            "calibration.open",
            &format!("session:{id}"),
            None,
            Some(format!(
                "{{\"name\":{},\"chair\":{},\"members\":{:?}}}",
                serde_json::Value::String(new.name.trim().into()),
                new.chair_id,
                members
            )),
        )
        .await?;
        Ok(id)
    }

    /// A reviewer's comment and vote on a case in calibration.
    pub async fn comment_case(
        &mut self,
        case: i64,
        body: &str,
        vote: Option<Outcome>,
    ) -> Result<i64> {
        let c = self.case_for_change(case, None).await?;
        if c.state != CaseState::InCalibration {
            return Err(StoreError::Conflict(
                "comments and votes are for cases in calibration".into(),
            ));
        }
        self.session_open_for(&c).await?;
        if body.trim().is_empty() && vote.is_none() {
            return Err(StoreError::Invalid("write a comment or cast a vote".into()));
        }
        let actor = self.actor().person_id;
        let at = self.at;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO promotion_comments (case_id, author_id, body, vote, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(case)
        .bind(actor)
        .bind(body.trim())
        .bind(vote.map(Outcome::as_str))
        .bind(at)
        .fetch_one(self.conn())
        .await?;
        self.audit(
            "promotion.comment",
            &format!("case:{case}"),
            None,
            Some(format!(
                "{{\"comment\":{id},\"vote\":{}}}",
                vote.map_or("null".to_string(), |v| format!("\"{}\"", v.as_str()))
            )),
        )
        .await?;
        Ok(id)
    }

    /// Records the decision on a case in calibration, in one transaction
    /// with what follows from it: an approval starts `placement` (at
    /// `revision`); a "not now" adds `goals` to the growth plan. With
    /// `communicated`, the person sees it at once.
    pub async fn decide_case(
        &mut self,
        id: i64,
        decision: &Decision,
        placement: Option<(&NewPlacement, &str)>,
        goals: &[NewGoal],
        communicated: bool,
    ) -> Result<Case> {
        let before = self.case_for_change(id, None).await?;
        if before.state != CaseState::InCalibration {
            return Err(StoreError::Conflict(format!(
                "the case is {}: only a case in calibration is decided",
                before.state.label().to_lowercase()
            )));
        }
        self.session_open_for(&before).await?;
        if decision.reasons.trim().is_empty() {
            return Err(StoreError::Invalid(
                "give the reasons for the decision".into(),
            ));
        }
        if let Some(d) = &decision.effective_date
            && !valid_date(d)
        {
            return Err(StoreError::Invalid(format!(
                "effective date `{d}` is not a date (YYYY-MM-DD)"
            )));
        }
        let placement_id = match (decision.outcome, placement) {
            (Outcome::Approved, Some((new, revision))) => {
                let p = self
                    .place_unaudited(before.person_id, new, revision)
                    .await?;
                self.audit(
                    "placement.create",
                    &format!("person:{}", before.person_id),
                    None,
                    json(&p),
                )
                .await?;
                Some(p.id)
            }
            _ => None,
        };
        if decision.outcome == Outcome::NotNow {
            for g in goals {
                self.add_goal(before.person_id, g).await?;
            }
        }
        let state = if communicated {
            CaseState::Communicated
        } else {
            CaseState::Decided
        };
        let at = self.at;
        let decided_by = self.actor().person_id;
        sqlx::query(
            "UPDATE promotion_cases SET state = $1, outcome = $2, reasons = $3, work_on = $4,
                effective_date = $5, placement_id = $6, decided_by = $7, decided_at = $8,
                communicated_at = $9
             WHERE id = $10",
        )
        .bind(state.as_str())
        .bind(decision.outcome.as_str())
        .bind(decision.reasons.trim())
        .bind(decision.work_on.trim())
        .bind(&decision.effective_date)
        .bind(placement_id)
        .bind(decided_by)
        .bind(at)
        .bind(communicated.then_some(at))
        .bind(id)
        .execute(self.conn())
        .await?;
        self.event(id, "decided", decision.outcome.as_str()).await?;
        if communicated {
            self.event(id, "communicated", "on decision").await?;
        }
        let after = self.case_for_change(id, None).await?;
        self.audit(
            "promotion.decide",
            &format!("case:{id}"),
            json(&before),
            json(&after),
        )
        .await?;
        Ok(after)
    }

    /// Records that someone outside the person's reporting line read a
    /// case (the committee, HR): nothing changes but the audit log.
    pub async fn audit_case_read(&mut self, case: i64, why: &str) -> Result<()> {
        self.audit(
            "promotion.read",
            &format!("case:{case}"),
            None,
            Some(format!(
                "{{\"as\":{}}}",
                serde_json::Value::String(why.into())
            )),
        )
        .await
    }
}
