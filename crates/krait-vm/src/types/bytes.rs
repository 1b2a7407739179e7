//! `bytes`, and the methods it shares with `bytearray`.
//!
//! Mirrors `Objects/bytesobject.c` and `Objects/bytes_methods.c` of CPython
//! 3.11. Every non-mutating method is written once here over `&[u8]` and
//! listed in the method tables of both types: `self_bytes` copies the
//! receiver's contents out (a bytearray's buffer is a `RefCell` that Python
//! code may change, so nothing holds a borrow across a call), and
//! `BytesKind::make` builds the result as the receiver's base type, as
//! CPython does (`bytearray(b'a').upper()` is a bytearray).
//!
//! The character classes are ASCII-only, as in `Py_ISSPACE` & co.

use std::cell::Cell;

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, MethodDef, Signature};
use crate::object::{ObjHeader, PyPayload};
use crate::protocol::{attr, call, iter, number};
use crate::types::bytearray::PyByteArray;
use crate::types::memoryview::PyMemoryView;
use crate::types::str::PyStr;
use crate::types::str_methods::{
    adjust_indices, decode, encode, expand_tabs, keepends_arg, line_ranges, repeat_count, rsplit_whitespace,
    slice_index, slice_indices, split_whitespace,
};
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::typeobject::PyType;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyBytes {
    header: ObjHeader,
    data: Box<[u8]>,
    /// CPython's hash of the bytes, or -1 until computed.
    hash: Cell<i64>,
}

impl_payload!(PyBytes, Bytes, subclassable);

impl PyBytes {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.external += self.data.len();
    }

    pub fn new(data: Box<[u8]>) -> PyBytes {
        PyBytes { header: ObjHeader::new(PyBytes::LAYOUT, Value::NULL), data, hash: Cell::new(-1) }
    }

    #[inline(always)]
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }

    pub fn len(&self) -> usize {
        self.data.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// CPython's `hash()` of these bytes.
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = crate::hashing::hash_bytes(&self.data);
        self.hash.set(h);
        h
    }
}

/// A new exact `bytes` value.
pub fn new_bytes(vm: &mut Vm, data: &[u8]) -> Value {
    new_bytes_vec(vm, data.to_vec())
}

/// A new exact `bytes` value, taking the buffer.
pub fn new_bytes_vec(vm: &mut Vm, data: Vec<u8>) -> Value {
    if data.len() > 256 {
        vm.account_external(data.len());
    }
    let ty = vm.types.bytes;
    vm.alloc(PyBytes::new(data.into_boxed_slice()), ty).value()
}

/// The type a shared method builds its results as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BytesKind {
    Bytes,
    ByteArray,
}

impl BytesKind {
    pub fn make(self, vm: &mut Vm, data: Vec<u8>) -> Value {
        match self {
            BytesKind::Bytes => new_bytes_vec(vm, data),
            BytesKind::ByteArray => crate::types::bytearray::new_bytearray(vm, data),
        }
    }
}

/// The contents of `self` of a shared method, and its kind.
pub fn self_bytes(vm: &mut Vm, v: Value, method: &str) -> PyResult<(Vec<u8>, BytesKind)> {
    if let Some(b) = v.downcast::<PyBytes>() {
        return Ok((b.as_bytes().to_vec(), BytesKind::Bytes));
    }
    if let Some(b) = v.downcast::<PyByteArray>() {
        return Ok((b.to_vec(), BytesKind::ByteArray));
    }
    let name = vm.type_name(v);
    Err(vm.type_error(format!("descriptor '{method}' requires a 'bytes' object but received a '{name}'")))
}

/// The contents of a bytes-like object (`bytes`, `bytearray`, an
/// unreleased contiguous `memoryview`): what CPython's
/// `PyObject_GetBuffer(v, PyBUF_SIMPLE)` accepts.
pub fn as_buffer(v: Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<PyBytes>() {
        return Some(b.as_bytes().to_vec());
    }
    if let Some(view) = v.downcast::<PyMemoryView>() {
        return view.simple_buffer();
    }
    v.downcast::<PyByteArray>().map(|b| b.to_vec())
}

/// A bytes-like argument, with CPython's buffer-protocol message.
pub fn buffer_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match as_buffer(v) {
        Some(data) => Ok(data),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{name}'")))
        }
    }
}

/// A byte value given as an int (`b'abc'.find(98)`, `98 in b'abc'`).
fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = number::index(vm, v)?;
    match crate::types::int::as_bigint(i).and_then(|n| num_traits::ToPrimitive::to_u8(n.as_ref())) {
        Some(b) => Ok(b),
        None => Err(vm.value_error("byte must be in range(0, 256)")),
    }
}

/// The `sub` argument of `find`/`count`/...: bytes-like or an int.
fn sub_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(data) = as_buffer(v) {
        return Ok(data);
    }
    if v.is_small_int() || attr::lookup_special(vm, v, "__index__").is_some() {
        return Ok(vec![byte_value(vm, v)?]);
    }
    let name = vm.type_name(v);
    Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{name}'")))
}

// ---- byte-string algorithms ---------------------------------------------------------------

/// The first index of `needle` in `hay`.
pub fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    if needle.len() == 1 {
        return hay.iter().position(|&b| b == needle[0]);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The last index of `needle` in `hay`.
pub fn rfind_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    if needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Non-overlapping occurrences of a non-empty `needle`.
fn count_bytes(hay: &[u8], needle: &[u8]) -> usize {
    let mut count = 0;
    let mut pos = 0;
    while let Some(i) = find_bytes(&hay[pos..], needle) {
        count += 1;
        pos += i + needle.len();
    }
    count
}

/// Split on `sep` at most `maxsplit` times, from the right if `reverse`.
pub fn split_bytes<'a>(data: &'a [u8], sep: &[u8], maxsplit: isize, reverse: bool) -> Vec<&'a [u8]> {
    let mut remaining = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut parts = Vec::new();
    if reverse {
        let mut end = data.len();
        while remaining > 0 {
            match rfind_bytes(&data[..end], sep) {
                Some(i) => {
                    parts.push(&data[i + sep.len()..end]);
                    end = i;
                    remaining -= 1;
                }
                None => break,
            }
        }
        parts.push(&data[..end]);
        parts.reverse();
    } else {
        let mut start = 0;
        while remaining > 0 {
            match find_bytes(&data[start..], sep) {
                Some(i) => {
                    parts.push(&data[start..start + i]);
                    start += i + sep.len();
                    remaining -= 1;
                }
                None => break,
            }
        }
        parts.push(&data[start..]);
    }
    parts
}

/// Replace occurrences of `old` by `new`, at most `count` (negative: all).
/// An empty `old` matches before every byte and at the end.
pub fn replace_bytes(data: &[u8], old: &[u8], new: &[u8], count: isize) -> Vec<u8> {
    let mut remaining = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        for (i, &b) in data.iter().enumerate() {
            if remaining > 0 {
                out.extend_from_slice(new);
                remaining -= 1;
            } else {
                out.extend_from_slice(&data[i..]);
                return out;
            }
            out.push(b);
        }
        if remaining > 0 {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut pos = 0;
    while remaining > 0 {
        match find_bytes(&data[pos..], old) {
            Some(i) => {
                out.extend_from_slice(&data[pos..pos + i]);
                out.extend_from_slice(new);
                pos += i + old.len();
                remaining -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&data[pos..]);
    out
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// `repr()` of byte contents: `b'...'`, double quotes only if the data
/// holds a `'` and no `"`.
pub fn bytes_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote as char);
    out
}

// ---- construction -------------------------------------------------------------------------

static BYTES_NEW_SIG: Signature = Signature {
    name: "bytes",
    params: &["source", "encoding", "errors"],
    positional_only: 0,
    keyword_only: 3,
    required: 0,
};

/// The contents for `bytes(source, encoding, errors)` / `bytearray(...)`.
pub fn bytes_from_source(vm: &mut Vm, source: Value, encoding: Value, errors: Value) -> PyResult<Vec<u8>> {
    let text_arg = |vm: &mut Vm, v: Value, param: &str| -> PyResult<Option<String>> {
        if v.is_null() {
            return Ok(None);
        }
        match v.downcast::<PyStr>() {
            Some(s) => Ok(Some(s.as_str().to_string())),
            None => {
                let name = vm.type_name(v);
                Err(vm.type_error(format!("bytes() argument '{param}' must be str, not {name}")))
            }
        }
    };
    let encoding_text = text_arg(vm, encoding, "encoding")?;
    let errors_text = text_arg(vm, errors, "errors")?;
    if source.is_null() {
        if encoding_text.is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if errors_text.is_some() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    }
    if let Some(s) = source.downcast::<PyStr>() {
        let Some(encoding) = encoding_text else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        return encode(vm, s.as_str(), source, &encoding, errors_text.as_deref().unwrap_or("strict"));
    }
    if encoding_text.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors_text.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(method) = attr::lookup_special(vm, source, "__bytes__") {
        let result = call::call(vm, method, &[source])?;
        return match result.downcast::<PyBytes>() {
            Some(b) => Ok(b.as_bytes().to_vec()),
            None => {
                let name = vm.type_name(result);
                Err(vm.type_error(format!("__bytes__ returned non-bytes (type {name})")))
            }
        };
    }
    if let Some(view) = source.downcast::<PyMemoryView>() {
        // `bytes(view)` copies any view, contiguous or not.
        return view.full_buffer(vm);
    }
    if let Some(data) = as_buffer(source) {
        return Ok(data);
    }
    if source.is_small_int() || attr::lookup_special(vm, source, "__index__").is_some() {
        let n = number::to_index_isize(vm, source)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        if n as usize > (1usize << 40) {
            return Err(vm.memory_error());
        }
        return Ok(vec![0; n as usize]);
    }
    if attr::lookup_special(vm, source, "__iter__").is_none()
        && attr::lookup_special(vm, source, "__getitem__").is_none()
    {
        let name = vm.type_name(source);
        return Err(vm.type_error(format!("cannot convert '{name}' object to bytes")));
    }
    let iterator = iter::iter(vm, source)?;
    let mut out = Vec::new();
    while let Some(item) = iter::next(vm, iterator)? {
        let i = number::index(vm, item)?;
        match crate::types::int::as_bigint(i).and_then(|n| num_traits::ToPrimitive::to_u8(n.as_ref())) {
            Some(b) => out.push(b),
            None => return Err(vm.value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

/// `bytes.__new__(cls, source=b'', encoding=..., errors=...)`.
fn bytes_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.this();
    let [source, encoding, errors] = args.skip_self().bind::<3>(vm, &BYTES_NEW_SIG)?;
    let data = bytes_from_source(vm, source, encoding, errors)?;
    let Some(cls) = cls.downcast::<PyType>() else {
        return Err(vm.type_error("bytes.__new__(X): X is not a type object"));
    };
    if cls == vm.types.bytes {
        return Ok(new_bytes_vec(vm, data));
    }
    Ok(vm.alloc_instance(PyBytes::new(data.into_boxed_slice()), cls).value())
}

// ---- operators ----------------------------------------------------------------------------

pub(crate) fn bytes_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__len__")?;
    let (data, _) = self_bytes(vm, this, "__len__")?;
    Ok(Value::from_small(data.len() as i64))
}

fn bytes_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__hash__")?;
    let Some(b) = this.downcast::<PyBytes>() else {
        return Err(vm.type_error("descriptor '__hash__' requires a 'bytes' object"));
    };
    let h = b.hash();
    Ok(vm.new_int(h))
}

pub(crate) fn bytes_repr_method(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__repr__")?;
    let (data, kind) = self_bytes(vm, this, "__repr__")?;
    let text = match kind {
        BytesKind::Bytes => bytes_repr(&data),
        BytesKind::ByteArray => {
            let name = vm.type_name(this);
            format!("{name}({})", bytes_repr(&data))
        }
    };
    Ok(vm.new_str(&text))
}

pub(crate) fn bytes_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__add__")?;
    let (mut data, kind) = self_bytes(vm, this, "__add__")?;
    let Some(more) = as_buffer(other) else {
        return Ok(vm.not_implemented());
    };
    data.extend_from_slice(&more);
    Ok(kind.make(vm, data))
}

pub(crate) fn bytes_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, count] = args.exact::<2>(vm, "__mul__")?;
    let (data, kind) = self_bytes(vm, this, "__mul__")?;
    let Some(n) = repeat_count(vm, count, data.len(), "bytes")? else {
        return Ok(vm.not_implemented());
    };
    Ok(kind.make(vm, data.repeat(n)))
}

pub(crate) fn bytes_mod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, values] = args.exact::<2>(vm, "__mod__")?;
    let (data, kind) = self_bytes(vm, this, "__mod__")?;
    let format: String = data.iter().map(|&b| b as char).collect();
    let text = crate::types::str_format::percent_format(vm, &format, values, true)?;
    let out: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    Ok(kind.make(vm, out))
}

pub(crate) fn bytes_rmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [_this, _other] = args.exact::<2>(vm, "__rmod__")?;
    Ok(vm.not_implemented())
}

pub(crate) fn bytes_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, item] = args.exact::<2>(vm, "__contains__")?;
    let (data, _) = self_bytes(vm, this, "__contains__")?;
    let found = if let Some(sub) = as_buffer(item) {
        find_bytes(&data, &sub).is_some()
    } else if item.is_small_int() || attr::lookup_special(vm, item, "__index__").is_some() {
        let b = byte_value(vm, item)?;
        data.contains(&b)
    } else {
        let name = vm.type_name(item);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{name}'")));
    };
    Ok(vm.bool_value(found))
}

pub(crate) fn bytes_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__getitem__")?;
    let (data, kind) = self_bytes(vm, this, "__getitem__")?;
    if let Some((start, step, count)) = slice_indices(vm, key, data.len())? {
        let out: Vec<u8> = (0..count).map(|i| data[(start + i as isize * step) as usize]).collect();
        if kind == BytesKind::Bytes && count == data.len() && step == 1 && vm.is_exact(this, vm.types.bytes) {
            return Ok(this);
        }
        return Ok(kind.make(vm, out));
    }
    if !key.is_small_int() && attr::lookup_special(vm, key, "__index__").is_none() {
        let name = vm.type_name(key);
        let what = if kind == BytesKind::Bytes { "byte" } else { "bytearray" };
        return Err(vm.type_error(format!("{what} indices must be integers or slices, not {name}")));
    }
    let mut i = number::to_index_isize(vm, key)?;
    if i < 0 {
        i += data.len() as isize;
    }
    if i < 0 || i as usize >= data.len() {
        let message = if kind == BytesKind::Bytes { "index out of range" } else { "bytearray index out of range" };
        return Err(vm.index_error(message));
    }
    Ok(Value::from_small(data[i as usize] as i64))
}

fn compare(vm: &mut Vm, args: Args<'_>, name: &str, test: fn(std::cmp::Ordering) -> bool) -> PyResult {
    let [this, other] = args.exact::<2>(vm, name)?;
    let (data, kind) = self_bytes(vm, this, name)?;
    // `bytes` compares only with `bytes` (`bytes_richcompare`); `==` with a
    // memoryview is answered by the view's reflected `__eq__`.
    if kind == BytesKind::Bytes && other.downcast::<PyMemoryView>().is_some() {
        return Ok(vm.not_implemented());
    }
    let Some(other) = as_buffer(other) else {
        return Ok(vm.not_implemented());
    };
    Ok(vm.bool_value(test(data.as_slice().cmp(other.as_slice()))))
}

pub(crate) fn bytes_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__eq__", |o| o.is_eq())
}
pub(crate) fn bytes_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__ne__", |o| o.is_ne())
}
pub(crate) fn bytes_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__lt__", |o| o.is_lt())
}
pub(crate) fn bytes_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__le__", |o| o.is_le())
}
pub(crate) fn bytes_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__gt__", |o| o.is_gt())
}
pub(crate) fn bytes_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__ge__", |o| o.is_ge())
}

fn bytes_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__getnewargs__")?;
    let (data, _) = self_bytes(vm, this, "__getnewargs__")?;
    let copy = new_bytes_vec(vm, data);
    Ok(new_tuple(vm, &[copy]))
}

// ---- methods ------------------------------------------------------------------------------

/// The `sub[, start[, end]]` arguments, as `stringlib`'s `parse_args_finds`.
fn find_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Value, Option<isize>, Option<isize>)> {
    args.no_kwargs(vm, name)?;
    let positional = args.positional();
    let given = positional.len() - 1;
    if given == 0 {
        return Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if given > 3 {
        return Err(vm.type_error(format!("{name}() takes at most 3 arguments ({given} given)")));
    }
    let start = slice_index(vm, positional.get(2).copied().unwrap_or(Value::NULL))?;
    let end = slice_index(vm, positional.get(3).copied().unwrap_or(Value::NULL))?;
    Ok((positional[1], start, end))
}

fn find_impl(vm: &mut Vm, args: Args<'_>, name: &str, reverse: bool, raise: bool) -> PyResult {
    let (data, _) = self_bytes(vm, args.this(), name)?;
    let (sub, start, end) = find_args(vm, &args, name)?;
    let sub = sub_arg(vm, sub)?;
    let (start, end) = adjust_indices(start, end, data.len());
    let found = if start > end {
        None
    } else {
        let window = &data[start..end];
        let found = if reverse { rfind_bytes(window, &sub) } else { find_bytes(window, &sub) };
        found.map(|i| i + start)
    };
    match found {
        Some(i) => Ok(Value::from_small(i as i64)),
        None if raise => Err(vm.value_error("subsection not found")),
        None => Ok(Value::from_small(-1)),
    }
}

pub(crate) fn bytes_find(vm: &mut Vm, args: Args<'_>) -> PyResult {
    find_impl(vm, args, "find", false, false)
}
pub(crate) fn bytes_rfind(vm: &mut Vm, args: Args<'_>) -> PyResult {
    find_impl(vm, args, "rfind", true, false)
}
pub(crate) fn bytes_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    find_impl(vm, args, "index", false, true)
}
pub(crate) fn bytes_rindex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    find_impl(vm, args, "rindex", true, true)
}

pub(crate) fn bytes_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (data, _) = self_bytes(vm, args.this(), "count")?;
    let (sub, start, end) = find_args(vm, &args, "count")?;
    let sub = sub_arg(vm, sub)?;
    let (start, end) = adjust_indices(start, end, data.len());
    let count = if start > end {
        0
    } else if sub.is_empty() {
        end - start + 1
    } else {
        count_bytes(&data[start..end], &sub)
    };
    Ok(Value::from_small(count as i64))
}

fn tail_match(vm: &mut Vm, args: Args<'_>, name: &str, at_end: bool) -> PyResult {
    let (data, _) = self_bytes(vm, args.this(), name)?;
    let (prefix, start, end) = find_args(vm, &args, name)?;
    let (start, end) = adjust_indices(start, end, data.len());
    let window = if start > end { None } else { Some(&data[start..end]) };
    let matches = |p: &[u8]| window.is_some_and(|w| if at_end { w.ends_with(p) } else { w.starts_with(p) });
    if let Some(tuple) = prefix.downcast::<PyTuple>() {
        for &item in tuple.as_slice() {
            let Some(p) = as_buffer(item) else {
                let type_name = vm.type_name(item);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{type_name}'")));
            };
            if matches(&p) {
                return Ok(vm.bool_value(true));
            }
        }
        return Ok(vm.bool_value(false));
    }
    match as_buffer(prefix) {
        Some(p) => Ok(vm.bool_value(matches(&p))),
        None => {
            let type_name = vm.type_name(prefix);
            Err(vm.type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {type_name}")))
        }
    }
}

pub(crate) fn bytes_startswith(vm: &mut Vm, args: Args<'_>) -> PyResult {
    tail_match(vm, args, "startswith", false)
}
pub(crate) fn bytes_endswith(vm: &mut Vm, args: Args<'_>) -> PyResult {
    tail_match(vm, args, "endswith", true)
}

static DECODE_SIG: Signature = Signature {
    name: "decode",
    params: &["self", "encoding", "errors"],
    positional_only: 1,
    keyword_only: 3,
    required: 1,
};

pub(crate) fn bytes_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, encoding, errors] = args.bind::<3>(vm, &DECODE_SIG)?;
    let (data, _) = self_bytes(vm, this, "decode")?;
    let name_arg = |vm: &mut Vm, v: Value, param: &str, default: &str| -> PyResult<String> {
        if v.is_null() {
            return Ok(default.to_string());
        }
        match v.downcast::<PyStr>() {
            Some(s) => Ok(s.as_str().to_string()),
            None => {
                let name = vm.type_name(v);
                Err(vm.type_error(format!("decode() argument '{param}' must be str, not {name}")))
            }
        }
    };
    let encoding = name_arg(vm, encoding, "encoding", "utf-8")?;
    let errors = name_arg(vm, errors, "errors", "strict")?;
    decode(vm, &data, this, &encoding, &errors)
}

/// A method `fn(self) -> same kind` computed from the bytes alone.
fn map_bytes(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult {
    let [this] = args.exact::<1>(vm, name)?;
    let (data, kind) = self_bytes(vm, this, name)?;
    Ok(kind.make(vm, f(&data)))
}

fn title_bytes(data: &[u8]) -> Vec<u8> {
    let mut previous_is_cased = false;
    data.iter()
        .map(|&b| {
            let out = if previous_is_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
            previous_is_cased = b.is_ascii_alphabetic();
            out
        })
        .collect()
}

pub(crate) fn bytes_lower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(vm, args, "lower", |d| d.to_ascii_lowercase())
}
pub(crate) fn bytes_upper(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(vm, args, "upper", |d| d.to_ascii_uppercase())
}
pub(crate) fn bytes_swapcase(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(vm, args, "swapcase", |d| {
        d.iter()
            .map(|&b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() })
            .collect()
    })
}
pub(crate) fn bytes_capitalize(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(vm, args, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, &b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() })
            .collect()
    })
}
pub(crate) fn bytes_title(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(vm, args, "title", title_bytes)
}

fn predicate(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&[u8]) -> bool) -> PyResult {
    let [this] = args.exact::<1>(vm, name)?;
    let (data, _) = self_bytes(vm, this, name)?;
    Ok(vm.bool_value(f(&data)))
}

fn is_title_bytes(data: &[u8]) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for &b in data {
        if b.is_ascii_uppercase() {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

pub(crate) fn bytes_isalnum(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isalnum", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric))
}
pub(crate) fn bytes_isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isalpha", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic))
}
pub(crate) fn bytes_isascii(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isascii", |d| d.is_ascii())
}
pub(crate) fn bytes_isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isdigit", |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
}
pub(crate) fn bytes_isspace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isspace", |d| !d.is_empty() && d.iter().all(|&b| is_space(b)))
}
pub(crate) fn bytes_islower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "islower", |d| d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase))
}
pub(crate) fn bytes_isupper(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isupper", |d| d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase))
}
pub(crate) fn bytes_istitle(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "istitle", is_title_bytes)
}

/// `center`, `ljust`, `rjust`: `(width, fillbyte=b' ')`.
fn justify(vm: &mut Vm, args: Args<'_>, name: &str, align: char) -> PyResult {
    let params = args.skip_self().positional_range(vm, name, 1, 2)?;
    let (data, kind) = self_bytes(vm, args.this(), name)?;
    let width = number::to_index_isize(vm, params[0])?;
    let fill = match params.get(1) {
        None => b' ',
        Some(&f) => match as_buffer(f) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                let type_name = vm.type_name(f);
                return Err(
                    vm.type_error(format!("{name}() argument 2 must be a byte string of length 1, not {type_name}"))
                );
            }
        },
    };
    let len = data.len();
    if width <= len as isize {
        return Ok(kind.make(vm, data));
    }
    let width = width as usize;
    let marg = width - len;
    let left = match align {
        '<' => 0,
        '>' => marg,
        _ => marg / 2 + (marg & width & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&data);
    out.resize(width, fill);
    Ok(kind.make(vm, out))
}

pub(crate) fn bytes_center(vm: &mut Vm, args: Args<'_>) -> PyResult {
    justify(vm, args, "center", '^')
}
pub(crate) fn bytes_ljust(vm: &mut Vm, args: Args<'_>) -> PyResult {
    justify(vm, args, "ljust", '<')
}
pub(crate) fn bytes_rjust(vm: &mut Vm, args: Args<'_>) -> PyResult {
    justify(vm, args, "rjust", '>')
}

pub(crate) fn bytes_zfill(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, width] = args.exact::<2>(vm, "zfill")?;
    let (data, kind) = self_bytes(vm, this, "zfill")?;
    let width = number::to_index_isize(vm, width)?;
    if width <= data.len() as isize {
        return Ok(kind.make(vm, data));
    }
    let fill = width as usize - data.len();
    let mut out = Vec::with_capacity(width as usize);
    let rest = match data.first() {
        Some(&sign @ (b'+' | b'-')) => {
            out.push(sign);
            &data[1..]
        }
        _ => &data[..],
    };
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(rest);
    Ok(kind.make(vm, out))
}

static EXPANDTABS_SIG: Signature =
    Signature { name: "expandtabs", params: &["self", "tabsize"], positional_only: 1, keyword_only: 2, required: 1 };

pub(crate) fn bytes_expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, tabsize] = args.bind::<2>(vm, &EXPANDTABS_SIG)?;
    let (data, kind) = self_bytes(vm, this, "expandtabs")?;
    let tabsize = if tabsize.is_null() { 8 } else { number::to_index_isize(vm, tabsize)? };
    let text = expand_tabs(data.iter().map(|&b| b as char), tabsize);
    Ok(kind.make(vm, text.chars().map(|c| c as u32 as u8).collect()))
}

static SPLIT_SIG: Signature =
    Signature { name: "split", params: &["self", "sep", "maxsplit"], positional_only: 1, keyword_only: 3, required: 1 };
static RSPLIT_SIG: Signature = Signature {
    name: "rsplit",
    params: &["self", "sep", "maxsplit"],
    positional_only: 1,
    keyword_only: 3,
    required: 1,
};

fn split_impl(vm: &mut Vm, args: Args<'_>, sig: &Signature, reverse: bool) -> PyResult {
    let [this, sep, maxsplit] = args.bind::<3>(vm, sig)?;
    let (data, kind) = self_bytes(vm, this, sig.name)?;
    let maxsplit = if maxsplit.is_null() { -1 } else { number::to_index_isize(vm, maxsplit)? };
    let parts: Vec<Vec<u8>> = if sep.is_null() || vm.is_none(sep) {
        let ranges = if reverse {
            rsplit_whitespace(&data, is_space, maxsplit)
        } else {
            split_whitespace(&data, is_space, maxsplit)
        };
        ranges.into_iter().map(|r| data[r].to_vec()).collect()
    } else {
        let sep = buffer_arg(vm, sep)?;
        if sep.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        split_bytes(&data, &sep, maxsplit, reverse).into_iter().map(<[u8]>::to_vec).collect()
    };
    new_parts_list(vm, kind, parts)
}

/// A list of new bytes/bytearray objects.
fn new_parts_list(vm: &mut Vm, kind: BytesKind, parts: Vec<Vec<u8>>) -> PyResult {
    let list = crate::types::list::list_from_vec(vm, Vec::new());
    let list_gc = list.downcast::<crate::types::list::PyList>().expect("a new list");
    for part in parts {
        let v = kind.make(vm, part);
        list_gc.push(v);
    }
    Ok(list)
}

pub(crate) fn bytes_split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    split_impl(vm, args, &SPLIT_SIG, false)
}
pub(crate) fn bytes_rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    split_impl(vm, args, &RSPLIT_SIG, true)
}

static SPLITLINES_SIG: Signature =
    Signature { name: "splitlines", params: &["self", "keepends"], positional_only: 1, keyword_only: 2, required: 1 };

pub(crate) fn bytes_splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, keepends] = args.bind::<2>(vm, &SPLITLINES_SIG)?;
    let (data, kind) = self_bytes(vm, this, "splitlines")?;
    let keepends = keepends_arg(vm, keepends)?;
    let parts = line_ranges(&data, |b| b == b'\n' || b == b'\r', |b| b == b'\r', |b| b == b'\n')
        .into_iter()
        .map(|(start, eol, end)| data[start..if keepends { end } else { eol }].to_vec())
        .collect();
    new_parts_list(vm, kind, parts)
}

pub(crate) fn bytes_join(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, iterable] = args.exact::<2>(vm, "join")?;
    let (sep, kind) = self_bytes(vm, this, "join")?;
    // The list keeps the items alive while we read them.
    let list = iter::collect(vm, iterable)?;
    let items = list.to_vec();
    let mut out = Vec::new();
    for (i, &item) in items.iter().enumerate() {
        let Some(part) = as_buffer(item) else {
            let name = vm.type_name(item);
            return Err(vm.type_error(format!("sequence item {i}: expected a bytes-like object, {name} found")));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&part);
    }
    Ok(kind.make(vm, out))
}

fn partition_impl(vm: &mut Vm, args: Args<'_>, name: &str, reverse: bool) -> PyResult {
    let [this, sep] = args.exact::<2>(vm, name)?;
    let (data, kind) = self_bytes(vm, this, name)?;
    let sep = buffer_arg(vm, sep)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if reverse { rfind_bytes(&data, &sep) } else { find_bytes(&data, &sep) };
    let (a, b, c) = match found {
        None if reverse => (Vec::new(), Vec::new(), data),
        None => (data, Vec::new(), Vec::new()),
        Some(i) => (data[..i].to_vec(), sep.clone(), data[i + sep.len()..].to_vec()),
    };
    let a = kind.make(vm, a);
    let b = kind.make(vm, b);
    let c = kind.make(vm, c);
    Ok(new_tuple(vm, &[a, b, c]))
}

pub(crate) fn bytes_partition(vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(vm, args, "partition", false)
}
pub(crate) fn bytes_rpartition(vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(vm, args, "rpartition", true)
}

fn strip_impl(vm: &mut Vm, args: Args<'_>, name: &str, left: bool, right: bool) -> PyResult {
    let params = args.skip_self().positional_range(vm, name, 0, 1)?;
    let (data, kind) = self_bytes(vm, args.this(), name)?;
    let chars = params.first().copied().unwrap_or(Value::NULL);
    let set: Option<Vec<u8>> = if chars.is_null() || vm.is_none(chars) { None } else { Some(buffer_arg(vm, chars)?) };
    let strip = |b: u8| match &set {
        None => is_space(b),
        Some(set) => set.contains(&b),
    };
    let mut start = 0;
    let mut end = data.len();
    if left {
        while start < end && strip(data[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strip(data[end - 1]) {
            end -= 1;
        }
    }
    Ok(kind.make(vm, data[start..end].to_vec()))
}

pub(crate) fn bytes_strip(vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(vm, args, "strip", true, true)
}
pub(crate) fn bytes_lstrip(vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(vm, args, "lstrip", true, false)
}
pub(crate) fn bytes_rstrip(vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(vm, args, "rstrip", false, true)
}

pub(crate) fn bytes_replace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let params = args.skip_self().positional_range(vm, "replace", 2, 3)?;
    let (data, kind) = self_bytes(vm, args.this(), "replace")?;
    let old = buffer_arg(vm, params[0])?;
    let new = buffer_arg(vm, params[1])?;
    let count = match params.get(2) {
        Some(&c) => number::to_index_isize(vm, c)?,
        None => -1,
    };
    Ok(kind.make(vm, replace_bytes(&data, &old, &new, count)))
}

fn remove_affix(vm: &mut Vm, args: Args<'_>, name: &str, suffix: bool) -> PyResult {
    let [this, affix] = args.exact::<2>(vm, name)?;
    let (data, kind) = self_bytes(vm, this, name)?;
    let affix = buffer_arg(vm, affix)?;
    let rest = if suffix { data.strip_suffix(affix.as_slice()) } else { data.strip_prefix(affix.as_slice()) };
    let out = match rest {
        Some(rest) => rest.to_vec(),
        None => data.clone(),
    };
    if kind == BytesKind::Bytes && out.len() == data.len() && vm.is_exact(this, vm.types.bytes) {
        return Ok(this);
    }
    Ok(kind.make(vm, out))
}

pub(crate) fn bytes_removeprefix(vm: &mut Vm, args: Args<'_>) -> PyResult {
    remove_affix(vm, args, "removeprefix", false)
}
pub(crate) fn bytes_removesuffix(vm: &mut Vm, args: Args<'_>) -> PyResult {
    remove_affix(vm, args, "removesuffix", true)
}

static TRANSLATE_SIG: Signature = Signature {
    name: "translate",
    params: &["self", "table", "delete"],
    positional_only: 2,
    keyword_only: 3,
    required: 2,
};

pub(crate) fn bytes_translate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, table, delete] = args.bind::<3>(vm, &TRANSLATE_SIG)?;
    let (data, kind) = self_bytes(vm, this, "translate")?;
    let table = if vm.is_none(table) {
        None
    } else {
        let t = buffer_arg(vm, table)?;
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = if delete.is_null() { Vec::new() } else { buffer_arg(vm, delete)? };
    let out =
        data.iter().filter(|b| !delete.contains(b)).map(|&b| table.as_ref().map_or(b, |t| t[b as usize])).collect();
    Ok(kind.make(vm, out))
}

/// `bytes.maketrans(frm, to)` (a static method; also bytearray's).
pub(crate) fn bytes_maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [from, to] = args.exact::<2>(vm, "maketrans")?;
    let from = buffer_arg(vm, from)?;
    let to = buffer_arg(vm, to)?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&a, &b) in from.iter().zip(&to) {
        table[a as usize] = b;
    }
    Ok(new_bytes_vec(vm, table))
}

static HEX_SIG: Signature = Signature {
    name: "hex",
    params: &["self", "sep", "bytes_per_sep"],
    positional_only: 1,
    keyword_only: 3,
    required: 1,
};

/// `hex(sep=None, bytes_per_sep=1)`: separators counted from the right for
/// a positive `bytes_per_sep`, from the left for a negative one.
pub(crate) fn bytes_hex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, sep, per] = args.bind::<3>(vm, &HEX_SIG)?;
    let (data, _) = self_bytes(vm, this, "hex")?;
    let sep: Option<char> = if sep.is_null() || vm.is_none(sep) {
        None
    } else {
        let text: Vec<u8> =
            if let Some(s) = sep.downcast::<PyStr>() { s.as_str().as_bytes().to_vec() } else { buffer_arg(vm, sep)? };
        if text.len() != 1 || !text[0].is_ascii() {
            return Err(vm.value_error("sep must be length 1."));
        }
        Some(text[0] as char)
    };
    let per = if per.is_null() { 1 } else { number::to_index_isize(vm, per)? };
    let mut out = String::with_capacity(data.len() * 3);
    let group = per.unsigned_abs().max(1);
    for (i, b) in data.iter().enumerate() {
        if let Some(sep) = sep {
            if i > 0 && per != 0 {
                let boundary = if per > 0 { (data.len() - i) % group == 0 } else { i % group == 0 };
                if boundary {
                    out.push(sep);
                }
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(vm.new_str(&out))
}

/// `bytes.fromhex(string)` (a class method; also bytearray's).
pub(crate) fn bytes_fromhex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [cls, string] = args.exact::<2>(vm, "fromhex")?;
    let Some(text) = string.downcast::<PyStr>() else {
        let name = vm.type_name(string);
        return Err(vm.type_error(format!("fromhex() argument must be str, not {name}")));
    };
    let chars: Vec<char> = text.as_str().chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    loop {
        while i < chars.len() && chars[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let high = chars[i].to_digit(16).filter(|_| chars[i].is_ascii());
        let low = chars.get(i + 1).and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()));
        match (high, low) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => {
                return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}")))
            }
            (Some(_), None) => {
                return Err(
                    vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1))
                )
            }
        }
        i += 2;
    }
    let Some(cls) = cls.downcast::<PyType>() else {
        return Err(vm.type_error("fromhex() requires a type"));
    };
    if cls == vm.types.bytes {
        return Ok(new_bytes_vec(vm, out));
    }
    if cls == vm.types.bytearray {
        return Ok(crate::types::bytearray::new_bytearray(vm, out));
    }
    let base = if crate::types::typeobject::is_subtype(cls, vm.types.bytearray) {
        BytesKind::ByteArray
    } else {
        BytesKind::Bytes
    };
    let value = base.make(vm, out);
    call::call(vm, cls.value(), &[value])
}

/// A method table: the given type-specific entries followed by the
/// non-mutating methods `bytes` and `bytearray` share (same functions,
/// results built as the receiver's kind).
macro_rules! with_shared_bytes_methods {
    ($($extra:expr),* $(,)?) => {
        &[
            $($extra,)*
            MethodDef::method("capitalize", $crate::types::bytes::bytes_capitalize),
            MethodDef::method("center", $crate::types::bytes::bytes_center),
            MethodDef::method("count", $crate::types::bytes::bytes_count),
            MethodDef::method("decode", $crate::types::bytes::bytes_decode),
            MethodDef::method("endswith", $crate::types::bytes::bytes_endswith),
            MethodDef::method("expandtabs", $crate::types::bytes::bytes_expandtabs),
            MethodDef::method("find", $crate::types::bytes::bytes_find),
            MethodDef::method("hex", $crate::types::bytes::bytes_hex),
            MethodDef::method("index", $crate::types::bytes::bytes_index),
            MethodDef::method("isalnum", $crate::types::bytes::bytes_isalnum),
            MethodDef::method("isalpha", $crate::types::bytes::bytes_isalpha),
            MethodDef::method("isascii", $crate::types::bytes::bytes_isascii),
            MethodDef::method("isdigit", $crate::types::bytes::bytes_isdigit),
            MethodDef::method("islower", $crate::types::bytes::bytes_islower),
            MethodDef::method("isspace", $crate::types::bytes::bytes_isspace),
            MethodDef::method("istitle", $crate::types::bytes::bytes_istitle),
            MethodDef::method("isupper", $crate::types::bytes::bytes_isupper),
            MethodDef::method("join", $crate::types::bytes::bytes_join),
            MethodDef::method("ljust", $crate::types::bytes::bytes_ljust),
            MethodDef::method("lower", $crate::types::bytes::bytes_lower),
            MethodDef::method("lstrip", $crate::types::bytes::bytes_lstrip),
            MethodDef::method("partition", $crate::types::bytes::bytes_partition),
            MethodDef::method("removeprefix", $crate::types::bytes::bytes_removeprefix),
            MethodDef::method("removesuffix", $crate::types::bytes::bytes_removesuffix),
            MethodDef::method("replace", $crate::types::bytes::bytes_replace),
            MethodDef::method("rfind", $crate::types::bytes::bytes_rfind),
            MethodDef::method("rindex", $crate::types::bytes::bytes_rindex),
            MethodDef::method("rjust", $crate::types::bytes::bytes_rjust),
            MethodDef::method("rpartition", $crate::types::bytes::bytes_rpartition),
            MethodDef::method("rsplit", $crate::types::bytes::bytes_rsplit),
            MethodDef::method("rstrip", $crate::types::bytes::bytes_rstrip),
            MethodDef::method("split", $crate::types::bytes::bytes_split),
            MethodDef::method("splitlines", $crate::types::bytes::bytes_splitlines),
            MethodDef::method("startswith", $crate::types::bytes::bytes_startswith),
            MethodDef::method("strip", $crate::types::bytes::bytes_strip),
            MethodDef::method("swapcase", $crate::types::bytes::bytes_swapcase),
            MethodDef::method("title", $crate::types::bytes::bytes_title),
            MethodDef::method("translate", $crate::types::bytes::bytes_translate),
            MethodDef::method("upper", $crate::types::bytes::bytes_upper),
            MethodDef::method("zfill", $crate::types::bytes::bytes_zfill),
        ]
    };
}
pub(crate) use with_shared_bytes_methods;

pub static SPEC: TypeSpec = TypeSpec {
    name: "bytes",
    base: None,
    layout: PyBytes::LAYOUT,
    layout_with_attrs: PyBytes::LAYOUT_WITH_ATTRS,
    methods: METHODS,
    getsets: &[],
    doc: "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n\
          bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by \
          the parameter initialized with null bytes\nbytes() -> empty bytes object",
};

static METHODS: &[MethodDef] = with_shared_bytes_methods![
    MethodDef::staticmethod("__new__", bytes_new),
    MethodDef::method("__hash__", bytes_hash),
    MethodDef::method("__getnewargs__", bytes_getnewargs),
    MethodDef::method("__repr__", bytes_repr_method),
    MethodDef::method("__len__", bytes_len),
    MethodDef::method("__add__", bytes_add),
    MethodDef::method("__mul__", bytes_mul),
    MethodDef::method("__rmul__", bytes_mul),
    MethodDef::method("__mod__", bytes_mod),
    MethodDef::method("__rmod__", bytes_rmod),
    MethodDef::method("__contains__", bytes_contains),
    MethodDef::method("__getitem__", bytes_getitem),
    MethodDef::method("__eq__", bytes_eq),
    MethodDef::method("__ne__", bytes_ne),
    MethodDef::method("__lt__", bytes_lt),
    MethodDef::method("__le__", bytes_le),
    MethodDef::method("__gt__", bytes_gt),
    MethodDef::method("__ge__", bytes_ge),
    MethodDef::classmethod("fromhex", bytes_fromhex),
    MethodDef::staticmethod("maketrans", bytes_maketrans),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_quotes_and_escapes() {
        assert_eq!(bytes_repr(b"abc"), "b'abc'");
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(bytes_repr(b"'\""), "b'\\'\"'");
        assert_eq!(bytes_repr(b"\x00\t\n\r\\\x7f\xff"), "b'\\x00\\t\\n\\r\\\\\\x7f\\xff'");
    }

    #[test]
    fn split_edge_cases() {
        assert_eq!(split_bytes(b"a,b,,c", b",", -1, false), vec![&b"a"[..], &b"b"[..], &b""[..], &b"c"[..]]);
        assert_eq!(split_bytes(b"a,b,c", b",", 1, false), vec![&b"a"[..], &b"b,c"[..]]);
        assert_eq!(split_bytes(b"a,b,c", b",", 1, true), vec![&b"a,b"[..], &b"c"[..]]);
        assert_eq!(split_bytes(b"", b",", -1, false), vec![&b""[..]]);
        let ws: Vec<_> = split_whitespace(&b"  a b  c  "[..], is_space, 1);
        assert_eq!(ws, vec![2..3, 4..10]);
        let ws: Vec<_> = rsplit_whitespace(&b"  a b  c  "[..], is_space, 1);
        assert_eq!(ws, vec![0..5, 7..8]);
    }

    #[test]
    fn replace_edge_cases() {
        assert_eq!(replace_bytes(b"abc", b"", b"-", -1), b"-a-b-c-");
        assert_eq!(replace_bytes(b"abc", b"", b"-", 2), b"-a-bc");
        assert_eq!(replace_bytes(b"aaa", b"a", b"bb", 2), b"bbbba");
        assert_eq!(replace_bytes(b"", b"", b"x", -1), b"x");
    }
}
