//! `krait-difftest`: the differential test runner.
//!
//! ```text
//! krait-difftest [--krait PATH] [--jobs N] [--timeout SECS] [FILTER...]
//! ```
//!
//! Finds every program under `tests/programs` (see `tests/README.md` for the
//! layout: a program is a `.py` file directly inside an area directory,
//! `tests/programs/<area>/<name>.py`; anything in deeper directories is a
//! helper module), keeps those whose `area/name.py` path contains one of the
//! FILTER strings (all when none are given), runs them with krait in parallel
//! and compares each with the CPython 3.11 behaviour recorded next to it (see
//! [`compare`]). One line is printed per failure, then a closing line
//! `N passed, M failed[, K skipped]`. Exit status 0 means nothing failed.
//!
//! `tests/known-failures.txt` lists programs expected to fail for now: a
//! failure among them counts as skipped, and a pass is announced with
//! `NOW PASSING` so the line can be removed from the list.

mod compare;
mod discover;
mod run;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use compare::{compare, parse_status, Expected};
use discover::{find_programs, find_repo_root, read_known_failures, Program};

const USAGE: &str = "usage: krait-difftest [--krait PATH] [--jobs N] [--timeout SECS] [FILTER...]";

struct Options {
    krait: Option<PathBuf>,
    jobs: usize,
    timeout_secs: u64,
    filters: Vec<String>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        krait: None,
        jobs: thread::available_parallelism().map_or(1, |n| n.get()),
        timeout_secs: 60,
        filters: Vec::new(),
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let (flag, inline_value) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_string(), Some(value.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline_value.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--krait" => options.krait = Some(PathBuf::from(value("--krait")?)),
            "--jobs" | "-j" => {
                let text = value("--jobs")?;
                options.jobs = text.parse().ok().filter(|&n| n > 0).ok_or(format!("bad --jobs value {text:?}"))?;
            }
            "--timeout" => {
                let text = value("--timeout")?;
                options.timeout_secs =
                    text.parse().ok().filter(|&n| n > 0).ok_or(format!("bad --timeout value {text:?}"))?;
            }
            "--help" | "-h" => return Err(USAGE.to_string()),
            _ if flag.starts_with('-') => return Err(format!("unknown option {flag}\n{USAGE}")),
            _ => options.filters.push(arg),
        }
    }
    Ok(options)
}

fn load_expected(program: &Program) -> Result<Expected, String> {
    let out_path = program.path.with_extension("out");
    let status_path = program.path.with_extension("status");
    let stdout = std::fs::read(&out_path).map_err(|e| format!("cannot read {}: {e}", out_path.display()))?;
    let status_text =
        std::fs::read_to_string(&status_path).map_err(|e| format!("cannot read {}: {e}", status_path.display()))?;
    let (exit_code, stderr_last_line) = parse_status(&status_text)?;
    Ok(Expected { stdout, exit_code, stderr_last_line })
}

/// The verdict on one program, before known failures are taken into account.
enum Outcome {
    Passed,
    Failed(String),
}

fn check_program(krait: &Path, program: &Program, timeout_secs: u64) -> Outcome {
    let expected = match load_expected(program) {
        Ok(expected) => expected,
        Err(message) => return Outcome::Failed(format!("missing expectation: {message}")),
    };
    match run::run_program(krait, &program.path, Duration::from_secs(timeout_secs)) {
        Err(error) => Outcome::Failed(format!("cannot run {}: {error}", krait.display())),
        Ok(observed) => match compare(&expected, &observed, timeout_secs) {
            None => Outcome::Passed,
            Some(mismatch) => Outcome::Failed(mismatch.to_string()),
        },
    }
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let Some(root) = find_repo_root() else {
        eprintln!("krait-difftest: cannot find the repository root (a directory with tests/programs)");
        return ExitCode::from(2);
    };
    let krait = options.krait.clone().unwrap_or_else(|| root.join("target/release/krait"));
    let krait = std::fs::canonicalize(&krait).unwrap_or(krait);
    if !krait.is_file() {
        eprintln!("krait-difftest: no krait binary at {} (build it or pass --krait)", krait.display());
        return ExitCode::from(2);
    }
    let programs_dir = root.join("tests/programs");
    let mut programs = match find_programs(&programs_dir) {
        Ok(programs) => programs,
        Err(error) => {
            eprintln!("krait-difftest: cannot list {}: {error}", programs_dir.display());
            return ExitCode::from(2);
        }
    };
    if !options.filters.is_empty() {
        programs.retain(|p| options.filters.iter().any(|f| p.name.contains(f.as_str())));
    }
    let known_failures = match read_known_failures(&root.join("tests/known-failures.txt")) {
        Ok(known) => known,
        Err(error) => {
            eprintln!("krait-difftest: cannot read tests/known-failures.txt: {error}");
            return ExitCode::from(2);
        }
    };

    let next = AtomicUsize::new(0);
    let outcomes: Mutex<Vec<(usize, Outcome)>> = Mutex::new(Vec::with_capacity(programs.len()));
    thread::scope(|scope| {
        for _ in 0..options.jobs.min(programs.len().max(1)) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(program) = programs.get(index) else {
                    break;
                };
                let outcome = check_program(&krait, program, options.timeout_secs);
                outcomes.lock().expect("no worker panics while holding the lock").push((index, outcome));
            });
        }
    });
    let mut outcomes = outcomes.into_inner().expect("workers are done");
    outcomes.sort_by_key(|(index, _)| *index);

    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    for (index, outcome) in outcomes {
        let name = &programs[index].name;
        let known = known_failures.contains(name);
        match (outcome, known) {
            (Outcome::Passed, false) => passed += 1,
            (Outcome::Passed, true) => {
                println!("NOW PASSING {name} (remove it from tests/known-failures.txt)");
                passed += 1;
            }
            (Outcome::Failed(_), true) => skipped += 1,
            (Outcome::Failed(reason), false) => {
                println!("FAIL {name}: {reason}");
                failed += 1;
            }
        }
    }
    if skipped > 0 {
        println!("{passed} passed, {failed} failed, {skipped} skipped");
    } else {
        println!("{passed} passed, {failed} failed");
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Options, String> {
        parse_args(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn options_and_filters() {
        let options = args(&["--jobs", "3", "--timeout=5", "int/", "--krait", "/bin/k", "str"]).unwrap();
        assert_eq!(options.jobs, 3);
        assert_eq!(options.timeout_secs, 5);
        assert_eq!(options.krait, Some(PathBuf::from("/bin/k")));
        assert_eq!(options.filters, vec!["int/".to_string(), "str".to_string()]);
    }

    #[test]
    fn bad_options_are_rejected() {
        assert!(args(&["--jobs", "0"]).is_err());
        assert!(args(&["--timeout"]).is_err());
        assert!(args(&["--frobnicate"]).is_err());
    }
}
