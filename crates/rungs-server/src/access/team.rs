//! Whose people a list or a team view covers.

use rungs_store::Scope;

use super::role::is_hr;
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::state::App;

/// Proof of whose data the viewer's lists (people, a rollout's entries)
/// cover: everyone for HR, otherwise themselves and everyone below them in
/// the reporting lines.
#[derive(Debug, Clone)]
pub(crate) struct ListScope {
    scope: Scope,
}

impl ListScope {
    /// The people covered.
    pub(crate) fn scope(&self) -> &Scope {
        &self.scope
    }

    /// Whether it covers everyone (HR's lists).
    pub(crate) fn everyone(&self) -> bool {
        self.scope == Scope::Everyone
    }
}

/// The viewer's list scope.
pub(crate) async fn list_scope(app: &App, viewer: &Viewer) -> Result<ListScope, ServerError> {
    let scope = if is_hr(viewer.person.role) {
        Scope::Everyone
    } else if manages(viewer) == Some(false) {
        // Nobody reports to them: themselves, without asking again.
        Scope::People(vec![viewer.person.id])
    } else {
        app.store.scope_of(viewer.person.id).await?
    };
    Ok(ListScope { scope })
}

/// Whether anyone reports to the viewer, when this request already knows:
/// a session reads it with the person, in the same query. An API token's
/// viewer is asked again.
fn manages(viewer: &Viewer) -> Option<bool> {
    matches!(viewer.via, crate::auth::Via::Session { .. }).then_some(viewer.manages)
}

/// Whose people a team view covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Whose {
    /// Everyone (HR's organisation view).
    Everyone,
    /// The people below this manager in the reporting lines.
    Below(i64),
}

/// Proof that the viewer may see a team view: one manager's (the heatmap
/// of the people below them), or, for HR, everyone's.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TeamAccess {
    whose: Whose,
}

impl TeamAccess {
    /// Whose people.
    pub(crate) fn whose(&self) -> Whose {
        self.whose
    }
}

/// Which team the rule gives: another manager's only to HR; without a
/// manager asked for, everyone to HR and their own team to anyone someone
/// reports to. `None` when the viewer has no team view at all.
pub(super) fn team_of(
    viewer: i64,
    hr: bool,
    requested: Option<i64>,
    has_reports: bool,
) -> Option<Whose> {
    match requested {
        Some(m) if m != viewer => hr.then_some(Whose::Below(m)),
        None if hr => Some(Whose::Everyone),
        _ if hr || has_reports => Some(Whose::Below(viewer)),
        _ => None,
    }
}

/// May the viewer see the team of `requested` (their own, or everyone for
/// HR, when `None`)?
pub(crate) async fn team(
    app: &App,
    viewer: &Viewer,
    requested: Option<i64>,
) -> Result<TeamAccess, ServerError> {
    let me = viewer.person.id;
    let hr = is_hr(viewer.person.role);
    // Whether anyone reports to them matters only for their own team.
    let has_reports = !hr
        && requested.is_none_or(|m| m == me)
        && match manages(viewer) {
            Some(known) => known,
            None => app.store.scope_of(me).await? != Scope::People(vec![me]),
        };
    let whose = team_of(me, hr, requested, has_reports).ok_or(ServerError::Forbidden)?;
    Ok(TeamAccess { whose })
}

/// Proof that the viewer may act on many people's rollout entries at once
/// (accept every suggestion): HR, or anyone someone reports to. It covers
/// the viewer's list scope; each person in it is still checked by the
/// per-person rule ([`propose`](super::propose)), so a manager never
/// proposes their own level in bulk.
#[derive(Debug, Clone)]
pub(crate) struct BulkProposing<'v> {
    viewer: &'v Viewer,
    scope: ListScope,
}

impl<'v> BulkProposing<'v> {
    /// Who acts.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// Whose entries it may reach.
    pub(crate) fn scope(&self) -> &ListScope {
        &self.scope
    }
}

/// The rule for acting in bulk: HR, or a manager.
pub(super) fn bulk_allowed(hr: bool, has_reports: bool) -> bool {
    hr || has_reports
}

/// May the viewer act on many rollout entries at once?
pub(crate) async fn bulk_propose<'v>(
    app: &App,
    viewer: &'v Viewer,
) -> Result<BulkProposing<'v>, ServerError> {
    let me = viewer.person.id;
    let scope = list_scope(app, viewer).await?;
    let hr = is_hr(viewer.person.role);
    let has_reports = scope.scope() != &Scope::People(vec![me]);
    if !bulk_allowed(hr, has_reports) {
        return Err(ServerError::Forbidden);
    }
    Ok(BulkProposing { viewer, scope })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teams() {
        use Whose::*;
        // HR: any manager's team, their own, and everyone by default.
        assert_eq!(team_of(1, true, Some(2), false), Some(Below(2)));
        assert_eq!(team_of(1, true, Some(1), false), Some(Below(1)));
        assert_eq!(team_of(1, true, None, false), Some(Everyone));
        // A manager: their own only.
        assert_eq!(team_of(1, false, None, true), Some(Below(1)));
        assert_eq!(team_of(1, false, Some(1), true), Some(Below(1)));
        assert_eq!(team_of(1, false, Some(2), true), None);
        // Nobody reports to them: no team.
        assert_eq!(team_of(1, false, None, false), None);
    }

    #[test]
    fn bulk_for_hr_and_managers_only() {
        assert!(bulk_allowed(true, false));
        assert!(bulk_allowed(false, true));
        assert!(!bulk_allowed(false, false));
    }
}
