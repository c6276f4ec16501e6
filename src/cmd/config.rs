//! `tradeoff config`: the config file, the effective settings and where each came from; exit 1
//! when the file or an environment variable has a problem.

use std::process::ExitCode;

use tradeoff::config::Config;

use super::out::{Failure, print_bytes, print_out};
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
