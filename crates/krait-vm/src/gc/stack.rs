//! Finding the native stack: its bounds, and the registers that may hold
//! pointers the stack does not.

/// The extent of the interpreter thread's native stack.
#[derive(Clone, Copy, Debug)]
pub struct StackBounds {
    /// The highest address (the stack grows down from here).
    pub base: usize,
    /// The lowest usable address.
    pub limit: usize,
}

impl StackBounds {
    /// The bounds of the calling thread's stack.
    pub fn current() -> StackBounds {
        // SAFETY: pthread_getattr_np fills `attr` for the calling thread; we
        // destroy it after reading the stack address and size.
        unsafe {
            let mut attr: libc::pthread_attr_t = std::mem::zeroed();
            if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
                let mut addr: *mut libc::c_void = std::ptr::null_mut();
                let mut size: libc::size_t = 0;
                let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
                libc::pthread_attr_destroy(&mut attr);
                if ok && !addr.is_null() {
                    let limit = addr as usize;
                    return StackBounds { base: limit + size, limit };
                }
            }
        }
        // Fall back to a generous guess above the current frame.
        let here = current_stack_address();
        StackBounds { base: here + (64 << 10), limit: here.saturating_sub(1 << 20) }
    }

    /// Bytes left below the current frame.
    #[inline]
    pub fn remaining(&self) -> usize {
        current_stack_address().saturating_sub(self.limit)
    }
}

/// An address in the caller's stack frame. (A local, not `&0u8`, which the
/// compiler would promote to a static.)
#[inline(always)]
fn current_stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Copy the callee-saved registers into an array on the stack.
#[inline(never)]
pub(super) fn spill_registers() -> [usize; 8] {
    let mut regs = [0usize; 8];
    #[cfg(target_arch = "x86_64")]
    // SAFETY: the asm only stores registers into `regs`, which is valid for 8 words.
    unsafe {
        std::arch::asm!(
            "mov [{0}], rbx",
            "mov [{0} + 8], rbp",
            "mov [{0} + 16], r12",
            "mov [{0} + 24], r13",
            "mov [{0} + 32], r14",
            "mov [{0} + 40], r15",
            in(reg) regs.as_mut_ptr(),
            options(nostack, preserves_flags),
        );
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: the asm only stores registers into `regs`, which is valid for 8 words.
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{0}]",
            "stp x21, x22, [{0}, #16]",
            "stp x23, x24, [{0}, #32]",
            "stp x25, x26, [{0}, #48]",
            in(reg) regs.as_mut_ptr(),
            options(nostack, preserves_flags),
        );
    }
    std::hint::black_box(regs)
}

/// Zero the 32 KiB of stack below the caller's frame, so that the frames
/// of a collection started next do not contain stale copies of pointers
/// left there by calls that have returned (uninitialised slots would be
/// read by the conservative scan and keep dead objects alive: Boehm's
/// `GC_clear_stack`). Used before an explicit `gc.collect()`, whose
/// callers expect what they dropped to be gone.
#[inline(never)]
pub fn scrub_stack() {
    let mut area = [0usize; 4096];
    // SAFETY: `area` is a local array; the volatile writes only keep the
    // compiler from removing the stores.
    unsafe { std::ptr::write_volatile(&mut area, [0usize; 4096]) };
    std::hint::black_box(&area);
}
