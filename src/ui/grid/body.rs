//! Drawing the grid: a `TableBuilder` with `heterogeneous_rows`, so only the rows on screen are laid out and
//! formatted; their heights come from the height cache.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use egui::text::LayoutJob;
use egui::{Align, Color32, Layout, RichText, Sense, Stroke, StrokeKind, UiBuilder, vec2};
use egui_extras::{Column, TableBuilder, TableRow};

use super::cells::{self, Exact, Fonts, PAD_X, PAD_Y, TextMeasure};
use super::columns::Col;
use super::editing::{self, Editing, Outcome};
use super::explain::Explanations;
use super::keys::Action;
use super::rows::{Row, RowModel};
use super::selection::{Extend, RowKey, Selection};
use super::{GridView, menus, widths};
use crate::app::AppData;
use crate::i18n::{Arg, I18n};
use crate::model::MeasureField;
use crate::model::{Id, Plan, Section};
use crate::ui::{ViewCtx, style};

/// What happened in the table this frame.
#[derive(Default)]
pub struct TableOut {
    pub clicked: Option<(RowKey, usize, Extend)>,
    pub double_clicked: Option<(RowKey, usize)>,
    pub fold: Option<Id>,
    pub action: Option<(RowKey, Action)>,
    pub edit: Option<Outcome>,
    /// Whether the cell being edited was on screen (a field scrolled away is committed).
    pub edit_drawn: bool,
    pub widths: Vec<f32>,
    /// The width the columns' shares are of.
    pub table_width: f32,
}

/// What the row painters read.
struct Paint<'a> {
    plan: &'a Plan,
    i18n: &'a I18n,
    data: &'a AppData,
    filtering: bool,
    collapsed: &'a HashSet<Id>,
    cols: &'a [Col],
    fonts: &'a Fonts,
    query: &'a str,
    status_col: usize,
    colors: cells::Palette,
    /// What of the table is on screen sideways: a section title spanning columns is clipped to it.
    visible_x: egui::Rangef,
}

impl GridView {
    pub(super) fn table(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewCtx<'_>,
        plan: &Plan,
        cols: &[Col],
        mins: &[f32],
    ) -> TableOut {
        // Quieter row hover than buttons have; the cells draw their own lines, so the resize handles show
        // only when hovered (else they would cross the section titles).
        let colors = cells::Palette::of(ui.visuals());
        ui.visuals_mut().widgets.hovered.bg_fill = colors.hover;
        ui.visuals_mut().widgets.noninteractive.bg_stroke = Stroke::NONE;
        let available = ui.available_width() - ui.spacing().scroll.allocated_width();
        let shares: Vec<f32> = cols
            .iter()
            .map(|col| {
                ctx.ui_state
                    .column_shares
                    .get(&col.key())
                    .copied()
                    .unwrap_or_else(|| col.default_share())
            })
            .collect();
        let target = widths::layout(cols, &shares, mins, available);
        let total: f32 = target.iter().sum();
        if total > available + 1.0 {
            // Even the columns' minimums do not fit: the table scrolls sideways.
            let scroll_width = ui.spacing().scroll.allocated_width();
            return egui::ScrollArea::horizontal()
                .id_salt("measure_grid_sideways")
                .auto_shrink(false)
                .show(ui, |ui| {
                    ui.set_width(total + scroll_width);
                    self.draw_table(ui, ctx, plan, cols, (mins, &target), total)
                })
                .inner;
        }
        self.draw_table(ui, ctx, plan, cols, (mins, &target), available)
    }

    /// The table itself, its columns `target` wide (never under `mins`) in a table `available` wide.
    fn draw_table(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewCtx<'_>,
        plan: &Plan,
        cols: &[Col],
        (mins, target): (&[f32], &[f32]),
        available: f32,
    ) -> TableOut {
        let fonts = Fonts::of(ui.style());
        let query = ctx.ui_state.filter.query();
        let mut out = TableOut::default();
        let header_height = ui.text_style_height(&egui::TextStyle::Body) + 2.0 * PAD_Y;
        let colors = cells::Palette::of(ui.visuals());
        let visible_x = ui.clip_rect().x_range();
        let dragging = ui.input(|i| i.pointer.any_down());
        let mut builder = TableBuilder::new(ui)
            .id_salt(("measure_grid", cols.len()))
            .striped(false)
            .resizable(true)
            .sense(Sense::CLICK)
            .cell_layout(Layout::top_down(Align::Min))
            .auto_shrink(false)
            .animate_scrolling(false);
        if !dragging && !same_widths_but_title(cols, &self.applied_widths, target) {
            // The window, the scale or the shares changed: lay the columns out again from the shares.
            builder.reset();
            self.applied_widths = target.to_vec();
        }
        for (i, (col, width)) in cols.iter().zip(target).enumerate() {
            let column = if *col == Col::TITLE {
                // The title takes what the others leave, so the table always fills the window.
                Column::remainder().resizable(false)
            } else {
                Column::initial(*width)
            };
            builder = builder.column(column.at_least(mins[i]).clip(true));
        }
        let scroll_row = self.scroll_to.take();
        let mut moved = false;
        if let Some(row) = scroll_row {
            builder = builder.scroll_to_row(row, None);
        }
        let paint = Paint {
            plan,
            i18n: ctx.i18n,
            data: ctx.data,
            filtering: ctx.ui_state.filter.is_active(),
            collapsed: &ctx.ui_state.collapsed,
            cols,
            fonts: &fonts,
            query: &query,
            status_col: cols.len() - 1,
            colors,
            visible_x,
        };
        let table = builder.header(header_height, |mut header| {
            for col in cols {
                header.col(|ui| {
                    let rect = ui.max_rect();
                    ui.painter().rect_filled(rect, 0.0, colors.header);
                    cells::borders(ui.painter(), rect, colors.line);
                    let inner = rect.shrink2(vec2(PAD_X, PAD_Y));
                    ui.scope_builder(UiBuilder::new().max_rect(inner), |ui| {
                        ui.add(
                            egui::Label::new(RichText::new(column_title(ctx.i18n, *col)).strong())
                                .truncate(),
                        );
                    });
                });
            }
        });
        let scroll =
            table.body(|mut body| {
                let widths = body.widths().to_vec();
                let egui_ctx = body.ui_mut().ctx().clone();
                moved = self.sync_heights(&egui_ctx, &paint, &widths);
                let edit_row = self.edit_row_height(&egui_ctx, &paint, &widths);
                let heights =
                    self.heights.heights().iter().copied().enumerate().map(
                        |(i, h)| match edit_row {
                            Some((row, min)) if row == i => h.max(min),
                            _ => h,
                        },
                    );
                let rows = &self.rows;
                let sel = &self.sel;
                let edit = &mut self.edit;
                let explain = &mut self.explain;
                body.heterogeneous_rows(heights, |mut row| {
                    let index = row.index();
                    match rows.rows[index] {
                        Row::Section(si) => {
                            section_row(&mut row, &paint, rows, si, sel, edit, &widths, &mut out)
                        }
                        Row::Measure(si, mi) => {
                            measure_row(&mut row, &paint, (si, mi), sel, edit, explain, &mut out)
                        }
                    }
                });
                out.widths = widths;
            });
        out.table_width = available;
        self.viewport = (scroll.state.clamped_offset().y, scroll.inner_rect.height());
        // Row heights may settle a few frames after a change (the details panel takes its width, estimates
        // are refined): while the target is fresh, aim at it again whenever rows moved.
        if let Some(row) = scroll_row {
            self.scroll_armed = Some((row, 10));
        }
        if let Some((row, frames)) = self.scroll_armed {
            self.scroll_armed = (frames > 1).then_some((row, frames - 1));
            if moved && scroll_row.is_none() {
                self.scroll_to = Some(row);
                ui.ctx().request_repaint();
            }
        }
        out
    }

    /// Estimates every row's height when rows, data or widths changed; measures the rows near the
    /// viewport exactly. Returns whether row heights changed.
    fn sync_heights(
        &mut self,
        egui_ctx: &egui::Context,
        paint: &Paint<'_>,
        widths: &[f32],
    ) -> bool {
        let defer = egui_ctx.input(|i| i.pointer.any_down());
        let ppp = egui_ctx.pixels_per_point();
        let fonts_key = {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for font in [&paint.fonts.body, &paint.fonts.small] {
                font.size.to_bits().hash(&mut h);
                font.family.hash(&mut h);
            }
            ppp.to_bits().hash(&mut h);
            h.finish()
        };
        let dropped = self.heights.set_widths(widths, fonts_key, defer);
        let plan = paint.plan;
        let progress = &paint.data.progress;
        let (rows, heights, explain, char_widths) = (
            &self.rows,
            &mut self.heights,
            &mut self.explain,
            &mut self.char_widths,
        );
        let span = span_width(paint.cols, widths);
        let (top, height) = self.viewport;
        let (changed, rebuilt) = egui_ctx.fonts_mut(|f| {
            let mut estimate = cells::Estimate {
                fonts: f,
                grid: paint.fonts,
                widths: char_widths,
            };
            estimate.prepare(ppp);
            let rebuilt = heights.sync(
                rows.generation,
                paint.data.version,
                &rows.rows,
                |r| row_id(plan, r),
                |r| row_hash(plan, rows, progress, r),
                |r| row_height(r, paint, rows, widths, span, explain, false, &mut estimate),
            );
            let near = heights.rows_in(top - height, height * 3.0, 0.0);
            let mut exact = Exact {
                fonts: f,
                grid: paint.fonts,
            };
            let changed = heights.refine(
                near,
                &rows.rows,
                |r| row_id(plan, r),
                |r| row_height(r, paint, rows, widths, span, explain, true, &mut exact),
            );
            (changed, rebuilt)
        });
        if changed {
            egui_ctx.request_repaint();
        }
        changed || rebuilt || dropped
    }

    /// The row being edited and the height its field needs.
    fn edit_row_height(
        &self,
        egui_ctx: &egui::Context,
        paint: &Paint<'_>,
        widths: &[f32],
    ) -> Option<(usize, f32)> {
        let edit = self.edit.as_ref()?;
        let row = *self.rows.row_of.get(&edit.row.id())?;
        let ci = paint.cols.iter().position(|c| *c == edit.col)?;
        let width = match edit.row {
            RowKey::Section(_) if ci > 0 => span_width(paint.cols, widths),
            _ => widths[ci],
        };
        let h = egui_ctx.fonts_mut(|f| {
            Exact {
                fonts: f,
                grid: paint.fonts,
            }
            .height(
                &edit.buffer,
                cells::text_width(edit.col, width) - 4.0,
                false,
            )
        });
        Some((row, h + 2.0 * PAD_Y + 8.0))
    }
}

/// Whether two width lists are the same to half a point, but for the title (it takes what is left).
pub(super) fn same_widths_but_title(cols: &[Col], a: &[f32], b: &[f32]) -> bool {
    a.len() == b.len()
        && cols
            .iter()
            .zip(a.iter().zip(b))
            .all(|(c, (x, y))| *c == Col::TITLE || (x - y).abs() <= 0.5)
}

/// Each column's minimum: its header's longest word in the header's (strong) font fits; for the status
/// column also the words of its derived text («выполнено 12 из 16», «просрочено 4», «Управление:»), never
/// hyphenated, and for the deadline a date.
pub(super) fn column_minimums(ui: &egui::Ui, i18n: &I18n, cols: &[Col]) -> Vec<f32> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().strong_text_color();
    cols.iter()
        .map(|col| {
            let word = |w: &str| {
                ui.ctx()
                    .fonts_mut(|f| f.layout_no_wrap(w.to_owned(), font.clone(), color).size().x)
            };
            widths::min_width(*col, &minimum_words(i18n, *col), word, 2.0 * PAD_X + 2.0)
        })
        .collect()
}

/// The words a column's minimum width must fit: its header's, and what its cells show that is never
/// hyphenated.
fn minimum_words(i18n: &I18n, col: Col) -> String {
    let mut title = column_title(i18n, col);
    if col == Col::DEADLINE {
        // A due date under the deadline text is never broken («31.12.» / «2021»).
        title.push_str(" 31.12.2021");
    }
    if col == Col::Status {
        for key in ["grid-progress-done", "grid-progress-overdue"] {
            let n = Arg::Num(888.0);
            let sample = i18n.tr_args(key, &[("done", n), ("total", n), ("count", n)]);
            title.push(' ');
            title.push_str(&sample);
        }
        // The office's line starts with its own label («Управление:»).
        title.push(' ');
        title.push_str(&i18n.tr("grid-progress-office"));
    }
    title
}

/// The header of a column: the field's name, a year's column just its year (the grid is narrow).
fn column_title(i18n: &I18n, col: Col) -> String {
    match col {
        Col::Field(MeasureField::Year(year)) => year.to_string(),
        Col::Field(field) => field.label(i18n),
        Col::Status => i18n.tr("grid-col-status"),
    }
}

/// The width a section title spans: every column between the number and the status.
fn span_width(cols: &[Col], widths: &[f32]) -> f32 {
    widths[1..cols.len() - 1].iter().sum()
}

fn row_id(plan: &Plan, row: Row) -> Id {
    match row {
        Row::Section(si) => plan.sections[si].id,
        Row::Measure(si, mi) => plan.sections[si].measures[mi].id,
    }
}

/// A digest of what a row's height depends on.
fn row_hash(
    plan: &Plan,
    rows: &RowModel,
    progress: &std::collections::HashMap<Id, crate::stats::ProgressSummary>,
    row: Row,
) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    match row {
        Row::Section(si) => {
            let s = &plan.sections[si];
            (&s.number, &s.title).hash(&mut h);
            let stats = rows.sections[si];
            (stats.shown, stats.total, stats.done_percent()).hash(&mut h);
        }
        Row::Measure(si, mi) => {
            let m = &plan.sections[si].measures[mi];
            (
                &m.number,
                &m.title,
                &m.deadline,
                &m.responsible,
                &m.result,
                &m.documents,
            )
                .hash(&mut h);
            for y in &m.yearly {
                (y.year, &y.text).hash(&mut h);
            }
            let p = progress.get(&m.id);
            cells::status_line_count(p).hash(&mut h);
            p.map(|p| (p.total(), p.overdue, p.office_by_status))
                .hash(&mut h);
        }
    }
    h.finish()
}

/// A row's height, estimated or `exact` (with the status text formatted: only for rows near the screen).
#[expect(clippy::too_many_arguments)]
fn row_height(
    row: Row,
    paint: &Paint<'_>,
    rows: &RowModel,
    widths: &[f32],
    span: f32,
    explain: &mut Explanations,
    exact: bool,
    t: &mut impl TextMeasure,
) -> f32 {
    let plan = paint.plan;
    match row {
        Row::Section(si) => {
            let s = &plan.sections[si];
            let summary = section_summary(paint.i18n, rows, si, paint.filtering);
            cells::section_height(
                &s.number,
                &s.title,
                &summary,
                widths[0],
                span,
                widths[paint.status_col],
                t,
            )
        }
        Row::Measure(si, mi) => {
            let m = &plan.sections[si].measures[mi];
            let p = paint.data.progress.get(&m.id);
            let status = exact.then(|| cells::status_lines(paint.i18n, p));
            let explanation = explain.get(&m.deadline, plan.period);
            cells::measure_height(
                m,
                paint.cols,
                widths,
                explanation,
                status.as_ref(),
                cells::status_line_count(p),
                t,
            )
        }
    }
}

/// "7 мероприятий · выполнено 40%" (with "показано 3 из 7" while filtering).
fn section_summary(i18n: &I18n, rows: &RowModel, si: usize, filtering: bool) -> String {
    let stats = rows.sections[si];
    let count = if filtering && stats.shown != stats.total {
        i18n.tr_args(
            "grid-section-shown",
            &[
                ("shown", Arg::Num(stats.shown as f64)),
                ("total", Arg::Num(stats.total as f64)),
            ],
        )
    } else {
        i18n.count("measures-count", stats.total)
    };
    match stats.done_percent() {
        Some(pct) => i18n.tr_args(
            "grid-section-summary",
            &[
                ("count", Arg::Str(&count)),
                ("percent", Arg::Num(pct.into())),
            ],
        ),
        None => count,
    }
}

/// Reads a click on a cell into the selection change it asks for.
fn read_click(response: &egui::Response, key: RowKey, ci: usize, out: &mut TableOut) {
    if response.double_clicked() {
        out.double_clicked = Some((key, ci));
    } else if response.clicked() {
        let m = response.ctx.input(|i| i.modifiers);
        let extend = if m.shift {
            Extend::Range
        } else if m.command {
            Extend::Toggle
        } else {
            Extend::None
        };
        out.clicked = Some((key, ci, extend));
    }
}

/// Draws the cell editor when `edit` targets this cell; returns whether it did.
fn editor(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    edit: &mut Option<Editing>,
    key: RowKey,
    col: Col,
    paint: &Paint<'_>,
    out: &mut TableOut,
) -> bool {
    let Some(e) = edit.as_mut().filter(|e| e.row == key && e.col == col) else {
        return false;
    };
    let name = paint.i18n.tr_args(
        "grid-cell-editor",
        &[("column", Arg::Str(&column_title(paint.i18n, col)))],
    );
    out.edit_drawn = true;
    let outcome = editing::show(ui, rect, e, &name);
    if outcome != Outcome::Continue {
        out.edit = Some(outcome);
    }
    true
}

fn focus_ring(ui: &egui::Ui, rect: egui::Rect, color: Color32) {
    ui.painter().rect_stroke(
        rect.shrink(1.0),
        0.0,
        Stroke::new(2.0, color),
        StrokeKind::Inside,
    );
}

/// A text as a wrapped label (matches of the search highlighted).
fn text_label(ui: &mut egui::Ui, text: &str, paint: &Paint<'_>, small: bool, weak: bool) {
    if text.is_empty() {
        return;
    }
    let font = paint.fonts.font(small).clone();
    let color = if weak {
        ui.visuals().weak_text_color()
    } else {
        ui.visuals().text_color()
    };
    // Long words broken where Russian allows, as the row heights were measured.
    let width = ui.available_width();
    let shown = ui.ctx().fonts_mut(|f| {
        crate::ui::hyphens::fit_words(text, width, |c| f.glyph_width(&font, c)).into_owned()
    });
    let hyphenated = shown != text;
    let job = if paint.query.is_empty() {
        LayoutJob::simple(shown, font, color, f32::INFINITY)
    } else {
        cells::highlighted(&shown, paint.query, font, color, paint.colors.matched)
    };
    let response = ui.add(egui::Label::new(job).wrap().selectable(false));
    if hyphenated {
        // Screen readers (and tests) read the text as written, without the added hyphens.
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    }
}

fn measure_row(
    row: &mut TableRow<'_, '_>,
    paint: &Paint<'_>,
    (si, mi): (usize, usize),
    sel: &Selection,
    edit: &mut Option<Editing>,
    explain: &mut Explanations,
    out: &mut TableOut,
) {
    let m = &paint.plan.sections[si].measures[mi];
    let key = RowKey::Measure(m.id);
    row.set_selected(sel.is_selected(m.id));
    let cursor = sel.cursor.filter(|c| c.row == key).map(|c| c.col);
    for (ci, col) in paint.cols.iter().enumerate() {
        let (_, response) = row.col(|ui| {
            let cell = ui.max_rect();
            cells::borders(ui.painter(), cell, paint.colors.line);
            let inner = cell.shrink2(vec2(PAD_X, PAD_Y));
            if !editor(ui, inner.expand(2.0), edit, key, *col, paint, out) {
                ui.scope_builder(UiBuilder::new().max_rect(inner), |ui| {
                    ui.spacing_mut().item_spacing.y = cells::GAP;
                    match *col {
                        Col::Status => {
                            let p = paint.data.progress.get(&m.id);
                            let (first, late) = cells::status_lines(paint.i18n, p);
                            ui.add(egui::Label::new(first).wrap().selectable(false));
                            if let Some(late) = late {
                                ui.add(
                                    egui::Label::new(RichText::new(late).color(style::ERROR))
                                        .wrap()
                                        .selectable(false),
                                );
                            }
                        }
                        Col::DEADLINE => {
                            text_label(ui, &m.deadline, paint, false, false);
                            // Derived, not searched: never highlighted.
                            let explanation = explain.get(&m.deadline, paint.plan.period);
                            let plain = Paint {
                                query: "",
                                ..*paint
                            };
                            text_label(ui, explanation, &plain, true, true);
                        }
                        other => text_label(ui, other.text(m), paint, false, false),
                    }
                });
            }
            if cursor == Some(ci) {
                focus_ring(ui, cell, paint.colors.ring);
            }
        });
        read_click(&response, key, ci, out);
        response.context_menu(|ui| {
            if let Some(action) = menus::measure_menu(ui, paint.i18n) {
                out.action = Some((key, action));
            }
        });
    }
}

#[expect(clippy::too_many_arguments)]
fn section_row(
    row: &mut TableRow<'_, '_>,
    paint: &Paint<'_>,
    rows: &RowModel,
    si: usize,
    sel: &Selection,
    edit: &mut Option<Editing>,
    widths: &[f32],
    out: &mut TableOut,
) {
    let section: &Section = &paint.plan.sections[si];
    let key = RowKey::Section(section.id);
    let cursor = sel.cursor.filter(|c| c.row == key).map(|c| c.col);
    let collapsed = paint.collapsed.contains(&section.id);
    let mut span_left = 0.0;
    for (ci, col) in paint.cols.iter().enumerate() {
        let (_, response) = row.col(|ui| {
            let cell = ui.max_rect();
            ui.painter().rect_filled(cell, 0.0, paint.colors.section);
            if ci == 0 || ci + 1 >= paint.status_col {
                cells::borders(ui.painter(), cell, paint.colors.line);
            } else {
                // Inside the title's span: no lines across the title.
                let line = Stroke::new(1.0, paint.colors.line);
                ui.painter()
                    .hline(cell.x_range(), cell.bottom() - 0.5, line);
            }
            let inner = cell.shrink2(vec2(PAD_X, PAD_Y));
            match *col {
                Col::NUMBER => {
                    if fold_button(ui, inner, paint, section, collapsed) {
                        out.fold = Some(section.id);
                    }
                    let number = inner.with_min_x(inner.min.x + cells::FOLD);
                    if !editor(ui, number.expand(2.0), edit, key, Col::NUMBER, paint, out) {
                        ui.scope_builder(UiBuilder::new().max_rect(number), |ui| {
                            strong_label(ui, &section.number, paint);
                        });
                    }
                }
                Col::TITLE => span_left = cell.min.x,
                Col::Status => {
                    let summary = section_summary(paint.i18n, rows, si, paint.filtering);
                    ui.scope_builder(UiBuilder::new().max_rect(inner), |ui| {
                        ui.add(
                            egui::Label::new(RichText::new(summary).small().weak())
                                .wrap()
                                .selectable(false),
                        );
                    });
                    // The title spans the text columns, drawn last so no cell paints over it.
                    let span = egui::Rect::from_x_y_ranges(
                        span_left..=span_left + span_width(paint.cols, widths),
                        cell.y_range(),
                    );
                    let span_inner = span.shrink2(vec2(PAD_X, PAD_Y));
                    let mut span_ui = ui.new_child(UiBuilder::new().max_rect(span_inner));
                    let x = span.x_range();
                    span_ui.set_clip_rect(egui::Rect::from_x_y_ranges(
                        x.min.max(paint.visible_x.min)..=x.max.min(paint.visible_x.max),
                        ui.clip_rect().y_range(),
                    ));
                    if !editor(
                        &mut span_ui,
                        span_inner.expand(2.0),
                        edit,
                        key,
                        Col::TITLE,
                        paint,
                        out,
                    ) {
                        strong_label(&mut span_ui, &section.title, paint);
                    }
                    if cursor.is_some_and(|c| c > 0 && c < paint.status_col) {
                        focus_ring(&span_ui, span, paint.colors.ring);
                    }
                }
                _ => {}
            }
            if cursor == Some(ci) && (ci == 0 || ci == paint.status_col) {
                focus_ring(ui, cell, paint.colors.ring);
            }
        });
        read_click(&response, key, ci, out);
        response.context_menu(|ui| {
            if let Some(action) = menus::section_menu(ui, paint.i18n) {
                out.action = Some((key, action));
            }
        });
    }
}

fn strong_label(ui: &mut egui::Ui, text: &str, paint: &Paint<'_>) {
    let color = ui.visuals().strong_text_color();
    let job = if paint.query.is_empty() {
        LayoutJob::simple(
            text.to_owned(),
            paint.fonts.body.clone(),
            color,
            f32::INFINITY,
        )
    } else {
        cells::highlighted(
            text,
            paint.query,
            paint.fonts.body.clone(),
            color,
            paint.colors.matched,
        )
    };
    ui.add(egui::Label::new(job).wrap().selectable(false));
}

/// The fold triangle of a section row; returns whether it was clicked.
fn fold_button(
    ui: &mut egui::Ui,
    inner: egui::Rect,
    paint: &Paint<'_>,
    section: &Section,
    collapsed: bool,
) -> bool {
    let line = paint.fonts.body.size + 4.0;
    let rect = egui::Rect::from_min_size(inner.min - vec2(2.0, 0.0), vec2(cells::FOLD, line));
    let response = ui.interact(
        rect,
        ui.scope_id().with(("fold", section.id)),
        Sense::click(),
    );
    let key = if collapsed {
        "grid-expand-section"
    } else {
        "grid-collapse-section"
    };
    let label = paint
        .i18n
        .tr_args(key, &[("number", Arg::Str(section.number.trim()))]);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    let color = if response.hovered() {
        paint.colors.ring
    } else {
        ui.visuals().text_color()
    };
    let c = rect.center();
    let r = 4.5;
    let points = if collapsed {
        vec![
            c + vec2(-r * 0.6, -r),
            c + vec2(r * 0.9, 0.0),
            c + vec2(-r * 0.6, r),
        ]
    } else {
        vec![
            c + vec2(-r, -r * 0.6),
            c + vec2(r, -r * 0.6),
            c + vec2(0.0, r * 0.9),
        ]
    };
    ui.painter()
        .add(egui::Shape::convex_polygon(points, color, Stroke::NONE));
    response.on_hover_text(label).clicked()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;
    use crate::stats::ProgressSummary;

    #[test]
    fn the_status_minimum_fits_every_word_of_the_office_and_schools_lines() {
        for language in [
            crate::i18n::Language::Russian,
            crate::i18n::Language::English,
        ] {
            let i18n = I18n::new(language);
            let mut p = ProgressSummary::default();
            p.set_executor(2, false);
            p.by_status[Status::Done as usize] = 3;
            p.by_status[Status::Planned as usize] = 2;
            p.overdue = 2;
            p.office_by_status[Status::Done as usize] = 1;
            let (lines, late) = super::super::cells::status_lines(&i18n, Some(&p));
            let shown = format!("{lines} {}", late.unwrap_or_default());
            let sample = minimum_words(&i18n, Col::Status);
            let sample: Vec<&str> = sample.split_whitespace().collect();
            for word in shown.split_whitespace() {
                if word.chars().all(|c| c.is_ascii_digit()) {
                    continue; // numbers are sampled as «888»
                }
                assert!(
                    sample.contains(&word),
                    "«{word}» of {shown:?} is not in the status column's minimum {sample:?}"
                );
            }
        }
    }
}
