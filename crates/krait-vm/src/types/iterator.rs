//! The builtin iterator types: one payload, `PyIterator`, whose state enum
//! has a variant per kind, and one `TypeSpec` per Python-visible type
//! (`list_iterator`, `zip`, ...).
//!
//! `next_fast` is the single "advance" primitive: `__next__` of every spec
//! wraps it, and the interpreter's `FOR_ITER` calls it directly for exact
//! builtin iterators. It returns `Ok(None)` when the iterator is exhausted
//! (no StopIteration object is made).
//!
//! The state is in a `RefCell` that is never borrowed across Python code:
//! kinds that call out (`map`, `filter`, the sequence iterator, ...) copy the
//! values they need out of the state, call, and store the new position
//! afterwards. Exhausted iterators switch to `Exhausted` and drop their
//! references, as CPython's clear `it_seq`, so a list that grows after its
//! iterator finished does not revive it.
//!
//! Mutation checks follow CPython: dict iterators raise "dictionary changed
//! size during iteration" when the size differs from the size at creation
//! and "dictionary keys changed during iteration" when more keys come out
//! than there were; set iterators raise "Set changed size during iteration".

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::{One, ToPrimitive, Zero};
use smallvec::SmallVec;

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, MethodDef, Signature};
use crate::object::{Gc, ObjHeader, PyPayload};
use crate::protocol;
use crate::types::dict::PyDict;
use crate::types::list::PyList;
use crate::types::range::PyRange;
use crate::types::set::PySet;
use crate::types::str::PyStr;
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::typeobject::PyType;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

/// What a dict iterator yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

/// The state of one builtin iterator.
pub enum IterState {
    Exhausted,
    List {
        list: Gc<PyList>,
        index: usize,
    },
    /// `index` is the next position to yield; -1 when done.
    ListReverse {
        list: Gc<PyList>,
        index: isize,
    },
    Tuple {
        tuple: Gc<PyTuple>,
        index: usize,
    },
    Range {
        next: i64,
        step: i64,
        remaining: u64,
    },
    BigRange {
        next: BigInt,
        step: BigInt,
        remaining: BigInt,
    },
    Str {
        string: Gc<PyStr>,
        byte_offset: usize,
        remaining: usize,
    },
    /// `bytes`/`bytearray`: items through the sequence protocol.
    Bytes {
        bytes: Value,
        index: usize,
    },
    Dict {
        dict: Gc<PyDict>,
        kind: DictIterKind,
        reverse: bool,
        /// Entry position of the next candidate (counting down when `reverse`).
        position: usize,
        /// The dict's size when iteration started; `usize::MAX` after a
        /// size-change error so every later call fails too.
        size: usize,
        /// Items still expected.
        remaining: usize,
    },
    Set {
        set: Gc<PySet>,
        position: usize,
        size: usize,
        remaining: usize,
    },
    /// Old-style iteration with `__getitem__` from 0 until IndexError.
    Seq {
        sequence: Value,
        index: usize,
    },
    Callable {
        callable: Value,
        sentinel: Value,
    },
    Enumerate {
        iterator: Value,
        count: Value,
    },
    Zip {
        iterators: Vec<Value>,
        strict: bool,
    },
    Map {
        function: Value,
        iterators: Vec<Value>,
    },
    Filter {
        function: Value,
        iterator: Value,
    },
    Reversed {
        sequence: Value,
        index: isize,
    },
}

#[repr(C)]
pub struct PyIterator {
    header: ObjHeader,
    pub state: RefCell<IterState>,
}

impl_payload!(PyIterator, Iterator, subclassable);

impl PyIterator {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        match &*self.state.borrow() {
            IterState::Exhausted | IterState::Range { .. } | IterState::BigRange { .. } => {}
            IterState::List { list, .. } | IterState::ListReverse { list, .. } => tracer.mark(list.value()),
            IterState::Tuple { tuple, .. } => tracer.mark(tuple.value()),
            IterState::Str { string, .. } => tracer.mark(string.value()),
            IterState::Bytes { bytes, .. } => tracer.mark(*bytes),
            IterState::Dict { dict, .. } => tracer.mark(dict.value()),
            IterState::Set { set, .. } => tracer.mark(set.value()),
            IterState::Seq { sequence, .. } | IterState::Reversed { sequence, .. } => tracer.mark(*sequence),
            IterState::Callable { callable, sentinel } => tracer.mark_all(&[*callable, *sentinel]),
            IterState::Enumerate { iterator, count } => tracer.mark_all(&[*iterator, *count]),
            IterState::Zip { iterators, .. } => tracer.mark_all(iterators),
            IterState::Map { function, iterators } => {
                tracer.mark(*function);
                tracer.mark_all(iterators);
            }
            IterState::Filter { function, iterator } => tracer.mark_all(&[*function, *iterator]),
        }
    }

    fn new(state: IterState) -> PyIterator {
        PyIterator { header: ObjHeader::new(PyIterator::LAYOUT, Value::NULL), state: RefCell::new(state) }
    }

    /// Mark the iterator exhausted (for good, as CPython's list iterator
    /// drops its list).
    pub fn exhaust(&self) {
        *self.state.borrow_mut() = IterState::Exhausted;
    }
}

fn alloc_iterator(vm: &mut Vm, state: IterState, ty: Gc<PyType>) -> Value {
    vm.alloc(PyIterator::new(state), ty).value()
}

// ---- constructors -----------------------------------------------------------------------------

pub fn new_list_iterator(vm: &mut Vm, list: Gc<PyList>) -> Value {
    let ty = vm.types.list_iterator;
    alloc_iterator(vm, IterState::List { list, index: 0 }, ty)
}

pub fn new_list_reverse_iterator(vm: &mut Vm, list: Gc<PyList>) -> Value {
    let ty = vm.types.list_reverseiterator;
    let index = list.len() as isize - 1;
    alloc_iterator(vm, IterState::ListReverse { list, index }, ty)
}

pub fn new_tuple_iterator(vm: &mut Vm, tuple: Gc<PyTuple>) -> Value {
    let ty = vm.types.tuple_iterator;
    alloc_iterator(vm, IterState::Tuple { tuple, index: 0 }, ty)
}

pub fn new_range_iterator(vm: &mut Vm, range: Gc<PyRange>) -> Value {
    if let Some((start, step, length)) = range.small() {
        return new_small_range_iterator(vm, start, step, length as u64);
    }
    new_range_iterator_parts(vm, range.start_big(), range.step_big(), range.length_big())
}

/// An iterator over `remaining` ints from `next` by `step`, all i64s.
pub fn new_small_range_iterator(vm: &mut Vm, next: i64, step: i64, remaining: u64) -> Value {
    let ty = vm.types.range_iterator;
    alloc_iterator(vm, IterState::Range { next, step, remaining }, ty)
}

/// An iterator over `length` ints from `start` by `step`.
pub fn new_range_iterator_parts(vm: &mut Vm, start: BigInt, step: BigInt, length: BigInt) -> Value {
    let ty = vm.types.range_iterator;
    let small = (start.to_i64(), step.to_i64(), length.to_u64());
    if let (Some(next), Some(step_small), Some(remaining)) = small {
        // Every item must fit too: the last is start + (length - 1) * step.
        let last = &start + (&length - BigInt::one()).max(BigInt::zero()) * &step;
        if last.to_i64().is_some() {
            return alloc_iterator(vm, IterState::Range { next, step: step_small, remaining }, ty);
        }
    }
    alloc_iterator(vm, IterState::BigRange { next: start, step, remaining: length }, ty)
}

pub fn new_str_iterator(vm: &mut Vm, string: Gc<PyStr>) -> Value {
    // CPython 3.11 has a separate, faster type for ASCII strings.
    let ty = if string.is_ascii() { vm.types.str_ascii_iterator } else { vm.types.str_iterator };
    let remaining = string.char_len();
    alloc_iterator(vm, IterState::Str { string, byte_offset: 0, remaining }, ty)
}

/// An iterator over a `bytes` or `bytearray` (items by `__getitem__`).
pub fn new_bytes_iterator(vm: &mut Vm, bytes: Value) -> Value {
    let ty = vm.types.bytes_iterator;
    alloc_iterator(vm, IterState::Bytes { bytes, index: 0 }, ty)
}

pub fn new_dict_iterator(vm: &mut Vm, dict: Gc<PyDict>, kind: DictIterKind) -> Value {
    let size = dict.len();
    let state = IterState::Dict { dict, kind, reverse: false, position: 0, size, remaining: size };
    let ty = dict_iterator_type(vm, kind);
    alloc_iterator(vm, state, ty)
}

/// `reversed(d)` and `reversed(d.keys())` etc.
pub fn new_dict_reverse_iterator(vm: &mut Vm, dict: Gc<PyDict>, kind: DictIterKind) -> Value {
    let size = dict.len();
    let position = dict.entry_count();
    let state = IterState::Dict { dict, kind, reverse: true, position, size, remaining: size };
    let ty = dict_iterator_type(vm, kind);
    alloc_iterator(vm, state, ty)
}

fn dict_iterator_type(vm: &Vm, kind: DictIterKind) -> Gc<PyType> {
    match kind {
        DictIterKind::Keys => vm.types.dict_keyiterator,
        DictIterKind::Values => vm.types.dict_valueiterator,
        DictIterKind::Items => vm.types.dict_itemiterator,
    }
}

pub fn new_set_iterator(vm: &mut Vm, set: Gc<PySet>) -> Value {
    let ty = vm.types.set_iterator;
    let size = set.len();
    alloc_iterator(vm, IterState::Set { set, position: 0, size, remaining: size }, ty)
}

/// `iter(memoryview)`: items by `__getitem__`, as a `memory_iterator`.
pub fn new_memory_iterator(vm: &mut Vm, view: Value) -> Value {
    let ty = vm.types.memory_iterator;
    alloc_iterator(vm, IterState::Seq { sequence: view, index: 0 }, ty)
}

/// `iter(obj)` for an object with `__getitem__` but no `__iter__`.
pub fn new_seq_iterator(vm: &mut Vm, sequence: Value) -> Value {
    let ty = vm.types.seq_iterator;
    alloc_iterator(vm, IterState::Seq { sequence, index: 0 }, ty)
}

/// `iter(callable, sentinel)`.
pub fn new_callable_iterator(vm: &mut Vm, callable: Value, sentinel: Value) -> Value {
    let ty = vm.types.callable_iterator;
    alloc_iterator(vm, IterState::Callable { callable, sentinel }, ty)
}

// ---- advancing ----------------------------------------------------------------------------------

/// One step of a list iterator (if `list`) or a tuple iterator (if
/// `tuple`), under one borrow and without a call: `Some(None)` when it is
/// exhausted, `None` when `it` is another kind of iterator.
#[inline(always)]
pub fn step_sequence(it: Gc<PyIterator>, list: bool, tuple: bool) -> Option<Option<Value>> {
    let mut state = it.state.borrow_mut();
    let item = match &mut *state {
        IterState::List { list: l, index } if list => {
            let item = l.get(*index);
            *index += 1;
            item
        }
        IterState::Tuple { tuple: t, index } if tuple => {
            let item = (*index < t.len()).then(|| t.get(*index));
            *index += 1;
            item
        }
        _ => return None,
    };
    if item.is_none() {
        *state = IterState::Exhausted;
    }
    Some(item)
}

/// The next item, or `None` when exhausted.
pub fn next_fast(vm: &mut Vm, it: Gc<PyIterator>) -> PyResult<Option<Value>> {
    // The kinds that never run Python code are handled under one borrow.
    {
        let mut state = it.state.borrow_mut();
        match &mut *state {
            IterState::Exhausted => return Ok(None),
            IterState::List { list, index } => {
                let item = list.get(*index);
                match item {
                    Some(item) => {
                        *index += 1;
                        return Ok(Some(item));
                    }
                    None => {
                        *state = IterState::Exhausted;
                        return Ok(None);
                    }
                }
            }
            IterState::Tuple { tuple, index } => {
                if *index < tuple.len() {
                    let item = tuple.get(*index);
                    *index += 1;
                    return Ok(Some(item));
                }
                *state = IterState::Exhausted;
                return Ok(None);
            }
            IterState::Range { next, step, remaining } => {
                if *remaining == 0 {
                    return Ok(None);
                }
                let value = *next;
                *remaining -= 1;
                if *remaining > 0 {
                    *next += *step;
                }
                drop(state);
                return Ok(Some(vm.new_int(value)));
            }
            IterState::ListReverse { list, index } => {
                if *index >= 0 {
                    if let Some(item) = list.get(*index as usize) {
                        *index -= 1;
                        return Ok(Some(item));
                    }
                }
                *state = IterState::Exhausted;
                return Ok(None);
            }
            _ => {}
        }
    }
    next_slow(vm, it)
}

fn next_slow(vm: &mut Vm, it: Gc<PyIterator>) -> PyResult<Option<Value>> {
    enum Call {
        Seq(Value, usize),
        Bytes(Value, usize),
        Callable(Value, Value),
        Enumerate(Value, Value),
        Zip(SmallVec<[Value; 4]>, bool),
        Map(Value, SmallVec<[Value; 4]>),
        Filter(Value, Value),
        Reversed(Value, isize),
    }
    let call = {
        let mut state = it.state.borrow_mut();
        match &mut *state {
            IterState::BigRange { next, step, remaining } => {
                if remaining.is_zero() {
                    return Ok(None);
                }
                let value = next.clone();
                *remaining -= 1;
                *next += &*step;
                drop(state);
                return Ok(Some(vm.new_bigint(value)));
            }
            IterState::Str { string, byte_offset, remaining } => {
                let Some(c) = string.as_str()[*byte_offset..].chars().next() else {
                    *state = IterState::Exhausted;
                    return Ok(None);
                };
                *byte_offset += c.len_utf8();
                *remaining -= 1;
                drop(state);
                let mut buffer = [0u8; 4];
                return Ok(Some(vm.new_str(c.encode_utf8(&mut buffer))));
            }
            IterState::Dict { .. } => {
                drop(state);
                return next_dict(vm, it);
            }
            IterState::Set { set, position, size, remaining } => {
                if set.len() != *size {
                    *size = usize::MAX;
                    drop(state);
                    return Err(vm.runtime_error("Set changed size during iteration"));
                }
                match set.entry_at(*position) {
                    Some((next, key)) => {
                        *position = next;
                        *remaining = remaining.saturating_sub(1);
                        return Ok(Some(key));
                    }
                    None => {
                        *state = IterState::Exhausted;
                        return Ok(None);
                    }
                }
            }
            IterState::Seq { sequence, index } => Call::Seq(*sequence, *index),
            IterState::Bytes { bytes, index } => Call::Bytes(*bytes, *index),
            IterState::Callable { callable, sentinel } => Call::Callable(*callable, *sentinel),
            IterState::Enumerate { iterator, count } => Call::Enumerate(*iterator, *count),
            IterState::Zip { iterators, strict } => Call::Zip(SmallVec::from_slice(iterators), *strict),
            IterState::Map { function, iterators } => Call::Map(*function, SmallVec::from_slice(iterators)),
            IterState::Filter { function, iterator } => Call::Filter(*function, *iterator),
            IterState::Reversed { sequence, index } => Call::Reversed(*sequence, *index),
            IterState::Exhausted
            | IterState::List { .. }
            | IterState::ListReverse { .. }
            | IterState::Tuple { .. }
            | IterState::Range { .. } => unreachable!("handled by next_fast"),
        }
    };
    // The values copied out of the state stay reachable from `it` (the state
    // is only replaced below, after the calls), so the copies are safe.
    match call {
        Call::Seq(sequence, index) => {
            let key = vm.new_int(index as i64);
            match protocol::sequence::getitem(vm, sequence, key) {
                Ok(item) => {
                    if let IterState::Seq { index, .. } = &mut *it.state.borrow_mut() {
                        *index += 1;
                    }
                    Ok(Some(item))
                }
                Err(err) if is_end_of_sequence(vm, err) => {
                    it.exhaust();
                    Ok(None)
                }
                Err(err) => Err(err),
            }
        }
        Call::Bytes(bytes, index) => {
            if index >= protocol::sequence::len(vm, bytes)? {
                it.exhaust();
                return Ok(None);
            }
            let key = Value::from_small(index as i64);
            let item = protocol::sequence::getitem(vm, bytes, key)?;
            if let IterState::Bytes { index, .. } = &mut *it.state.borrow_mut() {
                *index += 1;
            }
            Ok(Some(item))
        }
        Call::Callable(callable, sentinel) => match protocol::call::call(vm, callable, &[]) {
            Ok(result) => {
                if crate::types::list::items_equal(vm, result, sentinel)? {
                    it.exhaust();
                    return Ok(None);
                }
                Ok(Some(result))
            }
            Err(err) if vm.error_matches(err, vm.exceptions.stop_iteration) => {
                it.exhaust();
                Ok(None)
            }
            Err(err) => Err(err),
        },
        Call::Enumerate(iterator, count) => {
            let Some(item) = protocol::iter::next(vm, iterator)? else {
                return Ok(None);
            };
            advance_enumerate(vm, it, count);
            Ok(Some(new_tuple(vm, &[count, item])))
        }
        Call::Zip(iterators, strict) => next_zip(vm, it, &iterators, strict),
        Call::Map(function, iterators) => {
            Ok(next_of_each(vm, &iterators, |vm, arguments| protocol::call::call(vm, function, arguments))?.ok())
        }
        Call::Filter(function, iterator) => loop {
            let Some(item) = protocol::iter::next(vm, iterator)? else {
                return Ok(None);
            };
            let keep = if vm.is_none(function) || function.is(vm.types.bool_.value()) {
                protocol::object::truthy(vm, item)?
            } else {
                let verdict = protocol::call::call(vm, function, &[item])?;
                protocol::object::truthy(vm, verdict)?
            };
            if keep {
                return Ok(Some(item));
            }
        },
        Call::Reversed(sequence, index) => {
            if index < 0 {
                it.exhaust();
                return Ok(None);
            }
            let key = vm.new_int(index as i64);
            match protocol::sequence::getitem(vm, sequence, key) {
                Ok(item) => {
                    if let IterState::Reversed { index, .. } = &mut *it.state.borrow_mut() {
                        *index -= 1;
                    }
                    Ok(Some(item))
                }
                Err(err) if is_end_of_sequence(vm, err) => {
                    it.exhaust();
                    Ok(None)
                }
                Err(err) => Err(err),
            }
        }
    }
}

/// IndexError or StopIteration from `__getitem__` ends old-style iteration.
fn is_end_of_sequence(vm: &Vm, err: crate::error::PyErr) -> bool {
    vm.error_matches(err, vm.exceptions.index_error) || vm.error_matches(err, vm.exceptions.stop_iteration)
}

fn next_dict(vm: &mut Vm, it: Gc<PyIterator>) -> PyResult<Option<Value>> {
    let (entry, kind) = {
        let mut state = it.state.borrow_mut();
        let IterState::Dict { dict, kind, reverse, position, size, remaining } = &mut *state else {
            unreachable!("next_dict on a dict iterator")
        };
        if dict.len() != *size {
            *size = usize::MAX;
            drop(state);
            return Err(vm.runtime_error("dictionary changed size during iteration"));
        }
        let entry = if *reverse { dict.prev_entry(*position) } else { dict.next_entry(*position) };
        let Some((next, entry)) = entry else {
            *state = IterState::Exhausted;
            return Ok(None);
        };
        if *remaining == 0 {
            drop(state);
            return Err(vm.runtime_error("dictionary keys changed during iteration"));
        }
        *position = next;
        *remaining -= 1;
        (entry, *kind)
    };
    Ok(Some(match kind {
        DictIterKind::Keys => entry.key,
        DictIterKind::Values => entry.value,
        DictIterKind::Items => new_tuple(vm, &[entry.key, entry.value]),
    }))
}

/// Store `count + 1` as an `enumerate`'s next count.
fn advance_enumerate(vm: &mut Vm, it: Gc<PyIterator>, count: Value) {
    let next_count = match count.as_small_int().and_then(|c| Value::small_int(c + 1)) {
        Some(next) => next,
        None => {
            let big = crate::types::int::as_bigint(count).map(|b| b.into_owned()).unwrap_or_default();
            vm.new_bigint(big + 1)
        }
    };
    if let IterState::Enumerate { count, .. } = &mut *it.state.borrow_mut() {
        *count = next_count;
    }
}

/// The most items `next_unpacked` hands out.
pub const UNPACKED_MAX: usize = 8;

/// The next item of a list, tuple or range iterator (of small ints),
/// without advancing it: `None` if it is another iterator, `Some(None)` if
/// it is exhausted.
pub fn peek_sequence(iterator: Value) -> Option<Option<Value>> {
    let it = iterator.downcast::<PyIterator>()?;
    let state = it.state.borrow();
    match &*state {
        IterState::List { list, index } => Some(list.get(*index)),
        IterState::Tuple { tuple, index } => Some((*index < tuple.len()).then(|| tuple.get(*index))),
        IterState::Range { next, remaining, .. } if *remaining > 0 => Some(Some(Value::small_int(*next)?)),
        IterState::Range { .. } | IterState::Exhausted => Some(None),
        _ => None,
    }
}

/// The next item of a str, dict (keys or values) or set iterator, without
/// advancing it, when taking it runs no Python code, raises nothing and
/// allocates nothing (for the JIT's recorder and its `builtin_next`
/// helper): `Some(None)` when it is exhausted, `None` for any other
/// iterator, a dict or set that changed size, or a character whose shared
/// string was not made yet.
pub fn peek_builtin(vm: &Vm, iterator: Value) -> Option<Option<Value>> {
    let it = iterator.downcast::<PyIterator>()?;
    let state = it.state.borrow();
    match &*state {
        IterState::Exhausted => Some(None),
        IterState::Str { string, byte_offset, .. } => match string.as_str()[*byte_offset..].chars().next() {
            None => Some(None),
            Some(c) => vm.existing_latin1_char(c).map(Some),
        },
        IterState::Dict { dict, kind, reverse, position, size, remaining } => {
            if dict.len() != *size || *kind == DictIterKind::Items {
                return None;
            }
            let entry = if *reverse { dict.prev_entry(*position) } else { dict.next_entry(*position) };
            match entry {
                None => Some(None),
                Some(_) if *remaining == 0 => None,
                Some((_, entry)) => Some(Some(if *kind == DictIterKind::Keys { entry.key } else { entry.value })),
            }
        }
        IterState::Set { set, position, size, .. } => {
            if set.len() != *size {
                return None;
            }
            Some(set.entry_at(*position).map(|(_, key)| key))
        }
        _ => None,
    }
}

/// Advance an iterator [`peek_sequence`] read an item of, past it.
fn step_peeked(source: Value) -> bool {
    if let Some(stepped) = crate::interp::specialize::range_next(source) {
        return stepped.is_some();
    }
    let Some(it) = source.downcast::<PyIterator>() else { return false };
    matches!(step_sequence(it, true, true), Some(Some(_)))
}

/// Item `k` of the `n` the next step of `iterator` would hand out
/// (`next_unpacked`'s `out[k]`), without advancing it, for the steps that
/// run no Python code and allocate nothing: a zip of `n` list, tuple or
/// range iterators, or an enumerate (`n` = 2) of one with a small int count
/// whose successor is one too. `None` for other iterators, `Some(None)`
/// when that step would end the iteration. (What traces read.)
pub fn peek_unpacked(iterator: Value, n: usize, k: usize) -> Option<Option<Value>> {
    let it = iterator.downcast::<PyIterator>()?;
    let state = it.state.borrow();
    match &*state {
        IterState::Zip { iterators, .. } if iterators.len() == n && k < n => {
            // (One iterator zipped with itself hands out successive items.)
            if iterators.iter().enumerate().any(|(i, a)| iterators[..i].iter().any(|b| b.is(*a))) {
                return None;
            }
            // The step ends at the first exhausted source.
            for &source in &iterators[..k] {
                peek_sequence(source)??;
            }
            peek_sequence(iterators[k])
        }
        IterState::Enumerate { iterator, count } if n == 2 && k < 2 => {
            count.as_small_int().and_then(|c| Value::small_int(c + 1))?;
            let item = peek_sequence(*iterator)?;
            Some(item.map(|item| if k == 0 { *count } else { item }))
        }
        _ => None,
    }
}

/// Advance `iterator` by the step [`peek_unpacked`] reads, if it is of
/// such a shape and that step has all its items; false (and nothing
/// changed) otherwise.
pub fn advance_unpacked(iterator: Value, n: usize) -> bool {
    if (0..n).any(|k| !matches!(peek_unpacked(iterator, n, k), Some(Some(_)))) {
        return false;
    }
    let Some(it) = iterator.downcast::<PyIterator>() else { return false };
    let mut state = it.state.borrow_mut();
    match &mut *state {
        IterState::Zip { iterators, .. } => iterators.iter().all(|&source| step_peeked(source)),
        IterState::Enumerate { iterator, count } => {
            let next = count.as_small_int().and_then(|c| Value::small_int(c + 1));
            match next {
                Some(next) if step_peeked(*iterator) => {
                    *count = next;
                    true
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// The next item of a `zip` of `out.len()` iterators, or of an `enumerate`
/// when `out.len()` is 2, written into `out` instead of a new tuple: for a
/// `for` loop that unpacks each item at once (`FOR_ITER_UNPACK`), which then
/// allocates nothing per step. `Ok(Some(false))` when exhausted, `Ok(None)`
/// when `iterator` is no such iterator (the caller takes the generic path).
pub fn next_unpacked(vm: &mut Vm, iterator: Value, out: &mut [Value]) -> PyResult<Option<bool>> {
    let Some(it) = iterator.downcast::<PyIterator>() else { return Ok(None) };
    let n = out.len();
    let mut sources = [Value::NULL; UNPACKED_MAX];
    // The zip's strictness, or None for an enumerate.
    let zip_strict = match &*it.state.borrow() {
        IterState::Zip { iterators, strict } if iterators.len() == n && (1..=UNPACKED_MAX).contains(&n) => {
            sources[..n].copy_from_slice(iterators);
            Some(*strict)
        }
        IterState::Enumerate { iterator, count } if n == 2 => {
            sources[..2].copy_from_slice(&[*iterator, *count]);
            None
        }
        _ => return Ok(None),
    };
    // (The copies in `sources` stay reachable from `it`; the items in
    // `out` are on the caller's native stack, where the collector sees them.)
    let Some(strict) = zip_strict else {
        let Some(item) = protocol::iter::next(vm, sources[0])? else { return Ok(Some(false)) };
        advance_enumerate(vm, it, sources[1]);
        out[0] = sources[1];
        out[1] = item;
        return Ok(Some(true));
    };
    for i in 0..n {
        let step = sources[i].downcast::<PyIterator>().and_then(|source| step_sequence(source, true, true));
        let step = match step {
            Some(step) => step,
            None => protocol::iter::next(vm, sources[i])?,
        };
        match step {
            Some(item) => out[i] = item,
            None if strict => match zip_strict_error(vm, it, &sources[..n], i) {
                Some(err) => return Err(err),
                None => return Ok(Some(false)),
            },
            None => return Ok(Some(false)),
        }
    }
    Ok(Some(true))
}

fn next_zip(vm: &mut Vm, it: Gc<PyIterator>, iterators: &[Value], strict: bool) -> PyResult<Option<Value>> {
    if iterators.is_empty() {
        return Ok(None);
    }
    match next_of_each(vm, iterators, |vm, items| Ok(new_tuple(vm, items)))? {
        Ok(tuple) => Ok(Some(tuple)),
        Err(i) if strict => match zip_strict_error(vm, it, iterators, i) {
            Some(err) => Err(err),
            None => Ok(None),
        },
        Err(_) => Ok(None),
    }
}

/// The next item of each of `iterators`, handed to `then` (zip's tuple,
/// map's call), or `Err(i)` when iterator `i` is exhausted. The items are
/// gathered where the collector sees them: in an array on the native stack
/// for the common few iterators, in a rooted list past that.
fn next_of_each<R>(
    vm: &mut Vm,
    iterators: &[Value],
    then: impl FnOnce(&mut Vm, &[Value]) -> PyResult<R>,
) -> PyResult<Result<R, usize>> {
    const INLINE: usize = 8;
    if iterators.len() <= INLINE {
        let mut items = [Value::NULL; INLINE];
        for (i, &iterator) in iterators.iter().enumerate() {
            match protocol::iter::next(vm, iterator)? {
                Some(item) => items[i] = item,
                None => return Ok(Err(i)),
            }
        }
        return then(vm, &items[..iterators.len()]).map(Ok);
    }
    let items = crate::rooted::RootedVec::new(vm);
    for (i, &iterator) in iterators.iter().enumerate() {
        match protocol::iter::next(vm, iterator)? {
            Some(item) => items.push(vm, item),
            None => return Ok(Err(i)),
        }
    }
    let result = then(vm, &items.to_vec());
    // (The rooted list keeps the copies alive until `then` is done.)
    std::hint::black_box(&items);
    result.map(Ok)
}

/// The ValueError of `zip(strict=True)` when iterator `i` ran out first
/// (`zip_next` in `Python/bltinmodule.c`); `None` if all ended together.
fn zip_strict_error(vm: &mut Vm, it: Gc<PyIterator>, iterators: &[Value], i: usize) -> Option<crate::error::PyErr> {
    let plural = |i: usize| {
        if i == 1 {
            " ".to_string()
        } else {
            "s 1-".to_string()
        }
    };
    if i > 0 {
        it.exhaust();
        return Some(vm.value_error(format!("zip() argument {} is shorter than argument{}{}", i + 1, plural(i), i)));
    }
    for (j, &iterator) in iterators.iter().enumerate().skip(1) {
        match protocol::iter::next(vm, iterator) {
            Ok(Some(_)) => {
                it.exhaust();
                return Some(vm.value_error(format!(
                    "zip() argument {} is longer than argument{}{}",
                    j + 1,
                    plural(j),
                    j
                )));
            }
            Ok(None) => {}
            Err(err) => return Some(err),
        }
    }
    it.exhaust();
    None
}

// ---- Python surface ---------------------------------------------------------------------------

fn this_iterator(vm: &mut Vm, v: Value, method: &str) -> PyResult<Gc<PyIterator>> {
    match v.downcast::<PyIterator>() {
        Some(it) => Ok(it),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' requires an iterator object but received a '{name}'")))
        }
    }
}

fn iter_self(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__iter__")?;
    Ok(this)
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__next__")?;
    let it = this_iterator(vm, this, "__next__")?;
    match next_fast(vm, it) {
        Ok(Some(item)) => Ok(item),
        Ok(None) => Err(vm.stop_iteration(Value::NULL)),
        Err(err) => Err(err),
    }
}

fn iter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__length_hint__")?;
    let it = this_iterator(vm, this, "__length_hint__")?;
    enum Hint {
        Known(usize),
        Big(BigInt),
        OfSequence(Value, isize),
        Reversed(Value, isize),
    }
    let hint = match &*it.state.borrow() {
        IterState::Exhausted => Hint::Known(0),
        IterState::List { list, index } => Hint::Known(list.len().saturating_sub(*index)),
        IterState::ListReverse { list, index } => {
            let n = *index + 1;
            Hint::Known(if n < 0 || list.len() < n as usize { 0 } else { n as usize })
        }
        IterState::Tuple { tuple, index } => Hint::Known(tuple.len().saturating_sub(*index)),
        IterState::Range { remaining, .. } => Hint::Big(BigInt::from(*remaining)),
        IterState::BigRange { remaining, .. } => Hint::Big(remaining.clone()),
        IterState::Str { remaining, .. } => Hint::Known(*remaining),
        IterState::Dict { dict, size, remaining, .. } => Hint::Known(if dict.len() == *size { *remaining } else { 0 }),
        IterState::Set { set, size, remaining, .. } => Hint::Known(if set.len() == *size { *remaining } else { 0 }),
        IterState::Bytes { bytes, index } => Hint::OfSequence(*bytes, *index as isize),
        IterState::Seq { sequence, index } => Hint::OfSequence(*sequence, *index as isize),
        IterState::Reversed { sequence, index } => Hint::Reversed(*sequence, *index),
        _ => Hint::Known(0),
    };
    match hint {
        Hint::Known(n) => Ok(vm.new_int(n as i64)),
        Hint::Big(n) => Ok(vm.new_bigint(n)),
        Hint::OfSequence(sequence, index) => {
            if protocol::attr::lookup_special(vm, sequence, "__len__").is_none() {
                return Ok(vm.not_implemented());
            }
            let len = protocol::sequence::len(vm, sequence)? as isize;
            Ok(vm.new_int((len - index).max(0) as i64))
        }
        Hint::Reversed(sequence, index) => {
            let len = protocol::sequence::len(vm, sequence)? as isize;
            let position = index + 1;
            Ok(vm.new_int(if len < position { 0 } else { position } as i64))
        }
    }
}

static WITH_HINT: &[MethodDef] = &[
    MethodDef::method("__iter__", iter_self),
    MethodDef::method("__next__", iter_next),
    MethodDef::method("__length_hint__", iter_length_hint),
];

static WITHOUT_HINT: &[MethodDef] =
    &[MethodDef::method("__iter__", iter_self), MethodDef::method("__next__", iter_next)];

const fn iterator_spec(name: &'static str, methods: &'static [MethodDef]) -> TypeSpec {
    TypeSpec { name, base: None, layout: PyIterator::LAYOUT, layout_with_attrs: None, methods, getsets: &[], doc: "" }
}

pub static LIST_ITERATOR_SPEC: TypeSpec = iterator_spec("list_iterator", WITH_HINT);
pub static LIST_REVERSEITERATOR_SPEC: TypeSpec = iterator_spec("list_reverseiterator", WITH_HINT);
pub static TUPLE_ITERATOR_SPEC: TypeSpec = iterator_spec("tuple_iterator", WITH_HINT);
pub static RANGE_ITERATOR_SPEC: TypeSpec = iterator_spec("range_iterator", WITH_HINT);
pub static STR_ITERATOR_SPEC: TypeSpec = iterator_spec("str_iterator", WITH_HINT);
pub static STR_ASCII_ITERATOR_SPEC: TypeSpec = iterator_spec("str_ascii_iterator", WITH_HINT);
pub static BYTES_ITERATOR_SPEC: TypeSpec = iterator_spec("bytes_iterator", WITH_HINT);
pub static DICT_KEYITERATOR_SPEC: TypeSpec = iterator_spec("dict_keyiterator", WITH_HINT);
pub static DICT_VALUEITERATOR_SPEC: TypeSpec = iterator_spec("dict_valueiterator", WITH_HINT);
pub static DICT_ITEMITERATOR_SPEC: TypeSpec = iterator_spec("dict_itemiterator", WITH_HINT);
pub static SET_ITERATOR_SPEC: TypeSpec = iterator_spec("set_iterator", WITH_HINT);
pub static SEQ_ITERATOR_SPEC: TypeSpec = iterator_spec("iterator", WITH_HINT);
pub static CALLABLE_ITERATOR_SPEC: TypeSpec = iterator_spec("callable_iterator", WITHOUT_HINT);
pub static MEMORY_ITERATOR_SPEC: TypeSpec = iterator_spec("memory_iterator", WITHOUT_HINT);

// ---- enumerate, zip, map, filter, reversed ----------------------------------------------------

fn class_arg(vm: &mut Vm, v: Value, name: &str) -> PyResult<Gc<PyType>> {
    match v.downcast::<PyType>() {
        Some(cls) => Ok(cls),
        None => Err(vm.type_error(format!("{name}.__new__(X): X is not a type object"))),
    }
}

fn new_instance(vm: &mut Vm, cls: Gc<PyType>, state: IterState) -> Value {
    vm.alloc_instance(PyIterator::new(state), cls).value()
}

static ENUMERATE_SIG: Signature =
    Signature { name: "enumerate", params: &["iterable", "start"], positional_only: 0, keyword_only: 2, required: 1 };

fn enumerate_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = class_arg(vm, args.this(), "enumerate")?;
    let [iterable, start] = args.skip_self().bind::<2>(vm, &ENUMERATE_SIG)?;
    let iterator = protocol::iter::iter(vm, iterable)?;
    let count = if start.is_null() { Value::from_small(0) } else { protocol::number::index(vm, start)? };
    Ok(new_instance(vm, cls, IterState::Enumerate { iterator, count }))
}

fn zip_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = class_arg(vm, args.this(), "zip")?;
    let rest = args.skip_self();
    let mut strict = false;
    for (name, value) in rest.kwargs() {
        if name.as_str() != "strict" {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for zip()", name.as_str())));
        }
        strict = protocol::object::truthy(vm, value)?;
    }
    let iterators = crate::rooted::RootedVec::new(vm);
    for &iterable in rest.positional() {
        let iterator = protocol::iter::iter(vm, iterable)?;
        iterators.push(vm, iterator);
    }
    let iterators = iterators.to_vec();
    Ok(new_instance(vm, cls, IterState::Zip { iterators, strict }))
}

fn map_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = class_arg(vm, args.this(), "map")?;
    let rest = args.skip_self();
    rest.no_kwargs(vm, "map")?;
    let values = rest.positional();
    if values.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let iterators = crate::rooted::RootedVec::new(vm);
    for &iterable in &values[1..] {
        let iterator = protocol::iter::iter(vm, iterable)?;
        iterators.push(vm, iterator);
    }
    let iterators = iterators.to_vec();
    Ok(new_instance(vm, cls, IterState::Map { function: values[0], iterators }))
}

fn filter_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = class_arg(vm, args.this(), "filter")?;
    let rest = args.skip_self();
    rest.no_kwargs(vm, "filter")?;
    let values = rest.positional();
    if values.len() != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", values.len())));
    }
    let iterator = protocol::iter::iter(vm, values[1])?;
    Ok(new_instance(vm, cls, IterState::Filter { function: values[0], iterator }))
}

fn reversed_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = class_arg(vm, args.this(), "reversed")?;
    let rest = args.skip_self();
    rest.no_kwargs(vm, "reversed")?;
    let values = rest.positional();
    if values.len() != 1 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", values.len())));
    }
    let sequence = values[0];
    if vm.is_exact(sequence, vm.types.tuple) && cls == vm.types.reversed {
        // An exact tuple has no `__reversed__` and is a sequence.
        let len = sequence.downcast::<crate::types::tuple::PyTuple>().expect("tuple").len();
        return Ok(new_instance(vm, cls, IterState::Reversed { sequence, index: len as isize - 1 }));
    }
    if let Some(method) = protocol::attr::lookup_special(vm, sequence, "__reversed__") {
        if vm.is_none(method) {
            let name = vm.type_name(sequence);
            return Err(vm.type_error(format!("'{name}' object is not reversible")));
        }
        return protocol::call::call(vm, method, &[sequence]);
    }
    let is_sequence = sequence.downcast::<PyDict>().is_none()
        && protocol::attr::lookup_special(vm, sequence, "__getitem__").is_some()
        && protocol::attr::lookup_special(vm, sequence, "__len__").is_some();
    if !is_sequence {
        let name = vm.type_name(sequence);
        return Err(vm.type_error(format!("'{name}' object is not reversible")));
    }
    let len = protocol::sequence::len(vm, sequence)?;
    Ok(new_instance(vm, cls, IterState::Reversed { sequence, index: len as isize - 1 }))
}

static ENUMERATE_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", enumerate_new),
    MethodDef::method("__iter__", iter_self),
    MethodDef::method("__next__", iter_next),
];
static ZIP_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", zip_new),
    MethodDef::method("__iter__", iter_self),
    MethodDef::method("__next__", iter_next),
];
static MAP_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", map_new),
    MethodDef::method("__iter__", iter_self),
    MethodDef::method("__next__", iter_next),
];
static FILTER_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", filter_new),
    MethodDef::method("__iter__", iter_self),
    MethodDef::method("__next__", iter_next),
];
static REVERSED_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", reversed_new),
    MethodDef::method("__iter__", iter_self),
    MethodDef::method("__next__", iter_next),
    MethodDef::method("__length_hint__", iter_length_hint),
];

const fn builtin_iterator_spec(name: &'static str, methods: &'static [MethodDef], doc: &'static str) -> TypeSpec {
    TypeSpec {
        name,
        base: None,
        layout: PyIterator::LAYOUT,
        layout_with_attrs: PyIterator::LAYOUT_WITH_ATTRS,
        methods,
        getsets: &[],
        doc,
    }
}

pub static ENUMERATE_SPEC: TypeSpec = builtin_iterator_spec(
    "enumerate",
    ENUMERATE_METHODS,
    "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object yields pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the iterable argument.",
);
pub static ZIP_SPEC: TypeSpec = builtin_iterator_spec(
    "zip",
    ZIP_METHODS,
    "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.",
);
pub static MAP_SPEC: TypeSpec = builtin_iterator_spec(
    "map",
    MAP_METHODS,
    "map(func, *iterables) --> map object\n\nMake an iterator that computes the function using arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted.",
);
pub static FILTER_SPEC: TypeSpec = builtin_iterator_spec(
    "filter",
    FILTER_METHODS,
    "filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding those items of iterable for which function(item)\nis true. If function is None, return the items that are true.",
);
pub static REVERSED_SPEC: TypeSpec = builtin_iterator_spec(
    "reversed",
    REVERSED_METHODS,
    "Return a reverse iterator over the values of the given sequence.",
);
