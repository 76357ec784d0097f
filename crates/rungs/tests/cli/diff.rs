//! `rungs diff` between revisions and directories, and the comparison pages a build publishes from it.

use super::*;

#[test]
fn diff_between_git_revisions_and_directories() {
    let dir = tmp();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap_or_else(|e| panic!("{e}"));
    let Some(git) = git_in(&repo) else {
        return;
    };
    let careers = repo.join("careers");
    assert_eq!(
        rungs(&["new", path(&careers)], dir.path()).status.code(),
        Some(0)
    );
    // A file name with non-ASCII characters (git quotes such names unless asked not to).
    std::fs::create_dir_all(careers.join("static")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(careers.join("static/café.txt"), "Menu.\n").unwrap_or_else(|e| panic!("{e}"));
    let _ = git(&["add", "-A"]);
    let _ = git(&["commit", "-qm", "v1"]);
    let senior = careers.join("tracks/engineering/senior.md");
    let text = read(&senior);
    std::fs::write(
        &senior,
        text.replace(
            "thoroughly, kindly and quickly",
            "thoroughly, kindly and promptly",
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let _ = git(&["commit", "-qam", "v2"]);
    let o = rungs(
        &["diff", "HEAD~1", "HEAD", "--dir", path(&careers)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("~ engineering/senior [craft]") && out.contains("[-quickly.-]{+promptly.+}"),
        "{out}"
    );
    let o = rungs(
        &[
            "diff",
            "HEAD~1",
            path(&careers),
            "--dir",
            path(&careers),
            "--format",
            "json",
        ],
        dir.path(),
    );
    let json: serde_json::Value = parse_json(&stdout(&o));
    assert_eq!(
        json["statements"][0]["change"],
        "reworded",
        "{}",
        stdout(&o)
    );
    let o = rungs(
        &[
            "diff",
            "HEAD~1",
            "HEAD",
            "--dir",
            path(&careers),
            "--format",
            "idmap",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)));
    let links = json["links"]
        .as_array()
        .unwrap_or_else(|| panic!("no links: {json}"));
    let reworded: Vec<&serde_json::Value> =
        links.iter().filter(|l| l["fate"] == "reworded").collect();
    assert_eq!(reworded.len(), 1, "{json}");
    assert_eq!(reworded[0]["old"]["level"], "senior");
    assert_eq!(reworded[0]["new"]["area"], "craft");
    assert!(
        reworded[0]["similarity"]
            .as_f64()
            .is_some_and(|s| s > 0.5 && s < 1.0)
    );
    assert!(links.iter().filter(|l| l["fate"] == "unchanged").count() > 50);
    assert_eq!(json["added"].as_array().map(Vec::len), Some(0));
    // --exit-code: 1 when the versions differ, 0 when they are the same.
    let o = rungs(
        &[
            "diff",
            "HEAD~1",
            "HEAD",
            "--dir",
            path(&careers),
            "--exit-code",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = rungs(
        &[
            "diff",
            "HEAD",
            "HEAD",
            "--dir",
            path(&careers),
            "--exit-code",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = rungs(
        &["diff", "no-such-rev", "HEAD", "--dir", path(&careers)],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn build_publishes_level_comparison_and_changes_pages() {
    let dir = tmp();
    let careers = dir.path().join("careers");
    assert_eq!(
        rungs(&["new", path(&careers)], dir.path()).status.code(),
        Some(0)
    );
    let Some(git) = git_in(&careers) else {
        return;
    };
    let _ = git(&["add", "-A"]);
    let _ = git(&["commit", "-qm", "v1"]);
    // A copy to compare with, and a change since the commit.
    let other = dir.path().join("other");
    assert_eq!(
        rungs(&["new", path(&other)], dir.path()).status.code(),
        Some(0)
    );
    let config = careers.join("rungs.toml");
    let mut text = read(&config);
    // `../other` is outside the git repository of `careers`: allowed explicitly.
    text.push_str("\n[files]\nallow_sources_outside_repository = true\n\n[site]\nchanges_since = \"HEAD\"\n\n[[site.compare_with]]\nsource = \"../other\"\ntitle = \"Our sister company\"\n");
    std::fs::write(&config, text).unwrap_or_else(|e| panic!("{e}"));
    let senior = careers.join("tracks/engineering/senior.md");
    let level = read(&senior);
    std::fs::write(
        &senior,
        level.replace("kindly and quickly", "kindly and promptly"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // An author's own page with the id the generated page would take.
    std::fs::write(
        careers.join("pages/changes.md"),
        "---\ntitle: How we change the ladder\n---\n\nBy pull request.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("public");
    let o = rungs(&["build", path(&careers), "-o", path(&out)], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let compare = read(&out.join("pages/compare-with-our-sister-company.html"));
    assert!(
        compare.contains("href=\"../tracks/engineering/senior.html\"")
            && compare.contains("<td>Senior Engineer</td>")
            && compare.contains("both titles say Senior")
            && compare.contains("shared terms:"),
        "{compare}"
    );
    let changes = std::fs::read_to_string(out.join("pages/changes-2.html"))
        .unwrap_or_else(|e| panic!("the generated page: {e}"));
    assert!(
        changes.contains("Reworded") && changes.contains("promptly"),
        "{changes}"
    );
    let own = std::fs::read_to_string(out.join("pages/changes.html"))
        .unwrap_or_else(|e| panic!("the author's page: {e}"));
    assert!(own.contains("By pull request."), "{own}");
}
