//! The impact page: the preview of a reload (with the names behind it for
//! viewers whose role reads everyone) and statement health, with its CSV.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde::Serialize;

use rungs_store::{Page as Paging, Scope};

use crate::access::{self, ImpactRead};
use crate::auth::Viewer;
use crate::state::App;
use crate::web::{Page, render};

/// A person whose readiness the reload would change (shown only where the
/// viewer may read everyone).
#[derive(Debug, Serialize)]
pub(crate) struct Named {
    id: i64,
    name: String,
    level: String,
    before: bool,
    after: bool,
}

/// What a page shows of a preview.
#[derive(Debug, Serialize)]
pub(crate) struct Shown {
    old: String,
    new: String,
    impact: Option<rungs_core::impact::Impact>,
    verdict: Option<rungs_core::impact::Verdict>,
    /// Exact, for the confirmation; never printed as a figure.
    stops: bool,
    errors: Vec<String>,
    names: Vec<Named>,
    markdown: String,
}

impl Shown {
    /// Whether anyone would stop being ready (hidden groups included).
    pub(crate) fn stops(&self) -> bool {
        self.stops
    }
}

/// The preview as a page shows it.
pub(crate) async fn shown(
    app: &App,
    read: &ImpactRead<'_>,
) -> Result<Shown, crate::error::ServerError> {
    match super::preview(app, read).await? {
        Err(errors) => Ok(Shown {
            old: app.ladder().revision.clone(),
            new: String::new(),
            impact: None,
            verdict: None,
            stops: false,
            errors,
            names: Vec::new(),
            markdown: String::new(),
        }),
        Ok(p) => {
            let mut names = Vec::new();
            if read.names() && !p.computed.people.is_empty() {
                // One read of everyone, never one per person.
                let people: HashMap<i64, String> = app
                    .store
                    .people_page(&Scope::Everyone, "", Paging::ALL)
                    .await?
                    .0
                    .into_iter()
                    .map(|p| (p.id, p.name))
                    .collect();
                let ladder = app.ladder();
                for c in &p.computed.people {
                    names.push(Named {
                        id: c.person,
                        name: people.get(&c.person).cloned().unwrap_or_default(),
                        level: ladder
                            .level(&c.track, &c.level)
                            .map_or_else(|| format!("{}/{}", c.track, c.level), |l| l.title),
                        before: c.before,
                        after: c.after,
                    });
                }
                names.sort_by(|a, b| a.name.cmp(&b.name));
            }
            let markdown = rungs_core::impact::to_markdown(
                &p.computed.impact,
                &p.old,
                &p.new,
                Some(&p.verdict),
            );
            Ok(Shown {
                stops: p.computed.stop_being_ready_all > 0,
                old: p.old,
                new: p.new,
                impact: Some(p.computed.impact),
                verdict: Some(p.verdict),
                errors: Vec::new(),
                names,
                markdown,
            })
        }
    }
}

pub(crate) async fn impact(State(app): State<App>, viewer: Viewer) -> Page {
    let read = access::impact(&viewer)?;
    let preview = shown(&app, &read).await?;
    let health = super::health(&app, &read).await?;
    render(
        &app,
        Some(&viewer),
        "impact.html",
        "impact",
        "Ladder impact and statement health",
        ctx! { preview, health },
    )
    .await
}

pub(crate) async fn health_csv(State(app): State<App>, viewer: Viewer) -> Page {
    let read = access::impact(&viewer)?;
    let health = super::health(&app, &read).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"statement-health.csv\"",
            ),
        ],
        rungs_core::impact::health_csv(&health),
    )
        .into_response())
}
