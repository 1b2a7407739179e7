//! Krait's bytecode compiler: Python 3.11 source to `krait_bytecode::CodeObject`.
//!
//! The pipeline mirrors CPython's `Python/compile.c`, one module per phase:
//!
//! 1. `ruff_python_parser` parses the source (target version 3.11). Its
//!    errors, and the syntax it accepts but 3.11 does not, become CPython's
//!    `SyntaxError`s in [`error`], which also maps byte offsets to lines and
//!    columns ([`source`]).
//! 2. [`symtable`] walks the tree once and decides, for every name in every
//!    scope, whether it is local, global, free or a cell (CPython's
//!    `symtable.c`), reporting the scope errors (`nonlocal` without a
//!    binding, `global` after use, ...).
//! 3. [`codegen`] walks the tree again and emits instructions into basic
//!    blocks, with pseudo-instructions for exception-handler setup, exactly
//!    as 3.11's code generator does. [`fold`] evaluates constant
//!    sub-expressions on the way (CPython's `ast_opt.c`).
//! 4. [`assemble`] turns each unit's control-flow graph into a `CodeObject`:
//!    dead code removal, line-number propagation, the stack-depth walk, the
//!    exception table and jump resolution (CPython's `assemble()`).

mod anchors;
mod assemble;
mod codegen;
mod error;
mod fold;
mod source;
mod symtable;
mod tabs;
mod tokenize;

pub use anchors::caret_anchors;
pub use error::{SyntaxError, SyntaxErrorKind};

use krait_bytecode::CodeObject;

/// What the source is compiled as, as the `mode` argument of `compile()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: a sequence of statements.
    Exec,
    /// A single expression whose value the code object returns.
    Eval,
    /// One interactive statement: expression statements print their value.
    Single,
}

/// A `SyntaxWarning` the compiler issued. CPython shows these through the
/// `warnings` module; by default it prints
/// `{filename}:{line}: SyntaxWarning: {message}` and the source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub message: String,
    pub filename: String,
    pub line: u32,
}

/// A compiled code object and the warnings issued on the way, in order.
#[derive(Debug)]
pub struct CompileOutput {
    pub code: CodeObject,
    pub warnings: Vec<SyntaxWarning>,
}

/// Compile `source` into the code object of a module (or an expression, or
/// an interactive statement), or report the first syntax error CPython 3.11
/// would report. Warnings are dropped; see [`compile_with_warnings`].
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, SyntaxError> {
    compile_with_warnings(source, filename, mode).map(|output| output.code)
}

/// [`compile`], keeping the `SyntaxWarning`s: those of the tokenizer
/// (a number running into a keyword, `1if x else y`) and those of the code
/// generator (`x is 5`, `"abc"()`, `assert (x, "msg")`, ...).
pub fn compile_with_warnings(source: &str, filename: &str, mode: Mode) -> Result<CompileOutput, SyntaxError> {
    let source_map = source::SourceMap::new(source);
    let mut warnings = Vec::new();
    let module = error::parse(source, &source_map, filename, mode, &mut warnings)?;
    let table = symtable::SymbolTable::build(&module, &source_map, filename)?;
    let (code, codegen_warnings) = codegen::compile_module(&module, &table, &source_map, filename, mode)?;
    warnings.extend(codegen_warnings);
    Ok(CompileOutput { code, warnings })
}

#[cfg(test)]
mod tests;
