//! A set of short lowercase words for the extractor's hot look-ups: a word
//! of up to 16 bytes is one 128-bit key in an open-addressing table, found
//! in one or two probes without hashing bytes one by one. Longer words go
//! to an ordinary hash set.

use foldhash::HashSet;

pub(crate) struct WordSet {
    /// Keys of the short words; 0 marks an empty slot (no word is empty).
    slots: Box<[u128]>,
    /// `slots.len()` is a power of two: a key's home slot is its hash's
    /// top bits.
    shift: u32,
    long: HashSet<String>,
}

/// The word as a key: its bytes in the low bytes of a `u128`, the rest 0.
/// `None` for an empty word or one longer than 16 bytes.
///
/// The bytes are read in at most two loads that may overlap (the first and
/// the last eight, four, or single bytes), shifted into place: a copy of a
/// variable length into a zeroed array compiled to a call to `memcpy` per
/// look-up.
#[inline]
fn key(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let n = b.len();
    let (lo, hi) = match (b.first_chunk::<8>(), b.last_chunk::<8>()) {
        (Some(first), Some(last)) if n <= 16 => {
            // the last eight bytes hold bytes 8..n at their top: shifted
            // down by the bytes they share with the first eight
            let tail = u64::from_le_bytes(*last).checked_shr(8 * (16 - n) as u32);
            (u64::from_le_bytes(*first), tail.unwrap_or(0))
        }
        (Some(_), _) => return None,
        _ => match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
            (Some(first), Some(last)) => {
                let first = u64::from(u32::from_le_bytes(*first));
                let tail = u64::from(u32::from_le_bytes(*last)) >> (8 * (8 - n));
                (first | tail << 32, 0)
            }
            _ => match *b {
                [] => return None,
                // one to three bytes: the first, the middle and the last
                _ => {
                    let at = |k: usize| u64::from(b[k]) << (8 * k);
                    (at(0) | at(n / 2) | at(n - 1), 0)
                }
            },
        },
    };
    Some(u128::from(lo) | u128::from(hi) << 64)
}

impl WordSet {
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let words: Vec<&str> = words.into_iter().collect();
        // at most a quarter full: probes stay short
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut set = WordSet {
            slots: vec![0; size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            long: HashSet::default(),
        };
        for w in words {
            match key(w) {
                Some(k) => {
                    let mut i = set.home(k);
                    while set.slots[i] != 0 && set.slots[i] != k {
                        i = (i + 1) & (set.slots.len() - 1);
                    }
                    set.slots[i] = k;
                }
                None => {
                    set.long.insert(w.to_string());
                }
            }
        }
        set
    }

    fn home(&self, k: u128) -> usize {
        // cannot truncate: the shift leaves at most as many bits as a slot
        // index needs
        let folded = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Whether `w` is in the set (bytes compared exactly: pass it
    /// lowercase).
    pub(crate) fn contains(&self, w: &str) -> bool {
        let Some(k) = key(w) else {
            return !w.is_empty() && self.long.contains(w);
        };
        let mut i = self.home(k);
        loop {
            match self.slots[i] {
                0 => return false,
                s if s == k => return true,
                _ => i = (i + 1) & (self.slots.len() - 1),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_exactly_its_words() {
        let words = [
            "a",
            "an",
            "between",
            "seventeen",
            "sixteen-letters!",
            "seventeen-letters",
            "quadrillionths-and-more",
        ];
        let set = WordSet::new(words);
        for w in words {
            assert!(set.contains(w), "{w}");
        }
        for w in [
            "",
            "b",
            "betwee",
            "betweenn",
            "A",
            "seventeen-letter",
            "x".repeat(40).as_str(),
        ] {
            assert!(!set.contains(w), "{w}");
        }
    }

    #[test]
    fn keys_hold_the_bytes_of_every_length() {
        let text = "abcdefghijklmnopqrstu";
        for n in 0..=text.len() {
            let w = &text[..n];
            let expected = (1..=16).contains(&n).then(|| {
                let mut bytes = [0u8; 16];
                bytes[..n].copy_from_slice(w.as_bytes());
                u128::from_le_bytes(bytes)
            });
            assert_eq!(key(w), expected, "{w:?}");
        }
    }

    #[test]
    fn a_full_vocabulary_probes_every_slot_right() {
        let words: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let set = WordSet::new(words.iter().map(String::as_str));
        assert!(words.iter().all(|w| set.contains(w)));
        assert!((500..1500).all(|i| !set.contains(&format!("w{i}"))));
    }
}
