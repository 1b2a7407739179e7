//! Compiling source text into a runtime code object, turning the
//! compiler's `SyntaxError` into the Python exception.

use krait_compiler::{Mode, SyntaxErrorKind};

use crate::error::{PyErr, PyResult};
use crate::object::Gc;
use crate::types::function::PyCode;
use crate::value::Value;
use crate::vm::Vm;

/// Compile `source` (raises SyntaxError, IndentationError or TabError).
pub fn compile_source(vm: &mut Vm, source: &str, filename: &str, mode: Mode) -> PyResult<Gc<PyCode>> {
    match krait_compiler::compile(source, filename, mode) {
        Ok(code) => Ok(PyCode::from_code_object(vm, std::sync::Arc::new(code))),
        Err(err) => Err(syntax_error(vm, &err)),
    }
}

/// The Python exception for a compiler error:
/// `SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))`.
pub fn syntax_error(vm: &mut Vm, err: &krait_compiler::SyntaxError) -> PyErr {
    let ty = match err.kind {
        SyntaxErrorKind::SyntaxError => vm.exceptions.syntax_error,
        SyntaxErrorKind::IndentationError => vm.exceptions.indentation_error,
        SyntaxErrorKind::TabError => vm.exceptions.tab_error,
    };
    let message = vm.new_str(&err.message);
    let filename = vm.new_str(&err.filename);
    let text = match &err.text {
        Some(t) => vm.new_str(t),
        None => vm.none(),
    };
    let details = [
        filename,
        Value::from_small(err.line as i64),
        Value::from_small(err.offset as i64),
        text,
        Value::from_small(err.end_line as i64),
        Value::from_small(err.end_offset as i64),
    ];
    let details = crate::types::tuple::new_tuple(vm, &details);
    PyErr::from_exception(crate::types::exception::new_exception(vm, ty, &[message, details]))
}
