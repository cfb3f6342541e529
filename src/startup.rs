//! Time to the first frame: `ROADMAP_TRACE_STARTUP=1 roadmap-planner …` prints how long after the start of
//! the process each step ended (the database opened, the app built, the first frame drawn), to stderr.

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Instant> = OnceLock::new();

/// Called first thing in `main`.
pub fn mark_start() {
    let _ = START.set(Instant::now());
}

/// Prints `step` with the milliseconds since `mark_start`, when tracing is asked for.
pub fn trace(step: &str) {
    if std::env::var_os("ROADMAP_TRACE_STARTUP").is_none() {
        return;
    }
    if let Some(start) = START.get() {
        eprintln!("startup: {step} after {} ms", start.elapsed().as_millis());
    }
}
