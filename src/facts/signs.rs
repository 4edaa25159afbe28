//! Words a figure's sign or qualifier is written as: "45 pct", "12
//! percent", "approximately 8.6 million". A rule's pattern that reads a
//! change or a share by its sign (`\d+\s*%`), or an approximate figure
//! by "about", should reach "plunged about 45 pct from a year earlier to
//! about 330,000" and "with approximately 8.63 million arrivals" too.
//!
//! `written` writes each such word after a number as the sign, and each
//! word for "about" of five letters or more before a number as "about",
//! padded with spaces ("45 %   from", "about         8.63"), so the text
//! keeps its length and every offset. Patterns are tried on the text and
//! on this view (`window.rs`, `attach.rs`), as on the views of `names.rs`
//! and `asides.rs`, which it is applied to. The words are the
//! extractor's (`PERCENT_WORDS`, `about_words`).
//!
//! An ISO code written onto its number ("EUR62.5 billion", "USD1.2bn") is
//! written there as the currency's sign, padded before it ("€62.5",
//! "  $1.2bn"): a pattern that asks for `\bEUR\b` or `€` finds no word
//! boundary between "EUR" and "62", and the sign is what most patterns
//! name. A code spaced from its number ("EUR 62.5") already matches
//! `\bEUR\b` and is left as written.

use super::rewrite::{rewritten, Edit};
use crate::extract::{about_words, currency, PERCENT_WORDS};

/// `text` with each word for per cent after a number written as "%", each
/// longer word for "about" before one as "about", and each currency code
/// glued to a number as its sign, or `None` when it has none. Only the
/// words next to a number can be any of these, so the text is read from
/// number to number (digits are far rarer than letters).
pub(super) fn written(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut found: Vec<Edit> = Vec::new();
    let mut at = 0;
    while let Some(start) = next_digit(bytes, at) {
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(bytes.len(), |n| start + n);
        // a currency code glued to the number, or a longer word for "about"
        // and one space before it
        let glued = word_ending(bytes, start);
        if let Some(sign) = glued_sign(&text[glued.clone()]) {
            // the sign stays against its number: "  $52bn"
            found.push(Edit {
                range: glued,
                with: sign,
                pad_before: true,
            });
        } else if let Some(word) = start
            .checked_sub(1)
            .filter(|&i| bytes[i] == b' ')
            .map(|i| word_ending(bytes, i))
        {
            let w = &text[word.clone()];
            if w.len() >= "about".len() && about_words().iter().any(|a| a.eq_ignore_ascii_case(w)) {
                found.push(Edit {
                    range: word,
                    with: "about",
                    pad_before: false,
                });
            }
        }
        // a word for per cent right after it, or after one space
        let from = if bytes.get(end) == Some(&b' ') {
            end + 1
        } else {
            end
        };
        let word = from..bytes[from..]
            .iter()
            .position(|b| !b.is_ascii_alphabetic())
            .map_or(bytes.len(), |n| from + n);
        let w = &text[word.clone()];
        if PERCENT_WORDS.iter().any(|p| p.eq_ignore_ascii_case(w)) {
            found.push(Edit {
                range: word,
                with: "%",
                pad_before: false,
            });
        }
        at = end;
    }
    rewritten(text, found)
}

/// Where the first ASCII digit of `bytes` at or after `from` is: eight
/// bytes at a time, as most bytes of a text are letters.
fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    let mut at = from;
    while let Some(eight) = bytes.get(at..at + 8) {
        // a digit (0x30 to 0x39), and only a digit, is a byte below 10
        // once 0x30 is xored off; a byte below 10 sets its high bit in
        // `below`, and a higher byte only above such a byte, so the lowest
        // bit set is the first digit
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        let x = u64::from_le_bytes(word) ^ (0x30 * ONES);
        let below = x.wrapping_sub(10 * ONES) & !x & (0x80 * ONES);
        if below != 0 {
            return Some(at + below.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter().position(u8::is_ascii_digit).map(|n| at + n)
}

/// The word of ASCII letters that ends at byte `end` of `bytes` (empty when
/// none does).
fn word_ending(bytes: &[u8], end: usize) -> std::ops::Range<usize> {
    let start = bytes[..end]
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    start..end
}

/// The sign of currency code `word` (in capitals, as the extractor reads
/// codes) when it is no longer than the code: "€" for "EUR", "$" for "USD".
fn glued_sign(word: &str) -> Option<&'static str> {
    if word.len() != 3 || !currency::CODES.contains(&word) {
        return None;
    }
    currency::sign_of(word).filter(|s| s.len() <= word.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_digit_finds_the_first_digit_at_or_after_a_place() {
        let texts: [&[u8]; 6] = [
            b"no digit in this text at all, none",
            b"abc9",
            b"0",
            b"a/:9 \xc3\xa9 12 and 345678901 more :;/ 7",
            b"\xff\xfe\x80\x39\x2f\x3a\x00\x09\x30",
            b"",
        ];
        for text in texts {
            for from in 0..=text.len() {
                let expected = text[from..]
                    .iter()
                    .position(u8::is_ascii_digit)
                    .map(|n| from + n);
                assert_eq!(next_digit(text, from), expected, "{text:?} from {from}");
            }
        }
        // every byte value, at every place of a word
        for b in 0..=255u8 {
            for place in 0..16 {
                let mut text = vec![b'x'; 20];
                text[place] = b;
                let expected = b.is_ascii_digit().then_some(place);
                assert_eq!(next_digit(&text, 0), expected, "byte {b} at {place}");
            }
        }
    }

    /// `written` as it was first made, word by word over the whole text: the
    /// plain reading the faster one must agree with.
    fn reference(text: &str) -> Option<String> {
        let bytes = text.as_bytes();
        let mut found: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphabetic()
                || (i > 0 && bytes[i - 1].is_ascii_alphanumeric() && !bytes[i - 1].is_ascii_digit())
            {
                i += 1;
                continue;
            }
            let end = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .map_or(bytes.len(), |n| i + n);
            let word = &text[i..end];
            // right after a digit, or after a digit and one space
            let before = text[..i].strip_suffix(' ').unwrap_or(&text[..i]);
            let after_number = before.ends_with(|c: char| c.is_ascii_digit());
            let before_number = text[end..]
                .strip_prefix(' ')
                .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
            let glued = text[end..].starts_with(|c: char| c.is_ascii_digit());
            if after_number && PERCENT_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
                found.push((i..end, "%"));
            } else if let Some(sign) = glued.then(|| glued_sign(word)).flatten() {
                found.push((i..end, sign));
            } else if before_number
                && word.len() >= "about".len()
                && about_words().iter().any(|w| w.eq_ignore_ascii_case(word))
            {
                found.push((i..end, "about"));
            }
            i = end;
        }
        // a currency's sign is padded before it
        let edits = found.into_iter().map(|(range, with)| Edit {
            pad_before: glued_sign(&text[range.clone()]).is_some(),
            range,
            with,
        });
        rewritten(text, edits)
    }

    proptest::proptest! {
        #[test]
        fn reads_as_the_word_by_word_reading(text in "[a-zA-Z0-9 .,%-]{0,40}( (pct|percent|approximately|roughly|around|circa|Pct|EUR|USD|GBP|eur) ?[0-9]{1,3}){0,3}[a-z0-9 ]{0,10}") {
            proptest::prop_assert_eq!(written(&text), reference(&text), "{:?}", text);
        }
    }

    #[test]
    fn a_word_for_per_cent_after_a_number_is_written_as_the_sign() {
        let text = "Arrivals from Peru fell 12 pct to 80,500, or 3Pct of the total.";
        let view = written(text).expect("a sign");
        assert_eq!(view.len(), text.len());
        assert_eq!(
            view,
            "Arrivals from Peru fell 12 %   to 80,500, or 3%   of the total."
        );
        assert_eq!(
            written("a rise of 4.5 percent").as_deref(),
            Some("a rise of 4.5 %      ")
        );
    }

    #[test]
    fn a_longer_word_for_about_before_a_number_is_written_about() {
        let text = "Peru sent approximately 1.4 million, roughly 9% more.";
        assert_eq!(
            written(text).as_deref(),
            Some("Peru sent about         1.4 million, about   9% more.")
        );
        // not before a word, and "some" is too short to stand for it
        assert_eq!(written("Roughly half came by air."), None);
        assert_eq!(written("some 400 came"), None);
    }

    #[test]
    fn a_currency_code_glued_to_its_number_is_written_as_its_sign() {
        let text = "The gap shrank to EUR48.1 billion, or USD52bn, from GBP9m.";
        let view = written(text).expect("signs");
        assert_eq!(view.len(), text.len());
        assert_eq!(
            view,
            "The gap shrank to €48.1 billion, or   $52bn, from  £9m."
        );
        // spaced, in lower case, or with no sign of its own: as written
        assert_eq!(written("It rose to EUR 48.1 billion."), None);
        assert_eq!(written("It rose to eur48 billion."), None);
        assert_eq!(written("It rose to CHF48 billion."), None);
    }

    #[test]
    fn the_word_elsewhere_is_left_as_written() {
        assert_eq!(written("The percent of visitors rose."), None);
        assert_eq!(written("Pct. changes are shown."), None);
        assert_eq!(written("Form 12-pct was filed."), None);
    }
}
