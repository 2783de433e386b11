//! Writing rows as aligned columns, CSV or JSON.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use crate::portfolio::Format;

/// Writes the rows `rows()` yields (each as many cells as `header`) in
/// `format`; JSON writes `json` instead, which carries typed values.
///
/// Rows are made as they are written, so a table of tens of thousands of
/// rows is never held as text. Aligned columns need every width first:
/// `rows` is called twice for them.
pub fn write<T, R, C>(
    format: Format,
    header: &[&str],
    rows: impl Fn() -> R,
    json: &T,
    out: &mut dyn Write,
) -> io::Result<()>
where
    T: Serialize + ?Sized,
    R: Iterator<Item = Vec<C>>,
    C: AsRef<str>,
{
    match format {
        Format::Table => {
            let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
            for row in rows() {
                for (w, cell) in widths.iter_mut().zip(&row) {
                    *w = (*w).max(width(&one_line(cell.as_ref())));
                }
            }
            write_aligned(header, &widths, out)?;
            for row in rows() {
                write_aligned(&row, &widths, out)?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut csv = csv::Writer::from_writer(out);
            csv.write_record(header)?;
            for row in rows() {
                let cells: Vec<Cow<'_, str>> =
                    row.iter().map(|cell| inert(cell.as_ref())).collect();
                csv.write_record(cells.iter().map(|cell| cell.as_bytes()))?;
            }
            csv.flush()
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, json)?;
            writeln!(out)
        }
    }
}

/// Writes `rows` as aligned columns with no header (lists such as
/// `pm rules`).
pub fn write_columns<C: AsRef<str>>(rows: &[Vec<C>], out: &mut dyn Write) -> io::Result<()> {
    let mut widths: Vec<usize> = Vec::new();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            let w = width(&one_line(cell.as_ref()));
            match widths.get_mut(i) {
                Some(column) => *column = (*column).max(w),
                None => widths.push(w),
            }
        }
    }
    rows.iter()
        .try_for_each(|row| write_aligned(row, &widths, out))
}

/// A CSV cell a spreadsheet will not run: text starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'`, as OWASP
/// advises against formula injection (a title `=HYPERLINK(…)` stays text).
fn inert(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Space between columns.
const PADDING: usize = 2;

/// One line of the table: every cell but the last padded to its column's
/// width, no trailing spaces.
fn write_aligned<C: AsRef<str>>(
    row: &[C],
    widths: &[usize],
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut line = String::new();
    let last = row.len().saturating_sub(1);
    for (i, cell) in row.iter().enumerate() {
        let cell = one_line(cell.as_ref());
        line.push_str(&cell);
        if i < last {
            let column = widths.get(i).copied().unwrap_or(0);
            let pad = column.saturating_sub(width(&cell)) + PADDING;
            line.extend(std::iter::repeat_n(' ', pad));
        }
    }
    writeln!(out, "{}", line.trim_end_matches(' '))
}

/// A cell on one line: tabs and line breaks become spaces.
fn one_line(cell: &str) -> Cow<'_, str> {
    if cell.contains(['\t', '\n']) {
        Cow::Owned(cell.replace(['\t', '\n'], " "))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Columns a terminal gives `text` (control characters take none).
fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}
