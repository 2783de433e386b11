//! `--statistics`: how many findings each rule made, most first.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::lint::FileReport;

/// Writes `count  ID  name  level` lines, most frequent first.
pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let mut counts: BTreeMap<(&str, &str, String), usize> = BTreeMap::new();
    for f in reports.iter().flat_map(|r| &r.findings) {
        *counts
            .entry((f.rule.id, f.rule.name, f.level.to_string()))
            .or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let width = rows.first().map_or(1, |(_, n)| n.to_string().len());
    for ((id, name, level), count) in rows {
        writeln!(out, "{count:>width$}  {id}  {name} [{level}]")?;
    }
    Ok(())
}
