//! Importers: turning other ladder formats into the model.
//!
//! Every importer returns the model it could build and a warning, with file
//! and line, for everything it met and could not place: nothing is dropped
//! silently.

pub mod csv;
pub mod ft;
pub mod hugo;
pub mod monzo;

use crate::diagnostic::Diagnostics;
use crate::model::Framework;

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
