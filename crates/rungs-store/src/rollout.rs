//! Rollouts: suggest, propose, confirm, acknowledge.

use crate::model::{
    NewPlacement, Person, PlacementReason, Rollout, RolloutEntry, RolloutProgress, RolloutStatus,
};
use crate::params::{Arg, Params, Scope};
use crate::people::{BY_NAME, PERSON_COLUMNS, PERSON_JOINS, PersonRow};
use crate::store::json;
use crate::{Result, Store, StoreError, Write};
use sqlx::AnyConnection;

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
fn scoped(scope: &Scope, params: &mut Params) -> String {
    let within = scope
        .condition("e.person_id", params)
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

/// A [`RolloutEntry`]'s columns, from `rollout_entries e`.
macro_rules! entry_columns {
    () => {
        "e.rollout_id, e.person_id, e.status, e.suggested_track, e.suggested_level,
        e.suggestion_reason, e.proposed_track, e.proposed_level, e.proposed_by, e.proposal_note,
        e.confirmed_by, e.acknowledgement_note, e.version"
    };
}

const ENTRY_COLUMNS: &str = entry_columns!();

/// One person's entry in one rollout (`$1`, `$2`).
const ENTRY_SELECT: &str = concat!(
    "SELECT ",
    entry_columns!(),
    " FROM rollout_entries e WHERE e.rollout_id = $1 AND e.person_id = $2"
);

const ROLLOUT_COLUMNS: &str = "id, name, revision, created_at, closed_at";

/// A person and their entry, in one row of [`Store::rollout_people`].
#[derive(sqlx::FromRow)]
struct PersonEntry {
    #[sqlx(flatten)]
    person: PersonRow,
    #[sqlx(flatten)]
    entry: RolloutEntry,
    /// 1 when the person is marked not on a ladder.
    off_ladder: i64,
}

impl Store {
    /// Every rollout, newest first.
    pub async fn rollouts(&self) -> Result<Vec<Rollout>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ROLLOUT_COLUMNS} FROM rollouts ORDER BY id DESC"
        )))
        .fetch_all(&self.pool)
        .await?)
    }

    /// The open rollout, if one is (at most one is open at a time).
    pub async fn open_rollout(&self) -> Result<Option<Rollout>> {
        open_rollout_on(&mut *self.pool.acquire().await?).await
    }

    /// One person's entry in a rollout.
    pub async fn rollout_entry(&self, rollout: i64, person: i64) -> Result<Option<RolloutEntry>> {
        entry_on(&mut *self.pool.acquire().await?, rollout, person).await
    }

    /// Counts by status per team, then the total (team `None`, last).
    /// With `scope`, only that person and everyone below them in the
    /// reporting lines count (a manager's view).
    pub async fn rollout_progress(
        &self,
        rollout: i64,
        scope: &Scope,
    ) -> Result<Vec<RolloutProgress>> {
        progress(&mut *self.pool.acquire().await?, rollout, scope).await
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
        let mut conn = self.pool.acquire().await?;
        let (people, count) = people_page(&mut conn, rollout, scope, filter, page, total).await?;
        Ok((people.into_iter().map(|(p, e, _)| (p, e)).collect(), count))
    }

    /// What the rollout page shows of a rollout (the open one, or `id`):
    /// its progress within `scope`, a page of its people and which of them
    /// are marked not on a ladder; `None` when there is no such rollout.
    ///
    /// Read on one connection: the pool tests a connection each time one
    /// is given back, a round trip to the database, so the page's three
    /// reads share one connection rather than take three.
    pub async fn rollout_page(
        &self,
        id: Option<i64>,
        scope: &Scope,
        filter: &EntryFilter,
        page: Page,
    ) -> Result<Option<RolloutPage>> {
        let mut conn = self.pool.acquire().await?;
        // The rollout comes with its progress, in one read.
        let which = match id {
            Some(id) => Which::Id(id),
            None => Which::Open,
        };
        let Some((rollout, progress)) = progress_of(&mut conn, which, scope).await? else {
            return Ok(None);
        };
        // Without a filter, the progress total is the count.
        let unfiltered_total =
            (filter == &EntryFilter::default()).then(|| progress.last().map_or(0, |t| t.total));
        let (entries, matching) =
            people_page(&mut conn, rollout.id, scope, filter, page, unfiltered_total).await?;
        Ok(Some(RolloutPage {
            rollout,
            progress,
            entries,
            matching,
        }))
    }
}

/// A page of a rollout, as [`Store::rollout_page`] reads it.
#[derive(Debug, Clone)]
pub struct RolloutPage {
    /// The rollout.
    pub rollout: Rollout,
    /// Counts by team, then the total (see [`Store::rollout_progress`]).
    pub progress: Vec<RolloutProgress>,
    /// The page's people and their entries, with whether each is marked
    /// not on a ladder.
    pub entries: Vec<(Person, RolloutEntry, bool)>,
    /// How many entries match the filter in all.
    pub matching: i64,
}

/// [`Store::open_rollout`] on `conn`.
pub(crate) async fn open_rollout_on(conn: &mut AnyConnection) -> Result<Option<Rollout>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ROLLOUT_COLUMNS} {OPEN_ROLLOUT}"
    )))
    .fetch_optional(&mut *conn)
    .await?)
}

/// [`Store::rollout_entry`] on `conn`.
pub(crate) async fn entry_on(
    conn: &mut AnyConnection,
    rollout: i64,
    person: i64,
) -> Result<Option<RolloutEntry>> {
    Ok(sqlx::query_as(ENTRY_SELECT)
        .bind(rollout)
        .bind(person)
        .fetch_optional(&mut *conn)
        .await?)
}

/// The open rollout's `FROM … WHERE …`: at most one is open at a time.
const OPEN_ROLLOUT: &str = "FROM rollouts WHERE closed_at IS NULL ORDER BY id DESC LIMIT 1";

/// [`Store::rollout_progress`] on `conn`.
async fn progress(
    conn: &mut AnyConnection,
    rollout: i64,
    scope: &Scope,
) -> Result<Vec<RolloutProgress>> {
    Ok(progress_of(conn, Which::Id(rollout), scope)
        .await?
        .map(|(_, progress)| progress)
        .unwrap_or_else(|| vec![RolloutProgress::default()]))
}

/// Which rollout [`progress_of`] reads.
#[derive(Debug, Clone, Copy)]
enum Which {
    /// This one.
    Id(i64),
    /// The open one, if any.
    Open,
}

/// One team's counts, with the rollout they are of.
#[derive(sqlx::FromRow)]
struct ProgressRow {
    r_id: i64,
    r_name: String,
    r_revision: String,
    r_created_at: i64,
    r_closed_at: Option<i64>,
    #[sqlx(flatten)]
    progress: RolloutProgress,
}

/// A rollout and its counts by team within `scope`, then the total; `None`
/// when there is no such rollout. One query: the rollout is joined to its
/// entries, so a rollout with no entries in scope is one row of zeros.
async fn progress_of(
    conn: &mut AnyConnection,
    which: Which,
    scope: &Scope,
) -> Result<Option<(Rollout, Vec<RolloutProgress>)>> {
    let mut params = Params::default();
    let rollout = match which {
        Which::Id(id) => format!(
            "SELECT {ROLLOUT_COLUMNS} FROM rollouts WHERE id = {}",
            params.push(Arg::Int(id))
        ),
        Which::Open => format!("SELECT {ROLLOUT_COLUMNS} {OPEN_ROLLOUT}"),
    };
    let within = scope
        .condition("e.person_id", &mut params)
        .map(|c| format!(" AND {c}"))
        .unwrap_or_default();
    let sql = format!(
        "SELECT r.id AS r_id, r.name AS r_name, r.revision AS r_revision,
            r.created_at AS r_created_at, r.closed_at AS r_closed_at,
            t.name AS team, COUNT(e.person_id) AS total,
            COUNT(CASE WHEN x.person_id IS NULL AND e.status = 'suggested' THEN 1 END) AS suggested,
            COUNT(CASE WHEN x.person_id IS NULL AND e.status = 'proposed' THEN 1 END) AS proposed,
            COUNT(CASE WHEN x.person_id IS NULL AND e.status = 'confirmed' THEN 1 END) AS confirmed,
            COUNT(CASE WHEN x.person_id IS NULL AND e.status = 'acknowledged' THEN 1 END) AS acknowledged,
            COUNT(x.person_id) AS excluded
        FROM ({rollout}) r
        LEFT JOIN rollout_entries e ON e.rollout_id = r.id{within}
        LEFT JOIN people p ON p.id = e.person_id
        LEFT JOIN teams t ON t.id = p.team_id
        LEFT JOIN off_ladder x ON x.person_id = e.person_id
        GROUP BY r.id, r.name, r.revision, r.created_at, r.closed_at, t.name
        ORDER BY t.name"
    );
    let rows: Vec<ProgressRow> = sqlx::query_as_with(sqlx::AssertSqlSafe(sql), params.arguments()?)
        .fetch_all(&mut *conn)
        .await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let rollout = Rollout {
        id: first.r_id,
        name: first.r_name.clone(),
        revision: first.r_revision.clone(),
        created_at: first.r_created_at,
        closed_at: first.r_closed_at,
    };
    let mut total = RolloutProgress::default();
    let mut out = Vec::with_capacity(rows.len() + 1);
    // A row of no entries is the rollout alone (none in scope).
    for p in rows.into_iter().map(|r| r.progress).filter(|p| p.total > 0) {
        total.total += p.total;
        total.suggested += p.suggested;
        total.proposed += p.proposed;
        total.confirmed += p.confirmed;
        total.acknowledged += p.acknowledged;
        total.excluded += p.excluded;
        out.push(p);
    }
    // People without a team after the teams.
    out.sort_by_key(|p| p.team.is_none());
    out.push(total);
    Ok(Some((rollout, out)))
}

/// [`Store::rollout_people`] on `conn`.
/// A page of a rollout's people (see [`Store::rollout_people`]), each with
/// whether they are marked not on a ladder.
async fn people_page(
    conn: &mut AnyConnection,
    rollout: i64,
    scope: &Scope,
    filter: &EntryFilter,
    page: Page,
    total: Option<i64>,
) -> Result<(Vec<(Person, RolloutEntry, bool)>, i64)> {
    let mut params = Params::default();
    let rollout = params.push(Arg::Int(rollout));
    let from = scoped(scope, &mut params);
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
    let count_sql = format!("SELECT COUNT(*) {from} {joins} WHERE {filters}");
    let count = match total {
        Some(n) => n,
        None => {
            sqlx::query_scalar_with(sqlx::AssertSqlSafe(count_sql), params.arguments()?)
                .fetch_one(&mut *conn)
                .await?
        }
    };
    let limit = params.push(Arg::Int(page.limit));
    let offset = params.push(Arg::Int(page.offset));
    // The person's joins include the team's, for the team filter.
    let rows_sql = format!(
        "SELECT {PERSON_COLUMNS}, {ENTRY_COLUMNS},
            CAST(CASE WHEN EXISTS (SELECT 1 FROM off_ladder x WHERE x.person_id = p.id)
                THEN 1 ELSE 0 END AS BIGINT) AS off_ladder
        {from} {PERSON_JOINS}
        WHERE {filters}
        {BY_NAME} LIMIT {limit} OFFSET {offset}"
    );
    let rows: Vec<PersonEntry> =
        sqlx::query_as_with(sqlx::AssertSqlSafe(rows_sql), params.arguments()?)
            .fetch_all(&mut *conn)
            .await?;
    let people = rows
        .into_iter()
        .map(|r| (Person::from(r.person), r.entry, r.off_ladder != 0))
        .collect();
    Ok((people, count))
}

impl Store {
    /// The people marked not on a ladder, by id.
    pub async fn off_ladder(&self) -> Result<Vec<i64>> {
        Ok(
            sqlx::query_scalar("SELECT person_id FROM off_ladder ORDER BY person_id")
                .fetch_all(&self.pool)
                .await?,
        )
    }
}

impl Write {
    /// Marks `person` not on a ladder (`off`) or back on one. Marking twice
    /// changes nothing and writes no audit entry; returns whether anything
    /// changed.
    pub async fn set_off_ladder(&mut self, person: i64, off: bool) -> Result<bool> {
        let was: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM off_ladder WHERE person_id = $1")
            .bind(person)
            .fetch_one(self.conn())
            .await?;
        if (was > 0) == off {
            return Ok(false);
        }
        let known: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people WHERE id = $1")
            .bind(person)
            .fetch_one(self.conn())
            .await?;
        if known == 0 {
            return Err(StoreError::NotFound(format!("person {person}")));
        }
        if off {
            let at = self.at;
            sqlx::query("INSERT INTO off_ladder (person_id, marked_at) VALUES ($1, $2)")
                .bind(person)
                .bind(at)
                .execute(self.conn())
                .await?;
        } else {
            sqlx::query("DELETE FROM off_ladder WHERE person_id = $1")
                .bind(person)
                .execute(self.conn())
                .await?;
        }
        let state = |off: bool| json(&serde_json::json!({"on_ladder": !off}));
        self.audit(
            if off {
                "person.off_ladder"
            } else {
                "person.on_ladder"
            },
            &format!("person:{person}"),
            state(!off),
            state(off),
        )
        .await?;
        Ok(true)
    }

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
        let open: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rollouts WHERE closed_at IS NULL")
            .fetch_one(self.conn())
            .await?;
        if open > 0 {
            return Err(StoreError::Conflict(
                "a rollout is already open: close it first".into(),
            ));
        }
        let at = self.at;
        let rollout: Rollout = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "INSERT INTO rollouts (name, revision, created_at) VALUES ($1, $2, $3) RETURNING {ROLLOUT_COLUMNS}"
        )))
        .bind(name)
        .bind(revision)
        .bind(at)
        .fetch_one(self.conn())
        .await?;
        // A few hundred entries a statement: one round trip per person made
        // opening a rollout of 100,000 people take most of a minute.
        for chunk in suggestions.chunks(500) {
            let mut params = Params::default();
            let id = params.push(Arg::Int(rollout.id));
            let rows: Vec<String> = chunk
                .iter()
                .map(|s| {
                    let values = [
                        params.push(Arg::Int(s.person_id)),
                        params.push(Arg::OptText(s.level.as_ref().map(|l| l.0.clone()))),
                        params.push(Arg::OptText(s.level.as_ref().map(|l| l.1.clone()))),
                        params.push(Arg::Text(s.reason.clone())),
                    ];
                    format!("({id}, {}, 'suggested')", values.join(", "))
                })
                .collect();
            let sql = format!(
                "INSERT INTO rollout_entries (rollout_id, person_id, suggested_track, suggested_level, suggestion_reason, status)
                 VALUES {}",
                rows.join(", ")
            );
            sqlx::query_with(sqlx::AssertSqlSafe(sql), params.arguments()?)
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
        let closed: Option<i64> =
            sqlx::query_scalar("SELECT closed_at FROM rollouts WHERE id = $1")
                .bind(rollout)
                .fetch_optional(self.conn())
                .await?
                .ok_or_else(|| StoreError::NotFound(format!("rollout {rollout}")))?;
        if closed.is_some() {
            return Err(StoreError::Conflict("this rollout is closed".into()));
        }
        let entry: RolloutEntry = sqlx::query_as(ENTRY_SELECT)
            .bind(rollout)
            .bind(person)
            .fetch_optional(self.conn())
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("person {person} in rollout {rollout}")))?;
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
        let after: RolloutEntry = sqlx::query_as(ENTRY_SELECT)
            .bind(rollout)
            .bind(person)
            .fetch_one(self.conn())
            .await?;
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
