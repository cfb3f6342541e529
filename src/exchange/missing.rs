//! A school's report that names what this database lacks — the school is not in the registry, or the
//! report was made on a district plan the database does not have — is refused with a clear message, never
//! imported in part; on the user's word (`--add-missing`, a button) what is missing is added.

use std::collections::{HashMap, HashSet};

use crate::model::{Id, School};
use crate::store::Store;

use super::{ExchangeError, ExchangeFile};

/// What a school's report needs that the database lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct Missing {
    pub school: School,
    /// The school is not in the registry.
    pub school_unknown: bool,
    /// District measures the report's marks and school plan refer to that the database does not hold.
    pub unknown_measures: usize,
}

impl Missing {
    /// The Russian message for the user.
    pub fn message(&self) -> String {
        let mut text = format!("Отчёт школы «{}»:", self.school.display_name());
        if self.school_unknown {
            text.push_str(" этой школы нет в реестре базы.");
        }
        if self.unknown_measures > 0 {
            text.push_str(&format!(
                " отчёт составлен по плану района, которого нет в базе (мероприятий плана района: {}).",
                self.unknown_measures
            ));
        }
        text
    }
}

/// The school whose report `file` is: one school, and every plan of the file is its school plan.
pub fn report_school(file: &ExchangeFile) -> Option<&School> {
    match file.schools.as_slice() {
        [school] if file.plans.iter().all(|p| p.owner_school == Some(school.id)) => Some(school),
        _ => None,
    }
}

/// What a school's report lacks here (`None` for any other file, or when nothing is missing).
pub fn check_report(store: &Store, file: &ExchangeFile) -> Result<Option<Missing>, ExchangeError> {
    let Some(school) = report_school(file) else {
        return Ok(None);
    };
    let school_unknown = !store.has_school(school.id)?;
    let unknown = unknown_measures(store, file)?;
    if !school_unknown && unknown.is_empty() {
        return Ok(None);
    }
    Ok(Some(Missing {
        school: school.clone(),
        school_unknown,
        unknown_measures: unknown.len(),
    }))
}

/// District measures the report refers to (by its marks or its school plan's links) that neither the file
/// nor the store holds.
fn unknown_measures(store: &Store, file: &ExchangeFile) -> Result<HashSet<Id>, ExchangeError> {
    let declared = file.measure_ids();
    let wanted: HashSet<Id> = file
        .progress
        .iter()
        .map(|p| p.measure_id)
        .chain(
            file.plans
                .iter()
                .flat_map(|p| p.measures())
                .filter_map(|m| m.source_measure),
        )
        .filter(|id| !declared.contains(id))
        .collect();
    let mut unknown = HashSet::new();
    for id in wanted {
        if !store.has_measure(id)? {
            unknown.insert(id);
        }
    }
    Ok(unknown)
}

/// Makes a school's report importable here: the school comes with the file (the import adds it); marks on
/// district measures this database lacks move onto the school plan's measures taken from them, which keep
/// them as their own (their link is dropped). A mark with no such measure is refused.
pub fn add_missing(store: &Store, file: &mut ExchangeFile) -> Result<(), ExchangeError> {
    let unknown = unknown_measures(store, file)?;
    if unknown.is_empty() {
        return Ok(());
    }
    let mut copies: HashMap<Id, Id> = HashMap::new();
    for plan in &mut file.plans {
        for m in plan.sections.iter_mut().flat_map(|s| &mut s.measures) {
            if let Some(source) = m.source_measure.filter(|s| unknown.contains(s)) {
                copies.insert(source, m.id);
                m.source_measure = None;
            }
        }
    }
    for p in &mut file.progress {
        if unknown.contains(&p.measure_id) {
            p.measure_id = *copies
                .get(&p.measure_id)
                .ok_or(ExchangeError::UnknownMeasure(p.measure_id))?;
        }
    }
    Ok(())
}
