//! Календарь: the month grid of due measures, the agenda beside it, the plan-year strip under it.
//!
//! - `index`: every due occurrence of the measures the grid's filter lets through, precomputed per data
//!   version, filter and today (the only place that walks the whole plan);
//! - `month`, `agenda`, `strip`: the three parts, each drawing from the index;
//! - `popup`: the measure window (with the due-date editor) and a day's full list;
//! - `names`, `palette`: month/weekday names and colours.
//!
//! Keys when no text field has focus: PageUp/PageDown (or ←/→ when nothing has focus) page months, Home
//! returns to today's month, Escape closes the open window.

mod agenda;
mod index;
mod month;
mod names;
mod palette;
mod popup;
mod strip;

use crate::app::SystemCommand;
use chrono::NaiveDate;
use egui::{Panel, RichText};

use self::index::{CalendarIndex, DueState, IndexKey, month_from_index, month_index};
use self::names::Names;
use self::strip::{YearCounts, plan_year_start};
use super::{ViewCtx, style};
use crate::app::{Command, MeasureFilter};
use crate::model::{Id, Plan};

#[derive(Default)]
pub struct CalendarView {
    /// The plan and the month shown (its month index); reset when another plan opens.
    shown: Option<(Id, i32)>,
    index: CalendarIndex,
    key: Option<IndexKey>,
    agenda_rows: Vec<agenda::Row>,
    year: Option<YearCounts>,
    names: Option<Names>,
    /// The measure opened in the popup.
    popup: Option<Id>,
    /// The day whose full list is open.
    day: Option<NaiveDate>,
}

impl CalendarView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let data = ctx.data;
        let Some(plan) = data.plan.as_ref() else {
            return;
        };
        self.refresh(plan, ctx);
        let month = self.month(plan, ctx.today);
        self.keyboard(ui.ctx(), ctx.today);
        let Some(names) = self.names.as_ref() else {
            return;
        };
        let mut open = None;
        let mut go_to = None;

        Panel::right("calendar_agenda")
            .resizable(true)
            .default_size(330.0)
            .min_size(240.0)
            .show(ui, |ui| {
                open = agenda::agenda(
                    ui,
                    &self.agenda_rows,
                    &self.index,
                    names,
                    ctx.i18n,
                    data.selected,
                );
            });
        let first = plan_year_start(plan.period, month);
        if self.year.as_ref().is_none_or(|y| y.first != first) {
            self.year = Some(YearCounts::new(&self.index, plan.sections.len(), first));
        }
        if let Some(year) = &self.year {
            // As tall as the strip needs, up to 40% of the window, and never taking the month's last week
            // (then it scrolls, also sideways for its «Всего» column).
            let needed = strip::height(ui, plan.sections.len()) + 12.0;
            let month_room = ui.available_height() - month::MIN_HEIGHT - 80.0;
            let height = needed
                .min(ui.ctx().content_rect().height() * 0.4)
                .min(month_room.max(110.0));
            Panel::bottom("calendar_strip")
                .resizable(false)
                .exact_size(height)
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    egui::ScrollArea::both()
                        .id_salt("calendar_strip_scroll")
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            go_to =
                                strip::strip(ui, plan, &self.index, year, month, names, ctx.i18n);
                        });
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(m) = toolbar(ui, ctx, month, names, self.index.filtered) {
                go_to = Some(m);
            }
            ui.add_space(4.0);
            let out = month::month_grid(
                ui,
                month,
                &self.index,
                names,
                ctx.i18n,
                ctx.today,
                data.selected,
            );
            open = open.or(out.open);
            if out.day.is_some() {
                self.day = out.day;
            }
        });

        if let Some(day) = self.day {
            let (keep, clicked) = popup::day_window(ui.ctx(), ctx, &self.index, day);
            if !keep {
                self.day = None;
            }
            open = open.or(clicked);
        }
        if let Some(id) = open {
            ctx.push(Command::System(SystemCommand::Select(Some(id))));
            self.popup = Some(id);
        }
        if let Some(id) = self.popup
            && !popup::measure_window(ui.ctx(), ctx, id)
        {
            self.popup = None;
        }
        if let Some(m) = go_to {
            self.shown = Some((plan.id, month_index(m)));
        }
    }

    /// Rebuilds the index (and what hangs on it) when the data, the filter or today changed.
    fn refresh(&mut self, plan: &Plan, ctx: &ViewCtx<'_>) {
        if self
            .names
            .as_ref()
            .is_none_or(|n| n.language != ctx.i18n.language())
        {
            self.names = Some(Names::new(ctx.i18n));
        }
        let key = IndexKey {
            version: ctx.data.version,
            plan: plan.id,
            filter: ctx.ui_state.filter.clone(),
            today: ctx.today,
        };
        if self.key.as_ref() != Some(&key) {
            self.index = CalendarIndex::build(
                plan,
                &ctx.data.schools,
                &ctx.data.progress,
                &ctx.ui_state.filter,
                ctx.today,
            );
            self.agenda_rows = agenda::rows(&self.index);
            self.year = None;
            self.key = Some(key);
        }
    }

    /// The month shown: kept while the plan stays; otherwise today's month if inside the plan period, else
    /// the plan's first month.
    fn month(&mut self, plan: &Plan, today: NaiveDate) -> NaiveDate {
        match self.shown {
            Some((id, m)) if id == plan.id => month_from_index(m),
            _ => {
                let start = if plan.period.contains(today) {
                    today
                } else {
                    plan.period.from
                };
                let m = month_index(start);
                self.shown = Some((plan.id, m));
                month_from_index(m)
            }
        }
    }

    /// Pages months from the keyboard unless a text field (or, for the arrows, any widget) has focus.
    fn keyboard(&mut self, egui_ctx: &egui::Context, today: NaiveDate) {
        if egui_ctx.egui_wants_keyboard_input() {
            return;
        }
        let Some((plan, m)) = self.shown else {
            return;
        };
        let nothing_focused = egui_ctx.memory(|mem| mem.focused().is_none());
        let step = egui_ctx.input_mut(|i| {
            use crate::ui::actions::{ActionId, consume, consume_key};
            use egui::Key;
            if consume_key(i, ActionId::CalendarPreviousMonth, Key::PageUp)
                || (nothing_focused
                    && consume_key(i, ActionId::CalendarPreviousMonth, Key::ArrowLeft))
            {
                Some(m - 1)
            } else if consume_key(i, ActionId::CalendarNextMonth, Key::PageDown)
                || (nothing_focused && consume_key(i, ActionId::CalendarNextMonth, Key::ArrowRight))
            {
                Some(m + 1)
            } else if consume(i, ActionId::CalendarThisMonth) {
                Some(month_index(today))
            } else {
                None
            }
        });
        if let Some(m) = step {
            self.shown = Some((plan, m));
        }
        // Escape closes the day list first, then the measure window.
        if (self.day.is_some() || self.popup.is_some())
            && egui_ctx.input_mut(|i| {
                crate::ui::actions::consume(i, crate::ui::actions::ActionId::CalendarClose)
            })
        {
            if self.day.is_some() {
                self.day = None;
            } else {
                self.popup = None;
            }
        }
    }
}

/// The month title with its navigation, the legend and the export; returns a month to go to.
fn toolbar(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    month: NaiveDate,
    names: &Names,
    filtered: bool,
) -> Option<NaiveDate> {
    let mut go_to = None;
    let m = month_index(month);
    ui.horizontal(|ui| {
        let prev = ui.button("◀").on_hover_text(ctx.tr("calendar-prev-hint"));
        let prev_label = ctx.tr("calendar-prev");
        prev.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &prev_label));
        if prev.clicked() {
            go_to = Some(month_from_index(m - 1));
        }
        // A fixed width keeps the arrows in place from month to month.
        let title = names.month_title(month);
        ui.add_sized(
            [190.0, 30.0],
            egui::Label::new(RichText::new(title).heading().strong()),
        );
        let next = ui.button("▶").on_hover_text(ctx.tr("calendar-next-hint"));
        let next_label = ctx.tr("calendar-next");
        next.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &next_label));
        if next.clicked() {
            go_to = Some(month_from_index(m + 1));
        }
        if ui
            .button(ctx.tr("calendar-today"))
            .on_hover_text(ctx.tr("calendar-today-hint"))
            .clicked()
        {
            go_to = Some(month_from_index(month_index(ctx.today)));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(ctx.tr("calendar-export-ics"))
                .on_hover_text(ctx.tr("calendar-export-ics-hint"))
                .clicked()
            {
                ctx.push(Command::PickAndExportIcs);
            }
        });
    });
    ui.horizontal(|ui| {
        // The legend: what the colours of the items mean.
        for state in DueState::ALL {
            let colour = palette::state_colour(state);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, colour);
            ui.label(RichText::new(ctx.tr(state.label_key())).color(colour));
        }
        ui.separator();
        ui.add(egui::Label::new(RichText::new(ctx.tr("calendar-hint")).weak()).truncate());
    });
    if filtered {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(ctx.tr("calendar-filtered")).color(style::ACCENT));
            if ui.small_button(ctx.tr("calendar-filter-reset")).clicked() {
                ctx.ui_state.filter = MeasureFilter::default();
            }
        });
    }
    go_to
}
