//! `tradeoff completions SHELL`: the shell's completion script.

use std::process::ExitCode;

use clap::CommandFactory;

use super::out::{Failure, print_bytes};
use crate::cli::Cli;

pub fn run(shell: clap_complete::Shell) -> Result<ExitCode, Failure> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "tradeoff", &mut out);
    print_bytes(&out)
}
