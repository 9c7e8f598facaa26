//! Importing a folder or ZIP archive of photos: each file is matched to a
//! participant by the delegation's reference or the document number in its
//! name ("VNM-0001.jpg", "C1234567 Nguyen.png"), normalised like any photo
//! (EXIF orientation, 3:4 crop, at most 600 × 800, JPEG; decompression bombs
//! refused before decoding) and stored, all in one transaction. Files are
//! decoded a few at a time, in parallel, so memory stays that of a batch.

use crate::store::{Db, Tx};
use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::import::display_name;
use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::domain::{ParticipantId, ParticipantStatus};
use crate::error::{Error, Result};
use crate::photo::{self, NormalisedPhoto};
use crate::store;

/// The largest photo file read (a phone photo is a few megabytes).
pub const MAX_FILE_BYTES: u64 = 40 * 1024 * 1024;
/// Files decoded at once.
const BATCH: usize = 16;

/// A file left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhotoProblem {
    pub file: String,
    pub reason: String,
}

/// Something to know about a photo that was imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhotoNotice {
    pub file: String,
    pub participant: ParticipantId,
    pub message: String,
}

/// What a photo import did (or, in a dry run, would do). Field names are
/// part of the CLI's JSON interface.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PhotoReport {
    pub source: String,
    pub dry_run: bool,
    /// Files looked at (hidden files and folders aside).
    pub files: usize,
    /// Participants whose photo was set or replaced.
    pub imported: usize,
    /// Files identical to the participant's photo already stored.
    pub unchanged: usize,
    pub rejected: usize,
    pub problems: Vec<PhotoProblem>,
    pub notices: Vec<PhotoNotice>,
    pub participants: Vec<ParticipantId>,
}

/// Imports the photos of a folder (and its sub-folders) or a ZIP archive.
pub fn import_photos(
    conn: &mut Db,
    actor: &Actor,
    source: &Path,
    dry_run: bool,
) -> Result<PhotoReport> {
    actor.require(Permission::ImportNominations)?;
    let mut files = Files::open(source)?;
    let started = PhotoReport {
        source: display_name(source),
        dry_run,
        files: files.len(),
        ..Default::default()
    };
    let now = crate::clock::now();
    conn.write_or_dry_run(dry_run, |tx| {
        import_in(tx, actor, &mut files, started.clone(), now)
    })
}

/// Matches, decodes and stores the photos inside `tx`, into `report` (a
/// try of [`import_photos`]: it starts from the first file each time).
fn import_in(
    tx: &Tx,
    actor: &Actor,
    files: &mut Files,
    mut report: PhotoReport,
    now: i64,
) -> Result<PhotoReport> {
    let index = Index::load(tx)?;
    let mut taken: HashMap<ParticipantId, String> = HashMap::new();
    let mut start = 0;
    while start < files.len() {
        let end = (start + BATCH).min(files.len());
        // Read and match the batch in order, then decode it in parallel.
        let mut batch: Vec<(String, ParticipantId, Vec<u8>)> = Vec::new();
        for i in start..end {
            let name = files.name(i).to_string();
            let id = match index.find(&name) {
                Ok(id) => id,
                Err(reason) => {
                    reject(&mut report, &name, reason);
                    continue;
                }
            };
            if let Some(first) = taken.get(&id) {
                let reason = format!("participant {id} already has a photo from {first}");
                reject(&mut report, &name, reason);
                continue;
            }
            match files.read(i) {
                Ok(bytes) => {
                    taken.insert(id, name.clone());
                    batch.push((name, id, bytes));
                }
                Err(reason) => reject(&mut report, &name, reason),
            }
        }
        let decoded: Vec<_> = batch
            .into_par_iter()
            .map(|(name, id, bytes)| (name, id, photo::normalise(&bytes)))
            .collect();
        for (name, id, result) in decoded {
            match result {
                Ok(normalised) => store_photo(tx, actor, now, &name, id, &normalised, &mut report)?,
                Err(e) => reject(&mut report, &name, e.to_string()),
            }
        }
        start = end;
    }
    // Files refused before decoding and after it, in one order.
    report.problems.sort_by(|a, b| a.file.cmp(&b.file));
    audit::record(
        tx,
        actor,
        now,
        Change::new("import.photos", "import", &report.source),
        None::<&()>,
        Some(&serde_json::json!({
            "source": report.source,
            "files": report.files,
            "imported": report.imported,
            "unchanged": report.unchanged,
            "rejected": report.rejected,
        })),
    )?;
    Ok(report)
}

fn reject(report: &mut PhotoReport, file: &str, reason: String) {
    report.rejected += 1;
    report.problems.push(PhotoProblem {
        file: file.to_string(),
        reason,
    });
}

fn store_photo(
    tx: &Tx,
    actor: &Actor,
    now: i64,
    file: &str,
    id: ParticipantId,
    normalised: &NormalisedPhoto,
    report: &mut PhotoReport,
) -> Result<()> {
    let before = store::participants::get(tx, id)?;
    if before.photo == Some(normalised.sha256) {
        report.unchanged += 1;
        return Ok(());
    }
    crate::desk::participants::set_photo_in(tx, actor, id, normalised, now)?;
    report.imported += 1;
    report.participants.push(id);
    if before.status == ParticipantStatus::Approved
        && let Some(badge) = store::badges::active_for(tx, id)?
    {
        report.notices.push(PhotoNotice {
            file: file.to_string(),
            participant: id,
            message: format!(
                "badge needs a reprint: badge {} of participant {id} shows the old photo (reprint it with reason data-change)",
                badge.serial
            ),
        });
    }
    Ok(())
}

/// Participants by reference and by document number, upper case.
struct Index {
    by_reference: HashMap<String, Vec<(ParticipantId, String)>>,
    by_document: HashMap<String, Vec<ParticipantId>>,
}

impl Index {
    fn load(conn: &Db) -> Result<Index> {
        let codes: HashMap<i64, String> = store::delegations::list(conn)?
            .into_iter()
            .map(|d| (d.id, d.code))
            .collect();
        let mut by_reference: HashMap<String, Vec<(ParticipantId, String)>> = HashMap::new();
        let mut by_document: HashMap<String, Vec<ParticipantId>> = HashMap::new();
        for p in store::participants::identities(conn)? {
            if !p.reference.is_empty() {
                let code = codes.get(&p.delegation).cloned().unwrap_or_default();
                by_reference
                    .entry(p.reference.to_uppercase())
                    .or_default()
                    .push((p.id, code));
            }
            let doc = super::import::document_key(&p.document_number);
            if !doc.is_empty() {
                by_document.entry(doc).or_default().push(p.id);
            }
        }
        Ok(Index {
            by_reference,
            by_document,
        })
    }

    /// The participant a file name names: its stem, or the stem's first
    /// word, as a reference or a document number.
    fn find(&self, file: &str) -> Result<ParticipantId, String> {
        let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
        let stem = match base.rsplit_once('.') {
            Some((s, _)) if !s.is_empty() => s,
            _ => base,
        };
        let stem = crate::domain::clean_text(stem);
        let first_word = stem
            .split([' ', '_', ',', '('])
            .next()
            .unwrap_or("")
            .to_string();
        for key in [stem.as_str(), first_word.as_str()] {
            if key.is_empty() {
                continue;
            }
            if let Some(found) = self.by_reference.get(&key.to_uppercase()) {
                return match found.as_slice() {
                    [(id, _)] => Ok(*id),
                    several => Err(format!(
                        "\"{key}\" is the reference of several participants ({}); name the file by document number",
                        several
                            .iter()
                            .map(|(id, code)| format!("{id} of {code}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                };
            }
            if let Some(found) = self.by_document.get(&super::import::document_key(key)) {
                return match found.as_slice() {
                    [id] => Ok(*id),
                    several => Err(format!(
                        "\"{key}\" is the document number of several participants ({})",
                        several
                            .iter()
                            .map(|id| id.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                };
            }
        }
        Err(format!(
            "no participant has the reference or document number \"{stem}\" (name each file after one, e.g. VNM-0001.jpg)"
        ))
    }
}

/// The files of a folder or a ZIP archive, sorted by name.
enum Files {
    Folder(Vec<(String, PathBuf)>),
    Zip {
        archive: Box<zip::ZipArchive<File>>,
        /// Entry names and their index in the archive.
        entries: Vec<(String, usize)>,
    },
}

impl Files {
    fn open(source: &Path) -> Result<Files> {
        let meta = std::fs::metadata(source).map_err(|e| Error::io(source, e))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(source, source, &mut found)?;
            found.sort();
            return Ok(Files::Folder(found));
        }
        let file = File::open(source).map_err(|e| Error::io(source, e))?;
        let mut archive = zip::ZipArchive::new(file).map_err(|e| {
            Error::Refused(format!(
                "{} is neither a folder nor a ZIP archive of photos: {e}",
                display_name(source)
            ))
        })?;
        let mut entries = Vec::new();
        for i in 0..archive.len() {
            let entry = archive.by_index(i).map_err(|e| zip_error(source, e))?;
            let name = entry.name().map_err(|e| zip_error(source, e))?.to_string();
            if entry.is_dir() || is_hidden(&name) {
                continue;
            }
            entries.push((name, i));
        }
        entries.sort();
        Ok(Files::Zip {
            archive: Box::new(archive),
            entries,
        })
    }

    fn len(&self) -> usize {
        match self {
            Files::Folder(f) => f.len(),
            Files::Zip { entries, .. } => entries.len(),
        }
    }

    fn name(&self, i: usize) -> &str {
        match self {
            Files::Folder(f) => &f[i].0,
            Files::Zip { entries, .. } => &entries[i].0,
        }
    }

    /// The file's bytes, refusing a file larger than [`MAX_FILE_BYTES`]
    /// (whatever a ZIP entry claims).
    fn read(&mut self, i: usize) -> Result<Vec<u8>, String> {
        let too_large = |n: u64| {
            format!(
                "the file is too large for a photo ({} MB; at most {} MB)",
                n / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            )
        };
        let mut bytes = Vec::new();
        match self {
            Files::Folder(f) => {
                let file = File::open(&f[i].1).map_err(|e| e.to_string())?;
                let size = file.metadata().map(|m| m.len()).unwrap_or(0);
                if size > MAX_FILE_BYTES {
                    return Err(too_large(size));
                }
                file.take(MAX_FILE_BYTES + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|e| e.to_string())?;
            }
            Files::Zip { archive, entries } => {
                let entry = archive
                    .by_index(entries[i].1)
                    .map_err(|e| format!("the archive entry cannot be read: {e}"))?;
                if entry.size() > MAX_FILE_BYTES {
                    return Err(too_large(entry.size()));
                }
                entry
                    .take(MAX_FILE_BYTES + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|e| format!("the archive entry cannot be read: {e}"))?;
            }
        }
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(too_large(bytes.len() as u64));
        }
        Ok(bytes)
    }
}

fn zip_error(source: &Path, e: zip::result::ZipError) -> Error {
    Error::Refused(format!(
        "{} cannot be read as a ZIP archive: {e}",
        display_name(source)
    ))
}

/// Dot files and the resource forks macOS puts in archives.
fn is_hidden(path: &str) -> bool {
    path.split(['/', '\\'])
        .any(|part| part.starts_with('.') || part == "__MACOSX")
}

fn walk(root: &Path, dir: &Path, found: &mut Vec<(String, PathBuf)>) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let relative = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        if is_hidden(&relative) {
            continue;
        }
        let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if kind.is_dir() {
            walk(root, &path, found)?;
        } else if kind.is_file() {
            found.push((relative, path));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_files_are_recognised() {
        assert!(is_hidden(".DS_Store"));
        assert!(is_hidden("__MACOSX/VNM-0001.jpg"));
        assert!(is_hidden("photos/._VNM-0001.jpg"));
        assert!(!is_hidden("photos/VNM-0001.jpg"));
    }
}
