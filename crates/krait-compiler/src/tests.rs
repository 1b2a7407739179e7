//! Compiler tests: snippets in, disassembly or `SyntaxError` out. The
//! expected listings follow `python3.11 -m dis` (offsets are code units).

use krait_bytecode::dis::disassemble;

use crate::{compile, Mode, SyntaxErrorKind};

fn dis(source: &str) -> String {
    let code = compile(source, "<test>", Mode::Exec).unwrap_or_else(|e| panic!("{e}"));
    let listing = disassemble(&code, false);
    listing.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>().join("\n")
}

/// The instruction names and arguments only (no offsets or lines).
fn ops(source: &str) -> Vec<String> {
    dis(source)
        .lines()
        .filter(|l| {
            l.len() > 16 && !l.starts_with("Disassembly") && !l.starts_with("ExceptionTable") && !l.starts_with("  ")
                || l.contains("    ")
        })
        .filter_map(|l| {
            let rest = l.get(17..)?.trim();
            if rest.is_empty() || rest.starts_with("to ") {
                return None;
            }
            Some(rest.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}

#[test]
fn dump_from_env() {
    if let Ok(path) = std::env::var("KRAIT_DIS") {
        let source = std::fs::read_to_string(path).unwrap();
        match compile(&source, "<dump>", Mode::Exec) {
            Ok(code) => println!("{}", disassemble(&code, false)),
            Err(e) => println!("{e:?}"),
        }
    }
}

#[test]
fn simple_call_uses_load_global_with_null() {
    let listing = dis("def f(a):\n    return g(a, 1)\n");
    assert!(listing.contains("LOAD_GLOBAL 1 (NULL + g)"), "{listing}");
    assert!(listing.contains("CALL 2"), "{listing}");
    let _ = ops;
    let _ = SyntaxErrorKind::SyntaxError;
}
