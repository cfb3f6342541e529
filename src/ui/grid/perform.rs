//! What the grid's actions (keys, toolbar, row menus) do: move the cursor, open a cell, or push the
//! command for the measures or the section they concern.

use super::GridView;
use super::columns::Col;
use super::editing::Editing;
use super::keys::Action;
use super::selection::{Extend, RowKey};
use super::tsv;
use crate::app::{Command, MeasureSort, SchoolCommand};
use crate::model::Plan;
use crate::ui::ViewCtx;

impl GridView {
    /// Carries out one action of the keys, the toolbar or a row menu.
    pub(super) fn perform(
        &mut self,
        action: Action,
        egui_ctx: &egui::Context,
        ctx: &mut ViewCtx<'_>,
        plan: &Plan,
        cols: &[Col],
    ) {
        let document_order = ctx.ui_state.sort == MeasureSort::Document;
        match action {
            Action::Cursor {
                rows,
                cols: dc,
                extend,
            } => self.move_cursor((rows, dc), extend, ctx, plan, cols),
            Action::Edit => {
                if let Some(c) = self.sel.cursor {
                    let col = if cols[c.col].editable() {
                        cols[c.col]
                    } else {
                        Col::TITLE
                    };
                    self.edit = Editing::start(plan, c.row, col);
                }
            }
            Action::AddMeasure => {
                if let Some(si) = self.current_section(plan) {
                    ctx.push(Command::InsertMeasure {
                        section: plan.sections[si].id,
                        index: None,
                    });
                }
            }
            Action::InsertMeasure => self.insert_measure_below_cursor(ctx, plan),
            Action::Move { .. } if !document_order => {}
            Action::Delete | Action::Duplicate | Action::SetExecutor(_) | Action::Move { .. } => {
                self.act_on_measures(action, ctx, plan)
            }
            Action::Copy => {
                let measures = self.targets(plan);
                if !measures.is_empty() {
                    let measures = measures.iter().filter_map(|id| plan.measure(*id));
                    egui_ctx.copy_text(tsv::rows_tsv(cols, measures));
                }
            }
            Action::FocusSearch => {}
            Action::SelectAll => self.sel.select_all(self.rows.shown_measures(plan)),
            Action::Unselect => {
                if let Some(c) = self.sel.cursor {
                    self.click(c.row, c.col, Extend::None, ctx, plan);
                }
            }
            Action::AddSection
            | Action::InsertSection
            | Action::DeleteSection
            | Action::MoveSection { .. }
            | Action::RenameSection => self.act_on_section(action, ctx, plan),
            Action::Renumber => ctx.push(Command::Renumber),
            Action::ToggleDetails => ctx.ui_state.show_details = !ctx.ui_state.show_details,
            Action::ResetColumnWidths => ctx.ui_state.column_shares.clear(),
        }
    }

    /// Moves the cursor by `(rows, columns)`, kept inside the table; `extend` selects the rows passed.
    fn move_cursor(
        &mut self,
        (rows, columns): (i32, i32),
        extend: bool,
        ctx: &mut ViewCtx<'_>,
        plan: &Plan,
        cols: &[Col],
    ) {
        let keys = self.keys(plan);
        if keys.is_empty() {
            return;
        }
        let (row, col) = match self.sel.cursor {
            Some(c) => match self.rows.row_of.get(&c.row.id()) {
                Some(&r) => (
                    r as i64 + i64::from(rows),
                    c.col as i64 + i64::from(columns),
                ),
                None => (0, c.col as i64),
            },
            None => (0, 1),
        };
        let row = row.clamp(0, keys.len() as i64 - 1) as usize;
        let col = col.clamp(0, cols.len() as i64 - 1) as usize;
        let extend = if extend { Extend::Range } else { Extend::None };
        self.click(keys[row], col, extend, ctx, plan);
        self.scroll_to = Some(row);
    }

    /// A new measure below the cursor's measure, first in the cursor's section, or last in the current one.
    fn insert_measure_below_cursor(&mut self, ctx: &mut ViewCtx<'_>, plan: &Plan) {
        let place = match self.sel.cursor.map(|c| c.row) {
            Some(RowKey::Measure(id)) => plan.find_measure(id).map(|(si, mi)| (si, Some(mi + 1))),
            Some(RowKey::Section(id)) => plan.section_index(id).map(|si| (si, Some(0))),
            None => self.current_section(plan).map(|si| (si, None)),
        };
        if let Some((si, index)) = place {
            ctx.push(Command::InsertMeasure {
                section: plan.sections[si].id,
                index,
            });
        }
    }

    /// Deletes, duplicates, moves or assigns the selected measures (the cursor's when none is selected).
    /// Moving with the cursor on a section and no measure selected moves the section.
    fn act_on_measures(&mut self, action: Action, ctx: &mut ViewCtx<'_>, plan: &Plan) {
        let ids = self.targets(plan);
        if ids.is_empty() {
            if let (Action::Move { down }, Some(RowKey::Section(id))) =
                (&action, self.sel.cursor.map(|c| c.row))
            {
                ctx.push(Command::MoveSection { id, down: *down });
            }
            return;
        }
        match action {
            Action::Delete => ctx.push(Command::DeleteMeasures(ids)),
            Action::Duplicate => ctx.push(Command::DuplicateMeasures(ids)),
            Action::SetExecutor(executor) => {
                ctx.push(Command::School(SchoolCommand::SetExecutor {
                    measures: ids,
                    executor,
                }))
            }
            Action::Move { down } => {
                ctx.push(Command::MoveMeasures { ids, down });
                self.scroll_to_cursor = true;
            }
            _ => {}
        }
    }

    /// Adds, inserts, deletes, moves or renames a section: the cursor's, or the one holding it.
    fn act_on_section(&mut self, action: Action, ctx: &mut ViewCtx<'_>, plan: &Plan) {
        let count = plan.sections.len();
        let current = self.current_section(plan);
        match action {
            Action::AddSection => {
                self.new_section = Some((count, count));
                ctx.push(Command::InsertSection { index: None });
            }
            Action::InsertSection => {
                let index = current.map_or(count, |si| si + 1);
                self.new_section = Some((index, count));
                ctx.push(Command::InsertSection { index: Some(index) });
            }
            _ => {}
        }
        let Some(si) = current else { return };
        let id = plan.sections[si].id;
        match action {
            Action::DeleteSection => ctx.push(Command::DeleteSection(id)),
            Action::MoveSection { down } => ctx.push(Command::MoveSection { id, down }),
            Action::RenameSection => {
                let key = RowKey::Section(id);
                self.click(key, 1, Extend::None, ctx, plan);
                self.edit = Editing::start(plan, key, Col::TITLE);
                self.scroll_to = self.rows.row_of.get(&key.id()).copied();
            }
            _ => {}
        }
    }
}
