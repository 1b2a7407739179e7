//! The disassembler: a listing in the format of CPython 3.11's `dis`.
//!
//! Offsets are code-unit indices (CPython prints byte offsets, two per unit);
//! inline cache units are not shown, and specialised instructions print as
//! the generic instruction they were quickened from unless `adaptive` is set,
//! as `dis.dis(..., adaptive=True)` does.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::code::{CodeObject, Constant};
use crate::opcode::{ArgKind, BinaryOp, ComparisonOp};

/// Disassemble `code` and, recursively, the code objects among its constants.
pub fn disassemble(code: &CodeObject, adaptive: bool) -> String {
    let mut out = String::new();
    disassemble_into(&mut out, code, adaptive);
    out
}

fn disassemble_into(out: &mut String, code: &CodeObject, adaptive: bool) {
    let targets: BTreeSet<usize> = code
        .instructions()
        .filter(|(_, instr)| instr.op.has_jump())
        .map(|(_, instr)| instr.arg as usize)
        .chain(code.exception_table.iter().map(|entry| entry.target as usize))
        .collect();
    let mut last_line = 0;
    for (offset, instr) in code.instructions() {
        let line = code.line_at(offset);
        let line_field = if line != last_line {
            if last_line != 0 {
                out.push('\n');
            }
            last_line = line;
            format!("{line:>4}")
        } else {
            String::new()
        };
        let marker = if targets.contains(&offset) { ">>" } else { "  " };
        let op = if adaptive { instr.op } else { instr.op.base() };
        let _ = write!(out, "{line_field:<4}    {marker} {offset:>6} {:<26}", op.name());
        if instr.op.arg_kind() != ArgKind::None || instr.arg != 0 {
            let _ = write!(out, " {:>3}", instr.arg);
            if let Some(detail) = describe_arg(code, instr.op.arg_kind(), instr.arg) {
                let _ = write!(out, " ({detail})");
            }
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for entry in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                entry.start,
                entry.end,
                entry.target,
                entry.depth,
                if entry.push_lasti { " lasti" } else { "" }
            );
        }
    }
    for constant in &code.consts {
        if let Constant::Code(inner) = constant {
            let _ = writeln!(out, "\nDisassembly of {constant}:");
            disassemble_into(out, inner, adaptive);
        }
    }
}

fn describe_arg(code: &CodeObject, kind: ArgKind, arg: u32) -> Option<String> {
    let index = arg as usize;
    match kind {
        ArgKind::None | ArgKind::Count => None,
        ArgKind::Const => code.consts.get(index).map(|c| c.to_string()),
        ArgKind::Name => code.names.get(index).cloned(),
        ArgKind::GlobalName => {
            code.names.get(index >> 1).map(|name| if arg & 1 != 0 { format!("NULL + {name}") } else { name.clone() })
        }
        ArgKind::Local | ArgKind::Deref => code.localsplus_names.get(index).cloned(),
        ArgKind::Jump => Some(format!("to {arg}")),
        ArgKind::Compare => ComparisonOp::decode(arg).map(|op| op.symbol().to_string()),
        ArgKind::Binary => {
            BinaryOp::decode(arg).map(
                |(op, inplace)| {
                    if inplace {
                        format!("{}=", op.symbol())
                    } else {
                        op.symbol().to_string()
                    }
                },
            )
        }
    }
}
