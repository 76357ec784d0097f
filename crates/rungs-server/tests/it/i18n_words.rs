//! Words the app builds in code, in the viewer's language: a German
//! administrator is asked in German before closing a rollout (the count
//! in its plural form), is told in German what an action did and sees
//! error pages in German; a German invitee is invited in German; a German
//! manager reads the heatmap with German area titles.

use axum::http::StatusCode;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_german_viewer_is_asked_and_told_in_german() {
    let backend = sqlite().await;
    let (_app, mut admin) = organisation(backend.store.clone()).await;
    admin.choose_language("de").await;

    let rollout = admin.open_rollout("Neue Leiter").await;
    let close = format!("/app/rollouts/{rollout}/close");
    let asked = admin.post_form(&close, &[]).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    for words in [
        "<h1>Den Rollout Neue Leiter schließen?</h1>",
        "Das Schließen beendet Neue Leiter",
        "noch keine bestätigte Stufe",
        ">Neue Leiter schließen</button>",
        ">Abbrechen</a>",
    ] {
        assert!(asked.body.contains(words), "`{words}` in {}", asked.body);
    }
    assert!(
        !asked.body.contains("Closing Neue Leiter"),
        "{}",
        asked.body
    );
    // The count chooses its form: several people, "Personen haben".
    assert!(
        asked.body.contains(" Personen haben darin"),
        "{}",
        asked.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_german_viewer_is_told_in_german_what_an_action_did() {
    let backend = sqlite().await;
    let (_app, mut admin) = organisation(backend.store.clone()).await;
    let bo = id_of(&mut admin, "bo@example.org").await;
    admin.choose_language("de").await;

    // The administrator's password link for Bo.
    let link = admin
        .post_form(&format!("/app/people/{bo}/reset-link"), &[])
        .await;
    assert_eq!(link.status, StatusCode::OK, "{}", link.body);
    assert!(
        link.body.contains("<h1>Passwort-Link</h1>"),
        "{}",
        link.body
    );
    assert!(!link.body.contains("Send this link"), "{}", link.body);

    // Confirming all proposed levels of a fresh rollout: nothing proposed
    // yet, so nobody is changed, said in German.
    let rollout = admin.open_rollout("Neue Leiter").await;
    let done = admin
        .post_form(&format!("/app/rollouts/{rollout}/confirm-all"), &[])
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("Bestätigt: "), "{}", done.body);
    assert!(!done.body.contains("Confirmed: "), "{}", done.body);

    // A common form error: the page says it in German, the API in English.
    let propose = format!("/app/rollouts/{rollout}/people/{bo}/propose");
    let refused = admin
        .post_form(&propose, &[("version", "0"), ("level", "")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("Wählen Sie eine Stufe für den Vorschlag."),
        "{}",
        refused.body
    );
    assert!(!refused.body.contains("choose a level"), "{}", refused.body);

    // An error page: its title and explanation in German, the error's own
    // sentence kept and marked as English; the API still says it in English.
    let missing = admin.get("/app/people/999999").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "{}", missing.body);
    assert!(
        missing.body.contains(r#"<html lang="de">"#),
        "{}",
        missing.body
    );
    assert!(
        missing.body.contains("<h1>Nicht gefunden</h1>"),
        "{}",
        missing.body
    );
    assert!(
        missing.body.contains(">Zurück zur App</a>"),
        "{}",
        missing.body
    );
    assert!(
        missing.body.contains(r#"<p lang="en">"#),
        "{}",
        missing.body
    );
    let api = admin.get("/api/v1/people/999999").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND, "{}", api.body);
    assert!(
        api.json()["error"]
            .as_str()
            .is_some_and(|e| e.ends_with("not found")),
        "{}",
        api.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_german_invitee_is_invited_in_german() {
    let sink = crate::smtp::Sink::start().await;
    let cfg = sink.config();
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), cfg).await;
    let mut admin = admin(&app, &token).await;
    admin.post_csv("/api/v1/roster", ROSTER).await;
    // Ari has not joined, so cannot choose; the language is set as the
    // account page would set it.
    let ari = id_of(&mut admin, "ari@example.org").await;
    let mut w = backend
        .store
        .write(&rungs_store::Actor::system())
        .await
        .expect("write");
    w.set_language(ari, Some("de")).await.expect("language");
    w.commit().await.expect("commit");

    let invited = admin
        .post_form("/app/invitations", &[("everyone", "1")])
        .await;
    assert_eq!(invited.status, StatusCode::OK, "{}", invited.body);
    assert!(app.deliver_mail().await.expect("deliver") > 1);
    let to_ari = sink.to("ari@example.org");
    assert_eq!(to_ari.len(), 1);
    let (subject, body) = (to_ari[0].subject(), to_ari[0].body());
    assert!(subject.starts_with("Einladung zu "), "{subject}");
    assert!(body.contains("Hallo Ari Okafor,"), "{body}");
    assert!(body.contains("Sie sind zu "), "{body}");
    assert!(body.contains("Passwort wählen"), "{body}");
    assert!(!body.contains("You are invited"), "{body}");
    assert!(to_ari[0].join_path().is_some(), "{body}");
    // A colleague without a choice is invited in the organisation's
    // language, English here.
    let to_bo = sink.to("bo@example.org");
    assert_eq!(to_bo.len(), 1);
    assert!(
        to_bo[0].subject().contains("You are invited"),
        "{}",
        to_bo[0].raw
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_german_manager_reads_the_heatmap_with_german_areas() {
    let backend = sqlite().await;
    let (app, mut admin) = organisation(backend.store.clone()).await;
    let bo = id_of(&mut admin, "bo@example.org").await;
    let mut bo_c = person_client(&app, &mut admin, "bo@example.org").await;
    let mut mara = person_client(&app, &mut admin, "mara@example.org").await;
    let opened = open_assessment(&mut bo_c, bo, "engineering", "senior").await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
    let id = opened.json()["assessment"]["id"].as_i64().expect("id");
    assessment_step(&mut bo_c, id, "submit").await;
    assessment_step(&mut mara, id, "submit").await;
    assessment_step(&mut mara, id, "share").await;

    let english = mara.get("/app/team").await;
    assert!(english.body.contains(">Craft</th>"), "{}", english.body);
    mara.choose_language("de").await;
    let german = mara.get("/app/team").await;
    assert_eq!(german.status, StatusCode::OK, "{}", german.body);
    assert!(german.body.contains(">Handwerk</th>"), "{}", german.body);
    assert!(!german.body.contains(">Craft</th>"), "{}", german.body);
    // The API keeps the ladder's own titles.
    let api = mara.get("/api/v1/team").await.json();
    let titles: Vec<&str> = api["areas"]
        .as_array()
        .map(|a| a.iter().filter_map(|h| h["title"].as_str()).collect())
        .unwrap_or_else(|| panic!("the team API lists its areas: {api}"));
    assert!(titles.contains(&"Craft"), "{api}");
}

#[test]
fn each_localised_form_error_says_its_sentence_in_english() {
    let english =
        rungs_site::i18n::Messages::from_catalogue("en", rungs_server::i18n::LANGUAGES[0].2);
    assert!(rungs_server::i18n::FORM_ERRORS.len() > 10);
    for (sentence, id) in rungs_server::i18n::FORM_ERRORS {
        assert_eq!(english.get(id), *sentence, "{id}");
    }
}
