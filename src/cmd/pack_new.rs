//! `tradeoff pack new ID`: a documented starting pack (and, where the folder has none, a
//! `sources.toml` for it to cite) that validates with the built-in data and the user's other packs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tradeoff::pack::{self, DataFile, Source};
use tradeoff::{fsutil, safe, schemas};

use super::job::Data;
use super::out::{Failure, fail, print_out};

/// Writes the pack `id` into `folder`'s `packs/` (`None`: the system has no data folder); `data`
/// is the user's data it is checked with, `loaded` the folders tradeoff loads packs from.
pub fn run(
    id: &str,
    folder: Option<&Path>,
    force: bool,
    data: &Data,
    loaded: &[PathBuf],
) -> Result<ExitCode, Failure> {
    if !pack::is_valid_id(id) {
        return Err(fail(
            2,
            format!(
                "error: `{}` is not a pack id: use lowercase letters, digits, `-` and `_` (at most 64), e.g. `deployment`",
                safe::line(id)
            ),
        ));
    }
    let Some(folder) = folder else {
        return Err(fail(
            1,
            "error: no data folder for your packs on this system: give --dir DIR",
        ));
    };
    let (pack_file, sources_file) = (
        folder.join("packs").join(format!("{id}.toml")),
        folder.join("sources.toml"),
    );
    if pack_file.exists() && !force {
        return Err(fail(
            1,
            format!(
                "error: {} already exists; pass --force to replace it",
                safe::line(&pack_file.display().to_string())
            ),
        ));
    }
    // Checked before anything is written: a pack that would not validate (an id another pack
    // has) is never left behind to break every later command.
    data.warn_missing();
    let mut user = data.source.dirs().to_vec();
    if !user.iter().any(|d| d == folder) {
        user.push(folder.to_path_buf());
    }
    let origin = Some(folder.display().to_string());
    let mut new_files = vec![DataFile {
        name: pack_file.display().to_string(),
        rel: format!("packs/{id}.toml"),
        text: pack::template::pack(id),
        origin: origin.clone(),
    }];
    if !sources_file.exists() {
        new_files.push(DataFile {
            name: sources_file.display().to_string(),
            rel: "sources.toml".into(),
            text: pack::template::sources(),
            origin,
        });
    }
    if let Err(d) = (Source::Builtin { user }).check_with(new_files.clone()) {
        return Err(fail(
            1,
            format!(
                "{d}\nerror: the new pack {} would not validate with your other data (above); nothing was written",
                safe::line(&pack_file.display().to_string())
            ),
        ));
    }
    let options = fsutil::WriteOptions {
        overwrite: force,
        create_dirs: true,
    };
    let paths = [&pack_file, &sources_file];
    for (path, f) in paths.iter().zip(&new_files) {
        fsutil::write_file(path, f.text.as_bytes(), options)
            .map_err(|e| fail(1, format!("error: {}: {e}", safe::line(&f.name))))?;
    }
    // The schemas the files' `#:schema` lines name, beside them (always the current ones).
    let schemas = [
        (pack_file.with_file_name(schemas::PACK_FILE), schemas::PACK),
        (
            sources_file.with_file_name(schemas::SOURCES_FILE),
            schemas::SOURCES,
        ),
    ];
    let replace = fsutil::WriteOptions {
        overwrite: true,
        create_dirs: true,
    };
    for (path, text) in &schemas {
        fsutil::write_file(path, text.as_bytes(), replace).map_err(|e| {
            fail(
                1,
                format!("error: {}: {e}", safe::line(&path.display().to_string())),
            )
        })?;
    }
    let note = if loaded.iter().any(|d| d == folder) {
        String::new()
    } else {
        format!(
            "\nnote: {} is not one of the folders tradeoff loads: add it to data_dirs in the config (`tradeoff config` shows the file)",
            folder.display()
        )
    };
    print_out(&format!(
        "wrote {} (it validates with the built-in packs); edit it, then `tradeoff validate` and `tradeoff packs`{note}\n",
        pack_file.display()
    ))
}
