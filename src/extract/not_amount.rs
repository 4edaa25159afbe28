//! Numbers that are not amounts: durations ("15 years", "a 10-year plan"),
//! ages ("Putin, 72,", "the 71-year-old", "aged 45"), measures ("5 km", "40
//! degrees", "10 kV/cm"), times ("9 a.m."), years of another era ("A.D.
//! 1000", "300 BC"), and numbers that name things ("Boeing 737", "Article
//! 5", "Room 305", "iPhone 15", "Nord Stream 2", "the 737 Max", "Stoxx 50",
//! "the 90049 ZIP code", "358 El Brillo Way", a player's number "Dak
//! Prescott (4)").
//!
//! ## What it extracts
//! Nothing new: it tells the parser that a plain number is one of these, so
//! it becomes kind `other` and never a count.
//!
//! ## Not extracted
//! Commodity volumes stay counts ("30 million tonnes", "1.2 million barrels",
//! "38 billion cubic metres"): news compares them like any figure.

use std::sync::LazyLock;

use super::parse::{Figure, Parser, ORDINAL_SUFFIXES};
use super::tokens::TokKind;
use super::word_set::WordSet;

/// Words after a number that make it a duration or an age.
const DURATIONS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    "yr",
    "yrs",
];

/// Words after a number that make it a physical measure.
const MEASURES: &[&str] = &[
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "meter",
    "cm",
    "mm",
    "kg",
    "kilograms",
    "kilogram",
    "grams",
    "gram",
    "lb",
    "lbs",
    "pounds-weight",
    // a number of pounds that `currency` does not read as money (no scale
    // word, no country: "dropped from 208 pounds") is a weight
    "pounds",
    "pound",
    "degrees",
    "degree",
    "ft",
    "feet",
    "foot",
    "inches",
    "inch",
    "hectares",
    "hectare",
    "acres",
    "acre",
    "litres",
    "liters",
    "litre",
    "liter",
    "mph",
    "kph",
    "knots",
    "sq",
    "square",
    "storeys",
    "floors",
    "mw",
    "gw",
    "kw",
    "kwh",
    "mwh",
    "gwh",
    "twh",
    "mbps",
    "gb",
    "mb",
    "tb",
    "ghz",
    "mhz",
    "calibre",
    "caliber",
    "mm-calibre",
    // power, energy and electricity: "600 horsepower", "30 gigawatts",
    // "4500 mAh"
    "hp",
    "bhp",
    "horsepower",
    "watts",
    "watt",
    "kilowatts",
    "kilowatt",
    "megawatts",
    "megawatt",
    "gigawatts",
    "gigawatt",
    "terawatts",
    "volts",
    "volt",
    "kv",
    "amps",
    "mah",
    "calories",
    "kcal",
    "joules",
    // frequency, sound, pressure, speed of turning
    "hz",
    "khz",
    "decibels",
    "decibel",
    "db",
    "psi",
    "ksi",
    "kpa",
    "mpa",
    "gpa",
    "pascals",
    "megapascals",
    "gigapascals",
    "rpm",
    // concentrations and fuel economy
    "ppm",
    "ppb",
    "mpg",
    // small masses and volumes: "500 milligrams", "250 ml"
    "mg",
    "milligrams",
    "milligram",
    "micrograms",
    "mcg",
    "ounces",
    "ounce",
    "oz",
    "carats",
    "ml",
    "millilitres",
    "milliliters",
    "gallons",
    "gallon",
    "pints",
    "pint",
    "quarts",
    // lengths: "517 yards", "7 nanometers"
    "yards",
    "yard",
    "yds",
    "millimetres",
    "millimeters",
    "centimetres",
    "centimeters",
    "nanometres",
    "nanometers",
    "nanometre",
    "nanometer",
    "nm",
    "microns",
    "micrometres",
    "micrometers",
    "μm",
    "µm",
    // temperatures named without "degrees": "minus 233 Celsius"
    "celsius",
    "fahrenheit",
    "kelvin",
    // data
    "bytes",
    "megabytes",
    "gigabytes",
    "terabytes",
    "gbps",
    "kbps",
];

/// Nouns before a number that make it a name or a label: "room 305".
const LABELS: &[&str] = &[
    "version",
    "page",
    "pages",
    "room",
    "article",
    "chapter",
    "line",
    "bus",
    "route",
    "section",
    "flight",
    "platform",
    "gate",
    "no",
    "number",
    "figure",
    "table",
    "item",
    "apartment",
    "building",
    "house",
    "block",
    "level",
    "grade",
    "class",
    "model",
    "series",
    "season",
    "episode",
    "phase",
    "stage",
    "lot",
    "unit",
    "ward",
    "district",
    "zone",
    "sector",
    "track",
    "road",
    "highway",
    "street",
    "avenue",
    "terminal",
    "pier",
    "door",
    "seat",
    "resolution",
    "paragraph",
    "clause",
    "annex",
    "appendix",
    "iso",
    "code",
    "channel",
    "card",
    "tier",
    "category",
    "type",
    "format",
    "generation",
    "gen",
    "mark",
    "reactor",
    "plant",
    "hall",
    // stock indexes: "Stoxx 50", "FTSE 100", "the sp 500" (a copy that
    // lost the ampersand of S&P)
    "stoxx",
    "ftse",
    "nikkei",
    "dax",
    "cac",
    "asx",
    "nasdaq",
    "sp",
    // software and devices named with a number: "Windows 11", "iPhone 15",
    // "PlayStation 5"
    "windows",
    "ios",
    "android",
    "macos",
    "iphone",
    "ipad",
    "galaxy",
    "pixel",
    "playstation",
    "xbox",
    "python",
    "java",
];

/// Product lines after a model's number: "the 737 Max", "the 11 Pro", "the
/// 787 Dreamliner".
const MODEL_LINES: &[&str] = &["Pro", "Max", "Plus", "Ultra", "Mini", "Lite", "Dreamliner"];

/// Words for streets: a number before them is an address.
const STREETS: &[&str] = &[
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Boulevard",
    "Blvd",
    "Lane",
    "Square",
    "Prospekt",
    "Embankment",
    "Highway",
    "Way",
    "Drive",
    "Parkway",
    "Pkwy",
    "Terrace",
    "Crescent",
    "Place",
    "Plaza",
    "Circle",
];

/// Words after a number that make it a code: "the 90049 ZIP code", "the
/// 212 area code".
const CODES_AFTER: &[&[&str]] = &[
    &["zip"],
    &["postcode"],
    &["postal", "code"],
    &["area", "code"],
    &["dialling", "code"],
    &["dialing", "code"],
];

/// Eras written before a year ("A.D. 1000", "AD 79") ...
const ERAS_BEFORE: &[&str] = &["A.D.", "AD"];

/// ... and after it ("300 BC", "1000 BCE", "79 A.D.").
const ERAS_AFTER: &[&str] = &["B.C.E.", "B.C.", "BCE", "BC", "A.D.", "AD", "C.E.", "CE"];

/// Words that join two years of a span ("between A.D. 1000 and 1260").
const SPAN_LINKS: &[&str] = &["and", "to", "until", "till", "-", "–"];

/// Capitalized words that start sentences or phrases, not names: a number
/// after them is a figure ("About 40,000", "In 2023 ...", "Only 6").
const FUNCTION_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "Of",
    "And",
    "Or",
    "But",
    "About",
    "Around",
    "Some",
    "Nearly",
    "Almost",
    "Over",
    "Under",
    "Up",
    "Only",
    "Just",
    "More",
    "Less",
    "Fewer",
    "Since",
    "Between",
    "With",
    "Without",
    "All",
    "Both",
    "Each",
    "Every",
    "Another",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "My",
    "Your",
    "This",
    "That",
    "These",
    "Those",
    "After",
    "Before",
    "During",
    "Until",
    "As",
    "If",
    "When",
    "While",
    "Approximately",
    "Roughly",
    "Exactly",
    "Barely",
    "Still",
    "Even",
    "Also",
    "Than",
    "Least",
    "Most",
    "Estimated",
    "Total",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Last",
    "Next",
    "Here",
    "There",
    "Where",
    "Among",
    "Against",
    "Through",
    "Across",
    "Per",
    "Via",
    "Fully",
];

/// The lists above as word sets, built once: a plain count is checked
/// against them all, and a scan of the lists compared it with each word.
struct Sets {
    units: WordSet,
    labels: WordSet,
    streets: WordSet,
    function_words: WordSet,
}

static SETS: LazyLock<Sets> = LazyLock::new(|| Sets {
    units: WordSet::new(DURATIONS.iter().chain(MEASURES).copied()),
    labels: WordSet::new(LABELS.iter().copied()),
    streets: WordSet::new(STREETS.iter().copied()),
    function_words: WordSet::new(FUNCTION_WORDS.iter().copied()),
});

impl Parser<'_> {
    /// Whether word `i` is a noun that labels the number after it ("room
    /// 305", "section 3").
    pub(super) fn is_label(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word) && SETS.labels.contains(self.low(i))
    }

    /// Whether a unit of time or measure follows the plain number `fig`:
    /// "15 years", "5 km"; "a 10-year plan", "the 71-year-old".
    pub(super) fn measure_after(&self, fig: &Figure) -> bool {
        let next = fig.last + 1;
        let units = &SETS.units;
        let unit_at = |j: usize| units.contains(self.low(j));
        let word_after = self.joined(next) && self.kind(next) == Some(TokKind::Word);
        let hyphenated = self.is_hyphen(next);
        (word_after && unit_at(next)) || (hyphenated && unit_at(next + 1)) || self.ratio_unit(next)
    }

    /// Whether a unit written as a ratio starts at word `k`: "A/cm2",
    /// "kV/cm", "mg/L" (a short word, a slash and a word glued to it);
    /// "and/or" is none.
    fn ratio_unit(&self, k: usize) -> bool {
        let short = self.kind(k) == Some(TokKind::Word)
            && self.joined(k)
            && self.s(k).len() <= 4
            && !matches!(self.low(k), "and" | "or");
        short
            && self.s(k + 1) == "/"
            && self.glued(k + 1)
            && self.glued(k + 2)
            && self.kind(k + 2) == Some(TokKind::Word)
    }

    /// Whether a word of a street's name ends the address that starts at
    /// token `k`: "Tverskaya Street", "El Brillo Way", "E 71st St". Every
    /// token before it is part of the name: a capitalized word, a letter
    /// with its full stop, or an ordinal.
    fn street_from(&self, k: usize) -> bool {
        let mut j = k;
        for _ in 0..6 {
            if !self.joined(j) {
                return false;
            }
            let s = self.s(j);
            if SETS.streets.contains(s) {
                return true;
            }
            let part = match self.kind(j) {
                Some(TokKind::Word) => s.starts_with(char::is_uppercase),
                // "71st": the digits and their ending
                Some(TokKind::Digits) => {
                    let ordinal = self.glued(j + 1)
                        && ORDINAL_SUFFIXES.contains(&self.low(j + 1))
                        && self.kind(j + 1) == Some(TokKind::Word);
                    if ordinal {
                        j += 1;
                    }
                    ordinal
                }
                // "W. 57th St"
                _ => s == "." && self.glued(j),
            };
            if !part {
                return false;
            }
            j += 1;
        }
        false
    }

    /// Whether an era is written right before token `k`, in its paragraph:
    /// "A.D. 1000", "AD 79".
    fn era_before(&self, k: usize) -> bool {
        (1..=4).any(|n| {
            k >= n
                && self.joined(k)
                && self.kind(k - n) == Some(TokKind::Word)
                && ERAS_BEFORE.contains(&self.spelled(k - n, k - 1))
                && !(k - n >= 1 && self.glued(k - n) && self.s(k - n - 1) != "(")
        })
    }

    /// Whether an era is written right after token `k`: "300 BC", "79 A.D.".
    fn era_after(&self, k: usize) -> bool {
        let next = k + 1;
        self.joined(next)
            && !self.glued(next)
            && (0..=5).any(|n| {
                ERAS_AFTER.contains(&self.spelled(next, next + n))
                    && !(self.glued(next + n + 1) && self.kind(next + n + 1) == Some(TokKind::Word))
            })
    }

    /// Tokens `first..=last` as written, or "" past the paragraph's end.
    fn spelled(&self, first: usize, last: usize) -> &str {
        if self.kind(last).is_none() || first > last {
            return "";
        }
        self.written(first, last)
    }

    /// Whether a code word follows token `k`: "ZIP", "area code".
    fn code_after(&self, k: usize) -> bool {
        CODES_AFTER.iter().any(|words| {
            words
                .iter()
                .enumerate()
                .all(|(n, w)| self.joined(k + n) && self.is_word(k + n, w))
        })
    }

    /// Whether the bare number `fig` stands alone in parentheses after a
    /// person's name, before a verb: a shirt number or a seed, as captions
    /// and results write them ("Dak Prescott (4) celebrates").
    fn number_after_name(&self, fig: &Figure) -> bool {
        let (open, close) = (fig.first.wrapping_sub(1), fig.last + 1);
        let parens = fig.first >= 3
            && self.s(open) == "("
            && self.s(close) == ")"
            && self.glued(fig.first)
            && self.glued(close);
        if !(parens && fig.bare_integer && fig.value < rust_decimal::Decimal::ONE_HUNDRED) {
            return false;
        }
        let name = |j: usize| {
            self.kind(j) == Some(TokKind::Word)
                && self.joined(j + 1)
                && self.s(j).starts_with(char::is_uppercase)
                && !SETS.function_words.contains(self.s(j))
        };
        let verb_after = self.joined(close + 1)
            && self.kind(close + 1) == Some(TokKind::Word)
            && self.s(close + 1).starts_with(char::is_lowercase);
        name(open - 1) && name(open - 2) && !self.starts_sentence(open - 1) && verb_after
    }

    /// Whether the plain number `fig` is a duration, age, measure, time or
    /// a name rather than a count.
    pub(super) fn not_an_amount(&self, fig: &Figure) -> bool {
        let next = fig.last + 1;
        let sets = &*SETS;
        if self.measure_after(fig) {
            return true;
        }
        let model_line = self.joined(next) && MODEL_LINES.contains(&self.s(next));
        if fig.bare_integer && model_line {
            return true;
        }
        // "9 a.m.": in its paragraph ("223,000\n\na. Next" is a count, then
        // a list item)
        if self.joined(next)
            && (self.is_word(next, "a") || self.is_word(next, "p"))
            && self.s(next + 1) == "."
            && self.glued(next + 1)
        {
            return true;
        }
        if matches!(self.s(next), "°" | "℃" | "℉") {
            return true;
        }
        // "the 90049 ZIP code": a code
        if fig.bare_integer && self.code_after(next) {
            return true;
        }
        // "A.D. 1000", "300 BC": a year of another era
        if fig.bare_integer && (self.era_before(fig.first) || self.era_after(fig.last)) {
            return true;
        }
        if self.number_after_name(fig) {
            return true;
        }
        // "12 Tverskaya Street", "358 El Brillo Way": an address (within
        // its paragraph: a token after a blank line is never read)
        if fig.bare_integer && self.street_from(next) {
            return true;
        }
        let Some(prev) = fig.first.checked_sub(1) else {
            return false;
        };
        // "from 208 pounds to 193": the second of two levels whose unit is
        // written once, after the first
        let unit_before = prev >= 3
            && self.is_word(prev, "to")
            && self.is_word(prev - 3, "from")
            && self.kind(prev - 2) == Some(TokKind::Digits)
            && self.kind(prev - 1) == Some(TokKind::Word)
            && SETS.units.contains(self.low(prev - 1));
        if unit_before && self.joined(fig.first) {
            return true;
        }
        // "between A.D. 1000 and 1260": the second year of such a span
        let span_link = SPAN_LINKS.contains(&self.s(prev)) && self.joined(fig.first);
        if fig.bare_integer
            && span_link
            && prev >= 1
            && self.kind(prev - 1) == Some(TokKind::Digits)
        {
            let year_before = self.era_before(prev - 1) || self.era_after(fig.last);
            if year_before {
                return true;
            }
        }
        // "Putin, 72, has ruled", "aged 45"
        let between_commas = self.s(prev) == "," && self.s(next) == "," && fig.bare_integer;
        let name_before = prev >= 1 && self.s(prev - 1).starts_with(char::is_uppercase);
        if between_commas && name_before && fig.value <= rust_decimal::Decimal::from(120) {
            return true;
        }
        if self.is_word(prev, "aged") {
            return true;
        }
        // "the top five countries", "complete the top five": a number of
        // places, not an amount
        let places = self.is_word(prev, "top") || self.is_word(prev, "bottom");
        if places && fig.value <= rust_decimal::Decimal::from(100) {
            return true;
        }
        // "Room 305", "Boeing 737", "iPhone 15", "Nord Stream 2", "version 2.0"
        if !(self.joined(fig.first) && self.kind(prev) == Some(TokKind::Word)) {
            return false;
        }
        let word = self.s(prev);
        if sets.labels.contains(self.low(prev)) {
            return true;
        }
        if !fig.bare_integer {
            return false;
        }
        // a capital at the start of a sentence says nothing: "Altogether 500
        // tourists"; a capital inside a word always does ("iPhone 15")
        let inner_capital = word.chars().skip(1).any(char::is_uppercase);
        let initial = word.starts_with(char::is_uppercase) && !self.starts_sentence(prev);
        (inner_capital || initial) && !sets.function_words.contains(word)
    }
}
