//! The command-line interface, declared with clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::output::ColorChoice;

/// Career ladders as code: check, export and import career frameworks.
#[derive(Debug, Parser)]
#[command(name = "rungs", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
    /// When to colour diagnostics.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only diagnostics and errors, not progress and summaries.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

/// Every command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a framework and report errors and warnings with file:line:column.
    ///
    /// Without DIR, checks the current directory, which must hold a rungs.toml.
    Check(CheckArgs),
    /// Build the framework's static website.
    ///
    /// Without DIR, builds the current directory, which must hold a rungs.toml.
    Build(BuildArgs),
    /// Serve the website on localhost with live reload while you edit.
    ///
    /// Without DIR, serves the current directory if it holds a rungs.toml, and the
    /// built-in example framework otherwise.
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
    /// Run the people app: the website plus roster, levels, rollouts and
    /// sign-in, on SQLite (default) or PostgreSQL. See docs/server.md.
    ///
    /// Without DIR, uses the current directory if it holds a rungs.toml, and the
    /// built-in example framework otherwise.
    #[cfg(feature = "server")]
    Server(Box<ServerArgs>),
    /// `rungs server` in a build without it: says how to get it, whatever
    /// arguments follow, rather than "unrecognized subcommand".
    #[cfg(not(feature = "server"))]
    #[command(hide = true)]
    Server {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
        args: Vec<std::ffi::OsString>,
    },
    /// Create a new framework directory from the built-in example.
    New {
        /// The directory to create (it must not exist, or be empty).
        dir: PathBuf,
        /// The starting point.
        #[arg(long, short, default_value = "example", value_parser = templates())]
        template: String,
    },
    /// Import a ladder from another format into a new framework directory.
    Import(ImportArgs),
    /// Align the levels of two ladders: which level of B matches each level of A.
    ///
    /// A and B are framework directories, or `FORMAT:PATH` to read another format
    /// directly (hugo:, monzo:, ft:, csv:, json:).
    Map(MapArgs),
    /// Rewrite level pages in canonical form, without changing what they mean.
    ///
    /// Without DIR, formats the current directory, which must hold a rungs.toml.
    /// Pages with comments or front matter keys rungs does not read are left
    /// as written (and listed).
    Fmt(FmtArgs),
    /// What changed between two versions of a framework: directories or git revisions.
    ///
    /// OLD and NEW are directories, or revisions of the git repository holding the
    /// framework (`rungs diff v1.0 HEAD`, with --dir naming the framework folder).
    Diff(DiffArgs),
    /// What an edit does to people: readiness, ratings and open work, from a
    /// server's data (aggregates only).
    ///
    /// OLD and NEW as for `diff`. The data: `--server URL` (with an `impact`
    /// token in RUNGS_TOKEN), or the database itself (`--data DIR`,
    /// `--database URL`). `--exit-code` fails past the `[impact]` limits of
    /// NEW's rungs.toml.
    #[cfg(feature = "server")]
    Impact(ImpactArgs),
    /// Export a framework as JSON, CSV, Markdown pages or a Hugo site.
    Export(ExportArgs),
    /// Translations of the ladder (translations/<lang>/): coverage, and
    /// exchange with translators as XLIFF or CSV. See docs/translations.md.
    #[command(subcommand)]
    Translate(TranslateCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    ///
    /// For example: `rungs completions bash > ~/.local/share/bash-completion/completions/rungs`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `rungs man > rungs.1`.
    Man,
    /// Tools for developing rungs itself.
    #[command(hide = true, subcommand)]
    Dev(DevCommand),
}

/// `rungs check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The framework directory.
    pub dir: Option<PathBuf>,
    /// Exit with status 1 when there are warnings, not only errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

/// `rungs fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// The framework directory.
    pub dir: Option<PathBuf>,
    /// Rewrite nothing: list the pages that are not canonical and exit with
    /// 1 when there are any (for CI).
    #[arg(long)]
    pub check: bool,
}

/// `rungs build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The framework directory.
    pub dir: Option<PathBuf>,
    /// Output directory. Files a previous build wrote (listed in its
    /// `.rungs-manifest`) are replaced; files it did not write are kept.
    #[arg(long, short, default_value = "public")]
    pub output: PathBuf,
    /// Build even if the framework has errors.
    #[arg(long)]
    pub force: bool,
    /// Print how long each step took (reading, checking, rendering).
    #[arg(long)]
    pub timings: bool,
}

/// `rungs server`.
#[cfg(feature = "server")]
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ServerArgs {
    /// Maintenance commands; without one, the server runs.
    #[command(subcommand)]
    pub command: Option<ServerCommand>,
    /// The framework directory.
    pub dir: Option<PathBuf>,
    /// Address to listen on. Anything but a loopback address makes the app
    /// reachable from the network (put it behind https).
    #[arg(long, default_value = "127.0.0.1:8080", env = "RUNGS_LISTEN")]
    pub listen: std::net::SocketAddr,
    #[command(flatten)]
    pub store: StoreArgs,
    /// The address people use, e.g. https://ladder.example.com behind a
    /// reverse proxy: used in links, and https makes the cookie Secure.
    #[arg(long, value_name = "URL", env = "RUNGS_BASE_URL")]
    pub base_url: Option<String>,
    /// Hours a sign-in lasts.
    #[arg(long, default_value_t = 12, env = "RUNGS_SESSION_HOURS", value_parser = clap::value_parser!(i64).range(1..=720))]
    pub session_hours: i64,
    /// Close a connection that has not sent a whole request head within
    /// this many seconds (half-sent requests, idle kept-alive connections).
    #[arg(long, value_name = "SECONDS", env = "RUNGS_HEADER_TIMEOUT", default_value_t = 10,
        value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub header_timeout: u64,
    /// Cut off a request body (a form, an upload) that has not arrived
    /// whole within this many seconds.
    #[arg(long, value_name = "SECONDS", env = "RUNGS_BODY_TIMEOUT", default_value_t = 60,
        value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub body_timeout: u64,
    /// Connections served at once; one more is answered 503 and closed.
    /// Keep it well under the open-file limit (`ulimit -n`).
    #[arg(long, value_name = "N", env = "RUNGS_MAX_CONNECTIONS", default_value_t = 512,
        value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub max_connections: u64,
    /// Requests handled at once; more wait their turn in the order they
    /// came. Default: two per core.
    #[arg(long, value_name = "N", env = "RUNGS_MAX_IN_FLIGHT",
        value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub max_in_flight: Option<u64>,
    #[command(flatten)]
    pub oidc: OidcArgs,
    /// The ladder of the company people come from (a framework directory or
    /// FORMAT:PATH, as for `rungs map`): a rollout suggests the level a
    /// person's previous title (roster column `previous title`) maps to.
    #[arg(long, value_name = "LADDER")]
    pub previous_ladder: Option<String>,
    /// Serve Prometheus metrics at /metrics to the bearer of the token in
    /// FILE (or in RUNGS_METRICS_TOKEN). Without a token, /metrics is off.
    #[arg(long, value_name = "FILE", env = "RUNGS_METRICS_TOKEN_FILE")]
    pub metrics_token_file: Option<PathBuf>,
    /// How log lines are written: `text` (one readable line each) or
    /// `json` (one JSON object each, for a log collector).
    #[arg(long, value_enum, default_value_t = LogFormat::Text, env = "RUNGS_LOG_FORMAT")]
    pub log_format: LogFormat,
}

/// How `rungs server` writes its log.
#[cfg(feature = "server")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// One readable line per event.
    Text,
    /// One JSON object per line: time, level, target, fields, spans.
    Json,
}

/// Sign-in through an OpenID Connect provider. The client secret comes only
/// from the environment (RUNGS_OIDC_CLIENT_SECRET), never from a flag or a
/// file, so it stays out of shell history and the framework's repository.
#[cfg(feature = "server")]
#[derive(Debug, Args, Clone)]
pub struct OidcArgs {
    /// The provider's issuer URL, e.g. https://accounts.google.com.
    #[arg(
        long,
        value_name = "URL",
        env = "RUNGS_OIDC_ISSUER",
        requires = "oidc_client_id"
    )]
    pub oidc_issuer: Option<String>,
    /// This server's client id at the provider.
    #[arg(
        long,
        value_name = "ID",
        env = "RUNGS_OIDC_CLIENT_ID",
        requires = "oidc_issuer"
    )]
    pub oidc_client_id: Option<String>,
    /// The provider's name on the sign-in button.
    #[arg(
        long,
        value_name = "NAME",
        env = "RUNGS_OIDC_NAME",
        default_value = "your identity provider"
    )]
    pub oidc_name: String,
    /// The ID token claim listing the person's groups (e.g. `groups`).
    #[arg(long, value_name = "CLAIM", env = "RUNGS_OIDC_GROUPS_CLAIM")]
    pub oidc_groups_claim: Option<String>,
    /// Groups whose members are administrators (comma-separated).
    #[arg(
        long,
        value_name = "GROUPS",
        env = "RUNGS_OIDC_ADMIN_GROUPS",
        value_delimiter = ','
    )]
    pub oidc_admin_groups: Vec<String>,
    /// Groups whose members are HR (comma-separated).
    #[arg(
        long,
        value_name = "GROUPS",
        env = "RUNGS_OIDC_HR_GROUPS",
        value_delimiter = ','
    )]
    pub oidc_hr_groups: Vec<String>,
}

/// Where `rungs server` keeps its data.
#[cfg(feature = "server")]
#[derive(Debug, Args, Clone)]
pub struct StoreArgs {
    /// The data directory (the SQLite database lives here).
    #[arg(
        long,
        value_name = "DIR",
        default_value = "rungs-data",
        env = "RUNGS_DATA",
        global = true
    )]
    pub data: PathBuf,
    /// A PostgreSQL URL (postgres://user:password@host/db) or sqlite:FILE,
    /// instead of the data directory's SQLite file.
    #[arg(
        long,
        value_name = "URL",
        env = "RUNGS_DATABASE_URL",
        global = true,
        hide_env_values = true
    )]
    pub database: Option<String>,
    /// The file holding the audit log's key (hex). Default: DIR/audit.key
    /// in the data directory, made on the server's first start. Keep it
    /// apart from the database: whoever has both can rewrite the log.
    /// `RUNGS_AUDIT_KEY` (the key itself, in hex) takes precedence.
    #[arg(long, value_name = "FILE", env = "RUNGS_AUDIT_KEY_FILE", global = true)]
    pub audit_key_file: Option<PathBuf>,
}

/// `rungs server …` maintenance.
#[cfg(feature = "server")]
#[derive(Debug, Subcommand)]
pub enum ServerCommand {
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Write a consistent copy of the SQLite database while the server runs.
    /// (PostgreSQL: use pg_dump; see docs/server.md.)
    Backup {
        /// The new file to write (it must not exist).
        file: PathBuf,
    },
    /// Replace the SQLite database with a backup. The server must be stopped.
    Restore {
        /// The backup to restore.
        file: PathBuf,
    },
}

/// `rungs server audit …`.
#[cfg(feature = "server")]
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the audit log's hash chain and, with the audit key, its MACs:
    /// exit 0 when intact, 1 when broken.
    Verify {
        /// A checkpoint (`rungs server audit checkpoint`): also check that
        /// the log was neither cut below it nor rewritten up to it.
        #[arg(long, value_name = "CHECKPOINT")]
        since: Option<PathBuf>,
    },
    /// Print the audit log's head (position, hash, time, MAC) as one line
    /// of JSON, to keep apart from the database for `verify --since`.
    Checkpoint,
}

/// `rungs serve`.
#[cfg(feature = "serve")]
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The framework directory.
    pub dir: Option<PathBuf>,
    /// Port to listen on (0 picks a free one).
    #[arg(long, short, default_value_t = 3000)]
    pub port: u16,
    /// Address to listen on: an IP address, or `localhost`. The preview has no
    /// authentication: anything but a loopback address shows the framework to
    /// the network.
    #[arg(long, default_value = "127.0.0.1", value_parser = parse_host)]
    pub host: std::net::IpAddr,
    /// Close connections that send no complete request for this long (tests use
    /// a short one).
    #[arg(long, default_value_t = 10_000, hide = true)]
    pub header_timeout_ms: u64,
}

/// `--host`: an IP address, or `localhost` (which is 127.0.0.1, not whatever
/// the resolver says, so the preview never listens beyond this machine by
/// surprise).
#[cfg(feature = "serve")]
fn parse_host(value: &str) -> Result<std::net::IpAddr, String> {
    if value.eq_ignore_ascii_case("localhost") {
        return Ok(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let value = value
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .unwrap_or(value);
    value
        .parse()
        .map_err(|_| format!("`{value}` is not an IP address or `localhost`"))
}

/// How `check` prints its findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Human-readable, with source snippets (on standard error).
    Text,
    /// One JSON document on standard output, for editors and tools.
    Json,
}

/// `rungs import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The format of the source.
    #[arg(value_parser = import_formats())]
    pub format: String,
    /// The source: a directory (Hugo site, Monzo or FT repository), or a file (CSV, JSON).
    pub src: PathBuf,
    /// The framework directory to create (not needed with --dry-run).
    #[arg(required_unless_present = "dry_run")]
    pub out: Option<PathBuf>,
    /// Show what would be imported, and what could not be, without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// Write the framework even though parts of the source could not be
    /// imported (each is reported as an error); without it nothing is
    /// written and the exit code is 1.
    #[arg(long)]
    pub accept_loss: bool,
    /// Write into OUT even if it is not empty (files with the same names are replaced).
    #[arg(long)]
    pub force: bool,
}

/// The starting points `new` offers, from rungs-core.
fn templates() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        rungs_core::TEMPLATES
            .iter()
            .map(|t| clap::builder::PossibleValue::new(t.name).help(t.description)),
    )
}

/// The formats `import` reads, from the importer registry of rungs-core.
fn import_formats() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        rungs_core::import::FORMATS
            .iter()
            .map(|f| clap::builder::PossibleValue::new(f.name).help(f.description)),
    )
}

/// `rungs map`.
#[derive(Debug, Args)]
pub struct MapArgs {
    /// The first framework (directory, or FORMAT:PATH).
    pub a: String,
    /// The second framework (directory, or FORMAT:PATH).
    pub b: String,
    /// Track of A to map (default: its first track).
    #[arg(long)]
    pub track_a: Option<String>,
    /// Track of B to map onto (default: its first of the kind of A's track).
    #[arg(long)]
    pub track_b: Option<String>,
    /// Declare that level A_ID of A matches level B_ID of B (repeatable).
    #[arg(long, value_name = "A_ID=B_ID")]
    pub pin: Vec<String>,
    /// Answer for one title of A, as people write it (e.g. "Sr. Software
    /// Engineer", "SWE II"): its track is found when --track-a is not given.
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// Also compare the meaning of statements, with the sentence-embedding
    /// model in DIR (config.json, tokenizer.json, model.safetensors, as
    /// sentence-transformers saves all-MiniLM-L6-v2). Needs a rungs built
    /// with the `semantic` feature; nothing is downloaded.
    #[arg(long, value_name = "DIR")]
    pub model: Option<std::path::PathBuf>,
    /// With --model: keep statement vectors in FILE between runs (made if
    /// missing), so a run embeds only statements it has not seen.
    #[arg(long, value_name = "FILE", requires = "model")]
    pub embedding_cache: Option<std::path::PathBuf>,
    /// Output format (both on standard output).
    #[arg(long, value_enum, default_value_t = MapFormat::Text)]
    pub format: MapFormat,
}

/// How `map` prints the alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MapFormat {
    /// A table for people, with the evidence for each match.
    Text,
    /// One JSON document with the whole similarity matrix, for tools.
    Json,
}

/// `rungs impact`.
#[cfg(feature = "server")]
#[derive(Debug, Args)]
// One source of data: `--data` and `--database` given together would
// otherwise read the database silently and ignore the directory.
#[command(group(clap::ArgGroup::new("people_data").args(["server", "data", "database"])))]
pub struct ImpactArgs {
    /// The old version: a directory or a git revision.
    pub old: String,
    /// The new version: a directory or a git revision.
    pub new: String,
    /// The framework folder inside the git repository, for revisions.
    #[arg(long, default_value = ".")]
    pub dir: PathBuf,
    /// A running `rungs server` (https://ladder.example.com) to ask, with
    /// the API token in the RUNGS_TOKEN environment variable (an `impact`
    /// token reads aggregates only). Needs `curl`.
    #[arg(long, value_name = "URL", conflicts_with = "database")]
    pub server: Option<String>,
    /// The server's data, read directly.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ImpactFormat::Text)]
    pub format: ImpactFormat,
    /// Exit with 1 when the edit goes past the `[impact]` limits of NEW's
    /// rungs.toml without an `allow` note of its own (for CI).
    #[arg(long)]
    pub exit_code: bool,
}

/// How `impact` prints.
#[cfg(feature = "server")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImpactFormat {
    /// For the terminal.
    Text,
    /// For a pull-request comment.
    Markdown,
    /// The aggregate and the verdict as JSON, for tools.
    Json,
}

/// `rungs diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old version: a directory or a git revision.
    pub old: String,
    /// The new version: a directory or a git revision.
    pub new: String,
    /// The framework folder inside the git repository, for revisions.
    #[arg(long, default_value = ".")]
    pub dir: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Exit with 1 when the versions differ (for CI), 0 when they are the same.
    #[arg(long)]
    pub exit_code: bool,
}

/// How `diff` prints the changelog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// For the terminal, with `[-removed-]{+added+}` word diffs.
    Text,
    /// For release notes.
    Markdown,
    /// The changelog as JSON, for tools.
    Json,
    /// What became of every old statement (unchanged, reworded, moved, split,
    /// merged, removed) and its new id, as JSON: for tools that store data
    /// against statement ids.
    Idmap,
}

/// `rungs export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The framework directory (default: as for `check`).
    pub dir: Option<PathBuf>,
    /// What to write.
    #[arg(long, short, value_enum)]
    pub format: ExportFormat,
    /// Output file (json, csv, schema; default: standard output) or directory (markdown, hugo).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Export even if the framework has errors.
    #[arg(long)]
    pub force: bool,
    /// CSV only: `neutralise` puts a `'` before cells starting with `=`, `+`,
    /// `-`, `@`, tab or carriage return so spreadsheets do not run them as
    /// formulas (`rungs import csv` removes it); `keep` writes them as they are.
    #[arg(long, value_enum, default_value_t = CsvFormulas::Neutralise)]
    pub csv_formulas: CsvFormulas,
}

/// `--csv-formulas`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CsvFormulas {
    /// Prefix formula-like cells with `'`.
    Neutralise,
    /// Write cells unchanged.
    Keep,
}

/// Formats `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The model as JSON (see schema/framework.schema.json).
    Json,
    /// One row per statement.
    Csv,
    /// One row per grade of the shared scale, a column per track: the level
    /// of each track at each grade (CSV).
    Grades,
    /// A rungs directory with one Markdown page per level.
    Markdown,
    /// A Hugo site with the same content.
    Hugo,
    /// The JSON Schema of the JSON export.
    Schema,
}

/// `rungs dev ...`.
#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Write a synthetic framework twice: OUT/native (rungs) and OUT/hugo (a Hugo site).
    Synth {
        /// Number of tracks.
        #[arg(long, default_value_t = 10)]
        tracks: usize,
        /// Levels per track.
        #[arg(long, default_value_t = 10)]
        levels: usize,
        /// Random seed; the same seed writes the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output directory.
        out: PathBuf,
    },
}

/// `rungs translate`.
#[derive(Debug, Subcommand)]
pub enum TranslateCommand {
    /// Coverage per language: translated, stale, missing and orphaned texts.
    ///
    /// Without DIR, the current directory, which must hold a rungs.toml.
    Status(TranslateStatusArgs),
    /// Write one language's texts for translators: source, current
    /// translation and state (translated, stale, missing).
    Export(TranslateExportArgs),
    /// Read a file back from translators (XLIFF or CSV, as exported) into
    /// translations/<lang>/. Nothing is written if any row is wrong.
    Import(TranslateImportArgs),
    /// Start a language: a translation file with every source text for
    /// each file of the framework the language does not have yet.
    Init(TranslateInitArgs),
}

/// `rungs translate status`.
#[derive(Debug, Args)]
pub struct TranslateStatusArgs {
    /// The framework directory.
    pub dir: Option<PathBuf>,
    /// Exit with status 1 when any text is stale or missing (for CI).
    #[arg(long)]
    pub deny_stale: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

/// `rungs translate export`.
#[derive(Debug, Args)]
pub struct TranslateExportArgs {
    /// The framework directory.
    pub dir: Option<PathBuf>,
    /// The language (`de`, `ja`, `pt-BR`).
    #[arg(long)]
    pub lang: String,
    /// XLIFF 2.0 for translation tools, or CSV for spreadsheets.
    #[arg(long, short, value_enum)]
    pub format: TranslateFormat,
    /// Output file (default: standard output).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// The language the framework is written in (XLIFF's `srcLang`).
    #[arg(long, default_value = "en")]
    pub source_lang: String,
}

/// `rungs translate import`.
#[derive(Debug, Args)]
pub struct TranslateImportArgs {
    /// The XLIFF or CSV file from translators.
    pub file: PathBuf,
    /// The framework directory (default: the current directory).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Say what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// `rungs translate init`.
#[derive(Debug, Args)]
pub struct TranslateInitArgs {
    /// The framework directory.
    pub dir: Option<PathBuf>,
    /// The language to start (`de`, `ja`, `pt-BR`).
    #[arg(long)]
    pub lang: String,
}

/// Formats of `rungs translate export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TranslateFormat {
    /// XLIFF 2.0.
    Xliff,
    /// CSV: lang, file, key, state, source, translation, old_source.
    Csv,
}
