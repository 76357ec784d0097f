//! `rungs map A B`: align the levels of two ladders.

use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use rungs_core::Framework;
use rungs_core::model::{Level, Track};
use rungs_core::titles::{Answer, Reading, Titles};

use crate::cli::{MapArgs, MapFormat};
use crate::input;

fn pick<'a>(fw: &'a Framework, id: Option<&str>, side: &str) -> Result<&'a Track> {
    match id {
        Some(id) => fw.track(id).with_context(|| {
            let ids: Vec<&str> = fw.tracks.iter().map(|t| t.id.as_str()).collect();
            format!(
                "{side} has no track `{id}`; its tracks are: {}",
                ids.join(", ")
            )
        }),
        None => fw
            .tracks
            .first()
            .with_context(|| format!("{side} has no track")),
    }
}

/// The meaning of both ladders' statements, read by the model in `dir`.
#[cfg(feature = "semantic")]
fn meaning(
    dir: &std::path::Path,
    cache: Option<&std::path::Path>,
    a: &[&Level],
    b: &[&Level],
) -> Result<rungs_core::map::Meaning> {
    crate::meaning::of_ladders(dir, cache, a, b)
}

/// Without the `semantic` feature there is no model to run: say how to get one.
#[cfg(not(feature = "semantic"))]
fn meaning(
    dir: &std::path::Path,
    _: Option<&std::path::Path>,
    _: &[&Level],
    _: &[&Level],
) -> Result<rungs_core::map::Meaning> {
    bail!(
        "--model {}: this rungs was built without the `semantic` feature, so it cannot read a model; \
         build it with `cargo install --path crates/rungs --features semantic` (or leave out --model to map by words and seniority)",
        dir.display()
    )
}

pub fn run(args: &MapArgs) -> Result<ExitCode> {
    // Each side's import diagnostics are shown; an import with errors stops here.
    let (fa, fb) = (
        input::framework_reported(&args.a, "A")?,
        input::framework_reported(&args.b, "B")?,
    );
    // With --title, the level of A the title reads as (on --track-a's
    // ladder when given, else on any track: then that level's track).
    let reading = match (&args.title, &args.track_a) {
        (Some(title), Some(track)) => Titles::of_track(&fa, track).map(|t| t.resolve(title)),
        (Some(title), None) => Some(Titles::new(&fa).resolve(title)),
        _ => None,
    };
    let track_a = match reading.as_ref().and_then(|r| r.level()) {
        Some(place) if args.track_a.is_none() => Some(place.track.clone()),
        _ => args.track_a.clone(),
    };
    let ta = pick(&fa, track_a.as_deref(), "A")?;
    // B's track: the one asked for, else B's first of the kind of A's (a
    // manager's ladder onto a manager's ladder), else B's first.
    let track_b = args.track_b.clone().or_else(|| {
        fb.tracks
            .iter()
            .find(|t| t.kind == ta.kind)
            .map(|t| t.id.clone())
    });
    let tb = pick(&fb, track_b.as_deref(), "B")?;
    let ladder_a = fa.ladder(ta);
    let la: Vec<&Level> = ladder_a.iter().map(|(_, l)| *l).collect();
    let lb: Vec<&Level> = fb.ladder(tb).into_iter().map(|(_, l)| l).collect();
    // Equivalences declared in A's rungs.toml for B ([[site.compare_with]] pins).
    let declared = std::path::Path::new(&args.a)
        .is_dir()
        .then(|| rungs_core::SourceSet::read_dir(std::path::Path::new(&args.a)).ok())
        .flatten()
        .and_then(|set| rungs_site::SiteSettings::from_sources(&set).ok())
        .and_then(|settings| {
            rungs_site::configured(&settings, std::path::Path::new(&args.a), &args.b)
                .map(|cw| cw.pins.clone())
        })
        .unwrap_or_default();
    let mut pins = rungs_site::resolve_pins(&declared, &la, &lb)?;
    for pin in &args.pin {
        let Some((a, b)) = pin.split_once('=') else {
            bail!("--pin takes A_LEVEL=B_LEVEL, got `{pin}`")
        };
        let i = la
            .iter()
            .position(|l| l.id == a.trim())
            .with_context(|| format!("--pin: A has no level `{a}`"))?;
        let j = lb
            .iter()
            .position(|l| l.id == b.trim())
            .with_context(|| format!("--pin: B has no level `{b}`"))?;
        pins.push((i, j));
    }
    let shared = rungs_core::map::shared_areas(&fa, &fb);
    // Levels at the same grade are matched too, as long as that leaves an
    // alignment the user's pins allow.
    let grade_pins = grade_pins(&fa, &fb, &la, &lb, &pins);
    let with_grades: Vec<(usize, usize)> = pins.iter().chain(&grade_pins).copied().collect();
    let meaning = match &args.model {
        Some(dir) => meaning(dir, args.embedding_cache.as_deref(), &la, &lb)?,
        None => rungs_core::map::Meaning::new(),
    };
    let map = |pins: &[(usize, usize)]| {
        rungs_core::map::map_levels_with(&la, &lb, &shared, pins, &meaning)
    };
    let mapping = match map(&with_grades) {
        Ok(mapping) => {
            if !grade_pins.is_empty() {
                crate::output::info!(
                    "note: both ladders use the grade scale {}: levels at the same grade are matched ({} pin(s))",
                    fa.grades
                        .iter()
                        .map(|g| g.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    grade_pins.len()
                );
            }
            mapping
        }
        Err(_) if !grade_pins.is_empty() => {
            crate::output::info!(
                "note: the grades of the two ladders disagree with the pins; levels are matched without the grades, by everything else and the pins"
            );
            map(&pins)?
        }
        Err(e) => return Err(e.into()),
    };
    // One title: only its row.
    let wanted = match (&args.title, &reading) {
        (Some(title), Some(reading)) => {
            let Some(i) = reading.level().and_then(|p| {
                ladder_a
                    .iter()
                    .position(|(t, l)| t.id == p.track && l.id == p.level)
            }) else {
                bail!("{}", not_placed(&fa, title, reading))
            };
            Some(i)
        }
        _ => None,
    };
    let mapping = match wanted {
        Some(i) => rungs_core::map::Mapping {
            matches: mapping.matches.into_iter().filter(|m| m.a == i).collect(),
            ..mapping
        },
        None => mapping,
    };
    match args.format {
        MapFormat::Json => {
            let value = serde_json::json!({
                "a": { "framework": fa.title, "track": ta.id, "levels": la.iter().map(|l| &l.id).collect::<Vec<_>>() },
                "b": { "framework": fb.title, "track": tb.id, "levels": lb.iter().map(|l| &l.id).collect::<Vec<_>>() },
                "shared_areas": shared,
                "mapping": mapping,
            });
            let mut value = value;
            if let Some(r) = &reading {
                value["title"] = serde_json::to_value(r)?;
            }
            use std::io::Write as _;
            // `?` turns a closed pipe into a quiet exit (see main).
            writeln!(
                crate::output::stdout(),
                "{}",
                serde_json::to_string_pretty(&value)?
            )?;
        }
        MapFormat::Text => {
            crate::render::outln!("{} ({}) → {} ({})", fa.title, ta.title, fb.title, tb.title)?;
            if !shared.is_empty() {
                crate::render::outln!(
                    "areas compared side by side: {}",
                    shared
                        .iter()
                        .map(|(a, _)| a.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )?;
            }
            if let Some(r) = &reading {
                crate::render::outln!("{}", how_read(r))?;
            }
            crate::render::outln!()?;
            for m in &mapping.matches {
                let target = if m.b_first == m.b_last {
                    mapping.b[m.b_first].clone()
                } else {
                    format!("{} … {}", mapping.b[m.b_first], mapping.b[m.b_last])
                };
                crate::render::outln!(
                    "{:<34} → {:<44} similarity {:.2}  confidence {:.2}",
                    mapping.a[m.a],
                    target,
                    m.similarity,
                    m.confidence
                )?;
                if m.uncertain {
                    let by = if args.model.is_some() {
                        "words and meaning"
                    } else {
                        "words"
                    };
                    crate::render::outln!(
                        "    not sure ({}): the closest levels in {by} are {}",
                        m.doubts.join("; "),
                        m.candidates
                            .iter()
                            .map(|j| format!(
                                "{} ({:.2})",
                                mapping.b[*j], mapping.similarity[m.a][*j]
                            ))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )?;
                }
                if !m.evidence.is_empty() {
                    crate::render::outln!("    seniority: {}", m.evidence.join("; "))?;
                }
                if !m.terms.is_empty() {
                    crate::render::outln!("    shared terms: {}", m.terms.join(", "))?;
                }
                if let Some((x, y, s)) = &m.closest {
                    // With a model, the pair closest in meaning is quoted.
                    let by = if args.model.is_some() {
                        " in meaning"
                    } else {
                        ""
                    };
                    crate::render::outln!(
                        "    closest statements{by} ({s:.2}):\n      A: {}\n      B: {}",
                        shorten(x),
                        shorten(y)
                    )?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// How `--title` was read: the level, how sure, and why.
fn how_read(r: &Reading) -> String {
    let Some(place) = r.level() else {
        return String::new();
    };
    let mut out = format!(
        "title \u{201c}{}\u{201d} reads as {} ({}), confidence {:.2}: {}",
        r.title,
        place.title,
        place.track_title,
        r.confidence,
        r.why()
    );
    if !r.sure {
        out.push_str(&format!(
            "\n    not sure: the closest levels are {}",
            r.closest
                .iter()
                .map(|p| p.title.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out
}

/// The error for a `--title` A has no level for: what the title reads as,
/// and A's titles.
fn not_placed(fa: &Framework, title: &str, r: &Reading) -> String {
    let mut titles: Vec<&str> = Vec::new();
    for l in fa
        .tracks
        .iter()
        .flat_map(|t| fa.ladder(t))
        .map(|(_, l)| l.title.as_str())
    {
        if !titles.contains(&l) {
            titles.push(l);
        }
    }
    let verdict = match r.answer {
        Answer::NotOnLadder => "it is not on this ladder",
        _ => "it cannot be placed",
    };
    format!(
        "A has no level titled \u{201c}{title}\u{201d}, nor one it reads as: {verdict}: {}; its levels are: {}",
        r.why(),
        titles.join(", ")
    )
}

fn shorten(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 24 {
        text.to_string()
    } else {
        format!("{} …", words[..24].join(" "))
    }
}

/// Pins from a shared grade scale: when both frameworks declare the same
/// grades (within one framework, always), a level of A is matched with the
/// level of B at its grade. Levels the user pinned keep their pins; when the
/// grades and those pins disagree on the order, grades are left out.
fn grade_pins(
    fa: &Framework,
    fb: &Framework,
    la: &[&Level],
    lb: &[&Level],
    pinned: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let same_scale = fa.grades.len() == fb.grades.len()
        && fa.grades.iter().zip(&fb.grades).all(|(x, y)| x.id == y.id);
    if fa.grades.is_empty() || !same_scale {
        return Vec::new();
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, level) in la.iter().enumerate() {
        if pinned.iter().any(|p| p.0 == i) {
            continue;
        }
        if let Some(grade) = &level.grade
            && let Some(j) = lb.iter().position(|l| l.grade.as_ref() == Some(grade))
        {
            out.push((i, j));
        }
    }
    let all: Vec<(usize, usize)> = pinned.iter().chain(&out).copied().collect();
    let crossing = all
        .iter()
        .any(|p| all.iter().any(|q| p.0 < q.0 && p.1 > q.1));
    if crossing { Vec::new() } else { out }
}
