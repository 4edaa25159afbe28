//! A finding's section: its readings on one axis, each reading with its
//! lead, interval, sources and first quotes, the difference and the notes
//! (rounding, attribution); a check violation's combinations with their
//! arithmetic.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::claims::{at, interval, quote};
use super::escape::esc;
use super::marks::{glyph, style};
use super::model::{Model, Place};
use crate::engine::Finding;
use crate::facts::Fact;
use crate::report::human::{self, SHOWN_COMBINATIONS, SHOWN_PER_READING};
use crate::report::notes;

/// The section of finding `index`.
pub(super) fn section(
    out: &mut String,
    model: &Model,
    index: usize,
    f: &Finding,
    listed: &BTreeSet<usize>,
) {
    let _ = write!(
        out,
        r#"<article class="finding {}" id="f{index}"><h3><span class="sev">{}</span> {} · {}</h3>"#,
        f.severity,
        f.severity,
        f.class,
        esc(&human::finding_title(f))
    );
    if let Some(svg) = super::chart::finding(model, index, f, listed) {
        let _ = write!(out, r#"<figure class="strip">{svg}</figure>"#);
    }
    if !f.readings.is_empty() {
        out.push_str(r#"<ol class="readings">"#);
        for (k, r) in f.readings.iter().enumerate() {
            let (class, shape) = style(Some(Place {
                finding: index,
                reading: Some(k),
            }));
            let claims = r.facts.len();
            let _ = write!(
                out,
                r#"<li id="f{index}-r{k}"><p class="lead"><span class="k {class}" aria-hidden="true">{}</span> <b>reading {}: {}</b> <span class="iv">{}</span> — {} source{}, {claims} claim{}"#,
                glyph(shape),
                k + 1,
                esc(&human::as_written(r.lead)),
                esc(&reading_interval(r)),
                r.sources(),
                plural(r.sources()),
                plural(claims)
            );
            if let Some(d) = r.difference {
                let relative = d
                    .relative
                    .map_or_else(String::new, |p| format!(" ({}%)", p.normalize()));
                let _ = write!(
                    out,
                    "; {} from reading 1{relative}",
                    esc(&human::amount(d.absolute, &r.lead.unit))
                );
            }
            out.push_str("</p>");
            quotes(out, model, r.facts.iter(), SHOWN_PER_READING, listed);
            out.push_str("</li>");
        }
        out.push_str("</ol>");
    }
    if !f.combinations.is_empty() {
        out.push_str(r#"<ol class="combinations">"#);
        for c in f.combinations.iter().take(SHOWN_COMBINATIONS) {
            let count = if c.count > 1 {
                format!(" (stands for {} combinations)", c.count)
            } else {
                String::new()
            };
            let _ = write!(
                out,
                r#"<li><p class="arith">{}{count}</p>"#,
                esc(&notes::text(&c.note))
            );
            quotes(out, model, c.facts.iter().copied(), usize::MAX, listed);
            out.push_str("</li>");
        }
        let more = f.combinations.len().saturating_sub(SHOWN_COMBINATIONS);
        if more > 0 {
            let _ = write!(out, "<li>{}</li>", esc(&human::more(more, "combination")));
        }
        out.push_str("</ol>");
    }
    if let Some(d) = human::finding_difference(f) {
        let _ = write!(out, r#"<p class="diff">difference: {}</p>"#, esc(&d));
    }
    let texts: Vec<String> = f
        .notes
        .iter()
        .map(notes::text)
        .filter(|t| !t.is_empty())
        .collect();
    if !texts.is_empty() {
        out.push_str(r#"<ul class="notes">"#);
        for t in texts {
            let _ = write!(out, "<li>note: {}</li>", esc(&t));
        }
        out.push_str("</ul>");
    }
    out.push_str("</article>");
}

/// The first `shown` of `facts` with their quotes and places (a link to
/// the claim's entry when it is listed), and how many more there are.
fn quotes<'f>(
    out: &mut String,
    model: &Model,
    facts: impl ExactSizeIterator<Item = &'f Fact>,
    shown: usize,
    listed: &BTreeSet<usize>,
) {
    out.push_str(r#"<ul class="quotes">"#);
    let all = facts.len();
    for x in facts.take(shown) {
        let place = match model.number(x).filter(|n| listed.contains(n)) {
            Some(n) => format!(r##"<a href="#c{n}"><code>{}</code></a>"##, esc(&at(x))),
            None => format!("<code>{}</code>", esc(&at(x))),
        };
        let _ = write!(
            out,
            r#"<li><blockquote>{}</blockquote><p class="src"><b>{}</b> <span class="iv">{}</span> {place} {}</p></li>"#,
            quote(x),
            esc(&human::as_written(x)),
            esc(&interval(x)),
            esc(x.source.id())
        );
    }
    let more = all.saturating_sub(shown);
    if more > 0 {
        let _ = write!(out, "<li>{}</li>", esc(&human::more(more, "claim")));
    }
    out.push_str("</ul>");
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// What a reading allows: its value when its claims meet in a point
/// ("245 bn USD"), else its interval.
fn reading_interval(r: &crate::engine::Reading) -> String {
    match (r.interval.lo, r.interval.hi) {
        (Some(lo), Some(hi)) if lo.value == hi.value => human::amount(lo.value, &r.lead.unit),
        _ => human::interval(r.interval, &r.lead.unit),
    }
}
