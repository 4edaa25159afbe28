//! A view of a text rewritten in place: each edit replaces a range with
//! shorter words padded with spaces, so the view keeps the text's length
//! and every offset into it. The views patterns are tried on
//! (`window::VIEWS`) and the text with currencies named after a country
//! blanked are all made this way.

use std::ops::Range;

/// One edit: the range of the text, and what the view reads there.
pub(super) struct Edit<'w> {
    pub(super) range: Range<usize>,
    /// No longer than the range (`rewritten` leaves a longer one out).
    pub(super) with: &'w str,
    /// Whether the padding goes before the words ("  $52": a sign stays
    /// against its number) rather than after them ("%   from").
    pub(super) pad_before: bool,
}

/// `text` with each edit (in order, none overlapping) written in, or `None`
/// when there is none.
pub(super) fn rewritten<'w>(
    text: &str,
    edits: impl IntoIterator<Item = Edit<'w>>,
) -> Option<String> {
    let mut edits = edits
        .into_iter()
        .filter(|e| e.with.len() <= e.range.len())
        .peekable();
    edits.peek()?;
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for e in edits {
        out.push_str(&text[from..e.range.start]);
        let pad = e.range.len() - e.with.len();
        if e.pad_before {
            push_spaces(&mut out, pad);
            out.push_str(e.with);
        } else {
            out.push_str(e.with);
            push_spaces(&mut out, pad);
        }
        from = e.range.end;
    }
    out.push_str(&text[from..]);
    debug_assert_eq!(out.len(), text.len());
    Some(out)
}

/// Pushes `n` spaces onto `out`, a slice at a time.
fn push_spaces(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                ";
    while n > 0 {
        let k = n.min(SPACES.len());
        out.push_str(&SPACES[..k]);
        n -= k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_the_text_s_length_and_a_longer_one_is_left_out() {
        let edit = |range, with, pad_before| Edit {
            range,
            with,
            pad_before,
        };
        let text = "Organization of X pumped USD52bn, 45 pct.";
        let view = rewritten(
            text,
            [
                edit(0..17, "X", true),
                edit(25..28, "$", true),
                edit(37..40, "%", false),
                edit(40..41, "longer", false),
            ],
        );
        assert_eq!(
            view.as_deref(),
            Some("                X pumped   $52bn, 45 %  .")
        );
        assert_eq!(rewritten(text, []), None);
        // padding longer than one slice of spaces
        let long = "x".repeat(70);
        let view = rewritten(&long, [edit(1..69, "y", false)]);
        assert_eq!(view, Some(format!("xy{}x", " ".repeat(67))));
        assert_eq!(rewritten(text, [edit(0..1, "too long", false)]), None);
    }
}
