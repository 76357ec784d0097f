//! The command-line interface, declared with clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Career ladders as code: check, export and import career frameworks.
#[derive(Debug, Parser)]
#[command(name = "rungs", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Every command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a framework and report errors and warnings with file:line:column.
    ///
    /// Without DIR, checks the current directory if it holds a rungs.toml, and the
    /// built-in example framework otherwise.
    Check(CheckArgs),
    /// Build the framework's static website.
    ///
    /// Without DIR, builds the current directory if it holds a rungs.toml, and the
    /// built-in example framework otherwise.
    Build(BuildArgs),
    /// Serve the website on localhost with live reload while you edit.
    ///
    /// Without DIR, serves the current directory if it holds a rungs.toml, and the
    /// built-in example framework otherwise.
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
    /// Create a new framework directory from the built-in example.
    New {
        /// The directory to create (it must not exist, or be empty).
        dir: PathBuf,
    },
    /// Import a ladder from another format into a new framework directory.
    Import(ImportArgs),
    /// Align the levels of two ladders: which level of B matches each level of A.
    ///
    /// A and B are framework directories, or `FORMAT:PATH` to read another format
    /// directly (hugo:, monzo:, ft:, json:).
    Map(MapArgs),
    /// What changed between two versions of a framework: directories or git revisions.
    ///
    /// OLD and NEW are directories, or revisions of the git repository holding the
    /// framework (`rungs diff v1.0 HEAD`, with --dir naming the framework folder).
    Diff(DiffArgs),
    /// Export a framework as JSON, CSV, Markdown pages or a Hugo site.
    Export(ExportArgs),
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

/// `rungs serve`.
#[cfg(feature = "serve")]
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The framework directory.
    pub dir: Option<PathBuf>,
    /// Port to listen on (0 picks a free one).
    #[arg(long, short, default_value_t = 3000)]
    pub port: u16,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,
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
    #[arg(value_enum)]
    pub format: ImportFormat,
    /// The source: a directory (Hugo site, Monzo or FT repository), or a JSON file.
    pub src: PathBuf,
    /// The framework directory to create.
    pub out: PathBuf,
    /// Show what would be imported without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// Write into OUT even if it is not empty (files with the same names are
    /// replaced), and write what could be read even if the input has errors.
    #[arg(long)]
    pub force: bool,
}

/// Formats `import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// A Hugo ladder site (config + content/ with one page per level).
    Hugo,
    /// Monzo's progression framework (frameworks/**/*.md with YAML `topics`).
    Monzo,
    /// The Financial Times engineering-progression job families (data/job-families/*.yml).
    Ft,
    /// A spreadsheet saved as CSV (a file, or a folder of .csv files; one track each).
    Csv,
    /// The JSON export of rungs.
    Json,
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
    /// Track of B to map onto (default: its first track).
    #[arg(long)]
    pub track_b: Option<String>,
    /// Declare that level A_ID of A matches level B_ID of B (repeatable).
    #[arg(long, value_name = "A_ID=B_ID")]
    pub pin: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
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
}

/// How `diff` prints the changelog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// For the terminal, with `[-removed-]{+added+}` word diffs.
    Text,
    /// For release notes.
    Markdown,
    /// For tools.
    Json,
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
