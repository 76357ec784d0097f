//! Round trips (native ↔ model ↔ JSON) and robustness on arbitrary input.

use proptest::prelude::*;
use rungs_core::export::{json, native};
use rungs_core::model::*;
use rungs_core::synth::{SynthOptions, generate};
use rungs_core::{SourceSet, load};

use crate::support::{describe, json as to_value};

const WORDS: &[&str] = &[
    "ships",
    "reliable",
    "services",
    "mentors",
    "peers",
    "writes",
    "clear",
    "designs",
    "reviews",
    "code",
    "owns",
    "roadmap",
    "leads",
    "incidents",
    "plans",
    "migrations",
    "teaches",
    "testing",
    "data",
    "tools",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 2..9).prop_map(|w| {
        let mut s = w.join(" ");
        if let Some(f) = s.get_mut(..1) {
            f.make_ascii_uppercase();
        }
        s.push('.');
        s
    })
}

fn areas() -> Vec<Area> {
    let leaf = |id: &str, title: &str| Area {
        id: id.into(),
        title: title.into(),
        ..Area::default()
    };
    vec![
        leaf("craft", "Craft"),
        Area {
            children: vec![leaf("mentoring", "Mentoring"), leaf("hiring", "Hiring")],
            ..leaf("people", "People")
        },
    ]
}

/// Links with the characters Markdown reads as syntax in titles and URLs.
fn link() -> impl Strategy<Value = StatementLink> {
    (
        sentence(),
        prop::sample::select(&["", " [x]", " *a* _b_", " `c` <d> & \\", " {#e}", " (f)"][..]),
        prop::sample::select(
            &[
                "https://example.org/guide",
                "https://example.org/a_(b)?q=1&amp;r=<2>",
                "https://example.org/with space",
                "../../pages/faq.md",
                "http://example.org/ü#part",
            ][..],
        ),
    )
        .prop_map(|(words, odd, url)| StatementLink {
            title: format!("{words}{odd}"),
            url: url.to_string(),
        })
}

fn statement(area: &'static str) -> impl Strategy<Value = Statement> {
    (
        sentence(),
        prop::option::of(prop::sample::select(
            &["Focus", "Care", "Grit", "Deep**Work", "C*", "**", "a\\\\b"][..],
        )),
        any::<bool>(),
        prop::collection::vec(sentence(), 0..2),
        prop::collection::vec(sentence(), 0..3),
        prop::collection::vec(link(), 0..3),
    )
        .prop_map(
            move |(text, name, explicit, examples, children, links)| Statement {
                id: String::new(),
                explicit_id: explicit,
                area: area.into(),
                name: name.map(String::from),
                text,
                examples,
                links,
                children: children
                    .into_iter()
                    .map(|t| Statement {
                        area: area.into(),
                        text: t,
                        ..Statement::default()
                    })
                    .collect(),
                span: Span::default(),
            },
        )
}

fn level(rank: u32) -> impl Strategy<Value = Level> {
    let areas = prop::sample::select(&["craft", "mentoring", "hiring", "people"][..]);
    (
        prop::collection::vec(areas.prop_flat_map(statement), 1..8),
        prop::option::of(sentence()),
        prop::option::of((0u32..5, 0u32..5)),
        prop::option::of((0u32..60, 0u32..40)),
        prop::option::of(prop::sample::select(&Scope::ALL[..])),
    )
        .prop_map(move |(mut statements, summary, tenure, split, scope)| {
            for (i, s) in statements.iter_mut().enumerate() {
                if s.explicit_id {
                    s.id = format!("x{rank}-{i}");
                }
            }
            let mut level = Level {
                id: format!("level-{rank}"),
                rank,
                title: format!("Level {rank}"),
                // A short title for navigation on every other level.
                short_title: rank.is_multiple_of(2).then(|| format!("L{rank}")),
                grade: Some(format!("G{rank}")),
                summary,
                introduction: None,
                indicators: Indicators {
                    tenure: tenure.map(|(a, b)| YearRange {
                        min: a as f64,
                        max: Some((a + b) as f64),
                    }),
                    experience: None,
                    // Experience in words survives the round trip too.
                    experience_words: scope.map(|_| "Several years in a similar role".to_string()),
                    tenure_words: None,
                    scope: scope.map(|s| s.as_str().to_string()),
                    time_split: split
                        .into_iter()
                        .flat_map(|(a, b)| {
                            vec![
                                TimeShare {
                                    area: "craft".into(),
                                    percent: Some(PercentRange {
                                        min: a,
                                        max: a + 10,
                                        approximate: a % 2 == 0,
                                    }),
                                    note: None,
                                },
                                TimeShare {
                                    area: "mentoring".into(),
                                    percent: Some(PercentRange {
                                        min: b,
                                        max: b,
                                        approximate: false,
                                    }),
                                    note: None,
                                },
                                TimeShare {
                                    area: "hiring".into(),
                                    percent: None,
                                    note: Some("As needed.".into()),
                                },
                            ]
                        })
                        .collect(),
                    note: None,
                },
                statements,
                span: Span::default(),
                ..Level::default()
            };
            level.assign_ids();
            level
        })
}

fn framework() -> impl Strategy<Value = Framework> {
    (
        prop::collection::vec(level(1), 1..2),
        prop::collection::vec(level(2), 1..2),
        prop::option::of(sentence()),
        prop::bool::ANY,
    )
        .prop_map(|(l1, l2, intro, branch)| {
            let mut levels = l1;
            levels.extend(l2);
            // Titles people hold, and another company's code for a level.
            levels[0].aliases = vec!["Builder, One: the \"first\"".into(), "B1 [x]".into()];
            let title_codes = vec![TitleCode {
                code: "X 2".into(),
                track: "eng".into(),
                level: levels[levels.len() - 1].id.clone(),
                ..TitleCode::default()
            }];
            let mut tracks = vec![Track {
                id: "eng".into(),
                title: "Engineering".into(),
                introduction: intro.clone(),
                levels,
                ..Track::default()
            }];
            if branch {
                let mut l = tracks[0].levels[1].clone();
                l.id = "manager".into();
                tracks.push(Track {
                    id: "mgmt".into(),
                    title: "Management".into(),
                    kind: TrackKind::Management,
                    branch: Some(Branch {
                        from: "eng".into(),
                        rank: 2,
                    }),
                    extends: Some("eng".into()),
                    levels: vec![l],
                    ..Track::default()
                });
            }
            Framework {
                title: "Prop Careers".into(),
                description: intro.clone(),
                base_url: None,
                introduction: intro,
                grades: (1..=2)
                    .map(|g| Grade {
                        id: format!("G{g}"),
                        ..Grade::default()
                    })
                    .collect(),
                areas: areas(),
                tracks,
                pages: vec![Page {
                    id: "faq".into(),
                    title: "Frequently asked questions".into(),
                    short_title: Some("FAQ".into()),
                    body: "Questions and answers.".into(),
                    ..Page::default()
                }],
                span: Span::default(),
                site: None,
                assessments: Default::default(),
                impact: Default::default(),
                promotions: Default::default(),
                scopes: Vec::new(),
                title_codes,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn native_format_round_trips(fw in framework()) {
        let files = native::to_sources(&fw);
        let loaded = load(&files).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let diags = loaded.diagnostics.sorted();
        let errors: Vec<_> = diags.iter().filter(|d| d.severity == rungs_core::Severity::Error).cloned().collect();
        prop_assert!(errors.is_empty(), "{}", describe(&errors));
        prop_assert_eq!(to_value(&loaded.framework), to_value(&fw));
        // What the export writes is canonical: `rungs fmt` leaves it alone.
        let formatted = rungs_core::fmt::format(&loaded.framework, &files)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(formatted.changed.is_empty(), "{:?}", formatted.changed);
    }

    #[test]
    fn fmt_keeps_the_model_of_pages_written_loosely(fw in framework(), blank in 1usize..4) {
        // The same pages with other list markers, extra blank lines and
        // trailing spaces: formatted, they load to the same model.
        let files = native::to_sources(&fw);
        let mut loose = rungs_core::SourceSet::new();
        for file in files.iter() {
            let text = file.text();
            let changed = if file.path.ends_with(".md") && file.path.starts_with("tracks/") {
                text.replace("\n- ", "\n* ")
                    .replace("\n\n## ", &format!("{}## ", "\n".repeat(blank + 1)))
                    .replace(".\n", ".  \n")
            } else {
                text.to_string()
            };
            loose.insert(&file.path, changed.into_bytes());
        }
        let loaded = load(&loose).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let formatted = rungs_core::fmt::format(&loaded.framework, &loose)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut after = loose.clone();
        for (path, text) in &formatted.changed {
            after.insert(path, text.clone().into_bytes());
        }
        let again = load(&after).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(to_value(&again.framework), to_value(&fw));
        let twice = rungs_core::fmt::format(&again.framework, &after)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(twice.changed.is_empty(), "formatting twice changes nothing: {:?}", twice.changed);
    }

    #[test]
    fn json_round_trips(fw in framework()) {
        let text = json::to_json(&fw);
        let back = json::from_json(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(to_value(&back), to_value(&fw));
        // import → export → import: the JSON written as native files comes back equal.
        let again = load(&native::to_sources(&back)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(to_value(&again.framework), to_value(&fw));
    }

    #[test]
    fn word_diff_rebuilds_both_texts_and_keeps_a_longest_common_part(
        old in "([a-c]{1,2}|  ?|\\.){0,24}",
        new in "([a-c]{1,2}|  ?|\\.){0,24}",
    ) {
        let parts = rungs_core::compare::word_diff(&old, &new);
        let side = |skip: &str| parts.iter().filter(|p| p.op != skip).map(|p| p.text.as_str()).collect::<String>();
        prop_assert_eq!(side("added"), old.clone());
        prop_assert_eq!(side("removed"), new.clone());
        // Parts alternate: two parts in a row never have the same kind.
        prop_assert!(parts.windows(2).all(|w| w[0].op != w[1].op));
        // As many units kept as a longest common subsequence of words and spaces.
        let units = |t: &str| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for c in t.chars() {
                match out.last_mut() {
                    Some(last) if last.chars().all(char::is_whitespace) == c.is_whitespace() => last.push(c),
                    _ => out.push(c.to_string()),
                }
            }
            out
        };
        let (x, y) = (units(&old), units(&new));
        let mut lcs = vec![vec![0usize; y.len() + 1]; x.len() + 1];
        for i in (0..x.len()).rev() {
            for j in (0..y.len()).rev() {
                lcs[i][j] = if x[i] == y[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
            }
        }
        let kept: usize = parts.iter().filter(|p| p.op == "same").map(|p| units(&p.text).len()).sum();
        // Kept parts are runs of consecutive units of the old text, so splitting them
        // again gives back the units that were kept.
        prop_assert_eq!(kept, lcs[0][0]);
    }

    #[test]
    fn merged_occurrences_equal_the_occurrences_of_both_sets(
        a in prop::collection::vec(prop::collection::vec(0u64..6, 0..5), 0..5),
        b in prop::collection::vec(prop::collection::vec(0u64..6, 0..5), 0..5),
    ) {
        use rungs_core::similarity::{merge_occurrences, occurrences};
        let both: Vec<Vec<u64>> = a.iter().chain(&b).cloned().collect();
        let merged = merge_occurrences(&occurrences(&a), a.len() as u32, &occurrences(&b));
        prop_assert_eq!(merged, occurrences(&both));
    }

    #[test]
    fn csv_formula_neutralising_round_trips_any_cell(cell in "['=+\\-@\t\r a-z]{0,8}") {
        use rungs_core::export::csv::{neutralise, restore};
        let safe = neutralise(&cell);
        prop_assert!(!safe.starts_with(['=', '+', '-', '@', '\t', '\r']), "{:?}", safe);
        prop_assert_eq!(restore(&safe), cell.as_str());
    }

    #[test]
    fn csv_round_trips_formula_like_cells(
        prefixes in prop::collection::vec(prop::sample::select(&["=", "+", "-", "@", "'=", "''+", "'", "=HYPERLINK(\"x\")", ""][..]), 1..12),
        examples in prop::collection::vec(prop::sample::select(&["@x", "-y", "'z"][..]), 0..3),
    ) {
        use rungs_core::export::csv::to_csv;
        let mut fw = load(&SourceSet::example()).map_err(|e| TestCaseError::fail(e.to_string()))?.framework;
        let mut i = 0;
        for level in fw.tracks.iter_mut().flat_map(|t| t.levels.iter_mut()) {
            for s in &mut level.statements {
                s.text = format!("{}{}", prefixes[i % prefixes.len()], s.text);
                s.examples = examples.iter().map(|e| e.to_string()).collect();
                i += 1;
            }
        }
        let csv = to_csv(&fw).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut set = SourceSet::new();
        set.insert("ladder.csv", csv.clone());
        let imported = rungs_core::import::csv::import(&set).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let again = to_csv(&imported.framework).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&again, &csv);
        let texts = |f: &Framework| f.tracks.iter().flat_map(|t| t.levels.iter()).flat_map(|l| l.statements.iter()).map(|s| s.text.clone()).collect::<Vec<_>>();
        prop_assert_eq!(texts(&imported.framework), texts(&fw));
    }

    #[test]
    fn arbitrary_bytes_in_any_file_never_panic(index in 0usize..40, bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut set = SourceSet::example();
        let paths: Vec<String> = set.iter().map(|f| f.path.to_string()).collect();
        let path = &paths[index % paths.len()];
        set.insert(path, bytes);
        let _ = load(&set);
    }

    #[test]
    fn arbitrary_text_in_a_level_page_never_panics(text in "(---\n)?([a-z:#*\\-{}\\[\\]() \n%~0-9]|\\*\\*|## |- |\\{#){0,300}") {
        let mut set = SourceSet::example();
        set.insert("tracks/engineering/senior.md", text.clone());
        set.insert("tracks/site-reliability.yaml", text);
        let _ = load(&set);
    }
}

#[test]
fn synthetic_frameworks_round_trip_and_are_deterministic() {
    let a = generate(SynthOptions {
        tracks: 4,
        levels: 5,
        seed: 3,
    });
    let b = generate(SynthOptions {
        tracks: 4,
        levels: 5,
        seed: 3,
    });
    assert_eq!(json::to_json(&a), json::to_json(&b));
    let c = generate(SynthOptions {
        tracks: 4,
        levels: 5,
        seed: 4,
    });
    assert_ne!(json::to_json(&a), json::to_json(&c));
    let loaded = load(&native::to_sources(&a)).unwrap_or_else(|e| panic!("{e}"));
    let diags = loaded.diagnostics.sorted();
    assert!(diags.is_empty(), "{}", describe(&diags));
    assert_eq!(to_value(&loaded.framework), to_value(&a));
    assert!(a.counts().levels > 0, "nothing generated");
    for level in a.tracks.iter().flat_map(|t| &t.levels) {
        let n: usize = level.statements.len();
        assert!((20..=30).contains(&n), "{} has {n} statements", level.title);
        assert!(level.indicators.tenure.is_some() && !level.indicators.time_split.is_empty());
    }
}
