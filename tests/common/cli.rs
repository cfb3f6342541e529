//! The command-line test harness: the real binary run in a temporary folder that holds the test's
//! databases and files, with the user's folders (data, cache, config, runtime, home) pointed into it so no
//! real database or setting is touched. Each `tests/cli*.rs` file includes it with
//! `#[path = "common/cli.rs"] mod sandbox;` and uses the part it needs.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_roadmap-planner");
/// The plan id of the bundled example.
pub const EXAMPLE_PLAN: &str = "f525211c-d178-5088-b0f2-14534449f4b8";

/// A temporary folder holding the databases and files of one test; the user's folders point into it too.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Sandbox {
    pub fn new() -> Self {
        let sandbox = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        for d in ["data", "cache", "config", "runtime"] {
            std::fs::create_dir_all(sandbox.path(d)).unwrap();
        }
        sandbox
    }

    /// The folder itself (the binary's working directory).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The path of `name` in the folder, as text for an argument.
    pub fn file(&self, name: &str) -> String {
        self.path(name).to_str().unwrap().to_owned()
    }

    /// The binary, not yet run, with the user's folders pointed into the sandbox.
    pub fn command(&self) -> Command {
        self.program(BIN)
    }

    /// Any program (e.g. one that runs the binary as another user), with the user's folders pointed into
    /// the sandbox.
    pub fn program(&self, program: impl AsRef<OsStr>) -> Command {
        let mut command = Command::new(program);
        command
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_RUNTIME_DIR", self.path("runtime"))
            .env("HOME", self.dir.path())
            .current_dir(self.dir.path());
        command
    }

    /// Runs the binary with these arguments.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }

    /// Runs the binary with arguments that need not be UTF-8.
    pub fn run_os(&self, args: &[&OsStr]) -> Output {
        self.command().args(args).output().unwrap()
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        expect_success(args, self.run(args))
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// A JSON file of the folder, parsed.
    pub fn json(&self, name: &str) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.path(name)).unwrap()).unwrap()
    }

    /// The database's exchange file, as `export --format json -o -` prints it.
    pub fn export(&self, db: &str) -> String {
        self.ok(&["--db", db, "export", "--format", "json", "-o", "-"])
    }

    /// The database's exchange file without its time stamp.
    pub fn export_without_time(&self, db: &str) -> String {
        self.export(db)
            .lines()
            .filter(|l| !l.contains("exported_at"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Checks that a run succeeded (showing its stderr and stdout otherwise); returns its stdout.
pub fn expect_success(args: &[&str], out: Output) -> String {
    assert!(
        out.status.success(),
        "{args:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A zip package (a .docx or .xlsx) holding these parts, for crafted documents.
pub fn zip_package<B: AsRef<[u8]>>(parts: &[(&str, B)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes.as_ref()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
