//! The JSON API under `/api/v1`, described by the OpenAPI document at
//! `/api/v1/openapi.json` (generated from these handlers and types).
//! Authenticate with `Authorization: Bearer TOKEN` (or a session cookie and
//! the `X-CSRF-Token` header).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi, ToSchema};

use rungs_store::PersonFields;
use rungs_store::audit::{AuditEntry, Verification};
use rungs_store::model::{NewPlacement, Person, Placement, Rollout, RolloutEntry};

use super::ApiError;
use crate::auth::Viewer;
use crate::framework::LevelRef;
use crate::ops::{self, PersonView, RolloutView, RosterOutcome};
use crate::roster_csv::Mapping;
use crate::state::App;

type Api<T> = Result<Json<T>, ApiError>;

#[derive(OpenApi)]
#[openapi(
    info(title = "rungs server", description = "People, placements and rollouts against a career ladder."),
    paths(
        me, levels, people, create_person, person, update_person, placements, place, export, roster,
        rollouts, open_rollout, rollout, propose, confirm, acknowledge, audit, verify, reload,
        super::assess::api_list, super::assess::api_open, super::assess::api_view,
        super::assess::api_rate, super::assess::api_step, super::assess::api_sheet,
        super::assess::api_growth, super::assess::api_team, super::assess::api_insights
    ),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document, as served.
pub fn openapi_json() -> String {
    ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

pub(crate) async fn openapi() -> impl axum::response::IntoResponse {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        openapi_json(),
    )
}

/// The signed-in person.
#[utoipa::path(get, path = "/api/v1/me", responses((status = 200, body = PersonView), (status = 401)))]
pub(crate) async fn me(State(app): State<App>, viewer: Viewer) -> Api<PersonView> {
    Ok(Json(ops::person(&app, &viewer, viewer.person.id).await?.0))
}

/// Every level of the ladder in use.
#[utoipa::path(get, path = "/api/v1/levels", responses((status = 200, body = Vec<LevelRef>)))]
pub(crate) async fn levels(State(app): State<App>, _viewer: Viewer) -> Api<Vec<LevelRef>> {
    Ok(Json(ops::levels(&app)))
}

/// The people the caller can see.
#[utoipa::path(get, path = "/api/v1/people", responses((status = 200, body = Vec<Person>)))]
pub(crate) async fn people(State(app): State<App>, viewer: Viewer) -> Api<Vec<Person>> {
    Ok(Json(ops::people(&app, &viewer).await?))
}

/// Adds a person (HR).
#[utoipa::path(post, path = "/api/v1/people", request_body = PersonFields, responses((status = 200, body = Person), (status = 403), (status = 409), (status = 422)))]
pub(crate) async fn create_person(
    State(app): State<App>,
    viewer: Viewer,
    Json(fields): Json<PersonFields>,
) -> Api<Person> {
    Ok(Json(ops::create_person(&app, &viewer, fields).await?))
}

/// One person.
#[utoipa::path(get, path = "/api/v1/people/{id}", params(("id" = i64, Path)), responses((status = 200, body = PersonView), (status = 404)))]
pub(crate) async fn person(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<PersonView> {
    Ok(Json(ops::person(&app, &viewer, id).await?.0))
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
        ops::update_person(&app, &viewer, id, u.version, u.fields).await?,
    ))
}

/// A person's placements, newest first.
#[utoipa::path(get, path = "/api/v1/people/{id}/placements", params(("id" = i64, Path)), responses((status = 200, body = Vec<Placement>)))]
pub(crate) async fn placements(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<Vec<Placement>> {
    Ok(Json(ops::person(&app, &viewer, id).await?.0.placements))
}

/// Records a placement (HR).
#[utoipa::path(post, path = "/api/v1/people/{id}/placements", params(("id" = i64, Path)), request_body = NewPlacement, responses((status = 200, body = Placement)))]
pub(crate) async fn place(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(new): Json<NewPlacement>,
) -> Api<Placement> {
    Ok(Json(ops::place(&app, &viewer, id, new).await?))
}

/// Everything held about a person (themselves or HR).
#[utoipa::path(get, path = "/api/v1/people/{id}/export", params(("id" = i64, Path)), responses((status = 200, body = Object)))]
pub(crate) async fn export(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<serde_json::Value> {
    Ok(Json(ops::export(&app, &viewer, id).await?))
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
    let outcome = ops::import_roster(
        &app,
        &viewer,
        &body,
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

/// Every rollout, newest first.
#[utoipa::path(get, path = "/api/v1/rollouts", responses((status = 200, body = Vec<Rollout>)))]
pub(crate) async fn rollouts(State(app): State<App>, _viewer: Viewer) -> Api<Vec<Rollout>> {
    Ok(Json(app.store.rollouts().await?))
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
    Ok(Json(ops::open_rollout(&app, &viewer, &new.name).await?))
}

/// A rollout's progress and the entries the caller can see.
#[utoipa::path(get, path = "/api/v1/rollouts/{id}", params(("id" = i64, Path), EntriesQuery), responses((status = 200, body = RolloutView), (status = 404)))]
pub(crate) async fn rollout(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Query(q): Query<EntriesQuery>,
) -> Api<RolloutView> {
    let filter = crate::routes::pages::RolloutQuery::from(&q).filter()?;
    let view = ops::rollout(&app, &viewer, Some(id), &filter, q.page.unwrap_or(0)).await?;
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
        ops::propose(
            &app,
            &viewer,
            id,
            person,
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
        ops::confirm(&app, &viewer, id, person, step.version).await?,
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
        ops::acknowledge(&app, &viewer, id, person, step.version, &step.note).await?,
    ))
}

/// A page of the audit log.
#[derive(Debug, Deserialize, IntoParams)]
pub(crate) struct AuditQuery {
    /// Entries before this sequence number (newest first).
    before: Option<i64>,
    /// How many (at most 1000).
    limit: Option<i64>,
}

/// The audit log, newest first (admin).
#[utoipa::path(get, path = "/api/v1/audit", params(AuditQuery), responses((status = 200, body = Vec<AuditEntry>), (status = 403)))]
pub(crate) async fn audit(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<AuditQuery>,
) -> Api<Vec<AuditEntry>> {
    Ok(Json(
        ops::audit(&app, &viewer, q.before, q.limit.unwrap_or(100)).await?,
    ))
}

/// Checks the audit chain (admin).
#[utoipa::path(get, path = "/api/v1/audit/verify", responses((status = 200, body = Verification), (status = 403)))]
pub(crate) async fn verify(State(app): State<App>, viewer: Viewer) -> Api<Verification> {
    Ok(Json(ops::verify(&app, &viewer).await?))
}

/// The outcome of a reload.
#[derive(Debug, serde::Serialize, ToSchema)]
pub(crate) struct Reloaded {
    /// The revision now in use.
    revision: Option<String>,
    /// The errors that kept the previous revision in use.
    errors: Vec<String>,
}

/// Reloads the framework (admin). 422 with the errors when it has some; the
/// previous revision keeps serving.
#[utoipa::path(post, path = "/api/v1/framework/reload", responses((status = 200, body = Reloaded), (status = 422, body = Reloaded)))]
pub(crate) async fn reload(
    State(app): State<App>,
    viewer: Viewer,
) -> Result<(axum::http::StatusCode, Json<Reloaded>), ApiError> {
    Ok(match ops::reload(&app, &viewer).await? {
        Ok(revision) => (
            axum::http::StatusCode::OK,
            Json(Reloaded {
                revision: Some(revision),
                errors: Vec::new(),
            }),
        ),
        Err(errors) => (
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            Json(Reloaded {
                revision: None,
                errors,
            }),
        ),
    })
}
