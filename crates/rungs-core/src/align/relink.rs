//! Statement identity across versions of a framework.
//!
//! Anything stored against a statement (a rating, a comment, a goal) names it
//! by track, level and statement id. When the ladder is edited, [`relink`]
//! says what became of every statement of the old version, so stored data
//! can follow it: the [`IdMap`].
//!
//! Statements are linked in rounds, each on what the previous ones left:
//!
//! 1. the same id in the same level (explicit ids, and derived ids that did
//!    not change: a typo fixed after the first words, a reorder);
//! 2. the same id elsewhere in the track (a statement moved to another level
//!    or area with its explicit id);
//! 3. the same words elsewhere in the track (a move that changed a derived id);
//! 4. similar words, by the one similarity engine: within the same level and
//!    area at [`Thresholds::relink`], anywhere in the track at
//!    [`Thresholds::other_area`] (a rewording that changed a derived id, and
//!    moves with new words);
//! 5. containment: what is left of a statement whose words now live in two
//!    statements of its level is a split; two statements whose words now
//!    live in one are a merge ([`Thresholds::containment`]).
//!
//! A derived id that matches in rounds 1 and 2 only links when the texts are
//! still similar ([`Thresholds::same_area`]): two unrelated statements that
//! start with the same four words are not one statement. Whatever no round
//! links is removed (old) or added (new): a removed statement never maps to
//! an unrelated one.
//!
//! [`Thresholds::relink`]: super::engine::Thresholds::relink
//! [`Thresholds::other_area`]: super::engine::Thresholds::other_area
//! [`Thresholds::same_area`]: super::engine::Thresholds::same_area
//! [`Thresholds::containment`]: super::engine::Thresholds::containment

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::compare::full_text;
use super::engine::{Batch, THRESHOLDS, Vector, cosine_matrix, token_ids};
use crate::model::{Framework, Level, Statement};

/// A statement, named the way stored data names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StatementRef {
    /// Track id.
    pub track: String,
    /// Level id.
    pub level: String,
    /// Area id.
    pub area: String,
    /// Statement id, unique within the level.
    pub id: String,
}

/// What became of one statement of the old version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "fate", rename_all = "kebab-case")]
pub enum Fate {
    /// Same level, area and words (its id may still have changed, e.g. when
    /// a derived id was de-duplicated differently).
    Unchanged {
        /// The statement in the new version.
        new: StatementRef,
    },
    /// Same level and area, new words.
    Reworded {
        /// The statement in the new version.
        new: StatementRef,
        /// Similarity of the old and new words, 0 to 1.
        similarity: f64,
    },
    /// Another level or area, maybe with new words.
    Moved {
        /// The statement in the new version.
        new: StatementRef,
        /// Similarity of the old and new words (1 when the words are the same).
        similarity: f64,
    },
    /// Its words now live in several statements: the first is the one that
    /// kept the most of them.
    Split {
        /// The statements it became, at least two.
        new: Vec<StatementRef>,
    },
    /// It and other statements of the old version became one statement.
    Merged {
        /// The statement they became.
        new: StatementRef,
        /// The other old statements merged into it.
        with: Vec<StatementRef>,
    },
    /// Nothing in the new version carries it on.
    Removed,
}

impl Fate {
    /// The statement that carries this one on: the new statement, the
    /// largest part of a split, the result of a merge; `None` when removed.
    pub fn successor(&self) -> Option<&StatementRef> {
        match self {
            Fate::Unchanged { new }
            | Fate::Reworded { new, .. }
            | Fate::Moved { new, .. }
            | Fate::Merged { new, .. } => Some(new),
            Fate::Split { new } => new.first(),
            Fate::Removed => None,
        }
    }

    /// True when a person should look again at what was stored against the
    /// statement: it was split, merged or removed.
    pub fn needs_review(&self) -> bool {
        matches!(
            self,
            Fate::Split { .. } | Fate::Merged { .. } | Fate::Removed
        )
    }
}

/// One statement of the old version and its fate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The statement in the old version.
    pub old: StatementRef,
    /// What became of it.
    #[serde(flatten)]
    pub fate: Fate,
}

/// For every statement of an old version, what it became in a new one; and
/// the statements of the new version that continue none.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IdMap {
    /// One link per statement of the old version, in the old version's order.
    pub links: Vec<Link>,
    /// Statements of the new version that no old statement became.
    pub added: Vec<StatementRef>,
}

impl IdMap {
    /// The fate of the old statement `id` of `level` in `track`.
    pub fn fate(&self, track: &str, level: &str, id: &str) -> Option<&Fate> {
        self.links
            .iter()
            .find(|l| l.old.track == track && l.old.level == level && l.old.id == id)
            .map(|l| &l.fate)
    }

    /// True when nothing changed: every statement unchanged and kept its id,
    /// and none added.
    pub fn is_identity(&self) -> bool {
        self.added.is_empty()
            && self
                .links
                .iter()
                .all(|l| matches!(&l.fate, Fate::Unchanged { new } if *new == l.old))
    }
}

/// A statement and where it is, borrowed.
pub(crate) struct Item<'a> {
    pub(crate) track: &'a str,
    pub(crate) level: &'a Level,
    pub(crate) statement: &'a Statement,
}

impl Item<'_> {
    pub(crate) fn reference(&self) -> StatementRef {
        StatementRef {
            track: self.track.to_string(),
            level: self.level.id.clone(),
            area: self.statement.area.clone(),
            id: self.statement.id.clone(),
        }
    }

    fn same_place(&self, other: &Item<'_>) -> bool {
        self.track == other.track
            && self.level.id == other.level.id
            && self.statement.area == other.statement.area
    }

    fn same_words(&self, other: &Item<'_>) -> bool {
        self.statement.text == other.statement.text && self.statement.name == other.statement.name
    }
}

/// Every statement of a framework (nested ones included), in order.
pub(crate) fn items(fw: &Framework) -> Vec<Item<'_>> {
    let mut out = Vec::with_capacity(fw.counts().statements);
    for t in &fw.tracks {
        for l in &t.levels {
            for s in &l.statements {
                s.visit(&mut |x: &Statement| {
                    out.push(Item {
                        track: &t.id,
                        level: l,
                        statement: x,
                    })
                });
            }
        }
    }
    out
}

/// Past this many candidate pairs in one track, round 4 only pairs
/// statements of the same level, so a rewrite of a huge track stays linear
/// in its levels rather than quadratic in its statements.
const MAX_TRACK_PAIRS: usize = 20_000_000;

/// The links found so far: which new statement each old one went to, and back.
struct Matching {
    old_to_new: Vec<Option<usize>>,
    new_to_old: Vec<Option<usize>>,
}

impl Matching {
    fn link(&mut self, i: usize, j: usize) {
        self.old_to_new[i] = Some(j);
        self.new_to_old[j] = Some(i);
    }
}

/// What became of every statement of `old` in `new`.
pub fn relink(old: &Framework, new: &Framework) -> IdMap {
    let (a, b) = (items(old), items(new));
    relink_items(&a, &b)
}

pub(crate) fn relink_items(a: &[Item<'_>], b: &[Item<'_>]) -> IdMap {
    // One batch over both versions: IDF weights over everything, so a
    // score means the same in every track.
    let texts: Vec<String> = a
        .iter()
        .chain(b)
        .map(|it| full_text(it.statement))
        .collect();
    let batch = Batch::new(&texts);
    let (va, vb) = batch.vectors.split_at(a.len());
    let similarity = |i: usize, j: usize| batch.cosine(i, a.len() + j);
    let mut m = Matching {
        old_to_new: vec![None; a.len()],
        new_to_old: vec![None; b.len()],
    };
    // An id match links when the author wrote the id, or when the words are
    // still alike (derived ids come from the first words only).
    let id_match = |i: usize, j: usize| {
        (a[i].statement.explicit_id && b[j].statement.explicit_id)
            || a[i].same_words(&b[j])
            || similarity(i, j) >= THRESHOLDS.same_area
    };

    // 1. Same id in the same level.
    let mut by_level: HashMap<(&str, &str, &str), usize> = HashMap::new();
    for (i, it) in a.iter().enumerate() {
        by_level.insert((it.track, &it.level.id, &it.statement.id), i);
    }
    for (j, it) in b.iter().enumerate() {
        if let Some(&i) = by_level.get(&(it.track, it.level.id.as_str(), it.statement.id.as_str()))
            && m.old_to_new[i].is_none()
            && id_match(i, j)
        {
            m.link(i, j);
        }
    }
    // 2. Same id elsewhere in the track; 3. same words elsewhere in the track.
    let mut by_id: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut by_text: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, it) in a
        .iter()
        .enumerate()
        .filter(|(i, _)| m.old_to_new[*i].is_none())
    {
        by_id
            .entry((it.track, &it.statement.id))
            .or_default()
            .push(i);
        by_text.entry((it.track, &texts[i])).or_default().push(i);
    }
    for j in 0..b.len() {
        let it = &b[j];
        if m.new_to_old[j].is_some() {
            continue;
        }
        let by_id = by_id
            .get(&(it.track, it.statement.id.as_str()))
            .into_iter()
            .flatten();
        if let Some(&i) = by_id
            .copied()
            .find(|&i| m.old_to_new[i].is_none() && id_match(i, j))
            .as_ref()
        {
            m.link(i, j);
            continue;
        }
        let text = texts[a.len() + j].as_str();
        let by_text = by_text.get(&(it.track, text)).into_iter().flatten();
        if let Some(&i) = by_text
            .copied()
            .find(|&i| m.old_to_new[i].is_none())
            .as_ref()
        {
            m.link(i, j);
        }
    }
    // 4. Similar words among the rest, per track, best pairs first.
    link_similar(a, b, va, vb, &mut m);
    // 5. Splits and merges among the rest.
    let (splits, merges) = containment(a, b, &texts, &mut m);

    let mut links = Vec::with_capacity(a.len());
    for (i, o) in a.iter().enumerate() {
        let fate = if let Some(parts) = splits.get(&i) {
            Fate::Split {
                new: parts.iter().map(|&j| b[j].reference()).collect(),
            }
        } else if let Some(j) = m.old_to_new[i] {
            let n = &b[j];
            match merges.get(&j) {
                Some(olds) => Fate::Merged {
                    new: n.reference(),
                    with: olds
                        .iter()
                        .filter(|&&x| x != i)
                        .map(|&x| a[x].reference())
                        .collect(),
                },
                None if o.same_place(n) && o.same_words(n) => {
                    Fate::Unchanged { new: n.reference() }
                }
                None => {
                    let similarity = if o.same_words(n) {
                        1.0
                    } else {
                        round(similarity(i, j))
                    };
                    if o.same_place(n) {
                        Fate::Reworded {
                            new: n.reference(),
                            similarity,
                        }
                    } else {
                        Fate::Moved {
                            new: n.reference(),
                            similarity,
                        }
                    }
                }
            }
        } else {
            Fate::Removed
        };
        links.push(Link {
            old: o.reference(),
            fate,
        });
    }
    let added = (0..b.len())
        .filter(|&j| m.new_to_old[j].is_none())
        .map(|j| b[j].reference())
        .collect();
    IdMap { links, added }
}

fn round(v: f64) -> f64 {
    (v.min(1.0) * 1000.0).round() / 1000.0
}

/// Round 4: pairs of unlinked statements of one track, linked best first
/// when similar enough for where they are.
fn link_similar(a: &[Item<'_>], b: &[Item<'_>], va: &[Vector], vb: &[Vector], m: &mut Matching) {
    let mut rest: HashMap<&str, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for i in (0..a.len()).filter(|&i| m.old_to_new[i].is_none()) {
        rest.entry(a[i].track).or_default().0.push(i);
    }
    for j in (0..b.len()).filter(|&j| m.new_to_old[j].is_none()) {
        rest.entry(b[j].track).or_default().1.push(j);
    }
    let mut tracks: Vec<&str> = rest.keys().copied().collect();
    tracks.sort_unstable();
    for track in tracks {
        let (olds, news) = &rest[track];
        if olds.is_empty() || news.is_empty() {
            continue;
        }
        let same_level_only = olds.len().saturating_mul(news.len()) > MAX_TRACK_PAIRS;
        let x: Vec<Vector> = olds.iter().map(|&i| va[i].clone()).collect();
        let y: Vec<Vector> = news.iter().map(|&j| vb[j].clone()).collect();
        let scores = if same_level_only {
            Vec::new()
        } else {
            cosine_matrix(&x, &y)
        };
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (p, &i) in olds.iter().enumerate() {
            for (q, &j) in news.iter().enumerate() {
                let same_level = a[i].level.id == b[j].level.id;
                if same_level_only && !same_level {
                    continue;
                }
                let score = if same_level_only {
                    super::engine::cosine(&x[p], &y[q])
                } else {
                    scores[p * news.len() + q]
                };
                let threshold = if a[i].same_place(&b[j]) {
                    THRESHOLDS.relink
                } else {
                    THRESHOLDS.other_area
                };
                if score >= threshold {
                    // On ties, staying in the level wins.
                    let bonus = if same_level { 1e-9 } else { 0.0 };
                    pairs.push((score + bonus, i, j));
                }
            }
        }
        pairs.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
        for (_, i, j) in pairs {
            if m.old_to_new[i].is_none() && m.new_to_old[j].is_none() {
                m.link(i, j);
            }
        }
    }
}

/// Statements need this many distinct words before containment may link
/// them: a three-word statement is contained in too many others by chance.
const MIN_CONTAINED_WORDS: usize = 3;

/// Round 5. Returns the splits (old statement → its parts, the part it is
/// linked to first) and the merges (new statement → the old statements
/// merged into it). Parts and merged statements are linked in `m`.
#[allow(clippy::type_complexity)]
fn containment(
    a: &[Item<'_>],
    b: &[Item<'_>],
    texts: &[String],
    m: &mut Matching,
) -> (HashMap<usize, Vec<usize>>, HashMap<usize, Vec<usize>>) {
    let words = |k: usize| {
        let mut ids = token_ids(&texts[k]);
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    // Share of `x`'s distinct words that `y` has (both sorted).
    let contained = |x: &[u64], y: &[u64]| {
        let shared = x.iter().filter(|w| y.binary_search(w).is_ok()).count();
        shared as f64 / x.len().max(1) as f64
    };
    let mut splits: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut merges: HashMap<usize, Vec<usize>> = HashMap::new();
    // Candidates are looked for in the same level only: a split or a merge
    // reorganises one level's expectations.
    let mut old_by_level: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, it) in a.iter().enumerate() {
        old_by_level
            .entry((it.track, &it.level.id))
            .or_default()
            .push(i);
    }
    let mut new_by_level: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (j, it) in b.iter().enumerate() {
        new_by_level
            .entry((it.track, &it.level.id))
            .or_default()
            .push(j);
    }
    let unlinked_new: Vec<usize> = (0..b.len())
        .filter(|&j| m.new_to_old[j].is_none())
        .collect();
    let mut parts: Vec<(usize, usize)> = Vec::new();
    for j in unlinked_new {
        let wj = words(a.len() + j);
        if wj.len() < MIN_CONTAINED_WORDS {
            continue;
        }
        let olds = old_by_level.get(&(b[j].track, b[j].level.id.as_str()));
        let best = olds
            .into_iter()
            .flatten()
            .map(|&i| (contained(&wj, &words(i)), i))
            .filter(|(c, _)| *c >= THRESHOLDS.containment)
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        if let Some((_, i)) = best {
            parts.push((i, j));
        }
    }
    for (i, j) in parts {
        let entry = splits.entry(i).or_default();
        if entry.is_empty()
            && let Some(first) = m.old_to_new[i]
        {
            entry.push(first);
        }
        entry.push(j);
    }
    // A statement with one part only was reworded or moved, not split.
    splits.retain(|&i, js| {
        if js.len() >= 2 {
            for &j in js.iter() {
                m.new_to_old[j] = Some(i);
            }
            m.old_to_new[i] = js.first().copied();
            true
        } else {
            if let Some(&j) = js.first() {
                m.link(i, j);
            }
            false
        }
    });
    let unlinked_old: Vec<usize> = (0..a.len())
        .filter(|&i| m.old_to_new[i].is_none())
        .collect();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for i in unlinked_old {
        let wi = words(i);
        if wi.len() < MIN_CONTAINED_WORDS {
            continue;
        }
        let news = new_by_level.get(&(a[i].track, a[i].level.id.as_str()));
        let best = news
            .into_iter()
            .flatten()
            .map(|&j| (contained(&wi, &words(a.len() + j)), j))
            .filter(|(c, _)| *c >= THRESHOLDS.containment)
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        if let Some((_, j)) = best {
            merged.push((i, j));
        }
    }
    for (i, j) in merged {
        // A part of a split is not also the result of a merge.
        if m.new_to_old[j].is_some_and(|first| splits.contains_key(&first)) {
            continue;
        }
        let entry = merges.entry(j).or_default();
        if entry.is_empty()
            && let Some(first) = m.new_to_old[j]
        {
            entry.push(first);
        }
        entry.push(i);
    }
    merges.retain(|&j, is| {
        if is.len() >= 2 {
            for &i in is.iter() {
                m.old_to_new[i] = Some(j);
            }
            m.new_to_old[j] = is.first().copied();
            true
        } else {
            if let Some(&i) = is.first() {
                m.link(i, j);
            }
            false
        }
    });
    (splits, merges)
}
