//! The Python surface of `str`: construction, the operators and every method.
//!
//! Mirrors `Objects/unicodeobject.c` and `Objects/stringlib/` of CPython
//! 3.11, error messages included. `PyStr` stores UTF-8, so the algorithms
//! work on `&str` and convert between code-point indices (what Python sees)
//! and byte offsets (what Rust slices by) at the edges: arguments such as
//! `start`/`end` are turned into a byte window with `PyStr::byte_offset`, and
//! byte positions found by Rust's substring search are turned back into code
//! point indices by counting the characters before them. For ASCII text (the
//! common case) both conversions are the identity.
//!
//! The larger pieces live further down: the codecs `str(bytes, encoding)` and
//! `str.encode` need (UTF-8, ASCII and Latin-1 with the `strict`, `replace`,
//! `ignore`, `backslashreplace` and `xmlcharrefreplace` handlers), the
//! `str.format` field parser (a port of `Objects/stringlib/unicode_format.h`),
//! and the printf-style `%` formatter shared with `bytes` (a port of
//! `PyUnicode_Format`).

use std::borrow::Cow;

use num_traits::{Signed, ToPrimitive};

use crate::error::{PyErr, PyResult};
use crate::native::{Args, Signature};
use crate::object::Gc;
use crate::protocol::{attr, iter, number, object};
use crate::types::bytes::new_bytes;
use crate::types::dict::PyDict;
use crate::types::list::list_from_vec;
use crate::types::str::{repr_str, this_str, PyStr};
use crate::types::tuple::{new_tuple, PyTuple};
use crate::types::typeobject::PyType;
use crate::unicode;
use crate::value::Value;
use crate::vm::Vm;

// ---- shared helpers -----------------------------------------------------------------------

/// A new exact `str` from an owned `String`.
pub fn new_string(vm: &mut Vm, s: String) -> Value {
    if s.is_empty() {
        return vm.singletons.empty_str;
    }
    PyStr::new_value(vm, &s)
}

/// The `str` argument of a method, with CPython's generic message
/// (`must be str, not int`).
fn expect_str(vm: &mut Vm, v: Value) -> PyResult<Gc<PyStr>> {
    match v.downcast::<PyStr>() {
        Some(s) => Ok(s),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("must be str, not {name}")))
        }
    }
}

/// The `str` argument number `n` of `func`, with argument clinic's message.
fn expect_str_arg(vm: &mut Vm, v: Value, func: &str, n: usize) -> PyResult<Gc<PyStr>> {
    match v.downcast::<PyStr>() {
        Some(s) => Ok(s),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("{func}() argument {n} must be str, not {name}")))
        }
    }
}

/// Clamp an int value to `isize` (as `_PyEval_SliceIndex` does for huge ints).
fn clamp_index(v: Value) -> isize {
    if let Some(i) = v.as_small_int() {
        return i.clamp(isize::MIN as i64, isize::MAX as i64) as isize;
    }
    match crate::types::int::as_bigint(v) {
        Some(big) => big.to_isize().unwrap_or(if big.is_negative() { isize::MIN } else { isize::MAX }),
        None => 0,
    }
}

/// `_PyEval_SliceIndex`: an optional `start`/`end` argument (NULL or `None`
/// is absent), any object with `__index__`, clamped to `isize`.
pub fn slice_index(vm: &mut Vm, v: Value) -> PyResult<Option<isize>> {
    if v.is_null() || vm.is_none(v) {
        return Ok(None);
    }
    if v.is_small_int() {
        return Ok(Some(clamp_index(v)));
    }
    if attr::lookup_special(vm, v, "__index__").is_none() {
        return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let index = number::index(vm, v)?;
    Ok(Some(clamp_index(index)))
}

/// `ADJUST_INDICES` of `stringlib`: resolve negative and absent bounds
/// against `len`. `end` ends up in `0..=len`; `start` is at least 0 but may
/// exceed `end` (an empty window that still matters to `find('')`).
pub fn adjust_indices(start: Option<isize>, end: Option<isize>, len: usize) -> (usize, usize) {
    let len_i = len as isize;
    let mut end = end.unwrap_or(len_i);
    if end > len_i {
        end = len_i;
    } else if end < 0 {
        end = (end + len_i).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len_i).max(0);
    }
    (start as usize, end as usize)
}

/// `PySlice_Unpack` + `PySlice_AdjustIndices`: the start, step and length of
/// a slice applied to a sequence of `len` items. `None` if `key` is not a
/// slice.
pub fn slice_indices(vm: &mut Vm, key: Value, len: usize) -> PyResult<Option<(isize, isize, usize)>> {
    let Some(slice) = key.downcast::<crate::types::slice::PySlice>() else {
        return Ok(None);
    };
    let (start, stop, step) = (slice.start.get(), slice.stop.get(), slice.step.get());
    let step = match slice_index(vm, step)? {
        None => 1,
        Some(0) => return Err(vm.value_error("slice step cannot be zero")),
        Some(s) => s.max(-isize::MAX),
    };
    let len = len as isize;
    let clamp = |bound: Option<isize>, default: isize| -> isize {
        match bound {
            None => default,
            Some(mut i) => {
                if i < 0 {
                    i += len;
                    if i < 0 {
                        i = if step < 0 { -1 } else { 0 };
                    }
                } else if i >= len {
                    i = if step < 0 { len - 1 } else { len };
                }
                i
            }
        }
    };
    let start = slice_index(vm, start)?;
    let stop = slice_index(vm, stop)?;
    let start = clamp(start, if step < 0 { len - 1 } else { 0 });
    let stop = clamp(stop, if step < 0 { -1 } else { len });
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok(Some((start, step, count as usize)))
}

/// The text of code points `start..end` of `s` and the code-point index it
/// starts at, or `None` when `start > end` (after `adjust_indices`).
fn window(s: &PyStr, start: Option<isize>, end: Option<isize>) -> Option<(usize, &str)> {
    let (start, end) = adjust_indices(start, end, s.char_len());
    if start > end {
        return None;
    }
    Some((start, s.substring(start, end)))
}

/// The code-point index of byte offset `byte` in `text`.
fn char_index(text: &str, byte: usize) -> usize {
    if text.is_ascii() {
        byte
    } else {
        text[..byte].chars().count()
    }
}

/// The arguments `sub[, start[, end]]` of `find`, `count`, `index`, ... with
/// `PyArg_ParseTuple`'s messages.
fn find_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<(Value, Option<isize>, Option<isize>)> {
    args.no_kwargs(vm, name)?;
    let given = args.positional().len() - 1;
    if given == 0 {
        return Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if given > 3 {
        return Err(vm.type_error(format!("{name}() takes at most 3 arguments ({given} given)")));
    }
    let positional = args.positional();
    let start = slice_index(vm, positional.get(2).copied().unwrap_or(Value::NULL))?;
    let end = slice_index(vm, positional.get(3).copied().unwrap_or(Value::NULL))?;
    Ok((positional[1], start, end))
}

/// A `Py_ssize_t` argument converted with `__index__` (argument clinic).
fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<isize> {
    number::to_index_isize(vm, v)
}

/// The character of a one-character `str` argument (the fill character of
/// `center`, `ljust`, `rjust`).
fn fill_char(vm: &mut Vm, v: Value) -> PyResult<char> {
    if v.is_null() {
        return Ok(' ');
    }
    let Some(s) = v.downcast::<PyStr>() else {
        let name = vm.type_name(v);
        return Err(vm.type_error(format!("The fill character must be a unicode character, not {name}")));
    };
    if s.char_len() != 1 {
        return Err(vm.type_error("The fill character must be exactly one character long"));
    }
    Ok(s.char_at(0))
}

/// The exact `str` with the same text as `s` (itself when it is exact).
fn exact_str(vm: &mut Vm, s: Gc<PyStr>) -> Value {
    if vm.is_exact(s.value(), vm.types.str) {
        s.value()
    } else {
        vm.new_str(s.as_str())
    }
}

// ---- construction -------------------------------------------------------------------------

static STR_NEW_SIG: Signature = Signature {
    name: "str",
    params: &["object", "encoding", "errors"],
    positional_only: 0,
    keyword_only: 3,
    required: 0,
};

/// `str.__new__(cls, object='', encoding='utf-8', errors='strict')`.
pub fn str_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.this();
    let [obj, encoding, errors] = args.skip_self().bind::<3>(vm, &STR_NEW_SIG)?;
    let result = if encoding.is_null() && errors.is_null() {
        if obj.is_null() {
            vm.singletons.empty_str
        } else {
            object::str(vm, obj)?.value()
        }
    } else {
        let encoding = codec_name_arg(vm, encoding, "str", "encoding")?;
        let errors = codec_name_arg(vm, errors, "str", "errors")?;
        if obj.is_null() {
            vm.singletons.empty_str
        } else if obj.downcast::<PyStr>().is_some() {
            return Err(vm.type_error("decoding str is not supported"));
        } else {
            let Some(data) = bytes_like(obj) else {
                let name = vm.type_name(obj);
                return Err(vm.type_error(format!("decoding to str: need a bytes-like object, {name} found")));
            };
            decode(vm, &data, obj, encoding.as_deref().unwrap_or("utf-8"), errors.as_deref().unwrap_or("strict"))?
        }
    };
    let Some(cls) = cls.downcast::<PyType>() else {
        return Err(vm.type_error("str.__new__(X): X is not a type object"));
    };
    if cls == vm.types.str {
        return Ok(result);
    }
    // A subclass: copy the text into an instance of `cls`.
    let text = result.downcast::<PyStr>();
    Ok(crate::types::str::alloc_str(vm, cls, text.as_ref().map_or("", |s| s.as_str())).value())
}

/// An optional `encoding`/`errors` argument, which must be a `str`.
fn codec_name_arg(vm: &mut Vm, v: Value, func: &str, param: &str) -> PyResult<Option<String>> {
    if v.is_null() {
        return Ok(None);
    }
    match v.downcast::<PyStr>() {
        Some(s) => Ok(Some(s.as_str().to_string())),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("{func}() argument '{param}' must be str, not {name}")))
        }
    }
}

/// The bytes of a bytes-like object (`bytes`, `bytearray`, `memoryview`), copied out so
/// the caller may run Python code while holding them.
pub fn bytes_like(v: Value) -> Option<Cow<'static, [u8]>> {
    crate::types::bytes::as_buffer(v).map(Cow::Owned)
}

// ---- codecs -------------------------------------------------------------------------------

/// The codecs built into the VM.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// Look up an encoding by name, normalised as `encodings.normalize_encoding`.
    pub fn lookup(name: &str) -> Option<Codec> {
        let normalized: String =
            name.trim().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c.to_ascii_lowercase() }).collect();
        match normalized.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8-ucs2" | "utf8-ucs4" => Some(Codec::Utf8),
            "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" | "cp367" => Some(Codec::Ascii),
            "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100"
            | "csisolatin1" | "iso-8859-1:1987" => Some(Codec::Latin1),
            _ => None,
        }
    }

    /// The name CPython's error messages use.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// Whether str and bytes implement this codec themselves (the rest go
/// through the codec registry).
pub fn is_native_codec(encoding: &str) -> bool {
    Codec::lookup(encoding).is_some()
}

/// A codec str and bytes do not implement: `_codecs.encode`/`decode`
/// through the codec registry (`encodings`), as CPython does for them all.
fn registry_codec(vm: &mut Vm, function: &str, source: Value, encoding: &str, errors: &str) -> PyResult {
    let name = vm.intern("_codecs").downcast::<PyStr>().expect("str");
    let none = vm.none();
    let module = crate::import::import_module_level(vm, name, none, none, 0)?;
    let function = crate::protocol::attr::getattr_str(vm, module, function)?;
    let (encoding, errors) = (vm.new_str(encoding), vm.new_str(errors));
    crate::protocol::call::call(vm, function, &[source, encoding, errors])
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    vm.new_error(vm.exceptions.lookup_error, format!("unknown error handler name '{errors}'"))
}

/// A `UnicodeDecodeError`/`UnicodeEncodeError` with CPython's five arguments
/// `(encoding, object, start, end, reason)`.
fn unicode_error(
    vm: &mut Vm,
    ty: Gc<PyType>,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let encoding = vm.new_str(encoding);
    let reason = vm.new_str(reason);
    let args = [encoding, object, Value::from_small(start as i64), Value::from_small(end as i64), reason];
    PyErr::from_exception(crate::types::exception::new_exception(vm, ty, &args))
}

/// Decode `data` (the contents of `source`, a bytes-like object) to a `str`.
pub fn decode(vm: &mut Vm, data: &[u8], source: Value, encoding: &str, errors: &str) -> PyResult {
    let Some(codec) = Codec::lookup(encoding) else {
        let source = if source.is_null() { crate::types::bytes::new_bytes(vm, data) } else { source };
        let result = registry_codec(vm, "decode", source, encoding, errors)?;
        if result.downcast::<PyStr>().is_none() {
            let tn = vm.type_name(result);
            return Err(vm.type_error(format!(
                "'{encoding}' decoder returned '{tn}' instead of 'str'; use codecs.decode() to decode to arbitrary types"
            )));
        }
        return Ok(result);
    };
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        // Find the next undecodable run: [bad_start, bad_end).
        let (good_end, bad_end, reason) = match codec {
            Codec::Latin1 => {
                out.extend(data[pos..].iter().map(|&b| b as char));
                break;
            }
            Codec::Ascii => match data[pos..].iter().position(|&b| b >= 0x80) {
                None => (data.len(), data.len(), ""),
                Some(i) => (pos + i, pos + i + 1, "ordinal not in range(128)"),
            },
            Codec::Utf8 => match std::str::from_utf8(&data[pos..]) {
                Ok(_) => (data.len(), data.len(), ""),
                Err(e) => {
                    let bad = pos + e.valid_up_to();
                    match e.error_len() {
                        None => (bad, data.len(), "unexpected end of data"),
                        Some(n) => {
                            let first = data[bad];
                            let reason = if (0x80..0xc2).contains(&first) || first >= 0xf5 {
                                "invalid start byte"
                            } else {
                                "invalid continuation byte"
                            };
                            (bad, bad + n, reason)
                        }
                    }
                }
            },
        };
        // SAFETY-free: the good prefix is ASCII or validated UTF-8.
        out.push_str(std::str::from_utf8(&data[pos..good_end]).expect("validated prefix"));
        if good_end == data.len() {
            break;
        }
        match errors {
            "strict" => {
                let ty = vm.exceptions.unicode_decode_error;
                return Err(unicode_error(vm, ty, codec.name(), source, good_end, bad_end, reason));
            }
            "replace" => out.push('\u{fffd}'),
            "ignore" => {}
            "backslashreplace" => {
                for &b in &data[good_end..bad_end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        pos = bad_end;
    }
    Ok(new_string(vm, out))
}

/// Encode `s` (the text of `source`) to bytes.
pub fn encode(vm: &mut Vm, s: &str, source: Value, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(codec) = Codec::lookup(encoding) else {
        let source = if source.is_null() { vm.new_str(s) } else { source };
        let result = registry_codec(vm, "encode", source, encoding, errors)?;
        return match crate::types::bytes::as_buffer(result) {
            Some(data) if result.has_kind(crate::object::LayoutKind::Bytes) => Ok(data),
            _ => {
                let tn = vm.type_name(result);
                Err(vm.type_error(format!(
                    "'{encoding}' encoder returned '{tn}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types"
                )))
            }
        };
    };
    let limit = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    if s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match errors {
            "strict" => {
                let reason = if limit == 0x80 { "ordinal not in range(128)" } else { "ordinal not in range(256)" };
                let ty = vm.exceptions.unicode_encode_error;
                return Err(unicode_error(vm, ty, codec.name(), source, i, end, reason));
            }
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "ignore" => {}
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(escape_code_point(c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a code point.
fn escape_code_point(c: char) -> String {
    let cp = c as u32;
    if cp <= 0xff {
        format!("\\x{cp:02x}")
    } else if cp <= 0xffff {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

/// `ascii(s)` of a string: its repr with every non-ASCII character escaped.
pub fn ascii_repr_str(s: &str) -> String {
    let repr = repr_str(s);
    if repr.is_ascii() {
        return repr;
    }
    let mut out = String::with_capacity(repr.len() + 8);
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&escape_code_point(c));
        }
    }
    out
}

static ENCODE_SIG: Signature = Signature {
    name: "encode",
    params: &["self", "encoding", "errors"],
    positional_only: 1,
    keyword_only: 3,
    required: 1,
};

/// `str.encode(encoding='utf-8', errors='strict')`.
pub(crate) fn str_encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, encoding, errors] = args.bind::<3>(vm, &ENCODE_SIG)?;
    let s = this_str(vm, this, "encode")?;
    let encoding = codec_name_arg(vm, encoding, "encode", "encoding")?;
    let errors = codec_name_arg(vm, errors, "encode", "errors")?;
    let data = encode(
        vm,
        s.as_str(),
        s.value(),
        encoding.as_deref().unwrap_or("utf-8"),
        errors.as_deref().unwrap_or("strict"),
    )?;
    Ok(new_bytes(vm, &data))
}

// ---- operators ----------------------------------------------------------------------------

/// `str.__add__`: concatenation; `NotImplemented` for non-str operands (the
/// binary-operator protocol then raises `can only concatenate str ...`).
pub fn str_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__add__")?;
    let s = this_str(vm, this, "__add__")?;
    let Some(o) = other.downcast::<PyStr>() else {
        return Ok(vm.not_implemented());
    };
    if o.char_len() == 0 && vm.is_exact(this, vm.types.str) {
        return Ok(this);
    }
    if s.char_len() == 0 && vm.is_exact(other, vm.types.str) {
        return Ok(other);
    }
    let mut text = String::with_capacity(s.as_str().len() + o.as_str().len());
    text.push_str(s.as_str());
    text.push_str(o.as_str());
    Ok(new_string(vm, text))
}

/// `s * n` for a byte or text buffer of `unit_len` units, with CPython's
/// overflow and memory errors. `None` means "not an index: NotImplemented".
pub fn repeat_count(vm: &mut Vm, count: Value, unit_len: usize, what: &str) -> PyResult<Option<usize>> {
    if !count.is_small_int() && attr::lookup_special(vm, count, "__index__").is_none() {
        return Ok(None);
    }
    let n = number::to_index_isize(vm, count)?;
    if n <= 0 || unit_len == 0 {
        return Ok(Some(0));
    }
    let n = n as usize;
    match unit_len.checked_mul(n) {
        Some(total) if total <= isize::MAX as usize => {
            if total > (1usize << 40) {
                return Err(vm.memory_error());
            }
            Ok(Some(n))
        }
        _ => Err(vm.overflow_error(format!("repeated {what} is too long"))),
    }
}

/// `str.__mul__` and `str.__rmul__`.
pub fn str_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, count] = args.exact::<2>(vm, "__mul__")?;
    let s = this_str(vm, this, "__mul__")?;
    let Some(n) = repeat_count(vm, count, s.as_str().len(), "string")? else {
        return Ok(vm.not_implemented());
    };
    if n == 1 && vm.is_exact(this, vm.types.str) {
        return Ok(this);
    }
    let text = s.as_str().repeat(n);
    Ok(new_string(vm, text))
}

/// `str.__mod__`: printf-style formatting.
pub fn str_mod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, values] = args.exact::<2>(vm, "__mod__")?;
    let s = this_str(vm, this, "__mod__")?;
    let text = crate::types::str_format::percent_format(vm, s.as_str(), values, false)?;
    Ok(new_string(vm, text))
}

/// `str.__rmod__`: `other % self` when `other` is a str.
pub fn str_rmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__rmod__")?;
    let Some(format) = other.downcast::<PyStr>() else {
        return Ok(vm.not_implemented());
    };
    let text = crate::types::str_format::percent_format(vm, format.as_str(), this, false)?;
    Ok(new_string(vm, text))
}

/// `str.__contains__`.
pub fn str_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, item] = args.exact::<2>(vm, "__contains__")?;
    let s = this_str(vm, this, "__contains__")?;
    let Some(sub) = item.downcast::<PyStr>() else {
        let name = vm.type_name(item);
        return Err(vm.type_error(format!("'in <string>' requires string as left operand, not {name}")));
    };
    Ok(vm.bool_value(s.as_str().contains(sub.as_str())))
}

/// `str.__getitem__`: an index or a slice.
pub fn str_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__getitem__")?;
    let s = this_str(vm, this, "__getitem__")?;
    let len = s.char_len();
    if let Some((start, step, count)) = slice_indices(vm, key, len)? {
        if count == 0 {
            return Ok(vm.singletons.empty_str);
        }
        if step == 1 {
            let start = start as usize;
            if start == 0 && count == len && vm.is_exact(this, vm.types.str) {
                return Ok(this);
            }
            let text = s.substring(start, start + count).to_string();
            return Ok(new_string(vm, text));
        }
        let text: String = if s.is_ascii() {
            let bytes = s.as_str().as_bytes();
            (0..count).map(|i| bytes[(start + i as isize * step) as usize] as char).collect()
        } else {
            let chars: Vec<char> = s.as_str().chars().collect();
            (0..count).map(|i| chars[(start + i as isize * step) as usize]).collect()
        };
        return Ok(new_string(vm, text));
    }
    if !key.is_small_int() && attr::lookup_special(vm, key, "__index__").is_none() {
        let name = vm.type_name(key);
        return Err(vm.type_error(format!("string indices must be integers, not '{name}'")));
    }
    let mut i = number::to_index_isize(vm, key)?;
    if i < 0 {
        i += len as isize;
    }
    if i < 0 || i as usize >= len {
        return Err(vm.index_error("string index out of range"));
    }
    let c = s.char_at(i as usize);
    let mut buf = [0u8; 4];
    Ok(vm.new_str(c.encode_utf8(&mut buf)))
}

/// `str.__iter__`.
pub fn str_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__iter__")?;
    let s = this_str(vm, this, "__iter__")?;
    Ok(crate::types::iterator::new_str_iterator(vm, s))
}

/// The six rich comparisons, by code point order (which is the byte order
/// of UTF-8).
fn compare(vm: &mut Vm, args: Args<'_>, name: &str, test: fn(std::cmp::Ordering) -> bool) -> PyResult {
    let [this, other] = args.exact::<2>(vm, name)?;
    let s = this_str(vm, this, name)?;
    let Some(o) = other.downcast::<PyStr>() else {
        return Ok(vm.not_implemented());
    };
    Ok(vm.bool_value(test(s.as_str().cmp(o.as_str()))))
}

pub fn str_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__eq__", |o| o.is_eq())
}
pub fn str_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__ne__", |o| o.is_ne())
}
pub fn str_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__lt__", |o| o.is_lt())
}
pub fn str_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__le__", |o| o.is_le())
}
pub fn str_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__gt__", |o| o.is_gt())
}
pub fn str_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, "__ge__", |o| o.is_ge())
}

/// `str.__format__(spec)`.
pub fn str_format_dunder(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, spec] = args.exact::<2>(vm, "__format__")?;
    let s = this_str(vm, this, "__format__")?;
    let Some(spec) = spec.downcast::<PyStr>() else {
        let name = vm.type_name(spec);
        return Err(vm.type_error(format!("__format__() argument must be str, not {name}")));
    };
    if spec.char_len() == 0 {
        return Ok(exact_str(vm, s));
    }
    match format_str_with_spec(s.as_str(), spec.as_str()) {
        Ok(text) => Ok(new_string(vm, text)),
        Err(message) => Err(vm.value_error(message)),
    }
}

/// `format(s, spec)` for a `str`: the string half of the format-spec
/// mini-language (`format_string_internal` in `Python/formatter_unicode.c`).
/// Returns the message of the `ValueError` on a bad spec.
pub fn format_str_with_spec(s: &str, spec: &str) -> Result<String, String> {
    let spec_chars: Vec<char> = spec.chars().collect();
    let mut pos = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    let mut fill = ' ';
    let mut align = '<';
    let mut fill_given = false;
    let mut align_given = false;
    if spec_chars.len() >= 2 && is_align(spec_chars[1]) {
        fill = spec_chars[0];
        align = spec_chars[1];
        fill_given = true;
        align_given = true;
        pos = 2;
    } else if !spec_chars.is_empty() && is_align(spec_chars[0]) {
        align = spec_chars[0];
        align_given = true;
        pos = 1;
    }
    let mut sign = false;
    if pos < spec_chars.len() && matches!(spec_chars[pos], '+' | '-' | ' ') {
        sign = true;
        pos += 1;
    }
    let mut no_neg_0 = false;
    if pos < spec_chars.len() && spec_chars[pos] == 'z' {
        no_neg_0 = true;
        pos += 1;
    }
    let mut alternate = false;
    if pos < spec_chars.len() && spec_chars[pos] == '#' {
        alternate = true;
        pos += 1;
    }
    if !fill_given && pos < spec_chars.len() && spec_chars[pos] == '0' {
        fill = '0';
        if !align_given {
            // `str`'s default alignment is '<', so the '=' default of numbers does not apply.
            align = '<';
        }
        pos += 1;
    }
    let width = parse_spec_number(&spec_chars, &mut pos)?;
    let mut grouping = None;
    if pos < spec_chars.len() && matches!(spec_chars[pos], ',' | '_') {
        grouping = Some(spec_chars[pos]);
        pos += 1;
    }
    let mut precision = None;
    if pos < spec_chars.len() && spec_chars[pos] == '.' {
        pos += 1;
        precision = parse_spec_number(&spec_chars, &mut pos)?;
        if precision.is_none() {
            return Err("Format specifier missing precision".to_string());
        }
    }
    if spec_chars.len() - pos > 1 {
        return Err(format!("Invalid format specifier '{spec}' for object of type 'str'"));
    }
    let code = spec_chars.get(pos).copied().unwrap_or('s');
    if let Some(g) = grouping {
        if code == 's' {
            return Err(format!("Cannot specify '{g}' with 's'."));
        }
    }
    if code != 's' {
        return Err(unknown_format_code(code, "str"));
    }
    if sign {
        return Err("Sign not allowed in string format specifier".to_string());
    }
    if no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in string format specifier".to_string());
    }
    if alternate {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    if align == '=' {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    let text: Cow<str> = match precision {
        Some(p) if s.chars().count() > p => Cow::Owned(s.chars().take(p).collect()),
        _ => Cow::Borrowed(s),
    };
    Ok(pad(&text, width.unwrap_or(0), fill, align))
}

/// CPython's message for an unknown presentation type.
fn unknown_format_code(code: char, type_name: &str) -> String {
    if (' '..='~').contains(&code) {
        format!("Unknown format code '{code}' for object of type '{type_name}'")
    } else {
        format!("Unknown format code '\\x{:x}' for object of type '{type_name}'", code as u32)
    }
}

/// A decimal number in a format spec, or `None` if there are no digits.
fn parse_spec_number(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let start = *pos;
    let mut value: usize = 0;
    while *pos < chars.len() {
        let Some(d) = chars[*pos].to_digit(10) else { break };
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| "Too many decimal digits in format string".to_string())?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(value) })
}

/// Pad `text` to `width` code points with `fill`, aligned `<`, `>` or `^`.
fn pad(text: &str, width: usize, fill: char, align: char) -> String {
    let len = text.chars().count();
    if len >= width {
        return text.to_string();
    }
    let total = width - len;
    let (left, right) = match align {
        '>' => (total, 0),
        '^' => (total / 2, total - total / 2),
        _ => (0, total),
    };
    let mut out = String::with_capacity(text.len() + total * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `str.__getnewargs__()`.
pub fn str_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>(vm, "__getnewargs__")?;
    let s = this_str(vm, this, "__getnewargs__")?;
    let copy = vm.new_str(s.as_str());
    Ok(new_tuple(vm, &[copy]))
}

// ---- case ---------------------------------------------------------------------------------

/// A method `fn(self) -> str` computed from the text alone.
fn map_text(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&str) -> String) -> PyResult {
    let [this] = args.exact::<1>(vm, name)?;
    let s = this_str(vm, this, name)?;
    let text = f(s.as_str());
    Ok(new_string(vm, text))
}

/// Whether the Σ at `chars[i]` is word-final (Unicode's `Final_Sigma`
/// condition, CPython's `handle_capital_sigma`): preceded by a cased letter
/// and not followed by one, skipping case-ignorable characters both ways.
fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
    before.is_some_and(|&c| unicode::is_cased(c)) && !after.is_some_and(|&c| unicode::is_cased(c))
}

/// `Case_Ignorable`: categories Mn, Me, Cf, Lm, Sk and the word-break
/// MidLetter, MidNumLet and Single_Quote characters.
fn is_case_ignorable(c: char) -> bool {
    use unicode_general_category::{get_general_category, GeneralCategory as Cat};
    matches!(
        c,
        '\'' | '.'
            | ':'
            | '^'
            | '`'
            | '\u{b7}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{2027}'
            | '\u{fe13}'
            | '\u{fe52}'
            | '\u{fe55}'
            | '\u{ff07}'
            | '\u{ff0e}'
            | '\u{ff1a}'
    ) || matches!(
        get_general_category(c),
        Cat::NonspacingMark | Cat::EnclosingMark | Cat::Format | Cat::ModifierLetter | Cat::ModifierSymbol
    )
}

/// Lower-case `chars[i]` into `out`, with the final-sigma rule.
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    if chars[i] == '\u{3a3}' {
        out.push(if is_final_sigma(chars, i) { '\u{3c2}' } else { '\u{3c3}' });
    } else {
        unicode::push_lower(out, chars[i]);
    }
}

fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            unicode::push_title(&mut out, chars[0]);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    out
}

fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for i in 0..chars.len() {
        let c = chars[i];
        if previous_is_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            unicode::push_title(&mut out, c);
        }
        previous_is_cased = unicode::is_cased(c);
    }
    out
}

fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        let c = chars[i];
        if unicode::is_upper(c) {
            push_lower_at(&mut out, &chars, i);
        } else if unicode::is_lower(c) {
            unicode::push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        unicode::push_casefold(&mut out, c);
    }
    out
}

pub(crate) fn str_lower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_text(vm, args, "lower", |s| if s.is_ascii() { s.to_ascii_lowercase() } else { s.to_lowercase() })
}
pub(crate) fn str_upper(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_text(vm, args, "upper", |s| if s.is_ascii() { s.to_ascii_uppercase() } else { s.to_uppercase() })
}
pub(crate) fn str_capitalize(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_text(vm, args, "capitalize", capitalize)
}
pub(crate) fn str_title(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_text(vm, args, "title", title)
}
pub(crate) fn str_swapcase(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_text(vm, args, "swapcase", swapcase)
}
pub(crate) fn str_casefold(vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_text(vm, args, "casefold", casefold)
}

// ---- predicates ---------------------------------------------------------------------------

/// A predicate method `fn(self) -> bool`.
fn predicate(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&str) -> bool) -> PyResult {
    let [this] = args.exact::<1>(vm, name)?;
    let s = this_str(vm, this, name)?;
    Ok(vm.bool_value(f(s.as_str())))
}

/// True if `s` is non-empty and every character satisfies `f`.
fn all_chars(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

fn is_lower_text(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_titlecase(c) {
            return false;
        }
        cased |= unicode::is_lower(c);
    }
    cased
}

fn is_upper_text(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if unicode::is_lower(c) || unicode::is_titlecase(c) {
            return false;
        }
        cased |= unicode::is_upper(c);
    }
    cased
}

fn is_title_text(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_titlecase(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
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

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if unicode::is_xid_start(first) => chars.all(unicode::is_xid_continue),
        _ => false,
    }
}

pub(crate) fn str_isalnum(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isalnum", |s| all_chars(s, unicode::is_alnum))
}
pub(crate) fn str_isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isalpha", |s| all_chars(s, unicode::is_alpha))
}
pub(crate) fn str_isascii(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isascii", |s| s.is_ascii())
}
pub(crate) fn str_isdecimal(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isdecimal", |s| all_chars(s, unicode::is_decimal))
}
pub(crate) fn str_isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isdigit", |s| all_chars(s, unicode::is_digit))
}
pub(crate) fn str_isnumeric(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isnumeric", |s| all_chars(s, unicode::is_numeric))
}
pub(crate) fn str_isspace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isspace", |s| all_chars(s, unicode::is_space))
}
pub(crate) fn str_isprintable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isprintable", |s| s.chars().all(unicode::is_printable))
}
pub(crate) fn str_islower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "islower", is_lower_text)
}
pub(crate) fn str_isupper(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isupper", is_upper_text)
}
pub(crate) fn str_istitle(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "istitle", is_title_text)
}
pub(crate) fn str_isidentifier(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicate(vm, args, "isidentifier", is_identifier)
}

// ---- padding ------------------------------------------------------------------------------

/// `center`, `ljust`, `rjust`: `(width, fillchar=' ')`.
fn justify(vm: &mut Vm, args: Args<'_>, name: &str, align: char) -> PyResult {
    let params = args.skip_self().positional_range(vm, name, 1, 2)?;
    let s = this_str(vm, args.this(), name)?;
    let width = ssize_arg(vm, params[0])?;
    let fill = fill_char(vm, params.get(1).copied().unwrap_or(Value::NULL))?;
    let len = s.char_len();
    if width <= len as isize {
        return Ok(exact_str(vm, s));
    }
    let width = width as usize;
    let marg = width - len;
    let (left, right) = match align {
        '<' => (0, marg),
        '>' => (marg, 0),
        _ => {
            // CPython's `pad` for center: the odd column goes left when
            // both the margin and the width are odd.
            let left = marg / 2 + (marg & width & 1);
            (left, marg - left)
        }
    };
    let mut out = String::with_capacity(s.as_str().len() + marg * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Ok(new_string(vm, out))
}

pub(crate) fn str_center(vm: &mut Vm, args: Args<'_>) -> PyResult {
    justify(vm, args, "center", '^')
}
pub(crate) fn str_ljust(vm: &mut Vm, args: Args<'_>) -> PyResult {
    justify(vm, args, "ljust", '<')
}
pub(crate) fn str_rjust(vm: &mut Vm, args: Args<'_>) -> PyResult {
    justify(vm, args, "rjust", '>')
}

/// `str.zfill(width)`.
pub(crate) fn str_zfill(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, width] = args.exact::<2>(vm, "zfill")?;
    let s = this_str(vm, this, "zfill")?;
    let width = ssize_arg(vm, width)?;
    let len = s.char_len();
    if width <= len as isize {
        return Ok(exact_str(vm, s));
    }
    let fill = width as usize - len;
    let text = s.as_str();
    let mut out = String::with_capacity(text.len() + fill);
    let rest = match text.as_bytes().first() {
        Some(&sign @ (b'+' | b'-')) => {
            out.push(sign as char);
            &text[1..]
        }
        _ => text,
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(rest);
    Ok(new_string(vm, out))
}

static EXPANDTABS_SIG: Signature =
    Signature { name: "expandtabs", params: &["self", "tabsize"], positional_only: 1, keyword_only: 2, required: 1 };

/// `str.expandtabs(tabsize=8)`.
pub(crate) fn str_expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, tabsize] = args.bind::<2>(vm, &EXPANDTABS_SIG)?;
    let s = this_str(vm, this, "expandtabs")?;
    let tabsize = if tabsize.is_null() { 8 } else { ssize_arg(vm, tabsize)? };
    let text = expand_tabs(s.as_str().chars(), tabsize);
    Ok(new_string(vm, text))
}

/// Replace tabs by spaces up to the next multiple of `tabsize`; the column
/// restarts after `\n` and `\r`.
pub fn expand_tabs(chars: impl Iterator<Item = char>, tabsize: isize) -> String {
    let mut out = String::new();
    let mut column: usize = 0;
    for c in chars {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize as usize - column % tabsize as usize;
                    out.extend(std::iter::repeat_n(' ', n));
                    column += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

// ---- searching ----------------------------------------------------------------------------

/// The code-point index of the first (or last) `sub` in `s[start:end]`.
fn find_in(s: &PyStr, sub: &str, start: Option<isize>, end: Option<isize>, reverse: bool) -> Option<usize> {
    let (offset, text) = window(s, start, end)?;
    let found = if reverse { text.rfind(sub) } else { text.find(sub) }?;
    Some(offset + char_index(text, found))
}

fn find_impl(vm: &mut Vm, args: Args<'_>, name: &str, reverse: bool, raise: bool) -> PyResult {
    let s = this_str(vm, args.this(), name)?;
    let (sub, start, end) = find_args(vm, &args, name)?;
    let sub = expect_str(vm, sub)?;
    match find_in(&s, sub.as_str(), start, end, reverse) {
        Some(i) => Ok(Value::from_small(i as i64)),
        None if raise => Err(vm.value_error("substring not found")),
        None => Ok(Value::from_small(-1)),
    }
}

pub(crate) fn str_find(vm: &mut Vm, args: Args<'_>) -> PyResult {
    find_impl(vm, args, "find", false, false)
}
pub(crate) fn str_rfind(vm: &mut Vm, args: Args<'_>) -> PyResult {
    find_impl(vm, args, "rfind", true, false)
}
pub(crate) fn str_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    find_impl(vm, args, "index", false, true)
}
pub(crate) fn str_rindex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    find_impl(vm, args, "rindex", true, true)
}

/// `str.count(sub[, start[, end]])`.
pub(crate) fn str_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this_str(vm, args.this(), "count")?;
    let (sub, start, end) = find_args(vm, &args, "count")?;
    let sub = expect_str(vm, sub)?;
    let count = match window(&s, start, end) {
        None => 0,
        Some((_, text)) if sub.char_len() == 0 => char_index(text, text.len()) + 1,
        Some((_, text)) => text.matches(sub.as_str()).count(),
    };
    Ok(Value::from_small(count as i64))
}

/// `startswith`/`endswith`: `prefix` is a str or a tuple of str.
fn tail_match(vm: &mut Vm, args: Args<'_>, name: &str, at_end: bool) -> PyResult {
    let s = this_str(vm, args.this(), name)?;
    let (prefix, start, end) = find_args(vm, &args, name)?;
    // `None` when the window is empty because start > end: nothing matches.
    let text = window(&s, start, end).map(|(_, text)| text);
    let matches = |p: &str| text.is_some_and(|t| if at_end { t.ends_with(p) } else { t.starts_with(p) });
    if let Some(p) = prefix.downcast::<PyStr>() {
        return Ok(vm.bool_value(matches(p.as_str())));
    }
    if let Some(tuple) = prefix.downcast::<PyTuple>() {
        for &item in tuple.as_slice() {
            let Some(p) = item.downcast::<PyStr>() else {
                let type_name = vm.type_name(item);
                return Err(vm.type_error(format!("tuple for {name} must only contain str, not {type_name}")));
            };
            if matches(p.as_str()) {
                return Ok(vm.bool_value(true));
            }
        }
        return Ok(vm.bool_value(false));
    }
    let type_name = vm.type_name(prefix);
    Err(vm.type_error(format!("{name} first arg must be str or a tuple of str, not {type_name}")))
}

pub(crate) fn str_startswith(vm: &mut Vm, args: Args<'_>) -> PyResult {
    tail_match(vm, args, "startswith", false)
}
pub(crate) fn str_endswith(vm: &mut Vm, args: Args<'_>) -> PyResult {
    tail_match(vm, args, "endswith", true)
}

// ---- splitting and joining ----------------------------------------------------------------

static SPLIT_SIG: Signature =
    Signature { name: "split", params: &["self", "sep", "maxsplit"], positional_only: 1, keyword_only: 3, required: 1 };
static RSPLIT_SIG: Signature = Signature {
    name: "rsplit",
    params: &["self", "sep", "maxsplit"],
    positional_only: 1,
    keyword_only: 3,
    required: 1,
};

/// Split on runs of whitespace (`is_space`), at most `maxsplit` times
/// (negative: no limit), as `stringlib`'s `split_whitespace`: after the last
/// split, leading whitespace of the remainder is dropped but trailing kept.
pub fn split_whitespace<C: Copy>(
    items: &[C],
    is_space: impl Fn(C) -> bool,
    maxsplit: isize,
) -> Vec<std::ops::Range<usize>> {
    let len = items.len();
    let mut out = Vec::new();
    let mut remaining = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut i = 0;
    while remaining > 0 {
        while i < len && is_space(items[i]) {
            i += 1;
        }
        if i == len {
            break;
        }
        let j = i;
        while i < len && !is_space(items[i]) {
            i += 1;
        }
        out.push(j..i);
        remaining -= 1;
    }
    if i < len {
        while i < len && is_space(items[i]) {
            i += 1;
        }
        if i != len {
            out.push(i..len);
        }
    }
    out
}

/// `rsplit_whitespace`: the mirror image, returned in left-to-right order.
pub fn rsplit_whitespace<C: Copy>(
    items: &[C],
    is_space: impl Fn(C) -> bool,
    maxsplit: isize,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut remaining = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut i = items.len();
    while remaining > 0 {
        while i > 0 && is_space(items[i - 1]) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        let j = i;
        while i > 0 && !is_space(items[i - 1]) {
            i -= 1;
        }
        out.push(i..j);
        remaining -= 1;
    }
    if i > 0 {
        while i > 0 && is_space(items[i - 1]) {
            i -= 1;
        }
        if i != 0 {
            out.push(0..i);
        }
    }
    out.reverse();
    out
}

/// Split `text` on `sep` at most `maxsplit` times (negative: no limit),
/// from the right if `reverse`; the parts in left-to-right order.
pub fn split_on<'a>(text: &'a str, sep: &str, maxsplit: isize, reverse: bool) -> Vec<&'a str> {
    let limit = if maxsplit < 0 { usize::MAX } else { (maxsplit as usize).saturating_add(1) };
    if reverse {
        let mut parts: Vec<&str> = text.rsplitn(limit, sep).collect();
        parts.reverse();
        parts
    } else {
        text.splitn(limit, sep).collect()
    }
}

fn split_impl(vm: &mut Vm, args: Args<'_>, sig: &Signature, reverse: bool) -> PyResult {
    let [this, sep, maxsplit] = args.bind::<3>(vm, sig)?;
    let s = this_str(vm, this, sig.name)?;
    let maxsplit = if maxsplit.is_null() { -1 } else { ssize_arg(vm, maxsplit)? };
    let text = s.as_str();
    let parts: Vec<String> = if sep.is_null() || vm.is_none(sep) {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let ranges = if reverse {
            rsplit_whitespace(&chars, |(_, c)| unicode::is_space(c), maxsplit)
        } else {
            split_whitespace(&chars, |(_, c)| unicode::is_space(c), maxsplit)
        };
        let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
        ranges.into_iter().map(|r| text[byte_at(r.start)..byte_at(r.end)].to_string()).collect()
    } else {
        let Some(sep) = sep.downcast::<PyStr>() else {
            let name = vm.type_name(sep);
            return Err(vm.type_error(format!("must be str or None, not {name}")));
        };
        if sep.char_len() == 0 {
            return Err(vm.value_error("empty separator"));
        }
        split_on(text, sep.as_str(), maxsplit, reverse).into_iter().map(str::to_string).collect()
    };
    new_str_list(vm, parts)
}

pub(crate) fn str_split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    split_impl(vm, args, &SPLIT_SIG, false)
}
pub(crate) fn str_rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    split_impl(vm, args, &RSPLIT_SIG, true)
}

static SPLITLINES_SIG: Signature =
    Signature { name: "splitlines", params: &["self", "keepends"], positional_only: 1, keyword_only: 2, required: 1 };

/// The line ranges of `items` (`end_with_break`, `end_without_break`), for
/// `splitlines`: `\r\n` is one break; `is_break` says which items break.
pub fn line_ranges<C: Copy>(
    items: &[C],
    is_break: impl Fn(C) -> bool,
    is_cr: impl Fn(C) -> bool,
    is_lf: impl Fn(C) -> bool,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let len = items.len();
    while i < len {
        let start = i;
        while i < len && !is_break(items[i]) {
            i += 1;
        }
        let eol = i;
        if i < len {
            if is_cr(items[i]) && i + 1 < len && is_lf(items[i + 1]) {
                i += 2;
            } else {
                i += 1;
            }
        }
        out.push((start, eol, i));
    }
    out
}

/// The `keepends` argument: an int, by truth value.
pub fn keepends_arg(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if v.is_null() {
        return Ok(false);
    }
    let i = number::index(vm, v)?;
    Ok(i.as_small_int() != Some(0))
}

pub(crate) fn str_splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, keepends] = args.bind::<2>(vm, &SPLITLINES_SIG)?;
    let s = this_str(vm, this, "splitlines")?;
    let keepends = keepends_arg(vm, keepends)?;
    let chars: Vec<(usize, char)> = s.as_str().char_indices().collect();
    let text = s.as_str();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let lines: Vec<String> =
        line_ranges(&chars, |(_, c)| unicode::is_linebreak(c), |(_, c)| c == '\r', |(_, c)| c == '\n')
            .into_iter()
            .map(|(start, eol, end)| text[byte_at(start)..byte_at(if keepends { end } else { eol })].to_string())
            .collect();
    new_str_list(vm, lines)
}

/// A list of new strings.
fn new_str_list(vm: &mut Vm, parts: Vec<String>) -> PyResult {
    let list = list_from_vec(vm, Vec::new());
    let list_gc = list.downcast::<crate::types::list::PyList>().expect("a new list");
    for part in parts {
        let v = new_string(vm, part);
        list_gc.push(v);
    }
    Ok(list)
}

/// `str.join(iterable)`.
pub(crate) fn str_join(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, iterable] = args.exact::<2>(vm, "str.join")?;
    let s = this_str(vm, this, "join")?;
    let items: Vec<Value> = if let Some(tuple) = iterable.downcast::<PyTuple>() {
        tuple.as_slice().to_vec()
    } else {
        if attr::lookup_special(vm, iterable, "__iter__").is_none()
            && attr::lookup_special(vm, iterable, "__getitem__").is_none()
        {
            return Err(vm.type_error("can only join an iterable"));
        }
        // The list keeps the items alive; `items` only copies the pointers.
        let list = iter::collect(vm, iterable)?;
        let items = list.to_vec();
        if items.len() == 1 && vm.is_exact(items[0], vm.types.str) {
            return Ok(items[0]);
        }
        items
    };
    let sep = s.as_str();
    let mut out = String::new();
    for (i, &item) in items.iter().enumerate() {
        let Some(part) = item.downcast::<PyStr>() else {
            let name = vm.type_name(item);
            return Err(vm.type_error(format!("sequence item {i}: expected str instance, {name} found")));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part.as_str());
    }
    Ok(new_string(vm, out))
}

/// `partition`/`rpartition`.
fn partition_impl(vm: &mut Vm, args: Args<'_>, name: &str, reverse: bool) -> PyResult {
    let [this, sep] = args.exact::<2>(vm, name)?;
    let s = this_str(vm, this, name)?;
    let sep = expect_str(vm, sep)?;
    if sep.char_len() == 0 {
        return Err(vm.value_error("empty separator"));
    }
    let text = s.as_str();
    let found = if reverse { text.rfind(sep.as_str()) } else { text.find(sep.as_str()) };
    let empty = vm.singletons.empty_str;
    let parts = match found {
        None => {
            let whole = exact_str(vm, s);
            if reverse {
                [empty, empty, whole]
            } else {
                [whole, empty, empty]
            }
        }
        Some(i) => {
            let head = vm.new_str(&text[..i]);
            let tail = vm.new_str(&text[i + sep.as_str().len()..]);
            let sep = exact_str(vm, sep);
            [head, sep, tail]
        }
    };
    Ok(new_tuple(vm, &parts))
}

pub(crate) fn str_partition(vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(vm, args, "partition", false)
}
pub(crate) fn str_rpartition(vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(vm, args, "rpartition", true)
}

// ---- stripping and replacing --------------------------------------------------------------

/// `strip`, `lstrip`, `rstrip` with an optional set of characters.
fn strip_impl(vm: &mut Vm, args: Args<'_>, name: &str, left: bool, right: bool) -> PyResult {
    let params = args.skip_self().positional_range(vm, name, 0, 1)?;
    let s = this_str(vm, args.this(), name)?;
    let chars_arg = params.first().copied().unwrap_or(Value::NULL);
    let text = s.as_str();
    let stripped = if chars_arg.is_null() || vm.is_none(chars_arg) {
        let mut t = text;
        if left {
            t = t.trim_start_matches(unicode::is_space);
        }
        if right {
            t = t.trim_end_matches(unicode::is_space);
        }
        t
    } else {
        let Some(set) = chars_arg.downcast::<PyStr>() else {
            return Err(vm.type_error(format!("{name} arg must be None or str")));
        };
        let set: Vec<char> = set.as_str().chars().collect();
        let mut t = text;
        if left {
            t = t.trim_start_matches(set.as_slice());
        }
        if right {
            t = t.trim_end_matches(set.as_slice());
        }
        t
    };
    if stripped.len() == text.len() {
        return Ok(exact_str(vm, s));
    }
    Ok(vm.new_str(stripped))
}

pub(crate) fn str_strip(vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(vm, args, "strip", true, true)
}
pub(crate) fn str_lstrip(vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(vm, args, "lstrip", true, false)
}
pub(crate) fn str_rstrip(vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(vm, args, "rstrip", false, true)
}

/// `str.replace(old, new, count=-1)`.
pub(crate) fn str_replace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let params = args.skip_self().positional_range(vm, "replace", 2, 3)?;
    let s = this_str(vm, args.this(), "replace")?;
    let old = expect_str_arg(vm, params[0], "replace", 1)?;
    let new = expect_str_arg(vm, params[1], "replace", 2)?;
    let count = match params.get(2) {
        Some(&c) => ssize_arg(vm, c)?,
        None => -1,
    };
    let text = s.as_str();
    let result = if count < 0 {
        text.replace(old.as_str(), new.as_str())
    } else {
        text.replacen(old.as_str(), new.as_str(), count as usize)
    };
    if result == text {
        return Ok(exact_str(vm, s));
    }
    Ok(new_string(vm, result))
}

/// `removeprefix`/`removesuffix`.
fn remove_affix(vm: &mut Vm, args: Args<'_>, name: &str, suffix: bool) -> PyResult {
    let [this, affix] = args.exact::<2>(vm, name)?;
    let s = this_str(vm, this, name)?;
    let Some(affix) = affix.downcast::<PyStr>() else {
        let type_name = vm.type_name(affix);
        return Err(vm.type_error(format!("{name}() argument must be str, not {type_name}")));
    };
    let text = s.as_str();
    let rest = if suffix { text.strip_suffix(affix.as_str()) } else { text.strip_prefix(affix.as_str()) };
    match rest {
        Some(rest) if !affix.as_str().is_empty() => Ok(vm.new_str(rest)),
        _ => Ok(exact_str(vm, s)),
    }
}

pub(crate) fn str_removeprefix(vm: &mut Vm, args: Args<'_>) -> PyResult {
    remove_affix(vm, args, "removeprefix", false)
}
pub(crate) fn str_removesuffix(vm: &mut Vm, args: Args<'_>) -> PyResult {
    remove_affix(vm, args, "removesuffix", true)
}

/// `str.translate(table)`: `table[ord(c)]` is an int, a str or None; a
/// `LookupError` leaves the character unchanged.
pub(crate) fn str_translate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, table] = args.exact::<2>(vm, "translate")?;
    let s = this_str(vm, this, "translate")?;
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let key = Value::from_small(c as i64);
        let mapped = match crate::protocol::sequence::getitem(vm, table, key) {
            Ok(v) => v,
            Err(err) if vm.error_matches(err, vm.exceptions.lookup_error) => {
                out.push(c);
                continue;
            }
            Err(err) => return Err(err),
        };
        if vm.is_none(mapped) {
            continue;
        }
        if let Some(text) = mapped.downcast::<PyStr>() {
            out.push_str(text.as_str());
            continue;
        }
        if crate::types::int::as_bigint(mapped).is_some() {
            let cp = clamp_index(mapped);
            match u32::try_from(cp).ok().filter(|&cp| cp < 0x110000).map(char::from_u32) {
                Some(Some(ch)) => out.push(ch),
                Some(None) => out.push('\u{fffd}'),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            }
            continue;
        }
        return Err(vm.type_error("character mapping must return integer, None or str"));
    }
    Ok(new_string(vm, out))
}

/// `str.maketrans(x[, y[, z]])` (a static method).
pub(crate) fn str_maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let params = args.positional_range(vm, "maketrans", 1, 3)?;
    let dict = PyDict::new(vm);
    if params.len() == 1 {
        let Some(mapping) = params[0].downcast::<PyDict>() else {
            return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
        };
        for (key, value) in mapping.items() {
            let key = if let Some(k) = key.downcast::<PyStr>() {
                if k.char_len() != 1 {
                    return Err(vm.value_error("string keys in translate table must be of length 1"));
                }
                Value::from_small(k.char_at(0) as i64)
            } else if crate::types::int::as_bigint(key).is_some() {
                key
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            };
            dict.set_item(vm, key, value)?;
        }
        return Ok(dict.value());
    }
    let Some(from) = params[0].downcast::<PyStr>() else {
        return Err(vm.type_error("first maketrans argument must be a string if there is a second argument"));
    };
    let to = expect_str_arg(vm, params[1], "maketrans", 2)?;
    if from.char_len() != to.char_len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in from.as_str().chars().zip(to.as_str().chars()) {
        dict.set_item(vm, Value::from_small(a as i64), Value::from_small(b as i64))?;
    }
    if let Some(&deleted) = params.get(2) {
        let deleted = expect_str_arg(vm, deleted, "maketrans", 3)?;
        let none = vm.none();
        for c in deleted.as_str().chars() {
            dict.set_item(vm, Value::from_small(c as i64), none)?;
        }
    }
    Ok(dict.value())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjust_indices_like_stringlib() {
        assert_eq!(adjust_indices(None, None, 3), (0, 3));
        assert_eq!(adjust_indices(Some(-1), None, 3), (2, 3));
        assert_eq!(adjust_indices(Some(-10), Some(-10), 3), (0, 0));
        assert_eq!(adjust_indices(Some(5), Some(10), 3), (5, 3));
    }

    #[test]
    fn whitespace_split_keeps_trailing_space_of_the_remainder() {
        let text: Vec<char> = "  a b  c  ".chars().collect();
        let parts = |ranges: Vec<std::ops::Range<usize>>| -> Vec<String> {
            ranges.into_iter().map(|r| text[r].iter().collect()).collect()
        };
        assert_eq!(parts(split_whitespace(&text, unicode::is_space, -1)), ["a", "b", "c"]);
        assert_eq!(parts(split_whitespace(&text, unicode::is_space, 1)), ["a", "b  c  "]);
        assert_eq!(parts(rsplit_whitespace(&text, unicode::is_space, 1)), ["  a b", "c"]);
        assert_eq!(parts(split_whitespace(&text, unicode::is_space, 0)), ["a b  c  "]);
        assert!(split_whitespace(&[] as &[char], unicode::is_space, -1).is_empty());
    }

    #[test]
    fn separator_split() {
        assert_eq!(split_on("a,b,,c", ",", -1, false), ["a", "b", "", "c"]);
        assert_eq!(split_on("a,b,c", ",", 1, true), ["a,b", "c"]);
        assert_eq!(split_on("", ",", -1, false), [""]);
    }

    #[test]
    fn splitlines_ranges() {
        let text: Vec<char> = "a\r\nb\rc\n\nd".chars().collect();
        let ranges = line_ranges(&text, unicode::is_linebreak, |c| c == '\r', |c| c == '\n');
        assert_eq!(ranges, [(0, 1, 3), (3, 4, 5), (5, 6, 7), (7, 7, 8), (8, 9, 9)]);
    }

    #[test]
    fn case_mappings() {
        assert_eq!(capitalize("hELLO wORLD"), "Hello world");
        assert_eq!(capitalize("ßa"), "Ssa");
        assert_eq!(title("they're bill's friends"), "They'Re Bill'S Friends");
        assert_eq!(title("ǆemal"), "ǅemal");
        assert_eq!(swapcase("aBΣ"), "Abς");
        assert_eq!(casefold("Straße ΣΑΣ"), "strasse σασ");
        assert!(is_title_text("Hello World"));
        assert!(!is_title_text("Hello world"));
        assert!(is_lower_text("abc1"));
        assert!(!is_upper_text("1"));
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("_abc1"));
        assert!(is_identifier("été"));
        assert!(!is_identifier("1a"));
        assert!(!is_identifier(""));
    }

    #[test]
    fn string_format_specs() {
        assert_eq!(format_str_with_spec("abc", "^9.2").unwrap(), "   ab    ");
        assert_eq!(format_str_with_spec("a", "05").unwrap(), "a0000");
        assert_eq!(format_str_with_spec("a", "*>3").unwrap(), "**a");
        assert_eq!(format_str_with_spec("a", "+").unwrap_err(), "Sign not allowed in string format specifier");
        assert_eq!(
            format_str_with_spec("a", "=5").unwrap_err(),
            "'=' alignment not allowed in string format specifier"
        );
        assert_eq!(format_str_with_spec("a", ",").unwrap_err(), "Cannot specify ',' with 's'.");
        assert_eq!(format_str_with_spec("a", "d").unwrap_err(), "Unknown format code 'd' for object of type 'str'");
        assert_eq!(
            format_str_with_spec("a", "ss").unwrap_err(),
            "Invalid format specifier 'ss' for object of type 'str'"
        );
        assert_eq!(format_str_with_spec("a", ".").unwrap_err(), "Format specifier missing precision");
    }

    #[test]
    fn tabs() {
        assert_eq!(expand_tabs("a\tb\n\tc".chars(), 4), "a   b\n    c");
        assert_eq!(expand_tabs("a\tb".chars(), 0), "ab");
    }

    #[test]
    fn codec_names() {
        assert_eq!(Codec::lookup("UTF_8"), Some(Codec::Utf8));
        assert_eq!(Codec::lookup("Latin-1"), Some(Codec::Latin1));
        assert_eq!(Codec::lookup("us-ascii"), Some(Codec::Ascii));
        assert_eq!(Codec::lookup("koi8-r"), None);
        assert_eq!(ascii_repr_str("é'"), "\"\\xe9'\"");
    }
}
