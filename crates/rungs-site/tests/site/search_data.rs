//! The search data (`assets/data.js`): statement ids, published short or
//! not at all, spell out as the level pages write them.

use super::*;

/// The words `rungs.js` (`idWords`) derives an id from: the rule as
/// data.js publishes it, applied as the script applies it.
fn script_words(text: &str, rule: &serde_json::Value) -> String {
    let stop: Vec<&str> = rule["stop"]
        .as_array()
        .map(|a| a.iter().filter_map(|w| w.as_str()).collect())
        .expect("the rule lists its stop words");
    let words = rule["words"].as_u64().expect("the rule's word count") as usize;
    let chars = rule["chars"].as_u64().expect("the rule's letter limit") as usize;
    let mut out: Vec<String> = Vec::new();
    let (mut word, mut len, mut in_target, mut prev) = (String::new(), 0, false, ' ');
    let flush = |word: &mut String, len: &mut usize, out: &mut Vec<String>| {
        if !word.is_empty() && out.len() < words && !stop.contains(&word.as_str()) {
            out.push(word.clone());
        }
        word.clear();
        *len = 0;
    };
    for c in text.chars() {
        if out.len() >= words {
            break;
        }
        if in_target {
            in_target = c != ')';
        } else if c == '(' && prev == ']' {
            in_target = true;
        } else if c.is_ascii_alphanumeric() {
            if len < chars {
                word.push(c.to_ascii_lowercase());
            }
            len += 1;
        } else if c != '\'' {
            flush(&mut word, &mut len, &mut out);
        }
        prev = c;
    }
    flush(&mut word, &mut len, &mut out);
    if out.is_empty() {
        "statement".to_string()
    } else {
        out.join("-")
    }
}

#[test]
fn statement_ids_in_the_search_data_spell_out_as_on_the_pages() {
    let (fw, site) = build_example();
    let data =
        String::from_utf8_lossy(site.get("assets/data.js").expect("assets/data.js is built"))
            .into_owned();
    let json = data
        .trim_start_matches("window.RUNGS_DATA=")
        .trim_end()
        .trim_end_matches(';');
    let value: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("data.js: {e}"));
    let areas: Vec<&str> = value["areas"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x[0].as_str()).collect())
        .expect("data.js lists the areas");
    let rule = &value["ids"];
    let (mut derived, mut total) = (0, 0);
    for (t, track) in fw
        .tracks
        .iter()
        .zip(value["tracks"].as_array().into_iter().flatten())
    {
        for (l, level) in t
            .levels
            .iter()
            .zip(track["levels"].as_array().into_iter().flatten())
        {
            // As rungs.js spells them out (loadData).
            let mut anchor = String::new();
            let spelt: Vec<String> = level["s"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| {
                    // `[area, text, name?]`: the id left out.
                    let (short, rest) = match s[0].as_str() {
                        Some(id) => (Some(id), s.as_array().map_or(&[][..], |a| &a[1..])),
                        None => (None, s.as_array().map_or(&[][..], |a| &a[..])),
                    };
                    let area = rest
                        .first()
                        .and_then(|a| a.as_u64())
                        .and_then(|i| areas.get(i as usize))
                        .copied()
                        .unwrap_or("");
                    let text = rest.get(1).and_then(|t| t.as_str()).unwrap_or("");
                    let key = rest
                        .get(2)
                        .and_then(|n| n.as_str())
                        .filter(|n| !n.is_empty())
                        .unwrap_or(text);
                    let Some(short) = short else {
                        derived += 1;
                        anchor = format!("{area}-{}", script_words(key, rule));
                        return anchor.clone();
                    };
                    if short == "~" {
                        derived += 1;
                        return format!("{anchor}--{}", script_words(key, rule));
                    }
                    if let Some(rest) = short.strip_prefix('~') {
                        return format!("{anchor}--{rest}");
                    }
                    let id = match (short.strip_prefix('-'), short.strip_prefix('!')) {
                        (Some(rest), _) => format!("{area}-{rest}"),
                        (None, Some(id)) => id.to_string(),
                        _ => short.to_string(),
                    };
                    anchor = id.clone();
                    id
                })
                .collect();
            let mut ids = Vec::new();
            for s in &l.statements {
                s.visit(&mut |x: &rungs_core::model::Statement| ids.push(x.id.clone()));
            }
            assert_eq!(spelt, ids, "{}/{}", t.id, l.id);
            total += ids.len();
        }
    }
    // The example has both: ids the script derives, and explicit ones.
    assert!(derived > 0, "derived ids are left out");
    assert!(
        derived < total,
        "ids the script cannot derive are published"
    );
}
