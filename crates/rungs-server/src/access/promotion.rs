//! Promotion cases: who reads a case, who writes which part of it, who
//! answers a feedback request, who sits at a calibration session.
//!
//! - The person: their own case once the decision was communicated (the
//!   decision and its reasons only), and a draft they opened themselves
//!   where self-nomination is allowed.
//! - The manager chain (anyone the person reports to, directly or not):
//!   the whole case; they write the draft, submit it, and tell the person.
//! - The committee of the case's session, while the case is in
//!   calibration: the whole case; they comment and vote; the chair records
//!   the decision.
//! - HR: every case; they put cases in sessions and mark decisions
//!   effective.
//! - A closed session takes no more comments, votes or decisions: the
//!   committee still reads its undecided cases, HR moves them to an open
//!   session. Its chair or HR closes it.
//!
//! Reads by anyone outside the person's reporting line (the committee, HR)
//! are audited by the operation that serves them ([`CaseAccess::audited`]).

use serde::Serialize;
use utoipa::ToSchema;

use rungs_core::promotions::Nominate;
use rungs_store::model::{CalibrationSession, Case, CaseState, FeedbackRequest};

use super::role::is_hr;
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::state::App;

/// How the viewer stands to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CaseSeat {
    /// The person the case is for.
    Person,
    /// Someone they report to.
    Line,
    /// A member of the committee calibrating it.
    Committee,
    /// The chair of that committee.
    Chair,
    /// HR or an administrator.
    Hr,
}

/// A part of a case someone writes, or a step someone takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CasePart {
    /// The narrative, recommendation, evidence and feedback requests of a
    /// draft.
    Draft,
    /// Submitting a draft for calibration.
    Submit,
    /// Putting a submitted case in a calibration session.
    Calibrate,
    /// A reviewer's comment and vote.
    Comment,
    /// The decision, with its reasons.
    Decide,
    /// Telling the person (the case is then visible to them).
    Communicate,
    /// Marking the decision effective.
    Effective,
}

/// What the rules need to know about the viewer and the case.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct CaseFacts {
    /// The viewer is the person the case is for.
    pub is_person: bool,
    /// The person opened the case themselves.
    pub self_nominated: bool,
    /// The viewer manages the person now (directly or through others).
    pub manages_now: bool,
    /// The viewer is HR or an administrator.
    pub is_hr: bool,
    /// The viewer sits on the committee of the case's session.
    pub in_committee: bool,
    /// The viewer chairs that session.
    pub is_chair: bool,
    /// The case's session is closed.
    pub session_closed: bool,
    /// The case's state.
    pub state: Option<CaseState>,
}

impl CaseFacts {
    fn state(&self) -> CaseState {
        self.state.unwrap_or(CaseState::Draft)
    }
}

/// The rule for reading: the seat these facts give, if any.
pub(super) fn case_seat(f: CaseFacts) -> Option<CaseSeat> {
    let state = f.state();
    let calibrating = state == CaseState::InCalibration;
    if f.is_person {
        let told = state >= CaseState::Communicated;
        let own_draft = f.self_nominated && state == CaseState::Draft;
        (told || own_draft).then_some(CaseSeat::Person)
    } else if f.is_chair && calibrating {
        Some(CaseSeat::Chair)
    } else if f.manages_now {
        Some(CaseSeat::Line)
    } else if f.is_hr {
        Some(CaseSeat::Hr)
    } else if f.in_committee && calibrating {
        Some(CaseSeat::Committee)
    } else {
        None
    }
}

/// The rule for writing: may these facts write `part` now?
pub(super) fn writes(f: CaseFacts, part: CasePart) -> bool {
    let state = f.state();
    let line = f.manages_now && !f.is_person;
    match part {
        CasePart::Draft => {
            state == CaseState::Draft && (line || f.is_hr || (f.is_person && f.self_nominated))
        }
        CasePart::Submit => state == CaseState::Draft && (line || f.is_hr),
        // A case left undecided by a closed session goes to another one.
        CasePart::Calibrate => {
            f.is_hr
                && !f.is_person
                && (state == CaseState::Submitted
                    || (state == CaseState::InCalibration && f.session_closed))
        }
        CasePart::Comment | CasePart::Decide => committee_writes(f, part) && !f.session_closed,
        CasePart::Communicate => state == CaseState::Decided && (line || f.is_hr),
        CasePart::Effective => state == CaseState::Communicated && f.is_hr && !f.is_person,
    }
}

/// The committee's rule, the session's being open aside: members (and the
/// chair) comment and vote on a case in calibration, the chair decides.
fn committee_writes(f: CaseFacts, part: CasePart) -> bool {
    let calibrating = f.state() == CaseState::InCalibration && !f.is_person;
    match part {
        CasePart::Comment => calibrating && (f.in_committee || f.is_chair),
        CasePart::Decide => calibrating && f.is_chair,
        _ => false,
    }
}

/// Whether `part` is refused only because the case's session is closed:
/// a conflict to explain ("the session is closed"), not a lack of rights.
pub(super) fn closed_to(f: CaseFacts, part: CasePart) -> bool {
    f.session_closed && committee_writes(f, part)
}

/// Whether a read by this seat is audited: anyone outside the person's
/// reporting line.
pub(super) fn read_audited(seat: CaseSeat) -> bool {
    matches!(seat, CaseSeat::Committee | CaseSeat::Chair | CaseSeat::Hr)
}

/// The rule for opening a case: the person's manager chain, HR, or the
/// person themselves where the framework allows self-nomination.
pub(super) fn nominating_allowed(
    nominate: Nominate,
    is_person: bool,
    manages: bool,
    hr: bool,
) -> bool {
    manages || (hr && !is_person) || (is_person && nominate == Nominate::ManagerOrSelf)
}

/// Proof that the viewer may read one case, with the case as it was read.
#[derive(Debug, Clone)]
pub(crate) struct CaseAccess<'v> {
    viewer: &'v Viewer,
    case: Case,
    seat: CaseSeat,
    facts: CaseFacts,
}

impl<'v> CaseAccess<'v> {
    /// Who.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// The case.
    pub(crate) fn case(&self) -> &Case {
        &self.case
    }

    /// The viewer's seat.
    pub(crate) fn seat(&self) -> CaseSeat {
        self.seat
    }

    /// Whether this read must be audited.
    pub(crate) fn audited(&self) -> bool {
        read_audited(self.seat)
    }

    /// Whether the viewer may write `part` now.
    pub(crate) fn may(&self, part: CasePart) -> bool {
        writes(self.facts, part)
    }

    /// The capability to write `part`; a conflict when only the closing
    /// of the case's session stands in the way; forbidden otherwise.
    pub(crate) fn to_write(&self, part: CasePart) -> Result<CaseWrite<'v>, ServerError> {
        if self.may(part) {
            Ok(CaseWrite {
                viewer: self.viewer,
                case: self.case.clone(),
                part,
            })
        } else if closed_to(self.facts, part) {
            Err(ServerError::Conflict(
                "the calibration session is closed: it takes no more comments, votes or decisions"
                    .into(),
            ))
        } else {
            Err(ServerError::Forbidden)
        }
    }
}

/// Proof that the viewer may write one part of one case now.
#[derive(Debug, Clone)]
pub(crate) struct CaseWrite<'v> {
    viewer: &'v Viewer,
    case: Case,
    part: CasePart,
}

impl<'v> CaseWrite<'v> {
    /// Who.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// The case, as read when allowed.
    pub(crate) fn case(&self) -> &Case {
        &self.case
    }

    /// What may be written.
    pub(crate) fn part(&self) -> CasePart {
        self.part
    }
}

async fn facts_of(app: &App, viewer: &Viewer, case: &Case) -> Result<CaseFacts, ServerError> {
    let me = viewer.person.id;
    let is_person = case.person_id == me;
    let manages_now = !is_person && app.store.manages(me, case.person_id).await?;
    let (in_committee, is_chair, session_closed) = match case.session_id {
        Some(s) if !is_person => {
            let session = app.store.calibration_session(s).await?;
            let chair = session.as_ref().is_some_and(|x| x.chair_id == Some(me));
            (
                chair || app.store.calibration_members(s).await?.contains(&me),
                chair,
                session.as_ref().is_some_and(|x| x.closed_at.is_some()),
            )
        }
        _ => (false, false, false),
    };
    Ok(CaseFacts {
        is_person,
        self_nominated: case.opened_by == Some(case.person_id),
        manages_now,
        is_hr: is_hr(viewer.person.role),
        in_committee,
        is_chair,
        session_closed,
        state: Some(case.state),
    })
}

/// The viewer's seat at case `id`, or "not found".
pub(crate) async fn case<'v>(
    app: &App,
    viewer: &'v Viewer,
    id: i64,
) -> Result<CaseAccess<'v>, ServerError> {
    let not_found = || ServerError::NotFound(format!("case {id}"));
    let case = app.store.case(id).await?.ok_or_else(not_found)?;
    let facts = facts_of(app, viewer, &case).await?;
    let seat = case_seat(facts).ok_or_else(not_found)?;
    Ok(CaseAccess {
        viewer,
        case,
        seat,
        facts,
    })
}

/// The capability to write `part` of case `id` now: "not found" when the
/// viewer may not read it, forbidden when they may read but not write.
pub(crate) async fn case_write<'v>(
    app: &App,
    viewer: &'v Viewer,
    id: i64,
    part: CasePart,
) -> Result<CaseWrite<'v>, ServerError> {
    case(app, viewer, id).await?.to_write(part)
}

/// The person's own cases as the person may read them (told decisions,
/// a draft they opened themselves), for their data export: whoever
/// downloads it, the person or HR, gets what the person would read, never
/// the committee's parts.
pub(crate) async fn own_cases<'v>(
    app: &App,
    exporting: &super::Exporting<'v>,
) -> Result<Vec<CaseAccess<'v>>, ServerError> {
    let read = exporting.read();
    let mut out = Vec::new();
    for case in app.store.cases_of(read.person()).await? {
        let facts = CaseFacts {
            is_person: true,
            self_nominated: case.opened_by == Some(case.person_id),
            state: Some(case.state),
            ..CaseFacts::default()
        };
        if let Some(seat) = case_seat(facts) {
            out.push(CaseAccess {
                viewer: read.viewer(),
                case,
                seat,
                facts,
            });
        }
    }
    Ok(out)
}

/// Proof that the viewer may open a case for one person.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Nominating<'v> {
    viewer: &'v Viewer,
    person: i64,
}

impl<'v> Nominating<'v> {
    /// Who nominates.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// Whom.
    pub(crate) fn person(&self) -> i64 {
        self.person
    }
}

/// May the viewer open a case for `person`? "Not found" when they may not
/// see the person, forbidden when they see them but may not nominate.
pub(crate) async fn nominate<'v>(
    app: &App,
    viewer: &'v Viewer,
    person: i64,
) -> Result<Nominating<'v>, ServerError> {
    // Reading the person first: someone the viewer may not see is not found.
    super::read(app, viewer, person).await?;
    let me = viewer.person.id;
    let is_person = me == person;
    let manages = !is_person && app.store.manages(me, person).await?;
    let nominate = app.ladder().framework.promotions.nominate;
    if nominating_allowed(nominate, is_person, manages, is_hr(viewer.person.role)) {
        Ok(Nominating { viewer, person })
    } else {
        Err(ServerError::Forbidden)
    }
}

/// Proof that the viewer is the colleague a feedback request asks.
#[derive(Debug, Clone)]
pub(crate) struct FeedbackAnswer<'v> {
    viewer: &'v Viewer,
    request: FeedbackRequest,
}

impl<'v> FeedbackAnswer<'v> {
    /// Who answers.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// The request.
    pub(crate) fn request(&self) -> &FeedbackRequest {
        &self.request
    }
}

/// The request `id`, if the viewer is the colleague it asks; "not found"
/// for anyone else (who asked whom is the case's business).
pub(crate) async fn feedback<'v>(
    app: &App,
    viewer: &'v Viewer,
    id: i64,
) -> Result<FeedbackAnswer<'v>, ServerError> {
    match app.store.feedback_request(id).await? {
        Some(request) if request.peer_id == viewer.person.id => {
            Ok(FeedbackAnswer { viewer, request })
        }
        _ => Err(ServerError::NotFound(format!("feedback request {id}"))),
    }
}

/// Proof that the viewer sits at a calibration session (or is HR).
#[derive(Debug, Clone)]
pub(crate) struct SessionAccess<'v> {
    viewer: &'v Viewer,
    session: CalibrationSession,
    chair: bool,
}

impl<'v> SessionAccess<'v> {
    /// Who.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.viewer
    }

    /// The session.
    pub(crate) fn session(&self) -> &CalibrationSession {
        &self.session
    }

    /// Whether the viewer chairs it.
    pub(crate) fn chair(&self) -> bool {
        self.chair
    }

    /// Whether the viewer may close it (whether or not it is still open).
    pub(crate) fn may_close(&self) -> bool {
        session_closing_allowed(self.chair, is_hr(self.viewer.person.role))
    }

    /// The capability to close it, or forbidden (a member who does not
    /// chair it).
    pub(crate) fn to_close(&self) -> Result<SessionClosing<'v>, ServerError> {
        if self.may_close() {
            Ok(SessionClosing {
                access: self.clone(),
            })
        } else {
            Err(ServerError::Forbidden)
        }
    }
}

/// The rule for a session: its members and HR.
pub(super) fn session_allowed(member: bool, hr: bool) -> bool {
    member || hr
}

/// The rule for closing a session: its chair and HR.
pub(super) fn session_closing_allowed(chair: bool, hr: bool) -> bool {
    chair || hr
}

/// Proof that the viewer may close one calibration session.
#[derive(Debug, Clone)]
pub(crate) struct SessionClosing<'v> {
    access: SessionAccess<'v>,
}

impl<'v> SessionClosing<'v> {
    /// Who closes it.
    pub(crate) fn viewer(&self) -> &'v Viewer {
        self.access.viewer
    }

    /// The session, as read when allowed.
    pub(crate) fn session(&self) -> &CalibrationSession {
        &self.access.session
    }
}

/// May the viewer close session `id`? "Not found" when they may not read
/// it, forbidden when they read it but neither chair it nor are HR.
pub(crate) async fn close_session<'v>(
    app: &App,
    viewer: &'v Viewer,
    id: i64,
) -> Result<SessionClosing<'v>, ServerError> {
    session(app, viewer, id).await?.to_close()
}

/// The session `id`, if the viewer sits on its committee or is HR.
pub(crate) async fn session<'v>(
    app: &App,
    viewer: &'v Viewer,
    id: i64,
) -> Result<SessionAccess<'v>, ServerError> {
    let not_found = || ServerError::NotFound(format!("session {id}"));
    let session = app
        .store
        .calibration_session(id)
        .await?
        .ok_or_else(not_found)?;
    let me = viewer.person.id;
    let chair = session.chair_id == Some(me);
    let member = chair || app.store.calibration_members(id).await?.contains(&me);
    if session_allowed(member, is_hr(viewer.person.role)) {
        Ok(SessionAccess {
            viewer,
            session,
            chair,
        })
    } else {
        Err(not_found())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(state: CaseState) -> CaseFacts {
        CaseFacts {
            state: Some(state),
            ..CaseFacts::default()
        }
    }

    #[test]
    fn the_person_reads_their_case_once_told() {
        for state in CaseState::ALL {
            let f = CaseFacts {
                is_person: true,
                ..at(state)
            };
            let expected = (state >= CaseState::Communicated).then_some(CaseSeat::Person);
            assert_eq!(case_seat(f), expected, "{state:?}");
        }
        // A draft they opened themselves, and only that.
        let own = CaseFacts {
            is_person: true,
            self_nominated: true,
            ..at(CaseState::Draft)
        };
        assert_eq!(case_seat(own), Some(CaseSeat::Person));
        assert!(writes(own, CasePart::Draft));
        assert!(!writes(own, CasePart::Submit));
        let submitted = CaseFacts {
            state: Some(CaseState::Submitted),
            ..own
        };
        assert_eq!(case_seat(submitted), None);
    }

    #[test]
    fn the_committee_reads_only_while_calibrating() {
        for state in CaseState::ALL {
            let f = CaseFacts {
                in_committee: true,
                ..at(state)
            };
            let expected = (state == CaseState::InCalibration).then_some(CaseSeat::Committee);
            assert_eq!(case_seat(f), expected, "{state:?}");
            assert_eq!(
                writes(f, CasePart::Comment),
                state == CaseState::InCalibration
            );
            assert!(!writes(f, CasePart::Decide));
        }
        let chair = CaseFacts {
            in_committee: true,
            is_chair: true,
            ..at(CaseState::InCalibration)
        };
        assert_eq!(case_seat(chair), Some(CaseSeat::Chair));
        assert!(writes(chair, CasePart::Decide));
        // After the decision the chair is just whoever else they are.
        assert_eq!(
            case_seat(CaseFacts {
                state: Some(CaseState::Decided),
                ..chair
            }),
            None
        );
    }

    #[test]
    fn the_line_and_hr_read_always_and_write_their_parts() {
        for state in CaseState::ALL {
            let line = CaseFacts {
                manages_now: true,
                ..at(state)
            };
            let hr = CaseFacts {
                is_hr: true,
                ..at(state)
            };
            assert_eq!(case_seat(line), Some(CaseSeat::Line));
            assert_eq!(case_seat(hr), Some(CaseSeat::Hr));
            assert_eq!(writes(line, CasePart::Draft), state == CaseState::Draft);
            assert_eq!(
                writes(line, CasePart::Communicate),
                state == CaseState::Decided
            );
            assert!(!writes(line, CasePart::Calibrate) && !writes(line, CasePart::Effective));
            assert!(!writes(line, CasePart::Decide) && !writes(hr, CasePart::Decide));
            assert_eq!(
                writes(hr, CasePart::Calibrate),
                state == CaseState::Submitted
            );
            assert_eq!(
                writes(hr, CasePart::Effective),
                state == CaseState::Communicated
            );
        }
        assert_eq!(case_seat(at(CaseState::InCalibration)), None);
    }

    #[test]
    fn a_closed_session_takes_no_comments_votes_or_decisions() {
        let chair = CaseFacts {
            in_committee: true,
            is_chair: true,
            session_closed: true,
            ..at(CaseState::InCalibration)
        };
        let member = CaseFacts {
            is_chair: false,
            ..chair
        };
        // Still read, no longer written; refused as "closed", not "forbidden".
        assert_eq!(case_seat(chair), Some(CaseSeat::Chair));
        assert_eq!(case_seat(member), Some(CaseSeat::Committee));
        for part in [CasePart::Comment, CasePart::Decide] {
            assert!(!writes(chair, part) && !writes(member, part), "{part:?}");
            assert!(closed_to(chair, part), "{part:?}");
        }
        assert!(closed_to(member, CasePart::Comment));
        assert!(
            !closed_to(member, CasePart::Decide),
            "a member never decides"
        );
        // Open again, the same seats write.
        let open = CaseFacts {
            session_closed: false,
            ..chair
        };
        assert!(writes(open, CasePart::Comment) && writes(open, CasePart::Decide));
        assert!(!closed_to(open, CasePart::Decide));
        // HR moves an undecided case out of a closed session, and only then.
        let hr = CaseFacts {
            is_hr: true,
            session_closed: true,
            ..at(CaseState::InCalibration)
        };
        assert!(writes(hr, CasePart::Calibrate));
        assert!(!writes(
            CaseFacts {
                session_closed: false,
                ..hr
            },
            CasePart::Calibrate
        ));
        assert!(!writes(
            CaseFacts {
                is_hr: false,
                ..chair
            },
            CasePart::Calibrate
        ));
        // The chair and HR close a session; a member does not.
        assert!(session_closing_allowed(true, false) && session_closing_allowed(false, true));
        assert!(!session_closing_allowed(false, false));
    }

    #[test]
    fn reads_outside_the_line_are_audited() {
        assert!(!read_audited(CaseSeat::Person) && !read_audited(CaseSeat::Line));
        assert!(read_audited(CaseSeat::Committee) && read_audited(CaseSeat::Chair));
        assert!(read_audited(CaseSeat::Hr));
    }

    #[test]
    fn who_nominates() {
        assert!(nominating_allowed(Nominate::Manager, false, true, false));
        assert!(nominating_allowed(Nominate::Manager, false, false, true));
        assert!(!nominating_allowed(Nominate::Manager, true, false, false));
        assert!(nominating_allowed(
            Nominate::ManagerOrSelf,
            true,
            false,
            false
        ));
        // HR does not nominate themselves unless self-nomination is on.
        assert!(!nominating_allowed(Nominate::Manager, true, false, true));
        assert!(!nominating_allowed(Nominate::Manager, false, false, false));
        assert!(session_allowed(true, false) && session_allowed(false, true));
        assert!(!session_allowed(false, false));
    }
}
