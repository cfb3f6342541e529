//! A date field in Russian: the date typed as дд.мм.гггг, or picked from a small month calendar behind a
//! button. (egui_extras' date picker speaks English only: month names, "Cancel", "Save".)

use chrono::{Datelike, Months, NaiveDate};

use crate::i18n::I18n;
use crate::model::Period;

/// The format of a date in text fields.
pub const FORMAT: &str = crate::model::DATE_FORMAT;

/// Parses a date written as дд.мм.гггг (also д.м.гггг, with spaces around).
pub fn parse(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), FORMAT).ok()
}

/// A period typed as its two ends, or what is wrong: a date written otherwise, or the end before the start.
pub fn parse_period(from: &str, to: &str) -> Result<Period, super::form_error::FormError> {
    use super::form_error::FormError;
    let date = |text: &str| parse(text).ok_or(FormError::DateFormat);
    let period = Period::new(date(from)?, date(to)?);
    if period.from > period.to {
        return Err(FormError::PeriodReversed);
    }
    Ok(period)
}

/// A date as shown and typed: дд.мм.гггг.
pub fn format(date: NaiveDate) -> String {
    date.format(FORMAT).to_string()
}

/// A text field holding a date as дд.мм.гггг, and a 📅 button opening a calendar (on the field's month, or
/// on `today`'s). Returns the text field's
/// response (to label it and to see edits); `text` may hold an invalid date, which the caller reports.
pub fn date_field(
    ui: &mut egui::Ui,
    text: &mut String,
    i18n: &I18n,
    today: NaiveDate,
    id_salt: &str,
) -> egui::Response {
    ui.horizontal(|ui| {
        let edit = ui.add(
            egui::TextEdit::singleline(text)
                .id_salt(("date_text", id_salt))
                .hint_text(i18n.tr("date-field-hint"))
                .desired_width(96.0),
        );
        let button = ui.button("📅").on_hover_text(i18n.tr("date-field-pick"));
        let month_id = ui.make_persistent_id(("date_month", id_salt));
        if button.clicked() {
            // The calendar opens on the month of the date in the field, or on today's.
            let shown = parse(text).unwrap_or(today);
            ui.data_mut(|d| d.insert_temp(month_id, first_of_month(shown)));
        }
        egui::Popup::from_toggle_button_response(&button)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show(|ui| {
                let mut month = ui
                    .data(|d| d.get_temp::<NaiveDate>(month_id))
                    .unwrap_or_else(|| first_of_month(parse(text).unwrap_or(today)));
                let picked = calendar(ui, &mut month, parse(text), i18n);
                ui.data_mut(|d| d.insert_temp(month_id, month));
                if let Some(date) = picked {
                    *text = format(date);
                    ui.close();
                }
            });
        edit
    })
    .inner
}

/// One month as a grid of days, Monday first, with buttons to the previous and next month. Returns the
/// day clicked.
fn calendar(
    ui: &mut egui::Ui,
    month: &mut NaiveDate,
    selected: Option<NaiveDate>,
    i18n: &I18n,
) -> Option<NaiveDate> {
    ui.horizontal(|ui| {
        if ui
            .small_button("‹")
            .on_hover_text(i18n.tr("date-field-prev-month"))
            .clicked()
        {
            *month = month.checked_sub_months(Months::new(1)).unwrap_or(*month);
        }
        let name = i18n.tr(&format!("date-field-month-{}", month.month()));
        ui.strong(format!("{name} {}", month.year()));
        if ui
            .small_button("›")
            .on_hover_text(i18n.tr("date-field-next-month"))
            .clicked()
        {
            *month = month.checked_add_months(Months::new(1)).unwrap_or(*month);
        }
    });
    let mut picked = None;
    egui::Grid::new("calendar_days")
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            for day in 1..=7 {
                ui.weak(i18n.tr(&format!("date-field-weekday-{day}")));
            }
            ui.end_row();
            let offset = month.weekday().num_days_from_monday();
            for _ in 0..offset {
                ui.label("");
            }
            let mut column = offset;
            let mut day = *month;
            while day.month() == month.month() {
                let button = egui::Button::selectable(selected == Some(day), day.day().to_string())
                    .min_size(egui::vec2(28.0, 0.0));
                if ui.add(button).clicked() {
                    picked = Some(day);
                }
                column += 1;
                if column.is_multiple_of(7) {
                    ui.end_row();
                }
                match day.succ_opt() {
                    Some(next) => day = next,
                    None => break,
                }
            }
        });
    picked
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::{format, parse, parse_period};
    use chrono::NaiveDate;

    #[test]
    fn dates_are_read_as_written_in_russia() {
        assert_eq!(parse(" 31.10.2021 "), NaiveDate::from_ymd_opt(2021, 10, 31));
        assert_eq!(parse("1.9.2021"), NaiveDate::from_ymd_opt(2021, 9, 1));
        assert_eq!(parse("2021-10-31"), None);
        assert_eq!(parse("31.02.2021"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn dates_are_shown_with_two_digit_day_and_month() {
        let day = NaiveDate::from_ymd_opt(2021, 9, 1).expect("a date");
        assert_eq!(format(day), "01.09.2021");
        assert_eq!(parse(&format(day)), Some(day));
    }

    #[test]
    fn a_period_is_two_dates_in_order() {
        use crate::ui::form_error::FormError;
        let period = parse_period("01.09.2021", " 31.8.2022").expect("a period");
        assert_eq!(
            period.from,
            NaiveDate::from_ymd_opt(2021, 9, 1).expect("a date")
        );
        assert_eq!(
            period.to,
            NaiveDate::from_ymd_opt(2022, 8, 31).expect("a date")
        );
        assert_eq!(
            parse_period("01.09.2022", "31.08.2021"),
            Err(FormError::PeriodReversed)
        );
        assert_eq!(
            parse_period("2021-09-01", "31.08.2022"),
            Err(FormError::DateFormat)
        );
    }
}
