//! Identifiers and link tokens.
//!
//! An invitation id carries 128 random bits from the operating system. The
//! link token is `id || HMAC-SHA256(key, id)[..16]`, base64url: the key
//! lives in `CANVASS_SECRET_FILE`, outside the database, so the database
//! alone can neither forge nor recover a link; reminders resend the same
//! link; a new key revokes every link. Verification is one HMAC and a
//! constant-time comparison.

use std::io::Write;
use std::path::Path;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::error::{AppError, AppResult};

const ID_LEN: usize = 22; // 16 bytes in base64url
const MAC_BYTES: usize = 16;

/// A fresh id: 16 random bytes, base64url (22 characters).
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The key behind link tokens (and, later, cookies). Never printed.
#[derive(Clone)]
pub struct Secret([u8; 32]);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl Secret {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Secret(bytes)
    }

    /// Reads the key file, creating it (mode 0600) with a new random key
    /// when it does not exist.
    pub fn load_or_create(path: &Path) -> AppResult<Self> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(text.trim()).ok_or_else(|| {
                AppError::Config(format!(
                    "{} does not hold a canvass key (64 hex digits)",
                    path.display()
                ))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Self::create(path),
            Err(e) => Err(AppError::io(path, e)),
        }
    }

    fn parse(hex: &str) -> Option<Self> {
        if hex.len() != 64 {
            return None;
        }
        let mut out = [0u8; 32];
        for (i, b) in out.iter_mut().enumerate() {
            *b = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(Secret(out))
    }

    fn create(path: &Path) -> AppResult<Self> {
        let mut key = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut key);
        let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| AppError::io(dir, e))?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(path) {
            Ok(mut f) => {
                f.write_all(hex.as_bytes())
                    .and_then(|()| f.sync_all())
                    .map_err(|e| AppError::io(path, e))?;
                Ok(Secret(key))
            }
            // Another process created it first: use theirs.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Self::load_or_create(path),
            Err(e) => Err(AppError::io(path, e)),
        }
    }

    fn mac(&self, purpose: &[u8], id: &str) -> [u8; 32] {
        // HMAC accepts keys of any length, so this cannot fail.
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.0).unwrap_or_else(|_| unreachable!());
        mac.update(purpose);
        mac.update(id.as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// A key for another purpose (cookies), derived so that it reveals
    /// nothing about this one.
    pub fn derive(&self, purpose: &[u8]) -> [u8; 64] {
        let a = self.mac(purpose, "1");
        let b = self.mac(purpose, "2");
        let mut out = [0u8; 64];
        out[..32].copy_from_slice(&a);
        out[32..].copy_from_slice(&b);
        out
    }

    /// The token of the link that opens invitation `id`.
    pub fn link_token(&self, id: &str) -> String {
        let mac = self.mac(b"link\0", id);
        format!("{id}{}", URL_SAFE_NO_PAD.encode(&mac[..MAC_BYTES]))
    }

    /// The invitation id a token stands for, if the token is genuine.
    pub fn verify_link(&self, token: &str) -> Option<String> {
        let (id, tag) = (token.get(..ID_LEN)?, token.get(ID_LEN..)?);
        let given = URL_SAFE_NO_PAD.decode(tag).ok()?;
        let expected = self.mac(b"link\0", id);
        let ok: bool = given.len().ct_eq(&MAC_BYTES).into();
        (ok && bool::from(given.ct_eq(&expected[..MAC_BYTES]))).then(|| id.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_distinct_and_url_safe() {
        let a = new_id();
        assert_eq!(a.len(), 22);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_ne!(a, new_id());
    }

    #[test]
    fn a_token_verifies_only_with_its_key_and_unchanged() {
        let key = Secret::from_bytes([7; 32]);
        let id = new_id();
        let token = key.link_token(&id);
        assert_eq!(token.len(), 44);
        assert_eq!(key.verify_link(&token).as_deref(), Some(id.as_str()));
        assert_eq!(Secret::from_bytes([8; 32]).verify_link(&token), None);
        let mut tampered = token.clone().into_bytes();
        tampered[30] = if tampered[30] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            key.verify_link(std::str::from_utf8(&tampered).unwrap()),
            None
        );
        assert_eq!(key.verify_link(&token[..40]), None);
        assert_eq!(key.verify_link("é"), None);
    }

    #[test]
    fn the_key_file_is_created_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/canvass.key");
        let a = Secret::load_or_create(&path).unwrap();
        let b = Secret::load_or_create(&path).unwrap();
        assert_eq!(a.0, b.0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        std::fs::write(&path, "nonsense").unwrap();
        assert!(Secret::load_or_create(&path).is_err());
    }
}
