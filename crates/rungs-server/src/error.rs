//! Errors, as people see them: a status and a sentence, never a stack
//! trace, a file path or the database's own message.

use axum::http::StatusCode;
use rungs_store::{StoreError, Words};

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// Not signed in.
    #[error("sign in first")]
    Unauthenticated,
    /// Signed in, but not allowed.
    #[error("you do not have access to this")]
    Forbidden,
    /// Nothing there (or nothing the viewer may know exists).
    #[error("{0} not found")]
    NotFound(String),
    /// Someone else's change came first, or a value is taken.
    #[error("{0}")]
    Conflict(String),
    /// The request is wrong; the sentence says how.
    #[error("{0}")]
    Invalid(String),
    /// The request is wrong, or someone else's change came first
    /// (`conflict`), said by a message of the app's catalogues with its
    /// values: in English to the API and the logs, in the reader's
    /// language on pages (see [`ServerError::invalid`]).
    #[error("{}", crate::i18n::say(words, crate::i18n::DEFAULT_LANGUAGE))]
    Refused {
        /// A conflict (409) rather than invalid input (422).
        conflict: bool,
        /// The message and its values.
        words: Words,
    },
    /// The request is malformed (no form of ours sends it); the sentence
    /// says how.
    #[error("{0}")]
    BadRequest(String),
    /// Too many attempts.
    #[error("too many attempts: wait a few minutes and try again")]
    TooManyAttempts,
    /// The server cannot start, or a maintenance command (backup,
    /// restore) cannot run, as configured; the sentence says why.
    #[error("{0}")]
    Config(String),
    /// Something broke inside; logged, and shown only as this.
    #[error("something went wrong on the server; the error was logged")]
    Internal(String),
}

impl ServerError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            ServerError::Unauthenticated => StatusCode::UNAUTHORIZED,
            ServerError::Forbidden => StatusCode::FORBIDDEN,
            ServerError::NotFound(_) => StatusCode::NOT_FOUND,
            ServerError::Conflict(_) => StatusCode::CONFLICT,
            ServerError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ServerError::Refused { conflict: true, .. } => StatusCode::CONFLICT,
            ServerError::Refused { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ServerError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ServerError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            ServerError::Config(_) | ServerError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl ServerError {
    /// Invalid input, said by the catalogue message `id` with `args`.
    pub(crate) fn invalid(id: &'static str, args: Vec<(&'static str, String)>) -> ServerError {
        ServerError::Refused {
            conflict: false,
            words: Words { id, args },
        }
    }

    /// A conflict, said by the catalogue message `id` with `args`.
    pub(crate) fn conflict(id: &'static str, args: Vec<(&'static str, String)>) -> ServerError {
        ServerError::Refused {
            conflict: true,
            words: Words { id, args },
        }
    }
}

impl ServerError {
    /// Logs what people are not shown: the details of an internal error.
    /// Called once, where the error becomes a response; the request's span
    /// adds its id. The details are a field (quoted, escaped), never part
    /// of the message: they can hold text from the outside.
    pub(crate) fn log(&self) {
        if let ServerError::Internal(detail) | ServerError::Config(detail) = self {
            tracing::error!(error = detail.as_str(), "internal error");
        }
    }
}

/// Converts; logs nothing (see [`ServerError::log`]).
impl From<StoreError> for ServerError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(what) => ServerError::NotFound(what),
            StoreError::Conflict(m) => ServerError::Conflict(m),
            StoreError::Invalid(m) => ServerError::Invalid(m),
            other => ServerError::Internal(other.to_string()),
        }
    }
}
