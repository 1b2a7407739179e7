//! `memoryview`, the minimal subset: one-dimensional views with format `'B'`
//! over `bytes` and `bytearray` (and other memoryviews), with slicing,
//! item access, `tobytes`/`tolist`/`hex`, comparison, `release` and the
//! context-manager protocol. `cast` to one of the integer formats
//! (`B b c H h I i L l Q q`) gives a one-dimensional view over a copy of the
//! bytes (CPython's shares them), enough for reading: `len`, indexing,
//! `tolist`, `tobytes`. Multi-dimensional views are not implemented.
//!
//! A view records its object and which bytes it shows (`start`, `step`,
//! `length`); it reads the object's current contents on each access, as
//! CPython's view of a bytearray does (CPython forbids resizing an exported
//! bytearray; Krait does not track exports, so a view of a bytearray that
//! shrank clamps to its current size). `bytes::as_buffer` reads views, so
//! `bytes(view)`, `b'' + view` and friends work.

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::native::{Args, GetSetDef, MethodDef};
use crate::object::{PyPayload, ValueCell};
use crate::protocol::{compare, number};
use crate::types::bytearray::PyByteArray;
use crate::types::bytes::{new_bytes_vec, PyBytes};
use crate::types::native_object::{native_data, new_native_object, NativeData, PyNativeObject};
use crate::types::slice::PySlice;
use crate::types::tuple::new_tuple;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

pub struct MemoryView {
    /// The exporting `bytes` or `bytearray`.
    object: ValueCell,
    start: usize,
    step: isize,
    /// Items, not bytes, for a cast view.
    length: usize,
    released: Cell<bool>,
    /// The struct format of an item (`b'B'` unless cast).
    format: u8,
}

/// The size in bytes of an item of struct format `format`.
fn format_itemsize(format: u8) -> Option<usize> {
    Some(match format {
        b'B' | b'b' | b'c' => 1,
        b'H' | b'h' => 2,
        b'I' | b'i' => 4,
        b'L' | b'l' | b'Q' | b'q' => 8,
        _ => return None,
    })
}

impl MemoryView {
    fn itemsize(&self) -> usize {
        format_itemsize(self.format).unwrap_or(1)
    }

    /// Item `index` (native byte order) as a Python value.
    fn item(&self, vm: &mut Vm, bytes: &[u8], index: usize) -> Value {
        let size = self.itemsize();
        let raw = &bytes[index * size..(index + 1) * size];
        let mut word = [0u8; 8];
        word[..size].copy_from_slice(raw);
        let unsigned = u64::from_ne_bytes(word);
        let signed = match self.format {
            b'b' => raw[0] as i8 as i64,
            b'h' => i16::from_ne_bytes([raw[0], raw[1]]) as i64,
            b'i' => i32::from_ne_bytes([raw[0], raw[1], raw[2], raw[3]]) as i64,
            b'l' | b'q' => unsigned as i64,
            b'c' => return new_bytes_vec(vm, raw.to_vec()),
            b'L' | b'Q' if unsigned > i64::MAX as u64 => {
                return vm.new_bigint(num_bigint::BigInt::from(unsigned));
            }
            _ => unsigned as i64,
        };
        vm.new_int(signed)
    }
}

impl NativeData for MemoryView {
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.object.get());
    }
}

impl MemoryView {
    /// The bytes the view shows now.
    pub fn contents(&self) -> Vec<u8> {
        let whole = raw_contents(self.object.get());
        if self.format != b'B' {
            let end = (self.start + self.length * self.itemsize()).min(whole.len());
            return whole[self.start.min(end)..end].to_vec();
        }
        (0..self.length)
            .filter_map(|i| {
                let index = self.start as isize + i as isize * self.step;
                whole.get(index as usize).copied()
            })
            .collect()
    }
}

fn raw_contents(object: Value) -> Vec<u8> {
    if let Some(b) = object.downcast::<PyBytes>() {
        return b.as_bytes().to_vec();
    }
    object.downcast::<PyByteArray>().map(|b| b.to_vec()).unwrap_or_default()
}

/// The view `v` is, if it is a memoryview.
pub fn as_memoryview(v: Value) -> Option<&'static MemoryView> {
    native_data::<MemoryView>(v)
}

fn view(vm: &mut Vm, v: Value) -> PyResult<&'static MemoryView> {
    let Some(mv) = as_memoryview(v) else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("descriptor requires a 'memoryview' object but received '{tn}'")));
    };
    if mv.released.get() {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(mv)
}

fn new_view(vm: &mut Vm, object: Value, start: usize, step: isize, length: usize) -> Value {
    let ty = vm.types.memoryview;
    let data =
        MemoryView { object: ValueCell::new(object), start, step, length, released: Cell::new(false), format: b'B' };
    new_native_object(vm, data, ty)
}

fn memoryview_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let rest = Args::new(&args.all()[1..], args.kwnames());
    let [object] = rest.bind::<1>(
        vm,
        &crate::native::Signature {
            name: "memoryview",
            params: &["object"],
            positional_only: 0,
            keyword_only: 1,
            required: 1,
        },
    )?;
    if let Some(mv) = as_memoryview(object) {
        if mv.released.get() {
            return Err(vm.value_error("operation forbidden on released memoryview object"));
        }
        if mv.format != b'B' {
            let ty = vm.types.memoryview;
            let data = MemoryView {
                object: ValueCell::new(mv.object.get()),
                start: mv.start,
                step: mv.step,
                length: mv.length,
                released: Cell::new(false),
                format: mv.format,
            };
            return Ok(new_native_object(vm, data, ty));
        }
        return Ok(new_view(vm, mv.object.get(), mv.start, mv.step, mv.length));
    }
    if object.downcast::<PyBytes>().is_none() && object.downcast::<PyByteArray>().is_none() {
        let tn = vm.type_name(object);
        return Err(vm.type_error(format!("memoryview: a bytes-like object is required, not '{tn}'")));
    }
    let length = raw_contents(object).len();
    Ok(new_view(vm, object, 0, 1, length))
}

fn mv_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = view(vm, args.this())?;
    Ok(vm.new_int(mv.length as i64))
}

fn mv_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key] = args.exact::<2>(vm, "__getitem__")?;
    let mv = view(vm, this)?;
    if let Some(slice) = key.downcast::<PySlice>() {
        if mv.format != b'B' {
            return Err(vm.not_implemented_error("memoryview: slicing a cast view is not implemented"));
        }
        let (start, stop, step) = crate::types::slice::unpack(vm, slice)?;
        let (start, _stop, length) = crate::types::slice::adjust_indices(mv.length, start, stop, step);
        let first = mv.start as isize + start * mv.step;
        return Ok(new_view(vm, mv.object.get(), first.max(0) as usize, step * mv.step, length));
    }
    if key.is(vm.singletons.ellipsis) {
        return Ok(this);
    }
    let index = match number::index(vm, key) {
        Ok(i) => number::to_index_isize(vm, i)?,
        Err(_) => return Err(vm.type_error("memoryview: invalid slice key")),
    };
    let index = if index < 0 { index + mv.length as isize } else { index };
    if index < 0 || index as usize >= mv.length {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    let contents = mv.contents();
    if mv.format != b'B' {
        return Ok(mv.item(vm, &contents, index as usize));
    }
    Ok(Value::from_small(contents.get(index as usize).copied().unwrap_or(0) as i64))
}

fn mv_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, key, value] = args.exact::<3>(vm, "__setitem__")?;
    let mv = view(vm, this)?;
    let Some(target) = mv.object.get().downcast::<PyByteArray>() else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    let positions: Vec<usize> = if let Some(slice) = key.downcast::<PySlice>() {
        let (start, stop, step) = crate::types::slice::unpack(vm, slice)?;
        let (start, _stop, length) = crate::types::slice::adjust_indices(mv.length, start, stop, step);
        (0..length).map(|i| (mv.start as isize + (start + i as isize * step) * mv.step) as usize).collect()
    } else {
        let index = number::to_index_isize(vm, key)?;
        let index = if index < 0 { index + mv.length as isize } else { index };
        if index < 0 || index as usize >= mv.length {
            return Err(vm.index_error("index out of bounds on dimension 1"));
        }
        let byte = number::to_i64(vm, value)?;
        if !(0..256).contains(&byte) {
            return Err(vm.value_error("memoryview: invalid value for format 'B'"));
        }
        let position = (mv.start as isize + index * mv.step) as usize;
        target.with_data(|data| {
            if let Some(b) = data.get_mut(position) {
                *b = byte as u8;
            }
        });
        return Ok(vm.none());
    };
    let Some(source) = crate::types::bytes::as_buffer(value) else {
        let tn = vm.type_name(value);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
    };
    if source.len() != positions.len() {
        return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
    }
    target.with_data(|data| {
        for (&position, &byte) in positions.iter().zip(&source) {
            if let Some(b) = data.get_mut(position) {
                *b = byte;
            }
        }
    });
    Ok(vm.none())
}

fn mv_tobytes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = view(vm, args.this())?;
    let contents = mv.contents();
    Ok(new_bytes_vec(vm, contents))
}

fn mv_tolist(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = view(vm, args.this())?;
    let contents = mv.contents();
    let list = crate::types::list::list_from_vec(vm, Vec::new());
    let target = list.downcast::<crate::types::list::PyList>().expect("list");
    for i in 0..mv.length.min(contents.len() / mv.itemsize()) {
        let item = mv.item(vm, &contents, i);
        target.push(item);
    }
    Ok(list)
}

/// `memoryview.cast(format)`: a one-dimensional view of a C-contiguous
/// view's bytes as items of `format`.
fn mv_cast(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, format] = args.exact::<2>(vm, "cast")?;
    let mv = view(vm, this)?;
    let Some(format) = format.downcast::<crate::types::str::PyStr>() else {
        let tn = vm.type_name(format);
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {tn}")));
    };
    let code =
        match format.as_str().as_bytes() {
            [c] | [b'@', c] if format_itemsize(*c).is_some() => *c,
            _ => return Err(vm.value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            )),
        };
    if mv.format != b'B' && code != b'B' {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let bytes = mv.contents();
    let itemsize = format_itemsize(code).unwrap_or(1);
    if bytes.len() % itemsize != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let length = bytes.len() / itemsize;
    let copy = new_bytes_vec(vm, bytes);
    let ty = vm.types.memoryview;
    let data = MemoryView {
        object: ValueCell::new(copy),
        start: 0,
        step: 1,
        length,
        released: Cell::new(false),
        format: code,
    };
    Ok(new_native_object(vm, data, ty))
}

fn mv_hex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = view(vm, args.this())?;
    let text: String = mv.contents().iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_str(&text))
}

fn mv_release(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if let Some(mv) = as_memoryview(args.this()) {
        mv.released.set(true);
    }
    Ok(vm.none())
}

fn mv_enter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    view(vm, args.this())?;
    Ok(args.this())
}

fn mv_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this, other] = args.exact::<2>(vm, "__eq__")?;
    let Some(mv) = as_memoryview(this) else { return Ok(vm.not_implemented()) };
    if this.is(other) {
        return Ok(vm.bool_value(true));
    }
    if mv.released.get() {
        return Ok(vm.bool_value(false));
    }
    let Some(theirs) = crate::types::bytes::as_buffer(other) else { return Ok(vm.not_implemented()) };
    Ok(vm.bool_value(mv.contents() == theirs))
}

fn mv_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let result = mv_eq(vm, args)?;
    if result.is(vm.not_implemented()) {
        return Ok(result);
    }
    let equal = compare::eq(vm, result, vm.bool_value(true))?;
    Ok(vm.bool_value(!equal))
}

fn mv_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mv = view(vm, args.this())?;
    if mv.object.get().downcast::<PyByteArray>().is_some() {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    let bytes = new_bytes_vec(vm, mv.contents());
    let hash = bytes.downcast::<PyBytes>().expect("bytes").hash();
    Ok(vm.new_int(hash))
}

fn mv_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let this = args.this();
    let released = as_memoryview(this).is_some_and(|mv| mv.released.get());
    let address = this.header().map_or(0, |h| h as *const _ as usize);
    let text =
        if released { format!("<released memory at {address:#x}>") } else { format!("<memory at {address:#x}>") };
    Ok(vm.new_str(&text))
}

fn getter_obj(vm: &mut Vm, v: Value) -> PyResult {
    Ok(view(vm, v)?.object.get())
}

fn getter_nbytes(vm: &mut Vm, v: Value) -> PyResult {
    let mv = view(vm, v)?;
    let length = mv.length * mv.itemsize();
    Ok(vm.new_int(length as i64))
}

fn getter_readonly(vm: &mut Vm, v: Value) -> PyResult {
    let readonly = view(vm, v)?.object.get().downcast::<PyByteArray>().is_none();
    Ok(vm.bool_value(readonly))
}

fn getter_shape(vm: &mut Vm, v: Value) -> PyResult {
    let length = view(vm, v)?.length as i64;
    let length = vm.new_int(length);
    Ok(new_tuple(vm, &[length]))
}

fn getter_strides(vm: &mut Vm, v: Value) -> PyResult {
    let step = view(vm, v)?.step as i64;
    let step = vm.new_int(step);
    Ok(new_tuple(vm, &[step]))
}

fn getter_contiguous(vm: &mut Vm, v: Value) -> PyResult {
    let mv = view(vm, v)?;
    Ok(vm.bool_value(mv.step == 1 || mv.length <= 1))
}

pub static SPEC: TypeSpec = TypeSpec {
    name: "memoryview",
    base: None,
    layout: PyNativeObject::LAYOUT,
    layout_with_attrs: None,
    methods: &[
        MethodDef::staticmethod("__new__", memoryview_new),
        MethodDef::method("__len__", mv_len),
        MethodDef::method("__getitem__", mv_getitem),
        MethodDef::method("__setitem__", mv_setitem),
        MethodDef::method("__eq__", mv_eq),
        MethodDef::method("__ne__", mv_ne),
        MethodDef::method("__hash__", mv_hash),
        MethodDef::method("__repr__", mv_repr),
        MethodDef::method("__enter__", mv_enter),
        MethodDef::method("__exit__", mv_release),
        MethodDef::method("tobytes", mv_tobytes),
        MethodDef::method("tolist", mv_tolist),
        MethodDef::method("cast", mv_cast),
        MethodDef::method("hex", mv_hex),
        MethodDef::method("release", mv_release),
    ],
    getsets: &[
        GetSetDef::readonly("obj", getter_obj),
        GetSetDef::readonly("nbytes", getter_nbytes),
        GetSetDef::readonly("readonly", getter_readonly),
        GetSetDef::readonly("itemsize", |vm, v| Ok(Value::from_small(view(vm, v)?.itemsize() as i64))),
        GetSetDef::readonly("ndim", |_, _| Ok(Value::from_small(1))),
        GetSetDef::readonly("format", |vm, v| {
            let format = view(vm, v)?.format;
            Ok(vm.new_str(&(format as char).to_string()))
        }),
        GetSetDef::readonly("shape", getter_shape),
        GetSetDef::readonly("strides", getter_strides),
        GetSetDef::readonly("contiguous", getter_contiguous),
        GetSetDef::readonly("c_contiguous", getter_contiguous),
        GetSetDef::readonly("f_contiguous", getter_contiguous),
    ],
    doc: "Create a new memoryview object which references the given object.",
};
