//! The `itertools` module (CPython 3.11: `Modules/itertoolsmodule.c`).
//!
//! Every iterator is a native object (`PyNativeObject`) holding one state
//! struct per type. Each struct implements `NativeData::iter_next`, the one
//! "advance" primitive: the interpreter calls it directly for exact
//! instances, and the type's `__next__` wraps it. States keep their values
//! in `ValueCell`s or in `RefCell`s that are borrowed only between calls
//! into Python, never across one: a step copies what it needs out, calls,
//! and stores the new position afterwards. Like CPython's, the iterators are
//! lazy: constructors only call `iter()` on their arguments.
//!
//! The combinatoric iterators (`product`, `permutations`, `combinations`,
//! `combinations_with_replacement`) keep their pools as tuples and their
//! positions as index vectors, following the algorithms in the
//! `itertools` documentation.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use krait_bytecode::BinaryOp;
use krait_vm::error::PyResult;
use krait_vm::gc::Tracer;
use krait_vm::import::NativeModuleDef;
use krait_vm::native::{Args, MethodDef, Signature};
use krait_vm::object::{Gc, PyPayload, ValueCell};
use krait_vm::protocol::{call, iter, number, object};
use krait_vm::types::module::PyModule;
use krait_vm::types::native_object::{native_data, new_native_object, new_native_type, NativeData, PyNativeObject};
use krait_vm::types::tuple::{new_tuple, tuple_from_vec, PyTuple};
use krait_vm::types::typeobject::PyType;
use krait_vm::types::TypeSpec;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

pub static ITERTOOLS: NativeModuleDef = NativeModuleDef {
    name: "itertools",
    doc: "Functional tools for creating and using iterators.",
    methods: &[MethodDef::function("tee", itertools_tee)],
    init: Some(itertools_init),
};

/// The module's types, in the order `init` creates them.
static TYPES: &[(&str, &TypeSpec)] = &[
    ("count", &COUNT_SPEC),
    ("cycle", &CYCLE_SPEC),
    ("repeat", &REPEAT_SPEC),
    ("accumulate", &ACCUMULATE_SPEC),
    ("chain", &CHAIN_SPEC),
    ("compress", &COMPRESS_SPEC),
    ("dropwhile", &DROPWHILE_SPEC),
    ("takewhile", &TAKEWHILE_SPEC),
    ("filterfalse", &FILTERFALSE_SPEC),
    ("groupby", &GROUPBY_SPEC),
    ("_grouper", &GROUPER_SPEC),
    ("islice", &ISLICE_SPEC),
    ("pairwise", &PAIRWISE_SPEC),
    ("starmap", &STARMAP_SPEC),
    ("_tee", &TEE_SPEC),
    ("zip_longest", &ZIP_LONGEST_SPEC),
    ("product", &PRODUCT_SPEC),
    ("permutations", &PERMUTATIONS_SPEC),
    ("combinations", &COMBINATIONS_SPEC),
    ("combinations_with_replacement", &CWR_SPEC),
];

fn itertools_init(vm: &mut Vm, module: Gc<PyModule>) -> PyResult<()> {
    for (name, spec) in TYPES {
        let ty = new_native_type(vm, spec, None, "itertools");
        module.set_attr(vm, name, ty.value());
    }
    Ok(())
}

fn module_type(vm: &mut Vm, name: &str) -> PyResult<Gc<PyType>> {
    crate::util::module_type(vm, "itertools", name)
}

// ---- shared pieces ------------------------------------------------------------------------------

macro_rules! iterator_spec {
    ($spec:ident, $name:literal, $new:expr, $next:ident, [$($extra:expr),*]) => {
        static $spec: TypeSpec = TypeSpec {
            name: $name,
            base: None,
            layout: PyNativeObject::LAYOUT,
            layout_with_attrs: PyNativeObject::LAYOUT_WITH_ATTRS,
            methods: &[
                MethodDef::staticmethod("__new__", $new),
                MethodDef::method("__iter__", iter_self),
                MethodDef::method("__next__", |vm, args| generic_next::<$next>(vm, args)),
                $($extra,)*
            ],
            getsets: &[],
            doc: "",
        };
    };
}

fn iter_self(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.this())
}

fn generic_next<T: NativeData>(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let Some(state) = native_data::<T>(this) else {
        let name = vm.type_name(this);
        return Err(vm.type_error(format!("descriptor '__next__' requires an itertools object, not '{name}'")));
    };
    match state.iter_next(vm, this).expect("itertools state advances") {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(vm.stop_iteration(Value::NULL)),
        Err(e) => Err(e),
    }
}

fn state<T: NativeData>(vm: &mut Vm, this: Value, name: &str) -> PyResult<&'static T> {
    native_data::<T>(this).ok_or_else(|| {
        let tn = vm.type_name(this);
        vm.type_error(format!("descriptor '{name}' requires an itertools object, not '{tn}'"))
    })
}

/// `cls` of a `__new__` (a type object).
fn new_cls(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Gc<PyType>> {
    match args.positional().first().and_then(|c| c.downcast::<PyType>()) {
        Some(cls) => Ok(cls),
        None => Err(vm.type_error(format!("{name}.__new__(X): X is not a type object"))),
    }
}

/// `__new__`'s arguments after `cls`, with CPython's "takes no keyword
/// arguments" check for types that take none.
fn new_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(&args.positional()[1..])
}

fn count_error(vm: &mut Vm, name: &str, min: usize, max: usize, given: usize) -> krait_vm::error::PyErr {
    let message = if min == max {
        format!("{name} expected {min} argument{}, got {given}", if min == 1 { "" } else { "s" })
    } else if given < min {
        format!("{name} expected at least {min} argument{}, got {given}", if min == 1 { "" } else { "s" })
    } else {
        format!("{name} expected at most {max} argument{}, got {given}", if max == 1 { "" } else { "s" })
    };
    vm.type_error(message)
}

fn exact_args<'a, const N: usize>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<[Value; N]> {
    let rest = new_args(vm, args, name)?;
    if rest.len() != N {
        return Err(count_error(vm, name, N, N, rest.len()));
    }
    Ok(std::array::from_fn(|i| rest[i]))
}

fn bind_new<const N: usize>(vm: &mut Vm, args: &Args<'_>, sig: &Signature) -> PyResult<[Value; N]> {
    let rest = Args::new(&args.all()[1..], args.kwnames());
    rest.bind::<N>(vm, sig)
}

fn opt(v: Value) -> Option<Value> {
    if v.is_null() {
        None
    } else {
        Some(v)
    }
}

fn make(vm: &mut Vm, cls: Gc<PyType>, data: impl NativeData) -> PyResult {
    Ok(new_native_object(vm, data, cls))
}

fn mark_cell(tracer: &mut Tracer, cell: &ValueCell) {
    let v = cell.get();
    if !v.is_null() {
        tracer.mark(v);
    }
}

/// An iterator kept until it is exhausted, then dropped (CPython clears
/// its reference so the underlying object can be freed).
fn next_from(vm: &mut Vm, cell: &ValueCell) -> PyResult<Option<Value>> {
    let it = cell.get();
    if it.is_null() {
        return Ok(None);
    }
    let item = iter::next(vm, it)?;
    if item.is_none() {
        cell.set(Value::NULL);
    }
    Ok(item)
}

// ---- count --------------------------------------------------------------------------------------

struct Count {
    /// The next value (fast mode: a small int; `step` is then 1).
    current: ValueCell,
    step: ValueCell,
    /// `count(n)` with an int start and step 1: repr shows no step.
    fast: Cell<bool>,
}

impl NativeData for Count {
    fn trace(&self, tracer: &mut Tracer) {
        mark_cell(tracer, &self.current);
        mark_cell(tracer, &self.step);
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        let current = self.current.get();
        let step = self.step.get();
        if let (Some(c), Some(s)) = (current.as_small_int(), step.as_small_int()) {
            if let Some(next) = c.checked_add(s).and_then(Value::small_int) {
                self.current.set(next);
                return Some(Ok(Some(current)));
            }
        }
        Some(number::binary_op(vm, current, step, BinaryOp::Add, false).map(|next| {
            self.current.set(next);
            Some(current)
        }))
    }
}

fn is_number(vm: &mut Vm, v: Value) -> bool {
    if krait_vm::types::int::is_int(v) || krait_vm::types::float::is_float(v) {
        return true;
    }
    let cls = vm.class_of(v);
    ["__index__", "__int__", "__float__", "__complex__"].iter().any(|name| cls.lookup_str(vm, name).is_some())
}

static COUNT_SIG: Signature =
    Signature { name: "count", params: &["start", "step"], positional_only: 0, keyword_only: 2, required: 0 };

fn count_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "count")?;
    let rest = Args::new(&args.all()[1..], args.kwnames());
    for (name, _) in rest.kwargs() {
        if name.as_str() != "start" && name.as_str() != "step" {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for count()", name.as_str())));
        }
    }
    let [start, step] = rest.bind::<2>(vm, &COUNT_SIG)?;
    let start = opt(start).unwrap_or(Value::from_small(0));
    let step = opt(step).unwrap_or(Value::from_small(1));
    if !is_number(vm, start) || !is_number(vm, step) {
        return Err(vm.type_error("a number is required"));
    }
    let step_is_one = krait_vm::types::int::is_int(step) && krait_vm::types::int::to_i64(step) == Some(1);
    let fast = step_is_one && krait_vm::types::int::is_int(start) && krait_vm::types::int::to_i64(start).is_some();
    let (start, step) = if fast {
        // `count(True)` counts from 1 and shows it as `count(1)`.
        let n = krait_vm::types::int::to_i64(start).expect("checked");
        (vm.new_int(n), Value::from_small(1))
    } else {
        (start, step)
    };
    make(vm, cls, Count { current: ValueCell::new(start), step: ValueCell::new(step), fast: Cell::new(fast) })
}

fn count_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let count = state::<Count>(vm, this, "__repr__")?;
    let name = vm.class_of(this).name().to_string();
    let current = count.current.get();
    let start = object::repr(vm, current)?.as_str().to_string();
    let step = count.step.get();
    let step_is_one = krait_vm::types::int::is_int(step) && krait_vm::types::int::to_i64(step) == Some(1);
    let text = if count.fast.get() || step_is_one {
        format!("{name}({start})")
    } else {
        let step = object::repr(vm, step)?.as_str().to_string();
        format!("{name}({start}, {step})")
    };
    Ok(vm.new_str(&text))
}

iterator_spec!(COUNT_SPEC, "count", count_new, Count, [MethodDef::method("__repr__", count_repr)]);

// ---- cycle --------------------------------------------------------------------------------------

struct Cycle {
    iterator: ValueCell,
    saved: RefCell<Vec<Value>>,
    index: Cell<usize>,
}

impl NativeData for Cycle {
    fn trace(&self, tracer: &mut Tracer) {
        mark_cell(tracer, &self.iterator);
        tracer.mark_all(&self.saved.borrow());
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            if !self.iterator.get().is_null() {
                match next_from(vm, &self.iterator)? {
                    Some(item) => {
                        self.saved.borrow_mut().push(item);
                        return Ok(Some(item));
                    }
                    None => self.index.set(0),
                }
            }
            let saved = self.saved.borrow();
            if saved.is_empty() {
                return Ok(None);
            }
            let i = self.index.get();
            let item = saved[i];
            self.index.set(if i + 1 == saved.len() { 0 } else { i + 1 });
            Ok(Some(item))
        })())
    }
}

fn cycle_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "cycle")?;
    let [iterable] = exact_args::<1>(vm, &args, "cycle")?;
    let it = iter::iter(vm, iterable)?;
    make(vm, cls, Cycle { iterator: ValueCell::new(it), saved: RefCell::new(Vec::new()), index: Cell::new(0) })
}

iterator_spec!(CYCLE_SPEC, "cycle", cycle_new, Cycle, []);

// ---- repeat -------------------------------------------------------------------------------------

struct Repeat {
    element: ValueCell,
    /// `None`: forever.
    remaining: Cell<Option<usize>>,
}

impl NativeData for Repeat {
    fn trace(&self, tracer: &mut Tracer) {
        mark_cell(tracer, &self.element);
    }

    fn iter_next(&self, _vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        match self.remaining.get() {
            None => Some(Ok(Some(self.element.get()))),
            Some(0) => Some(Ok(None)),
            Some(n) => {
                self.remaining.set(Some(n - 1));
                Some(Ok(Some(self.element.get())))
            }
        }
    }
}

static REPEAT_SIG: Signature =
    Signature { name: "repeat", params: &["object", "times"], positional_only: 0, keyword_only: 2, required: 1 };

fn repeat_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "repeat")?;
    let n = args.positional().len() - 1 + args.kwnames().map_or(0, |k| k.len());
    if n > 2 {
        return Err(vm.type_error(format!("repeat() takes at most 2 arguments ({n} given)")));
    }
    let [element, times] = bind_new::<2>(vm, &args, &REPEAT_SIG)?;
    let remaining = match opt(times) {
        None => None,
        Some(times) => {
            let n = number::to_index_isize(vm, times)?;
            Some(n.max(0) as usize)
        }
    };
    make(vm, cls, Repeat { element: ValueCell::new(element), remaining: Cell::new(remaining) })
}

fn repeat_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let repeat = state::<Repeat>(vm, this, "__repr__")?;
    let name = vm.class_of(this).name().to_string();
    let element = object::repr(vm, repeat.element.get())?.as_str().to_string();
    let text = match repeat.remaining.get() {
        None => format!("{name}({element})"),
        Some(n) => format!("{name}({element}, {n})"),
    };
    Ok(vm.new_str(&text))
}

fn repeat_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let repeat = state::<Repeat>(vm, args.this(), "__length_hint__")?;
    match repeat.remaining.get() {
        Some(n) => Ok(vm.new_int(n as i64)),
        None => Err(vm.type_error("len() of unsized object")),
    }
}

iterator_spec!(
    REPEAT_SPEC,
    "repeat",
    repeat_new,
    Repeat,
    [MethodDef::method("__repr__", repeat_repr), MethodDef::method("__length_hint__", repeat_length_hint)]
);

// ---- accumulate ---------------------------------------------------------------------------------

struct Accumulate {
    iterator: ValueCell,
    /// NULL: `operator.add`.
    func: ValueCell,
    /// NULL until the first item.
    total: ValueCell,
    /// NULL once yielded (or when not given).
    initial: ValueCell,
}

impl NativeData for Accumulate {
    fn trace(&self, tracer: &mut Tracer) {
        for cell in [&self.iterator, &self.func, &self.total, &self.initial] {
            mark_cell(tracer, cell);
        }
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            let initial = self.initial.replace(Value::NULL);
            if !initial.is_null() {
                self.total.set(initial);
                return Ok(Some(initial));
            }
            let Some(item) = next_from(vm, &self.iterator)? else { return Ok(None) };
            let total = self.total.get();
            let new_total = if total.is_null() {
                item
            } else {
                let func = self.func.get();
                if func.is_null() {
                    number::binary_op(vm, total, item, BinaryOp::Add, false)?
                } else {
                    call::call(vm, func, &[total, item])?
                }
            };
            self.total.set(new_total);
            Ok(Some(new_total))
        })())
    }
}

static ACCUMULATE_SIG: Signature = Signature {
    name: "accumulate",
    params: &["iterable", "func", "initial"],
    positional_only: 0,
    keyword_only: 2,
    required: 1,
};

fn accumulate_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "accumulate")?;
    let [iterable, func, initial] = bind_new::<3>(vm, &args, &ACCUMULATE_SIG)?;
    let it = iter::iter(vm, iterable)?;
    let func = opt(func).filter(|f| !vm.is_none(*f)).unwrap_or(Value::NULL);
    let initial = opt(initial).filter(|f| !vm.is_none(*f)).unwrap_or(Value::NULL);
    make(
        vm,
        cls,
        Accumulate {
            iterator: ValueCell::new(it),
            func: ValueCell::new(func),
            total: ValueCell::new(Value::NULL),
            initial: ValueCell::new(initial),
        },
    )
}

iterator_spec!(ACCUMULATE_SPEC, "accumulate", accumulate_new, Accumulate, []);

// ---- chain --------------------------------------------------------------------------------------

struct Chain {
    /// An iterator over the iterables; NULL when they are used up.
    source: ValueCell,
    /// The iterator of the current iterable.
    active: ValueCell,
}

impl NativeData for Chain {
    fn trace(&self, tracer: &mut Tracer) {
        mark_cell(tracer, &self.source);
        mark_cell(tracer, &self.active);
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| loop {
            if self.active.get().is_null() {
                let Some(iterable) = next_from(vm, &self.source)? else { return Ok(None) };
                let it = iter::iter(vm, iterable)?;
                self.active.set(it);
            }
            if let Some(item) = next_from(vm, &self.active)? {
                return Ok(Some(item));
            }
        })())
    }
}

fn chain_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "chain")?;
    let rest = new_args(vm, &args, "chain")?;
    let iterables = new_tuple(vm, rest);
    let source = iter::iter(vm, iterables)?;
    make(vm, cls, Chain { source: ValueCell::new(source), active: ValueCell::new(Value::NULL) })
}

fn chain_from_iterable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [cls, iterable] = args.exact::<2>(vm, "from_iterable")?;
    let cls = cls.downcast::<PyType>().expect("classmethod receives a type");
    let source = iter::iter(vm, iterable)?;
    make(vm, cls, Chain { source: ValueCell::new(source), active: ValueCell::new(Value::NULL) })
}

iterator_spec!(
    CHAIN_SPEC,
    "chain",
    chain_new,
    Chain,
    [
        MethodDef::classmethod("from_iterable", chain_from_iterable),
        MethodDef::classmethod("__class_getitem__", krait_vm::types::generic_alias::class_getitem)
    ]
);

// ---- compress -----------------------------------------------------------------------------------

struct Compress {
    data: ValueCell,
    selectors: ValueCell,
}

impl NativeData for Compress {
    fn trace(&self, tracer: &mut Tracer) {
        mark_cell(tracer, &self.data);
        mark_cell(tracer, &self.selectors);
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| loop {
            let Some(datum) = next_from(vm, &self.data)? else { return Ok(None) };
            let Some(selector) = next_from(vm, &self.selectors)? else { return Ok(None) };
            if object::truthy(vm, selector)? {
                return Ok(Some(datum));
            }
        })())
    }
}

static COMPRESS_SIG: Signature =
    Signature { name: "compress", params: &["data", "selectors"], positional_only: 0, keyword_only: 2, required: 2 };

fn compress_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "compress")?;
    let [data, selectors] = bind_new::<2>(vm, &args, &COMPRESS_SIG)?;
    let data = iter::iter(vm, data)?;
    let selectors = iter::iter(vm, selectors)?;
    make(vm, cls, Compress { data: ValueCell::new(data), selectors: ValueCell::new(selectors) })
}

iterator_spec!(COMPRESS_SPEC, "compress", compress_new, Compress, []);

// ---- dropwhile, takewhile, filterfalse, starmap -------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum PredicateKind {
    DropWhile,
    TakeWhile,
    FilterFalse,
    StarMap,
}

struct Predicate {
    kind: PredicateKind,
    func: ValueCell,
    iterator: ValueCell,
    /// dropwhile: still dropping; takewhile: not stopped yet.
    active: Cell<bool>,
}

impl NativeData for Predicate {
    fn trace(&self, tracer: &mut Tracer) {
        mark_cell(tracer, &self.func);
        mark_cell(tracer, &self.iterator);
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| loop {
            if self.kind == PredicateKind::TakeWhile && !self.active.get() {
                return Ok(None);
            }
            let Some(item) = next_from(vm, &self.iterator)? else { return Ok(None) };
            let func = self.func.get();
            match self.kind {
                PredicateKind::StarMap => {
                    let args = if item.downcast::<PyTuple>().is_some() && vm.is_exact(item, vm.types.tuple) {
                        item
                    } else {
                        match krait_vm::protocol::iter::collect(vm, item) {
                            Ok(list) => tuple_from_vec(vm, list.to_vec()),
                            Err(_) => {
                                return Err(vm.type_error("iterator should return tuples"));
                            }
                        }
                    };
                    let args = args.downcast::<PyTuple>().expect("tuple");
                    return call::call(vm, func, args.as_slice()).map(Some);
                }
                PredicateKind::DropWhile => {
                    if !self.active.get() {
                        return Ok(Some(item));
                    }
                    let result = call::call(vm, func, &[item])?;
                    if !object::truthy(vm, result)? {
                        self.active.set(false);
                        return Ok(Some(item));
                    }
                }
                PredicateKind::TakeWhile => {
                    let result = call::call(vm, func, &[item])?;
                    if object::truthy(vm, result)? {
                        return Ok(Some(item));
                    }
                    self.active.set(false);
                    return Ok(None);
                }
                PredicateKind::FilterFalse => {
                    let keep = if vm.is_none(func) {
                        !object::truthy(vm, item)?
                    } else {
                        let result = call::call(vm, func, &[item])?;
                        !object::truthy(vm, result)?
                    };
                    if keep {
                        return Ok(Some(item));
                    }
                }
            }
        })())
    }
}

fn predicate_new(vm: &mut Vm, args: Args<'_>, name: &str, kind: PredicateKind) -> PyResult {
    let cls = new_cls(vm, &args, name)?;
    let [func, iterable] = exact_args::<2>(vm, &args, name)?;
    let it = iter::iter(vm, iterable)?;
    make(vm, cls, Predicate { kind, func: ValueCell::new(func), iterator: ValueCell::new(it), active: Cell::new(true) })
}

iterator_spec!(
    DROPWHILE_SPEC,
    "dropwhile",
    |vm, args| predicate_new(vm, args, "dropwhile", PredicateKind::DropWhile),
    Predicate,
    []
);
iterator_spec!(
    TAKEWHILE_SPEC,
    "takewhile",
    |vm, args| predicate_new(vm, args, "takewhile", PredicateKind::TakeWhile),
    Predicate,
    []
);
iterator_spec!(
    FILTERFALSE_SPEC,
    "filterfalse",
    |vm, args| predicate_new(vm, args, "filterfalse", PredicateKind::FilterFalse),
    Predicate,
    []
);
iterator_spec!(
    STARMAP_SPEC,
    "starmap",
    |vm, args| predicate_new(vm, args, "starmap", PredicateKind::StarMap),
    Predicate,
    []
);

// ---- groupby ------------------------------------------------------------------------------------

struct GroupBy {
    iterator: ValueCell,
    keyfunc: ValueCell,
    /// The key of the group being yielded (NULL before the first).
    target_key: ValueCell,
    /// The last item read and its key (NULL when none is pending).
    current_key: ValueCell,
    current_value: ValueCell,
    /// The grouper object of the current group (only it may advance).
    current_grouper: ValueCell,
}

impl NativeData for GroupBy {
    fn trace(&self, tracer: &mut Tracer) {
        for cell in [
            &self.iterator,
            &self.keyfunc,
            &self.target_key,
            &self.current_key,
            &self.current_value,
            &self.current_grouper,
        ] {
            mark_cell(tracer, cell);
        }
    }

    fn iter_next(&self, vm: &mut Vm, this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            self.current_grouper.set(Value::NULL);
            // Skip to the next key.
            loop {
                if self.current_key.get().is_null() {
                    if !self.step(vm)? {
                        return Ok(None);
                    }
                    continue;
                }
                let target = self.target_key.get();
                if target.is_null() {
                    break;
                }
                let current = self.current_key.get();
                if !krait_vm::protocol::compare::eq(vm, target, current)? {
                    break;
                }
                if !self.step(vm)? {
                    return Ok(None);
                }
            }
            let key = self.current_key.get();
            self.target_key.set(key);
            let grouper_type = module_type(vm, "_grouper")?;
            let grouper = new_native_object(
                vm,
                Grouper { parent: ValueCell::new(this), target_key: ValueCell::new(key) },
                grouper_type,
            );
            self.current_grouper.set(grouper);
            Ok(Some(new_tuple(vm, &[key, grouper])))
        })())
    }
}

impl GroupBy {
    /// Read the next item and its key; false when exhausted.
    fn step(&self, vm: &mut Vm) -> PyResult<bool> {
        let Some(item) = next_from(vm, &self.iterator)? else { return Ok(false) };
        let keyfunc = self.keyfunc.get();
        let key = if keyfunc.is_null() { item } else { call::call(vm, keyfunc, &[item])? };
        self.current_value.set(item);
        self.current_key.set(key);
        Ok(true)
    }
}

static GROUPBY_SIG: Signature =
    Signature { name: "groupby", params: &["iterable", "key"], positional_only: 0, keyword_only: 2, required: 1 };

fn groupby_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "groupby")?;
    let [iterable, key] = bind_new::<2>(vm, &args, &GROUPBY_SIG)?;
    let it = iter::iter(vm, iterable)?;
    let key = opt(key).filter(|k| !vm.is_none(*k)).unwrap_or(Value::NULL);
    make(
        vm,
        cls,
        GroupBy {
            iterator: ValueCell::new(it),
            keyfunc: ValueCell::new(key),
            target_key: ValueCell::new(Value::NULL),
            current_key: ValueCell::new(Value::NULL),
            current_value: ValueCell::new(Value::NULL),
            current_grouper: ValueCell::new(Value::NULL),
        },
    )
}

iterator_spec!(GROUPBY_SPEC, "groupby", groupby_new, GroupBy, []);

struct Grouper {
    parent: ValueCell,
    target_key: ValueCell,
}

impl NativeData for Grouper {
    fn trace(&self, tracer: &mut Tracer) {
        mark_cell(tracer, &self.parent);
        mark_cell(tracer, &self.target_key);
    }

    fn iter_next(&self, vm: &mut Vm, this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            let parent_value = self.parent.get();
            let parent = native_data::<GroupBy>(parent_value).expect("grouper parent");
            if !parent.current_grouper.get().is(this) {
                return Ok(None);
            }
            if parent.current_value.get().is_null() && !parent.step(vm)? {
                return Ok(None);
            }
            let current = parent.current_key.get();
            if !krait_vm::protocol::compare::eq(vm, self.target_key.get(), current)? {
                return Ok(None);
            }
            let value = parent.current_value.get();
            parent.current_value.set(Value::NULL);
            parent.current_key.set(Value::NULL);
            Ok(Some(value))
        })())
    }
}

fn grouper_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "_grouper")?;
    let [parent, key] = exact_args::<2>(vm, &args, "_grouper")?;
    if native_data::<GroupBy>(parent).is_none() {
        let tn = vm.type_name(parent);
        return Err(vm.type_error(format!("_grouper() argument 1 must be itertools.groupby, not {tn}")));
    }
    make(vm, cls, Grouper { parent: ValueCell::new(parent), target_key: ValueCell::new(key) })
}

iterator_spec!(GROUPER_SPEC, "_grouper", grouper_new, Grouper, []);

// ---- islice -------------------------------------------------------------------------------------

struct ISlice {
    iterator: ValueCell,
    /// Index of the next item to yield.
    next: Cell<usize>,
    /// `None`: no stop.
    stop: Cell<Option<usize>>,
    step: usize,
    /// Items consumed so far.
    count: Cell<usize>,
}

impl NativeData for ISlice {
    fn trace(&self, tracer: &mut Tracer) {
        mark_cell(tracer, &self.iterator);
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            let stop = self.stop.get();
            let next = self.next.get();
            while self.count.get() < next {
                if next_from(vm, &self.iterator)?.is_none() {
                    return Ok(None);
                }
                self.count.set(self.count.get() + 1);
            }
            if stop.is_some_and(|stop| self.count.get() >= stop) {
                self.iterator.set(Value::NULL);
                return Ok(None);
            }
            let Some(item) = next_from(vm, &self.iterator)? else { return Ok(None) };
            self.count.set(self.count.get() + 1);
            let mut following = next.saturating_add(self.step);
            if let Some(stop) = stop {
                following = following.min(stop);
            }
            self.next.set(following);
            Ok(Some(item))
        })())
    }
}

fn islice_index(vm: &mut Vm, v: Value, message: &str) -> PyResult<Option<usize>> {
    if vm.is_none(v) {
        return Ok(None);
    }
    let index = match number::index(vm, v) {
        Ok(i) => i,
        Err(_) => return Err(vm.value_error(message)),
    };
    match krait_vm::types::int::to_i64(index) {
        Some(n) if n >= 0 => Ok(Some(n as usize)),
        Some(_) => Err(vm.value_error(message)),
        // Larger than sys.maxsize.
        None if number::to_i64(vm, index).is_err() && object::truthy(vm, index)? => {
            let negative = krait_vm::types::int::as_bigint(index).is_some_and(|b| b.sign() == num_bigint::Sign::Minus);
            if negative {
                Err(vm.value_error(message))
            } else {
                Ok(Some(isize::MAX as usize))
            }
        }
        None => Err(vm.value_error(message)),
    }
}

const ISLICE_STOP: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const ISLICE_INDICES: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

fn islice_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "islice")?;
    let rest = new_args(vm, &args, "islice")?;
    if rest.len() < 2 || rest.len() > 4 {
        return Err(count_error(vm, "islice", 2, 4, rest.len()));
    }
    let iterable = rest[0];
    let (start, stop, step) = if rest.len() == 2 {
        (0, islice_index(vm, rest[1], ISLICE_STOP)?, 1)
    } else {
        let start = islice_index(vm, rest[1], ISLICE_INDICES)?.unwrap_or(0);
        let stop = islice_index(vm, rest[2], ISLICE_INDICES)?;
        let step = match rest.get(3) {
            None => 1,
            Some(&v) if vm.is_none(v) => 1,
            Some(&v) => match number::index(vm, v).ok().and_then(krait_vm::types::int::to_i64) {
                Some(n) if n >= 1 => n as usize,
                _ => return Err(vm.value_error("Step for islice() must be a positive integer or None.")),
            },
        };
        (start, stop, step)
    };
    let it = iter::iter(vm, iterable)?;
    let stop_at = stop;
    let next = match stop_at {
        Some(stop) => start.min(stop),
        None => start,
    };
    make(
        vm,
        cls,
        ISlice {
            iterator: ValueCell::new(it),
            next: Cell::new(next),
            stop: Cell::new(stop_at),
            step,
            count: Cell::new(0),
        },
    )
}

iterator_spec!(ISLICE_SPEC, "islice", islice_new, ISlice, []);

// ---- pairwise -----------------------------------------------------------------------------------

struct Pairwise {
    iterator: ValueCell,
    old: ValueCell,
}

impl NativeData for Pairwise {
    fn trace(&self, tracer: &mut Tracer) {
        mark_cell(tracer, &self.iterator);
        mark_cell(tracer, &self.old);
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            if self.old.get().is_null() {
                let Some(first) = next_from(vm, &self.iterator)? else { return Ok(None) };
                self.old.set(first);
            }
            let Some(new) = next_from(vm, &self.iterator)? else {
                self.old.set(Value::NULL);
                return Ok(None);
            };
            let old = self.old.replace(new);
            Ok(Some(new_tuple(vm, &[old, new])))
        })())
    }
}

fn pairwise_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "pairwise")?;
    let [iterable] = exact_args::<1>(vm, &args, "pairwise")?;
    let it = iter::iter(vm, iterable)?;
    make(vm, cls, Pairwise { iterator: ValueCell::new(it), old: ValueCell::new(Value::NULL) })
}

iterator_spec!(PAIRWISE_SPEC, "pairwise", pairwise_new, Pairwise, []);

// ---- tee ----------------------------------------------------------------------------------------

/// The items read from the shared iterator that some tee has not seen yet.
struct TeeBuffer {
    iterator: ValueCell,
    items: RefCell<VecDeque<Value>>,
    /// The absolute index of `items[0]`.
    first: Cell<usize>,
    /// The absolute position of every tee made over this buffer (by slot).
    positions: RefCell<Vec<usize>>,
}

impl TeeBuffer {
    /// Drop the items every tee has passed.
    fn trim(&self) {
        let min = self.positions.borrow().iter().copied().min().unwrap_or(0);
        let mut items = self.items.borrow_mut();
        while self.first.get() < min && !items.is_empty() {
            items.pop_front();
            self.first.set(self.first.get() + 1);
        }
    }
}

struct Tee {
    buffer: Rc<TeeBuffer>,
    slot: usize,
}

impl NativeData for Tee {
    fn trace(&self, tracer: &mut Tracer) {
        mark_cell(tracer, &self.buffer.iterator);
        let items = self.buffer.items.borrow();
        let (a, b) = items.as_slices();
        tracer.mark_all(a);
        tracer.mark_all(b);
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            let buffer = &self.buffer;
            let position = buffer.positions.borrow()[self.slot];
            let offset = position - buffer.first.get();
            let buffered = buffer.items.borrow().get(offset).copied();
            let item = match buffered {
                Some(item) => item,
                None => {
                    let Some(item) = next_from(vm, &buffer.iterator)? else { return Ok(None) };
                    // Another tee may have read meanwhile (re-entrancy): append at the end.
                    buffer.items.borrow_mut().push_back(item);
                    let offset = position - buffer.first.get();
                    buffer.items.borrow()[offset]
                }
            };
            buffer.positions.borrow_mut()[self.slot] = position + 1;
            buffer.trim();
            Ok(Some(item))
        })())
    }
}

impl Tee {
    fn copy(&self, vm: &mut Vm, cls: Gc<PyType>) -> Value {
        let position = self.buffer.positions.borrow()[self.slot];
        let slot = {
            let mut positions = self.buffer.positions.borrow_mut();
            positions.push(position);
            positions.len() - 1
        };
        new_native_object(vm, Tee { buffer: self.buffer.clone(), slot }, cls)
    }
}

fn tee_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "_tee")?;
    let [iterable] = exact_args::<1>(vm, &args, "_tee")?;
    tee_from_iterable(vm, iterable, cls)
}

fn tee_from_iterable(vm: &mut Vm, iterable: Value, cls: Gc<PyType>) -> PyResult {
    let it = iter::iter(vm, iterable)?;
    if let Some(tee) = native_data::<Tee>(it) {
        return Ok(tee.copy(vm, cls));
    }
    let buffer = Rc::new(TeeBuffer {
        iterator: ValueCell::new(it),
        items: RefCell::new(VecDeque::new()),
        first: Cell::new(0),
        positions: RefCell::new(vec![0]),
    });
    make(vm, cls, Tee { buffer, slot: 0 })
}

fn tee_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let tee = state::<Tee>(vm, this, "__copy__")?;
    let cls = vm.class_of(this);
    Ok(tee.copy(vm, cls))
}

iterator_spec!(TEE_SPEC, "_tee", tee_new, Tee, [MethodDef::method("__copy__", tee_copy)]);

fn itertools_tee(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let given = args.positional_range(vm, "tee", 1, 2)?;
    let n = match given.get(1) {
        Some(&n) => number::to_index_isize(vm, n)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    let it = iter::iter(vm, given[0])?;
    if n == 0 {
        return Ok(vm.singletons.empty_tuple);
    }
    let tee_type = module_type(vm, "_tee")?;
    let copy_method = krait_vm::protocol::attr::getattr_opt(vm, it, "__copy__")?;
    let first = match copy_method {
        Some(_) => it,
        None => tee_from_iterable(vm, it, tee_type)?,
    };
    let items = krait_vm::rooted::RootedVec::new(vm);
    items.push(vm, first);
    for _ in 1..n {
        let copy = call::call_method(vm, first, "__copy__", &[])?;
        items.push(vm, copy);
    }
    Ok(tuple_from_vec(vm, items.to_vec()))
}

// ---- zip_longest --------------------------------------------------------------------------------

struct ZipLongest {
    /// NULL for iterators that are exhausted.
    iterators: RefCell<Vec<Value>>,
    fillvalue: ValueCell,
    active: Cell<usize>,
}

impl NativeData for ZipLongest {
    fn trace(&self, tracer: &mut Tracer) {
        for &v in self.iterators.borrow().iter() {
            if !v.is_null() {
                tracer.mark(v);
            }
        }
        mark_cell(tracer, &self.fillvalue);
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            let n = self.iterators.borrow().len();
            if n == 0 || self.active.get() == 0 {
                return Ok(None);
            }
            let result = krait_vm::rooted::RootedVec::new(vm);
            for i in 0..n {
                let it = self.iterators.borrow()[i];
                let item = if it.is_null() {
                    self.fillvalue.get()
                } else {
                    match iter::next(vm, it)? {
                        Some(item) => item,
                        None => {
                            self.iterators.borrow_mut()[i] = Value::NULL;
                            self.active.set(self.active.get() - 1);
                            if self.active.get() == 0 {
                                return Ok(None);
                            }
                            self.fillvalue.get()
                        }
                    }
                };
                result.push(vm, item);
            }
            Ok(Some(tuple_from_vec(vm, result.to_vec())))
        })())
    }
}

fn zip_longest_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "zip_longest")?;
    let mut fillvalue = vm.none();
    for (name, value) in Args::new(&args.all()[1..], args.kwnames()).kwargs() {
        if name.as_str() != "fillvalue" {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
        fillvalue = value;
    }
    let iterables = &args.positional()[1..];
    let iterators = krait_vm::rooted::RootedVec::new(vm);
    for &iterable in iterables {
        let it = iter::iter(vm, iterable)?;
        iterators.push(vm, it);
    }
    let active = iterators.len();
    make(
        vm,
        cls,
        ZipLongest {
            iterators: RefCell::new(iterators.to_vec()),
            fillvalue: ValueCell::new(fillvalue),
            active: Cell::new(active),
        },
    )
}

iterator_spec!(ZIP_LONGEST_SPEC, "zip_longest", zip_longest_new, ZipLongest, []);

// ---- the combinatoric iterators -----------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum CombinatoricKind {
    Product,
    Permutations,
    Combinations,
    CombinationsWithReplacement,
}

struct Combinatoric {
    kind: CombinatoricKind,
    /// product: a tuple of pool tuples (repeated); the others: the pool tuple.
    pools: ValueCell,
    r: usize,
    indices: RefCell<Vec<usize>>,
    /// permutations only.
    cycles: RefCell<Vec<usize>>,
    started: Cell<bool>,
    stopped: Cell<bool>,
}

impl NativeData for Combinatoric {
    fn trace(&self, tracer: &mut Tracer) {
        mark_cell(tracer, &self.pools);
    }

    fn iter_next(&self, vm: &mut Vm, _this: Value) -> Option<PyResult<Option<Value>>> {
        if self.stopped.get() {
            return Some(Ok(None));
        }
        let pools = self.pools.get().downcast::<PyTuple>().expect("pools tuple");
        let more = if !self.started.get() {
            self.started.set(true);
            self.first_ok(pools)
        } else {
            self.advance(pools)
        };
        if !more {
            self.stopped.set(true);
            return Some(Ok(None));
        }
        let items: Vec<Value> = {
            let indices = self.indices.borrow();
            match self.kind {
                CombinatoricKind::Product => indices
                    .iter()
                    .zip(pools.as_slice())
                    .map(|(&i, pool)| pool.downcast::<PyTuple>().expect("pool").as_slice()[i])
                    .collect(),
                _ => indices[..self.r].iter().map(|&i| pools.as_slice()[i]).collect(),
            }
        };
        Some(Ok(Some(tuple_from_vec(vm, items))))
    }
}

impl Combinatoric {
    /// Whether there is a first result at all.
    fn first_ok(&self, pools: Gc<PyTuple>) -> bool {
        let n = pools.len();
        match self.kind {
            CombinatoricKind::Product => {
                pools.as_slice().iter().all(|p| !p.downcast::<PyTuple>().expect("pool").is_empty())
            }
            CombinatoricKind::Permutations | CombinatoricKind::Combinations => self.r <= n,
            CombinatoricKind::CombinationsWithReplacement => n > 0 || self.r == 0,
        }
    }

    /// Step the indices to the next result; false when done.
    fn advance(&self, pools: Gc<PyTuple>) -> bool {
        let n = pools.len();
        let r = self.r;
        let mut indices = self.indices.borrow_mut();
        match self.kind {
            CombinatoricKind::Product => {
                for i in (0..indices.len()).rev() {
                    let size = pools.as_slice()[i].downcast::<PyTuple>().expect("pool").len();
                    indices[i] += 1;
                    if indices[i] < size {
                        return true;
                    }
                    indices[i] = 0;
                }
                false
            }
            CombinatoricKind::Combinations => {
                let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else { return false };
                indices[i] += 1;
                for j in i + 1..r {
                    indices[j] = indices[j - 1] + 1;
                }
                true
            }
            CombinatoricKind::CombinationsWithReplacement => {
                let Some(i) = (0..r).rev().find(|&i| indices[i] != n - 1) else { return false };
                let value = indices[i] + 1;
                for index in indices[i..r].iter_mut() {
                    *index = value;
                }
                true
            }
            CombinatoricKind::Permutations => {
                if n == 0 {
                    return false;
                }
                let mut cycles = self.cycles.borrow_mut();
                for i in (0..r).rev() {
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        let index = indices.remove(i);
                        indices.push(index);
                        cycles[i] = n - i;
                    } else {
                        let j = cycles[i];
                        indices.swap(i, n - j);
                        return true;
                    }
                }
                false
            }
        }
    }
}

fn pool_of(vm: &mut Vm, iterable: Value) -> PyResult {
    let list = krait_vm::protocol::iter::collect(vm, iterable)?;
    Ok(tuple_from_vec(vm, list.to_vec()))
}

fn combinatoric(vm: &mut Vm, cls: Gc<PyType>, kind: CombinatoricKind, pools: Value, r: usize, n: usize) -> PyResult {
    let indices = match kind {
        CombinatoricKind::Product => vec![0; n],
        CombinatoricKind::Permutations => (0..n).collect(),
        CombinatoricKind::Combinations => (0..r).collect(),
        CombinatoricKind::CombinationsWithReplacement => vec![0; r],
    };
    let cycles =
        if kind == CombinatoricKind::Permutations && r <= n { (0..r).map(|i| n - i).collect() } else { Vec::new() };
    make(
        vm,
        cls,
        Combinatoric {
            kind,
            pools: ValueCell::new(pools),
            r,
            indices: RefCell::new(indices),
            cycles: RefCell::new(cycles),
            started: Cell::new(false),
            stopped: Cell::new(false),
        },
    )
}

fn product_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "product")?;
    let mut repeat = 1usize;
    for (name, value) in Args::new(&args.all()[1..], args.kwnames()).kwargs() {
        if name.as_str() != "repeat" {
            return Err(vm.type_error("product() got an unexpected keyword argument"));
        }
        let n = number::to_index_isize(vm, value)?;
        if n < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
        repeat = n as usize;
    }
    let iterables = &args.positional()[1..];
    let pools = krait_vm::rooted::RootedVec::new(vm);
    for &iterable in iterables {
        let pool = pool_of(vm, iterable)?;
        pools.push(vm, pool);
    }
    let base = pools.to_vec();
    let count = base.len().checked_mul(repeat).ok_or_else(|| vm.overflow_error("repeat argument too large"))?;
    let mut all = Vec::with_capacity(count);
    for _ in 0..repeat {
        all.extend_from_slice(&base);
    }
    let pools_tuple = tuple_from_vec(vm, all);
    combinatoric(vm, cls, CombinatoricKind::Product, pools_tuple, 0, count)
}

static PERMUTATIONS_SIG: Signature =
    Signature { name: "permutations", params: &["iterable", "r"], positional_only: 0, keyword_only: 2, required: 1 };
static COMBINATIONS_SIG: Signature =
    Signature { name: "combinations", params: &["iterable", "r"], positional_only: 0, keyword_only: 2, required: 2 };
static CWR_SIG: Signature = Signature {
    name: "combinations_with_replacement",
    params: &["iterable", "r"],
    positional_only: 0,
    keyword_only: 2,
    required: 2,
};

fn r_arg(vm: &mut Vm, r: Value) -> PyResult<usize> {
    let r = number::to_index_isize(vm, r)?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

fn permutations_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(vm, &args, "permutations")?;
    let [iterable, r] = bind_new::<2>(vm, &args, &PERMUTATIONS_SIG)?;
    let pool = pool_of(vm, iterable)?;
    let n = pool.downcast::<PyTuple>().expect("tuple").len();
    let r = match opt(r).filter(|r| !vm.is_none(*r)) {
        Some(r) => r_arg(vm, r)?,
        None => n,
    };
    combinatoric(vm, cls, CombinatoricKind::Permutations, pool, r, n)
}

fn combinations_new(vm: &mut Vm, args: Args<'_>, sig: &Signature, kind: CombinatoricKind) -> PyResult {
    let cls = new_cls(vm, &args, sig.name)?;
    let [iterable, r] = bind_new::<2>(vm, &args, sig)?;
    let pool = pool_of(vm, iterable)?;
    let n = pool.downcast::<PyTuple>().expect("tuple").len();
    let r = r_arg(vm, r)?;
    combinatoric(vm, cls, kind, pool, r, n)
}

iterator_spec!(PRODUCT_SPEC, "product", product_new, Combinatoric, []);
iterator_spec!(PERMUTATIONS_SPEC, "permutations", permutations_new, Combinatoric, []);
iterator_spec!(
    COMBINATIONS_SPEC,
    "combinations",
    |vm, args| combinations_new(vm, args, &COMBINATIONS_SIG, CombinatoricKind::Combinations),
    Combinatoric,
    []
);
iterator_spec!(
    CWR_SPEC,
    "combinations_with_replacement",
    |vm, args| combinations_new(vm, args, &CWR_SIG, CombinatoricKind::CombinationsWithReplacement),
    Combinatoric,
    []
);
