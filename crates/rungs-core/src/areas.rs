//! Looking areas up by the names authors write: title, id or alias.

use std::collections::HashMap;

use crate::model::Area;
use crate::text::{did_you_mean, normalise};

/// Index from every accepted name of an area to its id.
///
/// Two areas under different parents may share a name ("Accountability"
/// under two components): a heading then resolves by its place in the
/// heading tree ([`AreaIndex::resolve_under`]); a name alone that several
/// areas answer to resolves to none ([`AreaIndex::owners`] says which).
#[derive(Clone, Debug, Default)]
pub struct AreaIndex {
    by_name: HashMap<String, Vec<String>>,
    names: Vec<String>,
    /// Area ids in tree order (parents before children).
    pub order: Vec<String>,
    /// Area id to the ids of its ancestors, root first.
    pub ancestors: HashMap<String, Vec<String>>,
    /// Area id to its title.
    pub titles: HashMap<String, String>,
    /// Area id to its position in `order`: sorting by position searched
    /// `order` in every comparison, quadratic for thousands of areas.
    positions: HashMap<String, usize>,
}

/// Two areas answer to the same name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ambiguity {
    /// The shared name.
    pub name: String,
    /// The area that claimed it first.
    pub first: String,
    /// The area that claimed it again.
    pub second: String,
}

impl AreaIndex {
    /// Builds the index; names claimed by two areas are reported and keep their first owner.
    pub fn new(areas: &[Area]) -> (AreaIndex, Vec<Ambiguity>) {
        let mut index = AreaIndex::default();
        let mut clashes = Vec::new();
        for root in areas {
            index.add(root, &[], &mut clashes);
        }
        (index, clashes)
    }

    fn add(&mut self, area: &Area, parents: &[String], clashes: &mut Vec<Ambiguity>) {
        if self.titles.contains_key(&area.id) {
            clashes.push(Ambiguity {
                name: area.id.clone(),
                first: area.id.clone(),
                second: area.id.clone(),
            });
            return;
        }
        self.positions.insert(area.id.clone(), self.order.len());
        self.order.push(area.id.clone());
        self.ancestors.insert(area.id.clone(), parents.to_vec());
        self.titles.insert(area.id.clone(), area.title.clone());
        // Titles first, so suggestions name areas the way authors write them.
        let names = std::iter::once(&area.title)
            .chain(std::iter::once(&area.id))
            .chain(area.aliases.iter());
        for name in names {
            let key = normalise(name);
            let owners = self.by_name.entry(key).or_default();
            if owners.contains(&area.id) {
                continue;
            }
            // Areas with the same parent (or two roots) cannot be told
            // apart by their place: that is a clash.
            let sibling = owners
                .iter()
                .find(|o| self.ancestors.get(*o).map(Vec::as_slice) == Some(parents));
            match sibling {
                Some(owner) => clashes.push(Ambiguity {
                    name: name.clone(),
                    first: owner.clone(),
                    second: area.id.clone(),
                }),
                None => {
                    if owners.is_empty() {
                        self.names.push(name.clone());
                    }
                    owners.push(area.id.clone());
                }
            }
        }
        let mut path = parents.to_vec();
        path.push(area.id.clone());
        for child in &area.children {
            self.add(child, &path, clashes);
        }
    }

    /// The id of the area called `name`, if exactly one area is.
    pub fn resolve(&self, name: &str) -> Option<&str> {
        match self.by_name.get(&normalise(name)).map(Vec::as_slice) {
            Some([one]) => Some(one.as_str()),
            _ => None,
        }
    }

    /// Every area called `name` (more than one when areas under different
    /// parents share it).
    pub fn owners(&self, name: &str) -> &[String] {
        self.by_name
            .get(&normalise(name))
            .map_or(&[], Vec::as_slice)
    }

    /// The area called `name` under the headings `context` (the areas of the
    /// enclosing headings, outermost first): the one area of that name, or,
    /// when several share it, the one below the innermost enclosing area.
    /// `Err` lists the candidates when the place does not decide.
    pub fn resolve_under<'a>(
        &'a self,
        name: &str,
        context: &[String],
    ) -> Result<&'a str, Vec<&'a str>> {
        let owners = self.owners(name);
        if let [one] = owners {
            return Ok(one.as_str());
        }
        for enclosing in context.iter().rev() {
            let below: Vec<&str> = owners
                .iter()
                .filter(|o| {
                    self.ancestors
                        .get(*o)
                        .is_some_and(|a| a.contains(enclosing))
                })
                .map(String::as_str)
                .collect();
            if let [one] = below.as_slice() {
                return Ok(one);
            }
        }
        // Outside any heading that decides: a top-level area of that name.
        let roots: Vec<&str> = owners
            .iter()
            .filter(|o| self.ancestors.get(*o).is_some_and(Vec::is_empty))
            .map(String::as_str)
            .collect();
        if let [one] = roots.as_slice() {
            return Ok(one);
        }
        Err(owners.iter().map(String::as_str).collect())
    }

    /// The closest known name, for "did you mean".
    pub fn suggest(&self, name: &str) -> Option<&str> {
        did_you_mean(name, self.names.iter().map(String::as_str))
    }

    /// Every accepted name, for help texts.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Position of an area in tree order (unknown areas sort last).
    pub fn position(&self, id: &str) -> usize {
        self.positions.get(id).copied().unwrap_or(usize::MAX)
    }

    /// An area's title, or its id when it has none (an unknown area).
    pub fn title<'a>(&'a self, id: &'a str) -> &'a str {
        self.titles.get(id).map_or(id, String::as_str)
    }

    /// "Parent > Child" titles of an area.
    pub fn path_title(&self, id: &str) -> String {
        self.path_title_with(id, " > ")
    }

    /// The titles of an area and its ancestors, outermost first, joined by
    /// `separator` (pages write "People › Mentoring").
    pub fn path_title_with(&self, id: &str, separator: &str) -> String {
        let mut parts: Vec<&str> = self
            .ancestors
            .get(id)
            .map(|a| {
                a.iter()
                    .filter_map(|p| self.titles.get(p).map(String::as_str))
                    .collect()
            })
            .unwrap_or_default();
        parts.push(self.title(id));
        parts.join(separator)
    }

    /// True when the index knows no area.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}
