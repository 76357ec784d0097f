//! The people app's pages: minijinja templates embedded in the binary,
//! styled by the site's own stylesheet plus a small one of the app's.
//!
//! As with the site's theme, a framework replaces them one by one:
//! `theme/app/templates/home.html` replaces the built-in `home.html`,
//! `theme/app/app.css` the app's stylesheet.

use axum::response::Html;
use minijinja::Environment;

use crate::error::ServerError;

/// The templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("message.html", include_str!("templates/message.html")),
    ("confirm.html", include_str!("templates/confirm.html")),
    ("login.html", include_str!("templates/login.html")),
    ("password.html", include_str!("templates/password.html")),
    ("home.html", include_str!("templates/home.html")),
    ("people.html", include_str!("templates/people.html")),
    ("person.html", include_str!("templates/person.html")),
    ("roster.html", include_str!("templates/roster.html")),
    ("rollout.html", include_str!("templates/rollout.html")),
    ("audit.html", include_str!("templates/audit.html")),
    ("tokens.html", include_str!("templates/tokens.html")),
    ("framework.html", include_str!("templates/framework.html")),
    ("impact.html", include_str!("templates/impact.html")),
    ("_impact.html", include_str!("templates/_impact.html")),
    ("_cell.html", include_str!("templates/_cell.html")),
    ("assessment.html", include_str!("templates/assessment.html")),
    (
        "assessment_print.html",
        include_str!("templates/assessment_print.html"),
    ),
    ("growth.html", include_str!("templates/growth.html")),
    ("team.html", include_str!("templates/team.html")),
    ("insights.html", include_str!("templates/insights.html")),
    ("cycles.html", include_str!("templates/cycles.html")),
    ("_case.html", include_str!("templates/_case.html")),
    ("promotions.html", include_str!("templates/promotions.html")),
    ("promotion.html", include_str!("templates/promotion.html")),
    (
        "promotion_packet.html",
        include_str!("templates/promotion_packet.html"),
    ),
    ("feedback.html", include_str!("templates/feedback.html")),
    (
        "calibrations.html",
        include_str!("templates/calibrations.html"),
    ),
    (
        "calibration.html",
        include_str!("templates/calibration.html"),
    ),
    (
        "invitations.html",
        include_str!("templates/invitations.html"),
    ),
    ("account.html", include_str!("templates/account.html")),
];

/// The app's stylesheet.
pub(crate) const APP_CSS: &str = include_str!("../assets/app.css");

/// The ladder's levels as pages name them.
pub(crate) struct LevelNames {
    /// Names by language code (the ladder's own words under `""`), then
    /// by `track/level`.
    pub(crate) by_language:
        std::collections::HashMap<String, std::collections::HashMap<String, String>>,
    /// Every `track/level`, in the order forms list them.
    pub(crate) order: Vec<String>,
}

impl LevelNames {
    /// The names in `lang`, else in the ladder's own words.
    fn in_language(&self, lang: &str) -> Option<&std::collections::HashMap<String, String>> {
        self.by_language
            .get(lang)
            .or_else(|| self.by_language.get(""))
    }
}

/// The page's language, as the layout is given it.
fn page_language(state: &minijinja::State) -> String {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The compiled templates.
pub(crate) struct Views {
    env: Environment<'static>,
}

impl Views {
    /// Compiles the templates, with the framework's `overrides` (name,
    /// source) in place of the built-in ones. `level_names` names each
    /// level (`track/level`) by language code, the ladder's own words
    /// under `""`.
    pub(crate) fn new(
        overrides: &[(String, String)],
        level_names: LevelNames,
    ) -> Result<Views, String> {
        let mut env = Environment::new();
        // `level_name(track, level)`: "Senior Engineer (Engineering)" in the
        // language of the page where the ladder translates it, or the ids
        // of a level this ladder no longer has.
        use std::fmt::Write as _;
        let level_names = std::sync::Arc::new(level_names);
        let names = level_names.clone();
        env.add_function(
            "level_name",
            move |state: &minijinja::State, track: Option<String>, level: Option<String>| {
                let (Some(t), Some(l)) = (track, level) else {
                    return String::new();
                };
                let key = format!("{t}/{l}");
                names
                    .in_language(&page_language(state))
                    .and_then(|names| names.get(&key))
                    .cloned()
                    .unwrap_or(key)
            },
        );
        // `level_options(track, level)`: an `<option>` for every level of
        // the ladder, named as `level_name` names it, that one selected.
        // A form per person lists them all: written here, it is one call
        // rather than a template loop per person.
        env.add_function(
            "level_options",
            move |state: &minijinja::State, track: Option<String>, level: Option<String>| {
                let chosen = track.zip(level).map(|(t, l)| format!("{t}/{l}"));
                let names = level_names.in_language(&page_language(state));
                let mut html = String::new();
                for key in &level_names.order {
                    let name = names.and_then(|n| n.get(key)).unwrap_or(key);
                    let selected = if chosen.as_ref() == Some(key) {
                        " selected"
                    } else {
                        ""
                    };
                    let _ = write!(
                        html,
                        "<option value=\"{}\"{selected}>{}</option>",
                        minijinja::HtmlEscape(key),
                        minijinja::HtmlEscape(name)
                    );
                }
                minijinja::Value::from_safe_string(html)
            },
        );
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        // `t("id", name=value)`: the app's words in the viewer's language.
        env.add_function("t", crate::i18n::template_function);
        // `{{ error | said }}`: a common form error in the page's language.
        env.add_filter("said", crate::i18n::said_filter);
        // `{{ note }}{{ note | full_stop }}`: a sentence ending in someone's
        // words gets a full stop unless the words end in one.
        env.add_filter("full_stop", |text: String| {
            crate::web::prose::full_stop(&text)
        });
        env.add_filter("datetime", |secs: i64| {
            time::OffsetDateTime::from_unix_timestamp(secs)
                .map(|t| {
                    format!(
                        "{:04}-{:02}-{:02} {:02}:{:02}",
                        t.year(),
                        u8::from(t.month()),
                        t.day(),
                        t.hour(),
                        t.minute()
                    )
                })
                .unwrap_or_default()
        });
        // `links`: evidence as written, with its http(s) addresses as links.
        env.add_filter("links", |text: String| {
            minijinja::Value::from_safe_string(links(&text))
        });
        for (name, source) in TEMPLATES {
            env.add_template(name, source)
                .map_err(|e| format!("template {name}: {e}"))?;
        }
        for (name, source) in overrides {
            if !TEMPLATES.iter().any(|(builtin, _)| builtin == name) {
                let known: Vec<&str> = TEMPLATES.iter().map(|(n, _)| *n).collect();
                return Err(format!(
                    "theme/app/templates/{name}: the app has no template `{name}` (it has {})",
                    known.join(", ")
                ));
            }
            env.add_template_owned(name.clone(), source.clone())
                .map_err(|e| format!("theme/app/templates/{name}: {e}"))?;
        }
        Ok(Views { env })
    }

    /// Renders `name` with `context`.
    pub(crate) fn render(
        &self,
        name: &str,
        context: minijinja::Value,
    ) -> Result<Html<String>, ServerError> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| ServerError::Internal(e.to_string()))?;
        // The error is logged once, where it becomes a response.
        template
            .render(context)
            .map(Html)
            .map_err(|e| ServerError::Internal(format!("rendering {name}: {e:#}")))
    }
}

/// `text`, HTML-escaped, with every word that is an `http://` or `https://`
/// address made a link (opened without the app as referrer). Trailing
/// punctuation (a full stop ending a sentence) stays outside the link.
fn links(text: &str) -> String {
    let escape = |s: &str| {
        let mut e = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                '&' => e.push_str("&amp;"),
                '<' => e.push_str("&lt;"),
                '>' => e.push_str("&gt;"),
                '"' => e.push_str("&quot;"),
                '\'' => e.push_str("&#39;"),
                c => e.push(c),
            }
        }
        e
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, after) = rest.split_at(word_end);
        let space_end = after
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(after.len());
        let (space, next) = after.split_at(space_end);
        let lower = word.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            let address = word.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
            let tail = &word[address.len()..];
            let address = escape(address);
            out.push_str(&format!(
                "<a href=\"{address}\" rel=\"noopener noreferrer nofollow\">{address}</a>{}",
                escape(tail)
            ));
        } else {
            out.push_str(&escape(word));
        }
        out.push_str(&escape(space));
        rest = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::links;

    #[test]
    fn evidence_addresses_become_links_and_the_rest_stays_escaped() {
        assert_eq!(
            links("See https://git.example.org/pr/1. And <b>this</b>"),
            "See <a href=\"https://git.example.org/pr/1\" rel=\"noopener noreferrer nofollow\">\
             https://git.example.org/pr/1</a>. And &lt;b&gt;this&lt;/b&gt;"
        );
        // Only http(s): no `javascript:` links, and quotes cannot leave the attribute.
        assert_eq!(links("javascript:alert(1)"), "javascript:alert(1)");
        assert!(links("https://x.example/\"onmouseover=1").contains("&quot;onmouseover=1"));
        assert_eq!(links("a\n  b"), "a\n  b");
    }
}
