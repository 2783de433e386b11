//! Project configuration: the folder postmortems live in, the default
//! template, the severity scale and the statuses.

use std::path::PathBuf;

use crate::severity::SeverityScale;

/// The effective configuration of one run.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where postmortems are written and looked for.
    pub postmortems_dir: PathBuf,
    /// Template used by `pm new` when `--template` is not given.
    pub default_template: String,
    /// The allowed severities, most severe first.
    pub severities: SeverityScale,
    /// The allowed document statuses, in workflow order.
    pub statuses: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            postmortems_dir: PathBuf::from("docs/postmortems"),
            default_template: "standard".to_owned(),
            severities: SeverityScale::new(["SEV-1", "SEV-2", "SEV-3", "SEV-4"]),
            statuses: ["draft", "in-review", "final"].map(str::to_owned).to_vec(),
        }
    }
}
