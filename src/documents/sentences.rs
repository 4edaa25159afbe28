//! Sentence boundaries in news text.
//!
//! A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets after
//! it) followed by white space and a word that can start a sentence; at a blank
//! line; and at a line break unless the line clearly runs on (it ends in a
//! lowercase word, a digit or a comma and the next line starts in lowercase or
//! with a figure). Abbreviations ("Mr.", "U.S.", "Jan.") and decimals ("244.8")
//! do not end a sentence. Quotations are not parsed: a sentence inside quotes
//! is a sentence.

use std::ops::Range;

/// Words that end with a full stop but do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "col", "lt",
    "capt", "sgt", "rev", "hon", "pres", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp",
    "approx", "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mt", "ft", "vol", "ca", "cf", "al",
];

/// Texts longer than this are split in paragraph chunks, in parallel.
const CHUNK_BYTES: usize = 1 << 20;

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space.
pub fn split(text: &str) -> Vec<Range<usize>> {
    split_in_chunks(text, CHUNK_BYTES)
}

/// `split`, reading chunks of about `chunk` bytes that end at cuts (a
/// blank line, or a line end that ends a sentence in a long paragraph:
/// see `cuts`) in parallel. A chunk is split a section at a time, so the
/// fallback cuts of a paragraph with no sentence at a line end for 1 MiB
/// (a line end, a space) end a sentence wherever the chunks end.
fn split_in_chunks(text: &str, chunk: usize) -> Vec<Range<usize>> {
    use rayon::prelude::*;
    let parts: Vec<Vec<Range<usize>>> = super::paragraph_chunks(text, chunk)
        .into_par_iter()
        .map(|range| {
            let piece = &text[range.clone()];
            let mut out = Vec::new();
            for section in super::sections(piece) {
                let at = range.start + section.start;
                out.extend(
                    split_one(&piece[section])
                        .into_iter()
                        .map(|s| s.start + at..s.end + at),
                );
            }
            out
        })
        .collect();
    parts.concat()
}

/// Sentences of `text` in one pass, on this thread: for a caller that has
/// already cut the text at its cuts (`sections`).
pub fn split_one(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // room for a sentence per 64 bytes: the vector seldom grows
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    let mut i = 0;
    // the next terminator and the next line break at or after `i`, found by
    // memchr rather than byte by byte
    let mut next_stop = memchr::memchr3(b'.', b'!', b'?', bytes).unwrap_or(bytes.len());
    let mut next_line = memchr::memchr(b'\n', bytes).unwrap_or(bytes.len());
    while i < bytes.len() {
        if next_stop < i {
            next_stop =
                memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map_or(bytes.len(), |k| i + k);
        }
        if next_line < i {
            next_line = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |k| i + k);
        }
        i = next_stop.min(next_line);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let end = match b {
            b'.' | b'!' | b'?' => terminator_end(text, i),
            b'\n' => line_break_end(text, i),
            _ => None,
        };
        match end {
            Some(end) => {
                push_trimmed(text, start..end, &mut out);
                start = end;
                i = end;
            }
            None => i += 1,
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Where the sentence ends when the terminator at `i` ends it.
fn terminator_end(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = i + 1;
    // closing quotes and brackets belong to the sentence they close
    while let Some(c) = text[end..].chars().next() {
        if matches!(
            c,
            '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '.' | '!' | '?'
        ) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    let rest = &text[end..];
    let after_space = rest.trim_start();
    if after_space.len() == rest.len() && !rest.is_empty() {
        return None; // "244.8", "U.S.-China": no space, no boundary
    }
    // checked after the space, which turns away decimals at less cost
    if bytes[i] == b'.' && is_abbreviation(&text[..i]) {
        return None;
    }
    let next = after_space.chars().next();
    match next {
        None => Some(end),
        Some(c) if c.is_lowercase() => None,
        Some(_) => Some(end),
    }
}

/// Whether the word before a full stop is an abbreviation or an initial.
pub(super) fn is_abbreviation(before: &str) -> bool {
    // the word is read back byte by byte while it is ASCII, char by char
    // from the first byte beyond ASCII
    let bytes = before.as_bytes();
    let mut start = bytes.len();
    while start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'.') {
        start -= 1;
    }
    if start > 0 && !bytes[start - 1].is_ascii() {
        start = before[..start]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
            .last()
            .map_or(start, |(i, _)| i);
    }
    let word = &before[start..];
    if word.is_empty() {
        return false;
    }
    if word.contains('.') {
        return true; // "U.S", "e.g": dotted abbreviations
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase(); // an initial: "J. Smith"
    }
    // no abbreviation is longer than six letters: most words end here; the
    // rest are lowercased on the stack and looked up once
    if word.len() > 6 {
        return false;
    }
    static SET: std::sync::LazyLock<crate::extract::WordSet> =
        std::sync::LazyLock::new(|| crate::extract::WordSet::new(ABBREVIATIONS.iter().copied()));
    let mut lower = [0u8; 6];
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|w| SET.contains(w))
}

/// Whether the line break at `i` ends a sentence; returns the end offset.
fn line_break_end(text: &str, i: usize) -> Option<usize> {
    let before = text[..i].trim_end_matches(['\r', ' ', '\t']);
    let after = &text[i + 1..];
    let next_line = after.trim_start_matches([' ', '\t']);
    if next_line.starts_with('\n') || next_line.starts_with("\r\n") || before.is_empty() {
        return Some(i + 1); // blank line: a paragraph break
    }
    let last = before.chars().next_back();
    let first = next_line.chars().next();
    let runs_on = matches!(last, Some(c) if c.is_lowercase() || c.is_ascii_digit() || c == ',')
        && matches!(first, Some(c) if c.is_lowercase() || c.is_ascii_digit() || "$€£¥₽".contains(c));
    if runs_on {
        None
    } else {
        Some(i + 1)
    }
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    // spaces and line breaks skipped byte by byte; any other byte that is
    // not a visible ASCII character (a no-break space, a control) goes to
    // `trim_start`/`trim_end`, which know all of Unicode's white space
    let bytes = text.as_bytes();
    let (mut s, mut e) = (range.start, range.end);
    while s < e && matches!(bytes[s], b' ' | b'\n' | b'\r' | b'\t') {
        s += 1;
    }
    if s < e && !bytes[s].is_ascii_graphic() {
        s = e - text[s..e].trim_start().len();
    }
    while e > s && matches!(bytes[e - 1], b' ' | b'\n' | b'\r' | b'\t') {
        e -= 1;
    }
    if e > s && !bytes[e - 1].is_ascii_graphic() {
        e = s + text[s..e].trim_end().len();
    }
    if s < e {
        out.push(s..e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_news_text() {
        let cases: &[(&str, &[&str])] = &[
            (
                "RPA: 2024 bilateral trade reached US$244.8 billion. 2025 figures are expected to be about US$218 billion.",
                &["RPA: 2024 bilateral trade reached US$244.8 billion.", "2025 figures are expected to be about US$218 billion."],
            ),
            (
                "China faces pressure from a coordinated U.S. strategy. Mr. Xi agreed.",
                &["China faces pressure from a coordinated U.S. strategy.", "Mr. Xi agreed."],
            ),
            (
                "The U.S. President spoke. He left.",
                &["The U.S. President spoke.", "He left."],
            ),
            (
                "“These ties are self-sustaining.” Xi reciprocated.",
                &["“These ties are self-sustaining.”", "Xi reciprocated."],
            ),
            ("Tourism between the two powers\n\nRussia enjoys it.", &["Tourism between the two powers", "Russia enjoys it."]),
            ("Strategic Cooperation\nAccording to AP, it grew.", &["Strategic Cooperation", "According to AP, it grew."]),
            ("trade reaching\n$245 billion in 2024.", &["trade reaching\n$245 billion in 2024."]),
            ("Is it? Yes! Done", &["Is it?", "Yes!", "Done"]),
            ("J. Smith said so. It is 3.5 times more.", &["J. Smith said so.", "It is 3.5 times more."]),
        ];
        for (text, expected) in cases {
            assert_eq!(&sentences(text), expected, "{text}");
        }
    }

    #[test]
    fn chunked_splitting_equals_one_pass() {
        let paragraph = "RPA: 2024 bilateral trade reached US$244.8 billion. Mr. Xi agreed.\n\
                         trade reaching\n$245 billion in 2024. Is it? Yes! \u{201c}Done.\u{201d} J. Smith";
        let mut text = String::new();
        for n in 0..200 {
            text.push_str(paragraph);
            text.push_str(["\n\n", "\n \n", "\n", " ", "\n\n\n"][n % 5]);
        }
        let whole = split_one(&text);
        for chunk in [1, 7, 100, 1000] {
            assert!(super::super::paragraph_chunks(&text, chunk).len() > 1);
            assert_eq!(split_in_chunks(&text, chunk), whole, "chunks of {chunk}");
        }
    }

    #[test]
    fn a_dump_split_in_chunks_of_any_size_equals_one_pass() {
        // one sentence a line, no blank line: cut at line ends every 64 KiB
        let lines = [
            "RPA: 2024 bilateral trade reached US$244.8 billion.",
            "Trade with the U.S.",
            "Mr.",
            "trade reaching",
            "$245 billion in 2024, up 5%.",
            "\u{201c}Done.\u{201d}",
            "Is it?",
        ];
        let mut text = String::new();
        let mut n = 0;
        while text.len() < 300_000 {
            text.push_str(lines[n % lines.len()]);
            text.push_str(if n % 11 == 0 { "\r\n" } else { "\n" });
            n += 1;
        }
        let whole = split_one(&text);
        for chunk in [1, 1000, 70_000, 1 << 20] {
            if chunk < 100_000 {
                assert!(super::super::paragraph_chunks(&text, chunk).len() > 2);
            }
            assert_eq!(split_in_chunks(&text, chunk), whole, "chunks of {chunk}");
        }
    }

    #[test]
    fn empty_and_blank_text_has_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n\n  ").is_empty());
    }
}
