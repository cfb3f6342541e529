//! The frame around the screens: the top bar, the status bar and the toasts.

use crate::app::SystemCommand;
use egui::{Panel, RichText};

use super::actions::{self, ActionId, ActionSpec};
use super::choices::choice_buttons;
use super::{ViewCtx, style};
use crate::app::{Command, Screen, Toast, ToastKind};
use crate::i18n::{Arg, Language};

/// Narrower than this (in points: a small screen at 150 %), the top bar drops the program's name and the
/// words of undo and redo.
const NARROW: f32 = 800.0;

/// The top bar. Returns true when the plan's passport (header editor) was asked for.
pub fn top_bar(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) -> bool {
    let mut plan_header = false;
    Panel::top("top_bar").show(ui, |ui| {
        let width_id = egui::Id::unique("top_bar_right_width");
        let mut right_width: f32 = ui.ctx().data(|d| d.get_temp(width_id)).unwrap_or(0.0);
        let mut two_rows = false;
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if ui.ctx().content_rect().width() >= NARROW {
                ui.label(
                    RichText::new(ctx.tr("app-title"))
                        .strong()
                        .color(style::ACCENT),
                );
                ui.separator();
            }
            let has_plan = ctx.data.plan.is_some();
            for screen in Screen::ALL {
                // Without a plan there is still something to do on Обмен (import, restore a backup);
                // Мероприятия then shows the welcome page.
                let usable = has_plan || matches!(screen, Screen::Measures | Screen::Exchange);
                let selected = usable && ctx.ui_state.screen == screen;
                let response = ui.add_enabled(
                    usable,
                    egui::Button::selectable(selected, ctx.tr(screen.label_key())),
                );
                if response.clicked() {
                    ctx.push(Command::System(SystemCommand::ShowScreen(screen)));
                }
            }
            ui.separator();
            if ctx.data.plan.is_some() {
                plan_header = ui
                    .button(ctx.tr("plan-header-open"))
                    .on_hover_text(ctx.tr("plan-header-open-hint"))
                    .clicked();
            }
            plan_selector(ui, ctx, right_width);
            // A narrow window (or a large font scale) puts the right-hand buttons on a row of their own
            // instead of drawing them over the plan selector.
            two_rows = ui.available_width() < right_width;
            if !two_rows {
                right_width = right_buttons(ui, ctx);
            }
        });
        if two_rows {
            ui.horizontal(|ui| right_width = right_buttons(ui, ctx));
        }
        ui.ctx().data_mut(|d| d.insert_temp(width_id, right_width));
        ui.add_space(2.0);
    });
    plan_header
}

fn plan_selector(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, right_width: f32) {
    if ctx.data.plans.is_empty() {
        return;
    }
    let current = ctx.data.plan.as_ref();
    let label = |plan: &crate::model::PlanSummary| {
        super::plan_label::plan_label(ctx.i18n, plan, &ctx.data.schools, 60)
    };
    let text = current
        .and_then(|c| ctx.data.plans.iter().find(|p| p.id == c.id))
        .map(label)
        .unwrap_or_default();
    let mut chosen = None;
    // Leave room for undo/redo, help, settings and the language switch on the right (`right_width`, last
    // frame's); when they go to a row of their own, take what the row has, down to a small box. The combo
    // box grows with its text, so it is drawn in a box of that width and a long title is cut to fit.
    let avail = ui.available_width();
    let width = if avail - 160.0 >= right_width {
        (avail - right_width - 12.0).clamp(160.0, 520.0)
    } else {
        (avail - 8.0).clamp(80.0, 520.0)
    };
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    ui.allocate_ui(size, |ui| {
        egui::ComboBox::from_id_salt("plan_selector")
            .selected_text(text)
            .truncate()
            .width(width)
            .show_ui(ui, |ui| {
                for plan in &ctx.data.plans {
                    let label = label(plan);
                    let selected = current.is_some_and(|c| c.id == plan.id);
                    if ui.selectable_label(selected, label).clicked() && !selected {
                        chosen = Some(plan.id);
                    }
                }
            })
            .response
            .on_hover_text(ctx.tr("hint-plan-selector"));
    });
    if let Some(id) = chosen {
        ctx.push(Command::OpenPlan(id));
    }
}

/// Undo, redo, help, settings and the language switch, right-aligned. Returns the width they took.
fn right_buttons(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) -> f32 {
    let inner = ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        language_switch(ui, ctx);
        ui.separator();
        window_buttons(ui, ctx);
        ui.separator();
        // In a very narrow window (a small screen at 150 %) undo and redo keep only their arrows.
        let narrow = ui.ctx().content_rect().width() < NARROW;
        let i18n = ctx.i18n;
        let label = |key: &str| {
            let text = i18n.tr(key);
            match text.split_once(' ') {
                Some((icon, _)) if narrow => icon.to_owned(),
                _ => text,
            }
        };
        let hint = |spec: &ActionSpec| spec.hint.map(|h| i18n.tr(h)).unwrap_or_default();
        for (id, enabled, command) in [
            (ActionId::Redo, ctx.data.can_redo, Command::Redo),
            (ActionId::Undo, ctx.data.can_undo, Command::Undo),
        ] {
            let spec = actions::action(id);
            let button = ui
                .add_enabled(enabled, egui::Button::new(label(spec.name)))
                .accessible_name(i18n.tr(spec.name))
                .on_hover_text(hint(spec));
            if button.clicked() {
                ctx.push(command);
            }
        }
    });
    inner.response.rect.width()
}

/// Справка and Настройки (right-to-left: added in reverse). О программе is opened from the help window.
fn window_buttons(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let windows = &mut ctx.ui_state.windows;
    for (id, open) in [
        (ActionId::Settings, &mut windows.settings),
        (ActionId::Help, &mut windows.help),
    ] {
        let spec = actions::action(id);
        let hint = spec.hint.map(|h| ctx.i18n.tr(h)).unwrap_or_default();
        let response = ui
            .add(egui::Button::selectable(*open, ctx.i18n.tr(spec.name)))
            .on_hover_text(hint);
        if response.clicked() {
            *open = !*open;
        }
    }
}

fn language_switch(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    // Right-to-left layout: add in reverse so the languages read in order.
    let choices = Language::ALL
        .into_iter()
        .rev()
        .map(|l| (l, l.native_name()));
    if let Some(language) = choice_buttons(ui, ctx.i18n.language(), choices, false) {
        ctx.push(Command::System(SystemCommand::SetLanguage(language)));
    }
}

pub fn status_bar(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some(plan) = &ctx.data.plan {
                let measures = plan.measure_count();
                ui.label(ctx.i18n.count("sections-count", plan.sections.len()));
                ui.label("·");
                ui.label(ctx.i18n.count("measures-count", measures));
                ui.separator();
            }
            ui.label(ctx.i18n.tr_args(
                "status-today",
                &[("date", Arg::Str(&crate::ui::date_field::format(ctx.today)))],
            ));
            if let Some(job) = &ctx.data.job {
                job_progress(ui, ctx, job);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let path = ctx
                    .store_path
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| ctx.tr("status-in-memory"));
                ui.label(RichText::new(path).small())
                    .on_hover_text(ctx.tr("hint-database"));
                if ctx.data.read_only {
                    ui.label(RichText::new(ctx.tr("status-read-only")).small().strong())
                        .on_hover_text(ctx.tr("hint-read-only"));
                } else {
                    ui.label(
                        RichText::new(ctx.tr("status-saved"))
                            .small()
                            .color(style::OK),
                    );
                }
            });
        });
    });
}

/// The running job: its title, a bar with counts, and «Отмена».
fn job_progress(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, job: &crate::app::jobs::JobStatus) {
    ui.separator();
    ui.label(&job.title);
    let share = if job.total > 0 {
        job.done as f32 / job.total as f32
    } else {
        0.0
    };
    let counts = ctx.i18n.tr_args(
        "job-progress",
        &[
            ("done", Arg::Num(job.done as f64)),
            ("total", Arg::Num(job.total as f64)),
        ],
    );
    ui.add(
        egui::ProgressBar::new(share)
            .desired_width(140.0)
            .text(counts),
    );
    if ui
        .button(ctx.tr("job-cancel"))
        .on_hover_text(ctx.tr("job-hint-cancel"))
        .clicked()
    {
        ctx.push(Command::System(SystemCommand::CancelJob));
    }
}

/// Draws the toasts in the bottom-right corner. Returns the index of one the user closed.
pub fn toasts(ui: &mut egui::Ui, toasts: &[Toast]) -> Option<usize> {
    if toasts.is_empty() {
        return None;
    }
    let mut closed = None;
    egui::Area::new(egui::Id::unique("toasts"))
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -40.0))
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            ui.set_max_width(420.0);
            for (i, toast) in toasts.iter().enumerate() {
                let (fill, text) = match toast.kind {
                    ToastKind::Info => (egui::Color32::from_rgb(0xe8, 0xf4, 0xec), style::OK),
                    ToastKind::Error => (egui::Color32::from_rgb(0xfb, 0xea, 0xea), style::ERROR),
                    ToastKind::Warning => (
                        egui::Color32::from_rgb(0xfd, 0xf3, 0xdc),
                        egui::Color32::from_rgb(0x8a, 0x5a, 0x00),
                    ),
                };
                egui::Frame::popup(ui.style()).fill(fill).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.add(egui::Label::new(RichText::new(&toast.text).color(text)).wrap());
                        if ui.small_button("×").on_hover_text("Закрыть").clicked() {
                            closed = Some(i);
                        }
                    });
                });
                ui.add_space(6.0);
            }
        });
    closed
}
