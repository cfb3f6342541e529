//! Long work in the background (egui_kittest): an import file is read by a job while the window keeps
//! drawing; the status bar shows it with counts and «Отмена»; cancelling leaves everything as it was.

use roadmap_planner::app::SystemCommand;
use std::path::Path;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{Command, RoadmapApp, Screen, UiState};
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

mod common;
use common::isolate_home;

fn harness() -> Harness<'static, Window> {
    isolate_home();
    let today = NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            roadmap_planner::ui::style::apply(&cc.egui_ctx);
            let mut app =
                RoadmapApp::new(Store::open_in_memory().unwrap(), today, UiState::default());
            app.jobs.set_background(true);
            Window::new(app)
        });
    h.step();
    h
}

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/roadmap-001.docx")
}

/// Frames until the job is over (bounded).
fn until_idle(h: &mut Harness<'static, Window>) {
    for _ in 0..500 {
        h.step();
        if !h.state().app.jobs.is_running() {
            h.step();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the job did not end");
}

#[test]
fn an_import_is_read_in_the_background_then_previewed() {
    let mut h = harness();
    h.state_mut().app.push(Command::ImportFile(fixture()));
    h.step();
    // The frame after the command: the job is on, the window drew, the status bar tells.
    h.step();
    if h.state().app.jobs.is_running() {
        h.get_by_label_contains("Чтение файла roadmap-001.docx");
        h.get_by_label("Отмена");
    }
    until_idle(&mut h);
    assert!(
        h.state().app.data.exchange.pending.is_some(),
        "the preview is there"
    );
    assert_eq!(h.state().app.ui_state.screen, Screen::Exchange);
}

#[test]
fn cancelling_a_job_leaves_the_old_state() {
    let mut h = harness();
    h.state_mut().app.push(Command::ImportFile(fixture()));
    h.step();
    // Cancelled before its result is taken: whether the worker is done or not, nothing comes of it.
    h.state_mut()
        .app
        .push(Command::System(SystemCommand::CancelJob));
    h.step();
    until_idle(&mut h);
    assert!(h.state().app.data.exchange.pending.is_none());
    assert!(h.state().app.data.plan.is_none());
    assert!(h.query_by_label_contains("Чтение файла").is_none());
}
