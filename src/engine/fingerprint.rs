//! Fingerprints of findings: the same finding gets the same fingerprint
//! when lines move, text around the claims is reworded, or a file is
//! renamed with the same `id`; a new fingerprint when a claim's value,
//! period or metric changes. For baselines and SARIF `partialFingerprints`.
//!
//! What is hashed: the finding's class, metric (or check) id and period, and
//! for each fact (sorted) its source `id`, metric, period, unit and stated
//! value or range. FNV-1a, 64 bits, printed as 16 hex digits: not for
//! security, only for telling findings apart, and the same on every machine.

use super::Finding;

/// The fingerprint of `f`.
pub fn fingerprint(f: &Finding) -> String {
    let mut facts: Vec<String> = f
        .facts
        .iter()
        .map(|x| {
            let q = &x.quantity;
            let value = match (q.value, q.range) {
                (Some(v), _) => v.normalize().to_string(),
                (None, Some((a, b))) => format!("{}..{}", a.normalize(), b.normalize()),
                (None, None) => format!("{:?}", q.direction),
            };
            let period = x.period.map(|p| p.to_string()).unwrap_or_default();
            format!(
                "{}\u{1f}{}\u{1f}{period}\u{1f}{}\u{1f}{value}\u{1f}{:?}",
                x.source.id, x.metric, x.unit, q.qualifier
            )
        })
        .collect();
    facts.sort();
    let period = f.period.map(|p| p.to_string()).unwrap_or_default();
    let text = format!(
        "{}\u{1e}{}\u{1e}{period}\u{1e}{}",
        f.class,
        f.metric,
        facts.join("\u{1e}")
    );
    format!("{:016x}", fnv1a(text.as_bytes()))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |h, b| (h ^ u64::from(*b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
