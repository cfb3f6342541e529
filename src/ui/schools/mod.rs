//! Школы: the school registry, one school's dashboard, criteria and school plan, the district overview.
//!
//! The screen is a list of schools on the left and tabs on the right (see `SchoolTab`). Views read the
//! registry (`AppData::schools`) and the school snapshot (`AppData::progress_and_criteria`: progress records, criteria,
//! indicator values) and push `SchoolCommand`s. Two widgets are public for other screens:
//! [`progress_editor::ProgressEditor`] (progress of a school or of a measure) and
//! [`scope_editor::ScopeEditor`] (which schools a measure concerns).

mod badges;
mod bars;
mod card;
mod charts;
mod criteria_set;
mod criteria_values;
mod dashboard;
mod format;
mod heatmap;
mod list;
mod overview;
pub mod progress_editor;
mod school_plan;
pub mod scope_editor;

use egui::{Panel, RichText};

use super::ViewCtx;
use super::choices::choice_buttons;
use crate::app::{Command, SchoolCommand, SchoolTab};
use crate::model::School;

pub use badges::{category_badges, category_color};

/// The Школы screen and the state its parts keep between frames.
#[derive(Default)]
pub struct SchoolsView {
    list: list::SchoolList,
    card: card::CardEditor,
    dashboard: dashboard::DashboardView,
    overview: overview::OverviewView,
    criteria: criteria_values::CriteriaValuesView,
    criteria_set: criteria_set::CriteriaSetEditor,
    school_plan: school_plan::SchoolPlanBuilder,
}

impl SchoolsView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        // At most a third of the window, so a small screen or 150 % leaves the overview its room.
        let most = (ui.available_width() / 3.0).max(220.0);
        Panel::left("schools_list")
            .resizable(true)
            .default_size(ctx.ui_state.schools.list_width.min(most))
            .min_size(220.0)
            .max_size(most)
            .show(ui, |ui| self.list.ui(ui, ctx));
        egui::CentralPanel::default().show(ui, |ui| {
            tabs(ui, ctx);
            ui.separator();
            if let Some(plan) = &ctx.data.plan
                && !ctx
                    .data
                    .progress_and_criteria
                    .ready_for(plan.id, ctx.data.schools.len())
            {
                // The records are being read off the UI thread.
                ui.add_space(24.0);
                ui.label(RichText::new(ctx.tr("schools-progress-loading")).weak());
                return;
            }
            let tab = ctx.ui_state.schools.tab;
            if tab == SchoolTab::Overview {
                self.overview.ui(ui, ctx);
                return;
            }
            if tab == SchoolTab::CriteriaSet {
                self.criteria_set.ui(ui, ctx);
                return;
            }
            let Some(school) = selected_school(ctx).cloned() else {
                ui.add_space(24.0);
                ui.label(RichText::new(ctx.tr("schools-pick-school")).weak());
                return;
            };
            match tab {
                SchoolTab::Dashboard => self.dashboard.ui(ui, ctx, &school),
                SchoolTab::Card => self.card.ui(ui, ctx, &school),
                SchoolTab::Criteria => self.criteria.ui(ui, ctx, &school),
                SchoolTab::SchoolPlan => self.school_plan.ui(ui, ctx, &school),
                SchoolTab::Overview | SchoolTab::CriteriaSet => {}
            }
        });
    }
}

/// The school selected on the screen, if it is still in the registry.
fn selected_school<'a>(ctx: &'a ViewCtx<'_>) -> Option<&'a School> {
    let id = ctx.ui_state.schools.selected?;
    ctx.data.schools.iter().find(|s| s.id == id)
}

fn tabs(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    ui.horizontal_wrapped(|ui| {
        let tabs = [
            (SchoolTab::Overview, "schools-tab-overview"),
            (SchoolTab::Dashboard, "schools-tab-dashboard"),
            (SchoolTab::Card, "schools-tab-card"),
            (SchoolTab::Criteria, "schools-tab-criteria"),
            (SchoolTab::SchoolPlan, "schools-tab-school-plan"),
            (SchoolTab::CriteriaSet, "schools-tab-criteria-set"),
        ];
        let tabs = tabs.map(|(tab, key)| (tab, ctx.tr(key)));
        if let Some(tab) = choice_buttons(ui, ctx.ui_state.schools.tab, tabs, false) {
            ctx.ui_state.schools.tab = tab;
        }
        ui.separator();
        let school = selected_school(ctx).map(|s| s.id);
        let (key, target) = match ctx.ui_state.schools.tab {
            SchoolTab::Overview | SchoolTab::CriteriaSet => {
                ("schools-action-report-district", None)
            }
            _ => ("schools-action-report-school", school),
        };
        if ui
            .button(ctx.tr(key))
            .on_hover_text(ctx.tr("schools-hint-report"))
            .clicked()
        {
            ctx.push(Command::School(SchoolCommand::PickAndSaveReport {
                school: target,
            }));
        }
    });
}
