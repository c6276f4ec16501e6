//! `tradeoff config`: the config file, the effective settings and where each came from; exit 1
//! when the file or an environment variable has a problem. `tradeoff config init` writes a
//! starting file.

use std::path::Path;
use std::process::ExitCode;

use tradeoff::config::{Config, table};
use tradeoff::{fsutil, safe};

use super::out::{Failure, fail, print_bytes, print_out};
use crate::cli::ListFormat;

pub fn run(config: &Config, auto_theme: &str, format: ListFormat) -> Result<ExitCode, Failure> {
    match format {
        ListFormat::Text => print_out(&config.describe(auto_theme)),
        ListFormat::Json => print_bytes(config.to_json(auto_theme).as_bytes()),
    }?;
    Ok(if config.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `tradeoff config init`: the template (every setting commented out) at `file`, refusing to
/// replace one unless `force`; the config's JSON Schema beside it.
pub fn init(file: Option<&Path>, force: bool) -> Result<ExitCode, Failure> {
    let Some(file) = file else {
        return Err(fail(
            1,
            "error: no config folder on this system\ntip: give --config FILE",
        ));
    };
    let shown = safe::line(&file.display().to_string()).into_owned();
    let write = |path: &Path, text: &str, overwrite: bool| {
        let options = fsutil::WriteOptions {
            overwrite,
            create_dirs: true,
        };
        fsutil::write_file(path, text.as_bytes(), options)
    };
    match write(file, &table::template(), force) {
        Ok(()) => {}
        Err(fsutil::WriteError::Exists) => {
            return Err(fail(
                1,
                format!("error: {shown} already exists\ntip: pass --force to replace it"),
            ));
        }
        Err(e) => return Err(fail(1, format!("error: {e}"))),
    }
    let schema = file.with_file_name(table::SCHEMA_FILE);
    let text = serde_json::to_string_pretty(&table::schema()).unwrap_or_default() + "\n";
    write(&schema, &text, true).map_err(|e| fail(1, format!("error: {e}")))?;
    print_out(&format!(
        "wrote {shown}: every setting is commented out; uncomment a line to change it (`tradeoff config` shows the effect)\n"
    ))
}
