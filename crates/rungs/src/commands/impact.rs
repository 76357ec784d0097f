//! `rungs impact OLD NEW`: what an edit does to people, from a server's
//! data, in aggregate.

use std::io::Write as _;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use rungs_core::impact::{Impact, Verdict, to_markdown, to_text};
use rungs_core::{Framework, SourceSet};

use crate::cli::{ImpactArgs, ImpactFormat};
use crate::input::version;

/// What to do about a version refused for its errors.
const HINT: &str = "the impact needs two valid versions";

pub fn run(args: &ImpactArgs) -> Result<ExitCode> {
    let (old, new) = (
        version(&args.old, &args.dir, HINT)?,
        version(&args.new, &args.dir, HINT)?,
    );
    let (impact, verdict) = match &args.server {
        Some(url) => remote(args, url)?,
        None => local(args, old, new)?,
    };
    let mut out = crate::render::Visible(crate::output::stdout());
    match args.format {
        ImpactFormat::Json => {
            let document = serde_json::json!({
                "old": args.old,
                "new": args.new,
                "impact": impact,
                "verdict": verdict,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&document)?)?;
        }
        ImpactFormat::Markdown => write!(
            out,
            "{}",
            to_markdown(&impact, &args.old, &args.new, Some(&verdict))
        )?,
        ImpactFormat::Text => write!(
            out,
            "{}",
            to_text(&impact, &args.old, &args.new, Some(&verdict))
        )?,
    }
    if args.exit_code && !verdict.pass {
        // The report usually goes to a file (a pull-request comment): the
        // job's log must still say why the step failed. Printed under
        // --quiet too, as an error would be.
        eprintln!(
            "rungs impact: `{}` goes past the [impact] limits: {}; add an `allow` note to [impact] in its rungs.toml saying why",
            args.new,
            verdict.over.join("; ")
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads the database directly.
fn local(args: &ImpactArgs, old: Framework, new: Framework) -> Result<(Impact, Verdict)> {
    let database = rungs_server::Database::parse(args.store.database.as_deref(), &args.store.data)
        .map_err(anyhow::Error::msg)?;
    if let rungs_server::Database::Sqlite(file) = &database
        && !file.is_file()
    {
        bail!(
            "no database at {}: name the server's data directory with --data DIR, or use --database URL or --server URL",
            file.display()
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let (computed, verdict) = runtime.block_on(async {
        let store = rungs_server::open_store(&database).await?;
        rungs_server::impact_on_store(&store, Arc::new(old), Arc::new(new)).await
    })?;
    Ok((computed.impact, verdict))
}

/// The files of a version, as text, for a server to load.
fn files(spec: &str, dir: &std::path::Path) -> Result<serde_json::Map<String, serde_json::Value>> {
    let sources = if std::path::Path::new(spec).is_dir() {
        SourceSet::read_dir(std::path::Path::new(spec))
            .with_context(|| format!("cannot read {spec}"))?
    } else {
        rungs_core::git::read_revision(spec, dir)?
    };
    // Pictures and other binary files say nothing about people.
    Ok(sources
        .iter()
        .filter_map(|f| {
            let text = std::str::from_utf8(f.bytes()).ok()?;
            Some((f.path.to_string(), serde_json::Value::from(text)))
        })
        .collect())
}

/// Asks a running server (`POST /api/v1/framework/impact`) through `curl`,
/// with the token from RUNGS_TOKEN handed over on standard input so it
/// never shows in a process list.
fn remote(args: &ImpactArgs, url: &str) -> Result<(Impact, Verdict)> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        bail!("--server must start with http:// or https://, e.g. https://ladder.example.com");
    }
    let token = std::env::var("RUNGS_TOKEN")
        .ok()
        .filter(|t| !t.trim().is_empty())
        .context(
            "--server needs an API token in RUNGS_TOKEN (an `impact` token reads aggregates only)",
        )?;
    let body = serde_json::json!({
        "old_name": args.old,
        "new_name": args.new,
        "old": files(&args.old, &args.dir)?,
        "new": files(&args.new, &args.dir)?,
    });
    let endpoint = format!("{}/api/v1/framework/impact", url.trim_end_matches('/'));
    let body_file = std::env::temp_dir().join(format!("rungs-impact-{}.json", std::process::id()));
    std::fs::write(&body_file, serde_json::to_vec(&body)?)
        .with_context(|| format!("cannot write {}", body_file.display()))?;
    let config = format!(
        "header = \"Authorization: Bearer {}\"\nheader = \"Content-Type: application/json\"\ndata-binary = \"@{}\"\nurl = \"{}\"\n",
        token.trim().replace(['"', '\\', '\n'], ""),
        body_file.display(),
        endpoint.replace(['"', '\\', '\n'], "")
    );
    let answer = (|| -> Result<std::process::Output> {
        let mut child = std::process::Command::new("curl")
            .args(["--silent", "--show-error", "--config", "-"])
            .args(["--write-out", "\n%{http_code}"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .context("cannot run curl, which --server needs")?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(config.as_bytes())?;
        }
        Ok(child.wait_with_output()?)
    })();
    let _ = std::fs::remove_file(&body_file);
    let output = answer?;
    if !output.status.success() {
        bail!(
            "cannot reach {endpoint}: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let (json, status) = text.rsplit_once('\n').unwrap_or((&text, ""));
    let value: serde_json::Value = serde_json::from_str(json).map_err(|_| {
        anyhow::anyhow!(
            "{endpoint} answered {status} without an impact: {}",
            json.chars().take(200).collect::<String>()
        )
    })?;
    if let Some(errors) = value["errors"].as_array().filter(|e| !e.is_empty()) {
        let lines: Vec<&str> = errors.iter().filter_map(|e| e.as_str()).collect();
        bail!("the server refused a version:\n  {}", lines.join("\n  "));
    }
    match status {
        "200" => {}
        "401" => bail!("{endpoint}: the token in RUNGS_TOKEN is not valid"),
        "403" => bail!(
            "{endpoint}: the token's owner may not read the impact (HR or an administrator) or its scope does not allow it"
        ),
        other => bail!("{endpoint} answered {other}: {json}"),
    }
    let impact: Impact = serde_json::from_value(value["impact"].clone())
        .context("the server's answer has no impact")?;
    let verdict: Verdict = serde_json::from_value(value["verdict"].clone())
        .context("the server's answer has no verdict")?;
    Ok((impact, verdict))
}
