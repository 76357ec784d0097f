//! The built-in theme, embedded in the binary, and the framework's overrides.
//!
//! Like mdBook, every file of the theme can be replaced one by one: a
//! framework file `theme/templates/level.html` replaces the built-in level
//! template, `theme/assets/rungs.css` the built-in stylesheet. Other files in
//! `theme/assets/` are published too. The template context is documented in
//! `docs/theming.md`.

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::Environment;
use rungs_core::SourceSet;

use crate::SiteError;
use crate::i18n::Messages;
use crate::settings::SiteSettings;

/// The built-in templates, by name.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../theme/templates/base.html")),
    ("index.html", include_str!("../theme/templates/index.html")),
    ("track.html", include_str!("../theme/templates/track.html")),
    ("level.html", include_str!("../theme/templates/level.html")),
    (
        "matrix.html",
        include_str!("../theme/templates/matrix.html"),
    ),
    (
        "compare.html",
        include_str!("../theme/templates/compare.html"),
    ),
    ("page.html", include_str!("../theme/templates/page.html")),
    (
        "grades.html",
        include_str!("../theme/templates/grades.html"),
    ),
    ("404.html", include_str!("../theme/templates/404.html")),
];

/// The built-in assets, published under `assets/`: the files of
/// `theme/assets/`, minified by `build.rs` (the sources keep their comments;
/// a framework's own `theme/assets/` files are published as written).
pub const ASSETS: &[(&str, &[u8])] = &[
    (
        "rungs.css",
        include_bytes!(concat!(env!("OUT_DIR"), "/rungs.css")),
    ),
    (
        "rungs.js",
        include_bytes!(concat!(env!("OUT_DIR"), "/rungs.js")),
    ),
    (
        "rungs-compare.js",
        include_bytes!(concat!(env!("OUT_DIR"), "/rungs-compare.js")),
    ),
];

/// Templates ready to render and the assets to publish.
pub struct Theme {
    /// The template environment.
    pub env: Environment<'static>,
    /// Asset file name to bytes.
    pub assets: BTreeMap<String, Vec<u8>>,
    /// The site's own words, in its language (`[site] language`).
    pub messages: Arc<Messages>,
}

impl Theme {
    /// The built-in theme with the framework's `theme/` overrides applied,
    /// speaking the language of `settings`. Templates get `t("id",
    /// name=value)` (a message of the site's catalogue, as HTML) and the
    /// `dir` filter (` dir="auto"` for text with right-to-left letters).
    pub fn load(sources: &SourceSet, settings: &SiteSettings) -> Result<Theme, SiteError> {
        let messages = Arc::new(Messages::new(
            settings
                .language
                .as_deref()
                .unwrap_or(crate::i18n::DEFAULT_LANGUAGE),
        ));
        let mut env = Environment::new();
        let words = Arc::clone(&messages);
        env.add_function("t", move |id: &str, kwargs: minijinja::value::Kwargs| {
            words.html(id, &kwargs)
        });
        env.add_filter("dir", |text: &str| {
            minijinja::Value::from_safe_string(crate::html::dir_auto(text).to_string())
        });
        if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        env.set_formatter(crate::html::formatter);
        for (name, builtin) in TEMPLATES {
            let source = sources
                .get(&format!("theme/templates/{name}"))
                .map(|f| f.text().to_string())
                .unwrap_or_else(|| dedent(builtin));
            env.add_template_owned(name.to_string(), source)
                .map_err(|source| SiteError::Template {
                    name: name.to_string(),
                    source,
                })?;
        }
        let mut assets: BTreeMap<String, Vec<u8>> = ASSETS
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec()))
            .collect();
        for file in sources.iter() {
            if let Some(name) = file.path.strip_prefix("theme/assets/") {
                let bytes = match &file.text {
                    Ok(t) => t.clone().into_bytes(),
                    // Binary assets (fonts, images) are kept as read.
                    Err(_) => file.bytes().to_vec(),
                };
                assets.insert(name.to_string(), bytes);
            }
        }
        // The scripts' words, in the site's language, ahead of the script.
        if let Some(script) = assets.get_mut("rungs.js") {
            let mut with_words =
                format!("window.RUNGS_I18N={};\n", messages.script_object()).into_bytes();
            with_words.extend_from_slice(script);
            *script = with_words;
        }
        Ok(Theme {
            env,
            assets,
            messages,
        })
    }
}

/// A built-in template without the indentation of its lines: the sources
/// are indented for readers, but every page would repeat that whitespace
/// (about 3% of a large site). No built-in template has `<pre>` or other
/// text whose leading spaces show; a framework's own templates are used as
/// written.
fn dedent(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    for line in template.split_inclusive('\n') {
        out.push_str(line.trim_start_matches([' ', '\t']));
    }
    out
}
