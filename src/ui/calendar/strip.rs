//! The year strip under the month: sections × the 12 months of the plan year shown (September–August for a
//! school-year plan, January–December for a calendar-year one — whatever month the plan starts in), each cell
//! the number of due items, shaded by how many. Clicking a month goes there.

use chrono::{Datelike, NaiveDate};
use egui::{Align2, Color32, Rect, Sense, Stroke, StrokeKind, TextStyle, vec2};

use super::index::{CalendarIndex, month_from_index, month_index};
use super::names::Names;
use super::palette;
use crate::i18n::{Arg, I18n};
use crate::model::{Period, Plan};
use crate::ui::style;

const ROW_H: f32 = 18.0;
/// The section names' column: this wide, narrowed down to `MIN_LABEL_W` before the months get narrower
/// than `MIN_MONTH_W` (the table then stays within a narrow window instead of cutting «Всего» off).
const LABEL_W: f32 = 270.0;
const MIN_LABEL_W: f32 = 120.0;
const MIN_MONTH_W: f32 = 30.0;
const TOTAL_W: f32 = 56.0;

/// The first month of the plan year that holds `month`, within the plan's years.
pub fn plan_year_start(period: Period, month: NaiveDate) -> NaiveDate {
    let start = month_index(period.from);
    let years = ((month_index(period.to) - start) / 12).max(0);
    let k = ((month_index(month) - start).div_euclid(12)).clamp(0, years);
    month_from_index(start + 12 * k)
}

/// The counts of one plan year, cached by the view with the index.
#[derive(Debug, Clone, PartialEq)]
pub struct YearCounts {
    /// The first month of the plan year.
    pub first: NaiveDate,
    /// `counts[section][month]`.
    pub counts: Vec<[u32; 12]>,
}

impl YearCounts {
    pub fn new(index: &CalendarIndex, sections: usize, first: NaiveDate) -> Self {
        Self {
            first,
            counts: index.strip(sections, first),
        }
    }
}

/// The height [`strip`] takes for a plan of `sections` sections.
pub fn height(ui: &egui::Ui, sections: usize) -> f32 {
    ui.text_style_height(&TextStyle::Body)
        + ui.spacing().item_spacing.y
        + ROW_H * (sections + 2) as f32
}

/// Draws the strip for the plan year holding `shown`; returns a month the user clicked.
pub fn strip(
    ui: &mut egui::Ui,
    plan: &Plan,
    index: &CalendarIndex,
    year: &YearCounts,
    shown: NaiveDate,
    names: &Names,
    i18n: &I18n,
) -> Option<NaiveDate> {
    let first = year.first;
    let years = if first.month() == 1 {
        first.year().to_string()
    } else {
        format!("{}/{:02}", first.year(), (first.year() + 1) % 100)
    };
    ui.horizontal(|ui| {
        ui.strong(i18n.tr_args("calendar-strip-title", &[("years", Arg::Str(&years))]));
        if index.filtered {
            ui.label(egui::RichText::new(i18n.tr("calendar-strip-filtered")).weak());
        }
    });

    let rows = plan.sections.len() + 2;
    let label_w = (ui.available_width() - TOTAL_W - 12.0 * MIN_MONTH_W).clamp(MIN_LABEL_W, LABEL_W);
    let width = ui
        .available_width()
        .max(label_w + TOTAL_W + 12.0 * MIN_MONTH_W);
    let (rect, _) = ui.allocate_exact_size(vec2(width, ROW_H * rows as f32), Sense::hover());
    let table = Table {
        painter: ui.painter_at(rect),
        rect,
        label_w,
        month_w: (rect.width() - label_w - TOTAL_W) / 12.0,
        small: TextStyle::Small.resolve(ui.style()),
        body: TextStyle::Body.resolve(ui.style()),
        text: ui.visuals().text_color(),
        weak: ui.visuals().weak_text_color(),
    };
    let shown_col = month_index(shown) - month_index(first);
    if (0..12).contains(&shown_col) {
        let column = table.cell(shown_col as usize, 0, rows);
        table
            .painter
            .rect_filled(column, 2.0, palette::SELECTED_FILL);
    }
    let clicked = month_header(ui, &table, first, names, i18n);
    let totals = section_rows(&table, plan, &year.counts);
    totals_row(&table, plan.sections.len() + 1, &totals, i18n);
    table.painter.rect_stroke(
        rect,
        2.0,
        Stroke::new(1.0, palette::GRID_LINE),
        StrokeKind::Inside,
    );
    clicked
}

/// Where the strip's table is drawn, and with what.
struct Table {
    painter: egui::Painter,
    rect: Rect,
    label_w: f32,
    month_w: f32,
    small: egui::FontId,
    body: egui::FontId,
    text: Color32,
    weak: Color32,
}

impl Table {
    /// The cell of month column `m` from row `row`, `rows` high.
    fn cell(&self, m: usize, row: usize, rows: usize) -> Rect {
        Rect::from_min_size(
            egui::pos2(
                self.rect.left() + self.label_w + self.month_w * m as f32,
                self.rect.top() + ROW_H * row as f32,
            ),
            vec2(self.month_w, ROW_H * rows as f32),
        )
    }

    /// A number in the «Всего» column of `row`.
    fn total(&self, row: usize, text: String, font: egui::FontId, colour: Color32) {
        let y = self.rect.top() + ROW_H * row as f32;
        self.painter.text(
            egui::pos2(self.rect.right() - 4.0, y + ROW_H / 2.0),
            Align2::RIGHT_CENTER,
            text,
            font,
            colour,
        );
    }
}

/// The header: the months, each a button to its month, and «Всего». Returns the month clicked.
fn month_header(
    ui: &mut egui::Ui,
    table: &Table,
    first: NaiveDate,
    names: &Names,
    i18n: &I18n,
) -> Option<NaiveDate> {
    let mut clicked = None;
    let first_index = month_index(first);
    for m in 0..12 {
        let cell = table.cell(m, 0, 1);
        let month = month_from_index(first_index + m as i32);
        let name = &names.months_short[month.month0() as usize];
        let response = ui.interact(cell, ui.scope_id().with(("strip_month", m)), Sense::click());
        let title = i18n.tr_args(
            "calendar-strip-go",
            &[("month", Arg::Str(&names.month_title(month)))],
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &title));
        let colour = if response.hovered() {
            style::ACCENT
        } else {
            table.weak
        };
        table.painter.text(
            cell.center(),
            Align2::CENTER_CENTER,
            name,
            table.small.clone(),
            colour,
        );
        if response.clicked() {
            clicked = Some(month);
        }
        response.on_hover_text(title);
    }
    let total = i18n.tr("calendar-strip-total");
    table.total(0, total, table.small.clone(), table.weak);
    clicked
}

/// A row per section: its name, a shaded cell per month with the count, the section's total. Returns the
/// totals per month.
fn section_rows(table: &Table, plan: &Plan, counts: &[[u32; 12]]) -> [u32; 12] {
    let painter = &table.painter;
    let (rect, small, text) = (table.rect, &table.small, table.text);
    let max = counts
        .iter()
        .flat_map(|row| row.iter())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let mut totals = [0u32; 12];
    for (si, section) in plan.sections.iter().enumerate() {
        let y = rect.top() + ROW_H * (si + 1) as f32;
        let label = format!("{} {}", section.number.trim(), section.title.trim());
        let mut job = egui::text::LayoutJob::single_section(
            label,
            egui::TextFormat::simple(small.clone(), text),
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(table.label_w - 10.0);
        let galley = painter.layout_job(job);
        painter.galley(
            egui::pos2(rect.left() + 2.0, y + (ROW_H - galley.size().y) / 2.0),
            galley,
            text,
        );
        let row = counts.get(si).copied().unwrap_or_default();
        for (m, &n) in row.iter().enumerate() {
            totals[m] += n;
            let cell = table.cell(m, si + 1, 1).shrink2(vec2(1.5, 1.0));
            if n > 0 {
                let t = 0.2 + 0.8 * n as f32 / max as f32;
                painter.rect_filled(
                    cell,
                    2.0,
                    Color32::WHITE.lerp_to_gamma(palette::STRIP_FULL, t),
                );
                painter.text(
                    cell.center(),
                    Align2::CENTER_CENTER,
                    n.to_string(),
                    small.clone(),
                    text,
                );
            }
        }
        let total: u32 = row.iter().sum();
        table.total(si + 1, total.to_string(), small.clone(), table.weak);
    }
    totals
}

/// The last row: the total per month and over the year, under a line.
fn totals_row(table: &Table, row: usize, totals: &[u32; 12], i18n: &I18n) {
    let painter = &table.painter;
    let (rect, text) = (table.rect, table.text);
    let y = rect.top() + ROW_H * row as f32;
    painter.line_segment(
        [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)],
        Stroke::new(1.0, palette::GRID_LINE),
    );
    painter.text(
        egui::pos2(rect.left() + 2.0, y + ROW_H / 2.0),
        Align2::LEFT_CENTER,
        i18n.tr("calendar-strip-total"),
        table.body.clone(),
        text,
    );
    for (m, n) in totals.iter().enumerate() {
        if *n > 0 {
            painter.text(
                table.cell(m, row, 1).center(),
                Align2::CENTER_CENTER,
                n.to_string(),
                table.body.clone(),
                text,
            );
        }
    }
    let sum = totals.iter().sum::<u32>().to_string();
    table.total(row, sum, table.body.clone(), text);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_plan_year_follows_the_period() {
        let school = Period::school_year(2021);
        assert_eq!(plan_year_start(school, date(2021, 10, 1)), date(2021, 9, 1));
        assert_eq!(plan_year_start(school, date(2022, 8, 1)), date(2021, 9, 1));
        // Outside the plan: the nearest plan year.
        assert_eq!(plan_year_start(school, date(2020, 1, 1)), date(2021, 9, 1));
        assert_eq!(plan_year_start(school, date(2023, 1, 1)), date(2021, 9, 1));
        let years = Period::new(date(2022, 1, 1), date(2024, 12, 31));
        assert_eq!(plan_year_start(years, date(2023, 5, 1)), date(2023, 1, 1));
        assert_eq!(plan_year_start(years, date(2024, 12, 1)), date(2024, 1, 1));
        assert_eq!(plan_year_start(years, date(2025, 3, 1)), date(2024, 1, 1));
    }
}
