//! "Did you mean …?" for mistyped ids, and fuzzy matching for the palette: our one wrapper around
//! fuzzy-matcher, so the rest of the code never sees its types.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// The closest candidate to `input`, if any is close enough to suggest.
///
/// Each candidate is first put through checks that cost a few instructions (which characters it
/// has, its length), so that the matcher and the edit distance run only on the few that could be
/// close: "did you mean" over thousands of ids stays cheap.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let matcher = SkimMatcherV2::default().ignore_case();
    let input_l = input.to_lowercase();
    let input_mask = char_mask(&input_l);
    let input_len = input.chars().count();
    let candidates: Vec<(&str, u64)> = candidates
        .into_iter()
        .map(|c| (c, char_mask(&c.to_lowercase())))
        .collect();
    // A fuzzy (subsequence) match first: best score, then the closest length, then the first name.
    // A subsequence needs every character of the input somewhere in the candidate.
    let fuzzy = candidates
        .iter()
        .filter(|(_, m)| input_mask & !m == 0)
        .filter_map(|&(c, _)| matcher.fuzzy_match(c, &input_l).map(|s| (s, c)))
        .max_by(|(s1, c1), (s2, c2)| {
            s1.cmp(s2)
                .then(
                    c2.len()
                        .abs_diff(input.len())
                        .cmp(&c1.len().abs_diff(input.len())),
                )
                .then(c2.cmp(c1))
        });
    if let Some((_, c)) = fuzzy {
        return Some(c);
    }
    // Transpositions and typos that are not subsequences: accept a small edit distance. An edit
    // changes the length by at most one and the set of characters by at most two.
    candidates
        .iter()
        .filter_map(|&(c, m)| {
            let len = c.chars().count();
            let allowed = (len.max(input_len) / 3).max(1);
            let near = len.abs_diff(input_len) <= allowed
                && (input_mask ^ m).count_ones() as usize <= 2 * allowed;
            near.then(|| {
                (
                    strsim::osa_distance(&input_l, &c.to_lowercase()),
                    c,
                    allowed,
                )
            })
        })
        .filter(|(d, _, allowed)| d <= allowed)
        .min_by_key(|&(d, c, _)| (d, c))
        .map(|(_, c, _)| c)
}

/// Which characters `s` has, folded into 64 bits (a character shares its bit with others, so this
/// can only say that a character is absent).
fn char_mask(s: &str) -> u64 {
    s.chars().fold(0, |m, c| m | 1 << (c as u32 % 64))
}

/// `", did you mean `x`?"`, or an empty string when nothing is close.
pub fn did_you_mean<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    match closest(input, candidates) {
        Some(c) => format!(", did you mean `{c}`?"),
        None => String::new(),
    }
}

/// `tip: a similar {what} exists: `x``, clap's wording for the tool's own error messages (a line
/// of its own, which the error printer lays out as clap does); `None` when nothing is close.
pub fn similar<'a>(
    what: &str,
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(input, candidates).map(|c| format!("tip: a similar {what} exists: `{c}`"))
}

/// serde's `unknown field `x`, expected one of `a`, `b`` (or `unknown variant`), with the closest
/// expected name suggested: every TOML file the program reads (packs, answers files, the config,
/// themes, demo scripts) goes through this, so a misspelt key gets a "did you mean" like a
/// misspelt id.
pub fn serde_message(message: &str) -> String {
    for kind in ["unknown field `", "unknown variant `"] {
        let Some(at) = message.find(kind) else {
            continue;
        };
        let start = at + kind.len();
        let Some(len) = message[start..].find('`') else {
            continue;
        };
        let typed = &message[start..start + len];
        let tail = &message[start + len + 1..];
        // The names serde expected are the back-quoted words after the typed one.
        let expected = tail.split('`').skip(1).step_by(2);
        if let Some(c) = closest(typed, expected) {
            return format!(
                "{}`, did you mean `{c}`?;{}",
                &message[..start + len],
                tail.strip_prefix(',').unwrap_or(tail)
            );
        }
    }
    message.to_string()
}

/// A fuzzy match of `pattern` in `text`: its score and the matched character positions.
pub fn fuzzy_indices(text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
    if pattern.is_empty() {
        return Some((0, Vec::new()));
    }
    SkimMatcherV2::default()
        .ignore_case()
        .fuzzy_indices(text, pattern)
}

/// A search match for people: the fuzzy match, ranked so that the word they typed wins. An exact
/// whole word scores highest, then a word that starts with the pattern, then other fuzzy matches;
/// matches scattered over many places (`eks` in "T-shaped skills") are dropped as noise.
pub fn relevance(text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
    let pattern = pattern.trim();
    let (score, idx) = fuzzy_indices(text, pattern)?;
    if pattern.is_empty() {
        return Some((score, idx));
    }
    let runs = idx.windows(2).filter(|w| w[1] != w[0] + 1).count() + usize::from(!idx.is_empty());
    let allowed = 1 + pattern.chars().count() / 4;
    if runs > allowed {
        return None;
    }
    let lower = text.to_lowercase();
    let p = pattern.to_lowercase();
    let is_word = |c: char| c.is_alphanumeric();
    let mut bonus = 0;
    for (at, _) in lower.match_indices(&p) {
        let before = lower[..at].chars().next_back().is_none_or(|c| !is_word(c));
        let after = lower[at + p.len()..]
            .chars()
            .next()
            .is_none_or(|c| !is_word(c));
        bonus = bonus.max(match (before, after) {
            (true, true) => 1000,
            (true, false) => 500,
            _ => 100,
        });
    }
    if lower == p {
        bonus = 2000;
    }
    // Among equals, the shorter text is the closer match.
    Some((score + bonus - (lower.chars().count() / 4) as i64, idx))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids() {
        let ids = ["solo", "small", "medium", "large"];
        assert_eq!(closest("smal", ids), Some("small"));
        assert_eq!(closest("medum", ids), Some("medium"));
        assert_eq!(closest("samll", ids), Some("small"));
        assert_eq!(closest("LARGE", ids), Some("large"));
        assert_eq!(closest("zzzzzzzz", ids), None);
        let qs = ["team_size", "k8s_experience", "cloud_strategy"];
        assert_eq!(closest("k8s", qs), Some("k8s_experience"));
        assert_eq!(closest("teamsize", qs), Some("team_size"));
    }

    #[test]
    fn relevance_puts_the_typed_word_first_and_drops_scattered_matches() {
        let eks = relevance("Amazon EKS", "eks").unwrap().0;
        let auto = relevance("EKS Auto Mode", "eks").unwrap().0;
        let prefix = relevance("EKSctl", "eks").unwrap().0;
        assert!(eks >= 1000 && auto >= 1000 && prefix < eks);
        assert_eq!(relevance("T-shaped skills", "eks"), None);
        assert!(
            relevance("Drift detection", "drft").is_some(),
            "a typo still finds it"
        );
        assert!(relevance("EKS", "eks").unwrap().0 > relevance("EKS Auto Mode", "eks").unwrap().0);
    }

    #[test]
    fn serde_messages_suggest_the_expected_name() {
        assert_eq!(
            serde_message("unknown field `wieght`, expected one of `id`, `name`, `weight`"),
            "unknown field `wieght`, did you mean `weight`?; expected one of `id`, `name`, `weight`"
        );
        assert_eq!(
            serde_message("unknown variant `mediun`, expected `low` or `medium`"),
            "unknown variant `mediun`, did you mean `medium`?; expected `low` or `medium`"
        );
        let far = "unknown field `zzzzzz`, expected one of `id`, `name`";
        assert_eq!(serde_message(far), far);
        assert_eq!(
            serde_message("invalid type: integer"),
            "invalid type: integer"
        );
        assert_eq!(
            similar("value", "smal", ["solo", "small"]).as_deref(),
            Some("tip: a similar value exists: `small`")
        );
    }

    #[test]
    fn edit_distance_counts_a_transposition_as_one() {
        assert_eq!(strsim::osa_distance("kitten", "sitting"), 3);
        assert_eq!(strsim::osa_distance("", "abc"), 3);
        assert_eq!(strsim::osa_distance("same", "same"), 0);
        assert_eq!(strsim::osa_distance("dco", "doc"), 1);
    }
}
