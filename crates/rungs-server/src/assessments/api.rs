//! The assessments' API.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use utoipa::ToSchema;

use rungs_store::model::Assessment;

use super::commands::{self, Given, Step};
use super::cycles::{self, CycleDetail, CycleView};
use super::sheet::SheetReport;
use super::view::{self, AssessmentView};
use crate::access;
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::state::App;
use crate::web::{Api, ApiError};

// The API.

/// A person's assessments.
#[utoipa::path(get, operation_id = "api_list", path = "/api/v1/people/{id}/assessments", params(("id" = i64, Path)), responses((status = 200, body = Vec<Assessment>), (status = 404)))]
pub(crate) async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<Vec<Assessment>> {
    Ok(Json(
        super::list(&app, &access::read(&app, &viewer, id).await?).await?,
    ))
}

/// The level to assess against.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct OpenRequest {
    /// Track id.
    track: String,
    /// Level id.
    level: String,
}

/// Opens an assessment of a person against a level.
#[utoipa::path(post, operation_id = "api_open", path = "/api/v1/people/{id}/assessments", params(("id" = i64, Path)), request_body = OpenRequest, responses((status = 200, body = AssessmentView), (status = 404), (status = 422)))]
pub(crate) async fn open(
    State(app): State<App>,
    viewer: Viewer,
    Path(person): Path<i64>,
    Json(r): Json<OpenRequest>,
) -> Api<AssessmentView> {
    let id = super::open(
        &app,
        &access::read(&app, &viewer, person).await?,
        &r.track,
        &r.level,
    )
    .await?;
    Ok(Json(
        view::view(&app, &access::assessment(&app, &viewer, id).await?).await?,
    ))
}

/// An assessment as the caller may see it: ratings by area, carried
/// ratings marked, readiness with its reasons.
#[utoipa::path(get, operation_id = "api_view", path = "/api/v1/assessments/{id}", params(("id" = i64, Path)), responses((status = 200, body = AssessmentView), (status = 404)))]
pub(crate) async fn view(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<AssessmentView> {
    Ok(Json(
        view::view(&app, &access::assessment(&app, &viewer, id).await?).await?,
    ))
}

/// One rating to save.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct RatingRequest {
    /// Statement id (of the assessed level).
    statement: String,
    /// A step's words or number, `n/a`, or empty for unrated.
    #[serde(default)]
    rating: String,
    /// Comment (left out: the stored one is kept).
    #[serde(default)]
    comment: Option<String>,
    /// Evidence (left out: the stored one is kept).
    #[serde(default)]
    evidence: Option<String>,
}

/// Ratings to save, at the version they were made on.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct RatingsRequest {
    /// The assessment's `version`.
    version: i64,
    /// The ratings.
    ratings: Vec<RatingRequest>,
}

/// Saves the caller's side of the ratings (the person's or the assessing
/// manager's); 409 when the assessment changed since `version` or the side
/// is submitted.
#[utoipa::path(put, operation_id = "api_rate", path = "/api/v1/assessments/{id}/ratings", params(("id" = i64, Path)), request_body = RatingsRequest, responses((status = 200, body = AssessmentView), (status = 409), (status = 422)))]
pub(crate) async fn rate(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(r): Json<RatingsRequest>,
) -> Api<AssessmentView> {
    let given: Vec<Given> = r
        .ratings
        .into_iter()
        .map(|x| Given {
            statement: x.statement,
            rating: x.rating,
            comment: x.comment,
            evidence: x.evidence,
        })
        .collect();
    commands::rate(
        &app,
        &access::assessment(&app, &viewer, id).await?,
        r.version,
        &given,
    )
    .await?;
    // Read again: the version moved on.
    Ok(Json(
        view::view(&app, &access::assessment(&app, &viewer, id).await?).await?,
    ))
}

/// A step in an assessment's life.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct StepRequest {
    /// `submit`, `share`, `acknowledge` or `revise`.
    step: String,
    /// The assessment's `version`.
    version: i64,
    /// The acknowledgement's note, or the reason for a revision.
    #[serde(default)]
    text: String,
}

/// Submits, shares, acknowledges or revises an assessment; returns the
/// assessment (a revision's new version).
#[utoipa::path(post, operation_id = "api_step", path = "/api/v1/assessments/{id}/step", params(("id" = i64, Path)), request_body = StepRequest, responses((status = 200, body = AssessmentView), (status = 403), (status = 409)))]
pub(crate) async fn step(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(r): Json<StepRequest>,
) -> Api<AssessmentView> {
    let step = match r.step.as_str() {
        "submit" => Step::Submit,
        "share" => Step::Share,
        "acknowledge" => Step::Acknowledge(r.text),
        "revise" => Step::Revise(r.text),
        other => {
            return Err(ApiError(ServerError::Invalid(format!(
                "`{other}` is not a step: submit, share, acknowledge or revise"
            ))));
        }
    };
    let next = commands::step(
        &app,
        &access::assessment(&app, &viewer, id).await?,
        r.version,
        step,
    )
    .await?;
    Ok(Json(
        view::view(&app, &access::assessment(&app, &viewer, next).await?).await?,
    ))
}

/// Imports a filled sheet (CSV body): rows by `statement_id`, every
/// mismatch reported, nothing saved when a row is wrong.
#[utoipa::path(post, operation_id = "api_sheet", path = "/api/v1/assessments/{id}/sheet", params(("id" = i64, Path)), request_body(content = String, content_type = "text/csv"), responses((status = 200, body = SheetReport), (status = 422)))]
pub(crate) async fn sheet(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Api<SheetReport> {
    Ok(Json(
        super::sheet::import_sheet(&app, &access::assessment(&app, &viewer, id).await?, &body)
            .await?,
    ))
}

// Cycles.

/// Every cycle with its progress (HR).
#[utoipa::path(get, path = "/api/v1/cycles", responses((status = 200, body = Vec<CycleView>), (status = 403)))]
pub(crate) async fn cycles(State(app): State<App>, viewer: Viewer) -> Api<Vec<CycleView>> {
    Ok(Json(cycles::cycles(&app, &access::hr(&viewer)?).await?))
}

/// A cycle to open.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct NewCycle {
    /// A name people recognise ("Spring review").
    name: String,
    /// `own` (their current level) or `next`.
    target: String,
    /// Only the reporting lines of the person with this email.
    #[serde(default)]
    manager_email: String,
    /// Self-assessments due, `YYYY-MM-DD`.
    #[serde(default)]
    self_due: String,
    /// Manager assessments due, `YYYY-MM-DD`.
    #[serde(default)]
    manager_due: String,
}

/// A cycle just opened.
#[derive(Debug, serde::Serialize, ToSchema)]
pub(crate) struct OpenedCycle {
    /// Its id.
    id: i64,
    /// Assessments opened.
    assessments: usize,
    /// People left out (see the cycle for who and why).
    left_out: usize,
}

/// Opens a cycle: an assessment for every active, placed person (HR).
#[utoipa::path(post, path = "/api/v1/cycles", request_body = NewCycle, responses((status = 200, body = OpenedCycle), (status = 403), (status = 422)))]
pub(crate) async fn open_cycle(
    State(app): State<App>,
    viewer: Viewer,
    Json(new): Json<NewCycle>,
) -> Api<OpenedCycle> {
    let form = cycles::CycleForm {
        name: new.name,
        target: new.target,
        manager_email: new.manager_email,
        self_due: new.self_due,
        manager_due: new.manager_due,
    };
    let (id, assessments, left_out) =
        cycles::open_cycle(&app, &access::hr(&viewer)?, &form).await?;
    Ok(Json(OpenedCycle {
        id,
        assessments,
        left_out,
    }))
}

/// A cycle in full: progress, who still owes their side and who is late,
/// who was left out and why, the reminders sent (HR).
#[utoipa::path(get, path = "/api/v1/cycles/{id}", params(("id" = i64, Path)), responses((status = 200, body = CycleDetail), (status = 403), (status = 404)))]
pub(crate) async fn cycle(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<CycleDetail> {
    Ok(Json(cycles::cycle(&app, &access::hr(&viewer)?, id).await?))
}

/// Whom a reminder went to.
#[derive(Debug, serde::Serialize, ToSchema)]
pub(crate) struct ReminderSent {
    /// The people reminded, by id.
    people: Vec<i64>,
    /// How many of them were emailed (with email configured: those who can
    /// sign in and did not turn email off).
    emailed: usize,
}

/// Reminds everyone who still owes their side in an open cycle (HR); the
/// reminder is recorded in the audit log and, with email configured,
/// emailed.
#[utoipa::path(post, path = "/api/v1/cycles/{id}/remind", params(("id" = i64, Path)), responses((status = 200, body = ReminderSent), (status = 403), (status = 409)))]
pub(crate) async fn remind_cycle(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<ReminderSent> {
    let (people, emailed) = cycles::remind(&app, &access::hr(&viewer)?, id).await?;
    Ok(Json(ReminderSent { people, emailed }))
}

/// Closes a cycle (HR): reminders stop; its assessments stay.
#[utoipa::path(post, path = "/api/v1/cycles/{id}/close", params(("id" = i64, Path)), responses((status = 200, body = CycleDetail), (status = 403), (status = 409)))]
pub(crate) async fn close_cycle(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<CycleDetail> {
    let hr = access::hr(&viewer)?;
    cycles::close_cycle(&app, &hr, id).await?;
    Ok(Json(cycles::cycle(&app, &hr, id).await?))
}
