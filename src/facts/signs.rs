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

use crate::extract::{about_words, PERCENT_WORDS};

/// `text` with each word for per cent after a number written as "%", and
/// each longer word for "about" before one as "about", or `None` when it
/// has none.
pub(super) fn written(text: &str) -> Option<String> {
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
        if after_number && PERCENT_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            found.push((i..end, "%"));
        } else if before_number
            && word.len() >= "about".len()
            && about_words().any(|w| w.eq_ignore_ascii_case(word))
        {
            found.push((i..end, "about"));
        }
        i = end;
    }
    if found.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (r, sign) in found {
        out.push_str(&text[from..r.start]);
        out.push_str(sign);
        out.extend(std::iter::repeat_n(' ', r.len() - sign.len()));
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
    fn the_word_elsewhere_is_left_as_written() {
        assert_eq!(written("The percent of visitors rose."), None);
        assert_eq!(written("Pct. changes are shown."), None);
        assert_eq!(written("Form 12-pct was filed."), None);
    }
}
