//! Team views: a manager's heatmap (people × areas, from each person's
//! latest shared assessment, readiness marked), and HR's aggregates per
//! track and level, which show no figures for a group smaller than
//! `smallest_group`.

pub(crate) mod api;
mod pages;

use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;

use rungs_core::assess::{AreaStatus, Readiness, Tenure};
use rungs_store::model::{Person, RatingCode, Side};
use rungs_store::{Page, Scope};

use crate::access::{Hr, TeamAccess, Whose};
use crate::assessments::view::{still_counts, tenure_of};
use crate::error::ServerError;
use crate::framework::{Ladder, LevelRef};
use crate::people::PersonRef;
use axum::routing::{MethodRouter, get};

use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// The team views' routes: pages and API.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        ("/app/team", get(pages::team_page)),
        ("/app/team.csv", get(pages::team_csv)),
        ("/app/insights", get(pages::insights)),
        ("/api/v1/team", get(api::team)),
        ("/api/v1/insights", get(api::insights)),
    ]
}

/// A column of the heatmap.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AreaHead {
    /// Area id.
    pub id: String,
    /// Area title.
    pub title: String,
}

/// One person's result in one area.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HeatCell {
    /// Statements met.
    pub met: usize,
    /// Statements that count.
    pub counted: usize,
    /// How many the rule asks for.
    pub needed: usize,
    /// Share met, 0–100.
    pub percent: u32,
    /// Met, waived or not yet.
    #[schema(value_type = String)]
    pub status: AreaStatus,
}

/// One person's row.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HeatRow {
    /// Who.
    pub person: PersonRef,
    /// Their current level.
    pub level: Option<LevelRef>,
    /// The level of their latest shared assessment.
    pub assessed: Option<LevelRef>,
    /// That assessment.
    pub assessment_id: Option<i64>,
    /// One cell per column (`None`: the assessed level has no statement in
    /// that area, or nothing is shared yet).
    pub cells: Vec<Option<HeatCell>>,
    /// Ready by the promotion rule (against the assessed level).
    pub ready: Option<bool>,
    /// The verdict in words.
    pub summary: String,
}

/// A manager's team as a heatmap.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Heatmap {
    /// Columns.
    pub areas: Vec<AreaHead>,
    /// Rows, by name.
    pub rows: Vec<HeatRow>,
    /// Levels to filter by.
    pub levels: Vec<LevelRef>,
    /// People in the team before filtering.
    pub team_size: usize,
    /// The teams among them, to filter by.
    pub teams: Vec<String>,
    /// The promotion rule in words.
    pub rule: String,
}

/// Readiness of each person from their latest shared assessment, by
/// person id.
pub(crate) async fn readiness_of(
    app: &App,
    ladder: &Ladder,
    people: &[i64],
) -> Result<HashMap<i64, (rungs_store::model::Assessment, Readiness)>> {
    let latest = app.store.latest_shared(people).await?;
    let ids: Vec<i64> = latest.iter().map(|a| a.id).collect();
    let mut ratings: HashMap<i64, Vec<RatingCode>> = HashMap::new();
    // With the manager's ratings deciding, the person's are not read.
    let side = match ladder.framework.assessments.promotion.ratings_from {
        rungs_core::assess::RatingsFrom::Manager => Some(Side::Manager),
        rungs_core::assess::RatingsFrom::Both => None,
    };
    for (id, r) in app.store.rating_codes(&ids, side).await? {
        ratings.entry(id).or_default().push(r);
    }
    let settings = &ladder.framework.assessments;
    let tenures: HashMap<i64, Tenure> = app
        .store
        .current_placements(people)
        .await?
        .iter()
        .filter_map(|p| Some((p.person_id, tenure_of(ladder, p)?)))
        .collect();
    let mut out = HashMap::new();
    for a in latest {
        let Some(level) = ladder.model_level(&a.track, &a.level) else {
            continue;
        };
        let rs = ratings.remove(&a.id).unwrap_or_default();
        let mut by_id: HashMap<&str, [Option<&RatingCode>; 2]> = HashMap::new();
        for r in rs
            .iter()
            .filter(|r| r.track == a.track && r.level == a.level)
        {
            by_id.entry(r.statement_id.as_str()).or_default()
                [usize::from(r.side == Side::Manager)] = Some(r);
        }
        let readiness = rungs_core::assess::readiness(
            settings,
            &ladder.framework,
            level,
            |sid| {
                let pair = by_id.get(sid).copied().unwrap_or_default();
                let code = |r: Option<&RatingCode>| r.and_then(|r| still_counts(r.rating, r.link));
                rungs_core::assess::counting(settings, code(pair[0]), code(pair[1]))
            },
            tenures.get(&a.person_id).copied(),
        );
        out.insert(a.person_id, (a, readiness));
    }
    Ok(out)
}

/// Filters for the heatmap.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filter {
    /// `track/level` of the current level.
    pub level: String,
    /// Track id.
    pub track: String,
    /// Team name.
    pub team: String,
}

/// Everyone someone reports to, by name: the managers HR's filters offer.
pub(crate) async fn managers(app: &App, _hr: &Hr<'_>) -> Result<Vec<PersonRef>> {
    Ok(app
        .store
        .managers()
        .await?
        .into_iter()
        .map(|(id, name, email)| PersonRef { id, name, email })
        .collect())
}

/// The active people a team view covers: everyone, or those below a
/// manager in the reporting lines.
async fn team(app: &App, whose: Whose) -> Result<Vec<Person>> {
    let (scope, manager) = match whose {
        Whose::Everyone => (Scope::Everyone, None),
        Whose::Below(m) => (app.store.scope_of(m).await?, Some(m)),
    };
    let mut people = app.store.people_page(&scope, "", Page::ALL).await?.0;
    people.retain(|p| Some(p.id) != manager && p.active);
    Ok(people)
}

/// A manager's team (the viewer's own, or for HR any manager's) as a
/// heatmap.
pub(crate) async fn heatmap(app: &App, access: &TeamAccess, filter: &Filter) -> Result<Heatmap> {
    let people = team(app, access.whose()).await?;
    let mut teams: Vec<String> = people.iter().filter_map(|p| p.team.clone()).collect();
    teams.sort();
    teams.dedup();
    let team_size = people.len();
    let ladder = app.ladder();
    let people: Vec<Person> = people
        .into_iter()
        .filter(|p| {
            let current = match (&p.track, &p.level) {
                (Some(t), Some(l)) => format!("{t}/{l}"),
                _ => String::new(),
            };
            (filter.level.is_empty() || filter.level == current)
                && (filter.track.is_empty() || p.track.as_deref() == Some(filter.track.as_str()))
                && (filter.team.is_empty() || p.team.as_deref() == Some(filter.team.as_str()))
        })
        .collect();
    let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
    let results = readiness_of(app, &ladder, &ids).await?;
    // Columns: the areas any row has, in the ladder's area order.
    let order: Vec<(String, String)> = ladder
        .framework
        .areas
        .iter()
        .flat_map(|a| a.walk())
        .map(|a| (a.id.clone(), a.title.clone()))
        .collect();
    let used: std::collections::HashSet<&str> = results
        .values()
        .flat_map(|(_, r)| r.areas.iter().map(|a| a.area.as_str()))
        .collect();
    let areas: Vec<AreaHead> = order
        .iter()
        .filter(|(id, _)| used.contains(id.as_str()))
        .map(|(id, title)| AreaHead {
            id: id.clone(),
            title: title.clone(),
        })
        .collect();
    let mut rows = Vec::with_capacity(people.len());
    for p in &people {
        let level = match (&p.track, &p.level) {
            (Some(t), Some(l)) => ladder.level(t, l),
            _ => None,
        };
        let result = results.get(&p.id);
        let cells = areas
            .iter()
            .map(|head| {
                let (_, r) = result?;
                let a = r.areas.iter().find(|a| a.area == head.id)?;
                Some(HeatCell {
                    met: a.met,
                    counted: a.counted,
                    needed: a.needed,
                    percent: (a.met * 100).checked_div(a.counted).unwrap_or(100) as u32,
                    status: a.status,
                })
            })
            .collect();
        rows.push(HeatRow {
            person: PersonRef {
                id: p.id,
                name: p.name.clone(),
                email: p.email.clone(),
            },
            level,
            assessed: result.and_then(|(a, _)| ladder.level(&a.track, &a.level)),
            assessment_id: result.map(|(a, _)| a.id),
            cells,
            ready: result.map(|(_, r)| r.ready),
            summary: result.map_or_else(
                || "No shared assessment yet.".to_string(),
                |(_, r)| r.summary.clone(),
            ),
        });
    }
    Ok(Heatmap {
        areas,
        rows,
        levels: ladder.all_levels(),
        team_size,
        teams,
        rule: ladder.framework.assessments.rule_words(),
    })
}

/// The heatmap as CSV: a row per person, a column per area (`met/counted`).
pub(crate) fn heatmap_csv(map: &Heatmap) -> Result<String> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let csv_err = |e: csv::Error| ServerError::Internal(e.to_string());
    let mut head = vec![
        "name".to_string(),
        "email".into(),
        "level".into(),
        "assessed_against".into(),
        "ready".into(),
    ];
    head.extend(map.areas.iter().map(|a| a.title.clone()));
    // Cells that a spreadsheet would run as formulas are quoted.
    let safe = |cells: &[String]| -> Vec<String> {
        cells
            .iter()
            .map(|c| rungs_core::export::csv::neutralise(c).into_owned())
            .collect()
    };
    out.write_record(safe(&head)).map_err(csv_err)?;
    for r in &map.rows {
        let mut line = vec![
            r.person.name.clone(),
            r.person.email.clone(),
            r.level.as_ref().map_or(String::new(), |l| l.title.clone()),
            r.assessed
                .as_ref()
                .map_or(String::new(), |l| l.title.clone()),
            match r.ready {
                Some(true) => "yes".into(),
                Some(false) => "not yet".into(),
                None => String::new(),
            },
        ];
        line.extend(r.cells.iter().map(|c| {
            c.as_ref()
                .map_or(String::new(), |c| format!("{}/{}", c.met, c.counted))
        }));
        out.write_record(safe(&line)).map_err(csv_err)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ServerError::Internal(e.to_string()))
}

/// One track and level, aggregated.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Group {
    /// The level.
    pub level: LevelRef,
    /// Active people placed there (`None` when fewer than
    /// `smallest_group`: a small group's size alone can point at people).
    pub people: Option<usize>,
    /// Figures, or `None` when the group is smaller than `smallest_group`.
    pub figures: Option<Figures>,
}

/// A group's figures.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Figures {
    /// People with a shared assessment.
    pub assessed: usize,
    /// Of those, ready by the rule against the level they were assessed on.
    pub ready: usize,
    /// Per area (the aggregate's columns): average share of statements met,
    /// 0–100, over the people assessed.
    pub areas: Vec<Option<u32>>,
}

/// HR's view: per track and level, no names, small groups hidden.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Aggregates {
    /// Columns.
    pub areas: Vec<AreaHead>,
    /// Groups, track by track in rank order.
    pub groups: Vec<Group>,
    /// The threshold below which a group shows no figures.
    pub smallest_group: usize,
    /// Levels with people whose figures are hidden (fewer than
    /// `smallest_group`).
    pub hidden: usize,
}

/// Aggregates per track and level (HR).
pub(crate) async fn aggregates(app: &App, _hr: &Hr<'_>) -> Result<Aggregates> {
    let ladder = app.ladder();
    let people: Vec<Person> = app
        .store
        .people_page(&Scope::Everyone, "", Page::ALL)
        .await?
        .0
        .into_iter()
        .filter(|p| p.active)
        .collect();
    let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
    let results = readiness_of(app, &ladder, &ids).await?;
    let areas: Vec<AreaHead> = ladder
        .framework
        .areas
        .iter()
        .flat_map(|a| a.walk())
        .map(|a| AreaHead {
            id: a.id.clone(),
            title: a.title.clone(),
        })
        .collect();
    let smallest = ladder.framework.assessments.smallest_group;
    let mut groups = Vec::new();
    for level in ladder.all_levels() {
        let members: Vec<&Person> = people
            .iter()
            .filter(|p| {
                p.track.as_deref() == Some(level.track.as_str())
                    && p.level.as_deref() == Some(level.level.as_str())
            })
            .collect();
        if members.is_empty() {
            continue;
        }
        let assessed: Vec<&Readiness> = members
            .iter()
            .filter_map(|p| results.get(&p.id).map(|(_, r)| r))
            .collect();
        // Both the group and the people whose ratings make its figures must
        // be large enough, or one person's ratings could be read off.
        let figures = (members.len() >= smallest && assessed.len() >= smallest).then(|| {
            let per_area = areas
                .iter()
                .map(|head| {
                    let shares: Vec<f64> = assessed
                        .iter()
                        .filter_map(|r| r.areas.iter().find(|a| a.area == head.id))
                        .filter(|a| a.counted > 0)
                        .map(|a| a.met as f64 / a.counted as f64)
                        .collect();
                    (!shares.is_empty()).then(|| {
                        (shares.iter().sum::<f64>() / shares.len() as f64 * 100.0).round() as u32
                    })
                })
                .collect();
            Figures {
                assessed: assessed.len(),
                ready: assessed.iter().filter(|r| r.ready).count(),
                areas: per_area,
            }
        });
        groups.push(Group {
            level,
            people: figures.as_ref().map(|_| members.len()),
            figures,
        });
    }
    // Drop columns no group has a figure for.
    let keep: Vec<bool> = (0..areas.len())
        .map(|i| {
            groups
                .iter()
                .any(|g| g.figures.as_ref().is_some_and(|f| f.areas[i].is_some()))
        })
        .collect();
    let areas = areas
        .into_iter()
        .zip(&keep)
        .filter_map(|(a, k)| k.then_some(a))
        .collect();
    for g in &mut groups {
        if let Some(f) = &mut g.figures {
            f.areas = f
                .areas
                .iter()
                .zip(&keep)
                .filter_map(|(a, k)| k.then_some(*a))
                .collect();
        }
    }
    let hidden = groups.iter().filter(|g| g.figures.is_none()).count();
    Ok(Aggregates {
        areas,
        groups,
        smallest_group: smallest,
        hidden,
    })
}
