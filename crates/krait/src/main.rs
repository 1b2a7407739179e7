//! The `krait` command: a `python3`-compatible command line.
//!
//! What works today: `--version`, `-m dis FILE` (the disassembly of a file,
//! as `python3 -m dis` prints it), and compiling any program given as a
//! file, `-c CODE` or `-` (standard input) — with syntax errors reported as
//! CPython reports them (exit status 1). Running the compiled code needs the
//! interpreter, which is not wired into this build yet (see
//! docs/ARCHITECTURE.md); until it is, `krait` says so and exits with
//! status 2 rather than pretending to run the program.

use std::io::Read;
use std::process::ExitCode;

use krait_compiler::{Mode, SyntaxError};

const USAGE: &str = "usage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...";

/// Where the program's source comes from.
enum Program {
    File(String),
    Command(String),
    Stdin,
    Module(String, Vec<String>),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let program = match parse_command_line(&args) {
        Ok(Some(program)) => program,
        Ok(None) => return ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}\n{USAGE}\nTry `krait -h' for more information.");
            return ExitCode::from(2);
        }
    };
    let (source, filename) = match &program {
        Program::File(path) => match std::fs::read_to_string(path) {
            Ok(source) => (source, path.clone()),
            Err(err) => {
                let code = err.raw_os_error().unwrap_or(2);
                eprintln!("krait: can't open file '{path}': [Errno {code}] {}", os_error_text(&err));
                return ExitCode::from(2);
            }
        },
        Program::Command(code) => (code.clone(), "<string>".to_string()),
        Program::Stdin => {
            let mut source = String::new();
            if std::io::stdin().read_to_string(&mut source).is_err() {
                eprintln!("krait: can't read standard input");
                return ExitCode::from(2);
            }
            (source, "<stdin>".to_string())
        }
        Program::Module(name, rest) => return run_module(name, rest),
    };
    match krait_compiler::compile(&source, &filename, Mode::Exec) {
        Ok(_) => {
            eprintln!("krait: {filename} compiles, but running Python code needs the interpreter, which this build does not include yet");
            ExitCode::from(2)
        }
        Err(err) => {
            print_syntax_error(&err);
            ExitCode::from(1)
        }
    }
}

/// Parse the options; `Ok(None)` when an option (like `--version`) was the
/// whole job.
fn parse_command_line(args: &[String]) -> Result<Option<Program>, String> {
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--version" | "-V" => {
                println!("Python 3.11.7 (Krait {})", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "-c" => {
                let code = iter.next().ok_or("Argument expected for the -c option")?;
                return Ok(Some(Program::Command(code.clone())));
            }
            "-m" => {
                let module = iter.next().ok_or("Argument expected for the -m option")?;
                return Ok(Some(Program::Module(module.clone(), iter.cloned().collect())));
            }
            "-" => return Ok(Some(Program::Stdin)),
            "-u" | "-B" | "-E" | "-s" | "-S" | "-I" | "-q" => {}
            option if option.starts_with('-') => return Err(format!("Unknown option: {option}")),
            file => return Ok(Some(Program::File(file.to_string()))),
        }
    }
    Ok(Some(Program::Stdin))
}

/// `-m dis FILE` prints the disassembly; other modules need the interpreter.
fn run_module(name: &str, rest: &[String]) -> ExitCode {
    if name != "dis" {
        eprintln!("krait: running module '{name}' needs the interpreter, which this build does not include yet");
        return ExitCode::from(2);
    }
    let Some(path) = rest.first() else {
        eprintln!("usage: krait -m dis FILE");
        return ExitCode::from(2);
    };
    let source = match std::fs::read_to_string(path) {
        Ok(source) => source,
        Err(err) => {
            eprintln!("krait: can't open file '{path}': {}", os_error_text(&err));
            return ExitCode::from(1);
        }
    };
    match krait_compiler::compile(&source, path, Mode::Exec) {
        Ok(code) => {
            print!("{}", krait_bytecode::dis::disassemble(&code, false));
            ExitCode::SUCCESS
        }
        Err(err) => {
            print_syntax_error(&err);
            ExitCode::from(1)
        }
    }
}

/// Print a syntax error the way CPython's default excepthook does.
fn print_syntax_error(err: &SyntaxError) {
    eprintln!("  File \"{}\", line {}", err.filename, err.line);
    if let Some(text) = &err.text {
        let line = text.trim_end_matches(['\n', '\r']);
        let indent = line.len() - line.trim_start().len();
        let shown = line.trim_start();
        if !shown.is_empty() {
            eprintln!("    {shown}");
            let start = (err.offset as usize).saturating_sub(1).saturating_sub(indent);
            let width = if err.end_line == err.line && err.end_offset > err.offset {
                (err.end_offset - err.offset) as usize
            } else {
                1
            };
            eprintln!("    {}{}", " ".repeat(start), "^".repeat(width));
        }
    }
    let kind = match err.kind {
        krait_compiler::SyntaxErrorKind::SyntaxError => "SyntaxError",
        krait_compiler::SyntaxErrorKind::IndentationError => "IndentationError",
        krait_compiler::SyntaxErrorKind::TabError => "TabError",
    };
    eprintln!("{kind}: {}", err.message);
}

/// The strerror text of an I/O error, without Rust's " (os error N)" suffix.
fn os_error_text(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
