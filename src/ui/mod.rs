//! Views: each reads the data snapshot and pushes commands; none touches the store.

mod about;
pub mod actions;
mod calendar;
mod choices;
pub mod chooser;
mod confirm_open;
mod date_field;
pub mod due_editor;
mod exchange;
mod fold;
mod form_error;
mod grid;
mod help;
pub mod hyphens;
mod labelled;
mod number_text;
mod plan_header;
pub mod plan_label;
pub mod schools;
mod settings;
mod shell;
pub mod style;
mod welcome;
mod windows;

use std::path::Path;

use chrono::NaiveDate;

use crate::app::{AppData, Command, Screen, Toast, UiState};
use crate::i18n::I18n;

/// What a view gets each frame: references to read, and the queue to push commands to.
pub struct ViewCtx<'a> {
    pub i18n: &'a I18n,
    pub data: &'a AppData,
    pub ui_state: &'a mut UiState,
    pub today: NaiveDate,
    pub store_path: Option<&'a Path>,
    pub commands: &'a mut Vec<Command>,
}

impl ViewCtx<'_> {
    pub fn tr(&self, key: &str) -> String {
        self.i18n.tr(key)
    }

    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }
}

/// The state views keep between frames (selection buffers, form fields); not persisted.
#[derive(Default)]
pub struct Views {
    welcome: welcome::WelcomeView,
    measures: grid::GridView,
    plan_header: plan_header::PlanHeaderView,
    calendar: calendar::CalendarView,
    schools: schools::SchoolsView,
    windows: windows::ShellWindows,
    exchange: exchange::ExchangeView,
}

impl Views {
    /// Draws the whole window. Returns the index of a toast the user closed, if any.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        toasts: &[Toast],
    ) -> Option<usize> {
        windows::ShellWindows::keys(ui.ctx(), &mut ctx.ui_state.windows);
        style::apply_preferences(ui.ctx(), ctx.ui_state.theme, ctx.ui_state.font_scale);
        if shell::top_bar(ui, ctx) {
            self.plan_header.open();
        }
        shell::status_bar(ui, ctx);
        egui::CentralPanel::default().show(ui, |ui| {
            if ctx.data.plan.is_none() {
                // An import waiting for the user's decision is shown even before any plan exists, and so
                // is Обмен when chosen.
                if ctx.data.exchange.awaits_user() || ctx.ui_state.screen == Screen::Exchange {
                    self.exchange.ui(ui, ctx);
                } else {
                    self.welcome.ui(ui, ctx);
                }
                return;
            }
            match ctx.ui_state.screen {
                Screen::Measures => self.measures.ui(ui, ctx),
                Screen::Calendar => self.calendar.ui(ui, ctx),
                Screen::Schools => self.schools.ui(ui, ctx),
                Screen::Exchange => self.exchange.ui(ui, ctx),
            }
        });
        self.windows.ui(ui, ctx);
        confirm_open::ui(&ui.ctx().clone(), ctx);
        exchange::paste_window(&ui.ctx().clone(), ctx);
        self.plan_header.ui(&ui.ctx().clone(), ctx);
        chooser::show(&ui.ctx().clone(), ctx);
        chooser::drop_overlay(ui.ctx(), ctx);
        shell::toasts(ui, toasts)
    }
}

/// A window that only explains why the app cannot start (e.g. the database is held by another window).
pub struct ErrorApp {
    message: String,
}

impl ErrorApp {
    pub fn new(message: String) -> Self {
        Self { message }
    }
}

impl eframe::App for ErrorApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(80.0);
                ui.heading("Программа не может открыть базу данных");
                ui.add_space(16.0);
                ui.label(egui::RichText::new(&self.message).size(16.0));
                ui.add_space(24.0);
                if ui.button("Закрыть").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
        });
    }
}
