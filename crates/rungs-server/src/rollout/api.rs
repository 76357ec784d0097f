//! The rollout's API.

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use rungs_store::model::{Rollout, RolloutEntry};

use super::RolloutView;
use super::bulk::{BulkReport, Selection};
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
        crate::i18n::DEFAULT_LANGUAGE,
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

/// Proposes every suggested level the selection picks, within the
/// caller's people (a manager: their reporting lines; HR: everyone).
/// People not on a ladder, without a suggestion, or whom the per-person
/// rule refuses (one's own level) are skipped, with why.
#[utoipa::path(post, path = "/api/v1/rollouts/{id}/accept", params(("id" = i64, Path)), request_body = Selection, responses((status = 200, body = BulkReport), (status = 403), (status = 409)))]
pub(crate) async fn accept_suggestions(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(selection): Json<Selection>,
) -> Api<BulkReport> {
    let bulk = access::bulk_propose(&app, &viewer).await?;
    Ok(Json(
        super::bulk::accept_suggestions(&app, &bulk, id, &selection).await?,
    ))
}

/// Confirms every proposed level the selection picks (HR). Whom HR may
/// not place (an administrator, HR, themselves) is skipped, with why.
#[utoipa::path(post, path = "/api/v1/rollouts/{id}/confirm-all", params(("id" = i64, Path)), request_body = Selection, responses((status = 200, body = BulkReport), (status = 403), (status = 409)))]
pub(crate) async fn confirm_all(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(selection): Json<Selection>,
) -> Api<BulkReport> {
    Ok(Json(
        super::bulk::confirm_all(&app, &access::hr(&viewer)?, id, &selection).await?,
    ))
}

/// People to mark not on a ladder, or back on one.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct OffLadder {
    /// Their ids.
    people: Vec<i64>,
    /// `true`: not on a ladder (no suggestion, counted as done in a
    /// rollout); `false`: back on one.
    off: bool,
}

/// Marks people not on a ladder, or back on one (HR, under the placement
/// rule). An unknown id writes nothing.
#[utoipa::path(post, path = "/api/v1/people/off-ladder", request_body = OffLadder, responses((status = 200, body = BulkReport), (status = 403), (status = 404)))]
pub(crate) async fn off_ladder(
    State(app): State<App>,
    viewer: Viewer,
    Json(body): Json<OffLadder>,
) -> Api<BulkReport> {
    Ok(Json(
        super::bulk::set_off_ladder(&app, &access::hr(&viewer)?, &body.people, body.off).await?,
    ))
}
