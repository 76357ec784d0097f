use std::collections::HashMap;

use super::*;
use crate::{SourceSet, load};

const TOML: &str = "title = \"T\"\n[[areas]]\nid = \"craft\"\ntitle = \"Craft\"\n[[areas]]\nid = \"people\"\ntitle = \"People\"\n";
const MID: &str = "---\ntitle: Mid\nrank: 1\n---\n## Craft\n- You ship small features with tests. {#ship}\n## People\n- You answer questions from teammates. {#answer}\n";
const SENIOR: &str = "---\ntitle: Senior\nrank: 2\n---\n## Craft\n- You design services that other teams build on. {#design}\n- You review changes carefully and explain what you ask for. {#review}\n## People\n- You mentor two engineers through their first year. {#mentor}\n";

fn framework(toml: &str, mid: &str, senior: &str) -> Framework {
    let mut s = SourceSet::new();
    s.insert("rungs.toml", toml.as_bytes().to_vec());
    s.insert("tracks/eng/_index.md", b"---\ntitle: Eng\n---\n".to_vec());
    s.insert("tracks/eng/mid.md", mid.as_bytes().to_vec());
    s.insert("tracks/eng/senior.md", senior.as_bytes().to_vec());
    let loaded = load(&s).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        loaded
            .diagnostics
            .iter()
            .all(|d| d.severity != crate::Severity::Error),
        "{:?}",
        loaded.diagnostics
    );
    loaded.framework
}

/// `n` people assessed against `level`, every statement rated `code` by
/// both sides, ids from `first`.
fn assess(held: &mut Held, fw: &Framework, level: &str, n: usize, first: i64, code: i64) {
    let mut index: HashMap<StatementKey, u32> = held
        .statements
        .iter()
        .enumerate()
        .map(|(i, k)| (k.clone(), i as u32))
        .collect();
    let lv = fw.tracks[0]
        .levels
        .iter()
        .find(|l| l.id == level)
        .unwrap_or_else(|| panic!("no level {level}"));
    for p in 0..n {
        let mut ratings = Vec::new();
        for s in &lv.statements {
            let i = held.intern(
                &mut index,
                StatementKey {
                    track: "eng".into(),
                    level: level.into(),
                    id: s.id.clone(),
                },
            );
            for manager in [false, true] {
                ratings.push(HeldRating {
                    statement: i,
                    manager,
                    code: Some(code),
                });
            }
        }
        let count = ratings.len() as u64;
        for r in ratings.iter().step_by(2) {
            held.rating_counts.push((r.statement, 2));
        }
        let _ = count;
        held.assessed.push(Assessed {
            person: first + p as i64,
            manager: Some(1000 + (p % 2) as i64),
            track: "eng".into(),
            level: level.into(),
            placed: Some(("eng".into(), level.into(), 12.0)),
            ratings,
        });
        held.placements.push(("eng".into(), level.into()));
    }
}

fn run(old: &Framework, new: &Framework, held: &Held) -> Computed {
    compute(old, new, &crate::relink::relink(old, new), held)
}

fn level<'a>(c: &'a Computed, id: &str) -> Option<&'a LevelImpact> {
    c.impact.levels.iter().find(|l| l.level == id)
}

#[test]
fn a_tighter_level_makes_its_ready_people_not_ready() {
    let old = framework(TOML, MID, SENIOR);
    let tighter = SENIOR.replace(
        "## People",
        "- You set the testing standards every team in the company follows. {#standards}\n## People",
    );
    let new = framework(TOML, MID, &tighter);
    let mut held = Held::default();
    assess(&mut held, &old, "senior", 7, 1, 3);
    assess(&mut held, &old, "mid", 6, 100, 3);
    let c = run(&old, &new, &held);
    let senior = level(&c, "senior").unwrap_or_else(|| panic!("{:?}", c.impact));
    let f = senior.figures.as_ref().unwrap_or_else(|| panic!("hidden"));
    assert_eq!(
        (
            f.assessed,
            f.ready_before,
            f.ready_after,
            f.stop_being_ready
        ),
        (7, 7, 0, 7)
    );
    assert_eq!(f.areas.len(), 1);
    assert_eq!(
        (f.areas[0].area.as_str(), f.areas[0].stops_meeting),
        ("craft", 7)
    );
    assert_eq!(c.impact.stop_being_ready, 7);
    assert_eq!(c.stop_being_ready_all, 7);
    assert_eq!(c.people.len(), 7);
    assert!(c.people.iter().all(|p| p.before && !p.after));
    // Mid did not change: not listed.
    assert!(level(&c, "mid").is_none());
    assert_eq!(c.impact.statements.added, 1);
    // Over the default limit; a new note allows it, an old one does not.
    let v = check(&old.impact, &new.impact, &c);
    assert!(!v.pass);
    let mut allowed = new.impact.clone();
    allowed.allow = Some("the bar rises on purpose".into());
    assert!(check(&old.impact, &allowed, &c).pass);
    assert!(!check(&allowed, &allowed, &c).pass);
}

#[test]
fn a_rewording_changes_no_readiness() {
    let old = framework(TOML, MID, SENIOR);
    let reworded = SENIOR.replace(
        "You review changes carefully and explain what you ask for.",
        "You review changes carefully and explain what you ask of authors.",
    );
    let new = framework(TOML, MID, &reworded);
    let mut held = Held::default();
    assess(&mut held, &old, "senior", 6, 1, 3);
    let c = run(&old, &new, &held);
    assert_eq!(c.impact.statements.reworded, 1, "{:?}", c.impact.statements);
    assert_eq!(c.impact.ratings.reworded, 12);
    assert_eq!(c.impact.ratings.archived, 0);
    let f = level(&c, "senior")
        .and_then(|l| l.figures.as_ref())
        .unwrap_or_else(|| panic!("{:?}", c.impact));
    assert_eq!((f.ready_before, f.ready_after), (6, 6));
    assert_eq!((c.impact.stop_being_ready, c.impact.become_ready), (0, 0));
    assert!(c.people.is_empty());
    assert!(check(&old.impact, &new.impact, &c).pass);
}

#[test]
fn a_move_keeps_readiness() {
    let old = framework(TOML, MID, SENIOR);
    // The mentoring statement moves from People to Craft, words unchanged.
    let moved = "---\ntitle: Senior\nrank: 2\n---\n## Craft\n- You design services that other teams build on. {#design}\n- You review changes carefully and explain what you ask for. {#review}\n- You mentor two engineers through their first year. {#mentor}\n## People\n- You answer hard questions from other teams. {#hard}\n";
    let new = framework(TOML, MID, moved);
    let mut held = Held::default();
    assess(&mut held, &old, "senior", 5, 1, 4);
    let c = run(&old, &new, &held);
    assert_eq!(c.impact.statements.moved, 1, "{:?}", c.impact.statements);
    assert_eq!(c.impact.ratings.moved, 10);
    let f = level(&c, "senior")
        .and_then(|l| l.figures.as_ref())
        .unwrap_or_else(|| panic!("{:?}", c.impact));
    // The people area now holds an unrated statement: its verdict changes,
    // the moved one's ratings still count in craft.
    assert!(
        f.areas
            .iter()
            .all(|a| a.area != "craft" || a.stops_meeting == 0),
        "{:?}",
        f.areas
    );
    let only_move = "---\ntitle: Senior\nrank: 2\n---\n## Craft\n- You design services that other teams build on. {#design}\n- You review changes carefully and explain what you ask for. {#review}\n- You mentor two engineers through their first year. {#mentor}\n";
    let new = framework(TOML, MID, only_move);
    let c = run(&old, &new, &held);
    let f = level(&c, "senior")
        .and_then(|l| l.figures.as_ref())
        .unwrap_or_else(|| panic!("{:?}", c.impact));
    assert_eq!((f.ready_before, f.ready_after), (5, 5));
    assert_eq!(c.stop_being_ready_all, 0);
}

#[test]
fn small_groups_show_no_figures_and_add_to_no_total() {
    let old = framework(TOML, MID, SENIOR);
    let new = framework(
        TOML,
        &MID.replace(
            "## People",
            "- You write the design notes for your features. {#notes}\n## People",
        ),
        &SENIOR.replace(
            "## People",
            "- You set the testing standards every team in the company follows. {#standards}\n## People",
        ),
    );
    let mut held = Held::default();
    // 4 at mid (below the default threshold of 5), 9 at senior.
    assess(&mut held, &old, "mid", 4, 1, 3);
    assess(&mut held, &old, "senior", 9, 100, 3);
    let c = run(&old, &new, &held);
    assert_eq!(c.impact.smallest_group, 5);
    assert!(level(&c, "mid").is_some_and(|l| l.figures.is_none()));
    assert_eq!(c.impact.hidden_levels, 1);
    assert_eq!(c.impact.stop_being_ready, 9);
    assert_eq!(c.stop_being_ready_all, 13);
    // Nothing printed names the small group's figures.
    let json = serde_json::to_string(&c.impact).unwrap_or_default();
    assert!(!json.contains("\"assessed\":4"), "{json}");
    for text in [
        to_text(
            &c.impact,
            "a",
            "b",
            Some(&check(&old.impact, &new.impact, &c)),
        ),
        to_markdown(
            &c.impact,
            "a",
            "b",
            Some(&check(&old.impact, &new.impact, &c)),
        ),
    ] {
        assert!(!text.contains("13"), "{text}");
        assert!(text.contains("fewer than 5"), "{text}");
        assert!(!text.contains(" 4 "), "{text}");
    }
    // A removed level with few people placed: there are some, not how many.
    let no_mid = {
        let mut s = SourceSet::new();
        s.insert("rungs.toml", TOML.as_bytes().to_vec());
        s.insert("tracks/eng/_index.md", b"---\ntitle: Eng\n---\n".to_vec());
        s.insert("tracks/eng/senior.md", SENIOR.as_bytes().to_vec());
        load(&s).unwrap_or_else(|e| panic!("{e}")).framework
    };
    let c = run(&old, &no_mid, &held);
    assert_eq!(c.impact.removed_placements.len(), 1);
    assert_eq!(c.impact.removed_placements[0].people, None);
    assert_eq!(c.removed_placements_all, 4);
    let v = check(&old.impact, &no_mid.impact, &c);
    assert!(!v.pass);
    assert!(
        v.over[0].starts_with("some (in levels too small to show) people"),
        "{:?}",
        v.over
    );
}

#[test]
fn limits_are_read_and_mistakes_named() {
    let file = crate::SourceFile::new(
        "rungs.toml",
        b"title = \"T\"\n[impact]\nstop_being_ready = 2\narchived_ratings = 10\nallow = \"on purpose\"\n"
            .to_vec(),
    );
    let (l, d) = parse_limits(&file);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(l.stop_being_ready, 2);
    assert_eq!(l.archived_ratings, Some(10));
    assert_eq!(l.allow.as_deref(), Some("on purpose"));
    let file = crate::SourceFile::new(
        "rungs.toml",
        b"title = \"T\"\n[impact]\nstop_being_redy = 2\nremoved_level_placements = -1\n".to_vec(),
    );
    let (_, d) = parse_limits(&file);
    assert_eq!(d.len(), 2, "{d:?}");
    let typo = d.iter().find(|d| d.code == crate::Code::UnknownKey);
    assert_eq!(typo.and_then(|d| d.span.as_ref()).map(|s| s.line), Some(3));
    assert!(
        typo.and_then(|d| d.help.as_deref())
            .is_some_and(|h| h.contains("stop_being_ready")),
        "{d:?}"
    );
    let bad = d.iter().find(|d| d.code == crate::Code::InvalidValue);
    assert_eq!(bad.and_then(|d| d.span.as_ref()).map(|s| s.line), Some(4));
}

#[test]
fn health_names_what_stands_out_and_hides_small_groups() {
    let fw = framework(TOML, MID, SENIOR);
    let mut held = Held::default();
    // 6 at senior: "mentor" not applicable for all, the rest met by all.
    assess(&mut held, &fw, "senior", 6, 1, 3);
    let mentor = held
        .statements
        .iter()
        .position(|k| k.id == "mentor")
        .unwrap_or_else(|| panic!("no mentor")) as u32;
    for a in &mut held.assessed {
        for r in &mut a.ratings {
            if r.statement == mentor {
                r.code = Some(0);
            }
        }
    }
    // 2 at mid: too few for figures.
    assess(&mut held, &fw, "mid", 2, 100, 1);
    let h = health(&fw, &held);
    let m = h
        .statements
        .iter()
        .find(|s| s.id == "mentor")
        .unwrap_or_else(|| panic!("{h:?}"));
    let f = m.figures.as_ref().unwrap_or_else(|| panic!("{m:?}"));
    assert_eq!((f.people, f.not_applicable_percent), (6, 100));
    assert!(
        m.suggestions[0].starts_with("rated not applicable by 100% at Senior"),
        "{:?}",
        m.suggestions
    );
    let design = h.statements.iter().find(|s| s.id == "design");
    assert!(
        design.is_some_and(|s| s
            .suggestions
            .iter()
            .any(|x| x.starts_with("everyone assessed"))),
        "{design:?}"
    );
    let mid: Vec<_> = h.statements.iter().filter(|s| s.level == "mid").collect();
    assert_eq!(mid.len(), 2);
    assert!(
        mid.iter()
            .all(|s| s.figures.is_none() && s.suggestions.is_empty())
    );
    let csv = health_csv(&h);
    assert!(csv.lines().count() == 6, "{csv}");
    assert!(csv.contains("mentor"), "{csv}");
}
