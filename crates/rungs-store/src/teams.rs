//! Teams by id, as an identity provider's groups read them.

use crate::{Result, Store};

impl Store {
    /// Every team, `(id, name)`, by name.
    pub async fn teams(&self) -> Result<Vec<(i64, String)>> {
        Ok(
            sqlx::query_as("SELECT id, name FROM teams ORDER BY name, id")
                .fetch_all(&self.pool)
                .await?,
        )
    }
}
