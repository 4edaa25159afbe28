//! Currencies before and after a number, normalized to ISO 4217 codes.
//!
//! ## What it extracts
//! Symbols before or after the number (`$`, `€`, `£`, `¥`, `₽`, `₹`, `₩`, `₺`,
//! `₪`, `₿` ...; `元` after it); dollar prefixes (`US$`, `C$`, `A$`, `HK$`,
//! `S$`, `NZ$`); ISO codes before or after, spaced or glued (`USD 20`,
//! `USD34.6`, `115USD`, `RMB1.7trn`), and `MUSD`-style codes in millions;
//! a pound or yen sign a copy lost (`PS3.5m`, `Y=590 billion`, read in
//! `parse`); currency names after the number ("dollars", "US dollars", "Swiss francs",
//! "yuan", "rubles", "pence", "cents" ...), minor units converted to the major
//! unit ("34 cents" is 0.34).
//!
//! A bare `$` or "dollars" is the generic family `dollar`: the text does not
//! say which country's. `¥` is the yen in a sentence about Japan, the yuan in
//! one about China, and else `yen_yuan`; "francs", "rupees",
//! "pesos" and the like are families too; "bucks" and "cents" are `currency`
//! (money, currency unknown).
//!
//! ## Not extracted
//! "pounds", "won", "dong" and "marks" without a scale word or a country
//! ("200 pounds" is as likely a weight, "won" a verb).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::word_set::WordSet;

/// A currency read from the text: its unit and the power of ten from the
/// written unit to the major unit (-2 for cents, 6 for `MUSD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Currency {
    pub unit: &'static str,
    pub exp: i32,
}

const fn major(unit: &'static str) -> Currency {
    Currency { unit, exp: 0 }
}

/// The major unit of `unit`, for readers outside this module.
pub(crate) const fn major_unit(unit: &'static str) -> Currency {
    major(unit)
}

/// Symbols that stand before (or after) an amount.
const SYMBOLS: &[(&str, &str)] = &[
    ("$", "dollar"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "yen_yuan"),
    ("￥", "yen_yuan"),
    ("₽", "RUB"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("₴", "UAH"),
    ("₦", "NGN"),
    ("₱", "PHP"),
    ("₫", "VND"),
    ("₪", "ILS"),
    ("₡", "CRC"),
    ("₾", "GEL"),
    ("₭", "LAK"),
    ("₿", "BTC"),
    ("฿", "THB"),
    ("₸", "KZT"),
    ("元", "CNY"),
];

/// Letters before `$` that name the dollar: "US$", "C$", "HK$".
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("us", "USD"),
    ("u.s.", "USD"),
    ("a", "AUD"),
    ("au", "AUD"),
    ("c", "CAD"),
    ("ca", "CAD"),
    ("hk", "HKD"),
    ("s", "SGD"),
    ("nz", "NZD"),
    ("nt", "TWD"),
    ("r", "BRL"),
    ("mex", "MXN"),
];

/// ISO codes read in capitals before or after a number.
pub(crate) const CODES: &[&str] = &[
    "USD", "EUR", "RUB", "CNY", "GBP", "JPY", "INR", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD",
    "KRW", "TRY", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "UAH", "KZT", "BTC", "THB",
    "MYR", "IDR", "PHP", "VND", "ILS", "AED", "SAR", "EGP", "NGN", "ARS", "CLP", "COP", "PEN",
    "CZK", "HUF", "RON", "TWD", "PKR", "BDT", "LKR", "QAR", "KWD", "IRR", "BYN", "UZS",
];

/// Abbreviations before an amount that are not ISO codes.
pub(crate) fn abbreviation(s: &str) -> Option<&'static str> {
    match s {
        "Rs" | "INR" => Some("INR"),
        // "RM45.20": the Malaysian ringgit
        "RM" => Some("MYR"),
        _ => None,
    }
}

/// Codes also read in lower case: common, and not English words.
const LOWERCASE_CODES: &[&str] = &[
    "usd", "eur", "rub", "cny", "rmb", "gbp", "jpy", "inr", "chf", "btc", "aud",
];

/// Names after a number, as lowercase tokens separated by spaces ("u . s ."
/// is "U.S."), with their currency. `true`: only after a scale word or
/// with a country ("361 million pounds", not "200 pounds").
const NAMES: &[(&str, Currency, bool)] = &[
    ("dollars", major("dollar"), false),
    ("dollar", major("dollar"), false),
    ("us dollars", major("USD"), false),
    ("us dollar", major("USD"), false),
    ("u . s . dollars", major("USD"), false),
    ("u . s . dollar", major("USD"), false),
    ("american dollars", major("USD"), false),
    ("united states dollars", major("USD"), false),
    ("australian dollars", major("AUD"), false),
    ("australian dollar", major("AUD"), false),
    ("canadian dollars", major("CAD"), false),
    ("canadian dollar", major("CAD"), false),
    ("hong kong dollars", major("HKD"), false),
    ("singapore dollars", major("SGD"), false),
    ("new zealand dollars", major("NZD"), false),
    ("taiwan dollars", major("TWD"), false),
    ("new taiwan dollars", major("TWD"), false),
    ("bucks", major("currency"), false),
    ("euros", major("EUR"), false),
    ("euro", major("EUR"), false),
    ("yuan", major("CNY"), false),
    ("chinese yuan", major("CNY"), false),
    ("renminbi", major("CNY"), false),
    ("rmb", major("CNY"), false),
    ("kuai", major("CNY"), false),
    ("yen", major("JPY"), false),
    ("japanese yen", major("JPY"), false),
    ("rubles", major("RUB"), false),
    ("roubles", major("RUB"), false),
    ("ruble", major("RUB"), false),
    ("rouble", major("RUB"), false),
    ("russian rubles", major("RUB"), false),
    ("russian roubles", major("RUB"), false),
    ("pounds sterling", major("GBP"), false),
    ("pound sterling", major("GBP"), false),
    ("sterling", major("GBP"), true),
    ("british pounds", major("GBP"), false),
    ("pounds", major("pound"), true),
    ("pound", major("pound"), true),
    ("egyptian pounds", major("EGP"), false),
    ("francs", major("franc"), false),
    ("franc", major("franc"), false),
    ("swiss francs", major("CHF"), false),
    ("swiss franc", major("CHF"), false),
    ("french francs", major("FRF"), false),
    ("belgian francs", major("BEF"), false),
    ("pesetas", major("ESP"), false),
    ("peseta", major("ESP"), false),
    ("guilders", major("NLG"), false),
    ("dutch guilders", major("NLG"), false),
    ("markka", major("FIM"), false),
    ("finnish markka", major("FIM"), false),
    ("deutsche marks", major("DEM"), false),
    ("deutschmarks", major("DEM"), false),
    ("german marks", major("DEM"), false),
    ("marks", major("mark"), true),
    ("lira", major("lira"), false),
    ("turkish lira", major("TRY"), false),
    ("turkish liras", major("TRY"), false),
    ("lire", major("ITL"), false),
    ("italian lire", major("ITL"), false),
    ("rupees", major("rupee"), false),
    ("rupee", major("rupee"), false),
    ("indian rupees", major("INR"), false),
    ("pakistani rupees", major("PKR"), false),
    ("sri lankan rupees", major("LKR"), false),
    ("won", major("KRW"), true),
    ("korean won", major("KRW"), false),
    ("south korean won", major("KRW"), false),
    ("reais", major("BRL"), false),
    ("brazilian reais", major("BRL"), false),
    ("brazilian real", major("BRL"), false),
    ("pesos", major("peso"), false),
    ("peso", major("peso"), false),
    ("mexican pesos", major("MXN"), false),
    ("argentine pesos", major("ARS"), false),
    ("philippine pesos", major("PHP"), false),
    ("rand", major("ZAR"), false),
    ("dinars", major("dinar"), false),
    ("dinar", major("dinar"), false),
    ("rials", major("rial"), false),
    ("rial", major("rial"), false),
    ("riyals", major("riyal"), false),
    ("riyal", major("riyal"), false),
    ("saudi riyals", major("SAR"), false),
    ("dirhams", major("dirham"), false),
    ("dirham", major("dirham"), false),
    ("kronor", major("SEK"), false),
    // the crowns by their English name, with the country that says which
    ("danish crowns", major("DKK"), false),
    ("danish kroner", major("DKK"), false),
    ("danish krone", major("DKK"), false),
    ("swedish crowns", major("SEK"), false),
    ("swedish kronor", major("SEK"), false),
    ("swedish krona", major("SEK"), false),
    ("norwegian crowns", major("NOK"), false),
    ("norwegian kroner", major("NOK"), false),
    ("norwegian krone", major("NOK"), false),
    ("czech crowns", major("CZK"), false),
    ("czech korunas", major("CZK"), false),
    ("czech koruna", major("CZK"), false),
    ("krona", major("krona"), false),
    ("kroner", major("krona"), false),
    ("krone", major("krona"), false),
    ("zloty", major("PLN"), false),
    ("zlotys", major("PLN"), false),
    ("hryvnias", major("UAH"), false),
    ("hryvnia", major("UAH"), false),
    ("tenge", major("KZT"), false),
    ("shekels", major("ILS"), false),
    ("shekel", major("ILS"), false),
    ("baht", major("THB"), false),
    ("ringgit", major("MYR"), false),
    (
        "sen",
        Currency {
            unit: "MYR",
            exp: -2,
        },
        false,
    ),
    ("rupiah", major("IDR"), false),
    ("naira", major("NGN"), false),
    ("dong", major("VND"), true),
    ("bitcoins", major("BTC"), false),
    ("bitcoin", major("BTC"), false),
    (
        "satoshis",
        Currency {
            unit: "BTC",
            exp: -8,
        },
        false,
    ),
    (
        "satoshi",
        Currency {
            unit: "BTC",
            exp: -8,
        },
        false,
    ),
    (
        "cents",
        Currency {
            unit: "currency",
            exp: -2,
        },
        false,
    ),
    (
        "cent",
        Currency {
            unit: "currency",
            exp: -2,
        },
        false,
    ),
    (
        "pence",
        Currency {
            unit: "GBP",
            exp: -2,
        },
        false,
    ),
    (
        "penny",
        Currency {
            unit: "GBP",
            exp: -2,
        },
        false,
    ),
    (
        "pennies",
        Currency {
            unit: "GBP",
            exp: -2,
        },
        false,
    ),
    (
        "kopeks",
        Currency {
            unit: "RUB",
            exp: -2,
        },
        false,
    ),
    (
        "kopecks",
        Currency {
            unit: "RUB",
            exp: -2,
        },
        false,
    ),
    (
        "kopeck",
        Currency {
            unit: "RUB",
            exp: -2,
        },
        false,
    ),
    (
        "kopek",
        Currency {
            unit: "RUB",
            exp: -2,
        },
        false,
    ),
    (
        "fen",
        Currency {
            unit: "CNY",
            exp: -2,
        },
        false,
    ),
    (
        "jiao",
        Currency {
            unit: "CNY",
            exp: -1,
        },
        false,
    ),
    (
        "mao",
        Currency {
            unit: "CNY",
            exp: -1,
        },
        false,
    ),
    (
        "dimes",
        Currency {
            unit: "dollar",
            exp: -1,
        },
        false,
    ),
    (
        "dime",
        Currency {
            unit: "dollar",
            exp: -1,
        },
        false,
    ),
];

pub(crate) fn symbol(s: &str) -> Option<&'static str> {
    SYMBOLS.iter().find(|(k, _)| *k == s).map(|(_, v)| *v)
}

/// The sign written before an amount for ISO code `code` ("€" for EUR,
/// "$" for USD, "¥" for JPY), when it has one of its own.
pub(crate) fn sign_of(code: &str) -> Option<&'static str> {
    match code {
        "USD" => Some("$"),
        "JPY" => Some("¥"),
        // "元" is written after the amount
        "CNY" => None,
        _ => SYMBOLS.iter().find(|(_, v)| *v == code).map(|(k, _)| *k),
    }
}

/// The dollar named by letters before `$` ("US", "c", "HK").
pub(crate) fn dollar_prefix(s: &str) -> Option<&'static str> {
    let lower = s.to_ascii_lowercase();
    DOLLAR_PREFIXES
        .iter()
        .find(|(k, _)| *k == lower)
        .map(|(_, v)| *v)
}

/// An ISO code ("USD", "RMB"; some also in lower case), or one in millions
/// ("MUSD", "MEUR").
pub(crate) fn code(s: &str) -> Option<Currency> {
    if !(3..=4).contains(&s.len()) || !s.is_ascii() {
        return None; // the cheap test: codes are three letters, or M and three
    }
    if let Some(c) = plain_code(s) {
        return Some(major(c));
    }
    let rest = s.strip_prefix('M')?;
    plain_code(rest)
        .filter(|_| rest.bytes().all(|c| c.is_ascii_uppercase()))
        .map(|unit| Currency { unit, exp: 6 })
}

fn plain_code(s: &str) -> Option<&'static str> {
    if s.len() != 3 {
        return None;
    }
    if s == "RMB" || s == "rmb" {
        return Some("CNY");
    }
    if s.bytes().all(|b| b.is_ascii_uppercase()) {
        return CODES.iter().find(|c| **c == s).copied();
    }
    let lower = LOWERCASE_CODES.iter().find(|c| **c == s)?;
    CODES
        .iter()
        .find(|c| c.eq_ignore_ascii_case(lower))
        .copied()
}

/// Every unit a money figure can be read in: the codes, the currencies of
/// the symbols, prefixes, abbreviations and names, and the families.
pub(crate) fn units() -> impl Iterator<Item = &'static str> {
    CODES
        .iter()
        .copied()
        .chain(SYMBOLS.iter().map(|(_, u)| *u))
        .chain(DOLLAR_PREFIXES.iter().map(|(_, u)| *u))
        .chain(NAMES.iter().map(|(_, c, _)| c.unit))
        // `abbreviation`, and `resolve_yen_yuan`'s readings of `¥`
        .chain(["INR", "MYR", "JPY", "CNY"])
}

/// The names split into tokens once, and indexed by their first token.
/// A name split into tokens, its currency, and whether it needs a scale.
type Name = (Vec<&'static str>, Currency, bool);

static NAME_INDEX: LazyLock<BTreeMap<&'static str, Vec<Name>>> = LazyLock::new(|| {
    let mut index: BTreeMap<&'static str, Vec<_>> = BTreeMap::new();
    for (phrase, c, needs_scale) in NAMES {
        let parts: Vec<&'static str> = phrase.split(' ').collect();
        index
            .entry(parts[0])
            .or_default()
            .push((parts, *c, *needs_scale));
    }
    index
});

/// `¥` is the yen in a sentence about Japan and the yuan in one about China;
/// with neither or both, it stays the family `yen_yuan`.
pub(crate) fn resolve_yen_yuan(cx: &super::Context<'_>, quantities: &mut [super::Quantity]) {
    for q in quantities.iter_mut().filter(|q| q.unit == "yen_yuan") {
        let Some(s) = cx.sentence_at(q.start) else {
            continue;
        };
        let sentence = &cx.text[cx.sentences[s].clone()];
        let japan = sentence.contains("Japan") || sentence.contains("Tokyo");
        let china = ["China", "Chinese", "yuan", "renminbi", "Beijing"]
            .iter()
            .any(|w| sentence.contains(w));
        q.unit = match (japan, china) {
            (true, false) => "JPY",
            (false, true) => "CNY",
            _ => "yen_yuan",
        };
    }
}

/// Every ISO code read before or after a number.
/// The codes also read in lower case ("usd", "rmb").
pub(crate) fn lowercase_codes() -> &'static [&'static str] {
    LOWERCASE_CODES
}

/// Whether some currency name starts with `word` (lowercase): the cheap test
/// before reading a name.
pub(crate) fn name_starts_with(word: &str) -> bool {
    // the set of first words: one hashed probe instead of a walk down the
    // ordered index, which compared the word with a dozen names
    static FIRST_WORDS: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(NAME_INDEX.keys().copied()));
    FIRST_WORDS.contains(word)
}

/// The longest currency name that `words` (lowercase tokens after a
/// number) starts with: its currency, how many tokens it takes, and whether
/// it needs a scale word or a country to be money.
pub(crate) fn name(words: &[&str]) -> Option<(Currency, usize, bool)> {
    let first = words.first()?;
    NAME_INDEX
        .get(first)?
        .iter()
        .filter(|(parts, _, _)| words.starts_with(parts))
        .max_by_key(|(parts, _, _)| parts.len())
        .map(|(parts, c, needs_scale)| (*c, parts.len(), *needs_scale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_to_iso_codes() {
        assert_eq!(symbol("$"), Some("dollar"));
        assert_eq!(symbol("€"), Some("EUR"));
        assert_eq!(sign_of("EUR"), Some("€"));
        assert_eq!(sign_of("USD"), Some("$"));
        assert_eq!(sign_of("CNY"), None);
        assert_eq!(sign_of("CHF"), None);
        assert_eq!(symbol("₽"), Some("RUB"));
        assert_eq!(symbol("¥"), Some("yen_yuan"));
        assert_eq!(dollar_prefix("US"), Some("USD"));
        assert_eq!(dollar_prefix("c"), Some("CAD"));
        assert_eq!(code("RMB"), Some(major("CNY")));
        assert_eq!(code("usd"), Some(major("USD")));
        assert_eq!(
            code("try"),
            None,
            "lowercase codes that are words are not codes"
        );
        assert_eq!(
            code("MUSD"),
            Some(Currency {
                unit: "USD",
                exp: 6
            })
        );
        assert_eq!(code("Musd"), None);
        assert_eq!(name(&["roubles", "in"]), Some((major("RUB"), 1, false)));
        assert_eq!(name(&["swiss", "francs"]), Some((major("CHF"), 2, false)));
        assert_eq!(
            name(&["u", ".", "s", ".", "dollars"]),
            Some((major("USD"), 5, false))
        );
        assert_eq!(name(&["pounds"]), Some((major("pound"), 1, true)));
        assert_eq!(
            name(&["cents"]),
            Some((
                Currency {
                    unit: "currency",
                    exp: -2
                },
                1,
                false
            ))
        );
        assert_eq!(name(&["people"]), None);
    }
}
