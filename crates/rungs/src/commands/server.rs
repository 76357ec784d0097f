//! `rungs server`: the people app, and its maintenance commands.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use rungs_server::{App, Config, Database, FrameworkSource};

use crate::cli::{AuditCommand, ServerArgs, ServerCommand, StoreArgs};

pub fn run(args: &ServerArgs) -> Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    match &args.command {
        None => runtime.block_on(serve(args)),
        Some(ServerCommand::Audit {
            command: AuditCommand::Verify,
        }) => runtime.block_on(verify(&args.store)),
        Some(ServerCommand::Backup { file }) => runtime.block_on(backup(&args.store, file)),
        Some(ServerCommand::Restore { file }) => restore(&args.store, file),
    }
}

fn database(store: &StoreArgs) -> Result<Database> {
    Database::parse(store.database.as_deref(), &store.data).map_err(anyhow::Error::msg)
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
    app.serve(listener, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(ExitCode::SUCCESS)
}

async fn verify(store: &StoreArgs) -> Result<ExitCode> {
    let verification = rungs_server::verify_audit(&database(store)?).await?;
    match verification.problem {
        None => {
            crate::render::outln!("audit log intact: {} entries", verification.entries)?;
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

async fn backup(store: &StoreArgs, file: &Path) -> Result<ExitCode> {
    rungs_server::backup(&database(store)?, file).await?;
    crate::output::info!("backed up to {}", file.display());
    Ok(ExitCode::SUCCESS)
}

fn restore(store: &StoreArgs, file: &Path) -> Result<ExitCode> {
    let database = database(store)?;
    rungs_server::restore(&database, file)?;
    if let Database::Sqlite(target) = &database {
        crate::output::info!("restored {} from {}", target.display(), file.display());
    }
    Ok(ExitCode::SUCCESS)
}
