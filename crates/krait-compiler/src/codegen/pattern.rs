//! `match` statements (PEP 634), a port of CPython 3.11's `compiler_match`
//! and `compiler_pattern_*`.
//!
//! Each case works on a copy of the subject (`COPY 1`), except the last.
//! A pattern consumes its subject and either falls through on success or
//! jumps to a *fail-pop* block. Captured values are not stored while
//! matching (a later sub-pattern may still fail): they are rotated below
//! the items still needed and stored together once the whole pattern has
//! matched. `PatternContext` tracks what is on the stack: `on_top` items
//! above the captures, and the captured names in `stores`; failing from a
//! point with `n` such items jumps to `fail_pop[n]`, a chain of `POP_TOP`s
//! that falls into `fail_pop[0]`, the next case.
//!
//! The instructions the interpreter provides for this are `MATCH_SEQUENCE`,
//! `MATCH_MAPPING` (push a bool, keep the subject), `GET_LEN` (push
//! `len(subject)`), `MATCH_KEYS` (`subject, keys => subject, keys,
//! values_or_None`) and `MATCH_CLASS n` (`subject, cls, kw_names =>
//! attributes_tuple_or_None`).

use krait_bytecode::{BinaryOp, ComparisonOp, Constant, Opcode};
use ruff_python_ast::{self as ast, Expr, Pattern, Singleton};
use ruff_text_size::{Ranged, TextRange};

use super::{CResult, Compiler, Ctx};
use crate::fold;

struct PatternContext {
    stores: Vec<(String, TextRange)>,
    allow_irrefutable: bool,
    fail_pop: Vec<usize>,
    on_top: usize,
}

fn is_wildcard(pattern: &Pattern) -> bool {
    matches!(pattern, Pattern::MatchAs(p) if p.pattern.is_none() && p.name.is_none())
}

fn is_wildcard_star(pattern: &Pattern) -> bool {
    matches!(pattern, Pattern::MatchStar(p) if p.name.is_none())
}

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, match_: &'a ast::StmtMatch) -> CResult {
        self.expr(&match_.subject)?;
        let end = self.new_block();
        let cases = match_.cases.len();
        let last = &match_.cases[cases - 1];
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let mut pc = PatternContext { stores: Vec::new(), allow_irrefutable: false, fail_pop: Vec::new(), on_top: 0 };
        for (i, case) in match_.cases[..cases - usize::from(has_default)].iter().enumerate() {
            self.set_loc(case.pattern.range());
            let not_last = i != cases - usize::from(has_default) - 1;
            if not_last {
                self.emit(Opcode::COPY, 1);
            }
            pc.stores.clear();
            pc.allow_irrefutable = case.guard.is_some() || i == cases - 1;
            pc.fail_pop.clear();
            pc.on_top = 0;
            self.pattern(&case.pattern, &mut pc)?;
            for (name, range) in std::mem::take(&mut pc.stores) {
                self.nameop(&name, Ctx::Store, range)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(guard, target, false)?;
            }
            if not_last {
                self.emit(Opcode::POP_TOP, 0);
            }
            self.stmts(&case.body)?;
            self.jump(end);
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(last.pattern.range());
            if cases == 1 {
                self.emit(Opcode::POP_TOP, 0);
            } else {
                self.emit(Opcode::NOP, 0);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.stmts(&last.body)?;
        }
        self.use_block(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let block = self.new_block();
            pc.fail_pop.push(block);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Opcode) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let target = pc.fail_pop[pops];
        if op == Opcode::JUMP_FORWARD {
            self.jump(target);
        } else {
            self.emit_jump(op, target);
        }
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for &block in pc.fail_pop[1..].iter().rev() {
            self.use_block(block);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.use_block(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::SWAP, count as u32);
            count -= 1;
        }
    }

    fn store_capture(&mut self, name: Option<&ast::Identifier>, pc: &mut PatternContext) -> CResult {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        };
        if name.as_str() == "__debug__" {
            return Err(self.error("cannot assign to __debug__", name.range));
        }
        if pc.stores.iter().any(|(stored, _)| stored == name.as_str()) {
            return Err(self.error(format!("multiple assignments to name '{name}' in pattern"), name.range));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push((name.to_string(), name.range));
        Ok(())
    }

    fn subpattern(&mut self, pattern: &'a Pattern, pc: &mut PatternContext) -> CResult {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(pattern, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, pattern: &'a Pattern, pc: &mut PatternContext) -> CResult {
        self.set_loc(pattern.range());
        match pattern {
            Pattern::MatchValue(p) => {
                if !matches!(
                    &*p.value,
                    Expr::Attribute(_)
                        | Expr::NumberLiteral(_)
                        | Expr::StringLiteral(_)
                        | Expr::BytesLiteral(_)
                        | Expr::UnaryOp(_)
                        | Expr::BinOp(_)
                        | Expr::BooleanLiteral(_)
                        | Expr::NoneLiteral(_)
                        | Expr::FString(_)
                ) {
                    return Err(self.error("patterns may only match literals and attribute lookups", p.range));
                }
                self.expr(&p.value)?;
                self.emit(Opcode::COMPARE_OP, ComparisonOp::Eq as u32);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Pattern::MatchSingleton(p) => {
                self.load_const(match p.value {
                    Singleton::None => Constant::None,
                    Singleton::True => Constant::Bool(true),
                    Singleton::False => Constant::Bool(false),
                });
                self.emit(Opcode::IS_OP, 0);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Pattern::MatchSequence(p) => self.pattern_sequence(&p.patterns, pc)?,
            Pattern::MatchMapping(p) => self.pattern_mapping(p, pc)?,
            Pattern::MatchClass(p) => self.pattern_class(p, pc)?,
            Pattern::MatchStar(p) => self.store_capture(p.name.as_ref(), pc)?,
            Pattern::MatchAs(p) => match &p.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match &p.name {
                            Some(name) => self
                                .error(format!("name capture '{name}' makes remaining patterns unreachable"), p.range),
                            None => self.error("wildcard makes remaining patterns unreachable", p.range),
                        });
                    }
                    self.store_capture(p.name.as_ref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(p.name.as_ref(), pc)?;
                }
            },
            Pattern::MatchOr(p) => self.pattern_or(p, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> CResult {
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, pattern) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(p) = pattern {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", p.range));
                }
                star_wildcard = is_wildcard_star(pattern);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(pattern);
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Constant::Int(size.into()));
                self.emit(Opcode::COMPARE_OP, ComparisonOp::Eq as u32);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Constant::Int((size - 1).into()));
                self.emit(Opcode::COMPARE_OP, ComparisonOp::Ge as u32);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP, 0);
        } else if star_wildcard {
            let star = star.unwrap_or(usize::MAX);
            pc.on_top += 1;
            for (i, pattern) in patterns.iter().enumerate() {
                if is_wildcard(pattern) || i == star {
                    continue;
                }
                self.emit(Opcode::COPY, 1);
                if i < star {
                    self.load_const(Constant::Int(i.into()));
                } else {
                    self.emit(Opcode::GET_LEN, 0);
                    self.load_const(Constant::Int((size - i).into()));
                    self.emit(Opcode::BINARY_OP, BinaryOp::Subtract as u32);
                }
                self.emit(Opcode::BINARY_SUBSCR, 0);
                self.subpattern(pattern, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
        } else {
            let mut seen_star = false;
            for (i, pattern) in patterns.iter().enumerate() {
                if matches!(pattern, Pattern::MatchStar(_)) && !seen_star {
                    if i >= (1 << 8) || size > (1 << 16) + i {
                        return Err(self.error_here("too many expressions in star-unpacking sequence pattern"));
                    }
                    self.emit(Opcode::UNPACK_EX, (i + ((size - i - 1) << 8)) as u32);
                    seen_star = true;
                }
            }
            if !seen_star {
                self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
            }
            pc.on_top += size;
            for pattern in patterns {
                pc.on_top -= 1;
                self.subpattern(pattern, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, p: &'a ast::PatternMatchMapping, pc: &mut PatternContext) -> CResult {
        let size = p.keys.len();
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        if size == 0 && p.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN, 0);
            self.load_const(Constant::Int(size.into()));
            self.emit(Opcode::COMPARE_OP, ComparisonOp::Ge as u32);
            self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in &p.keys {
            if let Some(constant) = fold::constant(key) {
                if seen.contains(&constant) {
                    return Err(self
                        .error(format!("mapping pattern checks duplicate key ({})", py_repr(&constant)), key.range()));
                }
                seen.push(constant);
            } else if !matches!(key, Expr::Attribute(_)) {
                return Err(
                    self.error("mapping pattern keys may only match literals and attribute lookups", key.range())
                );
            }
            self.expr(key)?;
        }
        self.emit(Opcode::BUILD_TUPLE, size as u32);
        self.emit(Opcode::MATCH_KEYS, 0);
        pc.on_top += 2;
        self.emit(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IS_OP, 1);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for pattern in &p.patterns {
            pc.on_top -= 1;
            self.subpattern(pattern, pc)?;
        }
        pc.on_top -= 2;
        if let Some(rest) = &p.rest {
            self.emit(Opcode::BUILD_MAP, 0);
            self.emit(Opcode::SWAP, 3);
            self.emit(Opcode::DICT_UPDATE, 2);
            self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
            let mut remaining = size;
            while remaining > 0 {
                self.emit(Opcode::COPY, (1 + remaining) as u32);
                remaining -= 1;
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::DELETE_SUBSCR, 0);
            }
            self.store_capture(Some(rest), pc)?;
        } else {
            self.emit(Opcode::POP_TOP, 0);
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    fn pattern_class(&mut self, p: &'a ast::PatternMatchClass, pc: &mut PatternContext) -> CResult {
        let patterns = &p.arguments.patterns;
        let keywords = &p.arguments.keywords;
        let nargs = patterns.len();
        let nattrs = keywords.len();
        for (i, keyword) in keywords.iter().enumerate() {
            if keyword.attr.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", keyword.range));
            }
            if keywords[i + 1..].iter().any(|other| other.attr.as_str() == keyword.attr.as_str()) {
                let repeated = keywords[i + 1..].iter().find(|o| o.attr.as_str() == keyword.attr.as_str());
                let range = repeated.map_or(keyword.range, |r| r.pattern.range());
                return Err(self.error(format!("attribute name repeated in class pattern: {}", keyword.attr), range));
            }
        }
        self.expr(&p.cls)?;
        let names = keywords.iter().map(|k| Constant::Str(k.attr.to_string())).collect();
        self.load_const(Constant::Tuple(names));
        self.emit(Opcode::MATCH_CLASS, nargs as u32);
        self.emit(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IS_OP, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE);
        self.emit(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        let all: Vec<&'a Pattern> = patterns.iter().chain(keywords.iter().map(|k| &k.pattern)).collect();
        for pattern in all {
            pc.on_top -= 1;
            if is_wildcard(pattern) {
                self.emit(Opcode::POP_TOP, 0);
                continue;
            }
            self.subpattern(pattern, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, p: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> CResult {
        let end = self.new_block();
        let size = p.patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<(String, TextRange)>> = None;
        for (i, alt) in p.patterns.iter().enumerate() {
            self.set_loc(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(control) if control.len() != nstores => {
                    return Err(self.error("alternative patterns bind different names", p.range));
                }
                Some(control) => {
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &control[icontrol].0;
                        let Some(istores) = pc.stores.iter().position(|(n, _)| n == name) else {
                            return Err(self.error("alternative patterns bind different names", p.range));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<_> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, item) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, item);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump(end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        self.emit(Opcode::POP_TOP, 0);
        self.jump_to_fail_pop(pc, Opcode::JUMP_FORWARD);
        self.use_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for (name, range) in control {
            self.rotate(nrots);
            if pc.stores.iter().any(|(n, _)| *n == name) {
                return Err(self.error(format!("multiple assignments to name '{name}' in pattern"), range));
            }
            pc.stores.push((name, range));
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}

/// `repr()` of a constant, for error messages.
fn py_repr(constant: &Constant) -> String {
    match constant {
        Constant::Str(s) => format!("'{s}'"),
        other => other.to_string(),
    }
}
