//! Pages and API of assessments, growth plans, 1-on-1 notes, team views
//! and cycles. The work is in `assessments`, `growth` and `team`; these
//! handlers translate forms and JSON.

use axum::extract::{Multipart, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect};
use axum::{Form, Json};
use serde::Deserialize;
use utoipa::ToSchema;

use rungs_store::model::{Assessment, GoalStatus};

use super::ApiError;
use super::pages::{Page, form_error, render, split_level};
use crate::assessments::{self, AssessmentView, Given, SheetReport, Step};
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::growth::{self, CycleForm, Growth};
use crate::state::App;
use crate::team::{self, Aggregates, Filter, Heatmap};

type Api<T> = Result<Json<T>, ApiError>;

/// The assessment page: the viewer's side as a form while they may edit
/// it, both sides side by side once shared.
pub(crate) async fn assessment(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Page {
    assessment_page(&app, &viewer, id, None, None).await
}

async fn assessment_page(
    app: &App,
    viewer: &Viewer,
    id: i64,
    flash: Option<String>,
    error: Option<String>,
) -> Page {
    let view = assessments::view(app, viewer, id).await?;
    let title = format!(
        "{} · {}",
        view.person.name,
        view.level
            .as_ref()
            .map_or_else(|| view.assessment.level.clone(), |l| l.title.clone())
    );
    render(
        app,
        Some(viewer),
        "assessment.html",
        "growth",
        &title,
        ctx! { a => view, flash, error },
    )
    .await
}

/// The printable assessment: one clean document for a promotion
/// conversation.
pub(crate) async fn print(State(app): State<App>, viewer: Viewer, Path(id): Path<i64>) -> Page {
    let view = assessments::view(&app, &viewer, id).await?;
    let title = format!("Assessment of {}", view.person.name);
    render(
        &app,
        Some(&viewer),
        "assessment_print.html",
        "growth",
        &title,
        ctx! { a => view, printed => rungs_store::today() },
    )
    .await
}

/// The rating form: `rating.ID`, `comment.ID`, `evidence.ID` per
/// statement, the version, and `action` (`save` or `submit`).
pub(crate) async fn rate(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Page {
    let mut version = 0;
    let mut submit = false;
    let mut given: Vec<Given> = Vec::new();
    for (name, value) in fields {
        let slot = |given: &mut Vec<Given>, sid: &str| -> usize {
            match given.iter().position(|g| g.statement == sid) {
                Some(i) => i,
                None => {
                    given.push(Given {
                        statement: sid.to_string(),
                        ..Given::default()
                    });
                    given.len() - 1
                }
            }
        };
        if name == "version" {
            version = value.trim().parse().unwrap_or(0);
        } else if name == "action" {
            submit = value == "submit";
        } else if let Some(sid) = name.strip_prefix("rating.") {
            let i = slot(&mut given, sid);
            given[i].rating = value;
        } else if let Some(sid) = name.strip_prefix("comment.") {
            let i = slot(&mut given, sid);
            given[i].comment = Some(value);
        } else if let Some(sid) = name.strip_prefix("evidence.") {
            let i = slot(&mut given, sid);
            given[i].evidence = Some(value);
        }
    }
    let result = async {
        let changed = assessments::rate(&app, &viewer, id, version, &given).await?;
        if submit {
            // The version moved on if anything was saved.
            let now = app
                .store
                .assessment(id)
                .await?
                .map_or(version, |a| a.version);
            assessments::step(&app, &viewer, id, now, Step::Submit).await?;
            return Ok::<_, ServerError>("Submitted.".to_string());
        }
        Ok(format!("Saved ({changed} changed)."))
    }
    .await;
    match result {
        Ok(flash) => assessment_page(&app, &viewer, id, Some(flash), None).await,
        Err(e) => {
            let status = e.status();
            let page = assessment_page(&app, &viewer, id, None, Some(form_error(e)?)).await?;
            Ok((status, page).into_response())
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct StepForm {
    #[serde(default)]
    version: i64,
    #[serde(default)]
    text: String,
}

async fn step_page(app: &App, viewer: &Viewer, id: i64, version: i64, step: Step) -> Page {
    match assessments::step(app, viewer, id, version, step).await {
        Ok(next) => Ok(Redirect::to(&format!("/app/assessments/{next}")).into_response()),
        Err(e) => {
            let status = e.status();
            let page = assessment_page(app, viewer, id, None, Some(form_error(e)?)).await?;
            Ok((status, page).into_response())
        }
    }
}

pub(crate) async fn share(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<StepForm>,
) -> Page {
    step_page(&app, &viewer, id, f.version, Step::Share).await
}

pub(crate) async fn acknowledge(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<StepForm>,
) -> Page {
    step_page(&app, &viewer, id, f.version, Step::Acknowledge(f.text)).await
}

pub(crate) async fn revise(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<StepForm>,
) -> Page {
    step_page(&app, &viewer, id, f.version, Step::Revise(f.text)).await
}

/// The viewer's side as CSV, to fill offline.
pub(crate) async fn sheet(State(app): State<App>, viewer: Viewer, Path(id): Path<i64>) -> Page {
    let (name, text) = assessments::sheet(&app, &viewer, id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        text,
    )
        .into_response())
}

/// Reads the `file` field of an upload.
async fn upload(mut form: Multipart) -> Result<Vec<u8>, ServerError> {
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| ServerError::Invalid(format!("the upload is malformed: {e}")))?
    {
        if field.name() == Some("file") {
            return Ok(field
                .bytes()
                .await
                .map_err(|e| ServerError::Invalid(format!("the upload failed: {e}")))?
                .to_vec());
        }
    }
    Err(ServerError::Invalid("choose a file to import".into()))
}

/// Imports a filled sheet.
pub(crate) async fn import_sheet(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    form: Multipart,
) -> Page {
    let result = async {
        let bytes = upload(form).await?;
        assessments::import_sheet(&app, &viewer, id, &bytes).await
    }
    .await;
    match result {
        Ok(r) => {
            let mut flash = format!("Imported {} rows: {} ratings changed.", r.rows, r.changed);
            if !r.missing.is_empty() {
                flash.push_str(&format!(
                    " Not in the sheet, kept as they were: {}.",
                    r.missing.join(", ")
                ));
            }
            if !r.reworded.is_empty() {
                flash.push_str(&format!(
                    " Worded differently in the sheet than in the ladder now (rated against the ladder's words): {}.",
                    r.reworded.join(", ")
                ));
            }
            assessment_page(&app, &viewer, id, Some(flash), None).await
        }
        Err(e) => {
            let status = e.status();
            let page = assessment_page(&app, &viewer, id, None, Some(form_error(e)?)).await?;
            Ok((status, page).into_response())
        }
    }
}

/// A person's growth page: assessments, goals, notes, timeline.
pub(crate) async fn growth_page(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Page {
    growth_render(&app, &viewer, id, None).await
}

async fn growth_render(app: &App, viewer: &Viewer, id: i64, error: Option<String>) -> Page {
    let (person, _) = crate::ops::person(app, viewer, id).await?;
    let growth = growth::growth(app, viewer, id).await?;
    let title = if id == viewer.person.id {
        "My growth".to_string()
    } else {
        format!("Growth · {}", person.person.name)
    };
    let nav = if id == viewer.person.id {
        "growth"
    } else {
        "team"
    };
    render(
        app,
        Some(viewer),
        "growth.html",
        nav,
        &title,
        ctx! { p => person, g => growth, levels => app.ladder().all_levels(), error },
    )
    .await
}

#[derive(Deserialize)]
pub(crate) struct OpenForm {
    level: String,
}

/// Opens an assessment of a person against a level.
pub(crate) async fn open(
    State(app): State<App>,
    viewer: Viewer,
    Path(person): Path<i64>,
    Form(f): Form<OpenForm>,
) -> Page {
    let (track, level) = split_level(&f.level)?;
    let id = assessments::open(&app, &viewer, person, track, level).await?;
    Ok(Redirect::to(&format!("/app/assessments/{id}")).into_response())
}

#[derive(Deserialize)]
pub(crate) struct GoalForm {
    statement: String,
    goal: String,
    #[serde(default)]
    actions: String,
    #[serde(default)]
    target_date: String,
}

pub(crate) async fn add_goal(
    State(app): State<App>,
    viewer: Viewer,
    Path(person): Path<i64>,
    Form(f): Form<GoalForm>,
) -> Page {
    match growth::add_goal(
        &app,
        &viewer,
        person,
        &f.statement,
        &f.goal,
        &f.actions,
        Some(f.target_date.as_str()),
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/app/people/{person}/growth")).into_response()),
        Err(e) => {
            let status = e.status();
            let page = growth_render(&app, &viewer, person, Some(form_error(e)?)).await?;
            Ok((status, page).into_response())
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct GoalStatusForm {
    status: String,
    version: i64,
}

pub(crate) async fn goal_status(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<GoalStatusForm>,
) -> Page {
    let status = GoalStatus::parse(&f.status)
        .ok_or_else(|| ServerError::Invalid(format!("`{}` is not a goal status", f.status)))?;
    let person = growth::set_goal_status(&app, &viewer, id, status, f.version).await?;
    Ok(Redirect::to(&format!("/app/people/{person}/growth")).into_response())
}

#[derive(Deserialize)]
pub(crate) struct NoteForm {
    body: String,
    #[serde(default)]
    goal: String,
}

pub(crate) async fn add_note(
    State(app): State<App>,
    viewer: Viewer,
    Path(person): Path<i64>,
    Form(f): Form<NoteForm>,
) -> Page {
    let goal = f.goal.trim().parse().ok();
    match growth::add_note(&app, &viewer, person, goal, &f.body).await {
        Ok(_) => Ok(Redirect::to(&format!("/app/people/{person}/growth#notes")).into_response()),
        Err(e) => {
            let status = e.status();
            let page = growth_render(&app, &viewer, person, Some(form_error(e)?)).await?;
            Ok((status, page).into_response())
        }
    }
}

/// Filters of the team page.
#[derive(Debug, Deserialize, Default, utoipa::IntoParams)]
pub(crate) struct TeamQuery {
    /// Only people at this level (`track/level`).
    #[serde(default)]
    level: String,
    /// Only people on this track.
    #[serde(default)]
    track: String,
    /// HR: this manager's team.
    #[serde(default)]
    manager: Option<i64>,
}

impl TeamQuery {
    fn filter(&self) -> Filter {
        Filter {
            level: self.level.clone(),
            track: self.track.clone(),
            manager: self.manager,
        }
    }
}

pub(crate) async fn team_page(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<TeamQuery>,
) -> Page {
    let map = team::heatmap(&app, &viewer, &q.filter()).await?;
    let query =
        serde_urlencoded::to_string([("level", q.level.as_str()), ("track", q.track.as_str())])
            .unwrap_or_default();
    render(
        &app,
        Some(&viewer),
        "team.html",
        "team",
        "Team",
        ctx! { map, level => q.level, track => q.track, manager => q.manager, query },
    )
    .await
}

pub(crate) async fn team_csv(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<TeamQuery>,
) -> Page {
    let map = team::heatmap(&app, &viewer, &q.filter()).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"team.csv\"",
            ),
        ],
        team::heatmap_csv(&map)?,
    )
        .into_response())
}

pub(crate) async fn insights(State(app): State<App>, viewer: Viewer) -> Page {
    let agg = team::aggregates(&app, &viewer).await?;
    render(
        &app,
        Some(&viewer),
        "insights.html",
        "insights",
        "Readiness by level",
        ctx! { agg },
    )
    .await
}

pub(crate) async fn cycles(State(app): State<App>, viewer: Viewer) -> Page {
    cycles_render(&app, &viewer, None, None).await
}

async fn cycles_render(
    app: &App,
    viewer: &Viewer,
    flash: Option<String>,
    error: Option<String>,
) -> Page {
    let cycles = growth::cycles(app, viewer).await?;
    render(
        app,
        Some(viewer),
        "cycles.html",
        "cycles",
        "Assessment cycles",
        ctx! { cycles, flash, error },
    )
    .await
}

#[derive(Deserialize)]
pub(crate) struct CycleFields {
    name: String,
    target: String,
    #[serde(default)]
    manager_email: String,
    #[serde(default)]
    self_due: String,
    #[serde(default)]
    manager_due: String,
}

pub(crate) async fn open_cycle(
    State(app): State<App>,
    viewer: Viewer,
    Form(f): Form<CycleFields>,
) -> Page {
    let form = CycleForm {
        name: f.name,
        target: f.target,
        manager_email: f.manager_email,
        self_due: f.self_due,
        manager_due: f.manager_due,
    };
    match growth::open_cycle(&app, &viewer, &form).await {
        Ok((_, opened, skipped)) => {
            let mut flash = format!("Cycle opened: {opened} assessments.");
            if skipped > 0 {
                flash.push_str(&format!(
                    " {skipped} people were left out: not placed yet, or no next level."
                ));
            }
            cycles_render(&app, &viewer, Some(flash), None).await
        }
        Err(e) => {
            let status = e.status();
            let page = cycles_render(&app, &viewer, None, Some(form_error(e)?)).await?;
            Ok((status, page).into_response())
        }
    }
}

pub(crate) async fn close_cycle(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Page {
    growth::close_cycle(&app, &viewer, id).await?;
    Ok(Redirect::to("/app/cycles").into_response())
}

// The API.

/// A person's assessments.
#[utoipa::path(get, path = "/api/v1/people/{id}/assessments", params(("id" = i64, Path)), responses((status = 200, body = Vec<Assessment>), (status = 404)))]
pub(crate) async fn api_list(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<Vec<Assessment>> {
    Ok(Json(assessments::list(&app, &viewer, id).await?))
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
#[utoipa::path(post, path = "/api/v1/people/{id}/assessments", params(("id" = i64, Path)), request_body = OpenRequest, responses((status = 200, body = AssessmentView), (status = 404), (status = 422)))]
pub(crate) async fn api_open(
    State(app): State<App>,
    viewer: Viewer,
    Path(person): Path<i64>,
    Json(r): Json<OpenRequest>,
) -> Api<AssessmentView> {
    let id = assessments::open(&app, &viewer, person, &r.track, &r.level).await?;
    Ok(Json(assessments::view(&app, &viewer, id).await?))
}

/// An assessment as the caller may see it: ratings by area, carried
/// ratings marked, readiness with its reasons.
#[utoipa::path(get, path = "/api/v1/assessments/{id}", params(("id" = i64, Path)), responses((status = 200, body = AssessmentView), (status = 404)))]
pub(crate) async fn api_view(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<AssessmentView> {
    Ok(Json(assessments::view(&app, &viewer, id).await?))
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
#[utoipa::path(put, path = "/api/v1/assessments/{id}/ratings", params(("id" = i64, Path)), request_body = RatingsRequest, responses((status = 200, body = AssessmentView), (status = 409), (status = 422)))]
pub(crate) async fn api_rate(
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
    assessments::rate(&app, &viewer, id, r.version, &given).await?;
    Ok(Json(assessments::view(&app, &viewer, id).await?))
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
#[utoipa::path(post, path = "/api/v1/assessments/{id}/step", params(("id" = i64, Path)), request_body = StepRequest, responses((status = 200, body = AssessmentView), (status = 403), (status = 409)))]
pub(crate) async fn api_step(
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
    let next = assessments::step(&app, &viewer, id, r.version, step).await?;
    Ok(Json(assessments::view(&app, &viewer, next).await?))
}

/// Imports a filled sheet (CSV body): rows by `statement_id`, every
/// mismatch reported, nothing saved when a row is wrong.
#[utoipa::path(post, path = "/api/v1/assessments/{id}/sheet", params(("id" = i64, Path)), request_body(content = String, content_type = "text/csv"), responses((status = 200, body = SheetReport), (status = 422)))]
pub(crate) async fn api_sheet(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Api<SheetReport> {
    Ok(Json(
        assessments::import_sheet(&app, &viewer, id, &body).await?,
    ))
}

/// A person's goals, notes (where the caller may read them), suggestions
/// and timeline.
#[utoipa::path(get, path = "/api/v1/people/{id}/growth", params(("id" = i64, Path)), responses((status = 200, body = Growth), (status = 404)))]
pub(crate) async fn api_growth(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<Growth> {
    Ok(Json(growth::growth(&app, &viewer, id).await?))
}

/// The caller's team as a heatmap (HR: any manager's, with `manager`).
#[utoipa::path(get, path = "/api/v1/team", params(TeamQuery), responses((status = 200, body = Heatmap)))]
pub(crate) async fn api_team(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<TeamQuery>,
) -> Api<Heatmap> {
    Ok(Json(team::heatmap(&app, &viewer, &q.filter()).await?))
}

/// Readiness per track and level, without names (HR).
#[utoipa::path(get, path = "/api/v1/insights", responses((status = 200, body = Aggregates), (status = 403)))]
pub(crate) async fn api_insights(State(app): State<App>, viewer: Viewer) -> Api<Aggregates> {
    Ok(Json(team::aggregates(&app, &viewer).await?))
}
