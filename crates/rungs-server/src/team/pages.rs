//! The team page, its CSV, and HR's readiness by level.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::IntoResponse;

use super::api::TeamQuery;
use crate::access;
use crate::auth::Viewer;
use crate::state::App;
use crate::web::{Page, render};

pub(crate) async fn team_page(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<TeamQuery>,
) -> Page {
    let team = access::team(&app, &viewer, q.manager).await?;
    let mut map = super::heatmap(&app, &team, &q.filter()).await?;
    let lang = crate::web::language(&app, Some(&viewer));
    let ladder = app.ladder();
    crate::readiness_words::on_page(&ladder, lang, None, &mut map.rule);
    // The columns in the viewer's language where the ladder translates
    // them; the API and the CSV keep the ladder's own titles.
    for head in &mut map.areas {
        if let Some(title) = crate::localise::area_title(&ladder, lang, &head.id) {
            head.title = title;
        }
    }
    let manager = q.manager.map(|m| m.to_string()).unwrap_or_default();
    let query = serde_urlencoded::to_string([
        ("level", q.level.as_str()),
        ("track", q.track.as_str()),
        ("team", q.team.as_str()),
        ("manager", manager.as_str()),
    ])
    .unwrap_or_default();
    // HR picks any manager; a manager sees their own team only.
    let managers = match access::hr(&viewer) {
        Ok(hr) => super::managers(&app, &hr).await?,
        Err(_) => Vec::new(),
    };
    render(
        &app,
        Some(&viewer),
        "team.html",
        "team",
        "Team",
        ctx! {
            map, level => q.level, track => q.track, manager => q.manager, query, managers,
            team => q.team,
        },
    )
    .await
}

pub(crate) async fn team_csv(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<TeamQuery>,
) -> Page {
    let team = access::team(&app, &viewer, q.manager).await?;
    let mut map = super::heatmap(&app, &team, &q.filter()).await?;
    let lang = crate::web::language(&app, Some(&viewer));
    crate::readiness_words::on_page(&app.ladder(), lang, None, &mut map.rule);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"team.csv\"",
            ),
        ],
        super::heatmap_csv(&map)?,
    )
        .into_response())
}

pub(crate) async fn insights(State(app): State<App>, viewer: Viewer) -> Page {
    let hr = access::hr(&viewer)?;
    let agg = super::aggregates(&app, &hr).await?;
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
