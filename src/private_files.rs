//! Files that hold personal data or secrets (the SQLite database with its
//! `-wal` and `-shm` files, the outbox folder and its `.eml` files, which
//! carry personal links, the key file): created owner-only, 0600 files and
//! 0700 folders, whatever the umask, and tightened when found more open.
//!
//! Modes are given when a file or folder is created, not set afterwards,
//! so there is no moment in which another local user could open it.

use std::io::Write;
use std::path::Path;

use crate::error::{AppError, AppResult};

/// Creates `path` (empty) if it does not exist; either way it ends owner-only.
pub fn create_file(path: &Path) -> AppResult<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    owner_only_file(&mut options);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => tighten(path),
        Err(e) => Err(AppError::io(path, e)),
    }
}

/// Writes a new file holding `bytes`, owner-only; an existing one is an
/// error. No `fsync`, as with `std::fs::write`.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    owner_only_file(&mut options);
    options.open(path)?.write_all(bytes)
}

/// Creates the folder `dir` owner-only (its parents as usual), or tightens
/// it when it exists.
pub fn create_dir(dir: &Path) -> AppResult<()> {
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| AppError::io(parent, e))?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => tighten(dir),
        Err(e) => Err(AppError::io(dir, e)),
    }
}

/// Takes every right of group and others away from `path`, if it exists
/// and has any (the owner's stay as they are). A file of another owner,
/// shared on purpose through its group, cannot be changed by canvass: that
/// is warned about, not refused.
pub fn tighten(path: &Path) -> AppResult<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = match std::fs::metadata(path) {
            Ok(m) => m.permissions().mode(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(AppError::io(path, e)),
        };
        if mode & 0o077 == 0 {
            return Ok(());
        }
        let private = std::fs::Permissions::from_mode(mode & 0o700);
        match std::fs::set_permissions(path, private) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => tracing::warn!(
                "{} is open to other users (mode {:o}) and canvass cannot change that: {e}",
                path.display(),
                mode & 0o777
            ),
            Err(e) => return Err(AppError::io(path, e)),
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

fn owner_only_file(options: &mut std::fs::OpenOptions) {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, 0o600);
    #[cfg(not(unix))]
    let _ = options;
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn existing_files_and_folders_lose_group_and_other_rights() {
        let dir = tempfile::tempdir().unwrap();
        let (file, sub) = (dir.path().join("f"), dir.path().join("d"));
        std::fs::write(&file, "x").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o664)).unwrap();
        std::fs::create_dir(&sub).unwrap();
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
        create_file(&file).unwrap();
        create_dir(&sub).unwrap();
        assert_eq!((mode(&file), mode(&sub)), (0o600, 0o700));
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "x",
            "kept its content"
        );
        tighten(&dir.path().join("missing")).unwrap();
    }

    #[test]
    fn new_files_and_folders_are_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let (file, sub) = (dir.path().join("f"), dir.path().join("a/b"));
        create_file(&file).unwrap();
        create_dir(&sub).unwrap();
        write_new(&sub.join("m.eml"), b"mail").unwrap();
        assert_eq!((mode(&file), mode(&sub)), (0o600, 0o700));
        assert_eq!(mode(&sub.join("m.eml")), 0o600);
        assert!(write_new(&sub.join("m.eml"), b"again").is_err());
    }
}
