//! Region-scale benchmark. `cargo run --release --example bench -- --json [--scale N]`
//!
//! Builds 1,000 schools and one plan of 12 sections / 150 measures in a temporary database, with every
//! measure at every school for 2 occurrences (~300,000 progress rows), then times what users wait for.
//! `--scale N` keeps N school years of such plans (1,000 schools × N plan years, N × ~300,000 rows: a
//! region's history); the newest year is the one opened. Prints a readable report, and as its last line
//! one JSON object of the keys (later issues add theirs).

use std::time::Instant;

#[path = "bench/calendar.rs"]
mod calendar;
#[path = "bench/edits.rs"]
mod edits;
#[path = "bench/grid.rs"]
mod grid;
#[path = "bench/headless.rs"]
mod headless;
#[path = "bench/import_frame.rs"]
mod import_frame;
#[path = "bench/libreoffice.rs"]
mod libreoffice;
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
/// How many times the import and the raw insert each run (the fastest of each is reported).
const RATIO_RUNS: usize = 3;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--phase") {
        let phase = args.get(i + 1).map(String::as_str).unwrap_or_default();
        let dir = std::path::PathBuf::from(args.get(i + 2).cloned().unwrap_or_default());
        return run_phase(phase, &dir);
    }
    let json_only = args.iter().any(|a| a == "--json");
    let years: usize = match args.iter().position(|a| a == "--scale") {
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .filter(|n| (1..=50).contains(n))
            .ok_or_else(|| anyhow::anyhow!("--scale: число лет от 1 до 50"))?,
        None => 1,
    };
    let dir = tempfile::tempdir()?;
    let progress_rows = {
        // The data set, written the way an import writes it, a plan year at a time.
        let schools = region_schools();
        let mut store = Store::open(&dir.path().join("region.sqlite"))?;
        store.write(|w| {
            for school in &schools {
                w.put_school(school)?;
            }
            Ok(())
        })?;
        let mut rows = 0;
        for year in 0..years {
            let start_year = 2021 - (years - 1 - year) as i32;
            let (plan, progress) = region_plan(start_year, &schools);
            rows += progress.len();
            let measures: Vec<_> = plan.measures().map(|m| m.id).collect();
            store.write(|w| {
                w.put_plan(&plan)?;
                w.progress_in_bulk(&measures, progress.len(), |w| {
                    progress.iter().try_for_each(|p| w.put_progress(p))
                })
            })?;
        }
        rows
    };
    // Each phase runs in its own process, so each peak memory is its own and none inherits another's.
    let mut results = serde_json::Map::new();
    let mut rss_mb: f64 = 0.0;
    // The import and its floor, the raw insert, run in turn three times each, and the fastest of each is
    // kept: on a shared machine one run of either can be slowed by a third by whatever else runs, and the
    // key is their ratio.
    let phases = ["load", "export_json"]
        .into_iter()
        .chain(["sqlite_raw_insert", "import_json"].repeat(RATIO_RUNS))
        .chain(["export_csv"]);
    for phase in phases {
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
        let key = format!("{phase}_ms");
        let best = results
            .get(&key)
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::INFINITY);
        results.insert(key, round(ms.min(best)).into());
    }
    results.insert("rss_mb".into(), round(rss_mb).into());
    // The deadline phases print {"value": …} in their key's unit (µs or ms).
    for (phase, key) in calendar::PHASES
        .into_iter()
        .chain(grid::PHASES)
        .chain(schools::PHASES)
        .chain(edits::PHASES)
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
    // LibreOffice opening the same plan as XLSX, in the same run.
    match libreoffice::open_ms(dir.path())? {
        Some(ms) => {
            if !json_only {
                println!("{:<22}{ms:9.1}", "libreoffice_open_ms");
            }
            results.insert("libreoffice_open_ms".into(), round(ms).into());
        }
        None => {
            eprintln!("libreoffice_open_ms: пропущено — LibreOffice не установлен");
            results.insert("libreoffice_open_ms".into(), serde_json::Value::Null);
        }
    }
    results.insert("progress_rows".into(), progress_rows.into());
    if !json_only {
        println!(
            "Регион: {SCHOOLS} школ, {years} × план ({SECTIONS} направлений, {MEASURES} мероприятий), {progress_rows} записей о ходе"
        );
        println!(
            "Цели: load_ms ≤ 60 (≤ 80 при --scale 10), import_json_ms ≤ 1,3 × sqlite_raw_insert_ms, rss_mb ≤ 150 (≤ 300 при --scale 10)"
        );
        println!(
            "      edit_ms ≤ 16, grid_edit_ms ≤ 16 (от команды до конца кадра, который её показывает)"
        );
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
///
/// The exchange phases move the region plan — the newest year's, with its ~300,000 records: what an
/// office exchanges (an exchange file is limited to 100 MB; ten years of a region would be ~720 MB).
fn run_phase(phase: &str, dir: &std::path::Path) -> anyhow::Result<()> {
    let plan_rows = MEASURES * SCHOOLS * 2;
    if let Some(value) = edits::run_phase(phase, dir)? {
        println!("{}", serde_json::json!({ "value": value }));
        return Ok(());
    }
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
        // The region plan as an exchange file on disk.
        "export_json" => {
            let store = Store::open(&region)?;
            let plan = store.list_plans()?[0].id;
            let origin = exchange::Origin {
                office: "Бенчмарк".into(),
                id: "bench".into(),
            };
            let start = Instant::now();
            let file = exchange::export(&store, Some(plan), origin)?;
            std::fs::write(&exchange_file, exchange::to_json(&file))?;
            ms(start)
        }
        // The floor: plain prepared inserts of the same progress rows into an empty table.
        "sqlite_raw_insert" => {
            let (plan, schools, progress) = {
                let store = Store::open(&region)?;
                let plan = store.load_plan(store.list_plans()?[0].id)?;
                let progress = store.progress(Some(plan.id))?;
                (plan, store.schools()?, progress)
            };
            assert_eq!(progress.len(), plan_rows);
            let raw_db = dir.join("raw.sqlite");
            remove_database(&raw_db);
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
            let import_db = dir.join("import.sqlite");
            remove_database(&import_db);
            let mut target = Store::open(&import_db)?;
            let start = Instant::now();
            let file = exchange::read_file(&exchange_file)?;
            exchange::import(&mut target, &file)?;
            let ms = ms(start);
            drop(file);
            let rows: i64 =
                target
                    .connection()
                    .query_row("SELECT COUNT(*) FROM progress", [], |r| r.get(0))?;
            assert_eq!(rows as usize, plan_rows);
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

/// Times a plain prepared-statement insert of the progress rows, in one transaction, into the plain table
/// (the program's triggers dropped: the floor is what SQLite itself costs).
fn raw_insert(path: &std::path::Path, progress: &[Progress]) -> anyhow::Result<f64> {
    let mut conn = rusqlite::Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'progress'")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for name in triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
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

/// The region's schools.
fn region_schools() -> Vec<School> {
    (0..SCHOOLS)
        .map(|i| {
            let mut school = School::new(format!("МОУ «СОШ № {}»", i + 1));
            school.short_name = format!("СОШ № {}", i + 1);
            school
        })
        .collect()
}

/// The region plan of the school year starting in `start_year`, and progress of every measure at every
/// school for its 2 occurrences (December and May).
fn region_plan(start_year: i32, schools: &[School]) -> (Plan, Vec<Progress>) {
    let mut plan = Plan::new(
        format!(
            "Региональная дорожная карта {start_year}/{} (бенчмарк)",
            (start_year + 1) % 100
        ),
        Period::school_year(start_year),
    );
    let dues = [
        NaiveDate::from_ymd_opt(start_year, 12, 31).unwrap(),
        NaiveDate::from_ymd_opt(start_year + 1, 5, 31).unwrap(),
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
    let mut progress = Vec::with_capacity(MEASURES * schools.len() * 2);
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
    (plan, progress)
}

/// Removes a database of an earlier run of a phase, with its companions, so every run starts empty.
fn remove_database(path: &std::path::Path) {
    for file in roadmap_planner::output::database_files(path) {
        let _ = std::fs::remove_file(file);
    }
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
