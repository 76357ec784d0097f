//! Statement ids: explicit ones written as `{#id}`, derived ones otherwise.
//!
//! A derived id is the area id followed by the first four meaningful words
//! of the text (`craft-owns-features-end-end`), in any script
//! (`信頼性-約束したことを守る`, see [`crate::text::key_words`]). It does not
//! depend on the statement's position, so reordering statements keeps every
//! id, and a typo fix after the fourth meaningful word keeps it too. When a
//! fix does change a derived id, version comparison re-links the old and new
//! statement by text similarity; authors who need ids that never move write
//! them explicitly.
//!
//! [`Allocator`] hands out unique ids made from names, for importers: two
//! names that make one id are two things and a warning, never one.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Level, Statement};
use crate::text::{key_words, slug};

/// How many meaningful words a derived id takes from the text.
pub const ID_WORDS: usize = 4;

/// How deep statements may nest (a top-level statement is at depth 1).
///
/// A derived id repeats its parent's, so ids, anchors and pages grow with
/// the square of the depth: 2,000 nested bullets once produced 328 MB of
/// site. No ladder needs sub-points of sub-points eight times over.
pub const MAX_DEPTH: usize = 8;

/// The deepest nesting among `statements` (0 when there are none), without
/// recursing: a hostile JSON import can be deeper than the stack.
pub fn depth(statements: &[Statement]) -> usize {
    let mut deepest = 0;
    let mut todo: Vec<(&Statement, usize)> = statements.iter().map(|s| (s, 1)).collect();
    while let Some((s, d)) = todo.pop() {
        deepest = deepest.max(d);
        todo.extend(s.children.iter().map(|c| (c, d + 1)));
    }
    deepest
}

/// Fills in the ids of statements that have none, unique within the level.
///
/// Explicit ids are kept as written (duplicates among them are reported by validation).
pub fn assign(level: &mut Level) {
    let mut taken = Allocator::default();
    for s in &level.statements {
        collect_explicit(s, &mut taken);
    }
    for s in &mut level.statements {
        assign_statement(s, None, &mut taken);
    }
}

/// Hands out ids unique among those it has handed out or reserved: `base`
/// when it is free, else `base-2`, `base-3`, ... Importers use one per
/// kind of id (areas of a framework, levels of a track, tracks, pages), so
/// that two names that make the same id are two ids, never one merged
/// thing, and report each renaming ([`Claim::clash`]).
///
/// For each base it remembers the next suffix to try, so that n claims of
/// one base take O(n) steps, not O(n²): 40,000 similar bullets took 113 s
/// when each one counted up from `-2` again.
#[derive(Debug, Default)]
pub struct Allocator {
    ids: HashSet<String>,
    next: HashMap<String, usize>,
    /// Who holds an id, for the message when another name wants it.
    holders: HashMap<String, String>,
}

/// An id handed out by [`Allocator::claim_for`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The id, unique in its allocator.
    pub id: String,
    /// When the id wanted was taken: that id and who holds it, for a
    /// warning naming both.
    pub clash: Option<(String, String)>,
}

impl Allocator {
    /// Marks `id` as taken (an id written in the source); false when it was already.
    pub fn reserve(&mut self, id: &str) -> bool {
        self.ids.insert(id.to_string())
    }

    /// Marks `id` as taken by `holder` (a name for messages); false when it was already.
    pub fn reserve_for(&mut self, id: &str, holder: &str) -> bool {
        let fresh = self.reserve(id);
        if fresh {
            self.holders.insert(id.to_string(), holder.to_string());
        }
        fresh
    }

    /// Who holds `id` (empty when nobody named does).
    pub fn holder(&self, id: &str) -> &str {
        self.holders.get(id).map_or("", String::as_str)
    }

    /// True when `id` is taken.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// `base` if free, else `base-N` for the smallest N not tried before,
    /// kept within [`crate::text::MAX_PATH_ID_LEN`] bytes when `base` is.
    pub fn claim(&mut self, base: String) -> String {
        if self.ids.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let suffix = format!("-{n}");
            let room = crate::text::MAX_PATH_ID_LEN.saturating_sub(suffix.len());
            let id = if base.len() + suffix.len() > crate::text::MAX_PATH_ID_LEN {
                format!("{}{suffix}", crate::text::truncate_id(&base, room))
            } else {
                format!("{base}{suffix}")
            };
            *n += 1;
            // Explicit ids (or another base's suffix) may already hold some
            // numbers; each number is tried once per base, so this stays linear.
            if self.ids.insert(id.clone()) {
                return id;
            }
        }
    }

    /// An id for the name `title`: its [`slug`], or `fallback` when the
    /// name has no letter or digit, made unique. `holder` names the thing
    /// for the message another name's clash will give.
    pub fn claim_for(&mut self, title: &str, fallback: &str, holder: &str) -> Claim {
        let base = match slug(title) {
            s if s.is_empty() => fallback.to_string(),
            s => s,
        };
        let id = self.claim(base.clone());
        // An id made from no letters at all clashes only with another such.
        let clash = (id != base).then(|| {
            let by = self.holders.get(&base).cloned().unwrap_or_default();
            (base, by)
        });
        self.holders.insert(id.clone(), holder.to_string());
        Claim { id, clash }
    }
}

/// The warning for an id that was taken: `what` (`area`, `level`, ...)
/// `title` became `id` because `wanted` is `holder`'s.
pub fn clash_warning(what: &str, title: &str, claim: &Claim) -> Option<Diagnostic> {
    let (wanted, holder) = claim.clash.as_ref()?;
    let holder = if holder.is_empty() {
        String::new()
    } else {
        format!(" ({holder})")
    };
    Some(
        Diagnostic::warning(
            Code::DuplicateId,
            format!(
                "{what} `{title}` would have the id `{wanted}`, which another {what} has{holder}; it is `{}`",
                claim.id
            ),
        )
        .help(format!(
            "both are imported; if they are one {what}, give them the same name in the source, else rename one"
        )),
    )
}

/// Gives a new id to every area whose id is another area's name (its
/// title or an alias, as headings name areas) and not its own: an area `w;`
/// with the id `w` beside an area titled `w` would make the heading `## w`
/// name two areas. (Two areas of one name under different parents are
/// told apart by their place, as in any framework.)
/// Statements, time splits and `extends_areas` follow the new ids, and each
/// renaming is a `duplicate-id` warning at the area. For importers, which
/// hand out ids before they have met every name.
pub fn untangle_area_ids(framework: &mut crate::model::Framework) -> Vec<Diagnostic> {
    use crate::model::Area;
    use crate::text::normalise;
    let mut names: HashMap<String, Vec<String>> = HashMap::new();
    let mut ids = Allocator::default();
    for a in framework.areas.iter().flat_map(Area::walk) {
        ids.reserve(&a.id);
        for name in std::iter::once(&a.title).chain(&a.aliases) {
            names.entry(normalise(name)).or_default().push(a.id.clone());
        }
    }
    for n in names.keys() {
        ids.reserve(n);
    }
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut diags = Vec::new();
    fn visit(
        areas: &mut [Area],
        names: &HashMap<String, Vec<String>>,
        ids: &mut Allocator,
        renamed: &mut HashMap<String, String>,
        diags: &mut Vec<Diagnostic>,
    ) {
        for a in areas {
            let key = normalise(&a.id);
            let own = std::iter::once(&a.title)
                .chain(&a.aliases)
                .any(|n| normalise(n) == key);
            let others = names
                .get(&key)
                .is_some_and(|owners| owners.iter().any(|o| *o != a.id));
            if others && !own {
                let new = ids.claim(a.id.clone());
                diags.push(
                    Diagnostic::warning(
                        Code::DuplicateId,
                        format!(
                            "area `{}` would have the id `{}`, which is the name of another area; it is `{new}`",
                            a.title, a.id
                        ),
                    )
                    .at(&a.span)
                    .help("headings name areas by title or id: each name must lead to one area"),
                );
                renamed.insert(std::mem::replace(&mut a.id, new.clone()), new);
            }
            visit(&mut a.children, names, ids, renamed, diags);
        }
    }
    visit(
        &mut framework.areas,
        &names,
        &mut ids,
        &mut renamed,
        &mut diags,
    );
    if renamed.is_empty() {
        return diags;
    }
    let follow = |id: &mut String| {
        if let Some(new) = renamed.get(id.as_str()) {
            *id = new.clone();
        }
    };
    fn statements(list: &mut [Statement], follow: &impl Fn(&mut String)) {
        for s in list {
            follow(&mut s.area);
            statements(&mut s.children, follow);
        }
    }
    for track in &mut framework.tracks {
        track.extends_areas.iter_mut().for_each(follow);
        for level in &mut track.levels {
            statements(&mut level.statements, &follow);
            for share in &mut level.indicators.time_split {
                follow(&mut share.area);
            }
            // Derived statement ids start with the area's id.
            for s in &mut level.statements {
                clear_derived(s);
            }
            assign(level);
        }
    }
    diags
}

fn clear_derived(s: &mut Statement) {
    if !s.explicit_id {
        s.id.clear();
    }
    for c in &mut s.children {
        clear_derived(c);
    }
}

fn collect_explicit(s: &Statement, taken: &mut Allocator) {
    if s.explicit_id {
        taken.reserve(&s.id);
    }
    for c in &s.children {
        collect_explicit(c, taken);
    }
}

fn assign_statement(s: &mut Statement, parent: Option<&str>, taken: &mut Allocator) {
    if !s.explicit_id {
        let words = key_words(s.name.as_deref().unwrap_or(&s.text), ID_WORDS);
        let words = if words.is_empty() {
            "statement".to_string()
        } else {
            words
        };
        let base = match parent {
            Some(p) => format!("{p}--{words}"),
            None => format!("{}-{words}", s.area),
        };
        s.id = taken.claim(base);
    }
    let parent_id = s.id.clone();
    for c in &mut s.children {
        assign_statement(c, Some(&parent_id), taken);
    }
}
