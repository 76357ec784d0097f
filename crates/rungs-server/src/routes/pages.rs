//! The people app's pages. Forms post back; every page works without
//! JavaScript.

use axum::Form;
use axum::extract::{ConnectInfo, Multipart, Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Deserialize;

use rungs_store::model::{LinkPurpose, NewPlacement, PlacementReason, Role, TokenScope};
use rungs_store::{Actor, PersonFields};

use crate::auth::{self, MaybeViewer, Viewer};
use crate::error::ServerError;
use crate::ops;
use crate::state::App;

pub(super) type Page = Result<Response, ServerError>;

/// Renders a page with what every page needs (the viewer, their powers,
/// the CSRF token, the site's title).
pub(super) async fn render(
    app: &App,
    viewer: Option<&Viewer>,
    template: &str,
    nav: &str,
    title: &str,
    extra: minijinja::Value,
) -> Page {
    let (is_hr, is_admin, can_team) = match viewer {
        Some(v) => (
            v.person.role.sees_everyone(),
            v.person.role == Role::Admin,
            v.person.role.sees_everyone() || v.manages,
        ),
        None => (false, false, false),
    };
    let base = ctx! {
        viewer => viewer.map(|v| v.person.clone()),
        csrf => viewer.map_or("", |v| v.csrf()),
        is_hr, is_admin, can_team, nav, title,
        site_title => app.ladder().framework.title.clone(),
        oidc_name => app.oidc_name(),
    };
    let html = app
        .ladder()
        .views
        .render(template, context! { ..extra, ..base })?;
    Ok(html.into_response())
}

fn message(title: &str, text: &str) -> minijinja::Value {
    ctx! { message => text, title }
}

pub(crate) async fn app_css(State(app): State<App>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        app.ladder().app_css.clone(),
    )
        .into_response()
}

pub(crate) async fn home(State(app): State<App>, viewer: Viewer) -> Page {
    let (view, _) = ops::person(&app, &viewer, viewer.person.id).await?;
    let reminders = crate::growth::reminders(&app, &viewer).await?;
    let proposed = view.rollout.as_ref().and_then(|r| {
        app.ladder().level(
            r.entry.proposed_track.as_deref()?,
            r.entry.proposed_level.as_deref()?,
        )
    });
    render(
        &app,
        Some(&viewer),
        "home.html",
        "home",
        "My level",
        ctx! {
            person => view.person, manager => view.manager, level => view.level, next => view.next,
            rollout => view.rollout, placements => view.placements, proposed, reminders,
        },
    )
    .await
}

#[derive(Deserialize)]
pub(crate) struct NextQuery {
    #[serde(default)]
    next: String,
}

/// Only paths inside the app, never another site.
fn safe_next(next: &str) -> String {
    if next.starts_with("/app") && !next.starts_with("//") && !next.contains('\\') {
        next.to_string()
    } else {
        "/app".into()
    }
}

pub(crate) async fn login_page(
    State(app): State<App>,
    MaybeViewer(viewer): MaybeViewer,
    Query(q): Query<NextQuery>,
) -> Page {
    if viewer.is_some() {
        return Ok(Redirect::to(&safe_next(&q.next)).into_response());
    }
    render(
        &app,
        None,
        "login.html",
        "",
        "Sign in",
        ctx! { next => q.next, email => "" },
    )
    .await
}

#[derive(Deserialize)]
pub(crate) struct LoginForm {
    email: String,
    password: String,
    #[serde(default)]
    next: String,
}

/// The client's address for rate limiting: the connection's peer, or,
/// behind a reverse proxy (`--base-url` given), the address the proxy adds
/// last to `X-Forwarded-For` (a client can forge the earlier ones). The
/// email key limits guessing one account whatever the address.
fn client_key(app: &App, headers: &HeaderMap, peer: Option<std::net::SocketAddr>) -> String {
    let forwarded = app.config.base_url.as_ref().and_then(|_| {
        headers
            .get("x-forwarded-for")?
            .to_str()
            .ok()?
            .rsplit(',')
            .next()
            .map(|ip| ip.trim().to_string())
    });
    match (forwarded, peer) {
        (Some(ip), _) => format!("ip:{ip}"),
        (None, Some(peer)) => format!("ip:{}", peer.ip()),
        (None, None) => "ip:unknown".into(),
    }
}

pub(crate) async fn login(
    State(app): State<App>,
    peer: Option<axum::Extension<ConnectInfo<std::net::SocketAddr>>>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Page {
    // Bounded before anything else: the email becomes a rate-limit key.
    let email: String = form.email.trim().to_lowercase().chars().take(254).collect();
    let email_key = format!("email:{email}");
    let address_key = client_key(&app, &headers, peer.map(|c| c.0.0));
    let keys = [
        (email_key.as_str(), auth::PER_EMAIL),
        (address_key.as_str(), auth::PER_ADDRESS),
    ];
    if !app.limiter.attempt(&keys) {
        return Err(ServerError::TooManyAttempts);
    }
    let found = app.store.password_hash(&email).await?;
    let id = found.as_ref().map(|(id, _)| *id);
    let ok = auth::verify_password_async(&app, &form.password, found.map(|(_, hash)| hash)).await?;
    let Some(id) = id.filter(|_| ok) else {
        let page = render(&app, None, "login.html", "", "Sign in", ctx! {
            next => form.next, email => email, error => "That email and password do not match an active account.",
        })
        .await?;
        return Ok((axum::http::StatusCode::UNAUTHORIZED, page).into_response());
    };
    // The address keeps its failures: an attacker signing in to an account
    // of their own does not wipe them.
    app.limiter.succeeded(&email_key, &address_key);
    let (secret, _) = app
        .store
        .create_session(id, app.config.session_hours * 3600)
        .await?;
    Ok((
        [(
            header::SET_COOKIE,
            auth::session_cookie_header(&app, &secret),
        )],
        Redirect::to(&safe_next(&form.next)),
    )
        .into_response())
}

/// The cookie that ties a sign-in through the provider to the browser
/// that started it.
#[cfg(feature = "oidc")]
const OIDC_COOKIE: &str = "rungs_oidc";

/// Sends the browser to the identity provider.
pub(crate) async fn oidc_start(State(app): State<App>, Query(q): Query<NextQuery>) -> Page {
    #[cfg(feature = "oidc")]
    if let Some(provider) = &app.oidc {
        let (url, browser) = provider.start(&app, &safe_next(&q.next)).await?;
        let secure = if app.config.secure_cookies() {
            "; Secure"
        } else {
            ""
        };
        let cookie = format!(
            "{OIDC_COOKIE}={browser}; Path=/app/oidc; HttpOnly; SameSite=Lax; Max-Age=600{secure}"
        );
        return Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&url)).into_response());
    }
    let _ = (&app, &q.next);
    Err(ServerError::NotFound(
        "sign-in through an identity provider (none is configured)".into(),
    ))
}

/// The identity provider sends the browser back here.
#[cfg(feature = "oidc")]
pub(crate) async fn oidc_callback(
    State(app): State<App>,
    headers: HeaderMap,
    Query(q): Query<crate::oidc::Callback>,
) -> Page {
    let browser = auth::cookie(&headers, OIDC_COOKIE).unwrap_or_default();
    let Some(provider) = &app.oidc else {
        return Err(ServerError::NotFound(
            "sign-in through an identity provider (none is configured)".into(),
        ));
    };
    if let Some(error) = &q.error {
        // Drop the pending sign-in: this state cannot be used again.
        let _ = app.store.take_pending_login(&q.state, &browser).await;
        // The provider's own words are logged, not shown: anyone can put
        // text in this URL.
        eprintln!(
            "sign-in refused by the provider: {error}: {}",
            q.error_description.as_deref().unwrap_or("")
        );
        return Err(ServerError::Invalid(format!(
            "{} refused the sign-in; try again, or ask your administrator",
            provider.name()
        )));
    }
    let (person, next) = provider.finish(&app, &q.code, &q.state, &browser).await?;
    let (secret, _) = app
        .store
        .create_session(person, app.config.session_hours * 3600)
        .await?;
    Ok((
        [(
            header::SET_COOKIE,
            auth::session_cookie_header(&app, &secret),
        )],
        Redirect::to(&safe_next(&next)),
    )
        .into_response())
}

/// Without the `oidc` feature there is no provider to come back from.
#[cfg(not(feature = "oidc"))]
pub(crate) async fn oidc_callback() -> Page {
    Err(ServerError::NotFound(
        "sign-in through an identity provider (none is configured)".into(),
    ))
}

pub(crate) async fn logout(State(app): State<App>, headers: HeaderMap) -> Page {
    if let Some(secret) = auth::session_cookie(&headers) {
        app.store.end_session(&secret).await?;
    }
    Ok((
        [(header::SET_COOKIE, auth::clear_cookie_header(&app))],
        Redirect::to("/app/login"),
    )
        .into_response())
}

#[derive(Deserialize)]
pub(crate) struct TokenQuery {
    #[serde(default)]
    token: String,
}

pub(crate) async fn setup_page(State(app): State<App>, Query(q): Query<TokenQuery>) -> Page {
    if app
        .store
        .one_time_link(&q.token, LinkPurpose::Setup)
        .await?
        .is_none()
    {
        return Err(ServerError::NotFound(
            "this setup link (it was used, replaced by a restart, or is older than a day)".into(),
        ));
    }
    render(&app, None, "password.html", "", "Create the first administrator", ctx! {
        setup => true, token => q.token, action => "/app/setup", button => "Create administrator", name => "", email => "",
    })
    .await
}

#[derive(Deserialize)]
pub(crate) struct SetupForm {
    token: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    password: String,
}

pub(crate) async fn setup(State(app): State<App>, Form(form): Form<SetupForm>) -> Page {
    // The link first: without a live one, no hashing (anyone can post here).
    if app
        .store
        .one_time_link(&form.token, LinkPurpose::Setup)
        .await?
        .is_none()
    {
        return Err(ServerError::NotFound("this setup link".into()));
    }
    let hash = match auth::hash_password_async(&app, &form.password).await {
        Ok(h) => h,
        Err(e) => {
            return render(&app, None, "password.html", "", "Create the first administrator", ctx! {
                setup => true, token => form.token, action => "/app/setup", button => "Create administrator",
                name => form.name, email => form.email, error => e.to_string(),
            })
            .await;
        }
    };
    let mut w = app
        .store
        .write(&Actor {
            person_id: None,
            label: "setup".into(),
        })
        .await?;
    if !w.use_link(&form.token, LinkPurpose::Setup).await? {
        return Err(ServerError::NotFound("this setup link".into()));
    }
    let admin = w.create_first_admin(&form.email, &form.name, &hash).await?;
    w.commit().await?;
    let (secret, _) = app
        .store
        .create_session(admin.id, app.config.session_hours * 3600)
        .await?;
    Ok((
        [(
            header::SET_COOKIE,
            auth::session_cookie_header(&app, &secret),
        )],
        Redirect::to("/app"),
    )
        .into_response())
}

pub(crate) async fn reset_page(State(app): State<App>, Query(q): Query<TokenQuery>) -> Page {
    let Some(Some(person)) = app
        .store
        .one_time_link(&q.token, LinkPurpose::Reset)
        .await?
    else {
        return Err(ServerError::NotFound(
            "this password link (it was used, replaced, or is older than a day)".into(),
        ));
    };
    let email = app
        .store
        .person(person)
        .await?
        .map(|p| p.email)
        .unwrap_or_default();
    render(&app, None, "password.html", "", "Set your password", ctx! {
        setup => false, token => q.token, action => "/app/reset", button => "Set password", email,
    })
    .await
}

#[derive(Deserialize)]
pub(crate) struct ResetForm {
    token: String,
    password: String,
}

pub(crate) async fn reset(State(app): State<App>, Form(form): Form<ResetForm>) -> Page {
    let Some(Some(person)) = app
        .store
        .one_time_link(&form.token, LinkPurpose::Reset)
        .await?
    else {
        return Err(ServerError::NotFound("this password link".into()));
    };
    let hash = auth::hash_password_async(&app, &form.password).await?;
    let mut w = app.store.write(&Actor::person(person)).await?;
    if !w.use_link(&form.token, LinkPurpose::Reset).await? {
        return Err(ServerError::NotFound("this password link".into()));
    }
    w.set_password_hash(person, Some(&hash)).await?;
    w.commit().await?;
    render(&app, None, "message.html", "", "Password set", ctx! {
        message => "Your password is set. Sign in with it now.", link => "/app/login", link_text => "Sign in",
    })
    .await
}

#[derive(Deserialize)]
pub(crate) struct PeopleQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: i64,
}

/// People a page of the list shows.
const PEOPLE_PAGE: i64 = 100;

pub(crate) async fn people(
    State(app): State<App>,
    viewer: Viewer,
    Query(query): Query<PeopleQuery>,
) -> Page {
    let scope = ops::scope_of(&app, &viewer).await?;
    let page = query.page.max(0);
    let (people, matching) = app
        .store
        .people_page(
            &scope,
            &query.q,
            rungs_store::Page {
                limit: PEOPLE_PAGE,
                offset: page.saturating_mul(PEOPLE_PAGE),
            },
        )
        .await?;
    let pages = (matching + PEOPLE_PAGE - 1) / PEOPLE_PAGE;
    let title = if viewer.person.role.sees_everyone() {
        "People"
    } else {
        "My team"
    };
    render(
        &app,
        Some(&viewer),
        "people.html",
        "people",
        title,
        ctx! { people, matching, pages, page, q => query.q.trim() },
    )
    .await
}

/// The person form's fields as posted.
#[derive(Deserialize)]
pub(crate) struct PersonForm {
    #[serde(default)]
    version: i64,
    name: String,
    email: String,
    #[serde(default)]
    job_title: String,
    #[serde(default)]
    team: String,
    #[serde(default)]
    manager_id: String,
    #[serde(default)]
    start_date: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    active: String,
}

impl PersonForm {
    fn fields(&self) -> Result<PersonFields, ServerError> {
        let manager_id = match self.manager_id.trim() {
            "" => None,
            m => Some(
                m.parse()
                    .map_err(|_| ServerError::Invalid(format!("`{m}` is not a person id")))?,
            ),
        };
        Ok(PersonFields {
            email: self.email.clone(),
            name: self.name.clone(),
            job_title: self.job_title.clone(),
            team: Some(self.team.clone()),
            manager_id,
            start_date: Some(self.start_date.clone()),
            active: self.active != "false",
            role: Role::parse(if self.role.is_empty() {
                "employee"
            } else {
                &self.role
            })
            .ok_or_else(|| ServerError::Invalid(format!("`{}` is not a role", self.role)))?,
        })
    }
}

async fn person_form(app: &App, viewer: &Viewer, id: Option<i64>, error: Option<String>) -> Page {
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
    let reasons: Vec<&str> = PlacementReason::ALL.iter().map(|r| r.as_str()).collect();
    // The manager choices, for those who edit (HR) only.
    let managers = if viewer.person.role.sees_everyone() {
        app.store
            .people()
            .await?
            .into_iter()
            .filter(|p| p.active && Some(p.id) != id)
            .collect::<Vec<_>>()
    } else {
        Vec::new()
    };
    match id {
        None => {
            crate::access::hr(viewer)?;
            render(
                app,
                Some(viewer),
                "person.html",
                "people",
                "Add a person",
                ctx! {
                    editable => true, action => "/app/people", roles, managers, error,
                },
            )
            .await
        }
        Some(id) => {
            let (view, reach) = ops::person(app, viewer, id).await?;
            let editable = reach == crate::access::Reach::Everyone;
            let can_export = matches!(
                reach,
                crate::access::Reach::Own | crate::access::Reach::Everyone
            );
            let managers = if editable { managers } else { Vec::new() };
            let title = view.person.name.clone();
            render(app, Some(viewer), "person.html", "people", &title, ctx! {
                person => view.person, placements => view.placements, level => view.level, editable, can_export,
                action => format!("/app/people/{id}"), roles, reasons, managers, levels => ops::levels(app), error,
            })
            .await
        }
    }
}

pub(crate) async fn new_person(State(app): State<App>, viewer: Viewer) -> Page {
    person_form(&app, &viewer, None, None).await
}

pub(crate) async fn person(State(app): State<App>, viewer: Viewer, Path(id): Path<i64>) -> Page {
    person_form(&app, &viewer, Some(id), None).await
}

/// A form error shows the form again with the message; other errors are pages.
pub(super) fn form_error(e: ServerError) -> Result<String, ServerError> {
    match e {
        ServerError::Invalid(m) | ServerError::Conflict(m) => Ok(m),
        other => Err(other),
    }
}

pub(crate) async fn create_person(
    State(app): State<App>,
    viewer: Viewer,
    Form(form): Form<PersonForm>,
) -> Page {
    match async { ops::create_person(&app, &viewer, form.fields()?).await }.await {
        Ok(p) => Ok(Redirect::to(&format!("/app/people/{}", p.id)).into_response()),
        Err(e) => person_form(&app, &viewer, None, Some(form_error(e)?)).await,
    }
}

pub(crate) async fn update_person(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<PersonForm>,
) -> Page {
    match async { ops::update_person(&app, &viewer, id, form.version, form.fields()?).await }.await
    {
        Ok(p) => Ok(Redirect::to(&format!("/app/people/{}", p.id)).into_response()),
        Err(e) => {
            let message = form_error(e)?;
            let page = person_form(&app, &viewer, Some(id), Some(message)).await?;
            Ok((axum::http::StatusCode::CONFLICT, page).into_response())
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct PlaceForm {
    level: String,
    #[serde(default)]
    from_date: String,
    reason: String,
    #[serde(default)]
    note: String,
}

/// `track/level` from a form's select.
pub(super) fn split_level(value: &str) -> Result<(&str, &str), ServerError> {
    value
        .split_once('/')
        .ok_or_else(|| ServerError::Invalid(format!("`{value}` is not a level (track/level)")))
}

pub(crate) async fn place(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
    Form(form): Form<PlaceForm>,
) -> Page {
    let (track, level) = split_level(&form.level)?;
    let new = NewPlacement {
        track: track.into(),
        level: level.into(),
        from_date: Some(form.from_date.trim().to_string()).filter(|d| !d.is_empty()),
        reason: PlacementReason::parse(&form.reason)
            .ok_or_else(|| ServerError::Invalid(format!("`{}` is not a reason", form.reason)))?,
        note: form.note,
    };
    ops::place(&app, &viewer, id, new).await?;
    Ok(Redirect::to(&format!("/app/people/{id}")).into_response())
}

pub(crate) async fn reset_link(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Page {
    let link = ops::reset_link(&app, &viewer, id).await?;
    render(&app, Some(&viewer), "message.html", "people", "Password link", ctx! {
        message => "Send this link to the person; it works once, for 24 hours. Anyone with it can set the password.",
        link, back => format!("/app/people/{id}"),
    })
    .await
}

pub(crate) async fn anonymise(State(app): State<App>, viewer: Viewer, Path(id): Path<i64>) -> Page {
    ops::anonymise(&app, &viewer, id).await?;
    render(
        &app,
        Some(&viewer),
        "message.html",
        "people",
        "Anonymised",
        message(
            "Anonymised",
            "Their name, email, title and notes are gone; their placements stay in the counts.",
        ),
    )
    .await
}

pub(crate) async fn unlink_identity(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Page {
    ops::unlink_identity(&app, &viewer, id).await?;
    Ok(Redirect::to(&format!("/app/people/{id}")).into_response())
}

pub(crate) async fn roster_page(State(app): State<App>, viewer: Viewer) -> Page {
    crate::access::hr(&viewer)?;
    render(
        &app,
        Some(&viewer),
        "roster.html",
        "roster",
        "Import a roster",
        ctx! {},
    )
    .await
}

pub(crate) async fn roster(State(app): State<App>, viewer: Viewer, mut form: Multipart) -> Page {
    crate::access::hr(&viewer)?;
    let (mut file, mut dry_run, mut deactivate) = (None, false, false);
    let mut mapping = crate::roster_csv::Mapping::default();
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| ServerError::Invalid(format!("the upload is malformed: {e}")))?
    {
        match field.name() {
            Some("file") => {
                file = Some(field.bytes().await.map_err(|e| {
                    ServerError::Invalid(format!("the upload failed or is over 20 MiB: {e}"))
                })?)
            }
            Some("dry_run") => dry_run = true,
            Some("deactivate_missing") => deactivate = true,
            Some(name) if name.starts_with("map_") => {
                let field_name = name.to_string();
                let value = field
                    .text()
                    .await
                    .map_err(|e| ServerError::Invalid(format!("the upload is malformed: {e}")))?;
                mapping.set(&field_name["map_".len()..], value)?;
            }
            _ => {}
        }
    }
    let file = file.ok_or_else(|| ServerError::Invalid("choose a CSV file".into()))?;
    let outcome = ops::import_roster(&app, &viewer, &file, &mapping, dry_run, deactivate).await?;
    let status = match outcome {
        ops::RosterOutcome::Refused { .. } => axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        ops::RosterOutcome::Planned { .. } => axum::http::StatusCode::OK,
    };
    let page = render(
        &app,
        Some(&viewer),
        "roster.html",
        "roster",
        "Import a roster",
        ctx! { outcome },
    )
    .await?;
    Ok((status, page).into_response())
}

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

async fn rollout_page(app: &App, viewer: &Viewer, q: &RolloutQuery, error: Option<String>) -> Page {
    let view = ops::rollout(app, viewer, None, &q.filter()?, q.page).await?;
    let pages = view.as_ref().map_or(0, |v| {
        (v.matching + ops::ROLLOUT_PAGE - 1) / ops::ROLLOUT_PAGE
    });
    let statuses: Vec<&str> = rungs_store::model::RolloutStatus::ALL
        .iter()
        .map(|s| s.as_str())
        .collect();
    render(
        app,
        Some(viewer),
        "rollout.html",
        "rollout",
        "Rollout",
        ctx! {
            view, levels => ops::levels(app), error, pages, statuses,
            page => q.page, team => q.team.trim(), status => q.status.trim(),
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
    match ops::open_rollout(&app, &viewer, &form.name).await {
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
) -> Page {
    ops::close_rollout(&app, &viewer, id).await?;
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
            let status = e.status();
            let page =
                rollout_page(app, viewer, &RolloutQuery::default(), Some(form_error(e)?)).await?;
            Ok((status, page).into_response())
        }
    }
}

pub(crate) async fn propose(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, person)): Path<(i64, i64)>,
    Form(form): Form<EntryForm>,
) -> Page {
    let level = split_level(&form.level)?;
    let result = ops::propose(&app, &viewer, id, person, form.version, level, &form.note).await;
    after_entry(&app, &viewer, result, "/app/rollout").await
}

pub(crate) async fn confirm(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, person)): Path<(i64, i64)>,
    Form(form): Form<EntryForm>,
) -> Page {
    let result = ops::confirm(&app, &viewer, id, person, form.version).await;
    after_entry(&app, &viewer, result, "/app/rollout").await
}

pub(crate) async fn acknowledge(
    State(app): State<App>,
    viewer: Viewer,
    Path((id, person)): Path<(i64, i64)>,
    Form(form): Form<EntryForm>,
) -> Page {
    ops::acknowledge(&app, &viewer, id, person, form.version, &form.note).await?;
    Ok(Redirect::to("/app").into_response())
}

#[derive(Deserialize)]
pub(crate) struct AuditQuery {
    before: Option<i64>,
}

pub(crate) async fn audit(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<AuditQuery>,
) -> Page {
    let entries = ops::audit(&app, &viewer, q.before, 100).await?;
    let verification = ops::verify(&app, &viewer).await?;
    let more = entries
        .last()
        .filter(|e| e.seq > 1 && entries.len() == 100)
        .map(|e| e.seq);
    render(
        &app,
        Some(&viewer),
        "audit.html",
        "audit",
        "Audit log",
        ctx! { entries, verification, more },
    )
    .await
}

pub(crate) async fn framework(State(app): State<App>, viewer: Viewer) -> Page {
    crate::access::admin(&viewer)?;
    framework_page(&app, &viewer, None).await
}

async fn framework_page(app: &App, viewer: &Viewer, errors: Option<Vec<String>>) -> Page {
    let revisions = app.store.revisions().await?;
    let revision = app.ladder().revision.clone();
    render(
        app,
        Some(viewer),
        "framework.html",
        "framework",
        "Framework",
        ctx! { revision, revisions, errors },
    )
    .await
}

pub(crate) async fn reload(State(app): State<App>, viewer: Viewer) -> Page {
    match ops::reload(&app, &viewer).await? {
        Ok(_) => Ok(Redirect::to("/app/framework").into_response()),
        Err(errors) => {
            let page = framework_page(&app, &viewer, Some(errors)).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

pub(crate) async fn tokens(State(app): State<App>, viewer: Viewer) -> Page {
    let tokens = ops::tokens(&app, &viewer).await?;
    render(
        &app,
        Some(&viewer),
        "tokens.html",
        "tokens",
        "API tokens",
        ctx! { tokens },
    )
    .await
}

#[derive(Deserialize)]
pub(crate) struct TokenForm {
    name: String,
    scope: String,
}

pub(crate) async fn create_token(
    State(app): State<App>,
    viewer: Viewer,
    Form(form): Form<TokenForm>,
) -> Page {
    let scope = TokenScope::parse(&form.scope)
        .ok_or_else(|| ServerError::Invalid(format!("`{}` is not a scope", form.scope)))?;
    let (_, secret) = ops::create_token(&app, &viewer, &form.name, scope).await?;
    let tokens = ops::tokens(&app, &viewer).await?;
    render(
        &app,
        Some(&viewer),
        "tokens.html",
        "tokens",
        "API tokens",
        ctx! { tokens, secret },
    )
    .await
}

pub(crate) async fn revoke_token(
    State(app): State<App>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Page {
    ops::revoke_token(&app, &viewer, id).await?;
    Ok(Redirect::to("/app/tokens").into_response())
}
