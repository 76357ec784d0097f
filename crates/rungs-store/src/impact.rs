//! What an impact preview reads: the latest shared assessment of every
//! active person with its ratings, placements, open assessments, open
//! goals and how many ratings each statement has. A handful of queries for
//! the whole organisation, never one per person: the ratings come in
//! chunks of assessments and are handed to the caller row by row, so a
//! million ratings are never held as rows at once.

use std::collections::{BTreeMap, BTreeSet};

use crate::params::{Arg, Params, id_list};
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
    /// Ratings still counting, per statement asked for: (track, level,
    /// statement id, count); a statement without any is left out.
    pub rating_counts: Vec<(String, String, String, i64)>,
}

/// Assessments per ratings query: a few hundred thousand rows at most.
const CHUNK: usize = 1000;

impl Store {
    /// Reads what an impact preview needs; `each` receives every rating of
    /// the latest shared assessments (only the manager's when
    /// `only_manager`), chunk by chunk. Ratings are counted only for the
    /// statements in `count_for` (track, level, statement id): the ones an
    /// edit changes.
    pub async fn impact_data(
        &self,
        only_manager: bool,
        count_for: &[(String, String, String)],
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
            // elsewhere by a relink no longer count for it. One row per
            // assessment, its ratings packed into one string (see
            // `unpack`): a row per rating (1,800,000 for 10,000 people)
            // spent most of the time of an impact in the driver's per-row
            // work, not in the database. `string_agg` and `octet_length`
            // are in both PostgreSQL and SQLite (3.44 and later; the bundled
            // one is newer).
            let rows: Vec<(i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT r.assessment_id, string_agg(
                        CASE WHEN r.side = 'manager' THEN 'm' ELSE 's' END
                        || COALESCE(CAST(CASE WHEN r.link = 'archived' THEN NULL ELSE r.rating END AS TEXT), '')
                        || ':' || CAST(octet_length(r.statement_id) AS TEXT) || ':' || r.statement_id,
                        '')
                 FROM ratings r JOIN assessments a ON a.id = r.assessment_id
                 WHERE r.assessment_id IN {} AND r.track = a.track AND r.level = a.level{side}
                 GROUP BY r.assessment_id",
                id_list(chunk)
            )))
            .fetch_all(&self.pool)
            .await?;
            for (assessment_id, packed) in &rows {
                unpack(*assessment_id, packed, &mut each)?;
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
        let rating_counts = self.rating_counts(count_for).await?;
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

    /// Ratings still counting of each of `statements`, one query per level
    /// (at most [`CHUNK`] statements each), each an index lookup per
    /// statement. Counting every statement at once instead (one `GROUP BY`
    /// over the whole table) read each rating's row at random for its
    /// `link`: 5 to 8 s of the impact of a 50-statement edit over 1,800,000
    /// ratings on SQLite, for counts of which only the changed statements'
    /// are used.
    async fn rating_counts(
        &self,
        statements: &[(String, String, String)],
    ) -> Result<Vec<(String, String, String, i64)>> {
        let mut by_level: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
        for (track, level, id) in statements {
            by_level
                .entry((track.as_str(), level.as_str()))
                .or_default()
                .insert(id.as_str());
        }
        let mut out = Vec::new();
        for ((track, level), ids) in by_level {
            let ids: Vec<&str> = ids.into_iter().collect();
            for chunk in ids.chunks(CHUNK) {
                let mut params = Params::default();
                let t = params.push(Arg::Text(track.to_string()));
                let l = params.push(Arg::Text(level.to_string()));
                let list: Vec<String> = chunk
                    .iter()
                    .map(|id| params.push(Arg::Text((*id).to_string())))
                    .collect();
                let rows: Vec<(String, i64)> = sqlx::query_as_with(
                    sqlx::AssertSqlSafe(format!(
                        "SELECT statement_id, COUNT(*) FROM ratings
                         WHERE track = {t} AND level = {l} AND statement_id IN ({})
                           AND link <> 'archived'
                         GROUP BY statement_id",
                        list.join(", ")
                    )),
                    params.arguments()?,
                )
                .fetch_all(&self.pool)
                .await?;
                out.extend(
                    rows.into_iter()
                        .map(|(id, n)| (track.to_string(), level.to_string(), id, n)),
                );
            }
        }
        Ok(out)
    }
}

/// Hands each rating packed by [`Store::impact_data`]'s query to `each`.
/// A rating is `SIDE RATING ':' LENGTH ':' ID`: the side `m` (the
/// manager's) or `s` (the person's own), the stored code (empty when
/// unrated or archived), the statement id's length in bytes, and the id;
/// the length, not a separator, ends the id, so an id may hold any
/// character.
fn unpack(
    assessment_id: i64,
    packed: &str,
    each: &mut impl FnMut(HeldRatingRow<'_>),
) -> Result<()> {
    let bad = || {
        crate::StoreError::Invalid(format!(
            "the ratings of assessment {assessment_id} did not read back as written"
        ))
    };
    let mut rest = packed;
    while !rest.is_empty() {
        let manager = match rest.as_bytes().first() {
            Some(b'm') => true,
            Some(b's') => false,
            _ => return Err(bad()),
        };
        let (code, after) = rest
            .get(1..)
            .and_then(|r| r.split_once(':'))
            .ok_or_else(bad)?;
        let rating = match code {
            "" => None,
            n => Some(n.parse::<i64>().map_err(|_| bad())?),
        };
        let (length, after) = after.split_once(':').ok_or_else(bad)?;
        let length: usize = length.parse().map_err(|_| bad())?;
        let statement_id = after.get(..length).ok_or_else(bad)?;
        rest = after.get(length..).ok_or_else(bad)?;
        each(HeldRatingRow {
            assessment_id,
            manager,
            statement_id,
            rating,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_ratings_unpack_whatever_the_id_holds() {
        let mut seen = Vec::new();
        let packed = "m3:5:craftm:5:a:b\u{e9}s0:2:idm:4:\u{1f600}";
        let ok = unpack(7, packed, &mut |r: HeldRatingRow<'_>| {
            seen.push((r.manager, r.rating, r.statement_id.to_string()));
        });
        assert!(ok.is_ok(), "{ok:?}");
        assert_eq!(
            seen,
            vec![
                (true, Some(3), "craft".to_string()),
                (true, None, "a:b\u{e9}".to_string()),
                (false, Some(0), "id".to_string()),
                (true, None, "\u{1f600}".to_string()),
            ]
        );
        for broken in ["x3:1:a", "m3:9:short", "m3:1", "m:z:a", "m1:1:\u{e9}"] {
            assert!(
                unpack(7, broken, &mut |_: HeldRatingRow<'_>| {}).is_err(),
                "{broken}"
            );
        }
    }
}
