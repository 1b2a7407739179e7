//! Exception unwinding through exception tables.
//!
//! When an instruction raises, the current frame gets a traceback entry
//! (unless the exception was re-raised by RERAISE, which keeps the entry
//! already there), the implicit `__context__` is attached, and the frame's
//! exception table is searched for a handler covering the instruction. With
//! one, the operand stack is cut to the handler's depth, the instruction
//! offset is pushed if the handler wants it (`lasti`), then the exception,
//! and execution continues at the handler. Without one, the frame is popped
//! and the search continues in the caller — unless the frame was the entry
//! frame of this run of the loop, in which case the exception leaves it.

use crate::error::{PyErr, PyResult};
use crate::interp::call::pop_frame;
use crate::types::exception;
use crate::types::generator::{self, PyGenerator};
use crate::value::Value;
use crate::vm::Vm;

/// Find a handler for `err`, starting in the top frame. On success the top
/// frame is ready to run the handler.
pub fn unwind(vm: &mut Vm, mut err: PyErr, reraise: bool) -> PyResult<()> {
    let mut exc = err.exception();
    let mut add_traceback = !reraise;
    if !reraise {
        exception::attach_context(vm, exc);
    }
    loop {
        let frame = vm.thread.frames.last().expect("unwinding without a frame");
        let lasti = frame.lasti;
        if add_traceback {
            crate::types::traceback::add_traceback_entry(vm, exc);
        }
        let frame = vm.thread.frames.last_mut().expect("frame");
        if let Some(handler) = frame.code.code.handler_for(lasti as u32).copied() {
            let mut sp = frame.stack_base + handler.depth as usize;
            if handler.push_lasti {
                vm.thread.stack[sp] = Value::from_small(lasti as i64);
                sp += 1;
            }
            vm.thread.stack[sp] = exc;
            sp += 1;
            frame.sp = sp;
            frame.ip = handler.target as usize;
            return Ok(());
        }
        let (was_entry, generator) = (frame.is_entry, frame.generator);
        pop_frame(vm);
        if was_entry {
            return Err(err);
        }
        if let Some(gen) = generator.downcast::<PyGenerator>() {
            // A generator run inline by FOR_ITER_GEN: the caller sees what
            // `generator::resume` would have returned it, raised anew.
            err = generator::unwind_inline(vm, gen, err);
            exc = err.exception();
            exception::attach_context(vm, exc);
        }
        // Continue in the caller, at its CALL instruction.
        add_traceback = true;
    }
}
