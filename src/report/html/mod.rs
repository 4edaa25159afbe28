//! The report as one self-contained HTML page (`report --format html`):
//! a summary, every finding with its readings on one axis, and a chart of
//! each metric's claims by period with an entry for each claim. Inline CSS,
//! SVG and a few lines of script; nothing is fetched. The same input gives
//! the same bytes.

mod chart;
mod claims;
mod escape;
mod finding;
mod marks;
mod model;
mod scale;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, Write};

use escape::esc;
use model::{Model, Slot};

use crate::engine::{Class, Finding};
use crate::facts::Facts;

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("script.js");

/// A metric's claim list is open at first when it has at most this many
/// entries.
const OPEN_LIST: usize = 40;

/// The page of a report over `sources` sources.
pub fn write(
    out: &mut dyn Write,
    sources: usize,
    findings: &[Finding],
    facts: &Facts,
) -> io::Result<()> {
    let model = Model::new(facts, findings);
    let listed = model.listed_set();
    let mut page = String::with_capacity(64 * 1024);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>crosscheck report</title><style>");
    page.push_str(STYLE);
    page.push_str("</style></head><body><main><h1>crosscheck report</h1>");
    summary(&mut page, sources, findings, &model);
    contents(&mut page, findings, &model);
    let _ = write!(page, r#"<section id="findings"><h2>Findings</h2>"#);
    if findings.is_empty() {
        page.push_str("<p>No findings: no two sources state one metric and period.</p>");
    }
    for (i, f) in findings.iter().enumerate() {
        finding::section(&mut page, &model, i, f, &listed);
    }
    page.push_str("</section>");
    page.push_str(LEGEND);
    page.push_str(r#"<section id="metrics"><h2>Claims by metric</h2>"#);
    for (metric, slots) in &model.metrics {
        metric_section(&mut page, &model, metric, slots, findings, &listed);
    }
    page.push_str("</section></main><script>");
    page.push_str(SCRIPT);
    page.push_str("</script></body></html>\n");
    out.write_all(page.as_bytes())
}

fn summary(page: &mut String, sources: usize, findings: &[Finding], model: &Model) {
    let count = |c: Class| findings.iter().filter(|f| f.class == c).count();
    let items = [
        ("sources", sources),
        ("facts", model.facts.len()),
        ("conflicts", count(Class::Conflict)),
        ("check violations", count(Class::Violation)),
        ("documented differences", count(Class::Difference)),
        ("claims the data dispute", count(Class::Disputed)),
        ("agreements", count(Class::Agree)),
        ("facts in no finding", model.in_no_finding()),
    ];
    page.push_str(r#"<section id="summary"><h2>Summary</h2><dl class="summary">"#);
    for (what, n) in items {
        let _ = write!(page, "<div><dt>{what}</dt><dd>{n}</dd></div>");
    }
    page.push_str(
        "</dl><p class=\"more\">A fact is in no finding when no other source states its metric and period, \
         or when it is never compared (no known period, a conversion, a change that is not a level, the story's period only).</p></section>",
    );
}

fn contents(page: &mut String, findings: &[Finding], model: &Model) {
    page.push_str(r##"<nav aria-label="contents"><details><summary>Contents</summary><ul><li><a href="#findings">Findings</a><ul>"##);
    for (i, f) in findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.class.is_problem())
    {
        let _ = write!(
            page,
            r##"<li><a href="#f{i}">{} {}</a></li>"##,
            f.class,
            esc(&crate::report::human::finding_title(f))
        );
    }
    let others = findings.iter().filter(|f| !f.class.is_problem()).count();
    if others > 0 {
        let _ = write!(
            page,
            "<li>and {others} agreement{}, difference{} or disputed claim{}</li>",
            if others == 1 { "" } else { "s" },
            if others == 1 { "" } else { "s" },
            if others == 1 { "" } else { "s" }
        );
    }
    page.push_str(r##"</ul></li><li><a href="#metrics">Claims by metric</a><ul>"##);
    for metric in model.metrics.keys() {
        let _ = write!(page, r##"<li><a href="#m-{0}">{0}</a></li>"##, esc(metric));
    }
    page.push_str("</ul></li></ul></details></nav>");
}

fn metric_section(
    page: &mut String,
    model: &Model,
    metric: &str,
    slots: &[Slot],
    findings: &[Finding],
    listed: &BTreeSet<usize>,
) {
    let chart = chart::metric(model, metric, slots, listed);
    let _ = write!(
        page,
        r#"<section class="metric" id="m-{0}"><h3>{0}</h3><figure class="mchart"><div class="scroll">{1}</div><figcaption>Values in {2}; each claim is drawn as its interval at its period, coloured and shaped by its reading; claims other than actual figures (forecasts, targets) stand apart on grey."#,
        esc(metric),
        chart.svg,
        esc(&chart.unit)
    );
    if chart.not_drawn > 0 {
        let _ = write!(
            page,
            " {} claim{} not drawn (another unit, or no value): listed below.",
            chart.not_drawn,
            if chart.not_drawn == 1 { " is" } else { "s are" }
        );
    }
    page.push_str("</figcaption></figure>");
    let columns = || slots.iter().flat_map(|s| &s.columns);
    let total: usize = columns().map(|c| c.claims.len()).sum();
    let left: usize = columns().map(|c| c.listed(model).1).sum();
    let shown = total - left;
    let _ = write!(
        page,
        r#"<details class="list"{}><summary>{shown} claim{} listed{}</summary>"#,
        if shown <= OPEN_LIST { " open" } else { "" },
        if shown == 1 { "" } else { "s" },
        if left > 0 {
            format!(
                " (and {left} more in readings drawn as bands; `report --format json` lists every claim)"
            )
        } else {
            String::new()
        }
    );
    for slot in slots {
        let label = slot
            .period
            .map_or_else(|| "no period".to_string(), |p| p.to_string());
        let _ = write!(page, "<h4>{}</h4><ul class=\"claims\">", esc(&label));
        for column in &slot.columns {
            let (shown, more) = column.listed(model);
            for n in shown {
                claims::entry(page, model, n, findings);
            }
            if more > 0 {
                let _ = write!(
                    page,
                    "<li class=\"more\">{}</li>",
                    esc(&crate::report::human::more(more, "claim"))
                );
            }
        }
        page.push_str("</ul>");
    }
    page.push_str("</details></section>");
}

/// What the marks mean, drawn as they are drawn: a list that wraps on a
/// narrow screen.
const LEGEND: &str = concat!(
    r#"<section class="legend" aria-label="legend"><h2>How to read the charts</h2><ul class="keys">"#,
    r#"<li><svg viewBox="0 0 24 40" width="24" height="40" aria-hidden="true"><g class="r0"><path class="wh" d="M12,8 L12,32 M8,8 L16,8 M8,32 L16,32"/><circle class="mk" cx="12" cy="20" r="4.5"/></g></svg>reading 1: a figure and the values its rounding or "about" allows</li>"#,
    r#"<li><svg viewBox="0 0 24 40" width="24" height="40" aria-hidden="true"><g class="r1"><path class="wh" d="M12,12 L12,28 M8,12 L16,12 M8,28 L16,28"/><rect class="mk" x="8" y="16" width="8" height="8"/></g></svg>reading 2</li>"#,
    r#"<li><svg viewBox="0 0 24 40" width="24" height="40" aria-hidden="true"><g class="r2"><path class="mk" d="M12,14.5 L17,24 L7,24 Z"/></g></svg>reading 3</li>"#,
    r#"<li><svg viewBox="0 0 24 40" width="24" height="40" aria-hidden="true"><g class="r3"><path class="mk" d="M12,14.5 L17.5,20 L12,25.5 L6.5,20 Z"/></g></svg>reading 4</li>"#,
    r#"<li><svg viewBox="0 0 24 40" width="24" height="40" aria-hidden="true"><g class="r0 fc"><path class="wh" d="M12,8 L12,32 M8,8 L16,8 M8,32 L16,32"/><circle class="mk" cx="12" cy="20" r="4.5"/></g></svg>a forecast (hollow, dashed; on grey in a metric's chart)</li>"#,
    r#"<li><svg viewBox="0 0 24 40" width="24" height="40" aria-hidden="true"><g class="r1"><path class="bar" d="M8,36 L8,6 L16,6 L16,36 Z"/><path class="ar" d="M7,13 L12,6 L17,13"/></g></svg>"more than": a bar to the edge, an arrow</li>"#,
    r#"<li><svg viewBox="0 0 30 40" width="30" height="40" aria-hidden="true"><g class="r0"><path class="band" d="M6,38 L6,12 L24,12 L24,38 Z"/><circle class="mk" cx="15" cy="24" r="4.5"/><text class="n" x="15" y="9" text-anchor="middle">×240</text></g></svg>a reading of many claims: one band and a count</li>"#,
    r#"<li><svg viewBox="0 0 24 40" width="24" height="40" aria-hidden="true"><g class="rn"><circle class="mk" cx="12" cy="20" r="4.5"/></g></svg>a claim in no finding</li>"#,
    "</ul><p>Hover over a mark, or tab to it, for its quote; follow it (Enter) to its entry with the source, <code>path:line</code> and URL.</p></section>"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_is_well_formed_svg() {
        let doc = scraper::Html::parse_fragment(LEGEND);
        let svg = scraper::Selector::parse(".keys svg g").unwrap();
        assert_eq!(doc.select(&svg).count(), 8);
        assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    }
}
