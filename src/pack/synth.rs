//! Synthetic decision data of any size, for benchmarks and property tests: a valid data set of
//! `alternatives × criteria` with `questions × choices` and rules of every kind, from a seed.

use super::load::DataFile;
use crate::rng::SplitMix64;

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
    let mut base = vec![0u8; size.alternatives * size.criteria];
    for a in 0..size.alternatives {
        pack.push_str(&format!(
            "\n[[alternative]]\nid = \"a{a}\"\nname = \"Alternative {a}\"\nsummary = \"Generated.\"\nsources = [\"synthetic\"]\n[alternative.scores]\n"
        ));
        for k in 0..size.criteria {
            let v = pick(11) as u8;
            base[a * size.criteria + k] = v;
            pack.push_str(&format!("k{k} = {{ score = {v}, why = \"g\" }}\n"));
        }
    }
    // The data must pass the checks on what rules can do together: deltas that never take a score
    // off the scale, and factors whose product stays bounded. Rules of one question never fire
    // together, so each question's largest effect is what adds up.
    let mut headroom = Headroom::new(size, &base);
    let mut r = 0;
    for q in 0..size.questions {
        headroom.next_question();
        for c in 0..size.choices {
            for _ in 0..size.rules_per_choice {
                let k = pick(size.criteria);
                let a = pick(size.alternatives);
                let factor = headroom.factor(k, [0.5, 1.5, 2.0][pick(3)]);
                let delta = headroom.delta(a * size.criteria + k, pick(9) as i64 - 4);
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

/// What the rules generated so far can still do to each cell and weight: the sum over questions of
/// each question's largest rise and fall must keep every score within 0–10, and the product of
/// each question's largest factor within the combined bound.
struct Headroom {
    /// Per cell: (base, committed rise, committed fall, this question's rise, this question's fall).
    cells: Vec<(i64, i64, i64, i64, i64)>,
    /// Per criterion: (committed log factor, this question's log factor).
    factors: Vec<(f64, f64)>,
}

impl Headroom {
    fn new(size: Size, base: &[u8]) -> Self {
        Headroom {
            cells: base.iter().map(|&b| (b as i64, 0, 0, 0, 0)).collect(),
            factors: vec![(0.0, 0.0); size.criteria],
        }
    }

    /// Commits the previous question's largest effects.
    fn next_question(&mut self) {
        for c in &mut self.cells {
            c.1 += c.3;
            c.2 += c.4;
            c.3 = 0;
            c.4 = 0;
        }
        for f in &mut self.factors {
            f.0 += f.1;
            f.1 = 0.0;
        }
    }

    /// `delta`, or 0 where it could take the cell off the scale.
    fn delta(&mut self, cell: usize, delta: i64) -> i64 {
        let (base, up, down, q_up, q_down) = &mut self.cells[cell];
        if delta > 0 && *base + *up + delta.max(*q_up) <= 10 {
            *q_up = delta.max(*q_up);
            delta
        } else if delta < 0 && *base + *down + delta.min(*q_down) >= 0 {
            *q_down = delta.min(*q_down);
            delta
        } else {
            0
        }
    }

    /// `factor`, or 1 where the product could pass [`super::MAX_COMBINED_FACTOR`].
    fn factor(&mut self, k: usize, factor: f64) -> f64 {
        let (done, this) = &mut self.factors[k];
        let log = libm::log(factor).max(0.0);
        if *done + log.max(*this) <= libm::log(super::MAX_COMBINED_FACTOR) {
            *this = log.max(*this);
            factor
        } else {
            1.0
        }
    }
}

fn file(rel: &str, text: String) -> DataFile {
    DataFile::new(format!("synth/{rel}"), rel, text)
}
