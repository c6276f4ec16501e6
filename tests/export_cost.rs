//! Exports with monthly estimates (issue 18): golden files for text, Markdown, HTML and the ADR of
//! a team that answered its footprint, every figure beside its basis, and Markdown whose dollar
//! signs GitHub cannot read as math.

use pulldown_cmark::{Event, Options, Parser};
use tradeoff::answers::Answers;
use tradeoff::engine::{Recommendation, analyze};
use tradeoff::pack::{self, Catalog};
use tradeoff::report;

const DATE: &str = "2026-12-07";

fn builtin_on(date: &str) -> Catalog {
    let day = tradeoff::dates::parse_ymd(date).unwrap();
    pack::load(&pack::builtin_files(), day).unwrap()
}

/// A small team with a web app, steady traffic and one or two vCPU busy.
fn priced() -> Recommendation {
    let c = builtin_on(DATE);
    let mut a = Answers::empty(&c);
    for (q, ch) in [
        ("team_size", "small"),
        ("k8s_experience", "none"),
        ("cloud_strategy", "aws_only"),
        ("workload", "web"),
        ("traffic", "steady"),
        ("app_runner_customer", "no"),
        ("iac_language", "typescript"),
        ("footprint", "one"),
    ] {
        a.set_by_id(&c, q, ch).unwrap();
    }
    analyze(&c, &a, &[])
}

#[test]
fn golden_priced_text() {
    insta::assert_snapshot!("export_priced_text", report::text::render(&priced()));
}

#[test]
fn golden_priced_markdown() {
    insta::assert_snapshot!(
        "export_priced_markdown",
        report::markdown::render(&priced(), DATE)
    );
}

#[test]
fn golden_priced_html() {
    insta::assert_snapshot!("export_priced_html", report::html::render(&priced(), DATE));
}

#[test]
fn golden_priced_adr() {
    insta::assert_snapshot!("export_priced_adr", report::adr::render(&priced(), DATE));
}

/// Every format that shows a dollar figure says it is an estimate, on which prices.
#[test]
fn every_figure_comes_with_its_basis() {
    let rec = priced();
    let note = "estimate, us-east-1 on-demand prices checked on 2026-12-07";
    for (format, out) in [
        ("text", report::text::render(&rec)),
        ("markdown", report::markdown::render(&rec, DATE)),
        ("html", report::html::render(&rec, DATE)),
        ("adr", report::adr::render(&rec, DATE)),
    ] {
        assert!(out.contains('$'), "{format} shows figures");
        assert!(out.contains(note), "{format} says what the figures are");
        assert!(
            out.contains("Savings Plans") || format == "adr",
            "{format} names the levers"
        );
    }
}

/// GitHub reads `$…$` as inline math: every dollar sign is escaped, so no math span appears and
/// the tables keep their columns.
#[test]
fn markdown_dollars_are_never_math() {
    let md = report::markdown::render(&priced(), DATE);
    let opts = Options::ENABLE_TABLES | Options::ENABLE_MATH;
    let maths: Vec<String> = Parser::new_ext(&md, opts)
        .filter_map(|e| match e {
            Event::InlineMath(m) | Event::DisplayMath(m) => Some(m.to_string()),
            _ => None,
        })
        .collect();
    assert!(maths.is_empty(), "read as math: {maths:?}");
    assert!(md.contains("\\$"), "dollar signs are escaped");
}
