//! Barrels of a daily rate: "Russia's average daily oil production fell by
//! 114 thousand barrels to 9.139 million"; "with daily outputs of 8.938
//! million barrels". The sentence names the rate ("daily production"), so
//! its "barrels" after a figure are barrels a day, though it does not say
//! "per day" after them; a rule whose unit is barrels per day (its pattern
//! `\bbpd\b|barrels\s+per\s+day`) should reach them.
//!
//! `written` writes each such "barrels" as "bpd", padded with spaces
//! ("114 thousand bpd     to"), so the text keeps its length and every
//! offset. Patterns are tried on the text and on this view (`window.rs`,
//! `attach.rs`), as on those of `names.rs`, `asides.rs` and `signs.rs`,
//! which it is applied to. "Barrels" that say their own time ("5 million
//! barrels a day", "barrels daily") and those of a sentence that names no
//! daily rate ("stocks rose by 5 million barrels") are left as written.

use std::sync::LazyLock;

use super::rewrite::{rewritten, Edit};

/// The unit word, after a figure.
const BARRELS: &str = "barrels";

/// A daily rate named before the figure, in its sentence: "daily" and, at
/// most two words on, a noun of a flow ("average daily oil production",
/// "daily outputs").
static DAILY_RATE: LazyLock<regex::Regex> = LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    regex::Regex::new(
        r"(?i)\bdaily\s+(?:[a-z]+\s+){0,2}?(?:production|output|outputs|supply|extraction|pumping|exports|imports|shipments|loadings|throughput|consumption|demand|flows?|sales)\b",
    )
    .expect("valid regex")
});

/// Words after "barrels" that give them their own time: "a day", "per
/// day", "daily", "of crude oil per day", "/day".
static OWN_TIME: LazyLock<regex::Regex> = LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    regex::Regex::new(
        r"(?i)^(?:\s+of(?:\s+crude)?(?:\s+oil)?)?(?:\s*/\s*d(?:ay)?\b|\s+(?:(?:per|a|an|each|every)\s+(?:day|calendar\s+day|year|month)|daily|annually|per\s+annum)\b)",
    )
    .expect("valid regex")
});

/// Scale words a figure may end with before its unit ("114 thousand").
const SCALES: [&str; 6] = ["million", "mln", "mn", "thousand", "billion", "bn"];

/// How far back the sentence of a figure is looked for (bytes).
const LOOK_BACK: usize = 300;

/// `text` with each "barrels" after a figure of a sentence that names a
/// daily rate written as "bpd", or `None` when it has none. A byte search
/// for the word: it runs on every article, and most have none.
pub(super) fn written(text: &str) -> Option<String> {
    let edits = memchr::memmem::find_iter(text.as_bytes(), BARRELS.as_bytes())
        .filter(|&at| of_a_daily_rate(text, at))
        .map(|at| Edit {
            range: at..at + BARRELS.len(),
            with: "bpd",
            pad_before: false,
        });
    rewritten(text, edits)
}

/// Whether the "barrels" at byte `at` of `text` follow a figure, say no
/// time of their own, and stand in a sentence that names a daily rate
/// before them.
fn of_a_daily_rate(text: &str, at: usize) -> bool {
    let after = &text[at + BARRELS.len()..];
    if after.starts_with(|c: char| c.is_alphanumeric()) || OWN_TIME.is_match(after) {
        return false;
    }
    let Some(before) = text[..at].strip_suffix(' ') else {
        return false;
    };
    // the figure, with its scale word: "114 thousand", "8.938 million"
    let figure_end = SCALES
        .iter()
        .find_map(|s| {
            before
                .strip_suffix(s)
                .filter(|b| b.ends_with(' '))
                .map(str::trim_end)
        })
        .unwrap_or(before);
    if !figure_end.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    DAILY_RATE.is_match(sentence_before(text, figure_end.len()))
}

/// The part of the sentence of `text` that ends at byte `end`: back to the
/// last line break, or full stop, question or exclamation mark followed by
/// a space and a capital, at most `LOOK_BACK` bytes.
fn sentence_before(text: &str, end: usize) -> &str {
    let mut start = end.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let part = &text[start..end];
    let bytes = part.as_bytes();
    let cut = (0..bytes.len())
        .rev()
        .find(|&i| {
            bytes[i] == b'\n'
                || (matches!(bytes[i], b'.' | b'?' | b'!')
                    && bytes.get(i + 1) == Some(&b' ')
                    && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase))
        })
        .map_or(0, |i| i + 1);
    &part[cut..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn barrels_of_a_daily_rate_are_written_bpd() {
        let text = "Norway's average daily output rose by 20 thousand barrels to 1.85 million.";
        let view = written(text).expect("a daily rate");
        assert_eq!(view.len(), text.len());
        assert_eq!(
            view,
            "Norway's average daily output rose by 20 thousand bpd     to 1.85 million."
        );
        assert_eq!(
            written("Kuwait and Oman led, with daily outputs of 2.4 million barrels and 1 million barrels, respectively.").as_deref(),
            Some("Kuwait and Oman led, with daily outputs of 2.4 million bpd     and 1 million bpd    , respectively.")
        );
    }

    #[test]
    fn barrels_with_their_own_time_or_no_daily_rate_are_left_as_written() {
        // their own time
        assert_eq!(
            written("Its daily production reached 2.4 million barrels a day."),
            None
        );
        assert_eq!(
            written("Daily output was 2.4 million barrels of crude per day."),
            None
        );
        assert_eq!(written("Daily exports hit 900,000 barrels daily."), None);
        // no daily rate in the sentence: another sentence, or "daily" of
        // something that is no flow
        assert_eq!(
            written("Its daily output is rising. Stocks gained 5 million barrels."),
            None
        );
        assert_eq!(
            written("The daily report counted 5 million barrels in storage."),
            None
        );
        // no figure right before
        assert_eq!(written("Daily output of barrels rose."), None);
        assert_eq!(written("Daily output rose by millions of barrels."), None);
    }
}
