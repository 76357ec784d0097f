//! The built-in theme, embedded in the binary, and the framework's overrides.
//!
//! Like mdBook, every file of the theme can be replaced one by one: a
//! framework file `theme/templates/level.html` replaces the built-in level
//! template, `theme/assets/rungs.css` the built-in stylesheet. Other files in
//! `theme/assets/` are published too. The template context is documented in
//! `docs/theming.md`.

use std::collections::BTreeMap;

use minijinja::Environment;
use rungs_core::SourceSet;

use crate::SiteError;

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

/// The built-in assets, published under `assets/`.
pub const ASSETS: &[(&str, &[u8])] = &[
    ("rungs.css", include_bytes!("../theme/assets/rungs.css")),
    ("rungs.js", include_bytes!("../theme/assets/rungs.js")),
    (
        "rungs-compare.js",
        include_bytes!("../theme/assets/rungs-compare.js"),
    ),
];

/// The built-in assets as published: scripts and stylesheets minified once
/// per process (the sources keep their comments for readers; a level page
/// stays light). A framework's own `theme/assets/` files are published as
/// written.
fn built_in_assets() -> &'static BTreeMap<String, Vec<u8>> {
    static ASSETS_OUT: std::sync::OnceLock<BTreeMap<String, Vec<u8>>> = std::sync::OnceLock::new();
    ASSETS_OUT.get_or_init(|| {
        ASSETS
            .iter()
            .map(|(name, bytes)| (name.to_string(), minified(name, bytes)))
            .collect()
    })
}

/// `bytes` minified when it is CSS or JavaScript; as they are otherwise, or
/// when the minifier refuses them.
fn minified(name: &str, bytes: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return bytes.to_vec();
    };
    if name.ends_with(".css") {
        match minifier::css::minify(text) {
            Ok(css) => css.to_string().into_bytes(),
            Err(_) => bytes.to_vec(),
        }
    } else if name.ends_with(".js") {
        minifier::js::minify(text).to_string().into_bytes()
    } else {
        bytes.to_vec()
    }
}

/// Templates ready to render and the assets to publish.
pub struct Theme {
    /// The template environment.
    pub env: Environment<'static>,
    /// Asset file name to bytes.
    pub assets: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The built-in theme with the framework's `theme/` overrides applied.
    pub fn load(sources: &SourceSet) -> Result<Theme, SiteError> {
        let mut env = Environment::new();
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
                .unwrap_or_else(|| builtin.to_string());
            env.add_template_owned(name.to_string(), source)
                .map_err(|source| SiteError::Template {
                    name: name.to_string(),
                    source,
                })?;
        }
        let mut assets: BTreeMap<String, Vec<u8>> = built_in_assets().clone();
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
        Ok(Theme { env, assets })
    }
}
