//! The confirmation before a local evidence file is opened: it names the file's full path, so the user
//! sees what a school's record points at before anything runs.

use crate::app::Command;
use crate::app::SystemCommand;

use super::ViewCtx;

/// Draws the confirmation while one is pending (`AppData::confirm_open`).
pub fn ui(egui_ctx: &egui::Context, ctx: &mut ViewCtx<'_>) {
    let Some(path) = ctx.data.confirm_open.clone() else {
        return;
    };
    let modal = egui::Modal::new(egui::Id::unique("evidence-open-confirm")).show(egui_ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(ctx.tr("evidence-confirm-title"));
        ui.add_space(8.0);
        ui.label(ctx.tr("evidence-confirm-text"));
        ui.add_space(8.0);
        ui.label(egui::RichText::new(path.display().to_string()).monospace());
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if ui.button(ctx.tr("evidence-confirm-open")).clicked() {
                ctx.push(Command::OpenConfirmedFile(path.clone()));
            }
            if ui.button(ctx.tr("evidence-confirm-cancel")).clicked() {
                ctx.push(Command::System(SystemCommand::CancelOpenFile));
            }
        });
    });
    if modal.should_close() {
        ctx.push(Command::System(SystemCommand::CancelOpenFile));
    }
}
