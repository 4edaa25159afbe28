//! Front matter of plain `key: value` lines, read without the YAML parser.
//!
//! Almost every article's front matter is a few lines such as
//! `title: "Trade in focus"` and `published: 2017-05-01`, and parsing them
//! with `serde_yaml` was a twentieth of a large `check`. This reads such
//! lines directly, and only them: any line whose YAML meaning is not the
//! plain text it holds (a list, a nested block, an anchor, a tag, an escape,
//! a comment after a value, a number, `null` or `true`, a key twice) makes
//! it give up, and the caller parses the whole block as YAML. So the answer
//! is always the YAML parser's, or none.

use super::RawFrontMatter;

/// The front matter of `yaml` when every line is a plain `key: text`, else
/// `None` (parse it as YAML).
pub(super) fn read(yaml: &str) -> Option<RawFrontMatter> {
    let mut raw = RawFrontMatter::default();
    let mut keys: Vec<&str> = Vec::new();
    for line in yaml.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let (key, value) = key_value(line)?;
        // a repeated key (or `date` beside `published`) is the parser's to judge
        let field = if key == "date" { "published" } else { key };
        if keys.contains(&field) {
            return None;
        }
        keys.push(field);
        // every value is read, so that one YAML would refuse gives up
        let value = text(value)?;
        let slot = match field {
            "id" => &mut raw.id,
            "title" => &mut raw.title,
            "publisher" => &mut raw.publisher,
            "url" => &mut raw.url,
            "published" => &mut raw.published,
            _ => continue, // other keys are ignored
        };
        *slot = value;
    }
    Some(raw)
}

/// `key` and the rest of a `key: value` line at the block's margin.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let colon = line.find(':')?;
    let (key, rest) = (&line[..colon], &line[colon + 1..]);
    let plain_key = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && key.as_bytes()[0].is_ascii_alphabetic();
    // `key:value` is one scalar in YAML, not a key and its value
    let spaced = rest.is_empty() || rest.starts_with(' ');
    (plain_key && spaced).then_some((key, rest.trim_matches(' ')))
}

/// The text a value stands for: `Some(None)` for an empty value (YAML's
/// null), `None` when YAML would read it as anything but that text.
#[allow(clippy::option_option)]
fn text(value: &str) -> Option<Option<String>> {
    if value.is_empty() {
        return Some(None);
    }
    // tabs and control characters are the parser's to accept or refuse
    if value.chars().any(|c| c.is_control() || c == '\u{feff}') {
        return None;
    }
    let quoted = |q: char| {
        let inner = value.strip_prefix(q)?.strip_suffix(q)?;
        // an escape (`\"`, `''`) is the parser's to read
        (!inner.contains(q) && !inner.contains('\\')).then(|| inner.to_string())
    };
    match value.chars().next() {
        Some('"') => quoted('"').map(Some),
        Some('\'') => quoted('\'').map(Some),
        Some(c) if "-?:,[]{}#&*!|>%@`.+~".contains(c) => None,
        _ if value.contains(": ") || value.contains(" #") || value.ends_with(':') => None,
        // a number, a boolean or null is not text in YAML
        _ if value.parse::<f64>().is_ok() || not_text(value) => None,
        _ => Some(Some(value.to_string())),
    }
}

/// Words YAML reads as null or a boolean (1.1's too, to be safe).
fn not_text(value: &str) -> bool {
    const WORDS: [&str; 12] = [
        "null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf", "infinity",
    ];
    WORDS.iter().any(|w| value.eq_ignore_ascii_case(w))
        || value.starts_with("0x")
        || value.starts_with("0o")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the YAML parser reads from `yaml`, or `None` when it errs.
    fn parsed(yaml: &str) -> Option<RawFrontMatter> {
        serde_yaml::from_str(yaml).ok()
    }

    #[test]
    fn plain_lines_are_read_as_the_parser_reads_them() {
        for yaml in [
            "id: a1\ntitle: \"Trade in focus\"\npublished: 2017-05-01\n",
            "title: 'Trade, and tourism'\ndate: 2024-01-02\n",
            "url: https://example.com/a?b=c#d\npublisher: The Times\n",
            "id: x\n\ntags: whatever\nlayout: post\r\n",
            "id:\ntitle: T\n",
        ] {
            let fast = read(yaml).unwrap_or_else(|| panic!("not read: {yaml:?}"));
            assert_eq!(Some(fast), parsed(yaml), "{yaml:?}");
        }
    }

    #[test]
    fn lines_that_mean_more_than_their_text_are_left_to_the_parser() {
        for yaml in [
            "id: 123\n",
            "id: 1e3\n",
            "id: true\n",
            "id: ~\n",
            "id: null\n",
            "title: \"a \\\"b\\\"\"\n",
            "title: 'it''s'\n",
            "title: a: b\n",
            "title: a # note\n",
            "title: &x a\n",
            "title: !tag a\n",
            "title: |\n  a\n",
            "tags:\n  - a\n",
            "title: [a, b]\n",
            "id: a\nid: b\n",
            "date: 2024-01-01\npublished: 2024-01-02\n",
            "id:a\n",
            "  id: a\n",
            "# a comment\nid: a\n",
            "title: a\tb\n",
            "title: a\u{7}b\n",
        ] {
            assert_eq!(read(yaml), None, "{yaml:?}");
        }
    }

    proptest::proptest! {
        /// Whenever the plain reading answers, it is the parser's answer.
        #[test]
        fn never_differs_from_the_parser(
            lines in proptest::collection::vec(
                ("(id|title|url|date|published|tags)", "[a-z0-9 :#'\"\\-.,\\[\\]{}&*!|>%@`~?\\\\]{0,12}"),
                0..5,
            )
        ) {
            let yaml: String = lines.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
            if let Some(fast) = read(&yaml) {
                proptest::prop_assert_eq!(Some(fast), parsed(&yaml), "{:?}", yaml);
            }
        }
    }
}
