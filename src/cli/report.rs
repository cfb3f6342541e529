//! `roadmap-planner report [--plan ID] [--school ID] --format html|docx -o ФАЙЛ`: the summary report
//! (аналитическая справка) of one school, or of the district without `--school`.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use clap::ValueEnum;

use super::{open_chosen_plan, school_by_id_start, write_bytes_atomically};
use crate::exchange::analytic_note::{docx, html};
use crate::stats::ProgressIndex;
use crate::stats::analytic_note::{district_note, indicator_lines, school_note};

/// Formats of the summary report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Страница HTML для печати.
    Html,
    /// Документ Word.
    Docx,
}

/// Writes the report of `school` (an id or its unique beginning), or of the district, on `today`.
pub fn run(
    db: &Path,
    plan: Option<&str>,
    school: Option<&str>,
    format: ReportFormat,
    output: &Path,
    today: NaiveDate,
) -> anyhow::Result<()> {
    let (store, plan) = open_chosen_plan(db, plan)?;
    let id = plan.id;
    let schools = store.schools()?;
    let table = ProgressIndex::new(store.progress(Some(id))?);
    let values = store.indicator_values()?;
    drop(store);
    let (bytes, about) = match school {
        Some(text) => {
            let school = school_by_id_start(&schools, text)?;
            let mut r = school_note(&plan, school, &table, today);
            r.indicators = indicator_lines(&plan, &values, Some(school.id));
            let bytes = match format {
                ReportFormat::Html => html::school_html(&r).into_bytes(),
                ReportFormat::Docx => docx::school_docx(&r)?,
            };
            (bytes, format!("школа «{}»", school.display_name()))
        }
        None => {
            let mut r = district_note(&plan, &schools, &table, today);
            r.indicators = indicator_lines(&plan, &values, None);
            let bytes = match format {
                ReportFormat::Html => html::district_html(&r).into_bytes(),
                ReportFormat::Docx => docx::district_docx(&r)?,
            };
            (bytes, format!("район, школ: {}", r.schools.len()))
        }
    };
    if output == Path::new("-") {
        if format == ReportFormat::Docx {
            anyhow::bail!("документ Word нельзя вывести в стандартный вывод; укажите файл");
        }
        std::io::stdout()
            .write_all(&bytes)
            .map_err(|e| anyhow::Error::new(e).context("не удалось вывести справку"))?;
        return Ok(());
    }
    write_bytes_atomically(db, output, &bytes)?;
    println!(
        "Справка записана: {} («{}», {about}).",
        output.display(),
        plan.title
    );
    Ok(())
}
