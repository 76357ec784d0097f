//! Reading one job title: which of its words say the rung ("Senior"), the
//! step ("II"), the role ("Engineer"), the function ("Backend"), how the
//! job is held ("Contract"), and which say that the job is off an
//! engineering ladder ("Head of People"). The seniority words and
//! abbreviations are those `rungs map` reads ([`crate::align::seniority`]).

use std::collections::HashSet;

pub(crate) use crate::align::seniority::title_case;
use crate::align::seniority::{self, TITLES, title_number, title_step};
use crate::model::TrackKind;

/// Words that say how a job is held, not its level: left aside, with a note.
const QUALIFIERS: &[&str] = &[
    "contract",
    "contractor",
    "acting",
    "interim",
    "temporary",
    "temp",
    "freelance",
    "freelancer",
    "part time",
    "fixed term",
    "seconded",
];

/// Words that carry nothing: "Director *of* Engineering", "*Team* Lead".
const FILLERS: &[&str] = &[
    "of",
    "the",
    "and",
    "for",
    "at",
    "a",
    "an",
    "to",
    "team",
    "management",
];

/// Words that say a title is an individual contributor's ("Senior
/// Engineer (IC)"), and nothing else.
const KIND_WORDS: &[&str] = &["ic", "individual contributor"];

/// Words after which a number is a step even with no role named ("Level
/// 3"); they stay part of the title ("Level 3" is not "Grade 3").
const STEP_WORDS: &[&str] = &["level", "grade", "band", "step"];

/// Function words and the function they name: they choose between tracks
/// ("Senior SRE" on a Site Reliability track), never the level. An empty
/// function is engineering in general ("Software", "Technical").
const FUNCTIONS: &[(&str, &str)] = &[
    ("software", ""),
    ("engineering", ""),
    ("development", ""),
    ("technology", ""),
    ("technical", ""),
    ("tech", ""),
    ("application", ""),
    ("applications", ""),
    ("systems", ""),
    ("backend", "backend"),
    ("server", "backend"),
    ("api", "backend"),
    ("frontend", "frontend"),
    ("ui", "frontend"),
    ("web", "web"),
    ("fullstack", "fullstack"),
    ("ios", "mobile"),
    ("android", "mobile"),
    ("mobile", "mobile"),
    ("data", "data"),
    ("database", "data"),
    ("analytics", "data"),
    ("ml", "ml"),
    ("machine learning", "ml"),
    ("ai", "ml"),
    ("site reliability", "reliability"),
    ("reliability", "reliability"),
    ("observability", "reliability"),
    ("production", "reliability"),
    // DevOps and operations sit with site reliability.
    ("devops", "reliability"),
    ("ops", "reliability"),
    ("qa", "quality"),
    ("quality assurance", "quality"),
    ("quality", "quality"),
    ("in test", "quality"),
    ("test", "quality"),
    ("testing", "quality"),
    ("automation", "quality"),
    ("platform", "platform"),
    ("infrastructure", "infrastructure"),
    ("infra", "infrastructure"),
    ("cloud", "infrastructure"),
    ("network", "infrastructure"),
    ("networking", "infrastructure"),
    ("security", "security"),
    ("secops", "security"),
    ("appsec", "security"),
    ("embedded", "embedded"),
    ("firmware", "embedded"),
    ("hardware", "embedded"),
    ("game", "games"),
    ("games", "games"),
    ("gameplay", "games"),
    ("release", "release"),
    ("build", "release"),
    ("tools", "tooling"),
    ("tooling", "tooling"),
    ("performance", "performance"),
    ("research", "research"),
];

/// Role nouns of engineering: any ladder of engineers places them.
const ENGINEERING_ROLES: &[&str] = &["engineer", "developer", "programmer", "coder", "tester"];

/// Words of work that an engineering ladder does not cover ("Head of
/// People", "Technical Program Manager", "Product Designer"), unless the
/// ladder itself uses them (a framework with a Design track places
/// designers). Beside an engineering role noun they are only a function
/// ("Product Engineer").
const OTHER_WORK: &[&str] = &[
    "people",
    "hr",
    "human resources",
    "talent",
    "recruiter",
    "recruiting",
    "recruitment",
    "sourcer",
    "finance",
    "financial",
    "accountant",
    "accounting",
    "controller",
    "payroll",
    "sales",
    "account",
    "marketing",
    "legal",
    "counsel",
    "lawyer",
    "paralegal",
    "product",
    "program",
    "programme",
    "project",
    "design",
    "designer",
    "ux",
    "researcher",
    "writer",
    "content",
    "communications",
    "customer",
    "success",
    "support",
    "office",
    "administrative",
    "assistant",
    "receptionist",
    "facilities",
    "analyst",
    "scientist",
    "science",
    "economist",
    "partner",
    "coordinator",
    "specialist",
    "consultant",
    "scrum",
    "agile",
    "coach",
    "procurement",
    "purchasing",
    "compliance",
    "auditor",
    "business",
    "strategy",
    "brand",
    "editor",
    "community",
    "evangelist",
    "advocate",
    "relations",
    "executive",
];

/// Titles above every ladder: executives. "Chief" and "Vice President"
/// come from the seniority words.
const EXECUTIVE: &[&str] = &["president", "founder", "cofounder", "managing director"];

/// Every word of a seniority phrase ("vice", "president", "senior"…).
static SENIORITY_WORDS: std::sync::LazyLock<HashSet<&'static str>> =
    std::sync::LazyLock::new(|| TITLES.iter().flat_map(|(p, _, _)| p.split(' ')).collect());

/// What a title's words say, sorted.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Read {
    /// The words that name the job, spelled out, in order, without
    /// qualifiers and fillers, numbers as digits: compared with the
    /// ladder's titles and aliases.
    pub key: String,
    /// Every word as written, lower case (for codes and grades).
    pub written: Vec<String>,
    /// Management when a manager's word is in the title, else IC.
    pub kind: TrackKind,
    /// True when something in the title says which kind (a role noun, a
    /// seniority or manager's word, "IC").
    pub kind_said: bool,
    /// The seniority phrase and its position.
    pub rung: Option<(&'static str, f64)>,
    /// The number after the title ("II": 2).
    pub step: Option<u32>,
    /// That number as written ("II").
    pub step_written: Option<String>,
    /// True when a word such as "Level" or "Grade" comes with the number.
    pub step_word: bool,
    /// The role noun ("engineer"), if any.
    pub role: Option<String>,
    /// Functions named (see [`FUNCTIONS`]), without the general one.
    pub functions: Vec<&'static str>,
    /// Why the title is off the ladder: an executive's, an intern's or
    /// another kind of work's word, as written.
    pub outside: Option<Outside>,
    /// The head of the title (its last word that is not a function,
    /// number or qualifier) when nothing reads it ("Sommelier").
    pub unknown_head: Option<String>,
    /// Other words nothing reads, as written ("Payments").
    pub unknown: Vec<String>,
    /// Numbers that are not a step ("62").
    pub numbers: Vec<String>,
    /// How the words were read, for the reasons.
    pub notes: Vec<String>,
    /// True when only function words name the work ("DevOps").
    pub role_implied: bool,
}

/// Why a title is off the ladder.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Outside {
    /// An executive's title ("VP", "Chief").
    Executive(String),
    /// An intern's.
    Intern(String),
    /// Another kind of work ("People", "Program").
    OtherWork(String),
}

/// One word of a title: spelled out (`senior`), as written (`Sr`), and the
/// part of the title it is in (parts split at commas, brackets, slashes and
/// spaced dashes: "Manager, Site Reliability").
struct Word {
    spelled: String,
    written: String,
    part: usize,
}

impl Word {
    /// True when the word comes from an abbreviation ("Sr": senior).
    fn expanded(&self) -> bool {
        self.spelled != self.written.to_lowercase().replace(' ', "")
    }
}

fn words_of(title: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut part = 0;
    let mut prev_space = true;
    let mut segment = String::new();
    let flush = |segment: &mut String, part: usize, out: &mut Vec<Word>| {
        for (spelled, written) in seniority::title_words(segment) {
            out.push(Word {
                spelled,
                written,
                part,
            });
        }
        segment.clear();
    };
    let chars: Vec<char> = title.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let dash = matches!(c, '-' | '\u{2013}' | '\u{2014}')
            && prev_space
            && chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if matches!(c, ',' | '(' | ')' | '[' | ']' | '|' | '/' | ';' | ':') || dash {
            flush(&mut segment, part, &mut out);
            part += 1;
        } else {
            segment.push(c);
        }
        prev_space = c.is_whitespace();
    }
    flush(&mut segment, part, &mut out);
    out
}

/// Finds the phrase of `lexicon` starting at word `i` (longest first).
fn phrase_at<'l>(
    words: &[&str],
    i: usize,
    lexicon: impl Iterator<Item = &'l str>,
) -> Option<&'l str> {
    lexicon
        .filter(|p| {
            let parts: Vec<&str> = p.split(' ').collect();
            words.len() >= i + parts.len() && words[i..i + parts.len()] == parts[..]
        })
        .max_by_key(|p| p.split(' ').count())
}

/// What a word or phrase is.
#[derive(Clone, Copy, PartialEq)]
enum Sort {
    Qualifier,
    Filler,
    KindWord,
    StepWord,
    Function(&'static str),
    Role,
    OtherWork,
    Executive,
    Number(u32),
    Rung,
    Vocabulary,
    Unknown,
}

/// Quotes a list of written words: “Software”, “Backend”.
fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\u{201c}{w}\u{201d}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What each word of a title is, and the phrases that name a function, as
/// (first word, length). Phrases are read longest first; the ladder's own
/// words are never unknown nor another kind of work.
fn sort_words(spelled: &[&str], vocabulary: &HashSet<String>) -> (Vec<Sort>, Vec<(usize, usize)>) {
    // Phrases that name a function, as (first word, length).
    let mut function_phrases: Vec<(usize, usize)> = Vec::new();
    let mut sorts = vec![Sort::Unknown; spelled.len()];
    let mut i = 0;
    while i < spelled.len() {
        let word = spelled[i];
        let next_is_manager = spelled
            .get(i + 1)
            .is_some_and(|n| matches!(*n, "manager" | "management" | "lead" | "leader"));
        let ours = vocabulary.contains(word);
        let (sort, len) = if let Some(p) = phrase_at(spelled, i, QUALIFIERS.iter().copied()) {
            (Sort::Qualifier, p.split(' ').count())
        } else if let Some(p) = phrase_at(spelled, i, EXECUTIVE.iter().copied()).filter(|_| !ours) {
            (Sort::Executive, p.split(' ').count())
        } else if let Some(p) = phrase_at(spelled, i, FUNCTIONS.iter().map(|(p, _)| *p)) {
            let function = FUNCTIONS
                .iter()
                .find(|(q, _)| *q == p)
                .map_or("", |(_, f)| *f);
            (Sort::Function(function), p.split(' ').count())
        } else if let Some(p) = phrase_at(spelled, i, KIND_WORDS.iter().copied()) {
            (Sort::KindWord, p.split(' ').count())
        } else if word == "people" && next_is_manager {
            // "People Manager": a manager of people, an engineering manager.
            (Sort::Filler, 1)
        } else if FILLERS.contains(&word) {
            (Sort::Filler, 1)
        } else if STEP_WORDS.contains(&word) {
            (Sort::StepWord, 1)
        } else if ENGINEERING_ROLES.contains(&word) {
            (Sort::Role, 1)
        } else if let Some(n) = title_step(word) {
            (Sort::Number(n), 1)
        } else if SENIORITY_WORDS.contains(word) {
            (Sort::Rung, 1)
        } else if ours {
            (Sort::Vocabulary, 1)
        } else if let Some(p) = phrase_at(spelled, i, OTHER_WORK.iter().copied()) {
            (Sort::OtherWork, p.split(' ').count())
        } else {
            (Sort::Unknown, 1)
        };
        if matches!(sort, Sort::Function(_) | Sort::OtherWork) {
            function_phrases.push((i, len));
        }
        for s in sorts.iter_mut().skip(i).take(len) {
            *s = sort;
        }
        i += len;
    }
    (sorts, function_phrases)
}

/// Reads `title`. `vocabulary` holds the ladder's own words (its level
/// titles, aliases and track titles): a word there is never unknown nor
/// another kind of work.
pub(crate) fn read(title: &str, vocabulary: &HashSet<String>) -> Read {
    let all = words_of(title);
    let spelled: Vec<&str> = all.iter().map(|w| w.spelled.as_str()).collect();
    let mut out = Read {
        written: super::lower_words(title),
        ..Read::default()
    };
    // Abbreviations, once each: "Sr" reads as Senior.
    let mut spelled_out: Vec<(String, String)> = Vec::new();
    for w in &all {
        if w.expanded() && !spelled_out.iter().any(|(x, _)| *x == w.written) {
            let long: Vec<&str> = all
                .iter()
                .filter(|x| x.written == w.written && x.part == w.part)
                .map(|x| x.spelled.as_str())
                .collect();
            spelled_out.push((w.written.clone(), title_case(&long.join(" "))));
        }
    }
    let as_written = |i: usize| -> String { all[i].written.clone() };
    let (sorts, function_phrases) = sort_words(&spelled, vocabulary);
    // The words left once qualifiers, fillers and functions are out: they
    // hold the rung ("Senior Engineering Manager": senior manager).
    let core: Vec<&str> = (0..all.len())
        .filter(|&i| matches!(sorts[i], Sort::Rung | Sort::Role | Sort::Executive))
        .map(|i| spelled[i])
        .collect();
    let manager = seniority::title_phrase(&core, Some(TrackKind::Management));
    out.kind = if manager.is_some() {
        TrackKind::Management
    } else {
        TrackKind::Ic
    };
    out.kind_said = manager.is_some()
        || sorts
            .iter()
            .any(|s| matches!(s, Sort::Role | Sort::Rung | Sort::KindWord));
    out.rung = match manager {
        Some(("manager", position, _)) => {
            // "Principal Engineering Manager", "Staff Manager": an IC word
            // of senior or above before "manager" reads as a senior manager.
            let senior_ic =
                seniority::title_phrase(&core, Some(TrackKind::Ic)).filter(|(_, p, _)| *p >= 0.5);
            match senior_ic {
                Some((word, _, _)) => {
                    out.notes.push(format!(
                        "{} before Manager reads as a senior manager",
                        title_case(word)
                    ));
                    Some(("senior manager", 0.65))
                }
                None => Some(("manager", position)),
            }
        }
        Some((phrase, position, _)) => Some((phrase, position)),
        None => seniority::title_phrase(&core, Some(TrackKind::Ic)).map(|(p, q, _)| (p, q)),
    };
    let numbers: Vec<&str> = (0..all.len())
        .filter(|&i| matches!(sorts[i], Sort::Number(_)))
        .map(|i| spelled[i])
        .collect();
    out.step = title_number(&numbers);
    out.step_written = (0..all.len())
        .find(|&i| matches!(sorts[i], Sort::Number(n) if Some(n) == out.step))
        .map(as_written);
    out.step_word = sorts.contains(&Sort::StepWord);
    out.numbers = (0..all.len())
        .filter(|&i| matches!(sorts[i], Sort::Number(n) if !(1..=9).contains(&n)))
        .map(|i| all[i].written.clone())
        .collect();
    out.role = (0..all.len())
        .rev()
        .find(|&i| sorts[i] == Sort::Role)
        .map(|i| spelled[i].to_string());
    out.functions = Vec::new();
    for s in &sorts {
        if let Sort::Function(f) = s
            && !f.is_empty()
            && !out.functions.contains(f)
        {
            out.functions.push(f);
        }
    }
    // The head: the last word of the first part that is not a function,
    // qualifier, filler or number ("Senior Software Engineer II": engineer;
    // "Manager, Site Reliability": manager).
    let first_part = all.first().map_or(0, |w| w.part);
    let head_part = (0..all.len())
        .filter(|&i| !matches!(sorts[i], Sort::Qualifier | Sort::Filler))
        .map(|i| all[i].part)
        .next()
        .unwrap_or(first_part);
    let head = (0..all.len()).rev().find(|&i| {
        all[i].part == head_part
            && !matches!(
                sorts[i],
                Sort::Qualifier
                    | Sort::Filler
                    | Sort::KindWord
                    | Sort::StepWord
                    | Sort::Function(_)
                    | Sort::Number(_)
            )
    });
    let head_sort = head.map(|i| sorts[i]);
    // A ladder's own word at the head is its role noun ("Scientist" on a
    // ladder of scientists).
    if head_sort == Some(Sort::Vocabulary)
        && let Some(h) = head
        && out.role.is_none()
        && !SENIORITY_WORDS.contains(spelled[h])
    {
        out.role = Some(spelled[h].to_string());
        out.kind_said = true;
    }
    // Off the ladder: an executive, an intern, another kind of work.
    let executive = (0..all.len())
        .find(|&i| sorts[i] == Sort::Executive)
        .or_else(|| {
            // "Chief", "Vice President" (and "VP", "CTO" spelled out).
            manager
                .filter(|(p, _, _)| p.contains("vice president") || *p == "chief")
                .and_then(|_| {
                    (0..all.len()).find(|&i| matches!(spelled[i], "chief" | "vice" | "president"))
                })
        })
        .filter(|&i| !vocabulary.contains(spelled[i]));
    let other = (0..all.len()).find(|&i| sorts[i] == Sort::OtherWork);
    // "Product Engineer" is an engineer; "Developer Advocate" is not.
    let engineering_head = matches!(head_sort, Some(Sort::Role | Sort::Vocabulary));
    if let Some(i) = executive {
        out.outside = Some(Outside::Executive(as_written(i)));
    } else if let Some(i) = other.filter(|_| !engineering_head || out.kind == TrackKind::Management)
    {
        out.outside = Some(Outside::OtherWork(as_written(i)));
    } else if out.rung.is_some_and(|(p, _)| p == "intern") && !vocabulary.contains("intern") {
        let i = (0..all.len())
            .find(|&i| spelled[i] == "intern")
            .unwrap_or(0);
        out.outside = Some(Outside::Intern(as_written(i)));
    }
    if head_sort == Some(Sort::Unknown)
        && out.role.is_none()
        && out.outside.is_none()
        && let Some(h) = head
    {
        out.unknown_head = Some(as_written(h));
    }
    // Function phrases as written ("Site Reliability"), but not those an
    // abbreviation spelled out (its note says it). Words beside an
    // engineering role that other work uses ("Product Engineer") name its
    // function.
    let mut functions_written: Vec<String> = Vec::new();
    for &(start, len) in &function_phrases {
        if sorts[start] == Sort::OtherWork && out.outside.is_some() {
            continue;
        }
        let words = &all[start..start + len];
        if words.iter().all(Word::expanded) {
            continue;
        }
        let mut written: Vec<&str> = words.iter().map(|w| w.written.as_str()).collect();
        written.dedup();
        let phrase = written.join(" ");
        if !functions_written.contains(&phrase) {
            functions_written.push(phrase);
        }
    }
    for (i, sort) in sorts.iter().enumerate() {
        if *sort == Sort::Unknown && (Some(i) != head || out.unknown_head.is_none()) {
            let w = as_written(i);
            if !out.unknown.contains(&w) {
                out.unknown.push(w);
            }
        }
    }
    // "DevOps", "Senior Backend": a function with no role noun.
    out.role_implied = out.role.is_none()
        && out.kind == TrackKind::Ic
        && sorts.iter().any(|s| matches!(s, Sort::Function(_)));
    if out.role_implied {
        out.kind_said = true;
    }
    // The key: the words that name the job, in order.
    let key: Vec<String> = (0..all.len())
        .filter(|&i| !matches!(sorts[i], Sort::Qualifier | Sort::Filler | Sort::KindWord))
        .map(|i| match sorts[i] {
            Sort::Number(n) => n.to_string(),
            _ => spelled[i].to_string(),
        })
        .collect();
    out.key = key.join(" ");
    // Notes, in the order a reader meets the words.
    let spelled_notes = spelled_out
        .iter()
        .map(|(short, long)| format!("\u{201c}{short}\u{201d} reads as {long}"));
    out.notes.splice(0..0, spelled_notes);
    let qualifiers: Vec<String> = (0..all.len())
        .filter(|&i| sorts[i] == Sort::Qualifier)
        .map(as_written)
        .collect();
    if !qualifiers.is_empty() {
        out.notes.push(format!(
            "{} left aside: it says how the job is held, not its level",
            quoted(&qualifiers)
        ));
    }
    if !functions_written.is_empty() && out.outside.is_none() {
        let verb = if functions_written.len() == 1 {
            "names"
        } else {
            "name"
        };
        out.notes.push(format!(
            "{} {verb} the function, not the level",
            quoted(&functions_written)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(title: &str) -> Read {
        read(title, &HashSet::new())
    }

    #[test]
    fn abbreviations_are_spelled_out_and_quoted() {
        let x = r("Sr. Software Engineer");
        assert_eq!(x.key, "senior software engineer");
        assert_eq!(x.rung, Some(("senior", 0.5)));
        assert_eq!(x.role.as_deref(), Some("engineer"));
        assert_eq!(x.notes[0], "\u{201c}Sr\u{201d} reads as Senior");
        assert!(
            x.notes.iter().any(|n| n.contains("Software")),
            "{:?}",
            x.notes
        );
        assert_eq!(r("Snr Developer").rung, Some(("senior", 0.5)));
        assert_eq!(r("Jr. Developer").rung, Some(("junior", 0.1)));
        let sre = r("Staff SRE");
        assert_eq!(sre.rung, Some(("staff", 0.65)));
        assert_eq!(sre.functions, ["reliability"]);
        assert_eq!(sre.role.as_deref(), Some("engineer"));
    }

    #[test]
    fn numbers_and_roman_numerals_are_steps() {
        assert_eq!(r("Engineer II").step, Some(2));
        assert_eq!(r("SWE 3").step, Some(3));
        assert_eq!(r("Software Engineer III").step, Some(3));
        let x = r("Senior Engineer 2");
        assert_eq!((x.rung, x.step), (Some(("senior", 0.5)), Some(2)));
        assert_eq!(r("Software Engineer III").key, "software engineer 3");
        // Not a step: a number beyond nine.
        let code = r("Engineer 62");
        assert_eq!(
            (code.step, code.numbers.clone()),
            (None, vec!["62".to_string()])
        );
    }

    #[test]
    fn functions_do_not_change_the_rung() {
        for title in [
            "Senior Backend Engineer",
            "Senior Front-end Developer",
            "Senior Full Stack Engineer",
            "Senior iOS Engineer",
            "Senior Data Engineer",
            "Senior ML Engineer",
            "Senior Site Reliability Engineer",
            "Senior DevOps Engineer",
            "Senior QA Engineer",
            "Senior Software Engineer in Test",
            "Senior Platform Engineer",
            "Senior Security Engineer",
        ] {
            let x = r(title);
            assert_eq!(x.rung, Some(("senior", 0.5)), "{title}");
            assert_eq!(x.kind, TrackKind::Ic, "{title}");
            assert!(
                x.outside.is_none() && x.unknown.is_empty(),
                "{title}: {x:?}"
            );
        }
        assert_eq!(r("Software Engineer in Test").functions, ["quality"]);
    }

    #[test]
    fn qualifiers_are_left_aside_with_a_note() {
        let x = r("Contract Senior Engineer");
        assert_eq!(x.key, "senior engineer");
        assert!(
            x.notes
                .iter()
                .any(|n| n.starts_with("\u{201c}Contract\u{201d} left aside"))
        );
        assert_eq!(r("Acting Engineering Manager").key, "engineering manager");
        assert_eq!(r("Senior Engineer (Interim)").key, "senior engineer");
    }

    #[test]
    fn managers_are_read_as_managers() {
        for (title, rung) in [
            ("Engineering Manager", "manager"),
            ("Manager, Site Reliability", "manager"),
            ("Senior Engineering Manager", "senior manager"),
            ("Principal Engineering Manager", "senior manager"),
            ("Head of Engineering", "head"),
            ("Director of Engineering", "director"),
            ("People Manager", "manager"),
        ] {
            let x = r(title);
            assert_eq!(x.kind, TrackKind::Management, "{title}");
            assert_eq!(x.rung.map(|r| r.0), Some(rung), "{title}");
            assert!(x.outside.is_none(), "{title}: {x:?}");
        }
        assert_eq!(r("Director of Engineering").key, "director engineering");
    }

    #[test]
    fn titles_off_an_engineering_ladder_say_why() {
        for (title, word) in [
            ("VP Engineering", "VP"),
            ("CTO", "CTO"),
            ("Chief Executive Officer", "Chief"),
            ("Co-founder", "founder"),
        ] {
            match r(title).outside {
                Some(Outside::Executive(w)) => {
                    assert!(w.contains(word) || word.contains(&w), "{title}: {w}")
                }
                other => panic!("{title}: {other:?}"),
            }
        }
        for (title, word) in [
            ("Head of People", "People"),
            ("Technical Program Manager", "Program"),
            ("Product Manager", "Product"),
            ("Senior Product Designer", "Product"),
            ("Recruiter", "Recruiter"),
        ] {
            assert_eq!(
                r(title).outside,
                Some(Outside::OtherWork(word.into())),
                "{title}"
            );
        }
        assert_eq!(r("Intern").outside, Some(Outside::Intern("Intern".into())));
        // Beside an engineering role, such a word is a function.
        let x = r("Product Engineer");
        assert!(
            x.outside.is_none() && x.role.as_deref() == Some("engineer"),
            "{x:?}"
        );
        // The ladder's own words are not another kind of work.
        let design: HashSet<String> = ["designer".to_string()].into();
        let x = read("Senior Designer", &design);
        assert!(x.outside.is_none(), "{x:?}");
        assert_eq!(x.role.as_deref(), Some("designer"));
    }

    #[test]
    fn unknown_words_are_kept_to_say_so() {
        let x = r("Senior Payments Engineer");
        assert_eq!(x.unknown, ["Payments"]);
        assert!(x.unknown_head.is_none());
        let y = r("Senior Sommelier");
        assert_eq!(y.unknown_head.as_deref(), Some("Sommelier"));
        assert_eq!(r("L5").unknown_head.as_deref(), Some("L5"));
        let devops = r("DevOps");
        assert!(devops.role_implied, "{devops:?}");
    }

    #[test]
    fn parts_split_at_commas_and_spaced_dashes() {
        let x = r("Engineer II - Payments");
        assert_eq!(x.step, Some(2));
        assert_eq!(x.role.as_deref(), Some("engineer"));
        assert_eq!(r("Front-end Developer").functions, ["frontend"]);
    }
}
