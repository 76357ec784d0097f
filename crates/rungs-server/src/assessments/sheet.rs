//! The spreadsheet a manager (or the person) fills offline: the viewer's
//! side as CSV, a row per statement, imported back by statement id.

use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;

use rungs_store::model::Side;

use super::commands::{Given, parse_rating, rate};
use super::view::{Row, view};
use crate::access::AssessmentAccess;
use crate::error::ServerError;
use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// The viewer's side as a spreadsheet (CSV): a row per statement, to fill
/// offline and import back by statement id.
pub(crate) async fn sheet(app: &App, access: &AssessmentAccess<'_>) -> Result<(String, String)> {
    let view = view(app, access).await?;
    let side = view.seat.side().ok_or(ServerError::Forbidden)?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let csv_err = |e: csv::Error| ServerError::Internal(e.to_string());
    out.write_record([
        "statement_id",
        "area",
        "statement",
        "rating",
        "comment",
        "evidence",
    ])
    .map_err(csv_err)?;
    for area in &view.areas {
        for row in &area.rows {
            let c = match side {
                Side::Person => row.person.as_ref(),
                Side::Manager => row.manager.as_ref(),
            };
            out.write_record(
                [
                    row.statement_id.as_str(),
                    area.title.as_str(),
                    row.full_text().as_str(),
                    c.map_or("", |c| c.label.as_str()),
                    c.map_or("", |c| c.comment.as_str()),
                    c.map_or("", |c| c.evidence.as_str()),
                ]
                // Cells a spreadsheet would run as formulas are quoted; the
                // import undoes it.
                .map(|c| rungs_core::export::csv::neutralise(c).into_owned()),
            )
            .map_err(csv_err)?;
        }
    }
    let bytes = out
        .into_inner()
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| ServerError::Internal(e.to_string()))?;
    let name = format!(
        "assessment-{}-{}-{}.csv",
        view.assessment.id,
        side.as_str(),
        view.assessment.level
    );
    Ok((name, text))
}

/// What importing a sheet did.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct SheetReport {
    /// Ratings changed.
    pub changed: usize,
    /// Rows read.
    pub rows: usize,
    /// Statements of the level the sheet has no row for (their ratings are
    /// kept as they were).
    pub missing: Vec<String>,
    /// Rows whose statement's words differ from the ladder's now (the
    /// rating is applied to the statement as it is now).
    pub reworded: Vec<String>,
}

/// Imports a filled sheet: every row must name a statement of the level
/// once, with a rating on the scale; every mismatch is reported with its
/// row and column, and nothing is saved when any row is wrong.
pub(crate) async fn import_sheet(
    app: &App,
    access: &AssessmentAccess<'_>,
    bytes: &[u8],
) -> Result<SheetReport> {
    let view = view(app, access).await?;
    if !view.can.edit {
        return Err(match view.seat.side() {
            None => ServerError::Forbidden,
            Some(_) => ServerError::Conflict(
                "these ratings are submitted; they can no longer be changed".into(),
            ),
        });
    }
    let ladder = app.ladder();
    let settings = &ladder.framework.assessments;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ServerError::invalid(
            "form-sheet-not-utf8",
            vec![("byte", (e.valid_up_to() + 1).to_string())],
        )
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ServerError::invalid("form-sheet-header", vec![("error", e.to_string())]))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let Some(id_col) = col("statement_id") else {
        return Err(ServerError::Invalid(
            "the sheet has no `statement_id` column; export the sheet again and fill that one"
                .into(),
        ));
    };
    let Some(rating_col) = col("rating") else {
        return Err(ServerError::Invalid(
            "the sheet has no `rating` column".into(),
        ));
    };
    let (comment_col, evidence_col, text_col) = (col("comment"), col("evidence"), col("statement"));
    let rows_now: Vec<&Row> = view.areas.iter().flat_map(|a| a.rows.iter()).collect();
    let mut problems = Vec::new();
    let mut given: Vec<Given> = Vec::new();
    let mut report = SheetReport::default();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(format!("row {line}: {e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        report.rows += 1;
        let get = |c: Option<usize>| {
            rungs_core::export::csv::restore(c.and_then(|c| record.get(c)).unwrap_or(""))
                .to_string()
        };
        let sid = get(Some(id_col)).trim().to_string();
        if sid.is_empty() {
            problems.push(format!("row {line}, column statement_id: empty"));
            continue;
        }
        if let Some(first) = seen.insert(sid.clone(), line) {
            problems.push(format!(
                "row {line}: statement `{sid}` is also on row {first}"
            ));
            continue;
        }
        let Some(row) = rows_now.iter().find(|r| r.statement_id == sid) else {
            problems.push(format!(
                "row {line}, column statement_id: `{sid}` is not a statement of {}",
                view.level
                    .as_ref()
                    .map_or("this level", |l| l.title.as_str())
            ));
            continue;
        };
        let rating = get(Some(rating_col));
        if let Err(e) = parse_rating(settings, &rating) {
            problems.push(format!("row {line}, column rating: {e}"));
            continue;
        }
        if text_col.is_some() {
            let t = get(text_col);
            if !t.trim().is_empty() && t.trim() != row.full_text().trim() {
                report.reworded.push(format!("row {line}: `{sid}`"));
            }
        }
        given.push(Given {
            statement: sid,
            rating,
            // A sheet without the column keeps what is stored.
            comment: comment_col.map(|_| get(comment_col)),
            evidence: evidence_col.map(|_| get(evidence_col)),
        });
    }
    if !problems.is_empty() {
        return Err(ServerError::Invalid(format!(
            "nothing was imported: {}",
            problems.join("; ")
        )));
    }
    report.missing = rows_now
        .iter()
        .filter(|r| !seen.contains_key(&r.statement_id))
        .map(|r| r.statement_id.clone())
        .collect();
    report.changed = rate(app, access, view.assessment.version, &given).await?;
    Ok(report)
}
