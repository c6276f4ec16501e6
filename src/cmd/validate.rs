//! `tradeoff validate [DIR]`: checks decision data (a data folder, or the built-in packs with the
//! user's own) and demo scripts against it; every problem as `file:line:col: message`, exit 1 when
//! there is one.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;
use tradeoff::pack::{self, Catalog, Use};
use tradeoff::safe;

use super::demo::read_script;
use super::job::Data;
use super::out::{Failure, fail, print_json, print_out, stream_problems};
use crate::cli::ListFormat;

/// The JSON report (docs/json-schema.md); the counts are there when the data holds.
#[derive(Serialize)]
struct Report<'a> {
    schema_version: u32,
    ok: bool,
    #[serde(flatten)]
    counts: Option<Counts<'a>>,
    problems: Vec<Problem<'a>>,
}

#[derive(Serialize)]
struct Counts<'a> {
    packs: usize,
    questions: usize,
    alternatives: usize,
    sources: usize,
    data_verified: &'a str,
    demo_scripts: &'a [String],
}

#[derive(Serialize)]
struct Problem<'a> {
    file: &'a str,
    line: usize,
    col: usize,
    message: &'a str,
}

pub fn run(
    data: &Data,
    builtin: bool,
    scripts: &[PathBuf],
    format: ListFormat,
) -> Result<ExitCode, Failure> {
    data.warn_missing();
    // The built-in data is checked from its TOML, as a folder would be, not read from its snapshot.
    let checked = data.source.load(Use::Check).and_then(|c| {
        // Demo scripts name questions, choices, packs and terms: they are checked once the data
        // holds. The built-in script goes with the built-in data (a folder given instead is other
        // data, which the built-in script does not speak of).
        let mut names = Vec::new();
        let mut problems = pack::Diagnostics::default();
        for (name, parsed) in demo_scripts(&c, builtin, scripts) {
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
            let mut out = format!(
                "ok: {} pack(s), {} question(s), {} alternative(s), {} source(s); data verified {}\n",
                c.packs.len(),
                c.questions.len(),
                alternatives(&c),
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
            print_json(&Report {
                schema_version: 1,
                ok: true,
                counts: Some(Counts {
                    packs: c.packs.len(),
                    questions: c.questions.len(),
                    alternatives: alternatives(&c),
                    sources: c.sources.len(),
                    data_verified: &c.verified,
                    demo_scripts: &scripts,
                }),
                problems: Vec::new(),
            })?;
            0
        }
        // One line per problem, written as it goes: a million problems stream out in seconds.
        (Err(d), ListFormat::Text) => {
            stream_problems(&d)?;
            d.len()
        }
        (Err(d), ListFormat::Json) => {
            let problems = d.0.iter().map(|p| Problem {
                file: &p.file,
                line: p.line,
                col: p.col,
                message: &p.message,
            });
            print_json(&Report {
                schema_version: 1,
                ok: false,
                counts: None,
                problems: problems.collect(),
            })?;
            d.len()
        }
    };
    if problems > 0 {
        return Err(fail(1, format!("error: {problems} problem(s) found")));
    }
    Ok(ExitCode::SUCCESS)
}

fn alternatives(c: &Catalog) -> usize {
    c.packs.iter().map(|p| p.alternatives.len()).sum()
}

/// The demo scripts checked against `catalog`, each with its name: the built-in one (with
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
