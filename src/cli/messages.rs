//! The command line's language (`--lang`) and its error messages: a typed error of the layers below is
//! worded once, through Fluent ([`Localize`]), in that language; any other error keeps its own text.

use clap::ValueEnum;

use crate::exchange::ExchangeError;
use crate::exchange::office::OfficeError;
use crate::i18n::{Arg, I18n, Language, Localize};
use crate::store::StoreError;

/// The languages the command line speaks (`--lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Lang {
    /// Русский (по умолчанию).
    #[default]
    Ru,
    /// English.
    En,
}

impl Lang {
    pub fn language(self) -> Language {
        match self {
            Lang::Ru => Language::Russian,
            Lang::En => Language::English,
        }
    }
}

/// The line printed for a failed command: "Ошибка: …" / "Error: …". The chain of causes is followed until
/// a typed error, whose message already carries its own details.
pub fn error_line(error: &anyhow::Error, lang: Lang) -> String {
    let i18n = I18n::new(lang.language());
    let mut parts = Vec::new();
    for cause in error.chain() {
        if let Some(message) = localized(cause, &i18n) {
            parts.push(message);
            break;
        }
        parts.push(cause.to_string());
    }
    i18n.tr_args("cli-error", &[("message", Arg::Str(&parts.join(": ")))])
}

fn localized(cause: &(dyn std::error::Error + 'static), i18n: &I18n) -> Option<String> {
    if let Some(e) = cause.downcast_ref::<ExchangeError>() {
        return Some(e.message(i18n));
    }
    if let Some(e) = cause.downcast_ref::<StoreError>() {
        return Some(e.message(i18n));
    }
    if let Some(e) = cause.downcast_ref::<OfficeError>() {
        return Some(e.message(i18n));
    }
    localized_reader(cause, i18n)
}

/// The typed errors of the table readers, the trust checks, output files and change conflicts.
fn localized_reader(cause: &(dyn std::error::Error + 'static), i18n: &I18n) -> Option<String> {
    use crate::exchange::{
        decode::DecodeError, limits::LimitError, schools_csv::SchoolsCsvError,
        table_import::TableError, trust::TrustError,
    };
    let typed: Option<&dyn crate::i18n::Localize> = None
        .or_else(|| {
            cause
                .downcast_ref::<crate::output::OutputError>()
                .map(|e| e as _)
        })
        .or_else(|| cause.downcast_ref::<SchoolsCsvError>().map(|e| e as _))
        .or_else(|| cause.downcast_ref::<TableError>().map(|e| e as _))
        .or_else(|| cause.downcast_ref::<LimitError>().map(|e| e as _))
        .or_else(|| cause.downcast_ref::<DecodeError>().map(|e| e as _))
        .or_else(|| cause.downcast_ref::<TrustError>().map(|e| e as _))
        .or_else(|| {
            cause
                .downcast_ref::<crate::model::ChangeMismatch>()
                .map(|e| e as _)
        });
    typed.map(|e| e.message(i18n))
}
