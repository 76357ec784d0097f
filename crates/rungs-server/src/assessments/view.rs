//! An assessment as the viewer may see it: the level's statements by area
//! with both sides' ratings where the seat may see them, what became of
//! rated statements since, counts, and readiness by the promotion rule.

use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;

use rungs_core::assess::{Rating, RatingsFrom, Readiness, Settings, Tenure};
use rungs_core::compare::{DiffPart, word_diff};
use rungs_store::model::{Assessment, AssessmentState, RatingLink, Side, StoredRating};

use crate::access::{AssessmentAccess, Seat, StepKind};
use crate::error::ServerError;
use crate::framework::{Ladder, LevelRef};
use crate::people::PersonRef;
use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

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
    /// Its words in the viewer's language, on pages, when the ladder
    /// translates it (left out of the API).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation: Option<crate::localise::Translated>,
}

impl AssessmentView {
    /// Gives every statement of the assessed level its words in `lang`,
    /// and the level and the areas their titles, where the ladder
    /// translates them.
    pub(crate) fn localise(&mut self, ladder: &crate::framework::Ladder, lang: &str) {
        let (track, level) = (&self.assessment.track, &self.assessment.level);
        if let Some(shown) = self.level.as_mut()
            && let Some(title) = crate::localise::level_title(ladder, lang, track, level)
        {
            shown.title = title;
        }
        crate::readiness_words::on_page(ladder, lang, self.readiness.as_mut(), &mut self.rule);
        for area in &mut self.areas {
            if let Some(title) = crate::localise::area_title(ladder, lang, &area.area) {
                area.title = title;
            }
            for row in &mut area.rows {
                row.translation =
                    crate::localise::statement(ladder, lang, track, level, &row.statement_id);
            }
        }
    }
}

impl Row {
    /// The statement as a sheet writes it: its name, if any, and its words.
    pub(crate) fn full_text(&self) -> String {
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

/// A stored rating's code as the promotion rule reads it: the rating of a
/// statement removed from the ladder (archived) no longer counts.
pub(crate) fn still_counts(rating: Option<i64>, link: RatingLink) -> Option<i64> {
    rating.filter(|_| link != RatingLink::Archived)
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

/// Months since `date` (`YYYY-MM-DD`), today.
pub(crate) fn months_since(date: &str) -> Option<f64> {
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
pub(crate) async fn view(app: &App, access: &AssessmentAccess<'_>) -> Result<AssessmentView> {
    let (a, seat) = (access.assessment().clone(), access.seat());
    let ratings = app.store.ratings(a.id).await?;
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
pub(crate) fn build_view(
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
            translation: None,
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
                let code =
                    |r: Option<&StoredRating>| r.and_then(|r| still_counts(r.rating, r.link));
                rungs_core::assess::counting(settings, code(pair[0]), code(pair[1]))
            },
            tenure,
        )),
        _ => None,
    };
    let state = a.state();
    // Who takes a step is the seat's (see `access`); when, the state's.
    let open_side = seat.side().is_some_and(|s| a.submitted(s).is_none()) && a.shared_at.is_none();
    let can = Can {
        edit: seat.takes(StepKind::Rate) && open_side,
        submit: seat.takes(StepKind::Submit) && open_side,
        share: seat.takes(StepKind::Share) && state == AssessmentState::Submitted,
        acknowledge: seat.takes(StepKind::Acknowledge) && state == AssessmentState::Shared,
        revise: seat.takes(StepKind::Revise)
            && state == AssessmentState::Acknowledged
            && revised_by.is_none(),
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
