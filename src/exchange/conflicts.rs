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
    let now = model::now();
    store.write(|w| {
        match resolution {
            Resolution::KeepOurs => w.touch(conflict.kind, &conflict.key)?,
            Resolution::TakeTheirs if conflict.theirs == "null" => {
                w.delete_for_import(conflict.kind, &conflict.key)?;
                w.put_tombstone(conflict.kind, &conflict.key, &now)?;
            }
            Resolution::TakeTheirs => write_theirs(w, conflict, now).map_err(|e| match e {
                // The parser's own text is the detail of «the data are damaged».
                Theirs::Json(e) => crate::store::StoreError::Corrupt(e.to_string()),
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

/// Their version of a record, stamped `now` (so that it also wins the next exchange with their office).
fn stamped<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    now: model::Timestamp,
    updated_at: impl FnOnce(&mut T) -> &mut model::Timestamp,
) -> Result<T, Theirs> {
    let mut record: T = serde_json::from_value(value).map_err(Theirs::Json)?;
    *updated_at(&mut record) = now;
    Ok(record)
}

fn write_theirs(
    w: &mut crate::store::Writer<'_>,
    c: &ConflictRecord,
    now: model::Timestamp,
) -> Result<(), Theirs> {
    let value: serde_json::Value = serde_json::from_str(&c.theirs).map_err(Theirs::Json)?;
    match c.kind {
        RecordKind::Plan => {
            let plan: Plan = stamped(value, now, |p: &mut Plan| &mut p.updated_at)?;
            w.put_plan_header(&plan)?;
        }
        RecordKind::Section => {
            let s: Section = stamped(value, now, |s: &mut Section| &mut s.updated_at)?;
            let (before, after) = (Box::new(s.clone()), Box::new(s));
            w.apply(after.id, &Change::SectionHeader { before, after })?;
        }
        RecordKind::Measure => {
            let m: Measure = stamped(value, now, |m: &mut Measure| &mut m.updated_at)?;
            let (before, after) = (Box::new(m.clone()), Box::new(m));
            w.apply(after.id, &Change::Measure { before, after })?;
        }
        RecordKind::School => {
            let school: School = stamped(value, now, |s: &mut School| &mut s.updated_at)?;
            w.put_school(&school)?;
        }
        RecordKind::Progress => {
            let p: Progress = stamped(value, now, |p: &mut Progress| &mut p.updated_at)?;
            w.put_progress(&p)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;
    use crate::model::fixtures::{date, plan_of};

    fn conflict(kind: RecordKind, key: String, theirs: &impl serde::Serialize) -> ConflictRecord {
        ConflictRecord {
            kind,
            key,
            title: String::new(),
            origin_id: "их-управление".into(),
            office: "Их управление".into(),
            theirs: serde_json::to_string(theirs).unwrap(),
            theirs_at: model::now(),
            detected_at: model::now(),
        }
    }

    #[test]
    fn taking_theirs_writes_their_record_of_each_kind_stamped_now() {
        let mut store = Store::open_in_memory().unwrap();
        let plan = plan_of("Наш план", &[("1", "Наше направление", &[("1.1", "А")])]);
        let school = School::new("Наша школа");
        let ours = Progress::new(
            plan.sections[0].measures[0].id,
            Some(school.id),
            Some(date(2021, 10, 1)),
            Status::Planned,
        );
        store
            .write(|w| {
                w.put_plan(&plan)?;
                w.put_school(&school)?;
                w.put_progress(&ours)
            })
            .unwrap();
        let before = model::now();

        let mut their_plan = plan.header();
        their_plan.title = "Их план".into();
        let mut their_section = plan.sections[0].header();
        their_section.title = "Их направление".into();
        let mut their_school = school.clone();
        their_school.name = "Их школа".into();
        let mut their_progress = ours.clone();
        their_progress.status = Status::Done;
        let key = crate::store::progress_key(ours.measure_id, ours.school_id, ours.due);
        for c in [
            conflict(RecordKind::Plan, plan.id.to_string(), &their_plan),
            conflict(
                RecordKind::Section,
                their_section.id.to_string(),
                &their_section,
            ),
            conflict(RecordKind::School, school.id.to_string(), &their_school),
            conflict(RecordKind::Progress, key, &their_progress),
        ] {
            resolve(&mut store, &c, Resolution::TakeTheirs).unwrap();
        }

        let stored = store.load_plan(plan.id).unwrap();
        assert_eq!(stored.title, "Их план");
        assert!(stored.updated_at >= before);
        assert_eq!(stored.sections[0].title, "Их направление");
        assert!(stored.sections[0].updated_at >= before);
        assert_eq!(
            stored.sections[0].measures.len(),
            1,
            "the section keeps its measures"
        );
        let schools = store.schools().unwrap();
        assert_eq!(schools[0].name, "Их школа");
        assert!(schools[0].updated_at >= before);
        let progress = store.progress(Some(plan.id)).unwrap();
        assert_eq!(progress[0].status, Status::Done);
        assert!(progress[0].updated_at >= before);
    }
}
