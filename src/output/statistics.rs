//! `--statistics`: how many findings each rule made, most first.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::lint::{FileReport, Level};

/// Findings counted by rule and level, as a run goes.
#[derive(Debug, Default)]
pub struct Counts(BTreeMap<(&'static str, &'static str, Level), usize>);

impl Counts {
    /// Counts the findings of `report`.
    pub fn add(&mut self, report: &FileReport) {
        for f in &report.findings {
            *self.0.entry((f.rule.id, f.rule.name, f.level)).or_default() += 1;
        }
    }

    /// Writes `count  ID  name [level]` lines, most frequent first.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut rows: Vec<_> = self.0.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        let width = rows.first().map_or(1, |(_, n)| n.to_string().len());
        for ((id, name, level), count) in rows {
            writeln!(out, "{count:>width$}  {id}  {name} [{level}]")?;
        }
        Ok(())
    }
}
