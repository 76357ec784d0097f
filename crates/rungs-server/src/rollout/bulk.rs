//! A rollout's steps for many people at once: accepting every suggestion
//! (a manager for their team, HR for a team, a manager's line or a
//! track), confirming every proposal (HR), and marking people not on a
//! ladder. Each person still goes through the per-person rule
//! (`access::propose`, `access::place`); whom a rule refuses is skipped,
//! with why, and the rest is written in one transaction.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use rungs_store::model::{Person, RolloutEntry, RolloutStatus};
use rungs_store::{EntryFilter, Page, Scope};

use super::Result;
use crate::access::{self, BulkProposing, Hr};
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::phrase::Phrase;
use crate::state::App;

/// Whose entries a bulk action covers, within what the caller may see.
/// Every field narrows; none given is everyone the caller sees.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct Selection {
    /// Only this team (by name).
    #[serde(default)]
    pub team: Option<String>,
    /// Only the people below this manager in the reporting lines.
    #[serde(default)]
    pub manager: Option<i64>,
    /// Only people whose suggested (or proposed) level is on this track.
    #[serde(default)]
    pub track: Option<String>,
}

impl Selection {
    /// Empty form fields mean "any".
    pub(crate) fn from_form(team: &str, manager: &str, track: &str) -> Result<Selection> {
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let manager = match manager.trim() {
            "" => None,
            m => Some(m.parse().map_err(|_| {
                ServerError::Invalid(format!("manager: `{m}` is not a person's id"))
            })?),
        };
        Ok(Selection {
            team: text(team),
            manager,
            track: text(track),
        })
    }
}

/// One person a bulk action reached.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BulkPerson {
    /// The person's id.
    pub person_id: i64,
    /// Their name.
    pub name: String,
}

/// One person a bulk action left as they were, and why.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Skipped {
    /// The person's id.
    pub person_id: i64,
    /// Their name.
    pub name: String,
    /// Why, in words (English: the API's words).
    pub reason: String,
    /// Why, to be said in a page's language.
    #[serde(skip)]
    pub(crate) why: Phrase,
}

/// What a bulk action did: whom it changed, whom it skipped and why.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct BulkReport {
    /// The people changed.
    pub done: Vec<BulkPerson>,
    /// The people left as they were, with why.
    pub skipped: Vec<Skipped>,
}

impl BulkReport {
    fn done(&mut self, p: &Person) {
        self.done.push(BulkPerson {
            person_id: p.id,
            name: p.name.clone(),
        });
    }

    fn skip(&mut self, p: &Person, why: Phrase) {
        self.skipped.push(Skipped {
            person_id: p.id,
            name: p.name.clone(),
            reason: why.render(None, crate::i18n::DEFAULT_LANGUAGE),
            why,
        });
    }
}

/// The open rollout `id`, or why not.
async fn open(app: &App, id: i64) -> Result<()> {
    match app.store.rollouts().await?.into_iter().find(|r| r.id == id) {
        None => Err(ServerError::NotFound(format!("rollout {id}"))),
        Some(r) if r.closed_at.is_some() => {
            Err(ServerError::Conflict("this rollout is closed".into()))
        }
        Some(_) => Ok(()),
    }
}

/// The entries in `status` that `selection` picks among those `scope`
/// reaches, by name.
async fn picked(
    app: &App,
    scope: &Scope,
    rollout: i64,
    status: RolloutStatus,
    selection: &Selection,
) -> Result<Vec<(Person, RolloutEntry)>> {
    let filter = EntryFilter {
        team: selection.team.clone(),
        status: Some(status),
    };
    let (entries, _) = app
        .store
        .rollout_people(rollout, scope, &filter, Page::ALL, None)
        .await?;
    // A manager's line: the people below them, not the manager.
    let line: Option<HashSet<i64>> = match selection.manager {
        Some(m) => match app.store.scope_of(m).await? {
            Scope::People(ids) => Some(ids.into_iter().filter(|id| *id != m).collect()),
            Scope::Everyone => None,
        },
        None => None,
    };
    Ok(entries
        .into_iter()
        .filter(|(p, _)| line.as_ref().is_none_or(|l| l.contains(&p.id)))
        .filter(|(_, e)| {
            selection.track.as_deref().is_none_or(|t| {
                e.proposed_track.as_deref().or(e.suggested_track.as_deref()) == Some(t)
            })
        })
        .collect())
}

/// Why the per-person rule refused `person` to `viewer`, in words.
fn refused(viewer: &Viewer, person: &Person, confirming: bool) -> Phrase {
    Phrase::new(match (person.id == viewer.person.id, confirming) {
        (true, false) => "bulk-skip-own-proposed",
        (true, true) => "bulk-skip-own-confirmed",
        (false, true) => "bulk-skip-role-confirmed",
        (false, false) => "bulk-skip-not-yours",
    })
}

/// Proposes every suggested level the selection picks (the manager's
/// team, or HR's filter). People not on a ladder, without a suggestion, or
/// whom the per-person rule refuses are skipped, with why.
pub(crate) async fn accept_suggestions(
    app: &App,
    bulk: &BulkProposing<'_>,
    rollout: i64,
    selection: &Selection,
) -> Result<BulkReport> {
    open(app, rollout).await?;
    let viewer = bulk.viewer();
    let scope = bulk.scope().scope();
    let entries = picked(app, scope, rollout, RolloutStatus::Suggested, selection).await?;
    let off: HashSet<i64> = app.store.off_ladder().await?.into_iter().collect();
    let ladder = app.ladder();
    let mut report = BulkReport::default();
    // Every rule is asked before the write begins, so it holds no lock
    // while the rules read.
    let mut plan = Vec::new();
    for (person, entry) in &entries {
        if off.contains(&person.id) {
            report.skip(person, Phrase::new("bulk-skip-off-ladder"));
            continue;
        }
        let (Some(track), Some(level)) = (&entry.suggested_track, &entry.suggested_level) else {
            report.skip(person, Phrase::new("bulk-skip-no-suggestion"));
            continue;
        };
        if ladder.level(track, level).is_none() {
            report.skip(
                person,
                Phrase::new("bulk-skip-gone").text("level", format!("{track}/{level}")),
            );
            continue;
        }
        match access::propose(app, viewer, person.id).await {
            Ok(proposing) => plan.push((proposing, person, entry.version, track, level)),
            Err(ServerError::Forbidden | ServerError::NotFound(_)) => {
                report.skip(person, refused(viewer, person, false));
            }
            Err(e) => return Err(e),
        }
    }
    // Nothing to write: no change, and no audit entry.
    if plan.is_empty() {
        return Ok(report);
    }
    let mut w = app.store.write(&viewer.actor()).await?;
    for (proposing, person, version, track, level) in plan {
        w.propose(rollout, proposing.person(), version, (track, level), "")
            .await?;
        report.done(person);
    }
    w.commit().await?;
    Ok(report)
}

/// Confirms every proposed level the selection picks (HR): each becomes
/// the person's placement. Whom HR may not place (an administrator,
/// another HR person, themselves) is skipped, with why.
pub(crate) async fn confirm_all(
    app: &App,
    hr: &Hr<'_>,
    rollout: i64,
    selection: &Selection,
) -> Result<BulkReport> {
    open(app, rollout).await?;
    let viewer = hr.viewer();
    let entries = picked(
        app,
        &Scope::Everyone,
        rollout,
        RolloutStatus::Proposed,
        selection,
    )
    .await?;
    let off: HashSet<i64> = app.store.off_ladder().await?.into_iter().collect();
    let revision = app.ladder().revision.clone();
    let mut report = BulkReport::default();
    let mut plan = Vec::new();
    for (person, entry) in &entries {
        if off.contains(&person.id) {
            report.skip(person, Phrase::new("bulk-skip-off-ladder"));
            continue;
        }
        match access::confirm(app, viewer, person.id).await {
            Ok(placing) => plan.push((placing, person, entry.version)),
            Err(ServerError::Forbidden) => report.skip(person, refused(viewer, person, true)),
            Err(e) => return Err(e),
        }
    }
    // Nothing to write: no change, and no audit entry.
    if plan.is_empty() {
        return Ok(report);
    }
    let mut w = app.store.write(&viewer.actor()).await?;
    for (placing, person, version) in plan {
        w.confirm(rollout, placing.person(), version, &revision)
            .await?;
        report.done(person);
    }
    w.commit().await?;
    Ok(report)
}

/// Marks people not on a ladder (`off`), or back on one (HR, under the
/// placement rule: it decides whether someone gets a level at all). Unknown
/// ids are an error and nothing is written; whom the rule refuses is
/// skipped, with why; people already so are reported done.
pub(crate) async fn set_off_ladder(
    app: &App,
    hr: &Hr<'_>,
    people: &[i64],
    off: bool,
) -> Result<BulkReport> {
    let viewer = hr.viewer();
    let mut found = Vec::with_capacity(people.len());
    for id in people {
        let person = app
            .store
            .person(*id)
            .await?
            .ok_or_else(|| ServerError::NotFound(format!("person {id}")))?;
        found.push(person);
    }
    let mut report = BulkReport::default();
    let mut plan = Vec::new();
    for person in &found {
        match access::place(app, viewer, person.id).await {
            Ok(placing) => plan.push((placing, person)),
            Err(ServerError::Forbidden) => report.skip(
                person,
                Phrase::new(if person.id == viewer.person.id {
                    "bulk-skip-own-decided"
                } else {
                    "bulk-skip-role-decided"
                }),
            ),
            Err(e) => return Err(e),
        }
    }
    // Nothing to write: no change, and no audit entry.
    if plan.is_empty() {
        return Ok(report);
    }
    let mut w = app.store.write(&viewer.actor()).await?;
    let mut changed = false;
    for (placing, person) in plan {
        changed |= w.set_off_ladder(placing.person(), off).await?;
        report.done(person);
    }
    // Everyone was so already: nothing written, nothing to audit.
    if changed {
        w.commit().await?;
    }
    Ok(report)
}
