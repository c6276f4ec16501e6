//! The published JSON Schemas of the files people write (`schemas/*.schema.json`), embedded so
//! that `tradeoff pack new` can put them beside the files it writes, where the `#:schema` line of
//! each file names them (taplo and Even Better TOML check while you type). The config's schema is
//! derived from the settings table (`config::table::schema`); tests/schemas.rs checks every schema
//! against the loader, key by key.

/// `packs/ID.toml`: a decision pack.
pub const PACK: &str = include_str!("../schemas/pack.schema.json");
/// `sources.toml` of a data folder.
pub const SOURCES: &str = include_str!("../schemas/sources.schema.json");
/// An answers file (`recommend --answers`, `compare`, the saved session).
pub const ANSWERS: &str = include_str!("../schemas/answers.schema.json");

/// The file names `pack new` writes them under, beside the pack and the sources file.
pub const PACK_FILE: &str = "pack.schema.json";
pub const SOURCES_FILE: &str = "sources.schema.json";
