//! The published JSON Schema matches the types.

use std::path::Path;

#[test]
fn published_schema_matches_the_model() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/framework.schema.json");
    let generated = rungs_core::export::json::schema();
    if std::env::var_os("RUNGS_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap_or_else(|e| panic!("{e}"));
    }
    let published = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        published == generated,
        "schema/framework.schema.json is out of date: run `RUNGS_UPDATE_SCHEMA=1 cargo test -p rungs-core schema` and commit it"
    );
    // The schema describes the export: its required top-level keys are present in one.
    let schema: serde_json::Value =
        serde_json::from_str(&generated).unwrap_or_else(|e| panic!("{e}"));
    let loaded =
        rungs_core::load(&rungs_core::SourceSet::example()).unwrap_or_else(|e| panic!("{e}"));
    let export: serde_json::Value =
        serde_json::from_str(&rungs_core::export::json::to_json(&loaded.framework))
            .unwrap_or_else(|e| panic!("{e}"));
    let required = schema["required"]
        .as_array()
        .expect("the schema lists required keys");
    assert!(!required.is_empty(), "the schema requires no key");
    for key in required {
        let key = key.as_str().expect("a key is a string");
        assert!(export.get(key).is_some(), "export lacks required key {key}");
    }
}
