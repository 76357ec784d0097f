//! The domain: people, teams, placements, rollouts, sessions and tokens.
//!
//! Types whose stored form is their own derive [`sqlx::FromRow`]; an enum
//! stored as a word is read with its `TryFrom<String>`, which refuses a word
//! it does not know ([`UnknownWord`]) rather than guess.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use crate::promotions::model::{
    CalibrationSession, Case, CaseEvent, CaseState, Comment, Decision, Evidence, FeedbackRequest,
    NewCase, NewSession, Outcome,
};

/// A stored word that names none of an enum's variants: the database holds
/// a value this version of rungs does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{word}` is not a {kind} this version knows")]
pub struct UnknownWord {
    kind: &'static str,
    word: String,
}

impl UnknownWord {
    pub(crate) fn new(kind: &'static str, word: &str) -> UnknownWord {
        UnknownWord {
            kind,
            word: word.to_string(),
        }
    }

    /// What the word should have named (`role`, `rollout status`, ...).
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The word found.
    pub fn word(&self) -> &str {
        &self.word
    }
}

/// `TryFrom<String>` for enums stored as their `as_str` word: exactly one of
/// `ALL`'s words, nothing else (typed input goes through `parse`).
macro_rules! stored_as_word {
    ($($enum:ty => $kind:literal),* $(,)?) => {$(
        impl TryFrom<String> for $enum {
            type Error = UnknownWord;

            /// Reads a stored word exactly.
            fn try_from(word: String) -> Result<Self, UnknownWord> {
                <$enum>::ALL
                    .into_iter()
                    .find(|v| v.as_str() == word)
                    .ok_or(UnknownWord { kind: $kind, word })
            }
        }
    )*};
}

stored_as_word! {
    Role => "role",
    PlacementReason => "placement reason",
    RolloutStatus => "rollout status",
    TokenScope => "token scope",
    Side => "rating side",
    RatingLink => "rating link",
    GoalStatus => "goal status",
    CycleTarget => "cycle target",
}

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
    /// The name they go by, if the roster gave one ("Ben" for Benjamin
    /// Carter): shown beside `name`, never instead of it.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Their number in the HR system, if the roster gave one.
    #[serde(default)]
    pub employee_number: Option<String>,
    /// The language they chose for the app (`de`, `ja`), if any; without
    /// one the app speaks the organisation's. Left out of JSON when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct RolloutEntry {
    /// The rollout.
    pub rollout_id: i64,
    /// The person.
    pub person_id: i64,
    /// Where they are.
    #[sqlx(try_from = "String")]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
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
    /// Marked not on a ladder: done, though never placed (and counted in
    /// no status above).
    pub excluded: i64,
}

impl RolloutProgress {
    /// People done: confirmed, acknowledged or not on a ladder.
    pub fn done(&self) -> i64 {
        self.confirmed + self.acknowledged + self.excluded
    }

    /// How far the rollout is, in whole percent: 100 once everyone is
    /// placed or excluded (and for nobody at all).
    pub fn percent(&self) -> i64 {
        if self.total <= 0 {
            100
        } else {
            self.done().saturating_mul(100) / self.total
        }
    }
}

/// An API token as listed (the secret itself is shown once, on creation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct ApiToken {
    /// Database id.
    pub id: i64,
    /// Whose token: it acts as this person, within its scope.
    pub person_id: i64,
    /// A name to recognise it by.
    pub name: String,
    /// `read`, `write` or `impact`.
    #[sqlx(try_from = "String")]
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
    /// The impact preview and statement health (aggregates), nothing else:
    /// for CI, which must never read a person.
    Impact,
    /// An identity provider's provisioning (SCIM, `/scim/v2`) and nothing
    /// else; an administrator's only.
    Scim,
}

impl TokenScope {
    /// Every scope.
    pub const ALL: [TokenScope; 4] = [
        TokenScope::Read,
        TokenScope::Write,
        TokenScope::Impact,
        TokenScope::Scim,
    ];

    /// The word stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenScope::Read => "read",
            TokenScope::Write => "write",
            TokenScope::Impact => "impact",
            TokenScope::Scim => "scim",
        }
    }

    /// Reads a stored or typed scope.
    pub fn parse(s: &str) -> Option<TokenScope> {
        TokenScope::ALL.into_iter().find(|t| t.as_str() == s.trim())
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
    /// Whether anyone reports to them, active or not: the same as their
    /// scope holding more than themselves (read with the session, so pages
    /// need not ask again).
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct Revision {
    /// Git commit or `sha256:` content hash.
    pub revision: String,
    /// When it was loaded (Unix seconds).
    pub loaded_at: i64,
}

/// Whose ratings: the person's own, or their manager's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The person rates themselves.
    #[serde(rename = "self")]
    Person,
    /// Their manager rates them.
    Manager,
}

impl Side {
    /// Both sides.
    pub const ALL: [Side; 2] = [Side::Person, Side::Manager];

    /// The word stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Person => "self",
            Side::Manager => "manager",
        }
    }

    /// The side a stored word names.
    pub fn parse(s: &str) -> Option<Side> {
        Side::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Where an assessment is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum AssessmentState {
    /// Being written: each side sees only its own ratings.
    Draft,
    /// Both sides submitted; the manager has not shared it yet.
    Submitted,
    /// Both see each other's ratings.
    Shared,
    /// The person acknowledged it: locked. A change is a new version.
    Acknowledged,
}

/// One assessment of a person against a level: their own ratings and their
/// manager's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct Assessment {
    /// Id.
    pub id: i64,
    /// Who is assessed.
    pub person_id: i64,
    /// The manager who assesses them (their manager when it was opened).
    pub manager_id: Option<i64>,
    /// Track of the level assessed against.
    pub track: String,
    /// Level assessed against.
    pub level: String,
    /// The cycle it belongs to, if any.
    pub cycle_id: Option<i64>,
    /// The framework revision it was made against.
    pub revision: String,
    /// The revision its ratings are linked to now (the current one after a
    /// relink).
    pub linked_revision: String,
    /// When the person submitted their side.
    pub self_submitted_at: Option<i64>,
    /// When the manager submitted theirs.
    pub manager_submitted_at: Option<i64>,
    /// When the manager shared it (both see both sides from then on).
    pub shared_at: Option<i64>,
    /// When the person acknowledged it (locked from then on).
    pub acknowledged_at: Option<i64>,
    /// The person's note when acknowledging.
    pub acknowledgement_note: String,
    /// The locked assessment this one revises.
    pub supersedes: Option<i64>,
    /// Why it was revised.
    pub change_reason: String,
    /// Optimistic version.
    pub version: i64,
    /// When it was opened.
    pub created_at: i64,
    /// When it last changed.
    pub updated_at: i64,
}

impl AssessmentState {
    /// The word shown and serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            AssessmentState::Draft => "draft",
            AssessmentState::Submitted => "submitted",
            AssessmentState::Shared => "shared",
            AssessmentState::Acknowledged => "acknowledged",
        }
    }
}

impl Assessment {
    /// Where it is in its life.
    pub fn state(&self) -> AssessmentState {
        if self.acknowledged_at.is_some() {
            AssessmentState::Acknowledged
        } else if self.shared_at.is_some() {
            AssessmentState::Shared
        } else if self.self_submitted_at.is_some() && self.manager_submitted_at.is_some() {
            AssessmentState::Submitted
        } else {
            AssessmentState::Draft
        }
    }

    /// When `side` submitted, if it has.
    pub fn submitted(&self, side: Side) -> Option<i64> {
        match side {
            Side::Person => self.self_submitted_at,
            Side::Manager => self.manager_submitted_at,
        }
    }
}

/// What became of a rating's statement since it was rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum RatingLink {
    /// Rated against the statement as it is.
    Current,
    /// The statement was reworded since: the rating stands, marked.
    Reworded,
    /// The statement moved to another area or level: the rating followed.
    Moved,
    /// The statement was split or merged: someone should look again.
    Review,
    /// The statement was removed: kept with its text as it was.
    Archived,
}

impl RatingLink {
    /// Every mark.
    pub const ALL: [RatingLink; 5] = [
        RatingLink::Current,
        RatingLink::Reworded,
        RatingLink::Moved,
        RatingLink::Review,
        RatingLink::Archived,
    ];

    /// The word stored.
    pub fn as_str(self) -> &'static str {
        match self {
            RatingLink::Current => "current",
            RatingLink::Reworded => "reworded",
            RatingLink::Moved => "moved",
            RatingLink::Review => "review",
            RatingLink::Archived => "archived",
        }
    }

    /// The link a stored word names.
    pub fn parse(s: &str) -> Option<RatingLink> {
        RatingLink::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// One rating of one statement by one side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct StoredRating {
    /// Whose rating.
    #[sqlx(try_from = "String")]
    pub side: Side,
    /// Track of the statement (now).
    pub track: String,
    /// Level of the statement (now).
    pub level: String,
    /// Statement id (now).
    pub statement_id: String,
    /// The rating: `None` unrated, 0 not applicable, 1 the lowest step.
    pub rating: Option<i64>,
    /// Comment.
    pub comment: String,
    /// Evidence: links to pull requests, documents, incidents; free text.
    pub evidence: String,
    /// The statement's words when it was rated.
    pub rated_text: String,
    /// What became of the statement since.
    #[sqlx(try_from = "String")]
    pub link: RatingLink,
}

/// What readiness needs of a rating: whose, of which statement, and its
/// code (a lean read for team views).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RatingCode {
    /// Whose rating.
    #[sqlx(try_from = "String")]
    pub side: Side,
    /// Track of the statement (now).
    pub track: String,
    /// Level of the statement (now).
    pub level: String,
    /// Statement id (now).
    pub statement_id: String,
    /// The rating: `None` unrated, 0 not applicable, 1 the lowest step.
    pub rating: Option<i64>,
    /// What became of the statement since.
    #[sqlx(try_from = "String")]
    pub link: RatingLink,
}

/// A rating to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingInput {
    /// Statement id (in the assessment's level).
    pub statement_id: String,
    /// The statement's words now.
    pub text: String,
    /// The rating: `None` unrated, 0 not applicable, 1 the lowest step.
    pub rating: Option<i64>,
    /// Comment (`None`: keep the stored one).
    pub comment: Option<String>,
    /// Evidence (`None`: keep the stored one).
    pub evidence: Option<String>,
}

/// What became of one statement between two revisions, for
/// [`Store::relink`](crate::Store::relink).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relink {
    /// The statement in the old revision: track, level, id.
    pub old: (String, String, String),
    /// Where it is now (`None` when removed), and how its ratings are marked.
    pub new: Option<(String, String, String)>,
    /// How ratings of it are marked.
    pub link: RatingLink,
}

/// How many ratings a relink touched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct RelinkReport {
    /// Ratings linked to the new revision.
    pub ratings: u64,
    /// Of those, on statements that changed (reworded, moved, split,
    /// merged, removed).
    pub changed: u64,
    /// Assessments now linked to the new revision.
    pub assessments: u64,
}

/// Status of a growth goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum GoalStatus {
    /// Being worked on.
    Open,
    /// Reached.
    Done,
    /// Given up or replaced.
    Dropped,
}

impl GoalStatus {
    /// Every status.
    pub const ALL: [GoalStatus; 3] = [GoalStatus::Open, GoalStatus::Done, GoalStatus::Dropped];

    /// The word stored.
    pub fn as_str(self) -> &'static str {
        match self {
            GoalStatus::Open => "open",
            GoalStatus::Done => "done",
            GoalStatus::Dropped => "dropped",
        }
    }

    /// The status a stored word names.
    pub fn parse(s: &str) -> Option<GoalStatus> {
        GoalStatus::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// A statement a person works on, with a goal, actions and a target date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct Goal {
    /// Id.
    pub id: i64,
    /// Whose goal.
    pub person_id: i64,
    /// Track of the statement.
    pub track: String,
    /// Level of the statement.
    pub level: String,
    /// Statement id.
    pub statement_id: String,
    /// The statement's words when the goal was set.
    pub statement_text: String,
    /// What to reach.
    pub goal: String,
    /// How.
    pub actions: String,
    /// By when (`YYYY-MM-DD`).
    pub target_date: Option<String>,
    /// Open, done or dropped.
    #[sqlx(try_from = "String")]
    pub status: GoalStatus,
    /// Who set it.
    pub created_by: Option<i64>,
    /// When it was set.
    pub created_at: i64,
    /// When it last changed.
    pub updated_at: i64,
    /// Optimistic version.
    pub version: i64,
}

/// A goal to set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGoal {
    /// Track of the statement.
    pub track: String,
    /// Level of the statement.
    pub level: String,
    /// Statement id.
    pub statement_id: String,
    /// The statement's words now.
    pub statement_text: String,
    /// What to reach.
    pub goal: String,
    /// How.
    pub actions: String,
    /// By when (`YYYY-MM-DD`).
    pub target_date: Option<String>,
}

/// A 1-on-1 note: shared between the person and their manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct Note {
    /// Id.
    pub id: i64,
    /// Whose 1-on-1.
    pub person_id: i64,
    /// Who wrote it.
    pub author_id: Option<i64>,
    /// The goal it checks in on, if any.
    pub goal_id: Option<i64>,
    /// The note (plain text).
    pub body: String,
    /// When it was written.
    pub created_at: i64,
}

/// Which level a cycle assesses people against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CycleTarget {
    /// Their current level.
    Own,
    /// The next level of their track.
    Next,
}

impl CycleTarget {
    /// Both targets.
    pub const ALL: [CycleTarget; 2] = [CycleTarget::Own, CycleTarget::Next];

    /// The word stored.
    pub fn as_str(self) -> &'static str {
        match self {
            CycleTarget::Own => "own",
            CycleTarget::Next => "next",
        }
    }

    /// The target a stored word names.
    pub fn parse(s: &str) -> Option<CycleTarget> {
        CycleTarget::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// An assessment cycle: who is assessed, against which level, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct Cycle {
    /// Id.
    pub id: i64,
    /// Name, e.g. "2027 H1".
    pub name: String,
    /// Own level or the next.
    #[sqlx(try_from = "String")]
    pub target: CycleTarget,
    /// Only this manager's reporting lines (everyone when `None`).
    pub manager_id: Option<i64>,
    /// Self-assessments due (`YYYY-MM-DD`).
    pub self_due: Option<String>,
    /// Manager assessments due (`YYYY-MM-DD`).
    pub manager_due: Option<String>,
    /// When it was opened.
    pub opened_at: i64,
    /// When it was closed.
    pub closed_at: Option<i64>,
}

/// How far a cycle has come: assessments by state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ToSchema, sqlx::FromRow)]
pub struct CycleProgress {
    /// Assessments in the cycle.
    pub total: i64,
    /// Self-assessments submitted.
    pub self_submitted: i64,
    /// Manager assessments submitted.
    pub manager_submitted: i64,
    /// Shared.
    pub shared: i64,
    /// Acknowledged.
    pub acknowledged: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_words_are_read_exactly_and_an_unknown_one_is_an_error() {
        for role in Role::ALL {
            assert_eq!(Role::try_from(role.as_str().to_string()), Ok(role));
        }
        for side in Side::ALL {
            assert_eq!(Side::try_from(side.as_str().to_string()), Ok(side));
        }
        let unknown = RolloutStatus::try_from("maybe".to_string()).expect_err("unknown");
        assert_eq!(
            (unknown.kind(), unknown.word()),
            ("rollout status", "maybe")
        );
        assert_eq!(
            unknown.to_string(),
            "`maybe` is not a rollout status this version knows"
        );
        // What a person types may differ in case; what is stored may not.
        assert_eq!(Role::parse(" Admin "), Some(Role::Admin));
        assert!(Role::try_from("Admin".to_string()).is_err());
    }
}
