//! `str`.
//!
//! A `PyStr` holds its text as UTF-8 with its length in code points and a
//! cached hash. Indexing by code point is O(1) for ASCII text (the common
//! case: byte index = char index) and, for other text, goes through a
//! lazily built index of the byte offset of every 64th code point, as PyPy's
//! UTF-8 strings do. Lone surrogates are not representable yet (a known gap:
//! the representation is private to this file and can move to WTF-8).

use std::cell::{Cell, OnceCell};

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{Args, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload};
use crate::types::str_format;
use crate::types::str_methods as methods;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

/// A str: its lengths, cached hash and index, followed in the same
/// allocation by its UTF-8 text (after the attribute area, for instances
/// of subclasses), so that a string is one allocation.
#[repr(C)]
pub struct PyStr {
    header: ObjHeader,
    byte_len: usize,
    char_len: usize,
    /// CPython's hash of the string, or -1 until computed.
    hash: Cell<i64>,
    /// For non-ASCII text: the byte offset of every `INDEX_STRIDE`-th char.
    index: OnceCell<Box<[u32]>>,
}

impl_payload!(PyStr, Str, subclassable, leaf);

const INDEX_STRIDE: usize = 64;

/// A new str of class `cls` (str or a subclass) holding a copy of `text`.
pub fn alloc_str(vm: &mut Vm, cls: Gc<crate::types::typeobject::PyType>, text: &str) -> Gc<PyStr> {
    vm.alloc_trailing(PyStr::header_for(text), cls, text.len(), |data| {
        // SAFETY: `data` has room for `text.len()` bytes.
        unsafe { std::ptr::copy_nonoverlapping(text.as_ptr(), data, text.len()) }
    })
}

impl PyStr {
    pub(crate) fn trace_fields(&self, _tracer: &mut Tracer) {}

    /// The fixed part of a str holding `text`; only `alloc_str` places one.
    pub(crate) fn header_for(text: &str) -> PyStr {
        let char_len = if text.is_ascii() { text.len() } else { text.chars().count() };
        PyStr {
            header: ObjHeader::new(PyStr::LAYOUT, Value::NULL),
            byte_len: text.len(),
            char_len,
            hash: Cell::new(-1),
            index: OnceCell::new(),
        }
    }

    /// A new exact `str` value.
    pub fn new_value(vm: &mut Vm, text: &str) -> Value {
        if let Some(v) = vm.latin1_char(text) {
            return v;
        }
        let ty = vm.types.str;
        alloc_str(vm, ty, text).value()
    }

    #[inline(always)]
    pub fn as_str(&self) -> &str {
        let offset = self.header.layout().alloc_size();
        // SAFETY: `alloc_str` placed `byte_len` bytes of valid UTF-8 right
        // after the object's layout, and they never change.
        unsafe {
            let bytes = std::slice::from_raw_parts((self as *const PyStr as *const u8).add(offset), self.byte_len);
            std::str::from_utf8_unchecked(bytes)
        }
    }

    /// Whether this is the interned object for its text: then no other
    /// interned str has the same text, and identity is equality among them.
    #[inline(always)]
    pub fn is_interned(&self) -> bool {
        self.header.bits() & crate::object::header_bits::INTERNED != 0
    }

    /// The length in code points.
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.byte_len
    }

    /// CPython's `hash()` of this string.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = crate::hashing::hash_str(self.as_str());
        self.hash.set(h);
        h
    }

    /// The byte offset of code point `char_index` (which may equal the length).
    pub fn byte_offset(&self, char_index: usize) -> usize {
        if self.is_ascii() {
            return char_index;
        }
        if char_index >= self.char_len {
            return self.byte_len;
        }
        let index = self.index.get_or_init(|| {
            let mut offsets = Vec::with_capacity(self.char_len / INDEX_STRIDE + 1);
            for (i, (byte, _)) in self.as_str().char_indices().enumerate() {
                if i % INDEX_STRIDE == 0 {
                    offsets.push(byte as u32);
                }
            }
            offsets.into_boxed_slice()
        });
        let start = index[char_index / INDEX_STRIDE] as usize;
        let skip = char_index % INDEX_STRIDE;
        match self.as_str()[start..].char_indices().nth(skip) {
            Some((offset, _)) => start + offset,
            None => self.byte_len,
        }
    }

    /// The code point at `char_index` (which must be in range).
    pub fn char_at(&self, char_index: usize) -> char {
        if self.is_ascii() {
            return self.as_str().as_bytes()[char_index] as char;
        }
        let offset = self.byte_offset(char_index);
        self.as_str()[offset..].chars().next().expect("index in range")
    }

    /// The text of code points `start..end`.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        &self.as_str()[self.byte_offset(start)..self.byte_offset(end)]
    }
}

/// The text of a value known or checked to be a `str`.
pub fn str_of(v: Value) -> Option<Gc<PyStr>> {
    v.downcast::<PyStr>()
}

/// `self` of a `str` method, with CPython's error if it is not a str.
pub fn this_str(vm: &mut Vm, v: Value, method: &str) -> PyResult<Gc<PyStr>> {
    match v.downcast::<PyStr>() {
        Some(s) => Ok(s),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{method}' requires a 'str' object but received a '{name}'")))
        }
    }
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "str",
    base: None,
    layout: PyStr::LAYOUT,
    layout_with_attrs: PyStr::LAYOUT_WITH_ATTRS,
    methods: METHODS,
    getsets: &[],
    doc: "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str",
};

static METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", methods::str_new),
    MethodDef::method("__repr__", str_repr),
    MethodDef::method("__str__", str_str),
    MethodDef::method("__hash__", str_hash),
    MethodDef::method("__len__", str_len),
    MethodDef::method("__add__", methods::str_add),
    MethodDef::method("__mul__", methods::str_mul),
    MethodDef::method("__rmul__", methods::str_mul),
    MethodDef::method("__mod__", methods::str_mod),
    MethodDef::method("__rmod__", methods::str_rmod),
    MethodDef::method("__contains__", methods::str_contains),
    MethodDef::method("__getitem__", methods::str_getitem),
    MethodDef::method("__iter__", methods::str_iter),
    MethodDef::method("__eq__", methods::str_eq),
    MethodDef::method("__ne__", methods::str_ne),
    MethodDef::method("__lt__", methods::str_lt),
    MethodDef::method("__le__", methods::str_le),
    MethodDef::method("__gt__", methods::str_gt),
    MethodDef::method("__ge__", methods::str_ge),
    MethodDef::method("__format__", methods::str_format_dunder),
    MethodDef::method("__getnewargs__", methods::str_getnewargs),
    MethodDef::method("capitalize", methods::str_capitalize),
    MethodDef::method("casefold", methods::str_casefold),
    MethodDef::method("center", methods::str_center),
    MethodDef::method("count", methods::str_count),
    MethodDef::method("encode", methods::str_encode),
    MethodDef::method("endswith", methods::str_endswith),
    MethodDef::method("expandtabs", methods::str_expandtabs),
    MethodDef::method("find", methods::str_find),
    MethodDef::method("format", str_format::str_format),
    MethodDef::method("format_map", str_format::str_format_map),
    MethodDef::method("index", methods::str_index),
    MethodDef::method("isalnum", methods::str_isalnum),
    MethodDef::method("isalpha", methods::str_isalpha),
    MethodDef::method("isascii", methods::str_isascii),
    MethodDef::method("isdecimal", methods::str_isdecimal),
    MethodDef::method("isdigit", methods::str_isdigit),
    MethodDef::method("isidentifier", methods::str_isidentifier),
    MethodDef::method("islower", methods::str_islower),
    MethodDef::method("isnumeric", methods::str_isnumeric),
    MethodDef::method("isprintable", methods::str_isprintable),
    MethodDef::method("isspace", methods::str_isspace),
    MethodDef::method("istitle", methods::str_istitle),
    MethodDef::method("isupper", methods::str_isupper),
    MethodDef::method("join", methods::str_join),
    MethodDef::method("ljust", methods::str_ljust),
    MethodDef::method("lower", methods::str_lower),
    MethodDef::method("lstrip", methods::str_lstrip),
    MethodDef::staticmethod("maketrans", methods::str_maketrans),
    MethodDef::method("partition", methods::str_partition),
    MethodDef::method("removeprefix", methods::str_removeprefix),
    MethodDef::method("removesuffix", methods::str_removesuffix),
    MethodDef::method("replace", methods::str_replace),
    MethodDef::method("rfind", methods::str_rfind),
    MethodDef::method("rindex", methods::str_rindex),
    MethodDef::method("rjust", methods::str_rjust),
    MethodDef::method("rpartition", methods::str_rpartition),
    MethodDef::method("rsplit", methods::str_rsplit),
    MethodDef::method("rstrip", methods::str_rstrip),
    MethodDef::method("split", methods::str_split),
    MethodDef::method("splitlines", methods::str_splitlines),
    MethodDef::method("startswith", methods::str_startswith),
    MethodDef::method("strip", methods::str_strip),
    MethodDef::method("swapcase", methods::str_swapcase),
    MethodDef::method("title", methods::str_title),
    MethodDef::method("translate", methods::str_translate),
    MethodDef::method("upper", methods::str_upper),
    MethodDef::method("zfill", methods::str_zfill),
];

fn str_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this_str(vm, args.this(), "__repr__")?;
    let text = repr_str(s.as_str());
    Ok(vm.new_str(&text))
}

fn str_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this_str(vm, args.this(), "__str__")?;
    if vm.is_exact(s.value(), vm.types.str) {
        return Ok(s.value());
    }
    Ok(PyStr::new_value(vm, s.as_str()))
}

fn str_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this_str(vm, args.this(), "__hash__")?;
    let h = s.hash();
    Ok(vm.new_int(h))
}

fn str_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this_str(vm, args.this(), "__len__")?;
    Ok(Value::from_small(s.char_len() as i64))
}

/// `repr()` of a string, as CPython's `unicode_repr`: single quotes unless
/// the text contains a single quote and no double quote.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_ascii() => out.push(c),
            c if is_printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable()` for one character: not in the Unicode categories
/// Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs other than the ASCII space.
pub fn is_printable(c: char) -> bool {
    crate::unicode::is_printable(c)
}
