//! Growth: goals on statements, 1-on-1 notes, a person's timeline, and
//! assessment cycles.
//!
//! 1-on-1 notes are between a person and their manager: nobody else reads
//! them, except HR where `hr_reads_notes = true`, and then every read is
//! written to the audit log.

use serde::Serialize;
use utoipa::ToSchema;

use rungs_store::NewAssessment;
use rungs_store::model::{
    Assessment, Cycle, CycleProgress, CycleTarget, Goal, GoalStatus, NewGoal, Note,
};

use crate::access::{self, Reach};
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// A statement suggested as a goal: the next level's statements rated
/// lowest in the latest shared assessment.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Suggestion {
    /// `track/level/statement`, as the goal form posts it.
    pub key: String,
    /// Area title.
    pub area: String,
    /// The statement's words.
    pub text: String,
    /// Its rating ("" when unrated).
    pub rating: String,
}

/// One thing that happened, for a person's timeline.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Event {
    /// Unix seconds (or the start of a placement's day).
    pub at: i64,
    /// `assessment`, `placement`, `goal`, `note`.
    pub kind: &'static str,
    /// What happened, in words.
    pub text: String,
    /// Where to read more, if anywhere.
    pub link: Option<String>,
}

/// Everything on a person's growth page.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Growth {
    /// Their goals.
    pub goals: Vec<Goal>,
    /// Their 1-on-1 notes, when the viewer may read them.
    pub notes: Option<Vec<Note>>,
    /// Statements to work on.
    pub suggestions: Vec<Suggestion>,
    /// Assessments, newest first.
    pub assessments: Vec<Assessment>,
    /// Assessments, placements, goals and notes, newest first.
    pub timeline: Vec<Event>,
    /// May the viewer add goals and change them?
    pub can_edit: bool,
    /// May the viewer write a 1-on-1 note?
    pub can_note: bool,
}

/// How the viewer may use `person`'s 1-on-1 notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NotesSeat {
    /// The person: reads all of theirs, writes.
    Person,
    /// Their manager: reads the notes of their time as manager, writes.
    Manager(i64),
    /// HR where the organisation allows it: reads all, audited.
    Hr,
    /// Nobody else.
    None,
}

/// The person and their manager; HR only reads, only where allowed, and
/// each read is audited.
async fn notes_seat(app: &App, viewer: &Viewer, person: i64) -> Result<NotesSeat> {
    if viewer.person.id == person {
        return Ok(NotesSeat::Person);
    }
    let p = app
        .store
        .person(person)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("person {person}")))?;
    if p.manager_id == Some(viewer.person.id) {
        return Ok(NotesSeat::Manager(viewer.person.id));
    }
    if viewer.person.role.sees_everyone() && app.ladder().framework.assessments.hr_reads_notes {
        return Ok(NotesSeat::Hr);
    }
    Ok(NotesSeat::None)
}

/// Reads the notes the viewer may read, auditing a read by anyone but the
/// two people they belong to.
pub(crate) async fn notes(app: &App, viewer: &Viewer, person: i64) -> Result<Option<Vec<Note>>> {
    access::reach(app, viewer, person).await?;
    let seat = notes_seat(app, viewer, person).await?;
    read_notes(app, viewer, person, seat).await
}

/// The notes `seat` reads (auditing HR's reads).
async fn read_notes(
    app: &App,
    viewer: &Viewer,
    person: i64,
    seat: NotesSeat,
) -> Result<Option<Vec<Note>>> {
    match seat {
        NotesSeat::Person => Ok(Some(app.store.notes_of(person, None).await?)),
        NotesSeat::Manager(m) => Ok(Some(app.store.notes_of(person, Some(m)).await?)),
        NotesSeat::Hr => {
            let mut w = app.store.write(&viewer.actor()).await?;
            w.audit("note.read", &format!("person:{person}"), None, None)
                .await?;
            w.commit().await?;
            Ok(Some(app.store.notes_of(person, None).await?))
        }
        NotesSeat::None => Ok(None),
    }
}

/// The growth page of `person`.
pub(crate) async fn growth(app: &App, viewer: &Viewer, person: i64) -> Result<Growth> {
    access::reach(app, viewer, person).await?;
    let can_edit = goal_access(app, viewer, person).await.is_ok();
    let seat = notes_seat(app, viewer, person).await?;
    let can_note = matches!(seat, NotesSeat::Person | NotesSeat::Manager(_));
    let notes = read_notes(app, viewer, person, seat).await?;
    let goals = app.store.goals_of(person).await?;
    let assessments = app.store.assessments_of(person).await?;
    let placements = app.store.placements(person).await?;
    let suggestions = suggestions(app, person).await?;
    let mut timeline = Vec::new();
    for a in &assessments {
        let level = app
            .ladder()
            .level(&a.track, &a.level)
            .map_or_else(|| format!("{}/{}", a.track, a.level), |l| l.title);
        let state = a.state().as_str();
        timeline.push(Event {
            at: a.updated_at,
            kind: "assessment",
            text: format!("Assessment against {level}: {state}"),
            link: Some(format!("/app/assessments/{}", a.id)),
        });
    }
    for p in &placements {
        let level = app
            .ladder()
            .level(&p.track, &p.level)
            .map_or_else(|| format!("{}/{}", p.track, p.level), |l| l.title);
        timeline.push(Event {
            at: day_start(&p.from_date),
            kind: "placement",
            text: format!(
                "Placed at {level} from {} ({})",
                p.from_date,
                p.reason.as_str()
            ),
            link: None,
        });
    }
    for g in &goals {
        timeline.push(Event {
            at: g.updated_at,
            kind: "goal",
            text: format!("Goal ({}): {}", g.status.as_str(), g.goal),
            link: None,
        });
    }
    for n in notes.iter().flatten() {
        timeline.push(Event {
            at: n.created_at,
            kind: "note",
            text: "1-on-1 note".into(),
            link: Some(format!("#note-{}", n.id)),
        });
    }
    timeline.sort_by_key(|e| std::cmp::Reverse(e.at));
    Ok(Growth {
        goals,
        notes,
        suggestions,
        assessments,
        timeline,
        can_edit,
        can_note,
    })
}

fn day_start(date: &str) -> i64 {
    rungs_store::parse_date(date).map_or(0, |d| d.midnight().assume_utc().unix_timestamp())
}

/// The next level's statements, lowest rated first (in the latest shared
/// assessment against that level; unrated ones after the rated ones).
async fn suggestions(app: &App, person: i64) -> Result<Vec<Suggestion>> {
    let ladder = app.ladder();
    let Some(p) = app.store.person(person).await? else {
        return Ok(Vec::new());
    };
    let (Some(track), Some(level)) = (&p.track, &p.level) else {
        return Ok(Vec::new());
    };
    let Some(next) = ladder.next_level(track, level) else {
        return Ok(Vec::new());
    };
    let (nt, nl) = (next.level.track.clone(), next.level.level.clone());
    let Some(model) = ladder.model_level(&nt, &nl) else {
        return Ok(Vec::new());
    };
    let settings = &ladder.framework.assessments;
    let latest = app
        .store
        .assessments_of(person)
        .await?
        .into_iter()
        .find(|a| a.track == nt && a.level == nl && a.shared_at.is_some());
    let ratings = match &latest {
        Some(a) => app.store.ratings(a.id).await?,
        None => Vec::new(),
    };
    let mut out: Vec<(i64, Suggestion)> = model
        .statements
        .iter()
        .map(|s| {
            let of = |side| {
                ratings
                    .iter()
                    .find(|r| r.side == side && r.statement_id == s.id && r.level == nl)
            };
            let r = of(rungs_store::model::Side::Manager).or(of(rungs_store::model::Side::Person));
            let code = r.and_then(|r| r.rating);
            let label = code
                .and_then(|c| rungs_core::assess::Rating::from_code(c, settings))
                .map_or(String::new(), |x| settings.label(x).to_string());
            // Not applicable last; unrated after the rated ones.
            let order = match code {
                Some(0) => 1000,
                Some(c) => c,
                None => 100,
            };
            let area = ladder
                .framework
                .areas
                .iter()
                .flat_map(|a| a.walk())
                .find(|a| a.id == s.area)
                .map_or_else(|| s.area.clone(), |a| a.title.clone());
            (
                order,
                Suggestion {
                    key: format!("{nt}/{nl}/{}", s.id),
                    area,
                    text: s.text.clone(),
                    rating: label,
                },
            )
        })
        .filter(|(order, _)| *order < 1000)
        .collect();
    out.sort_by_key(|(order, _)| *order);
    Ok(out.into_iter().map(|(_, s)| s).collect())
}

/// May the viewer set and change `person`'s goals? The person and anyone
/// they report to (HR reads them).
async fn goal_access(app: &App, viewer: &Viewer, person: i64) -> Result<()> {
    match access::reach(app, viewer, person).await? {
        Reach::Own | Reach::Manages => Ok(()),
        Reach::Everyone if viewer.person.id == person => Ok(()),
        Reach::Everyone => {
            if app.store.manages(viewer.person.id, person).await? {
                Ok(())
            } else {
                Err(ServerError::Forbidden)
            }
        }
    }
}

/// A goal on the statement `key` (`track/level/statement`).
pub(crate) async fn add_goal(
    app: &App,
    viewer: &Viewer,
    person: i64,
    key: &str,
    goal: &str,
    actions: &str,
    target_date: Option<&str>,
) -> Result<i64> {
    goal_access(app, viewer, person).await?;
    let ladder = app.ladder();
    let mut parts = key.splitn(3, '/');
    let (Some(t), Some(l), Some(s)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(ServerError::Invalid(format!(
            "`{key}` does not name a statement (track/level/statement)"
        )));
    };
    let statement = ladder
        .model_level(t, l)
        .and_then(|lv| lv.statements.iter().find(|x| x.id == s))
        .ok_or_else(|| ServerError::Invalid(format!("`{key}` is not a statement of the ladder")))?;
    let mut w = app.store.write(&viewer.actor()).await?;
    let id = w
        .add_goal(
            person,
            &NewGoal {
                track: t.into(),
                level: l.into(),
                statement_id: s.into(),
                statement_text: statement.text.clone(),
                goal: goal.into(),
                actions: actions.into(),
                target_date: target_date
                    .filter(|d| !d.trim().is_empty())
                    .map(|d| d.trim().to_string()),
            },
        )
        .await?;
    w.commit().await?;
    Ok(id)
}

/// Marks a goal done, dropped or open; returns its person.
pub(crate) async fn set_goal_status(
    app: &App,
    viewer: &Viewer,
    id: i64,
    status: GoalStatus,
    version: i64,
) -> Result<i64> {
    let goal = app
        .store
        .goal(id)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("goal {id}")))?;
    // Someone else's goal is "not found" as a goal, never naming its owner.
    goal_access(app, viewer, goal.person_id)
        .await
        .map_err(|e| match e {
            ServerError::NotFound(_) => ServerError::NotFound(format!("goal {id}")),
            e => e,
        })?;
    let mut w = app.store.write(&viewer.actor()).await?;
    w.set_goal_status(id, status, version).await?;
    w.commit().await?;
    Ok(goal.person_id)
}

/// A 1-on-1 note (the person or their manager).
pub(crate) async fn add_note(
    app: &App,
    viewer: &Viewer,
    person: i64,
    goal: Option<i64>,
    body: &str,
) -> Result<i64> {
    access::reach(app, viewer, person).await?;
    if !matches!(
        notes_seat(app, viewer, person).await?,
        NotesSeat::Person | NotesSeat::Manager(_)
    ) {
        return Err(ServerError::Forbidden);
    }
    if let Some(g) = goal
        && app
            .store
            .goal(g)
            .await?
            .is_none_or(|g| g.person_id != person)
    {
        return Err(ServerError::Invalid(format!(
            "goal {g} is not one of this person's"
        )));
    }
    let mut w = app.store.write(&viewer.actor()).await?;
    let id = w.add_note(person, goal, body).await?;
    w.commit().await?;
    Ok(id)
}

/// A cycle and how far it has come.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CycleView {
    /// The cycle.
    pub cycle: Cycle,
    /// Its progress.
    pub progress: CycleProgress,
}

/// Every cycle with its progress (HR).
pub(crate) async fn cycles(app: &App, viewer: &Viewer) -> Result<Vec<CycleView>> {
    access::hr(viewer)?;
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
    viewer: &Viewer,
    form: &CycleForm,
) -> Result<(i64, usize, usize)> {
    access::hr(viewer)?;
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
    let mut w = app.store.write(&viewer.actor()).await?;
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
pub(crate) async fn close_cycle(app: &App, viewer: &Viewer, id: i64) -> Result<()> {
    access::hr(viewer)?;
    let mut w = app.store.write(&viewer.actor()).await?;
    w.close_cycle(id).await?;
    w.commit().await?;
    Ok(())
}

/// A reminder: an assessment of an open cycle that waits for the viewer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Reminder {
    /// The assessment to open.
    pub assessment_id: i64,
    /// The cycle's name.
    pub cycle: String,
    /// What is due, in words.
    pub text: String,
    /// When (`YYYY-MM-DD`), if the cycle says.
    pub due: Option<String>,
}

/// What waits for the viewer in open cycles.
pub(crate) async fn reminders(app: &App, viewer: &Viewer) -> Result<Vec<Reminder>> {
    let me = viewer.person.id;
    let mut out = Vec::new();
    for (a, c) in app.store.pending_for(me).await? {
        let own = a.person_id == me;
        let text = if own {
            "Your self-assessment".to_string()
        } else {
            let name = app
                .store
                .person(a.person_id)
                .await?
                .map_or_else(|| format!("person {}", a.person_id), |p| p.name);
            format!("Your assessment of {name}")
        };
        out.push(Reminder {
            assessment_id: a.id,
            cycle: c.name.clone(),
            text,
            due: if own {
                c.self_due.clone()
            } else {
                c.manager_due.clone()
            },
        });
    }
    Ok(out)
}
