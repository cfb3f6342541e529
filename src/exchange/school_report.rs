//! A school's report (school → district): the school itself, its progress on every plan (on the district
//! measures its plan was taken from, and on its own measures), its own school plans (`owner_school`), its
//! criterion values and its actual indicator values. The district's plans are not included: the district
//! has them, and absence never deletes.

use crate::model::Id;
use crate::store::Store;

use super::{ExchangeError, ExchangeFile, Origin, add_sync_state};

/// Reads one school's report from the store (see the module docs).
pub fn export_school(
    store: &Store,
    school: Id,
    origin: Origin,
) -> Result<ExchangeFile, ExchangeError> {
    let schools: Vec<_> = store
        .schools()?
        .into_iter()
        .filter(|s| s.id == school)
        .collect();
    if schools.is_empty() {
        return Err(ExchangeError::SchoolNotFound(school.to_string()));
    }
    let mut plans = Vec::new();
    for summary in store.list_plans()? {
        let plan = store.load_plan(summary.id)?;
        if plan.owner_school == Some(school) {
            plans.push(plan);
        }
    }
    let progress = store
        .progress(None)?
        .into_iter()
        .filter(|p| p.school_id == Some(school))
        .collect();
    let mut file = ExchangeFile::new(origin, plans, schools, progress);
    file.criterion_values = store
        .criterion_values()?
        .into_iter()
        .filter(|v| v.school_id == school)
        .collect();
    file.indicator_values = store
        .indicator_values()?
        .into_iter()
        .filter(|v| v.school_id == Some(school))
        .collect();
    add_sync_state(store, &mut file)?;
    Ok(file)
}
