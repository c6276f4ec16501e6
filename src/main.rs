//! The `tradeoff` binary: parse the command line, run the command, map errors to exit codes
//! (0 success, 1 a check failed or a file could not be written, 2 bad input).

mod cli;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use cli::{Cli, Command, DataArg, ListFormat, PackAction, RecommendArgs, ViewArgs};
use tradeoff::answers::Answers;
use tradeoff::config::{Config, Flags, Origin};
use tradeoff::pack::{self, Catalog};
use tradeoff::{dates, engine, fsutil, report, safe, suggest};

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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    match run(cli) {
        Ok(code) => code,
        Err(f) => {
            eprintln!("{}", safe::lines(f.message.trim_end()));
            ExitCode::from(f.code)
        }
    }
}

/// clap's message for a bad command line, and for an option that exists elsewhere, where it acts.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    // Help and version go to stdout; a closed pipe there is nobody's problem.
    let _ = e.print();
    if e.kind() == ErrorKind::UnknownArgument
        && let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg)
        && let Some(scope) = cli::flag_scope(arg.split('=').next().unwrap_or(arg))
    {
        eprintln!("note: {scope}");
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// An option given before a subcommand that has no use for it.
fn misplaced(flag: &str, command: &str) -> Failure {
    let scope = cli::flag_scope(flag).map_or(String::new(), |s| format!("\nnote: {s}"));
    fail(
        2,
        format!("error: {flag} has no effect on `tradeoff {command}`{scope}"),
    )
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let Cli {
        data: outer_data,
        view: outer,
        plain,
        resume,
        command,
    } = cli;
    let Some(command) = command else {
        return interactive(outer_data.data, &outer, plain, resume);
    };
    let name = command_name(&command);
    if plain || resume {
        return Err(misplaced(if plain { "--plain" } else { "--resume" }, name));
    }
    // Options given before the subcommand count where the subcommand uses them.
    let data = |d: DataArg| d.data.or_else(|| outer_data.data.clone());
    let no_view = || match outer.given().first() {
        Some(flag) => Err(misplaced(flag, name)),
        None => Ok(()),
    };
    let no_data = || match &outer_data.data {
        Some(_) => Err(misplaced("--data", name)),
        None => Ok(()),
    };
    match command {
        Command::Validate {
            dir,
            data: d,
            format,
            scripts,
        } => {
            no_view()?;
            let dir = dir.or_else(|| data(d));
            validate(dir.as_deref(), &scripts, format)
        }
        Command::Questions { data: d, format } => {
            no_view()?;
            let catalog = load_scoring(data(d).as_deref())?;
            print_out(&match format {
                ListFormat::Text => questions_text(&catalog),
                ListFormat::Json => questions_json(&catalog),
            })
        }
        Command::Packs { data: d, format } => {
            no_view()?;
            let catalog = load_scoring(data(d).as_deref())?;
            print_out(&match format {
                ListFormat::Text => packs_text(&catalog),
                ListFormat::Json => packs_json(&catalog),
            })
        }
        Command::Compare {
            files,
            format,
            tui,
            data: d,
            theme,
            projector,
            no_projector,
            record,
        } => {
            let mine = ViewArgs {
                theme,
                projector,
                no_projector,
                record,
                ..ViewArgs::default()
            };
            let view = if tui {
                Some(compare_view(mine, &outer)?)
            } else {
                no_view()?;
                None
            };
            // The screen has the glossary (search, terms); the reports do not.
            let catalog = if tui {
                load(data(d).as_deref())?
            } else {
                load_scoring(data(d).as_deref())?
            };
            compare(catalog, &files, format, view.as_ref())
        }
        Command::Demo {
            script,
            data: d,
            view,
        } => demo(script.as_deref(), data(d), &view.or(&outer)),
        Command::Glossary {
            words,
            data: d,
            format,
        } => {
            no_view()?;
            let catalog = load(data(d).as_deref())?;
            let query = words.join(" ");
            match format {
                ListFormat::Text => glossary(&catalog, &query),
                ListFormat::Json => glossary_json(&catalog, &query),
            }
        }
        Command::Recommend(args) => {
            no_view()?;
            let dir = data(args.data.clone());
            let catalog = load_scoring(dir.as_deref())?;
            recommend(&catalog, &args)
        }
        Command::Config {
            data: d,
            view,
            format,
        } => {
            if view.or(&outer).record.is_some() {
                return Err(misplaced("--record", name));
            }
            show_config(data(d), &view.or(&outer), format)
        }
        Command::Completions { shell } => {
            no_view()?;
            no_data()?;
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "tradeoff", &mut out);
            print_bytes(&out)
        }
        Command::Man { command } => {
            no_view()?;
            no_data()?;
            man_page(command.as_deref())
        }
        Command::Pack {
            action: PackAction::New { id, dir, force },
        } => {
            no_view()?;
            no_data()?;
            new_pack(&id, dir, force)
        }
    }
}

/// The view options of `compare --tui`: its own, then those given before `compare`; the mouse is
/// refused, as the comparison screen does not read it.
fn compare_view(mine: ViewArgs, outer: &ViewArgs) -> Result<ViewArgs, Failure> {
    if outer.mouse().is_some() {
        return Err(misplaced(
            if outer.mouse { "--mouse" } else { "--no-mouse" },
            "compare --tui",
        ));
    }
    Ok(mine.or(outer))
}

fn command_name(c: &Command) -> &'static str {
    match c {
        Command::Recommend(_) => "recommend",
        Command::Questions { .. } => "questions",
        Command::Packs { .. } => "packs",
        Command::Validate { .. } => "validate",
        Command::Compare { tui: true, .. } => "compare --tui",
        Command::Compare { .. } => "compare",
        Command::Demo { .. } => "demo",
        Command::Glossary { .. } => "glossary",
        Command::Config { .. } => "config",
        Command::Completions { .. } => "completions",
        Command::Man { .. } => "man",
        Command::Pack { .. } => "pack new",
    }
}

/// The settings of an interactive view: its flags over the environment over the config file. The
/// problems of a broken config file are shown, and the view starts with the defaults.
fn view_config(view: &ViewArgs) -> Config {
    let config = Config::load(&Flags {
        theme: view.theme.clone(),
        projector: view.projector(),
        mouse: view.mouse(),
        ..Flags::default()
    });
    if let Some(w) = config.warning() {
        eprintln!("{w}");
    }
    config
}

/// `tradeoff` without a command: the TUI, on a terminal only.
fn interactive(
    data: Option<PathBuf>,
    view: &ViewArgs,
    plain: bool,
    resume: bool,
) -> Result<ExitCode, Failure> {
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let accessible = std::env::var_os("ACCESSIBLE").is_some_and(|v| !v.is_empty());
    if plain || dumb || accessible {
        let mut ignored = view.given();
        if resume {
            ignored.push("--resume");
        }
        if !ignored.is_empty() {
            let why = match (plain, dumb) {
                (true, _) => "--plain",
                (false, true) => "TERM=dumb",
                (false, false) => "ACCESSIBLE is set",
            };
            eprintln!("note: plain mode ({why}) ignores {}", ignored.join(", "));
        }
        return plain_mode(data.as_deref());
    }
    let config = view_config(view);
    let theme = tui_theme(&config)?;
    let Some(catalog) = load_interactive(data.as_deref())? else {
        return Ok(ExitCode::SUCCESS); // given up on the loading screen
    };
    let mut app = tradeoff::tui::App::new(catalog, theme, (0, 0));
    start_projector(&mut app, &config);
    let session = tradeoff::session::session_path();
    match session.as_deref().filter(|p| p.exists()) {
        Some(path) => match tradeoff::session::load(path, &app.catalog) {
            Ok((answers, progress)) if resume => app = app.resumed(answers, progress),
            Ok((answers, progress)) => {
                if !progress.finished && answers.answered() > 0 {
                    app.resume = Some((answers, progress));
                }
            }
            Err(d) if resume => {
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
        None if resume => {
            let at = session.map_or("no state directory".into(), |p| p.display().to_string());
            return Err(fail(
                2,
                format!("error: there is no saved session to resume ({at})"),
            ));
        }
        None => {}
    }
    let options = tradeoff::tui::Options {
        mouse: config.mouse.value,
        session,
        record: recording(view)?,
    };
    tradeoff::tui::term::run(app, &options)
        .map_err(|e| fail(1, format!("error: the terminal failed: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

/// `tradeoff demo [SCRIPT]`: the script is checked first (every problem with file:line:col, exit 2),
/// then the TUI runs it; like the interactive mode it needs a terminal.
fn demo(
    script: Option<&Path>,
    data: Option<PathBuf>,
    view: &ViewArgs,
) -> Result<ExitCode, Failure> {
    let catalog = load(data.as_deref())?;
    let parsed = match script {
        Some(path) => read_script(&catalog, path),
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
    let config = view_config(view);
    let theme = tui_theme(&config)?;
    let mut app = tradeoff::tui::App::new(catalog, theme, (0, 0));
    start_projector(&mut app, &config);
    let app = app.with_demo(script);
    // A demo saves no session: the presenter's answers are not the user's.
    let options = tradeoff::tui::Options {
        mouse: config.mouse.value,
        record: recording(view)?,
        ..Default::default()
    };
    tradeoff::tui::term::run(app, &options)
        .map_err(|e| fail(1, format!("error: the terminal failed: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

/// The file `--record` names, checked before the screen opens: it can be created (it is replaced).
fn recording(view: &ViewArgs) -> Result<Option<PathBuf>, Failure> {
    let Some(path) = &view.record else {
        return Ok(None);
    };
    std::fs::File::create(path).map_err(|e| {
        fail(
            1,
            format!(
                "error: cannot write the recording {}: {e}",
                safe::line(&path.display().to_string())
            ),
        )
    })?;
    Ok(Some(path.clone()))
}

/// The largest demo script read (the built-in one is a few KiB).
const DEMO_MAX_BYTES: u64 = 1 << 20;

/// The theme of an interactive view, after checking that there is a terminal to show it on. A
/// theme from the environment or the config file that cannot be loaded is reported and replaced by
/// the automatic choice; one from `--theme` is an error (exit 2).
fn tui_theme(config: &Config) -> Result<tradeoff::tui::Theme, Failure> {
    use std::io::IsTerminal;
    use tradeoff::tui::Theme;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let colorfgbg = std::env::var("COLORFGBG").ok();
    let chosen = config.theme.value.as_deref();
    let theme = match Theme::resolve(chosen, no_color, colorfgbg.as_deref()) {
        Ok(t) => t,
        Err(e) if matches!(config.theme.origin, Origin::Flag { .. } | Origin::Default) => {
            return Err(fail(2, format!("{e}")));
        }
        Err(e) => {
            eprintln!(
                "{e}\nwarning: the theme set by {} was not used; the default applies",
                config.theme.origin
            );
            Theme::resolve(None, no_color, colorfgbg.as_deref())
                .map_err(|e| fail(2, format!("{e}")))?
        }
    };
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

/// The projector view, in the projector theme unless a theme was chosen.
fn start_projector(app: &mut tradeoff::tui::App, config: &Config) {
    if !config.projector.value {
        return;
    }
    if config.theme.value.is_some() {
        app.look.projector = true;
    } else {
        app.set_projector(true);
    }
}

/// Plain mode: numbered prompts on standard input and output (see `tradeoff::plain`).
fn plain_mode(data: Option<&Path>) -> Result<ExitCode, Failure> {
    let catalog = load(data)?;
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

/// The decision data: a `--data` folder alone, or the built-in packs with the user's own beside
/// them (`$XDG_DATA_HOME/tradeoff/packs/` and the config's `data_dirs`).
fn load(dir: Option<&Path>) -> Result<Catalog, Failure> {
    match dir {
        Some(d) => load_with(pack::load_from(Some(d))),
        None => load_with(pack::load_with_user(&user_pack_dirs(), true)),
    }
}

/// More TOML than this is parsed behind a loading screen in the interactive mode (about 50 ms of
/// parsing: below it, a loading screen would only flash).
const LOADING_SCREEN_BYTES: u64 = 1 << 20;

/// The data for the interactive mode, which has a terminal: big data is parsed behind a loading
/// screen, so the first frame comes at once. `None` when the user gave up while it loaded.
fn load_interactive(data: Option<&Path>) -> Result<Option<Catalog>, Failure> {
    let dirs: Vec<PathBuf> = match data {
        Some(d) => vec![d.to_path_buf()],
        None => user_pack_dirs(),
    };
    let bytes = pack::data_bytes(&dirs);
    let replace = data.is_some();
    let work = move || {
        if replace {
            pack::load_from(dirs.first().map(PathBuf::as_path))
        } else {
            pack::load_with_user(&dirs, true)
        }
    };
    let loaded = if bytes > LOADING_SCREEN_BYTES {
        let message = format!(
            "Reading {:.1} MB of decision data…",
            bytes as f64 / 1_000_000.0
        );
        match tradeoff::tui::term::while_loading(&message, work) {
            Ok(Some(loaded)) => loaded,
            Ok(None) => return Ok(None),
            Err(e) => return Err(fail(1, format!("error: the terminal failed: {e}"))),
        }
    } else {
        work()
    };
    load_with(loaded).map(Some)
}

/// The data without a folder's glossary, for commands that only score.
fn load_scoring(dir: Option<&Path>) -> Result<Catalog, Failure> {
    match dir {
        Some(d) => load_with(pack::load_for_scoring(Some(d))),
        None => load_with(pack::load_with_user(&user_pack_dirs(), false)),
    }
}

/// The folders of the user's own packs; a configured folder that does not exist is said on
/// standard error and left out.
fn user_pack_dirs() -> Vec<PathBuf> {
    let config = Config::load(&Flags::default());
    let (found, missing) = pack::user_dirs(config.data_dirs());
    for d in missing {
        eprintln!(
            "warning: the data folder {} (data_dirs) does not exist; its packs are left out",
            safe::line(&d.display().to_string())
        );
    }
    found
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

/// Prints to standard output; every report already escapes its values, and this last pass makes
/// sure nothing else reaches the terminal raw either.
fn print_out(s: &str) -> Result<ExitCode, Failure> {
    print_bytes(safe::lines(s).as_bytes())
}

/// Writes to standard output. A closed pipe (`tradeoff … | head -1`) ends the output quietly with
/// the command's own status, as the reader chose to stop; any other failure (a full disk) is an
/// error.
fn print_bytes(bytes: &[u8]) -> Result<ExitCode, Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(fail(
            1,
            format!("error: cannot write to standard output: {e}"),
        )),
    }
}

fn to_json(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default() + "\n"
}

fn validate(
    dir: Option<&Path>,
    scripts: &[PathBuf],
    format: ListFormat,
) -> Result<ExitCode, Failure> {
    // The built-in data is checked from its TOML, as a folder would be, not read from its snapshot.
    let checked = match dir {
        Some(d) => pack::load_from(Some(d)),
        None => pack::check_with_user(&user_pack_dirs(), true),
    };
    // Demo scripts name questions, choices, packs and terms: they are checked against the data once
    // it holds. The built-in script goes with the built-in data (a folder given instead is other
    // data, which the built-in script does not speak of).
    let checked = checked.and_then(|c| {
        let mut names = Vec::new();
        let mut problems = pack::Diagnostics::default();
        for (name, parsed) in demo_scripts(&c, dir.is_none(), scripts) {
            match parsed {
                Ok(_) => names.push(name),
                Err(d) => problems.extend(d),
            }
        }
        if problems.is_empty() {
            Ok((c, names))
        } else {
            Err(problems.sorted())
        }
    });
    let problems = match (checked, format) {
        (Ok((c, scripts)), ListFormat::Text) => {
            let alts: usize = c.packs.iter().map(|p| p.alternatives.len()).sum();
            let mut out = format!(
                "ok: {} pack(s), {} question(s), {} alternative(s), {} source(s); data verified {}\n",
                c.packs.len(),
                c.questions.len(),
                alts,
                c.sources.len(),
                c.verified
            );
            for name in &scripts {
                out.push_str(&format!("ok: demo script {}\n", safe::line(name)));
            }
            print_out(&out)?;
            0
        }
        (Ok((c, scripts)), ListFormat::Json) => {
            print_out(&to_json(&serde_json::json!({
                "schema_version": 1,
                "ok": true,
                "packs": c.packs.len(),
                "questions": c.questions.len(),
                "alternatives": c.packs.iter().map(|p| p.alternatives.len()).sum::<usize>(),
                "sources": c.sources.len(),
                "data_verified": c.verified,
                "demo_scripts": scripts,
                "problems": [],
            })))?;
            0
        }
        // One line per problem, written as it goes: a million problems stream out in seconds.
        (Err(d), ListFormat::Text) => {
            stream_problems(&d)?;
            d.len()
        }
        (Err(d), ListFormat::Json) => {
            print_out(&to_json(&serde_json::json!({
                "schema_version": 1,
                "ok": false,
                "problems": d.0.iter().map(|p| serde_json::json!({
                    "file": p.file, "line": p.line, "col": p.col, "message": p.message,
                })).collect::<Vec<_>>(),
            })))?;
            d.len()
        }
    };
    if problems > 0 {
        return Err(fail(1, format!("{problems} problem(s) found")));
    }
    Ok(ExitCode::SUCCESS)
}

/// The demo scripts `validate` checks against `catalog`, each with its name: the built-in one (with
/// `builtin`), then the files named with `--script` (one that cannot be read is a problem of its
/// own, named by its path).
fn demo_scripts(
    catalog: &Catalog,
    builtin: bool,
    files: &[PathBuf],
) -> Vec<(String, Result<tradeoff::demo::Script, pack::Diagnostics>)> {
    let mut out = Vec::new();
    if builtin {
        out.push((
            format!("assets/{}", tradeoff::demo::DEFAULT_SCRIPT),
            tradeoff::demo::default_script(catalog),
        ));
    }
    for path in files {
        out.push((path.display().to_string(), read_script(catalog, path)));
    }
    out
}

/// A demo script file, read (a regular file of at most [`DEMO_MAX_BYTES`]) and checked against
/// `catalog`; a file that cannot be read is a problem of its own, named by its path.
fn read_script(
    catalog: &Catalog,
    path: &Path,
) -> Result<tradeoff::demo::Script, pack::Diagnostics> {
    let name = path.display().to_string();
    match fsutil::read_text_limited(path, DEMO_MAX_BYTES) {
        Ok(text) => tradeoff::demo::parse(catalog, &name, &text),
        Err(e) => Err(pack::unreadable(name, &e).into()),
    }
}

/// Writes every problem on its own line through a buffer (each line is already terminal-safe:
/// [`pack::Diagnostic`]'s `Display` escapes what the data put in it). A closed pipe ends it quietly.
fn stream_problems(d: &pack::Diagnostics) -> Result<(), Failure> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written =
        d.0.iter()
            .try_for_each(|p| writeln!(out, "{p}"))
            .and_then(|_| out.flush());
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(fail(
            1,
            format!("error: cannot write to standard output: {e}"),
        )),
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
            safe::line(&q.title),
            safe::line(&q.prompt)
        ));
        let when = tradeoff::answers::asked_when_text(c, i);
        if !when.is_empty() {
            o.push_str(&format!("   ({when})\n"));
        }
        let w = q.choices.iter().map(|c| c.id.len()).max().unwrap_or(0);
        for ch in &q.choices {
            o.push_str(&format!("     {:w$}  {}\n", ch.id, safe::line(&ch.label)));
        }
        o.push('\n');
    }
    o.push_str("Answer with --answer QUESTION=CHOICE, e.g. --answer team_size=small. A question left out is not taken as any particular answer; where a rule reads it, the result says so (\"not answered\").\n");
    o
}

fn packs_text(c: &Catalog) -> String {
    let mut o = String::new();
    for p in &c.packs {
        let mark = p.origin.as_ref().map_or(String::new(), |f| {
            format!("  [your pack: {}]", safe::line(f))
        });
        o.push_str(&format!(
            "{}{mark}  {} — {} (verified {})\n   criteria: {}\n   alternatives: {}\n",
            p.id,
            safe::line(&p.name),
            safe::line(&p.description),
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

fn questions_json(c: &Catalog) -> String {
    let questions: Vec<serde_json::Value> = c
        .questions
        .iter()
        .map(|q| {
            serde_json::json!({
                "id": q.id,
                "title": q.title,
                "prompt": q.prompt,
                "help": q.help,
                "pack": q.pack,
                "asked_when": q.asked_when.iter().map(|cond| serde_json::json!({
                    "question": c.questions[cond.question].id,
                    "choices": cond.choices.iter().map(|&x| &c.questions[cond.question].choices[x].id).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "choices": q.choices.iter().map(|ch| serde_json::json!({
                    "id": ch.id, "label": ch.label, "detail": ch.detail,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    to_json(&serde_json::json!({ "schema_version": 1, "questions": questions }))
}

fn packs_json(c: &Catalog) -> String {
    let packs: Vec<serde_json::Value> = c
        .packs
        .iter()
        .map(|p| {
            serde_json::json!({
                "id": p.id,
                "name": p.name,
                "description": p.description,
                "verified": p.verified,
                "origin": p.origin,
                "criteria": p.criteria.iter().map(|k| serde_json::json!({
                    "id": k.id, "name": k.name, "description": k.description, "weight": k.weight,
                })).collect::<Vec<_>>(),
                "alternatives": p.alternatives.iter().map(|a| serde_json::json!({
                    "id": a.id, "name": a.name, "short": a.short, "summary": a.summary, "status": a.status,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    to_json(&serde_json::json!({ "schema_version": 1, "packs": packs }))
}

/// Reads an answers file (`-`: standard input) over `answers`; errors name the file, line and
/// column.
fn read_answers(catalog: &Catalog, path: &Path, answers: &mut Answers) -> Result<(), Failure> {
    answers.apply_path(catalog, path).map_err(|e| fail(2, e))
}

fn compare(
    catalog: Catalog,
    files: &[PathBuf],
    format: cli::CompareFormat,
    tui: Option<&ViewArgs>,
) -> Result<ExitCode, Failure> {
    if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(fail(
            2,
            "error: `-` (standard input) can stand for one answers file only",
        ));
    }
    let mut teams = Vec::new();
    for path in files {
        let mut answers = Answers::empty(&catalog);
        read_answers(&catalog, path, &mut answers)?;
        let path_for_name = if path.as_os_str() == "-" {
            Path::new("stdin")
        } else {
            path.as_path()
        };
        if let Some(e) = answers.not_asked(&catalog).first() {
            let name = safe::line(&path_for_name.display().to_string()).into_owned();
            return Err(fail(2, format!("{name}: {e}")));
        }
        teams.push(tradeoff::compare::Team::from_file(path_for_name, answers));
    }
    if let Some(view) = tui {
        // The comparison is a screen of the TUI: its help, search, detail popup and projector view
        // (it compares the teams itself).
        let config = view_config(view);
        let theme = tui_theme(&config)?;
        let mut app = tradeoff::tui::App::new(catalog, theme, (0, 0));
        start_projector(&mut app, &config);
        let app = app.with_teams(teams);
        // No mouse: it has nothing to click (and --mouse is refused for it).
        let options = tradeoff::tui::Options {
            record: recording(view)?,
            ..Default::default()
        };
        tradeoff::tui::term::run(app, &options)
            .map_err(|e| fail(1, format!("error: the terminal failed: {e}")))?;
        return Ok(ExitCode::SUCCESS);
    }
    let cmp = tradeoff::compare::compare_teams(&catalog, &teams);
    let today = dates::today();
    let outline = |date| report::comparison::outline(&cmp, date);
    let body = match format {
        cli::CompareFormat::Text => report::text::write(&outline(None), report::text::Decor::Rich),
        cli::CompareFormat::Markdown => report::markdown::write(&outline(Some(&today))),
        cli::CompareFormat::Html => report::html::write(&outline(Some(&today))),
        cli::CompareFormat::Json => report::json::to_json(&cmp),
    };
    print_out(&body)
}

/// `tradeoff glossary [WORDS]`: the matching entries, or exit 1 when nothing matches.
fn glossary(c: &Catalog, query: &str) -> Result<ExitCode, Failure> {
    let hits = report::glossary::search(c, query);
    if hits.is_empty() {
        return Err(fail(
            1,
            format!("No glossary term matches `{query}`; `tradeoff glossary` lists them all."),
        ));
    }
    let outline = report::glossary::outline(c, &hits);
    print_out(&report::text::write(&outline, report::text::Decor::Rich))
}

fn glossary_json(c: &Catalog, query: &str) -> Result<ExitCode, Failure> {
    let hits = report::glossary::search(c, query);
    let terms: Vec<serde_json::Value> = hits
        .iter()
        .map(|&i| {
            let t = &c.glossary[i];
            let source = t.source.map(|s| {
                let s = &c.sources[s];
                serde_json::json!({
                    "id": s.id, "title": s.title, "url": s.url, "citation": s.citation, "verified": s.verified,
                })
            });
            serde_json::json!({
                "id": t.id,
                "term": t.term,
                "aliases": t.aliases,
                "definition": t.definition,
                "why": t.why,
                "source": source,
                "related": t.related.iter().map(|&r| c.glossary[r].id.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect();
    print_out(&to_json(&serde_json::json!({
        "schema_version": 1,
        "query": query,
        "terms": terms,
    })))?;
    if hits.is_empty() {
        return Err(fail(
            1,
            format!("No glossary term matches `{query}`; `tradeoff glossary` lists them all."),
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// `tradeoff config`: the config file, the effective settings and where each came from; exit 1
/// when the file or an environment variable has a problem.
fn show_config(
    data: Option<PathBuf>,
    view: &ViewArgs,
    format: ListFormat,
) -> Result<ExitCode, Failure> {
    let config = Config::load(&Flags {
        theme: view.theme.clone(),
        projector: view.projector(),
        mouse: view.mouse(),
        packs: Vec::new(),
        data,
    });
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let colorfgbg = std::env::var("COLORFGBG").ok();
    let auto = tradeoff::tui::Theme::resolve(None, no_color, colorfgbg.as_deref())
        .map_or_else(|_| "dark".to_string(), |t| t.name);
    print_out(&match format {
        ListFormat::Text => config.describe(&auto),
        ListFormat::Json => config.to_json(&auto),
    })?;
    Ok(if config.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `tradeoff man [COMMAND]`: the manual page in roff, with the environment, files and exit status
/// that clap does not know about.
fn man_page(command: Option<&str>) -> Result<ExitCode, Failure> {
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

/// `tradeoff pack new ID`: a documented starting pack (and, where the folder has none, a
/// `sources.toml` for it to cite) that validates with the built-in data and the user's other packs.
fn new_pack(id: &str, dir: Option<PathBuf>, force: bool) -> Result<ExitCode, Failure> {
    if !pack::is_valid_id(id) {
        return Err(fail(
            2,
            format!(
                "error: `{}` is not a pack id: use lowercase letters, digits, `-` and `_` (at most 64), e.g. `deployment`",
                safe::line(id)
            ),
        ));
    }
    let folder = match dir.or_else(pack::user_data_dir) {
        Some(d) => d,
        None => {
            return Err(fail(
                1,
                "error: no data folder for your packs on this system: give --dir DIR",
            ));
        }
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
    let mut dirs = user_pack_dirs();
    if !dirs.contains(&folder) {
        dirs.push(folder.clone());
    }
    if let Err(d) = pack::check_with_user(&dirs, true) {
        return Err(fail(
            1,
            format!(
                "{d}\nerror: the new pack {} does not validate with your other data (above)",
                pack_file.display()
            ),
        ));
    }
    let note = if dir_is_loaded(&folder) {
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

/// Whether tradeoff loads the packs of `folder` (the default user folder, or one in data_dirs).
fn dir_is_loaded(folder: &Path) -> bool {
    pack::user_data_dir().as_deref() == Some(folder)
        || Config::load(&Flags::default())
            .data_dirs()
            .iter()
            .any(|d| d == folder)
}

fn recommend(catalog: &Catalog, args: &RecommendArgs) -> Result<ExitCode, Failure> {
    let config = Config::load(&Flags {
        packs: args.pack.clone(),
        ..Flags::default()
    });
    if let Some(w) = config.warning() {
        eprintln!("{w}");
    }
    let mut answers = Answers::empty(catalog);
    if let Some(path) = &args.answers {
        read_answers(catalog, path, &mut answers)?;
    }
    for flag in &args.answer {
        answers
            .apply_flag(catalog, flag)
            .map_err(|e| fail(2, format!("error: {e}")))?;
    }
    if let Some(e) = answers.not_asked(catalog).first() {
        return Err(fail(2, format!("error: {e}")));
    }
    let mut packs = Vec::new();
    for (id, origin) in config.packs.value.iter().zip(&config.packs.item_origins) {
        match catalog.pack_index(id) {
            Some(i) if !packs.contains(&i) => packs.push(i),
            Some(_) => {}
            None => {
                let ids = catalog.packs.iter().map(|p| p.id.as_str());
                let msg = format!(
                    "unknown pack `{id}`{}; valid packs: {}",
                    suggest::did_you_mean(id, ids.clone()),
                    ids.collect::<Vec<_>>().join(", ")
                );
                match origin {
                    Origin::Flag { .. } => return Err(fail(2, format!("error: {msg}"))),
                    // A default from the environment or the config file never stops a command.
                    _ => eprintln!(
                        "{origin}: {msg}\nwarning: `{id}` was left out of the default packs"
                    ),
                }
            }
        }
    }
    let rec = engine::analyze(catalog, &answers, &packs);
    let body = report::render(&rec, args.format, &dates::today());
    match &args.output {
        None => print_out(&body),
        Some(path) if path.as_os_str() == "-" => print_out(&body),
        Some(path) => {
            let opts = fsutil::WriteOptions {
                overwrite: args.force,
                create_dirs: false,
            };
            fsutil::write_file(path, body.as_bytes(), opts).map_err(|e| match e {
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
            eprintln!("wrote {}", safe::line(&path.display().to_string()));
            Ok(ExitCode::SUCCESS)
        }
    }
}
