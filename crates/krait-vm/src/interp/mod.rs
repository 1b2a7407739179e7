//! Tier 1: the bytecode interpreter.
//!
//! `frame` lays out frames on the value stack, `call` binds arguments and
//! pushes and pops frames, `eval` is the loop, `ops` holds the instructions
//! whose work is more than a few lines, and `unwind` walks exception tables.

pub mod call;
pub mod eval;
pub mod frame;
pub mod ops;
pub mod specialize;
pub mod unwind;

pub use call::{call_function, exec_code};
pub use eval::{run_frames, Exit};

use crate::error::PyResult;
use crate::object::Gc;
use crate::types::dict::PyDict;
use crate::value::Value;
use crate::vm::Vm;

/// The globals of the innermost running Python frame.
pub fn current_globals(vm: &Vm) -> Option<Gc<PyDict>> {
    vm.thread.frames.last().map(|f| f.globals)
}

/// `locals()` of the innermost running Python frame: its locals mapping,
/// or for a function a new dict snapshot of its local variables.
pub fn current_locals(vm: &mut Vm) -> PyResult<Value> {
    match vm.thread.frames.len() {
        0 => Ok(vm.none()),
        n => frame_locals(vm, n - 1),
    }
}

/// The locals of the running frame `index` (0 is the outermost): its
/// mapping, or for a function a snapshot dict of its bound locals and cells.
pub fn frame_locals(vm: &mut Vm, index: usize) -> PyResult<Value> {
    let frame = &vm.thread.frames[index];
    if !frame.locals.is_null() {
        return Ok(frame.locals);
    }
    let code = frame.code;
    let base = frame.base;
    let dict = PyDict::new(vm);
    for (i, &name) in code.localsplus_names.iter().enumerate() {
        let mut v = vm.thread.stack[base + i];
        let kind = code.code.localsplus_kinds[i];
        if kind & (krait_bytecode::local_kind::CELL | krait_bytecode::local_kind::FREE) != 0 {
            if let Some(cell) = v.downcast::<crate::types::function::PyCell>() {
                v = cell.contents.get();
            }
        }
        if !v.is_null() {
            dict.set_item(vm, name, v)?;
        }
    }
    Ok(dict.value())
}
