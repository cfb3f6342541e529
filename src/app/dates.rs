//! Commands about due dates: dates set by hand, and the iCalendar export.

use std::path::Path;

use chrono::NaiveDate;

use super::RoadmapApp;
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
        let picked = rfd::FileDialog::new()
            .set_title(self.i18n.tr("dialog-export-ics-title"))
            .add_filter(self.i18n.tr("filter-ics"), &["ics"])
            .set_file_name(format!("{}.ics", file_stem(&plan.title)))
            .save_file();
        match picked {
            Some(path) => self.export_ics_file(&path),
            None => Ok(()),
        }
    }

    pub(super) fn export_ics_file(&mut self, path: &Path) -> Result<(), String> {
        let plan = self.plan()?;
        let text = crate::exchange::ics::to_ics(plan);
        let events = crate::exchange::ics::event_count(plan);
        crate::output::write_bytes(
            path,
            &crate::output::Protected::of_store(&self.store),
            text.as_bytes(),
        )
        .map_err(|e| e.in_window(&self.i18n.tr("error-write-file")))?;
        self.toasts.info(self.i18n.tr_args(
            "toast-exported-ics",
            &[
                ("path", Arg::Str(&path.display().to_string())),
                ("count", Arg::Num(events as f64)),
            ],
        ));
        Ok(())
    }
}
