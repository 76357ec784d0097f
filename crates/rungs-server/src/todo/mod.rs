//! "Waiting for you": what each person has to do (assessments to fill or
//! review, one shared with them, proposals to confirm, a level to
//! acknowledge, a cycle's due date coming), on the home page, in the API,
//! and, when email is configured, by email: one per new thing or a daily
//! digest, as the person chooses on their account page.

pub(crate) mod api;
mod cache;

pub(crate) use cache::TodoCache;

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use utoipa::ToSchema;

use rungs_store::{Actor, MailKind, NewMail, NotifyMode, OpenAssessment, OpenRolloutStep};

use crate::access::SignedIn;
use crate::error::ServerError;
use crate::phrase::Phrase;
use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// The to-do list's routes (the home page and the account page show it
/// and its setting).
pub(crate) fn routes() -> Vec<(&'static str, axum::routing::MethodRouter<App>)> {
    vec![("/api/v1/todo", axum::routing::get(api::todo))]
}

/// Days before a due date when an item becomes "due soon" (and a person
/// hears of it again).
const DUE_SOON_DAYS: i64 = 3;

/// Seconds between two digests to one person.
const DIGEST_EVERY: i64 = 24 * 3600;

/// What kind of thing waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TodoKind {
    /// Your self-assessment.
    AssessmentToFill,
    /// Your side of a report's assessment.
    AssessmentToReview,
    /// An assessment your manager shared, to read and acknowledge.
    SharedWithYou,
    /// Proposed levels of a rollout waiting for HR.
    ProposalsToConfirm,
    /// Your confirmed level, to acknowledge.
    LevelToAcknowledge,
    /// An assessment whose cycle is due within days, or overdue.
    CycleDue,
}

/// One thing waiting for the viewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Todo {
    /// What kind.
    pub kind: TodoKind,
    /// What to do, in words.
    pub text: String,
    /// The cycle or rollout it belongs to, if any.
    pub context: Option<String>,
    /// When it is due (`YYYY-MM-DD`), if a cycle says.
    pub due: Option<String>,
    /// The page to do it on (a path in the app).
    pub link: String,
    /// Names the item for notifications (told once each).
    #[serde(skip)]
    pub(crate) key: String,
    /// `text` as a message of the app's catalogues, for pages in another
    /// language than English.
    #[serde(skip)]
    pub(crate) words: Phrase,
}

impl Todo {
    fn new(kind: TodoKind, words: Phrase, link: String, key: String) -> Todo {
        Todo {
            kind,
            text: words.render(None, "en"),
            context: None,
            due: None,
            link,
            key,
            words,
        }
    }
}

/// The items with their words in `lang` (the API and emails keep English).
pub(crate) fn localised(items: Vec<Todo>, lang: &str) -> Vec<Todo> {
    items
        .into_iter()
        .map(|mut item| {
            item.text = item.words.render(None, lang);
            item
        })
        .collect()
}

/// The rule: what waits for person `me` (HR or not), given the open
/// assessments they take part in, their rollout entries waiting for
/// acknowledgement, the proposals waiting for HR, and today's date.
pub(crate) fn items_for(
    me: i64,
    is_hr: bool,
    assessments: &[&OpenAssessment],
    acks: &[&OpenRolloutStep],
    proposals: &[OpenRolloutStep],
    today: time::Date,
) -> Vec<Todo> {
    let soon = |due: &Option<String>| {
        due.as_deref()
            .and_then(rungs_store::parse_date)
            .is_some_and(|d| (d - today).whole_days() <= DUE_SOON_DAYS)
    };
    let mut out = Vec::new();
    for a in assessments {
        let link = format!("/app/assessments/{}", a.id);
        if a.person_id == me {
            if a.shared {
                out.push(Todo {
                    context: a.cycle.clone(),
                    ..Todo::new(
                        TodoKind::SharedWithYou,
                        Phrase::new("todo-shared"),
                        link.clone(),
                        format!("shared:{}", a.id),
                    )
                });
            } else if !a.self_submitted {
                let due_soon = soon(&a.self_due);
                let kind = if due_soon {
                    TodoKind::CycleDue
                } else {
                    TodoKind::AssessmentToFill
                };
                out.push(Todo {
                    context: a.cycle.clone(),
                    due: a.self_due.clone(),
                    ..Todo::new(
                        kind,
                        Phrase::new("todo-self"),
                        link.clone(),
                        format!("{}:{}", if due_soon { "due-self" } else { "self" }, a.id),
                    )
                });
            }
        }
        if a.manager_id == Some(me) && a.person_id != me && !a.shared && !a.manager_submitted {
            let due_soon = soon(&a.manager_due);
            let kind = if due_soon {
                TodoKind::CycleDue
            } else {
                TodoKind::AssessmentToReview
            };
            let words = Phrase::new("todo-review").text("name", a.person_name.clone());
            let key = format!(
                "{}:{}",
                if due_soon { "due-review" } else { "review" },
                a.id
            );
            out.push(Todo {
                context: a.cycle.clone(),
                due: a.manager_due.clone(),
                ..Todo::new(kind, words, link, key)
            });
        }
    }
    for r in acks.iter().filter(|r| r.person_id == Some(me)) {
        out.push(Todo {
            context: Some(r.rollout.clone()),
            ..Todo::new(
                TodoKind::LevelToAcknowledge,
                Phrase::new("todo-acknowledge-level"),
                "/app#rollout-h".into(),
                format!("ack:{}", r.rollout_id),
            )
        });
    }
    if is_hr {
        for r in proposals {
            let words = Phrase::new("todo-confirm").number("count", r.count);
            out.push(Todo {
                context: Some(r.rollout.clone()),
                // At most once a day, however many managers propose.
                ..Todo::new(
                    TodoKind::ProposalsToConfirm,
                    words,
                    "/app/rollout".into(),
                    format!("confirm:{}:{}", r.rollout_id, today),
                )
            });
        }
    }
    out
}

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// What waits for the viewer (kept a few seconds per person: see
/// [`cache`]).
pub(crate) async fn waiting(app: &App, own: &SignedIn<'_>) -> Result<Vec<Todo>> {
    let viewer = own.viewer();
    let me = viewer.person.id;
    let ticket = match app.todo.get(me) {
        Ok(kept) => return Ok(kept),
        Err(ticket) => ticket,
    };
    let is_hr = matches!(
        viewer.person.role,
        rungs_store::model::Role::Hr | rungs_store::model::Role::Admin
    );
    let assessments = app.store.open_assessments(Some(me)).await?;
    let acks = app.store.levels_to_acknowledge(Some(me)).await?;
    let proposals = if is_hr {
        app.store.proposals_to_confirm().await?
    } else {
        Vec::new()
    };
    let items = items_for(
        me,
        is_hr,
        &assessments.iter().collect::<Vec<_>>(),
        &acks.iter().collect::<Vec<_>>(),
        &proposals,
        today(),
    );
    app.todo.keep(me, ticket, &items);
    Ok(items)
}

/// The viewer's notification mode.
pub(crate) async fn mode(app: &App, own: &SignedIn<'_>) -> Result<NotifyMode> {
    Ok(app.store.notify_mode(own.viewer().person.id).await?)
}

/// Sets the viewer's notification mode.
pub(crate) async fn set_mode(app: &App, own: &SignedIn<'_>, mode: NotifyMode) -> Result<()> {
    let viewer = own.viewer();
    let mut w = app.store.write(&viewer.actor()).await?;
    w.set_notify_mode(viewer.person.id, mode).await?;
    w.commit().await?;
    Ok(())
}

/// Queues the emails about what waits for people: for each person who can
/// sign in, the items they were not told of yet, one email each or one
/// digest a day, as they chose. Without email configured, nothing.
/// Returns how many emails were queued.
pub(crate) async fn notify(app: &App) -> Result<usize> {
    if app.mailer.is_none() {
        return Ok(0);
    }
    let people = app.store.reachable_people().await?;
    let assessments = app.store.open_assessments(None).await?;
    let acks = app.store.levels_to_acknowledge(None).await?;
    let proposals = app.store.proposals_to_confirm().await?;
    let settings: HashMap<i64, (NotifyMode, Option<i64>)> = app
        .store
        .notify_settings()
        .await?
        .into_iter()
        .map(|(p, m, last)| (p, (NotifyMode::parse(&m).unwrap_or_default(), last)))
        .collect();
    let told: HashSet<(i64, String)> = app.store.notified_items().await?.into_iter().collect();
    let mut by_person: HashMap<i64, Vec<&OpenAssessment>> = HashMap::new();
    for a in &assessments {
        by_person.entry(a.person_id).or_default().push(a);
        if let Some(m) = a.manager_id.filter(|m| *m != a.person_id) {
            by_person.entry(m).or_default().push(a);
        }
    }
    let mut acks_of: HashMap<i64, Vec<&OpenRolloutStep>> = HashMap::new();
    for r in &acks {
        if let Some(p) = r.person_id {
            acks_of.entry(p).or_default().push(r);
        }
    }
    let organisation = app.ladder().language.clone();
    let (site, base, now, day) = (
        app.site_name(),
        app.config.base(),
        rungs_store::now(),
        today(),
    );
    let mut mail = Vec::new();
    let mut keys = Vec::new();
    for (id, email, name, is_hr) in people {
        let items = items_for(
            id,
            is_hr,
            by_person.get(&id).map_or(&[][..], Vec::as_slice),
            acks_of.get(&id).map_or(&[][..], Vec::as_slice),
            if is_hr { &proposals[..] } else { &[] },
            day,
        );
        let fresh: Vec<&Todo> = items
            .iter()
            .filter(|t| !told.contains(&(id, t.key.clone())))
            .collect();
        if fresh.is_empty() {
            continue;
        }
        // Each email in its reader's language, asked only of people with
        // something to hear of.
        let chosen = app.store.language(id).await?;
        let lang = crate::i18n::language_of(chosen.as_deref(), &organisation);
        let items = localised(items, lang);
        let fresh: Vec<&Todo> = items
            .iter()
            .filter(|t| !told.contains(&(id, t.key.clone())))
            .collect();
        let (mode, last_digest) = settings.get(&id).copied().unwrap_or_default();
        match mode {
            NotifyMode::Off => {}
            NotifyMode::Event => {
                for item in fresh {
                    let (subject, body) = crate::mail::notice(&site, &base, &name, item, lang);
                    mail.push(NewMail {
                        kind: MailKind::Notice,
                        person_id: id,
                        recipient: email.clone(),
                        subject,
                        body,
                    });
                    keys.push((id, item.key.clone()));
                }
            }
            NotifyMode::Digest => {
                if last_digest.is_some_and(|at| now - at < DIGEST_EVERY) {
                    continue;
                }
                let (subject, body) = crate::mail::digest(&site, &base, &name, &items, lang);
                mail.push(NewMail {
                    kind: MailKind::Digest,
                    person_id: id,
                    recipient: email.clone(),
                    subject,
                    body,
                });
                keys.extend(items.iter().map(|t| (id, t.key.clone())));
            }
        }
    }
    if mail.is_empty() {
        return Ok(0);
    }
    let mut w = app.store.write(&Actor::system()).await?;
    w.queue_notices(&mail, &keys).await?;
    w.commit().await?;
    app.mail_queued();
    Ok(mail.len())
}

impl App {
    /// Queues the notifications due now (see the background task); returns
    /// how many emails were queued. For tests and operators who do not
    /// want to wait for the next pass.
    pub async fn notify_waiting(&self) -> std::result::Result<usize, ServerError> {
        notify(self).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assessment(id: i64, person: i64, manager: i64) -> OpenAssessment {
        OpenAssessment {
            id,
            person_id: person,
            person_name: format!("person {person}"),
            manager_id: Some(manager),
            cycle: Some("Spring".into()),
            self_due: None,
            manager_due: None,
            self_submitted: false,
            manager_submitted: false,
            shared: false,
        }
    }

    fn day(s: &str) -> time::Date {
        rungs_store::parse_date(s).expect("date")
    }

    #[test]
    fn each_side_sees_its_own_step() {
        let a = assessment(7, 1, 2);
        let me = items_for(1, false, &[&a], &[], &[], day("2027-01-01"));
        assert_eq!(me.len(), 1);
        assert_eq!(me[0].kind, TodoKind::AssessmentToFill);
        assert_eq!(me[0].link, "/app/assessments/7");
        let manager = items_for(2, false, &[&a], &[], &[], day("2027-01-01"));
        assert_eq!(manager[0].kind, TodoKind::AssessmentToReview);
        assert_eq!(manager[0].text, "Your assessment of person 1");
        assert!(items_for(3, true, &[&a], &[], &[], day("2027-01-01")).is_empty());
    }

    #[test]
    fn submitted_and_shared_steps_move_on() {
        let mut a = assessment(7, 1, 2);
        a.self_submitted = true;
        assert!(items_for(1, false, &[&a], &[], &[], day("2027-01-01")).is_empty());
        a.manager_submitted = true;
        a.shared = true;
        let me = items_for(1, false, &[&a], &[], &[], day("2027-01-01"));
        assert_eq!(me[0].kind, TodoKind::SharedWithYou);
        assert!(items_for(2, false, &[&a], &[], &[], day("2027-01-01")).is_empty());
    }

    #[test]
    fn a_near_due_date_makes_it_due_with_a_new_key() {
        let mut a = assessment(7, 1, 2);
        a.self_due = Some("2027-01-10".into());
        let early = items_for(1, false, &[&a], &[], &[], day("2027-01-01"));
        let late = items_for(1, false, &[&a], &[], &[], day("2027-01-08"));
        assert_eq!(early[0].kind, TodoKind::AssessmentToFill);
        assert_eq!(late[0].kind, TodoKind::CycleDue);
        assert_ne!(early[0].key, late[0].key, "told again when it comes due");
    }

    #[test]
    fn proposals_are_for_hr_and_levels_for_their_person() {
        let proposals = [OpenRolloutStep {
            rollout_id: 3,
            rollout: "New ladder".into(),
            person_id: None,
            count: 4,
        }];
        let ack = OpenRolloutStep {
            rollout_id: 3,
            rollout: "New ladder".into(),
            person_id: Some(1),
            count: 1,
        };
        let hr = items_for(9, true, &[], &[&ack], &proposals, day("2027-01-01"));
        assert_eq!(hr.len(), 1);
        assert_eq!(hr[0].text, "Confirm 4 proposed levels");
        let employee = items_for(1, false, &[], &[&ack], &proposals, day("2027-01-01"));
        assert_eq!(employee.len(), 1);
        assert_eq!(employee[0].kind, TodoKind::LevelToAcknowledge);
    }
}
