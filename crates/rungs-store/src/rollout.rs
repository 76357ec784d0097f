//! Rollouts: suggest, propose, confirm, acknowledge.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::model::{
    NewPlacement, PlacementReason, Rollout, RolloutEntry, RolloutProgress, RolloutStatus,
};
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

const ENTRY_SELECT: &str = "SELECT rollout_id, person_id, status, suggested_track, suggested_level, suggestion_reason,
    proposed_track, proposed_level, proposed_by, proposal_note, confirmed_by, acknowledgement_note, version
    FROM rollout_entries";

fn entry_from_row(r: &AnyRow) -> Result<RolloutEntry> {
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
        version: r.try_get("version")?,
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

    /// Every entry of a rollout.
    pub async fn rollout_entries(&self, rollout: i64) -> Result<Vec<RolloutEntry>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{ENTRY_SELECT} WHERE rollout_id = $1 ORDER BY person_id"
        )))
        .bind(rollout)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(entry_from_row).collect()
    }

    /// Counts by status per team, then the total (team `None`, last).
    /// `people`, when given, limits the counts to those people (a manager's
    /// reports).
    pub async fn rollout_progress(
        &self,
        rollout: i64,
        people: Option<&[i64]>,
    ) -> Result<Vec<RolloutProgress>> {
        let rows = sqlx::query(
            "SELECT t.name AS team, e.person_id, e.status FROM rollout_entries e
             JOIN people p ON p.id = e.person_id LEFT JOIN teams t ON t.id = p.team_id
             WHERE e.rollout_id = $1",
        )
        .bind(rollout)
        .fetch_all(&self.pool)
        .await?;
        let keep: Option<std::collections::HashSet<i64>> =
            people.map(|p| p.iter().copied().collect());
        let mut by_team: std::collections::BTreeMap<Option<String>, RolloutProgress> =
            Default::default();
        let mut total = RolloutProgress::default();
        for r in &rows {
            let person: i64 = r.try_get("person_id")?;
            if keep.as_ref().is_some_and(|k| !k.contains(&person)) {
                continue;
            }
            let team: Option<String> = r.try_get("team")?;
            let status: String = r.try_get("status")?;
            let entry = by_team
                .entry(team.clone())
                .or_insert_with(|| RolloutProgress {
                    team,
                    ..Default::default()
                });
            for p in [&mut *entry, &mut total] {
                p.total += 1;
                match RolloutStatus::parse(&status) {
                    Some(RolloutStatus::Suggested) => p.suggested += 1,
                    Some(RolloutStatus::Proposed) => p.proposed += 1,
                    Some(RolloutStatus::Confirmed) => p.confirmed += 1,
                    Some(RolloutStatus::Acknowledged) => p.acknowledged += 1,
                    None => {}
                }
            }
        }
        let mut out: Vec<RolloutProgress> = by_team.into_values().collect();
        // People without a team sort first in the map; show them after the teams.
        out.sort_by_key(|p| p.team.is_none());
        out.push(total);
        Ok(out)
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
