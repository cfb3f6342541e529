//! A school's side of the loop, for the window tests that need school reports: a database of its own with
//! the district's plan file imported, its school plan built and one measure marked done.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use roadmap_planner::example::EXAMPLE_PLAN_ID;
use roadmap_planner::exchange;
use roadmap_planner::model::{Change, Id, Progress, Status};
use roadmap_planner::store::Store;

/// The school `school` marks `number` done on `done_on` with an order as evidence; returns its report file
/// written at `out`.
pub fn school_report(
    plan_file: &Path,
    school: Id,
    number: &str,
    done_on: NaiveDate,
    out: PathBuf,
) -> PathBuf {
    let mut store = Store::open_in_memory().unwrap();
    let file = exchange::read_file(plan_file).unwrap();
    exchange::import(&mut store, &file).unwrap();
    let district = store.load_plan(EXAMPLE_PLAN_ID).unwrap();
    let me = store
        .schools()
        .unwrap()
        .into_iter()
        .find(|s| s.id == school)
        .unwrap();
    let picked = roadmap_planner::stats::measures_for_school(&district, &me);
    let plan = roadmap_planner::stats::school_plan(&district, &me, "План".into(), &picked, &[], "");
    store.write(|w| w.put_plan(&plan)).unwrap();
    let measure = plan.measures().find(|m| m.number == number).unwrap();
    let (measure_id, school_id) =
        roadmap_planner::stats::progress_target(&plan, measure, Some(school));
    let record = Progress {
        measure_id,
        school_id,
        due: measure.due.first().copied(),
        status: Status::Done,
        done_on: Some(done_on),
        evidence: format!("Приказ школы № {number}"),
        comment: String::new(),
        updated_at: roadmap_planner::model::now(),
        by: "Заместитель директора".into(),
    };
    store
        .apply(
            plan.id,
            &Change::Progress {
                before: None,
                after: Some(Box::new(record)),
            },
        )
        .unwrap();
    let origin = exchange::office_origin(&mut store).unwrap();
    let report = exchange::export_school(&store, school, origin).unwrap();
    std::fs::write(&out, exchange::to_json(&report)).unwrap();
    out
}
