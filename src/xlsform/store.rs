//! Writing a checked survey folder into the surveys dir, all or nothing:
//! the files go to a temporary folder first, which is renamed into place.
//! A survey that is replaced is kept, as it was, in
//! `<surveys dir>/_replaced/<id>.<YYYYMMDDTHHMMSS>/` (a folder that survey
//! listings skip: it holds no `survey.toml` of its own).

use std::path::{Path, PathBuf};

use chrono::Utc;

use crate::error::{AppError, AppResult};
use crate::survey::SurveyFiles;

/// Where replaced surveys are kept.
pub const REPLACED_DIR: &str = "_replaced";

/// Writes `files` as `<surveys_dir>/<id>/`; returns the folder the previous
/// version was moved to, if any. Refuses an existing folder unless
/// `replace`.
pub fn write(
    surveys_dir: &Path,
    id: &str,
    files: &SurveyFiles,
    replace: bool,
) -> AppResult<Option<PathBuf>> {
    let target = surveys_dir.join(id);
    if target.exists() && !replace {
        return Err(AppError::invalid(format!(
            "the survey folder {} exists already; give --replace to replace it (the current files are kept in {}/)",
            target.display(),
            surveys_dir.join(REPLACED_DIR).display()
        )));
    }
    let kept = surveys_dir.join(REPLACED_DIR);
    std::fs::create_dir_all(&kept).map_err(|e| AppError::io(&kept, e))?;
    let stamp = Utc::now().format("%Y%m%dT%H%M%S%.f").to_string();
    let tmp = kept.join(format!(".incoming-{id}-{}-{stamp}", std::process::id()));
    let result = fill(&tmp, files)
        .and_then(|()| swap(&tmp, &target, &kept.join(format!("{id}.{}", &stamp[..15]))));
    if result.is_err() {
        // The temporary folder is ours alone; removing it leaves nothing half-written.
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

fn fill(tmp: &Path, files: &SurveyFiles) -> AppResult<()> {
    std::fs::create_dir_all(tmp).map_err(|e| AppError::io(tmp, e))?;
    let path = tmp.join("survey.toml");
    std::fs::write(&path, &files.toml).map_err(|e| AppError::io(&path, e))?;
    for (name, text) in &files.ftl {
        let path = tmp.join(name);
        std::fs::write(&path, text).map_err(|e| AppError::io(&path, e))?;
    }
    Ok(())
}

/// Moves the current folder aside (if any), then the new one in; puts the
/// old one back if the second move fails.
fn swap(tmp: &Path, target: &Path, backup: &Path) -> AppResult<Option<PathBuf>> {
    let mut backup = backup.to_path_buf();
    let mut n = 1;
    while backup.exists() {
        n += 1;
        backup.set_extension(format!("{n}"));
    }
    let had = target.exists();
    if had {
        std::fs::rename(target, &backup).map_err(|e| AppError::io(target, e))?;
    }
    if let Err(e) = std::fs::rename(tmp, target) {
        if had {
            let _ = std::fs::rename(&backup, target);
        }
        return Err(AppError::io(target, e));
    }
    Ok(had.then_some(backup))
}
