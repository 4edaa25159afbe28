//! Two figures read as one: "between A and B", "A–B", "A to B", and a
//! lower and an upper bound joined by "and" ("more than 10 and less than
//! 20").
//!
//! Also what keeps two figures apart: a verb of change before "from A to
//! B" (two levels), a score ("won 3-1"), a phone number ("123-45-67").
//! Each figure is read by `figure`; spans of years are `special`'s.

use rust_decimal::Decimal;

use super::vocabulary::{BOUND_JOINERS, CHANGE_VERBS, CHANGE_VERB_ENDINGS, RANGE_WORDS};
use super::{Figure, Parser};
use crate::extract::date::month;
use crate::extract::number;
use crate::extract::qualifier::Qualifier;
use crate::extract::tokens::TokKind;
use crate::extract::{Found, Kind};

/// "more than 10 and less than 20", "at most 100 and at least 20": a lower
/// and an upper bound of one kind joined by "and", "but" or a comma are one
/// range. Merges `next` into `prev` and says whether it did.
pub(super) fn merge_bounds(text: &str, prev: &mut Found, next: &Found) -> bool {
    let (a, b) = (&prev.quantity, &next.quantity);
    let (Some(va), Some(vb)) = (a.value, b.value) else {
        return false;
    };
    let pair = (a.qualifier.is_lower_bound() && b.qualifier.is_upper_bound())
        || (a.qualifier.is_upper_bound() && b.qualifier.is_lower_bound());
    if !(pair && a.kind == b.kind && a.unit == b.unit) {
        return false;
    }
    let raw = text.get(a.end..next.lead).unwrap_or("");
    // nothing is read across a blank line
    if raw.matches('\n').count() >= 2 {
        return false;
    }
    let between = raw.trim().to_ascii_lowercase();
    let joined = BOUND_JOINERS.contains(&between.as_str());
    if !joined {
        return false;
    }
    let (lo, hi) = if a.qualifier.is_lower_bound() {
        (a, b)
    } else {
        (b, a)
    };
    let (lo_v, hi_v) = if a.qualifier.is_lower_bound() {
        (va, vb)
    } else {
        (vb, va)
    };
    if lo_v > hi_v {
        return false;
    }
    let inclusive = (lo.qualifier.is_inclusive(), hi.qualifier.is_inclusive());
    let q = &mut prev.quantity;
    q.range = Some(Box::new((lo_v, hi_v)));
    q.range_inclusive = inclusive;
    q.value = None;
    q.qualifier = Qualifier::Between;
    q.step = q.step.max(b.step);
    q.end = b.end;
    q.written = text.get(q.start..q.end).unwrap_or("").into();
    true
}

impl Parser<'_> {
    /// "between A and B".
    pub(super) fn between(&self, i: usize) -> Option<(Found, usize)> {
        let a = self.figure(i + 1)?;
        let and = a.last + 1;
        if !self.is_word(and, "and") {
            return None;
        }
        // "between 1e24 and 1e25": a range with an end too large to read
        // is unparsed whole, not its first end alone
        if let Some(last) = self.too_large(and + 1).filter(|_| self.joined(and + 1)) {
            return Some(self.unparsed_span(i, last));
        }
        let b = self.figure(and + 1)?;
        if a.year().is_some() {
            return None; // "between 2020 and 2024": years, read one by one
        }
        let (lo, hi) = shared_scale(&a, &self.worded_scale(b.clone()))?;
        let fig = self.spanning(&a, &b);
        let mut found = self.metric(fig, Some((lo.min(hi), lo.max(hi))))?;
        found.quantity.qualifier = Qualifier::Between;
        found.quantity.qualifier_text = Some(self.s(i).into());
        found.lead = self.toks[i].start();
        Some((found, b.last + 1))
    }

    /// "A–B" after figure A: a range, or a span of years.
    ///
    /// Also "A to B", "A through B" and "A~B". After "from", "from A to B"
    /// is a range unless a verb of change comes before it ("rose from A to
    /// B" states two levels, read one by one).
    pub(super) fn dash_range(&self, a: &Figure) -> Option<(Found, usize)> {
        let k = a.last + 1;
        let word_link = RANGE_WORDS.contains(&self.word(k));
        let link = self.is_dash(k) || self.s(k) == "~" || word_link;
        if !(self.joined(k) && link && self.joined(k + 1)) {
            return None;
        }
        if word_link && self.after_change_verb(a.first) {
            return None;
        }
        if let Some(last) = self.too_large(k + 1) {
            return Some(self.unparsed_span(a.first, last));
        }
        let b = self.figure(k + 1)?;
        // "to" links figures of one kind only: "5% to $240 billion" is two;
        // a bare first figure takes the unit of the second ("2 to 3 percent")
        let a_has_unit = a.unit.is_some() || a.percent;
        let differ = !same_unit(a.unit, b.unit) || a.percent != b.percent || a.points != b.points;
        if word_link && a_has_unit && differ {
            return None;
        }
        if let (Some(year), true) = (a.year(), b.is_plain()) {
            let mut span = a.clone();
            span.last = b.last;
            span.written = self.written(a.first, b.last);
            let period = self.year_span(a.first, year, self.s(b.first), false);
            return Some((self.non_metric(Kind::YearRange, &span, period), b.last + 1));
        }
        // "rose 12% in 2023 to $88.1 billion": a year, then an amount, is
        // the period of one figure and the level of another, never a range
        if a.year().is_some() && (b.unit.is_some() || b.percent || b.scale.is_some()) {
            return None;
        }
        if a.unit.is_some() && b.unit.is_some() && !same_unit(a.unit, b.unit) {
            return None;
        }
        let (lo, hi) = shared_scale(a, &self.worded_scale(b.clone()))?;
        // "from 22 to 24 October": days of a month
        if a.is_plain() && b.is_plain() && month(self.s(b.last + 1)).is_some() {
            let mut span = a.clone();
            span.last = b.last + 1;
            span.written = self.written(a.first, b.last + 1);
            let mut found = self.non_metric(Kind::Date, &span, None);
            found.quantity.value = None;
            return Some((found, b.last + 2));
        }
        let small = |f: &Figure| f.is_plain() && f.value < Decimal::ONE_HUNDRED;
        if self.is_dash(k) && small(a) && small(&b) && lo >= hi {
            // "won 3-1", "ended 2–2": a score
            let mut span = a.clone();
            span.last = b.last;
            span.written = self.written(a.first, b.last);
            return Some((self.non_metric(Kind::Other, &span, None), b.last + 1));
        }
        if lo >= hi || self.is_chain(b.last) {
            return None;
        }
        let fig = self.spanning(a, &b);
        let found = self.metric(fig, Some((lo, hi)))?;
        Some((found, b.last + 1))
    }
}

/// A bare figure after `elided_unit`: as it was or with the unit of the
/// figure after it, or a measure as that figure is.
pub(super) enum Elided<'t> {
    Figure(Figure<'t>),
    Measure(Figure<'t>),
}

impl<'t> Parser<'t> {
    /// "slowed from 4.8 to 4.7 percent", "eight or nine euros", "three or
    /// four years": a bare figure joined by "to" or "or" to a second one it
    /// makes no range with is written without the unit the second states.
    /// It takes that unit, and that scale where the two stay within a
    /// factor of ten ("from 12 to 9 million"; "from 700 to 1 million" is
    /// 700).
    pub(super) fn elided_unit(&self, a: Figure<'t>) -> Elided<'t> {
        let k = a.last + 1;
        // "0-to-60-mph": the link written with hyphens, in a compound
        let hyphened = self.is_hyphen(k) && self.is_word(k + 1, "to") && self.is_hyphen(k + 2);
        let b_at = if hyphened { k + 3 } else { k + 1 };
        let linked =
            hyphened || (self.joined(k) && (self.is_word(k, "to") || self.is_word(k, "or")));
        let bare = a.unit.is_none() && !a.percent && a.year().is_none();
        if !(linked && bare && self.joined(b_at)) {
            return Elided::Figure(a);
        }
        let Some(b) = self.figure(b_at) else {
            return Elided::Figure(a);
        };
        if b.unit.is_none() && !b.percent && b.scale.is_none() {
            let measure = a.scale.is_none() && self.measure_after(&b);
            return if measure {
                Elided::Measure(a)
            } else {
                Elided::Figure(a)
            };
        }
        let mut fig = a.clone();
        if let (None, Some(e)) = (a.scale, b.scale) {
            let factor = number::pow10(e);
            let scaled = a.value.checked_mul(factor).unwrap_or(a.value);
            let near = b.value != Decimal::ZERO
                && (scaled / b.value).abs() <= Decimal::TEN
                && (b.value / scaled.max(Decimal::ONE)).abs() <= Decimal::TEN;
            if near && scaled != a.value {
                fig.value = scaled;
                fig.step = fig.step.checked_mul(factor).unwrap_or(fig.step);
                fig.scale = Some(e);
            }
        }
        let minor = number::pow10(b.unit_exp.unsigned_abs());
        let converted = match b.unit_exp {
            0 => Some((fig.value, fig.step)),
            e if e > 0 => fig
                .value
                .checked_mul(minor)
                .zip(fig.step.checked_mul(minor)),
            _ => fig
                .value
                .checked_div(minor)
                .zip(fig.step.checked_div(minor)),
        };
        let Some((value, step)) = converted else {
            return Elided::Figure(a);
        };
        fig.value = value;
        fig.step = step;
        fig.unit = b.unit;
        fig.unit_exp = b.unit_exp;
        fig.percent = b.percent;
        fig.points = b.points;
        fig.bare_integer = false;
        Elided::Figure(fig)
    }

    /// `b` with the scale of the scale word its number words end with
    /// ("five thousand"), which the number-word grammar multiplies in
    /// without saying: the first end of "four to five thousand" shares it.
    fn worded_scale(&self, mut b: Figure<'t>) -> Figure<'t> {
        if b.scale.is_none() && self.kind(b.first) == Some(TokKind::Word) {
            b.scale = crate::extract::scale::scale_word(self.low(b.last), false);
        }
        b
    }

    /// The figure that spans the two ends of a range, `a` to `b`: the unit
    /// and percent sign either states, the coarser step.
    fn spanning(&self, a: &Figure<'t>, b: &Figure<'t>) -> Figure<'t> {
        let mut fig = a.clone();
        // the one that names the country: "US$89 to $93 billion" is USD
        fig.unit = match (a.unit, b.unit) {
            (Some("dollar"), Some(code)) => Some(code),
            (a_unit, b_unit) => a_unit.or(b_unit),
        };
        fig.percent = a.percent || b.percent;
        fig.step = a.step.max(b.step);
        fig.last = b.last;
        fig.written = self.written(a.first, b.last);
        fig
    }
}

impl Parser<'_> {
    /// Whether digits at `last` go on with another dash and digits, as in a
    /// phone number ("123-45-67").
    pub(super) fn is_chain(&self, last: usize) -> bool {
        self.is_dash(last + 1)
            && self.glued(last + 1)
            && self.kind(last + 2) == Some(TokKind::Digits)
    }

    /// Whether the figure at token `first` follows "from" after a verb of
    /// change: "rose from", "fell from", "was cut from".
    fn after_change_verb(&self, first: usize) -> bool {
        // "rose from A to B", "increased by A to B", "eased A to B"
        let lead = self.qualifier_before(first).1.unwrap_or(first);
        let Some(before) = lead.checked_sub(1) else {
            return false;
        };
        // the verb right before; or, before "from" or "by", within three words
        // ("cut rates by 0.25 to 0.5 points"). "Growth of 2 to 3 percent" has none.
        let window = if self.is_word(before, "from") || self.is_word(before, "by") {
            before.saturating_sub(3)..before
        } else {
            before..before + 1
        };
        window
            .into_iter()
            .any(|k| self.kind(k) == Some(TokKind::Word) && is_change_verb(self.low(k)))
    }
}

/// Whether two figures' currencies (or none) can be the ends of one range:
/// the same, or a bare `$` beside a dollar with its country ("US$89 to $93
/// billion").
fn same_unit(a: Option<&str>, b: Option<&str>) -> bool {
    let dollar = |u: &str| u.len() == 3 && u.ends_with('D');
    match (a, b) {
        (Some("dollar"), Some(u)) | (Some(u), Some("dollar")) => u == "dollar" || dollar(u),
        (a, b) => a == b,
    }
}

/// The ends of a range, in base units, with a scale written only after the
/// second number applied to the first too ("200–250 billion").
fn shared_scale(a: &Figure, b: &Figure) -> Option<(Decimal, Decimal)> {
    let lo = match (a.scale, b.scale) {
        // "200–250 billion"; but "700,000 to 1 million" is already whole
        (None, Some(e)) => {
            let scaled = a.value.checked_mul(number::pow10(e))?;
            if scaled <= b.value {
                scaled
            } else {
                a.value
            }
        }
        _ => a.value,
    };
    Some((lo, b.value))
}

/// Whether `word` (lowercase) is a form of one of `CHANGE_VERBS`: the stem
/// and an inflection ("rose", "increased", "dipping"), never a longer word
/// that starts the same ("additional", "diplomats", "easterly").
fn is_change_verb(word: &str) -> bool {
    CHANGE_VERBS.iter().any(|v| {
        word.strip_prefix(v)
            .is_some_and(|rest| CHANGE_VERB_ENDINGS.contains(&rest))
    })
}
