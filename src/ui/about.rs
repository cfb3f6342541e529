//! "О программе": what the app is, its version and license, and where its data lives.

use egui::RichText;

use super::{ViewCtx, style, windows};
use crate::i18n::Arg;

/// The version compiled in from Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Draws the About window; clears `open` when the user closes it.
pub fn ui(egui_ctx: &egui::Context, ctx: &mut ViewCtx<'_>, open: &mut bool) {
    let mut close = false;
    windows::window(ctx.tr("about-title"), "about_window", open)
        .default_width(480.0)
        .show(egui_ctx, |ui| {
            ui.label(
                RichText::new(ctx.tr("about-name"))
                    .heading()
                    .color(style::ACCENT),
            );
            ui.label(
                ctx.i18n
                    .tr_args("about-version", &[("version", Arg::Str(VERSION))]),
            );
            ui.add_space(6.0);
            ui.add(egui::Label::new(ctx.tr("about-what")).wrap());
            ui.add_space(6.0);
            ui.add(egui::Label::new(ctx.tr("about-license")).wrap());
            let folder = ctx
                .store_path
                .map(|p| p.parent().unwrap_or(p).display().to_string());
            let data = match &folder {
                Some(path) => ctx
                    .i18n
                    .tr_args("about-data-folder", &[("path", Arg::Str(path))]),
                None => ctx.tr("about-in-memory"),
            };
            ui.add(egui::Label::new(RichText::new(data).small()).wrap());
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let parent = ctx.store_path.and_then(std::path::Path::parent);
                if let Some(parent) = parent
                    && ui.button(ctx.tr("settings-open-folder")).clicked()
                {
                    ctx.push(super::settings::open_folder(parent, false));
                }
                if ui.button(ctx.tr("window-close")).clicked() {
                    close = true;
                }
            });
        });
    if close {
        *open = false;
    }
}
