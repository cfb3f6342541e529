//! `libreoffice_open_ms`: the same region plan exported as XLSX (the measures and the progress sheet of
//! every school, as Обмен writes it) opened by LibreOffice headless — `soffice --convert-to csv`, which
//! loads the whole workbook — so the ratio to our start-up is measured in the same run. Skipped, saying
//! so, when LibreOffice is not installed.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use roadmap_planner::store::Store;

/// The time LibreOffice takes to open the plan's workbook, in ms; `None` when it is not installed.
pub fn open_ms(dir: &Path) -> anyhow::Result<Option<f64>> {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        return Ok(None);
    };
    let book = dir.join("region.xlsx");
    {
        let store = Store::open(&dir.join("region.sqlite"))?;
        let plan = store.load_plan(store.list_plans()?[0].id)?;
        let schools = store.schools()?;
        let progress = store.progress(Some(plan.id))?;
        let bytes = roadmap_planner::exchange::xlsx::write_xlsx(&plan, &schools, &progress)?;
        std::fs::write(&book, bytes)?;
    }
    let profile = dir.join("lo-profile");
    let out = dir.join("lo-out");
    let run = |file: &Path| -> anyhow::Result<f64> {
        let start = Instant::now();
        let status = Command::new(soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "csv",
                "--outdir",
            ])
            .arg(&out)
            .arg(file)
            .output()?;
        anyhow::ensure!(
            status.status.success(),
            "LibreOffice: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        Ok(start.elapsed().as_secs_f64() * 1e3)
    };
    // A first run on a small file creates LibreOffice's profile, as a user's installation has one.
    let small = dir.join("small.csv");
    std::fs::write(&small, "a;b\n1;2\n")?;
    run(&small)?;
    Ok(Some(run(&book)?))
}
