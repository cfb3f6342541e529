//! The newcomer's map stays true: `docs/architecture.md` names every source file, and every file it names
//! under «Every module» exists (`tools/module_map.py` rewrites that section from the code).

use std::path::{Path, PathBuf};

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn doc() -> String {
    std::fs::read_to_string(root().join("docs/architecture.md")).unwrap()
}

#[test]
fn the_architecture_page_names_every_source_file() {
    let src = root().join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    let doc = doc();
    let missing: Vec<String> = files
        .iter()
        .map(|f| {
            f.strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|rel| !doc.contains(&format!("`{rel}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/architecture.md does not name {missing:?}; run `python3 tools/module_map.py`"
    );
}

#[test]
fn every_file_the_module_list_names_exists() {
    let doc = doc();
    let list = doc
        .split("## Every module")
        .nth(1)
        .expect("docs/architecture.md has an «Every module» section");
    let gone: Vec<&str> = list
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("- `"))
        .filter_map(|rest| rest.split('`').next())
        .filter(|rel| !root().join("src").join(rel).exists())
        .collect();
    assert!(
        gone.is_empty(),
        "docs/architecture.md names files that are gone: {gone:?}; run `python3 tools/module_map.py`"
    );
}
