//! Which file a path names, whatever the path: (device, inode) on Unix, (volume serial number, file index)
//! on Windows. Two paths with the same identity are the same file — a hard link, a symbolic link or another
//! spelling of one name. The database lock and the output guard both ask here.

use std::path::Path;

/// The identity of the existing file at `path`, or `None` when it cannot be read.
#[cfg(unix)]
pub(crate) fn of(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.dev(), meta.ino()))
}

/// The identity of the existing file at `path`, or `None` when it cannot be read.
#[cfg(windows)]
pub(crate) fn of(path: &Path) -> Option<(u64, u64)> {
    use std::os::windows::io::AsRawHandle;
    use windows_sys::Win32::Storage::FileSystem::{
        BY_HANDLE_FILE_INFORMATION, GetFileInformationByHandle,
    };
    // Opened for reading with the default sharing (read, write, delete): SQLite's own handles are not
    // disturbed.
    let file = std::fs::File::open(path).ok()?;
    // SAFETY: an all-zero BY_HANDLE_FILE_INFORMATION is a valid value of this plain C struct.
    let mut info: BY_HANDLE_FILE_INFORMATION = unsafe { std::mem::zeroed() };
    // SAFETY: the handle stays open for the call and `info` is a valid place to write the answer.
    let ok = unsafe { GetFileInformationByHandle(file.as_raw_handle() as _, &mut info) };
    if ok == 0 {
        return None;
    }
    let index = (u64::from(info.nFileIndexHigh) << 32) | u64::from(info.nFileIndexLow);
    Some((u64::from(info.dwVolumeSerialNumber), index))
}

/// Elsewhere: the resolved path stands for the file (hard links are not told apart).
#[cfg(not(any(unix, windows)))]
pub(crate) fn of(path: &Path) -> Option<(u64, u64)> {
    use std::hash::{Hash, Hasher};
    let resolved = std::fs::canonicalize(path).ok()?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    resolved.hash(&mut hasher);
    Some((0, hasher.finish()))
}

/// Whether two existing paths are the same file.
pub(crate) fn same(a: &Path, b: &Path) -> bool {
    matches!((of(a), of(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hard_link_is_the_same_file_and_a_copy_is_not() {
        let (dir, a) = crate::test_files::temp_file("a.sqlite", b"x");
        let link = dir.path().join("link.sqlite");
        std::fs::hard_link(&a, &link).unwrap();
        let copy = dir.path().join("copy.sqlite");
        std::fs::copy(&a, &copy).unwrap();
        assert!(same(&a, &link));
        assert!(same(&a, &dir.path().join(".").join("a.sqlite")));
        assert!(!same(&a, &copy));
        assert!(!same(&a, &dir.path().join("missing")));
    }
}
