//! The title resolver: our table of job titles with judged answers
//! (tests/data/titles/cases.toml), its diagnostics, and that any string
//! gets an answer.

use std::collections::HashMap;
use std::path::Path;

use rungs_core::titles::{Answer, Reading, Titles};
use rungs_core::{Framework, SourceSet};

use crate::support::{describe, load_dir};

fn data() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/titles")
}

/// A test ladder, loaded with no findings.
fn ladder(name: &str) -> Framework {
    let loaded = if name == "example" {
        rungs_core::load(&SourceSet::example()).unwrap_or_else(|e| panic!("{e}"))
    } else {
        load_dir(&data().join(name)).1
    };
    let diags = loaded.diagnostics.sorted();
    assert!(diags.is_empty(), "{name}:\n{}", describe(&diags));
    loaded.framework
}

/// The answer in the words of the table.
fn said(r: &Reading) -> String {
    match &r.answer {
        Answer::Level(p) => format!("{}/{}", p.track, p.level),
        Answer::NotOnLadder => "not on this ladder".into(),
        _ => "cannot place".into(),
    }
}

/// Our judged titles: at least 9 in 10 exactly, and never sure of a
/// wrong answer. Prints every answer, with its confidence and reasons
/// (`cargo test -p rungs-core judged_titles -- --nocapture`).
#[test]
fn judged_titles_are_placed() {
    let text = std::fs::read_to_string(data().join("cases.toml")).unwrap_or_else(|e| panic!("{e}"));
    let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let cases = table["case"].as_array().expect("a list of cases");
    let mut ladders: HashMap<String, Framework> = HashMap::new();
    let (mut exact, mut total, mut unsure) = (0, 0, 0);
    let mut confidently_wrong = Vec::new();
    let mut report = String::new();
    for case in cases {
        let name = case["ladder"].as_str().expect("ladder");
        let title = case["title"].as_str().expect("title");
        let want = case["answer"].as_str().expect("answer");
        let fw = ladders
            .entry(name.to_string())
            .or_insert_with(|| ladder(name));
        let r = Titles::new(fw).resolve(title);
        let got = said(&r);
        let right = match want {
            "not sure" => !r.sure,
            _ => got == want,
        };
        total += 1;
        exact += usize::from(right);
        unsure += usize::from(!r.sure);
        // Wrong is allowed only as "not sure" or "cannot place".
        let excused = matches!(r.answer, Answer::CannotPlace) || (r.level().is_some() && !r.sure);
        if !right && !excused {
            confidently_wrong.push(format!("{name}: {title} → {got} ({want})"));
        }
        report.push_str(&format!(
            "{} {name}: {title:<36} → {got:<48} {:.2}{} | {}\n",
            if right { "  " } else { "✗ " },
            r.confidence,
            if r.sure { "" } else { " not sure" },
            r.why()
        ));
    }
    eprintln!("{report}titles: {exact}/{total} exact, {unsure} not sure");
    assert!(total >= 50, "{total} titles");
    assert!(
        confidently_wrong.is_empty(),
        "sure and wrong:\n{}",
        confidently_wrong.join("\n")
    );
    assert!(exact * 10 >= total * 9, "{exact}/{total} exact:\n{report}");
}

#[test]
fn readings_say_why() {
    let fw = ladder("harbour");
    let titles = Titles::new(&fw);
    let r = titles.resolve("Sr. Software Engineer");
    assert!(r.sure, "{r:?}");
    assert_eq!(r.reasons[0], "\u{201c}Sr\u{201d} reads as Senior");
    assert!(
        r.why()
            .contains("\u{201c}Software\u{201d} names the function"),
        "{}",
        r.why()
    );
    let manager = titles.resolve("Manager, Site Reliability");
    assert_eq!(manager.kind, Some(rungs_core::model::TrackKind::Management));
    let off = titles.resolve("Head of People");
    assert!(matches!(off.answer, Answer::NotOnLadder));
    assert!(off.why().contains("People"), "{}", off.why());
    // Not placed: the closest levels, and why.
    let code = titles.resolve("L7");
    assert!(matches!(code.answer, Answer::CannotPlace), "{code:?}");
    assert!(code.why().contains("[titles.codes]"), "{}", code.why());
    let unsure = titles.resolve("Head of Engineering");
    assert!(!unsure.sure && !unsure.closest.is_empty(), "{unsure:?}");
    // One track's ladder only.
    let ic = Titles::of_track(&fw, "engineering").expect("the track");
    assert!(matches!(
        ic.resolve("Engineering Manager").answer,
        Answer::NotOnLadder
    ));
    assert!(Titles::of_track(&fw, "nope").is_none());
}

#[test]
fn aliases_and_codes_that_name_two_levels_are_errors_at_their_place() {
    let (_, loaded) = load_dir(&crate::support::fixtures().join("invalid/titles"));
    let found = describe(&loaded.diagnostics.sorted());
    for expected in [
        // An alias two levels claim, and an alias that is another's title.
        "error[ambiguous-title] tracks/web/lead.md:6:5:",
        "error[ambiguous-title] rungs.toml:9:17:",
        // A code to no level, with a suggestion; a code that is a grade;
        // two spellings of one code.
        "error[unknown-level] rungs.toml:13:6: [titles.codes]: `P3` names `web/leed`, which is not a level\n  help: did you mean `web/lead`?",
        "error[ambiguous-title] rungs.toml:14:1: code `G2` is also grade G2",
        "error[ambiguous-title] rungs.toml:16:1: codes `Dev 2` and `dev-II`",
    ] {
        assert!(found.contains(expected), "{expected}\nnot in:\n{found}");
    }
    // Hugo's redirects are not titles.
    let lead = loaded
        .framework
        .track("web")
        .and_then(|t| t.levels.iter().find(|l| l.id == "lead"))
        .map(|l| l.aliases.clone());
    assert_eq!(lead, Some(vec!["Trainee Developer".to_string()]));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn harbour() -> &'static Framework {
        static LADDER: std::sync::OnceLock<Framework> = std::sync::OnceLock::new();
        LADDER.get_or_init(|| ladder("harbour"))
    }

    /// Titles made of the words the resolver reads, and any other text.
    fn title() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "Sr.",
            "Senior",
            "Jr",
            "Staff",
            "Lead",
            "Principal",
            "Head",
            "of",
            "VP",
            "Manager",
            "Engineer",
            "Developer",
            "SRE",
            "SWE",
            "Backend",
            "iOS",
            "in",
            "Test",
            "II",
            "3",
            "IX",
            "L5",
            "62",
            "Contract",
            "Acting",
            "People",
            "Product",
            ",",
            "(",
            ")",
            "-",
            "Intern",
            "Level",
            "CTO",
            "Director",
            "Engineering",
            "Fellow",
            "Sommelier",
        ]);
        prop_oneof![
            prop::collection::vec(word, 0..7).prop_map(|w| w.join(" ")),
            ".{0,40}",
        ]
    }

    /// The same title, spaced differently and in another case.
    fn respaced(title: &str, upper: bool) -> String {
        let words: Vec<&str> = title.split_whitespace().collect();
        let spaced = format!("  {}\t", words.join("   "));
        if upper {
            spaced.to_ascii_uppercase()
        } else {
            spaced.to_ascii_lowercase()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any string gets an answer, the same one each time, whatever
        /// its case and spacing; a level only ever with a confidence that
        /// matches `sure`.
        #[test]
        fn any_title_gets_one_answer(title in title(), upper in any::<bool>()) {
            let titles = Titles::new(harbour());
            let r = titles.resolve(&title);
            prop_assert_eq!(&r, &titles.resolve(&title));
            let again = titles.resolve(&respaced(&title, upper));
            prop_assert_eq!(&r.answer, &again.answer);
            prop_assert_eq!(r.confidence, again.confidence);
            prop_assert!((0.0..=1.0).contains(&r.confidence));
            prop_assert_eq!(
                r.sure,
                r.answer != Answer::CannotPlace && r.confidence >= rungs_core::titles::SURE_FROM
            );
            prop_assert!(!r.reasons.is_empty() || r.sure, "{:?}", r);
        }
    }
}
