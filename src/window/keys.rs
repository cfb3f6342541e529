//! The window's own keys, read from the action registry before the views draw: undo and redo, and rows
//! pasted outside a text field — unless a text field is being edited (it has its own).

use crate::app::{Command, RoadmapApp};
use crate::ui::actions::{self, ActionId};

/// Turns this frame's undo, redo and paste into commands for `app`.
pub fn read(ctx: &egui::Context, app: &mut RoadmapApp) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    let paste_rows = app.pastes_rows();
    ctx.input_mut(|i| {
        // Redo first: its Ctrl+Shift+Z would also match a plain Ctrl+Z otherwise.
        if actions::consume(i, ActionId::Redo) {
            app.push(Command::Redo);
        } else if actions::consume(i, ActionId::Undo) {
            app.push(Command::Undo);
        }
        // The window turns Ctrl+V outside text fields into a Paste event rather than a key.
        if paste_rows {
            i.events.retain(|event| match event {
                egui::Event::Paste(text) => {
                    app.push(Command::PasteRows { text: text.clone() });
                    false
                }
                _ => true,
            });
        }
    });
}
