//! Krait's standard library modules written in Rust.
//!
//! Each module is a `NativeModuleDef` in its own file (or directory);
//! `register_all` makes them importable.

pub mod codecs;
pub mod collections;
pub mod contextvars;
pub mod functools;
pub mod io;
pub mod itertools;
pub mod math;
pub mod operator;
pub mod posix;
pub mod random;
pub mod sha512;
pub mod sre;
pub mod string;
pub mod structmodule;
pub mod thread;
pub mod time;
mod util;
pub mod warnings;

use krait_vm::vm::Vm;

/// Register every module of this crate with the VM.
pub fn register_all(vm: &mut Vm) {
    vm.register_native_module(&codecs::CODECS);
    vm.register_native_module(&collections::COLLECTIONS);
    vm.register_native_module(&contextvars::CONTEXTVARS);
    vm.register_native_module(&functools::FUNCTOOLS);
    vm.register_native_module(&io::IO);
    vm.register_native_module(&itertools::ITERTOOLS);
    vm.register_native_module(&math::MATH);
    vm.register_native_module(&operator::OPERATOR);
    vm.register_native_module(&posix::POSIX);
    vm.register_native_module(&random::RANDOM);
    vm.register_native_module(&sha512::SHA512);
    vm.register_native_module(&sre::SRE);
    vm.register_native_module(&string::STRING);
    vm.register_native_module(&structmodule::STRUCT);
    vm.register_native_module(&thread::THREAD);
    vm.register_native_module(&time::TIME);
    vm.register_native_module(&warnings::WARNINGS);
}
