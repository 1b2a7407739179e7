//! `frame` and `traceback` objects.
//!
//! Frames run on the value stack (see `interp::frame`); a `PyFrame` is made
//! only when something observes a frame: a traceback entry or
//! `sys._getframe`. It records the code, globals and the line reached, and
//! links to the frame object of the caller when one was made.

use std::cell::Cell;

use crate::error::PyResult;
use crate::gc::Tracer;
use crate::impl_payload;
use crate::native::{GetSetDef, MethodDef};
use crate::object::{Gc, ObjHeader, PyPayload, ValueCell};
use crate::types::function::PyCode;
use crate::types::TypeSpec;
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct PyFrame {
    header: ObjHeader,
    pub code: Gc<PyCode>,
    pub globals: Value,
    /// The locals mapping, or NULL for optimized frames.
    pub locals: Value,
    /// The instruction offset reached.
    pub lasti: Cell<usize>,
    /// The caller's frame object, or NULL.
    pub back: ValueCell,
}

impl_payload!(PyFrame, Frame);

impl PyFrame {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.code.value(), self.globals, self.locals, self.back.get()]);
    }

    pub fn line(&self) -> u32 {
        self.code.code.line_at(self.lasti.get())
    }
}

#[repr(C)]
pub struct PyTraceback {
    header: ObjHeader,
    /// The next entry inward (towards where the exception was raised), or NULL.
    pub next: ValueCell,
    pub frame: Gc<PyFrame>,
    pub lasti: usize,
    pub line: u32,
}

impl_payload!(PyTraceback, Traceback);

impl PyTraceback {
    pub(crate) fn trace_fields(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.next.get(), self.frame.value()]);
    }
}

/// The frame object of the frame at `index` in the thread's frame stack,
/// made on first request and updated to the frame's current instruction.
pub fn frame_object(vm: &mut Vm, index: usize) -> Gc<PyFrame> {
    let existing = vm.thread.frames[index].frame_object;
    let lasti = vm.thread.frames[index].lasti;
    if let Some(f) = existing.downcast::<PyFrame>() {
        f.lasti.set(lasti);
        return f;
    }
    let back = if index > 0 { frame_object(vm, index - 1).value() } else { Value::NULL };
    let frame = &vm.thread.frames[index];
    let payload = PyFrame {
        header: ObjHeader::new(PyFrame::LAYOUT, Value::NULL),
        code: frame.code,
        globals: frame.globals.value(),
        locals: frame.locals,
        lasti: Cell::new(lasti),
        back: ValueCell::new(back),
    };
    let ty = vm.types.frame;
    let f = vm.alloc(payload, ty);
    vm.thread.frames[index].frame_object = f.value();
    f
}

/// A frame object not tied to a running frame (a suspended generator's).
pub fn detached_frame(vm: &mut Vm, code: Gc<PyCode>, globals: Value, lasti: usize) -> Value {
    let payload = PyFrame {
        header: ObjHeader::new(PyFrame::LAYOUT, Value::NULL),
        code,
        globals,
        locals: Value::NULL,
        lasti: Cell::new(lasti),
        back: ValueCell::new(Value::NULL),
    };
    let ty = vm.types.frame;
    vm.alloc(payload, ty).value()
}

/// Prepend an entry for the top frame to the exception's traceback.
pub fn add_traceback_entry(vm: &mut Vm, exc: Value) {
    let index = vm.thread.frames.len() - 1;
    let lasti = vm.thread.frames[index].lasti;
    let frame = frame_object(vm, index);
    let line = frame.code.code.line_at(lasti);
    let next = crate::types::exception::get_traceback(exc);
    let ty = vm.types.traceback;
    let tb = vm.alloc(
        PyTraceback {
            header: ObjHeader::new(PyTraceback::LAYOUT, Value::NULL),
            next: ValueCell::new(next),
            frame,
            lasti,
            line,
        },
        ty,
    );
    crate::types::exception::set_traceback(exc, tb.value());
}

/// The frame object, brought up to date with its frame's current
/// instruction if that frame is still running.
fn this_frame(vm: &mut Vm, v: Value) -> PyResult<Gc<PyFrame>> {
    let frame = v.downcast::<PyFrame>().ok_or_else(|| vm.type_error("descriptor requires a 'frame' object"))?;
    if let Some(live) = vm.thread.frames.iter().rev().find(|f| f.frame_object.is(v)) {
        frame.lasti.set(live.lasti);
    }
    Ok(frame)
}

fn this_tb(vm: &mut Vm, v: Value) -> PyResult<Gc<PyTraceback>> {
    v.downcast::<PyTraceback>().ok_or_else(|| vm.type_error("descriptor requires a 'traceback' object"))
}

fn or_none(vm: &Vm, v: Value) -> Value {
    if v.is_null() {
        vm.none()
    } else {
        v
    }
}

pub static FRAME_SPEC: TypeSpec = TypeSpec {
    name: "frame",
    base: None,
    layout: PyFrame::LAYOUT,
    layout_with_attrs: None,
    methods: &[MethodDef::method("__repr__", |vm, args| {
        let f = this_frame(vm, args.this())?;
        let text = format!(
            "<frame at {:#x}, file '{}', line {}, code {}>",
            f.value().to_bits(),
            f.code.code.filename,
            f.line(),
            f.code.code.name
        );
        Ok(vm.new_str(&text))
    })],
    getsets: &[
        GetSetDef::readonly("f_code", |vm, f| Ok(this_frame(vm, f)?.code.value())),
        GetSetDef::readonly("f_globals", |vm, f| Ok(this_frame(vm, f)?.globals)),
        GetSetDef::readonly("f_locals", |vm, f| {
            let f = this_frame(vm, f)?;
            if !f.locals.is_null() {
                return Ok(f.locals);
            }
            // A running function's locals are in its frame's slots; a
            // finished one's are gone (CPython keeps them: a known gap).
            match vm.thread.frames.iter().rposition(|live| live.frame_object.is(f.value())) {
                Some(index) => crate::interp::frame_locals(vm, index),
                None => Ok(crate::types::dict::PyDict::new(vm).value()),
            }
        }),
        GetSetDef::readonly("f_lineno", |vm, f| Ok(Value::from_small(this_frame(vm, f)?.line() as i64))),
        GetSetDef::readonly("f_lasti", |vm, f| Ok(Value::from_small(this_frame(vm, f)?.lasti.get() as i64 * 2))),
        GetSetDef::readonly("f_back", |vm, f| {
            let back = this_frame(vm, f)?.back.get();
            Ok(or_none(vm, back))
        }),
        GetSetDef::readonly("f_builtins", |vm, _| Ok(vm.builtins.value())),
    ],
    doc: "",
};

pub static TRACEBACK_SPEC: TypeSpec = TypeSpec {
    name: "traceback",
    base: None,
    layout: PyTraceback::LAYOUT,
    layout_with_attrs: None,
    methods: &[],
    getsets: &[
        GetSetDef::readonly("tb_next", |vm, t| {
            let next = this_tb(vm, t)?.next.get();
            Ok(or_none(vm, next))
        }),
        GetSetDef::readonly("tb_frame", |vm, t| Ok(this_tb(vm, t)?.frame.value())),
        GetSetDef::readonly("tb_lineno", |vm, t| Ok(Value::from_small(this_tb(vm, t)?.line as i64))),
        GetSetDef::readonly("tb_lasti", |vm, t| Ok(Value::from_small(this_tb(vm, t)?.lasti as i64 * 2))),
    ],
    doc: "",
};
