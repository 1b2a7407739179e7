//! The errors of CPython's tokenizer, found by a second, independent scan.
//!
//! CPython's tokenizer runs ahead of its parser, and when the parser fails,
//! `_PyPegen_tokenize_full_source_to_check_for_errors` tokenizes the rest of
//! the file: an error the tokenizer raises anywhere (an invalid number
//! literal, an unterminated string, an unmatched bracket, an invalid
//! character) replaces the parser's error. ruff's lexer reports these in
//! its own way, or not at all (`1abc` is two tokens to it), so when ruff
//! finds any error, [`scan`] walks the source as CPython 3.11's `tok_get`
//! does, enough to find the first such error with the message and position
//! CPython gives it, or the brackets still open at the end of the file (for
//! "'(' was never closed").
//!
//! The number rules transcribe `tok_get`'s number section,
//! `tok_decimal_tail` and `verify_end_of_number` (Parser/tokenizer.c).
//! Positions follow `_syntaxerror_range`: the offset counts the characters
//! from the start of the line to the tokenizer's cursor, and the end offset
//! equals it.

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::source::SourceMap;
use ruff_text_size::TextSize;

/// CPython's `MAXLEVEL`: brackets nest at most this deep.
const MAX_BRACKET_DEPTH: usize = 200;

/// A bracket the tokenizer has seen open.
#[derive(Clone, Copy, Debug)]
pub(crate) struct OpenBracket {
    pub bracket: char,
    pub offset: u32,
    pub line: u32,
}

/// How the scan ended.
pub(crate) enum ScanOutcome {
    /// An error the tokenizer raises as a `SyntaxError` exception.
    Error(SyntaxError),
    /// An error the tokenizer reports only through its state (a stray
    /// character after `\`): the parser's error stands.
    Stopped,
    /// The end of the source, with the innermost bracket left open.
    End(Option<OpenBracket>),
}

/// Tokenize all of `map`'s text, stopping at the first tokenizer error.
/// Also returns the tokenizer's warnings before that point, as (line,
/// message): a number running into a keyword (`1if x else y`) is a
/// `SyntaxWarning` "invalid decimal literal".
pub(crate) fn scan(map: &SourceMap, filename: &str) -> (ScanOutcome, Vec<(u32, String)>) {
    let mut scanner =
        Scanner { map, filename, bytes: map.text.as_bytes(), pos: 0, token_start: 0, warnings: Vec::new() };
    let outcome = match scanner.run() {
        Ok(outcome) => outcome,
        Err(error) => ScanOutcome::Error(error),
    };
    (outcome, scanner.warnings)
}

struct Scanner<'a, 'src> {
    map: &'a SourceMap<'src>,
    filename: &'a str,
    bytes: &'a [u8],
    /// The cursor (`tok->cur`); may pass the end by one, where the source
    /// reads as the newline CPython appends.
    pos: usize,
    /// Where the current token starts (`tok->start`).
    token_start: usize,
    warnings: Vec<(u32, String)>,
}

fn is_identifier_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 128
}

fn is_identifier_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

impl Scanner<'_, '_> {
    /// `tok_nextc`: the next byte, a newline past the end.
    fn next(&mut self) -> u8 {
        let c = self.bytes.get(self.pos).copied().unwrap_or(b'\n');
        self.pos += 1;
        c
    }

    /// `tok_backup`.
    fn backup(&mut self) {
        self.pos -= 1;
    }

    fn peek_at(&self, index: usize) -> u8 {
        self.bytes.get(index).copied().unwrap_or(b'\n')
    }

    /// An error at the cursor, as `syntaxerror()` reports it.
    fn error(&self, message: impl Into<String>) -> SyntaxError {
        let line = self.map.line_of(TextSize::from(self.token_start as u32));
        let line_start = self.map.line_start(line) as usize;
        let cursor = self.pos.min(self.bytes.len()).max(line_start);
        let column = self.map.text.get(line_start..cursor).map_or(0, |text| text.chars().count()) as u32;
        self.error_range(message, line, column, column)
    }

    fn error_range(&self, message: impl Into<String>, line: u32, offset: u32, end_offset: u32) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            message: message.into(),
            filename: self.filename.to_string(),
            line,
            offset,
            end_line: line,
            end_offset,
            text: self.map.line_text(line),
        }
    }

    fn run(&mut self) -> Result<ScanOutcome, SyntaxError> {
        let mut brackets: Vec<OpenBracket> = Vec::new();
        while self.pos < self.bytes.len() {
            self.token_start = self.pos;
            let c = self.next();
            match c {
                b' ' | b'\t' | b'\x0c' | b'\n' | b'\r' => {}
                b'#' => {
                    while self.pos < self.bytes.len() && !matches!(self.bytes[self.pos], b'\n' | b'\r') {
                        self.pos += 1;
                    }
                }
                b'\\' => {
                    let next = self.next();
                    if next == b'\r' && self.peek_at(self.pos) == b'\n' {
                        self.pos += 1;
                    } else if next != b'\n' && next != b'\r' {
                        return Ok(ScanOutcome::Stopped);
                    }
                }
                b'\'' | b'"' => self.string(c)?,
                b'0'..=b'9' => self.number(c)?,
                b'.' if self.peek_at(self.pos).is_ascii_digit() => {
                    let c = self.next();
                    self.fraction(c)?;
                }
                b'(' | b'[' | b'{' => {
                    if brackets.len() >= MAX_BRACKET_DEPTH {
                        return Err(self.error("too many nested parentheses"));
                    }
                    let offset = self.token_start as u32;
                    brackets.push(OpenBracket {
                        bracket: c as char,
                        offset,
                        line: self.map.line_of(TextSize::from(offset)),
                    });
                }
                b')' | b']' | b'}' => {
                    let Some(open) = brackets.pop() else {
                        return Err(self.error(format!("unmatched '{}'", c as char)));
                    };
                    let expected = match open.bracket {
                        '(' => b')',
                        '[' => b']',
                        _ => b'}',
                    };
                    if c != expected {
                        let line = self.map.line_of(TextSize::from(self.token_start as u32));
                        let on_line = if open.line != line { format!(" on line {}", open.line) } else { String::new() };
                        return Err(self.error(format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'{on_line}",
                            c as char, open.bracket
                        )));
                    }
                }
                c if is_identifier_start(c) => self.identifier()?,
                c if (c < 0x20 || c == 0x7f) && c != 0 => {
                    return Err(self.error(format!("invalid non-printable character U+{c:04X}")));
                }
                _ => {}
            }
        }
        Ok(ScanOutcome::End(brackets.last().copied()))
    }

    /// A name, or the prefix of a string; checks that a name is made of
    /// identifier characters (`verify_identifier`).
    fn identifier(&mut self) -> Result<(), SyntaxError> {
        while self.pos < self.bytes.len() && is_identifier_char(self.bytes[self.pos]) {
            self.pos += 1;
        }
        let name = &self.map.text[self.token_start..self.pos];
        let quote = self.peek_at(self.pos);
        if (quote == b'\'' || quote == b'"') && is_string_prefix(name) {
            self.pos += 1;
            return self.string(quote);
        }
        if name.is_ascii() {
            return Ok(());
        }
        let invalid = name
            .char_indices()
            .enumerate()
            .find(|&(i, (_, c))| {
                if i == 0 {
                    !(c == '_' || unicode_ident::is_xid_start(c))
                } else {
                    !unicode_ident::is_xid_continue(c)
                }
            })
            .map(|(_, found)| found);
        if let Some((index, c)) = invalid {
            self.pos = self.token_start + index + c.len_utf8();
            return Err(self.error(format!("invalid character '{c}' (U+{:04X})", c as u32)));
        }
        Ok(())
    }

    /// A string whose opening quote was just read.
    fn string(&mut self, quote: u8) -> Result<(), SyntaxError> {
        let mut quote_size = 1;
        if self.peek_at(self.pos) == quote && self.pos < self.bytes.len() {
            if self.peek_at(self.pos + 1) == quote && self.pos + 1 < self.bytes.len() {
                self.pos += 2;
                quote_size = 3;
            } else {
                self.pos += 1;
                return Ok(());
            }
        }
        let mut end_quotes = 0;
        while end_quotes < quote_size {
            if self.pos >= self.bytes.len() {
                return Err(self.unterminated(quote_size, self.map.len()));
            }
            let c = self.next();
            if quote_size == 1 && (c == b'\n' || c == b'\r') {
                return Err(self.unterminated(quote_size, self.pos as u32 - 1));
            }
            if c == quote {
                end_quotes += 1;
            } else {
                end_quotes = 0;
                if c == b'\\' && self.pos < self.bytes.len() {
                    let escaped = self.next();
                    if escaped == b'\r' && self.peek_at(self.pos) == b'\n' {
                        self.pos += 1;
                    }
                }
            }
        }
        Ok(())
    }

    /// "unterminated string literal", reported at the string's start.
    fn unterminated(&self, quote_size: usize, detected_at: u32) -> SyntaxError {
        let start = TextSize::from(self.token_start as u32);
        let line = self.map.line_of(start);
        let column = self.map.char_column(start);
        let message = if quote_size == 3 {
            let detected = self.map.line_of(TextSize::from(detected_at.min(self.map.len())));
            let detected = if self.map.text.ends_with('\n') && detected_at >= self.map.len() {
                detected.saturating_sub(1).max(line)
            } else {
                detected
            };
            format!("unterminated triple-quoted string literal (detected at line {detected})")
        } else {
            let detected = self.map.line_of(TextSize::from(detected_at.min(self.map.len())));
            format!("unterminated string literal (detected at line {detected})")
        };
        self.error_range(message, line, column, column)
    }

    /// A number whose first digit `c` was just read.
    fn number(&mut self, first: u8) -> Result<(), SyntaxError> {
        if first != b'0' {
            let c = self.decimal_tail()?;
            if c == b'.' {
                let c = self.next();
                return self.fraction(c);
            }
            return self.exponent_or_end(c);
        }
        let mut c = self.next();
        match c {
            b'x' | b'X' => {
                c = self.next();
                loop {
                    if c == b'_' {
                        c = self.next();
                    }
                    if !c.is_ascii_hexdigit() {
                        self.backup();
                        return Err(self.error("invalid hexadecimal literal"));
                    }
                    loop {
                        c = self.next();
                        if !c.is_ascii_hexdigit() {
                            break;
                        }
                    }
                    if c != b'_' {
                        break;
                    }
                }
                self.verify_end_of_number(c, "hexadecimal")?;
            }
            b'o' | b'O' | b'b' | b'B' => {
                let (kind, limit) = if c == b'o' || c == b'O' { ("octal", b'8') } else { ("binary", b'2') };
                c = self.next();
                loop {
                    if c == b'_' {
                        c = self.next();
                    }
                    if !(b'0'..limit).contains(&c) {
                        if c.is_ascii_digit() {
                            return Err(self.error(format!("invalid digit '{}' in {kind} literal", c as char)));
                        }
                        self.backup();
                        return Err(self.error(format!("invalid {kind} literal")));
                    }
                    loop {
                        c = self.next();
                        if !(b'0'..limit).contains(&c) {
                            break;
                        }
                    }
                    if c != b'_' {
                        break;
                    }
                }
                if c.is_ascii_digit() {
                    return Err(self.error(format!("invalid digit '{}' in {kind} literal", c as char)));
                }
                self.verify_end_of_number(c, kind)?;
            }
            _ => {
                // Zeros, maybe followed by an old-style octal literal.
                loop {
                    if c == b'_' {
                        c = self.next();
                        if !c.is_ascii_digit() {
                            self.backup();
                            return Err(self.error("invalid decimal literal"));
                        }
                    }
                    if c != b'0' {
                        break;
                    }
                    c = self.next();
                }
                let zeros_end = self.pos;
                let nonzero = c.is_ascii_digit();
                if nonzero {
                    c = self.decimal_tail()?;
                }
                match c {
                    b'.' => {
                        let c = self.next();
                        return self.fraction(c);
                    }
                    b'e' | b'E' => return self.exponent(c),
                    b'j' | b'J' => return self.imaginary(),
                    _ if nonzero => {
                        self.backup();
                        let line = self.map.line_of(TextSize::from(self.token_start as u32));
                        let line_start = self.map.line_start(line) as usize;
                        return Err(self.error_range(
                            "leading zeros in decimal integer literals are not permitted; \
                             use an 0o prefix for octal integers",
                            line,
                            (self.token_start + 1 - line_start) as u32,
                            (zeros_end - line_start) as u32,
                        ));
                    }
                    _ => self.verify_end_of_number(c, "decimal")?,
                }
            }
        }
        self.backup();
        Ok(())
    }

    /// `tok_decimal_tail`: digits with single underscores between them,
    /// after a first digit; returns the character after them.
    fn decimal_tail(&mut self) -> Result<u8, SyntaxError> {
        loop {
            let mut c = self.next();
            while c.is_ascii_digit() {
                c = self.next();
            }
            if c != b'_' {
                return Ok(c);
            }
            c = self.next();
            if !c.is_ascii_digit() {
                self.backup();
                return Err(self.error("invalid decimal literal"));
            }
        }
    }

    /// After the `.` of a float, `c` being the character after it.
    fn fraction(&mut self, mut c: u8) -> Result<(), SyntaxError> {
        if c.is_ascii_digit() {
            c = self.decimal_tail()?;
        }
        self.exponent_or_end(c)
    }

    fn exponent_or_end(&mut self, c: u8) -> Result<(), SyntaxError> {
        match c {
            b'e' | b'E' => self.exponent(c),
            b'j' | b'J' => self.imaginary(),
            _ => {
                self.verify_end_of_number(c, "decimal")?;
                self.backup();
                Ok(())
            }
        }
    }

    fn exponent(&mut self, e: u8) -> Result<(), SyntaxError> {
        let mut c = self.next();
        if c == b'+' || c == b'-' {
            c = self.next();
            if !c.is_ascii_digit() {
                self.backup();
                return Err(self.error("invalid decimal literal"));
            }
        } else if !c.is_ascii_digit() {
            self.backup();
            self.verify_end_of_number(e, "decimal")?;
            self.backup();
            return Ok(());
        }
        let c = self.decimal_tail()?;
        if c == b'j' || c == b'J' {
            return self.imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup();
        Ok(())
    }

    fn imaginary(&mut self) -> Result<(), SyntaxError> {
        let c = self.next();
        self.verify_end_of_number(c, "imaginary")?;
        self.backup();
        Ok(())
    }

    /// `verify_end_of_number`: a number may run straight into the keywords
    /// that can follow one (`1if x else y`, a DeprecationWarning), but not
    /// into any other name. `c` was just read.
    fn verify_end_of_number(&mut self, c: u8, kind: &str) -> Result<(), SyntaxError> {
        let rest = &self.bytes[self.pos.min(self.bytes.len())..];
        let keyword_follows =
            |tail: &[u8]| rest.starts_with(tail) && !is_identifier_char(rest.get(tail.len()).copied().unwrap_or(b'\n'));
        let allowed = match c {
            b'a' => keyword_follows(b"nd"),
            b'e' => keyword_follows(b"lse"),
            b'f' => keyword_follows(b"or"),
            b'i' => matches!(rest.first(), Some(b'f' | b'n' | b's')),
            b'o' => keyword_follows(b"r"),
            b'n' => keyword_follows(b"ot"),
            _ => false,
        };
        if allowed {
            let line = self.map.line_of(TextSize::from(self.token_start as u32));
            self.warnings.push((line, format!("invalid {kind} literal")));
        } else if is_identifier_char(c) {
            self.backup();
            return Err(self.error(format!("invalid {kind} literal")));
        }
        Ok(())
    }
}

fn is_string_prefix(name: &str) -> bool {
    matches!(name.to_ascii_lowercase().as_str(), "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf")
}
