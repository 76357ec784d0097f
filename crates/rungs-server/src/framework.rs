//! The ladder in use: loaded, checked, its site built, its revision known.
//! A reload with errors is refused and the previous ladder keeps serving.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rungs_core::{Framework, Severity, SourceSet};
use rungs_site::Site;
use sha2::{Digest, Sha256};

use crate::config::FrameworkSource;

/// A loaded ladder and its website.
pub struct Ladder {
    /// The model.
    pub framework: Framework,
    /// The published pages, by path.
    pub site: Site,
    /// Git commit (`git:…`, with `+sha256:…` of the files when the work tree
    /// differs from the commit) or
    /// content hash (`sha256:…`).
    pub revision: String,
    /// The people app's templates, with the framework's overrides.
    pub views: crate::views::Views,
    /// The people app's stylesheet (`theme/app/app.css`, or the built-in one).
    pub app_css: String,
    /// The Content-Security-Policy of the site's pages: no inline script
    /// but the site's own (allowed by hash), inline styles allowed (charts
    /// size their bars with them).
    pub site_csp: String,
    /// The ladder's translations (`translations/<lang>/`), for showing
    /// statements in the viewer's language.
    pub translations: rungs_core::translate::Translations,
    /// The organisation's language: the framework's `[site] language`, else
    /// English. People who chose no language of their own see the app in it.
    pub language: String,
    /// The id of this revision's snapshot in the store (ratings are linked
    /// to it); set once the store has it.
    pub snapshot: i64,
    /// Levels by (track, level) id: index into tracks and levels.
    levels: HashMap<(String, String), (usize, usize)>,
}

/// A level as people see it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct LevelRef {
    /// Track id.
    pub track: String,
    /// Track title.
    pub track_title: String,
    /// Level id.
    pub level: String,
    /// Level title.
    pub title: String,
    /// Grade, if the ladder uses grades.
    pub grade: Option<String>,
    /// The level's page on the site.
    pub url: String,
}

/// The next level up, and the page that says what changes.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct NextLevel {
    /// The level.
    pub level: LevelRef,
    /// The site's page comparing the two levels.
    pub compare_url: String,
}

impl Ladder {
    /// A level by ids.
    pub fn level(&self, track: &str, level: &str) -> Option<LevelRef> {
        let &(t, l) = self.levels.get(&(track.to_string(), level.to_string()))?;
        let track = &self.framework.tracks[t];
        let level = &track.levels[l];
        Some(LevelRef {
            track: track.id.clone(),
            track_title: track.title.clone(),
            level: level.id.clone(),
            title: level.title.clone(),
            grade: level.grade.clone(),
            url: format!("/{}", rungs_site::urls::level(&track.id, &level.id)),
        })
    }

    /// The level after this one in its track (by rank), with the page that
    /// compares them.
    pub fn next_level(&self, track: &str, level: &str) -> Option<NextLevel> {
        let &(t, l) = self.levels.get(&(track.to_string(), level.to_string()))?;
        let tr = &self.framework.tracks[t];
        let rank = tr.levels[l].rank;
        let next = tr
            .levels
            .iter()
            .filter(|x| x.rank > rank)
            .min_by_key(|x| x.rank)?;
        let compare = format!(
            "/{}",
            rungs_site::urls::compare(&tr.id, level, &tr.id, &next.id)
        );
        Some(NextLevel {
            level: self.level(&tr.id, &next.id)?,
            compare_url: compare,
        })
    }

    /// A level of the model, by ids.
    pub fn model_level(&self, track: &str, level: &str) -> Option<&rungs_core::model::Level> {
        let &(t, l) = self.levels.get(&(track.to_string(), level.to_string()))?;
        Some(&self.framework.tracks[t].levels[l])
    }

    /// Every level, track by track, in rank order.
    pub fn all_levels(&self) -> Vec<LevelRef> {
        in_form_order(&self.framework)
            .filter_map(|(t, l)| self.level(&t.id, &l.id))
            .collect()
    }

    /// The levels of `old` that this ladder no longer has.
    pub fn removed_since(&self, old: &Ladder) -> Vec<(String, String)> {
        let mut gone: Vec<_> = old
            .levels
            .keys()
            .filter(|k| !self.levels.contains_key(*k))
            .cloned()
            .collect();
        gone.sort();
        gone
    }
}

/// Why a ladder was refused.
#[derive(Debug, Clone)]
pub struct Refused {
    /// The errors, one line each (`file:line:col: message`).
    pub errors: Vec<String>,
}

/// Loads and builds the ladder. Blocking: call it from `spawn_blocking`.
pub fn load(source: &FrameworkSource) -> Result<Ladder, Refused> {
    let refuse = |e: String| Refused { errors: vec![e] };
    let sources = match &source.root {
        Some(root) => SourceSet::read_dir(root)
            .map_err(|e| refuse(format!("cannot read the framework: {e}")))?,
        None => SourceSet::example(),
    };
    let loaded = rungs_core::load(&sources).map_err(|e| refuse(e.to_string()))?;
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| match &d.span {
            Some(span) => format!("{}:{}:{}: {}", span.file, span.line, span.column, d.message),
            None => d.message.clone(),
        })
        .collect();
    if !errors.is_empty() {
        return Err(Refused { errors });
    }
    let translations = loaded.translations;
    let mut framework = loaded.framework;
    if let Some(root) = &source.root {
        rungs_site::add_generated_pages(&mut framework, &sources, root)
            .map_err(|e| refuse(e.to_string()))?;
    }
    let site = rungs_site::build(&framework, &sources).map_err(|e| refuse(e.to_string()))?;
    // The site's build has read the settings already: they are valid here.
    let language = rungs_site::SiteSettings::from_sources(&sources)
        .ok()
        .and_then(|s| s.language)
        .unwrap_or_else(|| crate::i18n::DEFAULT_LANGUAGE.to_string());
    let revision = revision(source.root.as_deref(), &sources);
    let mut levels = HashMap::new();
    for (t, track) in framework.tracks.iter().enumerate() {
        for (l, level) in track.levels.iter().enumerate() {
            levels.insert((track.id.clone(), level.id.clone()), (t, l));
        }
    }
    let site_csp = site_csp(&site);
    let mut overrides = Vec::new();
    let mut app_css = crate::views::APP_CSS.to_string();
    for file in sources.iter() {
        if let Some(name) = file.path.strip_prefix("theme/app/templates/") {
            overrides.push((name.to_string(), file.text().to_string()));
        } else if &*file.path == "theme/app/app.css" {
            app_css = file.text().to_string();
        }
    }
    let level_names = level_names(&framework, &translations);
    let views = crate::views::Views::new(&overrides, level_names).map_err(refuse)?;
    Ok(Ladder {
        framework,
        site,
        revision,
        site_csp,
        snapshot: 0,
        views,
        app_css,
        translations,
        language,
        levels,
    })
}

/// "Senior Engineer (Engineering)" by `track/level`, in the ladder's own
/// words (under `""`) and in each language it is translated into (a title
/// with no translation keeps the source's).
fn level_names(
    framework: &Framework,
    translations: &rungs_core::translate::Translations,
) -> crate::views::LevelNames {
    use rungs_core::translate::{Field, Item};
    let names = |language: Option<&rungs_core::translate::Language>| {
        let title = |item: Item<'_>, source: &str| match language {
            Some(l) => l.localise(item, source).text.to_string(),
            None => source.to_string(),
        };
        let mut out = HashMap::new();
        for t in &framework.tracks {
            let field = Field::Title;
            let track = title(
                Item::Track {
                    track: &t.id,
                    field,
                },
                &t.title,
            );
            for l in &t.levels {
                let item = Item::Level {
                    track: &t.id,
                    level: &l.id,
                    field,
                };
                let level = title(item, &l.title);
                out.insert(format!("{}/{}", t.id, l.id), format!("{level} ({track})"));
            }
        }
        out
    };
    let mut by_language = HashMap::new();
    by_language.insert(String::new(), names(None));
    for language in translations.languages() {
        by_language.insert(language.code().to_string(), names(Some(language)));
    }
    let order = in_form_order(framework)
        .map(|(t, l)| format!("{}/{}", t.id, l.id))
        .collect();
    crate::views::LevelNames { by_language, order }
}

/// Every level as forms list them: tracks as written, each track's levels
/// by rank.
fn in_form_order(
    framework: &Framework,
) -> impl Iterator<Item = (&rungs_core::model::Track, &rungs_core::model::Level)> {
    framework.tracks.iter().flat_map(|t| {
        let mut levels: Vec<_> = t.levels.iter().collect();
        levels.sort_by_key(|l| l.rank);
        levels.into_iter().map(move |l| (t, l))
    })
}

/// Every page shares the layout of the home page, so the inline scripts of
/// `index.html` are the site's inline scripts.
fn site_csp(site: &Site) -> String {
    use base64::Engine as _;
    let mut hashes = Vec::new();
    if let Some(html) = site
        .get("index.html")
        .and_then(|b| std::str::from_utf8(b).ok())
    {
        let mut rest = html;
        while let Some(start) = rest.find("<script>") {
            let body = &rest[start + "<script>".len()..];
            let Some(end) = body.find("</script>") else {
                break;
            };
            let digest = Sha256::digest(&body.as_bytes()[..end]);
            hashes.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
            rest = &body[end..];
        }
    }
    format!(
        "default-src 'self'; script-src 'self' {}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        hashes.join(" ")
    )
}

/// The git commit of the framework's repository, or the hash of its files.
pub(crate) fn revision(root: Option<&Path>, sources: &SourceSet) -> String {
    let mut hasher = Sha256::new();
    for file in sources.iter() {
        hasher.update((file.path.len() as u64).to_be_bytes());
        hasher.update(file.path.as_bytes());
        hasher.update((file.bytes().len() as u64).to_be_bytes());
        hasher.update(file.bytes());
    }
    let content = hex::encode(hasher.finalize());
    let git = root.and_then(rungs_core::git::head_commit);
    match git {
        // The commit names the revision only if the files are the commit's.
        Some(commit) if root.is_some_and(rungs_core::git::is_clean) => format!("git:{commit}"),
        Some(commit) => format!("git:{commit}+sha256:{}", &content[..16]),
        None => format!("sha256:{content}"),
    }
}

/// The ladder in use, swapped whole on reload.
pub type Current = Arc<std::sync::RwLock<Arc<Ladder>>>;
