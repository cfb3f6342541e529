//! Charts of the dashboard (egui_plot): target indicators — actual values per year against targets, for the
//! plan or one school, with fields to enter the actual values — and completions per month.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, GridMark, Legend, Plot};

use super::format;
use crate::app::{Command, SchoolCommand};
use crate::model::{Id, Indicator, IndicatorUnit, Plan};
use crate::ui::labelled::labelled;
use crate::ui::{ViewCtx, style};

const TARGET: Color32 = Color32::from_rgb(0xb8, 0xc8, 0xdc);
const ACTUAL: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xa8);

/// Text fields of the actual values, by (indicator, year); kept while the user types.
#[derive(Default)]
pub struct IndicatorInputs {
    buffers: HashMap<(Id, i32), String>,
    synced: Option<(u64, Option<Id>)>,
}

/// Whole years as axis labels, nothing between them.
fn year_label(mark: GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    if mark.value.fract().abs() < 1e-6 {
        format!("{}", mark.value.round() as i64)
    } else {
        String::new()
    }
}

/// The years an indicator is shown for: its targets', the plan period's, and those with values.
fn years_of(plan: &Plan, indicator: &Indicator, values: impl Iterator<Item = i32>) -> Vec<i32> {
    let mut years: BTreeSet<i32> = indicator.targets.iter().map(|t| t.year).collect();
    years.extend(values);
    if years.is_empty() {
        years.extend(plan.period.years());
    }
    years.into_iter().collect()
}

/// Every indicator of the plan with its chart and value fields (`school` = `None`: plan level).
pub fn indicators(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    inputs: &mut IndicatorInputs,
    plan: &Plan,
    school: Option<Id>,
) {
    if plan.indicators.is_empty() {
        ui.label(RichText::new(ctx.tr("schools-indicators-none")).weak());
        return;
    }
    inputs.sync(ui, ctx, school);
    let mut commands = Vec::new();
    for indicator in &plan.indicators {
        let values: Vec<(i32, f64)> = ctx
            .data
            .progress_and_criteria
            .indicator_values
            .iter()
            .filter(|v| v.indicator_id == indicator.id && v.school_id == school)
            .map(|v| (v.year, v.value))
            .collect();
        let years = years_of(plan, indicator, values.iter().map(|(y, _)| *y));
        ui.add_space(6.0);
        ui.add(egui::Label::new(RichText::new(&indicator.name).strong()).wrap());
        ui.label(RichText::new(indicator_note(ctx, indicator)).small().weak());
        indicator_chart(ui, ctx, indicator, school, &values, &years);
        value_fields(
            ui,
            ctx,
            inputs,
            (indicator.id, school),
            &years,
            &mut commands,
        );
    }
    for c in commands {
        ctx.push(Command::School(c));
    }
}

impl IndicatorInputs {
    /// Fills the fields from the data when another school is shown, or when the data changed and nobody is
    /// typing.
    fn sync(&mut self, ui: &egui::Ui, ctx: &ViewCtx<'_>, school: Option<Id>) {
        let editing = ui.ctx().egui_wants_keyboard_input();
        let key = (ctx.data.version, school);
        if self.synced.map(|(_, s)| s) == Some(school) && (self.synced == Some(key) || editing) {
            return;
        }
        self.buffers.clear();
        for v in ctx
            .data
            .progress_and_criteria
            .indicator_values
            .iter()
            .filter(|v| v.school_id == school)
        {
            self.buffers
                .insert((v.indicator_id, v.year), format::number(v.value));
        }
        self.synced = Some(key);
    }
}

/// The indicator's unit, and its baseline when it has one.
fn indicator_note(ctx: &ViewCtx<'_>, indicator: &Indicator) -> String {
    let mut note = match indicator.unit {
        IndicatorUnit::Percent => ctx.tr("schools-indicator-unit-percent"),
        IndicatorUnit::Count => ctx.tr("schools-indicator-unit-count"),
        IndicatorUnit::YesNo => ctx.tr("schools-indicator-unit-yes-no"),
    };
    if let Some(b) = indicator.baseline {
        note.push_str(&format!(
            " · {}: {}",
            ctx.tr("schools-indicator-baseline"),
            format::number(b)
        ));
    }
    note
}

/// The targets and the actual values per year, side by side (nothing when there are neither).
fn indicator_chart(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    indicator: &Indicator,
    school: Option<Id>,
    values: &[(i32, f64)],
    years: &[i32],
) {
    let targets: Vec<Bar> = indicator
        .targets
        .iter()
        .map(|t| {
            Bar::new(f64::from(t.year) - 0.18, t.value)
                .width(0.34)
                .fill(TARGET)
        })
        .collect();
    let actual: Vec<Bar> = values
        .iter()
        .map(|(y, v)| Bar::new(f64::from(*y) + 0.18, *v).width(0.34).fill(ACTUAL))
        .collect();
    if targets.is_empty() && actual.is_empty() {
        return;
    }
    let (first, last) = (years[0], years[years.len() - 1]);
    fixed_plot(("indicator_chart", indicator.id, school), 130.0)
        .include_x(f64::from(first) - 0.6)
        .include_x(f64::from(last) + 0.6)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .x_axis_formatter(year_label)
        .legend(Legend::default())
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(ctx.tr("schools-chart-target"), targets).color(TARGET));
            plot.bar_chart(BarChart::new(ctx.tr("schools-chart-actual"), actual).color(ACTUAL));
        });
}

/// A field per year for the actual value; a value typed is set when the field is left (a number that
/// cannot be read is reported beside it).
fn value_fields(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    inputs: &mut IndicatorInputs,
    (indicator, school): (Id, Option<Id>),
    years: &[i32],
    commands: &mut Vec<SchoolCommand>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(ctx.tr("schools-indicator-actual")).small());
        for year in years {
            let buffer = inputs.buffers.entry((indicator, *year)).or_default();
            let response = labelled(
                ui,
                format!("{year}:"),
                egui::TextEdit::singleline(buffer).desired_width(56.0),
            );
            if response.lost_focus() {
                match crate::ui::number_text::parse(buffer) {
                    Ok(value) => commands.push(SchoolCommand::SetIndicatorValue {
                        indicator,
                        school,
                        year: *year,
                        value,
                    }),
                    Err(()) => {
                        ui.colored_label(style::ERROR, ctx.tr("schools-error-number"));
                    }
                }
            }
        }
    });
}

/// A plot that only shows: no zoom, drag, scroll or reset; no x coordinate on hover; y from 0.
fn fixed_plot<'a>(id: impl egui::AsIdSalt, height: f32) -> Plot<'a> {
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .include_y(0.0)
}

/// Completions per month of the plan period, as bars.
pub fn months(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, months: &[(NaiveDate, u32)]) {
    if months.is_empty() {
        return;
    }
    let names: Vec<String> = ctx
        .tr("schools-months-short")
        .split(',')
        .map(|s| s.trim().to_owned())
        .collect();
    let label_of = |i: usize| -> String {
        months
            .get(i)
            .map(|(m, _)| names.get(m.month0() as usize).cloned().unwrap_or_default())
            .unwrap_or_default()
    };
    let bars: Vec<Bar> = months
        .iter()
        .enumerate()
        .map(|(i, (_, n))| {
            Bar::new(i as f64, f64::from(*n))
                .width(0.7)
                .name(label_of(i))
        })
        .collect();
    let count = months.len();
    fixed_plot("months_chart", 150.0)
        .include_y(1.0)
        .include_x(-0.6)
        .include_x(count as f64 - 0.4)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 3.0, 12.0]))
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                label_of(i as usize)
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(ctx.tr("schools-chart-done"), bars).color(style::OK));
        });
}
