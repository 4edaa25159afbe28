//! One claim drawn as its interval, or one reading drawn as a band with a
//! count, along a value axis that runs up the page (a metric's chart) or
//! across it (a finding's). Colour and shape both say the reading, so a
//! printout in grey still tells them apart; a forecast is drawn dashed and
//! hollow; an open end ("more than") is a bar with an arrow.

use std::fmt::Write;

use rust_decimal::prelude::ToPrimitive;

use super::escape::esc;
use super::model::Place;
use super::scale::Scale;
use crate::facts::Fact;
use crate::interval::Interval;

/// The shape of a reading's marks, in the order readings take them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
}

const SHAPES: [Shape; 4] = [
    Shape::Circle,
    Shape::Square,
    Shape::Triangle,
    Shape::Diamond,
];

/// The CSS class (colour) and shape of a place: reading `k` of a finding
/// is `r{k % 8}` and the `k % 4`th shape; a fact of a check only is `rv`,
/// a fact in no finding `rn` (grey, hollow circle).
pub(super) fn style(place: Option<Place>) -> (String, Shape) {
    match place {
        Some(Place {
            reading: Some(k), ..
        }) => (format!("r{}", k % 8), SHAPES[k % 4]),
        Some(_) => ("rv".to_string(), Shape::Diamond),
        None => ("rn".to_string(), Shape::Circle),
    }
}

/// The glyph of a shape, for text beside the charts.
pub(super) fn glyph(shape: Shape) -> &'static str {
    match shape {
        Shape::Circle => "●",
        Shape::Square => "■",
        Shape::Triangle => "▲",
        Shape::Diamond => "◆",
    }
}

/// Where marks are drawn: the value axis, and whether it runs across the
/// page.
#[derive(Debug, Clone, Copy)]
pub(super) struct Axis {
    pub(super) scale: Scale,
    pub(super) across: bool,
}

impl Axis {
    /// The page point of value coordinate `a` and cross coordinate `b`.
    fn xy(&self, a: f64, b: f64) -> (f64, f64) {
        if self.across {
            (a, b)
        } else {
            (b, a)
        }
    }

    fn p(&self, a: f64, b: f64) -> String {
        let (x, y) = self.xy(a, b);
        format!("{x:.1},{y:.1}")
    }

    /// The value coordinates of an interval's ends (an open end at the
    /// axis' edge), and whether each end is open.
    fn ends(&self, i: &Interval) -> ((f64, bool), (f64, bool)) {
        let s = &self.scale;
        let lo = i.lo.and_then(|b| b.value.to_f64());
        let hi = i.hi.and_then(|b| b.value.to_f64());
        (
            lo.map_or((s.a0, true), |v| (s.at(v), false)),
            hi.map_or((s.a1, true), |v| (s.at(v), false)),
        )
    }

    /// An arrow pointing out of the axis at value coordinate `a` (`hi`:
    /// the upper edge).
    fn arrow(&self, out: &mut String, a: f64, b: f64, hi: bool) {
        let up = (self.scale.a1 - self.scale.a0).signum();
        let back = if hi { -up * 7.0 } else { up * 7.0 };
        let _ = write!(
            out,
            r#"<path class="ar" d="M{} L{} L{}"/>"#,
            self.p(a + back, b - 5.0),
            self.p(a, b),
            self.p(a + back, b + 5.0)
        );
    }

    /// A shape at value coordinate `a`.
    fn marker(&self, out: &mut String, shape: Shape, a: f64, b: f64) {
        let (x, y) = self.xy(a, b);
        let _ = match shape {
            Shape::Circle => write!(
                out,
                r#"<circle class="mk" cx="{x:.1}" cy="{y:.1}" r="4.5"/>"#
            ),
            Shape::Square => write!(
                out,
                r#"<rect class="mk" x="{:.1}" y="{:.1}" width="8" height="8"/>"#,
                x - 4.0,
                y - 4.0
            ),
            Shape::Triangle => write!(
                out,
                r#"<path class="mk" d="M{x:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} Z"/>"#,
                y - 5.5,
                x + 5.0,
                y + 4.0,
                x - 5.0,
                y + 4.0
            ),
            Shape::Diamond => write!(
                out,
                r#"<path class="mk" d="M{x:.1},{:.1} L{:.1},{y:.1} L{x:.1},{:.1} L{:.1},{y:.1} Z"/>"#,
                y - 5.5,
                x + 5.5,
                y + 5.5,
                x - 5.5
            ),
        };
    }

    /// A bar from `lo` to `hi` (value coordinates), `half` wide each side.
    fn bar(&self, out: &mut String, class: &str, (lo, hi): (f64, f64), b: f64, half: f64) {
        let _ = write!(
            out,
            r#"<path class="{class}" d="M{} L{} L{} L{} Z"/>"#,
            self.p(lo, b - half),
            self.p(hi, b - half),
            self.p(hi, b + half),
            self.p(lo, b + half)
        );
    }

    /// One claim at cross coordinate `b`: a point with whiskers, or a bar
    /// for a range, a bound or an open end; a link to `href` whose title
    /// is `title`.
    pub(super) fn claim(
        &self,
        out: &mut String,
        fact: &Fact,
        place: Option<Place>,
        b: f64,
        link: &Link,
    ) {
        let (class, shape) = style(place);
        let forecast = fact.quantity.role != crate::extract::Role::Actual;
        let _ = write!(
            out,
            r#"<a {} class="{class}{}" aria-label="{}"><title>{}</title>"#,
            link.target(),
            if forecast { " fc" } else { "" },
            esc(&link.label),
            esc(&link.title)
        );
        let ((lo, lo_open), (hi, hi_open)) = self.ends(&fact.interval());
        let value = fact
            .quantity
            .value
            .and_then(|v| v.to_f64())
            .map(|v| self.scale.at(v));
        if lo_open || hi_open || value.is_none() {
            self.bar(out, "bar", (lo, hi), b, 4.0);
            if lo_open {
                self.arrow(out, lo, b, false);
            }
            if hi_open {
                self.arrow(out, hi, b, true);
            }
        } else {
            let _ = write!(
                out,
                r#"<path class="wh" d="M{} L{} M{} L{} M{} L{}"/>"#,
                self.p(lo, b),
                self.p(hi, b),
                self.p(lo, b - 4.0),
                self.p(lo, b + 4.0),
                self.p(hi, b - 4.0),
                self.p(hi, b + 4.0)
            );
        }
        if let Some(a) = value {
            self.marker(out, shape, a, b);
        }
        out.push_str("</a>");
    }

    /// A reading of many claims at cross coordinate `b`: the band from the
    /// lowest to the highest end its claims state, the lead's value, and
    /// how many claims there are.
    pub(super) fn band(
        &self,
        out: &mut String,
        facts: &[&Fact],
        place: Option<Place>,
        b: f64,
        link: &Link,
    ) {
        let (class, shape) = style(place);
        let _ = write!(
            out,
            r#"<a {} class="{class}" aria-label="{}"><title>{}</title>"#,
            link.target(),
            esc(&link.label),
            esc(&link.title)
        );
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for f in facts {
            let ((l, _), (h, _)) = self.ends(&f.interval());
            lo = lo.min(l.min(h));
            hi = hi.max(l.max(h));
        }
        self.bar(out, "band", (lo, hi), b, 9.0);
        if let Some(a) = facts
            .first()
            .and_then(|f| f.quantity.value)
            .and_then(|v| v.to_f64())
        {
            self.marker(out, shape, self.scale.at(a), b);
        }
        // the count beyond the band's right end, or above its top
        let (x, y) = if self.across {
            (hi + 4.0, b + 4.0)
        } else {
            (b, lo - 5.0)
        };
        let anchor = if self.across { "start" } else { "middle" };
        let _ = write!(
            out,
            r#"<text class="n" x="{x:.1}" y="{y:.1}" text-anchor="{anchor}">×{}</text></a>"#,
            facts.len()
        );
    }
}

/// Where a mark leads, and what it says on hover and to a screen reader.
pub(super) struct Link {
    pub(super) href: String,
    pub(super) label: String,
    pub(super) title: String,
}

impl Link {
    /// The attribute that makes a mark a link, or focusable when it has
    /// nowhere to lead.
    fn target(&self) -> String {
        if self.href.is_empty() {
            r#"tabindex="0""#.to_string()
        } else {
            format!(r##"href="#{}""##, esc(&self.href))
        }
    }
}
