//! `docs/exchange-format.schema.json` against real files: the bundled example and an export holding
//! progress, tombstones and `seen` must conform; a file missing a required field, or with a wrong type, enum
//! value or date, must not.
//!
//! No JSON Schema crate is available offline, so [`Checker`] implements the subset of draft 2020-12 the
//! schema uses — `type`, `required`, `properties`, `additionalProperties`, `items`, `enum`, `const`,
//! `oneOf`, `$ref` (local), `minimum`, `maximum`, `minLength`, `format` (`uuid`, `date`, `date-time`) —
//! and refuses any other keyword, so the schema cannot silently use one it does not check.

use chrono::NaiveDate;
use roadmap_planner::exchange;
use roadmap_planner::model::{self, Progress, Status};
use roadmap_planner::store::{RecordKind, Store, progress_key};
use serde_json::Value;

/// Keywords that only describe (ignored by validation).
const ANNOTATIONS: [&str; 4] = ["$schema", "$id", "title", "description"];

struct Checker {
    root: Value,
}

impl Checker {
    fn load() -> Checker {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/docs/exchange-format.schema.json"
        );
        let text = std::fs::read_to_string(path).expect("the schema file");
        Checker {
            root: serde_json::from_str(&text).expect("the schema is JSON"),
        }
    }

    /// Every violation of the schema in `value`, as "path: problem".
    fn errors(&self, value: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.check(&self.root, value, "$", &mut out);
        out
    }

    fn check(&self, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
        let schema = schema.as_object().expect("a schema is an object");
        for (key, rule) in schema {
            match key.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "$defs" | "properties" | "additionalProperties" => {}
                "$ref" => {
                    let target = self.resolve(rule.as_str().expect("$ref is a string"));
                    self.check(target, value, at, out);
                }
                "type" => {
                    let types: Vec<&str> = match rule {
                        Value::String(t) => vec![t.as_str()],
                        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                        _ => panic!("bad type rule at {at}"),
                    };
                    if !types.iter().any(|t| has_type(value, t)) {
                        out.push(format!("{at}: expected {types:?}, found {value}"));
                    }
                }
                "required" => {
                    if let Some(obj) = value.as_object() {
                        for name in rule.as_array().expect("required is an array") {
                            let name = name.as_str().expect("a required name");
                            if !obj.contains_key(name) {
                                out.push(format!("{at}: missing required field `{name}`"));
                            }
                        }
                    }
                }
                "enum" => {
                    if !rule.as_array().expect("enum").contains(value) {
                        out.push(format!("{at}: {value} is not one of {rule}"));
                    }
                }
                "const" => {
                    if value != rule {
                        out.push(format!("{at}: {value} is not {rule}"));
                    }
                }
                "minimum" | "maximum" => {
                    if let (Some(v), Some(limit)) = (value.as_f64(), rule.as_f64()) {
                        let bad = if key == "minimum" {
                            v < limit
                        } else {
                            v > limit
                        };
                        if bad {
                            out.push(format!("{at}: {v} is out of range ({key} {limit})"));
                        }
                    }
                }
                "minLength" => {
                    if let (Some(s), Some(min)) = (value.as_str(), rule.as_u64())
                        && (s.chars().count() as u64) < min
                    {
                        out.push(format!("{at}: shorter than {min}"));
                    }
                }
                "format" => {
                    if let Some(s) = value.as_str()
                        && !has_format(s, rule.as_str().expect("format"))
                    {
                        out.push(format!("{at}: «{s}» is not a {rule}"));
                    }
                }
                "items" => {
                    if let Some(items) = value.as_array() {
                        for (i, item) in items.iter().enumerate() {
                            self.check(rule, item, &format!("{at}[{i}]"), out);
                        }
                    }
                }
                "oneOf" => {
                    let results: Vec<Vec<String>> = rule
                        .as_array()
                        .expect("oneOf")
                        .iter()
                        .map(|s| {
                            let mut errs = Vec::new();
                            self.check(s, value, at, &mut errs);
                            errs
                        })
                        .collect();
                    let passing = results.iter().filter(|e| e.is_empty()).count();
                    if passing != 1 {
                        out.push(format!("{at}: matches {passing} of oneOf, not exactly 1"));
                    }
                    if passing == 0 {
                        // What the nearest alternative lacks.
                        let nearest = results.into_iter().min_by_key(Vec::len).unwrap_or_default();
                        out.extend(nearest);
                    }
                }
                other => panic!("the schema uses `{other}`, which this checker does not check"),
            }
        }
        if let Some(obj) = value.as_object() {
            let props = schema.get("properties").and_then(Value::as_object);
            for (name, v) in obj {
                let path = format!("{at}.{name}");
                match props.and_then(|p| p.get(name)) {
                    Some(s) => self.check(s, v, &path, out),
                    None => match schema.get("additionalProperties") {
                        Some(Value::Bool(false)) if props.is_some() => {
                            out.push(format!("{at}: unexpected field `{name}`"));
                        }
                        Some(s @ Value::Object(_)) => self.check(s, v, &path, out),
                        _ => {}
                    },
                }
            }
        }
    }

    fn resolve(&self, reference: &str) -> &Value {
        let path = reference.strip_prefix("#/").expect("a local $ref");
        let target = path.split('/').fold(&self.root, |v, part| &v[part]);
        assert!(target.is_object(), "unresolved $ref {reference}");
        target
    }
}

fn has_type(value: &Value, t: &str) -> bool {
    match t {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        other => panic!("unknown type {other}"),
    }
}

fn has_format(s: &str, format: &str) -> bool {
    match format {
        "uuid" => uuid::Uuid::parse_str(s).is_ok() && s.len() == 36 && s == s.to_lowercase(),
        "date" => s.len() == 10 && NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok(),
        "date-time" => chrono::DateTime::parse_from_rfc3339(s).is_ok(),
        other => panic!("unknown format {other}"),
    }
}

fn example() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/example/ivanteevka-2021-22.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// An export of the example with progress (a date and an unscheduled one), deletions of a measure and of a
/// progress record, and what was seen of another office.
fn rich_export() -> Value {
    let mut store = Store::open_in_memory().unwrap();
    let plan_id = roadmap_planner::example::load_example(&mut store).unwrap();
    // Another office's file, so this database has seen one.
    let mut other = Store::open_in_memory().unwrap();
    roadmap_planner::example::load_example(&mut other).unwrap();
    let origin = exchange::office_origin(&mut other).unwrap();
    let file = exchange::export(&other, None, origin).unwrap();
    exchange::import(&mut store, &file).unwrap();

    let plan = store.load_plan(plan_id).unwrap();
    let school = store.schools().unwrap()[0].id;
    let mut measures = plan.measures();
    let kept = measures.next().unwrap().id;
    let gone = measures.next().unwrap().id;
    let due = NaiveDate::from_ymd_opt(2021, 12, 1);
    let now = model::now();
    store
        .write(|w| {
            for (due, status) in [(due, Status::Done), (None, Status::InProgress)] {
                w.put_progress(&Progress {
                    measure_id: kept,
                    school_id: Some(school),
                    due,
                    status,
                    done_on: due,
                    evidence: "Приказ № 1".into(),
                    comment: "строка\nвторая".into(),
                    updated_at: now,
                    by: "Иванова".into(),
                })?;
            }
            // The office's own mark, a criteria set in force, a school's criterion value and indicator value.
            w.put_progress(&Progress {
                measure_id: kept,
                school_id: None,
                due,
                status: Status::Done,
                done_on: due,
                evidence: "Приказ УО № 2".into(),
                comment: String::new(),
                updated_at: now,
                by: "Методист".into(),
            })?;
            let set = model::CriteriaSet::builtin();
            let criterion = set.criteria[0].id.clone();
            w.put_criteria_set(&set)?;
            w.put_criterion_value(&model::CriterionValue {
                school_id: school,
                criterion,
                value: 55.0,
                updated_at: now,
            })?;
            w.put_indicator_value(&model::IndicatorValue {
                indicator_id: plan.indicators[0].id,
                school_id: Some(school),
                year: 2022,
                value: 80.0,
                updated_at: now,
            })?;
            w.delete_for_import(RecordKind::Measure, &gone.to_string())?;
            w.put_tombstone(RecordKind::Measure, &gone.to_string(), &now)?;
            let key = progress_key(gone, Some(school), due);
            w.put_tombstone(RecordKind::Progress, &key, &now)
        })
        .unwrap();
    let origin = exchange::office_origin(&mut store).unwrap();
    let file = exchange::export(&store, Some(plan_id), origin).unwrap();
    assert!(!file.deleted.is_empty() && !file.seen.is_empty() && file.progress.len() >= 3);
    assert!(file.progress.iter().any(|p| p.school_id.is_none()));
    assert!(file.criteria.is_some() && file.criterion_values.len() == 1);
    assert_eq!(file.indicator_values.len(), 1);
    serde_json::from_str(&exchange::to_json(&file)).unwrap()
}

#[test]
fn the_bundled_example_conforms() {
    let errors = Checker::load().errors(&example());
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn an_export_with_progress_and_tombstones_conforms() {
    let value = rich_export();
    assert!(value["deleted"].as_array().is_some_and(|d| d.len() >= 2));
    let errors = Checker::load().errors(&value);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn a_file_missing_a_required_field_is_refused() {
    let checker = Checker::load();
    let base = rich_export();
    let mut cases: Vec<(&str, Value)> = Vec::new();
    let mut v = base.clone();
    v.as_object_mut().unwrap().remove("exported_at");
    cases.push(("exported_at", v));
    let mut v = base.clone();
    v["plans"][0]["sections"][0]["measures"][0]
        .as_object_mut()
        .unwrap()
        .remove("title");
    cases.push(("title", v));
    let mut v = base.clone();
    v["progress"][0]
        .as_object_mut()
        .unwrap()
        .remove("school_id");
    cases.push(("school_id", v));
    let mut v = base.clone();
    v["deleted"][0]
        .as_object_mut()
        .unwrap()
        .remove("deleted_at");
    cases.push(("deleted_at", v));
    for (field, value) in cases {
        let errors = checker.errors(&value);
        assert!(
            errors.iter().any(|e| e.contains(field)),
            "removing `{field}` must be an error: {errors:#?}"
        );
    }
}

/// Breaks one value of a file.
type Breaker = fn(&mut Value);

#[test]
fn wrong_types_enum_values_and_dates_are_refused() {
    let checker = Checker::load();
    let base = rich_export();
    let broken: [(&str, Breaker); 7] = [
        ("version", |v| v["version"] = "1".into()),
        ("format", |v| v["format"] = "other".into()),
        ("status", |v| v["progress"][0]["status"] = "overdue".into()),
        ("period", |v| {
            v["plans"][0]["period"]["to"] = "31.08.2022".into()
        }),
        ("due", |v| {
            v["plans"][0]["sections"][0]["measures"][0]["due"] = 5.into()
        }),
        ("level", |v| v["plans"][0]["level"] = "federal".into()),
        ("unexpected", |v| v["plans"][0]["colour"] = "red".into()),
    ];
    for (what, breaking) in broken {
        let mut value = base.clone();
        breaking(&mut value);
        assert!(
            !checker.errors(&value).is_empty(),
            "a broken {what} must be an error"
        );
    }
}
