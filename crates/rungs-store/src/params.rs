//! Numbered parameters for queries whose shape depends on the request (a
//! filter given or not), so each value gets the next `$n` and the SQL never
//! holds a value itself.

use sqlx::Any;
use sqlx::any::AnyArguments;
use sqlx::query::Query;

/// A value to bind.
pub(crate) enum Arg {
    Int(i64),
    Text(String),
}

/// The values of a query, in `$1, $2, …` order.
#[derive(Default)]
pub(crate) struct Params {
    args: Vec<Arg>,
}

impl Params {
    /// Adds a value; returns its placeholder.
    pub(crate) fn push(&mut self, arg: Arg) -> String {
        self.args.push(arg);
        format!("${}", self.args.len())
    }

    /// Binds every value to `query`.
    pub(crate) fn bind<'q>(
        &'q self,
        mut query: Query<'q, Any, AnyArguments>,
    ) -> Query<'q, Any, AnyArguments> {
        for arg in &self.args {
            query = match arg {
                Arg::Int(i) => query.bind(*i),
                Arg::Text(s) => query.bind(s.as_str()),
            };
        }
        query
    }
}

/// `scope`: the person `param` and everyone below them in the reporting
/// lines. Queries start from it, so a manager's page reads their team only.
pub(crate) fn scope_cte(param: &str) -> String {
    format!(
        "WITH RECURSIVE scope (id) AS (
            SELECT id FROM people WHERE id = {param}
            UNION
            SELECT p.id FROM people p JOIN scope s ON p.manager_id = s.id
        ) "
    )
}
