//! Sign-in through an OpenID Connect provider: a small provider of our own
//! (discovery, JWKS, token endpoint with PKCE and client authentication)
//! runs inside the test.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use base64::Engine as _;
use openidconnect::core::{
    CoreGenderClaim, CoreJsonWebKeySet, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreProviderMetadata, CoreResponseType, CoreRsaPrivateSigningKey, CoreSubjectIdentifierType,
};
use openidconnect::{
    AdditionalClaims, Audience, AuthUrl, EmptyAdditionalProviderMetadata, EndUserEmail, IdToken,
    IdTokenClaims, IssuerUrl, JsonWebKeyId, JsonWebKeySetUrl, Nonce, PrivateSigningKey,
    ResponseTypes, StandardClaims, SubjectIdentifier, TokenUrl,
};
use serde::{Deserialize, Serialize};
use sha2::Digest;

use crate::support::*;

/// A key for this test's provider only.
const TEST_KEY: &str = "-----BEGIN RSA PRIVATE KEY-----
MIIEpAIBAAKCAQEAwWV6PejcDCc+bKnMpd6dT0vnezWsEcynwf51UD5ANRyfRkRi
Unf6UEzn9aqL29g3/6DUPdFVmG3/FxSbczCnndUohxeA2RTX9b8SSpUuS3iXWUIf
//1Ce6uoIzSPqdoQb8k4L8nApofz7nRUBjKyHlgJrc3yzpnDHWJBMgm2KX9fDYJa
Kjg8IM/TcLRHBNP2EWMS+TphNSu+TILqPHwS+drVwslOTDM89cxM+Nd8GnoeptBu
OqfzAoV7X7RZvzVzn9j8zu0WdVCooxqABPn3hSDWjGENpoqGO1RK0NB2ucGR08d7
N32cK+0N+Q6Dn7kx7EIb1Pnge2DKSvTuLxle9wIDAQABAoIBAAELzfn4wPv12GIZ
FwjMp/guVm21sB0WiM/FUxgghhNjeL8WDpwYlwuJJvYOupvxUvg4g/1jnP1qlucm
juK0ICv747C7YVCLStHC+1PY87unxtXOREMLuSjXGF08YwyNp+oa4glsI3UjJiAj
k/LGom0El+TPSOFyNnp5thWRtOELk2e8CKd1TUI6vWDiozOGg2D5rvZezHxTl3//
SG/9z9+eEIN/iQZyDyFJBSvPTOE64UfbaX1vNcRANhOdfPYXwx/s98iPSRzoWQa9
yPN6/NpOSotdQLk9PPUaSn4WQHCyxlhGE/P02Eerwava0vuTZrw+HQcuBhe8IQDJ
UmeXNAECgYEA/oRV2GVZFuDh6ST/Bel53NTJaFluDTpUnoeN8JEMfKZqBaZXMIdr
y9LaPeEOp7BrOa87oZuyl+mOuqKBSN7vy2AABF9Pfb3npmz9qOZy4MGWoyAEvATk
Xhj4bhXnLPjPF8Rpa/riLJN1sNziPdwMEjDDachlsuHKRePsopp0rAECgYEAwoX3
3u5tQE68AmWxlMIDJj5cVEoJF5cg6HYJ9vGqLaqA92w1FAiZh/8XR+dr5blOb3KR
TI0fGFPVqKwurYXXu/kCtCxoCIJcazgN5btG8Ec6JqxqssP6gW8Wd7fYqMBuSxXs
KHyptUVks6/ayaC8bOXZfXtj9XJuoKCRucVPavcCgYA0qzoAj+iBvYPCdW94z7ny
Iu6S8368qgd8ztxmnf2RhfaGuMduOXfrM/UJvRsFRJLL2yFh7hBlM2Xf5WUPqWLC
GVmnjfmrMbNQU1mirB21uRntI+EW74Q6nLw8O7gdLFfeuTx/pelMBC/kq7D90B2H
XiPyLhAtll//Wo1LkN74AQKBgQCF+SDTkKD8Jn4EpKeezdS/dTm/79G9RqAqmomY
Y68SjpkOT59q8dVUPhN5uWCtsmfcCCscbyGYbrz708K+Ti1cUE9VajQokCg4zD1+
GPLtsBDT6/H8t0+D78+omp2E9CvCWRHyfJGhwG5v91EXhzXfRpr5eo9I0AxzYsOb
D9L31wKBgQCtoLwOiN/9o9TAJ4Lp14uhFu3BaWZJoulAqH6DCUTIaFV9R0ccNftF
OpvYTxPkNBT2vS0hWe8NgCI4u2aHG0AJKl9bcVqfNwzBQpWr/5D2gS+kgcAxkoi/
23PoGZ8dcmOaz9CieiHlEflOZnym8REafXix+n+cM+nFRNrTJwk09w==
-----END RSA PRIVATE KEY-----";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Groups {
    groups: Vec<String>,
}

impl AdditionalClaims for Groups {}

/// Who the provider says signs in, for one authorisation code.
#[derive(Clone)]
struct Grant {
    challenge: String,
    nonce: String,
    email: String,
    subject: String,
    verified: bool,
    groups: Vec<String>,
}

#[derive(Clone)]
struct Provider {
    base: String,
    grants: Arc<Mutex<HashMap<String, Grant>>>,
}

async fn discovery(State(p): State<Provider>) -> Json<serde_json::Value> {
    let metadata = CoreProviderMetadata::new(
        IssuerUrl::new(p.base.clone()).expect("issuer"),
        AuthUrl::new(format!("{}/authorize", p.base)).expect("auth"),
        JsonWebKeySetUrl::new(format!("{}/jwks", p.base)).expect("jwks"),
        vec![ResponseTypes::new(vec![CoreResponseType::Code])],
        vec![CoreSubjectIdentifierType::Public],
        vec![CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256],
        EmptyAdditionalProviderMetadata {},
    )
    .set_token_endpoint(Some(
        TokenUrl::new(format!("{}/token", p.base)).expect("token"),
    ));
    Json(serde_json::to_value(metadata).expect("metadata"))
}

fn key() -> CoreRsaPrivateSigningKey {
    CoreRsaPrivateSigningKey::from_pem(TEST_KEY, Some(JsonWebKeyId::new("test".into())))
        .expect("test key")
}

async fn jwks() -> Json<serde_json::Value> {
    Json(
        serde_json::to_value(CoreJsonWebKeySet::new(vec![key().as_verification_key()]))
            .expect("jwks"),
    )
}

async fn token(
    State(p): State<Provider>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> (StatusCode, Json<serde_json::Value>) {
    let invalid = |what: &str| {
        (
            StatusCode::BAD_REQUEST,
            Json(serde_json::json!({"error": "invalid_grant", "error_description": what})),
        )
    };
    // Client authentication (client_secret_basic).
    let basic = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("rungs:s3cret")
    );
    if headers.get("authorization").and_then(|v| v.to_str().ok()) != Some(basic.as_str()) {
        return (
            StatusCode::UNAUTHORIZED,
            Json(serde_json::json!({"error": "invalid_client"})),
        );
    }
    let Some(grant) = form
        .get("code")
        .and_then(|c| p.grants.lock().expect("lock").remove(c))
    else {
        return invalid("unknown code");
    };
    // PKCE: the verifier must hash to the challenge sent to /authorize.
    let Some(verifier) = form.get("code_verifier") else {
        return invalid("no PKCE verifier");
    };
    let hashed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()));
    if hashed != grant.challenge {
        return invalid("PKCE verifier does not match");
    }
    let now = chrono::Utc::now();
    let claims = IdTokenClaims::<Groups, CoreGenderClaim>::new(
        IssuerUrl::new(p.base.clone()).expect("issuer"),
        vec![Audience::new("rungs".into())],
        now + chrono::Duration::seconds(300),
        now,
        StandardClaims::new(SubjectIdentifier::new(grant.subject.clone()))
            .set_email(Some(EndUserEmail::new(grant.email.clone())))
            .set_email_verified(Some(grant.verified)),
        Groups {
            groups: grant.groups,
        },
    )
    .set_nonce(Some(Nonce::new(grant.nonce)));
    let id_token = IdToken::<
        Groups,
        CoreGenderClaim,
        CoreJweContentEncryptionAlgorithm,
        CoreJwsSigningAlgorithm,
    >::new(
        claims,
        &key(),
        CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
        None,
        None,
    )
    .expect("sign");
    (
        StatusCode::OK,
        Json(serde_json::json!({
            "access_token": "opaque", "token_type": "Bearer", "expires_in": 300, "id_token": id_token.to_string(),
        })),
    )
}

async fn start_provider() -> Provider {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let provider = Provider {
        base,
        grants: Arc::default(),
    };
    let router = Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/jwks", get(jwks))
        .route("/token", post(token))
        .with_state(provider.clone());
    tokio::spawn(async move { axum::serve(listener, router).await });
    provider
}

/// Starts a sign-in at rungs, "authenticates" at the provider as `email`,
/// and returns the callback's response.
async fn sign_in_as(
    client: &mut Client,
    provider: &Provider,
    email: &str,
    verified: bool,
    groups: &[&str],
    nonce_override: Option<&str>,
) -> Response {
    sign_in_with(
        client,
        provider,
        email,
        verified,
        groups,
        nonce_override,
        None,
        None,
    )
    .await
}

/// [`sign_in_as`], with the provider's subject chosen, and the callback
/// opened in another browser when one is given.
#[allow(clippy::too_many_arguments)]
async fn sign_in_with(
    client: &mut Client,
    provider: &Provider,
    email: &str,
    verified: bool,
    groups: &[&str],
    nonce_override: Option<&str>,
    subject: Option<&str>,
    other_browser: Option<&mut Client>,
) -> Response {
    let start = client.get("/app/oidc/start?next=/app/rollout").await;
    assert_eq!(start.status, StatusCode::SEE_OTHER, "{}", start.body);
    let location = start.location.expect("redirect to the provider");
    assert!(
        location.starts_with(&format!("{}/authorize?", provider.base)),
        "{location}"
    );
    let query: HashMap<String, String> =
        serde_urlencoded::from_str(location.split_once('?').expect("query").1).expect("query");
    assert_eq!(query["code_challenge_method"], "S256");
    assert_eq!(query["response_type"], "code");
    assert!(query["redirect_uri"].ends_with("/app/oidc/callback"));
    assert!(query["scope"].contains("openid") && query["scope"].contains("email"));
    let code = format!("code-{}", rungs_store::secret().expect("random"));
    provider.grants.lock().expect("lock").insert(
        code.clone(),
        Grant {
            challenge: query["code_challenge"].clone(),
            nonce: nonce_override.map_or_else(|| query["nonce"].clone(), str::to_string),
            email: email.into(),
            subject: subject.map_or_else(|| format!("sub-{email}"), str::to_string),
            verified,
            groups: groups.iter().map(|g| g.to_string()).collect(),
        },
    );
    let state = &query["state"];
    let callback = format!("/app/oidc/callback?code={code}&state={state}");
    match other_browser {
        Some(other) => other.get(&callback).await,
        None => client.get(&callback).await,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_through_an_identity_provider() {
    let provider = start_provider().await;
    let mut config = config();
    config.oidc = Some(rungs_server::OidcConfig {
        issuer: provider.base.clone(),
        client_id: "rungs".into(),
        client_secret: Some("s3cret".into()),
        name: "Test IdP".into(),
        groups_claim: Some("groups".into()),
        admin_groups: vec!["ladder-admins".into()],
        hr_groups: vec!["people-team".into()],
    });
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config).await;
    let mut admin = admin(&app, &token).await;
    admin.post_csv("/api/v1/roster", ROSTER).await;

    let mut mara = Client::new(&app);
    let login = mara.get("/app/login").await;
    assert!(
        login.body.contains("Sign in with Test IdP"),
        "{}",
        login.body
    );
    let done = sign_in_as(
        &mut mara,
        &provider,
        "Mara@Example.org",
        true,
        &["people-team"],
        None,
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location.as_deref(), Some("/app/rollout"));
    let me = mara.get("/api/v1/me").await.json();
    assert_eq!(me["person"]["email"], "mara@example.org");
    assert_eq!(
        me["person"]["role"], "hr",
        "the provider's groups give the role"
    );
    let audit = admin.get("/api/v1/audit?limit=1000").await.json();
    assert!(
        audit
            .as_array()
            .expect("audit")
            .iter()
            .any(|e| e["action"] == "person.role"),
        "the role change is audited"
    );

    // Refusals: an email nobody in rungs has, an unverified email, a token
    // for another sign-in (wrong nonce), a replayed callback.
    let mut stranger = Client::new(&app);
    let r = sign_in_as(
        &mut stranger,
        &provider,
        "stranger@example.org",
        true,
        &[],
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("no active person"), "{}", r.body);
    assert!(stranger.cookie.is_none());
    let r = sign_in_as(
        &mut Client::new(&app),
        &provider,
        "bo@example.org",
        false,
        &[],
        None,
    )
    .await;
    assert!(r.body.contains("not verified"), "{}", r.body);
    let mut replayer = Client::new(&app);
    let r = sign_in_as(
        &mut replayer,
        &provider,
        "bo@example.org",
        true,
        &[],
        Some("another nonce"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("not valid"), "{}", r.body);
    assert!(replayer.cookie.is_none());
    let again = Client::new(&app)
        .get("/app/oidc/callback?code=x&state=reused")
        .await;
    assert!(again.body.contains("unknown"), "{}", again.body);
    // Mara is linked to her first identity: another subject with her email
    // (an email changed in rungs, or at the provider) is refused.
    let r = sign_in_with(
        &mut Client::new(&app),
        &provider,
        "mara@example.org",
        true,
        &[],
        None,
        Some("someone-else"),
        None,
    )
    .await;
    assert!(r.body.contains("linked to another identity"), "{}", r.body);
    // An administrator unlinks her (say her account at the provider was
    // replaced): the next sign-in links the new identity.
    let mara_id = me["person"]["id"].as_i64().expect("id");
    admin.get(&format!("/app/people/{mara_id}")).await;
    let unlinked = admin
        .post_form(&format!("/app/people/{mara_id}/unlink-identity"), &[])
        .await;
    assert_eq!(unlinked.status, StatusCode::SEE_OTHER, "{}", unlinked.body);
    let r = sign_in_with(
        &mut Client::new(&app),
        &provider,
        "mara@example.org",
        true,
        &[],
        None,
        Some("someone-else"),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // A callback carried to another browser (login CSRF) is refused.
    let mut victim = Client::new(&app);
    let r = sign_in_with(
        &mut Client::new(&app),
        &provider,
        "bo@example.org",
        true,
        &[],
        None,
        None,
        Some(&mut victim),
    )
    .await;
    assert!(r.body.contains("another browser"), "{}", r.body);
    assert!(victim.cookie.is_none());
    // The provider said no.
    let denied = Client::new(&app)
        .get("/app/oidc/callback?error=access_denied&state=s")
        .await;
    assert!(
        denied.body.contains("refused the sign-in") && !denied.body.contains("access_denied"),
        "{}",
        denied.body
    );
}

fn oidc_config(issuer: &str) -> rungs_server::OidcConfig {
    rungs_server::OidcConfig {
        issuer: issuer.into(),
        client_id: "rungs".into(),
        client_secret: Some("s3cret".into()),
        name: "Test IdP".into(),
        groups_claim: None,
        admin_groups: vec![],
        hr_groups: vec![],
    }
}

fn encoded(text: &str) -> String {
    serde_urlencoded::to_string([("x", text)])
        .expect("encode")
        .trim_start_matches("x=")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn starting_a_sign_in_stores_little_and_refuses_a_bad_next() {
    let provider = start_provider().await;
    for backend in backends("oidc_start").await {
        let mut config = config();
        config.oidc = Some(oidc_config(&provider.base));
        let (app, _) = start(backend.store.clone(), config).await;
        let pool = raw_pool(&backend).await;
        let long = format!("/app/{}", "x".repeat(60_000));
        for next in [long.as_str(), "/app\r\nSet-Cookie: planted=1", "/app\u{0}"] {
            let r = Client::new(&app)
                .get(&format!("/app/oidc/start?next={}", encoded(next)))
                .await;
            assert_eq!(
                r.status,
                StatusCode::BAD_REQUEST,
                "{}: {}",
                backend.name,
                r.body
            );
            assert!(r.headers.get("set-cookie").is_none(), "{:?}", r.headers);
        }
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM oidc_logins")
            .fetch_one(&pool)
            .await
            .expect("count");
        assert_eq!(
            stored, 0,
            "{}: nothing stored for a refused start",
            backend.name
        );
        let r = Client::new(&app)
            .get("/app/oidc/start?next=/app/rollout")
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM oidc_logins")
            .fetch_one(&pool)
            .await
            .expect("count");
        assert_eq!(stored, 1, "{}", backend.name);

        // However many are started, at most so many wait: the oldest go.
        let pending = rungs_store::PendingLogin {
            verifier: "v".into(),
            nonce: "n".into(),
            next: "/app".into(),
        };
        for i in 0..6 {
            backend
                .store
                .put_pending_login(&format!("state-{i}"), "browser", &pending, 600, 3)
                .await
                .expect("put");
        }
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM oidc_logins")
            .fetch_one(&pool)
            .await
            .expect("count");
        assert_eq!(stored, 3, "{}", backend.name);
        let newest = backend
            .store
            .take_pending_login("state-5", "browser")
            .await
            .expect("take");
        assert_eq!(
            newest,
            Some(pending.clone()),
            "{}: the newest is kept",
            backend.name
        );
    }
}

/// Log lines, collected.
#[derive(Clone, Default)]
struct Lines(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Lines {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut lines) = self.0.lock() {
            lines.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_providers_error_is_logged_escaped_and_short() {
    let backend = sqlite().await;
    let mut config = config();
    // Never asked: an error at the callback needs no provider.
    config.oidc = Some(oidc_config("http://127.0.0.1:9"));
    let (app, _) = start(backend.store.clone(), config).await;
    let lines = Lines::default();
    let writer = lines.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .without_time()
        .finish();
    let _default = tracing::subscriber::set_default(subscriber);
    let error = "access_denied\r\nERROR forged: an administrator signed in";
    let description = format!("no\nINFO forged\u{1b}[2K\u{202e}{}", "x".repeat(10_000));
    let r = Client::new(&app)
        .get(&format!(
            "/app/oidc/callback?error={}&error_description={}&state=s",
            encoded(error),
            encoded(&description)
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let log = lines
        .0
        .lock()
        .map(|l| String::from_utf8_lossy(&l).into_owned())
        .expect("the log buffer's lock");
    let line = log
        .lines()
        .find(|l| l.contains("sign-in refused by the provider"))
        .unwrap_or_else(|| panic!("not logged: {log}"));
    assert!(line.len() < 1_000, "{} bytes logged", line.len());
    assert!(
        !log.contains('\u{1b}') && !log.contains('\u{202e}'),
        "raw control characters in the log: {log:?}"
    );
    assert!(
        log.lines()
            .all(|l| !l.starts_with("ERROR forged") && !l.starts_with("INFO forged")),
        "{log}"
    );
}
