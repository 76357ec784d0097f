//! Small text helpers shared by loading, importing and exporting.

use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

pub use crate::load::ranges::format_years;

/// Lower-case kebab-case identifier that keeps the letters and digits of
/// every script: `Core Competencies` → `core-competencies`, `Ünïcode` →
/// `ünïcode`, `アカウンタビリティ` → `アカウンタビリティ`, `Профессиональные навыки`
/// → `профессиональные-навыки`.
///
/// The text is read in Unicode normal form C; letters are lower-cased where
/// the script has case; combining marks stay with the letter they follow
/// (Devanagari vowel signs, for instance); apostrophes and invisible format
/// characters (joiners, soft hyphens) join; anything else separates words.
/// The result is at most [`MAX_PATH_ID_LEN`] bytes (cut at a character), so
/// it can name a file; it is empty only when the text has no letter or digit
/// (callers then fall back to a generic id, see [`crate::ids::Allocator`]).
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut words = IdWords::new(&mut out);
    if text.is_ascii() {
        text.chars().for_each(|c| words.push(c));
    } else {
        text.nfc().for_each(|c| words.push(c));
    }
    let out = if out.is_ascii() {
        out
    } else {
        out.nfc().collect()
    };
    truncate_id(&out, MAX_PATH_ID_LEN)
}

/// `id` cut to at most `max` bytes at a character boundary, without a
/// trailing `-`.
pub fn truncate_id(id: &str, max: usize) -> String {
    let mut end = id.len().min(max);
    while !id.is_char_boundary(end) {
        end -= 1;
    }
    id[..end].trim_end_matches('-').to_string()
}

/// What a character is to an id.
#[derive(Clone, Copy, PartialEq, Eq)]
enum IdChar {
    /// A letter or a digit, of any script: kept (lower-cased).
    Letter,
    /// A combining mark: kept after a letter, dropped elsewhere.
    Mark,
    /// An apostrophe or an invisible format character: joins the letters
    /// around it.
    Join,
    /// Anything else: separates words.
    Separator,
}

fn id_char(c: char) -> IdChar {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            IdChar::Letter
        } else if c == '\'' {
            IdChar::Join
        } else {
            IdChar::Separator
        };
    }
    if c.is_alphanumeric() {
        return IdChar::Letter;
    }
    if c == '’' {
        return IdChar::Join;
    }
    match c.general_category_group() {
        GeneralCategoryGroup::Mark => IdChar::Mark,
        GeneralCategoryGroup::Other
            if c.general_category() == unicode_properties::GeneralCategory::Format =>
        {
            IdChar::Join
        }
        _ => IdChar::Separator,
    }
}

/// Ids being written: letters kept, marks after a letter kept, runs of
/// separators written as one `-` (none at either end).
struct IdWords<'a> {
    out: &'a mut String,
    /// A separator was read since the last letter.
    pending: bool,
    /// The last character written was a letter or a mark.
    in_word: bool,
}

impl<'a> IdWords<'a> {
    fn new(out: &'a mut String) -> IdWords<'a> {
        IdWords {
            out,
            pending: false,
            in_word: false,
        }
    }

    fn push(&mut self, c: char) {
        match id_char(c) {
            IdChar::Letter => {
                if self.pending && !self.out.is_empty() {
                    self.out.push('-');
                }
                self.pending = false;
                self.in_word = true;
                push_lower(self.out, c);
            }
            IdChar::Mark if self.in_word && !self.pending => self.out.push(c),
            IdChar::Mark | IdChar::Join => {}
            IdChar::Separator => {
                self.pending = true;
                self.in_word = false;
            }
        }
    }
}

fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

/// True for a character an id may hold: a letter or digit of any script
/// that has no upper-case form of its own (`a`, `ü`, `ア`, `я`, `٣`), or a
/// combining mark.
fn is_lower_id_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    match id_char(c) {
        IdChar::Letter => {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        }
        IdChar::Mark => true,
        IdChar::Join | IdChar::Separator => false,
    }
}

/// Finds strings that appear in a text in the order they are looked for
/// (criteria of a Monzo file, areas of rungs.toml), for spans. Each search
/// starts where the last one ended; a search from the start (for one out of
/// order) draws on a budget, so a file of thousands of items that are not
/// found as written (folded lines) costs linear time, not a scan each.
pub(crate) struct InOrderFinder {
    start: usize,
    cursor: usize,
    budget: usize,
}

impl InOrderFinder {
    /// Searches from byte `start` of the texts given to [`InOrderFinder::find`].
    pub(crate) fn new(start: usize) -> InOrderFinder {
        InOrderFinder {
            start,
            cursor: start,
            budget: 16 << 20,
        }
    }

    /// The byte offset of `needle` in `haystack`, if found within budget.
    pub(crate) fn find(&mut self, haystack: &str, needle: &str) -> Option<usize> {
        // A miss costs a scan of the whole text: once the budget is spent,
        // callers fall back to a coarser span.
        let cost = haystack.len() - self.start.min(haystack.len());
        if needle.is_empty() || cost > self.budget {
            return None;
        }
        let cursor = self.cursor.min(haystack.len());
        if let Some(i) = haystack.get(cursor..).and_then(|rest| rest.find(needle)) {
            self.cursor = cursor + i + needle.len();
            return Some(cursor + i);
        }
        self.budget -= cost;
        let found = haystack
            .get(self.start..cursor)
            .and_then(|before| before.find(needle))
            .map(|i| self.start + i)?;
        self.cursor = found + needle.len();
        Some(found)
    }
}

/// The longest id that may become part of a file name (track, level and
/// page ids): well under the 255 bytes most file systems allow, with room
/// for `--` and a second id in comparison pages.
pub const MAX_PATH_ID_LEN: usize = 100;

/// Why `id` cannot become part of a file name, or `None` when it can: ids
/// of tracks, levels and pages are written into the site's and exports'
/// paths, so they are limited to lower-case letters and digits of any
/// script (as [`slug`] writes them), combining marks and `-`, start with a
/// letter or digit, and are at most [`MAX_PATH_ID_LEN`] bytes long. This
/// rules out `..`, `/`, `\`, NUL, `%`, white space and names that collide on
/// case-insensitive file systems; the site percent-encodes the letters
/// beyond ASCII where a URL needs it (the sitemap), and browsers do in links.
pub fn path_id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("it is empty".to_string());
    }
    if id.len() > MAX_PATH_ID_LEN {
        return Some(format!(
            "it is {} bytes long; the limit is {MAX_PATH_ID_LEN}",
            id.len()
        ));
    }
    if let Some(c) = id.chars().find(|&c| !(c == '-' || is_lower_id_char(c))) {
        let why = if c.is_alphanumeric() {
            "ids of tracks, levels and pages are lower-case"
        } else {
            "ids of tracks, levels and pages use only letters, digits and `-`"
        };
        return Some(format!("it contains `{}`; {why}", c.escape_debug()));
    }
    if let Some(c) = id
        .chars()
        .next()
        .filter(|&c| c == '-' || id_char(c) == IdChar::Mark)
    {
        return Some(format!("it starts with `{}`", c.escape_debug()));
    }
    None
}

/// True for ids authors may write (areas, scopes, statements): letters and
/// digits of any script, combining marks, `-` and `_`, starting with a
/// letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if id_char(c) == IdChar::Letter)
        && chars
            .all(|c| c == '-' || c == '_' || matches!(id_char(c), IdChar::Letter | IdChar::Mark))
}

/// Case- and space-insensitive form used to match headings to areas.
pub fn normalise(text: &str) -> String {
    let trimmed = text.trim().trim_end_matches(':').trim();
    trimmed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Collapses runs of white space (including newlines) into single spaces.
pub fn collapse_whitespace(text: &str) -> String {
    // Most text is collapsed already: one pass over its bytes says so.
    if is_collapsed_ascii(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `text` is ASCII with single spaces between words and none
/// around them: what [`collapse_whitespace`] would return unchanged.
fn is_collapsed_ascii(text: &str) -> bool {
    let mut after_space = true;
    for &b in text.as_bytes() {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x80.. => return false,
            _ => after_space = false,
        }
    }
    !after_space || text.is_empty()
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = normalise(word);
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, &normalise(c)), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Declares a word list once, as a slice (to publish it) and as a `match`
/// (to test words fast), so the two cannot drift apart.
macro_rules! word_list {
    ($(#[$doc:meta])* $list:ident, $(#[$fdoc:meta])* $test:ident, [$($word:literal),* $(,)?]) => {
        $(#[$doc])*
        pub const $list: &[&str] = &[$($word),*];
        $(#[$fdoc])*
        pub fn $test(word: &str) -> bool {
            matches!(word, $($word)|*)
        }
    };
}
pub(crate) use word_list;

word_list!(
    /// Words that carry no meaning on their own, skipped when deriving ids.
    STOP_WORDS,
    /// True for one of the [`STOP_WORDS`].
    is_stop_word,
    ["a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "with", "you", "your", "they", "them", "who", "when"]
);

/// A help line: "did you mean `x`?" when a candidate is close to `word`,
/// `otherwise` when none is.
pub fn suggest_or<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    otherwise: impl FnOnce() -> String,
) -> String {
    match did_you_mean(word, candidates) {
        Some(s) => format!("did you mean `{s}`?"),
        None => otherwise(),
    }
}

/// The most characters one word gives a derived id: scripts written
/// without spaces (Japanese, Chinese, Thai) have "words" as long as a
/// clause, and an id needs only enough of one to be told apart.
pub const MAX_ID_WORD_CHARS: usize = 16;

/// Up to `n` meaningful words of `text`, slugged: the basis of derived ids.
///
/// Link targets and emphasis markers are skipped, stop words dropped, and
/// letters and digits of every script kept as [`slug`] keeps them, each word
/// at most [`MAX_ID_WORD_CHARS`] characters (this runs once per statement,
/// so plain ASCII text takes a path that allocates nothing per word).
pub fn key_words(text: &str, n: usize) -> String {
    if text.is_ascii() {
        key_words_of(text.chars(), n)
    } else {
        key_words_of(text.nfc(), n)
    }
}

fn key_words_of(chars: impl Iterator<Item = char>, n: usize) -> String {
    let mut out = String::with_capacity(40);
    let mut word = String::with_capacity(16);
    let mut word_chars = 0usize;
    let mut taken = 0;
    let mut in_target = false;
    let mut prev = ' ';
    let flush = |word: &mut String, out: &mut String, taken: &mut usize| {
        if !word.is_empty() && *taken < n && !is_stop_word(word) {
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(word);
            *taken += 1;
        }
        word.clear();
    };
    for c in chars {
        if taken >= n {
            break;
        }
        if in_target {
            in_target = c != ')';
            prev = c;
            continue;
        }
        if c == '(' && prev == ']' {
            in_target = true;
            prev = c;
            continue;
        }
        match id_char(c) {
            IdChar::Letter => {
                if word_chars < MAX_ID_WORD_CHARS {
                    push_lower(&mut word, c);
                }
                word_chars += 1;
            }
            IdChar::Mark if !word.is_empty() && word_chars <= MAX_ID_WORD_CHARS => word.push(c),
            IdChar::Mark | IdChar::Join => {}
            IdChar::Separator => {
                flush(&mut word, &mut out, &mut taken);
                word_chars = 0;
            }
        }
        prev = c;
    }
    flush(&mut word, &mut out, &mut taken);
    if out.is_ascii() {
        out
    } else {
        out.nfc().collect()
    }
}

/// The text of a heading line (`## Core *Competencies*` → `Core
/// Competencies`) as a level page's headings are read: Markdown rendered,
/// escapes undone, the closing `#`s dropped.
pub fn heading_text(line: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let options = crate::load::markdown::markdown_options();
    let mut text = String::new();
    let mut inside = false;
    for event in Parser::new_ext(line.trim_start(), options) {
        match event {
            Event::Start(Tag::Heading { .. }) => inside = true,
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) if inside => text.push_str(&t),
            _ => {}
        }
    }
    text
}

/// Removes Markdown emphasis markers and link targets, keeping the words.
pub fn strip_inline_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' | '_' | '`' => {}
            ']' if chars.peek() == Some(&'(') => {
                // Skip the link target `(...)`.
                for c in chars.by_ref() {
                    if c == ')' {
                        break;
                    }
                }
            }
            '[' => {}
            _ => out.push(c),
        }
    }
    out
}

/// `path` with its `%XX` escapes decoded, as a URL path names a file:
/// `tracks/%E3%82%A2/x.md` → `tracks/ア/x.md`. `None` when an escape is not
/// two hex digits or the bytes are not UTF-8; a path without `%` comes back
/// as it is.
pub fn percent_decode(path: &str) -> Option<std::borrow::Cow<'_, str>> {
    if !path.contains('%') {
        return Some(std::borrow::Cow::Borrowed(path));
    }
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().map(std::borrow::Cow::Owned)
}

/// `url` with every byte a URL may not hold as it is (beyond ASCII, white
/// space, quotes, angle and curly brackets, the backslash, `^`, `|`, the
/// backtick, and `%` not starting an escape) written as `%XX`, so a page
/// named with letters of any script has an address RFC 3986 accepts (a
/// sitemap's `<loc>`). Reserved characters (`/`, `:`, `#`, `?`, ...) are
/// kept: `url` is a whole address or path.
pub fn percent_encode(url: &str) -> std::borrow::Cow<'_, str> {
    let keep = |b: u8, at: usize| {
        b.is_ascii_graphic()
            && !matches!(
                b,
                b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'
            )
            && (b != b'%'
                || url
                    .as_bytes()
                    .get(at + 1..at + 3)
                    .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)))
    };
    if url.bytes().enumerate().all(|(i, b)| keep(b, i)) {
        return std::borrow::Cow::Borrowed(url);
    }
    let mut out = String::with_capacity(url.len() * 3);
    for (i, b) in url.bytes().enumerate() {
        if keep(b, i) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Joins a relative `path` to `dir` (both `/`-separated, relative to the
/// framework root) and removes `.` and `..`; `None` when it climbs out of the root.
pub fn join_path(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// `path` (relative to the root) written relative to `dir`.
pub fn relative_path(dir: &str, path: &str) -> String {
    let from: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let to: Vec<&str> = path.split('/').collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut out: Vec<&str> = vec![".."; from.len() - common];
    out.extend(&to[common..]);
    out.join("/")
}

/// A 64-bit FNV-1a hash: fast on short words and the same in every run, for
/// comparing words and tokens as numbers.
pub fn word_hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether `c` is a control character a terminal may act on (C0, DEL and
/// C1), apart from tab and newline, which text legitimately holds.
pub fn is_hidden_control(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || c == '\u{7f}'
}

/// Whether `text` may hold a control character (see [`is_hidden_control`]):
/// false is certain, true is to be checked by character. C0 and DEL are
/// single bytes below 0x20 and 0x7F; every C1 character begins with 0xC2.
pub fn may_hold_control(text: &str) -> bool {
    text.bytes()
        .any(|b| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f || b == 0xc2)
}

/// Whether `text` holds a control character (see [`is_hidden_control`]).
pub fn has_hidden_control(text: &str) -> bool {
    may_hold_control(text) && text.chars().any(is_hidden_control)
}

/// `text` with every control character (see [`is_hidden_control`]) written
/// out as `\u{1b}`, so printing it never sends escape sequences to a
/// terminal. A carriage return directly before a newline (Windows line ends)
/// is kept.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_hidden_control(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            out.push(c);
        } else if is_hidden_control(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Byte offsets of the control characters [`visible`] would rewrite.
pub fn hidden_controls(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    // Nearly all text has none: a byte scan rules that out quickly.
    let text = if may_hold_control(text) { text } else { "" };
    let bytes = text.as_bytes();
    text.char_indices().filter(move |&(i, c)| {
        is_hidden_control(c) && !(c == '\r' && bytes.get(i + 1) == Some(&b'\n'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapsing_takes_the_short_way_only_when_nothing_changes() {
        let slow = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        for text in [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\nb",
            "a\u{a0}b",
            "é b",
            "a\u{3000}b",
            "a\x0bb",
            "a\x1cb",
            "  lead and trail  ",
            "one two three",
        ] {
            assert_eq!(collapse_whitespace(text), slow(text), "{text:?}");
        }
    }

    #[test]
    fn the_byte_scan_never_misses_a_control_character() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(
                has_hidden_control(&text),
                is_hidden_control(c),
                "U+{:04X}",
                c as u32
            );
            assert_eq!(
                hidden_controls(&text).count(),
                usize::from(is_hidden_control(c))
            );
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Core Competencies"), "core-competencies");
        assert_eq!(slug("  Don't panic!  "), "dont-panic");
        assert_eq!(slug("Ünïcode"), "ünïcode");
        assert_eq!(slug("アカウンタビリティ"), "アカウンタビリティ");
        assert_eq!(slug("Профессиональные Навыки"), "профессиональные-навыки");
        // Combining marks stay with their letter; NFD text gives the NFC id.
        assert_eq!(slug("हिन्दी कौशल"), "हिन्दी-कौशल");
        assert_eq!(slug("Cafe\u{301} Noir"), "café-noir");
        // Joiners and soft hyphens join; no letter gives nothing.
        assert_eq!(slug("می\u{200c}خواهم"), "میخواهم");
        assert_eq!(slug("・・・ !?"), "");
        let long = slug(&"技術".repeat(40));
        assert!(long.len() <= MAX_PATH_ID_LEN && path_id_problem(&long).is_none());
    }

    #[test]
    fn path_ids_in_any_script() {
        for ok in [
            "senior",
            "アカウンタビリティ",
            "ünïcode",
            "профессиональные-навыки",
            "हिन्दी",
            "٣-level",
        ] {
            assert_eq!(path_id_problem(ok), None, "{ok}");
        }
        for bad in [
            "Senior",
            "Ünïcode",
            "a b",
            "a/b",
            "a%20b",
            "-x",
            "a.b",
            "\u{301}x",
            "a\u{200b}b",
        ] {
            assert!(path_id_problem(bad).is_some(), "{bad}");
        }
        assert!(is_valid_id("アカウンタビリティ") && is_valid_id("Craft_2"));
        assert!(!is_valid_id("-x") && !is_valid_id("a b") && !is_valid_id(""));
    }

    #[test]
    fn percent_escapes() {
        let url = "https://x.org/tracks/エンジニア/シニア.html#s-a b";
        let encoded = percent_encode(url);
        assert_eq!(
            encoded,
            "https://x.org/tracks/%E3%82%A8%E3%83%B3%E3%82%B8%E3%83%8B%E3%82%A2/%E3%82%B7%E3%83%8B%E3%82%A2.html#s-a%20b"
        );
        assert_eq!(percent_decode(&encoded).as_deref(), Some(url));
        assert_eq!(percent_encode("a/b-c.html?x=1"), "a/b-c.html?x=1");
        assert_eq!(percent_encode("100%"), "100%25");
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%ff"), None);
    }

    #[test]
    fn key_words_in_any_script() {
        assert_eq!(
            key_words("Développe des fonctionnalités", 4),
            "développe-des-fonctionnalités"
        );
        assert_eq!(
            key_words(
                "チームの目標に沿って、自分のタスクを期限内に完了させる。",
                4
            ),
            "チームの目標に沿って-自分のタスクを期限内に完了させる"
        );
        // A clause longer than a word may be is cut.
        assert_eq!(
            key_words(&"あ".repeat(40), 4).chars().count(),
            MAX_ID_WORD_CHARS
        );
    }

    #[test]
    fn key_words_skip_stop_words_and_markup() {
        assert_eq!(
            key_words("You own **large** features end to end", 3),
            "own-large-features"
        );
        assert_eq!(key_words("[Docs](x.md) are written", 2), "docs-written");
    }

    #[test]
    fn paths() {
        assert_eq!(
            join_path("tracks/eng", "../mgmt/_index.md").as_deref(),
            Some("tracks/mgmt/_index.md")
        );
        assert_eq!(join_path("pages", "../../x"), None);
        assert_eq!(
            relative_path("tracks/eng", "pages/faq.md"),
            "../../pages/faq.md"
        );
        assert_eq!(
            relative_path("tracks/eng", "tracks/eng/senior.md"),
            "senior.md"
        );
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean("Delivry", ["Delivery", "Craft"]),
            Some("Delivery")
        );
        assert_eq!(did_you_mean("Zebra", ["Delivery", "Craft"]), None);
    }
}
