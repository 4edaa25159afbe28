//! A sentence tested against every metric at once: the literals each
//! `match.all` and `match.any` pattern requires (pieces of text every match
//! of the pattern contains: `trade` for `\btrade\b`, one of `trade` and
//! `turnover` for `\btrade\b|\bturnover\b`, and for
//! `\bexports\s+from\s+{A}\s+to\s+{B}` each of `exports`, `from`, a name
//! of A and a name of B), found with one Aho-Corasick scan of the window,
//! say which patterns may match it, and so which metrics' regexes are worth
//! running (and compiling: a pattern is compiled the first time it runs).
//! A pattern with no such literal (`\w+`) may match any window; a metric
//! whose window patterns all lack one is a candidate for every window.
//!
//! Literals are read off the pattern's syntax tree, ASCII-lowercased (a
//! case-insensitive `[Tt]` is one `t`; `(?i)` keeps `ſ` and the Kelvin sign
//! as literals of their own, so the automaton, ASCII-case-insensitive,
//! misses no match); a literal every match contains may be anywhere in it,
//! so `(?:\w+\s+){0,3}exports` requires `exports`. The test is a necessary
//! condition only: the metric's regexes still decide (`facts/window.rs`),
//! so facts are the same with it as without.
//!
//! Measured against no prefilter and against a `RegexSet` of the same
//! patterns (which gives in one search exactly the patterns that match a
//! window), `crosscheck --threads 1 facts`, CPU seconds, medians of five,
//! on 2 MB of generated news in 473 articles (the inputs of
//! benches/rules_load.sh):
//!
//! | rules | none | Aho-Corasick | RegexSet |
//! |---|---|---|---|
//! | 1,000 generated metrics | 0.97 s | 0.28 s | 6.95 s |
//! | 100 generated metrics | 0.11 s | 0.07 s | 0.09 s |
//!
//! and the same (0.02 to 0.15 s, within the noise) on the shipped corpus
//! and the held-out ones. The set also costs at load (1,000 metrics: 0.29 s
//! and 161 MB against 0.09 s and 26 MB): its patterns are all compiled, into
//! one program too large for the regex crate's default limit, and with
//! Unicode word boundaries and text that is not all ASCII its search falls
//! back to the slowest engine. The literal prefilter is kept.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::ControlFlow;

use regex_syntax::hir::{Class, Hir, HirKind};

use super::{Context, Metric};
use crate::literals::Literals;

/// The most literals one requirement may have before it is not worth
/// testing (a long alternation is cheaper run than looked up).
const MAX_LITERALS: usize = 64;

/// The most requirements kept of one pattern (the best of them).
const MAX_REQUIREMENTS: usize = 4;

/// Classes of at most this many characters are expanded into literals
/// (`[Tt]`, `['’]`); larger ones (`\w`, `\s`) end a literal.
const MAX_CLASS: u32 = 4;

/// Literals shorter than this are kept only when nothing longer is
/// required.
const SHORT: usize = 3;

/// A set of ASCII-lowercased byte strings.
type Set = BTreeSet<Vec<u8>>;

/// What every match of a pattern contains: one literal of each set
/// (ASCII-lowercased bytes); empty when nothing is known.
pub(super) type Requirements = Vec<Vec<Vec<u8>>>;

/// What one node of a pattern's syntax tree says about the text it
/// matches.
#[derive(Debug, Clone)]
enum Lits {
    /// The node matches exactly (up to ASCII case) one of these strings.
    Exact(Set),
    /// Every match of the node contains one of the strings of each set
    /// (none: nothing is known).
    Within(Vec<Set>),
}

/// What every match of `hir` contains: one literal (ASCII-lowercased) of
/// each of these sets, at most `MAX_REQUIREMENTS` of them; empty when no
/// small set of literals is required.
pub(super) fn required(hir: &Hir) -> Requirements {
    requirements(lits(hir))
        .into_iter()
        .map(|set| set.into_iter().collect())
        .collect()
}

/// What `l` requires, as sets that can be tested: non-empty, no empty
/// literal (an empty literal is in every text), small.
fn requirements(l: Lits) -> Vec<Set> {
    match l {
        Lits::Exact(set) => usable(set).into_iter().collect(),
        Lits::Within(sets) => sets,
    }
}

fn usable(set: Set) -> Option<Set> {
    let set = shrink(set)?;
    (!set.is_empty() && set.iter().all(|l| !l.is_empty())).then_some(set)
}

/// `set` within `MAX_LITERALS`, its literals cut to their first bytes if
/// need be (a prefix of a literal is in every text the literal is in).
fn shrink(set: Set) -> Option<Set> {
    if set.len() <= MAX_LITERALS {
        return Some(set);
    }
    for keep in [4, SHORT] {
        let cut: Set = set
            .iter()
            .map(|l| l.get(..keep).unwrap_or(l).to_vec())
            .collect();
        if cut.len() <= MAX_LITERALS {
            return Some(cut);
        }
    }
    None
}

fn exact_one(bytes: &[u8]) -> Lits {
    Lits::Exact(BTreeSet::from([bytes.to_ascii_lowercase()]))
}

fn lits(hir: &Hir) -> Lits {
    match hir.kind() {
        // a look-around (`\b`) matches the empty string where it matches
        HirKind::Empty | HirKind::Look(_) => exact_one(b""),
        HirKind::Literal(l) => exact_one(&l.0),
        HirKind::Class(c) => class(c).map_or(Lits::Within(Vec::new()), Lits::Exact),
        HirKind::Capture(c) => lits(&c.sub),
        HirKind::Repetition(r) => {
            let sub = lits(&r.sub);
            // `s?`, `(?:ing|ed){1,2}`: every count spelled out
            if let (Lits::Exact(s), Some(max)) = (&sub, r.max) {
                if max <= 2 {
                    if let Some(all) = counts(s, r.min, max) {
                        return Lits::Exact(all);
                    }
                }
            }
            if r.min >= 1 {
                Lits::Within(requirements(sub))
            } else {
                Lits::Within(Vec::new())
            }
        }
        HirKind::Concat(subs) => concat(subs),
        HirKind::Alternation(subs) => alternation(subs),
    }
}

/// The strings of `min` to `max` repetitions of `s`, if not too many.
fn counts(s: &Set, min: u32, max: u32) -> Option<Set> {
    let mut all = BTreeSet::new();
    let mut power = BTreeSet::from([Vec::new()]);
    for k in 0..=max {
        if k >= min {
            all.extend(power.iter().cloned());
        }
        if k < max {
            power = product(&power, s)?;
        }
    }
    (all.len() <= MAX_LITERALS).then_some(all)
}

/// How many characters (or bytes) the inclusive ranges cover.
fn width(ranges: impl Iterator<Item = (u32, u32)>) -> u32 {
    ranges.map(|(start, end)| end - start + 1).sum()
}

/// The strings of a class of at most `MAX_CLASS` characters.
fn class(c: &Class) -> Option<Set> {
    let mut out = BTreeSet::new();
    match c {
        Class::Unicode(u) => {
            let size = width(
                u.ranges()
                    .iter()
                    .map(|r| (u32::from(r.start()), u32::from(r.end()))),
            );
            if size == 0 || size > MAX_CLASS {
                return None;
            }
            for r in u.ranges() {
                for ch in r.start()..=r.end() {
                    let mut buf = [0; 4];
                    out.insert(ch.encode_utf8(&mut buf).as_bytes().to_ascii_lowercase());
                }
            }
        }
        Class::Bytes(b) => {
            let size = width(
                b.ranges()
                    .iter()
                    .map(|r| (u32::from(r.start()), u32::from(r.end()))),
            );
            if size == 0 || size > MAX_CLASS {
                return None;
            }
            for r in b.ranges() {
                for byte in r.start()..=r.end() {
                    out.insert(vec![byte.to_ascii_lowercase()]);
                }
            }
        }
    }
    Some(out)
}

/// Every string of `a` followed by every string of `b`, if not too many.
fn product(a: &Set, b: &Set) -> Option<Set> {
    if a.len().saturating_mul(b.len()) > MAX_LITERALS {
        return None;
    }
    Some(
        a.iter()
            .flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat()))
            .collect(),
    )
}

/// How good a requirement is: its shortest literal's length (up to 8:
/// longer is not rarer), then fewer literals.
fn score(set: &Set) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
    (shortest.min(8), std::cmp::Reverse(set.len()))
}

/// The best `MAX_REQUIREMENTS` of `sets`, best first, with short literals
/// only when there is nothing longer.
fn best(mut sets: Vec<Set>) -> Vec<Set> {
    sets.sort_by(|a, b| score(b).cmp(&score(a)).then_with(|| a.cmp(b)));
    sets.dedup();
    if sets.first().is_some_and(|s| score(s).0 >= SHORT) {
        sets.retain(|s| score(s).0 >= SHORT);
    }
    sets.truncate(MAX_REQUIREMENTS);
    sets
}

/// A concatenation: runs of exact parts multiply into longer literals;
/// every run, and every requirement of a part, is a requirement of the
/// whole.
fn concat(subs: &[Hir]) -> Lits {
    let empty = || BTreeSet::from([Vec::new()]);
    let mut run: Set = empty();
    let mut exact = true;
    let mut found: Vec<Set> = Vec::new();
    for sub in subs {
        match lits(sub) {
            Lits::Exact(s) => match product(&run, &s) {
                Some(p) => run = p,
                None => {
                    // too many strings: the run so far is one requirement,
                    // and a new one starts here
                    exact = false;
                    found.extend(usable(std::mem::replace(&mut run, s)));
                }
            },
            Lits::Within(sets) => {
                exact = false;
                found.extend(usable(std::mem::replace(&mut run, empty())));
                found.extend(sets);
            }
        }
    }
    if exact {
        return Lits::Exact(run);
    }
    found.extend(usable(run));
    Lits::Within(best(found))
}

/// An alternation: the union of its branches' strings, or of what each
/// branch requires (its best requirement).
fn alternation(subs: &[Hir]) -> Lits {
    let branches: Vec<Lits> = subs.iter().map(lits).collect();
    if branches.iter().all(|b| matches!(b, Lits::Exact(_))) {
        let mut all = BTreeSet::new();
        for b in &branches {
            if let Lits::Exact(s) = b {
                all.extend(s.iter().cloned());
            }
        }
        if all.len() <= MAX_LITERALS {
            return Lits::Exact(all);
        }
    }
    let mut all = BTreeSet::new();
    for b in branches {
        match best(requirements(b)).into_iter().next() {
            Some(s) => all.extend(s),
            None => return Lits::Within(Vec::new()),
        }
    }
    Lits::Within(usable(all).into_iter().collect())
}

/// Which patterns may match a text, and which metrics that makes worth
/// testing; built once per rule set.
#[derive(Debug, Default)]
pub struct Prefilter {
    /// Every required literal, ASCII-case-insensitive; `None` when no
    /// pattern requires one.
    automaton: Option<Literals>,
    /// Literal (automaton pattern) -> the requirements it meets.
    requirements_of: Vec<Vec<usize>>,
    /// Requirement (a set of literals, shared by the patterns that have
    /// it) -> the patterns that have it.
    patterns_of: Vec<Vec<usize>>,
    /// Pattern id -> how many requirements it has (none: it may match any
    /// text).
    needs: Vec<u8>,
    /// Per context (the sentence; with the one before): pattern id -> the
    /// metrics keyed on it, which are worth testing only where it may match.
    keyed: [Vec<Vec<usize>>; 2],
    /// Per context: metrics with no key, worth testing in every window.
    always: [Vec<usize>; 2],
}

/// The patterns all of whose required literals a text contains (a bit set
/// by pattern id).
#[derive(Debug, Clone, Default)]
pub struct Hits(Vec<u64>);

impl Hits {
    fn insert(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    /// Adds the hits of `other` (of the same rule set).
    pub fn union(&mut self, other: &Hits) {
        for (w, o) in self.0.iter_mut().zip(&other.0) {
            *w |= o;
        }
    }

    fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(k, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(k * 64 + bit)
            })
        })
    }
}

fn slot(context: Context) -> usize {
    match context {
        Context::Sentence => 0,
        Context::PreviousSentence => 1,
    }
}

impl Prefilter {
    /// The prefilter of `metrics`, whose patterns have the requirements
    /// `literals` (by pattern id: sets of literals, one of each set in
    /// every match; `required`).
    pub(super) fn new(metrics: &[Metric], literals: &[Requirements]) -> Self {
        let count = literals.len();
        // only the window's patterns (`all`, `any`) are looked up
        let mut gate = vec![false; count];
        for m in metrics {
            for p in m.matcher.all.iter().chain(&m.matcher.any) {
                if let Some(g) = gate.get_mut(p.id()) {
                    *g = true;
                }
            }
        }
        let mut literal_ids: BTreeMap<&[u8], usize> = BTreeMap::new();
        let mut requirement_ids: BTreeMap<&[Vec<u8>], usize> = BTreeMap::new();
        let mut requirements_of: Vec<Vec<usize>> = Vec::new();
        let mut patterns_of: Vec<Vec<usize>> = Vec::new();
        let mut needs = vec![0u8; count];
        for (p, sets) in literals.iter().enumerate() {
            if !gate[p] || sets.is_empty() {
                continue;
            }
            let mut own = Vec::new();
            for set in sets {
                let next = requirement_ids.len();
                let r = *requirement_ids.entry(set.as_slice()).or_insert(next);
                if r == patterns_of.len() {
                    patterns_of.push(Vec::new());
                    for l in set {
                        let next = literal_ids.len();
                        let id = *literal_ids.entry(l.as_slice()).or_insert(next);
                        if id == requirements_of.len() {
                            requirements_of.push(Vec::new());
                        }
                        requirements_of[id].push(r);
                    }
                }
                own.push(r);
            }
            // a pattern hits when each of its distinct requirements is met
            own.sort_unstable();
            own.dedup();
            for &r in &own {
                patterns_of[r].push(p);
            }
            needs[p] = u8::try_from(own.len()).unwrap_or(0);
        }
        let mut by_id: Vec<&[u8]> = vec![&[]; literal_ids.len()];
        for (l, &i) in &literal_ids {
            by_id[i] = l;
        }
        let automaton = if by_id.is_empty() {
            None
        } else {
            // literals that fail to build (they cannot: a few thousand byte
            // strings) leave every pattern unfiltered
            let built = Literals::new(&by_id);
            if built.is_none() {
                needs.iter_mut().for_each(|n| *n = 0);
            }
            built
        };
        let mut keyed: [Vec<Vec<usize>>; 2] = [vec![Vec::new(); count], vec![Vec::new(); count]];
        let mut always: [Vec<usize>; 2] = Default::default();
        for (i, m) in metrics.iter().enumerate() {
            let c = slot(m.matcher.context);
            // each `all` pattern must match: the one with the most
            // requirements is the key
            let key = m
                .matcher
                .all
                .iter()
                .map(|p| p.id())
                .filter(|&p| needs[p] > 0)
                .max_by_key(|&p| needs[p]);
            if let Some(p) = key {
                keyed[c][p].push(i);
                continue;
            }
            // else one of `any` must: if all of them are filtered, each is one
            let any = &m.matcher.any;
            if !any.is_empty() && any.iter().all(|p| needs[p.id()] > 0) {
                for p in any {
                    keyed[c][p.id()].push(i);
                }
                continue;
            }
            always[c].push(i);
        }
        Prefilter {
            automaton,
            requirements_of,
            patterns_of,
            needs,
            keyed,
            always,
        }
    }

    /// The patterns all of whose requirements `text` meets: one scan for
    /// every literal of every pattern.
    pub fn hits(&self, text: &str) -> Hits {
        let mut hits = Hits(vec![0; self.needs.len().div_ceil(64)]);
        let Some(ac) = &self.automaton else {
            return hits;
        };
        let mut literal_seen = vec![false; self.requirements_of.len()];
        let mut requirement_met = vec![false; self.patterns_of.len()];
        let mut met = vec![0u8; self.needs.len()];
        ac.scan(text.as_bytes(), |l| {
            if std::mem::replace(&mut literal_seen[l], true) {
                return ControlFlow::Continue(());
            }
            for &r in &self.requirements_of[l] {
                if std::mem::replace(&mut requirement_met[r], true) {
                    continue;
                }
                for &p in &self.patterns_of[r] {
                    met[p] = met[p].saturating_add(1);
                    if met[p] == self.needs[p] {
                        hits.insert(p);
                    }
                }
            }
            ControlFlow::Continue(())
        });
        hits
    }

    /// Whether pattern `id` may match a text with `hits`.
    pub fn may_match(&self, hits: &Hits, id: usize) -> bool {
        self.needs.get(id).is_none_or(|&n| n == 0) || hits.contains(id)
    }

    /// The metrics of `context` worth testing in a window with `hits`,
    /// appended to `out` (unsorted, possibly repeated).
    pub fn candidates(&self, hits: &Hits, context: Context, out: &mut Vec<usize>) {
        let c = slot(context);
        out.extend_from_slice(&self.always[c]);
        for p in hits.iter() {
            if let Some(metrics) = self.keyed[c].get(p) {
                out.extend_from_slice(metrics);
            }
        }
    }

    /// How many patterns have requirements, how many requirements and
    /// literals there are.
    pub fn size(&self) -> (usize, usize, usize) {
        (
            self.needs.iter().filter(|&&n| n > 0).count(),
            self.patterns_of.len(),
            self.requirements_of.len(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The requirements of `pattern`, each as its literals.
    fn req(pattern: &str) -> Vec<Vec<String>> {
        let Ok(hir) = regex_syntax::Parser::new().parse(pattern) else {
            return Vec::new();
        };
        required(&hir)
            .into_iter()
            .map(|set| {
                set.into_iter()
                    .map(|l| String::from_utf8_lossy(&l).into_owned())
                    .collect()
            })
            .collect()
    }

    fn one(literals: &[&str]) -> Vec<Vec<String>> {
        vec![literals.iter().map(|l| l.to_string()).collect()]
    }

    fn has(pattern: &str, literals: &[&str]) -> bool {
        req(pattern)
            .iter()
            .any(|set| literals.iter().all(|l| set.contains(&l.to_string())))
    }

    #[test]
    fn literals_every_match_contains() {
        assert_eq!(req(r"(?i)\btrade\b"), one(&["trade"]));
        assert_eq!(
            req(r"(?i)\btrade\b|\bturnover\b"),
            one(&["trade", "turnover"])
        );
        // anywhere in the match, not only at its start (and `ſ`, which
        // `(?i)s` matches too)
        assert_eq!(
            req(r"(?i)(?:\w+\s+){0,3}?exports\b"),
            one(&["exports", "exportſ"])
        );
        // an optional letter spelled out
        assert!(has(r"(?i)\btravell?ers\b", &["travellers", "travelers"]));
        assert_eq!(req(r"(?i)\w+ly\b"), one(&["ly"]));
        // nothing required: any text may match
        assert!(req(r"\w+").is_empty());
        assert!(req(r"(?i)\bfoo|\w+").is_empty());
        assert!(req(r"(?i)\b(?:trade)?\b").is_empty());
    }

    #[test]
    fn case_folding_keeps_the_unicode_variants() {
        // (?i) `s` also matches `ſ` (U+017F), `k` the Kelvin sign (U+212A)
        assert!(has(r"(?i)\bsk\b", &["sk", "ſk", "s\u{212A}", "ſ\u{212A}"]));
        // case-sensitive parts are lowercased too: the automaton ignores
        // ASCII case
        assert_eq!(req(r"(?-i:US)\b"), one(&["us"]));
    }

    #[test]
    fn every_part_of_a_concatenation_is_required() {
        // `\s+` breaks the literal: each part is a requirement of its own,
        // the best first (`to` is too short to keep beside them)
        let sets = req(r"(?i)\bexports\s+from\s+(?-i:Brazil|Brazilian)\s+to\s+(?-i:France)");
        let firsts: Vec<&str> = sets.iter().map(|s| s[0].as_str()).collect();
        assert_eq!(firsts, ["exports", "france", "brazil", "from"]);
        assert!(has(
            r"(?i)\bChina[''’]s\s+(?:[\w-]+\s+){0,3}trad(?:e|ing)\s+partners?\b",
            &["partner", "partners"]
        ));
        // too many strings in a row: the run is cut, the longer part kept
        assert!(has(r"(?i)\bholidaymakers\b", &["holidaymakers"]));
    }
}
