//! What the views show of one measure's progress: records per status over all schools and occurrences,
//! and the office's own. The store counts them (`Store::progress_summary`); views and filters read them.

use crate::model::Status;

/// Progress of one measure over all schools and occurrences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProgressSummary {
    /// Records per status, indexed like `Status::ALL`.
    pub by_status: [u32; 5],
    /// Open records whose due date is before today.
    pub overdue: u32,
    /// The office's own records per status (not counted above).
    pub office_by_status: [u32; 5],
    /// The office's open records whose due date is before today.
    pub office_overdue: u32,
    /// The occurrences the office has to carry out (0 when the measure is not the office's own); set
    /// from the plan by the reader of the summary (`ProgressSummary::set_executor`), not by the store.
    pub office_expected: u32,
    /// The office alone carries the measure out (no school's line to show).
    pub office_only: bool,
}

impl ProgressSummary {
    pub fn total(&self) -> u32 {
        self.by_status.iter().sum()
    }

    pub fn count(&self, status: Status) -> u32 {
        self.by_status[status as usize]
    }

    /// Adds `count` records in `status` (`overdue` of them open and past due), the office's own records
    /// (`office`) apart from the schools'.
    pub(crate) fn add(&mut self, status: Status, office: bool, count: u32, overdue: u32) {
        if office {
            self.office_by_status[status as usize] += count;
            self.office_overdue += overdue;
        } else {
            self.by_status[status as usize] += count;
            self.overdue += overdue;
        }
    }

    /// Whether the office has marked any occurrence of a measure it executes (the grid then shows its
    /// line; "—" as for schools until something is marked).
    pub fn office_marked(&self) -> bool {
        self.office_expected > 0 && self.office_by_status.iter().sum::<u32>() > 0
    }

    /// The records of whoever executes the measure, as one summary: the office's for a measure of the
    /// office alone, the schools' otherwise (what the calendar colours an occurrence by).
    pub fn of_executors(&self) -> ProgressSummary {
        if self.office_only {
            ProgressSummary {
                by_status: self.office_by_status,
                overdue: self.office_overdue,
                ..ProgressSummary::default()
            }
        } else {
            *self
        }
    }

    /// The office's own records in `status`.
    pub fn office_count(&self, status: Status) -> u32 {
        self.office_by_status[status as usize]
    }

    /// Sets what the office has to do: `office_occurrences` (0 when the office does not execute the
    /// measure) and whether it alone does.
    pub fn set_executor(&mut self, office_occurrences: u32, office_only: bool) {
        self.office_expected = office_occurrences;
        self.office_only = office_only;
    }
}
