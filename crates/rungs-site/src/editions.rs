//! The language editions of a site: the source at the root and each
//! published translation under `<lang>/`, a complete site of its own.
//!
//! Every page links to the same page in each edition (`hreflang`
//! alternates and the header's language switcher); [`PrefixOutput`]
//! writes an edition's files under its folder.

use rayon::prelude::*;
use serde::Serialize;

use rungs_core::translate::{Language, Translations};
use rungs_core::{Framework, SourceSet};

use crate::render::render_site;
use crate::settings::SiteSettings;
use crate::theme::Theme;
use crate::{Output, SiteError};

/// The language the source is written in, for `hreflang` and `<html
/// lang>`. The source texts are English unless a setting says otherwise.
pub(crate) const SOURCE_LANGUAGE: &str = "en";

/// One edition of the site.
#[derive(Clone, Debug)]
pub(crate) struct Edition {
    /// Its language (a BCP 47 tag).
    pub(crate) code: String,
    /// Its folder with a trailing `/` (`de/`), empty for the source.
    pub(crate) prefix: String,
}

/// Every edition of a build and the one being rendered.
#[derive(Clone, Debug)]
pub(crate) struct Editions {
    /// The source first, then each translation.
    pub(crate) all: Vec<Edition>,
    /// Position of the edition being rendered in `all`.
    pub(crate) current: usize,
    /// The site's `base_url` (of the source edition), for absolute links.
    pub(crate) base_url: Option<String>,
}

/// A link to one language version of a page.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Alternate {
    /// The language (`hreflang`, `lang`).
    pub(crate) lang: String,
    /// Its name in its own language ("Deutsch").
    pub(crate) name: String,
    /// The page in that language, for `hreflang` links: absolute with
    /// `base_url`, else as `url`.
    pub(crate) href: String,
    /// The page in that language relative to this page, for links a reader
    /// follows: they stay on the same server (`rungs serve`, `file://`).
    pub(crate) url: String,
    /// This is the page's own language.
    pub(crate) current: bool,
    /// The source edition, also `x-default`.
    pub(crate) source: bool,
}

impl Editions {
    /// A site with the source only.
    pub(crate) fn source_only(base_url: Option<String>) -> Editions {
        Editions {
            all: vec![Edition {
                code: SOURCE_LANGUAGE.to_string(),
                prefix: String::new(),
            }],
            current: 0,
            base_url,
        }
    }

    /// The source and the translations `codes`, each under `<code>/`.
    pub(crate) fn new(codes: &[String], base_url: Option<String>) -> Editions {
        let mut editions = Editions::source_only(base_url);
        editions.all.extend(codes.iter().map(|c| Edition {
            code: c.clone(),
            prefix: format!("{c}/"),
        }));
        editions
    }

    /// The same editions, rendering the one at `current`.
    pub(crate) fn at(&self, current: usize) -> Editions {
        Editions {
            current,
            ..self.clone()
        }
    }

    /// The edition being rendered.
    pub(crate) fn edition(&self) -> &Edition {
        &self.all[self.current.min(self.all.len() - 1)]
    }

    /// Whether the source edition is being rendered.
    pub(crate) fn is_source(&self) -> bool {
        self.current == 0
    }

    /// The language versions of the page at `path` (relative to an
    /// edition's root), or none when the site has one language.
    pub(crate) fn alternates(&self, path: &str) -> Vec<Alternate> {
        if self.all.len() < 2 {
            return Vec::new();
        }
        let here = format!("{}{path}", self.edition().prefix);
        let back = crate::urls::root_of(&here);
        self.all
            .iter()
            .enumerate()
            .map(|(i, e)| Alternate {
                lang: e.code.clone(),
                name: language_name(&e.code),
                href: match &self.base_url {
                    Some(base) => {
                        let url = format!(
                            "{}/{}{}",
                            base.trim_end_matches('/'),
                            e.prefix,
                            path.trim_end_matches("index.html")
                        );
                        rungs_core::text::percent_encode(&url).into_owned()
                    }
                    None => format!("{back}{}{path}", e.prefix),
                },
                url: format!("{back}{}{path}", e.prefix),
                current: i == self.current,
                source: i == 0,
            })
            .collect()
    }
}

/// The translations to publish: those under `translations/`, or the ones
/// `[site] languages` names (each must be there).
pub(crate) fn published<'t>(
    translations: &'t Translations,
    settings: &SiteSettings,
) -> Result<Vec<&'t Language>, SiteError> {
    match &settings.languages {
        None => Ok(translations.languages().iter().collect()),
        Some(codes) => codes
            .iter()
            .map(|code| {
                translations.language(code).ok_or_else(|| {
                    SiteError::Settings(format!(
                        "languages: `{code}` has no translation (no folder translations/{code}/); \
                         translations here: {}",
                        listed(translations)
                    ))
                })
            })
            .collect(),
    }
}

fn listed(translations: &Translations) -> String {
    let codes: Vec<&str> = translations.languages().iter().map(|l| l.code()).collect();
    if codes.is_empty() {
        "none".to_string()
    } else {
        codes.join(", ")
    }
}

/// Renders the source edition into `out` and each translation in
/// `languages` under `<lang>/`, the editions in parallel (each renders its
/// pages in parallel too, on the same threads). With `only`, as for
/// [`crate::render::render_site`].
pub(crate) fn render_editions(
    fw: &Framework,
    languages: &[&Language],
    sources: &SourceSet,
    settings: &SiteSettings,
    theme: &Theme,
    out: &dyn Output,
    only: Option<&std::collections::HashSet<String>>,
) -> Result<(), SiteError> {
    let codes: Vec<String> = languages.iter().map(|l| l.code().to_string()).collect();
    let mut editions = Editions::new(&codes, fw.base_url.clone());
    // The source is written in the site's language (`[site] language`).
    if let (Some(source), Some(code)) = (editions.all.first_mut(), settings.language.as_deref()) {
        source.code = code.to_string();
    }
    (0..editions.all.len())
        .into_par_iter()
        .map(|i| {
            let here = editions.at(i);
            match i.checked_sub(1).and_then(|l| languages.get(l)) {
                None => render_site(fw, sources, settings, theme, out, only, &here),
                Some(language) => {
                    let mut translated = language.translated(fw);
                    let prefix = here.edition().prefix.clone();
                    // Its pages' own addresses (canonical, the 404 page's links).
                    translated.base_url = fw
                        .base_url
                        .as_ref()
                        .map(|b| format!("{}/{}", b.trim_end_matches('/'), language.code()));
                    let out = PrefixOutput {
                        inner: out,
                        prefix: &prefix,
                    };
                    // A translation's pages speak its language around its
                    // content too, where the site has words for it.
                    if crate::i18n::catalogue(language.code()).is_some() {
                        let mut own = settings.clone();
                        own.language = Some(language.code().to_string());
                        let theme = Theme::load(sources, &own)?;
                        render_site(&translated, sources, &own, &theme, &out, only, &here)
                    } else {
                        render_site(&translated, sources, settings, theme, &out, only, &here)
                    }
                }
            }
        })
        .collect()
}

/// Writes every file under a folder of another output.
pub(crate) struct PrefixOutput<'a> {
    pub(crate) inner: &'a dyn Output,
    pub(crate) prefix: &'a str,
}

impl Output for PrefixOutput<'_> {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), SiteError> {
        self.inner.put(&format!("{}{path}", self.prefix), bytes)
    }

    fn put_with(
        &self,
        path: &str,
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), SiteError> {
        self.inner
            .put_with(&format!("{}{path}", self.prefix), write)
    }
}

/// The name of a language in that language ("Deutsch", "日本語"), for the
/// language switcher; the tag itself for a language not listed.
pub(crate) fn language_name(code: &str) -> String {
    const NAMES: &[(&str, &str)] = &[
        ("ar", "العربية"),
        ("bg", "Български"),
        ("ca", "Català"),
        ("cs", "Čeština"),
        ("da", "Dansk"),
        ("de", "Deutsch"),
        ("el", "Ελληνικά"),
        ("en", "English"),
        ("es", "Español"),
        ("et", "Eesti"),
        ("fi", "Suomi"),
        ("fr", "Français"),
        ("he", "עברית"),
        ("hi", "हिन्दी"),
        ("hr", "Hrvatski"),
        ("hu", "Magyar"),
        ("id", "Bahasa Indonesia"),
        ("it", "Italiano"),
        ("ja", "日本語"),
        ("ko", "한국어"),
        ("lt", "Lietuvių"),
        ("lv", "Latviešu"),
        ("nb", "Norsk bokmål"),
        ("nl", "Nederlands"),
        ("no", "Norsk"),
        ("pl", "Polski"),
        ("pt", "Português"),
        ("pt-BR", "Português (Brasil)"),
        ("pt-PT", "Português (Portugal)"),
        ("ro", "Română"),
        ("ru", "Русский"),
        ("sk", "Slovenčina"),
        ("sl", "Slovenščina"),
        ("sr", "Српски"),
        ("sv", "Svenska"),
        ("th", "ไทย"),
        ("tr", "Türkçe"),
        ("uk", "Українська"),
        ("vi", "Tiếng Việt"),
        ("zh", "中文"),
        ("zh-Hans", "简体中文"),
        ("zh-Hant", "繁體中文"),
    ];
    let find = |c: &str| NAMES.iter().find(|(k, _)| *k == c).map(|(_, n)| *n);
    let primary = code.split('-').next().unwrap_or(code);
    find(code)
        .or_else(|| find(primary))
        .map_or_else(|| code.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternates_lead_to_the_same_page_in_each_edition() {
        let editions = Editions::new(&["de".into(), "ja".into()], None).at(1);
        let alts = editions.alternates("tracks/eng/senior.html");
        let hrefs: Vec<&str> = alts.iter().map(|a| a.href.as_str()).collect();
        assert_eq!(
            hrefs,
            [
                "../../../tracks/eng/senior.html",
                "../../../de/tracks/eng/senior.html",
                "../../../ja/tracks/eng/senior.html"
            ]
        );
        assert!(alts[1].current && alts[0].source);
        let absolute = Editions::new(&["de".into()], Some("https://x.org/l/".into()));
        let alts = absolute.alternates("index.html");
        assert_eq!(alts[1].href, "https://x.org/l/de/");
        assert_eq!(language_name("pt-BR"), "Português (Brasil)");
        assert_eq!(language_name("de-CH"), "Deutsch");
        assert_eq!(language_name("qq"), "qq");
    }
}
