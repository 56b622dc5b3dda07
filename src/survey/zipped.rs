//! A survey folder uploaded as a zip archive (the console's surveys page):
//! `survey.toml` and its `<lang>.ftl` files, at the top of the archive or
//! inside one folder, the way a file manager zips a folder. The archive is
//! read into memory within limits (an entry's path is never used to write
//! anything), then checked like a folder on disk by [`super::load_sources`].

use std::io::{Cursor, Read};
use std::path::PathBuf;

use super::SurveyFiles;

/// At most this many entries, this large each and together: a survey
/// folder is a few dozen kilobytes, so anything near these is not one.
const MAX_ENTRIES: usize = 200;
const MAX_FILE: u64 = 2 * 1024 * 1024;
const MAX_TOTAL: u64 = 10 * 1024 * 1024;

/// A zipped folder read: its files (named by the folder the survey goes
/// to), and what was left out, as warnings.
#[derive(Debug)]
pub struct Zipped {
    pub files: SurveyFiles,
    pub warnings: Vec<String>,
}

/// Whether `bytes` are a zip archive that holds a `survey.toml` (a zipped
/// survey folder; a workbook is a zip archive too, without one).
pub fn is_survey_folder(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|z| {
        z.file_names()
            .any(|n| n == "survey.toml" || n.ends_with("/survey.toml"))
    })
}

/// One line of what a read tells: `upload.zip: entry: level: message`
/// (without the entry when it is about the whole archive).
fn told(file: &str, entry: &str, level: &str, message: &str) -> String {
    if entry.is_empty() {
        format!("{file}: {level}: {message}")
    } else {
        format!("{file}: {entry}: {level}: {message}")
    }
}

/// Reads a zipped survey folder; `file` names the upload in every message
/// (`upload.zip: member_survey/fr.ftl: error: …`). Every problem is
/// reported at once; nothing is returned unless all entries could be read.
pub fn read(bytes: &[u8], file: &str) -> Result<Zipped, Vec<String>> {
    let error = |entry: &str, message: &str| told(file, entry, "error", message);
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| vec![error("", &format!("not a zip archive ({e})"))])?;
    if archive.len() > MAX_ENTRIES {
        return Err(vec![error(
            "",
            &format!(
                "{} entries; a survey folder holds survey.toml and one .ftl file per language",
                archive.len()
            ),
        )]);
    }
    let mut reader = Reader {
        file,
        ..Reader::default()
    };
    for i in 0..archive.len() {
        let name = archive.name_for_index(i).unwrap_or("?").to_string();
        match archive.by_index(i) {
            Ok(entry) => reader.entry(entry),
            Err(e) => {
                reader.error(
                    &name,
                    &format!("cannot be read (password-protected or damaged: {e})"),
                );
            }
        }
    }
    reader.finish()
}

#[derive(Default)]
struct Reader<'a> {
    /// The upload's name, for every message.
    file: &'a str,
    /// The one folder the files are in (`Some("")`: the top).
    folder: Option<String>,
    toml: Option<String>,
    ftl: Vec<(String, String)>,
    total: u64,
    errors: Vec<String>,
    warnings: Vec<String>,
}

impl Reader<'_> {
    fn error(&mut self, entry: &str, message: &str) {
        self.errors.push(told(self.file, entry, "error", message));
    }

    fn entry<R: Read>(&mut self, mut entry: zip::read::ZipFile<'_, R>) {
        let name = entry.name().to_string();
        let parts: Vec<&str> = name.split('/').filter(|p| !p.is_empty()).collect();
        let Some(base) = parts.last().copied() else {
            return;
        };
        if entry.is_dir() || parts[0] == "__MACOSX" || base.starts_with('.') {
            return;
        }
        let wanted = base == "survey.toml" || base.ends_with(".ftl");
        if !wanted {
            let message = "left out: only survey.toml and <language>.ftl files are read";
            self.warnings
                .push(told(self.file, &name, "warning", message));
            return;
        }
        if parts.len() > 2 || name.contains('\\') {
            self.error(
                &name,
                "is in a folder within a folder; zip the survey folder itself",
            );
            return;
        }
        let folder = if parts.len() == 2 { parts[0] } else { "" };
        match &self.folder {
            None => self.folder = Some(folder.to_string()),
            Some(f) if f == folder => {}
            Some(_) => {
                self.error(
                    &name,
                    "is outside the folder of the other files; zip one survey folder",
                );
                return;
            }
        }
        let Some(text) = self.text(&mut entry, &name) else {
            return;
        };
        if base == "survey.toml" {
            self.toml = Some(text);
        } else {
            self.ftl.push((base.to_string(), text));
        }
    }

    /// The entry's text, within the limits.
    fn text<R: Read>(
        &mut self,
        entry: &mut zip::read::ZipFile<'_, R>,
        name: &str,
    ) -> Option<String> {
        let too_large = format!(
            "larger than {} MiB; a survey file is a few kilobytes",
            MAX_FILE / 1024 / 1024
        );
        if entry.size() > MAX_FILE {
            self.error(name, &too_large);
            return None;
        }
        let mut bytes = Vec::new();
        if let Err(e) = entry.take(MAX_FILE + 1).read_to_end(&mut bytes) {
            self.error(name, &format!("cannot be read ({e})"));
            return None;
        }
        let len = bytes.len() as u64;
        self.total += len;
        if len > MAX_FILE || self.total > MAX_TOTAL {
            self.error(name, &too_large);
            return None;
        }
        match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(_) => {
                self.error(name, "is not UTF-8 text; save it as UTF-8");
                None
            }
        }
    }

    fn finish(mut self) -> Result<Zipped, Vec<String>> {
        let file = self.file;
        let Some(toml) = self.toml.take() else {
            self.error("", "holds no survey.toml");
            return Err(self.errors);
        };
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        // The survey's folder: the archive's folder, else the id the
        // survey gives itself, else the upload's name.
        let folder = self.folder.filter(|f| !f.is_empty()).or_else(|| {
            let doc = toml_edit::ImDocument::parse(toml.as_str()).ok()?;
            doc.get("id")?.as_str().map(str::to_string)
        });
        let folder = folder.unwrap_or_else(|| {
            let stem = file.rsplit('/').next().unwrap_or(file);
            stem.strip_suffix(".zip").unwrap_or(stem).to_string()
        });
        self.ftl.sort();
        Ok(Zipped {
            files: SurveyFiles {
                dir: PathBuf::from(folder),
                toml,
                ftl: self.ftl,
            },
            warnings: self.warnings,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in files {
            zip.start_file(*name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    const TOML: &[u8] = b"id = \"mini\"\n";

    #[test]
    fn files_at_the_top_go_to_the_folder_the_survey_names() {
        let bytes = zip_of(&[
            ("survey.toml", TOML),
            ("fr.ftl", b"a = b\n"),
            ("en.ftl", b"a = b\n"),
            ("__MACOSX/._survey.toml", b"\0\0"),
            (".DS_Store", b"\0"),
            ("notes.txt", b"draft"),
        ]);
        assert!(is_survey_folder(&bytes));
        let z = read(&bytes, "up.zip").unwrap();
        assert_eq!(z.files.dir, PathBuf::from("mini"));
        let names: Vec<&str> = z.files.ftl.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["en.ftl", "fr.ftl"]);
        assert_eq!(
            z.warnings,
            ["up.zip: notes.txt: warning: left out: only survey.toml and <language>.ftl files are read"]
        );
    }

    #[test]
    fn a_folder_in_the_archive_names_the_survey_folder() {
        let bytes = zip_of(&[("other/survey.toml", TOML), ("other/en.ftl", b"a = b\n")]);
        let z = read(&bytes, "up.zip").unwrap();
        assert_eq!(z.files.dir, PathBuf::from("other"));
    }

    #[test]
    fn every_problem_is_named_with_its_entry() {
        let bytes = zip_of(&[
            ("a/survey.toml", TOML),
            ("b/en.ftl", b"a = b\n"),
            ("a/x/fr.ftl", b"a = b\n"),
            ("a/es.ftl", b"\xff\xfe"),
        ]);
        let errors = read(&bytes, "up.zip").unwrap_err();
        assert_eq!(
            errors,
            [
                "up.zip: b/en.ftl: error: is outside the folder of the other files; zip one survey folder",
                "up.zip: a/x/fr.ftl: error: is in a folder within a folder; zip the survey folder itself",
                "up.zip: a/es.ftl: error: is not UTF-8 text; save it as UTF-8",
            ]
        );
    }

    #[test]
    fn a_workbook_is_no_survey_folder_and_a_damaged_archive_is_named() {
        let workbook = zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/workbook.xml", b"<w/>"),
        ]);
        assert!(!is_survey_folder(&workbook));
        assert!(!is_survey_folder(b"id,name\n"));
        let bytes = zip_of(&[("survey.toml", TOML)]);
        let errors = read(&bytes[..bytes.len() / 2], "up.zip").unwrap_err();
        assert!(
            errors[0].starts_with("up.zip: error: not a zip archive"),
            "{errors:?}"
        );
        let errors = read(&zip_of(&[("en.ftl", b"a = b\n")]), "up.zip").unwrap_err();
        assert_eq!(errors, ["up.zip: error: holds no survey.toml"]);
    }

    #[test]
    fn an_entry_that_unpacks_past_the_limit_is_refused_without_unpacking_it_all() {
        let big = vec![b'#'; (MAX_FILE + 10) as usize];
        let bytes = zip_of(&[("survey.toml", TOML), ("en.ftl", &big)]);
        assert!(bytes.len() < 100_000, "it compresses: {}", bytes.len());
        let errors = read(&bytes, "up.zip").unwrap_err();
        assert_eq!(
            errors,
            ["up.zip: en.ftl: error: larger than 2 MiB; a survey file is a few kilobytes"]
        );
    }
}
