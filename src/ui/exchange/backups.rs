//! «Восстановить из резервной копии»: the backups taken before imports (date, size), newest first, each
//! with «Восстановить» behind a confirmation.

use crate::app::{BackupInfo, Command, ExchangeCommand};
use crate::ui::ViewCtx;

/// The backup whose restore awaits the user's confirmation.
#[derive(Default)]
pub struct BackupsView {
    confirm: Option<BackupInfo>,
}

impl BackupsView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let data = ctx.data;
        let backups = &data.exchange.backups;
        if !super::list_heading(ui, ctx, "exchange-backups", backups.is_empty()) {
            return;
        }
        egui::CollapsingHeader::new(ctx.i18n.tr_args(
            "exchange-backups-list",
            &[("count", crate::i18n::Arg::Num(backups.len() as f64))],
        ))
        .id_salt("exchange-backups")
        .show(ui, |ui| {
            egui::Grid::new("exchange-backups-grid")
                .striped(true)
                .num_columns(3)
                .spacing([24.0, 4.0])
                .show(ui, |ui| {
                    for b in backups.iter().rev() {
                        ui.label(backup_date(&b.name));
                        ui.label(size_text(b.size));
                        if ui.button(ctx.tr("exchange-restore")).clicked() {
                            self.confirm = Some(b.clone());
                        }
                        ui.end_row();
                    }
                });
        });
    }

    /// The confirmation of a restore, over the whole window.
    pub fn confirm_dialog(&mut self, egui_ctx: &egui::Context, ctx: &mut ViewCtx<'_>) {
        let Some(backup) = self.confirm.clone() else {
            return;
        };
        let modal =
            egui::Modal::new(egui::Id::unique("exchange-restore-confirm")).show(egui_ctx, |ui| {
                ui.set_max_width(460.0);
                ui.heading(ctx.tr("exchange-restore-title"));
                ui.add_space(8.0);
                ui.label(ctx.i18n.tr_args(
                    "exchange-restore-text",
                    &[("date", crate::i18n::Arg::Str(&backup_date(&backup.name)))],
                ));
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui.button(ctx.tr("exchange-restore-confirm")).clicked() {
                        ctx.push(Command::Exchange(ExchangeCommand::RestoreBackup(
                            backup.path.clone(),
                        )));
                        self.confirm = None;
                    }
                    if ui.button(ctx.tr("exchange-cancel")).clicked() {
                        self.confirm = None;
                    }
                });
            });
        if modal.should_close() {
            self.confirm = None;
        }
    }
}

/// `roadmap-20240305-142501.sqlite` → "05.03.2024 14:25:01" (the name itself when it is not of that form).
pub fn backup_date(name: &str) -> String {
    let stem = name
        .trim_start_matches("roadmap-")
        .trim_end_matches(".sqlite");
    let digits: String = stem.chars().filter(char::is_ascii_digit).take(14).collect();
    if digits.len() < 14 {
        return name.to_owned();
    }
    let d = |a: usize, b: usize| &digits[a..b];
    format!(
        "{}.{}.{} {}:{}:{}",
        d(6, 8),
        d(4, 6),
        d(0, 4),
        d(8, 10),
        d(10, 12),
        d(12, 14)
    )
}

/// A file size in КБ or МБ with one decimal.
pub fn size_text(bytes: u64) -> String {
    let kb = bytes as f64 / 1024.0;
    if kb < 1024.0 {
        format!("{:.1} КБ", kb).replace('.', ",")
    } else {
        format!("{:.1} МБ", kb / 1024.0).replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_show_as_dates() {
        assert_eq!(
            backup_date("roadmap-20240305-142501.sqlite"),
            "05.03.2024 14:25:01"
        );
        assert_eq!(
            backup_date("roadmap-20240305-142501-01.sqlite"),
            "05.03.2024 14:25:01"
        );
        assert_eq!(backup_date("other.sqlite"), "other.sqlite");
        assert_eq!(size_text(2048), "2,0 КБ");
    }
}
