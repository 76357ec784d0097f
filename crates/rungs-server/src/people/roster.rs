//! Importing a roster: the HR system's CSV, read by `roster_csv`, applied
//! all or nothing.

use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;

use rungs_core::titles::{Answer, Titles};
use rungs_store::{RosterPlan, RosterRow, RowProblem};

use super::roster_columns::Field;
use super::roster_csv::{Parsed, Reading};

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
        /// How the file was read: the system, the columns, the date format.
        reading: Option<Reading>,
    },
    /// Rows with problems; nothing was written.
    Refused {
        /// Every problem, by spreadsheet row (the header is row 1).
        problems: Vec<RowProblem>,
        /// How the file was read, when its header could be.
        reading: Option<Reading>,
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
/// in a dry run. Every problem is reported at once: the file's, the
/// managers', and the ones only the store can see.
pub(crate) async fn import_roster(
    app: &App,
    hr: &Hr<'_>,
    csv: Vec<u8>,
    mapping: &super::roster_csv::Mapping,
    dry_run: bool,
    deactivate_missing: bool,
) -> Result<RosterOutcome> {
    let started = std::time::Instant::now();
    let outcome = import(app, hr, csv, mapping, dry_run, deactivate_missing).await;
    app.metrics.imported(started.elapsed());
    outcome
}

async fn import(
    app: &App,
    hr: &Hr<'_>,
    csv: Vec<u8>,
    mapping: &super::roster_csv::Mapping,
    dry_run: bool,
    deactivate_missing: bool,
) -> Result<RosterOutcome> {
    let ladder = app.ladder();
    let mut parsed = super::roster_csv::parse(&csv, mapping, &ladder);
    // The rows hold what is needed of the file from here on.
    drop(csv);
    if parsed.reading.is_none() || parsed.problems.iter().any(|p| p.line == Some(1)) {
        return Ok(RosterOutcome::Refused {
            problems: parsed.problems,
            reading: parsed.reading,
        });
    }
    // Everyone known is needed only to read managers named other than by
    // email (a name, an employee number); the
    // store reads them again inside the write, so this copy (100,000
    // people are tens of megabytes) goes before that.
    let known = if super::roster_managers::names_anyone(&parsed) {
        app.store.people().await?
    } else {
        Vec::new()
    };
    super::roster_managers::resolve(&mut parsed, &known);
    drop(known);
    // What was left to settle of each row is settled; of it, only which
    // rows were faulty is still needed (by `merge`).
    let faulty: std::collections::HashSet<Option<u64>> = parsed
        .rows
        .iter()
        .zip(std::mem::take(&mut parsed.unsettled))
        .filter(|(_, u)| u.faulty)
        .map(|(r, _)| r.line)
        .collect();
    // The rows move out of `parsed` into the store (100,000 of them are
    // tens of megabytes).
    let rows = std::mem::take(&mut parsed.rows);
    // Read before the rows move into the store.
    let titles = read_titles(&ladder.framework, &rows);
    let mut w = app.store.write(&hr.viewer().actor()).await?;
    let stored = w
        .import_roster(rows, deactivate_missing, !hr.is_admin(), &ladder.revision)
        .await?;
    let plan = match stored {
        Err(problems) => {
            merge(&mut parsed, &faulty, problems);
            None
        }
        Ok(plan) => Some(plan),
    };
    match plan {
        Some(plan) if parsed.problems.is_empty() => {
            w.require_an_admin().await?;
            if !dry_run {
                w.commit().await?;
                app.store.analyze().await?;
            }
            Ok(RosterOutcome::Planned {
                plan,
                applied: !dry_run,
                titles,
                reading: parsed.reading,
            })
        }
        // The write is dropped, so nothing of it stays.
        _ => {
            let mut problems = parsed.problems;
            problems.sort_by_key(|p| p.line);
            Ok(RosterOutcome::Refused {
                problems,
                reading: parsed.reading,
            })
        }
    }
}

/// Adds the store's problems to the file's, each once, with the file's
/// column names; a row the file already faulted gets no second report of
/// the same fault in the store's words.
fn merge(
    parsed: &mut Parsed,
    faulty: &std::collections::HashSet<Option<u64>>,
    problems: Vec<RowProblem>,
) {
    for mut p in problems {
        let column = match p.column.as_deref() {
            Some("email") => Some(parsed.heading(Field::Email)),
            Some("manager") => Some(parsed.heading(Field::Manager)),
            Some("level") => Some(parsed.heading(Field::Level)),
            _ => None,
        };
        if column.is_none() && faulty.contains(&p.line) {
            continue;
        }
        p.column = column.or(p.column);
        if !parsed
            .problems
            .iter()
            .any(|q| q.line == p.line && q.message == p.message)
        {
            parsed.problems.push(p);
        }
    }
}

/// The catalogue message `id` with its variables, for a roster problem or
/// note (the message test finds every id asked for with `words("…"`).
pub(crate) fn words(id: &'static str, args: Vec<(&'static str, String)>) -> rungs_store::Words {
    rungs_store::Words { id, args }
}

/// `outcome` with its problems said in `lang`, where they have the words.
pub(crate) fn in_language(mut outcome: RosterOutcome, lang: &str) -> RosterOutcome {
    let reading = match &mut outcome {
        RosterOutcome::Refused { problems, reading } => {
            for p in problems.iter_mut() {
                if let Some(words) = &p.words {
                    p.message = crate::i18n::say(words, lang);
                }
            }
            reading
        }
        RosterOutcome::Planned { reading, .. } => reading,
    };
    if let Some(reading) = reading {
        reading.notes = reading
            .note_words
            .iter()
            .map(|w| crate::i18n::say(w, lang))
            .collect();
    }
    outcome
}
