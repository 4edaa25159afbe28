//! Asides set off by commas inside a clause: "Travellers from Hong Kong,
//! by contrast, fell 33.4% to 166,800"; "all 23 members of OPEC+, however,
//! produced 42.75 million barrels per day". The aside is no part of what the
//! clause says, but its commas keep a rule's pattern ("Hong Kong … fell …
//! 166,800", "OPEC+ … production") from reaching across it.
//!
//! `blanked` writes each such aside, its commas included, as spaces, so the
//! text keeps its length and every offset. Patterns are tried on the text
//! and on this view (`window.rs`, `attach.rs`), as on the view of
//! organizations' other names (`names.rs`), which it is applied to.

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
        phrases
            .iter()
            .find(|p| {
                rest.get(..p.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(p))
            })
            .map(|p| (at, *p))
    })
}

/// `text` with each aside (", however,") written as spaces, or `None`
/// when it has none.
pub(super) fn blanked(text: &str) -> Option<String> {
    // the aside and both its commas: ", however," (the space after it
    // stays)
    let found: Vec<std::ops::Range<usize>> = after_commas(text, &ASIDES)
        .filter(|&(at, aside)| text[at + 2 + aside.len()..].starts_with(", "))
        .map(|(at, aside)| at..at + 2 + aside.len() + 1)
        .collect();
    if found.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for r in found {
        out.push_str(&text[from..r.start]);
        out.extend(std::iter::repeat_n(' ', r.len()));
        from = r.end;
    }
    out.push_str(&text[from..]);
    debug_assert_eq!(out.len(), text.len());
    Some(out)
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
