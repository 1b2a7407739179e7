//! Krait's standard library modules written in Rust.
//!
//! Each module is a `NativeModuleDef` in its own file (or directory):
//! `math/` and `time.rs` are written; they are compiled and registered
//! (`vm.register_native_module`) once the VM they build on is wired in (see
//! the status section of docs/ARCHITECTURE.md).
