//! What can go wrong in the store.

/// An error from the store. The server turns each kind into an HTTP status;
/// the database's own message is logged, never shown.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The row asked for does not exist (or is not visible).
    #[error("{0} not found")]
    NotFound(String),
    /// Someone else changed the row since it was read (optimistic versions),
    /// or a unique value is taken.
    #[error("{0}")]
    Conflict(String),
    /// The request is malformed: a bad date, an unknown role, a cycle.
    #[error("{0}")]
    Invalid(String),
    /// A change was about to commit without an audit entry: a bug in the
    /// caller, refused rather than committed.
    #[error("refused to commit a change with no audit entry")]
    Unaudited,
    /// The database failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// Migrating the schema failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// The store's result type.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
