//! The real binary in an environment of its own, for the CLI tests: HOME, XDG_CONFIG_HOME and the
//! state directory in a fresh temporary tree, and none of the developer's TRADEOFF_* variables,
//! NO_COLOR or COLORFGBG, so a real config file or shell setting can never change a result (and no
//! test ever touches the real home).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The variables the binary reads that a developer's shell may have set.
pub const USER_VARS: &[&str] = &[
    "TRADEOFF_CONFIG",
    "TRADEOFF_THEME",
    "TRADEOFF_PROJECTOR",
    "TRADEOFF_MOUSE",
    "TRADEOFF_DATA_DIRS",
    "TRADEOFF_PACKS",
    "TRADEOFF_STATE_DIR",
    "NO_COLOR",
    "COLORFGBG",
    "ACCESSIBLE",
    // A shell asking for completions (clap_complete's variable).
    "COMPLETE",
];

pub struct Sandbox {
    pub root: PathBuf,
    /// The temporary tree, removed when the sandbox goes.
    _dir: tempfile::TempDir,
}

impl Sandbox {
    /// A fresh tree: `home/`, `config/` (XDG_CONFIG_HOME), `data/` (XDG_DATA_HOME, where the
    /// user's own packs live), `state/` and `work/` (the working directory of the commands).
    pub fn new(what: &str) -> Sandbox {
        let dir = tempfile::Builder::new()
            .prefix(&format!("tradeoff-{what}-"))
            .tempdir()
            .unwrap();
        let root = dir.path().to_path_buf();
        for d in ["home", "config", "data", "state", "work"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        Sandbox { root, _dir: dir }
    }

    pub fn home(&self) -> PathBuf {
        self.root.join("home")
    }

    pub fn work(&self) -> PathBuf {
        self.root.join("work")
    }

    /// `$XDG_DATA_HOME/tradeoff`: the folder of the user's own packs.
    pub fn user_data(&self) -> PathBuf {
        self.root.join("data/tradeoff")
    }

    /// `$XDG_CONFIG_HOME/tradeoff/config.toml`.
    pub fn config_file(&self) -> PathBuf {
        self.root.join("config/tradeoff/config.toml")
    }

    pub fn write_config(&self, text: &str) -> PathBuf {
        let path = self.config_file();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// The environment the binary runs in, as pairs (empty values count as unset).
    pub fn env(&self) -> Vec<(String, String)> {
        let mut env: Vec<(String, String)> = USER_VARS
            .iter()
            .map(|v| (v.to_string(), String::new()))
            .collect();
        let s = |p: PathBuf| p.to_str().unwrap().to_string();
        env.push(("HOME".into(), s(self.home())));
        env.push(("XDG_CONFIG_HOME".into(), s(self.root.join("config"))));
        env.push(("XDG_DATA_HOME".into(), s(self.root.join("data"))));
        env.push(("TRADEOFF_STATE_DIR".into(), s(self.root.join("state"))));
        env
    }

    /// `tradeoff` with this environment, in `work/`.
    pub fn cmd(&self) -> assert_cmd::Command {
        let mut c = assert_cmd::Command::cargo_bin("tradeoff").unwrap();
        for v in USER_VARS {
            c.env_remove(v);
        }
        c.env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.root.join("config"))
            .env("XDG_DATA_HOME", self.root.join("data"))
            .env("TRADEOFF_STATE_DIR", self.root.join("state"))
            .current_dir(self.work())
            .timeout(std::time::Duration::from_secs(30));
        c
    }

    /// The same, as a std command (for pipes and files as standard output).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"));
        for v in USER_VARS {
            c.env_remove(v);
        }
        c.env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.root.join("config"))
            .env("XDG_DATA_HOME", self.root.join("data"))
            .env("TRADEOFF_STATE_DIR", self.root.join("state"))
            .current_dir(self.work());
        c
    }

    /// Names in `dir` that look like our temporary files (`.NAME.PID.NONCE.tmp`).
    pub fn temp_files(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.starts_with('.') && n.ends_with(".tmp"))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A decision-data folder copied from tests/fixtures/mini, with `edit` applied to its pack.
pub fn mini_data(into: &Path, edit: impl Fn(String) -> String) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let dir = into.join("data");
    std::fs::create_dir_all(dir.join("packs")).unwrap();
    for rel in ["sources.toml", "questions.toml", "packs/mini.toml"] {
        std::fs::copy(src.join(rel), dir.join(rel)).unwrap();
    }
    let pack = std::fs::read_to_string(dir.join("packs/mini.toml")).unwrap();
    std::fs::write(dir.join("packs/mini.toml"), edit(pack)).unwrap();
    dir
}

/// A command's standard output; the test fails with its standard error if it does not succeed.
pub fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
