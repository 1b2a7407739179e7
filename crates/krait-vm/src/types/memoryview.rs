//! `memoryview`, the minimal subset: one-dimensional views with format `'B'`
//! over `bytes` and `bytearray` (and other memoryviews), with slicing,
//! item access, `tobytes`/`tolist`/`hex`, comparison, `release` and the
//! context-manager protocol. Other formats, `cast` and multi-dimensional
//! views are not implemented.
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
    length: usize,
    released: Cell<bool>,
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
    let data = MemoryView { object: ValueCell::new(object), start, step, length, released: Cell::new(false) };
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
    let items: Vec<Value> = mv.contents().into_iter().map(|b| Value::from_small(b as i64)).collect();
    Ok(crate::types::list::list_from_vec(vm, items))
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
    let length = view(vm, v)?.length;
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
        MethodDef::method("hex", mv_hex),
        MethodDef::method("release", mv_release),
    ],
    getsets: &[
        GetSetDef::readonly("obj", getter_obj),
        GetSetDef::readonly("nbytes", getter_nbytes),
        GetSetDef::readonly("readonly", getter_readonly),
        GetSetDef::readonly("itemsize", |_, _| Ok(Value::from_small(1))),
        GetSetDef::readonly("ndim", |_, _| Ok(Value::from_small(1))),
        GetSetDef::readonly("format", |vm, _| Ok(vm.new_str("B"))),
        GetSetDef::readonly("shape", getter_shape),
        GetSetDef::readonly("strides", getter_strides),
        GetSetDef::readonly("contiguous", getter_contiguous),
        GetSetDef::readonly("c_contiguous", getter_contiguous),
        GetSetDef::readonly("f_contiguous", getter_contiguous),
    ],
    doc: "Create a new memoryview object which references the given object.",
};
