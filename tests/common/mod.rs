//! Helpers shared by the window tests.

/// Points the user folders at one temp dir so nothing touches the home folder.
///
/// Every test of a file calls this first; the variables are written once, inside the `OnceLock`'s
/// initialiser, and every other caller waits for that to finish before it goes on.
pub fn isolate_home() {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        for var in [
            "XDG_DATA_HOME",
            "XDG_CACHE_HOME",
            "XDG_RUNTIME_DIR",
            "XDG_CONFIG_HOME",
        ] {
            // SAFETY: `set_var` is unsound while another thread reads the environment. This runs once per
            // test process, in the first test to get here; every test calls `isolate_home` before it starts
            // a window or a thread, and blocks on the `OnceLock` until this initialiser has returned, so no
            // thread of ours reads the environment meanwhile. (The test runner's own threads do not read
            // it after start-up.)
            unsafe { std::env::set_var(var, dir.path()) };
        }
        dir
    });
}
