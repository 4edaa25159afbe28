//! Where a text may be cut into pieces that are read apart (in parallel, or
//! a block of a file at a time) and give what the whole text gives.
//!
//! A cut is a place that no sentence, figure, list of figures or carried
//! period runs across. Where the cuts are is decided by the text alone,
//! never by how long the pieces are to be, so the pieces of any size give
//! the same figures:
//!
//! - every blank line ("\n\n"): a paragraph break;
//! - in a paragraph with no blank line for more than 64 KiB (a dump of one
//!   sentence a line): the first line end at least 64 KiB after the last
//!   cut whose line ends a sentence: ".", "!" or "?", closing quotes or
//!   brackets after it, and a full stop not after an abbreviation or an
//!   initial ("U.S.", "Mr.", "J."). No sentence or figure runs across such
//!   a line end; what the cut loses is a period carried from the sentences
//!   before it (the extractor carries one up to three sentences back within
//!   a paragraph, and a section of a long paragraph is a paragraph for it);
//! - with no such line end for 1 MiB after the last cut: the first line end
//!   of any kind. A sentence that runs over it is read as two: "trade
//!   reached\n$245 billion" loses the words before the figure (the rule's
//!   words, the period, the role), and "$245\nbillion" is read as $245;
//! - with no line end for 2 MiB: the first space ("245 billion" may be read
//!   as 245 and a word);
//! - with no space either for 3 MiB: the first character boundary (a word
//!   or a number may be cut in two).
//!
//! So a section (the text between two cuts) is never longer than 3 MiB, and
//! a text of any size is read in bounded memory. A cut at `k` is decided by
//! the text up to `k + 1` (the byte after a line end tells a blank line),
//! so the cuts found in the start of a text are cuts of the whole text,
//! wherever the rest goes on: a file read a block at a time (`Pieces`) is
//! cut where the whole file is.

use std::ops::Range;

/// How far past the last cut each kind of cut is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reach {
    /// A line end that ends a sentence, from this many bytes on.
    pub sentence: usize,
    /// Any line end, from this many bytes on.
    pub line: usize,
    /// A space or a line end, from this many bytes on.
    pub space: usize,
    /// Any character boundary, from this many bytes on.
    pub any: usize,
}

/// The reach of every cut made: see the module's doc.
pub(crate) const REACH: Reach = Reach {
    sentence: 64 << 10,
    line: 1 << 20,
    space: 2 << 20,
    any: 3 << 20,
};

/// `text` cut into ranges of at least `chunk` bytes, each ending at a cut
/// (see the module's doc), so every piece after the first begins with a
/// paragraph break or a line end, as it does in the whole text. Nothing (no
/// sentence, no figure) runs across a cut, so the pieces can be read apart,
/// in parallel, and give what the whole gives, whatever `chunk` is.
pub fn paragraph_chunks(text: &str, chunk: usize) -> Vec<Range<usize>> {
    chunks_within(text, chunk, REACH)
}

/// `text` cut at the cuts that are not blank lines, as `sections_within`.
pub(crate) fn sections(text: &str) -> Vec<Range<usize>> {
    sections_within(text, REACH)
}

/// `text` (which starts at a cut) cut at every cut that is not a blank
/// line: the pieces that a reader who stops at blank lines by itself (the
/// sentence splitter, the figure parser) must be given apart. A text with
/// no paragraph longer than `reach.sentence` is one piece.
pub(crate) fn sections_within(text: &str, reach: Reach) -> Vec<Range<usize>> {
    if text.len() <= reach.sentence + 1 {
        // no cut but a blank line can be this close to the start
        return std::iter::once(0..text.len()).collect();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while let Some(cut) = next_cut(text, at, reach) {
        if !bytes[cut..].starts_with(b"\n\n") {
            out.push(start..cut);
            start = cut;
        }
        at = cut;
    }
    out.push(start..text.len());
    out
}

/// Whether the text between two cuts ends with the one at `cut` being a
/// blank line (the cuts of `paragraph_chunks` that every reader stops at).
pub(crate) fn is_blank_line(text: &str, cut: usize) -> bool {
    text.as_bytes()
        .get(cut..)
        .is_some_and(|b| b.starts_with(b"\n\n"))
}

pub(crate) fn chunks_within(text: &str, chunk: usize, reach: Reach) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(cut) = cut_after(text, start, chunk, reach) {
        out.push(start..cut);
        start = cut;
    }
    out.push(start..text.len());
    out
}

/// The first cut at least `chunk` bytes after `start` (a cut, or the start
/// of the text), if the text decides one.
fn cut_after(text: &str, start: usize, chunk: usize, reach: Reach) -> Option<usize> {
    let target = start.saturating_add(chunk.max(1));
    let bytes = text.as_bytes();
    if target >= bytes.len() {
        return None;
    }
    // the cuts before `target` are passed over: the walk starts at the
    // last blank line before it (a cut: every blank line is one), and goes
    // from cut to cut, each found from the one before
    let mut at = find_last_blank_line(&bytes[start + 1..target]).map_or(start, |k| start + 1 + k);
    loop {
        let cut = next_cut(text, at, reach)?;
        if cut >= target {
            return Some(cut);
        }
        at = cut;
    }
}

/// The first cut after `s` (a cut, or the start of the text), if the text
/// decides one: a cut at `k` is decided by `text[..k + 2]`.
fn next_cut(text: &str, s: usize, reach: Reach) -> Option<usize> {
    let bytes = text.as_bytes();
    // a cut at k needs the byte after it read
    let end = bytes.len().saturating_sub(1);
    if s >= end {
        return None;
    }
    // a blank line before a sentence's line end can be a cut
    let near = s.saturating_add(reach.sentence).min(end);
    if s + 1 < near {
        if let Some(k) = find_blank_line(&bytes[s + 1..=near]) {
            return Some(s + 1 + k);
        }
    }
    if near < s.saturating_add(reach.sentence) {
        return None;
    }
    // line ends: a blank line, one that ends a sentence, or (far enough
    // on) any
    let far = s.saturating_add(reach.line);
    let lines_to = s.saturating_add(reach.space).min(end);
    for k in memchr::memchr_iter(b'\n', &bytes[near..lines_to]).map(|k| near + k) {
        if bytes[k + 1] == b'\n' || k >= far || ends_sentence(text, k) {
            return Some(k);
        }
    }
    if lines_to < s.saturating_add(reach.space) {
        return None;
    }
    let spaces_to = s.saturating_add(reach.any).min(end);
    if let Some(k) = memchr::memchr2(b'\n', b' ', &bytes[lines_to..spaces_to]) {
        return Some(lines_to + k);
    }
    // no space for so long: the first character boundary, short of the
    // text's last byte
    (spaces_to..end).find(|&k| text.is_char_boundary(k))
}

/// Whether the line that ends at `k` (a line break) ends a sentence: its
/// last character, closing quotes and brackets aside, is ".", "!" or "?",
/// and a full stop is not one of an abbreviation or initial. The sentence
/// splitter ends a sentence at such a line end, whatever the next line is.
fn ends_sentence(text: &str, k: usize) -> bool {
    let line = text[..k].trim_end_matches(['\r', ' ', '\t']);
    let line = line.trim_end_matches(['"', '\'', ')', ']', '”', '’', '»']);
    match line.as_bytes().last() {
        Some(b'!' | b'?') => true,
        Some(b'.') => !super::sentences::is_abbreviation(&line[..line.len() - 1]),
        _ => false,
    }
}

/// Where the first blank line ("\n\n") of `bytes` starts.
pub(crate) fn find_blank_line(bytes: &[u8]) -> Option<usize> {
    // built once: a chunk of a paragraph or so searches many times
    static BLANK_LINE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"\n\n"));
    BLANK_LINE.find(bytes)
}

/// Where the last blank line ("\n\n") of `bytes` starts.
fn find_last_blank_line(bytes: &[u8]) -> Option<usize> {
    static BLANK_LINE: std::sync::LazyLock<memchr::memmem::FinderRev<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::FinderRev::new(b"\n\n"));
    BLANK_LINE.rfind(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A small reach, so that short texts are cut as long ones are.
    const SMALL: Reach = Reach {
        sentence: 40,
        line: 90,
        space: 140,
        any: 190,
    };

    /// Every cut of `text`, walked from its start.
    fn cuts(text: &str, reach: Reach) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(cut) = next_cut(text, at, reach) {
            assert!(cut > at);
            out.push(cut);
            at = cut;
        }
        out
    }

    #[test]
    fn chunks_end_at_blank_lines_or_at_line_ends_far_enough_on() {
        let text = "aaaa\n\nbbbb\n\ncccc";
        assert_eq!(chunks_within(text, 2, SMALL), vec![0..4, 4..10, 10..16]);
        // one sentence a line: after 40 bytes, the next line end that ends
        // a sentence; not after "U.S." or "Mr."
        let text = "One line here.\nTwo lines here.\nThree lines now.\nFour of U.S.\nFive Mr.\nSix lines.\nSeven.\n";
        let at = |s: &str| text.find(s).expect("in text") - 1;
        assert_eq!(cuts(text, SMALL), [at("Four")]);
        let text = "One line here.\nTwo lines here.\nThree lines now at U.S.\nFive Mr.\nSix lines.\nSeven.\n";
        let at = |s: &str| text.find(s).expect("in text") - 1;
        assert_eq!(cuts(text, SMALL), [at("Seven")]);
        // no sentence ends a line: any line end after 90 bytes, a space
        // after 140, any character after 190
        let line = "word word word word word, and\n";
        let text = line.repeat(10);
        assert_eq!(cuts(&text, SMALL), [119, 209]);
        let text = "word ".repeat(60);
        assert_eq!(cuts(&text, SMALL), [144, 284]);
        let text = "é".repeat(200);
        assert_eq!(cuts(&text, SMALL), [190, 380]);
    }

    #[test]
    fn a_text_with_no_long_paragraph_is_one_section() {
        let text = "One.\nTwo.\n\n".repeat(100);
        assert_eq!(sections_within(&text, SMALL), vec![0..text.len()]);
        let text = "One sentence a line.\n".repeat(10);
        let s = sections_within(&text, SMALL);
        assert_eq!(s.len(), 5, "{s:?}");
        assert!(s.iter().skip(1).all(|r| text[r.clone()].starts_with('\n')));
    }

    /// Text of sentences, lines, blank lines, spaces and long words.
    fn text() -> impl Strategy<Value = String> {
        let part = prop_oneof![
            Just("Trade rose 5% to $245 billion in 2024."),
            Just("It was U.S."),
            Just("Mr."),
            Just("“Done.”"),
            Just("and then some"),
            Just("é"),
            Just("word"),
            Just("Is it?"),
        ];
        let gap = prop_oneof![
            Just(" "),
            Just(" "),
            Just("\n"),
            Just("\n"),
            Just("\r\n"),
            Just("\n\n"),
            Just(""),
        ];
        prop::collection::vec((part, gap), 0..120)
            .prop_map(|v| v.into_iter().map(|(p, g)| format!("{p}{g}")).collect())
    }

    proptest! {
        /// Chunks of any size end at cuts, and at every cut whose distance
        /// from the chunk's start allows it; a start of the text is cut
        /// where the whole is.
        #[test]
        fn chunks_of_any_size_end_at_the_same_cuts(text in text(), chunk in 1usize..300, cut_off in 0usize..5000) {
            let all = cuts(&text, SMALL);
            let chunks = chunks_within(&text, chunk, SMALL);
            prop_assert_eq!(chunks.last().map(|c| c.end), Some(text.len()));
            for pair in chunks.windows(2) {
                prop_assert_eq!(pair[0].end, pair[1].start);
                prop_assert!(all.contains(&pair[0].end));
                prop_assert!(pair[0].len() >= chunk);
                prop_assert!(pair[0].len() <= chunk + SMALL.any + 4);
                // the first cut far enough on
                let first = all.iter().find(|&&c| c >= pair[0].start + chunk);
                prop_assert_eq!(first, Some(&pair[0].end));
            }
            // sections of the whole are at its cuts that are not blank lines
            let sections = sections_within(&text, SMALL);
            for s in &sections[1..] {
                prop_assert!(all.contains(&s.start) && !is_blank_line(&text, s.start));
            }
            // a start of the text (a file read so far) is cut where the whole is
            let mut end = cut_off.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let head = cuts(&text[..end], SMALL);
            prop_assert_eq!(&all[..head.len()], &head[..]);
        }

        /// The sentences of the sections are the sentences of the whole.
        #[test]
        fn no_sentence_runs_across_a_cut(text in text()) {
            let whole = super::super::sentences::split_one(&text);
            let by_sections: Vec<Range<usize>> = sections_within(&text, SMALL)
                .into_iter()
                .flat_map(|s| {
                    super::super::sentences::split_one(&text[s.clone()])
                        .into_iter()
                        .map(move |r| r.start + s.start..r.end + s.start)
                })
                .collect();
            // sections at a line end that ends a sentence split nothing;
            // only the fallbacks (any line end, a space) may
            let fallback = cuts(&text, SMALL).iter().any(|&c| {
                let sentence = text.as_bytes()[c] == b'\n' && ends_sentence(&text, c);
                !(is_blank_line(&text, c) || sentence)
            });
            if !fallback {
                prop_assert_eq!(by_sections, whole);
            }
        }
    }
}
