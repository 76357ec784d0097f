//! The one text-similarity engine of rungs: tokenise, weight terms by
//! TF-IDF over a small corpus, compare with cosine similarity.
//!
//! Level comparison uses it to align statements; version diffs and
//! cross-framework mapping use the same functions so that "similar" means the
//! same thing everywhere. The website's in-browser comparison implements the
//! same steps in JavaScript (`assets/rungs.js`); keep them in step.

use std::collections::HashMap;

/// True for words too common to say anything about a statement: the words
/// ids skip, and a few more that only matter for similarity.
fn is_stop(word: &str) -> bool {
    crate::text::is_stop_word(word)
        || matches!(
            word,
            "will"
                | "we"
                | "our"
                | "all"
                | "any"
                | "into"
                | "not"
                | "but"
                | "so"
                | "than"
                | "then"
                | "there"
                | "these"
                | "those"
        )
}

/// Lower-case word tokens of a text, without stop words and Markdown markup,
/// with a light plural folding ("teams" and "team" match).
///
/// One pass over the text; link targets (`](...)`) are skipped.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(16);
    for_each_token(text, |t| out.push(t.to_string()));
    out
}

/// Calls `f` with each token of `text`, as [`tokens`] returns them, reusing
/// one buffer (no allocation per token).
fn for_each_token(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::with_capacity(16);
    let mut chars = text.chars().peekable();
    let mut finish = |word: &mut String| {
        if word.chars().nth(1).is_some() && !is_stop(word) {
            fold(word);
            f(word);
        }
        word.clear();
    };
    while let Some(c) = chars.next() {
        if c == ']' && chars.peek() == Some(&'(') {
            // Skip the link target; the link text joins what follows, as in the browser.
            for c in chars.by_ref() {
                if c == ')' {
                    break;
                }
            }
        } else if c.is_alphanumeric() {
            if c.is_ascii() {
                word.push(c.to_ascii_lowercase());
            } else {
                word.extend(c.to_lowercase());
            }
        } else if !matches!(c, '*' | '_' | '`' | '[') {
            finish(&mut word);
        }
    }
    finish(&mut word);
}

/// Folds a plural to its singular, in place.
fn fold(word: &mut String) {
    if word.len() > 4 && word.ends_with("ies") {
        word.truncate(word.len() - 3);
        word.push('y');
    } else if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word.pop();
    }
}

/// A weighted bag of words: term numbers with weights, sorted by term, so
/// cosine similarity is a merge of two sorted lists (no hashing in the hot
/// loop). Term numbers are small and dense (0, 1, 2, ... in the order of the
/// term's token id), so vectors only compare with vectors made from the same
/// corpus or batch of documents, which is also what their IDF weights mean.
#[derive(Clone, Debug, Default)]
pub struct Vector {
    weights: Vec<(u32, f64)>,
    norm: f64,
}

/// Inverse document frequencies over a corpus of texts, with an id per term.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    ids: HashMap<String, u32>,
    terms: Vec<String>,
    idf: Vec<f64>,
    docs: usize,
}

impl Corpus {
    /// Builds the IDF table from tokenised documents.
    pub fn new<'a>(docs: impl IntoIterator<Item = &'a [String]>) -> Corpus {
        let mut corpus = Corpus::default();
        let mut df: Vec<usize> = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        for doc in docs {
            corpus.docs += 1;
            seen.clear();
            for t in doc {
                let id = match corpus.ids.get(t) {
                    Some(id) => *id,
                    None => {
                        let id = corpus.terms.len() as u32;
                        corpus.ids.insert(t.clone(), id);
                        corpus.terms.push(t.clone());
                        df.push(0);
                        id
                    }
                };
                seen.push(id);
            }
            seen.sort_unstable();
            seen.dedup();
            for id in &seen {
                df[*id as usize] += 1;
            }
        }
        let n = corpus.docs as f64;
        corpus.idf = df
            .into_iter()
            .map(|d| ((1.0 + n) / (1.0 + d as f64)).ln() + 1.0)
            .collect();
        corpus
    }

    /// The TF-IDF vector of a tokenised text. Terms the corpus has never seen
    /// are left out: they cannot be shared with any document of the corpus.
    pub fn vector(&self, tokens: &[String]) -> Vector {
        let mut ids: Vec<u32> = tokens
            .iter()
            .filter_map(|t| self.ids.get(t).copied())
            .collect();
        ids.sort_unstable();
        let mut weights: Vec<(u32, f64)> = Vec::with_capacity(ids.len());
        for id in ids {
            match weights.last_mut() {
                Some((last, w)) if *last == id => *w += 1.0,
                _ => weights.push((id, 1.0)),
            }
        }
        for (id, w) in weights.iter_mut() {
            *w *= self.idf[*id as usize];
        }
        let norm = weights.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        Vector { weights, norm }
    }

    /// The terms of a vector with the highest weights, for explanations.
    pub fn top_terms<'a>(&'a self, v: &Vector, n: usize) -> Vec<&'a str> {
        let mut terms = v.weights.clone();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms
            .into_iter()
            .take(n)
            .map(|(id, _)| self.terms[id as usize].as_str())
            .collect()
    }
}

/// A token as a number: the same token gives the same number in every text,
/// so texts can be prepared once, independently and in parallel, and compared
/// later without looking strings up. 64 bits make collisions negligible.
pub fn token_ids(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(16);
    for_each_token(text, |t| out.push(crate::text::word_hash(t)));
    out
}

/// Every (token id, document) occurrence of `docs`, sorted; documents are
/// numbered by their place in `docs`. Documents prepared once can be
/// compared many times: merging two sorted lists costs less than sorting.
pub fn occurrences<D: AsRef<[u64]>>(docs: &[D]) -> Vec<(u64, u32)> {
    let mut entries: Vec<(u64, u32)> =
        Vec::with_capacity(docs.iter().map(|d| d.as_ref().len()).sum());
    for (doc, ids) in docs.iter().enumerate() {
        entries.extend(ids.as_ref().iter().map(|&id| (id, doc as u32)));
    }
    entries.sort_unstable();
    entries
}

/// Merges the occurrences of two sets of documents into those of `a`
/// followed by `b` (the documents of `b` are numbered after the `a_docs`
/// documents of `a`), still sorted.
pub fn merge_occurrences(a: &[(u64, u32)], a_docs: u32, b: &[(u64, u32)]) -> Vec<(u64, u32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        // On equal ids, `a` first: its documents have the lower numbers.
        if a[i].0 <= b[j].0 {
            out.push(a[i]);
            i += 1;
        } else {
            out.push((b[j].0, b[j].1 + a_docs));
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend(b[j..].iter().map(|&(id, doc)| (id, doc + a_docs)));
    out
}

/// TF-IDF vectors of `docs` documents from their sorted occurrences (see
/// [`occurrences`]), with IDF over these documents.
pub fn vectors_from_occurrences(entries: &[(u64, u32)], docs: usize) -> Vec<Vector> {
    // Each run of one token gives its term number, its document frequency
    // and, per document, its count.
    let n = docs as f64;
    let mut vectors: Vec<Vector> = vec![Vector::default(); docs];
    for (term, run) in entries.chunk_by(|a, b| a.0 == b.0).enumerate() {
        let per_doc = run.chunk_by(|a, b| a.1 == b.1);
        let df = per_doc.clone().count() as f64;
        let idf = ((1.0 + n) / (1.0 + df)).ln() + 1.0;
        for occurrences in per_doc {
            let doc = occurrences[0].1 as usize;
            vectors[doc]
                .weights
                .push((term as u32, occurrences.len() as f64 * idf));
        }
    }
    for v in &mut vectors {
        v.norm = v.weights.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    }
    vectors
}

/// Cosine similarity of two vectors, 0 (nothing shared) to 1 (same direction).
pub fn cosine(a: &Vector, b: &Vector) -> f64 {
    if a.norm == 0.0 || b.norm == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.weights.len() && j < b.weights.len() {
        let (ta, wa) = a.weights[i];
        let (tb, wb) = b.weights[j];
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += wa * wb;
                i += 1;
                j += 1;
            }
        }
    }
    dot / (a.norm * b.norm)
}

/// Cosine similarity of every pair: `result[i * b.len() + j]` is
/// `cosine(&a[i], &b[j])`, bit for bit.
///
/// Rather than merging every pair of vectors, the terms of `b` are indexed
/// once (term → the vectors that have it), and each vector of `a` only visits
/// the vectors it shares a term with. Statements share few terms, so this is
/// several times faster than `a.len() * b.len()` merges. Products are added in
/// increasing term order, as [`cosine`] adds them, so the sums are identical.
pub fn cosine_matrix(a: &[Vector], b: &[Vector]) -> Vec<f64> {
    let n = b.len();
    // The vectors of `b` by term, as one array sliced by `starts` (terms are
    // small dense numbers, so a term is its own index).
    let terms = b
        .iter()
        .flat_map(|v| v.weights.last())
        .map(|&(t, _)| t as usize + 1)
        .max()
        .unwrap_or(0);
    let mut starts = vec![0usize; terms + 1];
    for v in b {
        for &(t, _) in &v.weights {
            starts[t as usize + 1] += 1;
        }
    }
    for t in 0..terms {
        starts[t + 1] += starts[t];
    }
    let mut fill = starts.clone();
    let mut postings = vec![(0u32, 0.0f64); starts[terms]];
    for (j, v) in b.iter().enumerate() {
        for &(t, w) in &v.weights {
            postings[fill[t as usize]] = (j as u32, w);
            fill[t as usize] += 1;
        }
    }
    let mut out = vec![0.0; a.len() * n];
    for (i, v) in a.iter().enumerate() {
        let row = &mut out[i * n..(i + 1) * n];
        for &(t, w) in v.weights.iter().filter(|(t, _)| (*t as usize) < terms) {
            for &(j, wj) in &postings[starts[t as usize]..starts[t as usize + 1]] {
                row[j as usize] += w * wj;
            }
        }
        for (j, dot) in row.iter_mut().enumerate() {
            let (na, nb) = (v.norm, b[j].norm);
            *dot = if na == 0.0 || nb == 0.0 {
                0.0
            } else {
                *dot / (na * nb)
            };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_matrix_equals_pairwise_cosine() {
        let texts = [
            "You lead projects across teams.",
            "You lead projects across several teams and mentor.",
            "You write tests.",
            "",
            "Teams trust your reviews; you mentor across projects.",
        ];
        let ids: Vec<Vec<u64>> = texts.iter().map(|t| token_ids(t)).collect();
        let v = vectors_from_occurrences(&occurrences(&ids), ids.len());
        let (a, b) = v.split_at(2);
        let m = cosine_matrix(a, b);
        assert_eq!(m.len(), a.len() * b.len());
        for (i, x) in a.iter().enumerate() {
            for (j, y) in b.iter().enumerate() {
                assert_eq!(m[i * b.len() + j].to_bits(), cosine(x, y).to_bits());
            }
        }
        assert!(m.iter().any(|s| *s > 0.1));
    }

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
