//! Long work off the window's thread. A job runs on a worker thread with a `Progress` it counts on and may
//! be cancelled through; what it produces comes back as a `Command` the runner carries out after a frame, so
//! the store keeps one writer (the runner) and the window keeps drawing meanwhile. Cancelling drops the
//! result: the data stays as it was. One job at a time; the status bar shows it with «Отмена».
//!
//! In tests (`RoadmapApp::new`) jobs run inline, so a command's effect is there after the frame; the window
//! (`from_creation_context`) runs them in the background.

use super::SystemCommand;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;

use super::{Command, JobFailure};

/// Counts a job reports as it goes, and the cancel flag it checks.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    cancelled: Arc<AtomicBool>,
}

impl Progress {
    pub fn set_total(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
    }

    pub fn set_done(&self, done: u64) {
        self.done.store(done, Ordering::Relaxed);
    }

    pub fn cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// The cancel flag itself, for work that checks it where `Progress` cannot go (a database
    /// connection's stop flag, `Store::stop_when`).
    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.cancelled)
    }

    pub fn counts(&self) -> (u64, u64) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// What a finished job hands back to the runner.
#[derive(Debug, Clone, PartialEq)]
pub enum JobResult {
    /// An import file read and previewed (or the reason it could not be).
    ImportRead(Result<ImportRead, JobFailure>),
    /// Schools' reports read and previewed together («Собрать отчёты»).
    ReportsCollected(Result<Box<super::PendingReports>, JobFailure>),
    /// A file written: the message for the user, or the error.
    Written(Result<String, JobFailure>),
    /// An import applied on the job's own connection.
    ImportApplied(ImportOutcome),
    /// Schools' reports applied by a job («Собрать отчёты»).
    ReportsApplied(Box<ReportsOutcome>),
    /// A backup restored on the job's own connection, or stopped, or the reason it could not be.
    Restored {
        restored: Result<crate::store::Restore, JobFailure>,
        /// Restored: the data read back on the job's connection (see `ImportOutcome::Done`).
        reloaded: Option<Result<Box<super::reload::Reloaded>, JobFailure>>,
    },
}

/// How a write job ended. Unlike a read, a write's end always reaches the runner, cancelled or not: the
/// runner learns whether the database changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Applied {
    Done(Box<crate::exchange::ImportSummary>),
    /// Stopped by «Отмена»: the transaction rolled back, the database is as it was.
    Cancelled,
    Failed(JobFailure),
}

/// How applying an import on a job's own connection ended.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportOutcome {
    /// Written: what to tell the user, and the data as the job read it back once written (or why it
    /// could not: the window reads it then). The pending import, a region's file, was dropped on the worker.
    Done {
        summary: Box<crate::exchange::ImportSummary>,
        told: Box<super::run_exchange::ImportTold>,
        reloaded: Result<Box<super::reload::Reloaded>, JobFailure>,
    },
    /// Stopped by «Отмена» (the database is as it was): the pending import comes back, moved to the worker
    /// and back, not copied.
    Cancelled(Box<super::PendingImport>),
    /// Not written, and why; the pending import comes back.
    Failed(Box<super::PendingImport>, JobFailure),
}

/// How applying several schools' reports ended.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportsOutcome {
    /// The reports applied, in turn: the school (its display name) and what its report did.
    pub applied: Vec<(String, crate::exchange::ImportSummary)>,
    /// Why a report could not be applied (`AppError::ReportRefused`, naming its school) or the backup
    /// before them not made; the reports after it were not applied.
    pub failed: Option<JobFailure>,
    /// Stopped by «Отмена»: the database was put back as it was before the first report.
    pub cancelled: bool,
    /// The data read back on the job's connection once it ended (see `ImportOutcome::Done`); `None` when
    /// the reports were applied on the window's store.
    pub reloaded: Option<Result<Box<super::reload::Reloaded>, JobFailure>>,
}

/// What reading an import file gives: its preview, or a table whose header was not recognised.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportRead {
    Previewed(Box<super::PendingImport>),
    /// The column-mapping step comes first.
    Mapping(Box<super::PendingMapping>),
}

/// The running job as the status bar shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct JobStatus {
    pub title: String,
    pub done: u64,
    pub total: u64,
}

struct Running {
    title: String,
    /// A job writing the database: the window writes nothing meanwhile.
    writes: bool,
    progress: Arc<Progress>,
    result: mpsc::Receiver<JobResult>,
}

/// Whether a job only reads the database (or nothing) or writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    Reads,
    Writes,
}

/// Another job is still running: one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

/// The app's job runner.
pub struct Jobs {
    background: bool,
    running: Option<Running>,
    /// Wakes the window when a job ends.
    repaint: Option<egui::Context>,
    /// Tests: the next job waits for this gate before it starts (see `hold_next`).
    gate: Option<mpsc::Receiver<()>>,
}

impl Jobs {
    /// `background`: run jobs on a worker thread (the window) or at once on this one (tests).
    pub fn new(background: bool) -> Self {
        Self {
            background,
            running: None,
            repaint: None,
            gate: None,
        }
    }

    pub fn set_background(&mut self, background: bool) {
        self.background = background;
    }

    /// Whether jobs run on a worker thread.
    pub fn background(&self) -> bool {
        self.background
    }

    pub fn set_repaint(&mut self, ctx: &egui::Context) {
        if self.repaint.is_none() {
            self.repaint = Some(ctx.clone());
        }
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Whether the running job writes the database (the window then refuses its own writes).
    pub fn is_writing(&self) -> bool {
        self.running.as_ref().is_some_and(|r| r.writes)
    }

    /// For tests: the next background job waits until the returned sender sends or is dropped, so a test
    /// sees it running (its progress, «Отмена») however fast its work is.
    pub fn hold_next(&mut self) -> mpsc::Sender<()> {
        let (release, gate) = mpsc::channel();
        self.gate = Some(gate);
        release
    }

    /// Starts `work`, its bar counting `total` steps from the start (the work may set another). A job that
    /// `Writes` the database through its own connection holds `is_writing` until it ends, and its result
    /// comes back even when cancelled. Inline, the result is returned at once; in the background `None` (it
    /// comes from `finished`). `Err` when another job is still running.
    pub fn start(
        &mut self,
        title: String,
        kind: JobKind,
        total: u64,
        work: impl FnOnce(&Progress) -> JobResult + Send + 'static,
    ) -> Result<Option<JobResult>, Busy> {
        if self.running.is_some() {
            return Err(Busy);
        }
        let writes = kind == JobKind::Writes;
        let progress = Arc::new(Progress::default());
        progress.set_total(total);
        if !self.background {
            return Ok(Some(work(&progress)));
        }
        let (sender, result) = mpsc::channel();
        let worker_progress = Arc::clone(&progress);
        let repaint = self.repaint.clone();
        let gate = self.gate.take();
        std::thread::spawn(move || {
            if let Some(gate) = gate {
                let _ = gate.recv();
            }
            let outcome = work(&worker_progress);
            let _ = sender.send(outcome);
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
        self.running = Some(Running {
            title,
            writes,
            progress,
            result,
        });
        Ok(None)
    }

    /// The result of a job that ended since the last call; a cancelled read's result is dropped (a write's
    /// is not: it says whether the database changed).
    pub fn finished(&mut self) -> Option<JobResult> {
        let running = self.running.as_ref()?;
        let outcome = match running.result.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => None,
        };
        let dropped = running.progress.cancelled() && !running.writes;
        self.running = None;
        outcome.filter(|_| !dropped)
    }

    /// Asks the running job to stop; whatever it produces is dropped.
    pub fn cancel(&mut self) {
        if let Some(running) = &self.running {
            running.progress.cancelled.store(true, Ordering::Relaxed);
        }
    }

    pub fn status(&self) -> Option<JobStatus> {
        self.running.as_ref().map(|r| {
            let (done, total) = r.progress.counts();
            JobStatus {
                title: r.title.clone(),
                done,
                total,
            }
        })
    }
}

/// A command for a finished job (what `finished` returned).
pub fn command(result: JobResult) -> Command {
    Command::System(SystemCommand::JobDone(Box::new(result)))
}

/// Writes `bytes` to `path` as every output is written (`output::write_atomically`: never over the program's
/// database or backups, whole or not at all), giving up before the rename when the job was cancelled: a
/// cancelled export leaves the old file (or none) as it was.
pub fn write_unless_cancelled(
    path: &std::path::Path,
    protected: &crate::output::Protected,
    bytes: &[u8],
    progress: &Progress,
) -> Result<(), crate::output::OutputError> {
    crate::output::write_atomically(path, protected, |out| {
        std::io::Write::write_all(out, bytes)?;
        if progress.cancelled() {
            return Err(cancelled_error());
        }
        Ok(())
    })
}

/// Writes several files as one: each under a temporary name beside it, then — all of them written, the
/// job not cancelled — each renamed to its name; a failure or a cancel before the renaming removes the
/// temporary files, so the folder is as it was. Counts each file written on `progress` after the steps
/// already done. Never over the program's database or backups.
pub fn write_all_unless_cancelled(
    files: &[(std::path::PathBuf, Vec<u8>)],
    protected: &crate::output::Protected,
    progress: &Progress,
) -> Result<(), crate::output::OutputError> {
    use crate::output::OutputError;
    let (start, _) = progress.counts();
    let mut written: Vec<(std::path::PathBuf, &std::path::Path)> = Vec::with_capacity(files.len());
    let remove_written = |written: &[(std::path::PathBuf, &std::path::Path)]| {
        for (tmp, _) in written {
            let _ignored = std::fs::remove_file(tmp);
        }
    };
    for (n, (target, bytes)) in files.iter().enumerate() {
        let tmp = temporary_beside(target).and_then(|tmp| {
            protected.check(target)?;
            write_synced(&tmp, bytes, progress).map_err(|error| {
                let _ignored = std::fs::remove_file(&tmp);
                OutputError::Write {
                    path: target.clone(),
                    error,
                }
            })?;
            Ok(tmp)
        });
        match tmp {
            Ok(tmp) => written.push((tmp, target)),
            Err(e) => {
                remove_written(&written);
                return Err(e);
            }
        }
        progress.set_done(start + n as u64 + 1);
    }
    for (n, (tmp, target)) in written.iter().enumerate() {
        if let Err(error) = std::fs::rename(tmp, target) {
            remove_written(&written[n..]);
            return Err(OutputError::Write {
                path: target.to_path_buf(),
                error,
            });
        }
    }
    Ok(())
}

/// `.name.<process>.part` beside `target`.
fn temporary_beside(
    target: &std::path::Path,
) -> Result<std::path::PathBuf, crate::output::OutputError> {
    let name = target
        .file_name()
        .ok_or_else(|| crate::output::OutputError::NotAFileName(target.to_path_buf()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.part", std::process::id()));
    Ok(target.with_file_name(tmp_name))
}

/// Writes `bytes` to `path` and syncs it, failing as interrupted when the job was cancelled.
fn write_synced(path: &std::path::Path, bytes: &[u8], progress: &Progress) -> std::io::Result<()> {
    if progress.cancelled() {
        return Err(cancelled_error());
    }
    let mut file = std::fs::File::create(path)?;
    std::io::Write::write_all(&mut file, bytes)?;
    file.sync_all()
}

fn cancelled_error() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::Interrupted, "отменено")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> JobResult {
        JobResult::Written(Ok(text.to_owned()))
    }

    #[test]
    fn inline_jobs_answer_at_once() {
        let mut jobs = Jobs::new(false);
        let result = jobs
            .start("x".into(), JobKind::Reads, 0, |_| written("готово"))
            .unwrap();
        assert!(matches!(result, Some(JobResult::Written(Ok(t))) if t == "готово"));
        assert!(!jobs.is_running());
    }

    #[test]
    fn a_background_job_reports_counts_and_its_result() {
        let mut jobs = Jobs::new(true);
        let (go, wait) = mpsc::channel::<()>();
        jobs.start("Импорт".into(), JobKind::Reads, 0, move |p| {
            p.set_total(10);
            p.set_done(4);
            wait.recv().unwrap();
            written("ok")
        })
        .unwrap();
        // A second job waits for the first.
        assert!(
            jobs.start("ещё".into(), JobKind::Reads, 0, |_| written("no"))
                .is_err()
        );
        let status = loop {
            let s = jobs.status().unwrap();
            if s.total == 10 {
                break s;
            }
            std::thread::yield_now();
        };
        assert_eq!((status.done, status.total), (4, 10));
        go.send(()).unwrap();
        let result = loop {
            if let Some(r) = jobs.finished() {
                break r;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        };
        assert!(matches!(result, JobResult::Written(Ok(_))));
        assert!(jobs.status().is_none());
    }

    #[test]
    fn a_cancelled_job_leaves_nothing() {
        let mut jobs = Jobs::new(true);
        let (go, wait) = mpsc::channel::<()>();
        jobs.start("Импорт".into(), JobKind::Reads, 0, move |p| {
            wait.recv().unwrap();
            assert!(p.cancelled());
            written("ignored")
        })
        .unwrap();
        jobs.cancel();
        go.send(()).unwrap();
        for _ in 0..2000 {
            if !jobs.is_running() {
                break;
            }
            assert!(
                jobs.finished().is_none(),
                "a cancelled job's result is dropped"
            );
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert!(!jobs.is_running());
    }

    fn unprotected() -> crate::output::Protected {
        crate::output::Protected::database(std::path::Path::new("/nonexistent/db.sqlite"), None)
    }

    /// How many entries `dir` holds.
    fn count(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir).unwrap().count()
    }

    #[test]
    fn several_files_are_written_all_together() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
        std::fs::write(&a, "старый").unwrap();
        let files = vec![(a.clone(), b"A".to_vec()), (b.clone(), b"B".to_vec())];
        let progress = Progress::default();
        write_all_unless_cancelled(&files, &unprotected(), &progress).unwrap();
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "A");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "B");
        assert_eq!(count(dir.path()), 2, "no temporary file is left");
        assert_eq!(progress.counts().0, 2, "each file written is counted");
    }

    #[test]
    fn a_failed_file_leaves_the_folder_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        std::fs::write(&a, "старый").unwrap();
        // The second target's folder does not exist: its file cannot be written.
        let files = vec![
            (a.clone(), b"A".to_vec()),
            (dir.path().join("нет/b.json"), b"B".to_vec()),
        ];
        assert!(write_all_unless_cancelled(&files, &unprotected(), &Progress::default()).is_err());
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "старый");
        assert_eq!(count(dir.path()), 1, "no temporary file is left");
    }

    #[test]
    fn a_cancelled_writing_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![(dir.path().join("a.json"), b"A".to_vec())];
        let progress = Progress::default();
        progress.cancel_flag().store(true, Ordering::Relaxed);
        assert!(write_all_unless_cancelled(&files, &unprotected(), &progress).is_err());
        assert_eq!(count(dir.path()), 0);
    }
}
