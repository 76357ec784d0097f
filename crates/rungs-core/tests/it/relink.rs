//! Statement identity across versions: edits made to the example's files,
//! reloaded, and relinked. Derived ids are recomputed by the loader, so these
//! exercise the rounds that follow words, not only ids.

use proptest::prelude::*;
use rungs_core::SourceSet;
use rungs_core::relink::{Fate, IdMap, StatementRef, relink};

fn load(set: &SourceSet) -> rungs_core::Framework {
    let loaded = rungs_core::load(set).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.diagnostics.errors(), 0, "{:?}", loaded.diagnostics);
    loaded.framework
}

/// A statement of the example written on one line of a Markdown level page,
/// with no examples or sub-statements: the ones a line edit can move.
#[derive(Clone, Debug)]
struct Line {
    old: StatementRef,
    file: String,
    /// Byte range of the whole line, newline included.
    start: usize,
    end: usize,
    text: String,
    /// `**Name**: text`: the name is kept when the text is rewritten.
    named: bool,
}

fn lines(set: &SourceSet) -> Vec<Line> {
    let fw = load(set);
    let mut out = Vec::new();
    for t in &fw.tracks {
        for l in &t.levels {
            for s in &l.statements {
                let file = s.span.file.to_string();
                if !file.ends_with(".md") || !s.children.is_empty() || !s.examples.is_empty() {
                    continue;
                }
                let Some(src) = set.get(&file).map(|f| f.text().to_string()) else {
                    continue;
                };
                let start = src[..s.span.start].rfind('\n').map_or(0, |i| i + 1);
                let end = src[s.span.start..]
                    .find('\n')
                    .map_or(src.len(), |i| s.span.start + i + 1);
                let line = &src[start..end];
                if !line.trim_start().starts_with("- ") || !line.contains(&s.text) {
                    continue;
                }
                out.push(Line {
                    old: StatementRef {
                        track: t.id.clone(),
                        level: l.id.clone(),
                        area: s.area.clone(),
                        id: s.id.clone(),
                    },
                    file,
                    start,
                    end,
                    text: s.text.clone(),
                    named: s.name.is_some(),
                });
            }
        }
    }
    out
}

/// The [`lines`] whose statement has a derived id.
fn derived(set: &SourceSet) -> Vec<Line> {
    lines(set)
        .into_iter()
        .filter(|l| {
            let src = file_text(set, &l.file);
            !src[l.start..l.end].contains("{#")
        })
        .collect()
}

fn file_text(set: &SourceSet, file: &str) -> String {
    set.get(file)
        .map(|f| f.text().to_string())
        .unwrap_or_else(|| panic!("no file {file}"))
}

/// Replaces the statement's words on its line.
fn rewrite(set: &SourceSet, line: &Line, new_text: &str) -> SourceSet {
    let src = file_text(set, &line.file);
    let old_line = &src[line.start..line.end];
    let new_line = old_line.replacen(&line.text, new_text, 1);
    let mut out = set.clone();
    out.insert(
        &line.file,
        format!("{}{new_line}{}", &src[..line.start], &src[line.end..]),
    );
    out
}

fn fate<'a>(map: &'a IdMap, r: &StatementRef) -> &'a Fate {
    map.fate(&r.track, &r.level, &r.id)
        .unwrap_or_else(|| panic!("no link for {r:?}"))
}

/// Every statement but `except` is unchanged (ids may be renumbered).
fn others_unchanged(map: &IdMap, except: &StatementRef) {
    assert!(!map.links.is_empty(), "no links");
    for link in &map.links {
        if link.old != *except {
            assert!(
                matches!(link.fate, Fate::Unchanged { .. }),
                "{:?} became {:?}",
                link.old,
                link.fate
            );
        }
    }
}

/// Swaps two letters in the middle of the statement's longest word.
fn typo(text: &str) -> Option<String> {
    let word = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .max_by_key(|w| w.len())?;
    if word.len() < 5 {
        return None;
    }
    let mid = word.len() / 2;
    let mut bytes = word.as_bytes().to_vec();
    bytes.swap(mid - 1, mid);
    if bytes == word.as_bytes() {
        return None;
    }
    let typo = String::from_utf8(bytes).ok()?;
    Some(text.replacen(word, &typo, 1))
}

#[test]
fn an_explicit_id_keeps_identity_whatever_the_words() {
    let set = SourceSet::example();
    let line = lines(&set)
        .into_iter()
        .find(|l| file_text(&set, &l.file)[l.start..l.end].contains("{#"))
        .unwrap_or_else(|| panic!("the example has no explicit id"));
    let changed = rewrite(&set, &line, "Entirely new words about glaciers.");
    let map = relink(&load(&set), &load(&changed));
    assert!(
        matches!(fate(&map, &line.old), Fate::Reworded { new, .. } if *new == line.old),
        "{:?}",
        fate(&map, &line.old)
    );
}

#[test]
fn an_unchanged_framework_relinks_to_itself() {
    let fw = load(&SourceSet::example());
    let map = relink(&fw, &fw);
    assert!(map.is_identity());
    assert_eq!(map.links.len(), fw.counts().statements);
    let index = map.by_old();
    assert_eq!(index.len(), map.links.len());
    for link in &map.links {
        let key = (
            link.old.track.as_str(),
            link.old.level.as_str(),
            link.old.id.as_str(),
        );
        assert_eq!(index.get(&key), Some(&&link.fate));
    }
}

#[test]
fn a_statement_split_in_two_and_two_merged_into_one_are_recognised() {
    let set = SourceSet::example();
    let all = lines(&set);
    // The longest single-line statement splits at its first comma or "and".
    let long = all
        .iter()
        .filter(|l| l.text.split_whitespace().count() >= 12)
        .max_by_key(|l| l.text.len())
        .unwrap_or_else(|| panic!("the example has no long statement"));
    let words: Vec<&str> = long.text.split_whitespace().collect();
    let (first, second) = words.split_at(words.len() / 2);
    let src = file_text(&set, &long.file);
    let indent =
        &src[long.start..long.end][..src[long.start..long.end].find('-').expect("a bullet")];
    let mut split = set.clone();
    split.insert(
        &long.file,
        format!(
            "{}{indent}- {}.\n{indent}- You also {}\n{}",
            &src[..long.start],
            first.join(" "),
            second.join(" "),
            &src[long.end..]
        ),
    );
    let (old, new) = (load(&set), load(&split));
    let map = relink(&old, &new);
    match fate(&map, &long.old) {
        Fate::Split { new } => {
            assert_eq!(new.len(), 2, "{new:?}");
            assert!(new.iter().all(|r| r.level == long.old.level));
        }
        other => panic!("expected a split, got {other:?}"),
    }
    assert!(map.added.is_empty(), "{:?}", map.added);

    // And back: the two halves merge into the original.
    let back = relink(&new, &old);
    let merged: Vec<&rungs_core::relink::Link> = back
        .links
        .iter()
        .filter(|l| matches!(l.fate, Fate::Merged { .. }))
        .collect();
    assert_eq!(merged.len(), 2, "{:?}", back.links);
    for link in merged {
        assert_eq!(link.fate.successor(), Some(&long.old));
        assert!(link.fate.needs_review());
    }
    assert!(back.added.is_empty());
}

#[test]
fn idmap_json_names_every_fate() {
    let set = SourceSet::example();
    // An explicit id is the author's word that the statement is the same:
    // take a derived one.
    let all = derived(&set);
    let line = &all[0];
    let changed = rewrite(
        &set,
        line,
        "Zebras juggle quantum marmalade at dawn regularly.",
    );
    let map = relink(&load(&set), &load(&changed));
    let json = serde_json::to_value(&map).unwrap_or_else(|e| panic!("{e}"));
    let links = json["links"]
        .as_array()
        .unwrap_or_else(|| panic!("no links in {json}"));
    assert!(
        links
            .iter()
            .any(|l| l["fate"] == "removed" && l["old"]["id"] == line.old.id.as_str())
    );
    assert!(links.iter().any(|l| l["fate"] == "unchanged"));
    assert_eq!(json["added"].as_array().map(Vec::len), Some(1));
    let back: IdMap = serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, map);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn a_typo_fix_keeps_identity(pick in any::<prop::sample::Index>()) {
        let set = SourceSet::example();
        let all: Vec<Line> = lines(&set).into_iter().filter(|l| typo(&l.text).is_some()).collect();
        let line = pick.get(&all);
        let fixed = typo(&line.text).expect("chosen among lines with a typo");
        let map = relink(&load(&set), &load(&rewrite(&set, line, &fixed)));
        match fate(&map, &line.old) {
            Fate::Reworded { new, similarity } => {
                prop_assert_eq!((&new.level, &new.area), (&line.old.level, &line.old.area));
                prop_assert!(*similarity >= 0.5);
            }
            other => prop_assert!(false, "{:?} became {:?}", line.old, other),
        }
        others_unchanged(&map, &line.old);
        prop_assert!(map.added.is_empty());
    }

    #[test]
    fn a_reword_that_keeps_most_words_keeps_identity(pick in any::<prop::sample::Index>()) {
        let set = SourceSet::example();
        let all: Vec<Line> = lines(&set)
            .into_iter()
            .filter(|l| l.text.split_whitespace().count() >= 8)
            .collect();
        let line = pick.get(&all);
        let reworded = format!("{}, and write it down for others", line.text.trim_end_matches('.'));
        let map = relink(&load(&set), &load(&rewrite(&set, line, &reworded)));
        prop_assert!(
            matches!(fate(&map, &line.old), Fate::Reworded { new, .. } if new.area == line.old.area),
            "{:?} became {:?}", line.old, fate(&map, &line.old)
        );
        others_unchanged(&map, &line.old);
    }

    #[test]
    fn a_reorder_keeps_every_identity(pick in any::<prop::sample::Index>()) {
        let set = SourceSet::example();
        let all = lines(&set);
        // Two consecutive lines of one area swap places.
        let pairs: Vec<(&Line, &Line)> = all
            .windows(2)
            .filter(|w| w[0].file == w[1].file && w[0].end == w[1].start && w[0].old.area == w[1].old.area)
            .map(|w| (&w[0], &w[1]))
            .collect();
        let (x, y) = pick.get(&pairs);
        let src = file_text(&set, &x.file);
        let mut swapped = set.clone();
        swapped.insert(&x.file, format!(
            "{}{}{}{}",
            &src[..x.start],
            &src[y.start..y.end],
            &src[x.start..x.end],
            &src[y.end..]
        ));
        let map = relink(&load(&set), &load(&swapped));
        prop_assert!(map.is_identity(), "{:?}", map.links.iter().filter(|l| !matches!(l.fate, Fate::Unchanged { .. })).collect::<Vec<_>>());
    }

    #[test]
    fn a_move_between_areas_follows_the_statement(pick in any::<prop::sample::Index>(), to in any::<prop::sample::Index>()) {
        let set = SourceSet::example();
        let all = lines(&set);
        let line = pick.get(&all);
        let src = file_text(&set, &line.file);
        // The `## ` headings of the same page, other than the statement's own area.
        let without = format!("{}{}", &src[..line.start], &src[line.end..]);
        let headings: Vec<usize> = without
            .match_indices("\n## ")
            .map(|(i, _)| i + 1)
            .filter(|&i| {
                let title = without[i + 3..].lines().next().expect("a heading has a line");
                !title.eq_ignore_ascii_case(&line.old.area)
            })
            .collect();
        prop_assume!(!headings.is_empty());
        let at = *to.get(&headings);
        let after = at + without[at..].find('\n').map_or(without.len() - at, |i| i + 1);
        let moved_line = src[line.start..line.end].trim_start().to_string();
        let mut moved = set.clone();
        moved.insert(&line.file, format!("{}{}{}", &without[..after], moved_line, &without[after..]));
        let new_loaded = rungs_core::load(&moved).unwrap_or_else(|e| panic!("{e}"));
        // A heading with sub-areas only takes no statement of its own: skip those.
        prop_assume!(new_loaded.diagnostics.errors() == 0);
        let map = relink(&load(&set), &new_loaded.framework);
        match fate(&map, &line.old) {
            Fate::Moved { new, similarity } => {
                prop_assert_eq!(&new.level, &line.old.level);
                prop_assert!(new.area != line.old.area);
                prop_assert_eq!(*similarity, 1.0);
            }
            other => prop_assert!(false, "{:?} became {:?}", line.old, other),
        }
        others_unchanged(&map, &line.old);
    }

    #[test]
    fn a_replaced_statement_never_maps_to_an_unrelated_one(pick in any::<prop::sample::Index>(), words in prop::collection::vec("(zebra|quantum|marmalade|kayak|nebula|pumpkin|saxophone|glacier)", 3..8)) {
        let set = SourceSet::example();
        // A name kept over new words still names the same statement.
        let all: Vec<Line> = derived(&set).into_iter().filter(|l| !l.named).collect();
        let line = pick.get(&all);
        let unrelated = format!("You {}.", words.join(" "));
        let map = relink(&load(&set), &load(&rewrite(&set, line, &unrelated)));
        prop_assert_eq!(fate(&map, &line.old), &Fate::Removed);
        prop_assert_eq!(map.added.len(), 1);
        others_unchanged(&map, &line.old);
    }

    #[test]
    fn a_removed_statement_is_removed(pick in any::<prop::sample::Index>()) {
        let set = SourceSet::example();
        let all = lines(&set);
        let line = pick.get(&all);
        let src = file_text(&set, &line.file);
        let mut removed = set.clone();
        removed.insert(&line.file, format!("{}{}", &src[..line.start], &src[line.end..]));
        let loaded = rungs_core::load(&removed).unwrap_or_else(|e| panic!("{e}"));
        // Removing an area's only statement may leave the area empty: an error.
        prop_assume!(loaded.diagnostics.errors() == 0);
        let map = relink(&load(&set), &loaded.framework);
        prop_assert_eq!(fate(&map, &line.old), &Fate::Removed);
        prop_assert!(map.added.is_empty());
        others_unchanged(&map, &line.old);
    }
}
