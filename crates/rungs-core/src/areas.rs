//! Looking areas up by the names authors write: title, id or alias.

use std::collections::HashMap;

use crate::model::Area;
use crate::text::{did_you_mean, normalise};

/// Index from every accepted name of an area to its id.
#[derive(Clone, Debug, Default)]
pub struct AreaIndex {
    by_name: HashMap<String, String>,
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
            match self.by_name.get(&key) {
                Some(owner) if *owner != area.id => clashes.push(Ambiguity {
                    name: name.clone(),
                    first: owner.clone(),
                    second: area.id.clone(),
                }),
                Some(_) => {}
                None => {
                    self.by_name.insert(key, area.id.clone());
                    self.names.push(name.clone());
                }
            }
        }
        let mut path = parents.to_vec();
        path.push(area.id.clone());
        for child in &area.children {
            self.add(child, &path, clashes);
        }
    }

    /// The id of the area called `name`, if any.
    pub fn resolve(&self, name: &str) -> Option<&str> {
        self.by_name.get(&normalise(name)).map(String::as_str)
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

    /// "Parent > Child" titles of an area.
    pub fn path_title(&self, id: &str) -> String {
        let mut parts: Vec<&str> = self
            .ancestors
            .get(id)
            .map(|a| {
                a.iter()
                    .filter_map(|p| self.titles.get(p).map(String::as_str))
                    .collect()
            })
            .unwrap_or_default();
        parts.push(self.titles.get(id).map_or(id, String::as_str));
        parts.join(" > ")
    }

    /// True when the index knows no area.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}
