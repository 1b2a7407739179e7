//! `types.GenericAlias`: what `list[int]` evaluates to (PEP 585).
//!
//! Builtin containers have a `__class_getitem__` that makes one; it records
//! the origin class and the arguments, prints as `list[int]`, compares by
//! both, and calling it calls the origin. Annotations like
//! `def f(x: dict[str, list[int]])` are evaluated when the function is
//! defined, so this must exist for ordinary programs to run.

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload};
use crate::protocol::{attr, call, compare, hash, object};
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::typeobject::PyType;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyGenericAlias {
    header: ObjHeader,
    pub origin: Value,
    /// Always a tuple.
    pub args: Value,
}

impl_payload!(PyGenericAlias, GenericAlias, subclassable);

impl PyGenericAlias {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.origin, self.args]);
    }
}

/// `cls[item]` for the builtin generic classes.
pub fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [cls, item] = args.exact::<2>(vm, "__class_getitem__")?;
    new_alias(vm, cls, item)
}

/// `origin[item]` as a GenericAlias.
pub fn new_alias(vm: &mut Vm, cls: Value, item: Value) -> PyResult {
    let items = if item.downcast::<PyTuple>().is_some() { item } else { new_tuple(vm, &[item]) };
    let ty = vm.types.generic_alias;
    let alias =
        PyGenericAlias { header: ObjHeader::new(PyGenericAlias::LAYOUT, Value::NULL), origin: cls, args: items };
    Ok(vm.alloc(alias, ty).value())
}

/// `GenericAlias(origin, args)`, also for subclasses (`_collections_abc`'s
/// `_CallableGenericAlias`).
fn alias_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(cls) = args.positional().first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.type_error("GenericAlias.__new__(X): X is not a type object"));
    };
    if args.has_kwargs() && vm.is_exact(cls.value(), vm.types.generic_alias) {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    let given = &args.positional()[1..];
    if given.len() != 2 {
        return Err(vm.type_error(format!("GenericAlias expected 2 arguments, got {}", given.len())));
    }
    let (origin, item) = (given[0], given[1]);
    let items = if item.downcast::<PyTuple>().is_some() { item } else { new_tuple(vm, &[item]) };
    let alias = PyGenericAlias { header: ObjHeader::new(PyGenericAlias::LAYOUT, Value::NULL), origin, args: items };
    Ok(vm.alloc_instance(alias, cls).value())
}

fn this(vm: &mut Vm, v: Value) -> PyResult<Gc<PyGenericAlias>> {
    v.downcast::<PyGenericAlias>().ok_or_else(|| vm.type_error("expected a GenericAlias"))
}

/// One argument as `ga_repr` prints it: classes by qualified name, `...`
/// as is, anything else by repr.
fn repr_item(vm: &mut Vm, item: Value) -> PyResult<String> {
    if item.is(vm.singletons.ellipsis) {
        return Ok("...".to_string());
    }
    if let Some(ty) = item.downcast::<PyType>() {
        if item.downcast::<PyGenericAlias>().is_none() {
            let qualname = ty.qualname_string();
            return Ok(match ty.module_name(vm) {
                Some(m) if m != "builtins" => format!("{m}.{qualname}"),
                _ => qualname,
            });
        }
    }
    Ok(object::repr(vm, item)?.as_str().to_string())
}

fn alias_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let alias = this(vm, args.this())?;
    let mut text = repr_item(vm, alias.origin)?;
    text.push('[');
    let items = alias.args.downcast::<PyTuple>().map(|t| t.as_slice().to_vec()).unwrap_or_default();
    if items.is_empty() {
        text.push_str("()");
    }
    for (i, &item) in items.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        let part = repr_item(vm, item)?;
        text.push_str(&part);
    }
    text.push(']');
    Ok(vm.new_str(&text))
}

fn alias_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__eq__")?;
    let (Some(x), Some(y)) = (a.downcast::<PyGenericAlias>(), b.downcast::<PyGenericAlias>()) else {
        return Ok(vm.not_implemented());
    };
    let equal = compare::eq(vm, x.origin, y.origin)? && compare::eq(vm, x.args, y.args)?;
    Ok(vm.bool_value(equal))
}

fn alias_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let alias = this(vm, args.this())?;
    let h = hash::hash(vm, alias.origin)? ^ hash::hash(vm, alias.args)?;
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}

fn alias_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.all();
    let alias = this(vm, all[0])?;
    call::call_kw(vm, alias.origin, &all[1..], args.kwnames())
}

fn alias_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, name] = args.exact::<2>(vm, "__getattribute__")?;
    let name = attr::attr_name(vm, name)?;
    match attr::generic_getattr(vm, a, name) {
        Ok(v) => Ok(v),
        Err(err) if vm.error_matches(err, vm.exceptions.attribute_error) && !name.as_str().starts_with("__") => {
            let origin = this(vm, a)?.origin;
            attr::getattr(vm, origin, name)
        }
        Err(err) => Err(err),
    }
}

fn alias_instancecheck(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn alias_subclasscheck(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "GenericAlias",
    base: None,
    layout: PyGenericAlias::LAYOUT,
    layout_with_attrs: PyGenericAlias::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", alias_new),
        MethodDef::method("__repr__", alias_repr),
        MethodDef::method("__eq__", alias_eq),
        MethodDef::method("__hash__", alias_hash),
        MethodDef::method("__call__", alias_call),
        MethodDef::method("__getattribute__", alias_getattribute),
        MethodDef::method("__instancecheck__", alias_instancecheck),
        MethodDef::method("__subclasscheck__", alias_subclasscheck),
    ],
    getsets: &[
        GetSetDef::readonly("__origin__", |vm, a| Ok(this(vm, a)?.origin)),
        GetSetDef::readonly("__args__", |vm, a| Ok(this(vm, a)?.args)),
        GetSetDef::readonly("__parameters__", |vm, _| Ok(vm.singletons.empty_tuple)),
    ],
    doc: "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
};
