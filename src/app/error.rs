//! What can go wrong when the runner carries out a command. A handler returns `Result<_, AppError>`; a layer's
//! typed error comes in through `?` and keeps its kinds and values. The text is made once, where the error is
//! shown (`RoadmapApp::show_error`), in the window's language at that moment — an error that crossed a job's
//! thread is worded when it arrives, so a language switch meanwhile still counts.

use std::path::PathBuf;
use std::sync::Arc;

use crate::exchange::ExchangeError;
use crate::exchange::limits::LimitError;
use crate::exchange::missing::Missing;
use crate::exchange::office::OfficeError;
use crate::exchange::schools_csv::SchoolsCsvError;
use crate::exchange::table_import::TableError;
use crate::exchange::table_import::stage::StageError;
use crate::i18n::{Arg, I18n, Localize};
use crate::model::{ChangeMismatch, CriteriaProblem, Refusal, ValidationError};
use crate::output::OutputError;
use crate::store::StoreError;

/// A failure of a command: a layer's error, or one of the app's own with its values.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    Store(#[from] StoreError),
    Exchange(#[from] ExchangeError),
    Office(#[from] OfficeError),
    Table(#[from] TableError),
    Limit(#[from] LimitError),
    Stage(#[from] StageError),
    /// Worded as the window says it (`OutputError::in_window`).
    Output(#[from] OutputError),
    Validation(#[from] ValidationError),
    Mismatch(#[from] ChangeMismatch),
    SchoolsCsv(#[from] SchoolsCsvError),
    /// No plan is open.
    NoPlan,
    /// The measure is gone (deleted meanwhile).
    NoMeasure,
    NoSection,
    NoSchool,
    /// The import conflict was resolved already.
    NoConflict,
    /// Another job still runs: one at a time.
    Busy,
    /// Reports (or an import) that need what the database lacks, applied without the user's word to add it.
    MissingReferences(Vec<Missing>),
    /// Nothing chosen is a school's report file.
    NoReports,
    /// A file that is not a school's report (it must hold one school and only its plans).
    NotAReport,
    /// A school's report that could not be applied (the school by its display name); the reports after it
    /// were not applied.
    ReportRefused {
        school: String,
        error: Box<AppError>,
    },
    /// A folder whose files could not be listed; the system's text is the detail.
    FolderUnreadable {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The plan concerns no school of the registry.
    NothingToSend,
    SchoolsCsvTooLarge,
    /// An edited criteria set that cannot be saved, with all that is wrong with it.
    CriteriaProblems(Vec<CriteriaProblem>),
    /// A schools' list that could not be read; the system's text is the detail.
    SchoolsCsvUnreadable {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A school's plan with no measure ticked and none of its own.
    SchoolPlanEmpty,
    /// The clipboard holds no table rows.
    PasteEmpty,
    /// The settings file was not written.
    SettingsNotSaved(crate::config::SettingsError),
    FolderNotCreated {
        path: PathBuf,
    },
    FolderNotOpened {
        path: PathBuf,
    },
    /// An evidence link the policy does not open.
    EvidenceRefused {
        refusal: Refusal,
        link: String,
    },
    /// The system could not open an evidence link or file.
    EvidenceNotOpened {
        target: String,
        error: std::io::Error,
    },
    /// A failure carried back from a job that was also kept elsewhere (see [`JobFailure`]).
    Job(Arc<AppError>),
}

/// A failure that crossed a job's thread, inside the command that brings the job's result back (commands
/// are cloned and compared, an `AppError` is neither): shared, equal only to itself. It becomes the
/// `AppError` again where the runner takes the result, and is worded only when shown.
#[derive(Debug, Clone)]
pub struct JobFailure(Arc<AppError>);

impl JobFailure {
    pub fn new(error: impl Into<AppError>) -> Self {
        JobFailure(Arc::new(error.into()))
    }
}

impl Localize for JobFailure {
    fn message(&self, i18n: &I18n) -> String {
        self.0.message(i18n)
    }
}

impl PartialEq for JobFailure {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl From<JobFailure> for AppError {
    fn from(failure: JobFailure) -> Self {
        Arc::try_unwrap(failure.0).unwrap_or_else(AppError::Job)
    }
}

crate::i18n::display_in_russian!(AppError);

/// Several problems, one a line.
fn lines(problems: &[impl Localize], i18n: &I18n) -> String {
    problems
        .iter()
        .map(|p| p.message(i18n))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Localize for AppError {
    fn message(&self, i18n: &I18n) -> String {
        let path = |key: &str, path: &std::path::Path| {
            i18n.tr_args(key, &[("path", Arg::Str(&path.display().to_string()))])
        };
        match self {
            AppError::Store(e) => e.message(i18n),
            AppError::Exchange(e) => e.message(i18n),
            AppError::Office(e) => e.message(i18n),
            AppError::Table(e) => e.message(i18n),
            AppError::Limit(e) => e.message(i18n),
            AppError::Stage(e) => e.message(i18n),
            AppError::Output(e) => e.in_window(i18n.language()),
            AppError::Validation(e) => e.message(i18n),
            AppError::Mismatch(e) => e.message(i18n),
            AppError::SchoolsCsv(e) => e.message(i18n),
            AppError::NoPlan => i18n.tr("error-no-plan"),
            AppError::NoMeasure => i18n.tr("error-no-measure"),
            AppError::NoSection => i18n.tr("error-no-section"),
            AppError::NoSchool => i18n.tr("schools-error-no-school"),
            AppError::NoConflict => i18n.tr("error-no-conflict"),
            AppError::Busy => i18n.tr("job-busy"),
            AppError::MissingReferences(missing) => lines(missing, i18n),
            AppError::NoReports => i18n.tr("exchange-no-reports"),
            AppError::NotAReport => i18n.tr("exchange-not-a-report"),
            AppError::ReportRefused { school, error } => format!(
                "{}: {}",
                i18n.tr_args("exchange-report-of", &[("school", Arg::Str(school))]),
                error.message(i18n)
            ),
            AppError::FolderUnreadable { path, error } => i18n.tr_args(
                "chooser-error-unreadable",
                &[
                    ("path", Arg::Str(&path.display().to_string())),
                    (
                        "reason",
                        Arg::Str(&crate::output::io_reason_in(error, i18n)),
                    ),
                ],
            ),
            AppError::NothingToSend => i18n.tr("exchange-send-no-schools"),
            AppError::SchoolsCsvTooLarge => i18n.tr("schools-error-csv-too-large"),
            AppError::CriteriaProblems(problems) => lines(problems, i18n),
            AppError::SchoolsCsvUnreadable { path, error } => format!(
                "{} {}: {}",
                i18n.tr("schools-error-read-file"),
                path.display(),
                crate::output::io_reason_in(error, i18n)
            ),
            AppError::SchoolPlanEmpty => i18n.tr("schools-error-school-plan-empty"),
            AppError::PasteEmpty => i18n.tr("paste-error-empty"),
            AppError::SettingsNotSaved(e) => i18n.tr_args(
                "settings-save-error",
                &[("error", Arg::Str(&e.message(i18n)))],
            ),
            AppError::FolderNotCreated { path: p } => path("settings-folder-create-error", p),
            AppError::FolderNotOpened { path: p } => path("settings-folder-open-error", p),
            AppError::EvidenceRefused { refusal, link } => {
                let key = match refusal {
                    Refusal::Executable => "evidence-refused-executable",
                    Refusal::Network => "evidence-refused-network",
                    Refusal::Unsupported => "evidence-refused-unsupported",
                };
                i18n.tr_args(key, &[("link", Arg::Str(link))])
            }
            AppError::EvidenceNotOpened { target, error } => i18n.tr_args(
                "schools-error-open-evidence",
                &[
                    ("path", Arg::Str(target)),
                    (
                        "reason",
                        Arg::Str(&crate::output::io_reason_in(error, i18n)),
                    ),
                ],
            ),
            AppError::Job(error) => error.message(i18n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use std::io;

    /// One value of every variant (a new variant must be added here: the match below does not compile
    /// without it).
    fn one_of_each() -> Vec<AppError> {
        let path = PathBuf::from("/tmp/x");
        let io = || io::Error::new(io::ErrorKind::NotFound, "os text");
        let all = vec![
            AppError::Store(StoreError::Locked(path.clone())),
            AppError::Exchange(ExchangeError::Empty),
            AppError::Office(OfficeError::Encrypted),
            AppError::Table(TableError::NoHeader),
            AppError::Limit(LimitError::Columns),
            AppError::Stage(StageError::Table(TableError::NoData)),
            AppError::Output(OutputError::Protected(path.clone())),
            AppError::Validation(ValidationError::EmptyPlanTitle),
            AppError::Mismatch(ChangeMismatch::SectionMoved),
            AppError::SchoolsCsv(SchoolsCsvError::NoNameColumn),
            AppError::NoPlan,
            AppError::NoMeasure,
            AppError::NoSection,
            AppError::NoSchool,
            AppError::NoConflict,
            AppError::Busy,
            AppError::MissingReferences(vec![Missing {
                school: crate::model::School::new("СОШ № 2"),
                school_unknown: true,
                unknown_measures: 0,
            }]),
            AppError::NoReports,
            AppError::NotAReport,
            AppError::ReportRefused {
                school: "Школа № 1".into(),
                error: Box::new(AppError::Store(StoreError::Damaged(path.clone()))),
            },
            AppError::FolderUnreadable {
                path: path.clone(),
                error: io(),
            },
            AppError::Job(Arc::new(AppError::Store(StoreError::NotADatabase(
                path.clone(),
            )))),
            AppError::NothingToSend,
            AppError::SchoolsCsvTooLarge,
            AppError::CriteriaProblems(vec![
                CriteriaProblem::NoKey,
                CriteriaProblem::UnknownGroup {
                    criterion: "k1".into(),
                    group: "g".into(),
                },
            ]),
            AppError::SchoolsCsvUnreadable {
                path: path.clone(),
                error: io(),
            },
            AppError::SchoolPlanEmpty,
            AppError::PasteEmpty,
            AppError::SettingsNotSaved(crate::config::SettingsError::NoFolder),
            AppError::FolderNotCreated { path: path.clone() },
            AppError::FolderNotOpened { path: path.clone() },
            AppError::EvidenceRefused {
                refusal: Refusal::Network,
                link: r"\\server\share".into(),
            },
            AppError::EvidenceNotOpened {
                target: "x.pdf".into(),
                error: io(),
            },
        ];
        for e in &all {
            // Exhaustive: a variant missing from the list above fails to compile here.
            match e {
                AppError::Store(_)
                | AppError::Exchange(_)
                | AppError::Office(_)
                | AppError::Table(_)
                | AppError::Limit(_)
                | AppError::Stage(_)
                | AppError::Output(_)
                | AppError::Validation(_)
                | AppError::Mismatch(_)
                | AppError::SchoolsCsv(_)
                | AppError::NoPlan
                | AppError::NoMeasure
                | AppError::NoSection
                | AppError::NoSchool
                | AppError::NoConflict
                | AppError::Busy
                | AppError::MissingReferences(_)
                | AppError::NoReports
                | AppError::NotAReport
                | AppError::ReportRefused { .. }
                | AppError::FolderUnreadable { .. }
                | AppError::Job(_)
                | AppError::NothingToSend
                | AppError::SchoolsCsvTooLarge
                | AppError::CriteriaProblems(_)
                | AppError::SchoolsCsvUnreadable { .. }
                | AppError::SchoolPlanEmpty
                | AppError::PasteEmpty
                | AppError::SettingsNotSaved(_)
                | AppError::FolderNotCreated { .. }
                | AppError::FolderNotOpened { .. }
                | AppError::EvidenceRefused { .. }
                | AppError::EvidenceNotOpened { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_error_is_worded_in_russian_and_in_english() {
        let ru = I18n::new(Language::Russian);
        let en = I18n::new(Language::English);
        let errors = one_of_each();
        let mut russian = std::collections::HashSet::new();
        for e in &errors {
            let (r, n) = (e.message(&ru), e.message(&en));
            assert!(!r.trim().is_empty() && !n.trim().is_empty(), "{e:?}");
            assert_ne!(r, n, "{e:?} is worded the same in both languages");
            assert!(
                !r.contains("error-") && !n.contains("error-"),
                "a key shown: {r} / {n}"
            );
            assert!(
                r.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я')),
                "not Russian: {r}"
            );
            assert_eq!(e.to_string(), r, "Display is the Russian message");
            russian.insert(r);
        }
        assert_eq!(russian.len(), errors.len(), "two variants worded alike");
    }

    #[test]
    fn a_job_failure_comes_back_as_the_error_it_carried() {
        let failure = JobFailure::new(StoreError::Locked(PathBuf::from("/tmp/x")));
        assert_eq!(failure, failure.clone());
        assert_ne!(failure, JobFailure::new(AppError::Busy));
        let error = AppError::from(failure);
        assert!(
            matches!(error, AppError::Store(StoreError::Locked(_))),
            "{error:?}"
        );
    }

    #[test]
    fn a_system_text_comes_only_as_a_detail_after_ours() {
        let error = AppError::EvidenceNotOpened {
            target: "x.pdf".into(),
            error: io::Error::new(io::ErrorKind::PermissionDenied, "os text"),
        };
        assert_eq!(
            error.message(&I18n::new(Language::Russian)),
            "Не удалось открыть «x.pdf»: нет прав доступа (подробности: os text)"
        );
        assert_eq!(
            error.message(&I18n::new(Language::English)),
            "Could not open “x.pdf”: permission denied (details: os text)"
        );
    }

    #[test]
    fn the_app_words_its_own_failures_as_the_user_reads_them() {
        let ru = I18n::new(Language::Russian);
        let en = I18n::new(Language::English);
        assert_eq!(
            AppError::NoMeasure.message(&en),
            "The measure was not found; it may have been deleted"
        );
        assert_eq!(
            AppError::FolderNotCreated {
                path: PathBuf::from("/tmp/x")
            }
            .message(&ru),
            "Не удалось создать папку /tmp/x"
        );
    }
}
