//! `rungs server`: the people app, and its maintenance commands.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use rungs_server::{App, AuditKey, AuditKeySource, Checkpoint, Config, Database, FrameworkSource};

use crate::cli::{AuditCommand, ServerArgs, ServerCommand, StoreArgs};

pub fn run(args: &ServerArgs) -> Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    match &args.command {
        None => runtime.block_on(serve(args)),
        Some(ServerCommand::Audit {
            command: AuditCommand::Verify { since },
        }) => runtime.block_on(verify(&args.store, since.as_deref())),
        Some(ServerCommand::Audit {
            command: AuditCommand::Checkpoint,
        }) => runtime.block_on(checkpoint(&args.store)),
        Some(ServerCommand::Backup { file }) => runtime.block_on(backup(&args.store, file)),
        Some(ServerCommand::Restore { file }) => runtime.block_on(restore(&args.store, file)),
    }
}

fn database(store: &StoreArgs) -> Result<Database> {
    Database::parse(store.database.as_deref(), &store.data).map_err(anyhow::Error::msg)
}

/// Where the audit key comes from: `RUNGS_AUDIT_KEY`, `--audit-key-file`,
/// or the data directory's `audit.key`.
fn audit_key_source(store: &StoreArgs) -> AuditKeySource {
    match std::env::var("RUNGS_AUDIT_KEY") {
        Ok(hex) if !hex.trim().is_empty() => AuditKeySource::Hex(hex),
        _ => match &store.audit_key_file {
            Some(file) => AuditKeySource::File(file.clone()),
            None => AuditKeySource::Default(store.data.join(rungs_server::DEFAULT_AUDIT_KEY_FILE)),
        },
    }
}

/// The audit key for a maintenance command: none when the default file
/// does not exist (only the hash chain is checked then, and it says so).
fn maintenance_key(store: &StoreArgs) -> Result<Option<AuditKey>> {
    let key = audit_key_source(store).load(false)?;
    if key.is_none() {
        crate::output::info!(
            "note: no audit key ({} does not exist, RUNGS_AUDIT_KEY is not set): only the hash chain is checked",
            store
                .data
                .join(rungs_server::DEFAULT_AUDIT_KEY_FILE)
                .display()
        );
    }
    Ok(key)
}

async fn serve(args: &ServerArgs) -> Result<ExitCode> {
    let root: Option<PathBuf> = match &args.dir {
        Some(d) if !d.is_dir() => bail!("`{}` is not a directory", d.display()),
        Some(d) => Some(d.clone()),
        None if Path::new("rungs.toml").exists() => Some(PathBuf::from(".")),
        None => {
            crate::output::info!("note: no rungs.toml here; using the built-in example framework");
            None
        }
    };
    if let Some(base) = &args.base_url
        && !(base.starts_with("http://") || base.starts_with("https://"))
    {
        bail!("--base-url must start with http:// or https://, e.g. https://ladder.example.com");
    }
    if !args.listen.ip().is_loopback() {
        eprintln!(
            "warning: listening on {}, reachable from the network: put the server behind https (see docs/server.md)",
            args.listen
        );
    }
    let database = database(&args.store)?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AddrInUse {
                anyhow::anyhow!(
                    "{} is in use: choose another with --listen, e.g. --listen 127.0.0.1:8081",
                    args.listen
                )
            } else {
                anyhow::anyhow!("cannot listen on {}: {e}", args.listen)
            }
        })?;
    let previous_ladder = match &args.previous_ladder {
        Some(spec) => Some(Arc::new(
            crate::input::framework(spec).with_context(|| format!("--previous-ladder {spec}"))?,
        )),
        None => None,
    };
    // Email: [email] of rungs.toml and RUNGS_SMTP_*; a mistake stops the
    // start, rather than invitations failing later.
    let email = rungs_server::email_config(root.as_deref(), &|key| std::env::var(key).ok())
        .map_err(anyhow::Error::msg)?;
    let config = Config {
        framework: FrameworkSource { root },
        listen: listener.local_addr().unwrap_or(args.listen),
        database,
        base_url: args.base_url.clone(),
        session_hours: args.session_hours,
        oidc: args
            .oidc
            .oidc_issuer
            .as_ref()
            .map(|issuer| rungs_server::OidcConfig {
                issuer: issuer.clone(),
                client_id: args.oidc.oidc_client_id.clone().unwrap_or_default(),
                client_secret: std::env::var("RUNGS_OIDC_CLIENT_SECRET")
                    .ok()
                    .filter(|s| !s.is_empty()),
                name: args.oidc.oidc_name.clone(),
                groups_claim: args.oidc.oidc_groups_claim.clone(),
                admin_groups: args.oidc.oidc_admin_groups.clone(),
                hr_groups: args.oidc.oidc_hr_groups.clone(),
            }),
        previous_ladder,
        audit_key: audit_key_source(&args.store).load(true)?,
        metrics_token: metrics_token(args.metrics_token_file.as_deref())?,
        limits: rungs_server::Limits {
            header_timeout: std::time::Duration::from_secs(args.header_timeout),
            body_timeout: std::time::Duration::from_secs(args.body_timeout),
            max_connections: usize::try_from(args.max_connections).unwrap_or(usize::MAX),
            ..rungs_server::Limits::default()
        },
        max_in_flight: args
            .max_in_flight
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or_else(rungs_server::default_max_in_flight),
        email,
    };
    let base = config.base();
    let (app, setup) = App::start(config).await?;
    crate::output::info!(
        "rungs server: {base}/ (site) and {base}/app (people), data in {} (Ctrl-C to stop)",
        app.store().backend_name()
    );
    if let Some(link) = setup {
        // The one way in on a new server: printed, never stored in clear.
        eprintln!(
            "\nNo administrator yet. Open this link within 24 hours to create one:\n\n  {link}\n"
        );
    }
    app.serve(listener, stop_signal()).await?;
    Ok(ExitCode::SUCCESS)
}

/// Ctrl-C, or SIGTERM (what systemd, containers and orchestrators send):
/// either begins a graceful shutdown.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// The metrics token: `RUNGS_METRICS_TOKEN`, or the first line of `file`.
/// Short tokens are refused: this one guards what the server reveals
/// about its load.
fn metrics_token(file: Option<&Path>) -> Result<Option<String>> {
    let token = match std::env::var("RUNGS_METRICS_TOKEN") {
        Ok(t) if !t.trim().is_empty() => t.trim().to_string(),
        _ => match file {
            Some(file) => std::fs::read_to_string(file)
                .with_context(|| format!("cannot read the metrics token {}", file.display()))?
                .lines()
                .next()
                .unwrap_or_default()
                .trim()
                .to_string(),
            None => return Ok(None),
        },
    };
    if token.len() < 16 {
        bail!("the metrics token must have at least 16 characters (e.g. `openssl rand -hex 32`)");
    }
    Ok(Some(token))
}

async fn verify(store: &StoreArgs, since: Option<&Path>) -> Result<ExitCode> {
    let checkpoint = match since {
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read the checkpoint {}", file.display()))?;
            let checkpoint: Checkpoint = serde_json::from_str(text.trim()).with_context(|| {
                format!(
                    "{} is not a checkpoint (`rungs server audit checkpoint` writes one)",
                    file.display()
                )
            })?;
            Some(checkpoint)
        }
        None => None,
    };
    let key = maintenance_key(store)?;
    let verification =
        rungs_server::verify_audit(&database(store)?, key, checkpoint.as_ref()).await?;
    let how = if verification.keyed {
        "hash chain and MACs"
    } else {
        "hash chain only"
    };
    match verification.problem {
        None => {
            let since = checkpoint
                .map(|c| format!(", entry {} as checkpointed", c.seq))
                .unwrap_or_default();
            crate::render::outln!(
                "audit log intact: {} entries ({how}{since})",
                verification.entries
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(problem) => {
            crate::render::outln!(
                "audit log BROKEN after {} good entries: {problem}",
                verification.entries
            )?;
            Ok(ExitCode::from(1))
        }
    }
}

async fn checkpoint(store: &StoreArgs) -> Result<ExitCode> {
    let key = maintenance_key(store)?;
    let checkpoint = rungs_server::audit_checkpoint(&database(store)?, key).await?;
    let line = serde_json::to_string(&checkpoint).context("cannot write the checkpoint")?;
    crate::render::outln!("{line}")?;
    Ok(ExitCode::SUCCESS)
}

async fn backup(store: &StoreArgs, file: &Path) -> Result<ExitCode> {
    rungs_server::backup(&database(store)?, file).await?;
    crate::output::info!("backed up to {}", file.display());
    Ok(ExitCode::SUCCESS)
}

async fn restore(store: &StoreArgs, file: &Path) -> Result<ExitCode> {
    let database = database(store)?;
    rungs_server::restore(&database, file).await?;
    match &database {
        Database::Sqlite(target) => {
            crate::output::info!("restored {} from {}", target.display(), file.display());
        }
        Database::Postgres(_) => crate::output::info!("restored from {}", file.display()),
    }
    Ok(ExitCode::SUCCESS)
}
