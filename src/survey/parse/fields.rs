//! Reading one field of a TOML table: each accessor reports a missing key
//! or a wrong type at the position of the value, and returns `None`.

use crate::survey::is_id;
use std::collections::BTreeMap;

use toml_edit::{Item, TableLike};

use super::{Span, Walker};

impl Walker<'_, '_> {
    pub(super) fn check_keys(&mut self, t: &dyn TableLike, allowed: &[&str], what: &str) {
        for (k, _) in t.iter() {
            if !allowed.contains(&k) {
                let span = t.get_key_value(k).and_then(|(key, _)| key.span());
                self.rep.error(
                    span,
                    format!(
                        "unknown key `{k}` in {what}; expected one of: {}",
                        allowed.join(", ")
                    ),
                );
            }
        }
    }

    /// Like `check_keys`, naming the type when the key belongs to another one.
    pub(super) fn check_keys_for(
        &mut self,
        t: &dyn TableLike,
        allowed: &[&str],
        what: &str,
        ty: &str,
    ) {
        const TYPED: [&str; 5] = ["options", "min", "max", "integer", "max_length"];
        for (k, _) in t.iter() {
            if allowed.contains(&k) {
                continue;
            }
            let span = t.get_key_value(k).and_then(|(key, _)| key.span());
            if TYPED.contains(&k) {
                self.rep.error(
                    span,
                    format!("`{k}` does not apply to {what}, a {ty} question"),
                );
            } else {
                self.rep.error(
                    span,
                    format!(
                        "unknown key `{k}` in {what}; expected one of: {}",
                        allowed.join(", ")
                    ),
                );
            }
        }
    }

    pub(super) fn unique(
        &mut self,
        ids: &mut BTreeMap<String, Span>,
        id: &str,
        span: &Span,
        what: &str,
    ) {
        if let Some(prev) = ids.get(id) {
            let line = self.line_of(prev);
            self.rep.error(
                span.clone(),
                format!("{what} id `{id}` is already used on line {line}"),
            );
        } else {
            ids.insert(id.to_string(), span.clone());
        }
    }

    pub(super) fn line_of(&self, span: &Span) -> usize {
        self.rep.line_of(span.as_ref().map_or(0, |s| s.start))
    }

    pub(super) fn value<'t>(
        &mut self,
        t: &'t dyn TableLike,
        key: &str,
        what: &str,
        missing: Option<Span>,
    ) -> Option<(&'t Item, Span)> {
        match t.get_key_value(key) {
            Some((_, item)) => Some((item, item.span())),
            None => {
                if let Some(span) = missing {
                    self.rep.error(span, format!("{what} is missing `{key}`"));
                }
                None
            }
        }
    }

    pub(super) fn str_field(
        &mut self,
        t: &dyn TableLike,
        key: &str,
        what: &str,
        at: Span,
    ) -> Option<(String, Span)> {
        let (item, span) = self.value(t, key, what, Some(at))?;
        match item.as_str() {
            Some(s) => Some((s.to_string(), span)),
            None => {
                self.rep
                    .error(span, format!("`{key}` of {what} must be a string"));
                None
            }
        }
    }

    pub(super) fn id_field(
        &mut self,
        t: &dyn TableLike,
        key: &str,
        what: &str,
        at: Span,
    ) -> Option<(String, Span)> {
        let (s, span) = self.str_field(t, key, what, at)?;
        if is_id(&s) {
            Some((s, span))
        } else {
            self.rep.error(
                span,
                format!("{what} has id `{s}`, which does not match [a-z][a-z0-9_]*"),
            );
            None
        }
    }

    pub(super) fn bool_field(&mut self, t: &dyn TableLike, key: &str) -> Option<bool> {
        let (item, span) = self.value(t, key, "", None)?;
        let b = item.as_bool();
        if b.is_none() {
            self.rep
                .error(span, format!("`{key}` must be true or false"));
        }
        b
    }

    pub(super) fn num_field(&mut self, t: &dyn TableLike, key: &str) -> Option<(f64, Span)> {
        let (item, span) = self.value(t, key, "", None)?;
        #[allow(clippy::cast_precision_loss)] // survey bounds are far below 2^53
        let n = item
            .as_float()
            .or_else(|| item.as_integer().map(|i| i as f64));
        match n {
            Some(n) if n.is_finite() => Some((n, span)),
            _ => {
                self.rep.error(span, format!("`{key}` must be a number"));
                None
            }
        }
    }

    pub(super) fn int_field(&mut self, t: &dyn TableLike, key: &str) -> Option<(i64, Span)> {
        let (item, span) = self.value(t, key, "", None)?;
        let n = item.as_integer();
        if n.is_none() {
            self.rep
                .error(span.clone(), format!("`{key}` must be a whole number"));
        }
        n.map(|n| (n, span))
    }

    pub(super) fn str_list(
        &mut self,
        t: &dyn TableLike,
        key: &str,
    ) -> Option<(Vec<(String, Span)>, Span)> {
        let (item, span) = self.value(t, key, "", None)?;
        let Some(array) = item.as_array() else {
            self.rep
                .error(span, format!("`{key}` must be a list of strings"));
            return None;
        };
        let mut out = Vec::new();
        for v in array.iter() {
            match v.as_str() {
                Some(s) => out.push((s.to_string(), v.span())),
                None => self
                    .rep
                    .error(v.span(), format!("`{key}` must hold strings only")),
            }
        }
        Some((out, span))
    }

    /// `[[key]]` tables or an inline array of tables.
    pub(super) fn tables<'t>(
        &mut self,
        t: &'t dyn TableLike,
        key: &str,
        what: &str,
        at: Span,
    ) -> Option<Vec<(&'t dyn TableLike, Span)>> {
        let (item, span) = self.value(t, key, what, Some(at))?;
        if let Some(aot) = item.as_array_of_tables() {
            return Some(
                aot.iter()
                    .map(|t| (t as &dyn TableLike, t.span()))
                    .collect(),
            );
        }
        if let Some(array) = item.as_array() {
            let mut out = Vec::new();
            for v in array.iter() {
                match v.as_inline_table() {
                    Some(it) => out.push((it as &dyn TableLike, v.span())),
                    None => self
                        .rep
                        .error(v.span(), format!("`{key}` must hold tables only")),
                }
            }
            return Some(out);
        }
        self.rep.error(
            span,
            format!("`{key}` must be a list of tables ([[{key}]])"),
        );
        None
    }
}
