//! The in-app file chooser's state while it is open: the request, the folder shown and its entries, the
//! path typed, and the checks of a choice. The window draws it (`ui::chooser`).

use std::path::{Path, PathBuf};

use super::chooser::{Mode, Request};
use crate::i18n::{Arg, I18n, Localize};

/// One entry of the folder being shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub name: String,
    pub dir: bool,
}

/// The in-app chooser's state (in `UiState::chooser` while it is open).
#[derive(Debug, Clone, PartialEq)]
pub struct ChooserDialog {
    pub request: Request,
    /// The folder whose contents are listed.
    pub folder: PathBuf,
    /// The path field: a file name in `folder`, or a whole path typed or pasted.
    pub path: String,
    /// The folder's entries, read when the folder changes.
    pub entries: Option<Result<Vec<Entry>, ChooserError>>,
    /// Why the last «Выбрать» did not go through (or the question about a file to save over).
    pub error: Option<ChooserError>,
    /// A file to save over, once the user was told it exists (a second «Сохранить» replaces it).
    pub overwrite: Option<PathBuf>,
}

impl ChooserDialog {
    pub fn new(request: Request) -> Self {
        let folder = request
            .folder
            .clone()
            .filter(|f| f.is_dir())
            .or_else(home_folder)
            .unwrap_or_else(|| PathBuf::from("/"));
        Self {
            path: request.file_name.clone(),
            request,
            folder,
            entries: None,
            error: None,
            overwrite: None,
        }
    }

    pub fn open_folder(&mut self, folder: PathBuf) {
        self.folder = folder;
        self.entries = None;
        self.error = None;
    }

    /// Whether `name` passes the request's filters (folders always do).
    pub fn shows(&self, entry: &Entry) -> bool {
        if entry.dir || self.request.filters.is_empty() {
            return true;
        }
        let ext = Path::new(&entry.name)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        self.request
            .filters
            .iter()
            .any(|(_, exts)| exts.contains(&ext))
    }

    /// The path the field stands for: a whole path as typed, else a name in the shown folder.
    pub fn typed_path(&self) -> Option<PathBuf> {
        let text = self.path.trim().trim_matches('"');
        if text.is_empty() {
            return (self.request.mode == Mode::Folder).then(|| self.folder.clone());
        }
        let typed = PathBuf::from(text);
        Some(if typed.is_absolute() {
            typed
        } else {
            self.folder.join(typed)
        })
    }

    /// Checks the typed path against the mode: an existing file to open, a folder that exists to save in, a
    /// folder to pick. `Err` is shown under the field.
    pub fn check(&self) -> Result<PathBuf, ChooserError> {
        let Some(path) = self.typed_path() else {
            return Err(ChooserError::Empty);
        };
        match self.request.mode {
            Mode::Open | Mode::OpenMany if path.is_file() => Ok(path),
            Mode::Open | Mode::OpenMany => Err(ChooserError::NoFile(path)),
            Mode::Folder if path.is_dir() => Ok(path),
            Mode::Folder => Err(ChooserError::NoFolder(path)),
            Mode::Save if path.is_dir() => Err(ChooserError::IsFolder(path)),
            Mode::Save if path.parent().is_some_and(Path::is_dir) => Ok(path),
            Mode::Save => Err(ChooserError::NoFolder(path)),
        }
    }
}

/// What the in-app chooser says under its list or its path field; worded when drawn, in the window's
/// language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChooserError {
    /// No file named.
    Empty,
    NoFile(PathBuf),
    NoFolder(PathBuf),
    /// A folder where a file name is needed.
    IsFolder(PathBuf),
    /// The file to save exists: a second «Сохранить» replaces it.
    ConfirmOverwrite(PathBuf),
    /// The folder's contents could not be listed; the system's own text is the detail.
    Unreadable {
        folder: PathBuf,
        kind: std::io::ErrorKind,
        detail: String,
    },
}

crate::i18n::display_in_russian!(ChooserError);

impl Localize for ChooserError {
    fn message(&self, i18n: &I18n) -> String {
        let path = |key: &str, path: &Path| {
            i18n.tr_args(key, &[("path", Arg::Str(&path.display().to_string()))])
        };
        match self {
            ChooserError::Empty => i18n.tr("chooser-error-empty"),
            ChooserError::NoFile(p) => path("chooser-error-no-file", p),
            ChooserError::NoFolder(p) => path("chooser-error-no-folder", p),
            ChooserError::IsFolder(p) => path("chooser-error-is-folder", p),
            ChooserError::ConfirmOverwrite(p) => path("chooser-confirm-overwrite", p),
            ChooserError::Unreadable {
                folder,
                kind,
                detail,
            } => {
                let error = std::io::Error::new(*kind, detail.clone());
                i18n.tr_args(
                    "chooser-error-unreadable",
                    &[
                        ("path", Arg::Str(&folder.display().to_string())),
                        (
                            "reason",
                            Arg::Str(&crate::output::io_reason_in(&error, i18n)),
                        ),
                    ],
                )
            }
        }
    }
}

pub fn home_folder() -> Option<PathBuf> {
    directories::UserDirs::new().map(|d| d.home_dir().to_path_buf())
}

/// Reads a folder: subfolders first, then files, each by name (hidden ones left out).
pub fn read_folder(folder: &Path) -> Result<Vec<Entry>, ChooserError> {
    let mut entries: Vec<Entry> = std::fs::read_dir(folder)
        .map_err(|e| ChooserError::Unreadable {
            folder: folder.to_path_buf(),
            kind: e.kind(),
            detail: e.to_string(),
        })?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (!name.starts_with('.')).then(|| Entry {
                dir: e.path().is_dir(),
                name,
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.dir
            .cmp(&a.dir)
            .then_with(|| super::sort::natural_cmp(&a.name, &b.name))
    });
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_listed_is_told_in_the_window_language_with_the_system_text_after() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("нет-такой");
        let error = read_folder(&missing).unwrap_err();
        let shown = missing.display();
        crate::i18n::assert_opens_with(
            &error,
            &format!("Не удалось прочитать папку {shown}: "),
            &format!("Could not read the folder {shown}: "),
        );
    }

    #[test]
    fn a_choice_is_checked_against_the_mode() {
        let dir = tempfile::tempdir().unwrap();
        let request = Request::new(
            super::super::chooser::Purpose::Import,
            Mode::Open,
            "t".into(),
        );
        let mut dialog = ChooserDialog::new(request);
        dialog.open_folder(dir.path().to_path_buf());
        assert_eq!(dialog.check(), Err(ChooserError::Empty));
        dialog.path = "a.json".into();
        assert_eq!(
            dialog.check(),
            Err(ChooserError::NoFile(dir.path().join("a.json")))
        );
        std::fs::write(dir.path().join("a.json"), "{}").unwrap();
        assert_eq!(dialog.check(), Ok(dir.path().join("a.json")));
    }
}
