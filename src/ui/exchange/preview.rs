//! The import preview: what a file would add, change and delete, and where it conflicts — counts per kind
//! of record, expandable lists of titles (conflicts highlighted), then «Применить» or «Отмена».

use crate::app::{Command, ExchangeCommand, PendingImport, RecordKind};
use crate::exchange::Action;
use crate::ui::ViewCtx;

/// A list of at most this many changes opens by itself.
const OPEN_UP_TO: usize = 20;

/// The message key naming a kind of record (plural, for headings).
pub fn kind_key(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Plan => "exchange-kind-plans",
        RecordKind::Section => "exchange-kind-sections",
        RecordKind::Measure => "exchange-kind-measures",
        RecordKind::School => "exchange-kind-schools",
        RecordKind::Progress => "exchange-kind-progress",
    }
}

/// The message key naming what an import does to a record.
pub fn action_key(action: Action) -> &'static str {
    match action {
        Action::Add => "exchange-action-add",
        Action::Update => "exchange-action-update",
        Action::Delete => "exchange-action-delete",
        Action::Conflict => "exchange-action-conflict",
        Action::Keep | Action::Skip => "exchange-action-keep",
    }
}

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, pending: &PendingImport) {
    let preview = &pending.preview;
    let file_name = pending
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    ui.heading(ctx.i18n.tr_args(
        "exchange-preview-title",
        &[("file", crate::i18n::Arg::Str(&file_name))],
    ));
    if !preview.origin.office.is_empty() {
        ui.label(ctx.i18n.tr_args(
            "exchange-preview-from",
            &[("office", crate::i18n::Arg::Str(&preview.origin.office))],
        ));
    }
    if let Some(school) = &pending.report_school {
        ui.label(
            egui::RichText::new(ctx.i18n.tr_args(
                "exchange-report-of",
                &[("school", crate::i18n::Arg::Str(school))],
            ))
            .strong(),
        );
    }
    if let Some(missing) = &pending.missing {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            crate::i18n::Localize::message(missing, ctx.i18n),
        );
    }
    ui.label(egui::RichText::new(ctx.tr("exchange-preview-hint")).weak());
    ui.add_space(8.0);

    counts_table(ui, ctx, pending);
    ui.add_space(8.0);

    if !preview.changed() {
        ui.label(egui::RichText::new(ctx.tr("exchange-preview-nothing")).strong());
    }
    let conflicts = preview.conflict_count();
    if conflicts > 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            ctx.i18n.tr_args(
                "exchange-preview-conflicts",
                &[("count", crate::i18n::Arg::Num(conflicts as f64))],
            ),
        );
    }
    for note in &preview.notes {
        ui.label(format!("• {note}"));
    }
    ui.add_space(8.0);
    if let Some(stage) = &pending.table {
        super::columns::ui(ui, ctx, pending, stage);
        ui.add_space(8.0);
    }
    super::executors::ui(ui, ctx, pending);

    for kind in RecordKind::ALL {
        lists(ui, ctx, pending, kind);
    }

    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if pending.missing.is_some() {
            let add = egui::Button::new(
                egui::RichText::new(ctx.tr("exchange-apply-adding-missing")).strong(),
            );
            if ui.add(add).clicked() {
                ctx.push(Command::Exchange(ExchangeCommand::ApplyImportAddingMissing));
            }
        } else {
            let apply = egui::Button::new(egui::RichText::new(ctx.tr("exchange-apply")).strong());
            if ui.add(apply).clicked() {
                ctx.push(Command::Exchange(ExchangeCommand::ApplyImport));
            }
        }
        if ui.button(ctx.tr("exchange-cancel")).clicked() {
            ctx.push(Command::Exchange(ExchangeCommand::CancelImport));
        }
    });
}

/// The counts per kind: added, changed, deleted, conflicts, unchanged.
fn counts_table(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, pending: &PendingImport) {
    let warn = ui.visuals().warn_fg_color;
    super::table("exchange-preview-counts", 6, 24.0).show(ui, |ui| {
        ui.label("");
        for key in [
            "exchange-col-added",
            "exchange-col-updated",
            "exchange-col-deleted",
            "exchange-col-conflicts",
            "exchange-col-kept",
        ] {
            ui.label(egui::RichText::new(ctx.tr(key)).strong());
        }
        ui.end_row();
        for kind in RecordKind::ALL {
            let c = pending.preview.count(kind);
            ui.label(ctx.tr(kind_key(kind)));
            for n in [c.added, c.updated, c.deleted] {
                ui.label(n.to_string());
            }
            if c.conflicts > 0 {
                ui.colored_label(warn, egui::RichText::new(c.conflicts.to_string()).strong());
            } else {
                ui.label("0");
            }
            ui.label(egui::RichText::new(c.kept.to_string()).weak());
            ui.end_row();
        }
    });
}

/// The records of one kind that would change, by title, in a section that opens on a click (open from the
/// start when it is short or holds conflicts).
fn lists(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, pending: &PendingImport, kind: RecordKind) {
    let counts = pending.preview.count(kind);
    let total = counts.changes();
    if total == 0 {
        return;
    }
    let lines = pending.lines_of(kind);
    let title = format!("{} — {total}", ctx.tr(kind_key(kind)));
    egui::CollapsingHeader::new(title)
        // Per file: a new preview opens its lists afresh (conflicts open).
        .id_salt((
            "exchange-preview-list",
            kind as usize,
            &pending.path,
            pending.preview.exported_at,
        ))
        .default_open(counts.conflicts > 0 || total <= OPEN_UP_TO)
        .show(ui, |ui| {
            let warn = ui.visuals().warn_fg_color;
            for line in lines {
                let text = format!("{}: {}", ctx.tr(action_key(line.action)), line.text);
                if line.action == Action::Conflict {
                    ui.colored_label(warn, egui::RichText::new(text).strong());
                } else {
                    ui.label(text);
                }
            }
            if total > lines.len() {
                ui.label(
                    egui::RichText::new(ctx.i18n.tr_args(
                        "exchange-more",
                        &[("count", crate::i18n::Arg::Num((total - lines.len()) as f64))],
                    ))
                    .weak(),
                );
            }
        });
}
