//! Formats that stand for a value (`YYYY-MM-DD`, `hh:mm`, `$X`), dates and
//! times with unknown digits (`2025-03-??`), TODO words, and real times and
//! dates (which make bracketed text a timestamp, not a placeholder). Hand
//! written over bytes: these run on every text run that may hold one.

use std::ops::Range;

/// What a format-like token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    /// `YYYY-MM-DD`, `HH:mm:ss`, `DD/MM/YYYY`, `$X`.
    Format,
    /// `2025-03-??`, `09:??`: a date or time whose digits are unknown.
    Unknown,
    /// `TODO`, `TBD`, `TBC`, `TBA`, `FIXME`.
    Todo,
}

const TODO_WORDS: &[&str] = &["TODO", "TBD", "TBC", "TBA", "FIXME"];

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The bytes a token may start with: `$`, `?`, a digit, a TODO word's `T`
/// or `F`, a format's field letter; one look-up a byte of every text run.
const MAY_START: [bool; 256] = {
    let mut table = [false; 256];
    let starts = b"$?0123456789TFYyMmDdHhSsXx";
    let mut k = 0;
    while k < starts.len() {
        table[starts[k] as usize] = true;
        k += 1;
    }
    table
};

/// Every format, unknown-digit date and TODO word in `text`, in order, not
/// glued to a word on either side.
pub fn tokens(text: &str) -> Vec<(Range<usize>, Token)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Tokens start with `$`, a TODO word's T or F, a format's field
        // letter, a digit or `?`; most words start otherwise.
        if !MAY_START[usize::from(b)] {
            i += 1;
            continue;
        }
        let starts_word = i == 0 || !(is_word_byte(bytes[i - 1]) || bytes[i - 1] == b'?');
        if !starts_word {
            i += 1;
            continue;
        }
        if let Some((end, token)) = token_at(bytes, i) {
            found.push((i..end, token));
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

fn token_at(bytes: &[u8], start: usize) -> Option<(usize, Token)> {
    let ends_word = |end: usize| end >= bytes.len() || !is_word_byte(bytes[end]);
    if bytes[start] == b'$' {
        // `$X`, `$XX,XXX`, `$X.XM`, `$N,NNN`
        let mut end = start + 1;
        let letter = bytes.get(end).copied().filter(|b| matches!(b, b'X' | b'N'));
        while end < bytes.len() && (Some(bytes[end]) == letter || matches!(bytes[end], b',' | b'.'))
        {
            end += 1;
        }
        while end > start + 1 && matches!(bytes[end - 1], b',' | b'.') {
            end -= 1;
        }
        let has_x = end > start + 1;
        let unit = end < bytes.len() && matches!(bytes[end], b'K' | b'M' | b'B');
        let end = if unit { end + 1 } else { end };
        return (has_x && ends_word(end)).then_some((end, Token::Format));
    }
    for word in TODO_WORDS {
        if bytes[start..].starts_with(word.as_bytes()) && ends_word(start + word.len()) {
            return Some((start + word.len(), Token::Todo));
        }
    }
    if let Some(end) = format_end(bytes, start)
        && ends_word(end)
    {
        return Some((end, Token::Format));
    }
    if let Some(end) = x_end(bytes, start)
        && ends_word(end)
    {
        return Some((end, Token::Format));
    }
    unknown_end(bytes, start).map(|end| (end, Token::Unknown))
}

/// The end of a date or time format starting at `start`: fields of one
/// letter each (Y, M, D, H, S in either case, `YYYY`/`YY`, `MM`, `DD`,
/// `HH`, `mm`, `ss`) joined by `-`, `/`, `:` or `.` (and `T` between a date
/// and a time), optionally ending in `Z`. Two letter fields at least (or
/// one beside two fields of digits: `2026-11-DD`), or `YYYY` alone.
fn format_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    let mut letter_fields = 0;
    let mut fields = 0;
    let mut letters = 0;
    let mut long_field = false;
    let mut end = start;
    loop {
        let field_start = i;
        let Some(&first) = bytes.get(i) else {
            break;
        };
        if first.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - field_start > 4 {
                return None;
            }
        } else {
            let upper = first.to_ascii_uppercase();
            let max = match upper {
                b'Y' => 4,
                b'M' | b'D' | b'H' => 2,
                b'S' => 3,
                _ => break,
            };
            while i < bytes.len() && bytes[i].to_ascii_uppercase() == upper {
                i += 1;
            }
            let len = i - field_start;
            if len > max || (upper == b'Y' && len == 3) {
                return None;
            }
            letter_fields += 1;
            letters += len;
            long_field |= len >= 2;
        }
        fields += 1;
        end = i;
        match bytes.get(i) {
            Some(b'-' | b'/' | b':' | b'.') => i += 1,
            Some(b'T') if bytes.get(i + 1).is_some_and(|b| matches!(b, b'H' | b'h')) => i += 1,
            Some(b'Z') if fields >= 3 => {
                end = i + 1;
                break;
            }
            _ => break,
        }
    }
    // A field must follow a separator: `YYYY-` ends at `YYYY`.
    let glued = bytes.get(end).is_some_and(|b| is_word_byte(*b));
    if glued {
        return None;
    }
    let alone_year = fields == 1 && &bytes[start..end] == b"YYYY";
    let shaped = letter_fields >= 2 || (letter_fields == 1 && fields >= 3);
    (alone_year || (shaped && long_field && letters >= 2 && fields >= 2)).then_some(end)
}

/// The end of an X stand-in at `start`: `XXX` (three X or more, as in
/// `XXX users`, `INC-XXXX`), `XX:XX`, `X,XXX`.
fn x_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut end = start;
    let mut xs = 0;
    while end < bytes.len() && matches!(bytes[end], b'X' | b':' | b',' | b'.') {
        xs += usize::from(bytes[end] == b'X');
        end += 1;
    }
    while end > start && matches!(bytes[end - 1], b':' | b',' | b'.') {
        end -= 1;
    }
    let token = &bytes[start..end];
    let time = token == b"XX:XX" || token == b"XX:XX:XX";
    // `4111 XXXX XXXX 1234`, `DE89-XXXX-XXXX`: a number masked on purpose.
    let digit_beside = |at: Option<usize>| {
        at.and_then(|i| bytes.get(i))
            .is_some_and(|b| b.is_ascii_digit())
    };
    let masked = (start >= 2
        && matches!(bytes[start - 1], b' ' | b'-')
        && (digit_beside(Some(start - 2)) || bytes[start - 2] == b'X'))
        || (matches!(bytes.get(end), Some(b' ' | b'-')) && digit_beside(Some(end + 1)));
    if bytes[start] == b'X' && (xs >= 3 || time) && !masked {
        return Some(end);
    }
    // `about X hours`, `X% of requests`: a variable for a number.
    let unit_follows = |rest: &[u8]| {
        let word: Vec<u8> = rest
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .map(u8::to_ascii_lowercase)
            .collect();
        matches!(
            word.as_slice(),
            b"hours"
                | b"hour"
                | b"minutes"
                | b"minute"
                | b"mins"
                | b"seconds"
                | b"days"
                | b"weeks"
                | b"users"
                | b"customers"
                | b"requests"
                | b"orders"
                | b"times"
        )
    };
    // Not a name's letter: `Model X users`, `Project X days`.
    let prev_word = bytes[..start]
        .iter()
        .rev()
        .skip_while(|b| **b == b' ')
        .take_while(|b| b.is_ascii_alphabetic())
        .last();
    let after_name = prev_word.is_some_and(u8::is_ascii_uppercase);
    let single = token == b"X" && !after_name;
    let percent = single && bytes.get(end) == Some(&b'%');
    let unit = single && bytes.get(end) == Some(&b' ') && unit_follows(&bytes[end + 1..]);
    if percent {
        return Some(end + 1);
    }
    unit.then_some(end)
}

/// The end of a date or time with unknown digits at `start`: `2025-03-??`,
/// `09:??`, `??:??:??`, `03/??/2025`.
fn unknown_end(bytes: &[u8], start: usize) -> Option<usize> {
    // Only a token holding a `?` can be one: look before building it.
    // `x` stands for a digit too (`01:xx`), after a colon.
    let reach = bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'?' | b'x' | b'-' | b'/' | b':'))
        .count();
    let within = &bytes[start..start + reach];
    if !within.contains(&b'?') && !within.windows(3).any(|w| w == b":xx") {
        return None;
    }
    let mut i = start;
    let mut fields: Vec<(usize, bool)> = Vec::new(); // (length, has '?')
    let mut separators = Vec::new();
    loop {
        let field_start = i;
        let mut unknown = false;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || matches!(bytes[i], b'?' | b'x')) {
            unknown |= matches!(bytes[i], b'?' | b'x');
            i += 1;
        }
        if i == field_start {
            return None;
        }
        fields.push((i - field_start, unknown));
        match bytes.get(i) {
            Some(&sep @ (b'-' | b'/' | b':'))
                if bytes
                    .get(i + 1)
                    .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'?' | b'x')) =>
            {
                separators.push(sep);
                i += 1;
            }
            _ => break,
        }
    }
    if bytes.get(i).is_some_and(|b| is_word_byte(*b)) {
        return None;
    }
    if fields.len() < 2 || !fields.iter().any(|f| f.1) {
        return None;
    }
    let lengths: Vec<usize> = fields.iter().map(|f| f.0).collect();
    let time = separators.iter().all(|s| *s == b':')
        && lengths[0] <= 2
        && lengths[1..].iter().all(|l| *l == 2)
        && fields.len() <= 3;
    let date = separators.iter().all(|s| *s != b':')
        && fields.len() == 3
        && (lengths == [4, 2, 2] || (lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] >= 2));
    (time || date).then_some(i)
}

/// Whether `text` holds a date or time format (`[YYYY-MM-DD HH:MM]`).
pub fn has_format(text: &str) -> bool {
    tokens(text).iter().any(|(_, t)| *t == Token::Format)
}

/// Whether `text` holds a TODO word.
pub fn has_todo(text: &str) -> bool {
    tokens(text).iter().any(|(_, t)| *t == Token::Todo)
}

/// Whether `text` holds a real time or date: `09:14`, `3:02 PM`,
/// `2026-11-20`, `11-30`, `11/20/26`, `Mar 3, 2025`, `29/Jun/2022`.
pub fn has_time_or_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if !b.is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            continue;
        }
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let after = i + digits;
        let Some(&sep) = bytes.get(after) else {
            continue;
        };
        let next = bytes[after + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let time = sep == b':' && digits <= 2 && next == 2;
        // `2026-11-20`, `11-30`, `11/20/26`; with dots only three parts
        // (`20.11.2026`), since `1.2` is a version.
        let third = bytes.get(after + 1 + next).is_some_and(|b| *b == sep)
            && bytes.get(after + 2 + next).is_some_and(u8::is_ascii_digit);
        let date = matches!(sep, b'-' | b'/' | b'.')
            && (sep != b'.' || third)
            && ((digits == 4 && (1..=2).contains(&next))
                || ((1..=2).contains(&digits) && (1..=2).contains(&next)));
        if time || date {
            return true;
        }
    }
    let has_digit = bytes.iter().any(u8::is_ascii_digit);
    has_digit && text.split(|c: char| !c.is_alphabetic()).any(is_month)
}

/// Whether `word` is a month's name or its three-letter abbreviation
/// (`Sept` too), in any case.
fn is_month(word: &str) -> bool {
    word.eq_ignore_ascii_case("sept")
        || crate::document::dates::MONTHS.iter().any(|m| {
            m.eq_ignore_ascii_case(word) || (word.len() == 3 && m[..3].eq_ignore_ascii_case(word))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Token)> {
        tokens(text)
            .into_iter()
            .map(|(r, t)| (&text[r], t))
            .collect()
    }

    #[test]
    fn formats_in_any_case() {
        for format in [
            "YYYY-MM-DD",
            "yyyy-mm-dd",
            "HH:MM",
            "hh:mm",
            "HH:mm:ss",
            "DD/MM/YYYY",
            "MM/DD",
            "YYYY-MM-DDTHH:MM:SSZ",
            "2026-MM-DD",
            "YYYY",
            "$X",
            "$XX,XXX",
            "$N,NNN",
            "XX:XX",
            "XXX",
        ] {
            assert_eq!(found(format), [(format, Token::Format)], "{format}");
        }
        assert_eq!(
            found("due YYYY-MM-DD at HH:MM"),
            [("YYYY-MM-DD", Token::Format), ("HH:MM", Token::Format)]
        );
    }

    #[test]
    fn words_and_real_values_are_not_formats() {
        for text in [
            "HH:MMM and YYYYS are words, TODOS too",
            "comment summary address",
            "14:02 and 2026-11-22",
            "$12,400",
            "Ms. Smith from D.C.",
            "H.M.S. Victory",
            "yyyy alone",
            "mm dd hh",
            "what?? really??",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn unknown_digits_and_todo_words() {
        assert_eq!(found("2025-03-??"), [("2025-03-??", Token::Unknown)]);
        assert_eq!(found("at 09:?? UTC"), [("09:??", Token::Unknown)]);
        assert_eq!(found("??:??"), [("??:??", Token::Unknown)]);
        assert_eq!(found("~01:xx"), [("01:xx", Token::Unknown)]);
        assert_eq!(found("INC-XXXX"), [("XXXX", Token::Format)]);
        assert!(found("0x1f, XL, XX and 1x speed, Xmas, box:xxl").is_empty());
        assert_eq!(found("for about X hours"), [("X", Token::Format)]);
        assert!(found("card 4111 XXXX XXXX 1234 and IBAN DE89-XXXX-XXXX-00").is_empty());
        assert_eq!(found("X% of requests"), [("X%", Token::Format)]);
        assert!(found("Model X users and the X factor").is_empty());
        assert_eq!(
            found("TODO: TBD, TBC"),
            [
                ("TODO", Token::Todo),
                ("TBD", Token::Todo),
                ("TBC", Token::Todo)
            ]
        );
    }

    #[test]
    fn times_and_dates_are_recognised() {
        for text in [
            "09:14",
            "3:02 PM",
            "11-30 23:58",
            "2026-11-20 10:01:07",
            "Mar 3, 2025 at 9:41:10 PM",
            "11/20/26",
            "29/Jun/2022:03:28:53 +0000",
        ] {
            assert!(has_time_or_date(text), "{text}");
        }
        for text in ["Dana", "512/1024mb", "15m", "May we", "v1.2"] {
            assert!(!has_time_or_date(text), "{text}");
        }
    }
}
