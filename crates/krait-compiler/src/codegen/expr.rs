//! Expressions: CPython 3.11's `compiler_visit_expr1` and friends.
//!
//! Every expression's instructions get that expression's location; the
//! location reverts to the parent's afterwards (`expr` saves and restores
//! it), so an operator instruction carries the whole operation's range.
//! Conditions compile through [`Compiler::jump_if`], which, like
//! `compiler_jump_if`, turns `not`, `and`/`or`, conditional expressions and
//! chained comparisons into jumps instead of values, and `x is None` into
//! `POP_JUMP_IF_NONE` (the 3.11 peephole). Constant sub-expressions are
//! folded first (`fold`).

use krait_bytecode::{ComparisonOp, Constant, Opcode};
use ruff_python_ast::{self as ast, BoolOp, CmpOp, Expr, ExprContext, InterpolatedStringElement, UnaryOp};
use ruff_text_size::Ranged;

use super::stmt::binary_op;
use super::{CResult, Compiler, Ctx, Loc, UnitKind};
use crate::fold;
use crate::symtable::ScopeKind;

pub(crate) fn ctx_of(ctx: ExprContext) -> Ctx {
    match ctx {
        ExprContext::Store => Ctx::Store,
        ExprContext::Del => Ctx::Del,
        _ => Ctx::Load,
    }
}

impl<'a> Compiler<'a> {
    /// Compile an expression with its own location.
    pub fn expr(&mut self, expr: &'a Expr) -> CResult {
        let saved = self.unit().loc;
        self.set_loc(expr.range());
        let result = self.expr_inner(expr);
        self.u().loc = saved;
        result
    }

    fn expr_inner(&mut self, expr: &'a Expr) -> CResult {
        if matches!(expr, Expr::UnaryOp(_) | Expr::BinOp(_) | Expr::Tuple(_) | Expr::Name(_)) {
            if let Some(constant) = fold::constant(expr) {
                self.load_const(constant);
                return Ok(());
            }
        }
        match expr {
            Expr::BoolOp(e) => self.bool_op(e),
            Expr::Named(e) => {
                self.expr(&e.value)?;
                self.emit(Opcode::COPY, 1);
                self.expr(&e.target)
            }
            Expr::BinOp(e) => {
                self.expr(&e.left)?;
                self.expr(&e.right)?;
                self.emit(Opcode::BINARY_OP, binary_op(e.op) as u32);
                Ok(())
            }
            Expr::UnaryOp(e) => {
                if e.op == UnaryOp::Not {
                    if let Some(inverted) = Self::inverted_compare(&e.operand) {
                        return self.compare(inverted.0, &inverted.1, inverted.2);
                    }
                }
                self.expr(&e.operand)?;
                let op = match e.op {
                    UnaryOp::Invert => Opcode::UNARY_INVERT,
                    UnaryOp::Not => Opcode::UNARY_NOT,
                    UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                };
                self.emit(op, 0);
                Ok(())
            }
            Expr::Lambda(e) => self.lambda(e),
            Expr::If(e) => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(&e.test, next, false)?;
                self.expr(&e.body)?;
                self.jump_noline(end);
                self.use_block(next);
                self.expr(&e.orelse)?;
                self.use_block(end);
                Ok(())
            }
            Expr::Dict(e) => self.dict(e),
            Expr::Set(e) => self.starunpack(&e.elts, 0, Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE, false),
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => self.comprehension(expr),
            Expr::Await(e) => {
                if self.scope().kind != ScopeKind::Function {
                    return Err(self.error("'await' outside function", e.range));
                }
                if !matches!(self.unit().kind, UnitKind::AsyncFunction | UnitKind::Comprehension) {
                    return Err(self.error("'await' outside async function", e.range));
                }
                self.expr(&e.value)?;
                self.emit(Opcode::GET_AWAITABLE, 0);
                self.load_const(Constant::None);
                self.add_yield_from(true);
                Ok(())
            }
            Expr::Yield(e) => {
                if self.scope().kind != ScopeKind::Function {
                    return Err(self.error("'yield' outside function", e.range));
                }
                match &e.value {
                    Some(value) => self.expr(value)?,
                    None => self.load_const(Constant::None),
                }
                self.emit_yield();
                Ok(())
            }
            Expr::YieldFrom(e) => {
                if self.scope().kind != ScopeKind::Function {
                    return Err(self.error("'yield' outside function", e.range));
                }
                if self.unit().kind == UnitKind::AsyncFunction {
                    return Err(self.error("'yield from' inside async function", e.range));
                }
                self.expr(&e.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.load_const(Constant::None);
                self.add_yield_from(false);
                Ok(())
            }
            Expr::Compare(e) => self.compare(&e.left, &e.ops, &e.comparators),
            Expr::Call(e) => self.call(e),
            Expr::FString(e) => self.fstring(e),
            Expr::TString(e) => Err(self.error("invalid syntax", e.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                let constant = fold::literal(expr).unwrap_or(Constant::None);
                self.load_const(constant);
                Ok(())
            }
            Expr::Attribute(e) => {
                self.expr(&e.value)?;
                self.attr_loc(e);
                let op = match ctx_of(e.ctx) {
                    Ctx::Load => Opcode::LOAD_ATTR,
                    Ctx::Store => {
                        if e.attr.as_str() == "__debug__" {
                            return Err(self.error("cannot assign to __debug__", e.range));
                        }
                        Opcode::STORE_ATTR
                    }
                    Ctx::Del => Opcode::DELETE_ATTR,
                };
                self.emit_name(op, &e.attr);
                Ok(())
            }
            Expr::Subscript(e) => {
                if e.ctx == ExprContext::Load {
                    self.check_subscript(&e.value, &e.slice);
                }
                self.expr(&e.value)?;
                self.expr(&e.slice)?;
                let op = match ctx_of(e.ctx) {
                    Ctx::Load => Opcode::BINARY_SUBSCR,
                    Ctx::Store => Opcode::STORE_SUBSCR,
                    Ctx::Del => Opcode::DELETE_SUBSCR,
                };
                self.emit(op, 0);
                Ok(())
            }
            Expr::Starred(e) => match e.ctx {
                ExprContext::Store => Err(self.error("starred assignment target must be in a list or tuple", e.range)),
                _ => Err(self.error("can't use starred expression here", e.range)),
            },
            Expr::Name(e) => self.nameop(&e.id, ctx_of(e.ctx), e.range),
            Expr::List(e) => match ctx_of(e.ctx) {
                Ctx::Store => self.assignment_unpack(&e.elts),
                Ctx::Del => e.elts.iter().try_for_each(|elt| self.expr(elt)),
                Ctx::Load => {
                    self.starunpack(&e.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false)
                }
            },
            Expr::Tuple(e) => match ctx_of(e.ctx) {
                Ctx::Store => self.assignment_unpack(&e.elts),
                Ctx::Del => e.elts.iter().try_for_each(|elt| self.expr(elt)),
                Ctx::Load => {
                    self.starunpack(&e.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)
                }
            },
            Expr::Slice(e) => {
                let mut n = 2;
                for part in [&e.lower, &e.upper] {
                    match part {
                        Some(value) => self.expr(value)?,
                        None => self.load_const(Constant::None),
                    }
                }
                if let Some(step) = &e.step {
                    self.expr(step)?;
                    n = 3;
                }
                self.emit(Opcode::BUILD_SLICE, n);
                Ok(())
            }
            Expr::IpyEscapeCommand(e) => Err(self.error("invalid syntax", e.range)),
        }
    }

    /// `update_start_location_to_match_attr`: a multi-line attribute access
    /// is located at the attribute name.
    pub fn attr_loc(&mut self, attr: &ast::ExprAttribute) {
        let end = self.loc_of(attr.range);
        let loc = self.unit().loc;
        if loc.line != end.end_line {
            let len = attr.attr.as_str().len() as i32;
            let col = if len <= end.end_col { end.end_col - len } else { -1 };
            let end_line = loc.end_line.max(end.end_line);
            let end_col = if end.end_line == end_line { loc.end_col.max(col) } else { loc.end_col };
            self.u().loc = Loc { line: end.end_line, end_line, col, end_col };
        }
    }

    /// `not (a is b)` is `a is not b` (also `in`), as the AST optimizer folds it.
    fn inverted_compare(operand: &'a Expr) -> Option<(&'a Expr, Vec<CmpOp>, &'a [Expr])> {
        let Expr::Compare(cmp) = operand else {
            return None;
        };
        if cmp.ops.len() != 1 {
            return None;
        }
        let inverted = match cmp.ops[0] {
            CmpOp::Is => CmpOp::IsNot,
            CmpOp::IsNot => CmpOp::Is,
            CmpOp::In => CmpOp::NotIn,
            CmpOp::NotIn => CmpOp::In,
            _ => return None,
        };
        Some((&cmp.left, vec![inverted], &cmp.comparators))
    }

    fn emit_compare(&mut self, op: CmpOp) {
        match op {
            CmpOp::Is => self.emit(Opcode::IS_OP, 0),
            CmpOp::IsNot => self.emit(Opcode::IS_OP, 1),
            CmpOp::In => self.emit(Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => self.emit(Opcode::CONTAINS_OP, 1),
            CmpOp::Eq => self.emit(Opcode::COMPARE_OP, ComparisonOp::Eq as u32),
            CmpOp::NotEq => self.emit(Opcode::COMPARE_OP, ComparisonOp::Ne as u32),
            CmpOp::Lt => self.emit(Opcode::COMPARE_OP, ComparisonOp::Lt as u32),
            CmpOp::LtE => self.emit(Opcode::COMPARE_OP, ComparisonOp::Le as u32),
            CmpOp::Gt => self.emit(Opcode::COMPARE_OP, ComparisonOp::Gt as u32),
            CmpOp::GtE => self.emit(Opcode::COMPARE_OP, ComparisonOp::Ge as u32),
        }
    }

    /// A comparison operand; the last operand of `in`/`not in` is an
    /// iterable that may be folded (`fold_iter`).
    fn compare_operand(&mut self, expr: &'a Expr, is_last_in: bool) -> CResult {
        if is_last_in {
            self.iterable(expr)
        } else {
            self.expr(expr)
        }
    }

    /// An expression only iterated over: a list display becomes a tuple
    /// and a constant set a frozenset (CPython's `fold_iter`).
    pub fn iterable(&mut self, expr: &'a Expr) -> CResult {
        match expr {
            Expr::List(list) if list.ctx == ExprContext::Load => {
                let saved = self.unit().loc;
                self.set_loc(expr.range());
                let items: Option<Vec<Constant>> = list.elts.iter().map(fold::constant).collect();
                match items {
                    Some(items) => self.load_const(Constant::Tuple(items)),
                    None => self.starunpack(
                        &list.elts,
                        0,
                        Opcode::BUILD_LIST,
                        Opcode::LIST_APPEND,
                        Opcode::LIST_EXTEND,
                        true,
                    )?,
                }
                self.u().loc = saved;
                Ok(())
            }
            Expr::Set(set) => {
                let items: Option<Vec<Constant>> = set.elts.iter().map(fold::constant).collect();
                match items {
                    Some(items) => {
                        let saved = self.unit().loc;
                        self.set_loc(expr.range());
                        self.load_const(Constant::FrozenSet(items));
                        self.u().loc = saved;
                        Ok(())
                    }
                    None => self.expr(expr),
                }
            }
            _ => self.expr(expr),
        }
    }

    pub fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> CResult {
        self.check_compare(left, ops, comparators);
        self.expr(left)?;
        let n = ops.len() - 1;
        let last_in = matches!(ops[n], CmpOp::In | CmpOp::NotIn);
        if n == 0 {
            self.compare_operand(&comparators[0], last_in)?;
            self.emit_compare(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n {
            self.expr(&comparators[i])?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.emit_compare(ops[i]);
            self.emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.compare_operand(&comparators[n], last_in)?;
        self.emit_compare(ops[n]);
        let end = self.new_block();
        self.jump_noline(end);
        self.use_block(cleanup);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.use_block(end);
        Ok(())
    }

    fn bool_op(&mut self, e: &'a ast::ExprBoolOp) -> CResult {
        let jump = if e.op == BoolOp::And { Opcode::JUMP_IF_FALSE_OR_POP } else { Opcode::JUMP_IF_TRUE_OR_POP };
        let end = self.new_block();
        let n = e.values.len() - 1;
        for value in &e.values[..n] {
            self.expr(value)?;
            self.emit_jump(jump, end);
            self.next_block();
        }
        self.expr(&e.values[n])?;
        self.use_block(end);
        Ok(())
    }

    /// CPython's `compiler_jump_if`: jump to `target` if `expr` is `cond`.
    pub fn jump_if(&mut self, expr: &'a Expr, target: usize, cond: bool) -> CResult {
        match expr {
            Expr::UnaryOp(e) if e.op == UnaryOp::Not && fold::constant(expr).is_none() => {
                if let Some((left, ops, comparators)) = Self::inverted_compare(&e.operand) {
                    let saved = self.unit().loc;
                    self.set_loc(expr.range());
                    let result = self.jump_if_compare(left, &ops, comparators, target, cond);
                    self.u().loc = saved;
                    return result;
                }
                return self.jump_if(&e.operand, target, !cond);
            }
            Expr::BoolOp(e) => {
                let cond2 = e.op == BoolOp::Or;
                let next2 = if cond2 != cond { self.new_block() } else { target };
                let n = e.values.len() - 1;
                for value in &e.values[..n] {
                    self.jump_if(value, next2, cond2)?;
                }
                self.jump_if(&e.values[n], target, cond)?;
                if next2 != target {
                    self.use_block(next2);
                }
                return Ok(());
            }
            Expr::If(e) => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(&e.test, next2, false)?;
                self.jump_if(&e.body, target, cond)?;
                self.jump_noline(end);
                self.use_block(next2);
                self.jump_if(&e.orelse, target, cond)?;
                self.use_block(end);
                return Ok(());
            }
            Expr::Compare(e) => {
                let saved = self.unit().loc;
                self.set_loc(expr.range());
                let result = self.jump_if_compare(&e.left, &e.ops, &e.comparators, target, cond);
                self.u().loc = saved;
                return result;
            }
            _ => {}
        }
        if let Some(constant) = fold::constant(expr) {
            // LOAD_CONST + POP_JUMP_IF folded by the optimizer.
            let saved = self.unit().loc;
            self.set_loc(expr.range());
            self.emit(Opcode::NOP, 0);
            self.u().loc = saved;
            if fold::truthy(&constant) == cond {
                self.jump(target);
            }
            return Ok(());
        }
        self.expr(expr)?;
        self.emit_jump(if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE }, target);
        Ok(())
    }

    fn jump_if_compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comparators: &'a [Expr],
        target: usize,
        cond: bool,
    ) -> CResult {
        let n = ops.len() - 1;
        if n == 0 {
            self.compare(left, ops, comparators)?;
            self.emit_jump(if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE }, target);
            return Ok(());
        }
        self.check_compare(left, ops, comparators);
        let cleanup = self.new_block();
        self.expr(left)?;
        for i in 0..n {
            self.expr(&comparators[i])?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.emit_compare(ops[i]);
            self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
        }
        let last_in = matches!(ops[n], CmpOp::In | CmpOp::NotIn);
        self.compare_operand(&comparators[n], last_in)?;
        self.emit_compare(ops[n]);
        self.emit_jump(if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE }, target);
        let end = self.new_block();
        self.jump_noline(end);
        self.use_block(cleanup);
        self.emit(Opcode::POP_TOP, 0);
        if !cond {
            self.jump_noline(target);
        }
        self.use_block(end);
        Ok(())
    }

    /// Targets of an unpacking assignment: UNPACK_SEQUENCE or UNPACK_EX.
    pub fn assignment_unpack(&mut self, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if elt.is_starred_expr() {
                if seen_star {
                    return Err(self.error_here("multiple starred expressions in assignment"));
                }
                if i >= (1 << 8) || n > (1 << 16) + i {
                    return Err(self.error_here("too many expressions in star-unpacking assignment"));
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        for elt in elts {
            match elt {
                Expr::Starred(starred) => self.expr(&starred.value)?,
                other => self.expr(other)?,
            }
        }
        Ok(())
    }

    // ---- f-strings ------------------------------------------------------------------

    fn fstring(&mut self, e: &'a ast::ExprFString) -> CResult {
        let mut parts: Vec<FPart<'a>> = Vec::new();
        for part in e.value.iter() {
            match part {
                ast::FStringPart::Literal(literal) => push_literal(&mut parts, &literal.value),
                ast::FStringPart::FString(f) => collect_elements(&mut parts, f.elements.iter()),
            }
        }
        self.joined_str(&parts)
    }

    fn joined_str(&mut self, parts: &[FPart<'a>]) -> CResult {
        if parts.len() > 30 {
            self.load_str("");
            self.emit_name(Opcode::LOAD_METHOD, "join");
            self.emit(Opcode::BUILD_LIST, 0);
            for part in parts {
                self.fpart(part)?;
                self.emit(Opcode::LIST_APPEND, 1);
            }
            self.emit(Opcode::CALL, 1);
        } else {
            for part in parts {
                self.fpart(part)?;
            }
            if parts.len() != 1 {
                self.emit(Opcode::BUILD_STRING, parts.len() as u32);
            }
        }
        Ok(())
    }

    fn fpart(&mut self, part: &FPart<'a>) -> CResult {
        match part {
            FPart::Literal(text) => {
                self.load_str(text);
                Ok(())
            }
            FPart::Value(interp) => {
                self.expr(&interp.expression)?;
                let mut flags = match interp.conversion {
                    ast::ConversionFlag::None => 0,
                    ast::ConversionFlag::Str => 1,
                    ast::ConversionFlag::Repr => 2,
                    ast::ConversionFlag::Ascii => 3,
                };
                if interp.debug_text.is_some() && flags == 0 && interp.format_spec.is_none() {
                    flags = 2;
                }
                if let Some(spec) = &interp.format_spec {
                    let mut spec_parts = Vec::new();
                    collect_elements(&mut spec_parts, spec.elements.iter());
                    self.joined_str(&spec_parts)?;
                    flags |= 4;
                }
                self.emit(Opcode::FORMAT_VALUE, flags);
                Ok(())
            }
        }
    }
}

/// One value of a `JoinedStr`: merged literal text or a replacement field.
pub(crate) enum FPart<'a> {
    Literal(String),
    Value(&'a ast::InterpolatedElement),
}

fn push_literal(parts: &mut Vec<FPart<'_>>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(FPart::Literal(last)) = parts.last_mut() {
        last.push_str(text);
    } else {
        parts.push(FPart::Literal(text.to_string()));
    }
}

fn collect_elements<'a>(parts: &mut Vec<FPart<'a>>, elements: impl Iterator<Item = &'a InterpolatedStringElement>) {
    for element in elements {
        match element {
            InterpolatedStringElement::Literal(literal) => push_literal(parts, &literal.value),
            InterpolatedStringElement::Interpolation(interp) => {
                if let Some(debug) = &interp.debug_text {
                    push_literal(parts, debug.as_str());
                }
                parts.push(FPart::Value(interp));
            }
        }
    }
}
