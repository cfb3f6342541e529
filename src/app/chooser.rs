//! The one file chooser service. Every "choose a file / a folder" goes through `RoadmapApp::choose`: the
//! system's dialog where the system has one (Windows, macOS; on Linux an xdg-desktop-portal or zenity, else
//! kdialog), run on its own thread so the window never blocks, else the in-app chooser (`ui::chooser`), where
//! a path can also be typed or pasted. A system dialog that fails at once (no portal after all) falls back to
//! the in-app one, with a message: the user is never left without an answer. The result comes back as
//! `Command::System(SystemCommand::Chosen)`, and the folder is remembered per purpose.

use super::SystemCommand;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::{Command, ExchangeCommand, RoadmapApp, SchoolCommand};
use crate::model::Id;

/// What a chosen path is for: decides the command it becomes and the remembered folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Purpose {
    /// A file to read and preview (exchange file, Word, Excel, CSV).
    Import,
    /// Where to save the open plan as an exchange file.
    ExportPlan,
    /// Where to save the open plan's due dates as iCalendar.
    ExportIcs,
    /// Where to save a school's report (exchange file).
    ExportSchool(Id),
    /// Where to save the grid as CSV (all of it, or what the filter shows).
    ExportCsv { filtered: bool },
    /// A CSV of schools to add to the registry.
    ImportSchools,
    /// Where to save the аналитическая справка (a school's, or the district's).
    Report { school: Option<Id> },
    /// The backups folder (the settings window takes it).
    BackupsFolder,
    /// The database file for the next start (the settings window takes it).
    Database,
    /// Schools' reports to collect (files, or a folder of them).
    CollectReports,
    /// The folder the plans for the schools are written to.
    SendPlans,
}

impl Purpose {
    /// The key the last folder is remembered under: one per kind of file, not per school.
    pub fn folder_key(&self) -> &'static str {
        match self {
            Purpose::Import => "import",
            Purpose::ExportPlan | Purpose::ExportSchool(_) => "export",
            Purpose::ExportIcs => "ics",
            Purpose::ExportCsv { .. } => "csv",
            Purpose::ImportSchools => "schools",
            Purpose::Report { .. } => "reports",
            Purpose::BackupsFolder => "backups",
            Purpose::Database => "database",
            Purpose::CollectReports => "reports-in",
            Purpose::SendPlans => "plans-out",
        }
    }

    /// The command that carries out the choice; `None` for the settings window's purposes (it takes the
    /// path from `UiState::picked`).
    pub fn command(&self, path: PathBuf) -> Option<Command> {
        Some(match self {
            Purpose::Import => Command::ImportFile(path),
            Purpose::ExportPlan => Command::ExportFile(path),
            Purpose::ExportIcs => Command::ExportIcsFile(path),
            Purpose::ExportSchool(school) => Command::Exchange(ExchangeCommand::ExportSchool {
                school: *school,
                path,
            }),
            Purpose::ExportCsv { filtered } => Command::Exchange(ExchangeCommand::ExportCsv {
                filtered: *filtered,
                path,
            }),
            Purpose::ImportSchools => Command::School(SchoolCommand::ImportCsv(path)),
            Purpose::Report { school } => Command::School(SchoolCommand::SaveReport {
                school: *school,
                path,
            }),
            Purpose::CollectReports => {
                Command::Exchange(ExchangeCommand::CollectReports(vec![path]))
            }
            Purpose::SendPlans => Command::Exchange(ExchangeCommand::SendPlans { folder: path }),
            Purpose::BackupsFolder | Purpose::Database => return None,
        })
    }

    /// The command for several files chosen at once (only reports are collected so).
    pub fn command_many(&self, paths: Vec<PathBuf>) -> Option<Command> {
        match self {
            Purpose::CollectReports => {
                Some(Command::Exchange(ExchangeCommand::CollectReports(paths)))
            }
            _ => paths.into_iter().next().and_then(|p| self.command(p)),
        }
    }
}

/// Open an existing file (or several, where the system's dialog can), name a file to save, or pick a
/// folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Open,
    OpenMany,
    Save,
    Folder,
}

/// What to ask the user for.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub purpose: Purpose,
    pub mode: Mode,
    pub title: String,
    /// Named groups of extensions (without dots); the first is the default.
    pub filters: Vec<(String, Vec<String>)>,
    /// The suggested file name when saving.
    pub file_name: String,
    /// Where the chooser starts (the remembered folder, filled in by `choose`).
    pub folder: Option<PathBuf>,
}

impl Request {
    pub fn new(purpose: Purpose, mode: Mode, title: String) -> Self {
        Self {
            purpose,
            mode,
            title,
            filters: Vec::new(),
            file_name: String::new(),
            folder: None,
        }
    }

    /// Where to save a file offered under a name made of `named_after` (a plan's or a school's title, made
    /// safe for a file name) and `extension`.
    pub fn save(purpose: Purpose, title: String, named_after: &str, extension: &str) -> Self {
        Self::new(purpose, Mode::Save, title).file_name(format!(
            "{}.{extension}",
            super::runner::file_stem(named_after)
        ))
    }

    pub fn filter(mut self, name: impl Into<String>, extensions: &[&str]) -> Self {
        self.filters.push((
            name.into(),
            extensions.iter().map(|e| (*e).to_owned()).collect(),
        ));
        self
    }

    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = name.into();
        self
    }
}

/// Which chooser this system can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The system's dialog through rfd (Windows, macOS, xdg-desktop-portal, zenity).
    System,
    /// KDE's kdialog, run as a program.
    Kdialog,
    /// The in-app chooser.
    InApp,
}

/// The environment variable that forces a chooser: `in-app` (or `builtin`), `system`, `kdialog`.
pub const BACKEND_VAR: &str = "ROADMAP_FILE_CHOOSER";

impl Backend {
    /// What this system offers; `ROADMAP_FILE_CHOOSER` overrides it.
    pub fn detect() -> Self {
        match std::env::var(BACKEND_VAR).ok().as_deref() {
            Some("in-app" | "builtin") => return Backend::InApp,
            Some("system") => return Backend::System,
            Some("kdialog") => return Backend::Kdialog,
            _ => {}
        }
        if !cfg!(all(unix, not(target_os = "macos"))) {
            return Backend::System;
        }
        if on_path("zenity") || has_portal() {
            Backend::System
        } else if on_path("kdialog") {
            Backend::Kdialog
        } else {
            Backend::InApp
        }
    }
}

/// Whether a program is on the PATH.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Whether an xdg-desktop-portal can answer: a session bus and the portal service installed.
fn has_portal() -> bool {
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty());
    bus && [
        "/usr/libexec/xdg-desktop-portal",
        "/usr/lib/xdg-desktop-portal",
        "/usr/lib/x86_64-linux-gnu/xdg-desktop-portal",
    ]
    .iter()
    .any(|p| Path::new(p).exists())
        && on_any_path(&[
            "/usr/share/xdg-desktop-portal/portals/gtk.portal",
            "/usr/share/xdg-desktop-portal/portals/kde.portal",
            "/usr/share/xdg-desktop-portal/portals/gnome.portal",
        ])
}

fn on_any_path(paths: &[&str]) -> bool {
    paths.iter().any(|p| Path::new(p).exists())
}

/// What a chooser running on its own thread answers.
#[derive(Debug)]
pub enum Reply {
    Chosen(Request, PathBuf),
    ChosenMany(Request, Vec<PathBuf>),
    Cancelled,
    /// The system's dialog could not be shown: the in-app chooser takes over.
    Failed(Request),
}

/// A dialog that returns nothing this fast never showed: the user could not have cancelled it.
const NOT_SHOWN: Duration = Duration::from_millis(400);

/// Runs the system's dialog (rfd) on this thread.
fn run_system(request: Request) -> Reply {
    let started = Instant::now();
    let mut dialog = rfd::FileDialog::new().set_title(&request.title);
    for (name, extensions) in &request.filters {
        dialog = dialog.add_filter(name, extensions);
    }
    if let Some(folder) = &request.folder {
        dialog = dialog.set_directory(folder);
    }
    if !request.file_name.is_empty() {
        dialog = dialog.set_file_name(&request.file_name);
    }
    if request.mode == Mode::OpenMany {
        return match dialog.pick_files() {
            Some(paths) if !paths.is_empty() => Reply::ChosenMany(request, paths),
            _ if started.elapsed() < NOT_SHOWN => Reply::Failed(request),
            _ => Reply::Cancelled,
        };
    }
    let picked = match request.mode {
        Mode::Open | Mode::OpenMany => dialog.pick_file(),
        Mode::Save => dialog.save_file(),
        Mode::Folder => dialog.pick_folder(),
    };
    match picked {
        Some(path) => Reply::Chosen(request, path),
        None if started.elapsed() < NOT_SHOWN => Reply::Failed(request),
        None => Reply::Cancelled,
    }
}

/// Runs kdialog on this thread.
fn run_kdialog(request: Request) -> Reply {
    let start = request.folder.clone().unwrap_or_else(|| PathBuf::from("."));
    let mut command = std::process::Command::new("kdialog");
    command.arg("--title").arg(&request.title);
    let filter = request
        .filters
        .iter()
        .map(|(name, exts)| {
            let globs: Vec<String> = exts.iter().map(|e| format!("*.{e}")).collect();
            format!("{} ({})", name, globs.join(" "))
        })
        .collect::<Vec<_>>()
        .join("\n");
    match request.mode {
        Mode::Open | Mode::OpenMany => command.arg("--getopenfilename").arg(&start).arg(&filter),
        Mode::Save => command
            .arg("--getsavefilename")
            .arg(start.join(&request.file_name))
            .arg(&filter),
        Mode::Folder => command.arg("--getexistingdirectory").arg(&start),
    };
    match command.output() {
        Ok(out) if out.status.success() => {
            let text = String::from_utf8_lossy(&out.stdout).trim_end().to_owned();
            if text.is_empty() {
                Reply::Cancelled
            } else {
                Reply::Chosen(request, PathBuf::from(text))
            }
        }
        Ok(out) if out.status.code() == Some(1) => Reply::Cancelled,
        _ => Reply::Failed(request),
    }
}

/// The chooser service's state in the app: which backend, and the channel system dialogs answer on.
pub struct Chooser {
    pub backend: Backend,
    sender: mpsc::Sender<Reply>,
    receiver: mpsc::Receiver<Reply>,
    /// A system dialog is open (a second one is not started).
    busy: bool,
}

impl Chooser {
    pub fn new(backend: Backend) -> Self {
        let (sender, receiver) = mpsc::channel();
        Self {
            backend,
            sender,
            receiver,
            busy: false,
        }
    }
}

impl Default for Chooser {
    fn default() -> Self {
        Self::new(Backend::detect())
    }
}

impl RoadmapApp {
    /// Asks the user for a path: the system's dialog on its own thread, or the in-app chooser. The answer
    /// comes back as `Command::System(SystemCommand::Chosen)`.
    pub(super) fn choose(&mut self, mut request: Request) -> Result<(), String> {
        if request.folder.is_none() {
            request.folder = self
                .ui_state
                .last_folders
                .get(request.purpose.folder_key())
                .filter(|f| f.is_dir())
                .cloned();
        }
        match self.chooser.backend {
            Backend::InApp => {
                self.ui_state.chooser = Some(super::chooser_dialog::ChooserDialog::new(request));
                Ok(())
            }
            Backend::System if cfg!(target_os = "macos") => {
                // macOS shows its panels from the main thread only: there the dialog runs here.
                let reply = run_system(request);
                self.chooser.busy = true;
                let _ = self.chooser.sender.send(reply);
                Ok(())
            }
            backend => {
                if self.chooser.busy {
                    return Ok(());
                }
                self.chooser.busy = true;
                let sender = self.chooser.sender.clone();
                let repaint = self.egui_ctx.clone();
                std::thread::spawn(move || {
                    let reply = if backend == Backend::Kdialog {
                        run_kdialog(request)
                    } else {
                        run_system(request)
                    };
                    let _ = sender.send(reply);
                    if let Some(ctx) = repaint {
                        ctx.request_repaint();
                    }
                });
                Ok(())
            }
        }
    }

    /// Takes the answers of system dialogs that came back since the last frame.
    pub(super) fn take_chooser_replies(&mut self) {
        while let Ok(reply) = self.chooser.receiver.try_recv() {
            self.chooser.busy = false;
            match reply {
                Reply::Chosen(request, path) => {
                    self.commands.push(Command::System(SystemCommand::Chosen {
                        purpose: request.purpose,
                        path,
                    }))
                }
                Reply::ChosenMany(request, paths) => {
                    if let Some(folder) = paths.first().and_then(|p| p.parent()) {
                        self.ui_state.last_folders.insert(
                            request.purpose.folder_key().to_owned(),
                            folder.to_path_buf(),
                        );
                    }
                    if let Some(command) = request.purpose.command_many(paths) {
                        self.commands.push(command);
                    }
                }
                Reply::Cancelled => {}
                Reply::Failed(request) => {
                    self.toasts.info(self.i18n.tr("chooser-system-failed"));
                    self.ui_state.chooser =
                        Some(super::chooser_dialog::ChooserDialog::new(request));
                }
            }
        }
    }

    /// Carries out a choice: remembers its folder and runs the command it stands for.
    pub(super) fn chosen(&mut self, purpose: Purpose, path: PathBuf) -> Result<(), String> {
        let folder =
            if matches!(purpose, Purpose::BackupsFolder | Purpose::SendPlans) || path.is_dir() {
                Some(path.clone())
            } else {
                path.parent().map(Path::to_path_buf)
            };
        if let Some(folder) = folder.filter(|f| !f.as_os_str().is_empty()) {
            self.ui_state
                .last_folders
                .insert(purpose.folder_key().to_owned(), folder);
        }
        match purpose.command(path.clone()) {
            Some(command) => self.run_command(command),
            None => {
                self.ui_state.picked = Some((purpose, path));
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_choice_previews_the_file() {
        let path = PathBuf::from("/tmp/a.docx");
        assert_eq!(
            Purpose::Import.command(path.clone()),
            Some(Command::ImportFile(path))
        );
    }

    #[test]
    fn exports_of_plans_and_schools_share_a_remembered_folder() {
        assert_eq!(
            Purpose::ExportPlan.folder_key(),
            Purpose::ExportSchool(Id::nil()).folder_key()
        );
        assert_ne!(
            Purpose::Import.folder_key(),
            Purpose::ExportPlan.folder_key()
        );
    }

    #[test]
    fn several_reports_chosen_at_once_are_collected_together() {
        let paths = vec![PathBuf::from("/r/a.json"), PathBuf::from("/r/b.json")];
        assert_eq!(
            Purpose::CollectReports.command_many(paths.clone()),
            Some(Command::Exchange(ExchangeCommand::CollectReports(paths)))
        );
    }

    #[test]
    fn the_settings_purposes_are_taken_by_the_settings_window() {
        assert_eq!(Purpose::Database.command(PathBuf::from("x")), None);
        assert_eq!(Purpose::BackupsFolder.command(PathBuf::from("x")), None);
    }
}
