//! The app's state: the data snapshot views read, and the UI settings kept between runs.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::i18n::Language;
use crate::model::{Id, Plan, PlanSummary, School};
use crate::stats::ProgressSummary;

use super::filter::MeasureFilter;
use super::sort::MeasureSort;

/// The screens of the top bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Screen {
    #[default]
    Measures,
    Calendar,
    Schools,
    Exchange,
}

impl Screen {
    pub const ALL: [Screen; 4] = [
        Screen::Measures,
        Screen::Calendar,
        Screen::Schools,
        Screen::Exchange,
    ];

    pub fn label_key(self) -> &'static str {
        match self {
            Screen::Measures => "screen-measures",
            Screen::Calendar => "screen-calendar",
            Screen::Schools => "screen-schools",
            Screen::Exchange => "screen-exchange",
        }
    }
}

/// What the views read: a snapshot of the database, refreshed by the runner after each write.
#[derive(Debug, Default)]
pub struct AppData {
    pub plans: Vec<PlanSummary>,
    pub plan: Option<Plan>,
    pub schools: Vec<School>,
    /// Progress per measure of the open plan.
    pub progress: HashMap<Id, ProgressSummary>,
    /// The store's data version this snapshot reflects; view caches key on it.
    pub version: u64,
    /// The selected measure, shared by the views.
    pub selected: Option<Id>,
    pub can_undo: bool,
    pub can_redo: bool,
    /// The background job running, for the status bar.
    pub job: Option<super::jobs::JobStatus>,
    /// Progress records of the open plan, criteria and indicator values (loaded for the Школы screen).
    pub progress_and_criteria: super::SchoolData,
    /// The Обмен screen: a pending import's preview, a table's column mapping, conflicts, backups.
    pub exchange: super::ExchangeData,
    /// The database is open for reading only (a read-only file or folder): nothing can be saved.
    pub read_only: bool,
    /// A local evidence file waiting for the user to confirm opening it (its full path is shown).
    pub confirm_open: Option<std::path::PathBuf>,
}

/// UI settings persisted with eframe's storage, apart from the data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    pub screen: Screen,
    pub language: Language,
    pub last_plan: Option<Id>,
    /// Grid columns' shares of the table's width by column key, set by dragging a border (the title takes
    /// what is left). Shares, not points: a small window or a large scale never narrows them for good.
    pub column_shares: HashMap<String, f32>,
    pub details_width: f32,
    /// The grid's search text and filters.
    pub filter: MeasureFilter,
    /// The grid's order of measures within sections.
    pub sort: MeasureSort,
    /// Sections folded in the grid.
    pub collapsed: HashSet<Id>,
    /// Whether the grid shows the details panel of the selected measure.
    pub show_details: bool,
    /// Who marks progress ("who am I"): stamped on every progress record the user changes.
    pub user_name: String,
    /// The Школы screen's tab, selected school and overview order.
    pub schools: super::SchoolsUi,
    /// Light (the default) or dark colours.
    pub theme: ThemeChoice,
    /// The size of everything, in percent (100, 125, 150), applied as egui's zoom factor.
    pub font_scale: u16,
    /// The folder last chosen in, per kind of file (`chooser::Purpose::folder_key`).
    pub last_folders: HashMap<String, std::path::PathBuf>,
    /// The in-app file chooser while it is open.
    #[serde(skip)]
    pub chooser: Option<super::chooser_dialog::ChooserDialog>,
    /// A path chosen for a view that asked for it (the settings window's database and backups folder).
    #[serde(skip)]
    pub picked: Option<(super::chooser::Purpose, std::path::PathBuf)>,
    /// Which of the help, settings and about windows are open (not kept between runs).
    #[serde(skip)]
    pub windows: OpenWindows,
}

impl Default for UiState {
    fn default() -> Self {
        Self {
            screen: Screen::Measures,
            language: Language::Russian,
            last_plan: None,
            column_shares: HashMap::new(),
            details_width: 360.0,
            filter: MeasureFilter::default(),
            sort: MeasureSort::Document,
            collapsed: HashSet::new(),
            show_details: true,
            user_name: String::new(),
            schools: super::SchoolsUi::default(),
            theme: ThemeChoice::Light,
            font_scale: 100,
            last_folders: HashMap::new(),
            chooser: None,
            picked: None,
            windows: OpenWindows::default(),
        }
    }
}

/// The colour theme chosen in the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
}

/// The shell's windows that are open: help (F1), settings (Ctrl+,) and "О программе".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OpenWindows {
    pub help: bool,
    pub settings: bool,
    pub about: bool,
}
