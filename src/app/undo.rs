//! Undo and redo over `Change`s. Cleared when a plan is opened or imported: undo never crosses those.

use crate::model::{Change, Id};

/// One undoable step: the change as applied, and the plan it belongs to.
#[derive(Debug, Clone)]
pub struct Step {
    pub plan: Id,
    pub change: Change,
}

#[derive(Debug, Default)]
pub struct UndoStack {
    done: Vec<Step>,
    undone: Vec<Step>,
}

impl UndoStack {
    /// The most steps kept; older ones are forgotten.
    pub const LIMIT: usize = 500;

    /// Records a step just applied; a new step forgets what was undone.
    pub fn push(&mut self, step: Step) {
        self.undone.clear();
        self.done.push(step);
        if self.done.len() > Self::LIMIT {
            self.done.remove(0);
        }
    }

    pub fn take_undo(&mut self) -> Option<Step> {
        self.done.pop()
    }

    pub fn take_redo(&mut self) -> Option<Step> {
        self.undone.pop()
    }

    /// Puts back a step that was undone (so it can be redone).
    pub fn undone(&mut self, step: Step) {
        self.undone.push(step);
    }

    /// Puts back a step that was redone (so it can be undone again) without forgetting the redo stack.
    pub fn redone(&mut self, step: Step) {
        self.done.push(step);
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    pub fn clear(&mut self) {
        self.done.clear();
        self.undone.clear();
    }
}
