//! People: the list, one person with their level and placements, adding
//! and changing people, placements, password links, anonymising, data
//! export, and roster imports (`roster`).

pub(crate) mod api;
mod pages;
mod roster;
mod roster_columns;
pub(crate) mod roster_csv;
mod roster_dates;
mod roster_managers;

pub use roster::RosterOutcome;
pub(crate) use roster::import_roster;

use serde::Serialize;
use utoipa::ToSchema;

use rungs_store::PersonFields;
use rungs_store::model::{LinkPurpose, NewPlacement, Person, Placement, Rollout, RolloutEntry};

use crate::access::{Admin, Exporting, Hr, ListScope, PersonEdit, PersonRead, Placing};
use crate::error::ServerError;
use crate::framework::{LevelRef, NextLevel};
use crate::state::LINK_HOURS;
use axum::routing::{MethodRouter, get, post};

use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// People's routes: pages and API.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        ("/app", get(pages::home)),
        ("/app/people", get(pages::people).post(pages::create_person)),
        ("/app/people/new", get(pages::new_person)),
        (
            "/app/people/{id}",
            get(pages::person).post(pages::update_person),
        ),
        ("/app/people/{id}/placements", post(pages::place)),
        ("/app/people/{id}/reset-link", post(pages::reset_link)),
        ("/app/people/{id}/anonymise", post(pages::anonymise)),
        (
            "/app/people/{id}/unlink-identity",
            post(pages::unlink_identity),
        ),
        ("/app/roster", get(pages::roster_page).post(pages::roster)),
        ("/api/v1/me", get(api::me)),
        ("/api/v1/levels", get(api::levels)),
        ("/api/v1/people", get(api::people).post(api::create_person)),
        (
            "/api/v1/people/{id}",
            get(api::person).put(api::update_person),
        ),
        (
            "/api/v1/people/{id}/placements",
            get(api::placements).post(api::place),
        ),
        ("/api/v1/people/{id}/export", get(api::export)),
        ("/api/v1/roster", post(api::roster)),
    ]
}

/// People the viewer can see: everyone (HR), themselves and their reports
/// (managers), themselves (everyone else).
pub(crate) async fn people(app: &App, scope: &ListScope) -> Result<Vec<Person>> {
    Ok(app
        .store
        .people_page(scope.scope(), "", rungs_store::Page::ALL)
        .await?
        .0)
}

/// A page of the people `scope` covers whose name or email matches `q`,
/// by name, and how many match in all.
pub(crate) async fn search(
    app: &App,
    scope: &ListScope,
    q: &str,
    page: rungs_store::Page,
) -> Result<(Vec<Person>, i64)> {
    Ok(app.store.people_page(scope.scope(), q, page).await?)
}

/// The people a person form offers as manager (HR): everyone active but
/// the person themselves.
pub(crate) async fn manager_choices(
    app: &App,
    _hr: &Hr<'_>,
    person: Option<i64>,
) -> Result<Vec<Person>> {
    let mut people = app.store.people().await?;
    people.retain(|p| p.active && Some(p.id) != person);
    Ok(people)
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

/// A person the viewer can see.
pub(crate) async fn person(app: &App, read: &PersonRead<'_>) -> Result<PersonView> {
    let id = read.person();
    let page = app
        .store
        .person_page(id)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("person {id}")))?;
    let (person, placements) = (page.person, page.placements);
    let manager = page.manager.map(|m| PersonRef {
        id: m.id,
        name: m.name,
        email: m.email,
    });
    let ladder = app.ladder();
    let (level, next) = match (&person.track, &person.level) {
        (Some(t), Some(l)) => (ladder.level(t, l), ladder.next_level(t, l)),
        _ => (None, None),
    };
    let rollout = page.rollout.map(|(rollout, entry)| RolloutOf {
        rollout,
        entry: crate::rollout::said(entry, crate::i18n::DEFAULT_LANGUAGE),
    });
    Ok(PersonView {
        person,
        manager,
        placements,
        level,
        next,
        rollout,
    })
}

/// Adds a person (HR; roles other than employee: admin).
pub(crate) async fn create_person(
    app: &App,
    edit: &PersonEdit<'_>,
    fields: PersonFields,
) -> Result<Person> {
    let mut w = app.store.write(&edit.viewer().actor()).await?;
    let person = w.create_person(fields).await?;
    w.commit().await?;
    Ok(person)
}

/// Changes a person (HR; roles: admin), at the version the editor saw.
pub(crate) async fn update_person(
    app: &App,
    edit: &PersonEdit<'_>,
    version: i64,
    fields: PersonFields,
) -> Result<Person> {
    let id = edit
        .person()
        .ok_or_else(|| ServerError::Internal("an edit of a new person is not an update".into()))?;
    let mut w = app.store.write(&edit.viewer().actor()).await?;
    let person = w.update_person(id, version, fields).await?;
    w.require_an_admin().await?;
    w.commit().await?;
    Ok(person)
}

/// Records a new placement (HR). The level must be on the ladder in use.
pub(crate) async fn place(
    app: &App,
    placing: &Placing<'_>,
    new: NewPlacement,
) -> Result<Placement> {
    let id = placing.person();
    let ladder = app.ladder();
    if ladder.level(&new.track, &new.level).is_none() {
        return Err(ServerError::Invalid(format!(
            "`{}/{}` is not a level of this ladder",
            new.track, new.level
        )));
    }
    let mut w = app.store.write(&placing.viewer().actor()).await?;
    let placement = w.place(id, &new, &ladder.revision).await?;
    w.commit().await?;
    Ok(placement)
}

/// Everything the server holds about a person, as JSON (themselves or HR).
pub(crate) async fn export(app: &App, exporting: &Exporting<'_>) -> Result<serde_json::Value> {
    let read = exporting.read();
    let (viewer, id) = (read.viewer(), read.person());
    let view = person(app, &read).await?;
    let mut rollouts = Vec::new();
    for r in app.store.rollouts().await? {
        if let Some(e) = app.store.rollout_entry(r.id, id).await? {
            let e = crate::rollout::said(e, crate::i18n::DEFAULT_LANGUAGE);
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
    let not_on_ladder = app.store.off_ladder().await?.contains(&id);
    let left_out: Vec<serde_json::Value> = app
        .store
        .left_out_of(id)
        .await?
        .into_iter()
        .map(|(cycle, reason)| serde_json::json!({"cycle": cycle, "reason": reason}))
        .collect();
    // 1-on-1 notes only where the viewer may read them (HR: audited).
    let notes = crate::growth::notes(app, &crate::access::notes(app, viewer, id).await?).await?;
    // Promotion cases as the person reads them: decisions and reasons, not
    // the committee's comments, votes or the recommendation, and no peer's
    // name where feedback is anonymous to the person.
    let mut promotions = Vec::new();
    for case in crate::access::own_cases(app, exporting).await? {
        let mut view = crate::promotions::view::case_view(app, &case).await?;
        // What the person may do now is no part of their data.
        view.can = Default::default();
        promotions.push(view);
    }
    Ok(serde_json::json!({
        "exported_at": rungs_store::now(),
        "person": view.person,
        "placements": view.placements,
        "rollouts": rollouts,
        "not_on_ladder": not_on_ladder,
        "assessments": assessments,
        "cycles_left_out": left_out,
        "goals": goals,
        "notes": notes,
        "promotions": promotions,
        "api_tokens": tokens,
        "audit": audit,
    }))
}

/// Replaces a person's personal data with placeholders (admin).
pub(crate) async fn anonymise(app: &App, admin: &Admin<'_>, id: i64) -> Result<()> {
    let viewer = admin.viewer();
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
pub(crate) async fn unlink_identity(app: &App, admin: &Admin<'_>, id: i64) -> Result<()> {
    let mut w = app.store.write(&admin.viewer().actor()).await?;
    w.unlink_idp_subject(id).await?;
    w.commit().await?;
    Ok(())
}

/// A one-time link for `person` to set a password (admin).
pub(crate) async fn reset_link(app: &App, admin: &Admin<'_>, id: i64) -> Result<String> {
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
    let mut w = app.store.write(&admin.viewer().actor()).await?;
    let secret = w
        .create_link(LinkPurpose::Reset, Some(id), LINK_HOURS * 3600)
        .await?;
    w.commit().await?;
    Ok(format!("{}/app/reset?token={secret}", app.config.base()))
}

/// The levels of the ladder in use, for forms.
pub(crate) fn levels(app: &App) -> Vec<LevelRef> {
    app.ladder().all_levels()
}
