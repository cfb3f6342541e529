//! Обмен: import with a preview (and the column-mapping step for tables with unknown headers), the
//! conflicts kept by imports, restoring a backup, and the export targets.
//!
//! While an import waits for the user's decision, the screen shows only that decision; otherwise it shows
//! import and export, then conflicts, then backups.

mod backups;
mod columns;
mod conflicts;
mod executors;
mod export;
mod mapping;
mod preview;
mod reports;

pub use columns::paste_window;

use super::ViewCtx;
use crate::app::Command;

/// What the Обмен screen keeps between frames: the column choices of the mapping step, the backup whose
/// restore awaits confirmation, the school picked for a report.
#[derive(Default)]
pub struct ExchangeView {
    mapping: mapping::MappingView,
    backups: backups::BackupsView,
    export: export::ExportView,
}

impl ExchangeView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(16.0);
                ui.vertical_centered(|ui| {
                    ui.set_max_width(900.0);
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        self.content(ui, ctx);
                    });
                });
            });
        self.backups.confirm_dialog(ui.ctx(), ctx);
    }

    fn content(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let data = ctx.data;
        if let Some(mapping) = &data.exchange.mapping {
            self.mapping.ui(ui, ctx, mapping);
            return;
        }
        if let Some(pending) = &data.exchange.pending {
            preview::ui(ui, ctx, pending);
            return;
        }
        if let Some(collected) = &data.exchange.reports {
            reports::preview(ui, ctx, collected);
            return;
        }
        ui.heading(ctx.tr("screen-exchange"));
        ui.add_space(4.0);
        ui.label(ctx.tr("exchange-intro"));
        ui.add_space(12.0);
        if ui.button(ctx.tr("action-import-file")).clicked() {
            ctx.push(Command::PickAndImport);
        }
        ui.label(egui::RichText::new(ctx.tr("exchange-import-hint")).weak());
        ui.add_space(16.0);
        reports::buttons(ui, ctx);
        ui.add_space(16.0);
        self.export.ui(ui, ctx);
        ui.add_space(16.0);
        conflicts::ui(ui, ctx);
        ui.add_space(16.0);
        self.backups.ui(ui, ctx);
    }
}

/// A part of the screen listing records: its heading (`<keys>-title`), then `<keys>-none` when `empty`
/// (false is returned: nothing to list) or its hint `<keys>-hint`.
fn list_heading(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, keys: &str, empty: bool) -> bool {
    ui.heading(ctx.tr(&format!("{keys}-title")));
    let text = if empty { "none" } else { "hint" };
    ui.label(egui::RichText::new(ctx.tr(&format!("{keys}-{text}"))).weak());
    !empty
}

/// A striped table of `columns`, `gap` apart.
fn table(id: &str, columns: usize, gap: f32) -> egui::Grid {
    egui::Grid::new(id)
        .striped(true)
        .num_columns(columns)
        .spacing([gap, 6.0])
}
