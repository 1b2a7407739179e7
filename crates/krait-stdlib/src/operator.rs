//! The `_operator` module (CPython 3.11: `Modules/_operator.c`), in part:
//! `itemgetter`, `attrgetter`, `methodcaller` (used as sort keys, so speed
//! matters) and `index`. `Lib/operator.py` does `from _operator import *`,
//! so these replace its pure-Python versions and the rest of `operator`
//! stays Python.

use krait_vm::error::PyResult;
use krait_vm::gc::Tracer;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, MethodDef};
use krait_vm::object::{Gc, PyPayload, ValueCell};
use krait_vm::protocol::{attr, call, number, object, sequence};
use krait_vm::rooted::RootedVec;
use krait_vm::types::module::PyModule;
use krait_vm::types::native_object::{native_data, new_native_object, new_native_type, NativeData, PyNativeObject};
use krait_vm::types::str::PyStr;
use krait_vm::types::tuple::{tuple_from_vec, PyTuple};
use krait_vm::types::typeobject::PyType;
use krait_vm::types::TypeSpec;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

pub static OPERATOR: NativeModuleDef = NativeModuleDef {
    name: "_operator",
    doc: "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\n\
          to the intrinsic operators of Python.  For example, operator.add(x, y)\n\
          is equivalent to the expression x+y.  The function names are those\n\
          used for special methods; variants without leading and trailing\n'__' are also provided for convenience.",
    methods: &[MethodDef::function("index", operator_index)],
    init: Some(operator_init),
};

fn operator_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    for (name, spec) in
        [("itemgetter", &ITEMGETTER_SPEC), ("attrgetter", &ATTRGETTER_SPEC), ("methodcaller", &METHODCALLER_SPEC)]
    {
        let ty = new_native_type(vm, spec, None, "operator");
        module.set_attr(vm, name, ty.value());
    }
    Ok(())
}

fn operator_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a] = args.exact::<1>(vm, "index")?;
    number::index(vm, a)
}

fn cls_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Gc<PyType>> {
    match args.positional().first().and_then(|c| c.downcast::<PyType>()) {
        Some(cls) => Ok(cls),
        None => Err(vm.type_error(format!("{name}.__new__(X): X is not a type object"))),
    }
}

/// The arguments of a call of a getter object: exactly one, positional.
fn single_call_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let given = &args.positional()[1..];
    if given.len() != 1 {
        return Err(vm.type_error(format!("{name} expected 1 argument, got {}", given.len())));
    }
    Ok(given[0])
}

/// `operator.name(repr1, repr2, ...)`, guarded against recursion.
fn repr_call(
    vm: &mut Vm,
    this: Value,
    name: &str,
    items: &[Value],
    keywords: Option<(Gc<PyTuple>, &[Value])>,
) -> PyResult {
    if !krait_vm::types::list::repr_enter(vm, this) {
        return Ok(vm.new_str("..."));
    }
    let result = (|| {
        let mut parts = Vec::new();
        for &item in items {
            parts.push(object::repr(vm, item)?.as_str().to_string());
        }
        if let Some((names, values)) = keywords {
            for (&k, &v) in names.as_slice().iter().zip(values) {
                let key = object::str(vm, k)?.as_str().to_string();
                parts.push(format!("{key}={}", object::repr(vm, v)?.as_str()));
            }
        }
        Ok(format!("operator.{name}({})", parts.join(", ")))
    })();
    krait_vm::types::list::repr_leave(vm, this);
    let text: String = result?;
    Ok(vm.new_str(&text))
}

// ---- itemgetter ---------------------------------------------------------------------------------

struct ItemGetter {
    /// A tuple of the items.
    items: ValueCell,
}

impl NativeData for ItemGetter {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.items.get());
    }
}

fn itemgetter_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = cls_arg(vm, &args, "itemgetter")?;
    if args.has_kwargs() {
        return Err(vm.type_error("itemgetter() takes no keyword arguments"));
    }
    let items = &args.positional()[1..];
    if items.is_empty() {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    let tuple = tuple_from_vec(vm, items.to_vec());
    Ok(new_native_object(vm, ItemGetter { items: ValueCell::new(tuple) }, cls))
}

fn itemgetter_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(getter) = native_data::<ItemGetter>(this) else { return Err(vm.type_error("expected an itemgetter")) };
    let obj = single_call_arg(vm, &args, "itemgetter")?;
    let items = getter.items.get().downcast::<PyTuple>().expect("items tuple");
    if items.len() == 1 {
        return sequence::getitem(vm, obj, items.as_slice()[0]);
    }
    let result = RootedVec::new(vm);
    for &item in items.as_slice() {
        let v = sequence::getitem(vm, obj, item)?;
        result.push(vm, v);
    }
    Ok(tuple_from_vec(vm, result.to_vec()))
}

fn itemgetter_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(getter) = native_data::<ItemGetter>(this) else { return Err(vm.type_error("expected an itemgetter")) };
    let items = getter.items.get().downcast::<PyTuple>().expect("items tuple");
    repr_call(vm, this, "itemgetter", items.as_slice(), None)
}

fn itemgetter_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(getter) = native_data::<ItemGetter>(this) else { return Err(vm.type_error("expected an itemgetter")) };
    let cls = vm.class_of(this).value();
    Ok(krait_vm::types::tuple::new_tuple(vm, &[cls, getter.items.get()]))
}

static ITEMGETTER_SPEC: TypeSpec = TypeSpec {
    name: "itemgetter",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", itemgetter_new),
        MethodDef::method("__call__", itemgetter_call),
        MethodDef::method("__repr__", itemgetter_repr),
        MethodDef::method("__reduce__", itemgetter_reduce),
    ],
    getsets: &[],
    doc: "itemgetter(item, ...) --> itemgetter object\n\n\
          Return a callable object that fetches the given item(s) from its operand.\n\
          After f = itemgetter(2), the call f(r) returns r[2].\n\
          After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])",
};

// ---- attrgetter ---------------------------------------------------------------------------------

struct AttrGetter {
    /// A tuple of the names as given (dotted strings).
    names: ValueCell,
}

impl NativeData for AttrGetter {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.names.get());
    }
}

fn attrgetter_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = cls_arg(vm, &args, "attrgetter")?;
    if args.has_kwargs() {
        return Err(vm.type_error("attrgetter() takes no keyword arguments"));
    }
    let names = &args.positional()[1..];
    if names.is_empty() {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    if names.iter().any(|n| n.downcast::<PyStr>().is_none()) {
        return Err(vm.type_error("attribute name must be a string"));
    }
    let tuple = tuple_from_vec(vm, names.to_vec());
    Ok(new_native_object(vm, AttrGetter { names: ValueCell::new(tuple) }, cls))
}

/// `obj.a.b.c` for the dotted name `a.b.c`.
fn dotted_getattr(vm: &mut Vm, obj: Value, name: Gc<PyStr>) -> PyResult {
    let text = name.as_str().to_string();
    if !text.contains('.') {
        return attr::getattr(vm, obj, name);
    }
    let mut current = obj;
    for part in text.split('.') {
        let part = vm.intern(part).downcast::<PyStr>().expect("interned str");
        current = attr::getattr(vm, current, part)?;
    }
    Ok(current)
}

fn attrgetter_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(getter) = native_data::<AttrGetter>(this) else { return Err(vm.type_error("expected an attrgetter")) };
    let obj = single_call_arg(vm, &args, "attrgetter")?;
    let names = getter.names.get().downcast::<PyTuple>().expect("names tuple");
    if names.len() == 1 {
        let name = names.as_slice()[0].downcast::<PyStr>().expect("str");
        return dotted_getattr(vm, obj, name);
    }
    let result = RootedVec::new(vm);
    for &name in names.as_slice() {
        let name = name.downcast::<PyStr>().expect("str");
        let v = dotted_getattr(vm, obj, name)?;
        result.push(vm, v);
    }
    Ok(tuple_from_vec(vm, result.to_vec()))
}

fn attrgetter_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(getter) = native_data::<AttrGetter>(this) else { return Err(vm.type_error("expected an attrgetter")) };
    let names = getter.names.get().downcast::<PyTuple>().expect("names tuple");
    repr_call(vm, this, "attrgetter", names.as_slice(), None)
}

fn attrgetter_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(getter) = native_data::<AttrGetter>(this) else { return Err(vm.type_error("expected an attrgetter")) };
    let cls = vm.class_of(this).value();
    Ok(krait_vm::types::tuple::new_tuple(vm, &[cls, getter.names.get()]))
}

static ATTRGETTER_SPEC: TypeSpec = TypeSpec {
    name: "attrgetter",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", attrgetter_new),
        MethodDef::method("__call__", attrgetter_call),
        MethodDef::method("__repr__", attrgetter_repr),
        MethodDef::method("__reduce__", attrgetter_reduce),
    ],
    getsets: &[],
    doc: "attrgetter(attr, ...) --> attrgetter object\n\n\
          Return a callable object that fetches the given attribute(s) from its operand.\n\
          After f = attrgetter('name'), the call f(r) returns r.name.\n\
          After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\n\
          After h = attrgetter('name.first', 'name.last'), the call h(r) returns\n\
          (r.name.first, r.name.last).",
};

// ---- methodcaller -------------------------------------------------------------------------------

struct MethodCaller {
    name: ValueCell,
    /// The positional arguments then the keyword values, as a tuple.
    args: ValueCell,
    /// The keyword names (a tuple) or NULL.
    kwnames: ValueCell,
}

impl NativeData for MethodCaller {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.name.get(), self.args.get()]);
        let names = self.kwnames.get();
        if !names.is_null() {
            tracer.mark(names);
        }
    }
}

fn methodcaller_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = cls_arg(vm, &args, "methodcaller")?;
    let positional = &args.positional()[1..];
    let Some(&name) = positional.first() else {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    };
    if name.downcast::<PyStr>().is_none() {
        return Err(vm.type_error("method name must be a string"));
    }
    let all = args.all();
    let stored = tuple_from_vec(vm, all[2..].to_vec());
    let kwnames = args.kwnames().map_or(Value::NULL, |k| k.value());
    let data =
        MethodCaller { name: ValueCell::new(name), args: ValueCell::new(stored), kwnames: ValueCell::new(kwnames) };
    Ok(new_native_object(vm, data, cls))
}

fn methodcaller_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(caller) = native_data::<MethodCaller>(this) else { return Err(vm.type_error("expected a methodcaller")) };
    let obj = single_call_arg(vm, &args, "methodcaller")?;
    let name = caller.name.get().downcast::<PyStr>().expect("str");
    let method = attr::getattr(vm, obj, name)?;
    let stored = caller.args.get().downcast::<PyTuple>().expect("args tuple");
    let kwnames = caller.kwnames.get().downcast::<PyTuple>();
    call::call_kw(vm, method, stored.as_slice(), kwnames)
}

fn methodcaller_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(caller) = native_data::<MethodCaller>(this) else { return Err(vm.type_error("expected a methodcaller")) };
    let stored = caller.args.get().downcast::<PyTuple>().expect("args tuple");
    let kwnames = caller.kwnames.get().downcast::<PyTuple>();
    let n_kw = kwnames.map_or(0, |k| k.len());
    let all = stored.as_slice();
    let mut items = vec![caller.name.get()];
    items.extend_from_slice(&all[..all.len() - n_kw]);
    let keywords = kwnames.map(|names| (names, &all[all.len() - n_kw..]));
    repr_call(vm, this, "methodcaller", &items, keywords)
}

static METHODCALLER_SPEC: TypeSpec = TypeSpec {
    name: "methodcaller",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", methodcaller_new),
        MethodDef::method("__call__", methodcaller_call),
        MethodDef::method("__repr__", methodcaller_repr),
    ],
    getsets: &[],
    doc: "methodcaller(name, ...) --> methodcaller object\n\n\
          Return a callable object that calls the given method on its operand.\n\
          After f = methodcaller('name'), the call f(r) returns r.name().\n\
          After g = methodcaller('name', 'date', foo=1), the call g(r) returns\n\
          r.name('date', foo=1).",
};
