//! The two lists of the header form: tasks (add, remove, reorder, edit) and target indicators (a row per
//! indicator, a column per plan year).

use egui::RichText;

use super::draft::{IndicatorDraft, plan_years};
use crate::i18n::I18n;
use crate::model::{IndicatorUnit, Period};

/// What a row's buttons asked for; applied after the list is drawn.
enum RowAction {
    Up(usize),
    Down(usize),
    Remove(usize),
}

impl RowAction {
    fn apply<T>(self, list: &mut Vec<T>) {
        match self {
            RowAction::Up(i) if i > 0 => list.swap(i - 1, i),
            RowAction::Down(i) if i + 1 < list.len() => list.swap(i, i + 1),
            RowAction::Remove(i) if i < list.len() => {
                list.remove(i);
            }
            _ => {}
        }
    }
}

/// The numbered list of tasks.
pub fn tasks(ui: &mut egui::Ui, tasks: &mut Vec<String>, i18n: &I18n) {
    let mut action = None;
    let count = tasks.len();
    for (i, task) in tasks.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let number = ui.label(format!("{}.", i + 1));
            let width = (ui.available_width() - 120.0).max(200.0);
            ui.add(
                egui::TextEdit::multiline(task)
                    .id_salt(("plan_task", i))
                    .desired_rows(1)
                    .desired_width(width),
            )
            .labelled_by(number.id);
            if ui
                .add_enabled(i > 0, egui::Button::new("⬆").small())
                .on_hover_text(i18n.tr("plan-header-task-up"))
                .clicked()
            {
                action = Some(RowAction::Up(i));
            }
            if ui
                .add_enabled(i + 1 < count, egui::Button::new("⬇").small())
                .on_hover_text(i18n.tr("plan-header-task-down"))
                .clicked()
            {
                action = Some(RowAction::Down(i));
            }
            if ui
                .small_button("🗑")
                .on_hover_text(i18n.tr("plan-header-task-remove"))
                .clicked()
            {
                action = Some(RowAction::Remove(i));
            }
        });
    }
    if let Some(action) = action {
        action.apply(tasks);
    }
    if ui.button(i18n.tr("plan-header-add-task")).clicked() {
        tasks.push(String::new());
    }
}

/// The table of target indicators: name, unit, baseline, a target per year in `years`.
pub fn indicators(
    ui: &mut egui::Ui,
    indicators: &mut Vec<IndicatorDraft>,
    years: &[i32],
    period: Period,
    i18n: &I18n,
) {
    let labels = plan_years(period);
    let year_label = |year: i32| {
        labels
            .iter()
            .find(|(y, _)| *y == year)
            .map_or_else(|| year.to_string(), |(_, l)| l.clone())
    };
    let mut action = None;
    for (i, indicator) in indicators.iter_mut().enumerate() {
        // One block per indicator: its (long) name on the first line, unit and values on the second.
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let label = ui.label(i18n.tr("indicator-field-name"));
                let width = (ui.available_width() - 48.0).max(200.0);
                ui.add(
                    egui::TextEdit::multiline(&mut indicator.name)
                        .id_salt(("indicator_name", i))
                        .desired_rows(1)
                        .desired_width(width),
                )
                .labelled_by(label.id);
                if ui
                    .small_button("🗑")
                    .on_hover_text(i18n.tr("plan-header-indicator-remove"))
                    .clicked()
                {
                    action = Some(RowAction::Remove(i));
                }
            });
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(i18n.tr("indicator-field-unit"));
                unit_combo(ui, i, &mut indicator.unit, i18n).labelled_by(label.id);
                ui.add_space(8.0);
                let label = ui.label(i18n.tr("indicator-field-baseline"));
                ui.add(
                    egui::TextEdit::singleline(&mut indicator.baseline)
                        .id_salt(("indicator_baseline", i))
                        .desired_width(64.0),
                )
                .labelled_by(label.id);
                for year in years {
                    ui.add_space(8.0);
                    let label = ui.label(year_label(*year));
                    // Written into the draft only when typed, so looking changes nothing.
                    let mut text = indicator.targets.get(year).cloned().unwrap_or_default();
                    let response = ui
                        .add(
                            egui::TextEdit::singleline(&mut text)
                                .id_salt(("indicator_target", i, *year))
                                .desired_width(56.0),
                        )
                        .labelled_by(label.id);
                    if response.changed() {
                        indicator.targets.insert(*year, text);
                    }
                }
            });
        });
    }
    if let Some(action) = action {
        action.apply(indicators);
    }
    ui.horizontal(|ui| {
        if ui.button(i18n.tr("plan-header-add-indicator")).clicked() {
            indicators.push(IndicatorDraft::new());
        }
        ui.label(RichText::new(i18n.tr("plan-header-indicator-values")).weak());
    });
}

fn unit_combo(
    ui: &mut egui::Ui,
    row: usize,
    unit: &mut IndicatorUnit,
    i18n: &I18n,
) -> egui::Response {
    let name = |u: IndicatorUnit| {
        i18n.tr(match u {
            IndicatorUnit::Percent => "indicator-unit-percent",
            IndicatorUnit::Count => "indicator-unit-count",
            IndicatorUnit::YesNo => "indicator-unit-yes-no",
        })
    };
    egui::ComboBox::from_id_salt(("indicator_unit", row))
        .selected_text(name(*unit))
        .width(110.0)
        .show_ui(ui, |ui| {
            for u in [
                IndicatorUnit::Percent,
                IndicatorUnit::Count,
                IndicatorUnit::YesNo,
            ] {
                ui.selectable_value(unit, u, name(u));
            }
        })
        .response
}
