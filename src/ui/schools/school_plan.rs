//! A school plan built from the open district plan: tick the measures to take (those that concern the school
//! are ticked at first), add the school's own, and create it — a new plan of level "school" owned by the
//! school, whose copied measures keep a link to their source.

use std::collections::HashSet;

use egui::RichText;

use crate::app::{Command, SchoolCommand};
use crate::i18n::Arg;
use crate::model::{Id, PlanLevel, School};
use crate::stats::{concerns, measures_for_school};
use crate::ui::ViewCtx;

#[derive(Default)]
pub struct SchoolPlanBuilder {
    key: Option<(Id, Id)>,
    picked: HashSet<Id>,
    title: String,
    own: String,
}

impl SchoolPlanBuilder {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, school: &School) {
        let Some(plan) = ctx.data.plan.as_ref() else {
            return;
        };
        ui.heading(ctx.tr("schools-plan-heading"));
        if plan.level == PlanLevel::School {
            ui.label(RichText::new(ctx.tr("schools-plan-open-district")).weak());
            return;
        }
        if self.key != Some((plan.id, school.id)) {
            self.key = Some((plan.id, school.id));
            // Only the measures that concern the school are offered (not the office's own), all ticked.
            self.picked = measures_for_school(plan, school).into_iter().collect();
            self.title.clear();
            self.own.clear();
        }
        ui.label(
            RichText::new(ctx.i18n.tr_args(
                "schools-plan-intro",
                &[
                    ("school", Arg::Str(school.display_name())),
                    ("plan", Arg::Str(&plan.title)),
                ],
            ))
            .weak(),
        );
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let label = ui.label(ctx.tr("schools-plan-title"));
            ui.add(
                egui::TextEdit::singleline(&mut self.title)
                    .hint_text(ctx.i18n.tr_args(
                        "schools-plan-default-title",
                        &[("school", Arg::Str(school.display_name()))],
                    ))
                    .desired_width(520.0),
            )
            .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            if ui.button(ctx.tr("schools-action-pick-all")).clicked() {
                self.picked = measures_for_school(plan, school).into_iter().collect();
            }
            if ui.button(ctx.tr("schools-action-pick-none")).clicked() {
                self.picked.clear();
            }
        });
        let own_height = 110.0;
        egui::ScrollArea::vertical()
            .id_salt("school_plan_measures")
            .max_height((ui.available_height() - own_height - 80.0).max(160.0))
            .show(ui, |ui| {
                for section in &plan.sections {
                    let offered: Vec<_> = section
                        .measures
                        .iter()
                        .filter(|m| concerns(plan, m, school))
                        .collect();
                    if offered.is_empty() {
                        continue;
                    }
                    ui.add_space(4.0);
                    ui.strong(format!("{} {}", section.number, section.title));
                    for m in offered {
                        let mut on = self.picked.contains(&m.id);
                        let text = format!("{} {}", m.number, m.title);
                        if ui.checkbox(&mut on, text).changed() {
                            if on {
                                self.picked.insert(m.id);
                            } else {
                                self.picked.remove(&m.id);
                            }
                        }
                    }
                }
            });
        ui.separator();
        let label = ui.label(ctx.tr("schools-plan-own"));
        ui.add(
            egui::TextEdit::multiline(&mut self.own)
                .hint_text(ctx.tr("schools-hint-school-plan-own"))
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        let own: Vec<String> = self
            .own
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        let count = self.picked.len() + own.len();
        if ui
            .add_enabled(
                count > 0,
                egui::Button::new(ctx.i18n.count("schools-action-create-plan", count)),
            )
            .clicked()
        {
            // Document order, not the order of ticking.
            let measures = plan
                .measures()
                .map(|m| m.id)
                .filter(|id| self.picked.contains(id))
                .collect();
            ctx.push(Command::School(SchoolCommand::CreateSchoolPlan {
                school: school.id,
                title: self.title.clone(),
                measures,
                own,
            }));
            self.key = None;
        }
    }
}
