//! Builtin modules written in Rust that need the VM's internals (the
//! collector's tables), so they live here rather than in `krait-stdlib`.

pub mod atexit;
pub mod gc;
pub mod weakref;

use crate::vm::Vm;

/// Make this directory's modules importable.
pub fn register_all(vm: &mut Vm) {
    vm.register_native_module(&atexit::ATEXIT);
    vm.register_native_module(&gc::GC);
    vm.register_native_module(&weakref::WEAKREF);
}
