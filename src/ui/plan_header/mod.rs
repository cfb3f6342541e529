//! Паспорт плана: the plan's header — title, issuer, approving order, level, owner school, period, goal,
//! tasks and target indicators — edited in a window. Saving checks the form and pushes one
//! `Command::EditPlanHeader` (the runner re-derives due dates when the period changes and records undo);
//! a form that does not check out shows why, inline, and saves nothing.

mod draft;
mod lists;

use egui::RichText;

use super::{ViewCtx, date_field, style};
use crate::app::Command;
use crate::model::{Id, Plan, PlanLevel};
use draft::Draft;

/// The window and its form. The form is a copy of the header taken when the window opens; it follows
/// later changes of the data (an undo, say) until the user edits it.
#[derive(Default)]
pub struct PlanHeaderView {
    open: bool,
    /// The plan and data version the form was last synced with.
    synced: Option<(Id, u64)>,
    /// The header as the data had it at the last sync, to tell an edited form from an untouched one.
    original: Option<Draft>,
    draft: Option<Draft>,
    error: Option<crate::ui::form_error::FormError>,
}

/// What the buttons under the form asked for.
enum Action {
    Save,
    Cancel,
}

impl PlanHeaderView {
    /// Opens the window on the current header.
    pub fn open(&mut self) {
        *self = Self {
            open: true,
            ..Self::default()
        };
    }

    pub fn ui(&mut self, egui_ctx: &egui::Context, ctx: &mut ViewCtx<'_>) {
        if !self.open {
            return;
        }
        let data = ctx.data;
        let Some(plan) = data.plan.as_ref() else {
            self.open = false;
            return;
        };
        self.sync(plan, ctx);
        let mut open = true;
        let mut action = None;
        egui::Window::new(ctx.tr("plan-header-title"))
            .id(egui::Id::unique("plan_header_window"))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_size([860.0, 640.0])
            .max_height((egui_ctx.content_rect().height() - 80.0).max(320.0))
            .show(egui_ctx, |ui| action = self.form(ui, plan, ctx));
        let close = match action {
            Some(Action::Save) => self.save(plan, ctx),
            Some(Action::Cancel) => true,
            None => false,
        };
        self.open = open && !close;
    }

    /// Takes the header from the data when the window opens, when another plan is shown, or when the data
    /// changed under a form the user has not touched.
    fn sync(&mut self, plan: &Plan, ctx: &ViewCtx<'_>) {
        let key = (plan.id, ctx.data.version);
        if self.synced == Some(key) {
            return;
        }
        let fresh = Draft::of(plan, ctx.i18n);
        let same_plan = self.synced.is_some_and(|(id, _)| id == plan.id);
        let edited = self.original.is_some() && self.original != self.draft;
        if !same_plan || !edited {
            self.draft = Some(fresh.clone());
            self.error = None;
        }
        self.original = Some(fresh);
        self.synced = Some(key);
    }

    /// Checks the form and pushes the command; false (with the message shown) when it does not check out.
    fn save(&mut self, plan: &Plan, ctx: &mut ViewCtx<'_>) -> bool {
        let Some(draft) = &self.draft else {
            return false;
        };
        match draft.to_header(plan) {
            Ok(header) => {
                self.error = None;
                if header != plan.header() {
                    ctx.push(Command::EditPlanHeader(Box::new(header)));
                }
                true
            }
            Err(message) => {
                self.error = Some(message);
                false
            }
        }
    }

    fn form(&mut self, ui: &mut egui::Ui, plan: &Plan, ctx: &ViewCtx<'_>) -> Option<Action> {
        let draft = self.draft.as_mut()?;
        let i18n = ctx.i18n;
        // The form scrolls; the message and the buttons stay in view under it.
        let footer = if self.error.is_some() { 72.0 } else { 44.0 };
        egui::ScrollArea::vertical()
            .max_height((ui.available_height() - footer).max(160.0))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                main_fields(ui, draft, ctx);
                ui.add_space(8.0);
                ui.strong(i18n.tr("plan-header-tasks"));
                lists::tasks(ui, &mut draft.tasks, i18n);
                ui.add_space(8.0);
                ui.strong(i18n.tr("plan-header-indicators"));
                let years = draft.target_years(plan.period);
                let period = draft.period().unwrap_or(plan.period);
                lists::indicators(ui, &mut draft.indicators, &years, period, i18n);
            });
        ui.separator();
        if let Some(error) = &self.error {
            let error = crate::i18n::Localize::message(error, i18n);
            ui.label(RichText::new(error).color(style::ERROR));
        }
        let mut action = None;
        ui.horizontal(|ui| {
            if ui.button(i18n.tr("plan-header-save")).clicked() {
                action = Some(Action::Save);
            }
            if ui.button(i18n.tr("plan-header-cancel")).clicked() {
                action = Some(Action::Cancel);
            }
        });
        action
    }
}

/// Title, issuer, order, level, owner school, period and goal, in a two-column grid.
fn main_fields(ui: &mut egui::Ui, draft: &mut Draft, ctx: &ViewCtx<'_>) {
    let i18n = ctx.i18n;
    egui::Grid::new("plan_header_fields")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let text_row = |ui: &mut egui::Ui, key: &str, text: &mut String, rows: usize| {
                let label = ui.label(i18n.tr(key));
                let edit = if rows > 1 {
                    egui::TextEdit::multiline(text).desired_rows(rows)
                } else {
                    egui::TextEdit::singleline(text)
                };
                ui.add(edit.desired_width(560.0)).labelled_by(label.id);
                ui.end_row();
            };
            text_row(ui, "plan-header-field-title", &mut draft.title, 2);
            text_row(ui, "plan-header-issuer", &mut draft.issuer, 2);
            text_row(ui, "plan-header-approval", &mut draft.approval, 1);

            ui.label(i18n.tr("plan-header-level"));
            ui.horizontal(|ui| {
                for (level, key) in [
                    (PlanLevel::Region, "plan-level-region"),
                    (PlanLevel::District, "plan-level-district"),
                    (PlanLevel::School, "plan-level-school"),
                ] {
                    ui.radio_value(&mut draft.level, level, i18n.tr(key));
                }
            });
            ui.end_row();
            if draft.level == PlanLevel::School {
                let label = ui.label(i18n.tr("plan-header-owner-school"));
                owner_school(ui, draft, ctx).labelled_by(label.id);
                ui.end_row();
            }

            let from = ui.label(i18n.tr("plan-header-period-from"));
            date_field::date_field(ui, &mut draft.from, i18n, ctx.today, "period_from")
                .labelled_by(from.id);
            ui.end_row();
            let to = ui.label(i18n.tr("plan-header-period-to"));
            date_field::date_field(ui, &mut draft.to, i18n, ctx.today, "period_to")
                .labelled_by(to.id);
            ui.end_row();

            text_row(ui, "plan-header-goal", &mut draft.goal, 3);
        });
}

/// The school a school plan belongs to, chosen from the registry.
fn owner_school(ui: &mut egui::Ui, draft: &mut Draft, ctx: &ViewCtx<'_>) -> egui::Response {
    let schools = &ctx.data.schools;
    let name = |id: Option<Id>| {
        id.and_then(|id| schools.iter().find(|s| s.id == id))
            .map(|s| {
                if s.short_name.is_empty() {
                    s.name.clone()
                } else {
                    s.short_name.clone()
                }
            })
            .unwrap_or_else(|| ctx.tr("plan-header-owner-none"))
    };
    egui::ComboBox::from_id_salt("plan_owner_school")
        .selected_text(name(draft.owner_school))
        .width(360.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(
                &mut draft.owner_school,
                None,
                ctx.tr("plan-header-owner-none"),
            );
            for school in schools {
                ui.selectable_value(&mut draft.owner_school, Some(school.id), &school.name);
            }
        })
        .response
}
