//! The column-mapping step: a table whose header row was not recognised is shown (its first rows) with a
//! choice per column of what it holds; «Применить сопоставление» reads it again with those columns.

use std::path::PathBuf;

use crate::app::{Command, ExchangeCommand, PendingMapping};
use crate::exchange::table_import::{ColumnMapping, TableColumn};
use crate::ui::ViewCtx;

/// How many rows of the table the step shows.
const SHOWN_ROWS: usize = 8;

/// The user's choices for the pending table, reset when another table comes.
#[derive(Default)]
pub struct MappingView {
    /// The table the choices are for.
    path: Option<PathBuf>,
    columns: Vec<Option<TableColumn>>,
    /// Whether the first row holds the (unrecognised) column names rather than data.
    first_row_is_header: bool,
}

impl MappingView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, pending: &PendingMapping) {
        let rows = pending.table.rows();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        if self.path.as_ref() != Some(&pending.path) {
            self.path = Some(pending.path.clone());
            self.columns = ColumnMapping::headerless(rows, &[]).columns;
            self.first_row_is_header = true;
        }
        self.columns.resize(width, None);

        ui.heading(ctx.tr("exchange-mapping-title"));
        ui.label(crate::i18n::Localize::message(&pending.message, ctx.i18n));
        ui.label(egui::RichText::new(ctx.tr("exchange-mapping-hint")).weak());
        ui.add_space(8.0);
        ui.checkbox(
            &mut self.first_row_is_header,
            ctx.tr("exchange-mapping-first-row"),
        );
        ui.add_space(8.0);

        egui::ScrollArea::horizontal()
            .id_salt("exchange-mapping-rows")
            .show(ui, |ui| {
                egui::Grid::new("exchange-mapping-grid")
                    .striped(true)
                    .num_columns(width)
                    .show(ui, |ui| {
                        let year = chrono::Datelike::year(&ctx.today);
                        for (i, choice) in self.columns.iter_mut().enumerate() {
                            let label = rows
                                .first()
                                .and_then(|r| r.get(i))
                                .map_or("", String::as_str);
                            super::columns::meaning_combo(ui, ctx, i, label, choice, year);
                        }
                        ui.end_row();
                        for row in rows.iter().take(SHOWN_ROWS) {
                            for i in 0..width {
                                let cell = row.get(i).map(String::as_str).unwrap_or("");
                                let shown: String = cell.chars().take(60).collect();
                                ui.add(egui::Label::new(shown).truncate());
                            }
                            ui.end_row();
                        }
                    });
            });
        if rows.len() > SHOWN_ROWS {
            ui.label(
                egui::RichText::new(ctx.i18n.tr_args(
                    "exchange-more",
                    &[(
                        "count",
                        crate::i18n::Arg::Num((rows.len() - SHOWN_ROWS) as f64),
                    )],
                ))
                .weak(),
            );
        }

        ui.add_space(12.0);
        let has_title = self.columns.contains(&Some(TableColumn::Title));
        ui.horizontal(|ui| {
            let apply = ui.add_enabled(
                has_title,
                egui::Button::new(ctx.tr("exchange-mapping-apply")),
            );
            if apply.clicked() {
                ctx.push(Command::Exchange(ExchangeCommand::ApplyMapping {
                    header_row: self.first_row_is_header.then_some(0),
                    columns: self.columns.clone(),
                }));
            }
            if ui.button(ctx.tr("exchange-cancel")).clicked() {
                ctx.push(Command::Exchange(ExchangeCommand::CancelImport));
            }
        });
        if !has_title {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                ctx.tr("exchange-mapping-need-title"),
            );
        }
    }
}
