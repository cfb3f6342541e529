//! Commands about due dates: dates set by hand, and the iCalendar export.

use std::path::Path;

use chrono::NaiveDate;

use super::RoadmapApp;
use super::chooser::Purpose;
use crate::i18n::Arg;
use crate::model::Id;

impl RoadmapApp {
    /// Sets a measure's dates by hand (sorted, distinct), or returns it to the dates its deadline text gives.
    pub(super) fn set_manual_due(
        &mut self,
        id: Id,
        due: Option<Vec<NaiveDate>>,
    ) -> Result<(), String> {
        self.change_measure(id, |m, period| match due {
            Some(mut dates) => {
                dates.sort_unstable();
                dates.dedup();
                m.due = dates;
                m.due_manual = true;
            }
            None => {
                m.due = crate::schedule::measure_due_dates(m, period);
                m.due_manual = false;
            }
        })
    }

    pub(super) fn pick_and_export_ics(&mut self) -> Result<(), String> {
        self.choose_plan_file(
            Purpose::ExportIcs,
            "dialog-export-ics-title",
            ("filter-ics", "ics"),
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
        self.make_and_write_in_background(path, done, move || {
            crate::exchange::ics::to_ics(&plan).into_bytes()
        })
    }
}
