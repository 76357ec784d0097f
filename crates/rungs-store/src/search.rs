//! Finding and sorting people by name the same way on both databases.
//!
//! SQLite's `lower()` folds ASCII only, and PostgreSQL sorts by the
//! database's collation, so neither database's own text functions give one
//! answer on both. Each person carries a search key instead, computed here
//! in Rust: their name and email [folded](fold), joined by a separator no
//! search can contain. Searches match the folded query against it
//! (`LIKE`, byte for byte), and lists sort by it (PostgreSQL's column
//! is `COLLATE "C"`, which is byte order, as SQLite's default is).
//!
//! Every write of a name or email writes the key with it. The keys are
//! checked when the store opens ([`refresh_search_keys`]): a key that is
//! not what this version computes (a row from before the column existed,
//! written by an older server still running beside this one, or folded by
//! an older rule) is written again. So the rule may change without a
//! migration: the next start brings every key up to date.

use sqlx::AnyPool;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::Result;

/// Between the name and the email in a key: a control character, which
/// [`fold`] removes from every query, so no search matches across the two.
const SEPARATOR: char = '\u{1f}';

/// Text as searches compare it: compatibility-decomposed (NFKD) with the
/// combining marks dropped (so "É" is "e", "ﬁ" is "fi"), lower case, a few
/// letters Unicode does not decompose written as people type them without
/// their mark ("ß" is "ss", "ł" is "l", "ø" is "o", "æ" is "ae"), runs of
/// white space as one space, no control characters, trimmed.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfkd() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if is_combining_mark(c) || c.is_control() {
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        for lower in c.to_lowercase() {
            match lower {
                'ß' => out.push_str("ss"),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'þ' => out.push_str("th"),
                'ø' => out.push('o'),
                'ł' => out.push('l'),
                'đ' | 'ð' => out.push('d'),
                'ħ' => out.push('h'),
                'ı' => out.push('i'),
                // Final sigma is a sigma.
                'ς' => out.push('σ'),
                other => out.push(other),
            }
        }
    }
    out
}

/// The key a person with this name and email is found and sorted by.
pub(crate) fn search_key(name: &str, email: &str) -> String {
    format!("{}{SEPARATOR}{}", fold(name), fold(email))
}

/// The `LIKE` pattern (escape `\`) of a search for `query` anywhere in a
/// key; none for a query with nothing to search for. `%` and `_` are
/// searched for as themselves.
pub(crate) fn like_pattern(query: &str) -> Option<String> {
    let folded = fold(query);
    if folded.is_empty() {
        return None;
    }
    let escaped = folded
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    Some(format!("%{escaped}%"))
}

/// Writes the key of every person whose stored key is not the one
/// [`search_key`] gives; returns how many. Derived data, so neither a
/// version bump nor an audit entry: the name and email it comes from were
/// audited when they were written. Each key is written only if the name
/// and email are still those it was computed from, so a change made at the
/// same time by another server keeps its own key.
pub(crate) async fn refresh_search_keys(pool: &AnyPool) -> Result<u64> {
    let people: Vec<(i64, String, String, String)> =
        sqlx::query_as("SELECT id, name, email, search_key FROM people")
            .fetch_all(pool)
            .await?;
    let stale: Vec<(i64, String, String, String)> = people
        .into_iter()
        .filter_map(|(id, name, email, stored)| {
            let key = search_key(&name, &email);
            (key != stored).then_some((id, name, email, key))
        })
        .collect();
    let mut written = 0;
    // In batches, so a large organisation does not hold the write lock for
    // long.
    for batch in stale.chunks(500) {
        let mut tx = pool.begin().await?;
        for (id, name, email, key) in batch {
            written += sqlx::query(
                "UPDATE people SET search_key = $1 WHERE id = $2 AND name = $3 AND email = $4",
            )
            .bind(key)
            .bind(id)
            .bind(name)
            .bind(email)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_both_ways() {
        for typed in [
            "élodie",
            "elodie",
            "ELODIE",
            "Élodie",
            "ÉLODIE",
            "E\u{301}lodie",
        ] {
            assert_eq!(fold(typed), "elodie", "{typed:?}");
        }
        assert_eq!(fold("Jürgen Straße"), "jurgen strasse");
        assert_eq!(fold("Łukasz Bøe Ærø"), "lukasz boe aero");
        assert_eq!(fold("ΟΔΥΣΣΕΥΣ"), "οδυσσευσ");
        assert_eq!(fold("Οδυσσεύς"), "οδυσσευσ");
        assert_eq!(fold("İnci"), "inci");
        assert_eq!(fold("ﬁona"), "fiona");
    }

    #[test]
    fn white_space_and_control_characters() {
        assert_eq!(fold("  Ann \t\n Marie  "), "ann marie");
        assert_eq!(fold("Ann\u{1f}Marie\u{0}"), "annmarie");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn a_search_never_spans_the_name_and_the_email() {
        let key = search_key("Ann Lee", "ann@example.org");
        assert_eq!(key, "ann lee\u{1f}ann@example.org");
        let pattern = like_pattern("lee\u{1f}ann").expect("a pattern");
        assert!(!pattern.contains(SEPARATOR), "{pattern:?}");
    }

    #[test]
    fn like_patterns() {
        assert_eq!(like_pattern("  "), None);
        assert_eq!(
            like_pattern("Under_Score%"),
            Some("%under\\_score\\%%".into())
        );
        assert_eq!(like_pattern("a\\b"), Some("%a\\\\b%".into()));
    }

    #[test]
    fn keys_sort_by_name_whatever_the_case_and_accents() {
        let mut names = [
            "Zoë Quinn",
            "emma Adams",
            "Élodie Martin",
            "Eli Brown",
            "Anna Berg",
            "Ann Marie",
        ];
        names.sort_by_key(|n| search_key(n, "x@example.org"));
        assert_eq!(
            names,
            [
                "Ann Marie",
                "Anna Berg",
                "Eli Brown",
                "Élodie Martin",
                "emma Adams",
                "Zoë Quinn"
            ]
        );
    }
}
