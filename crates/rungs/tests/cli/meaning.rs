//! `rungs map --model DIR`: statement meaning from a local sentence-embedding
//! model. With the `semantic` feature, the tests read the model named by
//! `RUNGS_TEST_MODEL` (all-MiniLM-L6-v2 as a PyPI package ships it; `.ci/run`
//! installs it) and skip with the reason when it is not set, failing
//! instead under `RUNGS_REQUIRE_ALL=1`. Without the feature, `--model` must
//! say how to get it.

use super::{path, rungs, stderr, stdout, tmp};
use std::path::{Path, PathBuf};

/// Our example and a copy of its Engineering ladder with every statement
/// reworded by hand.
fn example_and_paraphrase() -> (PathBuf, PathBuf) {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rungs-core");
    (core.join("example"), core.join("tests/data/map-paraphrase"))
}

#[cfg(not(feature = "semantic"))]
#[test]
fn model_without_the_feature_says_how_to_get_it() {
    let dir = tmp();
    let (ours, copy) = example_and_paraphrase();
    let o = rungs(
        &["map", path(&ours), path(&copy), "--model", path(dir.path())],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("`semantic` feature") && stderr(&o).contains("--features semantic"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
}

#[cfg(feature = "semantic")]
fn model_dir() -> Option<PathBuf> {
    match std::env::var_os("RUNGS_TEST_MODEL") {
        Some(dir) => Some(PathBuf::from(dir)),
        None => {
            assert_ne!(
                std::env::var("RUNGS_REQUIRE_ALL").as_deref(),
                Ok("1"),
                "RUNGS_REQUIRE_ALL=1 but RUNGS_TEST_MODEL (a sentence-transformers model directory) is not set"
            );
            eprintln!(
                "skipped: RUNGS_TEST_MODEL is not set (see .ci/run for the model it installs)"
            );
            None
        }
    }
}

/// The diagonal word-and-meaning similarities of a mapping, and whether
/// every level matched its own rewording alone.
#[cfg(feature = "semantic")]
fn identity_and_diagonal(json: &str) -> (bool, Vec<f64>) {
    let json = super::parse_json(json);
    let matches = json["mapping"]["matches"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("no matches in {json}"));
    let identity = !matches.is_empty()
        && matches.iter().enumerate().all(|(i, m)| {
            (m["b_first"].as_u64(), m["b_last"].as_u64()) == (Some(i as u64), Some(i as u64))
        });
    let diagonal = (0..matches.len())
        .map(|i| {
            json["mapping"]["similarity"][i][i]
                .as_f64()
                .unwrap_or_else(|| panic!("no similarity {i},{i} in {json}"))
        })
        .collect();
    (identity, diagonal)
}

#[cfg(feature = "semantic")]
#[test]
fn model_reads_paraphrases_as_the_same_level() {
    let Some(model) = model_dir() else { return };
    let dir = tmp();
    let (ours, copy) = example_and_paraphrase();
    let run = |extra: &[&str]| {
        let mut args = vec!["map", path(&ours), path(&copy), "--format", "json"];
        args.extend_from_slice(extra);
        let o = rungs(&args, dir.path());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        identity_and_diagonal(&stdout(&o))
    };
    let (words_identity, words) = run(&[]);
    let (meaning_identity, meaning) = run(&["--model", path(&model)]);
    assert!(words_identity && meaning_identity, "{words:?} {meaning:?}");
    // The rewording shares few words, but says the same things: with the
    // model, every level is much closer to its own rewording.
    for (w, m) in words.iter().zip(&meaning) {
        assert!(*m > w + 0.1, "words {words:?}, with meaning {meaning:?}");
    }
    // A rewording without titles, years or scope: only meaning tells its
    // levels apart, and it does.
    let bare = dir.path().join("bare");
    let tracks = bare.join("tracks/engineering");
    std::fs::create_dir_all(&tracks).unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(copy.join("rungs.toml"), bare.join("rungs.toml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let levels = [
        "junior",
        "engineer",
        "senior",
        "staff",
        "principal",
        "distinguished",
    ];
    for name in ["_index"].iter().chain(&levels) {
        let text = std::fs::read_to_string(copy.join(format!("tracks/engineering/{name}.md")))
            .unwrap_or_else(|e| panic!("{e}"));
        let rank = levels.iter().position(|l| l == name).map_or(0, |i| i + 1);
        let text: Vec<String> = text
            .lines()
            .filter(|l| !l.starts_with("experience:") && !l.starts_with("scope:"))
            .map(|l| {
                if rank > 0 && l.starts_with("title:") {
                    format!("title: Level {rank}")
                } else {
                    l.to_string()
                }
            })
            .collect();
        std::fs::write(tracks.join(format!("{name}.md")), text.join("\n") + "\n")
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let o = rungs(
        &[
            "map",
            path(&ours),
            path(&bare),
            "--track-a",
            "engineering",
            "--format",
            "json",
            "--model",
            path(&model),
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (bare_identity, bare_diagonal) = identity_and_diagonal(&stdout(&o));
    assert!(bare_identity, "{bare_diagonal:?}: {}", stdout(&o));
    // The text output says the same, and every match is clear.
    let o = rungs(
        &["map", path(&ours), path(&copy), "--model", path(&model)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stdout(&o).contains("not sure"), "{}", stdout(&o));
}

#[cfg(feature = "semantic")]
#[test]
fn a_model_directory_missing_a_file_is_named() {
    let Some(model) = model_dir() else { return };
    let dir = tmp();
    let partial = dir.path().join("partial");
    std::fs::create_dir_all(&partial).unwrap_or_else(|e| panic!("{e}"));
    for name in ["config.json", "tokenizer.json"] {
        std::fs::copy(model.join(name), partial.join(name)).unwrap_or_else(|e| panic!("{e}"));
    }
    let (ours, copy) = example_and_paraphrase();
    let o = rungs(
        &["map", path(&ours), path(&copy), "--model", path(&partial)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("no model.safetensors"),
        "{}",
        stderr(&o)
    );
    // Weights that are not safetensors: said, not a crash.
    std::fs::write(partial.join("model.safetensors"), b"not weights")
        .unwrap_or_else(|e| panic!("{e}"));
    let o = rungs(
        &["map", path(&ours), path(&copy), "--model", path(&partial)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stderr(&o).contains("model.safetensors"), "{}", stderr(&o));
}

#[cfg(feature = "semantic")]
#[test]
fn the_embedding_cache_gives_the_same_answer_and_refuses_a_stranger() {
    let Some(model) = model_dir() else { return };
    let dir = tmp();
    let (ours, copy) = example_and_paraphrase();
    let cache = dir.path().join("vectors.json");
    let run = |cache: &Path| {
        rungs(
            &[
                "map",
                path(&ours),
                path(&copy),
                "--format",
                "json",
                "--model",
                path(&model),
                "--embedding-cache",
                path(cache),
            ],
            dir.path(),
        )
    };
    let first = run(&cache);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let kept = super::read(&cache);
    assert!(
        kept.contains("\"vectors\"") && kept.contains("for them"),
        "{}",
        kept.len()
    );
    // The second run reads every vector from the file: the same answer.
    let second = run(&cache);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert_eq!(stdout(&first), stdout(&second));
    assert_eq!(super::read(&cache), kept);
    // A file that is not a cache: named with its line and column, and left as it was.
    let stranger = dir.path().join("notes.json");
    std::fs::write(&stranger, "{\"model\": 3}").unwrap_or_else(|e| panic!("{e}"));
    let o = run(&stranger);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stderr(&o).contains("notes.json:1:"), "{}", stderr(&o));
    assert_eq!(super::read(&stranger), "{\"model\": 3}");
}

/// The reference mappings (rungs-core's tests/map-reference.toml) through
/// the command line with the model: every level within one of the
/// reference, and at least 4 in 5 exact, as without it.
#[cfg(feature = "semantic")]
#[test]
fn reference_mappings_hold_with_a_model() {
    let Some(model) = model_dir() else { return };
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rungs-core");
    let text = std::fs::read_to_string(core.join("tests/map-reference.toml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let reference: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let dir = tmp();
    // Ladders recur across pairs: each statement is embedded once.
    let cache = dir.path().join("vectors.json");
    let side = |spec: &toml::Value| -> Option<(String, Option<String>)> {
        if let Some(track) = spec.get("example").and_then(|v| v.as_str()) {
            return Some((path(&core.join("example")).to_string(), Some(track.into())));
        }
        let field = |key: &str| {
            spec[key]
                .as_str()
                .unwrap_or_else(|| panic!("no {key} in {spec}"))
        };
        let fixture = super::shared_fixture(field("fixture"))?;
        let format = field("format");
        let track = spec.get("track").and_then(|v| v.as_str()).map(String::from);
        Some((format!("{format}:{}", path(&fixture)), track))
    };
    let (mut total, mut exact, mut near) = (0, 0, 0);
    let mut misses = Vec::new();
    let pairs = reference["pair"]
        .as_array()
        .unwrap_or_else(|| panic!("no [[pair]] in the reference"));
    assert!(!pairs.is_empty(), "no [[pair]] in the reference");
    for pair in pairs {
        let (Some((a, track_a)), Some((b, track_b))) = (side(&pair["a"]), side(&pair["b"])) else {
            return;
        };
        let mut args = vec![
            "map",
            &a,
            &b,
            "--format",
            "json",
            "--model",
            path(&model),
            "--embedding-cache",
            path(&cache),
        ];
        if let Some(t) = &track_a {
            args.extend(["--track-a", t]);
        }
        if let Some(t) = &track_b {
            args.extend(["--track-b", t]);
        }
        let o = rungs(&args, dir.path());
        assert_eq!(o.status.code(), Some(0), "{a} → {b}: {}", stderr(&o));
        let json: serde_json::Value = super::parse_json(&stdout(&o));
        let ids = |side: &str| -> Vec<String> {
            json[side]["levels"]
                .as_array()
                .unwrap_or_else(|| panic!("no levels of {side} in {json}"))
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(String::from)
                        .unwrap_or_else(|| panic!("a level id that is not text: {v}"))
                })
                .collect()
        };
        let (ids_a, ids_b) = (ids("a"), ids("b"));
        let matches = json["mapping"]["matches"]
            .as_array()
            .unwrap_or_else(|| panic!("no matches in {json}"));
        assert!(!matches.is_empty(), "{a} → {b}: no match");
        for m in matches {
            let index =
                |key: &str| m[key].as_u64().unwrap_or_else(|| panic!("no {key} in {m}")) as usize;
            let level = &ids_a[index("a")];
            let want = pair["expect"][level.as_str()]["level"]
                .as_str()
                .unwrap_or_else(|| panic!("the reference expects nothing for {level}"));
            let want = ids_b
                .iter()
                .position(|id| id == want)
                .unwrap_or_else(|| panic!("{b} has no {want}"));
            let got = index("b_best");
            total += 1;
            exact += usize::from(got == want);
            near += usize::from(got.abs_diff(want) <= 1);
            if got != want {
                misses.push(format!(
                    "{a} → {b}: {level} → {} (reference {})",
                    ids_b[got], ids_b[want]
                ));
            }
        }
    }
    eprintln!(
        "with the model: {exact}/{total} exact, {near}/{total} within one\n  {}",
        misses.join("\n  ")
    );
    assert!(total >= 75, "{total}");
    assert_eq!(near, total, "{}", misses.join("\n"));
    assert!(
        exact * 5 >= total * 4,
        "{exact}/{total}:\n{}",
        misses.join("\n")
    );
}
