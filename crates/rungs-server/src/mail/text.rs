//! The words of the emails. Plain text; each names what waits and links
//! to the page, never the content of notes or ratings (only names of
//! people, cycles and rollouts, which the recipient sees in the app).

use crate::todo::Todo;

/// The subject of an invitation in `lang`.
pub(crate) fn invite_subject(site: &str, lang: &str) -> String {
    crate::i18n::messages(lang).with("mail-invite-subject", "site", site)
}

/// An invitation to join in `lang`, with its one-time link.
pub(crate) fn invitation(site: &str, name: &str, link: &str, lang: &str) -> String {
    let words = crate::i18n::messages(lang);
    format!(
        "{}\n\n{}\n\n{}\n\n{link}\n\n{}\n",
        words.with("mail-hello", "name", name),
        words.with("mail-invite-intro", "site", site),
        words.get("mail-invite-join"),
        words.get("mail-invite-ignore"),
    )
}

/// One thing waiting, in `lang`: (subject, body).
pub(crate) fn notice(
    site: &str,
    base: &str,
    name: &str,
    item: &Todo,
    lang: &str,
) -> (String, String) {
    let words = crate::i18n::messages(lang);
    let subject = format!("{site}: {}", item.text);
    let body = format!(
        "{}\n\n{}\n\n{base}{}\n\n{}\n",
        words.with("mail-hello", "name", name),
        line(item, lang),
        item.link,
        words.with(
            "mail-notice-footer",
            "account",
            &format!("{base}/app/account")
        ),
    );
    (subject, body)
}

/// Everything waiting, once a day, in `lang`: (subject, body).
pub(crate) fn digest(
    site: &str,
    base: &str,
    name: &str,
    items: &[Todo],
    lang: &str,
) -> (String, String) {
    let words = crate::i18n::messages(lang);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("site", site.to_string());
    args.set("count", items.len());
    let subject = words.format("mail-digest-subject", &args);
    let mut body = format!(
        "{}\n\n{}\n\n",
        words.with("mail-hello", "name", name),
        words.get("mail-waiting")
    );
    for item in items {
        body.push_str(&format!("- {}\n  {base}{}\n", line(item, lang), item.link));
    }
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("home", format!("{base}/app"));
    args.set("account", format!("{base}/app/account"));
    body.push_str(&format!(
        "\n{}\n",
        words.format("mail-digest-footer", &args)
    ));
    (subject, body)
}

/// An item in a sentence, with its cycle and due date.
fn line(item: &Todo, lang: &str) -> String {
    let words = crate::i18n::messages(lang);
    let mut s = item.text.clone();
    if let Some(c) = &item.context {
        s.push_str(&format!(" ({c})"));
    }
    if let Some(d) = &item.due {
        s.push_str(&words.get("list-separator"));
        s.push_str(&words.with("home-due", "date", d));
    }
    s
}

/// One thing a cycle reminder names: what is owed, its page, when it was
/// due, and whether that date has passed.
pub(crate) struct Owing {
    /// "your self-assessment", "your assessment of Bo Chen".
    pub what: String,
    /// The page to do it on (a path in the app).
    pub link: String,
    /// Its due date (`YYYY-MM-DD`), if the cycle has one.
    pub due: Option<String>,
    /// Past its due date.
    pub late: bool,
}

/// HR's reminder of what a person still owes in a cycle, in `lang`:
/// (subject, body).
pub(crate) fn reminder(
    site: &str,
    base: &str,
    name: &str,
    cycle: &str,
    owing: &[Owing],
    lang: &str,
) -> (String, String) {
    let words = crate::i18n::messages(lang);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("site", site.to_string());
    args.set("cycle", cycle.to_string());
    let subject = words.format("mail-reminder-subject", &args);
    let mut body = format!(
        "{}\n\n{}\n\n",
        words.with("mail-hello", "name", name),
        words.with("mail-reminder-intro", "cycle", cycle)
    );
    for o in owing {
        body.push_str(&format!("- {}", o.what));
        match (&o.due, o.late) {
            (Some(d), true) => body.push_str(&words.with("mail-reminder-due-late", "date", d)),
            (Some(d), false) => body.push_str(&words.with("mail-reminder-due", "date", d)),
            (None, _) => {}
        }
        body.push_str(&format!("\n  {base}{}\n", o.link));
    }
    body.push_str(&format!(
        "\n{}\n",
        words.with("mail-reminder-home", "home", &format!("{base}/app"))
    ));
    (subject, body)
}

#[cfg(test)]
mod tests {
    use super::digest;

    #[test]
    fn a_digest_is_written_in_its_readers_language() {
        let (subject, body) = digest("Ladder", "https://x.example", "Ari", &[], "en");
        assert_eq!(subject, "Ladder: 0 things wait for you");
        assert_eq!(
            body,
            "Hello Ari,\n\nWaiting for you:\n\n\n\
             This list is also on your home page: https://x.example/app\n\
             To get an email for each new thing instead, or none, change it on your\n\
             account page: https://x.example/app/account\n"
        );
        let (subject, body) = digest("Leiter", "https://x.example", "Ari", &[], "de");
        assert_eq!(subject, "Leiter: 0 Sachen warten auf Sie");
        assert!(
            body.starts_with("Hallo Ari,\n\nWartet auf Sie:\n"),
            "{body}"
        );
        assert!(
            body.ends_with("Kontoseite: https://x.example/app/account\n"),
            "{body}"
        );
    }
}
