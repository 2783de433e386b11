//! Writing rows as aligned columns, CSV or JSON.

use std::io::{self, Write};

use serde::Serialize;

use crate::portfolio::Format;

/// Writes `rows` (each as many cells as `header`) in `format`; JSON writes
/// `json` instead, which carries typed values.
pub fn write<T: Serialize>(
    format: Format,
    header: &[&str],
    rows: &[Vec<String>],
    json: &T,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => {
            let mut tw = tabwriter::TabWriter::new(out).padding(2);
            writeln!(tw, "{}", header.join("\t"))?;
            for row in rows {
                let cells: Vec<String> = row.iter().map(|c| c.replace(['\t', '\n'], " ")).collect();
                writeln!(tw, "{}", cells.join("\t"))?;
            }
            tw.flush()
        }
        Format::Csv => {
            let mut csv = csv::Writer::from_writer(out);
            csv.write_record(header)?;
            for row in rows {
                csv.write_record(row)?;
            }
            csv.flush()
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, json)?;
            writeln!(out)
        }
    }
}
