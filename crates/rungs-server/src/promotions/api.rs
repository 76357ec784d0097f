//! The promotions' API: cases (the packet as JSON), feedback requests and
//! answers, comments and votes, decisions, calibration sessions.

use axum::Json;
use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use rungs_store::model::{CalibrationSession, Case, FeedbackRequest};

use super::view::{self, CaseView, SessionView};
use crate::access::{self, CasePart};
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::state::App;
use crate::web::Api;

/// Done.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Done {
    /// The id of what was made or changed.
    id: i64,
}

/// A person's cases the caller may see, newest first.
#[utoipa::path(get, operation_id = "promotions_list", path = "/api/v1/people/{id}/promotions", params(("id" = i64, Path)), responses((status = 200, body = Vec<Case>), (status = 404)))]
pub(crate) async fn list(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<Vec<Case>> {
    access::read(&app, &viewer, id).await?;
    let mut out = Vec::new();
    for c in app.store.cases_of(id).await? {
        if access::case(&app, &viewer, c.id).await.is_ok() {
            out.push(c);
        }
    }
    Ok(Json(out))
}

/// The target level of a new case.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct OpenCase {
    /// Track id.
    track: String,
    /// Level id.
    level: String,
}

/// Opens a promotion case (a draft).
#[utoipa::path(post, operation_id = "promotions_open", path = "/api/v1/people/{id}/promotions", params(("id" = i64, Path)), request_body = OpenCase, responses((status = 200, body = CaseView), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub(crate) async fn open(
    State(app): State<App>,
    viewer: Viewer,
    Path(person): Path<i64>,
    Json(r): Json<OpenCase>,
) -> Api<CaseView> {
    let id = super::open(
        &app,
        &access::nominate(&app, &viewer, person).await?,
        &r.track,
        &r.level,
    )
    .await?;
    Ok(Json(
        view::case_view(&app, &access::case(&app, &viewer, id).await?).await?,
    ))
}

/// The packet: the case as the caller may see it.
#[utoipa::path(get, operation_id = "promotions_case", path = "/api/v1/promotions/{id}", params(("id" = i64, Path)), responses((status = 200, body = CaseView), (status = 404)))]
pub(crate) async fn case(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<CaseView> {
    Ok(Json(
        view::case_view(&app, &access::case(&app, &viewer, id).await?).await?,
    ))
}

/// A draft's words.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct EditCase {
    /// The version read.
    version: i64,
    /// The narrative (absent: unchanged).
    narrative: Option<String>,
    /// The manager's recommendation (absent: unchanged).
    recommendation: Option<String>,
}

/// Changes a draft's narrative and recommendation.
#[utoipa::path(put, operation_id = "promotions_edit", path = "/api/v1/promotions/{id}", params(("id" = i64, Path)), request_body = EditCase, responses((status = 200, body = CaseView), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub(crate) async fn edit(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(r): Json<EditCase>,
) -> Api<CaseView> {
    let w = access::case_write(&app, &viewer, id, CasePart::Draft).await?;
    super::edit(
        &app,
        &w,
        r.version,
        r.narrative.as_deref(),
        r.recommendation.as_deref(),
    )
    .await?;
    Ok(Json(
        view::case_view(&app, &access::case(&app, &viewer, id).await?).await?,
    ))
}

/// An evidence link about a statement of the target level.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct AddEvidence {
    /// Statement id.
    statement: String,
    /// Link.
    url: String,
    /// What it shows.
    #[serde(default)]
    note: String,
}

/// Adds an evidence link.
#[utoipa::path(post, operation_id = "promotions_evidence", path = "/api/v1/promotions/{id}/evidence", params(("id" = i64, Path)), request_body = AddEvidence, responses((status = 200, body = Done), (status = 403), (status = 404), (status = 422)))]
pub(crate) async fn evidence(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(r): Json<AddEvidence>,
) -> Api<Done> {
    let w = access::case_write(&app, &viewer, id, CasePart::Draft).await?;
    super::add_evidence(&app, &w, &r.statement, &r.url, &r.note).await?;
    Ok(Json(Done { id }))
}

/// A feedback request.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct AskFeedback {
    /// The colleague: person id or email.
    peer: String,
    /// Statement or area ids of the target level.
    #[serde(default)]
    about: Vec<String>,
    /// Due date (`YYYY-MM-DD`; default `feedback_days` from today).
    due_date: Option<String>,
}

/// Asks a colleague for feedback on the case.
#[utoipa::path(post, operation_id = "promotions_request_feedback", path = "/api/v1/promotions/{id}/feedback", params(("id" = i64, Path)), request_body = AskFeedback, responses((status = 200, body = Done), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub(crate) async fn request_feedback(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(r): Json<AskFeedback>,
) -> Api<Done> {
    let w = access::case_write(&app, &viewer, id, CasePart::Draft).await?;
    let request =
        super::request_feedback(&app, &w, &r.peer, &r.about, r.due_date.as_deref()).await?;
    Ok(Json(Done { id: request }))
}

/// A step of a case's life.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct CaseStep {
    /// `submit`, `calibrate` (with `session`), `communicate` or `effective`.
    step: String,
    /// The calibration session, for `calibrate`.
    session: Option<i64>,
}

pub(crate) fn step_part(step: &str) -> Result<CasePart, ServerError> {
    match step.trim() {
        "submit" => Ok(CasePart::Submit),
        "calibrate" => Ok(CasePart::Calibrate),
        "communicate" => Ok(CasePart::Communicate),
        "effective" => Ok(CasePart::Effective),
        other => Err(ServerError::Invalid(format!(
            "`{other}` is not a step: submit, calibrate, communicate or effective"
        ))),
    }
}

/// Submits, calibrates, communicates or makes a case effective.
#[utoipa::path(post, operation_id = "promotions_step", path = "/api/v1/promotions/{id}/step", params(("id" = i64, Path)), request_body = CaseStep, responses((status = 200, body = CaseView), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub(crate) async fn step(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(r): Json<CaseStep>,
) -> Api<CaseView> {
    let part = step_part(&r.step)?;
    let w = access::case_write(&app, &viewer, id, part).await?;
    super::step(&app, &w, r.session).await?;
    Ok(Json(
        view::case_view(&app, &access::case(&app, &viewer, id).await?).await?,
    ))
}

/// A reviewer's comment and vote.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct AddComment {
    /// The words (private to the committee).
    #[serde(default)]
    body: String,
    /// `approve` or `not-now`.
    vote: Option<String>,
}

/// Comments and votes on a case in calibration.
#[utoipa::path(post, operation_id = "promotions_comment", path = "/api/v1/promotions/{id}/comments", params(("id" = i64, Path)), request_body = AddComment, responses((status = 200, body = Done), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub(crate) async fn comment(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(r): Json<AddComment>,
) -> Api<Done> {
    let w = access::case_write(&app, &viewer, id, CasePart::Comment).await?;
    super::comment(&app, &w, &r.body, r.vote.as_deref()).await?;
    Ok(Json(Done { id }))
}

/// The chair's decision.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct Decide {
    /// `approved` or `not-now`.
    outcome: String,
    /// Why.
    reasons: String,
    /// What to work on (required for `not-now`).
    #[serde(default)]
    work_on: String,
    /// When an approval takes effect (`YYYY-MM-DD`, default today).
    effective_date: Option<String>,
}

/// Records the decision on a case in calibration.
#[utoipa::path(post, operation_id = "promotions_decide", path = "/api/v1/promotions/{id}/decision", params(("id" = i64, Path)), request_body = Decide, responses((status = 200, body = CaseView), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub(crate) async fn decide(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(r): Json<Decide>,
) -> Api<CaseView> {
    let w = access::case_write(&app, &viewer, id, CasePart::Decide).await?;
    super::decide(
        &app,
        &w,
        &r.outcome,
        &r.reasons,
        &r.work_on,
        r.effective_date.as_deref(),
    )
    .await?;
    Ok(Json(
        view::case_view(&app, &access::case(&app, &viewer, id).await?).await?,
    ))
}

/// The feedback the caller was asked for, newest first.
#[utoipa::path(get, operation_id = "promotions_my_feedback", path = "/api/v1/feedback", responses((status = 200, body = Vec<FeedbackRequest>)))]
pub(crate) async fn my_feedback(
    State(app): State<App>,
    viewer: Viewer,
) -> Api<Vec<FeedbackRequest>> {
    let me = access::own(&viewer);
    Ok(Json(
        app.store.feedback_asked_of(me.viewer().person.id).await?,
    ))
}

/// A peer's answer.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct Answer {
    /// A step of the scale: its words or its number.
    rating: String,
    /// What they saw.
    words: String,
}

/// Answers a feedback request (the colleague asked, once).
#[utoipa::path(post, operation_id = "promotions_answer", path = "/api/v1/feedback/{id}", params(("id" = i64, Path)), request_body = Answer, responses((status = 200, body = Done), (status = 404), (status = 409), (status = 422)))]
pub(crate) async fn answer(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Json(r): Json<Answer>,
) -> Api<Done> {
    let a = access::feedback(&app, &viewer, id).await?;
    super::answer(&app, &a, &r.rating, &r.words).await?;
    Ok(Json(Done { id }))
}

/// Calibration sessions: all of them for HR, a member's own otherwise.
#[utoipa::path(get, operation_id = "promotions_sessions", path = "/api/v1/calibrations", responses((status = 200, body = Vec<CalibrationSession>)))]
pub(crate) async fn sessions(
    State(app): State<App>,
    viewer: Viewer,
) -> Api<Vec<CalibrationSession>> {
    Ok(Json(match access::hr(&viewer) {
        Ok(_) => app.store.calibration_sessions().await?,
        Err(_) => app.store.calibration_sessions_of(viewer.person.id).await?,
    }))
}

/// A session to open.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct OpenSession {
    /// Name.
    name: String,
    /// What it covers (a cycle, an organisation, a level band).
    #[serde(default)]
    scope: String,
    /// The chair: person id or email.
    chair: String,
    /// The committee: person ids or emails.
    #[serde(default)]
    members: Vec<String>,
}

/// Opens a calibration session (HR).
#[utoipa::path(post, operation_id = "promotions_open_session", path = "/api/v1/calibrations", request_body = OpenSession, responses((status = 200, body = Done), (status = 403), (status = 422)))]
pub(crate) async fn open_session(
    State(app): State<App>,
    viewer: Viewer,
    Json(r): Json<OpenSession>,
) -> Api<Done> {
    let hr = access::hr(&viewer)?;
    let id = super::open_session(&app, &hr, &r.name, &r.scope, &r.chair, &r.members).await?;
    Ok(Json(Done { id }))
}

/// A session side by side: readiness, each manager's ratings against the
/// group's (flagged past `flag_difference`), gaps, tenure, peers, votes.
#[utoipa::path(get, operation_id = "promotions_session", path = "/api/v1/calibrations/{id}", params(("id" = i64, Path)), responses((status = 200, body = SessionView), (status = 404)))]
pub(crate) async fn session(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<SessionView> {
    Ok(Json(
        view::session_view(&app, &access::session(&app, &viewer, id).await?).await?,
    ))
}

/// Closes a calibration session (its chair or HR). From then on its cases
/// take no comments, votes or decisions (`409`); undecided ones stay in
/// calibration until HR puts them in another session.
#[utoipa::path(post, operation_id = "promotions_close_session", path = "/api/v1/calibrations/{id}/close", params(("id" = i64, Path)), responses((status = 200, body = CalibrationSession), (status = 403), (status = 404), (status = 409)))]
pub(crate) async fn close_session(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<CalibrationSession> {
    let closing = access::close_session(&app, &viewer, id).await?;
    Ok(Json(super::close_session(&app, &closing).await?))
}
