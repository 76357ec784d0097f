//! Changing an assessment: saving one side's ratings, and the steps of its
//! life (submit, share, acknowledge, revise).

use rungs_core::assess::Settings;
use rungs_store::model::RatingInput;

use super::view::view;
use crate::access::{AssessmentAccess, StepKind};
use crate::error::ServerError;
use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// One statement's rating as a form, a sheet or the API gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Given {
    /// Statement id.
    pub statement: String,
    /// The rating as written: "" unrated, a step's words or number,
    /// "n/a".
    pub rating: String,
    /// Comment (`None`: keep the stored one).
    pub comment: Option<String>,
    /// Evidence (`None`: keep the stored one).
    pub evidence: Option<String>,
}

/// Reads a rating as people write it: a step's words (any case), its
/// number, "n/a" / "not applicable", or nothing.
pub(crate) fn parse_rating(
    settings: &Settings,
    text: &str,
) -> std::result::Result<Option<i64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let lower = t.to_lowercase();
    if settings.not_applicable && ["n/a", "na", "not applicable", "0"].contains(&lower.as_str()) {
        return Ok(Some(0));
    }
    if let Some(i) = settings
        .scale
        .iter()
        .position(|s| s.eq_ignore_ascii_case(t))
    {
        return Ok(Some(i as i64 + 1));
    }
    if let Ok(n) = t.parse::<i64>()
        && n >= 1
        && n <= settings.scale.len() as i64
    {
        return Ok(Some(n));
    }
    let mut options = settings.scale.clone();
    if settings.not_applicable {
        options.push("n/a".into());
    }
    Err(format!(
        "`{t}` is not a rating; the scale is: {}",
        options.join(", ")
    ))
}

/// Saves the viewer's side of the ratings in `given` (statements of the
/// assessed level; others are refused, naming them).
pub(crate) async fn rate(
    app: &App,
    access: &AssessmentAccess<'_>,
    version: i64,
    given: &[Given],
) -> Result<usize> {
    let (a, seat) = (access.assessment(), access.seat());
    let side = seat.side().ok_or(ServerError::Forbidden)?;
    let ladder = app.ladder();
    let settings = &ladder.framework.assessments;
    let level = ladder.model_level(&a.track, &a.level).ok_or_else(|| {
        ServerError::conflict(
            "form-assessment-level-gone",
            vec![("level", format!("{}/{}", a.track, a.level))],
        )
    })?;
    let mut problems = Vec::new();
    let mut inputs = Vec::new();
    for g in given {
        let Some(s) = level.statements.iter().find(|s| s.id == g.statement) else {
            problems.push(format!(
                "`{}` is not a statement of this level",
                g.statement
            ));
            continue;
        };
        match parse_rating(settings, &g.rating) {
            Ok(rating) => inputs.push(RatingInput {
                statement_id: s.id.clone(),
                text: s.text.clone(),
                rating,
                comment: g.comment.clone(),
                evidence: g.evidence.clone(),
            }),
            Err(e) => problems.push(format!("{}: {e}", g.statement)),
        }
    }
    if !problems.is_empty() {
        return Err(ServerError::Invalid(problems.join("; ")));
    }
    let mut w = app.store.write(&access.viewer().actor()).await?;
    let changed = w.save_ratings(a.id, side, version, &inputs).await?;
    if changed == 0 {
        // Nothing to write: nothing to audit either.
        return Ok(0);
    }
    w.commit().await?;
    Ok(changed)
}

/// What the viewer asks of an assessment's life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// Submit their side.
    Submit,
    /// Share it (the assessing manager).
    Share,
    /// Acknowledge it, with a note (the person).
    Acknowledge(String),
    /// Start a new version of a locked one, with the reason.
    Revise(String),
}

impl Step {
    /// The kind of step, for the seat rule.
    fn kind(&self) -> StepKind {
        match self {
            Step::Submit => StepKind::Submit,
            Step::Share => StepKind::Share,
            Step::Acknowledge(_) => StepKind::Acknowledge,
            Step::Revise(_) => StepKind::Revise,
        }
    }
}

/// Moves an assessment along; returns the id to show next (a revision's
/// new id).
pub(crate) async fn step(
    app: &App,
    access: &AssessmentAccess<'_>,
    version: i64,
    step: Step,
) -> Result<i64> {
    let id = access.assessment().id;
    let view = view(app, access).await?;
    let allowed = match &step {
        Step::Submit => view.can.submit,
        Step::Share => view.can.share,
        Step::Acknowledge(_) => view.can.acknowledge,
        Step::Revise(_) => view.can.revise,
    };
    if !allowed {
        // A seat that never takes this step is refused; one that does, but
        // not now, is told why.
        if !view.seat.takes(step.kind()) {
            return Err(ServerError::Forbidden);
        }
        return Err(ServerError::conflict(
            "form-assessment-state",
            vec![("state", view.state.as_str().to_string())],
        ));
    }
    let mut w = app.store.write(&access.viewer().actor()).await?;
    let next = match step {
        Step::Submit => {
            let side = view.seat.side().ok_or(ServerError::Forbidden)?;
            w.submit_assessment(id, side, version).await?;
            id
        }
        Step::Share => {
            w.share_assessment(id, version).await?;
            id
        }
        Step::Acknowledge(note) => {
            w.acknowledge_assessment(id, version, note.trim()).await?;
            id
        }
        Step::Revise(reason) => w.revise_assessment(id, version, &reason).await?,
    };
    w.commit().await?;
    Ok(next)
}
