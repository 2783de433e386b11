//! Command-line definitions (clap derive). No logic lives here: each
//! subcommand's arguments are handed to its module under `commands/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Postmortems as Markdown in Git: start one from a good template, lint them
/// in pre-commit hooks and CI.
#[derive(Debug, Parser)]
#[command(name = "pm", version, about, propagate_version = true)]
#[command(
    after_help = "Exit codes: 0 success, 1 lint errors found, 2 pm could not do its job, 70 internal error (a bug in pm)."
)]
pub struct Cli {
    /// Read this configuration file instead of looking for .pm.yaml.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore any .pm.yaml and use the built-in defaults.
    #[arg(long, global = true)]
    pub no_config: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a new postmortem from a template and print its path.
    #[command(after_help = "Examples:\n  \
        pm new --severity SEV-2 --title \"Checkout API returned 500s\"\n  \
        pm new --template sre --severity sev1 --lead \"Dana Kim\" --service checkout --service payments\n  \
        pm new --title \"Disk full on db-3\" --stdout")]
    New(NewArgs),
    /// Check postmortems: front matter, sections, placeholders.
    #[command(after_help = "Examples:\n  \
        pm lint                          # lints docs/postmortems\n  \
        pm lint docs/postmortems/2026-11-22-db-outage.md --strict\n  \
        pm lint --format concise examples/postmortems\n  \
        pm lint --format sarif -o pm.sarif docs/postmortems\n  \
        pm lint --format github $(git diff --name-only origin/main -- docs/postmortems)\n\n\
        Exit codes: 0 no errors, 1 errors found, 2 pm could not run (bad arguments, missing path).")]
    Lint(LintArgs),
    /// Run a language server on stdin and stdout: findings as you type, fixes as code actions.
    #[command(
        after_help = "Examples:\n  pm lsp                 # started by the editor (see the README for each editor)\n  pm --config .pm.yaml lsp"
    )]
    Lsp,
    /// List the lint rules, or explain one.
    #[command(
        after_help = "Examples:\n  pm rules\n  pm rules PM201\n  pm rules bracket-placeholder"
    )]
    Rules {
        /// A rule id (PM201) or name (bracket-placeholder) to explain.
        rule: Option<String>,
    },
    /// Write a commented .pm.yaml with the defaults and create the postmortems folder.
    #[command(after_help = "Examples:\n  pm init\n  pm init --postmortems docs/incidents")]
    Init {
        /// Folder for postmortems, written into the config [default: docs/postmortems].
        #[arg(long, value_name = "DIR")]
        postmortems: Option<PathBuf>,
    },
    /// Print the effective configuration and the file it came from.
    Config,
    /// List the postmortems: date, id, severity, status, title, duration, open actions.
    #[command(
        after_help = "Examples:\n  pm list\n  pm list --severity SEV-1 --severity SEV-2 --since 2026-01-01\n  pm list --status draft --format csv > drafts.csv"
    )]
    List(ListArgs),
    /// Write the list of postmortems as a Markdown table into a file, between marker comments.
    #[command(
        after_help = "Examples:\n  pm index --write docs/postmortems/README.md\n  pm index --write README.md --check     # in CI: exit 1 when out of date"
    )]
    Index(IndexArgs),
    /// List the action items of every postmortem.
    #[command(
        after_help = "Examples:\n  pm actions --open\n  pm actions --overdue\n  pm actions --owner \"Dana Kim\" --format json"
    )]
    Actions(ActionsArgs),
    /// Incident metrics: counts, time to detect, resolve and postmortem, follow-through, open actions by owner.
    #[command(
        after_help = "Examples:\n  pm stats\n  pm stats --by month\n  pm stats --format json docs/postmortems"
    )]
    Stats(StatsArgs),
    /// Write an HTML report: charts of incidents, times, follow-through and open actions, and the list.
    #[command(
        after_help = "Examples:\n  pm report -o report.html\n  pm report -o report.html --since 2026-01-01 --severity SEV-1 --severity SEV-2\n  pm report -o site/incidents.html --link-base https://github.com/acme/app/blob/main/"
    )]
    Report(ReportArgs),
    /// Add pm front matter to postmortems pm did not write, from what their text says.
    #[command(
        after_help = "Examples:\n  pm adopt --dry-run              # the diff, nothing written\n  pm adopt docs/postmortems\n  pm adopt --report --format json # what was found, and what was not"
    )]
    Adopt(AdoptArgs),
    /// Install (or uninstall) a Git pre-commit hook that lints the staged postmortems.
    #[command(subcommand)]
    Hook(HookCommand),
    /// Build a timeline from what the incident left behind (Slack, PagerDuty, CSV, chat logs).
    #[command(subcommand)]
    Timeline(TimelineCommand),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  pm completions bash > ~/.local/share/bash-completion/completions/pm\n  pm completions zsh > \"${fpath[1]}/_pm\"\n  pm completions fish > ~/.config/fish/completions/pm.fish"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `pm man > pm.1`.
    Man,
    /// List, show and eject the postmortem templates.
    #[command(subcommand)]
    Templates(TemplatesCommand),
}

/// Arguments of `pm new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Template to start from (see `pm templates list`).
    #[arg(short, long, value_name = "NAME")]
    pub template: Option<String>,

    /// Severity, normalized to the scale: sev2, SEV2 and sev-2 all mean SEV-2.
    #[arg(short, long, value_name = "LEVEL")]
    pub severity: Option<String>,

    /// Title of the incident; also names the file.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Day the incident started, as YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// Incident id [default: the next free INC-YYYY-NNNN in the target folder].
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,

    /// Status of the document: draft, in-review or final [default: draft].
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,

    /// Incident lead (incident commander).
    #[arg(long, value_name = "NAME")]
    pub lead: Option<String>,

    /// An affected service; repeat for several.
    #[arg(long = "service", value_name = "NAME")]
    pub services: Vec<String>,

    /// An extra template variable, as key=value; repeat for several.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub vars: Vec<String>,

    /// Folder to write into [default: docs/postmortems].
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Write to this file instead of DIR/YYYY-MM-DD-<slug>.md.
    #[arg(short, long, value_name = "FILE", conflicts_with = "stdout")]
    pub output: Option<PathBuf>,

    /// Print the postmortem to stdout and write nothing.
    #[arg(long, conflicts_with = "edit")]
    pub stdout: bool,

    /// Replace the file if it already exists.
    #[arg(short, long)]
    pub force: bool,

    /// Never prompt; use defaults and placeholders for what is missing.
    #[arg(long)]
    pub no_input: bool,

    /// Open the new file in $VISUAL or $EDITOR once written.
    #[arg(short, long)]
    pub edit: bool,

    /// Fill the timeline from this export or log (as `pm timeline import` reads them); repeat
    /// for several. Without --date, the incident's day is the first event's.
    #[arg(long = "timeline", value_name = "FILE")]
    pub timeline: Vec<PathBuf>,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// How `pm timeline import` and `pm new --timeline` read their files.
#[derive(Debug, Args)]
pub struct ReadingArgs {
    /// The zone of times written without one: an IANA name (Europe/Berlin) or an offset (+02:00)
    /// [default: the zone the postmortem states for its timeline].
    #[arg(long, value_name = "ZONE", allow_hyphen_values = true)]
    pub tz: Option<String>,
    /// The time column of a CSV file [default: the first headed time, timestamp, created at …].
    #[arg(long, value_name = "NAME")]
    pub time_column: Option<String>,
    /// The event column of a CSV file [default: the first headed event, summary, description …].
    #[arg(long, value_name = "NAME")]
    pub event_column: Option<String>,
    /// The owner column of a CSV file [default: the first headed owner, agent, user …].
    #[arg(long, value_name = "NAME")]
    pub owner_column: Option<String>,
}

/// `--color`: when output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set to something.
    Auto,
    /// Always, even into a file or a pipe.
    Always,
    /// Never.
    Never,
}

/// Arguments of `pm lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Files or folders to lint; folders are searched for *.md files [default: docs/postmortems].
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Treat every document as final: placeholders are errors even in drafts.
    #[arg(long)]
    pub strict: bool,

    /// How to print findings.
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "human")]
    pub format: crate::output::Format,

    /// Write the findings to this file instead of stdout (written atomically once the run is
    /// done; a Markdown file or a file being linted is replaced only with --force).
    #[arg(short, long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,

    /// With --output-file: replace the file even when it is a Markdown file or one of the files
    /// linted.
    #[arg(long, requires = "output_file")]
    pub force: bool,

    /// Print how many findings each rule made instead of the findings.
    #[arg(long)]
    pub statistics: bool,

    /// When the human format is coloured: auto (on a terminal, unless NO_COLOR is set), always,
    /// never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Exit 0 even when errors are found (pm still exits 2 when it cannot run).
    #[arg(long)]
    pub exit_zero: bool,

    /// Apply the safe fixes and write each fixed file atomically, then report what is left.
    #[arg(long, conflicts_with = "staged")]
    pub fix: bool,

    /// With --fix or --diff: apply the unsafe fixes too (they add or remove text a person
    /// should read).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print a unified diff of what --fix would change and write nothing; exit 1 when there is
    /// something to fix.
    #[arg(long, conflicts_with_all = ["staged", "statistics", "output_file"])]
    pub diff: bool,

    /// The day overdue action items are measured against, as YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,

    /// Lint the staged content (Git's index) of the Markdown files staged under the
    /// postmortems folder, README and index excepted (what the hook runs); with paths,
    /// the staged content of those files (what the pre-commit hook runs).
    #[arg(long)]
    pub staged: bool,

    /// Lint the postmortems changed since the Git commit REV, as the working tree has them (what a
    /// pull request changes: REV is where it starts, e.g. `HEAD^1` of GitHub's merge commit or
    /// `$CI_MERGE_REQUEST_DIFF_BASE_SHA`); links the change breaks are looked for in the others.
    #[arg(long, value_name = "REV", conflicts_with_all = ["paths", "staged"])]
    pub changed_since: Option<String>,
}

/// Arguments of `pm list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Files or folders [default: the postmortems folder].
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Which postmortems.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// How to print.
    #[arg(long, value_enum, default_value = "table")]
    pub format: crate::portfolio::Format,
}

/// The filters of `pm list` and `pm report`.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only this severity (normalized like `pm new`); repeat for several.
    #[arg(long = "severity", value_name = "LEVEL")]
    pub severities: Vec<String>,
    /// Only this status; repeat for several.
    #[arg(long = "status", value_name = "STATUS")]
    pub statuses: Vec<String>,
    /// Only incidents on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only incidents on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

/// Arguments of `pm index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders [default: the postmortems folder].
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The file to write the table into (created if missing).
    #[arg(long, value_name = "FILE")]
    pub write: PathBuf,
    /// Write nothing; exit 1 if FILE is out of date.
    #[arg(long)]
    pub check: bool,
}

/// Arguments of `pm actions`.
#[derive(Debug, Args)]
pub struct ActionsArgs {
    /// Files or folders [default: the postmortems folder].
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only items not done.
    #[arg(long)]
    pub open: bool,
    /// Only items past their due date and not done.
    #[arg(long)]
    pub overdue: bool,
    /// Only this owner's items (case and a leading @ ignored).
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// The day "overdue" is measured against, as YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// How to print: markdown is a digest to post (overdue items, then those due soon, by owner).
    #[arg(long, value_enum, default_value = "table")]
    pub format: ActionsFormat,
    /// With --format markdown: list the items due within this many days after the overdue ones.
    #[arg(long, value_name = "DAYS", default_value_t = 14)]
    pub within: u32,
    /// With --format markdown: prefix of the links to postmortems, e.g.
    /// https://github.com/org/repo/blob/main/ [default: the paths as shown].
    #[arg(long, value_name = "URL")]
    pub link_base: Option<String>,
}

/// How `pm actions` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ActionsFormat {
    /// Aligned columns for people.
    Table,
    /// JSON for scripts.
    Json,
    /// CSV for spreadsheets.
    Csv,
    /// A Markdown digest to post as an issue comment or a chat message.
    Markdown,
}

/// Arguments of `pm stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Files or folders [default: the postmortems folder].
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The day "overdue" is measured against, as YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// How to print (table or json).
    #[arg(long, value_enum, default_value = "table")]
    pub format: crate::portfolio::Format,
    /// Group time to detect and time to resolve by severity, service or month.
    #[arg(long, value_enum, default_value = "severity")]
    pub by: crate::portfolio::stats::By,
}

/// Arguments of `pm report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Files or folders [default: the postmortems folder].
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The HTML file to write (`-` for standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE even when it is not a report pm wrote.
    #[arg(long)]
    pub force: bool,
    /// The page's heading.
    #[arg(long, value_name = "TEXT", default_value = "Postmortem report")]
    pub title: String,
    /// Which postmortems.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Link each postmortem under this URL (e.g. a repository's blob URL)
    /// instead of relative to FILE.
    #[arg(long, value_name = "URL")]
    pub link_base: Option<String>,
    /// The day "overdue" is measured against, as YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

/// `pm adopt`
#[derive(Debug, Args)]
pub struct AdoptArgs {
    /// Files or folders [default: the postmortems folder].
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print a unified diff of what would change, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print, per file, the keys filled in (with where each was found) and
    /// those left empty, instead of the files changed; files are written
    /// unless --dry-run is given too.
    #[arg(long)]
    pub report: bool,
    /// How to print the report (table, json or csv).
    #[arg(long, value_enum, default_value = "table")]
    pub format: crate::portfolio::Format,
}

/// `pm hook …`
#[derive(Debug, Subcommand)]
pub enum HookCommand {
    /// Write .git/hooks/pre-commit to run `pm lint --staged` before every commit.
    Install {
        /// Replace a pre-commit hook pm did not write (it is kept as pre-commit.bak).
        #[arg(short, long)]
        force: bool,
    },
    /// Remove the pre-commit hook pm wrote, and put back the hook it replaced, if any.
    Uninstall,
}

/// `pm timeline …`
#[derive(Debug, Subcommand)]
pub enum TimelineCommand {
    /// Read the events of chat exports and logs into a postmortem's timeline, or print them as a
    /// Markdown table.
    #[command(
        after_help = "Examples:\n  pm timeline import export/incident-4521/2026-11-20.json\n  pm timeline import --into docs/postmortems/checkout.md pagerduty.json export/inc-4521\n  pm timeline import --tz Europe/Berlin --date 2026-11-20 bridge.log\n  pm timeline import --tz America/Los_Angeles --grep deploy --from dana chat.txt"
    )]
    Import(TimelineImportArgs),
}

/// Arguments of `pm timeline import`.
#[derive(Debug, Args)]
pub struct TimelineImportArgs {
    /// Slack export day files (or a channel's folder of them), PagerDuty log entries (JSON),
    /// CSV files of events and chat logs.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Merge the events into this postmortem's timeline table, and fill its empty detected_at
    /// and resolved_at from a pager's events.
    #[arg(long, value_name = "POSTMORTEM")]
    pub into: Option<PathBuf>,
    /// The heading of the timeline to merge into [default: the first timeline table in a
    /// Timeline section].
    #[arg(long, value_name = "HEADING", requires = "into")]
    pub section: Option<String>,
    /// With --into, print the rows as a table in the postmortem's columns and write nothing.
    #[arg(long, requires = "into")]
    pub stdout: bool,
    /// The day a log of times of day (`[14:02] …`) starts on, as YYYY-MM-DD [default: the
    /// postmortem's date].
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Only events at or after this time (ISO 8601; without a zone, in --tz) [default: an hour
    /// before the postmortem's started_at].
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Only events at or before this time (ISO 8601; without a zone, in --tz) [default: an hour
    /// after the postmortem's resolved_at].
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// Only events whose text contains TEXT (any case); repeat for several.
    #[arg(long, value_name = "TEXT")]
    pub grep: Vec<String>,
    /// Only events by this person (any case); repeat for several.
    #[arg(long = "from", value_name = "USER")]
    pub from: Vec<String>,
    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// `pm templates …`
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// List the templates with their origin and a one-line description.
    List,
    /// Print a template's source.
    Show {
        /// Template name.
        name: String,
    },
    /// Copy a built-in template into a folder, as a starting point for a team template.
    Eject {
        /// Template name.
        name: String,
        /// Folder to write NAME.md.tera into [default: the configured team folder, .pm/templates].
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
        /// Replace the file if it already exists.
        #[arg(short, long)]
        force: bool,
    },
}
