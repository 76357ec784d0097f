//! Language codes: the languages a ladder may be translated into.
//!
//! A language is a BCP 47 tag whose primary subtag is an ISO 639-1 code
//! (`de`, `ja`, `pt-BR`, `zh-Hant`, `sr-Latn-RS`). Three-letter ISO 639-2
//! codes and country codes that people write for a language (`deu`, `jp`)
//! are refused with the code meant, so two folders never name one language.

/// The ISO 639-1 codes: every two-letter primary language subtag.
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi",
    "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de",
    "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy",
    "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia",
    "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk",
    "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo",
    "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd",
    "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl",
    "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl",
    "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk",
    "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa",
    "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Codes people write for a language that are not its ISO 639-1 code:
/// ISO 639-2 (bibliographic and terminological) codes of widely used
/// languages, and country codes taken for language codes.
const MISTAKEN: &[(&str, &str)] = &[
    ("ara", "ar"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("chi", "zh"),
    ("cn", "zh"),
    ("cz", "cs"),
    ("cze", "cs"),
    ("dan", "da"),
    ("deu", "de"),
    ("dk", "da"),
    ("dut", "nl"),
    ("ell", "el"),
    ("eng", "en"),
    ("est", "et"),
    ("fas", "fa"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("fre", "fr"),
    ("ger", "de"),
    ("gr", "el"),
    ("gre", "el"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("ind", "id"),
    ("ita", "it"),
    ("iw", "he"),
    ("jp", "ja"),
    ("jpn", "ja"),
    ("kor", "ko"),
    ("kr", "ko"),
    ("lit", "lt"),
    ("lav", "lv"),
    ("may", "ms"),
    ("msa", "ms"),
    ("nld", "nl"),
    ("nor", "no"),
    ("per", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rum", "ro"),
    ("rus", "ru"),
    ("se", "sv"),
    ("slk", "sk"),
    ("slo", "sk"),
    ("slv", "sl"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tha", "th"),
    ("tur", "tr"),
    ("ua", "uk"),
    ("ukr", "uk"),
    ("vie", "vi"),
    ("vn", "vi"),
    ("zho", "zh"),
];

/// Why a language code was refused, and the code probably meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLanguage {
    /// What was written.
    pub code: String,
    /// The code it probably stands for.
    pub suggestion: Option<String>,
}

/// Checks a language tag: `de`, `ja`, `pt-BR`, `zh-Hant`, `sr-Latn-RS`.
/// The primary subtag must be an ISO 639-1 code (lower case), followed
/// optionally by a script (four letters, `Latn`) and a region (two
/// capital letters or three digits).
pub fn check(code: &str) -> Result<(), UnknownLanguage> {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let known = ISO_639_1.contains(&primary);
    let rest_ok = subtags_ok(&rest);
    if known && rest_ok {
        return Ok(());
    }
    Err(UnknownLanguage {
        code: code.to_string(),
        suggestion: suggest(primary, &rest),
    })
}

fn subtags_ok(rest: &[&str]) -> bool {
    let script = |s: &str| {
        s.len() == 4
            && s.chars().all(|c| c.is_ascii_alphabetic())
            && s.starts_with(|c: char| c.is_ascii_uppercase())
            && s[1..].chars().all(|c| c.is_ascii_lowercase())
    };
    let region = |s: &str| {
        (s.len() == 2 && s.chars().all(|c| c.is_ascii_uppercase()))
            || (s.len() == 3 && s.chars().all(|c| c.is_ascii_digit()))
    };
    match rest {
        [] => true,
        [a] => script(a) || region(a),
        [a, b] => script(a) && region(b),
        _ => false,
    }
}

/// The code meant: the right case (`DE` → `de`, `pt-br` → `pt-BR`), a
/// three-letter or country code's ISO 639-1 code, or a close code.
fn suggest(primary: &str, rest: &[&str]) -> Option<String> {
    let lower = primary.to_ascii_lowercase();
    let base = if ISO_639_1.contains(&lower.as_str()) {
        Some(lower.clone())
    } else if let Some((_, code)) = MISTAKEN.iter().find(|(wrong, _)| *wrong == lower) {
        Some((*code).to_string())
    } else {
        None
    }?;
    let fixed: Vec<String> = rest
        .iter()
        .map(|s| match s.len() {
            4 => {
                let mut c = s.chars();
                c.next().map_or_else(String::new, |f| {
                    f.to_ascii_uppercase().to_string() + &c.as_str().to_ascii_lowercase()
                })
            }
            _ => s.to_ascii_uppercase(),
        })
        .collect();
    let mut out = base;
    for s in fixed {
        out.push('-');
        out.push_str(&s);
    }
    (subtags_ok(&out.split('-').skip(1).collect::<Vec<_>>())).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        for ok in ["de", "ja", "pt-BR", "zh-Hant", "sr-Latn-RS", "es-419"] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
        let meant = |c: &str| check(c).err().and_then(|e| e.suggestion);
        assert_eq!(meant("deu").as_deref(), Some("de"));
        assert_eq!(meant("jp").as_deref(), Some("ja"));
        assert_eq!(meant("DE").as_deref(), Some("de"));
        assert_eq!(meant("pt-br").as_deref(), Some("pt-BR"));
        assert_eq!(meant("german"), None);
        assert!(check("xx").is_err());
    }
}
