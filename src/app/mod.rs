//! The application without its window: state, the command runner, undo/redo, toasts.
//!
//! Views draw from `AppData` and push `Command`s; after the frame `run_commands` carries them out, writing
//! through the store in one transaction each and recording undo (DESIGN §2).

pub mod chooser;
pub mod chooser_dialog;
mod command;
mod dates;
mod error;
mod exchange_command;
pub mod exchange_state;
pub mod filter;
pub mod jobs;
mod read_jobs;
mod reload;
mod run_evidence;
mod run_exchange;
mod run_grid;
mod run_paste;
mod run_plan;
mod run_reports;
mod run_school_values;
mod run_schools;
mod run_system;
mod runner;
mod school_command;
mod school_loader;
mod schools_state;
pub mod sort;
mod state;
mod system_command;
mod toasts;
mod undo;

use chrono::NaiveDate;

pub use crate::model::MeasureField;
pub use crate::stats::school_plan;
pub use command::{Command, SectionField};
pub use error::{AppError, JobFailure};
pub use exchange_command::ExchangeCommand;
pub use exchange_state::{
    BackupInfo, ExchangeData, PendingImport, PendingMapping, PendingPaste, PendingReports,
    PreviewLine, RecordKind,
};
pub use filter::{Matcher, MeasureFilter};
pub use school_command::SchoolCommand;
pub use schools_state::{OverviewSort, SchoolData, SchoolTab, SchoolsUi};
pub use sort::MeasureSort;
pub use state::{AppData, OpenWindows, Screen, ThemeChoice, UiState};
pub use system_command::SystemCommand;
pub use toasts::{Toast, ToastKind, Toasts};

use crate::i18n::{I18n, Language};
use crate::store::Store;
use undo::UndoStack;

/// The application: the data, the UI state and the commands waiting to run. The window (`crate::window`)
/// draws it each frame; tests drive it directly.
pub struct RoadmapApp {
    store: Store,
    pub data: AppData,
    pub ui_state: UiState,
    pub i18n: I18n,
    pub toasts: Toasts,
    undo: UndoStack,
    commands: Vec<Command>,
    today: NaiveDate,
    /// The file chooser service (which chooser, and the answers of system dialogs).
    pub chooser: chooser::Chooser,
    /// Long work (reading an import, writing an export) on a worker thread.
    pub jobs: jobs::Jobs,
    /// The window's context, for waking it when a dialog on another thread answers.
    egui_ctx: Option<egui::Context>,
    first_frame_drawn: bool,
}

impl RoadmapApp {
    /// An app over `store`, with "today" fixed (tests freeze it; the window passes the real date).
    pub fn new(store: Store, today: NaiveDate, ui_state: UiState) -> Self {
        let mut app = Self {
            store,
            data: AppData::default(),
            i18n: I18n::new(ui_state.language),
            ui_state,
            toasts: Toasts::default(),
            undo: UndoStack::default(),
            commands: Vec::new(),
            today,
            chooser: chooser::Chooser::default(),
            jobs: jobs::Jobs::new(false),
            egui_ctx: None,
            first_frame_drawn: false,
        };
        app.data.read_only = app.store.is_read_only();
        app.reload_all();
        app
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Queues a command as a view would (tests drive the app this way too).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    fn set_language(&mut self, language: Language) {
        self.ui_state.language = language;
        self.i18n = I18n::new(language);
    }
}

/// What the window does around the views each frame.
impl RoadmapApp {
    /// Before the views draw: toasts age by `dt` seconds, the chooser's answers and a finished job become
    /// commands, the schools' data is loaded when a screen needs it.
    pub fn begin_frame(&mut self, ctx: &egui::Context, dt: f32) {
        self.toasts.tick(dt);
        if self.egui_ctx.is_none() {
            self.egui_ctx = Some(ctx.clone());
            crate::startup::trace("first frame started");
        }
        self.take_chooser_replies();
        self.jobs.set_repaint(ctx);
        if let Some(result) = self.jobs.finished() {
            self.commands.push(jobs::command(result));
        }
        self.data.job = self.jobs.status();
        if self.data.job.is_some() {
            // The counts move while the worker works.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if self.ensure_school_data() {
            // The snapshot is being read on a worker thread: look again shortly.
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
    }

    /// The commands queued so far (the views push theirs onto this queue, then it is handed back).
    pub fn take_commands(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.commands)
    }

    /// Puts the frame's queue back, to run after the views. Returns whether any command waits (the next
    /// frame then shows what they changed).
    pub fn restore_commands(&mut self, commands: Vec<Command>) -> bool {
        self.commands = commands;
        !self.commands.is_empty()
    }

    /// After the commands ran: notes the first frame for the startup trace.
    pub fn end_frame(&mut self) {
        if !self.first_frame_drawn {
            self.first_frame_drawn = true;
            crate::startup::trace("first frame laid out");
        }
    }

    /// Whether a text outside text fields pasted now goes into the grid as rows.
    pub fn pastes_rows(&self) -> bool {
        self.data.plan.is_some() && self.ui_state.screen == Screen::Measures
    }
}

/// The parts of the app the views read or change in a frame, borrowed apart from each other.
pub struct ViewParts<'a> {
    pub i18n: &'a I18n,
    pub data: &'a AppData,
    pub ui_state: &'a mut UiState,
    pub store_path: Option<&'a std::path::Path>,
    pub toasts: &'a [Toast],
}

impl RoadmapApp {
    pub fn view_parts(&mut self) -> ViewParts<'_> {
        ViewParts {
            i18n: &self.i18n,
            data: &self.data,
            ui_state: &mut self.ui_state,
            store_path: self.store.path(),
            toasts: self.toasts.items(),
        }
    }
}
