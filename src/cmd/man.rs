//! `tradeoff man [COMMAND]`: the manual page in roff, with the exit status, environment and files
//! that clap does not know about.

use std::process::ExitCode;

use clap::CommandFactory;
use tradeoff::suggest;

use super::out::{Failure, fail, print_out};
use crate::cli::Cli;

pub fn run(command: Option<&str>) -> Result<ExitCode, Failure> {
    let root = Cli::command();
    let page = match command {
        None => root,
        Some(name) => {
            let Some(sub) = root.find_subcommand(name) else {
                let names: Vec<&str> = root.get_subcommands().map(|c| c.get_name()).collect();
                return Err(fail(
                    2,
                    format!(
                        "error: unknown command `{name}`{}; commands: {}",
                        suggest::did_you_mean(name, names.iter().copied()),
                        names.join(", ")
                    ),
                ));
            };
            sub.clone()
                .name(format!("tradeoff-{name}"))
                .bin_name(format!("tradeoff {name}"))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .source(format!("tradeoff {}", env!("CARGO_PKG_VERSION")))
        .manual("tradeoff manual")
        .render(&mut out)
        .map_err(|e| fail(1, format!("error: cannot render the manual page: {e}")))?;
    let mut page = String::from_utf8_lossy(&out).into_owned();
    if command.is_none() {
        // clap_mangen calls the after-help section EXTRA; here it is the examples.
        page = page.replacen("\n.SH EXTRA\n", "\n.SH EXAMPLES\n", 1);
        page.push_str(&man_sections());
    }
    print_out(&roff_ascii(&page))
}

/// Non-ASCII characters as groff's `\[uXXXX]` escapes: troff reads Latin-1 unless preconv runs
/// first, and `man -l`, `groff -man` and mandoc all read the escapes.
fn roff_ascii(text: &str) -> String {
    let mut o = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            o.push(c);
        } else {
            o.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    o
}

/// EXIT STATUS, ENVIRONMENT and FILES of tradeoff(1).
fn man_sections() -> String {
    use roff::{Roff, bold, roman};
    let mut r = Roff::new();
    r.control("SH", ["EXIT STATUS"]);
    for (code, what) in [
        ("0", "success"),
        (
            "1",
            "a check failed (validate found problems, config has a problem) or a file could not be written",
        ),
        (
            "2",
            "bad input: an unknown id, a malformed answers file, decision data or demo script, a bad command line",
        ),
    ] {
        r.control("TP", []).text([bold(code)]).text([roman(what)]);
    }
    r.control("SH", ["ENVIRONMENT"]);
    let others = [
        (
            "TRADEOFF_STATE_DIR",
            "where the interactive mode saves its session (default $XDG_STATE_HOME/tradeoff)",
        ),
        (
            "NO_COLOR",
            "when set and not empty, the mono theme unless a theme is chosen",
        ),
        (
            "TERM=dumb, ACCESSIBLE",
            "choose the plain mode (numbered questions on standard input and output)",
        ),
    ];
    for (name, what) in tradeoff::config::ENVIRONMENT.iter().chain(others.iter()) {
        r.control("TP", []).text([bold(*name)]).text([roman(*what)]);
    }
    r.control("SH", ["FILES"]);
    r.control("TP", [])
        .text([bold("$XDG_CONFIG_HOME/tradeoff/config.toml")])
        .text([roman(
            "settings (default ~/.config/tradeoff/config.toml): theme, projector, mouse, data_dirs, packs; \
             `tradeoff config` shows the effective settings and where each comes from",
        )]);
    r.control("TP", [])
        .text([bold("$XDG_STATE_HOME/tradeoff/session.toml")])
        .text([roman(
            "the saved interactive session, an answers file that `tradeoff recommend --answers` reads",
        )]);
    // Every Roff starts with the same preamble, which the page already has.
    let preamble = Roff::new().render();
    let text = r.render();
    text.strip_prefix(&preamble).unwrap_or(&text).to_string()
}
