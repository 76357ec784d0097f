//! Translations beside the ladder: stale, orphaned, moved and missing texts,
//! malformed files, and the exchange with translators.

use rungs_core::translate::{self, ExchangeFormat, Freshness, Item};
use rungs_core::{Code, Diagnostic, Loaded, SourceSet};

fn load(set: &SourceSet) -> Loaded {
    rungs_core::load(set).expect("the example is a framework")
}

fn with_code(loaded: &Loaded, code: Code) -> Vec<Diagnostic> {
    loaded
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .cloned()
        .collect()
}

/// The example with `from` replaced by `to` in `path`.
fn edited(path: &str, from: &str, to: &str) -> SourceSet {
    let mut set = SourceSet::example();
    let text = set
        .get(path)
        .expect("file of the example")
        .text()
        .to_string();
    assert!(text.contains(from), "{path} lacks {from:?}");
    set.insert(path, text.replacen(from, to, 1));
    set
}

/// Line (1-based) of the first line of `file` in `set` that contains `needle`.
fn line_of(set: &SourceSet, file: &str, needle: &str) -> u32 {
    let text = set.get(file).expect("file").text();
    text.lines()
        .position(|l| l.contains(needle))
        .map(|n| n as u32 + 1)
        .unwrap_or_else(|| panic!("{needle:?} not in {file}"))
}

const SENIOR_DE: &str = "translations/de/tracks/engineering/senior.yaml";

#[test]
fn the_example_is_fully_translated_into_german_and_japanese() {
    let loaded = load(&SourceSet::example());
    let findings: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str().starts_with("translation") || d.code == Code::UnknownLanguage)
        .collect();
    assert!(findings.is_empty(), "{findings:#?}");
    let codes: Vec<&str> = loaded
        .translations
        .languages()
        .iter()
        .map(|l| l.code())
        .collect();
    assert_eq!(codes, ["de", "ja"]);
    for l in loaded.translations.languages() {
        let c = l.coverage();
        assert!(c.is_complete(), "{}: {c:?}", l.code());
        assert!(c.total > 100, "{c:?}");
    }
    let de = loaded.translations.language("de").expect("de");
    let item = Item::Statement {
        track: "engineering",
        level: "senior",
        id: "craft-review-code-designs-thoroughly",
    };
    let shown = de.localise(
        item,
        "You review code and designs thoroughly, kindly and quickly.",
    );
    assert_eq!(shown.freshness, Freshness::Current);
    assert!(shown.text.starts_with("Du prüfst Code"), "{}", shown.text);
    // A text with no translation falls back to the source.
    let none = de.localise(
        Item::Statement {
            track: "engineering",
            level: "senior",
            id: "no-such-statement",
        },
        "the source",
    );
    assert_eq!(
        (none.text, none.freshness),
        ("the source", Freshness::Untranslated)
    );
}

#[test]
fn a_reworded_statement_makes_its_translations_stale_with_the_word_diff() {
    let set = edited(
        "tracks/engineering/senior.md",
        "You review code and designs thoroughly, kindly and quickly.",
        "You review code and designs thoroughly and kindly, within a day.",
    );
    let loaded = load(&set);
    let stale = with_code(&loaded, Code::TranslationStale);
    assert_eq!(stale.len(), 2, "{stale:#?}");
    let de = stale
        .iter()
        .find(|d| d.span.as_ref().is_some_and(|s| &*s.file == SENIOR_DE))
        .expect("the German one");
    let span = de.span.as_ref().expect("span");
    assert_eq!(
        span.line,
        line_of(&set, SENIOR_DE, "source: You review code")
    );
    assert_eq!(span.column, 13, "at the source text");
    let help = de.help.as_deref().expect("a stale translation has help");
    assert!(
        help.contains("thoroughly {+and kindly+}, [-kindly and quickly-]{+within a day+}."),
        "{help}"
    );
    assert_eq!(de.severity, rungs_core::Severity::Warning);
    let german = loaded.translations.language("de").expect("de");
    assert_eq!(german.coverage().stale, 1);
    let (text, freshness) = german
        .get(Item::Statement {
            track: "engineering",
            level: "senior",
            id: "craft-review-code-designs-thoroughly",
        })
        .expect("still found");
    assert_eq!(freshness, Freshness::Stale);
    assert!(text.starts_with("Du prüfst"));
}

#[test]
fn a_rewording_that_changes_a_derived_id_is_stale_under_the_new_id() {
    let set = edited(
        "tracks/engineering/senior.md",
        "You have deep knowledge of at least one area of the stack",
        "You have expert knowledge of at least one area of the stack",
    );
    let loaded = load(&set);
    let stale = with_code(&loaded, Code::TranslationStale);
    assert_eq!(stale.len(), 2, "{stale:#?}");
    assert!(with_code(&loaded, Code::TranslationOrphaned).is_empty());
    assert!(with_code(&loaded, Code::TranslationMissing).is_empty());
    let help = stale[0]
        .help
        .as_deref()
        .expect("a stale translation has help");
    assert!(help.contains("[-deep-]{+expert+}"), "{help}");
    assert!(
        help.contains("id is now `craft-expert-knowledge-least-one`"),
        "{help}"
    );
    let de = loaded.translations.language("de").expect("de");
    let found = de.get(Item::Statement {
        track: "engineering",
        level: "senior",
        id: "craft-expert-knowledge-least-one",
    });
    assert_eq!(found.map(|f| f.1), Some(Freshness::Stale));
}

#[test]
fn a_removed_statement_leaves_its_translations_orphaned() {
    let set = edited(
        "tracks/engineering/engineer.md",
        "- You leave the code you touch easier to change than you found it.\n",
        "",
    );
    let loaded = load(&set);
    let orphaned = with_code(&loaded, Code::TranslationOrphaned);
    assert_eq!(orphaned.len(), 2, "{orphaned:#?}");
    let files: Vec<&str> = orphaned
        .iter()
        .map(|d| d.span.as_ref().map_or("", |s| &*s.file))
        .collect();
    assert!(
        files.contains(&"translations/de/tracks/engineering/engineer.yaml"),
        "{files:?}"
    );
    assert!(
        files.contains(&"translations/ja/tracks/engineering/engineer.yaml"),
        "{files:?}"
    );
    assert_eq!(
        loaded
            .translations
            .language("ja")
            .expect("ja")
            .coverage()
            .orphaned,
        1
    );
    assert!(with_code(&loaded, Code::TranslationMissing).is_empty());
}

#[test]
fn a_statement_moved_to_another_level_is_reported_moved() {
    let mut set = edited(
        "tracks/engineering/engineer.md",
        "- You ship in small, reversible steps.\n",
        "",
    );
    let senior = set
        .get("tracks/engineering/senior.md")
        .expect("senior")
        .text()
        .to_string();
    set.insert(
        "tracks/engineering/senior.md",
        senior.replacen(
            "## Delivery\n\n",
            "## Delivery\n\n- You ship in small, reversible steps.\n",
            1,
        ),
    );
    let loaded = load(&set);
    let moved = with_code(&loaded, Code::TranslationMoved);
    assert_eq!(moved.len(), 2, "{moved:#?}");
    let de = moved
        .iter()
        .find(|d| d.span.as_ref().is_some_and(|s| s.file.contains("/de/")))
        .expect("German");
    assert!(
        de.message.contains("`engineering/senior`"),
        "{}",
        de.message
    );
    assert_eq!(
        de.span.as_ref().map(|s| &*s.file),
        Some("translations/de/tracks/engineering/engineer.yaml")
    );
    // The moved translation is still shown, as stale, at the new place.
    let lang = loaded.translations.language("de").expect("de");
    let found = lang.get(Item::Statement {
        track: "engineering",
        level: "senior",
        id: "delivery-ship-small-reversible-steps",
    });
    assert_eq!(found.map(|f| f.1), Some(Freshness::Stale));
    assert!(with_code(&loaded, Code::TranslationOrphaned).is_empty());
}

#[test]
fn a_new_statement_is_missing_in_every_language() {
    let set = edited(
        "tracks/engineering/staff.md",
        "## Delivery\n\n",
        "## Delivery\n\n- You write the runbook before the service goes live.\n",
    );
    let loaded = load(&set);
    let missing = with_code(&loaded, Code::TranslationMissing);
    assert_eq!(missing.len(), 2, "{missing:#?}");
    let span = missing[0].span.as_ref().expect("span");
    assert_eq!(&*span.file, "tracks/engineering/staff.md");
    assert_eq!(
        span.line,
        line_of(&set, "tracks/engineering/staff.md", "runbook")
    );
    assert_eq!(
        loaded
            .translations
            .language("de")
            .expect("de")
            .coverage()
            .missing,
        1
    );
}

#[test]
fn a_malformed_translation_file_is_an_error_at_its_line_and_column() {
    let mut set = SourceSet::example();
    set.insert(
        SENIOR_DE,
        "title:\n  source: Senior Engineer\n  txet: Senior-Entwickler:in\n",
    );
    let loaded = load(&set);
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == rungs_core::Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let span = errors[0].span.as_ref().expect("span");
    assert_eq!(
        (&*span.file, span.line, span.column),
        (SENIOR_DE, 3, 3),
        "{:?}",
        errors[0]
    );
    assert_eq!(errors[0].code, Code::Syntax);
    assert!(
        errors[0]
            .location()
            .starts_with("translations/de/tracks/engineering/senior.yaml:3:3")
    );

    // A key that does not belong in this kind of file.
    let mut set = SourceSet::example();
    let text = set.get(SENIOR_DE).expect("file").text().to_string();
    set.insert(SENIOR_DE, format!("{text}body:\n  source: x\n  text: y\n"));
    let loaded = load(&set);
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == rungs_core::Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].message.contains("`body`"),
        "{}",
        errors[0].message
    );
    assert_eq!(
        errors[0].span.as_ref().map(|s| s.line),
        Some(line_of(&set, SENIOR_DE, "body:"))
    );
}

#[test]
fn an_unknown_language_code_is_an_error_with_the_code_meant() {
    for (folder, meant) in [("deu", "`de`"), ("jp", "`ja`")] {
        let mut set = SourceSet::example();
        set.insert(
            &format!("translations/{folder}/rungs.yaml"),
            "title:\n  source: Northwind Engineering Careers\n  text: x\n",
        );
        let loaded = load(&set);
        let errors = with_code(&loaded, Code::UnknownLanguage);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!(errors[0].severity, rungs_core::Severity::Error);
        assert!(
            errors[0]
                .help
                .as_deref()
                .is_some_and(|help| help.contains(meant)),
            "{:?}",
            errors[0]
        );
    }
}

/// The example without its Japanese files.
fn without(code: &str) -> SourceSet {
    let mut set = SourceSet::example();
    let prefix = format!("translations/{code}/");
    let paths: Vec<String> = set
        .iter()
        .map(|f| f.path.to_string())
        .filter(|p| p.starts_with(&prefix))
        .collect();
    for p in paths {
        set.remove(&p);
    }
    set
}

fn round_trip(format: ExchangeFormat) {
    let full = load(&SourceSet::example());
    let exported =
        translate::export(&full.framework, &full.translations, "ja", format, "en").expect("export");
    let mut set = without("ja");
    let bare = load(&set);
    assert!(bare.translations.language("ja").is_none());
    let plan = translate::import(&bare.framework, &bare.translations, &exported).expect("import");
    assert_eq!(
        plan.changed,
        full.translations
            .language("ja")
            .expect("ja")
            .coverage()
            .total
    );
    for (path, text) in &plan.files {
        assert!(path.starts_with("translations/ja/"), "{path}");
        set.insert(path, text.as_bytes().to_vec());
    }
    let back = load(&set);
    assert!(
        back.diagnostics.is_empty(),
        "{:#?}",
        back.diagnostics.iter().collect::<Vec<_>>()
    );
    let ja = back.translations.language("ja").expect("ja");
    assert!(ja.coverage().is_complete(), "{:?}", ja.coverage());
    // The same files as the example's, byte for byte.
    for (path, text) in &plan.files {
        let original = SourceSet::example();
        assert_eq!(
            original.get(path).map(|f| f.text()),
            Some(text.as_str()),
            "{path}"
        );
    }
    // Exporting again gives the same file.
    let again =
        translate::export(&back.framework, &back.translations, "ja", format, "en").expect("export");
    assert_eq!(again, exported);
}

#[test]
fn xliff_export_then_import_round_trips() {
    round_trip(ExchangeFormat::Xliff);
}

#[test]
fn csv_export_then_import_round_trips() {
    round_trip(ExchangeFormat::Csv);
}

#[test]
fn an_import_with_a_bad_row_changes_nothing() {
    let loaded = load(&SourceSet::example());
    let header = "lang,file,key,state,source,translation,old_source\n";
    let good =
        "de,tracks/engineering/senior.yaml,title,translated,Senior Engineer,Senior-Ingenieur:in,\n";
    for (bad, field) in [
        (
            "de,../../escape.yaml,title,translated,Senior Engineer,x,\n",
            "file",
        ),
        (
            "de,tracks/engineering/senior.yaml,statements.nope,translated,x,y,\n",
            "key",
        ),
        (
            "deu,tracks/engineering/senior.yaml,summary,translated,x,y,\n",
            "lang",
        ),
        (
            "de,tracks/engineering/senior.yaml,summary,translated,,y,\n",
            "source",
        ),
    ] {
        let csv = format!("{header}{good}{bad}");
        let err = translate::import(&loaded.framework, &loaded.translations, &csv).expect_err(bad);
        assert_eq!(err.at.as_deref(), Some("row 3"), "{err}");
        assert_eq!(err.field, field, "{err}");
    }
    // The same good row alone is planned.
    let plan = translate::import(
        &loaded.framework,
        &loaded.translations,
        &format!("{header}{good}"),
    )
    .expect("good");
    assert_eq!(plan.changed, 1);
    assert_eq!(plan.files.len(), 1);
    assert_eq!(plan.files[0].0, SENIOR_DE);
}

#[test]
fn a_stale_translation_exported_and_imported_unchanged_stays_stale() {
    let set = edited(
        "tracks/engineering/senior.md",
        "You review code and designs thoroughly, kindly and quickly.",
        "You review code and designs thoroughly and kindly, within a day.",
    );
    let loaded = load(&set);
    for format in [ExchangeFormat::Csv, ExchangeFormat::Xliff] {
        let out = translate::export(&loaded.framework, &loaded.translations, "de", format, "en")
            .expect("export");
        assert!(out.contains("stale"), "the state is exported");
        assert!(out.contains("kindly and quickly"), "with the old source");
        let plan =
            translate::import(&loaded.framework, &loaded.translations, &out).expect("import");
        assert_eq!(plan.changed, 0, "{:?}", plan.files);
    }
    // An edited translation is written with the source it was made from.
    let csv = translate::export(
        &loaded.framework,
        &loaded.translations,
        "de",
        ExchangeFormat::Csv,
        "en",
    )
    .expect("export")
    .replace(
        "Du prüfst Code und Entwürfe gründlich, freundlich und zügig.",
        "Du prüfst Code binnen eines Tages.",
    );
    let plan = translate::import(&loaded.framework, &loaded.translations, &csv).expect("import");
    assert_eq!(plan.changed, 1);
    let mut set = set;
    for (path, text) in &plan.files {
        set.insert(path, text.as_bytes().to_vec());
    }
    let after = load(&set);
    assert_eq!(
        after
            .translations
            .language("de")
            .expect("de")
            .coverage()
            .stale,
        0
    );
}

#[test]
fn init_starts_a_language_with_every_source_text() {
    let loaded = load(&SourceSet::example());
    let plan = translate::init(&loaded.framework, &SourceSet::example(), "fr").expect("init");
    assert_eq!(plan.files.len(), 17);
    let mut set = SourceSet::example();
    for (path, text) in &plan.files {
        set.insert(path, text.as_bytes().to_vec());
    }
    let after = load(&set);
    let fr = after.translations.language("fr").expect("fr");
    assert_eq!(fr.coverage().missing, fr.coverage().total);
    assert!(after.diagnostics.errors() == 0);
    // One warning per file still to translate, at its source file.
    let missing = with_code(&after, Code::TranslationMissing);
    assert_eq!(missing.len(), 17, "{missing:#?}");
    assert!(translate::init(&loaded.framework, &set, "jp").is_err());
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_neutralised_and_restored() {
    let set = edited(
        "tracks/engineering/senior.md",
        "- You review code and designs thoroughly, kindly and quickly.",
        "- =SUM(A1) You review code and designs thoroughly, kindly and quickly.",
    );
    let loaded = load(&set);
    let csv = translate::export(
        &loaded.framework,
        &loaded.translations,
        "de",
        ExchangeFormat::Csv,
        "en",
    )
    .expect("export")
    .replace(
        ",\"Du prüfst Code und Entwürfe gründlich, freundlich und zügig.\",",
        ",\"=x\",",
    );
    assert!(csv.contains("'=SUM(A1)"), "{csv}");
    let plan = translate::import(&loaded.framework, &loaded.translations, &csv).expect("import");
    let file = &plan
        .files
        .iter()
        .find(|f| f.0 == SENIOR_DE)
        .expect("senior")
        .1;
    assert!(file.contains("source: \"=SUM(A1) You review"), "{file}");
}

#[test]
fn an_xliff_file_with_markup_in_a_text_is_refused_at_its_line() {
    let loaded = load(&SourceSet::example());
    let xliff = translate::export(
        &loaded.framework,
        &loaded.translations,
        "de",
        ExchangeFormat::Xliff,
        "en",
    )
    .expect("export");
    let broken = xliff.replacen(
        "<target xml:space=\"preserve\">Du prüfst Code",
        "<target xml:space=\"preserve\"><ph id=\"1\"/>Du prüfst Code",
        1,
    );
    let line = broken
        .lines()
        .position(|l| l.contains("<ph id"))
        .expect("edited")
        + 1;
    let err = translate::import(&loaded.framework, &loaded.translations, &broken)
        .expect_err("inline markup");
    assert_eq!(err.at, Some(format!("line {line}")), "{err}");
    assert!(err.message.contains("<ph>"), "{err}");
}

#[test]
fn a_translated_copy_of_the_framework_keeps_its_shape() {
    let loaded = load(&SourceSet::example());
    let ja = loaded.translations.language("ja").expect("ja");
    let copy = ja.translated(&loaded.framework);
    assert_eq!(copy.title, "Northwind エンジニアのキャリア");
    assert_eq!(copy.counts(), loaded.framework.counts());
    let senior = copy
        .track("engineering")
        .and_then(|t| t.levels.iter().find(|l| l.id == "senior"))
        .expect("senior");
    assert_eq!(senior.title, "シニアエンジニア");
    let tenacity = senior
        .statements
        .iter()
        .find(|s| s.id == "traits-tenacity")
        .expect("a named statement keeps its id");
    assert_eq!(tenacity.name.as_deref(), Some("粘り強さ"));
    assert!(
        tenacity.text.starts_with("難しい問題を"),
        "{}",
        tenacity.text
    );
    let craft = copy.areas.iter().find(|a| a.id == "craft").expect("craft");
    assert_eq!(craft.title, "技術力");
    let mentoring = copy
        .all_areas()
        .into_iter()
        .find(|a| a.id == "mentoring")
        .map(|a| a.title.clone());
    assert_eq!(mentoring.as_deref(), Some("メンタリング"));
}
