//! The user's own packs, loaded beside the built-in ones from `$XDG_DATA_HOME/tradeoff/packs/` and
//! the config's `data_dirs`: written by `tradeoff pack new`, validated with the built-in data,
//! marked as the user's wherever they show; `--data DIR` still replaces everything.

mod sandbox;

use sandbox::{Sandbox, stdout_of as stdout};

#[test]
fn pack_new_writes_a_pack_that_validates_and_shows_as_yours() {
    let sb = Sandbox::new("userpack");
    let out = stdout(sb.cmd().args(["pack", "new", "deployment"]));
    let file = sb.user_data().join("packs/deployment.toml");
    assert!(out.contains(&file.display().to_string()), "{out}");
    assert!(file.exists() && sb.user_data().join("sources.toml").exists());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("# Your own decision pack"), "documented");

    let validated = stdout(sb.cmd().arg("validate"));
    assert!(validated.starts_with("ok: 5 pack(s)"), "{validated}");

    let packs = stdout(sb.cmd().arg("packs"));
    assert!(packs.contains("deployment  [your pack: "), "{packs}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(sb.cmd().args(["packs", "-f", "json"]))).unwrap();
    let mine = json["packs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "deployment")
        .unwrap();
    assert_eq!(mine["origin"], sb.user_data().display().to_string());
    assert!(
        json["packs"][0]["origin"].is_null(),
        "built-in packs have no origin"
    );

    let text = stdout(sb.cmd().args([
        "recommend",
        "-a",
        "deployment-risk=low",
        "--pack",
        "deployment",
    ]));
    assert!(text.contains("Deployment (your pack)"), "{text}");
    assert!(text.contains("Your own pack, from"), "{text}");
    let md = stdout(sb.cmd().args(["recommend", "-f", "markdown"]));
    assert!(md.contains("## Deployment (your pack)"), "{md}");

    // A second pack of the same name is refused unless --force.
    sb.cmd()
        .args(["pack", "new", "deployment"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("already exists"));
    sb.cmd()
        .args(["pack", "new", "deployment", "--force"])
        .assert()
        .success();
}

#[test]
fn data_replaces_everything_and_a_configured_folder_adds_to_the_built_in_data() {
    let sb = Sandbox::new("datadirs");
    let team = sb.root.join("team-packs");
    stdout(
        sb.cmd()
            .args(["pack", "new", "release", "--dir", team.to_str().unwrap()]),
    );
    // Not loaded until the config names it.
    assert!(!stdout(sb.cmd().arg("packs")).contains("release"));
    sb.write_config(&format!("data_dirs = [{:?}]\n", team.display().to_string()));
    assert!(stdout(sb.cmd().arg("packs")).contains("release  [your pack: "));
    // --data DIR keeps its meaning: that folder alone.
    let only = sandbox::mini_data(&sb.root, |p| p);
    let listed = stdout(sb.cmd().args(["packs", "--data", only.to_str().unwrap()]));
    assert!(
        !listed.contains("release") && !listed.contains("compute"),
        "{listed}"
    );
}

#[test]
fn a_problem_in_a_user_pack_is_reported_with_its_place_and_a_missing_folder_is_a_warning() {
    let sb = Sandbox::new("badpack");
    stdout(sb.cmd().args(["pack", "new", "deployment"]));
    let file = sb.user_data().join("packs/deployment.toml");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("weight = 2.0", "wieght = 2.0");
    std::fs::write(&file, text).unwrap();
    let out = sb.cmd().arg("validate").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.contains(&format!("{}:", file.display())),
        "{printed}"
    );
    assert!(printed.contains("wieght"), "{printed}");
    // Every other command reports it with the same place and goes on without that pack: the
    // built-in packs keep working.
    for args in [
        &["recommend"][..],
        &["packs"],
        &["questions"],
        &["recommend", "--pack", "compute"],
    ] {
        let out = sb.cmd().args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(
            err.contains(&format!("{}:", file.display())) && err.contains("wieght"),
            "{err}"
        );
        assert!(
            err.contains("1 of your pack files had problems (above) and was left out"),
            "{err}"
        );
        assert!(!String::from_utf8_lossy(&out.stdout).contains("Deployment (your pack)"));
    }

    let sb = Sandbox::new("missingdir");
    sb.write_config("data_dirs = [\"/no/such/folder\"]\n");
    let out = sb.cmd().arg("packs").output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("/no/such/folder (data_dirs) does not exist"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_bad_pack_id_is_refused() {
    let sb = Sandbox::new("badid");
    sb.cmd()
        .args(["pack", "new", "Bad Id"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is not a pack id"));
}

/// `pack new` checks the pack with the rest of the data before it writes: an id the built-in data
/// already has is refused and nothing is left behind (it used to leave a file that made every
/// later command exit 2).
#[test]
fn a_pack_that_would_not_validate_is_never_written() {
    let sb = Sandbox::new("packnew-clash");
    let out = sb.cmd().args(["pack", "new", "compute"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("would not validate") && err.contains("nothing was written"),
        "{err}"
    );
    assert!(!sb.user_data().join("packs/compute.toml").exists());
    assert!(!sb.user_data().join("sources.toml").exists());
    sb.cmd().arg("recommend").assert().success();
}
