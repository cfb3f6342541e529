//! Region-scale benchmark. `cargo run --release --example bench -- --json`
//!
//! Builds 1,000 schools and one plan of 12 sections / 150 measures in a temporary database, with every
//! measure at every school for 2 occurrences (~300,000 progress rows), then times what users wait for.
//! Prints a readable report, and as its last line one JSON object of the keys (later issues add theirs).

use std::time::Instant;

#[path = "bench/calendar.rs"]
mod calendar;
#[path = "bench/grid.rs"]
mod grid;
#[path = "bench/headless.rs"]
mod headless;
#[path = "bench/import_frame.rs"]
mod import_frame;
#[path = "bench/schools.rs"]
mod schools;
#[path = "bench/trust.rs"]
mod trust;

use chrono::NaiveDate;
use roadmap_planner::app::{RoadmapApp, UiState};
use roadmap_planner::exchange::json as exchange;
use roadmap_planner::model::{Measure, Period, Plan, Progress, School, Section, Status};
use roadmap_planner::store::Store;

const SCHOOLS: usize = 1_000;
const SECTIONS: usize = 12;
const MEASURES: usize = 150;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--phase") {
        let phase = args.get(i + 1).map(String::as_str).unwrap_or_default();
        let dir = std::path::PathBuf::from(args.get(i + 2).cloned().unwrap_or_default());
        return run_phase(phase, &dir);
    }
    let json_only = args.iter().any(|a| a == "--json");
    let dir = tempfile::tempdir()?;
    {
        // The data set, written the way an import writes it; dropped before the phases run.
        let (plan, schools, progress) = region_data();
        let mut store = Store::open(&dir.path().join("region.sqlite"))?;
        store.write(|w| {
            for school in &schools {
                w.put_school(school)?;
            }
            w.put_plan(&plan)?;
            for p in &progress {
                w.put_progress(p)?;
            }
            Ok(())
        })?;
    }
    // Each phase runs in its own process, so each peak memory is its own and none inherits another's.
    let mut results = serde_json::Map::new();
    let mut rss_mb: f64 = 0.0;
    for phase in [
        "load",
        "export_json",
        "sqlite_raw_insert",
        "import_json",
        "export_csv",
    ] {
        let output = std::process::Command::new(std::env::current_exe()?)
            .args(["--phase", phase])
            .arg(dir.path())
            .output()?;
        if !output.status.success() {
            anyhow::bail!(
                "phase {phase} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let line = String::from_utf8_lossy(&output.stdout);
        let measured: serde_json::Value = serde_json::from_str(line.trim())?;
        let ms = measured["ms"].as_f64().unwrap_or(f64::NAN);
        let peak = measured["rss_mb"].as_f64().unwrap_or(f64::NAN);
        rss_mb = rss_mb.max(peak);
        if !json_only {
            println!(
                "{:<22}{ms:9.1} ms   пик памяти {peak:6.1} МБ",
                format!("{phase}_ms")
            );
        }
        results.insert(format!("{phase}_ms"), round(ms).into());
    }
    results.insert("rss_mb".into(), round(rss_mb).into());
    // The deadline phases print {"value": …} in their key's unit (µs or ms).
    for (phase, key) in calendar::PHASES
        .into_iter()
        .chain(grid::PHASES)
        .chain(schools::PHASES)
        .chain(trust::PHASES)
        .chain(import_frame::PHASES)
    {
        let output = std::process::Command::new(std::env::current_exe()?)
            .args(["--phase", phase])
            .arg(dir.path())
            .output()?;
        if !output.status.success() {
            anyhow::bail!(
                "phase {phase} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let measured: serde_json::Value =
            serde_json::from_str(String::from_utf8_lossy(&output.stdout).trim())?;
        let value = measured["value"].as_f64().unwrap_or(f64::NAN);
        if !json_only {
            println!("{key:<22}{value:9.1}");
        }
        results.insert(key.into(), round(value).into());
    }
    if !json_only {
        println!(
            "Регион: {SCHOOLS} школ, {SECTIONS} направлений, {MEASURES} мероприятий, {} записей о ходе",
            MEASURES * SCHOOLS * 2
        );
        println!("Цели: load_ms ≤ 300, import_json_ms ≤ 2 × sqlite_raw_insert_ms, rss_mb ≤ 150");
        println!(
            "      calendar_frame_us ≤ 2000 (месяц с ~2000 сроков), schedule_all_ms ≤ 50 (10 000 сроков)"
        );
        println!(
            "      grid_frame_us ≤ 2000, grid_filter_ms ≤ 20 (10 000 мероприятий в 40 направлениях)"
        );
        println!(
            "      dashboard_frame_us ≤ 3000, overview_frame_us ≤ 3000 (1 000 школ), stats_ms ≤ 100"
        );
        println!(
            "      trust_ics_ms ≤ 2000 (400 000 дат), trust_xlsx_merges_ms ≤ 1000 (4 000 объединений), trust_deadline_ms ≤ 1"
        );
        println!(
            "      import_frame_max_ms ≤ 16 (самый долгий кадр окна, пока импорт региона идёт в фоне)"
        );
    }
    println!("{}", serde_json::Value::Object(results));
    Ok(())
}

/// Runs one timed phase on the data set in `dir` and prints {"ms": …, "rss_mb": …}.
fn run_phase(phase: &str, dir: &std::path::Path) -> anyhow::Result<()> {
    if let Some(value) = schools::run_phase(phase, dir)? {
        println!("{}", serde_json::json!({ "value": value }));
        return Ok(());
    }
    if let Some(value) = grid::run_phase(phase)? {
        println!("{}", serde_json::json!({ "value": value }));
        return Ok(());
    }
    if let Some(value) = calendar::run_phase(phase)? {
        println!("{}", serde_json::json!({ "value": value }));
        return Ok(());
    }
    if let Some(value) = trust::run_phase(phase)? {
        println!("{}", serde_json::json!({ "value": value }));
        return Ok(());
    }
    if let Some(value) = import_frame::run_phase(phase, dir)? {
        println!("{}", serde_json::json!({ "value": value }));
        return Ok(());
    }
    let region = dir.join("region.sqlite");
    let exchange_file = dir.join("region.json");
    let today = NaiveDate::from_ymd_opt(2022, 1, 15).unwrap();
    let ms = match phase {
        // Open the database until the model the UI needs is ready (what the window builds at start).
        "load" => {
            let start = Instant::now();
            let app = RoadmapApp::new(Store::open(&region)?, today, UiState::default());
            let ms = ms(start);
            assert_eq!(
                app.data.plan.as_ref().map(|p| p.measure_count()),
                Some(MEASURES)
            );
            assert_eq!(app.data.schools.len(), SCHOOLS);
            ms
        }
        // The whole region as an exchange file on disk.
        "export_json" => {
            let store = Store::open(&region)?;
            let origin = exchange::Origin {
                office: "Бенчмарк".into(),
                id: "bench".into(),
            };
            let start = Instant::now();
            let file = exchange::export(&store, None, origin)?;
            std::fs::write(&exchange_file, exchange::to_json(&file))?;
            ms(start)
        }
        // The floor: plain prepared inserts of the same progress rows into an empty table.
        "sqlite_raw_insert" => {
            let (plan, schools, progress) = {
                let store = Store::open(&region)?;
                let plan_id = store.list_plans()?[0].id;
                (
                    store.load_plan(plan_id)?,
                    store.schools()?,
                    store.progress(None)?,
                )
            };
            let raw_db = dir.join("raw.sqlite");
            Store::open(&raw_db)?.write(|w| {
                for school in &schools {
                    w.put_school(school)?;
                }
                w.put_plan(&plan)
            })?;
            raw_insert(&raw_db, &progress)?
        }
        // Read the exchange file and import it into an empty database.
        "import_json" => {
            let mut target = Store::open(&dir.join("import.sqlite"))?;
            let start = Instant::now();
            let file = exchange::read_file(&exchange_file)?;
            exchange::import(&mut target, &file)?;
            let ms = ms(start);
            drop(file);
            let rows: i64 =
                target
                    .connection()
                    .query_row("SELECT COUNT(*) FROM progress", [], |r| r.get(0))?;
            assert_eq!(rows as usize, MEASURES * SCHOOLS * 2);
            ms
        }
        // The region plan's grid as CSV for Excel on disk (what Обмен → «Таблица мероприятий в CSV» writes).
        "export_csv" => {
            let store = Store::open(&region)?;
            let plan_id = store.list_plans()?[0].id;
            let start = Instant::now();
            let plan = store.load_plan(plan_id)?;
            let bytes = roadmap_planner::exchange::csv_export::grid_csv(&plan, None);
            std::fs::write(dir.join("region.csv"), &bytes)?;
            let ms = ms(start);
            assert!(bytes.len() > MEASURES * 10);
            ms
        }
        other => anyhow::bail!("unknown phase {other}"),
    };
    println!(
        "{}",
        serde_json::json!({ "ms": ms, "rss_mb": peak_rss_mb() })
    );
    Ok(())
}

/// Times a plain prepared-statement insert of the progress rows, in one transaction.
fn raw_insert(path: &std::path::Path, progress: &[Progress]) -> anyhow::Result<f64> {
    let mut conn = rusqlite::Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let start = Instant::now();
    let tx = conn.transaction()?;
    {
        let mut stmt = tx.prepare(
            "INSERT INTO progress (measure_id, school_id, due, status, done_on, evidence, comment,
                                   updated_at, by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for p in progress {
            stmt.execute(rusqlite::params![
                p.measure_id.to_string(),
                p.school_id.map(|s| s.to_string()).unwrap_or_default(),
                p.due
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                p.status.as_str(),
                p.done_on.map(|d| d.format("%Y-%m-%d").to_string()),
                p.evidence,
                p.comment,
                p.updated_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                p.by,
            ])?;
        }
    }
    tx.commit()?;
    Ok(ms(start))
}

/// A region: schools, one plan, and progress of every measure at every school for 2 occurrences.
fn region_data() -> (Plan, Vec<School>, Vec<Progress>) {
    let mut plan = Plan::new(
        "Региональная дорожная карта (бенчмарк)",
        Period::school_year(2021),
    );
    let dues = [
        NaiveDate::from_ymd_opt(2021, 12, 31).unwrap(),
        NaiveDate::from_ymd_opt(2022, 5, 31).unwrap(),
    ];
    for s in 0..SECTIONS {
        let mut section = Section::new((s + 1).to_string(), format!("Направление {}", s + 1));
        for m in 0..MEASURES / SECTIONS + usize::from(s < MEASURES % SECTIONS) {
            let mut measure = Measure::new(
                format!("{}.{}", s + 1, m + 1),
                format!(
                    "Мероприятие {}.{} по повышению качества образования",
                    s + 1,
                    m + 1
                ),
            );
            measure.deadline = "декабрь, май".into();
            measure.due = dues.to_vec();
            measure.responsible = "Управление образованием, общеобразовательные организации".into();
            measure.result = "Аналитическая справка".into();
            section.measures.push(measure);
        }
        plan.sections.push(section);
    }
    let schools: Vec<School> = (0..SCHOOLS)
        .map(|i| {
            let mut school = School::new(format!("МОУ «СОШ № {}»", i + 1));
            school.short_name = format!("СОШ № {}", i + 1);
            school
        })
        .collect();
    let mut progress = Vec::with_capacity(MEASURES * SCHOOLS * 2);
    for (k, measure) in plan.measures().enumerate() {
        for (j, school) in schools.iter().enumerate() {
            for (d, due) in dues.iter().enumerate() {
                let done = (k + j + d) % 3 == 0;
                progress.push(Progress {
                    measure_id: measure.id,
                    school_id: Some(school.id),
                    due: Some(*due),
                    status: if done { Status::Done } else { Status::Planned },
                    done_on: done.then_some(*due),
                    evidence: if done {
                        "Приказ № 12".into()
                    } else {
                        String::new()
                    },
                    comment: String::new(),
                    updated_at: plan.updated_at,
                    by: "ОО".into(),
                });
            }
        }
    }
    (plan, schools, progress)
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e3
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Peak resident memory of this process (VmHWM), in MB.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_owned))
        })
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}
