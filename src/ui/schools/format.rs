//! Small text helpers shared by the Школы views: due dates, times, numbers, statuses.

use chrono::NaiveDate;
use egui::Color32;

use crate::model::{Status, Timestamp};
use crate::ui::date_field;

/// A due date, or the message for "no date".
pub fn due(ctx: &crate::ui::ViewCtx<'_>, d: Option<NaiveDate>) -> String {
    d.map(date_field::format)
        .unwrap_or_else(|| ctx.tr("schools-due-none"))
}

/// A time of change in local time, "dd.mm.yyyy hh:mm".
pub fn timestamp(t: Timestamp) -> String {
    let local = t.with_timezone(&chrono::Local);
    format!(
        "{} {}",
        date_field::format(local.date_naive()),
        local.format("%H:%M")
    )
}

/// A number with a decimal comma and no trailing zeros.
pub fn number(v: f64) -> String {
    crate::stats::criteria::number(v)
}

/// The message key of a status.
pub fn status_key(s: Status) -> &'static str {
    match s {
        Status::Planned => "schools-status-planned",
        Status::InProgress => "schools-status-in-progress",
        Status::Done => "schools-status-done",
        Status::NotDone => "schools-status-not-done",
        Status::Cancelled => "schools-status-cancelled",
    }
}

/// The colour a status is shown in.
pub fn status_color(s: Status, overdue: bool) -> Color32 {
    if overdue {
        return crate::ui::style::ERROR;
    }
    match s {
        Status::Planned => Color32::from_gray(90),
        Status::InProgress => crate::ui::style::ACCENT,
        Status::Done => crate::ui::style::OK,
        Status::NotDone => Color32::from_rgb(0xb8, 0x6b, 0x12),
        Status::Cancelled => Color32::from_gray(140),
    }
}

/// A share 0..=1 as a whole percent.
pub fn percent(share: f32) -> String {
    format!("{}%", (share * 100.0).round() as i32)
}

/// The first `max` characters of a text, with an ellipsis when cut.
pub fn short(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
