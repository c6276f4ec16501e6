//! The layers and their precedence, on an environment given as a function.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::layer::{self, Layer};
use super::*;
use crate::pack::Diagnostics;

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

/// The settings for these flags and this environment, the folders found from it too.
fn resolve(flags: &Flags, env: &dyn Fn(&str) -> Option<OsString>) -> Config {
    Config::resolve(flags, &Folders::resolve(env), env)
}

fn layer(text: &str) -> Result<Layer, Diagnostics> {
    layer::file(
        Path::new("/cfg/config.toml"),
        text,
        &env_of(&[("HOME", "/home/u")]),
    )
}

#[test]
fn a_file_sets_values_with_their_places() {
    let mut l = layer(
        "theme = \"light\"\nmouse = true\ndata_dirs = [\"packs\", \"~/more\", \"/abs\"]\npacks = [\"compute\"]\n",
    )
    .unwrap();
    let theme = l.take(Key::Theme).unwrap();
    assert_eq!(theme.value, Value::Theme(Some("light".into())));
    assert_eq!(theme.origin.to_string(), "/cfg/config.toml:1:9");
    assert_eq!(l.take(Key::Mouse).unwrap().value, Value::Bool(true));
    let dirs = l.take(Key::DataDirs).unwrap();
    assert_eq!(
        dirs.value,
        Value::Folders(vec![
            PathBuf::from("/cfg/packs"),
            PathBuf::from("/home/u/more"),
            PathBuf::from("/abs")
        ])
    );
    assert_eq!(dirs.item_origins[1].to_string(), "/cfg/config.toml:3:23");
    assert_eq!(
        l.take(Key::Packs).unwrap().value,
        Value::Ids(vec!["compute".into()])
    );
    assert!(l.take(Key::Projector).is_none());
}

#[test]
fn unknown_keys_and_bad_values_are_placed_with_suggestions() {
    let e = layer("them = \"light\"\nprojecter = true\n").unwrap_err();
    let msgs: Vec<String> = e.iter().map(|d| d.to_string()).collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(
        msgs[0].starts_with("/cfg/config.toml:1:1: unknown key `them`, did you mean `theme`?"),
        "{msgs:?}"
    );
    assert!(msgs[1].contains("2:1: unknown key `projecter`, did you mean `projector`?"));
    let e = layer("theme = \"lihgt\"\n").unwrap_err();
    assert!(
        e[0].to_string()
            .contains("1:9: unknown theme `lihgt`, did you mean `light`?"),
        "{e:?}"
    );
    let e = layer("mouse = \"yes\"\n").unwrap_err();
    assert_eq!((e[0].line, e[0].col), (1, 9), "{e:?}");
    assert!(e[0].message.contains("expected true or false"), "{e:?}");
    let e = layer("packs = [\"compute\", 3]\n").unwrap_err();
    assert_eq!((e[0].line, e[0].col), (1, 21), "{e:?}");
    let e = layer("theme = \n").unwrap_err();
    assert_eq!(e[0].line, 1, "{e:?}");
    // A theme path is relative to the config file's folder.
    let mut l = layer("theme = \"themes/my.toml\"\n").unwrap();
    assert_eq!(
        l.take(Key::Theme).unwrap().value,
        Value::Theme(Some("/cfg/themes/my.toml".into()))
    );
}

#[test]
fn flags_beat_environment_beats_file_beats_defaults() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("tradeoff")).unwrap();
    let file = dir.path().join("tradeoff/config.toml");
    std::fs::write(
        &file,
        "theme = \"light\"\nprojector = true\nmouse = true\npacks = [\"iac\"]\n",
    )
    .unwrap();
    let xdg = dir.path().to_str().unwrap();
    let c = resolve(
        &Flags::default(),
        &env_of(&[("XDG_CONFIG_HOME", xdg), ("TRADEOFF_MOUSE", "off")]),
    );
    assert_eq!(c.file, FileState::Loaded);
    assert_eq!(c.theme().value.as_deref(), Some("light"));
    assert!(matches!(c.theme().origin, Origin::File { line: 1, .. }));
    assert!(!c.mouse());
    assert_eq!(
        c.entry(Key::Mouse).origin,
        Origin::Env {
            name: "TRADEOFF_MOUSE"
        }
    );
    assert_eq!(c.packs().value, ["iac"]);
    let flags = Flags::default()
        .with(Key::Projector, Some(Value::Bool(false)))
        .with(Key::Packs, Some(Value::Ids(vec!["compute".into()])));
    let c = resolve(&flags, &env_of(&[("XDG_CONFIG_HOME", xdg)]));
    assert!(!c.projector());
    assert_eq!(
        c.entry(Key::Projector).origin,
        Origin::Flag {
            name: "--no-projector"
        }
    );
    assert_eq!(c.packs().value, ["compute"]);
    assert_eq!(c.packs().item_origins, [Origin::Flag { name: "--pack" }]);
    // No file: defaults.
    let c = resolve(
        &Flags::default(),
        &env_of(&[("XDG_CONFIG_HOME", "/nonexistent-tradeoff")]),
    );
    assert_eq!(c.file, FileState::NotFound);
    assert!(c.problems.is_empty());
    assert_eq!(c.theme().value, None);
    assert_eq!(c.theme().origin, Origin::Default);
    // A broken file: reported, ignored, the environment still applies.
    std::fs::write(&file, "mouse = tru\n").unwrap();
    let c = resolve(
        &Flags::default(),
        &env_of(&[("XDG_CONFIG_HOME", xdg), ("TRADEOFF_THEME", "mono")]),
    );
    assert_eq!(c.file, FileState::Ignored);
    assert!(
        c.problems[0].contains("config.toml:1:9"),
        "{:?}",
        c.problems
    );
    assert!(!c.mouse());
    assert_eq!(c.theme().value.as_deref(), Some("mono"));
    assert!(c.warning().unwrap().contains("the defaults apply"));
}

#[test]
fn environment_values_are_checked() {
    let mut problems = Vec::new();
    let mut l = layer::env(
        &env_of(&[
            ("TRADEOFF_PROJECTOR", "Yes"),
            ("TRADEOFF_MOUSE", "maybe"),
            ("TRADEOFF_PACKS", "compute, iac"),
            ("TRADEOFF_THEME", "drak"),
        ]),
        &mut problems,
    );
    assert_eq!(l.take(Key::Projector).unwrap().value, Value::Bool(true));
    assert!(l.take(Key::Mouse).is_none());
    assert!(l.take(Key::Theme).is_none());
    assert_eq!(
        l.take(Key::Packs).unwrap().value,
        Value::Ids(vec!["compute".into(), "iac".into()])
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems
            .iter()
            .any(|p| p.contains("TRADEOFF_MOUSE=\"maybe\""))
    );
    assert!(problems.iter().any(|p| p.contains("did you mean `dark`?")));
}

/// Every setting of the table reaches `tradeoff config`'s text and JSON, the help and the schema.
#[test]
fn every_setting_is_shown_documented_and_in_the_schema() {
    let c = resolve(&Flags::default(), &env_of(&[]));
    let text = c.describe("dark");
    let json: serde_json::Value = serde_json::from_str(&c.to_json("dark")).unwrap();
    let help = table::help();
    let schema = table::schema();
    let env: Vec<&str> = table::environment().iter().map(|(n, _)| *n).collect();
    for d in SETTINGS {
        assert!(text.contains(d.name), "{}", d.name);
        assert!(json["settings"][d.name]["origin"].is_object(), "{}", d.name);
        assert!(help.contains(&format!("{} = ", d.name)), "{}", d.name);
        assert!(help.contains(d.env) && env.contains(&d.env), "{}", d.env);
        assert!(schema["properties"][d.name].is_object(), "{}", d.name);
    }
}
