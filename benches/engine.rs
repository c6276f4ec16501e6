//! Engine benchmarks: the full analysis on the built-in packs, how ranking plus every
//! single-answer counterfactual grows with the size of a pack (up to issue 12's 10,000 alternatives
//! × 40 criteria × 30 questions × 4 choices), and how `validate` grows with the number of problems.
//!
//! Run with `cargo bench --bench engine`; the README records the numbers.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tradeoff::answers::Answers;
use tradeoff::engine::{analyze, counterfactual, evaluate};
use tradeoff::pack::{self, synth};

fn builtin(c: &mut Criterion) {
    let catalog = pack::load_builtin().unwrap();
    let mut answers = Answers::empty(&catalog);
    for (q, ch) in [
        ("team_size", "small"),
        ("k8s_experience", "none"),
        ("cloud_strategy", "aws_only"),
        ("workload", "web"),
        ("kubernetes_wanted", "no"),
        ("traffic", "steady"),
        ("hardware", "standard"),
        ("app_runner_customer", "no"),
        ("iac_language", "typescript"),
        ("existing_iac", "none"),
        ("iac_migration", "keep"),
    ] {
        answers.set_by_id(&catalog, q, ch).unwrap();
    }
    c.bench_function("builtin/full_analysis", |b| {
        b.iter(|| analyze(black_box(&catalog), black_box(&answers), &[]))
    });
    // Start-up reads the snapshot build.rs compiled; `validate` parses and checks the TOML.
    c.bench_function("builtin/load_snapshot", |b| b.iter(pack::load_builtin));
    c.bench_function("builtin/parse_and_check_toml", |b| {
        b.iter(|| pack::Source::builtin().load(pack::Use::Check))
    });
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("rank_and_counterfactuals");
    group.sample_size(20);
    for (alternatives, criteria, questions) in [
        (10, 8, 8),
        (100, 20, 15),
        (300, 30, 20),
        (1000, 40, 30),
        (10_000, 40, 30),
    ] {
        let size = synth::Size {
            alternatives,
            criteria,
            questions,
            choices: 4,
            rules_per_choice: 2,
        };
        let catalog = pack::load(&synth::generate(size, 42), 20_600).unwrap();
        let pack = &catalog.packs[0];
        let answers: Vec<Option<usize>> =
            (0..catalog.questions.len()).map(|i| Some(i % 4)).collect();
        let label = format!("{alternatives}x{criteria}x{questions}x4");
        group.bench_with_input(
            BenchmarkId::from_parameter(label),
            &answers,
            |b, answers| {
                b.iter(|| {
                    let ranking = evaluate(pack, answers).ranking();
                    let cf = counterfactual::single_changes(&catalog.questions, pack, answers);
                    black_box((ranking, cf))
                })
            },
        );
    }
    group.finish();
}

/// `validate` on data with N problems (an unknown criterion in every alternative's scores): the
/// time must grow linearly with N (each problem is located in one pass over its file).
fn validate_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("validate_problems");
    group.sample_size(10);
    for problems in [1_000usize, 10_000, 100_000] {
        let mut pack = String::from(
            "id = \"p\"\nname = \"P\"\ndescription = \"d\"\nverified = \"2026-01-01\"\n\
             [[criterion]]\nid = \"k\"\nname = \"K\"\ndescription = \"k\"\nweight = 1\n\
             scale = { \"0\" = \"a\", \"5\" = \"b\", \"10\" = \"c\" }\n",
        );
        for i in 0..problems {
            pack.push_str(&format!(
                "[[alternative]]\nid = \"a{i}\"\nname = \"A\"\nsummary = \"s\"\nsources = [\"s\"]\n\
                 [alternative.scores]\nk = {{ score = 5, why = \"w\" }}\nkk = {{ score = 5, why = \"w\" }}\n"
            ));
        }
        let files = vec![
            pack::DataFile::new(
                "v/sources.toml",
                "sources.toml",
                "[[source]]\nid = \"s\"\ntitle = \"S\"\nurl = \"https://example.org\"\nverified = \"2026-01-01\"\n",
            ),
            pack::DataFile::new(
                "v/questions.toml",
                "questions.toml",
                "verified = \"2026-01-01\"\n",
            ),
            pack::DataFile::new("v/packs/p.toml", "packs/p.toml", pack),
        ];
        group.bench_with_input(BenchmarkId::from_parameter(problems), &files, |b, files| {
            b.iter(|| {
                let errors = pack::load(black_box(files), 20_600).unwrap_err();
                assert_eq!(errors.len(), problems);
                black_box(errors.to_string())
            })
        });
    }
    group.finish();
}

/// Loading a big pack from TOML: its [[alternative]] tables parsed one by one (what `load` does)
/// against the whole file parsed at once (`load_whole`), in the same run. Peak memory, which is
/// the reason for the first, is measured by hand (README, "Performance").
fn load_big_pack(c: &mut Criterion) {
    use tradeoff::pack::synth::{Size, generate};
    let mut group = c.benchmark_group("load_toml_2000x40");
    group.sample_size(10);
    let files = generate(
        Size {
            alternatives: 2_000,
            criteria: 40,
            questions: 30,
            choices: 4,
            rules_per_choice: 2,
        },
        7,
    );
    group.bench_function("table_by_table", |b| {
        b.iter(|| pack::load(black_box(&files), 0).unwrap())
    });
    group.bench_function("whole", |b| {
        b.iter(|| pack::load_whole(black_box(&files), 0).unwrap())
    });
    group.finish();
}

criterion_group!(benches, builtin, scaling, validate_scaling, load_big_pack);
criterion_main!(benches);
