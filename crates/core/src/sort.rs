//! One stable sort for the core's small and occasional sorts (results,
//! plans, lists to browse). The standard library's `sort_by` is compiled
//! anew for every element type and comparison, about 4 KB of WebAssembly
//! each; this one sorts positions with a comparison passed by reference, so
//! it is compiled once, and each caller adds only a few instructions. The
//! matcher's index builds keep their own sorts, where speed matters.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping the order of equal items (stable).
pub(crate) fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        merge_order(items.len(), &mut |i, j| cmp(&items[i], &items[j]))
    };
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    // `order` is a permutation of the positions: every slot is taken once.
    v.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// The positions `0..n` in the order `cmp` gives them: a bottom-up merge
/// sort, stable (an equal item from the left run goes first).
fn merge_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut to[lo..hi] {
                let left = j >= hi || (i < mid && cmp(from[i], from[j]) != Ordering::Greater);
                if left {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_small_cases_stably() {
        let cases: &[&[(u8, u8)]] = &[
            &[],
            &[(1, 0)],
            &[(2, 0), (1, 1)],
            &[(1, 0), (1, 1), (0, 2)],
            &[(3, 0), (1, 1), (2, 2), (1, 3), (3, 4), (0, 5), (1, 6)],
        ];
        for case in cases {
            let mut got = case.to_vec();
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            let mut want = case.to_vec();
            want.sort_by_key(|a| a.0);
            assert_eq!(got, want, "{case:?}");
        }
    }

    proptest! {
        #![proptest_config(crate::support::proptest_config(512, 0x5eed_2026))]

        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn orders_as_the_standard_stable_sort(keys in proptest::collection::vec(0u8..8, 0..300)) {
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut got = items.clone();
            sort_by(&mut got, |a, b| b.0.cmp(&a.0));
            let mut want = items;
            want.sort_by_key(|b| std::cmp::Reverse(b.0));
            prop_assert_eq!(got, want);
        }
    }
}
