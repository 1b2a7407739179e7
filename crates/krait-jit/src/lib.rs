//! krait-jit: the tracing JIT.

pub mod backend;
pub mod ir;
pub mod opt;
