//! Asides set off by commas inside a clause: "Travellers from Hong Kong,
//! by contrast, fell 33.4% to 166,800"; "all 23 members of OPEC+, however,
//! produced 42.75 million barrels per day". The aside is no part of what the
//! clause says, but its commas keep a rule's pattern ("Hong Kong … fell …
//! 166,800", "OPEC+ … production") from reaching across it.
//!
//! So do the comma or the parentheses that set off a figure in apposition:
//! "South Korea sent the most visitors, 4,783,500, up 7.7%" (a pattern
//! "Korea … 4,783,500" that does not cross commas should reach it).
//!
//! `blanked` writes each such aside, its commas included, as spaces, so the
//! text keeps its length and every offset. Patterns are tried on the text
//! and on this view (`window.rs`, `attach.rs`), as on the view of
//! organizations' other names (`names.rs`), which it is applied to.

use super::rewrite::{rewritten, Edit};

/// Words and phrases that, set off by a comma on each side, are an aside.
const ASIDES: [&str; 26] = [
    "however",
    "by contrast",
    "in contrast",
    "meanwhile",
    "moreover",
    "though",
    "too",
    "also",
    "in turn",
    "for its part",
    "for their part",
    "in addition",
    "on the other hand",
    "in particular",
    "notably",
    "again",
    "instead",
    "nevertheless",
    "nonetheless",
    "likewise",
    "similarly",
    "for example",
    "for instance",
    "as a result",
    "as expected",
    "in fact",
];

/// Each place in `text` where a comma and a space stand before one of
/// `phrases` (in any case): the comma's offset and the phrase. The caller
/// says what must follow the phrase. A byte search: it runs on every
/// article.
pub(super) fn after_commas<'t, 'p>(
    text: &'t str,
    phrases: &'p [&'p str],
) -> impl Iterator<Item = (usize, &'p str)> + 't
where
    'p: 't,
{
    let bytes = text.as_bytes();
    memchr::memchr_iter(b',', bytes).filter_map(move |at| {
        if bytes.get(at + 1) != Some(&b' ') {
            return None;
        }
        // ", " is two ASCII bytes, so `at + 2` starts a character
        let rest = text.get(at + 2..)?;
        // (the first letter rules out most phrases at once)
        let first = rest.as_bytes().first()?.to_ascii_lowercase();
        phrases
            .iter()
            .find(|p| {
                p.as_bytes().first().map(u8::to_ascii_lowercase) == Some(first)
                    && rest
                        .get(..p.len())
                        .is_some_and(|w| w.eq_ignore_ascii_case(p))
            })
            .map(|p| (at, *p))
    })
}

/// `text` with each aside (", however,") and the punctuation that sets
/// off a figure in apposition (`set_off_figures`) written as spaces, or
/// `None` when it has none.
pub(super) fn blanked(text: &str) -> Option<String> {
    // the aside and both its commas: ", however," (the space after it
    // stays)
    let mut found: Vec<std::ops::Range<usize>> = after_commas(text, &ASIDES)
        .filter(|&(at, aside)| text[at + 2 + aside.len()..].starts_with(", "))
        .map(|(at, aside)| at..at + 2 + aside.len() + 1)
        .collect();
    found.extend(set_off_figures(text).into_iter().map(|at| at..at + 1));
    found.sort_by_key(|r| r.start);
    found.dedup_by(|b, a| b.start < a.end);
    rewritten(
        text,
        found.into_iter().map(|range| Edit {
            range,
            with: "",
            pad_before: false,
        }),
    )
}

/// The end of a bare count written at `start` of `text`: digits with the
/// commas and points inside them, then at most a scale word ("4,783,500",
/// "6.96 million"); `None` when no count starts there. A currency sign, a
/// percent sign or a unit after it is no bare count.
fn bare_count_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        let inside = matches!(b, b',' | b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if !(b.is_ascii_digit() || (end > start && inside)) {
            break;
        }
        end += 1;
    }
    if end == start {
        return None;
    }
    // a scale word after a space: "6.96 million"
    if bytes.get(end) == Some(&b' ') {
        let word_end = text[end + 1..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .map_or(text.len(), |i| end + 1 + i);
        if crate::extract::scale_word(&text[end + 1..word_end], false).is_some() {
            end = word_end;
        }
    }
    Some(end)
}

/// The commas and parentheses that set off a bare count standing in
/// apposition to the words before it: "South Korea sent the most
/// visitors, 4,783,500, up 7.7%"; "the largest group last year (4.56
/// million)". The figure restates the noun phrase, so a pattern that does
/// not cross commas or parentheses ("Korea … 4,783,500") should reach it.
/// Only after a word (not after a year or another figure: "In 2024, 36
/// million visitors came") and only a figure that the clause ends with (a
/// comma, a full stop, a semicolon or the closing parenthesis after it:
/// not "Last year, 36 million visitors came"). Byte offsets of the
/// punctuation to blank.
fn set_off_figures(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let letter_at = |i: Option<usize>| {
        i.and_then(|i| bytes.get(i))
            .is_some_and(u8::is_ascii_alphabetic)
    };
    let mut out = Vec::new();
    for at in memchr::memchr2_iter(b',', b'(', bytes) {
        let (open, close): (usize, &[u8]) = match bytes[at] {
            // ", 6.96 million," after a word
            b',' if bytes.get(at + 1) == Some(&b' ') && letter_at(at.checked_sub(1)) => {
                (at + 2, b",.;")
            }
            // " (4.56 million)" after a word
            b'(' if at >= 1 && bytes[at - 1] == b' ' && letter_at(at.checked_sub(2)) => {
                (at + 1, b")")
            }
            _ => continue,
        };
        let Some(end) = bare_count_end(text, open) else {
            continue;
        };
        let ends_clause = match bytes.get(end) {
            Some(b) => close.contains(b),
            None => close != b")",
        };
        if !ends_clause {
            continue;
        }
        out.push(at);
        if bytes[at] == b'(' {
            out.push(end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text`, one space between each.
    fn words(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn an_aside_between_commas_is_blanked_and_offsets_stay() {
        let text = "Visitors from Macau, by contrast, fell 12% to 80,500.";
        let view = blanked(text).expect("an aside");
        assert_eq!(view.len(), text.len());
        assert_eq!(words(&view), "Visitors from Macau fell 12% to 80,500.");
        assert_eq!(view.find("fell"), text.find("fell"));
        let text = "Output of the group, However, rose.";
        let view = blanked(text).expect("an aside");
        assert_eq!(words(&view), "Output of the group rose.");
    }

    #[test]
    fn a_count_in_apposition_loses_its_comma_or_parentheses() {
        let text = "Canada sent the most guests, 1,204,300, up 4%.";
        let view = blanked(text).expect("an apposition");
        assert_eq!(view.len(), text.len());
        assert_eq!(
            words(&view),
            "Canada sent the most guests 1,204,300, up 4%."
        );
        let text = "Germans were the second group, 2.3 million.";
        assert_eq!(
            words(&blanked(text).expect("at the end")),
            "Germans were the second group 2.3 million."
        );
        let text = "Kenyans were the largest group in May (81,200), then Ghanaians (40 thousand).";
        assert_eq!(
            words(&blanked(text).expect("in parentheses")),
            "Kenyans were the largest group in May 81,200 , then Ghanaians 40 thousand ."
        );
    }

    #[test]
    fn a_figure_that_opens_a_clause_or_has_a_unit_keeps_its_commas() {
        // after a year, or followed by its noun: not an apposition
        assert_eq!(blanked("In 2021, 4.5 million guests came."), None);
        assert_eq!(blanked("Last spring, 4.5 million guests came."), None);
        // money, percentages, a conversion keep their punctuation
        assert_eq!(blanked("Sales rose, 12%, to a record."), None);
        assert_eq!(blanked("It earned 5 billion rand ($270 million)."), None);
        assert_eq!(blanked("Fees came to ¥400 billion, $2.6 billion."), None);
        // a figure that is part of a longer parenthesis
        assert_eq!(blanked("Peru (1.2 million in 2023) led."), None);
    }

    #[test]
    fn commas_of_a_list_or_a_clause_stay() {
        // no aside: a list, a clause, an aside word that starts a clause
        assert_eq!(blanked("Korea, China, and Taiwan sent 9 million."), None);
        assert_eq!(
            blanked("Exports rose, however slowly, to €10 billion."),
            None
        );
        assert_eq!(blanked("It fell, though not by much."), None);
        assert_eq!(blanked("However, exports rose."), None);
        // two asides in one text
        let text = "A, too, rose; B, meanwhile, fell.";
        let view = blanked(text).expect("asides");
        assert_eq!(words(&view), "A rose; B fell.");
    }
}
