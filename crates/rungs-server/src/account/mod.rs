//! The viewer's account: signing in (password, identity provider), the
//! first administrator's setup link, password links, joining through an
//! invitation, signing out, the account page (how to hear of what waits)
//! and API tokens.

mod pages;

use rungs_store::model::{ApiToken, TokenScope};

use crate::access::SignedIn;
use crate::error::ServerError;
use axum::routing::{MethodRouter, get, post};

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
