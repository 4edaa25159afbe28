//! Facts written as bytes: what a run that holds a whole corpus's facts
//! keeps of each (`Facts::packed`), a tenth of a `Fact` in memory.
//!
//! A fact is written field by field: numbers as variable-length integers
//! (seven bits a byte), decimals as their mantissa and scale, strings as
//! their length and bytes. What many facts share is written once, in a
//! table, and each fact names its row: the metric, the units, and the rare
//! notes (a conversion, attributions), which are kept as they are. The
//! source is not written: the store keeps each fact's source beside it.

use std::borrow::Cow;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::{Fact, Notes, Quote, Source};
use crate::extract::{Direction, Kind, PeriodBasis, Qualifier, Quantity, Role};
use crate::period::Period;

/// The tables that the bytes of facts name rows of.
#[derive(Debug, Default)]
pub(super) struct Tables {
    metrics: Rows<Arc<str>>,
    /// The extractor's units (`Quantity::unit`), and the metrics' units
    /// that are one of them (`Fact::unit`, borrowed).
    units: Rows<&'static str>,
    /// The metrics' other units (`Fact::unit`, owned).
    owned_units: Rows<Box<str>>,
    notes: Vec<Notes>,
}

/// Values that many facts share, each kept once: a fact's bytes name its
/// row. Found by hash, as a rule set may have a thousand metrics.
#[derive(Debug)]
struct Rows<T> {
    rows: Vec<T>,
    index: foldhash::HashMap<T, u64>,
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Rows {
            rows: Vec::new(),
            index: foldhash::HashMap::default(),
        }
    }
}

impl<T: std::hash::Hash + Eq + Clone> Rows<T> {
    /// The row of `x`, added (as `owned()` makes it) when it is not there
    /// yet.
    fn row<Q>(&mut self, x: &Q, owned: impl FnOnce() -> T) -> u64
    where
        T: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        if let Some(&i) = self.index.get(x) {
            return i;
        }
        let i = self.rows.len() as u64;
        let x = owned();
        self.rows.push(x.clone());
        self.index.insert(x, i);
        i
    }

    fn get(&self, i: u64) -> &T {
        row(&self.rows, i)
    }
}

impl Tables {
    /// Appends `fact`, but for its source, to `out`.
    pub(super) fn write(&mut self, fact: &Fact, out: &mut Vec<u8>) {
        let q = &fact.quantity;
        let mut w = Writer(out);
        let flags = u64::from(q.value.is_some())
            | u64::from(q.range.is_some()) << 1
            | u64::from(q.range_inclusive.0) << 2
            | u64::from(q.range_inclusive.1) << 3
            | u64::from(q.qualifier_text.is_some()) << 4
            | u64::from(q.negated) << 5
            | u64::from(fact.notes.is_some()) << 6
            | u64::from(fact.period == q.period) << 7
            | u64::from(matches!(fact.unit, Cow::Borrowed(_))) << 8;
        w.uint(flags);
        w.uint(self.metrics.row(&fact.metric, || Arc::clone(&fact.metric)));
        w.uint(self.units.row(&q.unit, || q.unit));
        w.uint(match &fact.unit {
            Cow::Borrowed(u) => self.units.row(u, || *u),
            Cow::Owned(u) => self.owned_units.row(u.as_str(), || u.as_str().into()),
        });
        w.uint(
            u64::from(kind_code(q.kind))
                | u64::from(qualifier_code(q.qualifier)) << 4
                | u64::from(role_code(q.role)) << 8
                | u64::from(direction_code(q.direction)) << 11
                | u64::from(basis_code(q.period_basis)) << 13,
        );
        if let Some(v) = q.value {
            w.decimal(v);
        }
        if let Some(r) = &q.range {
            w.decimal(r.0);
            w.decimal(r.1);
        }
        w.decimal(q.step);
        if let Some(t) = &q.qualifier_text {
            w.str(t);
        }
        w.period(q.period);
        if fact.period != q.period {
            w.period(fact.period);
        }
        w.uint(q.start as u64);
        w.uint(q.end.saturating_sub(q.start) as u64);
        w.str(&q.written);
        w.uint(u64::from(fact.line));
        w.uint(u64::from(fact.column));
        w.uint(u64::from(fact.quote.start));
        w.uint(u64::from(fact.quote.end.saturating_sub(fact.quote.start)));
        w.str(&fact.surface);
        w.uint(u64::from(fact.quote_line));
        w.uint(u64::from(fact.quote_span.0));
        w.uint(u64::from(fact.quote_span.1));
        if let Some(n) = &fact.notes {
            self.notes.push(Notes::clone(n));
            w.uint(self.notes.len() as u64 - 1);
        }
    }

    /// The fact written at the start of `bytes` (`write`), of `source`.
    pub(super) fn read(&self, bytes: &[u8], source: &Arc<Source>) -> Fact {
        let mut r = Reader(bytes);
        let flags = r.uint();
        let on = |bit: u32| flags >> bit & 1 == 1;
        let metric = self.metrics.get(r.uint()).clone();
        let unit = *self.units.get(r.uint());
        let fact_unit = r.uint();
        let codes = r.uint();
        let value = on(0).then(|| r.decimal());
        let range = on(1).then(|| Box::new((r.decimal(), r.decimal())));
        let step = r.decimal();
        let qualifier_text = on(4).then(|| Box::from(r.str()));
        let q_period = r.period();
        let period = if on(7) { q_period } else { r.period() };
        let start = r.uint() as usize;
        let end = start + r.uint() as usize;
        let written = Box::from(r.str());
        let quantity = Quantity {
            kind: kind_of(codes & 0xf),
            value,
            range,
            range_inclusive: (on(2), on(3)),
            step,
            unit,
            qualifier: qualifier_of(codes >> 4 & 0xf),
            qualifier_text,
            role: role_of(codes >> 8 & 0x7),
            direction: direction_of(codes >> 11 & 0x3),
            negated: on(5),
            period: q_period,
            period_basis: basis_of(codes >> 13 & 0x7),
            start,
            end,
            written,
        };
        let line = r.u32();
        let column = r.u32();
        let quote_start = r.u32();
        let quote = Quote {
            start: quote_start,
            end: quote_start.saturating_add(r.u32()),
        };
        let surface = Box::from(r.str());
        let quote_line = r.u32();
        let quote_span = (r.u32(), r.u32());
        let notes = on(6).then(|| Box::new(row(&self.notes, r.uint()).clone()));
        Fact {
            metric,
            period,
            quantity,
            // the metric's unit, borrowed when written borrowed
            unit: if on(8) {
                Cow::Borrowed(*self.units.get(fact_unit))
            } else {
                Cow::Owned(self.owned_units.get(fact_unit).to_string())
            },
            source: Arc::clone(source),
            line,
            column,
            quote,
            surface,
            quote_line,
            quote_span,
            notes,
        }
    }
}

/// Row `i` of `rows`. Cannot fail for bytes this module wrote (every row
/// they name was added before them); the first row stands in otherwise.
fn row<T>(rows: &[T], i: u64) -> &T {
    let i = usize::try_from(i).unwrap_or(usize::MAX);
    // `rows` is never empty when read: a table is read only for a fact
    // whose writing added a row to it (`owned_units` for an owned unit,
    // `notes` for notes)
    rows.get(i).unwrap_or(&rows[0])
}

/// Writes variable-length integers, decimals, strings and periods.
struct Writer<'a>(&'a mut Vec<u8>);

impl Writer<'_> {
    fn uint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn wide(&mut self, mut n: u128) {
        while n >= 0x80 {
            self.0.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn int(&mut self, n: i64) {
        // zigzag: small numbers of either sign stay small
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }

    /// The scale and sign in a byte (a scale is at most 28), then the
    /// mantissa's magnitude: a negative zero stays one.
    fn decimal(&mut self, d: Decimal) {
        self.0
            .push(d.scale() as u8 | u8::from(d.is_sign_negative()) << 7);
        self.wide(d.mantissa().unsigned_abs());
    }

    fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn period(&mut self, p: Option<Period>) {
        let Some(p) = p else {
            return self.uint(0);
        };
        self.uint(
            1 | u64::from(p.months.is_some()) << 1
                | u64::from(p.through.is_some()) << 2
                | u64::from(p.fiscal) << 3,
        );
        self.int(i64::from(p.year));
        if let Some((a, b)) = p.months {
            self.0.extend_from_slice(&[a, b]);
        }
        if let Some(t) = p.through {
            self.int(i64::from(t));
        }
    }
}

/// Reads what `Writer` wrote. Bytes come only from `Writer`, so they never
/// run short; if they did, the missing bytes read as zeros.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        let (b, rest) = self.0.split_first().map_or((0, &[][..]), |(b, r)| (*b, r));
        self.0 = rest;
        b
    }

    fn wide(&mut self) -> u128 {
        let mut n = 0u128;
        for shift in (0..128).step_by(7) {
            let b = self.byte();
            n |= u128::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
        }
        n
    }

    fn uint(&mut self) -> u64 {
        self.wide() as u64
    }

    fn u32(&mut self) -> u32 {
        u32::try_from(self.uint()).unwrap_or(u32::MAX)
    }

    fn int(&mut self) -> i64 {
        let n = self.uint();
        (n >> 1) as i64 ^ -((n & 1) as i64)
    }

    fn decimal(&mut self) -> Decimal {
        let head = self.byte();
        let magnitude = self.wide();
        let m = i128::try_from(magnitude).unwrap_or(i128::MAX);
        let mut d =
            Decimal::try_from_i128_with_scale(m, u32::from(head & 0x7f)).unwrap_or(Decimal::ZERO);
        d.set_sign_negative(head & 0x80 != 0);
        d
    }

    fn str(&mut self) -> &str {
        let n = usize::try_from(self.uint()).unwrap_or(usize::MAX);
        let n = n.min(self.0.len());
        let (s, rest) = self.0.split_at(n);
        self.0 = rest;
        // cannot fail for bytes `Writer::str` wrote from a `&str`
        std::str::from_utf8(s).unwrap_or("")
    }

    fn i32(&mut self) -> i32 {
        i32::try_from(self.int()).unwrap_or_default()
    }

    fn period(&mut self) -> Option<Period> {
        let flags = self.uint();
        if flags == 0 {
            return None;
        }
        let year = self.i32();
        let months = (flags & 2 != 0).then(|| (self.byte(), self.byte()));
        let through = (flags & 4 != 0).then(|| self.i32());
        Some(Period {
            year,
            months,
            through,
            fiscal: flags & 8 != 0,
        })
    }
}

// The codes of the extractor's small enums: each `match` names every
// variant, so a new one must be given a code here before the code builds.

const KINDS: [Kind; 12] = [
    Kind::Money,
    Kind::Number,
    Kind::Percent,
    Kind::Rank,
    Kind::Ordinal,
    Kind::Year,
    Kind::YearRange,
    Kind::Date,
    Kind::Time,
    Kind::Other,
    Kind::Change,
    Kind::Unparsed,
];

fn kind_code(k: Kind) -> u8 {
    match k {
        Kind::Money => 0,
        Kind::Number => 1,
        Kind::Percent => 2,
        Kind::Rank => 3,
        Kind::Ordinal => 4,
        Kind::Year => 5,
        Kind::YearRange => 6,
        Kind::Date => 7,
        Kind::Time => 8,
        Kind::Other => 9,
        Kind::Change => 10,
        Kind::Unparsed => 11,
    }
}

fn kind_of(code: u64) -> Kind {
    KINDS.get(code as usize).copied().unwrap_or(Kind::Unparsed)
}

const QUALIFIERS: [Qualifier; 8] = [
    Qualifier::Exact,
    Qualifier::About,
    Qualifier::Nearly,
    Qualifier::MoreThan,
    Qualifier::AtLeast,
    Qualifier::LessThan,
    Qualifier::AtMost,
    Qualifier::Between,
];

fn qualifier_code(q: Qualifier) -> u8 {
    match q {
        Qualifier::Exact => 0,
        Qualifier::About => 1,
        Qualifier::Nearly => 2,
        Qualifier::MoreThan => 3,
        Qualifier::AtLeast => 4,
        Qualifier::LessThan => 5,
        Qualifier::AtMost => 6,
        Qualifier::Between => 7,
    }
}

fn qualifier_of(code: u64) -> Qualifier {
    QUALIFIERS
        .get(code as usize)
        .copied()
        .unwrap_or(Qualifier::Exact)
}

const ROLES: [Role; 5] = [
    Role::Actual,
    Role::Forecast,
    Role::Target,
    Role::Claim,
    Role::Conversion,
];

fn role_code(r: Role) -> u8 {
    match r {
        Role::Actual => 0,
        Role::Forecast => 1,
        Role::Target => 2,
        Role::Claim => 3,
        Role::Conversion => 4,
    }
}

fn role_of(code: u64) -> Role {
    ROLES.get(code as usize).copied().unwrap_or_default()
}

fn direction_code(d: Option<Direction>) -> u8 {
    match d {
        None => 0,
        Some(Direction::Up) => 1,
        Some(Direction::Down) => 2,
    }
}

fn direction_of(code: u64) -> Option<Direction> {
    match code {
        1 => Some(Direction::Up),
        2 => Some(Direction::Down),
        _ => None,
    }
}

const BASES: [PeriodBasis; 6] = [
    PeriodBasis::Stated,
    PeriodBasis::Carried,
    PeriodBasis::Assumed,
    PeriodBasis::Story,
    PeriodBasis::Base,
    PeriodBasis::Short,
];

fn basis_code(b: PeriodBasis) -> u8 {
    match b {
        PeriodBasis::Stated => 0,
        PeriodBasis::Carried => 1,
        PeriodBasis::Assumed => 2,
        PeriodBasis::Story => 3,
        PeriodBasis::Base => 4,
        PeriodBasis::Short => 5,
    }
}

fn basis_of(code: u64) -> PeriodBasis {
    BASES.get(code as usize).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_reads_back_as_its_variant() {
        for k in KINDS {
            assert_eq!(kind_of(u64::from(kind_code(k))), k);
        }
        for q in QUALIFIERS {
            assert_eq!(qualifier_of(u64::from(qualifier_code(q))), q);
        }
        for r in ROLES {
            assert_eq!(role_of(u64::from(role_code(r))), r);
        }
        for b in BASES {
            assert_eq!(basis_of(u64::from(basis_code(b))), b);
        }
        for d in [None, Some(Direction::Up), Some(Direction::Down)] {
            assert_eq!(direction_of(u64::from(direction_code(d))), d);
        }
    }

    /// `facts` written one after another with shared tables, and read
    /// back.
    fn round_trip(facts: &[Fact]) -> Vec<Fact> {
        let mut tables = Tables::default();
        let mut bytes = Vec::new();
        let mut offsets = Vec::new();
        for f in facts {
            offsets.push(bytes.len());
            tables.write(f, &mut bytes);
        }
        facts
            .iter()
            .zip(&offsets)
            .map(|(f, &at)| tables.read(&bytes[at..], &f.source))
            .collect()
    }

    /// The facts the shipped rules claim from `sentences`, one a paragraph.
    fn claimed(sentences: &[String]) -> Vec<Fact> {
        let text = sentences.join("\n\n");
        let doc = crate::documents::Document::from_body("a.md", &text, "2025-06-01".parse().ok());
        crate::facts::claim(&doc, &crate::extract::extract(&doc), &RULES)
    }

    #[test]
    fn decimals_and_periods_read_back_exactly() {
        for s in [
            "0",
            "-0",
            "244.8",
            "-12.50",
            "79228162514264337593543950335",
            "0.0000001",
        ] {
            let d: Decimal = s.parse().unwrap();
            let mut bytes = Vec::new();
            Writer(&mut bytes).decimal(d);
            let back = Reader(&bytes).decimal();
            assert_eq!(
                (back.to_string(), back.is_sign_negative()),
                (d.to_string(), d.is_sign_negative())
            );
        }
        let periods = [
            None,
            Some(Period::year(2024)),
            Some(Period {
                year: -3,
                months: Some((1, 9)),
                through: Some(2027),
                fiscal: true,
            }),
        ];
        for p in periods {
            let mut bytes = Vec::new();
            Writer(&mut bytes).period(p);
            assert_eq!(Reader(&bytes).period(), p);
        }
    }

    /// Loaded once for all cases.
    static RULES: std::sync::LazyLock<crate::rules::RuleSet> = std::sync::LazyLock::new(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        // cannot fail: the shipped rules are tested to load
        crate::rules::load(&[dir]).expect("the shipped rules load")
    });

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Whatever facts the shipped rules claim, each reads back equal.
        #[test]
        fn claimed_facts_read_back_equal(
            sentences in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["Russia-China trade", "Trade between China and India", "Chinese tourists to Russia", "China-Russia trade, according to Russian customs,"]),
                    proptest::sample::select(vec!["reached", "fell 9% to", "rose 2.5 times to", "was about", "is expected to reach", "was between"]),
                    proptest::sample::select(vec!["$245 billion", "1.5 trillion yuan", "-3 billion dollars", "900,000", "1.2 million", "$10 billion and $12 billion", "more than 240 billion US dollars"]),
                    proptest::sample::select(vec!["in 2024", "in the first nine months of 2025", "last year", "in FY2024", "in 2024/25", ""]),
                ),
                1..6,
            ),
        ) {
            let text: Vec<String> = sentences
                .iter()
                .map(|(who, verb, figure, when)| format!("{who} {verb} {figure} {when}."))
                .collect();
            let facts = claimed(&text);
            proptest::prop_assert_eq!(round_trip(&facts), facts);
        }
    }

    #[test]
    fn a_mix_of_claimed_facts_reads_back_equal() {
        let facts = claimed(&[
            "Russia-China trade reached $245 billion in 2024.".into(),
            "China-Russia trade, according to Russian customs, was between $10 billion and $12 billion in the first nine months of 2025.".into(),
            "Russia-China trade fell 9% to 1.5 trillion yuan last year.".into(),
            "Russia-China trade is expected to reach more than 240 billion US dollars in 2025.".into(),
        ]);
        // the mix the property test draws from claims facts of every kind
        assert!(facts.len() >= 4, "{} facts", facts.len());
        assert!(facts.iter().any(|f| f.quantity.range.is_some()));
        assert!(facts.iter().any(|f| f.notes.is_some()));
        assert_eq!(round_trip(&facts), facts);
    }

    #[test]
    fn facts_read_back_as_written() {
        let mut facts = Vec::new();
        for surface in [
            "US$244.8 billion",
            "12%",
            "between $10 and $12 billion",
            "30 million",
        ] {
            let mut f = crate::facts::test_fact("a.md", surface);
            f.period = Some(Period {
                year: 2025,
                months: Some((1, 9)),
                through: None,
                fiscal: false,
            });
            facts.push(f);
        }
        facts[0].notes = Notes {
            attribution: Some("customs".into()),
            dimensions: vec![("basis".into(), "yuan".into())],
            ..Notes::default()
        }
        .boxed();
        facts[1].unit = Cow::Owned("barrels_per_day".into());
        facts[1].quantity.negated = true;
        facts[1].quantity.qualifier_text = Some("about".into());
        facts[1].quote = Quote { start: 7, end: 70 };
        facts[1].quote_span = (3, 9);
        for (back, f) in round_trip(&facts).iter().zip(&facts) {
            assert_eq!(back, f);
            assert_eq!(
                matches!(back.unit, Cow::Borrowed(_)),
                matches!(f.unit, Cow::Borrowed(_))
            );
        }
    }
}
