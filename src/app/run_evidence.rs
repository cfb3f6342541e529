//! Opening an evidence link by the policy of [`crate::model::EvidenceTarget`]: a web page at once, a local
//! file only after the user confirms its full path (the window asks), never a program, a script, a
//! shortcut or a network path.

use std::path::Path;

use crate::model::{EvidenceTarget, evidence_target};

use super::{AppError, RoadmapApp};

impl RoadmapApp {
    /// «Открыть» on an evidence text.
    pub(super) fn open_evidence(&mut self, text: &str) -> Result<(), AppError> {
        match evidence_target(text) {
            EvidenceTarget::Web(url) => self.open_with_system(&url),
            EvidenceTarget::LocalFile(path) => {
                self.data.confirm_open = Some(path);
                Ok(())
            }
            EvidenceTarget::Refused(refusal) => Err(AppError::EvidenceRefused {
                refusal,
                link: crate::model::evidence_link(text)
                    .unwrap_or(text.trim())
                    .to_owned(),
            }),
            EvidenceTarget::None => Ok(()),
        }
    }

    /// The user confirmed opening the local file the window named (checked again: nothing else opens).
    pub(super) fn open_confirmed_file(&mut self, path: &Path) -> Result<(), AppError> {
        let asked = self.data.confirm_open.take();
        if asked.as_deref() != Some(path) {
            return Ok(());
        }
        match evidence_target(&path.to_string_lossy()) {
            EvidenceTarget::LocalFile(path) => self.open_with_system(&path.to_string_lossy()),
            _ => Ok(()),
        }
    }

    fn open_with_system(&self, target: &str) -> Result<(), AppError> {
        open::that_detached(target).map_err(|error| AppError::EvidenceNotOpened {
            target: target.to_owned(),
            error,
        })
    }
}
