//! The grid's selection: a cursor cell (the focus ring) and a set of selected measures, spreadsheet-style:
//! click selects one, Ctrl+click toggles, Shift+click selects the range from the anchor.

use std::collections::HashSet;

use crate::model::Id;

/// A row by what it shows, so the cursor survives rebuilt rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKey {
    Section(Id),
    Measure(Id),
}

impl RowKey {
    pub fn measure(self) -> Option<Id> {
        match self {
            RowKey::Measure(id) => Some(id),
            RowKey::Section(_) => None,
        }
    }

    pub fn id(self) -> Id {
        match self {
            RowKey::Measure(id) | RowKey::Section(id) => id,
        }
    }
}

/// The cursor cell: a row and a column index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub row: RowKey,
    pub col: usize,
}

#[derive(Debug, Default)]
pub struct Selection {
    pub cursor: Option<Cursor>,
    selected: HashSet<Id>,
    anchor: Option<Id>,
}

/// How a click extends the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extend {
    /// Select only this row.
    None,
    /// Add or remove this row (Ctrl).
    Toggle,
    /// Select from the anchor to this row (Shift).
    Range,
}

impl Selection {
    pub fn is_selected(&self, id: Id) -> bool {
        self.selected.contains(&id)
    }

    pub fn len(&self) -> usize {
        self.selected.len()
    }

    /// The selected measures in the order of `rows` (the shown rows).
    pub fn ordered(&self, rows: impl IntoIterator<Item = RowKey>) -> Vec<Id> {
        if self.selected.is_empty() {
            return Vec::new();
        }
        rows.into_iter()
            .filter_map(RowKey::measure)
            .filter(|id| self.selected.contains(id))
            .collect()
    }

    /// Puts the cursor on a row; `rows` are the shown rows in order (for a Shift range).
    pub fn click(
        &mut self,
        row: RowKey,
        col: usize,
        extend: Extend,
        rows: impl IntoIterator<Item = RowKey>,
    ) {
        self.cursor = Some(Cursor { row, col });
        let RowKey::Measure(id) = row else {
            if extend == Extend::None {
                self.selected.clear();
                self.anchor = None;
            }
            return;
        };
        match extend {
            Extend::None => {
                self.selected.clear();
                self.selected.insert(id);
                self.anchor = Some(id);
            }
            Extend::Toggle => {
                if !self.selected.remove(&id) {
                    self.selected.insert(id);
                }
                self.anchor = Some(id);
            }
            Extend::Range => {
                let anchor = self.anchor.unwrap_or(id);
                let mut inside = false;
                self.selected.clear();
                for key in rows {
                    let Some(m) = key.measure() else { continue };
                    let edge = m == anchor || m == id;
                    if edge || inside {
                        self.selected.insert(m);
                    }
                    if edge && anchor != id {
                        inside = !inside;
                    }
                }
                self.selected.insert(id);
                self.anchor = Some(anchor);
            }
        }
    }

    /// Selects exactly `ids` (e.g. every shown measure), the cursor staying where it is.
    pub fn select_all(&mut self, ids: impl IntoIterator<Item = Id>) {
        self.selected = ids.into_iter().collect();
    }

    /// Follows a selection made elsewhere (the runner selecting a new measure, another view): the cursor
    /// moves there and the set becomes that measure, unless it is already part of the set.
    pub fn follow(&mut self, id: Option<Id>, col: usize) {
        match id {
            Some(id) => {
                if !self.selected.contains(&id) {
                    self.selected.clear();
                    self.selected.insert(id);
                    self.anchor = Some(id);
                }
                let col = self.cursor.map_or(col, |c| c.col);
                self.cursor = Some(Cursor {
                    row: RowKey::Measure(id),
                    col,
                });
            }
            None => {
                self.selected.clear();
                if self.cursor.is_some_and(|c| c.row.measure().is_some()) {
                    self.cursor = None;
                }
            }
        }
    }

    /// Forgets measures that no longer exist.
    pub fn retain(&mut self, exists: impl Fn(Id) -> bool) {
        self.selected.retain(|id| exists(*id));
        if self.cursor.is_some_and(|c| !exists(c.row.id())) {
            self.cursor = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> (Vec<RowKey>, Vec<Id>) {
        let ids: Vec<Id> = (0..4).map(|_| crate::model::new_id()).collect();
        let section = RowKey::Section(crate::model::new_id());
        let mut rows = vec![section];
        rows.extend(ids.iter().map(|id| RowKey::Measure(*id)));
        (rows, ids)
    }

    #[test]
    fn click_ctrl_click_and_shift_click() {
        let (rows, ids) = rows();
        let mut s = Selection::default();
        s.click(RowKey::Measure(ids[1]), 1, Extend::None, rows.clone());
        assert_eq!(s.ordered(rows.clone()), vec![ids[1]]);
        s.click(RowKey::Measure(ids[3]), 1, Extend::Toggle, rows.clone());
        assert_eq!(s.ordered(rows.clone()), vec![ids[1], ids[3]]);
        s.click(RowKey::Measure(ids[3]), 1, Extend::Toggle, rows.clone());
        assert_eq!(s.ordered(rows.clone()), vec![ids[1]]);
        // Shift: from the anchor (the last clicked) to here, both ways.
        s.click(RowKey::Measure(ids[1]), 1, Extend::None, rows.clone());
        s.click(RowKey::Measure(ids[3]), 1, Extend::Range, rows.clone());
        assert_eq!(s.ordered(rows.clone()), ids[1..4].to_vec());
        s.click(RowKey::Measure(ids[0]), 1, Extend::Range, rows.clone());
        assert_eq!(s.ordered(rows.clone()), ids[0..2].to_vec());
        assert_eq!(s.cursor.unwrap().row, RowKey::Measure(ids[0]));
    }

    #[test]
    fn following_an_outside_selection() {
        let (rows, ids) = rows();
        let mut s = Selection::default();
        s.select_all(ids.clone());
        s.follow(Some(ids[2]), 0);
        assert_eq!(s.len(), 4, "already selected: the set stays");
        s.follow(Some(crate::model::new_id()), 0);
        assert_eq!(s.len(), 1);
        s.follow(None, 0);
        assert!(s.ordered(rows).is_empty());
        assert_eq!(s.cursor, None);
    }
}
