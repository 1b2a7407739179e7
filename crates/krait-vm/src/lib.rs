//! Krait's virtual machine: values, the heap and its collector, the object
//! model, the builtin types, the interpreter, and the import system.
//!
//! `vm` holds the interpreter state; `bootstrap` creates it; `interp` runs
//! bytecode; `protocol` is the abstract object protocol; `types` has one
//! file per builtin type; `gc` is the collector; `modules` has the builtin
//! modules that need the VM's internals (`gc`, `_weakref`).

pub mod bootstrap;
pub mod bufferedio;
pub mod builtins;
pub mod compile;
pub mod error;
pub mod gc;
pub mod hashing;
pub mod import;
pub mod interp;
pub mod jit_hooks;
pub mod map;
pub mod modules;
pub mod names;
pub mod native;
pub mod numeric;
pub mod object;
pub mod protocol;
pub mod rooted;
pub mod stdio;
pub mod structseq;
pub mod sys;
pub mod toplevel;
pub mod types;
pub mod unicode;
pub mod value;
pub mod vm;
