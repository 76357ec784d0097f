//! Search tokens for text written without spaces between words: Japanese
//! and Chinese. A sentence such as 「コードと設計をレビューする」 has no word
//! boundaries the search could start a match at, so each run of such
//! characters is also indexed as its overlapping character pairs
//! (bigrams): `コー ード ドと と設 設計 …`. `rungs.js` splits a query the
//! same way, and a word inside a sentence ("設計") matches where all its
//! pairs do.

/// Whether `c` belongs to a script written without spaces between words:
/// Han ideographs, Hiragana, Katakana (with the prolonged sound mark and
/// the half-width forms). Hangul is written with spaces and is not one.
pub(crate) fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana (ー included)
        | '\u{31F0}'..='\u{31FF}' // Katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}' // half-width Katakana
        | '\u{20000}'..='\u{2FA1F}' // CJK extensions B and later
    )
}

/// The bigrams of every run of unspaced characters in `text`, separated by
/// spaces (a run of one character is itself); empty when there is none,
/// as for English or German text.
pub(crate) fn bigrams(text: &str) -> String {
    let mut out = String::new();
    // Every unspaced character is far outside ASCII: most text has none.
    if text.is_ascii() {
        return out;
    }
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        if run.len() == 1 {
            push_token(out, &run[..]);
        }
        for pair in run.windows(2) {
            push_token(out, pair);
        }
        run.clear();
    };
    for c in text.chars() {
        if is_unspaced(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn push_token(out: &mut String, chars: &[char]) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.extend(chars);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `rungs.js` does with a query: every bigram of its unspaced runs
    /// must be among the text's.
    fn matches(text: &str, query: &str) -> bool {
        let index = bigrams(text);
        let tokens: Vec<&str> = index.split(' ').collect();
        let wanted = bigrams(query);
        !wanted.is_empty() && wanted.split(' ').all(|q| tokens.contains(&q))
    }

    #[test]
    fn a_word_inside_a_japanese_sentence_is_found_by_its_bigrams() {
        let sentence = "コードと設計を、丁寧に、思いやりをもって、素早くレビューする。";
        let index = bigrams(sentence);
        for pair in [
            "コー", "ード", "設計", "計を", "丁寧", "レビ", "ビュ", "ュー",
        ] {
            assert!(index.split(' ').any(|t| t == pair), "{pair} in {index}");
        }
        // Punctuation ends a run: no pair spans 「を、」.
        assert!(!index.split(' ').any(|t| t.contains('、')));
        assert!(matches(sentence, "設計"));
        assert!(matches(sentence, "レビュー"));
        assert!(matches(sentence, "思いやり"));
        assert!(!matches(sentence, "負債"));
        // Chinese too, and mixed with Latin words.
        assert!(matches("你负责 API 的设计与评审", "设计"));
        assert_eq!(bigrams("API の 設計"), "の 設計");
    }

    #[test]
    fn spaced_scripts_have_no_bigrams() {
        assert_eq!(bigrams("You review code and designs thoroughly."), "");
        assert_eq!(bigrams("Du prüfst Code und Entwürfe gründlich."), "");
        assert_eq!(bigrams("코드를 검토한다"), "");
    }
}
