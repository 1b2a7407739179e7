//! Struct sequences: tuples whose items also have names
//! (`sys.version_info.major`, `time.gmtime().tm_year`), as CPython's
//! `Objects/structseq.c`.
//!
//! A struct sequence type is a subclass of `tuple` created at run time from
//! a static `StructSeqDesc`. Its first `n_sequence_fields` fields are the
//! tuple's items and are read through read-only getset descriptors (one
//! per field, from a table of getters monomorphised per index); fields past
//! those are "hidden": not part of the tuple (`struct_time.tm_zone`), kept
//! as ordinary instance attributes. The type carries CPython's
//! `n_fields`, `n_sequence_fields`, `n_unnamed_fields` and
//! `__match_args__`, and a `__new__` that accepts a sequence as
//! `time.struct_time(seq)` does.

use crate::error::PyResult;
use crate::native::{Args, GetSetDef, Getter, MethodDef, Signature};
use crate::object::Gc;
use crate::protocol::{attr, call, iter, object};
use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::typeobject::{dict_set_str, PyType};
use crate::value::Value;
use crate::vm::Vm;

/// The static description of a struct sequence type.
pub struct StructSeqDesc {
    /// The module the type claims (`"sys"`, `"time"`).
    pub module: &'static str,
    /// The type's `__name__` (`"version_info"`).
    pub name: &'static str,
    /// Every field, the sequence fields first.
    pub fields: &'static [&'static str],
    /// How many of `fields` are tuple items.
    pub n_sequence_fields: usize,
    pub doc: &'static str,
}

/// The most sequence fields a struct sequence can have (the getter table).
const MAX_SEQUENCE_FIELDS: usize = 24;

fn field_getter<const I: usize>(vm: &mut Vm, obj: Value) -> PyResult {
    match obj.downcast::<PyTuple>() {
        Some(tuple) if I < tuple.len() => Ok(tuple.get(I)),
        _ => {
            let name = vm.type_name(obj);
            Err(vm.type_error(format!("descriptor requires a struct sequence, not '{name}'")))
        }
    }
}

fn readonly_setter(vm: &mut Vm, _obj: Value, _value: Value) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

macro_rules! getters {
    ($($i:literal)*) => { [$(field_getter::<$i> as Getter,)*] };
}

static FIELD_GETTERS: [Getter; MAX_SEQUENCE_FIELDS] =
    getters!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23);

static METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", structseq_new),
    MethodDef::method("__repr__", structseq_repr),
    MethodDef::method("__reduce__", structseq_reduce),
];

/// Create the type object for `desc`.
pub fn new_structseq_type(vm: &mut Vm, desc: &'static StructSeqDesc) -> PyResult<Gc<PyType>> {
    assert!(desc.n_sequence_fields <= MAX_SEQUENCE_FIELDS && desc.n_sequence_fields <= desc.fields.len());
    let namespace = PyDict::new(vm);
    let module = vm.new_str(desc.module);
    dict_set_str(vm, namespace, "__module__", module);
    let doc = vm.new_str(desc.doc);
    dict_set_str(vm, namespace, "__doc__", doc);
    let name = vm.new_str(desc.name);
    let bases = new_tuple(vm, &[vm.types.tuple.value()]);
    let type_value = vm.types.type_.value();
    let class = call::call(vm, type_value, &[name, bases, namespace.value()])?;
    let ty = class.downcast::<PyType>().expect("type() returns a type");

    // The sequence fields' descriptors. The table must be 'static; it is
    // built once per struct sequence type, of which there are a handful.
    let getsets: Vec<GetSetDef> = desc.fields[..desc.n_sequence_fields]
        .iter()
        .enumerate()
        .map(|(i, &field)| GetSetDef::new(field, FIELD_GETTERS[i], readonly_setter))
        .collect();
    add_heap_type_getsets(vm, ty, Box::leak(getsets.into_boxed_slice()))?;
    add_heap_type_methods(vm, ty, METHODS)?;

    let dict = ty.dict();
    let n_fields = Value::from_small(desc.fields.len() as i64);
    dict_set_str(vm, dict, "n_fields", n_fields);
    dict_set_str(vm, dict, "n_sequence_fields", Value::from_small(desc.n_sequence_fields as i64));
    dict_set_str(vm, dict, "n_unnamed_fields", Value::from_small(0));
    let names = crate::rooted::RootedVec::new(vm);
    for &field in &desc.fields[..desc.n_sequence_fields] {
        let field = vm.intern(field);
        names.push(vm, field);
    }
    let match_args = crate::types::tuple::tuple_from_vec(vm, names.to_vec());
    dict_set_str(vm, dict, "__match_args__", match_args);
    // The full field list, for `__new__` and `__repr__`.
    let all_names = crate::rooted::RootedVec::new(vm);
    for &field in desc.fields {
        let field = vm.intern(field);
        all_names.push(vm, field);
    }
    let all_fields = crate::types::tuple::tuple_from_vec(vm, all_names.to_vec());
    dict_set_str(vm, dict, "_krait_fields", all_fields);
    ty.invalidate_version();
    Ok(ty)
}

/// Add native methods to a heap type through `setattr`, so that the
/// type's caches and special-method flags see them.
pub fn add_heap_type_methods(vm: &mut Vm, ty: Gc<PyType>, methods: &'static [MethodDef]) -> PyResult<()> {
    for def in methods {
        let descr = crate::types::descriptor::method_descriptor_for(vm, ty, def);
        let name = vm.intern(def.name).downcast::<PyStr>().expect("interned str");
        attr::setattr(vm, ty.value(), name, descr)?;
    }
    Ok(())
}

/// Add getset descriptors to a heap type through `setattr`.
pub fn add_heap_type_getsets(vm: &mut Vm, ty: Gc<PyType>, getsets: &'static [GetSetDef]) -> PyResult<()> {
    for def in getsets {
        let descr = crate::types::descriptor::new_getset_descriptor(vm, ty, def);
        let name = vm.intern(def.name).downcast::<PyStr>().expect("interned str");
        attr::setattr(vm, ty.value(), name, descr)?;
    }
    Ok(())
}

/// A new instance of struct sequence type `ty` with every field's value
/// (`values.len()` must be the type's `n_fields`).
pub fn new_structseq(vm: &mut Vm, ty: Gc<PyType>, values: &[Value]) -> PyResult<Value> {
    let (names, n_sequence) = fields_of(vm, ty)?;
    let instance = crate::types::tuple::alloc_tuple(vm, ty, &values[..n_sequence.min(values.len())]).value();
    for (i, &value) in values.iter().enumerate().skip(n_sequence) {
        if let Some(name) = names.as_slice().get(i).and_then(|n| n.downcast::<PyStr>()) {
            attr::setattr(vm, instance, name, value)?;
        }
    }
    Ok(instance)
}

/// The type's field names and its number of sequence fields.
fn fields_of(vm: &mut Vm, ty: Gc<PyType>) -> PyResult<(Gc<PyTuple>, usize)> {
    let names = ty.lookup_str(vm, "_krait_fields").and_then(|v| v.downcast::<PyTuple>());
    let n_sequence = ty.lookup_str(vm, "n_sequence_fields").and_then(|v| v.as_small_int());
    match (names, n_sequence) {
        (Some(names), Some(n)) => Ok((names, n as usize)),
        _ => Err(vm.type_error("not a struct sequence type")),
    }
}

/// The name CPython prints: `module.name` (`sys.version_info`).
fn qualified_name(vm: &mut Vm, ty: Gc<PyType>) -> String {
    let name = ty.name().to_string();
    match ty.module_name(vm) {
        Some(module) if module != "builtins" => format!("{module}.{name}"),
        _ => name,
    }
}

/// `__new__(cls, sequence, dict=None)`.
fn structseq_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    static SIG: Signature = Signature {
        name: "structseq",
        params: &["cls", "sequence", "dict"],
        positional_only: 1,
        keyword_only: 3,
        required: 2,
    };
    let [cls, sequence, dict] = args.bind::<3>(vm, &SIG)?;
    let Some(ty) = cls.downcast::<PyType>() else {
        return Err(vm.type_error("structseq.__new__(X): X is not a type object"));
    };
    let (names, n_sequence) = fields_of(vm, ty)?;
    let n_fields = names.len();
    if !vm.is_instance(sequence, vm.types.tuple) && !vm.is_instance(sequence, vm.types.list) {
        let class = vm.class_of(sequence);
        if class.lookup_str(vm, "__getitem__").is_none() {
            return Err(vm.type_error("constructor requires a sequence"));
        }
    }
    let items = iter::collect(vm, sequence)?;
    let len = items.len();
    let type_name = qualified_name(vm, ty);
    if len < n_sequence {
        let message = if n_sequence == n_fields {
            format!("{type_name}() takes a {n_sequence}-sequence ({len}-sequence given)")
        } else {
            format!("{type_name}() takes an at least {n_sequence}-sequence ({len}-sequence given)")
        };
        return Err(vm.type_error(message));
    }
    if len > n_fields {
        let message = if n_sequence == n_fields {
            format!("{type_name}() takes a {n_fields}-sequence ({len}-sequence given)")
        } else {
            format!("{type_name}() takes an at most {n_fields}-sequence ({len}-sequence given)")
        };
        return Err(vm.type_error(message));
    }
    // Hidden fields not given come from `dict`, or are None.
    for i in len..n_fields {
        let mut value = vm.none();
        if let Some(dict) = dict.downcast::<PyDict>() {
            if let Some(found) = dict.get_item(vm, names.get(i))? {
                value = found;
            }
        }
        items.push(value);
    }
    let values = items.to_vec();
    new_structseq(vm, ty, &values)
}

/// `sys.version_info(major=3, minor=11, ...)`: the sequence fields only.
fn structseq_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(tuple) = this.downcast::<PyTuple>() else {
        return Err(vm.type_error("descriptor '__repr__' requires a struct sequence"));
    };
    let ty = vm.class_of(this);
    let (names, n_sequence) = fields_of(vm, ty)?;
    let mut text = qualified_name(vm, ty);
    text.push('(');
    for i in 0..n_sequence.min(tuple.len()) {
        if i > 0 {
            text.push_str(", ");
        }
        if let Some(name) = names.get(i).downcast::<PyStr>() {
            text.push_str(name.as_str());
        }
        text.push('=');
        let item = object::repr(vm, tuple.get(i))?;
        text.push_str(item.as_str());
    }
    text.push(')');
    Ok(vm.new_str(&text))
}

/// `__reduce__`: `(type, (tuple(self), {hidden fields}))`.
fn structseq_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(tuple) = this.downcast::<PyTuple>() else {
        return Err(vm.type_error("descriptor '__reduce__' requires a struct sequence"));
    };
    let ty = vm.class_of(this);
    let (names, n_sequence) = fields_of(vm, ty)?;
    let plain = new_tuple(vm, tuple.as_slice());
    let hidden = PyDict::new(vm);
    for i in n_sequence..names.len() {
        if let Some(name) = names.get(i).downcast::<PyStr>() {
            let value = attr::getattr(vm, this, name)?;
            hidden.set_item(vm, name.value(), value)?;
        }
    }
    let state = new_tuple(vm, &[plain, hidden.value()]);
    Ok(new_tuple(vm, &[ty.value(), state]))
}
