//! The calendar's colours: calm fills, and a readable colour per due state.

use egui::Color32;

use super::index::DueState;
use crate::ui::style;

pub const WEEKEND_FILL: Color32 = Color32::from_rgb(0xf3, 0xf1, 0xec);
pub const WEEKEND_TEXT: Color32 = Color32::from_rgb(0x9a, 0x5b, 0x3c);
pub const OUTSIDE_FILL: Color32 = Color32::from_rgb(0xf6, 0xf7, 0xf9);
pub const OUTSIDE_TEXT: Color32 = Color32::from_rgb(0xb4, 0xb8, 0xbf);
pub const GRID_LINE: Color32 = Color32::from_rgb(0xd6, 0xdb, 0xe2);
pub const HOVER_FILL: Color32 = Color32::from_rgb(0xe9, 0xef, 0xf7);
pub const SELECTED_FILL: Color32 = Color32::from_rgb(0xd3, 0xe2, 0xf5);
/// The strip's fullest cell; emptier cells fade towards white.
pub const STRIP_FULL: Color32 = Color32::from_rgb(0x8d, 0xb3, 0xe0);
pub const NO_PROGRESS: Color32 = Color32::from_rgb(0x4f, 0x55, 0x60);
pub const OPEN: Color32 = Color32::from_rgb(0xb0, 0x6a, 0x00);

/// The colour of an item in this state (text and marker).
pub fn state_colour(state: DueState) -> Color32 {
    match state {
        DueState::Done => style::OK,
        DueState::Overdue => style::ERROR,
        DueState::Open => OPEN,
        DueState::NoProgress => NO_PROGRESS,
    }
}
