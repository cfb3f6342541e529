//! What the deadline parser understood, shown small under the deadline text. Derived once per distinct
//! deadline text and plan period, never per frame.

use std::collections::HashMap;

use crate::model::Period;

#[derive(Debug, Default)]
pub struct Explanations {
    period: Option<Period>,
    by_text: HashMap<String, String>,
}

impl Explanations {
    /// The explanation of `deadline` within `period` (empty for an empty deadline).
    pub fn get(&mut self, deadline: &str, period: Period) -> &str {
        if self.period != Some(period) {
            self.by_text.clear();
            self.period = Some(period);
        }
        if deadline.trim().is_empty() {
            return "";
        }
        if !self.by_text.contains_key(deadline) {
            let explanation = crate::schedule::derive(deadline, period).explanation;
            self.by_text.insert(deadline.to_owned(), explanation);
        }
        &self.by_text[deadline]
    }

    /// How many texts were derived (for tests).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.by_text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_text_is_derived_once_per_period() {
        let mut e = Explanations::default();
        let period = Period::school_year(2021);
        let first = e.get("ежегодно, май", period).to_owned();
        assert!(!first.is_empty());
        assert_eq!(e.get("ежегодно, май", period), first);
        assert_eq!(e.get("", period), "");
        assert_eq!(e.len(), 1);
        e.get("ежегодно, май", Period::school_year(2022));
        assert_eq!(e.len(), 1, "a new period starts afresh");
    }
}
