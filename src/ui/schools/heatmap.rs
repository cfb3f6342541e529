//! The schools × sections heat map: one row a school, one cell a section, coloured by the share done of what
//! is due by today (red → amber → green; pale blue when nothing is due yet, grey where the section does not
//! concern the school; a dot marks overdue items). Rows are virtualized.

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

use crate::model::{Id, Plan};
use crate::stats::{SchoolSummary, SectionCount};
use crate::ui::ViewCtx;

/// A section with nothing due yet.
const NOTHING_DUE: Color32 = Color32::from_rgb(0xc9, 0xd6, 0xe6);
/// The dot of a section with overdue items.
const OVERDUE_DOT: Color32 = Color32::from_rgb(0x7a, 0x10, 0x10);

/// A section none of whose measures concern the school: a quiet grey of the theme.
fn not_concerned(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_gray(70)
    } else {
        Color32::from_gray(230)
    }
}

/// The colour of a share done, 0..=1, between red, amber and green.
pub fn heat_color(share: f32) -> Color32 {
    let lerp =
        |a: u8, b: u8, t: f32| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    let (from, to, t) = if share < 0.5 {
        ((0xd9, 0x4f, 0x4f), (0xf0, 0xb4, 0x3c), share * 2.0)
    } else {
        ((0xf0, 0xb4, 0x3c), (0x3f, 0xa3, 0x5f), (share - 0.5) * 2.0)
    };
    Color32::from_rgb(
        lerp(from.0, to.0, t),
        lerp(from.1, to.1, t),
        lerp(from.2, to.2, t),
    )
}

fn cell_text(ctx: &ViewCtx<'_>, number: &str, title: &str, c: &SectionCount) -> String {
    format!(
        "{number} {title}\n{}: {} / {}\n{}: {}\n{}: {}",
        ctx.tr("schools-heat-done"),
        c.done,
        c.due,
        ctx.tr("schools-heat-total"),
        c.total,
        ctx.tr("schools-heat-overdue"),
        c.overdue
    )
}

/// Draws the heat map of `summaries` (registry order) in `order`; returns the school clicked.
pub fn ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    plan: &Plan,
    summaries: &[SchoolSummary],
    order: &[usize],
) -> Option<Id> {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let sections = plan.sections.len();
    // Cells share the width left beside the names (the table's spacing counted), within reason.
    let gap = ui.spacing().item_spacing.x;
    let columns = sections.max(1) as f32;
    let cell = ((ui.available_width() - NAME_WIDTH - 40.0 - gap * (columns + 1.0)) / columns)
        .clamp(28.0, 72.0);
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(ctx.tr("schools-heat-legend")).small());
        for share in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, heat_color(share));
            ui.label(RichText::new(format!("{}%", (share * 100.0) as i32)).small());
        }
        let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 2.0, NOTHING_DUE);
        ui.label(RichText::new(ctx.tr("schools-heat-nothing-due")).small());
        let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 2.0, not_concerned(ui));
        ui.label(RichText::new(ctx.tr("schools-heat-not-concerned")).small());
        let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter().circle_filled(rect.center(), 2.5, OVERDUE_DOT);
        ui.label(RichText::new(ctx.tr("schools-heat-overdue-dot")).small());
    });
    // Too many sections for the window (a large scale, a small screen): the map scrolls sideways.
    let needed = NAME_WIDTH + (cell + gap) * columns + gap + ui.spacing().scroll.allocated_width();
    if needed > ui.available_width() {
        egui::ScrollArea::horizontal()
            .id_salt("heat_map_sideways")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_width(needed);
                clicked = table(ui, ctx, plan, summaries, order, (cell, row_height));
            });
    } else {
        clicked = table(ui, ctx, plan, summaries, order, (cell, row_height));
    }
    clicked
}

/// The width of the schools' names column.
const NAME_WIDTH: f32 = 240.0;

/// The map itself: a row per school, a cell per section.
fn table(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    plan: &Plan,
    summaries: &[SchoolSummary],
    order: &[usize],
    (cell, row_height): (f32, f32),
) -> Option<Id> {
    let sections = plan.sections.len();
    let mut clicked = None;
    TableBuilder::new(ui)
        .id_salt("heat_map")
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(NAME_WIDTH).at_least(140.0).clip(true))
        .columns(Column::exact(cell), sections)
        .column(Column::remainder())
        .header(row_height, |mut header| {
            header.col(|ui| {
                ui.strong(ctx.tr("schools-overview-col-school"));
            });
            for (i, section) in plan.sections.iter().enumerate() {
                header.col(|ui| {
                    let number = if section.number.trim().is_empty() {
                        (i + 1).to_string()
                    } else {
                        section.number.trim().trim_end_matches('.').to_owned()
                    };
                    ui.strong(number).on_hover_text(&section.title);
                });
            }
            header.col(|_| {});
        })
        .body(|body| {
            body.rows(row_height, order.len(), |mut row| {
                let i = order[row.index()];
                let school = &ctx.data.schools[i];
                let summary = &summaries[i];
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(school.display_name())
                            .truncate()
                            .selectable(false),
                    );
                });
                for (section, count) in plan.sections.iter().zip(&summary.by_section) {
                    row.col(|ui| {
                        let rect = ui.max_rect().shrink(1.5);
                        let response = ui.allocate_rect(rect, egui::Sense::hover());
                        if count.total == 0 {
                            ui.painter().rect_filled(rect, 2.0, not_concerned(ui));
                            response.on_hover_text(format!(
                                "{} {} — {}",
                                section.number,
                                section.title,
                                ctx.tr("schools-heat-not-concerned")
                            ));
                        } else {
                            let fill = if count.due == 0 {
                                NOTHING_DUE
                            } else {
                                heat_color(count.due_share())
                            };
                            ui.painter().rect_filled(rect, 2.0, fill);
                            if count.overdue > 0 {
                                ui.painter().circle_filled(
                                    rect.right_top() + egui::vec2(-5.0, 5.0),
                                    2.5,
                                    OVERDUE_DOT,
                                );
                            }
                            response.on_hover_ui(|ui| {
                                ui.label(cell_text(ctx, &section.number, &section.title, count));
                            });
                        }
                    });
                }
                row.col(|_| {});
                if row.response().clicked() {
                    clicked = Some(school.id);
                }
            });
        });
    clicked
}
