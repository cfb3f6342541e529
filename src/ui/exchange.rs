//! Обмен: import and export of exchange files. The import preview and merge view come with their issue.

use super::ViewCtx;
use crate::app::Command;

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.set_max_width(640.0);
        ui.heading(ctx.tr("screen-exchange"));
        ui.add_space(8.0);
        ui.label(ctx.tr("exchange-intro"));
        ui.add_space(16.0);
        ui.horizontal(|ui| {
            if ui.button(ctx.tr("action-import-file")).clicked() {
                ctx.push(Command::PickAndImport);
            }
            if ui.button(ctx.tr("action-export-plan")).clicked() {
                ctx.push(Command::PickAndExport);
            }
        });
        ui.add_space(24.0);
        ui.label(egui::RichText::new(ctx.tr("soon-exchange")).weak());
    });
}
