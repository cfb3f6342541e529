//! Helpers shared by the window tests.

/// Points the user folders at one temp dir so nothing touches the home folder.
pub fn isolate_home() {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let dir = HOME.get_or_init(|| tempfile::tempdir().unwrap());
    for var in [
        "XDG_DATA_HOME",
        "XDG_CACHE_HOME",
        "XDG_RUNTIME_DIR",
        "XDG_CONFIG_HOME",
    ] {
        // SAFETY: set once, before any window or thread of this test reads the environment.
        unsafe { std::env::set_var(var, dir.path()) };
    }
}
