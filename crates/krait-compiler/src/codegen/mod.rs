//! Code generation: the AST of one module to a tree of code objects.
//!
//! A port of the code generator of CPython 3.11's `Python/compile.c`. Each
//! module, class body, function, lambda and comprehension is compiled as a
//! [`Unit`] — a control-flow graph of basic blocks, its constants and names
//! — on a stack of units; a nested unit is assembled into a `CodeObject`
//! (see `assemble`) as soon as it is finished and becomes a constant of its
//! parent.
//!
//! Instructions are emitted into the current block. Jumps name blocks, not
//! offsets; a block ends at its first jump or scope exit (a new block is
//! started automatically after one). Exception handling uses CPython's
//! pseudo-instructions: `SETUP_FINALLY`, `SETUP_CLEANUP` and `SETUP_WITH`
//! push a handler, `POP_BLOCK` pops it. They emit nothing; the assembler
//! walks the graph with a stack of handlers to label every instruction with
//! its innermost handler, and that labelling becomes the exception table.
//! `break`, `continue` and `return` unwind the enclosing *frame blocks*
//! ([`FBlock`]: loops, `try`, `with`, handlers) by emitting their cleanup
//! code inline, exactly as `compiler_unwind_fblock` does.
//!
//! Every instruction carries the location of the AST node being compiled
//! (`Loc`); "artificial" instructions get no location and inherit one from
//! their predecessor during assembly, as CPython marks them with
//! `UNSET_LOC`.
//!
//! The concerns are split: statements in `stmt`, expressions in `expr`,
//! functions, classes, lambdas and comprehensions in `scope`, calls and
//! displays in `call`, `match` in `pattern`.

mod call;
mod expr;
mod pattern;
mod scope;
mod stmt;
mod warnings;

use std::collections::HashMap;
use std::sync::Arc;

use krait_bytecode::{CodeObject, Constant, Opcode};
use ruff_python_ast::{Expr, Mod, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::source::SourceMap;
use crate::symtable::{mangle, NameScope, ScopeId, ScopeKind, SymbolTable};
use crate::{Mode, SyntaxWarning};

pub(crate) type CResult<T = ()> = Result<T, SyntaxError>;

/// An instruction's operation: a real opcode or one of the pseudo-ops the
/// assembler resolves (`Jump` becomes `JUMP_FORWARD` or `JUMP_BACKWARD`;
/// the `Setup*`/`PopBlock` ops become the exception table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Real(Opcode),
    Jump,
    JumpNoInterrupt,
    SetupFinally,
    SetupCleanup,
    SetupWith,
    PopBlock,
}

impl Op {
    pub fn is_jump(self) -> bool {
        match self {
            Op::Real(op) => op.has_jump(),
            Op::Jump | Op::JumpNoInterrupt => true,
            _ => false,
        }
    }

    pub fn is_block_push(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }

    pub fn is_unconditional_jump(self) -> bool {
        matches!(
            self,
            Op::Jump
                | Op::JumpNoInterrupt
                | Op::Real(Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT)
        )
    }

    pub fn is_scope_exit(self) -> bool {
        matches!(self, Op::Real(Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE))
    }

    /// Control never falls through to the next instruction.
    pub fn ends_flow(self) -> bool {
        self.is_unconditional_jump() || self.is_scope_exit()
    }

    pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        match self {
            Op::Real(op) => op.stack_effect(arg, jump),
            Op::Jump | Op::JumpNoInterrupt | Op::PopBlock => 0,
            Op::SetupFinally | Op::SetupWith => i32::from(jump),
            Op::SetupCleanup => {
                if jump {
                    2
                } else {
                    0
                }
            }
        }
    }
}

/// A source position; `line < 0` means "none yet" (CPython's `UNSET_LOC`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Loc {
    pub line: i32,
    pub end_line: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Loc {
    pub const NONE: Loc = Loc { line: -1, end_line: -1, col: -1, end_col: -1 };
}

#[derive(Clone, Debug)]
pub(crate) struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: Option<usize>,
    pub loc: Loc,
    /// Set by the assembler: the innermost exception handler block.
    pub handler: Option<usize>,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    pub instrs: Vec<Instr>,
}

/// An insertion-ordered set of names, indexed as CPython's `u_names` etc.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameSet {
    pub list: Vec<String>,
    map: HashMap<String, u32>,
}

impl NameSet {
    pub fn index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.map.get(name) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(name.to_string());
        self.map.insert(name.to_string(), i);
        i
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.map.get(name).copied()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// The frame blocks of `compiler_push_fblock`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone)]
pub(crate) enum FBlockDatum<'a> {
    None,
    Finally(&'a [Stmt]),
    With(TextRange),
    Name(String),
}

#[derive(Clone)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind,
    pub block: Option<usize>,
    pub exit: Option<usize>,
    pub datum: FBlockDatum<'a>,
}

/// One code object being compiled.
pub(crate) struct Unit<'a> {
    pub kind: UnitKind,
    pub scope: ScopeId,
    pub name: String,
    pub qualname: String,
    pub blocks: Vec<Block>,
    /// Blocks in layout order.
    pub order: Vec<usize>,
    pub current: usize,
    pub consts: Vec<Constant>,
    const_index: HashMap<String, u32>,
    pub names: NameSet,
    pub varnames: NameSet,
    pub cellvars: NameSet,
    pub freevars: NameSet,
    pub arg_count: u32,
    pub posonly_arg_count: u32,
    pub kwonly_arg_count: u32,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    pub first_line: u32,
    pub fblocks: Vec<FBlock<'a>>,
    pub loc: Loc,
    pub private: Option<String>,
}

impl Unit<'_> {
    fn new(kind: UnitKind, scope: ScopeId, name: &str, first_line: u32) -> Self {
        Unit {
            kind,
            scope,
            name: name.to_string(),
            qualname: name.to_string(),
            blocks: vec![Block::default()],
            order: vec![0],
            current: 0,
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: NameSet::default(),
            varnames: NameSet::default(),
            cellvars: NameSet::default(),
            freevars: NameSet::default(),
            arg_count: 0,
            posonly_arg_count: 0,
            kwonly_arg_count: 0,
            has_varargs: false,
            has_varkeywords: false,
            first_line,
            fblocks: Vec::new(),
            loc: Loc::NONE,
            private: None,
        }
    }

    pub fn add_const(&mut self, constant: Constant) -> u32 {
        let key = const_key(&constant);
        if let Some(key) = &key {
            if let Some(&i) = self.const_index.get(key) {
                return i;
            }
        }
        let i = self.consts.len() as u32;
        self.consts.push(constant);
        if let Some(key) = key {
            self.const_index.insert(key, i);
        }
        i
    }
}

/// A key that tells constants apart as CPython's `_PyCode_ConstantKey`
/// does: `1`, `1.0`, `True` and `-0.0` are all different constants.
fn const_key(constant: &Constant) -> Option<String> {
    Some(match constant {
        Constant::None => "N".into(),
        Constant::Bool(b) => format!("B{b}"),
        Constant::Ellipsis => "E".into(),
        Constant::Int(i) => format!("I{i}"),
        Constant::Float(f) => format!("F{:x}", f.to_bits()),
        Constant::Complex { real, imag } => format!("C{:x},{:x}", real.to_bits(), imag.to_bits()),
        Constant::Str(s) => format!("S{s}"),
        Constant::Bytes(b) => format!("Y{b:?}"),
        Constant::Tuple(items) => {
            let keys: Option<Vec<String>> = items.iter().map(const_key).collect();
            format!("T({})", keys?.join("\u{1}"))
        }
        Constant::FrozenSet(items) => {
            let keys: Option<Vec<String>> = items.iter().map(const_key).collect();
            format!("Z({})", keys?.join("\u{1}"))
        }
        Constant::Code(_) => return None,
    })
}

/// Load/store/delete, as the AST's `expr_context`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

pub(crate) struct Compiler<'a> {
    pub table: &'a SymbolTable,
    pub source: &'a SourceMap<'a>,
    pub filename: Arc<str>,
    pub units: Vec<Unit<'a>>,
    pub interactive: bool,
    /// `from __future__ import annotations`.
    pub future_annotations: bool,
    /// Where the leading docstring and `from __future__` imports end.
    pub future_limit: TextSize,
    /// The `SyntaxWarning`s issued so far, in order.
    pub warnings: Vec<SyntaxWarning>,
}

/// Compile a parsed module (see `crate::compile`).
pub(crate) fn compile_module(
    module: &Mod,
    table: &SymbolTable,
    source: &SourceMap,
    filename: &str,
    mode: Mode,
) -> CResult<(CodeObject, Vec<SyntaxWarning>)> {
    let mut compiler = Compiler {
        table,
        source,
        filename: Arc::from(filename),
        units: Vec::new(),
        interactive: false,
        future_annotations: table.future_annotations,
        future_limit: match module {
            Mod::Module(m) => future_limit(&m.body),
            Mod::Expression(_) => TextSize::default(),
        },
        warnings: Vec::new(),
    };
    compiler.enter_unit(UnitKind::Module, 0, "<module>", 1);
    let code = match (module, mode) {
        (Mod::Module(m), Mode::Single) => {
            compiler.interactive = true;
            if stmt::find_annotations(&m.body) {
                compiler.emit(Opcode::SETUP_ANNOTATIONS, 0);
            }
            compiler.stmts(&m.body)?;
            compiler.finish_unit(true)
        }
        (Mod::Module(m), _) => {
            compiler.module_body(&m.body)?;
            compiler.finish_unit(true)
        }
        (Mod::Expression(e), _) => {
            compiler.expr(&e.body)?;
            compiler.finish_unit(false)
        }
    }?;
    Ok((code, compiler.warnings))
}

impl<'a> Compiler<'a> {
    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is being compiled")
    }

    pub fn unit(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is being compiled")
    }

    pub fn scope(&self) -> &'a crate::symtable::Scope {
        &self.table.scopes[self.unit().scope]
    }

    pub fn error(&self, message: impl Into<String>, range: TextRange) -> SyntaxError {
        SyntaxError::at(self.source, &self.filename, SyntaxErrorKind::SyntaxError, message, range)
    }

    /// The error at the current location.
    pub fn error_here(&self, message: impl Into<String>) -> SyntaxError {
        let loc = self.unit().loc;
        let line = loc.line.max(1) as u32;
        let start = self.source.line_start(line) + loc.col.max(0) as u32;
        let end_line = loc.end_line.max(loc.line).max(1) as u32;
        let end = self.source.line_start(end_line) + loc.end_col.max(0) as u32;
        self.error(message, TextRange::new(TextSize::from(start), TextSize::from(end.max(start))))
    }

    // ---- units ----------------------------------------------------------------------

    /// CPython's `compiler_enter_scope`.
    pub fn enter_unit(&mut self, kind: UnitKind, scope: ScopeId, name: &str, first_line: u32) {
        let mut unit = Unit::new(kind, scope, name, first_line);
        let symbols = &self.table.scopes[scope];
        for varname in &symbols.varnames {
            unit.varnames.index(varname);
        }
        for cell in symbols.names_with(NameScope::Cell, 0) {
            unit.cellvars.index(&cell);
        }
        if symbols.needs_class_closure {
            unit.cellvars.index("__class__");
        }
        for free in symbols.names_with(NameScope::Free, crate::symtable::DEF_FREE_CLASS) {
            unit.freevars.index(&free);
        }
        unit.private = self.units.last().and_then(|parent| parent.private.clone());
        let first = first_line as i32;
        if kind == UnitKind::Module {
            unit.loc = Loc { line: 0, end_line: 1, col: 0, end_col: 0 };
        } else {
            unit.qualname = self.qualname_for(kind, name);
            unit.loc = Loc { line: first, end_line: first, col: 0, end_col: 0 };
        }
        self.units.push(unit);
        self.emit(Opcode::RESUME, 0);
        if kind == UnitKind::Module {
            self.u().loc = Loc::NONE;
        }
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, kind: UnitKind, name: &str) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        if matches!(kind, UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.table.scopes[parent.scope].scope_of(&mangled) == Some(NameScope::GlobalExplicit) {
                return name.to_string();
            }
        }
        if matches!(parent.kind, UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda) {
            format!("{}.<locals>.{name}", parent.qualname)
        } else {
            format!("{}.{name}", parent.qualname)
        }
    }

    /// Close the current unit (adding the implicit `return None`) and
    /// assemble it.
    pub fn finish_unit(&mut self, add_none: bool) -> CResult<CodeObject> {
        let last = self.unit().current;
        let returns = self.unit().blocks[last].instrs.last().is_some_and(|i| i.op == Op::Real(Opcode::RETURN_VALUE));
        if !returns {
            self.unset_loc();
            if add_none {
                self.load_const(Constant::None);
            }
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let unit = self.units.pop().expect("a unit is being compiled");
        let scope = &self.table.scopes[unit.scope];
        let top_level_await = false;
        Ok(crate::assemble::assemble(unit, scope, &self.filename, top_level_await))
    }

    // ---- locations ------------------------------------------------------------------

    pub fn loc_of(&self, range: TextRange) -> Loc {
        let loc = self.source.location(range);
        Loc { line: loc.line as i32, end_line: loc.end_line as i32, col: loc.col as i32, end_col: loc.end_col as i32 }
    }

    pub fn set_loc(&mut self, range: TextRange) {
        let loc = self.loc_of(range);
        self.u().loc = loc;
    }

    pub fn unset_loc(&mut self) {
        self.u().loc = Loc::NONE;
    }

    /// The range of a statement as CPython's AST has it: a decorated
    /// definition starts at `def`/`class`, not at its first decorator.
    pub fn stmt_range(&self, stmt: &Stmt) -> TextRange {
        let last_decorator_end = match stmt {
            Stmt::FunctionDef(def) => def.decorator_list.last().map(|d| d.end()),
            Stmt::ClassDef(class) => class.decorator_list.last().map(|d| d.end()),
            _ => None,
        };
        let Some(from) = last_decorator_end else {
            return stmt.range();
        };
        let text = self.source.text.as_bytes();
        let mut i = u32::from(from) as usize;
        while i < text.len() {
            match text[i] {
                b'#' => {
                    while i < text.len() && text[i] != b'\n' {
                        i += 1;
                    }
                }
                c if c.is_ascii_alphabetic() => break,
                _ => i += 1,
            }
        }
        TextRange::new(TextSize::from(i as u32), stmt.end())
    }

    // ---- emitting -------------------------------------------------------------------

    pub fn new_block(&mut self) -> usize {
        let unit = self.u();
        unit.blocks.push(Block::default());
        unit.blocks.len() - 1
    }

    /// Continue emitting into `block`, laid out after the current one.
    pub fn use_block(&mut self, block: usize) {
        let unit = self.u();
        unit.order.push(block);
        unit.current = block;
    }

    pub fn next_block(&mut self) {
        let block = self.new_block();
        self.use_block(block);
    }

    fn push_instr(&mut self, op: Op, arg: u32, target: Option<usize>) {
        let current = self.unit().current;
        let ended =
            self.unit().blocks[current].instrs.last().is_some_and(|last| last.op.is_jump() || last.op.ends_flow());
        if ended {
            self.next_block();
        }
        let unit = self.u();
        let loc = unit.loc;
        let block = &mut unit.blocks[unit.current].instrs;
        // BUILD_TUPLE n; UNPACK_SEQUENCE n is a swap (CPython's peephole).
        if op == Op::Real(Opcode::UNPACK_SEQUENCE) {
            if let Some(last) = block.last_mut() {
                if last.op == Op::Real(Opcode::BUILD_TUPLE) && last.arg == arg && (1..=3).contains(&arg) {
                    if arg == 1 {
                        last.op = Op::Real(Opcode::NOP);
                    } else {
                        last.op = Op::Real(Opcode::SWAP);
                    }
                    return;
                }
            }
        }
        if op == Op::Real(Opcode::BUILD_TUPLE) {
            // A tuple of constants is a constant (`fold_tuple_on_constants`).
            let n = arg as usize;
            if n > 0
                && block.len() >= n
                && block[block.len() - n..].iter().all(|i| i.op == Op::Real(Opcode::LOAD_CONST))
            {
                let items: Vec<Constant> =
                    block[block.len() - n..].iter().map(|i| unit.consts[i.arg as usize].clone()).collect();
                let start = block.len() - n;
                for instr in &mut block[start..] {
                    instr.op = Op::Real(Opcode::NOP);
                }
                let index = unit.add_const(Constant::Tuple(items));
                let block = &mut unit.blocks[unit.current].instrs;
                block.push(Instr { op: Op::Real(Opcode::LOAD_CONST), arg: index, target: None, loc, handler: None });
                return;
            }
        }
        if matches!(op, Op::Real(Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE)) && block.len() >= 2 {
            // LOAD_CONST None; IS_OP; POP_JUMP_IF_x is POP_JUMP_IF_[NOT_]NONE.
            let len = block.len();
            let (load, is_op) = (&block[len - 2], &block[len - 1]);
            if load.op == Op::Real(Opcode::LOAD_CONST)
                && unit.consts[load.arg as usize] == Constant::None
                && is_op.op == Op::Real(Opcode::IS_OP)
            {
                let mut invert = is_op.arg == 1;
                if op == Op::Real(Opcode::POP_JUMP_IF_FALSE) {
                    invert = !invert;
                }
                block[len - 2].op = Op::Real(Opcode::NOP);
                block[len - 1].op = Op::Real(Opcode::NOP);
                block[len - 1].arg = 0;
                let op = if invert { Opcode::POP_JUMP_IF_NOT_NONE } else { Opcode::POP_JUMP_IF_NONE };
                block.push(Instr { op: Op::Real(op), arg, target, loc, handler: None });
                return;
            }
        }
        block.push(Instr { op, arg, target, loc, handler: None });
    }

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        self.push_instr(Op::Real(op), arg, None);
    }

    pub fn emit_jump(&mut self, op: Opcode, target: usize) {
        self.push_instr(Op::Real(op), 0, Some(target));
    }

    pub fn emit_pseudo(&mut self, op: Op, target: Option<usize>) {
        self.push_instr(op, 0, target);
    }

    /// An unconditional jump (resolved to JUMP_FORWARD or JUMP_BACKWARD).
    pub fn jump(&mut self, target: usize) {
        self.push_instr(Op::Jump, 0, Some(target));
    }

    /// A jump that does not carry a line of its own (`ADDOP_JUMP_NOLINE`).
    pub fn jump_noline(&mut self, target: usize) {
        let saved = self.unit().loc;
        self.unset_loc();
        self.jump(target);
        self.u().loc = saved;
    }

    pub fn emit_noline(&mut self, op: Op) {
        let saved = self.unit().loc;
        self.unset_loc();
        self.push_instr(op, 0, None);
        self.u().loc = saved;
    }

    pub fn load_const(&mut self, constant: Constant) {
        let index = self.u().add_const(constant);
        self.emit(Opcode::LOAD_CONST, index);
    }

    pub fn load_str(&mut self, s: &str) {
        self.load_const(Constant::Str(s.to_string()));
    }

    pub fn name_index(&mut self, name: &str) -> u32 {
        self.u().names.index(name)
    }

    /// `ADDOP_NAME`: the name is mangled.
    pub fn emit_name(&mut self, op: Opcode, name: &str) {
        let mangled = mangle(self.unit().private.as_deref(), name);
        let index = self.name_index(&mangled);
        self.emit(op, index);
    }

    /// COPY 3; POP_EXCEPT; RERAISE 1
    pub fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
    }

    /// The `yield from`/`await` loop: SEND; YIELD_VALUE; RESUME; JUMP back.
    pub fn add_yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_block(start);
        self.emit_jump(Opcode::SEND, exit);
        self.use_block(resume);
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, if is_await { 3 } else { 2 });
        self.push_instr(Op::JumpNoInterrupt, 0, Some(start));
        self.use_block(exit);
    }

    /// `ADDOP_YIELD`.
    pub fn emit_yield(&mut self) {
        let scope = self.scope();
        if scope.kind == ScopeKind::Function && scope.is_coroutine {
            self.emit(Opcode::ASYNC_GEN_WRAP, 0);
        }
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, 1);
    }

    // ---- names ----------------------------------------------------------------------

    /// CPython's `compiler_nameop`.
    pub fn nameop(&mut self, name: &str, ctx: Ctx, range: TextRange) -> CResult {
        if name == "__debug__" && ctx != Ctx::Load {
            let verb = if ctx == Ctx::Del { "delete" } else { "assign to" };
            return Err(self.error(format!("cannot {verb} __debug__"), range));
        }
        let mangled = mangle(self.unit().private.as_deref(), name);
        let scope = self.scope();
        let is_function = scope.kind == ScopeKind::Function;
        let is_class = scope.kind == ScopeKind::Class;
        enum Kind {
            Fast,
            Deref(u32),
            Global,
            Name,
        }
        let kind = match scope.scope_of(&mangled) {
            Some(NameScope::Free) => {
                let unit = self.unit();
                Kind::Deref(unit.cellvars.len() as u32 + unit.freevars.get(&mangled).unwrap_or(0))
            }
            Some(NameScope::Cell) => Kind::Deref(self.unit().cellvars.get(&mangled).unwrap_or(0)),
            Some(NameScope::Local) if is_function => Kind::Fast,
            Some(NameScope::GlobalImplicit) if is_function => Kind::Global,
            Some(NameScope::GlobalExplicit) => Kind::Global,
            _ => Kind::Name,
        };
        match kind {
            Kind::Fast => {
                let index = self.u().varnames.index(&mangled);
                let op = match ctx {
                    Ctx::Load => Opcode::LOAD_FAST,
                    Ctx::Store => Opcode::STORE_FAST,
                    Ctx::Del => Opcode::DELETE_FAST,
                };
                self.emit(op, index);
            }
            Kind::Deref(index) => {
                let op = match ctx {
                    Ctx::Load if is_class => Opcode::LOAD_CLASSDEREF,
                    Ctx::Load => Opcode::LOAD_DEREF,
                    Ctx::Store => Opcode::STORE_DEREF,
                    Ctx::Del => Opcode::DELETE_DEREF,
                };
                self.emit(op, index);
            }
            Kind::Global => {
                let index = self.name_index(&mangled);
                match ctx {
                    Ctx::Load => self.emit(Opcode::LOAD_GLOBAL, index << 1),
                    Ctx::Store => self.emit(Opcode::STORE_GLOBAL, index),
                    Ctx::Del => self.emit(Opcode::DELETE_GLOBAL, index),
                }
            }
            Kind::Name => {
                let index = self.name_index(&mangled);
                let op = match ctx {
                    Ctx::Load => Opcode::LOAD_NAME,
                    Ctx::Store => Opcode::STORE_NAME,
                    Ctx::Del => Opcode::DELETE_NAME,
                };
                self.emit(op, index);
            }
        }
        Ok(())
    }

    /// Whether loading `name` here is a `LOAD_GLOBAL` (which can push the
    /// NULL of a call itself).
    pub fn is_global_load(&self, name: &str) -> bool {
        let mangled = mangle(self.unit().private.as_deref(), name);
        let scope = self.scope();
        match scope.scope_of(&mangled) {
            Some(NameScope::GlobalExplicit) => true,
            Some(NameScope::GlobalImplicit) => scope.kind == ScopeKind::Function,
            _ => false,
        }
    }

    // ---- frame blocks ---------------------------------------------------------------

    pub fn push_fblock(
        &mut self,
        kind: FBlockKind,
        block: Option<usize>,
        exit: Option<usize>,
        datum: FBlockDatum<'a>,
    ) -> CResult {
        if self.unit().fblocks.len() >= 20 {
            return Err(self.error_here("too many statically nested blocks"));
        }
        self.u().fblocks.push(FBlock { kind, block, exit, datum });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    /// CPython's `compiler_unwind_fblock`.
    pub fn unwind_fblock(&mut self, info: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlockKind::TryExcept => self.emit_pseudo(Op::PopBlock, None),
            FBlockKind::FinallyTry => {
                self.emit_pseudo(Op::PopBlock, None);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None, FBlockDatum::None)?;
                }
                if let FBlockDatum::Finally(body) = info.datum {
                    self.stmts(body)?;
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_pseudo(Op::PopBlock, None);
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                if let FBlockDatum::With(range) = info.datum {
                    self.set_loc(range);
                }
                self.emit_pseudo(Op::PopBlock, None);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                if info.kind == FBlockKind::AsyncWith {
                    self.emit(Opcode::GET_AWAITABLE, 2);
                    self.load_const(Constant::None);
                    self.add_yield_from(true);
                }
                self.emit(Opcode::POP_TOP, 0);
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup => {
                let name = match &info.datum {
                    FBlockDatum::Name(name) => Some(name.clone()),
                    _ => None,
                };
                if name.is_some() {
                    self.emit_pseudo(Op::PopBlock, None);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_pseudo(Op::PopBlock, None);
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(name) = name {
                    self.load_const(Constant::None);
                    let range = TextRange::default();
                    self.nameop(&name, Ctx::Store, range)?;
                    self.nameop(&name, Ctx::Del, range)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// CPython's `compiler_unwind_fblock_stack`: unwind everything up to the
    /// innermost loop (if `want_loop`) and return that loop.
    pub fn unwind_fblock_stack(&mut self, preserve_tos: bool, want_loop: bool) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.unit().fblocks.last().cloned() else {
            return Ok(None);
        };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(self.error_here("'break', 'continue' and 'return' cannot appear in an except* block"));
        }
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let result = self.unwind_fblock_stack(preserve_tos, want_loop)?;
        self.u().fblocks.push(top);
        Ok(result)
    }

    /// `exit(None, None, None)` for the `with` on the stack.
    pub fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::CALL, 2);
    }

    // ---- docstrings -----------------------------------------------------------------

    /// The docstring of a body: a first statement that is a plain string.
    pub fn docstring(body: &[Stmt]) -> Option<String> {
        match body.first()? {
            Stmt::Expr(e) => match &*e.value {
                Expr::StringLiteral(s) => Some(s.value.to_str().to_string()),
                _ => None,
            },
            _ => None,
        }
    }

    /// CPython's `compiler_body` for modules and class bodies.
    pub fn module_body(&mut self, body: &'a [Stmt]) -> CResult {
        if self.unit().kind == UnitKind::Module {
            if let Some(first) = body.first() {
                let range = self.stmt_range(first);
                self.set_loc(range);
            }
        }
        if stmt::find_annotations(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        let mut rest = body;
        if let Some(doc) = Self::docstring(body) {
            if let Stmt::Expr(e) = &body[0] {
                self.expr(&e.value)?;
                let _ = doc;
                self.unset_loc();
                self.nameop("__doc__", Ctx::Store, e.range)?;
                rest = &body[1..];
            }
        }
        self.stmts(rest)
    }
}

impl Compiler<'_> {
    /// Whether `from __future__` is still allowed at `range`: only the
    /// docstring and other future imports may precede it.
    pub fn future_allowed_at(&self, range: TextRange) -> bool {
        range.end() <= self.future_limit
    }
}

fn future_limit(body: &[Stmt]) -> TextSize {
    let mut limit = TextSize::default();
    for (i, stmt) in body.iter().enumerate() {
        match stmt {
            Stmt::Expr(e) if i == 0 && e.value.is_string_literal_expr() => limit = stmt.end(),
            Stmt::ImportFrom(import)
                if import.level == 0 && import.module.as_ref().is_some_and(|m| m.as_str() == "__future__") =>
            {
                limit = stmt.end()
            }
            _ => break,
        }
    }
    limit
}
