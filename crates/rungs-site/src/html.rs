//! HTML escaping, shared by the Rust-rendered fragments and the templates.
//!
//! Escaping runs over every statement of every page, so it works on bytes and
//! copies runs of ordinary text in one go.

use std::fmt::Write;

/// ` dir="auto"` when `text` has a right-to-left letter (Hebrew, Arabic,
/// Syriac, Thaana, N'Ko...), so the browser lays it out in its own
/// direction without turning the page; nothing for other text, which
/// keeps the page's direction.
pub fn dir_auto(text: &str) -> &'static str {
    // Right-to-left letters are all far outside ASCII: most text has none.
    let rtl = !text.is_ascii()
        && text.chars().any(|c| {
        matches!(c as u32,
            0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
    });
    if rtl { " dir=\"auto\"" } else { "" }
}

/// Escapes text for element content and quoted attribute values: `&`, `<`,
/// `>`, `"` and `'`. (Unlike minijinja's default, `/` is kept: it is harmless
/// in quoted attributes, and relative links stay readable and short.)
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text, &ATTRIBUTE);
    out
}

/// Appends `text` to `out`, escaped as by [`escape`].
pub fn escape_into(out: &mut String, text: &str) {
    out.reserve(text.len());
    push_escaped(out, text, &ATTRIBUTE);
}

/// Escapes text exactly as pulldown-cmark does in text (`&`, `<`, `>`), so a
/// plain statement renders the same with or without the Markdown parser.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text, &TEXT);
    out
}

/// Writes `text` escaped as by [`escape`] to any writer (the template output).
pub fn write_escaped(out: &mut impl Write, text: &str) -> std::fmt::Result {
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if ATTRIBUTE[usize::from(b)] {
            out.write_str(&text[start..i])?;
            out.write_str(entity(b))?;
            start = i + 1;
        }
    }
    out.write_str(&text[start..])
}

fn push_escaped(out: &mut String, text: &str, special: &[bool; 256]) {
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if special[usize::from(b)] {
            out.push_str(&text[start..i]);
            out.push_str(entity(b));
            start = i + 1;
        }
    }
    out.push_str(&text[start..]);
}

/// The bytes to escape, as a table: one lookup per byte of text. Only ASCII
/// bytes are marked, and the bytes of multi-byte characters are all above
/// 0x7f, so a character is never split.
const fn table(special: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = true;
        i += 1;
    }
    table
}

/// Escaped in element content and quoted attribute values.
const ATTRIBUTE: [bool; 256] = table(b"&<>\"'");
/// Escaped in text, as pulldown-cmark does.
const TEXT: [bool; 256] = table(b"&<>");

/// The entity for a byte marked in [`ATTRIBUTE`].
#[inline]
fn entity(b: u8) -> &'static str {
    match b {
        b'&' => "&amp;",
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'"' => "&quot;",
        _ => "&#39;",
    }
}

/// The template formatter: minijinja's, except that strings are escaped by
/// [`write_escaped`].
pub fn formatter(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &minijinja::Value,
) -> Result<(), minijinja::Error> {
    if matches!(state.auto_escape(), minijinja::AutoEscape::Html)
        && !value.is_safe()
        && let Some(text) = value.as_str()
    {
        return write_escaped(out, text).map_err(minijinja::Error::from);
    }
    minijinja::escape_formatter(out, state, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes_but_not_slashes() {
        assert_eq!(
            escape(r#"<a href="x/y">Tom & Jerry's</a> é"#),
            "&lt;a href=&quot;x/y&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; é"
        );
        assert_eq!(escape_text(r#"a < b & "c""#), r#"a &lt; b &amp; "c""#);
        let mut s = String::new();
        assert!(write_escaped(&mut s, "1 > 0 & ü").is_ok());
        assert_eq!(s, "1 &gt; 0 &amp; ü");
    }
}
