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

use crate::answers::packed::unpack;
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

    fn holds(&self, values: &[Option<Value>]) -> bool {
        match self {
            Compiled::Answer(p, test) => values[*p].as_ref().is_some_and(|v| test.matches(v)),
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
    Numbers,
    Distribution,
    Index(Vec<Compiled>),
}

#[derive(Clone, Debug)]
struct Plan {
    /// The question's position; `None` for composites and index.
    question: Option<usize>,
    options: usize,
    exclude: u64,
    population: Option<Compiled>,
    rule: Rule,
}

impl Plan {
    fn of(ind: &Indicator, survey: &Survey, position: &HashMap<&str, usize>) -> Self {
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
            Measure::Mean | Measure::Sum => Rule::Numbers,
            Measure::Distribution => Rule::Distribution,
            Measure::Index(cs) => {
                Rule::Index(cs.iter().map(|c| Compiled::of(c, position)).collect())
            }
        };
        Plan {
            question,
            options,
            exclude: ind.exclude,
            population: ind.population.as_ref().map(|c| Compiled::of(c, position)),
            rule,
        }
    }

    /// The indicator's own answer, when it counts as answered: present,
    /// and for a choice not made of excluded options only.
    fn answer<'v>(&self, values: &'v [Option<Value>]) -> Option<&'v Value> {
        let v = values[self.question?].as_ref()?;
        match v {
            Value::Choice(mask) if self.exclude != 0 && mask & !self.exclude == 0 => None,
            _ => Some(v),
        }
    }

    fn add(&self, values: &[Option<Value>], t: &mut Tally) {
        if self.population.as_ref().is_some_and(|w| !w.holds(values)) {
            return;
        }
        t.population += 1;
        let answer = self.answer(values);
        if answer.is_some() {
            t.answered += 1;
        }
        match &self.rule {
            Rule::Test(test) => {
                if answer.is_some_and(|v| test.matches(&without(v, self.exclude))) {
                    t.matched += 1;
                }
            }
            Rule::Match(c) => t.matched += u64::from(c.holds(values)),
            Rule::Numbers => {
                if let Some(Value::Number(x)) = answer {
                    match whole(*x) {
                        Some(n) => t.whole += n,
                        None => *t.numbers.entry(x.to_bits()).or_default() += 1,
                    }
                }
            }
            Rule::Distribution => {
                if let Some(Value::Choice(mask)) = answer {
                    if t.options.len() < self.options {
                        t.options.resize(self.options, 0);
                    }
                    let kept = mask & !self.exclude;
                    for (i, n) in t.options.iter_mut().enumerate() {
                        *n += (kept >> i) & 1;
                    }
                }
            }
            Rule::Index(cs) => t.met += cs.iter().filter(|c| c.holds(values)).count() as u64,
        }
    }
}

/// A number as an exact integer, when it is one that `f64` holds exactly.
#[allow(clippy::cast_possible_truncation)] // checked: whole and within 2^53
pub fn whole(x: f64) -> Option<i128> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    (x.fract() == 0.0 && x.abs() <= EXACT).then_some(x as i128)
}

/// A choice answer with the excluded options taken out (they never match).
fn without(v: &Value, exclude: u64) -> Value {
    match v {
        Value::Choice(mask) => Value::Choice(mask & !exclude),
        other => other.clone(),
    }
}

/// Gathers a round's responses into groups, one response at a time.
pub struct Tallier {
    plans: Vec<Plan>,
    values: Vec<Option<Value>>,
    groups: Vec<Group>,
    /// A group's position by its key (region, country and type joined by
    /// NUL, which no id holds), found through `key`, a buffer reused for
    /// every response, so a lookup allocates nothing.
    index: HashMap<String, usize>,
    key: String,
}

impl Tallier {
    pub fn new(survey: &Survey) -> Self {
        let position: HashMap<&str, usize> = survey
            .questions()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        Tallier {
            plans: survey
                .indicators
                .iter()
                .map(|i| Plan::of(i, survey, &position))
                .collect(),
            values: vec![None; position.len()],
            groups: Vec::new(),
            index: HashMap::new(),
            key: String::new(),
        }
    }

    /// The position of the group of `place`, made when new.
    fn group(&mut self, place: Place<'_>) -> usize {
        self.key.clear();
        for part in [place.region, "\0", place.country, "\0", place.member_type] {
            self.key.push_str(part);
        }
        let at = match self.index.get(self.key.as_str()) {
            Some(&at) => at,
            None => {
                self.groups.push(Group {
                    region: place.region.to_string(),
                    country: place.country.to_string(),
                    member_type: place.member_type.to_string(),
                    tallies: vec![Tally::default(); self.plans.len()],
                    ..Group::default()
                });
                self.index.insert(self.key.clone(), self.groups.len() - 1);
                self.groups.len() - 1
            }
        };
        at
    }

    /// Members the round targets at `place`.
    pub fn add_targeted(&mut self, place: Place<'_>, n: u64) {
        let at = self.group(place);
        self.groups[at].targeted += n;
    }

    /// One invitation of the round: a target, and its packed response
    /// when it submitted one (one lookup of its group for both).
    pub fn add_invitation(&mut self, place: Place<'_>, packed: Option<&[u8]>) {
        let at = self.group(place);
        self.groups[at].targeted += 1;
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
        values.iter_mut().for_each(|v| *v = None);
        unpack(packed, |position, value| {
            if let Some(slot) = values.get_mut(position) {
                *slot = Some(value.value());
            }
        });
        let group = &mut self.groups[at];
        group.submitted += 1;
        for (plan, tally) in self.plans.iter().zip(group.tallies.iter_mut()) {
            plan.add(&self.values, tally);
        }
    }

    /// The groups, sorted by region, country and type.
    pub fn finish(self) -> Vec<Group> {
        let mut groups = self.groups;
        groups.sort_by(|a, b| {
            (&a.region, &a.country, &a.member_type).cmp(&(&b.region, &b.country, &b.member_type))
        });
        groups
    }
}
