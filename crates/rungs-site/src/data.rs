//! `assets/data.js`: the framework in a compact form for the browser, used by
//! search and by comparisons of pairs that are not pre-rendered.
//!
//! It is a script (`window.RUNGS_DATA = ...`) rather than JSON so that it
//! loads from `file://`, where `fetch` is not allowed.

use std::borrow::Cow;

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
    /// How ids are derived from text, for the statements published
    /// without theirs (see [`Short::Derived`]).
    ids: IdRule,
}

/// The rule of `rungs_core::ids` for text in ASCII, published rather than
/// copied into `rungs.js`.
#[derive(Serialize)]
struct IdRule {
    /// Words an id leaves out.
    stop: &'static [&'static str],
    /// How many words an id takes.
    words: usize,
    /// How many letters of a word an id keeps.
    chars: usize,
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
    /// name]` for a named statement; `area` is a position in `Data::areas`
    /// and `id` is shortened (see [`short_id`]), or left out where the
    /// script derives it (`[area, text]`, `[area, text, name]`, or `~` for
    /// a sub-statement's; see [`published_id`]).
    /// (The script spells them out as `[id, area id, name, text]`, and adds
    /// each level's `url`: this file is the largest a site publishes.)
    s: Vec<StatementData<'a>>,
    /// Positions in `s` of the statements nested in another (sub-statements
    /// and examples), which a track's grid leaves out; absent when none is.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    n: Vec<usize>,
    /// Indicators as `[label position in Data::facts, value]` (see [`crate::facts`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    i: Vec<(usize, &'a str)>,
}

/// A statement in data.js (see [`LevelData::s`]).
#[derive(Serialize)]
#[serde(untagged)]
enum StatementData<'a> {
    Plain(Cow<'a, str>, usize, &'a str),
    Named(Cow<'a, str>, usize, &'a str, &'a str),
    /// `[area, text]`: the id is the one `rungs.js` derives from the text
    /// (see [`Short::Derived`]).
    Derived(usize, &'a str),
    /// `[area, text, name]`: the id is derived from the name.
    DerivedNamed(usize, &'a str, &'a str),
}

/// What `rungs.js` needs to spell a statement's id out again.
enum Short<'a> {
    /// Nothing: it derives the id from the statement's name or text as
    /// `rungs_core::ids` does (the area's id, `-` and the first meaningful
    /// words), which it can for text in ASCII.
    Derived,
    /// `~`: the same, after the anchor's id and `--` (a sub-statement).
    DerivedChild,
    /// The id, shortened (see [`short_id`]).
    Written(Cow<'a, str>),
}

/// The words `rungs.js` (`idWords`) derives an id from, or `None` for text
/// it does not derive ids for. The script mirrors the ASCII path of
/// [`rungs_core::text::key_words`], so ids are left out only where both
/// give the same words: the id is published whenever they would differ
/// (a `-2` suffix, an explicit id, text in another script).
fn script_words(key: &str) -> Option<String> {
    if !key.is_ascii() {
        return None;
    }
    Some(
        match rungs_core::text::key_words(key, rungs_core::ids::ID_WORDS) {
            w if w.is_empty() => "statement".to_string(),
            w => w,
        },
    )
}

/// A statement's id as published in data.js: left out when `rungs.js`
/// can work it out from `key` (the statement's name, or its text when it
/// has none), else shortened by [`short_id`]. Ids are a fifth of the
/// file, and nearly all of them are derived. `anchor` is updated.
fn published_id<'a>(id: &'a str, area: &str, key: &str, anchor: &mut Option<&'a str>) -> Short<'a> {
    let words = script_words(key);
    let words = words.as_deref();
    if let (Some(a), Some(w)) = (*anchor, words)
        && id
            .strip_prefix(a)
            .and_then(|r| r.strip_prefix("--"))
            .is_some_and(|r| r == w)
    {
        return Short::DerivedChild;
    }
    if let Some(w) = words
        && id
            .strip_prefix(area)
            .and_then(|r| r.strip_prefix('-'))
            .is_some_and(|r| r == w)
    {
        *anchor = Some(id);
        return Short::Derived;
    }
    Short::Written(short_id(id, area, anchor))
}

/// A statement's id as published in data.js. Derived ids begin with their
/// area's id, and an example's or a sub-statement's with its parent's, so
/// a fifth of the file would be those prefixes again:
///
/// - `~REST` is `ANCHOR--REST`, where the anchor is the id of the level's
///   last statement not written with `~` (its parent, or an ancestor);
/// - `-REST` is `AREA-REST`, `AREA` being the id of the statement's area as
///   published;
/// - `!ID` is `ID`, for an id that itself begins with `~`, `-` or `!`;
/// - any other id is written as it is.
///
/// `rungs.js` (`loadData`) spells them out again. `anchor` is updated.
fn short_id<'a>(id: &'a str, area: &str, anchor: &mut Option<&'a str>) -> Cow<'a, str> {
    if let Some(rest) = anchor
        .and_then(|a| id.strip_prefix(a))
        .and_then(|r| r.strip_prefix("--"))
        .filter(|r| !r.is_empty())
    {
        return Cow::Owned(format!("~{rest}"));
    }
    *anchor = Some(id);
    if let Some(rest) = id
        .strip_prefix(area)
        .and_then(|r| r.strip_prefix('-'))
        .filter(|r| !r.is_empty())
    {
        return Cow::Owned(format!("-{rest}"));
    }
    if id.starts_with(['~', '-', '!']) {
        return Cow::Owned(format!("!{id}"));
    }
    Cow::Borrowed(id)
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
    order: &[String],
    out: &mut Vec<StatementData<'a>>,
    nested: &mut Vec<usize>,
) {
    let mut anchor = None;
    for s in statements {
        let top = out.len();
        s.visit(&mut |x: &'a Statement| {
            // Statements of unknown areas are reported by validation; they
            // go with the first area rather than being lost from search.
            let area = areas.get(x.area.as_str()).copied().unwrap_or(0);
            let area_id = order.get(area).map_or("", String::as_str);
            // As `rungs.js` reads it: an empty name is no name.
            let name = x.name.as_deref().filter(|n| !n.is_empty());
            let key = name.unwrap_or(&x.text);
            out.push(
                match (published_id(&x.id, area_id, key, &mut anchor), name) {
                    (Short::Derived, None) => StatementData::Derived(area, &x.text),
                    (Short::Derived, Some(name)) => {
                        StatementData::DerivedNamed(area, &x.text, name)
                    }
                    (Short::DerivedChild, None) => {
                        StatementData::Plain(Cow::Borrowed("~"), area, &x.text)
                    }
                    (Short::DerivedChild, Some(name)) => {
                        StatementData::Named(Cow::Borrowed("~"), area, &x.text, name)
                    }
                    (Short::Written(id), None) => StatementData::Plain(id, area, &x.text),
                    (Short::Written(id), Some(name)) => {
                        StatementData::Named(id, area, &x.text, name)
                    }
                },
            )
        });
        nested.extend(top + 1..out.len());
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
                        let (mut s, mut n) = (Vec::new(), Vec::new());
                        flatten(&l.statements, &area_positions, &areas.order, &mut s, &mut n);
                        let summary = l.summary.as_deref().filter(|_| !boilerplate);
                        LevelData {
                            id: &l.id,
                            title: &l.title,
                            rank: l.rank,
                            grade: l.grade.as_deref(),
                            summary,
                            s,
                            n,
                            i,
                        }
                    })
                    .collect(),
            })
            .collect(),
        pages: fw
            .pages
            .iter()
            .map(|p| {
                let text = rungs_core::text::strip_inline_markup(&p.body);
                PageData {
                    title: &p.title,
                    url: urls::page(&p.id),
                    text,
                }
            })
            .collect(),
        ids: IdRule {
            stop: rungs_core::text::STOP_WORDS,
            words: rungs_core::ids::ID_WORDS,
            chars: rungs_core::text::MAX_ID_WORD_CHARS,
        },
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
