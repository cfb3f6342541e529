//! The layers stay apart (docs/architecture.md): the views (`ui`) see the data only through the app, the app
//! knows nothing of the views or the window, and the domain knows nothing of egui. Read from the sources, so
//! a new `use` that crosses a layer fails here rather than in a review.

use std::path::{Path, PathBuf};

/// Every `.rs` file below `src/<folder>`, with its text stripped of comments.
fn sources(folder: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(folder);
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    if root.with_extension("rs").is_file() {
        files.push(root.with_extension("rs"));
    }
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    assert!(!files.is_empty(), "no sources below {}", root.display());
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a readable source");
            (path, without_comments(&text))
        })
        .collect()
}

/// The code of a file without its `//` comments (doc comments included), which may name any layer.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `code` names the crate's module `module`: as a path (`crate::store::X`) or inside a grouped
/// `use crate::{…}`.
fn names_module(code: &str, module: &str) -> bool {
    let path = format!("crate::{module}");
    let named_as_path = code.match_indices(&path).any(|(at, _)| {
        code[at + path.len()..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
    });
    if named_as_path {
        return true;
    }
    code.match_indices("use crate::{").any(|(at, _)| {
        let group = &code[at..];
        let group = &group[..group.find("};").unwrap_or(group.len())];
        group
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .any(|item| item == module || item.starts_with(&format!("{module}::")))
    })
}

/// The files of `folder` that name any of `modules`.
fn offenders(folder: &str, modules: &[&str]) -> Vec<String> {
    sources(folder)
        .into_iter()
        .filter_map(|(path, code)| {
            let named: Vec<&str> = modules
                .iter()
                .copied()
                .filter(|m| names_module(&code, m))
                .collect();
            (!named.is_empty()).then(|| format!("{} names {}", path.display(), named.join(", ")))
        })
        .collect()
}

#[test]
fn the_views_do_not_reach_the_store_or_the_window() {
    let found = offenders("ui", &["store", "window"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_app_does_not_reach_the_views_or_the_window() {
    let found = offenders("app", &["ui", "window"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_domain_knows_nothing_of_the_app_or_the_window() {
    for folder in ["model", "schedule", "stats", "exchange", "store"] {
        let found = offenders(folder, &["app", "ui", "window"]);
        assert!(found.is_empty(), "{found:#?}");
    }
}

#[test]
fn the_domain_knows_nothing_of_egui() {
    for folder in ["model", "schedule", "stats", "exchange", "store"] {
        let found: Vec<_> = sources(folder)
            .into_iter()
            .filter(|(_, code)| code.contains("egui"))
            .map(|(path, _)| path.display().to_string())
            .collect();
        assert!(found.is_empty(), "{folder}: {found:#?}");
    }
}

#[test]
fn a_crossing_is_seen_in_a_path_and_in_a_group() {
    assert!(names_module("use crate::store::RecordKind;", "store"));
    assert!(names_module(
        "use crate::{model::Id, store::Store};",
        "store"
    ));
    assert!(names_module(
        "use crate::{\n    store,\n    model,\n};",
        "store"
    ));
    assert!(names_module(
        "let s = crate::store::Store::open(p);",
        "store"
    ));
    assert!(!names_module("use crate::app::RecordKind;", "store"));
    assert!(!names_module(
        "use crate::{app::Command, model::Id};",
        "store"
    ));
    assert!(!names_module(
        &without_comments("/// Reads crate::store::X"),
        "store"
    ));
    assert!(!names_module("let restore = ctx.store_path;", "store"));
}
