//! Rules that depend on the viewer's role alone.

use rungs_store::model::{Role, TokenScope};

use crate::auth::{Via, Viewer};
use crate::error::ServerError;

/// The viewer acting on their own things (API tokens, reminders): anyone
/// signed in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SignedIn<'v> {
    viewer: &'v Viewer,
}

impl<'v> SignedIn<'v> {
    /// Who.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// Whether they came with an API token rather than a browser session.
    pub(crate) fn by_token(&self) -> bool {
        matches!(self.viewer.via, Via::Token { .. })
    }
}

/// The viewer's own things.
pub(crate) fn own(viewer: &Viewer) -> SignedIn<'_> {
    SignedIn { viewer }
}

/// Making an API token: a browser session only. A token cannot make
/// tokens, so revoking one ends its access.
pub(crate) fn new_token(viewer: &Viewer) -> Result<SignedIn<'_>, ServerError> {
    let own = own(viewer);
    if own.by_token() {
        Err(ServerError::Forbidden)
    } else {
        Ok(own)
    }
}

/// Proof that the request is an identity provider keeping the roster
/// current (SCIM): an administrator's `scim` token, and nothing else, not
/// their session nor their other tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Provisioning<'v> {
    viewer: &'v Viewer,
}

impl<'v> Provisioning<'v> {
    /// The token's owner, as whom changes are made (the audit log names
    /// the token).
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }
}

/// The rule for provisioning: a `scim` token whose owner is an
/// administrator.
pub(super) fn provisioning_allowed(scim_token: bool, role: Role) -> bool {
    scim_token && role == Role::Admin
}

/// May this request provision people?
pub(crate) fn provision(viewer: &Viewer) -> Result<Provisioning<'_>, ServerError> {
    let scim_token = matches!(
        viewer.via,
        Via::Token {
            scope: TokenScope::Scim,
            ..
        }
    );
    if provisioning_allowed(scim_token, viewer.person.role) {
        Ok(Provisioning { viewer })
    } else {
        Err(ServerError::Forbidden)
    }
}

/// Proof that the viewer is HR or an administrator: rosters, rollouts,
/// cycles, aggregates, everyone's records.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hr<'v> {
    viewer: &'v Viewer,
}

impl<'v> Hr<'v> {
    /// Who.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// Whether they are an administrator too (a roster may then change
    /// people who have roles).
    pub(crate) fn is_admin(&self) -> bool {
        self.viewer.person.role == Role::Admin
    }
}

/// HR or admin, or forbidden.
pub(crate) fn hr(viewer: &Viewer) -> Result<Hr<'_>, ServerError> {
    if is_hr(viewer.person.role) {
        Ok(Hr { viewer })
    } else {
        Err(ServerError::Forbidden)
    }
}

/// Proof that the viewer is an administrator: roles, password links,
/// anonymising, identities, the audit log, the framework reload.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Admin<'v> {
    viewer: &'v Viewer,
}

impl<'v> Admin<'v> {
    /// Who.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }
}

/// Admin, or forbidden.
pub(crate) fn admin(viewer: &Viewer) -> Result<Admin<'_>, ServerError> {
    if viewer.person.role == Role::Admin {
        Ok(Admin { viewer })
    } else {
        Err(ServerError::Forbidden)
    }
}

/// What a token's scope lets through, before the route's own rule: a
/// `read` token only reads; an `impact` token reaches the impact preview
/// and statement health (aggregates) and nothing else, so a token kept in
/// a CI system can read no person even if it leaks.
pub(crate) fn token_allows(scope: TokenScope, safe_method: bool, path: &str) -> bool {
    match scope {
        TokenScope::Write => true,
        TokenScope::Read => safe_method,
        TokenScope::Impact => {
            path == IMPACT_PREVIEW || (safe_method && path == "/api/v1/framework/health")
        }
        // Provisioning, and nothing else.
        TokenScope::Scim => crate::scim::is_scim(path),
    }
}

/// The impact preview: read with GET, or computed for two versions sent
/// with POST (which writes nothing).
const IMPACT_PREVIEW: &str = "/api/v1/framework/impact";

/// Proof that the viewer may read the impact preview and statement health:
/// HR or an administrator (by session or any token of theirs).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ImpactRead<'v> {
    viewer: &'v Viewer,
}

impl ImpactRead<'_> {
    /// Whether the names behind the aggregates may be shown: HR and
    /// administrators read everyone's records, but an `impact` token reads
    /// aggregates only.
    pub(crate) fn names(&self) -> bool {
        !matches!(
            self.viewer.via,
            Via::Token {
                scope: TokenScope::Impact,
                ..
            }
        )
    }
}

/// The impact aggregates: HR or admin, or forbidden.
pub(crate) fn impact(viewer: &Viewer) -> Result<ImpactRead<'_>, ServerError> {
    if is_hr(viewer.person.role) {
        Ok(ImpactRead { viewer })
    } else {
        Err(ServerError::Forbidden)
    }
}

/// Does this role see everyone (HR and administrators)?
pub(super) fn is_hr(role: Role) -> bool {
    matches!(role, Role::Hr | Role::Admin)
}

/// What the app's menu offers the viewer. Only for showing links: every
/// route checks its own rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Powers {
    /// HR's pages: people, roster, rollout, cycles, insights.
    pub is_hr: bool,
    /// The administrator's pages: audit log, framework.
    pub is_admin: bool,
    /// The team page (HR, or anyone with people reporting to them).
    pub can_team: bool,
}

impl Powers {
    /// The powers of `viewer` (none when nobody is signed in).
    pub(crate) fn of(viewer: Option<&Viewer>) -> Powers {
        viewer.map_or_else(Powers::default, |v| Powers {
            is_hr: is_hr(v.person.role),
            is_admin: v.person.role == Role::Admin,
            can_team: is_hr(v.person.role) || v.manages,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::tests::viewer;

    #[test]
    fn hr_and_admin_by_role() {
        let employee = viewer(1, Role::Employee);
        let hr_person = viewer(2, Role::Hr);
        let admin_person = viewer(3, Role::Admin);
        assert!(hr(&employee).is_err());
        assert!(!hr(&hr_person).expect("HR is HR").is_admin());
        assert!(hr(&admin_person).expect("admin is HR").is_admin());
        assert!(admin(&employee).is_err());
        assert!(admin(&hr_person).is_err());
        assert!(admin(&admin_person).is_ok());
    }

    #[test]
    fn only_an_administrators_scim_token_provisions() {
        assert!(provisioning_allowed(true, Role::Admin));
        assert!(!provisioning_allowed(true, Role::Hr));
        assert!(!provisioning_allowed(false, Role::Admin));
        let mut by_session = viewer(3, Role::Admin);
        assert!(
            provision(&by_session).is_err(),
            "a session never provisions"
        );
        by_session.via = Via::Token {
            id: 1,
            scope: TokenScope::Write,
        };
        assert!(provision(&by_session).is_err(), "nor an ordinary token");
        by_session.via = Via::Token {
            id: 2,
            scope: TokenScope::Scim,
        };
        assert!(provision(&by_session).is_ok());
    }

    #[test]
    fn powers_follow_roles_and_reports() {
        let mut manager = viewer(1, Role::Employee);
        assert_eq!(Powers::of(Some(&manager)), Powers::default());
        manager.manages = true;
        assert_eq!(
            Powers::of(Some(&manager)),
            Powers {
                is_hr: false,
                is_admin: false,
                can_team: true
            }
        );
        let admin_person = viewer(2, Role::Admin);
        assert_eq!(
            Powers::of(Some(&admin_person)),
            Powers {
                is_hr: true,
                is_admin: true,
                can_team: true
            }
        );
        assert_eq!(Powers::of(None), Powers::default());
    }

    #[test]
    fn a_token_is_known_as_one() {
        let mut v = viewer(1, Role::Employee);
        assert!(!own(&v).by_token());
        assert!(new_token(&v).is_ok());
        v.via = Via::Token {
            id: 7,
            scope: TokenScope::Read,
        };
        assert!(own(&v).by_token());
        assert!(new_token(&v).is_err());
    }

    #[test]
    fn an_impact_token_reads_aggregates_only() {
        let preview = "/api/v1/framework/impact";
        assert!(token_allows(TokenScope::Impact, true, preview));
        assert!(token_allows(TokenScope::Impact, false, preview));
        assert!(token_allows(
            TokenScope::Impact,
            true,
            "/api/v1/framework/health"
        ));
        for path in [
            "/api/v1/people",
            "/api/v1/people/1",
            "/api/v1/me",
            "/api/v1/insights",
        ] {
            assert!(!token_allows(TokenScope::Impact, true, path), "{path}");
        }
        assert!(!token_allows(TokenScope::Read, false, preview));
        assert!(token_allows(TokenScope::Read, true, "/api/v1/people"));
        let mut hr_person = viewer(2, Role::Hr);
        assert!(impact(&hr_person).expect("HR reads impact").names());
        hr_person.via = Via::Token {
            id: 1,
            scope: TokenScope::Impact,
        };
        assert!(!impact(&hr_person).expect("by token too").names());
        assert!(impact(&viewer(3, Role::Employee)).is_err());
    }
}
