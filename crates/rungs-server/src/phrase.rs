//! Words built in code (an item of "Waiting for you", an event of a
//! person's timeline) kept as a message of the app's catalogues and its
//! variables, so that a page can say them in its reader's language while
//! the API and emails keep the English.

use fluent_bundle::FluentArgs;

use crate::framework::Ladder;

/// A variable of a [`Phrase`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    /// Words as they are (a name, a date).
    Text(String),
    /// A number: it chooses the plural form.
    Number(i64),
    /// Another message of the catalogues (`state-draft`).
    Message(String),
    /// A level, by ids: its title in the reader's language where the
    /// ladder translates it.
    Level { track: String, level: String },
}

/// A message of the app's catalogues with its variables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Phrase {
    /// The message `id`, with no variables yet.
    pub(crate) fn new(id: &'static str) -> Phrase {
        Phrase {
            id,
            args: Vec::new(),
        }
    }

    /// With the variable `name` set to `value`.
    pub(crate) fn text(mut self, name: &'static str, value: impl Into<String>) -> Phrase {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// With the number `name`.
    pub(crate) fn number(mut self, name: &'static str, value: i64) -> Phrase {
        self.args.push((name, Arg::Number(value)));
        self
    }

    /// With `name` set to the message `id` in the same language.
    pub(crate) fn message(mut self, name: &'static str, id: impl Into<String>) -> Phrase {
        self.args.push((name, Arg::Message(id.into())));
        self
    }

    /// With `name` set to the title of a level.
    pub(crate) fn level(mut self, name: &'static str, track: &str, level: &str) -> Phrase {
        let (track, level) = (track.to_string(), level.to_string());
        self.args.push((name, Arg::Level { track, level }));
        self
    }

    /// The words in `lang`; levels named as `ladder` names them (by ids
    /// without one).
    pub(crate) fn render(&self, ladder: Option<&Ladder>, lang: &str) -> String {
        let words = crate::i18n::messages(lang);
        let mut args = FluentArgs::new();
        for (name, arg) in &self.args {
            match arg {
                Arg::Text(text) => args.set(*name, text.clone()),
                Arg::Number(n) => args.set(*name, *n),
                Arg::Message(id) => args.set(*name, words.get(id)),
                Arg::Level { track, level } => {
                    let title = ladder
                        .and_then(|ladder| {
                            crate::localise::level_title(ladder, lang, track, level)
                                .or_else(|| ladder.level(track, level).map(|l| l.title))
                        })
                        .unwrap_or_else(|| format!("{track}/{level}"));
                    args.set(*name, title);
                }
            }
        }
        words.format(self.id, &args)
    }
}
