//! What the server is told.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use rungs_core::Framework;

/// Where the people data lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// An SQLite file (created if missing).
    Sqlite(PathBuf),
    /// A PostgreSQL URL.
    Postgres(String),
}

impl Database {
    /// Reads `--database`: a `postgres://` or `postgresql://` URL, or a
    /// `sqlite:` path. `None` is the default file in the data directory.
    pub fn parse(value: Option<&str>, data_dir: &std::path::Path) -> Result<Database, String> {
        match value {
            None => Ok(Database::Sqlite(data_dir.join("rungs.sqlite"))),
            Some(v) if v.starts_with("postgres://") || v.starts_with("postgresql://") => {
                Ok(Database::Postgres(v.to_string()))
            }
            Some(v) if v.starts_with("sqlite:") => {
                let path = v
                    .trim_start_matches("sqlite://")
                    .trim_start_matches("sqlite:");
                if path.is_empty() {
                    return Err(
                        "give a file after sqlite:, e.g. sqlite:./rungs-data/rungs.sqlite".into(),
                    );
                }
                Ok(Database::Sqlite(PathBuf::from(path)))
            }
            Some(v) => Err(format!(
                "`{v}` is not a database URL: use postgres://user:password@host/database or sqlite:FILE"
            )),
        }
    }
}

/// Where the ladder comes from.
#[derive(Clone, Debug)]
pub struct FrameworkSource {
    /// The framework directory; `None` is the built-in example. The pages
    /// `rungs build` makes from other sources (`[[site.compare_with]]`,
    /// `changes_since`) are made from it too.
    pub root: Option<PathBuf>,
}

/// The identity provider, as configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcConfig {
    /// The issuer URL (discovery is at `ISSUER/.well-known/openid-configuration`).
    pub issuer: String,
    /// This server's client id at the provider.
    pub client_id: String,
    /// The client secret, if the provider gave one (from the environment,
    /// never from a file in the framework's repository).
    pub client_secret: Option<String>,
    /// The provider's name on the sign-in button.
    pub name: String,
    /// The ID token claim that lists the person's groups (e.g. `groups`).
    pub groups_claim: Option<String>,
    /// Members of these groups are administrators.
    pub admin_groups: Vec<String>,
    /// Members of these groups are HR.
    pub hr_groups: Vec<String>,
}

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// The ladder.
    pub framework: FrameworkSource,
    /// Address to listen on.
    pub listen: SocketAddr,
    /// Where the people data lives.
    pub database: Database,
    /// The address people use (behind a reverse proxy, its https URL), for
    /// links and for the cookie's `Secure` flag. Default: `http://LISTEN`.
    pub base_url: Option<String>,
    /// How long a session lasts without signing in again.
    pub session_hours: i64,
    /// Sign-in through an OpenID Connect provider, if configured.
    pub oidc: Option<OidcConfig>,
    /// The ladder of the company people come from (e.g. after an
    /// acquisition): a rollout suggests the level their previous title maps
    /// to.
    pub previous_ladder: Option<Arc<Framework>>,
    /// The key of the audit chain's MACs (see [`crate::AuditKeySource`]).
    /// Without one, the chain is hashed but not keyed: someone who can
    /// write to the database can rewrite it undetected.
    pub audit_key: Option<rungs_store::audit::AuditKey>,
    /// The bearer token `/metrics` asks for; without one, `/metrics` is
    /// off (404).
    pub metrics_token: Option<String>,
    /// How long clients may take to send a request, and how many may be
    /// connected at once.
    pub limits: rungs_http::Limits,
    /// Requests handled at once; more wait their turn in the order they
    /// came (see [`crate::default_max_in_flight`]). Health probes and
    /// metrics do not wait.
    pub max_in_flight: usize,
    /// Email (invitations, notifications), if configured; see
    /// [`crate::email_config`].
    pub email: Option<crate::EmailConfig>,
}

impl Config {
    /// The base URL without a trailing slash.
    pub fn base(&self) -> String {
        match &self.base_url {
            Some(b) => b.trim_end_matches('/').to_string(),
            None => format!("http://{}", self.listen),
        }
    }

    /// The `Host` names the server answers: the base URL's, the listening
    /// address, and this machine's (see [`rungs_http::AllowedHosts`]).
    pub fn allowed_hosts(&self) -> rungs_http::AllowedHosts {
        rungs_http::AllowedHosts::loopback()
            .with_bound(self.listen.ip())
            .with_url(&self.base())
    }

    /// Whether cookies must be `Secure` (the base URL is https).
    pub fn secure_cookies(&self) -> bool {
        self.base().starts_with("https://")
    }
}
