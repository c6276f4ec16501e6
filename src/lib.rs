//! tradeoff: an explainable advisor for running containers on AWS and choosing an IaC tool.
//!
//! The decision core (`pack`, `engine`, `answers`) knows nothing of terminals; `report` renders its
//! one result value (text, Markdown, HTML, ADR, JSON) from one outline; `tui` is the interactive view
//! of the same value.

pub mod answers;
pub mod assets;
pub mod autosave;
pub mod clock;
pub mod config;
pub mod cue;
pub mod dates;
pub mod demo;
mod embedded;
pub mod engine;
pub mod folders;
pub mod fsutil;
pub mod pack;
pub mod plain;
pub mod poll;
pub mod report;
pub mod rng;
pub mod safe;
pub mod schemas;
pub mod suggest;
pub mod teams;
pub mod tui;
pub mod weights;
