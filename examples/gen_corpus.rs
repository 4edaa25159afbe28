//! A seeded corpus of news articles for the scale benchmark
//! (`benches/scale.sh`): N articles of about 2.5 KB each, in folders of
//! 1,000, each an article with front matter like `fixtures/*.md` and at least
//! three figures that the shipped rules (`rules/`) claim as facts: bilateral
//! trade totals of the six pairs of China, India, Russia and the United
//! States, Russia–China tourist trips and Chinese tourists to Russia,
//! trading-partner ranks, the investment portfolio, changes in trade and
//! forecasts. Every figure is read from one table of true values per metric
//! and year, written in one of several wordings (exact, "about", "nearly",
//! "more than", "last year"), so each metric and year has many agreeing
//! sources; about 2.5% of the articles state one figure that is 10–25% off
//! the table's (a conflict).
//!
//! Usage: `cargo run --release --example gen_corpus -- N DIR [--seed S]`
//! (seed 42 by default); with `--jsonl`, `N FILE --jsonl` writes the same
//! articles as JSON Lines instead (`id`, `title`, `published` and the text
//! after the front matter, one article a line, in order; gzip-compressed
//! when FILE ends in `.gz`), the archive format `crosscheck` reads too. Article `i` depends only on the seed and `i`, so the
//! same seed gives byte-identical files on every machine and the corpus of
//! 10,000 articles is the first ten folders of the corpus of 100,000. When
//! the articles are written, `DIR/gen_corpus.manifest` records what was
//! generated (the seed, the count, bytes, figures written, conflicts
//! planted), last, and `DIR/gen_corpus.conflicts` the articles planted with
//! a conflicting figure, one path a line; crosscheck reads only `*.md` and
//! `*.txt`, so neither is an article.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Articles per folder.
const PER_FOLDER: usize = 1000;

/// Conflicting articles per thousand.
const CONFLICTS_PER_MILLE: u64 = 25;

/// splitmix64: tiny, fast, and the same on every machine.
struct Rng(u64);

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(mix(seed))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// True `n` times in 100.
    fn percent(&mut self, n: u64) -> bool {
        self.next() % 100 < n
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Years that have true values; articles are published from the year after
/// the first to the first half of the last.
const FIRST_YEAR: u32 = 2015;
const LAST_YEAR: u32 = 2026;
const YEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Country {
    China,
    India,
    Russia,
    Us,
}

impl Country {
    /// The name in running text ("the United States").
    fn name(self) -> &'static str {
        match self {
            Country::China => "China",
            Country::India => "India",
            Country::Russia => "Russia",
            Country::Us => "the United States",
        }
    }

    /// "Russia's", "U.S." (before "trade with").
    fn possessive(self) -> &'static str {
        match self {
            Country::China => "China's",
            Country::India => "India's",
            Country::Russia => "Russia's",
            Country::Us => "U.S.",
        }
    }

    /// The short name in compounds ("US-India trade").
    fn short(self, rng: &mut Rng) -> &'static str {
        match self {
            Country::Us => rng.pick(&["US", "U.S."]),
            c => c.name(),
        }
    }

    fn adjective(self) -> &'static str {
        match self {
            Country::China => "Chinese",
            Country::India => "Indian",
            Country::Russia => "Russian",
            Country::Us => "American",
        }
    }

    fn capital(self) -> &'static str {
        match self {
            Country::China => "Beijing",
            Country::India => "New Delhi",
            Country::Russia => "Moscow",
            Country::Us => "Washington",
        }
    }

    fn dateline(self) -> &'static str {
        match self {
            Country::China => "BEIJING",
            Country::India => "NEW DELHI",
            Country::Russia => "MOSCOW",
            Country::Us => "WASHINGTON",
        }
    }

    fn officials(self) -> &'static [&'static str] {
        match self {
            Country::China => &[
                "President Xi Jinping",
                "Premier Li Qiang",
                "Foreign Minister Wang Yi",
                "Commerce Minister Wang Wentao",
            ],
            Country::India => &[
                "Prime Minister Narendra Modi",
                "External Affairs Minister Subrahmanyam Jaishankar",
                "Commerce Minister Piyush Goyal",
            ],
            Country::Russia => &[
                "President Vladimir Putin",
                "Prime Minister Mikhail Mishustin",
                "Foreign Minister Sergei Lavrov",
                "Deputy Prime Minister Alexander Novak",
            ],
            Country::Us => &[
                "the Secretary of State",
                "the Secretary of Commerce",
                "the US Trade Representative",
            ],
        }
    }
}

/// The six pairs, in the alphabetical order of the metric ids
/// (`trade.china_india.total`, ...).
const PAIRS: [(Country, Country); 6] = [
    (Country::China, Country::India),
    (Country::China, Country::Russia),
    (Country::China, Country::Us),
    (Country::India, Country::Russia),
    (Country::India, Country::Us),
    (Country::Russia, Country::Us),
];
const CHINA_RUSSIA: usize = 1;

/// Goods trade of each pair in billions of US dollars, 2015 to 2026: roughly
/// the published figures, each moved by up to 6% by the seed.
const TRADE_BASE: [[f64; YEARS]; 6] = [
    [
        71.6, 70.1, 84.4, 95.5, 92.8, 87.6, 125.7, 135.9, 136.2, 138.5, 145.0, 150.0,
    ],
    [
        68.0, 69.6, 84.1, 107.1, 110.8, 107.8, 146.9, 190.3, 240.1, 244.8, 228.0, 235.0,
    ],
    [
        598.0, 519.0, 584.0, 633.0, 541.0, 559.0, 657.0, 690.0, 664.0, 688.0, 560.0, 580.0,
    ],
    [
        7.8, 8.3, 10.0, 11.0, 11.2, 9.3, 13.0, 35.0, 65.7, 68.7, 60.0, 62.0,
    ],
    [
        66.8, 67.7, 74.3, 87.9, 92.0, 78.9, 113.4, 128.8, 118.3, 129.2, 135.0, 140.0,
    ],
    [
        20.9, 20.3, 23.2, 25.0, 27.9, 23.7, 36.0, 16.3, 4.8, 3.5, 3.2, 3.0,
    ],
];
/// Tourist trips between Russia and China, both directions, in thousands.
const TRIPS_BASE: [f64; YEARS] = [
    2700.0, 2800.0, 3100.0, 3300.0, 3600.0, 400.0, 50.0, 100.0, 1200.0, 2800.0, 3500.0, 3900.0,
];
/// Chinese tourists to Russia, in thousands (always below the trips).
const TOURISTS_BASE: [f64; YEARS] = [
    600.0, 720.0, 800.0, 900.0, 1000.0, 120.0, 10.0, 20.0, 223.0, 900.0, 1200.0, 1400.0,
];
/// Russia's rank among China's trading partners.
const RANK_BASE: [u32; YEARS] = [16, 15, 11, 11, 10, 10, 10, 7, 6, 6, 6, 6];
/// The Russia–China investment portfolio, in billions of US dollars.
const PORTFOLIO_BASE: [f64; YEARS] = [
    80.0, 90.0, 100.0, 110.0, 112.0, 120.0, 130.0, 150.0, 160.0, 200.0, 200.0, 210.0,
];

/// The true value of every metric and year for one seed. Money is in tenths
/// of a billion dollars, trips in units of ten thousand, tourists in
/// thousands: the precision the articles write them in.
struct Truth {
    trade: [[u64; YEARS]; 6],
    trips: [u64; YEARS],
    tourists: [u64; YEARS],
    portfolio: [u64; YEARS],
}

impl Truth {
    fn new(seed: u64) -> Self {
        let mut rng = Rng::new(seed ^ 0x7472_7574_6800_0000);
        let mut noise = |v: f64| v * (1.0 + (rng.below(1201) as f64 - 600.0) / 10_000.0);
        let mut trade = [[0; YEARS]; 6];
        for (pair, row) in trade.iter_mut().enumerate() {
            for (y, cell) in row.iter_mut().enumerate() {
                *cell = (noise(TRADE_BASE[pair][y]) * 10.0).round() as u64;
            }
        }
        let mut trips = [0; YEARS];
        let mut tourists = [0; YEARS];
        let mut portfolio = [0; YEARS];
        for y in 0..YEARS {
            trips[y] = (noise(TRIPS_BASE[y]) / 10.0).round().max(1.0) as u64;
            // thousands of tourists, below the trips (ten thousands)
            tourists[y] = (noise(TOURISTS_BASE[y]).round() as u64).clamp(1, trips[y] * 10 - 1);
            portfolio[y] = (noise(PORTFOLIO_BASE[y]) * 10.0).round() as u64;
        }
        Truth {
            trade,
            trips,
            tourists,
            portfolio,
        }
    }
}

fn idx(year: u32) -> usize {
    (year - FIRST_YEAR) as usize
}

/// What a quantity is, for how it is written.
#[derive(Clone, Copy)]
enum Kind {
    /// Tenths of a billion US dollars.
    Money,
    /// Ten thousands of trips.
    Trips,
    /// Thousands of people.
    Tourists,
}

impl Kind {
    /// The value in the article's smallest unit (tenths of a billion, people).
    fn scale(self) -> u64 {
        match self {
            Kind::Money => 1,
            Kind::Trips => 10_000,
            Kind::Tourists => 1_000,
        }
    }
}

/// How a figure is qualified.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Exact,
    About,
    Nearly,
    MoreThan,
}

/// `v` rounded down (`dir` < 0), to the nearest (0) or up (> 0) at `sig`
/// significant figures.
fn round_sig(v: u64, sig: u32, dir: i32) -> u64 {
    let digits = v.max(1).ilog10() + 1;
    if digits <= sig {
        return v;
    }
    let step = 10u64.pow(digits - sig);
    match dir {
        d if d < 0 => v / step * step,
        0 => (v + step / 2) / step * step,
        _ => v.div_ceil(step) * step,
    }
}

/// The value an approximate form writes for `v`, and the form it ends up as:
/// "about" a round figure within 4%, "nearly" one above (within 4%), "more
/// than" one below. A value already round is written "about" itself.
fn approximate(v: u64, form: Form) -> (u64, Form) {
    for sig in [2, 3] {
        let (a, ok) = match form {
            Form::About => {
                let a = round_sig(v, sig, 0);
                (a, a.abs_diff(v) * 25 <= a)
            }
            Form::Nearly => {
                let a = round_sig(v, sig, 1);
                (a, a > v && (a - v) * 25 <= a)
            }
            Form::MoreThan => {
                let a = round_sig(v, sig, -1);
                (a, a < v)
            }
            Form::Exact => (v, true),
        };
        if ok {
            return (a, form);
        }
    }
    (
        v,
        if form == Form::Exact {
            form
        } else {
            Form::About
        },
    )
}

/// A number with thousands separators.
fn commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n` hundredths (or tenths with `places` 1) as a decimal, trailing zeros
/// dropped.
fn decimal(n: u64, places: u32) -> String {
    let unit = 10u64.pow(places);
    let mut s = format!("{}.{:0w$}", n / unit, n % unit, w = places as usize);
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    s
}

/// A quantity as written: `units` in `kind`'s article units.
fn amount(rng: &mut Rng, kind: Kind, units: u64) -> String {
    match kind {
        Kind::Money => {
            let x = decimal(units, 1);
            match rng.below(8) {
                0..=2 => format!("${x} billion"),
                3 => format!("US${x} billion"),
                4 => format!("USD {x} billion"),
                5 => format!("{x} billion US dollars"),
                6 => format!("${x}bn"),
                _ => format!("{x} billion dollars"),
            }
        }
        Kind::Trips | Kind::Tourists => {
            let people = units * kind.scale();
            if people >= 1_000_000 && people.is_multiple_of(10_000) && rng.percent(75) {
                format!("{} million", decimal(people / 10_000, 2))
            } else {
                commas(people)
            }
        }
    }
}

/// A figure as written: its qualifier ("about"), if any, and the amount.
struct Fig {
    qualifier: Option<&'static str>,
    amount: String,
}

impl std::fmt::Display for Fig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.qualifier {
            Some(q) => write!(f, "{q} {}", self.amount),
            None => f.write_str(&self.amount),
        }
    }
}

/// The figure for `v` in `form`: "about $240 billion".
fn figure(rng: &mut Rng, kind: Kind, v: u64, form: Form) -> Fig {
    let (a, form) = approximate(v, form);
    let amount = amount(rng, kind, a);
    let qualifier = match form {
        Form::Exact => None,
        Form::About => Some(rng.pick(&["about", "around", "roughly", "some", "approximately"])),
        Form::Nearly => Some(rng.pick(&["nearly", "almost", "close to"])),
        Form::MoreThan => Some(rng.pick(&["more than", "over"])),
    };
    Fig { qualifier, amount }
}

/// A wording: exact half of the time.
fn any_form(rng: &mut Rng) -> Form {
    rng.pick(&[
        Form::Exact,
        Form::Exact,
        Form::Exact,
        Form::Exact,
        Form::About,
        Form::Nearly,
        Form::MoreThan,
        Form::Exact,
    ])
}

/// A value 10–25% off `v`, at `v`'s precision: the conflicting figure.
fn wrong(rng: &mut Rng, v: u64) -> u64 {
    let off = rng.range(10, 25);
    let w = if rng.percent(50) {
        v * (100 + off) / 100
    } else {
        v * (100 - off) / 100
    };
    if w == v {
        v + 1
    } else {
        w.max(1)
    }
}

/// The words for a year: "in 2023", or "last year" for the year before the
/// one the article is published in.
fn when(rng: &mut Rng, year: u32, published: u32) -> String {
    if year + 1 == published && rng.percent(40) {
        "last year".to_string()
    } else {
        format!("in {year}")
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

const ORDINALS: [&str; 16] = [
    "largest",
    "second-largest",
    "third-largest",
    "fourth-largest",
    "fifth-largest",
    "sixth-largest",
    "seventh-largest",
    "eighth-largest",
    "ninth-largest",
    "10th-largest",
    "11th-largest",
    "12th-largest",
    "13th-largest",
    "14th-largest",
    "15th-largest",
    "16th-largest",
];

/// One article being written: its sentences with figures, and what they
/// claim.
struct Draft<'t> {
    rng: Rng,
    truth: &'t Truth,
    pair: usize,
    published: u32,
    /// Sentences with figures, in the order drawn.
    facts: Vec<String>,
    /// Figures the rules should claim (forecasts included).
    claimed: usize,
    /// The one figure still to be written wrong, in a conflicting article.
    conflict: bool,
}

impl Draft<'_> {
    fn a(&self) -> Country {
        PAIRS[self.pair].0
    }

    fn b(&self) -> Country {
        PAIRS[self.pair].1
    }

    /// A year with data, before the year of publication: the last one half
    /// the time.
    fn year(&mut self) -> u32 {
        let last = self.published - 1;
        if self.rng.percent(50) {
            return last;
        }
        let first = FIRST_YEAR.max(last.saturating_sub(4));
        self.rng.range(first as u64, last as u64) as u32
    }

    /// The value to write for a true `v`: the true one, or (once, in a
    /// conflicting article) a wrong one written exactly.
    fn value(&mut self, v: u64, form: Form) -> (u64, Form) {
        if self.conflict {
            self.conflict = false;
            (wrong(&mut self.rng, v), Form::Exact)
        } else {
            (v, form)
        }
    }

    /// The two countries in running text, in either order.
    fn both(&mut self) -> String {
        let (a, b) = if self.rng.percent(50) {
            (self.a(), self.b())
        } else {
            (self.b(), self.a())
        };
        format!("{} and {}", a.name(), b.name())
    }

    /// The pair as a compound: "Russia-China", "US-India", "Sino-Russian".
    fn compound(&mut self) -> String {
        let (a, b) = if self.rng.percent(50) {
            (self.a(), self.b())
        } else {
            (self.b(), self.a())
        };
        if self.pair == CHINA_RUSSIA && self.rng.percent(15) {
            return "Sino-Russian".to_string();
        }
        let dash = if self.rng.percent(70) { "-" } else { "–" };
        format!("{}{dash}{}", a.short(&mut self.rng), b.short(&mut self.rng))
    }

    /// A sentence on the pair's trade in one year; sometimes with the year
    /// before, or the change from it. No sentence ends with its figure: the
    /// sentence splitter reads "$134.7bn." as an abbreviation, not an end, so
    /// the next sentence's words would count as the figure's (and its
    /// "investment" would make the trade rule's `none` reject it).
    fn trade(&mut self) {
        let year = self.year();
        let row = self.truth.trade[self.pair];
        let v0 = row[idx(year)];
        let form = any_form(&mut self.rng);
        let (v, form) = self.value(v0, form);
        let fig = figure(&mut self.rng, Kind::Money, v, form);
        let when = when(&mut self.rng, year, self.published);
        let prev = (year > FIRST_YEAR).then(|| row[idx(year) - 1]);
        // a verb that agrees with the true direction (the change check
        // reads "rose" and "fell")
        let verb = match (prev, form) {
            (_, Form::MoreThan) => self.rng.pick(&["reached", "amounted to", "came to"]),
            (Some(p), Form::Exact) if self.rng.percent(40) => {
                if v0 > p {
                    self.rng
                        .pick(&["rose to", "grew to", "climbed to", "increased to"])
                } else {
                    self.rng
                        .pick(&["fell to", "declined to", "dropped to", "slipped to"])
                }
            }
            _ => self.rng.pick(&[
                "reached",
                "stood at",
                "amounted to",
                "totalled",
                "was",
                "came to",
                "hit",
            ]),
        };
        let both = self.both();
        let compound = self.compound();
        let a = self.a();
        let b = self.b();
        let mut claimed = 1;
        let s = match self.rng.below(9) {
            0 => format!("Trade between {both} {verb} {fig} {when}, according to official figures."),
            1 => format!("{compound} trade {verb} {fig} {when}."),
            2 => format!("{}, bilateral trade {verb} {fig}, officials said.", capitalize(&when)),
            3 => format!(
                "{} trade with {} {verb} {fig} {when}, customs data show.",
                a.possessive(),
                b.name()
            ),
            4 => format!(
                "According to figures released in {}, {compound} trade turnover {verb} {fig} {when}.",
                b.capital()
            ),
            5 if prev.is_some() => {
                let p = prev.unwrap_or(0);
                claimed += 1;
                let pf = figure(&mut self.rng, Kind::Money, p, Form::Exact);
                let dir = if v0 >= p { "up" } else { "down" };
                format!(
                    "Goods trade between {both} {verb} {fig} {when}, {dir} from {pf} in {}.",
                    year - 1
                )
            }
            6 | 7 if prev.is_some() => {
                // the change, computed from the true totals
                let p = prev.unwrap_or(1) as f64;
                let pct = (v0 as f64 / p - 1.0) * 100.0;
                // a change is a fact only of the metric a change check
                // reads (`trade.china_russia.change`)
                if self.pair == CHINA_RUSSIA {
                    claimed += 1;
                }
                let (moved, by) = if pct >= 0.0 {
                    (self.rng.pick(&["rose", "grew", "increased"]), pct)
                } else {
                    (self.rng.pick(&["fell", "declined", "dropped"]), -pct)
                };
                let fig = figure(&mut self.rng, Kind::Money, v, Form::Exact);
                if self.rng.percent(50) {
                    format!("{compound} trade {moved} {by:.1}% {when} to {fig}, according to customs data.")
                } else {
                    format!(
                        "Trade between {both} {moved} by {by:.1} percent {when}, to {fig}, the customs service said."
                    )
                }
            }
            _ => format!(
                "The two countries' trade turnover {verb} {fig} {when}, {} officials said.",
                a.adjective()
            ),
        };
        self.claimed += claimed;
        self.facts.push(s);
    }

    /// A sentence on Russia–China tourist trips, or Chinese tourists to
    /// Russia.
    fn tourism(&mut self) {
        let year = self.year();
        let when = when(&mut self.rng, year, self.published);
        let form = any_form(&mut self.rng);
        let s = if self.rng.percent(55) {
            let (v, form) = self.value(self.truth.trips[idx(year)], form);
            let fig = figure(&mut self.rng, Kind::Trips, v, form);
            match self.rng.below(4) {
                0 => match fig.qualifier {
                    Some("more than" | "over") => format!(
                        "Tourist trips between Russia and China exceeded {} {when}.",
                        fig.amount
                    ),
                    _ => format!("Tourist trips between Russia and China totalled {fig} {when}."),
                },
                1 => format!(
                    "{}, Russians and Chinese made {fig} tourist trips in both directions.",
                    capitalize(&when)
                ),
                2 => format!(
                    "The number of tourist trips between China and Russia reached {fig} {when}, the tourism agency said."
                ),
                _ => format!(
                    "Mutual tourist trips between Russia and China came to {fig} {when}, according to border statistics."
                ),
            }
        } else {
            let (v, form) = self.value(self.truth.tourists[idx(year)], form);
            let fig = figure(&mut self.rng, Kind::Tourists, v, form);
            match self.rng.below(4) {
                0 => format!("{}, {fig} Chinese tourists visited Russia.", capitalize(&when)),
                1 => format!(
                    "Russia welcomed {fig} Chinese tourists {when}, according to the Association of Tour Operators of Russia."
                ),
                2 => format!(
                    "The number of Chinese visitors to Russia reached {fig} {when}, the agency reported."
                ),
                _ => format!(
                    "{} {} {} Chinese holidaymakers travelled to Russia.",
                    capitalize(&when),
                    fig.qualifier.unwrap_or("some"),
                    fig.amount
                ),
            }
        };
        self.claimed += 1;
        self.facts.push(s);
    }

    /// A trading-partner rank, with its year.
    fn rank(&mut self) {
        let year = self.year();
        let s = if self.rng.percent(50) {
            match self.rng.below(2) {
                0 => format!("China remained Russia's largest trading partner in {year}."),
                _ => format!("In {year}, China was Russia's largest trading partner."),
            }
        } else {
            let r = RANK_BASE[idx(year)] as usize;
            let ord = ORDINALS[r - 1];
            match self.rng.below(2) {
                0 => format!("In {year}, Russia was China's {ord} trading partner."),
                _ => format!("Russia ranked as China's {ord} trading partner in {year}."),
            }
        };
        self.claimed += 1;
        self.facts.push(s);
    }

    /// The investment portfolio, as of publication ("more than": it is
    /// never in conflict).
    fn portfolio(&mut self) {
        let v = self.truth.portfolio[idx(self.published)];
        let fig = figure(&mut self.rng, Kind::Money, v, Form::MoreThan);
        let s = if self.rng.percent(50) {
            format!("The two sides are considering a portfolio of investment cooperation projects worth a total of {fig}, officials said.")
        } else {
            format!("The portfolio of joint investment projects of Russia and China is worth {fig}, officials said.")
        };
        self.claimed += 1;
        self.facts.push(s);
    }

    /// A forecast for the year of publication (forecasts are not compared).
    fn forecast(&mut self) {
        let v = self.truth.trade[self.pair][idx(self.published)];
        let fig = figure(&mut self.rng, Kind::Money, v, Form::About);
        let s = format!("Bilateral trade is expected to reach {fig} this year, officials said.");
        self.claimed += 1;
        self.facts.push(s);
    }
}

/// Sentences with no figure the rules claim. `{A}`/`{B}`: the countries,
/// `{a}`/`{b}`: their adjectives, `{capA}`/`{capB}`: capitals, `{offA}`/
/// `{offB}`: officials.
const FILLER: &[&str] = &[
    "The talks covered energy, logistics and cultural exchange, and officials on both sides described them as constructive.",
    "Officials said the partnership was not aimed at any third party and reflected the long-term interests of the two peoples.",
    "Both sides stressed the importance of stable supply chains and agreed to keep working on payments in national currencies.",
    "Analysts expect the relationship to deepen in the coming years, although logistics and financing remain serious obstacles.",
    "The meeting took place behind closed doors in {capA}, and no joint statement was issued after the plenary session.",
    "{offA} praised the strong ties between {A} and {B} and expressed confidence in the future of their cooperation.",
    "A spokesman for the {b} foreign ministry declined to comment on the details of the negotiations, saying only that work would continue.",
    "The next round of consultations is due to take place in {capB} in the spring, according to people familiar with the preparations.",
    "Business leaders from both countries attended a forum on the sidelines of the visit, where they discussed logistics and finance.",
    "Critics argue that the deals lack detail and that many earlier agreements have yet to be carried out in practice.",
    "{offB} also met students at a university in {capA} and spoke about the role of young people in the relationship.",
    "In a joint statement, the sides called for the peaceful settlement of disputes through dialogue and consultation.",
    "Officials from the energy ministries will meet again later this year to review progress on joint projects.",
    "One official described the atmosphere as warm and friendly, while another said that the hard questions were left for later.",
    "The agreements cover agriculture, education, health care, media and sport, as well as customs and quarantine inspection.",
    "{a} exporters have been asking for simpler customs procedures, and the ministers promised to look into their complaints.",
    "{offA} told reporters that the relationship had never been better, but gave no timetable for the projects under discussion.",
    "{b} officials said they hoped to widen the range of goods traded, which is still dominated by a handful of commodities.",
    "Economists warn that a slowdown in {B} could weigh on demand, with high interest rates holding back investment.",
    "The visit was the first by {offB} to {capA} since taking office, and it was closely watched by diplomats in other capitals.",
    "Banks on both sides remain cautious about handling payments, according to people who have worked on the transactions.",
    "Local authorities are building new warehouses and bridges, hoping to attract a share of the transit business.",
    "Observers say that if these plans materialise as expected, they could reshape supply routes across the region.",
    "The two delegations also discussed cooperation in science and technology, including research on new materials.",
    "{offA} and {offB} agreed to meet again before the end of the year, their offices said in separate statements.",
    "Airlines have added direct flights between several cities, and rules for tour groups have been eased on both sides.",
    "Shares of companies that do business in {B} rose on the news, although traders said the gains were modest.",
    "Not all of the agreements are binding, and some of them only set out intentions, said one {a} diplomat.",
];

/// Filler only a Russia–China article has.
const FILLER_RC: &[&str] = &[
    "China remained less swayed by the sanctions than many other partners, and kept buying Russian energy.",
    "Russian officials reiterated their goal of becoming the top supplier of natural gas to China.",
    "The Power of Siberia pipeline has been running at full capacity, and talks on a second line continue.",
    "Settlements in roubles and yuan now dominate payments between the two countries, officials said.",
    "Russian students increasingly study Chinese, and Chinese universities have opened more places for Russian students.",
    "The leaders also discussed visa-free travel for tour groups, which both sides said had been a success.",
    "Moscow has redirected much of its exports toward Asia since Western sanctions were imposed.",
];

const CLOSERS: &[&str] = &[
    "Subscribe to get the latest posts sent to your email.",
    "No time to read? Get a summary.",
    "Further reading: our full coverage of the region.",
    "This article has been updated with comments from officials.",
    "Reporting by our correspondents; editing by the news desk.",
];

const TITLES: &[&str] = &[
    "{A} and {B} pledge to deepen economic ties",
    "{offA} meets {offB} as trade takes centre stage",
    "Trade between {A} and {B} in focus during talks in {capA}",
    "{a} and {b} officials discuss trade, energy and logistics",
    "{A} and {B} sign agreements on customs and investment",
    "What the latest figures say about {posA} trade with {B}",
    "{shortA}–{shortB} talks: ministers promise closer cooperation",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// Fills the placeholders of a filler sentence or title for the pair
/// (`a` the host country).
fn fill(rng: &mut Rng, template: &str, a: Country, b: Country) -> String {
    if !template.contains('{') {
        return template.to_string();
    }
    let filled = template
        .replace("{A}", a.name())
        .replace("{B}", b.name())
        .replace("{a}", a.adjective())
        .replace("{b}", b.adjective())
        .replace("{posA}", a.possessive())
        .replace("{shortA}", a.short(rng))
        .replace("{shortB}", b.short(rng))
        .replace("{capA}", a.capital())
        .replace("{capB}", b.capital())
        .replace("{offA}", rng.pick(a.officials()))
        .replace("{offB}", rng.pick(b.officials()));
    capitalize(&filled)
}

/// Article `i` of the corpus of `seed`: its path under the corpus folder,
/// its text, and how many figures it claims and whether one is in conflict.
struct Article {
    path: PathBuf,
    text: String,
    /// The fields of the front matter, for JSON Lines.
    id: String,
    title: String,
    published: String,
    /// Where the text after the front matter starts.
    body: usize,
    claimed: usize,
    conflict: bool,
}

fn article(seed: u64, truth: &Truth, i: usize) -> Article {
    let mut rng = Rng::new(seed ^ mix(i as u64 ^ 0xA5A5_0000_0000_0000));
    // half the articles are about Russia and China, the rest about the
    // other five pairs
    let pair = if rng.percent(50) {
        CHINA_RUSSIA
    } else {
        rng.pick(&[0, 2, 3, 4, 5])
    };
    let conflict = rng.next() % 1000 < CONFLICTS_PER_MILLE;
    let published = rng.range(FIRST_YEAR as u64 + 1, LAST_YEAR as u64) as u32;
    let month = if published == LAST_YEAR {
        1 + rng.below(6)
    } else {
        1 + rng.below(12)
    };
    let day = 1 + rng.below(28);
    let target = rng.range(2000, 3000) as usize;
    let (a, b) = if rng.percent(50) {
        PAIRS[pair]
    } else {
        (PAIRS[pair].1, PAIRS[pair].0)
    };

    let mut d = Draft {
        rng,
        truth,
        pair,
        published,
        facts: Vec::new(),
        claimed: 0,
        conflict,
    };
    // at least three figures: trade first (the figure a conflict changes)
    d.trade();
    if pair == CHINA_RUSSIA {
        d.tourism();
        let extra = 1 + d.rng.below(3);
        for _ in 0..extra {
            match d.rng.below(6) {
                0 | 1 => d.trade(),
                2 => d.tourism(),
                3 => d.rank(),
                4 => d.portfolio(),
                _ => d.forecast(),
            }
        }
        if d.claimed < 3 {
            d.rank();
        }
    } else {
        let extra = 2 + d.rng.below(2);
        for _ in 0..extra {
            d.trade();
        }
        if d.rng.percent(20) {
            d.forecast();
        }
    }
    let Draft {
        mut rng,
        facts,
        claimed,
        ..
    } = d;

    let title = rng.pick(TITLES);
    let title = fill(&mut rng, title, a, b);
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-");
    let id = format!("{i:07}-{slug}");
    let mut text = String::with_capacity(target + 512);
    let date = format!("{published}-{month:02}-{day:02}");
    text.push_str(&format!(
        "---\nid: {id}\ntitle: \"{title}\"\npublished: {date}\n---\n"
    ));
    let front = text.len();
    if rng.percent(40) {
        text.push_str(&title);
        text.push_str("\n\n");
    }
    let (host, guest) = (rng.pick(a.officials()), rng.pick(b.officials()));
    let lead = format!(
        "{}, {} {day} — {} met {guest} on {} for talks on trade and investment between {} and {}.",
        a.dateline(),
        MONTHS[month - 1],
        capitalize(host),
        rng.pick(&WEEKDAYS),
        a.name(),
        b.name(),
    );

    // the body: the figures among filler, shuffled, until the target length
    let mut body: Vec<String> = facts;
    let mut len = text.len() + lead.len() + body.iter().map(|s| s.len() + 1).sum::<usize>();
    // filler drawn without repeats: both lists shuffled, the Russia–China
    // one first in a quarter of the draws of a Russia–China article
    let mut general = shuffled(&mut rng, FILLER.len());
    let mut rc = shuffled(&mut rng, FILLER_RC.len());
    while len < target {
        let s = match (
            pair == CHINA_RUSSIA && rng.percent(25),
            rc.pop(),
            general.pop(),
        ) {
            (true, Some(k), g) => {
                general.extend(g);
                FILLER_RC[k].to_string()
            }
            (_, r, Some(k)) => {
                rc.extend(r);
                fill(&mut rng, FILLER[k], a, b)
            }
            _ => break,
        };
        len += s.len() + 1;
        body.push(s);
    }
    for k in (1..body.len()).rev() {
        let j = rng.below(k + 1);
        body.swap(k, j);
    }
    let blank_lines = rng.percent(60);
    let sep = if blank_lines { "\n\n" } else { "\n" };
    text.push_str(&lead);
    let mut k = 0;
    while k < body.len() {
        let n = (1 + rng.below(3)).min(body.len() - k);
        text.push_str(sep);
        text.push_str(&body[k..k + n].join(" "));
        k += n;
    }
    if rng.percent(30) {
        text.push_str(sep);
        text.push_str(rng.pick(CLOSERS));
    }
    text.push('\n');

    let folder = format!("{:04}", i / PER_FOLDER);
    Article {
        path: Path::new(&folder).join(format!("{id}.md")),
        text,
        id,
        title,
        published: date,
        body: front,
        claimed,
        conflict,
    }
}

/// `0..n` in a random order.
fn shuffled(rng: &mut Rng, n: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    for k in (1..n).rev() {
        let j = rng.below(k + 1);
        v.swap(k, j);
    }
    v
}

/// What `write` wrote.
#[derive(Default, Debug, PartialEq, Eq)]
struct Totals {
    articles: usize,
    bytes: u64,
    claimed: u64,
    conflicts: u64,
}

impl Totals {
    /// Counts article `a`.
    fn count(&mut self, a: &Article) {
        self.articles += 1;
        self.bytes += a.text.len() as u64;
        self.claimed += a.claimed as u64;
        self.conflicts += u64::from(a.conflict);
    }

    /// Adds the totals of another part.
    fn add(&mut self, other: &Totals) {
        self.articles += other.articles;
        self.bytes += other.bytes;
        self.claimed += other.claimed;
        self.conflicts += other.conflicts;
    }
}

/// A worker's result, or the error of a worker that panicked.
fn joined<T>(h: std::thread::ScopedJoinHandle<'_, std::io::Result<T>>) -> std::io::Result<T> {
    h.join()
        .unwrap_or_else(|_| Err(std::io::Error::other("worker panicked")))
}

/// Writes articles `0..n` of `seed` under `dir`, a folder of 1,000 at a
/// time on every core (the files do not depend on the order), then the
/// manifest.
fn write(dir: &Path, n: usize, seed: u64) -> std::io::Result<Totals> {
    std::fs::create_dir_all(dir)?;
    let truth = Truth::new(seed);
    let folders = n.div_ceil(PER_FOLDER);
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map(|p| p.get())
        .unwrap_or(1)
        .min(folders.max(1));
    type Part = std::io::Result<(Totals, Vec<PathBuf>)>;
    let parts: Vec<Part> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut t = Totals::default();
                    let mut conflicting = Vec::new();
                    loop {
                        let f = next.fetch_add(1, Ordering::Relaxed);
                        if f >= folders {
                            return Ok((t, conflicting));
                        }
                        std::fs::create_dir_all(dir.join(format!("{f:04}")))?;
                        for i in f * PER_FOLDER..((f + 1) * PER_FOLDER).min(n) {
                            let a = article(seed, &truth, i);
                            std::fs::write(dir.join(&a.path), &a.text)?;
                            t.count(&a);
                            if a.conflict {
                                conflicting.push(a.path);
                            }
                        }
                    }
                })
            })
            .collect();
        handles.into_iter().map(joined).collect()
    });
    let mut total = Totals::default();
    let mut conflicting = Vec::new();
    for p in parts {
        let (p, c) = p?;
        conflicting.extend(c);
        total.add(&p);
    }
    let manifest = format!(
        "seed {seed}\narticles {}\nbytes {}\nfigures {}\nconflicts {}\n",
        total.articles, total.bytes, total.claimed, total.conflicts
    );
    // the articles with a conflicting figure, one path a line: the answer
    // key of the conflicts (not `.txt`: crosscheck would read it)
    conflicting.sort();
    let mut list = String::new();
    for p in &conflicting {
        list.push_str(&p.to_string_lossy());
        list.push('\n');
    }
    std::fs::write(dir.join("gen_corpus.conflicts"), list)?;
    std::fs::write(dir.join("gen_corpus.manifest"), manifest)?;
    Ok(total)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut seed = 42u64;
    let mut jsonl = false;
    while let Some(a) = args.next() {
        if a == "--jsonl" {
            jsonl = true;
        } else if a == "--seed" {
            match args.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => usage(),
            }
        } else {
            positional.push(a);
        }
    }
    let (n, dir) = match positional.as_slice() {
        [n, dir] => match n.replace('_', "").parse::<usize>() {
            Ok(n) => (n, PathBuf::from(dir)),
            Err(_) => usage(),
        },
        _ => usage(),
    };
    let written = match jsonl {
        true => write_jsonl(&dir, n, seed),
        false => write(&dir, n, seed),
    };
    match written {
        Ok(t) => {
            let _ = writeln!(
                std::io::stderr(),
                "gen_corpus: {} articles, {:.1} MB, {} figures ({:.2} per article), {} conflicting, seed {seed}, in {}",
                t.articles,
                t.bytes as f64 / 1e6,
                t.claimed,
                t.claimed as f64 / t.articles.max(1) as f64,
                t.conflicts,
                dir.display()
            );
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "gen_corpus: {}: {e}", dir.display());
            std::process::exit(2);
        }
    }
}

fn usage() -> ! {
    let _ = writeln!(
        std::io::stderr(),
        "usage: gen_corpus N DIR [--seed S]   (N articles of about 2.5 KB under DIR, folders of 1,000)\n       gen_corpus N FILE --jsonl [--seed S]   (the same articles, one a line, gzipped if FILE ends in .gz)"
    );
    std::process::exit(2);
}

/// One article as a line of JSON Lines (`crosscheck`'s archive format).
#[derive(serde::Serialize)]
struct Line<'a> {
    id: &'a str,
    title: &'a str,
    published: &'a str,
    text: &'a str,
}

/// The articles `write` would write, one a line in JSON Lines at `file`
/// (gzip-compressed, at the fastest level, when its name ends in `.gz`), in
/// order; no manifest.
fn write_jsonl(file: &Path, n: usize, seed: u64) -> std::io::Result<Totals> {
    let out = std::io::BufWriter::new(std::fs::File::create(file)?);
    if file.extension().is_some_and(|e| e == "gz") {
        let mut gz = flate2::write::GzEncoder::new(out, flate2::Compression::fast());
        let t = lines_to(&mut gz, n, seed)?;
        gz.finish()?.flush()?;
        Ok(t)
    } else {
        let mut out = out;
        let t = lines_to(&mut out, n, seed)?;
        out.flush()?;
        Ok(t)
    }
}

/// Writes the lines of `write_jsonl` to `out`.
fn lines_to(out: &mut impl std::io::Write, n: usize, seed: u64) -> std::io::Result<Totals> {
    let truth = Truth::new(seed);
    let workers = std::thread::available_parallelism().map_or(1, |p| p.get());
    let mut t = Totals::default();
    // a folder's worth of lines per worker at a time, written in order
    let mut next = 0;
    while next < n {
        let chunks: Vec<(usize, usize)> = (0..workers)
            .map(|k| next + k * PER_FOLDER)
            .filter(|&from| from < n)
            .map(|from| (from, (from + PER_FOLDER).min(n)))
            .collect();
        next = chunks.last().map_or(n, |c| c.1);
        let parts: Vec<std::io::Result<(Vec<u8>, Totals)>> = std::thread::scope(|s| {
            let handles: Vec<_> = chunks
                .iter()
                .map(|&(from, to)| {
                    let truth = &truth;
                    s.spawn(move || {
                        let mut lines = Vec::new();
                        let mut t = Totals::default();
                        for i in from..to {
                            let a = article(seed, truth, i);
                            let line = Line {
                                id: &a.id,
                                title: &a.title,
                                published: &a.published,
                                text: &a.text[a.body..],
                            };
                            serde_json::to_writer(&mut lines, &line)?;
                            lines.push(b'\n');
                            t.count(&a);
                        }
                        Ok((lines, t))
                    })
                })
                .collect();
            handles.into_iter().map(joined).collect()
        });
        for part in parts {
            let (lines, p) = part?;
            out.write_all(&lines)?;
            t.add(&p);
        }
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file under `dir`, with its bytes, sorted by path.
    fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let bytes = std::fs::read(&p).unwrap();
                    out.push((p.strip_prefix(dir).unwrap().to_path_buf(), bytes));
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn same_seed_same_bytes() {
        let tmp = tempfile::tempdir().unwrap();
        let one = write(&tmp.path().join("one"), 20, 7).unwrap();
        let two = write(&tmp.path().join("two"), 20, 7).unwrap();
        write(&tmp.path().join("other"), 20, 8).unwrap();
        assert_eq!(one, two);
        let (a, b, c) = (
            files(&tmp.path().join("one")),
            files(&tmp.path().join("two")),
            files(&tmp.path().join("other")),
        );
        assert_eq!(a.len(), 22, "20 articles, the manifest and the conflicts");
        assert!(a == b, "the same seed wrote different files");
        assert!(a != c, "another seed wrote the same files");
    }

    /// The JSON Lines corpus holds the folders' articles, in order: each
    /// line's fields are the file's front matter, its text the file's
    /// body; gzipped or not, the same lines.
    #[test]
    fn json_lines_hold_the_articles_of_the_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let n = 1_203; // two folders' worth, the second not full
        let folders = write(&tmp.path().join("dir"), n, 7).unwrap();
        let plain = tmp.path().join("corpus.jsonl");
        let gz = tmp.path().join("corpus.jsonl.gz");
        assert_eq!(write_jsonl(&plain, n, 7).unwrap(), folders);
        assert_eq!(write_jsonl(&gz, n, 7).unwrap(), folders);
        let text = std::fs::read_to_string(&plain).unwrap();
        let mut gunzipped = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(std::fs::File::open(&gz).unwrap()),
            &mut gunzipped,
        )
        .unwrap();
        assert!(text == gunzipped, "gzipped, the lines differ");
        let files: Vec<(PathBuf, Vec<u8>)> = files(&tmp.path().join("dir"))
            .into_iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "md"))
            .collect();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), n);
        assert_eq!(files.len(), n);
        for (line, (path, bytes)) in lines.iter().zip(&files) {
            let file = String::from_utf8(bytes.clone()).unwrap();
            let field = |k: &str| line[k].as_str().unwrap().to_owned();
            let id = field("id");
            assert_eq!(path.file_stem().unwrap().to_str().unwrap(), id);
            let front = format!(
                "---\nid: {id}\ntitle: \"{}\"\npublished: {}\n---\n",
                field("title"),
                field("published")
            );
            assert_eq!(file, front + &field("text"), "{}", path.display());
        }
    }

    #[test]
    fn articles_have_figures_and_size() {
        let truth = Truth::new(42);
        let n = 400;
        let mut bytes = 0;
        for i in 0..n {
            let a = article(42, &truth, i);
            assert!(a.claimed >= 3, "article {i} claims {} figures", a.claimed);
            assert!(a.text.starts_with("---\nid: "), "{}", a.text);
            bytes += a.text.len();
        }
        let mean = bytes / n;
        assert!((2200..2800).contains(&mean), "mean size {mean}");
    }

    #[test]
    fn approximations_contain_the_value() {
        for v in [35, 1075, 2401, 2448, 6645, 123, 1000, 999, 50] {
            let (a, f) = approximate(v, Form::About);
            assert!(
                f == Form::Exact || a.abs_diff(v) * 20 <= a,
                "about {a} for {v}"
            );
            let (a, f) = approximate(v, Form::Nearly);
            if f == Form::Nearly {
                assert!(a > v && (a - v) * 20 <= a, "nearly {a} for {v}");
            }
            let (a, f) = approximate(v, Form::MoreThan);
            if f == Form::MoreThan {
                assert!(a < v, "more than {a} for {v}");
            }
        }
    }
}
