//! The build's sort: packed numbers sorted by a stepped least-significant-
//! digit radix sort, ties ordered by their texts a round at a time.

/// A sort of positions `0..n` of a list by a text each, done a bounded
/// amount at a time. Each position is packed in one `u64` with the first
/// whole bytes of its text above it (as many as fit beside the position),
/// and the numbers are sorted by those bytes without comparisons (see
/// [`StepSort`]). Only positions whose packed bytes tie read their texts,
/// seven bytes a round (see [`chunk_at`]).
#[derive(Debug)]
pub(super) struct Packed {
    sort: StepSort,
    shift: u32,
}

impl Packed {
    /// Bits for a position among `n` (at least one; at most 32, as
    /// positions are u32).
    fn position_bits(n: usize) -> u32 {
        (usize::BITS - n.saturating_sub(1).leading_zeros()).max(1)
    }

    /// Positions `0..n`, each with the first bytes of its text (see
    /// [`text_start`]).
    pub(super) fn new(n: usize, start: impl Fn(usize) -> u64) -> Packed {
        // Whole bytes of text above the position.
        let shift = Packed::position_bits(n);
        let bytes = (64 - shift) / 8;
        let data = (0..n)
            .map(|i| start(i) >> (64 - 8 * bytes) << (64 - 8 * bytes) | i as u64)
            .collect();
        Packed {
            sort: StepSort::new(data, shift),
            shift,
        }
    }

    /// A sort whose numbers say it all: `order(i)` (in the top bits,
    /// those a position leaves) then the position.
    pub(super) fn whole(n: usize, order: impl Fn(usize) -> u64) -> Packed {
        let shift = Packed::position_bits(n);
        let data = (0..n)
            .map(|i| order(i) >> shift << shift | i as u64)
            .collect();
        Packed {
            sort: StepSort::new(data, shift),
            shift,
        }
    }

    /// Sorts about `budget` elements; `chunk(i, depth)` is position `i`'s
    /// text from byte `depth` (see [`chunk_at`]), read for ties only. Equal
    /// texts stay in position order. True when sorted.
    pub(super) fn step(&mut self, budget: usize, chunk: impl Fn(usize, usize) -> u64) -> bool {
        self.sort.step(budget, chunk)
    }

    /// The positions, sorted.
    pub(super) fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        let mask = (1u64 << self.shift) - 1;
        self.sort.data.iter().map(move |&p| (p & mask) as usize)
    }

    pub(super) fn progress(&self) -> f64 {
        self.sort.progress()
    }
}

/// Seven bytes of a text from byte `depth` (big-endian, zeros after its
/// end), then how many of them the text has. These numbers order as the
/// texts do from `depth` on, or tie with 7 (both go on: compare again
/// further on) or with less (equal texts).
pub(super) fn chunk_at(bytes: impl Iterator<Item = u8>, depth: usize) -> u64 {
    let mut n = 0u64;
    let mut len = 0u32;
    for b in bytes.skip(depth).take(7) {
        n = n << 8 | u64::from(b);
        len += 1;
    }
    (n << (8 * (7 - len))) << 8 | u64::from(len)
}

/// The first eight bytes of a text as a big-endian number (shorter texts
/// padded with zeros): a longer text never comes before a shorter one it
/// starts with, so the numbers order as the texts do, or tie.
pub(super) fn text_start(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut n = 0u64;
    let mut len = 0;
    for b in bytes.take(8) {
        n = n << 8 | u64::from(b);
        len += 1;
    }
    if len == 0 {
        0
    } else {
        n << (8 * (8 - len))
    }
}

/// Packed numbers (see [`Packed`]) sorted a bounded amount at a time: first
/// by their bits above the position, by a least-significant-digit radix
/// sort, which is stable, so numbers whose text bytes tie stay in position
/// order; then each run of such ties by their texts, a round at a time
/// (`tie_round`). A step does about its budget of work, or one round of one
/// run of ties, whichever is more.
#[derive(Debug)]
pub(super) struct StepSort {
    pub(super) data: Vec<u64>,
    tmp: Vec<u64>,
    /// Bits of the position, below the sorted digits.
    shift: u32,
    /// The digit being placed (`passes` when all are), and where in `data`.
    pass: u32,
    passes: u32,
    at: usize,
    /// Where the next element with each digit value goes in this pass
    /// (empty until the pass's digits are counted).
    slots: Vec<u32>,
    /// Runs of ties still to order: (start, length, text bytes already
    /// equal); and room for a round's (chunk, number) pairs.
    ties: Vec<(usize, usize, usize)>,
    keyed: Vec<(u64, u64)>,
    /// Elements handled so far, and in all (for progress).
    done: usize,
    total: usize,
}

/// Bits per radix digit.
const DIGIT_BITS: u32 = 11;

impl StepSort {
    pub(super) fn new(data: Vec<u64>, shift: u32) -> StepSort {
        let n = data.len();
        let passes = (64 - shift.min(64)).div_ceil(DIGIT_BITS);
        StepSort {
            tmp: Vec::new(),
            data,
            shift,
            pass: 0,
            passes,
            at: 0,
            slots: Vec::new(),
            ties: Vec::new(),
            keyed: Vec::new(),
            done: 0,
            total: n * (passes as usize + 1),
        }
    }

    pub(super) fn progress(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            (self.done as f64 / self.total as f64).min(1.0)
        }
    }

    /// Does about `budget` elements' work (see the type), ordering ties by
    /// `chunk` (see [`Packed::step`]); true when the whole is sorted.
    pub(super) fn step(&mut self, budget: usize, chunk: impl Fn(usize, usize) -> u64) -> bool {
        let n = self.data.len();
        let mask = (1u64 << DIGIT_BITS) - 1;
        let mut work = 0;
        while work < budget {
            if self.pass < self.passes {
                let low = self.shift + self.pass * DIGIT_BITS;
                let digit = |x: u64| ((x >> low) & mask) as usize;
                if self.slots.is_empty() {
                    // Count each digit value, then where its elements go.
                    let mut counts = vec![0u32; 1 << DIGIT_BITS];
                    for &x in &self.data {
                        counts[digit(x)] += 1;
                    }
                    work += n;
                    if counts.iter().any(|&c| c as usize == n) {
                        // One value for all: this digit orders nothing.
                        self.pass += 1;
                        self.done += n;
                        continue;
                    }
                    let mut next = 0u32;
                    for c in counts.iter_mut() {
                        (*c, next) = (next, next + *c);
                    }
                    self.slots = counts;
                    if self.tmp.len() != n {
                        self.tmp = vec![0; n];
                    }
                    continue;
                }
                let end = self.at + (n - self.at).min(budget - work);
                for &x in &self.data[self.at..end] {
                    let slot = &mut self.slots[digit(x)];
                    if let Some(t) = self.tmp.get_mut(*slot as usize) {
                        *t = x;
                    }
                    *slot += 1;
                }
                work += end - self.at;
                self.done += end - self.at;
                self.at = end;
                if self.at == n {
                    std::mem::swap(&mut self.data, &mut self.tmp);
                    self.pass += 1;
                    self.at = 0;
                    self.slots = Vec::new();
                }
            } else if let Some((start, len, depth)) = self.ties.pop() {
                let pos_mask = (1u64 << self.shift) - 1;
                let run = &mut self.data[start..start + len];
                tie_round(run, pos_mask, depth, &chunk, &mut self.keyed, |at, same| {
                    self.ties.push((start + at, same, depth + 7))
                });
                work += len;
            } else if self.at < n {
                // The next run of numbers whose text bytes tie.
                let high = self.data[self.at] >> self.shift;
                let len = self.data[self.at..]
                    .iter()
                    .position(|&x| x >> self.shift != high)
                    .unwrap_or(n - self.at);
                if len > 1 {
                    self.ties.push((self.at, len, 0));
                }
                self.at += len;
                work += len;
                self.done += len;
            } else {
                self.done = self.total;
                // The buffers are not needed any more.
                self.tmp = Vec::new();
                self.slots = Vec::new();
                self.keyed = Vec::new();
                return true;
            }
        }
        false
    }
}

/// One round of ordering a run of numbers whose texts are equal in their
/// first `depth` bytes: by the next seven (`chunk(position, depth)`, see
/// [`chunk_at`]), sorted as numbers, then by the numbers themselves (equal
/// texts by position). Calls `again(at, len)` for each part still tied
/// whose texts go on. `keyed` is room for the pairs (any contents).
pub(super) fn tie_round(
    run: &mut [u64],
    pos_mask: u64,
    depth: usize,
    chunk: &impl Fn(usize, usize) -> u64,
    keyed: &mut Vec<(u64, u64)>,
    mut again: impl FnMut(usize, usize),
) {
    keyed.clear();
    keyed.extend(
        run.iter()
            .map(|&x| (chunk((x & pos_mask) as usize, depth), x)),
    );
    keyed.sort_unstable();
    let mut i = 0;
    while i < keyed.len() {
        let c = keyed[i].0;
        let same = keyed[i..].iter().take_while(|k| k.0 == c).count();
        if same > 1 && c & 0xFF == 7 {
            again(i, same);
        }
        i += same;
    }
    for (x, &(_, k)) in run.iter_mut().zip(keyed.iter()) {
        *x = k;
    }
}

#[cfg(test)]
mod step_sort_tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn step_sort_sorts_like_sort_for_any_budget() {
        let mut x: u64 = 0x5eed;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for n in [0usize, 1, 5, 2047, 2048, 2049, 30_000] {
            for (shift, spread) in [(1, 64), (17, 47), (17, 12), (20, 3), (63, 1)] {
                // Values over `spread` bits (few bits: many ties, sorted by
                // the comparison), told apart by their position below
                // `shift`, so an element lost or doubled cannot hide behind
                // an equal one.
                let data: Vec<u64> = (0..n)
                    .map(|i| {
                        let value = next() >> (64 - spread) << (64 - spread);
                        value >> shift << shift | (i as u64 & ((1 << shift) - 1))
                    })
                    .collect();
                let mut want = data.clone();
                want.sort();
                for budget in [1usize, 100, 4096, usize::MAX] {
                    let mut s = StepSort::new(data.clone(), shift);
                    let mut steps = 0;
                    // (Every number's text is empty: ties by position.)
                    while !s.step(budget, |_, _| 0) {
                        steps += 1;
                        assert!(steps < 20 * n + 20, "ends");
                    }
                    assert_eq!(s.progress(), 1.0);
                    assert_eq!(
                        s.data, want,
                        "n {n} shift {shift} spread {spread} budget {budget}"
                    );
                }
                // Budgets that change from step to step, ending with all
                // that is left in one go (as `NameIndexBuilder::finish` does).
                let mut s = StepSort::new(data.clone(), shift);
                for budget in [1usize, 7, 1, 300, 2, 5000, 3] {
                    s.step(budget, |_, _| 0);
                }
                while !s.step(usize::MAX, |_, _| 0) {}
                assert_eq!(
                    s.data, want,
                    "n {n} shift {shift} spread {spread}, mixed budgets"
                );
            }
        }
    }

    /// Texts from a small alphabet with a space, multi-byte letters and the
    /// zero byte (as the padding after a text's end is), so that many share
    /// long beginnings (ties on the packed bytes), and some are beginnings
    /// of others.
    fn texts() -> impl Strategy<Value = Vec<String>> {
        let letter = prop_oneof![
            Just('a'),
            Just('b'),
            Just(' '),
            Just('é'),
            Just('z'),
            Just('\0')
        ];
        proptest::collection::vec(
            proptest::collection::vec(letter, 0..24).prop_map(|v| v.into_iter().collect()),
            0..3000,
        )
    }

    proptest! {
        #![proptest_config(crate::support::proptest_config(32, 0x50_47ed))]

        /// The packed sort orders as a plain sort by text (then position),
        /// forwards and backwards, whatever the work budget per step.
        #[test]
        fn packed_sort_orders_as_the_texts(texts in texts(), budget in 1usize..5000, backwards: bool) {
            let bytes = |i: usize| -> Vec<u8> {
                let b = texts[i].as_bytes();
                if backwards { b.iter().rev().copied().collect() } else { b.to_vec() }
            };
            let mut want: Vec<usize> = (0..texts.len()).collect();
            want.sort_by(|&i, &j| bytes(i).cmp(&bytes(j)).then(i.cmp(&j)));
            let mut p = Packed::new(texts.len(), |i| text_start(bytes(i).into_iter()));
            while !p.step(budget, |i, d| chunk_at(bytes(i).into_iter(), d)) {}
            prop_assert_eq!(p.positions().collect::<Vec<_>>(), want);
        }
    }
}
