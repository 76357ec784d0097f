//! `rungs diff OLD NEW`: the changelog between two versions.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use rungs_core::diff::{Place, StatementChange, diff, inline_diff, to_markdown};
use rungs_core::relink::relink;

use crate::cli::{DiffArgs, DiffFormat};
use crate::input::version;

pub fn run(args: &DiffArgs) -> Result<ExitCode> {
    let (old, new) = (
        version(&args.old, &args.dir, "a changelog needs two valid versions")?,
        version(&args.new, &args.dir, "a changelog needs two valid versions")?,
    );
    // Framework text is shown with its control characters escaped, never
    // sent to the terminal as they are.
    let mut out = crate::render::Visible(crate::output::stdout());
    if args.format == DiffFormat::Idmap {
        let map = relink(&old, &new);
        let document = serde_json::json!({
            "old": args.old,
            "new": args.new,
            "links": map.links,
            "added": map.added,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&document)?)?;
        let changed = !map.added.is_empty()
            || map
                .links
                .iter()
                .any(|l| !matches!(&l.fate, rungs_core::relink::Fate::Unchanged { new } if *new == l.old));
        return Ok(if args.exit_code && changed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let log = diff(&old, &new);
    // The process ends after printing: freeing two large frameworks piece
    // by piece would only delay the exit.
    std::mem::forget((old, new));
    match args.format {
        DiffFormat::Json | DiffFormat::Idmap => {
            writeln!(out, "{}", serde_json::to_string_pretty(&log)?)?
        }
        DiffFormat::Markdown => write!(out, "{}", to_markdown(&log, &args.old, &args.new))?,
        DiffFormat::Text => {
            writeln!(out, "changes from {} to {}", args.old, args.new)?;
            for (label, items) in [
                ("track added", &log.tracks_added),
                ("track removed", &log.tracks_removed),
                ("level added", &log.levels_added),
                ("level removed", &log.levels_removed),
            ] {
                for i in items {
                    writeln!(out, "{label}: {i}")?;
                }
            }
            for c in &log.settings {
                writeln!(out, "* {} {}: {:?} -> {:?}", c.of, c.field, c.old, c.new)?;
            }
            for c in &log.statements {
                write_change(&mut out, c)?;
            }
            writeln!(
                out,
                "{} changes, {} statements unchanged",
                log.statements.len(),
                log.unchanged
            )?;
        }
    }
    Ok(if args.exit_code && !log.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One change as a line (or a few) of text: `+` added, `-` removed, `~`
/// reworded, `>` moved, `<` split, `=` merged, `e` examples changed.
fn write_change(out: &mut impl Write, c: &StatementChange) -> std::io::Result<()> {
    let at = |p: &Place| format!("{}/{} [{}]", p.track, p.level, p.area);
    match c {
        StatementChange::Added { at: p, text, .. } => writeln!(out, "+ {} {text}", at(p)),
        StatementChange::Removed { at: p, text, .. } => writeln!(out, "- {} {text}", at(p)),
        StatementChange::Reworded { at: p, diff, .. } => {
            writeln!(out, "~ {} {}", at(p), inline_diff(diff))
        }
        StatementChange::Moved { from, to, diff, .. } => {
            writeln!(out, "> {} -> {} {}", at(from), at(to), inline_diff(diff))
        }
        StatementChange::Examples {
            at: p,
            text,
            added,
            removed,
            ..
        } => {
            writeln!(out, "e {} examples of: {text}", at(p))?;
            for x in added {
                writeln!(out, "    + {x}")?;
            }
            for x in removed {
                writeln!(out, "    - {x}")?;
            }
            Ok(())
        }
        StatementChange::Split {
            from, text, into, ..
        } => {
            writeln!(out, "< {} split: {text}", at(from))?;
            for p in into {
                writeln!(out, "    into {} {}", at(&p.at), p.text)?;
            }
            Ok(())
        }
        StatementChange::Merged { to, text, from, .. } => {
            writeln!(out, "= {} merged: {text}", at(to))?;
            for p in from {
                writeln!(out, "    from {} {}", at(&p.at), p.text)?;
            }
            Ok(())
        }
    }
}
