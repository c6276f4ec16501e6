//! Scratch folders for the tests: every folder a test makes lives under one folder per test process,
//! removed when the process exits, so that a run leaves nothing behind in the temporary folder (a
//! shared machine's /tmp filled up with thousands of them before).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

static ROOT: OnceLock<PathBuf> = OnceLock::new();

/// This test process's folder: made on first use, removed at exit.
pub fn root() -> &'static Path {
    ROOT.get_or_init(|| {
        let dir = tempfile::Builder::new()
            .prefix("tradeoff-tests-")
            .tempdir()
            .expect("a scratch folder")
            .keep();
        // The test harness returns from main when the tests are done, and exit runs this.
        // SAFETY: `remove` is a plain extern "C" function with no arguments, as atexit requires.
        unsafe { libc::atexit(remove) };
        dir
    })
}

extern "C" fn remove() {
    if let Some(dir) = ROOT.get() {
        let _ = std::fs::remove_dir_all(dir);
    }
}
