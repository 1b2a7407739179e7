//! Parsing, and CPython's `SyntaxError`s.
//!
//! ruff's parser recovers from errors and reports them in its own words;
//! CPython stops at the first and words it differently. [`parse`] takes the
//! first error in source order and rewrites it into the message and position
//! CPython 3.11's tokenizer or PEG parser would give for the same text (the
//! cases are listed in `describe_parse_error`). Syntax that ruff accepts for
//! newer Pythons but 3.11 rejects (`unsupported_syntax_errors`) is reported
//! too. Errors found after parsing (scopes, `return` outside a function...)
//! are made with [`SyntaxError::at`].

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::{Mod, PythonVersion};
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType, ParseOptions, UnsupportedSyntaxErrorKind};
use ruff_text_size::{TextRange, TextSize};

use crate::source::SourceMap;
use crate::{Mode, SyntaxWarning};

/// The class of a syntax error, as CPython raises it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

/// A compile-time error with CPython's message and position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub message: String,
    pub filename: String,
    pub line: u32,
    /// 1-based column in characters, as CPython's `SyntaxError.offset`.
    pub offset: u32,
    pub end_line: u32,
    pub end_offset: u32,
    /// The source line, with its newline.
    pub text: Option<String>,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        };
        write!(f, "{kind}: {} ({}, line {})", self.message, self.filename, self.line)
    }
}

impl std::error::Error for SyntaxError {}

impl SyntaxError {
    /// An error covering `range` of the source.
    pub(crate) fn at(
        source: &SourceMap,
        filename: &str,
        kind: SyntaxErrorKind,
        message: impl Into<String>,
        range: TextRange,
    ) -> SyntaxError {
        let start = range.start().min(TextSize::from(source.len()));
        let end = range.end().min(TextSize::from(source.len())).max(start);
        let line = source.line_of(start);
        SyntaxError {
            kind,
            message: message.into(),
            filename: filename.to_string(),
            line,
            offset: source.char_column(start),
            end_line: source.line_of(end),
            end_offset: source.char_column(end),
            text: source.line_text(line),
        }
    }
}

/// The parsed source: a module, or the expression of `eval` mode.
pub(crate) type Ast = Mod;

/// Parse `source` as Python 3.11 or return the first `SyntaxError`.
pub(crate) fn parse(
    source: &str,
    map: &SourceMap,
    filename: &str,
    mode: Mode,
    warnings: &mut Vec<SyntaxWarning>,
) -> Result<Ast, SyntaxError> {
    if let Some(line) = crate::tabs::inconsistent_indentation(source) {
        return Err(SyntaxError {
            kind: SyntaxErrorKind::TabError,
            message: "inconsistent use of tabs and spaces in indentation".to_string(),
            filename: filename.to_string(),
            line,
            offset: 1,
            end_line: line,
            end_offset: 0,
            text: map.line_text(line),
        });
    }
    let parse_mode = match mode {
        Mode::Eval => ruff_python_parser::Mode::Expression,
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
    };
    let options = ParseOptions::from(parse_mode).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let first_parse_error = parsed.errors().iter().min_by_key(|error| error.location.start());
    let first_unsupported = parsed
        .unsupported_syntax_errors()
        .iter()
        .filter(|error| is_error_in_311(error.kind))
        .min_by_key(|error| error.range.start());
    match (first_parse_error, first_unsupported) {
        (Some(error), unsupported) => {
            if let Some(tokenizer_error) = tokenizer_error_first(map, filename, error) {
                return Err(tokenizer_error);
            }
            if let Some(unsupported) = unsupported {
                if unsupported.range.start() < error.location.start() {
                    return Err(describe_unsupported(map, filename, unsupported.kind, unsupported.range));
                }
            }
            Err(describe_parse_error(map, filename, error))
        }
        (None, Some(unsupported)) => Err(describe_unsupported(map, filename, unsupported.kind, unsupported.range)),
        (None, None) => {
            // A number running into a keyword parses, with the tokenizer's
            // warning; only a digit followed by a letter can be one.
            let bytes = source.as_bytes();
            if bytes.windows(2).any(|pair| pair[0].is_ascii_digit() && pair[1].is_ascii_alphabetic()) {
                let (_, tokenizer_warnings) = crate::tokenize::scan(map, filename);
                warnings.extend(tokenizer_warnings.into_iter().map(|(line, message)| SyntaxWarning {
                    message,
                    filename: filename.to_string(),
                    line,
                }));
            }
            Ok(parsed.into_syntax())
        }
    }
}

/// The error CPython reports instead of the parser's when its tokenizer
/// fails (see [`crate::tokenize`]): a tokenizer error before the parser's
/// error, or anywhere after it once the parser has failed with the
/// tokenizer still healthy; or "'(' was never closed" when the parser ran
/// into the end of the file inside a bracket, or failed on a line after the
/// one where the innermost open bracket was opened.
fn tokenizer_error_first(map: &SourceMap, filename: &str, error: &ParseError) -> Option<SyntaxError> {
    use crate::tokenize::{scan, ScanOutcome};
    let error_start = u32::from(error.location.start());
    // Errors CPython's tokenizer reports through its state rather than by
    // raising: after them it tokenizes no further.
    let tokenizer_state_error = matches!(
        error.error,
        ParseErrorType::UnexpectedIndentation
            | ParseErrorType::Lexical(LexicalErrorType::IndentationError | LexicalErrorType::LineContinuationError)
    );
    match scan(map, filename).0 {
        ScanOutcome::Error(tokenizer_error) => {
            let tokenizer_offset = map.line_start(tokenizer_error.line) + tokenizer_error.offset.saturating_sub(1);
            let first = tokenizer_error.line < map.line_of(error.location.start())
                || tokenizer_offset <= error_start
                || !tokenizer_state_error;
            first.then_some(tokenizer_error)
        }
        ScanOutcome::Stopped | ScanOutcome::End(None) => None,
        ScanOutcome::End(Some(open)) => {
            if tokenizer_state_error {
                return None;
            }
            let at_end = map.text[(error_start as usize).min(map.text.len())..]
                .lines()
                .all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'));
            let error_line = map.line_of(error.location.start());
            (at_end || error_line > open.line).then(|| {
                let column = map.char_column(TextSize::from(open.offset));
                SyntaxError {
                    kind: SyntaxErrorKind::SyntaxError,
                    message: format!("'{}' was never closed", open.bracket),
                    filename: filename.to_string(),
                    line: open.line,
                    offset: column,
                    end_line: open.line,
                    end_offset: 0,
                    text: map.line_text(open.line),
                }
            })
        }
    }
}

fn is_error_in_311(kind: UnsupportedSyntaxErrorKind) -> bool {
    !matches!(kind, UnsupportedSyntaxErrorKind::ParenthesizedKeywordArgumentName)
}

fn describe_unsupported(
    map: &SourceMap,
    filename: &str,
    kind: UnsupportedSyntaxErrorKind,
    range: TextRange,
) -> SyntaxError {
    use UnsupportedSyntaxErrorKind as K;
    let message = match kind {
        K::Pep701FString(kind) => match format!("{kind:?}").as_str() {
            "Backslash" => "f-string expression part cannot include a backslash",
            "Comment" => "f-string expression part cannot include '#'",
            _ => "f-string: expecting '}'",
        },
        K::TypeParameterList | K::TypeAliasStatement | K::TypeParamDefault => "invalid syntax",
        K::UnparenthesizedExceptionTypes => "multiple exception types must be parenthesized",
        K::UnpackingInComprehension(kind) if format!("{kind:?}") == "DictInDict" => {
            "dict unpacking cannot be used in dict comprehension"
        }
        K::UnpackingInComprehension(_) => "iterable unpacking cannot be used in comprehension",
        K::TemplateStrings => "invalid syntax",
        _ => "invalid syntax",
    };
    SyntaxError::at(map, filename, SyntaxErrorKind::SyntaxError, message, range)
}

/// The keyword of the compound statement whose header ends just before
/// `offset` (for "expected an indented block after ..."), with its line.
fn enclosing_header(map: &SourceMap, offset: TextSize) -> Option<(String, u32)> {
    let mut line = map.line_of(offset);
    while line > 1 {
        line -= 1;
        let text = map.line_text(line)?;
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let words: Vec<&str> =
            trimmed.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '*')).filter(|w| !w.is_empty()).collect();
        let mut first = *words.first()?;
        if first == "async" {
            first = words.get(1).copied().unwrap_or("");
        }
        if first == "except" && trimmed.trim_start_matches("except").trim_start().starts_with('*') {
            first = "except*";
        }
        let what = match first {
            "def" => "function definition".to_string(),
            "class" => "class definition".to_string(),
            "if" | "elif" | "else" | "while" | "for" | "with" | "try" | "except" | "except*" | "finally" | "match"
            | "case" => format!("'{first}' statement"),
            _ => return None,
        };
        return Some((what, line));
    }
    None
}

fn token_text(kind: TokenKind) -> Option<&'static str> {
    Some(match kind {
        TokenKind::Colon => ":",
        TokenKind::Rpar => ")",
        TokenKind::Rsqb => "]",
        TokenKind::Rbrace => "}",
        TokenKind::Lpar => "(",
        TokenKind::Equal => "=",
        TokenKind::In => "in",
        TokenKind::Import => "import",
        _ => return None,
    })
}

/// Rewrite one of ruff's parse errors as CPython 3.11 reports it.
fn describe_parse_error(map: &SourceMap, filename: &str, error: &ParseError) -> SyntaxError {
    use SyntaxErrorKind::{IndentationError, SyntaxError as Plain};
    let range = error.location;
    let text = map.text;
    let start = u32::from(range.start()) as usize;
    let at = |kind, message: String, range: TextRange| {
        // At a NEWLINE token CPython's error is a point, not the newline.
        let covered = text.get(u32::from(range.start()) as usize..u32::from(range.end()) as usize);
        let range = if matches!(covered, Some("\n" | "\r\n")) { TextRange::empty(range.start()) } else { range };
        SyntaxError::at(map, filename, kind, message, range)
    };

    // The tokenizer's errors come first in CPython, whatever the parser saw.
    match &error.error {
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError)
        | ParseErrorType::Lexical(LexicalErrorType::Eof)
            if starts_string(text, start) =>
        {
            let triple = is_triple_quoted(text, start);
            let detected = if triple { last_line(map) } else { map.line_of(range.start()) };
            let what = if triple { "unterminated triple-quoted string literal" } else { "unterminated string literal" };
            return at(Plain, format!("{what} (detected at line {detected})"), range);
        }
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            let line = map.line_of(range.start());
            if inconsistent_tabs(map, line) {
                let message = "inconsistent use of tabs and spaces in indentation";
                return at(SyntaxErrorKind::TabError, message.into(), line_start_range(map, line));
            }
            let text = map.line_text(line).unwrap_or_default();
            let end = map.line_start(line) + text.trim_end_matches(['\n', '\r']).len() as u32;
            let message = "unindent does not match any outer indentation level";
            return at(IndentationError, message.into(), TextRange::empty(TextSize::from(end)));
        }
        _ => {}
    }
    // `print "x"`: the Python 2 statement.
    let line_text = map.line_text(map.line_of(range.start())).unwrap_or_default();
    let line_start = map.line_start(map.line_of(range.start())) as usize;
    let stripped = line_text.trim_start();
    if let Some(rest) = stripped.strip_prefix("print") {
        let print_at = line_start + (line_text.len() - stripped.len());
        if rest.starts_with([' ', '\t']) && !rest.trim_start().starts_with(['(', '=', '.', '[']) && start > print_at {
            let range = TextRange::new(
                TextSize::from(print_at as u32),
                TextSize::from((line_start + line_text.trim_end().len()) as u32),
            );
            return at(Plain, "Missing parentheses in call to 'print'. Did you mean print(...)?".into(), range);
        }
    }
    let message = match &error.error {
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found: TokenKind::Equal } => {
            let start = previous_token_start(text, start) as u32;
            let range = TextRange::new(TextSize::from(start), range.end());
            return at(Plain, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into(), range);
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Else, .. } => {
            let before = &text[line_start..start.max(line_start)];
            if let Some(if_at) = before.rfind(" if ") {
                let body_start = previous_token_start(text, line_start + if_at) as u32;
                let range = TextRange::new(TextSize::from(body_start), range.end());
                return at(Plain, "expected 'else' after 'if' expression".into(), range);
            }
            "invalid syntax".into()
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => "Generator expression must be parenthesized".into(),
        ParseErrorType::UnexpectedIndentation => {
            let line = map.line_of(range.start());
            if inconsistent_tabs(map, line) {
                let message = "inconsistent use of tabs and spaces in indentation";
                return at(SyntaxErrorKind::TabError, message.into(), line_start_range(map, line));
            }
            let text = map.line_text(line).unwrap_or_default();
            let indent = text.len() - text.trim_start_matches([' ', '\t', '\x0c']).len();
            let at_offset = map.line_start(line) + indent.saturating_sub(1) as u32;
            return at(IndentationError, "unexpected indent".into(), TextRange::empty(TextSize::from(at_offset)));
        }
        ParseErrorType::OtherError(message) if message.starts_with("Expected an indented block") => {
            let message = match enclosing_header(map, range.start()) {
                Some((what, line)) => {
                    format!("expected an indented block after {what} on line {line}")
                }
                None => "expected an indented block".to_string(),
            };
            return at(IndentationError, message, range);
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Indent, .. } => {
            let message = match enclosing_header(map, range.start()) {
                Some((what, line)) => {
                    format!("expected an indented block after {what} on line {line}")
                }
                None => "expected an indented block".to_string(),
            };
            return at(IndentationError, message, range);
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, .. } => "expected ':'".to_string(),
        ParseErrorType::ExpectedToken { expected: TokenKind::Comma, found }
            if !matches!(found, TokenKind::Newline | TokenKind::EndOfFile) =>
        {
            let start = previous_token_start(text, start) as u32;
            let range = TextRange::new(TextSize::from(start), range.end());
            return at(Plain, "invalid syntax. Perhaps you forgot a comma?".into(), range);
        }
        ParseErrorType::ExpectedToken { expected, .. } => match token_text(*expected) {
            Some(token) if *expected == TokenKind::Import || *expected == TokenKind::In => {
                let _ = token;
                "invalid syntax".to_string()
            }
            _ => "invalid syntax".to_string(),
        },
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget => {
            let what = describe_target(&text[start..u32::from(range.end()) as usize]);
            match &error.error {
                ParseErrorType::InvalidDeleteTarget => format!("cannot delete {what}"),
                ParseErrorType::InvalidAugmentedAssignmentTarget => {
                    format!("'{what}' is an illegal expression for augmented assignment")
                }
                ParseErrorType::InvalidAnnotatedAssignmentTarget => "illegal target for annotation".to_string(),
                ParseErrorType::InvalidNamedAssignmentTarget => {
                    format!("cannot use assignment expressions with {what}")
                }
                _ => {
                    if what == "literal" || what == "function call" || what == "expression" {
                        format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
                    } else {
                        format!("cannot assign to {what}")
                    }
                }
            }
        }
        ParseErrorType::PositionalAfterKeywordArgument => "positional argument follows keyword argument".into(),
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            "positional argument follows keyword argument unpacking".into()
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            "iterable argument unpacking follows keyword argument unpacking".into()
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => "non-default argument follows default argument".into(),
        ParseErrorType::VarParameterWithDefault => "var-positional argument cannot have default value".into(),
        ParseErrorType::ExpectedKeywordParam => "named arguments must follow bare *".into(),
        ParseErrorType::ParamAfterVarKeywordParam => "arguments cannot follow var-keyword argument".into(),
        ParseErrorType::InvalidStarredExpressionUsage => "invalid syntax".into(),
        ParseErrorType::FStringError(inner) | ParseErrorType::Lexical(LexicalErrorType::FStringError(inner)) => {
            use ruff_python_parser::InterpolatedStringErrorType as F;
            match inner {
                F::UnclosedLbrace => "f-string: expecting '}'".into(),
                F::SingleRbrace => "f-string: single '}' is not allowed".into(),
                F::InvalidConversionFlag => "f-string: invalid conversion character: expected 's', 'r', or 'a'".into(),
                F::UnterminatedString => {
                    format!("unterminated string literal (detected at line {})", map.line_of(range.start()))
                }
                F::UnterminatedTripleQuotedString => {
                    format!("unterminated triple-quoted string literal (detected at line {})", last_line(map))
                }
                F::LambdaWithoutParentheses => {
                    "f-string: lambda expressions are not allowed without parentheses".into()
                }
                _ => "f-string: invalid syntax".into(),
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) => {
            if *tok == '$' || *tok == '?' || *tok == '`' || *tok == '!' {
                "invalid syntax".into()
            } else {
                format!("invalid character '{tok}' (U+{:04X})", *tok as u32)
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::LineContinuationError) => {
            "unexpected character after line continuation character".into()
        }
        ParseErrorType::Lexical(LexicalErrorType::Eof) => "unexpected EOF while parsing".into(),
        ParseErrorType::Lexical(LexicalErrorType::InvalidByteLiteral) => {
            "bytes can only contain ASCII literal characters".into()
        }
        ParseErrorType::Lexical(LexicalErrorType::OtherError(message)) => message.to_string(),
        ParseErrorType::OtherError(message) if message.starts_with("Expected") => "invalid syntax".into(),
        ParseErrorType::OtherError(message) => message.clone(),
        ParseErrorType::EmptySlice
        | ParseErrorType::ExpectedExpression
        | ParseErrorType::SimpleStatementsOnSameLine
        | ParseErrorType::SimpleAndCompoundStatementOnSameLine => "invalid syntax".into(),
        ParseErrorType::InvalidMatchPatternTarget => "cannot use '_' as a target".into(),
        _ => "invalid syntax".into(),
    };
    at(Plain, message, range)
}

fn starts_string(text: &str, start: usize) -> bool {
    let rest = &text[start.min(text.len())..];
    let rest = rest.trim_start_matches(|c: char| "rRbBuUfF".contains(c));
    rest.starts_with('\'') || rest.starts_with('"')
}

fn is_triple_quoted(text: &str, start: usize) -> bool {
    let rest = text[start.min(text.len())..].trim_start_matches(|c: char| "rRbBuUfF".contains(c));
    rest.starts_with("'''") || rest.starts_with("\"\"\"")
}

/// CPython's name for an expression that cannot be a target.
fn describe_target(text: &str) -> &'static str {
    let t = text.trim();
    let first = t.chars().next().unwrap_or(' ');
    if t == "None" || t == "True" || t == "False" || t == "..." {
        return if t == "..." { "ellipsis" } else { "literal" };
    }
    if first.is_ascii_digit()
        || first == '"'
        || first == '\''
        || (first == '-' && t[1..].trim_start().starts_with(|c: char| c.is_ascii_digit()))
    {
        return "literal";
    }
    if t.starts_with("lambda") {
        return "lambda";
    }
    if t.starts_with("f\"") || t.starts_with("f'") {
        return "f-string expression";
    }
    if t.ends_with(')') && !t.starts_with('(') {
        return "function call";
    }
    if t.starts_with('{') {
        return if t.contains(':') { "dict literal" } else { "set display" };
    }
    if t.contains(" if ") && t.contains(" else ") {
        return "conditional expression";
    }
    if t.contains(" and ") || t.contains(" or ") {
        return "expression";
    }
    if t.contains("==") || t.contains('<') || t.contains('>') || t.contains("!=") {
        return "comparison";
    }
    "expression"
}

/// The last line of the source (a final newline does not start a new one).
fn last_line(map: &SourceMap) -> u32 {
    let len = map.len();
    if len > 0 && map.text.ends_with('\n') {
        map.line_of(TextSize::from(len - 1))
    } else {
        map.line_of(TextSize::from(len))
    }
}

fn line_start_range(map: &SourceMap, line: u32) -> TextRange {
    TextRange::empty(TextSize::from(map.line_start(line)))
}

fn indentation(text: &str) -> &str {
    &text[..text.len() - text.trim_start_matches([' ', '\t']).len()]
}

/// A line indented with tabs where the previous line used spaces, or the
/// other way round, which CPython's tokenizer refuses to compare.
fn inconsistent_tabs(map: &SourceMap, line: u32) -> bool {
    let Some(current) = map.line_text(line) else {
        return false;
    };
    let mut previous_line = line;
    while previous_line > 1 {
        previous_line -= 1;
        let Some(previous) = map.line_text(previous_line) else {
            return false;
        };
        if previous.trim().is_empty() || previous.trim_start().starts_with('#') {
            continue;
        }
        let a = indentation(&current);
        let b = indentation(&previous);
        let tabs_then_spaces = a.contains('\t') && b.contains(' ') && !b.contains('\t');
        let spaces_then_tabs = b.contains('\t') && a.contains(' ') && !a.contains('\t');
        return tabs_then_spaces || spaces_then_tabs;
    }
    false
}

/// The start of the token before `offset` (for "Perhaps you forgot a comma?").
fn previous_token_start(text: &str, offset: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = offset.min(bytes.len());
    while i > 0 && bytes[i - 1] == b' ' {
        i -= 1;
    }
    let end = i;
    if i > 0 && matches!(bytes[i - 1], b'\'' | b'"') {
        let quote = bytes[i - 1];
        i -= 1;
        while i > 0 && bytes[i - 1] != quote {
            i -= 1;
        }
        return i.saturating_sub(1);
    }
    while i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_' || bytes[i - 1] == b'.') {
        i -= 1;
    }
    if i == end {
        end
    } else {
        i
    }
}
