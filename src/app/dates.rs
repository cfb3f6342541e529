//! Commands about due dates: dates set by hand, and the iCalendar export.

use std::path::Path;

use chrono::NaiveDate;

use super::RoadmapApp;
use super::chooser::{Mode, Purpose, Request};
use super::runner::file_stem;
use crate::i18n::Arg;
use crate::model::{self, Change, Id};

impl RoadmapApp {
    /// Sets a measure's dates by hand (sorted, distinct), or returns it to the dates its deadline text gives.
    pub(super) fn set_manual_due(
        &mut self,
        id: Id,
        due: Option<Vec<NaiveDate>>,
    ) -> Result<(), String> {
        let plan = self.plan()?;
        let before = plan
            .measure(id)
            .ok_or_else(|| self.i18n.tr("error-no-measure"))?
            .clone();
        let mut after = before.clone();
        match due {
            Some(mut dates) => {
                dates.sort_unstable();
                dates.dedup();
                after.due = dates;
                after.due_manual = true;
            }
            None => {
                after.due = crate::schedule::measure_due_dates(&after, plan.period);
                after.due_manual = false;
            }
        }
        if after.due == before.due && after.due_manual == before.due_manual {
            return Ok(());
        }
        after.updated_at = model::now();
        self.commit(Change::Measure {
            before: Box::new(before),
            after: Box::new(after),
        })
    }

    pub(super) fn pick_and_export_ics(&mut self) -> Result<(), String> {
        let plan = self.plan()?;
        let name = format!("{}.ics", file_stem(&plan.title));
        self.choose(
            Request::new(
                Purpose::ExportIcs,
                Mode::Save,
                self.i18n.tr("dialog-export-ics-title"),
            )
            .filter(self.i18n.tr("filter-ics"), &["ics"])
            .file_name(name),
        )
    }

    pub(super) fn export_ics_file(&mut self, path: &Path) -> Result<(), String> {
        let plan = self.plan()?.clone();
        let done = self.i18n.tr_args(
            "toast-exported-ics",
            &[
                ("path", Arg::Str(&path.display().to_string())),
                (
                    "count",
                    Arg::Num(crate::exchange::ics::event_count(&plan) as f64),
                ),
            ],
        );
        let language = self.i18n.language();
        let protected = crate::output::Protected::of_store(&self.store);
        let file = path.to_path_buf();
        self.run_job("job-export", path, move |progress| {
            progress.set_total(1);
            let text = crate::exchange::ics::to_ics(&plan);
            let written =
                super::jobs::write_unless_cancelled(&file, &protected, text.as_bytes(), progress)
                    .map(|()| done)
                    .map_err(|e| e.in_window(language));
            progress.set_done(1);
            super::jobs::JobResult::Written(written)
        })
    }
}
