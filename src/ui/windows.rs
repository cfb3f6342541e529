//! The shell's windows — Справка, Настройки, О программе — and their keys: F1, Ctrl+, and Esc.

use super::actions::{self, ActionId};
use super::{ViewCtx, about, help, settings};
use crate::app::OpenWindows;

/// What the shell's windows keep between frames (the help tab, the settings file being edited).
#[derive(Default)]
pub struct ShellWindows {
    help: help::HelpWindow,
    settings: settings::SettingsWindow,
}

impl ShellWindows {
    /// F1 toggles help, Ctrl+, opens the settings, Esc closes the topmost open window.
    /// Runs before the views so Esc closes a window instead of reaching a view underneath.
    pub fn keys(egui_ctx: &egui::Context, open: &mut OpenWindows) {
        egui_ctx.input_mut(|i| {
            if actions::consume(i, ActionId::Help) {
                open.help = !open.help;
            }
            if actions::consume(i, ActionId::Settings) {
                open.settings = true;
            }
            let any_open = open.help || open.settings || open.about;
            if any_open && actions::consume(i, ActionId::CloseWindow) {
                if open.about {
                    open.about = false;
                } else if open.settings {
                    open.settings = false;
                } else {
                    open.help = false;
                }
            }
        });
    }

    /// Draws the open windows above the screens.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        if ctx.ui_state.windows.help {
            let mut open = true;
            self.help.ui(ui.ctx(), ctx, &mut open);
            ctx.ui_state.windows.help &= open;
        }
        if ctx.ui_state.windows.settings {
            let mut open = true;
            self.settings.ui(ui.ctx(), ctx, &mut open);
            ctx.ui_state.windows.settings &= open;
        } else {
            // Re-read the settings file the next time the window opens.
            self.settings.forget();
        }
        if ctx.ui_state.windows.about {
            let mut open = true;
            about::ui(ui.ctx(), ctx, &mut open);
            ctx.ui_state.windows.about &= open;
        }
    }
}

/// A window of the shell: centred near the top, closable, with the app's usual frame.
pub fn window<'a>(title: String, id: &'static str, open: &'a mut bool) -> egui::Window<'a> {
    // Kept between the top bar and the status bar, scrolling when taller (a small window, 150 %).
    egui::Window::new(title)
        .vscroll(true)
        .id(egui::Id::unique(id))
        .open(open)
        .collapsible(false)
        .resizable(true)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(egui::pos2(700.0, 60.0))
}
