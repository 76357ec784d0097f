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
];

/// The app's stylesheet.
pub(crate) const APP_CSS: &str = include_str!("../assets/app.css");

/// The compiled templates.
pub(crate) struct Views {
    env: Environment<'static>,
}

impl Views {
    /// Compiles the templates, with the framework's `overrides` (name,
    /// source) in place of the built-in ones.
    pub(crate) fn new(
        overrides: &[(String, String)],
        level_names: std::collections::HashMap<String, String>,
    ) -> Result<Views, String> {
        let mut env = Environment::new();
        // `level_name(track, level)`: "Senior Engineer", or the ids of a
        // level this ladder no longer has.
        env.add_function(
            "level_name",
            move |track: Option<String>, level: Option<String>| match (track, level) {
                (Some(t), Some(l)) => {
                    let key = format!("{t}/{l}");
                    level_names.get(&key).cloned().unwrap_or(key)
                }
                _ => String::new(),
            },
        );
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
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
