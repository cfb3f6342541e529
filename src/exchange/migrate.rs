//! Reading files of older format versions: each step turns the JSON of version `n` into that of `n + 1`
//! before it is read as the current [`ExchangeFile`](super::ExchangeFile).
//!
//! Version 1 is the first released version, so [`STEPS`] is empty; the hook is in place (and tested with
//! a synthetic step) so that version 2 only has to append a step here. Version 0 was never written.

use serde_json::Value;

/// A step: the JSON of version `n` to the JSON of version `n + 1`.
pub type Step = fn(&mut Value);

/// `STEPS[i]` upgrades version `i + 1` to `i + 2`.
pub const STEPS: &[Step] = &[];

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

/// Upgrades a file of an older version to the current one (nothing to do while [`STEPS`] is empty).
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
        let mut v = serde_json::json!({"version": 1});
        upgrade(&mut v, 1);
        assert_eq!(v, serde_json::json!({"version": 1}));
    }
}
