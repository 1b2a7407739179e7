//! `slice`, and the index conversions every sequence type shares.
//!
//! `indices` is CPython's `PySlice_Unpack` followed by
//! `PySlice_AdjustIndices` (`Objects/sliceobject.c`): the bounds are
//! converted with `__index__` and clamped to the `isize` range, `None`
//! bounds take their defaults for the sign of the step, and the result is
//! clipped to `0..len` (or `-1..len-1` going backwards) with the number of
//! selected items computed from them.
//!
//! `seq_index` classifies a subscript the way `list_subscript` does: an
//! integer (anything with `__index__`) or a slice, with the type's own
//! "indices must be integers or slices" message otherwise.

use krait_bytecode::ComparisonOp;
use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload, ValueCell};
use crate::protocol;
use crate::types::int::PyInt;
use crate::types::tuple::new_tuple;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PySlice {
    header: ObjHeader,
    pub start: ValueCell,
    pub stop: ValueCell,
    pub step: ValueCell,
}

impl_payload!(PySlice, Slice);

impl PySlice {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.start.get(), self.stop.get(), self.step.get()]);
    }
}

/// A new slice; NULL bounds become `None`.
pub fn new_slice(vm: &mut Vm, start: Value, stop: Value, step: Value) -> Value {
    let none = vm.none();
    let or_none = |v: Value| if v.is_null() { none } else { v };
    let slice = PySlice {
        header: ObjHeader::new(PySlice::LAYOUT, Value::NULL),
        start: ValueCell::new(or_none(start)),
        stop: ValueCell::new(or_none(stop)),
        step: ValueCell::new(or_none(step)),
    };
    let ty = vm.types.slice;
    vm.alloc(slice, ty).value()
}

// ---- index conversions ----------------------------------------------------------------------

/// Whether `v` can be used as an index (`_PyIndex_Check`).
pub fn has_index(vm: &mut Vm, v: Value) -> bool {
    if v.is_small_int() || v.downcast::<PyInt>().is_some() {
        return true;
    }
    if crate::types::float::is_float(v) {
        return false;
    }
    protocol::attr::lookup_special(vm, v, "__index__").is_some()
}

/// The `isize` value of an int, or `Err(is_negative)` when it does not fit.
fn int_to_isize(v: Value) -> Result<isize, bool> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as isize);
    }
    match crate::types::int::to_i64(v) {
        Some(i) => Ok(i as isize),
        None => Err(crate::types::int::as_bigint(v).is_some_and(|b| b.is_negative())),
    }
}

/// `__index__` of `v`, clamped to the `isize` range (`PyNumber_AsSsize_t(v, NULL)`).
pub fn index_clamped(vm: &mut Vm, v: Value) -> PyResult<isize> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as isize);
    }
    let int = protocol::number::index(vm, v)?;
    Ok(match int_to_isize(int) {
        Ok(i) => i,
        Err(true) => isize::MIN,
        Err(false) => isize::MAX,
    })
}

/// `__index__` of `v` as an `isize`, raising IndexError when it does not fit
/// (`PyNumber_AsSsize_t(v, PyExc_IndexError)`).
pub fn index_or_index_error(vm: &mut Vm, v: Value) -> PyResult<isize> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as isize);
    }
    let int = protocol::number::index(vm, v)?;
    match int_to_isize(int) {
        Ok(i) => Ok(i),
        Err(_) => {
            let name = vm.type_name(v);
            Err(vm.index_error(format!("cannot fit '{name}' into an index-sized integer")))
        }
    }
}

/// A slice bound (`_PyEval_SliceIndex`): `None` is `None`, otherwise an int
/// clamped to `isize`.
pub fn slice_index(vm: &mut Vm, v: Value) -> PyResult<Option<isize>> {
    if vm.is_none(v) {
        return Ok(None);
    }
    if !has_index(vm, v) {
        return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
    }
    index_clamped(vm, v).map(Some)
}

/// A bound of `index(x, start, stop)` (`_PyEval_SliceIndexNotNone`).
pub fn slice_index_not_none(vm: &mut Vm, v: Value) -> PyResult<isize> {
    if !has_index(vm, v) {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    index_clamped(vm, v)
}

/// A subscript of a sequence.
#[derive(Clone, Copy, Debug)]
pub enum SeqIndex {
    Int(isize),
    Slice(Gc<PySlice>),
}

/// Classify a subscript; `what` names the sequence in the error
/// ("list indices must be integers or slices, not str").
pub fn seq_index(vm: &mut Vm, key: Value, what: &str) -> PyResult<SeqIndex> {
    if let Some(i) = key.as_small_int() {
        return Ok(SeqIndex::Int(i as isize));
    }
    if let Some(slice) = key.downcast::<PySlice>() {
        return Ok(SeqIndex::Slice(slice));
    }
    if has_index(vm, key) {
        return index_or_index_error(vm, key).map(SeqIndex::Int);
    }
    let name = vm.type_name(key);
    Err(vm.type_error(format!("{what} indices must be integers or slices, not {name}")))
}

/// Resolve a possibly negative index against `len`; `None` if out of range.
pub fn wrap_index(index: isize, len: usize) -> Option<usize> {
    let i = if index < 0 { index + len as isize } else { index };
    if i < 0 || i as usize >= len {
        None
    } else {
        Some(i as usize)
    }
}

/// The start, stop and step of a slice before adjustment to a length
/// (`PySlice_Unpack`).
pub fn unpack(vm: &mut Vm, slice: Gc<PySlice>) -> PyResult<(isize, isize, isize)> {
    let step = match slice_index(vm, slice.step.get())? {
        None => 1,
        Some(0) => return Err(vm.value_error("slice step cannot be zero")),
        // -isize::MAX so that `-step` cannot overflow.
        Some(s) => s.max(-isize::MAX),
    };
    let start = slice_index(vm, slice.start.get())?.unwrap_or(if step < 0 { isize::MAX } else { 0 });
    let stop = slice_index(vm, slice.stop.get())?.unwrap_or(if step < 0 { isize::MIN } else { isize::MAX });
    Ok((start, stop, step))
}

/// Clip unpacked bounds to a sequence of length `len` and count the items
/// (`PySlice_AdjustIndices`).
pub fn adjust_indices(len: usize, mut start: isize, mut stop: isize, step: isize) -> (isize, isize, usize) {
    let len = len as isize;
    debug_assert!(step != 0 && step >= -isize::MAX);
    for bound in [&mut start, &mut stop] {
        if *bound < 0 {
            *bound += len;
            if *bound < 0 {
                *bound = if step < 0 { -1 } else { 0 };
            }
        } else if *bound >= len {
            *bound = if step < 0 { len - 1 } else { len };
        }
    }
    let count = if step < 0 {
        if stop < start {
            ((start - stop - 1) / -step + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    (start, stop, count)
}

/// `(start, stop, step, count)` of `slice` applied to a sequence of length `len`.
pub fn indices(vm: &mut Vm, slice: Gc<PySlice>, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let (start, stop, step) = unpack(vm, slice)?;
    let (start, stop, count) = adjust_indices(len, start, stop, step);
    Ok((start, stop, step, count))
}

/// `(start, stop, step)` of `slice` for a sequence of any `length`, in
/// unbounded ints (`_PySlice_GetLongIndices`: `slice.indices`, slicing a
/// `range`). Same clipping as `adjust_indices`.
pub fn long_indices(vm: &mut Vm, slice: Gc<PySlice>, length: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let part = |vm: &mut Vm, v: Value| -> PyResult<Option<BigInt>> {
        if vm.is_none(v) {
            return Ok(None);
        }
        if !has_index(vm, v) {
            return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
        }
        let i = protocol::number::index(vm, v)?;
        Ok(crate::types::int::as_bigint(i).map(|b| b.into_owned()))
    };
    let step = part(vm, slice.step.get())?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let (lower, upper) =
        if step.is_negative() { (BigInt::from(-1), length - 1) } else { (BigInt::zero(), length.clone()) };
    let clip = |bound: Option<BigInt>, default: &BigInt| match bound {
        None => default.clone(),
        Some(b) if b.is_negative() => (b + length).max(lower.clone()),
        Some(b) => b.min(upper.clone()),
    };
    let start = clip(part(vm, slice.start.get())?, if step.is_negative() { &upper } else { &lower });
    let stop = clip(part(vm, slice.stop.get())?, if step.is_negative() { &lower } else { &upper });
    Ok((start, stop, step))
}

/// The positions a slice selects, in order.
pub fn positions(start: isize, step: isize, count: usize) -> impl Iterator<Item = usize> {
    (0..count).map(move |k| (start + k as isize * step) as usize)
}

/// The dunder name of a comparison (`__lt__`).
pub fn compare_dunder(op: ComparisonOp) -> &'static str {
    match op {
        ComparisonOp::Lt => "__lt__",
        ComparisonOp::Le => "__le__",
        ComparisonOp::Eq => "__eq__",
        ComparisonOp::Ne => "__ne__",
        ComparisonOp::Gt => "__gt__",
        ComparisonOp::Ge => "__ge__",
    }
}

/// Define the six comparison dunders of a type as calls of one function
/// `fn(vm, args, op)`.
#[macro_export]
macro_rules! rich_compare_fns {
    ($imp:ident: $($name:ident = $op:ident),* $(,)?) => {
        $(
            fn $name(vm: &mut $crate::vm::Vm, args: $crate::native::Args<'_>) -> $crate::error::PyResult {
                $imp(vm, args, krait_bytecode::ComparisonOp::$op)
            }
        )*
    };
}

// ---- Python surface ---------------------------------------------------------------------------

fn this_slice(vm: &mut Vm, v: Value, method: &str) -> PyResult<Gc<PySlice>> {
    match v.downcast::<PySlice>() {
        Some(s) => Ok(s),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' for 'slice' objects doesn't apply to a '{name}' object")))
        }
    }
}

fn slice_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let args = args.skip_self();
    let values = args.positional_range(vm, "slice", 1, 3)?;
    Ok(match *values {
        [stop] => new_slice(vm, Value::NULL, stop, Value::NULL),
        [start, stop] => new_slice(vm, start, stop, Value::NULL),
        [start, stop, step] => new_slice(vm, start, stop, step),
        _ => unreachable!("positional_range checked the count"),
    })
}

fn slice_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let slice = this_slice(vm, args.this(), "__repr__")?;
    let mut text = String::from("slice(");
    for (i, part) in [slice.start.get(), slice.stop.get(), slice.step.get()].into_iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(protocol::object::repr(vm, part)?.as_str());
    }
    text.push(')');
    Ok(vm.new_str(&text))
}

fn as_tuple(vm: &mut Vm, slice: Gc<PySlice>) -> Value {
    new_tuple(vm, &[slice.start.get(), slice.stop.get(), slice.step.get()])
}

fn slice_compare(vm: &mut Vm, args: Args<'_>, op: ComparisonOp) -> PyResult {
    let [this, other] = args.exact::<2>(vm, compare_dunder(op))?;
    let this = this_slice(vm, this, compare_dunder(op))?;
    let Some(other) = other.downcast::<PySlice>() else {
        return Ok(vm.not_implemented());
    };
    if this == other {
        return Ok(vm.bool_value(matches!(op, ComparisonOp::Eq | ComparisonOp::Le | ComparisonOp::Ge)));
    }
    let a = as_tuple(vm, this);
    let b = as_tuple(vm, other);
    protocol::compare::rich_compare(vm, a, b, op)
}

crate::rich_compare_fns!(slice_compare: slice_eq = Eq, slice_ne = Ne, slice_lt = Lt, slice_le = Le, slice_gt = Gt, slice_ge = Ge);

/// `slice.indices(length)`: works for any non-negative length that fits in
/// `isize`, like CPython's `_PySlice_GetLongIndices` for lengths in range.
fn slice_indices(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, length] = args.exact::<2>(vm, "indices")?;
    let slice = this_slice(vm, this, "indices")?;
    let length = protocol::number::index(vm, length)?;
    let length = crate::types::int::as_bigint(length).map(|b| b.into_owned()).unwrap_or_default();
    if length.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step) = long_indices(vm, slice, &length)?;
    let items = [vm.new_bigint(start), vm.new_bigint(stop), vm.new_bigint(step)];
    Ok(new_tuple(vm, &items))
}

fn slice_start(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(v.downcast::<PySlice>().map_or(Value::NULL, |s| s.start.get()))
}
fn slice_stop(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(v.downcast::<PySlice>().map_or(Value::NULL, |s| s.stop.get()))
}
fn slice_step(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(v.downcast::<PySlice>().map_or(Value::NULL, |s| s.step.get()))
}

static METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", slice_new),
    MethodDef::method("__repr__", slice_repr),
    MethodDef::method("__eq__", slice_eq),
    MethodDef::method("__ne__", slice_ne),
    MethodDef::method("__lt__", slice_lt),
    MethodDef::method("__le__", slice_le),
    MethodDef::method("__gt__", slice_gt),
    MethodDef::method("__ge__", slice_ge),
    MethodDef::method("__hash__", protocol::hash::unhashable),
    MethodDef::method("indices", slice_indices),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::readonly("start", slice_start),
    GetSetDef::readonly("stop", slice_stop),
    GetSetDef::readonly("step", slice_step),
];

pub static SPEC: TypeSpec = TypeSpec {
    name: "slice",
    base: None,
    layout: PySlice::LAYOUT,
    layout_with_attrs: None,
    methods: METHODS,
    getsets: GETSETS,
    doc: "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjust_matches_cpython_for_forward_and_backward_slices() {
        // [1:3] of 5
        assert_eq!(adjust_indices(5, 1, 3, 1), (1, 3, 2));
        // [::-1] of 5
        assert_eq!(adjust_indices(5, isize::MAX, isize::MIN, -1), (4, -1, 5));
        // [-100:100:2] of 5
        assert_eq!(adjust_indices(5, -100, 100, 2), (0, 5, 3));
        // [3:1] of 5 is empty
        assert_eq!(adjust_indices(5, 3, 1, 1), (3, 1, 0));
        // [::-2] of 0
        assert_eq!(adjust_indices(0, isize::MAX, isize::MIN, -2), (-1, -1, 0));
        // [-2::-3] of 10: 8, 5, 2
        assert_eq!(adjust_indices(10, -2, isize::MIN, -3), (8, -1, 3));
        let picked: Vec<usize> = positions(8, -3, 3).collect();
        assert_eq!(picked, vec![8, 5, 2]);
    }

    #[test]
    fn wrap_index_rejects_out_of_range() {
        assert_eq!(wrap_index(-1, 3), Some(2));
        assert_eq!(wrap_index(3, 3), None);
        assert_eq!(wrap_index(-4, 3), None);
        assert_eq!(wrap_index(0, 0), None);
    }
}
