//! The in-app file chooser's state while it is open: the request, the folder shown and its entries, the
//! path typed, and the checks of a choice. The window draws it (`ui::chooser`).

use std::path::{Path, PathBuf};

use super::chooser::{Mode, Request};
use crate::i18n::{Arg, I18n};

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
    pub entries: Option<Result<Vec<Entry>, String>>,
    /// Why the last «Выбрать» did not go through.
    pub error: Option<String>,
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
    /// folder to pick. `Err` is the message shown under the field.
    pub fn check(&self, i18n: &I18n) -> Result<PathBuf, String> {
        let Some(path) = self.typed_path() else {
            return Err(i18n.tr("chooser-error-empty"));
        };
        let shown = path.display().to_string();
        let args = [("path", Arg::Str(&shown))];
        match self.request.mode {
            Mode::Open | Mode::OpenMany if path.is_file() => Ok(path),
            Mode::Open | Mode::OpenMany => Err(i18n.tr_args("chooser-error-no-file", &args)),
            Mode::Folder if path.is_dir() => Ok(path),
            Mode::Folder => Err(i18n.tr_args("chooser-error-no-folder", &args)),
            Mode::Save if path.is_dir() => Err(i18n.tr_args("chooser-error-is-folder", &args)),
            Mode::Save if path.parent().is_some_and(Path::is_dir) => Ok(path),
            Mode::Save => Err(i18n.tr_args("chooser-error-no-folder", &args)),
        }
    }
}

pub fn home_folder() -> Option<PathBuf> {
    directories::UserDirs::new().map(|d| d.home_dir().to_path_buf())
}

/// Reads a folder: subfolders first, then files, each by name (hidden ones left out).
pub fn read_folder(folder: &Path) -> Result<Vec<Entry>, String> {
    let mut entries: Vec<Entry> = std::fs::read_dir(folder)
        .map_err(|e| e.to_string())?
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
