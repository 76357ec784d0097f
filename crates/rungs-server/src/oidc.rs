//! Sign-in through an OpenID Connect provider: authorisation code flow with
//! PKCE, the ID token's signature, audience, expiry and nonce checked by
//! `openidconnect`. The provider's verified email names the person (they
//! must already be in rungs: the roster decides who works here); its
//! groups, when configured, decide the role.

use std::time::Duration;

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    TokenResponse,
};
use rungs_store::model::Role;
use rungs_store::{Actor, PendingLogin};
use serde::Deserialize;

use crate::config::OidcConfig;
use crate::error::ServerError;
use crate::state::App;

/// How long the provider may take between our redirect and its callback.
const PENDING_SECS: i64 = 10 * 60;

/// The most sign-ins kept waiting for the provider's callback. Anyone may
/// start one without signing in, so past this the oldest are forgotten (a
/// person whose sign-in was forgotten is asked to start again) and the
/// table cannot grow without bound.
pub(crate) const PENDING_AT_MOST: i64 = 10_000;

type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// The provider's discovered client, made on first use and kept.
pub(crate) struct Provider {
    config: OidcConfig,
    http: openidconnect::reqwest::Client,
    client: tokio::sync::OnceCell<Client>,
}

impl Provider {
    pub(crate) fn new(config: OidcConfig) -> Result<Provider, ServerError> {
        let http = openidconnect::reqwest::ClientBuilder::new()
            // Following redirects would let the provider's answers send us elsewhere.
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(15))
            .build()
            .map_err(|e| {
                ServerError::Config(format!("cannot make an HTTP client for sign-in: {e}"))
            })?;
        Ok(Provider {
            config,
            http,
            client: tokio::sync::OnceCell::new(),
        })
    }

    /// The name on the sign-in button.
    pub(crate) fn name(&self) -> &str {
        &self.config.name
    }

    async fn client(&self, app: &App) -> Result<&Client, ServerError> {
        self.client
            .get_or_try_init(|| async {
                let unreachable = |e: String| {
                    tracing::error!(
                        issuer = self.config.issuer.as_str(),
                        error = e.as_str(),
                        "sign-in provider cannot be reached"
                    );
                    ServerError::Invalid(format!(
                        "{} cannot be reached for sign-in just now: try again, or sign in with a password",
                        self.config.name
                    ))
                };
                let issuer = IssuerUrl::new(self.config.issuer.clone()).map_err(|e| unreachable(e.to_string()))?;
                let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
                    .await
                    .map_err(|e| unreachable(e.to_string()))?;
                let redirect = RedirectUrl::new(format!("{}/app/oidc/callback", app.config.base()))
                    .map_err(|e| unreachable(e.to_string()))?;
                Ok(CoreClient::from_provider_metadata(
                    metadata,
                    ClientId::new(self.config.client_id.clone()),
                    self.config.client_secret.clone().map(ClientSecret::new),
                )
                .set_redirect_uri(redirect))
            })
            .await
    }

    /// Where to send the browser to sign in; remembers the PKCE verifier
    /// and nonce under the state.
    /// Returns the provider's URL and a secret for the browser's cookie:
    /// the callback is accepted only from the browser that holds it.
    pub(crate) async fn start(
        &self,
        app: &App,
        next: &str,
    ) -> Result<(String, String), ServerError> {
        let client = self.client(app).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        let pending = PendingLogin {
            verifier: verifier.secret().clone(),
            nonce: nonce.secret().clone(),
            next: next.to_string(),
        };
        let browser = rungs_store::secret()?;
        app.store
            .put_pending_login(
                state.secret(),
                &browser,
                &pending,
                PENDING_SECS,
                PENDING_AT_MOST,
            )
            .await?;
        Ok((url.to_string(), browser))
    }

    /// Finishes a sign-in: the person (made active, role from groups) and
    /// where to go next.
    pub(crate) async fn finish(
        &self,
        app: &App,
        code: &str,
        state: &str,
        browser: &str,
    ) -> Result<(i64, String), ServerError> {
        let refused = |why: &str| {
            ServerError::Invalid(format!(
                "sign-in through {} failed: {why}",
                self.config.name
            ))
        };
        let pending = app.store.take_pending_login(state, browser).await?.ok_or_else(|| {
            refused("this sign-in is unknown, was started in another browser, or is older than ten minutes; start again")
        })?;
        let client = self.client(app).await?;
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(|e| refused(&e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier))
            .request_async(&self.http)
            .await
            .map_err(|e| {
                tracing::warn!(
                    issuer = self.config.issuer.as_str(),
                    error = e.to_string().as_str(),
                    "token exchange refused"
                );
                refused("the provider did not accept the sign-in")
            })?;
        let id_token = response
            .id_token()
            .ok_or_else(|| refused("the provider sent no ID token"))?;
        let verifier = client.id_token_verifier();
        let claims = id_token
            .claims(&verifier, &Nonce::new(pending.nonce))
            .map_err(|e| refused(&format!("the ID token is not valid ({e})")))?;
        if claims.email_verified() == Some(false) {
            return Err(refused("the provider has not verified this email address"));
        }
        let email = claims
            .email()
            .map(|e| e.as_str().trim().to_lowercase())
            .ok_or_else(|| {
                refused("the provider did not share an email address (ask for the `email` scope)")
            })?;
        let person = app
            .store
            .person_by_email(&email)
            .await?
            .filter(|p| p.active)
            .ok_or_else(|| {
                ServerError::Invalid(format!(
                    "{email} signed in, but no active person in rungs has that email: ask HR to add you"
                ))
            })?;
        // The first sign-in links the person to the provider's subject;
        // later ones must come from it, so changing an email in rungs
        // cannot hand someone else's account over.
        let subject = format!("{}#{}", self.config.issuer, claims.subject().as_str());
        match app.store.idp_subject(person.id).await? {
            Some(linked) if linked == subject => {}
            Some(_) => {
                return Err(refused(
                    "this person is linked to another identity at the provider",
                ));
            }
            None => {
                let actor = Actor {
                    person_id: None,
                    label: format!("oidc:{}", self.config.issuer),
                };
                let mut w = app.store.write(&actor).await?;
                w.link_idp_subject(person.id, &subject).await?;
                w.commit().await?;
            }
        }
        // The groups claim, read from the verified token's payload.
        if let Some(role) = self.role_from_groups(&id_token.to_string())
            && role != person.role
        {
            // The provider decided, not the person: the audit log says so.
            let actor = Actor {
                person_id: None,
                label: format!("oidc:{}", self.config.issuer),
            };
            let mut w = app.store.write(&actor).await?;
            w.set_role(person.id, role).await?;
            match w.require_an_admin().await {
                Ok(()) => w.commit().await?,
                // Dropped: rolled back.
                Err(_) => tracing::warn!(
                    person = person.id,
                    issuer = self.config.issuer.as_str(),
                    "the provider's groups would remove the last administrator; the role is kept"
                ),
            }
        }
        Ok((person.id, pending.next))
    }

    /// The role the groups claim gives, if groups decide roles here.
    fn role_from_groups(&self, jwt: &str) -> Option<Role> {
        let claim = self.config.groups_claim.as_deref()?;
        if self.config.admin_groups.is_empty() && self.config.hr_groups.is_empty() {
            return None;
        }
        let payload = jwt.split('.').nth(1)?;
        use base64::Engine as _;
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .ok()?;
        let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
        // No claim at all (some providers leave it out when a person is in
        // too many groups) changes nothing, rather than demoting.
        let groups: Vec<String> = match &value[claim] {
            serde_json::Value::Array(items) => items
                .iter()
                .filter_map(|g| g.as_str().map(str::to_string))
                .collect(),
            serde_json::Value::String(one) => vec![one.clone()],
            _ => return None,
        };
        let member = |wanted: &[String]| groups.iter().any(|g| wanted.contains(g));
        Some(if member(&self.config.admin_groups) {
            Role::Admin
        } else if member(&self.config.hr_groups) {
            Role::Hr
        } else {
            Role::Employee
        })
    }
}

/// The provider's answer at the callback.
#[derive(Debug, Deserialize)]
pub(crate) struct Callback {
    #[serde(default)]
    pub(crate) code: String,
    #[serde(default)]
    pub(crate) state: String,
    #[serde(default)]
    pub(crate) error: Option<String>,
    #[serde(default)]
    pub(crate) error_description: Option<String>,
}

/// Text from outside made safe to log: at most `limit` characters (an
/// ellipsis says it was cut), control, bidirectional and other invisible
/// formatting characters written as `\u{…}` escapes, so a line break or an
/// escape sequence cannot fake a log line or colour a terminal.
pub(crate) fn loggable(text: &str, limit: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == limit {
            out.push('…');
            break;
        }
        if c.is_control() || rungs_store::invisible_format(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_from_outside_is_escaped_and_cut_for_the_log() {
        assert_eq!(super::loggable("access_denied", 64), "access_denied");
        assert_eq!(
            super::loggable("a\r\nINFO forged\u{1b}[31m\u{202e}", 64),
            "a\\u{d}\\u{a}INFO forged\\u{1b}[31m\\u{202e}"
        );
        assert_eq!(
            super::loggable(&"x".repeat(500), 10),
            format!("{}…", "x".repeat(10))
        );
    }
}
