//! The spans no period covers: a figure of a week or a day ("in the past
//! week 943,269 people"), and money per day, a rate rather than a total of
//! any period.

use std::sync::LazyLock;

use regex::Regex;

use super::pattern;
use crate::extract::role;

static SHORT_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?-u:\b)(?:(?:the|that|this|last|past|previous|same)(?-u:\s)+week|weekly|week-on-week|(?:the|that|this)(?-u:\s)+day)(?-u:\b)",
    )
});

static PER_DAY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i)(?-u:\b)(?:(?:per|a|each|every)(?-u:\s)+(?:day|week)|daily)(?-u:\b)")
});

/// Whether a week or a day is named in the figure's own clause, `before` or
/// `after` it ("in the past week", "the same day").
pub(super) fn short_span(before: &str, after: &str) -> bool {
    SHORT_SPAN.is_match(before) || SHORT_SPAN.is_match(after)
}

/// Whether the money figure followed by `rest` (the sentence after it) is a
/// rate per day or week ("1.3 billion euro (USD 1.33 billion) of imports
/// per day").
pub(super) fn per_day(rest: &str) -> bool {
    let mut reach = rest.len().min(60);
    while !rest.is_char_boundary(reach) {
        reach -= 1;
    }
    // in the figure's own phrase: up to a comma ("…in 2025, which
    // amounts to a daily deficit of €1 billion" is another figure's)
    let phrase = rest[..reach].split(',').next().unwrap_or("");
    PER_DAY.is_match(role::own_clause_after(phrase))
}
