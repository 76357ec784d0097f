//! Mapping the levels of one ladder onto another: which level of B matches
//! each level of A, with a confidence and the evidence behind it.
//!
//! 1. Each level is a document (its statements, names and examples);
//!    TF-IDF vectors over both ladders give a similarity matrix. When the two
//!    frameworks share areas (same id or title), the per-area similarities are
//!    blended in, so "Craft" is compared with "Craft". With a [`Meaning`]
//!    (vectors from a sentence-embedding model), likeness of meaning is
//!    blended in too.
//! 2. Seniority signals ([`super::seniority`]: titles, years, scope, reach
//!    and autonomy in the text, the place in the ladder) move each pair's
//!    score by how well the two levels agree.
//! 3. A monotone alignment (dynamic time warping over the scores minus the
//!    row and column means, each level's own average likeness) assigns
//!    every level of A one level of B or a run of consecutive levels, never
//!    crossing: ladders are ordered in both frameworks. Pinned pairs are
//!    forced onto the path.
//! 4. Confidence compares the one answer with the next best level of B,
//!    calibrated on reference mappings. When the words cannot decide (they
//!    barely meet, or only the places in the ladders agree) or the titles
//!    name different steps, the answer is "not sure" whatever its margin,
//!    and says why; the explanation lists the seniority signals both levels
//!    share, the terms that weigh most in both and the closest pair of
//!    statements.

use serde::Serialize;

use super::engine::Batch;
use crate::model::{Level, Statement};
use crate::text::normalise;

/// One level of A and the level(s) of B it matches.
#[derive(Clone, Debug, Serialize)]
pub struct LevelMatch {
    /// Index of the level of A.
    pub a: usize,
    /// First matched level of B.
    pub b_first: usize,
    /// Last matched level of B (equal to `b_first` for a one-to-one match).
    pub b_last: usize,
    /// The one level of B the answer names: the closest within the match
    /// (equal to `b_first` for a one-to-one match).
    pub b_best: usize,
    /// Similarity of the best matched pair, 0 to 1: in words, blended with
    /// meaning when a [`Meaning`] was given.
    pub similarity: f64,
    /// The chance that `b_best` is right, 0 to 1, from its margin over the
    /// next best level of B, inside a range or not (calibrated on the
    /// reference mappings); at most 0.5 when the words cannot tell B's
    /// levels apart.
    pub confidence: f64,
    /// True when the answer should be read as "not sure": the confidence is
    /// below [`UNCERTAIN_BELOW`] (at most 0.6 when the words barely meet,
    /// when only the places in the ladders agree, or when the titles name
    /// different steps), or the match spans three levels of B or more.
    /// Shown as such, with [`LevelMatch::candidates`] and
    /// [`LevelMatch::doubts`].
    pub uncertain: bool,
    /// When uncertain: the two or three levels of B closest in words, most
    /// similar first (indices into [`Mapping::b`]); empty otherwise.
    pub candidates: Vec<usize>,
    /// When uncertain: why, in words ("only their places in the ladders
    /// agree, and they share few words (0.04)"); empty otherwise.
    pub doubts: Vec<String>,
    /// Terms that weigh most in both levels.
    pub terms: Vec<String>,
    /// The closest pair of statements: (A's text, B's text, similarity).
    pub closest: Option<(String, String, f64)>,
    /// What the two levels say about seniority besides their words, where
    /// both say it ("both titles say Senior", "A asks 4-8 years, B 5+ years").
    pub evidence: Vec<String>,
}

/// How much seniority signals weigh: a pair's score moves by this times
/// (agreement − 0.5), so by at most 0.2 up or down. Between two companies
/// word similarities are 0.05 to 0.3 and close together, so seniority often
/// decides; a level's match with itself (far above its neighbours) stays
/// with the words. Tuned on the reference set:
/// 0.3 got fewer exact, 0.5 let neighbours into a ladder's match with itself.
const SENIORITY_WEIGHT: f64 = 0.4;

/// Below this confidence a match is reported as uncertain, with its
/// candidates: one chance in seven or more that it is wrong. On the
/// reference set, 26 matches of 75 are, and 4 of those 26 are not the
/// reference's answer (1 of the other 49 is).
pub const UNCERTAIN_BELOW: f64 = 0.85;

/// Below this similarity two levels barely share a word (or, with a
/// model, a meaning): whatever else agrees, such a match is not sure.
/// Matching levels of two companies score 0.05 to 0.3.
const WORDS_BARELY_MEET: f64 = 0.02;

/// Below this similarity, a match whose only shared seniority signal is
/// the place in the ladder rests on position alone: not sure.
const WORDS_WEAK: f64 = 0.08;

/// The most a doubtful match is given: under [`UNCERTAIN_BELOW`].
const DOUBTFUL: f64 = 0.6;

/// The likeness of meaning any two statements about work have to a
/// sentence-embedding model; only what is above it counts.
const MEANING_FLOOR: f64 = 0.3;

/// What a step down or right costs the alignment, in units of the spread
/// of the centred scores (see [`align`]).
const STEP_COST: f64 = 0.5;

/// Similarities (words, and meaning when a model read the statements) of
/// one level of A to every level of B that differ by less than this say
/// nothing about which level it is.
const WORDS_SAY_NOTHING: f64 = 0.005;

/// The probability that a match is right, from its margin `m / (m + o)`
/// (the answer's score `m` against the best score `o` of any other level
/// of B): a logistic curve checked band by band against the reference set
/// (`tests/map-reference.toml`, 75 answers). A maximum-likelihood logistic
/// fit there is steeper (slope 20, centre 0.39); this flatter curve claims
/// less at both ends, as 75 answers warrant. A margin of 0.5 (a tie)
/// gives 0.83: the order of the ladders and the seniority signals settle
/// most ties; 0.6 gives 0.92.
fn calibrated(margin: f64) -> f64 {
    const SLOPE: f64 = 8.0;
    const CENTRE: f64 = 0.30;
    1.0 / (1.0 + (-SLOPE * (margin - CENTRE)).exp())
}

/// The result of a mapping.
#[derive(Clone, Debug, Serialize)]
pub struct Mapping {
    /// Level titles of A, in order.
    pub a: Vec<String>,
    /// Level titles of B, in order.
    pub b: Vec<String>,
    /// `similarity[i][j]` between level i of A and level j of B (words, and
    /// meaning when given; before seniority).
    pub similarity: Vec<Vec<f64>>,
    /// One entry per level of A.
    pub matches: Vec<LevelMatch>,
}

/// A mapping that cannot be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum MapError {
    /// One side has no level.
    #[error("both ladders need at least one level")]
    Empty,
    /// Pins that cross each other cannot both hold on a monotone alignment.
    #[error("the pinned pairs cross each other, so no ordered alignment can hold them all")]
    CrossingPins,
    /// A pin names a level index that the ladder does not have.
    #[error("a pin names level {index} of {side}, which has only {len} level(s)")]
    PinOutOfRange {
        /// `A` or `B`.
        side: &'static str,
        /// The index pinned (0-based).
        index: usize,
        /// How many levels the ladder has.
        len: usize,
    },
    /// One level of A pinned to two different levels of B.
    #[error("level {a} of A is pinned to two levels of B ({b1} and {b2}); keep one pin")]
    ConflictingPins {
        /// The level of A (0-based).
        a: usize,
        /// One level of B (0-based).
        b1: usize,
        /// The other (0-based).
        b2: usize,
    },
    /// The alignment runs from both first levels to both last levels, so a
    /// pin that leaves levels before or after it unmatched cannot hold.
    #[error(
        "the pins cannot all hold: an alignment matches the first levels of both ladders with each other and the last with each other, \
         so level {a} of A cannot be pinned to level {b} of B (1-based) without leaving levels unmatched"
    )]
    ImpossiblePins {
        /// A pinned level of A (1-based).
        a: usize,
        /// The level of B it was pinned to (1-based).
        b: usize,
    },
}

fn level_text(level: &Level) -> String {
    let mut out = String::new();
    for s in &level.statements {
        s.visit(&mut |x: &Statement| {
            if let Some(n) = &x.name {
                out.push_str(n);
                out.push(' ');
            }
            out.push_str(&x.text);
            out.push(' ');
            for e in &x.examples {
                out.push_str(e);
                out.push(' ');
            }
        });
    }
    out
}

fn area_text(level: &Level, area: &str) -> String {
    let mut out = String::new();
    for s in level.statements.iter().filter(|s| s.area == area) {
        s.visit(&mut |x: &Statement| {
            out.push_str(&x.text);
            out.push(' ');
        });
    }
    out
}

/// What a sentence-embedding model makes of statement texts: one vector of
/// unit length per text. Given to [`map_levels_with`], it adds likeness of
/// meaning to likeness of words, so "mentors junior engineers" meets "guides
/// newer colleagues". rungs-core runs no model: the caller embeds
/// [`statement_texts`] and fills this in.
#[derive(Clone, Debug, Default)]
pub struct Meaning {
    vectors: std::collections::HashMap<String, Vec<f32>>,
}

impl Meaning {
    /// No vectors: mapping by words and seniority only.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the vector of `text` (the model's output, unit length).
    pub fn insert(&mut self, text: String, vector: Vec<f32>) {
        self.vectors.insert(text, vector);
    }

    /// True when no text has a vector.
    pub fn is_empty(&self) -> bool {
        self.vectors.is_empty()
    }

    fn get(&self, text: &str) -> Option<&[f32]> {
        self.vectors.get(text).map(Vec::as_slice)
    }
}

/// Every statement text of these levels (sub-statements included), once
/// each: what a [`Meaning`] for mapping them needs.
pub fn statement_texts(levels: &[&Level]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for level in levels {
        for s in &level.statements {
            s.visit(&mut |x: &Statement| {
                if seen.insert(x.text.as_str()) {
                    out.push(x.text.clone());
                }
            });
        }
    }
    out
}

/// How alike two levels are in meaning, 0 to 1: each statement of one
/// is paired with its closest statement of the other, both ways, and the
/// cosines averaged. `None` when a level has no statement with a vector.
fn meaning_similarity(a: &[&[f32]], b: &[&[f32]]) -> Option<f64> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let closest = |from: &[&[f32]], to: &[&[f32]]| {
        from.iter()
            .map(|x| to.iter().map(|y| cosine(x, y)).fold(f64::MIN, f64::max))
            .sum::<f64>()
            / from.len() as f64
    };
    Some(((closest(a, b) + closest(b, a)) / 2.0).clamp(0.0, 1.0))
}

/// The cosine of two unit-length vectors.
fn cosine(x: &[f32], y: &[f32]) -> f64 {
    x.iter().zip(y).map(|(p, q)| p * q).sum::<f32>() as f64
}

/// The vectors of a level's statements that `meaning` knows.
fn level_vectors<'m>(level: &Level, meaning: &'m Meaning) -> Vec<&'m [f32]> {
    let mut out = Vec::new();
    for s in &level.statements {
        s.visit(&mut |x: &Statement| out.extend(meaning.get(&x.text)));
    }
    out
}

/// Maps ladder `a` onto ladder `b` (levels most junior first). `shared_areas`
/// pairs area ids of A and B that mean the same; `pins` are pairs of level
/// indexes that must match.
pub fn map_levels(
    a: &[&Level],
    b: &[&Level],
    shared_areas: &[(String, String)],
    pins: &[(usize, usize)],
) -> Result<Mapping, MapError> {
    map_levels_with(a, b, shared_areas, pins, &Meaning::new())
}

/// [`map_levels`], reading the meaning of statements as well as their
/// words where `meaning` has their vectors.
pub fn map_levels_with(
    a: &[&Level],
    b: &[&Level],
    shared_areas: &[(String, String)],
    pins: &[(usize, usize)],
    meaning: &Meaning,
) -> Result<Mapping, MapError> {
    if a.is_empty() || b.is_empty() {
        return Err(MapError::Empty);
    }
    check_pins(a.len(), b.len(), pins)?;
    let texts: Vec<String> = a.iter().chain(b).map(|l| level_text(l)).collect();
    let batch = Batch::new(&texts);
    let n = a.len();
    // Every pair at once, through the engine's term index.
    let all = batch.cosine_matrix(n);
    let mut sim: Vec<Vec<f64>> = all.chunks(b.len()).map(<[f64]>::to_vec).collect();
    // Blend in per-area similarity where the areas correspond (averaged over
    // the areas either level says something about).
    if !shared_areas.is_empty() {
        let mut total = vec![vec![0.0; b.len()]; a.len()];
        let mut count = vec![vec![0usize; b.len()]; a.len()];
        for (area_a, area_b) in shared_areas {
            let texts: Vec<String> = a
                .iter()
                .map(|l| area_text(l, area_a))
                .chain(b.iter().map(|l| area_text(l, area_b)))
                .collect();
            let scores = Batch::new(&texts).cosine_matrix(n);
            for i in 0..a.len() {
                for j in 0..b.len() {
                    if !texts[i].is_empty() || !texts[n + j].is_empty() {
                        total[i][j] += scores[i * b.len() + j];
                        count[i][j] += 1;
                    }
                }
            }
        }
        for i in 0..a.len() {
            for j in 0..b.len() {
                if count[i][j] > 0 {
                    sim[i][j] = (sim[i][j] + total[i][j] / count[i][j] as f64) / 2.0;
                }
            }
        }
    }
    // Meaning: where a model read the statements, the likeness of meaning
    // counts as much as the words. Any two statements of a ladder are
    // somewhat alike to a model (0.2 to 0.4), so that floor is taken off
    // first, which puts meaning on the words' scale.
    if !meaning.is_empty() {
        let va: Vec<Vec<&[f32]>> = a.iter().map(|l| level_vectors(l, meaning)).collect();
        let vb: Vec<Vec<&[f32]>> = b.iter().map(|l| level_vectors(l, meaning)).collect();
        for (i, row) in sim.iter_mut().enumerate() {
            for (j, cell) in row.iter_mut().enumerate() {
                if let Some(m) = meaning_similarity(&va[i], &vb[j]) {
                    let m = ((m - MEANING_FLOOR) / (1.0 - MEANING_FLOOR)).max(0.0);
                    *cell = (*cell + m) / 2.0;
                }
            }
        }
    }
    // Seniority beyond the words: titles and places (weak priors), years
    // asked, scope, and what the text says of reach and autonomy.
    let words_sim = sim.clone();
    let sig_a = super::seniority::signals_of_ladder(a);
    let sig_b = super::seniority::signals_of_ladder(b);
    for (i, row) in sim.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            if let Some((agree, _)) = super::seniority::agreement(&sig_a[i], &sig_b[j]) {
                *cell = (*cell + SENIORITY_WEIGHT * (agree - 0.5)).max(0.0);
            }
        }
    }
    let path = align(&sim, pins)?;
    let mut matches = Vec::with_capacity(a.len());
    for (i, level_a) in a.iter().enumerate() {
        let cols: Vec<usize> = path
            .iter()
            .filter(|(r, _)| *r == i)
            .map(|(_, c)| *c)
            .collect();
        let (first, last) = (
            cols.iter().copied().min().unwrap_or(0),
            cols.iter().copied().max().unwrap_or(0),
        );
        let best = (first..=last)
            .max_by(|x, y| sim[i][*x].total_cmp(&sim[i][*y]))
            .unwrap_or(first);
        // The margin of the answer over the next best level of B, inside
        // a range or not (a range of two near-equal levels is a tie), on
        // the score that chose it, calibrated on the reference set. When the
        // words cannot tell B's levels apart, the match rests on titles and
        // places alone: no better than a coin.
        let matched = sim[i][best];
        let outside = (0..b.len())
            .filter(|j| *j != best)
            .map(|j| sim[i][j])
            .fold(0.0, f64::max);
        let margin = if matched + outside > 0.0 {
            matched / (matched + outside)
        } else {
            0.5
        };
        let (lowest, highest) = words_sim[i]
            .iter()
            .fold((f64::MAX, 0.0f64), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
        // What makes an answer doubtful whatever its margin: words that
        // cannot tell B's levels apart (no better than a coin), or that
        // barely meet; an answer resting on the places in the ladders
        // alone; titles that name different steps ("Senior 2", "Senior 1").
        let mut confidence = calibrated(margin);
        let mut doubts = Vec::new();
        if b.len() > 1 {
            let similarity = words_sim[i][best];
            let position_alone = sig_a[i]
                .iter()
                .filter(|x| sig_b[best].iter().any(|y| y.kind == x.kind))
                .all(|x| x.kind == "position");
            if highest - lowest < WORDS_SAY_NOTHING {
                doubts.push("the words cannot tell B's levels apart".to_string());
                confidence = confidence.min(0.5);
            } else if similarity < WORDS_BARELY_MEET {
                doubts.push(format!(
                    "the two levels barely share a word ({similarity:.2})"
                ));
            } else if similarity < WORDS_WEAK && position_alone {
                doubts.push(format!(
                    "only their places in the ladders agree, and they share few words ({similarity:.2})"
                ));
            }
            for x in &sig_a[i] {
                if let Some(y) = sig_b[best]
                    .iter()
                    .find(|y| super::seniority::steps_differ(x, y))
                {
                    doubts.push(format!(
                        "the titles name different steps ({} and {})",
                        super::seniority::numbered(x),
                        super::seniority::numbered(y)
                    ));
                }
            }
            if !doubts.is_empty() {
                confidence = confidence.min(DOUBTFUL);
            }
        }
        let uncertain = confidence < UNCERTAIN_BELOW || last >= first + 2;
        let candidates = if uncertain {
            let mut order: Vec<usize> = (0..b.len()).collect();
            // "Closest in words": by word similarity, as the output says.
            order.sort_by(|x, y| words_sim[i][*y].total_cmp(&words_sim[i][*x]).then(x.cmp(y)));
            order.truncate(3);
            order
        } else {
            Vec::new()
        };
        // A match not sure for none of those reasons says which it is.
        if uncertain && doubts.is_empty() {
            if last >= first + 2 {
                doubts.push(format!("it spans {} levels of B", last - first + 1));
            } else if let Some(next) = (0..b.len())
                .filter(|j| *j != best)
                .max_by(|x, y| sim[i][*x].total_cmp(&sim[i][*y]))
            {
                doubts.push(format!("{} scores almost as well", b[next].title));
            }
        }
        let evidence = super::seniority::agreement(&sig_a[i], &sig_b[best])
            .map(|(_, e)| e)
            .unwrap_or_default();
        matches.push(LevelMatch {
            a: i,
            b_first: first,
            b_last: last,
            b_best: best,
            evidence,
            similarity: round(words_sim[i][best]),
            confidence: round(confidence),
            uncertain,
            candidates,
            doubts,
            terms: batch.shared_terms(i, n + best, &texts[i], 6),
            closest: closest_in_meaning(level_a, b[best], meaning)
                .or_else(|| closest_statements(level_a, b[best])),
        });
    }
    Ok(Mapping {
        a: a.iter().map(|l| l.title.clone()).collect(),
        b: b.iter().map(|l| l.title.clone()).collect(),
        similarity: words_sim
            .iter()
            .map(|row| row.iter().map(|v| round(*v)).collect())
            .collect(),
        matches,
    })
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// Dynamic time warping: the monotone path from (0, 0) to (n-1, m-1) with the
/// highest total of `sim - mean` (so weak cells are avoided), through the pins.
fn align(sim: &[Vec<f64>], pins: &[(usize, usize)]) -> Result<Vec<(usize, usize)>, MapError> {
    let (n, m) = (sim.len(), sim.first().map_or(0, Vec::len));
    // Double-centred similarity: what is left once each level's overall
    // likeness to the other ladder (long levels share more words with
    // everything) is taken out. Positive cells are better than typical.
    let mean = sim.iter().flatten().sum::<f64>() / (n * m) as f64;
    let row: Vec<f64> = sim
        .iter()
        .map(|r| r.iter().sum::<f64>() / m as f64)
        .collect();
    let col: Vec<f64> = (0..m)
        .map(|j| sim.iter().map(|r| r[j]).sum::<f64>() / n as f64)
        .collect();
    // A pin (i, j) keeps row i to column j, and the path from crossing it.
    // The columns each row may take: its pin's, or between the pins above
    // and below it. Worked out once, not per cell (a shared grade scale
    // pins hundreds of levels).
    let mut lo = vec![0usize; n];
    let mut hi = vec![m.saturating_sub(1); n];
    for &(pi, pj) in pins {
        for (i, (l, h)) in lo.iter_mut().zip(hi.iter_mut()).enumerate() {
            if i == pi {
                *l = (*l).max(pj);
                *h = (*h).min(pj);
            } else if i > pi {
                *l = (*l).max(pj);
            } else {
                *h = (*h).min(pj);
            }
        }
    }
    let blocked = |i: usize, j: usize| j < lo[i] || j > hi[i];
    let centred = |i: usize, j: usize| sim[i][j] - row[i] - col[j] + mean;
    let gain = |i: usize, j: usize| {
        if blocked(i, j) {
            f64::NEG_INFINITY
        } else {
            centred(i, j)
        }
    };
    // A step down or right visits one more cell than a diagonal step, so
    // without a cost a path would wander through every cell that is a
    // little above average and turn one-to-one matches into ranges. The
    // cost is a share of the spread of the gains: the same for close and
    // distant ladders.
    let squares: f64 = (0..n)
        .flat_map(|i| (0..m).map(move |j| (i, j)))
        .map(|(i, j)| centred(i, j).powi(2))
        .sum();
    let spread = (squares / (n * m) as f64).sqrt();
    let detour = STEP_COST * spread;
    let mut score = vec![vec![f64::NEG_INFINITY; m]; n];
    let mut from = vec![vec![(usize::MAX, usize::MAX); m]; n];
    score[0][0] = gain(0, 0);
    for i in 0..n {
        for j in 0..m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = (f64::NEG_INFINITY, (usize::MAX, usize::MAX));
            for (pi, pj, cost) in [
                (i.wrapping_sub(1), j.wrapping_sub(1), 0.0),
                (i.wrapping_sub(1), j, detour),
                (i, j.wrapping_sub(1), detour),
            ] {
                if pi < n && pj < m && score[pi][pj] - cost > best.0 {
                    best = (score[pi][pj] - cost, (pi, pj));
                }
            }
            score[i][j] = best.0 + gain(i, j);
            from[i][j] = best.1;
        }
    }
    if score[n - 1][m - 1] == f64::NEG_INFINITY {
        // Every path crosses a blocked cell: name the first pin that blocks
        // one of the ends.
        let (a, b) = pins
            .iter()
            .find(|&&(i, j)| (i == 0) != (j == 0) || (i == n - 1) != (j == m - 1))
            .or(pins.first())
            .map_or((0, 0), |&(i, j)| (i + 1, j + 1));
        return Err(MapError::ImpossiblePins { a, b });
    }
    let mut path = vec![(n - 1, m - 1)];
    let (mut i, mut j) = (n - 1, m - 1);
    while (i, j) != (0, 0) {
        let (pi, pj) = from[i][j];
        if pi == usize::MAX {
            break;
        }
        path.push((pi, pj));
        (i, j) = (pi, pj);
    }
    path.reverse();
    Ok(path)
}

/// The pair of top-level statements closest in meaning, when a model read
/// them: a better quote than shared words between two companies' ladders.
fn closest_in_meaning(a: &Level, b: &Level, meaning: &Meaning) -> Option<(String, String, f64)> {
    let mut best: Option<(&str, &str, f64)> = None;
    for x in &a.statements {
        let Some(vx) = meaning.get(&x.text) else {
            continue;
        };
        for y in &b.statements {
            let Some(vy) = meaning.get(&y.text) else {
                continue;
            };
            let s = cosine(vx, vy);
            if best.is_none_or(|b| s > b.2) {
                best = Some((&x.text, &y.text, s));
            }
        }
    }
    best.map(|(x, y, s)| (x.to_string(), y.to_string(), round(s)))
}

fn closest_statements(a: &Level, b: &Level) -> Option<(String, String, f64)> {
    let texts: Vec<&str> = a
        .statements
        .iter()
        .chain(&b.statements)
        .map(|s| s.text.as_str())
        .collect();
    let n = a.statements.len();
    let batch = Batch::new(&texts);
    let mut best: Option<(usize, usize, f64)> = None;
    for i in 0..n {
        for j in n..texts.len() {
            let s = batch.cosine(i, j);
            if best.is_none_or(|b| s > b.2) {
                best = Some((i, j, s));
            }
        }
    }
    best.filter(|b| b.2 > 0.0)
        .map(|(i, j, s)| (texts[i].to_string(), texts[j].to_string(), round(s)))
}

/// Refuses pins no alignment can honour, before aligning: a level that does
/// not exist, one level of A pinned twice, pins that cross.
fn check_pins(n: usize, m: usize, pins: &[(usize, usize)]) -> Result<(), MapError> {
    for &(i, j) in pins {
        if i >= n {
            return Err(MapError::PinOutOfRange {
                side: "A",
                index: i,
                len: n,
            });
        }
        if j >= m {
            return Err(MapError::PinOutOfRange {
                side: "B",
                index: j,
                len: m,
            });
        }
    }
    for p in pins {
        for q in pins {
            if p.0 == q.0 && p.1 != q.1 {
                return Err(MapError::ConflictingPins {
                    a: p.0,
                    b1: p.1.min(q.1),
                    b2: p.1.max(q.1),
                });
            }
            if p.0 < q.0 && p.1 > q.1 {
                return Err(MapError::CrossingPins);
            }
        }
    }
    Ok(())
}

/// Pairs of area ids (A, B) that correspond: same id, or same title.
pub fn shared_areas(a: &crate::Framework, b: &crate::Framework) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for x in a.all_areas() {
        if let Some(y) = b
            .all_areas()
            .into_iter()
            .find(|y| y.id == x.id || normalise(&y.title) == normalise(&x.title))
        {
            out.push((x.id.clone(), y.id.clone()));
        }
    }
    out
}
