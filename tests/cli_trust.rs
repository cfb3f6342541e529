//! The command line against hostile targets and files: an output path that is the database (or its
//! companions) is refused, a refused restore changes nothing, a closed pipe ends quietly, the settings'
//! backups folder is listed.

use std::process::{Command, Output, Stdio};

#[path = "common/cli.rs"]
mod sandbox;
use sandbox::Sandbox;

/// The database's whole export without its time stamp.
fn db_state(s: &Sandbox) -> String {
    s.export_without_time("db.sqlite")
}

fn backups(s: &Sandbox) -> Vec<String> {
    std::fs::read_dir(s.path("backups"))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn no_export_or_report_overwrites_the_database_or_its_companions() {
    let sb = Sandbox::new();
    sb.ok(&["--db", "db.sqlite", "example"]);
    let state = db_state(&sb);
    let mut targets = vec![
        "db.sqlite",
        "./db.sqlite",
        "db.sqlite-wal",
        "db.sqlite.lock",
    ];
    // A hard link is told by file identity on Unix (device and inode).
    if cfg!(unix) {
        std::fs::hard_link(sb.path("db.sqlite"), sb.path("ссылка.sqlite")).unwrap();
        targets.push("ссылка.sqlite");
    }
    let commands: [&[&str]; 6] = [
        &["export", "--format", "json"],
        &["export", "--format", "csv"],
        &["export", "--format", "ics"],
        &["export", "--format", "docx"],
        &["export", "--format", "xlsx"],
        &["report"],
    ];
    for target in targets {
        for command in commands {
            let mut args = vec!["--db", "db.sqlite"];
            args.extend_from_slice(command);
            args.extend(["-o", target]);
            let out = sb.run(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?} was accepted");
            assert!(
                stderr.contains("это файл базы данных программы"),
                "{args:?}: {stderr}"
            );
        }
    }
    assert_eq!(db_state(&sb), state);
    // Nothing temporary left behind.
    let left: Vec<String> = std::fs::read_dir(sb.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_refused_restore_changes_nothing_and_adds_no_backup() {
    let sb = Sandbox::new();
    sb.ok(&["--db", "db.sqlite", "example"]);
    let state = db_state(&sb);
    std::fs::write(sb.path("пустой.sqlite"), b"").unwrap();
    std::fs::write(
        sb.path("мусор.sqlite"),
        b"SQLite format 3\0 but nothing else",
    )
    .unwrap();
    for file in ["пустой.sqlite", "мусор.sqlite"] {
        let out = sb.run(&["--db", "db.sqlite", "restore", file]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{file}: {stderr}");
        assert!(stderr.starts_with("Ошибка: Файл"), "{stderr}");
        assert!(backups(&sb).is_empty(), "{file} added a backup");
        assert_eq!(db_state(&sb), state);
    }
}

#[test]
fn a_closed_pipe_ends_the_listing_quietly() {
    let sb = Sandbox::new();
    sb.ok(&["--db", "db.sqlite", "example"]);
    let mut child = sb
        .command()
        .args(["--db", "db.sqlite", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before the program writes a line.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn backups_lists_the_folder_the_settings_name() {
    let sb = Sandbox::new();
    let elsewhere = sb.path("копии");
    let settings = sb.path("config/roadmap-planner");
    std::fs::create_dir_all(&settings).unwrap();
    std::fs::write(
        settings.join("settings.json"),
        serde_json::json!({ "backups_dir": elsewhere }).to_string(),
    )
    .unwrap();
    sb.ok(&["--db", "db.sqlite", "example"]);
    let file = sb.path("план.json");
    sb.ok(&["--db", "db.sqlite", "export", "-o", file.to_str().unwrap()]);
    sb.ok(&["--db", "other.sqlite", "import", file.to_str().unwrap()]);
    let listed = sb.ok(&["--db", "other.sqlite", "backups"]);
    assert!(listed.contains(elsewhere.to_str().unwrap()), "{listed}");
}

/// Whether this process runs as root (which writes anywhere: the read-only test then drops to `nobody`).
#[cfg(unix)]
fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[cfg(unix)]
#[test]
fn a_database_in_a_read_only_place_can_be_listed_exported_and_not_changed() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    let shelf = sb.path("полка");
    std::fs::create_dir(&shelf).unwrap();
    let db = shelf.join("db.sqlite");
    let db_arg = db.to_str().unwrap().to_owned();
    sb.ok(&["--db", &db_arg, "example"]);
    let state = sb.ok(&["--db", &db_arg, "export", "-o", "-"]);
    std::fs::remove_file(shelf.join("db.sqlite.lock")).ok();
    let mode = |path: &std::path::Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    mode(sb.dir(), 0o755);
    for d in ["data", "cache", "config", "runtime"] {
        mode(&sb.path(d), 0o755);
    }
    mode(&db, 0o444);
    mode(&shelf, 0o555);
    let run = |args: &[&str]| -> Output {
        let mut command = if running_as_root() {
            let mut c = sb.program("setpriv");
            c.args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                sandbox::BIN,
            ]);
            c
        } else {
            sb.command()
        };
        command.args(args).output().unwrap()
    };
    let listed = run(&["--db", &db_arg, "list"]);
    let exported = run(&["--db", &db_arg, "export", "-o", "-"]);
    let backups = run(&["--db", &db_arg, "backups"]);
    let example = run(&["--db", &db_arg, "example"]);
    mode(&shelf, 0o755);
    mode(&db, 0o644);
    let text = |o: &Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    assert!(listed.status.success(), "{}", text(&listed));
    assert!(
        text(&listed).contains("Всего планов: 1"),
        "{}",
        text(&listed)
    );
    assert!(exported.status.success(), "{}", text(&exported));
    let strip = |s: &str| -> String {
        s.lines()
            .filter(|l| !l.contains("exported_at"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        strip(&String::from_utf8_lossy(&exported.stdout)),
        strip(&state)
    );
    assert!(backups.status.success(), "{}", text(&backups));
    assert_eq!(example.status.code(), Some(1), "{}", text(&example));
    assert!(
        text(&example).contains("только для чтения"),
        "{}",
        text(&example)
    );
}

#[test]
fn a_refusal_is_said_once() {
    use std::io::Write;
    let sb = Sandbox::new();
    let cell = |text: &str| format!(r#"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"#);
    let document = format!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr>{}{}{}</w:tr></w:tbl></w:body></w:document>"#,
        cell("№"),
        cell("Мероприятие"),
        cell("Сроки")
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    let path = sb.path("только-заголовок.docx");
    std::fs::write(&path, zip.finish().unwrap().into_inner()).unwrap();
    let out = sb.run(&["--db", "db.sqlite", "import", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        "Ошибка: Под строкой заголовков нет ни одного направления или мероприятия."
    );
}

#[cfg(unix)]
#[test]
fn a_hard_link_to_an_open_database_is_refused_like_a_second_instance() {
    let sb = Sandbox::new();
    sb.ok(&["--db", "db.sqlite", "example"]);
    std::fs::hard_link(sb.path("db.sqlite"), sb.path("ссылка.sqlite")).unwrap();
    let _open = roadmap_planner::store::Store::open(&sb.path("db.sqlite")).unwrap();
    let out = sb.run(&["--db", "ссылка.sqlite", "example"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("уже открыта"), "{stderr}");
}
