//! What the service supports, for identity providers that ask (RFC 7644
//! §4): the service provider's configuration, the schemas and the
//! resource types.

use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

use super::user::USER;
use super::{ENTERPRISE, GROUP, LIST, MAX_COUNT, Scim, provisioning, scim_json};
use crate::auth::MaybeViewer;
use crate::state::App;

pub(super) async fn service_provider_config(State(app): State<App>, viewer: MaybeViewer) -> Scim {
    provisioning(&viewer)?;
    let base = super::base(&app);
    Ok(scim_json(
        StatusCode::OK,
        &json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
            "documentationUri": format!("{base}/"),
            "patch": {"supported": true},
            "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
            "filter": {"supported": true, "maxResults": MAX_COUNT},
            "changePassword": {"supported": false},
            "sort": {"supported": false},
            "etag": {"supported": false},
            "authenticationSchemes": [{
                "type": "oauthbearertoken",
                "name": "Bearer token",
                "description": "An administrator's API token of scope `scim`, as Authorization: Bearer TOKEN",
                "primary": true,
            }],
            "meta": {"resourceType": "ServiceProviderConfig", "location": format!("{base}/scim/v2/ServiceProviderConfig")},
        }),
    ))
}

fn attribute(name: &str, kind: &str, required: bool, description: &str) -> Value {
    json!({
        "name": name, "type": kind, "multiValued": false, "description": description,
        "required": required, "caseExact": false, "mutability": "readWrite",
        "returned": "default", "uniqueness": if name == "userName" { "server" } else { "none" },
    })
}

fn schema_list(base: &str) -> Vec<Value> {
    vec![
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
            "id": USER, "name": "User", "description": "A person",
            "attributes": [
                attribute("userName", "string", true, "The work email, with which the person signs in"),
                {
                    "name": "name", "type": "complex", "multiValued": false, "required": false,
                    "mutability": "readWrite", "returned": "default",
                    "description": "The full name: formatted, or given and family names",
                    "subAttributes": [
                        attribute("formatted", "string", false, "The full name"),
                        attribute("givenName", "string", false, "Given name"),
                        attribute("familyName", "string", false, "Family name"),
                    ],
                },
                attribute("displayName", "string", false, "The full name, when no name is given"),
                attribute("title", "string", false, "Job title: a rollout suggests a level from it"),
                attribute("active", "boolean", false, "False: the person loses access at once"),
                {
                    "name": "emails", "type": "complex", "multiValued": true, "required": false,
                    "mutability": "readWrite", "returned": "default",
                    "description": "The work email (the same as userName)",
                    "subAttributes": [attribute("value", "string", false, "Email")],
                },
            ],
            "meta": {"resourceType": "Schema", "location": format!("{base}/scim/v2/Schemas/{USER}")},
        }),
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
            "id": ENTERPRISE, "name": "EnterpriseUser", "description": "Team and manager",
            "attributes": [
                attribute("department", "string", false, "The person's team"),
                {
                    "name": "manager", "type": "complex", "multiValued": false, "required": false,
                    "mutability": "readWrite", "returned": "default",
                    "description": "The person's manager",
                    "subAttributes": [attribute("value", "string", false, "The manager's id here")],
                },
            ],
            "meta": {"resourceType": "Schema", "location": format!("{base}/scim/v2/Schemas/{ENTERPRISE}")},
        }),
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
            "id": GROUP, "name": "Group", "description": "A team (read only)",
            "attributes": [attribute("displayName", "string", true, "The team's name")],
            "meta": {"resourceType": "Schema", "location": format!("{base}/scim/v2/Schemas/{GROUP}")},
        }),
    ]
}

pub(super) async fn schemas(State(app): State<App>, viewer: MaybeViewer) -> Scim {
    provisioning(&viewer)?;
    let list = schema_list(&super::base(&app));
    Ok(scim_json(
        StatusCode::OK,
        &json!({"schemas": [LIST], "totalResults": list.len(), "startIndex": 1, "itemsPerPage": list.len(), "Resources": list}),
    ))
}

pub(super) async fn resource_types(State(app): State<App>, viewer: MaybeViewer) -> Scim {
    provisioning(&viewer)?;
    let base = super::base(&app);
    let list = vec![
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
            "id": "User", "name": "User", "endpoint": "/Users", "schema": USER,
            "schemaExtensions": [{"schema": ENTERPRISE, "required": false}],
            "meta": {"resourceType": "ResourceType", "location": format!("{base}/scim/v2/ResourceTypes/User")},
        }),
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
            "id": "Group", "name": "Group", "endpoint": "/Groups", "schema": GROUP,
            "meta": {"resourceType": "ResourceType", "location": format!("{base}/scim/v2/ResourceTypes/Group")},
        }),
    ];
    Ok(scim_json(
        StatusCode::OK,
        &json!({"schemas": [LIST], "totalResults": list.len(), "startIndex": 1, "itemsPerPage": list.len(), "Resources": list}),
    ))
}
