//! SCIM provisioning as an identity provider drives it (RFC 7644): create,
//! find by userName, set the manager, deactivate (the person's session and
//! tokens stop at once), reactivate, replace, delete; with an
//! administrator's `scim` token only; on both databases.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

use crate::support::*;

const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH_OP: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ERROR: &str = "urn:ietf:params:scim:api:messages:2.0:Error";

/// A SCIM call as providers make it: `application/scim+json`.
async fn scim(client: &mut Client, method: &str, path: &str, body: Option<Value>) -> Response {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/scim+json")
        .header(header::ACCEPT, "application/scim+json")
        .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
        .expect("request");
    client.send(request).await
}

/// Makes an API token from the app's token page; its secret.
pub async fn make_token(client: &mut Client, scope: &str) -> Response {
    client.get("/app/tokens").await;
    client
        .post_form("/app/tokens", &[("name", "idp"), ("scope", scope)])
        .await
}

fn secret(page: &Response) -> String {
    page.body
        .split("<code class=\"app-secret\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap_or_else(|| panic!("no secret: {}", page.body))
        .to_string()
}

fn patch(ops: Value) -> Value {
    json!({"schemas": [PATCH_OP], "Operations": ops})
}

fn assert_scim_error(r: &Response, status: StatusCode, scim_type: Option<&str>) {
    assert_eq!(r.status, status, "{}", r.body);
    let body = r.json();
    assert_eq!(body["schemas"][0], ERROR, "{body}");
    assert_eq!(body["status"], status.as_u16().to_string(), "{body}");
    if let Some(t) = scim_type {
        assert_eq!(body["scimType"], t, "{body}");
    }
    assert!(body["detail"].as_str().is_some_and(|d| !d.is_empty()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_identity_provider_keeps_the_roster_current() {
    for backend in backends("scim").await {
        let on = backend.name;
        let (app, token) = start(backend.store.clone(), config()).await;
        let mut admin = admin(&app, &token).await;
        let imported = admin.post_csv("/api/v1/roster", ROSTER).await;
        assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
        let mara = id_of(&mut admin, "mara@example.org").await;

        // Only an administrator makes a provisioning token.
        let dee = id_of(&mut admin, "dee@example.org").await;
        let made_hr = admin
            .json(
                "PUT",
                &format!("/api/v1/people/{dee}"),
                json!({"version": 1, "name": "Dee Park", "email": "dee@example.org", "role": "hr"}),
            )
            .await;
        assert_eq!(made_hr.status, StatusCode::OK, "{}", made_hr.body);
        let mut hr = person_client(&app, &mut admin, "dee@example.org").await;
        let refused = make_token(&mut hr, "scim").await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
        let made = make_token(&mut admin, "scim").await;
        assert_eq!(made.status, StatusCode::OK, "{}", made.body);
        let mut idp = Client::new(&app);
        idp.bearer = Some(secret(&made));

        // Discovery.
        let config = scim(&mut idp, "GET", "/scim/v2/ServiceProviderConfig", None).await;
        assert_eq!(config.status, StatusCode::OK, "{}", config.body);
        assert_eq!(
            config.headers[header::CONTENT_TYPE],
            "application/scim+json"
        );
        assert_eq!(config.json()["patch"]["supported"], true);
        let schemas = scim(&mut idp, "GET", "/scim/v2/Schemas", None).await.json();
        assert_eq!(schemas["totalResults"], 3, "{schemas}");
        let types = scim(&mut idp, "GET", "/scim/v2/ResourceTypes", None)
            .await
            .json();
        assert_eq!(
            types["Resources"][0]["schemaExtensions"][0]["schema"],
            ENTERPRISE
        );

        // Is Zoe here? Not yet: create her.
        let find = "/scim/v2/Users?filter=userName%20eq%20%22zoe%40example.org%22";
        let none = scim(&mut idp, "GET", find, None).await;
        assert_eq!(none.status, StatusCode::OK, "{}", none.body);
        assert_eq!(none.json()["totalResults"], 0);
        let zoe_user = json!({
            "schemas": [USER, ENTERPRISE],
            "userName": "zoe@example.org",
            "name": {"givenName": "Zoe", "familyName": "Marsh"},
            "displayName": "Zoe Marsh",
            "title": "Senior Engineer",
            "active": true,
            "emails": [{"value": "zoe@example.org", "type": "work", "primary": true}],
            ENTERPRISE: {"department": "Platform"},
        });
        let created = scim(&mut idp, "POST", "/scim/v2/Users", Some(zoe_user.clone())).await;
        assert_eq!(
            created.status,
            StatusCode::CREATED,
            "on {on}: {}",
            created.body
        );
        let zoe_json = created.json();
        let zoe_id = zoe_json["id"].as_str().expect("id").to_string();
        let zoe: i64 = zoe_id.parse().expect("numeric id");
        assert_eq!(zoe_json["name"]["formatted"], "Zoe Marsh");
        assert!(
            created
                .headers
                .get(header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .is_some_and(|l| l.ends_with(&format!("/scim/v2/Users/{zoe_id}"))),
            "{:?}",
            created.headers
        );
        let again = scim(&mut idp, "POST", "/scim/v2/Users", Some(zoe_user)).await;
        assert_scim_error(&again, StatusCode::CONFLICT, Some("uniqueness"));
        let found = scim(&mut idp, "GET", find, None).await.json();
        assert_eq!(found["totalResults"], 1, "{found}");
        assert_eq!(found["Resources"][0]["id"], zoe_id.as_str());
        // Pages count from 1.
        let paged = scim(&mut idp, "GET", "/scim/v2/Users?startIndex=2&count=2", None)
            .await
            .json();
        assert_eq!(paged["totalResults"], 7, "{paged}");
        assert_eq!(paged["startIndex"], 2);
        assert_eq!(paged["itemsPerPage"], 2);
        let bad = scim(
            &mut idp,
            "GET",
            "/scim/v2/Users?filter=title%20sw%20%22S%22",
            None,
        )
        .await;
        assert_scim_error(&bad, StatusCode::BAD_REQUEST, Some("invalidFilter"));

        // Her manager, through the enterprise extension.
        let managed = scim(
            &mut idp,
            "PATCH",
            &format!("/scim/v2/Users/{zoe_id}"),
            Some(patch(json!([{
                "op": "replace",
                "path": format!("{ENTERPRISE}:manager"),
                "value": {"value": mara.to_string()},
            }]))),
        )
        .await;
        assert_eq!(managed.status, StatusCode::OK, "{}", managed.body);
        assert_eq!(
            managed.json()[ENTERPRISE]["manager"]["value"],
            mara.to_string()
        );
        let record = admin.get(&format!("/api/v1/people/{zoe}")).await.json();
        assert_eq!(record["manager"]["id"], mara, "{record}");
        let unknown = scim(
            &mut idp,
            "PATCH",
            &format!("/scim/v2/Users/{zoe_id}"),
            Some(patch(json!([
                {"op": "replace", "path": "title", "value": "Staff Engineer"},
                {"op": "replace", "path": "nickName", "value": "Z"},
            ]))),
        )
        .await;
        assert_scim_error(&unknown, StatusCode::BAD_REQUEST, Some("invalidPath"));
        let still = scim(&mut idp, "GET", &format!("/scim/v2/Users/{zoe_id}"), None)
            .await
            .json();
        assert_eq!(
            still["title"], "Senior Engineer",
            "nothing applied: {still}"
        );

        // Zoe signs in and makes a token; deactivated, both stop at once.
        let mut zoe_session = person_client(&app, &mut admin, "zoe@example.org").await;
        let zoe_token = secret(&make_token(&mut zoe_session, "read").await);
        let mut zoe_script = Client::new(&app);
        zoe_script.bearer = Some(zoe_token);
        assert_eq!(zoe_script.get("/api/v1/me").await.status, StatusCode::OK);
        let off = scim(
            &mut idp,
            "PATCH",
            &format!("/scim/v2/Users/{zoe_id}"),
            // Entra ID's form: a capitalised op and a string boolean.
            Some(patch(
                json!([{"op": "Replace", "path": "active", "value": "False"}]),
            )),
        )
        .await;
        assert_eq!(off.status, StatusCode::OK, "{}", off.body);
        assert_eq!(off.json()["active"], false);
        let home = zoe_session.get("/app").await;
        assert!(
            home.location
                .as_deref()
                .is_some_and(|l| l.starts_with("/app/login")),
            "on {on}: a deactivated session stops: {} {:?}",
            home.status,
            home.location
        );
        assert_eq!(
            zoe_script.get("/api/v1/me").await.status,
            StatusCode::UNAUTHORIZED,
            "and her token"
        );
        // Reactivated (Okta's form: no path), she signs in again.
        let on_again = scim(
            &mut idp,
            "PATCH",
            &format!("/scim/v2/Users/{zoe_id}"),
            Some(patch(json!([{"op": "replace", "value": {"active": true}}]))),
        )
        .await;
        assert_eq!(on_again.status, StatusCode::OK, "{}", on_again.body);
        let mut back = Client::new(&app);
        back.sign_in("zoe@example.org", PASSWORD).await;

        // A replacement is the whole resource: no manager given, none kept.
        let replaced = scim(
            &mut idp,
            "PUT",
            &format!("/scim/v2/Users/{zoe_id}"),
            Some(json!({
                "schemas": [USER],
                "userName": "zoe@example.org",
                "name": {"formatted": "Zoe Marsh-Lind"},
                "title": "Staff Engineer",
                "active": true,
            })),
        )
        .await;
        assert_eq!(replaced.status, StatusCode::OK, "{}", replaced.body);
        let replaced = replaced.json();
        assert_eq!(replaced["title"], "Staff Engineer");
        assert_eq!(replaced["displayName"], "Zoe Marsh-Lind");
        assert!(replaced[ENTERPRISE].get("manager").is_none(), "{replaced}");

        // Deleting deactivates: the record and its history stay.
        let deleted = scim(
            &mut idp,
            "DELETE",
            &format!("/scim/v2/Users/{zoe_id}"),
            None,
        )
        .await;
        assert_eq!(deleted.status, StatusCode::NO_CONTENT, "{}", deleted.body);
        let gone = scim(&mut idp, "GET", &format!("/scim/v2/Users/{zoe_id}"), None)
            .await
            .json();
        assert_eq!(gone["active"], false, "{gone}");
        let missing = scim(&mut idp, "GET", "/scim/v2/Users/999999", None).await;
        assert_scim_error(&missing, StatusCode::NOT_FOUND, None);

        // Teams are groups.
        let groups = scim(&mut idp, "GET", "/scim/v2/Groups", None).await.json();
        let platform = groups["Resources"]
            .as_array()
            .expect("groups")
            .iter()
            .find(|g| g["displayName"] == "Platform")
            .cloned()
            .expect("Platform");
        assert!(
            platform["members"]
                .as_array()
                .expect("members")
                .iter()
                .any(|m| m["display"] == "Ari Okafor"),
            "{platform}"
        );
        let one = scim(
            &mut idp,
            "GET",
            "/scim/v2/Groups?filter=displayName%20eq%20%22Payments%22",
            None,
        )
        .await
        .json();
        assert_eq!(one["totalResults"], 1, "{one}");
        let group_id = one["Resources"][0]["id"].as_str().expect("id").to_string();
        let group = scim(
            &mut idp,
            "GET",
            &format!("/scim/v2/Groups/{group_id}"),
            None,
        )
        .await;
        assert_eq!(group.status, StatusCode::OK, "{}", group.body);

        // Every change is audited, naming the token.
        let audit = backend
            .store
            .audit_of(&format!("person:{zoe}"))
            .await
            .expect("audit");
        let by_token: Vec<&str> = audit
            .iter()
            .filter(|a| a.actor.starts_with("token:"))
            .map(|a| a.action.as_str())
            .collect();
        assert_eq!(by_token.first(), Some(&"person.create"), "{audit:?}");
        assert!(by_token.len() >= 5, "on {on}: {by_token:?}");

        // The token provisions and does nothing else; nothing else provisions.
        let mut scim_elsewhere = idp.clone();
        assert_eq!(
            scim_elsewhere.get("/api/v1/me").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            scim_elsewhere.get("/app").await.status,
            StatusCode::FORBIDDEN
        );
        let write = secret(&make_token(&mut admin, "write").await);
        let mut ordinary = Client::new(&app);
        ordinary.bearer = Some(write);
        let r = scim(&mut ordinary, "GET", "/scim/v2/Users", None).await;
        assert_scim_error(&r, StatusCode::FORBIDDEN, None);
        let r = scim(&mut admin, "GET", "/scim/v2/Users", None).await;
        assert_scim_error(&r, StatusCode::FORBIDDEN, None);
        let r = scim(&mut Client::new(&app), "GET", "/scim/v2/Users", None).await;
        assert_scim_error(&r, StatusCode::UNAUTHORIZED, None);
        let mut wrong = Client::new(&app);
        wrong.bearer = Some("0".repeat(64));
        let r = scim(&mut wrong, "GET", "/scim/v2/Users", None).await;
        assert_scim_error(&r, StatusCode::UNAUTHORIZED, None);
    }
}
