//! A screen whose issue comes later: a short note of what it will hold, nothing fake.

use super::ViewCtx;

pub fn ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, note_key: &str) {
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.set_max_width(640.0);
        ui.heading(ctx.tr("soon-heading"));
        ui.add_space(12.0);
        ui.label(ctx.tr(note_key));
    });
}
