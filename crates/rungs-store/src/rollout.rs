//! Rollouts: suggest, propose, confirm, acknowledge.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::model::{
    NewPlacement, Person, PlacementReason, Rollout, RolloutEntry, RolloutProgress, RolloutStatus,
};
use crate::params::{Arg, Params, Scope};
use crate::people::person_from_row;
use crate::store::json;
use crate::{Result, Store, StoreError, Write};

/// A suggested level for one person when a rollout opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Who.
    pub person_id: i64,
    /// Track and level, if anything matched.
    pub level: Option<(String, String)>,
    /// Why, in words.
    pub reason: String,
}

/// The `FROM` of a rollout query: the entries of the people in `scope`.
fn scoped(scope: &Scope) -> String {
    let within = scope
        .condition("e.person_id")
        .map(|c| format!(" AND {c}"))
        .unwrap_or_default();
    format!("FROM rollout_entries e JOIN people p ON p.id = e.person_id{within}")
}

/// Which entries to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryFilter {
    /// Only this team.
    pub team: Option<String>,
    /// Only this status.
    pub status: Option<RolloutStatus>,
}

/// A page of a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// At most this many.
    pub limit: i64,
    /// After skipping this many.
    pub offset: i64,
}

impl Page {
    /// The whole listing, unpaged.
    pub const ALL: Page = Page {
        limit: i64::MAX,
        offset: 0,
    };
}

const ENTRY_SELECT: &str = "SELECT rollout_id, person_id, status, suggested_track, suggested_level, suggestion_reason,
    proposed_track, proposed_level, proposed_by, proposal_note, confirmed_by, acknowledgement_note, version
    FROM rollout_entries";

fn entry_from_row(r: &AnyRow) -> Result<RolloutEntry> {
    entry_from_row_as(r, "version")
}

fn entry_from_row_as(r: &AnyRow, version: &str) -> Result<RolloutEntry> {
    let status: String = r.try_get("status")?;
    Ok(RolloutEntry {
        rollout_id: r.try_get("rollout_id")?,
        person_id: r.try_get("person_id")?,
        status: RolloutStatus::parse(&status)
            .ok_or_else(|| StoreError::Invalid(format!("stored status `{status}`")))?,
        suggested_track: r.try_get("suggested_track")?,
        suggested_level: r.try_get("suggested_level")?,
        suggestion_reason: r.try_get("suggestion_reason")?,
        proposed_track: r.try_get("proposed_track")?,
        proposed_level: r.try_get("proposed_level")?,
        proposed_by: r.try_get("proposed_by")?,
        proposal_note: r.try_get("proposal_note")?,
        confirmed_by: r.try_get("confirmed_by")?,
        acknowledgement_note: r.try_get("acknowledgement_note")?,
        version: r.try_get(version)?,
    })
}

fn rollout_from_row(r: &AnyRow) -> Result<Rollout> {
    Ok(Rollout {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        revision: r.try_get("revision")?,
        created_at: r.try_get("created_at")?,
        closed_at: r.try_get("closed_at")?,
    })
}

impl Store {
    /// Every rollout, newest first.
    pub async fn rollouts(&self) -> Result<Vec<Rollout>> {
        let rows = sqlx::query(
            "SELECT id, name, revision, created_at, closed_at FROM rollouts ORDER BY id DESC",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(rollout_from_row).collect()
    }

    /// The open rollout, if one is (at most one is open at a time).
    pub async fn open_rollout(&self) -> Result<Option<Rollout>> {
        let row = sqlx::query(
            "SELECT id, name, revision, created_at, closed_at FROM rollouts WHERE closed_at IS NULL ORDER BY id DESC LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(rollout_from_row).transpose()
    }

    /// One person's entry in a rollout.
    pub async fn rollout_entry(&self, rollout: i64, person: i64) -> Result<Option<RolloutEntry>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{ENTRY_SELECT} WHERE rollout_id = $1 AND person_id = $2"
        )))
        .bind(rollout)
        .bind(person)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(entry_from_row).transpose()
    }

    /// Counts by status per team, then the total (team `None`, last).
    /// With `scope`, only that person and everyone below them in the
    /// reporting lines count (a manager's view).
    pub async fn rollout_progress(
        &self,
        rollout: i64,
        scope: &Scope,
    ) -> Result<Vec<RolloutProgress>> {
        let mut params = Params::default();
        let rollout = params.push(Arg::Int(rollout));
        let from = scoped(scope);
        let sql = format!(
            "SELECT t.name AS team, COUNT(*) AS total,
                COUNT(CASE WHEN e.status = 'suggested' THEN 1 END) AS suggested,
                COUNT(CASE WHEN e.status = 'proposed' THEN 1 END) AS proposed,
                COUNT(CASE WHEN e.status = 'confirmed' THEN 1 END) AS confirmed,
                COUNT(CASE WHEN e.status = 'acknowledged' THEN 1 END) AS acknowledged
            {from} LEFT JOIN teams t ON t.id = p.team_id
            WHERE e.rollout_id = {rollout}
            GROUP BY t.name ORDER BY t.name"
        );
        let rows = params
            .bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
            .fetch_all(&self.pool)
            .await?;
        let mut total = RolloutProgress::default();
        let mut out = Vec::with_capacity(rows.len() + 1);
        for r in &rows {
            let p = RolloutProgress {
                team: r.try_get("team")?,
                total: r.try_get("total")?,
                suggested: r.try_get("suggested")?,
                proposed: r.try_get("proposed")?,
                confirmed: r.try_get("confirmed")?,
                acknowledged: r.try_get("acknowledged")?,
            };
            total.total += p.total;
            total.suggested += p.suggested;
            total.proposed += p.proposed;
            total.confirmed += p.confirmed;
            total.acknowledged += p.acknowledged;
            out.push(p);
        }
        // People without a team after the teams.
        out.sort_by_key(|p| p.team.is_none());
        out.push(total);
        Ok(out)
    }

    /// A page of a rollout's entries with their people, by name: within
    /// `scope` (see [`Store::rollout_progress`]), optionally one team and
    /// one status. Returns the page and how many match in all (`total`,
    /// when the caller knows it already, saves counting).
    pub async fn rollout_people(
        &self,
        rollout: i64,
        scope: &Scope,
        filter: &EntryFilter,
        page: Page,
        total: Option<i64>,
    ) -> Result<(Vec<(Person, RolloutEntry)>, i64)> {
        let mut params = Params::default();
        let rollout = params.push(Arg::Int(rollout));
        let from = scoped(scope);
        let mut conditions = vec![format!("e.rollout_id = {rollout}")];
        if let Some(team) = &filter.team {
            conditions.push(format!("t.name = {}", params.push(Arg::Text(team.clone()))));
        }
        if let Some(status) = filter.status {
            conditions.push(format!(
                "e.status = {}",
                params.push(Arg::Text(status.as_str().into()))
            ));
        }
        let filters = conditions.join(" AND ");
        let joins = "LEFT JOIN teams t ON t.id = p.team_id";
        let count_sql = format!("SELECT COUNT(*) AS n {from} {joins} WHERE {filters}");
        let count = match total {
            Some(n) => n,
            None => params
                .bind(sqlx::query(sqlx::AssertSqlSafe(count_sql)))
                .fetch_one(&self.pool)
                .await?
                .try_get("n")?,
        };
        let limit = params.push(Arg::Int(page.limit));
        let offset = params.push(Arg::Int(page.offset));
        let rows_sql = format!(
            "SELECT p.id, p.email, p.name, p.job_title, t.name AS team, p.manager_id,
                pl.track, pl.level, p.start_date, p.active, p.role, p.version,
                CASE WHEN p.password_hash IS NULL THEN 0 ELSE 1 END AS has_password, p.previous_title,
                CASE WHEN p.idp_subject IS NULL THEN 0 ELSE 1 END AS identity_linked,
                e.rollout_id, e.person_id, e.status, e.suggested_track, e.suggested_level, e.suggestion_reason,
                e.proposed_track, e.proposed_level, e.proposed_by, e.proposal_note, e.confirmed_by,
                e.acknowledgement_note, e.version AS entry_version
            {from} {joins}
            LEFT JOIN placements pl ON pl.person_id = p.id AND pl.until_date IS NULL
            WHERE {filters}
            ORDER BY p.name, p.id LIMIT {limit} OFFSET {offset}"
        );
        let rows = params
            .bind(sqlx::query(sqlx::AssertSqlSafe(rows_sql)))
            .fetch_all(&self.pool)
            .await?;
        let people = rows
            .iter()
            .map(|r| Ok((person_from_row(r)?, entry_from_row_as(r, "entry_version")?)))
            .collect::<Result<Vec<_>>>()?;
        Ok((people, count))
    }
}

impl Write {
    /// Opens a rollout onto `revision` with a suggestion for each person.
    /// Only one rollout is open at a time.
    pub async fn open_rollout(
        &mut self,
        name: &str,
        revision: &str,
        suggestions: &[Suggestion],
    ) -> Result<Rollout> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(StoreError::Invalid(
                "a rollout needs a name of at most 100 characters".into(),
            ));
        }
        let open = sqlx::query("SELECT COUNT(*) AS n FROM rollouts WHERE closed_at IS NULL")
            .fetch_one(self.conn())
            .await?;
        if open.try_get::<i64, _>("n")? > 0 {
            return Err(StoreError::Conflict(
                "a rollout is already open: close it first".into(),
            ));
        }
        let at = self.at;
        let row = sqlx::query(
            "INSERT INTO rollouts (name, revision, created_at) VALUES ($1, $2, $3) RETURNING id, name, revision, created_at, closed_at",
        )
        .bind(name)
        .bind(revision)
        .bind(at)
        .fetch_one(self.conn())
        .await?;
        let rollout = rollout_from_row(&row)?;
        for s in suggestions {
            sqlx::query(
                "INSERT INTO rollout_entries (rollout_id, person_id, status, suggested_track, suggested_level, suggestion_reason)
                 VALUES ($1, $2, 'suggested', $3, $4, $5)",
            )
            .bind(rollout.id)
            .bind(s.person_id)
            .bind(s.level.as_ref().map(|l| l.0.as_str()))
            .bind(s.level.as_ref().map(|l| l.1.as_str()))
            .bind(&s.reason)
            .execute(self.conn())
            .await?;
        }
        self.audit(
            "rollout.open",
            &format!("rollout:{}", rollout.id),
            None,
            json(&serde_json::json!({"rollout": rollout, "people": suggestions.len()})),
        )
        .await?;
        Ok(rollout)
    }

    /// Closes a rollout (its entries stay, read-only).
    pub async fn close_rollout(&mut self, rollout: i64) -> Result<()> {
        let at = self.at;
        let done =
            sqlx::query("UPDATE rollouts SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL")
                .bind(at)
                .bind(rollout)
                .execute(self.conn())
                .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("open rollout {rollout}")));
        }
        self.audit("rollout.close", &format!("rollout:{rollout}"), None, None)
            .await
    }

    async fn entry(&mut self, rollout: i64, person: i64, version: i64) -> Result<RolloutEntry> {
        let closed = sqlx::query("SELECT closed_at FROM rollouts WHERE id = $1")
            .bind(rollout)
            .fetch_optional(self.conn())
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("rollout {rollout}")))?;
        if closed.try_get::<Option<i64>, _>("closed_at")?.is_some() {
            return Err(StoreError::Conflict("this rollout is closed".into()));
        }
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{ENTRY_SELECT} WHERE rollout_id = $1 AND person_id = $2"
        )))
        .bind(rollout)
        .bind(person)
        .fetch_optional(self.conn())
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("person {person} in rollout {rollout}")))?;
        let entry = entry_from_row(&row)?;
        if entry.version != version {
            return Err(StoreError::Conflict(
                "someone else changed this person's rollout since you opened it: reload to see their change".into(),
            ));
        }
        Ok(entry)
    }

    /// The manager (or HR) proposes a level. Allowed until it is confirmed.
    pub async fn propose(
        &mut self,
        rollout: i64,
        person: i64,
        version: i64,
        level: (&str, &str),
        note: &str,
    ) -> Result<RolloutEntry> {
        let before = self.entry(rollout, person, version).await?;
        if before.status >= RolloutStatus::Confirmed {
            return Err(StoreError::Conflict(
                "this level is already confirmed".into(),
            ));
        }
        let by = self.actor().person_id;
        sqlx::query(
            "UPDATE rollout_entries SET status = 'proposed', proposed_track = $1, proposed_level = $2, proposed_by = $3,
                proposal_note = $4, version = version + 1 WHERE rollout_id = $5 AND person_id = $6",
        )
        .bind(level.0)
        .bind(level.1)
        .bind(by)
        .bind(note.trim())
        .bind(rollout)
        .bind(person)
        .execute(self.conn())
        .await?;
        self.finish(rollout, person, "rollout.propose", before)
            .await
    }

    /// HR or an admin confirms the proposed level: it becomes the person's
    /// placement (reason: rollout).
    pub async fn confirm(
        &mut self,
        rollout: i64,
        person: i64,
        version: i64,
        revision: &str,
    ) -> Result<RolloutEntry> {
        let before = self.entry(rollout, person, version).await?;
        let (Some(track), Some(level), RolloutStatus::Proposed) = (
            before.proposed_track.clone(),
            before.proposed_level.clone(),
            before.status,
        ) else {
            return Err(StoreError::Conflict(
                "only a proposed level can be confirmed".into(),
            ));
        };
        let by = self.actor().person_id;
        sqlx::query(
            "UPDATE rollout_entries SET status = 'confirmed', confirmed_by = $1, version = version + 1
             WHERE rollout_id = $2 AND person_id = $3",
        )
        .bind(by)
        .bind(rollout)
        .bind(person)
        .execute(self.conn())
        .await?;
        let placement = NewPlacement {
            track,
            level,
            from_date: None,
            reason: PlacementReason::Rollout,
            note: before.proposal_note.clone(),
        };
        self.place(person, &placement, revision).await?;
        self.finish(rollout, person, "rollout.confirm", before)
            .await
    }

    /// The person acknowledges their confirmed level, after a 1-on-1.
    pub async fn acknowledge(
        &mut self,
        rollout: i64,
        person: i64,
        version: i64,
        note: &str,
    ) -> Result<RolloutEntry> {
        let before = self.entry(rollout, person, version).await?;
        if before.status != RolloutStatus::Confirmed {
            return Err(StoreError::Conflict(
                "only a confirmed level can be acknowledged".into(),
            ));
        }
        sqlx::query(
            "UPDATE rollout_entries SET status = 'acknowledged', acknowledgement_note = $1, version = version + 1
             WHERE rollout_id = $2 AND person_id = $3",
        )
        .bind(note.trim())
        .bind(rollout)
        .bind(person)
        .execute(self.conn())
        .await?;
        self.finish(rollout, person, "rollout.acknowledge", before)
            .await
    }

    async fn finish(
        &mut self,
        rollout: i64,
        person: i64,
        action: &str,
        before: RolloutEntry,
    ) -> Result<RolloutEntry> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{ENTRY_SELECT} WHERE rollout_id = $1 AND person_id = $2"
        )))
        .bind(rollout)
        .bind(person)
        .fetch_one(self.conn())
        .await?;
        let after = entry_from_row(&row)?;
        self.audit(
            action,
            &format!("person:{person}"),
            json(&before),
            json(&after),
        )
        .await?;
        Ok(after)
    }
}
