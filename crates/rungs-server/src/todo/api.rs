//! The to-do list in the API.

use axum::Json;
use axum::extract::State;

use super::Todo;
use crate::access;
use crate::auth::Viewer;
use crate::state::App;
use crate::web::Api;

/// What waits for the caller: assessments to fill or review, one shared
/// with them, proposals to confirm (HR), a level to acknowledge, cycles due.
#[utoipa::path(get, path = "/api/v1/todo", responses((status = 200, body = Vec<Todo>), (status = 401)))]
pub(crate) async fn todo(State(app): State<App>, viewer: Viewer) -> Api<Vec<Todo>> {
    Ok(Json(super::waiting(&app, &access::own(&viewer)).await?))
}
