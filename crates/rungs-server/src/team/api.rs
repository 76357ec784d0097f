//! The team views' API.

use axum::Json;
use axum::extract::{Query, State};
use serde::Deserialize;

use super::{Aggregates, Filter, Heatmap};
use crate::access;
use crate::auth::Viewer;
use crate::state::App;
use crate::web::Api;

/// Filters of the team page.
#[derive(Debug, Deserialize, Default, utoipa::IntoParams)]
pub(crate) struct TeamQuery {
    /// Only people at this level (`track/level`).
    #[serde(default)]
    pub(crate) level: String,
    /// Only people on this track.
    #[serde(default)]
    pub(crate) track: String,
    /// Only people in this team (by name).
    #[serde(default)]
    pub(crate) team: String,
    /// This manager's team (HR: any manager's; without it, HR sees
    /// everyone).
    #[serde(default, deserialize_with = "empty_is_none")]
    pub(crate) manager: Option<i64>,
}

/// An empty form field (`manager=`) is no manager.
fn empty_is_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let s: Option<String> = Option::deserialize(d)?;
    match s.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(n) => n.parse().map(Some).map_err(serde::de::Error::custom),
    }
}

impl TeamQuery {
    pub(crate) fn filter(&self) -> Filter {
        Filter {
            level: self.level.clone(),
            track: self.track.clone(),
            team: self.team.clone(),
        }
    }
}

/// The caller's team as a heatmap (HR: everyone, or any manager's with
/// `manager`).
#[utoipa::path(get, path = "/api/v1/team", operation_id = "api_team", params(TeamQuery), responses((status = 200, body = Heatmap)))]
pub(crate) async fn team(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<TeamQuery>,
) -> Api<Heatmap> {
    let team = access::team(&app, &viewer, q.manager).await?;
    Ok(Json(super::heatmap(&app, &team, &q.filter()).await?))
}

/// Readiness per track and level, without names (HR).
#[utoipa::path(get, path = "/api/v1/insights", operation_id = "api_insights", responses((status = 200, body = Aggregates), (status = 403)))]
pub(crate) async fn insights(State(app): State<App>, viewer: Viewer) -> Api<Aggregates> {
    let hr = access::hr(&viewer)?;
    Ok(Json(super::aggregates(&app, &hr).await?))
}
