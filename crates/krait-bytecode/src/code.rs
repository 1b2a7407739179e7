//! `CodeObject`: what the compiler produces for one function, class body,
//! module or comprehension, before the VM turns its constants into values.
//!
//! The layout follows CPython 3.11's `PyCodeObject`: fast locals, cells and
//! free variables share one index space (`localsplus`), the exception table
//! replaces block setup instructions, and every code unit has a source
//! location (line and column range) for tracebacks.

use std::fmt;
use std::sync::Arc;

use num_bigint::BigInt;

use crate::opcode::{Instruction, Opcode};

/// Flags on a code object, numbered as CPython's `CO_*`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;

    #[inline]
    pub const fn has(self, flag: u32) -> bool {
        self.0 & flag != 0
    }
}

/// What a slot of the `localsplus` space holds, as CPython's `CO_FAST_*`.
/// A parameter captured by an inner function is both `LOCAL` and `CELL`.
pub mod local_kind {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// A compile-time constant. The VM turns each into a value once, when it
/// loads the code object.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// A `frozenset` literal the compiler folded from `x in {1, 2}`.
    FrozenSet(Vec<Constant>),
    Code(Arc<CodeObject>),
}

/// The source range of an instruction. Lines are 1-based; columns are
/// 0-based UTF-8 byte offsets, as CPython's `co_positions()`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One row of the exception table: an exception raised by an instruction in
/// `start..end` pops the value stack to `depth` (plus the `lasti` slot if
/// `push_lasti`), pushes the exception and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

/// A compiled unit of Python code.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// `co_name`: the function or class name, `<module>`, `<listcomp>`, ...
    pub name: String,
    /// `co_qualname`, e.g. `Outer.method.<locals>.inner`.
    pub qualname: String,
    pub filename: Arc<str>,
    pub first_line: u32,
    pub arg_count: u32,
    pub posonly_arg_count: u32,
    pub kwonly_arg_count: u32,
    pub flags: CodeFlags,
    /// The instructions and their inline caches (see `opcode`).
    pub code: Vec<u32>,
    /// One location per code unit (cache units repeat their instruction's).
    pub locations: Vec<Location>,
    pub consts: Vec<Constant>,
    /// Names used by `*_NAME`, `*_GLOBAL`, `*_ATTR`, `IMPORT_*`.
    pub names: Vec<String>,
    /// Parameters first (positional, keyword-only, `*args`, `**kwargs`), then
    /// other locals, then cells that are not parameters, then free variables.
    pub localsplus_names: Vec<String>,
    /// A `local_kind` bit set per `localsplus` slot.
    pub localsplus_kinds: Vec<u8>,
    pub exception_table: Vec<ExceptionTableEntry>,
    /// The deepest the value stack gets.
    pub max_stack: u32,
}

impl CodeObject {
    /// The number of parameters including `*args` and `**kwargs`.
    pub fn total_arg_count(&self) -> u32 {
        self.arg_count
            + self.kwonly_arg_count
            + self.flags.has(CodeFlags::VARARGS) as u32
            + self.flags.has(CodeFlags::VARKEYWORDS) as u32
    }

    /// `co_varnames`: the slots that are plain locals (parameters included).
    pub fn varnames(&self) -> impl Iterator<Item = &str> {
        self.localsplus_with(local_kind::LOCAL)
    }

    /// `co_cellvars`.
    pub fn cellvars(&self) -> impl Iterator<Item = &str> {
        self.localsplus_with(local_kind::CELL)
    }

    /// `co_freevars`.
    pub fn freevars(&self) -> impl Iterator<Item = &str> {
        self.localsplus_with(local_kind::FREE)
    }

    /// The number of free variables (the length of a closure).
    pub fn free_count(&self) -> usize {
        self.freevars().count()
    }

    fn localsplus_with(&self, kind: u8) -> impl Iterator<Item = &str> {
        self.localsplus_names
            .iter()
            .zip(&self.localsplus_kinds)
            .filter(move |(_, &k)| k & kind != 0)
            .map(|(name, _)| name.as_str())
    }

    /// The instructions with their code-unit offsets, cache units skipped.
    pub fn instructions(&self) -> Instructions<'_> {
        Instructions { code: &self.code, offset: 0 }
    }

    /// The line of the instruction at `offset`.
    pub fn line_at(&self, offset: usize) -> u32 {
        self.locations.get(offset).map_or(self.first_line, |loc| loc.line)
    }

    /// The handler for an exception raised at `offset`, if any. The table's
    /// entries are sorted by `start` and never overlap (the compiler flattens
    /// nested handlers, as CPython's `assemble_exception_table` does).
    pub fn handler_for(&self, offset: u32) -> Option<&ExceptionTableEntry> {
        let table = &self.exception_table;
        let index = table.partition_point(|entry| entry.end <= offset);
        table.get(index).filter(|entry| entry.start <= offset)
    }
}

/// Iterator over `(offset, instruction)` pairs.
pub struct Instructions<'a> {
    code: &'a [u32],
    offset: usize,
}

impl Iterator for Instructions<'_> {
    type Item = (usize, Instruction);

    fn next(&mut self) -> Option<Self::Item> {
        let unit = *self.code.get(self.offset)?;
        let offset = self.offset;
        let instr = Instruction::decode(unit).unwrap_or(Instruction { op: Opcode::NOP, arg: 0 });
        self.offset += 1 + instr.op.cache_units();
        Some((offset, instr))
    }
}

impl fmt::Display for Constant {
    /// The constant as `repr()` would show it (used by the disassembler).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Constant::None => f.write_str("None"),
            Constant::Bool(true) => f.write_str("True"),
            Constant::Bool(false) => f.write_str("False"),
            Constant::Ellipsis => f.write_str("Ellipsis"),
            Constant::Int(i) => write!(f, "{i}"),
            Constant::Float(x) => write!(f, "{x:?}"),
            Constant::Complex { real, imag } => {
                if *real == 0.0 && real.is_sign_positive() {
                    write!(f, "{imag:?}j")
                } else {
                    write!(f, "({real:?}{imag:+?}j)")
                }
            }
            Constant::Str(s) => write!(f, "{s:?}"),
            Constant::Bytes(b) => write!(f, "b{:?}", String::from_utf8_lossy(b)),
            Constant::Tuple(items) => {
                f.write_str("(")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                if items.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            Constant::FrozenSet(items) => {
                f.write_str("frozenset({")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("})")
            }
            Constant::Code(code) => write!(
                f,
                "<code object {} at 0x{:x}, file \"{}\", line {}>",
                code.name,
                Arc::as_ptr(code) as usize,
                code.filename,
                code.first_line
            ),
        }
    }
}
