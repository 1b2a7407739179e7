//! Compiler tests: snippets in, disassembly or `SyntaxError` out. The
//! expected listings follow `python3.11 -m dis` (offsets are code units).

use krait_bytecode::dis::disassemble;

use crate::{compile, Mode, SyntaxErrorKind};

fn dis(source: &str) -> String {
    let code = compile(source, "<test>", Mode::Exec).unwrap_or_else(|e| panic!("{e}"));
    let listing = disassemble(&code, false);
    listing
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The instruction names and arguments only (no offsets or lines).
fn ops(source: &str) -> Vec<String> {
    dis(source)
        .lines()
        .filter(|l| {
            l.len() > 16
                && !l.starts_with("Disassembly")
                && !l.starts_with("ExceptionTable")
                && !l.starts_with("  ")
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

/// The listing `tests/pydump.py` prints for CPython: instruction indices,
/// lines, names and arguments, exception table rows by instruction index.
fn normalized(code: &krait_bytecode::CodeObject, out: &mut Vec<String>) {
    use krait_bytecode::{ArgKind, Constant, Opcode};
    let instrs: Vec<(usize, krait_bytecode::Instruction)> = code.instructions().collect();
    let index_of = |unit: u32| {
        instrs
            .iter()
            .position(|(o, _)| *o as u32 >= unit)
            .unwrap_or(instrs.len())
    };
    let names: Vec<String> = code
        .localsplus_names
        .iter()
        .map(|n| format!("'{n}'"))
        .collect();
    out.push(format!(
        "== {} args={} flags={} first={} names=[{}] stack={}",
        code.qualname,
        code.arg_count,
        code.flags.0 & 0x3ff,
        code.first_line,
        names.join(", "),
        code.max_stack
    ));
    for (n, (offset, instr)) in instrs.iter().enumerate() {
        let arg = match instr.op.arg_kind() {
            ArgKind::Jump => format!("->{}", index_of(instr.arg)),
            ArgKind::Const if instr.op == Opcode::LOAD_CONST => {
                match &code.consts[instr.arg as usize] {
                    Constant::Code(c) => format!("code:{}", c.name),
                    other => py_repr(other),
                }
            }
            ArgKind::Const => py_repr(&code.consts[instr.arg as usize]),
            ArgKind::GlobalName => {
                format!(
                    "{}{}",
                    if instr.arg & 1 != 0 { "NULL+" } else { "" },
                    code.names[(instr.arg >> 1) as usize]
                )
            }
            ArgKind::Name => code.names[instr.arg as usize].clone(),
            ArgKind::Local | ArgKind::Deref => code.localsplus_names[instr.arg as usize].clone(),
            ArgKind::None => String::new(),
            ArgKind::Compare => krait_bytecode::ComparisonOp::decode(instr.arg)
                .map_or(String::new(), |c| c.symbol().to_string()),
            _ => instr.arg.to_string(),
        };
        let line = code.locations[*offset].line;
        out.push(
            format!("{n:3} {line:3} {} {arg}", instr.op.name())
                .trim_end()
                .to_string(),
        );
    }
    for entry in &code.exception_table {
        out.push(format!(
            "  EXC {}..{} -> {} [{}]{}",
            index_of(entry.start),
            index_of(entry.end),
            index_of(entry.target),
            entry.depth,
            if entry.push_lasti { " lasti" } else { "" }
        ));
    }
    for constant in &code.consts {
        if let Constant::Code(inner) = constant {
            normalized(inner, out);
        }
    }
}

/// Python's `repr` of a constant, as far as the tests need it.
fn py_repr(constant: &krait_bytecode::Constant) -> String {
    use krait_bytecode::Constant;
    match constant {
        Constant::Str(s) => {
            if s.contains('\'') && !s.contains('"') {
                format!("\"{s}\"")
            } else {
                format!(
                    "'{}'",
                    s.replace('\\', "\\\\")
                        .replace('\'', "\\'")
                        .replace('\n', "\\n")
                )
            }
        }
        Constant::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(py_repr).collect();
            if items.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            let inner: Vec<String> = items.iter().map(py_repr).collect();
            format!("frozenset({{{}}})", inner.join(", "))
        }
        other => other.to_string(),
    }
}

#[test]
fn normalized_dump_from_env() {
    if let Ok(path) = std::env::var("KRAIT_NORM") {
        let source = std::fs::read_to_string(&path).unwrap();
        match compile(&source, &path, Mode::Exec) {
            Ok(code) => {
                let mut out = Vec::new();
                normalized(&code, &mut out);
                println!("{}", out.join("\n"));
            }
            Err(e) => println!("{e:?}"),
        }
    }
}

#[test]
fn errors_from_env() {
    if let Ok(files) = std::env::var("KRAIT_ERRS") {
        for path in files.split(':') {
            let source = std::fs::read_to_string(path).unwrap();
            match compile(&source, path, Mode::Exec) {
                Ok(_) => println!("ERR {path}: OK"),
                Err(e) => println!(
                    "ERR {path}: {:?}: {} ({}, {})",
                    e.kind, e.message, e.line, e.offset
                ),
            }
        }
    }
}
