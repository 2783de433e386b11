//! The exit code contract, command by command: 0 done, 1 done and what was
//! checked fails, 2 pm could not do what was asked (a usage error, a path
//! that is not there, a bad input or configuration), 70 an internal error.
//! Each row runs the real binary in a fresh repository holding one clean
//! postmortem.

mod common;

use std::path::Path;

use common::{TODAY, git_in, pm, tmp};
use tempfile::TempDir;

const DOC: &str = "docs/postmortems/2026-02-09-db-pool.md";

/// What a row sets up besides the repository and its postmortem.
#[derive(Clone, Copy)]
enum Setup {
    Plain,
    /// Not a Git repository.
    NoGit,
    /// A postmortem with an unfilled placeholder.
    Placeholder,
    /// `.pm.yaml` with an unknown key.
    BadConfig,
    /// `.pm.yaml` present.
    Config,
    /// `README.md` with index markers and a stale table.
    StaleIndex,
    /// `notes.md` with an index start marker and no end marker.
    NoEndMarker,
    /// pm's hook installed.
    Hook,
}

fn repository(setup: Setup) -> TempDir {
    let dir = tmp();
    let root = dir.path();
    if !matches!(setup, Setup::NoGit) {
        git_in(root, &["init", "-q", "-b", "main"]);
    }
    let example = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "examples/postmortems/2026-02-09-checkout-api-503s-from-orders-db-connection-pool-exhaustion.md",
    ))
    .unwrap();
    std::fs::create_dir_all(root.join("docs/postmortems")).unwrap();
    std::fs::write(root.join(DOC), &example).unwrap();
    let write = |path: &str, text: &str| std::fs::write(root.join(path), text).unwrap();
    match setup {
        Setup::Plain | Setup::NoGit => {}
        Setup::Placeholder => write(
            DOC,
            &example.replacen(
                "## 1. Incident Summary\n",
                "## 1. Incident Summary\n- **Owner:** [Your Name]\n",
                1,
            ),
        ),
        Setup::BadConfig => write(".pm.yaml", "postmortem: docs\n"),
        Setup::Config => write(".pm.yaml", "postmortems: docs/postmortems\n"),
        Setup::StaleIndex => write(
            "README.md",
            "# Postmortems\n\n<!-- pm-index:start -->\nold\n<!-- pm-index:end -->\n",
        ),
        Setup::NoEndMarker => write("notes.md", "# Notes\n\n<!-- pm-index:start -->\n"),
        Setup::Hook => {
            pm(&dir).args(["hook", "install"]).assert().success();
        }
    }
    dir
}

/// (setup, arguments, environment, expected exit code).
type Row = (
    Setup,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
    i32,
);

const ROWS: &[Row] = &[
    // pm init
    (Setup::Plain, &["init"], &[], 0),
    (Setup::Config, &["init"], &[], 2),
    // pm config
    (Setup::Plain, &["config"], &[], 0),
    (Setup::BadConfig, &["config"], &[], 2),
    // pm new
    (
        Setup::Plain,
        &["new", "--no-input", "--title", "Disk full"],
        &[],
        0,
    ),
    (
        Setup::Plain,
        &["new", "--no-input", "--template", "nope"],
        &[],
        2,
    ),
    (
        Setup::Plain,
        &["new", "--no-input", "--date", "tomorrow"],
        &[],
        2,
    ),
    // pm adopt
    (Setup::Plain, &["adopt"], &[], 0),
    (Setup::Plain, &["adopt", "--dry-run", "--report"], &[], 0),
    (Setup::Plain, &["adopt", "missing.md"], &[], 2),
    (Setup::Plain, &["adopt", "--format", "csv-ish"], &[], 2),
    // pm templates
    (Setup::Plain, &["templates", "list"], &[], 0),
    (Setup::Plain, &["templates", "show", "standard"], &[], 0),
    (Setup::Plain, &["templates", "show", "nope"], &[], 2),
    (Setup::Plain, &["templates", "eject", "standard"], &[], 0),
    (Setup::Plain, &["templates", "eject", "nope"], &[], 2),
    // pm lint
    (Setup::Plain, &["lint", "--today", TODAY], &[], 0),
    (Setup::Placeholder, &["lint", "--today", TODAY], &[], 1),
    (
        Setup::Placeholder,
        &["lint", "--exit-zero", "--today", TODAY],
        &[],
        0,
    ),
    (
        Setup::Plain,
        &["lint", "--today", TODAY, DOC, "missing.md"],
        &[],
        2,
    ),
    (Setup::Plain, &["lint", "--diff", "--today", TODAY], &[], 0),
    (Setup::Plain, &["lint", "--fix", "--today", TODAY], &[], 0),
    (
        Setup::Placeholder,
        &["lint", "--fix", "--today", TODAY],
        &[],
        1,
    ),
    (Setup::Plain, &["lint", "--unsafe-fixes"], &[], 2),
    (Setup::Plain, &["lint", "--today", "someday"], &[], 2),
    (Setup::Plain, &["lint", "--format", "nope"], &[], 2),
    (Setup::BadConfig, &["lint"], &[], 2),
    (Setup::NoGit, &["lint", "--staged"], &[], 2),
    (
        Setup::Plain,
        &["lint"],
        &[("PM_DEBUG_PANIC_ON", "2026-02-09-db-pool.md")],
        70,
    ),
    // pm rules
    (Setup::Plain, &["rules"], &[], 0),
    (Setup::Plain, &["rules", "PM201"], &[], 0),
    (Setup::Plain, &["rules", "PM999"], &[], 2),
    // pm list, index, actions, stats
    (Setup::Plain, &["list"], &[], 0),
    (Setup::Plain, &["list", "missing/"], &[], 2),
    (Setup::Plain, &["list", "--format", "nope"], &[], 2),
    (
        Setup::StaleIndex,
        &["index", "--write", "README.md"],
        &[],
        0,
    ),
    (
        Setup::StaleIndex,
        &["index", "--write", "README.md", "--check"],
        &[],
        1,
    ),
    (
        Setup::NoEndMarker,
        &["index", "--write", "notes.md"],
        &[],
        2,
    ),
    (Setup::Plain, &["actions", "--today", TODAY], &[], 0),
    (
        Setup::Plain,
        &["actions", "--format", "markdown", "--today", TODAY],
        &[],
        0,
    ),
    (Setup::Plain, &["actions", "--within", "soon"], &[], 2),
    (Setup::Plain, &["actions", "--today", "someday"], &[], 2),
    (Setup::Plain, &["stats", "--today", TODAY], &[], 0),
    (Setup::Plain, &["stats", "--today", "someday"], &[], 2),
    (
        Setup::Plain,
        &["report", "--today", TODAY, "-o", "report.html"],
        &[],
        0,
    ),
    // an existing file pm did not write is not replaced
    (
        Setup::StaleIndex,
        &["report", "--today", TODAY, "-o", "README.md"],
        &[],
        2,
    ),
    (Setup::Plain, &["report", "--since", "2026-13-01"], &[], 2),
    // pm timeline import: the file is missing; no file at all
    (Setup::Plain, &["timeline", "import", "chat.log"], &[], 2),
    (Setup::Plain, &["timeline", "import"], &[], 2),
    // --into: a log that is not there, a postmortem that is not there,
    // --stdout or --section without --into
    (
        Setup::Plain,
        &["timeline", "import", "--into", DOC, "chat.log"],
        &[],
        2,
    ),
    (
        Setup::Plain,
        &["timeline", "import", "--into", "gone.md", DOC],
        &[],
        2,
    ),
    (
        Setup::Plain,
        &["timeline", "import", "--stdout", DOC],
        &[],
        2,
    ),
    (
        Setup::Plain,
        &["timeline", "import", "--section", "Timeline", DOC],
        &[],
        2,
    ),
    // pm new --timeline with a log that is not there
    (
        Setup::Plain,
        &["new", "--no-input", "--timeline", "chat.log"],
        &[],
        2,
    ),
    // pm hook
    (Setup::Plain, &["hook", "install"], &[], 0),
    (Setup::NoGit, &["hook", "install"], &[], 2),
    (Setup::Hook, &["hook", "uninstall"], &[], 0),
    (Setup::NoGit, &["hook", "uninstall"], &[], 2),
    // pm lsp: no client on stdin
    (Setup::Plain, &["lsp"], &[], 2),
    (Setup::Plain, &["lsp", "extra"], &[], 2),
    // pm completions, man, and no command
    (Setup::Plain, &["completions", "bash"], &[], 0),
    (Setup::Plain, &["completions", "nope"], &[], 2),
    (Setup::Plain, &["man"], &[], 0),
    (Setup::Plain, &["man", "extra"], &[], 2),
    (Setup::Plain, &[], &[], 2),
    (Setup::Plain, &["nope"], &[], 2),
    (Setup::Plain, &["--version"], &[], 0),
];

#[test]
fn every_command_exits_with_the_code_the_contract_gives() {
    let mut wrong = Vec::new();
    for &(setup, args, env, expected) in ROWS {
        let dir = repository(setup);
        let mut cmd = pm(&dir);
        cmd.args(args).env("NO_COLOR", "1");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let out = cmd.output().unwrap();
        let code = out.status.code().unwrap_or(-1);
        if code != expected {
            wrong.push(format!(
                "pm {} exited {code}, not {expected}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .next()
                    .unwrap_or("")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_command_has_a_row() {
    let dir = tmp();
    let out = pm(&dir).arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    // One line per command; a wrapped description continues further in.
    let lines: Vec<&str> = help
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter(|l| !l.starts_with("   "))
        .collect();
    let commands: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 12, "{commands:?}");
    // Each command says what it does, on its own line of `--help`.
    for line in &lines {
        assert!(
            line.split_whitespace().count() > 1,
            "no description: {line:?}"
        );
    }
    for command in commands {
        assert!(
            ROWS.iter()
                .any(|(_, args, _, _)| args.first() == Some(&command)),
            "no row for pm {command}"
        );
    }
}
