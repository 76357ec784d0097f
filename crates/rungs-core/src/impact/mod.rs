//! What a ladder edit does to people, before it is served: given two
//! versions and the data held against the old one (latest shared
//! assessments, placements, open assessments, goals, as plain data), how
//! many people become ready or stop being ready per level and area, what
//! becomes of the ratings, and what points at changed statements.
//!
//! Pure: no database, no people's names. The caller gathers [`Held`]
//! (the server streams it from its store) and gets back an [`Impact`],
//! whose figures respect `smallest_group`: a level with fewer assessed
//! people than that shows none, and no total adds up hidden groups.
//! Per-person changes ([`Computed::people`]) are handed back separately,
//! for a caller whose viewer may see names.
//!
//! Ratings follow statements as the server's relink moves them
//! ([`crate::relink`]): reworded and moved statements keep their ratings,
//! a split or merge hands them to the successor, a removed statement's
//! ratings stop counting. Readiness before uses the old version's rule and
//! levels, after the new version's ([`crate::assess::readiness`]).

mod health;
mod limits;
mod render;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::assess::{AreaStatus, Tenure};
use crate::model::{Framework, Level};
use crate::relink::{Fate, IdMap};

pub use health::{Health, StatementHealth, health, health_csv};
pub use limits::{Limits, Verdict, check, parse as parse_limits};
pub use render::{to_markdown, to_text};

/// A statement as the store names it: track, level and id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StatementKey {
    /// Track id.
    pub track: String,
    /// Level id.
    pub level: String,
    /// Statement id within the level.
    pub id: String,
}

/// One held rating of a statement of the assessed level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeldRating {
    /// Index into [`Held::statements`].
    pub statement: u32,
    /// The manager's rating (else the person's own).
    pub manager: bool,
    /// The stored code: `None` unrated, 0 not applicable, 1 the lowest step;
    /// `None` too for a rating that no longer counts (archived).
    pub code: Option<i64>,
}

/// A person's latest shared assessment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assessed {
    /// The caller's id for the person: handed back in [`PersonChange`],
    /// never shown in the aggregates.
    pub person: i64,
    /// The caller's id for the manager who rated (statement health compares
    /// managers), never shown.
    pub manager: Option<i64>,
    /// Track of the level assessed against.
    pub track: String,
    /// The level assessed against.
    pub level: String,
    /// The current placement (track, level) and months spent there, for the
    /// rule's time in level.
    pub placed: Option<(String, String, f64)>,
    /// The ratings of that level's statements, both sides.
    pub ratings: Vec<HeldRating>,
}

/// What the store holds against the old version, as plain data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Held {
    /// Statements named by ratings and goals (interned: ratings refer to
    /// them by index, so a million ratings do not carry a million strings).
    pub statements: Vec<StatementKey>,
    /// Latest shared assessment of each active person.
    pub assessed: Vec<Assessed>,
    /// Current placements of active people: (track, level).
    pub placements: Vec<(String, String)>,
    /// Assessments not shared yet: the (track, level) each is against.
    pub open_assessments: Vec<(String, String)>,
    /// Open growth goals: index into [`Held::statements`].
    pub goals: Vec<u32>,
    /// Every stored rating (any assessment, both sides) per statement:
    /// (index into [`Held::statements`], count).
    pub rating_counts: Vec<(u32, u64)>,
}

impl Held {
    /// The index of a statement, added when new.
    pub fn intern(&mut self, index: &mut HashMap<StatementKey, u32>, key: StatementKey) -> u32 {
        if let Some(&i) = index.get(&key) {
            return i;
        }
        let i = self.statements.len() as u32;
        self.statements.push(key.clone());
        index.insert(key, i);
        i
    }
}

/// How the statements of the old version fared.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementCounts {
    /// Same place and words.
    pub unchanged: u64,
    /// Same place, new words.
    pub reworded: u64,
    /// Another level or area, or a new id.
    pub moved: u64,
    /// Became several statements.
    pub split: u64,
    /// Became one with others.
    pub merged: u64,
    /// Nothing carries them on.
    pub removed: u64,
    /// New statements that continue none.
    pub added: u64,
}

/// How the stored ratings fare (a rating of an unchanged statement is in
/// none of these).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingCounts {
    /// Of statements reworded in place: they keep counting.
    pub reworded: u64,
    /// Of statements moved: they follow the statement.
    pub moved: u64,
    /// Of split statements: they go to the largest part, for review.
    pub split: u64,
    /// Of merged statements: they go to the merged one, for review.
    pub merged: u64,
    /// Of removed statements: they stop counting.
    pub archived: u64,
}

/// Readiness changes in one area of a level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaChange {
    /// Area id.
    pub area: String,
    /// Area title (the new version's, or the old one's when it is gone).
    pub title: String,
    /// People whose area stops meeting the rule.
    pub stops_meeting: usize,
    /// People whose area starts meeting it.
    pub starts_meeting: usize,
}

/// Figures of a level, shown only for a large enough group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelFigures {
    /// People assessed against the level (latest shared assessment).
    pub assessed: usize,
    /// Of those, ready by the old version.
    pub ready_before: usize,
    /// Ready by the new version.
    pub ready_after: usize,
    /// Not ready before, ready after.
    pub become_ready: usize,
    /// Ready before, not after.
    pub stop_being_ready: usize,
    /// Areas where someone's verdict changes.
    pub areas: Vec<AreaChange>,
}

/// One changed level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelImpact {
    /// Track id.
    pub track: String,
    /// Level id.
    pub level: String,
    /// "Senior (Engineering)".
    pub title: String,
    /// Whether the new version still has the level.
    pub removed: bool,
    /// Statements of the level that changed (old side) or were added.
    pub statements_changed: usize,
    /// The figures, or `None` when fewer than `smallest_group` people were
    /// assessed against it (a small group's figures can point at people).
    pub figures: Option<LevelFigures>,
}

/// Placements on a level the new version removes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedPlacements {
    /// Track id.
    pub track: String,
    /// Level id.
    pub level: String,
    /// People placed there, or `None` when fewer than `smallest_group`
    /// (then only that there are some is shown).
    pub people: Option<usize>,
}

/// What an edit does, in aggregate: no names, no group smaller than
/// `smallest_group`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    /// The threshold below which a group shows no figures.
    pub smallest_group: usize,
    /// Whether the promotion rule or scale changed.
    pub rule_changed: bool,
    /// How the statements fared.
    pub statements: StatementCounts,
    /// How the stored ratings fare.
    pub ratings: RatingCounts,
    /// Changed levels, track by track in rank order.
    pub levels: Vec<LevelImpact>,
    /// Sum over the levels shown (hidden groups are not added in).
    pub become_ready: usize,
    /// Sum over the levels shown.
    pub stop_being_ready: usize,
    /// Levels whose figures are hidden.
    pub hidden_levels: usize,
    /// Placements on removed levels.
    pub removed_placements: Vec<RemovedPlacements>,
    /// Open (not yet shared) assessments against changed levels.
    pub open_assessments: usize,
    /// Open growth goals on changed statements.
    pub goals: usize,
}

/// One person whose readiness changes (for viewers who may see names).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonChange {
    /// The caller's id for the person ([`Assessed::person`]).
    pub person: i64,
    /// Track assessed against.
    pub track: String,
    /// Level assessed against.
    pub level: String,
    /// Ready by the old version.
    pub before: bool,
    /// Ready by the new version.
    pub after: bool,
}

/// The aggregate and the per-person changes behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Computed {
    /// Safe to show anyone allowed aggregates.
    pub impact: Impact,
    /// Every person whose readiness changes: names only for viewers whose
    /// role allows them.
    pub people: Vec<PersonChange>,
    /// The exact count of people who stop being ready, hidden groups
    /// included: for limits, never printed as a figure.
    pub stop_being_ready_all: usize,
    /// The exact count of people on removed levels, likewise.
    pub removed_placements_all: usize,
}

/// Where a held statement goes in the new version, and what kind of change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Same,
    Reworded,
    Moved,
    Split,
    Merged,
    Removed,
}

fn kind_of(old: &crate::relink::StatementRef, fate: &Fate) -> Kind {
    match fate {
        Fate::Unchanged { new } if new == old => Kind::Same,
        Fate::Unchanged { .. } => Kind::Moved,
        Fate::Reworded { new, .. } if new == old => Kind::Reworded,
        Fate::Reworded { .. } | Fate::Moved { .. } => Kind::Moved,
        Fate::Split { .. } => Kind::Split,
        Fate::Merged { .. } => Kind::Merged,
        Fate::Removed => Kind::Removed,
    }
}

/// The old version's statements that an edit changes (reworded, moved,
/// split, merged or removed): the only ones whose stored ratings
/// [`compute`] counts (in [`Held::rating_counts`]), so a caller may count
/// just these.
pub fn changed_statements(map: &IdMap) -> Vec<StatementKey> {
    map.links
        .iter()
        .filter(|l| kind_of(&l.old, &l.fate) != Kind::Same)
        .map(|l| StatementKey {
            track: l.old.track.clone(),
            level: l.old.level.clone(),
            id: l.old.id.clone(),
        })
        .collect()
}

/// Computes the impact of going from `old` to `new` on what is `held`.
/// `map` is `crate::relink::relink(old, new)` (passed in, as the caller
/// often has it already).
pub fn compute(old: &Framework, new: &Framework, map: &IdMap, held: &Held) -> Computed {
    let smallest = old
        .assessments
        .smallest_group
        .max(new.assessments.smallest_group)
        .max(1);
    let rule_changed = old.assessments != new.assessments;

    // Every old statement's kind and successor.
    let mut fates: HashMap<(&str, &str, &str), (Kind, Option<&crate::relink::StatementRef>)> =
        HashMap::with_capacity(map.links.len());
    let mut statements = StatementCounts {
        added: map.added.len() as u64,
        ..StatementCounts::default()
    };
    // Changed statements per (track, level), old side and new side.
    let mut changed_at: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for l in &map.links {
        let kind = kind_of(&l.old, &l.fate);
        match kind {
            Kind::Same => statements.unchanged += 1,
            Kind::Reworded => statements.reworded += 1,
            Kind::Moved => statements.moved += 1,
            Kind::Split => statements.split += 1,
            Kind::Merged => statements.merged += 1,
            Kind::Removed => statements.removed += 1,
        }
        if kind != Kind::Same {
            *changed_at
                .entry((l.old.track.as_str(), l.old.level.as_str()))
                .or_default() += 1;
            // The level that receives a moved, split or merged statement
            // changes too.
            let receivers: Vec<&crate::relink::StatementRef> = match &l.fate {
                Fate::Split { new } => new.iter().collect(),
                f => f.successor().into_iter().collect(),
            };
            for n in receivers {
                if (n.track.as_str(), n.level.as_str())
                    != (l.old.track.as_str(), l.old.level.as_str())
                {
                    changed_at
                        .entry((n.track.as_str(), n.level.as_str()))
                        .or_default();
                }
            }
        }
        fates.insert(
            (
                l.old.track.as_str(),
                l.old.level.as_str(),
                l.old.id.as_str(),
            ),
            (kind, l.fate.successor()),
        );
    }
    for a in &map.added {
        *changed_at
            .entry((a.track.as_str(), a.level.as_str()))
            .or_default() += 1;
    }
    let old_levels = levels_of(old);
    let new_levels = levels_of(new);
    // A level that is gone changes, even without statements.
    for key in old_levels.keys() {
        if !new_levels.contains_key(key) {
            changed_at.entry(*key).or_default();
        }
    }
    let changed_level = |t: &str, l: &str| rule_changed || changed_at.contains_key(&(t, l));

    // What each held statement becomes.
    let (all, successor) = {
        let mut index: HashMap<(&str, &str, &str), u32> = HashMap::new();
        for (i, s) in held.statements.iter().enumerate() {
            index.insert((&s.track, &s.level, &s.id), i as u32);
        }
        let mut extra: Vec<StatementKey> = Vec::new();
        let mut out = Vec::with_capacity(held.statements.len());
        for s in &held.statements {
            match fates.get(&(s.track.as_str(), s.level.as_str(), s.id.as_str())) {
                // A statement the old version does not have (data from
                // another revision) is left where it is.
                None => out.push((Kind::Same, None)),
                Some((Kind::Same, _)) => out.push((Kind::Same, None)),
                Some((kind, None)) => out.push((*kind, None)),
                Some((kind, Some(n))) => {
                    let key = (n.track.as_str(), n.level.as_str(), n.id.as_str());
                    let i = match index.get(&key) {
                        Some(&i) => i,
                        None => {
                            extra.push(StatementKey {
                                track: n.track.clone(),
                                level: n.level.clone(),
                                id: n.id.clone(),
                            });
                            (held.statements.len() + extra.len() - 1) as u32
                        }
                    };
                    index.entry(key).or_insert(i);
                    out.push((*kind, Some(i)));
                }
            }
        }
        // Successors that no held rating names yet get their keys here.
        let mut all = held.statements.clone();
        all.extend(extra);
        (all, out)
    };
    finish(
        old,
        new,
        held,
        &all,
        &successor,
        statements,
        rule_changed,
        smallest,
        &changed_at,
        &old_levels,
        &new_levels,
        &changed_level,
    )
}

type LevelIndex<'a> = HashMap<(&'a str, &'a str), (&'a Level, String)>;

fn levels_of(f: &Framework) -> LevelIndex<'_> {
    let mut out = HashMap::new();
    for t in &f.tracks {
        for l in &t.levels {
            out.insert(
                (t.id.as_str(), l.id.as_str()),
                (l, format!("{} ({})", l.title, t.title)),
            );
        }
    }
    out
}

/// The level a person is placed on, in one version.
fn placed_level<'a>(a: &Assessed, levels: &LevelIndex<'a>) -> Option<&'a Level> {
    a.placed
        .as_ref()
        .and_then(|(t, l, _)| levels.get(&(t.as_str(), l.as_str())))
        .map(|(l, _)| *l)
}

fn tenure(settings_level: Option<&Level>, months: Option<f64>) -> Option<Tenure> {
    months.map(|months| Tenure {
        months,
        indicator_years: settings_level
            .and_then(|l| l.indicators.tenure)
            .map(|t| t.min),
    })
}

#[allow(clippy::too_many_arguments)]
fn finish(
    old: &Framework,
    new: &Framework,
    held: &Held,
    keys: &[StatementKey],
    successor: &[(Kind, Option<u32>)],
    statements: StatementCounts,
    rule_changed: bool,
    smallest: usize,
    changed_at: &BTreeMap<(&str, &str), usize>,
    old_levels: &LevelIndex<'_>,
    new_levels: &LevelIndex<'_>,
    changed_level: &dyn Fn(&str, &str) -> bool,
) -> Computed {
    // Ratings by fate.
    let mut ratings = RatingCounts::default();
    for &(i, n) in &held.rating_counts {
        match successor.get(i as usize).map(|s| s.0) {
            Some(Kind::Reworded) => ratings.reworded += n,
            Some(Kind::Moved) => ratings.moved += n,
            Some(Kind::Split) => ratings.split += n,
            Some(Kind::Merged) => ratings.merged += n,
            Some(Kind::Removed) => ratings.archived += n,
            Some(Kind::Same) | None => {}
        }
    }

    struct Tally {
        assessed: usize,
        before: usize,
        after: usize,
        gained: usize,
        stop: usize,
        areas: BTreeMap<String, (String, usize, usize)>,
    }
    let mut tallies: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut people = Vec::new();
    let mut stop_all = 0;
    let old_settings = &old.assessments;
    let new_settings = &new.assessments;
    // Reused per person: the codes of the level's statements, by id.
    let mut before_codes: HashMap<&str, [Option<i64>; 2]> = HashMap::new();
    let mut after_codes: HashMap<&str, [Option<i64>; 2]> = HashMap::new();
    for a in &held.assessed {
        if !changed_level(&a.track, &a.level) {
            continue;
        }
        let key = (a.track.as_str(), a.level.as_str());
        let Some((old_level, _)) = old_levels.get(&key) else {
            continue;
        };
        before_codes.clear();
        after_codes.clear();
        for r in &a.ratings {
            let Some(k) = keys.get(r.statement as usize) else {
                continue;
            };
            let side = usize::from(r.manager);
            if k.track == a.track && k.level == a.level {
                before_codes.entry(k.id.as_str()).or_default()[side] = r.code;
            }
            let (kind, to) = successor
                .get(r.statement as usize)
                .copied()
                .unwrap_or((Kind::Same, None));
            let target = match (kind, to) {
                (Kind::Same, _) => Some(k),
                (Kind::Removed, _) => None,
                (_, Some(i)) => keys.get(i as usize),
                (_, None) => None,
            };
            if let Some(t) = target
                && t.track == a.track
                && t.level == a.level
            {
                let slot = &mut after_codes.entry(t.id.as_str()).or_default()[side];
                // Two old statements merged into one: the higher rating
                // stands, as either person would read it.
                *slot = match (*slot, r.code) {
                    (Some(x), Some(y)) => Some(x.max(y)),
                    (x, y) => x.or(y),
                };
            }
        }
        let months = a.placed.as_ref().map(|p| p.2);
        let placed = |levels| placed_level(a, levels);
        let before = crate::assess::readiness(
            old_settings,
            old,
            old_level,
            |id| {
                let pair = before_codes.get(id).copied().unwrap_or_default();
                crate::assess::counting(old_settings, pair[0], pair[1])
            },
            tenure(placed(old_levels), months),
        );
        let after = new_levels.get(&key).map(|(new_level, _)| {
            crate::assess::readiness(
                new_settings,
                new,
                new_level,
                |id| {
                    let pair = after_codes.get(id).copied().unwrap_or_default();
                    crate::assess::counting(new_settings, pair[0], pair[1])
                },
                tenure(placed(new_levels), months),
            )
        });
        let after_ready = after.as_ref().is_some_and(|r| r.ready);
        let tally = tallies
            .entry((a.track.clone(), a.level.clone()))
            .or_insert_with(|| Tally {
                assessed: 0,
                before: 0,
                after: 0,
                gained: 0,
                stop: 0,
                areas: BTreeMap::new(),
            });
        tally.assessed += 1;
        tally.before += usize::from(before.ready);
        tally.after += usize::from(after_ready);
        if before.ready != after_ready {
            if after_ready {
                tally.gained += 1;
            } else {
                tally.stop += 1;
                stop_all += 1;
            }
            people.push(PersonChange {
                person: a.person,
                track: a.track.clone(),
                level: a.level.clone(),
                before: before.ready,
                after: after_ready,
            });
        }
        // Area verdicts, old against new.
        let ok = |s: AreaStatus| s != AreaStatus::NotYet;
        let mut seen: HashSet<&str> = HashSet::new();
        for b in &before.areas {
            seen.insert(b.area.as_str());
            let now = after
                .as_ref()
                .and_then(|r| r.areas.iter().find(|x| x.area == b.area));
            let was_ok = ok(b.status);
            let is_ok = now.is_some_and(|x| ok(x.status));
            if was_ok != is_ok {
                let title = now.map_or(b.title.clone(), |x| x.title.clone());
                let e = tally.areas.entry(b.area.clone()).or_insert((title, 0, 0));
                if was_ok {
                    e.1 += 1;
                } else {
                    e.2 += 1;
                }
            }
        }
        for x in after.iter().flat_map(|r| r.areas.iter()) {
            if !seen.contains(x.area.as_str()) && !ok(x.status) {
                let e = tally
                    .areas
                    .entry(x.area.clone())
                    .or_insert((x.title.clone(), 0, 0));
                e.1 += 1;
            }
        }
    }

    // Levels in the old version's order, then levels only the new one has.
    let mut order: Vec<(String, String)> = Vec::new();
    for f in [old, new] {
        for t in &f.tracks {
            let mut levels: Vec<&Level> = t.levels.iter().collect();
            levels.sort_by_key(|l| l.rank);
            for l in levels {
                let k = (t.id.clone(), l.id.clone());
                if !order.contains(&k) {
                    order.push(k);
                }
            }
        }
    }
    let mut levels = Vec::new();
    let (mut gained, mut stop, mut hidden) = (0, 0, 0);
    for (t, l) in order {
        let key = (t.as_str(), l.as_str());
        if !changed_level(&t, &l) {
            continue;
        }
        let title = new_levels
            .get(&key)
            .or_else(|| old_levels.get(&key))
            .map_or_else(|| format!("{t}/{l}"), |(_, title)| title.clone());
        let tally = tallies.remove(&(t.clone(), l.clone()));
        let figures = match tally {
            Some(x) if x.assessed >= smallest => {
                gained += x.gained;
                stop += x.stop;
                Some(LevelFigures {
                    assessed: x.assessed,
                    ready_before: x.before,
                    ready_after: x.after,
                    become_ready: x.gained,
                    stop_being_ready: x.stop,
                    areas: x
                        .areas
                        .into_iter()
                        .map(|(area, (title, stops, starts))| AreaChange {
                            area,
                            title,
                            stops_meeting: stops,
                            starts_meeting: starts,
                        })
                        .collect(),
                })
            }
            Some(_) => {
                hidden += 1;
                None
            }
            None => None,
        };
        levels.push(LevelImpact {
            removed: !new_levels.contains_key(&key),
            statements_changed: changed_at.get(&key).copied().unwrap_or(0),
            track: t,
            level: l,
            title,
            figures,
        });
    }

    // Placements on removed levels.
    let mut on_removed: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (t, l) in &held.placements {
        let key = (t.as_str(), l.as_str());
        if old_levels.contains_key(&key) && !new_levels.contains_key(&key) {
            *on_removed.entry(key).or_default() += 1;
        }
    }
    let removed_all = on_removed.values().sum();
    let removed_placements = on_removed
        .into_iter()
        .map(|((t, l), n)| RemovedPlacements {
            track: t.to_string(),
            level: l.to_string(),
            people: (n >= smallest).then_some(n),
        })
        .collect();
    let open_assessments = held
        .open_assessments
        .iter()
        .filter(|(t, l)| changed_level(t, l))
        .count();
    let goals = held
        .goals
        .iter()
        .filter(|&&g| {
            successor
                .get(g as usize)
                .is_some_and(|(k, _)| *k != Kind::Same)
        })
        .count();
    Computed {
        impact: Impact {
            smallest_group: smallest,
            rule_changed,
            statements,
            ratings,
            levels,
            become_ready: gained,
            stop_being_ready: stop,
            hidden_levels: hidden,
            removed_placements,
            open_assessments,
            goals,
        },
        people,
        stop_being_ready_all: stop_all,
        removed_placements_all: removed_all,
    }
}

#[cfg(test)]
mod tests;
