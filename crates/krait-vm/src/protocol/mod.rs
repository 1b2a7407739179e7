//! The abstract object protocol: the operations the interpreter and the
//! builtins perform on any value, dispatching to fast paths for exact
//! builtin types and to dunder methods found on the type otherwise. One
//! module per concern, as CPython's `abstract.c`/`object.c` sections.

pub mod attr;
pub mod call;
pub mod compare;
pub mod hash;
pub mod iter;
pub mod number;
pub mod object;
pub mod sequence;
