//! Embeds every `*.toml` under `data/` and every file under `assets/` into the binary, so the
//! built-in packs, themes and demo scripts need no files at run time.

use std::fs;
use std::path::{Path, PathBuf};

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

    let mut code = String::new();
    write_table("EMBEDDED_DATA", &data_files, &mut code);
    write_table("EMBEDDED_ASSETS", &asset_files, &mut code);
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    fs::write(out, code).unwrap();
}
