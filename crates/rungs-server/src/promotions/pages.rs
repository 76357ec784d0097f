//! The promotion pages: the list (cases, feedback asked of the viewer,
//! sessions), a case (the packet, with the forms the viewer may use), its
//! printable packet, a feedback request, calibration sessions.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

use rungs_store::model::CaseState;

use super::api::step_part;
use super::view;
use crate::access::{self, CasePart};
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::phrase::Phrase;
use crate::state::App;
use crate::web::confirm::{self, Confirmation, Confirmed};
use crate::web::{Page, form_failed, render, split_level};

fn to_case(id: i64) -> Page {
    Ok(Redirect::to(&format!("/app/promotions/{id}")).into_response())
}

/// Cases the viewer may read, feedback asked of them, sessions they sit on.
pub(crate) async fn list(State(app): State<App>, viewer: Viewer) -> Page {
    list_page(&app, &viewer, None).await
}

async fn list_page(app: &App, viewer: &Viewer, error: Option<crate::web::FormError>) -> Page {
    let me = viewer.person.id;
    let hr = access::hr(viewer).is_ok();
    let mut candidates = app.store.cases_of(me).await?;
    if hr {
        candidates.extend(app.store.cases_in_states(&CaseState::ALL, 200).await?);
    } else if viewer.manages {
        candidates.extend(app.store.cases_in_states(&CaseState::ALL, 500).await?);
    }
    let sessions = if hr {
        app.store.calibration_sessions().await?
    } else {
        app.store.calibration_sessions_of(me).await?
    };
    for s in &sessions {
        candidates.extend(app.store.cases_in_session(s.id).await?);
    }
    candidates.sort_by_key(|c| std::cmp::Reverse(c.id));
    candidates.dedup_by_key(|c| c.id);
    let mut cases = Vec::new();
    for c in candidates {
        // Only what the rules let the viewer read (a cheap check per case).
        if let Ok(a) = access::case(app, viewer, c.id).await {
            let names = view::people_of(app, &[c.person_id]).await?;
            let target = app
                .ladder()
                .level(&c.track, &c.level)
                .map_or_else(|| format!("{}/{}", c.track, c.level), |l| l.title);
            cases.push(serde_json::json!({
                "id": c.id,
                "person": names.get(&c.person_id).map(|n| n.0.clone()).unwrap_or_default(),
                "target": target,
                "state": c.state.label(),
                "seat": a.seat(),
            }));
        }
    }
    let feedback = app.store.feedback_asked_of(me).await?;
    let mut asked = Vec::new();
    for f in feedback {
        if let Some(c) = app.store.case(f.case_id).await? {
            let names = view::people_of(app, &[c.person_id]).await?;
            asked.push(serde_json::json!({
                "id": f.id,
                "person": names.get(&c.person_id).map(|n| n.0.clone()).unwrap_or_default(),
                "due_date": f.due_date,
                "answered": f.answered_at.is_some(),
            }));
        }
    }
    render(
        app,
        Some(viewer),
        "promotions.html",
        "promotions",
        "Promotions",
        ctx! { cases, asked, sessions, hr, error },
    )
    .await
}

/// The new case form.
#[derive(Debug, Deserialize)]
pub(crate) struct OpenForm {
    /// `track/level`.
    level: String,
}

/// Opens a case from a person's page.
pub(crate) async fn open(
    State(app): State<App>,
    viewer: Viewer,
    Path(person): Path<i64>,
    Form(f): Form<OpenForm>,
) -> Page {
    let nominating = access::nominate(&app, &viewer, person).await?;
    let result = match split_level(&f.level) {
        Ok((track, level)) => super::open(&app, &nominating, track, level).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => to_case(id),
        Err(e) => form_failed(e, |m| list_page(&app, &viewer, Some(m))).await,
    }
}

/// A case's readiness, rule and ratings in the viewer's language.
fn localise(app: &App, viewer: &Viewer, c: &mut view::CaseView) {
    let (ladder, lang) = (app.ladder(), crate::web::language(app, Some(viewer)));
    if let Some(assessment) = c.assessment.as_mut() {
        assessment.localise(&ladder, lang);
    }
    crate::readiness_words::on_page(&ladder, lang, c.readiness.as_mut(), &mut c.rule);
}

/// The case page: the packet with the forms the viewer may use.
pub(crate) async fn case(State(app): State<App>, viewer: Viewer, Path(id): Path<i64>) -> Page {
    case_page(&app, &viewer, id, None).await
}

async fn case_page(
    app: &App,
    viewer: &Viewer,
    id: i64,
    error: Option<crate::web::FormError>,
) -> Page {
    let mut c = view::case_view(app, &access::case(app, viewer, id).await?).await?;
    localise(app, viewer, &mut c);
    let title = format!(
        "{}: promotion to {}",
        c.person.name,
        c.target
            .as_ref()
            .map_or_else(|| c.case.level.clone(), |l| l.title.clone())
    );
    let sessions = if c.can.calibrate {
        app.store
            .calibration_sessions()
            .await?
            .into_iter()
            .filter(|s| s.closed_at.is_none())
            .collect()
    } else {
        Vec::new()
    };
    let statements: Vec<(String, String)> = app
        .ladder()
        .model_level(&c.case.track, &c.case.level)
        .map(|l| {
            l.statements
                .iter()
                .map(|s| (s.id.clone(), s.text.clone()))
                .collect()
        })
        .unwrap_or_default();
    render(
        app,
        Some(viewer),
        "promotion.html",
        "promotions",
        &title,
        ctx! { c, error, sessions, statements, print => false },
    )
    .await
}

/// The printable packet.
pub(crate) async fn packet(State(app): State<App>, viewer: Viewer, Path(id): Path<i64>) -> Page {
    let mut c = view::case_view(&app, &access::case(&app, &viewer, id).await?).await?;
    localise(&app, &viewer, &mut c);
    let title = format!("Promotion packet: {}", c.person.name);
    render(
        &app,
        Some(&viewer),
        "promotion_packet.html",
        "promotions",
        &title,
        ctx! { c, printed => rungs_store::today() },
    )
    .await
}

/// The draft's words.
#[derive(Debug, Deserialize)]
pub(crate) struct EditForm {
    version: i64,
    narrative: Option<String>,
    recommendation: Option<String>,
}

/// Saves a draft's narrative and recommendation.
pub(crate) async fn edit(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<EditForm>,
) -> Page {
    let w = access::case_write(&app, &viewer, id, CasePart::Draft).await?;
    match super::edit(
        &app,
        &w,
        f.version,
        f.narrative.as_deref(),
        f.recommendation.as_deref(),
    )
    .await
    {
        Ok(()) => to_case(id),
        Err(e) => form_failed(e, |m| case_page(&app, &viewer, id, Some(m))).await,
    }
}

/// An evidence link.
#[derive(Debug, Deserialize)]
pub(crate) struct EvidenceForm {
    statement: String,
    url: String,
    #[serde(default)]
    note: String,
}

/// Adds an evidence link.
pub(crate) async fn evidence(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<EvidenceForm>,
) -> Page {
    let w = access::case_write(&app, &viewer, id, CasePart::Draft).await?;
    match super::add_evidence(&app, &w, &f.statement, &f.url, &f.note).await {
        Ok(()) => to_case(id),
        Err(e) => form_failed(e, |m| case_page(&app, &viewer, id, Some(m))).await,
    }
}

/// A feedback request.
#[derive(Debug, Deserialize)]
pub(crate) struct FeedbackForm {
    peer: String,
    #[serde(default)]
    about: String,
    due_date: Option<String>,
}

/// Asks a colleague for feedback.
pub(crate) async fn request_feedback(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<FeedbackForm>,
) -> Page {
    let w = access::case_write(&app, &viewer, id, CasePart::Draft).await?;
    let about: Vec<String> = f
        .about
        .split([',', '\n', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    match super::request_feedback(&app, &w, &f.peer, &about, f.due_date.as_deref()).await {
        Ok(_) => to_case(id),
        Err(e) => form_failed(e, |m| case_page(&app, &viewer, id, Some(m))).await,
    }
}

/// A step.
#[derive(Debug, Deserialize)]
pub(crate) struct StepForm {
    step: String,
    session: Option<i64>,
}

/// Submits, calibrates, communicates or makes a case effective.
pub(crate) async fn step(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<StepForm>,
) -> Page {
    let w = access::case_write(&app, &viewer, id, step_part(&f.step)?).await?;
    match super::step(&app, &w, f.session).await {
        Ok(()) => to_case(id),
        Err(e) => form_failed(e, |m| case_page(&app, &viewer, id, Some(m))).await,
    }
}

/// A comment and vote.
#[derive(Debug, Deserialize)]
pub(crate) struct CommentForm {
    #[serde(default)]
    body: String,
    vote: Option<String>,
}

/// Comments and votes.
pub(crate) async fn comment(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<CommentForm>,
) -> Page {
    let w = access::case_write(&app, &viewer, id, CasePart::Comment).await?;
    match super::comment(&app, &w, &f.body, f.vote.as_deref()).await {
        Ok(()) => to_case(id),
        Err(e) => form_failed(e, |m| case_page(&app, &viewer, id, Some(m))).await,
    }
}

/// The decision form.
#[derive(Debug, Deserialize)]
pub(crate) struct DecideForm {
    outcome: String,
    reasons: String,
    #[serde(default)]
    work_on: String,
    effective_date: Option<String>,
}

/// Records the decision.
pub(crate) async fn decide(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<DecideForm>,
) -> Page {
    let w = access::case_write(&app, &viewer, id, CasePart::Decide).await?;
    match super::decide(
        &app,
        &w,
        &f.outcome,
        &f.reasons,
        &f.work_on,
        f.effective_date.as_deref(),
    )
    .await
    {
        Ok(()) => to_case(id),
        Err(e) => form_failed(e, |m| case_page(&app, &viewer, id, Some(m))).await,
    }
}

/// A feedback request, for the colleague asked.
pub(crate) async fn feedback(State(app): State<App>, viewer: Viewer, Path(id): Path<i64>) -> Page {
    feedback_page(&app, &viewer, id, None).await
}

async fn feedback_page(
    app: &App,
    viewer: &Viewer,
    id: i64,
    error: Option<crate::web::FormError>,
) -> Page {
    let a = access::feedback(app, viewer, id).await?;
    let request = a.request().clone();
    let case = app
        .store
        .case(request.case_id)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("feedback request {id}")))?;
    let ladder = app.ladder();
    let names = view::people_of(app, &[case.person_id]).await?;
    let person = names
        .get(&case.person_id)
        .map(|n| n.0.clone())
        .unwrap_or_default();
    let level = ladder.model_level(&case.track, &case.level);
    let about: Vec<String> = request
        .about
        .lines()
        .filter(|s| !s.is_empty())
        .map(|id| {
            level
                .and_then(|l| l.statements.iter().find(|s| s.id == id))
                .map_or_else(
                    || {
                        ladder
                            .framework
                            .areas
                            .iter()
                            .flat_map(|a| a.walk())
                            .find(|a| a.id == id)
                            .map_or_else(|| id.to_string(), |a| format!("{} (area)", a.title))
                    },
                    |s| s.text.clone(),
                )
        })
        .collect();
    let target = ladder
        .level(&case.track, &case.level)
        .map_or_else(|| case.level.clone(), |l| l.title);
    let scale = ladder.framework.assessments.scale.clone();
    render(
        app,
        Some(viewer),
        "feedback.html",
        "promotions",
        &format!("Feedback on {person}"),
        ctx! { request, person, target, about, scale, error },
    )
    .await
}

/// The answer form.
#[derive(Debug, Deserialize)]
pub(crate) struct AnswerForm {
    rating: String,
    words: String,
}

/// Answers a feedback request.
pub(crate) async fn answer(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(f): Form<AnswerForm>,
) -> Page {
    let a = access::feedback(&app, &viewer, id).await?;
    match super::answer(&app, &a, &f.rating, &f.words).await {
        Ok(()) => Ok(Redirect::to(&format!("/app/feedback/{id}")).into_response()),
        Err(e) => form_failed(e, |m| feedback_page(&app, &viewer, id, Some(m))).await,
    }
}

/// Sessions: HR opens them; members see theirs.
pub(crate) async fn sessions(State(app): State<App>, viewer: Viewer) -> Page {
    sessions_page(&app, &viewer, None).await
}

async fn sessions_page(app: &App, viewer: &Viewer, error: Option<crate::web::FormError>) -> Page {
    let hr = access::hr(viewer).is_ok();
    let sessions = if hr {
        app.store.calibration_sessions().await?
    } else {
        app.store.calibration_sessions_of(viewer.person.id).await?
    };
    render(
        app,
        Some(viewer),
        "calibrations.html",
        "promotions",
        "Calibration",
        ctx! { sessions, hr, error },
    )
    .await
}

/// The new session form.
#[derive(Debug, Deserialize)]
pub(crate) struct SessionForm {
    name: String,
    #[serde(default)]
    scope: String,
    chair: String,
    /// Emails, separated by commas, spaces or lines.
    #[serde(default)]
    members: String,
}

/// Opens a session (HR).
pub(crate) async fn open_session(
    State(app): State<App>,
    viewer: Viewer,
    Form(f): Form<SessionForm>,
) -> Page {
    let hr = access::hr(&viewer)?;
    let members: Vec<String> = f
        .members
        .split([',', '\n', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    match super::open_session(&app, &hr, &f.name, &f.scope, &f.chair, &members).await {
        Ok(id) => Ok(Redirect::to(&format!("/app/calibrations/{id}")).into_response()),
        Err(e) => form_failed(e, |m| sessions_page(&app, &viewer, Some(m))).await,
    }
}

/// A session side by side.
pub(crate) async fn session(State(app): State<App>, viewer: Viewer, Path(id): Path<i64>) -> Page {
    let s = view::session_view(&app, &access::session(&app, &viewer, id).await?).await?;
    let title = format!("Calibration: {}", s.session.name);
    render(
        &app,
        Some(&viewer),
        "calibration.html",
        "promotions",
        &title,
        ctx! { s },
    )
    .await
}

/// Closes a session (its chair or HR): the first post shows what closing
/// does; the second, with `confirm=yes`, closes it.
pub(crate) async fn close_session(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(confirmed): Form<Confirmed>,
) -> Page {
    let closing = access::close_session(&app, &viewer, id).await?;
    let back = format!("/app/calibrations/{id}");
    if !confirmed.yes() {
        let session = closing.session();
        if session.closed_at.is_some() {
            return Err(ServerError::conflict(
                "form-session-closed",
                vec![("name", session.name.clone())],
            ));
        }
        let cases = app.store.cases_in_session(id).await?;
        let undecided = cases
            .iter()
            .filter(|c| c.state == CaseState::InCalibration)
            .count();
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        let name = &session.name;
        return confirm::ask(
            &app,
            &viewer,
            Confirmation {
                nav: "promotions",
                title: Phrase::new("confirm-session-close-question").text("name", name),
                consequences: vec![
                    Phrase::new("confirm-session-close-ends").text("name", name),
                    Phrase::new("confirm-session-close-cases")
                        .number("count", count(cases.len()))
                        .number("decided", count(cases.len() - undecided))
                        .number("undecided", count(undecided)),
                ],
                action: format!("/app/calibrations/{id}/close"),
                button: Phrase::new("confirm-close-button").text("name", name),
                back,
                fields: Vec::new(),
            },
        )
        .await;
    }
    super::close_session(&app, &closing).await?;
    Ok(Redirect::to(&back).into_response())
}
