//! The one text-similarity engine of rungs: tokenise, weight terms by
//! TF-IDF over a small corpus, compare with cosine similarity.
//!
//! Level comparison uses it to align statements; version diffs and
//! cross-framework mapping use the same functions so that "similar" means the
//! same thing everywhere. The website's in-browser comparison implements the
//! same steps in JavaScript (`assets/rungs.js`); keep them in step.

use std::collections::HashMap;

/// Words too common to say anything about a statement.
const STOP: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "in",
    "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "with", "you",
    "your", "they", "them", "who", "when", "will", "we", "our", "all", "any", "into", "not", "but",
    "so", "than", "then", "there", "these", "those",
];

/// Lower-case word tokens of a text, without stop words and Markdown markup,
/// with a light plural folding ("teams" and "team" match).
pub fn tokens(text: &str) -> Vec<String> {
    let plain = crate::text::strip_inline_markup(text);
    plain
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| fold(&w))
        .collect()
}

fn fold(word: &str) -> String {
    if word.len() > 4 && word.ends_with("ies") {
        format!("{}y", &word[..word.len() - 3])
    } else if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    }
}

/// A weighted bag of words.
#[derive(Clone, Debug, Default)]
pub struct Vector {
    weights: HashMap<String, f64>,
    norm: f64,
}

impl Vector {
    /// The terms with the highest weights, for explanations.
    pub fn top_terms(&self, n: usize) -> Vec<&str> {
        let mut terms: Vec<(&String, &f64)> = self.weights.iter().collect();
        terms.sort_by(|a, b| b.1.total_cmp(a.1).then_with(|| a.0.cmp(b.0)));
        terms.into_iter().take(n).map(|(t, _)| t.as_str()).collect()
    }
}

/// Inverse document frequencies over a corpus of texts.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    idf: HashMap<String, f64>,
    docs: usize,
}

impl Corpus {
    /// Builds the IDF table from tokenised documents.
    pub fn new<'a>(docs: impl IntoIterator<Item = &'a [String]>) -> Corpus {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut n = 0;
        for doc in docs {
            n += 1;
            let mut seen: Vec<&String> = doc.iter().collect();
            seen.sort();
            seen.dedup();
            for t in seen {
                *df.entry(t.clone()).or_default() += 1;
            }
        }
        let idf = df
            .into_iter()
            .map(|(t, d)| (t, ((1 + n) as f64 / (1 + d) as f64).ln() + 1.0))
            .collect();
        Corpus { idf, docs: n }
    }

    /// The TF-IDF vector of a tokenised text.
    pub fn vector(&self, tokens: &[String]) -> Vector {
        let mut weights: HashMap<String, f64> = HashMap::new();
        for t in tokens {
            *weights.entry(t.clone()).or_default() += 1.0;
        }
        let default_idf = ((1 + self.docs) as f64).ln() + 1.0;
        for (t, w) in weights.iter_mut() {
            *w *= self.idf.get(t).copied().unwrap_or(default_idf);
        }
        let norm = weights.values().map(|w| w * w).sum::<f64>().sqrt();
        Vector { weights, norm }
    }
}

/// Cosine similarity of two vectors, 0 (nothing shared) to 1 (same direction).
pub fn cosine(a: &Vector, b: &Vector) -> f64 {
    if a.norm == 0.0 || b.norm == 0.0 {
        return 0.0;
    }
    let (small, large) = if a.weights.len() <= b.weights.len() {
        (a, b)
    } else {
        (b, a)
    };
    let dot: f64 = small
        .weights
        .iter()
        .filter_map(|(t, w)| large.weights.get(t).map(|v| w * v))
        .sum();
    dot / (a.norm * b.norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_texts_score_higher() {
        let texts = [
            "You lead projects across teams.",
            "You lead projects across several teams.",
            "You write tests.",
        ];
        let toks: Vec<Vec<String>> = texts.iter().map(|t| tokens(t)).collect();
        let corpus = Corpus::new(toks.iter().map(Vec::as_slice));
        let v: Vec<Vector> = toks.iter().map(|t| corpus.vector(t)).collect();
        assert!(cosine(&v[0], &v[1]) > 0.8);
        assert!(cosine(&v[0], &v[2]) < 0.1);
        assert!((cosine(&v[0], &v[0]) - 1.0).abs() < 1e-9);
        assert_eq!(tokens("Teams' abilities"), vec!["team", "ability"]);
    }
}
