//! Krait's virtual machine: values, the heap and its collector, the object
//! model, the builtin types, the interpreter, and the import system.
//!
//! Only the foundation below is compiled yet. The rest of the VM (the
//! interpreter loop in `interp/`, the protocol layer in `protocol/`, the
//! builtin types in `types/`, `vm.rs`, the builtins and `sys` modules) is
//! written but not yet wired into this module tree; see the status section
//! of docs/ARCHITECTURE.md.

pub mod gc;
pub mod numeric;
pub mod object;
pub mod unicode;
pub mod value;
