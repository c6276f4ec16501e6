//! Decision data: the TOML schema, loading with spans, checking, and the compiled model.

pub mod diag;
pub mod load;
pub mod model;
pub mod schema;
pub mod synth;

pub use diag::{Diagnostic, Diagnostics, SourceText};
pub use load::{
    DataFile, builtin_files, dir_files, load, load_builtin, load_for_scoring, load_from,
};
pub use model::*;
