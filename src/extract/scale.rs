//! Scale words after a number: "thousand", "million", "billion", "trillion"
//! and their abbreviations "k", "mn", "mln", "mil", "bn", "bln", "tn", "trn",
//! "trln", spaced, glued or hyphenated ("$245bn", "US$ 1.2 trn",
//! "a $245-billion deal").
//!
//! ## What it extracts
//! The power of ten the number before it is multiplied by: `US$245 bn` is
//! 245 x 10^9 USD.
//!
//! ## Not extracted
//! "billions of" with no number (a vague magnitude); "b" and "m" unless
//! glued to an amount of money ("$2.7b", "$3.5m"), since "3.5m" alone is as
//! likely metres and a bare "B" a grade or a name. `parse` admits the few
//! places where they are counts: "m" glued before a noun ("2.5m visitors",
//! "35m of its users"), a capital "M" glued ("4.3M copies"; "3M" is a
//! company), a capital "B" spaced before a lowercase noun ("8 B people"; not
//! "Room 8 B"). An editorial insertion is read as written: "$75 [billion]".

/// Powers of ten for scale words, lowercase.
const SCALES: &[(&str, u32)] = &[
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("k", 3),
    ("mn", 6),
    ("mln", 6),
    ("mil", 6),
    ("bn", 9),
    ("bln", 9),
    ("tn", 12),
    ("trn", 12),
    ("trln", 12),
];

/// The power of ten of `word` as a scale word. `glued_money` says the word
/// is glued to an amount of money, which admits "m".
pub(crate) fn scale_word(word: &str, glued_money: bool) -> Option<u32> {
    if glued_money && word.eq_ignore_ascii_case("m") {
        return Some(6);
    }
    // "$2.7b", "$2.7B": glued to money, b is billions
    if glued_money && word.eq_ignore_ascii_case("b") {
        return Some(9);
    }
    SCALES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, e)| *e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_words() {
        let cases = [
            ("billion", false, Some(9)),
            ("bn", false, Some(9)),
            ("BN", false, Some(9)),
            ("mln", false, Some(6)),
            ("trn", false, Some(12)),
            ("bln", false, Some(9)),
            ("trln", false, Some(12)),
            ("tn", false, Some(12)),
            ("k", false, Some(3)),
            ("m", false, None),
            ("m", true, Some(6)),
            ("b", true, Some(9)),
            ("B", true, Some(9)),
            ("b", false, None),
            ("billions", false, None),
        ];
        for (word, glued, expected) in cases {
            assert_eq!(scale_word(word, glued), expected, "{word}");
        }
    }
}
