//! What an impact preview reads: the latest shared assessment of every
//! active person with its ratings, placements, open assessments, open
//! goals and how many ratings each statement has. A handful of queries for
//! the whole organisation, never one per person: the ratings come in
//! chunks of assessments and are handed to the caller row by row, so a
//! million ratings are never held as rows at once.

use crate::params::id_list;
use crate::{Result, Store};

/// A latest shared assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldAssessment {
    /// Assessment id.
    pub id: i64,
    /// Whose.
    pub person_id: i64,
    /// Their manager, who rated.
    pub manager_id: Option<i64>,
    /// Track assessed against.
    pub track: String,
    /// Level assessed against.
    pub level: String,
}

/// One rating of a statement of its assessment's level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldRatingRow<'a> {
    /// Assessment id.
    pub assessment_id: i64,
    /// The manager's (else the person's own).
    pub manager: bool,
    /// Statement id.
    pub statement_id: &'a str,
    /// The stored code (`None` unrated, 0 not applicable), `None` too when
    /// archived.
    pub rating: Option<i64>,
}

/// An open placement of an active person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldPlacement {
    /// Whose.
    pub person_id: i64,
    /// Track.
    pub track: String,
    /// Level.
    pub level: String,
    /// Since (YYYY-MM-DD).
    pub from_date: String,
}

/// What the preview reads besides the ratings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeldData {
    /// Latest shared assessment of each active person.
    pub assessments: Vec<HeldAssessment>,
    /// Open placements of active people.
    pub placements: Vec<HeldPlacement>,
    /// Not yet shared assessments: (track, level).
    pub open_assessments: Vec<(String, String)>,
    /// Open goals: (track, level, statement id).
    pub goals: Vec<(String, String, String)>,
    /// Ratings still counting, per statement: (track, level, statement id, count).
    pub rating_counts: Vec<(String, String, String, i64)>,
}

/// Assessments per ratings query: a few hundred thousand rows at most.
const CHUNK: usize = 1000;

impl Store {
    /// Reads what an impact preview needs; `each` receives every rating of
    /// the latest shared assessments (only the manager's when
    /// `only_manager`), chunk by chunk.
    pub async fn impact_data(
        &self,
        only_manager: bool,
        mut each: impl FnMut(HeldRatingRow<'_>),
    ) -> Result<HeldData> {
        let assessments: Vec<(i64, i64, Option<i64>, String, String)> = sqlx::query_as(
            "SELECT a.id, a.person_id, a.manager_id, a.track, a.level FROM assessments a
             JOIN people p ON p.id = a.person_id
             WHERE p.active = 1 AND a.id IN
               (SELECT MAX(b.id) FROM assessments b WHERE b.shared_at IS NOT NULL GROUP BY b.person_id)
             ORDER BY a.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let ids: Vec<i64> = assessments.iter().map(|a| a.0).collect();
        let side = if only_manager {
            " AND r.side = 'manager'"
        } else {
            ""
        };
        for chunk in ids.chunks(CHUNK) {
            // Only the ratings of the assessment's own level: ratings moved
            // elsewhere by a relink no longer count for it.
            let rows: Vec<(i64, String, String, Option<i64>, String)> =
                sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT r.assessment_id, r.side, r.statement_id, r.rating, r.link
                     FROM ratings r JOIN assessments a ON a.id = r.assessment_id
                     WHERE r.assessment_id IN {} AND r.track = a.track AND r.level = a.level{side}",
                    id_list(chunk)
                )))
                .fetch_all(&self.pool)
                .await?;
            for (assessment_id, side, statement_id, rating, link) in &rows {
                each(HeldRatingRow {
                    assessment_id: *assessment_id,
                    manager: side == "manager",
                    statement_id,
                    rating: rating.filter(|_| link != "archived"),
                });
            }
        }
        let placements: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT x.person_id, x.track, x.level, x.from_date FROM placements x
             JOIN people p ON p.id = x.person_id
             WHERE x.until_date IS NULL AND p.active = 1",
        )
        .fetch_all(&self.pool)
        .await?;
        let open_assessments: Vec<(String, String)> =
            sqlx::query_as("SELECT track, level FROM assessments WHERE shared_at IS NULL")
                .fetch_all(&self.pool)
                .await?;
        let goals: Vec<(String, String, String)> =
            sqlx::query_as("SELECT track, level, statement_id FROM goals WHERE status = 'open'")
                .fetch_all(&self.pool)
                .await?;
        let rating_counts: Vec<(String, String, String, i64)> = sqlx::query_as(
            "SELECT track, level, statement_id, COUNT(*) FROM ratings
             WHERE link <> 'archived' GROUP BY track, level, statement_id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(HeldData {
            assessments: assessments
                .into_iter()
                .map(|(id, person_id, manager_id, track, level)| HeldAssessment {
                    id,
                    person_id,
                    manager_id,
                    track,
                    level,
                })
                .collect(),
            placements: placements
                .into_iter()
                .map(|(person_id, track, level, from_date)| HeldPlacement {
                    person_id,
                    track,
                    level,
                    from_date,
                })
                .collect(),
            open_assessments,
            goals,
            rating_counts,
        })
    }
}
