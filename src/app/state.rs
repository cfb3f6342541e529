//! The app's state: the data snapshot views read, and the UI settings kept between runs.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Language;
use crate::model::{Id, Plan, PlanSummary, School};
use crate::store::ProgressSummary;

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
}

/// UI settings persisted with eframe's storage, apart from the data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    pub screen: Screen,
    pub language: Language,
    pub last_plan: Option<Id>,
    /// Grid column widths by column key.
    pub column_widths: HashMap<String, f32>,
    pub details_width: f32,
}

impl Default for UiState {
    fn default() -> Self {
        Self {
            screen: Screen::Measures,
            language: Language::Russian,
            last_plan: None,
            column_widths: HashMap::new(),
            details_width: 360.0,
        }
    }
}
