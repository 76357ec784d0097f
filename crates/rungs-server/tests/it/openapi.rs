//! The OpenAPI document describes exactly the API the router serves.

use std::collections::BTreeSet;

use axum::http::StatusCode;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_document_matches_the_routes() {
    let backend = sqlite().await;
    let (app, _) = start(backend.store.clone(), config()).await;
    let mut anyone = Client::new(&app);
    let served = anyone.get("/api/v1/openapi.json").await;
    assert_eq!(served.status, StatusCode::OK);
    let doc = served.json();
    assert!(
        doc["openapi"].as_str().is_some_and(|v| v.starts_with('3')),
        "{}",
        doc["openapi"]
    );
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .expect("path item")
                .keys()
                .filter(|m| ["get", "post", "put", "patch", "delete"].contains(&m.as_str()))
                .map(move |m| (m.to_uppercase(), path.clone()))
        })
        .collect();
    let routed: BTreeSet<(String, String)> = crate::permissions::api_routes()
        .into_iter()
        .filter(|(_, path)| path != "/api/v1/openapi.json")
        .collect();
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    let phantom: Vec<_> = documented.difference(&routed).collect();
    assert!(
        undocumented.is_empty(),
        "API routes missing from the OpenAPI document: {undocumented:?}"
    );
    assert!(
        phantom.is_empty(),
        "documented routes the server does not have: {phantom:?}"
    );
    // Every schema a path refers to is defined.
    let text = doc.to_string();
    let references: Vec<&str> = text
        .split("\"$ref\":\"#/components/schemas/")
        .skip(1)
        .collect();
    assert!(!references.is_empty(), "paths refer to schemas");
    for reference in references {
        let (name, _) = reference.split_once('"').expect("a quoted name");
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "schema {name} is referred to but not defined"
        );
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}
