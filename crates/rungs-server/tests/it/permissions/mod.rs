//! Every route × every role: who is let through and who is refused. The
//! table must name every route the server has, so a new route cannot be
//! added without deciding who may use it.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use serde_json::json;

use crate::support::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Anonymous,
    Employee,
    Manager,
    /// The manager's manager.
    SkipLevel,
    Hr,
    Admin,
}

const ROLES: [Role; 6] = [
    Role::Anonymous,
    Role::Employee,
    Role::Manager,
    Role::SkipLevel,
    Role::Hr,
    Role::Admin,
];

/// Who may: a list of roles, or anyone (public pages, where the answer
/// depends on the input, never on who asks).
#[derive(Debug, Clone, Copy)]
enum Who {
    Public,
    Only(&'static [Role]),
}

use Role::*;
const SIGNED_IN: Who = Who::Only(&[Employee, Manager, SkipLevel, Hr, Admin]);
const TEAM: Who = Who::Only(&[Manager, SkipLevel, Hr, Admin]);
/// Ari's manager and those above her (goals), not HR as such.
const LINE: Who = Who::Only(&[Manager, SkipLevel]);
/// The manager assessing Ari, only.
const ASSESSOR: Who = Who::Only(&[Manager]);
const HR: Who = Who::Only(&[Hr, Admin]);
/// Nobody, in the state the table's data is in: a draft case has no
/// committee yet; `/metrics` answers only the bearer of the metrics token
/// (never a person's session or API token), and none is configured here.
const NOBODY: Who = Who::Only(&[]);
/// The colleague a feedback request asks (Bo, the employee).
const ASKED: Who = Who::Only(&[Employee]);
const ADMIN: Who = Who::Only(&[Admin]);
/// Nobody signed in: an administrator's `scim` token only (see `scim.rs`).
const PROVISIONING: Who = Who::Only(&[]);

enum Body {
    None,
    Form(&'static [(&'static str, &'static str)]),
    Json(serde_json::Value),
    Csv(&'static str),
    Multipart,
}

struct Case {
    method: &'static str,
    /// The route as the router has it.
    route: &'static str,
    /// The request path: `{ari}` (a manager's report; a peer of the
    /// employee), `{cy}` (someone else's report), `{me}`, `{rollout}`,
    /// `{token}`, `{assessment}` (Ari's, assessed by her manager), `{mine}`
    /// (the caller's own assessment), `{goal}` (one of Ari's), `{cycle}`
    /// are filled in.
    path: &'static str,
    body: Body,
    who: Who,
}

/// One row of the table.
fn c(method: &'static str, route: &'static str, path: &'static str, body: Body, who: Who) -> Case {
    Case {
        method,
        route,
        path,
        body,
        who,
    }
}

mod confirmations;
mod people_work;
mod privileged;

fn cases() -> Vec<Case> {
    let person_form: &'static [(&str, &str)] = &[
        ("version", "1"),
        ("name", "Ari Okafor"),
        ("email", "ari@example.org"),
        ("job_title", "Senior Engineer"),
    ];
    let mut all = vec![
        c(
            "GET",
            "/app/assets/app.css",
            "/app/assets/app.css",
            Body::None,
            Who::Public,
        ),
        c("GET", "/app/login", "/app/login", Body::None, Who::Public),
        c("GET", "/healthz", "/healthz", Body::None, Who::Public),
        c("GET", "/readyz", "/readyz", Body::None, Who::Public),
        c("GET", "/metrics", "/metrics", Body::None, NOBODY),
        c(
            "POST",
            "/app/login",
            "/app/login",
            Body::Form(&[("email", "x@example.org"), ("password", "not it at all")]),
            Who::Public,
        ),
        c(
            "GET",
            "/app/setup",
            "/app/setup?token=nope",
            Body::None,
            Who::Public,
        ),
        c(
            "POST",
            "/app/setup",
            "/app/setup",
            Body::Form(&[("token", "nope"), ("password", "long enough password")]),
            Who::Public,
        ),
        c(
            "GET",
            "/app/reset",
            "/app/reset?token=nope",
            Body::None,
            Who::Public,
        ),
        c(
            "POST",
            "/app/reset",
            "/app/reset",
            Body::Form(&[("token", "nope"), ("password", "long enough password")]),
            Who::Public,
        ),
        c(
            "GET",
            "/app/oidc/start",
            "/app/oidc/start",
            Body::None,
            Who::Public,
        ),
        c(
            "GET",
            "/app/oidc/callback",
            "/app/oidc/callback?code=c&state=s",
            Body::None,
            Who::Public,
        ),
        c(
            "GET",
            "/api/v1/openapi.json",
            "/api/v1/openapi.json",
            Body::None,
            Who::Public,
        ),
        c("GET", "/app", "/app", Body::None, SIGNED_IN),
        c("GET", "/app/people", "/app/people", Body::None, SIGNED_IN),
        c(
            "POST",
            "/app/people",
            "/app/people",
            Body::Form(&[("name", "New Person"), ("email", "new@example.org")]),
            HR,
        ),
        c("GET", "/app/people/new", "/app/people/new", Body::None, HR),
        c(
            "GET",
            "/app/people/{id}",
            "/app/people/{ari}",
            Body::None,
            TEAM,
        ),
        c(
            "POST",
            "/app/people/{id}",
            "/app/people/{ari}",
            Body::Form(person_form),
            HR,
        ),
        c(
            "POST",
            "/app/people/{id}/placements",
            "/app/people/{ari}/placements",
            Body::Form(&[("level", "engineering/senior"), ("reason", "correction")]),
            HR,
        ),
        c(
            "POST",
            "/app/people/{id}/reset-link",
            "/app/people/{ari}/reset-link",
            Body::None,
            ADMIN,
        ),
        c("GET", "/app/roster", "/app/roster", Body::None, HR),
        c("POST", "/app/roster", "/app/roster", Body::Multipart, HR),
        c("GET", "/app/rollout", "/app/rollout", Body::None, SIGNED_IN),
        c(
            "POST",
            "/app/rollouts",
            "/app/rollouts",
            Body::Form(&[("name", "Another")]),
            HR,
        ),
        c(
            "POST",
            "/app/rollouts/{id}/people/{person}/propose",
            "/app/rollouts/{rollout}/people/{ari}/propose",
            Body::Form(&[("version", "1"), ("level", "engineering/senior")]),
            TEAM,
        ),
        c(
            "POST",
            "/app/rollouts/{id}/people/{person}/confirm",
            "/app/rollouts/{rollout}/people/{ari}/confirm",
            Body::Form(&[("version", "1")]),
            HR,
        ),
        c(
            "POST",
            "/app/rollouts/{id}/people/{person}/acknowledge",
            "/app/rollouts/{rollout}/people/{me}/acknowledge",
            Body::Form(&[("version", "1")]),
            SIGNED_IN,
        ),
        c("GET", "/app/audit", "/app/audit", Body::None, ADMIN),
        c("GET", "/app/framework", "/app/framework", Body::None, ADMIN),
        c(
            "POST",
            "/app/framework/reload",
            "/app/framework/reload",
            Body::None,
            ADMIN,
        ),
        c("GET", "/app/impact", "/app/impact", Body::None, HR),
        c(
            "GET",
            "/app/impact/health.csv",
            "/app/impact/health.csv",
            Body::None,
            HR,
        ),
        c(
            "GET",
            "/api/v1/framework/impact",
            "/api/v1/framework/impact",
            Body::None,
            HR,
        ),
        c(
            "POST",
            "/api/v1/framework/impact",
            "/api/v1/framework/impact",
            Body::Json(json!({"old": {}, "new": {}})),
            HR,
        ),
        c(
            "GET",
            "/api/v1/framework/health",
            "/api/v1/framework/health",
            Body::None,
            HR,
        ),
        c("GET", "/app/tokens", "/app/tokens", Body::None, SIGNED_IN),
        c(
            "POST",
            "/app/tokens",
            "/app/tokens",
            Body::Form(&[("name", "t"), ("scope", "read")]),
            SIGNED_IN,
        ),
        c(
            "POST",
            "/app/tokens/{id}/revoke",
            "/app/tokens/{token}/revoke",
            Body::None,
            SIGNED_IN,
        ),
        c(
            "GET",
            "/app/join",
            "/app/join?token=nope",
            Body::None,
            Who::Public,
        ),
        c(
            "POST",
            "/app/join",
            "/app/join",
            Body::Form(&[("token", "nope"), ("password", "long enough password")]),
            Who::Public,
        ),
        c("GET", "/app/account", "/app/account", Body::None, SIGNED_IN),
        c(
            "POST",
            "/app/account",
            "/app/account",
            Body::Form(&[("notify", "event")]),
            SIGNED_IN,
        ),
        c("GET", "/api/v1/todo", "/api/v1/todo", Body::None, SIGNED_IN),
        c(
            "GET",
            "/app/invitations",
            "/app/invitations",
            Body::None,
            HR,
        ),
        c(
            "POST",
            "/app/invitations",
            "/app/invitations",
            Body::Form(&[("everyone", "1")]),
            HR,
        ),
        c(
            "GET",
            "/api/v1/invitations",
            "/api/v1/invitations",
            Body::None,
            HR,
        ),
        c(
            "POST",
            "/api/v1/invitations",
            "/api/v1/invitations",
            Body::Json(json!({"everyone": true})),
            HR,
        ),
        c("GET", "/api/v1/me", "/api/v1/me", Body::None, SIGNED_IN),
        c(
            "PUT",
            "/api/v1/me/language",
            "/api/v1/me/language",
            Body::Json(json!({"language": null})),
            SIGNED_IN,
        ),
        c(
            "GET",
            "/api/v1/levels",
            "/api/v1/levels",
            Body::None,
            SIGNED_IN,
        ),
        c(
            "GET",
            "/api/v1/people",
            "/api/v1/people",
            Body::None,
            SIGNED_IN,
        ),
        c(
            "POST",
            "/api/v1/people",
            "/api/v1/people",
            Body::Json(json!({"name": "API Person", "email": "api@example.org"})),
            HR,
        ),
        c(
            "GET",
            "/api/v1/people/{id}",
            "/api/v1/people/{ari}",
            Body::None,
            TEAM,
        ),
        c(
            "PUT",
            "/api/v1/people/{id}",
            "/api/v1/people/{ari}",
            Body::Json(json!({"version": 1, "name": "Ari Okafor", "email": "ari@example.org"})),
            HR,
        ),
        c(
            "GET",
            "/api/v1/people/{id}/placements",
            "/api/v1/people/{ari}/placements",
            Body::None,
            TEAM,
        ),
        c(
            "POST",
            "/api/v1/people/{id}/placements",
            "/api/v1/people/{ari}/placements",
            Body::Json(json!({"track": "engineering", "level": "senior", "reason": "correction"})),
            HR,
        ),
        c(
            "GET",
            "/api/v1/people/{id}/export",
            "/api/v1/people/{ari}/export",
            Body::None,
            HR,
        ),
        c(
            "POST",
            "/api/v1/roster",
            "/api/v1/roster?dry_run=true",
            Body::Csv(ROSTER),
            HR,
        ),
        c(
            "GET",
            "/api/v1/rollouts",
            "/api/v1/rollouts",
            Body::None,
            SIGNED_IN,
        ),
        c(
            "POST",
            "/api/v1/rollouts",
            "/api/v1/rollouts",
            Body::Json(json!({"name": "Another"})),
            HR,
        ),
        c(
            "GET",
            "/api/v1/rollouts/{id}",
            "/api/v1/rollouts/{rollout}",
            Body::None,
            SIGNED_IN,
        ),
        c(
            "POST",
            "/api/v1/rollouts/{id}/people/{person}/propose",
            "/api/v1/rollouts/{rollout}/people/{ari}/propose",
            Body::Json(json!({"version": 1, "level": "engineering/senior"})),
            TEAM,
        ),
        c(
            "POST",
            "/api/v1/rollouts/{id}/people/{person}/confirm",
            "/api/v1/rollouts/{rollout}/people/{ari}/confirm",
            Body::Json(json!({"version": 1})),
            HR,
        ),
        c(
            "POST",
            "/api/v1/rollouts/{id}/people/{person}/acknowledge",
            "/api/v1/rollouts/{rollout}/people/{me}/acknowledge",
            Body::Json(json!({"version": 1})),
            SIGNED_IN,
        ),
        c("GET", "/api/v1/audit", "/api/v1/audit", Body::None, ADMIN),
        c(
            "GET",
            "/api/v1/audit/verify",
            "/api/v1/audit/verify",
            Body::None,
            ADMIN,
        ),
        c(
            "POST",
            "/api/v1/framework/reload",
            "/api/v1/framework/reload",
            Body::None,
            ADMIN,
        ),
        c(
            "POST",
            "/app/people/{id}/unlink-identity",
            "/app/people/{ari}/unlink-identity",
            Body::None,
            ADMIN,
        ),
        // Someone else's report, for a manager: not found.
        c(
            "GET",
            "/app/people/{id}",
            "/app/people/{cy}",
            Body::None,
            HR,
        ),
        c(
            "GET",
            "/api/v1/people/{id}/placements",
            "/api/v1/people/{cy}/placements",
            Body::None,
            HR,
        ),
        c(
            "POST",
            "/api/v1/rollouts/{id}/people/{person}/propose",
            "/api/v1/rollouts/{rollout}/people/{cy}/propose",
            Body::Json(json!({"version": 1, "level": "engineering/senior"})),
            HR,
        ),
        // Acknowledging is for the person only.
        c(
            "POST",
            "/api/v1/rollouts/{id}/people/{person}/acknowledge",
            "/api/v1/rollouts/{rollout}/people/{ari}/acknowledge",
            Body::Json(json!({"version": 1})),
            Who::Only(&[]),
        ),
    ];
    all.extend(people_work::cases());
    all.extend(vec![]);
    all.extend(confirmations::cases());
    all.extend(vec![
        // Last: these change what the cases above need.
        c(
            "POST",
            "/api/v1/calibrations/{id}/close",
            "/api/v1/calibrations/{session}/close",
            Body::Json(json!({})),
            HR,
        ),
        c(
            "POST",
            "/app/cycles/{id}/close",
            "/app/cycles/{cycle}/close",
            Body::None,
            HR,
        ),
        c(
            "POST",
            "/app/cycles/{id}/remind",
            "/app/cycles/{cycle}/remind",
            Body::None,
            HR,
        ),
        c("GET", "/api/v1/cycles", "/api/v1/cycles", Body::None, HR),
        c(
            "POST",
            "/api/v1/cycles",
            "/api/v1/cycles",
            Body::Json(json!({"name": "Autumn", "target": "own"})),
            HR,
        ),
        c(
            "GET",
            "/api/v1/cycles/{id}",
            "/api/v1/cycles/{cycle}",
            Body::None,
            HR,
        ),
        c(
            "POST",
            "/api/v1/cycles/{id}/remind",
            "/api/v1/cycles/{cycle}/remind",
            Body::Json(json!({})),
            HR,
        ),
        c(
            "POST",
            "/api/v1/cycles/{id}/close",
            "/api/v1/cycles/{cycle}/close",
            Body::Json(json!({})),
            HR,
        ),
        c(
            "POST",
            "/app/rollouts/{id}/accept",
            "/app/rollouts/{rollout}/accept",
            Body::Form(&[("team", "Payments")]),
            TEAM,
        ),
        c(
            "POST",
            "/app/rollouts/{id}/confirm-all",
            "/app/rollouts/{rollout}/confirm-all",
            Body::Form(&[("team", "Payments")]),
            HR,
        ),
        c(
            "POST",
            "/app/people/{id}/off-ladder",
            "/app/people/{cy}/off-ladder",
            Body::Form(&[("off", "false")]),
            HR,
        ),
        c(
            "POST",
            "/api/v1/rollouts/{id}/accept",
            "/api/v1/rollouts/{rollout}/accept",
            Body::Json(json!({"team": "Payments"})),
            TEAM,
        ),
        c(
            "POST",
            "/api/v1/rollouts/{id}/confirm-all",
            "/api/v1/rollouts/{rollout}/confirm-all",
            Body::Json(json!({"team": "Payments"})),
            HR,
        ),
        c(
            "POST",
            "/api/v1/people/off-ladder",
            "/api/v1/people/off-ladder",
            Body::Json(json!({"people": [], "off": false})),
            HR,
        ),
        c(
            "POST",
            "/app/rollouts/{id}/close",
            "/app/rollouts/{rollout}/close",
            Body::None,
            HR,
        ),
        c(
            "POST",
            "/app/people/{id}/anonymise",
            "/app/people/{cy}/anonymise",
            Body::None,
            ADMIN,
        ),
        c(
            "GET",
            "/scim/v2/Users",
            "/scim/v2/Users",
            Body::None,
            PROVISIONING,
        ),
        c(
            "POST",
            "/scim/v2/Users",
            "/scim/v2/Users",
            Body::Json(json!({"userName": "new@example.org", "displayName": "New Person"})),
            PROVISIONING,
        ),
        c(
            "GET",
            "/scim/v2/Users/{id}",
            "/scim/v2/Users/{ari}",
            Body::None,
            PROVISIONING,
        ),
        c(
            "PUT",
            "/scim/v2/Users/{id}",
            "/scim/v2/Users/{ari}",
            Body::Json(json!({"userName": "ari@example.org", "displayName": "Ari Okafor"})),
            PROVISIONING,
        ),
        c(
            "PATCH",
            "/scim/v2/Users/{id}",
            "/scim/v2/Users/{ari}",
            Body::Json(json!({
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{"op": "replace", "path": "active", "value": false}],
            })),
            PROVISIONING,
        ),
        c(
            "DELETE",
            "/scim/v2/Users/{id}",
            "/scim/v2/Users/{ari}",
            Body::Json(json!({})),
            PROVISIONING,
        ),
        c(
            "GET",
            "/scim/v2/Groups",
            "/scim/v2/Groups",
            Body::None,
            PROVISIONING,
        ),
        c(
            "GET",
            "/scim/v2/Groups/{id}",
            "/scim/v2/Groups/1",
            Body::None,
            PROVISIONING,
        ),
        c(
            "GET",
            "/scim/v2/ServiceProviderConfig",
            "/scim/v2/ServiceProviderConfig",
            Body::None,
            PROVISIONING,
        ),
        c(
            "GET",
            "/scim/v2/Schemas",
            "/scim/v2/Schemas",
            Body::None,
            PROVISIONING,
        ),
        c(
            "GET",
            "/scim/v2/ResourceTypes",
            "/scim/v2/ResourceTypes",
            Body::None,
            PROVISIONING,
        ),
        c(
            "POST",
            "/app/logout",
            "/app/logout",
            Body::None,
            Who::Public,
        ),
    ]);
    all
}

/// The API routes of the table, as (method, route).
pub fn api_routes() -> BTreeSet<(String, String)> {
    cases()
        .into_iter()
        .filter(|c| c.route.starts_with("/api/"))
        .map(|c| (c.method.to_string(), c.route.to_string()))
        .collect()
}

#[test]
fn the_table_names_every_route() {
    let served: BTreeSet<&str> = rungs_server::route_table().into_iter().collect();
    let tested: BTreeSet<&str> = cases().iter().map(|c| c.route).collect();
    let untested: Vec<_> = served.difference(&tested).collect();
    let unknown: Vec<_> = tested.difference(&served).collect();
    assert!(
        untested.is_empty(),
        "routes with no permission case: {untested:?}"
    );
    assert!(
        unknown.is_empty(),
        "cases for routes that do not exist: {unknown:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_for_every_role() {
    let mut failures = Vec::new();
    for role in ROLES {
        let backend = sqlite().await;
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        // Mara reports to Sky, a skip-level manager of Ari and Bo.
        let roster = ROSTER.replace(
            "mara@example.org,Mara Lind,Engineering Manager,Platform,,",
            "mara@example.org,Mara Lind,Engineering Manager,Platform,sky@example.org,",
        ) + "sky@example.org,Sky Rivera,Director of Engineering,Platform,,2018-01-01\n";
        let imported = admin.post_csv("/api/v1/roster", &roster).await;
        assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
        make_dee_hr(&mut admin).await;
        admin
            .post_form("/app/rollouts", &[("name", "New ladder")])
            .await;
        let rollout = admin.get("/api/v1/rollouts").await.json()[0]["id"]
            .as_i64()
            .expect("rollout");
        let ari = id_of(&mut admin, "ari@example.org").await;
        let cy = id_of(&mut admin, "cy@example.org").await;
        let mut client = match role {
            Anonymous => Client::new(&app),
            Employee => person_client(&app, &mut admin, "bo@example.org").await,
            Manager => person_client(&app, &mut admin, "mara@example.org").await,
            SkipLevel => person_client(&app, &mut admin, "sky@example.org").await,
            Hr => person_client(&app, &mut admin, "dee@example.org").await,
            Admin => admin.clone(),
        };
        let me = match role {
            Anonymous => 0,
            _ => client.get("/api/v1/me").await.json()["person"]["id"]
                .as_i64()
                .expect("me"),
        };
        let token_id = if role == Anonymous {
            1
        } else {
            let page = client
                .post_form("/app/tokens", &[("name", "mine"), ("scope", "read")])
                .await;
            page.body
                .split("/app/tokens/")
                .nth(1)
                .and_then(|s| s.split('/').next())
                .and_then(|s| s.parse().ok())
                .expect("token id")
        };
        // Ari's assessment (assessed by Mara), one of her goals, a cycle,
        // and the caller's own assessment.
        let opened = open_assessment(&mut admin, ari, "engineering", "senior").await;
        assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
        let opened = opened.json();
        let assessment = opened["assessment"]["id"].as_i64().expect("assessment");
        let statement = opened["areas"][0]["rows"][0]["statement_id"]
            .as_str()
            .expect("statement")
            .to_string();
        let mut mara = match role {
            Manager => client.clone(),
            _ => person_client(&app, &mut admin, "mara@example.org").await,
        };
        let goal = mara
            .post_form(
                &format!("/app/people/{ari}/goals"),
                &[
                    ("statement", &format!("engineering/senior/{statement}")),
                    ("goal", "Lead a design review"),
                ],
            )
            .await;
        assert_eq!(goal.status, StatusCode::SEE_OTHER, "{}", goal.body);
        let goal = mara
            .get(&format!("/api/v1/people/{ari}/growth"))
            .await
            .json()["goals"][0]["id"]
            .as_i64()
            .expect("goal");
        let cycles = admin
            .post_form("/app/cycles", &[("name", "Spring"), ("target", "own")])
            .await;
        let cycle: i64 = cycles
            .body
            .split("/app/cycles/")
            .nth(1)
            .and_then(|s| s.split('/').next())
            .and_then(|s| s.parse().ok())
            .expect("cycle id");
        // A draft promotion case for Ari, a feedback request asked of Bo,
        // a calibration session the administrator chairs.
        let promotion = admin
            .json(
                "POST",
                &format!("/api/v1/people/{ari}/promotions"),
                json!({"track": "engineering", "level": "staff"}),
            )
            .await;
        assert_eq!(promotion.status, StatusCode::OK, "{}", promotion.body);
        let promotion = promotion.json()["case"]["id"].as_i64().expect("case");
        let feedback = admin
            .json(
                "POST",
                &format!("/api/v1/promotions/{promotion}/feedback"),
                json!({"peer": "bo@example.org", "about": ["craft"]}),
            )
            .await;
        assert_eq!(feedback.status, StatusCode::OK, "{}", feedback.body);
        let feedback = feedback.json()["id"].as_i64().expect("feedback");
        let session = admin
            .json(
                "POST",
                "/api/v1/calibrations",
                json!({"name": "Spring", "chair": "ada@example.org"}),
            )
            .await;
        assert_eq!(session.status, StatusCode::OK, "{}", session.body);
        let session = session.json()["id"].as_i64().expect("session");
        let mine = if role == Anonymous {
            0
        } else {
            let r = open_assessment(&mut client, me, "engineering", "staff").await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.body);
            r.json()["assessment"]["id"].as_i64().expect("mine")
        };
        for case in cases() {
            let path = case
                .path
                .replace("{ari}", &ari.to_string())
                .replace("{cy}", &cy.to_string())
                .replace("{me}", &me.to_string())
                .replace("{rollout}", &rollout.to_string())
                .replace("{token}", &token_id.to_string())
                .replace("{assessment}", &assessment.to_string())
                .replace("{mine}", &mine.to_string())
                .replace("{goal}", &goal.to_string())
                .replace("{cycle}", &cycle.to_string())
                .replace("{case}", &promotion.to_string())
                .replace("{feedback}", &feedback.to_string())
                .replace("{session}", &session.to_string());
            // Each request shows the page's CSRF token first, as a browser would.
            if role != Anonymous {
                client.get("/app").await;
            }
            let response = match &case.body {
                Body::None if case.method == "GET" => client.get(&path).await,
                Body::None => client.post_form(&path, &[]).await,
                Body::Form(fields) => client.post_form(&path, fields).await,
                Body::Json(value) => client.json(case.method, &path, value.clone()).await,
                Body::Csv(csv) => client.post_csv(&path, csv).await,
                Body::Multipart => {
                    client
                        .post_multipart(&path, &[("dry_run", "true")], ROSTER)
                        .await
                }
            };
            let to_login = response
                .location
                .as_deref()
                .is_some_and(|l| l.starts_with("/app/login"));
            let denied = matches!(
                response.status,
                StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
            ) || (to_login && !matches!(case.route, "/app/logout" | "/app/login"));
            // A refused CSRF token is a broken test, never "allowed".
            let server_error =
                response.status.is_server_error() || response.body.contains("CSRF token");
            let ok = match case.who {
                Who::Public => !server_error && response.status != StatusCode::FORBIDDEN,
                Who::Only(roles) => !server_error && denied != roles.contains(&role),
            };
            if !ok {
                failures.push(format!(
                    "{role:?} {} {path}: {} (expected {})\n    {}",
                    case.method,
                    response.status,
                    match case.who {
                        Who::Public => "anyone".to_string(),
                        Who::Only(r) if r.contains(&role) => "allowed".to_string(),
                        Who::Only(_) => "refused".to_string(),
                    },
                    response.body.chars().take(200).collect::<String>()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} permission failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Gives Dee Park (of the roster) the HR role; her id.
async fn make_dee_hr(admin: &mut Client) -> i64 {
    let dee = id_of(admin, "dee@example.org").await;
    let made_hr = admin
        .json(
            "PUT",
            &format!("/api/v1/people/{dee}"),
            json!({"version": 1, "name": "Dee Park", "email": "dee@example.org", "role": "hr"}),
        )
        .await;
    assert_eq!(made_hr.status, StatusCode::OK, "{}", made_hr.body);
    dee
}
