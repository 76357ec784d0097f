//! Importing a roster: the HR system's CSV, read by `roster_csv`, applied
//! all or nothing.

use serde::Serialize;
use utoipa::ToSchema;

use rungs_store::{RosterPlan, RowProblem};

use crate::access::Hr;
use crate::error::ServerError;
use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// What a roster import did or would do.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum RosterOutcome {
    /// Every row is fine; `applied` says whether it was written (false: dry run).
    Planned {
        /// What changes.
        plan: RosterPlan,
        /// Whether it was written.
        applied: bool,
    },
    /// Rows with problems; nothing was written.
    Refused {
        /// Every problem, by line.
        problems: Vec<RowProblem>,
    },
}

/// Imports a roster CSV (HR). Nothing is written when any row is wrong, or
/// in a dry run.
pub(crate) async fn import_roster(
    app: &App,
    hr: &Hr<'_>,
    csv: &[u8],
    mapping: &super::roster_csv::Mapping,
    dry_run: bool,
    deactivate_missing: bool,
) -> Result<RosterOutcome> {
    let ladder = app.ladder();
    let rows = match super::roster_csv::parse(csv, mapping, &ladder) {
        Ok(rows) => rows,
        Err(problems) => return Ok(RosterOutcome::Refused { problems }),
    };
    let mut w = app.store.write(&hr.viewer().actor()).await?;
    match w
        .import_roster(&rows, deactivate_missing, !hr.is_admin(), &ladder.revision)
        .await?
    {
        Err(problems) => Ok(RosterOutcome::Refused { problems }),
        Ok(plan) => {
            w.require_an_admin().await?;
            if !dry_run {
                w.commit().await?;
                app.store.analyze().await?;
            }
            Ok(RosterOutcome::Planned {
                plan,
                applied: !dry_run,
            })
        }
    }
}
