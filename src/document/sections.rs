//! Heading normalization and the canonical sections of a postmortem.
//!
//! Teams title the same section many ways ("Root Cause", "3. Root Cause
//! Analysis", "Why it happened"); rules ask for a canonical section and
//! accept any of its aliases.

/// A section every postmortem tool knows, with the titles that mean it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Canonical {
    /// Stable id, used in config (`required_sections`) and messages.
    pub id: &'static str,
    /// How the section is named in messages.
    pub name: &'static str,
    /// Normalized titles (see [`normalize`]) that mean this section.
    pub aliases: &'static [&'static str],
}

/// The canonical sections, in the order a postmortem usually has them.
pub const CANONICAL: &[Canonical] = &[
    Canonical {
        id: "summary",
        name: "Summary",
        aliases: &[
            "summary",
            "incident summary",
            "issue summary",
            "executive summary",
            "description",
            "incident description",
            "overview",
            "incident overview",
            "tldr",
            "tl dr",
            "abstract",
        ],
    },
    Canonical {
        id: "impact",
        name: "Impact",
        aliases: &[
            "impact",
            "impact assessment",
            "impact analysis",
            "customer impact",
            "impact and severity",
        ],
    },
    Canonical {
        id: "timeline",
        name: "Timeline",
        aliases: &[
            "timeline",
            "timeline of events",
            "incident timeline",
            "response timeline",
            "detailed timeline",
            "detection timeline",
            "recovery timeline",
            "chronology",
            "sequence of events",
        ],
    },
    Canonical {
        id: "detection",
        name: "Detection",
        aliases: &["detection", "how it was detected", "how was it detected"],
    },
    Canonical {
        id: "escalation",
        name: "Escalation",
        aliases: &["escalation"],
    },
    Canonical {
        id: "response",
        name: "Response",
        aliases: &["response", "incident response"],
    },
    Canonical {
        id: "root_cause",
        name: "Root Cause",
        aliases: &[
            "root cause",
            "root causes",
            "root cause analysis",
            "cause",
            "causes",
            "why it happened",
            "why did it happen",
            "why it failed",
            "what caused it",
            "cause of the problem",
            "cause of the issue",
            "cause of the incident",
            "technical root cause",
            "fault",
        ],
    },
    Canonical {
        id: "five_whys",
        name: "5 Whys",
        aliases: &["5 whys", "five whys", "the 5 whys", "the five whys"],
    },
    Canonical {
        id: "contributing_factors",
        name: "Contributing Factors",
        aliases: &["contributing factors", "contributing causes"],
    },
    Canonical {
        id: "resolution",
        name: "Resolution",
        aliases: &[
            "resolution",
            "recovery",
            "mitigation",
            "mitigation and recovery",
            "mitigation and resolution",
            "resolution and recovery",
            "recovery and mitigation",
            "remediation",
            "actions taken",
            "immediate actions",
            "fix",
            "the fix",
        ],
    },
    Canonical {
        id: "action_items",
        name: "Action Items",
        aliases: &[
            "action items",
            "actions",
            "follow up actions",
            "follow up items",
            "followup actions",
            "corrective actions",
            "corrective and preventive actions",
            "next steps",
            "action plan",
            "remediation items",
            "corrective and preventative measures",
            "corrective and preventive measures",
            "corrective and preventative measure",
            "corrective actions with owners",
            "follow up tasks",
            "follow ups",
            "followups",
        ],
    },
    Canonical {
        id: "lessons_learned",
        name: "Lessons Learned",
        aliases: &[
            "lessons learned",
            "lessons learnt",
            "lessons",
            "learnings",
            "what we learned",
            "takeaways",
            "key takeaways",
        ],
    },
    Canonical {
        id: "prevention",
        name: "Prevention",
        aliases: &["prevention", "prevention measures", "preventive measures"],
    },
    Canonical {
        id: "communication",
        name: "Communication",
        aliases: &[
            "communication",
            "communications",
            "communication and review",
        ],
    },
    Canonical {
        id: "references",
        name: "References",
        aliases: &[
            "references",
            "supporting data",
            "supporting information",
            "links",
            "related links",
        ],
    },
];

/// The sections required of a document whose template is unknown.
pub const DEFAULT_REQUIRED: &[&str] = &[
    "summary",
    "timeline",
    "root_cause",
    "resolution",
    "action_items",
];

/// Sections whose absence from a template-made document is an error (the
/// other canonical sections are optional extras).
pub const CORE: &[&str] = &[
    "summary",
    "impact",
    "timeline",
    "detection",
    "escalation",
    "response",
    "root_cause",
    "five_whys",
    "resolution",
    "action_items",
    "lessons_learned",
    "prevention",
];

/// Normalizes a heading for matching: lowercase, leading numbering (`3.`,
/// `2.1`, `IV.`) and emoji dropped, `&` read as "and", punctuation removed,
/// spaces collapsed. `## 3. Root Cause & Analysis:` → `root cause and analysis`.
pub fn normalize(title: &str) -> String {
    // Most titles, headers and items are ASCII words with no numbering: a
    // title that starts with a letter has none to strip.
    let trimmed = title.trim_ascii();
    if trimmed.is_ascii()
        && trimmed
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphabetic)
    {
        let roman = trimmed.split_once(' ').is_some_and(|(token, _)| {
            token.ends_with('.')
                && token[..token.len() - 1]
                    .bytes()
                    .all(|b| b"IVX".contains(&b))
        });
        if !roman {
            return normalize_ascii(trimmed.as_bytes());
        }
    }
    let title = strip_numbering(title.trim());
    if title.is_ascii() {
        normalize_ascii(title.as_bytes())
    } else {
        normalize_chars(title)
    }
}

/// [`normalize`] after the numbering is stripped, a character at a time.
fn normalize_chars(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut pending_space = false;
    for c in title.chars() {
        let piece = if c == '&' {
            Some("and")
        } else if c.is_alphanumeric() {
            None
        } else {
            // Punctuation, symbols and emoji all separate words.
            pending_space = !out.is_empty();
            continue;
        };
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match piece {
            Some(word) => {
                out.push_str(word);
                pending_space = true;
            }
            None if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// [`normalize`] of an ASCII title, a byte at a time (headings, table
/// headers and action items are normalized for every file).
fn normalize_ascii(title: &[u8]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(title.len() + 8);
    let mut pending_space = false;
    for &b in title {
        if b.is_ascii_alphanumeric() || b == b'&' {
            if pending_space {
                out.push(b' ');
                pending_space = false;
            }
            if b == b'&' {
                out.extend_from_slice(b"and");
                pending_space = true;
            } else {
                out.push(b.to_ascii_lowercase());
            }
        } else {
            pending_space = !out.is_empty();
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Drops `3.`, `3)`, `2.1`, `2.1.` and roman `IV.` numbering before a
/// title. A bare number is kept: "5 Whys" is a title, not section 5.
fn strip_numbering(title: &str) -> &str {
    let title = title.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '&');
    let Some(token_end) = title.find(char::is_whitespace) else {
        return title;
    };
    let token = &title[..token_end];
    let body = token.trim_end_matches(['.', ')']);
    let marked = body.len() < token.len() || body.contains('.');
    let arabic = body
        .split('.')
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let roman = token.ends_with('.')
        && !body.is_empty()
        && body.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    if (marked && arabic) || roman {
        title[token_end..].trim_start()
    } else {
        title
    }
}

/// The canonical section a normalized heading means, if any.
pub fn canonical(normalized: &str) -> Option<&'static Canonical> {
    if normalized.contains("5 whys") || normalized.contains("five whys") {
        return CANONICAL.iter().find(|c| c.id == "five_whys");
    }
    CANONICAL.iter().find(|c| c.aliases.contains(&normalized))
}

/// The canonical section with this id.
pub fn by_id(id: &str) -> Option<&'static Canonical> {
    CANONICAL.iter().find(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_titles_normalize_as_characters_do() {
        // Every string of up to four of these bytes, and some longer ones.
        let alphabet = b"aZ9 &-.(";
        let mut titles: Vec<String> = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = titles
                .iter()
                .flat_map(|t| alphabet.iter().map(move |&b| format!("{t}{}", b as char)))
                .collect();
            titles.extend(longer);
        }
        titles
            .extend(["R&D  Review", "&&Root--Cause&", " Action Items (owners) "].map(String::from));
        for title in &titles {
            assert_eq!(
                normalize_ascii(title.as_bytes()),
                normalize_chars(title),
                "{title:?}"
            );
        }
    }

    #[test]
    fn normalization_ignores_numbering_case_punctuation_and_emoji() {
        assert_eq!(normalize("3. Root Cause Analysis"), "root cause analysis");
        assert_eq!(normalize("2.1 Timeline"), "timeline");
        assert_eq!(normalize("IV. Lessons Learned:"), "lessons learned");
        assert_eq!(normalize("🔥 Impact & Severity"), "impact and severity");
        assert_eq!(normalize("Follow-up actions"), "follow up actions");
        assert_eq!(normalize("5 Whys"), "5 whys");
        assert_eq!(normalize("Why Did It Happen?"), "why did it happen");
        assert_eq!(normalize("Date & Time (UTC)"), "date and time utc");
    }

    #[test]
    fn aliases_reach_their_canonical_section() {
        let id = |title: &str| canonical(&normalize(title)).map(|c| c.id);
        assert_eq!(id("## 3. Root Cause Analysis"), Some("root_cause"));
        assert_eq!(id("Why It Happened"), Some("root_cause"));
        assert_eq!(id("5. Mitigation and Recovery"), Some("resolution"));
        assert_eq!(id("Follow-up Actions"), Some("action_items"));
        assert_eq!(id("Root Cause Analysis (5 Whys)"), Some("five_whys"));
        assert_eq!(id("Executive Summary"), Some("summary"));
        assert_eq!(id("Follow-up"), None);
        assert_eq!(id("Appendix"), None);
    }

    #[test]
    fn the_fast_path_for_titles_without_numbering_agrees() {
        for title in [
            "Root Cause & Analysis:",
            "IV. Root cause",
            "I. Summary",
            "X. Lessons",
            "V2 rollout",
            "Incident summary (UTC)",
            "a&b",
        ] {
            let stripped = strip_numbering(title.trim());
            assert_eq!(
                normalize(title),
                normalize_ascii(stripped.as_bytes()),
                "{title:?}"
            );
        }
    }

    #[test]
    fn the_ascii_path_normalizes_as_the_character_path_does() {
        for title in [
            "Root Cause & Analysis:",
            "&& a&&b ",
            "  --Lessons -- Learned!! ",
            "What went well?",
            "A&B",
            "",
            "&",
            "5 Whys (root cause)",
            "x__y--z  w",
        ] {
            assert_eq!(
                normalize_ascii(title.as_bytes()),
                normalize_chars(title),
                "{title:?}"
            );
        }
    }
}
