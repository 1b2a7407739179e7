//! The `_collections` module (CPython 3.11: `Modules/_collectionsmodule.c`):
//! `deque` with its two iterator types, `defaultdict`, `_count_elements`
//! and `_tuplegetter`. `Lib/collections/__init__.py` imports them; its
//! pure-Python `OrderedDict` is used (CPython's C one is an optimisation).
//!
//! A deque is a `VecDeque` of values in a `RefCell`, with a mutation
//! counter (`state`, CPython's name) that iterators and the methods that
//! call `__eq__` on items (`count`, `index`, `remove`, `in`) check after
//! every Python call: those raise "deque mutated during iteration" when
//! the deque changed under them. Items are copied out of the `RefCell`
//! before any Python code runs. Comparisons and `repr` work on snapshot
//! tuples and lists, so items stay alive while their methods run.
//!
//! `defaultdict` is a subclass of `dict` with the dict layout; its
//! `default_factory` is a slot (a member descriptor, as in CPython) of a
//! type made with `type()` at module initialisation, to which the native
//! methods are then added.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use krait_bytecode::ComparisonOp;
use krait_vm::error::{PyErr, PyResult};
use krait_vm::gc::Tracer;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, GetSetDef, MethodDef, Signature};
use krait_vm::object::{Gc, PyPayload, ValueCell};
use krait_vm::protocol::{attr, call, compare, iter, number, object};
use krait_vm::structseq::add_heap_type_methods;
use krait_vm::types::dict::PyDict;
use krait_vm::types::module::PyModule;
use krait_vm::types::native_object::{native_data, new_native_object, new_native_type, NativeData, PyNativeObject};
use krait_vm::types::str::PyStr;
use krait_vm::types::tuple::{new_tuple, tuple_from_vec, PyTuple};
use krait_vm::types::typeobject::{dict_set_str, PyType};
use krait_vm::types::TypeSpec;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

pub static COLLECTIONS: NativeModuleDef = NativeModuleDef {
    name: "_collections",
    doc: "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n\
          - defaultdict:  dict subclass with a default value factory\n",
    methods: &[MethodDef::function("_count_elements", count_elements)],
    init: Some(collections_init),
};

fn collections_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    let deque = new_native_type(vm, &DEQUE_SPEC, None, "collections");
    module.set_attr(vm, "deque", deque.value());
    let it = new_native_type(vm, &DEQUE_ITER_SPEC, None, "_collections");
    module.set_attr(vm, "_deque_iterator", it.value());
    let rit = new_native_type(vm, &DEQUE_REVERSE_ITER_SPEC, None, "_collections");
    module.set_attr(vm, "_deque_reverse_iterator", rit.value());
    let getter = new_native_type(vm, &TUPLEGETTER_SPEC, None, "collections");
    module.set_attr(vm, "_tuplegetter", getter.value());
    let defaultdict = make_defaultdict_type(vm)?;
    module.set_attr(vm, "defaultdict", defaultdict);
    Ok(())
}

fn cls_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Gc<PyType>> {
    match args.positional().first().and_then(|c| c.downcast::<PyType>()) {
        Some(cls) => Ok(cls),
        None => Err(vm.type_error(format!("{name}.__new__(X): X is not a type object"))),
    }
}

// ---- deque --------------------------------------------------------------------------------------

struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped by every change of the items' order or number.
    state: Cell<u64>,
}

impl NativeData for Deque {
    fn trace(&self, tracer: &mut Tracer) {
        let items = self.items.borrow();
        let (a, b) = items.as_slices();
        tracer.mark_all(a);
        tracer.mark_all(b);
    }
}

impl Deque {
    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    fn changed(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn get(&self, index: usize) -> Option<Value> {
        self.items.borrow().get(index).copied()
    }

    fn append(&self, v: Value) {
        let mut items = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return;
        }
        items.push_back(v);
        if self.maxlen.get().is_some_and(|m| items.len() > m) {
            items.pop_front();
        }
        drop(items);
        self.changed();
    }

    fn appendleft(&self, v: Value) {
        let mut items = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return;
        }
        items.push_front(v);
        if self.maxlen.get().is_some_and(|m| items.len() > m) {
            items.pop_back();
        }
        drop(items);
        self.changed();
    }

    fn rotate(&self, n: isize) {
        let mut items = self.items.borrow_mut();
        let len = items.len();
        if len <= 1 {
            return;
        }
        let k = n.rem_euclid(len as isize) as usize;
        items.rotate_right(k);
        drop(items);
        self.changed();
    }

    fn snapshot(&self, vm: &mut Vm) -> Value {
        let items: Vec<Value> = self.items.borrow().iter().copied().collect();
        tuple_from_vec(vm, items)
    }
}

fn deque_of(vm: &mut Vm, v: Value) -> PyResult<&'static Deque> {
    native_data::<Deque>(v).ok_or_else(|| {
        let tn = vm.type_name(v);
        vm.type_error(format!("descriptor requires a 'collections.deque' object but received '{tn}'"))
    })
}

fn mutated(vm: &mut Vm) -> PyErr {
    vm.runtime_error("deque mutated during iteration")
}

fn deque_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = cls_arg(vm, &args, "deque")?;
    let data = Deque { items: RefCell::new(VecDeque::new()), maxlen: Cell::new(None), state: Cell::new(0) };
    Ok(new_native_object(vm, data, cls))
}

static DEQUE_INIT_SIG: Signature = Signature {
    name: "deque",
    params: &["self", "iterable", "maxlen"],
    positional_only: 1,
    keyword_only: 3,
    required: 1,
};

fn deque_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, iterable, maxlen] = args.bind::<3>(vm, &DEQUE_INIT_SIG)?;
    let deque = deque_of(vm, this)?;
    let maxlen = if maxlen.is_null() || vm.is_none(maxlen) {
        None
    } else {
        if !krait_vm::types::int::is_int(maxlen) && attr::lookup_special(vm, maxlen, "__index__").is_none() {
            return Err(vm.type_error("an integer is required"));
        }
        let n = number::to_index_isize(vm, maxlen)?;
        if n < 0 {
            return Err(vm.value_error("maxlen must be non-negative"));
        }
        Some(n as usize)
    };
    deque.maxlen.set(maxlen);
    if deque.len() > 0 {
        deque.items.borrow_mut().clear();
        deque.changed();
    }
    if !iterable.is_null() {
        extend(vm, this, deque, iterable)?;
    }
    Ok(vm.none())
}

fn extend(vm: &mut Vm, this: Value, deque: &Deque, iterable: Value) -> PyResult<()> {
    // `d.extend(d)` iterates over a snapshot.
    let source = if iterable.is(this) { deque.snapshot(vm) } else { iterable };
    let it = iter::iter(vm, source)?;
    while let Some(item) = iter::next(vm, it)? {
        deque.append(item);
    }
    Ok(())
}

fn extendleft(vm: &mut Vm, this: Value, deque: &Deque, iterable: Value) -> PyResult<()> {
    let source = if iterable.is(this) { deque.snapshot(vm) } else { iterable };
    let it = iter::iter(vm, source)?;
    while let Some(item) = iter::next(vm, it)? {
        deque.appendleft(item);
    }
    Ok(())
}

fn deque_append(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, v] = args.exact::<2>(vm, "append")?;
    deque_of(vm, this)?.append(v);
    Ok(vm.none())
}

fn deque_appendleft(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, v] = args.exact::<2>(vm, "appendleft")?;
    deque_of(vm, this)?.appendleft(v);
    Ok(vm.none())
}

fn deque_pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "pop")?;
    let deque = deque_of(vm, this)?;
    let item = deque.items.borrow_mut().pop_back();
    match item {
        Some(v) => {
            deque.changed();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn deque_popleft(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "popleft")?;
    let deque = deque_of(vm, this)?;
    let item = deque.items.borrow_mut().pop_front();
    match item {
        Some(v) => {
            deque.changed();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn deque_extend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, iterable] = args.exact::<2>(vm, "extend")?;
    let deque = deque_of(vm, this)?;
    extend(vm, this, deque, iterable)?;
    Ok(vm.none())
}

fn deque_extendleft(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, iterable] = args.exact::<2>(vm, "extendleft")?;
    let deque = deque_of(vm, this)?;
    extendleft(vm, this, deque, iterable)?;
    Ok(vm.none())
}

fn deque_clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "clear")?;
    let deque = deque_of(vm, this)?;
    deque.items.borrow_mut().clear();
    deque.changed();
    Ok(vm.none())
}

fn new_deque_like(vm: &mut Vm, this: Value, deque: &Deque, items: Value) -> PyResult {
    let cls = vm.class_of(this);
    let maxlen = match deque.maxlen.get() {
        Some(n) => vm.new_int(n as i64),
        None => vm.none(),
    };
    let exact = std::ptr::eq(cls.instance_layout(), DEQUE_SPEC.layout);
    if exact {
        let data =
            Deque { items: RefCell::new(VecDeque::new()), maxlen: Cell::new(deque.maxlen.get()), state: Cell::new(0) };
        let copy = new_native_object(vm, data, cls);
        let new_deque = native_data::<Deque>(copy).expect("deque");
        extend(vm, copy, new_deque, items)?;
        return Ok(copy);
    }
    // A subclass: call it as CPython does.
    if deque.maxlen.get().is_none() {
        call::call(vm, cls.value(), &[items])
    } else {
        call::call(vm, cls.value(), &[items, maxlen])
    }
}

fn deque_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "copy")?;
    let deque = deque_of(vm, this)?;
    let items = deque.snapshot(vm);
    new_deque_like(vm, this, deque, items)
}

/// Compare items with `v` one by one, failing if the deque changes meanwhile.
fn find(vm: &mut Vm, deque: &Deque, v: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let state = deque.state.get();
    let mut i = start;
    while i < stop.min(deque.len()) {
        let Some(item) = deque.get(i) else { break };
        let equal = item.is(v) || compare::eq(vm, item, v)?;
        if deque.state.get() != state {
            return Err(mutated(vm));
        }
        if equal {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn deque_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, v] = args.exact::<2>(vm, "count")?;
    let deque = deque_of(vm, this)?;
    let state = deque.state.get();
    let mut count = 0;
    let mut i = 0;
    while let Some(item) = deque.get(i) {
        if item.is(v) || compare::eq(vm, item, v)? {
            count += 1;
        }
        if deque.state.get() != state {
            return Err(mutated(vm));
        }
        i += 1;
    }
    Ok(vm.new_int(count))
}

fn deque_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, v] = args.exact::<2>(vm, "__contains__")?;
    let deque = deque_of(vm, this)?;
    let found = find(vm, deque, v, 0, usize::MAX)?.is_some();
    Ok(vm.bool_value(found))
}

fn clamp_index(vm: &mut Vm, v: Value, len: usize) -> PyResult<usize> {
    let n = krait_vm::types::slice::slice_index_not_none(vm, v)?;
    Ok(if n < 0 { (n + len as isize).max(0) as usize } else { (n as usize).min(len) })
}

fn deque_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let given = args.positional_range(vm, "index", 2, 4)?;
    let (this, v) = (given[0], given[1]);
    let deque = deque_of(vm, this)?;
    let len = deque.len();
    let start = match given.get(2) {
        Some(&s) => clamp_index(vm, s, len)?,
        None => 0,
    };
    let stop = match given.get(3) {
        Some(&s) => clamp_index(vm, s, len)?,
        None => len,
    };
    match find(vm, deque, v, start, stop)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => {
            let text = object::repr(vm, v)?.as_str().to_string();
            Err(vm.value_error(format!("{text} is not in deque")))
        }
    }
}

fn deque_insert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, index, v] = args.exact::<3>(vm, "insert")?;
    let deque = deque_of(vm, this)?;
    let index = number::to_index_isize(vm, index)?;
    let len = deque.len();
    if deque.maxlen.get() == Some(len) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let at = if index < 0 { (index + len as isize).max(0) as usize } else { (index as usize).min(len) };
    deque.items.borrow_mut().insert(at, v);
    deque.changed();
    Ok(vm.none())
}

fn deque_remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, v] = args.exact::<2>(vm, "remove")?;
    let deque = deque_of(vm, this)?;
    let state = deque.state.get();
    let mut i = 0;
    while let Some(item) = deque.get(i) {
        let equal = item.is(v) || compare::eq(vm, item, v)?;
        if deque.state.get() != state {
            return Err(vm.index_error("deque mutated during iteration"));
        }
        if equal {
            deque.items.borrow_mut().remove(i);
            deque.changed();
            return Ok(vm.none());
        }
        i += 1;
    }
    let text = object::repr(vm, v)?.as_str().to_string();
    Err(vm.value_error(format!("{text} is not in deque")))
}

fn deque_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "reverse")?;
    let deque = deque_of(vm, this)?;
    deque.items.borrow_mut().make_contiguous().reverse();
    deque.changed();
    Ok(vm.none())
}

fn deque_rotate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let given = args.positional_range(vm, "rotate", 1, 2)?;
    let deque = deque_of(vm, given[0])?;
    let n = match given.get(1) {
        Some(&n) => number::to_index_isize(vm, n)?,
        None => 1,
    };
    deque.rotate(n);
    Ok(vm.none())
}

fn deque_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let deque = deque_of(vm, args.this())?;
    Ok(vm.new_int(deque.len() as i64))
}

fn item_index(vm: &mut Vm, deque: &Deque, key: Value) -> PyResult<usize> {
    if !krait_vm::types::int::is_int(key) && attr::lookup_special(vm, key, "__index__").is_none() {
        let tn = vm.type_name(key);
        return Err(vm.type_error(format!("sequence index must be integer, not '{tn}'")));
    }
    let index = number::to_index_isize(vm, key)?;
    let len = deque.len() as isize;
    let index = if index < 0 { index + len } else { index };
    if index < 0 || index >= len {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(index as usize)
}

fn deque_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__getitem__")?;
    let deque = deque_of(vm, this)?;
    let i = item_index(vm, deque, key)?;
    match deque.get(i) {
        Some(v) => Ok(v),
        None => Err(vm.index_error("deque index out of range")),
    }
}

fn deque_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key, value] = args.exact::<3>(vm, "__setitem__")?;
    let deque = deque_of(vm, this)?;
    let i = item_index(vm, deque, key)?;
    if let Some(slot) = deque.items.borrow_mut().get_mut(i) {
        *slot = value;
    }
    Ok(vm.none())
}

fn deque_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__delitem__")?;
    let deque = deque_of(vm, this)?;
    let i = item_index(vm, deque, key)?;
    deque.items.borrow_mut().remove(i);
    deque.changed();
    Ok(vm.none())
}

fn deque_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let deque = deque_of(vm, this)?;
    let name = vm.class_of(this).name().to_string();
    if !krait_vm::types::list::repr_enter(vm, this) {
        return Ok(vm.new_str("[...]"));
    }
    let items: Vec<Value> = deque.items.borrow().iter().copied().collect();
    let list = krait_vm::types::list::list_from_vec(vm, items);
    let text = object::repr(vm, list);
    krait_vm::types::list::repr_leave(vm, this);
    let text = text?.as_str().to_string();
    let result = match deque.maxlen.get() {
        Some(n) => format!("{name}({text}, maxlen={n})"),
        None => format!("{name}({text})"),
    };
    Ok(vm.new_str(&result))
}

fn deque_compare(vm: &mut Vm, args: Args<'_>, op: ComparisonOp) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__eq__")?;
    let (Some(a), Some(b)) = (native_data::<Deque>(this), native_data::<Deque>(other)) else {
        return Ok(vm.not_implemented());
    };
    if matches!(op, ComparisonOp::Eq | ComparisonOp::Ne) && a.len() != b.len() {
        return Ok(vm.bool_value(op == ComparisonOp::Ne));
    }
    let x = a.snapshot(vm);
    let y = b.snapshot(vm);
    compare::rich_compare(vm, x, y, op)
}

fn deque_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__add__")?;
    let deque = deque_of(vm, this)?;
    let Some(theirs) = native_data::<Deque>(other) else {
        let tn = vm.type_name(other);
        return Err(vm.type_error(format!("can only concatenate deque (not \"{tn}\") to deque")));
    };
    let first = deque.snapshot(vm);
    let result = new_deque_like(vm, this, deque, first)?;
    let second = theirs.snapshot(vm);
    let target = deque_of(vm, result)?;
    extend(vm, result, target, second)?;
    Ok(result)
}

fn deque_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__iadd__")?;
    let deque = deque_of(vm, this)?;
    extend(vm, this, deque, other)?;
    Ok(this)
}

fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<isize>> {
    if !krait_vm::types::int::is_int(n) && attr::lookup_special(vm, n, "__index__").is_none() {
        return Ok(None);
    }
    Ok(Some(number::to_index_isize(vm, n)?))
}

fn repeat_in_place(vm: &mut Vm, deque: &Deque, n: isize) -> PyResult<()> {
    if n <= 0 {
        deque.items.borrow_mut().clear();
        deque.changed();
        return Ok(());
    }
    let items: Vec<Value> = deque.items.borrow().iter().copied().collect();
    let total = items.len().checked_mul(n as usize).ok_or_else(|| vm.memory_error())?;
    let keep = deque.maxlen.get().map_or(total, |m| total.min(m));
    if total > (1 << 40) {
        return Err(vm.memory_error());
    }
    // The deque keeps `items` alive: they are its current contents.
    let mut result = VecDeque::with_capacity(keep);
    for i in total - keep..total {
        result.push_back(items[i % items.len().max(1)]);
    }
    if items.is_empty() {
        result.clear();
    }
    *deque.items.borrow_mut() = result;
    deque.changed();
    Ok(())
}

fn deque_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, n] = args.exact::<2>(vm, "__mul__")?;
    let deque = deque_of(vm, this)?;
    let Some(count) = repeat_count(vm, n)? else {
        let tn = vm.type_name(n);
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{tn}'")));
    };
    let items = deque.snapshot(vm);
    let result = new_deque_like(vm, this, deque, items)?;
    let target = deque_of(vm, result)?;
    repeat_in_place(vm, target, count)?;
    Ok(result)
}

fn deque_imul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, n] = args.exact::<2>(vm, "__imul__")?;
    let deque = deque_of(vm, this)?;
    let Some(count) = repeat_count(vm, n)? else {
        let tn = vm.type_name(n);
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{tn}'")));
    };
    repeat_in_place(vm, deque, count)?;
    Ok(this)
}

fn deque_hash(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.type_error("unhashable type: 'collections.deque'"))
}

fn deque_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let deque = deque_of(vm, this)?;
    let cls = vm.class_of(this).value();
    let empty = vm.singletons.empty_tuple;
    let ctor_args = match deque.maxlen.get() {
        Some(n) => {
            let n = vm.new_int(n as i64);
            new_tuple(vm, &[empty, n])
        }
        None => empty,
    };
    let state = attr::instance_dict(vm, this).unwrap_or_else(|_| vm.none());
    let items = deque.snapshot(vm);
    let it = iter::iter(vm, items)?;
    Ok(new_tuple(vm, &[cls, ctor_args, state, it]))
}

fn deque_maxlen(vm: &mut Vm, v: Value) -> PyResult {
    match deque_of(vm, v)?.maxlen.get() {
        Some(n) => Ok(vm.new_int(n as i64)),
        None => Ok(vm.none()),
    }
}

fn deque_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let deque = deque_of(vm, this)?;
    let ty = crate::util::module_type(vm, "_collections", "_deque_iterator")?;
    Ok(new_deque_iterator(vm, this, deque, false, ty))
}

fn deque_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let deque = deque_of(vm, this)?;
    let ty = crate::util::module_type(vm, "_collections", "_deque_reverse_iterator")?;
    Ok(new_deque_iterator(vm, this, deque, true, ty))
}

static DEQUE_SPEC: TypeSpec = TypeSpec {
    name: "deque",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: PyNativeObject::LAYOUT_WITH_ATTRS,
    methods: &[
        MethodDef::staticmethod("__new__", deque_new),
        MethodDef::method("__init__", deque_init),
        MethodDef::method("append", deque_append),
        MethodDef::method("appendleft", deque_appendleft),
        MethodDef::method("pop", deque_pop),
        MethodDef::method("popleft", deque_popleft),
        MethodDef::method("extend", deque_extend),
        MethodDef::method("extendleft", deque_extendleft),
        MethodDef::method("clear", deque_clear),
        MethodDef::method("copy", deque_copy),
        MethodDef::method("__copy__", deque_copy),
        MethodDef::method("count", deque_count),
        MethodDef::method("index", deque_index),
        MethodDef::method("insert", deque_insert),
        MethodDef::method("remove", deque_remove),
        MethodDef::method("reverse", deque_reverse),
        MethodDef::method("rotate", deque_rotate),
        MethodDef::method("__len__", deque_len),
        MethodDef::method("__contains__", deque_contains),
        MethodDef::method("__getitem__", deque_getitem),
        MethodDef::method("__setitem__", deque_setitem),
        MethodDef::method("__delitem__", deque_delitem),
        MethodDef::method("__iter__", deque_iter),
        MethodDef::method("__reversed__", deque_reversed),
        MethodDef::method("__repr__", deque_repr),
        MethodDef::method("__eq__", |vm, args| deque_compare(vm, args, ComparisonOp::Eq)),
        MethodDef::method("__ne__", |vm, args| deque_compare(vm, args, ComparisonOp::Ne)),
        MethodDef::method("__lt__", |vm, args| deque_compare(vm, args, ComparisonOp::Lt)),
        MethodDef::method("__le__", |vm, args| deque_compare(vm, args, ComparisonOp::Le)),
        MethodDef::method("__gt__", |vm, args| deque_compare(vm, args, ComparisonOp::Gt)),
        MethodDef::method("__ge__", |vm, args| deque_compare(vm, args, ComparisonOp::Ge)),
        MethodDef::method("__add__", deque_add),
        MethodDef::method("__iadd__", deque_iadd),
        MethodDef::method("__mul__", deque_mul),
        MethodDef::method("__rmul__", deque_mul),
        MethodDef::method("__imul__", deque_imul),
        MethodDef::method("__hash__", deque_hash),
        MethodDef::method("__reduce__", deque_reduce),
        MethodDef::classmethod("__class_getitem__", krait_vm::types::generic_alias::class_getitem),
    ],
    getsets: &[GetSetDef::readonly("maxlen", deque_maxlen)],
    doc: "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near its endpoints.",
};

// ---- the deque iterators ------------------------------------------------------------------------

struct DequeIterator {
    deque: ValueCell,
    reverse: bool,
    /// Items yielded so far.
    index: Cell<usize>,
    /// The deque's state when the iterator was made.
    state: u64,
    /// Items still to yield (0 after an error).
    remaining: Cell<usize>,
}

impl NativeData for DequeIterator {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.deque.get());
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let deque = native_data::<Deque>(self.deque.get()).expect("deque");
        if deque.state.get() != self.state {
            self.remaining.set(0);
            return Some(Err(mutated(vm)));
        }
        if self.remaining.get() == 0 {
            return Some(Ok(None));
        }
        let i = self.index.get();
        let len = deque.len();
        let position = if self.reverse { len.checked_sub(i + 1) } else { Some(i) };
        let item = position.and_then(|p| deque.get(p));
        self.index.set(i + 1);
        self.remaining.set(self.remaining.get() - 1);
        Some(Ok(item))
    }
}

fn new_deque_iterator(vm: &mut Vm, this: Value, deque: &Deque, reverse: bool, ty: Gc<PyType>) -> Value {
    let data = DequeIterator {
        deque: ValueCell::new(this),
        reverse,
        index: Cell::new(0),
        state: deque.state.get(),
        remaining: Cell::new(deque.len()),
    };
    new_native_object(vm, data, ty)
}

fn deque_iter_new(vm: &mut Vm, args: Args<'_>, reverse: bool) -> PyResult {
    let cls = cls_arg(vm, &args, "_deque_iterator")?;
    let given = &args.positional()[1..];
    let Some(&target) = given.first() else {
        return Err(vm.type_error("_deque_iterator expected at least 1 argument, got 0"));
    };
    let deque = deque_of(vm, target)?;
    let it = new_deque_iterator(vm, target, deque, reverse, cls);
    if let Some(&skip) = given.get(1) {
        let n = number::to_index_isize(vm, skip)?.max(0) as usize;
        for _ in 0..n {
            let data = native_data::<DequeIterator>(it).expect("iterator");
            if data.iter_next(vm, it).expect("advances")?.is_none() {
                break;
            }
        }
    }
    Ok(it)
}

fn deque_iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(it) = native_data::<DequeIterator>(this) else {
        return Err(vm.type_error("expected a deque iterator"));
    };
    match it.iter_next(vm, this).expect("advances")? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NULL)),
    }
}

fn deque_iter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(it) = native_data::<DequeIterator>(args.this()) else {
        return Err(vm.type_error("expected a deque iterator"));
    };
    Ok(vm.new_int(it.remaining.get() as i64))
}

fn iter_self(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.this())
}

static DEQUE_ITER_SPEC: TypeSpec = TypeSpec {
    name: "_deque_iterator",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", |vm, args| deque_iter_new(vm, args, false)),
        MethodDef::method("__iter__", iter_self),
        MethodDef::method("__next__", deque_iter_next),
        MethodDef::method("__length_hint__", deque_iter_length_hint),
    ],
    getsets: &[],
    doc: "",
};

static DEQUE_REVERSE_ITER_SPEC: TypeSpec = TypeSpec {
    name: "_deque_reverse_iterator",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", |vm, args| deque_iter_new(vm, args, true)),
        MethodDef::method("__iter__", iter_self),
        MethodDef::method("__next__", deque_iter_next),
        MethodDef::method("__length_hint__", deque_iter_length_hint),
    ],
    getsets: &[],
    doc: "",
};

// ---- defaultdict --------------------------------------------------------------------------------

fn make_defaultdict_type(vm: &mut Vm) -> PyResult {
    let namespace = PyDict::new(vm);
    let module = vm.new_str("collections");
    dict_set_str(vm, namespace, "__module__", module);
    let doc = vm.new_str(
        "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n\
         The default factory is called without arguments to produce\n\
         a new value when a key is not present, in __getitem__ only.\n\
         A defaultdict compares equal to a dict with the same items.\n\
         All remaining arguments are treated the same as if they were\n\
         passed to the dict constructor, including keyword arguments.\n",
    );
    dict_set_str(vm, namespace, "__doc__", doc);
    let slot = vm.intern("default_factory");
    let slots = new_tuple(vm, &[slot]);
    dict_set_str(vm, namespace, "__slots__", slots);
    let name = vm.new_str("defaultdict");
    let bases = new_tuple(vm, &[vm.types.dict.value()]);
    let type_value = vm.types.type_.value();
    let class = call::call(vm, type_value, &[name, bases, namespace.value()])?;
    let ty = class.downcast::<PyType>().expect("type() returns a type");
    add_heap_type_methods(vm, ty, DEFAULTDICT_METHODS)?;
    Ok(class)
}

fn default_factory(vm: &mut Vm, this: Value) -> PyResult {
    match attr::getattr_opt(vm, this, "default_factory")? {
        Some(v) => Ok(v),
        None => Ok(vm.none()),
    }
}

fn defaultdict_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let all = args.all();
    let this = all[0];
    let positional = args.positional();
    let (factory, rest_start) = match positional.get(1) {
        Some(&f) => (f, 2),
        None => (vm.none(), 1),
    };
    if !vm.is_none(factory) {
        let cls = vm.class_of(factory);
        if cls.lookup_str(vm, "__call__").is_none() {
            return Err(vm.type_error("first argument must be callable or None"));
        }
    }
    let name = vm.intern("default_factory").downcast::<PyStr>().expect("interned str");
    attr::setattr(vm, this, name, factory)?;
    let dict_init = vm.types.dict.lookup_str(vm, "__init__").expect("dict.__init__");
    let mut call_args = vec![this];
    call_args.extend_from_slice(&all[rest_start..]);
    call::call_kw(vm, dict_init, &call_args, args.kwnames())?;
    Ok(vm.none())
}

fn defaultdict_missing(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__missing__")?;
    let factory = default_factory(vm, this)?;
    if vm.is_none(factory) {
        return Err(vm.key_error(key));
    }
    let value = call::call(vm, factory, &[])?;
    krait_vm::protocol::sequence::setitem(vm, this, key, value)?;
    Ok(value)
}

fn defaultdict_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let factory = default_factory(vm, this)?;
    let factory_text = if vm.is_none(factory) {
        "None".to_string()
    } else if !krait_vm::types::list::repr_enter(vm, factory) {
        "...".to_string()
    } else {
        let text = object::repr(vm, factory);
        krait_vm::types::list::repr_leave(vm, factory);
        text?.as_str().to_string()
    };
    let dict_repr = vm.types.dict.lookup_str(vm, "__repr__").expect("dict.__repr__");
    let base = call::call(vm, dict_repr, &[this])?;
    let base = object::str(vm, base)?.as_str().to_string();
    let name = vm.class_of(this).name().to_string();
    let text = format!("{name}({factory_text}, {base})");
    Ok(vm.new_str(&text))
}

fn defaultdict_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "copy")?;
    let factory = default_factory(vm, this)?;
    let cls = vm.class_of(this).value();
    call::call(vm, cls, &[factory, this])
}

fn defaultdict_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let factory = default_factory(vm, this)?;
    let cls = vm.class_of(this).value();
    let ctor_args = if vm.is_none(factory) { vm.singletons.empty_tuple } else { new_tuple(vm, &[factory]) };
    let items = call::call_method(vm, this, "items", &[])?;
    let it = iter::iter(vm, items)?;
    let none = vm.none();
    Ok(new_tuple(vm, &[cls, ctor_args, none, none, it]))
}

fn defaultdict_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__or__")?;
    if other.downcast::<PyDict>().is_none() {
        return Ok(vm.not_implemented());
    }
    let factory = default_factory(vm, this)?;
    let cls = vm.class_of(this).value();
    let result = call::call(vm, cls, &[factory, this])?;
    call::call_method(vm, result, "update", &[other])?;
    Ok(result)
}

fn defaultdict_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__ror__")?;
    if other.downcast::<PyDict>().is_none() {
        return Ok(vm.not_implemented());
    }
    let factory = default_factory(vm, this)?;
    let cls = vm.class_of(this).value();
    let result = call::call(vm, cls, &[factory, other])?;
    call::call_method(vm, result, "update", &[this])?;
    Ok(result)
}

static DEFAULTDICT_METHODS: &[MethodDef] = &[
    MethodDef::method("__init__", defaultdict_init),
    MethodDef::method("__missing__", defaultdict_missing),
    MethodDef::method("__repr__", defaultdict_repr),
    MethodDef::method("copy", defaultdict_copy),
    MethodDef::method("__copy__", defaultdict_copy),
    MethodDef::method("__reduce__", defaultdict_reduce),
    MethodDef::method("__or__", defaultdict_or),
    MethodDef::method("__ror__", defaultdict_ror),
];

// ---- _count_elements ----------------------------------------------------------------------------

fn count_elements(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [mapping, iterable] = args.exact::<2>(vm, "_count_elements")?;
    let it = iter::iter(vm, iterable)?;
    let one = Value::from_small(1);
    // CPython's fast path: a dict whose `get` and `__setitem__` are dict's.
    let cls = vm.class_of(mapping);
    let dict_get = vm.types.dict.lookup_str(vm, "get");
    let dict_setitem = vm.types.dict.lookup_str(vm, "__setitem__");
    let fast = mapping.downcast::<PyDict>().filter(|_| {
        let get = cls.lookup_str(vm, "get");
        let setitem = cls.lookup_str(vm, "__setitem__");
        get.zip(dict_get).is_some_and(|(a, b)| a.is(b)) && setitem.zip(dict_setitem).is_some_and(|(a, b)| a.is(b))
    });
    while let Some(item) = iter::next(vm, it)? {
        match fast {
            Some(dict) => {
                let hash = krait_vm::protocol::hash::hash(vm, item)?;
                let count = match dict.get_item_hashed(vm, item, hash)? {
                    Some(old) => {
                        krait_vm::protocol::number::binary_op(vm, old, one, krait_bytecode::BinaryOp::Add, false)?
                    }
                    None => one,
                };
                dict.set_item_hashed(vm, item, hash, count)?;
            }
            None => {
                let zero = Value::from_small(0);
                let old = call::call_method(vm, mapping, "get", &[item, zero])?;
                let count = krait_vm::protocol::number::binary_op(vm, old, one, krait_bytecode::BinaryOp::Add, false)?;
                krait_vm::protocol::sequence::setitem(vm, mapping, item, count)?;
            }
        }
    }
    Ok(vm.none())
}

// ---- _tuplegetter -------------------------------------------------------------------------------

struct TupleGetter {
    index: usize,
    doc: ValueCell,
}

impl NativeData for TupleGetter {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.doc.get());
    }
}

fn getter_of(vm: &mut Vm, v: Value) -> PyResult<&'static TupleGetter> {
    native_data::<TupleGetter>(v).ok_or_else(|| vm.type_error("expected a _tuplegetter"))
}

fn tuplegetter_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = cls_arg(vm, &args, "_tuplegetter")?;
    if args.has_kwargs() {
        return Err(vm.type_error("_tuplegetter() takes no keyword arguments"));
    }
    let given = &args.positional()[1..];
    if given.len() != 2 {
        return Err(vm.type_error(format!("_tuplegetter expected 2 arguments, got {}", given.len())));
    }
    let index = number::to_index_isize(vm, given[0])?;
    let data = TupleGetter { index: index.max(0) as usize, doc: ValueCell::new(given[1]) };
    Ok(new_native_object(vm, data, cls))
}

fn tuplegetter_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let given = args.positional_range(vm, "__get__", 2, 3)?;
    let (this, obj) = (given[0], given[1]);
    let getter = getter_of(vm, this)?;
    if vm.is_none(obj) {
        return Ok(this);
    }
    let Some(tuple) = obj.downcast::<PyTuple>() else {
        let tn = vm.type_name(obj);
        return Err(vm.type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{tn}' object",
            getter.index
        )));
    };
    match tuple.as_slice().get(getter.index) {
        Some(&v) => Ok(v),
        None => Err(vm.index_error("tuple index out of range")),
    }
}

fn tuplegetter_set(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.attribute_error("can't set attribute"))
}

fn tuplegetter_delete(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(vm.attribute_error("can't delete attribute"))
}

fn tuplegetter_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let getter = getter_of(vm, this)?;
    let doc = object::repr(vm, getter.doc.get())?.as_str().to_string();
    let name = vm.class_of(this).name().to_string();
    let text = format!("{name}({}, {doc})", getter.index);
    Ok(vm.new_str(&text))
}

fn tuplegetter_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let getter = getter_of(vm, this)?;
    let cls = vm.class_of(this).value();
    let index = vm.new_int(getter.index as i64);
    let ctor_args = new_tuple(vm, &[index, getter.doc.get()]);
    Ok(new_tuple(vm, &[cls, ctor_args]))
}

static TUPLEGETTER_SPEC: TypeSpec = TypeSpec {
    name: "_tuplegetter",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", tuplegetter_new),
        MethodDef::method("__get__", tuplegetter_get),
        MethodDef::method("__set__", tuplegetter_set),
        MethodDef::method("__delete__", tuplegetter_delete),
        MethodDef::method("__repr__", tuplegetter_repr),
        MethodDef::method("__reduce__", tuplegetter_reduce),
    ],
    getsets: &[GetSetDef::new(
        "__doc__",
        |vm, v| Ok(getter_of(vm, v)?.doc.get()),
        |vm, v, value| {
            let getter = getter_of(vm, v)?;
            getter.doc.set(if value.is_null() { vm.none() } else { value });
            Ok(())
        },
    )],
    doc: "",
};
