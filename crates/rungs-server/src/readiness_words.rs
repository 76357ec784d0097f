//! Readiness and the promotion rule in the reader's language. The ladder's
//! library writes them in English (the words of `rungs check`, the API and
//! English pages); a page in another language says the same from the
//! numbers, with the app's catalogues.

use fluent_bundle::FluentArgs;
use rungs_core::assess::{
    AreaStatus, PerArea, Rating, RatingsFrom, Readiness, Settings, TimeInLevel,
};
use rungs_site::i18n::Messages;

use crate::i18n::SOURCE_LANGUAGE;

/// The promotion rule in `lang` (`None` in English: the library's words
/// stand). `area_title` names an area by id.
pub(crate) fn rule(
    settings: &Settings,
    lang: &str,
    area_title: impl Fn(&str) -> String,
) -> Option<String> {
    if lang == SOURCE_LANGUAGE {
        return None;
    }
    let words = crate::i18n::messages(lang);
    let rule = &settings.promotion;
    let what = match rule.per_area {
        PerArea::All => words.get("rule-every-statement"),
        PerArea::Share(share) => {
            let mut args = FluentArgs::new();
            args.set("percent", (share * 100.0).round());
            words.format("rule-share", &args)
        }
        PerArea::Count(n) => {
            let mut args = FluentArgs::new();
            args.set("count", n);
            words.format("rule-count", &args)
        }
    };
    let mut args = FluentArgs::new();
    args.set("what", what);
    args.set(
        "threshold",
        settings.label(Rating::Step(rule.at_least)).to_string(),
    );
    let by = match rule.ratings_from {
        RatingsFrom::Both => "rule-by-both",
        RatingsFrom::Manager => "rule-by-manager",
    };
    args.set("by", words.get(by));
    let mut clauses = vec![words.format("rule-in-each-area", &args)];
    if !rule.waivable.is_empty() {
        let areas: Vec<String> = rule.waivable.iter().map(|a| area_title(a)).collect();
        clauses.push(words.with(
            "rule-waivable",
            "areas",
            &areas.join(&words.get("list-separator")),
        ));
    }
    match rule.time_in_level {
        TimeInLevel::Any => {}
        TimeInLevel::Months(m) => {
            let mut args = FluentArgs::new();
            args.set("count", m);
            clauses.push(words.format("rule-months", &args));
        }
        TimeInLevel::Tenure => clauses.push(words.get("rule-tenure")),
    }
    Some(clauses.join(&words.get("carried-new-separator")) + &words.get("sentence-end"))
}

/// Rewrites `readiness` (its summary, each area's reason and the time
/// check) in `lang`; in English the library's words stand. Area titles
/// are the ones `readiness` holds (translated by the caller).
pub(crate) fn localise(readiness: &mut Readiness, settings: &Settings, lang: &str) {
    if lang == SOURCE_LANGUAGE {
        return;
    }
    let words = crate::i18n::messages(lang);
    let threshold = settings
        .label(Rating::Step(settings.promotion.at_least))
        .to_string();
    for area in &mut readiness.areas {
        let mut args = FluentArgs::new();
        args.set("met", area.met);
        args.set("counted", area.counted);
        args.set("needed", area.needed);
        args.set("threshold", threshold.clone());
        let mut reason = words.format("ready-area-reason", &args);
        if area.unrated > 0 {
            let mut args = FluentArgs::new();
            args.set("count", area.unrated);
            reason.push_str(&words.format("ready-area-unrated", &args));
        }
        if area.status == AreaStatus::Waived {
            reason.push_str(&words.get("carried-new-separator"));
            reason.push_str(&words.get("ready-area-waivable"));
        }
        area.reason = reason;
    }
    let time_ok = match readiness.time_months {
        None => true,
        Some((Some(months), need)) => months + 1e-9 >= need,
        Some((None, _)) => false,
    };
    readiness.time = readiness
        .time_months
        .map(|(months, need)| time(words, months, need));
    let short: Vec<&str> = readiness
        .areas
        .iter()
        .filter(|a| a.status == AreaStatus::NotYet)
        .map(|a| a.title.as_str())
        .collect();
    readiness.summary = if readiness.areas.is_empty() {
        words.get("ready-summary-empty")
    } else if readiness.ready {
        words.get(if readiness.time_months.is_some() {
            "ready-summary-ready-time"
        } else {
            "ready-summary-ready"
        })
    } else {
        let mut parts = Vec::new();
        if !short.is_empty() {
            let areas = short.join(&words.get("list-separator"));
            parts.push(words.with("ready-not-met-in", "areas", &areas));
        }
        if !time_ok {
            parts.push(words.get("ready-not-long-enough"));
        }
        words.with(
            "ready-summary-not-yet",
            "reasons",
            &parts.join(&words.get("carried-new-separator")),
        )
    };
}

/// Readiness (if shown) and the rule of a page in `lang`, with area
/// titles from the ladder's translations: what a page calls after
/// building its view.
pub(crate) fn on_page(
    ladder: &crate::framework::Ladder,
    lang: &str,
    readiness: Option<&mut Readiness>,
    rule_words: &mut String,
) {
    let settings = &ladder.framework.assessments;
    let area_title = |id: &str| {
        crate::localise::area_title(ladder, lang, id).unwrap_or_else(|| {
            ladder
                .framework
                .areas
                .iter()
                .flat_map(|a| a.walk())
                .find(|a| a.id == id)
                .map_or_else(|| id.to_string(), |a| a.title.clone())
        })
    };
    if let Some(readiness) = readiness {
        for area in &mut readiness.areas {
            area.title = area_title(&area.area);
        }
        localise(readiness, settings, lang);
    }
    if let Some(words) = rule(settings, lang, area_title) {
        *rule_words = words;
    }
}

/// The time-in-level check in words.
fn time(words: &Messages, months: Option<f64>, need: f64) -> String {
    let mut args = FluentArgs::new();
    args.set("need", need.round());
    match months {
        Some(months) => {
            args.set("months", months.floor());
            words.format("ready-time", &args)
        }
        None => words.format("ready-time-unknown", &args),
    }
}

#[cfg(test)]
mod tests {
    use rungs_core::assess::{Settings, readiness};

    #[test]
    fn english_keeps_the_librarys_words_and_german_says_the_same() {
        let settings = Settings::default();
        assert_eq!(super::rule(&settings, "en", str::to_string), None);
        let rule = super::rule(&settings, "de", str::to_string).expect("German");
        assert!(rule.starts_with("In jedem Bereich "), "{rule}");
        assert!(rule.ends_with('.'), "{rule}");
        let loaded = rungs_core::load(&rungs_core::SourceSet::example()).expect("example");
        let level = loaded.framework.tracks[0]
            .levels
            .iter()
            .find(|l| !l.statements.is_empty())
            .expect("a level with statements");
        let mut r = readiness(&settings, &loaded.framework, level, |_| None, None);
        let english = r.summary.clone();
        assert!(english.starts_with("Not yet ready"), "{english}");
        super::localise(&mut r, &settings, "de");
        assert!(
            r.summary
                .starts_with("Noch nicht bereit: noch nicht erfüllt in "),
            "{}",
            r.summary
        );
        assert!(
            r.areas[0].reason.contains("noch nicht bewertet"),
            "{}",
            r.areas[0].reason
        );
        super::localise(&mut r, &settings, "en");
        assert!(
            r.summary.starts_with("Noch nicht bereit"),
            "English leaves it alone"
        );
    }
}
