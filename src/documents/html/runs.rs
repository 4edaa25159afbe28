//! The runs of text between the tags of an HTML file, each with where it
//! is in the file and its text decoded as a browser decodes it (character
//! references, `\r\n` as `\n`): what a parsed page's text nodes are matched
//! with, so that a figure of the page points into the file.
//!
//! This is no parser (`scraper` parses the page): it only tells text from
//! markup, comments and the contents of `<script>`, `<style>` and the
//! like, which are never an article's text.

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// Text between two tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Run {
    pub text: String,
    /// Where stretches of `text` copied as they are start: (offset in
    /// `text`, offset in the file), the first at (0, the run's start).
    /// Between two anchors, offsets move together.
    pub anchors: Vec<(usize, usize)>,
}

impl Run {
    /// The file offset of `offset` into the run's text.
    pub(super) fn place(&self, offset: usize) -> usize {
        let i = self.anchors.partition_point(|a| a.0 <= offset);
        // cannot underflow: the first anchor is at offset 0
        let (at, file) = self.anchors[i.saturating_sub(1)];
        file + (offset - at)
    }
}

/// Elements whose contents are no markup (raw text) and no article text.
const RAW: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title",
];

/// The text runs of `html`, a file's text from offset `base` on, in order.
pub(super) fn runs(html: &str, base: usize) -> Vec<Run> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|k| i + k) {
        let Some(end) = markup_end(html, lt) else {
            // a `<` that opens nothing is text
            i = lt + 1;
            continue;
        };
        if start < lt {
            out.push(decode(&html[start..lt], base + start));
        }
        i = end;
        start = end;
    }
    if start < html.len() {
        out.push(decode(&html[start..], base + start));
    }
    out
}

/// Where the markup that starts at `lt` (a `<`) ends, or `None` when the
/// `<` is text. A raw-text element's contents are skipped with it.
fn markup_end(html: &str, lt: usize) -> Option<usize> {
    let rest = &html[lt..];
    let b = rest.as_bytes();
    let next = *b.get(1)?;
    if let Some(comment) = rest.strip_prefix("<!--") {
        return Some(comment.find("-->").map_or(html.len(), |k| lt + 4 + k + 3));
    }
    if next == b'!' || next == b'?' {
        return Some(to_gt(html, lt + 2));
    }
    if next == b'/' {
        return b
            .get(2)
            .filter(|c| c.is_ascii_alphabetic())
            .map(|_| to_gt(html, lt + 2));
    }
    if !next.is_ascii_alphabetic() {
        return None;
    }
    let name_len = b[1..]
        .iter()
        .position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
        .unwrap_or(b.len() - 1);
    let name = rest[1..1 + name_len].to_ascii_lowercase();
    let end = tag_end(html, lt + 1 + name_len);
    if !RAW.contains(&name.as_str()) {
        return Some(end);
    }
    // the contents run to the element's end tag, in any case
    let close = format!("</{name}");
    let lower = html[end..].to_ascii_lowercase();
    Some(lower.find(&close).map_or(html.len(), |k| end + k))
}

/// The offset after the next `>` from `from`.
fn to_gt(html: &str, from: usize) -> usize {
    memchr::memchr(b'>', &html.as_bytes()[from..]).map_or(html.len(), |k| from + k + 1)
}

/// The offset after the `>` that closes a start tag whose attributes start
/// at `from` (a `>` in a quoted value does not close it).
fn tag_end(html: &str, from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (k, &c) in html.as_bytes()[from..].iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return from + k + 1,
            None => {}
        }
    }
    html.len()
}

/// A run's text decoded, with its anchors; `raw` is at file offset `at`.
fn decode(raw: &str, at: usize) -> Run {
    let mut text = String::with_capacity(raw.len());
    let mut anchors = vec![(0, at)];
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        let (decoded, used): (std::borrow::Cow<str>, usize) = if rest.starts_with("\r\n") {
            ("\n".into(), 2)
        } else if rest.starts_with('&') {
            match reference(rest) {
                Some((s, n)) => (s.into(), n),
                None => ("&".into(), 1),
            }
        } else if rest.starts_with('\0') {
            ("\u{fffd}".into(), 1)
        } else {
            // a stretch with nothing to decode is copied
            let n = rest
                .find(['\r', '&', '\0'])
                .filter(|&n| n > 0)
                .unwrap_or(rest.len());
            text.push_str(&rest[..n]);
            i += n;
            continue;
        };
        let same = decoded.len() == used && rest.starts_with(&*decoded);
        text.push_str(&decoded);
        i += used;
        if !same {
            anchors.push((text.len(), at + i));
        }
    }
    Run { text, anchors }
}

/// The character reference at the start of `s` (which starts with `&`):
/// what it stands for and how many bytes it takes.
fn reference(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let digits_at = if hex { 3 } else { 2 };
        let digits = b[digits_at..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let text = &s[digits_at..digits_at + digits];
        let n = u32::from_str_radix(text, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        let mut used = digits_at + digits;
        if b.get(used) == Some(&b';') {
            used += 1;
        }
        return Some((numeric(n).to_string(), used));
    }
    // the longest name that is a reference, with its `;` when it has one
    let name_len = b[1..]
        .iter()
        .take(40)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let semicolon = usize::from(b.get(1 + name_len) == Some(&b';'));
    (1..=name_len + semicolon).rev().find_map(|n| {
        // the table holds every prefix of a name too, as (0, 0)
        let (first, second) = NAMED_ENTITIES.get(&s[1..1 + n]).filter(|e| e.0 != 0)?;
        let mut out: String = char::from_u32(*first).into_iter().collect();
        out.extend(char::from_u32(*second).filter(|_| *second != 0));
        Some((out, 1 + n))
    })
}

/// The character of a numeric reference, as a browser reads it.
fn numeric(n: u32) -> char {
    match n {
        0 => '\u{fffd}',
        0x80..=0x9f => C1_REPLACEMENTS[(n - 0x80) as usize].unwrap_or('\u{fffd}'),
        n => char::from_u32(n).unwrap_or('\u{fffd}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        runs(html, 0).into_iter().map(|r| r.text).collect()
    }

    #[test]
    fn text_is_what_is_between_tags_without_scripts_or_comments() {
        let html = "<html><head><title>T</title><script>if (a<b) x='<p>';</script></head>\
                    <body><!-- <p>no</p> --><p class=\"a>b\">One &amp; two</p>a < b<p>three</p></body></html>";
        assert_eq!(texts(html), ["One & two", "a < b", "three"]);
    }

    #[test]
    fn references_are_decoded_and_offsets_kept() {
        let html = "<p>US&#36;244.8&nbsp;billion &copy 2025 &notin; &bogus;\r\nend</p>";
        let r = &runs(html, 100)[0];
        assert_eq!(r.text, "US$244.8\u{a0}billion © 2025 ∉ &bogus;\nend");
        // "244.8" is right after `&#36;`, at byte 3 + 7 of the file's text
        let at = r.text.find("244.8").unwrap();
        assert_eq!(r.place(at), 100 + html.find("244.8").unwrap());
        let at = r.text.find("end").unwrap();
        assert_eq!(r.place(at), 100 + html.find("end").unwrap());
        let at = r.text.find("2025").unwrap();
        assert_eq!(r.place(at), 100 + html.find("2025").unwrap());
    }

    #[test]
    fn numeric_references_follow_the_browser() {
        assert_eq!(numeric(0x93), '\u{201c}');
        assert_eq!(numeric(0), '\u{fffd}');
        assert_eq!(numeric(0x110000), '\u{fffd}');
        assert_eq!(reference("&#x41;B").unwrap(), ("A".to_string(), 6));
        assert_eq!(reference("&#;"), None);
    }
}
