//! The context a compiled trace runs with.

use std::ffi::c_void;

/// The allocation hook: `(context, size in bytes) -> zeroed object`. It must
/// not return null (it aborts on out-of-memory, as the VM's allocator does).
pub type AllocFn = unsafe extern "C" fn(*mut JitContext, u64) -> *mut u8;

/// What compiled code reads besides its frame buffer: shared with the VM,
/// `#[repr(C)]` with a fixed layout that generated code relies on.
///
/// | offset | field | read by |
/// | --- | --- | --- |
/// | 0 | `exception` | `guard_no_exception` (non-zero: an exception is pending) |
/// | 8 | `vm` | nobody in generated code; helpers find the VM through it |
/// | 16 | `alloc` | `new`, `new_with_vtable`, `new_array` |
/// | 24 | `forced` | `guard_not_forced` (non-zero: a may-force call forced the frame) |
/// | 32 | `sink` | nobody in generated code; the yield helper |
/// | 40 | `yield_status` | nobody in generated code; the yield helper and the driver |
///
/// Every call whose descriptor's effect class is not `Pure` receives the
/// context pointer as an implicit first argument, so Rust helpers can set
/// `exception` or `forced` and reach the VM.
#[repr(C)]
#[derive(Debug)]
pub struct JitContext {
    /// The pending exception object (0 for none).
    pub exception: u64,
    /// The VM, opaque to the JIT.
    pub vm: *mut c_void,
    /// The allocator used by allocation ops.
    pub alloc: Option<AllocFn>,
    /// Set by a may-force call that forced the trace's virtual frame.
    pub forced: u64,
    /// The consumer a generator's yields go to, if the loop runs in the
    /// entry frame of a driven generator: a pointer to the VM's
    /// `YieldSink` (a `&mut dyn FnMut`), opaque to the JIT.
    pub sink: *mut c_void,
    /// Why the yield helper failed, for the driver: 0 it did not,
    /// [`JitContext::YIELD_REFUSED`] or [`JitContext::YIELD_RAN_PYTHON`].
    pub yield_status: u64,
    /// Non-zero: enter the loop trace being called at its label, reading
    /// the label's values from the frame (a bridge's `LoopEntry::Label`;
    /// set by the dispatcher before each call).
    pub label_entry: u64,
}

impl JitContext {
    /// Byte offset of `exception`.
    pub const EXCEPTION_OFFSET: i32 = 0;
    /// Byte offset of `vm`.
    pub const VM_OFFSET: i32 = 8;
    /// Byte offset of `alloc`.
    pub const ALLOC_OFFSET: i32 = 16;
    /// Byte offset of `forced`.
    pub const FORCED_OFFSET: i32 = 24;
    /// Byte offset of `label_entry`.
    pub const LABEL_ENTRY_OFFSET: i32 = 48;

    /// The consumer refused the value: the generator must suspend there.
    pub const YIELD_REFUSED: u64 = 1;
    /// The consumer took the value but ran Python code, which may have
    /// broken the loop's assumptions: the loop must be left.
    pub const YIELD_RAN_PYTHON: u64 = 2;

    /// A context with no VM and no allocator.
    pub fn new() -> JitContext {
        JitContext {
            exception: 0,
            vm: std::ptr::null_mut(),
            alloc: None,
            forced: 0,
            sink: std::ptr::null_mut(),
            yield_status: 0,
            label_entry: 0,
        }
    }
}

impl Default for JitContext {
    fn default() -> JitContext {
        JitContext::new()
    }
}

#[cfg(test)]
mod tests {
    use std::mem::offset_of;

    use super::*;

    #[test]
    fn the_layout_is_the_documented_one() {
        assert_eq!(offset_of!(JitContext, exception), JitContext::EXCEPTION_OFFSET as usize);
        assert_eq!(offset_of!(JitContext, vm), JitContext::VM_OFFSET as usize);
        assert_eq!(offset_of!(JitContext, alloc), JitContext::ALLOC_OFFSET as usize);
        assert_eq!(offset_of!(JitContext, forced), JitContext::FORCED_OFFSET as usize);
        assert_eq!(offset_of!(JitContext, label_entry), JitContext::LABEL_ENTRY_OFFSET as usize);
        assert_eq!(std::mem::size_of::<JitContext>(), 56);
    }
}
