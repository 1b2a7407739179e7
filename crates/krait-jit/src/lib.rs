//! krait-jit: the tracing JIT.

pub mod ir;
pub mod opt;
