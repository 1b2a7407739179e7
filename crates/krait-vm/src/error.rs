//! Python exceptions as Rust errors.
//!
//! A `PyErr` is a raised exception instance. Every fallible operation returns
//! `PyResult`, and `?` propagates a Python exception exactly as far as Rust
//! frames go; the interpreter then unwinds Python frames through exception
//! tables. The constructors on `Vm` (`vm.type_error(...)`) build the
//! exception object with CPython's message text.

use crate::value::Value;

/// A raised Python exception (an instance of `BaseException`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[must_use]
pub struct PyErr(Value);

impl PyErr {
    /// Wrap an exception instance.
    pub fn from_exception(exception: Value) -> PyErr {
        debug_assert!(!exception.is_null());
        PyErr(exception)
    }

    /// The exception instance.
    pub fn exception(self) -> Value {
        self.0
    }
}

/// The result of any operation that can raise.
pub type PyResult<T = Value> = Result<T, PyErr>;
