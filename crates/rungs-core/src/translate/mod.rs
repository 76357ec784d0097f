//! Translations of a ladder, kept beside it and checked against it.
//!
//! A translation lives in `translations/<lang>/`, one YAML file per file
//! of the framework it translates (`tracks/engineering/senior.yaml` for
//! `tracks/engineering/senior.md`), keyed by statement id. Every entry
//! records the source text it was translated from, so a reworded source
//! makes its translation *stale* without any history; `relink` finds
//! statements that moved or changed their derived id. See
//! `docs/translations.md`.
//!
//! - [`Translations`] come with every [`load`](crate::load) (in
//!   [`Loaded::translations`](crate::Loaded)); `check` reports missing,
//!   stale, moved and orphaned translations as warnings.
//! - [`Language::localise`] gives a page the translated text of an
//!   [`Item`], or the source when there is none, and says whether it is
//!   stale.
//! - [`export`] and [`import`] exchange a language with translators as
//!   XLIFF 2.0 or CSV; [`init`] starts a language.

mod check;
mod exchange;
mod file;
mod lang;
mod units;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

pub use check::word_diff;
pub use exchange::{ExchangeFormat, ImportError, Plan, export, import, init};
pub use lang::{UnknownLanguage, check as check_language};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Framework;
use crate::source::SourceSet;

/// Every language a framework is translated into.
#[derive(Clone, Debug, Default)]
pub struct Translations {
    languages: Vec<Language>,
}

impl Translations {
    /// The languages, by code.
    pub fn languages(&self) -> &[Language] {
        &self.languages
    }

    /// Reads every language under `translations/` of `sources`, matched
    /// against `fw`, without the findings (`rungs_core::load` gives
    /// both): for a tool handed only the framework and its files, such
    /// as the website builder.
    pub fn read(sources: &SourceSet, fw: &Framework) -> Translations {
        load(sources, fw).0
    }

    /// The language with this code (`de`, `pt-BR`).
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }
}

/// One language's translations, matched against the framework.
#[derive(Clone, Debug)]
pub struct Language {
    code: String,
    coverage: Coverage,
    /// Current text (file, key) → the translation found for it.
    resolved: HashMap<(String, String), Resolved>,
    /// Everything its files hold.
    entries: Vec<file::Entry>,
}

#[derive(Clone, Debug)]
struct Resolved {
    text: String,
    stale: bool,
    /// Where the translation is written (file, key).
    entry: (String, String),
}

/// How much of the framework a language covers. Every text counts once:
/// a title, a summary, a statement, an example, a page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Coverage {
    /// Texts of the framework.
    pub total: usize,
    /// Texts translated from their current source.
    pub translated: usize,
    /// Texts translated from an older source, or whose translation sits
    /// where the text used to be (moved).
    pub stale: usize,
    /// Texts with no translation.
    pub missing: usize,
    /// Translations of texts no longer in the framework.
    pub orphaned: usize,
}

impl Coverage {
    /// `part` as a percentage of all texts (100 for an empty framework).
    pub fn percent(&self, part: usize) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            part as f64 * 100.0 / self.total as f64
        }
    }

    /// True when every text is translated from its current source and no
    /// translation is left over.
    pub fn is_complete(&self) -> bool {
        self.translated == self.total && self.orphaned == 0
    }
}

/// Which text of a framework field an [`Item`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The title.
    Title,
    /// The short title shown in navigation.
    ShortTitle,
    /// The description.
    Description,
    /// A level's one-line summary.
    Summary,
    /// The Markdown introduction (the home page's, a track's, a level's).
    Introduction,
    /// A page's body.
    Body,
}

impl Field {
    fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::ShortTitle => "short_title",
            Field::Description => "description",
            Field::Summary => "summary",
            Field::Introduction => "introduction",
            Field::Body => "body",
        }
    }
}

/// A translatable text of a framework, named by ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item<'a> {
    /// The framework's title, description or home page introduction.
    Framework(Field),
    /// An area's title or description.
    Area {
        /// Area id.
        area: &'a str,
        /// Title or description.
        field: Field,
    },
    /// A track's title, description or introduction.
    Track {
        /// Track id.
        track: &'a str,
        /// Which text.
        field: Field,
    },
    /// A level's title, short title, summary or introduction.
    Level {
        /// Track id.
        track: &'a str,
        /// Level id.
        level: &'a str,
        /// Which text.
        field: Field,
    },
    /// A statement, as one text (`**Name**: text` for a named statement).
    Statement {
        /// Track id.
        track: &'a str,
        /// Level id.
        level: &'a str,
        /// Statement id.
        id: &'a str,
    },
    /// The `index`th example of a statement.
    Example {
        /// Track id.
        track: &'a str,
        /// Level id.
        level: &'a str,
        /// Statement id.
        id: &'a str,
        /// Which example, from 0.
        index: usize,
    },
    /// A page's title, short title, description or body.
    Page {
        /// Page id.
        page: &'a str,
        /// Which text.
        field: Field,
    },
}

impl Item<'_> {
    fn place(&self) -> (String, String) {
        match *self {
            Item::Framework(f) => ("rungs.yaml".into(), f.key().into()),
            Item::Area { area, field } => {
                ("rungs.yaml".into(), format!("areas.{area}.{}", field.key()))
            }
            Item::Track { track, field } => {
                (format!("tracks/{track}/_index.yaml"), field.key().into())
            }
            Item::Level {
                track,
                level,
                field,
            } => (format!("tracks/{track}/{level}.yaml"), field.key().into()),
            Item::Statement { track, level, id } => (
                format!("tracks/{track}/{level}.yaml"),
                format!("statements.{id}"),
            ),
            Item::Example {
                track,
                level,
                id,
                index,
            } => (
                format!("tracks/{track}/{level}.yaml"),
                format!("statements.{id}.examples.{index}"),
            ),
            Item::Page { page, field } => (format!("pages/{page}.yaml"), field.key().into()),
        }
    }
}

/// How current the text [`Language::localise`] gave is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Freshness {
    /// Translated from the current source.
    Current,
    /// Translated from an older source: readers may want the original too.
    Stale,
    /// Not translated: the source text is shown.
    Untranslated,
}

/// A text to show in a language, and how current it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Localised<'a> {
    /// The translation, or the source text.
    pub text: &'a str,
    /// Whether it is a current translation, a stale one, or the source.
    pub freshness: Freshness,
}

impl Language {
    /// The language code (`de`, `ja`, `pt-BR`).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// How much of the framework this language covers.
    pub fn coverage(&self) -> Coverage {
        self.coverage
    }

    /// The translation of `item`, if there is one, and whether it is stale.
    /// A statement that moved or was reworded since it was translated is
    /// found under its new id, stale.
    pub fn get(&self, item: Item<'_>) -> Option<(&str, Freshness)> {
        self.resolved.get(&item.place()).map(|r| {
            let f = if r.stale {
                Freshness::Stale
            } else {
                Freshness::Current
            };
            (r.text.as_str(), f)
        })
    }

    /// The text to show for `item` in this language: its translation, or
    /// `source` (the framework's own text) when it has none.
    pub fn localise<'a>(&'a self, item: Item<'_>, source: &'a str) -> Localised<'a> {
        match self.get(item) {
            Some((text, freshness)) => Localised { text, freshness },
            None => Localised {
                text: source,
                freshness: Freshness::Untranslated,
            },
        }
    }
}

impl Language {
    /// A copy of `fw` with every text this language translates replaced by
    /// its translation (stale ones too: see [`Language::get`] to tell);
    /// texts with none keep the source. Ids, ranks and links are kept, so
    /// the copy renders, compares and exports like the original.
    pub fn translated(&self, fw: &Framework) -> Framework {
        let mut out = fw.clone();
        let get = |file: &str, key: &str| {
            self.resolved
                .get(&(file.to_string(), key.to_string()))
                .map(|r| r.text.clone())
        };
        let set = |slot: &mut String, file: &str, key: &str| {
            if let Some(t) = get(file, key) {
                *slot = t;
            }
        };
        let set_opt = |slot: &mut Option<String>, file: &str, key: &str| {
            if slot.is_some()
                && let Some(t) = get(file, key)
            {
                *slot = Some(t);
            }
        };
        set(&mut out.title, "rungs.yaml", "title");
        set_opt(&mut out.description, "rungs.yaml", "description");
        set_opt(&mut out.introduction, "rungs.yaml", "introduction");
        fn areas(lang: &Language, list: &mut [crate::model::Area]) {
            for a in list {
                for (key, slot) in [
                    ("title", Some(&mut a.title)),
                    ("description", a.description.as_mut()),
                ] {
                    if let Some(slot) = slot
                        && let Some(r) = lang
                            .resolved
                            .get(&("rungs.yaml".to_string(), format!("areas.{}.{key}", a.id)))
                    {
                        *slot = r.text.clone();
                    }
                }
                areas(lang, &mut a.children);
            }
        }
        areas(self, &mut out.areas);
        for t in &mut out.tracks {
            let file = format!("tracks/{}/_index.yaml", t.id);
            set(&mut t.title, &file, "title");
            set_opt(&mut t.description, &file, "description");
            set_opt(&mut t.introduction, &file, "introduction");
            for l in &mut t.levels {
                let file = format!("tracks/{}/{}.yaml", t.id, l.id);
                set(&mut l.title, &file, "title");
                set_opt(&mut l.short_title, &file, "short_title");
                set_opt(&mut l.summary, &file, "summary");
                set_opt(&mut l.introduction, &file, "introduction");
                let mut todo: Vec<&mut crate::model::Statement> = l.statements.iter_mut().collect();
                while let Some(s) = todo.pop() {
                    let key = format!("statements.{}", s.id);
                    if let Some(t) = get(&file, &key) {
                        // `**名前**：` with a full-width colon names a statement too.
                        let t = match t.strip_prefix("**") {
                            Some(_) => t.replacen("**：", "**:", 1),
                            None => t,
                        };
                        let (name, text) = crate::load::markdown::split_name(&t);
                        if s.name.is_some() && name.is_some() {
                            s.name = name;
                            s.text = text.trim().to_string();
                        } else {
                            s.text = t;
                        }
                    }
                    for (n, e) in s.examples.iter_mut().enumerate() {
                        set(e, &file, &format!("{key}.examples.{n}"));
                    }
                    todo.extend(s.children.iter_mut());
                }
            }
        }
        for p in &mut out.pages {
            let file = format!("pages/{}.yaml", p.id);
            set(&mut p.title, &file, "title");
            set_opt(&mut p.short_title, &file, "short_title");
            set_opt(&mut p.description, &file, "description");
            set(&mut p.body, &file, "body");
        }
        out
    }
}

/// Reads and checks every language under `translations/` against `fw`.
pub(crate) fn load(sources: &SourceSet, fw: &Framework) -> (Translations, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut by_lang: BTreeMap<&str, Vec<(&str, &crate::source::SourceFile)>> = BTreeMap::new();
    for f in sources.iter() {
        let Some(rest) = f.path.strip_prefix("translations/") else {
            continue;
        };
        match rest.split_once('/') {
            Some((lang, rel)) => by_lang.entry(lang).or_default().push((rel, f)),
            None if crate::load::is_repo_file(rest) => {}
            None => diags.push(stray(f)),
        }
    }
    if by_lang.is_empty() {
        return (Translations::default(), diags);
    }
    let units = units::source_units(fw);
    // Languages load in parallel, and so do the files of each; findings
    // keep the order of languages and files.
    let by_lang: Vec<(&str, Vec<(&str, &crate::source::SourceFile)>)> =
        by_lang.into_iter().collect();
    let loaded: Vec<(Option<Language>, Vec<Diagnostic>)> = by_lang
        .par_iter()
        .map(|(code, files)| load_language(code, files, &units, fw))
        .collect();
    let mut languages = Vec::new();
    for (language, found) in loaded {
        languages.extend(language);
        diags.extend(found);
    }
    (Translations { languages }, diags)
}

/// Reads and checks the files of one language (`rel` paths relative to
/// `translations/<code>/`); `None` for a folder that names no language.
fn load_language(
    code: &str,
    files: &[(&str, &crate::source::SourceFile)],
    units: &[units::SourceUnit],
    fw: &Framework,
) -> (Option<Language>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if let Err(e) = lang::check(code) {
        let help = match &e.suggestion {
            Some(s) => format!("did you mean `{s}`? rename the folder translations/{s}"),
            None => "name the folder with a BCP 47 language tag: an ISO 639-1 code such as \
                     `de` or `ja`, with a region or script if needed (`pt-BR`, `zh-Hant`)"
                .to_string(),
        };
        let span = files
            .first()
            .map(|(_, f)| f.start_span())
            .unwrap_or_default();
        diags.push(
            Diagnostic::error(
                Code::UnknownLanguage,
                format!("`{code}` is not a language code rungs knows"),
            )
            .at(&span)
            .help(help),
        );
        return (None, diags);
    }
    // One task per file: a language of a large ladder is thousands of them.
    let parsed: Vec<(Vec<file::Entry>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|(rel, f)| {
            let mut found = Vec::new();
            let entries = match file::kind(rel) {
                Some(_) if f.text.is_err() => {
                    found.push(
                        Diagnostic::error(
                            Code::NotUtf8,
                            format!("`{}` is not valid UTF-8", f.path),
                        )
                        .at(&f.start_span())
                        .help("save the file as UTF-8"),
                    );
                    Vec::new()
                }
                Some(kind) => file::parse(f, rel, kind, &mut found),
                None if crate::load::is_repo_file(rel) => Vec::new(),
                None => {
                    found.push(stray(f));
                    Vec::new()
                }
            };
            (entries, found)
        })
        .collect();
    let mut entries = Vec::with_capacity(parsed.iter().map(|(e, _)| e.len()).sum());
    for (e, found) in parsed {
        entries.extend(e);
        diags.extend(found);
    }
    let language = check::check(code, entries, units, fw, &mut diags);
    (Some(language), diags)
}

fn stray(f: &crate::source::SourceFile) -> Diagnostic {
    Diagnostic::warning(
        Code::StrayFile,
        format!("`{}` is not part of a translation", f.path),
    )
    .at(&f.start_span())
    .help(
        "translations/<lang>/ holds rungs.yaml, tracks/<track>/_index.yaml, \
         tracks/<track>/<level>.yaml and pages/<page>.yaml (see docs/translations.md)",
    )
}
