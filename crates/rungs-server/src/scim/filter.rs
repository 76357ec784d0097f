//! The filters identity providers send to find one resource (RFC 7644
//! §3.4.2.2): `ATTRIBUTE eq "VALUE"`, which is all they need to see whether
//! someone is already here. Anything else is refused, saying what is
//! supported, rather than read wrongly.

use super::ScimError;

/// `attribute eq "value"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Equals {
    /// The attribute, lower case.
    pub attribute: String,
    /// The value, unquoted and unescaped.
    pub value: String,
}

/// Reads `filter`, whose attribute must be one of `allowed` (lower case).
pub(crate) fn parse(filter: &str, allowed: &[&str]) -> Result<Equals, ScimError> {
    let unsupported = || {
        ScimError::invalid_filter(format!(
            "`{filter}`: only `{} eq \"…\"` is supported",
            allowed.join("` or `")
        ))
    };
    let f = filter.trim();
    let (attribute, rest) = f.split_once(char::is_whitespace).ok_or_else(unsupported)?;
    let (op, value) = rest
        .trim_start()
        .split_once(char::is_whitespace)
        .ok_or_else(unsupported)?;
    let attribute = attribute.to_ascii_lowercase();
    // A schema-qualified name means the same attribute.
    let attribute = attribute
        .rsplit_once(':')
        .map_or(attribute.clone(), |(_, a)| a.to_string());
    if !op.eq_ignore_ascii_case("eq") || !allowed.contains(&attribute.as_str()) {
        return Err(unsupported());
    }
    let value = value.trim();
    let inner = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .ok_or_else(|| ScimError::invalid_filter(format!("`{filter}`: quote the value")))?;
    let value: String = serde_json::from_str(&format!("\"{inner}\""))
        .map_err(|_| ScimError::invalid_filter(format!("`{filter}`: the value is not a string")))?;
    Ok(Equals { attribute, value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_name_eq() {
        let f = parse("userName eq \"zoe@example.org\"", &["username"]).expect("a filter");
        assert_eq!(f.value, "zoe@example.org");
        let f = parse(
            "urn:ietf:params:scim:schemas:core:2.0:User:userName EQ \"a\\\"b\"",
            &["username"],
        )
        .expect("qualified");
        assert_eq!(f.value, "a\"b");
        for bad in [
            "userName sw \"z\"",
            "title eq \"x\"",
            "userName eq zoe",
            "userName",
            "userName eq \"a\" and active eq true",
        ] {
            assert!(parse(bad, &["username"]).is_err(), "{bad}");
        }
    }
}
