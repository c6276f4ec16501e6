use std::time::Instant;
fn main() {
    let files = tradeoff::pack::builtin_files();
    let n = 200;
    let t = Instant::now();
    for _ in 0..n { let _ = tradeoff::pack::load(&files, 20600).unwrap(); }
    println!("load: {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n { for f in &files { let _: toml::Value = toml::from_str(&f.text).unwrap(); } }
    println!("toml parse only: {:?}", t.elapsed() / n);
    for f in &files { let t = Instant::now(); for _ in 0..n { let _: toml::Value = toml::from_str(&f.text).unwrap(); } println!("  {} {} bytes: {:?}", f.rel, f.text.len(), t.elapsed()/n); }
}
