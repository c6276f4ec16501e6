//! The `tradeoff` binary: parse the command line, run the command, map errors to exit codes
//! (0 success, 1 a check failed or a file could not be written, 2 bad input).

mod cli;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use cli::{Cli, Command, Format, RecommendArgs};
use tradeoff::answers::Answers;
use tradeoff::pack::{self, Catalog};
use tradeoff::{dates, engine, fsutil, report, suggest};

/// A failure with the exit code it maps to.
struct Failure {
    code: u8,
    message: String,
}

fn fail(code: u8, message: impl Into<String>) -> Failure {
    Failure {
        code,
        message: message.into(),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(f) => {
            eprintln!("{}", f.message.trim_end());
            ExitCode::from(f.code)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.command {
        None => interactive(&cli),
        Some(Command::Validate { dir }) => validate(dir.as_deref().or(cli.data.as_deref())),
        Some(Command::Questions) => {
            let catalog = load_scoring(cli.data.as_deref())?;
            print_out(&questions_text(&catalog))
        }
        Some(Command::Packs) => {
            let catalog = load_scoring(cli.data.as_deref())?;
            print_out(&packs_text(&catalog))
        }
        Some(Command::Compare {
            ref files,
            format,
            tui,
        }) => {
            let catalog = load_scoring(cli.data.as_deref())?;
            compare(&catalog, files, format, tui.then_some(&cli))
        }
        Some(Command::Demo { ref script }) => demo(&cli, script.as_deref()),
        Some(Command::Glossary { words }) => {
            let catalog = load(cli.data.as_deref())?;
            print_out(&glossary_text(&catalog, &words.join(" "))?)
        }
        Some(Command::Recommend(args)) => {
            let catalog = load_scoring(cli.data.as_deref())?;
            recommend(&catalog, &args)
        }
    }
}

/// `tradeoff` without a command: the TUI, on a terminal only.
fn interactive(cli: &Cli) -> Result<ExitCode, Failure> {
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let accessible = std::env::var_os("ACCESSIBLE").is_some_and(|v| !v.is_empty());
    if cli.plain || dumb || accessible {
        return plain(cli);
    }
    let theme = tui_theme(cli)?;
    let catalog = load(cli.data.as_deref())?;
    let mut app = tradeoff::tui::App::new(catalog, theme, (0, 0));
    start_projector(&mut app, cli);
    let session = tradeoff::session::session_path();
    match session.as_deref().filter(|p| p.exists()) {
        Some(path) => match tradeoff::session::load(path, &app.catalog) {
            Ok((answers, progress)) if cli.resume => app = app.resumed(answers, progress),
            Ok((answers, progress)) => {
                if !progress.finished && answers.answered() > 0 {
                    app.resume = Some((answers, progress));
                }
            }
            Err(d) if cli.resume => {
                let d: Vec<String> = d.iter().map(|d| d.to_string()).collect();
                return Err(fail(
                    2,
                    format!(
                        "{}\nerror: the saved session cannot be resumed",
                        d.join("\n")
                    ),
                ));
            }
            // An unreadable session (older data, a hand edit) is not offered; it is replaced once
            // the user answers something.
            Err(_) => {}
        },
        None if cli.resume => {
            let at = session.map_or("no state directory".into(), |p| p.display().to_string());
            return Err(fail(
                2,
                format!("error: there is no saved session to resume ({at})"),
            ));
        }
        None => {}
    }
    let options = tradeoff::tui::Options {
        mouse: cli.mouse,
        session,
    };
    tradeoff::tui::term::run(app, &options)
        .map_err(|e| fail(1, format!("error: the terminal failed: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

/// `tradeoff demo [SCRIPT]`: the script is checked first (every problem with file:line:col, exit 2),
/// then the TUI runs it; like the interactive mode it needs a terminal.
fn demo(cli: &Cli, script: Option<&Path>) -> Result<ExitCode, Failure> {
    let catalog = load(cli.data.as_deref())?;
    let parsed = match script {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                fail(
                    2,
                    format!("{}: cannot read the demo script: {e}", path.display()),
                )
            })?;
            tradeoff::demo::parse(&catalog, &path.display().to_string(), &text)
        }
        None => tradeoff::demo::default_script(&catalog),
    };
    let script = parsed.map_err(|d| {
        let lines: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        fail(
            2,
            format!(
                "{}\nerror: the demo script has {} problem(s); nothing was shown",
                lines.join("\n"),
                d.len()
            ),
        )
    })?;
    let theme = tui_theme(cli)?;
    let mut app = tradeoff::tui::App::new(catalog, theme, (0, 0));
    start_projector(&mut app, cli);
    let app = app.with_demo(script);
    // A demo saves no session: the presenter's answers are not the user's.
    let options = tradeoff::tui::Options {
        mouse: cli.mouse,
        ..Default::default()
    };
    tradeoff::tui::term::run(app, &options)
        .map_err(|e| fail(1, format!("error: the terminal failed: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

/// The theme of the interactive mode, after checking that there is a terminal to show it on.
fn tui_theme(cli: &Cli) -> Result<tradeoff::tui::Theme, Failure> {
    use std::io::IsTerminal;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let colorfgbg = std::env::var("COLORFGBG").ok();
    let theme = tradeoff::tui::Theme::resolve(cli.theme.as_deref(), no_color, colorfgbg.as_deref())
        .map_err(|e| fail(2, format!("{e}")))?;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(fail(
            2,
            "error: the interactive mode needs a terminal, and standard input or output is redirected\n\
             for scripts and pipes use `tradeoff recommend`, e.g. `tradeoff recommend --answer team_size=small --format json`",
        ));
    }
    // An explicit colour theme overrides NO_COLOR (crossterm would otherwise drop every colour).
    if no_color && !theme.is_monochrome() {
        crossterm::style::force_color_output(true);
    }
    Ok(theme)
}

/// `--projector`: the projector view, in the projector theme unless `--theme` chose one.
fn start_projector(app: &mut tradeoff::tui::App, cli: &Cli) {
    if !cli.projector {
        return;
    }
    if cli.theme.is_some() {
        app.look.projector = true;
    } else {
        app.set_projector(true);
    }
}

/// Plain mode: numbered prompts on standard input and output (see `tradeoff::plain`).
fn plain(cli: &Cli) -> Result<ExitCode, Failure> {
    let catalog = load(cli.data.as_deref())?;
    let answers = Answers::empty(&catalog);
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut output = std::io::stdout().lock();
    match tradeoff::plain::run(&catalog, answers, &mut input, &mut output) {
        Ok(tradeoff::plain::Outcome::Done(_)) => Ok(ExitCode::SUCCESS),
        Ok(tradeoff::plain::Outcome::EndOfInput { answered_up_to, .. }) => Err(fail(
            1,
            tradeoff::plain::end_of_input_message(answered_up_to, catalog.questions.len()),
        )),
        // A closed pipe on the output side: nothing more to say to anyone.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::from(1)),
        Err(e) => Err(fail(1, format!("error: {e}"))),
    }
}

fn load(dir: Option<&Path>) -> Result<Catalog, Failure> {
    load_with(pack::load_from(dir))
}

/// The data without the glossary, for commands that only score.
fn load_scoring(dir: Option<&Path>) -> Result<Catalog, Failure> {
    load_with(pack::load_for_scoring(dir))
}

fn load_with(loaded: Result<Catalog, pack::Diagnostics>) -> Result<Catalog, Failure> {
    loaded.map_err(|d| {
        fail(
            2,
            format!(
                "{d}\nerror: the decision data has {} problem(s); `tradeoff validate` lists them",
                d.len()
            ),
        )
    })
}

fn print_out(s: &str) -> Result<ExitCode, Failure> {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`tradeoff … | head`) is not an error worth a message.
    let _ = out.write_all(s.as_bytes()).and_then(|_| out.flush());
    Ok(ExitCode::SUCCESS)
}

fn validate(dir: Option<&Path>) -> Result<ExitCode, Failure> {
    match pack::load_from(dir) {
        Ok(c) => {
            let alts: usize = c.packs.iter().map(|p| p.alternatives.len()).sum();
            println!(
                "ok: {} pack(s), {} question(s), {} alternative(s), {} source(s); data verified {}",
                c.packs.len(),
                c.questions.len(),
                alts,
                c.sources.len(),
                c.verified
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(d) => {
            println!("{d}");
            Err(fail(1, format!("{} problem(s) found", d.len())))
        }
    }
}

fn questions_text(c: &Catalog) -> String {
    let mut o = String::new();
    for (i, q) in c.questions.iter().enumerate() {
        let from = q
            .pack
            .as_ref()
            .map_or(String::new(), |p| format!("  [pack {p}]"));
        o.push_str(&format!(
            "{}. {}  ({}){from}\n   {}\n",
            i + 1,
            q.id,
            q.title,
            q.prompt
        ));
        let w = q.choices.iter().map(|c| c.id.len()).max().unwrap_or(0);
        for ch in &q.choices {
            o.push_str(&format!("     {:w$}  {}\n", ch.id, ch.label));
        }
        o.push('\n');
    }
    o.push_str("Answer with --answer QUESTION=CHOICE, e.g. --answer team_size=small. Skipped questions have no effect.\n");
    o
}

fn packs_text(c: &Catalog) -> String {
    let mut o = String::new();
    for p in &c.packs {
        o.push_str(&format!(
            "{}  {} — {} (verified {})\n   criteria: {}\n   alternatives: {}\n",
            p.id,
            p.name,
            p.description,
            p.verified,
            p.criteria
                .iter()
                .map(|k| k.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            p.alternatives
                .iter()
                .map(|a| a.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    o
}

/// Reads an answers file over `answers`; errors name the file, line and column.
fn read_answers(catalog: &Catalog, path: &Path, answers: &mut Answers) -> Result<(), Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        fail(
            2,
            format!("{}: cannot read the answers file: {e}", path.display()),
        )
    })?;
    answers
        .apply_file(catalog, &path.display().to_string(), &text)
        .map_err(|d| {
            fail(
                2,
                d.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        })
}

fn compare(
    catalog: &Catalog,
    files: &[std::path::PathBuf],
    format: cli::CompareFormat,
    tui: Option<&Cli>,
) -> Result<ExitCode, Failure> {
    let mut teams = Vec::new();
    for path in files {
        let mut answers = Answers::empty(catalog);
        read_answers(catalog, path, &mut answers)?;
        let name = answers.team.clone().unwrap_or_else(|| {
            path.file_stem()
                .map_or("team".into(), |s| s.to_string_lossy().into_owned())
        });
        teams.push((name, answers));
    }
    let cmp = tradeoff::compare::compare(catalog, &teams);
    if let Some(cli) = tui {
        let theme = tui_theme(cli)?;
        let screen = tradeoff::tui::compare_screen::CompareScreen::new(cmp, theme, (0, 0));
        tradeoff::tui::compare_screen::run(screen)
            .map_err(|e| fail(1, format!("error: the terminal failed: {e}")))?;
        return Ok(ExitCode::SUCCESS);
    }
    let body = match format {
        cli::CompareFormat::Text => tradeoff::compare::render_text(&cmp),
        cli::CompareFormat::Markdown => tradeoff::compare::render_markdown(&cmp),
        cli::CompareFormat::Json => serde_json::to_string_pretty(&cmp).unwrap_or_default() + "\n",
    };
    print_out(&body)
}

fn glossary_text(c: &Catalog, query: &str) -> Result<String, Failure> {
    let mut hits: Vec<(i64, usize)> = c
        .glossary
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            if query.trim().is_empty() {
                return Some((0, i));
            }
            std::iter::once(t.term.as_str())
                .chain(t.aliases.iter().map(String::as_str))
                .chain(std::iter::once(t.id.as_str()))
                .filter_map(|name| suggest::relevance(name, query.trim()).map(|(s, _)| s))
                .max()
                .map(|s| (s, i))
        })
        .collect();
    if query.trim().is_empty() {
        hits.sort_by(|a, b| {
            c.glossary[a.1]
                .term
                .to_lowercase()
                .cmp(&c.glossary[b.1].term.to_lowercase())
        });
    } else {
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.truncate(5);
    }
    if hits.is_empty() {
        return Err(fail(
            1,
            format!("No glossary term matches `{query}`; `tradeoff glossary` lists them all."),
        ));
    }
    let mut o = String::new();
    for (_, i) in hits {
        let t = &c.glossary[i];
        o.push_str(&format!(
            "{}\n  {}\n  Why it matters: {}\n",
            t.term, t.definition, t.why
        ));
        if let Some(s) = t.source.map(|s| &c.sources[s]) {
            let at = s.url.as_deref().or(s.citation.as_deref()).unwrap_or("");
            o.push_str(&format!(
                "  Source: {} — {at} (verified {})\n",
                s.title, s.verified
            ));
        }
        if !t.related.is_empty() {
            let rel: Vec<&str> = t
                .related
                .iter()
                .map(|&r| c.glossary[r].term.as_str())
                .collect();
            o.push_str(&format!("  See also: {}\n", rel.join(", ")));
        }
        o.push('\n');
    }
    Ok(o)
}

fn recommend(catalog: &Catalog, args: &RecommendArgs) -> Result<ExitCode, Failure> {
    let mut answers = Answers::empty(catalog);
    if let Some(path) = &args.answers {
        read_answers(catalog, path, &mut answers)?;
    }
    for flag in &args.answer {
        answers
            .apply_flag(catalog, flag)
            .map_err(|e| fail(2, format!("error: {e}")))?;
    }
    let mut packs = Vec::new();
    for id in &args.pack {
        match catalog.pack_index(id) {
            Some(i) if !packs.contains(&i) => packs.push(i),
            Some(_) => {}
            None => {
                let ids = catalog.packs.iter().map(|p| p.id.as_str());
                return Err(fail(
                    2,
                    format!(
                        "error: unknown pack `{id}`{}; valid packs: {}",
                        suggest::did_you_mean(id, ids.clone()),
                        ids.collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
        }
    }
    let rec = engine::analyze(catalog, &answers, &packs);
    let body = match args.format {
        Format::Text => report::text::render(&rec),
        Format::Json => report::json::render(&rec),
        Format::Markdown => report::markdown::render(&rec, &dates::today()),
        Format::Html => report::html::render(&rec, &dates::today()),
    };
    match &args.output {
        None => print_out(&body),
        Some(path) => {
            fsutil::write_atomic(path, body.as_bytes(), args.force).map_err(|e| match e {
                fsutil::WriteError::Exists => fail(
                    1,
                    format!(
                        "{}: already exists; pass --force to overwrite it",
                        path.display()
                    ),
                ),
                fsutil::WriteError::Io(e) => {
                    fail(1, format!("{}: cannot write: {e}", path.display()))
                }
            })?;
            eprintln!("wrote {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}
