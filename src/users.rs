//! Console accounts: secretariat (every region) and regional reviewers
//! (one region). Passwords are stored as argon2id hashes only.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use rand::Rng;

use crate::db::schema::users;
use crate::db::{DbConnection, Lookup};
use crate::error::{AppError, AppResult};

/// What a user may see; a regional reviewer always has a region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    Secretariat,
    Regional(String),
}

impl Role {
    /// From the command line's `--role` and `--region`.
    pub fn parse(role: &str, region: Option<&str>) -> AppResult<Self> {
        match (role, region) {
            ("secretariat", None) => Ok(Role::Secretariat),
            ("secretariat", Some(_)) => Err(AppError::invalid(
                "the secretariat sees every region; leave out --region",
            )),
            ("regional", Some(r)) if crate::survey::is_id(r) => Ok(Role::Regional(r.to_string())),
            ("regional", Some(r)) => Err(AppError::invalid(format!(
                "region \"{r}\" is not an id ([a-z][a-z0-9_]*)"
            ))),
            ("regional", None) => Err(AppError::invalid("a regional reviewer needs --region")),
            (other, _) => Err(AppError::invalid(format!(
                "role \"{other}\" is neither secretariat nor regional"
            ))),
        }
    }

    fn columns(&self) -> (&'static str, Option<&str>) {
        match self {
            Role::Secretariat => ("secretariat", None),
            Role::Regional(r) => ("regional", Some(r)),
        }
    }
}

pub const MIN_PASSWORD: usize = 10;

/// A random password of 20 characters from an unambiguous alphabet.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    (0..20)
        .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
        .collect()
}

pub fn hash_password(password: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Config(format!("cannot hash the password: {e}")))
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// Adds a user; the email must be new.
pub fn add(
    conn: &mut DbConnection,
    email: &str,
    role: &Role,
    password: &str,
    now: NaiveDateTime,
) -> AppResult<()> {
    let email = email.trim().to_lowercase();
    if !crate::members::is_address(&email) {
        return Err(AppError::invalid(format!(
            "\"{email}\" is not an email address"
        )));
    }
    if password.chars().count() < MIN_PASSWORD {
        return Err(AppError::invalid(format!(
            "the password must have at least {MIN_PASSWORD} characters"
        )));
    }
    let (role_name, region) = role.columns();
    let hash = hash_password(password)?;
    let inserted = diesel::insert_into(users::table)
        .values((
            users::email.eq(&email),
            users::role.eq(role_name),
            users::region.eq(region),
            users::password_hash.eq(hash),
            users::created_at.eq(now),
        ))
        .execute(conn);
    match inserted {
        Err(e) if crate::db::is_unique_violation(&e) => {
            Err(AppError::Conflict(format!("a user {email} already exists")))
        }
        other => other.map(|_| ()).map_err(AppError::from),
    }
}

/// A stored account as the sign-in needs it.
#[derive(Queryable)]
pub struct Account {
    pub id: i32,
    pub email: String,
    pub role: String,
    pub region: Option<String>,
    pub session_epoch: i32,
}

/// The argon2id hash of a random password nobody knows, verified against
/// when an address is unknown so that both cases take as long.
pub fn dummy_hash() -> String {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY
        .get_or_init(|| hash_password(&generate_password()).unwrap_or_default())
        .clone()
}

/// The account of `email` and its password hash.
pub fn find(conn: &mut DbConnection, email: &str) -> AppResult<Option<(Account, String)>> {
    let row: Option<(Account, String)> = users::table
        .filter(users::email.eq(email.trim().to_lowercase()))
        .select((
            (
                users::id,
                users::email,
                users::role,
                users::region,
                users::session_epoch,
            ),
            users::password_hash,
        ))
        .lookup(conn)?;
    Ok(row)
}

/// The current session epoch of a user (`None`: no such user any more).
pub fn session_epoch(conn: &mut DbConnection, id: i32) -> AppResult<Option<i32>> {
    Ok(users::table
        .find(id)
        .select(users::session_epoch)
        .lookup(conn)?)
}

/// Ends every session of a user.
pub fn end_sessions(conn: &mut DbConnection, id: i32) -> AppResult<()> {
    diesel::update(users::table.find(id))
        .set(users::session_epoch.eq(users::session_epoch + 1))
        .execute(conn)?;
    Ok(())
}

/// Changes a password after checking the current one; ends every session.
pub fn change_password(
    conn: &mut DbConnection,
    email: &str,
    current: &str,
    new: &str,
) -> AppResult<()> {
    let Some((account, hash)) = find(conn, email)? else {
        return Err(AppError::NotFound(format!("no user {email}")));
    };
    if !verify_password(current, &hash) {
        return Err(AppError::Forbidden(
            "the current password is not right".into(),
        ));
    }
    if new.chars().count() < MIN_PASSWORD {
        return Err(AppError::invalid(format!(
            "the password must have at least {MIN_PASSWORD} characters"
        )));
    }
    diesel::update(users::table.find(account.id))
        .set((
            users::password_hash.eq(hash_password(new)?),
            users::session_epoch.eq(users::session_epoch + 1),
        ))
        .execute(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_need_the_right_region() {
        assert_eq!(
            Role::parse("regional", Some("africa")).unwrap(),
            Role::Regional("africa".into())
        );
        assert!(Role::parse("regional", None).is_err());
        assert!(Role::parse("secretariat", Some("africa")).is_err());
        assert!(Role::parse("admin", None).is_err());
    }

    #[test]
    fn hashes_verify_only_the_right_password() {
        let h = hash_password("correct horse").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &h));
        assert!(!verify_password("wrong horse", &h));
        assert_eq!(generate_password().len(), 20);
    }
}
