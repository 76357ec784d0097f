//! Who may do what: the one place permissions are decided.
//!
//! Every rule is a function here that looks at the viewer (and, when it
//! must, at the store) and hands back a **capability**: a value that only
//! this module can make, which the operation it allows takes as an
//! argument. An operation cannot be called without having been allowed,
//! and a reader finds every rule of the server in these files:
//!
//! - [`role`]: HR and administrators ([`Hr`], [`Admin`]), the impact
//!   aggregates ([`ImpactRead`]), what each API token scope lets through
//!   (`token_allows`), an identity provider's provisioning
//!   ([`Provisioning`]), and what the app's menu offers a viewer ([`Powers`]).
//! - [`person`]: one person's record, level, placements, rollout entry and
//!   data export ([`PersonRead`], [`PersonEdit`], [`Placing`],
//!   [`Proposing`], [`Acknowledging`], [`Exporting`]).
//! - [`granted`]: `Granted`, the one shape of the capabilities that say
//!   "this viewer may do this to that person".
//! - [`assessment`]: how the viewer sits at an assessment ([`Seat`],
//!   [`AssessmentAccess`]).
//! - [`notes`]: 1-on-1 notes and goals ([`NotesAccess`], [`NoteWrite`],
//!   [`GoalsWrite`]).
//! - [`promotion`]: promotion cases, feedback requests and calibration
//!   sessions ([`CaseAccess`], [`CaseWrite`], [`Nominating`],
//!   [`FeedbackAnswer`], [`SessionAccess`]).
//! - [`invite`]: inviting people to join ([`Inviting`]).
//! - [`team`]: whose people a list or a team view covers ([`ListScope`],
//!   [`TeamAccess`]), and acting on many rollout entries at once
//!   ([`BulkProposing`]).
//!
//! The rules themselves are pure functions over facts (the viewer's role,
//! whether they manage someone), unit-tested here without HTTP; the async
//! functions gather those facts from the store.
//!
//! In short:
//! - Everyone signed in: their own person, level, placements, rollout
//!   entry, assessments, goals and notes, data export and API tokens.
//! - A manager: also everyone below them in the reporting lines (read),
//!   proposing their levels in a rollout, assessing and setting goals.
//! - HR: everyone (read and write), rosters, placements, rollouts, cycles,
//!   aggregates; 1-on-1 notes only where `hr_reads_notes = true`, audited.
//! - Promotion cases: the manager chain and HR always; the committee while
//!   the case is in calibration (audited, as HR's reads are); the person
//!   once the decision was communicated, and never the committee's comments.
//! - HR also invites people without a role to join; an administrator
//!   anyone.
//! - Admin: what HR can, plus roles, people with roles, password-reset
//!   links, anonymising, the framework reload and the audit log.
//!
//! A person the viewer may not see is "not found", so ids reveal nothing.

mod assessment;
mod granted;
mod invite;
mod notes;
mod person;
mod promotion;
mod role;
mod team;

pub(crate) use assessment::{AssessmentAccess, Seat, StepKind};
pub(crate) use granted::{Acknowledging, GoalsWrite, NoteWrite, Placing, Proposing};
pub(crate) use invite::{Inviting, invite};
pub(crate) use notes::{NotesAccess, NotesSeat};
pub(crate) use person::{Exporting, PersonEdit, PersonRead};
pub(crate) use promotion::{
    CaseAccess, CasePart, CaseSeat, CaseWrite, FeedbackAnswer, Nominating, SessionAccess,
    SessionClosing,
};
pub(crate) use promotion::{
    case, case_write, close_session, feedback, nominate, own_cases, session,
};
pub(crate) use role::{Admin, Hr, ImpactRead, Powers, Provisioning, SignedIn};
pub(crate) use team::{BulkProposing, ListScope, TeamAccess, Whose};

pub(crate) use assessment::assessment;
pub(crate) use notes::{goal, goals, goals_if_allowed, notes};
pub(crate) use person::{acknowledge, confirm, edit, export, place, propose, read};
pub(crate) use role::{admin, hr, impact, new_token, own, provision, token_allows};
pub(crate) use team::{bulk_propose, list_scope, team};

#[cfg(test)]
pub(crate) mod tests {
    //! People and viewers for the rules' tests.

    use rungs_store::model::{Person, Role};

    use crate::auth::{Via, Viewer};

    /// A person with an id and a role, and nothing else.
    pub(crate) fn person(id: i64, role: Role) -> Person {
        Person {
            id,
            email: format!("p{id}@example.com"),
            name: format!("Person {id}"),
            job_title: String::new(),
            team: None,
            manager_id: None,
            track: None,
            level: None,
            start_date: None,
            active: true,
            role,
            version: 1,
            has_password: true,
            previous_title: None,
            display_name: None,
            employee_number: None,
            language: None,
            identity_linked: false,
        }
    }

    /// That person, signed in with a browser session, managing nobody.
    pub(crate) fn viewer(id: i64, role: Role) -> Viewer {
        Viewer {
            person: person(id, role),
            via: Via::Session {
                csrf: String::new(),
            },
            manages: false,
        }
    }
}
