//! Fingerprints of findings: the same finding gets the same fingerprint
//! when lines move, text around the claims is reworded, a file is renamed
//! or more sources repeat a value; a new fingerprint when a reading's value,
//! the period or the metric changes. For baselines and SARIF
//! `partialFingerprints`.
//!
//! What is hashed: the finding's class, metric (or check) id, period, role
//! and basis, and the stated value (or range) and unit of each reading's
//! lead, sorted; for a check's violation, the values of every fact of its
//! failing combinations, sorted and without repeats. Never the sources or
//! the pairs. FNV-1a, 64 bits, printed as 16 hex digits: not for security,
//! only for telling findings apart, and the same on every machine.

use super::Finding;
use crate::facts::Fact;

/// The stated value of `f` with its unit and qualifier, as hashed.
pub(crate) fn value_key(f: &Fact) -> String {
    let q = &f.quantity;
    let value = match (q.value, q.range()) {
        (Some(v), _) => v.normalize().to_string(),
        (None, Some((a, b))) => format!("{}..{}", a.normalize(), b.normalize()),
        (None, None) => format!("{:?}", q.direction),
    };
    format!("{value}\u{1f}{}\u{1f}{:?}", f.unit, q.qualifier)
}

/// The fingerprint of `f`.
pub fn fingerprint(f: &Finding) -> String {
    let mut values: Vec<String> = if f.readings.is_empty() {
        f.facts()
            .map(|x| format!("{}\u{1f}{}", x.metric, value_key(x)))
            .collect()
    } else {
        f.readings.iter().map(|r| value_key(r.lead)).collect()
    };
    values.sort();
    values.dedup();
    let period = f.period.map(|p| p.to_string()).unwrap_or_default();
    let text = format!(
        "{}\u{1e}{}\u{1e}{period}\u{1e}{}\u{1e}{}\u{1e}{}",
        f.class,
        f.metric,
        f.role.as_str(),
        f.basis.as_deref().unwrap_or_default(),
        values.join("\u{1e}")
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
