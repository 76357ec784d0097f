//! Small text helpers shared by loading, importing and exporting.

/// Lower-case kebab-case identifier made of ASCII letters and digits.
///
/// Non-ASCII letters are dropped rather than transliterated, so ids stay
/// plain; callers fall back to a generic id when nothing is left.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c != '\'' && c != '’' && !c.is_alphanumeric() {
            dash = true;
        }
    }
    out
}

/// True for ids authors may write: ASCII letters, digits, `-` and `_`, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
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
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
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

/// Words that carry no meaning on their own, skipped when deriving ids.
/// True for words that carry no meaning on their own (skipped in derived ids).
pub fn is_stop_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "and"
            | "are"
            | "as"
            | "at"
            | "be"
            | "by"
            | "can"
            | "for"
            | "from"
            | "has"
            | "have"
            | "in"
            | "is"
            | "it"
            | "its"
            | "of"
            | "on"
            | "or"
            | "that"
            | "the"
            | "their"
            | "this"
            | "to"
            | "with"
            | "you"
            | "your"
            | "they"
            | "them"
            | "who"
            | "when"
    )
}

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

/// Up to `n` meaningful words of `text`, slugged: the basis of derived ids.
///
/// Link targets and emphasis markers are skipped, stop words dropped, and
/// only ASCII letters and digits kept (this runs once per statement, so it
/// avoids allocating per word).
pub fn key_words(text: &str, n: usize) -> String {
    let mut out = String::with_capacity(40);
    let mut word = String::with_capacity(16);
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
    for c in text.chars() {
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
        } else if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' || (!c.is_ascii() && c.is_alphanumeric()) {
            // Apostrophes join words ("don't"); other letters are dropped, as in `slug`.
        } else {
            flush(&mut word, &mut out, &mut taken);
        }
        prev = c;
    }
    flush(&mut word, &mut out, &mut taken);
    out
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

/// `text` with every control character (see [`is_hidden_control`]) written
/// out as `\u{1b}`, so printing it never sends escape sequences to a
/// terminal. A carriage return directly before a newline (Windows line ends)
/// is kept.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_hidden_control) {
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
    let bytes = text.as_bytes();
    text.char_indices().filter(move |&(i, c)| {
        is_hidden_control(c) && !(c == '\r' && bytes.get(i + 1) == Some(&b'\n'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Core Competencies"), "core-competencies");
        assert_eq!(slug("  Don't panic!  "), "dont-panic");
        assert_eq!(slug("Ünïcode"), "ncode");
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
