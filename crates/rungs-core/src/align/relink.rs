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

use std::collections::{HashMap, HashSet};

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
    /// Every fate by its old statement (track, level, id): for looking up
    /// many statements, such as every rating of an assessment.
    pub fn by_old(&self) -> HashMap<(&str, &str, &str), &Fate> {
        self.links
            .iter()
            .map(|l| {
                (
                    (
                        l.old.track.as_str(),
                        l.old.level.as_str(),
                        l.old.id.as_str(),
                    ),
                    &l.fate,
                )
            })
            .collect()
    }

    /// The fate of the old statement `id` of `level` in `track` (a search:
    /// use [`IdMap::by_old`] to look up many).
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

/// Statements need this many distinct words before containment may link
/// them: a three-word statement is contained in too many others by chance.
const MIN_CONTAINED_WORDS: usize = 3;

/// What [`relink_items`] found, by position in the two lists: cheap to make,
/// so a changelog reads it without naming every unchanged statement.
pub(crate) struct Linked {
    /// One per old statement.
    pub(crate) fates: Vec<Found>,
    /// New statements that continue none.
    pub(crate) added: Vec<usize>,
}

/// A [`Fate`], with new statements as positions.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Found {
    Unchanged(usize),
    Reworded(usize, f64),
    Moved(usize, f64),
    Split(Vec<usize>),
    Merged(usize),
    Removed,
}

impl Found {
    /// The new statement that carries the old one on.
    pub(crate) fn successor(&self) -> Option<usize> {
        match self {
            Found::Unchanged(j) | Found::Reworded(j, _) | Found::Moved(j, _) | Found::Merged(j) => {
                Some(*j)
            }
            Found::Split(js) => js.first().copied(),
            Found::Removed => None,
        }
    }
}

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

/// The statements that are not linked by an unchanged id and words (in a
/// typical edit, a handful), with their texts weighed as one batch.
struct Rest<'a, 'b> {
    a: &'b [Item<'a>],
    b: &'b [Item<'a>],
    /// Position in `texts` of each old statement, and of each new one.
    old_pos: Vec<Option<usize>>,
    new_pos: Vec<Option<usize>>,
    texts: Vec<String>,
    batch: Batch,
}

impl Rest<'_, '_> {
    fn similarity(&self, i: usize, j: usize) -> f64 {
        match (self.old_pos[i], self.new_pos[j]) {
            (Some(x), Some(y)) => self.batch.cosine(x, y),
            // Both were linked by id and words before the batch was made.
            _ => {
                let pair = [
                    full_text(self.a[i].statement),
                    full_text(self.b[j].statement),
                ];
                Batch::new(&pair).cosine(0, 1)
            }
        }
    }

    /// An id match links when the author wrote the id, or when the words
    /// are still alike (derived ids come from the first words only).
    fn id_match(&self, i: usize, j: usize) -> bool {
        (self.a[i].statement.explicit_id && self.b[j].statement.explicit_id)
            || self.a[i].same_words(&self.b[j])
            || self.similarity(i, j) >= THRESHOLDS.same_area
    }
}

/// What became of every statement of `old` in `new`.
pub fn relink(old: &Framework, new: &Framework) -> IdMap {
    let (a, b) = (items(old), items(new));
    let linked = relink_items(&a, &b);
    let mut merged_into: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, found) in linked.fates.iter().enumerate() {
        if let Found::Merged(j) = found {
            merged_into.entry(*j).or_default().push(i);
        }
    }
    let links = linked
        .fates
        .iter()
        .enumerate()
        .map(|(i, found)| Link {
            old: a[i].reference(),
            fate: match found {
                Found::Unchanged(j) => Fate::Unchanged {
                    new: b[*j].reference(),
                },
                Found::Reworded(j, similarity) => Fate::Reworded {
                    new: b[*j].reference(),
                    similarity: *similarity,
                },
                Found::Moved(j, similarity) => Fate::Moved {
                    new: b[*j].reference(),
                    similarity: *similarity,
                },
                Found::Split(js) => Fate::Split {
                    new: js.iter().map(|&j| b[j].reference()).collect(),
                },
                Found::Merged(j) => Fate::Merged {
                    new: b[*j].reference(),
                    with: merged_into
                        .get(j)
                        .into_iter()
                        .flatten()
                        .filter(|&&x| x != i)
                        .map(|&x| a[x].reference())
                        .collect(),
                },
                Found::Removed => Fate::Removed,
            },
        })
        .collect();
    IdMap {
        links,
        added: linked.added.iter().map(|&j| b[j].reference()).collect(),
    }
}

/// Links the statements of `a` (old) and `b` (new), in the rounds the
/// module documentation lists.
pub(crate) fn relink_items(a: &[Item<'_>], b: &[Item<'_>]) -> Linked {
    let mut m = Matching {
        old_to_new: vec![None; a.len()],
        new_to_old: vec![None; b.len()],
    };
    // 1. Same id in the same level. Most statements of an edited framework
    // keep their id and words: they are linked here without being weighed.
    let mut by_level: HashMap<(&str, &str, &str), usize> = HashMap::new();
    for (i, it) in a.iter().enumerate() {
        by_level.insert((it.track, &it.level.id, &it.statement.id), i);
    }
    let same_id = |j: usize| {
        let it = &b[j];
        by_level
            .get(&(it.track, it.level.id.as_str(), it.statement.id.as_str()))
            .copied()
    };
    for (j, it) in b.iter().enumerate() {
        if let Some(i) = same_id(j)
            && m.old_to_new[i].is_none()
            && ((a[i].statement.explicit_id && it.statement.explicit_id) || a[i].same_words(it))
        {
            m.link(i, j);
        }
    }
    // The rest, weighed as one batch: IDF over what changed.
    let mut texts = Vec::new();
    let mut old_pos = vec![None; a.len()];
    let mut new_pos = vec![None; b.len()];
    for i in (0..a.len()).filter(|&i| m.old_to_new[i].is_none()) {
        old_pos[i] = Some(texts.len());
        texts.push(full_text(a[i].statement));
    }
    for j in (0..b.len()).filter(|&j| m.new_to_old[j].is_none()) {
        new_pos[j] = Some(texts.len());
        texts.push(full_text(b[j].statement));
    }
    let batch = Batch::new(&texts);
    let rest = Rest {
        a,
        b,
        old_pos,
        new_pos,
        texts,
        batch,
    };
    // 1 (continued). Same id in the same level, new but similar words.
    for j in 0..b.len() {
        if m.new_to_old[j].is_none()
            && let Some(i) = same_id(j)
            && m.old_to_new[i].is_none()
            && rest.id_match(i, j)
        {
            m.link(i, j);
        }
    }
    // 2. Same id elsewhere in the track; 3. same words elsewhere in the track.
    let mut by_id: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut by_text: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for i in (0..a.len()).filter(|&i| m.old_to_new[i].is_none()) {
        let it = &a[i];
        by_id
            .entry((it.track, &it.statement.id))
            .or_default()
            .push(i);
        if let Some(x) = rest.old_pos[i] {
            by_text
                .entry((it.track, &rest.texts[x]))
                .or_default()
                .push(i);
        }
    }
    for (j, it) in b.iter().enumerate() {
        if m.new_to_old[j].is_some() {
            continue;
        }
        let by_id = by_id.get(&(it.track, it.statement.id.as_str()));
        if let Some(i) = by_id
            .into_iter()
            .flatten()
            .copied()
            .find(|&i| m.old_to_new[i].is_none() && rest.id_match(i, j))
        {
            m.link(i, j);
            continue;
        }
        let Some(y) = rest.new_pos[j] else { continue };
        let by_text = by_text.get(&(it.track, rest.texts[y].as_str()));
        if let Some(i) = by_text
            .into_iter()
            .flatten()
            .copied()
            .find(|&i| m.old_to_new[i].is_none())
        {
            m.link(i, j);
        }
    }
    // 4. Similar words among the rest, per track, best pairs first.
    link_similar(&rest, &mut m);
    // 5. Splits and merges among the rest.
    let (splits, merges) = containment(&rest, &mut m);

    let mut fates = Vec::with_capacity(a.len());
    for (i, o) in a.iter().enumerate() {
        let found = if let Some(parts) = splits.get(&i) {
            Found::Split(parts.clone())
        } else if let Some(j) = m.old_to_new[i] {
            let n = &b[j];
            if merges.contains_key(&j) {
                Found::Merged(j)
            } else if o.same_words(n) {
                if o.same_place(n) {
                    Found::Unchanged(j)
                } else {
                    Found::Moved(j, 1.0)
                }
            } else {
                let similarity = round(rest.similarity(i, j));
                if o.same_place(n) {
                    Found::Reworded(j, similarity)
                } else {
                    Found::Moved(j, similarity)
                }
            }
        } else {
            Found::Removed
        };
        fates.push(found);
    }
    let added = (0..b.len())
        .filter(|&j| m.new_to_old[j].is_none())
        .collect();
    Linked { fates, added }
}

fn round(v: f64) -> f64 {
    (v.min(1.0) * 1000.0).round() / 1000.0
}

/// Round 4: pairs of unlinked statements of one track, linked best first
/// when similar enough for where they are.
fn link_similar(rest: &Rest<'_, '_>, m: &mut Matching) {
    let (a, b) = (rest.a, rest.b);
    let mut tracks: HashMap<&str, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for (i, it) in a.iter().enumerate() {
        if m.old_to_new[i].is_none() && rest.old_pos[i].is_some() {
            tracks.entry(it.track).or_default().0.push(i);
        }
    }
    for (j, it) in b.iter().enumerate() {
        if m.new_to_old[j].is_none() && rest.new_pos[j].is_some() {
            tracks.entry(it.track).or_default().1.push(j);
        }
    }
    let mut names: Vec<&str> = tracks.keys().copied().collect();
    names.sort_unstable();
    let vector = |pos: Option<usize>| {
        pos.and_then(|p| rest.batch.vectors.get(p))
            .cloned()
            .unwrap_or_default()
    };
    for track in names {
        let (olds, news) = &tracks[track];
        if olds.is_empty() || news.is_empty() {
            continue;
        }
        let same_level_only = olds.len().saturating_mul(news.len()) > MAX_TRACK_PAIRS;
        let x: Vec<Vector> = olds.iter().map(|&i| vector(rest.old_pos[i])).collect();
        let y: Vec<Vector> = news.iter().map(|&j| vector(rest.new_pos[j])).collect();
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

/// Distinct token ids of statements, made once per statement on demand.
struct Words<'r, 'a, 'b> {
    rest: &'r Rest<'a, 'b>,
    old: HashMap<usize, Vec<u64>>,
    new: HashMap<usize, Vec<u64>>,
}

impl Words<'_, '_, '_> {
    fn of(text: &str) -> Vec<u64> {
        let mut ids = token_ids(text);
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    fn old_one(&mut self, i: usize) -> &[u64] {
        let rest = self.rest;
        self.old.entry(i).or_insert_with(|| match rest.old_pos[i] {
            Some(x) => Self::of(&rest.texts[x]),
            None => Self::of(&full_text(rest.a[i].statement)),
        })
    }

    fn new_one(&mut self, j: usize) -> &[u64] {
        let rest = self.rest;
        self.new.entry(j).or_insert_with(|| match rest.new_pos[j] {
            Some(y) => Self::of(&rest.texts[y]),
            None => Self::of(&full_text(rest.b[j].statement)),
        })
    }
}

/// Share of `x`'s distinct words that `y` has (both sorted).
fn contained(x: &[u64], y: &[u64]) -> f64 {
    let shared = x.iter().filter(|w| y.binary_search(w).is_ok()).count();
    shared as f64 / x.len().max(1) as f64
}

/// Splits found by round 5: old statement → its parts; merges: new
/// statement → the old statements merged into it.
type SplitsAndMerges = (HashMap<usize, Vec<usize>>, HashMap<usize, Vec<usize>>);

/// Round 5. Parts of splits and merged statements are linked in `m`: a
/// split's old statement to its first part (the one it was linked to
/// before, if any), a merge's result to its first old statement.
fn containment(rest: &Rest<'_, '_>, m: &mut Matching) -> SplitsAndMerges {
    let (a, b) = (rest.a, rest.b);
    let unlinked_new: Vec<usize> = (0..b.len())
        .filter(|&j| m.new_to_old[j].is_none())
        .collect();
    let unlinked_old: Vec<usize> = (0..a.len())
        .filter(|&i| m.old_to_new[i].is_none())
        .collect();
    if unlinked_new.is_empty() && unlinked_old.is_empty() {
        return (HashMap::new(), HashMap::new());
    }
    let mut words = Words {
        rest,
        old: HashMap::new(),
        new: HashMap::new(),
    };
    // Candidates are looked for in the same level only: a split or a merge
    // reorganises one level's expectations. Only levels with an unlinked
    // statement are indexed.
    let mut levels: HashSet<(&str, &str)> = HashSet::new();
    for &j in &unlinked_new {
        levels.insert((b[j].track, &b[j].level.id));
    }
    for &i in &unlinked_old {
        levels.insert((a[i].track, &a[i].level.id));
    }
    let mut old_by_level: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, it) in a.iter().enumerate() {
        let key = (it.track, it.level.id.as_str());
        if levels.contains(&key) {
            old_by_level.entry(key).or_default().push(i);
        }
    }
    let mut new_by_level: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (j, it) in b.iter().enumerate() {
        let key = (it.track, it.level.id.as_str());
        if levels.contains(&key) {
            new_by_level.entry(key).or_default().push(j);
        }
    }
    let mut parts: Vec<(usize, usize)> = Vec::new();
    for j in unlinked_new {
        let wj = words.new_one(j).to_vec();
        if wj.len() < MIN_CONTAINED_WORDS {
            continue;
        }
        let olds = old_by_level.get(&(b[j].track, b[j].level.id.as_str()));
        let mut best: Option<(f64, usize)> = None;
        for &i in olds.into_iter().flatten() {
            let c = contained(&wj, words.old_one(i));
            if c >= THRESHOLDS.containment && best.is_none_or(|(bc, _)| c > bc) {
                best = Some((c, i));
            }
        }
        if let Some((_, i)) = best {
            parts.push((i, j));
        }
    }
    let mut splits: HashMap<usize, Vec<usize>> = HashMap::new();
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
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for i in unlinked_old
        .into_iter()
        .filter(|&i| m.old_to_new[i].is_none())
    {
        let wi = words.old_one(i).to_vec();
        if wi.len() < MIN_CONTAINED_WORDS {
            continue;
        }
        let news = new_by_level.get(&(a[i].track, a[i].level.id.as_str()));
        let mut best: Option<(f64, usize)> = None;
        for &j in news.into_iter().flatten() {
            let c = contained(&wi, words.new_one(j));
            if c >= THRESHOLDS.containment && best.is_none_or(|(bc, _)| c > bc) {
                best = Some((c, j));
            }
        }
        if let Some((_, j)) = best {
            merged.push((i, j));
        }
    }
    let mut merges: HashMap<usize, Vec<usize>> = HashMap::new();
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
