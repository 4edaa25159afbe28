//! Currencies before and after a number, normalized to ISO 4217 codes.
//!
//! ## What it extracts
//! Before the number: `US$`, `$`, `€`, `£`, `¥`, `₽`, `₹`, and the codes
//! `USD`, `EUR`, `RUB`, `CNY`, `RMB`, `GBP`, `JPY`, `INR` (spaced or glued:
//! `USD 20`, `RMB1.7`). After it: "dollars", "US dollars", "U.S. dollars",
//! "yuan", "renminbi", "rubles"/"roubles", "euros", "yen", "rupees" and the
//! same codes.
//!
//! A bare `$` or "dollars" is the generic family `dollar`: the text does not
//! say which country's. `¥` alone is `yen_or_yuan`.
//!
//! ## Not extracted
//! "pounds" (as likely weight), "cents" and other minor units.

/// Symbols that open an amount, with their unit.
const SYMBOLS: &[(&str, &str)] = &[
    ("$", "dollar"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "yen_or_yuan"),
    ("₽", "RUB"),
    ("₹", "INR"),
];

/// Letters glued before `$` that name the dollar: "US$", "A$", "HK$".
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("US", "USD"),
    ("A", "AUD"),
    ("C", "CAD"),
    ("HK", "HKD"),
    ("S", "SGD"),
    ("NZ", "NZD"),
];

/// ISO codes (and RMB) read before or after a number, in capitals.
const CODES: &[(&str, &str)] = &[
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("RUB", "RUB"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("INR", "INR"),
];

/// Currency words after a number, lowercase.
const WORDS: &[(&str, &str)] = &[
    ("dollars", "dollar"),
    ("dollar", "dollar"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rouble", "RUB"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("yen", "JPY"),
    ("rupees", "INR"),
];

pub(crate) fn symbol(s: &str) -> Option<&'static str> {
    lookup(SYMBOLS, s)
}

pub(crate) fn dollar_prefix(s: &str) -> Option<&'static str> {
    lookup(DOLLAR_PREFIXES, s)
}

pub(crate) fn code(s: &str) -> Option<&'static str> {
    lookup(CODES, s)
}

pub(crate) fn word(s: &str) -> Option<&'static str> {
    lookup(WORDS, &s.to_lowercase())
}

/// "US dollars" and "American dollars" are USD; the caller has matched the
/// dollar word.
pub(crate) fn is_us(s: &str) -> bool {
    matches!(s, "US" | "American")
}

fn lookup(table: &[(&str, &'static str)], s: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == s).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_to_iso_codes() {
        assert_eq!(symbol("$"), Some("dollar"));
        assert_eq!(symbol("€"), Some("EUR"));
        assert_eq!(symbol("₽"), Some("RUB"));
        assert_eq!(dollar_prefix("US"), Some("USD"));
        assert_eq!(code("RMB"), Some("CNY"));
        assert_eq!(code("usd"), None, "codes are capitals");
        assert_eq!(word("Roubles"), Some("RUB"));
        assert_eq!(word("yuan"), Some("CNY"));
        assert_eq!(word("pounds"), None);
        assert!(is_us("US"));
    }
}
