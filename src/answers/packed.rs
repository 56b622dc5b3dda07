//! The packed copy of a submission that results read: one short byte
//! string per response (`invitations.packed`) instead of one row per
//! answer, so a round's histogram is one pass over its responses.
//!
//! Layout: for each answer, in survey order, the question's position in
//! the frozen survey (u16, little endian), a tag byte (`C` choice mask, `N`
//! number, `T` text) and eight bytes of value (u64 mask or f64 bits, little
//! endian; zero for text). A text answer is packed only as the fact that it
//! was given (conditions may ask `answered = true` of it); its words stay
//! in the `answers` table. Responses packed before text was (no `T`
//! entries) read as if their text questions were unanswered. The `answers` table stays the record; this is written in the
//! same statement that marks the response submitted
//! (`db::backend::submission`), and nowhere else. The results pass
//! (`results::engine`) reads it back with [`unpack`].

use crate::survey::{Answers, Survey, Value};

const ENTRY: usize = 11;

/// The packed form of `answers` to questions of `survey`.
pub fn pack(survey: &Survey, answers: &Answers) -> Vec<u8> {
    let mut out = Vec::with_capacity(answers.len() * ENTRY);
    for (position, q) in survey.questions().enumerate() {
        let Ok(position) = u16::try_from(position) else {
            break;
        };
        let (tag, bits) = match answers.get(&q.id) {
            Some(Value::Choice(mask)) => (b'C', *mask),
            // `+ 0.0` makes -0 and 0 one value, as a SQL GROUP BY would.
            Some(Value::Number(n)) => (b'N', (n + 0.0).to_bits()),
            Some(Value::Text(_)) => (b'T', 0),
            None => continue,
        };
        out.extend_from_slice(&position.to_le_bytes());
        out.push(tag);
        out.extend_from_slice(&bits.to_le_bytes());
    }
    out
}

/// Calls `f(position, value)` for each packed answer; stops at the first
/// malformed entry (a truncated or foreign byte string yields what it can).
pub fn unpack(bytes: &[u8], mut f: impl FnMut(usize, PackedValue)) {
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

    /// change (single), areas (multi), staff (number), rating, note (text).
    fn survey() -> Survey {
        crate::answers::tests::survey()
    }

    #[test]
    fn packing_keeps_choices_and_numbers_and_only_the_fact_of_a_text() {
        let s = survey();
        let ids: Vec<String> = s.questions().map(|q| q.id.clone()).collect();
        let mut answers = Answers::new();
        answers.insert(ids[1].clone(), Value::Choice(0b11));
        answers.insert(ids[2].clone(), Value::Number(-0.0));
        answers.insert(ids[4].clone(), Value::Text("free".into()));
        let packed = pack(&s, &answers);
        let mut seen = Vec::new();
        unpack(&packed, |p, v| seen.push((p, v.value())));
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

    #[test]
    fn a_malformed_byte_string_yields_what_it_can() {
        let mut packed = Vec::new();
        packed.extend_from_slice(&3u16.to_le_bytes());
        packed.push(b'C');
        packed.extend_from_slice(&2u64.to_le_bytes());
        packed.extend_from_slice(&[1, 0, b'X', 0, 0, 0, 0, 0, 0, 0, 0]);
        packed.extend_from_slice(&[7, 7]);
        let mut seen = Vec::new();
        unpack(&packed, |p, v| seen.push((p, v)));
        assert_eq!(seen, vec![(3, PackedValue::Choice(2))]);
    }
}
