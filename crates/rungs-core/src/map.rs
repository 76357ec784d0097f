//! Mapping the levels of one ladder onto another: which level of B matches
//! each level of A, with a confidence and the evidence behind it.
//!
//! 1. Each level is a document (its statements, names and examples);
//!    TF-IDF vectors over both ladders give a similarity matrix. When the two
//!    frameworks share areas (same id or title), the per-area similarities are
//!    blended in, so "Craft" is compared with "Craft".
//! 2. A monotone alignment (dynamic time warping over similarity minus the
//!    matrix mean) assigns every level of A one level of B or a run of
//!    consecutive levels, never crossing: ladders are ordered in both
//!    frameworks. Pinned pairs are forced onto the path.
//! 3. Confidence compares the match with the best level of B outside it; the
//!    explanation lists the terms that weigh most in both levels and the
//!    closest pair of statements.

use serde::Serialize;

use crate::model::{Level, Statement};
use crate::similarity::{Corpus, Vector, cosine, tokens};
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
    /// Similarity of the best matched pair, 0 to 1.
    pub similarity: f64,
    /// 0.5 when another level of B is as similar, close to 1 when the match is clear.
    pub confidence: f64,
    /// Terms that weigh most in both levels.
    pub terms: Vec<String>,
    /// The closest pair of statements: (A's text, B's text, similarity).
    pub closest: Option<(String, String, f64)>,
}

/// The result of a mapping.
#[derive(Clone, Debug, Serialize)]
pub struct Mapping {
    /// Level titles of A, in order.
    pub a: Vec<String>,
    /// Level titles of B, in order.
    pub b: Vec<String>,
    /// `similarity[i][j]` between level i of A and level j of B.
    pub similarity: Vec<Vec<f64>>,
    /// One entry per level of A.
    pub matches: Vec<LevelMatch>,
}

/// A mapping that cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum MapError {
    /// One side has no level.
    #[error("both ladders need at least one level")]
    Empty,
    /// Pins that cross each other cannot both hold on a monotone alignment.
    #[error("the pinned pairs cross each other, so no ordered alignment can hold them all")]
    CrossingPins,
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

/// Maps ladder `a` onto ladder `b` (levels most junior first). `shared_areas`
/// pairs area ids of A and B that mean the same; `pins` are pairs of level
/// indexes that must match.
pub fn map_levels(
    a: &[&Level],
    b: &[&Level],
    shared_areas: &[(String, String)],
    pins: &[(usize, usize)],
) -> Result<Mapping, MapError> {
    if a.is_empty() || b.is_empty() {
        return Err(MapError::Empty);
    }
    let docs: Vec<Vec<String>> = a.iter().chain(b).map(|l| tokens(&level_text(l))).collect();
    let corpus = Corpus::new(docs.iter().map(Vec::as_slice));
    let vectors: Vec<Vector> = docs.iter().map(|d| corpus.vector(d)).collect();
    let (va, vb) = vectors.split_at(a.len());
    let mut sim = vec![vec![0.0; b.len()]; a.len()];
    for (i, x) in va.iter().enumerate() {
        for (j, y) in vb.iter().enumerate() {
            sim[i][j] = cosine(x, y);
        }
    }
    // Blend in per-area similarity where the areas correspond (averaged over
    // the areas either level says something about).
    if !shared_areas.is_empty() {
        let mut total = vec![vec![0.0; b.len()]; a.len()];
        let mut count = vec![vec![0usize; b.len()]; a.len()];
        for (area_a, area_b) in shared_areas {
            let ta: Vec<Vec<String>> = a.iter().map(|l| tokens(&area_text(l, area_a))).collect();
            let tb: Vec<Vec<String>> = b.iter().map(|l| tokens(&area_text(l, area_b))).collect();
            let c = Corpus::new(ta.iter().chain(&tb).map(Vec::as_slice));
            let xa: Vec<Vector> = ta.iter().map(|t| c.vector(t)).collect();
            let xb: Vec<Vector> = tb.iter().map(|t| c.vector(t)).collect();
            for i in 0..a.len() {
                for j in 0..b.len() {
                    if !ta[i].is_empty() || !tb[j].is_empty() {
                        total[i][j] += cosine(&xa[i], &xb[j]);
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
        let matched = sim[i][best];
        let outside = (0..b.len())
            .filter(|j| *j < first || *j > last)
            .map(|j| sim[i][j])
            .fold(0.0, f64::max);
        let confidence = if matched + outside > 0.0 {
            matched / (matched + outside)
        } else {
            0.5
        };
        matches.push(LevelMatch {
            a: i,
            b_first: first,
            b_last: last,
            similarity: round(matched),
            confidence: round(confidence),
            terms: shared_terms(&corpus, &va[i], &vb[best], 6),
            closest: closest_statements(level_a, b[best]),
        });
    }
    Ok(Mapping {
        a: a.iter().map(|l| l.title.clone()).collect(),
        b: b.iter().map(|l| l.title.clone()).collect(),
        similarity: sim
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
    let (n, m) = (sim.len(), sim[0].len());
    if pins
        .iter()
        .any(|p| pins.iter().any(|q| p.0 < q.0 && p.1 > q.1))
    {
        return Err(MapError::CrossingPins);
    }
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
    let blocked = |i: usize, j: usize| {
        pins.iter()
            .any(|&(pi, pj)| (pi == i && pj != j) || (i < pi && j > pj) || (i > pi && j < pj))
    };
    let gain = |i: usize, j: usize| {
        if blocked(i, j) {
            f64::NEG_INFINITY
        } else {
            sim[i][j] - row[i] - col[j] + mean
        }
    };
    let mut score = vec![vec![f64::NEG_INFINITY; m]; n];
    let mut from = vec![vec![(usize::MAX, usize::MAX); m]; n];
    score[0][0] = gain(0, 0);
    for i in 0..n {
        for j in 0..m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = (f64::NEG_INFINITY, (usize::MAX, usize::MAX));
            for (pi, pj) in [
                (i.wrapping_sub(1), j.wrapping_sub(1)),
                (i.wrapping_sub(1), j),
                (i, j.wrapping_sub(1)),
            ] {
                if pi < n && pj < m && score[pi][pj] > best.0 {
                    best = (score[pi][pj], (pi, pj));
                }
            }
            score[i][j] = best.0 + gain(i, j);
            from[i][j] = best.1;
        }
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

fn shared_terms(corpus: &Corpus, a: &Vector, b: &Vector, n: usize) -> Vec<String> {
    let in_b: std::collections::HashSet<&str> =
        corpus.top_terms(b, usize::MAX).into_iter().collect();
    corpus
        .top_terms(a, usize::MAX)
        .into_iter()
        .filter(|t| in_b.contains(t))
        .take(n)
        .map(str::to_string)
        .collect()
}

fn closest_statements(a: &Level, b: &Level) -> Option<(String, String, f64)> {
    let sa: Vec<&Statement> = a.statements.iter().collect();
    let sb: Vec<&Statement> = b.statements.iter().collect();
    let ta: Vec<Vec<String>> = sa.iter().map(|s| tokens(&s.text)).collect();
    let tb: Vec<Vec<String>> = sb.iter().map(|s| tokens(&s.text)).collect();
    let corpus = Corpus::new(ta.iter().chain(&tb).map(Vec::as_slice));
    let va: Vec<Vector> = ta.iter().map(|t| corpus.vector(t)).collect();
    let vb: Vec<Vector> = tb.iter().map(|t| corpus.vector(t)).collect();
    let mut best: Option<(usize, usize, f64)> = None;
    for (i, x) in va.iter().enumerate() {
        for (j, y) in vb.iter().enumerate() {
            let s = cosine(x, y);
            if best.is_none_or(|b| s > b.2) {
                best = Some((i, j, s));
            }
        }
    }
    best.filter(|b| b.2 > 0.0)
        .map(|(i, j, s)| (sa[i].text.clone(), sb[j].text.clone(), round(s)))
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
