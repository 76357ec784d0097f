//! The files of a framework at a git revision, and the commit a work tree
//! is at.
//!
//! This is the one place rungs-core runs a program: `git`, found on `PATH`,
//! with `-C DIR` (or in `DIR`), never through a shell. Revisions can come
//! from rungs.toml (`[site] changes_since`), so one that git could read as
//! an option (starting with `-`) is refused before git sees it.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::{FileLimits, SourceSet};

/// Why the files of a revision could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GitError {
    /// The text cannot be a revision (it starts with `-` or holds a line
    /// break or NUL).
    #[error("`{0}` is not a git revision")]
    NotARevision(String),
    /// git does not know the revision (or `dir` is in no repository).
    #[error("`{rev}` is neither a directory nor a git revision of {}: {message}", dir.display())]
    Unknown {
        /// The revision asked for.
        rev: String,
        /// The directory git ran in.
        dir: PathBuf,
        /// What git said.
        message: String,
    },
    /// git could not be run, or stopped answering.
    #[error("cannot run git: {0}")]
    Run(std::io::Error),
    /// git answered something this module does not understand.
    #[error("unexpected git output")]
    Output,
    /// A file of the revision is larger than a checked-out file may be.
    #[error("`{rev}:{path}` is larger than {mib} MiB")]
    TooLarge {
        /// The revision.
        rev: String,
        /// The file, relative to the directory.
        path: String,
        /// The limit.
        mib: u64,
    },
}

/// Reads every file under `dir` at revision `rev` of the repository that
/// holds `dir`, with paths relative to `dir` (as [`SourceSet::read_dir`]
/// gives them for a checkout).
///
/// Each file is held to the default size limit of a checked-out file (see
/// [`FileLimits`]).
pub fn read_revision(rev: &str, dir: &Path) -> Result<SourceSet, GitError> {
    // A revision can come from rungs.toml (`changes_since`): one starting
    // with `-` would be read by git as an option.
    if rev.starts_with('-') || rev.contains(['\n', '\0']) {
        return Err(GitError::NotARevision(rev.to_string()));
    }
    // ls-tree lists paths relative to `dir`; `REV:./path` reads them relative to it too.
    // `-z`: names as they are, NUL-separated (without it git quotes names
    // with non-ASCII characters, and those paths do not exist at REV).
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["ls-tree", "-r", "-z", "--name-only", rev, "--", "."])
        .output()
        .map_err(GitError::Run)?;
    if !out.status.success() {
        return Err(GitError::Unknown {
            rev: rev.to_string(),
            dir: dir.to_path_buf(),
            message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    let listing = String::from_utf8_lossy(&out.stdout);
    let paths: Vec<&str> = listing.split('\0').filter(|p| !p.is_empty()).collect();
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(GitError::Run)?;
    let mut stdin = child.stdin.take().ok_or(GitError::Output)?;
    let requests: String = paths.iter().map(|p| format!("{rev}:./{p}\n")).collect();
    // Written from another thread: git answers while it reads, and a pipe
    // full in both directions would stop both sides.
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let read = read_batch(&mut child, rev, &paths);
    if read.is_err() {
        // Stop git rather than wait for it to write answers nobody reads.
        let _ = child.kill();
    }
    let _ = writer.join();
    let _ = child.wait();
    read
}

/// Reads the answers of `git cat-file --batch`, one per path, in order.
fn read_batch(
    child: &mut std::process::Child,
    rev: &str,
    paths: &[&str],
) -> Result<SourceSet, GitError> {
    let mut reader = BufReader::new(child.stdout.take().ok_or(GitError::Output)?);
    // Within the limit a checked-out file has (see `[files]`).
    let limit = FileLimits::default().max_file_bytes();
    let mut set = SourceSet::new();
    for path in paths {
        let mut header = String::new();
        reader.read_line(&mut header).map_err(GitError::Run)?;
        let size: usize = header
            .split_whitespace()
            .nth(2)
            .and_then(|s| s.parse().ok())
            .ok_or(GitError::Output)?;
        if size as u64 > limit {
            return Err(GitError::TooLarge {
                rev: rev.to_string(),
                path: (*path).to_string(),
                mib: limit >> 20,
            });
        }
        let mut bytes = vec![0; size + 1];
        reader.read_exact(&mut bytes).map_err(GitError::Run)?;
        // Each object is followed by a line break.
        bytes.pop();
        set.insert(path, bytes);
    }
    Ok(set)
}

/// The commit checked out in the repository holding `dir`, if `dir` is in
/// one (and git runs).
pub fn head_commit(dir: &Path) -> Option<String> {
    let out = Command::new("git")
        .args(["rev-parse", "--verify", "HEAD"])
        .current_dir(dir)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let commit = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && commit.len() >= 40).then_some(commit)
}

/// True when the files under `dir` are those of the commit checked out:
/// nothing changed, added or removed (`git status --porcelain -- .` says
/// nothing).
pub fn is_clean(dir: &Path) -> bool {
    Command::new("git")
        .args(["status", "--porcelain", "--", "."])
        .current_dir(dir)
        .stderr(Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success() && o.stdout.is_empty())
}
