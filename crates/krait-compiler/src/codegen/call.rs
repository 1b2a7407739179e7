//! Calls and displays (CPython 3.11's `compiler_call`, `starunpack_helper`,
//! `compiler_dict`).
//!
//! A call pushes `NULL, callable, args...` (or `method, self, args...` after
//! `LOAD_METHOD`) and ends in `CALL n`; keyword arguments are the last
//! arguments, named by a `KW_NAMES` constant tuple just before the `CALL`.
//! With `*args`/`**kwargs` (or too many arguments for the stack guideline)
//! it builds a tuple and a dict and ends in `CALL_FUNCTION_EX`; the tuple
//! may be a non-tuple iterable when the call is `f(*x)` alone, which the
//! interpreter converts, as CPython does.

use std::collections::HashSet;

use krait_bytecode::{Constant, Opcode};
use ruff_python_ast::{self as ast, Expr};

use super::{CResult, Compiler};
use crate::fold;
use crate::symtable::DEF_IMPORT;

/// CPython's `STACK_USE_GUIDELINE`.
const STACK_USE_GUIDELINE: usize = 30;

impl<'a> Compiler<'a> {
    fn validate_keywords(&self, keywords: &[ast::Keyword]) -> CResult {
        let mut seen = HashSet::new();
        for keyword in keywords {
            if let Some(arg) = &keyword.arg {
                if arg.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", keyword.range));
                }
                if !seen.insert(arg.as_str()) {
                    return Err(self.error(format!("keyword argument repeated: {arg}"), keyword.range));
                }
            }
        }
        Ok(())
    }

    pub fn call(&mut self, call: &'a ast::ExprCall) -> CResult {
        if self.method_call(call)? {
            return Ok(());
        }
        let func = &*call.func;
        self.check_caller(func);
        match func {
            Expr::Name(name) if self.is_global_load(&name.id) => {
                let saved = self.unit().loc;
                self.set_loc(ruff_text_size::Ranged::range(func));
                let index = self.name_index(&crate::symtable::mangle(self.unit().private.as_deref(), &name.id));
                self.emit(Opcode::LOAD_GLOBAL, (index << 1) | 1);
                self.u().loc = saved;
            }
            _ => {
                let saved = self.unit().loc;
                self.set_loc(ruff_text_size::Ranged::range(func));
                self.emit(Opcode::PUSH_NULL, 0);
                self.u().loc = saved;
                self.expr(func)?;
            }
        }
        self.call_helper(0, &call.arguments.args, &call.arguments.keywords)
    }

    /// `obj.meth(args)` as `LOAD_METHOD` + `CALL` (`maybe_optimize_method_call`).
    fn method_call(&mut self, call: &'a ast::ExprCall) -> CResult<bool> {
        let Expr::Attribute(attr) = &*call.func else {
            return Ok(false);
        };
        if attr.ctx != ast::ExprContext::Load {
            return Ok(false);
        }
        if let Expr::Name(base) = &*attr.value {
            if self.table.scopes[0].flags(&base.id) & DEF_IMPORT != 0 {
                return Ok(false);
            }
        }
        let args = &call.arguments.args;
        let keywords = &call.arguments.keywords;
        if args.len() + keywords.len() + usize::from(!keywords.is_empty()) >= STACK_USE_GUIDELINE
            || args.iter().any(|a| a.is_starred_expr())
            || keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.validate_keywords(keywords)?;
        self.expr(&attr.value)?;
        let saved = self.unit().loc;
        self.attr_loc(attr);
        self.emit_name(Opcode::LOAD_METHOD, &attr.attr);
        let method_loc = self.unit().loc;
        self.u().loc = saved;
        for arg in args.iter() {
            self.expr(arg)?;
        }
        if !keywords.is_empty() {
            for keyword in keywords.iter() {
                self.expr(&keyword.value)?;
            }
            self.kw_names(keywords);
        }
        self.u().loc = method_loc;
        self.emit(Opcode::CALL, (args.len() + keywords.len()) as u32);
        self.u().loc = saved;
        Ok(true)
    }

    fn kw_names(&mut self, keywords: &[ast::Keyword]) {
        let names =
            keywords.iter().map(|k| Constant::Str(k.arg.as_ref().map_or(String::new(), |a| a.to_string()))).collect();
        let index = self.u().add_const(Constant::Tuple(names));
        self.emit(Opcode::KW_NAMES, index);
    }

    /// CPython's `compiler_call_helper`; `pushed` arguments are already on
    /// the stack (the class name and body for `__build_class__`).
    pub fn call_helper(&mut self, pushed: usize, args: &'a [Expr], keywords: &'a [ast::Keyword]) -> CResult {
        self.validate_keywords(keywords)?;
        let simple = args.len() + keywords.len() * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| a.is_starred_expr())
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            for arg in args {
                self.expr(arg)?;
            }
            if !keywords.is_empty() {
                for keyword in keywords {
                    self.expr(&keyword.value)?;
                }
                self.kw_names(keywords);
            }
            self.emit(Opcode::CALL, (pushed + args.len() + keywords.len()) as u32);
            return Ok(());
        }
        // The general case: CALL_FUNCTION_EX with a tuple and a dict.
        match args {
            [Expr::Starred(starred)] if pushed == 0 => self.expr(&starred.value)?,
            _ => self.starunpack(args, pushed, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?,
        }
        if !keywords.is_empty() {
            let mut have_dict = false;
            let mut seen = 0;
            for (i, keyword) in keywords.iter().enumerate() {
                if keyword.arg.is_none() {
                    if seen > 0 {
                        self.subkwargs(&keywords[i - seen..i])?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        seen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(&keyword.value)?;
                    self.emit(Opcode::DICT_MERGE, 1);
                } else {
                    seen += 1;
                }
            }
            if seen > 0 {
                self.subkwargs(&keywords[keywords.len() - seen..])?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, u32::from(!keywords.is_empty()));
        Ok(())
    }

    fn subkwargs(&mut self, keywords: &'a [ast::Keyword]) -> CResult {
        let big = keywords.len() * 2 > STACK_USE_GUIDELINE;
        if keywords.len() > 1 && !big {
            for keyword in keywords {
                self.expr(&keyword.value)?;
            }
            let names = keywords
                .iter()
                .map(|k| Constant::Str(k.arg.as_ref().map_or(String::new(), |a| a.to_string())))
                .collect();
            self.load_const(Constant::Tuple(names));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, keywords.len() as u32);
            return Ok(());
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for keyword in keywords {
            let name = keyword.arg.as_ref().map_or(String::new(), |a| a.to_string());
            self.load_const(Constant::Str(name));
            self.expr(&keyword.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, keywords.len() as u32);
        }
        Ok(())
    }

    /// CPython's `starunpack_helper`: a list, set or tuple display, with
    /// `*` items spliced in; `pushed` items are already on the stack.
    pub fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: usize,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        let seen_star = elts.iter().any(|e| e.is_starred_expr());
        if n > 2 && !seen_star {
            let constants: Option<Vec<Constant>> = elts.iter().map(fold::constant).collect();
            if let Some(items) = constants {
                let is_set = build == Opcode::BUILD_SET;
                let folded = if is_set { Constant::FrozenSet(items) } else { Constant::Tuple(items) };
                self.emit(build, pushed as u32);
                self.load_const(folded);
                self.emit(extend, 1);
                if tuple {
                    self.emit(Opcode::LIST_TO_TUPLE, 0);
                }
                return Ok(());
            }
        }
        let big = n + pushed > STACK_USE_GUIDELINE;
        if !seen_star && !big {
            for elt in elts {
                self.expr(elt)?;
            }
            if tuple {
                self.emit(Opcode::BUILD_TUPLE, (n + pushed) as u32);
            } else {
                self.emit(build, (n + pushed) as u32);
            }
            return Ok(());
        }
        let mut sequence_built = false;
        for (i, elt) in elts.iter().enumerate() {
            if let Expr::Starred(starred) = elt {
                if !sequence_built {
                    self.emit(build, (i + pushed) as u32);
                    sequence_built = true;
                }
                self.expr(&starred.value)?;
                self.emit(extend, 1);
            } else {
                self.expr(elt)?;
                if sequence_built {
                    self.emit(add, 1);
                }
            }
        }
        if !sequence_built {
            self.emit(build, (n + pushed) as u32);
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    /// CPython's `compiler_dict`.
    pub fn dict(&mut self, dict: &'a ast::ExprDict) -> CResult {
        let items = &dict.items;
        let mut have_dict = false;
        let mut elements = 0;
        let mut start = 0;
        for (i, item) in items.iter().enumerate() {
            match &item.key {
                None => {
                    if elements > 0 {
                        self.subdict(&items[start..i])?;
                        if have_dict {
                            self.emit(Opcode::DICT_UPDATE, 1);
                        }
                        have_dict = true;
                        elements = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(&item.value)?;
                    self.emit(Opcode::DICT_UPDATE, 1);
                    start = i + 1;
                }
                Some(_) => {
                    if elements * 2 > STACK_USE_GUIDELINE {
                        self.subdict(&items[start..i])?;
                        if have_dict {
                            self.emit(Opcode::DICT_UPDATE, 1);
                        }
                        have_dict = true;
                        elements = 0;
                        start = i;
                    }
                    elements += 1;
                }
            }
        }
        if elements > 0 {
            self.subdict(&items[start..])?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    fn subdict(&mut self, items: &'a [ast::DictItem]) -> CResult {
        let n = items.len();
        let keys: Option<Vec<Constant>> = items.iter().map(|item| item.key.as_ref().and_then(fold::constant)).collect();
        if n > 1 {
            if let Some(keys) = keys {
                for item in items {
                    self.expr(&item.value)?;
                }
                self.load_const(Constant::Tuple(keys));
                self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
                return Ok(());
            }
        }
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for item in items {
            if let Some(key) = &item.key {
                self.expr(key)?;
            }
            self.expr(&item.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }
}
