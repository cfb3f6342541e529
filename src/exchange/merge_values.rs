//! The school side of an import — the criteria set, criterion values and actual indicator values —
//! merged in the import's transaction, record by record: the newer `updated_at` wins.

use crate::store::{Merge, StoreError, Writer};

use super::ExchangeFile;

/// Merges the file's criteria set and values; returns how many records were added or updated.
pub(super) fn merge_values(w: &mut Writer<'_>, file: &ExchangeFile) -> Result<usize, StoreError> {
    let mut changed = 0;
    let mut count = |m: Merge| changed += usize::from(m != Merge::Kept);
    if let Some(set) = &file.criteria {
        count(w.merge_criteria_set(set)?);
    }
    for v in &file.criterion_values {
        count(w.merge_criterion_value(v)?);
    }
    for v in &file.indicator_values {
        count(w.merge_indicator_value(v)?);
    }
    Ok(changed)
}
