//! First run: create a plan, import a file, or open the example.

use super::form_error::FormError;
use super::{ViewCtx, date_field};
use crate::app::Command;
use crate::i18n::Localize;
use crate::model::Period;

#[derive(Default)]
pub struct WelcomeView {
    title: String,
    from: String,
    to: String,
    error: Option<FormError>,
}

impl WelcomeView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        if self.from.is_empty() && self.to.is_empty() {
            let period = Period::school_year_to_plan(ctx.today);
            self.from = date_field::format(period.from);
            self.to = date_field::format(period.to);
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.set_max_width(720.0);
                ui.add_space(32.0);
                ui.heading(ctx.tr("welcome-heading"));
                ui.add_space(8.0);
                ui.label(ctx.tr("welcome-intro"));
                ui.add_space(24.0);
            });
            ui.vertical_centered(|ui| {
                ui.set_max_width(720.0);
                card(ui, |ui| {
                    ui.strong(ctx.tr("welcome-example-title"));
                    ui.label(ctx.tr("welcome-example-text"));
                    if ui.button(ctx.tr("action-open-example")).clicked() {
                        ctx.push(Command::LoadExample);
                    }
                });
                card(ui, |ui| {
                    ui.strong(ctx.tr("welcome-import-title"));
                    ui.label(ctx.tr("welcome-import-text"));
                    if ui.button(ctx.tr("action-import-file")).clicked() {
                        ctx.push(Command::PickAndImport);
                    }
                });
                card(ui, |ui| self.create_form(ui, ctx));
            });
        });
    }

    fn create_form(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        ui.strong(ctx.tr("welcome-create-title"));
        egui::Grid::new("create_plan")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let title_label = ui.label(ctx.tr("field-plan-title"));
                ui.add(
                    egui::TextEdit::singleline(&mut self.title)
                        .hint_text(ctx.tr("hint-plan-title"))
                        .desired_width(440.0),
                )
                .labelled_by(title_label.id);
                ui.end_row();
                let from_label = ui.label(ctx.tr("field-period-from"));
                ui.add(egui::TextEdit::singleline(&mut self.from).desired_width(120.0))
                    .labelled_by(from_label.id);
                ui.end_row();
                let to_label = ui.label(ctx.tr("field-period-to"));
                ui.add(egui::TextEdit::singleline(&mut self.to).desired_width(120.0))
                    .labelled_by(to_label.id);
                ui.end_row();
            });
        if let Some(error) = &self.error {
            ui.colored_label(super::style::ERROR, error.message(ctx.i18n));
        }
        if ui.button(ctx.tr("action-create-plan")).clicked() {
            match self.parsed() {
                Ok((title, period)) => {
                    self.error = None;
                    self.title.clear();
                    ctx.push(Command::CreatePlan { title, period });
                }
                Err(message) => self.error = Some(message),
            }
        }
    }

    fn parsed(&self) -> Result<(String, Period), FormError> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(FormError::PlanTitleEmpty);
        }
        let period = date_field::parse_period(&self.from, &self.to)?;
        Ok((title.to_owned(), period))
    }
}

fn card(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    egui::Frame::group(ui.style())
        .inner_margin(16.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), add);
        });
    ui.add_space(12.0);
}
