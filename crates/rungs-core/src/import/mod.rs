//! Importers: turning other ladder formats into the model.
//!
//! Every importer returns the model it could build and a warning, with file
//! and line, for everything it met and could not place: nothing is dropped
//! silently.

pub mod csv;
pub mod ft;
pub mod hugo;
mod indicator_rows;
pub mod json;
pub mod monzo;

use crate::diagnostic::Diagnostics;
use crate::model::Framework;
use crate::source::SourceSet;

/// The result of an import.
#[derive(Debug)]
pub struct Imported {
    /// The framework.
    pub framework: Framework,
    /// What could not be imported, and other findings.
    pub diagnostics: Diagnostics,
}

impl Imported {
    /// The import of `framework`, refused when an id cannot become a file
    /// name or statements nest too deep: importers call this last, so that
    /// nothing an imported file says reaches a writer unchecked.
    pub fn checked(
        framework: Framework,
        diagnostics: Diagnostics,
    ) -> Result<Imported, ImportError> {
        check(&framework)?;
        Ok(Imported {
            framework,
            diagnostics,
        })
    }
}

/// Refuses a framework whose track, level or page ids cannot become file
/// names (see [`crate::text::path_id_problem`]) or whose statements nest
/// deeper than [`crate::ids::MAX_DEPTH`]. For frameworks that did not come
/// through [`crate::load()`], such as a JSON export read back.
pub fn check(framework: &Framework) -> Result<(), ImportError> {
    let problems = crate::validate::path_ids(framework);
    if let Some(first) = problems.first() {
        return Err(ImportError::InvalidId {
            count: problems.len(),
            first: first.message.clone(),
        });
    }
    for track in &framework.tracks {
        for level in &track.levels {
            if crate::ids::depth(&level.statements) > crate::ids::MAX_DEPTH {
                return Err(ImportError::TooDeep {
                    level: format!("{}/{}", track.id, level.id),
                });
            }
        }
    }
    Ok(())
}

/// Why an import could not start at all, or was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The input is not of the expected kind.
    #[error("{0}")]
    NotRecognised(String),
    /// Ids that would become file names are unsafe or malformed.
    #[error("{count} track, level or page id(s) cannot become file names; the first: {first}")]
    InvalidId {
        /// How many ids are invalid.
        count: usize,
        /// The first problem, in words.
        first: String,
    },
    /// Statements nest deeper than [`crate::ids::MAX_DEPTH`].
    #[error(
        "statements of level `{level}` are nested more than {} levels deep",
        crate::ids::MAX_DEPTH
    )]
    TooDeep {
        /// `track/level`.
        level: String,
    },
}

/// What an importer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Input {
    /// A directory (a Hugo site, a repository).
    Directory,
    /// One file.
    File,
    /// One file, or a directory of such files.
    FileOrDirectory,
}

/// A format rungs imports: the one list that `rungs import`, `FORMAT:PATH`
/// arguments, `[[site.compare_with]]` and the documentation all read.
#[derive(Clone, Copy)]
pub struct Format {
    /// The name users write (`rungs import NAME`, `NAME:PATH`).
    pub name: &'static str,
    /// What it is, in a few words, for help texts.
    pub description: &'static str,
    /// What the importer reads.
    pub input: Input,
    import: fn(&SourceSet) -> Result<Imported, ImportError>,
}

impl Format {
    /// Imports a framework from the files of the source (the directory's
    /// files, or the one file).
    pub fn import(&self, sources: &SourceSet) -> Result<Imported, ImportError> {
        (self.import)(sources)
    }
}

impl std::fmt::Debug for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Format")
            .field("name", &self.name)
            .field("input", &self.input)
            .finish_non_exhaustive()
    }
}

/// Every format rungs imports.
pub const FORMATS: &[Format] = &[
    Format {
        name: "hugo",
        description: "a Hugo ladder site (config and content/ with a page per level)",
        input: Input::Directory,
        import: hugo::import,
    },
    Format {
        name: "monzo",
        description: "Monzo's progression framework (frameworks/**/*.md with YAML topics)",
        input: Input::Directory,
        import: monzo::import,
    },
    Format {
        name: "ft",
        description: "the Financial Times engineering-progression job families (data/job-families/*.yml)",
        input: Input::Directory,
        import: ft::import,
    },
    Format {
        name: "csv",
        description: "a spreadsheet saved as CSV (a file, or a folder of .csv files; one track each)",
        input: Input::FileOrDirectory,
        import: csv::import,
    },
    Format {
        name: "json",
        description: "the JSON export of rungs (rungs export --format json)",
        input: Input::File,
        import: json::import,
    },
];

/// The format called `name`.
pub fn format(name: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.name == name)
}

/// Splits `FORMAT:PATH` into its format and path; `None` when the text does
/// not start with the name of a format (a plain path, even one with a colon).
pub fn split_spec(spec: &str) -> Option<(&'static Format, &str)> {
    let (name, path) = spec.split_once(':')?;
    Some((format(name)?, path))
}
