//! The district overview: every school with its done share, overdue count, last update and categories,
//! sortable by any column; a click opens the school's dashboard. Or the schools × sections heat map. Rows
//! are virtualized (`TableBuilder::rows`), so 1,000 schools draw as fast as 20.

use chrono::NaiveDate;
use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::badges::category_badges;
use super::bars::{bar_color, share_bar};
use super::charts::{self, IndicatorInputs};
use super::format;
use super::heatmap;
use crate::app::{Command, OverviewSort, SchoolCommand};
use crate::i18n::Arg;
use crate::model::Id;
use crate::stats::summary::district_total;
use crate::stats::{SchoolSummary, office_summary};
use crate::ui::{ViewCtx, date_field, style};

#[derive(Default)]
pub struct OverviewView {
    /// Summaries in registry order, recomputed when the data change.
    summaries: Vec<SchoolSummary>,
    total: Option<SchoolSummary>,
    /// The office's own execution (when the plan has measures for the office).
    office: Option<SchoolSummary>,
    key: Option<(u64, Id, NaiveDate, usize)>,
    /// Registry indices in display order.
    order: Vec<usize>,
    order_key: Option<(u64, Id, NaiveDate, usize, OverviewSort, bool)>,
    inputs: IndicatorInputs,
}

/// The width the overview's table needs for every column to show.
const OVERVIEW_WIDTH: f32 = 800.0;

impl OverviewView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(plan) = ctx.data.plan.as_ref() else {
            return;
        };
        let schools = &ctx.data.schools;
        let key = (ctx.data.version, plan.id, ctx.today, schools.len());
        if self.key != Some(key) {
            // Kept in step with each edit by the runner: copied, not recomputed.
            self.summaries = ctx.data.progress_and_criteria.summaries.clone();
            self.total = Some(district_total(&self.summaries, plan.sections.len()));
            let office = office_summary(plan, &ctx.data.progress_and_criteria.records, ctx.today);
            self.office = (office.total + office.cancelled > 0).then_some(office);
            self.key = Some(key);
        }
        let sort = ctx.ui_state.schools.sort;
        let ascending = ctx.ui_state.schools.ascending;
        let order_key = (key.0, key.1, key.2, key.3, sort, ascending);
        if self.order_key != Some(order_key) {
            self.order = self.sorted(ctx, sort, ascending);
            self.order_key = Some(order_key);
        }

        ui.horizontal_wrapped(|ui| {
            ui.heading(ctx.tr("schools-overview-heading"));
            ui.label(RichText::new(ctx.i18n.count("schools-count", schools.len())).weak());
        });
        if let Some(total) = &self.total {
            super::bars::done_of_due(ui, ctx, (total.done, total.due), None);
            ui.label(ctx.i18n.tr_args(
                "schools-overview-totals",
                &[
                    ("overdue", Arg::Num(f64::from(total.overdue))),
                    (
                        "late",
                        Arg::Num(self.summaries.iter().filter(|s| s.overdue > 0).count() as f64),
                    ),
                ],
            ));
        }
        if let Some(office) = &self.office {
            ui.label(
                RichText::new(ctx.i18n.tr_args(
                    "schools-overview-office",
                    &[
                        ("done", Arg::Num(f64::from(office.done))),
                        ("total", Arg::Num(f64::from(office.due))),
                        ("overdue", Arg::Num(f64::from(office.overdue))),
                    ],
                ))
                .strong(),
            );
        }
        egui::CollapsingHeader::new(ctx.tr("schools-overview-indicators"))
            .id_salt("overview_indicators")
            .default_open(false)
            .show(ui, |ui| {
                charts::indicators(ui, ctx, &mut self.inputs, plan, None)
            });
        ui.horizontal(|ui| {
            let heat = &mut ctx.ui_state.schools.heat_map;
            if ui
                .add(egui::Button::selectable(
                    !*heat,
                    ctx.i18n.tr("schools-overview-table"),
                ))
                .clicked()
            {
                *heat = false;
            }
            let heat = &mut ctx.ui_state.schools.heat_map;
            if ui
                .add(egui::Button::selectable(
                    *heat,
                    ctx.i18n.tr("schools-overview-heat-map"),
                ))
                .clicked()
            {
                *heat = true;
            }
        });
        ui.add_space(4.0);
        if schools.is_empty() {
            ui.label(RichText::new(ctx.tr("schools-empty")).weak());
            return;
        }
        let clicked = if ctx.ui_state.schools.heat_map {
            heatmap::ui(ui, ctx, plan, &self.summaries, &self.order)
        } else if ui.available_width() < OVERVIEW_WIDTH {
            // A small window or a large scale: the table scrolls sideways instead of cutting «Обновлено».
            egui::ScrollArea::horizontal()
                .id_salt("overview_sideways")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_width(OVERVIEW_WIDTH);
                    self.table(ui, ctx)
                })
                .inner
        } else {
            self.table(ui, ctx)
        };
        if let Some(id) = clicked {
            ctx.push(Command::School(SchoolCommand::Show(id)));
        }
    }

    fn sorted(&self, ctx: &ViewCtx<'_>, sort: OverviewSort, ascending: bool) -> Vec<usize> {
        let schools = &ctx.data.schools;
        let s = &self.summaries;
        let mut order: Vec<usize> = (0..schools.len()).collect();
        match sort {
            OverviewSort::Name => {}
            OverviewSort::Categories => {
                order.sort_by(|&a, &b| schools[a].categories.cmp(&schools[b].categories).reverse())
            }
            OverviewSort::Done => {
                order.sort_by(|&a, &b| s[a].due_share().total_cmp(&s[b].due_share()))
            }
            OverviewSort::Overdue => order.sort_by(|&a, &b| s[a].overdue.cmp(&s[b].overdue)),
            OverviewSort::Updated => {
                order.sort_by(|&a, &b| s[a].last_update.cmp(&s[b].last_update))
            }
        }
        if !ascending {
            order.reverse();
        }
        order
    }

    /// The table of schools; returns the school clicked.
    /// The table's columns at their starting widths (the school's name takes the rest).
    fn table(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) -> Option<Id> {
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
        let mut clicked = None;
        let mut sort_by = None;
        let current = (ctx.ui_state.schools.sort, ctx.ui_state.schools.ascending);
        TableBuilder::new(ui)
            .id_salt("overview_table")
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::remainder().at_least(200.0).clip(true))
            .column(Column::initial(170.0).at_least(80.0).clip(true))
            .column(Column::initial(200.0).at_least(120.0))
            .column(Column::initial(100.0).at_least(70.0))
            .column(Column::initial(110.0).at_least(80.0))
            .header(row_height, |mut header| {
                for (sort, key) in [
                    (OverviewSort::Name, "schools-overview-col-school"),
                    (OverviewSort::Categories, "schools-overview-col-categories"),
                    (OverviewSort::Done, "schools-overview-col-done"),
                    (OverviewSort::Overdue, "schools-overview-col-overdue"),
                    (OverviewSort::Updated, "schools-overview-col-updated"),
                ] {
                    header.col(|ui| {
                        let arrow = match current {
                            (s, true) if s == sort => " ⏶",
                            (s, false) if s == sort => " ⏷",
                            _ => "",
                        };
                        let text = format!("{}{arrow}", ctx.tr(key));
                        if ui
                            .add(egui::Button::new(RichText::new(text).strong()).frame(false))
                            .on_hover_text(ctx.tr("schools-hint-sort"))
                            .clicked()
                        {
                            sort_by = Some(sort);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, self.order.len(), |mut row| {
                    let i = self.order[row.index()];
                    let school = &ctx.data.schools[i];
                    let s = &self.summaries[i];
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(school.display_name())
                                .truncate()
                                .selectable(false),
                        )
                        .on_hover_text(&school.name);
                    });
                    row.col(|ui| category_badges(ui, ctx.i18n, &school.categories));
                    row.col(|ui| {
                        if s.total == 0 {
                            ui.label(RichText::new("—").weak());
                        } else {
                            let text = format!(
                                "{} / {} · {}",
                                s.done,
                                s.due,
                                format::percent(s.due_share())
                            );
                            share_bar(ui, s.due_share(), bar_color(s.due_share()), 90.0, &text);
                        }
                    });
                    row.col(|ui| {
                        let color = if s.overdue > 0 {
                            style::ERROR
                        } else {
                            ui.visuals().weak_text_color()
                        };
                        ui.label(RichText::new(s.overdue.to_string()).color(color));
                    });
                    row.col(|ui| {
                        let text = s.last_update.map(|t| {
                            date_field::format(t.with_timezone(&chrono::Local).date_naive())
                        });
                        ui.label(text.unwrap_or_else(|| "—".into()));
                    });
                    if row.response().clicked() {
                        clicked = Some(school.id);
                    }
                });
            });
        if let Some(sort) = sort_by {
            let ui_state = &mut ctx.ui_state.schools;
            if ui_state.sort == sort {
                ui_state.ascending = !ui_state.ascending;
            } else {
                ui_state.sort = sort;
                // Worst first for the numbers, A–Я for names.
                ui_state.ascending = matches!(sort, OverviewSort::Name | OverviewSort::Done);
            }
        }
        clicked
    }
}
