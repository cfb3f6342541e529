//! Reading files of older format versions: each step turns the JSON of version `n` into that of `n + 1`
//! before it is read as the current [`ExchangeFile`](super::ExchangeFile).
//!
//! Version 1 is the first released version; version 2 added who executes a measure (`executor`), the
//! office's own progress (`school_id` null), the criteria set, criterion values and actual indicator
//! values. Version 0 was never written.

use serde_json::Value;

/// A step: the JSON of version `n` to the JSON of version `n + 1`.
pub type Step = fn(&mut Value);

/// `STEPS[i]` upgrades version `i + 1` to `i + 2`.
pub const STEPS: &[Step] = &[one_to_two];

/// Version 1 → 2: every measure of a version-1 file was carried out by schools (the office could not
/// mark its own), so it gets `"executor": "schools"`; marks kept on a school plan's copies of district
/// measures become the owner school's marks on the district measures (one record per district measure,
/// school and occurrence — of two for one occurrence the newer stays). Everything else of version 2 is new
/// and optional.
fn one_to_two(value: &mut Value) {
    move_copy_marks(value);
    let Some(plans) = value.get_mut("plans").and_then(Value::as_array_mut) else {
        return;
    };
    let measures = plans
        .iter_mut()
        .filter_map(|p| p.get_mut("sections").and_then(Value::as_array_mut))
        .flatten()
        .filter_map(|s| s.get_mut("measures").and_then(Value::as_array_mut))
        .flatten();
    for measure in measures {
        if let Some(m) = measure.as_object_mut() {
            m.entry("executor")
                .or_insert_with(|| Value::from("schools"));
        }
    }
}

/// The oldest version this build reads.
pub const OLDEST: u64 = 1;

/// Upgrades the JSON of a file of version `from` (≥ `oldest`) to the newest of `steps`, where `steps[i]`
/// upgrades version `oldest + i`. Sets `"version"` as it goes.
pub fn upgrade_with(value: &mut Value, from: u64, oldest: u64, steps: &[Step]) {
    let mut version = from;
    while version >= oldest && ((version - oldest) as usize) < steps.len() {
        steps[(version - oldest) as usize](value);
        version += 1;
        if let Some(map) = value.as_object_mut() {
            map.insert("version".into(), Value::from(version));
        }
    }
}

/// Moves marks on school-plan copies to their district measures (see [`one_to_two`]).
fn move_copy_marks(value: &mut Value) {
    use std::collections::HashMap;
    // Copy id → (district measure id, owner school id).
    let mut copies: HashMap<String, (Value, Value)> = HashMap::new();
    for plan in value
        .get("plans")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(owner) = plan.get("owner_school").filter(|o| o.is_string()) else {
            continue;
        };
        let measures = plan
            .get("sections")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|s| s.get("measures").and_then(Value::as_array))
            .flatten();
        for m in measures {
            if let (Some(id), Some(source)) = (
                m.get("id").and_then(Value::as_str),
                m.get("source_measure").filter(|s| s.is_string()),
            ) {
                copies.insert(id.to_owned(), (source.clone(), owner.clone()));
            }
        }
    }
    let Some(progress) = value.get_mut("progress").and_then(Value::as_array_mut) else {
        return;
    };
    if copies.is_empty() {
        return;
    }
    for p in progress.iter_mut() {
        let target = p
            .get("measure_id")
            .and_then(Value::as_str)
            .and_then(|id| copies.get(id))
            .filter(|(_, owner)| p.get("school_id") == Some(owner));
        if let Some((source, _)) = target.cloned()
            && let Some(map) = p.as_object_mut()
        {
            map.insert("measure_id".into(), source);
        }
    }
    // Of two marks for one occurrence, the newer stays (timestamps are ISO text: text order is time order).
    let key = |p: &Value| {
        (
            p.get("measure_id").map(Value::to_string),
            p.get("school_id").map(Value::to_string),
            p.get("due").filter(|d| !d.is_null()).map(Value::to_string),
        )
    };
    let mut newest: HashMap<_, usize> = HashMap::new();
    for (i, p) in progress.iter().enumerate() {
        let at = |i: usize| {
            progress[i]
                .get("updated_at")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        newest
            .entry(key(p))
            .and_modify(|j| {
                if at(i) > at(*j) {
                    *j = i;
                }
            })
            .or_insert(i);
    }
    let keep: std::collections::HashSet<usize> = newest.into_values().collect();
    let mut i = 0;
    progress.retain(|_| {
        i += 1;
        keep.contains(&(i - 1))
    });
}

/// Upgrades a file of an older version to the current one.
pub fn upgrade(value: &mut Value, from: u64) {
    upgrade_with(value, from, OLDEST, STEPS);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up "version 0" that held a single plan under `plan` and called progress `marks`.
    fn zero_to_one(v: &mut Value) {
        let map = v.as_object_mut().unwrap();
        if let Some(plan) = map.remove("plan") {
            map.insert("plans".into(), Value::Array(vec![plan]));
        }
        if let Some(marks) = map.remove("marks") {
            map.insert("progress".into(), marks);
        }
    }

    #[test]
    fn an_older_shape_is_upgraded_step_by_step_and_reads_as_the_current_file() {
        let mut v = serde_json::json!({
            "format": "roadmap-planner", "version": 0, "exported_at": "2022-01-24T00:00:00Z",
            "plan": {"id": "f525211c-d178-5088-b0f2-14534449f4b8", "title": "План",
                     "period": {"from": "2021-09-01", "to": "2022-08-31"},
                     "updated_at": "2022-01-24T00:00:00Z"},
            "marks": []
        });
        upgrade_with(&mut v, 0, 0, &[zero_to_one]);
        assert_eq!(v["version"], 1);
        let file: crate::exchange::ExchangeFile = serde_json::from_value(v).unwrap();
        assert_eq!(file.plans.len(), 1);
        assert_eq!(file.plans[0].title, "План");
        crate::exchange::validate(&file).unwrap();
    }

    #[test]
    fn the_current_version_is_left_alone() {
        let mut v = serde_json::json!({"version": crate::exchange::VERSION});
        upgrade(&mut v, crate::exchange::VERSION.into());
        assert_eq!(v, serde_json::json!({"version": crate::exchange::VERSION}));
    }

    #[test]
    fn a_version_one_report_with_marks_on_copies_marks_the_district_measures() {
        let district_measure = "f525211c-d178-5088-b0f2-14534449f4c1";
        let school = "f525211c-d178-5088-b0f2-14534449f4bb";
        let text = format!(
            r#"{{"format": "roadmap-planner", "version": 1, "exported_at": "2022-01-24T00:00:00Z",
            "plans": [{{"id": "f525211c-d178-5088-b0f2-14534449f4b8", "title": "План школы",
                       "owner_school": "{school}", "level": "school",
                       "period": {{"from": "2021-09-01", "to": "2022-08-31"}},
                       "updated_at": "2022-01-24T00:00:00Z",
                       "sections": [{{"id": "f525211c-d178-5088-b0f2-14534449f4b9", "title": "Раздел",
                                     "updated_at": "2022-01-24T00:00:00Z",
                                     "measures": [{{"id": "f525211c-d178-5088-b0f2-14534449f4ba",
                                                   "title": "Копия", "source_measure": "{district_measure}",
                                                   "updated_at": "2022-01-24T00:00:00Z"}}]}}]}}],
            "schools": [{{"id": "{school}", "name": "СОШ", "updated_at": "2022-01-24T00:00:00Z"}}],
            "progress": [{{"measure_id": "f525211c-d178-5088-b0f2-14534449f4ba", "school_id": "{school}",
                          "due": "2022-01-31", "status": "done", "updated_at": "2022-02-01T00:00:00Z"}},
                         {{"measure_id": "{district_measure}", "school_id": "{school}",
                          "due": "2022-01-31", "status": "in_progress", "updated_at": "2022-01-25T00:00:00Z"}}]}}"#
        );
        let file = crate::exchange::parse(text.as_bytes()).unwrap();
        assert_eq!(
            file.progress.len(),
            1,
            "one record per district measure, school and date"
        );
        assert_eq!(file.progress[0].measure_id.to_string(), district_measure);
        assert_eq!(
            file.progress[0].status,
            crate::model::Status::Done,
            "the newer stays"
        );
    }

    #[test]
    fn a_version_one_file_reads_with_schools_as_executors() {
        let text = r#"{"format": "roadmap-planner", "version": 1, "exported_at": "2022-01-24T00:00:00Z",
            "plans": [{"id": "f525211c-d178-5088-b0f2-14534449f4b8", "title": "План",
                       "period": {"from": "2021-09-01", "to": "2022-08-31"},
                       "updated_at": "2022-01-24T00:00:00Z",
                       "sections": [{"id": "f525211c-d178-5088-b0f2-14534449f4b9", "title": "Раздел",
                                     "updated_at": "2022-01-24T00:00:00Z",
                                     "measures": [{"id": "f525211c-d178-5088-b0f2-14534449f4ba",
                                                   "title": "Мероприятие", "responsible": "УО",
                                                   "updated_at": "2022-01-24T00:00:00Z"}]}]}],
            "schools": [{"id": "f525211c-d178-5088-b0f2-14534449f4bb", "name": "СОШ",
                         "updated_at": "2022-01-24T00:00:00Z"}],
            "progress": [{"measure_id": "f525211c-d178-5088-b0f2-14534449f4ba",
                          "school_id": "f525211c-d178-5088-b0f2-14534449f4bb", "status": "done",
                          "updated_at": "2022-01-24T00:00:00Z"}]}"#;
        let file = crate::exchange::parse(text.as_bytes()).unwrap();
        assert_eq!(file.version, crate::exchange::VERSION);
        let measure = &file.plans[0].sections[0].measures[0];
        // Version 1 knew only schools' progress: the office text does not change who executes it.
        assert_eq!(measure.executor, crate::model::Executor::Schools);
        assert!(file.progress[0].school_id.is_some());
    }
}
