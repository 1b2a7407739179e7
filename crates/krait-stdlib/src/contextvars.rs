//! The `_contextvars` module (CPython 3.11: `Python/context.c`):
//! `ContextVar`, `Token`, `Context` and `copy_context`.
//!
//! Krait runs one thread, so there is one current context, held by a
//! `ContextState` object that the VM keeps alive (`Vm::add_root`) and that
//! this module finds through a thread-local; it is created empty on first
//! use, as CPython's per-thread context is.
//!
//! CPython keeps a context's variables in an immutable HAMT, so that
//! `copy_context()` is O(1) and a `Context` never changes under a running
//! iterator. Here a context holds a dict: `ContextVar.set` changes the
//! current context's dict in place and `copy()` copies it. What a program
//! observes is the same, except that `keys()`/`values()`/`items()` return
//! dict views (CPython's are its own `keys`/`values`/`items` types).

use std::cell::Cell;

use krait_vm::error::{PyErr, PyResult};
use krait_vm::gc::Tracer;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, MethodDef, Signature};
use krait_vm::object::{Gc, PyPayload, ValueCell};
use krait_vm::protocol::{call, compare, iter, object};
use krait_vm::types::dict::PyDict;
use krait_vm::types::exception::new_exception;
use krait_vm::types::module::PyModule;
use krait_vm::types::native_object::{native_data, new_native_object, new_native_type, NativeData, PyNativeObject};
use krait_vm::types::str::PyStr;
use krait_vm::types::typeobject::{dict_set_str, PyType};
use krait_vm::types::TypeSpec;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

pub static CONTEXTVARS: NativeModuleDef = NativeModuleDef {
    name: "_contextvars",
    doc: "Context Variables",
    methods: &[MethodDef::function("copy_context", copy_context)],
    init: Some(contextvars_init),
};

thread_local! {
    /// The `ContextState` object (rooted by the VM), NULL before `init`.
    static STATE: Cell<Value> = const { Cell::new(Value::NULL) };
}

/// The module's state: the current context and the types.
struct ContextState {
    current: ValueCell,
    context_type: ValueCell,
    token_type: ValueCell,
    missing: ValueCell,
}

impl NativeData for ContextState {
    fn trace(&self, tracer: &mut Tracer) {
        for cell in [&self.current, &self.context_type, &self.token_type, &self.missing] {
            tracer.mark(cell.get());
        }
    }
}

fn state() -> &'static ContextState {
    let value = STATE.with(Cell::get);
    native_data::<ContextState>(value).expect("_contextvars is initialised")
}

fn contextvars_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let context_type = new_native_type(vm, &CONTEXT_SPEC, None, "_contextvars");
    module.set_attr(vm, "Context", context_type.value());
    let var_type = new_native_type(vm, &CONTEXTVAR_SPEC, None, "_contextvars");
    module.set_attr(vm, "ContextVar", var_type.value());
    let token_type = new_native_type(vm, &TOKEN_SPEC, None, "_contextvars");
    module.set_attr(vm, "Token", token_type.value());
    let missing_type = new_native_type(vm, &MISSING_SPEC, None, "builtins");
    let missing = new_native_object(vm, Missing, missing_type);
    dict_set_str(vm, token_type.dict(), "MISSING", missing);
    token_type.invalidate_version();
    let holder_type = new_native_type(vm, &STATE_SPEC, None, "_contextvars");
    let holder = new_native_object(
        vm,
        ContextState {
            current: ValueCell::new(Value::NULL),
            context_type: ValueCell::new(context_type.value()),
            token_type: ValueCell::new(token_type.value()),
            missing: ValueCell::new(missing),
        },
        holder_type,
    );
    vm.add_root(holder);
    STATE.with(|s| s.set(holder));
    Ok(())
}

/// The current context, made on first use.
fn current_context(vm: &mut Vm) -> Value {
    let st = state();
    let current = st.current.get();
    if !current.is_null() {
        return current;
    }
    let vars = PyDict::new(vm);
    let ctx = new_context(vm, vars);
    st.current.set(ctx);
    ctx
}

fn new_context(vm: &mut Vm, vars: Gc<PyDict>) -> Value {
    let ty = state().context_type.get().downcast::<PyType>().expect("Context type");
    new_native_object(
        vm,
        Context {
            vars: ValueCell::new(vars.value()),
            entered: Cell::new(false),
            previous: ValueCell::new(Value::NULL),
        },
        ty,
    )
}

fn copy_context(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>(vm, "copy_context")?;
    let ctx = current_context(vm);
    let vars = context_vars(ctx).copy(vm);
    Ok(new_context(vm, vars))
}

// ---- Context ------------------------------------------------------------------------------------

struct Context {
    /// A dict from `ContextVar` to value.
    vars: ValueCell,
    entered: Cell<bool>,
    /// The context that was current when this one was entered.
    previous: ValueCell,
}

impl NativeData for Context {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.vars.get());
        tracer.mark(self.previous.get());
    }
}

fn context_vars(ctx: Value) -> Gc<PyDict> {
    let context = native_data::<Context>(ctx).expect("a Context");
    context.vars.get().downcast::<PyDict>().expect("context vars dict")
}

fn this_context(vm: &mut Vm, this: Value) -> PyResult<&'static Context> {
    native_data::<Context>(this).ok_or_else(|| {
        let name = vm.type_name(this);
        vm.type_error(format!("descriptor requires a '_contextvars.Context' object but received '{name}'"))
    })
}

fn context_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.positional().len() > 1 || args.has_kwargs() {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    let cls = args.this().downcast::<PyType>().expect("__new__ receives a type");
    let vars = PyDict::new(vm);
    Ok(new_native_object(
        vm,
        Context {
            vars: ValueCell::new(vars.value()),
            entered: Cell::new(false),
            previous: ValueCell::new(Value::NULL),
        },
        cls,
    ))
}

/// `ctx.run(callable, *args, **kwargs)`: call with `ctx` as the current
/// context, restoring the previous one afterwards.
fn context_run(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let context = this_context(vm, this)?;
    let positional = args.positional();
    if positional.len() < 2 {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    }
    if context.entered.get() {
        let repr = object::repr(vm, this)?;
        return Err(vm.runtime_error(format!("cannot enter context: {} is already entered", repr.as_str())));
    }
    let previous = current_context(vm);
    context.previous.set(previous);
    context.entered.set(true);
    state().current.set(this);
    let result = call::call_kw(vm, positional[1], &args.all()[2..], args.kwnames());
    state().current.set(context.previous.get());
    context.previous.set(Value::NULL);
    context.entered.set(false);
    result
}

fn context_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "copy")?;
    this_context(vm, this)?;
    let vars = context_vars(this).copy(vm);
    Ok(new_context(vm, vars))
}

/// The key of a mapping operation: it must be a `ContextVar`.
fn var_key(vm: &mut Vm, key: Value) -> PyResult<Value> {
    if native_data::<ContextVar>(key).is_some() {
        return Ok(key);
    }
    let repr = object::repr(vm, key)?;
    Err(vm.type_error(format!("a ContextVar key was expected, got {}", repr.as_str())))
}

fn context_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__getitem__")?;
    this_context(vm, this)?;
    let key = var_key(vm, key)?;
    match context_vars(this).get_item(vm, key)? {
        Some(v) => Ok(v),
        None => Err(vm.key_error(key)),
    }
}

fn context_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let given = args.positional_range(vm, "get", 2, 3)?;
    args.no_kwargs(vm, "get")?;
    let this = given[0];
    this_context(vm, this)?;
    let key = var_key(vm, given[1])?;
    match context_vars(this).get_item(vm, key)? {
        Some(v) => Ok(v),
        None => Ok(given.get(2).copied().unwrap_or(vm.none())),
    }
}

fn context_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__contains__")?;
    this_context(vm, this)?;
    let key = var_key(vm, key)?;
    let found = context_vars(this).get_item(vm, key)?.is_some();
    Ok(vm.bool_value(found))
}

fn context_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__len__")?;
    this_context(vm, this)?;
    let n = context_vars(this).len();
    Ok(vm.new_int(n as i64))
}

fn context_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__iter__")?;
    this_context(vm, this)?;
    iter::iter(vm, context_vars(this).value())
}

fn context_view(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult {
    let [this] = args.exact::<1>(vm, name)?;
    this_context(vm, this)?;
    call::call_method(vm, context_vars(this).value(), name, &[])
}

fn context_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__eq__")?;
    this_context(vm, this)?;
    if native_data::<Context>(other).is_none() {
        return Ok(vm.not_implemented());
    }
    let equal = compare::eq(vm, context_vars(this).value(), context_vars(other).value())?;
    Ok(vm.bool_value(equal))
}

static CONTEXT_SPEC: TypeSpec = TypeSpec {
    name: "Context",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", context_new),
        MethodDef::method("run", context_run),
        MethodDef::method("copy", context_copy),
        MethodDef::method("get", context_get),
        MethodDef::method("__getitem__", context_getitem),
        MethodDef::method("__contains__", context_contains),
        MethodDef::method("__len__", context_len),
        MethodDef::method("__iter__", context_iter),
        MethodDef::method("keys", |vm, args| context_view(vm, args, "keys")),
        MethodDef::method("values", |vm, args| context_view(vm, args, "values")),
        MethodDef::method("items", |vm, args| context_view(vm, args, "items")),
        MethodDef::method("__eq__", context_eq),
        MethodDef::method("__hash__", krait_vm::protocol::hash::unhashable),
    ],
    getsets: &[],
    doc: "",
};

// ---- ContextVar ---------------------------------------------------------------------------------

struct ContextVar {
    name: ValueCell,
    /// NULL when there is none.
    default: ValueCell,
}

impl NativeData for ContextVar {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.name.get());
        tracer.mark(self.default.get());
    }
}

fn this_var(vm: &mut Vm, this: Value) -> PyResult<&'static ContextVar> {
    native_data::<ContextVar>(this).ok_or_else(|| {
        let name = vm.type_name(this);
        vm.type_error(format!("descriptor requires a '_contextvars.ContextVar' object but received '{name}'"))
    })
}

static CONTEXTVAR_SIG: Signature = Signature {
    name: "ContextVar",
    params: &["cls", "name", "default"],
    positional_only: 2,
    keyword_only: 2,
    required: 2,
};

fn contextvar_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [cls, name, default] = args.bind::<3>(vm, &CONTEXTVAR_SIG)?;
    if name.downcast::<PyStr>().is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    let cls = cls.downcast::<PyType>().expect("__new__ receives a type");
    Ok(new_native_object(vm, ContextVar { name: ValueCell::new(name), default: ValueCell::new(default) }, cls))
}

fn contextvar_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let given = args.positional_range(vm, "get", 1, 2)?;
    args.no_kwargs(vm, "get")?;
    let this = given[0];
    let var = this_var(vm, this)?;
    let ctx = current_context(vm);
    if let Some(v) = context_vars(ctx).get_item(vm, this)? {
        return Ok(v);
    }
    if let Some(&default) = given.get(1) {
        return Ok(default);
    }
    let default = var.default.get();
    if !default.is_null() {
        return Ok(default);
    }
    let ty = vm.exceptions.lookup_error;
    Err(PyErr::from_exception(new_exception(vm, ty, &[this])))
}

fn contextvar_set(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, value] = args.exact::<2>(vm, "set")?;
    this_var(vm, this)?;
    let ctx = current_context(vm);
    let vars = context_vars(ctx);
    let old = vars.get_item(vm, this)?.unwrap_or(Value::NULL);
    vars.set_item(vm, this, value)?;
    let ty = state().token_type.get().downcast::<PyType>().expect("Token type");
    Ok(new_native_object(
        vm,
        Token {
            context: ValueCell::new(ctx),
            var: ValueCell::new(this),
            old_value: ValueCell::new(old),
            used: Cell::new(false),
        },
        ty,
    ))
}

fn contextvar_reset(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, token_value] = args.exact::<2>(vm, "reset")?;
    this_var(vm, this)?;
    let Some(token) = native_data::<Token>(token_value) else {
        let repr = object::repr(vm, token_value)?;
        return Err(vm.type_error(format!("expected an instance of Token, got {}", repr.as_str())));
    };
    if token.used.get() {
        let repr = object::repr(vm, token_value)?;
        return Err(vm.runtime_error(format!("{} has already been used once", repr.as_str())));
    }
    if !token.var.get().is(this) {
        let repr = object::repr(vm, token_value)?;
        return Err(vm.value_error(format!("{} was created by a different ContextVar", repr.as_str())));
    }
    let ctx = current_context(vm);
    if !token.context.get().is(ctx) {
        let repr = object::repr(vm, token_value)?;
        return Err(vm.value_error(format!("{} was created in a different Context", repr.as_str())));
    }
    token.used.set(true);
    let vars = context_vars(ctx);
    let old = token.old_value.get();
    if old.is_null() {
        vars.del_item(vm, this)?;
    } else {
        vars.set_item(vm, this, old)?;
    }
    Ok(vm.none())
}

fn contextvar_name(vm: &mut Vm, this: Value) -> PyResult {
    Ok(this_var(vm, this)?.name.get())
}

fn contextvar_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let var = this_var(vm, this)?;
    let name = object::repr(vm, var.name.get())?;
    let mut text = format!("<ContextVar name={}", name.as_str());
    let default = var.default.get();
    if !default.is_null() {
        let default = object::repr(vm, default)?;
        text.push_str(&format!(" default={}", default.as_str()));
    }
    text.push_str(&format!(" at {:#x}>", this.to_bits()));
    Ok(vm.new_str(&text))
}

fn contextvar_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__hash__")?;
    let h = this.to_bits().rotate_right(4) as i64;
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}

static CONTEXTVAR_SPEC: TypeSpec = TypeSpec {
    name: "ContextVar",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", contextvar_new),
        MethodDef::method("get", contextvar_get),
        MethodDef::method("set", contextvar_set),
        MethodDef::method("reset", contextvar_reset),
        MethodDef::method("__repr__", contextvar_repr),
        MethodDef::method("__hash__", contextvar_hash),
        MethodDef::classmethod("__class_getitem__", krait_vm::types::generic_alias::class_getitem),
    ],
    getsets: &[krait_vm::native::GetSetDef::readonly("name", contextvar_name)],
    doc: "",
};

// ---- Token --------------------------------------------------------------------------------------

struct Token {
    context: ValueCell,
    var: ValueCell,
    /// NULL for `Token.MISSING` (the variable had no value).
    old_value: ValueCell,
    used: Cell<bool>,
}

impl NativeData for Token {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.context.get());
        tracer.mark(self.var.get());
        tracer.mark(self.old_value.get());
    }
}

fn this_token(vm: &mut Vm, this: Value) -> PyResult<&'static Token> {
    native_data::<Token>(this).ok_or_else(|| {
        let name = vm.type_name(this);
        vm.type_error(format!("descriptor requires a '_contextvars.Token' object but received '{name}'"))
    })
}

fn token_new(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.runtime_error("Tokens can only be created by ContextVars"))
}

fn token_var(vm: &mut Vm, this: Value) -> PyResult {
    Ok(this_token(vm, this)?.var.get())
}

fn token_old_value(vm: &mut Vm, this: Value) -> PyResult {
    let old = this_token(vm, this)?.old_value.get();
    Ok(if old.is_null() { state().missing.get() } else { old })
}

fn token_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let token = this_token(vm, this)?;
    let used = if token.used.get() { " used" } else { "" };
    let var = object::repr(vm, token.var.get())?;
    let text = format!("<Token{used} var={} at {:#x}>", var.as_str(), this.to_bits());
    Ok(vm.new_str(&text))
}

static TOKEN_SPEC: TypeSpec = TypeSpec {
    name: "Token",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", token_new),
        MethodDef::method("__repr__", token_repr),
        MethodDef::classmethod("__class_getitem__", krait_vm::types::generic_alias::class_getitem),
    ],
    getsets: &[
        krait_vm::native::GetSetDef::readonly("var", token_var),
        krait_vm::native::GetSetDef::readonly("old_value", token_old_value),
    ],
    doc: "",
};

// ---- Token.MISSING ------------------------------------------------------------------------------

struct Missing;

impl NativeData for Missing {
    fn trace(&self, _tracer: &mut Tracer) {}
}

fn missing_repr(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(vm.new_str("<Token.MISSING>"))
}

static MISSING_SPEC: TypeSpec = TypeSpec {
    name: "Token.MISSING",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[MethodDef::method("__repr__", missing_repr)],
    getsets: &[],
    doc: "",
};

static STATE_SPEC: TypeSpec = TypeSpec {
    name: "_ContextState",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[],
    getsets: &[],
    doc: "",
};
