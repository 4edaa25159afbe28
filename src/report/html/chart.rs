//! The charts, as inline SVG: a metric's periods across and values up,
//! each claim as its interval (a column of many claims a reading at a
//! time); and a finding's readings on one value axis across the page.

use std::collections::BTreeSet;
use std::fmt::Write;

use rust_decimal::prelude::ToPrimitive;

use super::claims;
use super::escape::esc;
use super::marks::{Axis, Link};
use super::model::{Model, Place, Slot};
use super::scale::Scale;
use crate::engine::Finding;
use crate::extract::Role;
use crate::facts::Fact;

const LEFT: f64 = 78.0;
const TOP: f64 = 16.0;
const PLOT: f64 = 200.0;
const BOTTOM: f64 = 36.0;
const GAP: f64 = 14.0;

/// The finite values a fact states: its interval's ends and its value.
fn values(f: &Fact) -> impl Iterator<Item = f64> {
    let i = f.interval();
    [
        i.lo.map(|b| b.value),
        i.hi.map(|b| b.value),
        f.quantity.value,
    ]
    .into_iter()
    .flatten()
    .filter_map(|d| d.to_f64())
}

/// Whether a fact can be drawn on an axis of `unit`: of that unit, with a
/// value or an end.
fn drawable(f: &Fact, unit: &str) -> bool {
    *f.unit == *unit && values(f).next().is_some()
}

/// The unit most of `facts` are in (the first of those tied).
fn main_unit<'f>(facts: impl Iterator<Item = &'f Fact>) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for f in facts {
        match counts.iter_mut().find(|(u, _)| *u == &*f.unit) {
            Some((_, n)) => *n += 1,
            None => counts.push((&f.unit, 1)),
        }
    }
    let mut best: Option<(&str, usize)> = None;
    for (u, n) in counts {
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((u, n));
        }
    }
    best.map_or_else(String::new, |(u, _)| u.to_string())
}

/// A metric's chart, and how many of its facts it does not draw (in
/// another unit, or with no value).
pub(super) struct MetricChart {
    pub(super) svg: String,
    pub(super) unit: String,
    pub(super) not_drawn: usize,
}

/// The width of a column of a chart.
fn column_width(model: &Model, c: &super::model::Column) -> f64 {
    if c.summarised() {
        c.bundles(model).len() as f64 * 44.0 + 16.0
    } else {
        (c.claims.len() as f64 * 14.0 + 20.0).max(44.0)
    }
}

pub(super) fn metric(
    model: &Model,
    metric: &str,
    slots: &[Slot],
    listed: &BTreeSet<usize>,
) -> MetricChart {
    let all = || {
        slots
            .iter()
            .flat_map(|s| &s.columns)
            .flat_map(|c| &c.claims)
    };
    let unit = main_unit(all().map(|&n| model.facts[n]));
    let drawn = |n: usize| drawable(model.facts[n], &unit);
    let not_drawn = all().filter(|&&n| !drawn(n)).count();
    let scale = Scale::of(
        all()
            .filter(|&&n| drawn(n))
            .flat_map(|&n| values(model.facts[n])),
        TOP + PLOT,
        TOP,
    );
    let width: f64 = LEFT
        + slots
            .iter()
            .map(|s| {
                s.columns
                    .iter()
                    .map(|c| column_width(model, c))
                    .sum::<f64>()
                    + GAP
            })
            .sum::<f64>()
        + 8.0;
    let height = TOP + PLOT + BOTTOM;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" role="group" aria-label="{} by period, in {}">"#,
        esc(metric),
        esc(&unit)
    );
    let Some(scale) = scale else {
        svg.push_str("</svg>");
        return MetricChart {
            svg,
            unit,
            not_drawn,
        };
    };
    let axis = Axis {
        scale,
        across: false,
    };
    // the grid and the value axis
    let (ticks, step) = scale.ticks();
    for t in ticks {
        let y = scale.at(t);
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{LEFT}" x2="{:.0}" y1="{y:.1}" y2="{y:.1}"/><text class="tick" x="{:.0}" y="{:.1}" text-anchor="end">{}</text>"#,
            width - 8.0,
            LEFT - 6.0,
            y + 4.0,
            esc(&scale.label(t, step))
        );
    }
    let mut x = LEFT;
    for slot in slots {
        let slot_start = x;
        for column in &slot.columns {
            let w = column_width(model, column);
            if column.role != Role::Actual {
                let _ = write!(
                    svg,
                    r#"<rect class="apart" x="{x:.1}" y="{TOP}" width="{w:.1}" height="{PLOT}"/><text class="role" x="{:.1}" y="{:.0}" text-anchor="middle">{}</text>"#,
                    x + w / 2.0,
                    TOP + PLOT + 30.0,
                    column.role.as_str()
                );
            }
            draw_column(&mut svg, model, &axis, column, x, w, listed);
            x += w;
        }
        let label = slot
            .period
            .map_or_else(|| "no period".to_string(), |p| p.to_string());
        let _ = write!(
            svg,
            r#"<text class="period" x="{:.1}" y="{:.0}" text-anchor="middle">{}</text><line class="sep" x1="{:.1}" x2="{:.1}" y1="{TOP}" y2="{:.0}"/>"#,
            (slot_start + x) / 2.0,
            TOP + PLOT + 16.0,
            esc(&label),
            x + GAP / 2.0,
            x + GAP / 2.0,
            TOP + PLOT
        );
        x += GAP;
    }
    svg.push_str("</svg>");
    MetricChart {
        svg,
        unit,
        not_drawn,
    }
}

fn draw_column(
    svg: &mut String,
    model: &Model,
    axis: &Axis,
    column: &super::model::Column,
    x: f64,
    w: f64,
    listed: &BTreeSet<usize>,
) {
    let bundles = column.bundles(model);
    if column.summarised() {
        for (i, (place, claims)) in bundles.iter().enumerate() {
            let b = x + 8.0 + 22.0 + i as f64 * 44.0;
            let facts: Vec<&Fact> = claims.iter().map(|&n| model.facts[n]).collect();
            let link = band_link(model, *place, claims, listed);
            axis.band(svg, &facts, *place, b, &link);
        }
        return;
    }
    let order: Vec<usize> = bundles.into_iter().flat_map(|(_, c)| c).collect();
    let step = (w - 16.0) / order.len().max(1) as f64;
    for (i, n) in order.into_iter().enumerate() {
        let b = x + 8.0 + step * (i as f64 + 0.5);
        let f = model.facts[n];
        if values(f).next().is_none() {
            continue;
        }
        axis.claim(svg, f, model.places[n], b, &claims::link(model, n, listed));
    }
}

/// The link of a band: to its first listed claim.
fn band_link(
    model: &Model,
    place: Option<Place>,
    claims: &[usize],
    listed: &BTreeSet<usize>,
) -> Link {
    let first = claims.iter().copied().find(|n| listed.contains(n));
    let lead = claims.first().map(|&n| model.facts[n]);
    let what = match place {
        Some(Place {
            reading: Some(k), ..
        }) => format!("reading {}", k + 1),
        Some(_) => "a check".to_string(),
        None => "in no finding".to_string(),
    };
    let label = format!(
        "{what}: {} claim{}{}",
        claims.len(),
        if claims.len() == 1 { "" } else { "s" },
        lead.map_or_else(String::new, |f| format!(", first {}", f.surface()))
    );
    Link {
        href: first.map_or_else(String::new, |n| format!("c{n}")),
        title: label.clone(),
        label,
    }
}

/// A finding's readings on one axis across the page: a row per claim (a
/// reading of more than `ROWS_PER_READING` claims is one band), the
/// reading's number on the left. `None` for a check violation, which has
/// no readings.
pub(super) fn finding(
    model: &Model,
    index: usize,
    f: &Finding,
    listed: &BTreeSet<usize>,
) -> Option<String> {
    const ROWS_PER_READING: usize = 6;
    const ROW: f64 = 22.0;
    const WIDTH: f64 = 480.0;
    const LABEL: f64 = 92.0;
    let unit = f.readings.first()?.lead.unit.to_string();
    let facts = f.readings.iter().flat_map(|r| r.facts.iter());
    let scale = Scale::of(
        facts.filter(|x| drawable(x, &unit)).flat_map(values),
        LABEL + 8.0,
        WIDTH - 40.0,
    )?;
    let axis = Axis {
        scale,
        across: true,
    };
    let rows: usize = f
        .readings
        .iter()
        .map(|r| {
            if r.facts.len() > ROWS_PER_READING {
                1
            } else {
                r.facts.len()
            }
        })
        .sum();
    let height = 8.0 + rows as f64 * ROW + 24.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="strip" viewBox="0 0 {WIDTH} {height:.0}" role="group" aria-label="the readings of {} on one axis, in {}">"#,
        esc(&f.metric),
        esc(&unit)
    );
    let bottom = height - 24.0;
    // few ticks: their labels must fit at a phone's width
    let (ticks, step) = scale.ticks_about(3);
    for t in ticks {
        let x = scale.at(t);
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{x:.1}" x2="{x:.1}" y1="4" y2="{bottom:.0}"/><text class="tick" x="{x:.1}" y="{:.0}" text-anchor="middle">{}</text>"#,
            bottom + 16.0,
            esc(&scale.label(t, step))
        );
    }
    let mut y = 8.0 + ROW / 2.0;
    for (k, r) in f.readings.iter().enumerate() {
        let place = Some(Place {
            finding: index,
            reading: Some(k),
        });
        let _ = write!(
            svg,
            r#"<text class="rl" x="4" y="{:.1}">reading {}</text>"#,
            y + 4.0,
            k + 1
        );
        let drawn: Vec<&Fact> = r.facts.iter().filter(|x| drawable(x, &unit)).collect();
        if r.facts.len() > ROWS_PER_READING {
            let numbers: Vec<usize> = drawn.iter().filter_map(|x| model.number(x)).collect();
            axis.band(
                &mut svg,
                &drawn,
                place,
                y,
                &band_link(model, place, &numbers, listed),
            );
            y += ROW;
            continue;
        }
        for x in r.facts.iter() {
            if let Some(n) = model.number(x).filter(|_| drawable(x, &unit)) {
                axis.claim(&mut svg, x, place, y, &claims::link(model, n, listed));
            }
            y += ROW;
        }
    }
    svg.push_str("</svg>");
    Some(svg)
}
