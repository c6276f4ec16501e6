//! Markdown renders what the data says: every field of a pack holds text full of Markdown (emphasis,
//! strikethrough, entities, raw HTML, links, autolinks, headings, quotes, list markers and leading
//! blanks that would start blocks), and the Markdown, ADR and comparison exports, rendered by a
//! CommonMark + GFM renderer (pulldown-cmark with tables and strikethrough), show each value as
//! its text, character for character. The data's own backtick pairs are code in Markdown and HTML.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Markdown a value may hold: none of it may take effect.
const MARKUP: &str = "*em* _u_ **b** ~~s~~ ~one~ &lt; &copy; &#x202E; &#x1b; <b>x</b> <!-- c --> \
     [l](https://e.x) ![i](https://e.x/i.png) https://e.x/y www.e.x a@b.co #h > q \\ | p !x";

/// A value: a tag that says which field it is (some start with what would open a block), then
/// the markup.
fn value(tag: &str) -> String {
    format!("{tag} {MARKUP}")
}

fn t(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The fields and the tags they hold.
const TAGS: &[&str] = &[
    "- alternative x",
    "1. summary x",
    "    why k1 x",
    "> step one x",
    "+ alternative y",
    "= caveat",
    "# criterion k1",
    "--- rule reason",
    "1) source title",
    "\tveto reason",
];

fn data(name: &str) -> PathBuf {
    let d = common::scratch::root().join(format!("tradeoff-md-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("packs")).unwrap();
    let w = |rel: &str, text: String| std::fs::write(d.join(rel), text).unwrap();
    w(
        "sources.toml",
        format!(
            "[[source]]\nid = \"s1\"\ntitle = {}\nurl = \"https://docs.aws.amazon.com/x\"\nverified = \"2026-01-01\"\nchecked = \"c\"\n",
            t(&value("1) source title"))
        ),
    );
    w(
        "questions.toml",
        "verified = \"2026-01-01\"\n\n[[question]]\nid = \"q\"\ntitle = \"Q\"\nprompt = \"P\"\nhelp = \"H\"\nsources = [\"s1\"]\n\n\
         [[question.choice]]\nid = \"a\"\nlabel = \"A\"\n\n[[question.choice]]\nid = \"b\"\nlabel = \"B\"\n"
            .to_string(),
    );
    let alt = |id: &str, name: &str, summary: &str, why: &str, step: &str, k1: u8| {
        format!(
            "[[alternative]]\nid = \"{id}\"\nname = {}\nsummary = {}\nsources = [\"s1\"]\nnext_steps = [{}]\n\
             [alternative.scores]\nk1 = {{ score = {k1}, why = {} }}\nk2 = {{ score = 5, why = \"Run `cdk drift` | then `a|b` to see.\" }}\n\n",
            t(name),
            t(summary),
            t(step),
            t(why),
        )
    };
    w(
        "packs/md.toml",
        format!(
            "id = \"md\"\nname = \"MD\"\ndescription = \"D\"\nverified = \"2026-01-01\"\n\n\
             [[criterion]]\nid = \"k1\"\nname = {}\ndescription = \"d\"\nweight = 3\nscale = {{ \"0\" = \"a\", \"5\" = \"b\", \"10\" = \"c\" }}\n\n\
             [[criterion]]\nid = \"k2\"\nname = \"K2\"\ndescription = \"d\"\nweight = 1\nscale = {{ \"0\" = \"a\", \"5\" = \"b\", \"10\" = \"c\" }}\n\n{}{}{}\
             [[rule]]\nid = \"r1\"\nwhen = {{ q = \"a\" }}\nreason = {}\nweights = {{ k1 = 2 }}\n\
             veto = [{{ alternative = \"z\", reason = {} }}]\n\
             caveat = [{{ alternative = \"x\", text = {} }}]\n",
            t(&value("# criterion k1")),
            alt(
                "x",
                &value("- alternative x"),
                &value("1. summary x"),
                &value("    why k1 x"),
                &value("> step one x"),
                9
            ),
            alt("y", &value("+ alternative y"), "S", "W", "N", 6),
            alt("z", "Z", "S", "W", "N", 5),
            t(&value("--- rule reason")),
            t(&value("\tveto reason")),
            t(&value("= caveat")),
        ),
    );
    d
}

fn tradeoff(data: &Path) -> Command {
    let mut c = Command::cargo_bin("tradeoff").unwrap();
    c.arg("--data").arg(data).env_remove("NO_COLOR");
    c
}

fn output(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text a reader sees (text and code, in order), and the code spans on their own.
fn rendered(md: &str) -> (String, Vec<String>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let (mut text, mut code) = (String::new(), Vec::new());
    for ev in Parser::new_ext(md, options) {
        match ev {
            Event::Text(s) => text.push_str(&s),
            Event::Code(s) => {
                text.push_str(&s);
                code.push(s.to_string());
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h:?} in\n{md}"),
            Event::Start(Tag::Strikethrough) => panic!("strikethrough in\n{md}"),
            Event::Start(Tag::Image { .. }) => panic!("an image in\n{md}"),
            Event::Start(Tag::CodeBlock(_)) => panic!("a code block in\n{md}"),
            Event::End(TagEnd::Paragraph | TagEnd::TableCell | TagEnd::Item) => text.push('\n'),
            _ => {}
        }
    }
    (text, code)
}

#[test]
fn every_markdown_export_renders_the_values_as_written() {
    let d = data("render");
    for format in ["markdown", "adr"] {
        let md = output(tradeoff(&d).args(["recommend", "-a", "q=a", "-f", format]));
        let (text, code) = rendered(&md);
        for tag in TAGS {
            // A tab is a control character, shown as `\t` like everywhere else.
            let v = tradeoff::safe::line(&value(tag)).into_owned();
            // Where the field is shown at all (its words), it is shown whole.
            let words = tag.trim_start_matches(|c: char| !c.is_alphabetic());
            if !text.contains(words) {
                continue;
            }
            assert!(
                text.contains(&v),
                "{format}: `{tag}` does not render as written:\n{text}\n---\n{md}"
            );
        }
        for shown in [
            "- alternative x",
            "    why k1 x",
            "= caveat",
            "# criterion k1",
        ] {
            assert!(
                text.contains(&value(shown)),
                "{format}: `{shown}` missing:\n{text}"
            );
        }
        assert!(
            code.iter().any(|c| c == "cdk drift"),
            "{format}: {code:?}\n{md}"
        );
        assert!(code.iter().any(|c| c == "a|b"), "{format}: {code:?}\n{md}");
    }
    let html = output(tradeoff(&d).args(["recommend", "-a", "q=a", "-f", "html"]));
    assert!(html.contains("<code>cdk drift</code>"), "{html}");
}

/// Team names are table headers in the comparison: `&#x202E;` there used to become a live bidi
/// override.
#[test]
fn the_comparison_renders_team_names_as_written() {
    let d = data("compare");
    let mut files = Vec::new();
    for (team, choice) in [("= team a", "a"), ("- team b", "b")] {
        let f = d.join(format!("{choice}.toml"));
        std::fs::write(
            &f,
            format!("team = {}\n[answers]\nq = \"{choice}\"\n", t(&value(team))),
        )
        .unwrap();
        files.push(f);
    }
    let md = output(
        tradeoff(&d)
            .args(["compare", "--format", "markdown"])
            .args(&files),
    );
    let (text, _) = rendered(&md);
    for team in ["= team a", "- team b"] {
        assert!(text.contains(&value(team)), "{team}:\n{text}\n---\n{md}");
    }
    assert!(
        !text.contains('\u{202e}') && !text.contains('\u{1b}'),
        "{text}"
    );
}
