//! The ladder at a glance: a grid with one column per track of a family (a
//! base track and the tracks that branch from it) and one row per rank, most
//! senior at the top. Levels below the branch point span all columns.

use serde::Serialize;

use rungs_core::model::{Level, Track, TrackIndex};

use crate::urls;

/// The grid.
#[derive(Serialize)]
pub struct LadderView {
    /// Column headers: the tracks of the family.
    pub columns: Vec<Column>,
    /// Rows, most senior first.
    pub rows: Vec<Row>,
}

/// A column header.
#[derive(Serialize)]
pub struct Column {
    /// Track title.
    pub title: String,
    /// Track page, relative to the root.
    pub url: String,
    /// `ic` or `management`.
    pub kind: &'static str,
    /// True for the track whose page this is.
    pub current: bool,
}

/// One rank.
#[derive(Serialize)]
pub struct Row {
    /// The rank.
    pub rank: u32,
    /// Cells, one per column (or one spanning all, for shared levels).
    pub cells: Vec<Cell>,
}

/// A cell of the grid.
#[derive(Serialize)]
pub struct Cell {
    /// Number of columns it spans.
    pub span: usize,
    /// The level, if the column has one at this rank.
    pub level: Option<Card>,
}

/// A level in the grid.
#[derive(Serialize)]
pub struct Card {
    /// Level title.
    pub title: String,
    /// Level page, relative to the root.
    pub url: String,
    /// Grade code.
    pub grade: Option<String>,
    /// One-line summary.
    pub summary: Option<String>,
    /// Tenure, as written ("2-3 years").
    pub tenure: Option<String>,
    /// True when the level belongs to the track whose page this is.
    pub current: bool,
}

/// Builds the grid for the page of `track`.
///
/// `boilerplate` holds the tracks whose level summaries only repeat the
/// level's title: their cards show no summary.
pub fn ladder(
    index: &TrackIndex<'_>,
    track: &Track,
    boilerplate: &std::collections::HashSet<String>,
    words: &crate::i18n::Messages,
) -> LadderView {
    let root = track
        .branch
        .as_ref()
        .and_then(|b| index.track(&b.from))
        .filter(|r| r.id != track.id)
        .unwrap_or(track);
    let mut family: Vec<&Track> = vec![root];
    family.extend(
        index
            .branches_of(&root.id)
            .iter()
            .filter(|t| t.id != root.id),
    );
    let split = family
        .iter()
        .skip(1)
        .filter_map(|t| t.branch.as_ref().map(|b| b.rank))
        .min();
    let mut ranks: Vec<u32> = family
        .iter()
        .flat_map(|t| t.levels.iter().map(|l| l.rank))
        .collect();
    ranks.sort_unstable();
    ranks.dedup();
    let card = |t: &Track, l: &Level| Card {
        title: l.title.clone(),
        url: urls::level(&t.id, &l.id),
        grade: l.grade.clone(),
        summary: l
            .summary
            .as_deref()
            .filter(|_| !boilerplate.contains(&t.id))
            .map(crate::markdown::plain_text),
        tenure: l.indicators.tenure.as_ref().map(|y| words.years(y)),
        current: t.id == track.id || (t.id == root.id && split.is_some_and(|s| l.rank < s)),
    };
    let rows = ranks
        .iter()
        .rev()
        .map(|&rank| {
            let shared = family.len() > 1 && split.is_some_and(|s| rank < s);
            let cells = if shared {
                let level = root
                    .levels
                    .iter()
                    .find(|l| l.rank == rank)
                    .map(|l| card(root, l));
                vec![Cell {
                    span: family.len(),
                    level,
                }]
            } else {
                family
                    .iter()
                    .map(|t| Cell {
                        span: 1,
                        level: t.levels.iter().find(|l| l.rank == rank).map(|l| card(t, l)),
                    })
                    .collect()
            };
            Row { rank, cells }
        })
        .collect();
    LadderView {
        columns: family
            .iter()
            .map(|t| Column {
                title: t.title.clone(),
                url: urls::track(&t.id),
                kind: t.kind.as_str(),
                current: t.id == track.id,
            })
            .collect(),
        rows,
    }
}
