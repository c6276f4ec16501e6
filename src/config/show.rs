//! `tradeoff config`: the config file and every setting of [`SETTINGS`] with its value and where it
//! came from, as text or JSON.

use std::collections::BTreeMap;

use serde::Serialize;

use super::table::SETTINGS;
use super::{Config, FileState, Origin, Value};

impl Config {
    /// `tradeoff config` as text. `auto_theme` names the theme an automatic choice gives here.
    pub fn describe(&self, auto_theme: &str) -> String {
        let mut o = String::new();
        let path = self
            .path
            .as_ref()
            .map_or("(none: set XDG_CONFIG_HOME or HOME)".into(), |p| {
                p.display().to_string()
            });
        let state = match self.file {
            FileState::NoPath => "no config file can be found",
            FileState::NotFound => "not there: the defaults apply; create it to change them",
            FileState::Loaded => "loaded",
            FileState::Ignored => "ignored: it has problems (below); the defaults apply",
        };
        let path = crate::safe::line(&path);
        o.push_str(&format!("config file: {path}\n             ({state})\n\n"));
        // A value from the file or the environment cannot start a line of its own (a newline in
        // it would forge one).
        let rows: Vec<_> = self
            .rows(auto_theme)
            .into_iter()
            .map(|(k, v, f)| {
                (
                    k,
                    crate::safe::line(&v).into_owned(),
                    crate::safe::line(&f).into_owned(),
                )
            })
            .collect();
        let w = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
        let v = rows
            .iter()
            .map(|r| r.1.chars().count())
            .max()
            .unwrap_or(0)
            .min(40);
        o.push_str(&format!("{:w$}  {:v$}  from\n", "setting", "value"));
        for (key, value, from) in rows {
            o.push_str(&format!("{key:w$}  {value:v$}  {from}\n"));
        }
        if !self.problems.is_empty() {
            o.push_str("\nproblems:\n");
            for p in &self.problems {
                o.push_str(&format!("  {}\n", crate::safe::line(p)));
            }
        }
        o.push_str(&format!("\nPrecedence: {}.\n", super::table::precedence()));
        o
    }

    /// Each setting as (name, value as text, origin as text).
    fn rows(&self, auto_theme: &str) -> Vec<(&'static str, String, String)> {
        let list = |l: Vec<String>, empty: &str| {
            if l.is_empty() {
                empty.to_string()
            } else {
                l.join(", ")
            }
        };
        let mut rows: Vec<_> = SETTINGS
            .iter()
            .zip(&self.entries)
            .map(|(d, e)| {
                let value = match &e.value {
                    Value::Theme(Some(t)) => t.clone(),
                    Value::Theme(None) => format!("{auto_theme} (automatic)"),
                    Value::Bool(b) => b.to_string(),
                    Value::Folders(v) => {
                        list(v.iter().map(|d| d.display().to_string()).collect(), "none")
                    }
                    Value::Ids(v) => list(v.clone(), "all"),
                };
                (d.name, value, e.origin.to_string())
            })
            .collect();
        if let Some(d) = &self.data {
            rows.push((
                "data",
                d.display().to_string(),
                "flag --data (replaces the built-in packs and data_dirs)".into(),
            ));
        }
        rows
    }

    /// `tradeoff config --format json` (docs/json-schema.md).
    pub fn to_json(&self, auto_theme: &str) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            schema_version: u32,
            config_file: FileOut<'a>,
            problems: &'a [String],
            settings: BTreeMap<&'static str, Shown<'a>>,
        }
        #[derive(Serialize)]
        struct FileOut<'a> {
            path: Option<String>,
            state: &'a FileState,
        }
        #[derive(Serialize)]
        struct Shown<'a> {
            value: serde_json::Value,
            origin: &'a Origin,
            /// For the theme: whether it is the automatic choice.
            #[serde(skip_serializing_if = "Option::is_none")]
            automatic: Option<bool>,
        }
        let mut settings: BTreeMap<&'static str, Shown> = SETTINGS
            .iter()
            .zip(&self.entries)
            .map(|(d, e)| {
                let shown = match &e.value {
                    Value::Theme(t) => Shown {
                        value: t.as_deref().unwrap_or(auto_theme).into(),
                        origin: &e.origin,
                        automatic: Some(t.is_none()),
                    },
                    v => Shown {
                        value: serde_json::to_value(v).unwrap_or_default(),
                        origin: &e.origin,
                        automatic: None,
                    },
                };
                (d.name, shown)
            })
            .collect();
        const DATA_FLAG: Origin = Origin::Flag { name: "--data" };
        if let Some(d) = &self.data {
            settings.insert(
                "data",
                Shown {
                    value: d.display().to_string().into(),
                    origin: &DATA_FLAG,
                    automatic: None,
                },
            );
        }
        let out = Out {
            schema_version: 1,
            config_file: FileOut {
                path: self.path.as_ref().map(|p| p.display().to_string()),
                state: &self.file,
            },
            problems: &self.problems,
            settings,
        };
        crate::report::json::to_json(&out)
    }
}
