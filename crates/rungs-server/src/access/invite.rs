//! Inviting people to join: HR and administrators. An invitation is a
//! one-time password link, so whoever holds one becomes that person: HR
//! may invite people without a role only, and only an administrator may
//! invite someone with the HR or administrator role (whose link HR would
//! otherwise see when it is shown to copy).

use rungs_store::model::Role;

use crate::auth::Viewer;
use crate::error::ServerError;

/// Proof that the viewer may invite people (HR or admin); which people,
/// [`Inviting::may_invite`] says.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Inviting<'v> {
    viewer: &'v Viewer,
}

impl<'v> Inviting<'v> {
    /// Who.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// Whether this viewer may invite someone with `role`.
    pub(crate) fn may_invite(&self, role: Role) -> bool {
        invite_allowed(self.viewer.person.role, role)
    }
}

/// HR or admin, or forbidden.
pub(crate) fn invite(viewer: &Viewer) -> Result<Inviting<'_>, ServerError> {
    if super::role::is_hr(viewer.person.role) {
        Ok(Inviting { viewer })
    } else {
        Err(ServerError::Forbidden)
    }
}

/// The rule: may someone with role `inviter` invite someone with `invitee`?
pub(super) fn invite_allowed(inviter: Role, invitee: Role) -> bool {
    match inviter {
        Role::Admin => true,
        Role::Hr => invitee == Role::Employee,
        Role::Employee => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::tests::viewer;

    #[test]
    fn hr_invites_people_without_roles_and_admins_anyone() {
        assert!(invite_allowed(Role::Hr, Role::Employee));
        assert!(!invite_allowed(Role::Hr, Role::Hr));
        assert!(!invite_allowed(Role::Hr, Role::Admin));
        assert!(invite_allowed(Role::Admin, Role::Admin));
        assert!(!invite_allowed(Role::Employee, Role::Employee));
        assert!(invite(&viewer(1, Role::Employee)).is_err());
        let hr = viewer(2, Role::Hr);
        assert!(invite(&hr).expect("HR invites").may_invite(Role::Employee));
    }
}
