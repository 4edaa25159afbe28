//! Tokens for the extractor: runs of digits, runs of letters, and single
//! symbols, each with its byte span and the kind of gap before it.
//!
//! A digit run takes in `,` and `.` only between digits ("1,234.5"), so a
//! full stop after a figure stays a symbol. Everything else about meaning is
//! left to the parsers in this folder.

mod window;

use super::number;

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
    /// Byte offsets as `u32`: a token is 12 bytes, so a chunk's tokens stay
    /// in the cache (chunks are far below 4 GiB: see `paragraph_chunks`).
    start: u32,
    end: u32,
    pub kind: TokKind,
    pub gap: Gap,
    /// A token no reading can start with, known while its bytes are at
    /// hand: a word of no trigger word's shape, an ASCII symbol other than
    /// "$" and "-". The parser passes over it at once.
    pub quiet: bool,
}

impl Token {
    pub(crate) fn start(&self) -> usize {
        self.start as usize
    }

    pub(crate) fn end(&self) -> usize {
        self.end as usize
    }
}

/// What a byte is, for the tokenizer's one table look-up per byte.
/// Ordered: letters and wide bytes last, for one comparison in `tokenize`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    /// ASCII white space other than a line feed.
    Space,
    Newline,
    Digit,
    /// Any other ASCII byte.
    Symbol,
    Letter,
    /// A byte of a character beyond ASCII.
    Wide,
}

static CLASSES: [Class; 256] = {
    let mut table = [Class::Wide; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte == b'\n' {
            Class::Newline
        } else if byte.is_ascii_whitespace() {
            Class::Space
        } else if byte.is_ascii_digit() {
            Class::Digit
        } else if byte.is_ascii_alphabetic() {
            Class::Letter
        } else {
            Class::Symbol
        };
        b += 1;
    }
    table
};

/// Splits `text` into tokens; offsets are relative to `text`. A text of
/// 4 GiB or more has no tokens (its chunks are far smaller).
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    if u32::try_from(text.len()).is_err() {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let shapes = super::parse::trigger_shapes();
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut i = 0;
    let mut newlines = 0u32;
    let mut spaced = false;
    while let Some(&b) = bytes.get(i) {
        let class = CLASSES[usize::from(b)];
        let start = i;
        // the common case, words and symbols: read 64 bytes at a time
        let window = match class {
            Class::Letter | Class::Symbol => {
                window::read(bytes, i, gap_of(newlines, spaced), shapes, &mut tokens)
            }
            _ => None,
        };
        // one token to push, none after a window or white space
        let single = match (window, class) {
            (Some(end), _) => {
                i = end;
                None
            }
            (None, Class::Space | Class::Newline) => {
                spaced = true;
                newlines += u32::from(class == Class::Newline);
                i += 1;
                continue;
            }
            (None, Class::Letter) => {
                i = word_end(text, i);
                Some((TokKind::Word, !shapes.may_start(&bytes[start..i])))
            }
            (None, Class::Digit) => {
                i = digits_end(text, i);
                Some((TokKind::Digits, false))
            }
            (None, Class::Symbol) => {
                i += 1;
                Some((TokKind::Symbol, quiet_symbol(b)))
            }
            (None, Class::Wide) => match wide(text, i) {
                (Wide::Token(kind), end) => {
                    i = end;
                    let quiet = kind == TokKind::Word && !shapes.may_start(&bytes[start..i]);
                    Some((kind, quiet))
                }
                (Wide::Space, end) => {
                    // non-ASCII white space (no-break space and the like)
                    spaced = true;
                    i = end;
                    continue;
                }
                (Wide::Invisible, end) => {
                    // a right-to-left mark, a zero-width space: no gap
                    i = end;
                    continue;
                }
            },
        };
        if let Some((kind, quiet)) = single {
            tokens.push(Token {
                kind,
                // cannot truncate: `tokenize` refuses texts of 4 GiB and more
                start: start as u32,
                end: i as u32,
                gap: gap_of(newlines, spaced),
                quiet,
            });
        }
        newlines = 0;
        // one space before the next token, the common case: skipped here
        spaced = bytes.get(i) == Some(&b' ');
        i += usize::from(spaced);
    }
    tokens
}

/// Whether the ASCII symbol `b` starts no reading: all but "$" and "-"
/// ("$5", "-1.8") are context ("," "." "(").
fn quiet_symbol(b: u8) -> bool {
    !matches!(b, b'$' | b'-')
}

fn gap_of(newlines: u32, spaced: bool) -> Gap {
    if newlines >= 2 {
        Gap::Paragraph
    } else if spaced {
        Gap::Space
    } else {
        Gap::Glued
    }
}

/// What a character beyond ASCII starts.
enum Wide {
    Token(TokKind),
    /// White space: a gap.
    Space,
    /// An invisible format character (`number::is_invisible`): no gap.
    Invisible,
}

/// The token that starts with a character beyond ASCII at `i`: a word,
/// digits of another script ("٢٤٥", "２４５"), a symbol, white space or an
/// invisible mark, and where it ends.
fn wide(text: &str, i: usize) -> (Wide, usize) {
    // cannot fail: `i` is always on a char boundary (we only step by whole
    // ASCII bytes or whole chars)
    let c = text[i..].chars().next().unwrap_or(' ');
    if c.is_alphabetic() {
        (Wide::Token(TokKind::Word), word_end(text, i))
    } else if number::unicode_digit(c).is_some() {
        (Wide::Token(TokKind::Digits), digits_end(text, i))
    } else if c.is_whitespace() {
        (Wide::Space, i + c.len_utf8())
    } else if number::is_invisible(c) {
        (Wide::Invisible, i + c.len_utf8())
    } else {
        (Wide::Token(TokKind::Symbol), i + c.len_utf8())
    }
}

fn digits_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let end = run_end(text, start);
    // a run with commas that are no grouping and no decimal comma is a list:
    // "22,24,26,31" is four numbers, so the token ends at the first comma
    // (the run is digits, separators and invisible marks, stepped over by
    // whole characters: `start..end` are boundaries)
    let run = text.get(start..end).unwrap_or("");
    let in_list = start >= 2 && bytes[start - 1] == b',' && bytes[start - 2].is_ascii_digit();
    if run.contains(',') && (in_list || super::number::parse_digits(run).is_none()) {
        if let Some(comma) = run.find(',') {
            return start + comma;
        }
    }
    end
}

/// Where the run of digits from `start` ends: digits of any script
/// (`number::unicode_digit`), a `,` or `.` before a digit, and an invisible
/// mark between digits ("2\u{200f}45").
fn run_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        let sep_then_digit = (b == b',' || b == b'.') && digit_at(text, i + 1);
        if b.is_ascii_digit() || sep_then_digit {
            i += 1;
            continue;
        }
        if b.is_ascii() {
            break;
        }
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let next = i + c.len_utf8();
        let digit = number::unicode_digit(c).is_some();
        if digit || (number::is_invisible(c) && i > start && digit_at(text, next)) {
            i = next;
        } else {
            break;
        }
    }
    i
}

/// Whether a digit of any script starts at byte `i` of `text`.
fn digit_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_digit(),
        Some(_) => text
            .get(i..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| number::unicode_digit(c).is_some()),
        None => false,
    }
}

fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    loop {
        // ASCII letters byte by byte (most words are read by a window),
        // anything else as a whole char
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

    /// The tokens as the rules in this file's comments define them, read
    /// char by char: what the fast paths must give.
    fn reference(text: &str) -> Vec<Token> {
        let shapes = super::super::parse::trigger_shapes();
        let space = |c: char| {
            if c.is_ascii() {
                c.is_ascii_whitespace()
            } else {
                c.is_whitespace()
            }
        };
        let mut out = Vec::new();
        let (mut newlines, mut spaced) = (0, false);
        let mut i = 0;
        while let Some(c) = text[i..].chars().next() {
            if space(c) {
                spaced = true;
                newlines += usize::from(c == '\n');
                i += c.len_utf8();
                continue;
            }
            if number::is_invisible(c) {
                i += c.len_utf8();
                continue;
            }
            let (kind, end, quiet) = if c.is_ascii_digit() || number::unicode_digit(c).is_some() {
                (TokKind::Digits, digits_end(text, i), false)
            } else if c.is_alphabetic() {
                let len: usize = text[i..]
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .map(char::len_utf8)
                    .sum();
                let quiet = !shapes.may_start(&text.as_bytes()[i..i + len]);
                (TokKind::Word, i + len, quiet)
            } else {
                let quiet = c.is_ascii() && c != '$' && c != '-';
                (TokKind::Symbol, i + c.len_utf8(), quiet)
            };
            let gap = match (newlines, spaced) {
                (2.., _) => Gap::Paragraph,
                (_, true) => Gap::Space,
                _ => Gap::Glued,
            };
            out.push(Token {
                start: i as u32,
                end: end as u32,
                kind,
                gap,
                quiet,
            });
            (newlines, spaced) = (0, false);
            i = end;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn fast_paths_give_the_reference_tokens(
            chars in proptest::collection::vec(
                proptest::sample::select(vec![
                    'a', 'b', 'e', 'm', 'n', 'o', 's', 't', 'w', 'A', 'B', 'M', 'U', 'S', 'D',
                    '0', '1', '5', ',', '.', ' ', ' ', ' ', '\n', '\t', '\r', '\u{b}',
                    '$', '-', '%', '(', 'é', 'ß', '’', '—', '\u{a0}', '€', '½',
                ]),
                0..300,
            )
        ) {
            let text: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(tokenize(&text), reference(&text), "{:?}", text);
        }
    }

    #[test]
    fn long_and_short_words_give_the_reference_tokens() {
        let words = [
            "a",
            "an",
            "the",
            "USD",
            "between",
            "economists",
            "internationalization",
            "twenty-three",
            "Russia’s",
            "naïve",
            "x",
        ];
        for sep in [" ", "  ", "\n", "\n\n", ", ", "-"] {
            let text = words.join(sep);
            assert_eq!(tokenize(&text), reference(&text), "{text:?}");
        }
        // the 64-byte windows: every word at every offset from a window's
        // start, and words that run past its end
        let words = [
            "a",
            "I",
            "s",
            "USD",
            "Usd",
            "MUSD",
            "usd",
            "RMB",
            "one",
            "One",
            "ONE",
            "twenty",
            "the",
            "between",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
            "abcdefghijklmnopqrstuvwxyzabcdef",
            "naïve",
            "Russia’s",
            "$",
            "-",
            "%",
        ];
        for lead in 0..70 {
            let text = format!(
                "{}{}",
                "x".repeat(lead % 7) + &" ".repeat(lead),
                words.join(" ")
            );
            assert_eq!(tokenize(&text), reference(&text), "{text:?}");
            let text = words.join(&" ".repeat(lead % 5 + 1));
            assert_eq!(tokenize(&text), reference(&text), "{text:?}");
        }
    }

    fn show(text: &str) -> Vec<(String, Gap)> {
        tokenize(text)
            .into_iter()
            .map(|t| (text[t.start()..t.end()].to_string(), t.gap))
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
