//! The packed copy of a submission that results read: one short byte
//! string per response (`invitations.packed`) instead of one row per
//! answer, so a round's histogram is one pass over its responses.
//!
//! Layout: for each choice or number answer, in survey order, the
//! question's position in the frozen survey (u16, little endian), a tag
//! byte (`C` choice mask, `N` number) and eight bytes of value (u64 mask or
//! f64 bits, little endian). Text answers are not aggregated and not
//! packed. The `answers` table stays the record; this is written in the
//! same statement that marks the response submitted
//! (`db::backend::submission`), and nowhere else. [`Counter`] counts
//! packed values per region and question: the histogram pass of results.

use std::collections::HashMap;

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
            Some(Value::Text(_)) | None => continue,
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
            _ => return,
        };
        f(position, value);
    }
}

/// A packed value: a choice mask, or the bits of a number (hashable).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PackedValue {
    Choice(u64),
    Number(u64),
}

impl PackedValue {
    pub fn value(self) -> Value {
        match self {
            PackedValue::Choice(m) => Value::Choice(m),
            PackedValue::Number(bits) => Value::Number(f64::from_bits(bits)),
        }
    }
}

/// Counts of packed values per region and question position, built one
/// response at a time.
#[derive(Default)]
pub struct Counter {
    regions: HashMap<String, Region>,
}

#[derive(Default)]
struct Region {
    responses: u64,
    per_question: Vec<HashMap<PackedValue, u64, Fast>>,
}

/// A multiplicative hash for the counters' small integer keys: they come
/// from the database, not from an attacker choosing collisions.
#[derive(Default, Clone, Copy)]
struct Fast;

impl std::hash::BuildHasher for Fast {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher(0)
    }
}

struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_isize(&mut self, n: isize) {
        self.write_u64(n as u64);
    }
}

impl Counter {
    pub fn add(&mut self, region: &str, packed: &[u8]) {
        if !self.regions.contains_key(region) {
            self.regions.insert(region.to_string(), Region::default());
        }
        let Some(counts) = self.regions.get_mut(region) else {
            return;
        };
        counts.responses += 1;
        let per_question = &mut counts.per_question;
        unpack(packed, |position, value| {
            if per_question.len() <= position {
                per_question.resize_with(position + 1, HashMap::default);
            }
            *per_question[position].entry(value).or_default() += 1;
        });
    }

    /// How many responses each region had.
    pub fn responses(&self) -> impl Iterator<Item = (&String, u64)> {
        self.regions.iter().map(|(r, c)| (r, c.responses))
    }

    /// `(region, position, value, count)` for every value seen.
    pub fn into_counts(self) -> impl Iterator<Item = (String, usize, PackedValue, u64)> {
        self.regions.into_iter().flat_map(|(region, counts)| {
            counts
                .per_question
                .into_iter()
                .enumerate()
                .flat_map(move |(position, counts)| {
                    let region = region.clone();
                    counts
                        .into_iter()
                        .map(move |(value, n)| (region.clone(), position, value, n))
                })
        })
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
    fn packing_keeps_choices_and_numbers_and_drops_text() {
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
            vec![(1, Value::Choice(0b11)), (2, Value::Number(0.0))]
        );
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

    #[test]
    fn the_counter_counts_per_region_and_question() {
        let s = survey();
        let ids: Vec<String> = s.questions().map(|q| q.id.clone()).collect();
        let mut c = Counter::default();
        for (region, mask) in [("a", 1), ("a", 1), ("a", 2), ("b", 1)] {
            let mut answers = Answers::new();
            answers.insert(ids[0].clone(), Value::Choice(mask));
            c.add(region, &pack(&s, &answers));
        }
        let mut counts: Vec<_> = c.into_counts().collect();
        counts.sort_by_key(|(region, _, value, _)| {
            (region.clone(), *value == PackedValue::Choice(2))
        });
        assert_eq!(
            counts,
            vec![
                ("a".to_string(), 0, PackedValue::Choice(1), 2),
                ("a".to_string(), 0, PackedValue::Choice(2), 1),
                ("b".to_string(), 0, PackedValue::Choice(1), 1),
            ]
        );
    }
}
