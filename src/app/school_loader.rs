//! Reading the school snapshot (the open plan's progress records, criteria, indicator values, every
//! school's summary): at once for an in-memory store, on a worker thread with its own read-only
//! connection for a database file — a region's hundreds of thousands of records are not read on the UI
//! thread. A load is for one (plan, data version); its result is dropped if the data moved on meanwhile.

use std::sync::mpsc::{Receiver, TryRecvError};

use chrono::NaiveDate;

use crate::model::{CriteriaSet, CriterionValue, Id, IndicatorValue, Plan, School};
use crate::stats::{ProgressIndex, SchoolSummary, summarize};
use crate::store::{Store, StoreError};

/// What a load reads.
pub(super) struct Loaded {
    pub records: ProgressIndex,
    pub criteria_stored: Option<CriteriaSet>,
    pub criterion_values: Vec<CriterionValue>,
    pub indicator_values: Vec<IndicatorValue>,
    pub schools: Vec<School>,
    pub summaries: Vec<SchoolSummary>,
}

/// Reads the snapshot of `plan` from `store`.
pub(super) fn read(store: &Store, plan: &Plan, today: NaiveDate) -> Result<Loaded, StoreError> {
    let records = store.progress(Some(plan.id))?;
    let criteria_stored = store.criteria_set()?;
    let criterion_values = store.criterion_values()?;
    let indicator_values = store.indicator_values()?;
    let schools = store.schools()?;
    let summaries = summarize(plan, &schools, &records, today);
    Ok(Loaded {
        records: ProgressIndex::new(records),
        criteria_stored,
        criterion_values,
        indicator_values,
        schools,
        summaries,
    })
}

/// A load running on a worker thread.
#[derive(Debug)]
pub(super) struct PendingLoad {
    pub plan: Id,
    pub version: u64,
    receiver: Receiver<Result<Loaded, StoreError>>,
}

/// What a look at a pending load finds.
pub(super) enum Poll {
    Running,
    Done(Box<Result<Loaded, StoreError>>),
    /// The worker ended without an answer.
    Lost,
}

impl PendingLoad {
    /// Starts reading `plan` (as of `version`) through `reader`, a read-only store of the same file.
    pub fn start(reader: Store, plan: Plan, version: u64, today: NaiveDate) -> Self {
        let (sender, receiver) = std::sync::mpsc::channel();
        let id = plan.id;
        std::thread::spawn(move || {
            // The window may be gone by then: nobody to tell.
            let _ = sender.send(read(&reader, &plan, today));
        });
        Self {
            plan: id,
            version,
            receiver,
        }
    }

    pub fn poll(&self) -> Poll {
        match self.receiver.try_recv() {
            Ok(result) => Poll::Done(Box::new(result)),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }
}
