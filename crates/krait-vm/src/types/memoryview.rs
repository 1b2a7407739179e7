//! `memoryview`: a view of the bytes of a `bytes` or `bytearray`.
//!
//! Mirrors `Objects/memoryobject.c` of CPython 3.11 for the one-dimensional
//! byte case (formats `B`, `b` and `c`, itemsize 1). A view does not copy:
//! it holds the exporting object (`obj`, never another memoryview) and the
//! positions it covers, `start + i * step` for `i < len`, and reads and
//! writes through the exporter, so a view of a bytearray sees later writes
//! to it. Slicing a view makes a view of the same exporter with composed
//! positions.
//!
//! Not modelled: CPython's export count (a bytearray with live views cannot
//! be resized there, `BufferError`). With a tracing collector a dead view
//! would keep its exporter locked until the next collection, so Krait lets
//! the bytearray resize; positions a shrunken exporter no longer has read as
//! absent (`tobytes` is shorter, indexing them raises `IndexError`).

use std::cell::Cell;

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, GetSetDef, MethodDef, Signature};
use crate::object::{Gc, ObjHeader, PyPayload, ValueCell};
use crate::protocol::{attr, number};
use crate::types::bytearray::PyByteArray;
use crate::types::bytes::{new_bytes_vec, PyBytes};
use crate::types::str_methods::slice_indices;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyMemoryView {
    header: ObjHeader,
    /// The exporting `bytes` or `bytearray`.
    obj: ValueCell,
    start: usize,
    step: isize,
    len: usize,
    /// The item format: `b'B'`, `b'b'`, `b'c'`, or an integer format
    /// made by `cast` (`I`, `q`, ...).
    format: u8,
    /// Bytes per item: 1, except after a cast to a wider integer format.
    /// `len`, `start` and `step` always count bytes; such a view is
    /// contiguous, and it is read (`len`, items, `tolist`) but neither
    /// sliced nor written.
    itemsize: usize,
    /// Writes are refused: the exporter is a `bytes`, or the view came from
    /// `toreadonly()`.
    readonly: bool,
    released: Cell<bool>,
    hash: Cell<Option<i64>>,
}

impl_payload!(PyMemoryView, MemoryView);

impl PyMemoryView {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark(self.obj.get());
    }

    fn new(obj: Value, start: usize, step: isize, len: usize, format: u8) -> PyMemoryView {
        PyMemoryView {
            header: ObjHeader::new(PyMemoryView::LAYOUT, Value::NULL),
            obj: ValueCell::new(obj),
            start,
            step,
            len,
            format,
            itemsize: 1,
            readonly: obj.downcast::<PyByteArray>().is_none(),
            released: Cell::new(false),
            hash: Cell::new(None),
        }
    }

    pub fn is_released(&self) -> bool {
        self.released.get()
    }

    fn readonly(&self) -> bool {
        self.readonly
    }

    /// A view of the same exporter (and writability) as `self`.
    fn derived(&self, start: usize, step: isize, len: usize, format: u8) -> PyMemoryView {
        PyMemoryView { readonly: self.readonly, ..PyMemoryView::new(self.obj.get(), start, step, len, format) }
    }

    /// The exporter's position of item `i`.
    fn position(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.step) as usize
    }

    /// Run `f` on the exporter's current bytes (it must not call into Python).
    fn with_exporter<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        let obj = self.obj.get();
        if let Some(b) = obj.downcast::<PyBytes>() {
            return f(b.as_bytes());
        }
        match obj.downcast::<PyByteArray>() {
            Some(b) => b.with_data(|d| f(d)),
            None => f(&[]),
        }
    }

    /// A copy of the bytes the view covers.
    pub fn to_vec(&self) -> Vec<u8> {
        self.with_exporter(|data| (0..self.len).filter_map(|i| data.get(self.position(i)).copied()).collect())
    }

    /// The contents for `PyBUF_SIMPLE` consumers (`b''.join`, `+`, the
    /// `bytes` methods): `None` if released or not contiguous.
    pub fn simple_buffer(&self) -> Option<Vec<u8>> {
        (!self.is_released() && self.contiguous()).then(|| self.to_vec())
    }

    /// The contents for `PyBUF_FULL_RO` consumers (`bytes(view)`, slice
    /// assignment to a view), which accept any view.
    pub fn full_buffer(&self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        if self.is_released() {
            return Err(released_error(vm));
        }
        Ok(self.to_vec())
    }

    fn byte_at(&self, i: usize) -> Option<u8> {
        self.with_exporter(|data| data.get(self.position(i)).copied())
    }

    fn contiguous(&self) -> bool {
        self.len <= 1 || self.step == 1
    }
}

/// `self` of a memoryview method, checked not to be released.
fn this_view(vm: &mut Vm, v: Value, method: &str) -> PyResult<Gc<PyMemoryView>> {
    let view = this_view_any(vm, v, method)?;
    if view.is_released() {
        return Err(released_error(vm));
    }
    Ok(view)
}

/// `self` of a memoryview method, released or not.
fn this_view_any(vm: &mut Vm, v: Value, method: &str) -> PyResult<Gc<PyMemoryView>> {
    match v.downcast::<PyMemoryView>() {
        Some(view) => Ok(view),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' requires a 'memoryview' object but received a '{name}'")))
        }
    }
}

fn released_error(vm: &mut Vm) -> crate::error::PyErr {
    vm.value_error("operation forbidden on released memoryview object")
}

/// A new view of `obj` (`memoryview(obj)`), or `None` if `obj` does not
/// export a buffer.
pub fn new_memoryview(vm: &mut Vm, obj: Value) -> PyResult<Option<Value>> {
    let payload = if let Some(view) = obj.downcast::<PyMemoryView>() {
        if view.is_released() {
            return Err(released_error(vm));
        }
        view.derived(view.start, view.step, view.len, view.format)
    } else if let Some(b) = obj.downcast::<PyBytes>() {
        PyMemoryView::new(obj, 0, 1, b.len(), b'B')
    } else if let Some(b) = obj.downcast::<PyByteArray>() {
        PyMemoryView::new(obj, 0, 1, b.len(), b'B')
    } else {
        return Ok(None);
    };
    let ty = vm.types.memoryview;
    Ok(Some(vm.alloc(payload, ty).value()))
}

static NEW_SIG: Signature =
    Signature { name: "memoryview", params: &["cls", "object"], positional_only: 1, keyword_only: 2, required: 2 };

fn memoryview_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.positional().len() > 2 {
        let given = args.positional().len() - 1;
        return Err(vm.type_error(format!("memoryview() takes at most 1 argument ({given} given)")));
    }
    if args.positional().len() < 2 && !args.has_kwargs() {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"));
    }
    let [_, obj] = args.bind::<2>(vm, &NEW_SIG)?;
    match new_memoryview(vm, obj)? {
        Some(view) => Ok(view),
        None => {
            let name = vm.type_name(obj);
            Err(vm.type_error(format!("memoryview: a bytes-like object is required, not '{name}'")))
        }
    }
}

/// The Python value of one item in the view's format.
fn item_value(vm: &mut Vm, format: u8, byte: u8) -> Value {
    match format {
        b'b' => Value::from_small(byte as i8 as i64),
        b'c' => new_bytes_vec(vm, vec![byte]),
        _ => Value::from_small(byte as i64),
    }
}

/// The byte that stores `value` in the view's format.
fn item_byte(vm: &mut Vm, format: u8, value: Value) -> PyResult<u8> {
    let name = format as char;
    if format == b'c' {
        return match value.downcast::<PyBytes>() {
            Some(b) if b.len() == 1 => Ok(b.as_bytes()[0]),
            Some(_) => Err(vm.value_error(format!("memoryview: invalid value for format '{name}'"))),
            None => Err(vm.type_error(format!("memoryview: invalid type for format '{name}'"))),
        };
    }
    if !value.is_small_int() && value.downcast::<crate::types::int::PyInt>().is_none() {
        return Err(vm.type_error(format!("memoryview: invalid type for format '{name}'")));
    }
    let n = crate::types::int::to_i64(value);
    let range = if format == b'b' { -128..128 } else { 0..256 };
    match n {
        Some(n) if range.contains(&n) => Ok(n as u8),
        _ => Err(vm.value_error(format!("memoryview: invalid value for format '{name}'"))),
    }
}

fn is_index(vm: &mut Vm, v: Value) -> bool {
    v.is_small_int() || attr::lookup_special(vm, v, "__index__").is_some()
}

/// The item index of a key that is not a slice: an int, or a tuple of one
/// int (`memory_subscript`'s multi-index case, for one dimension).
fn item_index(vm: &mut Vm, view: Gc<PyMemoryView>, key: Value) -> PyResult<usize> {
    let key = match key.downcast::<crate::types::tuple::PyTuple>() {
        Some(tuple) => {
            let items = tuple.as_slice().to_vec();
            if items.iter().all(|&item| is_index(vm, item)) {
                match items.len() {
                    0 => return Err(vm.not_implemented_error("sub-views are not implemented")),
                    1 => items[0],
                    n => return Err(vm.type_error(format!("cannot index 1-dimension view with {n}-element tuple"))),
                }
            } else if !items.is_empty()
                && items.iter().all(|item| item.downcast::<crate::types::slice::PySlice>().is_some())
            {
                return Err(vm.not_implemented_error("multi-dimensional slicing is not implemented"));
            } else {
                return Err(vm.type_error("memoryview: invalid slice key"));
            }
        }
        None if is_index(vm, key) => key,
        None => return Err(vm.type_error("memoryview: invalid slice key")),
    };
    let mut i = number::to_index_isize(vm, key)?;
    if i < 0 {
        i += view.len as isize;
    }
    if i < 0 || i as usize >= view.len {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(i as usize)
}

fn memoryview_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__getitem__")?;
    let view = this_view(vm, this, "__getitem__")?;
    if view.itemsize > 1 {
        let i = wide_index(vm, view, key)?;
        return Ok(wide_item(vm, view, i));
    }
    if let Some((start, step, count)) = slice_indices(vm, key, view.len)? {
        let first = if count == 0 { view.start } else { view.position(start.max(0) as usize) };
        let payload = view.derived(first, view.step * step, count, view.format);
        let ty = vm.types.memoryview;
        return Ok(vm.alloc(payload, ty).value());
    }
    let i = item_index(vm, view, key)?;
    match view.byte_at(i) {
        Some(byte) => Ok(item_value(vm, view.format, byte)),
        None => Err(vm.index_error("index out of bounds on dimension 1")),
    }
}

fn memoryview_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key, value] = args.exact::<3>(vm, "__setitem__")?;
    let view = this_view(vm, this, "__setitem__")?;
    if view.itemsize > 1 {
        return Err(vm.not_implemented_error("memoryview: writing to a cast view is not supported"));
    }
    let target = view.obj.get().downcast::<PyByteArray>().filter(|_| !view.readonly());
    let Some(target) = target else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    if let Some((start, step, count)) = slice_indices(vm, key, view.len)? {
        let new = match value.downcast::<PyMemoryView>() {
            Some(source) => Some(source.full_buffer(vm)?),
            None => crate::types::bytes::as_buffer(value),
        };
        let Some(new) = new else {
            let name = vm.type_name(value);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{name}'")));
        };
        if new.len() != count {
            return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let positions: Vec<usize> = (0..count).map(|i| view.position((start + i as isize * step) as usize)).collect();
        target.with_data(|d| {
            for (&at, byte) in positions.iter().zip(new) {
                if let Some(slot) = d.get_mut(at) {
                    *slot = byte;
                }
            }
        });
        return Ok(vm.none());
    }
    let i = item_index(vm, view, key)?;
    let byte = item_byte(vm, view.format, value)?;
    let at = view.position(i);
    let stored = target.with_data(|d| d.get_mut(at).map(|slot| *slot = byte).is_some());
    if !stored {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(vm.none())
}

fn memoryview_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, _key] = args.exact::<2>(vm, "__delitem__")?;
    let view = this_view(vm, this, "__delitem__")?;
    if view.readonly() {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    Err(vm.type_error("cannot delete memory"))
}

fn memoryview_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__len__")?;
    let view = this_view(vm, this, "__len__")?;
    Ok(vm.new_int((view.len / view.itemsize) as i64))
}

fn memoryview_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__iter__")?;
    if this_view(vm, this, "__iter__")?.itemsize > 1 {
        return Err(vm.not_implemented_error("memoryview: iterating over a cast view is not supported"));
    }
    Ok(crate::types::iterator::new_memory_iterator(vm, this))
}

fn memoryview_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let view = this_view_any(vm, this, "__repr__")?;
    let state = if view.is_released() { "released " } else { "" };
    Ok(vm.new_str(&format!("<{state}memory at {:#x}>", this.to_bits())))
}

fn memoryview_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__hash__")?;
    let view = this_view(vm, this, "__hash__")?;
    if let Some(h) = view.hash.get() {
        return Ok(vm.new_int(h));
    }
    if !view.readonly() {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    // CPython hashes the exporter first, so a read-only view of a bytearray
    // is unhashable as the bytearray is (`memory_hash`).
    crate::protocol::hash::hash(vm, view.obj.get())?;
    let h = crate::hashing::hash_bytes(&view.to_vec());
    view.hash.set(Some(h));
    Ok(vm.new_int(h))
}

/// `==`: equal items; a released view equals only itself
/// (`memory_richcompare`).
fn equal(vm: &mut Vm, this: Value, other: Value) -> PyResult<Option<bool>> {
    let view = this_view_any(vm, this, "__eq__")?;
    if this.is(other) {
        return Ok(Some(true));
    }
    let other_released = other.downcast::<PyMemoryView>().is_some_and(|v| v.is_released());
    if view.is_released() || other_released {
        return Ok(Some(false));
    }
    let theirs = match other.downcast::<PyMemoryView>() {
        Some(source) => source.to_vec(),
        None => match crate::types::bytes::as_buffer(other) {
            Some(data) => data,
            None => return Ok(None),
        },
    };
    let their_format = other.downcast::<PyMemoryView>().map_or(b'B', |v| v.format);
    let ours = view.to_vec();
    if ours.len() != theirs.len() {
        return Ok(Some(false));
    }
    // Items compare as values: a signed byte differs from an unsigned one
    // with the same bits unless both are below 128.
    let signed = |f: u8| f == b'b';
    let same = ours.iter().zip(&theirs).all(|(&a, &b)| {
        if a != b {
            return false;
        }
        view.format == their_format || a < 128 || signed(view.format) == signed(their_format)
    });
    Ok(Some(same))
}

fn memoryview_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__eq__")?;
    match equal(vm, this, other)? {
        Some(b) => Ok(vm.bool_value(b)),
        None => Ok(vm.not_implemented()),
    }
}

fn memoryview_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__ne__")?;
    match equal(vm, this, other)? {
        Some(b) => Ok(vm.bool_value(!b)),
        None => Ok(vm.not_implemented()),
    }
}

static TOBYTES_SIG: Signature =
    Signature { name: "tobytes", params: &["self", "order"], positional_only: 1, keyword_only: 2, required: 1 };

fn memoryview_tobytes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, order] = args.bind::<2>(vm, &TOBYTES_SIG)?;
    let view = this_view(vm, this, "tobytes")?;
    if !order.is_null() && !vm.is_none(order) {
        let valid = order.downcast::<crate::types::str::PyStr>().is_some_and(|s| matches!(s.as_str(), "C" | "F" | "A"));
        if !valid {
            return Err(vm.value_error("order must be 'C', 'F' or 'A'"));
        }
    }
    let data = view.to_vec();
    Ok(new_bytes_vec(vm, data))
}

fn memoryview_tolist(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "tolist")?;
    let view = this_view(vm, this, "tolist")?;
    let list = crate::types::list::new_list(vm, &[]);
    let list = list.downcast::<crate::types::list::PyList>().expect("a list");
    if view.itemsize > 1 {
        for i in 0..view.len / view.itemsize {
            let item = wide_item(vm, view, i);
            list.push(item);
        }
        return Ok(list.value());
    }
    for byte in view.to_vec() {
        let item = item_value(vm, view.format, byte);
        list.push(item);
    }
    Ok(list.value())
}

/// `hex(sep=None, bytes_per_sep=1)`: `bytes.hex` of the contents.
fn memoryview_hex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let view = this_view(vm, args.this(), "hex")?;
    let data = view.to_vec();
    let contents = new_bytes_vec(vm, data);
    let mut values = args.all().to_vec();
    values[0] = contents;
    crate::types::bytes::bytes_hex(vm, Args::new(&values, args.kwnames()))
}

fn memoryview_release(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "release")?;
    let view = this_view_any(vm, this, "release")?;
    view.released.set(true);
    Ok(vm.none())
}

fn memoryview_enter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__enter__")?;
    this_view(vm, this, "__enter__")?;
    Ok(this)
}

fn memoryview_exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let view = this_view_any(vm, this, "__exit__")?;
    view.released.set(true);
    Ok(vm.none())
}

fn memoryview_toreadonly(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "toreadonly")?;
    let view = this_view(vm, this, "toreadonly")?;
    let payload = PyMemoryView { readonly: true, ..view.derived(view.start, view.step, view.len, view.format) };
    let ty = vm.types.memoryview;
    Ok(vm.alloc(payload, ty).value())
}

static CAST_SIG: Signature =
    Signature { name: "cast", params: &["self", "format", "shape"], positional_only: 1, keyword_only: 3, required: 2 };

/// `cast(format)` between the byte formats `B`, `b` and `c`.
fn memoryview_cast(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, format, shape] = args.bind::<3>(vm, &CAST_SIG)?;
    let view = this_view(vm, this, "cast")?;
    let Some(text) = format.downcast::<crate::types::str::PyStr>() else {
        let name = vm.type_name(format);
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {name}")));
    };
    if !view.contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let format = text.as_str().strip_prefix('@').unwrap_or(text.as_str());
    let (code, itemsize) =
        match format.as_bytes() {
            [c @ (b'B' | b'b' | b'c')] => (*c, 1),
            [c @ (b'h' | b'H')] => (*c, 2),
            [c @ (b'i' | b'I')] => (*c, 4),
            [c @ (b'l' | b'L' | b'q' | b'Q' | b'n' | b'N')] => (*c, 8),
            _ => return Err(vm.value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            )),
        };
    if !shape.is_null() {
        return Err(vm.not_implemented_error("memoryview.cast() with a shape is not supported"));
    }
    if view.itemsize > 1 && itemsize > 1 {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    if view.len % itemsize != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let payload = PyMemoryView { itemsize, ..view.derived(view.start, 1, view.len, code) };
    let ty = vm.types.memoryview;
    Ok(vm.alloc(payload, ty).value())
}

/// The index of an item of a cast view (no slices: see `itemsize`).
fn wide_index(vm: &mut Vm, view: Gc<PyMemoryView>, key: Value) -> PyResult<usize> {
    if key.downcast::<crate::types::slice::PySlice>().is_some() {
        return Err(vm.not_implemented_error("memoryview: slicing a cast view is not supported"));
    }
    let count = (view.len / view.itemsize) as i64;
    let i = crate::protocol::number::to_i64(vm, key)?;
    let i = if i < 0 { i + count } else { i };
    if i < 0 || i >= count {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(i as usize)
}

/// Item `i` of a cast view: a native-endian integer of `itemsize` bytes.
fn wide_item(vm: &mut Vm, view: Gc<PyMemoryView>, i: usize) -> Value {
    let mut bytes = [0u8; 8];
    let size = view.itemsize;
    for (k, b) in bytes.iter_mut().take(size).enumerate() {
        *b = view.byte_at(i * size + k).unwrap_or(0);
    }
    if cfg!(target_endian = "big") {
        bytes.rotate_right(8 - size);
    }
    let unsigned = u64::from_ne_bytes(bytes);
    let signed = view.format.is_ascii_lowercase();
    if !signed {
        return vm.new_bigint(num_bigint::BigInt::from(unsigned));
    }
    let shift = 64 - 8 * size as u32;
    vm.new_int(((unsigned << shift) as i64) >> shift)
}

// ---- attributes ---------------------------------------------------------------------------

fn getter_view(vm: &mut Vm, v: Value) -> PyResult<Gc<PyMemoryView>> {
    let view = v.downcast::<PyMemoryView>().expect("a memoryview");
    if view.is_released() {
        return Err(released_error(vm));
    }
    Ok(view)
}

fn get_obj(vm: &mut Vm, v: Value) -> PyResult {
    Ok(getter_view(vm, v)?.obj.get())
}

fn get_nbytes(vm: &mut Vm, v: Value) -> PyResult {
    let len = getter_view(vm, v)?.len;
    Ok(vm.new_int(len as i64))
}

fn get_readonly(vm: &mut Vm, v: Value) -> PyResult {
    let readonly = getter_view(vm, v)?.readonly();
    Ok(vm.bool_value(readonly))
}

fn get_itemsize(vm: &mut Vm, v: Value) -> PyResult {
    let itemsize = getter_view(vm, v)?.itemsize;
    Ok(Value::from_small(itemsize as i64))
}

fn get_format(vm: &mut Vm, v: Value) -> PyResult {
    let format = getter_view(vm, v)?.format;
    Ok(vm.new_str(&(format as char).to_string()))
}

fn get_ndim(vm: &mut Vm, v: Value) -> PyResult {
    getter_view(vm, v)?;
    Ok(Value::from_small(1))
}

fn get_shape(vm: &mut Vm, v: Value) -> PyResult {
    let view = getter_view(vm, v)?;
    let len = view.len / view.itemsize;
    let len = vm.new_int(len as i64);
    Ok(crate::types::tuple::new_tuple(vm, &[len]))
}

fn get_strides(vm: &mut Vm, v: Value) -> PyResult {
    let view = getter_view(vm, v)?;
    let step = view.step * view.itemsize as isize;
    let step = vm.new_int(step as i64);
    Ok(crate::types::tuple::new_tuple(vm, &[step]))
}

fn get_suboffsets(vm: &mut Vm, v: Value) -> PyResult {
    getter_view(vm, v)?;
    Ok(vm.singletons.empty_tuple)
}

fn get_contiguous(vm: &mut Vm, v: Value) -> PyResult {
    let contiguous = getter_view(vm, v)?.contiguous();
    Ok(vm.bool_value(contiguous))
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "memoryview",
    base: None,
    layout: PyMemoryView::LAYOUT,
    layout_with_attrs: None,
    methods: METHODS,
    getsets: GETSETS,
    doc: "Create a new memoryview object which references the given object.",
};

static METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", memoryview_new),
    MethodDef::method("__repr__", memoryview_repr),
    MethodDef::method("__hash__", memoryview_hash),
    MethodDef::method("__len__", memoryview_len),
    MethodDef::method("__iter__", memoryview_iter),
    MethodDef::method("__getitem__", memoryview_getitem),
    MethodDef::method("__setitem__", memoryview_setitem),
    MethodDef::method("__delitem__", memoryview_delitem),
    MethodDef::method("__eq__", memoryview_eq),
    MethodDef::method("__ne__", memoryview_ne),
    MethodDef::method("__enter__", memoryview_enter),
    MethodDef::method("__exit__", memoryview_exit),
    MethodDef::method("tobytes", memoryview_tobytes),
    MethodDef::method("tolist", memoryview_tolist),
    MethodDef::method("hex", memoryview_hex),
    MethodDef::method("release", memoryview_release),
    MethodDef::method("toreadonly", memoryview_toreadonly),
    MethodDef::method("cast", memoryview_cast),
];

static GETSETS: &[GetSetDef] = &[
    GetSetDef::readonly("obj", get_obj),
    GetSetDef::readonly("nbytes", get_nbytes),
    GetSetDef::readonly("readonly", get_readonly),
    GetSetDef::readonly("itemsize", get_itemsize),
    GetSetDef::readonly("format", get_format),
    GetSetDef::readonly("ndim", get_ndim),
    GetSetDef::readonly("shape", get_shape),
    GetSetDef::readonly("strides", get_strides),
    GetSetDef::readonly("suboffsets", get_suboffsets),
    GetSetDef::readonly("c_contiguous", get_contiguous),
    GetSetDef::readonly("f_contiguous", get_contiguous),
    GetSetDef::readonly("contiguous", get_contiguous),
];
