//! The administrator's API.

use axum::Json;
use axum::extract::{Query, State};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use rungs_store::audit::{AuditEntry, Verification};

use crate::access;
use crate::auth::Viewer;
use crate::state::App;
use crate::web::{Api, ApiError};

/// A page of the audit log.
#[derive(Debug, Deserialize, IntoParams)]
pub(crate) struct AuditQuery {
    /// Entries before this sequence number (newest first).
    before: Option<i64>,
    /// How many (at most 1000).
    limit: Option<i64>,
    /// Who did it, as recorded (`person:5`, `token:2`, `system`).
    who: Option<String>,
    /// What was done: an action (`person.update`) or a kind (`person.`).
    what: Option<String>,
    /// What it was done to: as recorded (`assessment:12`), or a person's
    /// name or email.
    subject: Option<String>,
    /// From this day (`YYYY-MM-DD`, UTC).
    from: Option<String>,
    /// To this day (`YYYY-MM-DD`, UTC), included.
    to: Option<String>,
}

/// The audit log, newest first (admin), narrowed by the filters given:
/// `who` and `what` as recorded (`what` may be a kind, `person.`),
/// `subject` as recorded or a person's name or email, `from` and `to`
/// days (`YYYY-MM-DD`, UTC, both included).
#[utoipa::path(get, path = "/api/v1/audit", params(AuditQuery), responses((status = 200, body = Vec<AuditEntry>), (status = 403)))]
pub(crate) async fn audit(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<AuditQuery>,
) -> Api<Vec<AuditEntry>> {
    let filters = super::Filters {
        who: q.who.unwrap_or_default(),
        what: q.what.unwrap_or_default(),
        subject: q.subject.unwrap_or_default(),
        from: q.from.unwrap_or_default(),
        to: q.to.unwrap_or_default(),
    };
    Ok(Json(
        super::audit(
            &app,
            &access::admin(&viewer)?,
            &filters,
            q.before,
            q.limit.unwrap_or(100),
        )
        .await?,
    ))
}

/// Checks the audit chain (admin).
#[utoipa::path(get, path = "/api/v1/audit/verify", responses((status = 200, body = Verification), (status = 403)))]
pub(crate) async fn verify(State(app): State<App>, viewer: Viewer) -> Api<Verification> {
    Ok(Json(super::verify(&app, &access::admin(&viewer)?).await?))
}

/// The outcome of a reload.
#[derive(Debug, serde::Serialize, ToSchema)]
pub(crate) struct Reloaded {
    /// The revision now in use.
    revision: Option<String>,
    /// The errors that kept the previous revision in use.
    errors: Vec<String>,
}

/// Reloads the framework (admin). 422 with the errors when it has some; the
/// previous revision keeps serving.
#[utoipa::path(post, path = "/api/v1/framework/reload", responses((status = 200, body = Reloaded), (status = 422, body = Reloaded)))]
pub(crate) async fn reload(
    State(app): State<App>,
    viewer: Viewer,
) -> Result<(axum::http::StatusCode, Json<Reloaded>), ApiError> {
    Ok(match super::reload(&app, &access::admin(&viewer)?).await? {
        Ok(revision) => (
            axum::http::StatusCode::OK,
            Json(Reloaded {
                revision: Some(revision),
                errors: Vec::new(),
            }),
        ),
        Err(errors) => (
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            Json(Reloaded {
                revision: None,
                errors,
            }),
        ),
    })
}
