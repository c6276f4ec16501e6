//! Synthetic decision data of any size, for benchmarks and property tests: a valid data set of
//! `alternatives × criteria` with `questions × choices` and rules of every kind, from a seed.

use super::files::DataFile;
use crate::engine::robustness::SplitMix64;

#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub alternatives: usize,
    pub criteria: usize,
    pub questions: usize,
    pub choices: usize,
    /// Rules per question choice (each with a weight change and an adjustment; some veto).
    pub rules_per_choice: usize,
}

/// The data files of a generated data set (one pack, `synth`).
pub fn generate(size: Size, seed: u64) -> Vec<DataFile> {
    let mut rng = SplitMix64::new(seed);
    let mut pick = |n: usize| (rng.next_u64() % n.max(1) as u64) as usize;

    let sources = "[[source]]\nid = \"synthetic\"\ntitle = \"Generated data\"\nurl = \"https://example.org/synthetic\"\nverified = \"2026-01-01\"\n".to_string();

    let mut questions = String::from("verified = \"2026-01-01\"\n");
    for q in 0..size.questions {
        questions.push_str(&format!(
            "\n[[question]]\nid = \"q{q}\"\ntitle = \"Question {q}\"\nprompt = \"Question {q}?\"\nhelp = \"Generated.\"\n"
        ));
        for c in 0..size.choices {
            questions.push_str(&format!(
                "[[question.choice]]\nid = \"c{c}\"\nlabel = \"Choice {c}\"\n"
            ));
        }
    }

    let mut pack = String::from(
        "id = \"synth\"\nname = \"Synthetic\"\ndescription = \"Generated.\"\nverified = \"2026-01-01\"\n",
    );
    for k in 0..size.criteria {
        pack.push_str(&format!(
            "\n[[criterion]]\nid = \"k{k}\"\nname = \"Criterion {k}\"\ndescription = \"Generated.\"\nweight = {}\nscale = {{ \"0\" = \"low\", \"5\" = \"mid\", \"10\" = \"high\" }}\n",
            1 + pick(5)
        ));
    }
    for a in 0..size.alternatives {
        pack.push_str(&format!(
            "\n[[alternative]]\nid = \"a{a}\"\nname = \"Alternative {a}\"\nsummary = \"Generated.\"\nsources = [\"synthetic\"]\n[alternative.scores]\n"
        ));
        for k in 0..size.criteria {
            pack.push_str(&format!("k{k} = {{ score = {}, why = \"g\" }}\n", pick(11)));
        }
    }
    let mut r = 0;
    for q in 0..size.questions {
        for c in 0..size.choices {
            for _ in 0..size.rules_per_choice {
                let k = pick(size.criteria);
                let a = pick(size.alternatives);
                let factor = [0.5, 1.5, 2.0][pick(3)];
                let delta = pick(9) as i64 - 4;
                pack.push_str(&format!(
                    "\n[[rule]]\nid = \"r{r}\"\nwhen = {{ q{q} = \"c{c}\" }}\nreason = \"Generated.\"\nweights = {{ k{k} = {factor} }}\nadjust = [{{ alternative = \"a{a}\", criterion = \"k{k}\", delta = {delta}, reason = \"g\" }}]\n"
                ));
                if pick(10) == 0 {
                    let v = pick(size.alternatives);
                    pack.push_str(&format!(
                        "veto = [{{ alternative = \"a{v}\", reason = \"g\" }}]\n"
                    ));
                }
                r += 1;
            }
        }
    }
    vec![
        file("sources.toml", sources),
        file("questions.toml", questions),
        file("packs/synth.toml", pack),
    ]
}

fn file(rel: &str, text: String) -> DataFile {
    DataFile {
        name: format!("synth/{rel}"),
        rel: rel.to_string(),
        text,
    }
}
