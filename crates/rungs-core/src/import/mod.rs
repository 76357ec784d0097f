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

/// Why an import could not start at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The input is not of the expected kind.
    #[error("{0}")]
    NotRecognised(String),
}
