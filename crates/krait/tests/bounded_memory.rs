//! The collector keeps memory bounded: a program that allocates several
//! gigabytes in short-lived objects runs under an address-space limit far
//! below that total.

use std::os::unix::process::CommandExt;
use std::process::Command;

/// Address space allowed to the child (the interpreter thread's stack
/// reservation and the value stack are part of it).
const ADDRESS_SPACE_LIMIT: u64 = 1536 << 20;

#[test]
fn short_lived_garbage_is_collected() {
    let program = r#"
total = 0
for i in range(2500):
    b = bytearray(10**6)
    s = "x" * 10**6
    l = [i] * 10**5
    d = {j: str(j) for j in range(50)}
    total += len(b) + len(s) + len(l) + len(d)
print(total)
"#;
    let mut command = Command::new(env!("CARGO_BIN_EXE_krait"));
    command.args(["-c", program]);
    // SAFETY: setrlimit is async-signal-safe and only affects the child.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit { rlim_cur: ADDRESS_SPACE_LIMIT, rlim_max: ADDRESS_SPACE_LIMIT };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = command.output().expect("run krait");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "krait failed: {}", String::from_utf8_lossy(&output.stderr));
    // 2500 * (10**6 + 10**6 + 10**5 + 50): about 5 GB allocated in all.
    assert_eq!(stdout.trim(), "5250125000");
}
