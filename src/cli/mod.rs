//! The command line: the window, or the same operations without it.
//!
//! ```text
//! roadmap-planner [--db ФАЙЛ]                      открыть окно программы
//! roadmap-planner [--db ФАЙЛ] example              загрузить пример (Ивантеевский район, 2021-2022)
//! roadmap-planner [--db ФАЙЛ] list                 показать планы
//! roadmap-planner [--db ФАЙЛ] export --format json [--plan ID] -o ФАЙЛ|-
//! roadmap-planner [--db ФАЙЛ] import ФАЙЛ|-
//! roadmap-planner [--db ФАЙЛ] export --format ics [--plan ID] -o ФАЙЛ|-   сроки для календаря (iCalendar)
//! roadmap-planner deadline --period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД "ТЕКСТ"        даты исполнения по тексту срока
//! roadmap-planner [--db ФАЙЛ] report [--plan ID] [--school ID] [--format html|docx] -o ФАЙЛ   аналитическая справка
//! roadmap-planner [--db ФАЙЛ] school-plan --plan ID --school ID [--title ТЕКСТ]   план школы по плану района
//! roadmap-planner [--db ФАЙЛ] mark --plan ID --measure НОМЕР|ID (--school ID | --office) --status СТАТУС
//!                 [--due ГГГГ-ММ-ДД] [--done-on ГГГГ-ММ-ДД] [--evidence ТЕКСТ] [--comment ТЕКСТ] [--by ТЕКСТ]
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

mod deadline;
mod exchange_cmd;
mod ics;
mod messages;
mod office;
mod report;
mod school_cmd;

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

    /// Язык сообщений об ошибках: ru (по умолчанию) или en.
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "ЯЗЫК",
        default_value = "ru"
    )]
    pub lang: messages::Lang,

    /// Считать сегодняшней эту дату (ГГГГ-ММ-ДД) — для демонстраций и тестов.
    #[arg(long, global = true, value_name = "ДАТА", value_parser = deadline::parse_date)]
    pub today: Option<chrono::NaiveDate>,

    /// Открыть окно на этом экране (measures, calendar, schools, exchange) — для демонстраций и тестов.
    #[arg(long, value_enum, value_name = "ЭКРАН", hide_possible_values = true)]
    pub screen: Option<StartScreen>,

    /// Open this window at start (help, settings, about) — for screenshots.
    #[arg(long, value_enum, hide = true)]
    pub window: Option<StartWindow>,

    /// Open the window with this file's import preview pending — for screenshots.
    #[arg(long, hide = true, value_name = "ФАЙЛ")]
    pub preview_import: Option<PathBuf>,

    /// Open the window at this scale in percent (100, 125, 150) and theme — for screenshots.
    #[arg(long, hide = true)]
    pub scale: Option<u16>,
    #[arg(long, hide = true)]
    pub dark: bool,

    /// Open the Школы screen on this tab — for screenshots.
    #[arg(long, hide = true, value_parser = school_tab_parser())]
    pub school_tab: Option<crate::app::SchoolTab>,

    /// Show the district overview as the heat map — for screenshots.
    #[arg(long, hide = true)]
    pub heat_map: bool,

    /// Select the plan's first measure and the first school — for screenshots.
    #[arg(long, hide = true)]
    pub select_first: bool,

    /// Open the window at this size in points, e.g. 1400x900 — for screenshots.
    #[arg(long, hide = true, value_parser = parse_window_size)]
    pub size: Option<[u16; 2]>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The shell windows the window can be opened with (`--window`, hidden: for screenshots).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StartWindow {
    Help,
    Settings,
    About,
}

impl StartWindow {
    fn open(self) -> crate::app::OpenWindows {
        crate::app::OpenWindows {
            help: self == StartWindow::Help,
            settings: self == StartWindow::Settings,
            about: self == StartWindow::About,
        }
    }
}

/// The tabs of the Школы screen the window can be opened on, by the names `--school-tab` takes (hidden: for
/// screenshots).
const SCHOOL_TABS: [(&str, crate::app::SchoolTab); 6] = {
    use crate::app::SchoolTab::*;
    [
        ("overview", Overview),
        ("dashboard", Dashboard),
        ("card", Card),
        ("criteria", Criteria),
        ("school-plan", SchoolPlan),
        ("criteria-set", CriteriaSet),
    ]
};

/// Reads `--school-tab`: one of the names of [`SCHOOL_TABS`] (a wrong one is refused with the list).
fn school_tab_parser() -> impl clap::builder::TypedValueParser<Value = crate::app::SchoolTab> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(SCHOOL_TABS.map(|(name, _)| name)).map(|name| {
        let found = SCHOOL_TABS.iter().find(|(known, _)| *known == name);
        found.map(|&(_, tab)| tab).unwrap_or_default()
    })
}

/// `1400x900` → `[1400, 900]`: the window's size for `--size`.
fn parse_window_size(text: &str) -> Result<[u16; 2], String> {
    let parsed = text
        .split_once(['x', 'х', '×'])
        .and_then(|(w, h)| Some([w.trim().parse::<u16>().ok()?, h.trim().parse::<u16>().ok()?]));
    match parsed {
        Some([w, h]) if w >= 320 && h >= 240 => Ok([w, h]),
        _ => Err(format!("ожидается размер вида 1400x900, получено «{text}»")),
    }
}

/// The screens the window can be opened on (`--screen`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StartScreen {
    Measures,
    Calendar,
    Schools,
    Exchange,
}

impl From<StartScreen> for crate::app::Screen {
    fn from(s: StartScreen) -> Self {
        match s {
            StartScreen::Measures => Self::Measures,
            StartScreen::Calendar => Self::Calendar,
            StartScreen::Schools => Self::Schools,
            StartScreen::Exchange => Self::Exchange,
        }
    }
}

/// What to do instead of opening the window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Загрузить пример: дорожную карту Ивантеевского района на 2021-2022 учебный год.
    #[command(override_usage = "roadmap-planner [--db ФАЙЛ] example")]
    Example,

    /// Показать планы в базе: идентификаторы, периоды, число направлений и мероприятий.
    #[command(override_usage = "roadmap-planner [--db ФАЙЛ] list")]
    List,

    /// Выгрузить планы, школы и отметки о выполнении в файл обмена.
    #[command(
        override_usage = "roadmap-planner [--db ФАЙЛ] export [--format json|ics|docx|xlsx] [--plan ID] -o ФАЙЛ|-"
    )]
    Export {
        /// Формат файла: json — файл обмена программы (по умолчанию); ics — сроки мероприятий для календаря
        /// (Outlook, Thunderbird, Google), по одному событию на каждую дату исполнения; docx — приложение
        /// к приказу (документ Word); xlsx — таблица мероприятий и ход выполнения (книга Excel).
        #[arg(
            long,
            value_enum,
            default_value_t = Format::Json,
            value_name = "ФОРМАТ",
            hide_possible_values = true,
            hide_default_value = true
        )]
        format: Format,
        /// Выгрузить только этот план (идентификатор или его начало); без него — все планы
        /// (для ics — единственный план базы).
        #[arg(long, value_name = "ID")]
        plan: Option<String>,
        /// Куда записать файл; «-» — вывести в стандартный вывод.
        #[arg(short = 'o', long = "output", value_name = "ФАЙЛ")]
        output: PathBuf,
        /// Выгрузить отчёт одной школы (идентификатор или его начало): её отметки о выполнении и её
        /// школьные планы — для отправки в управление образованием.
        #[arg(long, value_name = "ID")]
        school: Option<String>,
    },

    /// Загрузить файл обмена: новые записи добавляются, более новые заменяют старые, ничего не удаляется.
    #[command(override_usage = "roadmap-planner [--db ФАЙЛ] import ФАЙЛ|-")]
    Import {
        /// Файл обмена (JSON), дорожная карта в документе Word (.docx) или книге Excel (.xlsx) — она
        /// загружается как новый план; «-» — прочитать файл обмена из стандартного ввода.
        #[arg(value_name = "ФАЙЛ", help_heading = "Аргументы")]
        file: PathBuf,
        /// Только показать, что изменится (добавится, обновится, удалится, конфликты), ничего не записывая.
        #[arg(long)]
        dry_run: bool,
        /// Для отчёта школы, которой нет в реестре, или по плану, которого нет в базе: добавить недостающее
        /// (школу в реестр; отметки по мероприятиям неизвестного плана — на мероприятия плана школы).
        #[arg(long)]
        add_missing: bool,
    },

    /// Создать план школы по плану района: мероприятия, которые касаются школы, со ссылкой на исходные.
    #[command(
        name = "school-plan",
        override_usage = "roadmap-planner [--db ФАЙЛ] school-plan --plan ID --school ID [--title ТЕКСТ]"
    )]
    SchoolPlan {
        /// План района (идентификатор или его начало).
        #[arg(long, value_name = "ID")]
        plan: String,
        /// Школа (идентификатор или его начало).
        #[arg(long, value_name = "ID")]
        school: String,
        /// Название плана школы (по умолчанию «План школы <школа> · <план района>»).
        #[arg(long, value_name = "ТЕКСТ")]
        title: Option<String>,
    },

    /// Отметить выполнение одного срока мероприятия школой (--school) или управлением (--office).
    #[command(
        override_usage = "roadmap-planner [--db ФАЙЛ] mark --plan ID --measure НОМЕР|ID (--school ID | --office) --status СТАТУС [--due ГГГГ-ММ-ДД] [--done-on ГГГГ-ММ-ДД] [--evidence ТЕКСТ] [--comment ТЕКСТ] [--by ТЕКСТ]"
    )]
    Mark {
        /// План (идентификатор или его начало): района или школы.
        #[arg(long, value_name = "ID")]
        plan: String,
        /// Мероприятие: номер, как он записан в плане («1.1»), или идентификатор.
        #[arg(long, value_name = "НОМЕР|ID")]
        measure: String,
        /// Школа, выполнившая мероприятие (идентификатор или его начало).
        #[arg(long, value_name = "ID", conflicts_with = "office")]
        school: Option<String>,
        /// Отметка самого управления образования (его собственные мероприятия).
        #[arg(long)]
        office: bool,
        /// Срок (ГГГГ-ММ-ДД); без него — самый ранний ещё не выполненный.
        #[arg(long, value_name = "ДАТА", value_parser = deadline::parse_date)]
        due: Option<chrono::NaiveDate>,
        /// Состояние: planned, in_progress, done, not_done, cancelled.
        #[arg(long, value_name = "СТАТУС", value_parser = parse_status)]
        status: crate::model::Status,
        /// Дата выполнения (ГГГГ-ММ-ДД); для done по умолчанию — сегодня.
        #[arg(long, value_name = "ДАТА", value_parser = deadline::parse_date)]
        done_on: Option<chrono::NaiveDate>,
        /// Подтверждение: документ, номер, дата, ссылка.
        #[arg(long, value_name = "ТЕКСТ")]
        evidence: Option<String>,
        /// Комментарий.
        #[arg(long, value_name = "ТЕКСТ")]
        comment: Option<String>,
        /// Кто отметил.
        #[arg(long, value_name = "ТЕКСТ")]
        by: Option<String>,
    },

    /// Показать резервные копии базы (они делаются перед каждым импортом; хранятся последние 20).
    #[command(override_usage = "roadmap-planner [--db ФАЙЛ] backups")]
    Backups,

    /// Восстановить базу из резервной копии (прежнее состояние тоже сохраняется в копию).
    #[command(override_usage = "roadmap-planner [--db ФАЙЛ] restore ФАЙЛ")]
    Restore {
        /// Файл резервной копии (см. команду backups).
        #[arg(value_name = "ФАЙЛ", help_heading = "Аргументы")]
        file: PathBuf,
    },

    /// Записать аналитическую справку о ходе выполнения: школы (--school) или района.
    #[command(
        override_usage = "roadmap-planner [--db ФАЙЛ] report [--plan ID] [--school ID] [--format html|docx] -o ФАЙЛ"
    )]
    Report {
        /// Формат: html — страница для печати (по умолчанию); docx — документ Word.
        #[arg(
            long,
            value_enum,
            default_value_t = report::ReportFormat::Html,
            value_name = "ФОРМАТ",
            hide_possible_values = true,
            hide_default_value = true
        )]
        format: report::ReportFormat,
        /// План (идентификатор или его начало); без него — единственный план базы.
        #[arg(long, value_name = "ID")]
        plan: Option<String>,
        /// Справка по одной школе (идентификатор или его начало); без него — по району.
        #[arg(long, value_name = "ID")]
        school: Option<String>,
        /// Куда записать справку; «-» — вывести HTML в стандартный вывод.
        #[arg(short = 'o', long = "output", value_name = "ФАЙЛ")]
        output: PathBuf,
    },

    /// Показать даты исполнения, которые программа понимает из текста срока, в пределах периода плана.
    ///
    /// Печатает по одной дате ГГГГ-ММ-ДД в строке (после первой — пояснение) или слово unscheduled.
    /// База данных не нужна.
    #[command(
        override_usage = "roadmap-planner deadline --period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД \"ТЕКСТ\"",
        after_help = "Пример: roadmap-planner deadline --period 2021-09-01..2022-08-31 \"январь, март, июнь\""
    )]
    Deadline {
        /// Период плана: начало и конец через две точки, например 2021-09-01..2022-08-31.
        #[arg(long, value_name = "ПЕРИОД")]
        period: String,
        /// Текст срока, как он записан в плане, например «в течение года» (можно без кавычек).
        #[arg(value_name = "ТЕКСТ", help_heading = "Аргументы", required = true, num_args = 1..)]
        text: Vec<String>,
    },
}

/// Formats of the exchange file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Файл обмена программы (JSON, см. docs/exchange-format.md).
    Json,
    /// Календарь iCalendar (RFC 5545): сроки мероприятий.
    Ics,
    /// Документ Word: дорожная карта как приложение к приказу.
    Docx,
    /// Книга Excel: таблица мероприятий и ход выполнения по школам.
    Xlsx,
    /// Таблица мероприятий CSV для Excel (UTF-8, «;»).
    Csv,
}

impl Cli {
    /// The command line's definition: every subcommand laid out as the program's own help (the template,
    /// its options under «Параметры», no help flag of its own: `-h` is global).
    pub fn command() -> clap::Command {
        <Cli as clap::CommandFactory>::command().mut_subcommands(|command| {
            command
                .help_template(TEMPLATE)
                .disable_help_flag(true)
                .mut_args(|arg| match arg.get_help_heading() {
                    Some(_) => arg,
                    None => arg.help_heading("Параметры"),
                })
        })
    }

    /// Reads a command line (its first item is the program's name).
    pub fn parse_args<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let matches = Self::command().try_get_matches_from(args)?;
        <Cli as clap::FromArgMatches>::from_arg_matches(&matches)
    }
}

/// Runs the program with the process's arguments and returns its exit code.
pub fn main() -> ExitCode {
    quiet_on_closed_pipe();
    match Cli::parse_args(std::env::args_os()) {
        Ok(cli) => {
            let lang = cli.lang;
            match run(cli) {
                Ok(()) => ExitCode::SUCCESS,
                // The reader went away (`list | head`): nothing more to say to anyone.
                Err(e) if is_closed_pipe(&e) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{}", messages::error_line(&e, lang));
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => usage_error(e),
    }
}

/// Whether an error is standard output closed by its reader.
fn is_closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// A `println!` into a pipe its reader closed (`list | head -c10`) panics; end quietly with success
/// instead, as command-line tools do.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        let closed = [
            "Broken pipe",
            "os error 32)",
            "os error 232)",
            "os error 109)",
        ];
        if text.starts_with("failed printing to stdout") && closed.iter().any(|c| text.contains(c))
        {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// Runs one parsed command line.
pub fn run(mut cli: Cli) -> anyhow::Result<()> {
    if let Some(day) = cli.today {
        crate::model::fix_today(day);
    }
    let Some(command) = cli.command.take() else {
        let db = cli.db.take();
        return crate::window::run(db, window_launch(cli));
    };
    // Needs no database: neither opened nor created.
    if let Command::Deadline { period, text } = &command {
        return deadline::run(period, &text.join(" "));
    }
    let db = db_path(cli.db)?;
    let today = cli
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    run_command(command, &db, today)
}

/// How the window starts, as the command line asks.
fn window_launch(cli: Cli) -> crate::window::Launch {
    crate::window::Launch {
        today: cli.today,
        screen: cli.screen.map(Into::into),
        windows: cli.window.map(StartWindow::open).unwrap_or_default(),
        preview_import: cli.preview_import,
        scale: cli.scale,
        dark: cli.dark,
        school_tab: cli.school_tab,
        heat_map: cli.heat_map,
        select_first: cli.select_first,
        size: cli.size,
    }
}

/// Runs one command on the database at `db`.
fn run_command(command: Command, db: &Path, today: chrono::NaiveDate) -> anyhow::Result<()> {
    match command {
        Command::Example => example(db),
        Command::List => list(db),
        Command::Export {
            format,
            plan,
            output,
            school,
        } => export_as(db, format, plan.as_deref(), school.as_deref(), &output),
        Command::Import { file, dry_run, .. } if crate::exchange::office::is_office_path(&file) => {
            office::import(db, &file, dry_run, today)
        }
        Command::Import {
            file,
            dry_run,
            add_missing,
        } => exchange_cmd::import(db, &file, dry_run, add_missing, today),
        Command::SchoolPlan {
            plan,
            school,
            title,
        } => school_cmd::school_plan(db, &plan, &school, title.as_deref()),
        Command::Mark {
            plan,
            measure,
            school,
            office,
            due,
            status,
            done_on,
            evidence,
            comment,
            by,
        } => school_cmd::mark(
            db,
            &plan,
            &measure,
            school.as_deref(),
            office,
            &school_cmd::Mark {
                status,
                due,
                done_on,
                evidence: evidence.as_deref(),
                comment: comment.as_deref(),
                by: by.as_deref(),
            },
            today,
        ),
        Command::Backups => exchange_cmd::backups(db),
        Command::Restore { file } => exchange_cmd::restore(db, &file),
        Command::Report {
            format,
            plan,
            school,
            output,
        } => report::run(
            db,
            plan.as_deref(),
            school.as_deref(),
            format,
            &output,
            today,
        ),
        Command::Deadline { period, text } => deadline::run(&period, &text.join(" ")),
    }
}

/// `export`: one school's report (`--school`, whatever the format), or the plans in `format`.
fn export_as(
    db: &Path,
    format: Format,
    plan: Option<&str>,
    school: Option<&str>,
    output: &Path,
) -> anyhow::Result<()> {
    if let Some(school) = school {
        return exchange_cmd::export_school(db, school, output);
    }
    match format {
        Format::Json => export(db, plan, output),
        Format::Ics => ics::export(db, plan, output),
        Format::Docx => office::export(db, plan, output, office::OfficeFormat::Docx),
        Format::Xlsx => office::export(db, plan, output, office::OfficeFormat::Xlsx),
        Format::Csv => exchange_cmd::export_csv(db, plan, output),
    }
}

fn db_path(db: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    db.or_else(|| crate::config::AppConfig::load().database_path())
        .ok_or_else(|| {
            anyhow!(
                "не удалось определить папку данных пользователя; укажите файл базы параметром --db"
            )
        })
}

/// Opens the database with the settings' backup folder and count.
pub(crate) fn open(db: &Path) -> anyhow::Result<Store> {
    Ok(crate::config::AppConfig::load().open_store(db)?)
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
        p.period.from.format(crate::model::DATE_FORMAT),
        p.period.to.format(crate::model::DATE_FORMAT)
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

/// The plan named by `--plan` (an id or its unique beginning), or the only plan in the database.
/// Opens the database and loads the plan `--plan` names (or its only plan).
fn open_chosen_plan(db: &Path, plan: Option<&str>) -> anyhow::Result<(Store, crate::model::Plan)> {
    let store = open(db)?;
    let id = chosen_plan(&store, plan)?;
    let plan = store.load_plan(id)?;
    Ok((store, plan))
}

fn chosen_plan(store: &Store, plan: Option<&str>) -> anyhow::Result<Id> {
    if let Some(text) = plan {
        return resolve_plan(store, text);
    }
    match store.list_plans()?.as_slice() {
        [one] => Ok(one.id),
        [] => anyhow::bail!("в базе нет планов. Загрузить пример: roadmap-planner example"),
        plans => Err(anyhow!(
            "в базе несколько планов ({}); укажите нужный параметром --plan (список: roadmap-planner list)",
            plans.len()
        )),
    }
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

/// Finds a school by its id or a unique beginning of it.
fn resolve_school(store: &Store, text: &str) -> anyhow::Result<crate::model::School> {
    school_by_id_start(&store.schools()?, text).cloned()
}

/// The one school of `schools` whose id begins with `text`.
fn school_by_id_start<'a>(
    schools: &'a [crate::model::School],
    text: &str,
) -> anyhow::Result<&'a crate::model::School> {
    let wanted = text.trim().to_lowercase();
    let found: Vec<_> = schools
        .iter()
        .filter(|s| !wanted.is_empty() && s.id.to_string().starts_with(&wanted))
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => anyhow::bail!("школа не найдена: {text}"),
        _ => anyhow::bail!("идентификатору {text} соответствует несколько школ"),
    }
}

/// A status as the command line writes it (planned, in_progress, done, not_done, cancelled).
fn parse_status(text: &str) -> Result<crate::model::Status, String> {
    crate::model::Status::parse(text.trim())
        .ok_or_else(|| "допустимо: planned, in_progress, done, not_done, cancelled".to_owned())
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
        write_file_atomically(db, output, |out| exchange::write_json(&file, out))?;
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

/// Writes an output file of the database at `db` whole (see [`crate::output`]): never over the database,
/// its companion files or its backups.
fn write_file_atomically(
    db: &Path,
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let backups = crate::config::AppConfig::load().backups_dir_for(db);
    let protected = crate::output::Protected::database(db, Some(&backups));
    Ok(crate::output::write_atomically(path, &protected, write)?)
}

/// Writes `bytes` as an output file of the database at `db` whole (see [`write_file_atomically`]).
fn write_bytes_atomically(db: &Path, path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    write_file_atomically(db, path, |out| {
        use std::io::Write;
        out.write_all(bytes)?;
        out.flush()
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::SchoolTab;

    #[test]
    fn the_school_tab_is_named_in_kebab_case_and_a_wrong_name_is_refused() {
        let tab = |args: &[&str]| {
            Cli::parse_args([&["roadmap-planner"], args].concat()).map(|cli| cli.school_tab)
        };
        assert_eq!(tab(&[]).unwrap(), None);
        assert_eq!(
            tab(&["--school-tab", "criteria-set"]).unwrap(),
            Some(SchoolTab::CriteriaSet)
        );
        assert_eq!(
            tab(&["--school-tab", "school-plan"]).unwrap(),
            Some(SchoolTab::SchoolPlan)
        );
        assert_eq!(
            tab(&["--school-tab", "overview"]).unwrap(),
            Some(SchoolTab::Overview)
        );
        assert!(tab(&["--school-tab", "heat-map"]).is_err());
    }
}
