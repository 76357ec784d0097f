//! Writing a framework as a rungs directory (the Markdown export).
//!
//! Every level becomes a level-major page. Loading the result gives back an
//! equal model: explicit ids are written as `{#id}`, derived ids are left to
//! be derived again, ranks and weights are written so order is kept.

use indexmap::IndexMap;
use serde::Serialize;

use crate::areas::AreaIndex;
use crate::load::ranges::format_percent;
use crate::model::{Area, Framework, Level, Statement, Track};
use crate::source::SourceSet;

use super::{area_headings, area_runs};

#[derive(Serialize)]
struct ConfigOut<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    grades: Vec<GradeOut<'a>>,
    /// The scope scale, when the framework declares its own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    scopes: Vec<GradeOut<'a>>,
    areas: Vec<AreaOut<'a>>,
    /// `[titles]`: the level codes of other companies.
    #[serde(skip_serializing_if = "Option::is_none")]
    titles: Option<TitlesOut<'a>>,
    /// `[site]`: last, after the area tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    site: Option<&'a toml::Table>,
}

#[derive(Serialize)]
struct TitlesOut<'a> {
    codes: IndexMap<&'a str, String>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum GradeOut<'a> {
    Code(&'a str),
    Full { id: &'a str, title: &'a str },
}

#[derive(Serialize)]
struct AreaOut<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    aliases: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    children: Vec<AreaOut<'a>>,
}

fn area_out(a: &Area) -> AreaOut<'_> {
    AreaOut {
        id: &a.id,
        title: &a.title,
        aliases: &a.aliases,
        description: a.description.as_deref(),
        children: a.children.iter().map(area_out).collect(),
    }
}

#[derive(Serialize)]
struct TrackOut<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    extends: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    extends_areas: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    branch: Option<&'a crate::model::Branch>,
    weight: usize,
}

#[derive(Serialize)]
struct LevelOut<'a> {
    title: &'a str,
    /// In flow style, `aliases: [SWE II, Software Developer]`: short, and
    /// no list item in front matter.
    #[serde(skip_serializing_if = "no_aliases")]
    aliases: serde_saphyr::FlowSeq<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_title: Option<&'a str>,
    rank: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    grade: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tenure: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    experience: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<&'a str>,
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    time_split: IndexMap<&'a str, ShareOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    indicators_note: Option<&'a str>,
}

fn no_aliases(aliases: &serde_saphyr::FlowSeq<&[String]>) -> bool {
    aliases.0.is_empty()
}

#[derive(Serialize)]
#[serde(untagged)]
enum ShareOut<'a> {
    Range(String),
    Detailed {
        #[serde(skip_serializing_if = "Option::is_none")]
        percent: Option<String>,
        note: &'a str,
    },
}

#[derive(Serialize)]
struct PageOut<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    weight: usize,
}

/// The framework as the files of a rungs directory.
pub fn to_sources(framework: &Framework) -> SourceSet {
    let (areas, _) = AreaIndex::new(&framework.areas);
    let mut set = SourceSet::new();
    let config = ConfigOut {
        title: &framework.title,
        description: framework.description.as_deref(),
        base_url: framework.base_url.as_deref(),
        grades: framework
            .grades
            .iter()
            .map(|g| match &g.title {
                Some(t) => GradeOut::Full {
                    id: &g.id,
                    title: t,
                },
                None => GradeOut::Code(&g.id),
            })
            .collect(),
        scopes: framework
            .scopes
            .iter()
            .map(|s| GradeOut::Full {
                id: &s.id,
                title: &s.title,
            })
            .collect(),
        areas: framework.areas.iter().map(area_out).collect(),
        titles: (!framework.title_codes.is_empty()).then(|| TitlesOut {
            codes: framework
                .title_codes
                .iter()
                .map(|c| (c.code.as_str(), format!("{}/{}", c.track, c.level)))
                .collect(),
        }),
        site: framework.site.as_ref().filter(|s| !s.is_empty()),
    };
    set.insert("rungs.toml", toml::to_string(&config).unwrap_or_default());
    if let Some(intro) = &framework.introduction {
        set.insert("_index.md", format!("{}\n", intro.trim()));
    }
    for (i, page) in framework.pages.iter().enumerate() {
        let matter = PageOut {
            title: &page.title,
            short_title: page.short_title.as_deref(),
            description: page.description.as_deref(),
            weight: i + 1,
        };
        set.insert(
            &format!("pages/{}.md", page.id),
            with_matter(&matter, &page.body),
        );
    }
    for (i, track) in framework.tracks.iter().enumerate() {
        write_track(track, i + 1, &areas, &mut set);
    }
    set
}

fn write_track(track: &Track, weight: usize, areas: &AreaIndex, set: &mut SourceSet) {
    let matter = TrackOut {
        title: &track.title,
        description: track.description.as_deref(),
        kind: track.kind.as_str(),
        extends: track.extends.as_deref(),
        extends_areas: &track.extends_areas,
        branch: track.branch.as_ref(),
        weight,
    };
    let intro = track.introduction.as_deref().unwrap_or("");
    set.insert(
        &format!("tracks/{}/_index.md", track.id),
        with_matter(&matter, intro),
    );
    for level in &track.levels {
        set.insert(
            &format!("tracks/{}/{}.md", track.id, level.id),
            level_page(level, areas),
        );
    }
}

/// One level as a level-major Markdown page.
pub fn level_page(level: &Level, areas: &AreaIndex) -> String {
    let ind = &level.indicators;
    let matter = LevelOut {
        title: &level.title,
        aliases: serde_saphyr::FlowSeq(&level.aliases),
        short_title: level.short_title.as_deref(),
        rank: level.rank,
        grade: level.grade.as_deref(),
        summary: level.summary.as_deref(),
        tenure: ind.tenure_text(),
        experience: ind.experience_text(),
        scope: ind.scope.as_deref(),
        time_split: ind
            .time_split
            .iter()
            .map(|t| {
                let percent = t.percent.as_ref().map(format_percent);
                let share = match (&t.note, percent) {
                    (Some(note), percent) => ShareOut::Detailed { percent, note },
                    (None, Some(p)) => ShareOut::Range(p),
                    (None, None) => ShareOut::Range(String::new()),
                };
                (t.area.as_str(), share)
            })
            .collect(),
        indicators_note: ind.note.as_deref(),
    };
    let mut body = String::new();
    if let Some(intro) = &level.introduction {
        body.push_str(intro.trim());
        body.push_str("\n\n");
    }
    let mut current: Vec<String> = Vec::new();
    for (area, statements) in area_runs(&level.statements) {
        body.push_str(&area_headings(areas, &mut current, area, "\n"));
        for s in statements {
            write_statement(s, 0, &mut body);
        }
        body.push('\n');
    }
    with_matter(&matter, body.trim_end())
}

fn write_statement(s: &Statement, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    out.push_str(&indent);
    out.push_str("- ");
    if let Some(name) = &s.name {
        out.push_str(&format!(
            "**{}**: ",
            crate::load::markdown::escape_name(name)
        ));
    }
    out.push_str(&s.text);
    if s.explicit_id {
        out.push_str(&format!(" {{#{}}}", s.id));
    }
    out.push('\n');
    for e in &s.examples {
        out.push_str(&format!("{indent}  - Example: {e}\n"));
    }
    for link in &s.links {
        out.push_str(&format!("{indent}  - {}\n", link_markdown(link)));
    }
    for c in &s.children {
        write_statement(c, depth + 1, out);
    }
}

fn with_matter<T: Serialize>(matter: &T, body: &str) -> String {
    let yaml = serde_saphyr::to_string(matter).unwrap_or_default();
    let body = body.trim();
    if body.is_empty() {
        format!("---\n{}---\n", yaml)
    } else {
        format!("---\n{}---\n\n{}\n", yaml, body)
    }
}

/// A statement's link as the nested bullet text the level-page loader reads
/// back (`Link: [title](url)`).
pub(crate) fn link_markdown(link: &crate::model::StatementLink) -> String {
    format!("Link: {}", link.markdown())
}
