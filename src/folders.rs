//! Where tradeoff keeps its files, decided in one place for the config file, the saved session and
//! the user's own packs, so the three never disagree.
//!
//! On every Unix (macOS too, as most command-line tools there do) the XDG layout: an absolute
//! `$XDG_CONFIG_HOME`, `$XDG_STATE_HOME` or `$XDG_DATA_HOME`, else `~/.config`, `~/.local/state` and
//! `~/.local/share`, each with a `tradeoff` folder. Elsewhere (Windows), or without `HOME`, the
//! platform's folders from the `directories` crate. `TRADEOFF_CONFIG` names the config file and
//! `TRADEOFF_STATE_DIR` the session's folder, for tests and portable setups. The runtime folder
//! (a running demo's cue for its notes window) is `$XDG_RUNTIME_DIR/tradeoff`, private to the user
//! and emptied at log-out, or the state folder where the system has no runtime folder.

use std::ffi::OsString;
use std::path::PathBuf;

/// The config file to read instead of the usual one.
pub const ENV_CONFIG: &str = "TRADEOFF_CONFIG";
/// The folder of the saved session instead of the usual one.
pub const ENV_STATE_DIR: &str = "TRADEOFF_STATE_DIR";
/// The config file's name inside the config folder.
pub const CONFIG_FILE: &str = "config.toml";
/// The saved session's name inside the state folder.
pub const SESSION_FILE: &str = "session.toml";
/// Where a running demo is, for `tradeoff demo --notes`, inside the runtime folder.
pub const CUE_FILE: &str = "demo-cue.toml";

const APP: &str = "tradeoff";

/// The folders of this user, as the environment says. `None` where the system has no answer (no
/// `HOME` and no platform folder).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folders {
    /// The config file (`…/tradeoff/config.toml`, or `$TRADEOFF_CONFIG`).
    pub config_file: Option<PathBuf>,
    /// Whether `TRADEOFF_CONFIG` named the config file (then a missing file is a problem).
    pub config_named: bool,
    /// Where the interactive mode saves its session.
    pub state: Option<PathBuf>,
    /// The user's data folder; their packs go in its `packs/`.
    pub data: Option<PathBuf>,
    /// Files that live as long as the user's login: a running demo's cue.
    pub runtime: Option<PathBuf>,
}

impl Folders {
    /// The folders of this process's environment.
    pub fn from_env() -> Folders {
        Folders::resolve(&|name| std::env::var_os(name))
    }

    /// The folders for an environment given as a function from a variable's name to its value (an
    /// empty value counts as unset).
    pub fn resolve(env: &dyn Fn(&str) -> Option<OsString>) -> Folders {
        let env = |name: &str| env(name).filter(|v| !v.is_empty());
        let xdg = |var: &str, under_home: &[&str]| -> Option<PathBuf> {
            if let Some(x) = env(var).map(PathBuf::from).filter(|p| p.is_absolute()) {
                return Some(x.join(APP));
            }
            let home = env("HOME").map(PathBuf::from)?;
            Some(
                under_home
                    .iter()
                    .fold(home, |p, part| p.join(part))
                    .join(APP),
            )
        };
        let platform = directories::ProjectDirs::from("", "", APP);
        let unix = cfg!(unix);
        let pick =
            |var: &str, under_home: &[&str], fallback: fn(&directories::ProjectDirs) -> PathBuf| {
                unix.then(|| xdg(var, under_home))
                    .flatten()
                    .or_else(|| platform.as_ref().map(fallback))
            };
        let config_named = env(ENV_CONFIG).is_some();
        let config_file = match env(ENV_CONFIG) {
            Some(p) => Some(PathBuf::from(p)),
            None => pick("XDG_CONFIG_HOME", &[".config"], |d| {
                d.config_dir().to_path_buf()
            })
            .map(|d| d.join(CONFIG_FILE)),
        };
        let state = match env(ENV_STATE_DIR) {
            Some(p) => Some(PathBuf::from(p)),
            None => pick("XDG_STATE_HOME", &[".local", "state"], |d| {
                d.state_dir()
                    .unwrap_or_else(|| d.data_local_dir())
                    .to_path_buf()
            }),
        };
        let data = pick("XDG_DATA_HOME", &[".local", "share"], |d| {
            d.data_dir().to_path_buf()
        });
        // The XDG runtime folder is the user's alone (0700) and goes at log-out; without one the
        // state folder, also the user's, rather than a guessable name in a shared /tmp.
        let runtime = env("XDG_RUNTIME_DIR")
            .map(PathBuf::from)
            .filter(|p| unix && p.is_absolute())
            .map(|p| p.join(APP))
            .or_else(|| state.clone());
        Folders {
            config_file,
            config_named,
            state,
            data,
            runtime,
        }
    }

    /// With `--config FILE`: that file, named (so a missing one is a problem), over the others.
    pub fn with_config(mut self, file: Option<PathBuf>) -> Folders {
        if let Some(f) = file {
            self.config_file = Some(f);
            self.config_named = true;
        }
        self
    }

    /// The saved session's file.
    pub fn session_file(&self) -> Option<PathBuf> {
        self.state.as_ref().map(|d| d.join(SESSION_FILE))
    }

    /// The running demo's cue file, which `tradeoff demo --notes` follows.
    pub fn cue_file(&self) -> Option<PathBuf> {
        self.runtime.as_ref().map(|d| d.join(CUE_FILE))
    }

    /// The folder the user's own packs go in (`packs/` of the data folder).
    pub fn packs(&self) -> Option<PathBuf> {
        self.data.as_ref().map(|d| d.join("packs"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            vars.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[cfg(unix)]
    #[test]
    fn xdg_then_home_for_all_three() {
        let f = Folders::resolve(&env_of(&[
            ("XDG_CONFIG_HOME", "/x/c"),
            ("XDG_STATE_HOME", "/x/s"),
            ("XDG_DATA_HOME", "/x/d"),
            ("HOME", "/h"),
        ]));
        assert_eq!(
            f.config_file,
            Some(PathBuf::from("/x/c/tradeoff/config.toml"))
        );
        assert_eq!(
            f.session_file(),
            Some(PathBuf::from("/x/s/tradeoff/session.toml"))
        );
        assert_eq!(f.packs(), Some(PathBuf::from("/x/d/tradeoff/packs")));
        // No runtime folder: the state folder holds the demo's cue.
        assert_eq!(
            f.cue_file(),
            Some(PathBuf::from("/x/s/tradeoff/demo-cue.toml"))
        );
        // A relative XDG folder is ignored, as the XDG spec says; an empty one is unset.
        let f = Folders::resolve(&env_of(&[
            ("XDG_CONFIG_HOME", "relative"),
            ("XDG_STATE_HOME", ""),
            ("HOME", "/h"),
        ]));
        assert_eq!(
            f.config_file,
            Some(PathBuf::from("/h/.config/tradeoff/config.toml"))
        );
        assert_eq!(f.state, Some(PathBuf::from("/h/.local/state/tradeoff")));
        assert_eq!(f.data, Some(PathBuf::from("/h/.local/share/tradeoff")));
        assert!(!f.config_named);
    }

    #[test]
    fn overrides_name_the_file_and_the_state_folder() {
        let f = Folders::resolve(&env_of(&[
            (ENV_CONFIG, "/c.toml"),
            (ENV_STATE_DIR, "/st"),
            ("HOME", "/h"),
        ]));
        assert_eq!(f.config_file, Some(PathBuf::from("/c.toml")));
        assert!(f.config_named);
        assert_eq!(f.session_file(), Some(PathBuf::from("/st/session.toml")));
    }

    #[cfg(unix)]
    #[test]
    fn the_cue_goes_to_the_runtime_folder() {
        let f = Folders::resolve(&env_of(&[
            ("XDG_RUNTIME_DIR", "/run/user/7"),
            ("HOME", "/h"),
        ]));
        assert_eq!(
            f.cue_file(),
            Some(PathBuf::from("/run/user/7/tradeoff/demo-cue.toml"))
        );
        // A relative runtime folder is ignored, as for the other XDG folders.
        let f = Folders::resolve(&env_of(&[("XDG_RUNTIME_DIR", "run"), ("HOME", "/h")]));
        assert_eq!(f.runtime, Some(PathBuf::from("/h/.local/state/tradeoff")));
    }
}
