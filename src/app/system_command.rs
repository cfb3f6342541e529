//! What the user asks of the window and the system rather than of the data: where to look, which language,
//! a file chooser and its answer, a background job, the settings file, a folder to show. Nothing here is
//! written to the database or undone.

use std::path::PathBuf;

use crate::config::AppConfig;
use crate::i18n::Language;
use crate::model::Id;

use super::chooser::{Purpose, Request};
use super::jobs::JobResult;
use super::state::Screen;

#[derive(Debug, Clone, PartialEq)]
pub enum SystemCommand {
    /// Select a measure in the views.
    Select(Option<Id>),
    ShowScreen(Screen),
    SetLanguage(Language),
    /// Ask the user for a path (the system's dialog or the in-app chooser); the answer comes back as
    /// `Chosen`.
    Choose(Box<Request>),
    /// A path the user chose, and what for.
    Chosen {
        purpose: Purpose,
        path: PathBuf,
    },
    /// What a background job produced (see `jobs`).
    JobDone(Box<JobResult>),
    /// Stop the running job; the data stays as it was.
    CancelJob,
    /// Do not open the local evidence file after all.
    CancelOpenFile,
    /// Write the settings file (`config::AppConfig`) once an edit of it is complete; a failure is a toast.
    SaveSettings(Box<AppConfig>),
    /// Show a folder in the system's file manager, creating it first when `create` (a backups folder may
    /// not exist before the first backup); a failure is a toast.
    OpenFolder {
        path: PathBuf,
        create: bool,
    },
}
