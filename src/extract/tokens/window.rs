//! The tokenizer's fast path: 64 bytes of text at a time, classified into
//! bit masks (one bit per byte), from which the words and ASCII symbols are
//! read with a few bit operations each instead of a branch per byte.
//!
//! A window stops at the first byte it leaves to the general path (digits,
//! white space other than a space, bytes beyond ASCII) and before a word
//! that may go on past it; the tokens it gives are those of the general
//! path, which the tokenizer's tests check on random text.

use super::{quiet_symbol, Class, Gap, TokKind, Token, CLASSES};
use crate::extract::parse::Shapes;

/// Bytes a window reads.
pub(super) const WIDTH: usize = 64;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The low seven bits of every byte.
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// Bit `k` of the result is the high bit of byte `k` of `x` (whose other
/// bits are clear). The multiplier puts each byte's bit in the top byte,
/// and no two partial products meet, so nothing carries.
#[inline(always)]
fn gather(x: u64) -> u64 {
    ((x >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// The high bit of each byte of `x` that is an ASCII letter.
#[inline(always)]
fn letters(x: u64) -> u64 {
    // on the low seven bits no sum below carries into the next byte; bytes
    // beyond ASCII are then cleared
    let folded = (x & LOW7) | (0x20 * ONES);
    let at_least_a = folded + (0x80 - u64::from(b'a')) * ONES;
    let past_z = folded + (0x80 - u64::from(b'z' + 1)) * ONES;
    at_least_a & !past_z & !x & HIGH
}

/// The high bit of each byte of `x` that is a space (0x20).
#[inline(always)]
fn spaces(x: u64) -> u64 {
    let t = x ^ (u64::from(b' ') * ONES);
    // a byte of `t` is zero exactly when adding 0x7f to its low bits does
    // not reach the high bit and its own high bit is clear
    !(((t & LOW7) + LOW7) | t | LOW7)
}

/// Masks of the letters and the spaces of `window`: bit `k` for byte `k`.
#[inline(always)]
fn masks(window: &[u8; WIDTH]) -> (u64, u64) {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of every x86-64 target (the baseline the
        // compiler itself assumes)
        unsafe { sse2::masks(window) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        masks_in_words(window)
    }
}

/// `masks` eight bytes at a time, in plain integer operations.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn masks_in_words(window: &[u8; WIDTH]) -> (u64, u64) {
    let (mut l, mut s) = (0, 0);
    for (k, block) in window.chunks_exact(8).enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(block);
        let x = u64::from_le_bytes(word);
        l |= gather(letters(x)) << (8 * k);
        s |= gather(spaces(x)) << (8 * k);
    }
    (l, s)
}

/// `masks` sixteen bytes at a time, in SSE2 vector operations.
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8,
    };

    use super::WIDTH;

    #[target_feature(enable = "sse2")]
    pub(super) fn masks(window: &[u8; WIDTH]) -> (u64, u64) {
        let (mut l, mut s) = (0, 0);
        for (k, block) in window.chunks_exact(16).enumerate() {
            // SAFETY: `block` holds the 16 bytes read (unaligned load)
            let v = unsafe { _mm_loadu_si128(block.as_ptr().cast()) };
            // a letter: (byte | 0x20) - 'a' below 26, unsigned
            let from_a = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8(0x61));
            let letter = _mm_cmpeq_epi8(_mm_min_epu8(from_a, _mm_set1_epi8(25)), from_a);
            let space = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x20));
            // the sign of each byte, 16 bits: cannot be negative
            l |= u64::from(_mm_movemask_epi8(letter) as u16) << (16 * k);
            s |= u64::from(_mm_movemask_epi8(space) as u16) << (16 * k);
        }
        (l, s)
    }
}

/// Reads the tokens of the window at `at` (the start of a token, after
/// `gap`) into `tokens`, and returns where the last one ends; `None` when
/// the window reads none (the general path reads that token). The tokens
/// are written straight into the vector's free room, first made large
/// enough for any window's tokens: pushed one by one they cost a tenth more
/// instructions (a capacity check each), and written to a buffer and copied
/// they cost a call to `memcpy` per window.
#[inline(always)]
pub(super) fn read(
    bytes: &[u8],
    at: usize,
    gap: Gap,
    shapes: &Shapes,
    tokens: &mut Vec<Token>,
) -> Option<usize> {
    let window: &[u8; WIDTH] = bytes.get(at..at + WIDTH)?.try_into().ok()?;
    tokens.reserve(WIDTH);
    let room = tokens.spare_capacity_mut();
    let room = room.get_mut(..WIDTH)?;
    let (l, s) = masks(window);
    // token starts: the first letter of each run of letters, and every byte
    // that is neither letter nor space (a symbol, or where the window ends)
    let mut starts = (l & !(l << 1)) | !(l | s);
    let mut end = 0;
    let mut gap = gap;
    let mut n = 0;
    while starts != 0 {
        let p = starts.trailing_zeros() as usize;
        starts &= starts - 1;
        if end != 0 {
            gap = if p == end { Gap::Glued } else { Gap::Space };
        }
        let (kind, stop, quiet) = if l >> p & 1 == 1 {
            // past the window (up to 64 + p) when the letters run to its end
            let stop = p + (!l >> p).trailing_zeros() as usize;
            // a word that reaches the window's end, or a byte beyond ASCII
            // (a letter like "é"), may go on: left to the next read
            if stop >= WIDTH || window[stop] >= 0x80 {
                break;
            }
            (
                TokKind::Word,
                stop,
                !shapes.may_start_letters(window, p, stop - p),
            )
        } else {
            let b = window[p];
            if CLASSES[usize::from(b)] != Class::Symbol {
                break;
            }
            (TokKind::Symbol, p + 1, quiet_symbol(b))
        };
        // at most one token per byte: `n` stays below 64
        room[n & (WIDTH - 1)].write(Token {
            kind,
            // cannot truncate: `tokenize` refuses texts of 4 GiB and more
            start: (at + p) as u32,
            end: (at + stop) as u32,
            gap,
            quiet,
        });
        n += 1;
        end = stop;
    }
    let len = tokens.len() + n.min(WIDTH);
    // SAFETY: the first `n` places of the free room (at most all 64 of
    // them, which `reserve` made) were written just now
    unsafe { tokens.set_len(len) };
    (n != 0).then_some(at + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_match_byte_by_byte() {
        // every byte value at every position
        for byte in 0..=255u8 {
            for pos in 0..WIDTH {
                let mut window =
                    *b"the Quick brown fox, jumps over the lazy dog  and more text here";
                window[pos] = byte;
                let (l, s) = masks(&window);
                assert_eq!((l, s), masks_in_words(&window));
                for (k, b) in window.iter().enumerate() {
                    assert_eq!(
                        l >> k & 1 == 1,
                        b.is_ascii_alphabetic(),
                        "letter {b:#x} at {k}"
                    );
                    assert_eq!(s >> k & 1 == 1, *b == b' ', "space {b:#x} at {k}");
                }
            }
        }
    }
}
