//! The packed copy of a submission that results read: one short byte
//! string per response (`invitations.packed`) instead of one row per
//! answer, so a round's histogram is one pass over its responses.
//!
//! Layout (format 2, since 2026-12-03): the header `FF FF 02`, then for
//! each answer, in survey order, a varint (LEB128) of `gap << 2 | kind`,
//! where `gap` is how many questions were skipped since the previous
//! answer, and what `kind` says follows:
//!
//! - `0`, a choice: its option mask as a varint;
//! - `1`, a whole number that `f64` holds exactly: zigzag varint;
//! - `2`, any other number: its eight bytes of `f64`, little endian;
//! - `3`, a text: nothing. A text answer is packed only as the fact that
//!   it was given (conditions may ask `answered = true` of it); its words
//!   stay in the `answers` table.
//!
//! A full response to the example survey packs into about 90 bytes
//! (format 1 took 11 per answer, near 400): the results pass reads every
//! response of a round, so every byte counts a million times
//! (`BENCHMARKS.md`, issue 12).
//!
//! Format 1 (before): per answer the position (u16 LE), a tag byte (`C`,
//! `N`, `T`) and eight bytes of value. Rows packed so are read as they
//! are; a format-1 string's third byte is always a tag, never `02`, so the
//! header tells the two apart. Responses packed before text was (no `T`
//! entries) read as if their text questions were unanswered.
//!
//! The `answers` table stays the record; this is written in the same
//! statement that marks the response submitted (`db::backend::submission`),
//! and nowhere else. The results pass (`results::engine`) reads it back
//! with [`unpack`].

use crate::survey::{Answers, Survey, Value};

/// What starts a format-2 string.
const HEADER: [u8; 3] = [0xFF, 0xFF, 0x02];
/// A format-1 entry's length.
const ENTRY: usize = 11;

const CHOICE: u64 = 0;
const WHOLE: u64 = 1;
const NUMBER: u64 = 2;
const TEXT: u64 = 3;

/// The packed form (format 2) of `answers` to questions of `survey`.
pub fn pack(survey: &Survey, answers: &Answers) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER.len() + answers.len() * 3);
    out.extend_from_slice(&HEADER);
    let mut next = 0u64;
    for (position, q) in (0u64..).zip(survey.questions()) {
        let Some(value) = answers.get(&q.id) else {
            continue;
        };
        let gap = position - next;
        next = position.saturating_add(1);
        match value {
            Value::Choice(mask) => {
                varint(&mut out, gap << 2 | CHOICE);
                varint(&mut out, *mask);
            }
            // `+ 0.0` makes -0 and 0 one value, as a SQL GROUP BY would.
            Value::Number(n) => match whole(n + 0.0) {
                Some(i) => {
                    varint(&mut out, gap << 2 | WHOLE);
                    varint(&mut out, zigzag(i));
                }
                None => {
                    varint(&mut out, gap << 2 | NUMBER);
                    out.extend_from_slice(&(n + 0.0).to_bits().to_le_bytes());
                }
            },
            Value::Text(_) => varint(&mut out, gap << 2 | TEXT),
        }
    }
    out
}

/// `x` as an integer, when it is a whole number that `f64` holds exactly
/// (|x| ≤ 2^53): packed so, and summed so by results.
#[allow(clippy::cast_possible_truncation)] // checked: whole and within 2^53
pub fn whole(x: f64) -> Option<i64> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    (x.fract() == 0.0 && x.abs() <= EXACT).then_some(x as i64)
}

#[allow(clippy::cast_sign_loss)] // zigzag: the sign moves to the low bit
fn zigzag(i: i64) -> u64 {
    ((i << 1) ^ (i >> 63)) as u64
}

#[allow(clippy::cast_possible_wrap)] // the inverse of `zigzag`
fn unzigzag(u: u64) -> i64 {
    (u >> 1) as i64 ^ -((u & 1) as i64)
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads bytes of a packed string, stopping at the first malformed one.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let (&b, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            v |= u64::from(b & 0x7F).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn eight(&mut self) -> Option<u64> {
        let (head, rest) = self.bytes.split_first_chunk::<8>()?;
        self.bytes = rest;
        Some(u64::from_le_bytes(*head))
    }
}

/// Calls `f(position, value)` for each packed answer, of either format;
/// stops at the first malformed entry (a truncated or foreign byte string
/// yields what it can).
pub fn unpack(bytes: &[u8], mut f: impl FnMut(usize, PackedValue)) {
    let Some(body) = bytes.strip_prefix(&HEADER) else {
        return unpack_format_1(bytes, f);
    };
    let mut r = Reader { bytes: body };
    let mut next = 0usize;
    while !r.bytes.is_empty() {
        let Some(head) = r.varint() else { return };
        let Some(position) = usize::try_from(head >> 2)
            .ok()
            .and_then(|gap| next.checked_add(gap))
        else {
            return;
        };
        let value = match head & 3 {
            CHOICE => r.varint().map(PackedValue::Choice),
            WHOLE => r
                .varint()
                .map(|u| PackedValue::Number((unzigzag(u) as f64).to_bits())),
            NUMBER => r.eight().map(PackedValue::Number),
            _ => Some(PackedValue::Text),
        };
        let Some(value) = value else { return };
        f(position, value);
        next = position.saturating_add(1);
    }
}

fn unpack_format_1(bytes: &[u8], mut f: impl FnMut(usize, PackedValue)) {
    for entry in bytes.chunks_exact(ENTRY) {
        let position = usize::from(u16::from_le_bytes([entry[0], entry[1]]));
        let mut raw = [0u8; 8];
        raw.copy_from_slice(&entry[3..]);
        let bits = u64::from_le_bytes(raw);
        let value = match entry[2] {
            b'C' => PackedValue::Choice(bits),
            b'N' => PackedValue::Number(bits),
            b'T' => PackedValue::Text,
            _ => return,
        };
        f(position, value);
    }
}

/// A packed value: a choice mask, the bits of a number (hashable), or
/// the fact that a text answer was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PackedValue {
    Choice(u64),
    Number(u64),
    Text,
}

impl PackedValue {
    pub fn value(self) -> Value {
        match self {
            PackedValue::Choice(m) => Value::Choice(m),
            PackedValue::Number(bits) => Value::Number(f64::from_bits(bits)),
            PackedValue::Text => Value::Text(String::new()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::Survey;
    use proptest::prelude::*;

    /// change (single), areas (multi), staff (number), rating, note (text).
    fn survey() -> Survey {
        crate::answers::tests::survey()
    }

    /// Answers to the questions of `s` at the given positions.
    fn answers_at(s: &Survey, given: Vec<(usize, Value)>) -> Answers {
        let ids: Vec<&String> = s.questions().map(|q| &q.id).collect();
        given
            .into_iter()
            .map(|(at, value)| (ids[at].clone(), value))
            .collect()
    }

    #[test]
    fn packing_keeps_choices_and_numbers_and_only_the_fact_of_a_text() {
        let s = survey();
        let answers = answers_at(
            &s,
            vec![
                (1, Value::Choice(0b11)),
                (2, Value::Number(-0.0)),
                (4, Value::Text("free".into())),
            ],
        );
        let packed = pack(&s, &answers);
        let seen: Vec<(usize, Value)> = unpacked(&packed)
            .into_iter()
            .map(|(p, v)| (p, v.value()))
            .collect();
        assert_eq!(
            seen,
            vec![
                (1, Value::Choice(0b11)),
                (2, Value::Number(0.0)),
                (4, Value::Text(String::new()))
            ]
        );
        assert!(!packed.windows(4).any(|w| w == b"free"));
    }

    /// The format-1 bytes of one answer.
    fn format_1(position: u16, tag: u8, bits: u64) -> Vec<u8> {
        let mut entry = position.to_le_bytes().to_vec();
        entry.push(tag);
        entry.extend_from_slice(&bits.to_le_bytes());
        entry
    }

    fn unpacked(bytes: &[u8]) -> Vec<(usize, PackedValue)> {
        let mut seen = Vec::new();
        unpack(bytes, |p, v| seen.push((p, v)));
        seen
    }

    #[test]
    fn a_format_1_string_reads_as_its_format_2_repacking() {
        let s = survey();
        let answers = answers_at(
            &s,
            vec![
                (0, Value::Choice(0b100)),
                (2, Value::Number(2.5)),
                (3, Value::Number(-7.0)),
                (4, Value::Text("words".into())),
            ],
        );
        let old = [
            format_1(0, b'C', 0b100),
            format_1(2, b'N', 2.5f64.to_bits()),
            format_1(3, b'N', (-7.0f64).to_bits()),
            format_1(4, b'T', 0),
        ]
        .concat();
        let new = pack(&s, &answers);
        assert_eq!(new[..3], HEADER);
        assert!(new.len() < old.len() / 2, "{} bytes", new.len());
        assert_eq!(unpacked(&old), unpacked(&new));
        assert_eq!(unpacked(&new).len(), 4);
    }

    #[test]
    fn a_malformed_byte_string_yields_what_it_can() {
        // Format 1: a foreign tag, then a truncated entry.
        let mut packed = format_1(3, b'C', 2);
        packed.extend_from_slice(&[1, 0, b'X', 0, 0, 0, 0, 0, 0, 0, 0]);
        packed.extend_from_slice(&[7, 7]);
        assert_eq!(unpacked(&packed), vec![(3, PackedValue::Choice(2))]);
        // Format 2: a choice at position 1, then a number cut short.
        let packed = [&HEADER[..], &[1 << 2, 5, 2, 0, 0, 0]].concat();
        assert_eq!(unpacked(&packed), vec![(1, PackedValue::Choice(5))]);
        // A varint that never ends, and one longer than 64 bits.
        let packed = [&HEADER[..], &[0, 1, 0x80, 0x80]].concat();
        assert_eq!(unpacked(&packed), vec![(0, PackedValue::Choice(1))]);
        let packed = [&HEADER[..], &[0x80; 10], &[1]].concat();
        assert_eq!(unpacked(&packed), vec![]);
        // Gaps that add up past the largest position: the fourth text
        // lands on it exactly, the fifth would overflow and ends the read.
        let mut packed = HEADER.to_vec();
        for _ in 0..6 {
            varint(&mut packed, u64::MAX);
        }
        let seen = unpacked(&packed);
        assert_eq!(seen.len(), 4);
        assert_eq!(seen[3], (usize::MAX, PackedValue::Text));
        // The header alone: a response without answers.
        assert_eq!(unpacked(&HEADER), vec![]);
    }

    #[test]
    fn numbers_at_the_edges_of_exactness_keep_their_bits() {
        let s = survey();
        let edges = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            9_007_199_254_740_992.0,
            -9_007_199_254_740_992.0,
            18_014_398_509_481_984.0,
            0.1,
            -1e300,
            f64::MAX,
            f64::INFINITY,
        ];
        for x in edges {
            let seen = unpacked(&pack(&s, &answers_at(&s, vec![(2, Value::Number(x))])));
            assert_eq!(
                seen,
                vec![(2, PackedValue::Number((x + 0.0).to_bits()))],
                "{x}"
            );
        }
    }

    proptest! {
        #[test]
        fn every_answer_comes_back_where_it_was(
            answers in proptest::collection::vec(
                proptest::option::of(prop_oneof![
                    proptest::num::u64::ANY.prop_map(Value::Choice),
                    proptest::num::f64::ANY.prop_map(Value::Number),
                    (-1_000_000i64..1_000_000).prop_map(|i| Value::Number(i as f64)),
                    Just(Value::Text("x".into())),
                ]),
                5,
            )
        ) {
            let s = survey();
            let given: Answers = s
                .questions()
                .zip(&answers)
                .filter_map(|(q, a)| Some((q.id.clone(), a.clone()?)))
                .collect();
            let expected: Vec<(usize, PackedValue)> = answers
                .iter()
                .enumerate()
                .filter_map(|(i, a)| {
                    Some((i, match a.as_ref()? {
                        Value::Choice(m) => PackedValue::Choice(*m),
                        Value::Number(x) => PackedValue::Number((x + 0.0).to_bits()),
                        Value::Text(_) => PackedValue::Text,
                    }))
                })
                .collect();
            prop_assert_eq!(unpacked(&pack(&s, &given)), expected);
        }
    }
}
