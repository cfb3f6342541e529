//! The progress records of a plan in memory, found by their key, kept in step with `Change`s.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{Change, Id, Progress};

/// What names one progress record: the measure, the school (`None`: the office itself) and the
/// occurrence's due date (`None` for an unscheduled measure).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProgressKey {
    pub measure: Id,
    pub school: Option<Id>,
    pub due: Option<NaiveDate>,
}

impl ProgressKey {
    pub fn new(measure: Id, school: Option<Id>, due: Option<NaiveDate>) -> Self {
        Self {
            measure,
            school,
            due,
        }
    }

    pub fn of(p: &Progress) -> Self {
        Self::new(p.measure_id, p.school_id, p.due)
    }
}

/// Progress records with an index by key. Order is not kept (removal swaps the last record in).
#[derive(Debug, Clone, Default)]
pub struct ProgressIndex {
    records: Vec<Progress>,
    index: HashMap<ProgressKey, usize>,
}

impl ProgressIndex {
    /// A table of records with distinct keys (a later duplicate replaces an earlier one).
    pub fn new(records: Vec<Progress>) -> Self {
        let mut table = Self {
            records: Vec::with_capacity(records.len()),
            index: HashMap::with_capacity(records.len()),
        };
        for p in records {
            table.put(p);
        }
        table
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn records(&self) -> &[Progress] {
        &self.records
    }

    pub fn get(&self, key: &ProgressKey) -> Option<&Progress> {
        self.index.get(key).map(|&i| &self.records[i])
    }

    /// Inserts or replaces the record with this key.
    pub fn put(&mut self, p: Progress) {
        let key = ProgressKey::of(&p);
        match self.index.get(&key) {
            Some(&i) => self.records[i] = p,
            None => {
                self.index.insert(key, self.records.len());
                self.records.push(p);
            }
        }
    }

    pub fn remove(&mut self, key: &ProgressKey) -> Option<Progress> {
        let i = self.index.remove(key)?;
        let removed = self.records.swap_remove(i);
        if let Some(moved) = self.records.get(i) {
            self.index.insert(ProgressKey::of(moved), i);
        }
        Some(removed)
    }

    /// Applies the progress part of a change (other kinds of change are ignored).
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::Progress { before, after } => match (before, after) {
                (_, Some(p)) => self.put((**p).clone()),
                (Some(p), None) => {
                    self.remove(&ProgressKey::of(p));
                }
                (None, None) => {}
            },
            Change::Batch(changes) => changes.iter().for_each(|c| self.apply(c)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Status, new_id};

    fn record(measure: Id, school: Id, day: u32) -> Progress {
        Progress::new(
            measure,
            Some(school),
            NaiveDate::from_ymd_opt(2021, 10, day),
            Status::Done,
        )
    }

    #[test]
    fn put_remove_and_changes_keep_the_index_right() {
        let (m, s) = (new_id(), new_id());
        let mut table = ProgressIndex::new((1..=5).map(|d| record(m, s, d)).collect());
        assert_eq!(table.len(), 5);
        let key = ProgressKey::of(&record(m, s, 2));
        assert!(table.remove(&key).is_some());
        assert!(table.get(&key).is_none());
        for d in [1, 3, 4, 5] {
            let k = ProgressKey::of(&record(m, s, d));
            assert_eq!(table.get(&k).unwrap().due, k.due);
        }
        let change = Change::Progress {
            before: None,
            after: Some(Box::new(record(m, s, 2))),
        };
        table.apply(&change);
        assert!(table.get(&key).is_some());
        table.apply(&change.inverse());
        assert!(table.get(&key).is_none());
        assert_eq!(table.len(), 4);
    }
}
