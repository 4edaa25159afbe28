//! One figure: `[currency] number [scale] [percent | currency [scale]]
//! [minor part]` from a token on, as a `Figure`.
//!
//! The number is digits, a notation (`notation`) or number words (`words`);
//! the scale, currency and percent words around it are read here with the
//! vocabularies of `scale` and `currency`. `figure_reading` then makes a
//! bare year of it or hands it on: a second figure after a dash or "to" to
//! `ranges`, the rest to `found`, which decides what kind of quantity it is.

use rust_decimal::Decimal;

use super::ranges::Elided;
use super::vocabulary::{
    BARRELS_A_DAY, BARRELS_BEFORE_SLASH, DASHES, MEASURE_CONTEXT, PERCENT_UNITS, PERCENT_WORDS,
    WORD_CONTINUATIONS,
};
use super::Parser;
use crate::extract::currency::{self, Currency};
use crate::extract::number::{self, Number};
use crate::extract::tokens::TokKind;
use crate::extract::{scale, words, Found, Kind, MAX_VALUE};
use crate::period::Period;

/// What follows a number and gives it a unit.
enum Suffix {
    /// "%", "percent", "per cent"; `points` for "percentage points".
    Percent {
        points: bool,
        end: usize,
    },
    /// "basis points", "bps": hundredths of a percentage point.
    BasisPoints(usize),
    Currency(Currency, usize),
}

/// A figure before classification: tokens `first..=last`.
#[derive(Debug, Clone)]
pub(in crate::extract) struct Figure<'t> {
    pub(in crate::extract) first: usize,
    pub(in crate::extract) last: usize,
    pub(in crate::extract) value: Decimal,
    pub(in crate::extract) step: Decimal,
    /// Power of ten applied by a scale word, if any.
    pub(in crate::extract) scale: Option<u32>,
    pub(in crate::extract) unit: Option<&'static str>,
    /// The power of ten from the written currency to `unit` (-2 for
    /// "cents"), 0 without one.
    pub(in crate::extract) unit_exp: i32,
    pub(in crate::extract) percent: bool,
    /// "percentage points" rather than "percent".
    pub(in crate::extract) points: bool,
    /// The number as written, borrowed: a `String` only when it becomes a
    /// quantity.
    pub(in crate::extract) written: &'t str,
    /// A lone digit token with no separators or decimals ("2024", "30").
    pub(in crate::extract) bare_integer: bool,
}

impl<'t> Figure<'t> {
    /// A figure with no scale, currency or percent sign yet.
    pub(in crate::extract) fn plain(
        first: usize,
        last: usize,
        value: Decimal,
        step: Decimal,
        written: &'t str,
        bare_integer: bool,
    ) -> Self {
        Figure {
            first,
            last,
            value,
            step,
            scale: None,
            unit: None,
            unit_exp: 0,
            percent: false,
            points: false,
            written,
            bare_integer,
        }
    }

    pub(in crate::extract) fn is_plain(&self) -> bool {
        self.bare_integer && self.scale.is_none() && self.unit.is_none() && !self.percent
    }

    pub(in crate::extract) fn year(&self) -> Option<i32> {
        let y = i32::try_from(self.value.mantissa()).ok()?;
        (self.is_plain() && self.written.len() == 4 && (1900..=2100).contains(&y)).then_some(y)
    }
}

impl<'t> Parser<'t> {
    /// A money, percent or count figure, or a range of two, at `i`.
    pub(super) fn figure_reading(&self, i: usize) -> Option<(Found, usize)> {
        // `at` has already let token `i` through
        let fig = self.read_figure(i)?;
        if let Some(r) = self.dash_range(&fig) {
            return Some(r);
        }
        let next = fig.last + 1;
        // "three or four years": the first a duration as the second is
        let fig = match self.elided_unit(fig) {
            Elided::Measure(fig) => {
                let mut found = self.non_metric(Kind::Other, &fig, None);
                found.quantity.value = Some(fig.value);
                return Some((found, next));
            }
            Elided::Figure(fig) => fig,
        };
        let year = fig
            .year()
            .filter(|_| self.qualifier_before(fig.first).0.is_none());
        if let Some(y) = year {
            let period = if self.fiscal_before(fig.first) {
                Period::fiscal(y)
            } else {
                Period::year(y)
            };
            let found = self.non_metric(Kind::Year, &fig, Some(period));
            return Some((found, next));
        }
        self.metric(fig, None).map(|f| (f, next))
    }

    /// A figure at any token `i` ("between A and B", "A to B"): the words
    /// and symbols `at` passes over start none ("between the two").
    pub(super) fn figure(&self, i: usize) -> Option<Figure<'t>> {
        let t = self.toks.get(i)?;
        if t.quiet || (t.kind == TokKind::Word && !self.triggers(i)) {
            return None;
        }
        self.read_figure(i)
    }

    /// `[currency] number [scale] [percent | currency [scale]] [minor part]`
    /// at `i`, a token `at` lets through.
    fn read_figure(&self, i: usize) -> Option<Figure<'t>> {
        if let Some(after) = self.sign(i) {
            let mut fig = self.figure(after)?;
            fig.value = -fig.value;
            fig.first = i;
            fig.bare_integer = false;
            return Some(fig);
        }
        let digits = |k: usize| self.kind(k) == Some(TokKind::Digits);
        let (prefix, j, negative) = match self.currency_prefix(i) {
            Some((c, j)) if self.joined(j) && digits(j) => (Some(c), j, false),
            // "$-50.8bn"
            Some((c, j)) if self.is_hyphen(j) && digits(j + 1) => (Some(c), j + 1, true),
            Some(_) => return None,
            None => (None, i, false),
        };
        let (num, last, bare) = self.number(j)?;
        // ".001 per cent": the point is the number's
        let (i, j) = match self.leading_point(j) {
            true if i == j => (j - 1, j - 1),
            true => (i, j - 1),
            false => (i, j),
        };
        let mut fig = Figure::plain(i, last, num.value, num.step, self.written(j, last), bare);
        fig.last = self.scale(&mut fig, last, prefix.is_some())?;
        let mut currency = prefix;
        match self.suffix(&fig, prefix.is_none()) {
            Some(Suffix::Percent { points, end }) => {
                fig.percent = true;
                fig.points = points;
                fig.last = end;
            }
            // "by 200 basis points": 2 percentage points
            Some(Suffix::BasisPoints(end)) => {
                let hundredth = Decimal::new(1, 2);
                fig.value = fig.value.checked_mul(hundredth)?;
                fig.step = fig.step.checked_mul(hundredth)?;
                fig.percent = true;
                fig.points = true;
                fig.last = end;
            }
            Some(Suffix::Currency(c, end)) => {
                currency = Some(c);
                fig.last = end;
                // "75 USD million"
                if fig.scale.is_none() {
                    fig.last = self.scale(&mut fig, end, true)?;
                }
            }
            None => {}
        }
        if let Some(c) = currency {
            let factor = if c.exp >= 0 {
                number::pow10(c.exp.unsigned_abs())
            } else {
                Decimal::ONE.checked_div(number::pow10(c.exp.unsigned_abs()))?
            };
            fig.value = fig.value.checked_mul(factor)?;
            fig.step = fig.step.checked_mul(factor)?;
            fig.unit = Some(c.unit);
            fig.unit_exp = c.exp;
            if c.exp == 0 && fig.scale.is_none() {
                if let Some((minor, end)) = self.minor_part(fig.last + 1) {
                    fig.value = fig.value.checked_add(minor)?;
                    fig.step = Decimal::new(1, 2);
                    fig.last = end;
                }
            }
        }
        if negative {
            fig.value = -fig.value;
            fig.bare_integer = false;
        }
        // beyond any real-world amount: not read, so interval and difference
        // arithmetic can never overflow
        (fig.value.abs() <= MAX_VALUE).then_some(fig)
    }

    /// A minus sign at `i` ("-1.8", "−5%", "minus five", "negative ten"):
    /// the token where the number starts. A hyphen glued to a word or a
    /// number before it is no sign ("COVID-19", "10-20").
    fn sign(&self, i: usize) -> Option<usize> {
        let next = i + 1;
        if self.is_word(i, "minus") || self.is_word(i, "negative") {
            // "minus-130 degrees"
            if self.is_hyphen(next) {
                return (self.kind(next + 1) == Some(TokKind::Digits)).then_some(next + 1);
            }
            return (self.joined(next)
                && self.kind(next).is_some()
                && self.kind(next) != Some(TokKind::Symbol))
            .then_some(next);
        }
        let dash = matches!(self.s(i), "-" | "−");
        let glued_after = self.glued(next) && self.kind(next) == Some(TokKind::Digits);
        let glued_before = i > 0 && self.glued(i) && self.kind(i - 1) != Some(TokKind::Symbol);
        (dash && glued_after && !glued_before).then_some(next)
    }

    /// Applies a scale word after token `last` ("billion", "bn", "-billion");
    /// returns the new last token.
    fn scale(&self, fig: &mut Figure, last: usize, money: bool) -> Option<usize> {
        let mut k = last + 1;
        // "a $245-billion deal"
        let hyphenated = self.is_hyphen(k);
        if hyphenated && scale::scale_word(self.s(k + 1), false).is_some() {
            k += 1;
        }
        // "9.02 mbpd", "26.5 mb/d", "900 kb/d": barrels a day in millions
        // or thousands, the scale inside the unit
        if let Some((e, last)) = self.barrels_a_day(k) {
            let factor = number::pow10(e);
            fig.value = fig.value.checked_mul(factor)?;
            fig.step = fig.step.checked_mul(factor)?;
            fig.scale = Some(e);
            return Some(last);
        }
        // "$75 [billion]": a scale an editor put in brackets
        if self.s(k) == "["
            && self.joined(k)
            && self.s(k + 2) == "]"
            && scale::scale_word(self.s(k + 1), false).is_some()
        {
            let e = scale::scale_word(self.s(k + 1), false)?;
            let factor = number::pow10(e);
            fig.value = fig.value.checked_mul(factor)?;
            fig.step = fig.step.checked_mul(factor)?;
            fig.scale = Some(e);
            return Some(k + 2);
        }
        if !(self.joined(k) && self.kind(k) == Some(TokKind::Word)) {
            return Some(last);
        }
        let million_noun = self.million_before_noun(k);
        let letter = self.glued(k) && (money || million_noun) || self.spaced_billions(k);
        let Some(e) = scale::scale_word(self.s(k), letter) else {
            return Some(last);
        };
        let factor = number::pow10(e);
        fig.value = fig.value.checked_mul(factor)?;
        fig.step = fig.step.checked_mul(factor)?;
        fig.scale = Some(e);
        Some(k)
    }

    /// A unit of barrels a day with its scale at token `k`: "mbpd", "mbd",
    /// "mmbpd", "kbpd", "kbd", or "mb/d", "kb/d": the power of ten and the
    /// unit's last token.
    fn barrels_a_day(&self, k: usize) -> Option<(u32, usize)> {
        if !self.joined(k) {
            return None;
        }
        let word = self.word(k);
        if let Some(&(_, e)) = BARRELS_A_DAY.iter().find(|&&(w, _)| w == word) {
            return Some((e, k));
        }
        let &(_, e) = BARRELS_BEFORE_SLASH.iter().find(|&&(w, _)| w == word)?;
        let per_day = self.s(k + 1) == "/" && self.word(k + 2) == "d" && self.glued(k + 1);
        per_day.then_some((e, k + 2))
    }

    /// Cents after a whole amount: "3 dollars 50 cents", "15 dollars and 50",
    /// "thirteen dollars and forty-five cents". Without a minor-unit word the
    /// number must end the clause, so "15 dollars and 50 people" is two figures.
    fn minor_part(&self, k: usize) -> Option<(Decimal, usize)> {
        let k = if self.is_word(k, "and") { k + 1 } else { k };
        if !self.joined(k) {
            return None;
        }
        let (n, last, _) = self.number(k)?;
        if n.value >= Decimal::ONE_HUNDRED || n.value.fract() != Decimal::ZERO {
            return None;
        }
        let refs = self.lower_words(last + 1, 1);
        if let Some((c, used, _)) = currency::name(&refs).filter(|(c, _, _)| c.exp < 0) {
            let factor = Decimal::ONE.checked_div(number::pow10(c.exp.unsigned_abs()))?;
            return Some((n.value.checked_mul(factor)?, last + used));
        }
        let ends =
            !self.joined(last + 1) || matches!(self.s(last + 1), "." | "," | ";" | "!" | "?" | ")");
        ends.then(|| (n.value / Decimal::ONE_HUNDRED, last))
    }

    /// "$3.5m" is millions; "2.5m visitors" too, but "3.5m long" is metres:
    /// whether the glued "m" at `k` is followed by a noun. A capital "M"
    /// is never metres ("4.3M copies"), but "3M" is a company.
    pub(super) fn million_before_noun(&self, k: usize) -> bool {
        let capital = self.s(k) == "M" && k > 0 && self.s(k - 1) != "3";
        self.glued(k) && (self.s(k) == "m" || capital) && self.noun_after_scale(k)
    }

    /// Whether a word that is no measure's context follows the scale
    /// letter at `k` ("2.5m visitors", not "3.5m long"). "Of" before an
    /// owner is a share of things owned ("35m of its users"; "the last
    /// 200m of the race" stays metres).
    fn noun_after_scale(&self, k: usize) -> bool {
        let owner = matches!(
            self.word(k + 2),
            "its" | "their" | "our" | "his" | "her" | "them"
        );
        let share = self.is_word(k + 1, "of") && self.joined(k + 2) && owner;
        self.kind(k + 1) == Some(TokKind::Word)
            && self.joined(k + 1)
            && (share || !MEASURE_CONTEXT.iter().any(|w| self.is_word(k + 1, w)))
    }

    /// "8 B people": a capital "B" spaced after a number and before a
    /// lowercase noun is billions (a "B" glued to money is read by
    /// `scale_word`). After a name or before a verb it is a label:
    /// "Room 8 B is free", "Plan 8 B Ltd".
    fn spaced_billions(&self, k: usize) -> bool {
        let Some(number) = k.checked_sub(1) else {
            return false;
        };
        let named = number.checked_sub(1).is_some_and(|p| {
            let capital = self.s(p).starts_with(|c: char| c.is_uppercase());
            (capital && !self.starts_sentence(p)) || self.is_label(p)
        });
        let next = self.s(k + 1);
        let verb = matches!(
            next,
            "is" | "was" | "are" | "were" | "has" | "had" | "and" | "or"
        );
        self.s(k) == "B"
            && !self.glued(k)
            && self.kind(number) == Some(TokKind::Digits)
            && !named
            && next.starts_with(|c: char| c.is_ascii_lowercase())
            && !verb
            && self.noun_after_scale(k)
    }

    /// A currency symbol or code before a number: `$`, `US$`, `€`, `USD`,
    /// `MAUD`.
    fn currency_prefix(&self, i: usize) -> Option<(Currency, usize)> {
        if let Some(found) = self.lost_symbol(i) {
            return Some(found);
        }
        let s = self.s(i);
        match self.kind(i)? {
            // "$US12.4 million", "$A3.1bn": the country after the symbol
            TokKind::Symbol
                if s == "$"
                    && self.glued(i + 1)
                    && self.glued(i + 2)
                    && self.kind(i + 2) == Some(TokKind::Digits)
                    && self.s(i + 1).chars().all(|c| c.is_ascii_uppercase())
                    && currency::dollar_prefix(self.s(i + 1)).is_some() =>
            {
                currency::dollar_prefix(self.s(i + 1))
                    .map(|u| (Currency { unit: u, exp: 0 }, i + 2))
            }
            TokKind::Symbol if s != "元" => {
                currency::symbol(s).map(|u| (Currency { unit: u, exp: 0 }, i + 1))
            }
            TokKind::Symbol => None,
            // "US$" glued; "US $" spaced only for US: "A $5 fee" is no
            // Australian dollar
            TokKind::Word if self.s(i + 1) == "$" && (self.glued(i + 1) || s == "US") => {
                let upper = s.chars().all(|c| c.is_ascii_uppercase());
                currency::dollar_prefix(s)
                    .filter(|_| upper)
                    .map(|u| (Currency { unit: u, exp: 0 }, i + 2))
            }
            // "Rs 45,000 crore", "Rs. 500"
            TokKind::Word if currency::abbreviation(s).is_some() => {
                let dot = usize::from(self.s(i + 1) == "." && self.glued(i + 1));
                currency::abbreviation(s).map(|u| (Currency { unit: u, exp: 0 }, i + 1 + dot))
            }
            TokKind::Word => currency::code(s).map(|c| (c, i + 1)),
            TokKind::Digits => None,
        }
    }

    /// A pound or yen sign a copy lost, as news archives write them:
    /// "PS3.5m" for £3.5m, "Y=590 billion" for ¥590 billion. Only before an
    /// amount's shape (a separator, a decimal, two digits or a scale):
    /// "PS5" is a games console, "Y=2" an equation.
    pub(super) fn lost_symbol(&self, i: usize) -> Option<(Currency, usize)> {
        let (unit, k) = match self.s(i) {
            "PS" => ("GBP", i + 1),
            "Y" if self.s(i + 1) == "=" && self.glued(i + 1) => ("yen_yuan", i + 2),
            _ => return None,
        };
        if !(self.glued(k) && self.kind(k) == Some(TokKind::Digits)) {
            return None;
        }
        let scaled =
            self.joined(k + 1) && scale::scale_word(self.s(k + 1), self.glued(k + 1)).is_some();
        (self.s(k).len() > 1 || scaled).then_some((currency::major_unit(unit), k))
    }

    /// A digit literal or number words at `i`: the number, the last token, and
    /// whether it is a bare integer literal.
    /// Whether the digits at `i` follow a decimal point with no digits
    /// before it (".001 per cent", "a .500 record").
    fn leading_point(&self, i: usize) -> bool {
        let Some(point) = i.checked_sub(1) else {
            return false;
        };
        let digits_before = point
            .checked_sub(1)
            .is_some_and(|k| self.kind(k) == Some(TokKind::Digits) && self.glued(point));
        self.s(point) == "." && self.glued(i) && !self.glued(point) && !digits_before
    }

    pub(super) fn number(&self, i: usize) -> Option<(Number, usize, bool)> {
        match self.kind(i)? {
            TokKind::Digits => {
                if self.leading_point(i) {
                    let n = number::parse_digits(&format!("0.{}", self.s(i)))?;
                    return Some((n, i, false));
                }
                // a notation too large to read is no number: never the
                // digits before its exponent ("$1e40" is not $1)
                if let Some(read) = self.notation_reading(i) {
                    return read.ok().map(|(n, last)| (n, last, false));
                }
                let s = self.s(i);
                let n = number::parse_digits(s)?;
                // "4 thousand 3 hundred and 21", "13 lakh", "3 dozen", "1 in
                // 5"; but "25 million" is left to the scale reader, which
                // knows abbreviations and keeps the scale for the unit
                let next = self.s(i + 1);
                let continues = self.kind(i + 1) == Some(TokKind::Word)
                    && self.joined(i + 1)
                    && WORD_CONTINUATIONS
                        .iter()
                        .any(|w| next.eq_ignore_ascii_case(w));
                // after digits and a scale word ("245 billion"), words are
                // taken only when they go on past the scale (below); they
                // cannot when the grammar reads no third token: then the
                // grammar is not run at all
                let scaled = scale::scale_word(next, false).is_some();
                let reads_on = self.joined(i + 2)
                    && self.kind(i + 2).is_some()
                    && words::in_vocabulary(self.low(i + 2));
                let words = if continues && (!scaled || reads_on) {
                    // words too large to read: no shorter number either
                    // ("6700000000000000000000000000 dozen")
                    self.words_from(i).ok()?
                } else {
                    None
                };
                if let Some(w) = words.filter(|w| w.used > 1) {
                    let plain_scale = w.used == 2 && scaled;
                    // "190 billion two years earlier" is 190 billion: after
                    // digits and a scale, words go on only as a smaller
                    // group with its own "hundred" or scale ("4 thousand 3
                    // hundred") or after "and" ("4 thousand and 21")
                    let grouped = (i + 2..i + w.used).any(|j| {
                        matches!(self.low(j), "and" | "hundred" | "hundreds")
                            || scale::scale_word(self.s(j), false).is_some()
                    });
                    if !plain_scale && (!scaled || grouped) {
                        return Some((w.number, i + w.used - 1, false));
                    }
                }
                Some((n, i, !s.contains([',', '.'])))
            }
            TokKind::Word => self
                .words_from(i)
                .ok()
                .flatten()
                .map(|w| (w.number, i + w.used - 1, false)),
            TokKind::Symbol => self.notation(i).map(|(n, last)| (n, last, false)),
        }
    }

    /// A number in words (and digits) from token `i`; `Err` when its value
    /// cannot be represented.
    pub(super) fn words_from(
        &self,
        i: usize,
    ) -> Result<Option<words::WordNumber>, words::TooLarge> {
        // up to 24 tokens on the stack; the window ends two tokens after the
        // first that no number phrase contains (the grammar looks at most
        // two tokens past the words it reads)
        let mut window = [""; 24];
        let mut n = 0;
        let mut strangers = 0;
        for j in i..i + 24 {
            // digits glued to a unit start a quantity of their own: "eight
            // million 250ml bottles" is eight million of 250 ml
            let unit_glued = j > i && self.glued(j + 1) && self.kind(j + 1) == Some(TokKind::Word);
            let fits = (j == i || self.joined(j))
                && match self.kind(j) {
                    Some(TokKind::Word) => true,
                    Some(TokKind::Digits) => !unit_glued,
                    Some(TokKind::Symbol) => self.is_dash(j),
                    None => false,
                };
            if !fits || strangers == 2 {
                break;
            }
            window[n] = self.low(j);
            strangers += usize::from(strangers > 0 || !words::in_vocabulary(window[n]));
            n += 1;
        }
        let refs = &window[..n];
        let Some(w) = words::read(refs)? else {
            return Ok(None);
        };
        // a hyphen is never the last token of a number
        Ok((w.used > 0 && refs[w.used - 1] != "-").then_some(w))
    }

    /// Percent sign or word, or a currency symbol, code or name, after a
    /// figure ending at `fig.last`.
    fn suffix(&self, fig: &Figure, currency_allowed: bool) -> Option<Suffix> {
        let mut k = fig.last + 1;
        if !self.joined(k) {
            return None;
        }
        // "a 10-percent cut", "a 25-basis-point cut": the unit joined to
        // the number by a hyphen, as a compound before a noun
        if self.is_hyphen(k) && PERCENT_UNITS.contains(&self.word(k + 1)) {
            k += 1;
        }
        let s = self.s(k);
        let word = |j: usize, w: &str| self.is_word(j, w);
        // "point", "-point", "points" after token `j - 1`: its last token
        let point_at = |j: usize| {
            let j = if self.is_hyphen(j) { j + 1 } else { j };
            (word(j, "point") || word(j, "points")).then_some(j)
        };
        let next = self.word(k);
        // "1.38pc": British papers' per cent, glued to the figure ("5 pc"
        // spaced is as often five computers)
        let glued_pc = s == "pc" && self.glued(k);
        if s == "%" || PERCENT_WORDS.contains(&next) || glued_pc {
            return Some(Suffix::Percent {
                points: false,
                end: k,
            });
        }
        // "per cent", "10-per-cent"
        let cent = if self.is_hyphen(k + 1) { k + 2 } else { k + 1 };
        if next == "per" && word(cent, "cent") {
            return Some(Suffix::Percent {
                points: false,
                end: cent,
            });
        }
        if next == "basis" {
            if let Some(end) = point_at(k + 1) {
                return Some(Suffix::BasisPoints(end));
            }
        }
        if matches!(s, "bps" | "bp") {
            return Some(Suffix::BasisPoints(k));
        }
        if next == "percentage" {
            let end = point_at(k + 1);
            return Some(Suffix::Percent {
                points: end.is_some(),
                end: end.unwrap_or(k),
            });
        }
        // "a quarter-point cut", "a half point": a fraction of a percentage
        // point, as rates and polls move (a number of points in digits is
        // as often a score: "a 2-point lead")
        let fraction_word = self.kind(fig.first) == Some(TokKind::Word)
            && fig.value < Decimal::ONE
            && fig.value.fract() != Decimal::ZERO;
        if fraction_word {
            if let Some(end) = point_at(fig.last + 1) {
                return Some(Suffix::Percent { points: true, end });
            }
        }
        if !currency_allowed {
            return None;
        }
        let glued_to_digits =
            |j: usize| self.glued(j + 1) && self.kind(j + 1) == Some(TokKind::Digits);
        if self.kind(k) == Some(TokKind::Symbol) {
            // "10 €", "100元"; not "2024 $5" (the $ opens the next amount)
            let year = fig.year().is_some() && !self.glued(k);
            if DASHES.contains(&s) && self.glued(k) {
                k += 1; // "12-cent", "one-yen"
            } else {
                return currency::symbol(s)
                    .filter(|_| !glued_to_digits(k) && !year)
                    .map(|u| Suffix::Currency(Currency { unit: u, exp: 0 }, k));
            }
        }
        if let Some(c) = currency::code(self.s(k)).filter(|_| !glued_to_digits(k)) {
            return Some(Suffix::Currency(c, k));
        }
        if !(self.kind(k) == Some(TokKind::Word) && currency::name_starts_with(self.low(k))) {
            return None;
        }
        let words = self.lower_words(k, 5);
        let (c, n, needs_scale) = currency::name(&words)?;
        (!needs_scale || fig.scale.is_some()).then_some(Suffix::Currency(c, k + n - 1))
    }
}
