//! Which measures a view shows: the search text and the filters of the measures grid (the calendar reuses
//! them). Pure and egui-free; persisted in `UiState` so the filter survives a restart.
//!
//! Rules that are not obvious:
//! - a measure without progress records counts as *planned* (nothing has been reported yet), so it is
//!   overdue when one of its due dates has passed;
//! - a measure for all schools concerns every school and every category, so it passes the school and
//!   category filters;
//! - responsible values are the parts of the "Ответственные" text split on commas, semicolons and line
//!   breaks, compared without regard to case.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{Category, Id, Measure, MeasureField, School, SchoolScope, Status};
use crate::stats::ProgressSummary;

/// The search text and filters; they combine (a measure must pass all that are set).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MeasureFilter {
    /// Case-insensitive search over every text field.
    pub text: String,
    /// One responsible party (a comma-separated part of the field).
    pub responsible: Option<String>,
    /// Measures concerning this school.
    pub school: Option<Id>,
    /// Measures concerning schools of this category.
    pub category: Option<Category>,
    /// Measures with at least one progress record in this status.
    pub status: Option<Status>,
    /// Measures with a due date in this month (1–12).
    pub month: Option<u32>,
    pub overdue_only: bool,
    /// Measures whose deadline gave no due dates.
    pub unscheduled_only: bool,
}

impl MeasureFilter {
    /// Whether anything is filtered at all.
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty() || self.is_narrowed()
    }

    /// Whether a filter other than the search text is set.
    pub fn is_narrowed(&self) -> bool {
        self.responsible.is_some()
            || self.school.is_some()
            || self.category.is_some()
            || self.status.is_some()
            || self.month.is_some()
            || self.overdue_only
            || self.unscheduled_only
    }

    /// The lowercase search query (what [`search_text`] haystacks are searched for); empty when none.
    pub fn query(&self) -> String {
        self.text.trim().to_lowercase()
    }

    /// A matcher prepared once for many measures: the query lowercased, the school's categories found.
    /// Without the school registry (`schools` empty) a measure scoped to a category, or to a list of schools
    /// when filtering by category, cannot be judged and passes.
    pub fn matcher<'a>(&'a self, schools: &'a [School]) -> Matcher<'a> {
        let school_categories = self.school.and_then(|id| {
            schools
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.categories.as_slice())
        });
        Matcher {
            filter: self,
            query: self.query(),
            schools,
            school_categories,
        }
    }
}

/// A [`MeasureFilter`] prepared for matching many measures.
pub struct Matcher<'a> {
    filter: &'a MeasureFilter,
    query: String,
    schools: &'a [School],
    /// The filtered school's categories, when it is in the registry given.
    school_categories: Option<&'a [Category]>,
}

impl Matcher<'_> {
    /// The lowercase query.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Whether `m` passes; lowercases its fields for the text search (prefer [`Matcher::matches_cached`]).
    pub fn matches(
        &self,
        m: &Measure,
        progress: Option<&ProgressSummary>,
        today: NaiveDate,
    ) -> bool {
        if !self.query.is_empty()
            && !search_fields(m).any(|f| f.to_lowercase().contains(&self.query))
        {
            return false;
        }
        self.matches_except_text(m, progress, today)
    }

    /// Whether `m` passes, with its [`search_text`] computed beforehand (no allocation here).
    pub fn matches_cached(
        &self,
        m: &Measure,
        haystack: &str,
        progress: Option<&ProgressSummary>,
        today: NaiveDate,
    ) -> bool {
        (self.query.is_empty() || haystack.contains(&self.query))
            && self.matches_except_text(m, progress, today)
    }

    /// Every filter but the search text.
    pub fn matches_except_text(
        &self,
        m: &Measure,
        progress: Option<&ProgressSummary>,
        today: NaiveDate,
    ) -> bool {
        let f = self.filter;
        if let Some(wanted) = &f.responsible
            && !responsible_parts(&m.responsible).any(|p| eq_ignore_case(p, wanted))
        {
            return false;
        }
        if let Some(school) = f.school
            && !self.concerns_school(&m.schools, school)
        {
            return false;
        }
        if let Some(category) = f.category
            && !self.concerns_category(&m.schools, category)
        {
            return false;
        }
        if let Some(status) = f.status
            && !has_status(progress, status)
        {
            return false;
        }
        if let Some(month) = f.month
            && !m.due.iter().any(|d| d.month() == month)
        {
            return false;
        }
        if f.overdue_only && !is_overdue(m, progress, today) {
            return false;
        }
        if f.unscheduled_only && !m.due.is_empty() {
            return false;
        }
        true
    }

    fn concerns_school(&self, scope: &SchoolScope, school: Id) -> bool {
        match scope {
            SchoolScope::All => true,
            SchoolScope::List { ids } => ids.contains(&school),
            SchoolScope::Category { category } => self
                .school_categories
                .is_none_or(|categories| categories.contains(category)),
        }
    }

    fn concerns_category(&self, scope: &SchoolScope, category: Category) -> bool {
        match scope {
            SchoolScope::All => true,
            SchoolScope::Category { category: c } => *c == category,
            SchoolScope::List { ids } => {
                self.schools.is_empty()
                    || ids.iter().any(|id| {
                        self.schools
                            .iter()
                            .any(|s| s.id == *id && s.categories.contains(&category))
                    })
            }
        }
    }
}

/// The text fields a search looks in: every field of the registry the measure has
/// ([`MeasureField::of_measure`]: the grid's columns, its years' activities, its notes).
pub fn search_fields(m: &Measure) -> impl Iterator<Item = &str> {
    MeasureField::of_measure(m).map(|field| field.get(m))
}

/// Every searchable field of `m`, lowercased and joined by line breaks: what a view caches per measure so
/// that filtering many measures allocates nothing.
pub fn search_text(m: &Measure) -> String {
    let mut out = String::new();
    for field in search_fields(m) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.extend(field.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The responsible parties named in a field: split on commas, semicolons and line breaks, trimmed.
pub fn responsible_parts(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// The distinct responsible parties of `measures` (first spelling kept), sorted case-insensitively.
pub fn responsible_values<'a>(measures: impl IntoIterator<Item = &'a Measure>) -> Vec<String> {
    let mut seen = std::collections::HashMap::<String, String>::new();
    for m in measures {
        for part in responsible_parts(&m.responsible) {
            seen.entry(part.to_lowercase())
                .or_insert_with(|| part.to_owned());
        }
    }
    let mut values: Vec<(String, String)> = seen.into_iter().collect();
    values.sort();
    values.into_iter().map(|(_, v)| v).collect()
}

/// Whether a measure is late on `today`: an open progress record is past its date, or — with nothing
/// reported — one of its due dates has passed.
pub fn is_overdue(m: &Measure, progress: Option<&ProgressSummary>, today: NaiveDate) -> bool {
    match progress.filter(|p| p.total() > 0) {
        Some(p) => p.overdue > 0,
        None => m.due.first().is_some_and(|d| *d < today),
    }
}

/// Whether a measure has a record in `status` (a measure with no records is planned).
pub fn has_status(progress: Option<&ProgressSummary>, status: Status) -> bool {
    match progress.filter(|p| p.total() > 0) {
        Some(p) => p.count(status) > 0,
        None => status == Status::Planned,
    }
}

fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.trim().chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn measure() -> Measure {
        let mut m = Measure::new("2.10", "Подготовка к ГИА по математике");
        m.responsible = "Петрова И.И., руководители ОО".into();
        m.deadline = "до 30.11.2021".into();
        m.due = vec![date(2021, 11, 30)];
        m
    }

    fn summary(status: Status, n: u32, overdue: u32) -> ProgressSummary {
        let mut s = ProgressSummary::default();
        s.by_status[status as usize] = n;
        s.overdue = overdue;
        s
    }

    const TODAY: fn() -> NaiveDate = || NaiveDate::from_ymd_opt(2021, 12, 15).unwrap();

    #[test]
    fn the_empty_filter_passes_everything_and_is_inactive() {
        let f = MeasureFilter::default();
        assert!(!f.is_active());
        assert!(f.matcher(&[]).matches(&measure(), None, TODAY()));
        assert!(
            !MeasureFilter {
                text: "  ".into(),
                ..Default::default()
            }
            .is_active()
        );
    }

    #[test]
    fn text_search_ignores_case_in_russian() {
        let m = measure();
        for (text, hit) in [
            ("гиа", true),
            ("МАТЕМАТИК", true),
            ("петрова", true),
            ("физика", false),
        ] {
            let f = MeasureFilter {
                text: text.into(),
                ..Default::default()
            };
            assert!(f.is_active());
            assert_eq!(f.matcher(&[]).matches(&m, None, TODAY()), hit, "{text}");
            let haystack = search_text(&m);
            assert_eq!(
                f.matcher(&[]).matches_cached(&m, &haystack, None, TODAY()),
                hit,
                "{text}"
            );
        }
    }

    #[test]
    fn search_finds_text_that_only_a_year_column_or_the_notes_hold() {
        let mut m = measure();
        m.yearly.push(crate::model::YearActivity {
            year: 2023,
            text: "Стажировочная площадка".into(),
        });
        m.notes = "Целевая группа: молодые педагоги".into();
        for text in ["стажировочная", "молодые педагоги"] {
            let f = MeasureFilter {
                text: text.into(),
                ..Default::default()
            };
            assert!(f.matcher(&[]).matches(&m, None, TODAY()), "{text}");
            assert!(!f.matcher(&[]).matches(&measure(), None, TODAY()), "{text}");
            let haystack = search_text(&m);
            assert!(
                f.matcher(&[]).matches_cached(&m, &haystack, None, TODAY()),
                "{text}"
            );
        }
    }

    #[test]
    fn responsible_matches_one_comma_separated_part() {
        let m = measure();
        let f = |r: &str| MeasureFilter {
            responsible: Some(r.into()),
            ..Default::default()
        };
        assert!(f("руководители ОО").matcher(&[]).matches(&m, None, TODAY()));
        assert!(f("петрова и.и.").matcher(&[]).matches(&m, None, TODAY()));
        assert!(!f("Петрова").matcher(&[]).matches(&m, None, TODAY()));
        let mut other = Measure::new("1", "x");
        other.responsible = "Руководители ОО; методист".into();
        assert_eq!(
            responsible_values([&m, &other]),
            vec!["методист", "Петрова И.И.", "руководители ОО"]
        );
    }

    #[test]
    fn status_overdue_month_and_unscheduled_filters() {
        let m = measure();
        let today = TODAY();
        let status = |s| MeasureFilter {
            status: Some(s),
            ..Default::default()
        };
        // Nothing reported: planned, and late once the date has passed.
        assert!(
            status(Status::Planned)
                .matcher(&[])
                .matches(&m, None, today)
        );
        assert!(!status(Status::Done).matcher(&[]).matches(&m, None, today));
        let done = summary(Status::Done, 3, 0);
        assert!(
            status(Status::Done)
                .matcher(&[])
                .matches(&m, Some(&done), today)
        );
        assert!(
            !status(Status::Planned)
                .matcher(&[])
                .matches(&m, Some(&done), today)
        );

        let overdue = MeasureFilter {
            overdue_only: true,
            ..Default::default()
        };
        assert!(overdue.matcher(&[]).matches(&m, None, today));
        assert!(!overdue.matcher(&[]).matches(&m, None, date(2021, 11, 1)));
        assert!(!overdue.matcher(&[]).matches(&m, Some(&done), today));
        assert!(
            overdue
                .matcher(&[])
                .matches(&m, Some(&summary(Status::Planned, 2, 1)), today)
        );

        let month = |n| MeasureFilter {
            month: Some(n),
            ..Default::default()
        };
        assert!(month(11).matcher(&[]).matches(&m, None, today));
        assert!(!month(12).matcher(&[]).matches(&m, None, today));

        let unscheduled = MeasureFilter {
            unscheduled_only: true,
            ..Default::default()
        };
        assert!(!unscheduled.matcher(&[]).matches(&m, None, today));
        assert!(
            unscheduled
                .matcher(&[])
                .matches(&Measure::new("1", "без срока"), None, today)
        );
    }

    #[test]
    fn school_and_category_follow_the_scope() {
        let mut shnor = School::new("МОУ СОШ с. Яблоновый Гай");
        shnor.categories = vec![Category::Shnor];
        let other = School::new("МОУ СОШ с. Раевка");
        let schools = vec![shnor.clone(), other.clone()];
        let mut listed = measure();
        listed.schools = SchoolScope::List {
            ids: vec![shnor.id],
        };
        let mut by_category = measure();
        by_category.schools = SchoolScope::Category {
            category: Category::Shnor,
        };
        let all = measure();
        let today = TODAY();

        let school = |id| MeasureFilter {
            school: Some(id),
            ..Default::default()
        };
        let f = school(shnor.id);
        let mt = f.matcher(&schools);
        assert!(mt.matches(&listed, None, today));
        assert!(mt.matches(&by_category, None, today));
        assert!(mt.matches(&all, None, today));
        let f = school(other.id);
        let mt = f.matcher(&schools);
        assert!(!mt.matches(&listed, None, today));
        assert!(!mt.matches(&by_category, None, today));
        assert!(mt.matches(&all, None, today));

        let f = MeasureFilter {
            category: Some(Category::Shnor),
            ..Default::default()
        };
        let mt = f.matcher(&schools);
        assert!(mt.matches(&listed, None, today));
        assert!(mt.matches(&by_category, None, today));
        let f = MeasureFilter {
            category: Some(Category::Leader),
            ..Default::default()
        };
        let mt = f.matcher(&schools);
        assert!(!mt.matches(&listed, None, today));
        assert!(!mt.matches(&by_category, None, today));
        assert!(mt.matches(&all, None, today));
    }

    #[test]
    fn filters_combine_and_survive_serde() {
        let f = MeasureFilter {
            text: "гиа".into(),
            month: Some(12),
            ..Default::default()
        };
        assert!(
            !f.matcher(&[]).matches(&measure(), None, TODAY()),
            "the month does not fit"
        );
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(serde_json::from_str::<MeasureFilter>(&json).unwrap(), f);
        assert_eq!(
            serde_json::from_str::<MeasureFilter>("{}").unwrap(),
            MeasureFilter::default()
        );
    }
}
