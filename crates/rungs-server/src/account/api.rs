//! The caller's own settings in the API: the language the app speaks to
//! them (`GET /api/v1/me` shows it as `person.language`).

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access;
use crate::auth::Viewer;
use crate::state::App;
use crate::web::Api;

/// The language to speak to the caller.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
pub(crate) struct LanguageSetting {
    /// A language code the app is written in (`en`, `de`, `ja`), or `null`
    /// for the organisation's language.
    language: Option<String>,
}

/// Sets the language of the app for the caller; `null` goes back to the
/// organisation's. An unknown code is refused (422).
#[utoipa::path(put, path = "/api/v1/me/language", request_body = LanguageSetting,
    responses((status = 200, body = LanguageSetting), (status = 401), (status = 422)))]
pub(crate) async fn set_language(
    State(app): State<App>,
    viewer: Viewer,
    Json(setting): Json<LanguageSetting>,
) -> Api<LanguageSetting> {
    super::set_language(&app, &access::own(&viewer), setting.language.as_deref()).await?;
    let language = app.store.language(viewer.person.id).await?;
    Ok(Json(LanguageSetting { language }))
}
