//! The symbol table: which names live where.
//!
//! A port of CPython 3.11's `Python/symtable.c`. The first pass
//! ([`Builder`]) walks the tree once, creating a [`Scope`] for the module and
//! for every class, function, lambda and comprehension, and records how each
//! name is used in it as `DEF_*` flags (bound locally, a parameter, declared
//! `global` or `nonlocal`, used, imported, annotated). The second pass
//! ([`SymbolTable::analyze`]) resolves every name, top down, to a
//! [`NameScope`], with the sets of names bound by enclosing functions
//! flowing down and the free names of children flowing back up:
//!
//! * a name declared `global` is `GlobalExplicit`; one declared `nonlocal`
//!   is `Free` and must be bound in an enclosing function;
//! * a name bound in the scope is `Local`, and becomes `Cell` in a function
//!   when a nested scope uses it freely;
//! * an unbound name is `Free` if an enclosing function binds it, else
//!   `GlobalImplicit`.
//!
//! Class scopes are transparent: their names are not visible to nested
//! functions, but free names pass through them. A method that uses `super`
//! or `__class__` makes `__class__` free; the class then keeps an implicit
//! `__class__` cell (`needs_class_closure`). A walrus inside a comprehension
//! binds in the nearest enclosing function or module (PEP 572).
//!
//! Names are stored mangled (`__x` in class `C` is `_C__x`), as CPython does.
//! Codegen finds a scope by the address of its AST node, which stays put
//! while the tree is borrowed.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{
    self as ast, Comprehension, ExceptHandler, Expr, InterpolatedStringElement, Mod, Parameters, Pattern, Stmt,
};
use ruff_text_size::{Ranged, TextRange};

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::source::SourceMap;

pub(crate) const DEF_GLOBAL: u32 = 1;
pub(crate) const DEF_LOCAL: u32 = 2;
pub(crate) const DEF_PARAM: u32 = 4;
pub(crate) const DEF_NONLOCAL: u32 = 8;
pub(crate) const USE: u32 = 16;
pub(crate) const DEF_FREE_CLASS: u32 = 64;
pub(crate) const DEF_IMPORT: u32 = 128;
pub(crate) const DEF_ANNOT: u32 = 256;
pub(crate) const DEF_COMP_ITER: u32 = 512;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

pub(crate) type ScopeId = usize;

/// Where a name lives once analysis is done (CPython's `LOCAL`, `GLOBAL_*`,
/// `FREE`, `CELL`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Clone, Debug)]
pub(crate) struct Symbol {
    pub flags: u32,
    pub scope: NameScope,
}

/// One scope: the module, a class body, a function, a lambda or a comprehension.
#[derive(Debug)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    /// The name of the class or function (for debugging dumps).
    #[allow(dead_code)]
    pub name: String,
    pub symbols: HashMap<String, Symbol>,
    /// Names in the order they were first seen.
    pub order: Vec<String>,
    /// Parameters, in `co_varnames` order.
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    pub comprehension: Option<ComprehensionKind>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub is_nested: bool,
    pub needs_class_closure: bool,
    pub has_free: bool,
    pub child_has_free: bool,
    /// Where `global`/`nonlocal` (or a comprehension's walrus) declared a name.
    directives: HashMap<String, TextRange>,
    /// Inside the outermost iterable of a comprehension.
    comp_iter_expr: u32,
    comp_iter_target: bool,
    range: TextRange,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, range: TextRange, is_nested: bool) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            symbols: HashMap::new(),
            order: Vec::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            comprehension: None,
            is_generator: false,
            is_coroutine: false,
            is_nested,
            needs_class_closure: false,
            has_free: false,
            child_has_free: false,
            directives: HashMap::new(),
            comp_iter_expr: 0,
            comp_iter_target: false,
            range,
        }
    }

    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }

    /// The resolved scope of an (already mangled) name; `None` if the name
    /// never occurs in this scope.
    pub fn scope_of(&self, name: &str) -> Option<NameScope> {
        self.symbols.get(name).map(|s| s.scope)
    }

    /// Names of the given resolved scope (or carrying `extra_flag`), sorted
    /// as CPython's `dictbytype` sorts them.
    pub fn names_with(&self, scope: NameScope, extra_flag: u32) -> Vec<String> {
        let mut names: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == scope || s.flags & extra_flag != 0)
            .map(|(name, _)| name.clone())
            .collect();
        names.sort();
        names
    }
}

/// The scopes of one compilation, the module's first.
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    /// `from __future__ import annotations` is in effect.
    pub future_annotations: bool,
}

/// The key under which the scope of an AST node is found.
pub(crate) fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl SymbolTable {
    pub fn build(module: &Mod, source: &SourceMap, filename: &str) -> Result<SymbolTable, SyntaxError> {
        let future_annotations = match module {
            Mod::Module(m) => has_future_annotations(&m.body),
            Mod::Expression(_) => false,
        };
        let mut builder = Builder {
            scopes: vec![Scope::new(ScopeKind::Module, "top", module.range(), false)],
            stack: vec![0],
            by_node: HashMap::new(),
            private: None,
            source,
            filename,
            future_annotations,
        };
        match module {
            Mod::Module(m) => builder.visit_body(&m.body)?,
            Mod::Expression(e) => builder.visit_expr(&e.body)?,
        }
        let mut table = SymbolTable { scopes: builder.scopes, by_node: builder.by_node, future_annotations };
        table.analyze(source, filename)?;
        Ok(table)
    }

    pub fn scope_for<T>(&self, node: &T) -> ScopeId {
        self.by_node[&node_key(node)]
    }

    // ---- analysis ---------------------------------------------------------------

    fn analyze(&mut self, source: &SourceMap, filename: &str) -> Result<(), SyntaxError> {
        let mut free = HashSet::new();
        let mut global = HashSet::new();
        self.analyze_block(0, None, &mut free, &mut global, source, filename)
    }

    /// CPython's `analyze_block`.
    fn analyze_block(
        &mut self,
        id: ScopeId,
        bound: Option<&HashSet<String>>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
        source: &SourceMap,
        filename: &str,
    ) -> Result<(), SyntaxError> {
        let mut local = HashSet::new();
        let mut scopes: HashMap<String, NameScope> = HashMap::new();
        let mut newglobal = HashSet::new();
        let mut newfree = HashSet::new();
        let mut newbound = HashSet::new();
        let kind = self.scopes[id].kind;
        if kind == ScopeKind::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(bound) = bound {
                newbound.extend(bound.iter().cloned());
            }
        }
        let mut bound_copy: Option<HashSet<String>> = bound.cloned();
        let names = self.scopes[id].order.clone();
        for name in &names {
            let flags = self.scopes[id].symbols[name].flags;
            let error = |message: String, scope: &Scope| {
                let range = scope.directives.get(name).copied().unwrap_or(scope.range);
                SyntaxError::at(source, filename, SyntaxErrorKind::SyntaxError, message, range)
            };
            let scope = &mut self.scopes[id];
            let resolved = if flags & DEF_GLOBAL != 0 {
                if flags & DEF_NONLOCAL != 0 {
                    return Err(error(format!("name '{name}' is nonlocal and global"), scope));
                }
                global.insert(name.clone());
                if let Some(b) = bound_copy.as_mut() {
                    b.remove(name);
                }
                NameScope::GlobalExplicit
            } else if flags & DEF_NONLOCAL != 0 {
                match &bound_copy {
                    None => return Err(error("nonlocal declaration not allowed at module level".into(), scope)),
                    Some(b) if !b.contains(name) => {
                        return Err(error(format!("no binding for nonlocal '{name}' found"), scope))
                    }
                    _ => {}
                }
                scope.has_free = true;
                free.insert(name.clone());
                NameScope::Free
            } else if flags & DEF_BOUND != 0 {
                local.insert(name.clone());
                global.remove(name);
                NameScope::Local
            } else if bound_copy.as_ref().is_some_and(|b| b.contains(name)) {
                scope.has_free = true;
                free.insert(name.clone());
                NameScope::Free
            } else {
                if scope.is_nested {
                    scope.has_free = true;
                }
                NameScope::GlobalImplicit
            };
            scopes.insert(name.clone(), resolved);
        }
        if kind != ScopeKind::Class {
            if kind == ScopeKind::Function {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound_copy {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }
        let mut allfree = HashSet::new();
        let children = self.scopes[id].children.clone();
        for child in children {
            let mut child_free = newfree.clone();
            let mut child_global = newglobal.clone();
            self.analyze_block(child, Some(&newbound), &mut child_free, &mut child_global, source, filename)?;
            allfree.extend(child_free);
            if self.scopes[child].has_free || self.scopes[child].child_has_free {
                self.scopes[id].child_has_free = true;
            }
        }
        newfree.extend(allfree);
        if kind == ScopeKind::Function {
            for (name, scope) in scopes.iter_mut() {
                if *scope == NameScope::Local && newfree.remove(name) {
                    *scope = NameScope::Cell;
                }
            }
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            self.scopes[id].needs_class_closure = true;
        }
        // update_symbols
        let scope = &mut self.scopes[id];
        for (name, resolved) in &scopes {
            if let Some(symbol) = scope.symbols.get_mut(name) {
                symbol.scope = *resolved;
            }
        }
        for name in &newfree {
            if let Some(symbol) = scope.symbols.get_mut(name) {
                if kind == ScopeKind::Class && symbol.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    symbol.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if bound_copy.as_ref().is_some_and(|b| b.contains(name)) {
                scope.symbols.insert(name.clone(), Symbol { flags: 0, scope: NameScope::Free });
                scope.order.push(name.clone());
            }
        }
        free.extend(newfree);
        Ok(())
    }
}

fn has_future_annotations(body: &[Stmt]) -> bool {
    for (i, stmt) in body.iter().enumerate() {
        match stmt {
            Stmt::Expr(e) if i == 0 && e.value.is_string_literal_expr() => continue,
            Stmt::ImportFrom(import) if import.module.as_ref().is_some_and(|m| m.as_str() == "__future__") => {
                if import.names.iter().any(|alias| alias.name.as_str() == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// CPython's `_Py_Mangle`: `__spam` in class `Ham` is `_Ham__spam`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class_name) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

struct Builder<'a> {
    scopes: Vec<Scope>,
    stack: Vec<ScopeId>,
    by_node: HashMap<usize, ScopeId>,
    private: Option<String>,
    source: &'a SourceMap<'a>,
    filename: &'a str,
    future_annotations: bool,
}

type Res = Result<(), SyntaxError>;

impl Builder<'_> {
    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().unwrap();
        &mut self.scopes[id]
    }

    fn error(&self, message: impl Into<String>, range: TextRange) -> SyntaxError {
        SyntaxError::at(self.source, self.filename, SyntaxErrorKind::SyntaxError, message, range)
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: usize, range: TextRange) {
        let parent = *self.stack.last().unwrap();
        let nested = self.scopes[parent].is_nested || self.scopes[parent].kind == ScopeKind::Function;
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, range, nested));
        self.scopes[parent].children.push(id);
        self.by_node.insert(key, id);
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> Res {
        let id = *self.stack.last().unwrap();
        self.add_def_in(id, name, flag, range)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, mut flag: u32, range: TextRange) -> Res {
        let mangled = mangle(self.private.as_deref(), name);
        let scope = &mut self.scopes[id];
        if flag & DEF_LOCAL != 0 && scope.comp_iter_target {
            flag |= DEF_COMP_ITER;
        }
        match scope.symbols.get_mut(&mangled) {
            Some(symbol) => {
                if flag & DEF_PARAM != 0 && symbol.flags & DEF_PARAM != 0 {
                    return Err(self.error(format!("duplicate argument '{name}' in function definition"), range));
                }
                symbol.flags |= flag;
            }
            None => {
                scope.symbols.insert(mangled.clone(), Symbol { flags: flag, scope: NameScope::GlobalImplicit });
                scope.order.push(mangled.clone());
            }
        }
        let scope = &mut self.scopes[id];
        if flag & DEF_PARAM != 0 {
            scope.varnames.push(mangled);
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Res {
        body.iter().try_for_each(|stmt| self.visit_stmt(stmt))
    }

    fn visit_annotation(&mut self, annotation: &Expr) -> Res {
        if self.future_annotations {
            return Ok(());
        }
        self.visit_expr(annotation)
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> Res {
        match stmt {
            Stmt::FunctionDef(def) => {
                self.add_def(&def.name, DEF_LOCAL, def.name.range)?;
                self.visit_defaults(&def.parameters)?;
                self.visit_parameter_annotations(&def.parameters)?;
                if let Some(returns) = &def.returns {
                    self.visit_annotation(returns)?;
                }
                for decorator in &def.decorator_list {
                    self.visit_expr(&decorator.expression)?;
                }
                self.enter(ScopeKind::Function, &def.name, node_key(def), def.range);
                if def.is_async {
                    self.cur().is_coroutine = true;
                }
                self.visit_parameters(&def.parameters)?;
                self.visit_body(&def.body)?;
                self.exit();
            }
            Stmt::ClassDef(class) => {
                self.add_def(&class.name, DEF_LOCAL, class.name.range)?;
                if let Some(arguments) = &class.arguments {
                    arguments.args.iter().try_for_each(|a| self.visit_expr(a))?;
                    arguments.keywords.iter().try_for_each(|k| self.visit_expr(&k.value))?;
                }
                for decorator in &class.decorator_list {
                    self.visit_expr(&decorator.expression)?;
                }
                self.enter(ScopeKind::Class, &class.name, node_key(class), class.range);
                let saved = self.private.replace(class.name.to_string());
                self.visit_body(&class.body)?;
                self.private = saved;
                self.exit();
            }
            Stmt::Return(ret) => {
                if let Some(value) = &ret.value {
                    self.visit_expr(value)?;
                }
            }
            Stmt::Delete(del) => del.targets.iter().try_for_each(|t| self.visit_expr(t))?,
            Stmt::Assign(assign) => {
                assign.targets.iter().try_for_each(|t| self.visit_expr(t))?;
                self.visit_expr(&assign.value)?;
            }
            Stmt::AnnAssign(assign) => {
                if let Expr::Name(name) = &*assign.target {
                    let mangled = mangle(self.private.as_deref(), &name.id);
                    let cur = self.cur().flags(&mangled);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && assign.simple {
                        let which = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(self.error(format!("annotated name '{}' can't be {which}", name.id), stmt.range()));
                    }
                    if assign.simple {
                        self.add_def(&name.id, DEF_ANNOT | DEF_LOCAL, name.range)?;
                    } else if assign.value.is_some() {
                        self.add_def(&name.id, DEF_LOCAL, name.range)?;
                    }
                } else {
                    self.visit_expr(&assign.target)?;
                }
                self.visit_annotation(&assign.annotation)?;
                if let Some(value) = &assign.value {
                    self.visit_expr(value)?;
                }
            }
            Stmt::AugAssign(assign) => {
                self.visit_expr(&assign.target)?;
                self.visit_expr(&assign.value)?;
            }
            Stmt::For(for_) => {
                self.visit_expr(&for_.target)?;
                self.visit_expr(&for_.iter)?;
                self.visit_body(&for_.body)?;
                self.visit_body(&for_.orelse)?;
            }
            Stmt::While(while_) => {
                self.visit_expr(&while_.test)?;
                self.visit_body(&while_.body)?;
                self.visit_body(&while_.orelse)?;
            }
            Stmt::If(if_) => {
                self.visit_expr(&if_.test)?;
                self.visit_body(&if_.body)?;
                for clause in &if_.elif_else_clauses {
                    if let Some(test) = &clause.test {
                        self.visit_expr(test)?;
                    }
                    self.visit_body(&clause.body)?;
                }
            }
            Stmt::With(with) => {
                for item in &with.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(vars) = &item.optional_vars {
                        self.visit_expr(vars)?;
                    }
                }
                self.visit_body(&with.body)?;
            }
            Stmt::Match(match_) => {
                self.visit_expr(&match_.subject)?;
                for case in &match_.cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(guard) = &case.guard {
                        self.visit_expr(guard)?;
                    }
                    self.visit_body(&case.body)?;
                }
            }
            Stmt::Raise(raise) => {
                if let Some(exc) = &raise.exc {
                    self.visit_expr(exc)?;
                }
                if let Some(cause) = &raise.cause {
                    self.visit_expr(cause)?;
                }
            }
            Stmt::Try(try_) => {
                self.visit_body(&try_.body)?;
                self.visit_body(&try_.orelse)?;
                for handler in &try_.handlers {
                    let ExceptHandler::ExceptHandler(handler) = handler;
                    if let Some(type_) = &handler.type_ {
                        self.visit_expr(type_)?;
                    }
                    if let Some(name) = &handler.name {
                        self.add_def(name, DEF_LOCAL, name.range)?;
                    }
                    self.visit_body(&handler.body)?;
                }
                self.visit_body(&try_.finalbody)?;
            }
            Stmt::Assert(assert) => {
                self.visit_expr(&assert.test)?;
                if let Some(msg) = &assert.msg {
                    self.visit_expr(msg)?;
                }
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    let name = alias.asname.as_ref().unwrap_or(&alias.name);
                    let stored = name.as_str().split('.').next().unwrap_or("");
                    self.add_def(stored, DEF_IMPORT, alias.range)?;
                }
            }
            Stmt::ImportFrom(import) => {
                for alias in &import.names {
                    if alias.name.as_str() == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(self.error("import * only allowed at module level", stmt.range()));
                        }
                        continue;
                    }
                    let name = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.add_def(name, DEF_IMPORT, alias.range)?;
                }
            }
            Stmt::Global(global) => self.visit_directive(&global.names, stmt.range(), DEF_GLOBAL)?,
            Stmt::Nonlocal(nonlocal) => self.visit_directive(&nonlocal.names, stmt.range(), DEF_NONLOCAL)?,
            Stmt::Expr(expr) => self.visit_expr(&expr.value)?,
            Stmt::TypeAlias(_) => return Err(self.error("invalid syntax", stmt.range())),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    fn visit_directive(&mut self, names: &[ast::Identifier], range: TextRange, flag: u32) -> Res {
        let which = if flag == DEF_GLOBAL { "global" } else { "nonlocal" };
        for name in names {
            let mangled = mangle(self.private.as_deref(), name);
            let cur = self.cur().flags(&mangled);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let message = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {which}")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to {which} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {which}")
                } else {
                    format!("name '{name}' is assigned to before {which} declaration")
                };
                return Err(self.error(message, range));
            }
            self.add_def(name, flag, range)?;
            self.cur().directives.insert(mangled, range);
        }
        Ok(())
    }

    fn visit_defaults(&mut self, parameters: &Parameters) -> Res {
        for param in parameters.posonlyargs.iter().chain(&parameters.args).chain(&parameters.kwonlyargs) {
            if let Some(default) = &param.default {
                self.visit_expr(default)?;
            }
        }
        Ok(())
    }

    fn visit_parameter_annotations(&mut self, parameters: &Parameters) -> Res {
        for param in parameters.iter() {
            if let Some(annotation) = param.annotation() {
                self.visit_annotation(annotation)?;
            }
        }
        Ok(())
    }

    fn visit_parameters(&mut self, parameters: &Parameters) -> Res {
        for param in parameters.posonlyargs.iter().chain(&parameters.args).chain(&parameters.kwonlyargs) {
            self.add_def(&param.parameter.name, DEF_PARAM, param.parameter.name.range)?;
        }
        if let Some(vararg) = &parameters.vararg {
            self.add_def(&vararg.name, DEF_PARAM, vararg.name.range)?;
        }
        if let Some(kwarg) = &parameters.kwarg {
            self.add_def(&kwarg.name, DEF_PARAM, kwarg.name.range)?;
        }
        Ok(())
    }

    fn visit_pattern(&mut self, pattern: &Pattern) -> Res {
        match pattern {
            Pattern::MatchValue(p) => self.visit_expr(&p.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(p) => p.patterns.iter().try_for_each(|p| self.visit_pattern(p))?,
            Pattern::MatchStar(p) => {
                if let Some(name) = &p.name {
                    self.add_def(name, DEF_LOCAL, name.range)?;
                }
            }
            Pattern::MatchMapping(p) => {
                p.keys.iter().try_for_each(|k| self.visit_expr(k))?;
                p.patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                if let Some(rest) = &p.rest {
                    self.add_def(rest, DEF_LOCAL, rest.range)?;
                }
            }
            Pattern::MatchClass(p) => {
                self.visit_expr(&p.cls)?;
                p.arguments.patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                p.arguments.keywords.iter().try_for_each(|k| self.visit_pattern(&k.pattern))?;
            }
            Pattern::MatchAs(p) => {
                if let Some(pattern) = &p.pattern {
                    self.visit_pattern(pattern)?;
                }
                if let Some(name) = &p.name {
                    self.add_def(name, DEF_LOCAL, name.range)?;
                }
            }
            Pattern::MatchOr(p) => p.patterns.iter().try_for_each(|p| self.visit_pattern(p))?,
        }
        Ok(())
    }

    fn visit_interpolations<'e>(&mut self, elements: impl Iterator<Item = &'e InterpolatedStringElement>) -> Res {
        for element in elements {
            if let InterpolatedStringElement::Interpolation(interp) = element {
                self.visit_expr(&interp.expression)?;
                if let Some(spec) = &interp.format_spec {
                    self.visit_interpolations(spec.elements.iter())?;
                }
            }
        }
        Ok(())
    }

    fn visit_expr(&mut self, expr: &Expr) -> Res {
        match expr {
            Expr::BoolOp(e) => e.values.iter().try_for_each(|v| self.visit_expr(v))?,
            Expr::Named(e) => {
                if self.cur().comp_iter_expr > 0 {
                    return Err(self.error(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        e.range,
                    ));
                }
                if self.cur().comprehension.is_some() {
                    self.extend_namedexpr_scope(&e.target)?;
                }
                self.visit_expr(&e.value)?;
                self.visit_expr(&e.target)?;
            }
            Expr::BinOp(e) => {
                self.visit_expr(&e.left)?;
                self.visit_expr(&e.right)?;
            }
            Expr::UnaryOp(e) => self.visit_expr(&e.operand)?,
            Expr::Lambda(e) => {
                if let Some(parameters) = &e.parameters {
                    self.visit_defaults(parameters)?;
                }
                self.enter(ScopeKind::Function, "lambda", node_key(e), e.range);
                if let Some(parameters) = &e.parameters {
                    self.visit_parameters(parameters)?;
                }
                self.visit_expr(&e.body)?;
                self.exit();
            }
            Expr::If(e) => {
                self.visit_expr(&e.test)?;
                self.visit_expr(&e.body)?;
                self.visit_expr(&e.orelse)?;
            }
            Expr::Dict(e) => {
                for item in &e.items {
                    if let Some(key) = &item.key {
                        self.visit_expr(key)?;
                    }
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(e) => e.elts.iter().try_for_each(|v| self.visit_expr(v))?,
            Expr::ListComp(e) => self.visit_comprehension(
                node_key(e),
                e.range,
                "listcomp",
                ComprehensionKind::List,
                &e.generators,
                &e.elt,
                None,
            )?,
            Expr::SetComp(e) => self.visit_comprehension(
                node_key(e),
                e.range,
                "setcomp",
                ComprehensionKind::Set,
                &e.generators,
                &e.elt,
                None,
            )?,
            Expr::DictComp(e) => {
                let key = e.key.as_deref().unwrap_or(&e.value);
                self.visit_comprehension(
                    node_key(e),
                    e.range,
                    "dictcomp",
                    ComprehensionKind::Dict,
                    &e.generators,
                    key,
                    Some(&e.value),
                )?
            }
            Expr::Generator(e) => self.visit_comprehension(
                node_key(e),
                e.range,
                "genexpr",
                ComprehensionKind::Generator,
                &e.generators,
                &e.elt,
                None,
            )?,
            Expr::Await(e) => {
                self.visit_expr(&e.value)?;
                self.cur().is_coroutine = true;
            }
            Expr::Yield(e) => {
                if let Some(value) = &e.value {
                    self.visit_expr(value)?;
                }
                self.mark_generator(e.range)?;
            }
            Expr::YieldFrom(e) => {
                self.visit_expr(&e.value)?;
                self.mark_generator(e.range)?;
            }
            Expr::Compare(e) => {
                self.visit_expr(&e.left)?;
                e.comparators.iter().try_for_each(|v| self.visit_expr(v))?;
            }
            Expr::Call(e) => {
                self.visit_expr(&e.func)?;
                e.arguments.args.iter().try_for_each(|a| self.visit_expr(a))?;
                e.arguments.keywords.iter().try_for_each(|k| self.visit_expr(&k.value))?;
            }
            Expr::FString(e) => {
                for part in e.value.iter() {
                    if let ast::FStringPart::FString(f) = part {
                        self.visit_interpolations(f.elements.iter())?;
                    }
                }
            }
            Expr::TString(_) => return Err(self.error("invalid syntax", expr.range())),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(e) => self.visit_expr(&e.value)?,
            Expr::Subscript(e) => {
                self.visit_expr(&e.value)?;
                self.visit_expr(&e.slice)?;
            }
            Expr::Starred(e) => self.visit_expr(&e.value)?,
            Expr::Name(e) => {
                let flag = if e.ctx == ast::ExprContext::Load { USE } else { DEF_LOCAL };
                self.add_def(&e.id, flag, e.range)?;
                if e.ctx == ast::ExprContext::Load && self.cur().kind == ScopeKind::Function && e.id.as_str() == "super"
                {
                    self.add_def("__class__", USE, e.range)?;
                }
            }
            Expr::List(e) => e.elts.iter().try_for_each(|v| self.visit_expr(v))?,
            Expr::Tuple(e) => e.elts.iter().try_for_each(|v| self.visit_expr(v))?,
            Expr::Slice(e) => {
                for part in [&e.lower, &e.upper, &e.step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, range: TextRange) -> Res {
        let scope = self.cur();
        scope.is_generator = true;
        if let Some(kind) = scope.comprehension {
            let what = match kind {
                ComprehensionKind::List => "list comprehension",
                ComprehensionKind::Set => "set comprehension",
                ComprehensionKind::Dict => "dict comprehension",
                ComprehensionKind::Generator => "generator expression",
            };
            return Err(self.error(format!("'yield' inside {what}"), range));
        }
        Ok(())
    }

    /// PEP 572: a walrus in a comprehension binds in the enclosing function.
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> Res {
        let Expr::Name(name) = target else {
            return Ok(());
        };
        let target_name = mangle(self.private.as_deref(), &name.id);
        for &id in self.stack.clone().iter().rev() {
            let scope = &self.scopes[id];
            if scope.comprehension.is_some() {
                if scope.flags(&target_name) & DEF_COMP_ITER != 0 {
                    return Err(self.error(
                        format!("assignment expression cannot rebind comprehension iteration variable '{}'", name.id),
                        name.range,
                    ));
                }
                continue;
            }
            match scope.kind {
                ScopeKind::Function => {
                    let flag = if scope.flags(&target_name) & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(&name.id, flag, name.range)?;
                    self.cur().directives.insert(target_name.clone(), name.range);
                    return self.add_def_in(id, &name.id, DEF_LOCAL, name.range);
                }
                ScopeKind::Module => {
                    self.add_def(&name.id, DEF_GLOBAL, name.range)?;
                    self.cur().directives.insert(target_name.clone(), name.range);
                    return self.add_def_in(id, &name.id, DEF_GLOBAL, name.range);
                }
                ScopeKind::Class => {
                    return Err(self.error(
                        "assignment expression within a comprehension cannot be used in a class body",
                        name.range,
                    ));
                }
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn visit_comprehension(
        &mut self,
        key: usize,
        range: TextRange,
        name: &str,
        kind: ComprehensionKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Res {
        let outermost = &generators[0];
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.enter(ScopeKind::Function, &format!("<{name}>"), key, range);
        self.cur().comprehension = Some(kind);
        if outermost.is_async {
            self.cur().is_coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, range)?;
        self.cur().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur().comp_iter_target = false;
        outermost.ifs.iter().try_for_each(|e| self.visit_expr(e))?;
        for generator in &generators[1..] {
            self.cur().comp_iter_target = true;
            self.visit_expr(&generator.target)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            self.visit_expr(&generator.iter)?;
            self.cur().comp_iter_expr -= 1;
            generator.ifs.iter().try_for_each(|e| self.visit_expr(e))?;
            if generator.is_async {
                self.cur().is_coroutine = true;
            }
        }
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        self.visit_expr(elt)?;
        let is_generator = kind == ComprehensionKind::Generator;
        let scope = self.cur();
        scope.is_generator = is_generator;
        let is_async = scope.is_coroutine && !is_generator;
        self.exit();
        if is_async {
            self.cur().is_coroutine = true;
        }
        Ok(())
    }
}
