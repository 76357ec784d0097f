//! The rollout's API.

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use rungs_store::model::{Rollout, RolloutEntry};

use super::RolloutView;
use crate::access;
use crate::auth::Viewer;
use crate::state::App;
use crate::web::Api;

/// Every rollout, newest first.
#[utoipa::path(get, path = "/api/v1/rollouts", responses((status = 200, body = Vec<Rollout>)))]
pub(crate) async fn rollouts(State(app): State<App>, viewer: Viewer) -> Api<Vec<Rollout>> {
    Ok(Json(super::rollouts(&app, &access::own(&viewer)).await?))
}

/// A rollout's name.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct NewRollout {
    /// A name people recognise.
    name: String,
}

/// Opens a rollout onto the ladder in use (HR).
#[utoipa::path(post, path = "/api/v1/rollouts", request_body = NewRollout, responses((status = 200, body = Rollout), (status = 409)))]
pub(crate) async fn open_rollout(
    State(app): State<App>,
    viewer: Viewer,
    Json(new): Json<NewRollout>,
) -> Api<Rollout> {
    Ok(Json(
        super::open_rollout(&app, &access::hr(&viewer)?, &new.name).await?,
    ))
}

/// A rollout's progress and the entries the caller can see.
#[utoipa::path(get, path = "/api/v1/rollouts/{id}", params(("id" = i64, Path), EntriesQuery), responses((status = 200, body = RolloutView), (status = 404)))]
pub(crate) async fn rollout(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(q): Query<EntriesQuery>,
) -> Api<RolloutView> {
    let filter = super::pages::RolloutQuery::from(&q).filter()?;
    let view = super::rollout(
        &app,
        &access::list_scope(&app, &viewer).await?,
        Some(id),
        &filter,
        q.page.unwrap_or(0),
    )
    .await?;
    Ok(Json(view.ok_or_else(|| {
        crate::error::ServerError::NotFound(format!("rollout {id}"))
    })?))
}

/// Which entries of a rollout to list (100 a page, by name).
#[derive(Debug, Default, Deserialize, IntoParams)]
pub(crate) struct EntriesQuery {
    /// Only this team.
    pub(crate) team: Option<String>,
    /// Only this status: suggested, proposed, confirmed, acknowledged.
    pub(crate) status: Option<String>,
    /// The page, from 0.
    pub(crate) page: Option<i64>,
}

/// A step in a rollout, at the entry's version.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct Step {
    /// The entry's version when the step was decided.
    version: i64,
    /// `track/level` (proposals only).
    #[serde(default)]
    level: Option<String>,
    /// A note.
    #[serde(default)]
    note: String,
}

/// Proposes a level (the person's manager or HR).
#[utoipa::path(post, path = "/api/v1/rollouts/{id}/people/{person}/propose", params(("id" = i64, Path), ("person" = i64, Path)), request_body = Step, responses((status = 200, body = RolloutEntry), (status = 409)))]
pub(crate) async fn propose(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, person)): Path<(i64, i64)>,
    Json(step): Json<Step>,
) -> Api<RolloutEntry> {
    let level = step.level.as_deref().unwrap_or_default();
    let (track, level) = level.split_once('/').ok_or_else(|| {
        crate::error::ServerError::Invalid("give the level as track/level".into())
    })?;
    Ok(Json(
        super::propose(
            &app,
            &access::propose(&app, &viewer, person).await?,
            id,
            step.version,
            (track, level),
            &step.note,
        )
        .await?,
    ))
}

/// Confirms the proposed level (HR).
#[utoipa::path(post, path = "/api/v1/rollouts/{id}/people/{person}/confirm", params(("id" = i64, Path), ("person" = i64, Path)), request_body = Step, responses((status = 200, body = RolloutEntry), (status = 409)))]
pub(crate) async fn confirm(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, person)): Path<(i64, i64)>,
    Json(step): Json<Step>,
) -> Api<RolloutEntry> {
    Ok(Json(
        super::confirm(
            &app,
            &access::confirm(&app, &viewer, person).await?,
            id,
            step.version,
        )
        .await?,
    ))
}

/// Acknowledges one's own confirmed level.
#[utoipa::path(post, path = "/api/v1/rollouts/{id}/people/{person}/acknowledge", params(("id" = i64, Path), ("person" = i64, Path)), request_body = Step, responses((status = 200, body = RolloutEntry), (status = 409)))]
pub(crate) async fn acknowledge(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, person)): Path<(i64, i64)>,
    Json(step): Json<Step>,
) -> Api<RolloutEntry> {
    Ok(Json(
        super::acknowledge(
            &app,
            &access::acknowledge(&app, &viewer, person).await?,
            id,
            step.version,
            &step.note,
        )
        .await?,
    ))
}
