//! The other names an article gives an organization it abbreviates: the
//! long form ("the Organization of the Petroleum Exporting Countries",
//! defined as "(OPEC)" or not) and "the group", "the organization", "the
//! bloc" … after it. A rule written with "OPEC" should find "output from the
//! Organization of Petroleum Exporting Countries" and "the group produced
//! 27.82 million barrels a day" too.
//!
//! `named` writes each such name as the abbreviation, right-aligned in the
//! bytes of the name (spaces before it), so the text keeps its length and
//! every offset: "production by the Organization of the Petroleum Exporting
//! Countries (OPEC) fell" reads "production by ␣…␣OPEC fell". Patterns are
//! tried on the text and on this view (`window.rs`, `attach.rs`): a rule that
//! names the long form or "the bloc" itself still finds it.

use super::rewrite::{rewritten, Edit};
use std::collections::BTreeSet;

/// Words that may stand between the capitalized words of a long form.
const JOINERS: [&str; 8] = ["of", "the", "and", "for", "on", "in", "de", "&"];

/// Nouns that, after "the", name the organization last abbreviated.
const GROUP_NOUNS: [&str; 7] = [
    "group",
    "organization",
    "organisation",
    "cartel",
    "bloc",
    "alliance",
    "agency",
];

/// Capitals that are not an organization: currency codes, measures, the
/// countries and economic terms news abbreviates.
const NOT_ORGANIZATIONS: [&str; 26] = [
    "US", "USA", "UK", "UAE", "KSA", "PRC", "ROK", "DPRK", "USD", "EUR", "CNY", "RMB", "JPY",
    "GBP", "INR", "RUB", "KRW", "THB", "GDP", "YOY", "QOQ", "MOM", "CEO", "GMT", "UTC", "AM",
];

/// A word of the text: its byte range.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

/// The words of `text`: runs of letters, digits, `&`, `+`, apostrophes
/// (a possessive stays with its word) and any non-ASCII character, cut at
/// ASCII bytes only (so every cut is a character boundary).
fn words(text: &str) -> Vec<Word> {
    let inner = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'&' | b'+' | b'\'') || b >= 0x80;
    let mut out = Vec::new();
    let mut start = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        match (inner(b), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
        });
    }
    out
}

/// The abbreviations `text` uses (`abbreviation`), found byte by byte:
/// most texts have none, and this is all they cost.
fn abbreviations(text: &str) -> BTreeSet<&str> {
    let bytes = text.as_bytes();
    let mut out = BTreeSet::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if !(bytes[i].is_ascii_uppercase() && bytes[i + 1].is_ascii_uppercase()) {
            // no pair starts at i + 1 either when its byte is no capital
            i += if bytes[i + 1].is_ascii_uppercase() {
                1
            } else {
                2
            };
            continue;
        }
        // a run of capitals, at a word's start
        let starts = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let mut end = i;
        while end < bytes.len() && (bytes[end].is_ascii_uppercase() || bytes[end] == b'&') {
            end += 1;
        }
        if end < bytes.len() && bytes[end] == b'+' {
            end += 1;
        }
        let ends = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        let line_start = i == 0 || bytes[i - 1] == b'\n';
        if line_start {
            if let Some(after) = dateline(&text[i..]) {
                i += after;
                continue;
            }
        }
        // cannot fail: the run is ASCII, cut at ASCII bytes
        let word = text.get(i..end).unwrap_or("");
        if starts && ends && abbreviation(word) {
            out.insert(word);
        }
        i = end.max(i + 1);
    }
    out
}

/// The length of a dateline opening `line` ("BEIJING, April 14 —", "NEW
/// DELHI (Reuters) -"): words in capitals up to a comma, a parenthesis or
/// a dash. A place, not an organization.
fn dateline(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut end = 0;
    while end < bytes.len()
        && (bytes[end].is_ascii_uppercase() || bytes[end] == b' ' || bytes[end] == b'.')
    {
        end += 1;
    }
    let head = line[..end].trim_end();
    let rest = &line[head.len()..];
    let closed = rest.starts_with(',')
        || rest.starts_with(" (")
        || rest.starts_with(" —")
        || rest.starts_with(" –")
        || rest.starts_with(" -");
    (head.len() >= 3 && closed).then_some(head.len())
}

/// `word` without a possessive ending.
fn bare(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Whether `word` is an abbreviation an organization may go by: two to
/// eight capitals (with `&` or a final `+`: "OPEC+"), not a currency, a
/// measure or a country.
fn abbreviation(word: &str) -> bool {
    // most words fail here
    let b = word.as_bytes();
    if !(b.len() >= 2 && b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase()) {
        return false;
    }
    let core = word.strip_suffix('+').unwrap_or(word);
    let letters = core.chars().filter(|c| c.is_ascii_uppercase()).count();
    (2..=8).contains(&letters)
        && core.starts_with(|c: char| c.is_ascii_uppercase())
        && core.chars().all(|c| c.is_ascii_uppercase() || c == '&')
        && !NOT_ORGANIZATIONS.contains(&core)
}

fn capitalized(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase()) && word.chars().skip(1).any(|c| c.is_lowercase())
}

/// The view of `text` in which each long form and group noun is written as
/// its abbreviation (see the module's documentation), or `None` when the
/// text has none.
pub(super) fn named(text: &str) -> Option<String> {
    // the abbreviations first, in one cheap pass: most texts have none
    let known = abbreviations(text);
    if known.is_empty() {
        return None;
    }
    let words = words(text);
    let word = |w: &Word| &text[w.start..w.end];
    // (byte range replaced, abbreviation), in text order
    let mut names: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
    // the abbreviations before each word, for "the group"
    let mut mentions: Vec<(usize, &str)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = word(&words[i]);
        if abbreviation(bare(w)) {
            mentions.push((words[i].start, bare(w)));
        }
        if let Some((end, short)) = long_form(text, &words, i, &known) {
            // "the" before the long form goes with it ("by the Organization
            // …" reads "by OPEC"), and so does its definition "(OPEC)"
            let start = match i.checked_sub(1).map(|p| &words[p]) {
                Some(p) if text[p.start..p.end].eq_ignore_ascii_case("the") => p.start,
                _ => words[i].start,
            };
            let mut stop = words[end].end;
            let defined = format!(" ({short})");
            if text[stop..].starts_with(&defined) {
                stop += defined.len();
            }
            // a possessive stays: "the Organization …’s output" keeps "’s"
            let possessive = w_possessive(word(&words[end]));
            names.push((start..stop - possessive, short));
            mentions.push((start, short));
            i = end + 1;
            continue;
        }
        let after_the = i > 0 && matches!(word(&words[i - 1]), "the" | "The");
        if after_the && GROUP_NOUNS.iter().any(|g| bare(w).eq_ignore_ascii_case(g)) {
            if let Some(short) = antecedent(text, &mentions, words[i - 1].start) {
                let possessive = w_possessive(w);
                names.push((words[i - 1].start..words[i].end - possessive, short));
            }
        }
        i += 1;
    }
    // the abbreviation ends where the name did (a longer one is left out)
    rewritten(
        text,
        names.into_iter().map(|(range, with)| Edit {
            range,
            with,
            pad_before: true,
        }),
    )
}

/// The bytes of a possessive ending of `word`.
fn w_possessive(word: &str) -> usize {
    word.len() - bare(word).len()
}

/// The long form starting at word `i`: its last word's index and its
/// abbreviation, when the initials of its capitalized words spell an
/// abbreviation the text uses, and it is three letters or more or defined
/// right after ("European Union (EU)").
fn long_form<'t>(
    text: &'t str,
    words: &[Word],
    i: usize,
    known: &BTreeSet<&'t str>,
) -> Option<(usize, &'t str)> {
    let word = |k: usize| &text[words[k].start..words[k].end];
    if !capitalized(word(i)) {
        return None;
    }
    // the initials, ASCII capitals (an abbreviation is made of them)
    let mut buffer = [0u8; 8];
    let mut n = 0;
    let mut found = None;
    let mut k = i;
    while k < words.len() && n < buffer.len() {
        let w = word(k);
        // the gap between words is a space, nothing else
        if k > i && &text[words[k - 1].end..words[k].start] != " " {
            break;
        }
        if capitalized(bare(w)) || bare(w).chars().all(|c| c.is_ascii_uppercase()) {
            match bare(w).as_bytes().first() {
                Some(&b) if b.is_ascii_uppercase() => buffer[n] = b,
                _ => break,
            }
            n += 1;
            // cannot fail: ASCII capitals
            let initials = std::str::from_utf8(&buffer[..n]).unwrap_or("");
            if n >= 2 && k > i {
                let defined = text[words[k].end..]
                    .strip_prefix(" (")
                    .and_then(|r| r.split_once(')'))
                    .filter(|(short, _)| *short == initials)
                    .map(|(short, _)| short);
                let used = (n >= 3).then(|| known.get(initials).copied()).flatten();
                if let Some(short) = defined.or(used) {
                    found = Some((k, short));
                }
            }
            if w != bare(w) {
                break;
            }
        } else if !JOINERS.contains(&w) {
            break;
        }
        k += 1;
    }
    found
}

/// The abbreviation "the group" before byte `at` names: the last one
/// mentioned, unless its own sentence, before it, mentions two different
/// ones ("the broader OPEC+ alliance, which groups OPEC members …, the
/// group's total"), which leaves it unknown.
fn antecedent<'t>(text: &str, mentions: &[(usize, &'t str)], at: usize) -> Option<&'t str> {
    let sentence_start = text[..at].rfind(['.', '!', '?', '\n']).map_or(0, |p| p + 1);
    let here: BTreeSet<&str> = mentions
        .iter()
        .filter(|(p, _)| *p >= sentence_start && *p < at)
        .map(|(_, s)| *s)
        .collect();
    if here.len() > 1 {
        return None;
    }
    mentions
        .iter()
        .rev()
        .find(|(p, _)| *p < at)
        .map(|(_, s)| *s)
}

#[cfg(test)]
mod tests {
    use super::named;

    fn view(text: &str) -> String {
        let out = named(text).unwrap_or_else(|| text.to_owned());
        assert_eq!(out.len(), text.len());
        // spaces collapsed, for reading
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_defined_long_form_reads_as_its_abbreviation() {
        assert_eq!(
            view("Oil production by the Organization of the Petroleum Exporting Countries (OPEC) declined in January."),
            "Oil production by OPEC declined in January."
        );
        assert_eq!(
            view("Tourism Authority of Thailand (TAT) governor Thapanee said."),
            "TAT governor Thapanee said."
        );
        assert_eq!(
            view("Trade with the European Union (EU) grew."),
            "Trade with EU grew."
        );
    }

    #[test]
    fn a_long_form_of_an_abbreviation_used_elsewhere_reads_as_it() {
        assert_eq!(
            view("OPEC's output fell. Output from the Organization of Petroleum Exporting Countries fell by 120,000 barrels a day."),
            "OPEC's output fell. Output from OPEC fell by 120,000 barrels a day."
        );
        // two letters are too few to be sure without a definition
        assert_eq!(
            view("The US said so. The United States pumped more."),
            "The US said so. The United States pumped more."
        );
        // capitalized words whose initials spell nothing the text uses
        assert_eq!(
            view("OPEC met. The Petroleum Exporting Countries met."),
            "OPEC met. The Petroleum Exporting Countries met."
        );
    }

    #[test]
    fn the_group_is_the_organization_last_named() {
        assert_eq!(
            view("Crude production from OPEC rose.\n\nOverall, the group produced 27.82 million barrels per day."),
            "Crude production from OPEC rose. Overall, OPEC produced 27.82 million barrels per day."
        );
        assert_eq!(
            view("Data from the OPEC Secretariat show that the organization's 12 member states produced more."),
            "Data from the OPEC Secretariat show that OPEC's 12 member states produced more."
        );
        // a sentence naming two before it leaves the group unknown
        let two = "Across the broader OPEC+ alliance, which groups OPEC members with others, output fell, bringing the group's total to 40.62 million.";
        assert_eq!(view(two), two);
        // no abbreviation before it: nothing to name
        assert_eq!(
            view("The group said output fell."),
            "The group said output fell."
        );
    }

    #[test]
    fn a_dateline_is_no_organization() {
        let text = "BEIJING, April 14 — Trade grew.\n\nNEW DELHI (Reuters) - The group said so.";
        assert_eq!(
            view(text),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        // an organization opening a line is one
        assert_eq!(
            view("OPEC's output rose.\n\nOverall, the group produced 27.82 million bpd."),
            "OPEC's output rose. Overall, OPEC produced 27.82 million bpd."
        );
    }

    #[test]
    fn currencies_and_countries_are_no_organization() {
        assert_eq!(
            view("Trade was USD 5 billion. The group said so."),
            "Trade was USD 5 billion. The group said so."
        );
    }
}
