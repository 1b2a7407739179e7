//! The `krait` command: a `python3`-compatible command line.
//!
//! `krait FILE [ARGS]`, `krait -c CODE`, `krait -m MODULE`, `krait -`
//! (standard input), `--version`; `PYTHONPATH`, `PYTHONHASHSEED` and
//! `KRAIT_GC_STRESS` from the environment. The program runs on a thread with
//! a large native stack, so that deep (but bounded) recursion through Rust
//! ends in `RecursionError`, never in a stack overflow.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use krait_vm::vm::{Vm, VmConfig};

const USAGE: &str = "usage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...";

/// Native stack for the interpreter thread.
const STACK_SIZE: usize = 512 << 20;

/// What to run.
enum Program {
    File(String),
    Command(String),
    Stdin,
    Module(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (program, rest) = match parse_command_line(&args) {
        Ok(Some(parsed)) => parsed,
        Ok(None) => return ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}\n{USAGE}\nTry `krait -h' for more information.");
            return ExitCode::from(2);
        }
    };
    let hash_seed = match std::env::var("PYTHONHASHSEED") {
        Ok(text) if text != "random" => match text.parse::<u64>() {
            Ok(seed) if seed <= u32::MAX as u64 => Some(seed),
            _ => {
                eprintln!(
                    "Fatal Python error: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]"
                );
                return ExitCode::from(1);
            }
        },
        _ => None,
    };
    let runner = std::thread::Builder::new().stack_size(STACK_SIZE).spawn(move || run(program, rest, hash_seed));
    match runner.map(|handle| handle.join()) {
        Ok(Ok(status)) => ExitCode::from(status),
        _ => ExitCode::from(1),
    }
}

/// Parse the options; `Ok(None)` when an option (like `--version`) was the whole job.
fn parse_command_line(args: &[String]) -> Result<Option<(Program, Vec<String>)>, String> {
    let mut index = 0;
    while index < args.len() {
        let arg = &args[index];
        let rest = || args[index + 1..].to_vec();
        match arg.as_str() {
            "--version" | "-V" => {
                println!("Python 3.11.7");
                return Ok(None);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "-c" => {
                let code = args.get(index + 1).ok_or("Argument expected for the -c option")?;
                return Ok(Some((Program::Command(code.clone()), args[index + 2..].to_vec())));
            }
            "-m" => {
                let module = args.get(index + 1).ok_or("Argument expected for the -m option")?;
                return Ok(Some((Program::Module(module.clone()), args[index + 2..].to_vec())));
            }
            "-" => return Ok(Some((Program::Stdin, rest()))),
            "-X" | "-W" => index += 1,
            "-u" | "-B" | "-E" | "-s" | "-S" | "-I" | "-q" | "-O" | "-OO" | "-b" | "-d" | "-v" => {}
            option if option.starts_with("--") => return Err(format!("unknown option {option}")),
            option if option.starts_with('-') => return Err(format!("Unknown option: {option}")),
            file => return Ok(Some((Program::File(file.to_string()), rest()))),
        }
        index += 1;
    }
    Ok(Some((Program::Stdin, Vec::new())))
}

/// Build the VM and run the program; the exit status.
fn run(program: Program, rest: Vec<String>, hash_seed: Option<u64>) -> u8 {
    let (argv0, path0) = match &program {
        Program::File(path) => (path.clone(), script_directory(path)),
        Program::Command(_) => ("-c".to_string(), String::new()),
        Program::Stdin => ("-".to_string(), String::new()),
        Program::Module(_) => {
            (String::new(), std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default())
        }
    };
    let mut path = vec![path0];
    if let Ok(python_path) = std::env::var("PYTHONPATH") {
        path.extend(python_path.split(':').filter(|p| !p.is_empty()).map(str::to_string));
    }
    let stdlib = find_stdlib();
    if let Some(dir) = &stdlib {
        path.push(dir.clone());
    }
    let mut argv = vec![argv0];
    argv.extend(rest);
    let config = VmConfig {
        argv,
        path,
        gc_stress: std::env::var("KRAIT_GC_STRESS").is_ok_and(|v| !v.is_empty() && v != "0"),
        hash_seed,
        executable: std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default(),
        stdlib,
    };
    let mut vm = Vm::new(config);
    krait_stdlib::register_all(&mut vm);
    krait_jit::driver::install(&mut vm);
    let status = run_program(&mut vm, program);
    krait_vm::jit_hooks::finish(&mut vm);
    status
}

/// Run the program in a VM that is ready; the exit status.
fn run_program(vm: &mut Vm, program: Program) -> u8 {
    match program {
        Program::File(path) => match std::fs::read_to_string(&path) {
            Ok(source) => {
                // `__main__.__file__` is absolute (CPython 3.9+); the
                // traceback shows the path as given.
                let absolute = std::path::absolute(&path).map(|p| p.display().to_string()).unwrap_or(path.clone());
                krait_vm::toplevel::run_main(vm, &source, &absolute, Some(&absolute))
            }
            Err(err) => {
                let code = err.raw_os_error().unwrap_or(2);
                let absolute = std::fs::canonicalize(Path::new(&path)).unwrap_or_else(|_| {
                    std::env::current_dir().map(|d| d.join(&path)).unwrap_or_else(|_| Path::new(&path).to_path_buf())
                });
                eprintln!(
                    "{}: can't open file '{}': [Errno {code}] {}",
                    executable_name(),
                    absolute.display(),
                    os_error_text(&err)
                );
                2
            }
        },
        Program::Command(code) => krait_vm::toplevel::run_main(vm, &code, "<string>", None),
        Program::Stdin => {
            let mut source = String::new();
            if std::io::stdin().read_to_string(&mut source).is_err() {
                eprintln!("krait: can't read standard input");
                return 2;
            }
            krait_vm::toplevel::run_main(vm, &source, "<stdin>", None)
        }
        Program::Module(name) => run_module(vm, &name),
    }
}

/// `-m NAME`: run the module's file as `__main__` (`-m dis` disassembles).
fn run_module(vm: &mut Vm, name: &str) -> u8 {
    if name == "dis" {
        return disassemble_file(vm);
    }
    let relative = name.replace('.', "/");
    for dir in vm.config.path.clone() {
        let base = if dir.is_empty() { Path::new(".").to_path_buf() } else { Path::new(&dir).to_path_buf() };
        for candidate in [base.join(format!("{relative}.py")), base.join(&relative).join("__main__.py")] {
            if candidate.is_file() {
                let file = candidate.display().to_string();
                return match std::fs::read_to_string(&candidate) {
                    Ok(source) => {
                        set_argv0(vm, &file);
                        krait_vm::toplevel::run_main(vm, &source, &file, Some(&file))
                    }
                    Err(err) => {
                        eprintln!("{}: can't open file '{file}': {}", executable_name(), os_error_text(&err));
                        1
                    }
                };
            }
        }
    }
    eprintln!("{}: No module named {name}", executable_name());
    1
}

fn set_argv0(vm: &mut Vm, file: &str) {
    if let Some(first) = vm.config.argv.first_mut() {
        *first = file.to_string();
    }
    if let Ok(Some(argv)) = krait_vm::protocol::attr::getattr_opt(vm, vm.sys_module, "argv") {
        let value = vm.new_str(file);
        let zero = krait_vm::value::Value::from_small(0);
        let _ = krait_vm::protocol::sequence::setitem(vm, argv, zero, value);
    }
}

/// `krait -m dis FILE`: the disassembly of a file.
fn disassemble_file(vm: &mut Vm) -> u8 {
    let Some(path) = vm.config.argv.get(1).cloned() else {
        eprintln!("usage: krait -m dis FILE");
        return 2;
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(err) => {
            eprintln!("{}: can't open file '{path}': {}", executable_name(), os_error_text(&err));
            return 1;
        }
    };
    match krait_compiler::compile(&source, &path, krait_compiler::Mode::Exec) {
        Ok(code) => {
            print!("{}", krait_bytecode::dis::disassemble(&code, false));
            0
        }
        Err(err) => {
            let exc = krait_vm::compile::syntax_error(vm, &err);
            krait_vm::toplevel::handle_uncaught(vm, exc)
        }
    }
}

/// The directory a script lives in, for `sys.path[0]`.
fn script_directory(path: &str) -> String {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| Path::new(path).to_path_buf());
    absolute.parent().map(|p| p.display().to_string()).unwrap_or_default()
}

/// CPython 3.11's pure-Python standard library: `KRAIT_STDLIB`, or the
/// usual install locations.
fn find_stdlib() -> Option<String> {
    if let Ok(dir) = std::env::var("KRAIT_STDLIB") {
        return Some(dir);
    }
    let home = std::env::var("HOME").unwrap_or_default();
    let mut candidates = vec!["/usr/lib/python3.11".to_string(), "/usr/local/lib/python3.11".to_string()];
    if let Ok(entries) = std::fs::read_dir(format!("{home}/.pyenv/versions")) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if name.starts_with("3.11") {
                candidates.push(format!("{}/lib/python3.11", entry.path().display()));
            }
        }
    }
    candidates.into_iter().find(|dir| Path::new(dir).join("os.py").is_file())
}

fn executable_name() -> String {
    std::env::args().next().unwrap_or_else(|| "krait".to_string())
}

/// The strerror text of an I/O error, without Rust's " (os error N)" suffix.
fn os_error_text(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
