//! The school↔district loop on the Обмен screen: «Разослать школам» (the open plan, one file per school
//! into a folder) and «Собрать отчёты» (several schools' reports, picked together or a whole folder), and
//! the combined preview of the collected reports — each school named with its changes by measure — then
//! «Применить все» after one backup, or «Отмена».

use crate::app::{Command, ExchangeCommand, PendingReports, RecordKind};
use crate::i18n::Arg;
use crate::ui::ViewCtx;

/// The two buttons of the loop (on the Обмен screen, under import).
pub fn buttons(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    ui.heading(ctx.tr("exchange-loop-title"));
    ui.add_space(4.0);
    ui.label(egui::RichText::new(ctx.tr("exchange-loop-hint")).weak());
    let district_open = ctx
        .data
        .plan
        .as_ref()
        .is_some_and(|p| p.owner_school.is_none());
    ui.horizontal(|ui| {
        let send = egui::Button::new(ctx.tr("exchange-send-plans"));
        if ui.add_enabled(district_open, send).clicked() {
            ctx.push(Command::Exchange(ExchangeCommand::PickFolderAndSendPlans));
        }
        if ui.button(ctx.tr("exchange-collect-reports")).clicked() {
            ctx.push(Command::Exchange(ExchangeCommand::PickAndCollectReports));
        }
        if ui.button(ctx.tr("exchange-collect-folder")).clicked() {
            ctx.push(Command::Exchange(
                ExchangeCommand::PickFolderAndCollectReports,
            ));
        }
    });
}

/// The combined preview of collected reports.
pub fn preview(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, reports: &PendingReports) {
    ui.heading(ctx.i18n.tr_args(
        "exchange-reports-title",
        &[("count", Arg::Num(reports.parts.len() as f64))],
    ));
    ui.label(egui::RichText::new(ctx.tr("exchange-preview-hint")).weak());
    ui.add_space(8.0);
    for part in &reports.parts {
        let school = part.report_school.clone().unwrap_or_default();
        let marks = part.preview.count(RecordKind::Progress);
        let header = format!(
            "{} — {}",
            ctx.i18n
                .tr_args("exchange-report-of", &[("school", Arg::Str(&school))]),
            ctx.i18n.tr_args(
                "exchange-report-marks",
                &[
                    ("added", Arg::Num(marks.added as f64)),
                    ("updated", Arg::Num(marks.updated as f64)),
                ],
            )
        );
        egui::CollapsingHeader::new(header)
            .id_salt(("exchange-report", &part.path))
            .default_open(reports.parts.len() <= 3)
            .show(ui, |ui| {
                if let Some(missing) = &part.missing {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        crate::i18n::Localize::message(missing, ctx.i18n),
                    );
                }
                let lines = part.lines_of(RecordKind::Progress);
                if lines.is_empty() {
                    ui.label(egui::RichText::new(ctx.tr("exchange-preview-nothing")).weak());
                }
                for line in lines {
                    let text = format!(
                        "{}: {}",
                        ctx.tr(super::preview::action_key(line.action)),
                        line.text
                    );
                    ui.label(text);
                }
                for kind in [RecordKind::Plan, RecordKind::Measure, RecordKind::School] {
                    let c = part.preview.count(kind);
                    if c.changes() > 0 {
                        ui.label(format!(
                            "{}: +{} ~{}",
                            ctx.tr(super::preview::kind_key(kind)),
                            c.added,
                            c.updated
                        ));
                    }
                }
            });
    }
    for (name, why) in &reports.refused {
        let why = crate::i18n::Localize::message(why, ctx.i18n);
        ui.colored_label(ui.visuals().error_fg_color, format!("{name}: {why}"));
    }
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if reports.missing() {
            let add = egui::Button::new(
                egui::RichText::new(ctx.tr("exchange-apply-adding-missing")).strong(),
            );
            if ui.add(add).clicked() {
                ctx.push(Command::Exchange(ExchangeCommand::ApplyReports {
                    add_missing: true,
                }));
            }
        } else {
            let apply =
                egui::Button::new(egui::RichText::new(ctx.tr("exchange-apply-all")).strong());
            if ui.add_enabled(!reports.parts.is_empty(), apply).clicked() {
                ctx.push(Command::Exchange(ExchangeCommand::ApplyReports {
                    add_missing: false,
                }));
            }
        }
        if ui.button(ctx.tr("exchange-cancel")).clicked() {
            ctx.push(Command::Exchange(ExchangeCommand::CancelReports));
        }
    });
}
