//! Unified diffs of a file's text before and after a change, as `git diff`
//! prints them (`pm adopt --dry-run`, `pm lint --diff`).

use std::path::Path;

/// A unified diff of `path` from `before` to `after`, with three lines of
/// context and `a/`, `b/` headers.
pub fn unified(path: &Path, before: &str, after: &str) -> String {
    let name = path.display().to_string();
    let name = name.strip_prefix("./").unwrap_or(&name);
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}
