//! Findings about a framework: what is wrong, where, and how to fix it.

use serde::Serialize;

use crate::model::Span;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look, but the framework is usable as written.
    Warning,
    /// The framework is wrong or ambiguous; publishing it would mislead readers.
    Error,
}

/// A diagnostic as tools read it (`rungs check --format json`): the file
/// relative to the framework root, 1-based line and column.
impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            severity: Severity,
            code: Code,
            message: &'a str,
            file: Option<&'a str>,
            line: Option<u32>,
            column: Option<u32>,
            label: Option<&'a str>,
            help: Option<&'a str>,
        }
        let span = self.span.as_ref();
        Out {
            severity: self.severity,
            code: self.code,
            message: &self.message,
            file: span.map(|s| &*s.file),
            line: span.map(|s| s.line),
            column: span.map(|s| s.column),
            label: self.label.as_deref(),
            help: self.help.as_deref(),
        }
        .serialize(serializer)
    }
}

/// Every kind of finding, with a stable kebab-case name for tools.
///
/// Editors and CI scripts match on these names: a code keeps its meaning
/// for ever, new findings get new codes, and the list grows (hence
/// `#[non_exhaustive]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Code {
    /// A file could not be read.
    Io,
    /// A file is not valid UTF-8.
    NotUtf8,
    /// `rungs.toml` is missing.
    MissingConfig,
    /// `rungs.toml` or a YAML/TOML document does not parse or has a wrong type.
    Syntax,
    /// Front matter does not parse or has a wrong type.
    FrontMatter,
    /// A key that rungs does not know; it is ignored.
    UnknownKey,
    /// A required field is missing.
    MissingField,
    /// A heading (or matrix key) names no area.
    UnknownArea,
    /// A level lacks an area that other levels of its track have.
    MissingArea,
    /// Two areas share a name or alias.
    AmbiguousArea,
    /// Two levels of a track share a rank.
    DuplicateRank,
    /// Two items that need distinct ids share one.
    DuplicateId,
    /// A grade that is not on the framework's grade scale.
    UnknownGrade,
    /// A scope that rungs does not know.
    UnknownScope,
    /// A time-split range is malformed or out of 0..=100.
    TimeSplitRange,
    /// The time-split ranges cannot add up to 100%.
    TimeSplitSum,
    /// A tenure or experience range is malformed.
    YearRange,
    /// `extends` or `branch.from` names a track that does not exist.
    MissingTrack,
    /// Tracks extend each other in a cycle.
    ExtendsCycle,
    /// A relative link points at no file of the framework.
    BrokenLink,
    /// A statement has no text.
    EmptyStatement,
    /// Text in a level page that is not part of any statement.
    NotAStatement,
    /// A file that is not part of the framework.
    StrayFile,
    /// An importer met something it does not understand.
    NotImported,
    /// An id (of a statement, area, level, track or page) has characters
    /// ids cannot have, or is too long to be part of a file name.
    InvalidId,
    /// A setting has a value outside the ones it accepts (a track kind,
    /// a colour).
    InvalidValue,
    /// A level named that the track does not have.
    UnknownLevel,
    /// A file was not read: not a regular file, a link leaving the
    /// framework, too large, or a name that is not UTF-8.
    RefusedFile,
    /// Statements are nested deeper than rungs allows.
    TooDeep,
    /// A track's ranks and its levels' grades disagree on the order.
    GradeOrder,
    /// A level of a branching track sits below the rank the branch starts at.
    BranchRank,
    /// A content file holds a control character (an escape, say) that
    /// readers cannot see and terminals may act on.
    ControlCharacter,
    /// Every level of a track has the same summary apart from its title.
    BoilerplateSummary,
    /// A title alias or level code that names two levels, or names a
    /// level while another level has it as its title or grade.
    AmbiguousTitle,
    /// A text of the framework has no translation in a language.
    TranslationMissing,
    /// A translation was made from a source text that has since changed.
    TranslationStale,
    /// A translation sits where its statement used to be (another level,
    /// area or id).
    TranslationMoved,
    /// A translation of a text the framework no longer has.
    TranslationOrphaned,
    /// A translation folder named with no language code rungs knows.
    UnknownLanguage,
}

impl Code {
    /// The stable name, as printed in `error[name]`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Io => "io",
            Code::NotUtf8 => "not-utf8",
            Code::MissingConfig => "missing-config",
            Code::Syntax => "syntax",
            Code::FrontMatter => "front-matter",
            Code::UnknownKey => "unknown-key",
            Code::MissingField => "missing-field",
            Code::UnknownArea => "unknown-area",
            Code::MissingArea => "missing-area",
            Code::AmbiguousArea => "ambiguous-area",
            Code::DuplicateRank => "duplicate-rank",
            Code::DuplicateId => "duplicate-id",
            Code::UnknownGrade => "unknown-grade",
            Code::UnknownScope => "unknown-scope",
            Code::TimeSplitRange => "time-split-range",
            Code::TimeSplitSum => "time-split-sum",
            Code::YearRange => "year-range",
            Code::MissingTrack => "missing-track",
            Code::ExtendsCycle => "extends-cycle",
            Code::BrokenLink => "broken-link",
            Code::EmptyStatement => "empty-statement",
            Code::NotAStatement => "not-a-statement",
            Code::StrayFile => "stray-file",
            Code::NotImported => "not-imported",
            Code::InvalidId => "invalid-id",
            Code::InvalidValue => "invalid-value",
            Code::UnknownLevel => "unknown-level",
            Code::RefusedFile => "refused-file",
            Code::TooDeep => "too-deep",
            Code::GradeOrder => "grade-order",
            Code::BranchRank => "branch-rank",
            Code::ControlCharacter => "control-character",
            Code::BoilerplateSummary => "boilerplate-summary",
            Code::AmbiguousTitle => "ambiguous-title",
            Code::TranslationMissing => "translation-missing",
            Code::TranslationStale => "translation-stale",
            Code::TranslationMoved => "translation-moved",
            Code::TranslationOrphaned => "translation-orphaned",
            Code::UnknownLanguage => "unknown-language",
        }
    }
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What kind of finding this is.
    pub code: Code,
    /// One sentence saying what is wrong.
    pub message: String,
    /// Where; `None` for findings about the framework as a whole.
    pub span: Option<Span>,
    /// A short label shown under the caret.
    pub label: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A new error.
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A new warning.
    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    fn new(severity: Severity, code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            span: None,
            label: None,
            help: None,
        }
    }

    /// Points the finding at a place (ignored when the span is unknown).
    pub fn at(mut self, span: &Span) -> Self {
        if !span.is_unknown() {
            self.span = Some(span.clone());
        }
        self
    }

    /// Adds a label under the caret.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `file:line:col` or `<framework>` when there is no span.
    pub fn location(&self) -> String {
        match &self.span {
            Some(s) => format!("{}:{}:{}", s.file, s.line, s.column),
            None => "<framework>".to_string(),
        }
    }
}

/// The findings of one run, in a stable order (file, position, message).
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds a finding.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Adds many findings.
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// True when there is no finding at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The findings sorted by file and position.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                d.span
                    .as_ref()
                    .map(|s| (s.file.to_string(), s.start))
                    .unwrap_or_default()
            };
            key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
        });
        self.items
    }

    /// The findings in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}
