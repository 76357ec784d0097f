//! Parsing the indicator ranges authors write: "2-3 years", "~50-65%".

use serde::Deserialize;

use crate::model::{PercentRange, YearRange};

/// A YAML/TOML scalar that may be written as a number or a string.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Scalar {
    /// `tenure: 2`
    Number(f64),
    /// `tenure: "2-3 years"`
    Text(String),
}

impl Scalar {
    /// The value as text, for parsing.
    pub fn as_text(&self) -> String {
        match self {
            Scalar::Number(n) => format_number(*n),
            Scalar::Text(t) => t.clone(),
        }
    }
}

/// Formats a number without a trailing `.0`.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Parses "2-3 years", "~1 year", "8+ years", "6 months", "1.5".
///
/// Returns a message fit for a diagnostic when the text is not a range.
pub fn parse_years(text: &str) -> Result<YearRange, String> {
    let lower = text.trim().to_lowercase();
    let mut body = lower.trim_start_matches('~').trim().to_string();
    let mut factor = 1.0;
    for (unit, f) in [
        ("months", 1.0 / 12.0),
        ("month", 1.0 / 12.0),
        ("years", 1.0),
        ("year", 1.0),
        ("yrs", 1.0),
        ("yr", 1.0),
        ("y", 1.0),
    ] {
        if let Some(rest) = body.strip_suffix(unit) {
            body = rest.trim().to_string();
            factor = f;
            break;
        }
    }
    let open = body.ends_with('+');
    let body = body.trim_end_matches('+').trim();
    let (a, b) = split_range(body);
    let min =
        parse_number(a).ok_or_else(|| format!("`{}` is not a number of years", text.trim()))?;
    let max = match b {
        Some(b) => Some(
            parse_number(b).ok_or_else(|| format!("`{}` is not a number of years", text.trim()))?,
        ),
        None if open => None,
        None => Some(min),
    };
    if open && b.is_some() {
        return Err(format!("`{}` has both an upper bound and `+`", text.trim()));
    }
    let min = round(min * factor);
    let max = max.map(|m| round(m * factor));
    if min < 0.0 {
        return Err("a number of years cannot be negative".into());
    }
    if let Some(max) = max
        && max < min
    {
        return Err(format!(
            "the range starts at {} but ends at {}",
            format_number(min),
            format_number(max)
        ));
    }
    Ok(YearRange { min, max })
}

/// Writes a year range back the way authors write it.
pub fn format_years(range: &YearRange) -> String {
    match range.max {
        None => format!("{}+ years", format_number(range.min)),
        Some(max) if max == range.min => {
            let unit = if range.min == 1.0 { "year" } else { "years" };
            format!("{} {unit}", format_number(range.min))
        }
        Some(max) => format!("{}-{} years", format_number(range.min), format_number(max)),
    }
}

/// Parses "~50-65%", "10%", "5-10".
pub fn parse_percent(text: &str) -> Result<PercentRange, String> {
    let approximate = text.trim().starts_with('~');
    let body = text
        .trim()
        .trim_start_matches('~')
        .trim()
        .trim_end_matches('%')
        .trim();
    let (a, b) = split_range(body);
    let parse = |s: &str| -> Result<u32, String> {
        s.trim()
            .trim_end_matches('%')
            .trim()
            .parse::<u32>()
            .map_err(|_| format!("`{}` is not a percentage", text.trim()))
    };
    let min = parse(a)?;
    let max = match b {
        Some(b) => parse(b)?,
        None => min,
    };
    if max < min {
        return Err(format!("the range starts at {min}% but ends at {max}%"));
    }
    if max > 100 {
        return Err(format!("{max}% is more than 100%"));
    }
    Ok(PercentRange {
        min,
        max,
        approximate,
    })
}

/// Writes a percent range back: "50-65%" or "10%".
pub fn format_percent(range: &PercentRange) -> String {
    let about = if range.approximate { "~" } else { "" };
    if range.min == range.max {
        format!("{about}{}%", range.min)
    } else {
        format!("{about}{}-{}%", range.min, range.max)
    }
}

fn split_range(body: &str) -> (&str, Option<&str>) {
    for sep in [" to ", "–", "—", "-"] {
        if let Some((a, b)) = body.split_once(sep)
            && !a.trim().is_empty()
        {
            return (a.trim(), Some(b.trim()));
        }
    }
    (body.trim(), None)
}

fn parse_number(s: &str) -> Option<f64> {
    let n: f64 = s.trim().parse().ok()?;
    n.is_finite().then_some(n)
}

fn round(n: f64) -> f64 {
    (n * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years() {
        assert_eq!(
            parse_years("~2-3 year"),
            Ok(YearRange {
                min: 2.0,
                max: Some(3.0)
            })
        );
        assert_eq!(
            parse_years("8+ years"),
            Ok(YearRange {
                min: 8.0,
                max: None
            })
        );
        assert_eq!(
            parse_years("6 months"),
            Ok(YearRange {
                min: 0.5,
                max: Some(0.5)
            })
        );
        assert!(parse_years("3-2 years").is_err());
        assert!(parse_years("soon").is_err());
        for r in ["1 year", "2-3 years", "8+ years", "0.5 years"] {
            assert_eq!(
                format_years(&parse_years(r).unwrap_or(YearRange {
                    min: -1.0,
                    max: None
                })),
                r
            );
        }
    }

    #[test]
    fn percents() {
        assert_eq!(
            parse_percent("~50-65%"),
            Ok(PercentRange {
                min: 50,
                max: 65,
                approximate: true
            })
        );
        assert_eq!(
            parse_percent("10"),
            Ok(PercentRange {
                min: 10,
                max: 10,
                approximate: false
            })
        );
        let about = parse_percent(" ~ 5-10 % ");
        assert_eq!(about.as_ref().map(format_percent), Ok("~5-10%".to_string()));
        assert_eq!(
            parse_percent("5-10%").map(|p| format_percent(&p)),
            Ok("5-10%".into())
        );
        assert!(parse_percent("65-50%").is_err());
        assert!(parse_percent("120%").is_err());
        assert!(parse_percent("lots").is_err());
    }
}
