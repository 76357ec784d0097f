//! The administrator's work on the server itself: the audit log and its
//! verification, and reloading the framework.

pub(crate) mod api;
mod pages;

use rungs_store::audit::{AuditEntry, Verification};

use crate::access::Admin;
use crate::error::ServerError;
use axum::routing::{MethodRouter, get, post};

use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// The administrator's routes: pages and API.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        ("/app/audit", get(pages::audit)),
        ("/app/framework", get(pages::framework)),
        ("/app/framework/reload", post(pages::reload)),
        ("/api/v1/audit", get(api::audit)),
        ("/api/v1/audit/verify", get(api::verify)),
        ("/api/v1/framework/reload", post(api::reload)),
    ]
}

/// A page of the audit log (admin).
pub(crate) async fn audit(
    app: &App,
    _admin: &Admin<'_>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditEntry>> {
    Ok(app.store.audit_page(before, limit.clamp(1, 1000)).await?)
}

/// Checks the audit chain (admin).
pub(crate) async fn verify(app: &App, _admin: &Admin<'_>) -> Result<Verification> {
    Ok(app.store.verify_audit().await?)
}

/// The revisions the server has served, newest first (admin).
pub(crate) async fn revisions(
    app: &App,
    _admin: &Admin<'_>,
) -> Result<Vec<rungs_store::model::Revision>> {
    Ok(app.store.revisions().await?)
}

/// Reloads the ladder (admin): the new revision, or the errors that kept
/// the previous one serving.
pub(crate) async fn reload(
    app: &App,
    admin: &Admin<'_>,
) -> Result<std::result::Result<String, Vec<String>>> {
    Ok(app
        .reload(&admin.viewer().actor())
        .await?
        .map_err(|r| r.errors))
}
