//! Assessment cycles: an assessment for everyone (or one manager's
//! reporting lines) at once, with due dates and progress (what waits for
//! each person is in `todo`).

use serde::Serialize;
use utoipa::ToSchema;

use rungs_store::NewAssessment;
use rungs_store::model::{Cycle, CycleProgress, CycleTarget};

use crate::access::Hr;
use crate::error::ServerError;
use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// A cycle and how far it has come.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CycleView {
    /// The cycle.
    pub cycle: Cycle,
    /// Its progress.
    pub progress: CycleProgress,
}

/// Every cycle with its progress (HR).
pub(crate) async fn cycles(app: &App, _hr: &Hr<'_>) -> Result<Vec<CycleView>> {
    let mut out = Vec::new();
    for cycle in app.store.cycles().await? {
        let progress = app.store.cycle_progress(cycle.id).await?;
        out.push(CycleView { cycle, progress });
    }
    Ok(out)
}

/// What a cycle to open says.
#[derive(Debug, Clone, Default)]
pub(crate) struct CycleForm {
    pub name: String,
    pub target: String,
    pub manager_email: String,
    pub self_due: String,
    pub manager_due: String,
}

/// Opens a cycle (HR): an assessment for every active, placed person (of
/// one manager's reporting lines, if given) against their level or the
/// next. People with no next level are left out and counted.
pub(crate) async fn open_cycle(
    app: &App,
    hr: &Hr<'_>,
    form: &CycleForm,
) -> Result<(i64, usize, usize)> {
    let target = CycleTarget::parse(form.target.trim()).ok_or_else(|| {
        ServerError::Invalid(format!("`{}` is neither `own` nor `next`", form.target))
    })?;
    let manager = match form.manager_email.trim() {
        "" => None,
        email => Some(
            app.store
                .person_by_email(email)
                .await?
                .ok_or_else(|| ServerError::Invalid(format!("nobody has the email `{email}`")))?
                .id,
        ),
    };
    let scope = match manager {
        Some(m) => app.store.scope_of(m).await?,
        None => rungs_store::Scope::Everyone,
    };
    let people = app
        .store
        .people_page(&scope, "", rungs_store::Page::ALL)
        .await?
        .0;
    let ladder = app.ladder();
    let mut new = Vec::new();
    let mut skipped = 0;
    for p in people.iter().filter(|p| p.active && Some(p.id) != manager) {
        let (Some(t), Some(l)) = (&p.track, &p.level) else {
            skipped += 1;
            continue;
        };
        let level = match target {
            CycleTarget::Own => ladder.level(t, l),
            CycleTarget::Next => ladder.next_level(t, l).map(|n| n.level),
        };
        let Some(level) = level else {
            skipped += 1;
            continue;
        };
        new.push(NewAssessment {
            person_id: p.id,
            manager_id: p.manager_id,
            track: level.track,
            level: level.level,
            cycle_id: None,
        });
    }
    let due = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    let (self_due, manager_due) = (due(&form.self_due), due(&form.manager_due));
    let mut w = app.store.write(&hr.viewer().actor()).await?;
    let id = w
        .open_cycle(
            &form.name,
            target,
            manager,
            self_due.as_deref(),
            manager_due.as_deref(),
            &new,
            &ladder.revision,
            ladder.snapshot,
        )
        .await?;
    w.commit().await?;
    Ok((id, new.len(), skipped))
}

/// Closes a cycle (HR).
pub(crate) async fn close_cycle(app: &App, hr: &Hr<'_>, id: i64) -> Result<()> {
    let mut w = app.store.write(&hr.viewer().actor()).await?;
    w.close_cycle(id).await?;
    w.commit().await?;
    Ok(())
}
