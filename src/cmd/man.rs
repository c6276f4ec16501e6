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
                let tip = suggest::similar("command", name, names.iter().copied())
                    .map_or(String::new(), |t| format!("\n{t}"));
                return Err(fail(
                    2,
                    format!(
                        "error: unknown command `{name}`; the commands: {}{tip}",
                        names.join(", ")
                    ),
                ));
            };
            let mut sub = sub.clone();
            // Its arguments: they are added when a command is built (see `cli::Deferred`).
            // Building also gives a command with subcommands a `help` one, which is not a page.
            sub.build();
            if sub.find_subcommand("help").is_some() {
                sub = sub.mut_subcommand("help", |help| help.hide(true));
            }
            sub.name(format!("tradeoff-{name}"))
                .bin_name(format!("tradeoff {name}"))
        }
    };
    let man = clap_mangen::Man::new(page.clone())
        .source(format!("tradeoff {}", env!("CARGO_PKG_VERSION")))
        .manual("tradeoff manual");
    let mut out = Vec::new();
    render(&man, &page, command, &mut out)
        .map_err(|e| fail(1, format!("error: cannot render the manual page: {e}")))?;
    // Each section comes with the roff preamble; the page keeps one, at its top.
    let preamble = roff::Roff::new().render();
    let mut page = format!(
        "{preamble}{}",
        String::from_utf8_lossy(&out).replace(&preamble, "")
    );
    if command.is_none() {
        page.push_str(&man_sections());
    }
    print_out(&roff_ascii(&page))
}

/// The page, section by section as clap_mangen renders them, except its list of subcommands: it
/// names a page per subcommand (`tradeoff-recommend(1)`) that nobody installs, so here each
/// command is listed by how it is typed, with `tradeoff man COMMAND` for its own page.
fn render(
    man: &clap_mangen::Man,
    cmd: &clap::Command,
    command: Option<&str>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use roff::{Roff, bold, roman};
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(out)?;
    }
    let subs: Vec<&clap::Command> = cmd.get_subcommands().filter(|s| !s.is_hide_set()).collect();
    if !subs.is_empty() {
        let mut r = Roff::new();
        r.control("SH", ["SUBCOMMANDS"]);
        let prefix = match command {
            Some(c) => format!("tradeoff {c}"),
            None => "tradeoff".to_string(),
        };
        for sub in &subs {
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            r.control("TP", [])
                .text([bold(format!("{prefix} {}", sub.get_name()))])
                .text([roman(about)]);
        }
        if command.is_none() {
            r.text([roman(
                "Each command's own page: tradeoff man COMMAND (e.g. tradeoff man recommend | man -l -).",
            )]);
        }
        let preamble = Roff::new().render();
        let text = r.render();
        out.write_all(text.strip_prefix(&preamble).unwrap_or(&text).as_bytes())?;
    }
    if cmd.get_after_help().is_some() || cmd.get_after_long_help().is_some() {
        // clap_mangen calls the after-help section EXTRA; here it is the examples (and, for a
        // command, more about it).
        let mut extra = Vec::new();
        man.render_extra_section(&mut extra)?;
        let heading = if command.is_none() {
            "EXAMPLES"
        } else {
            "NOTES"
        };
        let extra =
            String::from_utf8_lossy(&extra).replacen(".SH EXTRA", &format!(".SH {heading}"), 1);
        out.write_all(extra.as_bytes())?;
    }
    if cmd.get_version().is_some() {
        man.render_version_section(out)?;
    }
    Ok(())
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
    let settings = tradeoff::config::table::environment();
    let settings = settings.iter().map(|(n, w)| (*n, w.as_str()));
    for (name, what) in settings.chain(others) {
        r.control("TP", []).text([bold(name)]).text([roman(what)]);
    }
    r.control("SH", ["FILES"]);
    r.control("TP", [])
        .text([bold("$XDG_CONFIG_HOME/tradeoff/config.toml")])
        .text([roman(
            "settings (default ~/.config/tradeoff/config.toml): theme, projector, mouse, data_dirs, packs; \
             `tradeoff config` shows the effective settings and where each comes from",
        )]);
    r.control("TP", [])
        .text([bold("$XDG_DATA_HOME/tradeoff/packs/")])
        .text([roman(
            "your own decision packs (default ~/.local/share/tradeoff/packs/), loaded beside the built-in ones; \
             `tradeoff pack new ID` writes one there, `tradeoff validate ~/.local/share/tradeoff` checks them",
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
