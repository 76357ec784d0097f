//! The actions of the people app. Each checks access first, then reads or
//! writes through the store; pages and the API only translate.

use serde::Serialize;
use utoipa::ToSchema;

use rungs_store::audit::{AuditEntry, Verification};
use rungs_store::model::{
    ApiToken, LinkPurpose, NewPlacement, Person, Placement, Role, Rollout, RolloutEntry,
    RolloutProgress, TokenScope,
};
use rungs_store::{EntryFilter, Page, PersonFields, RosterPlan, RowProblem, Scope};

use crate::access::{self, Reach};
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::framework::{LevelRef, NextLevel};
use crate::state::{App, LINK_HOURS};

type Result<T> = std::result::Result<T, ServerError>;

/// People the viewer can see: everyone (HR), themselves and their reports
/// (managers), themselves (everyone else).
pub(crate) async fn people(app: &App, viewer: &Viewer) -> Result<Vec<Person>> {
    let scope = scope_of(app, viewer).await?;
    Ok(app
        .store
        .people_page(&scope, "", rungs_store::Page::ALL)
        .await?
        .0)
}

/// Whose data the viewer's lists cover: everyone for HR, otherwise
/// themselves and everyone below them in the reporting lines.
pub(crate) async fn scope_of(app: &App, viewer: &Viewer) -> Result<Scope> {
    if viewer.person.role.sees_everyone() {
        Ok(Scope::Everyone)
    } else {
        Ok(app.store.scope_of(viewer.person.id).await?)
    }
}

/// One person with what the app shows about them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonView {
    /// The person.
    pub person: Person,
    /// Their manager, if any: who they are, not their record (an employee
    /// does not see their manager's level).
    pub manager: Option<PersonRef>,
    /// Their placements, newest first.
    pub placements: Vec<Placement>,
    /// Their current level, if placed.
    pub level: Option<LevelRef>,
    /// The next level in their track, and the page comparing the two.
    pub next: Option<NextLevel>,
    /// Their entry in the open rollout, if any.
    pub rollout: Option<RolloutOf>,
}

/// A person named, without their record.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonRef {
    /// Database id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// Work email.
    pub email: String,
}

/// A rollout and one person's entry in it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RolloutOf {
    /// The rollout.
    pub rollout: Rollout,
    /// The entry.
    pub entry: RolloutEntry,
}

/// A person and their rollout entry.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RolloutPerson {
    /// The person.
    pub person: Person,
    /// Their entry.
    pub entry: RolloutEntry,
}

/// A person the viewer can see.
pub(crate) async fn person(app: &App, viewer: &Viewer, id: i64) -> Result<(PersonView, Reach)> {
    let reach = access::reach(app, viewer, id).await?;
    let person = app
        .store
        .person(id)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("person {id}")))?;
    let manager = match person.manager_id {
        Some(m) => app.store.person(m).await?.map(|m| PersonRef {
            id: m.id,
            name: m.name,
            email: m.email,
        }),
        None => None,
    };
    let placements = app.store.placements(id).await?;
    let ladder = app.ladder();
    let (level, next) = match (&person.track, &person.level) {
        (Some(t), Some(l)) => (ladder.level(t, l), ladder.next_level(t, l)),
        _ => (None, None),
    };
    let rollout = match app.store.open_rollout().await? {
        Some(r) => app
            .store
            .rollout_entry(r.id, id)
            .await?
            .map(|entry| RolloutOf { rollout: r, entry }),
        None => None,
    };
    Ok((
        PersonView {
            person,
            manager,
            placements,
            level,
            next,
            rollout,
        },
        reach,
    ))
}

/// Roles, and people who have one (HR, administrators), are changed by an
/// administrator only: HR changing an administrator's email could take
/// over their account.
fn check_role_change(viewer: &Viewer, before: Option<Role>, after: Role) -> Result<()> {
    let privileged = before.is_some_and(|r| r != Role::Employee);
    if (before.unwrap_or(Role::Employee) != after || privileged)
        && viewer.person.role != Role::Admin
    {
        return Err(ServerError::Forbidden);
    }
    Ok(())
}

/// Adds a person (HR; roles other than employee: admin).
pub(crate) async fn create_person(
    app: &App,
    viewer: &Viewer,
    fields: PersonFields,
) -> Result<Person> {
    access::hr(viewer)?;
    check_role_change(viewer, None, fields.role)?;
    let mut w = app.store.write(&viewer.actor()).await?;
    let person = w.create_person(fields).await?;
    w.commit().await?;
    Ok(person)
}

/// Changes a person (HR; roles: admin), at the version the editor saw.
pub(crate) async fn update_person(
    app: &App,
    viewer: &Viewer,
    id: i64,
    version: i64,
    fields: PersonFields,
) -> Result<Person> {
    access::hr(viewer)?;
    let before = app
        .store
        .person(id)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("person {id}")))?;
    check_role_change(viewer, Some(before.role), fields.role)?;
    let mut w = app.store.write(&viewer.actor()).await?;
    let person = w.update_person(id, version, fields).await?;
    w.require_an_admin().await?;
    w.commit().await?;
    Ok(person)
}

/// Records a new placement (HR). The level must be on the ladder in use.
pub(crate) async fn place(
    app: &App,
    viewer: &Viewer,
    id: i64,
    new: NewPlacement,
) -> Result<Placement> {
    access::hr(viewer)?;
    // HR does not place themselves, nor HR people and administrators.
    if viewer.person.role != Role::Admin {
        let target = app
            .store
            .person(id)
            .await?
            .ok_or_else(|| ServerError::NotFound(format!("person {id}")))?;
        if target.id == viewer.person.id || target.role != Role::Employee {
            return Err(ServerError::Forbidden);
        }
    }
    let ladder = app.ladder();
    if ladder.level(&new.track, &new.level).is_none() {
        return Err(ServerError::Invalid(format!(
            "`{}/{}` is not a level of this ladder",
            new.track, new.level
        )));
    }
    let mut w = app.store.write(&viewer.actor()).await?;
    let placement = w.place(id, &new, &ladder.revision).await?;
    w.commit().await?;
    Ok(placement)
}

/// What a roster import did or would do.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum RosterOutcome {
    /// Every row is fine; `applied` says whether it was written (false: dry run).
    Planned {
        /// What changes.
        plan: RosterPlan,
        /// Whether it was written.
        applied: bool,
    },
    /// Rows with problems; nothing was written.
    Refused {
        /// Every problem, by line.
        problems: Vec<RowProblem>,
    },
}

/// Imports a roster CSV (HR). Nothing is written when any row is wrong, or
/// in a dry run.
pub(crate) async fn import_roster(
    app: &App,
    viewer: &Viewer,
    csv: &[u8],
    mapping: &crate::roster_csv::Mapping,
    dry_run: bool,
    deactivate_missing: bool,
) -> Result<RosterOutcome> {
    access::hr(viewer)?;
    let ladder = app.ladder();
    let rows = match crate::roster_csv::parse(csv, mapping, &ladder) {
        Ok(rows) => rows,
        Err(problems) => return Ok(RosterOutcome::Refused { problems }),
    };
    let mut w = app.store.write(&viewer.actor()).await?;
    match w
        .import_roster(
            &rows,
            deactivate_missing,
            viewer.person.role != Role::Admin,
            &ladder.revision,
        )
        .await?
    {
        Err(problems) => Ok(RosterOutcome::Refused { problems }),
        Ok(plan) => {
            w.require_an_admin().await?;
            if !dry_run {
                w.commit().await?;
                app.store.analyze().await?;
            }
            Ok(RosterOutcome::Planned {
                plan,
                applied: !dry_run,
            })
        }
    }
}

/// A rollout as the viewer sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RolloutView {
    /// The rollout.
    pub rollout: Rollout,
    /// Counts per team and in total, over the people the viewer can see.
    pub progress: Vec<RolloutProgress>,
    /// A page of the entries the viewer can see, with their people, by name.
    pub entries: Vec<RolloutPerson>,
    /// How many entries match the filter in all.
    pub matching: i64,
}

/// How many entries a page of a rollout shows.
pub(crate) const ROLLOUT_PAGE: i64 = 100;

/// The open (or a given) rollout, limited to the people the viewer sees:
/// everyone for HR, a manager's reporting lines, or just themselves.
pub(crate) async fn rollout(
    app: &App,
    viewer: &Viewer,
    id: Option<i64>,
    filter: &EntryFilter,
    page: i64,
) -> Result<Option<RolloutView>> {
    let rollout = match id {
        Some(id) => app.store.rollouts().await?.into_iter().find(|r| r.id == id),
        None => app.store.open_rollout().await?,
    };
    let Some(rollout) = rollout else {
        return Ok(None);
    };
    let scope = scope_of(app, viewer).await?;
    let progress = app.store.rollout_progress(rollout.id, &scope).await?;
    // Without a filter, the progress total is the count.
    let unfiltered_total =
        (filter == &EntryFilter::default()).then(|| progress.last().map_or(0, |t| t.total));
    let page = Page {
        limit: ROLLOUT_PAGE,
        offset: page.max(0).saturating_mul(ROLLOUT_PAGE),
    };
    let (entries, matching) = app
        .store
        .rollout_people(rollout.id, &scope, filter, page, unfiltered_total)
        .await?;
    let entries = entries
        .into_iter()
        .map(|(person, entry)| RolloutPerson { person, entry })
        .collect();
    Ok(Some(RolloutView {
        rollout,
        progress,
        entries,
        matching,
    }))
}

/// Opens a rollout onto the ladder in use, with a suggested level for every
/// active person (HR).
pub(crate) async fn open_rollout(app: &App, viewer: &Viewer, name: &str) -> Result<Rollout> {
    access::hr(viewer)?;
    let ladder = app.ladder();
    let people = app.store.people().await?;
    let suggestions =
        crate::suggest::suggest_all(&ladder, &people, app.config.previous_ladder.as_deref());
    let mut w = app.store.write(&viewer.actor()).await?;
    let rollout = w.open_rollout(name, &ladder.revision, &suggestions).await?;
    w.commit().await?;
    app.store.analyze().await?;
    Ok(rollout)
}

/// Closes a rollout (HR).
pub(crate) async fn close_rollout(app: &App, viewer: &Viewer, id: i64) -> Result<()> {
    access::hr(viewer)?;
    let mut w = app.store.write(&viewer.actor()).await?;
    w.close_rollout(id).await?;
    w.commit().await?;
    Ok(())
}

/// Proposes a level (the person's manager, or HR).
pub(crate) async fn propose(
    app: &App,
    viewer: &Viewer,
    rollout: i64,
    person: i64,
    version: i64,
    level: (&str, &str),
    note: &str,
) -> Result<RolloutEntry> {
    access::propose(app, viewer, person).await?;
    if app.ladder().level(level.0, level.1).is_none() {
        return Err(ServerError::Invalid(format!(
            "`{}/{}` is not a level of this ladder",
            level.0, level.1
        )));
    }
    let mut w = app.store.write(&viewer.actor()).await?;
    let entry = w.propose(rollout, person, version, level, note).await?;
    w.commit().await?;
    Ok(entry)
}

/// Confirms a proposed level (HR): it becomes the person's placement.
pub(crate) async fn confirm(
    app: &App,
    viewer: &Viewer,
    rollout: i64,
    person: i64,
    version: i64,
) -> Result<RolloutEntry> {
    access::hr(viewer)?;
    access::reach(app, viewer, person).await?;
    // Nobody but an administrator confirms their own level.
    if person == viewer.person.id && viewer.person.role != Role::Admin {
        return Err(ServerError::Forbidden);
    }
    let revision = app.ladder().revision.clone();
    let mut w = app.store.write(&viewer.actor()).await?;
    let entry = w.confirm(rollout, person, version, &revision).await?;
    w.commit().await?;
    Ok(entry)
}

/// The person acknowledges their confirmed level (only they can).
pub(crate) async fn acknowledge(
    app: &App,
    viewer: &Viewer,
    rollout: i64,
    person: i64,
    version: i64,
    note: &str,
) -> Result<RolloutEntry> {
    if viewer.person.id != person {
        access::reach(app, viewer, person).await?;
        return Err(ServerError::Forbidden);
    }
    let mut w = app.store.write(&viewer.actor()).await?;
    let entry = w.acknowledge(rollout, person, version, note).await?;
    w.commit().await?;
    Ok(entry)
}

/// Everything the server holds about a person, as JSON (themselves or HR).
pub(crate) async fn export(app: &App, viewer: &Viewer, id: i64) -> Result<serde_json::Value> {
    access::export(app, viewer, id).await?;
    let (view, _) = person(app, viewer, id).await?;
    let mut rollouts = Vec::new();
    for r in app.store.rollouts().await? {
        if let Some(e) = app.store.rollout_entry(r.id, id).await? {
            rollouts.push(serde_json::json!({"rollout": r, "entry": e}));
        }
    }
    let tokens = app.store.api_tokens(id).await?;
    let audit = app.store.audit_of(&format!("person:{id}")).await?;
    let mut assessments = Vec::new();
    for a in app.store.assessments_of(id).await? {
        // Ratings the viewer may see: shared ones, and the person's own.
        let own = viewer.person.id == id;
        let ratings: Vec<_> = app
            .store
            .ratings(a.id)
            .await?
            .into_iter()
            .filter(|r| {
                a.shared_at.is_some() || (own && r.side == rungs_store::model::Side::Person)
            })
            .collect();
        assessments.push(serde_json::json!({"assessment": a, "ratings": ratings}));
    }
    let goals = app.store.goals_of(id).await?;
    // 1-on-1 notes only where the viewer may read them (HR: audited).
    let notes = crate::growth::notes(app, viewer, id).await?;
    Ok(serde_json::json!({
        "exported_at": rungs_store::now(),
        "person": view.person,
        "placements": view.placements,
        "rollouts": rollouts,
        "assessments": assessments,
        "goals": goals,
        "notes": notes,
        "api_tokens": tokens,
        "audit": audit,
    }))
}

/// Replaces a person's personal data with placeholders (admin).
pub(crate) async fn anonymise(app: &App, viewer: &Viewer, id: i64) -> Result<()> {
    access::admin(viewer)?;
    if id == viewer.person.id {
        return Err(ServerError::Conflict(
            "you cannot anonymise yourself".into(),
        ));
    }
    let mut w = app.store.write(&viewer.actor()).await?;
    w.anonymise_person(id).await?;
    w.require_an_admin().await?;
    w.commit().await?;
    Ok(())
}

/// Unlinks a person from their sign-in provider identity (admin).
pub(crate) async fn unlink_identity(app: &App, viewer: &Viewer, id: i64) -> Result<()> {
    access::admin(viewer)?;
    let mut w = app.store.write(&viewer.actor()).await?;
    w.unlink_idp_subject(id).await?;
    w.commit().await?;
    Ok(())
}

/// A one-time link for `person` to set a password (admin).
pub(crate) async fn reset_link(app: &App, viewer: &Viewer, id: i64) -> Result<String> {
    access::admin(viewer)?;
    let target = app
        .store
        .person(id)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("person {id}")))?;
    if !target.active {
        return Err(ServerError::Conflict(format!(
            "{} is not active",
            target.name
        )));
    }
    let mut w = app.store.write(&viewer.actor()).await?;
    let secret = w
        .create_link(LinkPurpose::Reset, Some(id), LINK_HOURS * 3600)
        .await?;
    w.commit().await?;
    Ok(format!("{}/app/reset?token={secret}", app.config.base()))
}

/// A page of the audit log (admin).
pub(crate) async fn audit(
    app: &App,
    viewer: &Viewer,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditEntry>> {
    access::admin(viewer)?;
    Ok(app.store.audit_page(before, limit.clamp(1, 1000)).await?)
}

/// Checks the audit chain (admin).
pub(crate) async fn verify(app: &App, viewer: &Viewer) -> Result<Verification> {
    access::admin(viewer)?;
    Ok(app.store.verify_audit().await?)
}

/// Reloads the ladder (admin): the new revision, or the errors that kept
/// the previous one serving.
pub(crate) async fn reload(
    app: &App,
    viewer: &Viewer,
) -> Result<std::result::Result<String, Vec<String>>> {
    access::admin(viewer)?;
    Ok(app.reload(&viewer.actor()).await?.map_err(|r| r.errors))
}

/// The viewer's API tokens.
pub(crate) async fn tokens(app: &App, viewer: &Viewer) -> Result<Vec<ApiToken>> {
    Ok(app.store.api_tokens(viewer.person.id).await?)
}

/// Creates an API token for the viewer: the listing and the secret (shown once).
pub(crate) async fn create_token(
    app: &App,
    viewer: &Viewer,
    name: &str,
    scope: TokenScope,
) -> Result<(ApiToken, String)> {
    // A token cannot make tokens: revoking one must end its access.
    if matches!(viewer.via, crate::auth::Via::Token { .. }) {
        return Err(ServerError::Forbidden);
    }
    let mut w = app.store.write(&viewer.actor()).await?;
    let made = w.create_token(viewer.person.id, name, scope).await?;
    w.commit().await?;
    Ok(made)
}

/// Revokes one of the viewer's tokens.
pub(crate) async fn revoke_token(app: &App, viewer: &Viewer, id: i64) -> Result<()> {
    let mut w = app.store.write(&viewer.actor()).await?;
    w.revoke_token(viewer.person.id, id).await?;
    w.commit().await?;
    Ok(())
}

/// The levels of the ladder in use, for forms.
pub(crate) fn levels(app: &App) -> Vec<LevelRef> {
    app.ladder().all_levels()
}
