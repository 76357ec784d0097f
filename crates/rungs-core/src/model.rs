//! The career-framework model: plain data, serialisable with serde.
//!
//! Everything here is what a framework *means*, independent of how it was
//! written (level-major Markdown, area-major YAML, an import). Every item
//! carries the [`Span`] it was read from so diagnostics can point at it; spans
//! are not part of the serialised form, so two frameworks with the same
//! content compare equal through their JSON export whatever files they came from.

use std::sync::Arc;

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where an item was read from: a file of the framework and a byte range in it.
///
/// Lines and columns are 1-based; the column counts characters, not bytes.
/// Items built in memory (by an importer or a test) have the default, empty span.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// Path of the file relative to the framework root, with `/` separators.
    pub file: Arc<str>,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column (in characters) of `start`.
    pub column: u32,
}

impl Span {
    /// True when the span points at no file (an item made in memory).
    pub fn is_unknown(&self) -> bool {
        self.file.is_empty()
    }
}

/// One organisation's career framework: its areas, tracks and free pages.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Display title, e.g. "Acme Engineering Careers".
    pub title: String,
    /// One-paragraph description used in page metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Public URL the framework is published at, e.g. `https://example.org/careers/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Markdown shown on the home page (the root `_index.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduction: Option<String>,
    /// The shared grade scale (e.g. `L1`..`L10`) that lines up levels of different tracks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grades: Vec<Grade>,
    /// The competency areas, as a tree.
    pub areas: Vec<Area>,
    /// The scope scale, narrowest first, when the framework declares its own
    /// (`scopes` in rungs.toml); empty means rungs's default scale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<ScopeStep>,
    /// The tracks (job families), in display order.
    pub tracks: Vec<Track>,
    /// Free pages (introduction, FAQ, ...), in display order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<Page>,
    /// Where the framework settings were read from.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub span: Span,
    /// Website settings an importer carries over from the source (its footer,
    /// header links), written as the `[site]` table of rungs.toml. The
    /// loader leaves it empty: the website reads `[site]` itself.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub site: Option<toml::Table>,
    /// The rating scale and promotion rule (`[assessments]` of rungs.toml),
    /// read by `rungs server`.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub assessments: crate::assess::Settings,
    /// What `rungs impact --exit-code` lets an edit do to people (`[impact]`
    /// of rungs.toml).
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub impact: crate::impact::Limits,
    /// Who nominates, what a promotion case needs, how calibration flags
    /// and how decisions are communicated (`[promotions]` of rungs.toml),
    /// read by `rungs server`.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub promotions: crate::promotions::Settings,
    /// Level codes of other companies ("L5", "IC4") and the level of this
    /// framework each stands for (`[titles.codes]` of rungs.toml), read by
    /// the title resolver ([`crate::titles`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title_codes: Vec<TitleCode>,
}

/// A level code of another company read as a level of this framework
/// (`L5 = "engineering/senior"` in `[titles.codes]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TitleCode {
    /// The code as people write it: `L5`, `IC4`, `SDE II`.
    pub code: String,
    /// The track of the level it stands for.
    pub track: String,
    /// The level it stands for.
    pub level: String,
    /// Where the code was declared.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub span: Span,
}

/// One step of the shared grade scale.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// Short code, e.g. `L4`.
    pub id: String,
    /// Optional longer name, e.g. "Senior".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the grade was declared.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub span: Span,
}

/// A competency area (category). Areas form a tree: "Functional" > "Management".
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Stable identifier (kebab-case), unique in the whole tree.
    pub id: String,
    /// Display title, also the heading authors write.
    pub title: String,
    /// Other headings accepted for this area (e.g. "Core" for "Core Competencies").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What the area covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Sub-areas.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Area>,
    /// Where the area was declared.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub span: Span,
}

impl Area {
    /// This area and all its descendants, depth first, parents before children.
    pub fn walk(&self) -> Vec<&Area> {
        let mut out = vec![self];
        for child in &self.children {
            out.extend(child.walk());
        }
        out
    }
}

/// Whether a track is for individual contributors or for people managers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum TrackKind {
    /// Individual contributor.
    #[default]
    #[serde(alias = "individual-contributor")]
    Ic,
    /// People management.
    #[serde(alias = "manager")]
    Management,
}

impl TrackKind {
    /// The spelling used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            TrackKind::Ic => "ic",
            TrackKind::Management => "management",
        }
    }

    /// The kind a spelling names (`ic`, `individual-contributor`,
    /// `management`, `manager`; any case), if any.
    pub fn parse(name: &str) -> Option<TrackKind> {
        match name.trim().to_lowercase().as_str() {
            "ic" | "individual-contributor" => Some(TrackKind::Ic),
            "management" | "manager" => Some(TrackKind::Management),
            _ => None,
        }
    }
}

impl Track {
    /// True when every level's summary says the same thing apart from the
    /// level's title ("The Engineering ladder: Senior Engineer role"): a
    /// sentence that tells a reader nothing, which pages do not show.
    /// Needs two levels or more, all with a summary.
    pub fn summaries_are_boilerplate(&self) -> bool {
        if self.levels.len() < 2 {
            return false;
        }
        let mut first: Option<String> = None;
        for level in &self.levels {
            let Some(summary) = &level.summary else {
                return false;
            };
            let title = level.title.trim().to_lowercase();
            let summary = summary.to_lowercase();
            let Some(rest) = replace_words(&summary, &title) else {
                return false;
            };
            match &first {
                None => first = Some(rest),
                Some(f) if *f == rest => {}
                Some(_) => return false,
            }
        }
        true
    }

    /// True when this track inherits the statements of `area` through
    /// `extends` (every area, unless `extends_areas` names some).
    pub fn inherits_area(&self, area: &str) -> bool {
        self.extends_areas.is_empty() || self.extends_areas.iter().any(|a| a == area)
    }
}

/// Where a track splits off another one: it shares the base's levels below
/// `rank` and continues with its own levels from `rank` up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// Id of the track this one branches from.
    pub from: String,
    /// Rank of this track's first level; levels of `from` below it are shared.
    pub rank: u32,
}

/// A job family: an ordered list of levels.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Track {
    /// Stable identifier: the track's directory or file name.
    pub id: String,
    /// Display title.
    pub title: String,
    /// Short description for listings and metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Markdown shown on the track page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduction: Option<String>,
    /// Individual contributor or management.
    #[serde(default)]
    pub kind: TrackKind,
    /// Id of a base track whose statements this track inherits at the same rank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// When not empty, only statements of these areas (ids) are inherited
    /// through `extends`, as Monzo's site shows generic criteria only under
    /// the topics a framework shares with them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extends_areas: Vec<String>,
    /// Where this track splits off another (IC / management branch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<Branch>,
    /// Levels from the most junior to the most senior.
    pub levels: Vec<Level>,
    /// Where the track was declared.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub span: Span,
}

/// One rung of a track.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Stable identifier within the track (the file name without `.md`).
    pub id: String,
    /// Position on the ladder, 1 for the most junior; comparable across tracks
    /// that branch from each other.
    pub rank: u32,
    /// Display title, e.g. "Senior Engineer".
    pub title: String,
    /// Other titles people hold at this level ("SWE II", "Senior
    /// Developer"), for the title resolver ([`crate::titles`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// A shorter title for navigation (the site's sidebar), e.g. "Senior";
    /// Hugo's `linktitle`. The title when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<String>,
    /// Code on the shared grade scale, e.g. `L4`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// One-line summary for the ladder overview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Markdown before the first area heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduction: Option<String>,
    /// Tenure, experience, scope and time split.
    #[serde(default, skip_serializing_if = "Indicators::is_empty")]
    pub indicators: Indicators,
    /// The expectations, grouped by area in area order.
    pub statements: Vec<Statement>,
    /// Where the level was declared.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub span: Span,
    /// Where its `grade` was written (empty when not written in a file).
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub grade_span: Span,
    /// Where each of its `aliases` was written, in their order (empty when
    /// made in memory).
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub alias_spans: Vec<Span>,
    /// True when the loader gave it its rank from its place (no `rank:`
    /// written): diagnostics then say how the order was taken.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub rank_derived: bool,
}

/// Rough, non-binding facts about a level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicators {
    /// Approximate time people spend at this level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenure: Option<YearRange>,
    /// Typical years of professional experience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<YearRange>,
    /// Tenure in the author's words, when not written as years
    /// ("Several years").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenure_words: Option<String>,
    /// Experience in the author's words, when not written as years
    /// ("No prior experience required").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience_words: Option<String>,
    /// How far the level's impact reaches: the id of a step of the
    /// framework's scope scale ([`Framework::scope_scale`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// How time and energy are split across areas.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub time_split: Vec<TimeShare>,
    /// Free text that qualifies the indicators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Level {
    /// The title navigation shows: the short title, else the title.
    pub fn nav_title(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }

    /// Gives every statement without an id its derived id (the area and the
    /// first words of its text, unique within the level), as loading does.
    /// For levels built in memory, e.g. by an importer.
    pub fn assign_ids(&mut self) {
        crate::ids::assign(self);
    }
}

impl Indicators {
    /// True when no indicator is given.
    pub fn is_empty(&self) -> bool {
        *self == Indicators::default()
    }

    /// Tenure as pages show it: the range ("2-3 years"), or the author's words.
    pub fn tenure_text(&self) -> Option<String> {
        years_or_words(self.tenure.as_ref(), self.tenure_words.as_ref())
    }

    /// Experience as pages show it: the range ("4-8 years"), or the author's words.
    pub fn experience_text(&self) -> Option<String> {
        years_or_words(self.experience.as_ref(), self.experience_words.as_ref())
    }
}

fn years_or_words(years: Option<&YearRange>, words: Option<&String>) -> Option<String> {
    years
        .map(crate::load::ranges::format_years)
        .or_else(|| words.cloned())
}

/// A range of years; `max` is `None` for open ranges such as "8+ years".
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearRange {
    /// Lower bound in years.
    pub min: f64,
    /// Upper bound in years, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// One step of a framework's scope scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScopeStep {
    /// What level pages write (`scope: team`).
    pub id: String,
    /// How pages show it ("Team").
    pub title: String,
}

impl ScopeStep {
    /// rungs's default scale: [`Scope::ALL`].
    pub fn defaults() -> Vec<ScopeStep> {
        Scope::ALL
            .iter()
            .map(|s| ScopeStep {
                id: s.as_str().to_string(),
                title: s.title().to_string(),
            })
            .collect()
    }
}

impl Framework {
    /// The scope scale in use, narrowest first: the framework's own, or
    /// rungs's default.
    pub fn scope_scale(&self) -> std::borrow::Cow<'_, [ScopeStep]> {
        if self.scopes.is_empty() {
            std::borrow::Cow::Owned(ScopeStep::defaults())
        } else {
            std::borrow::Cow::Borrowed(&self.scopes)
        }
    }

    /// The title of scope `id` ("Team"), or the id when the scale lacks it.
    pub fn scope_title(&self, id: &str) -> String {
        self.scope_scale()
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_string(), |s| s.title.clone())
    }
}

/// The default scope scale: how far a level's impact reaches, from
/// narrowest to widest. A framework may declare its own (`scopes` in
/// rungs.toml), since "function" is low in one ladder and high in another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Own tasks.
    Individual,
    /// A team.
    Team,
    /// Several teams.
    MultiTeam,
    /// A function or discipline across teams.
    Function,
    /// A department.
    Department,
    /// The whole company.
    Company,
    /// Beyond the company: the industry or community.
    Industry,
}

impl Scope {
    /// Every scope, narrowest first.
    pub const ALL: [Scope; 7] = [
        Scope::Individual,
        Scope::Team,
        Scope::MultiTeam,
        Scope::Function,
        Scope::Department,
        Scope::Company,
        Scope::Industry,
    ];

    /// The spelling used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Individual => "individual",
            Scope::Team => "team",
            Scope::MultiTeam => "multi-team",
            Scope::Function => "function",
            Scope::Department => "department",
            Scope::Company => "company",
            Scope::Industry => "industry",
        }
    }

    /// How pages show it.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Individual => "Individual",
            Scope::Team => "Team",
            Scope::MultiTeam => "Several teams",
            Scope::Function => "Function",
            Scope::Department => "Department",
            Scope::Company => "Company",
            Scope::Industry => "Industry",
        }
    }
}

/// The share of time for one area: a percentage range, a note, or both.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TimeShare {
    /// Area id.
    pub area: String,
    /// Percentage range, e.g. 50-65.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<PercentRange>,
    /// Free text for areas that are not measured in time (e.g. traits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A percentage range, both ends inclusive, `min <= max <= 100` once validated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PercentRange {
    /// Lower bound.
    pub min: u32,
    /// Upper bound.
    pub max: u32,
    /// Written as an approximation (`~50-65%`): pages keep the `~`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

impl PercentRange {
    /// The range as authors write it: "~50-65%", "10%".
    pub fn text(&self) -> String {
        crate::load::ranges::format_percent(self)
    }
}

/// One expectation of a level ("You own large features end to end").
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Stable id, unique within the level: written by the author as `{#id}` or
    /// derived from the area and the first words of the text.
    pub id: String,
    /// True when the author wrote the id; derived ids are re-linked by similarity across versions.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub explicit_id: bool,
    /// Area id.
    pub area: String,
    /// Optional name, e.g. "Tenacity" in `**Tenacity**: ...`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The statement, as inline Markdown.
    pub text: String,
    /// Examples that illustrate the statement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
    /// Further reading for the statement (FT's `supportingUrls`), written
    /// in level pages as nested `- Link: [title](url)` bullets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<StatementLink>,
    /// Nested statements (sub-points).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Statement>,
    /// Where the statement was written.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub span: Span,
}

/// A link that helps understand a statement: a title and where it points.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatementLink {
    /// The text shown for the link (plain text, not Markdown).
    pub title: String,
    /// Where the link points, e.g. `https://example.org/guide`.
    pub url: String,
}

impl StatementLink {
    /// The link as Markdown, `[title](url)`, such that Markdown gives back
    /// exactly this title and URL. The title is plain text: every ASCII
    /// punctuation mark is escaped so none is read as syntax. The URL
    /// escapes what Markdown would otherwise read as syntax or as an entity
    /// (backslashes, parentheses, angle brackets, `&`) and is wrapped in
    /// `<...>` when it holds spaces.
    pub fn markdown(&self) -> String {
        let mut title = String::with_capacity(self.title.len() + 8);
        for c in self.title.chars() {
            if c.is_ascii_punctuation() {
                title.push('\\');
            }
            title.push(c);
        }
        let mut url = String::with_capacity(self.url.len() + 8);
        for c in self.url.chars() {
            if "\\()<>&".contains(c) {
                url.push('\\');
            }
            url.push(c);
        }
        if self.url.chars().any(char::is_whitespace) || self.url.is_empty() {
            url = format!("<{url}>");
        }
        format!("[{title}]({url})")
    }
}

impl Statement {
    /// Number of statements in this subtree (this one included).
    pub fn count(&self) -> usize {
        1 + self.children.iter().map(Statement::count).sum::<usize>()
    }

    /// Calls `f` on this statement and its descendants, depth first.
    pub fn visit<'a>(&'a self, f: &mut impl FnMut(&'a Statement)) {
        f(self);
        for c in &self.children {
            c.visit(f);
        }
    }

    /// This statement and its descendants, depth first.
    pub fn walk(&self) -> Vec<&Statement> {
        let mut out = vec![self];
        for child in &self.children {
            out.extend(child.walk());
        }
        out
    }
}

/// A free page such as an introduction or an FAQ.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Stable identifier: the file name without `.md`.
    pub id: String,
    /// Display title.
    pub title: String,
    /// A shorter title for navigation (the site's sidebar); Hugo's
    /// `linktitle`. The title when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<String>,
    /// Short description for listings and metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The page content, as Markdown.
    pub body: String,
    /// Where the page was read from.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub span: Span,
}

impl Page {
    /// The title navigation shows: the short title, else the title.
    pub fn nav_title(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }
}

impl Framework {
    /// All areas of the tree, depth first.
    pub fn all_areas(&self) -> Vec<&Area> {
        self.areas.iter().flat_map(Area::walk).collect()
    }

    /// The track with this id.
    pub fn track(&self, id: &str) -> Option<&Track> {
        self.tracks.iter().find(|t| t.id == id)
    }

    /// The levels a level inherits statements from through `extends`: the
    /// level of the same rank in the base track, then in its base, and so on.
    /// A cycle (reported by validation) ends the chain.
    pub fn inherited<'a>(&'a self, track: &'a Track, level: &Level) -> Vec<(&'a Track, &'a Level)> {
        inherited(track, level, |id| self.track(id))
    }

    /// The whole ladder of a track, most junior first: for a branch, the
    /// levels of the track it branches from below the branch rank, then its own.
    pub fn ladder<'a>(&'a self, track: &'a Track) -> Vec<(&'a Track, &'a Level)> {
        ladder(track, |id| self.track(id))
    }

    /// Counts used in summaries: tracks, levels, areas, statements (with children).
    pub fn counts(&self) -> Counts {
        let levels = self.tracks.iter().map(|t| t.levels.len()).sum();
        let statements = self
            .tracks
            .iter()
            .flat_map(|t| &t.levels)
            .flat_map(|l| &l.statements)
            .map(Statement::count)
            .sum();
        Counts {
            tracks: self.tracks.len(),
            levels,
            areas: self.all_areas().len(),
            statements,
            pages: self.pages.len(),
        }
    }
}

/// Sizes of a framework, for summaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Number of tracks.
    pub tracks: usize,
    /// Number of levels over all tracks.
    pub levels: usize,
    /// Number of areas in the tree.
    pub areas: usize,
    /// Number of statements, nested ones included.
    pub statements: usize,
    /// Number of free pages.
    pub pages: usize,
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} tracks, {} levels, {} areas, {} statements, {} pages",
            self.tracks, self.levels, self.areas, self.statements, self.pages
        )
    }
}

/// Tracks by id, for code that looks tracks up many times (a website of a
/// thousand tracks would otherwise scan the list for every page).
#[derive(Debug)]
pub struct TrackIndex<'a> {
    by_id: std::collections::HashMap<&'a str, &'a Track>,
    branches: std::collections::HashMap<&'a str, Vec<&'a Track>>,
}

impl<'a> TrackIndex<'a> {
    /// Indexes the tracks of `framework`. With duplicate ids (an error
    /// validation reports), the first track wins, as with [`Framework::track`].
    pub fn new(framework: &'a Framework) -> TrackIndex<'a> {
        let mut by_id = std::collections::HashMap::with_capacity(framework.tracks.len());
        let mut branches: std::collections::HashMap<&str, Vec<&Track>> =
            std::collections::HashMap::new();
        for t in &framework.tracks {
            by_id.entry(t.id.as_str()).or_insert(t);
            if let Some(b) = &t.branch {
                branches.entry(b.from.as_str()).or_default().push(t);
            }
        }
        TrackIndex { by_id, branches }
    }

    /// The tracks that branch off the track `id`, in the framework's order.
    pub fn branches_of(&self, id: &str) -> &[&'a Track] {
        self.branches.get(id).map_or(&[], Vec::as_slice)
    }

    /// The track with this id.
    pub fn track(&self, id: &str) -> Option<&'a Track> {
        self.by_id.get(id).copied()
    }

    /// As [`Framework::inherited`].
    pub fn inherited(&self, track: &'a Track, level: &Level) -> Vec<(&'a Track, &'a Level)> {
        inherited(track, level, |id| self.track(id))
    }

    /// As [`Framework::ladder`].
    pub fn ladder(&self, track: &'a Track) -> Vec<(&'a Track, &'a Level)> {
        ladder(track, |id| self.track(id))
    }
}

fn inherited<'a>(
    track: &'a Track,
    level: &Level,
    find: impl Fn(&str) -> Option<&'a Track>,
) -> Vec<(&'a Track, &'a Level)> {
    let mut out = Vec::new();
    let mut seen = vec![track.id.as_str()];
    let mut current = track;
    while let Some(base) = current.extends.as_deref().and_then(&find) {
        if seen.contains(&base.id.as_str()) {
            break;
        }
        seen.push(&base.id);
        if let Some(l) = base.levels.iter().find(|l| l.rank == level.rank) {
            out.push((base, l));
        }
        current = base;
    }
    out
}

fn ladder<'a>(
    track: &'a Track,
    find: impl Fn(&str) -> Option<&'a Track>,
) -> Vec<(&'a Track, &'a Level)> {
    let mut below: Vec<(&Track, &Level)> = Vec::new();
    if let Some(branch) = &track.branch
        && let Some(base) = find(&branch.from).filter(|b| b.id != track.id)
    {
        // One level of branching is followed; deeper chains are rare and
        // would need cycle handling for little value.
        below = base
            .levels
            .iter()
            .filter(|l| l.rank < branch.rank)
            .map(|l| (base, l))
            .collect();
    }
    below.extend(track.levels.iter().map(|l| (track, l)));
    below
}

/// `text` with every whole-word occurrence of `words` replaced by a marker
/// ("engineer" in "the engineering ladder - engineer role" only once), or
/// `None` when there is none.
fn replace_words(text: &str, words: &str) -> Option<String> {
    if words.is_empty() {
        return None;
    }
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in text.match_indices(words) {
        let end = at + words.len();
        if at < last
            || !boundary(text[..at].chars().next_back())
            || !boundary(text[end..].chars().next())
        {
            continue;
        }
        out.push_str(&text[last..at]);
        out.push('\u{1}');
        last = end;
    }
    if last == 0 {
        return None;
    }
    out.push_str(&text[last..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn track(summaries: &[(&str, Option<&str>)]) -> Track {
        Track {
            levels: summaries
                .iter()
                .map(|(title, summary)| Level {
                    title: title.to_string(),
                    summary: summary.map(str::to_string),
                    ..Level::default()
                })
                .collect(),
            ..Track::default()
        }
    }

    #[test]
    fn boilerplate_summaries_differ_only_by_the_title() {
        let same = track(&[
            (
                "Engineer",
                Some("The Engineering ladder at Acme - Engineer role"),
            ),
            (
                "Senior Engineer",
                Some("The Engineering ladder at Acme - Senior Engineer role"),
            ),
        ]);
        assert!(same.summaries_are_boilerplate());
        let same = track(&[
            ("Engineer", Some("The ladder used at Acme - Engineer role")),
            (
                "Senior Engineer",
                Some("The ladder used at Acme - Senior Engineer role"),
            ),
        ]);
        assert!(same.summaries_are_boilerplate());
        let real = track(&[
            ("Engineer", Some("Delivers well-scoped work")),
            ("Senior Engineer", Some("Leads projects across a team")),
        ]);
        assert!(!real.summaries_are_boilerplate());
        let missing = track(&[
            ("Engineer", Some("The ladder - Engineer role")),
            ("Senior Engineer", None),
        ]);
        assert!(!missing.summaries_are_boilerplate());
        assert!(
            !track(&[("Engineer", Some("The ladder - Engineer role"))]).summaries_are_boilerplate()
        );
    }
}
