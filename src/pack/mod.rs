//! Decision data: the TOML schema, reading the files, checking and compiling them into the model
//! the engine scores.
//!
//! `files` finds the files (embedded or in a folder), `load` runs the whole job, `compile` turns
//! each table of the schema into the model, `checks` holds the checks every table shares and
//! `ranges` what rules can do together.

mod checks;
mod compile;
mod compile_pack;
pub mod condition;
pub mod cost;
mod cost_check;
mod cost_estimate;
pub mod diag;
pub mod files;
pub mod load;
pub mod model;
mod ranges;
mod rules;
pub mod schema;
pub mod shared_str;
mod split;
pub mod synth;
pub mod template;

pub use checks::{MAX_COMBINED_FACTOR, MAX_FACTOR, MAX_SCORE, MAX_WEIGHT, is_valid_id};
pub use condition::{Condition, StackCondition};
pub use diag::{Diagnostic, Diagnostics, SourceText};
pub use files::{
    MAX_DATA_FILE_BYTES, Source, Use, builtin_files, dir_files, load_builtin, read_data_file,
    unreadable, user_files,
};
pub use load::{DataFile, load, load_whole};
pub use model::*;
