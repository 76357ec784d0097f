//! The short page an error becomes in the app. It is written first in
//! English, where the error happens and nobody is known yet; the request's
//! middleware, which knows the viewer, says it again in their language.
//! The API's JSON errors stay English: scripts match on them.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use fluent_bundle::FluentArgs;

use crate::error::ServerError;

/// What an error page says, kept on its response for the middleware.
#[derive(Debug, Clone)]
pub(crate) struct ErrorWords {
    status: StatusCode,
    /// The message of an error whose words never change (forbidden, too
    /// many attempts, internal), said in any language.
    fixed: Option<&'static str>,
    /// The error's own sentence (what was not found, what is wrong with
    /// the form): English, built where it happened.
    detail: String,
    /// The sentence as a catalogue message, when the error has one: said
    /// in the reader's language instead of the English.
    words: Option<rungs_store::Words>,
}

impl ErrorWords {
    /// The words of the page for `e`.
    pub(crate) fn of(e: &ServerError) -> ErrorWords {
        let fixed = match e {
            ServerError::Unauthenticated => Some("error-sign-in"),
            ServerError::Forbidden => Some("error-forbidden"),
            ServerError::TooManyAttempts => Some("error-too-many"),
            ServerError::Internal(_) => Some("error-internal"),
            _ => None,
        };
        let words = match e {
            ServerError::Refused { words, .. } => Some(words.clone()),
            _ => None,
        };
        ErrorWords {
            status: e.status(),
            fixed,
            detail: e.to_string(),
            words,
        }
    }

    /// The page in `lang`: in English as the error says it; in another
    /// language what the status means, with the error's own English
    /// sentence below it, marked as English.
    pub(crate) fn page(&self, lang: &str) -> Response {
        let words = crate::i18n::messages(lang);
        let mut args = FluentArgs::new();
        args.set("status", self.status.as_u16());
        let title = words.format("error-title", &args);
        let said = match (self.fixed, &self.words) {
            (Some(id), _) => words.get(id),
            (None, Some(own)) => crate::i18n::say(own, lang),
            (None, None) if lang == crate::i18n::DEFAULT_LANGUAGE => self.detail.clone(),
            (None, None) => words.format("error-explain", &args),
        };
        let mut text = format!("<p role=\"alert\">{}</p>", html_escape(&said));
        let in_english_only = self.fixed.is_none() && self.words.is_none();
        if in_english_only && lang != crate::i18n::DEFAULT_LANGUAGE {
            text.push_str(&format!(
                "<p lang=\"en\"><code>{}</code></p>",
                html_escape(&self.detail)
            ));
        }
        let body = format!(
            "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" href=\"/assets/rungs.css\"><link rel=\"stylesheet\" href=\"/app/assets/app.css\"></head><body class=\"app\"><main class=\"app-main\"><h1>{title}</h1>{text}<p><a href=\"/app\">{back}</a></p></main></body></html>",
            lang = html_escape(lang),
            title = html_escape(&title),
            back = html_escape(&words.get("error-back")),
        );
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            body,
        )
            .into_response();
        response.extensions_mut().insert(self.clone());
        response
    }
}

/// `response` again in `lang` when it is an error page written in another.
pub(crate) fn in_language(response: Response, lang: &str) -> Response {
    if lang == crate::i18n::DEFAULT_LANGUAGE {
        return response;
    }
    match response.extensions().get::<ErrorWords>() {
        Some(words) => words.page(lang),
        None => response,
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
