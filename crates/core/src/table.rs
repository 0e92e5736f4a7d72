//! Positions of items by a text key the items hold: a
//! `hashbrown::HashTable` of positions, so the keys stay in the items
//! instead of being copied into a map (the id tables of the data set, the
//! domain table of the matcher).

use std::fmt;
use std::hash::{BuildHasher, RandomState};

use hashbrown::hash_table::Entry;
use hashbrown::HashTable;

#[derive(Clone, Default)]
pub(crate) struct PosTable {
    table: HashTable<u32>,
    hasher: RandomState,
}

impl fmt::Debug for PosTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PosTable({} keys)", self.table.len())
    }
}

/// Which item a key keeps when several items have it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    First,
    Last,
}

impl PosTable {
    pub(crate) fn with_capacity(n: usize) -> PosTable {
        PosTable {
            table: HashTable::with_capacity(n),
            hasher: RandomState::new(),
        }
    }

    /// Files `items[n]` under its key (none: not filed); where an item
    /// already has the key, `keep` says which one stays.
    pub(crate) fn insert<T>(
        &mut self,
        items: &[T],
        n: usize,
        keep: Keep,
        key: impl Fn(&T) -> Option<&str>,
    ) {
        let Some(k) = key(&items[n]) else {
            return;
        };
        let hasher = &self.hasher;
        let key_at = |p: &u32| items.get(*p as usize).and_then(&key);
        let entry = self.table.entry(
            hasher.hash_one(k),
            |p| key_at(p) == Some(k),
            |p| hasher.hash_one(key_at(p).unwrap_or_default()),
        );
        match entry {
            Entry::Occupied(mut o) if keep == Keep::Last => *o.get_mut() = n as u32,
            Entry::Occupied(_) => {}
            Entry::Vacant(v) => {
                v.insert(n as u32);
            }
        }
    }

    /// The position of the item filed under `k`.
    pub(crate) fn get<T>(
        &self,
        items: &[T],
        k: &str,
        key: impl Fn(&T) -> Option<&str>,
    ) -> Option<usize> {
        self.table
            .find(self.hasher.hash_one(k), |p| {
                items.get(*p as usize).and_then(&key) == Some(k)
            })
            .map(|p| *p as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_or_last_item_with_a_key() {
        struct Item(&'static str);
        let items = ["a", "b", "a", "c"].map(Item);
        fn key(i: &Item) -> Option<&str> {
            Some(i.0)
        }
        for (keep, want) in [(Keep::First, 0), (Keep::Last, 2)] {
            let mut t = PosTable::with_capacity(2);
            for n in 0..items.len() {
                t.insert(&items, n, keep, key);
            }
            assert_eq!(t.get(&items, "a", key), Some(want));
            assert_eq!(t.get(&items, "c", key), Some(3));
            assert_eq!(t.get(&items, "z", key), None);
            // Items read with other keys than they were filed by: no panic.
            assert_eq!(t.get(&items[..1], "c", key), None);
        }
    }
}
