//! Running one program under krait with a deadline.
//!
//! The child gets `PYTHONHASHSEED=0` on top of the runner's own environment
//! (so `KRAIT_GC_STRESS=1 krait-difftest` reaches krait), the program's
//! directory as its working directory, the program's file name as its only
//! argument, and `<name>.stdin` (or nothing) on stdin. `tests/generate-expected`
//! runs CPython the same way.
//!
//! The child is put in its own process group so that a timeout kills
//! everything it started; stdout and stderr are drained on helper threads so
//! a chatty program cannot block on a full pipe while we wait for it.

use std::fs::File;
use std::io::{self, Read};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::compare::{Observed, Termination};

/// How often a running child is checked for exit.
const POLL_INTERVAL: Duration = Duration::from_millis(5);

fn drain(mut source: impl Read + Send + 'static) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buffer = Vec::new();
        // A read error only truncates what we captured; the comparison reports it.
        let _ = source.read_to_end(&mut buffer);
        buffer
    })
}

/// Kills the child's whole process group, then the child itself.
fn kill_group(child: &mut Child) {
    let group = format!("-{}", child.id());
    let _ = Command::new("kill").args(["-KILL", "--", &group]).stdout(Stdio::null()).stderr(Stdio::null()).status();
    let _ = child.kill();
}

/// Runs `krait program` and returns what it did.
pub fn run_program(krait: &Path, program: &Path, timeout: Duration) -> io::Result<Observed> {
    let dir = program.parent().expect("program paths have a directory");
    let file_name = program.file_name().expect("program paths have a file name");
    let stdin = match File::open(program.with_extension("stdin")) {
        Ok(file) => Stdio::from(file),
        Err(_) => Stdio::null(),
    };
    let mut child = Command::new(krait)
        .arg(file_name)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()?;
    let stdout = drain(child.stdout.take().expect("stdout is piped"));
    let stderr = drain(child.stderr.take().expect("stderr is piped"));
    let deadline = Instant::now() + timeout;
    let termination = loop {
        if let Some(status) = child.try_wait()? {
            break match (status.code(), status.signal()) {
                (Some(code), _) => Termination::Exited(code),
                (None, Some(signal)) => Termination::Signaled(signal),
                (None, None) => Termination::Signaled(0),
            };
        }
        if Instant::now() >= deadline {
            kill_group(&mut child);
            let _ = child.wait();
            break Termination::TimedOut;
        }
        thread::sleep(POLL_INTERVAL);
    };
    if termination != Termination::TimedOut {
        // Grandchildren that outlive the child could hold the pipes open.
        kill_group(&mut child);
    }
    Ok(Observed { stdout: stdout.join().unwrap_or_default(), stderr: stderr.join().unwrap_or_default(), termination })
}
