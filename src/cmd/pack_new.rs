//! `tradeoff pack new ID`: a documented starting pack (and, where the folder has none, a
//! `sources.toml` for it to cite) that validates with the built-in data and the user's other packs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tradeoff::pack::{self, Source, Use};
use tradeoff::{fsutil, safe};

use super::out::{Failure, fail, print_out};
use super::resolve::Data;

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
    let options = fsutil::WriteOptions {
        overwrite: force,
        create_dirs: true,
    };
    let write = |path: &Path, text: &str| {
        fsutil::write_file(path, text.as_bytes(), options)
            .map_err(|e| fail(1, format!("error: {e}")))
    };
    write(&pack_file, &pack::template::pack(id))?;
    if !sources_file.exists() {
        write(&sources_file, &pack::template::sources())?;
    }
    data.warn_missing();
    let mut user = data.source.dirs().to_vec();
    if !user.iter().any(|d| d == folder) {
        user.push(folder.to_path_buf());
    }
    if let Err(d) = (Source::Builtin { user }).load(Use::Check) {
        return Err(fail(
            1,
            format!(
                "{d}\nerror: the new pack {} does not validate with your other data (above)",
                pack_file.display()
            ),
        ));
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
