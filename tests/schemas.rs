//! The published JSON Schemas (`schemas/*.schema.json`) against the files they describe and the
//! loader that reads them: the built-in packs, the `pack new` template, the sources, answers files
//! and the config all validate, and for every kind of table a schema describes, the keys it allows
//! are exactly the keys the loader accepts (an unknown key is put into a real file and the loader's
//! own "expected one of" list is compared with the schema's). A key added to one and not the other
//! fails here.
//!
//! The config's schema is derived from the settings table; `UPDATE_SCHEMAS=1 cargo test --test
//! schemas` rewrites schemas/config.schema.json from it.

mod sandbox;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use sandbox::Sandbox;
use serde_json::Value;
use tradeoff::answers::Answers;
use tradeoff::pack::{Catalog, Source, Use};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const PROBE: &str = "zz_probe";

fn schema(name: &str) -> Value {
    let text = std::fs::read_to_string(Path::new(ROOT).join("schemas").join(name)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn toml_json(text: &str) -> Value {
    toml::from_str(text).unwrap()
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(rel)).unwrap()
}

/// Every way `doc` breaks `schema`, one per line.
fn problems(schema: &Value, doc: &Value) -> String {
    let v = jsonschema::validator_for(schema).expect("a valid JSON Schema");
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_valid(schema: &Value, name: &str, text: &str) {
    let found = problems(schema, &toml_json(text));
    assert!(found.is_empty(), "{name} breaks its schema:\n{found}");
}

fn builtin_packs() -> Vec<(String, String)> {
    let mut packs: Vec<(String, String)> = std::fs::read_dir(Path::new(ROOT).join("data/packs"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    packs.sort();
    assert!(packs.len() >= 4, "the built-in packs are found");
    packs
}

fn builtin() -> Catalog {
    tradeoff::pack::load_builtin().unwrap()
}

// ---------------------------------------------------------------- what validates

#[test]
fn the_built_in_packs_and_the_template_validate() {
    let pack = schema("pack.schema.json");
    for (name, text) in builtin_packs() {
        assert_valid(&pack, &name, &text);
    }
    assert_valid(
        &pack,
        "pack new's template",
        &tradeoff::pack::template::pack("deployment"),
    );
    assert_valid(
        &pack,
        "tests/fixtures/mini",
        &read("tests/fixtures/mini/packs/mini.toml"),
    );
    let sources = schema("sources.schema.json");
    assert_valid(&sources, "data/sources.toml", &read("data/sources.toml"));
    assert_valid(
        &sources,
        "pack new's sources",
        &tradeoff::pack::template::sources(),
    );
    // The template names the schema it is written beside.
    assert!(tradeoff::pack::template::pack("x").starts_with("#:schema ./pack.schema.json\n"));
    assert!(tradeoff::pack::template::sources().starts_with("#:schema ./sources.schema.json\n"));
    // And the schemas catch what they should: a missing key, a wrong type, an unknown key.
    let bad = read("data/packs/compute.toml")
        .replacen("verified = ", "verifed = ", 1)
        .replacen("weight = 3.0", "weight = \"heavy\"", 1);
    let found = problems(&pack, &toml_json(&bad));
    assert!(
        found.contains("verifed") && found.contains("heavy"),
        "{found}"
    );
}

#[test]
fn answers_files_and_sessions_validate() {
    let answers = schema("answers.schema.json");
    let catalog = builtin();
    let mut a = Answers::empty(&catalog);
    for (qi, q) in catalog.questions.iter().enumerate() {
        if q.asked_when.is_empty() {
            a.choices[qi] = Some(0);
        }
    }
    a.team = Some("Platform team".into());
    assert_valid(&answers, "an answers file", &a.to_toml(&catalog));
    let progress = tradeoff::autosave::Progress {
        position: 3,
        finished: false,
    };
    assert_valid(
        &answers,
        "a saved session",
        &tradeoff::autosave::to_toml(&catalog, &a, progress, &Default::default()),
    );
    // With the weights and the poll the room set.
    let mut live_catalog = builtin();
    let change = tradeoff::weights::parse(&live_catalog, "iac.multi_cloud=6").unwrap();
    tradeoff::weights::set(&mut live_catalog, change).unwrap();
    let mut poll = tradeoff::poll::Poll::default();
    poll.add_flag(&live_catalog, "traffic.spiky=3").unwrap();
    let live = tradeoff::autosave::Live::of(&live_catalog, &poll);
    assert_valid(
        &answers,
        "a saved session with weights and a poll",
        &tradeoff::autosave::to_toml(&live_catalog, &a, progress, &live),
    );
    for team in ["data-team", "platform", "startup"] {
        assert_valid(
            &answers,
            team,
            &read(&format!("tests/fixtures/teams/{team}.toml")),
        );
    }
    let found = problems(&answers, &toml_json("[answer]\nteam_size = \"small\"\n"));
    assert!(found.contains("answer"), "{found}");
}

#[test]
fn the_config_schema_is_the_settings_table() {
    let path = Path::new(ROOT).join("schemas/config.schema.json");
    let generated = tradeoff::config::table::schema();
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        let text = serde_json::to_string_pretty(&generated).unwrap() + "\n";
        std::fs::write(&path, text).unwrap();
    }
    assert_eq!(
        schema("config.schema.json"),
        generated,
        "schemas/config.schema.json is out of date: UPDATE_SCHEMAS=1 cargo test --test schemas"
    );
    // Every example of `config init`'s template, uncommented, validates.
    let uncommented: String = tradeoff::config::table::template()
        .lines()
        .filter_map(|l| l.strip_prefix("# "))
        .filter(|l| l.split_once(" = ").is_some_and(|(k, _)| !k.contains(' ')))
        .map(|l| format!("{l}\n"))
        .collect();
    let doc = toml_json(&uncommented);
    assert_eq!(
        doc.as_object().unwrap().len(),
        tradeoff::config::SETTINGS.len(),
        "{uncommented}"
    );
    let found = problems(&generated, &doc);
    assert!(found.is_empty(), "{found}");
}

// ---------------------------------------------------------------- schema and loader agree

/// The names in the loader's message after "expected" (serde's "expected one of `a`, `b`", or
/// the config's "valid keys: a, b").
fn expected_names(message: &str) -> BTreeSet<String> {
    if let Some((_, list)) = message.split_once("valid keys: ") {
        return list.split(", ").map(|s| s.trim().to_string()).collect();
    }
    let (_, after) = message
        .split_once("expected")
        .unwrap_or_else(|| panic!("no expected keys in: {message}"));
    after
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The keys a schema allows in an object: its `properties`, following a `$ref`.
fn schema_keys(root: &Value, def: &Value) -> BTreeSet<String> {
    let def = match def.get("$ref").and_then(Value::as_str) {
        Some(r) => root.pointer(r.trim_start_matches('#')).unwrap(),
        None => def,
    };
    def["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

/// The concrete places in `doc` that `pattern` (a JSON pointer with `*` for any key or index)
/// names.
fn places(doc: &Value, pattern: &str) -> Vec<String> {
    let mut found = vec![(String::new(), doc)];
    for part in pattern.split('/').skip(1) {
        let mut next = Vec::new();
        for (at, v) in found {
            match (part, v) {
                ("*", Value::Array(items)) => next.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, x)| (format!("{at}/{i}"), x)),
                ),
                ("*", Value::Object(map)) => {
                    next.extend(map.iter().map(|(k, x)| (format!("{at}/{k}"), x)))
                }
                (key, v) => {
                    if let Some(x) = v.get(key) {
                        next.push((format!("{at}/{key}"), x));
                    }
                }
            }
        }
        found = next;
    }
    found
        .into_iter()
        .filter(|(_, v)| v.is_object())
        .map(|(at, _)| at)
        .collect()
}

/// A copy of the built-in data folder in a temporary folder, with `file` (relative) replaced.
fn data_with(file: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(ROOT).join("data");
    std::fs::create_dir_all(dir.path().join("packs")).unwrap();
    let copy = |rel: PathBuf| {
        std::fs::copy(src.join(&rel), dir.path().join(&rel)).unwrap();
    };
    for e in std::fs::read_dir(&src).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "toml") {
            copy(PathBuf::from(e.file_name()));
        }
    }
    for (name, _) in builtin_packs() {
        copy(Path::new("packs").join(name));
    }
    std::fs::write(dir.path().join(file), text).unwrap();
    dir
}

/// The loader's message about the probe key put at `at` in `doc` (the file `file` of the data).
fn loader_says(file: &str, doc: &Value, at: &str) -> String {
    let mut doc = doc.clone();
    doc.pointer_mut(at)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert(PROBE.into(), "x".into());
    let text = toml::to_string(&doc).unwrap();
    let dir = data_with(file, &text);
    let problems = Source::Folder(dir.path().to_path_buf())
        .load(Use::Check)
        .err()
        .unwrap_or_else(|| panic!("{file}: the loader took `{PROBE}` at {at}"));
    problems
        .0
        .iter()
        .map(|p| p.message.clone())
        .find(|m| m.contains(PROBE))
        .unwrap_or_else(|| panic!("{file}: no problem names `{PROBE}` at {at}:\n{problems}"))
}

#[test]
fn the_pack_schema_allows_exactly_the_keys_the_loader_takes() {
    let pack = schema("pack.schema.json");
    // Where each kind of table is found in a pack.
    let at: &[(&str, &str)] = &[
        ("", ""),
        ("question", "/question/*"),
        ("choice", "/question/*/choice/*"),
        ("criterion", "/criterion/*"),
        ("alternative", "/alternative/*"),
        ("score", "/alternative/*/scores/*"),
        ("note", "/alternative/*/caveats/*"),
        ("rule", "/rule/*"),
        ("adjust", "/rule/*/adjust/*"),
        ("veto", "/rule/*/veto/*"),
        ("caveat", "/rule/*/caveat/*"),
        ("next_step", "/rule/*/next_step/*"),
    ];
    // Every table the schema describes is probed.
    let described: BTreeSet<&str> = pack["$defs"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, d)| d.get("properties").is_some())
        .map(|(k, _)| k.as_str())
        .chain([""])
        .collect();
    let probed: BTreeSet<&str> = at.iter().map(|(d, _)| *d).collect();
    assert_eq!(described, probed, "a table of the schema has no probe here");
    let packs: Vec<(String, Value)> = builtin_packs()
        .into_iter()
        .map(|(n, t)| (n, toml_json(&t)))
        .collect();
    for (def, pattern) in at {
        let (file, doc, place) = packs
            .iter()
            .find_map(|(n, d)| places(d, pattern).first().map(|p| (n, d, p.clone())))
            .unwrap_or_else(|| panic!("no built-in pack has a `{def}` table ({pattern})"));
        let loader = expected_names(&loader_says(&format!("packs/{file}"), doc, &place));
        let def_schema = if def.is_empty() {
            &pack
        } else {
            &pack["$defs"][def]
        };
        assert_eq!(
            schema_keys(&pack, def_schema),
            loader,
            "`{def}` tables: the schema (left) and the loader (right) disagree"
        );
    }
}

#[test]
fn the_sources_schema_allows_exactly_the_keys_the_loader_takes() {
    let sources = schema("sources.schema.json");
    let doc = toml_json(&read("data/sources.toml"));
    let root = expected_names(&loader_says("sources.toml", &doc, ""));
    assert_eq!(schema_keys(&sources, &sources), root);
    let item = expected_names(&loader_says("sources.toml", &doc, "/source/0"));
    assert_eq!(
        schema_keys(&sources, &sources["properties"]["source"]["items"]),
        item
    );
}

#[test]
fn the_answers_and_config_schemas_allow_exactly_the_keys_their_loaders_take() {
    let answers = schema("answers.schema.json");
    let catalog = builtin();
    let mut a = Answers::empty(&catalog);
    let e = a
        .apply_file(&catalog, "probe.toml", &format!("{PROBE} = 1\n"))
        .unwrap_err();
    assert_eq!(
        schema_keys(&answers, &answers),
        expected_names(&e.to_string())
    );
    // The config: its loader's list of keys, from a file with an unknown one.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, format!("{PROBE} = 1\n")).unwrap();
    let folders = tradeoff::folders::Folders {
        config_file: Some(file),
        config_named: true,
        ..Default::default()
    };
    let config = tradeoff::config::Config::load(&tradeoff::config::Flags::default(), &folders);
    let warning = config.warning().expect("the unknown key is reported");
    let config_schema = schema("config.schema.json");
    assert_eq!(
        schema_keys(&config_schema, &config_schema),
        expected_names(warning.lines().find(|l| l.contains(PROBE)).unwrap())
    );
}

#[test]
fn pack_new_writes_the_schemas_its_files_name() {
    let sb = Sandbox::new("schema-pack-new");
    sb.cmd()
        .args(["pack", "new", "deployment"])
        .assert()
        .success();
    let folder = sb.user_data();
    let pack = std::fs::read_to_string(folder.join("packs/deployment.toml")).unwrap();
    assert!(pack.starts_with("#:schema ./pack.schema.json\n"), "{pack}");
    assert_eq!(
        std::fs::read_to_string(folder.join("packs/pack.schema.json")).unwrap(),
        read("schemas/pack.schema.json")
    );
    assert_eq!(
        std::fs::read_to_string(folder.join("sources.schema.json")).unwrap(),
        read("schemas/sources.schema.json")
    );
    // The schema files beside the packs are not packs: everything still loads.
    sb.cmd().args(["validate"]).assert().success();
    sb.cmd()
        .args(["recommend", "--pack", "deployment"])
        .assert()
        .success();
}
