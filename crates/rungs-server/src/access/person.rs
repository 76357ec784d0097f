//! One person's record: reading it, changing it, their level (placements
//! and a rollout's steps) and their data export.

use rungs_store::model::{Person, Role};

use super::granted::{Acknowledging, Placing, Proposing};
use super::role::is_hr;
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::state::App;

/// How the viewer reaches one person's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Reach {
    /// Their own.
    Own,
    /// They manage this person (directly or through others).
    Manages,
    /// HR or admin.
    Everyone,
}

/// The rule: how a viewer with `role` and id `viewer` reaches `person`,
/// given whether they manage them; `None` when they do not.
pub(super) fn reach_of(viewer: i64, role: Role, person: i64, manages: bool) -> Option<Reach> {
    if is_hr(role) {
        Some(Reach::Everyone)
    } else if viewer == person {
        Some(Reach::Own)
    } else if manages {
        Some(Reach::Manages)
    } else {
        None
    }
}

/// How the viewer reaches `person`, asking the store only when the role
/// does not decide; "not found" when they do not.
pub(super) async fn reach(app: &App, viewer: &Viewer, person: i64) -> Result<Reach, ServerError> {
    let me = viewer.person.id;
    let manages =
        !is_hr(viewer.person.role) && me != person && app.store.manages(me, person).await?;
    reach_of(me, viewer.person.role, person, manages)
        .ok_or_else(|| ServerError::NotFound(format!("person {person}")))
}

/// Proof that the viewer may read one person's record, level, placements,
/// assessments and growth page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PersonRead<'v> {
    viewer: &'v Viewer,
    person: i64,
    reach: Reach,
}

impl<'v> PersonRead<'v> {
    /// Who reads.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// Whom.
    pub(crate) fn person(&self) -> i64 {
        self.person
    }

    /// May the viewer change this person's record (HR)?
    pub(crate) fn may_edit(&self) -> bool {
        self.reach == Reach::Everyone
    }

    /// May the viewer download everything held about them?
    pub(crate) fn may_export(&self) -> bool {
        export_allowed(self.reach)
    }

    /// Reading someone is reading their assessments and opening one: the
    /// person themselves, anyone they report to, or HR.
    pub(super) fn new(viewer: &'v Viewer, person: i64, reach: Reach) -> Self {
        PersonRead {
            viewer,
            person,
            reach,
        }
    }
}

/// May the viewer read `person`? Themselves, anyone they report to, HR.
pub(crate) async fn read<'v>(
    app: &App,
    viewer: &'v Viewer,
    person: i64,
) -> Result<PersonRead<'v>, ServerError> {
    let reach = reach(app, viewer, person).await?;
    Ok(PersonRead::new(viewer, person, reach))
}

/// Proof that the viewer may add a person or change one (HR; roles, and
/// people who have one, an administrator).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PersonEdit<'v> {
    viewer: &'v Viewer,
    person: Option<i64>,
}

impl<'v> PersonEdit<'v> {
    /// Who edits.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// Whom (`None`: a new person).
    pub(crate) fn person(&self) -> Option<i64> {
        self.person
    }
}

/// The rule for roles: roles, and people who have one (HR,
/// administrators), are changed by an administrator only: HR changing an
/// administrator's email could take over their account.
pub(super) fn role_change_allowed(viewer: Role, before: Option<Role>, after: Role) -> bool {
    let privileged = before.is_some_and(|r| r != Role::Employee);
    let changes_role = before.unwrap_or(Role::Employee) != after;
    viewer == Role::Admin || !(changes_role || privileged)
}

/// May the viewer give `person` (`None`: a new person) the role `after`?
/// HR for employees, an administrator for roles.
pub(crate) async fn edit<'v>(
    app: &App,
    viewer: &'v Viewer,
    person: Option<i64>,
    after: Role,
) -> Result<PersonEdit<'v>, ServerError> {
    super::hr(viewer)?;
    let before = match person {
        Some(id) => Some(
            app.store
                .person(id)
                .await?
                .ok_or_else(|| ServerError::NotFound(format!("person {id}")))?
                .role,
        ),
        None => None,
    };
    if !role_change_allowed(viewer.person.role, before, after) {
        return Err(ServerError::Forbidden);
    }
    Ok(PersonEdit { viewer, person })
}

/// The rule for levels: HR sets the levels of employees other than
/// themselves; an administrator anyone's, their own included.
pub(super) fn placing_allowed(viewer: &Person, target: &Person) -> bool {
    match viewer.role {
        Role::Admin => true,
        Role::Hr => target.id != viewer.id && target.role == Role::Employee,
        Role::Employee => false,
    }
}

/// One rule for both ways of setting a level: may the viewer place
/// `person`? (Confirming a rollout's proposal is a placement too, so an HR
/// person cannot reach an administrator's level through a rollout.)
async fn placing<'v>(
    app: &App,
    viewer: &'v Viewer,
    person: i64,
) -> Result<Placing<'v>, ServerError> {
    super::hr(viewer)?;
    let target = app
        .store
        .person(person)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("person {person}")))?;
    if !placing_allowed(&viewer.person, &target) {
        return Err(ServerError::Forbidden);
    }
    Ok(Placing::new(viewer, person))
}

/// May the viewer record a placement for `person`?
pub(crate) async fn place<'v>(
    app: &App,
    viewer: &'v Viewer,
    person: i64,
) -> Result<Placing<'v>, ServerError> {
    placing(app, viewer, person).await
}

/// May the viewer confirm the level proposed for `person` in a rollout?
pub(crate) async fn confirm<'v>(
    app: &App,
    viewer: &'v Viewer,
    person: i64,
) -> Result<Placing<'v>, ServerError> {
    placing(app, viewer, person).await
}

/// The rule for proposals: the person's managers and HR; nobody proposes
/// their own level but HR (whose proposal another confirms).
pub(super) fn proposing_allowed(reach: Reach) -> bool {
    matches!(reach, Reach::Manages | Reach::Everyone)
}

/// May the viewer propose `person`'s level?
pub(crate) async fn propose<'v>(
    app: &App,
    viewer: &'v Viewer,
    person: i64,
) -> Result<Proposing<'v>, ServerError> {
    if proposing_allowed(reach(app, viewer, person).await?) {
        Ok(Proposing::new(viewer, person))
    } else {
        Err(ServerError::Forbidden)
    }
}

/// Only the person acknowledges their level; anyone else who can see them
/// is forbidden, and the rest do not find them.
pub(crate) async fn acknowledge<'v>(
    app: &App,
    viewer: &'v Viewer,
    person: i64,
) -> Result<Acknowledging<'v>, ServerError> {
    match reach(app, viewer, person).await? {
        _ if viewer.person.id == person => Ok(Acknowledging::new(viewer, person)),
        _ => Err(ServerError::Forbidden),
    }
}

/// Proof that the viewer may download everything held about one person.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Exporting<'v> {
    read: PersonRead<'v>,
}

impl<'v> Exporting<'v> {
    /// The read it includes.
    pub(crate) fn read(&self) -> PersonRead<'v> {
        self.read
    }
}

/// The rule for exports: the person themselves and HR, not their managers.
pub(super) fn export_allowed(reach: Reach) -> bool {
    matches!(reach, Reach::Own | Reach::Everyone)
}

/// May the viewer export `person`'s data?
pub(crate) async fn export<'v>(
    app: &App,
    viewer: &'v Viewer,
    person: i64,
) -> Result<Exporting<'v>, ServerError> {
    let read = read(app, viewer, person).await?;
    if read.may_export() {
        Ok(Exporting { read })
    } else {
        Err(ServerError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::tests::person;

    #[test]
    fn reach_by_role_self_and_reporting_line() {
        assert_eq!(reach_of(1, Role::Hr, 2, false), Some(Reach::Everyone));
        assert_eq!(reach_of(1, Role::Admin, 1, false), Some(Reach::Everyone));
        assert_eq!(reach_of(1, Role::Employee, 1, false), Some(Reach::Own));
        assert_eq!(reach_of(1, Role::Employee, 2, true), Some(Reach::Manages));
        assert_eq!(reach_of(1, Role::Employee, 2, false), None);
    }

    #[test]
    fn only_an_administrator_touches_roles() {
        use Role::*;
        // HR adds and edits employees, as employees.
        assert!(role_change_allowed(Hr, None, Employee));
        assert!(role_change_allowed(Hr, Some(Employee), Employee));
        // HR neither gives a role nor edits someone who has one.
        assert!(!role_change_allowed(Hr, None, Hr));
        assert!(!role_change_allowed(Hr, Some(Employee), Admin));
        assert!(!role_change_allowed(Hr, Some(Admin), Admin));
        assert!(!role_change_allowed(Hr, Some(Hr), Employee));
        // An administrator does all of it.
        assert!(role_change_allowed(Admin, Some(Admin), Employee));
        assert!(role_change_allowed(Admin, None, Admin));
    }

    #[test]
    fn hr_places_employees_but_not_themselves_nor_roles() {
        let hr = person(1, Role::Hr);
        let admin = person(2, Role::Admin);
        let employee = person(3, Role::Employee);
        let other_hr = person(4, Role::Hr);
        assert!(placing_allowed(&hr, &employee));
        assert!(!placing_allowed(&hr, &hr));
        assert!(!placing_allowed(&hr, &admin));
        assert!(!placing_allowed(&hr, &other_hr));
        assert!(placing_allowed(&admin, &admin));
        assert!(placing_allowed(&admin, &other_hr));
        assert!(!placing_allowed(&employee, &employee));
    }

    #[test]
    fn proposals_and_exports_by_reach() {
        assert!(!proposing_allowed(Reach::Own));
        assert!(proposing_allowed(Reach::Manages));
        assert!(proposing_allowed(Reach::Everyone));
        assert!(export_allowed(Reach::Own));
        assert!(!export_allowed(Reach::Manages));
        assert!(export_allowed(Reach::Everyone));
    }
}
