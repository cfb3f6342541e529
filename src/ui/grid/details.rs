//! The details of the selected measure, on the right: every field editable (each commits one command when
//! it loses focus), the due dates with what the parser understood, and the progress per school (read-only
//! here; loaded by the runner when the selection changes).

use std::collections::HashMap;

use chrono::Datelike;
use egui::RichText;

use super::filter_bar::status_name;
use crate::app::{Command, MeasureField};
use crate::model::{Category, Id, Measure, Plan, SchoolScope, Status};
use crate::ui::{ViewCtx, style};

/// A field's edit buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Text(MeasureField),
    Year(i32),
    Notes,
}

#[derive(Default)]
pub struct Details {
    measure: Option<Id>,
    synced: u64,
    buffers: HashMap<Field, String>,
    /// School names by id, per data version.
    names: HashMap<Id, String>,
    names_version: Option<u64>,
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
        egui::ScrollArea::vertical()
            .id_salt("details_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for field in MeasureField::ALL {
                    let label = ctx.tr(field.label_key());
                    self.text_field(ui, ctx, measure, Field::Text(field), &label);
                }
                for year in plan_years(plan, measure) {
                    let label = ctx.i18n.tr_args(
                        "grid-details-year",
                        &[("year", crate::i18n::Arg::Num(year.into()))],
                    );
                    self.text_field(ui, ctx, measure, Field::Year(year), &label);
                }
                let label = ctx.tr("grid-details-notes");
                self.text_field(ui, ctx, measure, Field::Notes, &label);
                ui.separator();
                scope_editor(ui, ctx, measure);
                ui.separator();
                crate::ui::due_editor::due_editor(ui, ctx, measure);
                ui.separator();
                self.progress(ui, ctx);
            });
    }

    fn sync(&mut self, plan: &Plan, m: &Measure) {
        self.measure = Some(m.id);
        self.buffers = MeasureField::ALL
            .into_iter()
            .map(|f| (Field::Text(f), f.get(m).to_owned()))
            .collect();
        for year in plan_years(plan, m) {
            let text = super::columns::Col::Year(year).text(m).to_owned();
            self.buffers.insert(Field::Year(year), text);
        }
        self.buffers.insert(Field::Notes, m.notes.clone());
    }

    fn text_field(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        m: &Measure,
        field: Field,
        label: &str,
    ) {
        let label = ui.label(RichText::new(label).strong());
        let buffer = self.buffers.entry(field).or_default();
        let single = field == Field::Text(MeasureField::Number);
        let edit = if single {
            egui::TextEdit::singleline(buffer)
        } else {
            egui::TextEdit::multiline(buffer).desired_rows(2)
        };
        let response = ui
            .add(edit.desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if response.lost_focus() {
            let value = buffer.clone();
            let command = match field {
                Field::Text(field) => Command::EditMeasure {
                    id: m.id,
                    field,
                    value,
                },
                Field::Year(year) => Command::EditMeasureYear {
                    id: m.id,
                    year,
                    value,
                },
                Field::Notes => Command::UpdateMeasure(Box::new(Measure {
                    notes: value,
                    ..m.clone()
                })),
            };
            ctx.push(command);
        }
        ui.add_space(4.0);
    }

    /// The progress records of the selected measure, per school and date (a long list scrolls).
    fn progress(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let data = ctx.data;
        if self.names_version != Some(data.version) {
            self.names = data
                .schools
                .iter()
                .map(|s| (s.id, s.display_name().to_owned()))
                .collect();
            self.names_version = Some(data.version);
        }
        ui.strong(ctx.tr("grid-details-progress"));
        let records = &data.selected_progress;
        if records.is_empty() {
            ui.label(RichText::new(ctx.tr("grid-details-no-progress")).weak());
            return;
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 6.0;
        egui::ScrollArea::vertical()
            .id_salt("details_progress")
            .max_height(320.0)
            .show_rows(ui, row_height, records.len(), |ui, range| {
                for p in &records[range] {
                    let school = self.names.get(&p.school_id).map_or("?", String::as_str);
                    let due = p.due.map_or_else(
                        || ctx.tr("grid-no-date"),
                        |d| d.format("%d.%m.%Y").to_string(),
                    );
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(school).strong());
                        ui.label(RichText::new(due).weak());
                    });
                    ui.horizontal(|ui| {
                        let late = p.is_overdue(ctx.today);
                        let color = match p.status {
                            Status::Done => style::OK,
                            _ if late => style::ERROR,
                            _ => ui.visuals().text_color(),
                        };
                        ui.label(RichText::new(status_name(ctx.i18n, p.status)).color(color));
                        if late {
                            ui.label(RichText::new(ctx.tr("grid-overdue")).color(style::ERROR));
                        }
                        if let Some(done) = p.done_on {
                            ui.label(done.format("%d.%m.%Y").to_string());
                        }
                        if !p.evidence.is_empty() {
                            ui.label(RichText::new(&p.evidence).weak())
                                .on_hover_text(&p.evidence);
                        }
                    });
                }
            });
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

/// Which schools the measure concerns: all, a category, or a list.
fn scope_editor(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, m: &Measure) {
    ui.strong(ctx.tr("grid-details-schools"));
    let mut scope = m.schools.clone();
    ui.horizontal_wrapped(|ui| {
        if ui
            .radio(matches!(scope, SchoolScope::All), ctx.tr("grid-scope-all"))
            .clicked()
        {
            scope = SchoolScope::All;
        }
        if ui
            .radio(
                matches!(scope, SchoolScope::Category { .. }),
                ctx.tr("grid-scope-category"),
            )
            .clicked()
            && !matches!(scope, SchoolScope::Category { .. })
        {
            scope = SchoolScope::Category {
                category: Category::Shnor,
            };
        }
        if ui
            .radio(
                matches!(scope, SchoolScope::List { .. }),
                ctx.tr("grid-scope-list"),
            )
            .clicked()
            && !matches!(scope, SchoolScope::List { .. })
        {
            scope = SchoolScope::List { ids: Vec::new() };
        }
    });
    match &mut scope {
        SchoolScope::All => {}
        SchoolScope::Category { category } => {
            ui.horizontal_wrapped(|ui| {
                for c in Category::ALL {
                    let name = ctx.tr(&format!("grid-category-{}", c.as_str()));
                    ui.selectable_value(category, c, name);
                }
            });
        }
        SchoolScope::List { ids } => {
            if ctx.data.schools.is_empty() {
                ui.label(RichText::new(ctx.tr("grid-scope-no-schools")).weak());
            }
            egui::ScrollArea::vertical()
                .id_salt("details_schools")
                .max_height(160.0)
                .show(ui, |ui| {
                    for s in &ctx.data.schools {
                        let mut on = ids.contains(&s.id);
                        if ui
                            .checkbox(&mut on, s.display_name())
                            .on_hover_text(&s.name)
                            .changed()
                        {
                            if on {
                                ids.push(s.id);
                            } else {
                                ids.retain(|id| *id != s.id);
                            }
                        }
                    }
                });
        }
    }
    if scope != m.schools {
        ctx.push(Command::UpdateMeasure(Box::new(Measure {
            schools: scope,
            ..m.clone()
        })));
    }
}
