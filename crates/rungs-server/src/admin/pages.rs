//! The audit log and framework pages.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

use crate::access::{self, Admin};
use crate::auth::Viewer;
use crate::state::App;
use crate::web::{Page, render};

#[derive(Deserialize)]
pub(crate) struct AuditQuery {
    before: Option<i64>,
}

pub(crate) async fn audit(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<AuditQuery>,
) -> Page {
    let admin = access::admin(&viewer)?;
    let entries = super::audit(&app, &admin, q.before, 100).await?;
    let verification = super::verify(&app, &admin).await?;
    let more = entries
        .last()
        .filter(|e| e.seq > 1 && entries.len() == 100)
        .map(|e| e.seq);
    render(
        &app,
        Some(&viewer),
        "audit.html",
        "audit",
        "Audit log",
        ctx! { entries, verification, more },
    )
    .await
}

pub(crate) async fn framework(State(app): State<App>, viewer: Viewer) -> Page {
    let admin = access::admin(&viewer)?;
    framework_page(&app, &admin, None).await
}

async fn framework_page(app: &App, admin: &Admin<'_>, errors: Option<Vec<String>>) -> Page {
    let viewer = admin.viewer();
    let revisions = super::revisions(app, admin).await?;
    let revision = app.ladder().revision.clone();
    render(
        app,
        Some(viewer),
        "framework.html",
        "framework",
        "Framework",
        ctx! { revision, revisions, errors },
    )
    .await
}

pub(crate) async fn reload(State(app): State<App>, viewer: Viewer) -> Page {
    let admin = access::admin(&viewer)?;
    match super::reload(&app, &admin).await? {
        Ok(_) => Ok(Redirect::to("/app/framework").into_response()),
        Err(errors) => {
            let page = framework_page(&app, &admin, Some(errors)).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
