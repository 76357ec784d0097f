//! The administrator's work on the server itself: the audit log and its
//! verification, and reloading the framework.

pub(crate) mod api;
mod pages;
mod readable;

use rungs_store::audit::{AuditEntry, AuditFilter, Verification};

use crate::access::Admin;
use crate::error::ServerError;
use axum::routing::{MethodRouter, get, post};

use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// The administrator's routes: pages and API.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        ("/app/audit", get(pages::audit)),
        ("/app/framework", get(pages::framework)),
        ("/app/framework/reload", post(pages::reload)),
        ("/api/v1/audit", get(api::audit)),
        ("/api/v1/audit/verify", get(api::verify)),
        ("/api/v1/framework/reload", post(api::reload)),
    ]
}

/// The audit log's filters as people give them: who and what as recorded
/// (`person:5`, `person.update` or a kind like `person.`), the subject as
/// recorded or a person's name or email, and dates (`YYYY-MM-DD`, both
/// days included).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub(crate) struct Filters {
    /// Who did it, as recorded (`person:5`, `token:2`, `system`).
    #[serde(default)]
    pub who: String,
    /// What was done: an action (`person.update`) or a kind (`person.`).
    #[serde(default)]
    pub what: String,
    /// What it was done to: as recorded (`assessment:12`), or a person's
    /// name or email.
    #[serde(default)]
    pub subject: String,
    /// From this day (UTC).
    #[serde(default)]
    pub from: String,
    /// To this day (UTC), included.
    #[serde(default)]
    pub to: String,
}

impl Filters {
    /// Whether any filter is given.
    pub(crate) fn any(&self) -> bool {
        [&self.who, &self.what, &self.subject, &self.from, &self.to]
            .iter()
            .any(|f| !f.trim().is_empty())
    }
}

/// The start of `day` (`YYYY-MM-DD`, UTC) in Unix seconds, or why not.
fn day_start(field: &str, day: &str) -> Result<Option<i64>> {
    let day = day.trim();
    if day.is_empty() {
        return Ok(None);
    }
    let date = rungs_store::parse_date(day).ok_or_else(|| {
        ServerError::invalid(
            "form-not-a-date",
            vec![("filter", field.to_string()), ("day", day.to_string())],
        )
    })?;
    Ok(Some(date.midnight().assume_utc().unix_timestamp()))
}

/// The store's filter for `filters`; none when the subject names no one
/// (then nothing matches).
async fn filter_of(app: &App, filters: &Filters) -> Result<Option<AuditFilter>> {
    let subject = filters.subject.trim();
    let subjects = if subject.is_empty() {
        Vec::new()
    } else if subject.contains(':') || ["setup", "system", "roster"].contains(&subject) {
        vec![subject.to_string()]
    } else {
        // A person, by email, name or the name they go by.
        let wanted = subject.to_lowercase();
        let ids: Vec<String> = app
            .store
            .people()
            .await?
            .into_iter()
            .filter(|p| {
                p.email == wanted
                    || p.name.to_lowercase() == wanted
                    || p.display_name.as_deref().map(str::to_lowercase).as_deref()
                        == Some(wanted.as_str())
            })
            .map(|p| format!("person:{}", p.id))
            .collect();
        if ids.is_empty() {
            return Ok(None);
        }
        ids
    };
    let until = day_start("to", &filters.to)?.map(|t| t + 24 * 60 * 60);
    Ok(Some(AuditFilter {
        actor: Some(filters.who.trim().to_string()).filter(|w| !w.is_empty()),
        action: Some(filters.what.trim().to_string()).filter(|w| !w.is_empty()),
        subjects,
        from: day_start("from", &filters.from)?,
        until,
    }))
}

/// A page of the audit log (admin), newest first, narrowed by `filters`.
pub(crate) async fn audit(
    app: &App,
    _admin: &Admin<'_>,
    filters: &Filters,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditEntry>> {
    let Some(filter) = filter_of(app, filters).await? else {
        return Ok(Vec::new());
    };
    Ok(app
        .store
        .audit_search(&filter, before, limit.clamp(1, 1000))
        .await?)
}

/// What the audit page shows: the entries in words, and the filters'
/// choices (who has acted, every action), each named.
pub(crate) async fn audit_readable(
    app: &App,
    admin: &Admin<'_>,
    filters: &Filters,
    before: Option<i64>,
    limit: i64,
) -> Result<(Vec<readable::Readable>, Vec<readable::Label>, Vec<String>)> {
    let entries = audit(app, admin, filters, before, limit).await?;
    let names = readable::Names::new(app.store.people().await?);
    let (actors, actions) = app.store.audit_vocabulary().await?;
    let mut actors: Vec<readable::Label> = actors.iter().map(|a| names.label(a)).collect();
    actors.sort_by_key(|a| a.text.to_lowercase());
    Ok((
        entries.iter().map(|e| names.readable(e)).collect(),
        actors,
        actions,
    ))
}

/// Checks the audit chain (admin).
pub(crate) async fn verify(app: &App, _admin: &Admin<'_>) -> Result<Verification> {
    Ok(app.store.verify_audit().await?)
}

/// The revisions the server has served, newest first (admin).
pub(crate) async fn revisions(
    app: &App,
    _admin: &Admin<'_>,
) -> Result<Vec<rungs_store::model::Revision>> {
    Ok(app.store.revisions().await?)
}

/// Reloads the ladder (admin): the new revision, or the errors that kept
/// the previous one serving.
pub(crate) async fn reload(
    app: &App,
    admin: &Admin<'_>,
) -> Result<std::result::Result<String, Vec<String>>> {
    Ok(app
        .reload(&admin.viewer().actor())
        .await?
        .map_err(|r| r.errors))
}
