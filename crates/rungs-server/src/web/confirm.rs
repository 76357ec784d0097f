//! Destructive actions ask first: the form's first post shows what will
//! happen, in words, and acts only when posted again with `confirm=yes`.
//! Works without JavaScript; the API's routes act at once, as documented.

use serde::Deserialize;

use super::{Page, render};
use crate::auth::Viewer;
use crate::phrase::Phrase;
use crate::state::App;

/// The confirmation a destructive form carries once its page said what
/// will happen.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Confirmed {
    #[serde(default)]
    confirm: String,
}

impl Confirmed {
    /// Whether the person saw the confirmation page and said yes.
    pub(crate) fn yes(&self) -> bool {
        self.confirm == "yes"
    }
}

/// A page asking to confirm a destructive action.
pub(crate) struct Confirmation<'a> {
    /// The menu item the page belongs to.
    pub nav: &'a str,
    /// The question, e.g. "Anonymise Bo Chen?".
    pub title: Phrase,
    /// What will happen, one paragraph each.
    pub consequences: Vec<Phrase>,
    /// Where the confirming form posts.
    pub action: String,
    /// The confirming button's words.
    pub button: Phrase,
    /// Where "Cancel" goes.
    pub back: String,
    /// Fields posted again with the confirmation (a form's own values).
    pub fields: Vec<(String, String)>,
}

/// Renders the confirmation page.
pub(crate) async fn ask(app: &App, viewer: &Viewer, c: Confirmation<'_>) -> Page {
    let Confirmation {
        nav,
        title,
        consequences,
        action,
        button,
        back,
        fields,
    } = c;
    // Said in the viewer's language: the question is theirs to answer.
    let lang = super::language(app, Some(viewer));
    let ladder = app.ladder();
    let say = |p: &Phrase| p.render(Some(&ladder), lang);
    let title = say(&title);
    let consequences: Vec<String> = consequences.iter().map(say).collect();
    let button = say(&button);
    render(
        app,
        Some(viewer),
        "confirm.html",
        nav,
        &title,
        ctx! { consequences, action, button, back, fields },
    )
    .await
}
