//! The domain: people, teams, placements, rollouts, sessions and tokens.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What a signed-in person may do beyond their own data. Being a manager is
/// not a role: it follows from reporting lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Sees and edits their own data; a manager also sees their reports.
    #[default]
    Employee,
    /// Human resources: everyone's data, confirms placements.
    Hr,
    /// Everything HR can, plus accounts, tokens, the framework and the audit log.
    Admin,
}

impl Role {
    /// Every role, for forms and tests.
    pub const ALL: [Role; 3] = [Role::Employee, Role::Hr, Role::Admin];

    /// The word stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Employee => "employee",
            Role::Hr => "hr",
            Role::Admin => "admin",
        }
    }

    /// Reads a stored or typed role.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// HR or admin: sees everyone.
    pub fn sees_everyone(self) -> bool {
        matches!(self, Role::Hr | Role::Admin)
    }
}

/// A person in the organisation (and, once they have a password or sign in
/// through the identity provider, a user).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Person {
    /// Database id.
    pub id: i64,
    /// Work email, lower case: the key for roster imports and sign-in.
    pub email: String,
    /// Full name.
    pub name: String,
    /// Job title as the HR system has it.
    pub job_title: String,
    /// Team name, if any.
    pub team: Option<String>,
    /// The manager's person id.
    pub manager_id: Option<i64>,
    /// Current track id (from the open placement).
    pub track: Option<String>,
    /// Current level id (from the open placement).
    pub level: Option<String>,
    /// Start date, `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// Whether the person still works here.
    pub active: bool,
    /// Their role in the app.
    pub role: Role,
    /// Optimistic version: an edit names the version it was made on.
    pub version: i64,
    /// Whether they can sign in with a password.
    pub has_password: bool,
    /// Their title at their previous company, if the roster gave it.
    pub previous_title: Option<String>,
    /// Whether they are linked to an identity at the sign-in provider.
    pub identity_linked: bool,
}

/// Why a placement started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PlacementReason {
    /// Placed on joining.
    Hire,
    /// Placed when a ladder was rolled out.
    Rollout,
    /// Promoted.
    Promotion,
    /// A correction of an earlier placement.
    Correction,
}

impl PlacementReason {
    /// Every reason.
    pub const ALL: [PlacementReason; 4] = [
        PlacementReason::Hire,
        PlacementReason::Rollout,
        PlacementReason::Promotion,
        PlacementReason::Correction,
    ];

    /// The word stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            PlacementReason::Hire => "hire",
            PlacementReason::Rollout => "rollout",
            PlacementReason::Promotion => "promotion",
            PlacementReason::Correction => "correction",
        }
    }

    /// Reads a stored or typed reason.
    pub fn parse(s: &str) -> Option<PlacementReason> {
        PlacementReason::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// One period of a person at one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Placement {
    /// Database id.
    pub id: i64,
    /// Whose placement.
    pub person_id: i64,
    /// Track id.
    pub track: String,
    /// Level id.
    pub level: String,
    /// First day, `YYYY-MM-DD`.
    pub from_date: String,
    /// The day the next placement started; none while current.
    pub until_date: Option<String>,
    /// Why it started.
    pub reason: PlacementReason,
    /// Who decided (person id), if recorded.
    pub decided_by: Option<i64>,
    /// Free text.
    pub note: String,
    /// The framework revision the level belongs to.
    pub revision: String,
    /// Set when the ladder changed and this level was removed or renamed.
    pub needs_review: bool,
}

/// A new placement to record.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct NewPlacement {
    /// Track id.
    pub track: String,
    /// Level id.
    pub level: String,
    /// First day, `YYYY-MM-DD` (default: today).
    pub from_date: Option<String>,
    /// Why.
    pub reason: PlacementReason,
    /// Free text.
    #[serde(default)]
    pub note: String,
}

/// Where one person is in a rollout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum RolloutStatus {
    /// A level is suggested; nobody has proposed one yet.
    Suggested,
    /// The manager proposed a level.
    Proposed,
    /// HR or an admin confirmed it: it is now the person's placement.
    Confirmed,
    /// The person saw it and acknowledged it after a 1-on-1.
    Acknowledged,
}

impl RolloutStatus {
    /// Every status, in order.
    pub const ALL: [RolloutStatus; 4] = [
        RolloutStatus::Suggested,
        RolloutStatus::Proposed,
        RolloutStatus::Confirmed,
        RolloutStatus::Acknowledged,
    ];

    /// The word stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            RolloutStatus::Suggested => "suggested",
            RolloutStatus::Proposed => "proposed",
            RolloutStatus::Confirmed => "confirmed",
            RolloutStatus::Acknowledged => "acknowledged",
        }
    }

    /// Reads a stored status.
    pub fn parse(s: &str) -> Option<RolloutStatus> {
        RolloutStatus::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A rollout: an organisation mapped onto a ladder revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Rollout {
    /// Database id.
    pub id: i64,
    /// A name people recognise ("2027 ladder").
    pub name: String,
    /// The framework revision it maps onto.
    pub revision: String,
    /// When it was opened (Unix seconds).
    pub created_at: i64,
    /// When it was closed, if it was.
    pub closed_at: Option<i64>,
}

/// One person in a rollout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RolloutEntry {
    /// The rollout.
    pub rollout_id: i64,
    /// The person.
    pub person_id: i64,
    /// Where they are.
    pub status: RolloutStatus,
    /// Suggested track and level, with why.
    pub suggested_track: Option<String>,
    /// Suggested level id.
    pub suggested_level: Option<String>,
    /// Why this level was suggested, in words.
    pub suggestion_reason: String,
    /// The proposed track (by the manager or HR).
    pub proposed_track: Option<String>,
    /// The proposed level.
    pub proposed_level: Option<String>,
    /// Who proposed.
    pub proposed_by: Option<i64>,
    /// The proposer's note.
    pub proposal_note: String,
    /// Who confirmed.
    pub confirmed_by: Option<i64>,
    /// The person's note on acknowledging.
    pub acknowledgement_note: String,
    /// Optimistic version.
    pub version: i64,
}

/// Counts of a rollout's entries by status, for one team or everyone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RolloutProgress {
    /// Team name; none for people without a team or for the total.
    pub team: Option<String>,
    /// People in the rollout.
    pub total: i64,
    /// With a level suggested only.
    pub suggested: i64,
    /// Proposed.
    pub proposed: i64,
    /// Confirmed (not yet acknowledged).
    pub confirmed: i64,
    /// Acknowledged.
    pub acknowledged: i64,
}

/// An API token as listed (the secret itself is shown once, on creation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ApiToken {
    /// Database id.
    pub id: i64,
    /// Whose token: it acts as this person, within its scope.
    pub person_id: i64,
    /// A name to recognise it by.
    pub name: String,
    /// `read` or `write`.
    pub scope: TokenScope,
    /// Created (Unix seconds).
    pub created_at: i64,
    /// Revoked (Unix seconds), if it was.
    pub revoked_at: Option<i64>,
}

/// What an API token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum TokenScope {
    /// GET requests only.
    Read,
    /// Reads and writes, as its owner may.
    Write,
}

impl TokenScope {
    /// The word stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenScope::Read => "read",
            TokenScope::Write => "write",
        }
    }

    /// Reads a stored or typed scope.
    pub fn parse(s: &str) -> Option<TokenScope> {
        [TokenScope::Read, TokenScope::Write]
            .into_iter()
            .find(|t| t.as_str() == s.trim())
    }
}

/// A signed-in browser session, as the server needs it on each request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Who.
    pub person_id: i64,
    /// The token every form and state-changing call must carry.
    pub csrf: String,
    /// Expires (Unix seconds).
    pub expires_at: i64,
    /// Whether anyone active reports to them (read with the session, so
    /// pages need not ask again).
    pub manages: bool,
}

/// A one-time link: first-administrator setup or a password reset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    /// Creates the first administrator.
    Setup,
    /// Sets a person's password.
    Reset,
}

impl LinkPurpose {
    /// The word stored.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Setup => "setup",
            LinkPurpose::Reset => "reset",
        }
    }
}

/// A framework revision the server has served.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Revision {
    /// Git commit or `sha256:` content hash.
    pub revision: String,
    /// When it was loaded (Unix seconds).
    pub loaded_at: i64,
}
