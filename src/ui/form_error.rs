//! What a form says is wrong with what was typed (a plan's title and period, an indicator, a date): kept
//! typed in the form's state and worded when drawn, in the window's language.

use crate::i18n::{Arg, I18n, Localize};
use crate::model::ValidationError;

#[derive(Debug, Clone, PartialEq)]
pub enum FormError {
    PlanTitleEmpty,
    /// A date not written as дд.мм.гггг.
    DateFormat,
    PeriodReversed,
    /// An indicator's value that is not a number, as typed.
    IndicatorValue {
        name: String,
        value: String,
    },
    /// An indicator row with values and no name.
    IndicatorName,
    /// What the model's check refuses.
    Invalid(ValidationError),
}

impl From<ValidationError> for FormError {
    fn from(error: ValidationError) -> Self {
        FormError::Invalid(error)
    }
}

impl Localize for FormError {
    fn message(&self, i18n: &I18n) -> String {
        match self {
            FormError::PlanTitleEmpty => i18n.tr("error-plan-title-empty"),
            FormError::DateFormat => i18n.tr("error-date-format"),
            FormError::PeriodReversed => i18n.tr("error-period-reversed"),
            FormError::IndicatorValue { name, value } => i18n.tr_args(
                "plan-header-error-indicator-value",
                &[("name", Arg::Str(name)), ("value", Arg::Str(value))],
            ),
            FormError::IndicatorName => i18n.tr("plan-header-error-indicator-name"),
            FormError::Invalid(e) => e.message(i18n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn every_form_error_is_worded_in_russian_and_in_english() {
        let ru = I18n::new(Language::Russian);
        let en = I18n::new(Language::English);
        let all = [
            FormError::PlanTitleEmpty,
            FormError::DateFormat,
            FormError::PeriodReversed,
            FormError::IndicatorValue {
                name: "Доля".into(),
                value: "много".into(),
            },
            FormError::IndicatorName,
            FormError::Invalid(ValidationError::EmptySchoolName),
        ];
        for e in &all {
            let (r, n) = (e.message(&ru), e.message(&en));
            assert!(!r.is_empty() && !n.is_empty() && r != n, "{e:?}: {r} / {n}");
        }
        assert_eq!(
            FormError::IndicatorValue {
                name: "Доля".into(),
                value: "много".into()
            }
            .message(&en),
            "Indicator \"Доля\": \"много\" is not a number"
        );
    }
}
