//! The people app's own words in the viewer's language: Fluent
//! catalogues embedded in the binary (`locales/LANG/app.ftl`), formatted
//! the way the website formats its own (`rungs_site::i18n::Messages`).
//!
//! Each person chooses their language on the account page; without a
//! choice the app speaks the organisation's language (`[site] language` of
//! the framework), else English. Templates call `t("id", name=value)`,
//! which formats in the language of the page being rendered (the context's
//! `lang`).

use std::sync::LazyLock;

use minijinja::State;
use minijinja::value::{Kwargs, Value};
use rungs_site::i18n::Messages;

/// The languages the app is written in: code, the language's own name,
/// catalogue.
pub const LANGUAGES: &[(&str, &str, &str)] = &[
    ("en", "English", include_str!("../locales/en/app.ftl")),
    ("de", "Deutsch", include_str!("../locales/de/app.ftl")),
    ("ja", "日本語", include_str!("../locales/ja/app.ftl")),
];

/// The language when neither the person nor the organisation chose one.
pub const DEFAULT_LANGUAGE: &str = "en";

/// The language of the ladder's own words (its translations are into
/// others): English, as the website takes it to be.
pub const SOURCE_LANGUAGE: &str = "en";

/// Every catalogue, parsed once, in the order of [`LANGUAGES`].
static MESSAGES: LazyLock<Vec<Messages>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .map(|(code, _, ftl)| Messages::from_catalogue(code, ftl))
        .collect()
});

/// Whether the app is written in `code`.
pub fn is_supported(code: &str) -> bool {
    LANGUAGES.iter().any(|(c, _, _)| *c == code)
}

/// The messages of `code`; English for a language the app is not written
/// in (a choice is checked when it is made, so this is a stored value
/// from a newer or older version).
pub(crate) fn messages(code: &str) -> &'static Messages {
    let at = LANGUAGES
        .iter()
        .position(|(c, _, _)| *c == code)
        .unwrap_or(0);
    &MESSAGES[at]
}

/// The language of the pages for someone who chose `chosen` (or nothing),
/// in an organisation whose framework is written in `organisation`.
pub(crate) fn language_of(chosen: Option<&str>, organisation: &str) -> &'static str {
    let pick = |code: &str| LANGUAGES.iter().find(|(c, _, _)| *c == code).map(|l| l.0);
    chosen
        .and_then(pick)
        .or_else(|| pick(organisation))
        .unwrap_or(DEFAULT_LANGUAGE)
}

/// The template function `t("id", name=value)`: the message in the
/// language of the page being rendered. An id the catalogue lacks shows
/// as itself (the catalogue tests catch it before a release).
pub(crate) fn template_function(
    state: &State,
    id: &str,
    kwargs: Kwargs,
) -> Result<Value, minijinja::Error> {
    let lang = state
        .lookup("lang")
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_string());
    messages(&lang).html(id, &kwargs)
}

/// Form errors whose English sentence never varies, with the message
/// that says them on a page. The errors themselves stay English, as the
/// API gives them to scripts; a page shown again with one says it in its
/// language (the filter `said`). Each message's English is the sentence
/// itself, which the catalogue tests check.
pub const FORM_ERRORS: &[(&str, &str)] = &[
    ("choose a level to propose", "form-choose-level"),
    ("choose a file to import", "form-choose-file"),
    ("choose a CSV file", "form-choose-csv"),
    ("say in words what you saw", "form-say-what-you-saw"),
    ("say what to work on", "form-say-what-to-work-on"),
    ("name the calibration session", "form-name-session"),
    ("this rollout is closed", "form-rollout-closed"),
    ("this cycle is closed", "form-cycle-closed"),
    (
        "a password needs at least 12 characters",
        "form-password-short",
    ),
    (
        "choose a language or how to hear of what waits for you",
        "form-account-choose",
    ),
    (
        "nobody owes anything in this cycle: there is no one to remind",
        "form-nobody-to-remind",
    ),
    (
        "these ratings are submitted; they can no longer be changed",
        "form-ratings-submitted",
    ),
    (
        "the case is decided: feedback is closed",
        "form-case-decided",
    ),
    ("you cannot anonymise yourself", "form-anonymise-yourself"),
    (
        "this person is marked not on a ladder: put them back on one first",
        "form-off-ladder",
    ),
    (
        "the kept file was damaged: choose the file again",
        "form-kept-damaged",
    ),
];

/// `words` (a catalogue message with its values) in `lang`. A variable
/// named `field` holds a roster field's key (`start_date`) and is said as
/// that field's label (`roster-field-start_date`); one named `month_name`
/// holds a month's number and is said as its name (`roster-month-2`); one
/// named `state` holds an assessment's state (`state-shared`), one named
/// `part` a part of a promotion case (`case-narrative`).
pub(crate) fn say(words: &rungs_store::Words, lang: &str) -> String {
    let args: Vec<(&str, &str)> = words
        .args
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    say_parts(words.id, &args, lang)
}

/// [`say`], from the message id and values as text.
fn say_parts(id: &str, args: &[(&str, &str)], lang: &str) -> String {
    let words = messages(lang);
    let mut fluent = fluent_bundle::FluentArgs::new();
    for &(name, value) in args {
        let said = match name {
            "field" => words.get(&format!("roster-field-{value}")),
            "month_name" => words.get(&format!("roster-month-{value}")),
            "state" => words.get(&format!("state-{value}")),
            "part" => words.get(&format!("case-{value}")),
            _ => value.to_string(),
        };
        fluent.set(name.to_string(), said);
    }
    words.format(id, &fluent)
}

/// The template filter `{{ error | said }}`: a form error in the language
/// of the page. An error with its words (see [`crate::web::FormError`]) is
/// said from them; an English sentence that is one of [`FORM_ERRORS`] is
/// said by its message; any other is shown as it is.
pub(crate) fn said_filter(state: &State, error: Value) -> String {
    let lang = || {
        state
            .lookup("lang")
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| DEFAULT_LANGUAGE.to_string())
    };
    if let Some(text) = error.as_str() {
        return match FORM_ERRORS.iter().find(|(english, _)| *english == text) {
            Some((_, id)) => messages(&lang()).get(id),
            None => text.to_string(),
        };
    }
    match crate::web::FormError::words_of(&error) {
        Some((id, args)) => {
            let args: Vec<(&str, &str)> =
                args.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
            say_parts(&id, &args, &lang())
        }
        None => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_wins_then_the_organisation_then_english() {
        assert_eq!(language_of(Some("ja"), "de"), "ja");
        assert_eq!(language_of(None, "de"), "de");
        assert_eq!(language_of(Some("xx"), "de"), "de");
        assert_eq!(language_of(None, "fr"), "en");
    }

    #[test]
    fn an_unknown_id_is_shown_as_itself() {
        assert_eq!(messages("de").get("no-such-message"), "no-such-message");
        assert_eq!(messages("xx").get("nav-home"), "My level");
    }
}
