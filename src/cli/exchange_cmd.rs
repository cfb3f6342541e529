//! `import` (with a backup first, or `--dry-run` to only print the preview), `backups`, `restore`,
//! `export --format csv` and `export --school ID`.

use std::path::Path;

use anyhow::anyhow;

use crate::exchange::{self, ImportPreview, ImportSource, Names};
use crate::store::RecordKind;

/// The preview as the CLI prints it: counts per kind, then the conflicts and deletions by title.
pub fn preview_text(preview: &ImportPreview, source: &ImportSource, names: &Names) -> String {
    let mut out = String::new();
    let rows = [
        (RecordKind::Plan, "Планы"),
        (RecordKind::Section, "Направления"),
        (RecordKind::Measure, "Мероприятия"),
        (RecordKind::School, "Школы"),
        (RecordKind::Progress, "Отметки о выполнении"),
    ];
    for (kind, name) in rows {
        let c = preview.count(kind);
        out.push_str(&format!(
            "{name}: добавится {}, обновится {}, удалится {}, конфликтов {}, без изменений {}.\n",
            c.added, c.updated, c.deleted, c.conflicts, c.kept
        ));
    }
    for item in &preview.items {
        let what = match item.action {
            exchange::Action::Conflict => "Конфликт",
            exchange::Action::Delete => "Удаление",
            _ => continue,
        };
        out.push_str(&format!(
            "{what}: {}\n",
            preview.describe(&source.file, item, names)
        ));
    }
    for note in &preview.notes {
        out.push_str(note);
        out.push('\n');
    }
    out
}

/// `import ФАЙЛ [--dry-run]`: reads any supported file, prints what it changes; without `--dry-run` backs
/// the database up and applies it.
/// `today` gives the school year of a table that names none.
pub fn import(
    db: &Path,
    path: &Path,
    dry_run: bool,
    add_missing: bool,
    today: chrono::NaiveDate,
) -> anyhow::Result<()> {
    let mut source = if path == Path::new("-") {
        ImportSource {
            file: exchange::read_from(std::io::stdin().lock(), Path::new("стандартный ввод"))?,
            notes: Vec::new(),
        }
    } else {
        exchange::read_source(path, today)?
    };
    let mut store = super::open(db)?;
    if let Some(missing) = exchange::missing::check_report(&store, &source.file)? {
        if !add_missing {
            anyhow::bail!(
                "{} Ничего не загружено. Чтобы добавить недостающее, повторите команду с параметром --add-missing.",
                missing.message()
            );
        }
        println!("{}", missing.message());
        exchange::missing::add_missing(&store, &mut source.file)?;
        println!("Недостающее будет добавлено (--add-missing).");
    }
    let preview = source.preview(&store)?;
    let names = Names::collect(&store, &source.file);
    println!("Файл: {}.", path.display());
    if dry_run_or_backup(&store, &preview, dry_run, || {
        preview_text(&preview, &source, &names)
    })? {
        return Ok(());
    }
    let summary = exchange::apply(&mut store, &source.file, &preview)?;
    if let Some(school) = exchange::missing::report_school(&source.file) {
        println!("Отчёт школы «{}».", school.display_name());
    }
    println!("{summary}");
    // A school's report: its marks by measure.
    if exchange::missing::report_school(&source.file).is_some() {
        for item in preview
            .items
            .iter()
            .filter(|i| i.kind == RecordKind::Progress && !i.from_deleted)
        {
            let what = match item.action {
                exchange::Action::Add => "добавлена",
                exchange::Action::Update => "обновлена",
                _ => continue,
            };
            println!(
                "Отметка {what}: {}",
                preview.describe(&source.file, item, &names)
            );
        }
    }
    // The conflicts and deletions by title, and the notes (e.g. a guessed period), as the preview lists them.
    for line in preview_text(&preview, &source, &names).lines().skip(5) {
        println!("{line}");
    }
    Ok(())
}

/// The step before an import writes: under `--dry-run`, prints what would change (`preview_text`) and
/// returns true (write nothing); otherwise backs the database up when the import changes anything.
pub(super) fn dry_run_or_backup(
    store: &crate::store::Store,
    preview: &ImportPreview,
    dry_run: bool,
    preview_text: impl FnOnce() -> String,
) -> anyhow::Result<bool> {
    if dry_run {
        println!("Проверка без записи (--dry-run): база данных не изменена.");
        print!("{}", preview_text());
        return Ok(true);
    }
    if preview.changed()
        && let Some(backup) = store.backup()?
    {
        println!("Резервная копия базы: {}.", backup.display());
    }
    Ok(false)
}

/// `backups`: the backups of the database, newest last, from the folder the settings name (else
/// `backups/` beside it). Needs no write access: the database is not opened.
pub fn backups(db: &Path) -> anyhow::Result<()> {
    let dir = crate::config::AppConfig::load().backups_dir_for(db);
    let list = crate::store::list_backups_in(&dir);
    if list.is_empty() {
        println!("Резервных копий нет (папка {}).", dir.display());
    }
    for b in list {
        println!("{}\t{} КБ", b.path.display(), b.size.div_ceil(1024));
    }
    Ok(())
}

/// `restore ФАЙЛ`: replaces the database with a sound backup (the current state is backed up first; a
/// refused file changes nothing and adds no backup).
pub fn restore(db: &Path, file: &Path) -> anyhow::Result<()> {
    if !file.is_file() {
        return Err(anyhow!(
            "файл резервной копии не найден: {}",
            file.display()
        ));
    }
    let mut store = super::open(db)?;
    let before = store.restore_from(file)?;
    println!("База восстановлена из {}.", file.display());
    if let Some(b) = before {
        println!("Прежнее состояние сохранено в {}.", b.display());
    }
    Ok(())
}

/// `export --format csv`: the plan's grid as CSV for Excel.
pub fn export_csv(db: &Path, plan: Option<&str>, output: &Path) -> anyhow::Result<()> {
    let store = super::open(db)?;
    let id = match plan {
        Some(text) => super::resolve_plan(&store, text)?,
        None => match store.list_plans()?.as_slice() {
            [only] => only.id,
            [] => return Err(anyhow!("в базе нет планов")),
            _ => {
                return Err(anyhow!(
                    "в базе несколько планов: укажите один параметром --plan"
                ));
            }
        },
    };
    let bytes = exchange::csv_export::grid_csv(&store.load_plan(id)?, None);
    write_bytes(db, output, &bytes)
}

/// `export --school ID`: one school's report as an exchange file.
pub fn export_school(db: &Path, school: &str, output: &Path) -> anyhow::Result<()> {
    let mut store = super::open(db)?;
    let id = super::resolve_school(&store, school)?.id;
    let origin = exchange::office_origin(&mut store)?;
    let file = exchange::export_school(&store, id, origin)?;
    write_bytes(db, output, exchange::to_json(&file).as_bytes())
}

fn write_bytes(db: &Path, output: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if output == Path::new("-") {
        use std::io::Write;
        std::io::stdout()
            .write_all(bytes)
            .map_err(|e| anyhow::Error::new(e).context("не удалось вывести файл"))?;
        return Ok(());
    }
    super::write_bytes_atomically(db, output, bytes)?;
    eprintln!("Записано: {}", output.display());
    Ok(())
}
