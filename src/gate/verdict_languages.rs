//! The second language a gate station shows its verdicts in, kept in the
//! machine's data directory (`gate/second-language`, a language code), so
//! that a door set up for Vietnamese officers and English-speaking
//! delegates stays so after a restart.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::i18n::Language;

fn file(data_dir: &Path) -> PathBuf {
    data_dir.join("gate").join("second-language")
}

/// The station's second language; `None` when none was chosen (or the file
/// names a language this program does not speak).
pub fn second_language(data_dir: &Path) -> Result<Option<Language>> {
    let path = file(data_dir);
    match std::fs::read_to_string(&path) {
        Ok(code) => Ok(Language::from_locale(code.trim())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(&path, e)),
    }
}

/// Keeps the station's second language (`None`: verdicts in one language).
pub fn set_second_language(data_dir: &Path, language: Option<Language>) -> Result<()> {
    let path = file(data_dir);
    let dir = data_dir.join("gate");
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let code = language.map(Language::code).unwrap_or_default();
    crate::files::write_atomic(&path, code.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_language_is_kept_and_cleared() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(second_language(dir.path()).unwrap(), None);
        set_second_language(dir.path(), Some(Language::English)).unwrap();
        assert_eq!(
            second_language(dir.path()).unwrap(),
            Some(Language::English)
        );
        set_second_language(dir.path(), None).unwrap();
        assert_eq!(second_language(dir.path()).unwrap(), None);
    }
}
