//! The files of a framework, held in memory.
//!
//! Loading works on a [`SourceSet`] rather than on the disk so that the same
//! code checks a directory, the framework embedded in the binary, or files a
//! test builds in memory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::Span;

/// Where a file stops being valid UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidUtf8 {
    /// Byte offset of the first invalid byte.
    pub offset: usize,
    /// 1-based line of that byte.
    pub line: u32,
    /// 1-based column of that byte.
    pub column: u32,
}

/// One file: its path relative to the framework root and its bytes.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Relative path with `/` separators.
    pub path: Arc<str>,
    /// The text, or where the first invalid UTF-8 byte is.
    pub text: Result<String, InvalidUtf8>,
    /// The bytes of a file that is not UTF-8 (empty for text files, whose
    /// bytes are the text).
    binary: Vec<u8>,
    line_starts: Vec<usize>,
    /// Characters before each [`CHAR_BLOCK`]-byte block of the text, so a
    /// column on a long line is counted from the nearest block, not from the
    /// start of the line (a 10 MB one-line file with a finding every few
    /// bytes would otherwise count 10 MB per finding).
    char_blocks: Vec<usize>,
}

/// Bytes per block of [`SourceFile`]'s character counts.
const CHAR_BLOCK: usize = 4096;

/// Characters in `bytes` (valid UTF-8 cut anywhere): the bytes that are not
/// continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl SourceFile {
    /// Wraps a file's bytes.
    pub fn new(path: &str, bytes: Vec<u8>) -> Self {
        let (text, binary) = match String::from_utf8(bytes) {
            Ok(t) => (Ok(t), Vec::new()),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
                let line = valid.matches('\n').count() as u32 + 1;
                let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
                (
                    Err(InvalidUtf8 {
                        offset,
                        line,
                        column,
                    }),
                    e.into_bytes(),
                )
            }
        };
        // A UTF-8 byte-order mark is invisible to authors; drop it so offsets
        // match what an editor shows.
        let text = text.map(|t| match t.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => t,
        });
        let line_starts = match &text {
            Ok(t) => std::iter::once(0)
                .chain(t.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            Err(_) => vec![0],
        };
        let char_blocks = match &text {
            Ok(t) => {
                let mut total = 0;
                let mut blocks = Vec::with_capacity(t.len() / CHAR_BLOCK + 1);
                for block in t.as_bytes().chunks(CHAR_BLOCK) {
                    blocks.push(total);
                    total += count_chars(block);
                }
                blocks
            }
            Err(_) => Vec::new(),
        };
        SourceFile {
            path: Arc::from(path),
            text,
            binary,
            line_starts,
            char_blocks,
        }
    }

    /// The file's bytes, whether it is text or not.
    pub fn bytes(&self) -> &[u8] {
        match &self.text {
            Ok(t) => t.as_bytes(),
            Err(_) => &self.binary,
        }
    }

    /// The text, or an empty string for a file that is not UTF-8.
    pub fn text(&self) -> &str {
        self.text.as_deref().unwrap_or("")
    }

    /// A span for a byte range of this file (clamped to the text, trailing
    /// white space and newlines left out so carets underline only the text).
    pub fn span(&self, start: usize, end: usize) -> Span {
        let text = self.text();
        let start = floor_char_boundary(text, start.min(text.len()));
        let mut end = floor_char_boundary(text, end.clamp(start, text.len()));
        while end > start && text.as_bytes()[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        let line_index = self.line_starts.partition_point(|&s| s <= start) - 1;
        let line_start = self.line_starts[line_index];
        // Most lines are short: count their characters directly; a very
        // long line goes through the blocks, in O(CHAR_BLOCK).
        let column = if start - line_start <= CHAR_BLOCK {
            count_chars(&text.as_bytes()[line_start..start])
        } else {
            self.chars_before(start) - self.chars_before(line_start)
        } + 1;
        Span {
            file: self.path.clone(),
            start,
            end,
            line: line_index as u32 + 1,
            column: column as u32,
        }
    }

    /// Characters before byte `at` of the text, in O([`CHAR_BLOCK`]).
    fn chars_before(&self, at: usize) -> usize {
        let bytes = self.text().as_bytes();
        let at = at.min(bytes.len());
        // At the very end of a text of whole blocks there is no block `at`.
        let block = (at / CHAR_BLOCK).min(self.char_blocks.len().saturating_sub(1));
        self.char_blocks.get(block).copied().unwrap_or(0)
            + count_chars(&bytes[block * CHAR_BLOCK..at])
    }

    /// A span covering the whole of 1-based `line` (without its newline).
    pub fn line_span(&self, line: usize) -> Span {
        let text = self.text();
        let idx = line.saturating_sub(1).min(self.line_starts.len() - 1);
        let start = self.line_starts[idx];
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        self.span(start, end)
    }

    /// The whole lines that bytes `start..end` touch: the 1-based number of
    /// the first and their byte range (without the last newline). Found by
    /// binary search in line starts computed once, so showing many
    /// diagnostics of one large file does not re-read it for each.
    pub fn lines_of(&self, start: usize, end: usize) -> (usize, std::ops::Range<usize>) {
        let text = self.text();
        let start = start.min(text.len());
        let end = end.clamp(start, text.len());
        let first = self.line_starts.partition_point(|&s| s <= start) - 1;
        let last = self
            .line_starts
            .partition_point(|&s| s < end.max(start + 1))
            .max(1)
            - 1;
        let from = self.line_starts[first];
        let to = self
            .line_starts
            .get(last.max(first) + 1)
            .map_or(text.len(), |&next| next - 1);
        (first + 1, from..to.max(from))
    }

    /// A span for the start of the file.
    pub fn start_span(&self) -> Span {
        self.line_span(1)
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How much reading a framework directory accepts: the `[files]` table of
/// rungs.toml. See `docs/security.md`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FileLimits {
    /// Largest accepted file, in MiB (default 10).
    pub max_file_mib: u64,
    /// Largest accepted total of all files, in MiB (default 256).
    pub max_total_mib: u64,
    /// Follow symbolic links that point outside the framework (default
    /// false: a link to `/etc/passwd` in `static/` would publish it).
    pub follow_external_symlinks: bool,
    /// Let `[[site.compare_with]]` and `[site] changes_since` read
    /// frameworks outside the git repository that holds this one (default
    /// false: a pull request could otherwise publish any readable directory).
    pub allow_sources_outside_repository: bool,
}

impl Default for FileLimits {
    fn default() -> Self {
        FileLimits {
            max_file_mib: 10,
            max_total_mib: 256,
            follow_external_symlinks: false,
            allow_sources_outside_repository: false,
        }
    }
}

impl FileLimits {
    /// The limits that rungs.toml (its bytes) sets; the defaults when it sets
    /// none or cannot be read (loading reports why).
    pub fn from_config(bytes: &[u8]) -> FileLimits {
        #[derive(serde::Deserialize)]
        struct Only {
            files: Option<FileLimits>,
        }
        std::str::from_utf8(bytes)
            .ok()
            .and_then(|text| toml::from_str::<Only>(text).ok())
            .and_then(|only| only.files)
            .unwrap_or_default()
    }

    /// The per-file limit in bytes.
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_mib.saturating_mul(1 << 20)
    }

    /// The total limit in bytes.
    pub fn max_total_bytes(&self) -> u64 {
        self.max_total_mib.saturating_mul(1 << 20)
    }
}

/// All files of a framework, by relative path.
#[derive(Clone, Debug, Default)]
pub struct SourceSet {
    files: BTreeMap<String, SourceFile>,
    /// Files that could not be read, with the reason.
    pub unreadable: Vec<(String, String)>,
}

impl SourceSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) a file.
    pub fn insert(&mut self, path: &str, bytes: impl Into<Vec<u8>>) {
        self.files
            .insert(path.to_string(), SourceFile::new(path, bytes.into()));
    }

    /// Removes a file (e.g. deleted while `rungs serve` watches the directory).
    pub fn remove(&mut self, path: &str) {
        self.files.remove(path);
    }

    /// The file at `path`.
    pub fn get(&self, path: &str) -> Option<&SourceFile> {
        self.files.get(path)
    }

    /// All files, sorted by path.
    pub fn iter(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.values()
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when there is no file.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// True when a file exists at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// Reads every file under `root`, skipping hidden files and folders
    /// (`.git`, editor swap files) and the `public/` output folder, within the
    /// [`FileLimits`] that `[files]` of the framework's rungs.toml sets (the
    /// defaults when it sets none).
    ///
    /// A ladder arrives as a pull request, so nothing in it may make rungs read
    /// outside the framework or hang: only regular files are opened (a FIFO
    /// would block forever, a device such as `/dev/zero` never ends), symbolic
    /// links that leave the framework are refused unless allowed, and each file
    /// and the whole set are size-limited. Refused files are listed in
    /// [`SourceSet::unreadable`] with the reason, and become `refused-file`
    /// errors when the set is loaded. Going over the total limit is an error.
    pub fn read_dir(root: &Path) -> std::io::Result<SourceSet> {
        let canonical_root = std::fs::canonicalize(root)?;
        let mut found = Vec::new();
        let mut refused = Vec::new();
        collect(root, root, &mut found, &mut refused)?;
        // rungs.toml says how far the other files may go, so read it first,
        // within the default limits.
        let defaults = FileLimits::default();
        let mut set = SourceSet::new();
        let mut limits = defaults.clone();
        if let Some(config) = found.iter().find(|(rel, _)| rel == "rungs.toml") {
            match read_checked(&canonical_root, &config.1, &defaults) {
                Ok(bytes) => limits = FileLimits::from_config(&bytes),
                Err(reason) => refused.push(("rungs.toml".to_string(), reason)),
            }
        }
        let mut total: u64 = 0;
        for (rel, abs) in &found {
            // Sizes as the file system reports them: enough to stop before
            // reading gigabytes; each read is bounded again below.
            if let Ok(meta) = std::fs::symlink_metadata(abs)
                && meta.is_file()
            {
                total = total.saturating_add(meta.len().min(limits.max_file_bytes() + 1));
            }
            if total > limits.max_total_bytes() {
                return Err(std::io::Error::other(format!(
                    "the framework's files add up to more than {} MiB (the limit was reached at `{rel}`); \
                     raise `max_total_mib` under `[files]` in rungs.toml if this is intended",
                    limits.max_total_mib
                )));
            }
        }
        use rayon::prelude::*;
        let read: Vec<(String, Result<Vec<u8>, String>)> = found
            .into_par_iter()
            .map(|(rel, abs)| {
                let bytes = read_checked(&canonical_root, &abs, &limits);
                (rel, bytes)
            })
            .collect();
        let mut total: u64 = 0;
        for (rel, bytes) in read {
            match bytes {
                Ok(bytes) => {
                    total = total.saturating_add(bytes.len() as u64);
                    set.files.insert(rel.clone(), SourceFile::new(&rel, bytes));
                }
                Err(reason) => refused.push((rel, reason)),
            }
        }
        // Files can grow between the size check and the read.
        if total > limits.max_total_bytes() {
            return Err(std::io::Error::other(format!(
                "the framework's files add up to more than {} MiB; \
                 raise `max_total_mib` under `[files]` in rungs.toml if this is intended",
                limits.max_total_mib
            )));
        }
        refused.sort();
        set.unreadable = refused;
        Ok(set)
    }

    /// Reads one file of the framework at `root` (a path relative to it) as
    /// [`SourceSet::read_dir`] would: `Ok(None)` when it does not exist, an
    /// error naming the reason when it is refused. For watchers that reload
    /// single files (a folder counts as absent).
    pub fn read_file(root: &Path, rel: &str) -> Result<Option<Vec<u8>>, String> {
        let canonical_root = std::fs::canonicalize(root).map_err(|e| e.to_string())?;
        // rungs.toml too is read only if it is a regular file.
        let limits = read_checked(
            &canonical_root,
            &root.join("rungs.toml"),
            &FileLimits::default(),
        )
        .map_or_else(|_| FileLimits::default(), |b| FileLimits::from_config(&b));
        let abs = join_inside(root, rel).map_err(|e| e.to_string())?;
        match std::fs::symlink_metadata(&abs) {
            Ok(meta) if !meta.is_dir() => {}
            _ => return Ok(None),
        }
        read_checked(&canonical_root, &abs, &limits).map(Some)
    }

    /// The framework built into rungs (the one `rungs new` writes).
    pub fn example() -> SourceSet {
        let mut set = SourceSet::new();
        add_embedded(&EXAMPLE, &mut set);
        set
    }

    /// The files of the starting point called `name` (see [`TEMPLATES`]).
    pub fn template(name: &str) -> Option<SourceSet> {
        if name == "example" {
            return Some(SourceSet::example());
        }
        TEMPLATES.iter().find(|t| t.name == name)?;
        let dir = TEMPLATE_DIRS.get_dir(name)?;
        let mut set = SourceSet::new();
        // Paths inside the template, not inside the templates folder.
        for file in dir.files() {
            let path = file.path().strip_prefix(name).unwrap_or(file.path());
            set.insert(&path.to_string_lossy().replace('\\', "/"), file.contents());
        }
        let mut stack: Vec<&include_dir::Dir<'_>> = dir.dirs().collect();
        while let Some(sub) = stack.pop() {
            for file in sub.files() {
                let path = file.path().strip_prefix(name).unwrap_or(file.path());
                set.insert(&path.to_string_lossy().replace('\\', "/"), file.contents());
            }
            stack.extend(sub.dirs());
        }
        Some(set)
    }

    /// Writes every file under `root`.
    pub fn write_to(&self, root: &Path) -> std::io::Result<()> {
        // Every path is checked before the first is written, so a bad one
        // leaves nothing behind.
        let paths = self
            .iter()
            .map(|file| join_inside(root, &file.path).map(|path| (path, file)))
            .collect::<std::io::Result<Vec<_>>>()?;
        for (path, file) in paths {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, file.bytes())?;
        }
        Ok(())
    }
}

static EXAMPLE: include_dir::Dir<'_> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/example");
static TEMPLATE_DIRS: include_dir::Dir<'_> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/templates");

/// A starting point for a new framework (`rungs new DIR --template NAME`).
#[derive(Clone, Copy, Debug)]
pub struct Template {
    /// The name to pass to `--template`.
    pub name: &'static str,
    /// What it is, for `rungs new --help`.
    pub description: &'static str,
}

/// Every starting point `rungs new` offers; the first is the default.
pub const TEMPLATES: &[Template] = &[
    Template {
        name: "example",
        description: "two engineering tracks that branch into management, an area-major reliability track, a grade scale, pages",
    },
    Template {
        name: "ten-grades",
        description: "a ten-grade career map: two job families on one grade scale, and a management path from grade 6",
    },
    Template {
        name: "growth",
        description: "growth dimensions described per job level, with a specialty track that extends the base track",
    },
];

fn add_embedded(dir: &include_dir::Dir<'_>, set: &mut SourceSet) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        set.insert(&path, file.contents());
    }
    for sub in dir.dirs() {
        add_embedded(sub, set);
    }
}

/// Whether a path of the framework (relative to its root, with `/`
/// separators) is left out of it: hidden files and folders (`.git`), editor
/// backups (`x.md~`), and the `public` and `target` folders at the root,
/// where built output goes. The loader and `rungs serve`'s watcher both use
/// this, so a file the watcher re-reads is one a fresh load would read.
pub fn is_ignored(rel: &str) -> bool {
    rel.split('/').enumerate().any(|(i, part)| {
        part.starts_with('.')
            || part.ends_with('~')
            || (i == 0 && (part == "public" || part == "target"))
    })
}

/// Lists the files under `dir`: readable candidates in `out`, names that
/// cannot be used (not UTF-8) in `refused`.
fn collect(
    root: &Path,
    dir: &Path,
    out: &mut Vec<(String, PathBuf)>,
    refused: &mut Vec<(String, String)>,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let rel_lossy = || {
            path.strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/")
        };
        // Two names that differ only in invalid bytes would both become the
        // same `\u{fffd}` name and one would silently replace the other.
        if entry.file_name().to_str().is_none() {
            refused.push((
                rel_lossy(),
                "its name is not valid UTF-8; rename it".to_string(),
            ));
            continue;
        }
        let rel = rel_lossy();
        // One rule for the loader and `rungs serve`'s watcher.
        if is_ignored(&rel) {
            continue;
        }
        // The entry itself, not what a symbolic link points at.
        let file_type = entry.file_type()?;
        if file_type.is_dir() {
            collect(root, &path, out, refused)?;
        } else if file_type.is_file() || file_type.is_symlink() {
            out.push((rel, path));
        } else {
            refused.push((
                rel,
                format!("it is {}, not a regular file", kind(&file_type)),
            ));
        }
    }
    Ok(())
}

/// Reads a regular file (or a symbolic link to one inside `root`, or outside
/// when allowed) of at most `limits.max_file_bytes()`.
fn read_checked(root: &Path, path: &Path, limits: &FileLimits) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let link = std::fs::symlink_metadata(path).map_err(|e| e.to_string())?;
    if link.file_type().is_symlink() {
        let target = std::fs::canonicalize(path)
            .map_err(|e| format!("it is a symbolic link that cannot be followed: {e}"))?;
        if !target.starts_with(root) && !limits.follow_external_symlinks {
            return Err(format!(
                "it is a symbolic link to `{}`, outside the framework; copy the file in, \
                 or set `follow_external_symlinks = true` under `[files]` in rungs.toml",
                target.display()
            ));
        }
    }
    // Never open anything but a regular file: opening a FIFO blocks until a
    // writer comes, and a device can be endless.
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_dir() {
        return Err("it is a symbolic link to a folder; rungs does not follow those".to_string());
    }
    if !meta.is_file() {
        return Err(format!(
            "it is {}, not a regular file",
            kind(&meta.file_type())
        ));
    }
    let max = limits.max_file_bytes();
    let too_big = || {
        format!(
            "it is larger than {} MiB; raise `max_file_mib` under `[files]` in rungs.toml if this is intended",
            limits.max_file_mib
        )
    };
    if meta.len() > max {
        return Err(too_big());
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > max {
        return Err(too_big());
    }
    Ok(bytes)
}

fn kind(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else if t.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// Joins `rel`, a relative `/`-separated path that came from content (an
/// id, a file name), to `root`, refusing any path that could lead outside
/// it: `..`, a root, a drive prefix, `.`, an empty part or a backslash.
///
/// Every writer of rungs (the site, the exporters, the importers) joins its
/// output paths here, so a hostile id can at worst fail a build.
pub fn join_inside(root: &Path, rel: &str) -> std::io::Result<PathBuf> {
    let bad = |why: &str| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("refusing to write `{rel}`: {why}"),
        )
    };
    if rel.is_empty() {
        return Err(bad("the path is empty"));
    }
    if rel.contains('\\') || rel.contains('\0') {
        return Err(bad("it contains a backslash or a NUL byte"));
    }
    let mut out = root.to_path_buf();
    for part in rel.split('/') {
        let mut components = Path::new(part).components();
        match (components.next(), components.next()) {
            (Some(std::path::Component::Normal(name)), None) if part != "." => out.push(name),
            _ => return Err(bad("it would leave the output folder")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_ignore_rule_for_hidden_backups_and_output() {
        for ignored in [
            ".git/HEAD",
            "tracks/.x.md.swp",
            "tracks/a.md~",
            "public/index.html",
            "target",
        ] {
            assert!(is_ignored(ignored), "{ignored}");
        }
        for kept in [
            "rungs.toml",
            "tracks/public/a.md",
            "tracks/engineering/senior.md",
        ] {
            assert!(!is_ignored(kept), "{kept}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_being_opened() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let fifo = dir.path().join("pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !matches!(made, Ok(s) if s.success()) {
            assert!(
                std::env::var_os("RUNGS_REQUIRE_ALL").is_none(),
                "mkfifo is missing"
            );
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        // Opening the FIFO would block this test forever.
        let set = SourceSet::read_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(set.unreadable.len(), 1, "{:?}", set.unreadable);
    }
}
