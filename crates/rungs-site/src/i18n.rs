//! The site's own words in the framework's language (`[site] language`):
//! Fluent catalogues embedded in the binary, one per language
//! (`locales/LANG/site.ftl`).
//!
//! Messages without variables are formatted once per build; the templates
//! call `t("id", name=value, ...)`, and the scripts get the `js-` messages
//! as a small object at the top of `assets/rungs.js`.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use minijinja::Value;
use minijinja::value::{Kwargs, ValueKind};

use crate::html::escape;

/// A message's own text as HTML: `&`, `<`, `>` and `"` escaped (it goes
/// into element content and double-quoted attributes), the apostrophes of
/// "level's" kept as written.
fn escape_message(text: &str) -> String {
    let escaped = escape(text);
    if escaped.contains("&#39;") {
        escaped.replace("&#39;", "'")
    } else {
        escaped
    }
}

/// The languages the site is written in: code, name and catalogue.
pub const LANGUAGES: &[(&str, &str, &str)] = &[
    ("en", "English", include_str!("../locales/en/site.ftl")),
    ("de", "Deutsch", include_str!("../locales/de/site.ftl")),
    ("ja", "日本語", include_str!("../locales/ja/site.ftl")),
];

/// The language of a site that sets none.
pub const DEFAULT_LANGUAGE: &str = "en";

/// The catalogue of `code`, if the site is written in that language.
pub fn catalogue(code: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, _, ftl)| *ftl)
}

/// The ids of the messages of a catalogue, in order (its lines that start
/// a message: `id = ...`).
pub fn message_ids(ftl: &str) -> Vec<&str> {
    ftl.lines()
        .filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let valid = id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            valid.then_some(id)
        })
        .collect()
}

/// A language's messages, ready to format.
pub struct Messages {
    /// The language code, for `<html lang>`.
    pub lang: &'static str,
    /// The catalogue the messages come from.
    ftl: &'static str,
    bundle: FluentBundle<FluentResource>,
    /// Every message without variables, formatted once.
    fixed: HashMap<String, String>,
    /// The same as HTML template values, escaped once.
    fixed_html: HashMap<String, Value>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang)
            .finish()
    }
}

/// Numbers of four digits and more with the language's group separator
/// (Fluent writes them without one).
fn group_digits(value: &FluentValue, separator: char) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    if n.value.fract() != 0.0 {
        // 1.5 is "1,5" where groups are marked with dots.
        return (separator == '.').then(|| format!("{}", n.value).replace('.', ","));
    }
    if n.value.abs() < 1000.0 || n.value.abs() > 1e15 {
        return None;
    }
    let digits = format!("{}", n.value.abs() as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n.value < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    Some(out)
}

fn comma_groups<M>(value: &FluentValue, _: &M) -> Option<String> {
    group_digits(value, ',')
}

fn dot_groups<M>(value: &FluentValue, _: &M) -> Option<String> {
    group_digits(value, '.')
}

impl Messages {
    /// The messages of `code` (see [`LANGUAGES`]); English for an unknown
    /// code (`rungs check` and the settings refuse those before).
    pub fn new(code: &str) -> Messages {
        let (lang, _, ftl) = LANGUAGES
            .iter()
            .find(|(c, _, _)| *c == code)
            .unwrap_or(&LANGUAGES[0]);
        Messages::from_catalogue(lang, ftl)
    }

    /// The messages of another catalogue `ftl` (the people app's, say) in
    /// the language `lang`, formatted as the site's are: numbers grouped
    /// and plural forms chosen the language's way.
    pub fn from_catalogue(lang: &'static str, ftl: &'static str) -> Messages {
        let langid: unic_langid::LanguageIdentifier = lang.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Pages are written in one direction; content that is not marks
        // itself (`dir="auto"`), so no isolation marks around variables.
        bundle.set_use_isolating(false);
        if lang == "de" {
            bundle.set_formatter(Some(dot_groups));
        } else {
            bundle.set_formatter(Some(comma_groups));
        }
        // A catalogue with a syntax error keeps the messages it could read
        // (the tests refuse such a catalogue).
        let resource = FluentResource::try_new(ftl.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
        let mut fixed = HashMap::new();
        for id in message_ids(ftl) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, None, &mut errors);
                if errors.is_empty() {
                    fixed.insert(id.to_string(), text.into_owned());
                }
            }
        }
        let fixed_html = fixed
            .iter()
            .map(|(id, text)| (id.clone(), Value::from_safe_string(escape_message(text))))
            .collect();
        Messages {
            lang,
            ftl,
            bundle,
            fixed,
            fixed_html,
        }
    }

    /// The message `id` as plain text; the id itself when it is missing.
    pub fn get(&self, id: &str) -> String {
        match self.fixed.get(id) {
            Some(text) => text.clone(),
            None => self.format(id, &FluentArgs::new()),
        }
    }

    /// The message `id` with `args`, as plain text.
    pub fn format(&self, id: &str, args: &FluentArgs<'_>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(args), &mut errors)
            .into_owned()
    }

    /// A range of years as the language writes it ("2-3 years",
    /// "2–3 Jahre", "2〜3年").
    pub fn years(&self, range: &rungs_core::model::YearRange) -> String {
        if self.lang == "en" {
            // The same words as `rungs check` and the exports.
            return rungs_core::text::format_years(range);
        }
        let mut args = FluentArgs::new();
        args.set("min", range.min);
        match range.max {
            None => self.format("years-open", &args),
            Some(max) if max == range.min => {
                args.set("count", range.min);
                self.format("years-exact", &args)
            }
            Some(max) => {
                args.set("max", max);
                self.format("years-range", &args)
            }
        }
    }

    /// Years as [`Messages::years`] writes them, else the author's words.
    pub fn years_or_words(
        &self,
        years: Option<&rungs_core::model::YearRange>,
        words: Option<&String>,
    ) -> Option<String> {
        years.map(|y| self.years(y)).or_else(|| words.cloned())
    }

    /// The message `id` with one text variable.
    pub fn with(&self, id: &str, name: &'static str, value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set(name, value.to_string());
        self.format(id, &args)
    }

    /// The message `id` for the templates, as HTML: the message's text
    /// escaped, numbers formatted and choosing the plural form, text
    /// variables escaped and HTML variables (a link the template built)
    /// kept as they are.
    pub fn html(&self, id: &str, kwargs: &Kwargs) -> Result<Value, minijinja::Error> {
        let names: Vec<&str> = kwargs.args().collect();
        if names.is_empty() {
            return Ok(match self.fixed_html.get(id) {
                Some(html) => html.clone(),
                None => Value::from_safe_string(escape_message(&self.get(id))),
            });
        }
        let mut args = FluentArgs::new();
        let mut inserts = Vec::new();
        for name in names {
            let value: Value = kwargs.get(name)?;
            match value.kind() {
                ValueKind::Number => {
                    let n = f64::try_from(value.clone()).unwrap_or(0.0);
                    args.set(name.to_string(), FluentValue::from(n));
                }
                _ => {
                    let html = if value.is_safe() {
                        value.to_string()
                    } else {
                        escape(&value.to_string())
                    };
                    // A stand-in the message's text cannot hold, replaced by
                    // the variable's HTML once the text is escaped.
                    args.set(
                        name.to_string(),
                        format!("\u{e000}{}\u{e001}", inserts.len()),
                    );
                    inserts.push(html);
                }
            }
        }
        let mut out = escape_message(&self.format(id, &args));
        for (i, html) in inserts.iter().enumerate() {
            out = out.replace(&format!("\u{e000}{i}\u{e001}"), html);
        }
        Ok(Value::from_safe_string(out))
    }

    /// The `js-` messages as a JavaScript object literal: `{lang, m: {id:
    /// text}}`, where a text holds `{name}` for its variables, and a
    /// message whose words depend on the number `n` is an object with one
    /// text per plural category (`one`, `other`).
    pub fn script_object(&self) -> String {
        const VARIABLES: &[&str] = &["query", "title", "level", "first", "last", "count", "items"];
        let ftl = self.ftl;
        let mut m = serde_json::Map::new();
        for id in message_ids(ftl)
            .into_iter()
            .filter(|id| id.starts_with("js-"))
        {
            let with_n = |n: f64, shown: &str| {
                let mut args = FluentArgs::new();
                for v in VARIABLES {
                    args.set(*v, format!("{{{v}}}"));
                }
                args.set("n", FluentValue::from(n));
                self.format(id, &args).replace(shown, "{n}")
            };
            let one = with_n(1.0, "1");
            let other = with_n(7.0, "7");
            let key = id.trim_start_matches("js-").to_string();
            if one == other {
                m.insert(key, serde_json::Value::String(other));
            } else {
                let mut forms = serde_json::Map::new();
                forms.insert("one".into(), one.into());
                forms.insert("other".into(), other.into());
                m.insert(key, serde_json::Value::Object(forms));
            }
        }
        let object = serde_json::json!({ "lang": self.lang, "m": m });
        // Safe inside a <script> too: no `</` in the JSON.
        object.to_string().replace("</", "<\\/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_in_the_language() {
        let mut args = FluentArgs::new();
        args.set("count", 12345);
        assert_eq!(
            Messages::new("en").format("level-count", &args),
            "12,345 levels"
        );
        assert_eq!(
            Messages::new("de").format("level-count", &args),
            "12.345 Stufen"
        );
        args.set("count", 1);
        assert_eq!(Messages::new("en").format("level-count", &args), "1 level");
    }

    #[test]
    fn the_script_gets_plural_forms() {
        let js = Messages::new("en").script_object();
        assert!(js.contains(r#""lang":"en""#), "{js}");
        assert!(
            js.contains(r#""no-results":"No results for “{query}”.""#),
            "{js}"
        );
        let ja = Messages::new("ja").script_object();
        assert!(ja.contains(r#""lang":"ja""#), "{ja}");
    }
}
