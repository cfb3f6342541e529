//! One school's dashboard: "Выполнено N из M", overall and per-section progress, overdue and the next 30
//! days, category badges, target indicators against their targets, completions per month; on the right the
//! progress widget for marking the school's occurrences.

use chrono::NaiveDate;
use egui::{Panel, RichText};

use super::badges::category_badges;
use super::bars::{bar_color, share_bar};
use super::charts::{self, IndicatorInputs};
use super::format;
use super::progress_editor::ProgressEditor;
use crate::i18n::Arg;
use crate::model::{Id, School};
use crate::stats::analytic_note::UPCOMING_DAYS;
use crate::stats::summary::done_by_month;
use crate::stats::{SchoolItem, SchoolSummary, school_items, summary_of_items};
use crate::ui::{ViewCtx, style};

/// How many overdue or upcoming items the dashboard lists (the progress list shows them all).
const LIST_LIMIT: usize = 12;

/// What the dashboard shows of a school, computed once per data version.
struct Cache {
    key: (u64, Id, Id, NaiveDate),
    items: Vec<SchoolItem>,
    summary: SchoolSummary,
    overdue: Vec<usize>,
    upcoming: Vec<usize>,
    months: Vec<(NaiveDate, u32)>,
}

#[derive(Default)]
pub struct DashboardView {
    cache: Option<Cache>,
    progress: ProgressEditor,
    inputs: IndicatorInputs,
}

impl DashboardView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, school: &School) {
        let Some(plan) = ctx.data.plan.as_ref() else {
            return;
        };
        let key = (ctx.data.version, school.id, plan.id, ctx.today);
        if self.cache.as_ref().map(|c| c.key) != Some(key) {
            let table = &ctx.data.progress_and_criteria.records;
            let items = school_items(plan, school, table, ctx.today);
            let summary =
                summary_of_items(school.id, plan.sections.len(), &items, table, ctx.today);
            let overdue = (0..items.len()).filter(|&i| items[i].overdue).collect();
            let mut upcoming: Vec<usize> = (0..items.len())
                .filter(|&i| items[i].upcoming(ctx.today, UPCOMING_DAYS))
                .collect();
            upcoming.sort_by_key(|&i| items[i].occurrence.due);
            let months = done_by_month(plan.period, &items);
            self.cache = Some(Cache {
                key,
                items,
                summary,
                overdue,
                upcoming,
                months,
            });
        }
        let Some(cache) = self.cache.as_ref() else {
            return;
        };
        // At first at most half the screen: in a small window or at 150 % the summary on the left keeps
        // room for its bars and the school's name. (No largest size: a panel held narrower than its
        // content would hide the content's left part.)
        Panel::right("school_progress")
            .resizable(true)
            .default_size(430.0_f32.min(ui.available_width() / 2.0))
            .min_size(320.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                ui.heading(ctx.tr("schools-dashboard-progress-heading"));
                self.progress.school_ui(ui, ctx, school, &cache.items);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            // Sideways too: what is still wider than the column scrolls instead of being cut off.
            egui::ScrollArea::both()
                .id_salt("dashboard_scroll")
                .show(ui, |ui| {
                    header(ui, ctx, school);
                    ui.add_space(8.0);
                    totals(ui, ctx, &cache.summary);
                    ui.add_space(8.0);
                    sections(ui, ctx, &cache.summary);
                    ui.add_space(8.0);
                    ui.heading(
                        ctx.i18n
                            .count("schools-dashboard-overdue", cache.overdue.len()),
                    );
                    if let Some(key) = item_list(
                        ui,
                        ctx,
                        &cache.items,
                        &cache.overdue,
                        "schools-dashboard-overdue-none",
                    ) {
                        self.progress.open(key);
                    }
                    ui.add_space(6.0);
                    ui.heading(ctx.i18n.tr_args(
                        "schools-dashboard-upcoming",
                        &[("days", Arg::Num(UPCOMING_DAYS as f64))],
                    ));
                    if let Some(key) = item_list(
                        ui,
                        ctx,
                        &cache.items,
                        &cache.upcoming,
                        "schools-dashboard-upcoming-none",
                    ) {
                        self.progress.open(key);
                    }
                    ui.add_space(8.0);
                    ui.heading(ctx.tr("schools-dashboard-indicators"));
                    charts::indicators(ui, ctx, &mut self.inputs, plan, Some(school.id));
                    ui.add_space(8.0);
                    ui.heading(ctx.tr("schools-dashboard-months"));
                    charts::months(ui, ctx, &cache.months);
                });
        });
    }
}

fn header(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, school: &School) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(school.display_name());
        category_badges(ui, ctx.i18n, &school.categories);
    });
    if school.display_name() != school.name {
        ui.label(RichText::new(&school.name).weak());
    }
    let mut facts = Vec::new();
    for (key, value) in [
        ("schools-field-kind", &school.kind),
        ("schools-field-district", &school.district),
        ("schools-field-director", &school.director),
        ("schools-field-curator", &school.curator),
    ] {
        if !value.trim().is_empty() {
            facts.push(format!("{}: {}", ctx.tr(key), value.trim()));
        }
    }
    if !facts.is_empty() {
        ui.label(RichText::new(facts.join(" · ")).small());
    }
}

fn totals(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, s: &SchoolSummary) {
    super::bars::done_of_due(ui, ctx, (s.done, s.due), Some(17.0));
    let width = (ui.available_width() - 60.0).max(120.0);
    ui.label(ctx.i18n.tr_args(
        "schools-dashboard-totals",
        &[
            ("total", Arg::Num(f64::from(s.total))),
            ("done", Arg::Num(f64::from(s.done))),
            ("percent", Arg::Str(&format::percent(s.done_share()))),
            ("overdue", Arg::Num(f64::from(s.overdue))),
        ],
    ));
    let done = s.done_share();
    share_bar(ui, done, style::ACCENT, width, &format::percent(done));
}

fn sections(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, s: &SchoolSummary) {
    let Some(plan) = ctx.data.plan.as_ref() else {
        return;
    };
    ui.heading(ctx.tr("schools-dashboard-sections"));
    if s.total == 0 {
        ui.label(RichText::new(ctx.tr("schools-dashboard-not-concerned")).weak());
        return;
    }
    let narrow = ui.available_width() < 420.0;
    let title_width = (ui.available_width() - 230.0).max(120.0);
    for (section, count) in plan.sections.iter().zip(&s.by_section) {
        if count.total == 0 {
            continue;
        }
        let title = format!("{} {}", section.number.trim(), section.title.trim());
        let mut text = format!("{} / {}", count.done, count.total);
        if count.overdue > 0 {
            text.push_str(" · ");
            text.push_str(
                &ctx.i18n
                    .count("schools-dashboard-section-overdue", count.overdue as usize),
            );
        }
        // Filled to the share of the whole period, coloured by how it keeps to the dates.
        let (share, color) = (count.share(), bar_color(count.due_share()));
        if narrow {
            // A narrow column (a small window, 150 %): the title on its line, the bar and counts under it.
            ui.add(egui::Label::new(RichText::new(&title).small()).truncate())
                .on_hover_text(&title);
            share_bar(ui, share, color, 80.0, &text);
            continue;
        }
        ui.horizontal(|ui| {
            ui.add_sized(
                [title_width, 16.0],
                egui::Label::new(RichText::new(&title).small()).truncate(),
            )
            .on_hover_text(&title);
            share_bar(ui, share, color, 80.0, &text);
        });
    }
}

/// A short list of items; returns the key of one clicked.
fn item_list(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    items: &[SchoolItem],
    shown: &[usize],
    none_key: &str,
) -> Option<crate::stats::ProgressKey> {
    let plan = ctx.data.plan.as_ref()?;
    if shown.is_empty() {
        ui.label(RichText::new(ctx.tr(none_key)).weak());
        return None;
    }
    let mut clicked = None;
    for &i in shown.iter().take(LIST_LIMIT) {
        let item = &items[i];
        let m = &plan.sections[item.occurrence.section].measures[item.occurrence.measure];
        let text = format!(
            "{} · {} {}",
            format::due(ctx, item.occurrence.due),
            m.number.trim(),
            format::short(&m.title, 120),
        );
        let color = if item.overdue {
            style::ERROR
        } else {
            ui.visuals().text_color()
        };
        if ui
            .add(
                egui::Label::new(RichText::new(text).color(color))
                    .truncate()
                    .sense(egui::Sense::click()),
            )
            .on_hover_text(&m.title)
            .clicked()
        {
            clicked = Some(item.key());
        }
    }
    if shown.len() > LIST_LIMIT {
        ui.label(
            RichText::new(
                ctx.i18n
                    .count("schools-dashboard-more", shown.len() - LIST_LIMIT),
            )
            .weak(),
        );
    }
    clicked
}
