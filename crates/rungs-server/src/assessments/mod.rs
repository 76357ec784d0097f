//! Assessments as people use them: open one against a level (`open`), see
//! it side by side with disagreements and readiness (`view`), rate, submit,
//! share, acknowledge, revise (`commands`), fill it offline as a
//! spreadsheet (`sheet`), and open them in batches (`cycles`).
//!
//! Who sees what is decided by [`crate::access::Seat`].

pub(crate) mod api;
pub(crate) mod commands;
pub(crate) mod cycles;
mod pages;
pub(crate) mod sheet;
pub(crate) mod view;

use axum::routing::put;

use rungs_store::NewAssessment;
use rungs_store::model::Assessment;

use crate::access::PersonRead;
use crate::error::ServerError;
use axum::routing::{MethodRouter, get, post};

use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// Routes of assessments and cycles: pages and API.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        (
            "/app/assessments/{id}",
            get(pages::assessment).post(pages::rate),
        ),
        ("/app/assessments/{id}/share", post(pages::share)),
        (
            "/app/assessments/{id}/acknowledge",
            post(pages::acknowledge),
        ),
        ("/app/assessments/{id}/revise", post(pages::revise)),
        ("/app/assessments/{id}/print", get(pages::print)),
        ("/app/assessments/{id}/sheet.csv", get(pages::sheet)),
        ("/app/assessments/{id}/sheet", post(pages::import_sheet)),
        ("/app/people/{id}/assessments", post(pages::open)),
        ("/app/cycles", get(pages::cycles).post(pages::open_cycle)),
        ("/app/cycles/{id}/close", post(pages::close_cycle)),
        ("/app/cycles/{id}/remind", post(pages::remind_cycle)),
        ("/api/v1/cycles", get(api::cycles).post(api::open_cycle)),
        ("/api/v1/cycles/{id}", get(api::cycle)),
        ("/api/v1/cycles/{id}/remind", post(api::remind_cycle)),
        ("/api/v1/cycles/{id}/close", post(api::close_cycle)),
        (
            "/api/v1/people/{id}/assessments",
            get(api::list).post(api::open),
        ),
        ("/api/v1/assessments/{id}", get(api::view)),
        ("/api/v1/assessments/{id}/ratings", put(api::rate)),
        ("/api/v1/assessments/{id}/step", post(api::step)),
        ("/api/v1/assessments/{id}/sheet", post(api::sheet)),
    ]
}

/// Opens an assessment of `person` against a level: the person themselves,
/// anyone they report to, or HR.
pub(crate) async fn open(
    app: &App,
    read: &PersonRead<'_>,
    track: &str,
    level: &str,
) -> Result<i64> {
    let person = read.person();
    let ladder = app.ladder();
    if ladder.level(track, level).is_none() {
        return Err(ServerError::Invalid(format!(
            "`{track}/{level}` is not a level of the ladder"
        )));
    }
    let p = app
        .store
        .person(person)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("person {person}")))?;
    if !p.active {
        return Err(ServerError::conflict(
            "form-inactive-no-assessment",
            vec![("name", p.name.clone())],
        ));
    }
    let mut w = app.store.write(&read.viewer().actor()).await?;
    let id = w
        .open_assessment(
            &NewAssessment {
                person_id: person,
                manager_id: p.manager_id,
                track: track.to_string(),
                level: level.to_string(),
                cycle_id: None,
            },
            &ladder.revision,
            ladder.snapshot,
        )
        .await?;
    w.commit().await?;
    Ok(id)
}

/// A person's assessments the viewer may see, newest first.
pub(crate) async fn list(app: &App, read: &PersonRead<'_>) -> Result<Vec<Assessment>> {
    Ok(app.store.assessments_of(read.person()).await?)
}
