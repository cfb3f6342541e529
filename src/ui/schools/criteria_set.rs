//! The criteria lists and thresholds, edited as data: a draft of the whole set, saved in one undoable change
//! (or returned to the shipped defaults).

use egui::RichText;

use super::badges::category_key;
use crate::app::{Command, SchoolCommand};
use crate::i18n::Localize;
use crate::model::{CriteriaGroup, CriteriaSet, Criterion, CriterionKind};
use crate::ui::{ViewCtx, style};

/// The widest a criterion's text field gets beside its controls, the narrowest before it goes on a line of
/// its own above them, and the room its row's other controls take (kind menu, threshold, regional value,
/// points, delete).
const TEXT_WIDTH: f32 = 380.0;
const MIN_TEXT_WIDTH: f32 = 260.0;
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
        // Sideways only as a last resort: a window narrower than a criterion's controls scrolls instead of
        // cutting them.
        egui::ScrollArea::both()
            .id_salt("criteria_set")
            .show(ui, |ui| {
                // Measured outside the grid (a grid cell only knows last frame's column): the criterion
                // text takes what the other columns leave.
                let room = ui.available_width() - ROW_CONTROLS;
                // Narrow (a small window, 150 %): each criterion's text takes a line of its own, its
                // controls the line below — nothing is cut and nothing scrolls sideways.
                let narrow = room < MIN_TEXT_WIDTH;
                let text_width = if narrow {
                    ui.available_width().min(TEXT_WIDTH * 2.0)
                } else {
                    room.min(TEXT_WIDTH)
                };
                let groups = draft.groups.clone();
                for (gi, group) in groups.iter().enumerate() {
                    ui.add_space(6.0);
                    ui.horizontal_wrapped(|ui| {
                        group_header(ui, ctx, &mut draft.groups[gi], text_width.min(TEXT_WIDTH))
                    });
                    let mut remove = None;
                    let criteria = draft
                        .criteria
                        .iter_mut()
                        .enumerate()
                        .filter(|(_, c)| c.group == group.id);
                    if narrow {
                        for (ci, c) in criteria {
                            ui.separator();
                            criterion_text(ui, ctx, c, text_width);
                            if ui.horizontal(|ui| criterion_controls(ui, ctx, ci, c)).inner {
                                remove = Some(ci);
                            }
                        }
                    } else {
                        egui::Grid::new(("criteria_set_grid", &group.id))
                            .num_columns(6)
                            .spacing([8.0, 4.0])
                            .striped(true)
                            .show(ui, |ui| {
                                for (ci, c) in criteria {
                                    criterion_text(ui, ctx, c, text_width);
                                    if criterion_controls(ui, ctx, ci, c) {
                                        remove = Some(ci);
                                    }
                                    ui.end_row();
                                }
                            });
                    }
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
    // Each label whole and beside its field: when the line has no room for both they start the next.
    let title = labelled(ui, ctx.tr("schools-criteria-group-title"), text_width);
    ui.add(egui::TextEdit::singleline(&mut group.title).desired_width(text_width))
        .labelled_by(title);
    ui.add(egui::Label::new(format!("· {}", ctx.tr(category_key(group.category)))).extend());
    let points = labelled(
        ui,
        ctx.tr("schools-criteria-min-points"),
        ui.spacing().interact_size.x,
    );
    ui.add(egui::DragValue::new(&mut group.min_points).range(0..=50))
        .labelled_by(points);
}

/// A label that its field of `field_width` follows on the same line of a wrapping row: both start the
/// next line when this one has no room for them. Returns the label's id.
fn labelled(ui: &mut egui::Ui, text: String, field_width: f32) -> egui::Id {
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let needed = galley.size().x + 2.0 * ui.spacing().item_spacing.x + field_width;
    if ui.available_size_before_wrap().x < needed {
        ui.end_row();
    }
    ui.add(egui::Label::new(galley)).id
}

/// A criterion's text field: as many lines as its text takes (nothing cut), one paragraph — Enter adds no
/// line, and a pasted line break becomes a space.
fn criterion_text(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, c: &mut Criterion, width: f32) {
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut c.text)
                .desired_rows(1)
                .desired_width(width)
                // A grid cell offers last frame's width: the field keeps its own.
                .min_size(egui::vec2(width, 0.0))
                .return_key(None),
        )
        .on_hover_text(ctx.tr("schools-criteria-text"));
    if response.changed() && c.text.contains(['\n', '\r']) {
        c.text = c.text.replace("\r\n", " ").replace(['\n', '\r'], " ");
    }
}

/// A criterion's controls after its text: kind, threshold, regional value, points, delete (one grid cell
/// each). True when it is to be deleted.
fn criterion_controls(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, ci: usize, c: &mut Criterion) -> bool {
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
    ui.small_button("🗑")
        .on_hover_text(ctx.tr("schools-action-delete-criterion"))
        .clicked()
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
