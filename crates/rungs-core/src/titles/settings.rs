//! `[titles]` of rungs.toml: aliases of levels (beside the `aliases` a
//! level page writes) and other companies' level codes, with the checks
//! `rungs check` makes of every alias and code.
//!
//! ```toml
//! [titles.aliases]
//! "engineering/engineer" = ["SWE II", "Software Developer"]
//!
//! [titles.codes]
//! L5 = "engineering/senior"
//! "SDE II" = "engineering/engineer"
//! ```

use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Framework, Span, TitleCode};
use crate::source::SourceFile;

use super::compact;

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    titles: Option<RawTitles>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTitles {
    #[serde(default)]
    aliases: IndexMap<String, Vec<Spanned<String>>>,
    #[serde(default)]
    codes: IndexMap<String, Spanned<String>>,
}

/// Text and where it is written.
type Written = (String, Span);

/// What `[titles]` declares, before the levels are known.
#[derive(Debug, Default)]
pub(crate) struct Declared {
    /// (level as written, where, its aliases with where each is written).
    aliases: Vec<(String, Span, Vec<Written>)>,
    /// (code, level as written, where the code is, where the level is).
    codes: Vec<(String, String, Span, Span)>,
}

/// Reads `[titles]` of `rungs.toml`.
pub(crate) fn parse(file: &SourceFile) -> (Declared, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let text = file.text();
    let raw = match toml::from_str::<RawFile>(text) {
        Ok(RawFile { titles: Some(raw) }) => raw,
        Ok(_) => return (Declared::default(), diags),
        Err(e) => {
            diags.push(
                crate::load::config::syntax_error(file, &e)
                    .help("[titles] has two tables: `aliases` (\"track/level\" = [\"a title\", …]) and `codes` (code = \"track/level\"); see docs/format.md"),
            );
            return (Declared::default(), diags);
        }
    };
    let mut out = Declared::default();
    for (level, aliases) in raw.aliases {
        // The key's line: just before its first alias.
        let at = aliases.first().map_or(0, |a| a.span().start);
        let span = key_span(file, &level, at);
        let aliases = aliases
            .into_iter()
            .map(|a| {
                let r = a.span();
                (a.into_inner(), file.span(r.start, r.end))
            })
            .collect();
        out.aliases.push((level, span, aliases));
    }
    for (code, level) in raw.codes {
        let r = level.span();
        let span = key_span(file, &code, r.start);
        out.codes
            .push((code, level.into_inner(), span, file.span(r.start, r.end)));
    }
    (out, diags)
}

/// Where `key = ` is written (the key with its quotes, if any), last
/// before byte `before`.
fn key_span(file: &SourceFile, key: &str, before: usize) -> Span {
    let text = file.text();
    let head = &text[..before.min(text.len())];
    let mut best: Option<(usize, usize)> = None;
    for written in [format!("\"{key}\""), format!("'{key}'"), key.to_string()] {
        let found = head
            .rmatch_indices(written.as_str())
            .find(|(i, w)| head[i + w.len()..].trim_start().starts_with('='));
        if let Some((i, w)) = found
            && best.is_none_or(|(b, _)| i > b)
        {
            best = Some((i, i + w.len()));
        }
    }
    match best {
        Some((start, end)) => file.span(start, end),
        None => file.span(before, before),
    }
}

/// The (track index, level index) a reference names: `track/level`, or a
/// level id that one track alone has. The error is the help to show.
fn find_level(framework: &Framework, reference: &str) -> Result<(usize, usize), String> {
    let reference = reference.trim();
    let all = || -> Vec<String> {
        framework
            .tracks
            .iter()
            .flat_map(|t| t.levels.iter().map(move |l| format!("{}/{}", t.id, l.id)))
            .collect()
    };
    let found: Vec<(usize, usize)> = match reference.split_once('/') {
        Some((track, level)) => framework
            .tracks
            .iter()
            .position(|t| t.id == track.trim())
            .and_then(|t| {
                framework.tracks[t]
                    .levels
                    .iter()
                    .position(|l| l.id == level.trim())
                    .map(|l| (t, l))
            })
            .into_iter()
            .collect(),
        None => framework
            .tracks
            .iter()
            .enumerate()
            .filter_map(|(t, track)| {
                track
                    .levels
                    .iter()
                    .position(|l| l.id == reference)
                    .map(|l| (t, l))
            })
            .collect(),
    };
    match found[..] {
        [one] => Ok(one),
        [] => {
            // Suggest a level of the track named, else a track.
            let suggestion = match reference.split_once('/') {
                Some((track, level)) => match framework.track(track.trim()) {
                    Some(t) => {
                        crate::text::did_you_mean(level, t.levels.iter().map(|l| l.id.as_str()))
                            .map(|l| format!("{}/{l}", t.id))
                    }
                    None => crate::text::did_you_mean(
                        track,
                        framework.tracks.iter().map(|t| t.id.as_str()),
                    )
                    .map(|t| format!("{t}/{}", level.trim())),
                },
                // A level id alone: the closest level id, on its track.
                None => {
                    let refs = all();
                    crate::text::did_you_mean(
                        reference,
                        refs.iter()
                            .filter_map(|r| r.split_once('/').map(|(_, l)| l)),
                    )
                    .and_then(|l| refs.iter().find(|r| r.ends_with(&format!("/{l}"))).cloned())
                }
            };
            match suggestion {
                Some(s) => Err(format!("did you mean `{s}`?")),
                None => {
                    let refs = all();
                    Err(format!(
                        "name a level as track/level; the levels are: {}",
                        refs.join(", ")
                    ))
                }
            }
        }
        _ => Err(format!(
            "several tracks have a level `{reference}`: write track/level, e.g. {}",
            found
                .iter()
                .map(|&(t, l)| format!(
                    "`{}/{}`",
                    framework.tracks[t].id, framework.tracks[t].levels[l].id
                ))
                .collect::<Vec<_>>()
                .join(" or ")
        )),
    }
}

/// Gives the levels the aliases `[titles.aliases]` declares for them, and
/// the framework its codes; a level that does not exist is an error.
pub(crate) fn apply(framework: &mut Framework, declared: Declared, diags: &mut Vec<Diagnostic>) {
    for (reference, span, aliases) in declared.aliases {
        match find_level(framework, &reference) {
            Ok((t, l)) => {
                let level = &mut framework.tracks[t].levels[l];
                for (alias, at) in aliases {
                    let alias = crate::text::collapse_whitespace(&alias);
                    if alias.is_empty() {
                        diags.push(
                            Diagnostic::error(
                                Code::InvalidValue,
                                "an alias in [titles.aliases] is empty",
                            )
                            .at(&at)
                            .help("write the title people use, or delete the empty entry"),
                        );
                        continue;
                    }
                    level.aliases.push(alias);
                    level.alias_spans.push(at);
                }
            }
            Err(help) => diags.push(
                Diagnostic::error(
                    Code::UnknownLevel,
                    format!("[titles.aliases] names `{reference}`, which is not a level"),
                )
                .at(&span)
                .help(help),
            ),
        }
    }
    for (code, reference, span, level_span) in declared.codes {
        if compact(&code).is_empty() {
            diags.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    "a code in [titles.codes] has no letters or digits",
                )
                .at(&span)
                .help("write the code as people write it, e.g. `L5 = \"engineering/senior\"`"),
            );
            continue;
        }
        match find_level(framework, &reference) {
            Ok((t, l)) => framework.title_codes.push(TitleCode {
                code,
                track: framework.tracks[t].id.clone(),
                level: framework.tracks[t].levels[l].id.clone(),
                span,
            }),
            Err(help) => diags.push(
                Diagnostic::error(
                    Code::UnknownLevel,
                    format!("[titles.codes]: `{code}` names `{reference}`, which is not a level"),
                )
                .at(&level_span)
                .help(help),
            ),
        }
    }
}

/// Errors for aliases and codes that name two levels: an alias that two
/// levels declare, or that is another level's title; a code that is a
/// grade of the framework, or that two entries of the table give to
/// different levels.
pub(crate) fn check(framework: &Framework) -> Vec<Diagnostic> {
    let none = std::collections::HashSet::new();
    let key = |title: &str| super::read::read(title, &none).key;
    let mut titles: std::collections::HashMap<String, Vec<String>> =
        std::collections::HashMap::new();
    // Reading every title is what costs here (a tenth of loading a large
    // framework): only aliases are checked against them.
    let aliased = framework
        .tracks
        .iter()
        .any(|t| t.levels.iter().any(|l| !l.aliases.is_empty()));
    for t in framework.tracks.iter().filter(|_| aliased) {
        for l in &t.levels {
            titles
                .entry(key(&l.title))
                .or_default()
                .push(format!("{}/{}", t.id, l.id));
        }
    }
    let mut diags = Vec::new();
    let mut claimed: std::collections::HashMap<String, (String, String)> =
        std::collections::HashMap::new();
    for t in &framework.tracks {
        for l in &t.levels {
            let me = format!("{}/{}", t.id, l.id);
            for (i, alias) in l.aliases.iter().enumerate() {
                let span = l.alias_spans.get(i).unwrap_or(&l.span);
                let k = key(alias);
                if let Some(owners) = titles.get(&k)
                    && !owners.contains(&me)
                {
                    diags.push(
                        Diagnostic::error(
                            Code::AmbiguousTitle,
                            format!(
                                "alias \u{201c}{alias}\u{201d} of `{me}` reads as the title of `{}`",
                                owners.join("`, `")
                            ),
                        )
                        .at(span)
                        .help("a title names one level: drop the alias, or rename one of the levels"),
                    );
                    continue;
                }
                match claimed.get(&k) {
                    Some((owner, first)) if *owner != me => diags.push(
                        Diagnostic::error(
                            Code::AmbiguousTitle,
                            if first == alias {
                                format!("alias \u{201c}{alias}\u{201d} is claimed by `{owner}` and `{me}`")
                            } else {
                                format!(
                                    "alias \u{201c}{alias}\u{201d} is claimed by `{owner}` (as \u{201c}{first}\u{201d}) and `{me}`"
                                )
                            },
                        )
                        .at(span)
                        .help("an alias names one level: keep it on one of them"),
                    ),
                    Some(_) => {}
                    None => {
                        claimed.insert(k, (me.clone(), alias.clone()));
                    }
                }
            }
        }
    }
    let grades: Vec<(String, &str)> = framework
        .grades
        .iter()
        .map(|g| (compact(&g.id), g.id.as_str()))
        .collect();
    let mut seen: Vec<(String, &TitleCode)> = Vec::new();
    for code in &framework.title_codes {
        let c = compact(&code.code);
        if let Some((_, grade)) = grades.iter().find(|(g, _)| *g == c) {
            diags.push(
                Diagnostic::error(
                    Code::AmbiguousTitle,
                    format!(
                        "code `{}` is also grade {grade} of this framework, so a title holding it could mean either",
                        code.code
                    ),
                )
                .at(&code.span)
                .help(format!(
                    "write the company with the code, e.g. `\"Acme {}\" = \"{}/{}\"`",
                    code.code, code.track, code.level
                )),
            );
            continue;
        }
        match seen.iter().find(|(s, _)| *s == c) {
            Some((_, first)) if (&first.track, &first.level) != (&code.track, &code.level) => diags
                .push(
                    Diagnostic::error(
                        Code::AmbiguousTitle,
                        format!(
                            "codes `{}` and `{}` are the same code, given to `{}/{}` and `{}/{}`",
                            first.code, code.code, first.track, first.level, code.track, code.level
                        ),
                    )
                    .at(&code.span)
                    .help("a code names one level: keep one entry"),
                ),
            _ => seen.push((c, code)),
        }
    }
    diags
}
