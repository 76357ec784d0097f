//! The ladder's statements in the viewer's language, where the ladder has a
//! translation into it (`translations/<lang>/`): the assessment, its
//! printable version and the growth plan show the translated words with
//! the original beside them. Ratings stay keyed by the statement's id, so
//! nothing stored depends on the language it was read in.

use rungs_core::translate::{Field, Freshness, Item};
use serde::Serialize;
use utoipa::ToSchema;

use crate::framework::Ladder;

/// A statement's words in another language than the ladder's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Translated {
    /// The language of the words (`de`), for the `lang` attribute.
    pub lang: String,
    /// The statement's name, for a named statement.
    pub name: Option<String>,
    /// The words.
    pub text: String,
    /// Translated from an older wording of the statement: the original may
    /// say more, or something else.
    pub stale: bool,
}

/// The statement `id` of a level in `lang`, if the ladder translates it.
pub(crate) fn statement(
    ladder: &Ladder,
    lang: &str,
    track: &str,
    level: &str,
    id: &str,
) -> Option<Translated> {
    let language = ladder.translations.language(lang)?;
    let (words, freshness) = language.get(Item::Statement { track, level, id })?;
    let (name, text) = split_name(words);
    Some(Translated {
        lang: lang.to_string(),
        name,
        text,
        stale: freshness == Freshness::Stale,
    })
}

/// An area's title in `lang`, if the ladder translates it. Headings are
/// shown translated without the original: they name, they do not judge.
pub(crate) fn area_title(ladder: &Ladder, lang: &str, area: &str) -> Option<String> {
    let language = ladder.translations.language(lang)?;
    let field = Field::Title;
    let (title, _) = language.get(Item::Area { area, field })?;
    Some(title.to_string())
}

/// A level's title in `lang`, if the ladder translates it.
pub(crate) fn level_title(ladder: &Ladder, lang: &str, track: &str, level: &str) -> Option<String> {
    let language = ladder.translations.language(lang)?;
    let field = Field::Title;
    let (title, _) = language.get(Item::Level {
        track,
        level,
        field,
    })?;
    Some(title.to_string())
}

/// `**Name**: words`, the way a translation holds a named statement, as
/// the name and the words; other text as it is.
fn split_name(words: &str) -> (Option<String>, String) {
    if let Some(rest) = words.strip_prefix("**")
        && let Some((name, text)) = rest.split_once("**:")
        && !name.is_empty()
    {
        return (Some(name.to_string()), text.trim_start().to_string());
    }
    (None, words.to_string())
}

#[cfg(test)]
mod tests {
    use super::split_name;

    #[test]
    fn a_named_statement_splits_into_its_name_and_words() {
        assert_eq!(
            split_name("**Ausdauer**: Du bleibst dran."),
            (Some("Ausdauer".to_string()), "Du bleibst dran.".to_string())
        );
        assert_eq!(
            split_name("Du prüfst **gründlich**: immer."),
            (None, "Du prüfst **gründlich**: immer.".to_string())
        );
    }
}
