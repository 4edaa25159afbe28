//! A claim for people: what it says on hover over its mark, and its entry
//! in the list under its metric's chart (the figure as written, its
//! interval, the quote with the figure marked, the source, `path:line`,
//! the URL and the reading it belongs to).

use std::collections::BTreeSet;
use std::fmt::Write;

use super::escape::esc;
use super::marks::{glyph, style, Link};
use super::model::Model;
use crate::engine::Finding;
use crate::facts::Fact;
use crate::report::human;

/// `path:line` of a fact, as the other formats print it.
pub(super) fn at(f: &Fact) -> String {
    format!("{}:{}", crate::error::shown(&f.source.path), f.line)
}

/// The interval of a fact for people: "[244.75, 244.85] bn USD".
pub(super) fn interval(f: &Fact) -> String {
    human::interval(f.interval(), &f.unit)
}

/// The quote of a fact, escaped, with the figure in `<mark>`.
pub(super) fn quote(f: &Fact) -> String {
    let q = f.sentence();
    let (a, b) = f.quote_span;
    let (a, b) = (a as usize, b as usize);
    match (q.get(..a), q.get(a..b), q.get(b..)) {
        (Some(before), Some(figure), Some(after)) if a < b => {
            format!("{}<mark>{}</mark>{}", esc(before), esc(figure), esc(after))
        }
        _ => esc(q),
    }
}

/// Where the mark of fact `n` leads (its entry, when listed) and its words
/// on hover: the figure, its interval, the quote, `path:line` and URL.
pub(super) fn link(model: &Model, n: usize, listed: &BTreeSet<usize>) -> Link {
    let f = model.facts[n];
    let written = human::as_written(f);
    let label = format!("{written}, {}, {}", interval(f), at(f));
    let mut title = format!("{written} — {}\n“{}”\n{}", interval(f), f.sentence(), at(f));
    if let Some(url) = &f.source.url {
        title.push('\n');
        title.push_str(url);
    }
    Link {
        href: if listed.contains(&n) {
            format!("c{n}")
        } else {
            String::new()
        },
        label,
        title,
    }
}

/// The entry of fact `n`: a `<details>` whose summary is the figure, its
/// interval and `path:line`, and whose body is the quote and the source.
pub(super) fn entry(out: &mut String, model: &Model, n: usize, findings: &[Finding]) {
    let f = model.facts[n];
    let place = model.places[n];
    let (class, shape) = style(place);
    let role = match f.quantity.role {
        crate::extract::Role::Actual => String::new(),
        r => format!(" <span class=\"tag\">{}</span>", r.as_str()),
    };
    let _ = write!(
        out,
        r#"<li><details class="claim" id="c{n}"><summary><span class="k {class}" aria-hidden="true">{}</span> <b class="fig">{}</b>{role} <span class="iv">{}</span> <code class="at">{}</code></summary><blockquote>{}</blockquote><dl>"#,
        glyph(shape),
        esc(&human::as_written(f)),
        esc(&interval(f)),
        esc(&at(f)),
        quote(f)
    );
    let published = f
        .source
        .published
        .map_or_else(String::new, |d| format!(", published {d}"));
    let _ = write!(
        out,
        "<dt>source</dt><dd>{}{published}</dd>",
        esc(f.source.id())
    );
    if let Some(url) = &f.source.url {
        let _ = write!(
            out,
            r#"<dt>URL</dt><dd><a href="{0}" rel="noreferrer">{0}</a></dd>"#,
            esc(url)
        );
    }
    let _ = write!(
        out,
        "<dt>period</dt><dd>{}</dd>",
        f.period
            .map_or_else(|| "unknown".to_string(), |p| p.to_string())
    );
    if let Some(p) = place {
        let what = match p.reading {
            Some(k) => format!("reading {} of ", k + 1),
            None => String::new(),
        };
        let _ = write!(
            out,
            r##"<dt>finding</dt><dd>{what}<a href="#f{}">{}</a></dd>"##,
            p.finding,
            esc(&findings
                .get(p.finding)
                .map(|x| format!("{} {}", x.class, human::finding_title(x)))
                .unwrap_or_default())
        );
    } else if let Some(why) = f.not_comparable() {
        let _ = write!(out, "<dt>not compared</dt><dd>{}</dd>", esc(why));
    }
    out.push_str("</dl></details></li>");
}
