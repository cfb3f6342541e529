//! Import and export of the exchange file (DESIGN §3, `docs/exchange-format.md`). Pure of egui, not of the
//! store: `docs/architecture.md` (the path of one import) lists which functions read or write the store and
//! why; the readers and writers of files take and return plain values.
//!
//! The exchange file is UTF-8 JSON holding whole plans (header, sections, measures), the school registry and
//! progress records:
//!
//! ```text
//! { "format": "roadmap-planner", "version": 2, "exported_at": "…", "origin": {"office": "…", "id": "…"},
//!   "plans": [ … ], "schools": [ … ], "criteria": { … }, "criterion_values": [ … ],
//!   "indicator_values": [ … ], "progress": [ … ] }
//! ```
//!
//! Every record carries a stable id (UUID) and an `updated_at`. Importing merges record by record: a record we
//! lack is added, a record that is newer in the file replaces ours, anything else is kept; nothing is ever
//! deleted because a file lacks it. So importing the same file twice changes nothing, and two offices can
//! swap files both ways without losing each other's work.
//!
//! The flow:
//! - [`export`] reads a plan (or all plans), the schools and the progress from a [`Store`] into an
//!   [`ExchangeFile`]; [`office_origin`] gives the `origin` of this office (kept in the store's meta table);
//! - [`to_json`] writes it: pretty, keys in a fixed order, the same data giving the same bytes;
//! - [`read_file`] / [`parse`] read a file back, refusing anything that is not a sound exchange file of a
//!   version we understand, with a Russian message saying what is wrong and where;
//! - [`import`] merges a file into a store in one transaction: all of it, or nothing.
//!
//! [`table_import`] reads road maps as tables (TSV/CSV text, a table copied from Word or Excel); [`docx`] and
//! [`xlsx`] read and write them as documents.

pub mod analytic_note;
pub mod conflicts;
pub mod csv_export;
pub mod decode;
mod deleted;
pub mod docx;
pub mod ics;
pub mod json;
pub mod limits;
pub mod merge;
mod merge_values;
pub mod migrate;
pub mod missing;
pub mod office;
pub mod school_report;
pub mod schools_csv;
pub mod send;
pub mod table_import;
pub mod trust;
pub mod xlsx;

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::{Arg, I18n, Localize};
use crate::model::{
    self, CriteriaSet, CriterionValue, Id, IndicatorValue, Plan, Progress, School, Timestamp,
    ValidationError,
};
use crate::store::{Store, StoreError};

pub use deleted::{DeletedKind, Deletion};
pub use json::{MAX_FILE_SIZE, parse, read_file, read_from, to_json, write_json};
pub use merge::{Action, ImportPreview, KindCounts, Names, PreviewItem, apply, preview};
pub use school_report::export_school;
pub use table_import::file::{ImportSource, preview_plan, read_source};

/// The value of the `format` field: tells our files from any other JSON.
pub const FORMAT: &str = "roadmap-planner";

/// The version of the exchange format this build writes and the newest it reads.
pub const VERSION: u32 = 2;

/// Meta keys of the store that name this office in the files it writes.
pub const META_OFFICE_ID: &str = "office_id";
pub const META_OFFICE_NAME: &str = "office_name";

/// Who wrote a file: the office's name as the user set it, and its id (a UUID made on the first export).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Origin {
    #[serde(default)]
    pub office: String,
    #[serde(default)]
    pub id: String,
}

/// One exchange file: plans with their sections and measures, schools, progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExchangeFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version the file was written in ([`VERSION`] for files of this build).
    pub version: u32,
    pub exported_at: Timestamp,
    #[serde(default)]
    pub origin: Origin,
    /// What the writing database has seen of other offices: office id → the `exported_at` of the newest
    /// file it imported from that office (the base for judging conflicts; see `merge`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub seen: BTreeMap<String, Timestamp>,
    #[serde(default)]
    pub plans: Vec<Plan>,
    #[serde(default)]
    pub schools: Vec<School>,
    /// The identification criteria set in force where the file was written (a district's plan file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<CriteriaSet>,
    /// Schools' values for the criteria.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criterion_values: Vec<CriterionValue>,
    /// Actual values of the plans' target indicators, per school (or the whole district) and year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicator_values: Vec<IndicatorValue>,
    /// Progress of schools and of the office itself (`school_id` null).
    #[serde(default)]
    pub progress: Vec<Progress>,
    /// Deletions (tombstones) the writing database knows of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Deletion>,
}

impl ExchangeFile {
    /// A file of the current format and version, stamped now.
    pub fn new(
        origin: Origin,
        plans: Vec<Plan>,
        schools: Vec<School>,
        progress: Vec<Progress>,
    ) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            exported_at: model::now(),
            origin,
            seen: BTreeMap::new(),
            plans,
            schools,
            criteria: None,
            criterion_values: Vec::new(),
            indicator_values: Vec::new(),
            progress,
            deleted: Vec::new(),
        }
    }

    /// The ids of every measure of the file's plans.
    pub fn measure_ids(&self) -> HashSet<model::Id> {
        self.plans
            .iter()
            .flat_map(|p| p.measures())
            .map(|m| m.id)
            .collect()
    }

    /// Sections in all plans of the file.
    pub fn section_count(&self) -> usize {
        self.plans.iter().map(|p| p.sections.len()).sum()
    }

    /// Measures in all plans of the file.
    pub fn measure_count(&self) -> usize {
        self.plans.iter().map(Plan::measure_count).sum()
    }
}

/// Why a file cannot be read, exported or imported. The text is in `assets/i18n/*.ftl` (keys
/// `exchange-error-*`), given by [`Localize`]; `Display` is the Russian one.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    Io {
        path: PathBuf,
        reason: String,
    },
    TooLarge {
        size: u64,
    },
    Empty,
    NotText,
    Utf16,
    Syntax {
        line: usize,
        column: usize,
    },
    Truncated {
        line: usize,
        column: usize,
    },
    NotOurFormat {
        found: Option<String>,
    },
    TooNew(u64),
    BadVersion(String),
    Data {
        line: usize,
        column: usize,
        message: String,
    },
    InvalidPlan {
        plan: String,
        error: ValidationError,
    },
    InvalidSchool {
        school: String,
        id: Id,
        error: ValidationError,
    },
    DuplicateId {
        id: Id,
        what: &'static str,
    },
    DuplicateProgress {
        measure: Id,
        school: SchoolText,
        due: DueText,
    },
    UnknownMeasure(Id),
    UnknownSchool(Id),
    BadDeletion(usize),
    DuplicateDeletion(usize),
    SchoolNotFound(String),
    /// A text table whose encoding cannot be told.
    Decode(#[from] decode::DecodeError),
    /// A table over the reader limits.
    Limit(#[from] limits::LimitError),
    /// A table that cannot be read as a road map.
    TableRead(#[from] table_import::TableError),
    PlanNotFound(String),
    Store(#[from] StoreError),
    Trust(#[from] trust::TrustError),
}

crate::i18n::display_in_russian!(ExchangeError);

impl Localize for ExchangeError {
    fn message(&self, i18n: &I18n) -> String {
        use crate::i18n::num;
        let tr = |key: &str, args: &[(&str, Arg<'_>)]| i18n.tr_args(key, args);
        let one = |key: &str, name: &str, value: String| tr(key, &[(name, Arg::Str(&value))]);
        match self {
            ExchangeError::Io { path, reason } => tr(
                "exchange-error-io",
                &[
                    ("path", Arg::Str(&path.display().to_string())),
                    ("reason", Arg::Str(reason)),
                ],
            ),
            ExchangeError::TooLarge { size } => tr(
                "exchange-error-too-large",
                &[
                    ("size", Arg::Str(&size_text(*size, i18n))),
                    ("max", num((MAX_FILE_SIZE / (1024 * 1024)) as f64)),
                ],
            ),
            ExchangeError::Empty => i18n.tr("exchange-error-empty"),
            ExchangeError::NotText => i18n.tr("exchange-error-not-text"),
            ExchangeError::Utf16 => i18n.tr("exchange-error-utf16"),
            ExchangeError::Syntax { line, column } => tr(
                "exchange-error-syntax",
                &[("line", num(*line as f64)), ("column", num(*column as f64))],
            ),
            ExchangeError::Truncated { line, column } => tr(
                "exchange-error-truncated",
                &[("line", num(*line as f64)), ("column", num(*column as f64))],
            ),
            ExchangeError::NotOurFormat { found: Some(found) } => tr(
                "exchange-error-other-format",
                &[("found", Arg::Str(found)), ("format", Arg::Str(FORMAT))],
            ),
            ExchangeError::NotOurFormat { found: None } => {
                tr("exchange-error-no-format", &[("format", Arg::Str(FORMAT))])
            }
            ExchangeError::TooNew(version) => tr(
                "exchange-error-too-new",
                &[
                    ("version", Arg::Str(&version.to_string())),
                    ("supported", Arg::Str(&VERSION.to_string())),
                ],
            ),
            ExchangeError::BadVersion(version) => tr(
                "exchange-error-bad-version",
                &[("version", Arg::Str(version))],
            ),
            ExchangeError::Data {
                line,
                column,
                message,
            } => tr(
                "exchange-error-data",
                &[
                    ("line", num(*line as f64)),
                    ("column", num(*column as f64)),
                    ("detail", Arg::Str(message)),
                ],
            ),
            ExchangeError::InvalidPlan { plan, error } => tr(
                "exchange-error-invalid-plan",
                &[
                    ("plan", Arg::Str(plan)),
                    ("error", Arg::Str(&error.message(i18n))),
                ],
            ),
            ExchangeError::InvalidSchool { school, id, error } => tr(
                "exchange-error-invalid-school",
                &[
                    ("school", Arg::Str(school)),
                    ("id", Arg::Str(&id.to_string())),
                    ("error", Arg::Str(&error.message(i18n))),
                ],
            ),
            ExchangeError::DuplicateId { id, what } => tr(
                "exchange-error-duplicate-id",
                &[
                    ("id", Arg::Str(&id.to_string())),
                    ("what", Arg::Str(&i18n.tr(record_kind_key(what)))),
                ],
            ),
            ExchangeError::DuplicateProgress {
                measure,
                school,
                due,
            } => {
                let school = match school.0 {
                    Some(id) => id.to_string(),
                    None => i18n.tr("exchange-error-the-office"),
                };
                let due = match due.0 {
                    Some(d) => d.format(crate::model::DATE_FORMAT).to_string(),
                    None => i18n.tr("exchange-error-no-due"),
                };
                tr(
                    "exchange-error-duplicate-progress",
                    &[
                        ("measure", Arg::Str(&measure.to_string())),
                        ("school", Arg::Str(&school)),
                        ("due", Arg::Str(&due)),
                    ],
                )
            }
            ExchangeError::UnknownMeasure(id) => {
                one("exchange-error-unknown-measure", "id", id.to_string())
            }
            ExchangeError::UnknownSchool(id) => {
                one("exchange-error-unknown-school", "id", id.to_string())
            }
            ExchangeError::BadDeletion(n) => one("exchange-error-bad-deletion", "n", n.to_string()),
            ExchangeError::DuplicateDeletion(n) => {
                one("exchange-error-duplicate-deletion", "n", n.to_string())
            }
            ExchangeError::SchoolNotFound(school) => tr(
                "exchange-error-school-not-found",
                &[("school", Arg::Str(school))],
            ),
            ExchangeError::Decode(e) => e.message(i18n),
            ExchangeError::Limit(e) => e.message(i18n),
            ExchangeError::TableRead(e) => e.message(i18n),
            ExchangeError::PlanNotFound(plan) => {
                tr("exchange-error-plan-not-found", &[("plan", Arg::Str(plan))])
            }
            ExchangeError::Store(e) => e.message(i18n),
            ExchangeError::Trust(e) => e.message(i18n),
        }
    }
}

/// The message key naming a kind of record of the exchange file.
fn record_kind_key(what: &str) -> &'static str {
    match what {
        "план" => "exchange-record-plan",
        "целевой индикатор" => "exchange-record-indicator",
        "направление" => "exchange-record-section",
        "школа" => "exchange-record-school",
        _ => "exchange-record-measure",
    }
}

/// A size in megabytes or gigabytes with one decimal, rounded up (so 100 MB and a byte show as "100,1 МБ"
/// in Russian, "100.1 MB" in English).
fn size_text(bytes: u64, i18n: &I18n) -> String {
    const MB: u64 = 1024 * 1024;
    let (unit, key) = if bytes >= 1024 * MB {
        (1024 * MB, "size-gb")
    } else {
        (MB, "size-mb")
    };
    let tenths = (u128::from(bytes) * 10).div_ceil(u128::from(unit));
    let number = format!(
        "{}{}{}",
        tenths / 10,
        i18n.tr("decimal-separator"),
        tenths % 10
    );
    i18n.tr_args(key, &[("size", Arg::Str(&number))])
}

/// A progress record's due date as the messages show it ("без срока" for an unscheduled measure).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueText(pub Option<NaiveDate>);

impl fmt::Display for DueText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(d) => write!(f, "{}", d.format(crate::model::DATE_FORMAT)),
            None => f.write_str("«без срока»"),
        }
    }
}

/// A progress record's executor as the messages show it: the school's id, or «управление» for the office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchoolText(pub Option<Id>);

impl fmt::Display for SchoolText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(id) => write!(f, "{id}"),
            None => f.write_str("«управление»"),
        }
    }
}

/// What an import did with the records of one kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// New here.
    pub added: usize,
    /// Newer in the file: replaced ours.
    pub updated: usize,
    /// Ours is as new or newer: left as it was.
    pub kept: usize,
    /// Deleted by the file's tombstones.
    pub deleted: usize,
    /// Changed on both sides: ours kept, theirs kept for the user to resolve.
    pub conflicts: usize,
}

impl Counts {
    /// Whether any record was written.
    pub fn changed(&self) -> bool {
        self.added + self.updated + self.deleted + self.conflicts > 0
    }

    pub fn total(&self) -> usize {
        self.added + self.updated + self.kept + self.deleted + self.conflicts
    }
}

/// What an import did, per kind of record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// The plans of the file, in file order (whatever their merge did).
    pub plan_ids: Vec<Id>,
    pub plans: Counts,
    pub sections: Counts,
    pub measures: Counts,
    pub schools: Counts,
    pub progress: Counts,
    /// The criteria set, criterion values and indicator values added or updated.
    pub values: usize,
    /// Remarks for the user, Russian (e.g. a period that was guessed).
    pub notes: Vec<String>,
}

impl ImportSummary {
    /// Whether the import wrote anything.
    pub fn changed(&self) -> bool {
        self.values > 0
            || [
                &self.plans,
                &self.sections,
                &self.measures,
                &self.schools,
                &self.progress,
            ]
            .iter()
            .any(|c| c.changed())
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.changed() {
            writeln!(f, "Импорт завершён.")?;
        } else {
            writeln!(f, "Изменений нет: все записи файла уже есть в базе.")?;
        }
        let rows = [
            ("Планы", &self.plans),
            ("Направления", &self.sections),
            ("Мероприятия", &self.measures),
            ("Школы", &self.schools),
            ("Отметки о выполнении", &self.progress),
        ];
        for (i, (name, c)) in rows.iter().enumerate() {
            write!(
                f,
                "{name}: добавлено {}, обновлено {}, без изменений {}",
                c.added, c.updated, c.kept
            )?;
            if c.deleted > 0 {
                write!(f, ", удалено {}", c.deleted)?;
            }
            if c.conflicts > 0 {
                write!(f, ", конфликтов {}", c.conflicts)?;
            }
            f.write_str(".")?;
            if i + 1 < rows.len() {
                writeln!(f)?;
            }
        }
        if self.values > 0 {
            write!(
                f,
                "\nКритерии и значения показателей: добавлено или обновлено {}.",
                self.values
            )?;
        }
        for note in &self.notes {
            write!(f, "\n{note}")?;
        }
        Ok(())
    }
}

/// This office as the `origin` of the files it writes: the id is made and kept in the store on first use.
pub fn office_origin(store: &mut Store) -> Result<Origin, ExchangeError> {
    let office = store.meta(META_OFFICE_NAME)?.unwrap_or_default();
    let id = match store.meta(META_OFFICE_ID)? {
        Some(id) if !id.trim().is_empty() => id,
        // A database open for reading only cannot keep a new id: this file gets one of its own.
        _ if store.is_read_only() => model::new_id().to_string(),
        _ => {
            let id = model::new_id().to_string();
            store.write(|w| w.set_meta(META_OFFICE_ID, &id))?;
            id
        }
    };
    Ok(Origin { office, id })
}

/// Reads one plan (or every plan when `plan` is `None`), all schools, and the progress of those plans.
///
/// Plans come newest period first (then by title and id), schools by name (then id), progress by measure,
/// school and due date: the same data always gives the same file.
pub fn export(
    store: &Store,
    plan: Option<Id>,
    origin: Origin,
) -> Result<ExchangeFile, ExchangeError> {
    let plans = match plan {
        Some(id) => {
            if !store.has_plan(id)? {
                return Err(ExchangeError::PlanNotFound(id.to_string()));
            }
            vec![store.load_plan(id)?]
        }
        None => {
            let mut list = store.list_plans()?;
            list.sort_by(|a, b| {
                b.period
                    .from
                    .cmp(&a.period.from)
                    .then_with(|| a.title.cmp(&b.title))
                    .then_with(|| a.id.cmp(&b.id))
            });
            list.iter()
                .map(|p| store.load_plan(p.id))
                .collect::<Result<Vec<_>, _>>()?
        }
    };
    let mut schools = store.schools()?;
    schools.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    let progress = store.progress(plan)?;
    let indicators: HashSet<Id> = plans
        .iter()
        .flat_map(|p| p.indicators.iter().map(|i| i.id))
        .collect();
    let mut file = ExchangeFile::new(origin, plans, schools, progress);
    file.criteria = store.criteria_set()?;
    file.criterion_values = store.criterion_values()?;
    file.indicator_values = store
        .indicator_values()?
        .into_iter()
        .filter(|v| indicators.contains(&v.indicator_id))
        .collect();
    add_sync_state(store, &mut file)?;
    Ok(file)
}

/// Adds what the file's reader needs to merge it well: the deletions we know of (for records we do not
/// hold: a record deleted and then brought back is no deletion), and the newest file we have seen from
/// each office.
pub(crate) fn add_sync_state(store: &Store, file: &mut ExchangeFile) -> Result<(), ExchangeError> {
    for t in store.tombstones()? {
        if store.updated_at(t.kind, &t.key)?.is_none()
            && let Some(d) = Deletion::from_tombstone(&t)
        {
            file.deleted.push(d);
        }
    }
    file.seen = store
        .sync_origins()?
        .into_iter()
        .map(|o| (o.origin_id, o.exported_at))
        .collect();
    Ok(())
}

/// The ids a file declares, gathered while validating it.
struct Declared {
    measures: HashSet<Id>,
    schools: HashSet<Id>,
}

/// Checks a parsed file on its own: format and version, plans (`model::validate_plan`), schools, ids unique
/// across the whole file, one progress record per measure, school and due date.
pub fn validate(file: &ExchangeFile) -> Result<(), ExchangeError> {
    validate_inner(file).map(|_| ())
}

fn validate_inner(file: &ExchangeFile) -> Result<Declared, ExchangeError> {
    if file.format != FORMAT {
        return Err(ExchangeError::NotOurFormat {
            found: Some(file.format.clone()),
        });
    }
    if file.version > VERSION {
        return Err(ExchangeError::TooNew(file.version.into()));
    }
    if file.version == 0 {
        return Err(ExchangeError::BadVersion("0".into()));
    }

    let mut ids: HashSet<Id> = HashSet::new();
    let mut measures = HashSet::new();
    let mut unique = |id: Id, what: &'static str| {
        if ids.insert(id) {
            Ok(())
        } else {
            Err(ExchangeError::DuplicateId { id, what })
        }
    };
    for plan in &file.plans {
        model::validate_plan(plan).map_err(|error| ExchangeError::InvalidPlan {
            plan: plan.title.clone(),
            error,
        })?;
        unique(plan.id, "план")?;
        for indicator in &plan.indicators {
            unique(indicator.id, "целевой индикатор")?;
        }
        for section in &plan.sections {
            unique(section.id, "направление")?;
            for measure in &section.measures {
                unique(measure.id, "мероприятие")?;
                measures.insert(measure.id);
            }
        }
    }

    let mut schools = HashSet::with_capacity(file.schools.len());
    for school in &file.schools {
        model::validate_school(school).map_err(|error| ExchangeError::InvalidSchool {
            school: school.name.clone(),
            id: school.id,
            error,
        })?;
        if !schools.insert(school.id) {
            return Err(ExchangeError::DuplicateId {
                id: school.id,
                what: "школа",
            });
        }
    }

    if let Some(p) = duplicate_progress(&file.progress) {
        return Err(ExchangeError::DuplicateProgress {
            measure: p.measure_id,
            school: SchoolText(p.school_id),
            due: DueText(p.due),
        });
    }
    let mut deleted = HashSet::with_capacity(file.deleted.len());
    for (i, d) in file.deleted.iter().enumerate() {
        let Some(key) = d.key() else {
            return Err(ExchangeError::BadDeletion(i + 1));
        };
        if !deleted.insert((d.kind, key)) {
            return Err(ExchangeError::DuplicateDeletion(i + 1));
        }
    }
    Ok(Declared { measures, schools })
}

/// The first progress record (in file order) whose key (measure, school, due) an earlier one has.
///
/// Sorts 64-bit hashes of the keys rather than keeping a set of the keys: a few bytes per record, which
/// matters for a file of hundreds of thousands of them. Equal hashes are then compared by their keys.
fn duplicate_progress(progress: &[Progress]) -> Option<&Progress> {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    let hasher = BuildHasherDefault::<DefaultHasher>::default();
    let key = |p: &Progress| (p.measure_id, p.school_id, p.due);
    let mut hashes: Vec<(u64, u32)> = progress
        .iter()
        .enumerate()
        .map(|(i, p)| (hasher.hash_one(key(p)), i as u32))
        .collect();
    hashes.sort_unstable();
    let mut first: Option<usize> = None;
    for run in hashes
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        // Within a run the indices ascend; any later record equal to an earlier one is a duplicate.
        for (j, &(_, later)) in run.iter().enumerate().skip(1) {
            let later = later as usize;
            if run[..j]
                .iter()
                .any(|&(_, earlier)| key(&progress[earlier as usize]) == key(&progress[later]))
            {
                first = Some(first.map_or(later, |f| f.min(later)));
                break;
            }
        }
    }
    first.map(|i| &progress[i])
}

/// Merges a file into the store in one transaction: all of it is written, or nothing.
///
/// One code path with the preview: [`merge::preview`] decides what happens to every record (validating the
/// file first), [`merge::apply`] writes exactly that. The newer `updated_at` wins; records the file lacks
/// stay as they are; tombstones delete only older records; changes made on both sides since the last
/// exchange are kept as conflicts.
pub fn import(store: &mut Store, file: &ExchangeFile) -> Result<ImportSummary, ExchangeError> {
    let plan = merge::preview(store, file)?;
    merge::apply(store, file, &plan)
}

#[cfg(test)]
mod tests;
