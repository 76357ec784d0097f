//! Writing a framework as a Hugo site laid out like the public Hugo ladders
//! (`content/docs/<track>/<level>.md`, area headings, an indicators table).
//!
//! Used by the synthetic generator so benchmarks compare rungs and Hugo on
//! identical content, and by anyone who wants to keep a Hugo site: the site
//! comes with minimal layouts of its own (`layouts/`), so `hugo` builds it
//! into pages without a theme, and ranks, grades, track kinds, `extends`
//! and branches are kept in the front matter.

use crate::areas::AreaIndex;
use crate::load::ranges::{format_percent, format_years};
use crate::model::{Framework, Level, Statement};
use crate::source::SourceSet;

use super::{area_headings, area_runs};

/// The framework as the files of a Hugo site (`hugo.toml` + `content/`).
pub fn to_hugo(framework: &Framework) -> SourceSet {
    let (areas, _) = AreaIndex::new(&framework.areas);
    let mut set = SourceSet::new();
    let mut config = format!(
        "title = {}\nlanguageCode = \"en-us\"\n",
        quote(&framework.title)
    );
    if let Some(url) = &framework.base_url {
        config = format!("baseURL = {}\n{config}", quote(url));
    }
    set.insert("hugo.toml", config);
    for (path, text) in LAYOUTS {
        set.insert(path, *text);
    }
    set.insert(
        "content/docs/_index.md",
        page(
            &framework.title,
            framework.description.as_deref(),
            None,
            framework.introduction.as_deref().unwrap_or(""),
        ),
    );
    for (i, p) in framework.pages.iter().enumerate() {
        set.insert(
            &format!("content/docs/{}.md", p.id),
            page_with(
                &p.title,
                p.description.as_deref(),
                Some(i + 1),
                &linktitle(p.short_title.as_deref()),
                &p.body,
            ),
        );
    }
    for (i, track) in framework.tracks.iter().enumerate() {
        let mut params = vec![format!("kind: {}", track.kind.as_str())];
        if let Some(base) = &track.extends {
            params.push(format!("extends: {}", quote(base)));
        }
        if let Some(branch) = &track.branch {
            params.push(format!(
                "branch:\n  from: {}\n  rank: {}",
                quote(&branch.from),
                branch.rank
            ));
        }
        set.insert(
            &format!("content/docs/{}/_index.md", track.id),
            page_with(
                &track.title,
                track.description.as_deref(),
                Some(i + 1),
                &params,
                track.introduction.as_deref().unwrap_or(""),
            ),
        );
        for level in &track.levels {
            let mut params = linktitle(level.short_title.as_deref());
            params.push(format!("rank: {}", level.rank));
            if let Some(grade) = &level.grade {
                params.push(format!("grade: {}", quote(grade)));
            }
            set.insert(
                &format!("content/docs/{}/{}.md", track.id, level.id),
                page_with(
                    &level.title,
                    level.summary.as_deref(),
                    Some(100 + level.rank as usize),
                    &params,
                    &level_body(level, &areas),
                ),
            );
        }
    }
    set
}

/// Hugo's short title for menus, as a front matter line.
fn linktitle(short: Option<&str>) -> Vec<String> {
    short
        .map(|s| format!("linktitle: {}", quote(s)))
        .into_iter()
        .collect()
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn page(title: &str, description: Option<&str>, weight: Option<usize>, body: &str) -> String {
    page_with(title, description, weight, &[], body)
}

/// A page with more front matter (`params`: YAML lines, already quoted).
fn page_with(
    title: &str,
    description: Option<&str>,
    weight: Option<usize>,
    params: &[String],
    body: &str,
) -> String {
    let mut out = format!("---\ntitle: {}\n", quote(title));
    if let Some(d) = description {
        out.push_str(&format!("description: {}\n", quote(d)));
    }
    if let Some(w) = weight {
        out.push_str(&format!("weight: {w}\n"));
    }
    for p in params {
        out.push_str(p);
        out.push('\n');
    }
    out.push_str("---\n\n");
    out.push_str(body.trim());
    out.push('\n');
    out
}

fn level_body(level: &Level, areas: &AreaIndex) -> String {
    let mut body = String::new();
    let mut current: Vec<String> = Vec::new();
    for (area, statements) in area_runs(&level.statements) {
        body.push_str(&area_headings(areas, &mut current, area, ""));
        for s in statements {
            statement(s, 0, &mut body);
        }
        body.push('\n');
    }
    let ind = &level.indicators;
    if ind.is_empty() {
        return body;
    }
    body.push_str("## Broad Indicators\n");
    if let Some(note) = &ind.note {
        body.push_str(note);
        body.push('\n');
    }
    body.push_str("<table>\n<tbody>\n");
    for t in &ind.time_split {
        let title = areas
            .titles
            .get(&t.area)
            .map_or(t.area.as_str(), String::as_str);
        let value = match (&t.percent, &t.note) {
            (Some(p), _) => format_percent(p),
            (None, Some(n)) => n.clone(),
            (None, None) => continue,
        };
        body.push_str(&format!("  <tr>\n    <td><span style=\"font-weight:bold\">{title}</span>: {value}</td>\n  </tr>\n"));
    }
    for (label, value) in [
        (
            "Approximate Tenure in this role",
            ind.tenure
                .as_ref()
                .map(|y| format!("~{}", format_years(y)))
                .or_else(|| ind.tenure_words.clone()),
        ),
        (
            "Experience",
            ind.experience
                .as_ref()
                .map(|y| format!("~{}", format_years(y)))
                .or_else(|| ind.experience_words.clone()),
        ),
        ("Scope", ind.scope.clone()),
    ] {
        if let Some(v) = value {
            body.push_str(&format!(
                "  <tr>\n    <td>{label}</td>\n    <td>{v}</td>\n  </tr>\n"
            ));
        }
    }
    body.push_str("</tbody>\n</table>\n");
    body
}

fn statement(s: &Statement, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    out.push_str(&indent);
    out.push_str("* ");
    if let Some(name) = &s.name {
        out.push_str(&format!(
            "**{}**: ",
            crate::load::markdown::escape_name(name)
        ));
    }
    out.push_str(&s.text);
    out.push('\n');
    for e in &s.examples {
        out.push_str(&format!("{indent}  * Example: {e}\n"));
    }
    // Links as the bullets level pages read back, so a Hugo site shows them
    // as links and a re-import keeps them.
    for link in &s.links {
        out.push_str(&format!("{indent}  * Link: {}\n", link.markdown()));
    }
    for c in &s.children {
        statement(c, depth + 1, out);
    }
}

/// Layouts of our own, so the exported site builds with plain `hugo` (no
/// theme): one base, a list (home, tracks) and a single page (levels).
const LAYOUTS: &[(&str, &str)] = &[
    (
        "layouts/_default/baseof.html",
        r#"<!DOCTYPE html>
<html lang="{{ site.LanguageCode | default "en" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<style>
body { font: 16px/1.6 system-ui, sans-serif; max-width: 70rem; margin: 0 auto; padding: 1rem; display: grid; grid-template-columns: 15rem 1fr; gap: 2rem; }
nav ul { list-style: none; padding-left: 1rem; }
main { max-width: 45rem; }
table { border-collapse: collapse; } td { border: 1px solid #ccc; padding: .25rem .5rem; }
@media (max-width: 50rem) { body { grid-template-columns: 1fr; } }
</style>
</head>
<body>
<nav aria-label="Site">
<p><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
{{ with site.GetPage "/docs" }}
<ul>
{{ range .Pages.ByWeight }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ if .IsSection }}<ul>{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
</li>
{{ end }}
</ul>
{{ end }}
</nav>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"#,
    ),
    (
        "layouts/_default/list.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Description }}<p>{{ . }}</p>{{ end }}
{{ .Content }}
<ul>
{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.grade }} ({{ . }}){{ end }}</li>{{ end }}
</ul>
{{ end }}
"#,
    ),
    (
        "layouts/_default/single.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}{{ with .Params.grade }} <small>{{ . }}</small>{{ end }}</h1>
{{ with .Description }}<p>{{ . }}</p>{{ end }}
{{ .Content }}
{{ end }}
"#,
    ),
    (
        "layouts/index.html",
        r#"{{ define "main" }}
<h1>{{ site.Title }}</h1>
{{ with site.GetPage "/docs" }}{{ .Content }}
<ul>{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
{{ end }}
"#,
    ),
];
