//! The month and part-of-year phrases a sentence states: "the first ten
//! months of 2025", "Q3", "between January and September", "through
//! September", "November's", "January 1 to August 17", "last month", "in
//! October". A month without a year is the most recent one at or before
//! publication (news reports the past).

use std::sync::LazyLock;

use regex::Regex;

use super::phrases::{small_count, Sentence};
use super::{pattern, replace, Candidate};
use crate::extract::period_gate::Pattern;
use crate::extract::Context;
use crate::period::Period;

pub(super) static FIRST_MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    Regex::new(r"(?i)(?-u:\b)first\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|[1-9]|1[01])\s+months(?:\s+of\s+(?:((?:19|20)\d\d)|(this|last|the)\s+year))?(?-u:\b)")
        .expect("valid regex")
});

pub(super) static PART_OF_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    Regex::new(
        r"(?i)(?-u:\b)(?:Q([1-4])|(first|second|third|fourth)\s+quarter|H([12])|(first|second)\s+half)(?:\s+(?:of\s+)?((?:19|20)\d\d))?(?-u:\b)",
    )
    .expect("valid regex")
});

/// "… in the first quarter and 9.2 million in the second": a quarter or
/// half named by its ordinal alone, the noun left to the phrase before.
static PART_BY_ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    Regex::new(
        r"(?i)(?-u:\b)(?:in|for|during|of)\s+the\s+(first|second|third|fourth)(?-u:\b)(?:\s*(?:[,.;:)]|$)|\s+(?:and|but|while|when|with|as)(?-u:\b))",
    )
    .expect("valid regex")
});

pub(super) static MONTHS_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    Regex::new(
        r"(?-u:\b)(?:((?i:in|during|for|of|since))\s+(?:the\s+)?)?(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s*[–-]\s*(January|February|March|April|May|June|July|August|September|October|November|December))?(?-u:\b)(?:\s*,)?(\s+(?:19|20)\d\d)?",
    )
    .expect("valid regex")
});

const MONTH_NAMES: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

static MONTH_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?-u:\b)(?i:between|from)(?-u:\s)+({MONTH_NAMES})(?:(?-u:\s)+((?:19|20)\d\d))?(?-u:\s)+(?i:and|to|through|until|till)(?-u:\s)+({MONTH_NAMES})(?-u:\b)(?:(?-u:\s)*,?(?-u:\s)*((?:19|20)\d\d)(?-u:\b))?"
    ))
});

static RELATIVE_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i)(?-u:\b)(last|previous|past|this|current)(?-u:\s)+month(?-u:\b)")
});

static MONTHS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?-u:\b)(?:(?:the|its|this|that)(?-u:\s)+(?:first(?-u:\s)+)?(two|three|four|five|six|seven|eight|nine|ten|eleven|[1-9]|1[01])[- ]months?(?:(?-u:\s)+period)?|over(?-u:\s)+the(?-u:\s)+(?:first(?-u:\s)+)?(two|three|four|five|six|seven|eight|nine|ten|eleven|[1-9]|1[01])(?-u:\s)+months)(?-u:\b)",
    )
});

static THROUGH_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?-u:\b)(?i:through|until|till|up(?-u:\s)+to(?-u:\s)+the(?-u:\s)+end(?-u:\s)+of)(?-u:\s)+({MONTH_NAMES})(?-u:\b)(?:(?-u:\s)*,?(?-u:\s)*((?:19|20)\d\d)(?-u:\b))?"
    ))
});

static PAST_TWELVE_MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?-u:\b)the(?-u:\s)+(?:past|last|previous|preceding)(?-u:\s)+(?:twelve|12)(?-u:\s)+months(?-u:\b)",
    )
});

static MONTH_POSSESSIVE: LazyLock<Regex> =
    LazyLock::new(|| pattern(&format!(r"(?-u:\b)({MONTH_NAMES})['’]s(?-u:\b)")));

/// "between January 1 and August 17, 2025", "from Jan 1 to Dec 29",
/// "January 1-4": spans of days.
pub(super) static DAY_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?-u:\b)(?:(?i:between|from)(?-u:\s)+)?({MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?(?-u:\s)+(\d{{1,2}})(?:(?-u:\s)*(?:-|–|(?i:and|to|through|until))(?-u:\s)*(?:({MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?(?-u:\s)+)?(\d{{1,2}}))(?-u:\b)(?:,?(?-u:\s)*((?:19|20)\d\d)(?-u:\b))?"
    ))
});

/// "the first ten months of 2025", "of this year": the months from January;
/// with no year, the most recent such months before publication.
pub(super) fn first_months(sentence: &Sentence<'_>, out: &mut Vec<Candidate>) {
    let cx = sentence.cx;
    for m in sentence.matches(&FIRST_MONTHS, Pattern::FirstMonths) {
        let (Some(all), Some(n)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let Some(n) = small_count(n.as_str()) else {
            continue;
        };
        // "of 2025"; "of this year", "of last year"; else the most recent
        // such months before publication
        let year = match (m.get(2), m.get(3)) {
            (Some(y), _) => y.as_str().parse::<i32>().ok(),
            (None, Some(w)) if w.as_str().eq_ignore_ascii_case("last") => {
                cx.published.map(|p| p.year - 1)
            }
            (None, Some(w)) if w.as_str().eq_ignore_ascii_case("this") => {
                cx.published.map(|p| p.year)
            }
            _ => most_recent(cx, n),
        };
        let Some(year) = year else {
            continue;
        };
        // the year inside the phrase is replaced by the months period
        replace(
            out,
            Candidate::new(sentence.range(all), Period::months(year, 1, n)),
        );
    }
}

/// "Q3 2024", "the second quarter", "H1", "the first half": the quarter's
/// or half's months; with no year, the most recent such that had begun by
/// publication.
pub(super) fn part_of_year(sentence: &Sentence<'_>, out: &mut Vec<Candidate>) {
    let cx = sentence.cx;
    for m in sentence.matches(&PART_OF_YEAR, Pattern::PartOfYear) {
        let Some(all) = m.get(0) else { continue };
        let (first, last, months) = if let Some(q) = m.get(1).or(m.get(2)) {
            let q = ordinal_or_digit(q.as_str());
            (q * 3 - 2, q * 3, 3)
        } else if let Some(h) = m.get(3).or(m.get(4)) {
            let h = ordinal_or_digit(h.as_str());
            (h * 6 - 5, h * 6, 6)
        } else {
            continue;
        };
        if !(1..=12).contains(&last) {
            continue;
        }
        let stated = m.get(5).and_then(|y| y.as_str().parse::<i32>().ok());
        let Some(year) = stated.or_else(|| most_recent(cx, first)) else {
            continue;
        };
        let span = sentence.range(all);
        replace(
            out,
            Candidate::new(span.clone(), Period::months(year, first, last)),
        );
        parts_by_ordinal(sentence, all.end(), (year, months), out);
    }
}

/// The quarters (`months` 3) or halves (6) of `year` named by their
/// ordinal alone after a part of the year ends at `from` in the sentence,
/// up to the next part named in full: "9.4 million in the first quarter
/// and 9.2 million in the second" is the second quarter.
fn parts_by_ordinal(
    sentence: &Sentence<'_>,
    from: usize,
    (year, months): (i32, u8),
    out: &mut Vec<Candidate>,
) {
    let Some(rest) = sentence.text.get(from..) else {
        return;
    };
    let end = PART_OF_YEAR.find(rest).map_or(rest.len(), |m| m.start());
    for c in PART_BY_ORDINAL.captures_iter(&rest[..end]) {
        let (Some(all), Some(ordinal)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let n = ordinal_or_digit(ordinal.as_str());
        let last = n * months;
        if !(1..=12).contains(&last) {
            continue;
        }
        let span = sentence.start + from + all.start()..sentence.start + from + ordinal.end();
        replace(
            out,
            Candidate::new(span, Period::months(year, last + 1 - months, last)),
        );
    }
}

/// "between January and September 2024", "from January to June": the
/// months replace the dates and years inside the phrase.
pub(super) fn month_span(sentence: &Sentence<'_>, out: &mut Vec<Candidate>) {
    let cx = sentence.cx;
    for m in sentence.matches(&MONTH_SPAN, Pattern::MonthsAlone) {
        let (Some(all), Some(a), Some(b)) = (m.get(0), m.get(1), m.get(3)) else {
            continue;
        };
        let (Some(first), Some(last)) = (month_number(a.as_str()), month_number(b.as_str())) else {
            continue;
        };
        let stated = m
            .get(4)
            .or(m.get(2))
            .and_then(|y| y.as_str().parse::<i32>().ok());
        let Some(year) = stated.or_else(|| most_recent(cx, last)) else {
            continue;
        };
        if first > last {
            continue;
        }
        let span = sentence.range(all);
        replace(
            out,
            Candidate::new(span.clone(), Period::months(year, first, last)),
        );
    }
}

/// "over the seven-month period", "the first nine months": months from
/// January, of the most recent such months before publication.
pub(super) fn months_back(sentence: &Sentence<'_>, out: &mut Vec<Candidate>) {
    let Sentence { cx, text, .. } = *sentence;
    if text.contains("onth") {
        for m in MONTHS_BACK.captures_iter(text) {
            let Some(all) = m.get(0) else { continue };
            let Some(n) = m.get(1).or(m.get(2)).and_then(|n| small_count(n.as_str())) else {
                continue;
            };
            let span = sentence.range(all);
            if out.iter().any(|c| span.contains(&c.at())) {
                continue; // "the first nine months of 2025": read above
            }
            let Some(year) = most_recent(cx, n) else {
                continue;
            };
            out.push(Candidate::new(span, Period::months(year, 1, n)));
        }
    }
}

/// "through September", "until June 2025": the months since January.
pub(super) fn through_month(sentence: &Sentence<'_>, out: &mut Vec<Candidate>) {
    let cx = sentence.cx;
    for m in sentence.matches(&THROUGH_MONTH, Pattern::MonthsAlone) {
        let (Some(all), Some(month)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let Some(last) = month_number(month.as_str()) else {
            continue;
        };
        let stated = m.get(2).and_then(|y| y.as_str().parse::<i32>().ok());
        let Some(year) = stated.or_else(|| most_recent(cx, last)) else {
            continue;
        };
        let span = sentence.range(all);
        replace(
            out,
            Candidate::new(span.clone(), Period::months(year, 1, last)),
        );
    }
}

/// "November's 40.669 million": the month named as the figure's owner.
pub(super) fn month_possessive(sentence: &Sentence<'_>, out: &mut Vec<Candidate>) {
    let cx = sentence.cx;
    for m in sentence.matches(&MONTH_POSSESSIVE, Pattern::MonthsAlone) {
        let (Some(all), Some(month)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let Some(n) = month_number(month.as_str()) else {
            continue;
        };
        let Some(year) = most_recent(cx, n) else {
            continue;
        };
        out.push(Candidate::new(
            sentence.range(all),
            Period::months(year, n, n),
        ));
    }
}

/// "between January 1 and August 17": days, not months; a span that
/// ends a month short is no period crosscheck can compare (`short`).
pub(super) fn day_span(sentence: &Sentence<'_>, out: &mut Vec<Candidate>) {
    let cx = sentence.cx;
    for m in sentence.matches(&DAY_SPAN, Pattern::DaySpan) {
        let (Some(all), Some(a), Some(d1), Some(d2)) = (m.get(0), m.get(1), m.get(2), m.get(4))
        else {
            continue;
        };
        let first = month_number(a.as_str());
        let last = match m.get(3) {
            Some(b) => month_number(b.as_str()),
            None => first,
        };
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        let (Ok(d1), Ok(d2)) = (d1.as_str().parse::<u8>(), d2.as_str().parse::<u8>()) else {
            continue;
        };
        let stated = m.get(5).and_then(|y| y.as_str().parse::<i32>().ok());
        let Some(year) = stated.or_else(|| most_recent(cx, last)) else {
            continue;
        };
        let span = sentence.range(all);
        // whole months ("January 1 to December 31, 2023") are those months
        let whole = d1 == 1 && d2 == crate::period::days_in_month(year, last) && first <= last;
        replace(
            out,
            Candidate::new(span.clone(), Period::months(year, first, last)).short_if(!whole),
        );
    }
}

/// "over the past twelve months": in an article of January, the calendar
/// year just ended; later in the year, twelve months that are no calendar
/// year (a span no period covers).
pub(super) fn past_twelve_months(sentence: &Sentence<'_>, out: &mut Vec<Candidate>) {
    let Sentence { cx, text, .. } = *sentence;
    let Some(published) = cx.published else {
        return;
    };
    if !text.contains("onths") {
        return;
    }
    for m in PAST_TWELVE_MONTHS.find_iter(text) {
        let year = Period::year(published.year - 1);
        out.push(Candidate::new(sentence.range(m), year).short_if(published.month != 1));
    }
}

/// "last month", "this month": the month before publication, or its own.
pub(super) fn relative_month(sentence: &Sentence<'_>, out: &mut Vec<Candidate>) {
    let Sentence { cx, text, .. } = *sentence;
    if let Some(published) = cx.published {
        if text.contains("onth") {
            for m in RELATIVE_MONTH.captures_iter(text) {
                let (Some(all), Some(w)) = (m.get(0), m.get(1)) else {
                    continue;
                };
                let this = matches!(w.as_str().to_ascii_lowercase().as_str(), "this" | "current");
                let (year, month) = match (this, published.month) {
                    (true, m) => (published.year, m),
                    (false, 1) => (published.year - 1, 12),
                    (false, m) => (published.year, m - 1),
                };
                out.push(Candidate::new(
                    sentence.range(all),
                    Period::months(year, month, month),
                ));
            }
        }
    }
}

/// "in October", "in January–October": months without a year are the most
/// recent ones before publication (news reports the past).
pub(super) fn months_alone(sentence: &Sentence<'_>, out: &mut Vec<Candidate>) {
    let cx = sentence.cx;
    for m in sentence.matches(&MONTHS_ALONE, Pattern::MonthsAlone) {
        let (Some(all), Some(a), None) = (m.get(0), m.get(2), m.get(4)) else {
            continue;
        };
        // a month alone needs "in", "during" …, or to open the sentence
        // ("December on its own brought …"); two months joined by a dash
        // do not ("January-September imports")
        if m.get(1).is_none() && m.get(3).is_none() && !opens(sentence, a) {
            continue;
        }
        let Some(first) = month_number(a.as_str()) else {
            continue;
        };
        let last = m
            .get(3)
            .and_then(|b| month_number(b.as_str()))
            .unwrap_or(first);
        let Some(year) = most_recent(cx, last) else {
            continue;
        };
        let at = sentence.start + a.start();
        out.push(Candidate::new(
            at..sentence.range(all).end,
            Period::months(year, first.min(last), first.max(last)),
        ));
    }
}

/// Whether month name `a` opens the sentence as its subject ("December
/// on its own brought …"): not "May", which opens sentences as a verb, and
/// not a date ("December 5").
fn opens(sentence: &Sentence<'_>, a: regex::Match<'_>) -> bool {
    let text = sentence.text;
    let first = text.len() - text.trim_start().len() == a.start();
    let after = text[a.end()..].trim_start();
    first && a.as_str() != "May" && !after.starts_with(|c: char| c.is_ascii_digit())
}

/// The year of the most recent `month` at or before publication.
fn most_recent(cx: &Context<'_>, month: u8) -> Option<i32> {
    let published = cx.published?;
    Some(if month <= published.month {
        published.year
    } else {
        published.year - 1
    })
}

fn ordinal_or_digit(s: &str) -> u8 {
    match s.to_ascii_lowercase().as_str() {
        "first" | "1" => 1,
        "second" | "2" => 2,
        "third" | "3" => 3,
        "fourth" | "4" => 4,
        _ => 0,
    }
}

/// The number of a month name as the regexes capture it ("October").
fn month_number(name: &str) -> Option<u8> {
    crate::extract::date::month(name)
}
