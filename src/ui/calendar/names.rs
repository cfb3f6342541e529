//! Month and weekday names in the interface language, read from the translations once per language.

use crate::i18n::{I18n, Language};

pub struct Names {
    pub language: Language,
    /// "Январь" … "Декабрь": the nominative, as a month title says it.
    pub months: [String; 12],
    /// "Янв" … "Дек".
    pub months_short: [String; 12],
    /// "Пн" … "Вс", Monday first.
    pub weekdays: [String; 7],
}

impl Names {
    pub fn new(i18n: &I18n) -> Self {
        Self {
            language: i18n.language(),
            months: std::array::from_fn(|i| i18n.tr(&format!("calendar-month-{}", i + 1))),
            months_short: std::array::from_fn(|i| {
                i18n.tr(&format!("calendar-month-short-{}", i + 1))
            }),
            weekdays: std::array::from_fn(|i| i18n.tr(&format!("calendar-weekday-{}", i + 1))),
        }
    }

    /// "Октябрь 2021".
    pub fn month_title(&self, month: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        format!("{} {}", self.months[month.month0() as usize], month.year())
    }
}
