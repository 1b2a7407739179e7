//! `list`: a growable array of values, and its whole Python surface
//! (CPython's `Objects/listobject.c`).
//!
//! The items live in a `RefCell<Vec<Value>>` that is never borrowed across
//! a call that can run Python code: every method copies out what it needs,
//! calls, and re-checks the length afterwards, since `__eq__`, `__index__`
//! or a key function may mutate the list meanwhile.
//!
//! `list.sort` is a stable merge sort with a fallible comparison (`<` only,
//! as CPython's timsort), run on a detached copy of the items while the
//! list itself is empty, exactly as `list_sort_impl` does: code running
//! during the sort sees an empty list, and a list that was modified
//! meanwhile raises "list modified during sort". Mutation is detected by
//! the capacity of the emptied vector becoming non-zero, the analogue of
//! CPython's `allocated != -1` check.

use std::cell::RefCell;

use krait_bytecode::ComparisonOp;

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, MethodDef, Signature};
use crate::object::{Gc, ObjHeader, PyPayload};
use crate::protocol;
use crate::types::slice::{adjust_indices, positions, seq_index, unpack, wrap_index, SeqIndex};
use crate::types::str::PyStr;
use crate::types::tuple::PyTuple;
use crate::types::typeobject::{flags, PyType};
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyList {
    header: ObjHeader,
    /// Never borrowed across a call that can run Python code.
    pub items: RefCell<Vec<Value>>,
}

impl_payload!(PyList, List, subclassable);

impl PyList {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_buffer(&self.items.borrow());
    }

    pub fn new(items: Vec<Value>) -> PyList {
        PyList { header: ObjHeader::new(PyList::LAYOUT, Value::NULL), items: RefCell::new(items) }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    /// The item at `index`, if in range.
    #[inline]
    pub fn get(&self, index: usize) -> Option<Value> {
        self.items.borrow().get(index).copied()
    }

    /// Append an item. A full list grows by an eighth (CPython's
    /// `list_resize`), not by half or double as `Vec` would: the copies
    /// stay amortised O(1), and a big list wastes at most an eighth of
    /// its size (a 1M-item list built by appends: 9 MB, not 16).
    #[inline]
    pub fn push(&self, value: Value) {
        let mut items = self.items.borrow_mut();
        if items.len() == items.capacity() {
            let len = items.len();
            items.reserve_exact((len >> 3) + if len < 9 { 3 } else { 6 });
        }
        items.push(value);
    }

    /// A copy of the items (root them before allocating: they stay in the
    /// list only while nobody mutates it).
    pub fn to_vec(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
}

/// A new exact list.
pub fn new_list(vm: &mut Vm, items: &[Value]) -> Value {
    list_from_vec(vm, items.to_vec())
}

/// A new exact list owning `items`.
pub fn list_from_vec(vm: &mut Vm, items: Vec<Value>) -> Value {
    vm.account_external(items.len() * 8);
    let ty = vm.types.list;
    vm.alloc(PyList::new(items), ty).value()
}

// ---- helpers shared by the container types ----------------------------------------------------

/// `Py_ReprEnter`: `false` if `v`'s repr is already in progress.
pub fn repr_enter(vm: &mut Vm, v: Value) -> bool {
    if vm.repr_guard.iter().any(|x| x.is(v)) {
        return false;
    }
    vm.repr_guard.push(v);
    true
}

/// `Py_ReprLeave`.
pub fn repr_leave(vm: &mut Vm, v: Value) {
    if let Some(pos) = vm.repr_guard.iter().rposition(|x| x.is(v)) {
        vm.repr_guard.remove(pos);
    }
}

/// Append `repr(item)` for each item `get(i)` yields, separated by ", ".
/// `get` is asked again for every index, so the container may change meanwhile.
pub(crate) fn repr_items(vm: &mut Vm, out: &mut String, get: impl Fn(usize) -> Option<Value>) -> PyResult<()> {
    let mut i = 0;
    while let Some(item) = get(i) {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(protocol::object::repr(vm, item)?.as_str());
        i += 1;
    }
    Ok(())
}

/// `a == b` with the identity shortcut of `PyObject_RichCompareBool`.
#[inline]
pub(crate) fn items_equal(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if a.is_small_int() && b.is_small_int() {
        return Ok(false);
    }
    if let (Some(x), Some(y)) = (a.downcast::<PyStr>(), b.downcast::<PyStr>()) {
        if vm.is_exact(a, vm.types.str) && vm.is_exact(b, vm.types.str) {
            return Ok(x.as_str() == y.as_str());
        }
    }
    protocol::compare::eq(vm, a, b)
}

/// Whether a binary operator should return `NotImplemented` so that the
/// reflected method `reflected` of a Python class can run, rather than
/// raise the sequence type's own TypeError (CPython tries `nb_add` of the
/// right operand before `sq_concat` of the left).
pub(crate) fn defer_to_reflected(vm: &mut Vm, other: Value, reflected: &str) -> bool {
    let class = vm.class_of(other);
    class.has_flag(flags::HEAPTYPE) && class.lookup_str(vm, reflected).is_some()
}

/// Lexicographic comparison of two sequences (`list_richcompare`,
/// `tuplerichcompare`): find the first index where the items differ, then
/// compare those items, or the lengths if there is none.
pub(crate) fn compare_sequences(
    vm: &mut Vm,
    a: &dyn Fn(usize) -> Option<Value>,
    a_len: &dyn Fn() -> usize,
    b: &dyn Fn(usize) -> Option<Value>,
    b_len: &dyn Fn() -> usize,
    op: ComparisonOp,
) -> PyResult {
    if matches!(op, ComparisonOp::Eq | ComparisonOp::Ne) && a_len() != b_len() {
        return Ok(vm.bool_value(op == ComparisonOp::Ne));
    }
    let mut i = 0;
    while let (Some(x), Some(y)) = (a(i), b(i)) {
        if !items_equal(vm, x, y)? {
            return match op {
                ComparisonOp::Eq => Ok(vm.bool_value(false)),
                ComparisonOp::Ne => Ok(vm.bool_value(true)),
                _ => protocol::compare::rich_compare(vm, x, y, op),
            };
        }
        i += 1;
    }
    let (la, lb) = (a_len(), b_len());
    let result = match op {
        ComparisonOp::Lt => la < lb,
        ComparisonOp::Le => la <= lb,
        ComparisonOp::Eq => la == lb,
        ComparisonOp::Ne => la != lb,
        ComparisonOp::Gt => la > lb,
        ComparisonOp::Ge => la >= lb,
    };
    Ok(vm.bool_value(result))
}

/// The items of any iterable, gathered into a list: the list or tuple's own
/// items copied, or everything iteration yields. `TypeError` from `iter()`
/// becomes `message` when one is given (`PySequence_Fast`).
pub fn iterable_to_list(vm: &mut Vm, iterable: Value, message: Option<&str>) -> PyResult<Gc<PyList>> {
    if let Some(list) = iterable.downcast::<PyList>() {
        let items = list.to_vec();
        return Ok(list_from_vec(vm, items).downcast::<PyList>().expect("list"));
    }
    if let Some(tuple) = iterable.downcast::<PyTuple>() {
        return Ok(new_list(vm, tuple.as_slice()).downcast::<PyList>().expect("list"));
    }
    match message {
        None => protocol::iter::collect(vm, iterable),
        Some(message) => {
            let iterator = match protocol::iter::iter(vm, iterable) {
                Ok(it) => it,
                Err(err) if vm.error_matches(err, vm.exceptions.type_error) => return Err(vm.type_error(message)),
                Err(err) => return Err(err),
            };
            protocol::iter::collect(vm, iterator)
        }
    }
}

fn this_list(vm: &mut Vm, v: Value, method: &str) -> PyResult<Gc<PyList>> {
    match v.downcast::<PyList>() {
        Some(list) => Ok(list),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' for 'list' objects doesn't apply to a '{name}' object")))
        }
    }
}

impl PyList {
    /// The items at the positions a slice selects.
    fn slice_items(&self, start: isize, step: isize, count: usize) -> Vec<Value> {
        let items = self.items.borrow();
        if step == 1 {
            return items[start as usize..start as usize + count].to_vec();
        }
        positions(start, step, count).map(|i| items[i]).collect()
    }
}

// ---- construction -------------------------------------------------------------------------------

fn list_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = match args.this().downcast::<PyType>() {
        Some(cls) => cls,
        None => return Err(vm.type_error("list.__new__(X): X is not a type object")),
    };
    Ok(vm.alloc_instance(PyList::new(Vec::new()), cls).value())
}

fn list_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "__init__")?;
    let rest = args.skip_self();
    let values = rest.positional_range(vm, "list", 0, 1)?;
    list.items.borrow_mut().clear();
    if let Some(&iterable) = values.first() {
        list.extend(vm, iterable)?;
    }
    Ok(vm.none())
}

// ---- sequence protocol --------------------------------------------------------------------------

fn list_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "__len__")?;
    Ok(Value::from_small(list.len() as i64))
}

pub(crate) fn list_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__getitem__")?;
    let list = this_list(vm, this, "__getitem__")?;
    match seq_index(vm, key, "list")? {
        SeqIndex::Int(i) => match wrap_index(i, list.len()) {
            Some(i) => Ok(list.items.borrow()[i]),
            None => Err(vm.index_error("list index out of range")),
        },
        SeqIndex::Slice(slice) => {
            let (start, stop, step) = unpack(vm, slice)?;
            let (start, _, count) = adjust_indices(list.len(), start, stop, step);
            let items = list.slice_items(start, step, count);
            Ok(list_from_vec(vm, items))
        }
    }
}

fn list_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key, value] = args.exact::<3>(vm, "__setitem__")?;
    let list = this_list(vm, this, "__setitem__")?;
    match seq_index(vm, key, "list")? {
        SeqIndex::Int(i) => match wrap_index(i, list.len()) {
            Some(i) => {
                list.items.borrow_mut()[i] = value;
                Ok(vm.none())
            }
            None => Err(vm.index_error("list assignment index out of range")),
        },
        SeqIndex::Slice(slice) => {
            let (start, stop, step) = unpack(vm, slice)?;
            if step == 1 {
                let source = iterable_to_list(vm, value, Some("can only assign an iterable"))?;
                let (start, stop, _) = adjust_indices(list.len(), start, stop, step);
                let (low, high) = (start as usize, (stop.max(start)) as usize);
                let replacement = source.to_vec();
                vm.account_external(replacement.len() * 8);
                list.items.borrow_mut().splice(low..high, replacement);
                return Ok(vm.none());
            }
            let source = iterable_to_list(vm, value, Some("must assign iterable to extended slice"))?;
            let (start, _, count) = adjust_indices(list.len(), start, stop, step);
            if source.len() != count {
                return Err(vm.value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {count}",
                    source.len()
                )));
            }
            let replacement = source.to_vec();
            let mut items = list.items.borrow_mut();
            for (position, item) in positions(start, step, count).zip(replacement) {
                items[position] = item;
            }
            Ok(vm.none())
        }
    }
}

fn list_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__delitem__")?;
    let list = this_list(vm, this, "__delitem__")?;
    match seq_index(vm, key, "list")? {
        SeqIndex::Int(i) => match wrap_index(i, list.len()) {
            Some(i) => {
                list.items.borrow_mut().remove(i);
                Ok(vm.none())
            }
            None => Err(vm.index_error("list assignment index out of range")),
        },
        SeqIndex::Slice(slice) => {
            let (start, stop, step) = unpack(vm, slice)?;
            let (start, _, count) = adjust_indices(list.len(), start, stop, step);
            delete_positions(&list, start, step, count);
            Ok(vm.none())
        }
    }
}

/// Delete the items a slice selects.
fn delete_positions(list: &PyList, start: isize, step: isize, count: usize) {
    if count == 0 {
        return;
    }
    let (low, step) = if step < 0 { (start + (count as isize - 1) * step, -step) } else { (start, step) };
    let low = low as usize;
    let mut items = list.items.borrow_mut();
    if step == 1 {
        items.drain(low..low + count);
        return;
    }
    let step = step as usize;
    let last = low + (count - 1) * step;
    let mut index = 0;
    items.retain(|_| {
        let keep = !(index >= low && index <= last && (index - low).is_multiple_of(step));
        index += 1;
        keep
    });
}

fn list_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, needle] = args.exact::<2>(vm, "__contains__")?;
    let list = this_list(vm, this, "__contains__")?;
    let mut i = 0;
    while let Some(item) = list.get(i) {
        if items_equal(vm, item, needle)? {
            return Ok(vm.bool_value(true));
        }
        i += 1;
    }
    Ok(vm.bool_value(false))
}

fn list_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "__iter__")?;
    Ok(crate::types::iterator::new_list_iterator(vm, list))
}

fn list_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "__reversed__")?;
    Ok(crate::types::iterator::new_list_reverse_iterator(vm, list))
}

// ---- operators ------------------------------------------------------------------------------------

fn list_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__add__")?;
    let list = this_list(vm, this, "__add__")?;
    let Some(other_list) = other.downcast::<PyList>() else {
        if defer_to_reflected(vm, other, "__radd__") {
            return Ok(vm.not_implemented());
        }
        let name = vm.type_name(other);
        return Err(vm.type_error(format!("can only concatenate list (not \"{name}\") to list")));
    };
    let mut items = list.to_vec();
    items.extend_from_slice(&other_list.items.borrow());
    Ok(list_from_vec(vm, items))
}

fn list_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__iadd__")?;
    let list = this_list(vm, this, "__iadd__")?;
    list.extend(vm, other)?;
    Ok(this)
}

/// The repeat count of `seq * n`, or `None` if `n` is not an integer.
pub(crate) fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<usize>> {
    if let Some(i) = n.as_small_int() {
        return Ok(Some(i.max(0) as usize));
    }
    if !crate::types::slice::has_index(vm, n) {
        return Ok(None);
    }
    let int = protocol::number::index(vm, n)?;
    match crate::types::int::to_i64(int) {
        Some(i) => Ok(Some(i.max(0) as usize)),
        None => {
            use num_traits::Signed;
            if crate::types::int::as_bigint(int).is_some_and(|b| b.is_negative()) {
                Ok(Some(0))
            } else {
                let name = vm.type_name(n);
                Err(vm.overflow_error(format!("cannot fit '{name}' into an index-sized integer")))
            }
        }
    }
}

/// The error for `seq * x` with a non-integer `x`, unless a reflected
/// method should get its chance.
pub(crate) fn non_int_repeat(vm: &mut Vm, other: Value) -> PyResult {
    if defer_to_reflected(vm, other, "__rmul__") {
        return Ok(vm.not_implemented());
    }
    let name = vm.type_name(other);
    Err(vm.type_error(format!("can't multiply sequence by non-int of type '{name}'")))
}

/// `items * n` as a new vector, or MemoryError if it cannot exist.
pub(crate) fn repeat_items(vm: &mut Vm, items: &[Value], n: usize) -> PyResult<Vec<Value>> {
    let total = items.len().checked_mul(n).filter(|&t| t <= (isize::MAX as usize) / 16);
    let Some(total) = total else {
        return Err(vm.memory_error());
    };
    let mut out = Vec::with_capacity(total);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

fn list_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, n] = args.exact::<2>(vm, "__mul__")?;
    let list = this_list(vm, this, "__mul__")?;
    let Some(count) = repeat_count(vm, n)? else {
        return non_int_repeat(vm, n);
    };
    let items = list.to_vec();
    let repeated = repeat_items(vm, &items, count)?;
    Ok(list_from_vec(vm, repeated))
}

fn list_imul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, n] = args.exact::<2>(vm, "__imul__")?;
    let list = this_list(vm, this, "__imul__")?;
    let Some(count) = repeat_count(vm, n)? else {
        return non_int_repeat(vm, n);
    };
    let items = list.to_vec();
    let repeated = repeat_items(vm, &items, count)?;
    vm.account_external(repeated.len() * 8);
    *list.items.borrow_mut() = repeated;
    Ok(this)
}

fn list_compare(vm: &mut Vm, args: Args<'_>, op: ComparisonOp) -> PyResult {
    let name = crate::types::slice::compare_dunder(op);
    let [this, other] = args.exact::<2>(vm, name)?;
    let list = this_list(vm, this, name)?;
    let Some(other) = other.downcast::<PyList>() else {
        return Ok(vm.not_implemented());
    };
    compare_sequences(vm, &|i| list.get(i), &|| list.len(), &|i| other.get(i), &|| other.len(), op)
}

crate::rich_compare_fns!(list_compare: list_eq = Eq, list_ne = Ne, list_lt = Lt, list_le = Le, list_gt = Gt, list_ge = Ge);

fn list_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "__repr__")?;
    if list.is_empty() {
        return Ok(vm.new_str("[]"));
    }
    if !repr_enter(vm, list.value()) {
        return Ok(vm.new_str("[...]"));
    }
    let mut out = String::from("[");
    let result = repr_items(vm, &mut out, |i| list.get(i));
    repr_leave(vm, list.value());
    result?;
    out.push(']');
    Ok(vm.new_str(&out))
}

// ---- methods ------------------------------------------------------------------------------------------

fn list_append(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "append")?;
    let [item] = args.skip_self().exact::<1>(vm, "list.append")?;
    list.push(item);
    vm.account_external(8);
    Ok(vm.none())
}

fn list_extend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "extend")?;
    let [iterable] = args.skip_self().exact::<1>(vm, "list.extend")?;
    list.extend(vm, iterable)?;
    Ok(vm.none())
}

fn list_insert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "insert")?;
    let [index, item] = args.skip_self().exact::<2>(vm, "insert")?;
    let index = protocol::number::to_index_isize(vm, index)?;
    let len = list.len() as isize;
    let position = if index < 0 { (index + len).max(0) } else { index.min(len) };
    list.items.borrow_mut().insert(position as usize, item);
    vm.account_external(8);
    Ok(vm.none())
}

fn list_pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "pop")?;
    let rest = args.skip_self().positional_range(vm, "pop", 0, 1)?;
    let index = match rest.first() {
        Some(&i) => protocol::number::to_index_isize(vm, i)?,
        None => -1,
    };
    if list.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    match wrap_index(index, list.len()) {
        Some(i) => Ok(list.items.borrow_mut().remove(i)),
        None => Err(vm.index_error("pop index out of range")),
    }
}

fn list_remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "remove")?;
    let [needle] = args.skip_self().exact::<1>(vm, "list.remove")?;
    let mut i = 0;
    while let Some(item) = list.get(i) {
        if items_equal(vm, item, needle)? {
            if i < list.len() {
                list.items.borrow_mut().remove(i);
            }
            return Ok(vm.none());
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

/// The `start`/`stop` arguments of `index()` resolved against `len`.
pub(crate) fn index_bounds(
    vm: &mut Vm,
    start: Option<&Value>,
    stop: Option<&Value>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let resolve = |vm: &mut Vm, v: Option<&Value>, default: isize| -> PyResult<usize> {
        let i = match v {
            Some(&v) => crate::types::slice::slice_index_not_none(vm, v)?,
            None => default,
        };
        Ok(if i < 0 { (i + len as isize).max(0) as usize } else { i as usize })
    };
    let start = resolve(vm, start, 0)?;
    let stop = resolve(vm, stop, isize::MAX)?;
    Ok((start, stop))
}

fn list_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "index")?;
    let rest = args.skip_self().positional_range(vm, "index", 1, 3)?;
    let needle = rest[0];
    let (start, stop) = index_bounds(vm, rest.get(1), rest.get(2), list.len())?;
    let mut i = start;
    while i < stop {
        let Some(item) = list.get(i) else { break };
        if items_equal(vm, item, needle)? {
            return Ok(Value::from_small(i as i64));
        }
        i += 1;
    }
    let text = protocol::object::repr(vm, needle)?;
    Err(vm.value_error(format!("{} is not in list", text.as_str())))
}

fn list_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "count")?;
    let [needle] = args.skip_self().exact::<1>(vm, "list.count")?;
    let mut count = 0;
    let mut i = 0;
    while let Some(item) = list.get(i) {
        if items_equal(vm, item, needle)? {
            count += 1;
        }
        i += 1;
    }
    Ok(Value::from_small(count))
}

fn list_clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "clear")?;
    args.skip_self().exact::<0>(vm, "list.clear")?;
    let old = std::mem::take(&mut *list.items.borrow_mut());
    drop(old);
    Ok(vm.none())
}

fn list_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "copy")?;
    args.skip_self().exact::<0>(vm, "list.copy")?;
    let items = list.to_vec();
    Ok(list_from_vec(vm, items))
}

fn list_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "reverse")?;
    args.skip_self().exact::<0>(vm, "list.reverse")?;
    list.items.borrow_mut().reverse();
    Ok(vm.none())
}

static SORT_SIG: Signature =
    Signature { name: "sort", params: &["self", "key", "reverse"], positional_only: 1, keyword_only: 1, required: 1 };

fn list_sort(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let list = this_list(vm, args.this(), "sort")?;
    if args.positional().len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let [_, key, reverse] = args.bind::<3>(vm, &SORT_SIG)?;
    let reverse = if reverse.is_null() {
        false
    } else {
        let int = protocol::number::index(vm, reverse)?;
        int.as_small_int() != Some(0)
    };
    let key = if key.is_null() || vm.is_none(key) { Value::NULL } else { key };
    sort_list(vm, list, key, reverse)?;
    Ok(vm.none())
}

// ---- sorting ---------------------------------------------------------------------------------------

/// Sort `list` in place as `list.sort(key=key, reverse=reverse)` does (`key`
/// NULL for none). `sorted()` is `list(iterable)` followed by this.
pub fn sort_list(vm: &mut Vm, list: Gc<PyList>, key: Value, reverse: bool) -> PyResult<()> {
    // Everything the sort touches stays reachable from `keep` (a list in a
    // Rust local, so the stack scan finds it) while it is only in Rust vectors.
    let keep = vm.alloc(PyList::new(Vec::new()), vm.types.list);
    let mut values = std::mem::take(&mut *list.items.borrow_mut());
    keep.items.borrow_mut().extend_from_slice(&values);
    if reverse {
        values.reverse();
    }
    let mut result = Ok(());
    let mut pairs: Vec<(Value, Value)> = Vec::with_capacity(values.len());
    if key.is_null() {
        pairs.extend(values.iter().map(|&v| (v, v)));
    } else {
        for &value in &values {
            match protocol::call::call(vm, key, &[value]) {
                Ok(k) => {
                    keep.push(k);
                    pairs.push((k, value));
                }
                Err(err) => {
                    result = Err(err);
                    break;
                }
            }
        }
    }
    if result.is_ok() {
        result = sort_pairs(vm, &mut pairs);
        if result.is_ok() {
            values = pairs.iter().map(|&(_, v)| v).collect();
        }
    }
    if reverse {
        values.reverse();
    }
    let modified = {
        let mut items = list.items.borrow_mut();
        let modified = items.capacity() != 0;
        *items = values;
        modified
    };
    std::hint::black_box(keep);
    result?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(())
}

/// Stable sort of (key, value) pairs by key with `<`.
fn sort_pairs(vm: &mut Vm, pairs: &mut [(Value, Value)]) -> PyResult<()> {
    if pairs.len() < 2 {
        return Ok(());
    }
    if crate::types::total_order::sort_pairs(vm, pairs) {
        return Ok(());
    }
    merge_sort(pairs, &mut |a: &(Value, Value), b: &(Value, Value)| less_than(vm, a.0, b.0))
}

fn less_than(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(x < y);
    }
    protocol::compare::rich_compare_bool(vm, a, b, ComparisonOp::Lt)
}

/// Runs shorter than this are sorted by binary insertion.
const MIN_RUN: usize = 16;

/// A stable merge sort with a comparison that can fail. On failure the slice
/// holds a permutation of its original items (never a duplicate or a loss).
pub fn merge_sort<T: Copy, E>(v: &mut [T], lt: &mut dyn FnMut(&T, &T) -> Result<bool, E>) -> Result<(), E> {
    let n = v.len();
    let mut start = 0;
    while start < n {
        let end = (start + MIN_RUN).min(n);
        binary_insertion_sort(&mut v[start..end], lt)?;
        start = end;
    }
    let mut buffer: Vec<T> = Vec::with_capacity(n / 2 + 1);
    let mut width = MIN_RUN;
    while width < n {
        let mut low = 0;
        while low + width < n {
            let mid = low + width;
            let high = (low + 2 * width).min(n);
            merge(&mut v[low..high], mid - low, &mut buffer, lt)?;
            low = high;
        }
        width *= 2;
    }
    Ok(())
}

fn binary_insertion_sort<T: Copy, E>(v: &mut [T], lt: &mut dyn FnMut(&T, &T) -> Result<bool, E>) -> Result<(), E> {
    for i in 1..v.len() {
        let pivot = v[i];
        let (mut low, mut high) = (0, i);
        while low < high {
            let mid = (low + high) / 2;
            if lt(&pivot, &v[mid])? {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        v.copy_within(low..i, low + 1);
        v[low] = pivot;
    }
    Ok(())
}

/// Merge the sorted runs `v[..mid]` and `v[mid..]`.
fn merge<T: Copy, E>(
    v: &mut [T],
    mid: usize,
    buffer: &mut Vec<T>,
    lt: &mut dyn FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    // Already in order: the common case for nearly sorted input.
    if !lt(&v[mid], &v[mid - 1])? {
        return Ok(());
    }
    buffer.clear();
    buffer.extend_from_slice(&v[..mid]);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < buffer.len() && j < v.len() {
        // Invariant: k + (buffer.len() - i) == j, so the rest of the buffer
        // fits exactly in the hole before j.
        match lt(&v[j], &buffer[i]) {
            Ok(true) => {
                v[k] = v[j];
                j += 1;
            }
            Ok(false) => {
                v[k] = buffer[i];
                i += 1;
            }
            Err(err) => {
                v[k..k + buffer.len() - i].copy_from_slice(&buffer[i..]);
                return Err(err);
            }
        }
        k += 1;
    }
    v[k..k + buffer.len() - i].copy_from_slice(&buffer[i..]);
    Ok(())
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "list",
    base: None,
    layout: PyList::LAYOUT,
    layout_with_attrs: PyList::LAYOUT_WITH_ATTRS,
    methods: METHODS,
    getsets: &[],
    doc: "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified.",
};

static METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", crate::types::generic_alias::class_getitem),
    MethodDef::staticmethod("__new__", list_new),
    MethodDef::method("__init__", list_init),
    MethodDef::method("__len__", list_len),
    MethodDef::method("__getitem__", list_getitem),
    MethodDef::method("__setitem__", list_setitem),
    MethodDef::method("__delitem__", list_delitem),
    MethodDef::method("__contains__", list_contains),
    MethodDef::method("__iter__", list_iter),
    MethodDef::method("__reversed__", list_reversed),
    MethodDef::method("__add__", list_add),
    MethodDef::method("__iadd__", list_iadd),
    MethodDef::method("__mul__", list_mul),
    MethodDef::method("__rmul__", list_mul),
    MethodDef::method("__imul__", list_imul),
    MethodDef::method("__eq__", list_eq),
    MethodDef::method("__ne__", list_ne),
    MethodDef::method("__lt__", list_lt),
    MethodDef::method("__le__", list_le),
    MethodDef::method("__gt__", list_gt),
    MethodDef::method("__ge__", list_ge),
    MethodDef::method("__repr__", list_repr),
    MethodDef::method("__hash__", protocol::hash::unhashable),
    MethodDef::method("append", list_append),
    MethodDef::method("extend", list_extend),
    MethodDef::method("insert", list_insert),
    MethodDef::method("pop", list_pop),
    MethodDef::method("remove", list_remove),
    MethodDef::method("index", list_index),
    MethodDef::method("count", list_count),
    MethodDef::method("clear", list_clear),
    MethodDef::method("copy", list_copy),
    MethodDef::method("reverse", list_reverse),
    MethodDef::method("sort", list_sort),
];

impl Gc<PyList> {
    /// Append every item of `iterable` (`list_extend`).
    pub fn extend(self, vm: &mut Vm, iterable: Value) -> PyResult<()> {
        if let Some(other) = iterable.downcast::<PyList>() {
            let items = other.to_vec();
            vm.account_external(items.len() * 8);
            self.items.borrow_mut().extend_from_slice(&items);
            return Ok(());
        }
        if let Some(tuple) = iterable.downcast::<PyTuple>() {
            vm.account_external(tuple.len() * 8);
            self.items.borrow_mut().extend_from_slice(tuple.as_slice());
            return Ok(());
        }
        protocol::iter::reserve_length_hint(vm, iterable, &self.items)?;
        let iterator = protocol::iter::iter(vm, iterable)?;
        while let Some(item) = protocol::iter::next(vm, iterator)? {
            self.push(item);
            vm.account_external(8);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sort_ints(values: &[i32]) -> Vec<i32> {
        let mut v = values.to_vec();
        merge_sort::<i32, ()>(&mut v, &mut |a, b| Ok(a < b)).unwrap();
        v
    }

    #[test]
    fn merge_sort_sorts() {
        let input: Vec<i32> = (0..200).map(|i| (i * 7919) % 101 - 50).collect();
        let mut expected = input.clone();
        expected.sort();
        assert_eq!(sort_ints(&input), expected);
        assert_eq!(sort_ints(&[]), Vec::<i32>::new());
        assert_eq!(sort_ints(&[3, 1, 2]), vec![1, 2, 3]);
    }

    #[test]
    fn merge_sort_is_stable() {
        let input: Vec<(i32, usize)> = (0..100).map(|i| ((i * 37 % 5) as i32, i)).collect();
        let mut v = input.clone();
        merge_sort::<(i32, usize), ()>(&mut v, &mut |a, b| Ok(a.0 < b.0)).unwrap();
        for pair in v.windows(2) {
            assert!(pair[0].0 < pair[1].0 || (pair[0].0 == pair[1].0 && pair[0].1 < pair[1].1));
        }
    }

    #[test]
    fn failed_sort_keeps_a_permutation() {
        let input: Vec<i32> = (0..100).rev().collect();
        for fail_at in [0, 5, 50, 200, 400] {
            let mut v = input.clone();
            let mut calls = 0;
            let result = merge_sort(&mut v, &mut |a: &i32, b: &i32| {
                calls += 1;
                if calls > fail_at {
                    Err("boom")
                } else {
                    Ok(a < b)
                }
            });
            assert_eq!(result, Err("boom"));
            let mut sorted = v.clone();
            sorted.sort();
            assert_eq!(sorted, (0..100).collect::<Vec<_>>());
        }
    }
}
