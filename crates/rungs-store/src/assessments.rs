//! Assessments and their ratings, the framework snapshots they are pinned
//! to, and relinking ratings when the framework changes.
//!
//! A rating names its statement by track, level and id in its
//! assessment's framework revision (`snapshot_id`). When a new revision is
//! served, the server works out what became of every statement
//! (`rungs_core::relink`) and [`Store::relink`] moves the ratings of the
//! statements that changed, in one transaction; the others are not touched.

use crate::model::{Assessment, RatingCode, RatingInput, Relink, RelinkReport, Side, StoredRating};
use crate::params::id_list;
use crate::store::json;
use crate::{Actor, Result, Store, StoreError, Write};

const ASSESSMENT_SELECT: &str =
    "SELECT a.id, a.person_id, a.manager_id, a.track, a.level, a.cycle_id,
    a.revision, s.revision AS linked_revision, a.self_submitted_at, a.manager_submitted_at,
    a.shared_at, a.acknowledged_at, a.acknowledgement_note, a.supersedes, a.change_reason,
    a.version, a.created_at, a.updated_at
    FROM assessments a JOIN framework_snapshots s ON s.id = a.snapshot_id";

const RATING_SELECT: &str =
    "SELECT assessment_id, side, track, level, statement_id, rating, comment,
    evidence, rated_text, link FROM ratings";

/// A rating read with the assessment it belongs to.
#[derive(sqlx::FromRow)]
struct Rated<T> {
    assessment_id: i64,
    #[sqlx(flatten)]
    rating: T,
}

/// An assessment to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAssessment {
    /// Who is assessed.
    pub person_id: i64,
    /// Their manager, who assesses them.
    pub manager_id: Option<i64>,
    /// Track of the level.
    pub track: String,
    /// The level.
    pub level: String,
    /// The cycle, if any.
    pub cycle_id: Option<i64>,
}

impl Store {
    /// The snapshot id of `revision`, storing `framework_json` (the
    /// framework's statements, as JSON) when it is new.
    pub async fn ensure_snapshot(
        &self,
        actor: &Actor,
        revision: &str,
        framework_json: &str,
    ) -> Result<i64> {
        if let Some(id) = self.snapshot_id(revision).await? {
            return Ok(id);
        }
        let mut w = self.write(actor).await?;
        // Another server on the same database may have stored it while
        // this one waited for the write lock.
        let stored: Option<i64> =
            sqlx::query_scalar("SELECT id FROM framework_snapshots WHERE revision = $1")
                .bind(revision)
                .fetch_optional(w.conn())
                .await?;
        if let Some(id) = stored {
            return Ok(id);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO framework_snapshots (revision, framework_json, stored_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(revision)
        .bind(framework_json)
        .bind(w.at)
        .fetch_one(w.conn())
        .await?;
        w.audit(
            "framework.snapshot",
            &format!("revision:{revision}"),
            None,
            None,
        )
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// The snapshot id of `revision`, if stored.
    pub async fn snapshot_id(&self, revision: &str) -> Result<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT id FROM framework_snapshots WHERE revision = $1")
                .bind(revision)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Snapshots other than `current` that ratings or assessments are still
    /// linked to: (id, revision, framework JSON).
    pub async fn stale_snapshots(&self, current: i64) -> Result<Vec<(i64, String, String)>> {
        Ok(sqlx::query_as(
            "SELECT id, revision, framework_json FROM framework_snapshots s
             WHERE id <> $1 AND EXISTS (SELECT 1 FROM assessments a WHERE a.snapshot_id = s.id)
             ORDER BY id",
        )
        .bind(current)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The newer version of assessment `id`, if it was revised.
    pub async fn revised_by(&self, id: i64) -> Result<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT id FROM assessments WHERE supersedes = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// One assessment.
    pub async fn assessment(&self, id: i64) -> Result<Option<Assessment>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{ASSESSMENT_SELECT} WHERE a.id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// A person's assessments, newest first.
    pub async fn assessments_of(&self, person: i64) -> Result<Vec<Assessment>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{ASSESSMENT_SELECT} WHERE a.person_id = $1 ORDER BY a.id DESC"
        )))
        .bind(person)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every rating of an assessment, both sides.
    pub async fn ratings(&self, assessment: i64) -> Result<Vec<StoredRating>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{RATING_SELECT} WHERE assessment_id = $1 ORDER BY id"
        )))
        .bind(assessment)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The latest shared (or acknowledged) assessment of each of `people`
    /// that has one.
    pub async fn latest_shared(&self, people: &[i64]) -> Result<Vec<Assessment>> {
        if people.is_empty() {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        // In chunks, so no query grows past what a database accepts.
        for chunk in people.chunks(2000) {
            let rows: Vec<Assessment> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{ASSESSMENT_SELECT} WHERE a.id IN (SELECT MAX(b.id) FROM assessments b
                 WHERE b.shared_at IS NOT NULL AND b.person_id IN {} GROUP BY b.person_id)",
                id_list(chunk)
            )))
            .fetch_all(&self.pool)
            .await?;
            out.extend(rows);
        }
        Ok(out)
    }

    /// What readiness needs of the ratings of many assessments, by
    /// assessment id.
    /// Only `side`'s, when given.
    pub async fn rating_codes(
        &self,
        assessments: &[i64],
        side: Option<Side>,
    ) -> Result<Vec<(i64, RatingCode)>> {
        let mut out = Vec::with_capacity(assessments.len() * 60);
        let only = match side {
            Some(Side::Manager) => " AND side = 'manager'",
            Some(Side::Person) => " AND side = 'self'",
            None => "",
        };
        for chunk in assessments.chunks(2000) {
            let rows: Vec<Rated<RatingCode>> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT assessment_id, side, track, level, statement_id, rating, link FROM ratings WHERE assessment_id IN {}{only}",
                id_list(chunk)
            )))
            .fetch_all(&self.pool)
            .await?;
            out.extend(rows.into_iter().map(|r| (r.assessment_id, r.rating)));
        }
        Ok(out)
    }

    /// Moves the ratings of every assessment linked to snapshot `from` to
    /// snapshot `to`, as `moves` says of each statement that changed;
    /// statements `moves` does not name kept their place, and their ratings
    /// are not touched. One transaction, one audit entry.
    ///
    /// The moves go through a temporary table and one `UPDATE`, which reads
    /// every rating's old place before writing any: a chain of renames
    /// (a → b, b → c) moves each rating once.
    pub async fn relink(
        &self,
        actor: &Actor,
        from: i64,
        to: i64,
        moves: &[Relink],
    ) -> Result<RelinkReport> {
        let mut w = self.write(actor).await?;
        let mut report = RelinkReport::default();
        // Several servers on one database all see the stale snapshot when
        // they start; the write lock lets one relink at a time, and the
        // ones after it find nothing left to do (and write nothing).
        let left: Option<i64> =
            sqlx::query_scalar("SELECT id FROM assessments WHERE snapshot_id = $1 LIMIT 1")
                .bind(from)
                .fetch_optional(w.conn())
                .await?;
        if left.is_none() {
            return Ok(report);
        }
        let total: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM ratings WHERE assessment_id IN (SELECT id FROM assessments WHERE snapshot_id = $1)",
        )
        .bind(from)
        .fetch_one(w.conn())
        .await?;
        // A count is never negative.
        report.ratings = total.unsigned_abs();
        if !moves.is_empty() {
            sqlx::query(
                "CREATE TEMPORARY TABLE relink_moves (
                    old_track TEXT NOT NULL, old_level TEXT NOT NULL, old_id TEXT NOT NULL,
                    new_track TEXT NOT NULL, new_level TEXT NOT NULL, new_id TEXT NOT NULL,
                    link TEXT NOT NULL,
                    PRIMARY KEY (old_track, old_level, old_id))",
            )
            .execute(w.conn())
            .await?;
            for m in moves {
                let (track, level, id) = &m.old;
                let (nt, nl, ni) = m.new.as_ref().unwrap_or(&m.old);
                sqlx::query(
                    "INSERT INTO relink_moves VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                )
                .bind(track)
                .bind(level)
                .bind(id)
                .bind(nt)
                .bind(nl)
                .bind(ni)
                .bind(m.link.as_str())
                .execute(w.conn())
                .await?;
            }
            // A mark never weakens: a rating up for review stays so when its
            // statement is only reworded again; "current" keeps any mark.
            let link = "(SELECT CASE
                    WHEN m.link IN ('review', 'archived') THEN m.link
                    WHEN m.link = 'current' OR ratings.link IN ('review', 'archived') THEN ratings.link
                    ELSE m.link END
                FROM relink_moves m
                WHERE m.old_track = ratings.track AND m.old_level = ratings.level AND m.old_id = ratings.statement_id)";
            let new = |column: &str| {
                format!(
                    "(SELECT m.new_{column} FROM relink_moves m
                      WHERE m.old_track = ratings.track AND m.old_level = ratings.level AND m.old_id = ratings.statement_id)"
                )
            };
            let which = |same: bool| {
                let op = if same { "=" } else { "<>" };
                format!(
                    "WHERE (track, level, statement_id) IN (SELECT old_track, old_level, old_id FROM relink_moves
                        WHERE (old_track || '/' || old_level || '/' || old_id) {op} (new_track || '/' || new_level || '/' || new_id))
                     AND +assessment_id IN (SELECT id FROM assessments WHERE snapshot_id = $1)"
                )
            };
            // Statements that kept their place only change marks: the
            // statement index is left alone, which is most of the cost.
            // (`+assessment_id` keeps the planner on the statement index:
            // after an edit every assessment matches, and starting from
            // them would read every rating.)
            let marked = sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE ratings SET link = {link} {}",
                which(true)
            )))
            .bind(from)
            .execute(w.conn())
            .await?;
            let moved = sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE ratings SET track = {}, level = {}, statement_id = {}, link = {link} {}",
                new("track"),
                new("level"),
                new("id"),
                which(false)
            )))
            .bind(from)
            .execute(w.conn())
            .await?;
            report.changed = marked.rows_affected() + moved.rows_affected();
            sqlx::query("DROP TABLE relink_moves")
                .execute(w.conn())
                .await?;
        }
        let assessments =
            sqlx::query("UPDATE assessments SET snapshot_id = $1 WHERE snapshot_id = $2")
                .bind(to)
                .bind(from)
                .execute(w.conn())
                .await?;
        report.assessments = assessments.rows_affected();
        w.audit(
            "assessments.relink",
            &format!("snapshot:{from}->{to}"),
            None,
            json(&report),
        )
        .await?;
        w.commit().await?;
        Ok(report)
    }
}

impl Write {
    /// The assessment, for changing it: not found, or a conflict when
    /// `version` is given and is not the stored one.
    async fn assessment_for_change(&mut self, id: i64, version: Option<i64>) -> Result<Assessment> {
        let a: Assessment = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{ASSESSMENT_SELECT} WHERE a.id = $1"
        )))
        .bind(id)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("assessment {id}")))?;
        if version.is_some_and(|v| v != a.version) {
            return Err(StoreError::Conflict(
                "this assessment was changed since you opened it; reload to see the changes".into(),
            ));
        }
        Ok(a)
    }

    async fn touch(&mut self, id: i64) -> Result<()> {
        sqlx::query("UPDATE assessments SET version = version + 1, updated_at = $1 WHERE id = $2")
            .bind(self.at)
            .bind(id)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Opens an assessment against the revision `snapshot`.
    pub async fn open_assessment(
        &mut self,
        new: &NewAssessment,
        revision: &str,
        snapshot: i64,
    ) -> Result<i64> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO assessments (person_id, manager_id, track, level, cycle_id, revision, snapshot_id,
                created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        )
        .bind(new.person_id)
        .bind(new.manager_id)
        .bind(&new.track)
        .bind(&new.level)
        .bind(new.cycle_id)
        .bind(revision)
        .bind(snapshot)
        .bind(self.actor().person_id)
        .bind(self.at)
        .fetch_one(self.conn())
        .await?;
        self.audit(
            "assessment.open",
            &format!("assessment:{id}"),
            None,
            Some(format!(
                "{{\"person\":{},\"level\":{}}}",
                new.person_id,
                serde_json::Value::String(format!("{}/{}", new.track, new.level))
            )),
        )
        .await?;
        Ok(id)
    }

    /// Saves `side`'s ratings. A rating that did not change keeps its mark
    /// (e.g. "reworded since rated"); a changed one is rated against the
    /// statement as it is now. Refused once the side is submitted.
    pub async fn save_ratings(
        &mut self,
        id: i64,
        side: Side,
        version: i64,
        inputs: &[RatingInput],
    ) -> Result<usize> {
        let a = self.assessment_for_change(id, Some(version)).await?;
        if a.submitted(side).is_some() || a.shared_at.is_some() {
            return Err(StoreError::Conflict(
                "these ratings are submitted; they can no longer be changed".into(),
            ));
        }
        let existing: Vec<StoredRating> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{RATING_SELECT} WHERE assessment_id = $1 AND side = $2"
        )))
        .bind(id)
        .bind(side.as_str())
        .fetch_all(self.conn())
        .await?;
        let mut changed = 0;
        for input in inputs {
            let stored = existing.iter().find(|e| {
                e.track == a.track && e.level == a.level && e.statement_id == input.statement_id
            });
            // A comment or evidence not given keeps what is stored.
            let keep = |given: &Option<String>, stored: Option<&String>| match given {
                Some(g) => g.trim().to_string(),
                None => stored.cloned().unwrap_or_default(),
            };
            let comment = keep(&input.comment, stored.map(|e| &e.comment));
            let evidence = keep(&input.evidence, stored.map(|e| &e.evidence));
            let empty = input.rating.is_none() && comment.is_empty() && evidence.is_empty();
            let same = match stored {
                Some(e) => {
                    e.rating == input.rating && e.comment == comment && e.evidence == evidence
                }
                // Nothing stored and nothing given: the page's form sends
                // every row, rated or not, and an unrated row is no change.
                None => empty,
            };
            if same {
                continue;
            }
            sqlx::query(
                "DELETE FROM ratings WHERE assessment_id = $1 AND side = $2 AND track = $3 AND level = $4 AND statement_id = $5",
            )
            .bind(id)
            .bind(side.as_str())
            .bind(&a.track)
            .bind(&a.level)
            .bind(&input.statement_id)
            .execute(self.conn())
            .await?;
            if !empty {
                sqlx::query(
                    "INSERT INTO ratings (assessment_id, side, track, level, statement_id, rating, comment, evidence, rated_text, link)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'current')",
                )
                .bind(id)
                .bind(side.as_str())
                .bind(&a.track)
                .bind(&a.level)
                .bind(&input.statement_id)
                .bind(input.rating)
                .bind(&comment)
                .bind(&evidence)
                .bind(&input.text)
                .execute(self.conn())
                .await?;
            }
            changed += 1;
        }
        if changed > 0 {
            self.touch(id).await?;
            self.audit(
                "assessment.rate",
                &format!("assessment:{id}"),
                None,
                Some(format!(
                    "{{\"side\":\"{}\",\"ratings\":{changed}}}",
                    side.as_str()
                )),
            )
            .await?;
        }
        Ok(changed)
    }

    /// Submits `side`: its ratings can no longer change.
    pub async fn submit_assessment(&mut self, id: i64, side: Side, version: i64) -> Result<()> {
        let a = self.assessment_for_change(id, Some(version)).await?;
        if a.submitted(side).is_some() {
            return Err(StoreError::Conflict("already submitted".into()));
        }
        let column = match side {
            Side::Person => "self_submitted_at",
            Side::Manager => "manager_submitted_at",
        };
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE assessments SET {column} = $1 WHERE id = $2"
        )))
        .bind(self.at)
        .bind(id)
        .execute(self.conn())
        .await?;
        self.touch(id).await?;
        self.audit(
            "assessment.submit",
            &format!("assessment:{id}"),
            None,
            Some(format!("{{\"side\":\"{}\"}}", side.as_str())),
        )
        .await
    }

    /// Shares a submitted assessment: both sides see both from now on.
    pub async fn share_assessment(&mut self, id: i64, version: i64) -> Result<()> {
        let a = self.assessment_for_change(id, Some(version)).await?;
        if a.self_submitted_at.is_none() || a.manager_submitted_at.is_none() {
            return Err(StoreError::Conflict(
                "both sides must submit before the assessment is shared".into(),
            ));
        }
        if a.shared_at.is_some() {
            return Err(StoreError::Conflict("already shared".into()));
        }
        sqlx::query("UPDATE assessments SET shared_at = $1 WHERE id = $2")
            .bind(self.at)
            .bind(id)
            .execute(self.conn())
            .await?;
        self.touch(id).await?;
        self.audit("assessment.share", &format!("assessment:{id}"), None, None)
            .await
    }

    /// The person acknowledges a shared assessment: locked from now on.
    pub async fn acknowledge_assessment(
        &mut self,
        id: i64,
        version: i64,
        note: &str,
    ) -> Result<()> {
        let a = self.assessment_for_change(id, Some(version)).await?;
        if a.shared_at.is_none() {
            return Err(StoreError::Conflict(
                "the assessment is not shared yet".into(),
            ));
        }
        if a.acknowledged_at.is_some() {
            return Err(StoreError::Conflict("already acknowledged".into()));
        }
        sqlx::query(
            "UPDATE assessments SET acknowledged_at = $1, acknowledgement_note = $2 WHERE id = $3",
        )
        .bind(self.at)
        .bind(note)
        .bind(id)
        .execute(self.conn())
        .await?;
        self.touch(id).await?;
        self.audit(
            "assessment.acknowledge",
            &format!("assessment:{id}"),
            None,
            // The audit log is kept for good: it names the change, never the words.
            Some(format!("{{\"note\":{}}}", !note.is_empty())),
        )
        .await
    }

    /// A new version of a locked assessment, with the reason: its ratings
    /// copied into a new draft (both sides change what they need, submit,
    /// share, and the person acknowledges again). The original stays as it
    /// was.
    pub async fn revise_assessment(&mut self, id: i64, version: i64, reason: &str) -> Result<i64> {
        let a = self.assessment_for_change(id, Some(version)).await?;
        if a.acknowledged_at.is_none() {
            return Err(StoreError::Conflict(
                "only an acknowledged assessment is revised; change this one directly".into(),
            ));
        }
        if reason.trim().is_empty() {
            return Err(StoreError::Invalid(
                "say why the assessment changes after it was locked".into(),
            ));
        }
        let superseded = sqlx::query("SELECT id FROM assessments WHERE supersedes = $1")
            .bind(id)
            .fetch_optional(self.conn())
            .await?;
        if superseded.is_some() {
            return Err(StoreError::Conflict(
                "this assessment was revised already; revise the newest version".into(),
            ));
        }
        let new: i64 = sqlx::query_scalar(
            "INSERT INTO assessments (person_id, manager_id, track, level, cycle_id, revision, snapshot_id,
                supersedes, change_reason, created_by, created_at, updated_at)
             SELECT a.person_id, (SELECT p.manager_id FROM people p WHERE p.id = a.person_id), a.track, a.level,
                a.cycle_id, a.revision, a.snapshot_id, a.id, $1, $2, $3, $3
             FROM assessments a WHERE a.id = $4 RETURNING id",
        )
        .bind(reason.trim())
        .bind(self.actor().person_id)
        .bind(self.at)
        .bind(id)
        .fetch_one(self.conn())
        .await?;
        sqlx::query(
            "INSERT INTO ratings (assessment_id, side, track, level, statement_id, rating, comment, evidence, rated_text, link)
             SELECT $1, side, track, level, statement_id, rating, comment, evidence, rated_text, link
             FROM ratings WHERE assessment_id = $2 ORDER BY id",
        )
        .bind(new)
        .bind(id)
        .execute(self.conn())
        .await?;
        self.audit(
            "assessment.revise",
            &format!("assessment:{new}"),
            Some(format!("{{\"supersedes\":{id}}}")),
            None,
        )
        .await?;
        Ok(new)
    }
}
