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
    /// HR: this manager's team.
    #[serde(default)]
    pub(crate) manager: Option<i64>,
}

impl TeamQuery {
    pub(crate) fn filter(&self) -> Filter {
        Filter {
            level: self.level.clone(),
            track: self.track.clone(),
        }
    }
}

/// The caller's team as a heatmap (HR: any manager's, with `manager`).
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
