//! `type`: type objects, the MRO, attribute lookup on types, version tags,
//! and class creation.
//!
//! ## Version tags
//!
//! Every type has a 32-bit version tag, assigned from a global counter when
//! first asked for and reset to 0 ("unassigned") whenever the type's dict or
//! bases change — and then for every subclass too, since their MROs contain
//! the type. A cache or a JIT guard that recorded (tag, result) is valid as
//! long as the type still has that tag; tags are never reused, so a stale
//! entry can never match. Subclass lists are weak (purged after marking).
//!
//! ## Lookup
//!
//! `lookup` walks the MRO's dicts; `MethodCache` remembers the result per
//! (version tag, interned name), as CPython's type method cache does.

use std::cell::{Cell, RefCell};

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, Layout, LayoutKind, ObjHeader, PyPayload, ValueCell};
use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

/// Type flags.
pub mod flags {
    /// Created by a class statement or `type(name, bases, dict)`.
    pub const HEAPTYPE: u32 = 1 << 0;
    /// Can be subclassed.
    pub const BASETYPE: u32 = 1 << 1;
    /// `__abstractmethods__` is non-empty.
    pub const ABSTRACT: u32 = 1 << 2;
    /// Instances may not get new attributes (`__slots__` without `__dict__`).
    pub const NO_DICT: u32 = 1 << 3;
    /// A subclass of `BaseException`.
    pub const EXCEPTION: u32 = 1 << 4;
    /// Instances need their `__del__` run (a finalizer candidate from
    /// allocation, `gc/finalize.rs`).
    pub const HAS_FINALIZER: u32 = 1 << 5;
}

#[repr(C)]
pub struct PyType {
    header: ObjHeader,
    name: RefCell<Box<str>>,
    pub qualname: ValueCell,
    /// The nearest base whose instance layout this type extends (`tp_base`).
    pub base: ValueCell,
    /// `__bases__` (a tuple).
    pub bases: ValueCell,
    /// `__mro__` (a tuple of types, this one first).
    pub mro: ValueCell,
    /// The type's namespace (a dict).
    pub dict: ValueCell,
    version: Cell<u32>,
    pub flags: Cell<u32>,
    instance_layout: Cell<&'static Layout>,
    /// For a builtin type, the layout of its Python subclasses' instances
    /// (`TypeSpec::layout_with_attrs`); see `subclass_layout`.
    layout_with_attrs: Cell<Option<&'static Layout>>,
    /// Direct subclasses (weak: purged of dead types after each marking).
    pub(crate) subclasses: RefCell<Vec<Value>>,
    /// The empty map that instances start with (see `map`).
    pub root_map: ValueCell,
    /// Names of `__slots__` (a tuple) or NULL.
    pub slot_names: ValueCell,
}

impl_payload!(PyType, Type, subclassable);

impl PyType {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[
            self.qualname.get(),
            self.base.get(),
            self.bases.get(),
            self.mro.get(),
            self.dict.get(),
            self.root_map.get(),
            self.slot_names.get(),
        ]);
    }

    pub(crate) fn empty(layout: &'static Layout) -> PyType {
        PyType {
            header: ObjHeader::new(PyType::LAYOUT, Value::NULL),
            name: RefCell::new("".into()),
            qualname: ValueCell::new(Value::NULL),
            base: ValueCell::new(Value::NULL),
            bases: ValueCell::new(Value::NULL),
            mro: ValueCell::new(Value::NULL),
            dict: ValueCell::new(Value::NULL),
            version: Cell::new(0),
            flags: Cell::new(0),
            instance_layout: Cell::new(layout),
            layout_with_attrs: Cell::new(None),
            subclasses: RefCell::new(Vec::new()),
            root_map: ValueCell::new(Value::NULL),
            slot_names: ValueCell::new(Value::NULL),
        }
    }

    /// `__name__`.
    pub fn name(&self) -> std::cell::Ref<'_, str> {
        std::cell::Ref::map(self.name.borrow(), |s| &**s)
    }

    pub fn set_name(&self, name: &str) {
        *self.name.borrow_mut() = name.into();
    }

    /// The layout of this type's instances.
    #[inline]
    pub fn instance_layout(&self) -> &'static Layout {
        self.instance_layout.get()
    }

    /// The layout of the instances of a Python subclass: this type's own
    /// when it already has an attribute area, else the "with attributes"
    /// variant of it recorded for the nearest builtin ancestor of the same
    /// layout. `None` if instances of this layout cannot carry attributes.
    pub fn subclass_layout(&self) -> Option<&'static Layout> {
        let own = self.instance_layout();
        if own.attrs_offset != 0 {
            return Some(own);
        }
        if let Some(layout) = self.layout_with_attrs.get() {
            return Some(layout);
        }
        let mut base = self.solid_base();
        while let Some(b) = base {
            if b.instance_layout().kind != own.kind {
                break;
            }
            if let Some(layout) = b.layout_with_attrs.get() {
                return Some(layout);
            }
            base = b.solid_base();
        }
        None
    }

    #[inline]
    pub fn has_flag(&self, flag: u32) -> bool {
        self.flags.get() & flag != 0
    }

    /// The type's dict.
    #[inline]
    pub fn dict(&self) -> Gc<PyDict> {
        self.dict.get().downcast::<PyDict>().expect("type without a dict")
    }

    /// The MRO as a slice of type values.
    pub fn mro_tuple(&self) -> Gc<PyTuple> {
        self.mro.get().downcast::<PyTuple>().expect("type without an MRO")
    }

    /// The type's version tag, assigning one if it has none. 0 means the
    /// counter ran out and the type cannot be cached.
    pub fn version_tag(&self, vm: &mut Vm) -> u32 {
        let tag = self.version.get();
        if tag != 0 {
            return tag;
        }
        if vm.next_type_version == u32::MAX {
            return 0;
        }
        let tag = vm.next_type_version;
        vm.next_type_version += 1;
        self.version.set(tag);
        tag
    }

    /// The current tag without assigning one (0 if unassigned).
    #[inline]
    pub fn current_version(&self) -> u32 {
        self.version.get()
    }

    /// Forget the version tag of this type and all its subclasses: their
    /// dicts or MROs changed.
    pub fn invalidate_version(&self) {
        if self.version.get() == 0 && self.subclasses.borrow().is_empty() {
            return;
        }
        self.version.set(0);
        let subclasses: Vec<Value> = self.subclasses.borrow().clone();
        for sub in subclasses {
            if let Some(sub) = sub.downcast::<PyType>() {
                sub.invalidate_version();
            }
        }
    }

    /// `lookup` without the cache.
    pub fn lookup_uncached(&self, name: Gc<PyStr>) -> Option<Value> {
        let mro = self.mro_tuple();
        for &ty in mro.as_slice() {
            let ty = ty.downcast::<PyType>()?;
            if let Some(v) = ty.dict().get_str(name) {
                return Some(v);
            }
        }
        None
    }

    /// `__qualname__` as a Rust string.
    pub fn qualname_string(&self) -> String {
        match self.qualname.get().downcast::<PyStr>() {
            Some(s) => s.as_str().to_string(),
            None => self.name().to_string(),
        }
    }

    /// The instance-layout base (`tp_base`).
    pub fn solid_base(&self) -> Option<Gc<PyType>> {
        self.base.get().downcast::<PyType>()
    }
}

/// Whether `sub` is `ty` or has it in its MRO.
pub fn is_subtype(sub: Gc<PyType>, ty: Gc<PyType>) -> bool {
    if sub == ty {
        return true;
    }
    match sub.mro.get().downcast::<PyTuple>() {
        Some(mro) => mro.as_slice().iter().any(|&t| t.is(ty.value())),
        None => false,
    }
}

/// A direct-mapped cache of MRO lookups keyed by (version tag, name).
pub struct MethodCache {
    entries: Box<[(u32, usize, Value)]>,
}

const METHOD_CACHE_SIZE: usize = 4096;

impl MethodCache {
    pub fn new() -> MethodCache {
        MethodCache { entries: vec![(0, 0, Value::NULL); METHOD_CACHE_SIZE].into_boxed_slice() }
    }

    #[inline]
    fn slot(tag: u32, name: Gc<PyStr>) -> usize {
        let key = (tag as usize).wrapping_mul(0x9E37_79B9) ^ (name.as_ptr() as usize >> 4);
        key % METHOD_CACHE_SIZE
    }

    /// A cached result: NULL for "not found"; `None` when not cached.
    #[inline]
    fn get(&self, tag: u32, name: Gc<PyStr>) -> Option<Value> {
        let (t, n, v) = self.entries[Self::slot(tag, name)];
        if t == tag && n == name.as_ptr() as usize {
            Some(v)
        } else {
            None
        }
    }

    #[inline]
    fn put(&mut self, tag: u32, name: Gc<PyStr>, value: Value) {
        self.entries[Self::slot(tag, name)] = (tag, name.as_ptr() as usize, value);
    }

    /// Keep the cached names alive (as CPython's cache holds a reference):
    /// a freed name's address could otherwise be reused by another string
    /// and hit a stale entry.
    pub(crate) fn trace(&self, tracer: &mut Tracer) {
        for &(tag, name, _) in self.entries.iter() {
            if tag != 0 {
                tracer.mark(Value::from_bits(name as u64));
            }
        }
    }
}

// ---- C3 linearisation ------------------------------------------------------------------------

/// Compute the MRO of a class with these bases (C3), or the TypeError
/// message CPython gives.
pub fn compute_mro(class: Gc<PyType>, bases: &[Gc<PyType>]) -> Result<Vec<Gc<PyType>>, String> {
    let mut sequences: Vec<Vec<Gc<PyType>>> = bases
        .iter()
        .map(|b| b.mro_tuple().as_slice().iter().filter_map(|t| t.downcast::<PyType>()).collect())
        .collect();
    sequences.push(bases.to_vec());
    let mut result = vec![class];
    loop {
        sequences.retain(|s| !s.is_empty());
        if sequences.is_empty() {
            return Ok(result);
        }
        let candidate = sequences.iter().map(|s| s[0]).find(|&head| !sequences.iter().any(|s| s[1..].contains(&head)));
        let Some(next) = candidate else {
            let mut names: Vec<String> = Vec::new();
            for s in &sequences {
                let name = s[0].name().to_string();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        result.push(next);
        for s in &mut sequences {
            if s[0] == next {
                s.remove(0);
            }
        }
    }
}

// ---- creating builtin types from specs -------------------------------------------------

/// Fill a builtin type object from its spec (called at startup, bases first).
pub(crate) fn init_builtin_type(vm: &mut Vm, ty: Gc<PyType>, spec: &TypeSpec, base: Option<Gc<PyType>>) {
    ty.set_name(spec.name);
    let qualname = vm.intern(spec.name);
    ty.qualname.set(qualname);
    let mut type_flags = 0;
    if spec.layout_with_attrs.is_some() {
        type_flags |= flags::BASETYPE;
    }
    ty.layout_with_attrs.set(spec.layout_with_attrs);
    ty.flags.set(type_flags);
    ty.instance_layout.set(spec.layout);
    let dict = PyDict::new(vm);
    ty.dict.set(dict.value());
    let (bases, mro) = match base {
        Some(base) => {
            let bases = crate::types::tuple::new_tuple(vm, &[base.value()]);
            let mut mro = vec![ty.value()];
            mro.extend_from_slice(base.mro_tuple().as_slice());
            base.subclasses.borrow_mut().push(ty.value());
            if base.has_flag(flags::EXCEPTION) {
                ty.flags.set(ty.flags.get() | flags::EXCEPTION);
            }
            (bases, crate::types::tuple::new_tuple(vm, &mro))
        }
        None => (vm.singletons.empty_tuple, crate::types::tuple::new_tuple(vm, &[ty.value()])),
    };
    ty.base.set(base.map_or(Value::NULL, |b| b.value()));
    ty.bases.set(bases);
    ty.mro.set(mro);
    add_methods(vm, ty, spec.methods);
    add_getsets(vm, ty, spec.getsets);
    // A type whose instances have a `__doc__` getset keeps it (functions,
    // properties); the type's own doc is then only in the spec.
    if !spec.getsets.iter().any(|g| g.name == "__doc__") {
        let doc = if spec.doc.is_empty() { vm.none() } else { vm.new_str(spec.doc) };
        dict_set_str(vm, dict, "__doc__", doc);
    }
    vm.all_types.push(ty.value());
}

/// Put native methods into a type's dict as descriptors.
pub fn add_methods(vm: &mut Vm, ty: Gc<PyType>, methods: &'static [MethodDef]) {
    let dict = ty.dict();
    for def in methods {
        let descr = crate::types::descriptor::method_descriptor_for(vm, ty, def);
        dict_set_str(vm, dict, def.name, descr);
    }
}

/// Put getset descriptors into a type's dict.
pub fn add_getsets(vm: &mut Vm, ty: Gc<PyType>, getsets: &'static [GetSetDef]) {
    let dict = ty.dict();
    for def in getsets {
        let descr = crate::types::descriptor::new_getset_descriptor(vm, ty, def);
        dict_set_str(vm, dict, def.name, descr);
    }
}

/// `dict[name] = value` for a Rust string key that cannot fail.
pub fn dict_set_str(vm: &mut Vm, dict: Gc<PyDict>, name: &str, value: Value) {
    let key = vm.intern(name);
    dict.set_str(vm, key.downcast::<PyStr>().expect("interned str"), value);
}

// ---- Python-visible surface ------------------------------------------------------------------

pub static SPEC: TypeSpec = TypeSpec {
    name: "type",
    base: None,
    layout: PyType::LAYOUT,
    layout_with_attrs: PyType::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", crate::types::class::type_new),
        MethodDef::method("__init__", type_init),
        MethodDef::method("__call__", crate::types::class::type_call),
        MethodDef::method("__repr__", type_repr),
        MethodDef::method("__getattribute__", type_getattribute),
        MethodDef::method("__setattr__", type_setattr),
        MethodDef::method("__delattr__", type_delattr),
        MethodDef::method("mro", type_mro),
        MethodDef::method("__subclasses__", type_subclasses),
        MethodDef::method("__instancecheck__", type_instancecheck),
        MethodDef::method("__subclasscheck__", type_subclasscheck),
        MethodDef::method("__dir__", type_dir),
        MethodDef::classmethod("__prepare__", type_prepare),
        MethodDef::method("__or__", type_or),
        MethodDef::method("__ror__", type_or),
    ],
    getsets: &[
        GetSetDef::new("__name__", type_get_name, type_set_name),
        GetSetDef::new("__qualname__", type_get_qualname, type_set_qualname),
        GetSetDef::readonly("__mro__", |vm, t| Ok(as_type(vm, t)?.mro.get())),
        GetSetDef::new("__bases__", |vm, t| Ok(as_type(vm, t)?.bases.get()), type_set_bases),
        GetSetDef::readonly("__base__", |vm, t| {
            let ty = as_type(vm, t)?;
            let bases = ty.bases.get().downcast::<PyTuple>();
            Ok(bases.and_then(|b| b.as_slice().first().copied()).unwrap_or(vm.none()))
        }),
        GetSetDef::readonly("__dict__", type_get_dict),
        GetSetDef::new("__doc__", type_get_doc, type_set_doc),
        GetSetDef::new("__module__", type_get_module, type_set_module),
        GetSetDef::new("__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods),
        GetSetDef::readonly("__text_signature__", |vm, _| Ok(vm.none())),
    ],
    doc: "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
};

fn as_type(vm: &mut Vm, v: Value) -> PyResult<Gc<PyType>> {
    match v.downcast::<PyType>() {
        Some(t) => Ok(t),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a 'type' object but received a '{name}'")))
        }
    }
}

fn type_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let n = args.positional().len();
    if n != 2 && n != 4 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(vm.none())
}

fn type_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let ty = as_type(vm, args.this())?;
    let module = ty.module_name(vm);
    let qualname = ty.qualname_string();
    let text = match module {
        Some(m) if m != "builtins" => format!("<class '{m}.{qualname}'>"),
        _ => format!("<class '{qualname}'>"),
    };
    Ok(vm.new_str(&text))
}

fn type_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, name] = args.exact::<2>(vm, "__getattribute__")?;
    let name = crate::protocol::attr::attr_name(vm, name)?;
    crate::protocol::attr::type_getattr(vm, obj, name)
}

fn type_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, name, value] = args.exact::<3>(vm, "__setattr__")?;
    let name = crate::protocol::attr::attr_name(vm, name)?;
    crate::protocol::attr::type_setattr(vm, obj, name, value)?;
    Ok(vm.none())
}

fn type_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, name] = args.exact::<2>(vm, "__delattr__")?;
    let name = crate::protocol::attr::attr_name(vm, name)?;
    crate::protocol::attr::type_setattr(vm, obj, name, Value::NULL)?;
    Ok(vm.none())
}

fn type_mro(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let ty = as_type(vm, args.this())?;
    let items = ty.mro_tuple().as_slice().to_vec();
    Ok(crate::types::list::new_list(vm, &items))
}

fn type_subclasses(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let ty = as_type(vm, args.this())?;
    let items = ty.subclasses.borrow().clone();
    Ok(crate::types::list::new_list(vm, &items))
}

fn type_instancecheck(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [ty, obj] = args.exact::<2>(vm, "__instancecheck__")?;
    let ty = as_type(vm, ty)?;
    let result = crate::protocol::object::recursive_isinstance(vm, obj, ty)?;
    Ok(vm.bool_value(result))
}

fn type_subclasscheck(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [ty, sub] = args.exact::<2>(vm, "__subclasscheck__")?;
    let ty = as_type(vm, ty)?;
    let result = crate::protocol::object::recursive_issubclass(vm, sub, ty.value())?;
    Ok(vm.bool_value(result))
}

fn type_dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let ty = as_type(vm, args.this())?;
    let result = crate::types::dict::PyDict::new(vm);
    let mro = ty.mro_tuple();
    for &t in mro.as_slice().iter().rev() {
        if let Some(t) = t.downcast::<PyType>() {
            for (key, _) in t.dict().items() {
                result.set_item(vm, key, vm.none())?;
            }
        }
    }
    let keys = result.keys();
    Ok(crate::types::list::new_list(vm, &keys))
}

fn type_prepare(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(PyDict::new(vm).value())
}

fn type_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>(vm, "__or__")?;
    crate::types::class::make_union(vm, a, b)
}

fn type_get_name(vm: &mut Vm, t: Value) -> PyResult {
    let ty = as_type(vm, t)?;
    let name = ty.name().to_string();
    Ok(vm.new_str(&name))
}

fn type_set_name(vm: &mut Vm, t: Value, value: Value) -> PyResult<()> {
    let ty = as_type(vm, t)?;
    check_heap_type_set(vm, ty, "__name__")?;
    match value.downcast::<PyStr>() {
        Some(s) => {
            ty.set_name(s.as_str());
            Ok(())
        }
        None => {
            let name = vm.type_name(value);
            Err(vm.type_error(format!("can only assign string to {}.__name__, not '{name}'", ty.name())))
        }
    }
}

fn type_get_qualname(vm: &mut Vm, t: Value) -> PyResult {
    let ty = as_type(vm, t)?;
    Ok(ty.qualname.get())
}

fn type_set_qualname(vm: &mut Vm, t: Value, value: Value) -> PyResult<()> {
    let ty = as_type(vm, t)?;
    check_heap_type_set(vm, ty, "__qualname__")?;
    if value.downcast::<PyStr>().is_none() {
        let name = vm.type_name(value);
        return Err(vm.type_error(format!("can only assign string to {}.__qualname__, not '{name}'", ty.name())));
    }
    ty.qualname.set(value);
    Ok(())
}

fn check_heap_type_set(vm: &mut Vm, ty: Gc<PyType>, attr: &str) -> PyResult<()> {
    if !ty.has_flag(flags::HEAPTYPE) {
        let name = ty.name().to_string();
        return Err(vm.type_error(format!("cannot set '{attr}' attribute of immutable type '{name}'")));
    }
    Ok(())
}

fn type_set_bases(vm: &mut Vm, t: Value, value: Value) -> PyResult<()> {
    let ty = as_type(vm, t)?;
    check_heap_type_set(vm, ty, "__bases__")?;
    let Some(bases) = value.downcast::<PyTuple>() else {
        let name = vm.type_name(value);
        return Err(vm.type_error(format!("can only assign tuple to {}.__bases__, not {name}", ty.name())));
    };
    let mut base_types = Vec::new();
    for &b in bases.as_slice() {
        match b.downcast::<PyType>() {
            Some(b) => base_types.push(b),
            None => return Err(vm.type_error("__bases__ must be a tuple of classes")),
        }
    }
    let mro = compute_mro(ty, &base_types).map_err(|m| vm.type_error(m))?;
    let mro_values: Vec<Value> = mro.iter().map(|t| t.value()).collect();
    let mro_tuple = crate::types::tuple::new_tuple(vm, &mro_values);
    ty.bases.set(value);
    ty.mro.set(mro_tuple);
    for b in base_types {
        b.subclasses.borrow_mut().push(ty.value());
    }
    ty.invalidate_version();
    Ok(())
}

fn type_get_dict(vm: &mut Vm, t: Value) -> PyResult {
    let ty = as_type(vm, t)?;
    Ok(crate::types::dict::new_mappingproxy(vm, ty.dict.get()))
}

fn type_get_doc(vm: &mut Vm, t: Value) -> PyResult {
    let ty = as_type(vm, t)?;
    let key = vm.intern("__doc__").downcast::<PyStr>().expect("str");
    let doc = ty.dict().get_str(key).unwrap_or(vm.none());
    // A descriptor in the dict (e.g. a property named __doc__) is called.
    crate::protocol::attr::call_descriptor_get(vm, doc, Value::NULL, t)
}

fn type_set_doc(vm: &mut Vm, t: Value, value: Value) -> PyResult<()> {
    let ty = as_type(vm, t)?;
    check_heap_type_set(vm, ty, "__doc__")?;
    dict_set_str(vm, ty.dict(), "__doc__", value);
    ty.invalidate_version();
    Ok(())
}

fn type_get_module(vm: &mut Vm, t: Value) -> PyResult {
    let ty = as_type(vm, t)?;
    // Builtin types are in `builtins` (CPython derives it from tp_name)
    // unless their dict says otherwise (`_io.TextIOWrapper`).
    let key = vm.intern("__module__").downcast::<PyStr>().expect("str");
    match ty.dict().get_str(key) {
        Some(m) => Ok(m),
        None => Ok(vm.intern("builtins")),
    }
}

fn type_set_module(vm: &mut Vm, t: Value, value: Value) -> PyResult<()> {
    let ty = as_type(vm, t)?;
    check_heap_type_set(vm, ty, "__module__")?;
    dict_set_str(vm, ty.dict(), "__module__", value);
    ty.invalidate_version();
    Ok(())
}

fn type_get_abstractmethods(vm: &mut Vm, t: Value) -> PyResult {
    let ty = as_type(vm, t)?;
    let key = vm.intern("__abstractmethods__").downcast::<PyStr>().expect("str");
    if ty.value().is(vm.types.type_.value()) {
        return Err(vm.attribute_error("__abstractmethods__"));
    }
    match ty.dict().get_str(key) {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error("__abstractmethods__")),
    }
}

fn type_set_abstractmethods(vm: &mut Vm, t: Value, value: Value) -> PyResult<()> {
    let ty = as_type(vm, t)?;
    let abstract_ = if value.is_null() { false } else { crate::protocol::object::truthy(vm, value)? };
    let key = vm.intern("__abstractmethods__").downcast::<PyStr>().expect("str");
    if value.is_null() {
        if ty.dict().del_str(key).is_none() {
            return Err(vm.attribute_error("__abstractmethods__"));
        }
    } else {
        ty.dict().set_str(vm, key, value);
    }
    let f = ty.flags.get();
    ty.flags.set(if abstract_ { f | flags::ABSTRACT } else { f & !flags::ABSTRACT });
    ty.invalidate_version();
    Ok(())
}

/// Types whose instances are exactly of this layout kind, for fast paths:
/// `vm.is_exact(v, vm.types.list)`.
impl Vm {
    /// Whether `v`'s class is exactly `ty`. An immediate float is an exact
    /// float; a small int is not an exact int here (it has no object, and
    /// int fast paths test `is_small_int` first).
    #[inline(always)]
    pub fn is_exact(&self, v: Value, ty: Gc<PyType>) -> bool {
        match v.header() {
            Some(h) => h.class().is(ty.value()),
            None => v.is_immediate_float() && ty == self.types.float,
        }
    }

    /// Whether `v` is a type object.
    #[inline]
    pub fn is_type(&self, v: Value) -> bool {
        v.has_kind(LayoutKind::Type)
    }
}

impl Gc<PyType> {
    /// Look `name` up along the MRO (no descriptors invoked).
    pub fn lookup(self, vm: &mut Vm, name: Gc<PyStr>) -> Option<Value> {
        let tag = self.version_tag(vm);
        if tag != 0 {
            if let Some(hit) = vm.method_cache.get(tag, name) {
                return if hit.is_null() { None } else { Some(hit) };
            }
        }
        let found = self.lookup_uncached(name);
        if tag != 0 {
            vm.method_cache.put(tag, name, found.unwrap_or(Value::NULL));
        }
        found
    }

    /// Look up a name given as a Rust string (interns it).
    pub fn lookup_str(self, vm: &mut Vm, name: &str) -> Option<Value> {
        let name = vm.intern(name).downcast::<PyStr>().expect("interned str");
        self.lookup(vm, name)
    }

    /// `__module__` for error messages and repr.
    pub fn module_name(self, vm: &mut Vm) -> Option<String> {
        let key = vm.intern("__module__").downcast::<PyStr>()?;
        let module = self.dict().get_str(key)?;
        module.downcast::<PyStr>().map(|s| s.as_str().to_string())
    }
}
