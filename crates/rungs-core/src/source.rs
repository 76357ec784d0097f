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
        SourceFile {
            path: Arc::from(path),
            text,
            binary,
            line_starts,
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
        let column = text[line_start..start].chars().count() + 1;
        Span {
            file: self.path.clone(),
            start,
            end,
            line: line_index as u32 + 1,
            column: column as u32,
        }
    }

    /// A span covering the whole of 1-based `line` (without its newline).
    pub fn line_span(&self, line: usize) -> Span {
        let text = self.text();
        let idx = line.saturating_sub(1).min(self.line_starts.len() - 1);
        let start = self.line_starts[idx];
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        self.span(start, end)
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
    /// (`.git`, editor swap files) and the `public/` output folder.
    pub fn read_dir(root: &Path) -> std::io::Result<SourceSet> {
        let mut paths = Vec::new();
        collect(root, root, &mut paths)?;
        use rayon::prelude::*;
        let read: Vec<(String, std::io::Result<SourceFile>)> = paths
            .into_par_iter()
            .map(|(rel, abs)| {
                let file = read_regular_file(&abs).map(|bytes| SourceFile::new(&rel, bytes));
                (rel, file)
            })
            .collect();
        let mut set = SourceSet::new();
        for (rel, file) in read {
            match file {
                Ok(f) => {
                    set.files.insert(rel, f);
                }
                Err(e) => set.unreadable.push((rel, e.to_string())),
            }
        }
        Ok(set)
    }

    /// The framework built into rungs (the one `rungs new` writes).
    pub fn example() -> SourceSet {
        let mut set = SourceSet::new();
        add_embedded(&EXAMPLE, &mut set);
        set
    }

    /// Writes every file under `root`.
    pub fn write_to(&self, root: &Path) -> std::io::Result<()> {
        for file in self.iter() {
            let path = root.join(&*file.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, file.bytes())?;
        }
        Ok(())
    }
}

static EXAMPLE: include_dir::Dir<'_> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/example");

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

/// Reads a file of the framework, refusing anything but a regular file (or
/// a symbolic link to one): opening a FIFO would block until something
/// writes to it, and a device or socket is never a source file.
///
/// The check happens before the open, so a file swapped for a FIFO in
/// between can still block; that needs someone racing the reader on purpose.
pub fn read_regular_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a FIFO, socket, device or folder); it is not read",
        ));
    }
    std::fs::read(path)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let file_type = entry.file_type()?;
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if is_ignored(&rel) {
            continue;
        }
        if file_type.is_dir() {
            collect(root, &path, out)?;
        } else {
            out.push((rel, path));
        }
    }
    Ok(())
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
        let err = read_regular_file(&fifo).err();
        assert_eq!(
            err.map(|e| e.kind()),
            Some(std::io::ErrorKind::InvalidInput)
        );
        let set = SourceSet::read_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(set.unreadable.len(), 1, "{:?}", set.unreadable);
    }
}
