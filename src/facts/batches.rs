//! The facts of a corpus, kept in the batches they were claimed in.
//!
//! One vector grown fact by fact holds up to twice the memory its facts
//! need, and three times while it moves to a larger one: for a large corpus,
//! most of the memory a run takes. A batch is sized once, when its facts are
//! known, and never moved.

use super::Fact;

#[derive(Debug, Default)]
pub struct Facts {
    batches: Vec<Vec<Fact>>,
    len: usize,
}

impl Facts {
    /// Adds a batch of facts after those already held.
    pub fn push(&mut self, batch: Vec<Fact>) {
        self.len += batch.len();
        if !batch.is_empty() {
            self.batches.push(batch);
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The facts in the order they were added.
    pub fn iter(&self) -> std::iter::Flatten<std::slice::Iter<'_, Vec<Fact>>> {
        self.batches.iter().flatten()
    }

    /// The facts as one vector.
    pub fn into_vec(self) -> Vec<Fact> {
        let mut out = Vec::with_capacity(self.len);
        for batch in self.batches {
            out.extend(batch);
        }
        out
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
    type IntoIter = std::iter::Flatten<std::slice::Iter<'a, Vec<Fact>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_keep_their_order_and_count() {
        let fact = |n: u32| crate::facts::test_fact(&format!("{n}.md"), &format!("{n} tonnes"));
        let mut facts = Facts::default();
        assert!(facts.is_empty());
        facts.push(vec![fact(1), fact(2)]);
        facts.push(Vec::new());
        facts.push(vec![fact(3)]);
        assert_eq!(facts.len(), 3);
        let written: Vec<&str> = facts.iter().map(Fact::surface).collect();
        assert_eq!(written, ["1", "2", "3"]);
        assert_eq!((&facts).into_iter().count(), 3);
        let all = facts.into_vec();
        assert_eq!(
            all.iter().map(Fact::surface).collect::<Vec<_>>(),
            ["1", "2", "3"]
        );
        assert_eq!(Facts::from(all).len(), 3);
    }
}
