//! Level mapping: identity on itself and on a shuffled, partly reworded copy;
//! monotone; pins respected.

use rungs_core::SourceSet;
use rungs_core::map::{map_levels, shared_areas};
use rungs_core::model::Level;

fn example() -> rungs_core::Framework {
    rungs_core::load(&SourceSet::example())
        .unwrap_or_else(|e| panic!("{e}"))
        .framework
}

fn assert_identity(mapping: &rungs_core::map::Mapping) {
    assert!(!mapping.matches.is_empty(), "no matches");
    for m in &mapping.matches {
        assert_eq!(
            (m.b_first, m.b_last),
            (m.a, m.a),
            "{} mapped to {}..{}",
            mapping.a[m.a],
            m.b_first,
            m.b_last
        );
    }
}

#[test]
fn a_ladder_maps_to_itself() {
    let fw = example();
    let eng = fw
        .track("engineering")
        .unwrap_or_else(|| panic!("engineering"));
    let levels: Vec<&Level> = eng.levels.iter().collect();
    let mapping = map_levels(&levels, &levels, &shared_areas(&fw, &fw), &[])
        .unwrap_or_else(|e| panic!("{e}"));
    assert_identity(&mapping);
    for m in &mapping.matches {
        assert!(m.similarity > 0.99 && m.confidence > 0.6, "{m:?}");
        assert!(!m.terms.is_empty() && m.closest.is_some());
    }
}

/// Reverses the statements of every area and rewords every fifth statement.
fn shuffled_and_reworded(level: &Level) -> Level {
    let mut copy = level.clone();
    copy.statements.reverse();
    copy.statements.sort_by_key(|s| s.area.clone());
    for (i, s) in copy.statements.iter_mut().enumerate() {
        if i % 5 == 0 {
            let words: Vec<&str> = s.text.split_whitespace().collect();
            // Drop a word, swap two, and add one: a real rewording, same topic.
            let mut new: Vec<String> = words.iter().skip(1).map(|w| w.to_string()).collect();
            if new.len() > 3 {
                new.swap(1, 2);
            }
            new.push("consistently".into());
            s.text = new.join(" ");
        }
    }
    copy
}

#[test]
fn a_shuffled_reworded_copy_still_maps_to_the_identity() {
    let fw = example();
    for track in ["engineering", "engineering-management"] {
        let t = fw.track(track).unwrap_or_else(|| panic!("{track}"));
        let ladder: Vec<&Level> = fw.ladder(t).into_iter().map(|(_, l)| l).collect();
        let copies: Vec<Level> = ladder.iter().map(|l| shuffled_and_reworded(l)).collect();
        let copy_refs: Vec<&Level> = copies.iter().collect();
        let mapping = map_levels(&ladder, &copy_refs, &shared_areas(&fw, &fw), &[])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_identity(&mapping);
    }
}

#[test]
fn alignment_is_monotone_and_respects_pins() {
    let fw = example();
    let eng = fw
        .track("engineering")
        .unwrap_or_else(|| panic!("engineering"));
    let a: Vec<&Level> = eng.levels.iter().collect();
    let b: Vec<&Level> = eng.levels.iter().step_by(2).collect(); // 3 of the 6 levels
    let mapping = map_levels(&a, &b, &[], &[]).unwrap_or_else(|e| panic!("{e}"));
    let spans: Vec<(usize, usize)> = mapping
        .matches
        .iter()
        .map(|m| (m.b_first, m.b_last))
        .collect();
    assert!(
        spans
            .windows(2)
            .all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1),
        "{spans:?}"
    );
    assert_eq!(spans.first().map(|s| s.0), Some(0));
    assert_eq!(spans.last().map(|s| s.1), Some(b.len() - 1));
    let pinned = map_levels(&a, &b, &[], &[(1, 2)]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (pinned.matches[1].b_first, pinned.matches[1].b_last),
        (2, 2)
    );
    assert!(
        map_levels(&a, &b, &[], &[(1, 2), (3, 0)]).is_err(),
        "crossing pins"
    );
    assert!(map_levels(&a, &[], &[], &[]).is_err());
}

#[test]
fn impossible_pins_are_refused_with_a_reason() {
    use rungs_core::map::MapError;
    let fw = example();
    let eng = fw
        .track("engineering")
        .unwrap_or_else(|| panic!("engineering"));
    let levels: Vec<&Level> = eng.levels.iter().collect();
    let n = levels.len();
    let map = |pins: &[(usize, usize)]| map_levels(&levels, &levels, &[], pins);
    // The first level of A pinned to the third of B would leave B's first
    // two levels with no match: before, every level was mapped to column 0.
    match map(&[(0, 2)]) {
        Err(MapError::ImpossiblePins { a: 1, b: 3 }) => {}
        other => panic!("expected ImpossiblePins, got {other:?}"),
    }
    assert!(matches!(
        map(&[(0, n)]),
        Err(MapError::PinOutOfRange { side: "B", .. })
    ));
    assert!(matches!(
        map(&[(1, 1), (1, 2)]),
        Err(MapError::ConflictingPins { a: 1, b1: 1, b2: 2 })
    ));
    assert!(matches!(
        map(&[(1, 2), (2, 1)]),
        Err(MapError::CrossingPins)
    ));
    // A pin that can hold is honoured.
    let pinned = map(&[(1, 2)]).unwrap_or_else(|e| panic!("{e}"));
    assert!((pinned.matches[1].b_first..=pinned.matches[1].b_last).contains(&2));
    let message = map(&[(0, 2)]).map(|_| ()).err().map(|e| e.to_string());
    assert!(
        message
            .as_deref()
            .is_some_and(|m| m.contains("level 1 of A") && m.contains("level 3 of B")),
        "{message:?}"
    );
}

#[test]
fn a_match_the_words_do_not_decide_says_so_with_its_candidates() {
    let fw = example();
    let eng = fw
        .track("engineering")
        .unwrap_or_else(|| panic!("engineering"));
    let levels: Vec<&Level> = eng.levels.iter().collect();
    // Against itself every match is clear.
    let clear = map_levels(&levels, &levels, &shared_areas(&fw, &fw), &[])
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        clear
            .matches
            .iter()
            .all(|m| !m.uncertain && m.candidates.is_empty())
    );
    // Against levels whose words say the same thing at every rank, nothing is.
    let same = |id: &str, rank: u32| {
        let mut l = Level {
            id: id.into(),
            rank,
            title: id.into(),
            statements: vec![rungs_core::model::Statement {
                area: "craft".into(),
                text: "You write code that works and you review the code of others.".into(),
                ..Default::default()
            }],
            ..Level::default()
        };
        l.assign_ids();
        l
    };
    // One level against a ladder of one: nothing else it could be.
    let single =
        map_levels(&levels[2..3], &levels[2..3], &[], &[]).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !single.matches[0].uncertain && single.matches[0].confidence > 0.9,
        "{single:?}"
    );
    let flat = [same("one", 1), same("two", 2), same("three", 3)];
    let flat: Vec<&Level> = flat.iter().collect();
    let vague = map_levels(&levels[..3], &flat, &[], &[]).unwrap_or_else(|e| panic!("{e}"));
    assert!(!vague.matches.is_empty(), "no matches");
    for m in &vague.matches {
        assert!(m.uncertain, "{m:?}");
        assert!(
            (2..=3).contains(&m.candidates.len()),
            "two or three candidates: {m:?}"
        );
        assert!(m.confidence < rungs_core::map::UNCERTAIN_BELOW || m.b_last >= m.b_first + 2);
    }
}

#[test]
fn titles_and_years_decide_where_the_words_do_not() {
    let level = |title: &str, rank: u32, years: Option<f64>| {
        let mut l = Level {
            id: rungs_core::text::slug(title),
            rank,
            title: title.into(),
            statements: vec![rungs_core::model::Statement {
                area: "craft".into(),
                text: "You write code that works and you review the code of others.".into(),
                ..Default::default()
            }],
            ..Level::default()
        };
        l.indicators.experience = years.map(|min| rungs_core::model::YearRange { min, max: None });
        l.assign_ids();
        l
    };
    let a = [
        level("Junior Developer", 1, Some(0.0)),
        level("Senior Developer", 2, Some(5.0)),
        level("Principal Developer", 3, Some(12.0)),
    ];
    let b = [
        level("Associate Engineer", 1, Some(0.0)),
        level("Engineer", 2, Some(2.0)),
        level("Senior Engineer", 3, Some(5.0)),
        level("Staff Engineer", 4, Some(8.0)),
        level("Principal Engineer", 5, Some(12.0)),
    ];
    let (a, b): (Vec<&Level>, Vec<&Level>) = (a.iter().collect(), b.iter().collect());
    let mapping = map_levels(&a, &b, &[], &[]).unwrap_or_else(|e| panic!("{e}"));
    let senior = &mapping.matches[1];
    let best = (senior.b_first..=senior.b_last).find(|j| mapping.b[*j] == "Senior Engineer");
    assert!(
        best.is_some(),
        "Senior Developer → {}..{} of {:?}",
        senior.b_first,
        senior.b_last,
        mapping.b
    );
    assert!(
        senior
            .evidence
            .iter()
            .any(|e| e == "both titles say Senior")
            && senior.evidence.iter().any(|e| e.contains("5+ years")),
        "{:?}",
        senior.evidence
    );
}

/// A level with these statements and title, for the tests below.
fn written(id: &str, rank: u32, title: &str, texts: &[&str]) -> Level {
    let mut l = Level {
        id: id.into(),
        rank,
        title: title.into(),
        statements: texts
            .iter()
            .map(|t| rungs_core::model::Statement {
                area: "craft".into(),
                text: (*t).into(),
                ..Default::default()
            })
            .collect(),
        ..Level::default()
    };
    l.assign_ids();
    l
}

#[test]
fn a_match_on_position_alone_or_on_no_shared_words_is_not_sure_and_says_why() {
    let fw = example();
    let eng = fw
        .track("engineering")
        .unwrap_or_else(|| panic!("engineering"));
    let ours: Vec<&Level> = eng.levels.iter().take(3).collect();
    // A ladder in another language: titles with no seniority word, and no
    // word in common with ours. Only the places in the ladders can agree.
    let theirs = [
        written(
            "stufe-1",
            1,
            "Stufe 1",
            &["Du lernst die Werkzeuge des Teams kennen."],
        ),
        written(
            "stufe-2",
            2,
            "Stufe 2",
            &["Du lieferst Aufgaben und Code selbstständig."],
        ),
        written(
            "stufe-3",
            3,
            "Stufe 3",
            &["Du leitest Vorhaben und begleitest andere."],
        ),
    ];
    let theirs: Vec<&Level> = theirs.iter().collect();
    let mapping = map_levels(&theirs, &ours, &[], &[]).unwrap_or_else(|e| panic!("{e}"));
    for m in &mapping.matches {
        assert!(m.uncertain && m.confidence <= 0.6, "{m:?}");
        assert!(
            m.doubts.iter().any(|d| d.contains("barely share a word")
                || d.contains("only their places")
                || d.contains("cannot tell")),
            "{:?}",
            m.doubts
        );
    }
}

#[test]
fn titles_that_name_different_steps_are_not_sure() {
    let same = ["You build features end to end and review the code of others."];
    let a = [
        written("engineer", 1, "Engineer", &same),
        written("senior-2", 2, "Senior Engineer 2", &same),
    ];
    let b = [
        written("engineer", 1, "Engineer", &same),
        written("senior-1", 2, "Senior Engineer 1", &same),
    ];
    let (a, b): (Vec<&Level>, Vec<&Level>) = (a.iter().collect(), b.iter().collect());
    let mapping = map_levels(&a, &b, &[], &[]).unwrap_or_else(|e| panic!("{e}"));
    let m = &mapping.matches[1];
    assert_eq!(m.b_best, 1);
    assert!(m.uncertain, "{m:?}");
    assert!(
        m.doubts
            .iter()
            .any(|d| d == "the titles name different steps (Senior 2 and Senior 1)"),
        "{:?}",
        m.doubts
    );
    assert!(
        m.evidence
            .iter()
            .any(|e| e == "titles name different steps: Senior 2 and Senior 1"),
        "{:?}",
        m.evidence
    );
    // Every not-sure match says why.
    for m in &mapping.matches {
        assert_eq!(m.uncertain, !m.doubts.is_empty(), "{m:?}");
    }
}

/// One side of a reference pair: the example's track, or a public ladder
/// read from ../shared/fixtures (`None` when the fixtures are absent).
fn reference_side(side: &toml::Value) -> Option<(String, rungs_core::Framework, String)> {
    if let Some(track) = side.get("example").and_then(|v| v.as_str()) {
        return Some((format!("example/{track}"), example(), track.to_string()));
    }
    let name = side["fixture"]
        .as_str()
        .unwrap_or_else(|| panic!("a side names an example or a fixture: {side:?}"));
    let dir = crate::support::shared_fixture(name)?;
    let format = rungs_core::import::FORMATS
        .iter()
        .find(|f| Some(f.name) == side["format"].as_str())
        .unwrap_or_else(|| panic!("format of {name}"));
    let sources = SourceSet::read_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let fw = format
        .import(&sources)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .framework;
    let track = match side.get("track").and_then(|v| v.as_str()) {
        Some(t) => t.to_string(),
        None => fw.tracks[0].id.clone(),
    };
    Some((format!("{name}/{track}"), fw, track))
}

/// Our reference mappings (tests/map-reference.toml): every level within
/// one of the reference, at least 4 in 5 exact, and the misses printed.
#[test]
fn reference_mappings_hold_within_one_level() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/map-reference.toml"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let reference: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let (mut total, mut exact, mut near) = (0, 0, 0);
    let mut misses = Vec::new();
    // (confidence, right) of every match, to see how well it separates.
    let mut judged: Vec<(f64, bool)> = Vec::new();
    for pair in reference["pair"].as_array().into_iter().flatten() {
        let (Some((name_a, fw_a, track_a)), Some((name_b, fw_b, track_b))) =
            (reference_side(&pair["a"]), reference_side(&pair["b"]))
        else {
            return;
        };
        let ladder = |fw: &rungs_core::Framework, track: &str| -> Vec<Level> {
            let t = fw
                .track(track)
                .unwrap_or_else(|| panic!("no track {track}"));
            fw.ladder(t).into_iter().map(|(_, l)| l.clone()).collect()
        };
        let (a, b) = (ladder(&fw_a, &track_a), ladder(&fw_b, &track_b));
        let (a, b): (Vec<&Level>, Vec<&Level>) = (a.iter().collect(), b.iter().collect());
        let mapping =
            map_levels(&a, &b, &shared_areas(&fw_a, &fw_b), &[]).unwrap_or_else(|e| panic!("{e}"));
        let expect = pair["expect"]
            .as_table()
            .unwrap_or_else(|| panic!("expect"));
        assert_eq!(expect.len(), a.len(), "{name_a}: one reference per level");
        for m in &mapping.matches {
            let id = &a[m.a].id;
            let want = expect
                .get(id.as_str())
                .and_then(|e| e["level"].as_str())
                .unwrap_or_else(|| panic!("{name_a}: no reference for {id}"));
            let want = b
                .iter()
                .position(|l| l.id == want)
                .unwrap_or_else(|| panic!("{name_b} has no level {want}"));
            total += 1;
            judged.push((m.confidence, m.b_best == want));
            if m.uncertain {
                eprintln!(
                    "  not sure: {name_a} → {name_b}: {id} → {} (similarity {}): {}",
                    b[m.b_best].id,
                    m.similarity,
                    m.doubts.join("; ")
                );
            }
            exact += usize::from(m.b_best == want);
            near += usize::from(m.b_best.abs_diff(want) <= 1);
            if m.b_best != want {
                misses.push(format!(
                    "{name_a} → {name_b}: {id} → {} (reference {}, confidence {})",
                    b[m.b_best].id, b[want].id, m.confidence
                ));
            }
        }
    }
    eprintln!(
        "reference mappings: {exact}/{total} exact, {near}/{total} within one level\n  {}",
        misses.join("\n  ")
    );
    // Calibration: where enough matches share a confidence band, the
    // share that is exact is close to their mean confidence.
    let unsure: Vec<bool> = judged
        .iter()
        .filter(|(c, _)| *c < rungs_core::map::UNCERTAIN_BELOW)
        .map(|(_, r)| *r)
        .collect();
    eprintln!(
        "  not sure: {} matches, {} of them exact",
        unsure.len(),
        unsure.iter().filter(|r| **r).count()
    );
    for (lo, hi) in [(0.0, 0.8), (0.8, 0.85), (0.85, 0.9), (0.9, 1.01)] {
        let band: Vec<&(f64, bool)> = judged
            .iter()
            .filter(|(c, _)| (lo..hi).contains(c))
            .collect();
        if band.is_empty() {
            continue;
        }
        let right = band.iter().filter(|(_, r)| *r).count();
        let mean = band.iter().map(|(c, _)| c).sum::<f64>() / band.len() as f64;
        let rate = right as f64 / band.len() as f64;
        eprintln!(
            "  confidence {lo:.2}-{hi:.2}: {right}/{} exact ({rate:.2}), mean confidence {mean:.2}",
            band.len()
        );
        if band.len() >= 10 {
            assert!(
                (rate - mean).abs() <= 0.15,
                "confidence {lo}-{hi} is not calibrated: {rate:.2} exact at {mean:.2}"
            );
        }
    }
    assert!(total >= 50, "{total} reference levels");
    assert_eq!(
        near,
        total,
        "every level within one:\n{}",
        misses.join("\n")
    );
    assert!(
        exact * 5 >= total * 4,
        "{exact}/{total} exact:\n{}",
        misses.join("\n")
    );
}

/// Our example's Engineering ladder and a copy with every statement,
/// summary and title reworded by hand (tests/data/map-paraphrase).
pub(crate) fn example_and_paraphrase() -> (rungs_core::Framework, rungs_core::Framework) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/map-paraphrase");
    let sources = SourceSet::read_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let copy = rungs_core::load(&sources)
        .unwrap_or_else(|e| panic!("{e}"))
        .framework;
    (example(), copy)
}

#[test]
fn a_reworded_copy_maps_to_the_identity_in_any_order() {
    let (ours, copy) = example_and_paraphrase();
    let eng = |fw: &rungs_core::Framework| -> Vec<Level> {
        let t = fw
            .track("engineering")
            .unwrap_or_else(|| panic!("engineering"));
        fw.ladder(t).into_iter().map(|(_, l)| l.clone()).collect()
    };
    let (a, mut b) = (eng(&ours), eng(&copy));
    for round in 0..2 {
        let (ra, rb): (Vec<&Level>, Vec<&Level>) = (a.iter().collect(), b.iter().collect());
        let mapping = map_levels(&ra, &rb, &shared_areas(&ours, &copy), &[])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_identity(&mapping);
        // Shuffled statements: the order within a level does not matter.
        for level in &mut b {
            level.statements.rotate_left(round + 1);
            level.statements.reverse();
        }
    }
}

mod invariants {
    use super::*;
    use proptest::prelude::*;

    const TITLES: [&str; 8] = [
        "Junior Developer",
        "Engineer",
        "Senior Engineer",
        "Staff Engineer",
        "Engineer III",
        "Principal",
        "Level 4",
        "Head of Platform",
    ];

    fn ladder() -> impl Strategy<Value = Vec<Level>> {
        let level = (
            0usize..TITLES.len(),
            prop::collection::vec("[a-z]{2,7}( [a-z]{2,7}){0,8}", 0..6),
            prop::option::of(0.0f64..25.0),
        );
        prop::collection::vec(level, 1..9).prop_map(|levels| {
            levels
                .into_iter()
                .enumerate()
                .map(|(i, (title, texts, years))| {
                    let mut l = Level {
                        id: format!("l{i}"),
                        rank: i as u32 + 1,
                        title: TITLES[title].into(),
                        statements: texts
                            .into_iter()
                            .map(|text| rungs_core::model::Statement {
                                area: "craft".into(),
                                text,
                                ..Default::default()
                            })
                            .collect(),
                        ..Level::default()
                    };
                    l.indicators.experience =
                        years.map(|min| rungs_core::model::YearRange { min, max: None });
                    l.assign_ids();
                    l
                })
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the ladders say: the matches are ordered, cover both
        /// ends, name one level inside each match, and their confidences
        /// and candidates are well formed.
        #[test]
        fn any_two_ladders_map_in_order(a in ladder(), b in ladder()) {
            let (ra, rb): (Vec<&Level>, Vec<&Level>) = (a.iter().collect(), b.iter().collect());
            let mapping = map_levels(&ra, &rb, &[], &[]).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(mapping.matches.len(), a.len());
            prop_assert_eq!(mapping.matches[0].b_first, 0);
            prop_assert_eq!(mapping.matches[a.len() - 1].b_last, b.len() - 1);
            for w in mapping.matches.windows(2) {
                prop_assert!(w[0].b_first <= w[1].b_first && w[0].b_last <= w[1].b_last);
                // No level of B is skipped between two levels of A.
                prop_assert!(w[1].b_first <= w[0].b_last + 1);
            }
            for m in &mapping.matches {
                prop_assert!((m.b_first..=m.b_last).contains(&m.b_best));
                prop_assert!((0.0..=1.0).contains(&m.confidence), "{}", m.confidence);
                prop_assert_eq!(m.uncertain, !m.candidates.is_empty());
                prop_assert!(m.candidates.len() <= 3.min(b.len()));
            }
        }
    }
}
