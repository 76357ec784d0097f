//! The promotion domain: cases, their evidence, peer feedback, calibration
//! sessions, comments and votes, and a case's history.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::super::model::UnknownWord;

/// Where a case is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CaseState {
    /// Being written by its owner.
    Draft,
    /// Ready for a calibration session.
    Submitted,
    /// In a calibration session: the committee reads, comments and votes.
    InCalibration,
    /// The chair recorded the decision; the person does not see it yet.
    Decided,
    /// The person was told (and now sees the decision and its reasons).
    Communicated,
    /// The decision took effect.
    Effective,
}

impl CaseState {
    /// Every state, in order.
    pub const ALL: [CaseState; 6] = [
        CaseState::Draft,
        CaseState::Submitted,
        CaseState::InCalibration,
        CaseState::Decided,
        CaseState::Communicated,
        CaseState::Effective,
    ];

    /// The word stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseState::Draft => "draft",
            CaseState::Submitted => "submitted",
            CaseState::InCalibration => "in-calibration",
            CaseState::Decided => "decided",
            CaseState::Communicated => "communicated",
            CaseState::Effective => "effective",
        }
    }

    /// The words people read.
    pub fn label(self) -> &'static str {
        match self {
            CaseState::Draft => "Draft",
            CaseState::Submitted => "Submitted",
            CaseState::InCalibration => "In calibration",
            CaseState::Decided => "Decided",
            CaseState::Communicated => "Communicated",
            CaseState::Effective => "Effective",
        }
    }
}

/// What the committee decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Promoted: a placement at the target level starts on the effective date.
    Approved,
    /// Not now: the reasons and what to work on go to the person's growth plan.
    NotNow,
}

impl Outcome {
    /// Both.
    pub const ALL: [Outcome; 2] = [Outcome::Approved, Outcome::NotNow];

    /// The word stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Approved => "approved",
            Outcome::NotNow => "not-now",
        }
    }

    /// The words people read.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Approved => "Approved",
            Outcome::NotNow => "Not now",
        }
    }

    /// Reads a typed or stored word (`approve`, `approved`, `not now`, …).
    pub fn parse(s: &str) -> Option<Outcome> {
        match s.trim().to_ascii_lowercase().replace(' ', "-").as_str() {
            "approve" | "approved" | "yes" => Some(Outcome::Approved),
            "not-now" | "notnow" | "no" => Some(Outcome::NotNow),
            _ => None,
        }
    }

    pub(crate) fn stored(word: &str) -> Result<Outcome, UnknownWord> {
        Outcome::ALL
            .into_iter()
            .find(|o| o.as_str() == word)
            .ok_or_else(|| UnknownWord::new("outcome", word))
    }
}

impl TryFrom<String> for CaseState {
    type Error = UnknownWord;

    fn try_from(word: String) -> Result<Self, UnknownWord> {
        CaseState::ALL
            .into_iter()
            .find(|v| v.as_str() == word)
            .ok_or_else(|| UnknownWord::new("case state", &word))
    }
}

/// A promotion case: a person, a target level, and what argues for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Case {
    /// Id.
    pub id: i64,
    /// Who the case is for.
    pub person_id: i64,
    /// Their manager when it was opened.
    pub manager_id: Option<i64>,
    /// Their track when it was opened.
    pub from_track: Option<String>,
    /// Their level when it was opened.
    pub from_level: Option<String>,
    /// Target track.
    pub track: String,
    /// Target level.
    pub level: String,
    /// The shared assessment against the target level.
    pub assessment_id: Option<i64>,
    /// The ladder revision the case was opened on.
    pub revision: String,
    /// Where it is.
    pub state: CaseState,
    /// The owner's narrative.
    pub narrative: String,
    /// The manager's recommendation.
    pub recommendation: String,
    /// The calibration session it is in.
    pub session_id: Option<i64>,
    /// The decision, once made.
    pub outcome: Option<Outcome>,
    /// Why.
    pub reasons: String,
    /// What to work on (a "not now").
    pub work_on: String,
    /// When an approval takes effect (`YYYY-MM-DD`).
    pub effective_date: Option<String>,
    /// The placement an approval created.
    pub placement_id: Option<i64>,
    /// Who recorded the decision.
    pub decided_by: Option<i64>,
    /// When.
    pub decided_at: Option<i64>,
    /// When the person was told.
    pub communicated_at: Option<i64>,
    /// Who opened it.
    pub opened_by: Option<i64>,
    /// When it was opened.
    pub created_at: i64,
    /// When it last changed.
    pub updated_at: i64,
    /// Optimistic version.
    pub version: i64,
}

#[derive(sqlx::FromRow)]
pub(crate) struct CaseRow {
    id: i64,
    person_id: i64,
    manager_id: Option<i64>,
    from_track: Option<String>,
    from_level: Option<String>,
    track: String,
    level: String,
    assessment_id: Option<i64>,
    revision: String,
    state: String,
    narrative: String,
    recommendation: String,
    session_id: Option<i64>,
    outcome: Option<String>,
    reasons: String,
    work_on: String,
    effective_date: Option<String>,
    placement_id: Option<i64>,
    decided_by: Option<i64>,
    decided_at: Option<i64>,
    communicated_at: Option<i64>,
    opened_by: Option<i64>,
    created_at: i64,
    updated_at: i64,
    version: i64,
}

pub(crate) const CASE_COLUMNS: &str = "id, person_id, manager_id, from_track, from_level, track, level,
    assessment_id, revision, state, narrative, recommendation, session_id, outcome, reasons, work_on,
    effective_date, placement_id, decided_by, decided_at, communicated_at, opened_by, created_at,
    updated_at, version";

impl TryFrom<CaseRow> for Case {
    type Error = UnknownWord;

    fn try_from(r: CaseRow) -> Result<Case, UnknownWord> {
        Ok(Case {
            id: r.id,
            person_id: r.person_id,
            manager_id: r.manager_id,
            from_track: r.from_track,
            from_level: r.from_level,
            track: r.track,
            level: r.level,
            assessment_id: r.assessment_id,
            revision: r.revision,
            state: CaseState::try_from(r.state)?,
            narrative: r.narrative,
            recommendation: r.recommendation,
            session_id: r.session_id,
            outcome: r.outcome.as_deref().map(Outcome::stored).transpose()?,
            reasons: r.reasons,
            work_on: r.work_on,
            effective_date: r.effective_date,
            placement_id: r.placement_id,
            decided_by: r.decided_by,
            decided_at: r.decided_at,
            communicated_at: r.communicated_at,
            opened_by: r.opened_by,
            created_at: r.created_at,
            updated_at: r.updated_at,
            version: r.version,
        })
    }
}

/// A case to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    /// Who for.
    pub person_id: i64,
    /// Their manager now.
    pub manager_id: Option<i64>,
    /// Their level now: track and level.
    pub from: Option<(String, String)>,
    /// Target track.
    pub track: String,
    /// Target level.
    pub level: String,
    /// The shared assessment against the target level, if any.
    pub assessment_id: Option<i64>,
    /// The ladder revision in use.
    pub revision: String,
}

/// An evidence link about one statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct Evidence {
    /// Id.
    pub id: i64,
    /// The case.
    pub case_id: i64,
    /// The statement (of the target level) it is about.
    pub statement_id: String,
    /// Where the evidence is.
    pub url: String,
    /// What it shows.
    pub note: String,
    /// Who added it.
    pub added_by: Option<i64>,
    /// When.
    pub added_at: i64,
}

/// A request for peer feedback on a case, and its answer once given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct FeedbackRequest {
    /// Id.
    pub id: i64,
    /// The case.
    pub case_id: i64,
    /// The colleague asked.
    pub peer_id: i64,
    /// What they are asked about: statement or area ids, one a line.
    pub about: String,
    /// Due date (`YYYY-MM-DD`).
    pub due_date: String,
    /// Who asked.
    pub requested_by: Option<i64>,
    /// When.
    pub requested_at: i64,
    /// The answer's rating: a step of the scale (1 the lowest).
    pub rating: Option<i64>,
    /// The answer's words.
    pub words: String,
    /// When answered.
    pub answered_at: Option<i64>,
}

/// A calibration session: a group of cases and the committee that decides
/// them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct CalibrationSession {
    /// Id.
    pub id: i64,
    /// Name ("Spring promotions, Platform").
    pub name: String,
    /// What it covers, in words.
    pub scope: String,
    /// Who records the decisions.
    pub chair_id: Option<i64>,
    /// Who opened it.
    pub opened_by: Option<i64>,
    /// When.
    pub opened_at: i64,
    /// When closed.
    pub closed_at: Option<i64>,
}

/// A session to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    /// Name.
    pub name: String,
    /// What it covers.
    pub scope: String,
    /// The chair (one of the members).
    pub chair_id: i64,
    /// The committee, the chair among them.
    pub members: Vec<i64>,
}

/// A reviewer's comment on a case, with their vote if they cast one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Comment {
    /// Id.
    pub id: i64,
    /// The case.
    pub case_id: i64,
    /// Who.
    pub author_id: Option<i64>,
    /// The words.
    pub body: String,
    /// Their vote.
    pub vote: Option<Outcome>,
    /// When.
    pub created_at: i64,
}

#[derive(sqlx::FromRow)]
pub(crate) struct CommentRow {
    id: i64,
    case_id: i64,
    author_id: Option<i64>,
    body: String,
    vote: Option<String>,
    created_at: i64,
}

impl TryFrom<CommentRow> for Comment {
    type Error = UnknownWord;

    fn try_from(r: CommentRow) -> Result<Comment, UnknownWord> {
        Ok(Comment {
            id: r.id,
            case_id: r.case_id,
            author_id: r.author_id,
            body: r.body,
            vote: r.vote.as_deref().map(Outcome::stored).transpose()?,
            created_at: r.created_at,
        })
    }
}

/// One step in a case's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct CaseEvent {
    /// The case.
    pub case_id: i64,
    /// Who took the step.
    pub actor_id: Option<i64>,
    /// What happened (`opened`, `submitted`, `decided`, …).
    pub step: String,
    /// In words.
    pub note: String,
    /// When.
    pub at: i64,
}

/// A decision to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Approved or not now.
    pub outcome: Outcome,
    /// Why (required).
    pub reasons: String,
    /// What to work on.
    pub work_on: String,
    /// When an approval takes effect (`YYYY-MM-DD`).
    pub effective_date: Option<String>,
}
