//! What every page and API handler shares: the template context macro,
//! rendering a page with what every page needs, form errors, uploads, and
//! errors as responses (a short page, or JSON for the API).
//!
//! The convention of the domain modules (`account`, `people`, `rollout`,
//! `assessments`, `growth`, `team`, `admin`): `mod.rs` holds the
//! operations, each taking the capability [`crate::access`] gave for it,
//! and `routes()`, the module's part of the route table; `pages.rs` holds
//! the HTML handlers and `api.rs` the JSON handlers, which only translate
//! forms and JSON.

//! The route table: the published site at `/`, the people app at `/app`,
//! the API at `/api/v1`. [`route_table`] lists every route, so the
//! permission tests can check that none is left out.

/// A template context from `key => value` pairs (or `key` for a variable of
/// that name); values are anything serde can serialise.
macro_rules! ctx {
    ($($key:ident $(=> $value:expr)?),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut map = std::collections::BTreeMap::<&'static str, minijinja::Value>::new();
        $( map.insert(stringify!($key), minijinja::Value::from(minijinja::value::Serde(ctx!(@v $key $(, $value)?)))); )*
        minijinja::Value::from(map)
    }};
    (@v $key:ident) => { &$key };
    (@v $key:ident, $value:expr) => { &$value };
}

pub(crate) mod confirm;
pub(crate) mod error_page;
pub(crate) mod prose;
mod site;

pub(crate) use site::{app_css, site};

use axum::extract::Multipart;
use axum::response::{IntoResponse, Response};
use minijinja::context;

use crate::access::Powers;
use crate::auth::Viewer;
use crate::error::ServerError;
use crate::state::App;

/// What a page handler returns.
pub(crate) type Page = Result<Response, ServerError>;

/// What an API handler returns.
pub(crate) type Api<T> = Result<axum::Json<T>, ApiError>;

/// Renders a page with what every page needs (the viewer, their powers,
/// the CSRF token, the site's title).
pub(crate) async fn render(
    app: &App,
    viewer: Option<&Viewer>,
    template: &str,
    nav: &str,
    title: &str,
    extra: minijinja::Value,
) -> Page {
    let powers = Powers::of(viewer);
    let ladder = app.ladder();
    let lang = language(app, viewer);
    let base = ctx! {
        lang,
        // The language of the ladder's own words, for the original beside
        // a translation: English, as the website takes it to be.
        source_lang => crate::i18n::SOURCE_LANGUAGE,
        viewer => viewer.map(|v| v.person.clone()),
        csrf => viewer.map_or("", |v| v.csrf()),
        is_hr => powers.is_hr, is_admin => powers.is_admin, can_team => powers.can_team, nav, title,
        site_title => ladder.framework.title.clone(),
        oidc_name => app.oidc_name(),
    };
    let html = ladder
        .views
        .render(template, context! { ..extra, ..base })?;
    Ok(html.into_response())
}

/// The language of the viewer's pages: theirs if they chose one, else the
/// organisation's (a page nobody is signed in to is in the organisation's).
pub(crate) fn language(app: &App, viewer: Option<&Viewer>) -> &'static str {
    crate::i18n::language_of(
        viewer.and_then(|v| v.person.language.as_deref()),
        &app.ladder().language,
    )
}

/// The menu item a page about a person belongs to: "My growth" for the
/// viewer's own pages, "People" for someone else's (reached from the list
/// of the people they manage or, for HR, of everyone).
pub(crate) fn person_nav(viewer: &Viewer, person: i64) -> &'static str {
    if viewer.person.id == person {
        "growth"
    } else {
        "people"
    }
}

pub(crate) fn message(title: &str, text: &str) -> minijinja::Value {
    ctx! { message => text, title }
}

/// Why a form was refused, shown with the form again: the page says it
/// with `{{ error | said }}`, in the page's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FormError {
    /// An English sentence: one of [`crate::i18n::FORM_ERRORS`], which
    /// the page says in its language, or else shown as it is.
    Text(String),
    /// A catalogue message with its values.
    Words(rungs_store::Words),
}

impl From<String> for FormError {
    fn from(text: String) -> Self {
        FormError::Text(text)
    }
}

impl From<&str> for FormError {
    fn from(text: &str) -> Self {
        FormError::Text(text.to_string())
    }
}

/// How a [`FormError::Words`] reaches a template (page contexts are built
/// through JSON, so it must be plain data): its message id under this key,
/// its values under [`SAID_ARGS`], by name.
const SAID_ID: &str = "said";
/// See [`SAID_ID`].
const SAID_ARGS: &str = "args";

impl FormError {
    /// The message id and values of a template value made from a
    /// [`FormError::Words`], if it is one.
    pub(crate) fn words_of(value: &minijinja::Value) -> Option<(String, Vec<(String, String)>)> {
        let id = value.get_attr(SAID_ID).ok()?.as_str()?.to_string();
        let args = value.get_attr(SAID_ARGS).ok()?;
        let args = args
            .try_iter()
            .ok()?
            .filter_map(|name| {
                let v = args.get_item(&name).ok()?;
                Some((name.as_str()?.to_string(), v.as_str()?.to_string()))
            })
            .collect();
        Some((id, args))
    }
}

impl serde::Serialize for FormError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            FormError::Text(text) => serializer.serialize_str(text),
            FormError::Words(words) => {
                let args: std::collections::BTreeMap<&str, &str> = words
                    .args
                    .iter()
                    .map(|(name, value)| (*name, value.as_str()))
                    .collect();
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry(SAID_ID, words.id)?;
                map.serialize_entry(SAID_ARGS, &args)?;
                map.end()
            }
        }
    }
}

/// A form error shows the form again with the message; other errors are pages.
pub(crate) fn form_error(e: ServerError) -> Result<FormError, ServerError> {
    match e {
        ServerError::Invalid(m) | ServerError::Conflict(m) => Ok(FormError::Text(m)),
        ServerError::Refused { words, .. } => Ok(FormError::Words(words)),
        other => Err(other),
    }
}

/// A form that failed, shown again: an input error (invalid, conflict) is
/// the form's page rendered by `page` with the message, under the error's
/// status; any other error stays an error page.
pub(crate) async fn form_failed<F, P>(e: ServerError, page: F) -> Page
where
    F: FnOnce(FormError) -> P,
    P: Future<Output = Page>,
{
    let status = e.status();
    let shown = page(form_error(e)?).await?;
    Ok((status, shown).into_response())
}

/// `track/level` from a form's select.
pub(crate) fn split_level(value: &str) -> Result<(&str, &str), ServerError> {
    value
        .split_once('/')
        .ok_or_else(|| ServerError::Invalid(format!("`{value}` is not a level (track/level)")))
}

/// Reads the `file` field of an upload.
pub(crate) async fn upload(mut form: Multipart) -> Result<Vec<u8>, ServerError> {
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| ServerError::Invalid(format!("the upload is malformed: {e}")))?
    {
        if field.name() == Some("file") {
            return Ok(field
                .bytes()
                .await
                .map_err(|e| ServerError::Invalid(format!("the upload failed: {e}")))?
                .to_vec());
        }
    }
    Err(ServerError::Invalid("choose a file to import".into()))
}

/// An error as a response: JSON for the API, a short page otherwise (in
/// English here; the middleware says it in the viewer's language).
pub(crate) fn error_response(e: &ServerError, json: bool) -> Response {
    e.log();
    if json {
        return (
            e.status(),
            axum::Json(serde_json::json!({"error": e.to_string()})),
        )
            .into_response();
    }
    error_page::ErrorWords::of(e).page(crate::i18n::DEFAULT_LANGUAGE)
}

/// Errors from API handlers are JSON.
pub(crate) struct ApiError(pub ServerError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error_response(&self.0, true)
    }
}

impl<E: Into<ServerError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

/// Errors from page handlers: a short page, or the sign-in page when the
/// viewer is not signed in.
impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        match self {
            ServerError::Unauthenticated => {
                axum::response::Redirect::to("/app/login").into_response()
            }
            e => error_response(&e, false),
        }
    }
}
