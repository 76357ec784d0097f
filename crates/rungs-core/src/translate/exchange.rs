//! Exchanging a language with translators: XLIFF 2.0 and CSV out, the
//! same back in, and a new language started from the source.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use super::check::statement_of;
use super::file::{Entry, render};
use super::units::{SourceUnit, source_units};
use super::{Translations, lang};
use crate::model::{Framework, Span};
use crate::source::{SourceSet, join_inside};

/// The file formats translators exchange.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExchangeFormat {
    /// XLIFF 2.0, which translation tools read.
    Xliff,
    /// CSV with the columns `lang,file,key,state,source,translation,old_source`.
    Csv,
}

const CSV_HEADER: [&str; 7] = [
    "lang",
    "file",
    "key",
    "state",
    "source",
    "translation",
    "old_source",
];

/// One text as exchanged.
struct Row {
    file: String,
    key: String,
    state: &'static str,
    source: String,
    translation: String,
    old_source: String,
}

fn rows(fw: &Framework, translations: &Translations, code: &str) -> Vec<Row> {
    let language = translations.language(code);
    source_units(fw)
        .into_iter()
        .map(|u| {
            let found = language.and_then(|l| {
                l.resolved
                    .get(&(u.file.clone(), u.key.clone()))
                    .map(|r| (l, r))
            });
            let (state, translation, old_source) = match found {
                None => ("missing", String::new(), String::new()),
                Some((_, r)) if !r.stale => ("translated", r.text.clone(), String::new()),
                Some((l, r)) => {
                    let old = l
                        .entries
                        .iter()
                        .find(|e| *e.file == *r.entry.0 && e.key == r.entry.1)
                        .map_or_else(String::new, |e| e.source.clone());
                    ("stale", r.text.clone(), old)
                }
            };
            Row {
                file: u.file,
                key: u.key,
                state,
                source: u.source,
                translation,
                old_source,
            }
        })
        .collect()
}

/// Every text of `fw` with its translation into `code` (if any) and its
/// state (`translated`, `stale`, `missing`), for translators. A stale
/// text carries the source its translation was made from (`old_source`).
pub fn export(
    fw: &Framework,
    translations: &Translations,
    code: &str,
    format: ExchangeFormat,
    source_language: &str,
) -> Result<String, ImportError> {
    if let Err(e) = lang::check(code) {
        return Err(ImportError::language(&e));
    }
    let rows = rows(fw, translations, code);
    match format {
        ExchangeFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let fail = |e: csv::Error| ImportError::new(None, "", e.to_string());
            w.write_record(CSV_HEADER).map_err(fail)?;
            for r in &rows {
                // Cells a spreadsheet would run as formulas get a leading
                // `'`, as in `rungs export --format csv`; import removes it.
                let cells = [
                    code,
                    &r.file,
                    &r.key,
                    r.state,
                    &r.source,
                    &r.translation,
                    &r.old_source,
                ]
                .map(crate::export::csv::neutralise);
                w.write_record(cells.iter().map(|c| c.as_bytes()))
                    .map_err(fail)?;
            }
            let bytes = w
                .into_inner()
                .map_err(|e| ImportError::new(None, "", e.to_string()))?;
            String::from_utf8(bytes).map_err(|e| ImportError::new(None, "", e.to_string()))
        }
        ExchangeFormat::Xliff => Ok(xliff(&rows, code, source_language)),
    }
}

fn xliff(rows: &[Row], code: &str, source_language: &str) -> String {
    use quick_xml::escape::escape;
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">\n",
        escape(source_language),
        escape(code)
    );
    let mut files: Vec<&str> = Vec::new();
    for r in rows {
        if !files.contains(&r.file.as_str()) {
            files.push(&r.file);
        }
    }
    for (n, file) in files.iter().enumerate() {
        out.push_str(&format!(
            "  <file id=\"f{}\" original=\"{}\">\n",
            n + 1,
            escape(*file)
        ));
        for r in rows.iter().filter(|r| r.file == *file) {
            out.push_str(&format!("    <unit id=\"{}\">\n", escape(&r.key)));
            if !r.old_source.is_empty() {
                out.push_str(&format!(
                    "      <notes>\n        <note category=\"rungs-old-source\">{}</note>\n      </notes>\n",
                    escape(&r.old_source)
                ));
            }
            let state = match r.state {
                "translated" => "translated",
                _ => "initial",
            };
            let sub = if r.state == "stale" {
                " subState=\"rungs:stale\""
            } else {
                ""
            };
            out.push_str(&format!("      <segment state=\"{state}\"{sub}>\n"));
            out.push_str(&format!(
                "        <source xml:space=\"preserve\">{}</source>\n",
                escape(&r.source)
            ));
            if !r.translation.is_empty() {
                out.push_str(&format!(
                    "        <target xml:space=\"preserve\">{}</target>\n",
                    escape(&r.translation)
                ));
            }
            out.push_str("      </segment>\n    </unit>\n");
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

/// Files to write into the framework directory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Paths relative to the framework root, and their new contents.
    pub files: Vec<(String, String)>,
    /// How many texts the files gain or change.
    pub changed: usize,
}

impl Plan {
    /// Writes the files under `root`. Every path is checked to stay inside
    /// `root` before the first file is written.
    pub fn write_to(&self, root: &Path) -> std::io::Result<()> {
        let paths = self
            .files
            .iter()
            .map(|(rel, text)| join_inside(root, rel).map(|p| (p, text)))
            .collect::<std::io::Result<Vec<_>>>()?;
        for (path, text) in paths {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, text)?;
        }
        Ok(())
    }
}

/// Why an import was refused. Nothing is written when there is one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", at.as_ref().map(|w| format!("{w}: ")).unwrap_or_default())]
pub struct ImportError {
    /// The row or unit (`row 5`, `line 12 (unit title)`), when one is at fault.
    pub at: Option<String>,
    /// The field at fault (`file`, `key`, `lang`), or empty.
    pub field: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl ImportError {
    fn new(at: Option<String>, field: &str, message: String) -> Self {
        ImportError {
            at,
            field: field.to_string(),
            message,
        }
    }

    fn language(e: &lang::UnknownLanguage) -> Self {
        let hint = e
            .suggestion
            .as_ref()
            .map_or_else(String::new, |s| format!(" (did you mean `{s}`?)"));
        ImportError::new(
            None,
            "lang",
            format!("`{}` is not a language code rungs knows{hint}", e.code),
        )
    }
}

/// One text read back from a translator.
struct Incoming {
    at: String,
    lang: String,
    file: String,
    key: String,
    source: String,
    translation: String,
    /// The translator says the translation fits the source as it is.
    confirmed: bool,
}

/// Reads a file from translators (XLIFF 2.0 or CSV, told apart by its
/// first characters) and plans the translation files it changes. Every row
/// is checked first: one bad row refuses the whole import, naming its row
/// (or line) and field. A translation left as it was exported does not
/// make a stale entry current, unless the translator marked it translated.
pub fn import(
    fw: &Framework,
    translations: &Translations,
    text: &str,
) -> Result<Plan, ImportError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let incoming = if trimmed.starts_with('<') {
        read_xliff(trimmed)?
    } else {
        read_csv(trimmed)?
    };
    let Some(first) = incoming.first() else {
        return Ok(Plan::default());
    };
    let code = first.lang.clone();
    if let Err(e) = lang::check(&code) {
        return Err(ImportError {
            at: Some(first.at.clone()),
            ..ImportError::language(&e)
        });
    }
    let units = source_units(fw);
    let by_place: HashMap<(&str, &str), &SourceUnit> = units
        .iter()
        .map(|u| ((u.file.as_str(), u.key.as_str()), u))
        .collect();
    let mut seen = HashSet::new();
    for r in &incoming {
        let bad = |field: &str, message: String| {
            Err(ImportError::new(Some(r.at.clone()), field, message))
        };
        if r.lang != code {
            return bad(
                "lang",
                format!(
                    "`{}`, while the file starts with `{code}`: import one language at a time",
                    r.lang
                ),
            );
        }
        if super::file::kind(&r.file).is_none()
            || r.file
                .split('/')
                .any(|p| p.is_empty() || p == "." || p == "..")
            || r.file.contains('\\')
        {
            return bad(
                "file",
                format!(
                    "`{}` is not a translation file (rungs.yaml, tracks/<track>/<level>.yaml, pages/<page>.yaml)",
                    r.file
                ),
            );
        }
        if !by_place.contains_key(&(r.file.as_str(), r.key.as_str())) {
            return bad(
                "key",
                format!(
                    "`{}` of `{}` is no text of the framework (removed or renamed since the export? export again)",
                    r.key, r.file
                ),
            );
        }
        if r.source.trim().is_empty() {
            return bad(
                "source",
                "is empty: keep the source text the translation was made from".to_string(),
            );
        }
        if !seen.insert((r.file.as_str(), r.key.as_str())) {
            return bad("key", format!("`{}` of `{}` comes twice", r.key, r.file));
        }
    }

    let language = translations.language(&code);
    let mut entries: Vec<Entry> = language.map(|l| l.entries.clone()).unwrap_or_default();
    let mut touched: HashSet<String> = HashSet::new();
    let mut changed = 0;
    for r in incoming.iter().filter(|r| !r.translation.trim().is_empty()) {
        // Every row names a text of the framework (checked above).
        let Some(unit) = by_place.get(&(r.file.as_str(), r.key.as_str())).copied() else {
            continue;
        };
        // What the language holds for this text now: at its place, or
        // where it was before the statement moved.
        let current = entries
            .iter()
            .find(|e| *e.file == *r.file && e.key == r.key)
            .or_else(|| {
                let (f, k) = &language?
                    .resolved
                    .get(&(r.file.clone(), r.key.clone()))?
                    .entry;
                entries.iter().find(|e| *e.file == **f && e.key == *k)
            });
        if let Some(e) = current
            && e.text == r.translation
            && (!r.confirmed || (e.source == r.source && *e.file == *r.file && e.key == r.key))
        {
            continue;
        }
        // A translation found elsewhere (the statement moved) moves here.
        if let Some(moved_from) = language
            .and_then(|l| l.resolved.get(&(r.file.clone(), r.key.clone())))
            .map(|res| res.entry.clone())
            .filter(|(f, k)| (f.as_str(), k.as_str()) != (r.file.as_str(), r.key.as_str()))
        {
            let (f, k) = moved_from;
            let examples = format!("{k}.examples.");
            let is_statement = statement_of(&k).is_some_and(|(_, x)| x.is_none());
            entries.retain(|e| {
                !(*e.file == *f && (e.key == k || (is_statement && e.key.starts_with(&examples))))
            });
            touched.insert(f);
        }
        let area = unit.statement.as_ref().map(|p| p.area.clone());
        let entry = Entry {
            file: Arc::from(r.file.as_str()),
            key: r.key.clone(),
            area,
            source: r.source.clone(),
            text: r.translation.clone(),
            span: Span::default(),
        };
        match entries
            .iter()
            .position(|e| *e.file == *r.file && e.key == r.key)
        {
            Some(i) => entries[i] = entry,
            None => entries.push(entry),
        }
        // An example needs its statement's entry to sit under.
        if let Some((id, Some(_))) = statement_of(&r.key) {
            let parent = format!("statements.{id}");
            if !entries
                .iter()
                .any(|e| *e.file == *r.file && e.key == parent)
                && let Some(p) = by_place.get(&(r.file.as_str(), parent.as_str())).copied()
            {
                entries.push(Entry {
                    file: Arc::from(r.file.as_str()),
                    key: parent,
                    area: p.statement.as_ref().map(|s| s.area.clone()),
                    source: p.source.clone(),
                    text: String::new(),
                    span: Span::default(),
                });
            }
        }
        touched.insert(r.file.clone());
        changed += 1;
    }
    Ok(Plan {
        files: render_files(&code, &entries, &units, &touched),
        changed,
    })
}

/// The contents of the `touched` files of language `code`, entries in the
/// framework's order, then those it no longer has.
fn render_files(
    code: &str,
    entries: &[Entry],
    units: &[SourceUnit],
    touched: &HashSet<String>,
) -> Vec<(String, String)> {
    let order: HashMap<(&str, &str), usize> = units
        .iter()
        .enumerate()
        .map(|(i, u)| ((u.file.as_str(), u.key.as_str()), i))
        .collect();
    let mut by_file: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    for e in entries {
        if touched.contains(&*e.file) {
            by_file.entry(&e.file).or_default().push(e);
        }
    }
    let mut out = Vec::new();
    for file in touched {
        let mut list = by_file.remove(file.as_str()).unwrap_or_default();
        list.sort_by_key(|e| {
            order
                .get(&(&*e.file, e.key.as_str()))
                .copied()
                .unwrap_or(usize::MAX)
        });
        let source_file = units
            .iter()
            .find(|u| u.file == *file)
            .map_or_else(|| file.clone(), |u| u.source_file.clone());
        out.push((
            format!("translations/{code}/{file}"),
            render(code, &source_file, &list),
        ));
    }
    out.sort();
    out
}

/// Starts language `code`: a translation file, with every source text and
/// empty translations, for each file of the framework the language has no
/// file for yet. Files that exist are left alone.
pub fn init(fw: &Framework, sources: &SourceSet, code: &str) -> Result<Plan, ImportError> {
    if let Err(e) = lang::check(code) {
        return Err(ImportError::language(&e));
    }
    let units = source_units(fw);
    let entries: Vec<Entry> = units
        .iter()
        .filter(|u| !sources.contains(&format!("translations/{code}/{}", u.file)))
        .map(|u| Entry {
            file: Arc::from(u.file.as_str()),
            key: u.key.clone(),
            area: u.statement.as_ref().map(|p| p.area.clone()),
            source: u.source.clone(),
            text: String::new(),
            span: Span::default(),
        })
        .collect();
    let touched: HashSet<String> = entries.iter().map(|e| e.file.to_string()).collect();
    Ok(Plan {
        files: render_files(code, &entries, &units, &touched),
        changed: 0,
    })
}

fn read_csv(text: &str) -> Result<Vec<Incoming>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| {
            ImportError::new(
                Some("row 1".into()),
                "",
                format!("cannot read the header: {e}"),
            )
        })?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| {
                ImportError::new(
                    Some("row 1".into()),
                    name,
                    format!(
                        "the header has no `{name}` column (expected {})",
                        CSV_HEADER.join(",")
                    ),
                )
            })
    };
    let [lang, file, key, state, source, translation] =
        ["lang", "file", "key", "state", "source", "translation"].map(column);
    let (lang, file, key, state, source, translation) =
        (lang?, file?, key?, state?, source?, translation?);
    let mut out = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let at = format!("row {}", n + 2);
        let record = record.map_err(|e| ImportError::new(Some(at.clone()), "", e.to_string()))?;
        let get = |i: usize, name: &str| {
            record
                .get(i)
                .map(|cell| crate::export::csv::restore(cell).to_string())
                .ok_or_else(|| ImportError::new(Some(at.clone()), name, "is missing".to_string()))
        };
        let state_value = get(state, "state")?;
        out.push(Incoming {
            lang: get(lang, "lang")?,
            file: get(file, "file")?,
            key: get(key, "key")?,
            source: get(source, "source")?,
            translation: get(translation, "translation")?,
            confirmed: matches!(state_value.trim(), "translated" | "reviewed" | "final"),
            at,
        });
    }
    Ok(out)
}

fn read_xliff(text: &str) -> Result<Vec<Incoming>, ImportError> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let line_of = |pos: u64| {
        let pos = (pos as usize).min(text.len());
        text.as_bytes()[..pos]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    };
    let err = |pos: u64, field: &str, message: String| {
        ImportError::new(Some(format!("line {}", line_of(pos))), field, message)
    };
    let mut out = Vec::new();
    let mut lang = String::new();
    let mut file = String::new();
    let mut unit: Option<(String, u64)> = None;
    let mut state = String::new();
    let mut source: Option<String> = None;
    let mut target: Option<String> = None;
    // Inside <source> or <target>: the text read so far.
    let mut capture: Option<(bool, String)> = None;
    loop {
        let pos = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| err(pos, "", format!("not well-formed XML: {e}")))?;
        let attr = |e: &quick_xml::events::BytesStart,
                    name: &str|
         -> Result<Option<String>, ImportError> {
            for a in e.attributes() {
                let a = a.map_err(|x| err(pos, name, format!("bad attribute: {x}")))?;
                if a.key.as_ref() == name {
                    let v = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|x| err(pos, name, format!("bad attribute: {x}")))?;
                    return Ok(Some(v.into_owned()));
                }
            }
            Ok(None)
        };
        match event {
            Event::Start(e) | Event::Empty(e) if capture.is_some() => {
                let name = e.name().as_ref().to_string();
                return Err(err(
                    pos,
                    "target",
                    format!(
                        "<{name}> inside a text: rungs reads plain text only (no inline markup)"
                    ),
                ));
            }
            Event::Start(e) => match e.local_name().as_ref() {
                "xliff" => {
                    if attr(&e, "version")?.as_deref() != Some("2.0") {
                        return Err(err(
                            pos,
                            "version",
                            "rungs reads XLIFF 2.0 (`version=\"2.0\"`)".into(),
                        ));
                    }
                    lang = attr(&e, "trgLang")?.ok_or_else(|| {
                        err(
                            pos,
                            "trgLang",
                            "the <xliff> element needs `trgLang`, the language".into(),
                        )
                    })?;
                }
                "file" => {
                    file = attr(&e, "original")?.ok_or_else(|| {
                        err(
                            pos,
                            "original",
                            "each <file> needs `original`, the translation file".into(),
                        )
                    })?;
                }
                "unit" => {
                    let id = attr(&e, "id")?
                        .ok_or_else(|| err(pos, "id", "each <unit> needs an `id`".into()))?;
                    unit = Some((id, pos));
                    state.clear();
                    source = None;
                    target = None;
                }
                "segment" => state = attr(&e, "state")?.unwrap_or_default(),
                "source" => capture = Some((false, String::new())),
                "target" => capture = Some((true, String::new())),
                _ => {}
            },
            Event::Text(t) => {
                if let Some((_, s)) = capture.as_mut() {
                    s.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some((_, s)) = capture.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, s)) = capture.as_mut() {
                    let name = r.xml10_content();
                    let c = match name.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => r.resolve_char_ref().ok().flatten(),
                    };
                    match c {
                        Some(c) => s.push(c),
                        None => {
                            return Err(err(pos, "target", format!("unknown entity `&{name};`")));
                        }
                    }
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "source" | "target" => {
                    if let Some((is_target, s)) = capture.take() {
                        if is_target {
                            target = Some(s)
                        } else {
                            source = Some(s)
                        }
                    }
                }
                "unit" => {
                    let Some((id, at)) = unit.take() else {
                        continue;
                    };
                    let at = format!("line {} (unit `{id}`)", line_of(at));
                    let Some(source) = source.take() else {
                        return Err(ImportError::new(
                            Some(at),
                            "source",
                            "the unit has no <source>".into(),
                        ));
                    };
                    out.push(Incoming {
                        at,
                        lang: lang.clone(),
                        file: file.clone(),
                        key: id,
                        source,
                        translation: target.take().unwrap_or_default(),
                        confirmed: matches!(state.as_str(), "translated" | "reviewed" | "final"),
                    });
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}
