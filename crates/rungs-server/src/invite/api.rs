//! Invitations in the API.

use axum::Json;
use axum::extract::{Query, State};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use rungs_store::NotJoined;

use super::{Invited, Whom};
use crate::access;
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::state::App;
use crate::web::Api;

/// Filters of the list.
#[derive(Debug, Deserialize, IntoParams)]
pub(crate) struct TeamQuery {
    /// Only this team's people.
    pub(crate) team: Option<String>,
}

/// People who have not joined yet (no password, no sign-in identity), with
/// when they were last invited (HR).
#[utoipa::path(get, path = "/api/v1/invitations", params(TeamQuery), responses((status = 200, body = Vec<NotJoined>), (status = 403)))]
pub(crate) async fn not_joined(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<TeamQuery>,
) -> Api<Vec<NotJoined>> {
    let team = q.team.as_deref().filter(|t| !t.trim().is_empty());
    Ok(Json(
        super::not_joined(&app, &access::hr(&viewer)?, team).await?,
    ))
}

/// Whom to invite: exactly one of `person`, `team`, `everyone`.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct InviteRequest {
    /// One person's id (again, to resend).
    person: Option<i64>,
    /// Everyone of this team who has not joined.
    pub(crate) team: Option<String>,
    /// Everyone who has not joined.
    #[serde(default)]
    everyone: bool,
}

impl InviteRequest {
    /// The request as a [`Whom`], or a clear error.
    pub(crate) fn whom(&self) -> Result<Whom, ServerError> {
        let team = self
            .team
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        match (self.person, team, self.everyone) {
            (Some(id), None, false) => Ok(Whom::One(id)),
            (None, Some(t), false) => Ok(Whom::Team(t.to_string())),
            (None, None, true) => Ok(Whom::Everyone),
            _ => Err(ServerError::Invalid(
                "say whom to invite: exactly one of `person` (an id), `team` (a name) or `everyone` (true)".into(),
            )),
        }
    }
}

/// Invites people to join: with email configured, queues the invitations
/// (sent in the background); without, returns a one-time link per person.
#[utoipa::path(post, path = "/api/v1/invitations", request_body = InviteRequest, responses((status = 200, body = Invited), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub(crate) async fn invite(
    State(app): State<App>,
    viewer: Viewer,
    Json(req): Json<InviteRequest>,
) -> Api<Invited> {
    let inviting = access::invite(&viewer)?;
    Ok(Json(super::invite(&app, &inviting, &req.whom()?).await?))
}

impl InviteRequest {
    /// The page's form, as a request.
    pub(crate) fn from_form(person: Option<i64>, team: Option<String>, everyone: bool) -> Self {
        InviteRequest {
            person,
            team,
            everyone,
        }
    }
}
