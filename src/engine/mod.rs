//! The decision engine: scoring, vetoes, explanations, counterfactuals, weight sensitivity and
//! robustness. No terminal, no files, no clock: `analyze` turns a catalog and answers into a
//! [`Recommendation`], the one value every view (TUI, CLI text, JSON, Markdown, HTML) renders.
//!
//! `result` holds the types of that value (the JSON contract), `analyze` computes it; `score`,
//! `counterfactual`, `sensitivity` and `robustness` are the methods it uses.

pub mod analyze;
mod because;
mod changes;
mod context;
pub mod cost;
pub mod cost_report;
pub mod counterfactual;
pub mod result;
pub mod robustness;
mod round;
pub mod score;
pub mod sensitivity;

pub use analyze::{analyze, analyze_pack, freshness, scenario, winner_advice};
pub use result::*;
pub use round::{Fixed, round_parts, round1, round3};
pub use score::{Evaluation, evaluate};

/// Version of the JSON schema (`docs/json-schema.md`); bumped on any breaking change.
pub const SCHEMA_VERSION: u32 = 1;
/// A margin below this many points (of 100) is a close call.
pub const CLOSE_CALL_POINTS: f64 = 5.0;
/// A margin below this many points is a tie.
pub const TIE_POINTS: f64 = 0.5;
/// The winner is robust when it wins at least this share of the weight samples.
pub const ROBUST_SHARE: f64 = 0.8;
/// Data verified longer ago than this (days) is flagged as stale in every output: AWS's container
/// and IaC offerings change several times a year.
pub const STALE_AFTER_DAYS: i64 = 180;

pub fn method() -> Method {
    Method {
        scoring: "vetoes first, then score = 100 × Σ(w·s) / (10 × Σw) over fixed 0–10 scales",
        close_call_points: CLOSE_CALL_POINTS,
        tie_points: TIE_POINTS,
        robust_share: ROBUST_SHARE,
        samples: robustness::SAMPLES,
        weight_noise: robustness::NOISE,
        seed: robustness::SEED,
    }
}
