//! Compiling source text into a runtime code object, turning the
//! compiler's `SyntaxError` into the Python exception.

use krait_compiler::{Mode, SyntaxErrorKind};

use crate::error::{PyErr, PyResult};
use crate::object::Gc;
use crate::types::function::PyCode;
use crate::value::Value;
use crate::vm::Vm;

/// Compile `source` (raises SyntaxError, IndentationError or TabError),
/// printing the compiler's `SyntaxWarning`s.
pub fn compile_source(vm: &mut Vm, source: &str, filename: &str, mode: Mode) -> PyResult<Gc<PyCode>> {
    match krait_compiler::compile_with_warnings(source, filename, mode) {
        Ok(output) => {
            for warning in &output.warnings {
                show_syntax_warning(vm, warning)?;
            }
            Ok(PyCode::from_code_object(vm, std::sync::Arc::new(output.code)))
        }
        Err(err) => Err(syntax_error(vm, &err)),
    }
}

/// Write a warning to `sys.stderr` as the `warnings` module's default
/// `showwarning` does: `{filename}:{line}: SyntaxWarning: {message}`, then
/// the source line, stripped and indented by two spaces, when `linecache`
/// can read it from the file named `filename` (so not for `<string>`).
fn show_syntax_warning(vm: &mut Vm, warning: &krait_compiler::SyntaxWarning) -> PyResult<()> {
    let mut text = format!("{}:{}: SyntaxWarning: {}\n", warning.filename, warning.line, warning.message);
    let is_pseudo_file = warning.filename.starts_with('<') && warning.filename.ends_with('>');
    if !is_pseudo_file {
        if let Ok(contents) = std::fs::read_to_string(&warning.filename) {
            let line = contents.lines().nth(warning.line.saturating_sub(1) as usize).map(str::trim);
            if let Some(line) = line.filter(|line| !line.is_empty()) {
                text.push_str(&format!("  {line}\n"));
            }
        }
    }
    let stderr = crate::stdio::sys_stream(vm, "stderr")?;
    if vm.is_none(stderr) {
        return Ok(());
    }
    if let Some(stream) = stderr.downcast::<crate::stdio::PyStream>() {
        return stream.write_text(vm, &text);
    }
    let text = vm.new_str(&text);
    crate::protocol::call::call_method(vm, stderr, "write", &[text])?;
    Ok(())
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

/// Run `source` (Python a native module is partly written in) in
/// `namespace`, the module's dict.
pub fn exec_source(
    vm: &mut Vm,
    source: &str,
    filename: &str,
    namespace: Gc<crate::types::dict::PyDict>,
) -> PyResult<()> {
    let code = compile_source(vm, source, filename, Mode::Exec)?;
    crate::interp::call::exec_code(vm, code, namespace, Value::NULL)?;
    Ok(())
}
