//! The one pass of results (contract §6 and §8): every submitted response
//! of a round is read once, and each indicator adds what the response
//! contributes to the tally of the response's *group* — its region,
//! country and member type. Every table of every breakdown (regions,
//! countries, types, `ALL`) is then a sum of groups ([`super::tables`]),
//! so no breakdown, measure or comparison costs another pass.
//!
//! Conditions are compiled once to question positions, and a response's
//! answers are decoded into a slice indexed by position, so that `where`,
//! composites and index components cost an array lookup per test.

use std::collections::HashMap;

use crate::answers::packed::{unpack, whole, PackedValue};
use crate::survey::{Condition, Indicator, Matcher, Measure, Survey, Test, Value};

/// Where a member stands: the cell keys of every breakdown.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    pub region: &'a str,
    pub country: &'a str,
    pub member_type: &'a str,
}

/// What one indicator has gathered in one group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    /// Responses for which `where` holds (all of them without `where`).
    pub population: u64,
    /// Of those, the ones that answered the indicator's question with an
    /// answer not excluded.
    pub answered: u64,
    /// Of the population, those that match (share, count).
    pub matched: u64,
    /// Per option of the question, those that chose it (distribution).
    pub options: Vec<u64>,
    /// The whole-number answers added up exactly (mean, sum): an exact
    /// sum does not depend on the order rows come in.
    pub whole: i128,
    /// The other numeric answers by their bits, with how many gave each:
    /// summed in a fixed order later, so both databases give the same bytes.
    pub numbers: HashMap<u64, u64>,
    /// Index components met, over the population.
    pub met: u64,
}

/// One group's members and tallies.
#[derive(Clone, Debug, Default)]
pub struct Group {
    pub region: String,
    pub country: String,
    pub member_type: String,
    /// Members the round targets in the group.
    pub targeted: u64,
    /// Submitted responses in the group.
    pub submitted: u64,
    /// One tally per indicator, in survey order.
    pub tallies: Vec<Tally>,
}

/// A condition with question ids replaced by positions.
#[derive(Clone, Debug)]
enum Compiled {
    Answer(usize, Test),
    All(Vec<Compiled>),
    Any(Vec<Compiled>),
    Not(Box<Compiled>),
    /// A question the frozen survey does not have: holds for nobody.
    Never,
}

impl Compiled {
    fn of(c: &Condition, position: &HashMap<&str, usize>) -> Self {
        match c {
            Condition::Answer { question, test } => position
                .get(question.as_str())
                .map_or(Compiled::Never, |p| Compiled::Answer(*p, test.clone())),
            Condition::All { all } => {
                Compiled::All(all.iter().map(|c| Compiled::of(c, position)).collect())
            }
            Condition::Any { any } => {
                Compiled::Any(any.iter().map(|c| Compiled::of(c, position)).collect())
            }
            Condition::Not { not } => Compiled::Not(Box::new(Compiled::of(not, position))),
        }
    }

    fn holds(&self, values: &[Option<PackedValue>]) -> bool {
        match self {
            Compiled::Answer(p, test) => values[*p].is_some_and(|v| test.matches(&v.value())),
            Compiled::All(cs) => cs.iter().all(|c| c.holds(values)),
            Compiled::Any(cs) => cs.iter().any(|c| c.holds(values)),
            Compiled::Not(c) => !c.holds(values),
            Compiled::Never => false,
        }
    }
}

/// What an indicator does with one response.
#[derive(Clone, Debug)]
enum Rule {
    /// Share or count of answers to its question that pass a test.
    Test(Test),
    /// A composite: share or count of responses for which it holds.
    Match(Compiled),
    /// Mean or sum; its position among the group's sums.
    Numbers(usize),
    Distribution,
    Index(Vec<Compiled>),
}

#[derive(Clone, Debug)]
struct Plan {
    /// The question's position; `None` for composites and index.
    question: Option<usize>,
    exclude: u64,
    population: Option<Compiled>,
    rule: Rule,
    /// Where its counters lie in a group's [`Counters::counts`].
    counters: std::ops::Range<usize>,
}

/// One group's counters while the pass runs, flat, so that a response
/// touches a few cache lines of its group rather than a struct with a map
/// and a vector per indicator; [`Tallier::finish`] makes them [`Tally`]s.
#[derive(Clone, Debug, Default)]
struct Counters {
    /// Per plan, in its range `counters`: the population, those
    /// answered, then those matched (share, count), components met
    /// (index) or one per option (distribution).
    counts: Vec<u64>,
    /// Per mean or sum: the whole-number answers added up exactly (an
    /// exact sum does not depend on the order rows come in)…
    wholes: Vec<i128>,
    /// …and the other numbers by their bits, with how many gave each.
    numbers: Vec<HashMap<u64, u64>>,
}

impl Plan {
    /// How many counters it keeps in [`Counters::counts`].
    fn width(rule: &Rule, options: usize) -> usize {
        match rule {
            Rule::Numbers(_) => 2,
            Rule::Distribution => 2 + options,
            Rule::Test(_) | Rule::Match(_) | Rule::Index(_) => 3,
        }
    }

    fn of(
        ind: &Indicator,
        survey: &Survey,
        position: &HashMap<&str, usize>,
        at: usize,
        sums: &mut usize,
    ) -> Self {
        let question = ind
            .question
            .as_deref()
            .and_then(|q| position.get(q).copied());
        let options = ind
            .question
            .as_deref()
            .and_then(|q| survey.question(q))
            .map_or(0, |q| q.kind.options().len());
        let rule = match &ind.measure {
            Measure::Share(Matcher::Test(t)) | Measure::Count(Matcher::Test(t)) => {
                Rule::Test(t.clone())
            }
            Measure::Share(Matcher::Match { condition })
            | Measure::Count(Matcher::Match { condition }) => {
                Rule::Match(Compiled::of(condition, position))
            }
            Measure::Mean | Measure::Sum => {
                *sums += 1;
                Rule::Numbers(*sums - 1)
            }
            Measure::Distribution => Rule::Distribution,
            Measure::Index(cs) => {
                Rule::Index(cs.iter().map(|c| Compiled::of(c, position)).collect())
            }
        };
        Plan {
            question,
            exclude: ind.exclude,
            population: ind.population.as_ref().map(|c| Compiled::of(c, position)),
            counters: at..at + Plan::width(&rule, options),
            rule,
        }
    }

    /// The indicator's own answer, when it counts as answered: present,
    /// and for a choice not made of excluded options only.
    fn answer(&self, values: &[Option<PackedValue>]) -> Option<PackedValue> {
        let v = values[self.question?]?;
        match v {
            PackedValue::Choice(mask) if self.exclude != 0 && mask & !self.exclude == 0 => None,
            _ => Some(v),
        }
    }

    fn add(&self, values: &[Option<PackedValue>], c: &mut Counters) {
        if self.population.as_ref().is_some_and(|w| !w.holds(values)) {
            return;
        }
        let counts = &mut c.counts[self.counters.clone()];
        counts[0] += 1;
        let answer = self.answer(values);
        counts[1] += u64::from(answer.is_some());
        match &self.rule {
            Rule::Test(test) => {
                counts[2] +=
                    u64::from(answer.is_some_and(|v| test.matches(&without(v, self.exclude))));
            }
            Rule::Match(m) => counts[2] += u64::from(m.holds(values)),
            Rule::Numbers(sum) => {
                if let Some(PackedValue::Number(bits)) = answer {
                    match whole(f64::from_bits(bits)) {
                        Some(n) => c.wholes[*sum] += i128::from(n),
                        None => *c.numbers[*sum].entry(bits).or_default() += 1,
                    }
                }
            }
            Rule::Distribution => {
                if let Some(PackedValue::Choice(mask)) = answer {
                    let mut kept = mask & !self.exclude;
                    while kept != 0 {
                        let Some(n) = counts.get_mut(2 + kept.trailing_zeros() as usize) else {
                            break;
                        };
                        *n += 1;
                        kept &= kept - 1;
                    }
                }
            }
            Rule::Index(cs) => counts[2] += cs.iter().filter(|c| c.holds(values)).count() as u64,
        }
    }

    /// What it gathered in a group.
    fn tally(&self, c: &mut Counters) -> Tally {
        let counts = &c.counts[self.counters.clone()];
        let mut t = Tally {
            population: counts[0],
            answered: counts[1],
            ..Tally::default()
        };
        match &self.rule {
            Rule::Test(_) | Rule::Match(_) => t.matched = counts[2],
            Rule::Index(_) => t.met = counts[2],
            Rule::Distribution => t.options = counts[2..].to_vec(),
            Rule::Numbers(sum) => {
                t.whole = c.wholes[*sum];
                t.numbers = std::mem::take(&mut c.numbers[*sum]);
            }
        }
        t
    }
}

/// A choice answer with the excluded options taken out (they never match).
fn without(v: PackedValue, exclude: u64) -> Value {
    match v {
        PackedValue::Choice(mask) => Value::Choice(mask & !exclude),
        other => other.value(),
    }
}

/// Numbers places 0, 1, 2, … in the order they are first seen, without
/// allocating for a place seen before.
#[derive(Default)]
pub struct PlaceIds {
    /// An id by its place's key: region, country and type joined by NUL,
    /// which no id holds, built in `key`, a buffer reused for every place.
    index: HashMap<String, usize>,
    key: String,
}

impl PlaceIds {
    /// The id of `place`, and whether it is new.
    pub fn id(&mut self, place: Place<'_>) -> (usize, bool) {
        self.key.clear();
        for part in [place.region, "\0", place.country, "\0", place.member_type] {
            self.key.push_str(part);
        }
        if let Some(&id) = self.index.get(self.key.as_str()) {
            return (id, false);
        }
        let id = self.index.len();
        self.index.insert(self.key.clone(), id);
        (id, true)
    }
}

/// Gathers a round's responses into groups, one response at a time.
pub struct Tallier {
    plans: Vec<Plan>,
    values: Vec<Option<PackedValue>>,
    /// A group's position is its place's id; its tallies are empty until
    /// [`Tallier::finish`] fills them from its counters.
    groups: Vec<(Group, Counters)>,
    /// A new group's counters, all zero.
    zero: Counters,
    ids: PlaceIds,
}

impl Tallier {
    pub fn new(survey: &Survey) -> Self {
        let position: HashMap<&str, usize> = survey
            .questions()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let (mut at, mut sums) = (0, 0);
        let plans: Vec<Plan> = survey
            .indicators
            .iter()
            .map(|i| {
                let plan = Plan::of(i, survey, &position, at, &mut sums);
                at = plan.counters.end;
                plan
            })
            .collect();
        Tallier {
            plans,
            values: vec![None; position.len()],
            groups: Vec::new(),
            zero: Counters {
                counts: vec![0; at],
                wholes: vec![0; sums],
                numbers: vec![HashMap::new(); sums],
            },
            ids: PlaceIds::default(),
        }
    }

    /// The position of the group of `place`, made when new.
    pub fn group(&mut self, place: Place<'_>) -> usize {
        let (at, new) = self.ids.id(place);
        if new {
            let group = Group {
                region: place.region.to_string(),
                country: place.country.to_string(),
                member_type: place.member_type.to_string(),
                ..Group::default()
            };
            self.groups.push((group, self.zero.clone()));
        }
        at
    }

    /// Members the round targets at `place`.
    pub fn add_targeted(&mut self, place: Place<'_>, n: u64) {
        let at = self.group(place);
        self.groups[at].0.targeted += n;
    }

    /// One invitation of the round, in the group at `at` (from
    /// [`Tallier::group`]): a target, and its packed response when it
    /// submitted one.
    pub fn add_invitation(&mut self, at: usize, packed: Option<&[u8]>) {
        self.groups[at].0.targeted += 1;
        if let Some(bytes) = packed {
            self.tally(at, bytes);
        }
    }

    /// One submitted response, in its packed form.
    pub fn add_packed(&mut self, place: Place<'_>, packed: &[u8]) {
        let at = self.group(place);
        self.tally(at, packed);
    }

    fn tally(&mut self, at: usize, packed: &[u8]) {
        let values = &mut self.values;
        values.fill(None);
        unpack(packed, |position, value| {
            if let Some(slot) = values.get_mut(position) {
                *slot = Some(value);
            }
        });
        let (group, counters) = &mut self.groups[at];
        group.submitted += 1;
        for plan in &self.plans {
            plan.add(&self.values, counters);
        }
    }

    /// The groups with their tallies, sorted by region, country and type.
    pub fn finish(self) -> Vec<Group> {
        let plans = self.plans;
        let mut groups: Vec<Group> = self
            .groups
            .into_iter()
            .map(|(mut group, mut counters)| {
                group.tallies = plans.iter().map(|p| p.tally(&mut counters)).collect();
                group
            })
            .collect();
        groups.sort_by(|a, b| {
            (&a.region, &a.country, &a.member_type).cmp(&(&b.region, &b.country, &b.member_type))
        });
        groups
    }
}
