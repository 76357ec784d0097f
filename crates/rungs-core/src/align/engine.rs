//! The one text-similarity engine of rungs: tokenise, weight terms by
//! TF-IDF over a small corpus, compare with cosine similarity.
//!
//! Level comparison, relinking and diffs between versions, and mapping
//! between ladders all use these functions, so "similar" means the same thing
//! everywhere. Texts become 64-bit token ids (hashes of the folded words), so
//! each text is prepared once, independently, and compared as sorted lists of
//! numbers. The website's in-browser comparison follows the same steps in
//! JavaScript (`assets/rungs.js`), with the stop words and [`THRESHOLDS`] read
//! from the site's data rather than copied.

crate::text::word_list!(
    /// Words that only matter for similarity, skipped besides the
    /// [`STOP_WORDS`](crate::text::STOP_WORDS) that ids skip.
    EXTRA_STOP_WORDS,
    /// True for one of the [`EXTRA_STOP_WORDS`].
    is_extra_stop,
    ["will", "we", "our", "all", "any", "into", "not", "but", "so", "than", "then", "there", "these", "those"]
);

/// True for words too common to say anything about a statement.
fn is_stop(word: &str) -> bool {
    crate::text::is_stop_word(word) || is_extra_stop(word)
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
/// batch of documents, which is also what their IDF weights mean.
#[derive(Clone, Debug, Default)]
pub struct Vector {
    weights: Vec<(u32, f64)>,
    norm: f64,
}

/// The weight of a term found in `df` of `docs` documents: smoothed inverse
/// document frequency, so a word every document has still counts a little
/// and one seen once counts most. The only place this formula is written.
pub fn idf(docs: usize, df: usize) -> f64 {
    ((1.0 + docs as f64) / (1.0 + df as f64)).ln() + 1.0
}

/// The similarity scores that decide when two statements are "the same
/// expectation". Every comparison of rungs reads them from here, and the
/// website publishes them in its data for the in-browser comparison.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Thresholds {
    /// Within one area, two statements at least this similar are one
    /// expectation, reworded (level comparison).
    pub same_area: f64,
    /// Across areas a statement must be at least this similar to count as
    /// moved (level comparison and relinking).
    pub other_area: f64,
    /// Between two versions of a framework, in the same level and area, a
    /// rewording keeps its identity at this similarity. Stricter than
    /// `same_area`: ratings follow these links.
    pub relink: f64,
    /// Share of a statement's words that must come from one statement of the
    /// other version for a split or a merge to be recognised.
    pub containment: f64,
}

/// The thresholds in force.
pub const THRESHOLDS: Thresholds = Thresholds {
    same_area: 0.3,
    other_area: 0.6,
    relink: 0.5,
    containment: 0.6,
};

/// Documents prepared for comparison: one TF-IDF vector each, weighted over
/// the whole batch, and the token id of every term number (to explain a
/// score in words).
#[derive(Clone, Debug, Default)]
pub struct Batch {
    /// One vector per document, in the order given.
    pub vectors: Vec<Vector>,
    terms: Vec<u64>,
}

impl Batch {
    /// Tokenises and weights `texts` as one batch.
    pub fn new<T: AsRef<str>>(texts: &[T]) -> Batch {
        let ids: Vec<Vec<u64>> = texts.iter().map(|t| token_ids(t.as_ref())).collect();
        let (vectors, terms) = weigh(&occurrences(&ids), ids.len());
        Batch { vectors, terms }
    }

    /// Cosine similarity of documents `i` and `j`.
    pub fn cosine(&self, i: usize, j: usize) -> f64 {
        cosine(&self.vectors[i], &self.vectors[j])
    }

    /// Cosine similarity of each of the first `split` documents with each of
    /// the others: `result[i * (len - split) + j]` is `cosine(i, split + j)`,
    /// computed through a term index (see [`cosine_matrix`]).
    pub fn cosine_matrix(&self, split: usize) -> Vec<f64> {
        let (a, b) = self.vectors.split_at(split.min(self.vectors.len()));
        cosine_matrix(a, b)
    }

    /// Up to `n` words that documents `i` and `j` share, the heaviest in
    /// both first; `text_i` is document `i`'s text, where the words are
    /// read back from.
    pub fn shared_terms(&self, i: usize, j: usize, text_i: &str, n: usize) -> Vec<String> {
        let (a, b) = (&self.vectors[i], &self.vectors[j]);
        let mut shared: Vec<(f64, u32)> = Vec::new();
        let (mut x, mut y) = (0, 0);
        while x < a.weights.len() && y < b.weights.len() {
            let ((ta, wa), (tb, wb)) = (a.weights[x], b.weights[y]);
            match ta.cmp(&tb) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    shared.push((wa * wb, ta));
                    x += 1;
                    y += 1;
                }
            }
        }
        shared.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)));
        shared.truncate(n);
        let mut words: Vec<Option<String>> = vec![None; shared.len()];
        for_each_token(text_i, |word| {
            let hash = crate::text::word_hash(word);
            for (k, (_, term)) in shared.iter().enumerate() {
                if words[k].is_none() && self.terms[*term as usize] == hash {
                    words[k] = Some(word.to_string());
                }
            }
        });
        words.into_iter().flatten().collect()
    }
}

/// The words the engine ignores, for the browser's copy of the tokeniser.
pub fn stop_words() -> Vec<&'static str> {
    crate::text::STOP_WORDS
        .iter()
        .chain(EXTRA_STOP_WORDS)
        .copied()
        .collect()
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
    weigh(entries, docs).0
}

/// [`vectors_from_occurrences`], and the token id of each term number.
fn weigh(entries: &[(u64, u32)], docs: usize) -> (Vec<Vector>, Vec<u64>) {
    // Each run of one token gives its term number, its document frequency
    // and, per document, its count.
    let mut vectors: Vec<Vector> = vec![Vector::default(); docs];
    let mut terms = Vec::new();
    for (term, run) in entries.chunk_by(|a, b| a.0 == b.0).enumerate() {
        terms.push(run[0].0);
        let per_doc = run.chunk_by(|a, b| a.1 == b.1);
        let weight = idf(docs, per_doc.clone().count());
        for occurrences in per_doc {
            let doc = occurrences[0].1 as usize;
            vectors[doc]
                .weights
                .push((term as u32, occurrences.len() as f64 * weight));
        }
    }
    for v in &mut vectors {
        v.norm = v.weights.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    }
    (vectors, terms)
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
        let batch = Batch::new(&texts);
        assert!(batch.cosine(0, 1) > 0.8);
        assert!(batch.cosine(0, 2) < 0.1);
        assert!((batch.cosine(0, 0) - 1.0).abs() < 1e-9);
        assert_eq!(tokens("Teams' abilities"), vec!["team", "ability"]);
    }

    #[test]
    fn shared_terms_are_words_of_both_heaviest_first() {
        let texts = [
            "You mentor engineers and lead incident reviews.",
            "Leads incident reviews; mentors nobody.",
            "You write tests.",
        ];
        let batch = Batch::new(&texts);
        let shared = batch.shared_terms(0, 1, texts[0], 5);
        // "mentor" is in both ("mentors" folds to it); "engineers" is not.
        for word in ["incident", "review", "mentor"] {
            assert!(shared.iter().any(|w| w == word), "{shared:?}");
        }
        assert!(!shared.iter().any(|w| w == "engineer"), "{shared:?}");
        assert!(batch.shared_terms(0, 2, texts[0], 5).is_empty());
    }
}
