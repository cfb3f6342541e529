//! What a received exchange file must not be trusted with, checked before its preview (and so before
//! anything is written): conflict detection rests on its time stamps and on who wrote it, so a file that
//! lies about either could overwrite local edits without a conflict.
//!
//! - A file written by this very database (its `origin.id` is ours) is refused: importing it back would
//!   judge our own records against themselves.
//! - A time stamp later than now plus a day — `exported_at`, a `seen` watermark, any record's
//!   `updated_at` or a deletion's `deleted_at` — is refused: a year-9999 watermark would turn conflict
//!   detection off for good. (A day allows for time zones and a slightly fast clock.)
//! - Every school a plan belongs to (`owner_school`) must be in the file or the database, and every measure
//!   a school plan's measure was taken from (`source_measure`) too; progress already names known measures
//!   and schools (checked by the preview).

use std::collections::HashSet;

use chrono::Duration;

use crate::i18n::{Arg, I18n, Localize};
use crate::model::{Id, Timestamp};
use crate::store::Store;

use super::{ExchangeError, ExchangeFile, META_OFFICE_ID};

pub use crate::store::CLOCK_TOLERANCE_HOURS;

/// Why a file is not trusted. The text is in `assets/i18n/*.ftl` (keys `trust-error-*`), given by
/// [`Localize`]; `Display` is the Russian one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrustError {
    OwnFile,
    /// A time stamp later than now: what carries it and when (`DD.MM.YYYY HH:MM`).
    Future {
        what: Stamped,
        at: String,
    },
    UnknownOwnerSchool {
        plan: String,
        school: Id,
    },
    UnknownSourceMeasure {
        measure: String,
        source_measure: Id,
    },
}

/// What in a file carries a time stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stamped {
    Export,
    /// The watermark of an exchange with the office of this id.
    Seen(String),
    Plan(String),
    Section(String),
    Measure(String),
    School(String),
    /// A progress record of the measure of this id.
    Progress(Id),
    Deletion,
}

crate::i18n::display_in_russian!(TrustError);

impl Localize for TrustError {
    fn message(&self, i18n: &I18n) -> String {
        match self {
            TrustError::OwnFile => i18n.tr("trust-error-own-file"),
            TrustError::Future { what, at } => i18n.tr_args(
                "trust-error-future",
                &[
                    ("what", Arg::Str(&what.message(i18n))),
                    ("at", Arg::Str(at)),
                ],
            ),
            TrustError::UnknownOwnerSchool { plan, school } => i18n.tr_args(
                "trust-error-unknown-owner-school",
                &[
                    ("plan", Arg::Str(plan)),
                    ("school", Arg::Str(&school.to_string())),
                ],
            ),
            TrustError::UnknownSourceMeasure {
                measure,
                source_measure,
            } => i18n.tr_args(
                "trust-error-unknown-source-measure",
                &[
                    ("measure", Arg::Str(measure)),
                    ("source", Arg::Str(&source_measure.to_string())),
                ],
            ),
        }
    }
}

impl Stamped {
    fn message(&self, i18n: &I18n) -> String {
        let named = |key: &str, name: &str| i18n.tr_args(key, &[("name", Arg::Str(name))]);
        match self {
            Stamped::Export => i18n.tr("trust-stamped-export"),
            Stamped::Seen(office) => named("trust-stamped-seen", office),
            Stamped::Plan(title) => named("trust-stamped-plan", title),
            Stamped::Section(title) => named("trust-stamped-section", title),
            Stamped::Measure(title) => named("trust-stamped-measure", title),
            Stamped::School(name) => named("trust-stamped-school", name),
            Stamped::Progress(measure) => named("trust-stamped-progress", &measure.to_string()),
            Stamped::Deletion => i18n.tr("trust-stamped-deletion"),
        }
    }
}

/// Checks `file` against `store` at the moment `now` (see the module docs).
pub fn check(store: &Store, file: &ExchangeFile, now: Timestamp) -> Result<(), ExchangeError> {
    let own_id = store.meta(META_OFFICE_ID)?.unwrap_or_default();
    if !own_id.trim().is_empty() && file.origin.id.trim() == own_id.trim() {
        return Err(TrustError::OwnFile.into());
    }
    check_times(file, now)?;
    check_references(store, file)
}

/// Refuses the first time stamp later than `now` plus [`CLOCK_TOLERANCE_HOURS`].
pub fn check_times(file: &ExchangeFile, now: Timestamp) -> Result<(), TrustError> {
    let limit = now + Duration::hours(CLOCK_TOLERANCE_HOURS);
    let future = |what: Stamped, at: Timestamp| -> Result<(), TrustError> {
        if at > limit {
            return Err(TrustError::Future {
                what,
                at: format!(
                    "{} {}",
                    at.format(crate::model::DATE_FORMAT),
                    at.format("%H:%M")
                ),
            });
        }
        Ok(())
    };
    future(Stamped::Export, file.exported_at)?;
    for (office, at) in &file.seen {
        future(Stamped::Seen(office.clone()), *at)?;
    }
    for plan in &file.plans {
        future(Stamped::Plan(plan.title.clone()), plan.updated_at)?;
        for section in &plan.sections {
            future(Stamped::Section(section.title.clone()), section.updated_at)?;
            for measure in &section.measures {
                future(Stamped::Measure(measure.title.clone()), measure.updated_at)?;
            }
        }
    }
    for school in &file.schools {
        future(Stamped::School(school.name.clone()), school.updated_at)?;
    }
    for p in &file.progress {
        future(Stamped::Progress(p.measure_id), p.updated_at)?;
    }
    for d in &file.deleted {
        future(Stamped::Deletion, d.deleted_at)?;
    }
    Ok(())
}

/// Refuses an owner school or a source measure that neither the file nor the database holds.
fn check_references(store: &Store, file: &ExchangeFile) -> Result<(), ExchangeError> {
    let schools: HashSet<Id> = file.schools.iter().map(|s| s.id).collect();
    let measures = file.measure_ids();
    for plan in &file.plans {
        if let Some(school) = plan.owner_school
            && !schools.contains(&school)
            && !store.has_school(school)?
        {
            return Err(TrustError::UnknownOwnerSchool {
                plan: plan.title.clone(),
                school,
            }
            .into());
        }
        for measure in plan.measures() {
            if let Some(source) = measure.source_measure
                && !measures.contains(&source)
                && !store.has_measure(source)?
            {
                return Err(TrustError::UnknownSourceMeasure {
                    measure: measure.title.clone(),
                    source_measure: source,
                }
                .into());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, TimeZone};

    use super::*;
    use crate::exchange::{self, Action, office_origin};
    use crate::store::RecordKind;

    /// Two offices that have exchanged the example once (B imported A's file), then both edited the
    /// first measure: the next file from A conflicts with B's edit.
    fn two_offices_with_an_edit_on_both_sides() -> (Store, Store, ExchangeFile) {
        let mut a = Store::open_in_memory().unwrap();
        crate::example::load_example(&mut a).unwrap();
        let mut b = Store::open_in_memory().unwrap();
        office_origin(&mut b).unwrap();
        let origin = office_origin(&mut a).unwrap();
        let first = exchange::export(&a, None, origin).unwrap();
        exchange::import(&mut b, &first).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        for (store, title) in [(&mut a, "Правка управления А"), (&mut b, "Правка школы Б")]
        {
            let id = store.list_plans().unwrap()[0].id;
            let mut plan = store.load_plan(id).unwrap();
            let measure = &mut plan.sections[0].measures[0];
            measure.title = title.into();
            measure.updated_at = crate::model::now();
            store.write(|w| w.put_plan(&plan)).unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        let origin = office_origin(&mut a).unwrap();
        let second = exchange::export(&a, None, origin).unwrap();
        (a, b, second)
    }

    fn content(store: &Store) -> String {
        let mut file = exchange::export(store, None, Origin::default()).unwrap();
        file.exported_at = Default::default();
        exchange::to_json(&file)
    }

    fn conflicts(store: &Store, file: &ExchangeFile) -> usize {
        exchange::preview(store, file)
            .unwrap()
            .items
            .iter()
            .filter(|i| i.kind == RecordKind::Measure && i.action == Action::Conflict)
            .count()
    }

    use super::super::Origin;

    #[test]
    fn watermarks_from_the_future_are_refused_and_conflicts_stay_detected() {
        let (_a, mut b, honest) = two_offices_with_an_edit_on_both_sides();
        let before = content(&b);
        let b_id = b.meta(META_OFFICE_ID).unwrap().unwrap();
        let year_9999 = chrono::Utc.with_ymd_and_hms(9999, 1, 1, 0, 0, 0).unwrap();

        let mut future_export = honest.clone();
        future_export.exported_at = year_9999;
        let mut future_seen = honest.clone();
        future_seen.seen.insert(b_id.clone(), year_9999);
        let mut future_record = honest.clone();
        future_record.plans[0].sections[0].measures[0].updated_at = year_9999;
        for forged in [future_export, future_seen, future_record] {
            let err =
                exchange::import(&mut b, &forged).expect_err("a future time stamp is refused");
            assert!(
                err.to_string().contains("01.01.9999") && err.to_string().contains("позже"),
                "{err}"
            );
            let english = err.message(&I18n::new(crate::i18n::Language::English));
            assert!(
                english.starts_with("File refused: ")
                    && english.contains("01.01.9999 00:00, which is later than today"),
                "{english}"
            );
            assert_eq!(content(&b), before, "a refused file changed the database");
        }
        assert_eq!(conflicts(&b, &honest), 1, "the honest file still conflicts");
    }

    #[test]
    fn a_file_from_this_very_database_is_refused() {
        let (mut a, _b, _) = two_offices_with_an_edit_on_both_sides();
        let origin = office_origin(&mut a).unwrap();
        let own = exchange::export(&a, None, origin).unwrap();
        let before = content(&a);
        let err = exchange::import(&mut a, &own).expect_err("our own file is refused");
        assert!(
            err.to_string()
                .starts_with("Этот файл выгружен из этой же базы"),
            "{err}"
        );
        assert_eq!(content(&a), before);
    }

    #[test]
    fn unknown_owner_schools_and_source_measures_are_refused() {
        let (_a, mut b, honest) = two_offices_with_an_edit_on_both_sides();
        let before = content(&b);
        let mut owned = honest.clone();
        owned.plans[0].owner_school = Some(crate::model::new_id());
        let err = exchange::import(&mut b, &owned).expect_err("unknown owner school");
        assert!(
            err.to_string().contains("нет ни в файле, ни в базе"),
            "{err}"
        );
        let mut sourced = honest.clone();
        sourced.plans[0].sections[0].measures[1].source_measure = Some(crate::model::new_id());
        let err = exchange::import(&mut b, &sourced).expect_err("unknown source measure");
        assert!(err.to_string().contains("взято из мероприятия"), "{err}");
        assert_eq!(content(&b), before);
        // A known school as owner is fine.
        let mut known = honest.clone();
        known.plans[0].owner_school = Some(honest.schools[0].id);
        check(&b, &known, crate::model::now()).unwrap();
    }

    #[test]
    fn a_clock_a_few_hours_fast_is_tolerated() {
        let (_a, b, mut honest) = two_offices_with_an_edit_on_both_sides();
        honest.exported_at = crate::model::now() + Duration::hours(CLOCK_TOLERANCE_HOURS - 1);
        check(&b, &honest, crate::model::now()).unwrap();
    }

    #[test]
    fn a_watermark_from_the_future_kept_earlier_is_ignored_then_repaired() {
        let (mut a, mut b, honest) = two_offices_with_an_edit_on_both_sides();
        let a_id = office_origin(&mut a).unwrap().id;
        let year_9999 = chrono::Utc.with_ymd_and_hms(9999, 1, 1, 0, 0, 0).unwrap();
        // As an earlier build stored it from a forged file.
        b.write(|w| w.set_sync_origin(&a_id, "А", &year_9999))
            .unwrap();
        assert_eq!(b.sync_origin(&a_id).unwrap(), None, "not believed");
        let origin = office_origin(&mut b).unwrap();
        let from_b = exchange::export(&b, None, origin).unwrap();
        assert!(
            from_b.seen.values().all(|t| t.year() < 9999),
            "not passed on"
        );
        exchange::import(&mut b, &honest).unwrap();
        assert_eq!(
            b.sync_origin(&a_id).unwrap().map(|o| o.exported_at),
            Some(honest.exported_at),
            "replaced by the next honest file"
        );
    }
}
