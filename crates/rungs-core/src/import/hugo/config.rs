//! The site's configuration (`hugo.toml`, `config.yaml`, ...): its title,
//! base URL and the `[site]` settings carried over.

use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::frontmatter;
use crate::source::SourceSet;

use super::settings;

#[derive(Debug, Default, Deserialize)]
pub(super) struct HugoConfig {
    pub(super) title: Option<String>,
    #[serde(rename = "baseURL", alias = "baseurl", alias = "baseUrl")]
    pub(super) base_url: Option<String>,
    /// The `[site]` settings carried over (see [`settings`]); not a Hugo key.
    #[serde(skip)]
    pub(super) site: toml::Table,
}

const CONFIG_FILES: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config/_default/hugo.toml",
    "config/_default/config.toml",
    "config/_default/hugo.yaml",
    "config/_default/config.yaml",
];

pub(super) fn read_config(site: &SourceSet, diags: &mut Diagnostics) -> HugoConfig {
    for name in CONFIG_FILES {
        let Some(file) = site.get(name) else { continue };
        let parsed: Result<HugoConfig, Diagnostic> = if name.ends_with(".toml") {
            toml::from_str(file.text()).map_err(|e| {
                Diagnostic::warning(Code::Syntax, format!("Hugo configuration: {}", e.message()))
                    .at(&file.start_span())
            })
        } else {
            frontmatter::parse_yaml(file, file.text(), 0)
        };
        match parsed {
            Ok(mut c) => {
                c.site = settings::read(site, file, diags);
                return c;
            }
            Err(mut d) => {
                d.severity = crate::Severity::Warning;
                diags.push(d.help("the site title and base URL could not be read; set them in rungs.toml after importing"));
                return HugoConfig::default();
            }
        }
    }
    diags.push(
        Diagnostic::warning(
            Code::NotImported,
            "no Hugo configuration file (hugo.toml, config.yaml, ...) found",
        )
        .help("set `title` and `base_url` in the imported rungs.toml"),
    );
    HugoConfig::default()
}
