//! Numbered parameters for queries whose shape depends on the request (a
//! filter given or not), so each value gets the next `$n` and the SQL never
//! holds a value itself.

use sqlx::Any;
use sqlx::Arguments;
use sqlx::any::AnyArguments;

/// A value to bind.
#[derive(Clone)]
pub(crate) enum Arg {
    Int(i64),
    Text(String),
    /// An integer or NULL (typed, so PostgreSQL knows the column's type).
    OptInt(Option<i64>),
    /// Text or NULL.
    OptText(Option<String>),
}

/// The values of a query, in `$1, $2, …` order.
#[derive(Default, Clone)]
pub(crate) struct Params {
    args: Vec<Arg>,
}

impl Params {
    /// Adds a value; returns its placeholder.
    pub(crate) fn push(&mut self, arg: Arg) -> String {
        self.args.push(arg);
        format!("${}", self.args.len())
    }

    /// The values, for `sqlx::query_as_with` and its kin.
    pub(crate) fn arguments(&self) -> Result<AnyArguments, sqlx::Error> {
        let mut out = AnyArguments::default();
        for arg in &self.args {
            match arg {
                Arg::Int(i) => out.add(*i),
                Arg::Text(s) => out.add(s.clone()),
                Arg::OptInt(i) => out.add(*i),
                Arg::OptText(s) => out.add(s.clone()),
            }
            .map_err(sqlx::Error::Encode)?;
        }
        Ok(out)
    }
}

/// Whose data a listing covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Everyone (HR and administrators).
    Everyone,
    /// These people: a person and everyone below them in the reporting
    /// lines ([`Store::scope_of`](crate::Store::scope_of)).
    People(Vec<i64>),
}

/// Scopes of at most this many people are bound as parameters.
const BOUND_IDS: usize = 200;

impl Scope {
    /// `<column> IN (…)` for a query, or none for everyone.
    ///
    /// A small scope (everyone's own, most managers') is bound as
    /// parameters: the statement's text is then the same for every scope
    /// of that size, so each connection prepares and plans it once rather
    /// than on every page. A larger one is written into the SQL as numbers,
    /// since the databases cap how many parameters a statement may have.
    pub(crate) fn condition(&self, column: &str, params: &mut Params) -> Option<String> {
        match self {
            Scope::Everyone => None,
            Scope::People(ids) if !ids.is_empty() && ids.len() <= BOUND_IDS => {
                let bound: Vec<String> = ids.iter().map(|id| params.push(Arg::Int(*id))).collect();
                Some(format!("{column} IN ({})", bound.join(", ")))
            }
            Scope::People(ids) => Some(format!("{column} IN {}", id_list(ids))),
        }
    }
}

impl crate::Store {
    /// `person` and everyone below them in the reporting lines.
    pub async fn scope_of(&self, person: i64) -> crate::Result<Scope> {
        Ok(Scope::People(scope_ids(&self.pool, person).await?))
    }
}

/// The ids of `person` and everyone below them in the reporting lines.
/// Read first, on their own: planners cannot estimate a recursive query's
/// size, and PostgreSQL's guess (a tenth of the table) made every manager's
/// page scan all people.
pub(crate) async fn scope_ids(
    conn: impl sqlx::Executor<'_, Database = Any>,
    person: i64,
) -> crate::Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "WITH RECURSIVE scope (id) AS (
            SELECT id FROM people WHERE id = $1
            UNION
            SELECT p.id FROM people p JOIN scope s ON p.manager_id = s.id
        ) SELECT id FROM scope",
    )
    .bind(person)
    .fetch_all(conn)
    .await?)
}

/// `(1, 2, 3)` for `IN`: integers from the database, written into the SQL
/// (safe: they are numbers, never text), so each is an index lookup.
pub(crate) fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "(NULL)".into();
    }
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("({})", list.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_scopes_are_bound_and_large_ones_written_out() {
        let mut params = Params::default();
        params.push(Arg::Int(7));
        let own = Scope::People(vec![42]).condition("p.id", &mut params);
        assert_eq!(own.as_deref(), Some("p.id IN ($2)"));
        assert_eq!(params.args.len(), 2);

        let ids: Vec<i64> = (1..=(BOUND_IDS as i64 + 1)).collect();
        let mut params = Params::default();
        let large = Scope::People(ids).condition("p.id", &mut params);
        assert!(
            large
                .as_deref()
                .is_some_and(|c| c.starts_with("p.id IN (1, 2, 3"))
        );
        assert!(params.args.is_empty());

        let mut params = Params::default();
        let nobody = Scope::People(Vec::new()).condition("p.id", &mut params);
        assert_eq!(nobody.as_deref(), Some("p.id IN (NULL)"));
        assert_eq!(Scope::Everyone.condition("p.id", &mut params), None);
    }
}
