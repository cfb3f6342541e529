//! The calendar's small windows: a measure opened from the calendar (its fields, progress and due dates),
//! and the full list of one day when it holds more than its cell shows.

use crate::app::SystemCommand;
use chrono::NaiveDate;
use egui::RichText;

use super::index::CalendarIndex;
use super::palette;
use crate::app::{Command, Screen};
use crate::i18n::Arg;
use crate::model::{Id, Measure, Section, Status};
use crate::ui::{ViewCtx, due_editor::due_editor, style};

/// Shows the measure `id`; returns false when the window should close.
pub fn measure_window(egui_ctx: &egui::Context, ctx: &mut ViewCtx<'_>, id: Id) -> bool {
    let data = ctx.data;
    let Some(plan) = data.plan.as_ref() else {
        return false;
    };
    let Some((si, mi)) = plan.find_measure(id) else {
        return false;
    };
    let section = &plan.sections[si];
    let measure = &section.measures[mi];
    let title = if measure.number.trim().is_empty() {
        ctx.tr("calendar-popup-title-plain")
    } else {
        ctx.i18n.tr_args(
            "calendar-popup-title",
            &[("number", Arg::Str(measure.number.trim()))],
        )
    };
    let mut open = true;
    let mut close = false;
    let content = egui_ctx.content_rect();
    egui::Window::new(title)
        .id(egui::Id::unique("calendar_measure_window"))
        .open(&mut open)
        .collapsible(false)
        // Sized to its content (scrolling when the screen is short).
        .auto_sized()
        .min_width(460.0)
        .max_width(520.0)
        .default_pos(egui::pos2(content.center().x - 230.0, content.top() + 70.0))
        .show(egui_ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height((content.height() - 160.0).max(200.0))
                .show(ui, |ui| {
                    fields(ui, ctx, section, measure);
                    ui.separator();
                    due_editor(ui, ctx, measure);
                    ui.separator();
                    ui.horizontal(|ui| {
                        if ui.button(ctx.tr("calendar-open-in-grid")).clicked() {
                            ctx.push(Command::System(SystemCommand::Select(Some(id))));
                            ctx.push(Command::System(SystemCommand::ShowScreen(Screen::Measures)));
                            close = true;
                        }
                        if ui.button(ctx.tr("calendar-close")).clicked() {
                            close = true;
                        }
                    });
                });
        });
    open && !close
}

/// The measure's title, section and text fields, and its progress.
fn fields(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, section: &Section, measure: &Measure) {
    ui.add(egui::Label::new(RichText::new(&measure.title).strong()).wrap());
    ui.label(
        RichText::new(format!(
            "{} {}",
            section.number.trim(),
            section.title.trim()
        ))
        .weak(),
    );
    ui.add_space(6.0);
    egui::Grid::new("calendar_measure_fields")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (key, value) in [
                ("field-deadline", &measure.deadline),
                ("field-responsible", &measure.responsible),
                ("field-result", &measure.result),
            ] {
                if value.trim().is_empty() {
                    continue;
                }
                ui.label(RichText::new(ctx.tr(key)).strong());
                ui.add(egui::Label::new(value.trim()).wrap());
                ui.end_row();
            }
            ui.label(RichText::new(ctx.tr("calendar-popup-progress")).strong());
            ui.label(progress_text(ctx, measure.id));
            ui.end_row();
        });
}

/// "Отметок о выполнении нет" or "выполнено 3 из 5, просрочено 1".
fn progress_text(ctx: &ViewCtx<'_>, id: Id) -> RichText {
    let Some(s) = ctx.data.progress.get(&id).filter(|s| s.total() > 0) else {
        return RichText::new(ctx.tr("calendar-progress-none")).weak();
    };
    let text = ctx.i18n.tr_args(
        "calendar-progress",
        &[
            ("done", Arg::Num(f64::from(s.count(Status::Done)))),
            ("total", Arg::Num(f64::from(s.total()))),
            ("overdue", Arg::Num(f64::from(s.overdue))),
        ],
    );
    if s.overdue > 0 {
        RichText::new(text).color(style::ERROR)
    } else {
        RichText::new(text)
    }
}

/// Lists every item due on `day`; returns (keep open, a measure clicked).
pub fn day_window(
    egui_ctx: &egui::Context,
    ctx: &ViewCtx<'_>,
    index: &CalendarIndex,
    day: NaiveDate,
) -> (bool, Option<Id>) {
    let entries = index.on(day);
    let title = ctx.i18n.tr_args(
        "calendar-day-title",
        &[
            ("date", Arg::Str(&crate::ui::date_field::format(day))),
            ("count", Arg::Num(entries.len() as f64)),
        ],
    );
    let mut open = true;
    let mut clicked = None;
    egui::Window::new(title)
        .id(egui::Id::unique("calendar_day_window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_size([480.0, 420.0])
        .default_pos(egui_ctx.content_rect().center() - egui::vec2(240.0, 210.0))
        .show(egui_ctx, |ui| {
            let row_h = ui.text_style_height(&egui::TextStyle::Body) + 2.0;
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show_rows(ui, row_h, entries.len(), |ui, range| {
                    for e in &entries[range] {
                        let text = RichText::new(&e.label).color(palette::state_colour(e.state));
                        let selected = ctx.data.selected == Some(e.measure);
                        let response = ui.add(egui::Button::selectable(selected, text).truncate());
                        if response.clicked() {
                            clicked = Some(e.measure);
                        }
                    }
                });
        });
    (open, clicked)
}
