//! From a `Figure` to a `Found`: which kind of quantity it is, and the
//! words around it that the figure itself does not hold.
//!
//! A metric (money, a percentage, a count, or a change where `change` finds
//! a verb of change) takes the qualifier before or after it (`qualifier`'s
//! phrases) and may yet turn out to be no amount (`not_amount`); a
//! non-metric (year, date, time, ordinal, name) takes none, but a year
//! notes whether a word before it makes it a bound rather than a period.
//! What the figure's period, role and currency are is left to the later
//! passes (`period`, `role`, `currency`).

use rust_decimal::Decimal;

use super::vocabulary::{
    DETERMINERS, ONE_PRONOUN_AFTER, ONE_PRONOUN_BEFORE, ONE_PRONOUN_DETERMINERS,
};
use super::{Figure, Parser};
use crate::extract::limit;
use crate::extract::qualifier::{self, Qualifier};
use crate::extract::tokens::TokKind;
use crate::extract::{Found, Kind, PeriodBasis, Quantity, Role};
use crate::period::Period;

impl Parser<'_> {
    /// Money, a percentage or a count, with the qualifier before it.
    pub(in crate::extract) fn metric(
        &self,
        fig: Figure,
        range: Option<(Decimal, Decimal)>,
    ) -> Option<Found> {
        // "percent of" a 28-digit number: beyond the limit, no figure (the
        // digits are read again, unparsed)
        let ends = range.map_or([fig.value, fig.value], |(lo, hi)| [lo, hi]);
        if !ends.into_iter().chain([fig.value]).all(limit::within) {
            return None;
        }
        // "a fifth", "two-thirds" of something: a fraction of it, not a
        // count of anything
        let fraction = fig.scale.is_none()
            && fig.value < Decimal::ONE
            && fig.value.fract() != Decimal::ZERO
            && self.kind(fig.first) == Some(TokKind::Word);
        let (kind, unit) = match (fig.unit, fig.percent) {
            (Some(u), _) => (Kind::Money, u),
            (None, true) if fig.points => (Kind::Percent, "percentage_point"),
            (None, true) => (Kind::Percent, "percent"),
            (None, false) if fraction => (Kind::Number, "fraction"),
            (None, false) => (Kind::Number, "count"),
        };
        let (mut qualifier, qualifier_first) = self.qualifier_before(fig.first);
        if qualifier.is_none() && range.is_none() {
            if let Some((q, text, _)) = self.qualifier_after(fig.last) {
                qualifier = Some((q, text));
            }
        }
        // A lone "one" is a pronoun far more often than a count; before a
        // noun ("one man", "one count of fraud") it counts it.
        let lone_one = fig.written.eq_ignore_ascii_case("one");
        if kind == Kind::Number && qualifier.is_none() && lone_one && !self.one_counts(fig.last) {
            return None;
        }
        // "15 years", "Room 305", "Putin, 72,", "between 20 and 25 degrees"
        if kind == Kind::Number && fig.scale.is_none() && self.not_an_amount(&fig) {
            let mut found = self.non_metric(Kind::Other, &fig, None);
            found.quantity.value = Some(fig.value);
            return Some(found);
        }
        // "a third-party review", "a third-quarter loss": an ordinal joined
        // to a noun by a hyphen says which one, not a fraction of anything
        let next = fig.last + 1;
        let compound = self.is_hyphen(next) && self.kind(next + 1) == Some(TokKind::Word);
        if unit == "fraction" && compound {
            return None;
        }
        // "the two nations", "both sides": a reference to things already
        // named, not a claim about how many there are.
        let words = self.kind(fig.first) == Some(TokKind::Word);
        let determiner = self
            .word_before(fig.first)
            .is_some_and(|w| DETERMINERS.contains(&w));
        if kind == Kind::Number && words && determiner && fig.scale.is_none() {
            return None;
        }
        let lead_tok = qualifier_first.unwrap_or(fig.first);
        let mut fig = fig;
        let bound = qualifier
            .as_ref()
            .is_some_and(|q| q.0 != Qualifier::Exact && !q.0.is_approx());
        // "missed by over 400 billion baht", "more than 100,000 bpd above
        // the pledge": a bound on a difference, still a change
        let bounds_a_difference = |c: &super::super::change::ChangeContext| {
            c.end.is_some() || (lead_tok > 0 && self.is_word(lead_tok - 1, "by"))
        };
        let (kind, unit, direction) =
            match self.change_context(lead_tok, fig.last, kind == Kind::Percent) {
                // "fell below 1,000" crosses a level: a bound, not a change
                Some(c) if range.is_none() && (!bound || bounds_a_difference(&c)) => {
                    let unit = match (c.times_end, kind) {
                        (Some(_), Kind::Number) => "times",
                        (None, Kind::Number)
                            if fig.value < Decimal::ONE && fig.value.fract() != Decimal::ZERO =>
                        {
                            "fraction"
                        }
                        _ => unit,
                    };
                    if let Some(end) = c.end.or(c.times_end) {
                        fig.last = end;
                    }
                    (Kind::Change, unit, c.direction)
                }
                _ => (kind, unit, None),
            };
        let start = self.toks[fig.first].start();
        let quantity = Quantity {
            direction,
            kind,
            value: if range.is_some() {
                None
            } else {
                Some(fig.value)
            },
            range: range.map(Box::new),
            range_inclusive: (true, true),
            step: fig.step,
            unit,
            qualifier: qualifier.as_ref().map_or(Qualifier::Exact, |q| q.0),
            qualifier_text: qualifier.map(|q| q.1.into_boxed_str()),
            role: Role::Actual,
            negated: false,
            period: None,
            period_basis: PeriodBasis::Stated,
            start,
            end: self.toks[fig.last].end(),
            written: fig.written.into(),
        };
        let lead = qualifier_first.map_or(start, |i| self.toks[i].start());
        Some(Found {
            quantity,
            lead,
            names_period: None,
            after_bound_word: false,
            in_period_phrase: false,
        })
    }

    /// Whether the word "one" at token `k` counts the noun after it: a
    /// lowercase word that is no pronoun's company follows ("one man", "just
    /// one area"), and no word before makes it a pronoun ("no one", "each
    /// one", "the red one").
    fn one_counts(&self, k: usize) -> bool {
        let next = k + 1;
        let noun = self.joined(next)
            && self.kind(next) == Some(TokKind::Word)
            && self.s(next).starts_with(|c: char| c.is_ascii_lowercase())
            && !ONE_PRONOUN_AFTER.contains(&self.low(next));
        let before =
            |j: usize, words: &[&str]| self.word_before(j).is_some_and(|w| words.contains(&w));
        noun && !before(k, ONE_PRONOUN_BEFORE)
            && !(k >= 1 && self.joined(k) && before(k - 1, ONE_PRONOUN_DETERMINERS))
    }

    /// A year, date, ordinal or name: no qualifier, never compared.
    pub(in crate::extract) fn non_metric(
        &self,
        kind: Kind,
        fig: &Figure,
        names_period: Option<Period>,
    ) -> Found {
        let unit = match kind {
            Kind::Year | Kind::YearRange => "year",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Ordinal => "ordinal",
            _ => "other",
        };
        let quantity = Quantity {
            kind,
            value: Some(fig.value),
            range: None,
            range_inclusive: (true, true),
            step: fig.step,
            unit,
            qualifier: Qualifier::Exact,
            qualifier_text: None,
            role: Role::Actual,
            negated: false,
            direction: None,
            period: None,
            period_basis: PeriodBasis::Stated,
            start: self.toks[fig.first].start(),
            end: self.toks[fig.last].end(),
            written: fig.written.into(),
        };
        Found {
            lead: quantity.start,
            quantity,
            names_period,
            after_bound_word: self.after_bound_word(fig.first, fig.last),
            in_period_phrase: false,
        }
    }

    /// Whether the year at tokens `first..=last` bounds a span or names a
    /// base ("since 2022", "from 2023", "than in 2019", "compared with
    /// 2023", "six times the 2022 figure", "2019 levels") rather than a
    /// figure's period.
    fn after_bound_word(&self, first: usize, last: usize) -> bool {
        use crate::extract::period::{BASE_BEFORE_IN, BASE_BEFORE_THE, NOT_A_PERIOD_AFTER};
        if matches!(self.word(last + 1), "level" | "levels") && self.joined(last + 1) {
            return true;
        }
        let Some(w) = self.word_before(first) else {
            return false;
        };
        if NOT_A_PERIOD_AFTER.contains(&w) {
            return true;
        }
        // "for the first time since it started compiling such data in
        // 2010", "since records began in 1990": the year a series began,
        // in a clause of "since" (not the "since" of a reason: "since even
        // in 2023 China was the largest partner")
        let mut k = first;
        let mut began = false;
        for _ in 0..8 {
            let Some(prev) = k.checked_sub(1) else { break };
            if !self.joined(k) || self.word(prev).is_empty() {
                break;
            }
            let w = self.word(prev);
            began |= matches!(
                w,
                "began" | "begun" | "started" | "start" | "launched" | "compiling" | "compiled"
            );
            if w == "since" {
                return began;
            }
            k = prev;
        }
        let w2 = first.checked_sub(1).and_then(|p| self.word_before(p));
        match w {
            "in" | "with" => w2.is_some_and(|w2| BASE_BEFORE_IN.contains(&w2)),
            "the" => w2.is_some_and(|w2| BASE_BEFORE_THE.contains(&w2)),
            _ => false,
        }
    }

    /// The qualifier words right before token `first`, and the first token
    /// of them.
    #[allow(clippy::type_complexity)]
    pub(super) fn qualifier_before(
        &self,
        first: usize,
    ) -> (Option<(Qualifier, String)>, Option<usize>) {
        if first == 0 || !self.joined(first) || !qualifier::ends_a_phrase(self.low(first - 1)) {
            return (None, None);
        }
        // up to five words, read backwards into the end of the array
        let mut words = [""; 5];
        let mut n = 0;
        let mut j = first;
        while j > 0 && n < words.len() && self.joined(j) {
            j -= 1;
            if !qualifier::is_phrase_token(self.s(j)) {
                break;
            }
            n += 1;
            words[words.len() - n] = self.low(j);
        }
        match qualifier::ending(&words[words.len() - n..]) {
            Some((q, n)) => {
                let q_first = first - n;
                let text =
                    self.text[self.toks[q_first].start()..self.toks[first - 1].end()].to_string();
                (Some((q, text)), Some(q_first))
            }
            None => (None, None),
        }
    }

    /// A qualifier right after the figure ending at token `last` ("or more"),
    /// and the last token of it.
    fn qualifier_after(&self, last: usize) -> Option<(Qualifier, String, usize)> {
        // two words at most, on the stack: this runs for every count
        let mut words = [""; 2];
        let mut n = 0;
        for j in last + 1..last + 3 {
            let w = self.word(j);
            if !self.joined(j) || w.is_empty() {
                break;
            }
            words[n] = w;
            n += 1;
        }
        let (q, n) = qualifier::starting(&words[..n])?;
        let end = last + n;
        let text = self.text[self.toks[last + 1].start()..self.toks[end].end()].to_string();
        Some((q, text, end))
    }
}
