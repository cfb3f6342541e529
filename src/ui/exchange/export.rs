//! The export targets: the whole plan as an exchange file, one school's report, the grid as CSV for Excel
//! (all of it, or the measures the grid's filter shows).

use crate::app::{Command, ExchangeCommand};
use crate::model::Id;
use crate::ui::ViewCtx;

/// The school picked for a report.
#[derive(Default)]
pub struct ExportView {
    school: Option<Id>,
}

impl ExportView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let data = ctx.data;
        ui.heading(ctx.tr("exchange-export-title"));
        ui.add_space(4.0);
        let has_plan = data.plan.is_some();
        if ui
            .add_enabled(has_plan, egui::Button::new(ctx.tr("action-export-plan")))
            .clicked()
        {
            ctx.push(Command::PickAndExport);
        }

        ui.horizontal(|ui| {
            if self
                .school
                .is_some_and(|id| !data.schools.iter().any(|s| s.id == id))
            {
                self.school = None;
            }
            let selected = self
                .school
                .and_then(|id| data.schools.iter().find(|s| s.id == id))
                .map_or_else(
                    || ctx.tr("exchange-pick-school"),
                    |s| s.display_name().to_owned(),
                );
            let label = ui.label(ctx.tr("exchange-school-report"));
            egui::ComboBox::from_id_salt("exchange-export-school")
                .selected_text(selected)
                .width(280.0)
                .show_ui(ui, |ui| {
                    for s in &data.schools {
                        ui.selectable_value(&mut self.school, Some(s.id), s.display_name());
                    }
                })
                .response
                .labelled_by(label.id);
            let button = egui::Button::new(ctx.tr("exchange-export-school"));
            if ui.add_enabled(self.school.is_some(), button).clicked()
                && let Some(school) = self.school
            {
                ctx.push(Command::Exchange(ExchangeCommand::PickAndExportSchool(
                    school,
                )));
            }
        });
        if data.schools.is_empty() {
            ui.label(egui::RichText::new(ctx.tr("exchange-no-schools")).weak());
        }

        ui.horizontal(|ui| {
            let whole = egui::Button::new(ctx.tr("exchange-export-csv"));
            if ui.add_enabled(has_plan, whole).clicked() {
                ctx.push(Command::Exchange(ExchangeCommand::PickAndExportCsv {
                    filtered: false,
                }));
            }
            let filtered = egui::Button::new(ctx.tr("exchange-export-csv-filtered"));
            let active = ctx.ui_state.filter.is_active();
            let response = ui.add_enabled(has_plan && active, filtered);
            if response.clicked() {
                ctx.push(Command::Exchange(ExchangeCommand::PickAndExportCsv {
                    filtered: true,
                }));
            }
            if !active {
                response.on_disabled_hover_text(ctx.tr("exchange-export-csv-no-filter"));
            }
        });
    }
}
