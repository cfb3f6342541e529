//! Typed errors turned into text once, through Fluent, in the user's language. Each error enum of the
//! layers below the window implements [`Localize`]; its `Display` is the Russian message (what the CLI prints
//! by default and what logs show), so the text lives in one place: the `.ftl` files.

use std::cell::OnceCell;

use super::{Arg, I18n, Language};

/// A message for the user in the language of `i18n`; a library's own text, where there is one, comes only
/// as a detail after ours.
pub trait Localize {
    fn message(&self, i18n: &I18n) -> String;
}

/// The message in Russian (the default language), for `Display`.
pub fn russian(error: &dyn Localize) -> String {
    in_russian(|i18n| error.message(i18n))
}

/// Runs `f` with the Russian translations (built once per thread).
pub fn in_russian<R>(f: impl FnOnce(&I18n) -> R) -> R {
    thread_local! {
        static RUSSIAN: OnceCell<I18n> = const { OnceCell::new() };
    }
    RUSSIAN.with(|cell| f(cell.get_or_init(|| I18n::new(Language::Russian))))
}

/// Checks that an error's message opens with `russian_start` in Russian and `english_start` in English.
#[cfg(test)]
pub(crate) fn assert_opens_with(error: &dyn Localize, russian_start: &str, english_start: &str) {
    let ru = russian(error);
    let en = error.message(&I18n::new(Language::English));
    assert!(ru.starts_with(russian_start), "{ru}");
    assert!(en.starts_with(english_start), "{en}");
}

/// A number argument.
pub(crate) fn num(n: impl Into<f64>) -> Arg<'static> {
    Arg::Num(n.into())
}

/// `Display` for an error enum that implements [`Localize`]: its Russian message.
macro_rules! display_in_russian {
    ($error:ty) => {
        impl std::fmt::Display for $error {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::i18n::russian(self))
            }
        }
    };
}
pub(crate) use display_in_russian;

/// [`Localize`] and `Display` for an error enum of plain reasons, each with its Fluent key; given a wrapping
/// message (`in "key" as arg`), the reason's text goes into it as that argument.
macro_rules! localized_by_key {
    ($error:ident { $($reason:ident => $key:literal),+ $(,)? }) => {
        $crate::i18n::display_in_russian!($error);
        impl $crate::i18n::Localize for $error {
            fn message(&self, i18n: &$crate::i18n::I18n) -> String {
                i18n.tr(match self {
                    $($error::$reason => $key,)+
                })
            }
        }
    };
    ($error:ident in $message:literal as $arg:literal { $($reason:ident => $key:literal),+ $(,)? }) => {
        $crate::i18n::display_in_russian!($error);
        impl $crate::i18n::Localize for $error {
            fn message(&self, i18n: &$crate::i18n::I18n) -> String {
                let reason = i18n.tr(match self {
                    $($error::$reason => $key,)+
                });
                i18n.tr_args($message, &[($arg, $crate::i18n::Arg::Str(&reason))])
            }
        }
    };
}
pub(crate) use localized_by_key;
