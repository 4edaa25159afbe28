//! A chart's value axis: values to pixels, round ticks and their labels
//! ("244.5 bn", "211,850").

/// A linear map from a value range to a pixel range (`a0` for `lo`, `a1`
/// for `hi`: a vertical axis has `a0` below `a1` on the page, so larger).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Scale {
    pub(super) lo: f64,
    pub(super) hi: f64,
    pub a0: f64,
    pub a1: f64,
}

impl Scale {
    /// The scale of `values` (padded a little, so no mark sits on an
    /// edge), or `None` when there is no finite value.
    pub(super) fn of(values: impl IntoIterator<Item = f64>, a0: f64, a1: f64) -> Option<Scale> {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for v in values.into_iter().filter(|v| v.is_finite()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if lo > hi {
            return None;
        }
        let pad = if hi > lo {
            (hi - lo) * 0.08
        } else {
            (lo.abs() * 0.05).max(1.0)
        };
        Some(Scale {
            lo: lo - pad,
            hi: hi + pad,
            a0,
            a1,
        })
    }

    /// Where `v` is drawn, kept within the axis.
    pub(super) fn at(&self, v: f64) -> f64 {
        let t = ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0);
        self.a0 + t * (self.a1 - self.a0)
    }

    /// Round values within the axis, about five of them, and the step
    /// between them.
    pub(super) fn ticks(&self) -> (Vec<f64>, f64) {
        self.ticks_about(5)
    }

    /// Round values within the axis, about `n` of them (at least 1), and
    /// the step between them.
    pub(super) fn ticks_about(&self, n: u8) -> (Vec<f64>, f64) {
        let rough = (self.hi - self.lo) / f64::from(n.max(1));
        let power = 10f64.powf(rough.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .iter()
            .map(|m| m * power)
            .find(|s| *s >= rough)
            .unwrap_or(10.0 * power);
        let first = (self.lo / step).ceil();
        let ticks = (0..)
            .map(|i| (first + f64::from(i)) * step)
            .take_while(|v| *v <= self.hi)
            .take(12)
            .collect();
        (ticks, step)
    }

    /// The label of tick `v`, with the scale word of the axis' largest
    /// magnitude and as many decimals as `step` needs.
    pub(super) fn label(&self, v: f64, step: f64) -> String {
        let magnitude = self.lo.abs().max(self.hi.abs());
        let (div, word) = [(1e12, " tn"), (1e9, " bn"), (1e6, " mn")]
            .into_iter()
            .find(|(d, _)| magnitude >= *d)
            .unwrap_or((1.0, ""));
        let decimals = (-(step / div).log10().floor()).clamp(0.0, 6.0) as usize;
        let text = format!("{:.*}", decimals, v / div);
        // cannot fail: a finite f64 written with decimals is a decimal
        let value = text.parse::<rust_decimal::Decimal>().unwrap_or_default();
        format!("{}{word}", crate::report::human::grouped(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_map_to_pixels_within_the_axis() {
        let s = Scale::of([244.5e9, 245.5e9], 200.0, 0.0).unwrap();
        assert!(s.at(244.5e9) < 200.0 && s.at(244.5e9) > 180.0);
        assert_eq!(s.at(1e15), 0.0);
        assert_eq!(s.at(-1e15), 200.0);
        assert!(Scale::of([f64::INFINITY], 0.0, 1.0).is_none());
        let one = Scale::of([5.0], 0.0, 100.0).unwrap();
        assert_eq!(one.at(5.0), 50.0);
    }

    fn axis(lo: f64, hi: f64) -> Scale {
        Scale {
            lo,
            hi,
            a0: 0.0,
            a1: 1.0,
        }
    }

    #[test]
    fn ticks_are_round_and_labelled_in_the_axis_scale() {
        let s = axis(244.4e9, 245.6e9);
        let (ticks, step) = s.ticks();
        let labels: Vec<String> = ticks.iter().map(|t| s.label(*t, step)).collect();
        assert_eq!(labels, ["244.5 bn", "245 bn", "245.5 bn"]);
        let s = axis(200_000.0, 240_000.0);
        let (ticks, step) = s.ticks();
        assert_eq!(s.label(ticks[1], step), "210,000");
        assert_eq!(axis(-1.0, 1.0).label(-0.0, 0.5), "0");
    }
}
