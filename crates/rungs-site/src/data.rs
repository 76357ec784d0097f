//! `assets/data.js`: the framework in a compact form for the browser, used by
//! search and by comparisons of pairs that are not pre-rendered.
//!
//! It is a script (`window.RUNGS_DATA = ...`) rather than JSON so that it
//! loads from `file://`, where `fetch` is not allowed.

use serde::Serialize;

use rungs_core::AreaIndex;
use rungs_core::Framework;
use rungs_core::model::Statement;

use crate::urls;

#[derive(Serialize)]
struct Data<'a> {
    /// `[id, title]` in tree order.
    areas: Vec<(&'a str, &'a str)>,
    tracks: Vec<TrackData<'a>>,
    pages: Vec<PageData<'a>>,
    /// What the in-browser comparison needs of the similarity engine.
    similarity: Similarity,
    /// The labels of the levels' indicator facts, each once ("Time on
    /// Craft"); a level's `i` refers to them by position.
    facts: Vec<&'a str>,
}

/// The engine's stop words and thresholds, published rather than copied
/// into `rungs.js`.
#[derive(Serialize)]
struct Similarity {
    stop_words: Vec<&'static str>,
    #[serde(flatten)]
    thresholds: rungs_core::similarity::Thresholds,
}

#[derive(Serialize)]
struct TrackData<'a> {
    id: &'a str,
    title: &'a str,
    kind: &'static str,
    levels: Vec<LevelData<'a>>,
}

#[derive(Serialize)]
struct LevelData<'a> {
    id: &'a str,
    title: &'a str,
    rank: u32,
    grade: Option<&'a str>,
    summary: Option<&'a str>,
    /// Statements flattened: `[id, area, text]`, or `[id, area, text,
    /// name]` for a named statement; `area` is a position in `Data::areas`.
    /// (The script spells them out as `[id, area id, name, text]`, and adds
    /// each level's `url`: this file is the largest a site publishes.)
    s: Vec<StatementData<'a>>,
    /// Indicators as `[label position in Data::facts, value]` (see [`crate::facts`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    i: Vec<(usize, &'a str)>,
}

/// A statement in data.js (see [`LevelData::s`]).
#[derive(Serialize)]
#[serde(untagged)]
enum StatementData<'a> {
    Plain(&'a str, usize, &'a str),
    Named(&'a str, usize, &'a str, &'a str),
}

#[derive(Serialize)]
struct PageData<'a> {
    title: &'a str,
    url: String,
    text: String,
}

fn flatten<'a>(
    statements: &'a [Statement],
    areas: &std::collections::HashMap<&str, usize>,
    out: &mut Vec<StatementData<'a>>,
) {
    for s in statements {
        s.visit(&mut |x: &'a Statement| {
            // Statements of unknown areas are reported by validation; they
            // go with the first area rather than being lost from search.
            let area = areas.get(x.area.as_str()).copied().unwrap_or(0);
            out.push(match x.name.as_deref() {
                Some(name) => StatementData::Named(&x.id, area, &x.text, name),
                None => StatementData::Plain(&x.id, area, &x.text),
            })
        });
    }
}

/// Writes `assets/data.js`.
pub fn write_data_js(
    fw: &Framework,
    areas: &AreaIndex,
    facts: &crate::facts::FactsByLevel<'_>,
    boilerplate: &std::collections::HashSet<String>,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    // Labels repeat on every level: published once, in the order first met.
    let mut labels: Vec<&str> = Vec::new();
    let mut label_ids: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut level_facts: Vec<Vec<Vec<(usize, &str)>>> = Vec::with_capacity(fw.tracks.len());
    for t in &fw.tracks {
        let mut per_level = Vec::with_capacity(t.levels.len());
        for l in &t.levels {
            let mut pairs = Vec::new();
            for (label, value) in facts
                .get(&(t.id.as_str(), l.id.as_str()))
                .into_iter()
                .flatten()
            {
                let id = *label_ids.entry(label.as_str()).or_insert_with(|| {
                    labels.push(label.as_str());
                    labels.len() - 1
                });
                pairs.push((id, value.as_str()));
            }
            per_level.push(pairs);
        }
        level_facts.push(per_level);
    }
    let area_positions: std::collections::HashMap<&str, usize> = areas
        .order
        .iter()
        .enumerate()
        .map(|(i, a)| (a.as_str(), i))
        .collect();
    let data = Data {
        facts: labels,
        areas: areas
            .order
            .iter()
            .map(|id| (id.as_str(), areas.title(id)))
            .collect(),
        tracks: fw
            .tracks
            .iter()
            .zip(level_facts)
            .map(|(t, facts)| (t, boilerplate.contains(&t.id), facts))
            .map(|(t, boilerplate, facts)| TrackData {
                id: &t.id,
                title: &t.title,
                kind: t.kind.as_str(),
                levels: t
                    .levels
                    .iter()
                    .zip(facts)
                    .map(|(l, i)| {
                        let mut s = Vec::new();
                        flatten(&l.statements, &area_positions, &mut s);
                        LevelData {
                            id: &l.id,
                            title: &l.title,
                            rank: l.rank,
                            grade: l.grade.as_deref(),
                            summary: l.summary.as_deref().filter(|_| !boilerplate),
                            s,
                            i,
                        }
                    })
                    .collect(),
            })
            .collect(),
        pages: fw
            .pages
            .iter()
            .map(|p| PageData {
                title: &p.title,
                url: urls::page(&p.id),
                text: rungs_core::text::strip_inline_markup(&p.body),
            })
            .collect(),
        similarity: Similarity {
            stop_words: rungs_core::similarity::stop_words(),
            thresholds: rungs_core::similarity::THRESHOLDS,
        },
    };
    out.write_all(b"window.RUNGS_DATA=")?;
    serde_json::to_writer(&mut *out, &data)?;
    out.write_all(b";\n")?;
    out.flush()
}
