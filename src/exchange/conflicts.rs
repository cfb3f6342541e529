//! Resolving a conflict kept by an import: keep our version (it is stamped now, so it wins the next
//! exchange with the other office too) or take theirs (written as a new change, stamped now).

use crate::model::{self, Change, Measure, Plan, Progress, School, Section};
use crate::store::{ConflictRecord, RecordKind, Store};

use super::ExchangeError;

/// What the user chose for a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// «Оставить наше».
    KeepOurs,
    /// «Принять их».
    TakeTheirs,
}

/// Resolves one conflict in one transaction and forgets it.
pub fn resolve(
    store: &mut Store,
    conflict: &ConflictRecord,
    resolution: Resolution,
) -> Result<(), ExchangeError> {
    let bad =
        |e: serde_json::Error| ExchangeError::Table(format!("Повреждённая запись конфликта: {e}"));
    let now = model::now();
    store.write(|w| {
        match resolution {
            Resolution::KeepOurs => w.touch(conflict.kind, &conflict.key)?,
            Resolution::TakeTheirs if conflict.theirs == "null" => {
                w.delete_for_import(conflict.kind, &conflict.key)?;
                w.put_tombstone(conflict.kind, &conflict.key, &now)?;
            }
            Resolution::TakeTheirs => write_theirs(w, conflict, now).map_err(|e| match e {
                Theirs::Json(e) => crate::store::StoreError::Corrupt(bad(e).to_string()),
                Theirs::Store(e) => e,
            })?,
        }
        w.remove_conflict(conflict.kind, &conflict.key)
    })?;
    Ok(())
}

enum Theirs {
    Json(serde_json::Error),
    Store(crate::store::StoreError),
}

impl From<crate::store::StoreError> for Theirs {
    fn from(e: crate::store::StoreError) -> Self {
        Theirs::Store(e)
    }
}

fn write_theirs(
    w: &mut crate::store::Writer<'_>,
    c: &ConflictRecord,
    now: model::Timestamp,
) -> Result<(), Theirs> {
    let json = |text: &str| -> Result<serde_json::Value, Theirs> {
        serde_json::from_str(text).map_err(Theirs::Json)
    };
    let value = json(&c.theirs)?;
    match c.kind {
        RecordKind::Plan => {
            let mut p: Plan = serde_json::from_value(value).map_err(Theirs::Json)?;
            p.updated_at = now;
            w.put_plan_header(&p)?;
        }
        RecordKind::Section => {
            let mut s: Section = serde_json::from_value(value).map_err(Theirs::Json)?;
            s.updated_at = now;
            let id = s.id;
            w.apply(
                id,
                &Change::SectionHeader {
                    before: Box::new(s.clone()),
                    after: Box::new(s),
                },
            )?;
        }
        RecordKind::Measure => {
            let mut m: Measure = serde_json::from_value(value).map_err(Theirs::Json)?;
            m.updated_at = now;
            let id = m.id;
            w.apply(
                id,
                &Change::Measure {
                    before: Box::new(m.clone()),
                    after: Box::new(m),
                },
            )?;
        }
        RecordKind::School => {
            let mut s: School = serde_json::from_value(value).map_err(Theirs::Json)?;
            s.updated_at = now;
            w.put_school(&s)?;
        }
        RecordKind::Progress => {
            let mut p: Progress = serde_json::from_value(value).map_err(Theirs::Json)?;
            p.updated_at = now;
            w.put_progress(&p)?;
        }
    }
    Ok(())
}
