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
    } else {
        app.store.scope_of(viewer.person.id).await?
    };
    Ok(ListScope { scope })
}

/// Proof that the viewer may see one manager's team view (the heatmap of
/// the people below them).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TeamAccess {
    manager: i64,
}

impl TeamAccess {
    /// Whose team.
    pub(crate) fn manager(&self) -> i64 {
        self.manager
    }
}

/// Which team the rule gives: another manager's only to HR; the viewer's
/// own to HR (who may have reports) and to anyone someone reports to.
/// `None` when the viewer has no team view at all.
pub(super) fn team_of(
    viewer: i64,
    hr: bool,
    requested: Option<i64>,
    has_reports: bool,
) -> Option<i64> {
    match requested {
        Some(m) if m != viewer => hr.then_some(m),
        _ if hr || has_reports => Some(viewer),
        _ => None,
    }
}

/// May the viewer see the team of `requested` (their own when `None`)?
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
        && app.store.scope_of(me).await? != Scope::People(vec![me]);
    let manager = team_of(me, hr, requested, has_reports).ok_or(ServerError::Forbidden)?;
    Ok(TeamAccess { manager })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teams() {
        // HR: any manager's team, and their own.
        assert_eq!(team_of(1, true, Some(2), false), Some(2));
        assert_eq!(team_of(1, true, None, false), Some(1));
        // A manager: their own only.
        assert_eq!(team_of(1, false, None, true), Some(1));
        assert_eq!(team_of(1, false, Some(1), true), Some(1));
        assert_eq!(team_of(1, false, Some(2), true), None);
        // Nobody reports to them: no team.
        assert_eq!(team_of(1, false, None, false), None);
    }
}
