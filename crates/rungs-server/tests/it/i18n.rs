//! The app in the viewer's language: every catalogue has exactly the
//! English catalogue's messages and every message a template asks for
//! exists; a person who chooses German sees German menus and the ladder's
//! German statements (the original beside them) while a colleague still
//! sees English; the choice is audited; an unknown language is refused; a
//! translation of a since reworded statement is marked as possibly out of
//! date.

use std::collections::BTreeSet;
use std::path::Path;

use axum::http::StatusCode;
use fluent_bundle::FluentResource;
use rungs_server::i18n::LANGUAGES;
use serde_json::json;

use crate::support::*;

/// The ids a catalogue defines, in order (its lines `id = ...`).
fn ids_of(ftl: &str) -> Vec<&str> {
    ftl.lines()
        .filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let valid = id.starts_with(|c: char| c.is_ascii_lowercase())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            valid.then_some(id)
        })
        .collect()
}

fn english() -> BTreeSet<&'static str> {
    ids_of(LANGUAGES[0].2).into_iter().collect()
}

#[test]
fn every_catalogue_parses_and_has_the_english_messages() {
    let english = english();
    assert!(english.len() > 40, "{}", english.len());
    for (code, _, ftl) in LANGUAGES {
        if let Err((_, errors)) = FluentResource::try_new(ftl.to_string()) {
            panic!("locales/{code}/app.ftl does not parse: {errors:?}");
        }
        let ids = ids_of(ftl);
        let set: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(set.len(), ids.len(), "{code}: a message is defined twice");
        let missing: Vec<_> = english.difference(&set).collect();
        assert!(missing.is_empty(), "{code} lacks {missing:?}");
        let extra: Vec<_> = set.difference(&english).collect();
        assert!(
            extra.is_empty(),
            "{code} has messages English lacks: {extra:?}"
        );
    }
}

/// The string literals `t(` is called with in `text` (both sides of an
/// `x if c else y` too).
fn ids_called(text: &str, call: &str, into: &mut BTreeSet<String>) {
    for (at, _) in text.match_indices(call) {
        // `t(` is not the end of `format(`, nor the method `.t(`.
        let before = text[..at].chars().next_back();
        let method = call == "t(" && before == Some('.');
        if method || before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &text[at + call.len()..];
        let end = rest.find([',', ')']).unwrap_or(rest.len());
        for (i, literal) in rest[..end].split(['"', '\'']).enumerate() {
            let looks_like_id = !literal.is_empty()
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if i % 2 == 1 && looks_like_id {
                into.insert(literal.to_string());
            }
        }
    }
}

fn files_under(dir: &Path, ext: &str, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext)
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            out.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn every_message_asked_for_is_in_the_catalogues() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut templates = Vec::new();
    files_under(&src.join("templates"), "html", &mut templates);
    assert!(templates.len() > 20, "{}", templates.len());
    let mut asked = BTreeSet::new();
    for (_, text) in &templates {
        ids_called(text, "t(", &mut asked);
    }
    // Words built in code name their message with `Phrase::new("id")` (and
    // `.message("name", "id")`), or ask a language's messages for it
    // (`words.get("id")`).
    let mut code = Vec::new();
    files_under(&src, "rs", &mut code);
    for (_, text) in &code {
        for call in [
            "Phrase::new(",
            "words.get(",
            "words.format(",
            "words.with(",
            "problem_said(",
            "Words::of(",
            "words(",
            "ServerError::invalid(",
            "ServerError::conflict(",
        ] {
            ids_called(text, call, &mut asked);
        }
    }
    assert!(asked.contains("nav-home"), "{asked:?}");
    assert!(asked.contains("todo-confirm"), "{asked:?}");
    assert!(asked.contains("flash-saved"), "{asked:?}");
    assert!(asked.contains("mail-hello"), "{asked:?}");
    let english = english();
    // `t("state-" ~ a.state)`: a prefix, whose messages must exist.
    let unknown: Vec<_> = asked
        .iter()
        .filter(|id| match id.strip_suffix('-') {
            Some(prefix) => !english.iter().any(|e| e.starts_with(&format!("{prefix}-"))),
            None => !english.contains(id.as_str()),
        })
        .collect();
    assert!(
        unknown.is_empty(),
        "asked for but not in locales/en/app.ftl: {unknown:?}"
    );
}

#[test]
fn the_scanner_finds_ids_and_skips_other_calls() {
    let mut found = BTreeSet::new();
    ids_called(
        r#"{{ t("a-b") }} {{ format("x-y") }} {{ t('c' if x else 'd-e') }}"#,
        "t(",
        &mut found,
    );
    let found: Vec<&str> = found.iter().map(String::as_str).collect();
    assert_eq!(found, ["a-b", "c", "d-e"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_person_sees_the_app_in_their_language() {
    for backend in backends("i18n").await {
        eprintln!("languages on {}", backend.name);
        languages(backend).await;
    }
}

async fn open_senior_assessment(client: &mut Client, person: i64) -> i64 {
    let opened = open_assessment(client, person, "engineering", "senior").await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
    opened.json()["assessment"]["id"].as_i64().expect("id")
}

async fn languages(backend: Backend) {
    let on = backend.name;
    let (app, mut admin) = organisation(backend.store.clone()).await;
    let ari = id_of(&mut admin, "ari@example.org").await;
    let bo = id_of(&mut admin, "bo@example.org").await;
    let mut ari_c = person_client(&app, &mut admin, "ari@example.org").await;
    let mut bo_c = person_client(&app, &mut admin, "bo@example.org").await;

    // Nobody chose yet: the example ladder sets no language, so English.
    let page = ari_c.get("/app/account").await;
    assert!(page.body.contains(r#"<html lang="en">"#), "{on}");
    assert!(
        page.body.contains("Deutsch") && page.body.contains("日本語"),
        "{on}"
    );
    assert!(
        page.body
            .contains("The organisation&#39;s language (English)")
            || page.body.contains("The organisation's language (English)"),
        "{on}: {}",
        page.body
    );

    // Ari chooses German on the account page.
    ari_c.choose_language("de").await;
    let home = ari_c.get("/app").await;
    assert_eq!(home.status, StatusCode::OK, "{on}");
    assert!(home.body.contains(r#"<html lang="de">"#), "{on}");
    assert!(
        home.body.contains(">Meine Stufe</a>"),
        "{on}: {}",
        home.body
    );
    assert!(home.body.contains(">Abmelden</button>"), "{on}");
    assert!(!home.body.contains(">My level</a>"), "{on}");
    let account = ari_c.get("/app/account").await;
    assert!(account.body.contains("<h1>Ihr Konto</h1>"), "{on}");
    assert!(
        account
            .body
            .contains(r#"<option value="de" lang="de" selected>Deutsch</option>"#),
        "{on}: {}",
        account.body
    );
    let me = ari_c.get("/api/v1/me").await.json();
    assert_eq!(me["person"]["language"], "de", "{on}");

    // Bo, in the same organisation, still sees English.
    let home = bo_c.get("/app").await;
    assert!(home.body.contains(r#"<html lang="en">"#), "{on}");
    assert!(home.body.contains(">My level</a>"), "{on}");
    assert!(!home.body.contains("Meine Stufe"), "{on}");
    assert!(
        bo_c.get("/api/v1/me").await.json()["person"]
            .get("language")
            .is_none(),
        "{on}: no language, no key"
    );

    // Ari's assessment shows the example's German statements with the
    // original beside them; ratings are still keyed by the statement id.
    let id = open_senior_assessment(&mut ari_c, ari).await;
    let page = ari_c.get(&format!("/app/assessments/{id}")).await;
    assert_eq!(page.status, StatusCode::OK, "{on}: {}", page.body);
    assert!(
        page.body.contains(
            r#"<span lang="de">Du prüfst Code und Entwürfe gründlich, freundlich und zügig.</span>"#
        ),
        "{on}: {}",
        page.body
    );
    assert!(
        page.body.contains(
            r#"Original: <span lang="en">You review code and designs thoroughly, kindly and quickly.</span>"#
        ),
        "{on}"
    );
    assert!(
        page.body
            .contains(r#"name="rating.craft-review-code-designs-thoroughly""#),
        "{on}"
    );
    // The level and the areas are named in German too.
    assert!(page.body.contains("<legend>Handwerk</legend>"), "{on}");
    assert!(
        page.body
            .contains("Die Regel: In jedem Bereich jede Aussage"),
        "{on}: {}",
        page.body
    );
    assert!(page.body.contains(": Senior-Entwickler:in</h1>"), "{on}");
    assert!(
        !page.body.contains("Übersetzung möglicherweise veraltet"),
        "{on}: all current"
    );
    // Saving a rating from the German page: said in German, stored by id.
    let view = ari_c.get(&format!("/api/v1/assessments/{id}")).await.json();
    let version = view["assessment"]["version"]
        .as_i64()
        .expect("version")
        .to_string();
    let saved = ari_c
        .post_form(
            &format!("/app/assessments/{id}"),
            &[
                ("version", &version),
                ("action", "save"),
                ("rating.craft-review-code-designs-thoroughly", "3"),
            ],
        )
        .await;
    assert!(
        saved.body.contains("Gespeichert (1 geändert)."),
        "{on}: {}",
        saved.body
    );
    // Level names follow the language wherever the app names a level.
    let growth = ari_c.get(&format!("/app/people/{ari}/growth")).await;
    assert!(
        growth.body.contains(">Senior-Entwickler:in ("),
        "{on}: {}",
        growth.body
    );
    // So does the timeline, built in code.
    assert!(
        growth
            .body
            .contains("Einschätzung für Senior-Entwickler:in: Entwurf"),
        "{on}: {}",
        growth.body
    );
    let print = ari_c.get(&format!("/app/assessments/{id}/print")).await;
    assert!(print.body.contains("Du prüfst Code und Entwürfe"), "{on}");
    // The API keeps the ladder's own words.
    let api = ari_c.get(&format!("/api/v1/assessments/{id}")).await;
    assert!(!api.body.contains("Du prüfst"), "{on}");

    // Bo's assessment of the same level is in English, with no "Original".
    let id = open_senior_assessment(&mut bo_c, bo).await;
    let page = bo_c.get(&format!("/app/assessments/{id}")).await;
    assert!(
        page.body
            .contains("You review code and designs thoroughly, kindly and quickly."),
        "{on}"
    );
    assert!(
        !page.body.contains("Du prüfst") && !page.body.contains("Original:"),
        "{on}"
    );

    // Japanese through the API; null goes back to the organisation's.
    let set = ari_c
        .json("PUT", "/api/v1/me/language", json!({"language": "ja"}))
        .await;
    assert_eq!(set.status, StatusCode::OK, "{on}: {}", set.body);
    assert_eq!(set.json()["language"], "ja", "{on}");
    let home = ari_c.get("/app").await;
    assert!(home.body.contains(r#"<html lang="ja">"#), "{on}");
    assert!(home.body.contains(">自分のレベル</a>"), "{on}");
    let set = ari_c
        .json("PUT", "/api/v1/me/language", json!({"language": null}))
        .await;
    assert_eq!(set.status, StatusCode::OK, "{on}: {}", set.body);
    assert!(
        ari_c.get("/app").await.body.contains(">My level</a>"),
        "{on}"
    );

    // A language the app is not written in is refused, with the choices.
    let bad = ari_c
        .post_form("/app/account", &[("language", "tlh")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{on}");
    assert!(
        bad.body
            .contains("`tlh` is not a language of the app: choose one of en, de, ja"),
        "{on}: {}",
        bad.body
    );
    let bad = ari_c
        .json("PUT", "/api/v1/me/language", json!({"language": "deutsch"}))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{on}");
    assert!(
        bad.json()["error"]
            .as_str()
            .is_some_and(|e| e.contains("`deutsch`")),
        "{on}"
    );
    assert!(
        ari_c.get("/app").await.body.contains(">My level</a>"),
        "{on}: unchanged"
    );

    // Every choice is in the audit log, before and after.
    let log = admin.get("/api/v1/audit?what=person.language").await.json();
    let entries: Vec<(String, String, Option<String>, Option<String>)> = log
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            (
                e["actor"]
                    .as_str()
                    .expect("an entry names its actor")
                    .to_string(),
                e["subject"]
                    .as_str()
                    .expect("an entry names its subject")
                    .to_string(),
                e["before"].as_str().map(str::to_string),
                e["after"].as_str().map(str::to_string),
            )
        })
        .collect();
    let who = format!("person:{ari}");
    assert_eq!(entries.len(), 3, "{on}: {entries:?}");
    assert!(
        entries.iter().all(|e| e.0 == who && e.1 == who),
        "{on}: {entries:?}"
    );
    // Newest first: ja → none, de → ja, none → de.
    assert_eq!(entries[0].2.as_deref(), Some("\"ja\""), "{on}: {entries:?}");
    assert_eq!(entries[0].3.as_deref(), Some("null"), "{on}: {entries:?}");
    assert_eq!(entries[2].3.as_deref(), Some("\"de\""), "{on}: {entries:?}");
}

const HARBOUR_TOML: &str = "title = \"Harbour Crew Ladder\"\n\
[[areas]]\nid = \"seamanship\"\ntitle = \"Seamanship\"\n\
[[areas]]\nid = \"teamwork\"\ntitle = \"Teamwork\"\n";
const DECKHAND: &str = "---\ntitle: Deckhand\nrank: 1\n---\n\
## Seamanship\n- You tie the six standard knots without looking them up. {#knots}\n\
## Teamwork\n- You tell the watch lead about a frayed line the same hour you see it. {#report}\n";
/// Translated when the second statement still said "the same day".
const DECKHAND_DE: &str = r"statements:
  knots:
    area: seamanship
    source: You tie the six standard knots without looking them up.
    text: Du knüpfst die sechs üblichen Knoten, ohne nachzuschlagen.
  report:
    area: teamwork
    source: You tell the watch lead about a frayed line the same day you see it.
    text: Du meldest der Wachleitung eine ausgefranste Leine noch am selben Tag.
";

fn write_harbour(dir: &Path, site: &str) {
    std::fs::create_dir_all(dir.join("tracks/deck")).expect("mkdir");
    std::fs::create_dir_all(dir.join("translations/de/tracks/deck")).expect("mkdir");
    std::fs::write(dir.join("rungs.toml"), format!("{HARBOUR_TOML}{site}")).expect("write");
    std::fs::write(dir.join("tracks/deck/_index.md"), "---\ntitle: Deck\n---\n").expect("write");
    std::fs::write(dir.join("tracks/deck/hand.md"), DECKHAND).expect("write");
    std::fs::write(
        dir.join("translations/de/tracks/deck/hand.yaml"),
        DECKHAND_DE,
    )
    .expect("write");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_translation_of_a_reworded_statement_is_marked() {
    let ladder = tempfile::tempdir().expect("dir");
    write_harbour(ladder.path(), "");
    let mut cfg = config();
    cfg.framework.root = Some(ladder.path().to_path_buf());
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), cfg).await;
    let mut admin = admin(&app, &token).await;
    let me = admin.get("/api/v1/me").await.json()["person"]["id"]
        .as_i64()
        .expect("id");
    admin.choose_language("de").await;
    let opened = open_assessment(&mut admin, me, "deck", "hand").await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
    let id = opened.json()["assessment"]["id"].as_i64().expect("id");
    let page = admin.get(&format!("/app/assessments/{id}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let body = &page.body;
    // The current translation has no mark; the stale one has, and the
    // original (reworded) text is there to read.
    let knots = body
        .find("Du knüpfst die sechs")
        .expect("the current translation");
    let report = body
        .find("Du meldest der Wachleitung")
        .expect("the stale translation");
    let mark = "Übersetzung möglicherweise veraltet";
    let marks: Vec<usize> = body.match_indices(mark).map(|(at, _)| at).collect();
    assert_eq!(marks.len(), 1, "{body}");
    assert!(marks[0] > report, "the mark follows the stale statement");
    assert!(
        !body[knots..report].contains(mark),
        "no mark on the current one"
    );
    assert!(
        body.contains("You tell the watch lead about a frayed line the same hour you see it."),
        "the original as it reads now"
    );
    // The growth plan's suggestions and goals read the same translations.
    let goal = admin
        .post_form(
            &format!("/app/people/{me}/goals"),
            &[
                ("statement", "deck/hand/report"),
                ("goal", "Walk the deck at each watch change"),
            ],
        )
        .await;
    assert!(
        goal.status.is_success() || goal.status.is_redirection(),
        "{}",
        goal.body
    );
    let growth = admin.get(&format!("/app/people/{me}/growth")).await;
    assert!(
        growth.body.contains("Du meldest der Wachleitung"),
        "{}",
        growth.body
    );
    assert!(growth.body.contains(mark), "{}", growth.body);
    assert!(
        growth
            .body
            .contains("<h2 id=\"goals-h\">Entwicklungsplan</h2>"),
        "{}",
        growth.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_choice_the_app_speaks_the_organisations_language() {
    let ladder = tempfile::tempdir().expect("dir");
    write_harbour(ladder.path(), "[site]\nlanguage = \"ja\"\n");
    let mut cfg = config();
    cfg.framework.root = Some(ladder.path().to_path_buf());
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), cfg).await;
    // The sign-in page, before anyone is known, is in it too.
    let login = Client::new(&app).get("/app/login").await;
    assert!(login.body.contains(r#"<html lang="ja">"#), "{}", login.body);
    assert!(login.body.contains("<h1>サインイン</h1>"), "{}", login.body);
    let mut admin = admin(&app, &token).await;
    let home = admin.get("/app").await;
    assert!(home.body.contains(">自分のレベル</a>"), "{}", home.body);
    let account = admin.get("/app/account").await;
    assert!(
        account.body.contains("組織の言語（日本語）"),
        "{}",
        account.body
    );
    // A person's own choice still wins.
    admin.post_form("/app/account", &[("language", "en")]).await;
    assert!(admin.get("/app").await.body.contains(">My level</a>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn emails_about_what_waits_are_in_the_readers_language() {
    let sink = crate::smtp::Sink::start().await;
    let cfg = sink.config();
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), cfg).await;
    let mut admin = admin(&app, &token).await;
    admin.post_csv("/api/v1/roster", ROSTER).await;
    let bo = id_of(&mut admin, "bo@example.org").await;
    let mut bo_c = person_client(&app, &mut admin, "bo@example.org").await;
    bo_c.choose_language("de").await;
    bo_c.post_form("/app/account", &[("notify", "event")]).await;
    let home = bo_c.get("/app/account").await;
    assert!(
        home.body.contains("value=\"event\" checked"),
        "{}",
        home.body
    );
    let opened = open_assessment(&mut bo_c, bo, "engineering", "senior").await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
    // The home page and the email say it in German; the API in English.
    let home = bo_c.get("/app").await;
    assert!(
        home.body.contains("Ihre Selbsteinschätzung"),
        "{}",
        home.body
    );
    let todo = bo_c.get("/api/v1/todo").await.json();
    assert_eq!(todo[0]["text"], "Your self-assessment", "{todo}");
    app.notify_waiting().await.expect("notify");
    app.deliver_mail().await.expect("deliver");
    let to_bo = sink.to("bo@example.org");
    assert_eq!(to_bo.len(), 1);
    assert!(
        to_bo[0].body().contains("Hallo Bo Chen,"),
        "{}",
        to_bo[0].body()
    );
    assert!(
        to_bo[0].body().contains("Ihre Selbsteinschätzung"),
        "{}",
        to_bo[0].body()
    );
}

/// Why a rollout suggests a level is kept as what was found, so a manager
/// who reads German reads it in German, and the API still says it in
/// English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rollouts_reasons_are_in_the_readers_language() {
    for backend in backends("i18n_reasons").await {
        let on = backend.name;
        let (app, mut admin) = organisation(backend.store.clone()).await;
        let rollout = admin.open_rollout("Reasons").await;
        let mut mara = person_client(&app, &mut admin, "mara@example.org").await;
        mara.choose_language("de").await;
        let page = mara.get("/app/rollout").await;
        assert_eq!(page.status, StatusCode::OK, "{on}: {}", page.body);
        assert!(
            page.body.contains(
                "Warum empfohlen: Stellenbezeichnung \u{201e}Senior Engineer\u{201c} ist der Titel dieser Stufe"
            ),
            "{on}: {}",
            page.body
        );
        assert!(!page.body.contains("job title"), "{on}: {}", page.body);
        // The API keeps English, for programs.
        let view = mara
            .get(&format!("/api/v1/rollouts/{rollout}"))
            .await
            .json();
        let ari = view["entries"]
            .as_array()
            .and_then(|e| e.iter().find(|x| x["person"]["email"] == "ari@example.org"))
            .cloned()
            .unwrap_or_else(|| panic!("{on}: Ari is in Mara's rollout: {view}"));
        assert_eq!(
            ari["entry"]["suggestion_reason"],
            "job title \u{201c}Senior Engineer\u{201d} is this level's title",
            "{on}"
        );
    }
}

/// The roster page reads a file in the reader's language: the fields it
/// maps, how its dates read, and what an import would change.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_roster_page_speaks_the_readers_language() {
    let backend = sqlite().await;
    let (_app, mut admin) = organisation(backend.store.clone()).await;
    admin.choose_language("de").await;
    let csv = ROSTER.replace("Ari Okafor,Senior Engineer", "Ari Okafor,Staff Engineer");
    let r = admin
        .post_multipart("/app/roster", &[("dry_run", "true")], &csv)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    for words in [
        "Geschäftliche E-Mail",
        "Führungskraft (E-Mail, Personalnummer oder vollständiger Name)",
        "Datumsangaben nach der Datei entschieden",
        "Ari Okafor &lt;ari@example.org&gt;: Stellenbezeichnung",
    ] {
        assert!(r.body.contains(words), "{words}: {}", r.body);
    }
    assert!(!r.body.contains("Work email"), "{}", r.body);
    // The API keeps its English labels, for programs.
    let plan = admin
        .post_csv("/api/v1/roster?dry_run=true", &csv)
        .await
        .json();
    assert_eq!(
        plan["plan"]["updates"][0]["fields"][0], "job title",
        "{plan}"
    );
    assert_eq!(
        plan["reading"]["columns"][0]["label"], "Work email",
        "{plan}"
    );
    // A file it cannot take is refused with why, in German on the page and
    // in English from the API.
    let nameless = "Mail,Boss\nkim@example.org,\n";
    let r = admin.post_multipart("/app/roster", &[], nameless).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("Keine Namensspalte"), "{}", r.body);
    assert!(!r.body.contains("no name column"), "{}", r.body);
    let refused = admin.post_csv("/api/v1/roster", nameless).await;
    assert!(refused.body.contains("no name column"), "{}", refused.body);
    // The rows' problems too.
    let twice = format!("{ROSTER}ari@example.org,Ari O.,Engineer,Platform,,2021-06-15\n");
    let r = admin.post_multipart("/app/roster", &[], &twice).await;
    assert!(
        r.body.contains("ari@example.org steht auch in Zeile 3"),
        "{}",
        r.body
    );
    let refused = admin.post_csv("/api/v1/roster", &twice).await;
    assert!(
        refused.body.contains("ari@example.org is also on row 3"),
        "{}",
        refused.body
    );
    // And a column of dates that could be read either way.
    let open = "Email,Name,Start Date\nkim@example.org,Kim Lee,3/4/2017\n";
    let r = admin.post_multipart("/app/roster", &[], open).await;
    assert!(
        r.body
            .contains("`3/4/2017` kann Tag zuerst oder Monat zuerst sein"),
        "{}",
        r.body
    );
    // A cell's own checks: a date that is none, an address that is none,
    // a status that says nothing.
    let cells = "Email,Name,Start Date,Status\n\
                 kim@example.org,Kim Lee,2/30/2017,Active\n\
                 not-an-address,Lou Park,2019-05-01,maybe\n\
                 jo@example.org,Jo Ito,2020-01-06,Terminated\n";
    let r = admin.post_multipart("/app/roster", &[], cells).await;
    for words in [
        "`2/30/2017` ist kein Datum: Der Februar 2017 hat keinen 30. Tag",
        "`not-an-address` ist keine E-Mail-Adresse",
        "`maybe` sagt nicht, ob die Person hier arbeitet",
    ] {
        assert!(r.body.contains(words), "{words}: {}", r.body);
    }
    let refused = admin.post_csv("/api/v1/roster", cells).await;
    assert!(
        refused
            .body
            .contains("`2/30/2017` is not a date: February 2017 has no day 30"),
        "{}",
        refused.body
    );
    // A column the importer names that the file lacks, with the field's
    // label in German.
    let r = admin
        .post_multipart("/app/roster", &[("map_team", "Squad")], ROSTER)
        .await;
    assert!(
        r.body.contains("Keine Spalte `Squad` für Team"),
        "{}",
        r.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_error_with_a_value_is_in_the_readers_language() {
    let backend = sqlite().await;
    let (_app, mut admin) = organisation(backend.store.clone()).await;
    admin.choose_language("ja").await;
    let fields = [
        ("name", "Autumn review"),
        ("target", "own"),
        ("manager_email", "nobody@example.org"),
    ];
    let r = admin.post_form("/app/cycles", &fields).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body
            .contains("メールアドレス `nobody@example.org` の人はいません"),
        "{}",
        r.body
    );
    assert!(!r.body.contains("nobody has the email"), "{}", r.body);
    // The API says it in English, as before.
    let api = admin
        .json(
            "POST",
            "/api/v1/cycles",
            serde_json::json!({
                "name": "Autumn review",
                "target": "own",
                "manager_email": "nobody@example.org",
            }),
        )
        .await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", api.body);
    assert!(
        api.body
            .contains("nobody has the email `nobody@example.org`"),
        "{}",
        api.body
    );
}
