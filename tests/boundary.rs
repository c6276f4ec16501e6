//! The build-script boundary: build.rs compiles some of `src/` into a crate of its own, so those
//! files may import only each other. This reads build.rs's list and checks every `crate::` path in
//! those files, and that each file states the rule at its top.

use std::path::{Path, PathBuf};

/// The files build.rs compiles, from its `mod src { … }` block.
fn compiled_by_build_rs() -> Vec<PathBuf> {
    let build = std::fs::read_to_string("build.rs").unwrap();
    let block = build
        .split("mod src {")
        .nth(1)
        .and_then(|b| b.split("\n}\n").next())
        .expect("build.rs has a `mod src { … }` block");
    let mut files = Vec::new();
    let mut folder: Option<&str> = None;
    for line in block.lines().map(str::trim) {
        let Some(name) = line
            .trim_start_matches("pub ")
            .strip_prefix("mod ")
            .map(|n| n.trim_end_matches([';', ' ', '{']))
        else {
            if line == "}" {
                folder = None;
            }
            continue;
        };
        if line.ends_with('{') {
            folder = Some(name);
        } else {
            let dir = folder.map_or(PathBuf::from("src"), |f| Path::new("src").join(f));
            files.push(dir.join(format!("{name}.rs")));
        }
    }
    files
}

#[test]
fn files_compiled_into_build_rs_import_only_each_other_and_say_so() {
    let files = compiled_by_build_rs();
    assert!(files.len() >= 10, "{files:?}");
    let allowed = [
        "crate::pack",
        "crate::dates",
        "crate::safe",
        "crate::suggest",
    ];
    for file in &files {
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let opening: String = text
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            opening.contains("Build-script boundary"),
            "{}: the opening comment must state the build.rs boundary",
            file.display()
        );
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for (at, _) in code.match_indices("crate::") {
                let path = &code[at..];
                assert!(
                    allowed.iter().any(|a| path.starts_with(a)),
                    "{}:{}: `{}` is not compiled into build.rs; only {allowed:?} are",
                    file.display(),
                    n + 1,
                    path.trim()
                );
            }
        }
    }
}
