//! Matching one language's translations against the framework: what is
//! translated, stale, moved, orphaned or missing.

use std::collections::{HashMap, HashSet};

use similar::{ChangeTag, TextDiff};

use super::file::Entry;
use super::units::{SourceUnit, StatementPlace};
use super::{Coverage, Language, Resolved};
use crate::diagnostic::{Code, Diagnostic};
use crate::load::markdown::split_name;
use crate::model::{Framework, Level, Statement, Track};
use crate::relink::{Fate, relink};

/// What became of one entry.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    /// It translates the unit's current text.
    Current(usize),
    /// It translates an older text of the unit.
    Stale(usize),
    /// The unit now lives elsewhere (another level, area or id).
    Moved(usize),
    /// Nothing it could translate is left.
    Orphaned,
}

/// Checks the entries of language `code` against the framework's units.
pub(crate) fn check(
    code: &str,
    entries: Vec<Entry>,
    units: &[SourceUnit],
    fw: &Framework,
    diags: &mut Vec<Diagnostic>,
) -> Language {
    let index: HashMap<(&str, &str), usize> = units
        .iter()
        .enumerate()
        .map(|(i, u)| ((u.file.as_str(), u.key.as_str()), i))
        .collect();
    let successors = statement_successors(&entries, fw);
    // Each entry by its place, for examples to find their statement's
    // (the first of a place, as a scan from the start would) without a
    // scan per example; only when there are examples.
    let mut statement_entries: HashMap<(&str, &str), usize> = HashMap::new();
    if entries
        .iter()
        .any(|e| matches!(statement_of(&e.key), Some((_, Some(_)))))
    {
        for (n, e) in entries.iter().enumerate() {
            statement_entries
                .entry((&*e.file, e.key.as_str()))
                .or_insert(n);
        }
    }
    let mut status: Vec<Status> = Vec::with_capacity(entries.len());
    for (n, e) in entries.iter().enumerate() {
        let target = match statement_of(&e.key) {
            Some((_, example)) => {
                let parent = match example {
                    None => n,
                    Some(_) => parent_entry(&statement_entries, e).unwrap_or(usize::MAX),
                };
                successors.get(&parent).map(|(file, id, moved)| {
                    let key = match example {
                        None => format!("statements.{id}"),
                        Some(x) => format!("statements.{id}.examples.{x}"),
                    };
                    (index.get(&(file.as_str(), key.as_str())).copied(), *moved)
                })
            }
            None => Some((index.get(&(&*e.file, e.key.as_str())).copied(), false)),
        };
        status.push(match target {
            Some((Some(u), true)) => Status::Moved(u),
            Some((Some(u), false)) if units[u].source == e.source => Status::Current(u),
            Some((Some(u), false)) => Status::Stale(u),
            _ => Status::Orphaned,
        });
    }

    // Which entry each unit takes its translation from: one at the unit's
    // own place first, then one that moved there.
    // By unit position: a map keyed by position would hash every unit.
    let mut from: Vec<Option<usize>> = vec![None; units.len()];
    for pass in [false, true] {
        for (n, s) in status.iter().enumerate() {
            let u = match s {
                Status::Current(u) | Status::Stale(u) if !pass => *u,
                Status::Moved(u) if pass => *u,
                _ => continue,
            };
            if !entries[n].text.trim().is_empty() {
                from[u].get_or_insert(n);
            }
        }
    }

    let mut coverage = Coverage {
        total: units.len(),
        ..Coverage::default()
    };
    let mut resolved = HashMap::with_capacity(from.iter().flatten().count());
    for (u, &n) in from
        .iter()
        .enumerate()
        .filter_map(|(u, n)| n.as_ref().map(|n| (u, n)))
    {
        let stale = !matches!(status[n], Status::Current(_));
        if stale {
            coverage.stale += 1;
        } else {
            coverage.translated += 1;
        }
        resolved.insert(
            (units[u].file.clone(), units[u].key.clone()),
            Resolved {
                text: entries[n].text.clone(),
                stale,
                entry: (entries[n].file.to_string(), entries[n].key.clone()),
            },
        );
    }
    coverage.missing = from.iter().filter(|n| n.is_none()).count();

    for (n, s) in status.iter().enumerate() {
        let e = &entries[n];
        match s {
            Status::Current(_) => {}
            Status::Stale(u) => diags.push(stale(code, e, &units[*u])),
            Status::Moved(u) => diags.push(moved(code, e, &units[*u])),
            Status::Orphaned => {
                coverage.orphaned += 1;
                diags.push(
                    Diagnostic::warning(
                        Code::TranslationOrphaned,
                        format!("`{code}`: what this translates is no longer in the framework"),
                    )
                    .at(&e.span)
                    .label("translated from a removed text")
                    .help(format!(
                        "`{}` of `{}` is gone: delete this entry (`rungs diff` tells what became of it)",
                        e.key, e.file
                    )),
                );
            }
        }
    }
    missing(code, units, &from, &entries, diags);
    Language {
        code: code.to_string(),
        coverage,
        resolved,
        entries,
    }
}

/// Levels, as (track id, level id).
type Places<'a> = HashSet<(&'a str, &'a str)>;

/// For each statement entry (by position), the file, id and "moved" flag
/// of the statement that carries it on.
type Successors = HashMap<usize, (String, String, bool)>;

/// For each statement entry (by position), the file, id and "moved" flag
/// of the statement that carries it on, as `relink` finds it.
///
/// Levels translated whole from their current text are settled without
/// `relink` ([`settled_levels`]), which then weighs only the rest: a
/// translation kept up to date is most of a language, and relinking all of
/// it was a large part of loading one.
fn statement_successors(entries: &[Entry], fw: &Framework) -> Successors {
    successors(entries, fw, true)
}

/// [`statement_successors`], with settled levels linked without `relink`
/// (`settle`) or by it, as everything else (for the tests to compare).
fn successors(entries: &[Entry], fw: &Framework, settle: bool) -> Successors {
    let (settled, mut out) = if settle {
        settled_levels(entries, fw)
    } else {
        (HashSet::new(), HashMap::new())
    };
    let unsettled = |track: &str, level: &str| !settled.contains(&(track, level));
    if entries.iter().all(|e| {
        !matches!(statement_of(&e.key), Some((_, None)))
            || level_of(&e.file).is_none_or(|(t, l)| !unsettled(t, l))
    }) {
        return out;
    }
    // The statements of the settled levels are taken: `relink` would link
    // each to its own entry first, so they are left out of what the rest
    // can link to.
    let rest;
    let fw = if settled.is_empty() {
        fw
    } else {
        rest = Framework {
            tracks: fw
                .tracks
                .iter()
                .map(|t| Track {
                    id: t.id.clone(),
                    levels: t
                        .levels
                        .iter()
                        .filter(|l| unsettled(&t.id, &l.id))
                        .cloned()
                        .collect(),
                    ..Track::default()
                })
                .collect(),
            ..Framework::default()
        };
        &rest
    };
    let mut old = Framework::default();
    let explicit: HashSet<(&str, &str, &str)> = fw
        .tracks
        .iter()
        .flat_map(|t| t.levels.iter().map(move |l| (t, l)))
        .flat_map(|(t, l)| {
            l.statements
                .iter()
                .flat_map(Statement::walk)
                .filter(|s| s.explicit_id)
                .map(move |s| (t.id.as_str(), l.id.as_str(), s.id.as_str()))
        })
        .collect();
    let mut at: HashMap<(String, String, String), usize> = HashMap::new();
    let mut track_at: HashMap<&str, usize> = HashMap::new();
    let mut level_at: HashMap<(&str, &str), usize> = HashMap::new();
    for (n, e) in entries.iter().enumerate() {
        let Some((id, None)) = statement_of(&e.key) else {
            continue;
        };
        let Some((track, level)) = level_of(&e.file) else {
            continue;
        };
        if !unsettled(track, level) {
            continue;
        }
        let (name, text) = split_name(&e.source);
        let statement = Statement {
            id: id.to_string(),
            explicit_id: explicit.contains(&(track, level, id)),
            area: e.area.clone().unwrap_or_default(),
            name,
            text: text.trim().to_string(),
            ..Statement::default()
        };
        // Tracks and levels by id: a scan per entry would cost tracks ×
        // entries on a ladder of a thousand tracks.
        let t = *track_at.entry(track).or_insert_with(|| {
            old.tracks.push(Track {
                id: track.to_string(),
                ..Track::default()
            });
            old.tracks.len() - 1
        });
        let levels = &mut old.tracks[t].levels;
        let l = *level_at.entry((track, level)).or_insert_with(|| {
            levels.push(Level {
                id: level.to_string(),
                ..Level::default()
            });
            levels.len() - 1
        });
        levels[l].statements.push(statement);
        at.insert((track.to_string(), level.to_string(), id.to_string()), n);
    }
    if at.is_empty() {
        return out;
    }
    let map = relink(&old, fw);
    for link in map.links {
        let key = (
            link.old.track.clone(),
            link.old.level.clone(),
            link.old.id.clone(),
        );
        let Some(&n) = at.get(&key) else { continue };
        let Some(new) = link.fate.successor() else {
            continue;
        };
        let area_moved = entries[n].area.as_ref().is_some_and(|a| *a != new.area);
        // A new id in the same place is a rewording (a derived id follows
        // the first words), not a move.
        let moved = matches!(link.fate, Fate::Moved { .. })
            || new.track != link.old.track
            || new.level != link.old.level
            || area_moved;
        out.insert(
            n,
            (
                format!("tracks/{}/{}.yaml", new.track, new.level),
                new.id.clone(),
                moved,
            ),
        );
    }
    out
}

/// The levels whose statement entries `relink` links one to one, in its
/// first round, to the level's statements (each entry to the statement of
/// its id, translated from its current words or with an explicit id), with
/// no statement of the level left over; and the successors of those
/// entries, as `relink` gives them. Nothing else can change what becomes
/// of such a level's statements: its later rounds weigh only statements
/// left unlinked, and splits and merges are looked for within a level that
/// has one. Levels whose id appears twice are left to `relink`.
fn settled_levels<'a>(entries: &'a [Entry], fw: &'a Framework) -> (Places<'a>, Successors) {
    let mut per_level: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (n, e) in entries.iter().enumerate() {
        if let (Some((_, None)), Some(place)) = (statement_of(&e.key), level_of(&e.file)) {
            per_level.entry(place).or_default().push(n);
        }
    }
    let mut levels_seen: HashMap<(&str, &str), usize> = HashMap::new();
    for t in &fw.tracks {
        for l in &t.levels {
            *levels_seen.entry((&t.id, &l.id)).or_default() += 1;
        }
    }
    let mut settled = HashSet::new();
    let mut out = HashMap::new();
    for t in &fw.tracks {
        'level: for l in &t.levels {
            let Some((&place, ns)) = per_level.get_key_value(&(t.id.as_str(), l.id.as_str()))
            else {
                continue;
            };
            if levels_seen.get(&place) != Some(&1) {
                continue;
            }
            let mut by_id: HashMap<&str, &Statement> = HashMap::new();
            for s in l.statements.iter().flat_map(Statement::walk) {
                if by_id.insert(&s.id, s).is_some() {
                    continue 'level;
                }
            }
            if by_id.len() != ns.len() {
                continue;
            }
            let mut found = Vec::with_capacity(ns.len());
            for &n in ns {
                let e = &entries[n];
                let Some((id, _)) = statement_of(&e.key) else {
                    continue 'level;
                };
                let Some(s) = by_id.remove(id) else {
                    continue 'level;
                };
                let (name, text) = split_name(&e.source);
                if !(s.explicit_id || (s.text == text.trim() && s.name == name)) {
                    continue 'level;
                }
                // `relink` places the entry in the area it names (none is
                // an area of its own): elsewhere, it moved.
                let moved = e.area.as_deref().unwrap_or_default() != s.area;
                found.push((n, (e.file.to_string(), id.to_string(), moved)));
            }
            settled.insert(place);
            out.extend(found);
        }
    }
    (settled, out)
}

/// `statements.<id>` → (id, None); `statements.<id>.examples.<n>` → (id, Some(n)).
pub(crate) fn statement_of(key: &str) -> Option<(&str, Option<usize>)> {
    let rest = key.strip_prefix("statements.")?;
    match rest.split_once(".examples.") {
        Some((id, n)) => Some((id, Some(n.parse().ok()?))),
        None => Some((rest, None)),
    }
}

/// `tracks/<track>/<level>.yaml` → (track, level).
pub(crate) fn level_of(file: &str) -> Option<(&str, &str)> {
    let rest = file.strip_prefix("tracks/")?.strip_suffix(".yaml")?;
    let (track, level) = rest.split_once('/')?;
    (level != "_index" && !level.contains('/')).then_some((track, level))
}

fn parent_entry(statement_entries: &HashMap<(&str, &str), usize>, e: &Entry) -> Option<usize> {
    let (id, _) = statement_of(&e.key)?;
    let key = format!("statements.{id}");
    statement_entries.get(&(&*e.file, key.as_str())).copied()
}

fn place(p: &StatementPlace) -> String {
    format!(
        "`{}/{}`, area `{}`, id `{}`",
        p.track, p.level, p.area, p.id
    )
}

fn stale(code: &str, e: &Entry, u: &SourceUnit) -> Diagnostic {
    Diagnostic::warning(
        Code::TranslationStale,
        format!("`{code}`: the source was reworded since this was translated"),
    )
    .at(&e.span)
    .label("translated from this text")
    .help(format!(
        "the source now reads (old → new): {}\n\
         update `text`, then copy the new source into `source`{}",
        word_diff(&e.source, &u.source),
        if e.key == u.key {
            String::new()
        } else {
            format!(
                "; the statement's id is now `{}`: rename the key",
                u.key.trim_start_matches("statements.")
            )
        }
    ))
}

fn moved(code: &str, e: &Entry, u: &SourceUnit) -> Diagnostic {
    let to = u.statement.as_ref().map_or_else(|| u.key.clone(), place);
    let reworded = if e.source == u.source {
        String::new()
    } else {
        format!(
            "; its words changed too (old → new): {}",
            word_diff(&e.source, &u.source)
        )
    };
    Diagnostic::warning(
        Code::TranslationMoved,
        format!("`{code}`: this statement moved to {to}"),
    )
    .at(&e.span)
    .label("translated here")
    .help(format!(
        "move the entry to translations/{code}/{} as `{}`{}{reworded}",
        u.file,
        u.key,
        u.statement
            .as_ref()
            .map_or_else(String::new, |p| format!(" with `area: {}`", p.area)),
    ))
}

/// One warning per text with no translation; one per file when the
/// language has nothing for a whole file.
fn missing(
    code: &str,
    units: &[SourceUnit],
    from: &[Option<usize>],
    entries: &[Entry],
    diags: &mut Vec<Diagnostic>,
) {
    // A file whose texts are all untranslated (as `init` writes it) is one
    // warning, not one per text.
    let files_with_entries: HashSet<&str> = entries
        .iter()
        .filter(|e| !e.text.trim().is_empty())
        .map(|e| &*e.file)
        .collect();
    let mut whole: Vec<(&str, usize, &SourceUnit)> = Vec::new();
    // Each file's place in `whole`: a language just started has thousands.
    let mut whole_at: HashMap<&str, usize> = HashMap::new();
    for (u, unit) in units.iter().enumerate() {
        if from[u].is_some() {
            continue;
        }
        if !files_with_entries.contains(unit.file.as_str()) {
            match whole_at.get(unit.file.as_str()) {
                Some(&w) => whole[w].1 += 1,
                None => {
                    whole_at.insert(&unit.file, whole.len());
                    whole.push((&unit.file, 1, unit));
                }
            }
            continue;
        }
        let what = match &unit.statement {
            Some(p) => format!("statement `{}`", p.id),
            None => format!("`{}`", unit.key),
        };
        diags.push(
            Diagnostic::warning(
                Code::TranslationMissing,
                format!("`{code}`: {what} of `{}` has no translation", unit.source_file),
            )
            .at(&unit.span)
            .help(format!(
                "add `{}` to translations/{code}/{} (`rungs translate export --lang {code}` lists what is missing)",
                unit.key, unit.file
            )),
        );
    }
    for (file, count, first) in whole {
        diags.push(
            Diagnostic::warning(
                Code::TranslationMissing,
                format!(
                    "`{code}`: `{}` has no translation ({count} text{})",
                    first.source_file,
                    if count == 1 { "" } else { "s" }
                ),
            )
            .at(&first.span)
            .help(format!(
                "write translations/{code}/{file}; `rungs translate init --lang {code}` starts it"
            )),
        );
    }
}

/// The words of `old` and `new` with what changed marked, as `git diff
/// --word-diff` does: `[-removed-]{+added+}`.
pub fn word_diff(old: &str, new: &str) -> String {
    let (a, b) = (words(old), words(new));
    let diff = TextDiff::from_slices(&a, &b);
    let tokens: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let space = |t: &(ChangeTag, &str)| t.0 == ChangeTag::Equal && t.1.trim().is_empty();
    let mut out = String::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].0 == ChangeTag::Equal {
            out.push_str(tokens[i].1);
            i += 1;
            continue;
        }
        // A group of changes, with the spaces between them.
        let (mut del, mut ins) = (String::new(), String::new());
        let mut j = i;
        while j < tokens.len() {
            let t = tokens[j];
            if t.0 == ChangeTag::Equal {
                let next_change = tokens[j + 1..]
                    .iter()
                    .find(|t| !space(t))
                    .is_some_and(|t| t.0 != ChangeTag::Equal);
                if !space(&t) || !next_change {
                    break;
                }
                del.push_str(t.1);
                ins.push_str(t.1);
            } else if t.0 == ChangeTag::Delete {
                del.push_str(t.1);
            } else {
                ins.push_str(t.1);
            }
            j += 1;
        }
        let parts: Vec<&String> = [&del, &ins]
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .collect();
        if let Some(first) = parts.first()
            && !out.ends_with(char::is_whitespace)
            && parts.iter().all(|p| p.starts_with(char::is_whitespace))
        {
            out.push_str(&first[..first.len() - first.trim_start().len()]);
        }
        if !del.trim().is_empty() {
            out.push_str(&format!("[-{}-]", del.trim()));
        }
        if !ins.trim().is_empty() {
            out.push_str(&format!("{{+{}+}}", ins.trim()));
        }
        let trailing = del.ends_with(char::is_whitespace) || ins.ends_with(char::is_whitespace);
        let next_space = tokens
            .get(j)
            .is_none_or(|t| t.1.starts_with(char::is_whitespace));
        if trailing && !next_space && !out.ends_with(char::is_whitespace) {
            out.push(' ');
        }
        i = j;
    }
    out
}

/// Words, runs of white space and single punctuation marks; in scripts
/// written without spaces (Chinese, Japanese), single characters.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let class = |c: char| {
        if c.is_whitespace() {
            1
        } else if c.is_alphanumeric() && c.len_utf8() < 3 {
            2
        } else {
            0
        }
    };
    let mut prev: Option<u8> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        if i > start && (prev != Some(k) || k == 0) {
            out.push(&text[start..i]);
            start = i;
        }
        prev = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::word_diff;

    /// The example with each `(path, from, to)` replaced once.
    fn edited(edits: &[(&str, &str, &str)]) -> crate::SourceSet {
        let mut set = crate::SourceSet::example();
        for (path, from, to) in edits {
            let text = set.get(path).map(|f| f.text().to_string());
            let text = text.unwrap_or_else(|| panic!("the example has no {path}"));
            assert!(text.contains(from), "{path} lacks {from:?}");
            set.insert(path, text.replacen(from, to, 1));
        }
        set
    }

    #[test]
    fn settled_levels_link_as_relink_does() {
        let senior = "tracks/engineering/senior.md";
        let engineer = "tracks/engineering/engineer.md";
        let reversible = "- You ship in small, reversible steps.\n";
        let cases: &[&[(&str, &str, &str)]] = &[
            &[],
            // Reworded, keeping and changing the derived id.
            &[(
                senior,
                "thoroughly, kindly and quickly.",
                "thoroughly and kindly.",
            )],
            &[(
                senior,
                "You have deep knowledge",
                "You have expert knowledge",
            )],
            // Removed; added; moved to another level.
            &[(engineer, reversible, "")],
            &[(
                senior,
                "## Delivery\n\n",
                "## Delivery\n\n- You write runbooks.\n",
            )],
            &[
                (engineer, reversible, ""),
                (
                    senior,
                    "## Delivery\n\n",
                    &format!("## Delivery\n\n{reversible}"),
                ),
            ],
        ];
        let mut settled = 0;
        for edits in cases {
            let loaded = crate::load(&edited(edits)).unwrap_or_else(|e| panic!("{e}"));
            let languages = loaded.translations.languages();
            assert!(!languages.is_empty(), "the example is translated");
            for lang in languages {
                let fw = &loaded.framework;
                let fast = super::successors(&lang.entries, fw, true);
                assert_eq!(
                    fast,
                    super::successors(&lang.entries, fw, false),
                    "{edits:?}"
                );
                settled += super::settled_levels(&lang.entries, fw).0.len();
            }
        }
        assert!(settled > 0, "some levels are settled without relink");
    }

    #[test]
    fn word_diffs() {
        assert_eq!(
            word_diff(
                "You review code kindly.",
                "You review code and designs kindly."
            ),
            "You review code {+and designs+} kindly."
        );
        assert_eq!(
            word_diff(
                "thoroughly, kindly and quickly.",
                "thoroughly and kindly, within a day."
            ),
            "thoroughly {+and kindly+}, [-kindly and quickly-]{+within a day+}."
        );
        assert_eq!(
            word_diff("コードを書く", "コードを読む"),
            "コードを[-書く-]{+読む+}"
        );
        assert_eq!(word_diff("a b c", "a x c"), "a [-b-]{+x+} c");
    }
}
