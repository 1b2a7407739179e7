//! The `_functools` module (CPython 3.11: `Modules/_functoolsmodule.c`):
//! `reduce`, `partial`, `cmp_to_key` and `_lru_cache_wrapper`, the parts of
//! `functools` that CPython writes in C. `Lib/functools.py` imports them and
//! builds the rest (`lru_cache`, `wraps`, `total_ordering`, ...) on top.
//!
//! `partial` and the lru-cache wrapper carry a `__dict__` (their instances
//! are allocated with the attribute area), because `functools.update_wrapper`
//! and user code set attributes on them. Neither has `__get__` except the
//! cache wrapper, which binds like a function, as in CPython.
//!
//! The lru cache keeps its entries in a dict whose insertion order is the
//! recency order: a hit moves its key to the end, and a full cache evicts
//! the first key. Keys follow CPython's `_make_key`: a lone `int` or `str`
//! argument is its own key; otherwise a tuple of the positional arguments,
//! then a marker object and the keyword names and values, then (for
//! `typed`) the argument types.

use std::cell::Cell;

use krait_bytecode::ComparisonOp;
use krait_vm::error::PyResult;
use krait_vm::gc::Tracer;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, GetSetDef, MethodDef};
use krait_vm::object::{Gc, Layout, PyPayload, ValueCell};
use krait_vm::protocol::{attr, call, compare, iter, object};
use krait_vm::rooted::RootedVec;
use krait_vm::types::dict::PyDict;
use krait_vm::types::module::PyModule;
use krait_vm::types::native_object::{native_data, new_native_object, new_native_type, NativeData, PyNativeObject};
use krait_vm::types::str::PyStr;
use krait_vm::types::tuple::{new_tuple, tuple_from_vec, PyTuple};
use krait_vm::types::typeobject::PyType;
use krait_vm::types::TypeSpec;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

pub static FUNCTOOLS: NativeModuleDef = NativeModuleDef {
    name: "_functools",
    doc: "Tools that operate on functions.",
    methods: &[MethodDef::function("reduce", functools_reduce), MethodDef::function("cmp_to_key", cmp_to_key)],
    init: Some(functools_init),
};

fn functools_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let partial = new_native_type(vm, &PARTIAL_SPEC, None, "functools");
    module.set_attr(vm, "partial", partial.value());
    let key_wrapper = new_native_type(vm, &KEY_WRAPPER_SPEC, None, "functools");
    module.set_attr(vm, "KeyWrapper", key_wrapper.value());
    let lru = new_native_type(vm, &LRU_SPEC, None, "functools");
    module.set_attr(vm, "_lru_cache_wrapper", lru.value());
    // The marker between positional and keyword parts of cache keys.
    let object_type = vm.types.object.value();
    let marker = call::call(vm, object_type, &[])?;
    module.set_attr(vm, "_kwd_mark", marker);
    Ok(())
}

/// The layout with an attribute area, for types whose exact instances have
/// a `__dict__`.
const fn with_attrs(layout: Option<&'static Layout>) -> &'static Layout {
    match layout {
        Some(layout) => layout,
        None => panic!("subclassable payload"),
    }
}

fn cls_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Gc<PyType>> {
    match args.positional().first().and_then(|c| c.downcast::<PyType>()) {
        Some(cls) => Ok(cls),
        None => Err(vm.type_error(format!("{name}.__new__(X): X is not a type object"))),
    }
}

fn is_callable(vm: &mut Vm, v: Value) -> bool {
    let cls = vm.class_of(v);
    cls.lookup_str(vm, "__call__").is_some()
}

fn address(v: Value) -> usize {
    v.header().map_or(0, |h| h as *const _ as usize)
}

// ---- reduce -------------------------------------------------------------------------------------

fn functools_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let given = args.positional_range(vm, "reduce", 2, 3)?;
    let (function, iterable) = (given[0], given[1]);
    let mut total = given.get(2).copied().unwrap_or(Value::NULL);
    let it = match iter::iter(vm, iterable) {
        Ok(it) => it,
        Err(err) if vm.error_matches(err, vm.exceptions.type_error) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"));
        }
        Err(err) => return Err(err),
    };
    while let Some(item) = iter::next(vm, it)? {
        total = if total.is_null() { item } else { call::call(vm, function, &[total, item])? };
    }
    if total.is_null() {
        return Err(vm.type_error("reduce() of empty iterable with no initial value"));
    }
    Ok(total)
}

// ---- partial ------------------------------------------------------------------------------------

struct Partial {
    func: ValueCell,
    /// A tuple.
    args: ValueCell,
    /// A dict.
    keywords: ValueCell,
}

impl NativeData for Partial {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.func.get(), self.args.get(), self.keywords.get()]);
    }
}

fn partial_of(vm: &mut Vm, v: Value) -> PyResult<&'static Partial> {
    native_data::<Partial>(v).ok_or_else(|| {
        let tn = vm.type_name(v);
        vm.type_error(format!("descriptor requires a 'functools.partial' object but received '{tn}'"))
    })
}

fn partial_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = cls_arg(vm, &args, "partial")?;
    let positional = &args.positional()[1..];
    let Some(&func) = positional.first() else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    if !is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut func = func;
    let mut new_args: Vec<Value> = positional[1..].to_vec();
    let keywords = PyDict::new(vm);
    // Flatten `partial(partial(f, 1), 2)` into `partial(f, 1, 2)`.
    let exact = vm.class_of(func) == cls && std::ptr::eq(cls.instance_layout(), PARTIAL_SPEC.layout);
    if exact {
        if let Some(inner) = native_data::<Partial>(func) {
            let inner_args = inner.args.get().downcast::<PyTuple>().expect("partial args");
            let mut flattened = inner_args.as_slice().to_vec();
            flattened.extend_from_slice(&new_args);
            new_args = flattened;
            let inner_keywords = inner.keywords.get().downcast::<PyDict>().expect("partial keywords");
            for (k, v) in inner_keywords.items() {
                keywords.set_item(vm, k, v)?;
            }
            func = inner.func.get();
        }
    }
    // `new_args` holds values that the arguments and the inner partial keep alive.
    let args_tuple = tuple_from_vec(vm, new_args);
    let rest = Args::new(&args.all()[1..], args.kwnames());
    for (name, value) in rest.kwargs() {
        keywords.set_item(vm, name.value(), value)?;
    }
    let data = Partial {
        func: ValueCell::new(func),
        args: ValueCell::new(args_tuple),
        keywords: ValueCell::new(keywords.value()),
    };
    Ok(new_native_object(vm, data, cls))
}

fn partial_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.all();
    let partial = partial_of(vm, all[0])?;
    let func = partial.func.get();
    let stored = partial.args.get().downcast::<PyTuple>().expect("partial args");
    let keywords = partial.keywords.get().downcast::<PyDict>().expect("partial keywords");
    let call_args = RootedVec::new(vm);
    for &v in stored.as_slice() {
        call_args.push(vm, v);
    }
    for &v in args.positional()[1..].iter() {
        call_args.push(vm, v);
    }
    let extra = Args::new(&all[1..], args.kwnames());
    if keywords.is_empty() && !extra.has_kwargs() {
        let values = call_args.to_vec();
        let tuple = tuple_from_vec(vm, values);
        let tuple = tuple.downcast::<PyTuple>().expect("tuple");
        return call::call(vm, func, tuple.as_slice());
    }
    // Merge the keywords: the call's override the stored ones.
    let merged = keywords.copy(vm);
    for (name, value) in extra.kwargs() {
        merged.set_item(vm, name.value(), value)?;
    }
    let names = RootedVec::new(vm);
    for (k, v) in merged.items() {
        names.push(vm, k);
        call_args.push(vm, v);
    }
    let kwnames = tuple_from_vec(vm, names.to_vec()).downcast::<PyTuple>().expect("tuple");
    let values = tuple_from_vec(vm, call_args.to_vec()).downcast::<PyTuple>().expect("tuple");
    call::call_kw(vm, func, values.as_slice(), Some(kwnames))
}

fn partial_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let partial = partial_of(vm, this)?;
    if !krait_vm::types::list::repr_enter(vm, this) {
        return Ok(vm.new_str("..."));
    }
    let result = (|| {
        let mut parts = vec![object::repr(vm, partial.func.get())?.as_str().to_string()];
        let stored = partial.args.get().downcast::<PyTuple>().expect("partial args");
        for &v in stored.as_slice() {
            parts.push(object::repr(vm, v)?.as_str().to_string());
        }
        let keywords = partial.keywords.get().downcast::<PyDict>().expect("partial keywords");
        for (k, v) in keywords.items() {
            let key = object::str(vm, k)?.as_str().to_string();
            let value = object::repr(vm, v)?.as_str().to_string();
            parts.push(format!("{key}={value}"));
        }
        let cls = vm.class_of(this);
        let name = if std::ptr::eq(cls.instance_layout(), PARTIAL_SPEC.layout)
            && cls.module_name(vm).as_deref() == Some("functools")
        {
            "functools.partial".to_string()
        } else {
            cls.name().to_string()
        };
        Ok(format!("{name}({})", parts.join(", ")))
    })();
    krait_vm::types::list::repr_leave(vm, this);
    let text = result?;
    Ok(vm.new_str(&text))
}

fn partial_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let partial = partial_of(vm, this)?;
    let cls = vm.class_of(this).value();
    let func = partial.func.get();
    let ctor_args = new_tuple(vm, &[func]);
    let dict = attr::instance_dict(vm, this).unwrap_or_else(|_| vm.none());
    let dict = if dict.downcast::<PyDict>().is_some_and(|d| d.is_empty()) { vm.none() } else { dict };
    let state = new_tuple(vm, &[func, partial.args.get(), partial.keywords.get(), dict]);
    Ok(new_tuple(vm, &[cls, ctor_args, state]))
}

fn partial_setstate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, state] = args.exact::<2>(vm, "__setstate__")?;
    let partial = partial_of(vm, this)?;
    let Some(items) = state.downcast::<PyTuple>().filter(|t| t.len() == 4) else {
        return Err(vm.type_error("invalid partial state"));
    };
    let [func, fargs, keywords, _dict] =
        [items.as_slice()[0], items.as_slice()[1], items.as_slice()[2], items.as_slice()[3]];
    if !is_callable(vm, func) || fargs.downcast::<PyTuple>().is_none() {
        return Err(vm.type_error("invalid partial state"));
    }
    let keywords = if vm.is_none(keywords) { PyDict::new(vm).value() } else { keywords };
    partial.func.set(func);
    partial.args.set(fargs);
    partial.keywords.set(keywords);
    Ok(vm.none())
}

/// The setter of a read-only member (CPython's `READONLY` `PyMemberDef`).
fn readonly_member(vm: &mut Vm, _v: Value, _value: Value) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

static PARTIAL_SPEC: TypeSpec = TypeSpec {
    name: "partial",
    base: None,
    layout: with_attrs(PyNativeObject::LAYOUT_WITH_ATTRS),
    layout_with_attrs: PyNativeObject::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", partial_new),
        MethodDef::method("__call__", partial_call),
        MethodDef::method("__repr__", partial_repr),
        MethodDef::method("__reduce__", partial_reduce),
        MethodDef::method("__setstate__", partial_setstate),
        MethodDef::classmethod("__class_getitem__", krait_vm::types::generic_alias::class_getitem),
    ],
    getsets: &[
        GetSetDef::new("func", |vm, v| Ok(partial_of(vm, v)?.func.get()), readonly_member),
        GetSetDef::new("args", |vm, v| Ok(partial_of(vm, v)?.args.get()), readonly_member),
        GetSetDef::new("keywords", |vm, v| Ok(partial_of(vm, v)?.keywords.get()), readonly_member),
        GetSetDef::readonly("__dict__", attr::instance_dict),
    ],
    doc: "partial(func, *args, **keywords) - new function with partial application\n    \
          of the given arguments and keywords.\n",
};

// ---- cmp_to_key ---------------------------------------------------------------------------------

struct KeyWrapper {
    cmp: ValueCell,
    /// NULL for the key function itself; the wrapped object for keys.
    object: ValueCell,
}

impl NativeData for KeyWrapper {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.cmp.get());
        let object = self.object.get();
        if !object.is_null() {
            tracer.mark(object);
        }
    }
}

fn cmp_to_key(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: krait_vm::native::Signature = krait_vm::native::Signature {
        name: "cmp_to_key",
        params: &["mycmp"],
        positional_only: 0,
        keyword_only: 1,
        required: 1,
    };
    let [cmp] = args.bind::<1>(vm, &SIG)?;
    let ty = crate::util::module_type(vm, "_functools", "KeyWrapper")?;
    Ok(new_native_object(vm, KeyWrapper { cmp: ValueCell::new(cmp), object: ValueCell::new(Value::NULL) }, ty))
}

fn key_wrapper_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: krait_vm::native::Signature =
        krait_vm::native::Signature { name: "K", params: &["obj"], positional_only: 0, keyword_only: 1, required: 1 };
    let this = args.this();
    let [obj] = args.skip_self().bind::<1>(vm, &SIG)?;
    let Some(wrapper) = native_data::<KeyWrapper>(this) else {
        return Err(vm.type_error("expected a functools.KeyWrapper"));
    };
    let cls = vm.class_of(this);
    let cmp = wrapper.cmp.get();
    Ok(new_native_object(vm, KeyWrapper { cmp: ValueCell::new(cmp), object: ValueCell::new(obj) }, cls))
}

fn key_wrapper_compare(vm: &mut Vm, args: Args<'_>, op: ComparisonOp) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__lt__")?;
    let (Some(a), Some(b)) = (native_data::<KeyWrapper>(this), native_data::<KeyWrapper>(other)) else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let (x, y) = (a.object.get(), b.object.get());
    if x.is_null() || y.is_null() {
        return Err(vm.attribute_error("object"));
    }
    let result = call::call(vm, a.cmp.get(), &[x, y])?;
    compare::rich_compare(vm, result, Value::from_small(0), op)
}

fn key_wrapper_obj(vm: &mut Vm, v: Value) -> PyResult {
    match native_data::<KeyWrapper>(v).map(|w| w.object.get()) {
        Some(object) if !object.is_null() => Ok(object),
        _ => Err(vm.attribute_error("object")),
    }
}

fn key_wrapper_set_obj(vm: &mut Vm, v: Value, value: Value) -> PyResult<()> {
    let Some(wrapper) = native_data::<KeyWrapper>(v) else { return Err(vm.type_error("expected a KeyWrapper")) };
    wrapper.object.set(value);
    Ok(())
}

static KEY_WRAPPER_SPEC: TypeSpec = TypeSpec {
    name: "KeyWrapper",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__call__", key_wrapper_call),
        MethodDef::method("__lt__", |vm, args| key_wrapper_compare(vm, args, ComparisonOp::Lt)),
        MethodDef::method("__le__", |vm, args| key_wrapper_compare(vm, args, ComparisonOp::Le)),
        MethodDef::method("__eq__", |vm, args| key_wrapper_compare(vm, args, ComparisonOp::Eq)),
        MethodDef::method("__ne__", |vm, args| key_wrapper_compare(vm, args, ComparisonOp::Ne)),
        MethodDef::method("__gt__", |vm, args| key_wrapper_compare(vm, args, ComparisonOp::Gt)),
        MethodDef::method("__ge__", |vm, args| key_wrapper_compare(vm, args, ComparisonOp::Ge)),
        MethodDef::method("__hash__", |vm, _args| Err(vm.type_error("unhashable type: 'functools.KeyWrapper'"))),
    ],
    getsets: &[GetSetDef::new("obj", key_wrapper_obj, key_wrapper_set_obj)],
    doc: "",
};

// ---- _lru_cache_wrapper -------------------------------------------------------------------------

struct LruCache {
    func: ValueCell,
    /// `None`: unbounded.
    maxsize: Option<usize>,
    typed: bool,
    /// The `_CacheInfo` namedtuple type.
    cache_info_type: ValueCell,
    /// A dict from key to result, in recency order (oldest first).
    cache: ValueCell,
    /// The key marker object.
    kwd_mark: ValueCell,
    hits: Cell<u64>,
    misses: Cell<u64>,
}

impl NativeData for LruCache {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.func.get(), self.cache_info_type.get(), self.cache.get(), self.kwd_mark.get()]);
    }
}

fn lru_of(vm: &mut Vm, v: Value) -> PyResult<&'static LruCache> {
    native_data::<LruCache>(v).ok_or_else(|| {
        let tn = vm.type_name(v);
        vm.type_error(format!("descriptor requires a 'functools._lru_cache_wrapper' object but received '{tn}'"))
    })
}

fn lru_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: krait_vm::native::Signature = krait_vm::native::Signature {
        name: "_lru_cache_wrapper",
        params: &["user_function", "maxsize", "typed", "cache_info_type"],
        positional_only: 0,
        keyword_only: 4,
        required: 4,
    };
    let cls = cls_arg(vm, &args, "_lru_cache_wrapper")?;
    let rest = Args::new(&args.all()[1..], args.kwnames());
    let [func, maxsize, typed, cache_info_type] = rest.bind::<4>(vm, &SIG)?;
    if !is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let maxsize = if vm.is_none(maxsize) {
        None
    } else if krait_vm::types::int::is_int(maxsize) {
        let n = krait_vm::types::int::to_i64(maxsize).unwrap_or(i64::MAX);
        Some(n.max(0) as usize)
    } else {
        return Err(vm.type_error("maxsize should be integer or None"));
    };
    let typed = object::truthy(vm, typed)?;
    let cache = PyDict::new(vm);
    let key = vm.intern("_functools").downcast::<PyStr>().expect("str");
    let kwd_mark = match vm.modules.get_str(key) {
        Some(m) => attr::getattr_str(vm, m, "_kwd_mark")?,
        None => vm.none(),
    };
    let data = LruCache {
        func: ValueCell::new(func),
        maxsize,
        typed,
        cache_info_type: ValueCell::new(cache_info_type),
        cache: ValueCell::new(cache.value()),
        kwd_mark: ValueCell::new(kwd_mark),
        hits: Cell::new(0),
        misses: Cell::new(0),
    };
    Ok(new_native_object(vm, data, cls))
}

/// CPython's `lru_cache_make_key`.
fn make_key(vm: &mut Vm, lru: &LruCache, args: &Args<'_>) -> PyResult {
    let positional = &args.positional()[1..];
    let all = args.all();
    if !args.has_kwargs() && positional.len() == 1 && !lru.typed {
        let arg = positional[0];
        let cls = vm.class_of(arg);
        if cls == vm.types.int || cls == vm.types.str {
            return Ok(arg);
        }
    }
    let key = RootedVec::new(vm);
    for &v in positional {
        key.push(vm, v);
    }
    let kwnames = args.kwnames();
    if let Some(names) = kwnames {
        key.push(vm, lru.kwd_mark.get());
        let values = &all[all.len() - names.len()..];
        for (&name, &value) in names.as_slice().iter().zip(values) {
            key.push(vm, name);
            key.push(vm, value);
        }
    }
    if lru.typed {
        for &v in positional {
            key.push(vm, vm.class_of(v).value());
        }
        if let Some(names) = kwnames {
            let values = &all[all.len() - names.len()..];
            for &value in values {
                key.push(vm, vm.class_of(value).value());
            }
        }
    }
    Ok(tuple_from_vec(vm, key.to_vec()))
}

fn lru_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.all();
    let this = all[0];
    let lru = lru_of(vm, this)?;
    let func = lru.func.get();
    let call_args = &all[1..];
    if lru.maxsize == Some(0) {
        lru.misses.set(lru.misses.get() + 1);
        return call::call_kw(vm, func, call_args, args.kwnames());
    }
    let key = make_key(vm, lru, &args)?;
    let cache = lru.cache.get().downcast::<PyDict>().expect("cache dict");
    let hash = krait_vm::protocol::hash::hash(vm, key)?;
    if let Some(result) = cache.get_item_hashed(vm, key, hash)? {
        lru.hits.set(lru.hits.get() + 1);
        if lru.maxsize.is_some() {
            // Move to the most recent end.
            if cache.del_item(vm, key)?.is_some() {
                cache.set_item_hashed(vm, key, hash, result)?;
            }
        }
        return Ok(result);
    }
    lru.misses.set(lru.misses.get() + 1);
    let result = call::call_kw(vm, func, call_args, args.kwnames())?;
    if cache.get_item_hashed(vm, key, hash)?.is_some() {
        // A recursive call cached it meanwhile.
        return Ok(result);
    }
    cache.set_item_hashed(vm, key, hash, result)?;
    if let Some(maxsize) = lru.maxsize {
        while cache.len() > maxsize {
            let Some((_, oldest)) = cache.next_entry(0) else { break };
            cache.del_item(vm, oldest.key)?;
        }
    }
    Ok(result)
}

fn lru_cache_info(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "cache_info")?;
    let lru = lru_of(vm, this)?;
    let hits = vm.new_int(lru.hits.get() as i64);
    let misses = vm.new_int(lru.misses.get() as i64);
    let maxsize = match lru.maxsize {
        Some(n) => vm.new_int(n as i64),
        None => vm.none(),
    };
    let size = lru.cache.get().downcast::<PyDict>().map_or(0, |d| d.len());
    let size = vm.new_int(size as i64);
    call::call(vm, lru.cache_info_type.get(), &[hits, misses, maxsize, size])
}

fn lru_cache_clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "cache_clear")?;
    let lru = lru_of(vm, this)?;
    lru.hits.set(0);
    lru.misses.set(0);
    let fresh = PyDict::new(vm);
    lru.cache.set(fresh.value());
    Ok(vm.none())
}

fn lru_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let given = args.positional_range(vm, "__get__", 2, 3)?;
    let (this, obj) = (given[0], given[1]);
    if vm.is_none(obj) {
        return Ok(this);
    }
    Ok(krait_vm::types::descriptor::new_bound_method(vm, this, obj))
}

fn lru_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let text = format!("<functools._lru_cache_wrapper object at {:#x}>", address(this));
    Ok(vm.new_str(&text))
}

fn lru_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    attr::getattr_str(vm, args.this(), "__qualname__")
}

fn lru_self(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.this())
}

static LRU_SPEC: TypeSpec = TypeSpec {
    name: "_lru_cache_wrapper",
    base: None,
    layout: with_attrs(PyNativeObject::LAYOUT_WITH_ATTRS),
    layout_with_attrs: PyNativeObject::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", lru_new),
        MethodDef::method("__call__", lru_call),
        MethodDef::method("__get__", lru_get),
        MethodDef::method("__repr__", lru_repr),
        MethodDef::method("__reduce__", lru_reduce),
        MethodDef::method("__copy__", lru_self),
        MethodDef::method("__deepcopy__", lru_self),
        MethodDef::method("cache_info", lru_cache_info),
        MethodDef::method("cache_clear", lru_cache_clear),
    ],
    getsets: &[GetSetDef::readonly("__dict__", attr::instance_dict)],
    doc: "Create a cached callable that wraps another function.",
};
