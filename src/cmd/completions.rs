//! `tradeoff completions SHELL`: the shell's completion script (the same as `COMPLETE=SHELL tradeoff`).

use std::process::ExitCode;

use super::out::{Failure, fail, print_bytes};
use crate::cli::complete;

/// The script registers a completion function that asks this program for the candidates, so
/// question ids, choices and packs come from the data actually installed.
pub fn run(shell: clap_complete::Shell) -> Result<ExitCode, Failure> {
    let mut out = Vec::new();
    complete::registration(shell, &mut out).map_err(|e| {
        fail(
            1,
            format!("error: cannot write the {shell} completion script: {e}"),
        )
    })?;
    print_bytes(&out)
}
