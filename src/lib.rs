//! Roadmap Planner: plan and track school-support road maps (дорожные карты) offline.
//!
//! Layers (see `docs/architecture.md`): `model`, `schedule`, `stats` and `exchange` are pure and know nothing
//! of egui; `store` is the only place that speaks SQL; `app` runs commands; `ui` draws views.

pub mod app;
pub mod cli;
pub mod config;
pub mod example;
pub mod exchange;
mod file_identity;
pub mod i18n;
pub mod model;
pub mod output;
pub mod schedule;
pub mod startup;
pub mod stats;
pub mod store;
#[cfg(test)]
mod test_files;
pub mod ui;
pub mod window;
