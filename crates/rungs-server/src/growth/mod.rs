//! Growth: a person's growth page (goals on statements, 1-on-1 notes,
//! suggestions from their latest assessment, a timeline).
//!
//! 1-on-1 notes are between a person and their manager: nobody else reads
//! them, except HR where `hr_reads_notes = true`, and then every read is
//! written to the audit log (see [`crate::access::NotesSeat`]).

pub(crate) mod api;
mod pages;

use serde::Serialize;
use utoipa::ToSchema;

use rungs_store::model::{Assessment, Goal, GoalStatus, NewGoal, Note};

use crate::access::{GoalsWrite, NoteWrite, NotesAccess, NotesSeat};
use crate::error::ServerError;
use crate::framework::Ladder;
use crate::phrase::Phrase;
use axum::routing::{MethodRouter, get, post};

use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// Growth's routes: pages and API.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        ("/app/people/{id}/growth", get(pages::growth_page)),
        ("/app/people/{id}/goals", post(pages::add_goal)),
        ("/app/people/{id}/notes", post(pages::add_note)),
        ("/app/goals/{id}/status", post(pages::goal_status)),
        ("/api/v1/people/{id}/growth", get(api::growth)),
    ]
}

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
    /// `text` as a message of the app's catalogues, for the page in its
    /// reader's language (the API keeps English).
    #[serde(skip)]
    pub(crate) phrase: Phrase,
}

impl Event {
    fn new(
        at: i64,
        kind: &'static str,
        phrase: Phrase,
        link: Option<String>,
        ladder: &Ladder,
    ) -> Event {
        Event {
            at,
            kind,
            text: phrase.render(Some(ladder), "en"),
            link,
            phrase,
        }
    }
}

/// A 1-on-1 note with what a reader needs beside it: who wrote it and the
/// goal it checks in on.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NoteView {
    /// The note.
    #[serde(flatten)]
    pub note: Note,
    /// Its author's name (`None` when the author was removed).
    pub author: Option<String>,
    /// The goal it checks in on, in words (`None`: no goal).
    pub goal: Option<String>,
}

/// Everything on a person's growth page.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Growth {
    /// Their goals.
    pub goals: Vec<Goal>,
    /// Their 1-on-1 notes, when the viewer may read them.
    pub notes: Option<Vec<NoteView>>,
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

/// Reads the notes the viewer's seat reads (`None`: none), auditing a
/// read by anyone but the two people they belong to.
pub(crate) async fn notes(app: &App, access: &NotesAccess<'_>) -> Result<Option<Vec<Note>>> {
    let person = access.person();
    match access.seat() {
        NotesSeat::Person => Ok(Some(app.store.notes_of(person, None).await?)),
        NotesSeat::Manager(m) => Ok(Some(app.store.notes_of(person, Some(m)).await?)),
        NotesSeat::Hr => {
            let mut w = app.store.write(&access.viewer().actor()).await?;
            w.audit("note.read", &format!("person:{person}"), None, None)
                .await?;
            w.commit().await?;
            Ok(Some(app.store.notes_of(person, None).await?))
        }
        NotesSeat::None => Ok(None),
    }
}

/// Names each note's author (one lookup per author, not per note) and its
/// goal.
async fn note_views(app: &App, notes: Vec<Note>, goals: &[Goal]) -> Result<Vec<NoteView>> {
    let mut authors: std::collections::BTreeMap<i64, Option<String>> = Default::default();
    for id in notes.iter().filter_map(|n| n.author_id) {
        if let std::collections::btree_map::Entry::Vacant(e) = authors.entry(id) {
            e.insert(app.store.person(id).await?.map(|p| p.name));
        }
    }
    Ok(notes
        .into_iter()
        .map(|note| NoteView {
            author: note
                .author_id
                .and_then(|id| authors.get(&id).cloned().flatten()),
            goal: note
                .goal_id
                .and_then(|id| goals.iter().find(|g| g.id == id).map(|g| g.goal.clone())),
            note,
        })
        .collect())
}

/// The growth page of a person: `access` says which notes the viewer
/// reads, `goals` whether they may set goals.
pub(crate) async fn growth(
    app: &App,
    access: &NotesAccess<'_>,
    goals: Option<&GoalsWrite<'_>>,
) -> Result<Growth> {
    let person = access.person();
    let can_edit = goals.is_some_and(|g| g.person() == person);
    let can_note = access.seat().writes();
    let notes = notes(app, access).await?;
    let goals = app.store.goals_of(person).await?;
    let assessments = app.store.assessments_of(person).await?;
    let placements = app.store.placements(person).await?;
    let suggestions = suggestions(app, person).await?;
    let ladder = app.ladder();
    let mut timeline = Vec::new();
    for a in &assessments {
        let phrase = Phrase::new("event-assessment-text")
            .level("level", &a.track, &a.level)
            .message("state", format!("state-{}", a.state().as_str()));
        let link = Some(format!("/app/assessments/{}", a.id));
        timeline.push(Event::new(
            a.updated_at,
            "assessment",
            phrase,
            link,
            &ladder,
        ));
    }
    for p in &placements {
        let phrase = Phrase::new("event-placement-text")
            .level("level", &p.track, &p.level)
            .text("date", p.from_date.clone())
            .message("reason", format!("reason-{}", p.reason.as_str()));
        let at = day_start(&p.from_date);
        timeline.push(Event::new(at, "placement", phrase, None, &ladder));
    }
    for g in &goals {
        let phrase = Phrase::new("event-goal-text")
            .message("status", format!("goal-{}", g.status.as_str()))
            .text("goal", g.goal.clone());
        timeline.push(Event::new(g.updated_at, "goal", phrase, None, &ladder));
    }
    for n in notes.iter().flatten() {
        let link = Some(format!("#note-{}", n.id));
        let phrase = Phrase::new("event-note-text");
        timeline.push(Event::new(n.created_at, "note", phrase, link, &ladder));
    }
    timeline.sort_by_key(|e| std::cmp::Reverse(e.at));
    let notes = match notes {
        Some(notes) => Some(note_views(app, notes, &goals).await?),
        None => None,
    };
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

/// A goal on the statement `key` (`track/level/statement`).
pub(crate) async fn add_goal(
    app: &App,
    goals: &GoalsWrite<'_>,
    key: &str,
    goal: &str,
    actions: &str,
    target_date: Option<&str>,
) -> Result<i64> {
    let person = goals.person();
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
        .ok_or_else(|| {
            ServerError::invalid("form-not-a-statement", vec![("key", key.to_string())])
        })?;
    let mut w = app.store.write(&goals.viewer().actor()).await?;
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
    goals: &GoalsWrite<'_>,
    id: i64,
    status: GoalStatus,
    version: i64,
) -> Result<i64> {
    let mut w = app.store.write(&goals.viewer().actor()).await?;
    w.set_goal_status(id, status, version).await?;
    w.commit().await?;
    Ok(goals.person())
}

/// A 1-on-1 note (the person or their manager).
pub(crate) async fn add_note(
    app: &App,
    writer: &NoteWrite<'_>,
    goal: Option<i64>,
    body: &str,
) -> Result<i64> {
    let person = writer.person();
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
    let mut w = app.store.write(&writer.viewer().actor()).await?;
    let id = w.add_note(person, goal, body).await?;
    w.commit().await?;
    Ok(id)
}
