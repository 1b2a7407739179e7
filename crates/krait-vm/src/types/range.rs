//! `range` (CPython's `Objects/rangeobject.c`).
//!
//! A range holds its start, stop, step and length as int values, which may
//! be arbitrarily large. Every operation has an `i64` fast path taken when
//! the bounds fit (`small`), and a `BigInt` path otherwise. A range behaves
//! as the immutable sequence it denotes: equality and hashing go by the
//! items (`range(0) == range(2, 2)`), not by the arguments.

use krait_bytecode::ComparisonOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload, ValueCell};
use crate::protocol;
use crate::types::int::PyInt;
use crate::types::slice::{seq_index, SeqIndex};
use crate::types::tuple::new_tuple;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyRange {
    header: ObjHeader,
    pub start: ValueCell,
    pub stop: ValueCell,
    pub step: ValueCell,
    pub length: ValueCell,
}

impl_payload!(PyRange, Range);

impl PyRange {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.start.get(), self.stop.get(), self.step.get(), self.length.get()]);
    }

    /// `(start, step, length)` when all of them fit in an `i64` and so does
    /// every item.
    pub fn small(&self) -> Option<(i64, i64, i64)> {
        let start = self.start.get().as_small_int()?;
        let step = self.step.get().as_small_int()?;
        let length = self.length.get().as_small_int()?;
        // Small ints have 63 bits, so `start + (length - 1) * step` fits in an i64.
        Some((start, step, length))
    }

    pub fn start_big(&self) -> BigInt {
        big(self.start.get())
    }
    pub fn stop_big(&self) -> BigInt {
        big(self.stop.get())
    }
    pub fn step_big(&self) -> BigInt {
        big(self.step.get())
    }
    pub fn length_big(&self) -> BigInt {
        big(self.length.get())
    }
}

/// The value of an int.
fn big(v: Value) -> BigInt {
    crate::types::int::as_bigint(v).map(|b| b.into_owned()).unwrap_or_default()
}

/// The number of items of `range(start, stop, step)` (`compute_range_length`).
pub fn range_length(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (low, high, step) = if step.is_positive() { (start, stop, step.clone()) } else { (stop, start, -step) };
    if low >= high {
        return BigInt::zero();
    }
    (high - low - BigInt::one()) / step + BigInt::one()
}

/// The number of items of `range(start, stop, step)` for small ints and a
/// non-zero step ([`range_length`] without big ints; also the JIT's, for
/// the range iterators its traces make).
pub fn small_range_length(start: i64, stop: i64, step: i64) -> i64 {
    let (low, high, step_size) = if step > 0 { (start, stop, step) } else { (stop, start, -step) };
    // Small ints are 63-bit, so these differences cannot overflow an i64.
    if low >= high {
        0
    } else {
        (high - low - 1) / step_size + 1
    }
}

/// `range(...)` of one to three small ints with a non-zero step, without
/// big-int arithmetic (the length of such a range fits an i64: at most
/// 2**63 / 1); `None` for anything else.
fn small_range(vm: &mut Vm, values: &[Value]) -> Option<Value> {
    let small = |v: &Value| v.as_small_int();
    let (start, stop, step) = match values {
        [stop] => (0, small(stop)?, 1),
        [start, stop] => (small(start)?, small(stop)?, 1),
        [start, stop, step] => (small(start)?, small(stop)?, small(step)?),
        _ => return None,
    };
    if step == 0 {
        return None;
    }
    let length = small_range_length(start, stop, step);
    let range = PyRange {
        header: ObjHeader::new(PyRange::LAYOUT, Value::NULL),
        start: ValueCell::new(Value::from_small(start)),
        stop: ValueCell::new(Value::from_small(stop)),
        step: ValueCell::new(Value::from_small(step)),
        length: ValueCell::new(vm.new_int(length)),
    };
    let ty = vm.types.range;
    Some(vm.alloc(range, ty).value())
}

/// A new range from its int bounds (`step` non-zero).
pub fn new_range(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let length = range_length(&start, &stop, &step);
    let start = vm.new_bigint(start);
    let stop = vm.new_bigint(stop);
    let step = vm.new_bigint(step);
    let length = vm.new_bigint(length);
    let range = PyRange {
        header: ObjHeader::new(PyRange::LAYOUT, Value::NULL),
        start: ValueCell::new(start),
        stop: ValueCell::new(stop),
        step: ValueCell::new(step),
        length: ValueCell::new(length),
    };
    let ty = vm.types.range;
    vm.alloc(range, ty).value()
}

fn this_range(vm: &mut Vm, v: Value, method: &str) -> PyResult<Gc<PyRange>> {
    match v.downcast::<PyRange>() {
        Some(r) => Ok(r),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' for 'range' objects doesn't apply to a '{name}' object")))
        }
    }
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(i) = v.as_small_int() {
        return Ok(BigInt::from(i));
    }
    let int = protocol::number::index(vm, v)?;
    Ok(big(int))
}

fn range_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let rest = args.skip_self();
    rest.no_kwargs(vm, "range")?;
    let values = rest.positional();
    if let Some(range) = small_range(vm, values) {
        return Ok(range);
    }
    let (start, stop, step) = match *values {
        [] => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        [stop] => (BigInt::zero(), int_arg(vm, stop)?, BigInt::one()),
        [start, stop] => (int_arg(vm, start)?, int_arg(vm, stop)?, BigInt::one()),
        [start, stop, step] => {
            let start = int_arg(vm, start)?;
            let stop = int_arg(vm, stop)?;
            let step = int_arg(vm, step)?;
            if step.is_zero() {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            (start, stop, step)
        }
        _ => return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", values.len()))),
    };
    Ok(new_range(vm, start, stop, step))
}

/// `len(r)`, OverflowError if it does not fit in an `isize`.
pub fn range_len_checked(vm: &mut Vm, r: Gc<PyRange>) -> PyResult<usize> {
    match r.length.get().as_small_int() {
        Some(n) => Ok(n as usize),
        None => match r.length_big().to_isize() {
            Some(n) => Ok(n as usize),
            None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        },
    }
}

fn range_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__len__")?;
    let r = this_range(vm, this, "__len__")?;
    let n = range_len_checked(vm, r)?;
    Ok(vm.new_int(n as i64))
}

fn range_bool(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__bool__")?;
    let r = this_range(vm, this, "__bool__")?;
    let nonzero = r.length.get().as_small_int() != Some(0);
    Ok(vm.bool_value(nonzero))
}

/// The item at index `i` (`0 <= i < len`).
fn item_at(vm: &mut Vm, r: Gc<PyRange>, i: &BigInt) -> Value {
    if let (Some((start, step, _)), Some(i)) = (r.small(), i.to_i64()) {
        return vm.new_int(start + i * step);
    }
    let value = r.start_big() + i * r.step_big();
    vm.new_bigint(value)
}

fn range_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__getitem__")?;
    let r = this_range(vm, this, "__getitem__")?;
    if let Some(slice) = key.downcast::<crate::types::slice::PySlice>() {
        let length = r.length_big();
        let (start, stop, step) = crate::types::slice::long_indices(vm, slice, &length)?;
        let (rs, rstep) = (r.start_big(), r.step_big());
        let new_start = &rs + &rstep * start;
        let new_stop = &rs + &rstep * stop;
        let new_step = rstep * step;
        return Ok(new_range(vm, new_start, new_stop, new_step));
    }
    let index = if key.is_small_int() || key.downcast::<PyInt>().is_some() || crate::types::slice::has_index(vm, key) {
        int_arg(vm, key)?
    } else {
        // Produces the "range indices must be integers or slices" TypeError.
        match seq_index(vm, key, "range")? {
            SeqIndex::Int(i) => BigInt::from(i),
            SeqIndex::Slice(_) => unreachable!("slices are handled above"),
        }
    };
    let length = r.length_big();
    let index = if index.is_negative() { index + &length } else { index };
    if index.is_negative() || index >= length {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(item_at(vm, r, &index))
}

/// Whether the int `v` is one of the range's items (`range_contains_long`).
fn contains_int(r: &PyRange, v: Value) -> bool {
    if let (Some((start, step, length)), Some(x)) = (r.small(), v.as_small_int()) {
        if length == 0 {
            return false;
        }
        let (low, high) =
            if step > 0 { (start, start + (length - 1) * step) } else { (start + (length - 1) * step, start) };
        return x >= low && x <= high && (x - start) % step == 0;
    }
    let (start, stop, step, x) = (r.start_big(), r.stop_big(), r.step_big(), big(v));
    let in_bounds = if step.is_positive() { start <= x && x < stop } else { stop < x && x <= start };
    in_bounds && (x - start).mod_floor(&step).is_zero()
}

/// Whether `v` is an exact int or a bool, whose membership is arithmetic.
fn is_int_exact(vm: &Vm, v: Value) -> bool {
    v.is_small_int() || vm.is_exact(v, vm.types.int) || vm.is_exact(v, vm.types.bool_)
}

/// Linear search by `==` for non-int needles: the index of the first match.
fn search(vm: &mut Vm, r: Gc<PyRange>, needle: Value, count_all: bool) -> PyResult<(Option<BigInt>, usize)> {
    let iterator = crate::types::iterator::new_range_iterator(vm, r);
    let mut index = BigInt::zero();
    let mut count = 0;
    let mut first = None;
    while let Some(item) = protocol::iter::next(vm, iterator)? {
        if crate::types::list::items_equal(vm, item, needle)? {
            if !count_all {
                return Ok((Some(index), 1));
            }
            count += 1;
            first.get_or_insert_with(|| index.clone());
        }
        index += 1;
    }
    Ok((first, count))
}

fn range_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, needle] = args.exact::<2>(vm, "__contains__")?;
    let r = this_range(vm, this, "__contains__")?;
    if is_int_exact(vm, needle) {
        return Ok(vm.bool_value(contains_int(&r, needle)));
    }
    let (found, _) = search(vm, r, needle, false)?;
    Ok(vm.bool_value(found.is_some()))
}

fn range_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this_range(vm, args.this(), "count")?;
    let [needle] = args.skip_self().exact::<1>(vm, "range.count")?;
    if is_int_exact(vm, needle) {
        return Ok(Value::from_small(contains_int(&r, needle) as i64));
    }
    let (_, count) = search(vm, r, needle, true)?;
    Ok(vm.new_int(count as i64))
}

fn range_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = this_range(vm, args.this(), "index")?;
    let [needle] = args.skip_self().exact::<1>(vm, "range.index")?;
    if is_int_exact(vm, needle) {
        if !contains_int(&r, needle) {
            let text = protocol::object::repr(vm, needle)?;
            return Err(vm.value_error(format!("{} is not in range", text.as_str())));
        }
        let index = (big(needle) - r.start_big()) / r.step_big();
        return Ok(vm.new_bigint(index));
    }
    match search(vm, r, needle, false)? {
        (Some(index), _) => Ok(vm.new_bigint(index)),
        (None, _) => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn range_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__iter__")?;
    let r = this_range(vm, this, "__iter__")?;
    Ok(crate::types::iterator::new_range_iterator(vm, r))
}

fn range_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__reversed__")?;
    let r = this_range(vm, this, "__reversed__")?;
    let length = r.length_big();
    let step = r.step_big();
    let last = if length.is_zero() { r.start_big() } else { r.start_big() + (&length - 1) * &step };
    Ok(crate::types::iterator::new_range_iterator_parts(vm, last, -step, length))
}

/// `range_equals`: same items.
fn ranges_equal(a: &PyRange, b: &PyRange) -> bool {
    let length = a.length_big();
    if length != b.length_big() {
        return false;
    }
    if length.is_zero() {
        return true;
    }
    if a.start_big() != b.start_big() {
        return false;
    }
    length.is_one() || a.step_big() == b.step_big()
}

fn range_compare(vm: &mut Vm, args: Args<'_>, op: ComparisonOp) -> PyResult {
    let name = crate::types::slice::compare_dunder(op);
    let [this, other] = args.exact::<2>(vm, name)?;
    let r = this_range(vm, this, name)?;
    let Some(other) = other.downcast::<PyRange>() else {
        return Ok(vm.not_implemented());
    };
    let equal = r == other || ranges_equal(&r, &other);
    Ok(vm.bool_value(if op == ComparisonOp::Eq { equal } else { !equal }))
}

crate::rich_compare_fns!(range_compare: range_eq = Eq, range_ne = Ne);

fn range_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__hash__")?;
    let r = this_range(vm, this, "__hash__")?;
    let none = vm.none();
    let length = r.length_big();
    let key = if length.is_zero() {
        new_tuple(vm, &[r.length.get(), none, none])
    } else if length.is_one() {
        new_tuple(vm, &[r.length.get(), r.start.get(), none])
    } else {
        new_tuple(vm, &[r.length.get(), r.start.get(), r.step.get()])
    };
    let hash = protocol::hash::hash(vm, key)?;
    Ok(vm.new_int(hash))
}

fn range_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let r = this_range(vm, this, "__repr__")?;
    let (start, stop, step) = (r.start_big(), r.stop_big(), r.step_big());
    let text =
        if step.is_one() { format!("range({start}, {stop})") } else { format!("range({start}, {stop}, {step})") };
    Ok(vm.new_str(&text))
}

fn range_start(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(v.downcast::<PyRange>().map_or(Value::NULL, |r| r.start.get()))
}
fn range_stop(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(v.downcast::<PyRange>().map_or(Value::NULL, |r| r.stop.get()))
}
fn range_step(_vm: &mut Vm, v: Value) -> PyResult {
    Ok(v.downcast::<PyRange>().map_or(Value::NULL, |r| r.step.get()))
}

static METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", range_new),
    MethodDef::method("__len__", range_len),
    MethodDef::method("__bool__", range_bool),
    MethodDef::method("__getitem__", range_getitem),
    MethodDef::method("__contains__", range_contains),
    MethodDef::method("__iter__", range_iter),
    MethodDef::method("__reversed__", range_reversed),
    MethodDef::method("__eq__", range_eq),
    MethodDef::method("__ne__", range_ne),
    MethodDef::method("__hash__", range_hash),
    MethodDef::method("__repr__", range_repr),
    MethodDef::method("count", range_count),
    MethodDef::method("index", range_index),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::readonly("start", range_start),
    GetSetDef::readonly("stop", range_stop),
    GetSetDef::readonly("step", range_step),
];

pub static SPEC: TypeSpec = TypeSpec {
    name: "range",
    base: None,
    layout: PyRange::LAYOUT,
    layout_with_attrs: None,
    methods: METHODS,
    getsets: GETSETS,
    doc: "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn len(start: i64, stop: i64, step: i64) -> BigInt {
        range_length(&BigInt::from(start), &BigInt::from(stop), &BigInt::from(step))
    }

    #[test]
    fn lengths_match_python() {
        assert_eq!(len(0, 10, 1), BigInt::from(10));
        assert_eq!(len(0, 10, 3), BigInt::from(4));
        assert_eq!(len(10, 0, -3), BigInt::from(4));
        assert_eq!(len(0, -5, 1), BigInt::from(0));
        assert_eq!(len(5, 5, -1), BigInt::from(0));
    }

    #[test]
    fn small_range_lengths_agree_with_big_ones() {
        let (min, max) = (-(1 << 62), (1 << 62) - 1);
        let cases = [(0, 10, 1), (0, 10, 3), (10, 0, -3), (5, 5, 1), (5, 0, 1), (0, 5, -1), (3, 9, 2)];
        for (start, stop, step) in cases.into_iter().chain([(min, max, 1), (max, min, min), (max, min, -1)]) {
            assert_eq!(BigInt::from(small_range_length(start, stop, step)), len(start, stop, step));
        }
        assert_eq!(small_range_length(3, 9, 2), 3);
    }
}
