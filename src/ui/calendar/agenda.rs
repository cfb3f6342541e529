//! The agenda beside the month: Просрочено · На этой неделе · Ближайшие 30 дней · Без срока, relative to
//! today. Done items are left out: the agenda is what still needs doing.
//!
//! One virtualized list (`ScrollArea::show_rows`): rows are built as indexes when the index changes, and
//! text is formatted only for the rows on screen.

use chrono::Datelike;
use egui::{RichText, Sense};

use super::index::{Bucket, CalendarIndex};
use super::names::Names;
use super::palette;
use crate::i18n::{Arg, I18n};
use crate::model::Id;

/// The most items listed per group; the rest are counted ("и ещё N").
const MAX_PER_GROUP: usize = 200;

#[derive(Debug, Clone, Copy)]
pub enum Row {
    Header(Bucket),
    /// An index into `CalendarIndex::entries`.
    Dated(usize),
    /// An index into `CalendarIndex::unscheduled`.
    Unscheduled(usize),
    /// "нет" for an empty group.
    Empty,
    /// "и ещё N".
    More(usize),
}

/// The rows of the agenda for an index.
pub fn rows(index: &CalendarIndex) -> Vec<Row> {
    let mut rows = Vec::new();
    for bucket in Bucket::ALL {
        rows.push(Row::Header(bucket));
        let len = index.bucket_len(bucket);
        if len == 0 {
            rows.push(Row::Empty);
            continue;
        }
        let shown = len.min(MAX_PER_GROUP);
        match bucket {
            Bucket::Unscheduled => rows.extend((0..shown).map(Row::Unscheduled)),
            _ => {
                let list = &index.agenda[bucket as usize];
                rows.extend(list[..shown].iter().map(|&i| Row::Dated(i)));
            }
        }
        if len > shown {
            rows.push(Row::More(len - shown));
        }
    }
    rows
}

/// Draws the agenda; returns the measure the user clicked.
pub fn agenda(
    ui: &mut egui::Ui,
    rows: &[Row],
    index: &CalendarIndex,
    names: &Names,
    i18n: &I18n,
    selected: Option<Id>,
) -> Option<Id> {
    ui.add_space(6.0);
    ui.heading(i18n.tr("calendar-agenda-heading"));
    ui.add_space(2.0);
    let mut clicked = None;
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    ui.spacing_mut().item_spacing.y = 1.0;
    egui::ScrollArea::vertical()
        .id_salt("calendar_agenda")
        .auto_shrink([false, false])
        .show_rows(ui, row_h, rows.len(), |ui, range| {
            for row in &rows[range] {
                match *row {
                    Row::Header(bucket) => {
                        let text = i18n.tr_args(
                            "calendar-agenda-group",
                            &[
                                ("name", Arg::Str(&i18n.tr(bucket.label_key()))),
                                ("count", Arg::Num(index.bucket_len(bucket) as f64)),
                            ],
                        );
                        let colour = if bucket == Bucket::Overdue && index.bucket_len(bucket) > 0 {
                            crate::ui::style::ERROR
                        } else {
                            ui.visuals().strong_text_color()
                        };
                        line(ui, row_h, RichText::new(text).strong().color(colour));
                    }
                    Row::Dated(i) => {
                        let e = &index.entries[i];
                        let weekday =
                            &names.weekdays[e.due.weekday().num_days_from_monday() as usize];
                        let text = format!("{weekday} {} · {}", e.due.format("%d.%m"), e.label);
                        let colour = palette::state_colour(e.state);
                        if item(ui, &text, colour, selected == Some(e.measure), row_h) {
                            clicked = Some(e.measure);
                        }
                    }
                    Row::Unscheduled(i) => {
                        let u = &index.unscheduled[i];
                        if item(
                            ui,
                            &u.label,
                            palette::NO_PROGRESS,
                            selected == Some(u.measure),
                            row_h,
                        ) {
                            clicked = Some(u.measure);
                        }
                    }
                    Row::Empty => {
                        line(
                            ui,
                            row_h,
                            RichText::new(i18n.tr("calendar-agenda-empty")).weak(),
                        );
                    }
                    Row::More(n) => {
                        let text =
                            i18n.tr_args("calendar-agenda-more", &[("count", Arg::Num(n as f64))]);
                        line(ui, row_h, RichText::new(text).weak());
                    }
                }
            }
        });
    clicked
}

/// One line of text, left-aligned, `row_h` tall.
fn line(ui: &mut egui::Ui, row_h: f32, text: RichText) {
    ui.allocate_ui_with_layout(
        egui::vec2(ui.available_width(), row_h),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| ui.add(egui::Label::new(text).truncate()),
    );
}

/// One clickable line, cut to the width with "…"; the whole text on hover.
fn item(ui: &mut egui::Ui, text: &str, colour: egui::Color32, selected: bool, row_h: f32) -> bool {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), row_h), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, text));
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        if selected {
            painter.rect_filled(rect, 2.0, palette::SELECTED_FILL);
        } else if response.hovered() {
            painter.rect_filled(rect, 2.0, palette::HOVER_FILL);
        }
        painter.rect_filled(
            egui::Rect::from_min_size(
                rect.min + egui::vec2(0.0, 3.0),
                egui::vec2(3.0, rect.height() - 6.0),
            ),
            1.0,
            colour,
        );
        let font = egui::TextStyle::Body.resolve(ui.style());
        let mut job = egui::text::LayoutJob::single_section(
            text.to_owned(),
            egui::TextFormat::simple(font, colour),
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width((rect.width() - 10.0).max(8.0));
        let galley = painter.layout_job(job);
        painter.galley(
            egui::pos2(rect.left() + 8.0, rect.center().y - galley.size().y / 2.0),
            galley,
            colour,
        );
    }
    let clicked = response.clicked();
    response.on_hover_text(text);
    clicked
}
