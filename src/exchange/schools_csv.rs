//! A list of schools from a CSV/TSV table (saved from Excel or copied from a spreadsheet).
//!
//! The first non-empty row is the header; columns are found by their Russian names in any order:
//! Наименование / Полное наименование (required), Краткое наименование, Район, Вид / Тип, Директор,
//! Контакты / Телефон / Эл. почта (several are joined), and optionally Категории (ШНОР, ШНСУ, зона риска, …)
//! and Куратор. Text is UTF-8 with or without a byte-order mark; cells are separated by `;`, `,` or tabs
//! (see [`super::table_import::parse_delimited`]). Errors and warnings are Russian and name the table row.

use std::collections::HashMap;

use crate::i18n::{Arg, I18n, Localize};
use crate::model::{Category, School, SchoolField};

/// What a school's column holds: a text field of the card, or the categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Text(SchoolField),
    Categories,
}

/// The schools a table holds (new ids, stamped now) and notes on what was not read cleanly.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SchoolsTable {
    pub schools: Vec<School>,
    pub warnings: Vec<String>,
}

/// Why a table of schools cannot be read. The text is in `assets/i18n/*.ftl` (keys `schools-csv-error-*`),
/// given by [`Localize`]; `Display` is the Russian one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchoolsCsvError {
    NotUtf8,
    Empty,
    NoNameColumn,
    NoName {
        row: usize,
    },
    Duplicate {
        row: usize,
        name: String,
        first: usize,
    },
    NoRows,
    Limit(#[from] super::limits::LimitError),
}

crate::i18n::display_in_russian!(SchoolsCsvError);

impl Localize for SchoolsCsvError {
    fn message(&self, i18n: &I18n) -> String {
        match self {
            SchoolsCsvError::NotUtf8 => i18n.tr("schools-csv-error-not-utf8"),
            SchoolsCsvError::Empty => i18n.tr("schools-csv-error-empty"),
            SchoolsCsvError::NoNameColumn => i18n.tr("schools-csv-error-no-name-column"),
            SchoolsCsvError::NoName { row } => i18n.tr_args(
                "schools-csv-error-no-name",
                &[("row", Arg::Str(&row.to_string()))],
            ),
            SchoolsCsvError::Duplicate { row, name, first } => i18n.tr_args(
                "schools-csv-error-duplicate",
                &[
                    ("row", Arg::Str(&row.to_string())),
                    ("name", Arg::Str(name)),
                    ("first", Arg::Str(&first.to_string())),
                ],
            ),
            SchoolsCsvError::NoRows => i18n.tr("schools-csv-error-no-rows"),
            SchoolsCsvError::Limit(e) => e.message(i18n),
        }
    }
}

/// Reads a table of schools from the bytes of a file.
pub fn read_schools(bytes: &[u8]) -> Result<SchoolsTable, SchoolsCsvError> {
    let text = std::str::from_utf8(bytes).map_err(|_| SchoolsCsvError::NotUtf8)?;
    read_schools_text(text)
}

/// Reads a table of schools from text.
pub fn read_schools_text(text: &str) -> Result<SchoolsTable, SchoolsCsvError> {
    let rows = super::limits::parse_delimited_bounded(text, None)?;
    let mut rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, cells)| (i + 1, cells))
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    let (_, header) = rows.next().ok_or(SchoolsCsvError::Empty)?;
    let columns: Vec<Option<Field>> = header.iter().map(|h| field_of(h)).collect();
    if !columns.contains(&Some(Field::Text(SchoolField::Name))) {
        return Err(SchoolsCsvError::NoNameColumn);
    }
    let mut out = SchoolsTable::default();
    let ignored: Vec<&str> = header
        .iter()
        .zip(&columns)
        .filter(|(h, f)| f.is_none() && !h.trim().is_empty())
        .map(|(h, _)| h.trim())
        .collect();
    if !ignored.is_empty() {
        out.warnings.push(format!(
            "Не прочитаны столбцы: {}.",
            ignored
                .iter()
                .map(|h| format!("«{h}»"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (row, cells) in rows {
        let mut school = School::new("");
        let mut contacts = Vec::new();
        for (cell, field) in cells.iter().zip(&columns) {
            let value = cell.trim();
            let Some(field) = field else { continue };
            if value.is_empty() {
                continue;
            }
            match field {
                Field::Text(SchoolField::Contacts) => contacts.push(value.to_owned()),
                Field::Text(text) => *text.slot(&mut school) = value.to_owned(),
                Field::Categories => {
                    for part in value
                        .split([',', ';', '/'])
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                    {
                        match parse_category(part) {
                            Some(c) if !school.categories.contains(&c) => school.categories.push(c),
                            Some(_) => {}
                            None => out.warnings.push(format!(
                                "Строка {row}: неизвестная категория «{part}» пропущена."
                            )),
                        }
                    }
                }
            }
        }
        school.contacts = contacts.join("; ");
        if school.name.is_empty() {
            return Err(SchoolsCsvError::NoName { row });
        }
        let key = normalize(&school.name);
        if let Some(&first) = seen.get(&key) {
            return Err(SchoolsCsvError::Duplicate {
                row,
                name: school.name,
                first,
            });
        }
        seen.insert(key, row);
        school
            .categories
            .sort_by_key(|c| Category::ALL.iter().position(|x| x == c));
        out.schools.push(school);
    }
    if out.schools.is_empty() {
        return Err(SchoolsCsvError::NoRows);
    }
    Ok(out)
}

/// A name reduced for comparison: lower case, "ё" as "е", quotes and extra spaces dropped.
pub fn normalize(name: &str) -> String {
    name.to_lowercase()
        .replace('ё', "е")
        .chars()
        .filter(|c| !matches!(c, '«' | '»' | '"' | '\'' | '“' | '”' | '„'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words a header cell starts with, per field, tried in this order («Краткое наименование» is the short
/// name, not the name).
const HEADER_WORDS: [(Field, &[&str]); 8] = [
    (
        Field::Text(SchoolField::ShortName),
        &["краткое", "сокращенное", "короткое"],
    ),
    (
        Field::Text(SchoolField::Name),
        &[
            "наименование",
            "полное наименование",
            "полное название",
            "название",
            "школа",
            "образовательная организация",
        ],
    ),
    (
        Field::Text(SchoolField::District),
        &["район", "муниципальн", "муниципалитет"],
    ),
    (Field::Text(SchoolField::Kind), &["вид", "тип"]),
    (
        Field::Text(SchoolField::Director),
        &[
            "директор",
            "руководитель",
            "фио директора",
            "фио руководителя",
        ],
    ),
    (
        Field::Text(SchoolField::Contacts),
        &[
            "контакт",
            "телефон",
            "тел",
            "e-mail",
            "email",
            "эл. почта",
            "электронная почта",
            "адрес",
        ],
    ),
    (Field::Categories, &["категори"]),
    (Field::Text(SchoolField::Curator), &["куратор"]),
];

/// The field a header cell names.
fn field_of(header: &str) -> Option<Field> {
    let h = normalize(header)
        .trim_end_matches([':', '.', '*'])
        .trim()
        .to_owned();
    if h == "оо" {
        return Some(Field::Text(SchoolField::Name));
    }
    HEADER_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| h.starts_with(w)))
        .map(|(field, _)| *field)
}

/// A category as people write it ("ШНОР", "зона риска", "школа-лидер", …) or by its key ("risk_zone").
pub fn parse_category(text: &str) -> Option<Category> {
    let t = normalize(text).replace(['-', '—', '–'], " ");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(c) = Category::parse(text.trim()) {
        return Some(c);
    }
    match t.as_str() {
        "шнор" => Some(Category::Shnor),
        "шнсу" => Some(Category::Shnsu),
        "зона риска" | "риск" => Some(Category::RiskZone),
        "школа лидер" | "лидер" => Some(Category::Leader),
        "опорная школа" | "опорная" | "школа партнер" | "партнер" => {
            Some(Category::Partner)
        }
        "школа куратор" | "куратор" => Some(Category::Curator),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_semicolon_table_with_bom_and_russian_header_is_read() {
        let text = "\u{feff}Полное наименование;Краткое наименование;Район;Вид;Директор;Телефон;Категории\n\
                    МОУ «СОШ № 1»;СОШ № 1;Ивантеевский;СОШ;Иванова А. П.;8 (845) 123-45-67;ШНОР, зона риска\n\
                    \"МОУ «ООШ с. Раевка»\";ООШ с. Раевка;Ивантеевский;ООШ;;;\n";
        let t = read_schools(text.as_bytes()).unwrap();
        assert_eq!(t.schools.len(), 2);
        let first = &t.schools[0];
        assert_eq!(first.name, "МОУ «СОШ № 1»");
        assert_eq!(first.short_name, "СОШ № 1");
        assert_eq!(first.district, "Ивантеевский");
        assert_eq!(first.kind, "СОШ");
        assert_eq!(first.director, "Иванова А. П.");
        assert_eq!(first.contacts, "8 (845) 123-45-67");
        assert_eq!(first.categories, vec![Category::Shnor, Category::RiskZone]);
        assert_eq!(t.schools[1].kind, "ООШ");
        assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    }

    #[test]
    fn tabs_and_commas_work_and_unknown_columns_are_noted() {
        let tsv = "Наименование\tТип\tПримечание\nСОШ № 2\tСОШ\tx\n";
        let t = read_schools_text(tsv).unwrap();
        assert_eq!(t.schools[0].kind, "СОШ");
        assert_eq!(
            t.warnings,
            vec!["Не прочитаны столбцы: «Примечание».".to_owned()]
        );
        let csv = "Наименование,Контакты,Телефон\nСОШ № 3,school3@mail.ru,123\n";
        let t = read_schools_text(csv).unwrap();
        assert_eq!(t.schools[0].contacts, "school3@mail.ru; 123");
    }

    #[test]
    fn errors_name_the_row() {
        let e = read_schools_text("Наименование;Район\nСОШ № 1;А\n;Б\n").unwrap_err();
        assert_eq!(e, SchoolsCsvError::NoName { row: 3 });
        assert_eq!(e.to_string(), "Строка 3: не указано наименование школы.");
        let english = I18n::new(crate::i18n::Language::English);
        assert_eq!(e.message(&english), "Row 3: the school's name is missing.");
        let e = read_schools_text("Наименование\nСОШ № 1\nсош № 1\n").unwrap_err();
        assert!(
            matches!(
                e,
                SchoolsCsvError::Duplicate {
                    row: 3,
                    first: 2,
                    ..
                }
            ),
            "{e}"
        );
        assert_eq!(
            read_schools_text("Район;Директор\nА;Б\n").unwrap_err(),
            SchoolsCsvError::NoNameColumn
        );
        assert_eq!(
            read_schools(b"\xcf\xf0\xe8").unwrap_err(),
            SchoolsCsvError::NotUtf8
        );
        assert_eq!(read_schools_text("").unwrap_err(), SchoolsCsvError::Empty);
        assert_eq!(
            read_schools_text("Наименование\n").unwrap_err(),
            SchoolsCsvError::NoRows
        );
        let t = read_schools_text("Наименование;Категория\nСОШ;отличная\n").unwrap();
        assert_eq!(
            t.warnings,
            vec!["Строка 2: неизвестная категория «отличная» пропущена.".to_owned()]
        );
    }
}
