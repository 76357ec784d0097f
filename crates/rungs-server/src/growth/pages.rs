//! The growth page and its forms: goals, their status, 1-on-1 notes.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

use rungs_store::model::GoalStatus;

use crate::access;
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::state::App;
use crate::web::{Page, form_failed, render};

/// A person's growth page: assessments, goals, notes, timeline.
pub(crate) async fn growth_page(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Page {
    growth_render(&app, &viewer, id, None).await
}

async fn growth_render(
    app: &App,
    viewer: &Viewer,
    id: i64,
    error: Option<crate::web::FormError>,
) -> Page {
    let person = crate::people::person(app, &access::read(app, viewer, id).await?).await?;
    let notes = access::notes(app, viewer, id).await?;
    let goals = access::goals_if_allowed(app, viewer, id).await?;
    let mut growth = super::growth(app, &notes, goals.as_ref()).await?;
    let (ladder, lang) = (app.ladder(), crate::web::language(app, Some(viewer)));
    for event in &mut growth.timeline {
        event.text = event.phrase.render(Some(&ladder), lang);
    }
    let title = if id == viewer.person.id {
        "My growth".to_string()
    } else {
        format!("Growth · {}", person.person.name)
    };
    let nav = crate::web::person_nav(viewer, id);
    let translated = translations(app, viewer, &growth);
    render(
        app,
        Some(viewer),
        "growth.html",
        nav,
        &title,
        ctx! { p => person, g => growth, levels => app.ladder().all_levels(), error, translated },
    )
    .await
}

/// The statements of the goals (by `goal-ID`) and of the suggestions (by
/// their key) in the viewer's language, where the ladder translates them.
fn translations(
    app: &App,
    viewer: &Viewer,
    growth: &super::Growth,
) -> std::collections::BTreeMap<String, crate::localise::Translated> {
    let ladder = app.ladder();
    let lang = crate::web::language(app, Some(viewer));
    let goals = growth.goals.iter().filter_map(|goal| {
        let found = crate::localise::statement(
            &ladder,
            lang,
            &goal.track,
            &goal.level,
            &goal.statement_id,
        )?;
        Some((format!("goal-{}", goal.id), found))
    });
    let suggestions = growth.suggestions.iter().filter_map(|s| {
        let mut parts = s.key.splitn(3, '/');
        let (track, level, id) = (parts.next()?, parts.next()?, parts.next()?);
        let found = crate::localise::statement(&ladder, lang, track, level, id)?;
        Some((s.key.clone(), found))
    });
    goals.chain(suggestions).collect()
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
    let added = async {
        let goals = access::goals(&app, &viewer, person).await?;
        super::add_goal(
            &app,
            &goals,
            &f.statement,
            &f.goal,
            &f.actions,
            Some(f.target_date.as_str()),
        )
        .await
    };
    match added.await {
        Ok(_) => Ok(Redirect::to(&format!("/app/people/{person}/growth")).into_response()),
        Err(e) => form_failed(e, |m| growth_render(&app, &viewer, person, Some(m))).await,
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
    let goals = access::goal(&app, &viewer, id).await?;
    let person = super::set_goal_status(&app, &goals, id, status, f.version).await?;
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
    let added = async {
        let writer = access::notes(&app, &viewer, person).await?.write()?;
        super::add_note(&app, &writer, goal, &f.body).await
    };
    match added.await {
        Ok(_) => Ok(Redirect::to(&format!("/app/people/{person}/growth#notes")).into_response()),
        Err(e) => form_failed(e, |m| growth_render(&app, &viewer, person, Some(m))).await,
    }
}
