//! Rows of a spreadsheet that hold a level's indicators rather than its
//! statements: "Time in level (years)", "Years of experience", "Scope".
//!
//! A row is recognised by its heading, in the wordings HR templates use in
//! English and in a few other languages (German, French, Spanish,
//! Portuguese, Dutch, Japanese, Chinese, Korean): a tenure row, an
//! experience row or a scope row. A unit in brackets (`(years)`, `（年）`,
//! `(months)`) says how bare numbers are counted. A heading is only half
//! the evidence: a row whose cells are lists of bullets is statements of an
//! area that happens to be called "Experience", and stays one.

use crate::load::ranges::parse_years;
use crate::model::{Indicators, ScopeStep};
use crate::text::collapse_whitespace;

/// Which indicator a row holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Indicator {
    /// Time people spend at the level.
    Tenure,
    /// Years of professional experience.
    Experience,
    /// How far the level's impact reaches.
    Scope,
}

/// Headings of tenure rows, as [`heading_key`] writes them.
const TENURE: &[&str] = &[
    "tenure",
    "typical tenure",
    "expected tenure",
    "minimum tenure",
    "tenure in level",
    "tenure in role",
    "time in level",
    "time at level",
    "time on level",
    "time in role",
    "time in grade",
    "time in band",
    "time in position",
    "time in the level",
    "time in the role",
    "typical time in level",
    "expected time in level",
    "minimum time in level",
    "years in level",
    "years at level",
    "years in role",
    "years in grade",
    // German
    "zeit im level",
    "zeit in der stufe",
    "verweildauer",
    // French
    "temps dans le niveau",
    "durée dans le niveau",
    "ancienneté dans le niveau",
    "ancienneté",
    // Spanish, Portuguese
    "tiempo en el nivel",
    "permanencia en el nivel",
    "antigüedad en el nivel",
    "tempo no nível",
    // Dutch
    "tijd in niveau",
    // Japanese, Chinese, Korean
    "在籍期間",
    "在籍年数",
    "標準在籍期間",
    "想定在籍期間",
    "滞留年数",
    "任职时间",
    "任职年限",
    "재직 기간",
];

/// Headings of experience rows.
const EXPERIENCE: &[&str] = &[
    "experience",
    "years",
    "yoe",
    "years of experience",
    "years experience",
    "experience years",
    "experience in years",
    "typical experience",
    "prior experience",
    "professional experience",
    "relevant experience",
    "industry experience",
    "work experience",
    "required experience",
    "experience required",
    "years of professional experience",
    "years of relevant experience",
    "years of industry experience",
    // German
    "erfahrung",
    "berufserfahrung",
    "jahre erfahrung",
    "jahre berufserfahrung",
    // French
    "expérience",
    "années d'expérience",
    "expérience professionnelle",
    // Spanish, Portuguese
    "experiencia",
    "años de experiencia",
    "experiencia profesional",
    "experiência",
    "anos de experiência",
    // Dutch
    "ervaring",
    "jaren ervaring",
    "werkervaring",
    // Japanese, Chinese, Korean
    "経験",
    "経験年数",
    "実務経験",
    "実務経験年数",
    "工作经验",
    "经验",
    "经验年限",
    "工作年限",
    "경력",
    "경력 연수",
];

/// Headings of scope rows.
const SCOPE: &[&str] = &[
    "scope",
    "scope of impact",
    "impact scope",
    "scope of influence",
    "sphere of influence",
    // German
    "wirkungsbereich",
    "einflussbereich",
    "reichweite",
    // French
    "périmètre",
    "portée",
    "périmètre d'impact",
    // Spanish, Portuguese
    "alcance",
    "ámbito",
    "escopo",
    "abrangência",
    // Dutch
    "reikwijdte",
    // Japanese, Chinese, Korean
    "影響範囲",
    "責任範囲",
    "スコープ",
    "影响范围",
    "영향 범위",
];

/// Words in a heading's brackets that count in months.
const MONTHS: &[&str] = &[
    "months", "month", "mois", "meses", "monate", "maanden", "か月", "ヶ月", "月",
];

/// The heading as the lists above write it: lower case, no bracketed part,
/// no closing colon, one kind of apostrophe, single spaces.
fn heading_key(heading: &str) -> (String, String) {
    let mut key = String::with_capacity(heading.len());
    let mut bracketed = String::new();
    let mut depth = 0usize;
    for c in heading.chars() {
        match c {
            '(' | '（' | '[' => depth += 1,
            ')' | '）' | ']' => depth = depth.saturating_sub(1),
            '’' | '`' => key.push('\''),
            c if depth > 0 => bracketed.push(c),
            c => key.push(c),
        }
    }
    let key = collapse_whitespace(&key.to_lowercase());
    let key = key.trim_end_matches([':', '：']).trim().to_string();
    (key, bracketed.to_lowercase())
}

/// The indicator a row with this heading holds, if its wording is one of
/// the lists above, and whether bare numbers in it count months.
pub(crate) fn indicator_of(heading: &str) -> Option<(Indicator, bool)> {
    let (key, bracketed) = heading_key(heading);
    let kind = if TENURE.contains(&key.as_str()) {
        Indicator::Tenure
    } else if EXPERIENCE.contains(&key.as_str()) {
        Indicator::Experience
    } else if SCOPE.contains(&key.as_str()) {
        Indicator::Scope
    } else {
        return None;
    };
    let months = MONTHS.iter().any(|m| bracketed.contains(m));
    Some((kind, months))
}

/// A cell as [`parse_years`] reads it: `1〜2年` → `1-2 years`, `3年以上` →
/// `3+ years`, and a bare number counted in months when the heading says so.
fn years_text(cell: &str, months: bool) -> String {
    let mut t = collapse_whitespace(cell)
        .replace(['〜', '～', '−'], "-")
        .replace("年以上", "+ years")
        .replace("ヶ月", " months")
        .replace("か月", " months")
        .replace('年', " years");
    t = collapse_whitespace(&t);
    let bare = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | ' ' | '–'));
    if months && bare {
        t.push_str(" months");
    }
    t
}

/// True when the cells read as one value each (a number of years, a scope
/// on the scale), not as lists of statements: the test that keeps an area
/// called "Experience" an area.
pub(crate) fn cells_are_values(
    kind: Indicator,
    months: bool,
    cells: &[String],
    scale: &[ScopeStep],
) -> bool {
    let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
    let single = |c: &&String| {
        c.trim().lines().count() == 1
            && !c.trim_start().starts_with(['•', '-', '*', '–'])
            && c.split_whitespace().count() <= 8
    };
    if filled.is_empty() || !filled.iter().all(single) {
        return false;
    }
    match kind {
        Indicator::Scope => filled.iter().any(|c| scope_of(c, scale).is_some()),
        Indicator::Tenure | Indicator::Experience => filled
            .iter()
            .any(|c| parse_years(&years_text(c, months)).is_ok()),
    }
}

/// Words for the default scopes in the languages of the headings above.
const SCOPE_WORDS: &[(&str, &str)] = &[
    ("個人", "individual"),
    ("自分", "individual"),
    ("individuel", "individual"),
    ("einzelperson", "individual"),
    ("複数チーム", "multi-team"),
    ("複数のチーム", "multi-team"),
    ("plusieurs équipes", "multi-team"),
    ("varios equipos", "multi-team"),
    ("mehrere teams", "multi-team"),
    ("チーム", "team"),
    ("équipe", "team"),
    ("equipo", "team"),
    ("equipe", "team"),
    ("部門", "department"),
    ("département", "department"),
    ("departamento", "department"),
    ("abteilung", "department"),
    ("職能", "function"),
    ("全社", "company"),
    ("会社", "company"),
    ("entreprise", "company"),
    ("empresa", "company"),
    ("unternehmen", "company"),
    ("業界", "industry"),
];

/// The step of `scale` a scope cell names: by its id or title, or, on the
/// default scale, by the scope word it holds (the longest, so "multi-team"
/// is not read as "team").
fn scope_of(cell: &str, scale: &[ScopeStep]) -> Option<String> {
    let wanted = crate::text::normalise(cell);
    if let Some(step) = scale
        .iter()
        .find(|s| s.id == wanted || crate::text::normalise(&s.title) == wanted)
    {
        return Some(step.id.clone());
    }
    let on_scale = |id: &str| scale.iter().any(|s| s.id == id);
    let english = crate::model::Scope::ALL
        .iter()
        .map(|s| (s.as_str(), s.as_str()));
    english
        .chain(SCOPE_WORDS.iter().copied())
        .filter(|(word, id)| wanted.contains(word) && on_scale(id))
        .max_by_key(|(word, _)| word.chars().count())
        .map(|(_, id)| id.to_string())
}

/// Sets the indicator of `kind` from one cell: years where the cell is a
/// range, the author's words where it is not; a scope on the scale by its
/// id or title, else the words kept in the note.
pub(crate) fn apply(
    indicators: &mut Indicators,
    kind: Indicator,
    months: bool,
    heading: &str,
    cell: &str,
    scale: &[ScopeStep],
) {
    let value = collapse_whitespace(cell);
    if value.is_empty() {
        return;
    }
    match kind {
        Indicator::Tenure => match parse_years(&years_text(&value, months)) {
            Ok(r) => indicators.tenure = Some(r),
            Err(_) => indicators.tenure_words = Some(value),
        },
        Indicator::Experience => match parse_years(&years_text(&value, months)) {
            Ok(r) => indicators.experience = Some(r),
            Err(_) => indicators.experience_words = Some(value),
        },
        Indicator::Scope => match scope_of(&value, scale) {
            Some(id) => indicators.scope = Some(id),
            None => {
                let note = format!("{}: {value}", collapse_whitespace(heading));
                indicators.note = Some(match indicators.note.take() {
                    Some(n) => format!("{n} {note}"),
                    None => note,
                });
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_common_wordings() {
        for (heading, kind) in [
            ("Time in level (years)", Indicator::Tenure),
            ("Time in Level:", Indicator::Tenure),
            ("Typical tenure", Indicator::Tenure),
            ("在籍期間（年）", Indicator::Tenure),
            ("Ancienneté", Indicator::Tenure),
            ("Years of experience", Indicator::Experience),
            ("Années d’expérience", Indicator::Experience),
            ("Berufserfahrung (Jahre)", Indicator::Experience),
            ("経験年数", Indicator::Experience),
            ("Scope", Indicator::Scope),
            ("Scope of impact", Indicator::Scope),
            ("影響範囲", Indicator::Scope),
        ] {
            assert_eq!(indicator_of(heading).map(|k| k.0), Some(kind), "{heading}");
        }
        for heading in ["Customer experience", "Craft", "Impact", "User Experience"] {
            assert_eq!(indicator_of(heading), None, "{heading}");
        }
        assert_eq!(
            indicator_of("Time in level (months)"),
            Some((Indicator::Tenure, true))
        );
    }

    #[test]
    fn values_in_any_wording() {
        let years = |cell: &str, months: bool| parse_years(&years_text(cell, months)).ok();
        assert_eq!(
            years("1-2", false).map(|r| (r.min, r.max)),
            Some((1.0, Some(2.0)))
        );
        assert_eq!(
            years("1〜2年", false).map(|r| (r.min, r.max)),
            Some((1.0, Some(2.0)))
        );
        assert_eq!(
            years("3年以上", false).map(|r| (r.min, r.max)),
            Some((3.0, None))
        );
        assert_eq!(
            years("12-18", true).map(|r| (r.min, r.max)),
            Some((1.0, Some(1.5)))
        );
        assert!(years("Several years", false).is_none());
        // A list of bullets is statements, not a value.
        let scale = crate::model::ScopeStep::defaults();
        let cells = ["• Ships features\n• Reviews code".to_string()];
        assert!(!cells_are_values(
            Indicator::Experience,
            false,
            &cells,
            &scale
        ));
        let cells = [
            "1-2".to_string(),
            "Several years".to_string(),
            String::new(),
        ];
        assert!(cells_are_values(Indicator::Tenure, false, &cells, &scale));
        // A scope row names scopes; an area called "Scope" with statements does not.
        let cells = ["Own tasks".to_string(), "複数チーム".to_string()];
        assert!(cells_are_values(Indicator::Scope, false, &cells, &scale));
        assert_eq!(
            scope_of("複数チーム", &scale).as_deref(),
            Some("multi-team")
        );
        assert_eq!(
            scope_of("Several teams", &scale).as_deref(),
            Some("multi-team")
        );
        let cells = ["Writes the design docs".to_string()];
        assert!(!cells_are_values(Indicator::Scope, false, &cells, &scale));
    }
}
