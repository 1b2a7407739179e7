//! Comparing one program's observed behaviour with what CPython 3.11 did.
//!
//! The expected behaviour of `tests/programs/<area>/<name>.py` is recorded by
//! `tests/generate-expected` in two files next to it:
//!
//! * `<name>.out` — the exact bytes CPython wrote to stdout;
//! * `<name>.status` — line 1 the exit status, line 2 the last line of stderr
//!   (empty when stderr was empty).
//!
//! Three things are compared, in this order, and the first difference is the
//! one reported: stdout byte for byte (reported by line, since that is what a
//! person reads), the exit status, and the last stderr line. Only the last
//! stderr line is compared because the rest of a traceback contains paths
//! and source excerpts that legitimately differ; the last line carries the
//! exception type and message (`ZeroDivisionError: division by zero`), which
//! must match CPython exactly.
//!
//! A process killed by a signal has no exit status; that is always a failure
//! (CPython never dies by signal on these programs), reported as a crash.

use std::fmt;

/// What CPython did, parsed from `<name>.out` and `<name>.status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub stdout: Vec<u8>,
    pub exit_code: i32,
    pub stderr_last_line: String,
}

/// How the program under test ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Termination {
    Exited(i32),
    Signaled(i32),
    TimedOut,
}

/// What krait did.
#[derive(Debug, Clone)]
pub struct Observed {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub termination: Termination,
}

/// The first way in which the observed run differs from the expected one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    TimedOut { secs: u64 },
    Signaled { signal: i32 },
    Stdout { line: usize, expected: String, got: String },
    ExitStatus { expected: i32, got: i32 },
    Stderr { expected: String, got: String },
}

/// Longest excerpt of a line shown in a failure message.
const EXCERPT_CHARS: usize = 120;

fn excerpt(text: &str) -> String {
    let mut shown: String = text.chars().take(EXCERPT_CHARS).collect();
    if text.chars().count() > EXCERPT_CHARS {
        shown.push('…');
    }
    format!("{shown:?}")
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mismatch::TimedOut { secs } => write!(f, "timeout after {secs} s"),
            Mismatch::Signaled { signal } => write!(f, "crashed by signal {signal}"),
            Mismatch::Stdout { line, expected, got } => {
                write!(f, "stdout differs at line {line}: expected {} got {}", excerpt(expected), excerpt(got))
            }
            Mismatch::ExitStatus { expected, got } => {
                write!(f, "exit status: expected {expected} got {got}")
            }
            Mismatch::Stderr { expected, got } => {
                write!(f, "stderr last line: expected {} got {}", excerpt(expected), excerpt(got))
            }
        }
    }
}

/// Parses the contents of a `.status` file.
pub fn parse_status(text: &str) -> Result<(i32, String), String> {
    let mut lines = text.lines();
    let code_line = lines.next().ok_or("empty status file")?;
    let code = code_line.trim().parse::<i32>().map_err(|e| format!("bad exit status {code_line:?}: {e}"))?;
    let stderr_last = lines.next().unwrap_or("").to_string();
    Ok((code, stderr_last))
}

/// The last line of a stderr stream: trailing whitespace (including the final
/// newline) is dropped, then everything after the last `\n` is the line.
/// `tests/generate-expected` applies the same rule.
pub fn last_stderr_line(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let trimmed = text.trim_end();
    match trimmed.rfind('\n') {
        Some(pos) => trimmed[pos + 1..].trim_end_matches('\r').to_string(),
        None => trimmed.to_string(),
    }
}

/// Splits into lines keeping the terminator, so that a missing final newline
/// shows up as a difference in the last line.
fn lines_with_ends(bytes: &[u8]) -> Vec<&[u8]> {
    bytes.split_inclusive(|&b| b == b'\n').collect()
}

fn show_line(line: Option<&&[u8]>) -> String {
    match line {
        None => "<end of output>".to_string(),
        Some(bytes) => {
            let text = String::from_utf8_lossy(bytes);
            match text.strip_suffix('\n') {
                Some(body) => body.to_string(),
                None => format!("{text}<no newline at end>"),
            }
        }
    }
}

/// Compares stdout, returning the first differing line (1-based) if any.
pub fn compare_stdout(expected: &[u8], got: &[u8]) -> Option<Mismatch> {
    if expected == got {
        return None;
    }
    let expected_lines = lines_with_ends(expected);
    let got_lines = lines_with_ends(got);
    let index = expected_lines
        .iter()
        .zip(got_lines.iter())
        .position(|(e, g)| e != g)
        .unwrap_or(expected_lines.len().min(got_lines.len()));
    Some(Mismatch::Stdout {
        line: index + 1,
        expected: show_line(expected_lines.get(index)),
        got: show_line(got_lines.get(index)),
    })
}

/// Compares one run against the expectation; `None` means it passed.
pub fn compare(expected: &Expected, observed: &Observed, timeout_secs: u64) -> Option<Mismatch> {
    let code = match observed.termination {
        Termination::TimedOut => return Some(Mismatch::TimedOut { secs: timeout_secs }),
        Termination::Signaled(signal) => return Some(Mismatch::Signaled { signal }),
        Termination::Exited(code) => code,
    };
    if let Some(mismatch) = compare_stdout(&expected.stdout, &observed.stdout) {
        return Some(mismatch);
    }
    if code != expected.exit_code {
        return Some(Mismatch::ExitStatus { expected: expected.exit_code, got: code });
    }
    let got_last = last_stderr_line(&observed.stderr);
    if got_last != expected.stderr_last_line {
        return Some(Mismatch::Stderr { expected: expected.stderr_last_line.clone(), got: got_last });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expected(stdout: &str, code: i32, stderr: &str) -> Expected {
        Expected { stdout: stdout.into(), exit_code: code, stderr_last_line: stderr.into() }
    }

    fn exited(stdout: &str, stderr: &str, code: i32) -> Observed {
        Observed { stdout: stdout.into(), stderr: stderr.into(), termination: Termination::Exited(code) }
    }

    #[test]
    fn identical_run_passes() {
        let exp = expected("a\nb\n", 0, "");
        assert_eq!(compare(&exp, &exited("a\nb\n", "", 0), 60), None);
    }

    #[test]
    fn first_differing_line_is_reported() {
        let exp = expected("a\nb\nc\n", 0, "");
        assert_eq!(
            compare(&exp, &exited("a\nB\nc\n", "", 0), 60),
            Some(Mismatch::Stdout { line: 2, expected: "b".into(), got: "B".into() })
        );
    }

    #[test]
    fn truncated_output_reports_end_of_output() {
        let exp = expected("a\nb\n", 0, "");
        assert_eq!(
            compare(&exp, &exited("a\n", "", 0), 60),
            Some(Mismatch::Stdout { line: 2, expected: "b".into(), got: "<end of output>".into() })
        );
    }

    #[test]
    fn extra_output_is_a_difference() {
        let exp = expected("a\n", 0, "");
        assert_eq!(
            compare(&exp, &exited("a\nextra\n", "", 0), 60),
            Some(Mismatch::Stdout { line: 2, expected: "<end of output>".into(), got: "extra".into() })
        );
    }

    #[test]
    fn missing_final_newline_is_a_difference() {
        let exp = expected("a\nb\n", 0, "");
        assert_eq!(
            compare(&exp, &exited("a\nb", "", 0), 60),
            Some(Mismatch::Stdout { line: 2, expected: "b".into(), got: "b<no newline at end>".into() })
        );
    }

    #[test]
    fn exit_status_is_compared_after_stdout() {
        let exp = expected("x\n", 1, "ValueError: bad");
        assert_eq!(
            compare(&exp, &exited("x\n", "ValueError: bad\n", 0), 60),
            Some(Mismatch::ExitStatus { expected: 1, got: 0 })
        );
        // A stdout difference takes precedence over the status difference.
        assert!(matches!(compare(&exp, &exited("y\n", "", 0), 60), Some(Mismatch::Stdout { .. })));
    }

    #[test]
    fn only_last_stderr_line_is_compared() {
        let exp = expected("", 1, "ZeroDivisionError: division by zero");
        let traceback = "Traceback (most recent call last):\n  File \"/some/where.py\", line 3\nZeroDivisionError: division by zero\n";
        assert_eq!(compare(&exp, &exited("", traceback, 1), 60), None);
        let wrong = "Traceback:\nZeroDivisionError: integer division or modulo by zero\n";
        assert_eq!(
            compare(&exp, &exited("", wrong, 1), 60),
            Some(Mismatch::Stderr {
                expected: "ZeroDivisionError: division by zero".into(),
                got: "ZeroDivisionError: integer division or modulo by zero".into()
            })
        );
    }

    #[test]
    fn empty_stderr_expected_means_nothing_on_stderr() {
        let exp = expected("", 0, "");
        assert!(compare(&exp, &exited("", "warning\n", 0), 60).is_some());
        assert_eq!(compare(&exp, &exited("", "\n\n", 0), 60), None);
    }

    #[test]
    fn last_stderr_line_ignores_trailing_blank_lines() {
        assert_eq!(last_stderr_line(b"a\nb\n\n  \n"), "b");
        assert_eq!(last_stderr_line(b"only"), "only");
        assert_eq!(last_stderr_line(b""), "");
        assert_eq!(last_stderr_line(b"x\r\ny\r\n"), "y");
    }

    #[test]
    fn signals_and_timeouts_fail_regardless_of_output() {
        let exp = expected("", 0, "");
        let crashed = Observed { stdout: vec![], stderr: vec![], termination: Termination::Signaled(11) };
        assert_eq!(compare(&exp, &crashed, 60), Some(Mismatch::Signaled { signal: 11 }));
        let hung = Observed { stdout: vec![], stderr: vec![], termination: Termination::TimedOut };
        assert_eq!(compare(&exp, &hung, 7), Some(Mismatch::TimedOut { secs: 7 }));
    }

    #[test]
    fn status_file_parsing() {
        assert_eq!(parse_status("0\n\n"), Ok((0, String::new())));
        assert_eq!(parse_status("1\nKeyError: 'x'\n"), Ok((1, "KeyError: 'x'".into())));
        assert_eq!(parse_status("3"), Ok((3, String::new())));
        assert!(parse_status("").is_err());
        assert!(parse_status("zero\n").is_err());
    }

    #[test]
    fn mismatch_messages_read_well() {
        let m = Mismatch::Stdout { line: 4, expected: "1".into(), got: "2".into() };
        assert_eq!(m.to_string(), "stdout differs at line 4: expected \"1\" got \"2\"");
        let long = "x".repeat(500);
        let shown = Mismatch::Stderr { expected: long.clone(), got: String::new() }.to_string();
        assert!(shown.len() < 200, "long lines are shortened: {shown}");
        assert_eq!(Mismatch::Signaled { signal: 6 }.to_string(), "crashed by signal 6");
    }
}
