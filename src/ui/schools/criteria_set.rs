//! The criteria lists and thresholds, edited as data: a draft of the whole set, saved in one undoable change
//! (or returned to the shipped defaults).

use egui::RichText;

use super::badges::category_key;
use crate::app::{Command, SchoolCommand};
use crate::i18n::Localize;
use crate::model::{CriteriaGroup, CriteriaSet, Criterion, CriterionKind};
use crate::ui::{ViewCtx, style};

/// The widest and narrowest a criterion's text field gets, and the room its row's other controls take
/// (kind menu, threshold, regional value, points, delete).
const TEXT_WIDTH: f32 = 380.0;
const MIN_TEXT_WIDTH: f32 = 160.0;
const ROW_CONTROLS: f32 = 520.0;

fn kind_key(kind: CriterionKind) -> &'static str {
    match kind {
        CriterionKind::PercentBelow => "schools-criterion-kind-percent-below",
        CriterionKind::PercentAbove => "schools-criterion-kind-percent-above",
        CriterionKind::ValueBelow => "schools-criterion-kind-value-below",
        CriterionKind::ValueAbove => "schools-criterion-kind-value-above",
        CriterionKind::BelowRegionalBy => "schools-criterion-kind-below-regional",
        CriterionKind::Present => "schools-criterion-kind-present",
    }
}

#[derive(Default)]
pub struct CriteriaSetEditor {
    draft: Option<CriteriaSet>,
    synced: Option<u64>,
}

impl CriteriaSetEditor {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let stored = &ctx.data.progress_and_criteria.criteria;
        let dirty = self.draft.as_ref().is_some_and(|d| d != stored);
        if self.draft.is_none() || (self.synced != Some(ctx.data.version) && !dirty) {
            self.draft = Some(stored.clone());
            self.synced = Some(ctx.data.version);
        }
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        ui.heading(ctx.tr("schools-criteria-set-heading"));
        ui.label(RichText::new(ctx.tr("schools-criteria-set-intro")).weak());
        ui.horizontal(|ui| save_buttons(ui, ctx, draft, dirty));
        for problem in draft.problems() {
            ui.colored_label(style::ERROR, problem.message(ctx.i18n));
        }
        ui.separator();
        // Sideways too: at 150 % a row can still be wider than the screen; it scrolls instead of being cut.
        egui::ScrollArea::both()
            .id_salt("criteria_set")
            .show(ui, |ui| {
                // Measured outside the grid (a grid cell only knows last frame's column): the criterion
                // text takes what the other columns leave.
                let text_width =
                    (ui.available_width() - ROW_CONTROLS).clamp(MIN_TEXT_WIDTH, TEXT_WIDTH);
                let groups = draft.groups.clone();
                for (gi, group) in groups.iter().enumerate() {
                    ui.add_space(6.0);
                    ui.horizontal_wrapped(|ui| {
                        group_header(ui, ctx, &mut draft.groups[gi], text_width)
                    });
                    let mut remove = None;
                    egui::Grid::new(("criteria_set_grid", &group.id))
                        .num_columns(6)
                        .spacing([8.0, 4.0])
                        .striped(true)
                        .show(ui, |ui| {
                            for (ci, c) in draft.criteria.iter_mut().enumerate() {
                                if c.group == group.id && criterion_row(ui, ctx, ci, c, text_width)
                                {
                                    remove = Some(ci);
                                }
                            }
                        });
                    if let Some(ci) = remove {
                        draft.criteria.remove(ci);
                    }
                    if ui.button(ctx.tr("schools-action-add-criterion")).clicked() {
                        add_criterion(draft, group, ctx.tr("schools-new-criterion-text"));
                    }
                }
            });
    }
}

/// Save the draft, drop it, or return to the shipped defaults.
fn save_buttons(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, draft: &mut CriteriaSet, dirty: bool) {
    if ui
        .add_enabled(
            dirty,
            egui::Button::new(ctx.tr("schools-action-save-criteria")),
        )
        .clicked()
    {
        ctx.push(Command::School(SchoolCommand::SaveCriteriaSet(Box::new(
            draft.clone(),
        ))));
    }
    if ui
        .add_enabled(
            dirty,
            egui::Button::new(ctx.tr("schools-action-discard-criteria")),
        )
        .clicked()
    {
        *draft = ctx.data.progress_and_criteria.criteria.clone();
    }
    if ui
        .add_enabled(
            ctx.data.progress_and_criteria.criteria_stored.is_some(),
            egui::Button::new(ctx.tr("schools-action-reset-criteria")),
        )
        .on_hover_text(ctx.tr("schools-hint-reset-criteria"))
        .clicked()
    {
        ctx.push(Command::School(SchoolCommand::ResetCriteriaSet));
    }
}

/// A group's title, its category and the points it needs.
fn group_header(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, group: &mut CriteriaGroup, text_width: f32) {
    let label = ui.label(ctx.tr("schools-criteria-group-title"));
    ui.add(egui::TextEdit::singleline(&mut group.title).desired_width(text_width))
        .labelled_by(label.id);
    ui.label(format!("· {}", ctx.tr(category_key(group.category))));
    let label = ui.label(ctx.tr("schools-criteria-min-points"));
    ui.add(egui::DragValue::new(&mut group.min_points).range(0..=50))
        .labelled_by(label.id);
}

/// One criterion's row: text, kind, threshold, regional value, points, delete. True when it is to be
/// deleted.
fn criterion_row(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    ci: usize,
    c: &mut Criterion,
    text_width: f32,
) -> bool {
    let height = ui.spacing().interact_size.y;
    ui.add_sized(
        [text_width, height],
        egui::TextEdit::singleline(&mut c.text),
    )
    .on_hover_text(ctx.tr("schools-criteria-text"));
    egui::ComboBox::from_id_salt(("criterion_kind", ci))
        .selected_text(ctx.tr(kind_key(c.kind)))
        .width(190.0)
        .show_ui(ui, |ui| {
            for k in CriterionKind::ALL {
                ui.selectable_value(&mut c.kind, k, ctx.tr(kind_key(k)));
            }
        })
        .response
        .on_hover_text(ctx.tr("schools-criteria-kind"));
    if c.kind.has_threshold() {
        ui.add(
            egui::DragValue::new(&mut c.threshold)
                .speed(0.1)
                .max_decimals(2),
        )
        .on_hover_text(ctx.tr("schools-criteria-threshold"));
    } else {
        ui.label("");
    }
    if c.kind == CriterionKind::BelowRegionalBy {
        ui.horizontal(|ui| {
            let mut known = c.regional.is_some();
            if ui
                .checkbox(&mut known, ctx.tr("schools-criteria-regional-short"))
                .changed()
            {
                c.regional = known.then_some(0.0);
            }
            if let Some(r) = c.regional.as_mut() {
                ui.add(egui::DragValue::new(r).speed(0.1).max_decimals(2))
                    .on_hover_text(ctx.tr("schools-criteria-regional-value"));
            }
        });
    } else {
        ui.label("");
    }
    ui.add(
        egui::DragValue::new(&mut c.points)
            .range(0..=10)
            .suffix(" б."),
    )
    .on_hover_text(ctx.tr("schools-criteria-points"));
    let remove = ui
        .small_button("🗑")
        .on_hover_text(ctx.tr("schools-action-delete-criterion"))
        .clicked();
    ui.end_row();
    remove
}

/// A new criterion at the end of `group`'s, with a fresh id under the group's key.
fn add_criterion(draft: &mut CriteriaSet, group: &CriteriaGroup, text: String) {
    let id = format!(
        "{}.{}",
        group.id,
        &crate::model::new_id().simple().to_string()[..8]
    );
    let at = draft
        .criteria
        .iter()
        .rposition(|c| c.group == group.id)
        .map_or(draft.criteria.len(), |i| i + 1);
    draft.criteria.insert(
        at,
        Criterion {
            id,
            group: group.id.clone(),
            text,
            kind: CriterionKind::Present,
            threshold: 0.0,
            regional: None,
            points: 1,
        },
    );
}
