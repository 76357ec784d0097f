//! Indicators: a level page's "Indicators" section, split into cells (HTML
//! or Markdown table, or plain lines) and read as tenure, experience, scope
//! and time splits.

use crate::areas::AreaIndex;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::ranges::{parse_percent, parse_years};
use crate::model::{Indicators, Scope, TimeShare};

use super::discovery::ContentPage;
use super::shortcodes::html_words;

/// A cell of an indicators table (or a line of the section), with its file offset.
#[derive(Clone, Debug)]
pub(super) struct Cell {
    pub(super) text: String,
    pub(super) offset: usize,
}

/// Splits an indicators section into cells: `<td>` contents, Markdown table
/// cells, or plain lines.
pub(super) fn cells(section: &str, offset: usize) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut pos = 0;
    // ASCII case only: positions found in `lower` are used on `section`,
    // and full Unicode lowercasing changes lengths ("İ" is longer lowered).
    let lower = section.to_ascii_lowercase();
    let mut in_table = false;
    while pos < section.len() {
        if lower[pos..].starts_with("<table") {
            in_table = true;
        }
        if lower[pos..].starts_with("</table") {
            in_table = false;
        }
        if in_table && lower[pos..].starts_with("<td") {
            let Some(open_end) = section[pos..].find('>') else {
                break;
            };
            let content_start = pos + open_end + 1;
            let close = lower[content_start..]
                .find("</td")
                .or_else(|| lower[content_start..].find("<td"))
                .or_else(|| lower[content_start..].find("</tr"))
                .unwrap_or(section.len() - content_start);
            let raw = &section[content_start..content_start + close];
            out.push(Cell {
                text: html_text(raw),
                offset: offset + content_start + (raw.len() - raw.trim_start().len()),
            });
            pos = content_start + close;
            continue;
        }
        if !in_table && (pos == 0 || section.as_bytes()[pos - 1] == b'\n') {
            let line_end = section[pos..].find('\n').map_or(section.len(), |i| pos + i);
            let line = &section[pos..line_end];
            let t = line.trim();
            if t.starts_with('|') {
                for part in t.trim_matches('|').split('|') {
                    let c = part.trim();
                    if !c.is_empty() && !c.chars().all(|ch| ch == '-' || ch == ':') {
                        out.push(Cell {
                            text: html_text(c),
                            offset: offset + pos + line.find(c).unwrap_or(0),
                        });
                    }
                }
            } else if !t.is_empty() && !t.starts_with('<') {
                out.push(Cell {
                    text: html_text(t),
                    offset: offset + pos + (line.len() - line.trim_start().len()),
                });
            }
        }
        pos += section[pos..].chars().next().map_or(1, char::len_utf8);
    }
    out.retain(|c| !c.text.is_empty());
    out
}

/// The text of an HTML cell: its words (see [`html_words`]) without the
/// bold markers and stray spaces before colons cells carry.
fn html_text(html: &str) -> String {
    let text = html_words(html);
    text.replace(" :", ":")
        .replace("* *", "")
        .trim_matches('*')
        .trim()
        .to_string()
}

pub(super) fn read_indicators(
    p: &ContentPage,
    cells: &[Cell],
    areas: &AreaIndex,
    diags: &mut Diagnostics,
) -> Indicators {
    let mut out = Indicators::default();
    let mut notes: Vec<String> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let cell = &cells[i];
        let span = p
            .file
            .span(cell.offset, cell.offset + cell.text.len().min(60));
        let lower = cell.text.to_lowercase();
        let next = cells.get(i + 1);
        let labelled = |key: &str| lower.contains(key) && !lower.contains(':');
        if labelled("tenure") || labelled("experience") || labelled("scope") {
            let Some(value) = next else { break };
            if let Some((_, caveat)) = cell.text.split_once('(') {
                notes.push(caveat.trim_end_matches(')').trim().to_string());
            }
            if lower.contains("scope") {
                let v = value.text.to_lowercase();
                // The longest scope name found wins, so "multi-team" is not read as "team".
                let found = Scope::ALL
                    .iter()
                    .filter(|s| v.contains(s.as_str()))
                    .max_by_key(|s| s.as_str().len());
                match found {
                    Some(s) => out.scope = Some(s.as_str().to_string()),
                    None => diags.push(not_understood(p, value, "a scope rungs does not know")),
                }
            } else {
                match parse_years(&value.text) {
                    Ok(r) if lower.contains("tenure") => out.tenure = Some(r),
                    Ok(r) => out.experience = Some(r),
                    Err(_) => diags.push(not_understood(p, value, "not a number of years")),
                }
            }
            i += 2;
            continue;
        }
        if let Some((name, value)) = cell.text.split_once(':')
            && let Some(area) = areas.resolve(name)
        {
            match parse_percent(value) {
                Ok(r) => out.time_split.push(TimeShare {
                    area: area.to_string(),
                    percent: Some(r),
                    note: None,
                }),
                Err(_) => out.time_split.push(TimeShare {
                    area: area.to_string(),
                    percent: None,
                    note: Some(value.trim().to_string()),
                }),
            }
            i += 1;
            continue;
        }
        if lower.contains("split of") || lower.contains("responsibilit") {
            // The label of the time-split rows.
            i += 1;
            continue;
        }
        if i == 0 || !cell.text.contains(':') && cell.text.split_whitespace().count() > 6 {
            // A sentence introducing the table.
            notes.push(cell.text.clone());
            i += 1;
            continue;
        }
        diags.push(
            Diagnostic::warning(Code::NotImported, format!("indicator `{}` is not understood", cell.text))
                .at(&span)
                .help("indicators are time splits (`Area: ~10-20%`), tenure, experience and scope; add it by hand if it matters"),
        );
        i += 1;
    }
    if !notes.is_empty() {
        out.note = Some(notes.join(" "));
    }
    out
}

fn not_understood(p: &ContentPage, cell: &Cell, why: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::NotImported,
        format!("indicator value `{}` is {why}", cell.text),
    )
    .at(&p.file.span(cell.offset, cell.offset + cell.text.len()))
    .help("set the indicator in the imported level's front matter by hand")
}
