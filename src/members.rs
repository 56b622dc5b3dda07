//! Member organisations: the CSV import (contract §4: every row checked,
//! then an upsert by `id`, all or nothing) and the listing.
//!
//! An import changes members only; the caller says what follows in the
//! same transaction (open rounds resynced: `rounds::sync_all_open`).

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use crate::csv_input::{self, CsvRow};
use crate::db::schema::members;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::output::Format;
use crate::{country, survey};

/// A member as stored; a value of this type has passed every check of §4.
#[derive(Clone, Debug, PartialEq, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = members, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub country: String,
    pub region: String,
    /// One or more addresses, joined with `;`.
    pub email: String,
    pub language: String,
    pub joined: Option<NaiveDate>,
    pub active: bool,
    /// The kind of organisation (`regional_network`, `national`), an id or
    /// empty: the `type` column, a breakdown of results (§8).
    #[serde(rename = "type")]
    pub member_type: String,
}

const COLUMNS: [&str; 9] = [
    "id", "name", "country", "region", "email", "language", "joined", "active", "type",
];
const REQUIRED: [&str; 6] = ["id", "name", "country", "region", "email", "language"];

#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// Parses a members CSV; every bad row is reported with its line.
pub fn parse_csv(name: &str, bytes: &[u8]) -> AppResult<Vec<Member>> {
    let table = csv_input::read(name, bytes)?;
    let cols = table.columns(name, &COLUMNS, &REQUIRED)?;
    let mut problems = table.problems.clone();
    let mut members: Vec<Member> = Vec::new();
    let mut lines: HashMap<String, u64> = HashMap::new();
    for row in &table.rows {
        let controls = control_characters(row, &cols);
        let parsed = if controls.is_empty() {
            parse_row(row, &cols)
        } else {
            Err(controls)
        };
        match parsed {
            Ok(m) => {
                if let Some(first) = lines.get(&m.id) {
                    problems.push(format!(
                        "{name}:{}: id \"{}\" already appears on line {first}",
                        row.line, m.id
                    ));
                } else {
                    lines.insert(m.id.clone(), row.line);
                    members.push(m);
                }
            }
            Err(errs) => problems.extend(
                errs.into_iter()
                    .map(|e| format!("{name}:{}: {e}", row.line)),
            ),
        }
    }
    if problems.is_empty() {
        Ok(members)
    } else {
        Err(csv_input::rejected(name, problems))
    }
}

/// Every field of the row that holds a control character, by column; such
/// a row is reported for that alone, its text never echoed raw.
fn control_characters(row: &CsvRow, cols: &[Option<usize>]) -> Vec<String> {
    COLUMNS
        .iter()
        .zip(cols)
        .filter_map(|(name, c)| csv_input::control_character(name, &row.fields[(*c)?]))
        .collect()
}

fn parse_row(row: &CsvRow, cols: &[Option<usize>]) -> Result<Member, Vec<String>> {
    let get = |i: usize| cols[i].map_or("", |c| row.fields[c].as_str());
    let mut errs = Vec::new();
    let mut need = |i: usize| {
        let v = get(i);
        if v.is_empty() {
            errs.push(format!("{} is empty", COLUMNS[i]));
        }
        v.to_string()
    };
    let (id, name, country_raw, region, email_raw, language_raw) =
        (need(0), need(1), need(2), need(3), need(4), need(5));
    let country = check(&mut errs, &country_raw, country::parse, |v| {
        format!("country \"{v}\" is not an ISO 3166-1 alpha-2 code")
    });
    if !region.is_empty() && !survey::is_id(&region) {
        errs.push(format!(
            "region \"{region}\" is not an id ([a-z][a-z0-9_]*)"
        ));
    }
    let email = check(&mut errs, &email_raw, parse_emails, |v| {
        format!("email \"{v}\" is not one or more addresses separated by ;")
    });
    let language = check(&mut errs, &language_raw, canonical_language, |v| {
        format!("language \"{v}\" is not a BCP 47 tag")
    });
    let joined = parse_joined(&mut errs, get(6));
    let active = parse_active(&mut errs, get(7));
    let member_type = get(8).to_string();
    if !member_type.is_empty() && !survey::is_id(&member_type) {
        errs.push(format!(
            "type \"{member_type}\" is not an id ([a-z][a-z0-9_]*) or empty"
        ));
    }
    if id.chars().count() > 100 || id.chars().any(char::is_control) {
        errs.push(format!(
            "id \"{id}\" must be at most 100 printable characters"
        ));
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    Ok(Member {
        id,
        name,
        country: country.unwrap_or_default(),
        region,
        email: email.unwrap_or_default(),
        language: language.unwrap_or_default(),
        joined,
        active,
        member_type,
    })
}

/// The optional `joined` date, `YYYY-MM-DD`.
fn parse_joined(errs: &mut Vec<String>, value: &str) -> Option<NaiveDate> {
    match value {
        "" => None,
        v => NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map_err(|_| errs.push(format!("joined \"{v}\" is not a date YYYY-MM-DD")))
            .ok(),
    }
}

/// The optional `active` flag, `true` unless it says `false`.
fn parse_active(errs: &mut Vec<String>, value: &str) -> bool {
    match value.to_ascii_lowercase().as_str() {
        "" | "true" => true,
        "false" => false,
        other => {
            errs.push(format!("active \"{other}\" is neither true nor false"));
            true
        }
    }
}

/// Applies `parse` to a non-empty value, recording `msg` when it fails.
fn check(
    errs: &mut Vec<String>,
    value: &str,
    parse: impl Fn(&str) -> Option<String>,
    msg: impl Fn(&str) -> String,
) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    let parsed = parse(value);
    if parsed.is_none() {
        errs.push(msg(value));
    }
    parsed
}

/// Canonical BCP 47 spelling (`pt_br` → `pt-BR`), accepting what people type.
pub fn canonical_language(tag: &str) -> Option<String> {
    tag.parse::<unic_langid::LanguageIdentifier>()
        .ok()
        .map(|l| l.to_string())
}

/// `a@x.org; b@y.org` → `a@x.org;b@y.org`, or `None` if any part is no address.
pub fn parse_emails(raw: &str) -> Option<String> {
    let parts: Vec<&str> = raw
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty() && parts.iter().all(|p| is_address(p))).then(|| parts.join(";"))
}

/// A plain `local@domain` address: the shape mail servers accept, without
/// display names or comments.
pub fn is_address(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let domain_ok = domain.len() <= 253
        && domain.split('.').count() >= 2
        && domain.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    local_ok && domain_ok
}

/// Upserts `incoming` by id in the caller's transaction.
pub fn upsert(conn: &mut DbConnection, incoming: &[Member]) -> AppResult<ImportSummary> {
    let existing: HashMap<String, Member> = members::table
        .select(Member::as_select())
        .load(conn)?
        .into_iter()
        .map(|m| (m.id.clone(), m))
        .collect();
    let mut summary = ImportSummary::default();
    let fresh: Vec<Member> = incoming
        .iter()
        .filter(|m| !existing.contains_key(&m.id))
        .cloned()
        .collect();
    summary.added = crate::db::insert_rows!(conn, members::table, fresh);
    for m in incoming {
        match existing.get(&m.id) {
            None => {}
            Some(old) if old == m => summary.unchanged += 1,
            Some(_) => {
                diesel::update(members::table.find(&m.id))
                    .set(m)
                    .execute(conn)?;
                summary.updated += 1;
            }
        }
    }
    Ok(summary)
}

/// Imports a members CSV whole: every row checked, then the upsert and
/// `then` in one transaction. Callers pass `rounds::sync_all_open` as
/// `then`, so that open rounds target the members as they now are (new
/// members in scope, moved regions, deactivations).
pub fn import(
    conn: &mut DbConnection,
    name: &str,
    bytes: &[u8],
    then: impl FnOnce(&mut DbConnection) -> AppResult<()>,
) -> AppResult<ImportSummary> {
    let incoming = parse_csv(name, bytes)?;
    crate::db::transaction(conn, |conn| {
        let summary = upsert(conn, &incoming)?;
        then(conn)?;
        Ok(summary)
    })
}

/// Every member (of `region`, if given), by id.
pub fn list(conn: &mut DbConnection, region: Option<&str>) -> AppResult<Vec<Member>> {
    let mut query = members::table
        .select(Member::as_select())
        .order(members::id)
        .into_boxed();
    if let Some(r) = region {
        query = query.filter(members::region.eq(r.to_string()));
    }
    Ok(query.load(conn)?)
}

/// Every region that has at least one member.
pub fn regions(conn: &mut DbConnection) -> AppResult<Vec<String>> {
    Ok(members::table
        .select(members::region)
        .distinct()
        .order(members::region)
        .load(conn)?)
}

/// The listing as `members list` prints it.
pub fn render(members: &[Member], format: Format) -> AppResult<String> {
    let rows: Vec<Vec<String>> = members
        .iter()
        .map(|m| {
            vec![
                m.id.clone(),
                m.name.clone(),
                m.country.clone(),
                m.region.clone(),
                m.email.clone(),
                m.language.clone(),
                m.joined.map(|d| d.to_string()).unwrap_or_default(),
                m.active.to_string(),
                m.member_type.clone(),
            ]
        })
        .collect();
    crate::output::render(&COLUMNS, &rows, members, format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked_one_by_one() {
        assert_eq!(
            parse_emails("a@x.org; b.c@y.co.uk").as_deref(),
            Some("a@x.org;b.c@y.co.uk")
        );
        assert_eq!(parse_emails("a@x.org;nope"), None);
        assert_eq!(parse_emails("a@localhost"), None);
        assert_eq!(parse_emails(" ; "), None);
    }

    #[test]
    fn every_bad_field_of_a_row_is_named() {
        let csv = "id,name,country,region,email,language,joined,active\n\
                   m1,Org,KE,africa,a@x.org,fr-CA,2020-01-31,true\n\
                   m2,,XX,Africa,bad,??,31/01/2020,maybe\n\
                   m1,Again,KE,africa,a@x.org,en,,\n";
        let err = parse_csv("m.csv", csv.as_bytes()).unwrap_err();
        let d = err.details().join("\n");
        for want in [
            "m.csv:3: name is empty",
            "country \"XX\"",
            "region \"Africa\"",
            "email \"bad\"",
            "language \"??\"",
            "joined \"31/01/2020\"",
            "active \"maybe\"",
            "m.csv:4: id \"m1\" already appears on line 2",
        ] {
            assert!(d.contains(want), "missing {want} in\n{d}");
        }
    }

    #[test]
    fn columns_in_any_order_and_optional_ones_default() {
        let csv = "language,email,region,country,name,id\npt_br,a@x.org,latin_america,br,Org,m1\n";
        let m = &parse_csv("m.csv", csv.as_bytes()).unwrap()[0];
        assert_eq!(
            (m.language.as_str(), m.country.as_str(), m.active, m.joined),
            ("pt-BR", "BR", true, None)
        );
    }
}
