//! Справка (F1): short guides for the district methodist and the school's deputy head, and the keys.

use egui::RichText;

use super::choices::choice_buttons;
use super::{ViewCtx, actions, style, windows};

/// The guides of the help window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Methodist,
    School,
    Keys,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Methodist, Tab::School, Tab::Keys];

    fn label_key(self) -> &'static str {
        match self {
            Tab::Methodist => "help-tab-methodist",
            Tab::School => "help-tab-school",
            Tab::Keys => "help-tab-keys",
        }
    }

    /// The steps of a guide: (title key, body key).
    fn steps(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Tab::Methodist => &[
                ("help-m1-title", "help-m1-body"),
                ("help-m2-title", "help-m2-body"),
                ("help-m3-title", "help-m3-body"),
                ("help-m4-title", "help-m4-body"),
                ("help-m5-title", "help-m5-body"),
            ],
            Tab::School => &[
                ("help-s1-title", "help-s1-body"),
                ("help-s2-title", "help-s2-body"),
                ("help-s3-title", "help-s3-body"),
                ("help-s4-title", "help-s4-body"),
            ],
            Tab::Keys => &[],
        }
    }
}

/// The help window's state: which guide is shown.
#[derive(Default)]
pub struct HelpWindow {
    tab: Tab,
}

impl HelpWindow {
    /// Draws the help window; clears `open` when the user closes it.
    pub fn ui(&mut self, egui_ctx: &egui::Context, ctx: &mut ViewCtx<'_>, open: &mut bool) {
        let mut close = false;
        let height = (egui_ctx.content_rect().height() - 120.0).max(300.0);
        windows::window(ctx.tr("help-title"), "help_window", open)
            .default_width(680.0)
            .default_height(height)
            .show(egui_ctx, |ui| {
                ui.add(egui::Label::new(RichText::new(ctx.tr("help-intro")).weak()).wrap());
                ui.add_space(4.0);
                let tabs = Tab::ALL.map(|tab| (tab, ctx.tr(tab.label_key())));
                let chosen = ui.horizontal_wrapped(|ui| choice_buttons(ui, self.tab, tabs, false));
                if let Some(tab) = chosen.inner {
                    self.tab = tab;
                }
                ui.separator();
                let reserve = ui.spacing().interact_size.y + 16.0;
                egui::ScrollArea::vertical()
                    .max_height((ui.available_height() - reserve).max(120.0))
                    .auto_shrink([false, true])
                    .show(ui, |ui| self.guide(ui, ctx));
                ui.separator();
                ui.horizontal(|ui| {
                    if ui.button(ctx.tr("window-close")).clicked() {
                        close = true;
                    }
                    let about = actions::action(actions::ActionId::About);
                    let about = ui
                        .button(ctx.tr(about.name))
                        .on_hover_text(about.hint.map(|h| ctx.tr(h)).unwrap_or_default());
                    if about.clicked() {
                        ctx.ui_state.windows.about = true;
                    }
                });
            });
        if close {
            *open = false;
        }
    }

    fn guide(&self, ui: &mut egui::Ui, ctx: &ViewCtx<'_>) {
        if self.tab == Tab::Keys {
            let lines = ctx.tr("help-keys-body");
            let lines = lines.lines().map(str::trim).map(str::to_owned);
            for line in lines.chain(actions::key_list(ctx.i18n)) {
                ui.add(egui::Label::new(line).wrap());
            }
            return;
        }
        for (title, body) in self.tab.steps() {
            ui.add_space(4.0);
            ui.label(
                RichText::new(ctx.tr(title))
                    .strong()
                    .size(16.0)
                    .color(style::ACCENT),
            );
            ui.add(egui::Label::new(ctx.tr(body)).wrap());
        }
    }
}
