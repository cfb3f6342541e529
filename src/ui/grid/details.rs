//! The details of the selected measure, on the right: every field editable (each commits one command when
//! it loses focus), which schools it concerns, the due dates with what the parser understood
//! (`ui::due_editor`), and its progress at each school (`ui::schools` widgets: the school data are loaded
//! once, when first needed, never per frame).

use std::collections::HashMap;

use chrono::Datelike;
use egui::RichText;

use crate::app::{Command, MeasureField};
use crate::model::{Id, Measure, Plan};
use crate::ui::schools::progress_editor::ProgressEditor;
use crate::ui::schools::scope_editor::ScopeEditor;
use crate::ui::{ViewCtx, style};

#[derive(Default)]
pub struct Details {
    measure: Option<Id>,
    synced: u64,
    buffers: HashMap<MeasureField, String>,
    scope: ScopeEditor,
    progress: ProgressEditor,
}

impl Details {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let data = ctx.data;
        let Some(plan) = data.plan.as_ref() else {
            return;
        };
        let Some(measure) = data.selected.and_then(|id| plan.measure(id)) else {
            ui.add_space(12.0);
            ui.add(egui::Label::new(RichText::new(ctx.tr("details-none")).weak()).wrap());
            return;
        };
        let editing = ui.ctx().egui_wants_keyboard_input();
        if self.measure != Some(measure.id) || (self.synced != data.version && !editing) {
            self.sync(plan, measure);
            self.synced = data.version;
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.heading(ctx.tr("details-heading"));
            ui.label(
                RichText::new(&measure.number)
                    .heading()
                    .color(style::ACCENT),
            );
        });
        // Sideways too: a row wider than the panel scrolls inside it instead of widening the panel past
        // its largest size (the panel then keeps its right edge and the table covers its left side).
        egui::ScrollArea::both()
            .id_salt("details_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for field in MeasureField::FIXED {
                    let label = ctx.tr(field.label_key());
                    self.text_field(ui, ctx, measure, field, &label);
                }
                for year in plan_years(plan, measure) {
                    let label = ctx.i18n.tr_args(
                        "grid-details-year",
                        &[("year", crate::i18n::Arg::Num(year.into()))],
                    );
                    self.text_field(ui, ctx, measure, MeasureField::Year(year), &label);
                }
                let label = ctx.tr("grid-details-notes");
                self.text_field(ui, ctx, measure, MeasureField::Notes, &label);
                ui.separator();
                self.scope.ui(ui, ctx, measure);
                ui.separator();
                crate::ui::due_editor::due_editor(ui, ctx, measure);
                ui.separator();
                ui.strong(ctx.tr("grid-details-progress"));
                // Its table may be wider than the panel: scroll it rather than widen the panel (which
                // would narrow the grid and lay all its rows out again).
                egui::ScrollArea::horizontal()
                    .id_salt("details_progress")
                    .show(ui, |ui| self.progress.measure_ui(ui, ctx, measure));
            });
    }

    fn sync(&mut self, plan: &Plan, m: &Measure) {
        self.measure = Some(m.id);
        let years = plan_years(plan, m).into_iter().map(MeasureField::Year);
        self.buffers = MeasureField::FIXED
            .into_iter()
            .chain(years)
            .chain([MeasureField::Notes])
            .map(|f| (f, f.get(m).to_owned()))
            .collect();
    }

    fn text_field(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        m: &Measure,
        field: MeasureField,
        label: &str,
    ) {
        let label = ui.label(RichText::new(label).strong());
        let buffer = self.buffers.entry(field).or_default();
        let edit = if !field.multiline() {
            egui::TextEdit::singleline(buffer)
        } else {
            egui::TextEdit::multiline(buffer).desired_rows(2)
        };
        let response = ui
            .add(edit.desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if response.lost_focus() {
            let value = buffer.clone();
            ctx.push(Command::EditMeasure {
                id: m.id,
                field,
                value,
            });
        }
        ui.add_space(4.0);
    }
}

/// The years offered for key activities: the plan period's, and any a measure already has.
fn plan_years(plan: &Plan, m: &Measure) -> Vec<i32> {
    let mut years: Vec<i32> = m.yearly.iter().map(|y| y.year).collect();
    // Only plans of several calendar years (2022–2024) have a column per year.
    let span: Vec<i32> = plan.period.years().collect();
    let from = plan.period.from;
    if span.len() > 2 || (from.month() == 1 && from.day() == 1) {
        years.extend(span);
    }
    years.sort_unstable();
    years.dedup();
    years
}
