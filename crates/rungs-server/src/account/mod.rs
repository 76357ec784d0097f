//! The viewer's account: signing in (password, identity provider), the
//! first administrator's setup link, password links, joining through an
//! invitation, signing out, the account page (how to hear of what waits)
//! and API tokens, the language the app speaks to them.

pub(crate) mod api;
mod pages;

use rungs_store::model::{ApiToken, TokenScope};

use crate::access::SignedIn;
use crate::error::ServerError;
use axum::routing::{MethodRouter, get, post, put};

use crate::state::App;

type Result<T> = std::result::Result<T, ServerError>;

/// The account's routes.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<App>)> {
    vec![
        (
            "/app/login",
            get(pages::login_page)
                .post(pages::login)
                .layer(crate::routes::small_forms()),
        ),
        ("/app/logout", post(pages::logout)),
        ("/app/oidc/start", get(pages::oidc_start)),
        ("/app/oidc/callback", get(pages::oidc_callback)),
        (
            "/app/setup",
            get(pages::setup_page)
                .post(pages::setup)
                .layer(crate::routes::small_forms()),
        ),
        (
            "/app/reset",
            get(pages::reset_page)
                .post(pages::reset)
                .layer(crate::routes::small_forms()),
        ),
        (
            "/app/join",
            get(pages::join_page)
                .post(pages::join)
                .layer(crate::routes::small_forms()),
        ),
        (
            "/app/account",
            get(pages::account).post(pages::save_account),
        ),
        ("/api/v1/me/language", put(api::set_language)),
        ("/app/tokens", get(pages::tokens).post(pages::create_token)),
        ("/app/tokens/{id}/revoke", post(pages::revoke_token)),
    ]
}

/// The viewer's API tokens.
pub(crate) async fn tokens(app: &App, own: &SignedIn<'_>) -> Result<Vec<ApiToken>> {
    Ok(app.store.api_tokens(own.viewer().person.id).await?)
}

/// Creates an API token for the viewer: the listing and the secret (shown once).
pub(crate) async fn create_token(
    app: &App,
    maker: &SignedIn<'_>,
    name: &str,
    scope: TokenScope,
) -> Result<(ApiToken, String)> {
    let viewer = maker.viewer();
    let mut w = app.store.write(&viewer.actor()).await?;
    let made = w.create_token(viewer.person.id, name, scope).await?;
    w.commit().await?;
    Ok(made)
}

/// Revokes one of the viewer's tokens.
pub(crate) async fn revoke_token(app: &App, own: &SignedIn<'_>, id: i64) -> Result<()> {
    let viewer = own.viewer();
    let mut w = app.store.write(&viewer.actor()).await?;
    w.revoke_token(viewer.person.id, id).await?;
    w.commit().await?;
    Ok(())
}

/// A language as the account page offers it.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct LanguageChoice {
    /// The code (`de`).
    pub code: &'static str,
    /// Its name in itself (`Deutsch`).
    pub name: &'static str,
}

/// The languages the app is written in.
pub(crate) fn languages() -> Vec<LanguageChoice> {
    crate::i18n::LANGUAGES
        .iter()
        .map(|(code, name, _)| LanguageChoice { code, name })
        .collect()
}

/// The name of a language the app is written in, in itself; the code for
/// another.
pub(crate) fn language_name(code: &str) -> String {
    crate::i18n::LANGUAGES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or_else(|| code.to_string(), |(_, name, _)| name.to_string())
}

/// Sets (a code) or clears (`None`, or an empty code) the language the app
/// speaks to the viewer. A language the app is not written in is refused,
/// naming the ones it is.
pub(crate) async fn set_language(app: &App, own: &SignedIn<'_>, code: Option<&str>) -> Result<()> {
    let code = code.map(str::trim).filter(|c| !c.is_empty());
    if let Some(code) = code
        && !crate::i18n::is_supported(code)
    {
        let known: Vec<&str> = crate::i18n::LANGUAGES.iter().map(|(c, _, _)| *c).collect();
        return Err(ServerError::Invalid(format!(
            "`{}` is not a language of the app: choose one of {}, or none for the organisation's",
            code.chars().take(40).collect::<String>(),
            known.join(", ")
        )));
    }
    let viewer = own.viewer();
    let mut w = app.store.write(&viewer.actor()).await?;
    w.set_language(viewer.person.id, code).await?;
    w.commit().await?;
    Ok(())
}
