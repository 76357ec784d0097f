//! Teams by id, as an identity provider's groups read them, and the people
//! someone reports to, for filters.

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

    /// Everyone someone active reports to, `(id, name, email)`, by name.
    pub async fn managers(&self) -> Result<Vec<(i64, String, String)>> {
        Ok(sqlx::query_as(
            "SELECT m.id, m.name, m.email FROM people m
             WHERE EXISTS (SELECT 1 FROM people r WHERE r.manager_id = m.id AND r.active = 1)
             ORDER BY m.search_key, m.id",
        )
        .fetch_all(&self.pool)
        .await?)
    }
}
