//! Roster sync: the people an HR system exports, upserted by email in one
//! transaction. Planning and applying are the same code, so a dry run shows
//! exactly what applying would do.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::model::{NewPlacement, Person, PlacementReason};
use crate::params::{Arg, Params};
use crate::people::{PersonFields, select_people, select_people_into};
use crate::search::search_key;
use crate::store::{AuditRecord, json};
use crate::{Result, StoreError, Write, today};
use sqlx::AnyConnection;

/// One person as the roster has them. Managers are named by email.
///
/// The job title, team, manager and start date may be missing from a file
/// (`None`): a missing column changes nothing, so a file of names and
/// emails cannot clear everyone's team. A column that is there with an
/// empty cell (`Some("")`) clears the field for that person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RosterRow {
    /// The line in the uploaded file (for messages), if it came from one.
    #[serde(default)]
    pub line: Option<u64>,
    /// Work email: the key.
    pub email: String,
    /// Full name.
    pub name: String,
    /// Job title (`None`: no such column, kept).
    #[serde(default)]
    pub job_title: Option<String>,
    /// Team name (`None`: no such column, kept; empty: no team).
    #[serde(default)]
    pub team: Option<String>,
    /// The manager's work email (`None`: no such column, kept; empty: no
    /// manager).
    #[serde(default)]
    pub manager_email: Option<String>,
    /// Start date, `YYYY-MM-DD` (`None`: no such column, kept; empty:
    /// none).
    #[serde(default)]
    pub start_date: Option<String>,
    /// Whether they still work here (default: yes).
    #[serde(default)]
    pub active: Option<bool>,
    /// Track id, with `level`: their placement, for people who have none yet
    /// or whose level the HR system changed.
    #[serde(default)]
    pub track: Option<String>,
    /// Level id.
    #[serde(default)]
    pub level: Option<String>,
    /// Their title at their previous company (kept when blank).
    #[serde(default)]
    pub previous_title: Option<String>,
    /// The name they go by ("Ben"), shown beside `name` (kept when blank).
    #[serde(default)]
    pub display_name: Option<String>,
    /// Their number in the HR system (kept when blank).
    #[serde(default)]
    pub employee_number: Option<String>,
}

/// A problem with one row; nothing is written while any row has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RowProblem {
    /// The row of the spreadsheet (1 is the header), if known.
    pub line: Option<u64>,
    /// The column it is about, if one.
    pub column: Option<String>,
    /// What is wrong, in words (English: the API's words).
    pub message: String,
    /// The same as a message of the app's catalogues, for a page to say
    /// in its reader's language; none where only the English exists.
    #[serde(skip)]
    pub words: Option<Words>,
}

/// A message of the app's catalogues (its id) with its variables, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// The message's id.
    pub id: &'static str,
    /// Its variables, by name.
    pub args: Vec<(&'static str, String)>,
}

impl Words {
    /// The message `id` with `args`, for a [`RowProblem`].
    fn of<const N: usize>(id: &'static str, args: [(&'static str, String); N]) -> Option<Words> {
        Some(Words {
            id,
            args: args.into(),
        })
    }
}

/// One person the import creates, changes or deactivates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RosterChange {
    /// The row's line, if it came from a file.
    pub line: Option<u64>,
    /// Their email.
    pub email: String,
    /// Their name.
    pub name: String,
    /// The fields that change (empty for a creation).
    pub fields: Vec<String>,
}

/// What an import does (or, in a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RosterPlan {
    /// People added.
    pub creates: Vec<RosterChange>,
    /// People changed.
    pub updates: Vec<RosterChange>,
    /// People not in the roster any more, made inactive (only when asked).
    pub deactivations: Vec<RosterChange>,
    /// Rows that change nothing.
    pub unchanged: usize,
}

impl Write {
    /// Upserts `rows` by email. With `protect_privileged` (an import by HR),
    /// rows that would change an HR person or an administrator are
    /// problems. With `deactivate_missing`, active people
    /// absent from the roster become inactive (administrators excepted, so
    /// an import never locks everyone out). On a problem, returns them all
    /// and the caller must drop this change; on success the caller commits,
    /// or drops it for a dry run.
    ///
    /// The rows are taken by value: at 100,000 people every copy of their
    /// text is tens of megabytes, so the fields a person is written from
    /// move out of the rows, and the maps below borrow their keys.
    pub async fn import_roster(
        &mut self,
        mut rows: Vec<RosterRow>,
        deactivate_missing: bool,
        protect_privileged: bool,
        revision: &str,
    ) -> Result<std::result::Result<RosterPlan, Vec<RowProblem>>> {
        // Everyone here, in id order, found by email through an index (a
        // map holding the people themselves would be half empty buckets).
        // Sized by a count first: grown by doubling, the vector would hold
        // room for up to twice as many people as there are.
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people")
            .fetch_one(self.conn())
            .await?;
        let room = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
        let mut people = select_people_into(self.conn(), "ORDER BY p.id", room).await?;
        people.shrink_to_fit();
        let existing: HashMap<&str, &Person> =
            people.iter().map(|p| (p.email.as_str(), p)).collect();
        let mut problems = Vec::new();
        // Each right row's person, checked, by the row's position. The
        // text moves out of the rows, which stay for the rest (line,
        // manager, level…).
        let mut fields: Vec<(usize, PersonFields)> = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter_mut().enumerate() {
            let line = row.line.unwrap_or(i as u64 + 1);
            let known = existing
                .get(row.email.trim().to_lowercase().as_str())
                .copied();
            // A column the file does not have keeps what we know.
            let person = PersonFields {
                email: std::mem::take(&mut row.email),
                name: std::mem::take(&mut row.name),
                job_title: row
                    .job_title
                    .take()
                    .or_else(|| known.map(|p| p.job_title.clone()))
                    .unwrap_or_default(),
                team: row
                    .team
                    .take()
                    .or_else(|| known.and_then(|p| p.team.clone())),
                manager_id: None,
                start_date: row
                    .start_date
                    .take()
                    .or_else(|| known.and_then(|p| p.start_date.clone())),
                // An empty cell keeps what we know (new people are active).
                active: row.active.unwrap_or_else(|| known.is_none_or(|p| p.active)),
                role: known.map_or(crate::model::Role::Employee, |p| p.role),
            };
            if row.track.is_some() != row.level.is_some() {
                problems.push(problem(
                    line,
                    "level",
                    "give both a track and a level, or neither".into(),
                    Words::of("roster-problem-track-and-level-row", []),
                ));
            }
            match person.checked() {
                Ok(f) => fields.push((i, f)),
                Err(e) => problems.push(problem(line, "", e.to_string(), None)),
            }
        }
        // Collected in place (a position and a reference are the same
        // size): a second vector of every person would be tens of
        // megabytes more at 100,000 rows.
        let checked: Vec<(&RosterRow, PersonFields)> = fields
            .into_iter()
            .filter_map(|(i, f)| Some((rows.get(i)?, f)))
            .collect();
        // Each email once: the row an email is first on.
        let mut seen: HashMap<&str, u64> = HashMap::with_capacity(checked.len());
        for (row, f) in &checked {
            let line = row.line.unwrap_or(0);
            if let Some(first) = seen.insert(f.email.as_str(), line) {
                seen.insert(f.email.as_str(), first);
                problems.push(problem(
                    line,
                    "email",
                    format!("{} is also on row {first}", f.email),
                    Words::of(
                        "roster-problem-duplicate",
                        [("email", f.email.clone()), ("row", first.to_string())],
                    ),
                ));
            }
        }
        // A person's email by id: `people` is in id order.
        let manager_email = |id: Option<i64>| {
            let at = people.binary_search_by_key(&id?, |p| p.id).ok()?;
            Some(people[at].email.as_str())
        };
        // HR may not change HR people or administrators through a roster
        // (nor on their page): an administrator does.
        if protect_privileged {
            for (row, f) in &checked {
                if let Some(p) = existing.get(f.email.as_str())
                    && p.role != crate::model::Role::Employee
                    && (p.name != f.name
                        || p.job_title != f.job_title
                        || p.team != f.team
                        || p.start_date != f.start_date
                        || p.active != f.active
                        || row.manager_email.as_deref().is_some_and(|given| {
                            let given = given.trim().to_lowercase();
                            manager_email(p.manager_id)
                                != Some(given.as_str()).filter(|m| !m.is_empty())
                        })
                        || (row.track.is_some() && (row.track != p.track || row.level != p.level)))
                {
                    problems.push(problem(
                        row.line.unwrap_or(0),
                        "email",
                        format!(
                            "{} has the {} role: only an administrator can change them",
                            f.email,
                            p.role.as_str()
                        ),
                        Words::of(
                            "roster-problem-privileged",
                            [
                                ("email", f.email.clone()),
                                ("role", p.role.as_str().to_string()),
                            ],
                        ),
                    ));
                }
            }
        }
        // Managers: in this roster, or already here. Each person whose
        // manager the file sets (it has the column) is a key, with no value
        // for an empty cell. The values are the emails as the rows or the
        // people hold them, not copies.
        let mut manager_of: HashMap<&str, Option<&str>> = HashMap::new();
        for (row, f) in &checked {
            let line = row.line.unwrap_or(0);
            if row.manager_email.is_some() {
                manager_of.insert(f.email.as_str(), None);
            }
            if let Some(m) = row
                .manager_email
                .as_deref()
                .map(|m| m.trim().to_lowercase())
                .filter(|m| !m.is_empty())
            {
                let known = seen
                    .get_key_value(m.as_str())
                    .map(|(k, _)| *k)
                    .or_else(|| existing.get_key_value(m.as_str()).map(|(k, _)| *k));
                if m == f.email {
                    problems.push(problem(
                        line,
                        "manager",
                        format!("{} cannot be their own manager", f.email),
                        Words::of("roster-problem-own-manager", [("email", f.email.clone())]),
                    ));
                } else if let Some(manager) = known {
                    manager_of.insert(f.email.as_str(), Some(manager));
                } else {
                    problems.push(problem(
                        line,
                        "manager",
                        format!("manager {m} is neither in this file nor already known"),
                        Words::of("roster-problem-unknown-manager", [("manager", m.clone())]),
                    ));
                }
            }
        }
        // Reporting lines must not go round in a circle, counting people
        // already here whose manager this file does not set.
        let manager_email_of = |email: &str| -> Option<&str> {
            match manager_of.get(email) {
                Some(set) => *set,
                None => manager_email(existing.get(email)?.manager_id),
            }
        };
        for (row, f) in &checked {
            let mut at = f.email.as_str();
            for _ in 0..=seen.len() + existing.len() {
                match manager_email_of(at) {
                    Some(m) if m == f.email => {
                        problems.push(problem(
                            row.line.unwrap_or(0),
                            "manager",
                            format!("reporting lines go round in a circle through {}", f.email),
                            Words::of("roster-problem-circle", [("email", f.email.clone())]),
                        ));
                        break;
                    }
                    Some(m) => at = m,
                    None => break,
                }
            }
        }
        if !problems.is_empty() {
            problems.sort_by_key(|p| p.line);
            return Ok(Err(problems));
        }

        let mut plan = RosterPlan::default();
        let mut update_index: HashMap<&str, usize> = HashMap::new();
        let named: Vec<&str> = checked
            .iter()
            .filter_map(|(_, f)| f.team.as_deref())
            .collect();
        let teams = team_ids(self.conn(), &named).await?;
        let at = self.at;
        // New people are written a few hundred per statement (see
        // `insert_people`); they are new, so nothing below reads them back
        // before the managers are set.
        let fresh: Vec<(&RosterRow, &PersonFields, Option<i64>)> = checked
            .iter()
            .filter(|(_, f)| !existing.contains_key(f.email.as_str()))
            .map(|(row, f)| (*row, f, f.team.as_ref().and_then(|t| teams.get(t).copied())))
            .collect();
        let fresh_ids = insert_people(self.conn(), &fresh, at).await?;
        // Thousands of new people change the tables' sizes by orders of
        // magnitude inside this transaction, where no one else sees them:
        // an autovacuum that analyses the tables meanwhile (after a dry
        // run's rollback, say) records them as nearly empty, and the
        // queries below were then planned as scans, a minute for 100,000
        // people. Statistics taken here count this transaction's own rows
        // (PostgreSQL, SQLite), so the plans stay on the indexes.
        if fresh.len() >= ANALYZE_AFTER {
            for table in ["people", "teams"] {
                sqlx::query(sqlx::AssertSqlSafe(format!("ANALYZE {table}")))
                    .execute(self.conn())
                    .await?;
            }
        }
        drop(fresh);
        // Everyone's id by email: the people here, and those just added.
        let fresh_ids: HashMap<&str, i64> =
            fresh_ids.iter().map(|(e, id)| (e.as_str(), *id)).collect();
        // Every email asked for is a row's (inserted above when new) or a
        // person's; a miss would be a fault in this function, reported
        // rather than written as a wrong id.
        let id_of = |email: &str| -> Result<i64> {
            existing
                .get(email)
                .map(|p| p.id)
                .or_else(|| fresh_ids.get(email).copied())
                .ok_or_else(|| StoreError::NotFound(format!("no id for {email} in this import")))
        };
        // People first, managers second (a manager may come later in the file).
        for (row, f) in &checked {
            let team = f.team.as_ref().and_then(|t| teams.get(t).copied());
            match existing.get(f.email.as_str()) {
                None => plan.creates.push(change(row, f, Vec::new())),
                Some(p) => {
                    let mut changed = Vec::new();
                    if p.name != f.name {
                        changed.push("name");
                    }
                    if p.job_title != f.job_title {
                        changed.push("job title");
                    }
                    if p.team != f.team {
                        changed.push("team");
                    }
                    if p.start_date != f.start_date {
                        changed.push("start date");
                    }
                    if p.active != f.active {
                        changed.push("active");
                    }
                    if row.previous_title.is_some() && row.previous_title != p.previous_title {
                        changed.push("previous title");
                    }
                    if row.display_name.is_some() && row.display_name != p.display_name {
                        changed.push("display name");
                    }
                    if row.employee_number.is_some() && row.employee_number != p.employee_number {
                        changed.push("employee number");
                    }
                    if !changed.is_empty() {
                        sqlx::query(
                            "UPDATE people SET name = $1, job_title = $2, team_id = $3, start_date = $4, active = $5,
                                version = version + 1, updated_at = $6, previous_title = COALESCE($8, previous_title),
                                search_key = $9, display_name = COALESCE($10, display_name),
                                employee_number = COALESCE($11, employee_number)
                             WHERE id = $7",
                        )
                        .bind(&f.name)
                        .bind(&f.job_title)
                        .bind(team)
                        .bind(&f.start_date)
                        .bind(i64::from(f.active))
                        .bind(at)
                        .bind(p.id)
                        .bind(row.previous_title.as_deref())
                        .bind(search_key(&f.name, &f.email))
                        .bind(row.display_name.as_deref())
                        .bind(row.employee_number.as_deref())
                        .execute(self.conn())
                        .await?;
                        if p.active && !f.active {
                            self.end_sign_ins(p.id).await?;
                        }
                        update_index.insert(f.email.as_str(), plan.updates.len());
                        plan.updates.push(change(
                            row,
                            f,
                            changed.iter().map(|c| c.to_string()).collect(),
                        ));
                    }
                }
            }
        }
        let mut new_managers: Vec<(i64, Option<i64>)> = Vec::new();
        for (row, f) in &checked {
            let id = id_of(&f.email)?;
            let manager = match manager_of.get(f.email.as_str()).copied().flatten() {
                Some(m) => Some(id_of(m)?),
                None => None,
            };
            let before = existing.get(f.email.as_str());
            // Without a manager column, the manager is kept.
            if row.manager_email.is_some()
                && before.map(|p| p.manager_id) != Some(manager)
                && !(before.is_none() && manager.is_none())
            {
                new_managers.push((id, manager));
                if before.is_some() {
                    note_change(&mut plan, &mut update_index, row, f, "manager");
                }
            }
            if let (Some(track), Some(level)) = (&row.track, &row.level) {
                let current = before.and_then(|p| p.track.as_ref().zip(p.level.as_ref()));
                if current != Some((track, level)) {
                    let new = NewPlacement {
                        track: track.clone(),
                        level: level.clone(),
                        from_date: Some(if current.is_none() {
                            f.start_date.clone().unwrap_or_else(today)
                        } else {
                            today()
                        }),
                        reason: if current.is_none() {
                            PlacementReason::Hire
                        } else {
                            PlacementReason::Correction
                        },
                        note: "from the roster import".into(),
                    };
                    self.place_unaudited(id, &new, revision).await?;
                    if before.is_some() {
                        note_change(&mut plan, &mut update_index, row, f, "level");
                    }
                }
            }
        }
        set_managers(self.conn(), &new_managers).await?;
        if deactivate_missing {
            for p in &people {
                // Administrators are never deactivated this way; nor, in an
                // import by HR, are HR people.
                let spared = p.role == crate::model::Role::Admin
                    || (protect_privileged && p.role != crate::model::Role::Employee);
                if p.active && !seen.contains_key(p.email.as_str()) && !spared {
                    sqlx::query("UPDATE people SET active = 0, version = version + 1, updated_at = $1 WHERE id = $2")
                        .bind(at)
                        .bind(p.id)
                        .execute(self.conn())
                        .await?;
                    self.end_sign_ins(p.id).await?;
                    plan.deactivations.push(RosterChange {
                        line: None,
                        email: p.email.clone(),
                        name: p.name.clone(),
                        fields: vec!["active".into()],
                    });
                }
            }
            plan.deactivations.sort_by(|a, b| a.email.cmp(&b.email));
        }
        plan.unchanged = checked
            .len()
            .saturating_sub(plan.creates.len() + plan.updates.len());
        // The rows are done with; what the audit needs is in the plan.
        drop(checked);
        drop(rows);
        // One audit entry per person changed, after the fact, with what the
        // import set.
        let mut audited: Vec<(&str, &RosterChange)> = Vec::new();
        audited.extend(plan.creates.iter().map(|c| ("person.create", c)));
        audited.extend(plan.updates.iter().map(|c| ("person.update", c)));
        audited.extend(plan.deactivations.iter().map(|c| ("person.deactivate", c)));
        // Made a batch at a time: the JSON of 100,000 people at once would
        // be most of an import's memory.
        for chunk in audited.chunks(INSERT_ROWS) {
            // Those people as they are now, in one query per batch.
            let chunk_ids = chunk
                .iter()
                .map(|(_, c)| id_of(&c.email))
                .collect::<Result<Vec<i64>>>()?;
            let now: HashMap<i64, Person> = select_people(
                self.conn(),
                &format!("WHERE p.id IN {}", crate::params::id_list(&chunk_ids)),
            )
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
            let records = chunk
                .iter()
                .zip(&chunk_ids)
                .map(|((action, c), id)| AuditRecord {
                    action: (*action).into(),
                    subject: format!("person:{id}"),
                    before: existing.get(c.email.as_str()).and_then(json),
                    after: json(&now.get(id)),
                })
                .collect();
            self.audit_many(records).await?;
        }
        if plan.creates.is_empty() && plan.updates.is_empty() && plan.deactivations.is_empty() {
            self.audit(
                "roster.import",
                "roster",
                None,
                json(&serde_json::json!({"unchanged": plan.unchanged})),
            )
            .await?;
        }
        Ok(Ok(plan))
    }
}

/// New people from which an import refreshes the planner's statistics
/// inside its own transaction.
const ANALYZE_AFTER: usize = 1000;

/// Rows a statement: twelve values each, well under what either database
/// accepts in one statement.
const INSERT_ROWS: usize = 500;

/// Inserts new people, [`INSERT_ROWS`] a statement (one round trip per
/// person made a 100,000-person import take minutes). Returns each one's
/// id by email.
async fn insert_people(
    conn: &mut AnyConnection,
    fresh: &[(&RosterRow, &PersonFields, Option<i64>)],
    at: i64,
) -> Result<Vec<(String, i64)>> {
    let mut ids = Vec::with_capacity(fresh.len());
    for chunk in fresh.chunks(INSERT_ROWS) {
        let mut params = Params::default();
        let mut rows = Vec::with_capacity(chunk.len());
        for (row, f, team) in chunk {
            let values = [
                params.push(Arg::Text(f.email.clone())),
                params.push(Arg::Text(f.name.clone())),
                params.push(Arg::Text(f.job_title.clone())),
                params.push(Arg::OptInt(*team)),
                params.push(Arg::OptText(f.start_date.clone())),
                params.push(Arg::Int(i64::from(f.active))),
                params.push(Arg::Int(at)),
                params.push(Arg::Int(at)),
                params.push(Arg::OptText(row.previous_title.clone())),
                params.push(Arg::Text(search_key(&f.name, &f.email))),
                params.push(Arg::OptText(row.display_name.clone())),
                params.push(Arg::OptText(row.employee_number.clone())),
            ];
            rows.push(format!("({}, 'employee')", values.join(", ")));
        }
        let sql = format!(
            "INSERT INTO people (email, name, job_title, team_id, start_date, active, created_at, updated_at,
                previous_title, search_key, display_name, employee_number, role)
             VALUES {} RETURNING email, id",
            rows.join(", ")
        );
        let returned: Vec<(String, i64)> =
            sqlx::query_as_with(sqlx::AssertSqlSafe(sql), params.arguments()?)
                .fetch_all(&mut *conn)
                .await?;
        ids.extend(returned);
    }
    Ok(ids)
}

/// The ids of the teams named, creating those that do not exist yet, a
/// few hundred a statement.
async fn team_ids(conn: &mut AnyConnection, names: &[&str]) -> Result<HashMap<String, i64>> {
    let mut ids: HashMap<String, i64> =
        sqlx::query_as::<_, (String, i64)>("SELECT name, id FROM teams")
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .collect();
    let mut missing: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| !ids.contains_key(*n))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    for chunk in missing.chunks(INSERT_ROWS) {
        let mut params = Params::default();
        let rows: Vec<String> = chunk
            .iter()
            .map(|n| format!("({})", params.push(Arg::Text((*n).to_string()))))
            .collect();
        let sql = format!(
            "INSERT INTO teams (name) VALUES {} RETURNING name, id",
            rows.join(", ")
        );
        let returned: Vec<(String, i64)> =
            sqlx::query_as_with(sqlx::AssertSqlSafe(sql), params.arguments()?)
                .fetch_all(&mut *conn)
                .await?;
        ids.extend(returned);
    }
    Ok(ids)
}

/// Sets managers (`(person, manager)`), a thousand people a statement. The
/// ids are the database's own integers, written into the SQL as numbers.
async fn set_managers(conn: &mut AnyConnection, managers: &[(i64, Option<i64>)]) -> Result<()> {
    for chunk in managers.chunks(1000) {
        // A CASE rather than UPDATE … FROM (VALUES …): the same text runs on
        // both databases, and the id list keeps it an index lookup. The
        // cast types a CASE whose every branch is NULL.
        let cases: Vec<String> = chunk
            .iter()
            .map(|(id, m)| match m {
                Some(m) => format!("WHEN {id} THEN {m}"),
                None => format!("WHEN {id} THEN NULL"),
            })
            .collect();
        let ids: Vec<i64> = chunk.iter().map(|(id, _)| *id).collect();
        let sql = format!(
            "UPDATE people SET manager_id = CAST(CASE id {} END AS BIGINT), version = version + 1 WHERE id IN {}",
            cases.join(" "),
            crate::params::id_list(&ids)
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// A problem on `line`, in English and, with `words`, as the app's
/// catalogues say it.
fn problem(line: u64, column: &str, message: String, words: Option<Words>) -> RowProblem {
    RowProblem {
        words,
        line: Some(line),
        column: (!column.is_empty()).then(|| column.to_string()),
        message,
    }
}

fn change(row: &RosterRow, f: &PersonFields, fields: Vec<String>) -> RosterChange {
    RosterChange {
        line: row.line,
        email: f.email.clone(),
        name: f.name.clone(),
        fields,
    }
}

/// Adds `field` to the person's update, making it an update if the earlier
/// pass saw nothing to change.
fn note_change<'a>(
    plan: &mut RosterPlan,
    index: &mut HashMap<&'a str, usize>,
    row: &RosterRow,
    f: &'a PersonFields,
    field: &str,
) {
    if let Some(c) = index
        .get(f.email.as_str())
        .and_then(|&i| plan.updates.get_mut(i))
    {
        c.fields.push(field.into());
    } else {
        index.insert(f.email.as_str(), plan.updates.len());
        plan.updates.push(change(row, f, vec![field.into()]));
    }
}
