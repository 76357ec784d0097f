//! 1-on-1 notes and goals.
//!
//! Notes are between a person and their manager: nobody else reads them,
//! except HR where the organisation sets `hr_reads_notes = true`, and then
//! every read is written to the audit log. Goals are set by the person and
//! anyone they report to; HR reads them.

use rungs_store::model::Role;

use super::granted::{GoalsWrite, NoteWrite};
use super::person::{Reach, reach};
use super::role::is_hr;
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::state::App;

/// How the viewer may use one person's 1-on-1 notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotesSeat {
    /// The person: reads all of theirs, writes.
    Person,
    /// Their manager: reads the notes of their time as manager, writes.
    Manager(i64),
    /// HR where the organisation allows it: reads all, each read audited.
    Hr,
    /// Nobody else.
    None,
}

impl NotesSeat {
    /// Does this seat write notes?
    pub(crate) fn writes(self) -> bool {
        matches!(self, NotesSeat::Person | NotesSeat::Manager(_))
    }
}

/// The rule: the seat of a viewer at a person's notes.
pub(super) fn notes_seat_of(
    viewer: i64,
    role: Role,
    person: i64,
    direct_manager: Option<i64>,
    hr_reads_notes: bool,
) -> NotesSeat {
    if viewer == person {
        NotesSeat::Person
    } else if direct_manager == Some(viewer) {
        NotesSeat::Manager(viewer)
    } else if is_hr(role) && hr_reads_notes {
        NotesSeat::Hr
    } else {
        NotesSeat::None
    }
}

/// Proof that the viewer may see one person's growth page, with their seat
/// at the person's notes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NotesAccess<'v> {
    viewer: &'v Viewer,
    person: i64,
    seat: NotesSeat,
}

impl<'v> NotesAccess<'v> {
    /// Who.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// Whose notes.
    pub(crate) fn person(&self) -> i64 {
        self.person
    }

    /// The viewer's seat.
    pub(crate) fn seat(&self) -> NotesSeat {
        self.seat
    }

    /// Writing a note: the person and their manager only.
    pub(crate) fn write(self) -> Result<NoteWrite<'v>, ServerError> {
        if self.seat.writes() {
            Ok(NoteWrite::new(self.viewer, self.person))
        } else {
            Err(ServerError::Forbidden)
        }
    }
}

/// The viewer's seat at `person`'s notes; "not found" when they cannot see
/// the person at all.
pub(crate) async fn notes<'v>(
    app: &App,
    viewer: &'v Viewer,
    person: i64,
) -> Result<NotesAccess<'v>, ServerError> {
    reach(app, viewer, person).await?;
    let direct_manager = if viewer.person.id == person {
        None
    } else {
        app.store
            .person(person)
            .await?
            .ok_or_else(|| ServerError::NotFound(format!("person {person}")))?
            .manager_id
    };
    let seat = notes_seat_of(
        viewer.person.id,
        viewer.person.role,
        person,
        direct_manager,
        app.ladder().framework.assessments.hr_reads_notes,
    );
    Ok(NotesAccess {
        viewer,
        person,
        seat,
    })
}

/// The rule for goals: the person and anyone they report to; HR reads
/// them, and sets them only for people who report to them.
pub(super) fn goals_allowed(reach: Reach, is_self: bool, manages: bool) -> bool {
    match reach {
        Reach::Own | Reach::Manages => true,
        Reach::Everyone => is_self || manages,
    }
}

/// May the viewer set and change `person`'s goals?
pub(crate) async fn goals<'v>(
    app: &App,
    viewer: &'v Viewer,
    person: i64,
) -> Result<GoalsWrite<'v>, ServerError> {
    let reach = reach(app, viewer, person).await?;
    let is_self = viewer.person.id == person;
    // HR's reach says nothing of the reporting lines: ask.
    let manages =
        reach == Reach::Everyone && !is_self && app.store.manages(viewer.person.id, person).await?;
    if goals_allowed(reach, is_self, manages) {
        Ok(GoalsWrite::new(viewer, person))
    } else {
        Err(ServerError::Forbidden)
    }
}

/// [`goals`], when the answer is yes; `None` when it is no (the growth
/// page then offers no goal forms). Other errors stay errors.
pub(crate) async fn goals_if_allowed<'v>(
    app: &App,
    viewer: &'v Viewer,
    person: i64,
) -> Result<Option<GoalsWrite<'v>>, ServerError> {
    match goals(app, viewer, person).await {
        Ok(g) => Ok(Some(g)),
        Err(ServerError::Forbidden) => Ok(None),
        Err(e) => Err(e),
    }
}

/// May the viewer change goal `id`? The rule of its person's goals; someone
/// else's goal is "not found" as a goal, never naming its owner.
pub(crate) async fn goal<'v>(
    app: &App,
    viewer: &'v Viewer,
    id: i64,
) -> Result<GoalsWrite<'v>, ServerError> {
    let not_found = || ServerError::NotFound(format!("goal {id}"));
    let goal = app.store.goal(id).await?.ok_or_else(not_found)?;
    goals(app, viewer, goal.person_id)
        .await
        .map_err(|e| match e {
            ServerError::NotFound(_) => not_found(),
            e => e,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_belong_to_the_person_and_their_manager() {
        use Role::*;
        assert_eq!(
            notes_seat_of(1, Employee, 1, Some(2), false),
            NotesSeat::Person
        );
        assert_eq!(
            notes_seat_of(2, Employee, 1, Some(2), false),
            NotesSeat::Manager(2)
        );
        // A manager further up does not read them.
        assert_eq!(
            notes_seat_of(3, Employee, 1, Some(2), false),
            NotesSeat::None
        );
        // HR only where the organisation allows it.
        assert_eq!(notes_seat_of(4, Hr, 1, Some(2), false), NotesSeat::None);
        assert_eq!(notes_seat_of(4, Hr, 1, Some(2), true), NotesSeat::Hr);
        assert_eq!(notes_seat_of(5, Admin, 1, Some(2), true), NotesSeat::Hr);
        assert!(NotesSeat::Person.writes());
        assert!(NotesSeat::Manager(2).writes());
        assert!(!NotesSeat::Hr.writes());
        assert!(!NotesSeat::None.writes());
    }

    #[test]
    fn goals_by_the_person_and_their_managers() {
        assert!(goals_allowed(Reach::Own, true, false));
        assert!(goals_allowed(Reach::Manages, false, true));
        assert!(goals_allowed(Reach::Everyone, true, false));
        assert!(goals_allowed(Reach::Everyone, false, true));
        assert!(!goals_allowed(Reach::Everyone, false, false));
    }
}
