//! Files in and out on the real binary: `--output` onto a full device, a read-only folder, a missing
//! folder, a symbolic link, a folder, and a write that fails half-way (each a clear message, exit
//! status 1 and no temporary file left behind); answers, config and demo files that are FIFOs,
//! devices or too big (an error, never a hang).

#![cfg(unix)]

mod sandbox;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use predicates::prelude::*;
use sandbox::Sandbox;

fn no_temp_files(dir: &Path) {
    let left = Sandbox::temp_files(dir);
    assert!(
        left.is_empty(),
        "temporary files left in {}: {left:?}",
        dir.display()
    );
}

#[cfg(target_os = "linux")]
#[test]
fn output_to_a_full_device() {
    let sb = Sandbox::new("w-full");
    for force in [false, true] {
        let mut cmd = sb.cmd();
        cmd.args(["recommend", "-f", "markdown", "-o", "/dev/full"]);
        if force {
            cmd.arg("--force");
        }
        cmd.assert().code(1).stderr(predicate::str::contains(
            "/dev/full: cannot write: No space left on device",
        ));
    }
    let full = std::fs::symlink_metadata("/dev/full").unwrap();
    assert!(!full.is_file(), "/dev/full is still the device");
    assert!(
        Sandbox::temp_files(Path::new("/dev"))
            .iter()
            .all(|n| !n.starts_with(".full.")),
        "no temporary file in /dev"
    );
}

/// A folder nobody may write to. As root, permission bits do not stop writes, so then it is
/// /sys, where not even root may create a file; with neither, the test says it is skipped.
fn read_only_folder(sb: &Sandbox) -> Option<std::path::PathBuf> {
    let dir = sb.root.join("read-only");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = dir.join("probe");
    if std::fs::write(&probe, "x").is_err() {
        return Some(dir);
    }
    let _ = std::fs::remove_file(&probe);
    let sys = Path::new("/sys");
    let probe = sys.join("tradeoff-probe");
    match std::fs::write(&probe, "x") {
        Err(_) if sys.is_dir() => Some(sys.to_path_buf()),
        Ok(()) => {
            let _ = std::fs::remove_file(&probe);
            None
        }
        Err(_) => None,
    }
}

#[test]
fn output_into_a_read_only_folder() {
    let sb = Sandbox::new("w-ro");
    let Some(dir) = read_only_folder(&sb) else {
        eprintln!("skipped: no folder here refuses writes to this user");
        return;
    };
    let out = dir.join("tradeoff-summary.md");
    sb.cmd()
        .args(["recommend", "-f", "markdown", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{}: cannot write: ",
            out.display()
        )))
        .stderr(predicate::str::contains("Permission denied"));
    assert!(!out.exists());
    no_temp_files(&dir);
    let _ = std::fs::set_permissions(
        sb.root.join("read-only"),
        std::fs::Permissions::from_mode(0o755),
    );
}

#[test]
fn output_into_a_missing_folder() {
    let sb = Sandbox::new("w-missing");
    sb.cmd()
        .args(["recommend", "-o", "no/such/summary.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no/such/summary.txt: cannot write: the folder no/such does not exist",
        ));
    assert!(!sb.work().join("no").exists(), "no folder was created");
    no_temp_files(&sb.work());
}

#[test]
fn output_onto_a_folder() {
    let sb = Sandbox::new("w-dir");
    std::fs::create_dir(sb.work().join("out")).unwrap();
    sb.cmd()
        .args(["recommend", "-o", "out", "--force"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "out: cannot write: it is a folder",
        ));
    no_temp_files(&sb.work());
}

#[test]
fn output_through_a_symlink_replaces_the_target_and_keeps_the_link() {
    let sb = Sandbox::new("w-link");
    let real_dir = sb.root.join("real");
    std::fs::create_dir(&real_dir).unwrap();
    let target = real_dir.join("summary.md");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = sb.work().join("summary.md");
    symlink(&target, &link).unwrap();
    // Without --force the target counts as existing.
    sb.cmd()
        .args(["recommend", "-f", "markdown", "-o", "summary.md"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "already exists\n\n  tip: pass --force",
        ));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    sb.cmd()
        .args(["recommend", "-f", "markdown", "-o", "summary.md", "--force"])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote summary.md"));
    assert!(
        std::fs::symlink_metadata(&link).unwrap().is_symlink(),
        "the link stays"
    );
    assert_eq!(std::fs::read_link(&link).unwrap(), target);
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(
        text.starts_with("# tradeoff"),
        "the target has the new text"
    );
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the target keeps its permission bits");
    no_temp_files(&sb.work());
    no_temp_files(&real_dir);
    // A relative link whose target does not exist yet: refused, nothing created through it.
    symlink("../real/new.md", sb.work().join("new.md")).unwrap();
    sb.cmd()
        .args(["recommend", "-o", "new.md", "--force"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "new.md: cannot write: it is a symbolic link to a file that does not exist",
        ));
    assert!(!real_dir.join("new.md").exists());
}

/// A write that fails after the temporary file exists: the file-size limit (with SIGXFSZ ignored,
/// so the write fails with EFBIG instead of killing the process).
#[test]
fn a_write_that_fails_half_way_leaves_nothing() {
    if !Path::new("/bin/sh").exists() {
        eprintln!("skipped: no /bin/sh");
        return;
    }
    let sb = Sandbox::new("w-fsize");
    let out = std::process::Command::new("/bin/sh")
        .args([
            "-c",
            "trap '' XFSZ; ulimit -f 1; exec \"$0\" recommend -f html -o summary.html",
            env!("CARGO_BIN_EXE_tradeoff"),
        ])
        .envs(sb.env())
        .current_dir(sb.work())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("summary.html: cannot write: File too large"),
        "{err}"
    );
    assert!(!sb.work().join("summary.html").exists());
    no_temp_files(&sb.work());
}

// ---------------------------------------------------------------- reading

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

#[test]
fn a_fifo_or_a_device_as_answers_is_an_error_not_a_hang() {
    let sb = Sandbox::new("r-fifo");
    let fifo = sb.work().join("answers.toml");
    mkfifo(&fifo);
    // Nobody writes to the FIFO: opening it for reading would wait forever (the timeout of
    // `Sandbox::cmd` would fail the test).
    sb.cmd()
        .args(["recommend", "--answers", "answers.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "answers.toml: cannot read: it is a FIFO (named pipe), not a regular file",
        ));
    let file = sb.work().join("ok.toml");
    std::fs::write(&file, "[answers]\nteam_size = \"solo\"\n").unwrap();
    sb.cmd()
        .args(["compare", "ok.toml", "answers.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("FIFO"));
    sb.cmd()
        .args(["recommend", "--answers", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/dev/zero: cannot read: it is a character device, not a regular file",
        ));
    sb.cmd()
        .args(["demo", "answers.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("FIFO"));
}

/// Theme files go through the same bounded reader: a FIFO is refused before it is opened (no
/// hang), `/dev/zero` is not read at all (it used to take 2 GB).
#[test]
fn a_fifo_or_a_device_as_a_theme_is_an_error_not_a_hang() {
    use tradeoff::tui::Theme;
    let sb = Sandbox::new("r-fifo-theme");
    let fifo = sb.work().join("theme.toml");
    mkfifo(&fifo);
    let e = Theme::resolve(Some(fifo.to_str().unwrap()), false, None).unwrap_err();
    assert!(
        e.to_string()
            .contains("cannot read the theme file: it is a FIFO"),
        "{e}"
    );
    let e = Theme::resolve(Some("/dev/zero"), false, None).unwrap_err();
    assert!(e.to_string().contains("it is a character device"), "{e}");
    let big = sb.work().join("big.toml");
    std::fs::write(
        &big,
        vec![b'#'; (tradeoff::tui::theme::MAX_FILE_BYTES + 1) as usize],
    )
    .unwrap();
    let e = Theme::resolve(Some(big.to_str().unwrap()), false, None).unwrap_err();
    assert!(e.to_string().contains("larger than 1 MiB"), "{e}");
}

#[test]
fn a_fifo_as_the_config_file_never_stops_recommend() {
    let sb = Sandbox::new("r-fifo-config");
    let fifo = sb.root.join("config.toml");
    mkfifo(&fifo);
    sb.cmd()
        .env("TRADEOFF_CONFIG", &fifo)
        .arg("recommend")
        .assert()
        .success()
        .stdout(predicate::str::contains("tradeoff recommendation"))
        .stderr(predicate::str::contains("it is a FIFO (named pipe)"))
        .stderr(predicate::str::contains("the defaults apply"));
}

#[test]
fn an_answers_file_beyond_the_limit_is_refused_by_name() {
    let sb = Sandbox::new("r-big");
    let big = sb.work().join("big.toml");
    let mut text = String::from("[answers]\nteam_size = \"solo\"\n");
    while text.len() <= 1 << 20 {
        text.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    std::fs::write(&big, text).unwrap();
    sb.cmd()
        .args(["recommend", "--answers", "big.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "big.toml: cannot read: larger than 1 MiB",
        ));
    std::fs::write(&big, b"[answers]\nteam_size = \"caf\xe9\"\n").unwrap();
    sb.cmd()
        .args(["recommend", "--answers", "big.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "big.toml:2:17: the file is not UTF-8 text",
        ));
}
