//! The in-app file chooser, for systems without a dialog of their own (no xdg-desktop-portal, zenity or
//! kdialog — typical of Astra Linux and RED OS installs): the folder's contents, a path field where a path
//! can be typed or pasted, the parent folder and the home folder. Also the overlay shown while a file is
//! dragged over the window.

use crate::app::SystemCommand;
use std::path::PathBuf;

use egui::RichText;

use super::ViewCtx;
use super::labelled::labelled;
use crate::app::Command;
use crate::app::chooser::Mode;
use crate::app::chooser_dialog::{ChooserDialog, Entry, home_folder, read_folder};
use crate::i18n::Arg;

/// Draws the in-app chooser while one is open; a choice becomes `Command::System(SystemCommand::Chosen)`.
pub fn show(egui_ctx: &egui::Context, ctx: &mut ViewCtx<'_>) {
    let Some(mut dialog) = ctx.ui_state.chooser.take() else {
        return;
    };
    let mut open = true;
    let mut done: Option<PathBuf> = None;
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("in_app_chooser")).show(egui_ctx, |ui| {
        let width = (egui_ctx.content_rect().width() * 0.8).clamp(320.0, 760.0);
        ui.set_width(width);
        ui.heading(&dialog.request.title);
        folder_bar(ui, ctx, &mut dialog);
        ui.separator();
        let height = (egui_ctx.content_rect().height() * 0.45).clamp(120.0, 420.0);
        done = folder_list(ui, ctx, &mut dialog, height);
        ui.separator();
        let entered = path_field(ui, ctx, &mut dialog);
        ui.horizontal(|ui| {
            let ok_key = match dialog.request.mode {
                Mode::Open | Mode::OpenMany => "chooser-open",
                Mode::Save => "chooser-save",
                Mode::Folder => "chooser-pick-folder",
            };
            if ui.button(ctx.tr(ok_key)).clicked() || entered {
                done = done.take().or_else(|| confirm(ctx, &mut dialog));
            }
            if ui.button(ctx.tr("chooser-cancel")).clicked() {
                cancel = true;
            }
        });
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            open = false;
        }
    });
    if let Some(path) = done {
        ctx.push(Command::System(SystemCommand::Chosen {
            purpose: dialog.request.purpose.clone(),
            path,
        }));
    } else if open && !cancel {
        ctx.ui_state.chooser = Some(dialog);
    }
}

/// The parent and home buttons and the folder shown.
fn folder_bar(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, dialog: &mut ChooserDialog) {
    ui.horizontal(|ui| {
        if ui
            .button(ctx.tr("chooser-up"))
            .on_hover_text(ctx.tr("chooser-hint-up"))
            .clicked()
            && let Some(parent) = dialog.folder.parent()
        {
            dialog.open_folder(parent.to_path_buf());
        }
        if ui.button(ctx.tr("chooser-home")).clicked()
            && let Some(home) = home_folder()
        {
            dialog.open_folder(home);
        }
        ui.add(egui::Label::new(dialog.folder.display().to_string()).truncate());
    });
}

/// The folder's contents (read once per folder): a click on a folder opens it, on a file puts its name in
/// the path field; a double click on a file chooses it (returned).
fn folder_list(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    dialog: &mut ChooserDialog,
    height: f32,
) -> Option<PathBuf> {
    if dialog.entries.is_none() {
        dialog.entries = Some(read_folder(&dialog.folder));
    }
    let mut go_to = None;
    let mut done = None;
    egui::ScrollArea::vertical()
        .max_height(height)
        .auto_shrink([false, false])
        .show(ui, |ui| match dialog.entries.as_ref() {
            Some(Ok(entries)) => {
                let shown: Vec<&Entry> = entries.iter().filter(|e| dialog.shows(e)).collect();
                if shown.is_empty() {
                    ui.label(RichText::new(ctx.tr("chooser-empty-folder")).weak());
                }
                let mut picked = None;
                for entry in shown {
                    let label = if entry.dir {
                        format!("📁 {}", entry.name)
                    } else {
                        format!("📄 {}", entry.name)
                    };
                    let selected = !entry.dir && dialog.path == entry.name;
                    let response = ui.add(egui::Button::selectable(selected, label));
                    if response.double_clicked() || (entry.dir && response.clicked()) {
                        if entry.dir {
                            go_to = Some(dialog.folder.join(&entry.name));
                        } else {
                            picked = Some(entry.name.clone());
                            done = Some(dialog.folder.join(&entry.name));
                        }
                    } else if response.clicked() {
                        picked = Some(entry.name.clone());
                    }
                }
                if let Some(name) = picked {
                    dialog.path = name;
                    dialog.error = None;
                }
            }
            Some(Err(e)) => {
                ui.colored_label(super::style::ERROR, e);
            }
            None => {}
        });
    if let Some(folder) = go_to {
        dialog.open_folder(folder);
    }
    done
}

/// The path field with its label, the last error and the kinds of file shown. Returns whether Enter was
/// pressed in it.
fn path_field(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, dialog: &mut ChooserDialog) -> bool {
    let label_key = match dialog.request.mode {
        Mode::Folder => "chooser-path-folder",
        _ => "chooser-path",
    };
    let field = labelled(
        ui,
        ctx.tr(label_key),
        egui::TextEdit::singleline(&mut dialog.path)
            .hint_text(ctx.tr("chooser-path-hint"))
            .desired_width(f32::INFINITY),
    );
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if let Some(error) = &dialog.error {
        ui.colored_label(super::style::ERROR, error);
    }
    if !dialog.request.filters.is_empty() {
        let kinds: Vec<String> = dialog
            .request
            .filters
            .iter()
            .map(|(name, _)| name.clone())
            .collect();
        ui.label(RichText::new(kinds.join(" · ")).small().weak());
    }
    entered
}

/// The OK button: a typed folder is opened rather than chosen (when a file is wanted); an existing file to
/// save over is asked about once; otherwise the path checked is the choice (or its error is shown).
fn confirm(ctx: &ViewCtx<'_>, dialog: &mut ChooserDialog) -> Option<PathBuf> {
    match dialog.typed_path() {
        Some(p) if p.is_dir() && dialog.request.mode != Mode::Folder => {
            dialog.path.clear();
            dialog.open_folder(p);
            None
        }
        _ => match dialog.check(ctx.i18n) {
            Ok(path)
                if dialog.request.mode == Mode::Save
                    && path.is_file()
                    && dialog.overwrite.as_ref() != Some(&path) =>
            {
                let shown = path.display().to_string();
                dialog.error = Some(
                    ctx.i18n
                        .tr_args("chooser-confirm-overwrite", &[("path", Arg::Str(&shown))]),
                );
                dialog.overwrite = Some(path);
                None
            }
            Ok(path) => Some(path),
            Err(e) => {
                dialog.error = Some(e);
                None
            }
        },
    }
}

/// While a file is dragged over the window: a veil with what dropping it does.
pub fn drop_overlay(egui_ctx: &egui::Context, ctx: &ViewCtx<'_>) {
    let hovered = egui_ctx.input(|i| i.raw.hovered_files.len());
    if hovered == 0 {
        return;
    }
    let rect = egui_ctx.content_rect();
    let painter = egui_ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_overlay"),
    ));
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        ctx.tr("drop-overlay"),
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}
