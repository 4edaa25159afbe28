//! Tokens for the extractor: runs of digits, runs of letters, and single
//! symbols, each with its byte span and the kind of gap before it.
//!
//! A digit run takes in `,` and `.` only between digits ("1,234.5"), so a
//! full stop after a figure stays a symbol. Everything else about meaning is
//! left to the parsers in this folder.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Digits,
    Word,
    Symbol,
}

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Nothing: "US$", "245bn", "twenty-three".
    Glued,
    /// Spaces or one line break.
    Space,
    /// A blank line: nothing is read across it.
    Paragraph,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: TokKind,
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
}

/// Splits `text` into tokens; offsets are relative to `text`.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut newlines = 0;
    let mut spaced = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            spaced = true;
            newlines += usize::from(b == b'\n');
            i += 1;
            continue;
        }
        let gap = match (spaced, newlines) {
            (_, n) if n >= 2 => Gap::Paragraph,
            (true, _) => Gap::Space,
            _ => Gap::Glued,
        };
        let (kind, end) = if b.is_ascii_digit() {
            (TokKind::Digits, digits_end(text, i))
        } else if b.is_ascii_alphabetic() {
            (TokKind::Word, word_end(text, i))
        } else if b.is_ascii() {
            (TokKind::Symbol, i + 1)
        } else {
            // cannot fail: `i` is always on a char boundary (we only step by
            // whole ASCII bytes or whole chars)
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_alphabetic() {
                (TokKind::Word, word_end(text, i))
            } else if c.is_whitespace() {
                // non-ASCII white space (no-break space and the like)
                spaced = true;
                i += c.len_utf8();
                continue;
            } else {
                (TokKind::Symbol, i + c.len_utf8())
            }
        };
        tokens.push(Token {
            kind,
            start: i,
            end,
            gap,
        });
        i = end;
        spaced = false;
        newlines = 0;
    }
    tokens
}

fn digits_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let end = run_end(bytes, start);
    // a run with commas that are no grouping and no decimal comma is a list:
    // "22,24,26,31" is four numbers, so the token ends at the first comma
    // (the run is ASCII digits and separators: `start..end` are boundaries)
    let run = text.get(start..end).unwrap_or("");
    let in_list = start >= 2 && bytes[start - 1] == b',' && bytes[start - 2].is_ascii_digit();
    if run.contains(',') && (in_list || super::number::parse_digits(run).is_none()) {
        if let Some(comma) = run.find(',') {
            return start + comma;
        }
    }
    end
}

fn run_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        let b = bytes[i];
        let sep_then_digit =
            (b == b',' || b == b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || sep_then_digit {
            i += 1;
        } else {
            break;
        }
    }
    i
}

fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    loop {
        // ASCII letters byte by byte; anything else as a whole char
        while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
        match bytes.get(i) {
            Some(b) if !b.is_ascii() => match text.get(i..).and_then(|r| r.chars().next()) {
                Some(c) if c.is_alphabetic() => i += c.len_utf8(),
                _ => return i,
            },
            _ => return i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<(String, Gap)> {
        tokenize(text)
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.gap))
            .collect()
    }

    #[test]
    fn splits_figures_words_and_symbols() {
        let got = show("US$244.8bn, 1,234 twenty-three.\n\nNext");
        let texts: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            texts,
            ["US", "$", "244.8", "bn", ",", "1,234", "twenty", "-", "three", ".", "Next"]
        );
        assert_eq!(got[1].1, Gap::Glued);
        assert_eq!(got[5].1, Gap::Space);
        assert_eq!(got[10].1, Gap::Paragraph);
    }

    #[test]
    fn trailing_separators_are_not_digits() {
        let texts: Vec<String> = show("in 2024. 1,2").into_iter().map(|t| t.0).collect();
        assert_eq!(texts, ["in", "2024", ".", "1,2"]);
        let list: Vec<String> = show("nrs. 22,24,26,31.").into_iter().map(|t| t.0).collect();
        assert_eq!(
            list,
            ["nrs", ".", "22", ",", "24", ",", "26", ",", "31", "."]
        );
    }

    #[test]
    fn non_ascii_text_keeps_boundaries() {
        let texts: Vec<String> = show("Russia’s ₽5\u{a0}trn — €3")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(texts, ["Russia", "’", "s", "₽", "5", "trn", "—", "€", "3"]);
    }
}
