//! What a ladder edit does to people, before it is served: the preview of
//! the framework on disk against the one in use (`rungs_core::impact` on
//! the data the store holds), and statement health. Aggregates for HR and
//! `impact`-scope tokens; the names behind a change only for viewers whose
//! role lets them read everyone, in the app.

pub(crate) mod api;
pub(crate) mod pages;

use std::collections::HashMap;
use std::sync::Arc;

use axum::routing::{MethodRouter, get};
use rungs_core::Framework;
use rungs_core::impact::{Assessed, Computed, Held, HeldRating, StatementKey};
use rungs_core::relink::relink;
use rungs_store::{HeldData, Store};

use crate::access::ImpactRead;
use crate::error::ServerError;
use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// The impact routes: pages and API.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        ("/app/impact", get(pages::impact)),
        ("/app/impact/health.csv", get(pages::health_csv)),
        (
            "/api/v1/framework/impact",
            get(api::preview).post(api::compare),
        ),
        ("/api/v1/framework/health", get(api::health)),
    ]
}

/// Reads what the store holds against the ladder in use: one pass over
/// the latest shared assessments' ratings, grouped in memory by statement
/// (statement ids and levels interned, so a million ratings allocate a few
/// thousand strings). Only the managers' ratings when `only_manager`;
/// stored ratings counted only for the statements in `count_for`.
pub async fn held(store: &Store, only_manager: bool, count_for: &[StatementKey]) -> Result<Held> {
    let mut held = Held::default();
    let mut index: HashMap<StatementKey, u32> = HashMap::new();
    // Statement ids as read, by number; ratings by assessment.
    let mut names: HashMap<String, u32> = HashMap::new();
    let mut name_list: Vec<String> = Vec::new();
    let mut by_assessment: HashMap<i64, Vec<(bool, u32, Option<i64>)>> = HashMap::new();
    let count_for: Vec<(String, String, String)> = count_for
        .iter()
        .map(|k| (k.track.clone(), k.level.clone(), k.id.clone()))
        .collect();
    let data: HeldData = store
        .impact_data(only_manager, &count_for, |row| {
            let name = match names.get(row.statement_id) {
                Some(&n) => n,
                None => {
                    let n = name_list.len() as u32;
                    name_list.push(row.statement_id.to_string());
                    names.insert(row.statement_id.to_string(), n);
                    n
                }
            };
            by_assessment.entry(row.assessment_id).or_default().push((
                row.manager,
                name,
                row.rating,
            ));
        })
        .await?;
    // (level, statement id) numbers to the statement's index in `held`.
    let mut levels: HashMap<(String, String), u32> = HashMap::new();
    let mut statement_of: HashMap<(u32, u32), u32> = HashMap::new();
    let placed: HashMap<i64, (String, String, f64)> = data
        .placements
        .iter()
        .filter_map(|p| {
            Some((
                p.person_id,
                (
                    p.track.clone(),
                    p.level.clone(),
                    crate::assessments::view::months_since(&p.from_date)?,
                ),
            ))
        })
        .collect();
    for a in data.assessments {
        let next = levels.len() as u32;
        let level = *levels
            .entry((a.track.clone(), a.level.clone()))
            .or_insert(next);
        let ratings = by_assessment
            .remove(&a.id)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(manager, name, code)| {
                let statement = match statement_of.get(&(level, name)) {
                    Some(&i) => i,
                    None => {
                        let i = held.intern(
                            &mut index,
                            StatementKey {
                                track: a.track.clone(),
                                level: a.level.clone(),
                                id: name_list.get(name as usize)?.clone(),
                            },
                        );
                        statement_of.insert((level, name), i);
                        i
                    }
                };
                Some(HeldRating {
                    statement,
                    manager,
                    code,
                })
            })
            .collect();
        held.assessed.push(Assessed {
            person: a.person_id,
            manager: a.manager_id,
            placed: placed.get(&a.person_id).cloned(),
            track: a.track,
            level: a.level,
            ratings,
        });
    }
    held.placements = data
        .placements
        .into_iter()
        .map(|p| (p.track, p.level))
        .collect();
    held.open_assessments = data.open_assessments;
    for (track, level, id) in data.goals {
        let i = held.intern(&mut index, StatementKey { track, level, id });
        held.goals.push(i);
    }
    for (track, level, id, n) in data.rating_counts {
        let i = held.intern(&mut index, StatementKey { track, level, id });
        held.rating_counts.push((i, n.max(0) as u64));
    }
    Ok(held)
}

/// The framework on disk (what a reload would serve) and its revision, or
/// the errors that would refuse it.
fn candidate(
    source: &crate::config::FrameworkSource,
) -> std::result::Result<(Framework, String), Vec<String>> {
    let sources = match &source.root {
        Some(root) => rungs_core::SourceSet::read_dir(root)
            .map_err(|e| vec![format!("cannot read the framework: {e}")])?,
        None => rungs_core::SourceSet::example(),
    };
    let loaded = rungs_core::load(&sources).map_err(|e| vec![e.to_string()])?;
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == rungs_core::Severity::Error)
        .map(|d| match &d.span {
            Some(s) => format!("{}:{}:{}: {}", s.file, s.line, s.column, d.message),
            None => d.message.clone(),
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let revision = crate::framework::revision(source.root.as_deref(), &sources);
    Ok((loaded.framework, revision))
}

/// A preview: the two revisions, and what going from one to the other does.
pub(crate) struct Preview {
    /// The revision in use.
    pub old: String,
    /// The revision on disk.
    pub new: String,
    /// The computation (aggregate and the per-person changes).
    pub computed: Computed,
    /// Against the new version's `[impact]` limits.
    pub verdict: rungs_core::impact::Verdict,
}

/// Computes the impact of `new` against `old` on what the store holds.
pub(crate) async fn compute(
    app: &App,
    _read: &ImpactRead<'_>,
    old: Arc<Framework>,
    new: Arc<Framework>,
) -> Result<(Computed, rungs_core::impact::Verdict)> {
    on_store(&app.store, old, new).await
}

/// The impact of `new` against `old` on what `store` holds, and the
/// verdict of the new version's `[impact]` limits: for `rungs impact
/// --data`, which reads the database directly, as its owner may.
pub async fn on_store(
    store: &Store,
    old: Arc<Framework>,
    new: Arc<Framework>,
) -> Result<(Computed, rungs_core::impact::Verdict)> {
    // The person's own ratings count only when a rule says "both".
    let manager = rungs_core::assess::RatingsFrom::Manager;
    let only_manager = old.assessments.promotion.ratings_from == manager
        && new.assessments.promotion.ratings_from == manager;
    // The relink first: the store then counts the stored ratings of the
    // changed statements only.
    let (old, new, map) = tokio::task::spawn_blocking(move || {
        let map = relink(&old, &new);
        (old, new, map)
    })
    .await
    .map_err(|e| ServerError::Internal(e.to_string()))?;
    let changed = rungs_core::impact::changed_statements(&map);
    let held = held(store, only_manager, &changed).await?;
    tokio::task::spawn_blocking(move || {
        let computed = rungs_core::impact::compute(&old, &new, &map, &held);
        let verdict = rungs_core::impact::check(&old.impact, &new.impact, &computed);
        (computed, verdict)
    })
    .await
    .map_err(|e| ServerError::Internal(e.to_string()))
}

/// The preview of a reload: the framework on disk against the one in use;
/// `Err` with the errors that would refuse the one on disk.
pub(crate) async fn preview(
    app: &App,
    read: &ImpactRead<'_>,
) -> Result<std::result::Result<Preview, Vec<String>>> {
    let ladder = app.ladder();
    let source = app.config.framework.clone();
    let loaded = tokio::task::spawn_blocking(move || candidate(&source))
        .await
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    let (new, revision) = match loaded {
        Ok(x) => x,
        Err(errors) => return Ok(Err(errors)),
    };
    let old = Arc::new(ladder.framework.clone());
    let (computed, verdict) = compute(app, read, old, Arc::new(new)).await?;
    Ok(Ok(Preview {
        old: ladder.revision.clone(),
        new: revision,
        computed,
        verdict,
    }))
}

/// Statement health of the ladder in use, from the latest shared
/// assessments.
pub(crate) async fn health(
    app: &App,
    _read: &ImpactRead<'_>,
) -> Result<rungs_core::impact::Health> {
    let ladder = app.ladder();
    // Both sides: health compares the person's ratings with the manager's.
    // It uses no counts of stored ratings.
    let held = held(&app.store, false, &[]).await?;
    tokio::task::spawn_blocking(move || rungs_core::impact::health(&ladder.framework, &held))
        .await
        .map_err(|e| ServerError::Internal(e.to_string()))
}
