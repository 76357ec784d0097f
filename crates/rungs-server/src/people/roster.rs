//! Importing a roster: the HR system's CSV, read by `roster_csv`, applied
//! all or nothing.

use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;

use rungs_core::titles::{Answer, Titles};
use rungs_store::{RosterPlan, RosterRow, RowProblem};

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
        /// How the file's job titles read on the ladder in use, each title
        /// once, in the order the file first names it: what a rollout
        /// would suggest for the people who hold it.
        titles: Vec<TitleReading>,
    },
    /// Rows with problems; nothing was written.
    Refused {
        /// Every problem, by line.
        problems: Vec<RowProblem>,
    },
}

/// One job title of a roster, read on the ladder in use.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TitleReading {
    /// The title as the file writes it.
    pub title: String,
    /// How many rows hold it.
    pub people: usize,
    /// The level it reads as, if any: `track/level`.
    pub level: Option<String>,
    /// That level's title ("Senior Engineer"), or why there is none ("not
    /// on this ladder", "cannot place").
    pub reads_as: String,
    /// Whether the reading is sure; otherwise check it.
    pub sure: bool,
    /// How the title was read, in words.
    pub why: String,
}

/// The distinct job titles of `rows`, read by the title resolver.
fn read_titles(framework: &rungs_core::Framework, rows: &[RosterRow]) -> Vec<TitleReading> {
    let resolver = Titles::new(framework);
    let mut out: Vec<TitleReading> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for row in rows {
        let title = row.job_title.as_deref().unwrap_or_default().trim();
        if title.is_empty() {
            continue;
        }
        if let Some(&i) = seen.get(title) {
            out[i].people += 1;
            continue;
        }
        seen.insert(title, out.len());
        let reading = resolver.resolve(title);
        let (level, reads_as) = match &reading.answer {
            Answer::Level(p) => (Some(format!("{}/{}", p.track, p.level)), p.title.clone()),
            Answer::NotOnLadder => (None, "not on this ladder".to_string()),
            // "Cannot place", and any answer a later resolver adds.
            _ => (None, "cannot place".to_string()),
        };
        out.push(TitleReading {
            title: title.to_string(),
            people: 1,
            level,
            reads_as,
            sure: reading.sure,
            why: reading.why(),
        });
    }
    out
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
                titles: read_titles(&ladder.framework, &rows),
            })
        }
    }
}
