//! The grid's keyboard: arrows move the cursor (Shift extends the selection), Enter or F2 edits, Del
//! deletes, Ctrl+N adds, Ctrl+D duplicates, Alt+↑/↓ move rows, Ctrl+C copies, Ctrl+A selects all, Ctrl+F
//! finds. Nothing is taken while a text field has the keyboard.

use egui::{Event, Key, Modifiers};

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
    let find = egui::KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
    if ctx.input_mut(|i| i.consume_shortcut(&find)) {
        actions.push(Action::FocusSearch);
    }
    if editing || ctx.egui_wants_keyboard_input() {
        return actions;
    }
    ctx.input_mut(|i| {
        let mut take = |modifiers: Modifiers, key: Key| i.consume_key(modifiers, key);
        for (key, rows, cols) in [
            (Key::ArrowUp, -1, 0),
            (Key::ArrowDown, 1, 0),
            (Key::ArrowLeft, 0, -1),
            (Key::ArrowRight, 0, 1),
            (Key::PageUp, -10, 0),
            (Key::PageDown, 10, 0),
        ] {
            if rows != 0 && take(Modifiers::ALT, key) {
                actions.push(Action::Move { down: rows > 0 });
            } else if take(Modifiers::SHIFT, key) {
                actions.push(Action::Cursor {
                    rows,
                    cols,
                    extend: true,
                });
            } else if take(Modifiers::NONE, key) {
                actions.push(Action::Cursor {
                    rows,
                    cols,
                    extend: false,
                });
            }
        }
        let shortcuts = [
            (Modifiers::NONE, Key::Enter, Action::Edit),
            (Modifiers::NONE, Key::F2, Action::Edit),
            (Modifiers::NONE, Key::Delete, Action::Delete),
            (Modifiers::COMMAND, Key::N, Action::InsertMeasure),
            (Modifiers::NONE, Key::Insert, Action::InsertMeasure),
            (Modifiers::COMMAND, Key::D, Action::Duplicate),
            (Modifiers::COMMAND, Key::C, Action::Copy),
            (Modifiers::COMMAND, Key::A, Action::SelectAll),
            (Modifiers::NONE, Key::Escape, Action::Unselect),
        ];
        for (modifiers, key, action) in shortcuts {
            if take(modifiers, key) {
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
