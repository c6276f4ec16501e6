//! Plain mode: numbered questions on standard input and output, then the recommendation as plain
//! text. No alternate screen, no box drawing, no cursor movement, so it works with a screen reader,
//! on a dumb terminal and through a pipe (`printf '1\n2\n' | tradeoff --plain`). Every value from
//! the data, and every line typed back, goes through [`crate::safe::line`].

use std::io::{self, BufRead, Write};

use crate::answers::Answers;
use crate::engine::analyze;
use crate::pack::Catalog;
use crate::report::text::{Decor, render_with};
use crate::safe::line as safe;

/// What to say when input ends early (on standard error: it is not part of the answers' output).
pub fn end_of_input_message(answered_up_to: usize, total: usize) -> String {
    format!(
        "Input ended before question {} of {total} was answered: no recommendation. Answer all {total} questions (an empty line skips one), or use `tradeoff recommend --answer QUESTION=CHOICE`.",
        answered_up_to + 1
    )
}

/// How a plain session ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every question was answered or skipped and the recommendation printed.
    Done(Answers),
    /// Input ended before the last question; the answers given so far, and how many questions
    /// the decisions chosen ask.
    EndOfInput {
        answered_up_to: usize,
        total: usize,
        answers: Answers,
    },
}

/// The longest answer line kept: an answer is a number, so anything longer is a mistake (a pasted
/// file), skipped to its end without being held in memory.
pub const MAX_LINE_BYTES: usize = 4096;

/// Reads one line of at most `max` bytes: `None` at the end of the input, `Some(None)` for a line
/// that was longer (read to its end and dropped), else the line. Bytes that are not UTF-8 are
/// replaced rather than ending the session.
pub fn read_line_limited(
    input: &mut dyn BufRead,
    max: usize,
) -> io::Result<Option<Option<String>>> {
    let mut line = Vec::new();
    let mut too_long = false;
    let mut read_any = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        read_any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        if !too_long {
            if line.len() + chunk.len() > max + 2 {
                too_long = true;
                line = Vec::new();
            } else {
                line.extend_from_slice(chunk);
            }
        }
        let n = chunk.len();
        input.consume(n);
        if done {
            break;
        }
    }
    if !read_any {
        return Ok(None);
    }
    if too_long {
        return Ok(Some(None));
    }
    Ok(Some(Some(String::from_utf8_lossy(&line).into_owned())))
}

/// Asks which packs to decide (catalog indexes, every pack for an empty line); `None` when input
/// ends first. With a single pack there is nothing to ask.
fn choose_packs(
    catalog: &Catalog,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> io::Result<Option<Vec<usize>>> {
    let n = catalog.packs.len();
    if n < 2 {
        return Ok(Some(Vec::new()));
    }
    writeln!(output, "Which decisions do you want to make?")?;
    for (i, p) in catalog.packs.iter().enumerate() {
        writeln!(
            output,
            "{}. {}: {}",
            i + 1,
            safe(&p.name),
            safe(&p.description)
        )?;
    }
    loop {
        write!(
            output,
            "Enter their numbers separated by spaces, or nothing for all {n}. > "
        )?;
        output.flush()?;
        let Some(line) = read_line_limited(input, MAX_LINE_BYTES)? else {
            writeln!(output)?;
            return Ok(None);
        };
        let line = line.unwrap_or_else(|| "(a line too long)".to_owned());
        let words: Vec<&str> = line
            .split([' ', ','])
            .filter(|w| !w.trim().is_empty())
            .collect();
        let picked: Option<Vec<usize>> = words
            .iter()
            .map(|w| match w.trim().parse::<usize>() {
                Ok(k) if (1..=n).contains(&k) => Some(k - 1),
                _ => None,
            })
            .collect();
        match picked {
            Some(mut packs) => {
                packs.sort_unstable();
                packs.dedup();
                return Ok(Some(if packs.len() == n { Vec::new() } else { packs }));
            }
            None => writeln!(
                output,
                "“{}” is not a list of numbers from 1 to {n}.",
                safe(line.trim())
            )?,
        }
    }
}

/// Asks which decisions to make, then the questions those packs read (shared ones once), on
/// `input`/`output`; `start` pre-fills answers.
pub fn run(
    catalog: &Catalog,
    start: Answers,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut answers = start;
    let Some(chosen) = choose_packs(catalog, input, output)? else {
        return Ok(Outcome::EndOfInput {
            answered_up_to: 0,
            total: catalog.questions_for(&[]).len(),
            answers,
        });
    };
    let asked = catalog.questions_for(&chosen);
    let total = asked.len();
    let packs: Vec<String> = catalog
        .packs
        .iter()
        .enumerate()
        .filter(|(i, _)| chosen.is_empty() || chosen.contains(i))
        .map(|(_, p)| safe(&p.name).into_owned())
        .collect();
    writeln!(
        output,
        "tradeoff: {total} questions, then a recommendation for: {}.",
        packs.join(" and ")
    )?;
    writeln!(
        output,
        "Answer each with its number. Press Enter on an empty line to skip a question."
    )?;
    for (at, &qi) in asked.iter().enumerate() {
        let q = &catalog.questions[qi];
        writeln!(output)?;
        // A follow-up that the answers so far do not ask is passed over, and said so.
        if !q.applies(&answers.choices) {
            answers.choices[qi] = None;
            writeln!(
                output,
                "Question {} of {total} ({}) does not apply to your answers: it is asked only when {}.",
                qi + 1,
                safe(&q.title),
                asked_when_words(catalog, qi)
            )?;
            continue;
        }
        writeln!(
            output,
            "Question {} of {total}: {}",
            at + 1,
            safe(&q.prompt)
        )?;
        writeln!(output, "Why it matters: {}", safe(&q.help))?;
        for (ci, c) in q.choices.iter().enumerate() {
            match &c.detail {
                Some(d) => writeln!(output, "{}. {}: {}", ci + 1, safe(&c.label), safe(d))?,
                None => writeln!(output, "{}. {}", ci + 1, safe(&c.label))?,
            }
        }
        let n = q.choices.len();
        let current =
            answers.choices[qi].map_or(String::new(), |c| format!(" Current answer: {}.", c + 1));
        loop {
            write!(
                output,
                "Enter a number from 1 to {n}, or nothing to skip.{current} > "
            )?;
            output.flush()?;
            let Some(line) = read_line_limited(input, MAX_LINE_BYTES)? else {
                writeln!(output)?;
                output.flush()?;
                return Ok(Outcome::EndOfInput {
                    answered_up_to: at,
                    total,
                    answers,
                });
            };
            let Some(line) = line else {
                writeln!(
                    output,
                    "That line is longer than {MAX_LINE_BYTES} bytes; type the number of a choice."
                )?;
                continue;
            };
            let text = line.trim();
            if text.is_empty() {
                if current.is_empty() {
                    writeln!(output, "Skipped.")?;
                } else {
                    let kept = &q.choices[answers.choices[qi].unwrap_or(0)].label;
                    writeln!(output, "Kept {}.", safe(kept))?;
                }
                break;
            }
            match text.parse::<usize>() {
                Ok(k) if (1..=n).contains(&k) => {
                    answers.choices[qi] = Some(k - 1);
                    let label = &q.choices[k - 1].label;
                    writeln!(output, "{}: {}.", safe(&q.title), safe(label))?;
                    break;
                }
                _ => writeln!(output, "“{}” is not one of the choices.", safe(text))?,
            }
        }
    }
    let rec = analyze(catalog, &answers, &chosen);
    writeln!(output)?;
    write!(output, "{}", render_with(&rec, Decor::Plain))?;
    output.flush()?;
    Ok(Outcome::Done(answers))
}

/// "Existing IaC is CloudFormation, AWS CDK or Terraform": when a follow-up is asked, in labels.
fn asked_when_words(catalog: &Catalog, qi: usize) -> String {
    let parts: Vec<String> = catalog.questions[qi]
        .asked_when
        .iter()
        .map(|c| {
            let dep = &catalog.questions[c.question];
            let labels: Vec<String> = c
                .choices
                .iter()
                .map(|&x| safe(&dep.choices[x].label).into_owned())
                .collect();
            let list = match labels.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                _ => labels.join(""),
            };
            format!("{} is {list}", safe(&dep.title))
        })
        .collect();
    parts.join(" and ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::load_builtin;

    fn session(input: &str) -> (Outcome, String) {
        let c = load_builtin().unwrap();
        let mut out = Vec::new();
        let outcome = run(&c, Answers::empty(&c), &mut input.as_bytes(), &mut out).unwrap();
        (outcome, String::from_utf8(out).unwrap())
    }

    #[test]
    fn answers_every_question_and_recommends() {
        let n = load_builtin().unwrap().questions.len();
        let (outcome, out) = session(&format!("\n2\n{}", "1\n".repeat(n - 1)));
        assert!(matches!(outcome, Outcome::Done(_)));
        assert!(out.contains(&format!("Question 1 of {n}")));
        assert!(out.contains("Recommended: "));
        assert!(
            !out.contains('█') && !out.contains('━'),
            "no bars or rules in plain mode"
        );
    }

    #[test]
    fn invalid_input_asks_again_and_empty_skips() {
        let n = load_builtin().unwrap().questions.len();
        let (outcome, out) = session(&format!("\n9\nabc\n0\n2\n\n{}", "1\n".repeat(n - 2)));
        assert!(out.contains("“9” is not one of the choices."));
        assert!(out.contains("“abc” is not one of the choices."));
        assert!(out.contains("“0” is not one of the choices."));
        assert!(out.contains("Skipped."));
        let Outcome::Done(a) = outcome else { panic!() };
        assert_eq!(a.choices[0], Some(1));
        assert_eq!(a.choices[1], None);
    }

    #[test]
    fn a_follow_up_that_does_not_apply_is_not_asked() {
        let c = load_builtin().unwrap();
        let Some(qi) = c.questions.iter().position(|q| !q.asked_when.is_empty()) else {
            return;
        };
        let dep = c.questions[qi].asked_when[0].question;
        // Answer the first choice everywhere, except a choice of the followed-up question that
        // does not ask the follow-up.
        let off = (0..c.questions[dep].choices.len())
            .find(|x| !c.questions[qi].asked_when[0].choices.contains(x))
            .unwrap();
        let input: String = (0..qi)
            .map(|i| {
                if i == dep {
                    format!("{}\n", off + 1)
                } else {
                    "1\n".into()
                }
            })
            .collect();
        let (outcome, out) =
            session(&("\n".to_string() + &input + &"1\n".repeat(c.questions.len())));
        assert!(out.contains("does not apply to your answers"), "{out}");
        let Outcome::Done(a) = outcome else { panic!() };
        assert_eq!(a.choices[qi], None);
    }

    #[test]
    fn early_end_of_input() {
        let (outcome, out) = session("\n1\n2\n");
        assert!(matches!(
            outcome,
            Outcome::EndOfInput {
                answered_up_to: 2,
                ..
            }
        ));
        assert!(end_of_input_message(2, 8).starts_with("Input ended before question 3 of 8"));
        assert!(!out.contains("Recommended"));
    }

    /// A line of 64 MiB is dropped as it streams by (never held), then the session goes on; bytes
    /// that are not UTF-8 are a wrong answer, not the end of the session.
    #[test]
    fn a_huge_or_broken_line_is_refused_and_the_session_goes_on() {
        use std::io::Read;
        let c = load_builtin().unwrap();
        let n = c.questions.len();
        let huge = io::repeat(b'7').take(64 << 20);
        let rest = format!("\nX\n2\n{}", "1\n".repeat(n - 1)).into_bytes();
        let mut rest = rest;
        rest[1] = 0xff;
        // An empty line first: every decision.
        let mut input = io::BufReader::new((&b"\n"[..]).chain(huge).chain(&rest[..]));
        let mut out = Vec::new();
        let outcome = run(&c, Answers::empty(&c), &mut input, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("That line is longer than 4096 bytes"), "{out}");
        assert!(
            out.contains("“\u{fffd}” is not one of the choices."),
            "{out}"
        );
        let Outcome::Done(a) = outcome else { panic!() };
        assert_eq!(a.choices[0], Some(1));
    }

    #[test]
    fn only_the_chosen_decisions_questions_are_asked() {
        let c = load_builtin().unwrap();
        let compute = c.pack_index("compute").unwrap();
        let n = c.questions_for(&[compute]).len();
        assert!(n < c.questions.len());
        // A wrong list is asked again; then compute alone, every question skipped.
        let (outcome, out) = session(&format!("5 x\n{}\n{}", compute + 1, "\n".repeat(n)));
        assert!(out.contains("is not a list of numbers from 1 to"), "{out}");
        assert!(out.contains(&format!(
            "tradeoff: {n} questions, then a recommendation for: Compute platform."
        )));
        assert!(out.contains(&format!("Question {n} of {n}")));
        let asked = out
            .split("questions, then a recommendation")
            .nth(1)
            .unwrap();
        assert!(
            !asked.contains("Release approval") && !asked.contains("Delivery pipeline"),
            "{out}"
        );
        assert!(matches!(outcome, Outcome::Done(_)));
    }

    #[test]
    fn input_ending_at_the_decisions_is_an_early_end() {
        let (outcome, _) = session("");
        assert!(matches!(
            outcome,
            Outcome::EndOfInput {
                answered_up_to: 0,
                ..
            }
        ));
    }
}
