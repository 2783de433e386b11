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
/// cannot break the link.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace(['\r', '\n'], " ")
}

/// `path` (relative to the current folder) as a link from `from_dir`, with
/// forward slashes and spaces encoded.
fn relative_link(path: &Path, from_dir: &Path) -> String {
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
    parts
        .join("/")
        .replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
}

/// `current` with the text between the markers replaced by `table`; markers
/// are appended (after a blank line) when absent.
pub fn splice(current: &str, table: &str) -> String {
    let block = format!("{START}\n{table}{END}");
    if let (Some(start), Some(end)) = (current.find(START), current.find(END))
        && start < end
    {
        let after = end + END.len();
        return format!("{}{block}{}", &current[..start], &current[after..]);
    }
    let newline = if current.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let separator = match current {
        "" => "",
        c if c.ends_with("\n\n") || c.ends_with("\r\n\r\n") => "",
        c if c.ends_with('\n') => newline,
        _ => "\n\n",
    };
    format!("{current}{separator}{block}{newline}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_replaces_only_between_the_markers() {
        let readme = format!("# Team\n\nintro\n\n{START}\nold\n{END}\n\nafter\n");
        let out = splice(&readme, "| t |\n");
        assert_eq!(
            out,
            format!("# Team\n\nintro\n\n{START}\n| t |\n{END}\n\nafter\n")
        );
        assert_eq!(splice(&out, "| t |\n"), out);
    }

    #[test]
    fn splice_appends_markers_when_absent() {
        assert_eq!(
            splice("# Team\n", "| t |\n"),
            format!("# Team\n\n{START}\n| t |\n{END}\n")
        );
        assert_eq!(splice("", "| t |\n"), format!("{START}\n| t |\n{END}\n"));
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
