//! Severity scales and the forgiving matching of what users type.

/// An ordered list of severities, most severe first (e.g. SEV-1..SEV-4, P0..P3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeverityScale {
    levels: Vec<String>,
}

impl SeverityScale {
    /// A scale with these levels, most severe first.
    pub fn new<S: Into<String>>(levels: impl IntoIterator<Item = S>) -> Self {
        SeverityScale {
            levels: levels.into_iter().map(Into::into).collect(),
        }
    }

    /// The levels as written in the scale.
    pub fn levels(&self) -> &[String] {
        &self.levels
    }

    /// The level `input` means, ignoring case, spaces, dashes and underscores:
    /// `sev2`, `SEV2`, `Sev 2` and `sev-2` all match `SEV-2`.
    pub fn normalize(&self, input: &str) -> Option<&str> {
        let wanted = key(input);
        if wanted.is_empty() {
            return None;
        }
        self.levels
            .iter()
            .find(|level| key(level) == wanted)
            .map(String::as_str)
    }
}

fn key(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_a_level_match_it() {
        let scale = SeverityScale::new(["SEV-1", "SEV-2"]);
        for input in ["SEV-2", "sev2", "SEV2", "sev-2", "Sev 2", "sev_2"] {
            assert_eq!(scale.normalize(input), Some("SEV-2"), "{input}");
        }
        assert_eq!(scale.normalize("SEV-3"), None);
        assert_eq!(scale.normalize("2"), None);
        assert_eq!(scale.normalize("--"), None);
    }

    #[test]
    fn other_scales_match_the_same_way() {
        let scale = SeverityScale::new(["P0", "P1", "P2", "P3"]);
        assert_eq!(scale.normalize("p1"), Some("P1"));
        assert_eq!(scale.normalize("SEV-1"), None);
    }
}
