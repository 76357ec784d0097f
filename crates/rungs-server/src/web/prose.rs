//! Sentences built around text people wrote: a note or a title may end in
//! its own punctuation, and a sentence must not add a second stop.

/// The full stop that ends a sentence whose last words are `text`: none
/// when `text` already ends in `.`, `!`, `?` or `…` (before any closing
/// quote or bracket).
pub(crate) fn full_stop(text: &str) -> &'static str {
    let last = text
        .trim_end()
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']'])
        .chars()
        .last();
    match last {
        Some('.' | '!' | '?' | '\u{2026}') => "",
        _ => ".",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` ended as a sentence.
    fn sentence(text: &str) -> String {
        format!("{text}{}", full_stop(text))
    }

    #[test]
    fn adds_a_stop_only_where_none_is() {
        assert_eq!(sentence("Talked it through"), "Talked it through.");
        assert_eq!(sentence("Talked it through."), "Talked it through.");
        assert_eq!(sentence("Really?"), "Really?");
        assert_eq!(
            sentence("He said \u{201c}fine.\u{201d}"),
            "He said \u{201c}fine.\u{201d}"
        );
        assert_eq!(sentence("Sr. Eng. "), "Sr. Eng. ");
        assert_eq!(full_stop(""), ".");
    }
}
