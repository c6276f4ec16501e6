//! Shell completion that knows the data: the candidates for question ids and their choices, pack
//! ids, theme names, man pages and ADR statuses, computed by the binary itself when a shell asks
//! (`COMPLETE=bash tradeoff -- WORDS…`, clap_complete's dynamic engine), and the registration
//! scripts that make the shells ask.
//!
//! Nothing here runs at an ordinary start: `main` hands over to [`complete_if_asked`] only when
//! `COMPLETE` is set, and the data is loaded on the first candidate that needs it.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;

use clap_complete::engine::{CompletionCandidate, PathCompleter, ValueCompleter};
use clap_complete::env::{Bash, EnvCompleter, Fish, Shells, Zsh};
use tradeoff::pack::{Catalog, Source, Use};

/// The variable that asks for completions (clap_complete's convention, as jj and others use it).
pub const VAR: &str = "COMPLETE";

/// The shells, with bash and zsh registered by this file's own scripts (below).
const SHELLS: Shells<'static> = Shells(&[
    &BASH_WORDS,
    &clap_complete::env::Elvish,
    &Fish,
    &clap_complete::env::Powershell,
    &ZSH_FPATH,
]);

/// Answers the shell and exits when `COMPLETE` names a shell; otherwise returns at once.
pub fn complete_if_asked(factory: fn() -> clap::Command) {
    if std::env::var_os(VAR).is_none_or(|v| v.is_empty() || v == "0") {
        return;
    }
    clap_complete::CompleteEnv::with_factory(factory)
        .var(VAR)
        .shells(SHELLS)
        .complete();
}

/// `tradeoff completions SHELL`: the same registration `COMPLETE=SHELL tradeoff` prints, calling
/// back the program as it was started (`tradeoff` when found on the PATH).
pub fn registration(shell: clap_complete::Shell, out: &mut dyn Write) -> std::io::Result<()> {
    let completer = completer_path();
    let name = shell.to_string();
    let env: &dyn EnvCompleter = SHELLS
        .completer(&name)
        .ok_or_else(|| std::io::Error::other(format!("no completions for {name}")))?;
    env.write_registration(VAR, "tradeoff", "tradeoff", &completer, out)
}

/// The program the scripts call: `argv[0]` made absolute when it is a path, else the name (looked up
/// on the PATH), as clap's `CompleteEnv` does.
fn completer_path() -> String {
    let arg0 = PathBuf::from(
        std::env::args_os()
            .next()
            .unwrap_or_else(|| "tradeoff".into()),
    );
    if arg0.components().count() > 1
        && let Ok(cwd) = std::env::current_dir()
    {
        return cwd.join(arg0).to_string_lossy().into_owned();
    }
    arg0.to_string_lossy().into_owned()
}

// ---------------------------------------------------------------- candidates

/// `--answer QUESTION=CHOICE`: the question ids (each with `=`, so the shell waits for the
/// choice), then, after `=`, that question's choices, whole (`team_size=small`).
pub fn answer(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let Some(c) = catalog() else {
        return Vec::new();
    };
    match current.split_once('=') {
        None => c
            .questions
            .iter()
            .filter(|q| q.id.starts_with(current))
            .map(|q| {
                CompletionCandidate::new(format!("{}=", q.id))
                    .help(Some(q.title.to_string().into()))
            })
            .collect(),
        Some((id, typed)) => c
            .questions
            .iter()
            .filter(|q| q.id == id)
            .flat_map(|q| &q.choices)
            .filter(|ch| ch.id.starts_with(typed))
            .map(|ch| {
                CompletionCandidate::new(format!("{id}={}", ch.id))
                    .help(Some(ch.label.to_string().into()))
            })
            .collect(),
    }
}

/// `--pack ID`: the packs of the data the command line names (built-in and the user's own).
pub fn pack(current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_str().unwrap_or_default();
    catalog()
        .map(|c| {
            c.packs
                .iter()
                .filter(|p| p.id.starts_with(current))
                .map(|p| {
                    CompletionCandidate::new(p.id.as_str()).help(Some(p.name.to_string().into()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// `--theme NAME|FILE`: the built-in names; a theme file only once the word looks like a path
/// (`./`, `/`, `~/`, or a `.toml` name), so a plain TAB never lists the folder.
pub fn theme(current: &OsStr) -> Vec<CompletionCandidate> {
    let text = current.to_string_lossy();
    let names: Vec<CompletionCandidate> = tradeoff::tui::theme::BUILTIN
        .iter()
        .filter(|n| n.starts_with(text.as_ref()))
        .map(|n| CompletionCandidate::new(*n))
        .collect();
    if text.contains('/')
        || text.starts_with('.')
        || text.starts_with('~')
        || text.ends_with(".toml")
    {
        return names
            .into_iter()
            .chain(PathCompleter::file().complete(current))
            .collect();
    }
    names
}

/// `--status`: MADR's statuses.
pub fn status() -> Vec<CompletionCandidate> {
    tradeoff::report::adr::STATUSES
        .iter()
        .map(|s| CompletionCandidate::new(*s))
        .chain([CompletionCandidate::new("superseded by ADR-")])
        .collect()
}

/// The data the words being completed name: `--data DIR`, else the built-in packs with the
/// user's own (from `--config FILE` or the default config), loaded once per completion.
fn catalog() -> Option<&'static Catalog> {
    static CATALOG: OnceLock<Option<Catalog>> = OnceLock::new();
    CATALOG
        .get_or_init(|| {
            let words = typed_words();
            let data = flag_value(&words, "--data");
            let folders = tradeoff::folders::Folders::from_env()
                .with_config(flag_value(&words, "--config").map(PathBuf::from));
            let source = match data {
                Some(d) => Source::Folder(PathBuf::from(d)),
                None => {
                    let config = tradeoff::config::Config::load(
                        &tradeoff::config::Flags::default(),
                        &folders,
                    );
                    Source::with_user(folders.data.as_deref(), config.data_dirs()).0
                }
            };
            // A broken pack of the user's is left out, as the commands do.
            source.load_skipping(Use::Score).ok().map(|(c, _)| c)
        })
        .as_ref()
}

/// The words on the command line being completed (after the `--` the scripts put before them).
fn typed_words() -> Vec<OsString> {
    std::env::args_os()
        .skip_while(|a| a != "--")
        .skip(1)
        .collect()
}

/// The value of the last `FLAG VALUE` or `FLAG=VALUE` among `words`.
fn flag_value(words: &[OsString], flag: &str) -> Option<String> {
    let mut found = None;
    let mut it = words.iter().map(|w| w.to_string_lossy());
    while let Some(w) = it.next() {
        if w == flag {
            found = it.next().map(|v| v.into_owned());
        } else if let Some(v) = w.strip_prefix(flag).and_then(|v| v.strip_prefix('=')) {
            found = Some(v.to_string());
        }
    }
    found.filter(|v| !v.is_empty())
}

// ---------------------------------------------------------------- registration scripts

/// A shell whose registration script is ours (a template naming `COMPLETER`, `BIN` and `VAR`) and
/// whose candidates clap_complete writes, as `shell` writes them.
struct OwnScript<S: 'static> {
    shell: S,
    script: &'static str,
}

impl<S: EnvCompleter> EnvCompleter for OwnScript<S> {
    fn name(&self) -> &'static str {
        self.shell.name()
    }
    fn is(&self, name: &str) -> bool {
        self.shell.is(name)
    }
    fn write_registration(
        &self,
        var: &str,
        _name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        let script = self
            .script
            .replace("COMPLETER", &shell_quote(completer))
            .replace("BIN", bin)
            .replace("VAR", var);
        buf.write_all(script.as_bytes())
    }
    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&std::path::Path>,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        self.shell.write_complete(cmd, args, current_dir, buf)
    }
}

/// bash, with the words put back together: bash splits the word being completed at
/// `COMP_WORDBREAKS` (`=` and `:` among them), so clap_complete 4.6's script hands the program
/// `team_size` `=` `` and bash then inserts what comes back after the `=` (the literal `-` of the
/// static script, or `team_size=team_size=small`). This script rejoins the words as typed, as
/// git's completion does, and gives bash only the part of each candidate after the last break,
/// the part bash replaces. No `-o bashdefault`: where an id is expected and none matches, bash
/// offers nothing rather than file names.
const BASH_WORDS: OwnScript<Bash> = OwnScript {
    shell: Bash,
    script: BASH_SCRIPT,
};

const BASH_SCRIPT: &str = r#"# tradeoff's bash completion: asks `COMPLETER` for the candidates (COMPLETE=bash).
_tradeoff_complete() {
    local IFS=$'\013'
    # The words as typed: a piece bash split off at a break character (no blank before it) is
    # joined to the word before; the word under the cursor ends at the cursor.
    local rest=${COMP_LINE:0:COMP_POINT} word i
    local -a words=()
    for ((i = 0; i <= COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if ((i == COMP_CWORD)); then
            word=${rest#"${rest%%[![:blank:]]*}"}
        fi
        if [[ ${#words[@]} -gt 0 && $rest != [[:blank:]]* ]]; then
            words[${#words[@]}-1]+=$word
        else
            words+=("$word")
        fi
        rest=${rest#"${rest%%[![:blank:]]*}"}
        rest=${rest#"$word"}
    done
    local cur=${words[${#words[@]}-1]}
    local -a reply
    reply=( $( \
        _CLAP_IFS="$IFS" \
        _CLAP_COMPLETE_INDEX=$((${#words[@]} - 1)) \
        VAR="bash" \
        COMPLETER -- "${words[@]}" \
    ) ) || return
    # bash replaces only the text after the last break character of the current word.
    local keep=${cur%"$2"}
    COMPREPLY=()
    for word in "${reply[@]}"; do
        [[ $word == "$keep"* ]] && COMPREPLY+=("${word#"$keep"}")
    done
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} != *[=/] ]]; then
        COMPREPLY[0]+=" "
    fi
}
complete -o nospace -o nosort -F _tradeoff_complete BIN 2>/dev/null ||
    complete -o nospace -F _tradeoff_complete BIN
"#;

/// zsh, usable both ways: sourced (`source <(COMPLETE=zsh tradeoff)`) or autoloaded from `fpath`
/// as `_tradeoff` (clap_complete 4.6's script only registers itself there, so the first TAB
/// completed nothing). A candidate ending in `=` or `/` gets no space after it, so the choice or
/// the file can follow.
const ZSH_FPATH: OwnScript<Zsh> = OwnScript {
    shell: Zsh,
    script: ZSH_SCRIPT,
};

const ZSH_SCRIPT: &str = r#"#compdef BIN
# tradeoff's zsh completion: asks COMPLETER for the candidates (COMPLETE=zsh).
_tradeoff() {
    local -a reply open other
    local line
    reply=("${(@f)$( \
        _CLAP_IFS=$'\n' \
        _CLAP_COMPLETE_INDEX=$((CURRENT - 1)) \
        VAR="zsh" \
        COMPLETER -- "${words[@]}" 2>/dev/null \
    )}")
    for line in $reply; do
        [[ -z $line ]] && continue
        if [[ ${line%%:*} == *[=/] ]]; then
            open+=("$line")
        else
            other+=("$line")
        fi
    done
    [[ -n $open ]] && _describe -V 'values' open -S ''
    [[ -n $other ]] && _describe -V 'values' other
    return 0
}
if [[ ${funcstack[1]} == _tradeoff ]]; then
    _tradeoff "$@"
else
    compdef _tradeoff BIN
fi
"#;

/// `s` quoted for a POSIX shell (bash and zsh read it the same way).
fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/_-.,+=:@".contains(c))
    {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', r"'\''"))
}
