//! Ranked autocomplete: the organizations whose names begin with, contain
//! a word beginning with, or are a slip away from what has been typed so
//! far, scored by the levels of `score`, the share of the name typed and
//! how prominent the organization is.

use super::*;

impl Names<'_> {
    /// Ranked autocomplete suggestions, one per organization, best first.
    /// Work per call is bounded: binary searches plus at most
    /// `MAX_PREFIX_SCAN` and `MAX_TYPO_SCAN` entries scored.
    pub fn suggest(&self, input: &str, limit: usize) -> Vec<OrgMatch> {
        let key = normalize(input);
        if key.is_empty() || limit == 0 {
            return Vec::new();
        }
        let sq = squash(&key);
        let qlen = sq.chars().count();
        let mut best: HashMap<usize, (u32, usize, MatchReason)> = HashMap::new();
        let offer = |best: &mut HashMap<usize, (u32, usize, MatchReason)>,
                     e: usize,
                     score: u32,
                     reason: MatchReason| {
            let org = self.entries[e].org;
            let slot = best.entry(org).or_insert((0, e, reason));
            if score > slot.0 {
                *slot = (score, e, reason);
            }
        };
        let scored = |e: usize, tier: u32| {
            tier + bonus(qlen, self.entries[e].squash_len()) / 2
                + self.org_weight[self.entries[e].org]
        };
        for &e in self.with_key(&key) {
            offer(&mut best, e as usize, score::EXACT, MatchReason::Exact);
        }
        let words = prefix_range(&self.word_starts, &key, |(e, off)| {
            &self.entries[*e as usize].key()[usize::from(*off)..]
        });
        for &(e, off) in words.iter().take(MAX_PREFIX_SCAN) {
            let e = e as usize;
            if self.entries[e].key() != key {
                offer(
                    &mut best,
                    e,
                    scored(
                        e,
                        if off == 0 {
                            score::NAME_PREFIX
                        } else {
                            score::WORD_PREFIX
                        },
                    ),
                    MatchReason::Prefix,
                );
            }
        }
        let squashed = prefix_range(&self.squash_sorted, &sq, |e| {
            self.entries[*e as usize].squash()
        });
        for &e in squashed.iter().take(MAX_PREFIX_SCAN) {
            let e = e as usize;
            if self.entries[e].key() != key {
                offer(
                    &mut best,
                    e,
                    scored(e, score::SQUASHED_PREFIX),
                    MatchReason::Prefix,
                );
            }
        }
        // A typo in what has been typed so far, only when the cheap matches
        // leave room: compare with each name cut to the same length.
        // (Not when the text is exactly a name: that is what was meant.)
        if best.len() < limit && qlen >= 4 && self.with_key(&key).is_empty() {
            let budget = typo_budget(qlen + 1).min(2);
            let first = sq.chars().next().unwrap_or(' ');
            // Names sharing a half with what was typed first (any size of
            // index), then the most prominent names of the same initial.
            let (starts, ends) = self.typo_candidates(&sq, budget);
            // A whole name typed with a typo early on.
            let mut found = 0;
            for &e in &ends {
                let entry = &self.entries[e as usize];
                if let Some(d) = bounded_distance(&sq, entry.squash(), budget).filter(|&d| d > 0) {
                    let weight = self.org_weight[entry.org];
                    offer(
                        &mut best,
                        e as usize,
                        score::TYPED_SO_FAR_TYPO - 100 * d as u32 + weight / 2,
                        MatchReason::Typo,
                    );
                    found += 1;
                }
            }
            let try_typo = |best: &mut HashMap<usize, (u32, usize, MatchReason)>, e: u32| {
                let entry = &self.entries[e as usize];
                // The name cut to what was typed, give or take a letter (a
                // dropped or doubled letter shifts the rest).
                let cut = |k: usize| {
                    entry
                        .squash()
                        .char_indices()
                        .nth(k)
                        .map_or(entry.squash(), |(i, _)| &entry.squash()[..i])
                };
                let mut hit = None;
                for k in [qlen, qlen + 1, qlen - 1] {
                    if let Some(d) = bounded_distance(&sq, cut(k), budget) {
                        hit = Some(hit.map_or(d, |h: usize| h.min(d)));
                        if d <= 1 {
                            break; // a positive distance cannot get lower
                        }
                    }
                }
                let hit = hit.filter(|&d| d > 0);
                if let Some(d) = hit {
                    let weight = self.org_weight[entry.org];
                    offer(
                        best,
                        e as usize,
                        score::TYPED_SO_FAR_TYPO - 100 * d as u32 + weight / 2,
                        MatchReason::Typo,
                    );
                }
                hit.is_some()
            };
            for &e in &starts {
                found += usize::from(try_typo(&mut best, e));
                if found >= limit {
                    break;
                }
            }
            // Then the most prominent names of the same initial: in a small
            // index, or when the text is too short for the half-names.
            let scan = if self.entries.len() <= LINEAR_TYPO_LIMIT && found < limit {
                MAX_TYPO_SCAN
            } else if starts.is_empty() && ends.is_empty() {
                // Too short to have halves worth looking up ("nimbs").
                MAX_TYPO_SCAN / 4
            } else {
                0
            };
            for &e in self.by_initial.get(&first).into_iter().flatten().take(scan) {
                try_typo(&mut best, e);
            }
        }
        // Rank without copying names; build results for the top only.
        let mut ranked: Vec<(u32, usize, MatchReason)> = best.into_values().collect();
        let order = |a: &(u32, usize, MatchReason), b: &(u32, usize, MatchReason)| {
            b.0.cmp(&a.0).then_with(|| {
                let name = |e: usize| self.org_name(self.entries[e].org);
                name(a.1).cmp(name(b.1))
            })
        };
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit, order);
            ranked.truncate(limit);
        }
        crate::sort::sort_by(&mut ranked, order);
        let mut out: Vec<OrgMatch> = ranked
            .into_iter()
            .map(|(score, e, reason)| self.hit(e, reason, score))
            .collect();
        // A web address names its organization before anything else.
        if let Some(m) = domain_of(input).and_then(|d| self.domain_hit(&d)) {
            out.retain(|o| o.org_id != m.org_id);
            out.insert(0, m);
            out.truncate(limit);
        }
        out
    }
}
