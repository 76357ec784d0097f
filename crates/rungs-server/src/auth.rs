//! Who is asking, and may they change things.
//!
//! A request is signed in by a session cookie (browsers) or an
//! `Authorization: Bearer` API token (scripts). Every state-changing request
//! made with a cookie must carry the session's CSRF token (a form field
//! `csrf`, in a plain or a multipart form, or the `X-CSRF-Token` header;
//! never the URL, which ends up in logs and `Referer` headers) and, when
//! the browser says where it comes from, come from this site. Tokens carry no cookie, so they need no
//! CSRF token; a `read` token can only read.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::body::{Body, to_bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use rungs_store::model::{Person, Session, TokenScope};
use rungs_store::{Actor, hash_secret};

use crate::error::ServerError;
use crate::state::App;

/// The session cookie's name.
pub(crate) const COOKIE: &str = "rungs_session";

/// The most a form body may be (uploads have their own limit).
const FORM_LIMIT: usize = 64 * 1024;

/// How a request is signed in.
#[derive(Debug, Clone)]
pub enum Via {
    /// A browser session; forms carry its CSRF token.
    Session {
        /// The session's CSRF token, for the forms a page renders.
        csrf: String,
    },
    /// An API token.
    Token {
        /// Its id, for the audit log.
        id: i64,
        /// What it may do.
        scope: TokenScope,
    },
}

/// The signed-in person making a request.
#[derive(Debug, Clone)]
pub struct Viewer {
    /// Who.
    pub person: Person,
    /// How.
    pub via: Via,
    /// Whether anyone reports to them, active or not (known for sessions;
    /// asked for tokens, which render no pages).
    pub manages: bool,
}

impl Viewer {
    /// How the audit log names this viewer.
    pub fn actor(&self) -> Actor {
        match self.via {
            Via::Session { .. } => Actor::person(self.person.id),
            Via::Token { id, .. } => Actor::token(self.person.id, id),
        }
    }

    /// The CSRF token forms must carry (empty for token requests).
    pub fn csrf(&self) -> &str {
        match &self.via {
            Via::Session { csrf } => csrf,
            Via::Token { .. } => "",
        }
    }
}

/// The viewer if signed in; handlers that need one use [`Viewer`] itself.
#[derive(Debug, Clone)]
pub struct MaybeViewer(pub Option<Viewer>);

/// The answer to a request that needs a viewer and has none: 401 for the
/// API, the sign-in page for pages.
pub struct NotSignedIn {
    api: bool,
}

impl axum::response::IntoResponse for NotSignedIn {
    fn into_response(self) -> Response {
        if self.api {
            crate::web::error_response(&ServerError::Unauthenticated, true)
        } else {
            axum::response::Redirect::to("/app/login").into_response()
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = NotSignedIn;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let api = parts.uri.path().starts_with("/api/");
        parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .ok_or(NotSignedIn { api })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for MaybeViewer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybeViewer(parts.extensions.get::<Viewer>().cloned()))
    }
}

/// The session cookie's secret, if the request has one.
pub(crate) fn session_cookie(headers: &HeaderMap) -> Option<String> {
    cookie(headers, COOKIE)
}

/// A cookie of ours: a 64-digit hex secret, or nothing.
pub(crate) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.to_string())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// Resolves the viewer, enforces CSRF and token scopes. Runs before every
/// handler.
pub(crate) async fn authenticate(State(app): State<App>, request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let scim = crate::scim::is_scim(request.uri().path());
    let changes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    match authenticate_inner(&app, request).await {
        Ok(request) => {
            let lang = crate::web::language(&app, request.extensions().get::<Viewer>());
            let response = next.run(request).await;
            // An error page is written before anyone asks who reads it.
            let response = crate::web::error_page::in_language(response, lang);
            if changes {
                // After the change is committed: the next home page shows
                // its effect, not a list kept from before.
                app.todo.clear();
            }
            response
        }
        Err(e) if scim => crate::scim::error_response(&e),
        Err(e) if api => crate::web::error_response(&e, true),
        Err(e) => {
            e.log();
            // Nobody is known yet: the organisation's language.
            crate::web::error_page::ErrorWords::of(&e).page(crate::web::language(&app, None))
        }
    }
}

async fn authenticate_inner(app: &App, mut request: Request) -> Result<Request, ServerError> {
    let unsafe_method = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if let Some(secret) = bearer(request.headers()) {
        let Some((token, person)) = app.store.api_token(secret).await? else {
            return Err(ServerError::Unauthenticated);
        };
        if !crate::access::token_allows(token.scope, !unsafe_method, request.uri().path()) {
            return Err(ServerError::Forbidden);
        }
        request.extensions_mut().insert(Viewer {
            person,
            via: Via::Token {
                id: token.id,
                scope: token.scope,
            },
            manages: false,
        });
        return Ok(request);
    }
    let session = match session_cookie(request.headers()) {
        Some(secret) => app.store.session(&secret).await?,
        None => None,
    };
    if unsafe_method {
        same_origin(request.headers(), &app.config.base())?;
    }
    let Some((Session { csrf, manages, .. }, person)) = session else {
        return Ok(request);
    };
    if unsafe_method {
        let (parts, body) = request.into_parts();
        let (given, body) = csrf_token(&parts, body).await?;
        if given.is_none_or(|g| hash_secret(&g) != hash_secret(&csrf)) {
            return Err(ServerError::Invalid(
                "this form is out of date or did not come from this site (missing or wrong CSRF token): reload the page and try again".into(),
            ));
        }
        request = Request::from_parts(parts, body);
    }
    request.extensions_mut().insert(Viewer {
        person,
        via: Via::Session { csrf },
        manages,
    });
    Ok(request)
}

/// Refuses a state-changing request that a browser says came from another
/// site.
fn same_origin(headers: &HeaderMap, base: &str) -> Result<(), ServerError> {
    let cross = |what: &str| {
        Err(ServerError::Invalid(format!(
            "refused: this request came from another site ({what})"
        )))
    };
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return cross(site);
    }
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let own = origin == base
            || origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"))
                == Some(host);
        if !own {
            return cross(origin);
        }
    }
    Ok(())
}

/// The CSRF token of a request: the header, or the `csrf` field of a form
/// body, plain or multipart (buffered, then handed on). Never the query
/// string: a token in a URL is kept in logs and history.
async fn csrf_token(parts: &Parts, body: Body) -> Result<(Option<String>, Body), ServerError> {
    if let Some(v) = parts
        .headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
    {
        return Ok((Some(v.to_string()), body));
    }
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if content_type.starts_with("multipart/form-data") {
        let bytes = to_bytes(body, crate::routes::UPLOAD_LIMIT)
            .await
            .map_err(|_| {
                ServerError::invalid(
                    "form-upload-too-large",
                    vec![(
                        "mib",
                        (crate::routes::UPLOAD_LIMIT / (1024 * 1024)).to_string(),
                    )],
                )
            })?;
        let token = multipart_field(content_type, bytes.clone(), "csrf").await;
        return Ok((token, Body::from(bytes)));
    }
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return Ok((None, body));
    }
    let bytes = to_bytes(body, FORM_LIMIT).await.map_err(|_| {
        ServerError::invalid(
            "form-too-large",
            vec![("kib", (FORM_LIMIT / 1024).to_string())],
        )
    })?;
    let token = form_field(&bytes, "csrf");
    Ok((token, Body::from(bytes)))
}

/// The text of the first field `name` of a multipart body (at most a few
/// hundred bytes are read: a CSRF token is 64).
async fn multipart_field(
    content_type: &str,
    bytes: axum::body::Bytes,
    name: &str,
) -> Option<String> {
    use axum::extract::FromRequest as _;
    let request = axum::http::Request::builder()
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(bytes))
        .ok()?;
    let mut form = axum::extract::Multipart::from_request(request, &())
        .await
        .ok()?;
    while let Ok(Some(mut field)) = form.next_field().await {
        if field.name() == Some(name) {
            let mut value = Vec::new();
            while let Ok(Some(chunk)) = field.chunk().await {
                value.extend_from_slice(&chunk);
                if value.len() > 256 {
                    return None;
                }
            }
            return String::from_utf8(value).ok();
        }
    }
    None
}

fn form_field(body: &[u8], name: &str) -> Option<String> {
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(body).ok()?;
    fields.into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// At most this many Argon2 computations at once (each takes tens of
/// milliseconds of CPU and 19 MiB): more wait their turn instead of
/// starving every other request.
pub(crate) const ARGON2_AT_ONCE: usize = 2;

/// Hashes a password off the async workers, within [`ARGON2_AT_ONCE`].
pub(crate) async fn hash_password_async(app: &App, password: &str) -> Result<String, ServerError> {
    check_password_rules(password)?;
    let _permit = app
        .argon2
        .acquire()
        .await
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    let password = password.to_string();
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| ServerError::Internal(e.to_string()))?
}

/// Checks a password off the async workers, within [`ARGON2_AT_ONCE`]. With
/// no stored hash, checks against a dummy one, so an unknown email takes as
/// long as a wrong password.
pub(crate) async fn verify_password_async(
    app: &App,
    password: &str,
    stored: Option<String>,
) -> Result<bool, ServerError> {
    if password.len() > 1024 {
        return Ok(false);
    }
    let _permit = app
        .argon2
        .acquire()
        .await
        .map_err(|e| ServerError::Internal(e.to_string()))?;
    let password = password.to_string();
    tokio::task::spawn_blocking(move || match stored {
        Some(hash) => verify_password(&password, &hash),
        None => {
            let _ = verify_password(&password, DUMMY_HASH);
            false
        }
    })
    .await
    .map_err(|e| ServerError::Internal(e.to_string()))
}

/// A valid Argon2id hash of a random password, checked against when the
/// email is unknown.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Zl3CkqMHDPmIA8bkKNbH3JkpLO4ZqSy2jt0KNB6fbSE";

/// Hashes a password with Argon2id and a random salt.
fn hash_password(password: &str) -> Result<String, ServerError> {
    check_password_rules(password)?;
    // A random salt from the operating system (the `getrandom` feature).
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| ServerError::Internal(format!("hashing failed: {e}")))
}

/// Whether `password` matches the stored hash.
fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// Long enough to resist guessing; short enough not to be a denial of
/// service through hashing.
pub(crate) fn check_password_rules(password: &str) -> Result<(), ServerError> {
    let n = password.chars().count();
    if n < 12 {
        return Err(ServerError::Invalid(
            "a password needs at least 12 characters".into(),
        ));
    }
    if password.len() > 1024 {
        return Err(ServerError::Invalid(
            "a password can have at most 1,024 bytes".into(),
        ));
    }
    Ok(())
}

/// Counts sign-in attempts per email (5 in 15 minutes) and per client
/// address (50 in 15 minutes: an office behind one address signs in from
/// it). An attempt is counted before the password is checked, so attempts
/// sent at the same moment all count; a successful one is then forgiven:
/// for the email, all its attempts; for the address, that one attempt.
#[derive(Default)]
pub(crate) struct RateLimiter {
    attempts: Mutex<HashMap<String, Vec<Instant>>>,
}

const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Attempts per email in the window.
pub(crate) const PER_EMAIL: usize = 5;
/// Attempts per client address in the window.
pub(crate) const PER_ADDRESS: usize = 50;

impl RateLimiter {
    /// Counts an attempt for each `(key, limit)`, and says whether it may go
    /// ahead: false (and nothing counted) when a key is at its limit.
    pub(crate) fn attempt(&self, keys: &[(&str, usize)]) -> bool {
        let Ok(mut map) = self.attempts.lock() else {
            return false;
        };
        let now = Instant::now();
        // Old entries go, so the map cannot grow without bound.
        if map.len() > 100_000 {
            map.retain(|_, v| v.iter().any(|t| now.duration_since(*t) < WINDOW));
        }
        let over = keys.iter().any(|(k, limit)| {
            map.get_mut(*k).is_some_and(|v| {
                v.retain(|t| now.duration_since(*t) < WINDOW);
                v.len() >= *limit
            })
        });
        if !over {
            for (k, _) in keys {
                map.entry((*k).to_string()).or_default().push(now);
            }
        }
        !over
    }

    /// Forgives a successful attempt: every attempt on the account, and
    /// this one attempt from the address.
    pub(crate) fn succeeded(&self, email_key: &str, address_key: &str) {
        if let Ok(mut map) = self.attempts.lock() {
            map.remove(email_key);
            if let Some(v) = map.get_mut(address_key) {
                v.pop();
            }
        }
    }
}

/// The `Set-Cookie` value for a new session.
pub(crate) fn session_cookie_header(app: &App, secret: &str) -> String {
    let secure = if app.config.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{COOKIE}={secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        app.config.session_hours * 3600
    )
}

/// The `Set-Cookie` value that ends a session in the browser.
pub(crate) fn clear_cookie_header(app: &App) -> String {
    let secure = if app.config.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}
