//! `print` and `input` (CPython: `builtin_print_impl`, `builtin_input_impl`).
//!
//! Both go through the stream objects in `sys` (`sys.stdout`, `sys.stdin`),
//! so a program that replaces them (with an `io.StringIO`, or any object with
//! a `write` method) is obeyed. When the stream is Krait's own
//! `_io.TextIOWrapper` the text is handed to it directly, without a method
//! call per piece.

use crate::error::PyResult;
use crate::native::Args;
use crate::protocol::{call, object};
use crate::stdio;
use crate::types::str::PyStr;
use crate::value::Value;
use crate::vm::Vm;

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub(super) fn builtin_print(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mut sep = Value::NULL;
    let mut end = Value::NULL;
    let mut file = Value::NULL;
    let mut flush = Value::NULL;
    for (name, value) in args.kwargs() {
        match name.as_str() {
            "sep" => sep = value,
            "end" => end = value,
            "file" => file = value,
            "flush" => flush = value,
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for print()"))),
        }
    }
    let sep = optional_text(vm, sep, "sep")?;
    let end = optional_text(vm, end, "end")?;
    if file.is_null() || vm.is_none(file) {
        file = stdio::sys_stream(vm, "stdout")?;
        // `sys.stdout = None` makes print a no-op, as in CPython.
        if vm.is_none(file) {
            return Ok(vm.none());
        }
    }
    for (i, &item) in args.positional().iter().enumerate() {
        if i > 0 {
            match sep {
                Some(sep) => write_value(vm, file, sep.value())?,
                None => write_str(vm, file, " ")?,
            }
        }
        let text = object::str(vm, item)?;
        write_value(vm, file, text.value())?;
    }
    match end {
        Some(end) => write_value(vm, file, end.value())?,
        None => write_str(vm, file, "\n")?,
    }
    if !flush.is_null() && object::truthy(vm, flush)? {
        call::call_method(vm, file, "flush", &[])?;
    }
    Ok(vm.none())
}

/// `sep`/`end`: None (the default) or a str.
fn optional_text(vm: &mut Vm, value: Value, what: &str) -> PyResult<Option<crate::object::Gc<PyStr>>> {
    if value.is_null() || vm.is_none(value) {
        return Ok(None);
    }
    match value.downcast::<PyStr>() {
        Some(s) => Ok(Some(s)),
        None => {
            let name = vm.type_name(value);
            Err(vm.type_error(format!("{what} must be None or a string, not {name}")))
        }
    }
}

fn write_str(vm: &mut Vm, file: Value, text: &str) -> PyResult<()> {
    if let Some(stream) = file.downcast::<stdio::PyStream>() {
        return stream.write_text(vm, text);
    }
    let text = vm.new_str(text);
    call::call_method(vm, file, "write", &[text])?;
    Ok(())
}

fn write_value(vm: &mut Vm, file: Value, text: Value) -> PyResult<()> {
    if let (Some(stream), Some(s)) = (file.downcast::<stdio::PyStream>(), text.downcast::<PyStr>()) {
        return stream.write_text(vm, s.as_str());
    }
    call::call_method(vm, file, "write", &[text])?;
    Ok(())
}

/// `input(prompt='')`: write the prompt to `sys.stdout`, read one line
/// from `sys.stdin` without its newline; `EOFError` at end of input.
pub(super) fn builtin_input(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "input", 0, 1)?;
    let stdin = stdio::sys_stream(vm, "stdin")?;
    let stdout = stdio::sys_stream(vm, "stdout")?;
    let stderr = stdio::sys_stream(vm, "stderr")?;
    if !vm.is_none(stderr) {
        flush_stream(vm, stderr)?;
    }
    if let Some(&prompt) = positional.first() {
        if !vm.is_none(stdout) {
            let text = object::str(vm, prompt)?;
            write_value(vm, stdout, text.value())?;
        }
    }
    if !vm.is_none(stdout) {
        flush_stream(vm, stdout)?;
    }
    if vm.is_none(stdin) {
        return Err(vm.runtime_error("input(): lost sys.stdin"));
    }
    let line = call::call_method(vm, stdin, "readline", &[])?;
    let Some(line) = line.downcast::<PyStr>() else {
        let name = vm.type_name(line);
        return Err(vm.type_error(format!("object.readline() returned non-string: {name}")));
    };
    let text = line.as_str();
    if text.is_empty() {
        return Err(vm.new_error(vm.exceptions.eof_error, "EOF when reading a line"));
    }
    let text = text.strip_suffix('\n').unwrap_or(text).to_string();
    Ok(vm.new_str(&text))
}

fn flush_stream(vm: &mut Vm, stream: Value) -> PyResult<()> {
    if let Some(stream) = stream.downcast::<stdio::PyStream>() {
        return stream.flush(vm);
    }
    call::call_method(vm, stream, "flush", &[])?;
    Ok(())
}
