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

impl SeverityScale {
    /// The level a severity written in another scheme means: `aliases`
    /// first (the configured `severity_aliases`, keys as [`Self::normalize`]
    /// compares them), then a level of the scale in any spelling, then the
    /// words incident tools use (critical, major or high, minor, medium or
    /// moderate, low: the first to the fourth level), then a number (`P1`,
    /// `Sev 1`, `1`: the first level; `P0` and `SEV-0` too).
    pub fn map_loose<'a>(
        &'a self,
        input: &str,
        aliases: &'a std::collections::BTreeMap<String, String>,
    ) -> Option<&'a str> {
        let wanted = key(input);
        if let Some((_, level)) = aliases.iter().find(|(from, _)| key(from) == wanted) {
            return self.normalize(level);
        }
        if let Some(level) = self.normalize(input) {
            return Some(level);
        }
        let nth = |n: usize| self.levels.get(n).map(String::as_str);
        let word = input.trim().to_ascii_lowercase();
        let by_word = match word.as_str() {
            "critical" | "sev critical" => Some(0),
            "major" | "high" => Some(1),
            "minor" | "medium" | "moderate" => Some(2),
            "low" => Some(3),
            _ => None,
        };
        if let Some(n) = by_word {
            return nth(n);
        }
        let digits: String = wanted.chars().filter(char::is_ascii_digit).collect();
        let letters = wanted.chars().filter(char::is_ascii_alphabetic).count();
        let n: usize = digits.parse().ok().filter(|_| letters <= 3)?;
        nth(n.saturating_sub(1))
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
