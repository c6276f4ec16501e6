//! Every setting, written once: [`SETTINGS`] names each one's config key, environment variable,
//! flags, kind and documentation. Parsing (file and environment), precedence, `tradeoff config`,
//! the help texts, the man page and the config's JSON Schema are all derived from it.

/// A setting, by its place in [`SETTINGS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Theme,
    Projector,
    Mouse,
    DataDirs,
    Packs,
}

/// How a setting's value is written and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A built-in theme name or the path of a theme file; unset: automatic.
    Theme,
    /// true or false (`1/0`, `yes/no`, `on/off` in the environment).
    Bool,
    /// A list of folders (relative to the config file's folder; `~/` is the home folder); in the
    /// environment separated like `PATH`.
    Folders,
    /// A list of pack ids; in the environment separated by commas or spaces.
    PackIds,
}

/// One setting.
#[derive(Debug)]
pub struct Def {
    pub key: Key,
    /// The config file's key, and the name in `tradeoff config`'s output.
    pub name: &'static str,
    pub env: &'static str,
    /// The flags that set it (a switch: the "on" flag, then the "off" one).
    pub flags: &'static [&'static str],
    pub kind: Kind,
    /// What it does.
    pub does: &'static str,
    /// What the config file's value takes.
    pub takes: &'static str,
    /// The example value shown in `tradeoff config --help`.
    pub example: &'static str,
}

/// The settings, in [`Key`] order.
pub const SETTINGS: &[Def] = &[
    Def {
        key: Key::Theme,
        name: "theme",
        env: "TRADEOFF_THEME",
        flags: &["--theme"],
        kind: Kind::Theme,
        does: "theme of the interactive views",
        takes: "dark, light, mono, projector, or the path of a theme TOML file (relative to the config file's folder)",
        example: "\"light\"",
    },
    Def {
        key: Key::Projector,
        name: "projector",
        env: "TRADEOFF_PROJECTOR",
        flags: &["--projector", "--no-projector"],
        kind: Kind::Bool,
        does: "start in the projector view",
        takes: "true or false",
        example: "false",
    },
    Def {
        key: Key::Mouse,
        name: "mouse",
        env: "TRADEOFF_MOUSE",
        flags: &["--mouse", "--no-mouse"],
        kind: Kind::Bool,
        does: "let the interactive mode use the mouse",
        takes: "true or false",
        example: "true",
    },
    Def {
        key: Key::DataDirs,
        name: "data_dirs",
        env: "TRADEOFF_DATA_DIRS",
        flags: &[],
        kind: Kind::Folders,
        does: "more folders of decision packs, next to the built-in ones",
        takes: "a list of folders with more decision packs (relative to the config file's folder; ~/ is your home)",
        example: "[\"~/team-packs\"]",
    },
    Def {
        key: Key::Packs,
        name: "packs",
        env: "TRADEOFF_PACKS",
        flags: &["--pack"],
        kind: Kind::PackIds,
        does: "the packs `recommend` shows by default",
        takes: "a list of pack ids that `recommend` shows when no --pack is given",
        example: "[\"compute\"]",
    },
];

impl Key {
    pub fn def(self) -> &'static Def {
        &SETTINGS[self as usize]
    }
}

impl Kind {
    /// What the environment variable takes.
    pub fn env_takes(self) -> &'static str {
        match self {
            Kind::Theme => "dark, light, mono, projector or a theme file",
            Kind::Bool => "1/true/yes/on or 0/false/no/off",
            Kind::Folders => "separated by ':' (';' on Windows)",
            Kind::PackIds => "separated by commas",
        }
    }

    /// The JSON Schema of the config file's value.
    pub fn schema(self) -> serde_json::Value {
        let list =
            |items: serde_json::Value| serde_json::json!({ "type": "array", "items": items });
        match self {
            Kind::Theme => serde_json::json!({
                "type": "string",
                "anyOf": [
                    { "enum": crate::tui::theme::BUILTIN },
                    { "pattern": "(/|\\\\|\\.toml$|^~)" }
                ]
            }),
            Kind::Bool => serde_json::json!({ "type": "boolean" }),
            Kind::Folders => list(serde_json::json!({ "type": "string", "minLength": 1 })),
            Kind::PackIds => list(serde_json::json!({
                "type": "string",
                "pattern": "^[a-z0-9][a-z0-9_-]{0,63}$"
            })),
        }
    }
}

/// The environment variable that names the config file.
pub const ENV_CONFIG: &str = crate::folders::ENV_CONFIG;

/// Every environment variable the settings read, with what it sets (help texts, the man page).
pub fn environment() -> Vec<(&'static str, String)> {
    let mut v = vec![(
        ENV_CONFIG,
        "the config file to read instead of $XDG_CONFIG_HOME/tradeoff/config.toml".to_string(),
    )];
    v.extend(
        SETTINGS
            .iter()
            .map(|d| (d.env, format!("{}: {}", d.does, d.kind.env_takes()))),
    );
    v
}

/// The order the layers are read in, for help texts.
pub fn precedence() -> String {
    let envs: Vec<&str> = SETTINGS.iter().map(|d| d.env).collect();
    format!(
        "flags > environment ({}) > config file > defaults",
        envs.join(", ")
    )
}

/// `tradeoff config --help`'s explanation: an example file and the environment.
pub fn help() -> String {
    let w = SETTINGS
        .iter()
        .map(|d| d.name.len() + d.example.len() + 3)
        .max()
        .unwrap_or(0);
    let mut s = String::from(
        "The config file is $XDG_CONFIG_HOME/tradeoff/config.toml (~/.config/tradeoff/config.toml), or $TRADEOFF_CONFIG, or --config FILE:\n\n",
    );
    for d in SETTINGS {
        let line = format!("{} = {}", d.name, d.example);
        s.push_str(&format!("  {line:w$}  # {}\n", d.does));
    }
    s.push_str("\nEnvironment:\n");
    for (name, what) in environment() {
        s.push_str(&format!("  {name}: {what}\n"));
    }
    s.push_str(&format!(
        "\nPrecedence: {}.\n\nExit status 1 when the config file or an environment variable has a problem.",
        precedence()
    ));
    s
}

/// The file `tradeoff config init` writes: every setting commented out at its example value, with
/// what it does, so the defaults hold until a line is uncommented. The `#:schema` line lets taplo
/// and Even Better TOML check the file against [`schema`], written beside it.
pub fn template() -> String {
    let mut s = format!(
        "#:schema ./{SCHEMA_FILE}\n# tradeoff settings; `tradeoff config` shows the effective ones and where each comes from.\n# Precedence: {}.\n",
        precedence()
    );
    for d in SETTINGS {
        s.push_str(&format!(
            "\n# {}: {}\n# (environment: {})\n# {} = {}\n",
            d.does, d.takes, d.env, d.name, d.example
        ));
    }
    s
}

/// The config schema's file name, beside the config file.
pub const SCHEMA_FILE: &str = "config.schema.json";

/// The JSON Schema of the config file (schemas/config.schema.json is this, written out; tests/schemas.rs
/// keeps the two the same).
pub fn schema() -> serde_json::Value {
    let properties: serde_json::Map<String, serde_json::Value> = SETTINGS
        .iter()
        .map(|d| {
            let mut s = d.kind.schema();
            s["description"] = format!("{}: {}", d.does, d.takes).into();
            (d.name.to_string(), s)
        })
        .collect();
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://tradeoff.invalid/schema/config.schema.json",
        "title": "tradeoff config file",
        "description": "$XDG_CONFIG_HOME/tradeoff/config.toml; `tradeoff config` shows the effective settings",
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The template's examples, uncommented, are a valid config file that sets every setting.
    #[test]
    fn the_template_examples_are_valid_settings() {
        let text: String = template()
            .lines()
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| {
                SETTINGS
                    .iter()
                    .any(|d| l.starts_with(&format!("{} = ", d.name)))
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let env = |name: &str| (name == "HOME").then(|| std::ffi::OsString::from("/h"));
        let mut layer =
            super::super::layer::file(std::path::Path::new("/c/config.toml"), &text, &env)
                .unwrap_or_else(|d| panic!("{d}\n{text}"));
        for d in SETTINGS {
            assert!(
                layer.take(d.key).is_some(),
                "{} is not in the template",
                d.name
            );
        }
    }

    #[test]
    fn the_table_is_in_key_order_and_names_are_unique() {
        for (i, d) in SETTINGS.iter().enumerate() {
            assert_eq!(d.key as usize, i, "{}", d.name);
            assert_eq!(d.key.def().name, d.name);
        }
        let mut names: Vec<&str> = SETTINGS.iter().map(|d| d.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), SETTINGS.len());
        for d in SETTINGS {
            assert!(d.env.starts_with("TRADEOFF_"), "{}", d.env);
            if d.kind == Kind::Bool {
                assert_eq!(
                    d.flags.len(),
                    2,
                    "{}: a switch has an on and an off flag",
                    d.name
                );
            }
        }
    }
}
