//! The words placeholder detection weighs: what a description of a value is
//! made of, what an instruction to the writer starts with, and the words
//! that mark bracketed text as ordinary writing. All lower case; callers
//! compare lower-cased words.

/// Nouns that name a value a template asks for: the head of a description
/// such as `[Incident Title]`, `[Engineer Name]` or `[Root cause]`.
pub const VALUE_NOUNS: &[&str] = &[
    "account",
    "accounts",
    "amount",
    "answer",
    "answers",
    "assignee",
    "attendees",
    "author",
    "authors",
    "cause",
    "causes",
    "contact",
    "cost",
    "count",
    "date",
    "dates",
    "deadline",
    "description",
    "details",
    "duration",
    "email",
    "engineer",
    "estimate",
    "explanation",
    "handle",
    "id",
    "impact",
    "lead",
    "link",
    "links",
    "name",
    "names",
    "number",
    "owner",
    "owners",
    "percentage",
    "person",
    "range",
    "reason",
    "role",
    "severity",
    "source",
    "summary",
    "team",
    "text",
    "time",
    "timestamp",
    "timezone",
    "title",
    "url",
    "username",
    "value",
    "version",
];

/// Words that may stand before a value noun in a description:
/// `[Start Time]`, `[Affected Service Name]`, `[Duration of the Incident]`.
pub const MODIFIERS: &[&str] = &[
    "a",
    "action",
    "additional",
    "affected",
    "alert",
    "an",
    "and",
    "approximate",
    "brief",
    "business",
    "customer",
    "customers",
    "detailed",
    "detected",
    "detection",
    "due",
    "end",
    "ending",
    "error",
    "estimated",
    "event",
    "first",
    "follow-up",
    "full",
    "impacted",
    "incident",
    "initial",
    "issue",
    "item",
    "jira",
    "last",
    "of",
    "on-call",
    "or",
    "outage",
    "pagerduty",
    "postmortem",
    "primary",
    "related",
    "relevant",
    "resolution",
    "resolved",
    "responder",
    "reviewer",
    "root",
    "secondary",
    "service",
    "short",
    "slack",
    "specific",
    "start",
    "starting",
    "support",
    "system",
    "technical",
    "the",
    "ticket",
    "total",
    "user",
    "users",
    "your",
];

/// Words whose first place in bracketed text makes it an instruction to the
/// writer: `[Describe the impact]`, `[Your Name]`, `[Insert date]`.
pub const INSTRUCTION_OPENERS: &[&str] = &[
    "brief",
    "describe",
    "detailed",
    "e.g",
    "e.g.",
    "e.g.,",
    "eg",
    "eg.",
    "enter",
    "explain",
    "fill",
    "include",
    "insert",
    "link",
    "links",
    "list",
    "mention",
    "optional",
    "paste",
    "provide",
    "quantify",
    "specify",
    "summarise",
    "summarize",
    "your",
];

/// Two-word phrases anywhere in bracketed text that describe what goes
/// there: `[Number of support tickets]`, `[Link to the dashboard]`.
pub const DESCRIBING_PAIRS: &[(&str, &str)] = &[
    ("date", "of"),
    ("description", "of"),
    ("details", "of"),
    ("details", "about"),
    ("details", "if"),
    ("explanation", "of"),
    ("for", "example"),
    ("if", "any"),
    ("if", "applicable"),
    ("if", "needed"),
    ("if", "necessary"),
    ("link", "to"),
    ("links", "to"),
    ("list", "of"),
    ("name", "of"),
    ("names", "of"),
    ("number", "of"),
    ("summary", "of"),
    ("time", "of"),
];

/// Question words: `[What users experienced]`, `[How long until it was
/// detected?]` ask the writer something.
pub const QUESTION_WORDS: &[&str] = &[
    "did", "how", "was", "were", "what", "when", "where", "which", "who", "why",
];

/// Verbs that tell the writer what to write, at the start of a template's
/// guidance line: `*Explain what the on-call engineer saw first*`.
pub const WRITING_VERBS: &[&str] = &[
    "add",
    "briefly",
    "copy",
    "describe",
    "detail",
    "elaborate",
    "enumerate",
    "explain",
    "fill",
    "give",
    "include",
    "insert",
    "list",
    "mention",
    "outline",
    "paste",
    "provide",
    "quantify",
    "specify",
    "summarise",
    "summarize",
    "write",
];

/// Writing verbs that cannot also open an ordinary action item or step
/// ("Document the failover", "Add an alert" can): a bare bullet starting
/// with one of these is guidance.
pub const GUIDANCE_ONLY_VERBS: &[&str] = &[
    "describe",
    "elaborate",
    "enumerate",
    "explain",
    "outline",
    "summarise",
    "summarize",
];

/// Words in an instruction that point at the document being written.
pub const WRITER_MARKERS: &[&str] = &[
    "e.g.", "each", "example", "here", "how", "section", "this", "what", "when", "which", "who",
    "why", "you", "your",
];

/// Bracketed text that is an editor's mark: `[sic]`, `[…]`, `[redacted]`.
pub const EDITORIAL: &[&str] = &[
    "...",
    "…",
    "citation needed",
    "cut",
    "edited",
    "emphasis added",
    "emphasis mine",
    "inaudible",
    "omitted",
    "paraphrased",
    "redacted",
    "removed",
    "sic",
    "sic!",
    "snip",
    "snipped",
    "translated",
    "truncated",
    "unclear",
];

/// Single words a template writes as the whole value of a field:
/// `**Incident ID:** [Auto-generated]`, `**Priority:** [Medium]`.
pub const VALUE_STAND_INS: &[&str] = &[
    "action",
    "auto-generated",
    "autogenerated",
    "event",
    "generated",
    "high",
    "item",
    "low",
    "medium",
    "status",
    "task",
];

/// Nouns that end the name of a group of people: `[Facilities team]` and
/// `[Payments Squad]` are owners, not descriptions.
pub const GROUP_NOUNS: &[&str] = &[
    "committee",
    "corp",
    "crew",
    "department",
    "dept",
    "division",
    "gmbh",
    "group",
    "guild",
    "inc",
    "llc",
    "ltd",
    "office",
    "org",
    "squad",
    "team",
    "teams",
    "tribe",
    "unit",
];

/// Verbs that open a button or a setting quoted from a tool's interface:
/// `[Allow edits by maintainers]` is a label, not a description.
pub const INTERFACE_VERBS: &[&str] = &[
    "accept", "allow", "apply", "approve", "block", "cancel", "confirm", "continue", "create",
    "delete", "deny", "disable", "dismiss", "enable", "grant", "hide", "merge", "open", "reject",
    "remove", "require", "restart", "restrict", "retry", "revoke", "run", "save", "send", "show",
    "sign", "squash", "submit", "turn", "update", "view",
];

/// Whether `word` (any case) is in `list`.
pub fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether `word` (any ASCII case) is in `sorted`, a list in lower case
/// and in order: a binary search, for lists asked about for every item.
pub fn is_in_sorted(sorted: &[&str], word: &str) -> bool {
    sorted
        .binary_search_by(|w| w.bytes().cmp(word.bytes().map(|b| b.to_ascii_lowercase())))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_lists_are_sorted() {
        for list in [WRITING_VERBS, GUIDANCE_ONLY_VERBS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert!(is_in_sorted(WRITING_VERBS, "Describe"));
        assert!(!is_in_sorted(WRITING_VERBS, "Deploy"));
    }
}
