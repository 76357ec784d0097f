//! Assessment cycles: an assessment for everyone (or one manager's
//! reporting lines) at once, with due dates and progress (what waits for
//! each person is in `todo`).

use serde::Serialize;
use utoipa::ToSchema;

use rungs_store::model::{Cycle, CycleProgress, CycleTarget};
use rungs_store::{LeftOut, MailKind, NewAssessment, NewMail, NotifyMode, Owed, Reminded};

use crate::access::Hr;
use crate::error::ServerError;
use crate::mail::{self, Owing};
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
                .ok_or_else(|| {
                    ServerError::invalid(
                        "form-nobody-has-email",
                        vec![("email", email.to_string())],
                    )
                })?
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
    // Whom the cycle leaves out, with why: kept, so HR reads names.
    let mut left_out: Vec<(i64, String)> = Vec::new();
    for p in people.iter().filter(|p| p.active && Some(p.id) != manager) {
        let (Some(t), Some(l)) = (&p.track, &p.level) else {
            left_out.push((p.id, "not placed on a level yet".into()));
            continue;
        };
        let level = match target {
            CycleTarget::Own => ladder.level(t, l),
            CycleTarget::Next => ladder.next_level(t, l).map(|n| n.level),
        };
        let Some(level) = level else {
            left_out.push((
                p.id,
                match target {
                    CycleTarget::Next if ladder.level(t, l).is_some() => {
                        "at the top of their track: no next level".into()
                    }
                    _ => format!("their level `{t}/{l}` is not on the ladder in use"),
                },
            ));
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
    w.record_left_out(id, &left_out).await?;
    w.commit().await?;
    Ok((id, new.len(), left_out.len()))
}

/// A side of an assessment still owed in a cycle, with its due date.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Waiting {
    /// Who owes what.
    pub owed: Owed,
    /// When it is due (`YYYY-MM-DD`), if the cycle says.
    pub due: Option<String>,
    /// Past its due date.
    pub late: bool,
}

/// One cycle in full: progress, who still owes their side (and who is
/// late), whom it left out and why, and the reminders sent.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CycleDetail {
    /// The cycle.
    pub cycle: Cycle,
    /// Its progress.
    pub progress: CycleProgress,
    /// Sides still owed, late ones first, by name.
    pub waiting: Vec<Waiting>,
    /// How many of those are late.
    pub late: usize,
    /// People left out when it opened, and why.
    pub left_out: Vec<LeftOut>,
    /// Reminders sent, newest first.
    pub reminders: Vec<Reminded>,
}

/// One cycle in full (HR).
pub(crate) async fn cycle(app: &App, _hr: &Hr<'_>, id: i64) -> Result<CycleDetail> {
    let cycle = app
        .store
        .cycle(id)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("cycle {id}")))?;
    let progress = app.store.cycle_progress(id).await?;
    let today = rungs_store::today();
    let mut waiting: Vec<Waiting> = app
        .store
        .cycle_owed(id)
        .await?
        .into_iter()
        .map(|owed| {
            let due = if owed.side == "self" {
                cycle.self_due.clone()
            } else {
                cycle.manager_due.clone()
            };
            // Dates are `YYYY-MM-DD`: their order is the text's.
            let late =
                cycle.closed_at.is_none() && due.as_deref().is_some_and(|d| d < today.as_str());
            Waiting { owed, due, late }
        })
        .collect();
    // Late first; the store's name order within each.
    waiting.sort_by_key(|w| !w.late);
    let late = waiting.iter().filter(|w| w.late).count();
    Ok(CycleDetail {
        left_out: app.store.cycle_left_out(id).await?,
        reminders: app.store.cycle_reminders(id).await?,
        cycle,
        progress,
        waiting,
        late,
    })
}

/// Reminds everyone who still owes their side in an open cycle (HR): the
/// reminder is recorded in the audit log, with whom it went to, and each
/// of them sees the cycle on their home page. With email configured, each
/// who can sign in and has not turned email off also gets one email
/// listing what they owe (never a rating or a note), queued in the same
/// change. Returns whom, by id, and how many emails were queued.
pub(crate) async fn remind(app: &App, hr: &Hr<'_>, id: i64) -> Result<(Vec<i64>, usize)> {
    let detail = cycle(app, hr, id).await?;
    if detail.cycle.closed_at.is_some() {
        return Err(ServerError::Conflict("this cycle is closed".into()));
    }
    let mut people: Vec<i64> = detail
        .waiting
        .iter()
        .filter_map(|w| w.owed.owner_id)
        .collect();
    people.sort_unstable();
    people.dedup();
    if people.is_empty() {
        return Err(ServerError::Conflict(
            "nobody owes anything in this cycle: there is no one to remind".into(),
        ));
    }
    let mail = reminder_mail(app, &detail, &people).await?;
    let mut w = app.store.write(&hr.viewer().actor()).await?;
    w.remind_cycle(id, &people).await?;
    if !mail.is_empty() {
        w.queue_notices(&mail, &[]).await?;
    }
    w.commit().await?;
    if !mail.is_empty() {
        app.mail_queued();
    }
    Ok((people, mail.len()))
}

/// The reminder emails for `people` (none without email configured): one
/// each, for those who can sign in and have not turned email off.
async fn reminder_mail(app: &App, detail: &CycleDetail, people: &[i64]) -> Result<Vec<NewMail>> {
    if app.mailer.is_none() {
        return Ok(Vec::new());
    }
    let off: Vec<i64> = app
        .store
        .notify_settings()
        .await?
        .into_iter()
        .filter(|(_, mode, _)| NotifyMode::parse(mode) == Some(NotifyMode::Off))
        .map(|(person, _, _)| person)
        .collect();
    let (site, base) = (app.site_name(), app.config.base());
    let organisation = app.ladder().language.clone();
    let mut mail = Vec::new();
    for (id, email, name, _) in app.store.reachable_people().await? {
        if !people.contains(&id) || off.contains(&id) {
            continue;
        }
        // In the reader's language, as the emails about what waits are.
        let chosen = app.store.language(id).await?;
        let lang = crate::i18n::language_of(chosen.as_deref(), &organisation);
        let words = crate::i18n::messages(lang);
        let owing: Vec<Owing> = detail
            .waiting
            .iter()
            .filter(|w| w.owed.owner_id == Some(id))
            .map(|w| Owing {
                what: if w.owed.side == "self" {
                    words.get("mail-reminder-self")
                } else {
                    words.with("mail-reminder-of", "name", &w.owed.person)
                },
                link: format!("/app/assessments/{}", w.owed.assessment_id),
                due: w.due.clone(),
                late: w.late,
            })
            .collect();
        let (subject, body) = mail::reminder(&site, &base, &name, &detail.cycle.name, &owing, lang);
        mail.push(NewMail {
            kind: MailKind::Notice,
            person_id: id,
            recipient: email,
            subject,
            body,
        });
    }
    Ok(mail)
}

/// Closes a cycle (HR).
pub(crate) async fn close_cycle(app: &App, hr: &Hr<'_>, id: i64) -> Result<()> {
    let mut w = app.store.write(&hr.viewer().actor()).await?;
    w.close_cycle(id).await?;
    w.commit().await?;
    Ok(())
}
