//! Why a rollout suggests a level, kept with the entry as what was found
//! (a job title and how it reads, a previous company's level) rather than
//! as a sentence, so that each reader sees it in their language: the page
//! in the viewer's, the API in English.
//!
//! The title resolver's and the mapping's own explanations
//! (`rungs_core::titles`, `rungs map`: "“Sr” reads as Senior") are English
//! and stay so inside the sentence. Entries written before reasons were
//! kept this way hold the English sentence, shown as it is.

use serde::{Deserialize, Serialize};

use crate::phrase::Phrase;

/// Why a level was suggested (or none was).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
pub(crate) enum Reason {
    /// The person's current level, which the ladder still has.
    CurrentLevel,
    /// The person has no job title.
    NoTitle,
    /// The person is marked not on a ladder.
    OffLadder,
    /// Their job title is the level's title.
    TitleIsLevel {
        title: String,
        /// Levels to check when the reading is not sure.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        check: Vec<String>,
    },
    /// Their job title reads as a level.
    TitleReadsAs {
        title: String,
        /// The level's title.
        level: String,
        /// How the title was read (English).
        how: String,
        confidence: f64,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        check: Vec<String>,
    },
    /// Their job title is not on this ladder.
    NotOnLadder {
        title: String,
        how: String,
        /// The closest levels.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        closest: Vec<String>,
    },
    /// Their job title cannot be placed.
    CannotPlace {
        title: String,
        how: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        closest: Vec<String>,
    },
    /// Their previous title, on their previous company's ladder, maps to
    /// one of ours.
    Previous {
        title: String,
        /// The title is that level's own (rather than read as it).
        exact: bool,
        /// Their level there.
        theirs: String,
        /// Their previous company's framework.
        company: String,
        /// Our level it maps to.
        ours: String,
        similarity: f64,
        confidence: f64,
        /// The seniority both levels share (English, as `rungs map` says it).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        seniority: Vec<String>,
        /// Why the match is not sure (English).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        doubts: Vec<String>,
        /// Our levels to check when it is not.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        check: Vec<String>,
    },
    /// Their title here cannot be placed, and their previous title is no
    /// level of their previous company's.
    PreviousNotALevel {
        here: Box<Reason>,
        title: String,
        company: String,
    },
}

impl Reason {
    /// As an entry keeps it.
    pub(crate) fn stored(&self) -> String {
        // Only strings, booleans and finite numbers: it always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A reason as an entry keeps it, in `lang`. An entry written before
    /// reasons were kept this way holds its sentence, shown as it is.
    pub(crate) fn say_stored(stored: &str, lang: &str) -> String {
        match serde_json::from_str::<Reason>(stored) {
            Ok(reason) => reason.said(lang),
            Err(_) => stored.to_string(),
        }
    }

    /// The reason in `lang`.
    pub(crate) fn said(&self, lang: &str) -> String {
        self.phrases(lang)
            .iter()
            .map(|p| p.render(None, lang))
            .collect::<Vec<_>>()
            .join(&crate::i18n::messages(lang).get("rollout-reason-separator"))
    }

    /// The sentence and what follows it, as messages.
    fn phrases(&self, lang: &str) -> Vec<Phrase> {
        let list =
            |items: &[String]| items.join(&crate::i18n::messages(lang).get("list-separator"));
        let number = |n: f64| format!("{n:.2}");
        // A level answer that is not sure names the levels to check; a
        // title with no level, the closest ones.
        let then = |id: &'static str, levels: &[String]| {
            (!levels.is_empty()).then(|| Phrase::new(id).text("levels", list(levels)))
        };
        // A title with no level: how it was read, then the closest levels.
        let unplaced = |phrase: Phrase, title: &str, how: &str, closest: &[String]| {
            let mut out = vec![phrase.text("title", title).text("how", how)];
            out.extend(then("rollout-reason-closest", closest));
            out
        };
        match self {
            Reason::CurrentLevel => vec![Phrase::new("rollout-reason-current-level")],
            Reason::NoTitle => vec![Phrase::new("rollout-reason-no-title")],
            Reason::OffLadder => vec![Phrase::new("rollout-reason-off-ladder")],
            Reason::TitleIsLevel { title, check } => {
                let mut out =
                    vec![Phrase::new("rollout-reason-title-is-level").text("title", title)];
                out.extend(then("rollout-reason-check", check));
                out
            }
            Reason::TitleReadsAs {
                title,
                level,
                how,
                confidence,
                check,
            } => {
                let mut out = vec![
                    Phrase::new("rollout-reason-title-reads-as")
                        .text("title", title)
                        .text("level", level)
                        .text("how", how)
                        .text("confidence", number(*confidence)),
                ];
                out.extend(then("rollout-reason-check", check));
                out
            }
            Reason::NotOnLadder {
                title,
                how,
                closest,
            } => unplaced(
                Phrase::new("rollout-reason-not-on-ladder"),
                title,
                how,
                closest,
            ),
            Reason::CannotPlace {
                title,
                how,
                closest,
            } => unplaced(
                Phrase::new("rollout-reason-cannot-place"),
                title,
                how,
                closest,
            ),
            Reason::Previous {
                title,
                exact,
                theirs,
                company,
                ours,
                similarity,
                confidence,
                seniority,
                doubts,
                check,
            } => {
                let id = if *exact {
                    "rollout-reason-previous"
                } else {
                    "rollout-reason-previous-reads-as"
                };
                let mut out = vec![
                    Phrase::new(id)
                        .text("title", title)
                        .text("theirs", theirs)
                        .text("company", company)
                        .text("ours", ours)
                        .text("similarity", number(*similarity))
                        .text("confidence", number(*confidence)),
                ];
                if !seniority.is_empty() {
                    out.push(
                        Phrase::new("rollout-reason-seniority")
                            .text("evidence", seniority.join("; ")),
                    );
                }
                if !check.is_empty() {
                    out.push(if doubts.is_empty() {
                        Phrase::new("rollout-reason-check").text("levels", list(check))
                    } else {
                        Phrase::new("rollout-reason-check-doubts")
                            .text("doubts", doubts.join("; "))
                            .text("levels", list(check))
                    });
                }
                out
            }
            Reason::PreviousNotALevel {
                here,
                title,
                company,
            } => {
                let mut out = here.phrases(lang);
                out.push(
                    Phrase::new("rollout-reason-previous-not-a-level")
                        .text("title", title)
                        .text("company", company),
                );
                out
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reads_as() -> Reason {
        Reason::TitleReadsAs {
            title: "Sr Engineer".into(),
            level: "Senior Engineer".into(),
            how: "\u{201c}Sr\u{201d} reads as Senior".into(),
            confidence: 0.8,
            check: vec!["Senior Engineer".into(), "Staff Engineer".into()],
        }
    }

    #[test]
    fn a_kept_reason_reads_in_each_language_and_english_as_before() {
        let stored = reads_as().stored();
        assert_eq!(
            Reason::say_stored(&stored, "en"),
            "job title \u{201c}Sr Engineer\u{201d} reads as \u{201c}Senior Engineer\u{201d}: \
             \u{201c}Sr\u{201d} reads as Senior (confidence 0.80); not sure: check Senior Engineer, Staff Engineer"
        );
        let german = Reason::say_stored(&stored, "de");
        assert!(german.contains("Stellenbezeichnung"), "{german}");
        assert!(german.contains("Senior Engineer"), "{german}");
        let japanese = Reason::say_stored(&stored, "ja");
        assert!(
            japanese.contains("Sr Engineer") && !japanese.contains("job title"),
            "{japanese}"
        );
    }

    #[test]
    fn every_reason_has_its_words_in_every_language() {
        let previous = Reason::Previous {
            title: "Engineer II".into(),
            exact: false,
            theirs: "Engineer II".into(),
            company: "Elsewhere".into(),
            ours: "Engineer".into(),
            similarity: 0.7,
            confidence: 0.6,
            seniority: vec!["A says II, B says nothing".into()],
            doubts: vec!["two levels are as close".into()],
            check: vec!["Engineer".into(), "Senior Engineer".into()],
        };
        let title = || "Wizard".to_string();
        let reasons = [
            Reason::CurrentLevel,
            Reason::NoTitle,
            Reason::OffLadder,
            Reason::TitleIsLevel {
                title: title(),
                check: vec!["Engineer".into()],
            },
            reads_as(),
            Reason::NotOnLadder {
                title: title(),
                how: "x".into(),
                closest: vec!["Engineer".into()],
            },
            Reason::PreviousNotALevel {
                here: Box::new(Reason::CannotPlace {
                    title: title(),
                    how: "x".into(),
                    closest: vec!["Engineer".into()],
                }),
                title: title(),
                company: "Elsewhere".into(),
            },
            previous,
        ];
        for (lang, _, _) in crate::i18n::LANGUAGES {
            for r in &reasons {
                let said = r.said(lang);
                assert!(
                    !said.is_empty() && !said.contains("rollout-reason"),
                    "{lang}: {said}"
                );
            }
        }
    }

    #[test]
    fn an_older_entry_keeps_its_sentence() {
        assert_eq!(
            Reason::say_stored("their current level", "de"),
            "their current level"
        );
        assert_eq!(Reason::say_stored("", "en"), "");
    }

    #[test]
    fn every_reason_survives_being_kept() {
        let reasons = [
            Reason::CurrentLevel,
            Reason::NoTitle,
            Reason::OffLadder,
            reads_as(),
            Reason::PreviousNotALevel {
                here: Box::new(Reason::CannotPlace {
                    title: "Wizard".into(),
                    how: "no role".into(),
                    closest: vec![],
                }),
                title: "Mage II".into(),
                company: "Elsewhere".into(),
            },
        ];
        for r in reasons {
            let kept = r.stored();
            assert_eq!(
                serde_json::from_str::<Reason>(&kept).ok(),
                Some(r),
                "{kept}"
            );
        }
    }
}
