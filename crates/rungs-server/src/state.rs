//! The running server: its store, its ladder, its settings.

use std::sync::Arc;

use rungs_store::model::LinkPurpose;
use rungs_store::{Actor, Store};

use crate::auth::RateLimiter;
use crate::config::Config;
use crate::error::ServerError;
use crate::framework::{self, Current, Ladder, Refused};

/// The server's state, shared by every request. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub(crate) store: Store,
    pub(crate) ladder: Current,
    pub(crate) config: Arc<Config>,
    pub(crate) limiter: Arc<RateLimiter>,
    /// Admits Argon2 computations a few at a time.
    pub(crate) argon2: Arc<tokio::sync::Semaphore>,
    /// The identity provider, if sign-in through one is configured.
    #[cfg(feature = "oidc")]
    pub(crate) oidc: Option<Arc<crate::oidc::Provider>>,
    /// What `/metrics` reports.
    pub(crate) metrics: Arc<crate::metrics::Metrics>,
    /// Set when shutdown begins: `/readyz` answers 503 from then on.
    pub(crate) draining: Arc<std::sync::atomic::AtomicBool>,
    /// The SMTP connection, if email is configured.
    pub(crate) mailer: Option<Arc<crate::mail::Mailer>>,
    /// Each person's "Waiting for you" list, kept a few seconds.
    pub(crate) todo: Arc<crate::todo::TodoCache>,
    /// The turns of requests handled at once (`Config::max_in_flight`).
    pub(crate) turns: crate::in_flight::Turns,
    /// The lock beside an SQLite database, held while the app lives so a
    /// restore cannot replace the database under it.
    _lock: Option<Arc<crate::maintenance::DatabaseLock>>,
}

/// How long a setup or reset link works.
pub(crate) const LINK_HOURS: i64 = 24;

impl App {
    /// Loads the ladder (refusing one with errors), opens the store, records
    /// the revision. Returns the app and, when no administrator exists yet,
    /// a one-time setup link to print.
    ///
    /// An SQLite database is locked (shared, with a `.lock` file beside it)
    /// for as long as the app lives: a restore waits for every server using
    /// the database to stop.
    pub async fn start(config: Config) -> Result<(App, Option<String>), ServerError> {
        let lock = match &config.database {
            crate::Database::Sqlite(file) => Some(crate::maintenance::lock_database(file, false)?),
            crate::Database::Postgres(_) => None,
        };
        let source = config.framework.clone();
        let ladder = tokio::task::spawn_blocking(move || framework::load(&source))
            .await
            .map_err(|e| ServerError::Internal(e.to_string()))?
            .map_err(|r| ServerError::Config(refused_text(&r)))?;
        let store = crate::open_store(&config.database).await?;
        App::with_store(config, store, ladder, lock).await
    }

    /// [`App::start`] with a store the caller opened (tests, embedding).
    pub async fn start_with_store(
        config: Config,
        store: Store,
    ) -> Result<(App, Option<String>), ServerError> {
        let source = config.framework.clone();
        let ladder = tokio::task::spawn_blocking(move || framework::load(&source))
            .await
            .map_err(|e| ServerError::Internal(e.to_string()))?
            .map_err(|r| ServerError::Config(refused_text(&r)))?;
        App::with_store(config, store, ladder, None).await
    }

    async fn with_store(
        config: Config,
        store: Store,
        mut ladder: Ladder,
        lock: Option<crate::maintenance::DatabaseLock>,
    ) -> Result<(App, Option<String>), ServerError> {
        let store = match &config.audit_key {
            Some(key) => store.with_audit_key(key.clone()),
            None => store,
        };
        // Before anything is written: a head sealed under another key
        // means the wrong key file (or a moved head), not a log to go on.
        store.audit_key_matches().await?;
        store
            .record_revision(&Actor::system(), &ladder.revision)
            .await?;
        ladder.snapshot = crate::relink::snapshot(&store, &Actor::system(), &ladder).await?;
        #[cfg(feature = "oidc")]
        let oidc = match &config.oidc {
            Some(c) => Some(Arc::new(crate::oidc::Provider::new(c.clone())?)),
            None => None,
        };
        #[cfg(not(feature = "oidc"))]
        if config.oidc.is_some() {
            return Err(ServerError::Config(
                "this build has no OpenID Connect sign-in: build it with the `oidc` feature, \
                 e.g. `cargo install --path crates/rungs --features oidc`"
                    .into(),
            ));
        }
        let mailer = match &config.email {
            Some(c) => Some(Arc::new(crate::mail::Mailer::new(c)?)),
            None => None,
        };
        let turns = crate::in_flight::Turns::new(config.max_in_flight);
        let app = App {
            store,
            ladder: Arc::new(std::sync::RwLock::new(Arc::new(ladder))),
            config: Arc::new(config),
            limiter: Arc::new(RateLimiter::default()),
            argon2: Arc::new(tokio::sync::Semaphore::new(crate::auth::ARGON2_AT_ONCE)),
            #[cfg(feature = "oidc")]
            oidc,
            metrics: Arc::default(),
            draining: Arc::default(),
            mailer,
            todo: Arc::default(),
            turns,
            _lock: lock.map(Arc::new),
        };
        // Ratings made against revisions served before this one follow
        // their statements to it.
        let started = std::time::Instant::now();
        crate::relink::relink_stale(&app.store, &Actor::system(), &app.ladder()).await?;
        app.metrics.relinked(started.elapsed());
        let link = app.setup_link().await?;
        // A log from before keys (nothing was written this start) is keyed
        // from here on.
        app.store.seal_audit().await?;
        Ok((app, link))
    }

    /// The identity provider's name, if sign-in through one is configured.
    pub(crate) fn oidc_name(&self) -> Option<String> {
        #[cfg(feature = "oidc")]
        return self.oidc.as_ref().map(|p| p.name().to_string());
        #[cfg(not(feature = "oidc"))]
        None
    }

    /// Whether shutdown has begun.
    pub(crate) fn draining(&self) -> bool {
        self.draining.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The store (for `rungs server audit verify` and backups).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// A fresh setup link if nobody can administer the server yet. Earlier
    /// links stop working.
    pub async fn setup_link(&self) -> Result<Option<String>, ServerError> {
        if self.store.admin_count().await? > 0 {
            return Ok(None);
        }
        let mut w = self
            .store
            .write(&Actor {
                person_id: None,
                label: "setup".into(),
            })
            .await?;
        let secret = w
            .create_link(LinkPurpose::Setup, None, LINK_HOURS * 3600)
            .await?;
        w.commit().await?;
        Ok(Some(format!(
            "{}/app/setup?token={secret}",
            self.config.base()
        )))
    }

    /// The framework's title, as emails name the site.
    pub(crate) fn site_name(&self) -> String {
        self.ladder().framework.title.clone()
    }

    /// The ladder in use.
    pub(crate) fn ladder(&self) -> Arc<Ladder> {
        match self.ladder.read() {
            Ok(l) => l.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Loads the ladder again. With errors, it is refused and the previous
    /// one keeps serving. Placements on levels the new ladder no longer has
    /// are flagged for review. Returns the new revision.
    pub(crate) async fn reload(
        &self,
        actor: &Actor,
    ) -> Result<Result<String, Refused>, ServerError> {
        let source = self.config.framework.clone();
        let loaded = tokio::task::spawn_blocking(move || framework::load(&source))
            .await
            .map_err(|e| ServerError::Internal(e.to_string()))?;
        let mut new = match loaded {
            Ok(l) => l,
            Err(refused) => return Ok(Err(refused)),
        };
        let old = self.ladder();
        let gone = new.removed_since(&old);
        let revision = new.revision.clone();
        self.store.record_revision(actor, &revision).await?;
        self.store.flag_placements(actor, &gone).await?;
        new.snapshot = crate::relink::snapshot(&self.store, actor, &new).await?;
        let new = Arc::new(new);
        let started = std::time::Instant::now();
        crate::relink::relink_stale(&self.store, actor, &new).await?;
        self.metrics.relinked(started.elapsed());
        match self.ladder.write() {
            Ok(mut l) => *l = new,
            Err(poisoned) => *poisoned.into_inner() = new,
        }
        Ok(Ok(revision))
    }
}

/// A refused ladder as one message.
pub(crate) fn refused_text(r: &Refused) -> String {
    format!(
        "the framework has errors, so it was not loaded:\n  {}",
        r.errors.join("\n  ")
    )
}
