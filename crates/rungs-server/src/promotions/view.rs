//! A case as its reader may see it (the packet), and a calibration session
//! side by side: readiness, each manager's ratings against the group's,
//! self and manager gaps, time in level, peers, votes, and how many per
//! level are proposed and approved.

use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;

use rungs_core::assess::{Rating, Readiness, Tenure};
use rungs_core::promotions::PeerFeedback;
use rungs_store::model::{
    CalibrationSession, Case, CaseEvent, CaseState, Comment, Evidence, FeedbackRequest, Outcome,
    RatingLink, Side,
};

use crate::access::{CaseAccess, CasePart, CaseSeat, SessionAccess};
use crate::assessments::view::{self as assessment_view, AssessmentView, ScaleStep};
use crate::error::ServerError;
use crate::framework::{Ladder, LevelRef};
use crate::people::PersonRef;
use crate::state::App;

/// A statement's two ratings, by (track, level, statement id): `[self,
/// manager]`.
type SidesByStatement = HashMap<(String, String, String), [Option<i64>; 2]>;

type Result<T> = std::result::Result<T, ServerError>;

/// What the reader may do to the case now.
#[derive(Debug, Clone, Copy, Default, Serialize, ToSchema)]
pub struct CaseCan {
    /// Write the narrative, recommendation, evidence, feedback requests.
    pub edit: bool,
    /// Submit it for calibration.
    pub submit: bool,
    /// Put it in a calibration session.
    pub calibrate: bool,
    /// Comment and vote.
    pub comment: bool,
    /// Record the decision.
    pub decide: bool,
    /// Mark it communicated.
    pub communicate: bool,
    /// Mark it effective.
    pub effective: bool,
}

/// A peer's feedback, as the reader may see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PeerView {
    /// The request's id.
    pub id: i64,
    /// Who was asked (`None` when the person reads it and feedback is
    /// anonymous to them).
    pub peer: Option<PersonRef>,
    /// What they were asked about.
    pub about: Vec<String>,
    /// Due date.
    pub due_date: String,
    /// Whether they answered.
    pub answered: bool,
    /// Their rating's code and words.
    pub rating: Option<i64>,
    /// The rating in words.
    pub label: String,
    /// Their words.
    pub words: String,
}

/// The peers' ratings beside the manager's.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct PeerAgreement {
    /// Answers so far.
    pub answers: usize,
    /// Their average step.
    pub peer_average: f64,
    /// The manager's average step over the target level.
    pub manager_average: Option<f64>,
    /// Peers and manager within one step of each other.
    pub agrees: bool,
}

/// What a ladder edit since the case was opened did to its ratings.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LadderChange {
    /// The revision the case was opened on.
    pub opened_on: String,
    /// The revision in use now.
    pub now: String,
    /// Ratings kept across a rewording.
    pub reworded: usize,
    /// Ratings that followed a moved statement.
    pub moved: usize,
    /// Ratings to look at again (split or merged statements).
    pub review: usize,
    /// Ratings of removed statements (no longer counted).
    pub archived: usize,
    /// In words.
    pub words: String,
}

/// The decision as the person reads it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DecisionView {
    /// Approved or not now.
    pub outcome: Outcome,
    /// In words.
    pub label: String,
    /// Why.
    pub reasons: String,
    /// What to work on.
    pub work_on: String,
    /// When an approval takes effect.
    pub effective_date: Option<String>,
    /// Who recorded it.
    pub decided_by: Option<PersonRef>,
}

/// A reviewer's comment, as the committee reads it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CommentView {
    /// The comment.
    pub comment: Comment,
    /// Its author.
    pub author: Option<String>,
}

/// A step of the case's history.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventView {
    /// The step.
    pub event: CaseEvent,
    /// Who took it.
    pub actor: Option<String>,
    /// When, as a date.
    pub date: String,
}

/// The promotion packet: a case as its reader may see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseView {
    /// The record (the committee's parts blanked for the person).
    pub case: Case,
    /// Its state in words.
    pub state_label: String,
    /// Who the case is for.
    pub person: PersonRef,
    /// Their manager when it was opened.
    pub manager: Option<PersonRef>,
    /// Their level when it was opened.
    pub current: Option<LevelRef>,
    /// The target level.
    pub target: Option<LevelRef>,
    /// How the reader stands to it.
    pub seat: CaseSeat,
    /// What they may do.
    pub can: CaseCan,
    /// The shared assessment against the target level, ratings side by side.
    pub assessment: Option<AssessmentView>,
    /// Readiness by the promotion rule, with its reasons.
    #[schema(value_type = Option<Object>)]
    pub readiness: Option<Readiness>,
    /// The rule in words.
    pub rule: String,
    /// Months at the current level.
    pub months_in_level: Option<f64>,
    /// The current level's tenure indicator, in months.
    pub level_tenure_months: Option<f64>,
    /// Evidence links by statement.
    pub evidence: Vec<Evidence>,
    /// Peer feedback.
    pub peers: Vec<PeerView>,
    /// The peers against the manager.
    pub agreement: Option<PeerAgreement>,
    /// The committee's comments and votes (never shown to the person).
    pub comments: Option<Vec<CommentView>>,
    /// The decision, once recorded.
    pub decision: Option<DecisionView>,
    /// The history, oldest first.
    pub history: Vec<EventView>,
    /// Set when the ladder changed since the case was opened.
    pub ladder_change: Option<LadderChange>,
    /// What the case still needs before it can be submitted.
    pub missing: Vec<String>,
    /// The rating scale.
    pub scale: Vec<ScaleStep>,
    /// The revision in use now.
    pub current_revision: String,
    /// The calibration session, if any.
    pub session: Option<CalibrationSession>,
}

fn person_ref(names: &HashMap<i64, (String, String)>, id: i64) -> Option<PersonRef> {
    names.get(&id).map(|(name, email)| PersonRef {
        id,
        name: name.clone(),
        email: email.clone(),
    })
}

/// A date from Unix seconds.
pub(crate) fn date_of(at: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(at)
        .map(|t| t.date().to_string())
        .unwrap_or_default()
}

/// The average step of a list of stored codes (not applicable and unrated
/// left out).
fn average(codes: impl Iterator<Item = i64>) -> Option<f64> {
    let (sum, n) = codes
        .filter(|c| *c >= 1)
        .fold((0i64, 0usize), |(s, n), c| (s + c, n + 1));
    (n > 0).then(|| sum as f64 / n as f64)
}

/// The statement ids of a case's target level (for checks and goals).
pub(crate) fn statement_ids(ladder: &Ladder, case: &Case) -> Vec<String> {
    ladder
        .model_level(&case.track, &case.level)
        .map(|l| l.statements.iter().map(|s| s.id.clone()).collect())
        .unwrap_or_default()
}

/// What a case still needs before it is submitted, by `[promotions]`.
pub(crate) fn missing(app: &App, case: &Case, peers: &[FeedbackRequest]) -> Vec<String> {
    let rules = &app.ladder().framework.promotions;
    let mut out = Vec::new();
    if rules.assessment && case.assessment_id.is_none() {
        out.push("a shared assessment against the target level".to_string());
    }
    if rules.narrative && case.narrative.trim().is_empty() {
        out.push("a narrative".to_string());
    }
    let answered = peers.iter().filter(|p| p.answered_at.is_some()).count();
    let needed = rules.peer_responses as usize;
    if answered < needed {
        out.push(format!("{needed} peer responses ({answered} so far)"));
    }
    out
}

/// The packet: the case as the reader may see it. Reads from outside the
/// person's reporting line are audited here.
pub(crate) async fn case_view(app: &App, access: &CaseAccess<'_>) -> Result<CaseView> {
    let case = access.case().clone();
    let seat = access.seat();
    let ladder = app.ladder();
    if access.audited() {
        let mut w = app.store.write(&access.viewer().actor()).await?;
        w.audit_case_read(case.id, &format!("{seat:?}").to_lowercase())
            .await?;
        w.commit().await?;
    }
    let feedback = app.store.feedback_of(&[case.id]).await?;
    let comments = app.store.comments_of(&[case.id]).await?;
    let events = app.store.case_events(case.id).await?;
    let mut ids: Vec<i64> = vec![case.person_id];
    ids.extend(case.manager_id);
    ids.extend(case.decided_by);
    ids.extend(feedback.iter().map(|f| f.peer_id));
    ids.extend(comments.iter().filter_map(|c| c.author_id));
    ids.extend(events.iter().filter_map(|e| e.actor_id));
    ids.sort_unstable();
    ids.dedup();
    let names: HashMap<i64, (String, String)> = people_of(app, &ids).await?;
    let person = person_ref(&names, case.person_id)
        .ok_or_else(|| ServerError::NotFound(format!("person {}", case.person_id)))?;
    let manager = case.manager_id.and_then(|m| person_ref(&names, m));
    let settings = &ladder.framework.assessments;
    // The assessment, side by side, as HR reads a shared one.
    let assessment = match case.assessment_id {
        Some(aid) => match app.store.assessment(aid).await? {
            Some(a) => {
                let ratings = app.store.ratings(aid).await?;
                let tenure = assessment_view::tenure(app, &ladder, case.person_id).await?;
                let mut v = assessment_view::build_view(
                    &ladder,
                    a,
                    crate::access::Seat::Hr,
                    &ratings,
                    person.clone(),
                    manager.clone(),
                    None,
                    tenure,
                );
                v.can = Default::default();
                Some(v)
            }
            None => None,
        },
        None => None,
    };
    let placements = app.store.placements(case.person_id).await?;
    let current_placement = placements.iter().find(|p| p.until_date.is_none());
    let tenure: Option<Tenure> =
        current_placement.and_then(|p| assessment_view::tenure_of(&ladder, p));
    let readiness = assessment.as_ref().and_then(|a| a.readiness.clone());
    let manager_average = assessment.as_ref().and_then(|a| {
        average(
            a.areas
                .iter()
                .flat_map(|x| x.rows.iter())
                .filter_map(|r| r.manager.as_ref().and_then(|c| c.rating)),
        )
    });
    let anonymous = seat == CaseSeat::Person
        && ladder.framework.promotions.peer_feedback == PeerFeedback::AnonymousToPerson;
    let label = |code: Option<i64>| {
        code.and_then(|c| Rating::from_code(c, settings))
            .map(|r| settings.label(r).to_string())
            .unwrap_or_default()
    };
    let peers: Vec<PeerView> = feedback
        .iter()
        .map(|f| PeerView {
            id: f.id,
            peer: if anonymous {
                None
            } else {
                person_ref(&names, f.peer_id)
            },
            about: f
                .about
                .lines()
                .map(str::to_string)
                .filter(|s| !s.is_empty())
                .collect(),
            due_date: f.due_date.clone(),
            answered: f.answered_at.is_some(),
            rating: f.rating,
            label: label(f.rating),
            words: f.words.clone(),
        })
        .collect();
    let agreement =
        average(feedback.iter().filter_map(|f| f.rating)).map(|peer_average| PeerAgreement {
            answers: feedback.iter().filter(|f| f.answered_at.is_some()).count(),
            peer_average,
            manager_average,
            agrees: manager_average.is_none_or(|m| (m - peer_average).abs() <= 1.0),
        });
    let ladder_change = (case.revision != ladder.revision).then(|| {
        let c = assessment.as_ref().map(|a| a.counts).unwrap_or_default();
        let mut parts = Vec::new();
        for (n, what) in [
            (c.reworded, "reworded"),
            (c.moved, "moved"),
            (c.review, "to look at again (split or merged)"),
            (c.archived, "removed from the ladder, no longer counted"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {what}"));
            }
        }
        let words = if parts.is_empty() {
            "The ladder changed since this case was opened; none of its ratings' statements changed.".to_string()
        } else {
            format!(
                "The ladder changed since this case was opened; its ratings followed their statements: {}.",
                parts.join(", ")
            )
        };
        LadderChange {
            opened_on: case.revision.clone(),
            now: ladder.revision.clone(),
            reworded: c.reworded,
            moved: c.moved,
            review: c.review,
            archived: c.archived,
            words,
        }
    });
    let decision = case.outcome.map(|outcome| DecisionView {
        outcome,
        label: outcome.label().to_string(),
        reasons: case.reasons.clone(),
        work_on: case.work_on.clone(),
        effective_date: case.effective_date.clone(),
        decided_by: case.decided_by.and_then(|d| person_ref(&names, d)),
    });
    let committee = seat != CaseSeat::Person;
    let comments = committee.then(|| {
        comments
            .into_iter()
            .map(|c| CommentView {
                author: c.author_id.and_then(|a| names.get(&a).map(|n| n.0.clone())),
                comment: c,
            })
            .collect()
    });
    let history = events
        .into_iter()
        // The person's history shows no committee names, and no peer's
        // id: a request's note names whom it asked ("person:12"), which
        // would undo anonymous feedback.
        .map(|mut e| EventView {
            actor: if committee {
                e.actor_id.and_then(|a| names.get(&a).map(|n| n.0.clone()))
            } else {
                e.actor_id = None;
                if e.note.starts_with("person:") {
                    e.note = String::new();
                }
                None
            },
            date: date_of(e.at),
            event: e,
        })
        .collect();
    let can = CaseCan {
        edit: access.may(CasePart::Draft),
        submit: access.may(CasePart::Submit),
        calibrate: access.may(CasePart::Calibrate),
        comment: access.may(CasePart::Comment),
        decide: access.may(CasePart::Decide),
        communicate: access.may(CasePart::Communicate),
        effective: access.may(CasePart::Effective),
    };
    let missing = if case.state == CaseState::Draft {
        missing(app, &case, &feedback)
    } else {
        Vec::new()
    };
    let session = match case.session_id {
        Some(s) => app.store.calibration_session(s).await?,
        None => None,
    };
    let mut shown = case.clone();
    if !committee {
        // The manager's recommendation is for the committee.
        shown.recommendation = String::new();
    }
    Ok(CaseView {
        state_label: case.state.label().to_string(),
        person,
        manager,
        current: case
            .from_track
            .as_deref()
            .zip(case.from_level.as_deref())
            .and_then(|(t, l)| ladder.level(t, l)),
        target: ladder.level(&case.track, &case.level),
        seat,
        can,
        assessment,
        readiness,
        rule: settings.rule_words(),
        months_in_level: tenure.map(|t| t.months.floor()),
        level_tenure_months: tenure
            .and_then(|t| t.indicator_years)
            .map(|y| (y * 12.0).round()),
        evidence: app.store.evidence_of(case.id).await?,
        peers,
        agreement,
        comments,
        decision,
        history,
        ladder_change,
        missing,
        scale: assessment_view::scale(settings),
        current_revision: ladder.revision.clone(),
        session,
        case: shown,
    })
}

/// Names and emails of people, by id.
pub(crate) async fn people_of(app: &App, ids: &[i64]) -> Result<HashMap<i64, (String, String)>> {
    let mut out = HashMap::new();
    for id in ids {
        if let Some(p) = app.store.person(*id).await? {
            out.insert(p.id, (p.name, p.email));
        }
    }
    Ok(out)
}

/// One case in a calibration session.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SessionCase {
    /// The case's id.
    pub id: i64,
    /// Who.
    pub person: String,
    /// Their manager.
    pub manager: Option<String>,
    /// The manager's id.
    pub manager_id: Option<i64>,
    /// Target level.
    pub target: String,
    /// Target level id (`track/level`).
    pub target_id: String,
    /// Ready by the rule.
    pub ready: Option<bool>,
    /// Readiness in one sentence.
    pub readiness: String,
    /// The manager's average step over the target level.
    pub manager_average: Option<f64>,
    /// The person's own average step.
    pub self_average: Option<f64>,
    /// Self minus manager, on statements both rated (average steps).
    pub self_gap: Option<f64>,
    /// Months at the current level.
    pub months_in_level: Option<f64>,
    /// The current level's tenure indicator, in months.
    pub level_tenure_months: Option<f64>,
    /// Peer answers.
    pub peer_answers: usize,
    /// Their average step.
    pub peer_average: Option<f64>,
    /// Votes to approve.
    pub votes_approve: usize,
    /// Votes for not now.
    pub votes_not_now: usize,
    /// Where the case is.
    pub state: CaseState,
    /// The decision, once recorded.
    pub outcome: Option<Outcome>,
    /// Whether the ladder changed since the case was opened.
    pub ladder_changed: bool,
}

/// One manager's ratings against the group's.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ManagerSpread {
    /// The manager.
    pub manager: String,
    /// Their id.
    pub manager_id: Option<i64>,
    /// Their cases in the session.
    pub cases: usize,
    /// How many of their ratings fall on each step, lowest first.
    pub distribution: Vec<usize>,
    /// Their average step.
    pub average: Option<f64>,
    /// Their average minus the group's.
    pub difference: Option<f64>,
    /// Differs from the group's by more than `flag_difference`.
    pub flagged: bool,
}

/// How many cases per level are proposed and decided.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LevelTally {
    /// The target level.
    pub level: String,
    /// Cases (`None` for a group smaller than `smallest_group`).
    pub proposed: Option<usize>,
    /// Approved.
    pub approved: Option<usize>,
    /// Not now.
    pub not_now: Option<usize>,
}

/// A calibration session side by side.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SessionView {
    /// The session.
    pub session: CalibrationSession,
    /// The chair.
    pub chair: Option<String>,
    /// The committee.
    pub members: Vec<String>,
    /// Whether the committee is as large as `[promotions]` asks.
    pub quorum: bool,
    /// Whether the viewer chairs it.
    pub is_chair: bool,
    /// Whether the viewer may close it now (its chair or HR, while open).
    pub can_close: bool,
    /// When it was closed, as a date.
    pub closed_on: Option<String>,
    /// The cases.
    pub cases: Vec<SessionCase>,
    /// Each manager against the group.
    pub managers: Vec<ManagerSpread>,
    /// The group's distribution, lowest step first.
    pub group_distribution: Vec<usize>,
    /// The group's average step.
    pub group_average: Option<f64>,
    /// The scale's words, lowest first.
    pub scale: Vec<String>,
    /// The flag threshold (steps).
    pub flag_difference: f64,
    /// Per target level: proposed, approved, not now.
    pub levels: Vec<LevelTally>,
    /// Groups smaller than this show no figures.
    pub smallest_group: usize,
}

/// The session side by side. One audit entry records the read of its cases.
pub(crate) async fn session_view(app: &App, access: &SessionAccess<'_>) -> Result<SessionView> {
    let session = access.session().clone();
    let ladder = app.ladder();
    let settings = &ladder.framework.assessments;
    let rules = &ladder.framework.promotions;
    let cases = app.store.cases_in_session(session.id).await?;
    let case_ids: Vec<i64> = cases.iter().map(|c| c.id).collect();
    if !case_ids.is_empty() {
        let mut w = app.store.write(&access.viewer().actor()).await?;
        w.audit(
            "calibration.read",
            &format!("session:{}", session.id),
            None,
            Some(format!("{{\"cases\":{case_ids:?}}}")),
        )
        .await?;
        w.commit().await?;
    }
    let members = app.store.calibration_members(session.id).await?;
    let assessment_ids: Vec<i64> = cases.iter().filter_map(|c| c.assessment_id).collect();
    let codes = app.store.rating_codes(&assessment_ids, None).await?;
    let feedback = app.store.feedback_of(&case_ids).await?;
    let comments = app.store.comments_of(&case_ids).await?;
    let mut people: Vec<i64> = cases.iter().map(|c| c.person_id).collect();
    people.extend(cases.iter().filter_map(|c| c.manager_id));
    people.extend(members.iter().copied());
    people.extend(session.chair_id);
    people.sort_unstable();
    people.dedup();
    let names: HashMap<i64, String> = app.store.names_of(&people).await?.into_iter().collect();
    let person_ids: Vec<i64> = cases.iter().map(|c| c.person_id).collect();
    let placements: HashMap<i64, rungs_store::model::Placement> = app
        .store
        .current_placements(&person_ids)
        .await?
        .into_iter()
        .map(|p| (p.person_id, p))
        .collect();
    // Ratings by assessment: (statement -> [self, manager]).
    let mut by_assessment: HashMap<i64, SidesByStatement> = HashMap::new();
    for (aid, r) in codes {
        let code = assessment_view::still_counts(r.rating, r.link)
            .filter(|_| r.link != RatingLink::Archived);
        let slot = by_assessment
            .entry(aid)
            .or_default()
            .entry((r.track, r.level, r.statement_id))
            .or_default();
        slot[usize::from(r.side == Side::Manager)] = code;
    }
    let steps = settings.scale.len();
    let mut group = vec![0usize; steps];
    let mut per_manager: Vec<(Option<i64>, usize, Vec<usize>)> = Vec::new();
    let mut rows = Vec::with_capacity(cases.len());
    for case in &cases {
        let ratings = case.assessment_id.and_then(|a| by_assessment.get(&a));
        let level = ladder.model_level(&case.track, &case.level);
        let readiness = match (ratings, level) {
            (Some(r), Some(level)) => Some(rungs_core::assess::readiness(
                settings,
                &ladder.framework,
                level,
                |sid| {
                    let pair = r
                        .get(&(case.track.clone(), case.level.clone(), sid.to_string()))
                        .copied()
                        .unwrap_or_default();
                    rungs_core::assess::counting(settings, pair[0], pair[1])
                },
                placements
                    .get(&case.person_id)
                    .and_then(|p| assessment_view::tenure_of(&ladder, p)),
            )),
            _ => None,
        };
        let manager_codes: Vec<i64> = ratings
            .map(|r| r.values().filter_map(|p| p[1]).collect())
            .unwrap_or_default();
        let slot = match per_manager.iter().position(|m| m.0 == case.manager_id) {
            Some(i) => i,
            None => {
                per_manager.push((case.manager_id, 0, vec![0; steps]));
                per_manager.len() - 1
            }
        };
        per_manager[slot].1 += 1;
        for c in &manager_codes {
            if let Some(i) = usize::try_from(*c).ok().filter(|c| (1..=steps).contains(c)) {
                per_manager[slot].2[i - 1] += 1;
                group[i - 1] += 1;
            }
        }
        let self_gap = ratings.and_then(|r| {
            average_f(r.values().filter_map(|p| match (p[0], p[1]) {
                (Some(s), Some(m)) if s >= 1 && m >= 1 => Some((s - m) as f64),
                _ => None,
            }))
        });
        let answers: Vec<&FeedbackRequest> =
            feedback.iter().filter(|f| f.case_id == case.id).collect();
        let votes = |o: Outcome| {
            comments
                .iter()
                .filter(|c| c.case_id == case.id && c.vote == Some(o))
                .count()
        };
        let tenure = placements
            .get(&case.person_id)
            .and_then(|p| assessment_view::tenure_of(&ladder, p));
        rows.push(SessionCase {
            id: case.id,
            person: names.get(&case.person_id).cloned().unwrap_or_default(),
            manager: case.manager_id.and_then(|m| names.get(&m).cloned()),
            manager_id: case.manager_id,
            target: ladder
                .level(&case.track, &case.level)
                .map_or_else(|| format!("{}/{}", case.track, case.level), |l| l.title),
            target_id: format!("{}/{}", case.track, case.level),
            ready: readiness.as_ref().map(|r| r.ready),
            readiness: readiness.map_or_else(|| "No shared assessment".to_string(), |r| r.summary),
            manager_average: average(manager_codes.iter().copied()),
            self_average: ratings.and_then(|r| average(r.values().filter_map(|p| p[0]))),
            self_gap,
            months_in_level: tenure.map(|t| t.months.floor()),
            level_tenure_months: tenure
                .and_then(|t| t.indicator_years)
                .map(|y| (y * 12.0).round()),
            peer_answers: answers.iter().filter(|f| f.answered_at.is_some()).count(),
            peer_average: average(answers.iter().filter_map(|f| f.rating)),
            votes_approve: votes(Outcome::Approved),
            votes_not_now: votes(Outcome::NotNow),
            state: case.state,
            outcome: case.outcome,
            ladder_changed: case.revision != ladder.revision,
        });
    }
    let group_average = distribution_average(&group);
    let managers = per_manager
        .into_iter()
        .map(|(id, cases, distribution)| {
            let average = distribution_average(&distribution);
            let difference = average.zip(group_average).map(|(a, g)| a - g);
            ManagerSpread {
                manager: id
                    .and_then(|m| names.get(&m).cloned())
                    .unwrap_or_else(|| "(no manager)".to_string()),
                manager_id: id,
                cases,
                flagged: difference.is_some_and(|d| d.abs() > rules.flag_difference),
                distribution,
                average,
                difference,
            }
        })
        .collect();
    let mut levels: Vec<LevelTally> = Vec::new();
    let mut order: Vec<String> = Vec::new();
    let mut counts: HashMap<String, (usize, usize, usize)> = HashMap::new();
    for r in &rows {
        if !order.contains(&r.target) {
            order.push(r.target.clone());
        }
        let e = counts.entry(r.target.clone()).or_default();
        e.0 += 1;
        e.1 += usize::from(r.outcome == Some(Outcome::Approved));
        e.2 += usize::from(r.outcome == Some(Outcome::NotNow));
    }
    for level in order {
        let (p, a, n) = counts.get(&level).copied().unwrap_or_default();
        // A small group's figures can point at people: shown as "fewer than".
        let shown = p >= settings.smallest_group;
        levels.push(LevelTally {
            level,
            proposed: shown.then_some(p),
            approved: shown.then_some(a),
            not_now: shown.then_some(n),
        });
    }
    Ok(SessionView {
        chair: session.chair_id.and_then(|c| names.get(&c).cloned()),
        members: members
            .iter()
            .filter_map(|m| names.get(m).cloned())
            .collect(),
        quorum: members.len() >= rules.committee_size as usize,
        is_chair: access.chair(),
        can_close: access.may_close() && session.closed_at.is_none(),
        closed_on: session.closed_at.map(date_of),
        cases: rows,
        managers,
        group_distribution: group,
        group_average,
        scale: settings.scale.clone(),
        flag_difference: rules.flag_difference,
        levels,
        smallest_group: settings.smallest_group,
        session,
    })
}

fn average_f(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

fn distribution_average(distribution: &[usize]) -> Option<f64> {
    let n: usize = distribution.iter().sum();
    (n > 0).then(|| {
        distribution
            .iter()
            .enumerate()
            .map(|(i, c)| (i + 1) as f64 * *c as f64)
            .sum::<f64>()
            / n as f64
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_leave_out_not_applicable() {
        assert_eq!(average([0, 2, 4].into_iter()), Some(3.0));
        assert_eq!(average([0].into_iter()), None);
        assert_eq!(distribution_average(&[0, 1, 1, 2]), Some(3.25));
        assert_eq!(distribution_average(&[0, 0]), None);
    }
}
