use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Id, Section, Timestamp};

/// Who issues the plan: a region, a district office, or one school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PlanLevel {
    Region,
    #[default]
    District,
    School,
}

super::stored_text!(PlanLevel {
    Region => "region",
    District => "district",
    School => "school",
});

/// The span a plan covers, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Self {
        Self { from, to }
    }

    /// The school year that starts on 1 September of `year`.
    pub fn school_year(year: i32) -> Self {
        Self {
            from: NaiveDate::from_ymd_opt(year, 9, 1).expect("valid date"),
            to: NaiveDate::from_ymd_opt(year + 1, 8, 31).expect("valid date"),
        }
    }

    /// The school year (1 September – 31 August) that `date` falls in.
    pub fn school_year_of(date: NaiveDate) -> Self {
        let start = if date.month() >= 9 {
            date.year()
        } else {
            date.year() - 1
        };
        Self::school_year(start)
    }

    /// The school year a plan begun on `date` is for: the one in progress, or from July, when the next one is
    /// being prepared, the next one (the school year of two months later).
    pub fn school_year_to_plan(date: NaiveDate) -> Self {
        Self::school_year_of(date.checked_add_months(Months::new(2)).unwrap_or(date))
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// The calendar years the period touches, e.g. 2021 and 2022 for a school year.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.from.year()..=self.to.year()
    }
}

/// How a target indicator is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorUnit {
    #[default]
    Percent,
    Count,
    YesNo,
}

/// A target value of an indicator for one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorTarget {
    pub year: i32,
    pub value: f64,
}

/// A target indicator (целевой индикатор) of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub unit: IndicatorUnit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    #[serde(default)]
    pub targets: Vec<IndicatorTarget>,
}

/// A road map (дорожная карта): its header and its sections of measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub level: PlanLevel,
    #[serde(default)]
    pub issuer: String,
    /// The approving order as written, e.g. "приказ № 14 от 24.01.2022".
    #[serde(default)]
    pub approval: String,
    /// For a school plan: the school that owns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_school: Option<Id>,
    pub period: Period,
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub tasks: Vec<String>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub sections: Vec<Section>,
    pub updated_at: Timestamp,
}

impl Plan {
    /// An empty plan with a title and period.
    pub fn new(title: impl Into<String>, period: Period) -> Self {
        Self {
            id: super::new_id(),
            title: title.into(),
            level: PlanLevel::District,
            issuer: String::new(),
            approval: String::new(),
            owner_school: None,
            period,
            goal: String::new(),
            tasks: Vec::new(),
            indicators: Vec::new(),
            sections: Vec::new(),
            updated_at: super::now(),
        }
    }

    pub fn measure_count(&self) -> usize {
        self.sections.iter().map(|s| s.measures.len()).sum()
    }

    /// The header alone, sections left out (cheap to compare and to undo).
    pub fn header(&self) -> Plan {
        Plan {
            sections: Vec::new(),
            ..self.clone()
        }
    }

    /// Finds a measure and the index of its section.
    pub fn find_measure(&self, id: Id) -> Option<(usize, usize)> {
        self.sections.iter().enumerate().find_map(|(si, s)| {
            s.measures
                .iter()
                .position(|m| m.id == id)
                .map(|mi| (si, mi))
        })
    }

    pub fn measure(&self, id: Id) -> Option<&super::Measure> {
        self.find_measure(id)
            .map(|(si, mi)| &self.sections[si].measures[mi])
    }

    pub fn section_index(&self, id: Id) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    /// All measures in document order.
    pub fn measures(&self) -> impl Iterator<Item = &super::Measure> {
        self.sections.iter().flat_map(|s| s.measures.iter())
    }
}

/// One line of the plan list: what a selector shows without loading the whole plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSummary {
    pub id: Id,
    pub title: String,
    pub level: PlanLevel,
    /// For a school plan: the school it belongs to.
    pub owner_school: Option<Id>,
    pub period: Period,
    pub sections: usize,
    pub measures: usize,
}

#[cfg(test)]
mod tests {
    use super::Period;
    use chrono::NaiveDate;

    fn on(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn a_plan_begun_from_july_is_for_the_coming_school_year() {
        let start = |date| Period::school_year_to_plan(date).from;
        assert_eq!(start(on(2026, 6, 30)), on(2025, 9, 1));
        assert_eq!(start(on(2026, 7, 1)), on(2026, 9, 1));
        assert_eq!(start(on(2026, 8, 31)), on(2026, 9, 1));
        assert_eq!(start(on(2026, 12, 31)), on(2026, 9, 1));
        assert_eq!(start(on(2027, 1, 15)), on(2026, 9, 1));
        // Outside the summer it is the school year in progress.
        assert_eq!(
            Period::school_year_to_plan(on(2026, 10, 15)),
            Period::school_year_of(on(2026, 10, 15))
        );
    }
}
