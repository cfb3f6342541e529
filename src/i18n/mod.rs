//! Translations through Fluent (`assets/i18n/*.ftl`): Russian by default, English second.
//! Fluent carries the CLDR plural rules, so "1 мероприятие / 3 мероприятия / 5 мероприятий" come out right.

mod localize;

#[cfg(test)]
pub(crate) use localize::assert_opens_with;
pub use localize::{Localize, in_russian, russian};
pub(crate) use localize::{display_in_russian, localized_by_key, num};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// The Russian plural form of a count, by the CLDR rule Fluent applies to `ru` messages:
/// `russian_plural(n, "срок", "срока", "сроков")`. For Russian text put together outside Fluent (the
/// schedule's summaries, the HTML report); everything translated goes through the `.ftl` files.
pub fn russian_plural<'a>(n: usize, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let (n10, n100) = (n % 10, n % 100);
    if n10 == 1 && n100 != 11 {
        one
    } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
        few
    } else {
        many
    }
}

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Language {
    #[default]
    Russian,
    English,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Russian, Language::English];

    /// The language's own name, shown in the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::Russian => "Русский",
            Language::English => "English",
        }
    }

    fn source(self) -> &'static str {
        match self {
            Language::Russian => include_str!("../../assets/i18n/ru.ftl"),
            Language::English => include_str!("../../assets/i18n/en.ftl"),
        }
    }

    fn tag(self) -> unic_langid::LanguageIdentifier {
        match self {
            Language::Russian => unic_langid::langid!("ru"),
            Language::English => unic_langid::langid!("en"),
        }
    }
}

/// The messages of one language. A missing key shows as the key itself, so a gap is visible, not silent.
pub struct I18n {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

impl I18n {
    pub fn new(language: Language) -> Self {
        let resource =
            FluentResource::try_new(language.source().to_owned()).unwrap_or_else(|(_, errors)| {
                panic!("{language:?} translations do not parse: {errors:?}")
            });
        let mut bundle = FluentBundle::new(vec![language.tag()]);
        // Unicode isolation marks would show as boxes in labels and break search by label.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("{language:?} translations clash: {errors:?}"));
        Self { language, bundle }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The message `key` with no arguments.
    pub fn tr(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with named arguments; numbers select plural forms.
    pub fn tr_args(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Str(s) => FluentValue::from(*s),
                Arg::Num(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        self.format(key, Some(&fluent_args))
    }

    /// Shorthand for a message with one number, e.g. `count("measures-count", 5)`.
    pub fn count(&self, key: &str, n: usize) -> String {
        self.tr_args(key, &[("count", Arg::Num(n as f64))])
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    /// Every message key of this language (to check both languages have the same keys).
    pub fn keys(&self) -> Vec<String> {
        let resource =
            FluentResource::try_new(self.language.source().to_owned()).unwrap_or_else(|(r, _)| r);
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }
}

/// An argument of a message.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(f64),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plural_forms_follow_the_language() {
        let ru = I18n::new(Language::Russian);
        assert_eq!(ru.count("measures-count", 1), "1 мероприятие");
        assert_eq!(ru.count("measures-count", 3), "3 мероприятия");
        assert_eq!(ru.count("measures-count", 5), "5 мероприятий");
        assert_eq!(ru.count("measures-count", 21), "21 мероприятие");
        assert_eq!(ru.count("measures-count", 112), "112 мероприятий");
        let en = I18n::new(Language::English);
        assert_eq!(en.count("measures-count", 1), "1 measure");
        assert_eq!(en.count("measures-count", 5), "5 measures");
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        let mut ru = I18n::new(Language::Russian).keys();
        let mut en = I18n::new(Language::English).keys();
        ru.sort();
        en.sort();
        assert!(!ru.is_empty());
        assert_eq!(ru, en);
    }

    #[test]
    fn a_missing_key_shows_itself() {
        assert_eq!(
            I18n::new(Language::Russian).tr("no-such-key"),
            "no-such-key"
        );
    }
}
