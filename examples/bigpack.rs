//! Writes a synthetic data folder of the size issue 12 asks about, for timing by hand:
//! `cargo run --release --example bigpack -- DIR [ALTERNATIVES CRITERIA QUESTIONS CHOICES]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("a folder"));
    let mut n = |d: usize| args.next().map_or(d, |a| a.parse().expect("a number"));
    let size = tradeoff::pack::synth::Size {
        alternatives: n(10_000),
        criteria: n(40),
        questions: n(30),
        choices: n(4),
        rules_per_choice: 2,
    };
    for f in tradeoff::pack::synth::generate(size, 42) {
        let path = dir.join(&f.rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, f.text).unwrap();
    }
}
