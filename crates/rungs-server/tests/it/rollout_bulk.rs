//! A rollout for many people at once: a manager accepts every suggestion
//! for their team, HR confirms every proposal, people not on a ladder are
//! set aside, and progress reaches 100%; on both databases.

use axum::http::StatusCode;
use rungs_server::App;
use serde_json::{Value, json};

use crate::support::*;

/// The test roster and two more: a chief executive (on no ladder) and a
/// report of Mara's whose title nothing reads.
fn roster() -> String {
    format!(
        "{ROSTER}vi@example.org,Vi Oakes,Chief Executive Officer,,,2015-05-05\n\
         wren@example.org,Wren Hale,Wizard,Platform,mara@example.org,2024-04-02\n"
    )
}

/// The app on `backend` with its administrator signed in and [`roster`]
/// imported.
async fn organisation_of(backend: &Backend) -> (App, Client) {
    let (app, token) = start(backend.store.clone(), config()).await;
    let mut admin = admin(&app, &token).await;
    let imported = admin.post_csv("/api/v1/roster", &roster()).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    (app, admin)
}

async fn open_rollout(admin: &mut Client) -> i64 {
    let opened = admin
        .json("POST", "/api/v1/rollouts", json!({"name": "New ladder"}))
        .await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
    opened.json()["id"].as_i64().expect("rollout id")
}

fn names(report: &Value, key: &str) -> Vec<String> {
    report[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key} in {report}"))
        .iter()
        .map(|p| p["name"].as_str().expect("name").to_string())
        .collect()
}

fn reason_for<'a>(report: &'a Value, name: &str) -> &'a str {
    report["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .find(|s| s["name"] == name)
        .and_then(|s| s["reason"].as_str())
        .unwrap_or_else(|| panic!("{name} not skipped: {report}"))
}

fn total(view: &Value) -> Value {
    view["progress"]
        .as_array()
        .and_then(|p| p.last())
        .cloned()
        .expect("a total")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_rollout_to_one_hundred_percent() {
    for backend in backends("bulk_rollout").await {
        let on = backend.name;
        let (app, mut admin) = organisation_of(&backend).await;
        let dee = id_of(&mut admin, "dee@example.org").await;
        let made_hr = admin
            .json(
                "PUT",
                &format!("/api/v1/people/{dee}"),
                json!({"version": 1, "name": "Dee Park", "email": "dee@example.org", "role": "hr"}),
            )
            .await;
        assert_eq!(made_hr.status, StatusCode::OK, "{}", made_hr.body);
        let vi = id_of(&mut admin, "vi@example.org").await;
        let admin_id = id_of(&mut admin, "ada@example.org").await;

        // The chief executive is on no ladder: marked before the rollout
        // opens, they get no suggestion.
        let marked = admin
            .json(
                "POST",
                "/api/v1/people/off-ladder",
                json!({"people": [vi], "off": true}),
            )
            .await;
        assert_eq!(marked.status, StatusCode::OK, "{}", marked.body);
        assert_eq!(names(&marked.json(), "done"), ["Vi Oakes"], "on {on}");
        let rollout = open_rollout(&mut admin).await;
        let view = admin
            .get(&format!("/api/v1/rollouts/{rollout}"))
            .await
            .json();
        let vi_entry = view["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .find(|e| e["person"]["id"] == vi)
            .cloned()
            .expect("Vi's entry");
        assert_eq!(vi_entry["not_on_ladder"], true, "{vi_entry}");
        assert_eq!(vi_entry["entry"]["suggested_level"], Value::Null);
        assert_eq!(total(&view)["excluded"], 1, "on {on}: {view}");
        let export = admin
            .get(&format!("/api/v1/people/{vi}/export"))
            .await
            .json();
        assert_eq!(export["not_on_ladder"], true, "their export says so");

        // An employee has no team to act for.
        let mut bo = person_client(&app, &mut admin, "bo@example.org").await;
        let refused = bo
            .json(
                "POST",
                &format!("/api/v1/rollouts/{rollout}/accept"),
                json!({}),
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);

        // Mara accepts every suggestion for her team: her reports, never
        // her own level, never anyone outside her line; Wren, with no
        // suggestion, is skipped with why.
        let mut mara = person_client(&app, &mut admin, "mara@example.org").await;
        let accepted = mara
            .json(
                "POST",
                &format!("/api/v1/rollouts/{rollout}/accept"),
                json!({}),
            )
            .await;
        assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
        let report = accepted.json();
        let done = names(&report, "done");
        assert!(
            done.contains(&"Ari Okafor".to_string()) && done.contains(&"Bo Chen".to_string()),
            "on {on}: {report}"
        );
        for outside in [
            "Mara Lind",
            "Cy Duarte",
            "Dee Park",
            "Vi Oakes",
            "Ada Admin",
        ] {
            assert!(!done.contains(&outside.to_string()), "{outside}: {report}");
        }
        assert!(
            reason_for(&report, "Wren Hale").contains("no suggested level"),
            "{report}"
        );
        for name in names(&report, "skipped") {
            assert!(
                ["Wren Hale", "Mara Lind"].contains(&name.as_str()),
                "only her line is reported: {report}"
            );
        }
        // Each proposal is audited, by Mara.
        let ari = id_of(&mut admin, "ari@example.org").await;
        let audit = backend
            .store
            .audit_of(&format!("person:{ari}"))
            .await
            .expect("audit");
        assert!(
            audit.iter().any(|a| a.action == "rollout.propose"),
            "on {on}: {audit:?}"
        );

        // Someone marked not on a ladder is not proposed for, by hand
        // either.
        let by_hand = admin
            .json(
                "POST",
                &format!("/api/v1/rollouts/{rollout}/people/{vi}/propose"),
                json!({"version": 1, "level": "engineering/senior"}),
            )
            .await;
        assert_eq!(by_hand.status, StatusCode::CONFLICT, "{}", by_hand.body);

        // HR: a filter that picks nobody changes nothing.
        let mut hr = person_client(&app, &mut admin, "dee@example.org").await;
        let nobody = hr
            .json(
                "POST",
                &format!("/api/v1/rollouts/{rollout}/accept"),
                json!({"track": "no-such-track"}),
            )
            .await;
        assert_eq!(nobody.status, StatusCode::OK, "{}", nobody.body);
        assert_eq!(names(&nobody.json(), "done"), Vec::<String>::new());
        // HR accepts the rest of the suggestions, then proposes by hand
        // for whoever had none.
        let rest = hr
            .json(
                "POST",
                &format!("/api/v1/rollouts/{rollout}/accept"),
                json!({}),
            )
            .await;
        assert_eq!(rest.status, StatusCode::OK, "{}", rest.body);
        let waiting = hr
            .get(&format!("/api/v1/rollouts/{rollout}?status=suggested"))
            .await
            .json();
        for e in waiting["entries"].as_array().expect("entries") {
            if e["not_on_ladder"] == true {
                continue;
            }
            let id = e["person"]["id"].as_i64().expect("id");
            let version = e["entry"]["version"].as_i64().expect("version");
            let r = hr
                .json(
                    "POST",
                    &format!("/api/v1/rollouts/{rollout}/people/{id}/propose"),
                    json!({"version": version, "level": "engineering/senior"}),
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        }
        // HR confirms every proposal from the page: not their own level
        // nor the administrator's, which are listed with why.
        hr.get("/app/rollout").await;
        let confirmed = hr
            .post_form(
                &format!("/app/rollouts/{rollout}/confirm-all"),
                &[("team", ""), ("manager", ""), ("track", "")],
            )
            .await;
        assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.body);
        assert!(
            confirmed.body.contains("Confirmed: 5 people; skipped 2"),
            "on {on}: {}",
            confirmed.body
        );
        assert!(
            confirmed
                .body
                .contains("your own level is confirmed by someone else")
                && confirmed.body.contains("an administrator confirms"),
            "{}",
            confirmed.body
        );
        let view = hr.get(&format!("/api/v1/rollouts/{rollout}")).await.json();
        assert_eq!(total(&view)["proposed"], 2, "on {on}: {view}");
        // The administrator confirms those two: everyone is placed or
        // excluded.
        let last = admin
            .json(
                "POST",
                &format!("/api/v1/rollouts/{rollout}/confirm-all"),
                json!({}),
            )
            .await;
        assert_eq!(last.status, StatusCode::OK, "{}", last.body);
        let mut done = names(&last.json(), "done");
        done.sort();
        assert_eq!(done, ["Ada Admin", "Dee Park"], "on {on}");
        let view = admin
            .get(&format!("/api/v1/rollouts/{rollout}"))
            .await
            .json();
        let t = total(&view);
        assert_eq!(t["total"], 8, "{t}");
        assert_eq!(t["confirmed"], 7, "{t}");
        assert_eq!(t["excluded"], 1, "{t}");
        let page = admin.get("/app/rollout").await;
        assert!(
            page.body.contains(
                "<th scope=\"row\">All</th><td>8</td><td>0</td><td>0</td><td>7</td><td>0</td><td>1</td><td>100%</td>"
            ),
            "on {on}: the total reaches 100%: {}",
            page.body
        );

        // Reversible: back on a ladder, Vi waits again and progress says so.
        let back = admin
            .post_form(&format!("/app/people/{vi}/off-ladder"), &[("off", "false")])
            .await;
        assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
        let t = total(
            &admin
                .get(&format!("/api/v1/rollouts/{rollout}"))
                .await
                .json(),
        );
        assert_eq!(
            (t["excluded"].clone(), t["suggested"].clone()),
            (json!(0), json!(1)),
            "{t}"
        );
        let audit = backend
            .store
            .audit_of(&format!("person:{vi}"))
            .await
            .expect("audit");
        let actions: Vec<&str> = audit
            .iter()
            .map(|a| a.action.as_str())
            .filter(|a| a.contains("ladder"))
            .collect();
        assert_eq!(
            actions,
            ["person.off_ladder", "person.on_ladder"],
            "on {on}"
        );

        // HR sets aside neither the administrator nor themselves.
        let tried = hr
            .json(
                "POST",
                "/api/v1/people/off-ladder",
                json!({"people": [admin_id, dee], "off": true}),
            )
            .await;
        assert_eq!(tried.status, StatusCode::OK, "{}", tried.body);
        let tried = tried.json();
        assert_eq!(names(&tried, "done"), Vec::<String>::new(), "{tried}");
        assert!(reason_for(&tried, "Ada Admin").contains("administrator"));
        assert!(reason_for(&tried, "Dee Park").contains("your own level"));
        let single = hr
            .post_form(&format!("/app/people/{dee}/off-ladder"), &[("off", "true")])
            .await;
        assert_eq!(single.status, StatusCode::FORBIDDEN, "{}", single.body);
        // An unknown person writes nothing.
        let unknown = admin
            .json(
                "POST",
                "/api/v1/people/off-ladder",
                json!({"people": [vi, 999_999], "off": true}),
            )
            .await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{}", unknown.body);
        let t = total(
            &admin
                .get(&format!("/api/v1/rollouts/{rollout}"))
                .await
                .json(),
        );
        assert_eq!(t["excluded"], 0, "nothing written: {t}");
    }
}

/// The level list of someone with no suggestion starts on no level: a
/// proposal is a choice, never the lowest level by default.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn propose_control_starts_empty_without_a_suggestion() {
    for backend in backends("propose_empty").await {
        let (_app, mut admin) = organisation_of(&backend).await;
        let rollout = open_rollout(&mut admin).await;
        let wren = id_of(&mut admin, "wren@example.org").await;
        let ari = id_of(&mut admin, "ari@example.org").await;
        let page = admin.get("/app/rollout").await;
        let select = |id: i64| {
            let at = page
                .body
                .find(&format!("<select id=\"lv-{id}\""))
                .unwrap_or_else(|| panic!("no level list for {id}: {}", page.body));
            let end = page.body[at..].find("</select>").expect("end") + at;
            page.body[at..end].to_string()
        };
        let wren_select = select(wren);
        assert!(
            wren_select.contains("<option value=\"\" selected>"),
            "{wren_select}"
        );
        assert_eq!(wren_select.matches(" selected").count(), 1, "{wren_select}");
        // A suggestion is still chosen for whoever has one.
        let ari_select = select(ari);
        assert!(
            ari_select.contains("value=\"engineering/senior\" selected"),
            "{ari_select}"
        );
        // Submitting the empty choice says what to do, and writes nothing.
        let empty = admin
            .post_form(
                &format!("/app/rollouts/{rollout}/people/{wren}/propose"),
                &[("version", "1"), ("level", ""), ("note", "")],
            )
            .await;
        assert_eq!(
            empty.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            empty.body
        );
        assert!(empty.body.contains("choose a level"), "{}", empty.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn someone_hired_after_the_rollout_opened_sees_it_with_nothing_to_do() {
    for backend in backends("rollout_newcomer").await {
        let on = backend.name;
        let (app, mut admin) = organisation_of(&backend).await;
        let rollout = open_rollout(&mut admin).await;
        let hired = format!(
            "{}nell@example.org,Nell Ames,Engineer,Platform,,2027-01-04\n",
            roster()
        );
        let imported = admin.post_csv("/api/v1/roster", &hired).await;
        assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
        let mut nell = person_client(&app, &mut admin, "nell@example.org").await;
        // The rollout is there, with no entry of hers: no counts, no rows.
        let page = nell.get("/app/rollout").await;
        assert_eq!(page.status, StatusCode::OK, "{on}: {}", page.body);
        assert!(
            page.body.contains("<h2>New ladder</h2>"),
            "{on}: {}",
            page.body
        );
        let view = nell
            .get(&format!("/api/v1/rollouts/{rollout}"))
            .await
            .json();
        assert_eq!(view["rollout"]["name"], "New ladder", "{on}: {view}");
        assert_eq!(
            view["progress"].as_array().map(Vec::len),
            Some(1),
            "{on}: {view}"
        );
        assert_eq!(total(&view)["total"], 0, "{on}: {view}");
        assert_eq!(
            view["entries"].as_array().map(Vec::len),
            Some(0),
            "{on}: {view}"
        );
        // Everyone else's counts still add up, for HR.
        let all = admin
            .get(&format!("/api/v1/rollouts/{rollout}"))
            .await
            .json();
        let teams: i64 = all["progress"]
            .as_array()
            .expect("progress")
            .iter()
            .rev()
            .skip(1)
            .map(|p| p["total"].as_i64().expect("total"))
            .sum();
        assert_eq!(total(&all)["total"].as_i64(), Some(teams), "{on}: {all}");
        assert!(teams > 0, "{on}: {all}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_sees_their_own_entry_and_a_manager_their_peoples() {
    for backend in backends("rollout_scopes").await {
        let on = backend.name;
        let (app, mut admin) = organisation_of(&backend).await;
        let rollout = open_rollout(&mut admin).await;
        let emails = |view: &Value| -> Vec<String> {
            let mut e: Vec<String> = view["entries"]
                .as_array()
                .expect("entries")
                .iter()
                .map(|p| p["person"]["email"].as_str().expect("email").to_string())
                .collect();
            e.sort();
            e
        };
        // Someone nobody reports to: their own entry only.
        let mut wren = person_client(&app, &mut admin, "wren@example.org").await;
        let view = wren
            .get(&format!("/api/v1/rollouts/{rollout}"))
            .await
            .json();
        assert_eq!(emails(&view), ["wren@example.org"], "{on}: {view}");
        // A manager: everyone below them and themselves; still after their
        // one report left (no longer active, still in their lines).
        let mut dee = person_client(&app, &mut admin, "dee@example.org").await;
        let before = emails(&dee.get(&format!("/api/v1/rollouts/{rollout}")).await.json());
        assert_eq!(before, ["cy@example.org", "dee@example.org"], "{on}");
        let without_cy = roster().replace(
            "cy@example.org,Cy Duarte,Engineer,Payments,dee@example.org,2022-02-01\n",
            "",
        );
        let left = admin
            .post_csv("/api/v1/roster?deactivate_missing=true", &without_cy)
            .await;
        assert_eq!(left.status, StatusCode::OK, "{on}: {}", left.body);
        let after = emails(&dee.get(&format!("/api/v1/rollouts/{rollout}")).await.json());
        assert_eq!(after, before, "{on}");
    }
}
