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
    #[serde(default)]
    who: String,
    #[serde(default)]
    what: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

impl AuditQuery {
    fn filters(&self) -> super::Filters {
        super::Filters {
            who: self.who.clone(),
            what: self.what.clone(),
            subject: self.subject.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

pub(crate) async fn audit(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<AuditQuery>,
) -> Page {
    let admin = access::admin(&viewer)?;
    let filters = q.filters();
    let (entries, actors, actions) =
        super::audit_readable(&app, &admin, &filters, q.before, 100).await?;
    let verification = super::verify(&app, &admin).await?;
    let more = entries
        .last()
        .filter(|e| e.seq > 1 && entries.len() == 100)
        .map(|e| e.seq);
    // The filters as a query string, for the next page and the export.
    let given: Vec<(&str, &str)> = [
        ("who", &filters.who),
        ("what", &filters.what),
        ("subject", &filters.subject),
        ("from", &filters.from),
        ("to", &filters.to),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| (k, v.as_str()))
    .collect();
    let query = serde_urlencoded::to_string(&given).unwrap_or_default();
    // Kinds of action ("person."), then each action.
    let mut kinds: Vec<String> = actions
        .iter()
        .filter_map(|a| a.split_once('.').map(|(k, _)| format!("{k}.")))
        .collect();
    kinds.dedup();
    let filtered = filters.any();
    render(
        &app,
        Some(&viewer),
        "audit.html",
        "audit",
        "Audit log",
        ctx! { entries, verification, more, actors, actions, kinds, filters, filtered, query },
    )
    .await
}

pub(crate) async fn framework(State(app): State<App>, viewer: Viewer) -> Page {
    let admin = access::admin(&viewer)?;
    framework_page(&app, &admin, None, None).await
}

/// The framework page, with the preview of a reload; `preview` when the
/// caller has it already.
async fn framework_page(
    app: &App,
    admin: &Admin<'_>,
    errors: Option<Vec<String>>,
    preview: Option<crate::impact::pages::Shown>,
) -> Page {
    let viewer = admin.viewer();
    let revisions = super::revisions(app, admin).await?;
    let revision = app.ladder().revision.clone();
    let confirm = preview.is_some();
    let preview = match preview {
        Some(p) => p,
        None => crate::impact::pages::shown(app, &access::impact(viewer)?).await?,
    };
    render(
        app,
        Some(viewer),
        "framework.html",
        "framework",
        "Framework",
        ctx! { revision, revisions, errors, preview, confirm },
    )
    .await
}

/// The reload form: `confirm` says the administrator saw that people
/// would stop being ready.
#[derive(Deserialize)]
pub(crate) struct ReloadForm {
    #[serde(default)]
    confirm: Option<String>,
}

pub(crate) async fn reload(
    State(app): State<App>,
    viewer: Viewer,
    axum::Form(form): axum::Form<ReloadForm>,
) -> Page {
    let admin = access::admin(&viewer)?;
    if form.confirm.as_deref() != Some("yes") {
        // A reload that makes people stop being ready asks first.
        let shown = crate::impact::pages::shown(&app, &access::impact(&viewer)?).await?;
        if shown.stops() {
            let page = framework_page(&app, &admin, None, Some(shown)).await?;
            return Ok((axum::http::StatusCode::CONFLICT, page).into_response());
        }
    }
    match super::reload(&app, &admin).await? {
        Ok(_) => Ok(Redirect::to("/app/framework").into_response()),
        Err(errors) => {
            let page = framework_page(&app, &admin, Some(errors), None).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
