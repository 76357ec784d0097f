//! Areas: found in the level pages' headings, in order of first appearance;
//! time-split names that abbreviate an area's title become its aliases.

use std::collections::HashMap;

use crate::diagnostic::Diagnostics;
use crate::ids::{Allocator, clash_warning};
use crate::model::Area;
use crate::text::{collapse_whitespace, normalise};

use super::discovery::ContentPage;
use super::indicators::Cell;

/// The areas of the level pages' headings. Area ids are unique across the
/// tree: two headings that make one id (`Management` under two parents) are
/// two areas, the second numbered and reported.
pub(super) fn discover_areas(levels: &[&ContentPage], diags: &mut Diagnostics) -> Vec<Area> {
    let mut roots: Vec<Area> = Vec::new();
    let mut ids = Allocator::default();
    // Every heading's name, first: an id that is another heading's name
    // (`w` for `w;` beside a `w`) would make that heading name two areas.
    let names: std::collections::HashSet<String> = levels
        .iter()
        .flat_map(|p| p.file.text()[p.body_start..].lines())
        .map(str::trim_start)
        .filter(|t| t.starts_with("##"))
        .map(|t| normalise(&crate::text::heading_text(t)))
        .collect();
    // (parent's path, normalised title) to the area's position among its
    // siblings: a search per heading made thousands of headings quadratic.
    let mut known: HashMap<(Vec<usize>, String), usize> = HashMap::new();
    for p in levels {
        let body = &p.file.text()[p.body_start..];
        let first_line = p.file.span(p.body_start, p.body_start).line as usize;
        let mut path: Vec<usize> = Vec::new(); // indexes into the tree, by depth
        let mut skip_below: Option<usize> = None;
        for (i, line) in body.lines().enumerate() {
            let t = line.trim_start();
            if !t.starts_with("##") {
                continue;
            }
            let depth = t.chars().take_while(|c| *c == '#').count() - 2;
            // As the level page's parser reads it, so the heading finds its area.
            let title = collapse_whitespace(&crate::text::heading_text(t));
            if title.is_empty() {
                continue;
            }
            if let Some(d) = skip_below {
                if depth > d {
                    continue;
                }
                skip_below = None;
            }
            if normalise(&title).contains("indicators") {
                skip_below = Some(depth);
                continue;
            }
            path.truncate(depth);
            let siblings = children_at(&mut roots, &path);
            let Some(siblings) = siblings else { continue };
            let key = (path.clone(), normalise(&title));
            let pos = match known.get(&key) {
                Some(&i) => i,
                None => {
                    let span = p.file.line_span(first_line + i);
                    let holder = format!("`{title}` at {}:{}", span.file, span.line);
                    let mut claim = ids.claim_for(&title, "area", &holder);
                    let own = normalise(&title);
                    while claim.id != own && names.contains(&claim.id) {
                        let wanted = std::mem::take(&mut claim.id);
                        claim.id = ids.claim(wanted.clone());
                        let heading = format!("the heading `{wanted}`");
                        claim.clash = Some((wanted, heading));
                    }
                    if let Some(d) = clash_warning("area", &title, &claim) {
                        diags.push(d.at(&span));
                    }
                    siblings.push(Area {
                        id: claim.id,
                        title: title.clone(),
                        span: p.file.start_span(),
                        ..Area::default()
                    });
                    known.insert(key, siblings.len() - 1);
                    siblings.len() - 1
                }
            };
            path.push(pos);
        }
    }
    roots
}

fn children_at<'a>(roots: &'a mut Vec<Area>, path: &[usize]) -> Option<&'a mut Vec<Area>> {
    let mut current = roots;
    for &i in path {
        current = &mut current.get_mut(i)?.children;
    }
    Some(current)
}

/// Resolves a time-split name: an area name, or a unique area whose title starts with it.
fn resolve_share_name<'a>(name: &str, areas: &'a [Area]) -> Option<&'a Area> {
    let all: Vec<&Area> = areas.iter().flat_map(Area::walk).collect();
    let n = normalise(name);
    if let Some(a) = all
        .iter()
        .find(|a| normalise(&a.title) == n || a.aliases.iter().any(|x| normalise(x) == n))
    {
        return Some(a);
    }
    let prefixed: Vec<&&Area> = all
        .iter()
        .filter(|a| normalise(&a.title).starts_with(&format!("{n} ")))
        .collect();
    match prefixed.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

pub(super) fn add_aliases<'a>(areas: &mut [Area], splits: impl Iterator<Item = &'a Vec<Cell>>) {
    let mut aliases: Vec<(String, String)> = Vec::new();
    for cells in splits {
        for c in cells {
            let Some((name, _)) = c.text.split_once(':') else {
                continue;
            };
            if let Some(area) = resolve_share_name(name, areas)
                && normalise(&area.title) != normalise(name)
                && !aliases.iter().any(|(_, a)| normalise(a) == normalise(name))
            {
                aliases.push((area.id.clone(), name.trim().to_string()));
            }
        }
    }
    fn apply(areas: &mut [Area], id: &str, alias: &str) {
        for a in areas {
            if a.id == id && !a.aliases.iter().any(|x| x == alias) {
                a.aliases.push(alias.to_string());
            }
            apply(&mut a.children, id, alias);
        }
    }
    for (id, alias) in aliases {
        apply(areas, &id, &alias);
    }
}
