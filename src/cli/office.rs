//! `roadmap-planner import ФАЙЛ.docx|ФАЙЛ.xlsx` and `export --format docx|xlsx`: road maps as Word and
//! Excel documents.

use std::path::Path;

use super::exchange_cmd::{dry_run_or_backup, preview_text};
use super::{open, open_chosen_plan, write_bytes_atomically};
use crate::exchange::{self, office};

/// Which office document `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeFormat {
    Docx,
    Xlsx,
}

/// Reads a Word or Excel road map into a new plan (due dates derived from its deadlines) and imports it
/// through the same preview as an exchange file: what it adds is printed, the database is backed up first;
/// with `dry_run` nothing is written. Nothing is written either when the document cannot be read.
/// `today` gives the school year of a document that names none.
pub fn import(
    db: &Path,
    source: &Path,
    dry_run: bool,
    today: chrono::NaiveDate,
) -> anyhow::Result<()> {
    let source_data = office::import_source(source, today)?;
    let plan = &source_data.file.plans[0];
    let mut store = open(db)?;
    let preview = source_data.preview(&store)?;
    let names = exchange::Names::collect(&store, &source_data.file);
    println!("Файл: {}.", source.display());
    println!("Дорожная карта «{}».", plan.title);
    println!("Идентификатор плана: {}", plan.id);
    println!(
        "Период: {}–{}. Направлений: {}, мероприятий: {}.",
        plan.period.from.format(crate::model::DATE_FORMAT),
        plan.period.to.format(crate::model::DATE_FORMAT),
        plan.sections.len(),
        plan.measure_count()
    );
    if dry_run_or_backup(&store, &preview, dry_run, || {
        preview_text(&preview, &source_data, &names)
    })? {
        return Ok(());
    }
    exchange::apply(&mut store, &source_data.file, &preview)?;
    print!("{}", preview_text(&preview, &source_data, &names));
    println!("Импорт завершён.");
    Ok(())
}

/// Writes one plan (`--plan`, or the only plan in the database) as .docx or .xlsx.
pub fn export(
    db: &Path,
    plan: Option<&str>,
    output: &Path,
    format: OfficeFormat,
) -> anyhow::Result<()> {
    let (store, plan) = open_chosen_plan(db, plan)?;
    let id = plan.id;
    let bytes = match format {
        OfficeFormat::Docx => exchange::docx::write_docx(&plan)?,
        OfficeFormat::Xlsx => {
            let schools = store.schools()?;
            let progress = store.progress(Some(id))?;
            exchange::xlsx::write_xlsx(&plan, &schools, &progress)?
        }
    };
    drop(store);
    if output == Path::new("-") {
        anyhow::bail!("документ Word или Excel нельзя вывести в стандартный вывод; укажите файл");
    }
    write_bytes_atomically(db, output, &bytes)?;
    println!(
        "Файл записан: {} («{}», мероприятий: {}).",
        output.display(),
        plan.title,
        plan.measure_count()
    );
    Ok(())
}
