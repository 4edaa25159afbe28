//! The words the figure grammar looks for, as data: one list per use,
//! each with what it is for.
//!
//! Only the words the grammar of `parse` reads itself are here. Number
//! words are `words`'s, scale words `scale`'s, currency names and codes
//! `currency`'s, qualifier phrases `qualifier`'s, rank words `rank`'s and
//! months `date`'s; the code that reads each list is in the other files of
//! `parse`.

/// Dashes that join a range or a span of years: hyphen, en, em, non-breaking hyphen.
pub(super) const DASHES: &[&str] = &["-", "–", "—", "‑"];

/// Words that can start a figure: number words, fractions, signs, "between", ordinals, ranks.
pub(super) const STARTERS: &[&str] = &[
    "between",
    "biggest",
    "doubled",
    "dozen",
    "eight",
    "eighteen",
    "eightfold",
    "eighth",
    "eighty",
    "eleven",
    "eleventh",
    "fifteen",
    "fifteenth",
    "fifth",
    "fifty",
    "first",
    "five",
    "fivefold",
    "forty",
    "four",
    "fourfold",
    "fourteen",
    "fourteenth",
    "fourth",
    "half",
    "halved",
    "hundred",
    "largest",
    "minus",
    "naught",
    "negative",
    "nine",
    "ninefold",
    "nineteen",
    "nineteenth",
    "ninety",
    "ninth",
    "nought",
    "one",
    "per",
    "percent",
    "percents",
    "quadrupled",
    "quarter",
    "second",
    "seven",
    "sevenfold",
    "seventeen",
    "seventeenth",
    "seventh",
    "seventy",
    "six",
    "sixfold",
    "sixteen",
    "sixteenth",
    "sixth",
    "sixty",
    "ten",
    "tenfold",
    "tenth",
    "third",
    "thirteen",
    "thirteenth",
    "thirty",
    "thousand",
    "three",
    "threefold",
    "top",
    "trebled",
    "tripled",
    "twelfth",
    "twelve",
    "twentieth",
    "twenty",
    "two",
    "twofold",
    "zero",
];

/// Other words a reading starts with: "a", plural scales, multipliers, currency prefixes, months.
pub(super) const MORE_TRIGGERS: &[&str] = &[
    "a",
    "an",
    "percent",
    "percents",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "dozens",
    "doubled",
    "tripled",
    "trebled",
    "quadrupled",
    "halved",
    "rs",
    "us",
    "c",
    "hk",
    "s",
    "nz",
    "nt",
    "r",
    "mex",
    "au",
    "ca",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "rmb",
    "rm",
    // "PS3.5m", "Y=590 billion": a pound or yen sign lost in a copy
    "ps",
    "y",
];

/// Words after "a" or "an" that make it a number: "a million", "a thousandth".
pub(super) const ARTICLE_SCALES: &[&str] = &[
    "million",
    "billion",
    "trillion",
    "lakh",
    "crore",
    "hundredth",
    "thousandth",
    "millionth",
    "billionth",
    "trillionth",
];

/// Words after digits that the number-word grammar continues with ("4 thousand 3 hundred").
pub(super) const WORD_CONTINUATIONS: &[&str] = &[
    "hundred", "hundreds", "thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore",
    "crores", "dozen", "dozens", "dz", "dzs", "doz", "dozs", "and", "in", "out", "over", "point",
];

/// Words after "m" that make it metres, not millions ("3.5m long").
pub(super) const MEASURE_CONTEXT: &[&str] = &[
    "long", "high", "wide", "tall", "deep", "away", "above", "below", "of", "from", "in",
];

/// Words for per cent after a number: "5 percent", "5 pct".
pub(crate) const PERCENT_WORDS: &[&str] = &["percent", "percents", "pct"];

/// The first word of a percentage's unit, which a hyphen may join to the
/// number as a compound before a noun: "a 10-percent cut", "a
/// 2-percentage-point gap", "a 25-basis-point cut".
pub(super) const PERCENT_UNITS: &[&str] = &["percent", "per", "percentage", "basis"];

/// Units of barrels a day with the scale inside ("9.02 mbpd"), with its power of ten.
pub(super) const BARRELS_A_DAY: &[(&str, u32)] = &[
    ("mbpd", 6),
    ("mbd", 6),
    ("mmbpd", 6),
    ("mmbd", 6),
    ("mmb", 6),
    ("kbpd", 3),
    ("kbd", 3),
];

/// Barrels a day written with "/d" ("26.5 mb/d", "900 kb/d"): the part before the slash.
pub(super) const BARRELS_BEFORE_SLASH: &[(&str, u32)] = &[("mb", 6), ("kb", 3)];

/// Stems of verbs that state a change, for "rose from A to B" (two levels, no range).
pub(super) const CHANGE_VERBS: &[&str] = &[
    "rose", "rise", "risen", "fell", "fall", "fallen", "increas", "decreas", "grew", "grow",
    "climb", "jump", "drop", "declin", "slid", "slip", "surg", "soar", "plung", "plummet",
    "shrank", "shrink", "cut", "lower", "reduc", "boost", "widen", "narrow", "expand", "contract",
    "gain", "went", "moved", "chang", "revis", "up", "down", "eas", "dip", "tumbl", "sank", "sink",
    "slump", "advanc", "add",
];

/// Endings a stem of `CHANGE_VERBS` takes ("increased"), so "additional" is no "add".
pub(super) const CHANGE_VERB_ENDINGS: &[&str] = &[
    "", "s", "e", "es", "ed", "d", "ing", "n", "ped", "ping", "ting", "ged", "ging", "ion", "ions",
];

/// Words that link two figures into a range ("5 to 7"), besides a dash or "~".
pub(super) const RANGE_WORDS: &[&str] = &["to", "through", "thru"];

/// What joins a lower and an upper bound into one range ("more than 10 and less than 20").
pub(super) const BOUND_JOINERS: &[&str] = &["and", "but", ",", ", and", ", but", "and yet"];

/// Time zones after a time of day in four digits: "0401 GMT".
pub(super) const TIME_ZONES: &[&str] = &[
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "MSK", "EST", "EDT", "CST", "CDT", "MST", "MDT",
    "PST", "PDT", "ET", "PT", "IST", "JST", "KST", "HKT", "SGT", "AEST", "AEDT",
];

/// Endings glued to digits that make an ordinal: "1st", "30th".
pub(in crate::extract) const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// Words before a number word that refer back ("the two nations"): no count follows.
pub(super) const DETERMINERS: &[&str] = &["the", "these", "those", "both", "all"];

/// Words after "one" that make it a pronoun ("one of them", "one says",
/// "each one they lose"), not a count of the noun after it ("one man").
pub(super) const ONE_PRONOUN_AFTER: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "from", "with", "by", "about", "into", "over", "under",
    "after", "before", "than", "as", "and", "or", "but", "nor", "that", "who", "whom", "whose",
    "which", "what", "where", "when", "why", "how", "another", "else", "more", "less", "too",
    "also", "even", "just", "only", "not", "ever", "so", "is", "was", "are", "were", "be", "been",
    "has", "had", "have", "does", "did", "do", "can", "could", "will", "would", "shall", "should",
    "may", "might", "must", "says", "said", "they", "he", "she", "it", "we", "you", "i", "its",
    "their", "his", "her", "our", "my", "your", "this", "these", "those", "such", "there", "here",
    "way",
];

/// Determiners two words before "one" that make it a pronoun: "the red
/// one", "a new one".
pub(super) const ONE_PRONOUN_DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "his", "her", "their", "its", "my", "your", "our",
];

/// Words before "one" that make it a pronoun: "no one", "each one".
pub(super) const ONE_PRONOUN_BEFORE: &[&str] = &[
    "no", "any", "every", "each", "this", "that", "which", "another", "such", "last", "same",
    "little", "big", "new", "old", "right", "wrong",
];
