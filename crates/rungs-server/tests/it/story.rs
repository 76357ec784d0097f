//! The main story, on every database: first start → the first
//! administrator → a roster → a rollout where a manager proposes, HR
//! confirms and the employee acknowledges.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rollout_story() {
    for backend in backends("story").await {
        eprintln!("story on {}", backend.name);
        story(backend).await;
    }
}

async fn story(backend: Backend) {
    let (app, token) = start(backend.store.clone(), config()).await;

    // The setup link works once.
    let mut admin = admin(&app, &token).await;
    let home = admin.get("/app").await;
    let csp = home
        .headers
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .expect("a content security policy");
    assert!(
        csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert!(
        !home.body.contains("<script>"),
        "no inline script in the app"
    );
    let again = Client::new(&app)
        .get(&format!("/app/setup?token={token}"))
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);

    // A dry run shows what would change and writes nothing.
    let dry = admin.post_csv("/api/v1/roster?dry_run=true", ROSTER).await;
    assert_eq!(dry.status, StatusCode::OK, "{}", dry.body);
    let plan = dry.json();
    assert_eq!(plan["applied"], false);
    // Each job title once, as it reads on the ladder: what a rollout would
    // suggest for the people who hold it.
    let titles = plan["titles"].as_array().expect("titles");
    let reading = |title: &str| {
        titles
            .iter()
            .find(|t| t["title"] == title)
            .cloned()
            .unwrap_or_else(|| panic!("{title} is not among the titles read: {titles:?}"))
    };
    assert_eq!(titles.len(), 4, "{titles:?}");
    assert_eq!(reading("Senior Engineer")["level"], "engineering/senior");
    assert_eq!(reading("Senior Engineer")["sure"], true);
    assert_eq!(reading("Engineering Manager")["people"], 2);
    assert!(
        reading("Software Engineer")["why"]
            .as_str()
            .is_some_and(|why| why.contains("Software")),
        "{titles:?}"
    );
    assert_eq!(plan["plan"]["creates"].as_array().map(Vec::len), Some(5));
    assert_eq!(
        admin
            .get("/api/v1/people")
            .await
            .json()
            .as_array()
            .map(Vec::len),
        Some(1)
    );

    // The import, then again: the second changes nothing (upsert by email).
    let done = admin.post_csv("/api/v1/roster", ROSTER).await.json();
    assert_eq!(done["applied"], true, "{done}");
    let again = admin.post_csv("/api/v1/roster", ROSTER).await.json();
    assert_eq!(
        again["plan"]["creates"].as_array().map(Vec::len),
        Some(0),
        "{again}"
    );
    assert_eq!(
        again["plan"]["updates"].as_array().map(Vec::len),
        Some(0),
        "{again}"
    );
    assert_eq!(again["plan"]["unchanged"], 5);
    let ari = id_of(&mut admin, "ari@example.org").await;
    let bo = id_of(&mut admin, "bo@example.org").await;
    let cy = id_of(&mut admin, "cy@example.org").await;
    let mara = id_of(&mut admin, "mara@example.org").await;
    let ari_view = admin.get(&format!("/api/v1/people/{ari}")).await.json();
    assert_eq!(
        ari_view["manager"]["id"], mara,
        "managers are matched by email"
    );

    // A rollout suggests levels from job titles.
    let rollout_id = admin.open_rollout("New ladder").await;
    let view = admin
        .get(&format!("/api/v1/rollouts/{rollout_id}"))
        .await
        .json();
    let entry_of = |view: &serde_json::Value, id: i64| {
        view["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .find(|e| e["person"]["id"] == id)
            .cloned()
            .expect("entry")
    };
    let ari_entry = entry_of(&view, ari)["entry"].clone();
    assert_eq!(ari_entry["suggested_level"], "senior", "{ari_entry}");
    assert!(
        ari_entry["suggestion_reason"]
            .as_str()
            .expect("a reason")
            .contains("Senior Engineer")
    );
    assert_eq!(entry_of(&view, bo)["entry"]["suggested_level"], "engineer");

    // The manager proposes for her report; not for someone else's.
    let mut manager = person_client(&app, &mut admin, "mara@example.org").await;
    let team = manager.get("/app/people").await;
    assert!(
        team.body.contains("Ari Okafor") && !team.body.contains("Cy Duarte"),
        "a manager sees only her team"
    );
    let page = manager.get("/app/rollout").await;
    assert!(page.body.contains("Ari Okafor"));
    // Her form for Ari lists every level, the suggested one chosen.
    let form = page
        .body
        .split(&format!("id=\"lv-{ari}\""))
        .nth(1)
        .and_then(|rest| rest.split("</select>").next())
        .unwrap_or_else(|| panic!("no level choice for Ari: {}", page.body));
    assert!(
        form.contains("<option value=\"engineering/senior\" selected>Senior Engineer"),
        "{form}"
    );
    assert_eq!(form.matches(" selected").count(), 1, "{form}");
    assert!(
        form.matches("<option value=\"engineering/").count() >= 3,
        "{form}"
    );
    let proposed = manager
        .post_form(
            &format!("/app/rollouts/{rollout_id}/people/{ari}/propose"),
            &[
                ("version", "1"),
                ("level", "engineering/senior"),
                ("note", "Leads the storage work"),
            ],
        )
        .await;
    assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{}", proposed.body);
    // A second proposal made on the same (now stale) page is refused.
    let stale = manager
        .post_form(
            &format!("/app/rollouts/{rollout_id}/people/{ari}/propose"),
            &[
                ("version", "1"),
                ("level", "engineering/staff"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert!(stale.body.contains("reload"), "{}", stale.body);
    let other = manager
        .post_form(
            &format!("/app/rollouts/{rollout_id}/people/{cy}/propose"),
            &[
                ("version", "1"),
                ("level", "engineering/senior"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(
        other.status,
        StatusCode::NOT_FOUND,
        "another manager's report is not found"
    );
    let confirm_own = manager
        .post_form(
            &format!("/app/rollouts/{rollout_id}/people/{ari}/confirm"),
            &[("version", "2")],
        )
        .await;
    assert_eq!(
        confirm_own.status,
        StatusCode::FORBIDDEN,
        "managers propose, HR confirms"
    );

    // HR confirms: the level becomes a placement.
    let confirmed = admin
        .post_form(
            &format!("/app/rollouts/{rollout_id}/people/{ari}/confirm"),
            &[("version", "2")],
        )
        .await;
    assert_eq!(
        confirmed.status,
        StatusCode::SEE_OTHER,
        "{}",
        confirmed.body
    );
    let placements = admin
        .get(&format!("/api/v1/people/{ari}/placements"))
        .await
        .json();
    assert_eq!(placements[0]["level"], "senior");
    assert_eq!(placements[0]["reason"], "rollout");
    assert_eq!(placements[0]["note"], "Leads the storage work");

    // The employee sees their level and what changes next, and acknowledges.
    let mut employee = person_client(&app, &mut admin, "ari@example.org").await;
    let home = employee.get("/app").await;
    assert!(home.body.contains("Senior Engineer"), "{}", home.body);
    assert!(home.body.contains("What changes at the next level"));
    assert!(
        home.body.contains("/compare/"),
        "links to the comparison page"
    );
    let next_page = home
        .body
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|h| h.contains("/compare/"));
    let compare = employee.get(next_page.expect("compare link")).await;
    assert_eq!(compare.status, StatusCode::OK, "the compare page is served");
    let ack_by_manager = manager
        .post_form(
            &format!("/app/rollouts/{rollout_id}/people/{ari}/acknowledge"),
            &[("version", "3")],
        )
        .await;
    assert_eq!(
        ack_by_manager.status,
        StatusCode::FORBIDDEN,
        "only the person acknowledges"
    );
    let ack = employee
        .post_form(
            &format!("/app/rollouts/{rollout_id}/people/{ari}/acknowledge"),
            &[("version", "3"), ("note", "Talked it through.")],
        )
        .await;
    assert_eq!(ack.status, StatusCode::SEE_OTHER, "{}", ack.body);
    let home = employee.get("/app").await;
    // The note's own full stop ends the sentence; none is added.
    assert!(
        home.body
            .contains("You acknowledged your level: <q>Talked it through.</q></p>"),
        "{}",
        home.body
    );

    // Progress: one acknowledged, per team and in total.
    let view = admin
        .get(&format!("/api/v1/rollouts/{rollout_id}"))
        .await
        .json();
    let total = view["progress"]
        .as_array()
        .and_then(|p| p.last())
        .cloned()
        .expect("total");
    assert_eq!(total["acknowledged"], 1, "{view}");
    assert_eq!(
        total["total"], 6,
        "everyone active is in the rollout: {view}"
    );
    let platform = view["progress"]
        .as_array()
        .expect("progress")
        .iter()
        .find(|p| p["team"] == "Platform")
        .cloned();
    assert_eq!(platform.expect("Platform")["total"], 3);
    // The manager's progress counts only her team.
    let mine = manager
        .get(&format!("/api/v1/rollouts/{rollout_id}"))
        .await
        .json();
    assert_eq!(
        mine["progress"]
            .as_array()
            .and_then(|p| p.last())
            .expect("total")["total"],
        3,
        "{mine}"
    );

    // Every change was audited, and the chain holds.
    let verify = admin.get("/api/v1/audit/verify").await.json();
    assert_eq!(verify["problem"], serde_json::Value::Null, "{verify}");
    let entries = admin.get("/api/v1/audit?limit=1000").await.json();
    let actions: Vec<&str> = entries
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["action"].as_str().expect("an action"))
        .collect();
    for action in [
        "person.create",
        "rollout.open",
        "rollout.propose",
        "rollout.confirm",
        "placement.create",
        "rollout.acknowledge",
    ] {
        assert!(
            actions.contains(&action),
            "no {action} in the audit log: {actions:?}"
        );
    }

    // The person's own export has their placements and audit trail.
    let export = employee
        .get(&format!("/api/v1/people/{ari}/export"))
        .await
        .json();
    assert_eq!(export["person"]["email"], "ari@example.org");
    assert!(!export["audit"].as_array().expect("audit").is_empty());
    // A manager cannot export a report's data.
    assert_eq!(
        manager
            .get(&format!("/api/v1/people/{ari}/export"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // API tokens: a read token reads, cannot write; revoked, it stops.
    let made = employee
        .post_form("/app/tokens", &[("name", "script"), ("scope", "read")])
        .await;
    let secret = made
        .body
        .split("<code class=\"app-secret\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("secret");
    let mut script = Client::new(&app);
    script.bearer = Some(secret.to_string());
    assert_eq!(script.get("/api/v1/me").await.json()["person"]["id"], ari);
    let write = script
        .json("POST", "/api/v1/rollouts", json!({"name": "x"}))
        .await;
    assert_eq!(write.status, StatusCode::FORBIDDEN);
    let tokens = employee.get("/app/tokens").await;
    let token_id = tokens
        .body
        .split("/app/tokens/")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .expect("token id");
    let revoked = employee
        .post_form(
            &format!("/app/tokens/{token_id}/revoke"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert_eq!(
        script.get("/api/v1/me").await.status,
        StatusCode::UNAUTHORIZED
    );

    // Anonymising keeps the counts and drops the person.
    let gone = admin
        .post_form(
            &format!("/app/people/{bo}/anonymise"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(gone.status, StatusCode::OK, "{}", gone.body);
    let bo_now = admin.get(&format!("/api/v1/people/{bo}")).await.json();
    assert_eq!(bo_now["person"]["name"], format!("Former employee {bo}"));
    assert_eq!(bo_now["person"]["active"], false);

    // Signing out ends the session on the server, not only in the browser.
    let cookie = employee.cookie.clone();
    let out = employee.post_form("/app/logout", &[]).await;
    assert_eq!(out.location.as_deref(), Some("/app/login"), "{}", out.body);
    let mut replay = Client::new(&app);
    replay.cookie = cookie;
    let me = replay.get("/api/v1/me").await;
    assert_eq!(
        me.status,
        StatusCode::UNAUTHORIZED,
        "{:?} {}",
        me.location,
        me.body
    );
    app.store().close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_work_across_servers_sharing_a_database() {
    for backend in backends("shared").await {
        let (first, token) = start(backend.store.clone(), config()).await;
        let admin = admin(&first, &token).await;
        // A second server on the same database (a second process behind a
        // load balancer) accepts the session made on the first.
        let (second, _) = rungs_server::App::start_with_store(config(), backend.store.clone())
            .await
            .expect("second");
        let mut on_second = Client::new(&second);
        on_second.cookie = admin.cookie.clone();
        let me = on_second.get("/api/v1/me").await;
        assert_eq!(me.status, StatusCode::OK, "{} on {}", me.body, backend.name);
        assert_eq!(me.json()["person"]["email"], "ada@example.org");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_framework_overrides_the_app_templates_like_the_site_theme() {
    let dir = tempfile::tempdir().expect("dir");
    rungs_core::SourceSet::example()
        .write_to(dir.path())
        .expect("write example");
    let templates = dir.path().join("theme/app/templates");
    std::fs::create_dir_all(&templates).expect("mkdir");
    std::fs::write(
        templates.join("login.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Welcome to the ladder</h1>{% endblock %}",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("theme/app/app.css"),
        ".app-main { max-width: 50rem; }",
    )
    .expect("write");
    let mut config = config();
    config.framework.root = Some(dir.path().to_path_buf());
    let backend = sqlite().await;
    let (app, _) = start(backend.store.clone(), config.clone()).await;
    let mut anyone = Client::new(&app);
    assert!(
        anyone
            .get("/app/login")
            .await
            .body
            .contains("Welcome to the ladder")
    );
    assert_eq!(
        anyone.get("/app/assets/app.css").await.body,
        ".app-main { max-width: 50rem; }"
    );
    // A template the app does not have is an error that names it.
    std::fs::write(templates.join("dashboard.html"), "x").expect("write");
    let refused = rungs_server::App::start_with_store(config, sqlite().await.store).await;
    let message = match refused {
        Ok(_) => panic!("an app template the app does not have was accepted"),
        Err(e) => e.to_string(),
    };
    assert!(
        message.contains("theme/app/templates/dashboard.html"),
        "{message}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_previous_companys_ladder_suggests_levels_through_the_mapping() {
    let other = rungs_core::load(&rungs_core::SourceSet::template("growth").expect("template"))
        .expect("load");
    let mut config = config();
    config.previous_ladder = Some(std::sync::Arc::new(other.framework));
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config).await;
    let mut admin = admin(&app, &token).await;
    let roster = "email,name,job title,previous title\n\
        kai@example.org,Kai Mori,Wizard,Staff Data Engineer\n\
        lin@example.org,Lin Ro,Wizard,Grand Poobah\n\
        max@example.org,Max Ek,Senior Engineer,Associate Data Engineer\n";
    let imported = admin.post_csv("/api/v1/roster", roster).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    let rollout = admin.open_rollout("After the merger").await;
    let view = admin
        .get(&format!("/api/v1/rollouts/{rollout}"))
        .await
        .json();
    let entry = |email: &str| {
        view["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .find(|e| e["person"]["email"] == email)
            .cloned()
            .expect("entry")
    };
    let kai = entry("kai@example.org");
    assert!(kai["entry"]["suggested_level"].is_string(), "{kai}");
    let why = kai["entry"]["suggestion_reason"]
        .as_str()
        .expect("a reason");
    assert!(
        why.contains("Staff Data Engineer")
            && why.contains("maps to")
            && why.contains("confidence"),
        "{why}"
    );
    // The evidence behind it, in the words `rungs map` uses.
    assert!(
        why.contains("titles") || why.contains("both titles say"),
        "{why}"
    );
    let lin = entry("lin@example.org");
    assert!(lin["entry"]["suggested_level"].is_null());
    assert!(
        lin["entry"]["suggestion_reason"]
            .as_str()
            .expect("a reason")
            .contains("Grand Poobah")
    );
    // A title that matches here wins over the previous company's.
    assert_eq!(
        entry("max@example.org")["entry"]["suggested_level"],
        "senior"
    );
    assert_eq!(
        admin
            .get(&format!(
                "/api/v1/people/{}",
                entry("kai@example.org")["person"]["id"]
            ))
            .await
            .json()["person"]["previous_title"],
        "Staff Data Engineer"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_lists_are_paged_and_searchable() {
    let backend = sqlite().await;
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    let mut csv = String::from("email,name,team\n");
    for i in 0..250 {
        let team = if i % 2 == 0 { "Even" } else { "Odd" };
        csv.push_str(&format!("p{i:03}@example.org,Person {i:03},{team}\n"));
    }
    csv.push_str("under_score@example.org,Una Score,Odd\n");
    assert_eq!(
        admin.post_csv("/api/v1/roster", &csv).await.status,
        StatusCode::OK
    );
    let first = admin.get("/app/people").await;
    assert!(
        first.body.contains("252 people") && first.body.contains("page 1 of 3"),
        "{}",
        first.body
    );
    assert!(first.body.contains("page=1") && !first.body.contains("Person 120"));
    let third = admin.get("/app/people?page=2").await;
    assert!(third.body.contains("Person 249") && third.body.contains("Previous"));
    let past = admin.get("/app/people?page=9").await;
    assert!(
        past.body.contains("252 people"),
        "past the last page, the count stands"
    );
    let found = admin.get("/app/people?q=person+12").await;
    assert!(
        found.body.contains("10 people"),
        "Person 120-129: {}",
        found.body
    );
    // `_` is searched for as itself, not as "any character".
    let literal = admin.get("/app/people?q=under_").await;
    assert!(literal.body.contains("1 person"), "{}", literal.body);
    admin.post_form("/app/rollouts", &[("name", "Big")]).await;
    let odd = admin.get("/app/rollout?team=Odd&status=suggested").await;
    assert!(
        odd.body.contains("126 people") && odd.body.contains("page 1 of 2"),
        "{}",
        odd.body
    );
    assert!(
        odd.body
            .contains("team=Odd&amp;status=suggested&amp;page=1"),
        "the pager keeps the filter"
    );
    let bad = admin.get("/app/rollout?status=maybe").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_are_found_and_sorted_whatever_their_case_and_accents() {
    for backend in backends("search").await {
        let on = backend.name;
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let roster = "email,name\n\
            elodie@example.org,Élodie Martin\n\
            zoe@example.org,Zoë Quinn\n\
            emma@example.org,emma Adams\n\
            eli@example.org,Eli Brown\n\
            juergen@example.org,Jürgen Straße\n\
            lukasz@example.org,Łukasz Nowak\n\
            anna@example.org,Anna Berg\n\
            ann@example.org,Ann Marie\n";
        let imported = admin.post_csv("/api/v1/roster", roster).await;
        assert_eq!(imported.status, StatusCode::OK, "{} on {on}", imported.body);
        for query in [
            "élodie",
            "elodie",
            "ELODIE",
            "Élodie",
            "ÉLODIE",
            "lodie mar",
        ] {
            let found = admin
                .get(&format!("/app/people?q={}", urlencode(query)))
                .await;
            assert!(
                found.body.contains("1 person") && found.body.contains("Élodie Martin"),
                "{query:?} on {on} finds Élodie: {}",
                found.body
            );
        }
        for (query, name) in [
            ("strasse", "Jürgen Straße"),
            ("jurgen", "Jürgen Straße"),
            ("lukasz", "Łukasz Nowak"),
            ("ZOE", "Zoë Quinn"),
        ] {
            let found = admin
                .get(&format!("/app/people?q={}", urlencode(query)))
                .await;
            assert!(
                found.body.contains("1 person") && found.body.contains(name),
                "{query:?} on {on} finds {name}: {}",
                found.body
            );
        }
        // Sorted by the same key on both databases: case and accents do not
        // move a name to the end of the list, and a space sorts before any
        // letter whatever the database's collation.
        let people = admin.get("/api/v1/people").await.json();
        let names: Vec<&str> = people
            .as_array()
            .expect("people")
            .iter()
            .map(|p| p["name"].as_str().expect("a name"))
            .collect();
        assert_eq!(
            names,
            [
                "Ada Admin",
                "Ann Marie",
                "Anna Berg",
                "Eli Brown",
                "Élodie Martin",
                "emma Adams",
                "Jürgen Straße",
                "Łukasz Nowak",
                "Zoë Quinn"
            ],
            "on {on}"
        );
    }
}

/// `s` for a query string.
fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .expect("encode")
        .trim_start_matches('=')
        .to_string()
}
