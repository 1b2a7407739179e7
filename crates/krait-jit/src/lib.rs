//! krait-jit: the tracing JIT.

pub mod ir;
