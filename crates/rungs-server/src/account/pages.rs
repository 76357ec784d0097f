//! Pages of signing in and out, setup and password links, API tokens.

use axum::Form;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

use rungs_store::Actor;
use rungs_store::model::{LinkPurpose, TokenScope};

use crate::access;
use crate::auth::{self, MaybeViewer, Viewer};
use crate::error::ServerError;
use crate::phrase::Phrase;
use crate::state::App;
use crate::web::confirm::{self, Confirmation, Confirmed};
use crate::web::{Page, render};

#[derive(Deserialize)]
pub(crate) struct NextQuery {
    #[serde(default)]
    next: String,
}

/// The longest `next` (where to go after signing in) accepted: paths of
/// the app are far shorter, and it is stored while a sign-in through the
/// identity provider is under way.
pub(crate) const NEXT_LIMIT: usize = 1024;

/// Where to go after signing in: a path inside the app; anything else
/// (another site, `//host`, a backslash) is the app's home. A value no
/// page of ours sends (over [`NEXT_LIMIT`] bytes, or with a control
/// character such as CR or LF, which would end the `Location` header) is
/// refused before anything happens, so nothing is stored and no cookie
/// set.
pub(crate) fn safe_next(next: &str) -> Result<String, ServerError> {
    if next.len() > NEXT_LIMIT {
        return Err(ServerError::BadRequest(format!(
            "`next` is longer than {NEXT_LIMIT} bytes"
        )));
    }
    if next.chars().any(char::is_control) {
        return Err(ServerError::BadRequest(
            "`next` has a control character (a line break?)".into(),
        ));
    }
    Ok(
        if next.starts_with("/app") && !next.starts_with("//") && !next.contains('\\') {
            next.to_string()
        } else {
            "/app".into()
        },
    )
}

pub(crate) async fn login_page(
    State(app): State<App>,
    MaybeViewer(viewer): MaybeViewer,
    Query(q): Query<NextQuery>,
) -> Page {
    let next = safe_next(&q.next)?;
    if viewer.is_some() {
        return Ok(Redirect::to(&next).into_response());
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
    // Checked before anything happens: a refused `next` sets no cookie.
    let next = safe_next(&form.next)?;
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
        let page = render(
            &app,
            None,
            "login.html",
            "",
            "Sign in",
            ctx! {
                next => form.next, email => email, error => "login-failed",
            },
        )
        .await?;
        return Ok((axum::http::StatusCode::UNAUTHORIZED, page).into_response());
    };
    // The address keeps its failures: an attacker signing in to an account
    // of their own does not wipe them.
    app.limiter.succeeded(&email_key, &address_key);
    signed_in(&app, id, &next).await
}

/// Starts a session for `person` and sends the browser on to `next` with
/// its cookie.
async fn signed_in(app: &App, person: i64, next: &str) -> Page {
    let (secret, _) = app
        .store
        .create_session(person, app.config.session_hours * 3600)
        .await?;
    Ok((
        [(
            header::SET_COOKIE,
            auth::session_cookie_header(app, &secret),
        )],
        Redirect::to(next),
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
        let next = safe_next(&q.next)?;
        let (url, browser) = provider.start(&app, &next).await?;
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
        // The provider's own words are logged as quoted fields, never as
        // the message, and not shown: anyone can put text in this URL. They
        // are cut short, and characters that could fake a line or colour a
        // terminal are escaped, whatever the log's format.
        tracing::warn!(
            error = crate::oidc::loggable(error, 64).as_str(),
            description =
                crate::oidc::loggable(q.error_description.as_deref().unwrap_or(""), 256).as_str(),
            "sign-in refused by the provider"
        );
        return Err(ServerError::Invalid(format!(
            "{} refused the sign-in; try again, or ask your administrator",
            provider.name()
        )));
    }
    let (person, next) = provider.finish(&app, &q.code, &q.state, &browser).await?;
    signed_in(&app, person, &safe_next(&next)?).await
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
    signed_in(&app, admin.id, "/app").await
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
    // Nobody is signed in yet: the organisation's language.
    let words = crate::i18n::messages(crate::web::language(&app, None));
    render(&app, None, "message.html", "", &words.get("password-is-set-title"), ctx! {
        message => words.get("password-is-set"), link => "/app/login", link_text => words.get("login-button"),
    })
    .await
}

/// An invitation's link: the person chooses a password and is signed in.
/// The link is a password link (made for 7 days), so an invitation and a
/// password link replace each other.
pub(crate) async fn join_page(State(app): State<App>, Query(q): Query<TokenQuery>) -> Page {
    let Some(Some(person)) = app
        .store
        .one_time_link(&q.token, LinkPurpose::Reset)
        .await?
    else {
        return Err(ServerError::NotFound(
            "this invitation (it was used, replaced by a newer one, or is older than 7 days; ask for a new one)".into(),
        ));
    };
    let p = app
        .store
        .person(person)
        .await?
        .ok_or_else(|| ServerError::NotFound("this invitation".into()))?;
    render(
        &app,
        None,
        "password.html",
        "",
        "Join",
        ctx! {
            setup => false, join => true, name => p.name, token => q.token, action => "/app/join",
            button => "Join", email => p.email,
        },
    )
    .await
}

pub(crate) async fn join(State(app): State<App>, Form(form): Form<ResetForm>) -> Page {
    let Some(Some(person)) = app
        .store
        .one_time_link(&form.token, LinkPurpose::Reset)
        .await?
    else {
        return Err(ServerError::NotFound("this invitation".into()));
    };
    let hash = match auth::hash_password_async(&app, &form.password).await {
        Ok(h) => h,
        Err(e) => {
            let email = app
                .store
                .person(person)
                .await?
                .map(|p| p.email)
                .unwrap_or_default();
            return render(
                &app,
                None,
                "password.html",
                "",
                "Join",
                ctx! {
                    setup => false, join => true, token => form.token, action => "/app/join",
                    button => "Join", email, error => e.to_string(),
                },
            )
            .await;
        }
    };
    let mut w = app.store.write(&Actor::person(person)).await?;
    if !w.use_link(&form.token, LinkPurpose::Reset).await? {
        return Err(ServerError::NotFound("this invitation".into()));
    }
    w.set_password_hash(person, Some(&hash)).await?;
    w.commit().await?;
    signed_in(&app, person, "/app").await
}

#[derive(Deserialize)]
pub(crate) struct SavedQuery {
    #[serde(default)]
    saved: bool,
}

/// The viewer's account: how they hear of what waits for them.
pub(crate) async fn account(
    State(app): State<App>,
    viewer: Viewer,
    Query(q): Query<SavedQuery>,
) -> Page {
    let mode = crate::todo::mode(&app, &access::own(&viewer)).await?;
    render(
        &app,
        Some(&viewer),
        "account.html",
        "account",
        "Your account",
        ctx! {
            mode => mode.as_str(), email => app.mailer.is_some(), saved => q.saved,
            languages => super::languages(),
            chosen_language => viewer.person.language.clone(),
            organisation_language => super::language_name(&app.ladder().language),
        },
    )
    .await
}

/// The account page's forms: one sets how the viewer hears of what waits,
/// the other the language of the app.
#[derive(Deserialize)]
pub(crate) struct AccountForm {
    notify: Option<String>,
    language: Option<String>,
}

pub(crate) async fn save_account(
    State(app): State<App>,
    viewer: Viewer,
    Form(form): Form<AccountForm>,
) -> Page {
    let own = access::own(&viewer);
    if let Some(language) = &form.language {
        super::set_language(&app, &own, Some(language)).await?;
    }
    if let Some(notify) = &form.notify {
        let mode = rungs_store::NotifyMode::parse(notify).ok_or_else(|| {
            ServerError::Invalid(format!("`{notify}` is not a choice: event, digest or off"))
        })?;
        crate::todo::set_mode(&app, &own, mode).await?;
    }
    if form.language.is_none() && form.notify.is_none() {
        return Err(ServerError::Invalid(
            "choose a language or how to hear of what waits for you".into(),
        ));
    }
    Ok(Redirect::to("/app/account?saved=true").into_response())
}

pub(crate) async fn tokens(State(app): State<App>, viewer: Viewer) -> Page {
    let tokens = super::tokens(&app, &access::own(&viewer)).await?;
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
    // A provisioning token creates and deactivates people: an
    // administrator's to make.
    if scope == TokenScope::Scim {
        access::admin(&viewer)?;
    }
    let (_, secret) =
        super::create_token(&app, &access::new_token(&viewer)?, &form.name, scope).await?;
    let tokens = super::tokens(&app, &access::own(&viewer)).await?;
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
    Form(confirmed): Form<Confirmed>,
) -> Page {
    let own = access::own(&viewer);
    if !confirmed.yes() {
        let token = app
            .store
            .api_tokens(viewer.person.id)
            .await?
            .into_iter()
            .find(|t| t.id == id && t.revoked_at.is_none())
            .ok_or_else(|| ServerError::NotFound(format!("token {id}")))?;
        let name = &token.name;
        return confirm::ask(
            &app,
            &viewer,
            Confirmation {
                nav: "tokens",
                title: Phrase::new("tokens-revoke-question").text("name", name),
                consequences: vec![
                    Phrase::new("tokens-revoke-consequences")
                        .text("name", name)
                        .text("scope", token.scope.as_str()),
                ],
                action: format!("/app/tokens/{id}/revoke"),
                button: Phrase::new("tokens-revoke").text("name", name),
                back: "/app/tokens".into(),
                fields: Vec::new(),
            },
        )
        .await;
    }
    super::revoke_token(&app, &own, id).await?;
    Ok(Redirect::to("/app/tokens").into_response())
}
