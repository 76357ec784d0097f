//! Minifies the built-in stylesheet and scripts once, at compile time: the
//! sources in `theme/assets/` keep their comments for readers, sites get
//! light files, and no build of a site pays for minifying.

use std::error::Error;
use std::path::Path;

/// The built-in assets that are minified (see `src/theme.rs`).
const ASSETS: &[&str] = &["rungs.css", "rungs.js", "rungs-compare.js"];

fn main() -> Result<(), Box<dyn Error>> {
    let out = std::env::var("OUT_DIR")?;
    for name in ASSETS {
        let source = format!("theme/assets/{name}");
        println!("cargo:rerun-if-changed={source}");
        let text = std::fs::read_to_string(&source)?;
        let minified = if name.ends_with(".css") {
            // A stylesheet the minifier refuses is published as written.
            minifier::css::minify(&text)
                .map(|css| css.to_string())
                .unwrap_or(text)
        } else {
            minifier::js::minify(&text).to_string()
        };
        std::fs::write(Path::new(&out).join(name), minified)?;
    }
    Ok(())
}
