//! The rollout page: progress, entries, and each step's form.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

use crate::access;
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::phrase::Phrase;
use crate::state::App;
use crate::web::confirm::{self, Confirmation, Confirmed};
use crate::web::{Page, form_error, form_failed, render, split_level};

/// Which entries of a rollout to show.
#[derive(Deserialize, Default)]
pub(crate) struct RolloutQuery {
    #[serde(default)]
    team: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    page: i64,
}

impl From<&super::api::EntriesQuery> for RolloutQuery {
    fn from(q: &super::api::EntriesQuery) -> Self {
        RolloutQuery {
            team: q.team.clone().unwrap_or_default(),
            status: q.status.clone().unwrap_or_default(),
            page: q.page.unwrap_or(0),
        }
    }
}

impl RolloutQuery {
    pub(crate) fn filter(&self) -> Result<rungs_store::EntryFilter, ServerError> {
        let status =
            match self.status.trim() {
                "" => None,
                s => Some(rungs_store::model::RolloutStatus::parse(s).ok_or_else(|| {
                    ServerError::Invalid(format!("`{s}` is not a rollout status"))
                })?),
            };
        let team = Some(self.team.trim().to_string()).filter(|t| !t.is_empty());
        Ok(rungs_store::EntryFilter { team, status })
    }
}

pub(crate) async fn rollout(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<RolloutQuery>,
) -> Page {
    rollout_page(&app, &viewer, &q, None).await
}

async fn rollout_page(
    app: &App,
    viewer: &Viewer,
    q: &RolloutQuery,
    error: Option<crate::web::FormError>,
) -> Page {
    rollout_page_with(app, viewer, q, error, None).await
}

async fn rollout_page_with(
    app: &App,
    viewer: &Viewer,
    q: &RolloutQuery,
    error: Option<crate::web::FormError>,
    report: Option<(Phrase, super::bulk::BulkReport)>,
) -> Page {
    let lang = crate::web::language(app, Some(viewer));
    let view = super::rollout(
        app,
        &access::list_scope(app, viewer).await?,
        None,
        &q.filter()?,
        q.page,
        lang,
    )
    .await?;
    let pages = view.as_ref().map_or(0, |v| {
        (v.matching + super::ROLLOUT_PAGE - 1) / super::ROLLOUT_PAGE
    });
    let statuses: Vec<&str> = rungs_store::model::RolloutStatus::ALL
        .iter()
        .map(|s| s.as_str())
        .collect();
    let managers = match access::hr(viewer) {
        Ok(hr) => crate::team::managers(app, &hr).await?,
        Err(_) => Vec::new(),
    };
    let tracks: Vec<(String, String)> = app
        .ladder()
        .framework
        .tracks
        .iter()
        .map(|t| (t.id.clone(), t.title.clone()))
        .collect();
    let (report_action, report) = match report {
        Some((action, mut r)) => {
            // The API's report is in English; the page says it in the
            // viewer's language.
            for s in &mut r.skipped {
                s.reason = s.why.render(None, lang);
            }
            (Some(action.render(None, lang)), Some(r))
        }
        None => (None, None),
    };
    render(
        app,
        Some(viewer),
        "rollout.html",
        "rollout",
        "Rollout",
        ctx! {
            view, error, pages, statuses,
            page => q.page, team => q.team.trim(), status => q.status.trim(),
            managers, tracks, report, report_action,
        },
    )
    .await
}

#[derive(Deserialize)]
pub(crate) struct NameForm {
    name: String,
}

pub(crate) async fn open_rollout(
    State(app): State<App>,
    viewer: Viewer,
    Form(form): Form<NameForm>,
) -> Page {
    match async { super::open_rollout(&app, &access::hr(&viewer)?, &form.name).await }.await {
        Ok(_) => Ok(Redirect::to("/app/rollout").into_response()),
        Err(e) => {
            rollout_page(
                &app,
                &viewer,
                &RolloutQuery::default(),
                Some(form_error(e)?),
            )
            .await
        }
    }
}

pub(crate) async fn close_rollout(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(confirmed): Form<Confirmed>,
) -> Page {
    let hr = access::hr(&viewer)?;
    if !confirmed.yes() {
        let rollout = app
            .store
            .rollouts()
            .await?
            .into_iter()
            .find(|r| r.id == id && r.closed_at.is_none())
            .ok_or_else(|| ServerError::NotFound(format!("open rollout {id}")))?;
        let progress = app
            .store
            .rollout_progress(id, &rungs_store::Scope::Everyone)
            .await?;
        // The last row is the total.
        let open = progress.last().map_or(0, |t| t.suggested + t.proposed);
        let name = rollout.name;
        return confirm::ask(
            &app,
            &viewer,
            Confirmation {
                nav: "rollout",
                title: Phrase::new("confirm-rollout-close-question").text("name", &name),
                consequences: vec![
                    Phrase::new("confirm-rollout-close-ends").text("name", &name),
                    Phrase::new("confirm-rollout-close-open").number("count", open),
                ],
                action: format!("/app/rollouts/{id}/close"),
                button: Phrase::new("confirm-close-button").text("name", &name),
                back: "/app/rollout".into(),
                fields: Vec::new(),
            },
        )
        .await;
    }
    super::close_rollout(&app, &hr, id).await?;
    Ok(Redirect::to("/app/rollout").into_response())
}

#[derive(Deserialize)]
pub(crate) struct EntryForm {
    version: i64,
    #[serde(default)]
    level: String,
    #[serde(default)]
    note: String,
}

async fn after_entry(
    app: &App,
    viewer: &Viewer,
    result: Result<rungs_store::model::RolloutEntry, ServerError>,
    back: &str,
) -> Page {
    match result {
        Ok(e) => Ok(Redirect::to(&format!("{back}#person-{}", e.person_id)).into_response()),
        Err(e) => {
            let all = RolloutQuery::default();
            form_failed(e, |m| rollout_page(app, viewer, &all, Some(m))).await
        }
    }
}

pub(crate) async fn propose(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, person)): Path<(i64, i64)>,
    Form(form): Form<EntryForm>,
) -> Page {
    let result = async {
        // The level list starts on no level when nothing is suggested.
        if form.level.trim().is_empty() {
            return Err(ServerError::Invalid("choose a level to propose".into()));
        }
        let level = split_level(&form.level)?;
        let proposing = access::propose(&app, &viewer, person).await?;
        super::propose(&app, &proposing, id, form.version, level, &form.note).await
    }
    .await;
    after_entry(&app, &viewer, result, "/app/rollout").await
}

pub(crate) async fn confirm(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, person)): Path<(i64, i64)>,
    Form(form): Form<EntryForm>,
) -> Page {
    let result = async {
        let placing = access::confirm(&app, &viewer, person).await?;
        super::confirm(&app, &placing, id, form.version).await
    }
    .await;
    after_entry(&app, &viewer, result, "/app/rollout").await
}

pub(crate) async fn acknowledge(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, person)): Path<(i64, i64)>,
    Form(form): Form<EntryForm>,
) -> Page {
    super::acknowledge(
        &app,
        &access::acknowledge(&app, &viewer, person).await?,
        id,
        form.version,
        &form.note,
    )
    .await?;
    Ok(Redirect::to("/app").into_response())
}

/// Whose entries a bulk action on the page covers.
#[derive(Deserialize)]
pub(crate) struct BulkForm {
    #[serde(default)]
    team: String,
    #[serde(default)]
    manager: String,
    #[serde(default)]
    track: String,
}

impl BulkForm {
    fn selection(&self) -> Result<super::bulk::Selection, ServerError> {
        super::bulk::Selection::from_form(&self.team, &self.manager, &self.track)
    }
}

/// The page after a bulk action: what it did and skipped, or its error.
async fn after_bulk(
    app: &App,
    viewer: &Viewer,
    action: Phrase,
    result: Result<super::bulk::BulkReport, ServerError>,
) -> Page {
    let all = RolloutQuery::default();
    match result {
        Ok(report) => rollout_page_with(app, viewer, &all, None, Some((action, report))).await,
        Err(e) => form_failed(e, |m| rollout_page(app, viewer, &all, Some(m))).await,
    }
}

pub(crate) async fn accept_suggestions(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<BulkForm>,
) -> Page {
    let bulk = access::bulk_propose(&app, &viewer).await?;
    let result =
        async { super::bulk::accept_suggestions(&app, &bulk, id, &form.selection()?).await }.await;
    after_bulk(&app, &viewer, Phrase::new("rollout-bulk-proposed"), result).await
}

pub(crate) async fn confirm_all(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<BulkForm>,
) -> Page {
    let hr = access::hr(&viewer)?;
    let result = async { super::bulk::confirm_all(&app, &hr, id, &form.selection()?).await }.await;
    after_bulk(&app, &viewer, Phrase::new("rollout-bulk-confirmed"), result).await
}

#[derive(Deserialize)]
pub(crate) struct OffLadderForm {
    /// `true` to mark not on a ladder, `false` to put back.
    off: bool,
}

pub(crate) async fn off_ladder(
    State(app): State<App>,
    viewer: Viewer,
    Path(person): Path<i64>,
    Form(form): Form<OffLadderForm>,
) -> Page {
    let hr = access::hr(&viewer)?;
    let report = super::bulk::set_off_ladder(&app, &hr, &[person], form.off).await?;
    // One person: the rule's refusal is the answer.
    if !report.skipped.is_empty() {
        return Err(ServerError::Forbidden);
    }
    Ok(Redirect::to(&format!("/app/rollout#person-{person}")).into_response())
}
