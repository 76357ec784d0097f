//! JSON export and import, and the JSON Schema of the export.

use crate::model::Framework;

/// The framework as pretty-printed JSON.
pub fn to_json(framework: &Framework) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(framework).unwrap_or_default()
}

/// Reads a framework from its JSON export.
pub fn from_json(text: &str) -> Result<Framework, serde_json::Error> {
    serde_json::from_str(text)
}

/// The JSON Schema that the export follows (published as `schema/framework.schema.json`).
#[cfg(feature = "schema")]
pub fn schema() -> String {
    let schema = schemars::schema_for!(Framework);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
