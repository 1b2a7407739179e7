//! `object`: the root of every class, and the default behaviour of
//! construction, comparison, hashing, attribute access and formatting.

use krait_bytecode::ComparisonOp;

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::map::PyMap;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{ObjHeader, PyPayload};
use crate::protocol;
use crate::types::str::PyStr;
use crate::types::typeobject::{flags, PyType};
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

/// An instance of `object` itself, or of a Python class that adds no
/// builtin layout (then with an attribute area).
#[repr(C)]
pub struct PyObject {
    header: ObjHeader,
}

impl_payload!(PyObject, Object, subclassable);

impl PyObject {
    pub(crate) fn trace_fields(&self, _tracer: &mut Tracer) {}

    pub fn new() -> PyObject {
        PyObject { header: ObjHeader::new(PyObject::LAYOUT, Value::NULL) }
    }
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "object",
    base: None,
    layout: PyObject::LAYOUT,
    layout_with_attrs: PyObject::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", object_new),
        MethodDef::method("__init__", object_init),
        MethodDef::method("__repr__", object_repr),
        MethodDef::method("__str__", object_str),
        MethodDef::method("__hash__", object_hash),
        MethodDef::method("__eq__", |vm, args| object_compare(vm, args, ComparisonOp::Eq)),
        MethodDef::method("__ne__", |vm, args| object_compare(vm, args, ComparisonOp::Ne)),
        MethodDef::method("__lt__", |vm, args| object_compare(vm, args, ComparisonOp::Lt)),
        MethodDef::method("__le__", |vm, args| object_compare(vm, args, ComparisonOp::Le)),
        MethodDef::method("__gt__", |vm, args| object_compare(vm, args, ComparisonOp::Gt)),
        MethodDef::method("__ge__", |vm, args| object_compare(vm, args, ComparisonOp::Ge)),
        MethodDef::method("__getattribute__", object_getattribute),
        MethodDef::method("__setattr__", object_setattr),
        MethodDef::method("__delattr__", object_delattr),
        MethodDef::method("__format__", object_format),
        MethodDef::method("__dir__", object_dir),
        MethodDef::method("__sizeof__", |_vm, _args| Ok(Value::from_small(16))),
        MethodDef::method("__reduce_ex__", |vm, args| {
            let cls = vm.class_of(args.this()).value();
            let empty = vm.singletons.empty_tuple;
            Ok(crate::types::tuple::new_tuple(vm, &[cls, empty]))
        }),
        MethodDef::classmethod("__init_subclass__", |vm, args| {
            if args.has_kwargs() {
                let cls = args.this().downcast::<PyType>().map(|t| t.name().to_string()).unwrap_or_default();
                return Err(vm.type_error(format!("{cls}.__init_subclass__() takes no keyword arguments")));
            }
            Ok(vm.none())
        }),
        MethodDef::classmethod("__subclasshook__", |vm, _| Ok(vm.not_implemented())),
    ],
    getsets: &[GetSetDef::new("__class__", |vm, obj| Ok(vm.class_of(obj).value()), object_set_class)],
    doc: "The base class of the class hierarchy.",
};

pub static MAP_SPEC: TypeSpec = TypeSpec {
    name: "instance_map",
    base: None,
    layout: PyMap::LAYOUT,
    layout_with_attrs: None,
    methods: &[],
    getsets: &[],
    doc: "",
};

/// `object.__new__(cls, ...)`: an instance with an attribute area if the
/// class is a Python class. Excess arguments are an error unless the class
/// overrides `__init__` (and not `__new__`), as CPython's `object_new`.
fn object_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.all();
    let Some(cls) = all.first().and_then(|c| c.downcast::<PyType>()) else {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    };
    if all.len() > 1 {
        let new = cls.lookup(vm, vm.names.new);
        let init = cls.lookup(vm, vm.names.init);
        let overrides_new = new.is_some_and(|n| !n.is(vm.well_known.object_new));
        let overrides_init = init.is_some_and(|i| !i.is(vm.well_known.object_init));
        if overrides_new || !overrides_init {
            let name = cls.name().to_string();
            return Err(vm.type_error(format!("{name}() takes no arguments")));
        }
    }
    if cls.has_flag(flags::ABSTRACT) {
        return Err(abstract_error(vm, cls));
    }
    if cls.instance_layout().kind != PyObject::LAYOUT.kind {
        let name = cls.name().to_string();
        return Err(vm.type_error(format!("object.__new__({name}) is not safe, use {name}.__new__()")));
    }
    Ok(vm.alloc_instance(PyObject::new(), cls).value())
}

fn abstract_error(vm: &mut Vm, cls: crate::object::Gc<PyType>) -> crate::error::PyErr {
    let name = cls.name().to_string();
    let methods = match protocol::attr::getattr_opt(vm, cls.value(), "__abstractmethods__") {
        Ok(Some(m)) => match protocol::iter::collect(vm, m) {
            Ok(list) => {
                let mut names: Vec<String> = list
                    .to_vec()
                    .iter()
                    .filter_map(|v| v.downcast::<PyStr>())
                    .map(|s| s.as_str().to_string())
                    .collect();
                names.sort();
                names
            }
            Err(_) => Vec::new(),
        },
        _ => Vec::new(),
    };
    let plural = if methods.len() == 1 { "" } else { "s" };
    let list = methods.iter().map(|m| format!("'{m}'")).collect::<Vec<_>>().join(", ");
    vm.type_error(format!("Can't instantiate abstract class {name} with abstract method{plural} {list}"))
}

pub(crate) fn object_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.all();
    if all.len() > 1 {
        let cls = vm.class_of(all[0]);
        let new = cls.lookup(vm, vm.names.new);
        let init = cls.lookup(vm, vm.names.init);
        let overrides_new = new.is_some_and(|n| !n.is(vm.well_known.object_new));
        let overrides_init = init.is_some_and(|i| !i.is(vm.well_known.object_init));
        if overrides_init || !overrides_new {
            let message = if overrides_init {
                "object.__init__() takes exactly one argument (the instance to initialize)".to_string()
            } else {
                format!("{}() takes no arguments", cls.name())
            };
            return Err(vm.type_error(message));
        }
    }
    Ok(vm.none())
}

/// `<module.Class object at 0x...>`.
fn object_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let obj = args.this();
    let cls = vm.class_of(obj);
    let module = cls.module_name(vm);
    let qualname = cls.qualname_string();
    let text = match module {
        Some(m) if m != "builtins" => format!("<{m}.{qualname} object at {:#x}>", obj.to_bits()),
        _ => format!("<{qualname} object at {:#x}>", obj.to_bits()),
    };
    Ok(vm.new_str(&text))
}

fn object_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(protocol::object::repr(vm, args.this())?.value())
}

fn object_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let bits = args.this().to_bits();
    // CPython: the address rotated right by 4 bits.
    let h = (bits.rotate_right(4)) as i64;
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}

fn object_compare(vm: &mut Vm, args: Args<'_>, op: ComparisonOp) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "comparison")?;
    match op {
        ComparisonOp::Eq => Ok(if a.is(b) { vm.bool_value(true) } else { vm.not_implemented() }),
        ComparisonOp::Ne => {
            // `__ne__` inverts `__eq__` unless it is NotImplemented.
            let eq = protocol::compare::call_dunder(vm, a, b, ComparisonOp::Eq)?;
            match eq {
                Some(r) if !r.is(vm.not_implemented()) => {
                    let t = protocol::object::truthy(vm, r)?;
                    Ok(vm.bool_value(!t))
                }
                _ => Ok(vm.not_implemented()),
            }
        }
        _ => Ok(vm.not_implemented()),
    }
}

fn object_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, name] = args.exact::<2>(vm, "__getattribute__")?;
    let name = protocol::attr::attr_name(vm, name)?;
    protocol::attr::generic_getattr(vm, obj, name)
}

fn object_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, name, value] = args.exact::<3>(vm, "__setattr__")?;
    let name = protocol::attr::attr_name(vm, name)?;
    protocol::attr::generic_setattr(vm, obj, name, value)?;
    Ok(vm.none())
}

fn object_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, name] = args.exact::<2>(vm, "__delattr__")?;
    let name = protocol::attr::attr_name(vm, name)?;
    protocol::attr::generic_setattr(vm, obj, name, Value::NULL)?;
    Ok(vm.none())
}

fn object_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, spec] = args.exact::<2>(vm, "__format__")?;
    let Some(spec) = spec.downcast::<PyStr>() else {
        let tn = vm.type_name(spec);
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    };
    if !spec.as_str().is_empty() {
        let tn = vm.type_name(obj);
        return Err(vm.type_error(format!("unsupported format string passed to {tn}.__format__")));
    }
    Ok(protocol::object::str(vm, obj)?.value())
}

fn object_dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let obj = args.this();
    let result = crate::types::dict::PyDict::new(vm);
    if let Some(attrs) = obj.header().and_then(|h| h.attrs()) {
        let dict = crate::map::to_dict(vm, attrs);
        for key in dict.keys() {
            result.set_item(vm, key, Value::NULL)?;
        }
    }
    let cls = vm.class_of(obj);
    let mro = cls.mro_tuple();
    for &t in mro.as_slice() {
        if let Some(t) = t.downcast::<PyType>() {
            for key in t.dict().keys() {
                result.set_item(vm, key, Value::NULL)?;
            }
        }
    }
    let keys = result.keys();
    Ok(crate::types::list::list_from_vec(vm, keys))
}

fn object_set_class(vm: &mut Vm, obj: Value, value: Value) -> PyResult<()> {
    let Some(new_class) = value.downcast::<PyType>() else {
        let tn = vm.type_name(value);
        return Err(vm.type_error(format!("__class__ must be set to a class, not '{tn}' object")));
    };
    let old = vm.class_of(obj);
    if !old.has_flag(flags::HEAPTYPE) || !new_class.has_flag(flags::HEAPTYPE) {
        return Err(vm.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    }
    if !std::ptr::eq(old.instance_layout(), new_class.instance_layout()) {
        let (o, n) = (old.name().to_string(), new_class.name().to_string());
        return Err(vm.type_error(format!("__class__ assignment: '{n}' object layout differs from '{o}'")));
    }
    if let Some(header) = obj.header() {
        header.set_class(value);
    }
    Ok(())
}
