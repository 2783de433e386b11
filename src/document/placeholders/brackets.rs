//! Whether bracketed text stands in for something the writer was meant to
//! write. Syntax alone never decides: `[Your Name]` and `[Dana]`, `[Start
//! Time]` and `[09:14]`, `<your name>` and `<dana>` look alike. What decides
//! is evidence, weighed against where the text stands:
//!
//! - **instructions** (anywhere, even as a tag or in a quotation): a format
//!   (`[YYYY-MM-DD HH:MM]`), a variable (`[X hours Y minutes]`), an opening
//!   word that addresses the writer (`[Your Name]`, `[Describe the impact]`,
//!   `[e.g., 5 minutes]`), a describing phrase (`[Number of users]`,
//!   `[Link to the dashboard]`), a list of choices (`[High | Medium | Low]`),
//!   a numbered stand-in (`[Factor 1]`);
//! - **descriptions** (not as a leading tag, not in a quotation): words
//!   that name a value (`[Incident Title]`, `[Engineer Name]`), a question
//!   to the writer (`[What users experienced]`), slashed choices
//!   (`[Yes/No]`);
//! - **whole values** (the bracket is all a field, cell, item or line holds):
//!   any phrase (`| [Monitoring alert fired] |`), or a single value word
//!   (`**Lead:** [name]`).
//!
//! Times, log levels, tags, ticket keys, names, editorial marks, interface
//! labels and code-shaped text are never placeholders on their own.

use super::formats;
use super::words::{self, is_in};

/// Where bracketed text stands in its unit (a table cell, else its line
/// without list, quote and heading markers), other brackets, emphasis and
/// separators aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Nothing else but a label before it: `**Lead:** [Your Name]`, `| [x] |`.
    Whole,
    /// Right after a label, with more text after it: `**Detected**:
    /// [timestamp] by …`, `Owner: [name] - Due: …`.
    Labelled,
    /// First, with text after it: `[WARN] disk full`, `[Dana]: failing over`.
    Leading,
    /// Last, after text: `- Fix the pool [@dana]`.
    Trailing,
    /// Between text: `from [Require approval] to …`.
    Inline,
}

/// The surroundings of a bracket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Site {
    /// Where it stands.
    pub place: Place,
    /// Inside a block quote, quotation marks or a line of a chat log: an
    /// editor's substitution (`> billed to your [payment provider] account`)
    /// is not a placeholder.
    pub quoted: bool,
    /// Someone's words: inside quotation marks or on a line of a chat log
    /// (`[10:06] omar: TBD, how many?`), where even a TODO word or a
    /// format is what was said, not what was left.
    pub speech: bool,
}

/// How strongly the content reads as a stand-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// Ordinary writing: a time, a tag, a name, code, an editorial mark.
    None,
    /// Could be a value or a label: placeholder only as a whole value.
    Phrase,
    /// Names a value or asks for one: placeholder unless it is a tag or
    /// quoted.
    Description,
    /// Addresses the writer: a placeholder wherever it stands.
    Instruction,
}

/// Whether `[content]` at `site` is a placeholder.
pub fn square(content: &str, site: Site) -> bool {
    decide(weigh(content, false), site)
}

/// Whether `<content>` (not an HTML tag, see [`is_html_tag`]) at `site` is
/// a placeholder. A single word is a chat nick (`<dana>`) or a parameter
/// (`restart <unit>`) unless it is the value of a field. Angle brackets are
/// not tags, so a description counts first on its line too (`<service
/// name> was down`).
pub fn angle(content: &str, site: Site) -> bool {
    let site = match site.place {
        Place::Leading => Site {
            place: Place::Inline,
            ..site
        },
        _ => site,
    };
    decide(weigh(content, true), site)
}

/// Whether text of this `evidence` at `site` is a placeholder.
pub fn decide(evidence: Evidence, site: Site) -> bool {
    match evidence {
        Evidence::None => false,
        Evidence::Instruction => true,
        Evidence::Description => !site.quoted && site.place != Place::Leading,
        Evidence::Phrase => !site.quoted && matches!(site.place, Place::Whole | Place::Labelled),
    }
}

/// How strongly `[content]` (or `<content>`, when `angle`) reads as a
/// stand-in, wherever it stands.
pub fn weigh(content: &str, angle: bool) -> Evidence {
    let text = content.trim();
    if text.is_empty() || !text.chars().any(char::is_alphanumeric) {
        return Evidence::None; // a task box, text art: `[▓▓▒▒░░]`
    }
    if !angle && (text.eq_ignore_ascii_case("x") || text.starts_with(['^', '!'])) {
        return Evidence::None; // a task box in text, a footnote, an alert
    }
    // Each word lower-cased without its punctuation, made once for every
    // test below.
    let words: Vec<String> = text.split_whitespace().map(word).collect();
    if is_redaction(&words) {
        return Evidence::None; // `[Engineer 1]`, `[Tenant X]`, `[internal link]`, `<redacted>`
    }
    if is_instruction(text, &words) {
        return Evidence::Instruction;
    }
    if is_ordinary(text) {
        return Evidence::None;
    }
    let slashed = slashed_choices(text).or_else(|| comma_choices(text));
    if words.len() == 1 && slashed.is_none() {
        let only = words[0].as_str();
        return if angle && !is_in(words::VALUE_NOUNS, only) {
            Evidence::None
        } else if is_in(words::VALUE_NOUNS, only) {
            // `[Name]`, `[date]`: a description when capitalised or as a
            // whole value; `the [status] field` reads as code. `[link]` and
            // `[url]` stand for a link wherever they are.
            if starts_upper(text) || matches!(only, "link" | "url") {
                Evidence::Description
            } else {
                Evidence::Phrase
            }
        } else if is_in(words::VALUE_STAND_INS, only) {
            Evidence::Phrase
        } else {
            Evidence::None // a name, a tag, a state: `[Dana]`, `[WIP]`, `[Firing]`
        };
    }
    if let Some(choices) = slashed {
        // `[Yes/No]`, `[P1/P2/P3/P4]`; two alternatives in running text
        // (`[read/write]`) may be a pair of words.
        let yes_no = choices.iter().any(|c| c.eq_ignore_ascii_case("yes"));
        return if choices.len() >= 3 || yes_no {
            Evidence::Description
        } else {
            Evidence::Phrase
        };
    }
    if is_description(&words) || is_in(words::QUESTION_WORDS, &words[0]) {
        return Evidence::Description;
    }
    if angle {
        // `<BEGIN MAINTENANCE>`, `<dana> said`: markers and nicks.
        return Evidence::None;
    }
    let has_lower_word = text
        .split_whitespace()
        .any(|w| w.starts_with(|c: char| c.is_lowercase()));
    let names_a_group = words.last().is_some_and(|w| is_in(words::GROUP_NOUNS, w));
    if has_lower_word && !is_in(words::INTERFACE_VERBS, &words[0]) && !names_a_group {
        Evidence::Phrase // `[Monitoring alert fired]` as a whole cell
    } else {
        Evidence::None // `[Acme Corp]`, `[Facilities team]`, `[Allow edits by maintainers]`
    }
}

/// A word lower-cased, without the punctuation around it.
fn word(raw: &str) -> String {
    raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '.')
        .trim_end_matches('.')
        .to_lowercase()
}

fn starts_upper(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase())
}

/// Evidence that holds wherever the text stands; `words` are `text`'s, as
/// [`word`] makes them.
fn is_instruction(text: &str, words: &[String]) -> bool {
    if formats::has_format(text) || formats::has_todo(text) {
        return true; // `[YYYY-MM-DD HH:MM timezone]`, `[TBD]`
    }
    let raw: Vec<&str> = text.split_whitespace().collect();
    // `[X hours Y minutes]`, `[N users]`, `[$X]`: a variable for a number.
    let variable = raw.iter().any(|w| {
        let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')'));
        matches!(w, "X" | "Y" | "N" | "$X" | "X%" | "N%" | "XX" | "XXX")
    });
    if variable && raw.len() >= 2 {
        return true;
    }
    if raw.len() >= 2 {
        let first = words[0].as_str();
        if is_in(words::INSTRUCTION_OPENERS, first) && !words[1].is_empty() {
            return true;
        }
        let add_what = first == "add"
            && matches!(
                words[1].as_str(),
                "a" | "an"
                    | "any"
                    | "details"
                    | "description"
                    | "link"
                    | "links"
                    | "more"
                    | "notes"
                    | "relevant"
                    | "the"
                    | "your"
            );
        if add_what {
            return true;
        }
        // `[details here]`, `[text goes here]`
        if words.last().is_some_and(|w| w == "here")
            && !matches!(first, "click" | "go" | "look" | "read" | "see" | "tap")
        {
            return true;
        }
    }
    if words
        .windows(2)
        .any(|pair| words::DESCRIBING_PAIRS.contains(&(pair[0].as_str(), pair[1].as_str())))
    {
        return true;
    }
    if piped_choices(text) {
        return true; // `[High | Medium | Low]`
    }
    // `[Factor 1]`, `[Action item 2: Improve alert thresholds]`
    let label = text.split(':').next().unwrap_or(text);
    if super::prose::is_stand_in(label) {
        return true;
    }
    words
        .iter()
        .any(|w| matches!(w.as_str(), "placeholder" | "tbc" | "tbd" | "todo"))
}

/// Text in brackets that is ordinary writing whatever its place: a time or
/// date, a number, a log level or tag, a ticket key, an editorial mark, a
/// mention, code.
fn is_ordinary(text: &str) -> bool {
    if is_in(words::EDITORIAL, text) {
        return true; // `[sic]`, `[…]`, `[redacted]`
    }
    if formats::has_time_or_date(text) {
        return true; // `[09:14]`, `[Mar 3, 2025 at 9:41:10 PM]`, `[11-30 23:58]`
    }
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        return true; // `[1]`, `[15m]`, `[45 Minutes]`, `[512/1024mb]`, `[1, n]`
    }
    if text.starts_with([
        '"', '\'', '`', '‘', '“', ':', '.', '#', '$', '*', '\\', '-', '+', '~',
    ]) {
        return true; // `["a", "b"]`, `[:42]`, `[#123]`
    }
    if let Some(handle) = text.strip_prefix('@') {
        // `[@dana]` is an owner tag; `[@owner]` a template's.
        return !is_in(words::VALUE_NOUNS, handle);
    }
    if text.contains(['=', ';', '{', '}', '\\', '<', '>']) || text.contains("::") {
        return true; // code
    }
    let single = !text.contains(char::is_whitespace);
    if single {
        // `[db.users]`, `[snake_case]`, `[OPS-2291]`, `[i,j]`, `[f()]`
        let code_shaped = text.contains(['.', '_', '(', ',']);
        let lower = text.to_lowercase();
        let known = is_in(words::VALUE_NOUNS, &lower) || is_in(words::VALUE_STAND_INS, &lower);
        if code_shaped && !known {
            return true;
        }
        if is_ticket_key(text) {
            return true;
        }
    }
    // `[i, j]`, `[x, y, z]`: short lower-case names are code or math.
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let short_names = parts.iter().all(|p| {
        !p.is_empty()
            && p.len() <= 2
            && p.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    if parts.len() >= 2 && short_names {
        return true;
    }
    // `[WARN]`, `[SRE]`, `[ERROR]`: upper-case tags unless they name a value.
    let upper = text
        .chars()
        .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | ' ' | '/'));
    if upper && text.chars().any(char::is_alphabetic) {
        let described = is_description(&text.split_whitespace().map(word).collect::<Vec<_>>())
            || is_in(words::VALUE_NOUNS, &text.to_lowercase());
        return !described && slashed_choices(text).is_none();
    }
    false
}

/// What a public postmortem writes in place of what it may not say: a
/// pseudonym (`[Engineer 1]`, `[Customer A]`, `[Tenant X]`), or a mark
/// that something was taken out (`[internal link]`, `[link removed]`,
/// `<redacted>`), told by its `words` (as [`word`] makes them).
fn is_redaction(words: &[String]) -> bool {
    let removed = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "confidential"
                | "elided"
                | "internal"
                | "omitted"
                | "private"
                | "redacted"
                | "removed"
                | "snipped"
                | "withheld"
        )
    });
    let pseudonym = words.len() == 2
        && matches!(
            words[0].as_str(),
            "attacker"
                | "client"
                | "company"
                | "customer"
                | "employee"
                | "engineer"
                | "member"
                | "operator"
                | "partner"
                | "responder"
                | "tenant"
                | "user"
                | "vendor"
        )
        && (words[1].len() == 1 || words[1].chars().all(|c| c.is_ascii_digit()));
    removed || pseudonym
}

/// `OPS-2291`, `INC-42`, `SEV-1`: a key and a number.
fn is_ticket_key(text: &str) -> bool {
    text.split_once('-').is_some_and(|(key, number)| {
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && !number.is_empty()
            && number.chars().all(|c| c.is_ascii_digit())
    })
}

/// Every word describes a value and the last names one: `incident title`,
/// `start date and time`, `duration of the incident`, `owner 1`.
fn is_description(words: &[String]) -> bool {
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let Some(last) = words.last() else {
        return false;
    };
    let all_known = words
        .iter()
        .all(|w| is_in(words::VALUE_NOUNS, w) || is_in(words::MODIFIERS, w));
    let names_a_value = is_in(words::VALUE_NOUNS, last)
        || words.iter().any(|w| is_in(words::VALUE_NOUNS, w)) && is_in(words::MODIFIERS, last);
    all_known && names_a_value
}

/// `High | Medium | Low`: two or more alternatives of a word or more.
fn piped_choices(text: &str) -> bool {
    let parts: Vec<&str> = text.split('|').map(str::trim).collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() >= 2 && p.starts_with(|c: char| c.is_alphanumeric()))
}

/// `Yes/No`, `P1/P2/P3/P4`, `UTC/PST/EST`: alternatives without spaces
/// around the slashes, each starting with a letter.
fn slashed_choices(text: &str) -> Option<Vec<&str>> {
    let head = text.split([',', ' ']).next().unwrap_or(text);
    let parts: Vec<&str> = head.split('/').collect();
    let choices = parts.len() >= 2
        && parts.iter().all(|p| {
            p.chars().count() >= 2
                && p.starts_with(|c: char| c.is_alphabetic())
                && p.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    choices.then_some(parts)
}

/// `P0, P1, P2`, `SEV-1, SEV-2, SEV-3`: alternatives of one word each,
/// separated by commas.
fn comma_choices(text: &str) -> Option<Vec<&str>> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let choices = parts.len() >= 2
        && parts.iter().all(|p| {
            p.chars().count() >= 2
                && p.starts_with(|c: char| c.is_alphabetic())
                && p.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    choices.then_some(parts)
}

/// HTML element names: `<br>`, `<details>`, `<kbd>` are markup.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "li",
    "link",
    "main",
    "mark",
    "meta",
    "nav",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "script",
    "section",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Attributes written without a value: `<details open>`, `<video controls
/// muted>`.
const BOOLEAN_ATTRIBUTES: &[&str] = &[
    "allowfullscreen",
    "async",
    "autofocus",
    "autoplay",
    "checked",
    "controls",
    "default",
    "defer",
    "disabled",
    "hidden",
    "inert",
    "loop",
    "markdown",
    "multiple",
    "muted",
    "novalidate",
    "open",
    "playsinline",
    "readonly",
    "required",
    "reversed",
    "selected",
];

/// Whether `<content>` is HTML markup: a closing tag, a declaration
/// (`<!DOCTYPE>`), a processing instruction, a tag with attributes
/// (`x="1"`) or a self-closing one, or a known or custom element
/// (`<br>`, `<details open>`, `<my-widget>`) whose other words are boolean
/// attributes. `<link to the ticket>` and `<on-call engineer>` are words.
pub fn is_html_tag(content: &str) -> bool {
    let content = content.trim_end();
    if content.starts_with(['/', '!', '?']) || content.ends_with('/') || content.contains('=') {
        return true;
    }
    let mut words = content.split_whitespace();
    let name = words.next().unwrap_or("");
    let lower = name.to_ascii_lowercase();
    let element = HTML_ELEMENTS.contains(&lower.as_str())
        || (name.contains('-') && name.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
    element && words.all(|w| BOOLEAN_ATTRIBUTES.contains(&w.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(place: Place) -> Site {
        Site {
            place,
            quoted: false,
            speech: false,
        }
    }

    #[test]
    fn instructions_are_placeholders_wherever_they_stand() {
        for text in [
            "Your Name",
            "YYYY-MM-DD HH:MM timezone",
            "X hours Y minutes",
            "Describe the actions taken",
            "e.g., 5 minutes",
            "Link to the dashboard",
            "Number of support tickets",
            "High | Medium | Low",
            "Factor 1",
            "Action item 2: Improve alert thresholds",
            "details here",
        ] {
            for place in [
                Place::Whole,
                Place::Labelled,
                Place::Leading,
                Place::Trailing,
                Place::Inline,
            ] {
                assert!(square(text, at(place)), "{text} at {place:?}");
            }
        }
    }

    #[test]
    fn descriptions_are_placeholders_unless_leading_or_quoted() {
        for text in [
            "Incident Title",
            "Engineer Name",
            "Start Date and Time",
            "Yes/No",
        ] {
            assert!(square(text, at(Place::Inline)), "{text}");
            assert!(square(text, at(Place::Trailing)), "{text}");
            assert!(!square(text, at(Place::Leading)), "{text}");
            let quoted = Site {
                place: Place::Inline,
                quoted: true,
                speech: false,
            };
            assert!(!square(text, quoted), "{text}");
        }
    }

    #[test]
    fn phrases_are_placeholders_only_as_a_whole_value() {
        for text in [
            "Monitoring alert fired",
            "name",
            "Medium",
            "Auto-generated",
            "P0, P1",
        ] {
            assert!(square(text, at(Place::Whole)), "{text}");
            assert!(square(text, at(Place::Labelled)), "{text}");
            assert!(!square(text, at(Place::Inline)), "{text}");
        }
    }

    #[test]
    fn ordinary_writing_in_brackets_is_never_a_placeholder() {
        for text in [
            "09:14",
            "3:02 PM",
            "11-30 23:58",
            "2026-11-20 10:01:07",
            "Mar 3, 2025 at 9:41:10 PM",
            "WARN",
            "DEBUG",
            "WIP",
            "Unit",
            "OPS-2291",
            "Dana",
            "SRE",
            "Acme Corp",
            "@dana",
            "sic",
            "…",
            "removed",
            "Firing",
            "Pending",
            "Private",
            "Allow edits by maintainers",
            "\"a\", \"b\"",
            "i, j",
            ":42",
            "db.users",
            "512/1024mb",
            "1, n",
            "▓▓▒▒░░",
            "15m",
            "45 Minutes",
            "Public",
            "Action Item",
            "Facilities team",
            "Payments Team",
            "Engineer 1",
            "Customer A",
            "Tenant X",
            "internal link",
            "link removed",
        ] {
            for place in [
                Place::Whole,
                Place::Labelled,
                Place::Leading,
                Place::Trailing,
                Place::Inline,
            ] {
                assert!(!square(text, at(place)), "{text} at {place:?}");
            }
        }
    }

    #[test]
    fn angle_brackets_hold_placeholders_or_nicks_and_parameters() {
        for text in ["your name", "insert date", "Incident Title"] {
            assert!(angle(text, at(Place::Inline)), "{text}");
        }
        for text in ["dana", "unit", "BEGIN MAINTENANCE", "host"] {
            assert!(!angle(text, at(Place::Inline)), "{text}");
        }
        assert!(angle("name", at(Place::Whole)));
        for tag in [
            "br",
            "details open",
            "/div",
            "a href=\"x\"",
            "my-widget",
            "img/",
        ] {
            assert!(is_html_tag(tag), "{tag}");
        }
        assert!(!is_html_tag("your name"));
    }
}
