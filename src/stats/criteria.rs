//! Scoring a school's values against the identification criteria, and the categories that follow.
//!
//! Each criterion that holds adds its points to its group; a group whose points reach its `min_points`
//! proposes its category. A group whose values are all entered and whose points fall short proposes taking the
//! category off; with values missing it leaves the category as it is. The user confirms what is proposed.

use std::collections::HashMap;

use crate::model::{Category, CriteriaGroup, CriteriaSet, Criterion, CriterionKind};

/// One criterion tested against a school's value.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionResult<'a> {
    pub criterion: &'a Criterion,
    pub value: Option<f64>,
    /// `None` when it cannot be told: no value, or no regional value to compare with.
    pub holds: Option<bool>,
}

impl CriterionResult<'_> {
    /// Why the criterion holds, in Russian: its text and the value that made it hold.
    pub fn reason(&self) -> String {
        let c = self.criterion;
        match (self.value, c.kind) {
            (Some(_), CriterionKind::Present) | (None, _) => c.text.clone(),
            (Some(v), CriterionKind::PercentBelow | CriterionKind::PercentAbove) => {
                format!("{} (значение {}%)", c.text, number(v))
            }
            (Some(v), CriterionKind::BelowRegionalBy) => match c.regional {
                Some(r) => format!(
                    "{} (значение {}, региональное {}, разница {})",
                    c.text,
                    number(v),
                    number(r),
                    number(r - v)
                ),
                None => c.text.clone(),
            },
            (Some(v), _) => format!("{} (значение {})", c.text, number(v)),
        }
    }
}

/// A group's score.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupScore<'a> {
    pub group: &'a CriteriaGroup,
    pub points: u32,
    /// Points of all criteria of the group.
    pub max_points: u32,
    pub results: Vec<CriterionResult<'a>>,
}

impl GroupScore<'_> {
    /// The group's points reach the category's threshold.
    pub fn reached(&self) -> bool {
        self.points >= self.group.min_points
    }

    /// Every criterion of the group could be tested.
    pub fn complete(&self) -> bool {
        self.results.iter().all(|r| r.holds.is_some())
    }

    /// The criteria that hold.
    pub fn holding(&self) -> impl Iterator<Item = &CriterionResult<'_>> {
        self.results.iter().filter(|r| r.holds == Some(true))
    }
}

/// Scores a school's values (criterion id → value) group by group.
pub fn score<'a>(set: &'a CriteriaSet, values: &HashMap<String, f64>) -> Vec<GroupScore<'a>> {
    set.groups
        .iter()
        .map(|group| {
            let results: Vec<CriterionResult<'a>> = set
                .criteria_of(&group.id)
                .map(|criterion| {
                    let value = values.get(&criterion.id).copied();
                    CriterionResult {
                        criterion,
                        value,
                        holds: value.and_then(|v| criterion.holds(v)),
                    }
                })
                .collect();
            GroupScore {
                group,
                points: results
                    .iter()
                    .filter(|r| r.holds == Some(true))
                    .map(|r| r.criterion.points)
                    .sum(),
                max_points: results.iter().map(|r| r.criterion.points).sum(),
                results,
            }
        })
        .collect()
}

/// What the scores propose for a school's categories.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Proposal {
    /// The categories after confirmation, in `Category::ALL` order.
    pub categories: Vec<Category>,
    pub add: Vec<Category>,
    pub remove: Vec<Category>,
}

impl Proposal {
    pub fn changes_anything(&self) -> bool {
        !self.add.is_empty() || !self.remove.is_empty()
    }
}

/// The categories the scores propose, starting from the school's `current` ones (categories no group
/// decides, such as школа-лидер, are kept).
pub fn propose(scores: &[GroupScore<'_>], current: &[Category]) -> Proposal {
    let mut categories: Vec<Category> = current.to_vec();
    let mut add = Vec::new();
    let mut remove = Vec::new();
    for s in scores {
        let category = s.group.category;
        let has = categories.contains(&category);
        if s.reached() && !has {
            categories.push(category);
            add.push(category);
        } else if !s.reached() && s.complete() && has {
            categories.retain(|c| *c != category);
            remove.push(category);
        }
    }
    categories.sort_by_key(|c| Category::ALL.iter().position(|x| x == c));
    categories.dedup();
    Proposal {
        categories,
        add,
        remove,
    }
}

/// A number as Russians write it: a decimal comma, no trailing zeros.
pub fn number(v: f64) -> String {
    let text = format!("{:.2}", v);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, f64)]) -> HashMap<String, f64> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    /// The built-in criteria set, built once for the tests.
    static BUILTIN: std::sync::LazyLock<CriteriaSet> =
        std::sync::LazyLock::new(CriteriaSet::builtin);

    /// The groups of the built-in set scored on these values (criterion id, value).
    fn builtin_scores(pairs: &[(&str, f64)]) -> Vec<GroupScore<'static>> {
        score(&BUILTIN, &values(pairs))
    }

    #[test]
    fn three_risk_factors_propose_the_risk_zone() {
        let scores = builtin_scores(&[
            ("risk.teacher_shortage", 1.0),
            ("risk.internet", 1.0),
            ("risk.remoteness", 1.0),
            ("risk.computers", 0.0),
        ]);
        let risk = scores.iter().find(|s| s.group.id == "risk").unwrap();
        assert_eq!((risk.points, risk.max_points), (3, 10));
        assert!(risk.reached());
        assert!(!risk.complete());
        let p = propose(&scores, &[Category::Leader]);
        assert_eq!(p.add, vec![Category::RiskZone]);
        assert_eq!(p.categories, vec![Category::RiskZone, Category::Leader]);
        assert!(p.remove.is_empty());
    }

    #[test]
    fn low_results_score_one_point_each_with_reasons() {
        let scores = builtin_scores(&[
            ("shnor.oge_math", 3.1),
            ("shnor.oge_russian", 3.4),
            ("shnor.upper_level", 55.0),
            ("shnor.olympiad", 1.0),
        ]);
        let shnor = &scores[0];
        assert_eq!(shnor.points, 3);
        let reasons: Vec<String> = shnor.holding().map(|r| r.reason()).collect();
        assert!(
            reasons.contains(&"Средний балл ОГЭ по математике ниже 3,2 (значение 3,1)".to_owned()),
            "{reasons:?}"
        );
        assert!(reasons.iter().any(|r| r.contains("(значение 55%)")));
        assert_eq!(propose(&scores, &[]).add, vec![Category::Shnor]);
    }

    #[test]
    fn a_complete_group_below_threshold_proposes_removal_an_incomplete_one_keeps() {
        let set = CriteriaSet::builtin();
        let all_no: HashMap<String, f64> = set
            .criteria_of("risk")
            .map(|c| (c.id.clone(), 0.0))
            .collect();
        let p = propose(
            &score(&set, &all_no),
            &[Category::RiskZone, Category::Shnor],
        );
        assert_eq!(p.remove, vec![Category::RiskZone]);
        assert_eq!(
            p.categories,
            vec![Category::Shnor],
            "ШНОР values are missing: kept"
        );
    }

    #[test]
    fn regional_comparison_needs_the_regional_value() {
        let mut set = CriteriaSet::builtin();
        let v = values(&[("shnor.ege_math", 30.0)]);
        let result = |set: &CriteriaSet| {
            score(set, &v)[0]
                .results
                .iter()
                .find(|r| r.criterion.id == "shnor.ege_math")
                .unwrap()
                .holds
        };
        assert_eq!(result(&set), None);
        set.criteria
            .iter_mut()
            .find(|c| c.id == "shnor.ege_math")
            .unwrap()
            .regional = Some(56.0);
        assert_eq!(result(&set), Some(true));
        assert_eq!(number(3.0), "3");
        assert_eq!(number(0.5), "0,5");
    }
}
