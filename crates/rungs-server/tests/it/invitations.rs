//! Invitations and notifications, on every database: the roster's people
//! are invited by email (read from a test SMTP server), join by the link,
//! see what waits for them, and hear of it by email, never with the words
//! of notes or ratings.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::smtp::Sink;
use crate::support::*;

/// Joins through an invitation's link; returns the signed-in client.
async fn join(app: &rungs_server::App, path: &str, name: &str) -> Client {
    let mut client = Client::new(app);
    let page = client.get(path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains(&format!("Welcome, {name}")),
        "{}",
        page.body
    );
    let token = path.split("token=").nth(1).expect("token").to_string();
    let r = client
        .post_form_raw("/app/join", &[("token", &token), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location.as_deref(), Some("/app"));
    let home = client.get("/app").await;
    assert_eq!(
        home.status,
        StatusCode::OK,
        "joined and signed in: {}",
        home.body
    );
    assert!(home.body.contains(name), "{}", home.body);
    client
}

async fn audit_actions(app: &rungs_server::App) -> Vec<(String, String)> {
    app.store()
        .audit_page(None, 10_000)
        .await
        .expect("audit")
        .into_iter()
        .map(|e| {
            (
                e.action.clone(),
                format!(
                    "{} {} {}",
                    e.subject,
                    e.before.as_deref().unwrap_or("-"),
                    e.after.as_deref().unwrap_or("-")
                ),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitations_go_by_email_and_their_link_joins() {
    for backend in backends("invite").await {
        eprintln!("invitations on {}", backend.name);
        let sink = Sink::start().await;
        let (app, token) = start(backend.store.clone(), sink.config()).await;
        let mut admin = admin(&app, &token).await;
        assert_eq!(
            admin.post_csv("/api/v1/roster", ROSTER).await.status,
            StatusCode::OK
        );

        // Everyone imported is waiting to join.
        let waiting = admin.get("/api/v1/invitations").await;
        assert_eq!(waiting.status, StatusCode::OK, "{}", waiting.body);
        assert_eq!(
            waiting.json().as_array().map(Vec::len),
            Some(5),
            "{}",
            waiting.body
        );
        let page = admin.get("/app/invitations").await;
        assert!(
            page.body.contains("5 people have not joined yet"),
            "{}",
            page.body
        );
        assert!(page.body.contains("Ari Okafor"));

        // Inviting everyone returns at once: the emails are queued, not sent.
        let invited = admin
            .post_form("/app/invitations", &[("everyone", "1")])
            .await;
        assert_eq!(invited.status, StatusCode::OK, "{}", invited.body);
        assert!(
            invited.body.contains("5 invitations are queued"),
            "{}",
            invited.body
        );
        assert!(
            sink.mails().is_empty(),
            "nothing is sent inside the request"
        );
        assert_eq!(app.deliver_mail().await.expect("deliver"), 5);
        assert_eq!(sink.mails().len(), 5);
        assert_eq!(
            app.deliver_mail().await.expect("deliver"),
            0,
            "each goes once"
        );

        let to_ari = sink.to("ari@example.org");
        assert_eq!(to_ari.len(), 1);
        let mail = &to_ari[0];
        assert!(mail.subject().contains("You are invited"), "{}", mail.raw);
        assert!(mail.body().contains("Hello Ari Okafor"), "{}", mail.body());
        let link = mail.join_path().expect("a join link");
        assert!(
            mail.body()
                .contains(&format!("http://127.0.0.1:8080{link}")),
            "the link is absolute: {}",
            mail.body()
        );

        // The link joins, once.
        let mut ari = join(&app, &link, "Ari Okafor").await;
        assert_eq!(
            ari.get("/api/v1/me").await.json()["person"]["email"],
            "ari@example.org"
        );
        assert_eq!(
            Client::new(&app).get(&link).await.status,
            StatusCode::NOT_FOUND
        );
        let names: Vec<String> = admin
            .get("/api/v1/invitations")
            .await
            .json()
            .as_array()
            .expect("array")
            .iter()
            .map(|p| {
                p["email"]
                    .as_str()
                    .expect("a person has an email")
                    .to_string()
            })
            .collect();
        assert_eq!(names.len(), 4, "{names:?}");
        assert!(!names.contains(&"ari@example.org".to_string()));

        // Inviting someone who joined is refused; a bad request names its fields.
        let ari_id = id_of(&mut admin, "ari@example.org").await;
        let again = admin
            .json("POST", "/api/v1/invitations", json!({"person": ari_id}))
            .await;
        assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
        assert!(
            again.body.contains("Ari Okafor has joined already"),
            "{}",
            again.body
        );
        let vague = admin.json("POST", "/api/v1/invitations", json!({})).await;
        assert_eq!(vague.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            vague.body.contains("`person`") && vague.body.contains("`everyone`"),
            "{}",
            vague.body
        );

        // Resending to Bo: a new link, and the old one stops working.
        let bo_old = sink.to("bo@example.org")[0].join_path().expect("link");
        let bo = id_of(&mut admin, "bo@example.org").await;
        let resent = admin
            .json("POST", "/api/v1/invitations", json!({"person": bo}))
            .await;
        assert_eq!(resent.status, StatusCode::OK, "{}", resent.body);
        assert_eq!(resent.json()["queued"], 1);
        assert_eq!(app.deliver_mail().await.expect("deliver"), 1);
        let bo_new = sink.to("bo@example.org")[1].join_path().expect("link");
        assert_ne!(bo_old, bo_new);
        assert_eq!(
            Client::new(&app).get(&bo_old).await.status,
            StatusCode::NOT_FOUND
        );
        join(&app, &bo_new, "Bo Chen").await;
        let listed = admin.get("/app/invitations").await;
        assert!(
            listed.body.contains("3 people have not joined yet"),
            "{}",
            listed.body
        );

        // A team: only its people who have not joined (Cy and Dee are in Payments).
        let team = admin
            .json("POST", "/api/v1/invitations", json!({"team": "Payments"}))
            .await;
        assert_eq!(team.json()["queued"], 2, "{}", team.body);

        // Invitations and sends are audited; no link or email text is.
        let log = audit_actions(&app).await;
        assert!(log.iter().any(|(a, _)| a == "invitation.send"), "{log:?}");
        assert!(
            log.iter().filter(|(a, _)| a == "email.send").count() >= 6,
            "{log:?}"
        );
        assert!(
            log.iter()
                .all(|(_, text)| !text.contains("token") && !text.contains("Hello")),
            "{log:?}"
        );
        // What went holds no body any more.
        let pool = raw_pool(&backend).await;
        let bodies: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE body <> ''")
            .fetch_one(&pool)
            .await
            .expect("count");
        assert_eq!(bodies, 0);
        drop(ari);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_email_is_tried_again_later() {
    for backend in backends("retry").await {
        let sink = Sink::start().await;
        let (app, token) = start(backend.store.clone(), sink.config()).await;
        let mut admin = admin(&app, &token).await;
        assert_eq!(
            admin.post_csv("/api/v1/roster", ROSTER).await.status,
            StatusCode::OK
        );
        let cy = id_of(&mut admin, "cy@example.org").await;
        sink.refuse_next(1);
        let r = admin
            .json("POST", "/api/v1/invitations", json!({"person": cy}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(app.deliver_mail().await.expect("deliver"), 0, "refused");
        assert!(sink.mails().is_empty());
        let pool = raw_pool(&backend).await;
        let (attempts, error, next_at): (i64, String, i64) =
            sqlx::query_as("SELECT attempts, last_error, next_at FROM outbox WHERE person_id = $1")
                .bind(cy)
                .fetch_one(&pool)
                .await
                .expect("row");
        assert_eq!(attempts, 1);
        assert!(error.contains("try again later"), "{error}");
        assert!(next_at > rungs_store::now() + 30, "backs off");
        assert_eq!(
            app.deliver_mail().await.expect("deliver"),
            0,
            "not before its time"
        );
        sqlx::query("UPDATE outbox SET next_at = 0 WHERE person_id = $1")
            .bind(cy)
            .execute(&pool)
            .await
            .expect("due now");
        assert_eq!(app.deliver_mail().await.expect("deliver"), 1);
        let mail = &sink.to("cy@example.org")[0];
        join(&app, &mail.join_path().expect("link"), "Cy Duarte").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_email_the_links_are_shown_to_pass_on() {
    for backend in backends("links").await {
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        assert_eq!(
            admin.post_csv("/api/v1/roster", ROSTER).await.status,
            StatusCode::OK
        );
        let r = admin
            .json("POST", "/api/v1/invitations", json!({"team": "Platform"}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let r = r.json();
        assert_eq!(r["queued"], 0);
        let links = r["links"].as_array().expect("links");
        assert_eq!(links.len(), 3, "{r}");
        let mara = links
            .iter()
            .find(|l| l["email"] == "mara@example.org")
            .expect("Mara");
        let url = mara["link"].as_str().expect("link");
        let path = url.trim_start_matches("http://127.0.0.1:8080");
        join(&app, path, "Mara Lind").await;
        // The page shows them too.
        let page = admin
            .post_form("/app/invitations", &[("everyone", "1")])
            .await;
        assert!(
            page.body.contains("Email is not configured"),
            "{}",
            page.body
        );
        assert!(page.body.contains("/app/join?token="), "{}", page.body);
        assert!(
            !page.body.contains("mara@example.org</td><td><code"),
            "Mara joined: not invited again"
        );
    }
}

async fn rate_all(client: &mut Client, id: i64, comment: &str) {
    let view = client
        .get(&format!("/api/v1/assessments/{id}"))
        .await
        .json();
    let version = view["assessment"]["version"].as_i64().expect("version");
    let ratings: Vec<Value> = view["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .flat_map(|a| a["rows"].as_array().expect("rows").clone())
        .map(|r| json!({"statement": r["statement_id"], "rating": "Sometimes", "comment": comment}))
        .collect();
    assert!(!ratings.is_empty());
    let r = client
        .json(
            "PUT",
            &format!("/api/v1/assessments/{id}/ratings"),
            json!({"version": version, "ratings": ratings}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_waits_is_listed_and_emailed_without_notes_or_ratings() {
    for backend in backends("todo").await {
        let sink = Sink::start().await;
        let (app, token) = start(backend.store.clone(), sink.config()).await;
        let mut admin = admin(&app, &token).await;
        assert_eq!(
            admin.post_csv("/api/v1/roster", ROSTER).await.status,
            StatusCode::OK
        );
        let bo = id_of(&mut admin, "bo@example.org").await;
        let placed = admin
            .json(
                "POST",
                &format!("/api/v1/people/{bo}/placements"),
                json!({"track": "engineering", "level": "engineer", "from_date": "2023-01-09", "reason": "hire", "note": ""}),
            )
            .await;
        assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
        let mut bo_c = person_client(&app, &mut admin, "bo@example.org").await;
        let mut mara = person_client(&app, &mut admin, "mara@example.org").await;

        // Bo wants an email each time; Mara keeps the daily digest.
        let saved = bo_c.post_form("/app/account", &[("notify", "event")]).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert!(
            bo_c.get("/app/account")
                .await
                .body
                .contains("value=\"event\" checked")
        );
        let bad = bo_c
            .post_form("/app/account", &[("notify", "hourly")])
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("`hourly` is not a choice"),
            "{}",
            bad.body
        );

        // Bo opens a self-assessment: it waits for him and for Mara.
        let opened = bo_c
            .post_form(
                &format!("/app/people/{bo}/assessments"),
                &[("level", "engineering/senior")],
            )
            .await;
        assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
        let id: i64 = opened
            .location
            .as_deref()
            .and_then(|l| l.rsplit('/').next())
            .and_then(|s| s.parse().ok())
            .expect("assessment id");
        let todo = bo_c.get("/api/v1/todo").await.json();
        assert_eq!(todo[0]["kind"], "assessment_to_fill", "{todo}");
        assert_eq!(todo[0]["link"], format!("/app/assessments/{id}"));
        let home = mara.get("/app").await;
        assert!(home.body.contains("Waiting for you"), "{}", home.body);
        assert!(
            home.body
                .contains(&format!("href=\"/app/assessments/{id}\"")),
            "{}",
            home.body
        );
        assert!(
            home.body.contains("Your assessment of Bo Chen"),
            "{}",
            home.body
        );

        assert_eq!(app.notify_waiting().await.expect("notify"), 2);
        assert_eq!(app.deliver_mail().await.expect("deliver"), 2);
        let to_bo = sink.to("bo@example.org");
        assert_eq!(to_bo.len(), 1);
        assert!(
            to_bo[0].subject().contains("Your self-assessment"),
            "{}",
            to_bo[0].raw
        );
        assert!(
            to_bo[0]
                .body()
                .contains(&format!("http://127.0.0.1:8080/app/assessments/{id}")),
            "{}",
            to_bo[0].body()
        );
        let to_mara = sink.to("mara@example.org");
        assert!(
            to_mara[0].subject().contains("1 thing waits for you"),
            "{}",
            to_mara[0].raw
        );
        assert!(
            to_mara[0].body().contains("Your assessment of Bo Chen"),
            "{}",
            to_mara[0].body()
        );
        // Told once.
        assert_eq!(app.notify_waiting().await.expect("notify"), 0);

        // Ratings with comments, a 1-on-1 note; both sides submit, Mara shares.
        rate_all(&mut bo_c, id, "PRIVATE-RATING-COMMENT").await;
        assessment_step(&mut bo_c, id, "submit").await;
        let note = bo_c
            .post_form(
                &format!("/app/people/{bo}/notes"),
                &[("body", "PRIVATE-NOTE-TEXT about pay")],
            )
            .await;
        assert_eq!(note.status, StatusCode::SEE_OTHER, "{}", note.body);
        rate_all(&mut mara, id, "PRIVATE-MANAGER-COMMENT").await;
        assessment_step(&mut mara, id, "submit").await;
        assessment_step(&mut mara, id, "share").await;
        let todo = bo_c.get("/api/v1/todo").await.json();
        assert_eq!(todo[0]["kind"], "shared_with_you", "{todo}");
        assert_eq!(
            mara.get("/api/v1/todo").await.json(),
            json!([]),
            "Mara's part is done"
        );

        assert_eq!(
            app.notify_waiting().await.expect("notify"),
            1,
            "Bo hears it is shared"
        );
        app.deliver_mail().await.expect("deliver");
        let to_bo = sink.to("bo@example.org");
        assert_eq!(to_bo.len(), 2);
        assert!(
            to_bo[1].subject().contains("shared with you"),
            "{}",
            to_bo[1].raw
        );
        for mail in sink.mails() {
            let text = format!("{}\n{}", mail.raw, mail.body());
            for secret in [
                "PRIVATE-RATING-COMMENT",
                "PRIVATE-MANAGER-COMMENT",
                "PRIVATE-NOTE-TEXT",
                "Sometimes",
            ] {
                assert!(!text.contains(secret), "an email holds `{secret}`: {text}");
            }
        }
        // Acknowledged, nothing waits.
        assessment_step(&mut bo_c, id, "acknowledge").await;
        assert_eq!(bo_c.get("/api/v1/todo").await.json(), json!([]));
        assert!(!bo_c.get("/app").await.body.contains("Waiting for you"));
        // Off: no email, the list stays on the page.
        let off = mara.post_form("/app/account", &[("notify", "off")]).await;
        assert_eq!(off.status, StatusCode::SEE_OTHER);
        let log = audit_actions(&app).await;
        assert!(log.iter().any(|(a, _)| a == "notification.mode"), "{log:?}");
        assert!(
            log.iter()
                .filter(|(a, _)| a.starts_with("email.") || a.starts_with("notification."))
                .all(|(_, t)| !t.contains("PRIVATE")),
            "mail's audit entries hold no words of notes or ratings"
        );
    }
}

/// HR's cycle reminder reaches the inbox of each person who owes a side
/// and can sign in (not those who turned email off), listing what they owe
/// with its link and due date, never a rating or a comment.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cycle_reminder_is_emailed_to_those_who_owe() {
    for backend in backends("remind_mail").await {
        let on = backend.name;
        let sink = Sink::start().await;
        let (app, token) = start(backend.store.clone(), sink.config()).await;
        let mut admin = admin(&app, &token).await;
        assert_eq!(
            admin.post_csv("/api/v1/roster", ROSTER).await.status,
            StatusCode::OK
        );
        for email in ["bo@example.org", "cy@example.org"] {
            let id = id_of(&mut admin, email).await;
            let placed = admin
                .json(
                    "POST",
                    &format!("/api/v1/people/{id}/placements"),
                    json!({"track": "engineering", "level": "engineer", "from_date": "2023-01-09", "reason": "hire", "note": ""}),
                )
                .await;
            assert_eq!(placed.status, StatusCode::OK, "on {on}: {}", placed.body);
        }
        let mut bo = person_client(&app, &mut admin, "bo@example.org").await;
        let mut cy = person_client(&app, &mut admin, "cy@example.org").await;
        person_client(&app, &mut admin, "mara@example.org").await;
        // Cy wants no email at all; Dee (Cy's manager) never joined.
        let off = cy.post_form("/app/account", &[("notify", "off")]).await;
        assert_eq!(off.status, StatusCode::SEE_OTHER, "on {on}: {}", off.body);

        let opened = admin
            .json(
                "POST",
                "/api/v1/cycles",
                json!({"name": "Autumn review", "target": "next", "self_due": "2000-01-31", "manager_due": "2999-12-31"}),
            )
            .await;
        assert_eq!(opened.status, StatusCode::OK, "on {on}: {}", opened.body);
        let cycle = opened.json()["id"].as_i64().expect("cycle id");
        let todo = bo.get("/api/v1/todo").await.json();
        let link = todo[0]["link"].as_str().expect("a link").to_string();
        // Only the reminder's mail counts here, not earlier notices.
        app.deliver_mail().await.expect("deliver");
        let before = sink.mails().len();
        let reminded = admin
            .json("POST", &format!("/api/v1/cycles/{cycle}/remind"), json!({}))
            .await;
        assert_eq!(
            reminded.status,
            StatusCode::OK,
            "on {on}: {}",
            reminded.body
        );
        assert_eq!(reminded.json()["emailed"], 2, "on {on}: {}", reminded.body);
        assert_eq!(app.deliver_mail().await.expect("deliver"), 2, "on {on}");
        let new: Vec<_> = sink.mails().into_iter().skip(before).collect();
        let to = |who: &str| {
            new.iter()
                .filter(|m| m.to.iter().any(|t| t == who))
                .cloned()
                .collect::<Vec<_>>()
        };
        let to_bo = to("bo@example.org");
        assert_eq!(to_bo.len(), 1, "on {on}: {new:?}");
        assert!(
            to_bo[0]
                .subject()
                .contains("a reminder about Autumn review"),
            "on {on}: {}",
            to_bo[0].raw
        );
        let body = to_bo[0].body();
        assert!(
            body.contains("your self-assessment, due 2000-01-31 (late)")
                && body.contains(&format!("http://127.0.0.1:8080{link}")),
            "on {on}: {body}"
        );
        let to_mara = to("mara@example.org");
        assert_eq!(to_mara.len(), 1, "on {on}: {new:?}");
        assert!(
            to_mara[0]
                .body()
                .contains("your assessment of Bo Chen, due 2999-12-31\n"),
            "on {on}: {}",
            to_mara[0].body()
        );
        assert!(to("cy@example.org").is_empty(), "Cy turned email off");
        assert!(to("dee@example.org").is_empty(), "Dee cannot sign in yet");
        app.store().close().await;
    }
}
