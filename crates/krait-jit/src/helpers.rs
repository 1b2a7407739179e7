//! The VM's side of recorded traces: the descriptors of the helper
//! functions compiled code calls, and the helpers themselves.
//!
//! Every helper that is not pure takes the `JitContext` first (the backend
//! passes it to every non-pure call); those that need the VM find it in
//! `JitContext::vm`, which the driver sets before entering compiled code.
//! No helper raises: one that cannot do what the trace assumed (an
//! attribute cache that no longer matches, an exhausted iterator, a global
//! that is gone) returns 0 without changing anything, the trace's guard on
//! the result fails, and the interpreter runs the instruction generically —
//! and raises, if that is what it does. A helper returning a float has no
//! 0 to spare: it sets the context's exception word instead, which the
//! `guard_no_exception` after it tests (and the driver clears). Helpers that read the caches of
//! quickened instructions call the interpreter's own functions
//! (`specialize::cached_*`), after checking that the instruction still has
//! the form whose cache layout they read.

use std::sync::Arc;

use smallvec::SmallVec;

use krait_bytecode::Opcode as Bc;
use krait_vm::interp::eval::YieldSink;
use krait_vm::interp::specialize::{self, Site};
use krait_vm::types::dict::PyDict;
use krait_vm::types::float::PyFloat;
use krait_vm::types::function::PyCell;
use krait_vm::types::iterator::{self, IterState, PyIterator};
use krait_vm::types::list::PyList;
use krait_vm::types::str::PyStr;
use krait_vm::types::tuple::PyTuple;
use krait_vm::value::Value as PyValue;
use krait_vm::vm::Vm;

use crate::backend::JitContext;
use crate::ir::descr::EffectClass;
use crate::ir::{DescrId, DescrTable, Type};

/// The descriptors the recorder's traces use.
pub struct VmDescrs {
    /// The table (shared by every trace).
    pub table: Arc<DescrTable>,
    /// `range_next(iterator) -> small int word or 0`.
    pub range_next: DescrId,
    /// `list_next(iterator) -> item word or 0`.
    pub list_next: DescrId,
    /// `tuple_next(iterator) -> item word or 0`.
    pub tuple_next: DescrId,
    /// `list_item(list, doubled index) -> item word or 0`.
    pub list_item: DescrId,
    /// `tuple_item(tuple, doubled index) -> item word or 0`.
    pub tuple_item: DescrId,
    /// `str_order(a, b) -> -1, 0 or 1` of two exact strs (pure).
    pub str_order: DescrId,
    /// `tuple_new<n>(item words...) -> a new tuple's word`, n = 1 to 4.
    pub tuple_new: [DescrId; 4],
    /// The items of an exact tuple (`arraylen_gc`, `getarrayitem_gc_r`).
    pub tuple_items: DescrId,
    /// The value of a `PyFloat` (an immutable float field).
    pub float_payload: DescrId,
    /// `load_attr_module(site, module) -> value word or 0`.
    pub load_attr_module: DescrId,
    /// `global_value(globals, builtins, name) -> value word or 0`.
    pub global_value: DescrId,
    /// `box_float(float) -> value word` (may allocate).
    pub box_float: DescrId,
    /// `list_store(list, doubled index, value) -> 1, or 0 (not stored)`.
    pub list_store: DescrId,
    /// `cell_get(cell) -> value word, or 0 when empty`.
    pub cell_get: DescrId,
    /// `cell_set(cell, value) -> 1, or 0 (not a cell)`.
    pub cell_set: DescrId,
    /// `list_pop(list) -> the last item, or 0 (empty, or not an exact list)`.
    pub list_pop: DescrId,
    /// `str_affix(s, affix, at_end) -> 1 when the exact str `s` starts
    /// (ends, when `at_end` is 1) with the exact str `affix`, 0 when not, 2
    /// for other operands`.
    pub str_affix: DescrId,
    /// `dict_get(dict, key, default) -> dict.get(key, default), or 0 (a
    /// lookup that could run Python code; with a 0 default, also a missing
    /// key: `dict[key]`)`.
    pub dict_get: DescrId,
    /// `dict_store(dict, key, value) -> 1 when stored, or 0
    /// (`dict::store_without_eq`)`.
    pub dict_store: DescrId,
    /// `dict_contains(dict, key) -> 1 when `key in dict`, 0 when not, 2
    /// when the lookup could run Python code`.
    pub dict_contains: DescrId,
    /// `unpack_item(iterator, n, k) -> item k of the next step of a zip or
    /// enumerate, not advancing it, or 0` (`iterator::peek_unpacked`).
    pub unpack_item: DescrId,
    /// `unpack_advance(iterator, n) -> 1 when it advanced by that step, or
    /// 0` (`iterator::advance_unpacked`).
    pub unpack_advance: DescrId,
    /// `yield_value(value) -> 1 when the consumer took it and ran no Python
    /// code, else 0 (the reason in `JitContext::yield_status`)`.
    pub yield_value: DescrId,
    /// `list_append(list, value) -> 1, or 0 (not an exact list)`.
    pub list_append: DescrId,
    /// `sequence_len(object) -> length as a small int word, or 0`.
    pub sequence_len: DescrId,
    /// `iterator_exhausted(list, tuple, range, str, dict or set iterator)
    /// -> 1 or 0` (without advancing it).
    pub iterator_exhausted: DescrId,
    /// `builtin_next(str, dict or set iterator) -> next item's word, or 0`.
    pub builtin_next: DescrId,
    /// `new_iterator(list or tuple) -> a new iterator's word, or 0`.
    pub new_iterator: DescrId,
    /// `range_iterator(start, stop, step) -> iter(range(...))'s word, or
    /// 0 for a zero step` (doubled ints).
    pub range_iterator: DescrId,
    /// `exhaust_iterator(iterator)`: marks it exhausted.
    pub exhaust_iterator: DescrId,
    /// `list_next_float(iterator) -> float` (a miss sets the exception word).
    pub list_next_float: DescrId,
    /// `tuple_next_float(iterator) -> float` (likewise).
    pub tuple_next_float: DescrId,
    /// `list_item_float(list, doubled index) -> float` (likewise).
    pub list_item_float: DescrId,
    /// `tuple_item_float(tuple, doubled index) -> float` (likewise).
    pub tuple_item_float: DescrId,
    /// The word at each multiple of 8 bytes below [`MAX_FIELD_OFFSET`] from
    /// an object (or an attribute overflow buffer), as a mutable ref field:
    /// what compiled code reads and writes of instance attributes and maps
    /// (see [`VmDescrs::word`]).
    words: Vec<DescrId>,
}

/// The first byte offset with no field descriptor (`VmDescrs::word`): past
/// the attribute area of every layout and past 64 overflowing attributes.
pub const MAX_FIELD_OFFSET: usize = 512;

impl VmDescrs {
    /// The descriptors of the VM's helpers.
    pub fn new() -> VmDescrs {
        let mut table = DescrTable::new();
        let range_next =
            table.call("range_next", range_next as *const () as usize, &[Type::Ref], Type::Int, EffectClass::CanRaise);
        let list_next =
            table.call("list_next", list_next as *const () as usize, &[Type::Ref], Type::Ref, EffectClass::CanRaise);
        let tuple_next =
            table.call("tuple_next", tuple_next as *const () as usize, &[Type::Ref], Type::Ref, EffectClass::CanRaise);
        let list_item = table.call(
            "list_item",
            list_item as *const () as usize,
            &[Type::Ref, Type::Int],
            Type::Ref,
            EffectClass::CanRaise,
        );
        let tuple_item = table.call(
            "tuple_item",
            tuple_item as *const () as usize,
            &[Type::Ref, Type::Int],
            Type::Ref,
            EffectClass::CanRaise,
        );
        let str_order = table.call(
            "str_order",
            str_order as *const () as usize,
            &[Type::Ref, Type::Ref],
            Type::Int,
            EffectClass::Pure,
        );
        let tuple_new_addresses = [
            tuple_new1 as *const () as usize,
            tuple_new2 as *const () as usize,
            tuple_new3 as *const () as usize,
            tuple_new4 as *const () as usize,
        ];
        let tuple_new = std::array::from_fn(|i| {
            let (name, args) = (format!("tuple_new{}", i + 1), vec![Type::Ref; i + 1]);
            table.call(&name, tuple_new_addresses[i], &args, Type::Ref, EffectClass::CanRaise)
        });
        let tuple_items =
            table.array("tuple_items", PyTuple::ITEMS_OFFSET as i32, PyTuple::LEN_OFFSET as i32, Type::Ref);
        let float_payload =
            table.immutable_field("float_payload", std::mem::offset_of!(PyFloat, value) as i32, Type::Float);
        let load_attr_module = table.call(
            "load_attr_module",
            load_attr_module as *const () as usize,
            &[Type::Int, Type::Ref],
            Type::Ref,
            EffectClass::CanRaise,
        );
        let global_value = table.call(
            "global_value",
            global_value as *const () as usize,
            &[Type::Ref, Type::Ref, Type::Ref],
            Type::Ref,
            EffectClass::CanRaise,
        );
        let box_float =
            table.call("box_float", box_float as *const () as usize, &[Type::Float], Type::Ref, EffectClass::CanRaise);
        let list_store = table.call(
            "list_store",
            list_store as *const () as usize,
            &[Type::Ref, Type::Int, Type::Ref],
            Type::Int,
            EffectClass::CanRaise,
        );
        let cell_get =
            table.call("cell_get", cell_get as *const () as usize, &[Type::Ref], Type::Ref, EffectClass::CanRaise);
        let cell_set = table.call(
            "cell_set",
            cell_set as *const () as usize,
            &[Type::Ref, Type::Ref],
            Type::Int,
            EffectClass::CanRaise,
        );
        let list_pop =
            table.call("list_pop", list_pop as *const () as usize, &[Type::Ref], Type::Ref, EffectClass::CanRaise);
        let str_affix = table.call(
            "str_affix",
            str_affix as *const () as usize,
            &[Type::Ref, Type::Ref, Type::Int],
            Type::Int,
            EffectClass::CanRaise,
        );
        let dict_get = table.call(
            "dict_get",
            dict_get as *const () as usize,
            &[Type::Ref, Type::Ref, Type::Ref],
            Type::Ref,
            EffectClass::CanRaise,
        );
        let dict_store = table.call(
            "dict_store",
            dict_store as *const () as usize,
            &[Type::Ref, Type::Ref, Type::Ref],
            Type::Int,
            EffectClass::CanRaise,
        );
        let dict_contains = table.call(
            "dict_contains",
            dict_contains as *const () as usize,
            &[Type::Ref, Type::Ref],
            Type::Int,
            EffectClass::CanRaise,
        );
        let unpack_item = table.call(
            "unpack_item",
            unpack_item as *const () as usize,
            &[Type::Ref, Type::Int, Type::Int],
            Type::Ref,
            EffectClass::CanRaise,
        );
        let unpack_advance = table.call(
            "unpack_advance",
            unpack_advance as *const () as usize,
            &[Type::Ref, Type::Int],
            Type::Int,
            EffectClass::CanRaise,
        );
        let yield_value = table.call(
            "yield_value",
            yield_value as *const () as usize,
            &[Type::Ref],
            Type::Int,
            EffectClass::CanRaise,
        );
        let list_append = table.call(
            "list_append",
            list_append as *const () as usize,
            &[Type::Ref, Type::Ref],
            Type::Int,
            EffectClass::CanRaise,
        );
        let sequence_len = table.call(
            "sequence_len",
            sequence_len as *const () as usize,
            &[Type::Ref],
            Type::Ref,
            EffectClass::CanRaise,
        );
        let new_iterator = table.call(
            "new_iterator",
            new_iterator as *const () as usize,
            &[Type::Ref],
            Type::Ref,
            EffectClass::CanRaise,
        );
        let iterator_exhausted = table.call(
            "iterator_exhausted",
            iterator_exhausted as *const () as usize,
            &[Type::Ref],
            Type::Int,
            EffectClass::CanRaise,
        );
        let builtin_next = table.call(
            "builtin_next",
            builtin_next as *const () as usize,
            &[Type::Ref],
            Type::Ref,
            EffectClass::CanRaise,
        );
        let range_iterator = table.call(
            "range_iterator",
            range_iterator as *const () as usize,
            &[Type::Int, Type::Int, Type::Int],
            Type::Ref,
            EffectClass::CanRaise,
        );
        let exhaust_iterator = table.call(
            "exhaust_iterator",
            exhaust_iterator as *const () as usize,
            &[Type::Ref],
            Type::Int,
            EffectClass::CanRaise,
        );
        let list_next_float = table.call(
            "list_next_float",
            list_next_float as *const () as usize,
            &[Type::Ref],
            Type::Float,
            EffectClass::CanRaise,
        );
        let tuple_next_float = table.call(
            "tuple_next_float",
            tuple_next_float as *const () as usize,
            &[Type::Ref],
            Type::Float,
            EffectClass::CanRaise,
        );
        let list_item_float = table.call(
            "list_item_float",
            list_item_float as *const () as usize,
            &[Type::Ref, Type::Int],
            Type::Float,
            EffectClass::CanRaise,
        );
        let tuple_item_float = table.call(
            "tuple_item_float",
            tuple_item_float as *const () as usize,
            &[Type::Ref, Type::Int],
            Type::Float,
            EffectClass::CanRaise,
        );
        let words = (0..MAX_FIELD_OFFSET)
            .step_by(8)
            .map(|offset| table.field(&format!("word{offset}"), offset as i32, Type::Ref))
            .collect();
        VmDescrs {
            words,
            float_payload,
            tuple_items,
            tuple_new,
            str_order,
            list_item_float,
            tuple_item_float,
            list_next_float,
            tuple_next_float,
            new_iterator,
            range_iterator,
            iterator_exhausted,
            builtin_next,
            exhaust_iterator,
            list_append,
            sequence_len,
            list_store,
            cell_get,
            cell_set,
            yield_value,
            list_pop,
            unpack_item,
            unpack_advance,
            dict_contains,
            dict_store,
            dict_get,
            str_affix,
            load_attr_module,
            global_value,
            box_float,
            table: Arc::new(table),
            range_next,
            list_next,
            tuple_next,
            list_item,
            tuple_item,
        }
    }
}

impl VmDescrs {
    /// The field descriptor of the word `offset` bytes from an object, if
    /// there is one (`offset` a multiple of 8 below [`MAX_FIELD_OFFSET`]).
    pub fn word(&self, offset: usize) -> Option<DescrId> {
        if offset.is_multiple_of(8) {
            self.words.get(offset / 8).copied()
        } else {
            None
        }
    }
}

impl Default for VmDescrs {
    fn default() -> VmDescrs {
        VmDescrs::new()
    }
}

/// `FOR_ITER_RANGE` for compiled code: advance a `range` iterator and return
/// the small int word of its next value, or 0, without changing it, when it
/// is not a range iterator, is exhausted, or its value is not a small int
/// (the interpreter then runs the instruction generically). Mirrors
/// `specialize::range_next`. Like every call that is not pure, it gets the
/// `JitContext` first; it never raises, so it does not use it.
pub extern "C" fn range_next(_ctx: *mut JitContext, iterator: u64) -> u64 {
    let Some(it) = PyValue::from_bits(iterator).downcast::<PyIterator>() else { return 0 };
    let mut state = it.state.borrow_mut();
    let IterState::Range { next, step, remaining } = &mut *state else { return 0 };
    if *remaining == 0 {
        return 0;
    }
    let Some(word) = PyValue::small_int(*next) else { return 0 };
    *remaining -= 1;
    if *remaining > 0 {
        *next += *step;
    }
    word.to_bits()
}

/// `FOR_ITER_LIST`/`FOR_ITER_TUPLE` for compiled code: advance a list (or
/// tuple) iterator and return its next item's word, or 0, without changing
/// the iterator, when it is not such an iterator or is exhausted (the
/// interpreter then runs the instruction generically, which also marks the
/// iterator exhausted: until then it keeps its sequence alive, and with it
/// every item the trace read from it). Mirrors `specialize::sequence_next`.
pub extern "C" fn list_next(_ctx: *mut JitContext, iterator: u64) -> u64 {
    sequence_next(iterator, true)
}

/// See [`list_next`].
pub extern "C" fn tuple_next(_ctx: *mut JitContext, iterator: u64) -> u64 {
    sequence_next(iterator, false)
}

fn sequence_next(iterator: u64, list: bool) -> u64 {
    sequence_next_if(iterator, list, |_| true).map_or(0, PyValue::to_bits)
}

/// Advance a list (or tuple) iterator if its next item passes `wanted`:
/// that item, or None, the iterator unchanged.
fn sequence_next_if(iterator: u64, list: bool, wanted: impl FnOnce(PyValue) -> bool) -> Option<PyValue> {
    let it = PyValue::from_bits(iterator).downcast::<PyIterator>()?;
    let mut state = it.state.borrow_mut();
    let (item, index) = match &mut *state {
        IterState::List { list: l, index } if list => (l.get(*index)?, index),
        IterState::Tuple { tuple, index } if !list && *index < tuple.len() => (tuple.get(*index), index),
        _ => return None,
    };
    if !wanted(item) {
        return None;
    }
    *index += 1;
    Some(item)
}

/// `FOR_ITER_LIST` whose next item is an exact float: its value. Anything
/// else (the end, another kind of item) leaves the iterator as it is and
/// sets the context's exception word (see the module documentation).
pub(crate) extern "C" fn list_next_float(ctx: *mut JitContext, iterator: u64) -> f64 {
    next_float(ctx, iterator, true)
}

/// [`list_next_float`] for `FOR_ITER_TUPLE`.
pub(crate) extern "C" fn tuple_next_float(ctx: *mut JitContext, iterator: u64) -> f64 {
    next_float(ctx, iterator, false)
}

fn next_float(ctx: *mut JitContext, iterator: u64, list: bool) -> f64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    let mut value = None;
    sequence_next_if(iterator, list, |v| {
        value = krait_vm::types::float::exact_f64(vm, v);
        value.is_some()
    });
    float_result(ctx, value)
}

/// A float helper's result: the value, or 0.0 with the context's exception
/// word set (see the module documentation). The word is written either
/// way: a bridge from an earlier miss runs with it still set.
fn float_result(ctx: *mut JitContext, value: Option<f64>) -> f64 {
    // SAFETY: `ctx` is the context compiled code passed to the helper.
    unsafe { (*ctx).exception = u64::from(value.is_none()) };
    value.unwrap_or(0.0)
}

/// `list[i]` for a small int index (negative counts from the end), or None.
pub(crate) fn list_get(list: PyValue, i: i64) -> Option<PyValue> {
    let list = list.downcast::<PyList>()?;
    let items = list.items.borrow();
    let index = if i < 0 { i + items.len() as i64 } else { i };
    usize::try_from(index).ok().and_then(|i| items.get(i).copied())
}

/// `tuple[i]` for a small int index (negative counts from the end), or None.
pub(crate) fn tuple_get(tuple: PyValue, i: i64) -> Option<PyValue> {
    let tuple = tuple.downcast::<PyTuple>()?;
    let items = tuple.as_slice();
    let index = if i < 0 { i + items.len() as i64 } else { i };
    usize::try_from(index).ok().and_then(|i| items.get(i).copied())
}

/// `BINARY_SUBSCR_LIST_INT` for compiled code, after a guard that `list` is
/// an exact list: the item's word, or 0 when the index is out of range (the
/// interpreter then raises). `index` is doubled.
pub extern "C" fn list_item(_ctx: *mut JitContext, list: u64, index: u64) -> u64 {
    list_get(PyValue::from_bits(list), (index as i64) >> 1).map_or(0, PyValue::to_bits)
}

/// `BINARY_SUBSCR_TUPLE_INT` for compiled code: see [`list_item`].
pub extern "C" fn tuple_item(_ctx: *mut JitContext, tuple: u64, index: u64) -> u64 {
    tuple_get(PyValue::from_bits(tuple), (index as i64) >> 1).map_or(0, PyValue::to_bits)
}

/// `BINARY_SUBSCR_LIST_INT` of an item that is an exact float: its value;
/// anything else (out of range, another kind) sets the miss flag.
pub(crate) extern "C" fn list_item_float(ctx: *mut JitContext, list: u64, index: u64) -> f64 {
    item_float(ctx, list_get(PyValue::from_bits(list), (index as i64) >> 1))
}

/// [`list_item_float`] for `BINARY_SUBSCR_TUPLE_INT`.
pub(crate) extern "C" fn tuple_item_float(ctx: *mut JitContext, tuple: u64, index: u64) -> f64 {
    item_float(ctx, tuple_get(PyValue::from_bits(tuple), (index as i64) >> 1))
}

fn item_float(ctx: *mut JitContext, item: Option<PyValue>) -> f64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    float_result(ctx, item.and_then(|v| krait_vm::types::float::exact_f64(vm, v)))
}

/// The VM of a context (set by the driver before it enters compiled code).
///
/// # Safety
/// `ctx` must be the context the driver passed to the compiled code.
unsafe fn vm_of<'a>(ctx: *mut JitContext) -> &'a mut Vm {
    // SAFETY: the driver stores the `&mut Vm` it was given and does not use
    // it until the compiled code returns; helpers run one at a time.
    unsafe { &mut *((*ctx).vm as *mut Vm) }
}

/// The quickened instruction at `site` (an address in a code object the
/// driver keeps alive), if it still has the form `op`.
fn site_with(site: u64, op: Bc) -> Option<Site> {
    // SAFETY: recorded traces pass the address of an instruction of their
    // code object, followed by its cache, and the driver keeps that code
    // object alive as long as the trace.
    let site = unsafe { Site::new(site as *const std::cell::Cell<u32>) };
    (site.opcode() == op as u8).then_some(site)
}

/// `LOAD_ATTR_MODULE`'s fast path (`specialize::cached_module_attr`).
pub(crate) extern "C" fn load_attr_module(ctx: *mut JitContext, site: u64, module: u64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    let Some(site) = site_with(site, Bc::LOAD_ATTR_MODULE) else { return 0 };
    specialize::cached_module_attr(vm, site, PyValue::from_bits(module)).map_or(0, PyValue::to_bits)
}

/// `LOAD_GLOBAL`'s lookup: `name` (an exact str) in `globals`, then in
/// `builtins`.
pub extern "C" fn global_value(_ctx: *mut JitContext, globals: u64, builtins: u64, name: u64) -> u64 {
    let Some(name) = PyValue::from_bits(name).downcast::<PyStr>() else { return 0 };
    let dict = |word: u64| PyValue::from_bits(word).downcast::<PyDict>();
    let (Some(globals), Some(builtins)) = (dict(globals), dict(builtins)) else { return 0 };
    crate::assumptions::lookup_global(globals, builtins, name).map_or(0, PyValue::to_bits)
}

/// A float as a value, to store it in the heap: an immediate float, or a
/// new `PyFloat` (which may collect: compiled code keeps its references on
/// the native stack, which the collector scans).
pub(crate) extern "C" fn box_float(ctx: *mut JitContext, value: f64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    vm.new_float(value).to_bits()
}

/// `STORE_SUBSCR_LIST_INT` (after a guard that `list` is an exact list): 1
/// when it stored, 0 when the index is out of range (the interpreter then
/// raises). `index` is doubled.
pub extern "C" fn list_store(_ctx: *mut JitContext, list: u64, index: u64, value: u64) -> u64 {
    let Some(list) = PyValue::from_bits(list).downcast::<PyList>() else { return 0 };
    krait_vm::interp::ops::set_list_item(list, (index as i64) >> 1, PyValue::from_bits(value)) as u64
}

/// `LOAD_DEREF`: the cell's value, or 0 when it is empty (the interpreter
/// then raises).
pub extern "C" fn cell_get(_ctx: *mut JitContext, cell: u64) -> u64 {
    PyValue::from_bits(cell).downcast::<PyCell>().map_or(0, |c| c.contents.get().to_bits())
}

/// `STORE_DEREF`: 1 when `cell` is a cell (it always is in a frame's
/// cell slots).
pub extern "C" fn cell_set(_ctx: *mut JitContext, cell: u64, value: u64) -> u64 {
    let Some(cell) = PyValue::from_bits(cell).downcast::<PyCell>() else { return 0 };
    cell.contents.set(PyValue::from_bits(value));
    1
}

/// `YIELD_VALUE` in the entry frame of a generator driven by a consumer
/// (`generator::drive`): hand `value` to it. 1 when it took the value and
/// ran no Python code (no frame was pushed meanwhile); otherwise 0, with
/// the reason in the context: refused (the generator must suspend with the
/// value), or taken by Python code, which may have rebound a global or a
/// function's code that the loop assumed (see `crate::assumptions`).
pub(crate) extern "C" fn yield_value(ctx: *mut JitContext, value: u64) -> u64 {
    // SAFETY: called by compiled code with its context; the driver sets
    // `sink` to the consumer the hook was given for this frame, which
    // outlives the run of the compiled code.
    let (vm, sink) = unsafe { (vm_of(ctx), &mut *((*ctx).sink as *mut YieldSink<'_>)) };
    let before = krait_vm::jit_hooks::frames_pushed(vm);
    let took = sink(vm, PyValue::from_bits(value));
    let status = match (took, krait_vm::jit_hooks::frames_pushed(vm) == before) {
        (true, true) => return 1,
        (true, false) => JitContext::YIELD_RAN_PYTHON,
        (false, _) => JitContext::YIELD_REFUSED,
    };
    // SAFETY: as above.
    unsafe { (*ctx).yield_status = status };
    0
}

/// `LIST_APPEND`, and `list.append` on an exact list: 1 when it appended.
pub(crate) extern "C" fn list_append(ctx: *mut JitContext, list: u64, value: u64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    let list_value = PyValue::from_bits(list);
    let Some(list) = list_value.downcast::<PyList>().filter(|_| vm.is_exact(list_value, vm.types.list)) else {
        return 0;
    };
    list.push(PyValue::from_bits(value));
    vm.account_external(8);
    1
}

/// `list.pop()` on an exact list: its last item, removed; 0 when the list
/// is empty (the interpreter then raises) or not an exact list.
pub(crate) extern "C" fn list_pop(ctx: *mut JitContext, list: u64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    let list_value = PyValue::from_bits(list);
    let Some(list) = list_value.downcast::<PyList>().filter(|_| vm.is_exact(list_value, vm.types.list)) else {
        return 0;
    };
    let popped = list.items.borrow_mut().pop();
    popped.map_or(0, PyValue::to_bits)
}

/// `str.startswith`/`str.endswith` of an exact str with an exact str.
pub(crate) extern "C" fn str_affix(ctx: *mut JitContext, s: u64, affix: u64, at_end: u64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    match (exact_str(vm, PyValue::from_bits(s)), exact_str(vm, PyValue::from_bits(affix))) {
        (Some(s), Some(affix)) if at_end == 1 => u64::from(s.as_str().ends_with(affix.as_str())),
        (Some(s), Some(affix)) => u64::from(s.as_str().starts_with(affix.as_str())),
        _ => 2,
    }
}

/// `v` as an exact str.
pub fn exact_str(vm: &Vm, v: PyValue) -> Option<krait_vm::object::Gc<PyStr>> {
    v.downcast::<PyStr>().filter(|_| vm.is_exact(v, vm.types.str))
}

/// `dict.get(key, default)` for an exact str or small int key, and
/// `BINARY_SUBSCR_DICT` with a 0 default.
pub(crate) extern "C" fn dict_get(ctx: *mut JitContext, dict: u64, key: u64, default: u64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    match krait_vm::types::dict::subscript_without_eq(vm, PyValue::from_bits(dict), PyValue::from_bits(key)) {
        Some(found) => found.map_or(default, PyValue::to_bits),
        None => 0,
    }
}

/// `STORE_SUBSCR_DICT` for an exact str or small int key
/// (`dict::store_without_eq`).
pub(crate) extern "C" fn dict_store(ctx: *mut JitContext, dict: u64, key: u64, value: u64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    let (dict, key, value) = (PyValue::from_bits(dict), PyValue::from_bits(key), PyValue::from_bits(value));
    u64::from(krait_vm::types::dict::store_without_eq(vm, dict, key, value))
}

/// `CONTAINS_OP` on an exact dict for an exact str or small int key.
pub(crate) extern "C" fn dict_contains(ctx: *mut JitContext, dict: u64, key: u64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    match krait_vm::types::dict::subscript_without_eq(vm, PyValue::from_bits(dict), PyValue::from_bits(key)) {
        Some(found) => u64::from(found.is_some()),
        None => 2,
    }
}

/// `FOR_ITER_UNPACK`'s read of one item of a zip's or an enumerate's
/// next step (`iterator::peek_unpacked`).
pub(crate) extern "C" fn unpack_item(_ctx: *mut JitContext, iterator: u64, n: u64, k: u64) -> u64 {
    let item = iterator::peek_unpacked(PyValue::from_bits(iterator), n as usize, k as usize);
    item.flatten().map_or(0, PyValue::to_bits)
}

/// `FOR_ITER_UNPACK`'s step of a zip or an enumerate
/// (`iterator::advance_unpacked`).
pub(crate) extern "C" fn unpack_advance(_ctx: *mut JitContext, iterator: u64, n: u64) -> u64 {
    u64::from(iterator::advance_unpacked(PyValue::from_bits(iterator), n as usize))
}

/// `len()` of an exact list, tuple or str (no Python code runs): the
/// length's small int word, or 0 for anything else.
pub(crate) extern "C" fn sequence_len(ctx: *mut JitContext, object: u64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    exact_len(vm, PyValue::from_bits(object)).and_then(|n| PyValue::small_int(n as i64)).map_or(0, PyValue::to_bits)
}

/// `len(v)` of an exact list, tuple or str (which runs no Python code), or
/// None: what `sequence_len` computes, and the recorder's concrete value.
pub(crate) fn exact_len(vm: &Vm, v: PyValue) -> Option<usize> {
    if vm.is_exact(v, vm.types.list) {
        v.downcast::<PyList>().map(|l| l.len())
    } else if vm.is_exact(v, vm.types.tuple) {
        v.downcast::<PyTuple>().map(|t| t.len())
    } else if vm.is_exact(v, vm.types.str) {
        v.downcast::<PyStr>().map(|s| s.char_len())
    } else {
        None
    }
}

/// `GET_ITER` of an exact list or tuple: a new iterator (allocated), or 0
/// for anything else.
pub(crate) extern "C" fn new_iterator(ctx: *mut JitContext, object: u64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    let v = PyValue::from_bits(object);
    if !vm.is_exact(v, vm.types.list) && !vm.is_exact(v, vm.types.tuple) {
        return 0;
    }
    krait_vm::protocol::iter::iter(vm, v).map_or(0, PyValue::to_bits)
}

/// How `a` compares to `b`, two strs (after guards that they are exact
/// strs): -1, 0 or 1, by code points as Python orders strs (which is the
/// order of their UTF-8 bytes).
pub extern "C" fn str_order(a: u64, b: u64) -> i64 {
    let (Some(a), Some(b)) = (PyValue::from_bits(a).downcast::<PyStr>(), PyValue::from_bits(b).downcast::<PyStr>())
    else {
        return 0;
    };
    a.as_str().cmp(b.as_str()) as i64
}

/// `BUILD_TUPLE` of 1 to 4 items: a new tuple (which may collect:
/// compiled code keeps the items on the native stack, which the collector
/// scans).
fn tuple_new(ctx: *mut JitContext, items: &[u64]) -> u64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    let items: SmallVec<[PyValue; 4]> = items.iter().map(|&w| PyValue::from_bits(w)).collect();
    krait_vm::types::tuple::new_tuple(vm, &items).to_bits()
}

pub(crate) extern "C" fn tuple_new1(ctx: *mut JitContext, a: u64) -> u64 {
    tuple_new(ctx, &[a])
}

pub(crate) extern "C" fn tuple_new2(ctx: *mut JitContext, a: u64, b: u64) -> u64 {
    tuple_new(ctx, &[a, b])
}

pub(crate) extern "C" fn tuple_new3(ctx: *mut JitContext, a: u64, b: u64, c: u64) -> u64 {
    tuple_new(ctx, &[a, b, c])
}

pub(crate) extern "C" fn tuple_new4(ctx: *mut JitContext, a: u64, b: u64, c: u64, d: u64) -> u64 {
    tuple_new(ctx, &[a, b, c, d])
}

/// `iter(range(start, stop, step))` of doubled small ints: a new range
/// iterator (allocated), or 0 when `step` is 0 (the interpreter raises).
pub(crate) extern "C" fn range_iterator(ctx: *mut JitContext, start: i64, stop: i64, step: i64) -> u64 {
    if step == 0 {
        return 0;
    }
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    let (start, stop, step) = (start >> 1, stop >> 1, step >> 1);
    let remaining = krait_vm::types::range::small_range_length(start, stop, step) as u64;
    iterator::new_small_range_iterator(vm, start, step, remaining).to_bits()
}

/// Whether a list, tuple, range, str, dict or set iterator has no next
/// item, without advancing it (what the end of a `for` in a bridge tests:
/// a guard that fails there resumes at the `FOR_ITER` with the iterator
/// untouched). 0 for any other iterator.
pub(crate) extern "C" fn iterator_exhausted(ctx: *mut JitContext, iterator: u64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    let v = PyValue::from_bits(iterator);
    u64::from(iterator::peek_sequence(v).or_else(|| iterator::peek_builtin(vm, v)) == Some(None))
}

/// `FOR_ITER` of a str, dict (keys or values) or set iterator: its next
/// item, or 0 (nothing taken) when it is exhausted or taking the item could
/// raise, run Python code or allocate (`iterator::peek_builtin`).
pub(crate) extern "C" fn builtin_next(ctx: *mut JitContext, iterator: u64) -> u64 {
    // SAFETY: called by compiled code with its context.
    let vm = unsafe { vm_of(ctx) };
    let v = PyValue::from_bits(iterator);
    let Some(Some(item)) = iterator::peek_builtin(vm, v) else { return 0 };
    let Some(it) = v.downcast::<PyIterator>() else { return 0 };
    // Taking the item peeked does what peeking checked it would.
    match iterator::next_fast(vm, it) {
        Ok(Some(taken)) if taken.is(item) => item.to_bits(),
        _ => 0,
    }
}

/// The end of a `for` over a list or tuple iterator that compiled code
/// found exhausted: mark it so for good, as the interpreter's FOR_ITER does.
pub extern "C" fn exhaust_iterator(_ctx: *mut JitContext, iterator: u64) -> u64 {
    if let Some(it) = PyValue::from_bits(iterator).downcast::<PyIterator>() {
        it.exhaust();
    }
    1
}
