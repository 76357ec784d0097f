//! The invitations page: who has not joined, and inviting them.

use axum::Form;
use axum::extract::{Query, State};
use serde::Deserialize;

use super::api::TeamQuery;
use crate::access;
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::state::App;
use crate::web::{Page, render};

pub(crate) async fn invitations(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<TeamQuery>,
) -> Page {
    show(&app, &viewer, q.team(), None, None).await
}

impl TeamQuery {
    fn team(&self) -> Option<String> {
        self.team.clone().filter(|t| !t.trim().is_empty())
    }
}

/// The page, with what was just done (if anything) or an error.
async fn show(
    app: &App,
    viewer: &Viewer,
    team: Option<String>,
    invited: Option<super::Invited>,
    error: Option<String>,
) -> Page {
    let hr = access::hr(viewer)?;
    let everyone = super::not_joined(app, &hr, None).await?;
    let mut teams: Vec<String> = everyone.iter().filter_map(|p| p.team.clone()).collect();
    teams.sort();
    teams.dedup();
    let people: Vec<_> = match &team {
        Some(t) => everyone
            .iter()
            .filter(|p| p.team.as_deref() == Some(t.as_str()))
            .cloned()
            .collect(),
        None => everyone.clone(),
    };
    let outbox = app.store.outbox_counts().await?;
    render(
        app,
        Some(viewer),
        "invitations.html",
        "invitations",
        "Invitations",
        ctx! {
            people, teams, team, total => everyone.len(), outbox, invited, error,
            email => app.mailer.is_some(),
        },
    )
    .await
}

#[derive(Deserialize)]
pub(crate) struct InviteForm {
    #[serde(default)]
    person: Option<i64>,
    #[serde(default)]
    team: Option<String>,
    #[serde(default)]
    everyone: Option<String>,
}

pub(crate) async fn invite(
    State(app): State<App>,
    viewer: Viewer,
    Form(form): Form<InviteForm>,
) -> Page {
    let inviting = access::invite(&viewer)?;
    let request =
        super::api::InviteRequest::from_form(form.person, form.team, form.everyone.is_some());
    let done = match request.whom() {
        Ok(whom) => super::invite(&app, &inviting, &whom).await,
        Err(e) => Err(e),
    };
    match done {
        Ok(invited) => show(&app, &viewer, None, Some(invited), None).await,
        Err(e @ (ServerError::Conflict(_) | ServerError::Invalid(_))) => {
            show(&app, &viewer, None, None, Some(e.to_string())).await
        }
        Err(e) => Err(e),
    }
}
