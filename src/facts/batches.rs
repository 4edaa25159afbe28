//! The facts of a corpus, kept in the batches they were claimed in: as
//! facts, or written as bytes (`packed`) when the run holds a large corpus
//! and shows few of them.
//!
//! One vector grown fact by fact holds up to twice the memory its facts
//! need, and three times while it moves to a larger one: a batch is sized
//! once, when its facts are known, and never moved.
//!
//! A packed fact takes about a tenth of a `Fact`'s memory. It is read back
//! in two ways: `load` reads a copy for the moment (the engine reads each
//! fact so, key by key), and `get` reads it once and keeps it for as long
//! as the facts are kept, so that a finding can refer to it: only the facts
//! a run shows are ever kept read.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use super::packed::Tables;
use super::{Fact, Source};

/// A fact's number: its place among the facts, in the order they were
/// added.
pub type FactId = u32;

#[derive(Debug, Default)]
pub struct Facts {
    store: Store,
    len: usize,
}

#[derive(Debug)]
enum Store {
    Held {
        batches: Vec<Vec<Fact>>,
        /// The number of the first fact of each batch.
        starts: Vec<usize>,
    },
    Packed(Box<Packed>),
}

impl Default for Store {
    fn default() -> Store {
        Store::Held {
            batches: Vec::new(),
            starts: Vec::new(),
        }
    }
}

/// Facts written as bytes, with what reads them back.
#[derive(Debug, Default)]
struct Packed {
    tables: Tables,
    /// The bytes of each batch's facts, one after another, and the number
    /// of each batch's first fact.
    bytes: Vec<Vec<u8>>,
    firsts: Vec<usize>,
    /// Where each fact's bytes are in its batch, and its source.
    at: Vec<At>,
    sources: Vec<Arc<Source>>,
    /// The facts read back to be kept (`get`), in pages of `PAGE` made
    /// when one of their facts is first asked for.
    pages: Vec<OnceLock<Page>>,
}

/// Room for `PAGE` facts read back, each filled when first asked for.
type Page = Box<[OnceLock<Box<Fact>>]>;

#[derive(Debug, Clone, Copy)]
struct At {
    offset: u32,
    source: u32,
}

/// Facts a page of kept facts has room for.
const PAGE: usize = 1024;

impl Facts {
    /// Facts to be written as bytes as they are added.
    pub fn packed() -> Facts {
        Facts {
            store: Store::Packed(Box::default()),
            len: 0,
        }
    }

    /// Adds a batch of facts after those already held.
    pub fn push(&mut self, batch: Vec<Fact>) {
        let first = self.len;
        self.len += batch.len();
        if batch.is_empty() {
            return;
        }
        match &mut self.store {
            Store::Held { batches, starts } => {
                starts.push(first);
                batches.push(batch);
            }
            Store::Packed(p) => p.push(&batch),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Fact `id`, kept from now on if it is packed. `id` is the number of
    /// a fact of these facts (`scan`); any other is a bug, and panics.
    pub fn get(&self, id: FactId) -> &Fact {
        let id = id as usize;
        match &self.store {
            Store::Held { batches, starts } => {
                let b = starts.partition_point(|&s| s <= id) - 1;
                &batches[b][id - starts[b]]
            }
            Store::Packed(p) => {
                let page =
                    p.pages[id / PAGE].get_or_init(|| (0..PAGE).map(|_| OnceLock::new()).collect());
                page[id % PAGE].get_or_init(|| Box::new(p.read(id)))
            }
        }
    }

    /// How many packed facts are kept read (`get`); all of them when the
    /// facts are held as facts. For tests of what a run reads.
    #[cfg(test)]
    pub(crate) fn kept(&self) -> usize {
        match &self.store {
            Store::Held { .. } => self.len,
            Store::Packed(p) => p
                .pages
                .iter()
                .filter_map(OnceLock::get)
                .map(|page| page.iter().filter(|f| f.get().is_some()).count())
                .sum(),
        }
    }

    /// Fact `id` for the moment: a packed fact is read again, not kept.
    pub fn load(&self, id: FactId) -> Cow<'_, Fact> {
        match &self.store {
            Store::Held { .. } => Cow::Borrowed(self.get(id)),
            Store::Packed(p) => match p.kept(id as usize) {
                Some(f) => Cow::Borrowed(f),
                None => Cow::Owned(p.read(id as usize)),
            },
        }
    }

    /// The source of fact `id`, without reading the fact.
    pub fn source(&self, id: FactId) -> &Arc<Source> {
        match &self.store {
            Store::Held { .. } => &self.get(id).source,
            Store::Packed(p) => &p.sources[p.at[id as usize].source as usize],
        }
    }

    /// Every fact with its number, in order, each for the moment
    /// (`load`).
    pub fn scan(&self) -> impl Iterator<Item = (FactId, Cow<'_, Fact>)> + '_ {
        (0..self.len).map(|i| {
            // a corpus past four billion facts does not fit in memory
            let id = FactId::try_from(i).unwrap_or(FactId::MAX);
            (id, self.load(id))
        })
    }

    /// The facts in the order they were added, each kept once read
    /// (`get`): for the runs that show every fact.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            facts: self,
            next: 0,
        }
    }

    /// The facts as one vector.
    pub fn into_vec(self) -> Vec<Fact> {
        match self.store {
            Store::Held { batches, .. } => {
                let mut out = Vec::with_capacity(self.len);
                for batch in batches {
                    out.extend(batch);
                }
                out
            }
            Store::Packed(p) => (0..self.len).map(|i| p.read(i)).collect(),
        }
    }
}

impl Packed {
    fn push(&mut self, batch: &[Fact]) {
        self.firsts.push(self.at.len());
        let mut bytes = Vec::new();
        for fact in batch {
            let same = self
                .sources
                .last()
                .is_some_and(|s| Arc::ptr_eq(s, &fact.source));
            if !same {
                self.sources.push(Arc::clone(&fact.source));
            }
            self.at.push(At {
                // a batch of 4 GiB of facts does not fit in memory
                offset: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
                source: u32::try_from(self.sources.len() - 1).unwrap_or(u32::MAX),
            });
            self.tables.write(fact, &mut bytes);
        }
        bytes.shrink_to_fit();
        self.bytes.push(bytes);
        while self.pages.len() * PAGE < self.at.len() {
            self.pages.push(OnceLock::new());
        }
    }

    fn read(&self, id: usize) -> Fact {
        let at = self.at[id];
        // the batch that holds fact `id`: the last to start at or before it
        let batch = self.firsts.partition_point(|&first| first <= id) - 1;
        let bytes = &self.bytes[batch][at.offset as usize..];
        self.tables.read(bytes, &self.sources[at.source as usize])
    }

    /// Fact `id`, if it was kept.
    fn kept(&self, id: usize) -> Option<&Fact> {
        self.pages[id / PAGE].get()?[id % PAGE].get().map(|f| &**f)
    }
}

/// The facts in order (`Facts::iter`).
pub struct Iter<'a> {
    facts: &'a Facts,
    next: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Fact;

    fn next(&mut self) -> Option<&'a Fact> {
        if self.next >= self.facts.len {
            return None;
        }
        let id = FactId::try_from(self.next).unwrap_or(FactId::MAX);
        self.next += 1;
        Some(self.facts.get(id))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.facts.len - self.next;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl Clone for Iter<'_> {
    fn clone(&self) -> Self {
        Iter {
            facts: self.facts,
            next: self.next,
        }
    }
}

impl From<Vec<Fact>> for Facts {
    fn from(facts: Vec<Fact>) -> Facts {
        let mut out = Facts::default();
        out.push(facts);
        out
    }
}

impl<'a> IntoIterator for &'a Facts {
    type Item = &'a Fact;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(n: u32) -> Fact {
        crate::facts::test_fact(&format!("{n}.md"), &format!("{n} tonnes"))
    }

    #[test]
    fn batches_keep_their_order_and_count() {
        for mut facts in [Facts::default(), Facts::packed()] {
            assert!(facts.is_empty());
            facts.push(vec![fact(1), fact(2)]);
            facts.push(Vec::new());
            facts.push(vec![fact(3)]);
            assert_eq!(facts.len(), 3);
            let written: Vec<&str> = facts.iter().map(Fact::surface).collect();
            assert_eq!(written, ["1", "2", "3"]);
            assert_eq!((&facts).into_iter().count(), 3);
            let scanned: Vec<(FactId, String)> = facts
                .scan()
                .map(|(id, f)| (id, f.surface().to_string()))
                .collect();
            assert_eq!(scanned, [(0, "1".into()), (1, "2".into()), (2, "3".into())]);
            assert_eq!(facts.source(2).path, std::path::Path::new("3.md"));
            let all = facts.into_vec();
            assert_eq!(
                all.iter().map(Fact::surface).collect::<Vec<_>>(),
                ["1", "2", "3"]
            );
            assert_eq!(Facts::from(all).len(), 3);
        }
    }

    #[test]
    fn packed_facts_read_back_equal_and_are_kept_once_asked_for() {
        let batch: Vec<Fact> = (0..2500).map(|n| fact(n % 7)).collect();
        let mut facts = Facts::packed();
        facts.push(batch.clone());
        for (id, f) in facts.scan() {
            assert_eq!(*f, batch[id as usize]);
            assert!(matches!(f, Cow::Owned(_)));
        }
        let kept: *const Fact = facts.get(2049);
        assert!(std::ptr::eq(kept, facts.get(2049)));
        assert!(matches!(facts.load(2049), Cow::Borrowed(_)));
        assert!(matches!(facts.load(2048), Cow::Owned(_)));
    }
}
