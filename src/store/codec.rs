//! How model values are written to and read from columns.

use chrono::NaiveDate;

use rusqlite::{Statement, params};

use super::{Result, StoreError};
use crate::model::{Category, Id, Progress, Timestamp, time_text};

pub(crate) fn id(text: &str) -> Result<Id> {
    Id::parse_str(text).map_err(|_| StoreError::Corrupt(format!("неверный идентификатор «{text}»")))
}

pub(crate) fn opt_id(text: Option<String>) -> Result<Option<Id>> {
    text.filter(|t| !t.is_empty()).map(|t| id(&t)).transpose()
}

pub(crate) fn date(text: &str) -> Result<NaiveDate> {
    time_text::parse_iso_date(text)
        .map(Ok)
        .unwrap_or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .map_err(|_| StoreError::Corrupt(format!("неверная дата «{text}»")))
}

pub(crate) fn opt_date(text: Option<String>) -> Result<Option<NaiveDate>> {
    text.filter(|t| !t.is_empty()).map(|t| date(&t)).transpose()
}

/// A progress record's school as its column holds it: the id, or '' for the office's own progress.
pub(crate) fn school_text(school: Option<Id>) -> String {
    school.map(|s| s.to_string()).unwrap_or_default()
}

/// Runs `stmt`, a statement that writes one progress record binding its columns in table order as ?1…?9
/// (measure_id, school_id, due, status, done_on, evidence, comment, updated_at, by), for `p`. The ids are
/// written without allocating: an import writes hundreds of thousands of records.
pub(crate) fn execute_progress(stmt: &mut Statement<'_>, p: &Progress) -> rusqlite::Result<usize> {
    let mut measure = Id::encode_buffer();
    let mut school = Id::encode_buffer();
    let school_text = match p.school_id {
        Some(s) => &*s.hyphenated().encode_lower(&mut school),
        None => "",
    };
    stmt.execute(params![
        &*p.measure_id.hyphenated().encode_lower(&mut measure),
        school_text,
        opt_date_text(p.due),
        p.status.as_str(),
        p.done_on.map(date_text),
        p.evidence,
        p.comment,
        timestamp_text(&p.updated_at),
        p.by,
    ])
}

/// An optional date as its column holds it ('' for none).
pub(crate) fn opt_date_text(d: Option<NaiveDate>) -> String {
    d.map(date_text).unwrap_or_default()
}

pub(crate) fn date_text(d: NaiveDate) -> String {
    time_text::iso_date(d)
}

/// Due dates as one column: ISO dates joined by ';'.
pub(crate) fn dates_text(dates: &[NaiveDate]) -> String {
    let mut out = String::with_capacity(dates.len() * 11);
    for (i, d) in dates.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(&date_text(*d));
    }
    out
}

pub(crate) fn dates(text: &str) -> Result<Vec<NaiveDate>> {
    text.split(';')
        .filter(|t| !t.is_empty())
        .map(date)
        .collect()
}

/// Timestamps as RFC 3339 UTC with milliseconds: fixed width, so text order is time order.
pub(crate) fn timestamp_text(t: &Timestamp) -> String {
    time_text::utc_millis(t)
}

pub(crate) fn timestamp(text: &str) -> Result<Timestamp> {
    time_text::parse_utc_millis(text)
        .map(Ok)
        .unwrap_or_else(|| {
            chrono::DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&chrono::Utc))
        })
        .map_err(|_| StoreError::Corrupt(format!("неверное время «{text}»")))
}

pub(crate) fn categories_text(categories: &[Category]) -> String {
    categories
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

pub(crate) fn categories(text: &str) -> Vec<Category> {
    text.split(',').filter_map(Category::parse).collect()
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("model values always serialize")
}

pub(crate) fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(e.to_string()))
}
