//! The grid's keyboard: arrows move the cursor (Shift extends the selection), Enter or F2 edits, Del
//! deletes, Ctrl+N adds, Ctrl+D duplicates, Alt+↑/↓ move rows, Ctrl+C copies, Ctrl+A selects all, Ctrl+F
//! finds. Nothing is taken while a text field has the keyboard.

use egui::Event;

use crate::ui::actions::{self as registry, ActionId, CURSOR_KEYS};

/// What the user asked the grid for (from keys, buttons or a row's menu).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move the cursor by rows and columns; `extend` selects the rows passed.
    Cursor {
        rows: i32,
        cols: i32,
        extend: bool,
    },
    Edit,
    /// A new measure at the end of the current section.
    AddMeasure,
    /// A new measure below the cursor.
    InsertMeasure,
    Delete,
    Duplicate,
    Move {
        down: bool,
    },
    Copy,
    SelectAll,
    FocusSearch,
    /// Select only the cursor row.
    Unselect,
    AddSection,
    InsertSection,
    DeleteSection,
    MoveSection {
        down: bool,
    },
    RenameSection,
    Renumber,
    /// Who executes the selected measures (one undo step for all).
    SetExecutor(crate::model::Executor),
    ToggleDetails,
    /// Back to the default column widths.
    ResetColumnWidths,
}

/// Reads this frame's keys into actions. `editing`: a cell's field is open (it handles its own keys).
pub fn read(ctx: &egui::Context, editing: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    if ctx.input_mut(|i| registry::consume(i, ActionId::Find)) {
        actions.push(Action::FocusSearch);
    }
    if editing || ctx.egui_wants_keyboard_input() {
        return actions;
    }
    ctx.input_mut(|i| {
        for (key, rows, cols) in CURSOR_KEYS {
            let pressed = |i: &mut egui::InputState, id| registry::consume_key(i, id, key);
            if pressed(i, ActionId::MoveUp) {
                actions.push(Action::Move { down: false });
            } else if pressed(i, ActionId::MoveDown) {
                actions.push(Action::Move { down: true });
            } else if pressed(i, ActionId::ExtendSelection) {
                actions.push(Action::Cursor {
                    rows,
                    cols,
                    extend: true,
                });
            } else if pressed(i, ActionId::MoveCursor) {
                actions.push(Action::Cursor {
                    rows,
                    cols,
                    extend: false,
                });
            }
        }
        let shortcuts = [
            (ActionId::Edit, Action::Edit),
            (ActionId::Delete, Action::Delete),
            (ActionId::InsertMeasure, Action::InsertMeasure),
            (ActionId::Duplicate, Action::Duplicate),
            (ActionId::Copy, Action::Copy),
            (ActionId::SelectAll, Action::SelectAll),
            (ActionId::Unselect, Action::Unselect),
        ];
        for (id, action) in shortcuts {
            if registry::consume(i, id) {
                actions.push(action);
            }
        }
        // The window turns Ctrl+C into a copy event rather than a key.
        let copies = i.events.iter().filter(|e| matches!(e, Event::Copy)).count();
        if copies > 0 {
            i.events.retain(|e| !matches!(e, Event::Copy));
            actions.push(Action::Copy);
        }
    });
    actions
}
