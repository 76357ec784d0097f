//! Promotions: a case for a person to a target level (`open`), written
//! while a draft (narrative, recommendation, evidence, peer feedback
//! requests), submitted once it has what `[promotions]` asks, calibrated
//! in a session whose committee comments and votes, decided by the chair
//! (an approval places the person, a "not now" adds the gaps to their
//! growth plan, in the same transaction), communicated, effective.
//!
//! Who may do each step is decided by [`crate::access::CaseWrite`]; the
//! packet and the calibration view are built in `view`.

pub(crate) mod api;
mod pages;
pub(crate) mod view;

use axum::routing::{MethodRouter, get, post};

use rungs_core::assess::{AreaStatus, Rating};
use rungs_core::promotions::{Communicate, Window};
use rungs_store::model::{
    CalibrationSession, CaseState, Decision, NewCase, NewGoal, NewPlacement, NewSession, Outcome,
    PlacementReason,
};

use crate::access::{CasePart, CaseWrite, FeedbackAnswer, Hr, Nominating, SessionClosing};
use crate::error::ServerError;
use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// Routes of promotions: pages and API.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        ("/app/promotions", get(pages::list)),
        ("/app/people/{id}/promotions", post(pages::open)),
        ("/app/promotions/{id}", get(pages::case).post(pages::edit)),
        ("/app/promotions/{id}/packet", get(pages::packet)),
        ("/app/promotions/{id}/evidence", post(pages::evidence)),
        (
            "/app/promotions/{id}/feedback",
            post(pages::request_feedback),
        ),
        ("/app/promotions/{id}/step", post(pages::step)),
        ("/app/promotions/{id}/comments", post(pages::comment)),
        ("/app/promotions/{id}/decision", post(pages::decide)),
        (
            "/app/feedback/{id}",
            get(pages::feedback).post(pages::answer),
        ),
        (
            "/app/calibrations",
            get(pages::sessions).post(pages::open_session),
        ),
        ("/app/calibrations/{id}", get(pages::session)),
        ("/app/calibrations/{id}/close", post(pages::close_session)),
        (
            "/api/v1/people/{id}/promotions",
            get(api::list).post(api::open),
        ),
        ("/api/v1/promotions/{id}", get(api::case).put(api::edit)),
        ("/api/v1/promotions/{id}/evidence", post(api::evidence)),
        (
            "/api/v1/promotions/{id}/feedback",
            post(api::request_feedback),
        ),
        ("/api/v1/promotions/{id}/step", post(api::step)),
        ("/api/v1/promotions/{id}/comments", post(api::comment)),
        ("/api/v1/promotions/{id}/decision", post(api::decide)),
        ("/api/v1/feedback", get(api::my_feedback)),
        ("/api/v1/feedback/{id}", post(api::answer)),
        (
            "/api/v1/calibrations",
            get(api::sessions).post(api::open_session),
        ),
        ("/api/v1/calibrations/{id}", get(api::session)),
        ("/api/v1/calibrations/{id}/close", post(api::close_session)),
    ]
}

/// Opens a case for the person to `track/level`, with their latest shared
/// assessment against that level, if any.
pub(crate) async fn open(
    app: &App,
    nominating: &Nominating<'_>,
    track: &str,
    level: &str,
) -> Result<i64> {
    let ladder = app.ladder();
    if ladder.level(track, level).is_none() {
        return Err(ServerError::Invalid(format!(
            "`{track}/{level}` is not a level of the ladder"
        )));
    }
    if ladder.framework.promotions.window == Window::Cycle
        && !app
            .store
            .cycles()
            .await?
            .iter()
            .any(|c| c.closed_at.is_none())
    {
        return Err(ServerError::Conflict(
            "cases open while an assessment cycle is open ([promotions] window = \"cycle\"), and none is".into(),
        ));
    }
    let person = nominating.person();
    let p = app
        .store
        .person(person)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("person {person}")))?;
    if !p.active {
        return Err(ServerError::conflict(
            "form-inactive-no-case",
            vec![("name", p.name.clone())],
        ));
    }
    let current = app
        .store
        .placements(person)
        .await?
        .into_iter()
        .find(|x| x.until_date.is_none());
    if current
        .as_ref()
        .is_some_and(|c| c.track == track && c.level == level)
    {
        return Err(ServerError::invalid(
            "form-already-at-level",
            vec![
                ("name", p.name.clone()),
                ("level", format!("{track}/{level}")),
            ],
        ));
    }
    let assessment = latest_shared(app, person, track, level).await?;
    let mut w = app.store.write(&nominating.viewer().actor()).await?;
    let id = w
        .open_case(&NewCase {
            person_id: person,
            manager_id: p.manager_id,
            from: current.map(|c| (c.track, c.level)),
            track: track.to_string(),
            level: level.to_string(),
            assessment_id: assessment,
            revision: ladder.revision.clone(),
        })
        .await?;
    w.commit().await?;
    Ok(id)
}

/// The newest shared assessment of `person` against `track/level`.
async fn latest_shared(app: &App, person: i64, track: &str, level: &str) -> Result<Option<i64>> {
    Ok(app
        .store
        .assessments_of(person)
        .await?
        .into_iter()
        .filter(|a| a.shared_at.is_some() && a.track == track && a.level == level)
        .map(|a| a.id)
        .max())
}

/// Changes a draft's narrative and recommendation.
pub(crate) async fn edit(
    app: &App,
    w: &CaseWrite<'_>,
    version: i64,
    narrative: Option<&str>,
    recommendation: Option<&str>,
) -> Result<()> {
    part(w, CasePart::Draft)?;
    for (name, text) in [("narrative", narrative), ("recommendation", recommendation)] {
        if text.is_some_and(|t| t.len() > 20_000) {
            return Err(ServerError::invalid(
                "form-case-text-too-long",
                vec![("part", name.to_string())],
            ));
        }
    }
    let case = w.case();
    // A shared assessment made since the case was opened is picked up.
    let assessment = match case.assessment_id {
        Some(_) => None,
        None => latest_shared(app, case.person_id, &case.track, &case.level).await?,
    };
    let mut tx = app.store.write(&w.viewer().actor()).await?;
    tx.edit_case(case.id, version, narrative, recommendation, assessment)
        .await?;
    tx.commit().await?;
    Ok(())
}

fn part(w: &CaseWrite<'_>, expected: CasePart) -> Result<()> {
    // A capability for one part is never used for another.
    if w.part() == expected {
        Ok(())
    } else {
        Err(ServerError::Forbidden)
    }
}

/// Adds an evidence link about a statement of the target level.
pub(crate) async fn add_evidence(
    app: &App,
    w: &CaseWrite<'_>,
    statement: &str,
    url: &str,
    note: &str,
) -> Result<()> {
    part(w, CasePart::Draft)?;
    let ids = view::statement_ids(&app.ladder(), w.case());
    if !ids.iter().any(|s| s == statement) {
        return Err(ServerError::Invalid(format!(
            "`{statement}` is not a statement of the target level"
        )));
    }
    let url = url.trim();
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(ServerError::invalid(
            "form-not-a-link",
            vec![("url", url.to_string())],
        ));
    }
    let mut tx = app.store.write(&w.viewer().actor()).await?;
    tx.add_evidence(w.case().id, statement, url, note).await?;
    tx.commit().await?;
    Ok(())
}

/// Asks a colleague for feedback on statements or areas of the target
/// level, by a due date (default: `feedback_days` from today).
pub(crate) async fn request_feedback(
    app: &App,
    w: &CaseWrite<'_>,
    peer: &str,
    about: &[String],
    due_date: Option<&str>,
) -> Result<i64> {
    part(w, CasePart::Draft)?;
    let ladder = app.ladder();
    let peer = match peer.trim().parse::<i64>() {
        Ok(id) => app.store.person(id).await?,
        Err(_) => app.store.person_by_email(peer.trim()).await?,
    }
    .filter(|p| p.active)
    .ok_or_else(|| {
        ServerError::invalid("form-no-colleague", vec![("who", peer.trim().to_string())])
    })?;
    let ids = view::statement_ids(&ladder, w.case());
    let areas: Vec<String> = ladder
        .model_level(&w.case().track, &w.case().level)
        .map(|l| l.statements.iter().map(|s| s.area.clone()).collect())
        .unwrap_or_default();
    let unknown: Vec<&String> = about
        .iter()
        .filter(|a| !ids.contains(a) && !areas.contains(a))
        .collect();
    if !unknown.is_empty() {
        return Err(ServerError::Invalid(format!(
            "not a statement or area of the target level: {}",
            unknown
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let due = match due_date.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => d.to_string(),
        None => {
            let days = i64::from(ladder.framework.promotions.feedback_days);
            (time::OffsetDateTime::now_utc().date() + time::Duration::days(days)).to_string()
        }
    };
    let mut tx = app.store.write(&w.viewer().actor()).await?;
    let id = tx
        .request_feedback(w.case().id, peer.id, &about.join("\n"), &due)
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// A peer's answer: a step of the scale (its words or number) and words.
pub(crate) async fn answer(
    app: &App,
    a: &FeedbackAnswer<'_>,
    rating: &str,
    words: &str,
) -> Result<()> {
    let settings = &app.ladder().framework.assessments;
    let r = rating.trim();
    let step = settings
        .scale
        .iter()
        .position(|s| s.eq_ignore_ascii_case(r))
        .map(|i| i as i64 + 1)
        .or_else(|| r.parse::<i64>().ok())
        .filter(|c| Rating::from_code(*c, settings).is_some_and(|x| x != Rating::NotApplicable));
    let Some(step) = step else {
        return Err(ServerError::Invalid(format!(
            "`{r}` is not a rating; the scale is: {}",
            settings.scale.join(", ")
        )));
    };
    if words.trim().is_empty() {
        return Err(ServerError::Invalid("say in words what you saw".into()));
    }
    if words.len() > 20_000 {
        return Err(ServerError::Invalid(
            "the answer is over 20,000 characters".into(),
        ));
    }
    let case = app
        .store
        .case(a.request().case_id)
        .await?
        .ok_or_else(|| ServerError::NotFound("case".into()))?;
    if case.state > CaseState::InCalibration {
        return Err(ServerError::Conflict(
            "the case is decided: feedback is closed".into(),
        ));
    }
    let mut tx = app.store.write(&a.viewer().actor()).await?;
    tx.answer_feedback(a.request().id, step, words).await?;
    tx.commit().await?;
    Ok(())
}

/// A step of the case's life: submit, communicate, effective (and, for
/// HR, `calibrate` into `session`).
pub(crate) async fn step(app: &App, w: &CaseWrite<'_>, session: Option<i64>) -> Result<()> {
    let case = w.case();
    if w.part() == CasePart::Submit {
        let feedback = app.store.feedback_of(&[case.id]).await?;
        let missing = view::missing(app, case, &feedback);
        if !missing.is_empty() {
            return Err(ServerError::Conflict(format!(
                "the case still needs {}",
                missing.join(", ")
            )));
        }
    }
    let mut tx = app.store.write(&w.viewer().actor()).await?;
    match w.part() {
        CasePart::Submit => {
            tx.move_case(case.id, CaseState::Draft, CaseState::Submitted, "")
                .await?;
        }
        CasePart::Calibrate => {
            let session = session
                .ok_or_else(|| ServerError::Invalid("name the calibration session".into()))?;
            tx.calibrate_case(case.id, session).await?;
        }
        CasePart::Communicate => {
            tx.move_case(case.id, CaseState::Decided, CaseState::Communicated, "")
                .await?;
        }
        CasePart::Effective => {
            tx.move_case(case.id, CaseState::Communicated, CaseState::Effective, "")
                .await?;
        }
        _ => return Err(ServerError::Forbidden),
    }
    tx.commit().await?;
    Ok(())
}

/// A reviewer's comment and vote.
pub(crate) async fn comment(
    app: &App,
    w: &CaseWrite<'_>,
    body: &str,
    vote: Option<&str>,
) -> Result<()> {
    part(w, CasePart::Comment)?;
    let vote = match vote.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => Some(Outcome::parse(v).ok_or_else(|| {
            ServerError::Invalid(format!("`{v}` is not a vote: approve or not-now"))
        })?),
        None => None,
    };
    if body.len() > 20_000 {
        return Err(ServerError::Invalid(
            "the comment is over 20,000 characters".into(),
        ));
    }
    let mut tx = app.store.write(&w.viewer().actor()).await?;
    tx.comment_case(w.case().id, body, vote).await?;
    tx.commit().await?;
    Ok(())
}

/// The chair's decision. An approval places the person at the target
/// level from the effective date; a "not now" adds a goal for each
/// statement the rule found short, with what to work on.
pub(crate) async fn decide(
    app: &App,
    w: &CaseWrite<'_>,
    outcome: &str,
    reasons: &str,
    work_on: &str,
    effective_date: Option<&str>,
) -> Result<()> {
    part(w, CasePart::Decide)?;
    let outcome = Outcome::parse(outcome).ok_or_else(|| {
        ServerError::Invalid(format!(
            "`{outcome}` is not a decision: approved or not-now"
        ))
    })?;
    let case = w.case();
    let ladder = app.ladder();
    let rules = &ladder.framework.promotions;
    if let Some(session) = case.session_id {
        let members = app.store.calibration_members(session).await?.len();
        if members < rules.committee_size as usize {
            return Err(ServerError::conflict(
                "form-committee-too-small",
                vec![
                    ("members", members.to_string()),
                    ("size", rules.committee_size.to_string()),
                ],
            ));
        }
    }
    // An approval takes effect today unless it says; the case records the
    // date its placement starts, so that the person reads it.
    let effective_date = effective_date
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .or_else(|| (outcome == Outcome::Approved).then(rungs_store::today));
    if outcome == Outcome::Approved && ladder.level(&case.track, &case.level).is_none() {
        return Err(ServerError::conflict(
            "form-level-gone",
            vec![("level", format!("{}/{}", case.track, case.level))],
        ));
    }
    if outcome == Outcome::NotNow && work_on.trim().is_empty() {
        return Err(ServerError::Invalid("say what to work on".into()));
    }
    let goals = if outcome == Outcome::NotNow {
        gaps(app, case, work_on).await?
    } else {
        Vec::new()
    };
    let placement = NewPlacement {
        track: case.track.clone(),
        level: case.level.clone(),
        from_date: effective_date.clone(),
        reason: PlacementReason::Promotion,
        note: format!("promotion case {}", case.id),
    };
    let mut tx = app.store.write(&w.viewer().actor()).await?;
    tx.decide_case(
        case.id,
        &Decision {
            outcome,
            reasons: reasons.to_string(),
            work_on: work_on.to_string(),
            effective_date,
        },
        (outcome == Outcome::Approved).then_some((&placement, ladder.revision.as_str())),
        &goals,
        rules.communicate == Communicate::OnDecision,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A goal for each statement of the areas the rule found short.
async fn gaps(app: &App, case: &rungs_store::model::Case, work_on: &str) -> Result<Vec<NewGoal>> {
    let ladder = app.ladder();
    let Some(level) = ladder.model_level(&case.track, &case.level) else {
        return Ok(Vec::new());
    };
    let settings = &ladder.framework.assessments;
    let ratings = match case.assessment_id {
        Some(a) => app.store.ratings(a).await?,
        None => Vec::new(),
    };
    let code = |sid: &str, side: rungs_store::model::Side| {
        ratings
            .iter()
            .find(|r| {
                r.side == side
                    && r.track == case.track
                    && r.level == case.level
                    && r.statement_id == sid
            })
            .and_then(|r| crate::assessments::view::still_counts(r.rating, r.link))
    };
    let counting = |sid: &str| {
        rungs_core::assess::counting(
            settings,
            code(sid, rungs_store::model::Side::Person),
            code(sid, rungs_store::model::Side::Manager),
        )
    };
    let readiness =
        rungs_core::assess::readiness(settings, &ladder.framework, level, counting, None);
    let short: Vec<&str> = readiness
        .areas
        .iter()
        .filter(|a| a.status != AreaStatus::Met)
        .map(|a| a.area.as_str())
        .collect();
    Ok(level
        .statements
        .iter()
        .filter(|s| short.contains(&s.area.as_str()))
        .filter(|s| {
            !counting(&s.id).is_some_and(|r| settings.meets(r) || r == Rating::NotApplicable)
        })
        .map(|s| NewGoal {
            track: case.track.clone(),
            level: case.level.clone(),
            statement_id: s.id.clone(),
            statement_text: s.text.clone(),
            goal: format!("Promotion to {}: {}", level.title, work_on.trim()),
            actions: String::new(),
            target_date: None,
        })
        .collect())
}

/// Opens a calibration session with its committee (HR).
pub(crate) async fn open_session(
    app: &App,
    hr: &Hr<'_>,
    name: &str,
    scope: &str,
    chair: &str,
    members: &[String],
) -> Result<i64> {
    let find = |who: String| async move {
        let p = match who.trim().parse::<i64>() {
            Ok(id) => app.store.person(id).await?,
            Err(_) => app.store.person_by_email(who.trim()).await?,
        };
        p.filter(|p| p.active).map(|p| p.id).ok_or_else(|| {
            ServerError::invalid("form-no-colleague", vec![("who", who.trim().to_string())])
        })
    };
    let chair = find(chair.to_string()).await?;
    let mut ids = Vec::new();
    for m in members.iter().filter(|m| !m.trim().is_empty()) {
        ids.push(find(m.clone()).await?);
    }
    let mut tx = app.store.write(&hr.viewer().actor()).await?;
    let id = tx
        .open_session(&NewSession {
            name: name.to_string(),
            scope: scope.to_string(),
            chair_id: chair,
            members: ids,
        })
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// Closes a calibration session (its chair or HR): it takes no more
/// comments, votes or decisions; undecided cases wait for another session.
pub(crate) async fn close_session(
    app: &App,
    closing: &SessionClosing<'_>,
) -> Result<CalibrationSession> {
    let mut tx = app.store.write(&closing.viewer().actor()).await?;
    let closed = tx.close_session(closing.session().id).await?;
    tx.commit().await?;
    Ok(closed)
}
