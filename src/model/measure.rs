use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Category, Executor, Id, Timestamp};

/// A section (направление) of a plan: a numbered group of measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: Id,
    /// The number as written ("1", "4.", or empty).
    #[serde(default)]
    pub number: String,
    pub title: String,
    #[serde(default)]
    pub measures: Vec<Measure>,
    pub updated_at: Timestamp,
}

impl Section {
    pub fn new(number: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            id: super::new_id(),
            number: number.into(),
            title: title.into(),
            measures: Vec::new(),
            updated_at: super::now(),
        }
    }

    /// The section alone, its measures left out.
    pub fn header(&self) -> Section {
        Section {
            measures: Vec::new(),
            ..self.clone()
        }
    }
}

/// A key activity of a measure for one year (some plans have a column per year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearActivity {
    pub year: i32,
    pub text: String,
}

/// Which schools a measure concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SchoolScope {
    /// Every school of the district.
    #[default]
    All,
    /// The listed schools.
    List { ids: Vec<Id> },
    /// Every school in a category, e.g. all ШНОР.
    Category { category: Category },
}

/// A measure (мероприятие). Text fields are kept verbatim as imported; `due` is derived from `deadline`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub id: Id,
    /// The number as written ("1.1", "4.1.", or empty).
    #[serde(default)]
    pub number: String,
    pub title: String,
    /// The deadline text verbatim ("в течение года", "до 30.11.2020").
    #[serde(default)]
    pub deadline: String,
    /// Due dates derived from `deadline` within the plan period, ascending (or set by hand).
    #[serde(default)]
    pub due: Vec<NaiveDate>,
    /// True when `due` was set by hand and must survive re-derivation.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub due_manual: bool,
    #[serde(default)]
    pub responsible: String,
    #[serde(default)]
    pub result: String,
    /// Documents that confirm the result (документы, закрепляющие результат).
    #[serde(default)]
    pub documents: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub yearly: Vec<YearActivity>,
    #[serde(default)]
    pub schools: SchoolScope,
    /// Who carries the measure out: the office, the schools of `schools`, or both.
    #[serde(default)]
    pub executor: Executor,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// For a measure of a school plan: the district measure it was taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_measure: Option<Id>,
    pub updated_at: Timestamp,
}

impl Measure {
    pub fn new(number: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            id: super::new_id(),
            number: number.into(),
            title: title.into(),
            deadline: String::new(),
            due: Vec::new(),
            due_manual: false,
            responsible: String::new(),
            result: String::new(),
            documents: String::new(),
            yearly: Vec::new(),
            schools: SchoolScope::All,
            executor: Executor::Schools,
            notes: String::new(),
            source_measure: None,
            updated_at: super::now(),
        }
    }
}
