//! Мероприятия: the road map as the familiar Word table, edited like a spreadsheet.
//!
//! - `rows`: which rows show (filter, order, folded sections) — rebuilt only when those or the data change;
//! - `heights`, `cells`: row heights (estimated for all, exact near the screen) and what a cell shows;
//! - `body`: the `TableBuilder` drawing only the visible rows;
//! - `selection`, `keys`, `editing`, `menus`: cursor and multi-select, the keyboard, in-place editing, the
//!   toolbar and row menus — all ending in actions that `perform` turns into `Command`s; `tsv`: copying rows;
//! - `filter_bar`, `details`: find and filter; the selected measure's panel.

/// The details panel's narrowest width.
const DETAILS_MIN: f32 = 220.0;
/// The table's panel's inner margins, left and right (egui's central panel frame: 8 points each).
const CENTRAL_MARGINS: f32 = 16.0;

mod body;
mod cells;
mod columns;
mod details;
mod editing;
mod explain;
mod filter_bar;
mod heights;
mod keys;
mod menus;
mod perform;
mod rows;
mod selection;
mod tsv;
mod widths;

use crate::app::SystemCommand;
use egui::{Panel, RichText};

use self::cells::CharWidths;
use self::columns::Col;
use self::details::Details;
use self::editing::{Editing, Outcome};
use self::explain::Explanations;
use self::filter_bar::FilterBar;
use self::heights::HeightCache;
use self::keys::Action;
use self::rows::{Row, RowInputs, RowModel, SearchCache};
use self::selection::{Extend, RowKey, Selection};
use super::ViewCtx;
use crate::app::{Command, MeasureSort};
use crate::model::{Id, Plan};

/// The grid screen's state between frames (never persisted: what is, is in `UiState`).
#[derive(Default)]
pub struct GridView {
    rows: RowModel,
    search: SearchCache,
    heights: HeightCache,
    explain: Explanations,
    char_widths: CharWidths,
    sel: Selection,
    edit: Option<Editing>,
    details: Details,
    filter_bar: FilterBar,
    /// The app's selection seen last frame: a change made elsewhere moves the cursor there.
    last_selected: Option<Id>,
    last_plan: Option<Id>,
    /// A row to bring into view this frame, and whether the cursor row should be (once rows are built).
    scroll_to: Option<usize>,
    scroll_to_cursor: bool,
    /// The row last scrolled to, and for how many more frames it is aimed at again if rows move.
    scroll_armed: Option<(usize, u8)>,
    /// The body's scroll offset and height last frame (which rows are near the screen).
    viewport: (f32, f32),
    focus_search: bool,
    /// A section being added at (index, with the plan's section count before): the cursor goes to it.
    new_section: Option<(usize, usize)>,
    /// The column widths last laid out from the shares: a difference after a drag is the user's.
    applied_widths: Vec<f32>,
    /// The details panel's width last frame, and whether the user is dragging its border.
    details_shown: f32,
    details_dragged: bool,
    details_reset: Option<f32>,
}

impl GridView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let data = ctx.data;
        let Some(plan) = data.plan.as_ref() else {
            return;
        };
        if self.last_plan != Some(plan.id) {
            self.last_plan = Some(plan.id);
            self.edit = None;
            self.sel = Selection::default();
        }
        self.sync_rows(ctx, plan);
        if data.selected != self.last_selected {
            self.last_selected = data.selected;
            self.sel.follow(data.selected, 1);
            self.scroll_to_cursor = true;
        }
        if let Some((index, before)) = self.new_section.take()
            && plan.sections.len() == before + 1
        {
            let key = RowKey::Section(plan.sections[index].id);
            self.sel.click(key, 1, Extend::None, Vec::new());
            self.scroll_to_cursor = true;
        }
        let cols = Col::all(&self.rows.years);
        let mut actions = keys::read(ui.ctx(), self.edit.is_some());
        if let Some(i) = actions.iter().position(|a| *a == Action::FocusSearch) {
            actions.remove(i);
            self.focus_search = true;
        }

        // Each column's narrowest width, for the details panel's room and the table's layout.
        let mins = body::column_minimums(ui, ctx.i18n, &cols);
        if ctx.ui_state.show_details {
            // Never more than a third of the window, nor so wide that the table's columns no longer fit
            // beside it: on a small screen or at 150 % the table comes first.
            let table_needs =
                mins.iter().sum::<f32>() + CENTRAL_MARGINS + ui.spacing().scroll.allocated_width();
            let most = (ui.available_width() / 3.0)
                .min(ui.available_width() - table_needs)
                .max(DETAILS_MIN);
            let panel = Panel::right("measure_details")
                .resizable(true)
                .default_size(ctx.ui_state.details_width.min(most))
                .min_size(DETAILS_MIN)
                .max_size(most)
                .show(ui, |ui| self.details.ui(ui, ctx));
            // Kept only when the user dragged it: a width clamped by a small window is not a choice, and the
            // panel gets its own width back when the window grows again.
            let width = panel.response.rect.width();
            let wanted = ctx.ui_state.details_width.min(most);
            let down = ui.input(|i| i.pointer.any_down());
            if down && (width - self.details_shown).abs() > 0.5 && self.details_shown > 0.0 {
                self.details_dragged = true;
            }
            if !down {
                if std::mem::take(&mut self.details_dragged) {
                    ctx.ui_state.details_width = width;
                } else if (width - wanted).abs() > 1.0 && self.details_reset != Some(wanted) {
                    // Once per wanted width: the panel's frame may make it differ by a little.
                    self.details_reset = Some(wanted);
                    let id = ui
                        .scope_id()
                        .with_salt(egui::IdSalt::new("measure_details"));
                    ui.ctx()
                        .data_mut(|d| d.remove::<egui::containers::panel::PanelState>(id));
                    ui.ctx().request_repaint();
                } else if (width - wanted).abs() <= 1.0 {
                    // As wanted: the next wanted width, even one reset to before, is reset to once more.
                    self.details_reset = None;
                }
            }
            self.details_shown = width;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add(egui::Label::new(RichText::new(&plan.title).heading()).truncate())
                .on_hover_text(&plan.title);
            let enabled = menus::Enabled {
                measures: self.sel.len() > 0
                    || self.sel.cursor.is_some_and(|c| c.row.measure().is_some()),
                movable: ctx.ui_state.sort == MeasureSort::Document,
                details: ctx.ui_state.show_details,
            };
            if let Some(action) = menus::toolbar(ui, ctx.i18n, &enabled) {
                actions.push(action);
            }
            let counts = (self.rows.shown, self.rows.total);
            let focus = std::mem::take(&mut self.focus_search);
            self.filter_bar.ui(ui, ctx, plan, counts, focus);
            ui.add_space(2.0);
            self.sync_rows(ctx, plan);
            if std::mem::take(&mut self.scroll_to_cursor) {
                self.scroll_to = self
                    .sel
                    .cursor
                    .and_then(|c| self.rows.row_of.get(&c.row.id()).copied());
            }
            if self.rows.rows.is_empty() {
                let key = if plan.sections.is_empty() {
                    "grid-empty-plan"
                } else {
                    "grid-nothing-found"
                };
                ui.label(RichText::new(ctx.tr(key)).weak());
                return;
            }
            let out = ui
                .scope(|ui| {
                    ui.spacing_mut().item_spacing = egui::vec2(0.0, 0.0);
                    self.table(ui, ctx, plan, &cols, &mins)
                })
                .inner;
            self.handle(out, ui, ctx, plan, &cols, &mut actions);
        });
        for action in actions {
            self.perform(action, ui.ctx(), ctx, plan, &cols);
        }
    }

    fn sync_rows(&mut self, ctx: &ViewCtx<'_>, plan: &Plan) {
        let input = RowInputs {
            plan,
            version: ctx.data.version,
            progress: &ctx.data.progress,
            schools: &ctx.data.schools,
            filter: &ctx.ui_state.filter,
            sort: ctx.ui_state.sort,
            collapsed: &ctx.ui_state.collapsed,
            today: ctx.today,
        };
        if self.rows.sync(&input, &mut self.search)
            && (self.sel.len() > 0 || self.sel.cursor.is_some())
        {
            let ids: std::collections::HashSet<Id> = plan
                .sections
                .iter()
                .flat_map(|s| std::iter::once(s.id).chain(s.measures.iter().map(|m| m.id)))
                .collect();
            self.sel.retain(|id| ids.contains(&id));
        }
    }

    /// The shown rows as keys, in order.
    fn keys(&self, plan: &Plan) -> Vec<RowKey> {
        self.rows.rows.iter().map(|r| row_key(plan, *r)).collect()
    }

    /// The measures an action applies to: the selected ones, else the one under the cursor.
    fn targets(&self, plan: &Plan) -> Vec<Id> {
        let selected = if self.sel.len() == 0 {
            Vec::new()
        } else {
            self.sel.ordered(self.keys(plan))
        };
        if selected.is_empty() {
            self.sel
                .cursor
                .and_then(|c| c.row.measure())
                .into_iter()
                .collect()
        } else {
            selected
        }
    }

    /// The section the cursor is in (on its row or one of its measures), else the last one.
    fn current_section(&self, plan: &Plan) -> Option<usize> {
        match self.sel.cursor.map(|c| c.row) {
            Some(RowKey::Section(id)) => plan.section_index(id),
            Some(RowKey::Measure(id)) => plan.find_measure(id).map(|(si, _)| si),
            None => plan.sections.len().checked_sub(1),
        }
    }

    /// Carries out what happened in the table: edits ending, clicks, folds, row menus, remembered widths.
    fn handle(
        &mut self,
        out: body::TableOut,
        ui: &egui::Ui,
        ctx: &mut ViewCtx<'_>,
        plan: &Plan,
        cols: &[Col],
        actions: &mut Vec<Action>,
    ) {
        if let Some(outcome) = out.edit {
            self.finish_edit(outcome, ctx, plan, cols);
        } else if !out.edit_drawn && self.edit.as_ref().is_some_and(|e| !e.focus) {
            // Its row scrolled out of view (or was filtered away): keep what was typed.
            self.finish_edit(Outcome::Commit, ctx, plan, cols);
        }
        if let Some((key, ci, extend)) = out.clicked {
            self.click(key, ci, extend, ctx, plan);
        }
        if let Some((key, ci)) = out.double_clicked {
            self.click(key, ci, Extend::None, ctx, plan);
            self.edit = Editing::start(plan, key, cols[ci]);
        }
        if let Some(id) = out.fold
            && !ctx.ui_state.collapsed.remove(&id)
        {
            ctx.ui_state.collapsed.insert(id);
        }
        if let Some((key, action)) = out.action {
            if key.measure().is_none_or(|id| !self.sel.is_selected(id)) {
                let col = self.sel.cursor.map_or(1, |c| c.col);
                self.click(key, col, Extend::None, ctx, plan);
            }
            actions.push(action);
        }
        if !ui.input(|i| i.pointer.any_down())
            && out.widths.len() == self.applied_widths.len()
            && !body::same_widths_but_title(cols, &out.widths, &self.applied_widths)
        {
            // A border was dragged: the new widths become the columns' shares of the table.
            let shares = widths::shares_of(&out.widths, out.table_width);
            for (col, share) in cols.iter().zip(shares) {
                if *col != Col::TITLE {
                    ctx.ui_state.column_shares.insert(col.key(), share);
                }
            }
            self.applied_widths = out.widths;
        }
    }

    fn click(
        &mut self,
        key: RowKey,
        col: usize,
        extend: Extend,
        ctx: &mut ViewCtx<'_>,
        plan: &Plan,
    ) {
        let keys = self.keys(plan);
        self.sel.click(key, col, extend, keys);
        let selected = key.measure();
        if selected != ctx.data.selected {
            // The grid already shows it: no need to scroll when the app reports it back.
            self.last_selected = selected;
            ctx.push(Command::System(SystemCommand::Select(selected)));
        }
    }

    /// Ends the edit: commits (one command) or cancels; Tab moves on to the next editable cell.
    fn finish_edit(&mut self, outcome: Outcome, ctx: &mut ViewCtx<'_>, plan: &Plan, cols: &[Col]) {
        let Some(edit) = self.edit.take() else {
            return;
        };
        if outcome != Outcome::Cancel
            && let Some(command) = edit.command()
        {
            ctx.push(command);
        }
        if let Outcome::CommitAndMove(step) = outcome
            && let Some((key, ci)) = self.next_cell(plan, cols, edit.row, edit.col, step)
        {
            self.click(key, ci, Extend::None, ctx, plan);
            self.edit = Editing::start(plan, key, cols[ci]);
            self.scroll_to = self.rows.row_of.get(&key.id()).copied();
        }
    }

    /// The editable cell after (`step` = 1) or before (-1) a cell, row by row: a measure's text columns,
    /// a section's number and title.
    fn next_cell(
        &self,
        plan: &Plan,
        cols: &[Col],
        row: RowKey,
        col: Col,
        step: i32,
    ) -> Option<(RowKey, usize)> {
        let keys = self.keys(plan);
        let mut r = *self.rows.row_of.get(&row.id())? as i64;
        let mut c = cols.iter().position(|x| *x == col)? as i64;
        let editable = |key: RowKey, c: usize| match key {
            RowKey::Measure(_) => cols[c].editable(),
            RowKey::Section(_) => c <= 1,
        };
        loop {
            c += i64::from(step);
            if c < 0 || c >= cols.len() as i64 {
                r += i64::from(step);
                if r < 0 || r >= keys.len() as i64 {
                    return None;
                }
                c = if step > 0 { 0 } else { cols.len() as i64 - 1 };
            }
            let key = keys[r as usize];
            if editable(key, c as usize) {
                return Some((key, c as usize));
            }
        }
    }
}

fn row_key(plan: &Plan, row: Row) -> RowKey {
    match row {
        Row::Section(si) => RowKey::Section(plan.sections[si].id),
        Row::Measure(si, mi) => RowKey::Measure(plan.sections[si].measures[mi].id),
    }
}
