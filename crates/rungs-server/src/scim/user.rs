//! A person as a SCIM User (RFC 7643 §4.1, with the enterprise extension's
//! `department` and `manager`), and the attributes of one that rungs keeps.

use serde_json::{Value, json};

use rungs_store::PersonFields;
use rungs_store::model::Person;

use super::{ENTERPRISE, ScimError};

/// The core User schema.
pub(crate) const USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";

/// What rungs keeps of a User: everything else an identity provider sends
/// is not stored (the how-to lists the mapping).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Draft {
    /// `userName`: the work email, the key people sign in with.
    pub user_name: String,
    /// The full name: `name.formatted`, else given and family names, else
    /// `displayName`.
    pub name: String,
    pub given: Option<String>,
    pub family: Option<String>,
    /// `title`.
    pub title: String,
    /// `active`.
    pub active: bool,
    /// The enterprise extension's `department`: the team.
    pub department: Option<String>,
    /// The enterprise extension's `manager.value`: the manager's id.
    pub manager: Option<i64>,
    /// Whether a `name` attribute was given: it then wins over
    /// `displayName`.
    named: bool,
}

impl Draft {
    /// A person as they are.
    pub(crate) fn of(p: &Person) -> Draft {
        Draft {
            user_name: p.email.clone(),
            name: p.name.clone(),
            given: None,
            family: None,
            title: p.job_title.clone(),
            active: p.active,
            department: p.team.clone(),
            manager: p.manager_id,
            named: false,
        }
    }

    /// A new User, or a replacement (PUT): the resource in full, so what
    /// it leaves out is cleared (title, department, manager), except
    /// `active`, which is true when not given.
    pub(crate) fn from_resource(body: &Value) -> Result<Draft, ScimError> {
        let obj = body
            .as_object()
            .ok_or_else(|| ScimError::invalid_syntax("a User is a JSON object"))?;
        let mut d = Draft {
            user_name: String::new(),
            name: String::new(),
            given: None,
            family: None,
            title: String::new(),
            active: true,
            department: None,
            manager: None,
            named: false,
        };
        for (key, value) in obj {
            match key.to_ascii_lowercase().as_str() {
                "schemas" | "id" | "meta" | "externalid" => {}
                k if k == ENTERPRISE.to_ascii_lowercase() => {
                    if let Some(ext) = value.as_object() {
                        for (k, v) in ext {
                            d.set(&format!("{ENTERPRISE}:{k}"), v)?;
                        }
                    }
                }
                _ => d.set(key, value)?,
            }
        }
        d.finish()
    }

    /// Sets one attribute by its SCIM path (`active`, `name.givenName`,
    /// `urn:…:enterprise:2.0:User:manager`). An attribute rungs does not keep
    /// is passed over (RFC 7643 §2.2: a service provider stores what it
    /// supports); a value of the wrong type is an error.
    pub(crate) fn set(&mut self, path: &str, value: &Value) -> Result<(), ScimError> {
        let lower = path.to_ascii_lowercase();
        let ext = ENTERPRISE.to_ascii_lowercase();
        let attr = lower
            .strip_prefix(&format!("{ext}:"))
            .map(|a| format!("ext:{a}"))
            .or_else(|| {
                lower
                    .strip_prefix(&format!("{}:", USER.to_ascii_lowercase()))
                    .map(str::to_string)
            })
            .unwrap_or(lower);
        match attr.as_str() {
            "username" => self.user_name = text(path, value)?.unwrap_or_default(),
            "displayname" => {
                if let Some(n) = text(path, value)?
                    && !self.named
                {
                    self.name = n;
                }
            }
            "name" => {
                let Some(obj) = value.as_object() else {
                    return Err(ScimError::invalid_value(format!("{path}: an object")));
                };
                for (k, v) in obj {
                    self.set(&format!("name.{k}"), v)?;
                }
            }
            "name.formatted" => {
                if let Some(n) = text(path, value)? {
                    self.name = n;
                    self.named = true;
                }
            }
            "name.givenname" => {
                self.given = text(path, value)?;
                self.name_from_parts();
            }
            "name.familyname" => {
                self.family = text(path, value)?;
                self.name_from_parts();
            }
            "title" => self.title = text(path, value)?.unwrap_or_default(),
            "active" => self.active = boolean(path, value)?,
            "emails" => {
                // The work (or primary) email stands in for a userName that
                // is not one.
                if let Some(email) = primary_email(value)
                    && !self.user_name.contains('@')
                {
                    self.user_name = email;
                }
            }
            "ext:department" | "department" => self.department = text(path, value)?,
            "ext:manager" | "manager" | "ext:manager.value" | "manager.value" => {
                self.manager = manager(path, value)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Clears one attribute (a PATCH `remove`).
    pub(crate) fn remove(&mut self, path: &str) -> Result<(), ScimError> {
        self.set(path, &Value::Null)
    }

    fn name_from_parts(&mut self) {
        let parts: Vec<&str> = [self.given.as_deref(), self.family.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect();
        if !parts.is_empty() {
            self.name = parts.join(" ");
            self.named = true;
        }
    }

    /// Checks what a person needs: a userName and a name.
    pub(crate) fn finish(mut self) -> Result<Draft, ScimError> {
        self.user_name = self.user_name.trim().to_string();
        if self.user_name.is_empty() {
            return Err(ScimError::invalid_value("userName: required"));
        }
        if self.name.trim().is_empty() {
            return Err(ScimError::invalid_value(
                "name: give name.formatted, name.givenName and name.familyName, or displayName",
            ));
        }
        Ok(self)
    }

    /// The person's fields after this draft, keeping what SCIM does not
    /// touch (start date, role).
    pub(crate) fn fields(&self, before: Option<&Person>) -> PersonFields {
        PersonFields {
            email: self.user_name.clone(),
            name: self.name.clone(),
            job_title: self.title.clone(),
            team: self.department.clone(),
            manager_id: self.manager,
            start_date: before.and_then(|p| p.start_date.clone()),
            active: self.active,
            role: before.map(|p| p.role).unwrap_or_default(),
        }
    }
}

fn text(path: &str, value: &Value) -> Result<Option<String>, ScimError> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
        _ => Err(ScimError::invalid_value(format!("{path}: a string"))),
    }
}

/// A boolean, also as the strings some providers send (`"False"`).
fn boolean(path: &str, value: &Value) -> Result<bool, ScimError> {
    match value {
        Value::Bool(b) => Ok(*b),
        Value::String(s) if s.eq_ignore_ascii_case("true") => Ok(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") => Ok(false),
        _ => Err(ScimError::invalid_value(format!("{path}: true or false"))),
    }
}

/// A manager: `{"value": "ID"}`, or the bare id some providers send.
fn manager(path: &str, value: &Value) -> Result<Option<i64>, ScimError> {
    let id = match value {
        Value::Null => return Ok(None),
        Value::Object(o) => match o.get("value") {
            None | Some(Value::Null) => return Ok(None),
            Some(v) => v,
        },
        v => v,
    };
    let id = match id {
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s.trim().parse().ok(),
        Value::Number(n) => n.as_i64(),
        _ => None,
    };
    id.map(Some).ok_or_else(|| {
        ScimError::invalid_value(format!("{path}: the manager's id, as this service gave it"))
    })
}

fn primary_email(value: &Value) -> Option<String> {
    let list = value.as_array()?;
    let pick = list
        .iter()
        .find(|e| e["primary"] == true)
        .or_else(|| list.iter().find(|e| e["type"] == "work"))
        .or_else(|| list.first())?;
    pick["value"].as_str().map(str::to_string)
}

/// A person as a SCIM User.
pub(crate) fn resource(p: &Person, base: &str) -> Value {
    let mut ext = serde_json::Map::new();
    if let Some(team) = &p.team {
        ext.insert("department".into(), json!(team));
    }
    if let Some(m) = p.manager_id {
        ext.insert(
            "manager".into(),
            json!({"value": m.to_string(), "$ref": format!("{base}/scim/v2/Users/{m}")}),
        );
    }
    json!({
        "schemas": [USER, ENTERPRISE],
        "id": p.id.to_string(),
        "userName": p.email,
        "name": {"formatted": p.name},
        "displayName": p.name,
        "title": p.job_title,
        "active": p.active,
        "emails": [{"value": p.email, "type": "work", "primary": true}],
        ENTERPRISE: ext,
        "meta": {
            "resourceType": "User",
            "location": format!("{base}/scim/v2/Users/{}", p.id),
            "version": format!("W/\"{}\"", p.version),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_from_an_identity_provider() {
        let d = Draft::from_resource(&json!({
            "schemas": [USER, ENTERPRISE],
            "userName": "zoe@example.org",
            "name": {"givenName": "Zoe", "familyName": "Marsh"},
            "title": "Engineer",
            "phoneNumbers": [{"value": "+1 555"}],
            ENTERPRISE: {"department": "Platform", "manager": {"value": "7"}},
        }))
        .expect("a user");
        assert_eq!(d.name, "Zoe Marsh");
        assert_eq!(d.department.as_deref(), Some("Platform"));
        assert_eq!(d.manager, Some(7));
        assert!(d.active, "active unless said");
    }

    #[test]
    fn paths_and_values_as_providers_send_them() {
        let mut d = Draft::from_resource(&json!({"userName": "a@b.c", "displayName": "A B"}))
            .expect("a user");
        d.set("active", &json!("False")).expect("a string boolean");
        assert!(!d.active);
        d.set(&format!("{ENTERPRISE}:manager"), &json!("12"))
            .expect("a bare id");
        assert_eq!(d.manager, Some(12));
        d.remove(&format!("{ENTERPRISE}:manager")).expect("removed");
        assert_eq!(d.manager, None);
        assert!(d.set("active", &json!(3)).is_err());
        assert!(d.set("manager", &json!({"value": "boss"})).is_err());
        assert!(Draft::from_resource(&json!({"displayName": "No Name"})).is_err());
    }
}
