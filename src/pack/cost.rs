//! The cost model of `data/prices.toml`: its serde schema, and the compiled form the engine turns
//! into monthly estimates (every reference resolved to an index, every price attached to the lines
//! that use it). `pack::cost_check` checks and compiles one into the other.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::condition::Condition;
use super::schema::Conditions;

// --- Schema --------------------------------------------------------------------------------------

/// `data/prices.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PricesFile {
    pub verified: Spanned<String>,
    pub region: Spanned<String>,
    /// The terms every price is on, in words ("on-demand, Linux/x86, free tiers not counted").
    pub terms: Spanned<String>,
    pub hours_per_month: Spanned<f64>,
    pub points_per_doubling: Spanned<f64>,
    pub lambda_mb_per_vcpu: Spanned<f64>,
    pub footprint: FootprintDef,
    /// How many people each choice of the team-size question stands for (lines `per-member`).
    #[serde(default)]
    pub team: Option<TeamDef>,
    #[serde(default)]
    pub capacity: Vec<CapacityDef>,
    #[serde(default, rename = "price")]
    pub prices: Vec<PriceDef>,
    #[serde(default)]
    pub computes: Vec<ComputesDef>,
    /// Packs whose estimates are shown beside their hand-scored cost criterion.
    #[serde(default)]
    pub shows: Vec<ShowsDef>,
    /// Alternatives of a shown pack that no price table can estimate, with the reason.
    #[serde(default)]
    pub unpriced: Vec<UnpricedDef>,
    #[serde(default, rename = "estimate")]
    pub estimates: Vec<EstimateDef>,
    #[serde(default, rename = "lever")]
    pub levers: Vec<LeverDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FootprintDef {
    pub question: Spanned<String>,
    pub sizes: Spanned<Vec<SizeDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SizeDef {
    pub choice: Spanned<String>,
    pub vcpu: Spanned<[f64; 2]>,
    pub memory_gb: Spanned<[f64; 2]>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamDef {
    pub question: Spanned<String>,
    pub sizes: Spanned<Vec<PeopleDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeopleDef {
    pub choice: Spanned<String>,
    pub people: Spanned<[f64; 2]>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapacityDef {
    #[serde(default)]
    pub when: Option<Spanned<Conditions>>,
    pub headroom: Spanned<[f64; 2]>,
    pub text: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceDef {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub usd: Spanned<f64>,
    pub unit: Spanned<String>,
    #[serde(default)]
    pub vcpu: Option<Spanned<f64>>,
    #[serde(default)]
    pub memory_gb: Option<Spanned<f64>>,
    pub source: Spanned<String>,
    pub verified: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComputesDef {
    pub pack: Spanned<String>,
    pub criterion: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowsDef {
    pub pack: Spanned<String>,
    /// The hand-scored criterion the estimates stand beside (and never replace).
    pub beside: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnpricedDef {
    pub pack: Spanned<String>,
    pub alternative: Spanned<String>,
    pub reason: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EstimateDef {
    pub pack: Spanned<String>,
    pub alternative: Spanned<String>,
    pub lines: Spanned<Vec<LineDef>>,
    #[serde(default)]
    pub assumptions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineDef {
    pub id: Spanned<String>,
    pub price: Spanned<String>,
    pub qty: Spanned<String>,
    pub text: Spanned<String>,
    #[serde(default)]
    pub runs: Option<Spanned<String>>,
    #[serde(default)]
    pub count: Option<Spanned<[f64; 2]>>,
    #[serde(default)]
    pub factor: Option<Spanned<[f64; 2]>>,
    #[serde(default)]
    pub instance: Option<Spanned<String>>,
    #[serde(default)]
    pub of: Option<Spanned<String>>,
    #[serde(default)]
    pub fixed: bool,
    #[serde(default)]
    pub when: Option<Spanned<Conditions>>,
    #[serde(default)]
    pub unless: Option<Spanned<Vec<Spanned<Conditions>>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeverDef {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    /// The largest discount, as a fraction (0.66 = 66%).
    pub up_to: Spanned<f64>,
    pub text: Spanned<String>,
    pub source: Spanned<String>,
    /// Pack id → the alternatives it applies to.
    pub applies: Spanned<BTreeMap<Spanned<String>, Spanned<Vec<String>>>>,
}

// --- Model ---------------------------------------------------------------------------------------

/// The most lines an estimate may have: the engine looks back at earlier lines (for a `share`)
/// through a fixed array of this size, so that estimating never allocates.
pub const MAX_LINES: usize = 64;

/// What a price is charged per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Unit {
    Hour,
    VcpuHour,
    GbHour,
    InstanceHour,
    LcuHour,
    GbSecond,
    MillionRequests,
    Gb,
    Share,
    Minute,
    Month,
    Million,
}

impl Unit {
    pub const ALL: [(&'static str, Unit); 12] = [
        ("hour", Unit::Hour),
        ("vcpu-hour", Unit::VcpuHour),
        ("gb-hour", Unit::GbHour),
        ("instance-hour", Unit::InstanceHour),
        ("lcu-hour", Unit::LcuHour),
        ("gb-second", Unit::GbSecond),
        ("million-requests", Unit::MillionRequests),
        ("gb", Unit::Gb),
        ("share", Unit::Share),
        ("minute", Unit::Minute),
        ("month", Unit::Month),
        ("million", Unit::Million),
    ];

    pub fn id(self) -> &'static str {
        Unit::ALL
            .iter()
            .find(|(_, u)| *u == self)
            .map_or("", |(id, _)| id)
    }

    /// "per hour", "per GB-second", … for a price shown in words.
    pub fn per(self) -> &'static str {
        match self {
            Unit::Hour => "an hour",
            Unit::VcpuHour => "per vCPU-hour",
            Unit::GbHour => "per GB-hour",
            Unit::InstanceHour => "per instance-hour",
            Unit::LcuHour => "per LCU-hour",
            Unit::GbSecond => "per GB-second",
            Unit::MillionRequests => "per million requests",
            Unit::Gb => "per GB",
            Unit::Share => "of the line it applies to",
            Unit::Minute => "per minute",
            Unit::Month => "a month each",
            Unit::Million => "per million",
        }
    }

    /// A price per hour of something (a `count` of it is paid every hour of the month), rather
    /// than per amount (a `count` of it is the month's amount).
    pub fn hourly(self) -> bool {
        matches!(self, Unit::Hour | Unit::LcuHour | Unit::InstanceHour)
    }
}

/// What a line counts, and so which unit its price must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Qty {
    Vcpu,
    Memory,
    Instances,
    InstanceVcpus,
    LambdaDuration,
    LambdaRequests,
    Count,
    Share,
    PerMember,
    PerVcpu,
    PerVcpuSecond,
}

impl Qty {
    pub const ALL: [(&'static str, Qty); 11] = [
        ("vcpu", Qty::Vcpu),
        ("memory", Qty::Memory),
        ("instances", Qty::Instances),
        ("instance-vcpus", Qty::InstanceVcpus),
        ("lambda-duration", Qty::LambdaDuration),
        ("lambda-requests", Qty::LambdaRequests),
        ("count", Qty::Count),
        ("share", Qty::Share),
        ("per-member", Qty::PerMember),
        ("per-vcpu", Qty::PerVcpu),
        ("per-vcpu-second", Qty::PerVcpuSecond),
    ];

    /// The units a price may have for this quantity.
    pub fn units(self) -> &'static [Unit] {
        match self {
            Qty::Vcpu => &[Unit::VcpuHour],
            Qty::Memory => &[Unit::GbHour],
            Qty::Instances | Qty::InstanceVcpus => &[Unit::InstanceHour],
            Qty::LambdaDuration => &[Unit::GbSecond],
            Qty::LambdaRequests => &[Unit::MillionRequests],
            Qty::Count => &[
                Unit::Hour,
                Unit::LcuHour,
                Unit::InstanceHour,
                Unit::Gb,
                Unit::Minute,
                Unit::Month,
                Unit::Million,
            ],
            Qty::Share => &[Unit::Share],
            Qty::PerMember | Qty::PerVcpu => &[Unit::Gb, Unit::Minute, Unit::Month, Unit::Million],
            Qty::PerVcpuSecond => &[Unit::Million, Unit::MillionRequests],
        }
    }

    /// Whether the quantity is capacity that is billed either all the time or only while busy: a
    /// line of it must say which (`runs`).
    pub fn needs_runs(self) -> bool {
        matches!(
            self,
            Qty::Vcpu
                | Qty::Memory
                | Qty::Instances
                | Qty::InstanceVcpus
                | Qty::LambdaDuration
                | Qty::LambdaRequests
        )
    }

    /// Whether the quantity is read from the footprint answer (the workload's busy capacity).
    pub fn reads_footprint(self) -> bool {
        self.needs_runs() || matches!(self, Qty::PerVcpu | Qty::PerVcpuSecond)
    }
}

/// The price tables, as every output cites them.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Prices {
    pub verified: String,
    pub region: String,
    pub terms: String,
    pub prices: Vec<Price>,
    pub levers: Vec<Lever>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Price {
    pub id: String,
    pub name: String,
    pub usd: f64,
    pub unit: Unit,
    pub source: Option<usize>,
    pub verified: String,
}

/// A discount named beside the estimates, never folded into them.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Lever {
    pub id: String,
    pub name: String,
    pub up_to: f64,
    pub text: String,
    pub source: Option<usize>,
    /// (pack index, alternative indices)
    pub applies: Vec<(usize, Vec<usize>)>,
}

/// Everything the engine needs to estimate one pack's alternatives and compute its cost criterion
/// from the answers alone (so that scoring needs nothing but the pack).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PackCost {
    /// The criterion the estimates compute (`[[computes]]`) or stand beside (`[[shows]]`).
    pub criterion: usize,
    /// True when the estimates compute the criterion's scores; false when they are shown beside
    /// its hand scores.
    pub computed: bool,
    /// The `footprint` question (an index into the catalog's questions).
    pub footprint: usize,
    /// The average busy capacity per choice of the footprint question.
    pub sizes: Vec<Size>,
    /// The team-size question and the people (low, high) per choice, when the data has a `[team]`.
    pub team: Option<(usize, Vec<(f64, f64)>)>,
    /// The questions an estimate needs answered (the footprint, the team size, as the lines
    /// read them): with any of them skipped, there is no estimate.
    pub needs: Vec<usize>,
    pub capacity: Vec<Capacity>,
    pub hours: f64,
    pub points_per_doubling: f64,
    pub lambda_gb_per_vcpu: f64,
    /// One per alternative of the pack, in its order.
    pub alternatives: Vec<AltCost>,
}

#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct Size {
    pub vcpu: (f64, f64),
    pub memory_gb: (f64, f64),
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Capacity {
    pub when: Vec<Condition>,
    pub headroom: (f64, f64),
    pub text: String,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct AltCost {
    pub lines: Vec<CostLine>,
    pub assumptions: Vec<String>,
    /// Why no price table can estimate it (`[[unpriced]]`); its lines are then empty.
    pub unpriced: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CostLine {
    pub id: String,
    pub text: String,
    /// Index into `Prices::prices`.
    pub price: usize,
    pub usd: f64,
    pub unit: Unit,
    pub qty: Qty,
    /// Capacity that stays on (sized with the headroom), rather than billed only while busy.
    pub always: bool,
    pub fixed: bool,
    pub count: (f64, f64),
    pub factor: (f64, f64),
    /// The instance size (vCPU, GB) that holds the capacity, for `instances` and `instance-vcpus`.
    pub instance: (f64, f64),
    /// The vCPUs a per-instance fee was quoted for (`instance-vcpus`).
    pub fee_vcpu: f64,
    /// The earlier line a `share` applies to.
    pub of: Option<usize>,
    pub when: Vec<Condition>,
    pub unless: Vec<Vec<Condition>>,
}
