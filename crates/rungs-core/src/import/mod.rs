//! Importers: turning other ladder formats into the model.
//!
//! Every importer returns the model it could build and a warning, with file
//! and line, for everything it met and could not place: nothing is dropped
//! silently.

pub mod csv;
pub mod ft;
pub mod hugo;
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

/// Why an import could not start at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The input is not of the expected kind.
    #[error("{0}")]
    NotRecognised(String),
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
