//! What Word (.docx) and Excel (.xlsx) import share: reading the file with bounded memory, telling an old
//! binary (.doc/.xls) or password-protected document from a damaged one, the safety checks on the zip
//! package, merged cells, and turning a read table into a new [`Plan`].
//!
//! Both readers end in the same place: a grid of cell texts handed to [`super::table_import::read_table`] (the
//! CSV/TSV reader), plus the lines above the table from which [`header`] takes the plan's title, period,
//! goal and tasks.
//!
//! Limits (a "zip bomb" is a small file that inflates to gigabytes): the file itself at most
//! [`MAX_FILE_SIZE`]; every part inflates to at most [`MAX_PART_SIZE`], all parts together to at most
//! [`MAX_TOTAL_SIZE`]; at most [`MAX_ENTRIES`] parts. Sizes are counted while inflating, not trusted from
//! the zip directory.

pub mod header;

use std::io::{Cursor, Read};
use std::path::Path;

use chrono::NaiveDate;

use crate::i18n::{Arg, I18n, Localize};

use super::table_import::{TableError, TableImport};
use crate::model::{MeasureField, Period, Plan};

/// The largest document we open: 100 MB.
pub const MAX_FILE_SIZE: u64 = 100 * 1024 * 1024;
/// The most one part of the package may inflate to: 64 MB.
pub const MAX_PART_SIZE: u64 = 64 * 1024 * 1024;
/// The most all parts together may inflate to: 256 MB.
pub const MAX_TOTAL_SIZE: u64 = 256 * 1024 * 1024;
/// The most parts a package may hold.
pub const MAX_ENTRIES: usize = 10_000;

/// The signature of an OLE compound file: old binary Office documents and encrypted new ones.
const CFB_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Word or Excel: which program's words the messages use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeKind {
    Word,
    Excel,
}

impl OfficeKind {
    /// The kind a file name says, by its extension.
    pub fn of_path(path: &Path) -> Option<OfficeKind> {
        let ext = path.extension()?.to_str()?.to_lowercase();
        match ext.as_str() {
            "docx" | "docm" | "doc" => Some(OfficeKind::Word),
            "xlsx" | "xlsm" | "xls" => Some(OfficeKind::Excel),
            _ => None,
        }
    }
}

/// Why a Word or Excel document cannot be read or written. The text is in `assets/i18n/*.ftl` (keys
/// `office-error-*`), given by [`Localize`]; `Display` is the Russian one.
#[derive(Debug, thiserror::Error)]
pub enum OfficeError {
    Io {
        path: String,
        reason: String,
    },
    TooLarge(u64),
    Empty,
    OldWord,
    OldExcel,
    Encrypted,
    NotPackage {
        kind: OfficeKind,
        reason: String,
    },
    Inflated {
        part: String,
    },
    TooManyParts,
    MissingPart {
        kind: OfficeKind,
        part: String,
    },
    Xml {
        part: String,
        reason: String,
    },
    NoTable,
    NoSheetTable,
    Spreadsheet(String),
    /// Worded by the table reader.
    Table(#[from] TableError),
    /// Worded by the reader limits.
    Limit(#[from] crate::exchange::limits::LimitError),
    Write(String),
}

crate::i18n::display_in_russian!(OfficeError);

impl Localize for OfficeError {
    fn message(&self, i18n: &I18n) -> String {
        let n = |v: u64| v.to_string();
        let kind = |k: &OfficeKind| {
            i18n.tr(match k {
                OfficeKind::Word => "office-kind-word",
                OfficeKind::Excel => "office-kind-excel",
            })
        };
        match self {
            OfficeError::Io { path, reason } => i18n.tr_args(
                "exchange-error-io",
                &[("path", Arg::Str(path)), ("reason", Arg::Str(reason))],
            ),
            OfficeError::TooLarge(size) => i18n.tr_args(
                "office-error-too-large",
                &[
                    ("size", Arg::Str(&n(size / (1024 * 1024) + 1))),
                    ("max", Arg::Str(&n(MAX_FILE_SIZE / (1024 * 1024)))),
                ],
            ),
            OfficeError::Empty => i18n.tr("office-error-empty"),
            OfficeError::OldWord => i18n.tr("office-error-old-word"),
            OfficeError::OldExcel => i18n.tr("office-error-old-excel"),
            OfficeError::Encrypted => i18n.tr("office-error-encrypted"),
            OfficeError::NotPackage { kind: k, reason } => i18n.tr_args(
                "office-error-not-package",
                &[("kind", Arg::Str(&kind(k))), ("reason", Arg::Str(reason))],
            ),
            OfficeError::Inflated { part } => i18n.tr_args(
                "office-error-inflated",
                &[
                    ("part", Arg::Str(part)),
                    ("part_max", Arg::Str(&n(MAX_PART_SIZE / (1024 * 1024)))),
                    ("total_max", Arg::Str(&n(MAX_TOTAL_SIZE / (1024 * 1024)))),
                ],
            ),
            OfficeError::TooManyParts => i18n.tr_args(
                "office-error-too-many-parts",
                &[("max", Arg::Str(&MAX_ENTRIES.to_string()))],
            ),
            OfficeError::MissingPart { kind: k, part } => i18n.tr_args(
                "office-error-missing-part",
                &[("kind", Arg::Str(&kind(k))), ("part", Arg::Str(part))],
            ),
            OfficeError::Xml { part, reason } => i18n.tr_args(
                "office-error-xml",
                &[("part", Arg::Str(part)), ("reason", Arg::Str(reason))],
            ),
            OfficeError::NoTable => i18n.tr("office-error-no-table"),
            OfficeError::NoSheetTable => i18n.tr("office-error-no-sheet-table"),
            OfficeError::Spreadsheet(detail) => {
                i18n.tr_args("office-error-spreadsheet", &[("detail", Arg::Str(detail))])
            }
            OfficeError::Table(e) => e.message(i18n),
            OfficeError::Limit(e) => e.message(i18n),
            OfficeError::Write(detail) => {
                i18n.tr_args("office-error-write", &[("detail", Arg::Str(detail))])
            }
        }
    }
}

/// A plan read from a document, with notes on what could not be read cleanly.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeImport {
    /// A new plan: new ids, due dates derived within its period.
    pub plan: Plan,
    pub warnings: Vec<String>,
    /// What of the table is not in the plan (see [`TableImport::left_out`]).
    pub left_out: Vec<String>,
}

/// The road-map table of a Word or Excel document as a grid of cell texts (merged cells filled in, tables
/// continued on the next page joined, repeated headers dropped), with the lines above it: what the
/// column-mapping step shows before the plan is built.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeTable {
    pub rows: Vec<Vec<String>>,
    /// The document's paragraphs above the table (Word); the rows above the header are added to them.
    pub lines: Vec<header::HeaderLine>,
    /// Whether rows above the table's header count as emphasized lines (a title set in the table).
    pub title_rows_emphasized: bool,
    /// The file name without extension: the title when the document names none.
    pub stem: String,
}

impl OfficeTable {
    /// The plan with the columns its header names.
    /// `today` gives the school year taken when the document names no period.
    pub fn read(&self, today: NaiveDate) -> Result<OfficeImport, OfficeError> {
        let table = super::table_import::read_table(&self.rows)?;
        Ok(self.plan(table, today))
    }

    /// The plan with the columns given by `mapping` (chosen in the column-mapping step).
    pub fn read_with(
        &self,
        mapping: &super::table_import::ColumnMapping,
        today: NaiveDate,
    ) -> Result<OfficeImport, OfficeError> {
        let table = super::table_import::read_table_with_columns(&self.rows, mapping)?;
        Ok(self.plan(table, today))
    }

    fn plan(&self, table: TableImport, today: NaiveDate) -> OfficeImport {
        let mut lines = self.lines.clone();
        lines.extend(table.title_lines.iter().map(|t| header::HeaderLine {
            text: t.clone(),
            emphasized: self.title_rows_emphasized,
        }));
        let header = header::read_header(&lines);
        build_plan(table, header, &self.stem, today)
    }
}

/// A document's bytes, its kind (by its extension; by its contents when the extension says neither) and
/// its file name without extension.
fn open_document(path: &Path) -> Result<(Vec<u8>, OfficeKind, String), OfficeError> {
    let bytes = read_bytes(path)?;
    let kind = OfficeKind::of_path(path).unwrap_or_else(|| guess_kind(&bytes));
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((bytes, kind, stem))
}

/// Reads the table of a .docx or .xlsx file, before its columns are applied.
pub fn read_table_of(path: &Path) -> Result<OfficeTable, OfficeError> {
    let (bytes, kind, stem) = open_document(path)?;
    match kind {
        OfficeKind::Word => super::docx::docx_table(&bytes, &stem),
        OfficeKind::Excel => super::xlsx::xlsx_table(&bytes, &stem),
    }
}

/// The table of a .docx or .xlsx file whose header is not recognised, for the user to name its columns: the
/// document's largest table, or the workbook's first sheet with text.
pub fn read_unrecognised_table(path: &Path) -> Result<OfficeTable, OfficeError> {
    let (bytes, kind, stem) = open_document(path)?;
    match kind {
        OfficeKind::Word => super::docx::docx_largest_table(&bytes, &stem),
        OfficeKind::Excel => super::xlsx::xlsx_first_sheet(&bytes, &stem),
    }
}

/// Reads a .docx or .xlsx file (by its extension; by its contents when the extension says neither).
pub fn read_document(path: &Path, today: NaiveDate) -> Result<OfficeImport, OfficeError> {
    let (bytes, kind, stem) = open_document(path)?;
    match kind {
        OfficeKind::Word => super::docx::read_docx(&bytes, &stem, today),
        OfficeKind::Excel => super::xlsx::read_xlsx(&bytes, &stem, today),
    }
}

/// A document read for the import preview (see [`super::ImportSource`]): a file holding the new plan,
/// the reader's warnings as notes.
pub fn import_source(path: &Path, today: NaiveDate) -> Result<super::ImportSource, OfficeError> {
    let OfficeImport { plan, warnings, .. } = read_document(path, today)?;
    Ok(super::ImportSource {
        file: super::ExchangeFile::new(
            super::Origin::default(),
            vec![plan],
            Vec::new(),
            Vec::new(),
        ),
        notes: warnings,
    })
}

/// Whether a file name ends in an extension this module reads.
pub fn is_office_path(path: &Path) -> bool {
    OfficeKind::of_path(path).is_some()
}

/// Reads a whole file, refusing one over [`MAX_FILE_SIZE`] before reading it.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, OfficeError> {
    let io = |e: std::io::Error| OfficeError::Io {
        path: path.display().to_string(),
        reason: match e.kind() {
            std::io::ErrorKind::NotFound => "файл не найден".to_owned(),
            std::io::ErrorKind::PermissionDenied => "нет прав на чтение".to_owned(),
            _ => crate::output::io_reason(&e),
        },
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_FILE_SIZE {
        return Err(OfficeError::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(OfficeError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Word or Excel by the package's contents (an unknown extension).
fn guess_kind(bytes: &[u8]) -> OfficeKind {
    let has = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
    if has(b"xl/workbook") || has(&utf16(b"Workbook")) {
        OfficeKind::Excel
    } else {
        OfficeKind::Word
    }
}

/// A name as the UTF-16LE bytes an OLE compound file's directory stores it in.
fn utf16(name: &[u8]) -> Vec<u8> {
    name.iter().flat_map(|&b| [b, 0]).collect()
}

/// Refuses what is not a zip package with a message that says what it is instead: an encrypted document
/// (an OLE compound file holding "EncryptionInfo"/"EncryptedPackage" streams), an old binary .doc/.xls (any
/// other OLE compound file), an empty file.
pub fn check_signature(bytes: &[u8], kind: OfficeKind) -> Result<(), OfficeError> {
    if bytes.is_empty() {
        return Err(OfficeError::Empty);
    }
    if bytes.starts_with(&CFB_SIGNATURE) {
        let has = |name: &[u8]| {
            let needle = utf16(name);
            bytes.windows(needle.len()).any(|w| w == needle.as_slice())
        };
        if has(b"EncryptedPackage") || has(b"EncryptionInfo") {
            return Err(OfficeError::Encrypted);
        }
        // The stream names tell Word from Excel better than the file's extension.
        return Err(if has(b"WordDocument") {
            OfficeError::OldWord
        } else if has(b"Workbook") || has(b"Book") {
            OfficeError::OldExcel
        } else {
            match kind {
                OfficeKind::Word => OfficeError::OldWord,
                OfficeKind::Excel => OfficeError::OldExcel,
            }
        });
    }
    if !bytes.starts_with(b"PK") {
        return Err(OfficeError::NotPackage {
            kind,
            reason: "это не zip-архив".to_owned(),
        });
    }
    Ok(())
}

/// An Office package (a zip archive) whose parts are read with the size limits of this module.
pub struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    kind: OfficeKind,
    /// Inflated so far, over all parts read.
    total: u64,
}

impl<'a> Package<'a> {
    /// Opens a package after [`check_signature`]; refuses a damaged archive or one with too many parts.
    pub fn open(bytes: &'a [u8], kind: OfficeKind) -> Result<Self, OfficeError> {
        check_signature(bytes, kind)?;
        let archive =
            zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| OfficeError::NotPackage {
                kind,
                reason: zip_reason(&e),
            })?;
        if archive.len() > MAX_ENTRIES {
            return Err(OfficeError::TooManyParts);
        }
        Ok(Self {
            archive,
            kind,
            total: 0,
        })
    }

    /// The inflated bytes of a part, or `None` when the package has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, OfficeError> {
        let Some(index) = self.archive.index_for_name(name) else {
            return Ok(None);
        };
        let mut out = Vec::new();
        self.inflate(index, name, Some(&mut out))?;
        Ok(Some(out))
    }

    /// The names of the package's parts.
    pub fn part_names(&self) -> Vec<String> {
        (0..self.archive.len())
            .filter_map(|i| self.archive.name_for_index(i)?.ok())
            .map(|name| name.into_owned())
            .collect()
    }

    /// A part that must be there.
    pub fn required_part(&mut self, name: &str) -> Result<Vec<u8>, OfficeError> {
        self.part(name)?.ok_or_else(|| OfficeError::MissingPart {
            kind: self.kind,
            part: name.to_owned(),
        })
    }

    /// Inflates every part without keeping it, so a reader that opens the archive itself (calamine) never
    /// meets a part over the limits. Also proves every part's data sound.
    pub fn check_all_parts(&mut self) -> Result<(), OfficeError> {
        for index in 0..self.archive.len() {
            let name = match self.archive.name_for_index(index) {
                Some(Ok(name)) => name.into_owned(),
                _ => format!("№ {}", index + 1),
            };
            self.inflate(index, &name, None)?;
        }
        Ok(())
    }

    /// Inflates one part into `out` (or nowhere), counting its size against the limits as it goes.
    fn inflate(
        &mut self,
        index: usize,
        name: &str,
        out: Option<&mut Vec<u8>>,
    ) -> Result<(), OfficeError> {
        let kind = self.kind;
        let mut entry = self.archive.by_index(index).map_err(|e| match e {
            zip::result::ZipError::UnsupportedArchive(m) if m.contains("assword") => {
                OfficeError::Encrypted
            }
            zip::result::ZipError::InvalidPassword => OfficeError::Encrypted,
            e => OfficeError::NotPackage {
                kind,
                reason: zip_reason(&e),
            },
        })?;
        if entry.encrypted() {
            return Err(OfficeError::Encrypted);
        }
        let too_big = || OfficeError::Inflated {
            part: name.to_owned(),
        };
        let room = MAX_PART_SIZE.min(MAX_TOTAL_SIZE - self.total);
        if entry.size() > room {
            return Err(too_big());
        }
        let mut limited = (&mut entry).take(room + 1);
        let damaged = |e: std::io::Error| OfficeError::NotPackage {
            kind,
            reason: format!("часть «{name}» не распаковывается ({e})"),
        };
        let read = match out {
            Some(out) => limited.read_to_end(out).map_err(damaged)? as u64,
            None => std::io::copy(&mut limited, &mut std::io::sink()).map_err(damaged)?,
        };
        if read > room {
            return Err(too_big());
        }
        self.total += read;
        Ok(())
    }
}

fn zip_reason(e: &zip::result::ZipError) -> String {
    match e {
        zip::result::ZipError::InvalidArchive(_) => "архив повреждён".to_owned(),
        zip::result::ZipError::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            "архив обрезан".to_owned()
        }
        other => format!("архив не читается ({other})"),
    }
}

/// Repeats the text of a cell merged across a row into every column it spans — only when it is the row's
/// only text and spans at least half the table: that is a section heading ("1. Создание…" across all
/// columns), which the table reader knows by the same text repeated. A measure's cell merged over two
/// columns keeps its text in the first.
pub(crate) fn spread_heading(row: &mut [String], col: usize, span: usize) {
    let width = row.len();
    if span < 2 || span * 2 < width || col >= width {
        return;
    }
    let lone = row
        .iter()
        .enumerate()
        .all(|(i, c)| i == col || c.trim().is_empty());
    if !lone || row[col].trim().is_empty() {
        return;
    }
    let text = row[col].clone();
    for cell in row.iter_mut().skip(col + 1).take(span - 1) {
        cell.clone_from(&text);
    }
}

/// Drops rows that repeat the header row further down (a table continued on the next page, or a second
/// table, with its header again), comparing text with whitespace collapsed.
pub(crate) fn drop_repeated_headers(rows: &mut Vec<Vec<String>>) {
    let Some(mapping) = super::table_import::ColumnMapping::detect(rows) else {
        return;
    };
    let Some(header) = mapping.header_first_row() else {
        return;
    };
    let key = |row: &[String]| -> Vec<String> {
        row.iter()
            .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    // The header may take several rows (names, years, column numbers): they are repeated together.
    let first = mapping.first_data_row();
    let head: Vec<Vec<String>> = rows[header.min(first)..first.max(header + 1)]
        .iter()
        .map(|r| key(r))
        .collect();
    let head_first = key(&rows[header]);
    let mut i = first;
    while i < rows.len() {
        if key(&rows[i]) == head_first {
            let n = head
                .iter()
                .enumerate()
                .take_while(|(k, h)| rows.get(i + k).is_some_and(|r| key(r) == **h))
                .count()
                .max(1);
            rows.drain(i..i + n);
        } else {
            i += 1;
        }
    }
}

/// A new plan from a read table and the header lines found above it. Without a title the file's name
/// is the title; without a period the current school year is taken, with a warning.
pub(crate) fn build_plan(
    table: TableImport,
    header: header::HeaderInfo,
    file_stem: &str,
    today: NaiveDate,
) -> OfficeImport {
    let mut warnings = table.warnings;
    let left_out = table.left_out;
    let title = if header.title.trim().is_empty() {
        warnings.push(format!(
            "Название дорожной карты в документе не найдено — взято имя файла «{file_stem}»."
        ));
        file_stem.to_owned()
    } else {
        header.title
    };
    let title = if title.trim().is_empty() {
        "Дорожная карта".to_owned()
    } else {
        title
    };
    let period = header.period.unwrap_or_else(|| {
        let period = Period::school_year_of(today);
        warnings.push(format!(
            "Период дорожной карты в документе не найден — принят {}–{} учебный год; его можно \
             исправить в шапке плана.",
            period.from.format("%Y"),
            period.to.format("%Y")
        ));
        period
    });
    let mut plan = Plan::new(title, period);
    plan.goal = header.goal;
    plan.tasks = header.tasks;
    plan.approval = header.approval;
    plan.sections = table.sections;
    for section in &mut plan.sections {
        for measure in &mut section.measures {
            measure.due = crate::schedule::measure_due_dates(measure, period);
        }
    }
    OfficeImport {
        plan,
        warnings,
        left_out,
    }
}

/// The columns a written table has: the plan's ([`MeasureField::of_plan`]), «Документы» only when any
/// measure has text there.
pub(crate) fn export_columns(plan: &Plan) -> Vec<MeasureField> {
    let documents = plan.measures().any(|m| !m.documents.trim().is_empty());
    MeasureField::of_plan(plan)
        .into_iter()
        .filter(|f| documents || *f != MeasureField::Documents)
        .collect()
}

/// The name written over the year columns of a table: the umbrella of its two-row header.
pub(crate) const YEARS_UMBRELLA: &str = "Ключевые мероприятия, сроки реализации";

/// The header of a written table as rows of texts, one per column, each named by `name`: one row, or —
/// when the table has year columns — two, as road maps write them: «Ключевые мероприятия, сроки
/// реализации» over the years (in the first year column of the top row, the others empty) and every other
/// name in the top row with nothing under it (a cell merged down over both rows).
pub(crate) fn header_rows(
    columns: &[MeasureField],
    name: impl Fn(MeasureField) -> String,
) -> Vec<Vec<String>> {
    let first_year = columns
        .iter()
        .position(|c| matches!(c, MeasureField::Year(_)));
    let Some(first_year) = first_year else {
        return vec![columns.iter().map(|c| name(*c)).collect()];
    };
    let mut top = Vec::with_capacity(columns.len());
    let mut sub = Vec::with_capacity(columns.len());
    for (i, column) in columns.iter().enumerate() {
        let (above, below) = match column {
            MeasureField::Year(_) if i == first_year => (YEARS_UMBRELLA.to_owned(), name(*column)),
            MeasureField::Year(_) => (String::new(), name(*column)),
            _ => (name(*column), String::new()),
        };
        top.push(above);
        sub.push(below);
    }
    vec![top, sub]
}

/// A section's heading as one line: "1. Создание…"; `None` for the untitled section of a table without
/// sections.
pub(crate) fn section_heading(section: &crate::model::Section) -> Option<String> {
    let number = section.number.trim().trim_end_matches('.');
    let title = section.title.trim();
    match (number.is_empty(), title.is_empty()) {
        (true, true) => None,
        (true, false) => Some(title.to_owned()),
        (false, true) => Some(format!("{number}.")),
        (false, false) => Some(format!("{number}. {title}")),
    }
}

/// "Сроки реализации: 2021-2022 учебный год" (or calendar years, or the dates).
pub(crate) fn period_line(plan: &Plan) -> String {
    use chrono::Datelike;
    let (from, to) = (plan.period.from, plan.period.to);
    let text = if (from.month(), from.day(), to.month(), to.day()) == (9, 1, 8, 31) {
        format!("{}-{} учебный год", from.year(), to.year())
    } else if (from.month(), from.day(), to.month(), to.day()) == (1, 1, 12, 31) {
        if from.year() == to.year() {
            format!("{} год", from.year())
        } else {
            format!("{}-{} годы", from.year(), to.year())
        }
    } else {
        format!(
            "с {} по {}",
            from.format(crate::model::DATE_FORMAT),
            to.format(crate::model::DATE_FORMAT)
        )
    };
    format!("Сроки реализации: {text}")
}
