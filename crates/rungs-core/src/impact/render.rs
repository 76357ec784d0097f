//! The impact in words: plain text for a terminal, Markdown for a
//! pull-request comment. Both print only what [`Impact`] holds, so neither
//! can show a hidden group.

use std::fmt::Write as _;

use super::{Impact, LevelImpact, Verdict};

fn figure_words(l: &LevelImpact, smallest: usize) -> String {
    match &l.figures {
        None => format!("fewer than {smallest} people assessed: no figures"),
        Some(f) => format!(
            "{} assessed; ready {} → {} ({} become ready, {} stop being ready)",
            f.assessed, f.ready_before, f.ready_after, f.become_ready, f.stop_being_ready
        ),
    }
}

fn people(n: Option<usize>, smallest: usize) -> String {
    n.map_or_else(|| format!("fewer than {smallest}"), |n| n.to_string())
}

/// The impact as plain text.
pub fn to_text(impact: &Impact, old: &str, new: &str, verdict: Option<&Verdict>) -> String {
    let mut out = String::new();
    let s = &impact.statements;
    let r = &impact.ratings;
    let _ = writeln!(out, "impact of {old} → {new}");
    let _ = writeln!(
        out,
        "statements: {} reworded, {} moved, {} split, {} merged, {} removed, {} added ({} unchanged)",
        s.reworded, s.moved, s.split, s.merged, s.removed, s.added, s.unchanged
    );
    let _ = writeln!(
        out,
        "ratings: {} reworded, {} moved, {} split, {} merged, {} archived",
        r.reworded, r.moved, r.split, r.merged, r.archived
    );
    if impact.rule_changed {
        let _ = writeln!(
            out,
            "the promotion rule or rating scale changed: every level is judged again"
        );
    }
    let _ = writeln!(
        out,
        "readiness: {} become ready, {} stop being ready{}",
        impact.become_ready,
        impact.stop_being_ready,
        hidden_note(impact)
    );
    for l in &impact.levels {
        let _ = writeln!(
            out,
            "  {}{}: {} statements changed; {}",
            l.title,
            if l.removed { " (removed)" } else { "" },
            l.statements_changed,
            figure_words(l, impact.smallest_group)
        );
        for a in l.figures.iter().flat_map(|f| f.areas.iter()) {
            let _ = writeln!(
                out,
                "    {}: {} stop meeting the rule, {} start",
                a.title, a.stops_meeting, a.starts_meeting
            );
        }
    }
    for p in &impact.removed_placements {
        let _ = writeln!(
            out,
            "placed on removed level {}/{}: {} people",
            p.track,
            p.level,
            people(p.people, impact.smallest_group)
        );
    }
    let _ = writeln!(
        out,
        "open assessments on changed levels: {}; open goals on changed statements: {}",
        impact.open_assessments, impact.goals
    );
    if let Some(v) = verdict {
        out.push_str(&verdict_text(v));
    }
    out
}

fn hidden_note(impact: &Impact) -> String {
    match impact.hidden_levels {
        0 => String::new(),
        n => format!(
            " (not counting {n} level{} with fewer than {} people assessed)",
            if n == 1 { "" } else { "s" },
            impact.smallest_group
        ),
    }
}

fn verdict_text(v: &Verdict) -> String {
    let mut out = String::new();
    for line in &v.over {
        let _ = writeln!(out, "over the limit: {line}");
    }
    match (&v.allowed_by, v.pass) {
        (Some(note), _) => {
            let _ = writeln!(out, "allowed by [impact] allow: {note}");
        }
        (None, true) => {
            let _ = writeln!(out, "within the [impact] limits");
        }
        (None, false) => {
            let _ = writeln!(
                out,
                "not within the [impact] limits: add an `allow` note to [impact] in rungs.toml saying why"
            );
        }
    }
    out
}

/// Escapes what Markdown would read as markup in framework text.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The impact as Markdown, for a pull-request comment.
pub fn to_markdown(impact: &Impact, old: &str, new: &str, verdict: Option<&Verdict>) -> String {
    let mut out = String::new();
    let s = &impact.statements;
    let r = &impact.ratings;
    let _ = writeln!(out, "## Impact on people: `{}` → `{}`\n", md(old), md(new));
    if let Some(v) = verdict {
        let head = match (&v.allowed_by, v.pass) {
            (Some(_), _) => "⚠️ Over the limits, allowed by a note",
            (None, true) => "✅ Within the `[impact]` limits",
            (None, false) => "❌ Over the `[impact]` limits",
        };
        let _ = writeln!(out, "**{head}**\n");
        for line in &v.over {
            let _ = writeln!(out, "- {}", md(line));
        }
        if let Some(note) = &v.allowed_by {
            let _ = writeln!(out, "- allowed: {}", md(note));
        }
        if !v.over.is_empty() {
            out.push('\n');
        }
    }
    let _ = writeln!(
        out,
        "**Readiness:** {} become ready, {} stop being ready{}.\n",
        impact.become_ready,
        impact.stop_being_ready,
        hidden_note(impact)
    );
    if impact.rule_changed {
        out.push_str(
            "The promotion rule or rating scale changed: every level is judged again.\n\n",
        );
    }
    if !impact.levels.is_empty() {
        out.push_str("| Level | Statements changed | Assessed | Ready before | Ready after | Become ready | Stop being ready |\n");
        out.push_str("|---|---:|---:|---:|---:|---:|---:|\n");
        for l in &impact.levels {
            let title = format!(
                "{}{}",
                md(&l.title),
                if l.removed { " (removed)" } else { "" }
            );
            match &l.figures {
                Some(f) => {
                    let _ = writeln!(
                        out,
                        "| {title} | {} | {} | {} | {} | {} | {} |",
                        l.statements_changed,
                        f.assessed,
                        f.ready_before,
                        f.ready_after,
                        f.become_ready,
                        f.stop_being_ready
                    );
                }
                None => {
                    let _ = writeln!(
                        out,
                        "| {title} | {} | fewer than {} | | | | |",
                        l.statements_changed, impact.smallest_group
                    );
                }
            }
        }
        out.push('\n');
        let areas: Vec<_> = impact
            .levels
            .iter()
            .flat_map(|l| {
                l.figures
                    .iter()
                    .flat_map(move |f| f.areas.iter().map(move |a| (l, a)))
            })
            .collect();
        if !areas.is_empty() {
            out.push_str("| Level | Area | Stop meeting the rule | Start meeting it |\n|---|---|---:|---:|\n");
            for (l, a) in areas {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    md(&l.title),
                    md(&a.title),
                    a.stops_meeting,
                    a.starts_meeting
                );
            }
            out.push('\n');
        }
    }
    let _ = writeln!(
        out,
        "**Statements:** {} reworded, {} moved, {} split, {} merged, {} removed, {} added, {} unchanged.\n",
        s.reworded, s.moved, s.split, s.merged, s.removed, s.added, s.unchanged
    );
    let _ = writeln!(
        out,
        "**Ratings held:** {} follow reworded statements, {} follow moved ones, {} go to a split's largest part and {} to a merge (both for review), {} stop counting.\n",
        r.reworded, r.moved, r.split, r.merged, r.archived
    );
    for p in &impact.removed_placements {
        let _ = writeln!(
            out,
            "- placed on the removed level `{}/{}`: {} people",
            md(&p.track),
            md(&p.level),
            people(p.people, impact.smallest_group)
        );
    }
    let _ = writeln!(
        out,
        "**Open work pointing at changes:** {} open assessments on changed levels, {} open growth goals on changed statements.\n",
        impact.open_assessments, impact.goals
    );
    let _ = writeln!(
        out,
        "<sub>Aggregates only: a level with fewer than {} people assessed shows no figures.</sub>",
        impact.smallest_group
    );
    out
}
