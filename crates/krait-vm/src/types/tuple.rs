//! `tuple`: an immutable array of values (CPython's `Objects/tupleobject.c`).
//!
//! The hash is 3.11's xxHash-based `tuplehash` over the items' hashes,
//! cached in the tuple once computed.

use std::cell::Cell;

use krait_bytecode::ComparisonOp;

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload};
use crate::protocol;
use crate::types::list::{compare_sequences, items_equal, repr_enter, repr_items, repr_leave};
use crate::types::slice::{adjust_indices, positions, seq_index, unpack, wrap_index, SeqIndex};
use crate::types::typeobject::PyType;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

/// A tuple: its length and cached hash, followed in the same allocation
/// by its items (after the attribute area, for instances of subclasses).
#[repr(C)]
pub struct PyTuple {
    header: ObjHeader,
    len: usize,
    /// The cached hash, or -1 (tuples of immutables hash often: dict keys).
    pub(crate) hash: Cell<i64>,
}

impl_payload!(PyTuple, Tuple, subclassable);

impl PyTuple {
    /// Byte offset of the length word, for compiled code.
    pub const LEN_OFFSET: usize = std::mem::offset_of!(PyTuple, len);
    /// Byte offset of item 0 in an exact tuple (a subclass instance has
    /// its attribute area first), for compiled code.
    pub const ITEMS_OFFSET: usize = PyTuple::LAYOUT.alloc_size();
}

impl PyTuple {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(self.as_slice());
    }

    /// The header of a tuple of `len` items; only `alloc_tuple` places one.
    pub(crate) fn header_for(len: usize) -> PyTuple {
        PyTuple { header: ObjHeader::new(PyTuple::LAYOUT, Value::NULL), len, hash: Cell::new(-1) }
    }

    #[inline(always)]
    pub fn as_slice(&self) -> &[Value] {
        let offset = self.header.layout().alloc_size();
        // SAFETY: `alloc_tuple` placed `len` initialised values right after
        // the object's layout (see `Vm::alloc_trailing`), and they never change.
        unsafe {
            std::slice::from_raw_parts((self as *const PyTuple as *const u8).add(offset) as *const Value, self.len)
        }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The item at `index` (which must be in range).
    #[inline(always)]
    pub fn get(&self, index: usize) -> Value {
        self.as_slice()[index]
    }
}

/// A new tuple of class `cls` (tuple or a subclass) holding `items`, which
/// the caller keeps rooted until this returns.
pub fn alloc_tuple(vm: &mut Vm, cls: Gc<PyType>, items: &[Value]) -> Gc<PyTuple> {
    let bytes = std::mem::size_of_val(items);
    vm.alloc_trailing(PyTuple::header_for(items.len()), cls, bytes, |data| {
        // SAFETY: `data` has room for `bytes` bytes, and is Value-aligned.
        unsafe { std::ptr::copy_nonoverlapping(items.as_ptr(), data as *mut Value, items.len()) }
    })
}

/// A new exact tuple (the shared empty tuple when `items` is empty).
pub fn new_tuple(vm: &mut Vm, items: &[Value]) -> Value {
    if items.is_empty() && !vm.singletons.empty_tuple.is_null() {
        return vm.singletons.empty_tuple;
    }
    let ty = vm.types.tuple;
    alloc_tuple(vm, ty, items).value()
}

/// A new tuple from an owned vector. The values must be rooted by the caller
/// until this returns (e.g. they came from a `RootedVec` or the value stack).
pub fn tuple_from_vec(vm: &mut Vm, items: Vec<Value>) -> Value {
    new_tuple(vm, &items)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython 3.11's `tuplehash` over the hashes of the items.
pub fn hash_of_hashes(hashes: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &lane in hashes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add((hashes.len() as u64) ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// `hash(t)`, cached in the tuple.
pub fn hash_tuple(vm: &mut Vm, tuple: Gc<PyTuple>) -> PyResult<i64> {
    let cached = tuple.hash.get();
    if cached != -1 {
        return Ok(cached);
    }
    let mut hashes = Vec::with_capacity(tuple.len());
    for &item in tuple.as_slice() {
        hashes.push(protocol::hash::hash(vm, item)?);
    }
    let hash = hash_of_hashes(&hashes);
    tuple.hash.set(hash);
    Ok(hash)
}

fn this_tuple(vm: &mut Vm, v: Value, method: &str) -> PyResult<Gc<PyTuple>> {
    match v.downcast::<PyTuple>() {
        Some(t) => Ok(t),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' for 'tuple' objects doesn't apply to a '{name}' object")))
        }
    }
}

fn tuple_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(cls) = args.this().downcast::<PyType>() else {
        return Err(vm.type_error("tuple.__new__(X): X is not a type object"));
    };
    let values = args.skip_self().positional_range(vm, "tuple", 0, 1)?;
    let exact = cls == vm.types.tuple;
    let Some(&iterable) = values.first() else {
        if exact {
            return Ok(vm.singletons.empty_tuple);
        }
        return Ok(alloc_tuple(vm, cls, &[]).value());
    };
    if exact && vm.is_exact(iterable, vm.types.tuple) {
        return Ok(iterable);
    }
    if exact && vm.is_exact(iterable, vm.types.list) {
        // The list keeps the items alive while the tuple is allocated (no
        // Python code runs meanwhile to change it).
        let items = iterable.downcast::<crate::types::list::PyList>().expect("list").to_vec();
        return Ok(new_tuple(vm, &items));
    }
    let items = crate::types::list::iterable_to_list(vm, iterable, None)?;
    let items = items.to_vec();
    if exact {
        return Ok(tuple_from_vec(vm, items));
    }
    Ok(alloc_tuple(vm, cls, &items).value())
}

fn tuple_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__len__")?;
    let t = this_tuple(vm, this, "__len__")?;
    Ok(Value::from_small(t.len() as i64))
}

pub(crate) fn tuple_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__getitem__")?;
    let t = this_tuple(vm, this, "__getitem__")?;
    match seq_index(vm, key, "tuple")? {
        SeqIndex::Int(i) => match wrap_index(i, t.len()) {
            Some(i) => Ok(t.get(i)),
            None => Err(vm.index_error("tuple index out of range")),
        },
        SeqIndex::Slice(slice) => {
            let (start, stop, step) = unpack(vm, slice)?;
            let (start, _, count) = adjust_indices(t.len(), start, stop, step);
            if step == 1 && count == t.len() && vm.is_exact(this, vm.types.tuple) {
                return Ok(this);
            }
            let items: Vec<Value> = positions(start, step, count).map(|i| t.get(i)).collect();
            Ok(tuple_from_vec(vm, items))
        }
    }
}

fn tuple_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, needle] = args.exact::<2>(vm, "__contains__")?;
    let t = this_tuple(vm, this, "__contains__")?;
    for &item in t.as_slice() {
        if items_equal(vm, item, needle)? {
            return Ok(vm.bool_value(true));
        }
    }
    Ok(vm.bool_value(false))
}

fn tuple_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__iter__")?;
    let t = this_tuple(vm, this, "__iter__")?;
    Ok(crate::types::iterator::new_tuple_iterator(vm, t))
}

fn tuple_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__add__")?;
    let t = this_tuple(vm, this, "__add__")?;
    let Some(other_tuple) = other.downcast::<PyTuple>() else {
        if crate::types::list::defer_to_reflected(vm, other, "__radd__") {
            return Ok(vm.not_implemented());
        }
        let name = vm.type_name(other);
        return Err(vm.type_error(format!("can only concatenate tuple (not \"{name}\") to tuple")));
    };
    let tuple_type = vm.types.tuple;
    if other_tuple.is_empty() && vm.is_exact(this, tuple_type) {
        return Ok(this);
    }
    if t.is_empty() && vm.is_exact(other, tuple_type) {
        return Ok(other);
    }
    let mut items = t.as_slice().to_vec();
    items.extend_from_slice(other_tuple.as_slice());
    Ok(tuple_from_vec(vm, items))
}

fn tuple_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, n] = args.exact::<2>(vm, "__mul__")?;
    let t = this_tuple(vm, this, "__mul__")?;
    let Some(count) = crate::types::list::repeat_count(vm, n)? else {
        return crate::types::list::non_int_repeat(vm, n);
    };
    if count == 1 && vm.is_exact(this, vm.types.tuple) {
        return Ok(this);
    }
    let items = crate::types::list::repeat_items(vm, t.as_slice(), count)?;
    vm.account_external(items.len() * 8);
    Ok(tuple_from_vec(vm, items))
}

fn tuple_compare(vm: &mut Vm, args: Args<'_>, op: ComparisonOp) -> PyResult {
    let name = crate::types::slice::compare_dunder(op);
    let [this, other] = args.exact::<2>(vm, name)?;
    let t = this_tuple(vm, this, name)?;
    let Some(other) = other.downcast::<PyTuple>() else {
        return Ok(vm.not_implemented());
    };
    compare_sequences(
        vm,
        &|i| t.as_slice().get(i).copied(),
        &|| t.len(),
        &|i| other.as_slice().get(i).copied(),
        &|| other.len(),
        op,
    )
}

crate::rich_compare_fns!(tuple_compare: tuple_eq = Eq, tuple_ne = Ne, tuple_lt = Lt, tuple_le = Le, tuple_gt = Gt, tuple_ge = Ge);

fn tuple_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__hash__")?;
    let t = this_tuple(vm, this, "__hash__")?;
    let hash = hash_tuple(vm, t)?;
    Ok(vm.new_int(hash))
}

fn tuple_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let t = this_tuple(vm, this, "__repr__")?;
    if t.is_empty() {
        return Ok(vm.new_str("()"));
    }
    if !repr_enter(vm, this) {
        return Ok(vm.new_str("(...)"));
    }
    let mut out = String::from("(");
    let result = repr_items(vm, &mut out, |i| t.as_slice().get(i).copied());
    repr_leave(vm, this);
    result?;
    if t.len() == 1 {
        out.push(',');
    }
    out.push(')');
    Ok(vm.new_str(&out))
}

fn tuple_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__getnewargs__")?;
    let t = this_tuple(vm, this, "__getnewargs__")?;
    let copy = new_tuple(vm, t.as_slice());
    Ok(new_tuple(vm, &[copy]))
}

fn tuple_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this_tuple(vm, args.this(), "index")?;
    let rest = args.skip_self().positional_range(vm, "index", 1, 3)?;
    let needle = rest[0];
    let (start, stop) = crate::types::list::index_bounds(vm, rest.get(1), rest.get(2), t.len())?;
    for i in start..stop.min(t.len()) {
        if items_equal(vm, t.get(i), needle)? {
            return Ok(Value::from_small(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let t = this_tuple(vm, args.this(), "count")?;
    let [needle] = args.skip_self().exact::<1>(vm, "tuple.count")?;
    let mut count = 0;
    for &item in t.as_slice() {
        if items_equal(vm, item, needle)? {
            count += 1;
        }
    }
    Ok(Value::from_small(count))
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "tuple",
    base: None,
    layout: PyTuple::LAYOUT,
    layout_with_attrs: PyTuple::LAYOUT_WITH_ATTRS,
    methods: METHODS,
    getsets: &[],
    doc: "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object.",
};

static METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", crate::types::generic_alias::class_getitem),
    MethodDef::staticmethod("__new__", tuple_new),
    MethodDef::method("__len__", tuple_len),
    MethodDef::method("__getitem__", tuple_getitem),
    MethodDef::method("__contains__", tuple_contains),
    MethodDef::method("__iter__", tuple_iter),
    MethodDef::method("__add__", tuple_add),
    MethodDef::method("__mul__", tuple_mul),
    MethodDef::method("__rmul__", tuple_mul),
    MethodDef::method("__eq__", tuple_eq),
    MethodDef::method("__ne__", tuple_ne),
    MethodDef::method("__lt__", tuple_lt),
    MethodDef::method("__le__", tuple_le),
    MethodDef::method("__gt__", tuple_gt),
    MethodDef::method("__ge__", tuple_ge),
    MethodDef::method("__hash__", tuple_hash),
    MethodDef::method("__repr__", tuple_repr),
    MethodDef::method("__getnewargs__", tuple_getnewargs),
    MethodDef::method("index", tuple_index),
    MethodDef::method("count", tuple_count),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tuple_hash_matches_cpython() {
        // hash(()) and hash((1, 2)) in CPython 3.11 (64-bit).
        assert_eq!(hash_of_hashes(&[]), 5740354900026072187);
        assert_eq!(hash_of_hashes(&[1, 2]), -3550055125485641917);
    }
}
