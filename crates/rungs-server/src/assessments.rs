//! Assessments as people use them: open, rate, submit, share, acknowledge,
//! revise; the side-by-side view with disagreements and readiness; the
//! spreadsheet a manager fills offline.
//!
//! Who sees what (see also `access`): each side sees its own ratings from
//! the start and the other side's once the assessment is shared; managers
//! above the assessing manager and HR see an assessment once it is shared;
//! drafts are only ever their author's.

use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;

use rungs_core::assess::{Rating, RatingsFrom, Readiness, Settings, Tenure};
use rungs_core::compare::{DiffPart, word_diff};
use rungs_store::NewAssessment;
use rungs_store::model::{
    Assessment, AssessmentState, RatingInput, RatingLink, Side, StoredRating,
};

use crate::auth::Viewer;
use crate::error::ServerError;
use crate::framework::{Ladder, LevelRef};
use crate::ops::PersonRef;
use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

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
}

/// How the viewer stands to `a`, or not found.
pub(crate) async fn seat(app: &App, viewer: &Viewer, a: &Assessment) -> Result<Seat> {
    let me = viewer.person.id;
    if a.person_id == me {
        Ok(Seat::Person)
    } else if a.manager_id == Some(me) && app.store.manages(me, a.person_id).await? {
        // The manager who assesses them, while they still manage them: after
        // a change of reporting lines, the former manager has no seat.
        Ok(Seat::Assessor)
    } else if a.manager_id.is_none() && viewer.person.role.sees_everyone() {
        // HR assesses someone who has no manager.
        Ok(Seat::Assessor)
    } else if viewer.person.role.sees_everyone() {
        Ok(Seat::Hr)
    } else if app.store.manages(me, a.person_id).await? {
        Ok(Seat::Above)
    } else {
        Err(ServerError::NotFound(format!("assessment {}", a.id)))
    }
}

async fn load(app: &App, viewer: &Viewer, id: i64) -> Result<(Assessment, Seat)> {
    let a = app
        .store
        .assessment(id)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("assessment {id}")))?;
    let seat = seat(app, viewer, &a).await?;
    Ok((a, seat))
}

/// Opens an assessment of `person` against a level: the person themselves,
/// anyone they report to, or HR.
pub(crate) async fn open(
    app: &App,
    viewer: &Viewer,
    person: i64,
    track: &str,
    level: &str,
) -> Result<i64> {
    crate::access::reach(app, viewer, person).await?;
    let ladder = app.ladder();
    if ladder.level(track, level).is_none() {
        return Err(ServerError::Invalid(format!(
            "`{track}/{level}` is not a level of the ladder"
        )));
    }
    let p = app
        .store
        .person(person)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("person {person}")))?;
    if !p.active {
        return Err(ServerError::Conflict(format!(
            "{} is no longer active: no new assessment is opened",
            p.name
        )));
    }
    let mut w = app.store.write(&viewer.actor()).await?;
    let id = w
        .open_assessment(
            &NewAssessment {
                person_id: person,
                manager_id: p.manager_id,
                track: track.to_string(),
                level: level.to_string(),
                cycle_id: None,
            },
            &ladder.revision,
            ladder.snapshot,
        )
        .await?;
    w.commit().await?;
    Ok(id)
}

/// One step of the scale, for forms.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScaleStep {
    /// Stored code: 0 not applicable, 1 the lowest step.
    pub code: i64,
    /// Words.
    pub label: String,
}

/// One side's rating of one statement, as shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Cell {
    /// Stored code (`None` unrated).
    pub rating: Option<i64>,
    /// Words of the rating ("" when unrated).
    pub label: String,
    /// Comment.
    pub comment: String,
    /// Evidence.
    pub evidence: String,
    /// What became of the statement since it was rated.
    pub link: RatingLink,
    /// The words rated, when they differ from the statement's words now.
    pub rated_text: Option<String>,
    /// The word diff from the words rated to the words now.
    #[schema(value_type = Vec<Object>)]
    pub diff: Vec<DiffPart>,
}

/// A statement with both sides' ratings.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Row {
    /// Statement id.
    pub statement_id: String,
    /// Its short name, if it has one (e.g. a trait's name).
    pub name: Option<String>,
    /// Its words now (or, for a removed statement, as they were).
    pub text: String,
    /// Where it is now, when not in the assessed level ("Moved to …",
    /// "Removed from the ladder").
    pub whereabouts: Option<String>,
    /// The person's rating, if the viewer may see it.
    pub person: Option<Cell>,
    /// The manager's rating, if the viewer may see it.
    pub manager: Option<Cell>,
    /// Both rated, differently.
    pub disagree: bool,
}

impl Row {
    /// The statement as a sheet writes it: its name, if any, and its words.
    fn full_text(&self) -> String {
        match &self.name {
            Some(name) => format!("{name}: {}", self.text),
            None => self.text.clone(),
        }
    }
}

/// The statements of one area.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AreaRows {
    /// Area id.
    pub area: String,
    /// Area title.
    pub title: String,
    /// Statements.
    pub rows: Vec<Row>,
    /// How many the two sides rate differently.
    pub disagreements: usize,
}

/// What the viewer may do now.
#[derive(Debug, Clone, Copy, Default, Serialize, ToSchema)]
pub struct Can {
    /// Change their side's ratings.
    pub edit: bool,
    /// Submit their side.
    pub submit: bool,
    /// Share it (the assessing manager, once both submitted).
    pub share: bool,
    /// Acknowledge it (the person, once shared).
    pub acknowledge: bool,
    /// Start a new version of a locked assessment.
    pub revise: bool,
}

/// Counts for the page's summary.
#[derive(Debug, Clone, Copy, Default, Serialize, ToSchema)]
pub struct Counts {
    /// Statements of the level.
    pub statements: usize,
    /// Rated by the person (when visible).
    pub rated_person: usize,
    /// Rated by the manager (when visible).
    pub rated_manager: usize,
    /// Rated differently by the two.
    pub disagreements: usize,
    /// Ratings kept across a rewording.
    pub reworded: usize,
    /// Ratings that followed a moved statement.
    pub moved: usize,
    /// Ratings to look at again (split or merged statements).
    pub review: usize,
    /// Ratings of removed statements, kept with their words.
    pub archived: usize,
    /// Once the ladder changed since the assessment was made: statements
    /// of the level nobody has rated (those added since among them).
    pub new_statements: usize,
}

/// An assessment as the viewer may see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AssessmentView {
    /// The record.
    pub assessment: Assessment,
    /// Where it is in its life.
    pub state: AssessmentState,
    /// Who is assessed.
    pub person: PersonRef,
    /// The manager assessing.
    pub manager: Option<PersonRef>,
    /// The level assessed against (`None` when the ladder no longer has it).
    pub level: Option<LevelRef>,
    /// How the viewer stands to it.
    pub seat: Seat,
    /// What the viewer may do.
    pub can: Can,
    /// Whether the viewer sees the person's ratings.
    pub sees_person: bool,
    /// Whether the viewer sees the manager's ratings.
    pub sees_manager: bool,
    /// The level's statements by area, with ratings.
    pub areas: Vec<AreaRows>,
    /// Ratings of statements no longer in the level: moved elsewhere or
    /// removed from the ladder (kept with their words).
    pub elsewhere: Vec<Row>,
    /// Readiness by the promotion rule, when the ratings it reads are
    /// visible to the viewer.
    #[schema(value_type = Option<Object>)]
    pub readiness: Option<Readiness>,
    /// The promotion rule in words.
    pub rule: String,
    /// The rating scale.
    pub scale: Vec<ScaleStep>,
    /// Counts.
    pub counts: Counts,
    /// The newer version, when this one was revised.
    pub revised_by: Option<i64>,
    /// The revision in use now (the assessment was made against
    /// `assessment.revision`).
    pub current_revision: String,
}

fn cell(settings: &Settings, r: &StoredRating, text_now: &str) -> Cell {
    let label = r
        .rating
        .and_then(|c| Rating::from_code(c, settings))
        .map_or_else(
            || match r.rating {
                Some(c) => format!("(rating {c}, no longer on the scale)"),
                None => String::new(),
            },
            |x| settings.label(x).to_string(),
        );
    let changed = r.rated_text != text_now;
    Cell {
        rating: r.rating,
        label,
        comment: r.comment.clone(),
        evidence: r.evidence.clone(),
        // A rewording is read off the words, not stored: the relink leaves
        // the ratings of reworded statements alone.
        link: if r.link == RatingLink::Current && changed {
            RatingLink::Reworded
        } else {
            r.link
        },
        rated_text: changed.then(|| r.rated_text.clone()),
        diff: if changed {
            word_diff(&r.rated_text, text_now)
        } else {
            Vec::new()
        },
    }
}

/// The scale's steps, not applicable first when offered.
pub(crate) fn scale(settings: &Settings) -> Vec<ScaleStep> {
    let mut out = Vec::new();
    for (i, label) in settings.scale.iter().enumerate() {
        out.push(ScaleStep {
            code: i as i64 + 1,
            label: label.clone(),
        });
    }
    if settings.not_applicable {
        out.push(ScaleStep {
            code: 0,
            label: "Not applicable".into(),
        });
    }
    out
}

/// The rating that counts for readiness, from the two sides' ratings.
pub(crate) fn counting(
    settings: &Settings,
    person: Option<(Option<i64>, RatingLink)>,
    manager: Option<(Option<i64>, RatingLink)>,
) -> Option<Rating> {
    let of = |r: Option<(Option<i64>, RatingLink)>| {
        r.filter(|(_, link)| *link != RatingLink::Archived)
            .and_then(|(rating, _)| rating)
            .and_then(|c| Rating::from_code(c, settings))
    };
    match settings.promotion.ratings_from {
        RatingsFrom::Manager => of(manager),
        RatingsFrom::Both => match (of(person), of(manager)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            _ => None,
        },
    }
}

/// Months since `date` (`YYYY-MM-DD`), today.
fn months_since(date: &str) -> Option<f64> {
    let from = rungs_store::parse_date(date)?;
    let today = time::OffsetDateTime::now_utc().date();
    Some(((today - from).whole_days() as f64 / 30.44).max(0.0))
}

/// Time at the current level, for the rule's minimum.
pub(crate) async fn tenure(app: &App, ladder: &Ladder, person: i64) -> Result<Option<Tenure>> {
    let placements = app.store.placements(person).await?;
    Ok(placements
        .iter()
        .find(|p| p.until_date.is_none())
        .and_then(|p| tenure_of(ladder, p)))
}

/// Time at the level of `current` (a placement with no end), with that
/// level's tenure indicator.
pub(crate) fn tenure_of(
    ladder: &Ladder,
    current: &rungs_store::model::Placement,
) -> Option<Tenure> {
    let indicator_years = ladder
        .model_level(&current.track, &current.level)
        .and_then(|l| l.indicators.tenure)
        .map(|t| t.min);
    months_since(&current.from_date).map(|months| Tenure {
        months,
        indicator_years,
    })
}

/// The assessment as the viewer may see it.
pub(crate) async fn view(app: &App, viewer: &Viewer, id: i64) -> Result<AssessmentView> {
    let (a, seat) = load(app, viewer, id).await?;
    let ratings = app.store.ratings(id).await?;
    let person = app
        .store
        .person(a.person_id)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("person {}", a.person_id)))?;
    let manager = match a.manager_id {
        Some(m) => app.store.person(m).await?,
        None => None,
    };
    // Only a locked assessment is ever revised.
    let revised_by = match a.acknowledged_at {
        Some(_) => app.store.revised_by(a.id).await?,
        None => None,
    };
    let ladder = app.ladder();
    // Only a rule with a minimum time in level reads placements.
    let tenure = match ladder.framework.assessments.promotion.time_in_level {
        rungs_core::assess::TimeInLevel::Any => None,
        _ => tenure(app, &ladder, a.person_id).await?,
    };
    Ok(build_view(
        &ladder,
        a,
        seat,
        &ratings,
        PersonRef {
            id: person.id,
            name: person.name,
            email: person.email,
        },
        manager.map(|m| PersonRef {
            id: m.id,
            name: m.name,
            email: m.email,
        }),
        revised_by,
        tenure,
    ))
}

/// Builds the view from what the store holds (no I/O: the benchmarks and
/// the team heatmap reuse the pieces).
#[allow(clippy::too_many_arguments)]
fn build_view(
    ladder: &Ladder,
    a: Assessment,
    seat: Seat,
    ratings: &[StoredRating],
    person: PersonRef,
    manager: Option<PersonRef>,
    revised_by: Option<i64>,
    tenure: Option<Tenure>,
) -> AssessmentView {
    let settings = &ladder.framework.assessments;
    let sees_person = seat.sees(Side::Person, &a);
    let sees_manager = seat.sees(Side::Manager, &a);
    let visible = |r: &&StoredRating| match r.side {
        Side::Person => sees_person,
        Side::Manager => sees_manager,
    };
    // Ratings by (track, level, statement), per side.
    let mut by_key: HashMap<(&str, &str, &str), [Option<&StoredRating>; 2]> = HashMap::new();
    for r in ratings.iter().filter(visible) {
        let slot = by_key
            .entry((r.track.as_str(), r.level.as_str(), r.statement_id.as_str()))
            .or_default();
        let i = usize::from(r.side == Side::Manager);
        slot[i] = Some(r);
    }
    let mut counts = Counts::default();
    let mut areas: Vec<AreaRows> = Vec::new();
    let level_model = ladder.model_level(&a.track, &a.level);
    let area_titles: HashMap<&str, &str> = ladder
        .framework
        .areas
        .iter()
        .flat_map(|x| x.walk())
        .map(|x| (x.id.as_str(), x.title.as_str()))
        .collect();
    let make_row = |counts: &mut Counts,
                    id: &str,
                    name: Option<&String>,
                    text: &str,
                    whereabouts: Option<String>,
                    pair: [Option<&StoredRating>; 2]| {
        let p = pair[0].map(|r| cell(settings, r, text));
        let m = pair[1].map(|r| cell(settings, r, text));
        let disagree = matches!((&p, &m), (Some(x), Some(y)) if x.rating.is_some() && y.rating.is_some() && x.rating != y.rating);
        for c in [&p, &m].into_iter().flatten() {
            match c.link {
                RatingLink::Reworded => counts.reworded += 1,
                RatingLink::Moved => counts.moved += 1,
                RatingLink::Review => counts.review += 1,
                RatingLink::Archived => counts.archived += 1,
                RatingLink::Current => {}
            }
        }
        Row {
            statement_id: id.to_string(),
            name: name.cloned(),
            text: text.to_string(),
            whereabouts,
            person: p,
            manager: m,
            disagree,
        }
    };
    let mut in_level: Vec<(&str, &str, &str)> = Vec::new();
    if let Some(level) = level_model {
        for s in &level.statements {
            let key = (a.track.as_str(), a.level.as_str(), s.id.as_str());
            in_level.push(key);
            let pair = by_key.get(&key).copied().unwrap_or_default();
            counts.statements += 1;
            if pair[0].is_some_and(|r| r.rating.is_some()) {
                counts.rated_person += 1;
            }
            if pair[1].is_some_and(|r| r.rating.is_some()) {
                counts.rated_manager += 1;
            }
            // Added since the assessment was made: nobody has rated it (of
            // the ratings the viewer may see: the other side's draft stays
            // unreadable, even as a count).
            if a.revision != ladder.revision
                && ratings.iter().any(|r| visible(&r))
                && !ratings
                    .iter()
                    .filter(visible)
                    .any(|r| r.track == a.track && r.level == a.level && r.statement_id == s.id)
            {
                counts.new_statements += 1;
            }
            let row = make_row(&mut counts, &s.id, s.name.as_ref(), &s.text, None, pair);
            if row.disagree {
                counts.disagreements += 1;
            }
            match areas.iter_mut().find(|x| x.area == s.area) {
                Some(x) => {
                    x.disagreements += usize::from(row.disagree);
                    x.rows.push(row);
                }
                None => areas.push(AreaRows {
                    area: s.area.clone(),
                    title: area_titles
                        .get(s.area.as_str())
                        .map_or_else(|| s.area.clone(), |t| t.to_string()),
                    disagreements: usize::from(row.disagree),
                    rows: vec![row],
                }),
            }
        }
    }
    // Ratings whose statements left the level.
    let mut elsewhere = Vec::new();
    let mut seen: Vec<(&str, &str, &str)> = Vec::new();
    for r in ratings.iter().filter(visible) {
        let key = (r.track.as_str(), r.level.as_str(), r.statement_id.as_str());
        if in_level.contains(&key) || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let now = ladder.model_level(&r.track, &r.level).and_then(|l| {
            l.statements
                .iter()
                .find(|s| s.id == r.statement_id)
                .map(|s| (l.title.clone(), s.text.clone()))
        });
        let (text, whereabouts) = match (&now, r.link) {
            (Some((title, text)), link) if link != RatingLink::Archived => {
                (text.clone(), format!("Moved to {title}"))
            }
            _ => (r.rated_text.clone(), "Removed from the ladder".to_string()),
        };
        let pair = by_key.get(&key).copied().unwrap_or_default();
        elsewhere.push(make_row(
            &mut counts,
            &r.statement_id,
            None,
            &text,
            Some(whereabouts),
            pair,
        ));
    }
    let readable = match settings.promotion.ratings_from {
        RatingsFrom::Manager => sees_manager,
        RatingsFrom::Both => sees_manager && sees_person,
    };
    let readiness = match (level_model, readable) {
        (Some(level), true) => Some(rungs_core::assess::readiness(
            settings,
            &ladder.framework,
            level,
            |sid| {
                let pair = by_key
                    .get(&(a.track.as_str(), a.level.as_str(), sid))
                    .copied()
                    .unwrap_or_default();
                let code = |r: Option<&StoredRating>| r.map(|r| (r.rating, r.link));
                counting(settings, code(pair[0]), code(pair[1]))
            },
            tenure,
        )),
        _ => None,
    };
    let state = a.state();
    let side = seat.side();
    let can = Can {
        edit: side.is_some_and(|s| a.submitted(s).is_none()) && a.shared_at.is_none(),
        submit: side.is_some_and(|s| a.submitted(s).is_none()) && a.shared_at.is_none(),
        share: seat == Seat::Assessor && state == AssessmentState::Submitted,
        acknowledge: seat == Seat::Person && state == AssessmentState::Shared,
        revise: state == AssessmentState::Acknowledged
            && revised_by.is_none()
            && seat != Seat::Above,
    };
    AssessmentView {
        level: ladder.level(&a.track, &a.level),
        state,
        person,
        manager,
        seat,
        can,
        sees_person,
        sees_manager,
        areas,
        elsewhere,
        readiness,
        rule: settings.rule_words(),
        scale: scale(settings),
        counts,
        revised_by,
        current_revision: ladder.revision.clone(),
        assessment: a,
    }
}

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
    viewer: &Viewer,
    id: i64,
    version: i64,
    given: &[Given],
) -> Result<usize> {
    let (a, seat) = load(app, viewer, id).await?;
    let side = seat.side().ok_or(ServerError::Forbidden)?;
    let ladder = app.ladder();
    let settings = &ladder.framework.assessments;
    let level = ladder.model_level(&a.track, &a.level).ok_or_else(|| {
        ServerError::Conflict(format!(
            "the ladder no longer has the level `{}/{}`; this assessment can no longer be rated",
            a.track, a.level
        ))
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
    let mut w = app.store.write(&viewer.actor()).await?;
    let changed = w.save_ratings(id, side, version, &inputs).await?;
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

/// Moves an assessment along; returns the id to show next (a revision's
/// new id).
pub(crate) async fn step(
    app: &App,
    viewer: &Viewer,
    id: i64,
    version: i64,
    step: Step,
) -> Result<i64> {
    let view = view(app, viewer, id).await?;
    let allowed = match &step {
        Step::Submit => view.can.submit,
        Step::Share => view.can.share,
        Step::Acknowledge(_) => view.can.acknowledge,
        Step::Revise(_) => view.can.revise,
    };
    if !allowed {
        // A seat that never takes this step is refused; one that does, but
        // not now, is told why.
        let seat = view.seat;
        let ever = match &step {
            Step::Submit => seat.side().is_some(),
            Step::Share => seat == Seat::Assessor,
            Step::Acknowledge(_) => seat == Seat::Person,
            Step::Revise(_) => seat != Seat::Above,
        };
        if !ever {
            return Err(ServerError::Forbidden);
        }
        return Err(ServerError::Conflict(format!(
            "not possible while the assessment is {}",
            view.state.as_str()
        )));
    }
    let mut w = app.store.write(&viewer.actor()).await?;
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

/// A person's assessments the viewer may see, newest first.
pub(crate) async fn list(app: &App, viewer: &Viewer, person: i64) -> Result<Vec<Assessment>> {
    crate::access::reach(app, viewer, person).await?;
    Ok(app.store.assessments_of(person).await?)
}

/// The viewer's side as a spreadsheet (CSV): a row per statement, to fill
/// offline and import back by statement id.
pub(crate) async fn sheet(app: &App, viewer: &Viewer, id: i64) -> Result<(String, String)> {
    let view = view(app, viewer, id).await?;
    let side = view.seat.side().ok_or(ServerError::Forbidden)?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let csv_err = |e: csv::Error| ServerError::Internal(e.to_string());
    out.write_record([
        "statement_id",
        "area",
        "statement",
        "rating",
        "comment",
        "evidence",
    ])
    .map_err(csv_err)?;
    for area in &view.areas {
        for row in &area.rows {
            let c = match side {
                Side::Person => row.person.as_ref(),
                Side::Manager => row.manager.as_ref(),
            };
            out.write_record(
                [
                    row.statement_id.as_str(),
                    area.title.as_str(),
                    row.full_text().as_str(),
                    c.map_or("", |c| c.label.as_str()),
                    c.map_or("", |c| c.comment.as_str()),
                    c.map_or("", |c| c.evidence.as_str()),
                ]
                // Cells a spreadsheet would run as formulas are quoted; the
                // import undoes it.
                .map(|c| rungs_core::export::csv::neutralise(c).into_owned()),
            )
            .map_err(csv_err)?;
        }
    }
    let bytes = out
        .into_inner()
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| ServerError::Internal(e.to_string()))?;
    let name = format!(
        "assessment-{}-{}-{}.csv",
        view.assessment.id,
        side.as_str(),
        view.assessment.level
    );
    Ok((name, text))
}

/// What importing a sheet did.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct SheetReport {
    /// Ratings changed.
    pub changed: usize,
    /// Rows read.
    pub rows: usize,
    /// Statements of the level the sheet has no row for (their ratings are
    /// kept as they were).
    pub missing: Vec<String>,
    /// Rows whose statement's words differ from the ladder's now (the
    /// rating is applied to the statement as it is now).
    pub reworded: Vec<String>,
}

/// Imports a filled sheet: every row must name a statement of the level
/// once, with a rating on the scale; every mismatch is reported with its
/// row and column, and nothing is saved when any row is wrong.
pub(crate) async fn import_sheet(
    app: &App,
    viewer: &Viewer,
    id: i64,
    bytes: &[u8],
) -> Result<SheetReport> {
    let view = view(app, viewer, id).await?;
    if !view.can.edit {
        return Err(match view.seat.side() {
            None => ServerError::Forbidden,
            Some(_) => ServerError::Conflict(
                "these ratings are submitted; they can no longer be changed".into(),
            ),
        });
    }
    let ladder = app.ladder();
    let settings = &ladder.framework.assessments;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ServerError::Invalid(format!(
            "the sheet is not UTF-8 text (byte {}); save it as CSV UTF-8",
            e.valid_up_to() + 1
        ))
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ServerError::Invalid(format!("the sheet's first row does not read: {e}")))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let Some(id_col) = col("statement_id") else {
        return Err(ServerError::Invalid(
            "the sheet has no `statement_id` column; export the sheet again and fill that one"
                .into(),
        ));
    };
    let Some(rating_col) = col("rating") else {
        return Err(ServerError::Invalid(
            "the sheet has no `rating` column".into(),
        ));
    };
    let (comment_col, evidence_col, text_col) = (col("comment"), col("evidence"), col("statement"));
    let rows_now: Vec<&Row> = view.areas.iter().flat_map(|a| a.rows.iter()).collect();
    let mut problems = Vec::new();
    let mut given: Vec<Given> = Vec::new();
    let mut report = SheetReport::default();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(format!("row {line}: {e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        report.rows += 1;
        let get = |c: Option<usize>| {
            rungs_core::export::csv::restore(c.and_then(|c| record.get(c)).unwrap_or(""))
                .to_string()
        };
        let sid = get(Some(id_col)).trim().to_string();
        if sid.is_empty() {
            problems.push(format!("row {line}, column statement_id: empty"));
            continue;
        }
        if let Some(first) = seen.insert(sid.clone(), line) {
            problems.push(format!(
                "row {line}: statement `{sid}` is also on row {first}"
            ));
            continue;
        }
        let Some(row) = rows_now.iter().find(|r| r.statement_id == sid) else {
            problems.push(format!(
                "row {line}, column statement_id: `{sid}` is not a statement of {}",
                view.level
                    .as_ref()
                    .map_or("this level", |l| l.title.as_str())
            ));
            continue;
        };
        let rating = get(Some(rating_col));
        if let Err(e) = parse_rating(settings, &rating) {
            problems.push(format!("row {line}, column rating: {e}"));
            continue;
        }
        if text_col.is_some() {
            let t = get(text_col);
            if !t.trim().is_empty() && t.trim() != row.full_text().trim() {
                report.reworded.push(format!("row {line}: `{sid}`"));
            }
        }
        given.push(Given {
            statement: sid,
            rating,
            // A sheet without the column keeps what is stored.
            comment: comment_col.map(|_| get(comment_col)),
            evidence: evidence_col.map(|_| get(evidence_col)),
        });
    }
    if !problems.is_empty() {
        return Err(ServerError::Invalid(format!(
            "nothing was imported: {}",
            problems.join("; ")
        )));
    }
    report.missing = rows_now
        .iter()
        .filter(|r| !seen.contains_key(&r.statement_id))
        .map(|r| r.statement_id.clone())
        .collect();
    report.changed = rate(app, viewer, id, view.assessment.version, &given).await?;
    Ok(report)
}
