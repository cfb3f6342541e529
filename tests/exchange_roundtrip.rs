//! District → 3 schools → district, with edits on both sides: no update is lost, real conflicts are
//! listed, importing again changes nothing, a stale file changes nothing, a report that lacks a record
//! deletes nothing, and deletions travel as tombstones.

use chrono::{DateTime, NaiveDate, Utc};
use roadmap_planner::exchange::{
    self, Action, ExchangeFile, conflicts::Resolution, conflicts::resolve, office_origin,
};
use roadmap_planner::model::{Id, Progress, Status};
use roadmap_planner::store::{RecordKind, Store};

fn t(day: u32, hour: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2022, 2, day)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
        .and_utc()
}

fn progress(measure: Id, school: Id, status: Status, at: DateTime<Utc>, by: &str) -> Progress {
    Progress {
        measure_id: measure,
        school_id: Some(school),
        due: None,
        status,
        done_on: None,
        evidence: String::new(),
        comment: format!("{by}: {status:?}"),
        updated_at: at,
        by: by.into(),
    }
}

/// Everything a store holds that an import may change.
fn dump(store: &Store) -> String {
    let plans: Vec<_> = store
        .list_plans()
        .unwrap()
        .iter()
        .map(|p| store.load_plan(p.id).unwrap())
        .collect();
    format!(
        "{plans:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        store.schools().unwrap(),
        store.progress(None).unwrap(),
        store.conflicts().unwrap(),
        store.tombstones().unwrap()
    )
}

/// An export stamped at a given time (so the test does not depend on the clock).
fn export_at(store: &mut Store, at: DateTime<Utc>) -> ExchangeFile {
    let origin = office_origin(store).unwrap();
    let mut file = exchange::export(store, None, origin).unwrap();
    file.exported_at = at;
    file
}

fn report_at(store: &mut Store, school: Id, at: DateTime<Utc>) -> ExchangeFile {
    let origin = office_origin(store).unwrap();
    let mut file = exchange::export_school(store, school, origin).unwrap();
    file.exported_at = at;
    // Through the text form, as files travel.
    exchange::parse(exchange::to_json(&file).as_bytes()).unwrap()
}

fn edit_measure(store: &mut Store, id: Id, title: &str, at: DateTime<Utc>) {
    let plan = store
        .load_plan(roadmap_planner::example::EXAMPLE_PLAN_ID)
        .unwrap();
    let mut m = plan.measure(id).unwrap().clone();
    m.title = title.into();
    m.updated_at = at;
    let (si, mi) = plan
        .sections
        .iter()
        .enumerate()
        .find_map(|(si, s)| {
            s.measures
                .iter()
                .position(|x| x.id == id)
                .map(|mi| (si, mi))
        })
        .unwrap();
    let section = plan.sections[si].id;
    store.write(|w| w.put_measure(section, mi, &m)).unwrap();
}

fn title_of(store: &Store, id: Id) -> String {
    store
        .load_plan(roadmap_planner::example::EXAMPLE_PLAN_ID)
        .unwrap()
        .measure(id)
        .unwrap()
        .title
        .clone()
}

#[test]
fn district_to_three_schools_and_back_loses_nothing_and_lists_real_conflicts() {
    let mut district = Store::open_in_memory().unwrap();
    roadmap_planner::example::load_example(&mut district).unwrap();
    let plan = district
        .load_plan(roadmap_planner::example::EXAMPLE_PLAN_ID)
        .unwrap();
    let m: Vec<Id> = plan.measures().map(|m| m.id).collect();
    let schools: Vec<Id> = district.schools().unwrap().iter().map(|s| s.id).collect();
    assert_eq!(schools.len(), 3);

    // The district sends its plan to the three schools.
    let f0 = export_at(&mut district, t(1, 0));
    let mut school_stores: Vec<Store> = (0..3).map(|_| Store::open_in_memory().unwrap()).collect();
    for s in &mut school_stores {
        let summary = exchange::import(s, &f0).unwrap();
        assert_eq!(summary.measures.added, 58);
    }

    // A stale report, made before any school edit.
    let stale = report_at(&mut school_stores[0], schools[0], t(1, 12));

    // Each school marks its own progress; school 1 also marks measure 10, which the district marks too.
    for (i, s) in school_stores.iter_mut().enumerate() {
        let p = progress(m[i], schools[i], Status::Done, t(5, 0), "школа");
        s.write(|w| w.put_progress(&p)).unwrap();
    }
    let px_school = progress(m[10], schools[0], Status::Done, t(5, 0), "школа");
    school_stores[0]
        .write(|w| w.put_progress(&px_school))
        .unwrap();
    // School 3 edits measures 3 and 4 (the district edits 4 as well, and 1 and 2 on its own).
    edit_measure(
        &mut school_stores[2],
        m[3],
        "Мероприятие 3 (правка школы)",
        t(5, 0),
    );
    edit_measure(
        &mut school_stores[2],
        m[4],
        "Мероприятие 4 (правка школы)",
        t(5, 0),
    );
    edit_measure(
        &mut district,
        m[4],
        "Мероприятие 4 (правка района)",
        t(6, 0),
    );
    edit_measure(
        &mut district,
        m[1],
        "Мероприятие 1 (правка района)",
        t(6, 0),
    );
    edit_measure(
        &mut district,
        m[2],
        "Мероприятие 2 (правка района)",
        t(6, 0),
    );
    let px_district = progress(m[10], schools[0], Status::NotDone, t(6, 0), "район");
    district.write(|w| w.put_progress(&px_district)).unwrap();

    // Schools send back: 1 and 2 their reports, 3 everything it has.
    let r1 = report_at(&mut school_stores[0], schools[0], t(10, 0));
    let r2 = report_at(&mut school_stores[1], schools[1], t(10, 0));
    let r3 = export_at(&mut school_stores[2], t(10, 0));

    // The preview says what the import does, before anything is written.
    let before = dump(&district);
    let p1 = exchange::preview(&district, &r1).unwrap();
    assert_eq!(dump(&district), before, "a preview writes nothing");
    assert_eq!(p1.count(RecordKind::Progress).added, 1);
    assert_eq!(p1.count(RecordKind::Progress).conflicts, 1);
    assert!(p1.items.iter().any(|i| i.action == Action::Conflict));

    let s1 = exchange::import(&mut district, &r1).unwrap();
    assert_eq!((s1.progress.added, s1.progress.conflicts), (1, 1));
    let s2 = exchange::import(&mut district, &r2).unwrap();
    assert_eq!(s2.progress.added, 1);
    let s3 = exchange::import(&mut district, &r3).unwrap();
    assert_eq!(
        s3.measures.updated, 1,
        "school 3's edit of measure 3 arrives"
    );
    assert_eq!(
        s3.measures.conflicts, 1,
        "measure 4 was edited on both sides"
    );
    assert_eq!(s3.progress.added, 1);

    // No update lost: every school's progress is here, the district's own edits stay, and both versions
    // of the two records edited on both sides are kept.
    let all = district.progress(None).unwrap();
    for i in 0..3 {
        assert!(
            all.iter()
                .any(|p| p.measure_id == m[i] && p.school_id == Some(schools[i]))
        );
    }
    let px = all
        .iter()
        .find(|p| p.measure_id == m[10] && p.school_id == Some(schools[0]))
        .unwrap();
    assert_eq!(px.status, Status::NotDone, "ours stays applied");
    assert_eq!(title_of(&district, m[3]), "Мероприятие 3 (правка школы)");
    assert_eq!(title_of(&district, m[4]), "Мероприятие 4 (правка района)");
    assert_eq!(title_of(&district, m[1]), "Мероприятие 1 (правка района)");
    assert_eq!(title_of(&district, m[2]), "Мероприятие 2 (правка района)");
    let conflicts = district.conflicts().unwrap();
    assert_eq!(conflicts.len(), 2, "{conflicts:#?}");
    assert!(conflicts.iter().any(
        |c| c.kind == RecordKind::Measure && c.theirs.contains("Мероприятие 4 (правка школы)")
    ));
    assert!(conflicts.iter().any(|c| c.kind == RecordKind::Progress));

    // Importing the same files again changes nothing.
    let settled = dump(&district);
    for f in [&r1, &r2, &r3] {
        let again = exchange::import(&mut district, f).unwrap();
        assert!(!again.changed(), "{again}");
    }
    assert_eq!(dump(&district), settled);

    // A stale file changes nothing; a report lacking records deletes nothing.
    let s = exchange::import(&mut district, &stale).unwrap();
    assert!(!s.changed(), "{s}");
    assert_eq!(dump(&district), settled);

    // The user resolves the conflicts: takes the school's measure, keeps the district's progress mark.
    let measure_conflict = conflicts
        .iter()
        .find(|c| c.kind == RecordKind::Measure)
        .unwrap();
    resolve(&mut district, measure_conflict, Resolution::TakeTheirs).unwrap();
    assert_eq!(title_of(&district, m[4]), "Мероприятие 4 (правка школы)");
    let progress_conflict = conflicts
        .iter()
        .find(|c| c.kind == RecordKind::Progress)
        .unwrap();
    resolve(&mut district, progress_conflict, Resolution::KeepOurs).unwrap();
    assert!(district.conflicts().unwrap().is_empty());

    // The district deletes a measure; the deletion reaches school 1 as a tombstone.
    let removed = plan.measure(m[20]).unwrap().clone();
    let section = plan
        .sections
        .iter()
        .find(|s| s.measures.iter().any(|x| x.id == m[20]))
        .unwrap();
    let index = section.measures.iter().position(|x| x.id == m[20]).unwrap();
    district
        .apply(
            plan.id,
            &roadmap_planner::model::Change::RemoveMeasure {
                section_id: section.id,
                index,
                measure: Box::new(removed),
            },
        )
        .unwrap();
    let origin = office_origin(&mut district).unwrap();
    let f1 = exchange::export(&district, None, origin).unwrap();
    assert!(f1.deleted.iter().any(|d| d.id == Some(m[20])));
    let f1 = exchange::parse(exchange::to_json(&f1).as_bytes()).unwrap();
    let p = exchange::preview(&school_stores[0], &f1).unwrap();
    assert_eq!(p.count(RecordKind::Measure).deleted, 1);
    exchange::import(&mut school_stores[0], &f1).unwrap();
    assert!(!school_stores[0].has_measure(m[20]).unwrap());
    // The school's progress on measure 10 was changed by the district after the school's report: the
    // district's kept version (stamped when resolved) wins at the school.
    let at_school = school_stores[0].progress(None).unwrap();
    let px = at_school
        .iter()
        .find(|p| p.measure_id == m[10] && p.school_id == Some(schools[0]))
        .unwrap();
    assert_eq!(px.status, Status::NotDone);

    // An old file naming the deleted measure does not bring it back.
    let s = exchange::import(&mut school_stores[0], &f0).unwrap();
    assert!(!school_stores[0].has_measure(m[20]).unwrap(), "{s}");
}

#[test]
fn a_tombstone_older_than_our_record_deletes_nothing() {
    let mut a = Store::open_in_memory().unwrap();
    roadmap_planner::example::load_example(&mut a).unwrap();
    let plan = a
        .load_plan(roadmap_planner::example::EXAMPLE_PLAN_ID)
        .unwrap();
    let id = plan.measures().next().unwrap().id;
    let mut file = exchange::export(&a, None, Default::default()).unwrap();
    file.plans.clear();
    file.progress.clear();
    file.deleted.push(exchange::Deletion {
        kind: exchange::DeletedKind::Measure,
        id: Some(id),
        measure_id: None,
        school_id: None,
        due: None,
        deleted_at: t(1, 0) - chrono::Duration::days(30),
    });
    let before = dump(&a);
    let s = exchange::import(&mut a, &file).unwrap();
    assert_eq!(s.measures.deleted, 0);
    assert!(a.has_measure(id).unwrap());
    // Only the tombstone is kept (to pass on); the records are as they were.
    assert_ne!(dump(&a), before);
    file.deleted[0].deleted_at = t(20, 0);
    let s = exchange::import(&mut a, &file).unwrap();
    assert_eq!(s.measures.deleted, 1);
    assert!(!a.has_measure(id).unwrap());
}
