//! The starting point of a user's own pack (`tradeoff pack new ID`): every key a pack can have,
//! each explained where it stands, with values that validate as they are.

use crate::clock;

/// The `sources.toml` a new pack's folder gets when it has none: the pack cites it.
pub fn sources() -> String {
    format!(
        r#"#:schema ./sources.schema.json
# Sources your own packs cite, by id, beside the built-in ones (their ids are in tradeoff's
# data/sources.toml). Every fact in a pack should name one, with the day someone checked it.

[[source]]
id = "my-notes"
title = "Our team's notes on this decision"
# A source has an https:// url, or a citation that says where it is found.
citation = "Where to find them: a wiki page, a design document, a ticket"
verified = "{today}"
checked = "What was checked there, in a sentence."
"#,
        today = clock::today()
    )
}

/// A pack with the id `id` (a valid pack id).
pub fn pack(id: &str) -> String {
    let mut title: String = id.replace(['-', '_'], " ");
    if let Some(first) = title.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    // The pack's own question gets an id of its own, so that two packs made from this template
    // never define the same question.
    let question: String = format!("{}-risk", &id[..id.len().min(59)]);
    format!(
        r#"#:schema ./pack.schema.json
# Your own decision pack, loaded beside tradeoff's built-in ones and shown as "your pack".
# Every key is explained in tradeoff's data/README.md; `tradeoff validate` checks this file and
# points at any problem as file:line:col. The values below are placeholders that validate. The
# first line lets taplo and Even Better TOML check the keys as you type, against the JSON Schema
# written beside this file.

id = "{id}"                       # public id (`--pack {id}`): do not rename it once others use it
name = "{title}"                  # the title of its section in every output
description = "What this decision is about, in one sentence."
verified = "{today}"              # the day the facts below were last checked against their sources
order = 10                        # shown after the built-in packs (compute is 1, iac is 2)

# A question of this pack's own, asked after the shared ones (team_size, cloud_strategy, … can be
# used in rules too: `tradeoff questions` lists them).
[[question]]
id = "{question}"
title = "Risk tolerance"
prompt = "How much risk can a release of this system take?"
help = "Why the answer matters for this decision, in two or three sentences, from the sources."
sources = ["my-notes"]

[[question.choice]]
id = "low"
label = "Low"
detail = "A failed release is costly"

[[question.choice]]
id = "high"
label = "High"
detail = "A failed release is cheap to undo"

# Criteria: what the alternatives are scored on. Each has a fixed 0-10 scale (say what 0, 5 and
# 10 mean) and a base weight; only the ratios of the weights matter.
[[criterion]]
id = "safety"
name = "Safety"
description = "How well a bad release is contained."
weight = 2.0
scale = {{ "0" = "Every user sees a bad release at once", "5" = "Some users first, rolled back by hand", "10" = "Few users first, rolled back automatically" }}

[[criterion]]
id = "simplicity"
name = "Simplicity"
description = "How little there is to set up and run."
weight = 1.0
scale = {{ "0" = "A project of its own", "5" = "A day of setup", "10" = "Nothing to set up" }}

# Alternatives: every one scores every criterion, with a rationale (and a source for a fact).
[[alternative]]
id = "option-a"
name = "Option A"
summary = "One line: what it is and who it is for."
sources = ["my-notes"]
next_steps = ["The first thing to do once it is chosen"]
# Warnings an expert would raise whenever it is recommended.
caveats = [{{ text = "What to watch out for when it wins.", source = "my-notes" }}]

[alternative.scores]
safety = {{ score = 8, why = "Why it scores 8 here", source = "my-notes" }}
simplicity = {{ score = 4, why = "Why it scores 4 here" }}

[[alternative]]
id = "option-b"
name = "Option B"
summary = "One line: what it is and who it is for."
sources = ["my-notes"]
next_steps = ["The first thing to do once it is chosen"]
caveats = [{{ text = "What to watch out for when it wins.", source = "my-notes" }}]

[alternative.scores]
safety = {{ score = 4, why = "Why it scores 4 here", source = "my-notes" }}
simplicity = {{ score = 9, why = "Why it scores 9 here" }}

# Rules: when answers hold, change weights (`weights`), scores (`adjust`), exclude an alternative
# (`veto`), or add a caveat or a next step. `unless` and `stack` (another pack's winner) are in
# data/README.md.
[[rule]]
id = "costly-failures"
when = {{ {question} = "low" }}
reason = "A costly failure makes containing a bad release worth more."
weights = {{ safety = 2.0 }}

[[rule]]
id = "small-team"
when = {{ team_size = ["solo", "small"] }}
reason = "A small team has little time to set things up."
weights = {{ simplicity = 1.5 }}
"#,
        today = clock::today()
    )
}
