//! One binary token classifier per label: logistic regression over hashed features,
//! trained with averaged stochastic gradient descent. A token is inside (1) or outside (0)
//! a span of the label; labels are learned apart, so the same tokens can be inside spans
//! of several labels at once. The probability of each token is its marginal, which
//! [`super::decode`] turns into spans with a threshold per label.
//!
//! Labels are shared out over the machine's cores; the result does not depend on how
//! (each label's order of examples comes from a fixed seed).

/// How a tagger is trained.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainOptions {
    /// The weight table has `2^bits` entries per label.
    pub bits: u32,
    pub epochs: usize,
    pub rate: f32,
    /// Most weight given to a positive token, for rare labels.
    pub max_positive_weight: f32,
    /// Weight of a token the annotator rejected as a suggestion of the label.
    pub rejected_weight: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self { bits: 18, epochs: 8, rate: 0.05, max_positive_weight: 8.0, rejected_weight: 3.0 }
    }
}

/// Training tokens of every document, flattened: token `i` has the features
/// `feats[starts[i]..starts[i + 1]]` (already reduced to table indices), `inside[i]` has
/// bit `l` set when the token is inside a span of label `l`, `rejected[i]` when the
/// annotator rejected a suggestion of label `l` there.
#[derive(Clone, Debug, Default)]
pub struct Matrix {
    pub starts: Vec<u32>,
    pub feats: Vec<u32>,
    pub inside: Vec<u64>,
    pub rejected: Vec<u64>,
}

impl Matrix {
    pub fn new() -> Self {
        Self { starts: vec![0], ..Self::default() }
    }

    /// Adds one token.
    pub fn push(&mut self, feats: impl IntoIterator<Item = u32>, mask: u32, inside: u64, rejected: u64) {
        self.feats.extend(feats.into_iter().map(|f| f & mask));
        self.starts.push(u32::try_from(self.feats.len()).unwrap_or(u32::MAX));
        self.inside.push(inside);
        self.rejected.push(rejected);
    }

    pub fn len(&self) -> usize {
        self.inside.len()
    }

    pub fn is_empty(&self) -> bool {
        self.inside.is_empty()
    }

    fn row(&self, i: usize) -> &[u32] {
        let (Some(&a), Some(&b)) = (self.starts.get(i), self.starts.get(i + 1)) else { return &[] };
        self.feats.get(a as usize..b as usize).unwrap_or(&[])
    }
}

/// The weights of every label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagger {
    pub bits: u32,
    /// One table of `2^bits` weights per label.
    pub weights: Vec<Vec<f32>>,
}

pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

/// A small, fixed pseudo-random sequence (xorshift) for shuffling.
fn shuffled(n: usize, seed: u64) -> Vec<u32> {
    let mut order: Vec<u32> = (0..u32::try_from(n).unwrap_or(u32::MAX)).collect();
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for i in (1..order.len()).rev() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        order.swap(i, (s % (i as u64 + 1)) as usize);
    }
    order
}

/// Trains the label `label` of the matrix.
fn train_one(m: &Matrix, label: usize, options: &TrainOptions, cancel: &dyn Fn() -> bool) -> Vec<f32> {
    let bit = 1u64 << label;
    let positives = m.inside.iter().filter(|&&x| x & bit != 0).count();
    if positives == 0 {
        // Nothing to learn: an empty table scores every token 0.
        return Vec::new();
    }
    let size = 1usize << options.bits;
    let mut w = vec![0f32; size];
    let mut acc = vec![0f32; size];
    let ratio = (m.len() - positives) as f32 / positives as f32;
    let pos_weight = ratio.sqrt().clamp(1.0, options.max_positive_weight);
    let mut t = 1f32;
    for epoch in 0..options.epochs {
        if cancel() {
            break;
        }
        let rate = options.rate / (1.0 + epoch as f32 * 0.5);
        for &i in &shuffled(m.len(), (label as u64 + 1) * 7919 + epoch as u64) {
            let i = i as usize;
            let row = m.row(i);
            let z: f32 = row.iter().map(|&f| w.get(f as usize).copied().unwrap_or(0.0)).sum();
            let p = sigmoid(z);
            let y = m.inside.get(i).is_some_and(|x| x & bit != 0);
            let weight = if y {
                pos_weight
            } else if m.rejected.get(i).is_some_and(|x| x & bit != 0) {
                options.rejected_weight
            } else {
                1.0
            };
            let g = (f32::from(u8::from(y)) - p) * weight;
            if g.abs() > 1e-3 {
                let step = rate * g;
                for &f in row {
                    if let (Some(wf), Some(af)) = (w.get_mut(f as usize), acc.get_mut(f as usize)) {
                        *wf += step;
                        *af += t * step;
                    }
                }
            }
            t += 1.0;
        }
    }
    for (wf, af) in w.iter_mut().zip(&acc) {
        *wf -= af / t;
    }
    w
}

impl Tagger {
    /// Trains one classifier per label (`labels` of them) on the matrix, the labels shared
    /// out over the cores. `progress` is told each label finished; `cancel` is asked
    /// between passes and stops the training early.
    pub fn train(
        m: &Matrix,
        labels: usize,
        options: &TrainOptions,
        progress: &(dyn Fn() + Sync),
        cancel: &(dyn Fn() -> bool + Sync),
    ) -> Self {
        let threads =
            std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8).min(labels.max(1));
        let mut weights: Vec<Vec<f32>> = vec![Vec::new(); labels];
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|k| {
                    scope.spawn(move || {
                        (k..labels)
                            .step_by(threads)
                            .map(|l| {
                                let w = train_one(m, l, options, cancel);
                                progress();
                                (l, w)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            for (k, handle) in handles.into_iter().enumerate() {
                // A worker can only fail by panicking; its labels are trained here again so
                // the panic surfaces on this thread.
                let done = handle.join().unwrap_or_else(|_| {
                    (k..labels).step_by(threads).map(|l| (l, train_one(m, l, options, cancel))).collect()
                });
                for (l, w) in done {
                    if let Some(slot) = weights.get_mut(l) {
                        *slot = w;
                    }
                }
            }
        });
        Self { bits: options.bits, weights }
    }

    /// The probability that a token with these (unreduced) features is inside a span of
    /// each label, written to `out` (one value per label). A label with an empty table
    /// (no spans to learn from) scores 0.
    pub fn score(&self, feats: impl Iterator<Item = u32> + Clone, out: &mut [f32]) {
        let mask = (1u32 << self.bits) - 1;
        for (o, w) in out.iter_mut().zip(&self.weights) {
            if w.is_empty() {
                *o = 0.0;
                continue;
            }
            let z: f32 = feats.clone().map(|f| w.get((f & mask) as usize).copied().unwrap_or(0.0)).sum();
            *o = sigmoid(z);
        }
    }
}
