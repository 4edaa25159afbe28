//! Readings: the claims of one key grouped into sets that agree with each
//! other under the metric's tolerance. One reading means the sources
//! agree; two or more, that they do not.
//!
//! The grouping is a sweep over the claims sorted by interval, O(n log n):
//! claims are sorted by their lower end (unbounded first), then their upper
//! end, then source path and place in the text. The first claim opens a
//! reading; each next claim joins the newest reading if it agrees with every
//! claim in it, else opens a new one. Since the claims come in order of
//! their lower ends, a claim agrees with every claim of a reading exactly
//! when it agrees with the one whose upper end is lowest (for the `exact`,
//! `rounding` and `absolute` tolerances; for `relative`, whose slack grows
//! with the larger value, this is the test made). So a chain A ~ B ~ C in
//! which A and C disagree is split as {A, B}, {C}: a claim goes to the
//! lowest reading that can take it, and the split is the same on every run.

use std::sync::Arc;

use super::compare::{difference, disagree, Claim, Difference};
use crate::facts::{Fact, FactId, Facts, Source};
use crate::interval::Interval;
use crate::rules::Tolerance;

/// Claims of one key that agree with each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading<'f> {
    /// The claims, in source order (path and record, then place in the text).
    pub facts: Members<'f>,
    /// The values every claim of the reading allows, under the tolerance's
    /// intervals (signed for a fall of a change metric); when the claims
    /// agree only within a slack (`relative`, `absolute`), the span from the
    /// lowest to the highest of them.
    pub interval: Interval,
    /// The claim that stands for the reading: the most precise (a stated
    /// value before a range or bound, then the finest step), first in
    /// source order among equals.
    pub lead: &'f Fact,
    /// How far the lead is from the lead of the finding's first reading.
    pub difference: Option<Difference>,
    /// The lead as compared (signed).
    pub(super) claim: Claim<'f>,
}

/// The facts of a reading, by their numbers: a fact is read (and kept)
/// when it is asked for, so a reading of a million claims that shows three
/// reads three.
#[derive(Clone)]
pub struct Members<'f> {
    facts: &'f Facts,
    ids: Vec<FactId>,
}

impl<'f> Members<'f> {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The facts, in source order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'f Fact> + '_ {
        let facts = self.facts;
        self.ids.iter().map(move |&id| facts.get(id))
    }

    /// The source of each fact, in order, without reading the facts.
    pub fn sources(&self) -> impl Iterator<Item = &'f Arc<Source>> + '_ {
        let facts = self.facts;
        self.ids.iter().map(move |&id| facts.source(id))
    }
}

impl std::fmt::Debug for Members<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.ids).finish()
    }
}

/// Two lists of members are equal when they list the same facts.
impl PartialEq for Members<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.facts, other.facts) && self.ids == other.ids
    }
}

impl Eq for Members<'_> {}

impl Reading<'_> {
    /// The number of distinct sources (articles: a path, and a record of
    /// JSON Lines) in the reading.
    pub fn sources(&self) -> usize {
        // the claims of an article are next to each other
        let mut n = 0;
        let mut last: Option<&Arc<Source>> = None;
        for s in self.facts.sources() {
            if !last.is_some_and(|l| super::same_source(l, s)) {
                n += 1;
            }
            last = Some(s);
        }
        n
    }
}

/// The claims of one key that agree with each other, in source order.
pub(super) type Group<'l> = Vec<Claim<'l>>;

/// The groups of `claims` (all of one key) that agree, in the order of
/// their first source.
pub(super) fn group<'l>(mut claims: Vec<Claim<'l>>, tolerance: Tolerance) -> Vec<Group<'l>> {
    claims.sort_by(|a, b| {
        a.interval
            .cmp_by_lo(&b.interval)
            .then_with(|| a.at.cmp(&b.at))
    });
    let mut groups: Vec<Group<'l>> = Vec::new();
    // the claim of the newest group whose upper end is lowest
    let mut tightest: Option<Claim<'l>> = None;
    for c in claims {
        let joins = tightest.is_some_and(|t| !disagree(&c, &t, tolerance));
        match groups.last_mut() {
            Some(g) if joins => {
                if lower_hi(&c, tightest.as_ref()) {
                    tightest = Some(c);
                }
                g.push(c);
            }
            _ => {
                tightest = Some(c);
                groups.push(vec![c]);
            }
        }
    }
    for g in &mut groups {
        g.sort_by_key(|c| c.at);
    }
    groups.sort_by_key(|g| g[0].at);
    groups
}

/// The readings of `groups` (`group`), of `facts`, each but the first with
/// its difference from the first.
pub(super) fn readings<'f>(groups: &[Group<'_>], facts: &'f Facts) -> Vec<Reading<'f>> {
    let mut readings: Vec<Reading<'f>> = groups.iter().map(|g| reading(g, facts)).collect();
    if let Some(first) = readings.first().map(|r| r.claim) {
        for r in readings.iter_mut().skip(1) {
            r.difference = Some(difference(&first, &r.claim));
        }
    }
    readings
}

/// Whether `c`'s upper end is below `t`'s.
fn lower_hi(c: &Claim, t: Option<&Claim>) -> bool {
    t.is_none_or(|t| c.interval.cmp_hi(&t.interval) == std::cmp::Ordering::Less)
}

/// The reading of a group of claims that agree (non-empty, in source
/// order), its lead kept among `facts`.
fn reading<'f>(group: &[Claim<'_>], facts: &'f Facts) -> Reading<'f> {
    let lead = *group
        .iter()
        .min_by(|a, b| {
            let q = |c: &Claim| (c.value().is_none(), c.fact.quantity.step);
            q(a).cmp(&q(b)).then_with(|| a.at.cmp(&b.at))
        })
        // cannot fail: a group is never empty (it is opened with a claim)
        .expect("a reading has a claim");
    let mut common = Some(group[0].interval);
    for c in &group[1..] {
        common = common.and_then(|i| i.intersect(&c.interval));
    }
    let interval = common.unwrap_or_else(|| hull(group));
    let kept = facts.get(lead.id);
    Reading {
        facts: Members {
            facts,
            ids: group.iter().map(|c| c.id).collect(),
        },
        interval,
        lead: kept,
        difference: None,
        claim: lead.of(kept),
    }
}

/// From the lowest lower end to the highest upper end of the group.
fn hull(group: &[Claim]) -> Interval {
    let mut lo = group[0].interval.lo;
    let mut hi = group[0].interval.hi;
    for c in &group[1..] {
        let i = c.interval;
        lo = lo
            .zip(i.lo)
            .map(|(a, b)| if b.value < a.value { b } else { a });
        hi = hi
            .zip(i.hi)
            .map(|(a, b)| if b.value > a.value { b } else { a });
    }
    Interval { lo, hi }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first metric figure of `text`, as a fact of `path`.
    fn fact(path: &str, text: &str) -> Fact {
        crate::facts::test_fact(path, text)
    }

    fn values(readings: &[Reading]) -> Vec<Vec<String>> {
        readings
            .iter()
            .map(|r| r.facts.iter().map(|f| f.surface().to_string()).collect())
            .collect()
    }

    fn group_of(facts: &Facts, t: Tolerance) -> Vec<Reading<'_>> {
        // an article's number is its place in path order, whatever the
        // order the facts are given in
        let all: Vec<&Fact> = facts.iter().collect();
        let mut paths: Vec<&std::path::Path> =
            all.iter().map(|f| f.source.path.as_path()).collect();
        paths.sort();
        let article = |f: &Fact| {
            let i = paths.partition_point(|p| *p < f.source.path.as_path());
            u32::try_from(i).unwrap_or(u32::MAX)
        };
        let claims = (0..)
            .zip(&all)
            .map(|(id, f)| Claim::new((id, f), false, t, article(f)))
            .collect();
        readings(&group(claims, t), facts)
    }

    /// `facts` as the facts of a corpus.
    fn store(facts: &[Fact]) -> Facts {
        Facts::from(facts.to_vec())
    }

    #[test]
    fn agreeing_claims_make_one_reading() {
        let facts = [
            fact("a.md", "$245 billion"),
            fact("b.md", "about $245 billion"),
            fact("c.md", "more than $200 billion"),
        ];
        let facts = store(&facts);
        let r = group_of(&facts, Tolerance::Exact);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].lead.surface(), "$245 billion");
        assert_eq!(r[0].sources(), 3);
    }

    #[test]
    fn a_chain_is_split_at_the_first_claim_that_disagrees_with_the_lowest() {
        // A = 100 ± 5, B = 108 ± 5 and C = 116 ± 5 under 'about': A ~ B,
        // B ~ C, A ≁ C; the sweep gives {A, B}, {C}, in any input order
        let a = fact("a.md", "about 100 tonnes");
        let b = fact("b.md", "about 108 tonnes");
        let c = fact("c.md", "about 116 tonnes");
        for facts in [
            [a.clone(), b.clone(), c.clone()],
            [c.clone(), b.clone(), a.clone()],
            [b.clone(), c.clone(), a.clone()],
        ] {
            let facts = store(&facts);
            let r = group_of(&facts, Tolerance::Exact);
            assert_eq!(values(&r), [vec!["100", "108"], vec!["116"]]);
        }
    }

    #[test]
    fn readings_come_in_order_of_their_first_source_with_differences() {
        let facts = [
            fact("a.md", "$245 billion"),
            fact("b.md", "US$244.8 billion"),
            fact("c.md", "$245 billion"),
        ];
        let facts = store(&facts);
        let r = group_of(&facts, Tolerance::Exact);
        assert_eq!(
            values(&r),
            [
                vec!["$245 billion", "$245 billion"],
                vec!["US$244.8 billion"]
            ]
        );
        assert_eq!(r[0].difference, None);
        assert_eq!(
            r[1].difference.map(|d| d.absolute),
            Some(rust_decimal::Decimal::from(200_000_000))
        );
        // under rounding, 245 may be 244.8 rounded: one reading
        assert_eq!(group_of(&facts, Tolerance::Rounding).len(), 1);
    }

    #[test]
    fn two_thousand_claims_in_three_values_are_three_readings() {
        let texts = ["$245 billion", "US$244.8 billion", "$240 billion"];
        let facts: Vec<Fact> = (0..2000)
            .map(|i| fact(&format!("{i:04}.md"), texts[i % 3]))
            .collect();
        let facts = store(&facts);
        let r = group_of(&facts, Tolerance::Exact);
        let sizes: Vec<usize> = r.iter().map(|r| r.facts.len()).collect();
        assert_eq!(sizes, [667, 667, 666]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Whatever the claims and their order: the same readings, every
        /// claim in one of them, and the claims of a reading agree.
        #[test]
        fn readings_are_a_partition_of_agreeing_claims_in_any_order(
            claims in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["", "about ", "more than ", "nearly ", "less than "]),
                    90u32..130,
                ),
                1..24,
            ),
            rotate in 0usize..24,
            exact in proptest::bool::ANY,
        ) {
            let t = if exact { Tolerance::Exact } else { Tolerance::Rounding };
            let facts: Vec<Fact> = claims
                .iter()
                .enumerate()
                .map(|(i, (q, v))| fact(&format!("{i:02}.md"), &format!("{q}{v} tonnes")))
                .collect();
            let mut turned = facts.clone();
            turned.rotate_left(rotate % facts.len());
            turned.reverse();
            let (facts, turned) = (store(&facts), store(&turned));
            let a = group_of(&facts, t);
            let b = group_of(&turned, t);
            let ids = |r: &[Reading]| -> Vec<Vec<std::path::PathBuf>> {
                r.iter().map(|r| r.facts.iter().map(|f| f.source.path.clone()).collect()).collect()
            };
            proptest::prop_assert_eq!(ids(&a), ids(&b));
            let placed: usize = a.iter().map(|r| r.facts.len()).sum();
            proptest::prop_assert_eq!(placed, facts.len());
            for r in &a {
                for x in r.facts.iter() {
                    for y in r.facts.iter() {
                        let (cx, cy) = (Claim::new((0, x), false, t, 0), Claim::new((1, y), false, t, 0));
                        proptest::prop_assert!(!disagree(&cx, &cy, t), "{} vs {}", x.surface(), y.surface());
                    }
                }
            }
        }
    }
}
