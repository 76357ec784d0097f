//! The impact API: the preview of a reload, the impact of any two
//! versions sent as files (for `rungs impact --server` in CI), and
//! statement health. Aggregates only: no names.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access;
use crate::auth::Viewer;
use crate::state::App;
use crate::web::{Api, ApiError};

/// What an edit does to people, in aggregate (see docs/impact.md).
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ImpactAnswer {
    /// The old revision (in use, or as sent).
    old: String,
    /// The new revision (on disk, or as sent).
    new: String,
    /// The aggregate: readiness per changed level (no figures for a group
    /// smaller than `smallest_group`), ratings and statements by fate, open
    /// work on changed statements. `null` when `errors` is not empty.
    #[schema(value_type = Object)]
    impact: Option<rungs_core::impact::Impact>,
    /// Against the new version's `[impact]` limits.
    #[schema(value_type = Object)]
    verdict: Option<rungs_core::impact::Verdict>,
    /// Errors that keep the new version from loading (422).
    errors: Vec<String>,
}

impl ImpactAnswer {
    fn refused(old: String, new: String, errors: Vec<String>) -> (StatusCode, Json<ImpactAnswer>) {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(ImpactAnswer {
                old,
                new,
                impact: None,
                verdict: None,
                errors,
            }),
        )
    }
}

/// The impact of reloading the framework: the one on disk against the one
/// in use (HR, or an `impact` token). 422 when the one on disk has errors.
#[utoipa::path(get, path = "/api/v1/framework/impact", responses((status = 200, body = ImpactAnswer), (status = 422, body = ImpactAnswer), (status = 403)))]
pub(crate) async fn preview(
    State(app): State<App>,
    viewer: Viewer,
) -> Result<(StatusCode, Json<ImpactAnswer>), ApiError> {
    let read = access::impact(&viewer)?;
    Ok(match super::preview(&app, &read).await? {
        Ok(p) => (
            StatusCode::OK,
            Json(ImpactAnswer {
                old: p.old,
                new: p.new,
                impact: Some(p.computed.impact),
                verdict: Some(p.verdict),
                errors: Vec::new(),
            }),
        ),
        Err(errors) => ImpactAnswer::refused(app.ladder().revision.clone(), String::new(), errors),
    })
}

/// Two versions of a framework, each as its files.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct CompareRequest {
    /// A name for the old version (a git revision, a folder).
    #[serde(default)]
    old_name: String,
    /// A name for the new version.
    #[serde(default)]
    new_name: String,
    /// The old version's files: path (as in the framework folder) → text.
    old: BTreeMap<String, String>,
    /// The new version's files.
    new: BTreeMap<String, String>,
}

fn load(name: &str, files: BTreeMap<String, String>) -> Result<rungs_core::Framework, Vec<String>> {
    let mut sources = rungs_core::SourceSet::new();
    for (path, text) in files {
        sources.insert(&path, text.into_bytes());
    }
    let loaded = rungs_core::load(&sources).map_err(|e| vec![format!("{name}: {e}")])?;
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == rungs_core::Severity::Error)
        .map(|d| match &d.span {
            Some(s) => format!("{name}: {}:{}:{}: {}", s.file, s.line, s.column, d.message),
            None => format!("{name}: {}", d.message),
        })
        .collect();
    if errors.is_empty() {
        Ok(loaded.framework)
    } else {
        Err(errors)
    }
}

/// The impact of going from one version to another, both sent as files,
/// on the data held (HR, or an `impact` token). Writes nothing. 422 when a
/// version has errors.
#[utoipa::path(post, path = "/api/v1/framework/impact", request_body = CompareRequest, responses((status = 200, body = ImpactAnswer), (status = 422, body = ImpactAnswer), (status = 403)))]
pub(crate) async fn compare(
    State(app): State<App>,
    viewer: Viewer,
    Json(request): Json<CompareRequest>,
) -> Result<(StatusCode, Json<ImpactAnswer>), ApiError> {
    let read = access::impact(&viewer)?;
    let (old_name, new_name) = (request.old_name.clone(), request.new_name.clone());
    let loaded = tokio::task::spawn_blocking(move || {
        let old = load("old", request.old);
        let new = load("new", request.new);
        (old, new)
    })
    .await
    .map_err(|e| crate::error::ServerError::Internal(e.to_string()))?;
    let (old, new) = match loaded {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            let mut errors = old.err().unwrap_or_default();
            errors.extend(new.err().unwrap_or_default());
            return Ok(ImpactAnswer::refused(old_name, new_name, errors));
        }
    };
    let (computed, verdict) = super::compute(&app, &read, Arc::new(old), Arc::new(new)).await?;
    Ok((
        StatusCode::OK,
        Json(ImpactAnswer {
            old: old_name,
            new: new_name,
            impact: Some(computed.impact),
            verdict: Some(verdict),
            errors: Vec::new(),
        }),
    ))
}

/// Statement health of the framework in use (HR, or an `impact` token).
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct HealthAnswer {
    /// Per statement: share rated not applicable, self/manager gaps, spread
    /// between managers, met by nobody or everyone, and suggestions in
    /// words; no figures for fewer than `smallest_group` people.
    #[schema(value_type = Object)]
    health: rungs_core::impact::Health,
}

/// Statement health (HR, or an `impact` token).
#[utoipa::path(get, path = "/api/v1/framework/health", responses((status = 200, body = HealthAnswer), (status = 403)))]
pub(crate) async fn health(State(app): State<App>, viewer: Viewer) -> Api<HealthAnswer> {
    let read = access::impact(&viewer)?;
    Ok(Json(HealthAnswer {
        health: super::health(&app, &read).await?,
    }))
}
