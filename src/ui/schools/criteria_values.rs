//! A school's values for the identification criteria, the points they score, and the categories proposed
//! with their reasons; the user confirms the proposal in one undoable change.

use std::collections::HashMap;

use egui::RichText;

use super::badges::category_key;
use super::format;
use crate::app::{Command, SchoolCommand};
use crate::i18n::Arg;
use crate::model::{CriterionKind, Id, School};
use crate::stats::criteria::{CriterionResult, GroupScore, Proposal, propose, score};
use crate::ui::{ViewCtx, style};

/// What the value, its unit, the regional value and the mark take beside a criterion's text.
const VALUE_WIDTH: f32 = 250.0;

#[derive(Default)]
pub struct CriteriaValuesView {
    /// Text of the numeric fields by criterion id.
    buffers: HashMap<String, String>,
    synced: Option<(Id, u64)>,
    error: Option<String>,
    /// The width of the criteria's texts this frame: what the value and the mark leave.
    label_width: f32,
}

impl CriteriaValuesView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, school: &School) {
        let editing = ui.ctx().egui_wants_keyboard_input();
        let key = (school.id, ctx.data.version);
        let switched = self.synced.map(|(id, _)| id) != Some(school.id);
        let values = ctx.data.progress_and_criteria.values_of(school.id);
        if switched || (self.synced != Some(key) && !editing) {
            self.buffers = values
                .iter()
                .map(|(k, v)| (k.clone(), format::number(*v)))
                .collect();
            self.synced = Some(key);
            self.error = None;
        }
        let set = &ctx.data.progress_and_criteria.criteria;
        let scores = score(set, &values);
        let proposal = propose(&scores, &school.categories);

        ui.horizontal_wrapped(|ui| {
            ui.heading(ctx.i18n.tr_args(
                "schools-criteria-heading",
                &[("school", Arg::Str(school.display_name()))],
            ));
        });
        ui.label(RichText::new(ctx.tr("schools-criteria-intro")).weak());
        ui.add_space(6.0);
        proposal_ui(ui, ctx, school, &scores, &proposal);
        if let Some(error) = &self.error {
            ui.colored_label(style::ERROR, error);
        }
        ui.separator();
        let mut commands = Vec::new();
        // A form: texts on the left, wrapped to their column and top-aligned; values and marks beside them,
        // all clear of the scroll bar.
        self.label_width = (ui.available_width() - VALUE_WIDTH).clamp(160.0, 600.0);
        egui::ScrollArea::vertical()
            .id_salt("criteria_values")
            .show(ui, |ui| {
                for group in &scores {
                    let title = ctx.i18n.tr_args(
                        "schools-criteria-group-score",
                        &[
                            ("title", Arg::Str(&group.group.title)),
                            ("points", Arg::Num(f64::from(group.points))),
                            ("max", Arg::Num(f64::from(group.max_points))),
                            ("min", Arg::Num(f64::from(group.group.min_points))),
                        ],
                    );
                    egui::CollapsingHeader::new(RichText::new(title).strong())
                        .id_salt(("criteria_group", &group.group.id))
                        .default_open(true)
                        .show(ui, |ui| {
                            for result in &group.results {
                                let row =
                                    ui.horizontal_top(|ui| self.row(ui, ctx, school.id, result));
                                if let Some(c) = row.inner {
                                    commands.push(c);
                                }
                                ui.add_space(6.0);
                            }
                        });
                }
            });
        for c in commands {
            ctx.push(Command::School(c));
        }
    }

    /// One criterion: its text on the left, wrapped in its column; beside it the school's value, then under
    /// it the regional value and whether the criterion holds. Returns a command when the value was changed.
    fn row(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewCtx<'_>,
        school: Id,
        result: &CriterionResult<'_>,
    ) -> Option<SchoolCommand> {
        let c = result.criterion;
        let width = self.label_width;
        let label = ui
            .allocate_ui_with_layout(
                egui::vec2(width, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_width(width);
                    ui.add(egui::Label::new(&c.text).wrap())
                },
            )
            .inner;
        let mut command = None;
        let set = |value: Option<f64>| SchoolCommand::SetCriterionValues {
            school,
            values: vec![(c.id.clone(), value)],
        };
        ui.vertical(|ui| {
            ui.set_max_width(VALUE_WIDTH - 20.0);
            ui.horizontal_wrapped(|ui| {
                if c.kind == CriterionKind::Present {
                    let current = result.value.map(|v| v >= 0.5);
                    let text = |v: Option<bool>| match v {
                        None => ctx.tr("schools-criteria-unknown"),
                        Some(true) => ctx.tr("schools-criteria-yes"),
                        Some(false) => ctx.tr("schools-criteria-no"),
                    };
                    egui::ComboBox::from_id_salt(("criterion_value", &c.id))
                        .selected_text(text(current))
                        .width(100.0)
                        .show_ui(ui, |ui| {
                            for v in [None, Some(true), Some(false)] {
                                if ui.selectable_label(current == v, text(v)).clicked()
                                    && current != v
                                {
                                    command = Some(set(v.map(|b| if b { 1.0 } else { 0.0 })));
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                } else {
                    let buffer = self.buffers.entry(c.id.clone()).or_default();
                    let response = ui
                        .add(egui::TextEdit::singleline(buffer).desired_width(70.0))
                        .labelled_by(label.id);
                    let unit = match c.kind {
                        CriterionKind::PercentBelow | CriterionKind::PercentAbove => "%",
                        _ => "",
                    };
                    if !unit.is_empty() {
                        ui.label(unit);
                    }
                    if c.kind == CriterionKind::BelowRegionalBy {
                        let text = match c.regional {
                            Some(r) => ctx.i18n.tr_args(
                                "schools-criteria-regional",
                                &[("value", Arg::Str(&format::number(r)))],
                            ),
                            None => ctx.tr("schools-criteria-no-regional"),
                        };
                        ui.label(RichText::new(text).small().weak());
                    }
                    if response.lost_focus() {
                        match crate::ui::number_text::parse(buffer) {
                            Ok(value) => {
                                self.error = None;
                                command = Some(set(value));
                            }
                            Err(()) => self.error = Some(ctx.tr("schools-error-number")),
                        }
                    }
                }
            });
            let (mark, color) = match result.holds {
                Some(true) => (ctx.tr("schools-criteria-holds"), style::ERROR),
                Some(false) => (ctx.tr("schools-criteria-not-holds"), style::OK),
                None => (
                    ctx.tr("schools-criteria-not-scored"),
                    ui.visuals().weak_text_color(),
                ),
            };
            ui.label(RichText::new(mark).color(color).small());
        });
        command
    }
}

/// The proposed categories with their reasons, and the button that confirms them.
fn proposal_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    school: &School,
    scores: &[GroupScore<'_>],
    proposal: &Proposal,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.strong(ctx.tr("schools-criteria-proposal"));
        if !proposal.changes_anything() {
            let any_value = scores
                .iter()
                .any(|g| g.results.iter().any(|r| r.value.is_some()));
            let key = if any_value {
                "schools-criteria-proposal-same"
            } else {
                "schools-criteria-proposal-empty"
            };
            ui.label(RichText::new(ctx.tr(key)).weak());
            return;
        }
        // "Propose to add / remove the category: its points against the minimum".
        let line = |key: &str, group: &GroupScore<'_>, color| {
            let category = ctx.tr(category_key(group.group.category));
            let text = ctx.i18n.tr_args(
                key,
                &[
                    ("category", Arg::Str(&category)),
                    ("points", Arg::Num(f64::from(group.points))),
                    ("min", Arg::Num(f64::from(group.group.min_points))),
                ],
            );
            RichText::new(text).color(color)
        };
        for group in scores {
            let category = group.group.category;
            if proposal.add.contains(&category) {
                ui.label(line("schools-criteria-propose-add", group, style::ERROR));
                for r in group.holding() {
                    ui.label(format!("  • {}", r.reason()));
                }
            }
            if proposal.remove.contains(&category) {
                ui.label(line("schools-criteria-propose-remove", group, style::OK));
            }
        }
        if ui
            .button(ctx.tr("schools-action-confirm-categories"))
            .clicked()
        {
            ctx.push(Command::School(SchoolCommand::SetCategories {
                school: school.id,
                categories: proposal.categories.clone(),
            }));
        }
    });
}
