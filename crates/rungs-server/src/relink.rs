//! Ratings follow the ladder: every revision served is stored as a
//! snapshot, and ratings linked to an older one are relinked to the
//! current one through `rungs_core::relink`'s IdMap.

use rungs_core::Framework;
use rungs_core::relink::{Fate, StatementRef};
use rungs_store::model::{RatingLink, Relink, RelinkReport};
use rungs_store::{Actor, Store};

use crate::error::ServerError;
use crate::framework::Ladder;

/// Stores the ladder's statements (once per revision); returns the
/// snapshot's id.
pub(crate) async fn snapshot(
    store: &Store,
    actor: &Actor,
    ladder: &Ladder,
) -> Result<i64, ServerError> {
    if let Some(id) = store.snapshot_id(&ladder.revision).await? {
        return Ok(id);
    }
    let json = serde_json::to_string(&ladder.framework)
        .map_err(|e| ServerError::Internal(format!("framework snapshot: {e}")))?;
    Ok(store
        .ensure_snapshot(actor, &ladder.revision, &json)
        .await?)
}

/// Relinks every rating still linked to an older revision to `ladder`'s.
pub(crate) async fn relink_stale(
    store: &Store,
    actor: &Actor,
    ladder: &std::sync::Arc<Ladder>,
) -> Result<RelinkReport, ServerError> {
    let mut total = RelinkReport::default();
    let started = std::time::Instant::now();
    let stale = store.stale_snapshots(ladder.snapshot).await?;
    if stale.is_empty() {
        return Ok(total);
    }
    for (id, revision, json) in stale {
        let new = ladder.clone();
        let moves =
            tokio::task::spawn_blocking(move || match serde_json::from_str::<Framework>(&json) {
                Ok(old) => moves(&old, &new.framework),
                // A snapshot an older rungs wrote that this one cannot read must
                // not keep the server from starting: its ratings keep their
                // statement ids, as for a ladder that did not change.
                Err(e) => {
                    tracing::warn!(
                        revision = revision.as_str(),
                        error = %e,
                        "a stored ladder no longer reads; its ratings keep their statement ids"
                    );
                    Vec::new()
                }
            })
            .await
            .map_err(|e| ServerError::Internal(e.to_string()))?;
        let report = store.relink(actor, id, ladder.snapshot, &moves).await?;
        total.ratings += report.ratings;
        total.changed += report.changed;
        total.assessments += report.assessments;
    }
    tracing::info!(
        revision = ladder.revision.as_str(),
        relinked = total.ratings,
        assessments = total.assessments,
        changed = total.changed,
        duration_ms = started.elapsed().as_millis() as u64,
        "ratings relinked to the revision served"
    );
    Ok(total)
}

/// What the store must do to ratings of `old`'s statements: one entry per
/// statement that did not keep its place and words.
pub(crate) fn moves(old: &Framework, new: &Framework) -> Vec<Relink> {
    let map = rungs_core::relink::relink(old, new);
    let key = |s: &StatementRef| (s.track.clone(), s.level.clone(), s.id.clone());
    map.links
        .iter()
        .filter_map(|l| {
            let (new, link) = match &l.fate {
                Fate::Unchanged { new } if new == &l.old => return None,
                Fate::Unchanged { new } => (Some(new), RatingLink::Current),
                // Same place, new words: the page tells a rewording from the
                // words rated, so nothing needs writing.
                Fate::Reworded { new, .. } if new == &l.old => return None,
                Fate::Reworded { new, .. } => (Some(new), RatingLink::Reworded),
                // Moved with new words too: the page shows the word diff
                // whenever the words differ from the ones rated.
                Fate::Moved { new, .. } => (Some(new), RatingLink::Moved),
                Fate::Split { .. } | Fate::Merged { .. } => {
                    (l.fate.successor(), RatingLink::Review)
                }
                Fate::Removed => (None, RatingLink::Archived),
            };
            Some(Relink {
                old: key(&l.old),
                new: new.map(key),
                link,
            })
        })
        .collect()
}
