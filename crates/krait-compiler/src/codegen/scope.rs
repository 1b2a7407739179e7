//! Functions, lambdas, classes and comprehensions: the constructs that open
//! a new code object (CPython 3.11's `compiler_function`, `compiler_lambda`,
//! `compiler_class`, `compiler_comprehension`).
//!
//! Defaults, keyword-only defaults and annotations are evaluated in the
//! enclosing scope and passed to `MAKE_FUNCTION` with its flag bits (1, 2,
//! 4); a closure is a tuple of the cells the new code's free variables name,
//! pushed with `LOAD_CLOSURE` (flag 8). A class body is a function called by
//! `__build_class__(func, name, *bases, **keywords)`; it stores
//! `__module__` and `__qualname__` first, and returns its `__class__` cell
//! (also stored as `__classcell__`) when a method needs one, else `None`.
//! A comprehension is a function of one argument, `.0`, the iterator of its
//! outermost iterable, called at once with `CALL 0` on `function, iterator`
//! (the method-call layout makes the iterator its argument).

use std::sync::Arc;

use krait_bytecode::{CodeObject, Constant, Opcode};
use ruff_python_ast::{self as ast, Comprehension, Expr, Parameters};
use ruff_text_size::{Ranged, TextRange};

use super::{CResult, Compiler, Ctx, FBlockDatum, FBlockKind, Op, UnitKind};
use crate::symtable::{mangle, ComprehensionKind, NameScope};

impl<'a> Compiler<'a> {
    fn decorators(&mut self, decorators: &'a [ast::Decorator]) -> CResult {
        for decorator in decorators {
            self.expr(&decorator.expression)?;
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decorators: &'a [ast::Decorator]) {
        let saved = self.unit().loc;
        for decorator in decorators.iter().rev() {
            self.set_loc(decorator.expression.range());
            self.emit(Opcode::CALL, 0);
        }
        self.u().loc = saved;
    }

    /// Push the defaults tuple and the keyword-only defaults dict; return
    /// the MAKE_FUNCTION flags for them.
    fn default_arguments(&mut self, parameters: &'a Parameters) -> CResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&Expr> =
            parameters.posonlyargs.iter().chain(&parameters.args).filter_map(|p| p.default.as_deref()).collect();
        if !defaults.is_empty() {
            for default in &defaults {
                self.expr(default)?;
            }
            self.emit(Opcode::BUILD_TUPLE, defaults.len() as u32);
            flags |= 1;
        }
        let mut keys = Vec::new();
        for param in &parameters.kwonlyargs {
            if let Some(default) = &param.default {
                let name = mangle(self.unit().private.as_deref(), &param.parameter.name);
                keys.push(Constant::Str(name));
                self.expr(default)?;
            }
        }
        if !keys.is_empty() {
            let count = keys.len() as u32;
            self.load_const(Constant::Tuple(keys));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, count);
            flags |= 2;
        }
        Ok(flags)
    }

    fn argument_annotation(&mut self, name: &str, annotation: Option<&'a Expr>, count: &mut u32) -> CResult {
        let Some(annotation) = annotation else {
            return Ok(());
        };
        let mangled = mangle(self.unit().private.as_deref(), name);
        self.load_const(Constant::Str(mangled));
        match annotation {
            Expr::Starred(starred) if !self.future_annotations => {
                self.expr(&starred.value)?;
                self.emit(Opcode::UNPACK_SEQUENCE, 1);
            }
            _ => self.annotation(annotation)?,
        }
        *count += 2;
        Ok(())
    }

    /// Push the annotations tuple (`name, value` pairs); return whether one was pushed.
    fn annotations(&mut self, parameters: &'a Parameters, returns: Option<&'a Expr>) -> CResult<bool> {
        let mut count = 0;
        for param in parameters.args.iter().chain(&parameters.posonlyargs) {
            self.argument_annotation(&param.parameter.name, param.parameter.annotation.as_deref(), &mut count)?;
        }
        if let Some(vararg) = &parameters.vararg {
            self.argument_annotation(&vararg.name, vararg.annotation.as_deref(), &mut count)?;
        }
        for param in &parameters.kwonlyargs {
            self.argument_annotation(&param.parameter.name, param.parameter.annotation.as_deref(), &mut count)?;
        }
        if let Some(kwarg) = &parameters.kwarg {
            self.argument_annotation(&kwarg.name, kwarg.annotation.as_deref(), &mut count)?;
        }
        self.argument_annotation("return", returns, &mut count)?;
        if count > 0 {
            self.emit(Opcode::BUILD_TUPLE, count);
        }
        Ok(count > 0)
    }

    fn set_arg_counts(&mut self, parameters: &Parameters) {
        let unit = self.u();
        unit.arg_count = (parameters.posonlyargs.len() + parameters.args.len()) as u32;
        unit.posonly_arg_count = parameters.posonlyargs.len() as u32;
        unit.kwonly_arg_count = parameters.kwonlyargs.len() as u32;
        unit.has_varargs = parameters.vararg.is_some();
        unit.has_varkeywords = parameters.kwarg.is_some();
    }

    pub fn function_def(&mut self, def: &'a ast::StmtFunctionDef, range: TextRange) -> CResult {
        self.decorators(&def.decorator_list)?;
        let first_line = match def.decorator_list.first() {
            Some(decorator) => self.source.line_of(decorator.expression.start()),
            None => self.source.line_of(range.start()),
        };
        let mut flags = self.default_arguments(&def.parameters)?;
        if self.annotations(&def.parameters, def.returns.as_deref())? {
            flags |= 4;
        }
        let scope = self.table.scope_for(def);
        let kind = if def.is_async { UnitKind::AsyncFunction } else { UnitKind::Function };
        self.enter_unit(kind, scope, &def.name, first_line);
        let docstring = Self::docstring(&def.body);
        let first_const = docstring.clone().map_or(Constant::None, Constant::Str);
        self.u().add_const(first_const);
        self.set_arg_counts(&def.parameters);
        let body = if docstring.is_some() { &def.body[1..] } else { &def.body[..] };
        self.stmts(body)?;
        let code = self.finish_unit(true)?;
        self.make_closure(code, flags)?;
        self.apply_decorators(&def.decorator_list);
        self.nameop(&def.name, Ctx::Store, def.name.range)
    }

    pub fn lambda(&mut self, lambda: &'a ast::ExprLambda) -> CResult {
        let empty = Parameters::default();
        let parameters = lambda.parameters.as_deref().unwrap_or(&empty);
        let flags = match &lambda.parameters {
            Some(parameters) => self.default_arguments(parameters)?,
            None => 0,
        };
        let scope = self.table.scope_for(lambda);
        let first_line = self.source.line_of(lambda.start());
        self.enter_unit(UnitKind::Lambda, scope, "<lambda>", first_line);
        self.u().add_const(Constant::None);
        self.set_arg_counts(parameters);
        self.expr(&lambda.body)?;
        let is_generator = self.scope().is_generator;
        if !is_generator {
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let code = self.finish_unit(false)?;
        self.make_closure(code, flags)
    }

    pub fn class_def(&mut self, class: &'a ast::StmtClassDef, range: TextRange) -> CResult {
        self.decorators(&class.decorator_list)?;
        let first_line = match class.decorator_list.first() {
            Some(decorator) => self.source.line_of(decorator.expression.start()),
            None => self.source.line_of(range.start()),
        };
        let scope = self.table.scope_for(class);
        self.enter_unit(UnitKind::Class, scope, &class.name, first_line);
        self.u().private = Some(class.name.to_string());
        self.set_loc(range);
        self.nameop("__name__", Ctx::Load, range)?;
        self.nameop("__module__", Ctx::Store, range)?;
        let qualname = self.unit().qualname.clone();
        self.load_const(Constant::Str(qualname));
        self.nameop("__qualname__", Ctx::Store, range)?;
        self.module_body(&class.body)?;
        self.unset_loc();
        if self.scope().needs_class_closure {
            self.emit(Opcode::LOAD_CLOSURE, 0);
            self.emit(Opcode::COPY, 1);
            self.nameop("__classcell__", Ctx::Store, range)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.finish_unit(true)?;
        self.set_loc(range);
        self.emit(Opcode::PUSH_NULL, 0);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.make_closure(code, 0)?;
        self.load_const(Constant::Str(class.name.to_string()));
        let (bases, keywords): (&'a [Expr], &'a [ast::Keyword]) = match &class.arguments {
            Some(arguments) => (&arguments.args, &arguments.keywords),
            None => (&[], &[]),
        };
        self.call_helper(2, bases, keywords)?;
        self.apply_decorators(&class.decorator_list);
        self.nameop(&class.name, Ctx::Store, class.name.range)
    }

    /// CPython's `compiler_make_closure`.
    fn make_closure(&mut self, code: CodeObject, mut flags: u32) -> CResult {
        let free: Vec<String> = code.freevars().map(str::to_string).collect();
        if !free.is_empty() {
            for name in &free {
                let is_class_cell = self.unit().kind == UnitKind::Class && name == "__class__";
                let scope = self.scope().scope_of(name);
                let index = if is_class_cell || scope == Some(NameScope::Cell) {
                    self.unit().cellvars.get(name)
                } else {
                    self.unit().freevars.get(name).map(|i| i + self.unit().cellvars.len() as u32)
                };
                let Some(index) = index else {
                    return Err(self.error_here(format!("compiler: free variable '{name}' has no cell")));
                };
                self.emit(Opcode::LOAD_CLOSURE, index);
            }
            self.emit(Opcode::BUILD_TUPLE, free.len() as u32);
            flags |= 8;
        }
        self.load_const(Constant::Code(Arc::new(code)));
        self.emit(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    // ---- comprehensions -------------------------------------------------------------

    pub fn comprehension(&mut self, expr: &'a Expr) -> CResult {
        let (generators, elt, value, name): (&'a [Comprehension], &'a Expr, Option<&'a Expr>, &str) = match expr {
            Expr::ListComp(e) => (&e.generators, &e.elt, None, "<listcomp>"),
            Expr::SetComp(e) => (&e.generators, &e.elt, None, "<setcomp>"),
            Expr::DictComp(e) => (&e.generators, e.key.as_deref().unwrap_or(&e.value), Some(&e.value), "<dictcomp>"),
            Expr::Generator(e) => (&e.generators, &e.elt, None, "<genexpr>"),
            _ => return Ok(()),
        };
        let scope_id = match expr {
            Expr::ListComp(e) => self.table.scope_for(e),
            Expr::SetComp(e) => self.table.scope_for(e),
            Expr::DictComp(e) => self.table.scope_for(e),
            Expr::Generator(e) => self.table.scope_for(e),
            _ => return Ok(()),
        };
        let scope = &self.table.scopes[scope_id];
        let kind = scope.comprehension.unwrap_or(ComprehensionKind::Generator);
        let outer_kind = self.unit().kind;
        let is_async_generator = scope.is_coroutine;
        let first_line = self.source.line_of(expr.start());
        self.enter_unit(UnitKind::Comprehension, scope_id, name, first_line);
        self.set_loc(expr.range());
        if is_async_generator
            && kind != ComprehensionKind::Generator
            && !matches!(outer_kind, UnitKind::AsyncFunction | UnitKind::Comprehension)
        {
            return Err(self.error("asynchronous comprehension outside of an asynchronous function", expr.range()));
        }
        match kind {
            ComprehensionKind::List => self.emit(Opcode::BUILD_LIST, 0),
            ComprehensionKind::Set => self.emit(Opcode::BUILD_SET, 0),
            ComprehensionKind::Dict => self.emit(Opcode::BUILD_MAP, 0),
            ComprehensionKind::Generator => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, value, kind)?;
        if kind != ComprehensionKind::Generator {
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let code = self.finish_unit(true)?;
        self.make_closure(code, 0)?;
        let outermost = &generators[0];
        self.iterable(&outermost.iter)?;
        self.emit(if outermost.is_async { Opcode::GET_AITER } else { Opcode::GET_ITER }, 0);
        self.emit(Opcode::CALL, 0);
        if is_async_generator && kind != ComprehensionKind::Generator {
            self.emit(Opcode::GET_AWAITABLE, 0);
            self.load_const(Constant::None);
            self.add_yield_from(true);
        }
        Ok(())
    }

    fn comprehension_element(
        &mut self,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: ComprehensionKind,
        depth: u32,
    ) -> CResult {
        match kind {
            ComprehensionKind::Generator => {
                self.expr(elt)?;
                self.emit_yield();
                self.emit(Opcode::POP_TOP, 0);
            }
            ComprehensionKind::List => {
                self.expr(elt)?;
                self.emit(Opcode::LIST_APPEND, depth + 1);
            }
            ComprehensionKind::Set => {
                self.expr(elt)?;
                self.emit(Opcode::SET_ADD, depth + 1);
            }
            ComprehensionKind::Dict => {
                self.expr(elt)?;
                if let Some(value) = value {
                    self.expr(value)?;
                }
                self.emit(Opcode::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: ComprehensionKind,
    ) -> CResult {
        if generators[index].is_async {
            self.async_comprehension_generator(generators, index, depth, elt, value, kind)
        } else {
            self.sync_comprehension_generator(generators, index, depth, elt, value, kind)
        }
    }

    fn sync_comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: ComprehensionKind,
    ) -> CResult {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let generator = &generators[index];
        if index == 0 {
            self.u().arg_count = 1;
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            let single = match &generator.iter {
                Expr::List(list) => Some(&list.elts),
                Expr::Tuple(tuple) => Some(&tuple.elts),
                _ => None,
            };
            match single {
                Some(elts) if elts.len() == 1 && !elts[0].is_starred_expr() => {
                    self.expr(&elts[0])?;
                    start = None;
                }
                _ => {
                    self.iterable(&generator.iter)?;
                    self.emit(Opcode::GET_ITER, 0);
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_block(start);
            self.emit_jump(Opcode::FOR_ITER, anchor);
        }
        self.expr(&generator.target)?;
        for condition in &generator.ifs {
            self.jump_if(condition, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(elt, value, kind, depth)?;
        }
        self.use_block(if_cleanup);
        if let Some(start) = start {
            self.jump(start);
            self.use_block(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: ComprehensionKind,
    ) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let generator = &generators[index];
        if index == 0 {
            self.u().arg_count = 1;
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            self.expr(&generator.iter)?;
            self.emit(Opcode::GET_AITER, 0);
        }
        self.use_block(start);
        self.push_fblock(FBlockKind::AsyncComprehensionGenerator, Some(start), None, FBlockDatum::None)?;
        self.emit_pseudo(Op::SetupFinally, Some(except));
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit_pseudo(Op::PopBlock, None);
        self.expr(&generator.target)?;
        for condition in &generator.ifs {
            self.jump_if(condition, if_cleanup, false)?;
        }
        depth += 1;
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(elt, value, kind, depth)?;
        }
        self.use_block(if_cleanup);
        self.jump(start);
        self.pop_fblock();
        self.use_block(except);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        Ok(())
    }
}
