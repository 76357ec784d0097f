//! Invitations: HR and administrators invite people who have not joined
//! (one, a team, or everyone) to set a password through a one-time link.
//! With email configured the invitations are queued and sent by the
//! background task (the link is made when each is sent); without, the
//! links are shown to pass on by hand.

pub(crate) mod api;
mod pages;

use axum::routing::{MethodRouter, get};
use serde::Serialize;
use utoipa::ToSchema;

use rungs_store::model::{LinkPurpose, Role};
use rungs_store::{Invitee, NotJoined};

use crate::access::{Hr, Inviting};
use crate::error::ServerError;
use crate::mail::INVITE_HOURS;
use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// The invitations' routes: pages and API.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        (
            "/app/invitations",
            get(pages::invitations).post(pages::invite),
        ),
        (
            "/api/v1/invitations",
            get(api::not_joined).post(api::invite),
        ),
    ]
}

/// Whom to invite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Whom {
    /// One person (again, if they were invited before).
    One(i64),
    /// Everyone of a team who has not joined.
    Team(String),
    /// Everyone who has not joined.
    Everyone,
}

/// A one-time link to pass on (when email is not configured).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InviteLink {
    /// The person's id.
    pub id: i64,
    /// Their name.
    pub name: String,
    /// Their email.
    pub email: String,
    /// The link: it works once, for 7 days.
    pub link: String,
}

/// What an invitation did.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Invited {
    /// Invitations queued for email (sent in the background).
    pub queued: usize,
    /// Without email configured: the links to pass on, one per person.
    pub links: Vec<InviteLink>,
    /// People left to an administrator (they have the HR or admin role).
    pub left_to_admin: usize,
}

/// People who have not joined (HR), of `team` if given.
pub(crate) async fn not_joined(
    app: &App,
    _hr: &Hr<'_>,
    team: Option<&str>,
) -> Result<Vec<NotJoined>> {
    Ok(app.store.not_joined(team).await?)
}

/// Invites `whom`: queues their emails, or makes their links.
pub(crate) async fn invite(app: &App, inviting: &Inviting<'_>, whom: &Whom) -> Result<Invited> {
    let candidates = match whom {
        Whom::One(id) => {
            let found: Vec<NotJoined> = app
                .store
                .not_joined(None)
                .await?
                .into_iter()
                .filter(|p| p.id == *id)
                .collect();
            if found.is_empty() {
                return Err(match app.store.person(*id).await? {
                    Some(p) if !p.active => ServerError::conflict(
                        "form-invite-inactive",
                        vec![("name", p.name.clone())],
                    ),
                    Some(p) => {
                        ServerError::conflict("form-invite-joined", vec![("name", p.name.clone())])
                    }
                    None => ServerError::NotFound(format!("person {id}")),
                });
            }
            found
        }
        Whom::Team(team) => app.store.not_joined(Some(team)).await?,
        Whom::Everyone => app.store.not_joined(None).await?,
    };
    let (allowed, left): (Vec<NotJoined>, Vec<NotJoined>) = candidates
        .into_iter()
        .partition(|p| Role::parse(&p.role).is_some_and(|r| inviting.may_invite(r)));
    if let (Whom::One(_), Some(p)) = (whom, left.first()) {
        return Err(ServerError::Conflict(format!(
            "{} has the {} role: only an administrator can invite them",
            p.name, p.role
        )));
    }
    let mut invited = Invited {
        queued: 0,
        links: Vec::new(),
        left_to_admin: left.len(),
    };
    if allowed.is_empty() {
        return Ok(invited);
    }
    let invitees: Vec<Invitee> = allowed
        .iter()
        .map(|p| Invitee {
            id: p.id,
            email: p.email.clone(),
        })
        .collect();
    let mut w = app.store.write(&inviting.viewer().actor()).await?;
    let by_email = app.mailer.is_some();
    w.invite(
        &invitees,
        // The queue's record; the email itself is written in each
        // invitee's language when it is sent.
        &crate::mail::invite_subject(&app.site_name(), crate::i18n::DEFAULT_LANGUAGE),
        by_email,
    )
    .await?;
    if by_email {
        invited.queued = invitees.len();
    } else {
        for p in &allowed {
            let secret = w
                .create_link(LinkPurpose::Reset, Some(p.id), INVITE_HOURS * 3600)
                .await?;
            invited.links.push(InviteLink {
                id: p.id,
                name: p.name.clone(),
                email: p.email.clone(),
                link: format!("{}/app/join?token={secret}", app.config.base()),
            });
        }
    }
    w.commit().await?;
    app.mail_queued();
    Ok(invited)
}
