//! Files for unit tests: a temporary folder with one file in it.

use std::path::PathBuf;

/// A new temporary folder (removed when the returned guard is dropped) holding `name` with `bytes`.
pub(crate) fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}
