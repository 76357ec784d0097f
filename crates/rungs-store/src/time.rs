//! Time as the store keeps it: instants in Unix seconds, dates as
//! `YYYY-MM-DD` text (sorts and compares the same on both databases).

use time::macros::format_description;

/// Now, in Unix seconds.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let d = time::OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Whether `s` is a real calendar date written `YYYY-MM-DD`.
pub fn valid_date(s: &str) -> bool {
    parse_date(s).is_some()
}

/// The calendar date `s` names, written `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<time::Date> {
    if s.len() != 10 {
        return None;
    }
    time::Date::parse(s, format_description!("[year]-[month]-[day]")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(valid_date("2024-02-29"));
        assert!(!valid_date("2023-02-29"));
        assert!(!valid_date("2023-13-01"));
        assert!(!valid_date("2023-1-01"));
        assert!(!valid_date("+2023-01-01"));
        assert!(valid_date(&today()));
    }
}
