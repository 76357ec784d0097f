//! Email settings: `[email]` of `rungs.toml`, and the environment
//! (`RUNGS_SMTP_*`), which wins. The password comes from the environment
//! only, so it never sits in the framework's repository.

use std::path::Path;

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    /// Plain text (a relay on the same machine or network only).
    None,
    /// Plain connection upgraded with STARTTLS (port 587).
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
}

impl Tls {
    fn parse(word: &str) -> Option<Tls> {
        match word.trim().to_ascii_lowercase().as_str() {
            "none" => Some(Tls::None),
            "starttls" => Some(Tls::Starttls),
            "tls" => Some(Tls::Tls),
            _ => None,
        }
    }

    /// The usual port for this mode.
    fn default_port(self) -> u16 {
        match self {
            Tls::None => 25,
            Tls::Starttls => 587,
            Tls::Tls => 465,
        }
    }
}

/// Where and how the server sends email.
#[derive(Clone, PartialEq, Eq)]
pub struct EmailConfig {
    /// The SMTP server's host name.
    pub host: String,
    /// Its port.
    pub port: u16,
    /// How the connection is protected.
    pub tls: Tls,
    /// The user name and password to authenticate with, if any.
    pub credentials: Option<(String, String)>,
    /// The sender, e.g. `Career ladder <ladder@example.com>`.
    pub from: String,
}

impl std::fmt::Debug for EmailConfig {
    // Never the password, even in a debug print.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmailConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("username", &self.credentials.as_ref().map(|c| &c.0))
            .field("from", &self.from)
            .finish()
    }
}

/// The keys `[email]` may have.
const KEYS: &[&str] = &["host", "port", "tls", "username", "from"];

/// Reads the email settings from `root/rungs.toml` (if `root` is given and
/// the file has `[email]`) and the environment (`env`, e.g.
/// `|k| std::env::var(k).ok()`). `Ok(None)`: email is not configured (no
/// host anywhere). Errors name the file, line and key, or the variable.
pub fn email_config(
    root: Option<&Path>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<EmailConfig>, String> {
    let file = match root {
        Some(root) => {
            let path = root.join("rungs.toml");
            match std::fs::read_to_string(&path) {
                Ok(text) => Some(text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
            }
        }
        None => None,
    };
    let table = match &file {
        Some(text) => email_table(text)?,
        None => None,
    };
    let env = |key: &str| {
        env(key)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    // One value: the environment's, else the file's (with its line).
    let file_str = |key: &str| -> Result<Option<(String, String)>, String> {
        let Some((table, text)) = table.as_ref().zip(file.as_deref()) else {
            return Ok(None);
        };
        match table.get(key) {
            None => Ok(None),
            Some(v) => {
                let at = format!("rungs.toml:{}: [email] {key}", line_of(text, key));
                match v.as_str() {
                    Some(s) => Ok(Some((s.trim().to_string(), at))),
                    None if key == "port" => match v.as_integer() {
                        Some(n) => Ok(Some((n.to_string(), at))),
                        None => Err(format!("{at}: give a number, e.g. port = 587")),
                    },
                    None => Err(format!("{at}: give text in quotes")),
                }
            }
        }
    };
    let value = |key: &str, var: &str| -> Result<Option<(String, String)>, String> {
        match env(var) {
            Some(v) => Ok(Some((v, var.to_string()))),
            None => file_str(key),
        }
    };
    let Some((host, _)) = value("host", "RUNGS_SMTP_HOST")? else {
        return Ok(None);
    };
    let tls = match value("tls", "RUNGS_SMTP_TLS")? {
        Some((word, at)) => Tls::parse(&word).ok_or_else(|| {
            format!("{at}: `{word}` is not a TLS mode; use none, starttls or tls")
        })?,
        None => Tls::Starttls,
    };
    let port = match value("port", "RUNGS_SMTP_PORT")? {
        Some((word, at)) => match word.parse::<u16>() {
            Ok(p) if p > 0 => p,
            _ => return Err(format!("{at}: `{word}` is not a port (1 to 65535)")),
        },
        None => tls.default_port(),
    };
    let Some((from, from_at)) = value("from", "RUNGS_SMTP_FROM")? else {
        return Err(
            "email needs a sender: set [email] from in rungs.toml or RUNGS_SMTP_FROM, \
             e.g. \"Career ladder <ladder@example.com>\""
                .into(),
        );
    };
    if from.parse::<lettre::message::Mailbox>().is_err() {
        return Err(format!(
            "{from_at}: `{from}` is not an email address, e.g. \"Career ladder <ladder@example.com>\""
        ));
    }
    let username = value("username", "RUNGS_SMTP_USERNAME")?;
    let password = env("RUNGS_SMTP_PASSWORD");
    let credentials = match (username, password) {
        (Some((user, _)), Some(password)) => Some((user, password)),
        (None, None) => None,
        (Some((_, at)), None) => {
            return Err(format!(
                "{at} is set but RUNGS_SMTP_PASSWORD is not: the password comes from the environment only"
            ));
        }
        (None, Some(_)) => {
            return Err(
                "RUNGS_SMTP_PASSWORD is set but no user name: set [email] username or RUNGS_SMTP_USERNAME"
                    .into(),
            );
        }
    };
    if credentials.is_some() && tls == Tls::None && !is_local(&host) {
        return Err(format!(
            "a password would go to {host} unencrypted: set tls = \"starttls\" or \"tls\" (RUNGS_SMTP_TLS)"
        ));
    }
    Ok(Some(EmailConfig {
        host,
        port,
        tls,
        credentials,
        from,
    }))
}

/// The `[email]` table of rungs.toml, checked for unknown keys and a
/// password.
fn email_table(text: &str) -> Result<Option<toml::Table>, String> {
    let doc: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| format!("rungs.toml: {}", e.to_string().trim()))?;
    let Some(email) = doc.get("email") else {
        return Ok(None);
    };
    let Some(table) = email.as_table() else {
        return Err(format!(
            "rungs.toml:{}: `email` must be a table ([email])",
            line_of(text, "email")
        ));
    };
    for key in table.keys() {
        if key == "password" {
            return Err(format!(
                "rungs.toml:{}: [email] password: a password does not belong in a file; \
                 set RUNGS_SMTP_PASSWORD in the server's environment",
                line_of(text, key)
            ));
        }
        if !KEYS.contains(&key.as_str()) {
            return Err(format!(
                "rungs.toml:{}: [email] `{key}` is not a setting; the settings are {}",
                line_of(text, key),
                KEYS.join(", ")
            ));
        }
    }
    Ok(Some(table.clone()))
}

/// The line (1-based) of `key = ...` after the `[email]` header, or of
/// the header itself.
fn line_of(text: &str, key: &str) -> usize {
    let mut in_email = false;
    let mut header = 1;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            in_email = t == "[email]";
            if in_email {
                header = i + 1;
            }
            continue;
        }
        if in_email
            && t.split('=')
                .next()
                .is_some_and(|k| k.trim().trim_matches('"') == key)
        {
            return i + 1;
        }
    }
    header
}

/// Whether `host` is this machine.
fn is_local(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "::1" | "[::1]")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(toml: &str, vars: &[(&str, &str)]) -> Result<Option<EmailConfig>, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        std::fs::write(dir.path().join("rungs.toml"), toml).map_err(|e| e.to_string())?;
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        email_config(Some(dir.path()), &move |k| {
            vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn no_host_is_no_email() {
        assert_eq!(read("title = \"x\"\n", &[]), Ok(None));
    }

    #[test]
    fn the_file_and_the_environment_together() {
        let c = read(
            "title = \"x\"\n[email]\nhost = \"smtp.example.com\"\nusername = \"ladder\"\nfrom = \"Ladder <ladder@example.com>\"\n",
            &[("RUNGS_SMTP_PASSWORD", "s3cret"), ("RUNGS_SMTP_PORT", "2525")],
        )
        .expect("valid")
        .expect("configured");
        assert_eq!(c.host, "smtp.example.com");
        assert_eq!(c.port, 2525);
        assert_eq!(c.tls, Tls::Starttls);
        assert_eq!(c.credentials, Some(("ladder".into(), "s3cret".into())));
        assert!(
            !format!("{c:?}").contains("s3cret"),
            "no password in debug output"
        );
    }

    #[test]
    fn mistakes_are_named_with_their_line_or_variable() {
        let e = read(
            "[email]\nhost = \"h\"\nfrom = \"a@example.com\"\npassword = \"x\"\n",
            &[],
        )
        .expect_err("a password in the file");
        assert!(
            e.contains("rungs.toml:4") && e.contains("RUNGS_SMTP_PASSWORD"),
            "{e}"
        );
        let e = read(
            "[email]\nhost = \"h\"\nfrom = \"a@example.com\"\nprot = 25\n",
            &[],
        )
        .expect_err("unknown key");
        assert!(e.contains("rungs.toml:4") && e.contains("`prot`"), "{e}");
        let e = read(
            "[email]\nhost = \"h\"\nfrom = \"a@example.com\"\ntls = \"ssl\"\n",
            &[],
        )
        .expect_err("bad mode");
        assert!(e.contains("rungs.toml:4") && e.contains("`ssl`"), "{e}");
        let e = read(
            "[email]\nhost = \"h\"\nfrom = \"a@example.com\"\n",
            &[("RUNGS_SMTP_PORT", "99999")],
        )
        .expect_err("bad port");
        assert!(
            e.starts_with("RUNGS_SMTP_PORT") && e.contains("99999"),
            "{e}"
        );
        let e =
            read("[email]\nhost = \"h\"\nfrom = \"not an address\"\n", &[]).expect_err("bad from");
        assert!(
            e.contains("rungs.toml:3") && e.contains("not an email address"),
            "{e}"
        );
        let e = read("[email]\nhost = \"h\"\n", &[]).expect_err("no sender");
        assert!(e.contains("RUNGS_SMTP_FROM"), "{e}");
        let e = read(
            "[email]\nhost = \"h\"\nfrom = \"a@example.com\"\nusername = \"u\"\n",
            &[],
        )
        .expect_err("no password");
        assert!(e.contains("RUNGS_SMTP_PASSWORD"), "{e}");
        let e = read(
            "[email]\nhost = \"smtp.example.com\"\nfrom = \"a@example.com\"\nusername = \"u\"\ntls = \"none\"\n",
            &[("RUNGS_SMTP_PASSWORD", "p")],
        )
        .expect_err("password in clear");
        assert!(e.contains("unencrypted"), "{e}");
    }
}
