//! Words a figure's sign is written as: "45 pct", "12 percent". A rule's
//! pattern that reads a change or a share by its sign (`\d+\s*%`) should
//! reach "plunged about 45 pct from a year earlier to about 330,000" too.
//!
//! `written` writes each such word after a number as the sign, padded with
//! spaces ("45 %   from"), so the text keeps its length and every offset.
//! Patterns are tried on the text and on this view (`window.rs`,
//! `attach.rs`), as on the views of `names.rs` and `asides.rs`, which it is
//! applied to. The words are the extractor's (`PERCENT_WORDS`).

use crate::extract::PERCENT_WORDS;

/// `text` with each word for per cent after a number written as "%", or
/// `None` when it has none.
pub(super) fn written(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
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
        if after_number && PERCENT_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            found.push(i..end);
        }
        i = end;
    }
    if found.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for r in found {
        out.push_str(&text[from..r.start]);
        out.push('%');
        out.extend(std::iter::repeat_n(' ', r.len() - 1));
        from = r.end;
    }
    out.push_str(&text[from..]);
    debug_assert_eq!(out.len(), text.len());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_word_elsewhere_is_left_as_written() {
        assert_eq!(written("The percent of visitors rose."), None);
        assert_eq!(written("Pct. changes are shown."), None);
        assert_eq!(written("Form 12-pct was filed."), None);
    }
}
