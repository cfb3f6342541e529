//! `roadmap-planner export --format ics`: one plan's due dates as an iCalendar file.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::{open_chosen_plan, write_file_atomically};
use crate::exchange::ics;

/// Writes the ICS of the plan `plan` (or of the only plan in the database) to `output` ("-": stdout).
pub fn export(db: &Path, plan: Option<&str>, output: &Path) -> anyhow::Result<()> {
    let (store, plan) = open_chosen_plan(db, plan)?;
    drop(store);
    let text = ics::to_ics(&plan);
    if output == Path::new("-") {
        let mut out = std::io::stdout().lock();
        match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(e).context("не удалось вывести файл")
            }
            _ => Ok(()),
        }
    } else {
        write_file_atomically(db, output, |out| {
            out.write_all(text.as_bytes())?;
            out.flush()
        })?;
        println!(
            "Файл записан: {} (событий: {}, «{}»).",
            output.display(),
            ics::event_count(&plan),
            plan.title
        );
        Ok(())
    }
}
