//! Who may do what. Every route asks here; nothing else decides.
//!
//! - Everyone signed in: their own person, level, placements, rollout entry,
//!   data export and API tokens.
//! - A manager: also everyone below them in the reporting lines (read), and
//!   proposing their levels in a rollout.
//! - HR: everyone (read and write), rosters, placements, rollouts.
//! - Admin: what HR can, plus roles, password-reset links, anonymising,
//!   the framework reload and the audit log.
//!
//! A person the viewer may not see is "not found", so ids reveal nothing.

use rungs_store::model::Role;

use crate::auth::Viewer;
use crate::error::ServerError;
use crate::state::App;

/// What the viewer may do with one person's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Reach {
    /// Their own.
    Own,
    /// They manage this person (directly or through others).
    Manages,
    /// HR or admin.
    Everyone,
}

/// How the viewer reaches `person`, or not found.
pub(crate) async fn reach(app: &App, viewer: &Viewer, person: i64) -> Result<Reach, ServerError> {
    if viewer.person.role.sees_everyone() {
        return Ok(Reach::Everyone);
    }
    if viewer.person.id == person {
        return Ok(Reach::Own);
    }
    if app.store.manages(viewer.person.id, person).await? {
        return Ok(Reach::Manages);
    }
    Err(ServerError::NotFound(format!("person {person}")))
}

/// HR or admin, or forbidden.
pub(crate) fn hr(viewer: &Viewer) -> Result<(), ServerError> {
    if viewer.person.role.sees_everyone() {
        Ok(())
    } else {
        Err(ServerError::Forbidden)
    }
}

/// Admin, or forbidden.
pub(crate) fn admin(viewer: &Viewer) -> Result<(), ServerError> {
    if viewer.person.role == Role::Admin {
        Ok(())
    } else {
        Err(ServerError::Forbidden)
    }
}

/// May the viewer propose `person`'s level? Their manager or HR.
pub(crate) async fn propose(app: &App, viewer: &Viewer, person: i64) -> Result<(), ServerError> {
    match reach(app, viewer, person).await? {
        Reach::Manages | Reach::Everyone
            if viewer.person.id != person || viewer.person.role.sees_everyone() =>
        {
            Ok(())
        }
        _ => Err(ServerError::Forbidden),
    }
}

/// May the viewer export `person`'s data? Themselves or HR.
pub(crate) async fn export(app: &App, viewer: &Viewer, person: i64) -> Result<(), ServerError> {
    match reach(app, viewer, person).await? {
        Reach::Own | Reach::Everyone => Ok(()),
        Reach::Manages => Err(ServerError::Forbidden),
    }
}
