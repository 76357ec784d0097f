//! People, teams, reporting lines and placements.

use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;
use utoipa::ToSchema;

use crate::model::{NewPlacement, Person, Placement, PlacementReason, Role};
use crate::params::{Arg, Params, Scope, scope_ids};
use crate::search::{like_pattern, search_key};
use crate::store::json;
use crate::{Result, Store, StoreError, Write, today, valid_date};

/// The columns of a [`PersonRow`], from `people p`, `teams t` and the open
/// placement `pl`. The person's version is `person_version`, so a row may
/// carry another table's `version` beside it.
macro_rules! person_columns {
    () => {
        "p.id, p.email, p.name, p.job_title, t.name AS team, p.manager_id,
        pl.track, pl.level, p.start_date, p.active, p.role, p.version AS person_version,
        CASE WHEN p.password_hash IS NULL THEN 0 ELSE 1 END AS has_password, p.previous_title,
        CASE WHEN p.idp_subject IS NULL THEN 0 ELSE 1 END AS identity_linked,
        p.display_name, p.employee_number, p.language"
    };
}

/// The joins [`person_columns`] reads from, after `FROM people p`.
macro_rules! person_joins {
    () => {
        "LEFT JOIN teams t ON t.id = p.team_id
    LEFT JOIN placements pl ON pl.person_id = p.id AND pl.until_date IS NULL"
    };
}

/// [`PERSON_SELECT`]'s columns, for queries that read more beside them.
pub(crate) const PERSON_COLUMNS: &str = person_columns!();

/// [`PERSON_SELECT`]'s joins, for queries that start from another table.
pub(crate) const PERSON_JOINS: &str = person_joins!();

/// A person and their current placement, in one row.
pub(crate) const PERSON_SELECT: &str = concat!(
    "SELECT ",
    person_columns!(),
    " FROM people p ",
    person_joins!()
);

/// A [`Person`] as [`PERSON_SELECT`] reads it: flags are integers on both
/// databases.
#[derive(sqlx::FromRow)]
pub(crate) struct PersonRow {
    id: i64,
    email: String,
    name: String,
    job_title: String,
    team: Option<String>,
    manager_id: Option<i64>,
    track: Option<String>,
    level: Option<String>,
    start_date: Option<String>,
    active: i64,
    #[sqlx(try_from = "String")]
    role: Role,
    person_version: i64,
    has_password: i64,
    previous_title: Option<String>,
    identity_linked: i64,
    display_name: Option<String>,
    employee_number: Option<String>,
    language: Option<String>,
}

impl From<PersonRow> for Person {
    fn from(r: PersonRow) -> Person {
        Person {
            id: r.id,
            email: r.email,
            name: r.name,
            job_title: r.job_title,
            team: r.team,
            manager_id: r.manager_id,
            track: r.track,
            level: r.level,
            start_date: r.start_date,
            active: r.active != 0,
            role: r.role,
            version: r.person_version,
            has_password: r.has_password != 0,
            previous_title: r.previous_title,
            identity_linked: r.identity_linked != 0,
            display_name: r.display_name,
            employee_number: r.employee_number,
            language: r.language,
        }
    }
}

/// A row of a page and how many rows match in all (`COUNT(*) OVER ()`).
#[derive(sqlx::FromRow)]
struct Counted<T> {
    #[sqlx(flatten)]
    row: T,
    matching: i64,
}

const PLACEMENT_COLUMNS: &str = "id, person_id, track, level, from_date, until_date, reason, decided_by, note, revision, needs_review";

/// A [`Placement`] as stored: `needs_review` is an integer.
#[derive(sqlx::FromRow)]
struct PlacementRow {
    id: i64,
    person_id: i64,
    track: String,
    level: String,
    from_date: String,
    until_date: Option<String>,
    #[sqlx(try_from = "String")]
    reason: PlacementReason,
    decided_by: Option<i64>,
    note: String,
    revision: String,
    needs_review: i64,
}

impl From<PlacementRow> for Placement {
    fn from(r: PlacementRow) -> Placement {
        Placement {
            id: r.id,
            person_id: r.person_id,
            track: r.track,
            level: r.level,
            from_date: r.from_date,
            until_date: r.until_date,
            reason: r.reason,
            decided_by: r.decided_by,
            note: r.note,
            revision: r.revision,
            needs_review: r.needs_review != 0,
        }
    }
}

/// The fields of a person that can be set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PersonFields {
    /// Work email (stored lower case).
    pub email: String,
    /// Full name.
    pub name: String,
    /// Job title.
    #[serde(default)]
    pub job_title: String,
    /// Team name; created if new.
    #[serde(default)]
    pub team: Option<String>,
    /// Manager's person id.
    #[serde(default)]
    pub manager_id: Option<i64>,
    /// Start date, `YYYY-MM-DD`.
    #[serde(default)]
    pub start_date: Option<String>,
    /// Whether they still work here.
    #[serde(default = "yes")]
    pub active: bool,
    /// Their role in the app.
    #[serde(default = "employee")]
    pub role: Role,
}

fn yes() -> bool {
    true
}

fn employee() -> Role {
    Role::Employee
}

impl PersonFields {
    /// Checks the fields and normalises the email and blanks.
    pub fn checked(mut self) -> Result<PersonFields> {
        self.email = self.email.trim().to_lowercase();
        self.name = self.name.trim().to_string();
        self.job_title = self.job_title.trim().to_string();
        self.team = self
            .team
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        self.start_date = self
            .start_date
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty());
        if !plausible_email(&self.email) {
            return Err(StoreError::Invalid(format!(
                "`{}` is not an email address",
                self.email
            )));
        }
        if self.name.is_empty() {
            return Err(StoreError::Invalid("a person needs a name".into()));
        }
        if let Some(d) = &self.start_date
            && !valid_date(d)
        {
            return Err(StoreError::Invalid(format!(
                "start date `{d}` is not a date (YYYY-MM-DD)"
            )));
        }
        let team = self.team.as_deref().unwrap_or("");
        for (what, text) in [
            ("name", self.name.as_str()),
            ("job title", self.job_title.as_str()),
            ("team", team),
        ] {
            if text.chars().count() > 200 {
                return Err(StoreError::Invalid(format!(
                    "the {what} is longer than 200 characters"
                )));
            }
            if let Some(c) = text
                .chars()
                .find(|&c| c.is_control() || invisible_format(c))
            {
                return Err(StoreError::Invalid(format!(
                    "the {what} has a control or invisible formatting character (U+{:04X})",
                    u32::from(c)
                )));
            }
        }
        Ok(self)
    }
}

/// Characters that are not control characters but change how the text
/// around them reads: bidirectional overrides and isolates (U+202E shows
/// `gpj.exe` as `exe.jpg`), line and paragraph separators, zero-width
/// spaces and the byte-order mark. Names, titles and teams refuse them, as
/// they refuse control characters; the zero-width joiners that scripts and
/// emoji need are kept.
pub fn invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// An address with one `@`, something on each side, no spaces: the rest is
/// the identity provider's or the mail server's business.
pub fn plausible_email(s: &str) -> bool {
    let mut parts = s.split('@');
    matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None)
        if !a.is_empty() && b.contains('.') && !b.starts_with('.') && !b.ends_with('.')
            && s.len() <= 254 && !s.chars().any(|c| c.is_whitespace() || c.is_control()))
}

/// Every person [`PERSON_SELECT`] `rest` finds (`WHERE …`, `ORDER BY …`).
pub(crate) async fn select_people(
    conn: impl sqlx::Executor<'_, Database = sqlx::Any>,
    rest: &str,
) -> Result<Vec<Person>> {
    select_people_into(conn, rest, Vec::new()).await
}

/// [`select_people`] into `people`, each row made a person as it arrives:
/// collecting the rows first would hold every row and every person at
/// once (tens of megabytes each at 100,000 people).
pub(crate) async fn select_people_into(
    conn: impl sqlx::Executor<'_, Database = sqlx::Any>,
    rest: &str,
    mut people: Vec<Person>,
) -> Result<Vec<Person>> {
    use futures_util::TryStreamExt;
    let sql = format!("{PERSON_SELECT} {rest}");
    let mut rows = sqlx::query_as::<_, PersonRow>(sqlx::AssertSqlSafe(sql)).fetch(conn);
    while let Some(row) = rows.try_next().await? {
        people.push(Person::from(row));
    }
    Ok(people)
}

/// The person [`PERSON_SELECT`] `WHERE {column} = $1` finds.
async fn select_person<'c, T>(
    conn: impl sqlx::Executor<'c, Database = sqlx::Any>,
    column: &str,
    value: T,
) -> Result<Option<Person>>
where
    T: 'c + Send + sqlx::Encode<'c, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    let row: Option<PersonRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{PERSON_SELECT} WHERE {column} = $1"
    )))
    .bind(value)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(Person::from))
}

/// A person's placements, newest first.
async fn placements_of(
    conn: impl sqlx::Executor<'_, Database = sqlx::Any>,
    person: i64,
) -> Result<Vec<Placement>> {
    let rows: Vec<PlacementRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PLACEMENT_COLUMNS} FROM placements WHERE person_id = $1 ORDER BY from_date DESC, id DESC"
    )))
    .bind(person)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Placement::from).collect())
}

/// What [`Store::person_page`] reads.
#[derive(Debug, Clone)]
pub struct PersonPage {
    /// The person.
    pub person: Person,
    /// Their manager, if they have one.
    pub manager: Option<Person>,
    /// Their placements, newest first.
    pub placements: Vec<Placement>,
    /// The open rollout and their entry in it, if they have one.
    pub rollout: Option<(crate::model::Rollout, crate::model::RolloutEntry)>,
}

impl Store {
    /// One person, by id.
    pub async fn person(&self, id: i64) -> Result<Option<Person>> {
        select_person(&self.pool, "p.id", id).await
    }

    /// The language a person chose for the app, if any (`None` too for
    /// someone not found).
    pub async fn language(&self, id: i64) -> Result<Option<String>> {
        let found: Option<Option<String>> =
            sqlx::query_scalar("SELECT language FROM people WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(found.flatten())
    }

    /// One person, by email (any case).
    pub async fn person_by_email(&self, email: &str) -> Result<Option<Person>> {
        select_person(&self.pool, "p.email", email.trim().to_lowercase()).await
    }

    /// Everyone, by name.
    pub async fn people(&self) -> Result<Vec<Person>> {
        select_people(&self.pool, BY_NAME).await
    }

    /// A page of the people within `scope` (that person and everyone below
    /// them; `None`: everyone) whose name or email contains `search`, by
    /// name. Case and accents do not count, in the search or the order
    /// ("elodie" finds "Élodie"). Returns the page and how many match in
    /// all.
    pub async fn people_page(
        &self,
        scope: &Scope,
        search: &str,
        page: crate::Page,
    ) -> Result<(Vec<Person>, i64)> {
        let mut params = Params::default();
        let mut conditions: Vec<String> =
            scope.condition("p.id", &mut params).into_iter().collect();
        if let Some(pattern) = like_pattern(search) {
            let like = params.push(Arg::Text(pattern));
            conditions.push(format!("p.search_key LIKE {like} ESCAPE '\\'"));
        }
        let filter = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        let count_params = params.clone();
        let limit = params.push(Arg::Int(page.limit));
        let offset = params.push(Arg::Int(page.offset));
        // The count rides along with the page (one query, not two).
        let select = PERSON_SELECT.replacen("SELECT ", "SELECT COUNT(*) OVER () AS matching, ", 1);
        let rows_sql = format!("{select} {filter} {BY_NAME} LIMIT {limit} OFFSET {offset}");
        let rows: Vec<Counted<PersonRow>> =
            sqlx::query_as_with(sqlx::AssertSqlSafe(rows_sql), params.arguments()?)
                .fetch_all(&self.pool)
                .await?;
        let matching = match rows.first() {
            Some(r) => r.matching,
            // Past the last page: count on their own.
            None if page.offset > 0 => {
                let count_sql = format!("SELECT COUNT(*) FROM people p {filter}");
                sqlx::query_scalar_with(sqlx::AssertSqlSafe(count_sql), count_params.arguments()?)
                    .fetch_one(&self.pool)
                    .await?
            }
            None => 0,
        };
        let people = rows.into_iter().map(|r| Person::from(r.row)).collect();
        Ok((people, matching))
    }

    /// Whether `manager` is above `person` in the reporting lines.
    pub async fn manages(&self, manager: i64, person: i64) -> Result<bool> {
        if manager == person {
            return Ok(false);
        }
        let n: i64 = sqlx::query_scalar(
            "WITH RECURSIVE chain (id) AS (
                SELECT manager_id FROM people WHERE id = $1 AND manager_id IS NOT NULL
                UNION
                SELECT p.manager_id FROM people p JOIN chain c ON p.id = c.id WHERE p.manager_id IS NOT NULL
            )
            SELECT COUNT(*) FROM chain WHERE id = $2",
        )
        .bind(person)
        .bind(manager)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// How many active administrators there are.
    pub async fn admin_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar(ADMIN_COUNT)
            .fetch_one(&self.pool)
            .await?)
    }

    /// A person's placements, newest first.
    pub async fn placements(&self, person: i64) -> Result<Vec<Placement>> {
        placements_of(&self.pool, person).await
    }

    /// What a person's page shows of them: the person, their manager,
    /// their placements and their entry in the open rollout; `None` when
    /// there is no such person.
    ///
    /// Read on one connection: the pool tests a connection each time one
    /// is given back, a round trip to the database, so the page's reads
    /// share one connection rather than take one each.
    pub async fn person_page(&self, id: i64) -> Result<Option<PersonPage>> {
        let mut conn = self.pool.acquire().await?;
        let Some(person) = select_person(&mut *conn, "p.id", id).await? else {
            return Ok(None);
        };
        let manager = match person.manager_id {
            Some(m) => select_person(&mut *conn, "p.id", m).await?,
            None => None,
        };
        let placements = placements_of(&mut *conn, id).await?;
        let rollout = match crate::rollout::open_rollout_on(&mut conn).await? {
            Some(r) => crate::rollout::entry_on(&mut conn, r.id, id)
                .await?
                .map(|entry| (r, entry)),
            None => None,
        };
        Ok(Some(PersonPage {
            person,
            manager,
            placements,
            rollout,
        }))
    }

    /// The current placement (no end date) of each of `people` that has one.
    pub async fn current_placements(&self, people: &[i64]) -> Result<Vec<Placement>> {
        let mut out = Vec::new();
        for chunk in people.chunks(2000) {
            let rows: Vec<PlacementRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {PLACEMENT_COLUMNS} FROM placements WHERE until_date IS NULL AND person_id IN {}",
                crate::params::id_list(chunk)
            )))
            .fetch_all(&self.pool)
            .await?;
            out.extend(rows.into_iter().map(Placement::from));
        }
        Ok(out)
    }

    /// The open placements on levels that `keep` says are gone, for review.
    pub async fn flag_placements(
        &self,
        actor: &crate::Actor,
        gone: &[(String, String)],
    ) -> Result<i64> {
        if gone.is_empty() {
            return Ok(0);
        }
        let mut w = self.write(actor).await?;
        let mut flagged = 0;
        for (track, level) in gone {
            let rows: Vec<(i64, i64)> = sqlx::query_as(
                "UPDATE placements SET needs_review = 1
                 WHERE until_date IS NULL AND needs_review = 0 AND track = $1 AND level = $2 RETURNING id, person_id",
            )
            .bind(track)
            .bind(level)
            .fetch_all(w.conn())
            .await?;
            for (id, person) in rows {
                flagged += 1;
                w.audit(
                    "placement.flag",
                    &format!("person:{person}"),
                    None,
                    json(&serde_json::json!({"placement": id, "track": track, "level": level, "needs_review": true})),
                )
                .await?;
            }
        }
        if flagged > 0 {
            w.commit().await?;
        }
        Ok(flagged)
    }
}

impl Write {
    /// Creates a person; their email must be new.
    pub async fn create_person(&mut self, fields: PersonFields) -> Result<Person> {
        let fields = fields.checked()?;
        let team = team_id(self.conn(), fields.team.as_deref()).await?;
        if let Some(m) = fields.manager_id {
            exists(self.conn(), m).await?;
        }
        let at = self.at;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO people (email, name, job_title, team_id, manager_id, start_date, active, role, created_at, updated_at,
                search_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)
             ON CONFLICT (email) DO NOTHING RETURNING id",
        )
        .bind(&fields.email)
        .bind(&fields.name)
        .bind(&fields.job_title)
        .bind(team)
        .bind(fields.manager_id)
        .bind(&fields.start_date)
        .bind(i64::from(fields.active))
        .bind(fields.role.as_str())
        .bind(at)
        .bind(search_key(&fields.name, &fields.email))
        .fetch_optional(self.conn())
        .await?;
        let Some(id) = id else {
            return Err(StoreError::Conflict(format!(
                "{} is already someone's email",
                fields.email
            )));
        };
        let person = self.person(id).await?;
        self.audit(
            "person.create",
            &format!("person:{id}"),
            None,
            json(&person),
        )
        .await?;
        Ok(person)
    }

    /// Changes a person, if `version` is still theirs (someone else's edit
    /// in between is a conflict, never overwritten).
    pub async fn update_person(
        &mut self,
        id: i64,
        version: i64,
        fields: PersonFields,
    ) -> Result<Person> {
        let fields = fields.checked()?;
        let before = self.person(id).await?;
        if before.version != version {
            return Err(StoreError::Conflict(format!(
                "{} was changed by someone else since you opened it: reload to see their change",
                before.name
            )));
        }
        if let Some(m) = fields.manager_id {
            exists(self.conn(), m).await?;
            if m == id || scope_ids(self.conn(), id).await?.contains(&m) {
                return Err(StoreError::Invalid(
                    "that manager reports to this person: reporting lines cannot go round in a circle".into(),
                ));
            }
        }
        let team = team_id(self.conn(), fields.team.as_deref()).await?;
        let at = self.at;
        let done = sqlx::query(
            "UPDATE people SET email = $1, name = $2, job_title = $3, team_id = $4, manager_id = $5,
                start_date = $6, active = $7, role = $8, version = version + 1, updated_at = $9,
                search_key = $12
             WHERE id = $10 AND version = $11",
        )
        .bind(&fields.email)
        .bind(&fields.name)
        .bind(&fields.job_title)
        .bind(team)
        .bind(fields.manager_id)
        .bind(&fields.start_date)
        .bind(i64::from(fields.active))
        .bind(fields.role.as_str())
        .bind(at)
        .bind(id)
        .bind(version)
        .bind(search_key(&fields.name, &fields.email))
        .execute(self.conn())
        .await;
        match done {
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                return Err(StoreError::Conflict(format!(
                    "{} is already someone's email",
                    fields.email
                )));
            }
            Err(e) => return Err(e.into()),
            Ok(_) => {}
        }
        if before.active && !fields.active {
            self.end_sign_ins(id).await?;
        }
        let after = self.person(id).await?;
        self.audit(
            "person.update",
            &format!("person:{id}"),
            json(&before),
            json(&after),
        )
        .await?;
        Ok(after)
    }

    /// A person, read inside this change.
    pub async fn person(&mut self, id: i64) -> Result<Person> {
        select_person(self.conn(), "p.id", id)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("person {id}")))
    }

    /// Refuses (and so rolls back) a change that leaves no active
    /// administrator. Checked inside the change, which holds the write lock,
    /// so two changes at once cannot both remove "the other" administrator.
    pub async fn require_an_admin(&mut self) -> Result<()> {
        let admins: i64 = sqlx::query_scalar(ADMIN_COUNT)
            .fetch_one(self.conn())
            .await?;
        if admins == 0 {
            return Err(StoreError::Conflict(
                "this is the last administrator: make someone else one first".into(),
            ));
        }
        Ok(())
    }

    /// Sets a person's role (from the identity provider's groups).
    pub async fn set_role(&mut self, id: i64, role: Role) -> Result<Person> {
        let before = self.person(id).await?;
        let at = self.at;
        sqlx::query(
            "UPDATE people SET role = $1, version = version + 1, updated_at = $2 WHERE id = $3",
        )
        .bind(role.as_str())
        .bind(at)
        .bind(id)
        .execute(self.conn())
        .await?;
        let after = self.person(id).await?;
        self.audit(
            "person.role",
            &format!("person:{id}"),
            json(&before.role),
            json(&after.role),
        )
        .await?;
        Ok(after)
    }

    /// Sets (or clears, with `None`) the language a person chose for the
    /// app. Their version stays: it is their own setting, not the record
    /// HR edits, so an edit under way is not turned into a conflict.
    pub async fn set_language(&mut self, id: i64, language: Option<&str>) -> Result<()> {
        let before = self.person(id).await?.language;
        sqlx::query("UPDATE people SET language = $1 WHERE id = $2")
            .bind(language)
            .bind(id)
            .execute(self.conn())
            .await?;
        self.audit(
            "person.language",
            &format!("person:{id}"),
            json(&before),
            json(&language),
        )
        .await
    }

    /// Ends every session of a person and revokes their API tokens (they
    /// stay listed, as revoked). Done when they stop being active, so that
    /// making them active again does not bring back a session or a token
    /// from before: they sign in afresh and make new tokens.
    pub(crate) async fn end_sign_ins(&mut self, id: i64) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE person_id = $1")
            .bind(id)
            .execute(self.conn())
            .await?;
        sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE person_id = $2 AND revoked_at IS NULL",
        )
        .bind(self.at)
        .bind(id)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Sets (or clears) a person's password hash.
    pub async fn set_password_hash(&mut self, id: i64, hash: Option<&str>) -> Result<()> {
        self.person(id).await?;
        sqlx::query("UPDATE people SET password_hash = $1, version = version + 1 WHERE id = $2")
            .bind(hash)
            .bind(id)
            .execute(self.conn())
            .await?;
        // A new password ends every session and token made with the old one.
        self.end_sign_ins(id).await?;
        self.audit("person.password", &format!("person:{id}"), None, None)
            .await
    }

    /// Starts a new placement for `person`; the open one ends the day the
    /// new one starts.
    pub async fn place(
        &mut self,
        person: i64,
        new: &NewPlacement,
        revision: &str,
    ) -> Result<Placement> {
        self.person(person).await?;
        let placement = self.place_unaudited(person, new, revision).await?;
        self.audit(
            "placement.create",
            &format!("person:{person}"),
            None,
            json(&placement),
        )
        .await?;
        Ok(placement)
    }

    /// [`Write::place`] for callers that audit the change themselves.
    pub(crate) async fn place_unaudited(
        &mut self,
        person: i64,
        new: &NewPlacement,
        revision: &str,
    ) -> Result<Placement> {
        let from = new.from_date.clone().unwrap_or_else(today);
        if !valid_date(&from) {
            return Err(StoreError::Invalid(format!(
                "`{from}` is not a date (YYYY-MM-DD)"
            )));
        }
        let open: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, from_date FROM placements WHERE person_id = $1 AND until_date IS NULL",
        )
        .bind(person)
        .fetch_optional(self.conn())
        .await?;
        if let Some((open_id, open_from)) = open {
            if open_from > from {
                return Err(StoreError::Invalid(format!(
                    "the current placement started on {open_from}, after {from}: record a correction from a later date"
                )));
            }
            sqlx::query("UPDATE placements SET until_date = $1 WHERE id = $2")
                .bind(&from)
                .bind(open_id)
                .execute(self.conn())
                .await?;
        }
        let decided_by = self.actor().person_id;
        let at = self.at;
        let row: PlacementRow = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "INSERT INTO placements (person_id, track, level, from_date, reason, decided_by, note, revision, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             RETURNING {PLACEMENT_COLUMNS}"
        )))
        .bind(person)
        .bind(&new.track)
        .bind(&new.level)
        .bind(&from)
        .bind(new.reason.as_str())
        .bind(decided_by)
        .bind(new.note.trim())
        .bind(revision)
        .bind(at)
        .fetch_one(self.conn())
        .await?;
        let placement = Placement::from(row);
        sqlx::query("UPDATE people SET version = version + 1, updated_at = $1 WHERE id = $2")
            .bind(at)
            .bind(person)
            .execute(self.conn())
            .await?;
        Ok(placement)
    }

    /// Replaces a person's personal data with placeholders, ends their
    /// sessions and tokens, and keeps their placements (so counts per level
    /// stay right).
    pub async fn anonymise_person(&mut self, id: i64) -> Result<()> {
        let before = self.person(id).await?;
        let at = self.at;
        let (email, name) = (
            format!("anonymised-{id}@invalid.invalid"),
            format!("Former employee {id}"),
        );
        sqlx::query(
            "UPDATE people SET email = $1, name = $2, job_title = '', start_date = NULL, active = 0,
                password_hash = NULL, idp_subject = NULL, role = 'employee', version = version + 1, updated_at = $3,
                display_name = NULL, employee_number = NULL, language = NULL,
                search_key = $5 WHERE id = $4",
        )
        .bind(&email)
        .bind(&name)
        .bind(at)
        .bind(id)
        .bind(search_key(&name, &email))
        .execute(self.conn())
        .await?;
        // Their notes, suggestion reasons (they quote the job title), and
        // every way to sign in as them.
        for sql in [
            "UPDATE placements SET note = '' WHERE person_id = $1",
            "UPDATE rollout_entries SET proposal_note = '', acknowledgement_note = '', suggestion_reason = ''
             WHERE person_id = $1",
            "DELETE FROM sessions WHERE person_id = $1",
            "DELETE FROM api_tokens WHERE person_id = $1",
            "DELETE FROM one_time_links WHERE person_id = $1",
            // What they and their managers wrote about their work.
            "UPDATE ratings SET comment = '', evidence = ''
             WHERE assessment_id IN (SELECT id FROM assessments WHERE person_id = $1)",
            "UPDATE assessments SET acknowledgement_note = '', change_reason = '' WHERE person_id = $1",
            "UPDATE goals SET goal = 'Goal', actions = '' WHERE person_id = $1",
            "DELETE FROM notes WHERE person_id = $1",
        ] {
            sqlx::query(sql).bind(id).execute(self.conn()).await?;
        }
        self.audit(
            "person.anonymise",
            &format!("person:{id}"),
            json(&before.id),
            None,
        )
        .await
    }
}

/// People in name order, the same on both databases (see `search.rs`).
pub(crate) const BY_NAME: &str = "ORDER BY p.search_key, p.id";

/// Active administrators.
const ADMIN_COUNT: &str = "SELECT COUNT(*) FROM people WHERE role = 'admin' AND active = 1";

async fn exists(conn: &mut AnyConnection, id: i64) -> Result<()> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people WHERE id = $1")
        .bind(id)
        .fetch_one(conn)
        .await?;
    if n == 0 {
        return Err(StoreError::NotFound(format!("person {id}")));
    }
    Ok(())
}

/// The id of the team named `name`, created if new.
pub(crate) async fn team_id(conn: &mut AnyConnection, name: Option<&str>) -> Result<Option<i64>> {
    let Some(name) = name else { return Ok(None) };
    sqlx::query("INSERT INTO teams (name) VALUES ($1) ON CONFLICT (name) DO NOTHING")
        .bind(name)
        .execute(&mut *conn)
        .await?;
    Ok(Some(
        sqlx::query_scalar("SELECT id FROM teams WHERE name = $1")
            .bind(name)
            .fetch_one(conn)
            .await?,
    ))
}
