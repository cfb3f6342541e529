//! The connections of jobs. A job that reads the database runs on a worker with a read-only connection of
//! its own (`Store::reader`), so the window draws on while a region's data is read and previewed; a job that
//! writes gets a second connection (`Store::second_connection`) while the window writes nothing. Without a
//! second connection (a database in memory) or with inline jobs (tests) the same work runs here, on the
//! window's store.

use crate::i18n::I18n;
use crate::store::Store;

use super::jobs::{JobResult, Progress};
use super::{AppError, RoadmapApp};

impl RoadmapApp {
    /// Starts `work` as a job titled by `key` (with the file's name) over a read-only connection of its own,
    /// or carries it out at once on the window's store; its result is carried out as any job's. `total`:
    /// the steps its bar counts.
    pub(super) fn run_read_job(
        &mut self,
        key: &str,
        path: &std::path::Path,
        total: u64,
        work: impl FnOnce(&Store, &I18n, &Progress) -> JobResult + Send + 'static,
    ) -> Result<(), AppError> {
        match self.job_connection(Store::reader)? {
            Some(reader) => {
                let language = self.i18n.language();
                let title = self.job_title(key, path);
                let started =
                    self.jobs
                        .start(title, super::jobs::JobKind::Reads, total, move |progress| {
                            work(&reader, &I18n::new(language), progress)
                        });
                self.job_started(started)
            }
            None => {
                let progress = Progress::default();
                progress.set_total(total);
                let result = work(&self.store, &self.i18n, &progress);
                self.job_done(result)
            }
        }
    }

    /// A connection of its own for a job that writes the database: `None` when jobs run here (tests) or
    /// the database has no second connection (in memory); `Err` when another job still runs.
    pub(super) fn job_writer(&self) -> Result<Option<Store>, AppError> {
        self.job_connection(Store::second_connection)
    }

    /// The connection `open` gives for a job, when jobs run in the background; refused while one runs.
    fn job_connection(
        &self,
        open: fn(&Store) -> Result<Option<Store>, crate::store::StoreError>,
    ) -> Result<Option<Store>, AppError> {
        if self.jobs.is_running() {
            return Err(AppError::Busy);
        }
        if !self.jobs.background() {
            return Ok(None);
        }
        Ok(open(&self.store)?)
    }
}
