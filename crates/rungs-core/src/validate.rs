//! Checks that need the whole framework: ranks, ids, areas across levels,
//! time splits, `extends` and branches, grades, internal links.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::areas::AreaIndex;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::markdown::Link;
use crate::model::{Framework, Span, Statement, Track, TrackIndex};
use crate::source::SourceSet;
use crate::text::did_you_mean;

/// Runs every whole-framework check. `spans[i]` holds where track `i`
/// writes `extends` and `branch`.
pub fn validate(
    framework: &Framework,
    areas: &AreaIndex,
    spans: &[(Span, Span)],
    diags: &mut Diagnostics,
) {
    use rayon::prelude::*;
    let grades: Vec<&str> = framework.grades.iter().map(|g| g.id.as_str()).collect();
    let index = TrackIndex::new(framework);
    // Tracks are checked independently, so large frameworks check in parallel.
    let per_track: Vec<Diagnostics> = framework
        .tracks
        .par_iter()
        .enumerate()
        .map(|(i, track)| {
            let mut d = Diagnostics::default();
            let (extends_span, branch_span) = spans.get(i).cloned().unwrap_or_default();
            check_levels(track, &grades, &mut d);
            check_boilerplate(track, &mut d);
            check_missing_areas(track, areas, &mut d);
            check_extends_areas(track, areas, &extends_span, &mut d);
            check_references(
                framework,
                &index,
                track,
                &extends_span,
                &branch_span,
                &mut d,
            );
            d
        })
        .collect();
    for d in per_track {
        diags.extend(d);
    }
    check_extends_cycles(framework, &index, spans, diags);
    diags.extend(path_ids(framework));
}

/// A warning when every level of a track has the same summary apart from
/// its title: the site leaves such summaries out, so the author should know.
fn check_boilerplate(track: &Track, diags: &mut Diagnostics) {
    if !track.summaries_are_boilerplate() {
        return;
    }
    let Some(first) = track.levels.first() else {
        return;
    };
    diags.push(
        Diagnostic::warning(
            Code::BoilerplateSummary,
            format!(
                "every level of `{}` has the same summary apart from its title; the site does not show it",
                track.title
            ),
        )
        .at(&first.span)
        .help("write a summary that says what sets each level apart, or remove `summary:`"),
    );
}

/// An `invalid-id` error for every track, level and page id that cannot
/// become part of a file name (see [`crate::text::path_id_problem`]).
///
/// `rungs check` reports them, and every importer refuses a framework that
/// has any, so no id from content ever reaches a writer.
pub fn path_ids(framework: &Framework) -> Vec<Diagnostic> {
    use crate::text::{path_id_problem, slug};
    let mut out = Vec::new();
    let check = |what: &str, id: &str, span: &Span| -> Option<Diagnostic> {
        path_id_problem(id).map(|problem| {
            let mut suggestion = slug(id);
            suggestion.truncate(crate::text::MAX_PATH_ID_LEN);
            let suggestion = suggestion.trim_end_matches('-').to_string();
            let help = if suggestion.is_empty() {
                "use a short id of lower-case letters (of any script), digits and `-`, such as `senior`".to_string()
            } else {
                format!("use a short id of lower-case letters (of any script), digits and `-`, such as `{suggestion}`")
            };
            let shown: String = id.chars().take(60).collect();
            let ellipsis = if shown.len() < id.len() { "…" } else { "" };
            Diagnostic::error(
                Code::InvalidId,
                format!(
                    "{what} id `{}{ellipsis}` cannot be used: {problem}",
                    shown.escape_debug()
                ),
            )
            .at(span)
            .help(help)
        })
    };
    for track in &framework.tracks {
        let span = if track.span.is_unknown() {
            track
                .levels
                .first()
                .map(|l| l.span.clone())
                .unwrap_or_default()
        } else {
            track.span.clone()
        };
        out.extend(check("track", &track.id, &span));
        for level in &track.levels {
            out.extend(check("level", &level.id, &level.span));
            // A level page is tracks/<track>/<level>.html, beside the
            // track's own index.html and matrix.html.
            if ["index", "matrix"].contains(&level.id.as_str()) {
                out.push(
                    Diagnostic::error(
                        Code::InvalidId,
                        format!(
                            "level id `{}` is reserved: the track's own page has that name",
                            level.id
                        ),
                    )
                    .at(&level.span)
                    .help(format!("rename the level, e.g. `{}-level`", level.id)),
                );
            }
        }
    }
    for page in &framework.pages {
        out.extend(check("page", &page.id, &page.span));
    }
    out
}

fn check_levels(track: &Track, grades: &[&str], diags: &mut Diagnostics) {
    let mut ranks: HashMap<u32, &str> = HashMap::new();
    let mut ids: HashSet<&str> = HashSet::new();
    for level in &track.levels {
        if let Some(other) = ranks.insert(level.rank, &level.title) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateRank,
                    format!("`{}` and `{other}` both have rank {} in track `{}`", level.title, level.rank, track.id),
                )
                .at(&level.span)
                .help("give each level of a track its own `rank` (or remove `rank` everywhere to order by `weight`)"),
            );
        }
        if !ids.insert(&level.id) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    format!(
                        "two levels of track `{}` have the id `{}`",
                        track.id, level.id
                    ),
                )
                .at(&level.span)
                .help("level ids must be unique within a track"),
            );
        }
        if let Some(grade) = &level.grade
            && !grades.is_empty()
            && !grades.contains(&grade.as_str())
        {
            let help = crate::text::suggest_or(grade, grades.iter().copied(), || {
                format!("the grade scale in rungs.toml is: {}", grades.join(", "))
            });
            diags.push(
                Diagnostic::error(
                    Code::UnknownGrade,
                    format!("grade `{grade}` is not on the grade scale"),
                )
                .at(if level.grade_span.is_unknown() {
                    &level.span
                } else {
                    &level.grade_span
                })
                .help(help),
            );
        }
        let mut seen: HashSet<&str> = HashSet::new();
        for top in &level.statements {
            top.visit(&mut |s: &Statement| {
                if !seen.insert(&s.id) && s.explicit_id {
                    diags.push(
                        Diagnostic::error(
                            Code::DuplicateId,
                            format!("statement id `{}` is used twice in this level", s.id),
                        )
                        .at(&s.span)
                        .help("statement ids must be unique within a level; rename one of them"),
                    );
                }
            });
        }
        check_time_split(level, diags);
    }
    check_grade_order(track, grades, diags);
}

/// Warns where a higher rank has a lower grade than the level before it:
/// the grade scale in rungs.toml runs from lowest to highest, so one of the
/// two is wrong, and pages that line tracks up by grade would disagree with
/// the ladder.
fn check_grade_order(track: &Track, grades: &[&str], diags: &mut Diagnostics) {
    let mut ranked: Vec<(&crate::model::Level, usize)> = track
        .levels
        .iter()
        .filter_map(|l| {
            let grade = l.grade.as_deref()?;
            Some((l, grades.iter().position(|g| *g == grade)?))
        })
        .collect();
    ranked.sort_by_key(|(l, _)| l.rank);
    for pair in ranked.windows(2) {
        let ((lower, lower_grade), (higher, higher_grade)) = (pair[0], pair[1]);
        if higher_grade < lower_grade && higher.rank > lower.rank {
            let at = if higher.grade_span.is_unknown() {
                &higher.span
            } else {
                &higher.grade_span
            };
            let d = if higher.rank_derived || lower.rank_derived {
                // The author wrote no rank: say how the order was taken.
                Diagnostic::warning(
                    Code::GradeOrder,
                    format!(
                        "levels without `rank` are ordered by `weight`, then file name: `{}` comes after `{}`, but its grade {} is below {}",
                        higher.id, lower.id, grades[higher_grade], grades[lower_grade]
                    ),
                )
                .at(at)
                .help("write `rank:` in each level (1 for the most junior), or fix the grade")
            } else {
                Diagnostic::warning(
                    Code::GradeOrder,
                    format!(
                        "`{}` (rank {}) has grade {}, below grade {} of `{}` (rank {})",
                        higher.title,
                        higher.rank,
                        grades[higher_grade],
                        grades[lower_grade],
                        lower.title,
                        lower.rank
                    ),
                )
                .at(at)
                .help("the grade scale in rungs.toml runs from lowest to highest: fix this level's rank or its grade")
            };
            diags.push(d);
        }
    }
}

fn check_time_split(level: &crate::model::Level, diags: &mut Diagnostics) {
    let ranges: Vec<_> = level
        .indicators
        .time_split
        .iter()
        .filter_map(|t| t.percent)
        .collect();
    if ranges.is_empty() {
        return;
    }
    let min: u32 = ranges.iter().map(|r| r.min).sum();
    let max: u32 = ranges.iter().map(|r| r.max).sum();
    let problem = if min > 100 {
        Some(format!("the lower ends add up to {min}%"))
    } else if max < 100 {
        Some(format!("the upper ends add up to only {max}%"))
    } else {
        None
    };
    if let Some(problem) = problem {
        diags.push(
            Diagnostic::warning(Code::TimeSplitSum, format!("the time split of `{}` cannot add up to 100%: {problem}", level.title))
                .at(&level.span)
                .help("adjust the ranges so that the lower ends add up to at most 100% and the upper ends to at least 100%"),
        );
    }
}

/// `extends_areas` names areas by id; a wrong name would silently inherit nothing.
fn check_extends_areas(track: &Track, areas: &AreaIndex, span: &Span, diags: &mut Diagnostics) {
    for name in &track.extends_areas {
        if areas.resolve(name) == Some(name.as_str()) {
            continue;
        }
        let help = match areas.resolve(name).or_else(|| areas.suggest(name)) {
            Some(id) => format!("did you mean `{id}`? `extends_areas` takes area ids"),
            None => "`extends_areas` takes area ids, as declared in rungs.toml".to_string(),
        };
        diags.push(
            Diagnostic::error(
                Code::UnknownArea,
                format!(
                    "track `{}`: `extends_areas` names `{name}`, which is not an area id",
                    track.id
                ),
            )
            .at(if span.is_unknown() { &track.span } else { span })
            .help(help),
        );
    }
}

fn check_missing_areas(track: &Track, areas: &AreaIndex, diags: &mut Diagnostics) {
    if track.levels.len() < 2 {
        return;
    }
    let per_level: Vec<HashSet<&str>> = track
        .levels
        .iter()
        .map(|l| l.statements.iter().map(|s| s.area.as_str()).collect())
        .collect();
    let all: BTreeSet<&str> = per_level.iter().flatten().copied().collect();
    if per_level.iter().all(|have| have.len() == all.len()) {
        return;
    }
    for (level, have) in track.levels.iter().zip(&per_level) {
        if have.is_empty() {
            continue;
        }
        let mut missing: Vec<&str> = all.iter().filter(|a| !have.contains(*a)).copied().collect();
        missing.sort_by_key(|a| areas.position(a));
        if missing.is_empty() {
            continue;
        }
        let names: Vec<String> = missing
            .iter()
            .map(|a| format!("`{}`", areas.path_title(a)))
            .collect();
        diags.push(
            Diagnostic::warning(
                Code::MissingArea,
                format!("`{}` says nothing about {}, which other levels of `{}` cover", level.title, names.join(", "), track.title),
            )
            .at(&level.span)
            .help("add a heading with at least one statement for each area, so readers can compare levels"),
        );
    }
}

fn check_references(
    framework: &Framework,
    index: &TrackIndex<'_>,
    track: &Track,
    extends_span: &Span,
    branch_span: &Span,
    diags: &mut Diagnostics,
) {
    let missing = |name: &str, what: &str, span: &Span| {
        let ids: Vec<&str> = framework.tracks.iter().map(|t| t.id.as_str()).collect();
        let help =
            crate::text::suggest_or(name, ids.iter().copied().filter(|i| *i != track.id), || {
                format!("the tracks are: {}", ids.join(", "))
            });
        Diagnostic::error(
            Code::MissingTrack,
            format!("track `{}` {what} `{name}`, which does not exist", track.id),
        )
        .at(if span.is_unknown() { &track.span } else { span })
        .help(help)
    };
    if let Some(base) = &track.extends
        && index.track(base).is_none()
    {
        diags.push(missing(base, "extends", extends_span));
    }
    if let Some(branch) = &track.branch {
        if branch.from == track.id {
            diags.push(
                Diagnostic::error(
                    Code::MissingTrack,
                    format!("track `{}` branches from itself", track.id),
                )
                .at(if branch_span.is_unknown() {
                    &track.span
                } else {
                    branch_span
                })
                .help("`branch.from` names the track this one splits off"),
            );
        } else if index.track(&branch.from).is_none() {
            diags.push(missing(&branch.from, "branches from", branch_span));
        }
        // Below the branch rank the ladder shows the base track's levels: a
        // level of this track there would sit beside one of them, at the
        // same rank, as if the track had two levels there.
        for level in track.levels.iter().filter(|l| l.rank < branch.rank) {
            diags.push(
                Diagnostic::warning(
                    Code::BranchRank,
                    format!(
                        "`{}` has rank {}, below rank {} where this track branches off `{}`",
                        level.title, level.rank, branch.rank, branch.from
                    ),
                )
                .at(&level.span)
                .help(format!(
                    "the ladder shows `{}`'s levels below rank {}: give this level a rank of {} or more, or lower `branch.rank`",
                    branch.from, branch.rank, branch.rank
                )),
            );
        }
    }
}

fn check_extends_cycles(
    framework: &Framework,
    index: &TrackIndex<'_>,
    spans: &[(Span, Span)],
    diags: &mut Diagnostics,
) {
    let mut reported: HashSet<String> = HashSet::new();
    for (i, track) in framework.tracks.iter().enumerate() {
        let mut path = vec![track.id.as_str()];
        let mut current = track;
        while let Some(base) = current.extends.as_deref() {
            if base == track.id {
                if path.iter().all(|p| !reported.contains(*p)) {
                    path.push(base);
                    let span = spans.get(i).map(|s| s.0.clone()).unwrap_or_default();
                    diags.push(
                        Diagnostic::error(Code::ExtendsCycle, format!("tracks extend each other in a cycle: {}", path.join(" → ")))
                            .at(if span.is_unknown() { &track.span } else { &span })
                            .help("a track can extend a base track, but the chain must end at a track that extends nothing"),
                    );
                    reported.extend(path.iter().map(|p| p.to_string()));
                }
                break;
            }
            if path.contains(&base) {
                break; // a cycle that does not pass through `track`; reported from its own members
            }
            let Some(next) = index.track(base) else {
                break;
            };
            path.push(base);
            current = next;
        }
    }
}

/// Reports relative links that point at no file of the framework.
pub fn check_links(sources: &SourceSet, links: &[Link], diags: &mut Diagnostics) {
    for link in links {
        let dest = link.dest.trim();
        if dest.starts_with('#')
            || dest.starts_with('/')
            || dest.contains("://")
            || has_scheme(dest)
        {
            continue;
        }
        let path = dest.split(['#', '?']).next().unwrap_or("");
        if path.is_empty() {
            if dest.is_empty() {
                diags.push(
                    Diagnostic::error(Code::BrokenLink, "this link has no destination")
                        .at(&link.span)
                        .help("write the target between the parentheses, e.g. `[FAQ](../../pages/faq.md)`"),
                );
            }
            continue;
        }
        let dir = link.span.file.rsplit_once('/').map_or("", |(d, _)| d);
        // A link may spell letters beyond ASCII as `%XX` escapes, as URLs do.
        let decoded = crate::text::percent_decode(path);
        let path = decoded.as_deref().unwrap_or(path);
        let Some(target) = crate::text::join_path(dir, path) else {
            diags.push(
                Diagnostic::error(
                    Code::BrokenLink,
                    format!("link `{dest}` leaves the framework directory"),
                )
                .at(&link.span)
                .help("link to files inside the framework, or use a full URL"),
            );
            continue;
        };
        let exists = sources.contains(&target)
            || sources.contains(&format!("{}/_index.md", target.trim_end_matches('/')))
            || target.is_empty();
        if !exists {
            let candidates: Vec<String> = sources
                .iter()
                .map(|f| crate::text::relative_path(dir, &f.path))
                .collect();
            let help = match did_you_mean(path, candidates.iter().map(String::as_str)) {
                Some(s) => format!("did you mean `{s}`? Links are relative to the file that contains them"),
                None => "links are relative to the file that contains them, e.g. `../senior.md` or `../../pages/faq.md`".into(),
            };
            diags.push(
                Diagnostic::error(
                    Code::BrokenLink,
                    format!("link `{dest}` points at `{target}`, which does not exist"),
                )
                .at(&link.span)
                .help(help),
            );
        }
    }
}

fn has_scheme(dest: &str) -> bool {
    match dest.find(':') {
        Some(i) => dest[..i]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.'),
        None => false,
    }
}

/// At most this many `control-character` warnings per file: one pasted
/// escape sequence should not bury every other finding.
const CONTROLS_PER_FILE: usize = 5;

/// Warns about control characters (an ESC, a NUL, a C1 code) in the
/// framework's text files: invisible in an editor, yet printed into titles
/// and statements, and acted on by terminals that show them.
pub fn check_control_characters(
    framework: &Framework,
    sources: &SourceSet,
    diags: &mut Diagnostics,
) {
    use rayon::prelude::*;
    let mut raw_in: HashSet<&str> = HashSet::new();
    // Files are scanned in parallel; the few with a control character are
    // reported in order.
    let files: Vec<&crate::source::SourceFile> = sources.iter().collect();
    let hits: Vec<(&crate::source::SourceFile, Vec<(usize, char)>)> = files
        .par_iter()
        .filter(|file| {
            let path: &str = &file.path;
            [".md", ".markdown", ".yaml", ".yml", ".toml"]
                .iter()
                .any(|ext| path.to_ascii_lowercase().ends_with(ext))
                && !path.starts_with("static/")
                && !path.starts_with("theme/")
        })
        .map(|file| {
            (
                *file,
                crate::text::hidden_controls(file.text()).collect::<Vec<_>>(),
            )
        })
        .filter(|(_, found)| !found.is_empty())
        .collect();
    for (file, found) in hits {
        let path: &str = &file.path;
        {
            raw_in.insert(path);
        }
        for (i, &(offset, c)) in found.iter().enumerate().take(CONTROLS_PER_FILE) {
            let more = found.len() - CONTROLS_PER_FILE.min(found.len());
            let mut d = Diagnostic::warning(
                Code::ControlCharacter,
                format!("control character U+{:04X} in the text", c as u32),
            )
            .at(&file.span(offset, offset + c.len_utf8()))
            .help("delete it: it is invisible in most editors, and terminals may act on it (it often comes from pasting coloured terminal output)");
            if i + 1 == CONTROLS_PER_FILE && more > 0 {
                d = d.label(format!("{more} more in this file"));
            }
            diags.push(d);
        }
    }
    // A control character can also come from an escape (`"\e"` in YAML):
    // the file looks clean, the title does not. Reported at the title's or
    // statement's own position, once per file that had no raw one.
    let mut strings: Vec<(&str, &Span)> = Vec::new();
    let has_control = crate::text::has_hidden_control;
    for track in &framework.tracks {
        strings.push((&track.title, &track.span));
        for level in &track.levels {
            strings.push((&level.title, &level.span));
            let mut stack: Vec<&Statement> = level.statements.iter().collect();
            while let Some(st) = stack.pop() {
                // Only what holds a control character is kept for reporting.
                if has_control(&st.text) {
                    strings.push((&st.text, &st.span));
                }
                if let Some(name) = st.name.as_deref().filter(|n| has_control(n)) {
                    strings.push((name, &st.span));
                }
                stack.extend(&st.children);
            }
        }
    }
    let mut reported: HashSet<&str> = HashSet::new();
    for (text, span) in strings {
        let file: &str = &span.file;
        if raw_in.contains(file) || reported.contains(file) {
            continue;
        }
        if let Some(c) = text.chars().find(|&c| crate::text::is_hidden_control(c)) {
            reported.insert(file);
            diags.push(
                Diagnostic::warning(
                    Code::ControlCharacter,
                    format!(
                        "control character U+{:04X} in `{}`",
                        c as u32,
                        crate::text::visible(text)
                    ),
                )
                .at(span)
                .help("remove the escape that produces it (such as `\\e` or `\\x1b` in a quoted YAML string)"),
            );
        }
    }
}
