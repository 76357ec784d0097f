//! How the viewer sits at an assessment, and so what they see of it.
//!
//! Each side sees its own ratings from the start and the other side's once
//! the assessment is shared; managers above the assessing manager and HR
//! see an assessment once it is shared; drafts are only ever their
//! author's.

use serde::Serialize;
use utoipa::ToSchema;

use rungs_store::model::{Assessment, Side};

use super::role::is_hr;
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::state::App;

/// How the viewer stands to an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Seat {
    /// The person assessed.
    Person,
    /// The manager assessing them.
    Assessor,
    /// A manager above the assessing manager.
    Above,
    /// HR or an administrator.
    Hr,
}

impl Seat {
    /// The side this seat writes, if any.
    pub fn side(self) -> Option<Side> {
        match self {
            Seat::Person => Some(Side::Person),
            Seat::Assessor => Some(Side::Manager),
            Seat::Above | Seat::Hr => None,
        }
    }

    /// May this seat see `side`'s ratings of `a`?
    pub fn sees(self, side: Side, a: &Assessment) -> bool {
        a.shared_at.is_some() || self.side() == Some(side)
    }

    /// Does this seat ever take `step`? Whether it can now depends on the
    /// assessment's state as well.
    pub(crate) fn takes(self, step: StepKind) -> bool {
        match step {
            StepKind::Rate | StepKind::Submit => self.side().is_some(),
            StepKind::Share => self == Seat::Assessor,
            StepKind::Acknowledge => self == Seat::Person,
            StepKind::Revise => self != Seat::Above,
        }
    }
}

/// What can be done to an assessment, as far as who does it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StepKind {
    /// Change one side's ratings.
    Rate,
    /// Submit one side.
    Submit,
    /// Share it (the assessing manager).
    Share,
    /// Acknowledge it (the person).
    Acknowledge,
    /// Start a new version of a locked one (not a manager further up).
    Revise,
}

/// What the seat rule needs to know about the viewer and the assessment.
#[derive(Debug, Clone, Copy)]
pub(super) struct SeatFacts {
    /// The viewer is the person assessed.
    pub is_person: bool,
    /// The viewer is the assessment's manager.
    pub is_assessing_manager: bool,
    /// The assessment has no manager.
    pub no_manager: bool,
    /// The viewer is HR or an administrator.
    pub is_hr: bool,
    /// The viewer manages the person now (directly or through others).
    pub manages_now: bool,
}

/// The rule: the seat these facts give, if any.
pub(super) fn seat_of(f: SeatFacts) -> Option<Seat> {
    if f.is_person {
        Some(Seat::Person)
    } else if f.is_assessing_manager && f.manages_now {
        // The manager who assesses them, while they still manage them: after
        // a change of reporting lines, the former manager has no seat.
        Some(Seat::Assessor)
    } else if f.no_manager && f.is_hr {
        // HR assesses someone who has no manager.
        Some(Seat::Assessor)
    } else if f.is_hr {
        Some(Seat::Hr)
    } else if f.manages_now {
        Some(Seat::Above)
    } else {
        None
    }
}

/// Proof that the viewer has a seat at one assessment, with the
/// assessment as it was read.
#[derive(Debug, Clone)]
pub(crate) struct AssessmentAccess<'v> {
    viewer: &'v Viewer,
    assessment: Assessment,
    seat: Seat,
}

impl<'v> AssessmentAccess<'v> {
    /// Who.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// The assessment.
    pub(crate) fn assessment(&self) -> &Assessment {
        &self.assessment
    }

    /// The viewer's seat.
    pub(crate) fn seat(&self) -> Seat {
        self.seat
    }
}

/// The viewer's seat at assessment `id`, or "not found".
pub(crate) async fn assessment<'v>(
    app: &App,
    viewer: &'v Viewer,
    id: i64,
) -> Result<AssessmentAccess<'v>, ServerError> {
    let not_found = || ServerError::NotFound(format!("assessment {id}"));
    let a = app.store.assessment(id).await?.ok_or_else(not_found)?;
    let me = viewer.person.id;
    let is_person = a.person_id == me;
    let is_assessing_manager = a.manager_id == Some(me);
    let hr = is_hr(viewer.person.role);
    // Whether they manage the person is asked only when it can matter.
    let manages_now =
        !is_person && (is_assessing_manager || !hr) && app.store.manages(me, a.person_id).await?;
    let seat = seat_of(SeatFacts {
        is_person,
        is_assessing_manager,
        no_manager: a.manager_id.is_none(),
        is_hr: hr,
        manages_now,
    })
    .ok_or_else(not_found)?;
    Ok(AssessmentAccess {
        viewer,
        assessment: a,
        seat,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> SeatFacts {
        SeatFacts {
            is_person: false,
            is_assessing_manager: false,
            no_manager: false,
            is_hr: false,
            manages_now: false,
        }
    }

    #[test]
    fn seats() {
        assert_eq!(
            seat_of(SeatFacts {
                is_person: true,
                ..facts()
            }),
            Some(Seat::Person)
        );
        assert_eq!(
            seat_of(SeatFacts {
                is_assessing_manager: true,
                manages_now: true,
                ..facts()
            }),
            Some(Seat::Assessor)
        );
        // A former manager has no seat.
        assert_eq!(
            seat_of(SeatFacts {
                is_assessing_manager: true,
                ..facts()
            }),
            None
        );
        // HR assesses people without a manager, and reads the others.
        assert_eq!(
            seat_of(SeatFacts {
                no_manager: true,
                is_hr: true,
                ..facts()
            }),
            Some(Seat::Assessor)
        );
        assert_eq!(
            seat_of(SeatFacts {
                is_hr: true,
                ..facts()
            }),
            Some(Seat::Hr)
        );
        assert_eq!(
            seat_of(SeatFacts {
                manages_now: true,
                ..facts()
            }),
            Some(Seat::Above)
        );
        assert_eq!(seat_of(facts()), None);
    }

    #[test]
    fn who_takes_each_step() {
        use StepKind::*;
        assert!(Seat::Person.takes(Rate) && Seat::Assessor.takes(Submit));
        assert!(!Seat::Hr.takes(Rate) && !Seat::Above.takes(Submit));
        assert!(Seat::Assessor.takes(Share) && !Seat::Person.takes(Share));
        assert!(Seat::Person.takes(Acknowledge) && !Seat::Assessor.takes(Acknowledge));
        assert!(Seat::Hr.takes(Revise) && !Seat::Above.takes(Revise));
    }

    #[test]
    fn only_writing_seats_have_a_side() {
        assert_eq!(Seat::Person.side(), Some(Side::Person));
        assert_eq!(Seat::Assessor.side(), Some(Side::Manager));
        assert_eq!(Seat::Above.side(), None);
        assert_eq!(Seat::Hr.side(), None);
    }
}
