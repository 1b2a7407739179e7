//! Callables and descriptors: builtin functions and methods, bound methods,
//! getset and member descriptors, `property`, `classmethod`,
//! `staticmethod`, and `super`.

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef, MethodKind, Signature};
use crate::object::{Gc, LayoutKind, ObjHeader, PyPayload, ValueCell};
use crate::protocol;
use crate::types::str::PyStr;
use crate::types::typeobject::{is_subtype, PyType};
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

/// A builtin function, or a builtin method bound to `this`.
#[repr(C)]
pub struct PyBuiltinFunction {
    header: ObjHeader,
    pub def: &'static MethodDef,
    /// The bound object (for methods) or NULL.
    pub this: Value,
    /// The module name for repr, or NULL.
    pub module: Value,
    /// For a builtin type's `__new__`: that type (its first argument must be
    /// a subtype of it), else NULL.
    pub new_of: Value,
}

impl_payload!(PyBuiltinFunction, BuiltinFunction);

impl PyBuiltinFunction {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.this, self.module, self.new_of]);
    }
}

/// A builtin function value (module functions).
pub fn new_builtin_function(vm: &mut Vm, def: &'static MethodDef, this: Value, module: Value) -> Value {
    alloc_builtin_function(vm, def, this, module, Value::NULL)
}

fn alloc_builtin_function(vm: &mut Vm, def: &'static MethodDef, this: Value, module: Value, new_of: Value) -> Value {
    let ty = vm.types.builtin_function;
    let payload =
        PyBuiltinFunction { header: ObjHeader::new(PyBuiltinFunction::LAYOUT, Value::NULL), def, this, module, new_of };
    vm.alloc(payload, ty).value()
}

/// A method of a builtin type, unbound (`list.append`).
#[repr(C)]
pub struct PyMethodDescriptor {
    header: ObjHeader,
    pub def: &'static MethodDef,
    pub owner: Gc<PyType>,
}

impl_payload!(PyMethodDescriptor, MethodDescriptor);

impl PyMethodDescriptor {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark(self.owner.value());
    }
}

/// The dict entry for a native method: a method descriptor, a classmethod
/// descriptor, or a static function.
pub fn method_descriptor_for(vm: &mut Vm, owner: Gc<PyType>, def: &'static MethodDef) -> Value {
    let ty = match def.kind {
        MethodKind::Instance => vm.types.method_descriptor,
        MethodKind::Class => vm.types.classmethod_descriptor,
        MethodKind::Static => {
            // `__new__` is a builtin function bound to nothing, as CPython's
            // tp_new wrapper; other static methods are wrapped.
            let module = vm.intern("builtins");
            if def.name == "__new__" {
                return alloc_builtin_function(vm, def, Value::NULL, module, owner.value());
            }
            let f = new_builtin_function(vm, def, Value::NULL, module);
            return new_staticmethod(vm, f);
        }
    };
    let descriptor = PyMethodDescriptor { header: ObjHeader::new(PyMethodDescriptor::LAYOUT, Value::NULL), def, owner };
    vm.alloc(descriptor, ty).value()
}

/// A getset descriptor.
#[repr(C)]
pub struct PyGetSetDescriptor {
    header: ObjHeader,
    pub def: &'static GetSetDef,
    pub owner: Gc<PyType>,
}

impl_payload!(PyGetSetDescriptor, GetSet);

impl PyGetSetDescriptor {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark(self.owner.value());
    }
}

pub fn new_getset_descriptor(vm: &mut Vm, owner: Gc<PyType>, def: &'static GetSetDef) -> Value {
    let ty = vm.types.getset_descriptor;
    vm.alloc(PyGetSetDescriptor { header: ObjHeader::new(PyGetSetDescriptor::LAYOUT, Value::NULL), def, owner }, ty)
        .value()
}

/// A `__slots__` member: reads and writes the named instance attribute.
#[repr(C)]
pub struct PyMemberDescriptor {
    header: ObjHeader,
    pub name: Gc<PyStr>,
    pub owner: Gc<PyType>,
}

impl_payload!(PyMemberDescriptor, Member);

impl PyMemberDescriptor {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.name.value(), self.owner.value()]);
    }
}

pub fn new_member_descriptor(vm: &mut Vm, owner: Gc<PyType>, name: Gc<PyStr>) -> Value {
    let ty = vm.types.member_descriptor;
    vm.alloc(PyMemberDescriptor { header: ObjHeader::new(PyMemberDescriptor::LAYOUT, Value::NULL), name, owner }, ty)
        .value()
}

/// A method bound to an object.
#[repr(C)]
pub struct PyBoundMethod {
    header: ObjHeader,
    pub func: Value,
    pub this: Value,
}

impl_payload!(PyBoundMethod, BoundMethod);

impl PyBoundMethod {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.func, self.this]);
    }
}

pub fn new_bound_method(vm: &mut Vm, func: Value, this: Value) -> Value {
    let ty = vm.types.method;
    vm.alloc(PyBoundMethod { header: ObjHeader::new(PyBoundMethod::LAYOUT, Value::NULL), func, this }, ty).value()
}

/// `property`.
#[repr(C)]
pub struct PyProperty {
    header: ObjHeader,
    pub fget: ValueCell,
    pub fset: ValueCell,
    pub fdel: ValueCell,
    pub doc: ValueCell,
    pub name: ValueCell,
}

impl_payload!(PyProperty, Property, subclassable);

impl PyProperty {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.fget.get(), self.fset.get(), self.fdel.get(), self.doc.get(), self.name.get()]);
    }
}

/// `classmethod` and `staticmethod` wrap a callable.
#[repr(C)]
pub struct PyClassMethod {
    header: ObjHeader,
    pub func: ValueCell,
}

impl_payload!(PyClassMethod, ClassMethod, subclassable);

impl PyClassMethod {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark(self.func.get());
    }
}

#[repr(C)]
pub struct PyStaticMethod {
    header: ObjHeader,
    pub func: ValueCell,
}

impl_payload!(PyStaticMethod, StaticMethod, subclassable);

impl PyStaticMethod {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark(self.func.get());
    }
}

pub fn new_staticmethod(vm: &mut Vm, func: Value) -> Value {
    let ty = vm.types.staticmethod;
    vm.alloc(
        PyStaticMethod { header: ObjHeader::new(PyStaticMethod::LAYOUT, Value::NULL), func: ValueCell::new(func) },
        ty,
    )
    .value()
}

/// `super(type, obj)`.
#[repr(C)]
pub struct PySuper {
    header: ObjHeader,
    pub this_type: ValueCell,
    pub obj: ValueCell,
    pub obj_type: ValueCell,
}

impl_payload!(PySuper, Super, subclassable);

impl PySuper {
    /// An unbound super object (`super.__init__` fills it in).
    pub fn new() -> PySuper {
        PySuper {
            header: ObjHeader::new(PySuper::LAYOUT, Value::NULL),
            this_type: ValueCell::new(Value::NULL),
            obj: ValueCell::new(Value::NULL),
            obj_type: ValueCell::new(Value::NULL),
        }
    }

    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.this_type.get(), self.obj.get(), self.obj_type.get()]);
    }
}

/// `__get__` of the builtin descriptor kinds; `obj` NULL means class access.
pub fn builtin_descriptor_get(vm: &mut Vm, descr: Value, obj: Value, owner: Value) -> PyResult {
    let kind = descr.header().map(|h| h.kind());
    let class_access = obj.is_null();
    match kind {
        Some(LayoutKind::MethodDescriptor) => {
            let d = descr.downcast::<PyMethodDescriptor>().expect("method descriptor");
            if d.def.kind == MethodKind::Class {
                let cls = if class_access { owner } else { vm.class_of(obj).value() };
                let module = Value::NULL;
                return Ok(new_builtin_function(vm, d.def, cls, module));
            }
            if class_access {
                return Ok(descr);
            }
            check_descriptor_owner(vm, d.owner, d.def.name, obj)?;
            Ok(new_builtin_function(vm, d.def, obj, Value::NULL))
        }
        Some(LayoutKind::GetSet) => {
            if class_access {
                return Ok(descr);
            }
            let d = descr.downcast::<PyGetSetDescriptor>().expect("getset");
            check_descriptor_owner(vm, d.owner, d.def.name, obj)?;
            (d.def.get)(vm, obj)
        }
        Some(LayoutKind::Member) => {
            if class_access {
                return Ok(descr);
            }
            let d = descr.downcast::<PyMemberDescriptor>().expect("member");
            let cls = vm.class_of(obj);
            let index = protocol::attr::slot_index(vm, cls, d.name);
            let value = obj.header().and_then(|h| h.attrs()).zip(index).and_then(|(a, i)| crate::map::get_slot(a, i));
            match value {
                Some(v) => Ok(v),
                None => Err(protocol::attr::no_attribute(vm, obj, d.name)),
            }
        }
        Some(LayoutKind::Property) => {
            if class_access {
                return Ok(descr);
            }
            let p = descr.downcast::<PyProperty>().expect("property");
            let fget = p.fget.get();
            if fget.is_null() || vm.is_none(fget) {
                let name = property_name(vm, p);
                let tn = vm.type_name(obj);
                return Err(vm.attribute_error(match name {
                    Some(n) => format!("property '{n}' of '{tn}' object has no getter"),
                    None => "unreadable attribute".to_string(),
                }));
            }
            protocol::call::call(vm, fget, &[obj])
        }
        Some(LayoutKind::ClassMethod) => {
            let c = descr.downcast::<PyClassMethod>().expect("classmethod");
            let cls = if owner.is_null() { vm.class_of(obj).value() } else { owner };
            let func = c.func.get();
            // A classmethod wrapping a descriptor (e.g. a property) chains its __get__.
            if !func.has_kind(LayoutKind::Function) && protocol::attr::lookup_special(vm, func, "__get__").is_some() {
                return protocol::attr::call_descriptor_get(vm, func, cls, vm.class_of(cls).value());
            }
            Ok(new_bound_method(vm, func, cls))
        }
        Some(LayoutKind::StaticMethod) => Ok(descr.downcast::<PyStaticMethod>().expect("staticmethod").func.get()),
        _ => Ok(descr),
    }
}

fn property_name(vm: &mut Vm, p: Gc<PyProperty>) -> Option<String> {
    let name = p.name.get();
    if let Some(s) = name.downcast::<PyStr>() {
        return Some(s.as_str().to_string());
    }
    let fget = p.fget.get();
    if fget.is_null() || vm.is_none(fget) {
        return None;
    }
    protocol::attr::getattr_opt(vm, fget, "__name__")
        .ok()
        .flatten()
        .and_then(|n| n.downcast::<PyStr>())
        .map(|s| s.as_str().to_string())
}

fn check_descriptor_owner(vm: &mut Vm, owner: Gc<PyType>, name: &str, obj: Value) -> PyResult<()> {
    let cls = vm.class_of(obj);
    if cls == owner || is_subtype(cls, owner) {
        return Ok(());
    }
    let (on, tn) = (owner.name().to_string(), cls.name().to_string());
    Err(vm.type_error(format!("descriptor '{name}' for '{on}' objects doesn't apply to a '{tn}' object")))
}

/// `__set__`/`__delete__` of the builtin data descriptors (NULL value deletes).
pub fn builtin_descriptor_set(vm: &mut Vm, descr: Value, obj: Value, value: Value) -> PyResult<()> {
    match descr.header().map(|h| h.kind()) {
        Some(LayoutKind::GetSet) => {
            let d = descr.downcast::<PyGetSetDescriptor>().expect("getset");
            check_descriptor_owner(vm, d.owner, d.def.name, obj)?;
            match d.def.set {
                Some(set) => set(vm, obj, value),
                None => {
                    let tn = d.owner.name().to_string();
                    Err(vm.attribute_error(format!("attribute '{}' of '{tn}' objects is not writable", d.def.name)))
                }
            }
        }
        Some(LayoutKind::Member) => {
            let d = descr.downcast::<PyMemberDescriptor>().expect("member");
            let cls = vm.class_of(obj);
            let index = protocol::attr::slot_index(vm, cls, d.name);
            let (Some(attrs), Some(index)) = (obj.header().and_then(|h| h.attrs()), index) else {
                return Err(protocol::attr::no_attribute(vm, obj, d.name));
            };
            let root = protocol::attr::root_map(vm, cls);
            if !crate::map::set_slot(attrs, root, index, value) {
                // Deleting an unset member: CPython's message is the bare name.
                return Err(vm.attribute_error(d.name.as_str().to_string()));
            }
            Ok(())
        }
        Some(LayoutKind::Property) => {
            let p = descr.downcast::<PyProperty>().expect("property");
            let f = if value.is_null() { p.fdel.get() } else { p.fset.get() };
            if f.is_null() || vm.is_none(f) {
                let name = property_name(vm, p);
                let tn = vm.type_name(obj);
                let what = if value.is_null() { "deleter" } else { "setter" };
                return Err(vm.attribute_error(match name {
                    Some(n) => format!("property '{n}' of '{tn}' object has no {what}"),
                    None => format!("can't {} attribute", if value.is_null() { "delete" } else { "set" }),
                }));
            }
            if value.is_null() {
                protocol::call::call(vm, f, &[obj])?;
            } else {
                protocol::call::call(vm, f, &[obj, value])?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

// ---- type specs ---------------------------------------------------------------------------

fn builtin_function_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = args.this().downcast::<PyBuiltinFunction>().ok_or_else(|| vm.type_error("expected builtin function"))?;
    let text = if f.this.is_null() || f.this.has_kind(LayoutKind::Module) {
        format!("<built-in function {}>", f.def.name)
    } else if let Some(t) = f.this.downcast::<PyType>() {
        format!("<built-in method {} of type object at {:#x}>", f.def.name, t.value().to_bits()).replace(
            &format!("of type object at {:#x}", t.value().to_bits()),
            &format!("of type object at {:#x}", t.value().to_bits()),
        )
    } else {
        let tn = vm.type_name(f.this);
        format!("<built-in method {} of {tn} object at {:#x}>", f.def.name, f.this.to_bits())
    };
    Ok(vm.new_str(&text))
}

pub static BUILTIN_FUNCTION_SPEC: TypeSpec = TypeSpec {
    name: "builtin_function_or_method",
    base: None,
    layout: PyBuiltinFunction::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__repr__", builtin_function_repr),
        MethodDef::method("__call__", |vm, args| {
            let all = args.all();
            protocol::call::call_kw(vm, all[0], &all[1..], args.kwnames())
        }),
    ],
    getsets: &[
        GetSetDef::readonly("__name__", |vm, f| {
            let name = f.downcast::<PyBuiltinFunction>().map(|f| f.def.name).unwrap_or("");
            Ok(vm.intern(name))
        }),
        GetSetDef::readonly("__qualname__", |vm, f| {
            let Some(f) = f.downcast::<PyBuiltinFunction>() else { return Ok(vm.singletons.empty_str) };
            let text = match f.this.downcast::<PyType>() {
                Some(t) => format!("{}.{}", t.name(), f.def.name),
                None if !f.this.is_null() && !f.this.has_kind(LayoutKind::Module) => {
                    format!("{}.{}", vm.type_name(f.this), f.def.name)
                }
                None => f.def.name.to_string(),
            };
            Ok(vm.new_str(&text))
        }),
        GetSetDef::readonly("__self__", |vm, f| {
            let this = f.downcast::<PyBuiltinFunction>().map(|f| f.this).unwrap_or(Value::NULL);
            Ok(if this.is_null() { vm.none() } else { this })
        }),
        GetSetDef::readonly("__module__", |vm, f| {
            let module = f.downcast::<PyBuiltinFunction>().map(|f| f.module).unwrap_or(Value::NULL);
            Ok(if module.is_null() { vm.none() } else { module })
        }),
        GetSetDef::readonly("__doc__", |vm, f| {
            let doc = f.downcast::<PyBuiltinFunction>().map(|f| f.def.doc).unwrap_or("");
            Ok(if doc.is_empty() { vm.none() } else { vm.new_str(doc) })
        }),
    ],
    doc: "",
};

fn method_descriptor_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = args.this().downcast::<PyMethodDescriptor>().ok_or_else(|| vm.type_error("expected method descriptor"))?;
    let text = format!("<method '{}' of '{}' objects>", d.def.name, d.owner.name());
    Ok(vm.new_str(&text))
}

fn method_descriptor_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.all();
    protocol::call::call_kw(vm, all[0], &all[1..], args.kwnames())
}

pub static METHOD_DESCRIPTOR_SPEC: TypeSpec = TypeSpec {
    name: "method_descriptor",
    base: None,
    layout: PyMethodDescriptor::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__repr__", method_descriptor_repr),
        MethodDef::method("__call__", method_descriptor_call),
        MethodDef::method("__get__", |vm, args| {
            let all = args.positional_range(vm, "__get__", 2, 3)?;
            let obj = if vm.is_none(all[1]) { Value::NULL } else { all[1] };
            let owner = all.get(2).copied().unwrap_or(Value::NULL);
            builtin_descriptor_get(vm, all[0], obj, owner)
        }),
    ],
    getsets: &[
        GetSetDef::readonly("__name__", |vm, d| {
            let name = d.downcast::<PyMethodDescriptor>().map(|d| d.def.name).unwrap_or("");
            Ok(vm.intern(name))
        }),
        GetSetDef::readonly("__qualname__", |vm, d| {
            let Some(d) = d.downcast::<PyMethodDescriptor>() else { return Ok(vm.singletons.empty_str) };
            let text = format!("{}.{}", d.owner.name(), d.def.name);
            Ok(vm.new_str(&text))
        }),
        GetSetDef::readonly("__objclass__", |vm, d| {
            Ok(d.downcast::<PyMethodDescriptor>().map(|d| d.owner.value()).unwrap_or(vm.none()))
        }),
        GetSetDef::readonly("__doc__", |vm, d| {
            let doc = d.downcast::<PyMethodDescriptor>().map(|d| d.def.doc).unwrap_or("");
            Ok(if doc.is_empty() { vm.none() } else { vm.new_str(doc) })
        }),
    ],
    doc: "",
};

pub static CLASSMETHOD_DESCRIPTOR_SPEC: TypeSpec = TypeSpec {
    name: "classmethod_descriptor",
    base: None,
    layout: PyMethodDescriptor::LAYOUT,
    layout_with_attrs: None,
    methods: &[MethodDef::method("__repr__", method_descriptor_repr)],
    getsets: &[],
    doc: "",
};

pub static GETSET_DESCRIPTOR_SPEC: TypeSpec = TypeSpec {
    name: "getset_descriptor",
    base: None,
    layout: PyGetSetDescriptor::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__repr__", |vm, args| {
            let d = args.this().downcast::<PyGetSetDescriptor>().ok_or_else(|| vm.type_error("expected getset"))?;
            let text = format!("<attribute '{}' of '{}' objects>", d.def.name, d.owner.name());
            Ok(vm.new_str(&text))
        }),
        MethodDef::method("__get__", |vm, args| {
            let all = args.positional_range(vm, "__get__", 2, 3)?;
            let obj = if vm.is_none(all[1]) { Value::NULL } else { all[1] };
            builtin_descriptor_get(vm, all[0], obj, Value::NULL)
        }),
        MethodDef::method("__set__", |vm, args| {
            let [d, obj, value] = args.exact::<3>(vm, "__set__")?;
            builtin_descriptor_set(vm, d, obj, value)?;
            Ok(vm.none())
        }),
        MethodDef::method("__delete__", |vm, args| {
            let [d, obj] = args.exact::<2>(vm, "__delete__")?;
            builtin_descriptor_set(vm, d, obj, Value::NULL)?;
            Ok(vm.none())
        }),
    ],
    getsets: &[GetSetDef::readonly("__name__", |vm, d| {
        let name = d.downcast::<PyGetSetDescriptor>().map(|d| d.def.name).unwrap_or("");
        Ok(vm.intern(name))
    })],
    doc: "",
};

pub static MEMBER_DESCRIPTOR_SPEC: TypeSpec = TypeSpec {
    name: "member_descriptor",
    base: None,
    layout: PyMemberDescriptor::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__repr__", |vm, args| {
            let d = args.this().downcast::<PyMemberDescriptor>().ok_or_else(|| vm.type_error("expected member"))?;
            let text = format!("<member '{}' of '{}' objects>", d.name.as_str(), d.owner.name());
            Ok(vm.new_str(&text))
        }),
        MethodDef::method("__get__", |vm, args| {
            let all = args.positional_range(vm, "__get__", 2, 3)?;
            let obj = if vm.is_none(all[1]) { Value::NULL } else { all[1] };
            builtin_descriptor_get(vm, all[0], obj, Value::NULL)
        }),
        MethodDef::method("__set__", |vm, args| {
            let [d, obj, value] = args.exact::<3>(vm, "__set__")?;
            builtin_descriptor_set(vm, d, obj, value)?;
            Ok(vm.none())
        }),
        MethodDef::method("__delete__", |vm, args| {
            let [d, obj] = args.exact::<2>(vm, "__delete__")?;
            builtin_descriptor_set(vm, d, obj, Value::NULL)?;
            Ok(vm.none())
        }),
    ],
    getsets: &[],
    doc: "",
};

fn this_bound(vm: &mut Vm, v: Value) -> PyResult<Gc<PyBoundMethod>> {
    v.downcast::<PyBoundMethod>().ok_or_else(|| vm.type_error("expected a method"))
}

pub static BOUND_METHOD_SPEC: TypeSpec = TypeSpec {
    name: "method",
    base: None,
    layout: PyBoundMethod::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::method("__repr__", |vm, args| {
            let m = this_bound(vm, args.this())?;
            let name = protocol::attr::getattr_opt(vm, m.func, "__qualname__")?
                .and_then(|n| n.downcast::<PyStr>())
                .map(|s| s.as_str().to_string())
                .unwrap_or_else(|| "?".to_string());
            let this = protocol::object::repr(vm, m.this)?;
            let text = format!("<bound method {name} of {}>", this.as_str());
            Ok(vm.new_str(&text))
        }),
        MethodDef::method("__call__", |vm, args| {
            let all = args.all();
            protocol::call::call_kw(vm, all[0], &all[1..], args.kwnames())
        }),
        MethodDef::method("__eq__", |vm, args| {
            let [a, b] = args.exact::<2>(vm, "__eq__")?;
            match (a.downcast::<PyBoundMethod>(), b.downcast::<PyBoundMethod>()) {
                (Some(x), Some(y)) => Ok(vm.bool_value(x.this.is(y.this) && x.func.is(y.func))),
                _ => Ok(vm.not_implemented()),
            }
        }),
        MethodDef::method("__hash__", |vm, args| {
            let m = this_bound(vm, args.this())?;
            let h = protocol::hash::hash(vm, m.func)? ^ (m.this.to_bits() >> 4) as i64;
            Ok(vm.new_int(if h == -1 { -2 } else { h }))
        }),
        MethodDef::method("__getattribute__", |vm, args| {
            let [m, name] = args.exact::<2>(vm, "__getattribute__")?;
            let name = protocol::attr::attr_name(vm, name)?;
            match protocol::attr::generic_getattr(vm, m, name) {
                Ok(v) => Ok(v),
                Err(err) if vm.error_matches(err, vm.exceptions.attribute_error) => {
                    let func = this_bound(vm, m)?.func;
                    protocol::attr::getattr(vm, func, name)
                }
                Err(err) => Err(err),
            }
        }),
    ],
    getsets: &[
        GetSetDef::readonly("__func__", |vm, m| Ok(this_bound(vm, m)?.func)),
        GetSetDef::readonly("__self__", |vm, m| Ok(this_bound(vm, m)?.this)),
    ],
    doc: "",
};

static PROPERTY_SIG: Signature = Signature {
    name: "property",
    params: &["self", "fget", "fset", "fdel", "doc"],
    positional_only: 1,
    keyword_only: 5,
    required: 1,
};

fn this_property(vm: &mut Vm, v: Value) -> PyResult<Gc<PyProperty>> {
    v.downcast::<PyProperty>().ok_or_else(|| vm.type_error("expected a property"))
}

fn property_copy(vm: &mut Vm, p: Gc<PyProperty>, fget: Value, fset: Value, fdel: Value) -> PyResult {
    let cls = vm.class_of(p.value());
    let none = vm.none();
    let pick = |v: Value, old: Value| {
        if v.is_null() {
            if old.is_null() {
                none
            } else {
                old
            }
        } else {
            v
        }
    };
    let args = [pick(fget, p.fget.get()), pick(fset, p.fset.get()), pick(fdel, p.fdel.get()), none];
    let new = protocol::call::call(vm, cls.value(), &args)?;
    if let Some(np) = new.downcast::<PyProperty>() {
        if vm.is_none(np.doc.get()) || np.doc.get().is_null() {
            np.doc.set(p.doc.get());
        }
        np.name.set(p.name.get());
    }
    Ok(new)
}

pub static PROPERTY_SPEC: TypeSpec = TypeSpec {
    name: "property",
    base: None,
    layout: PyProperty::LAYOUT,
    layout_with_attrs: PyProperty::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", |vm, args| {
            let cls = args.all()[0]
                .downcast::<PyType>()
                .ok_or_else(|| vm.type_error("property.__new__(X): X is not a type"))?;
            let none = vm.none();
            let payload = PyProperty {
                header: ObjHeader::new(PyProperty::LAYOUT, Value::NULL),
                fget: ValueCell::new(none),
                fset: ValueCell::new(none),
                fdel: ValueCell::new(none),
                doc: ValueCell::new(none),
                name: ValueCell::new(Value::NULL),
            };
            Ok(vm.alloc_instance(payload, cls).value())
        }),
        MethodDef::method("__init__", |vm, args| {
            let [this, fget, fset, fdel, doc] = args.bind::<5>(vm, &PROPERTY_SIG)?;
            let p = this_property(vm, this)?;
            let none = vm.none();
            let or_none = |v: Value| if v.is_null() { none } else { v };
            p.fget.set(or_none(fget));
            p.fset.set(or_none(fset));
            p.fdel.set(or_none(fdel));
            let mut doc = or_none(doc);
            if vm.is_none(doc) && !vm.is_none(or_none(fget)) {
                doc = protocol::attr::getattr_opt(vm, fget, "__doc__")?.unwrap_or(none);
            }
            p.doc.set(doc);
            Ok(none)
        }),
        MethodDef::method("__get__", |vm, args| {
            let all = args.positional_range(vm, "__get__", 2, 3)?;
            let obj = if vm.is_none(all[1]) { Value::NULL } else { all[1] };
            builtin_descriptor_get(vm, all[0], obj, Value::NULL)
        }),
        MethodDef::method("__set__", |vm, args| {
            let [d, obj, value] = args.exact::<3>(vm, "__set__")?;
            builtin_descriptor_set(vm, d, obj, value)?;
            Ok(vm.none())
        }),
        MethodDef::method("__delete__", |vm, args| {
            let [d, obj] = args.exact::<2>(vm, "__delete__")?;
            builtin_descriptor_set(vm, d, obj, Value::NULL)?;
            Ok(vm.none())
        }),
        MethodDef::method("getter", |vm, args| {
            let [this, f] = args.exact::<2>(vm, "getter")?;
            let p = this_property(vm, this)?;
            property_copy(vm, p, f, Value::NULL, Value::NULL)
        }),
        MethodDef::method("setter", |vm, args| {
            let [this, f] = args.exact::<2>(vm, "setter")?;
            let p = this_property(vm, this)?;
            property_copy(vm, p, Value::NULL, f, Value::NULL)
        }),
        MethodDef::method("deleter", |vm, args| {
            let [this, f] = args.exact::<2>(vm, "deleter")?;
            let p = this_property(vm, this)?;
            property_copy(vm, p, Value::NULL, Value::NULL, f)
        }),
        MethodDef::method("__set_name__", |vm, args| {
            let [this, _owner, name] = args.exact::<3>(vm, "__set_name__")?;
            this_property(vm, this)?.name.set(name);
            Ok(vm.none())
        }),
    ],
    getsets: &[
        GetSetDef::readonly("fget", |vm, p| Ok(this_property(vm, p)?.fget.get())),
        GetSetDef::readonly("fset", |vm, p| Ok(this_property(vm, p)?.fset.get())),
        GetSetDef::readonly("fdel", |vm, p| Ok(this_property(vm, p)?.fdel.get())),
        GetSetDef::new(
            "__doc__",
            |vm, p| Ok(this_property(vm, p)?.doc.get()),
            |vm, p, v| {
                this_property(vm, p)?.doc.set(v);
                Ok(())
            },
        ),
        GetSetDef::readonly("__isabstractmethod__", |vm, p| {
            let p = this_property(vm, p)?;
            for f in [p.fget.get(), p.fset.get(), p.fdel.get()] {
                if let Some(v) = protocol::attr::getattr_opt(vm, f, "__isabstractmethod__")? {
                    if protocol::object::truthy(vm, v)? {
                        return Ok(vm.bool_value(true));
                    }
                }
            }
            Ok(vm.bool_value(false))
        }),
    ],
    doc: "Property attribute.",
};

fn wrapper_new(vm: &mut Vm, args: Args<'_>, static_: bool) -> PyResult {
    let all = args.all();
    let cls = all[0].downcast::<PyType>().ok_or_else(|| vm.type_error("__new__(X): X is not a type"))?;
    let func = all.get(1).copied().unwrap_or(Value::NULL);
    if static_ {
        let payload =
            PyStaticMethod { header: ObjHeader::new(PyStaticMethod::LAYOUT, Value::NULL), func: ValueCell::new(func) };
        Ok(vm.alloc_instance(payload, cls).value())
    } else {
        let payload =
            PyClassMethod { header: ObjHeader::new(PyClassMethod::LAYOUT, Value::NULL), func: ValueCell::new(func) };
        Ok(vm.alloc_instance(payload, cls).value())
    }
}

fn wrapper_init(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult {
    let [this, func] = args.exact::<2>(vm, name)?;
    if let Some(c) = this.downcast::<PyClassMethod>() {
        c.func.set(func);
    } else if let Some(s) = this.downcast::<PyStaticMethod>() {
        s.func.set(func);
    }
    // Copy the wrapped function's metadata, as functools.wraps would (3.10+).
    for attr in ["__doc__", "__name__", "__qualname__", "__module__"] {
        if let Some(v) = protocol::attr::getattr_opt(vm, func, attr)? {
            let key = vm.intern(attr).downcast::<PyStr>().expect("str");
            protocol::attr::set_instance_attr(vm, this, key, v);
        }
    }
    Ok(vm.none())
}

fn wrapped_func(v: Value) -> Value {
    if let Some(c) = v.downcast::<PyClassMethod>() {
        c.func.get()
    } else if let Some(s) = v.downcast::<PyStaticMethod>() {
        s.func.get()
    } else {
        Value::NULL
    }
}

pub static CLASSMETHOD_SPEC: TypeSpec = TypeSpec {
    name: "classmethod",
    base: None,
    layout: PyClassMethod::LAYOUT,
    layout_with_attrs: PyClassMethod::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", |vm, args| wrapper_new(vm, args, false)),
        MethodDef::method("__init__", |vm, args| wrapper_init(vm, args, "classmethod")),
        MethodDef::method("__get__", |vm, args| {
            let all = args.positional_range(vm, "__get__", 2, 3)?;
            let obj = if vm.is_none(all[1]) { Value::NULL } else { all[1] };
            let owner = all.get(2).copied().filter(|o| !vm.is_none(*o)).unwrap_or(Value::NULL);
            builtin_descriptor_get(vm, all[0], obj, owner)
        }),
    ],
    getsets: &[
        GetSetDef::readonly("__func__", |_vm, c| Ok(wrapped_func(c))),
        GetSetDef::readonly("__wrapped__", |_vm, c| Ok(wrapped_func(c))),
        GetSetDef::readonly("__isabstractmethod__", |vm, c| {
            let f = wrapped_func(c);
            Ok(protocol::attr::getattr_opt(vm, f, "__isabstractmethod__")?.unwrap_or(vm.bool_value(false)))
        }),
        GetSetDef::readonly("__dict__", protocol::attr::instance_dict),
    ],
    doc: "",
};

pub static STATICMETHOD_SPEC: TypeSpec = TypeSpec {
    name: "staticmethod",
    base: None,
    layout: PyStaticMethod::LAYOUT,
    layout_with_attrs: PyStaticMethod::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", |vm, args| wrapper_new(vm, args, true)),
        MethodDef::method("__init__", |vm, args| wrapper_init(vm, args, "staticmethod")),
        MethodDef::method("__get__", |vm, args| {
            let all = args.positional_range(vm, "__get__", 2, 3)?;
            Ok(wrapped_func(all[0]))
        }),
        MethodDef::method("__call__", |vm, args| {
            let all = args.all();
            let f = wrapped_func(all[0]);
            protocol::call::call_kw(vm, f, &all[1..], args.kwnames())
        }),
    ],
    getsets: &[
        GetSetDef::readonly("__func__", |_vm, c| Ok(wrapped_func(c))),
        GetSetDef::readonly("__wrapped__", |_vm, c| Ok(wrapped_func(c))),
        GetSetDef::readonly("__isabstractmethod__", |vm, c| {
            let f = wrapped_func(c);
            Ok(protocol::attr::getattr_opt(vm, f, "__isabstractmethod__")?.unwrap_or(vm.bool_value(false)))
        }),
        GetSetDef::readonly("__dict__", protocol::attr::instance_dict),
    ],
    doc: "",
};

pub static SUPER_SPEC: TypeSpec = TypeSpec {
    name: "super",
    base: None,
    layout: PySuper::LAYOUT,
    layout_with_attrs: PySuper::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", crate::types::class::super_new),
        MethodDef::method("__init__", crate::types::class::super_init),
        MethodDef::method("__getattribute__", crate::types::class::super_getattribute),
        MethodDef::method("__repr__", crate::types::class::super_repr),
        MethodDef::method("__get__", |vm, args| {
            let all = args.positional_range(vm, "__get__", 2, 3)?;
            Ok(all[0])
        }),
    ],
    getsets: &[
        GetSetDef::readonly("__thisclass__", |vm, s| {
            Ok(s.downcast::<PySuper>().map(|s| s.this_type.get()).unwrap_or(vm.none()))
        }),
        GetSetDef::readonly("__self__", |vm, s| {
            let v = s.downcast::<PySuper>().map(|s| s.obj.get()).unwrap_or(Value::NULL);
            Ok(if v.is_null() { vm.none() } else { v })
        }),
        GetSetDef::readonly("__self_class__", |vm, s| {
            let v = s.downcast::<PySuper>().map(|s| s.obj_type.get()).unwrap_or(Value::NULL);
            Ok(if v.is_null() { vm.none() } else { v })
        }),
    ],
    doc: "",
};
