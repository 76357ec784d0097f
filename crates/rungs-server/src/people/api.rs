//! People's API: the caller, levels, people, placements, exports, rosters.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use rungs_store::PersonFields;
use rungs_store::model::{NewPlacement, Person, Placement};

use super::roster_csv::Mapping;
use super::{PersonView, RosterOutcome};
use crate::access;
use crate::auth::Viewer;
use crate::framework::LevelRef;
use crate::state::App;
use crate::web::{Api, ApiError};

/// The signed-in person.
#[utoipa::path(get, path = "/api/v1/me", responses((status = 200, body = PersonView), (status = 401)))]
pub(crate) async fn me(State(app): State<App>, viewer: Viewer) -> Api<PersonView> {
    Ok(Json(
        super::person(&app, &access::read(&app, &viewer, viewer.person.id).await?).await?,
    ))
}

/// Every level of the ladder in use.
#[utoipa::path(get, path = "/api/v1/levels", responses((status = 200, body = Vec<LevelRef>)))]
pub(crate) async fn levels(State(app): State<App>, _viewer: Viewer) -> Api<Vec<LevelRef>> {
    Ok(Json(super::levels(&app)))
}

/// The people the caller can see.
#[utoipa::path(get, path = "/api/v1/people", responses((status = 200, body = Vec<Person>)))]
pub(crate) async fn people(State(app): State<App>, viewer: Viewer) -> Api<Vec<Person>> {
    Ok(Json(
        super::people(&app, &access::list_scope(&app, &viewer).await?).await?,
    ))
}

/// Adds a person (HR).
#[utoipa::path(post, path = "/api/v1/people", request_body = PersonFields, responses((status = 200, body = Person), (status = 403), (status = 409), (status = 422)))]
pub(crate) async fn create_person(
    State(app): State<App>,
    viewer: Viewer,
    Json(fields): Json<PersonFields>,
) -> Api<Person> {
    Ok(Json(
        super::create_person(
            &app,
            &access::edit(&app, &viewer, None, fields.role).await?,
            fields,
        )
        .await?,
    ))
}

/// One person.
#[utoipa::path(get, path = "/api/v1/people/{id}", params(("id" = i64, Path)), responses((status = 200, body = PersonView), (status = 404)))]
pub(crate) async fn person(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<PersonView> {
    Ok(Json(
        super::person(&app, &access::read(&app, &viewer, id).await?).await?,
    ))
}

/// A change to a person, at the version it was made on.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct PersonUpdate {
    /// The version the change was made on (from the person's `version`).
    version: i64,
    /// The new fields.
    #[serde(flatten)]
    fields: PersonFields,
}

/// Changes a person (HR); 409 when someone changed them since `version`.
#[utoipa::path(put, path = "/api/v1/people/{id}", params(("id" = i64, Path)), request_body = PersonUpdate, responses((status = 200, body = Person), (status = 409)))]
pub(crate) async fn update_person(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(u): Json<PersonUpdate>,
) -> Api<Person> {
    Ok(Json(
        super::update_person(
            &app,
            &access::edit(&app, &viewer, Some(id), u.fields.role).await?,
            u.version,
            u.fields,
        )
        .await?,
    ))
}

/// A person's placements, newest first.
#[utoipa::path(get, path = "/api/v1/people/{id}/placements", params(("id" = i64, Path)), responses((status = 200, body = Vec<Placement>)))]
pub(crate) async fn placements(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<Vec<Placement>> {
    Ok(Json(
        super::person(&app, &access::read(&app, &viewer, id).await?)
            .await?
            .placements,
    ))
}

/// Records a placement (HR).
#[utoipa::path(post, path = "/api/v1/people/{id}/placements", params(("id" = i64, Path)), request_body = NewPlacement, responses((status = 200, body = Placement)))]
pub(crate) async fn place(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(new): Json<NewPlacement>,
) -> Api<Placement> {
    Ok(Json(
        super::place(&app, &access::place(&app, &viewer, id).await?, new).await?,
    ))
}

/// Everything held about a person (themselves or HR).
#[utoipa::path(get, path = "/api/v1/people/{id}/export", params(("id" = i64, Path)), responses((status = 200, body = Object)))]
pub(crate) async fn export(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<serde_json::Value> {
    Ok(Json(
        super::export(&app, &access::export(&app, &viewer, id).await?).await?,
    ))
}

/// How to read a roster upload.
#[derive(Debug, Default, Deserialize, IntoParams)]
pub(crate) struct RosterQuery {
    /// Show what would change; write nothing.
    #[serde(default)]
    dry_run: bool,
    /// Make active people who are not in the file inactive.
    #[serde(default)]
    deactivate_missing: bool,
    /// Column names, when the file's headers are not recognised.
    #[serde(flatten)]
    #[param(inline)]
    mapping: Mapping,
}

/// Imports a roster: the CSV is the request body (HR). 422 with every
/// problem when a row is wrong; nothing is written then.
#[utoipa::path(post, path = "/api/v1/roster", params(RosterQuery), request_body(content = String, content_type = "text/csv"), responses((status = 200, body = RosterOutcome), (status = 422, body = RosterOutcome)))]
pub(crate) async fn roster(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<RosterQuery>,
    body: Bytes,
) -> Result<(axum::http::StatusCode, Json<RosterOutcome>), ApiError> {
    let outcome = super::import_roster(
        &app,
        &access::hr(&viewer)?,
        Vec::from(body),
        &q.mapping,
        q.dry_run,
        q.deactivate_missing,
    )
    .await?;
    let status = match outcome {
        RosterOutcome::Refused { .. } => axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        RosterOutcome::Planned { .. } => axum::http::StatusCode::OK,
    };
    Ok((status, Json(outcome)))
}
