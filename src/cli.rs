//! The command line: the window, or the same operations without it.
//!
//! ```text
//! roadmap-planner [--db ФАЙЛ]                      открыть окно программы
//! roadmap-planner [--db ФАЙЛ] example              загрузить пример (Ивантеевский район, 2021-2022)
//! roadmap-planner [--db ФАЙЛ] list                 показать планы
//! roadmap-planner [--db ФАЙЛ] export --format json [--plan ID] -o ФАЙЛ|-
//! roadmap-planner [--db ФАЙЛ] import ФАЙЛ|-
//! ```
//!
//! Errors go to stderr as "Ошибка: …" with exit code 1 (2 for wrong arguments); nothing is written then.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, anyhow};
use clap::error::{ContextKind, ErrorKind};
use clap::{ArgAction, Parser, Subcommand, ValueEnum};

use crate::exchange::{self, ExchangeFile};
use crate::model::{Id, PlanLevel, PlanSummary};
use crate::store::Store;

const TEMPLATE: &str = "{about-with-newline}\nИспользование: {usage}\n\n{all-args}{after-help}";

/// The command line of `roadmap-planner`.
#[derive(Debug, Parser)]
#[command(
    name = "roadmap-planner",
    version,
    about = "Планировщик дорожных карт поддержки школ: планирование и учёт выполнения мероприятий.\n\
             Без команды открывает окно программы.",
    help_template = TEMPLATE,
    override_usage = "roadmap-planner [--db ФАЙЛ] [КОМАНДА]",
    subcommand_help_heading = "Команды",
    subcommand_value_name = "КОМАНДА",
    next_help_heading = "Параметры",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    after_help = "Пример: roadmap-planner --db карты.sqlite example"
)]
pub struct Cli {
    /// Файл базы данных (по умолчанию — roadmap.sqlite в папке данных пользователя).
    #[arg(long, global = true, value_name = "ФАЙЛ")]
    pub db: Option<PathBuf>,

    /// Показать эту справку.
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,

    /// Показать версию программы.
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do instead of opening the window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Загрузить пример: дорожную карту Ивантеевского района на 2021-2022 учебный год.
    #[command(
        help_template = TEMPLATE,
        override_usage = "roadmap-planner [--db ФАЙЛ] example",
        next_help_heading = "Параметры",
        disable_help_flag = true
    )]
    Example,

    /// Показать планы в базе: идентификаторы, периоды, число направлений и мероприятий.
    #[command(
        help_template = TEMPLATE,
        override_usage = "roadmap-planner [--db ФАЙЛ] list",
        next_help_heading = "Параметры",
        disable_help_flag = true
    )]
    List,

    /// Выгрузить планы, школы и отметки о выполнении в файл обмена.
    #[command(
        help_template = TEMPLATE,
        override_usage = "roadmap-planner [--db ФАЙЛ] export [--format json] [--plan ID] -o ФАЙЛ|-",
        next_help_heading = "Параметры",
        disable_help_flag = true
    )]
    Export {
        /// Формат файла: json — файл обмена программы (он же по умолчанию).
        #[arg(
            long,
            value_enum,
            default_value_t = Format::Json,
            value_name = "ФОРМАТ",
            hide_possible_values = true,
            hide_default_value = true
        )]
        format: Format,
        /// Выгрузить только этот план (идентификатор или его начало); без него — все планы.
        #[arg(long, value_name = "ID")]
        plan: Option<String>,
        /// Куда записать файл; «-» — вывести в стандартный вывод.
        #[arg(short = 'o', long = "output", value_name = "ФАЙЛ")]
        output: PathBuf,
    },

    /// Загрузить файл обмена: новые записи добавляются, более новые заменяют старые, ничего не удаляется.
    #[command(
        help_template = TEMPLATE,
        override_usage = "roadmap-planner [--db ФАЙЛ] import ФАЙЛ|-",
        next_help_heading = "Параметры",
        disable_help_flag = true
    )]
    Import {
        /// Файл обмена (JSON); «-» — прочитать из стандартного ввода.
        #[arg(value_name = "ФАЙЛ", help_heading = "Аргументы")]
        file: PathBuf,
    },
}

/// Formats of the exchange file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Файл обмена программы (JSON, см. docs/exchange-format.md).
    Json,
}

/// Runs the program with the process's arguments and returns its exit code.
pub fn main() -> ExitCode {
    match Cli::try_parse() {
        Ok(cli) => match run(cli) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("Ошибка: {e:#}");
                ExitCode::FAILURE
            }
        },
        Err(e) => usage_error(e),
    }
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let Some(command) = cli.command else {
        return crate::app::run(cli.db);
    };
    let db = db_path(cli.db)?;
    match command {
        Command::Example => example(&db),
        Command::List => list(&db),
        Command::Export {
            format: Format::Json,
            plan,
            output,
        } => export(&db, plan.as_deref(), &output),
        Command::Import { file } => import(&db, &file),
    }
}

fn db_path(db: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    db.or_else(Store::default_path).ok_or_else(|| {
        anyhow!(
            "не удалось определить папку данных пользователя; укажите файл базы параметром --db"
        )
    })
}

fn open(db: &Path) -> anyhow::Result<Store> {
    Ok(Store::open(db)?)
}

fn example(db: &Path) -> anyhow::Result<()> {
    let mut store = open(db)?;
    let (id, summary) = crate::example::load_example_with_summary(&mut store)?;
    let plan = find_summary(&store, id)?;
    if summary.changed() {
        println!("Пример загружен: «{}».", plan.title);
    } else {
        println!("Пример уже загружен, изменений нет: «{}».", plan.title);
    }
    println!("Идентификатор плана: {id}");
    println!("Период: {}", period_text(&plan));
    println!(
        "Направлений: {}, мероприятий: {}, школ: {}.",
        plan.sections,
        plan.measures,
        summary.schools.total()
    );
    Ok(())
}

fn find_summary(store: &Store, id: Id) -> anyhow::Result<PlanSummary> {
    store
        .list_plans()?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| anyhow!("план {id} не найден"))
}

fn period_text(p: &PlanSummary) -> String {
    format!(
        "{}–{}",
        p.period.from.format("%d.%m.%Y"),
        p.period.to.format("%d.%m.%Y")
    )
}

fn level_text(level: PlanLevel) -> &'static str {
    match level {
        PlanLevel::Region => "регион",
        PlanLevel::District => "район",
        PlanLevel::School => "школа",
    }
}

fn list(db: &Path) -> anyhow::Result<()> {
    let store = open(db)?;
    let plans = store.list_plans()?;
    if plans.is_empty() {
        println!("В базе нет планов. Загрузить пример: roadmap-planner example");
        return Ok(());
    }
    println!(
        "{:<36}  {:<21}  {:<7}  {:>8}  {:>11}  Название",
        "Идентификатор", "Период", "Уровень", "Направл.", "Мероприятий"
    );
    for p in &plans {
        println!(
            "{:<36}  {:<21}  {:<7}  {:>8}  {:>11}  {}",
            p.id.to_string(),
            period_text(p),
            level_text(p.level),
            p.sections,
            p.measures,
            p.title
        );
    }
    println!("Всего планов: {}.", plans.len());
    Ok(())
}

/// Finds a plan by its id or a unique beginning of it.
fn resolve_plan(store: &Store, text: &str) -> anyhow::Result<Id> {
    let text = text.trim();
    if let Ok(id) = Id::parse_str(text) {
        if store.has_plan(id)? {
            return Ok(id);
        }
        anyhow::bail!("план {id} не найден (список планов: roadmap-planner list)");
    }
    let prefix = text.to_lowercase();
    let matches: Vec<Id> = store
        .list_plans()?
        .into_iter()
        .map(|p| p.id)
        .filter(|id| !prefix.is_empty() && id.to_string().starts_with(&prefix))
        .collect();
    match matches.as_slice() {
        [id] => Ok(*id),
        [] => anyhow::bail!("план «{text}» не найден (список планов: roadmap-planner list)"),
        _ => {
            anyhow::bail!("под «{text}» подходят несколько планов; укажите идентификатор полностью")
        }
    }
}

fn export(db: &Path, plan: Option<&str>, output: &Path) -> anyhow::Result<()> {
    let mut store = open(db)?;
    let plan = plan.map(|text| resolve_plan(&store, text)).transpose()?;
    let origin = exchange::office_origin(&mut store)?;
    let file = exchange::export(&store, plan, origin)?;
    drop(store);
    if output == Path::new("-") {
        let out = std::io::BufWriter::new(std::io::stdout().lock());
        match exchange::write_json(&file, out) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(e).context("не удалось вывести файл")
            }
            _ => Ok(()),
        }
    } else {
        write_atomically(output, &file)?;
        println!(
            "Файл записан: {} ({}).",
            output.display(),
            contents_text(&file)
        );
        Ok(())
    }
}

fn contents_text(file: &ExchangeFile) -> String {
    format!(
        "планов: {}, направлений: {}, мероприятий: {}, школ: {}, отметок о выполнении: {}",
        file.plans.len(),
        file.section_count(),
        file.measure_count(),
        file.schools.len(),
        file.progress.len()
    )
}

/// Writes beside the target, then renames: a failed write never leaves half a file.
fn write_atomically(path: &Path, file: &ExchangeFile) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| anyhow!("«{}» — не имя файла", path.display()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let written = std::fs::File::create(&tmp)
        .and_then(|f| exchange::write_json(file, std::io::BufWriter::new(f)))
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ignored = std::fs::remove_file(&tmp);
        let reason = match e.kind() {
            std::io::ErrorKind::NotFound => "нет такой папки".to_owned(),
            std::io::ErrorKind::PermissionDenied => "нет прав на запись".to_owned(),
            std::io::ErrorKind::IsADirectory => "это папка".to_owned(),
            std::io::ErrorKind::StorageFull => "на диске нет места".to_owned(),
            _ => e.to_string(),
        };
        anyhow::bail!("не удалось записать файл {}: {reason}", path.display());
    }
    Ok(())
}

fn import(db: &Path, source: &Path) -> anyhow::Result<()> {
    let file = if source == Path::new("-") {
        exchange::read_from(std::io::stdin().lock(), Path::new("стандартный ввод"))?
    } else {
        exchange::read_file(source)?
    };
    let mut store = open(db)?;
    let summary = exchange::import(&mut store, &file)?;
    let from = if file.origin.office.trim().is_empty() {
        String::new()
    } else {
        format!(", {}", file.origin.office)
    };
    println!(
        "Файл: {} (выгружен {}{from}; {}).",
        source.display(),
        file.exported_at.format("%d.%m.%Y %H:%M UTC"),
        contents_text(&file)
    );
    println!("{summary}");
    Ok(())
}

/// Reports a wrong command line in Russian (help and version go to stdout with success).
fn usage_error(e: clap::Error) -> ExitCode {
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ignored = e.print();
        return ExitCode::SUCCESS;
    }
    let get = |kind| e.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let message = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            format!(
                "неизвестная команда «{}»",
                get(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::UnknownArgument => format!("неизвестный параметр «{arg}»"),
        ErrorKind::MissingRequiredArgument => format!("не указан обязательный параметр {arg}"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = get(ContextKind::ValidValue);
            let mut m = format!(
                "недопустимое значение «{}» параметра {arg}",
                get(ContextKind::InvalidValue)
            );
            if !valid.is_empty() {
                m.push_str(&format!(" (допустимо: {valid})"));
            }
            m
        }
        ErrorKind::ArgumentConflict => {
            format!("параметр {arg} указан несколько раз или не сочетается с другими")
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("неверное число значений параметра {arg}")
        }
        ErrorKind::MissingSubcommand => "не указана команда".to_owned(),
        ErrorKind::InvalidUtf8 => "аргументы командной строки не в кодировке UTF-8".to_owned(),
        _ => "неверные параметры командной строки".to_owned(),
    };
    eprintln!("Ошибка: {message}.\nСправка: roadmap-planner --help");
    ExitCode::from(2)
}
