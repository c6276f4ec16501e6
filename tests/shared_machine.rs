//! A machine other people share: links that another user planted (in a sticky world-writable
//! folder, as `/tmp` is) are never written through — not by `--output`, not with `--force`, not by
//! the TUI's export, not by the session lock; data folders whose links loop are read once; and
//! `--output /dev/stdout` goes into a pipe.
//!
//! The cross-user cases need two users: they run as root, with `nobody` (uid 65534) as the
//! attacker who owns the links, and are skipped otherwise.

#![cfg(unix)]

mod sandbox;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use predicates::prelude::*;
use sandbox::Sandbox;

const ATTACKER: u32 = 65534;

fn is_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// A symbolic link at `link` to `target`, owned by the attacker.
fn planted(target: &Path, link: &Path) {
    symlink(target, link).unwrap();
    let c = std::ffi::CString::new(link.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string; lchown changes the link itself, not its target.
    assert_eq!(unsafe { libc::lchown(c.as_ptr(), ATTACKER, ATTACKER) }, 0);
}

/// A sticky, world-writable folder like `/tmp`, with the victim's private files beside it.
fn shared(sb: &Sandbox) -> (PathBuf, PathBuf) {
    let tmp = sb.root.join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let victim = sb.home().join(".ssh");
    std::fs::create_dir_all(&victim).unwrap();
    std::fs::write(sb.home().join(".bashrc"), "# mine\n").unwrap();
    (tmp, victim)
}

#[test]
fn output_never_goes_through_another_users_link() {
    if !is_root() {
        eprintln!("skipped: needs root to act as two users");
        return;
    }
    let sb = Sandbox::new("x-output");
    let (tmp, ssh) = shared(&sb);
    planted(&ssh.join("authorized_keys"), &tmp.join("summary.md"));
    planted(&sb.home().join(".bashrc"), &tmp.join("report.md"));
    // A dangling link: no file is created through it, --force or not.
    for force in [false, true] {
        let mut cmd = sb.cmd();
        cmd.args(["recommend", "-f", "markdown", "-o"])
            .arg(tmp.join("summary.md"));
        if force {
            cmd.arg("--force");
        }
        cmd.assert()
            .code(1)
            .stderr(predicate::str::contains("cannot write"));
        assert!(!ssh.join("authorized_keys").exists(), "force={force}");
    }
    // A link to an existing file: --force does not replace it.
    sb.cmd()
        .args(["recommend", "-f", "markdown", "--force", "-o"])
        .arg(tmp.join("report.md"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "belongs to another user (uid 65534)",
        ));
    assert_eq!(
        std::fs::read_to_string(sb.home().join(".bashrc")).unwrap(),
        "# mine\n"
    );
    assert!(
        std::fs::symlink_metadata(tmp.join("report.md"))
            .unwrap()
            .is_symlink()
    );
}

/// The TUI's export writes through `fsutil::write_file` (via `tui::effects`): the same rules,
/// and the "overwrite?" answer does not open a way through.
#[test]
fn the_tui_export_never_goes_through_another_users_link() {
    if !is_root() {
        eprintln!("skipped: needs root to act as two users");
        return;
    }
    use tradeoff::tui::msg::{Effect, Outcome};
    let sb = Sandbox::new("x-export");
    let (tmp, ssh) = shared(&sb);
    let name = tradeoff::tui::popup::export::default_path(
        "2026-12-07",
        tradeoff::report::Format::Markdown,
    );
    planted(&ssh.join("authorized_keys"), &tmp.join(&name));
    planted(
        &sb.home().join(".bashrc"),
        &tmp.join("tradeoff-decision-2026-12-07.md"),
    );
    for (file, overwrite) in [
        (name.as_str(), false),
        (name.as_str(), true),
        ("tradeoff-decision-2026-12-07.md", true),
    ] {
        let outcome = tradeoff::tui::effects::perform(
            Effect::Write {
                path: tmp.join(file),
                contents: "# pwned\n".into(),
                overwrite,
            },
            &mut Vec::new(),
            None,
        );
        assert!(
            matches!(outcome, Outcome::WriteFailed(_)),
            "{file} overwrite={overwrite}: {outcome:?}"
        );
    }
    assert!(!ssh.join("authorized_keys").exists());
    assert_eq!(
        std::fs::read_to_string(sb.home().join(".bashrc")).unwrap(),
        "# mine\n"
    );
}

/// A state folder others can write to, with the lock file planted as a link to the victim's
/// `.profile`: the lock is not taken through it and the file is not truncated.
#[test]
fn the_session_lock_never_goes_through_another_users_link() {
    if !is_root() {
        eprintln!("skipped: needs root to act as two users");
        return;
    }
    let sb = Sandbox::new("x-lock");
    let (tmp, _) = shared(&sb);
    let profile = sb.home().join(".profile");
    std::fs::write(&profile, "export PATH\n").unwrap();
    planted(&profile, &tmp.join("session.toml.lock"));
    planted(
        &profile,
        &tmp.join(format!("session.toml.guest-{}", std::process::id())),
    );
    let claim = tradeoff::autosave::Claim::new(&tmp.join("session.toml"));
    drop(claim);
    assert_eq!(std::fs::read_to_string(&profile).unwrap(), "export PATH\n");
}

/// Two `ln -s . x` links in a data folder: the walk reads each folder once and ends at once
/// (it used to run until memory ran out).
#[test]
fn data_folders_whose_links_loop_are_read_once() {
    let sb = Sandbox::new("x-loop");
    let data = sb.root.join("loop");
    std::fs::create_dir(&data).unwrap();
    let mut cmd = std::process::Command::new("cp");
    cmd.arg("-r")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/data/."))
        .arg(&data);
    assert!(cmd.status().unwrap().success());
    symlink(".", data.join("again")).unwrap();
    symlink(".", data.join("packs/and-again")).unwrap();
    symlink("..", data.join("packs/up")).unwrap();
    let start = Instant::now();
    sb.cmd()
        .arg("validate")
        .arg(&data)
        .timeout(Duration::from_secs(60))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: "));
    sb.cmd()
        .args(["recommend", "--data"])
        .arg(&data)
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    assert!(start.elapsed() < Duration::from_secs(60));
}

/// `/dev/stdout` is the process's standard output, whatever it is: here a pipe.
#[test]
fn output_to_dev_stdout_goes_into_a_pipe() {
    let sb = Sandbox::new("x-stdout");
    for path in ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"] {
        if path.starts_with("/proc") && !Path::new("/proc/self/fd").exists() {
            continue;
        }
        sb.cmd()
            .args(["recommend", "-f", "json", "-o", path])
            .assert()
            .success()
            .stdout(predicate::str::contains("\"schema_version\""));
    }
}
