//! The month grid: weeks from Monday, each day with the first of its due measures and "+N" for the rest.
//!
//! Drawn with the painter and one `interact` per visible item rather than nested widgets: a day with two
//! thousand due items costs the same as a day with three, since only what fits is laid out.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, StrokeKind, TextStyle, vec2};

use super::index::{CalendarIndex, start_of_week};
use super::names::Names;
use super::palette;
use crate::i18n::{Arg, I18n};
use crate::model::Id;
use crate::ui::style;

/// What the user clicked in the grid.
#[derive(Debug, Default)]
pub struct MonthOutput {
    /// A measure to open.
    pub open: Option<Id>,
    /// A day whose full list to show ("+N").
    pub day: Option<NaiveDate>,
}

const HEADER_H: f32 = 22.0;
const DAY_NUMBER_H: f32 = 20.0;
const MIN_CELL_H: f32 = 56.0;
/// The least height a month of six weeks takes.
pub const MIN_HEIGHT: f32 = HEADER_H + MIN_CELL_H * 6.0;

/// Draws `month` (its first day) filling the space left in `ui`.
pub fn month_grid(
    ui: &mut egui::Ui,
    month: NaiveDate,
    index: &CalendarIndex,
    names: &Names,
    i18n: &I18n,
    today: NaiveDate,
    selected: Option<Id>,
) -> MonthOutput {
    let mut out = MonthOutput::default();
    let first = month;
    let last = last_day(month);
    let grid_start = start_of_week(first);
    let weeks = ((last - grid_start).num_days() / 7 + 1) as usize;

    let avail = ui.available_rect_before_wrap();
    let height = avail.height().max(HEADER_H + MIN_CELL_H * weeks as f32);
    let rect = Rect::from_min_size(avail.min, vec2(avail.width(), height));
    ui.allocate_rect(rect, Sense::hover());
    let small_font = TextStyle::Small.resolve(ui.style());
    let pen = Pen {
        painter: ui.painter_at(rect),
        body_font: TextStyle::Body.resolve(ui.style()),
        line_h: small_font.size + 5.0,
        small_font,
        weak: ui.visuals().weak_text_color(),
        text: ui.visuals().text_color(),
    };
    let cell_w = rect.width() / 7.0;
    let cell_h = (rect.height() - HEADER_H) / weeks as f32;
    weekday_header(&pen, rect, cell_w, names);

    for week in 0..weeks {
        for col in 0..7 {
            let day = grid_start
                .checked_add_days(Days::new((week * 7 + col) as u64))
                .unwrap_or(grid_start);
            let min = egui::pos2(
                rect.left() + cell_w * col as f32,
                rect.top() + HEADER_H + cell_h * week as f32,
            );
            let cell = Rect::from_min_size(min, vec2(cell_w, cell_h));
            let in_month = day.month() == month.month() && day.year() == month.year();
            day_cell(&pen, cell, day, in_month, today, i18n);
            if in_month {
                let clicked = day_entries(ui, &pen, cell, day, index, i18n, selected);
                out.open = clicked.open.or(out.open);
                out.day = clicked.day.or(out.day);
            }
        }
    }
    out
}

/// What the month's cells are drawn with.
struct Pen {
    painter: egui::Painter,
    body_font: FontId,
    small_font: FontId,
    /// The height of one entry line in a cell.
    line_h: f32,
    weak: Color32,
    text: Color32,
}

/// The weekday names above the columns (the weekend's in their own colour).
fn weekday_header(pen: &Pen, rect: Rect, cell_w: f32, names: &Names) {
    for (i, name) in names.weekdays.iter().enumerate() {
        let x = rect.left() + cell_w * i as f32;
        let colour = if i >= 5 {
            palette::WEEKEND_TEXT
        } else {
            pen.weak
        };
        pen.painter.text(
            egui::pos2(x + cell_w / 2.0, rect.top() + HEADER_H / 2.0),
            Align2::CENTER_CENTER,
            name,
            pen.body_font.clone(),
            colour,
        );
    }
}

/// A day's cell: its fill and border, and the day number — today in a filled badge and the cell outlined.
fn day_cell(pen: &Pen, cell: Rect, day: NaiveDate, in_month: bool, today: NaiveDate, i18n: &I18n) {
    let painter = &pen.painter;
    let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
    let fill = match (in_month, weekend) {
        (false, _) => palette::OUTSIDE_FILL,
        (true, true) => palette::WEEKEND_FILL,
        (true, false) => Color32::WHITE,
    };
    painter.rect_filled(cell, 0.0, fill);
    painter.rect_stroke(
        cell,
        0.0,
        Stroke::new(1.0, palette::GRID_LINE),
        StrokeKind::Inside,
    );

    let number_pos = egui::pos2(cell.left() + 6.0, cell.top() + 3.0);
    let number = day.day().to_string();
    if day == today {
        painter.rect_stroke(
            cell.shrink(1.0),
            2.0,
            Stroke::new(2.0, style::ACCENT),
            StrokeKind::Inside,
        );
        let galley = painter.layout_no_wrap(number, pen.body_font.clone(), Color32::WHITE);
        let badge =
            Rect::from_min_size(number_pos - vec2(3.0, 1.0), galley.size() + vec2(6.0, 2.0));
        painter.rect_filled(badge, 4.0, style::ACCENT);
        painter.galley(number_pos, galley, Color32::WHITE);
        painter.text(
            egui::pos2(badge.right() + 6.0, cell.top() + 4.0),
            Align2::LEFT_TOP,
            i18n.tr("calendar-today-mark"),
            pen.small_font.clone(),
            style::ACCENT,
        );
    } else {
        let colour = match (in_month, weekend) {
            (false, _) => palette::OUTSIDE_TEXT,
            (true, true) => palette::WEEKEND_TEXT,
            (true, false) => pen.text,
        };
        painter.text(
            number_pos,
            Align2::LEFT_TOP,
            number,
            pen.body_font.clone(),
            colour,
        );
    }
}

/// The measures due on `day`, as many as the cell holds, then «ещё N» opening the day. Returns what was
/// clicked.
fn day_entries(
    ui: &mut egui::Ui,
    pen: &Pen,
    cell: Rect,
    day: NaiveDate,
    index: &CalendarIndex,
    i18n: &I18n,
    selected: Option<Id>,
) -> MonthOutput {
    let mut out = MonthOutput::default();
    let painter = &pen.painter;
    let line_h = pen.line_h;
    let entries = index.on(day);
    if entries.is_empty() {
        return out;
    }
    let room = ((cell.height() - DAY_NUMBER_H - 2.0) / line_h)
        .floor()
        .max(0.0) as usize;
    let shown = if entries.len() <= room {
        entries.len()
    } else {
        room.saturating_sub(1)
    };
    let item_w = cell.width() - 8.0;
    let line = |k: usize| {
        Rect::from_min_size(
            egui::pos2(
                cell.left() + 4.0,
                cell.top() + DAY_NUMBER_H + line_h * k as f32,
            ),
            vec2(item_w, line_h - 1.0),
        )
    };
    for (k, entry) in entries[..shown].iter().enumerate() {
        let item = line(k);
        let response = ui.interact(
            item,
            ui.scope_id().with(("calendar_item", day, k)),
            Sense::click(),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &entry.label));
        let colour = palette::state_colour(entry.state);
        if selected == Some(entry.measure) {
            painter.rect_filled(item, 2.0, palette::SELECTED_FILL);
        } else if response.hovered() {
            painter.rect_filled(item, 2.0, palette::HOVER_FILL);
        }
        painter.rect_filled(
            Rect::from_min_size(item.min, vec2(3.0, item.height())),
            1.0,
            colour,
        );
        let galley = truncated(
            ui,
            &entry.label,
            pen.small_font.clone(),
            colour,
            item_w - 7.0,
        );
        painter.galley(
            egui::pos2(item.left() + 6.0, item.center().y - galley.size().y / 2.0),
            galley,
            colour,
        );
        if response.clicked() {
            out.open = Some(entry.measure);
        }
        response.on_hover_text(&entry.label);
    }
    if shown < entries.len() {
        let more = entries.len() - shown;
        let item = line(shown);
        let label = i18n.tr_args("calendar-more", &[("count", Arg::Num(more as f64))]);
        let response = ui.interact(
            item,
            ui.scope_id().with(("calendar_more", day)),
            Sense::click(),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.hovered() {
            painter.rect_filled(item, 2.0, palette::HOVER_FILL);
        }
        painter.text(
            egui::pos2(item.left() + 6.0, item.center().y),
            Align2::LEFT_CENTER,
            &label,
            pen.small_font.clone(),
            style::ACCENT,
        );
        if response.clicked() {
            out.day = Some(day);
        }
        response.on_hover_text(i18n.tr("calendar-more-hint"));
    }
    out
}

/// One line of text cut with "…" to `width`.
fn truncated(
    ui: &egui::Ui,
    text: &str,
    font: FontId,
    colour: Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::single_section(
        text.to_owned(),
        egui::TextFormat::simple(font, colour),
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(width.max(8.0));
    ui.painter().layout_job(job)
}

/// The last day of the month that starts on `month`.
pub fn last_day(month: NaiveDate) -> NaiveDate {
    month
        .checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(month)
}
