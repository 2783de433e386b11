//! `pm index`: the list of postmortems as a Markdown table inside another
//! file (a README), between marker comments; everything outside the markers
//! is kept byte for byte.

use std::path::{Component, Path, PathBuf};

use crate::portfolio::list::Row;

/// The comment that opens the generated part.
pub const START: &str = "<!-- pm-index:start -->";
/// The comment that closes it.
pub const END: &str = "<!-- pm-index:end -->";

/// The Markdown table of `rows`; titles link to their files, relative to
/// `index_dir` (the folder of the file the table goes into).
pub fn table(rows: &[Row], index_dir: &Path) -> String {
    let mut out = String::from(
        "| Date | ID | Severity | Status | Title | Duration | Open actions |\n|---|---|---|---|---|---|---|\n",
    );
    for row in rows {
        let text = |v: &Option<String>| escape(v.as_deref().unwrap_or(""));
        let title = escape(row.title.as_deref().unwrap_or(&row.path));
        let link = relative_link(Path::new(&row.path), index_dir);
        out.push_str(&format!(
            "| {} | {} | {} | {} | [{title}]({link}) | {} | {} |\n",
            text(&row.date),
            text(&row.incident_id),
            text(&row.severity),
            text(&row.status),
            text(&row.duration),
            row.open_actions,
        ));
    }
    out
}

/// Cell text: `|` escaped, line breaks folded, brackets escaped so a title
/// cannot break the link, and `<` escaped so it cannot open a comment (a
/// title holding a marker stays text).
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('<', "\\<")
        .replace('|', "\\|")
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace(['\r', '\n'], " ")
}

/// `path` (relative to the current folder) as a link from `from_dir`, with
/// forward slashes and spaces encoded.
pub(crate) fn relative_link(path: &Path, from_dir: &Path) -> String {
    let absolute = |p: &Path| -> PathBuf {
        let joined = std::env::current_dir().unwrap_or_default().join(p);
        let mut out = PathBuf::new();
        for c in joined.components() {
            match c {
                Component::ParentDir => {
                    out.pop();
                }
                Component::CurDir => {}
                other => out.push(other.as_os_str()),
            }
        }
        out
    };
    let (target, base) = (absolute(path), absolute(from_dir));
    let common = target
        .components()
        .zip(base.components())
        .take_while(|(a, b)| a == b)
        .count();
    let ups = base.components().count() - common;
    let mut parts: Vec<String> = std::iter::repeat_n("..".to_owned(), ups).collect();
    parts.extend(
        target
            .components()
            .skip(common)
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    let segments: Vec<String> = parts.iter().map(|part| encode_segment(part)).collect();
    segments.join("/")
}

/// What a path segment cannot hold in a link: controls, space, and the
/// characters that end or change a URL's path (`#`, `?`, `%`) or a
/// Markdown link (`(`, `)`, `[`, `]`, `<`, `>`, `|`, quotes).
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'\'')
    .add(b'(')
    .add(b')')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b']')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A path segment, percent-encoded for a link.
pub(crate) fn encode_segment(segment: &str) -> String {
    percent_encoding::utf8_percent_encode(segment, SEGMENT).to_string()
}

/// Why the markers of a file cannot be used; `line` is 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkerError {
    /// The line of the marker at fault.
    pub line: usize,
    /// What is wrong, and what to do.
    pub message: String,
}

/// `current` with the text between the markers replaced by `table`; markers
/// are appended (after a blank line) when absent. A marker counts only on a
/// line of its own, outside fenced code; one start and one end, in that
/// order, or none of either: anything else is an error, so a file is never
/// rewritten on a guess. The block takes the file's line endings.
pub fn splice(current: &str, table: &str) -> Result<String, MarkerError> {
    let markers = markers(current);
    // The line ending of the start marker's line, else of the first line.
    let line_end = markers.iter().find(|m| m.start).map_or(0, |m| m.span.start);
    let newline = match current[line_end..].find('\n') {
        Some(at) if current[..line_end + at].ends_with('\r') => "\r\n",
        _ => "\n",
    };
    let block = format!("{START}\n{table}{END}").replace('\n', newline);
    let starts: Vec<_> = markers.iter().filter(|m| m.start).collect();
    let ends: Vec<_> = markers.iter().filter(|m| !m.start).collect();
    let error = |line: usize, message: String| Err(MarkerError { line, message });
    match (starts.as_slice(), ends.as_slice()) {
        ([], []) => {}
        ([start], [end]) if start.span.start < end.span.start => {
            return Ok(format!(
                "{}{block}{}",
                &current[..start.span.start],
                &current[end.span.end..]
            ));
        }
        ([start], [end]) => {
            return error(
                end.line,
                format!(
                    "`{END}` comes before `{START}` (line {}); put the start marker first",
                    start.line
                ),
            );
        }
        ([_, second, ..], _) => {
            return error(
                second.line,
                format!("a second `{START}`; keep one pair of markers"),
            );
        }
        (_, [_, second, ..]) => {
            return error(
                second.line,
                format!("a second `{END}`; keep one pair of markers"),
            );
        }
        ([start], []) => {
            return error(
                start.line,
                format!(
                    "`{START}` has no `{END}` after it; add the end marker on a line of its \
                     own where the table should stop"
                ),
            );
        }
        ([], [end]) => {
            return error(
                end.line,
                format!(
                    "`{END}` has no `{START}` before it; add the start marker on a line of its \
                     own where the table should begin"
                ),
            );
        }
    }
    let separator = match current {
        "" => "",
        c if c.ends_with("\n\n") || c.ends_with("\r\n\r\n") => "",
        c if c.ends_with('\n') => newline,
        _ if newline == "\r\n" => "\r\n\r\n",
        _ => "\n\n",
    };
    Ok(format!("{current}{separator}{block}{newline}"))
}

/// A marker line: which marker, where its text is, and its line.
struct Marker {
    start: bool,
    span: std::ops::Range<usize>,
    line: usize,
}

/// The marker lines of `text` outside fenced code blocks (``` or ~~~, closed
/// by a fence of the same character at least as long).
fn markers(text: &str) -> Vec<Marker> {
    let mut found = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let at = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start_matches(' ').len();
        let stripped = content.trim_start_matches(' ');
        let run = |c: u8| stripped.bytes().take_while(|&b| b == c).count();
        if indent < 4 {
            let opened = [b'`', b'~']
                .into_iter()
                .map(|c| (c, run(c)))
                .find(|&(_, n)| n >= 3);
            match (fence, opened) {
                (None, Some(open)) => {
                    fence = Some(open);
                    continue;
                }
                (Some((c, n)), Some((d, m)))
                    if c == d && m >= n && stripped[m..].trim().is_empty() =>
                {
                    fence = None;
                    continue;
                }
                _ => {}
            }
        }
        if fence.is_some() || indent >= 4 {
            continue;
        }
        let marker = stripped.trim_end();
        let start = marker == START;
        if start || marker == END {
            let begin = at + indent;
            found.push(Marker {
                start,
                span: begin..begin + marker.len(),
                line: index + 1,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_replaces_only_between_the_markers() {
        let readme = format!("# Team\n\nintro\n\n{START}\nold\n{END}\n\nafter\n");
        let out = splice(&readme, "| t |\n").unwrap();
        assert_eq!(
            out,
            format!("# Team\n\nintro\n\n{START}\n| t |\n{END}\n\nafter\n")
        );
        assert_eq!(splice(&out, "| t |\n").unwrap(), out);
    }

    #[test]
    fn splice_appends_markers_when_absent() {
        assert_eq!(
            splice("# Team\n", "| t |\n").unwrap(),
            format!("# Team\n\n{START}\n| t |\n{END}\n")
        );
        assert_eq!(
            splice("", "| t |\n").unwrap(),
            format!("{START}\n| t |\n{END}\n")
        );
    }

    #[test]
    fn links_are_relative_to_the_index() {
        assert_eq!(
            relative_link(Path::new("docs/postmortems/a b.md"), Path::new("")),
            "docs/postmortems/a%20b.md"
        );
        assert_eq!(
            relative_link(
                Path::new("docs/postmortems/a.md"),
                Path::new("docs/postmortems")
            ),
            "a.md"
        );
        assert_eq!(
            relative_link(Path::new("docs/postmortems/a.md"), Path::new("docs/other")),
            "../postmortems/a.md"
        );
    }
}
