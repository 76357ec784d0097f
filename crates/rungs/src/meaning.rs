//! Statement meaning for `rungs map --model DIR`: a BERT sentence-embedding
//! model (such as all-MiniLM-L6-v2, in the layout sentence-transformers
//! saves) run on the CPU with candle. Nothing is downloaded: the model is
//! read from the directory the user names, and only from there.
//!
//! Built only with the `semantic` feature.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::{PaddingParams, Tokenizer, TruncationParams};

/// Texts embedded in one forward pass. Texts are sorted by length first,
/// so a batch pads little.
const BATCH: usize = 32;

/// Tokens read of one statement; longer statements are cut (a statement
/// is a sentence or two, far under this).
const MAX_TOKENS: usize = 128;

/// A loaded model.
pub struct Model {
    bert: BertModel,
    tokenizer: Tokenizer,
    device: Device,
}

fn file(dir: &Path, name: &str) -> Result<PathBuf> {
    let path = dir.join(name);
    if !path.is_file() {
        bail!(
            "--model {}: no {name} there; --model takes a sentence-transformers model directory \
             (config.json, tokenizer.json, model.safetensors)",
            dir.display()
        );
    }
    Ok(path)
}

impl Model {
    /// Loads the model in `dir`: its config, tokenizer and weights, and
    /// checks that it pools by the mean of its tokens, as the vectors
    /// rungs compares assume.
    pub fn load(dir: &Path) -> Result<Model> {
        let config_path = file(dir, "config.json")?;
        let config: Config = serde_json::from_str(
            &std::fs::read_to_string(&config_path)
                .with_context(|| format!("reading {}", config_path.display()))?,
        )
        .with_context(|| format!("{}: not a BERT model config", config_path.display()))?;
        let pooling = dir.join("1_Pooling/config.json");
        if pooling.is_file() {
            let text = std::fs::read_to_string(&pooling)
                .with_context(|| format!("reading {}", pooling.display()))?;
            let value: serde_json::Value = serde_json::from_str(&text)
                .with_context(|| format!("{}: not JSON", pooling.display()))?;
            if value.get("pooling_mode_mean_tokens") != Some(&serde_json::Value::Bool(true)) {
                bail!(
                    "{}: rungs reads models that pool by the mean of their tokens, and this one does not",
                    pooling.display()
                );
            }
        }
        let tokenizer_path = file(dir, "tokenizer.json")?;
        let mut tokenizer = Tokenizer::from_file(&tokenizer_path)
            .map_err(|e| anyhow::anyhow!("{}: {e}", tokenizer_path.display()))?;
        tokenizer.with_padding(Some(PaddingParams::default()));
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: MAX_TOKENS,
                ..TruncationParams::default()
            }))
            .map_err(|e| anyhow::anyhow!("{}: {e}", tokenizer_path.display()))?;
        let weights_path = file(dir, "model.safetensors")?;
        let weights = std::fs::read(&weights_path)
            .with_context(|| format!("reading {}", weights_path.display()))?;
        let device = Device::Cpu;
        let vars = VarBuilder::from_buffered_safetensors(weights, DType::F32, &device)
            .with_context(|| format!("{}: not safetensors weights", weights_path.display()))?;
        let bert = BertModel::load(vars, &config).with_context(|| {
            format!("{}: weights do not fit config.json", weights_path.display())
        })?;
        Ok(Model {
            bert,
            tokenizer,
            device,
        })
    }

    /// One unit-length vector per text, in the order given.
    pub fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>> {
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|i| texts[*i].len());
        let mut out = vec![Vec::new(); texts.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&str> = chunk.iter().map(|i| texts[*i].as_str()).collect();
            for (i, vector) in chunk.iter().zip(self.embed_batch(&batch)?) {
                out[*i] = vector;
            }
        }
        Ok(out)
    }

    /// Mean of the token vectors (padding left out), scaled to length 1.
    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let encodings = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| anyhow::anyhow!("tokenizing statements: {e}"))?;
        let rows = |f: &dyn Fn(&tokenizers::Encoding) -> &[u32]| -> Result<Tensor> {
            let rows = encodings
                .iter()
                .map(|e| Tensor::new(f(e), &self.device))
                .collect::<candle_core::Result<Vec<_>>>()?;
            Ok(Tensor::stack(&rows, 0)?)
        };
        let ids = rows(&|e| e.get_ids())?;
        let mask = rows(&|e| e.get_attention_mask())?;
        let types = ids.zeros_like()?;
        let tokens = self.bert.forward(&ids, &types, Some(&mask))?;
        let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let summed = tokens.broadcast_mul(&mask)?.sum(1)?;
        let counts = mask.sum(1)?.clamp(1e-9, f64::MAX)?;
        let mean = summed.broadcast_div(&counts)?;
        let norm = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
        Ok(mean.broadcast_div(&norm)?.to_vec2::<f32>()?)
    }
}

/// Vectors kept between runs (`--embedding-cache FILE`), by statement
/// text, for one model: a run embeds only the texts the file lacks, and
/// loads no model at all when it lacks none.
#[derive(Default, serde::Deserialize, serde::Serialize)]
struct Cache {
    /// Which model made the vectors ([`fingerprint`]).
    model: String,
    vectors: std::collections::BTreeMap<String, Vec<f32>>,
}

/// Names a model by its config, tokenizer and the size of its weights: a
/// cache made with another model is not used.
fn fingerprint(dir: &Path) -> Result<String> {
    let mut text = String::new();
    for name in ["config.json", "tokenizer.json"] {
        let path = file(dir, name)?;
        text.push_str(
            &std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?,
        );
    }
    let weights = file(dir, "model.safetensors")?;
    let size = std::fs::metadata(&weights)
        .with_context(|| format!("reading {}", weights.display()))?
        .len();
    Ok(format!(
        "{:016x}-{size}",
        rungs_core::text::word_hash(&text)
    ))
}

impl Cache {
    /// The cache in `path` for the model `model`: empty when the file does
    /// not exist yet or was made with another model (it is then rebuilt).
    fn read(path: &Path, model: &str) -> Result<Cache> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("--embedding-cache: reading {}", path.display()));
            }
        };
        if text.is_empty() {
            return Ok(Cache {
                model: model.to_string(),
                ..Cache::default()
            });
        }
        let cache: Cache = serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "--embedding-cache {}:{}:{}: not an embedding cache ({e}); name another file (rungs leaves this one alone)",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        if cache.model != model {
            crate::output::info!(
                "note: {} was made with another model; its vectors are made again",
                path.display()
            );
            return Ok(Cache {
                model: model.to_string(),
                ..Cache::default()
            });
        }
        Ok(cache)
    }

    /// Writes the cache whole: a temporary file beside it, renamed over it.
    fn write(&self, path: &Path) -> Result<()> {
        let text = serde_json::to_string(self)?;
        let mut temporary = path.as_os_str().to_owned();
        temporary.push(".partial");
        let temporary = PathBuf::from(temporary);
        std::fs::write(&temporary, text)
            .with_context(|| format!("cannot write {}", temporary.display()))?;
        std::fs::rename(&temporary, path)
            .with_context(|| format!("cannot replace {}", path.display()))
    }
}

/// The meaning of every statement of both ladders, each text embedded once,
/// or read from `cache` when it has it.
pub fn of_ladders(
    dir: &Path,
    cache: Option<&Path>,
    a: &[&rungs_core::model::Level],
    b: &[&rungs_core::model::Level],
) -> Result<rungs_core::map::Meaning> {
    let levels: Vec<&rungs_core::model::Level> = a.iter().chain(b).copied().collect();
    let texts = rungs_core::map::statement_texts(&levels);
    let mut kept = match cache {
        Some(path) => Cache::read(path, &fingerprint(dir)?)?,
        None => Cache::default(),
    };
    let missing: Vec<String> = texts
        .iter()
        .filter(|t| !kept.vectors.contains_key(*t))
        .cloned()
        .collect();
    if !missing.is_empty() {
        let vectors = Model::load(dir)?.embed(&missing)?;
        kept.vectors.extend(missing.into_iter().zip(vectors));
        if let Some(path) = cache {
            kept.write(path)?;
        }
    }
    // The cache is written: its vectors move into the answer.
    let mut meaning = rungs_core::map::Meaning::new();
    for text in texts {
        if let Some(vector) = kept.vectors.remove(&text) {
            meaning.insert(text, vector);
        }
    }
    Ok(meaning)
}
