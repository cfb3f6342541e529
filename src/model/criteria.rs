//! Identification criteria (критерии отнесения школ к категориям) kept as editable data, not code.
//!
//! A [`CriteriaSet`] has groups (ШНОР, ШНСУ, зона риска), each tied to a [`Category`] and a number of points
//! from which that category is proposed, and criteria: a Russian text, a kind of test and a threshold. The
//! user enters a school's values ([`CriterionValue`]); `stats::criteria` scores them. The shipped defaults
//! are `assets/criteria/default.json`.

use serde::{Deserialize, Serialize};

use super::{Category, Id, Timestamp};

/// The criteria shipped with the program (a district programme's lists and thresholds).
pub const DEFAULT_CRITERIA_JSON: &str = include_str!("../../assets/criteria/default.json");

/// How a criterion tests the value a school entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CriterionKind {
    /// A share in percent below the threshold ("менее 60% продолжили обучение").
    #[default]
    PercentBelow,
    /// A share in percent above the threshold ("более 30% из неполных семей").
    PercentAbove,
    /// A value (e.g. an average mark) below the threshold ("средний балл ОГЭ ниже 3,2").
    ValueBelow,
    /// A value above the threshold.
    ValueAbove,
    /// A value below the criterion's regional value by more than the threshold (ЕГЭ "ниже региона на 20").
    BelowRegionalBy,
    /// A yes/no fact (1 = yes): "есть обучающиеся на профилактическом учёте".
    Present,
}

impl CriterionKind {
    pub const ALL: [CriterionKind; 6] = [
        CriterionKind::PercentBelow,
        CriterionKind::PercentAbove,
        CriterionKind::ValueBelow,
        CriterionKind::ValueAbove,
        CriterionKind::BelowRegionalBy,
        CriterionKind::Present,
    ];

    /// Whether the criterion has a numeric threshold (a yes/no fact has none).
    pub fn has_threshold(self) -> bool {
        self != CriterionKind::Present
    }
}

/// A group of criteria that together propose one category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriteriaGroup {
    /// A short stable key ("shnor"); criteria name their group by it.
    pub id: String,
    pub title: String,
    pub category: Category,
    /// The category is proposed when the school scores at least this many points in the group.
    pub min_points: u32,
}

/// One criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// A stable key ("shnor.oge_math"): a school's values are stored under it, so edits of the text or the
    /// threshold keep the values.
    pub id: String,
    /// The [`CriteriaGroup::id`] it belongs to.
    pub group: String,
    pub text: String,
    #[serde(default)]
    pub kind: CriterionKind,
    #[serde(default)]
    pub threshold: f64,
    /// For [`CriterionKind::BelowRegionalBy`]: the regional value the school's value is compared with.
    #[serde(default)]
    pub regional: Option<f64>,
    /// Points the criterion adds when it holds (one by default).
    #[serde(default = "one_point")]
    pub points: u32,
}

fn one_point() -> u32 {
    1
}

impl Criterion {
    /// Whether the criterion holds for `value`; `None` when it cannot be told (no regional value).
    pub fn holds(&self, value: f64) -> Option<bool> {
        Some(match self.kind {
            CriterionKind::PercentBelow | CriterionKind::ValueBelow => value < self.threshold,
            CriterionKind::PercentAbove | CriterionKind::ValueAbove => value > self.threshold,
            CriterionKind::BelowRegionalBy => self.regional? - value > self.threshold,
            CriterionKind::Present => value >= 0.5,
        })
    }
}

/// The lists and thresholds in force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriteriaSet {
    pub id: Id,
    pub name: String,
    pub groups: Vec<CriteriaGroup>,
    pub criteria: Vec<Criterion>,
    pub updated_at: Timestamp,
}

impl CriteriaSet {
    /// The shipped defaults (`assets/criteria/default.json`).
    pub fn builtin() -> Self {
        serde_json::from_str(DEFAULT_CRITERIA_JSON).expect("the shipped criteria parse")
    }

    pub fn group(&self, id: &str) -> Option<&CriteriaGroup> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The criteria of one group, in order.
    pub fn criteria_of<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a Criterion> + 'a {
        self.criteria.iter().filter(move |c| c.group == group)
    }

    /// What is wrong with the set (empty when it can be saved).
    pub fn problems(&self) -> Vec<CriteriaProblem> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for c in &self.criteria {
            let id = || c.id.clone();
            if c.id.trim().is_empty() {
                out.push(CriteriaProblem::NoKey);
            } else if !seen.insert(c.id.as_str()) {
                out.push(CriteriaProblem::DuplicateKey(id()));
            }
            if c.text.trim().is_empty() {
                out.push(CriteriaProblem::NoText(id()));
            }
            if self.group(&c.group).is_none() {
                out.push(CriteriaProblem::UnknownGroup {
                    criterion: id(),
                    group: c.group.clone(),
                });
            }
            if !c.threshold.is_finite() {
                out.push(CriteriaProblem::BadThreshold(id()));
            }
        }
        out
    }
}

/// One thing wrong with an edited criteria set, with the criterion it concerns (by key). Worded in
/// `assets/i18n/*.ftl` (keys `criteria-problem-*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CriteriaProblem {
    NoKey,
    DuplicateKey(String),
    NoText(String),
    UnknownGroup { criterion: String, group: String },
    BadThreshold(String),
}

crate::i18n::display_in_russian!(CriteriaProblem);

impl crate::i18n::Localize for CriteriaProblem {
    fn message(&self, i18n: &crate::i18n::I18n) -> String {
        use crate::i18n::Arg;
        let criterion = |key: &str, id: &str| i18n.tr_args(key, &[("criterion", Arg::Str(id))]);
        match self {
            CriteriaProblem::NoKey => i18n.tr("criteria-problem-no-key"),
            CriteriaProblem::DuplicateKey(id) => criterion("criteria-problem-duplicate-key", id),
            CriteriaProblem::NoText(id) => criterion("criteria-problem-no-text", id),
            CriteriaProblem::UnknownGroup {
                criterion: id,
                group,
            } => i18n.tr_args(
                "criteria-problem-unknown-group",
                &[("criterion", Arg::Str(id)), ("group", Arg::Str(group))],
            ),
            CriteriaProblem::BadThreshold(id) => criterion("criteria-problem-bad-threshold", id),
        }
    }
}

/// A school's value for one criterion (yes/no facts are 1 or 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionValue {
    pub school_id: Id,
    pub criterion: String,
    pub value: f64,
    pub updated_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_set_holds_the_programme_lists() {
        let set = CriteriaSet::builtin();
        assert!(set.problems().is_empty(), "{:?}", set.problems());
        assert_eq!(set.criteria_of("shnor").count(), 7);
        assert_eq!(set.criteria_of("shnsu").count(), 10);
        assert_eq!(set.criteria_of("risk").count(), 10);
        assert_eq!(set.group("risk").unwrap().min_points, 3);
        assert_eq!(set.group("risk").unwrap().category, Category::RiskZone);
        assert!(set.criteria.iter().all(|c| c.points == 1));
    }

    #[test]
    fn kinds_test_values_as_written() {
        let mut c = Criterion {
            id: "x".into(),
            group: "g".into(),
            text: "t".into(),
            kind: CriterionKind::ValueBelow,
            threshold: 3.2,
            regional: None,
            points: 1,
        };
        assert_eq!(c.holds(3.1), Some(true));
        assert_eq!(c.holds(3.2), Some(false));
        c.kind = CriterionKind::PercentAbove;
        c.threshold = 30.0;
        assert_eq!(c.holds(31.0), Some(true));
        c.kind = CriterionKind::BelowRegionalBy;
        c.threshold = 20.0;
        assert_eq!(c.holds(40.0), None, "no regional value yet");
        c.regional = Some(70.0);
        assert_eq!(c.holds(49.0), Some(true));
        assert_eq!(c.holds(50.0), Some(false));
        c.kind = CriterionKind::Present;
        assert_eq!(c.holds(1.0), Some(true));
        assert_eq!(c.holds(0.0), Some(false));
    }

    #[test]
    fn problems_name_the_criterion_in_either_language() {
        use crate::i18n::{I18n, Language, Localize};
        let mut set = CriteriaSet::builtin();
        let first = set.criteria[0].clone();
        set.criteria.push(first.clone());
        set.criteria[1].group = "нет-такой".into();
        let problems = set.problems();
        assert_eq!(
            problems,
            vec![
                CriteriaProblem::UnknownGroup {
                    criterion: set.criteria[1].id.clone(),
                    group: "нет-такой".into()
                },
                CriteriaProblem::DuplicateKey(first.id.clone()),
            ]
        );
        let ru = I18n::new(Language::Russian);
        let en = I18n::new(Language::English);
        assert_eq!(
            problems[1].message(&ru),
            format!("Ключ критерия «{}» встречается дважды", first.id)
        );
        assert_eq!(
            problems[1].message(&en),
            format!("The criterion key “{}” occurs twice", first.id)
        );
    }
}
