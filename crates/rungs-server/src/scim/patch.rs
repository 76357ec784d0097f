//! PATCH (RFC 7644 §3.5.2): `add`, `replace` and `remove` operations on a
//! User, with a path (`active`, `name.givenName`,
//! `urn:…:enterprise:2.0:User:manager`) or, without one, an object of
//! attributes. All operations apply, or none: the draft is written only
//! when every one is understood.

use serde_json::Value;

use super::{Draft, ScimError};

const PATCH_OP: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/// Applies the operations of a PatchOp `body` to `draft`.
pub(crate) fn apply(draft: &mut Draft, body: &Value) -> Result<(), ScimError> {
    let schemas_ok = body["schemas"]
        .as_array()
        .is_some_and(|s| s.iter().any(|s| s == PATCH_OP));
    if !schemas_ok {
        return Err(ScimError::invalid_syntax(format!(
            "a PATCH body lists the schema {PATCH_OP}"
        )));
    }
    let ops = body
        .get("Operations")
        .or_else(|| body.get("operations"))
        .and_then(Value::as_array)
        .ok_or_else(|| ScimError::invalid_syntax("a PATCH body has `Operations`"))?;
    for (i, op) in ops.iter().enumerate() {
        let name = op["op"].as_str().unwrap_or_default().to_ascii_lowercase();
        let path = op["path"].as_str().map(str::trim).filter(|p| !p.is_empty());
        let value = op.get("value").unwrap_or(&Value::Null);
        match (name.as_str(), path) {
            ("add" | "replace", Some(path)) => set(draft, path, value)?,
            ("add" | "replace", None) => {
                let attrs = value.as_object().ok_or_else(|| {
                    ScimError::invalid_value(format!(
                        "operation {}: without a path, the value is an object of attributes",
                        i + 1
                    ))
                })?;
                for (k, v) in attrs {
                    // The extension's attributes may come as one object.
                    if k.eq_ignore_ascii_case(super::ENTERPRISE)
                        && let Some(ext) = v.as_object()
                    {
                        for (ek, ev) in ext {
                            set(draft, &format!("{}:{ek}", super::ENTERPRISE), ev)?;
                        }
                    } else {
                        set(draft, k, v)?;
                    }
                }
            }
            ("remove", Some(path)) => {
                known(path)?;
                draft.remove(path)?;
            }
            ("remove", None) => {
                return Err(ScimError::new(
                    axum::http::StatusCode::BAD_REQUEST,
                    Some("noTarget"),
                    format!("operation {}: remove needs a path", i + 1),
                ));
            }
            _ => {
                return Err(ScimError::invalid_syntax(format!(
                    "operation {}: `op` is add, replace or remove",
                    i + 1
                )));
            }
        }
    }
    Ok(())
}

fn set(draft: &mut Draft, path: &str, value: &Value) -> Result<(), ScimError> {
    known(path)?;
    draft.set(path, value)
}

/// Paths a PATCH may name: the attributes rungs keeps, so that a change
/// it would not store is refused rather than dropped.
fn known(path: &str) -> Result<(), ScimError> {
    let lower = path.to_ascii_lowercase();
    let ext = super::ENTERPRISE.to_ascii_lowercase();
    let core = format!("{}:", super::user::USER.to_ascii_lowercase());
    let attr = lower
        .strip_prefix(&format!("{ext}:"))
        .or_else(|| lower.strip_prefix(&core))
        .unwrap_or(&lower);
    // An email filter (`emails[type eq "work"].value`) is the email.
    let attr = if attr.starts_with("emails[") {
        "emails"
    } else {
        attr
    };
    const KEPT: [&str; 14] = [
        "username",
        "displayname",
        "name",
        "name.formatted",
        "name.givenname",
        "name.familyname",
        "title",
        "active",
        "emails",
        "department",
        "manager",
        "manager.value",
        "externalid",
        "schemas",
    ];
    if KEPT.contains(&attr) {
        Ok(())
    } else {
        Err(ScimError::invalid_path(format!(
            "`{path}` is not an attribute this service keeps (userName, name, displayName, title, active, emails, and the enterprise extension's department and manager)"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn draft() -> Draft {
        Draft::from_resource(&json!({"userName": "zoe@example.org", "displayName": "Zoe Marsh"}))
            .expect("a user")
    }

    #[test]
    fn deactivate_and_set_the_manager() {
        let mut d = draft();
        apply(
            &mut d,
            &json!({"schemas": [PATCH_OP], "Operations": [
                {"op": "Replace", "path": "active", "value": false},
                {"op": "add", "path": format!("{}:manager", super::super::ENTERPRISE), "value": {"value": "4"}},
            ]}),
        )
        .expect("applied");
        assert!(!d.active);
        assert_eq!(d.manager, Some(4));
        // Okta's form: no path, an object.
        apply(
            &mut d,
            &json!({"schemas": [PATCH_OP], "Operations": [{"op": "replace", "value": {"active": true}}]}),
        )
        .expect("applied");
        assert!(d.active);
    }

    #[test]
    fn what_it_cannot_keep_is_refused() {
        let mut d = draft();
        let before = d.clone();
        let r = apply(
            &mut d,
            &json!({"schemas": [PATCH_OP], "Operations": [{"op": "replace", "path": "nickName", "value": "Z"}]}),
        );
        assert!(r.is_err());
        assert_eq!(d, before);
        assert!(
            apply(&mut d, &json!({"Operations": []})).is_err(),
            "no schema"
        );
        assert!(
            apply(
                &mut d,
                &json!({"schemas": [PATCH_OP], "Operations": [{"op": "move", "path": "title"}]})
            )
            .is_err()
        );
    }
}
