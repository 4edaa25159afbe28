//! Text made safe for HTML and SVG: in element content and in quoted
//! attribute values alike.

/// `s` with `&`, `<`, `>`, `"` and `'` written as character references,
/// and control characters other than white space (a NUL in an article's
/// text) as U+FFFD: the HTML parser takes them for errors.
pub(super) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            esc(r#"<a href="x">Tom's & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;"
        );
        assert_eq!(esc("US$244.8 billion"), "US$244.8 billion");
        assert_eq!(esc("gi\0ant\u{7}\tx\n"), "gi\u{FFFD}ant\u{FFFD}\tx\n");
    }
}
