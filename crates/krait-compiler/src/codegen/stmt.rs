//! Statements: control flow, exception handling, `with`, assignments,
//! imports — CPython 3.11's `compiler_visit_stmt` and the functions it
//! calls, in the same block layout.
//!
//! The exception-handling shapes the interpreter must match:
//!
//! * `try/except`: the body runs under `SETUP_FINALLY handler`. The handler
//!   starts with the exception pushed on the restored stack, runs
//!   `PUSH_EXC_INFO` (stack: `prev_exc, exc`) under `SETUP_CLEANUP cleanup`,
//!   tests each clause with `CHECK_EXC_MATCH; POP_JUMP_IF_FALSE`, and a
//!   named clause runs its body under another `SETUP_CLEANUP` that deletes
//!   the name. `cleanup` is `COPY 3; POP_EXCEPT; RERAISE 1` (with `lasti`).
//! * `try/finally`: the finally body is emitted twice, once for the normal
//!   path and once as a handler (`PUSH_EXC_INFO ... RERAISE 0`), plus once
//!   more at every `return`/`break`/`continue` that leaves the `try`.
//! * `with`: `BEFORE_WITH` pushes `exit, enter_result`; the body runs under
//!   `SETUP_WITH` whose handler sees `exit, lasti, exc`, pushes the previous
//!   exception and calls `WITH_EXCEPT_START`.

use krait_bytecode::{BinaryOp, Constant, Opcode};
use ruff_python_ast::{self as ast, ExceptHandler, Expr, Operator, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{CResult, Compiler, Ctx, FBlockDatum, FBlockKind, Op, UnitKind};
use crate::fold;
use crate::symtable::ScopeKind;

/// Whether a body contains an annotated assignment outside nested scopes
/// (CPython's `find_ann`).
pub(crate) fn find_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|stmt| match stmt {
        Stmt::AnnAssign(_) => true,
        Stmt::For(s) => find_annotations(&s.body) || find_annotations(&s.orelse),
        Stmt::While(s) => find_annotations(&s.body) || find_annotations(&s.orelse),
        Stmt::If(s) => find_annotations(&s.body) || s.elif_else_clauses.iter().any(|c| find_annotations(&c.body)),
        Stmt::With(s) => find_annotations(&s.body),
        Stmt::Try(s) => {
            find_annotations(&s.body)
                || find_annotations(&s.orelse)
                || find_annotations(&s.finalbody)
                || s.handlers.iter().any(|ExceptHandler::ExceptHandler(h)| find_annotations(&h.body))
        }
        Stmt::Match(s) => s.cases.iter().any(|c| find_annotations(&c.body)),
        _ => false,
    })
}

pub(crate) fn binary_op(op: Operator) -> BinaryOp {
    match op {
        Operator::Add => BinaryOp::Add,
        Operator::Sub => BinaryOp::Subtract,
        Operator::Mult => BinaryOp::Multiply,
        Operator::MatMult => BinaryOp::MatrixMultiply,
        Operator::Div => BinaryOp::TrueDivide,
        Operator::Mod => BinaryOp::Remainder,
        Operator::Pow => BinaryOp::Power,
        Operator::LShift => BinaryOp::LShift,
        Operator::RShift => BinaryOp::RShift,
        Operator::BitOr => BinaryOp::Or,
        Operator::BitXor => BinaryOp::Xor,
        Operator::BitAnd => BinaryOp::And,
        Operator::FloorDiv => BinaryOp::FloorDivide,
    }
}

const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

impl<'a> Compiler<'a> {
    pub fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        body.iter().try_for_each(|stmt| self.stmt(stmt))
    }

    pub fn stmt(&mut self, stmt: &'a Stmt) -> CResult {
        let range = self.stmt_range(stmt);
        self.set_loc(range);
        match stmt {
            Stmt::FunctionDef(def) => self.function_def(def, range),
            Stmt::ClassDef(class) => self.class_def(class, range),
            Stmt::Return(ret) => self.return_stmt(ret),
            Stmt::Delete(del) => del.targets.iter().try_for_each(|t| self.expr(t)),
            Stmt::Assign(assign) => {
                self.expr(&assign.value)?;
                let n = assign.targets.len();
                for (i, target) in assign.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::COPY, 1);
                    }
                    self.expr(target)?;
                }
                Ok(())
            }
            Stmt::AugAssign(assign) => self.aug_assign(assign),
            Stmt::AnnAssign(assign) => self.ann_assign(assign),
            Stmt::For(for_) if for_.is_async => self.async_for(for_),
            Stmt::For(for_) => self.for_loop(for_),
            Stmt::While(while_) => self.while_loop(while_),
            Stmt::If(if_) => self.if_stmt(&if_.test, &if_.body, &if_.elif_else_clauses),
            Stmt::With(with) if with.is_async => self.async_with(with, 0, range),
            Stmt::With(with) => self.with(with, 0, range),
            Stmt::Match(match_) => self.match_stmt(match_),
            Stmt::Raise(raise) => {
                let mut n = 0;
                if let Some(exc) = &raise.exc {
                    self.expr(exc)?;
                    n += 1;
                    if let Some(cause) = &raise.cause {
                        self.expr(cause)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n);
                Ok(())
            }
            Stmt::Try(try_) if try_.is_star => {
                if try_.finalbody.is_empty() {
                    self.try_star_except(try_)
                } else {
                    self.try_finally(try_)
                }
            }
            Stmt::Try(try_) => {
                if try_.finalbody.is_empty() {
                    self.try_except(try_)
                } else {
                    self.try_finally(try_)
                }
            }
            Stmt::Assert(assert) => self.assert_stmt(assert),
            Stmt::Import(import) => self.import(import),
            Stmt::ImportFrom(import) => self.import_from(import),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => self.expr_stmt(&e.value),
            Stmt::Pass(_) => {
                self.emit(Opcode::NOP, 0);
                Ok(())
            }
            Stmt::Break(_) => self.break_stmt(),
            Stmt::Continue(_) => self.continue_stmt(),
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => Err(self.error("invalid syntax", range)),
        }
    }

    fn expr_stmt(&mut self, value: &'a Expr) -> CResult {
        if self.interactive && self.units.len() <= 1 {
            self.expr(value)?;
            self.emit(Opcode::PRINT_EXPR, 0);
            return Ok(());
        }
        if fold::constant(value).is_some() {
            self.emit(Opcode::NOP, 0);
            return Ok(());
        }
        self.expr(value)?;
        self.unset_loc();
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    fn return_stmt(&mut self, ret: &'a ast::StmtReturn) -> CResult {
        let constant = ret.value.as_deref().and_then(fold::constant);
        let preserve_tos = ret.value.is_some() && constant.is_none();
        let scope = self.scope();
        if scope.kind != ScopeKind::Function {
            return Err(self.error("'return' outside function", ret.range));
        }
        if ret.value.is_some() && scope.is_coroutine && scope.is_generator {
            return Err(self.error("'return' with value in async generator", ret.range));
        }
        if let Some(value) = &ret.value {
            if preserve_tos {
                self.expr(value)?;
            } else {
                self.set_loc(value.range());
                self.emit(Opcode::NOP, 0);
            }
        }
        let stmt_line = self.source.line_of(ret.range.start());
        if ret.value.as_ref().is_none_or(|v| self.source.line_of(v.start()) != stmt_line) {
            self.set_loc(ret.range);
            self.emit(Opcode::NOP, 0);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match (&ret.value, constant) {
            (None, _) => self.load_const(Constant::None),
            (Some(_), Some(constant)) => self.load_const(constant),
            _ => {}
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }

    fn break_stmt(&mut self) -> CResult {
        self.emit(Opcode::NOP, 0);
        let Some(loop_) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error_here("'break' outside loop"));
        };
        self.unwind_fblock(&loop_, false)?;
        self.jump(loop_.exit.expect("loops have an exit"));
        Ok(())
    }

    fn continue_stmt(&mut self) -> CResult {
        self.emit(Opcode::NOP, 0);
        let Some(loop_) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error_here("'continue' not properly in loop"));
        };
        self.jump(loop_.block.expect("loops have a start"));
        Ok(())
    }

    fn if_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], clauses: &'a [ast::ElifElseClause]) -> CResult {
        let end = self.new_block();
        let next = if clauses.is_empty() { end } else { self.new_block() };
        self.jump_if(test, next, false)?;
        self.stmts(body)?;
        if let Some((clause, rest)) = clauses.split_first() {
            self.jump_noline(end);
            self.use_block(next);
            match &clause.test {
                Some(test) => {
                    self.set_loc(clause.range);
                    self.if_stmt(test, &clause.body, rest)?;
                }
                None => self.stmts(&clause.body)?,
            }
        }
        self.use_block(end);
        Ok(())
    }

    fn while_loop(&mut self, while_: &'a ast::StmtWhile) -> CResult {
        let loop_ = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_block(loop_);
        self.push_fblock(FBlockKind::WhileLoop, Some(loop_), Some(end), FBlockDatum::None)?;
        self.jump_if(&while_.test, anchor, false)?;
        self.use_block(body);
        self.stmts(&while_.body)?;
        self.set_loc(while_.range);
        self.jump_if(&while_.test, body, true)?;
        self.pop_fblock();
        self.use_block(anchor);
        self.stmts(&while_.orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn for_loop(&mut self, for_: &'a ast::StmtFor) -> CResult {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end), FBlockDatum::None)?;
        self.expr(&for_.iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.use_block(start);
        self.emit_jump(Opcode::FOR_ITER, cleanup);
        self.use_block(body);
        self.expr(&for_.target)?;
        self.stmts(&for_.body)?;
        self.unset_loc();
        self.jump(start);
        self.use_block(cleanup);
        self.pop_fblock();
        self.stmts(&for_.orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn check_async_allowed(&mut self, what: &str, range: TextRange) -> CResult {
        if self.unit().kind != UnitKind::AsyncFunction {
            return Err(self.error(format!("'{what}' outside async function"), range));
        }
        Ok(())
    }

    fn async_for(&mut self, for_: &'a ast::StmtFor) -> CResult {
        self.check_async_allowed("async for", for_.range)?;
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.expr(&for_.iter)?;
        self.emit(Opcode::GET_AITER, 0);
        self.use_block(start);
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end), FBlockDatum::None)?;
        self.emit_pseudo(Op::SetupFinally, Some(except));
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit_pseudo(Op::PopBlock, None);
        self.expr(&for_.target)?;
        self.stmts(&for_.body)?;
        self.unset_loc();
        self.jump(start);
        self.pop_fblock();
        self.use_block(except);
        self.set_loc(for_.iter.range());
        self.emit(Opcode::END_ASYNC_FOR, 0);
        self.stmts(&for_.orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn with(&mut self, with: &'a ast::StmtWith, pos: usize, range: TextRange) -> CResult {
        let item = &with.items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        self.emit(Opcode::BEFORE_WITH, 0);
        self.emit_pseudo(Op::SetupWith, Some(final_));
        self.use_block(block);
        self.push_fblock(FBlockKind::With, Some(block), Some(final_), FBlockDatum::With(range))?;
        match &item.optional_vars {
            Some(vars) => self.expr(vars)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if pos + 1 == with.items.len() {
            self.stmts(&with.body)?;
        } else {
            self.with(with, pos + 1, range)?;
        }
        self.unset_loc();
        self.emit_pseudo(Op::PopBlock, None);
        self.pop_fblock();
        self.set_loc(range);
        self.call_exit_with_nones();
        self.emit(Opcode::POP_TOP, 0);
        self.jump(exit);
        self.use_block(final_);
        self.emit_pseudo(Op::SetupCleanup, Some(cleanup));
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        self.with_except_finish(cleanup);
        self.use_block(exit);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: usize) {
        self.unset_loc();
        let exit = self.new_block();
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, exit);
        self.emit(Opcode::RERAISE, 2);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_pseudo(Op::PopBlock, None);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
    }

    fn async_with(&mut self, with: &'a ast::StmtWith, pos: usize, range: TextRange) -> CResult {
        self.check_async_allowed("async with", range)?;
        let item = &with.items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        self.emit(Opcode::BEFORE_ASYNC_WITH, 0);
        self.emit(Opcode::GET_AWAITABLE, 1);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit_pseudo(Op::SetupWith, Some(final_));
        self.use_block(block);
        self.push_fblock(FBlockKind::AsyncWith, Some(block), Some(final_), FBlockDatum::With(range))?;
        match &item.optional_vars {
            Some(vars) => self.expr(vars)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if pos + 1 == with.items.len() {
            self.stmts(&with.body)?;
        } else {
            self.async_with(with, pos + 1, range)?;
        }
        self.pop_fblock();
        self.emit_pseudo(Op::PopBlock, None);
        self.set_loc(range);
        self.call_exit_with_nones();
        self.emit(Opcode::GET_AWAITABLE, 2);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit(Opcode::POP_TOP, 0);
        self.jump(exit);
        self.use_block(final_);
        self.emit_pseudo(Op::SetupCleanup, Some(cleanup));
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        self.emit(Opcode::GET_AWAITABLE, 2);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.with_except_finish(cleanup);
        self.use_block(exit);
        Ok(())
    }

    fn try_finally(&mut self, try_: &'a ast::StmtTry) -> CResult {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.emit_pseudo(Op::SetupFinally, Some(end));
        self.use_block(body);
        self.push_fblock(FBlockKind::FinallyTry, Some(body), Some(end), FBlockDatum::Finally(&try_.finalbody))?;
        if !try_.handlers.is_empty() {
            if try_.is_star {
                self.try_star_except(try_)?;
            } else {
                self.try_except(try_)?;
            }
        } else {
            self.stmts(&try_.body)?;
        }
        self.emit_noline(Op::PopBlock);
        self.pop_fblock();
        self.stmts(&try_.finalbody)?;
        self.jump_noline(exit);
        self.use_block(end);
        self.unset_loc();
        self.emit_pseudo(Op::SetupCleanup, Some(cleanup));
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::FinallyEnd, Some(end), None, FBlockDatum::None)?;
        self.stmts(&try_.finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        Ok(())
    }

    fn try_except(&mut self, try_: &'a ast::StmtTry) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.emit_pseudo(Op::SetupFinally, Some(except));
        self.use_block(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None, FBlockDatum::None)?;
        self.stmts(&try_.body)?;
        self.pop_fblock();
        self.emit_noline(Op::PopBlock);
        self.stmts(&try_.orelse)?;
        self.jump_noline(end);
        let n = try_.handlers.len();
        self.use_block(except);
        self.unset_loc();
        self.emit_pseudo(Op::SetupCleanup, Some(cleanup));
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::ExceptionHandler, None, None, FBlockDatum::None)?;
        for (i, handler) in try_.handlers.iter().enumerate() {
            let ExceptHandler::ExceptHandler(handler) = handler;
            self.set_loc(handler.range);
            if handler.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", handler.range));
            }
            except = self.new_block();
            if let Some(type_) = &handler.type_ {
                self.expr(type_)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, except);
            }
            if let Some(name) = &handler.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, Ctx::Store, name.range)?;
                self.emit_pseudo(Op::SetupCleanup, Some(cleanup_end));
                self.use_block(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup,
                    Some(cleanup_body),
                    None,
                    FBlockDatum::Name(name.to_string()),
                )?;
                self.stmts(&handler.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit_pseudo(Op::PopBlock, None);
                self.emit_pseudo(Op::PopBlock, None);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.load_const(Constant::None);
                self.nameop(name, Ctx::Store, name.range)?;
                self.nameop(name, Ctx::Del, name.range)?;
                self.jump(end);
                self.use_block(cleanup_end);
                self.unset_loc();
                self.load_const(Constant::None);
                self.nameop(name, Ctx::Store, name.range)?;
                self.nameop(name, Ctx::Del, name.range)?;
                self.emit(Opcode::RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.emit(Opcode::POP_TOP, 0);
                self.use_block(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup, Some(cleanup_body), None, FBlockDatum::None)?;
                self.stmts(&handler.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit_pseudo(Op::PopBlock, None);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.jump(end);
            }
            self.use_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(orelse);
        self.use_block(end);
        Ok(())
    }

    fn try_star_except(&mut self, try_: &'a ast::StmtTry) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.emit_pseudo(Op::SetupFinally, Some(except));
        self.use_block(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None, FBlockDatum::None)?;
        self.stmts(&try_.body)?;
        self.pop_fblock();
        self.emit_noline(Op::PopBlock);
        self.jump_noline(orelse);
        let n = try_.handlers.len();
        self.use_block(except);
        self.unset_loc();
        self.emit_pseudo(Op::SetupCleanup, Some(cleanup));
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, None, None, FBlockDatum::None)?;
        for (i, handler) in try_.handlers.iter().enumerate() {
            let ExceptHandler::ExceptHandler(handler) = handler;
            self.set_loc(handler.range);
            except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                self.emit(Opcode::COPY, 1);
                self.emit(Opcode::BUILD_LIST, 0);
                self.emit(Opcode::SWAP, 2);
            }
            match &handler.type_ {
                Some(type_) => {
                    self.expr(type_)?;
                    self.emit(Opcode::CHECK_EG_MATCH, 0);
                    self.emit(Opcode::COPY, 1);
                    self.emit_jump(Opcode::POP_JUMP_IF_NONE, no_match);
                }
                None => return Err(self.error("expected one or more exception types", handler.range)),
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &handler.name {
                Some(name) => self.nameop(name, Ctx::Store, name.range)?,
                None => self.emit(Opcode::POP_TOP, 0),
            }
            self.emit_pseudo(Op::SetupCleanup, Some(cleanup_end));
            self.use_block(cleanup_body);
            let datum = match &handler.name {
                Some(name) => FBlockDatum::Name(name.to_string()),
                None => FBlockDatum::None,
            };
            self.push_fblock(FBlockKind::HandlerCleanup, Some(cleanup_body), None, datum)?;
            self.stmts(&handler.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.emit_pseudo(Op::PopBlock, None);
            if let Some(name) = &handler.name {
                self.load_const(Constant::None);
                self.nameop(name, Ctx::Store, name.range)?;
                self.nameop(name, Ctx::Del, name.range)?;
            }
            self.jump(except);
            self.use_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &handler.name {
                self.load_const(Constant::None);
                self.nameop(name, Ctx::Store, name.range)?;
                self.nameop(name, Ctx::Del, name.range)?;
            }
            self.emit(Opcode::LIST_APPEND, 3);
            self.emit(Opcode::POP_TOP, 0);
            self.jump(except_with_error);
            self.use_block(except);
            self.emit(Opcode::NOP, 0);
            self.jump(except_with_error);
            self.use_block(no_match);
            self.emit(Opcode::POP_TOP, 0);
            self.use_block(except_with_error);
            if i + 1 == n {
                self.emit(Opcode::LIST_APPEND, 1);
                self.jump(reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_block(reraise_star);
        self.emit(Opcode::PREP_RERAISE_STAR, 0);
        self.emit(Opcode::COPY, 1);
        self.emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_pseudo(Op::PopBlock, None);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.jump(end);
        self.use_block(reraise);
        self.emit_pseudo(Op::PopBlock, None);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(orelse);
        self.stmts(&try_.orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn assert_stmt(&mut self, assert: &'a ast::StmtAssert) -> CResult {
        self.check_assert(&assert.test);
        let end = self.new_block();
        self.jump_if(&assert.test, end, true)?;
        self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
        if let Some(msg) = &assert.msg {
            self.expr(msg)?;
            self.emit(Opcode::CALL, 0);
        }
        self.emit(Opcode::RAISE_VARARGS, 1);
        self.use_block(end);
        Ok(())
    }

    fn import(&mut self, import: &'a ast::StmtImport) -> CResult {
        for alias in &import.names {
            self.load_const(Constant::Int(0.into()));
            self.load_const(Constant::None);
            self.emit_name(Opcode::IMPORT_NAME, &alias.name);
            let name = alias.name.as_str();
            match &alias.asname {
                Some(asname) => {
                    let mut parts = name.split('.');
                    parts.next();
                    let attrs: Vec<&str> = parts.collect();
                    if attrs.is_empty() {
                        self.nameop(asname, Ctx::Store, asname.range)?;
                    } else {
                        for (i, attr) in attrs.iter().enumerate() {
                            let index = self.name_index(attr);
                            self.emit(Opcode::IMPORT_FROM, index);
                            if i + 1 < attrs.len() {
                                self.emit(Opcode::SWAP, 2);
                                self.emit(Opcode::POP_TOP, 0);
                            }
                        }
                        self.nameop(asname, Ctx::Store, asname.range)?;
                        self.emit(Opcode::POP_TOP, 0);
                    }
                }
                None => {
                    let first = name.split('.').next().unwrap_or(name);
                    self.nameop(first, Ctx::Store, alias.range)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, import: &'a ast::StmtImportFrom) -> CResult {
        let module = import.module.as_ref().map_or("", |m| m.as_str());
        if module == "__future__" && import.level == 0 {
            self.check_future(import)?;
        }
        self.load_const(Constant::Int(import.level.into()));
        let names = import.names.iter().map(|a| Constant::Str(a.name.to_string())).collect();
        self.load_const(Constant::Tuple(names));
        self.emit_name(Opcode::IMPORT_NAME, module);
        for (i, alias) in import.names.iter().enumerate() {
            if i == 0 && alias.name.as_str() == "*" {
                self.emit(Opcode::IMPORT_STAR, 0);
                return Ok(());
            }
            self.emit_name(Opcode::IMPORT_FROM, &alias.name);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(store, Ctx::Store, alias.range)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// `from __future__ import x` must come first and name a real feature.
    fn check_future(&mut self, import: &'a ast::StmtImportFrom) -> CResult {
        let at_start = self.units.len() == 1 && self.future_allowed_at(import.range);
        if !at_start {
            return Err(self.error("from __future__ imports must occur at the beginning of the file", import.range));
        }
        for alias in &import.names {
            let name = alias.name.as_str();
            if name == "braces" {
                return Err(self.error("not a chance", alias.range));
            }
            if !FUTURE_FEATURES.contains(&name) {
                return Err(self.error(format!("future feature {name} is not defined"), alias.range));
            }
        }
        Ok(())
    }

    fn aug_assign(&mut self, assign: &'a ast::StmtAugAssign) -> CResult {
        let target = &*assign.target;
        let saved = self.unit().loc;
        self.set_loc(target.range());
        match target {
            Expr::Attribute(attr) => {
                self.expr(&attr.value)?;
                self.emit(Opcode::COPY, 1);
                self.attr_loc(attr);
                self.emit_name(Opcode::LOAD_ATTR, &attr.attr);
            }
            Expr::Subscript(sub) => {
                self.expr(&sub.value)?;
                self.expr(&sub.slice)?;
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::BINARY_SUBSCR, 0);
            }
            Expr::Name(name) => self.nameop(&name.id, Ctx::Load, name.range)?,
            _ => return Err(self.error("invalid syntax", target.range())),
        }
        self.u().loc = saved;
        self.expr(&assign.value)?;
        self.emit(Opcode::BINARY_OP, binary_op(assign.op) as u32 + BinaryOp::INPLACE);
        self.set_loc(target.range());
        match target {
            Expr::Attribute(attr) => {
                self.attr_loc(attr);
                self.emit(Opcode::SWAP, 2);
                self.emit_name(Opcode::STORE_ATTR, &attr.attr);
            }
            Expr::Subscript(_) => {
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            Expr::Name(name) => self.nameop(&name.id, Ctx::Store, name.range)?,
            _ => {}
        }
        Ok(())
    }

    fn ann_assign(&mut self, assign: &'a ast::StmtAnnAssign) -> CResult {
        let target = &*assign.target;
        if let Some(value) = &assign.value {
            self.expr(value)?;
            self.expr(target)?;
        }
        let module_or_class = matches!(self.unit().kind, UnitKind::Module | UnitKind::Class);
        match target {
            Expr::Name(name) => {
                if assign.simple && module_or_class {
                    self.annotation(&assign.annotation)?;
                    let index = self.name_index("__annotations__");
                    self.emit(Opcode::LOAD_NAME, index);
                    let mangled = crate::symtable::mangle(self.unit().private.as_deref(), &name.id);
                    self.load_const(Constant::Str(mangled));
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
            }
            Expr::Attribute(attr) => {
                if assign.value.is_none() {
                    self.expr(&attr.value)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            Expr::Subscript(sub) => {
                if assign.value.is_none() {
                    self.expr(&sub.value)?;
                    self.emit(Opcode::POP_TOP, 0);
                    self.check_ann_subscript(&sub.slice)?;
                }
            }
            _ => return Err(self.error("illegal target for annotation", target.range())),
        }
        if !assign.simple && !self.future_annotations && module_or_class {
            self.expr(&assign.annotation)?;
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    fn check_ann_subscript(&mut self, slice: &'a Expr) -> CResult {
        match slice {
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            Expr::Tuple(t) => {
                for elt in &t.elts {
                    self.check_ann_subscript(elt)?;
                }
            }
            other => {
                self.expr(other)?;
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// An annotation's value: the expression, or its source text under
    /// `from __future__ import annotations`.
    pub fn annotation(&mut self, annotation: &'a Expr) -> CResult {
        if self.future_annotations {
            let text = &self.source.text[annotation.range()];
            self.load_const(Constant::Str(text.to_string()));
            Ok(())
        } else {
            self.expr(annotation)
        }
    }
}
