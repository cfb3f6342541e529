//! Мероприятия: the plan's measures by section, and the details of the selected one.

use std::collections::HashMap;

use egui::{Panel, RichText};
use egui_extras::{Column, TableBuilder};

use super::{ViewCtx, style};
use crate::app::{Command, MeasureField};
use crate::model::{Id, Plan};

/// One line of the table: a section heading or a measure.
#[derive(Debug, Clone, Copy)]
enum Row {
    Section(usize),
    Measure(usize, usize),
}

#[derive(Default)]
pub struct MeasuresView {
    /// Rows of the table, rebuilt when the data version changes.
    rows: Vec<Row>,
    rows_version: Option<(u64, Id)>,
    /// The selection seen last frame: a new selection is scrolled into view.
    last_selected: Option<Id>,
    details: DetailsEditor,
}

impl MeasuresView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(plan) = ctx.data.plan.as_ref() else {
            return;
        };
        let key = (ctx.data.version, plan.id);
        if self.rows_version != Some(key) {
            self.rows = rows_of(plan);
            self.rows_version = Some(key);
        }
        Panel::right("measure_details")
            .resizable(true)
            .default_size(ctx.ui_state.details_width)
            .min_size(260.0)
            .show(ui, |ui| self.details.ui(ui, ctx));
        egui::CentralPanel::default().show(ui, |ui| {
            toolbar(ui, ctx);
            ui.separator();
            self.table(ui, ctx);
        });
    }

    fn table(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(plan) = ctx.data.plan.as_ref() else {
            return;
        };
        let selected = ctx.data.selected;
        let mut clicked = None;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        let mut table = TableBuilder::new(ui);
        if selected != self.last_selected {
            self.last_selected = selected;
            let index = selected.and_then(|id| {
                self.rows.iter().position(|row| match *row {
                    Row::Measure(si, mi) => plan.sections[si].measures[mi].id == id,
                    Row::Section(_) => false,
                })
            });
            if let Some(index) = index {
                table = table.scroll_to_row(index, None);
            }
        }
        table
            .id_salt("measures_table")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(48.0).at_least(36.0))
            .column(Column::remainder().at_least(160.0).clip(true))
            .column(Column::initial(130.0).at_least(70.0).clip(true))
            .column(Column::initial(160.0).at_least(70.0).clip(true))
            .column(Column::initial(200.0).at_least(70.0).clip(true))
            .header(row_height + 4.0, |mut header| {
                for field in [
                    MeasureField::Number,
                    MeasureField::Title,
                    MeasureField::Deadline,
                    MeasureField::Responsible,
                    MeasureField::Result,
                ] {
                    header.col(|ui| {
                        ui.strong(ctx.tr(field.label_key()));
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, self.rows.len(), |mut row| {
                    match self.rows[row.index()] {
                        Row::Section(si) => {
                            let section = &plan.sections[si];
                            row.col(|ui| {
                                ui.painter()
                                    .rect_filled(ui.max_rect(), 0.0, style::SECTION_FILL);
                                ui.strong(&section.number);
                            });
                            row.col(|ui| {
                                ui.painter()
                                    .rect_filled(ui.max_rect(), 0.0, style::SECTION_FILL);
                                ui.add(
                                    egui::Label::new(RichText::new(&section.title).strong())
                                        .truncate(),
                                );
                            });
                            for _ in 0..3 {
                                row.col(|ui| {
                                    ui.painter().rect_filled(
                                        ui.max_rect(),
                                        0.0,
                                        style::SECTION_FILL,
                                    );
                                });
                            }
                        }
                        Row::Measure(si, mi) => {
                            let measure = &plan.sections[si].measures[mi];
                            row.set_selected(selected == Some(measure.id));
                            for field in [
                                MeasureField::Number,
                                MeasureField::Title,
                                MeasureField::Deadline,
                                MeasureField::Responsible,
                                MeasureField::Result,
                            ] {
                                row.col(|ui| {
                                    ui.add(
                                        egui::Label::new(first_line(field.get(measure)))
                                            .truncate()
                                            .selectable(false),
                                    );
                                });
                            }
                            if row.response().clicked() {
                                clicked = Some(measure.id);
                            }
                        }
                    }
                });
            });
        if let Some(id) = clicked {
            ctx.push(Command::Select(Some(id)));
        }
    }
}

fn toolbar(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let Some(plan) = ctx.data.plan.as_ref() else {
        return;
    };
    ui.horizontal(|ui| {
        ui.add(egui::Label::new(RichText::new(&plan.title).heading()).truncate())
            .on_hover_text(&plan.title);
    });
    ui.horizontal(|ui| {
        let target_section = ctx
            .data
            .selected
            .and_then(|id| plan.find_measure(id))
            .map(|(si, _)| plan.sections[si].id)
            .or_else(|| plan.sections.last().map(|s| s.id));
        if ui
            .add_enabled(
                target_section.is_some(),
                egui::Button::new(ctx.tr("action-add-measure")),
            )
            .clicked()
            && let Some(section) = target_section
        {
            ctx.push(Command::AddMeasure { section });
        }
        if ui.button(ctx.tr("action-add-section")).clicked() {
            ctx.push(Command::AddSection);
        }
        if ui
            .add_enabled(
                ctx.data.selected.is_some(),
                egui::Button::new(ctx.tr("action-delete-measure")),
            )
            .clicked()
            && let Some(id) = ctx.data.selected
        {
            ctx.push(Command::DeleteMeasure(id));
        }
    });
}

fn rows_of(plan: &Plan) -> Vec<Row> {
    let mut rows = Vec::with_capacity(plan.measure_count() + plan.sections.len());
    for (si, section) in plan.sections.iter().enumerate() {
        rows.push(Row::Section(si));
        rows.extend((0..section.measures.len()).map(|mi| Row::Measure(si, mi)));
    }
    rows
}

/// The first line of a cell (the table shows one line; the details panel shows all).
fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

/// The editable fields of the selected measure. Each field commits one command when it loses focus.
#[derive(Default)]
struct DetailsEditor {
    measure: Option<Id>,
    synced: u64,
    buffers: HashMap<MeasureField, String>,
}

impl DetailsEditor {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(plan) = ctx.data.plan.as_ref() else {
            return;
        };
        let Some(measure) = ctx.data.selected.and_then(|id| plan.measure(id)) else {
            ui.add_space(12.0);
            ui.label(RichText::new(ctx.tr("details-none")).weak());
            return;
        };
        let editing = ui.ctx().egui_wants_keyboard_input();
        if self.measure != Some(measure.id) || (self.synced != ctx.data.version && !editing) {
            self.measure = Some(measure.id);
            self.synced = ctx.data.version;
            self.buffers = MeasureField::ALL
                .into_iter()
                .map(|f| (f, f.get(measure).to_owned()))
                .collect();
        }
        let id = measure.id;
        ui.add_space(6.0);
        ui.heading(ctx.tr("details-heading"));
        egui::ScrollArea::vertical().show(ui, |ui| {
            for field in MeasureField::ALL {
                let label = ui.label(RichText::new(ctx.tr(field.label_key())).strong());
                let buffer = self.buffers.entry(field).or_default();
                let edit = if field.multiline() {
                    egui::TextEdit::multiline(buffer).desired_rows(2)
                } else {
                    egui::TextEdit::singleline(buffer)
                };
                let response = ui
                    .add(edit.desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                if response.lost_focus() {
                    ctx.push(Command::EditMeasure {
                        id,
                        field,
                        value: buffer.clone(),
                    });
                }
                ui.add_space(4.0);
            }
            if !measure.due.is_empty() {
                ui.strong(ctx.tr("details-due"));
                let dates: Vec<String> = measure
                    .due
                    .iter()
                    .map(|d| d.format("%d.%m.%Y").to_string())
                    .collect();
                ui.label(dates.join(", "));
            }
        });
    }
}
