//! Growth's API.

use axum::Json;
use axum::extract::{Path, State};

use super::Growth;
use crate::access;
use crate::auth::Viewer;
use crate::state::App;
use crate::web::Api;

/// A person's goals, notes (where the caller may read them), suggestions
/// and timeline.
#[utoipa::path(get, operation_id = "api_growth", path = "/api/v1/people/{id}/growth", params(("id" = i64, Path)), responses((status = 200, body = Growth), (status = 404)))]
pub(crate) async fn growth(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Api<Growth> {
    access::read(&app, &viewer, id).await?;
    let notes = access::notes(&app, &viewer, id).await?;
    let goals = access::goals_if_allowed(&app, &viewer, id).await?;
    Ok(Json(super::growth(&app, &notes, goals.as_ref()).await?))
}
