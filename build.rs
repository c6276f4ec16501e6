//! Embeds every `*.toml` under `data/` and every file under `assets/` into the binary, so the
//! built-in packs, themes and demo scripts need no files at run time; and compiles the built-in
//! data once, here, into a snapshot of the checked catalog that the program reads at start-up
//! instead of parsing the TOML again (parsing is most of the start-up time).
//!
//! The snapshot is made by the program's own loader (`src/pack`), compiled into this script, so it
//! cannot differ from what the loader would make of the same files at run time
//! (tests/data_checks.rs checks that it does not). Data with a problem fails the build, with every
//! problem as `file:line:col: message`.

#![allow(dead_code)] // The loader's entry points for folders and the clock are not used here.

use std::fs;
use std::path::{Path, PathBuf};

/// The loader, as the program has it (`src/pack`, `src/dates.rs`, `src/safe.rs`,
/// `src/suggest.rs`), except for finding and reading files: the build reads them itself.
///
/// THE BOUNDARY: these files are compiled twice, into the program and into this script, a crate of
/// its own. So they may import only each other (`crate::pack`, `crate::dates`, `crate::safe`,
/// `crate::suggest`) and the crates listed under `[build-dependencies]`; anything else in `src/`
/// does not exist here. Each of them says so at its top, and tests/boundary.rs checks the imports
/// against this list.
mod src {
    pub mod dates;
    pub mod safe;
    pub mod suggest;

    pub mod pack {
        mod checks;
        mod compile;
        mod compile_pack;
        pub mod condition;
        pub mod cost;
        mod cost_check;
        mod cost_estimate;
        pub mod diag;
        pub mod load;
        pub mod model;
        mod ranges;
        mod rules;
        pub mod schema;
        pub mod shared_str;
        mod split;
    }
}
use src::{dates, pack, safe, suggest};

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>, ext: Option<&str>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(root, &path, out, ext);
        } else if ext.is_none_or(|e| path.extension().is_some_and(|x| x == e)) {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, path.canonicalize().unwrap()));
        }
    }
}

fn write_table(name: &str, files: &[(String, PathBuf)], code: &mut String) {
    code.push_str(&format!("pub static {name}: &[(&str, &str)] = &[\n"));
    for (rel, abs) in files {
        code.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            abs.to_string_lossy()
        ));
    }
    code.push_str("];\n");
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let data = manifest.join("data");
    let assets = manifest.join("assets");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=assets");

    let mut data_files = Vec::new();
    collect(&data, &data, &mut data_files, Some("toml"));
    let mut asset_files = Vec::new();
    collect(&assets, &assets, &mut asset_files, Some("toml"));
    for (_, abs) in data_files.iter().chain(&asset_files) {
        println!("cargo:rerun-if-changed={}", abs.display());
    }

    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let mut code = String::new();
    write_table("EMBEDDED_DATA", &data_files, &mut code);
    write_table("EMBEDDED_ASSETS", &asset_files, &mut code);
    fs::write(out_dir.join("embedded.rs"), code).unwrap();

    for src in ["src/pack", "src/dates.rs", "src/safe.rs", "src/suggest.rs"] {
        println!("cargo:rerun-if-changed={src}");
    }
    // The glossary and the sources' `checked` notes apart: one-shot commands that only score
    // (`recommend`) never decode them (a third of the snapshot, and of the memory it takes).
    let mut catalog = snapshot(&data_files);
    let glossary = std::mem::take(&mut catalog.glossary);
    let checked: Vec<Option<pack::model::SharedStr>> = catalog
        .sources
        .iter_mut()
        .map(|s| s.checked.take())
        .collect();
    // Every string of the three once, in one text beside them (see `pack::shared_str`).
    let ((catalog, glossary, checked), text) = pack::shared_str::encode_static(|| {
        (
            postcard::to_stdvec(&catalog).expect("a catalog serialises"),
            postcard::to_stdvec(&glossary).expect("a glossary serialises"),
            postcard::to_stdvec(&checked).expect("notes serialise"),
        )
    });
    fs::write(out_dir.join("catalog.bin"), catalog).unwrap();
    fs::write(out_dir.join("glossary.bin"), glossary).unwrap();
    fs::write(out_dir.join("checked.bin"), checked).unwrap();
    fs::write(out_dir.join("text.txt"), text).unwrap();
}

/// The checked catalog of the built-in data; the build fails on any problem.
fn snapshot(files: &[(String, PathBuf)]) -> pack::model::Catalog {
    let files: Vec<pack::load::DataFile> = files
        .iter()
        .map(|(rel, abs)| pack::load::DataFile {
            name: format!("data/{rel}"),
            rel: rel.clone(),
            text: fs::read_to_string(abs).unwrap(),
            origin: None,
        })
        .collect();
    match pack::load::load(&files, 0) {
        Ok(catalog) => catalog,
        Err(problems) => {
            for d in &problems.0 {
                println!("cargo:warning={d}");
            }
            panic!(
                "the built-in data has {} problem(s) (above); `cargo run -- validate data` lists them",
                problems.len()
            );
        }
    }
}
