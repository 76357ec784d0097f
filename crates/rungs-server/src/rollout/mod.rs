//! Rollouts of a ladder: a suggested level for everyone (`suggest`), the
//! manager's proposal, HR's confirmation (the placement), the person's
//! acknowledgement.

pub(crate) mod api;
pub(crate) mod bulk;
mod pages;
pub(crate) mod reason;
pub(crate) mod suggest;

use serde::Serialize;
use utoipa::ToSchema;

use rungs_store::model::{Person, Rollout, RolloutEntry, RolloutProgress};
use rungs_store::{EntryFilter, Page};

use crate::access::{Acknowledging, Hr, ListScope, Placing, Proposing, SignedIn};
use crate::error::ServerError;
use axum::routing::{MethodRouter, get, post};

use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// The rollout's routes: pages and API.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        ("/app/rollout", get(pages::rollout)),
        ("/app/rollouts", post(pages::open_rollout)),
        ("/app/rollouts/{id}/close", post(pages::close_rollout)),
        (
            "/app/rollouts/{id}/people/{person}/propose",
            post(pages::propose),
        ),
        (
            "/app/rollouts/{id}/people/{person}/confirm",
            post(pages::confirm),
        ),
        (
            "/app/rollouts/{id}/people/{person}/acknowledge",
            post(pages::acknowledge),
        ),
        ("/app/rollouts/{id}/accept", post(pages::accept_suggestions)),
        ("/app/rollouts/{id}/confirm-all", post(pages::confirm_all)),
        ("/app/people/{id}/off-ladder", post(pages::off_ladder)),
        (
            "/api/v1/rollouts/{id}/accept",
            post(api::accept_suggestions),
        ),
        ("/api/v1/rollouts/{id}/confirm-all", post(api::confirm_all)),
        ("/api/v1/people/off-ladder", post(api::off_ladder)),
        (
            "/api/v1/rollouts",
            get(api::rollouts).post(api::open_rollout),
        ),
        ("/api/v1/rollouts/{id}", get(api::rollout)),
        (
            "/api/v1/rollouts/{id}/people/{person}/propose",
            post(api::propose),
        ),
        (
            "/api/v1/rollouts/{id}/people/{person}/confirm",
            post(api::confirm),
        ),
        (
            "/api/v1/rollouts/{id}/people/{person}/acknowledge",
            post(api::acknowledge),
        ),
    ]
}

/// A person and their rollout entry.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RolloutPerson {
    /// The person.
    pub person: Person,
    /// Their entry.
    pub entry: RolloutEntry,
    /// Marked not on a ladder: counted as done, never suggested a level.
    pub not_on_ladder: bool,
}

/// Every rollout, newest first: their names and dates, which anyone
/// signed in may read.
pub(crate) async fn rollouts(app: &App, _own: &SignedIn<'_>) -> Result<Vec<Rollout>> {
    Ok(app.store.rollouts().await?)
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
///
/// Each entry's reason is said in `lang` (the API's is English).
pub(crate) async fn rollout(
    app: &App,
    scope: &ListScope,
    id: Option<i64>,
    filter: &EntryFilter,
    page: i64,
    lang: &str,
) -> Result<Option<RolloutView>> {
    let page = Page {
        limit: ROLLOUT_PAGE,
        offset: page.max(0).saturating_mul(ROLLOUT_PAGE),
    };
    let Some(read) = app
        .store
        .rollout_page(id, scope.scope(), filter, page)
        .await?
    else {
        return Ok(None);
    };
    let entries = read
        .entries
        .into_iter()
        .map(|(person, entry, not_on_ladder)| RolloutPerson {
            not_on_ladder,
            person,
            entry: said(entry, lang),
        })
        .collect();
    Ok(Some(RolloutView {
        rollout: read.rollout,
        progress: read.progress,
        entries,
        matching: read.matching,
    }))
}

/// Opens a rollout onto the ladder in use, with a suggested level for every
/// active person (HR).
pub(crate) async fn open_rollout(app: &App, hr: &Hr<'_>, name: &str) -> Result<Rollout> {
    let ladder = app.ladder();
    let people = app.store.people().await?;
    let off = app.store.off_ladder().await?;
    let suggestions = suggest::suggest_all(
        &ladder,
        &people,
        app.config.previous_ladder.as_deref(),
        &off,
    );
    let mut w = app.store.write(&hr.viewer().actor()).await?;
    let rollout = w.open_rollout(name, &ladder.revision, &suggestions).await?;
    w.commit().await?;
    app.store.analyze().await?;
    Ok(rollout)
}

/// Closes a rollout (HR).
pub(crate) async fn close_rollout(app: &App, hr: &Hr<'_>, id: i64) -> Result<()> {
    let mut w = app.store.write(&hr.viewer().actor()).await?;
    w.close_rollout(id).await?;
    w.commit().await?;
    Ok(())
}

/// Proposes a level (the person's manager, or HR).
pub(crate) async fn propose(
    app: &App,
    proposing: &Proposing<'_>,
    rollout: i64,
    version: i64,
    level: (&str, &str),
    note: &str,
) -> Result<RolloutEntry> {
    let person = proposing.person();
    if app.store.off_ladder().await?.contains(&person) {
        return Err(ServerError::Conflict(
            "this person is marked not on a ladder: put them back on one first".into(),
        ));
    }
    if app.ladder().level(level.0, level.1).is_none() {
        return Err(ServerError::invalid(
            "form-not-a-level",
            vec![("level", format!("{}/{}", level.0, level.1))],
        ));
    }
    let mut w = app.store.write(&proposing.viewer().actor()).await?;
    let entry = w.propose(rollout, person, version, level, note).await?;
    w.commit().await?;
    Ok(said(entry, crate::i18n::DEFAULT_LANGUAGE))
}

/// Confirms a proposed level (HR): it becomes the person's placement.
/// A confirmation is a placement: the same rule decides both.
pub(crate) async fn confirm(
    app: &App,
    placing: &Placing<'_>,
    rollout: i64,
    version: i64,
) -> Result<RolloutEntry> {
    let revision = app.ladder().revision.clone();
    let mut w = app.store.write(&placing.viewer().actor()).await?;
    let entry = w
        .confirm(rollout, placing.person(), version, &revision)
        .await?;
    w.commit().await?;
    Ok(said(entry, crate::i18n::DEFAULT_LANGUAGE))
}

/// The person acknowledges their confirmed level (only they can).
pub(crate) async fn acknowledge(
    app: &App,
    acknowledging: &Acknowledging<'_>,
    rollout: i64,
    version: i64,
    note: &str,
) -> Result<RolloutEntry> {
    let mut w = app.store.write(&acknowledging.viewer().actor()).await?;
    let entry = w
        .acknowledge(rollout, acknowledging.person(), version, note)
        .await?;
    w.commit().await?;
    Ok(said(entry, crate::i18n::DEFAULT_LANGUAGE))
}

/// `entry` with its reason in `lang` (see [`reason::Reason`]): entries
/// keep what was found, and each reader gets words.
pub(crate) fn said(mut entry: RolloutEntry, lang: &str) -> RolloutEntry {
    entry.suggestion_reason = reason::Reason::say_stored(&entry.suggestion_reason, lang);
    entry
}
