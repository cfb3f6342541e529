//! The store under hostile or damaged files and places: restore, backups, locks by file identity, read-only
//! databases. A refusal changes nothing and adds no backup.

use std::path::Path;

use super::*;

/// Everything the database holds, as the exchange export writes it (without its time stamp).
fn content(store: &Store) -> String {
    let mut file =
        crate::exchange::export(store, None, crate::exchange::Origin::default()).unwrap();
    file.exported_at = Default::default();
    crate::exchange::to_json(&file)
}

fn with_example(path: &Path) -> Store {
    let mut store = Store::open(path).unwrap();
    crate::example::load_example(&mut store).unwrap();
    store
}

#[test]
fn an_empty_foreign_or_damaged_file_is_refused_without_a_change_or_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = with_example(&dir.path().join("db.sqlite"));
    let good = store.backup().unwrap().unwrap();
    let before = content(&store);
    let backups = store.backups().len();

    let empty = dir.path().join("empty.sqlite");
    std::fs::write(&empty, b"").unwrap();
    let foreign = dir.path().join("foreign.sqlite");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE notes(x); INSERT INTO notes VALUES (1);")
        .unwrap();
    // A bit-rotted copy of a genuine backup: a stretch of a page in the middle overwritten.
    let mut bytes = std::fs::read(&good).unwrap();
    let middle = bytes.len() / 2 / 4096 * 4096;
    for b in &mut bytes[middle..middle + 64] {
        *b ^= 0x5A;
    }
    let rotted = dir.path().join("rotted.sqlite");
    std::fs::write(&rotted, &bytes).unwrap();

    for file in [
        &empty,
        &foreign,
        &rotted,
        &dir.path().join("missing.sqlite"),
    ] {
        let err = store.restore_from(file).expect_err("must be refused");
        assert!(
            matches!(err, StoreError::NotADatabase(_) | StoreError::Damaged(_)),
            "{file:?}: {err}"
        );
        assert!(err.to_string().contains("Файл"), "{err}");
        assert_eq!(content(&store), before, "{file:?} changed the database");
        assert_eq!(store.backups().len(), backups, "{file:?} added a backup");
    }
}

#[test]
fn a_sound_backup_is_restored_after_the_live_database_is_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = with_example(&dir.path().join("db.sqlite"));
    let saved = store.backup().unwrap().unwrap();
    let before = content(&store);
    let plan = store.list_plans().unwrap()[0].id;
    store.write(|w| w.delete_plan(plan)).unwrap();
    let emptied = content(&store);
    assert_ne!(emptied, before);

    let previous = store
        .restore_from(&saved)
        .unwrap()
        .expect("the live state is kept");
    assert_eq!(content(&store), before);
    let mut old = Store::open(&dir.path().join("old.sqlite")).unwrap();
    old.restore_from(&previous).unwrap();
    assert_eq!(
        content(&old),
        emptied,
        "the backup taken before holds the state before"
    );
}

#[test]
fn backups_are_self_contained_complete_and_open_from_a_read_only_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = with_example(&dir.path().join("db.sqlite"));
    let made = store.backup().unwrap().unwrap();
    let name = made.file_name().unwrap().to_string_lossy().into_owned();
    let siblings: Vec<String> = std::fs::read_dir(made.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        siblings,
        std::slice::from_ref(&name),
        "no -wal, -shm or partial file beside it"
    );
    let mode: String = rusqlite::Connection::open(&made)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");

    // A partial backup (being written, or left by a kill) is never listed; one left over an hour ago is
    // removed by the next backup.
    let fresh = made.with_file_name(format!("{name}.part"));
    std::fs::write(&fresh, b"half").unwrap();
    let stale = made.with_file_name("roadmap-20200101-000000.sqlite.part");
    std::fs::write(&stale, b"half").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(7200))
        .unwrap();
    assert_eq!(store.backups().len(), 1);
    store.backup().unwrap();
    assert!(fresh.exists() && !stale.exists());
    std::fs::remove_file(&fresh).unwrap();

    // A genuine backup copied to a read-only folder is accepted.
    let shelf = dir.path().join("только-чтение");
    std::fs::create_dir(&shelf).unwrap();
    let copy = shelf.join("roadmap-copy.sqlite");
    std::fs::copy(&made, &copy).unwrap();
    set_read_only(&shelf, true);
    let before = content(&store);
    let plan = store.list_plans().unwrap()[0].id;
    store.write(|w| w.delete_plan(plan)).unwrap();
    let restored = store.restore_from(&copy);
    set_read_only(&shelf, false);
    restored.unwrap();
    assert_eq!(content(&store), before);
}

#[cfg(unix)]
fn set_read_only(dir: &Path, read_only: bool) {
    use std::os::unix::fs::PermissionsExt;
    let mode = if read_only { 0o555 } else { 0o755 };
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn set_read_only(dir: &Path, read_only: bool) {
    let mut permissions = std::fs::metadata(dir).unwrap().permissions();
    permissions.set_readonly(read_only);
    std::fs::set_permissions(dir, permissions).unwrap();
}

/// Unix: the database file itself is locked (on Windows only the resolved path is, see `lock.rs`).
#[cfg(unix)]
#[test]
fn another_path_to_an_open_database_is_refused_like_a_second_instance() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite");
    let _open = with_example(&db);
    let link = dir.path().join("ссылка.sqlite");
    std::fs::hard_link(&db, &link).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    for other in [link, dir.path().join("sub/../db.sqlite")] {
        let err = Store::open(&other)
            .err()
            .expect("a second opening is refused");
        assert!(matches!(err, StoreError::Locked(_)), "{other:?}: {err}");
    }
}

#[test]
fn a_database_opens_for_reading_only_without_writing_anything_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite");
    let before = {
        let store = with_example(&db);
        content(&store)
    };
    let files = |dir: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let listed = files(dir.path());
    let mut store = Store::open_read_only(&db).unwrap();
    assert!(store.is_read_only());
    assert_eq!(content(&store), before);
    let err = store
        .write(|w| w.set_meta("x", "y"))
        .expect_err("a write is refused");
    assert!(matches!(err, StoreError::ReadOnly(_)), "{err}");
    assert!(err.to_string().contains("только для чтения"));
    assert_eq!(files(dir.path()), listed, "no -wal, -shm or lock written");
    let garbage = dir.path().join("garbage.sqlite");
    std::fs::write(&garbage, b"not a database, only text").unwrap();
    let err = Store::open_read_only(&garbage)
        .err()
        .expect("a file that is not a database");
    assert!(matches!(err, StoreError::NotADatabase(_)), "{err}");
}

#[test]
fn a_database_in_a_read_only_folder_is_opened_for_reading() {
    let dir = tempfile::tempdir().unwrap();
    let shelf = dir.path().join("shelf");
    std::fs::create_dir(&shelf).unwrap();
    let db = shelf.join("db.sqlite");
    let before = content(&with_example(&db));
    std::fs::remove_file(shelf.join("db.sqlite.lock")).ok();
    set_read_only(&shelf, true);
    // A privileged user (root in a container) writes anyway: then there is nothing to check here.
    let privileged = std::fs::write(shelf.join("probe"), b"").is_ok();
    let opened = Store::open(&db);
    set_read_only(&shelf, false);
    if privileged {
        return;
    }
    let store = opened.unwrap();
    assert!(store.is_read_only());
    assert_eq!(content(&store), before);
}

#[test]
fn a_sqlite_error_is_said_in_russian_once_with_sqlite_s_text_as_a_detail() {
    let full = rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
        Some("database or disk is full".into()),
    );
    let shown = format!("{:#}", anyhow::Error::from(StoreError::from(full)));
    assert!(
        shown.starts_with("Ошибка базы данных: на диске нет места (подробности: "),
        "{shown}"
    );
    assert_eq!(
        shown.matches("database or disk is full").count(),
        1,
        "{shown}"
    );
}
