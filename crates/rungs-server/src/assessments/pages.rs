//! The assessment page (a form while the viewer may edit, both sides once
//! shared), its steps, the printable page, the offline sheet, and cycles.

use axum::Form;
use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

use super::commands::{self, Given, Step};
use super::cycles::{self, CycleForm};
use super::{sheet, view};
use crate::access;
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::phrase::Phrase;
use crate::state::App;
use crate::web::confirm::{self, Confirmation, Confirmed};
use crate::web::{Page, form_failed, render, split_level, upload};

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
    error: Option<crate::web::FormError>,
) -> Page {
    let mut view = view::view(app, &access::assessment(app, viewer, id).await?).await?;
    view.localise(&app.ladder(), crate::web::language(app, Some(viewer)));
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
        crate::web::person_nav(viewer, view.person.id),
        &title,
        ctx! { a => view, flash, error },
    )
    .await
}

/// The printable assessment: one clean document for a promotion
/// conversation.
pub(crate) async fn print(State(app): State<App>, viewer: Viewer, Path(id): Path<i64>) -> Page {
    let mut view = view::view(&app, &access::assessment(&app, &viewer, id).await?).await?;
    view.localise(&app.ladder(), crate::web::language(&app, Some(&viewer)));
    let title = format!("Assessment of {}", view.person.name);
    render(
        &app,
        Some(&viewer),
        "assessment_print.html",
        crate::web::person_nav(&viewer, view.person.id),
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
    let words = crate::i18n::messages(crate::web::language(&app, Some(&viewer)));
    let result = async {
        let changed = commands::rate(
            &app,
            &access::assessment(&app, &viewer, id).await?,
            version,
            &given,
        )
        .await?;
        if submit {
            // Read again: the version moved on if anything was saved.
            let access = access::assessment(&app, &viewer, id).await?;
            let now = access.assessment().version;
            commands::step(&app, &access, now, Step::Submit).await?;
            return Ok::<_, ServerError>(words.get("flash-submitted"));
        }
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("count", changed);
        Ok(words.format("flash-saved", &args))
    }
    .await;
    match result {
        Ok(flash) => assessment_page(&app, &viewer, id, Some(flash), None).await,
        Err(e) => form_failed(e, |m| assessment_page(&app, &viewer, id, None, Some(m))).await,
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
    let stepped = async {
        let access = access::assessment(app, viewer, id).await?;
        commands::step(app, &access, version, step).await
    };
    match stepped.await {
        Ok(next) => Ok(Redirect::to(&format!("/app/assessments/{next}")).into_response()),
        Err(e) => form_failed(e, |m| assessment_page(app, viewer, id, None, Some(m))).await,
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
    let (name, text) = sheet::sheet(&app, &access::assessment(&app, &viewer, id).await?).await?;
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

/// Imports a filled sheet.
pub(crate) async fn import_sheet(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    form: Multipart,
) -> Page {
    let result = async {
        let bytes = upload(form).await?;
        sheet::import_sheet(&app, &access::assessment(&app, &viewer, id).await?, &bytes).await
    }
    .await;
    match result {
        Ok(r) => {
            let mut said = vec![
                Phrase::new("flash-sheet-imported")
                    .number("rows", count(r.rows))
                    .number("changed", count(r.changed)),
            ];
            if !r.missing.is_empty() {
                said.push(Phrase::new("flash-sheet-missing").text("ids", r.missing.join(", ")));
            }
            if !r.reworded.is_empty() {
                said.push(Phrase::new("flash-sheet-reworded").text("ids", r.reworded.join(", ")));
            }
            let flash = say(&app, &viewer, &said);
            assessment_page(&app, &viewer, id, Some(flash), None).await
        }
        Err(e) => form_failed(e, |m| assessment_page(&app, &viewer, id, None, Some(m))).await,
    }
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
    let id = super::open(
        &app,
        &access::read(&app, &viewer, person).await?,
        track,
        level,
    )
    .await?;
    Ok(Redirect::to(&format!("/app/assessments/{id}")).into_response())
}

pub(crate) async fn cycles(State(app): State<App>, viewer: Viewer) -> Page {
    cycles_render(&app, &viewer, None, None).await
}

async fn cycles_render(
    app: &App,
    viewer: &Viewer,
    flash: Option<String>,
    error: Option<crate::web::FormError>,
) -> Page {
    let hr = access::hr(viewer)?;
    let list = cycles::cycles(app, &hr).await?;
    let mut cycles = Vec::with_capacity(list.len());
    for c in list {
        cycles.push(cycles::cycle(app, &hr, c.cycle.id).await?);
    }
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
    let opened = async { cycles::open_cycle(&app, &access::hr(&viewer)?, &form).await };
    match opened.await {
        Ok((_, opened, skipped)) => {
            let mut said = vec![Phrase::new("flash-cycle-opened").number("count", count(opened))];
            if skipped > 0 {
                said.push(Phrase::new("flash-cycle-left-out").number("count", count(skipped)));
            }
            let flash = say(&app, &viewer, &said);
            cycles_render(&app, &viewer, Some(flash), None).await
        }
        Err(e) => form_failed(e, |m| cycles_render(&app, &viewer, None, Some(m))).await,
    }
}

pub(crate) async fn close_cycle(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(confirmed): Form<Confirmed>,
) -> Page {
    let hr = access::hr(&viewer)?;
    if !confirmed.yes() {
        let cycle = app
            .store
            .cycle(id)
            .await?
            .filter(|c| c.closed_at.is_none())
            .ok_or_else(|| ServerError::NotFound(format!("open cycle {id}")))?;
        let progress = app.store.cycle_progress(id).await?;
        let unshared = (progress.total - progress.shared).max(0);
        let name = cycle.name;
        return confirm::ask(
            &app,
            &viewer,
            Confirmation {
                nav: "cycles",
                title: Phrase::new("confirm-cycle-close-question").text("name", &name),
                consequences: vec![
                    Phrase::new("confirm-cycle-close-stops").text("name", &name),
                    Phrase::new("confirm-cycle-close-unshared")
                        .number("unshared", unshared)
                        .number("total", progress.total),
                ],
                action: format!("/app/cycles/{id}/close"),
                button: Phrase::new("confirm-close-button").text("name", &name),
                back: "/app/cycles".into(),
                fields: Vec::new(),
            },
        )
        .await;
    }
    cycles::close_cycle(&app, &hr, id).await?;
    Ok(Redirect::to("/app/cycles").into_response())
}

pub(crate) async fn remind_cycle(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Page {
    let hr = access::hr(&viewer)?;
    match cycles::remind(&app, &hr, id).await {
        Ok((people, emailed)) => {
            let mut said =
                vec![Phrase::new("flash-cycle-reminded").number("count", count(people.len()))];
            if emailed > 0 {
                said.push(Phrase::new("flash-cycle-emailed").number("count", count(emailed)));
            }
            let flash = say(&app, &viewer, &said);
            cycles_render(&app, &viewer, Some(flash), None).await
        }
        Err(e) => form_failed(e, |m| cycles_render(&app, &viewer, None, Some(m))).await,
    }
}

/// A count as the number a [`Phrase`] takes (saturating: no count here
/// comes near the limit).
fn count<N: TryInto<i64>>(n: N) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

/// A notice of several sentences in the viewer's language.
fn say(app: &App, viewer: &Viewer, said: &[Phrase]) -> String {
    let lang = crate::web::language(app, Some(viewer));
    let ladder = app.ladder();
    said.iter()
        .map(|p| p.render(Some(&ladder), lang))
        .collect::<Vec<_>>()
        .join(" ")
}
